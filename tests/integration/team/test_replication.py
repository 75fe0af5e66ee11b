"""Local-first replication against a real PostgreSQL: merge, offline, order, forgets."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from mailflow import wait_for
from replytrail.core.models import Address
from replytrail.core.store.base import AttachmentBlob
from servers.teampg import TeamPg
from teamflow import CUSTOMER, Laptop, TeamDb

from .conftest import ANNA, BEN

pytestmark = pytest.mark.servers

MakeLaptop = Callable[[str], Laptop]


def test_two_salespeople_logging_at_once_get_one_merged_timeline(
    team: TeamDb, laptops: MakeLaptop
) -> None:
    anna, ben = laptops(ANNA), laptops(BEN)
    anna.join(team)
    ben.join(team)
    assert anna.replicator and ben.replicator
    anna.replicator.start()
    ben.replicator.start()
    # the customer's reply to both of them (one Message-ID, in both mailboxes)
    both = "<reply-to-both@firma.example>"

    def work(lap: Laptop) -> None:
        for i in range(25):
            lap.log()
            if i == 10:
                lap.log(message_id=both)

    threads = [threading.Thread(target=work, args=(lap,)) for lap in (anna, ben)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for lap in (anna, ben):

        def all_there(lap: Laptop = lap) -> bool:
            return len(lap.message_ids()) == 51

        wait_for(all_there, 60, f"{lap.email}: 51 emails")
    assert sorted(anna.message_ids()) == sorted(ben.message_ids())
    assert len(set(anna.message_ids())) == 51  # each email once, the shared reply too
    assert team.count() == 52  # the server keeps both owners' copies of the shared reply
    wait_for(lambda: anna.outbox() == 0 and ben.outbox() == 0, 30, "both outboxes drained")
    # a teammate's email reads like one's own in the timeline: subject, body, who wrote it
    theirs = next(e for e in anna.store.timeline(CUSTOMER.email) if e.account == BEN)
    assert theirs.subject.endswith(f"von {BEN}") and BEN in theirs.body_text


def test_offline_logging_goes_on_and_all_100_arrive_after_restart(
    team_pg: TeamPg, team: TeamDb, laptops: MakeLaptop
) -> None:
    anna, ben = laptops(ANNA), laptops(BEN)
    anna.join(team, idle_check=60.0)
    ben.join(team, idle_check=60.0)
    assert anna.replicator and ben.replicator
    anna.replicator.start()
    ben.replicator.start()
    anna.log()
    wait_for(lambda: len(ben.message_ids()) == 1, 30, "the first email at Ben's")
    team_pg.stop()
    try:
        logged = [anna.log().email.message_id for _ in range(100)]
        replicator = anna.replicator
        state = wait_for(
            lambda: replicator.local.state().get("offline_since"),
            30,
            "Anna's laptop to notice the outage",
        )
        assert state  # "team store offline since …"
        assert len(anna.message_ids()) == 101  # logging went on locally
        assert anna.outbox() == 100
    finally:
        team_pg.restart()
    wait_for(lambda: len(ben.message_ids()) == 101, 90, "all 100 at Ben's after the restart")
    assert team.count() == 101
    assert set(logged) <= set(ben.message_ids())
    wait_for(lambda: anna.outbox() == 0, 30, "Anna's outbox drained")
    assert anna.replicator.local.state().get("offline_since") == ""
    # drained in order: the server's sequence follows the order they were logged
    with team.admin() as conn:
        order = [
            r[0] for r in conn.execute("SELECT message_id FROM replytrail.emails ORDER BY seq")
        ]
    assert order[1:] == logged


def test_attachments_and_bodies_travel_and_a_repeated_push_changes_nothing(
    team: TeamDb, laptops: MakeLaptop
) -> None:
    anna, ben = laptops(ANNA), laptops(BEN)
    anna.join(team)
    ben.join(team)
    assert anna.replicator and ben.replicator
    pdf = AttachmentBlob("angebot.pdf", "application/pdf", b"%PDF-1.4 angebot" * 100)
    rec = anna.log(body="Bitte das Angebot prüfen.", attachments=[pdf])
    anna.replicator.sync_once()
    with team.admin() as conn:
        seq_before = conn.execute("SELECT max(seq) FROM replytrail.emails").fetchone()
    # the laptop crashed before the acknowledgement: the same email is pushed again
    anna.replicator.local.backfill([ANNA])
    assert anna.outbox() == 1
    anna.replicator.sync_once()
    with team.admin() as conn:
        assert conn.execute("SELECT max(seq) FROM replytrail.emails").fetchone() == seq_before
    assert team.count() == 1
    ben.replicator.sync_once()
    got = ben.store.email(rec.email.message_id)
    assert got is not None and got.body_text == "Bitte das Angebot prüfen."
    assert [(a.filename, a.size) for a in got.attachments] == [("angebot.pdf", len(pdf.data))]
    assert ben.store.attachment_data(got.attachments[0].sha256) == pdf.data


def test_forgets_reach_every_laptop(team: TeamDb, laptops: MakeLaptop) -> None:
    from replytrail.core.team.membership import forget_contact

    boss = "chefin@example.com"
    team.add(boss, admin=True)
    anna, ben, chefin = laptops(ANNA), laptops(BEN), laptops(boss)
    for lap in (anna, ben, chefin):
        lap.join(team)
    other = Address("einkauf@andere.example", "Einkauf")
    anna.log()
    anna.log(contact=other)
    ben.log()
    ben.log(contact=other)
    for lap in (anna, ben, chefin, anna):
        assert lap.replicator
        lap.replicator.sync_once()
    assert len(chefin.message_ids()) == 2 and len(chefin.message_ids(other.email)) == 2
    # Anna forgets the customer: her emails go everywhere, Ben's stay
    forget_contact(anna.store, anna.settings, CUSTOMER.email)
    for lap in (anna, ben, chefin):
        assert lap.replicator
        lap.replicator.sync_once()
    for lap in (ben, chefin):
        assert [e.account for e in lap.store.timeline(CUSTOMER.email)] == [BEN]
    assert anna.message_ids() == []  # her laptop forgot the customer altogether
    assert team.count(f"contact_emails @> ARRAY['{CUSTOMER.email}']") == 1  # Ben's stays
    # Ben may not forget a contact team-wide; the admin may, and every laptop follows
    from replytrail.core.store.postgres.remote import forget_team_wide

    with team.as_user(BEN) as conn, pytest.raises(Exception, match="row-level security"):
        forget_team_wide(conn, other.email)
    with team.as_user(boss) as conn:
        assert forget_team_wide(conn, other.email) == 2
    for lap in (anna, ben, chefin):
        assert lap.replicator
        lap.replicator.sync_once()
        assert lap.message_ids(other.email) == []
        assert lap.store.contact(other.email) is None
    assert team.count(f"contact_emails @> ARRAY['{other.email}']") == 0


def test_a_status_change_reaches_teammates_but_never_overwrites_my_own(
    team: TeamDb, laptops: MakeLaptop
) -> None:
    anna, ben = laptops(ANNA), laptops(BEN)
    anna.join(team)
    ben.join(team)
    assert anna.replicator and ben.replicator
    rec = anna.record(outbound=True, subject="Angebot Fräsmaschine")
    rec.email.status = "pending"  # recorded before SMTP, as the sender does
    assert anna.store.record(rec) is not None
    anna.replicator.sync_once()
    ben.replicator.sync_once()
    mid = rec.email.message_id
    email = ben.store.email(mid)
    assert email is not None and email.status == "pending"
    anna.store.set_status(mid, "sent")  # SMTP accepted it
    anna.replicator.requeue(rec.email.id)
    anna.replicator.sync_once()
    ben.replicator.sync_once()
    email = ben.store.email(mid)
    assert email is not None and email.status == "sent"
    # Anna's own copy coming back (a second laptop, a re-join) never overrides her store
    anna.store.set_status(mid, "bounced")
    with team.admin() as conn:  # the server bumps the row for another reason
        conn.execute(
            "UPDATE replytrail.emails SET subject = subject || ' ' WHERE message_id = %s", (mid,)
        )
    anna.replicator.sync_once()
    email = anna.store.email(mid)
    assert email is not None and email.status == "bounced"

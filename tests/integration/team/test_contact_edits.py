"""Contact edits and merges replicate through the team store (real PostgreSQL)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

import replytrail
from replytrail.core.models import Address
from replytrail.core.store.contact_fixes import ContactFixes
from replytrail.core.store.postgres.schema import PG_MIGRATIONS
from replytrail.core.store.team_side import CURSOR
from replytrail.core.team.admin import init_team
from replytrail.core.team.membership import joined
from servers.cli import Cli
from servers.teampg import TeamPg
from teamflow import CUSTOMER, Laptop, TeamDb

from .conftest import ANNA, BEN

pytestmark = pytest.mark.servers

MakeLaptop = Callable[[str], Laptop]
PRIVATE = Address("karl.privat@mail.example", "Karl")
TESTS = Path(__file__).parents[2]


def _fixes(lap: Laptop) -> ContactFixes:
    """What the CLI and the timeline build: queued for the team store when joined."""
    return ContactFixes(lap.store, team=joined(lap.settings))


def _sync(*laps: Laptop) -> None:
    for lap in laps:
        assert lap.replicator is not None
        lap.replicator.sync_once()


def _pair(team: TeamDb, laptops: MakeLaptop) -> tuple[Laptop, Laptop]:
    anna, ben = laptops(ANNA), laptops(BEN)
    anna.join(team)
    ben.join(team)
    anna.log()
    _sync(anna, ben)
    assert len(ben.message_ids()) == 1
    return anna, ben


def _seen(lap: Laptop, email: str = CUSTOMER.email) -> tuple[str, str]:
    c = lap.store.contact(email)
    assert c is not None, f"{lap.email} has no contact {email}"
    return c.name, c.company


def _edit_rows(team: TeamDb) -> list[tuple[str, str, str, str]]:
    with team.admin() as conn:
        rows = conn.execute(
            "SELECT owner, contact, field, value FROM replytrail.contact_edits ORDER BY seq"
        ).fetchall()
    return [(str(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]


def test_a_renamed_contact_and_its_company_reach_teammates(
    team: TeamDb, laptops: MakeLaptop
) -> None:
    anna, ben = _pair(team, laptops)
    _fixes(anna).edit(CUSTOMER.email, name="Karl K. Kunde", company="Firma GmbH")
    assert anna.outbox() == 1  # queued with the local change
    assert anna.replicator is not None
    assert (anna.replicator.sync_once().edits, anna.outbox()) == (1, 0)
    _sync(ben)
    assert anna.outbox() == 0
    assert _seen(ben) == ("Karl K. Kunde", "Firma GmbH")
    assert ben.outbox() == 0  # applying a pull queues nothing (no echo)
    assert _edit_rows(team) == [
        (ANNA, CUSTOMER.email, "name", "Karl K. Kunde"),
        (ANNA, CUSTOMER.email, "company", "Firma GmbH"),
    ]
    # the edit holds at Ben's when later mail carries the old display name
    anna.log()
    _sync(anna, ben)
    assert len(ben.message_ids()) == 2
    assert _seen(ben) == ("Karl K. Kunde", "Firma GmbH")


def test_without_a_team_nothing_is_queued(laptops: MakeLaptop) -> None:
    solo = laptops(ANNA)
    solo.log()
    _fixes(solo).edit(CUSTOMER.email, name="Karl K. Kunde")
    solo.log(contact=PRIVATE)
    _fixes(solo).merge(CUSTOMER.email, PRIVATE.email)
    assert solo.outbox() == 0
    assert _seen(solo)[0] == "Karl K. Kunde"


def test_a_merge_reaches_teammates_and_later_mail_follows(
    team: TeamDb, laptops: MakeLaptop
) -> None:
    anna, ben = _pair(team, laptops)
    anna.log(contact=PRIVATE)
    _sync(anna, ben)
    assert {c.email for c in ben.store.contacts()} == {CUSTOMER.email, PRIVATE.email}
    assert _fixes(anna).merge(CUSTOMER.email, PRIVATE.email) == 1
    _sync(anna, ben)
    [one] = ben.store.contacts()
    assert (one.email, one.emails) == (CUSTOMER.email, 2)
    assert sorted(ben.message_ids()) == sorted(anna.message_ids())
    assert ContactFixes(ben.store).aliases(CUSTOMER.email) == [PRIVATE.email]
    assert ben.outbox() == 0
    # a later email with the merged address lands with the kept contact at Ben's too
    anna.log(contact=PRIVATE)
    _sync(anna, ben)
    assert [c.email for c in ben.store.contacts()] == [CUSTOMER.email]
    assert len(ben.message_ids()) == 3


def test_a_merge_of_an_address_a_teammate_never_saw_still_redirects_it(
    team: TeamDb, laptops: MakeLaptop
) -> None:
    anna, ben = _pair(team, laptops)
    # Anna's private mail with Karl is not in the team store yet when the merge arrives
    rec = anna.record(contact=PRIVATE)
    rec.outbox = []
    assert anna.store.record(rec) is not None
    _fixes(anna).merge(CUSTOMER.email, PRIVATE.email)
    _sync(anna, ben)
    assert ContactFixes(ben.store).aliases(CUSTOMER.email) == [PRIVATE.email]
    ben.log(contact=PRIVATE)  # Ben's own later mail with that address
    assert [c.email for c in ben.store.contacts()] == [CUSTOMER.email]


def test_the_later_edit_wins_on_both_laptops(team: TeamDb, laptops: MakeLaptop) -> None:
    anna, ben = _pair(team, laptops)
    _fixes(anna).edit(CUSTOMER.email, name="Karl Kunde (Anna)", company="Firma GmbH")
    _sync(anna)
    # Ben edits the name before he has pulled Anna's edit: his reaches the server later
    _fixes(ben).edit(CUSTOMER.email, name="Karl Kunde (Ben)")
    _sync(ben, anna)
    assert _seen(ben) == ("Karl Kunde (Ben)", "Firma GmbH")
    assert _seen(anna) == ("Karl Kunde (Ben)", "Firma GmbH")
    # and Anna's newer company wins over nothing older; a second round changes nothing
    _fixes(anna).edit(CUSTOMER.email, company="Firma AG")
    _sync(anna, ben, anna, ben)
    assert _seen(ben) == _seen(anna) == ("Karl Kunde (Ben)", "Firma AG")
    assert anna.outbox() == ben.outbox() == 0


def test_nobody_overwrites_anothers_edit(team: TeamDb, laptops: MakeLaptop) -> None:
    anna, ben = _pair(team, laptops)
    _fixes(anna).edit(CUSTOMER.email, name="Karl K. Kunde")
    _sync(anna)
    with team.as_user(BEN) as conn:
        # every teammate reads the edits …
        assert conn.execute("SELECT count(*) FROM replytrail.contact_edits").fetchone() == (1,)
        # … but changes or deletes only their own
        cur = conn.execute(
            "UPDATE replytrail.contact_edits SET value = 'Hijacked', edit_id = 'x' "
            "WHERE owner = %s",
            (ANNA,),
        )
        assert cur.rowcount == 0
        assert conn.execute("DELETE FROM replytrail.contact_edits").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO replytrail.contact_edits (owner, contact, field, value, edit_id) "
                "VALUES (%s, %s, 'name', 'Hijacked', 'y')",
                (ANNA, CUSTOMER.email),
            )
        # nor hands one of their own rows over to her
        conn.execute(
            "INSERT INTO replytrail.contact_edits (contact, field, value, edit_id) "
            "VALUES ('other@firma.example', 'name', 'Ben''s', 'z')"
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE replytrail.contact_edits SET owner = %s", (ANNA,))
        conn.execute("DELETE FROM replytrail.contact_edits WHERE owner = current_user")
    assert _edit_rows(team) == [(ANNA, CUSTOMER.email, "name", "Karl K. Kunde")]
    _sync(ben)
    assert _seen(ben)[0] == "Karl K. Kunde"


def test_a_repeated_push_and_a_re_pull_apply_nothing_twice(
    team: TeamDb, laptops: MakeLaptop
) -> None:
    anna, ben = _pair(team, laptops)
    anna.log(contact=PRIVATE)
    _sync(anna, ben)
    _fixes(anna).edit(CUSTOMER.email, name="Karl K. Kunde", company="Firma GmbH")
    _fixes(anna).merge(CUSTOMER.email, PRIVATE.email)

    # the laptop dies after the server committed the edit, before the acknowledgement
    class Crash(Exception):
        pass

    def crash(stage: str) -> None:
        if stage == "pushed":
            raise Crash

    assert anna.replicator is not None
    anna.replicator.checkpoint = crash
    with pytest.raises(Crash):
        anna.replicator.sync_once()
    anna.replicator.checkpoint = lambda _stage: None
    assert anna.outbox() == 2
    with team.admin() as conn:
        before = conn.execute("SELECT max(seq) FROM replytrail.contact_edits").fetchone()
    _sync(anna)
    assert anna.outbox() == 0
    with team.admin() as conn:  # the repeated edit changed nothing; the merge went on top
        rows = conn.execute("SELECT field, seq FROM replytrail.contact_edits").fetchall()
    seqs = {str(r[0]): int(str(r[1])) for r in rows}
    assert before is not None and max(seqs["name"], seqs["company"]) == before[0]
    assert seqs["merged_into"] > seqs["company"]

    _sync(ben)
    expect = (ben.store.contacts(), sorted(ben.message_ids()))
    assert [(c.email, c.name, c.company, c.emails) for c in expect[0]] == [
        (CUSTOMER.email, "Karl K. Kunde", "Firma GmbH", 2)
    ]
    # pull everything again from the start: the same contacts, emails and aliases
    ben.store.record_many([], {CURSOR: "0"})
    _sync(ben)
    assert (ben.store.contacts(), sorted(ben.message_ids())) == expect
    assert ContactFixes(ben.store).aliases(CUSTOMER.email) == [PRIVATE.email]
    assert ben.outbox() == 0
    # a laptop that joins later gets the same from a first pull
    cleo_mail = "cleo@example.com"
    team.add(cleo_mail)
    cleo = laptops(cleo_mail)
    cleo.join(team)
    _sync(cleo)
    assert [(c.email, c.name, c.company, c.emails) for c in cleo.store.contacts()] == [
        (CUSTOMER.email, "Karl K. Kunde", "Firma GmbH", 2)
    ]


def test_an_older_team_store_keeps_working_and_takes_edits_after_its_upgrade(
    team_pg: TeamPg, laptops: MakeLaptop
) -> None:
    team = TeamDb(team_pg, team_pg.database())
    with team.admin() as conn:
        init_team(conn, "shared", upto=2)  # before contact edits
    team.add(ANNA)
    team.add(BEN)
    anna, ben = _pair(team, laptops)
    _fixes(anna).edit(CUSTOMER.email, name="Karl K. Kunde")
    anna.log()
    _sync(anna, ben)  # pulls and the email work; the edit is kept, marked refused
    assert len(ben.message_ids()) == 2
    assert anna.replicator is not None and anna.replicator.local.failed() == 1
    with team.admin() as conn:
        assert init_team(conn).after == len(PG_MIGRATIONS)  # the administrator upgrades
    anna.replicator.local.retry_failed()  # what the replicator does on its next connection
    _sync(anna, ben)
    assert anna.outbox() == 0
    assert _seen(ben)[0] == "Karl K. Kunde"


def _child(lap: Laptop, failpoint: str = "") -> int:
    """``team sync`` in a child process that SIGKILLs itself at *failpoint* (this checkout's
    replytrail, whatever the venv has installed)."""
    path = os.pathsep.join([str(TESTS), str(Path(replytrail.__file__).parents[1])])
    args = [sys.executable, "-m", "servers.team_child", str(lap.root), "10", "10"]
    env = {**os.environ, "PYTHONPATH": path}
    r = subprocess.run(args + ([failpoint] if failpoint else []), env=env, cwd=TESTS, timeout=300)
    return r.returncode


@pytest.mark.slow
def test_sigkill_between_push_and_ack_of_an_edit_doubles_nothing(
    team: TeamDb, laptops: MakeLaptop
) -> None:
    anna, ben = _pair(team, laptops)
    anna.log(contact=PRIVATE)
    _sync(anna, ben)
    _fixes(anna).edit(CUSTOMER.email, name="Karl K. Kunde", company="Firma GmbH")
    _fixes(anna).merge(CUSTOMER.email, PRIVATE.email)
    for point in ("push-sent:1", "pushed:1", "acked:1", "pushed:1"):
        assert _child(anna, point) == -signal.SIGKILL, point
    assert _child(anna) == 0
    assert anna.outbox() == 0
    assert sorted(_edit_rows(team)) == [
        (ANNA, PRIVATE.email, "merged_into", CUSTOMER.email),
        (ANNA, CUSTOMER.email, "company", "Firma GmbH"),
        (ANNA, CUSTOMER.email, "name", "Karl K. Kunde"),
    ]
    for point in ("pulled:1", "applied:1"):
        assert _child(ben, point) == -signal.SIGKILL, point
    assert _child(ben) == 0
    assert [(c.email, c.name, c.company, c.emails) for c in ben.store.contacts()] == [
        (CUSTOMER.email, "Karl K. Kunde", "Firma GmbH", 2)
    ]
    assert ben.outbox() == 0


def test_the_command_line_fixes_reach_teammates(
    team: TeamDb, laptops: MakeLaptop, cli: Cli
) -> None:
    anna, ben = _pair(team, laptops)
    anna.log(contact=PRIVATE)
    _sync(anna, ben)
    anna_cli = Cli(anna.root, env=cli.env)
    anna_cli.ok("contact", "edit", CUSTOMER.email, "--company", "Firma GmbH")
    anna_cli.ok("contact", "merge", CUSTOMER.email, PRIVATE.email)
    assert json.loads(anna_cli.ok("team", "status", "--json").out)["outbox"] == 2
    anna_cli.ok("team", "sync")
    _sync(ben)
    [one] = ben.store.contacts()
    assert (one.email, one.company, one.emails) == (CUSTOMER.email, "Firma GmbH", 2)

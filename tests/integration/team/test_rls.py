"""Access control is PostgreSQL's: row-level security tried at the SQL level, as the other role."""

from __future__ import annotations

from collections.abc import Callable

import psycopg
import pytest
from psycopg import sql

from replytrail.core.store.base import AttachmentBlob
from replytrail.core.team.admin import TeamRoles, init_team
from servers.teampg import TeamPg
from teamflow import Laptop, TeamDb, team_db

from .conftest import ANNA, BEN

pytestmark = pytest.mark.servers


def _anna_logs(team: TeamDb, laptops: Callable[[str], Laptop]) -> str:
    anna = laptops(ANNA)
    anna.join(team)
    pdf = AttachmentBlob("preise.pdf", "application/pdf", b"%PDF geheim")
    rec = anna.log(body="Unser bester Preis: 41.900 EUR", attachments=[pdf])
    assert anna.replicator
    anna.replicator.sync_once()
    return rec.email.message_id


def test_nobody_changes_or_deletes_anothers_rows(
    team: TeamDb, laptops: Callable[[str], Laptop]
) -> None:
    mid = _anna_logs(team, laptops)
    with team.as_user(BEN) as ben:
        assert ben.execute("SELECT count(*) FROM replytrail.emails").fetchone() == (1,)
        for stmt in (
            "UPDATE replytrail.emails SET subject = 'gefälscht' WHERE message_id = %s",
            "UPDATE replytrail.bodies SET body_text = 'gefälscht' WHERE message_id = %s",
            "DELETE FROM replytrail.attachments WHERE message_id = %s",
            "DELETE FROM replytrail.bodies WHERE message_id = %s",
            "DELETE FROM replytrail.emails WHERE message_id = %s",
        ):
            assert ben.execute(stmt, (mid,)).rowcount == 0, stmt
        # writing a row in Anna's name, or taking hers over, is refused outright
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            ben.execute(
                "INSERT INTO replytrail.emails (owner, message_id, content_hash, account, "
                "thread_id, direction, date, date_text, match) VALUES (%s, '<x@y>', '', '', "
                "'t', 'in', now(), '2026-12-01T10:00:00+00:00', 'sent')",
                (ANNA,),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            ben.execute(
                "INSERT INTO replytrail.tombstones (owner, account, message_id) VALUES (%s,%s,%s)",
                (ANNA, ANNA, mid),
            )
    with team.admin() as conn:
        row = conn.execute(
            "SELECT e.subject, b.body_text, (SELECT count(*) FROM replytrail.attachments) "
            "FROM replytrail.emails e JOIN replytrail.bodies b USING (owner, message_id)"
        ).fetchone()
    assert row is not None and "gefälscht" not in f"{row[0]}{row[1]}" and row[2] == 1


def test_private_bodies_hide_bodies_and_attachments_from_teammates(
    team_pg: TeamPg, laptops: Callable[[str], Laptop]
) -> None:
    team = team_db(team_pg, "private-bodies")
    team.add(ANNA)
    team.add(BEN)
    mid = _anna_logs(team, laptops)
    with team.as_user(BEN) as ben:
        # who talked to whom, when, about what: visible
        row = ben.execute(
            "SELECT owner, subject, contact_emails FROM replytrail.emails WHERE message_id = %s",
            (mid,),
        ).fetchone()
        assert row is not None and row[0] == ANNA and row[2] == ["kunde@firma.example"]
        # what was said: not
        assert ben.execute("SELECT count(*) FROM replytrail.bodies").fetchone() == (0,)
        assert ben.execute("SELECT count(*) FROM replytrail.attachments").fetchone() == (0,)
    with team.as_user(ANNA) as anna:
        assert anna.execute("SELECT count(*) FROM replytrail.bodies").fetchone() == (1,)
        assert anna.execute("SELECT count(*) FROM replytrail.attachments").fetchone() == (1,)
    # and so Ben's laptop receives the email without its body or attachment
    ben_laptop = laptops(BEN)
    ben_laptop.join(team)
    assert ben_laptop.replicator
    ben_laptop.replicator.sync_once()
    got = ben_laptop.store.email(mid)
    assert got is not None and got.subject and got.body_text == "" and got.attachments == []


def test_the_table_owner_is_subject_to_the_policies_too(
    team: TeamDb, laptops: Callable[[str], Laptop]
) -> None:
    _anna_logs(team, laptops)
    roles = TeamRoles.of(team.name)
    with team.admin() as conn, conn.transaction():
        forced = conn.execute(
            "SELECT relname FROM pg_class WHERE relnamespace = 'replytrail'::regnamespace "
            "AND relkind = 'r' AND relforcerowsecurity ORDER BY relname"
        ).fetchall()
        assert [r[0] for r in forced] == [
            "attachments",
            "bodies",
            "contact_edits",
            "emails",
            "tombstones",
        ]
        conn.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(roles.owner)))
        assert conn.execute("UPDATE replytrail.emails SET subject = 'x'").rowcount == 0
        assert conn.execute("DELETE FROM replytrail.bodies").rowcount == 0
    assert team.count("subject = 'x'") == 0


def test_init_is_idempotent_and_upgrades_an_older_schema(team_pg: TeamPg) -> None:
    name = team_pg.database()
    with psycopg.connect(team_pg.admin_dsn(name), autocommit=True) as conn:
        first = init_team(conn, "shared", upto=1)
        assert (first.before, first.after) == (0, 1)
        marker = "SELECT to_regclass('replytrail.contact_edits')"  # v3
        assert conn.execute(marker).fetchone() == (None,)
        second = init_team(conn, upto=2)
        assert (second.before, second.after) == (1, 2)
        unused = "SELECT to_regclass('replytrail.emails_owner_seq')"  # made by v2, gone in v4
        assert conn.execute(unused).fetchone() != (None,)
        third = init_team(conn)
        assert (third.before, third.after, third.policy) == (2, 4, "shared")
        assert conn.execute(marker).fetchone() != (None,)
        assert conn.execute(unused).fetchone() == (None,)
        fourth = init_team(conn, "private-bodies")
        assert (fourth.before, fourth.after, fourth.policy) == (4, 4, "private-bodies")

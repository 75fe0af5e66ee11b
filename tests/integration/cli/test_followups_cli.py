"""``replytrail followups`` and ``remind`` on a real store (SPEC §12, §16)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from factories import record
from replytrail.core.store.sqlite import SQLiteStore
from servers.cli import Cli

pytestmark = pytest.mark.servers  # the CLI with the real keyring


def _fill(cli: Cli) -> None:
    store = SQLiteStore(cli.data_dir / "replytrail.sqlite3", cli.data_dir / "attachments")
    old = datetime.now(UTC) - timedelta(days=20)
    for n, (thread, direction, contact) in enumerate(
        [("t1", "out", "a@firma.example"), ("t2", "out", "b@firma.example"),
         ("t2", "in", "b@firma.example"), ("t3", "out", "c@kunde.example")]
    ):  # fmt: skip
        rec = record(n, thread, direction=direction, contact=contact)
        rec.email.date = old + timedelta(days=n)
        store.record(rec)
    store.close()


def test_followups_json_oldest_first_and_remind(cli: Cli) -> None:
    _fill(cli)
    got = cli.ok("followups", "--json").json()
    assert [g["message_id"] for g in got] == ["<m0@example.test>", "<m3@example.test>"]
    assert [g["contact"] for g in got] == ["a@firma.example", "c@kunde.example"]
    assert all(g["working_days"] >= 10 and g["remind_at"] is None for g in got)
    assert {"message_id", "thread_id", "direction", "date", "subject"} <= set(got[0])
    assert "a@firma.example" in cli.ok("followups").out
    cli.ok("remind", "<m3@example.test>", "--in-days", "2")
    (later,) = [g for g in cli.ok("followups", "--json").json() if g["remind_at"]]
    assert later["message_id"] == "<m3@example.test>"
    bad = cli("remind", "<nope@x>", "--in-days", "1")
    assert bad.code == 1 and bad.err.count("\n") == 1

"""``replytrail contacts --csv``: a CRM's contact import, round-tripped through Python's csv."""

from __future__ import annotations

import csv
import io
import sqlite3

import pytest

from factories import record
from replytrail.core.store.sqlite import SQLiteStore
from servers.cli import Cli

pytestmark = pytest.mark.servers


def test_csv_round_trip_with_german_names_and_commas(cli: Cli) -> None:
    store = SQLiteStore(cli.data_dir / "replytrail.sqlite3", cli.data_dir / "attachments")
    t1, t2 = store.new_thread_id(), store.new_thread_id()
    store.record(record(1, t1, contact="j.mueller@baeckerei.example", direction="out"))
    store.record(record(2, t1, contact="j.mueller@baeckerei.example"))
    store.record(record(3, t2, contact="zoe@gmail.com", direction="out"))
    store.close()
    with sqlite3.connect(cli.data_dir / "replytrail.sqlite3") as db:  # as edited by the user
        db.execute(
            "UPDATE contacts SET name = ?, company = ? WHERE email = ?",
            ("Müller, Jürgen", 'Bäckerei Müller, Söhne & Co. KG "Zur Mühle"',
             "j.mueller@baeckerei.example"),
        )  # fmt: skip
        db.execute("UPDATE contacts SET name = 'Zoë Ångström' WHERE email = 'zoe@gmail.com'")
    out = cli.ok("contacts", "--csv").out
    assert out.startswith("email,name,first_name,last_name,company,")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert [r["email"] for r in rows] == ["zoe@gmail.com", "j.mueller@baeckerei.example"]
    zoe, jm = rows
    assert (jm["first_name"], jm["last_name"]) == ("Jürgen", "Müller")
    assert jm["company"] == 'Bäckerei Müller, Söhne & Co. KG "Zur Mühle"'
    assert (jm["emails"], jm["received"], jm["sent"]) == ("2", "1", "1")
    assert jm["awaiting_reply"] == "no" and jm["awaiting_since"] == ""
    assert jm["first_activity"].startswith("2026-") and jm["last_activity"] > jm["first_activity"]
    assert (zoe["first_name"], zoe["last_name"], zoe["company"]) == ("Zoë", "Ångström", "")
    assert zoe["awaiting_reply"] == "yes" and zoe["awaiting_since"] == zoe["last_activity"]
    only = list(csv.DictReader(io.StringIO(cli.ok("contacts", "--csv", "--search", "mühle").out)))
    assert [r["email"] for r in only] == ["j.mueller@baeckerei.example"]

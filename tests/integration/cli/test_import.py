"""``replytrail import`` against a real Dovecot: a 2,000-message mailbox, 40 customer threads."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from importmail import ALICE, TOKEN, Mailbox, build_mailbox, message
from mailflow import Setup
from replytrail.core.logbook import Policy
from replytrail.core.mail.importer import Importer, ImportProgress, ImportRequest
from replytrail.core.models import Account, Security
from replytrail.core.store.sqlite import SQLiteStore
from servers.cli import Cli
from servers.mailservers import Dovecot

pytestmark = pytest.mark.servers


@pytest.fixture
def filled(cli: Cli, dovecot: Dovecot) -> tuple[Setup, Mailbox]:
    cli.add_dovecot_account(dovecot)
    cli.ok("config", "set", "logging.never_log", "partner.example")
    return Setup(cli, dovecot), build_mailbox(dovecot)


def _threads(s: Setup) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for thread, mid in s.rows("SELECT thread_id, message_id FROM emails"):
        out.setdefault(thread, set()).add(mid)
    return out


def test_import_brings_in_exactly_the_customer_threads(filled: tuple[Setup, Mailbox]) -> None:
    s, box = filled
    assert box.total == 2000
    result = s.cli.ok("import", "--json").json()
    assert result[0]["threads"] == 40
    assert result[0]["emails"] == len(box.expected_ids)
    assert sorted(result[0]["contacts"]) == sorted(box.customers)
    assert result[0]["scanned"] >= 1900  # header fields of the whole period were looked at
    assert set(s.logged()) == box.expected_ids
    assert sorted(map(frozenset, _threads(s).values()), key=sorted) == sorted(
        map(frozenset, box.threads.values()), key=sorted
    )
    rows = s.rows(
        "SELECT direction, match, body_text FROM emails WHERE message_id = '<r7@firma7.example>'"
    )
    assert rows == [("in", "import", "Guten Tag,\n\nanbei die Unterlagen.\n")]
    contacts = {c["email"] for c in s.cli.ok("contacts", "--json").json()}
    assert contacts == set(box.customers)


def test_nothing_outside_the_threads_reaches_the_data_dir(filled: tuple[Setup, Mailbox]) -> None:
    s, _box = filled
    s.cli.ok("import")
    files = [p for p in s.cli.data_dir.rglob("*") if p.is_file()]
    assert any(p.name.endswith(".sqlite3") for p in files)
    leaks = [p for p in files if TOKEN.encode() in p.read_bytes()]
    assert leaks == []


def test_reimport_imports_nothing_twice_and_later_replies_are_logged(
    filled: tuple[Setup, Mailbox],
) -> None:
    s, box = filled
    s.cli.ok("import")
    before = s.rows("SELECT count(*) FROM emails")
    again = s.cli.ok("import", "--json").json()[0]
    assert again["emails"] == 0 and again["threads"] == 0
    assert again["already"] == len(box.expected_ids)
    assert s.rows("SELECT count(*) FROM emails") == before
    # the threads are tracked now: the customer's next answer is logged by the watcher
    later = message(
        "Kunde 5 <kunde5@firma5.example>",
        ALICE,
        "Re: Angebot 5",
        "<later5@firma5.example>",
        datetime.now(UTC),
        refs=("<s5@example.test>", "<r5@firma5.example>"),
    )
    s.deliver(later)
    s.cli.ok("watch", "--once")
    assert s.logged()["<later5@firma5.example>"] == ("in", "in-reply-to", "email")
    threads = s.rows(
        "SELECT DISTINCT thread_id FROM emails WHERE message_id IN (?, ?, ?)",
        ("<s5@example.test>", "<r5@firma5.example>", "<later5@firma5.example>"),
    )
    assert len(threads) == 1


def test_bring_in_all_emails_with_one_contact(filled: tuple[Setup, Mailbox]) -> None:
    s, box = filled
    s.cli.ok("import")
    assert not box.old_ids & set(s.logged())  # eight weeks old: outside the default period
    r = s.cli.ok("import", "--contact", box.old_contact, "--json").json()[0]
    assert r["emails"] == 2 and r["threads"] == 1
    assert box.old_ids <= set(s.logged())
    assert len(s.rows("SELECT DISTINCT thread_id FROM emails WHERE message_id LIKE '<old%'")) == 1


def test_bad_date_is_one_line(cli: Cli, dovecot: Dovecot) -> None:
    cli.add_dovecot_account(dovecot)
    r = cli("import", "--since", "last week")
    assert r.code == 1 and r.err.count("\n") == 1 and "not a date" in r.err


def test_stop_keeps_whole_emails_and_a_rerun_finishes(
    filled: tuple[Setup, Mailbox], tmp_path: Path
) -> None:
    s, box = filled
    d = s.dovecot
    account = Account(
        email=ALICE,
        imap_host=d.listen,
        imap_port=d.ports["imaps"],
        imap_security=Security.SSL,
        ca_file=str(d.certs[0]),
    )
    store = SQLiteStore(tmp_path / "store.sqlite3")
    stop = threading.Event()
    phases: list[str] = []

    def progress(p: ImportProgress) -> None:
        phases.append(p.phase)
        if p.phase == "bodies":
            stop.set()  # the Stop button, pressed after the first batch

    policy = Policy(never_log=("partner.example",))
    importer = Importer(store, account, lambda: "alicepw", policy, progress=progress, stop=stop)
    first = importer.run(ImportRequest(since=None))
    assert first.stopped
    assert phases[0] == "sent" and "inbox" in phases
    assert 0 < first.emails < len(box.expected_ids)
    stored = store.stats()["emails"]
    assert stored == first.emails
    second = Importer(store, account, lambda: "alicepw", policy).run(ImportRequest(since=None))
    assert not second.stopped
    assert first.emails + second.emails == len(box.expected_ids) + len(box.old_ids)
    assert store.stats()["emails"] == len(box.expected_ids) + len(box.old_ids)
    store.close()

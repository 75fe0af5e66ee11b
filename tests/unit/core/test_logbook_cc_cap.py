"""One email with 10,000 Cc addresses: at most 50 new contacts, every address kept on the email."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from factories import record
from replytrail.core.logbook import Logbook, Policy
from replytrail.core.mail.parse import parse_headers
from replytrail.core.models import Account
from replytrail.core.participants import MAX_NEW_CONTACTS
from replytrail.core.store.sqlite import SQLiteStore

ACCOUNT = Account(email="alice@example.test", imap_host="imap.example.test")
KNOWN = "kunde@firma.example"


def _reply_with_cc(n: int) -> bytes:
    cc = ", ".join(f"person{i}@many{i % 97}.example" for i in range(n))
    return (
        f"From: Kunde <{KNOWN}>\r\nTo: alice@example.test\r\nCc: {cc}, old@friend.example\r\n"
        "Subject: Re: Angebot\r\nMessage-ID: <reply@firma.example>\r\n"
        "In-Reply-To: <m1@example.test>\r\nDate: Tue, 03 Nov 2026 10:00:00 +0000\r\n\r\n"
        "Danke, wir sind dabei.\r\n"
    ).encode()


def test_ten_thousand_cc_make_at_most_fifty_new_contacts(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "store.sqlite3", tmp_path / "attachments")
    try:
        store.record(record(1, "T1", contact=KNOWN, direction="out", track=["<m1@example.test>"]))
        store.record(record(2, "T2", contact="old@friend.example", direction="out"))
        before = {c.email for c in store.contacts()}
        raw = _reply_with_cc(10_000)
        decision = Logbook(store).handle(
            ACCOUNT,
            "inbox",
            parse_headers(raw),
            lambda: raw,
            policy=Policy(),
            now=datetime(2026, 11, 3, 11, tzinfo=UTC),
        )
        assert decision.action == "logged"
        after = {c.email for c in store.contacts(limit=100_000)}
        new = after - before
        assert len(new) <= MAX_NEW_CONTACTS
        assert {KNOWN, "old@friend.example"} <= after
        logged = store.email("<reply@firma.example>")
        assert logged is not None and len(logged.cc) == 10_001  # all kept as participants
        # the known contact beyond the cap is still linked: the email is on its timeline
        assert "<reply@firma.example>" in [
            e.message_id for e in store.timeline("old@friend.example")
        ]
    finally:
        store.close()

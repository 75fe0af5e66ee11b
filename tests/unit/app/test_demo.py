"""The demo data set: realistic, complete (every badge has an example) and deterministic."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from replytrail.app.demo import DEMO_ACCOUNT, build_demo_data
from replytrail.core.accounts import AccountRegistry
from replytrail.core.models import Direction, Kind, LoggedEmail, MatchReason
from replytrail.core.store.sqlite import SQLiteStore

NOW = datetime(2026, 6, 30, 12, 0, tzinfo=UTC)


def _all(store: SQLiteStore) -> list[LoggedEmail]:
    out: list[LoggedEmail] = []
    for c in store.contacts():
        out.extend(store.timeline(c.email, 1000))
    return out


def _open(d: Path) -> SQLiteStore:
    return SQLiteStore(d / "replytrail.sqlite3", d / "attachments")


def test_demo_store_has_every_case(tmp_path: Path) -> None:
    build_demo_data(tmp_path, now=NOW)
    store = _open(tmp_path)
    try:
        contacts = store.contacts()
        assert 10 <= len(contacts) <= 14
        assert all(c.email.endswith(".example") for c in contacts)
        assert sum(1 for c in contacts if not c.company) >= 2  # free-mail contacts
        assert [c.email for c in contacts if c.bounced] == ["m.hoffmann@stadtwerke-nord.example"]
        emails = _all(store)
        assert {e.direction for e in emails} == {Direction.IN, Direction.OUT}
        assert any(e.kind is Kind.AUTO_REPLY for e in emails)
        assert any(e.kind is Kind.BOUNCE for e in emails)
        assert any(e.match is MatchReason.SUBJECT for e in emails)
        assert any(e.match is MatchReason.THREAD_INDEX for e in emails)
        assert any(e.match is MatchReason.BCC for e in emails)
        assert any("Grüße" in e.body_text for e in emails)  # German threads
        assert any("Best regards" in e.body_text for e in emails)  # English threads
        html = [e for e in emails if e.body_html]
        assert html and "https://t.mail-insights.example/open.gif" in html[0].body_html
        replies = [
            e
            for e in emails
            if e.direction is Direction.IN
            and e.kind is Kind.EMAIL
            and e.match is not MatchReason.SUBJECT
        ]
        assert replies and all(e.in_reply_to and e.references for e in replies)
        ids = {e.message_id for e in emails}
        assert all(e.in_reply_to in ids for e in replies)
        assert all(NOW - timedelta(days=61) <= e.date <= NOW for e in emails)
        atts = [a for e in emails for a in e.attachments]
        pdfs = [a for a in atts if a.content_type == "application/pdf"]
        pngs = [a for a in atts if a.content_type == "image/png"]
        assert pdfs and store.attachment_data(pdfs[0].sha256).startswith(b"%PDF-1.4")
        assert store.attachment_data(pdfs[0].sha256).rstrip().endswith(b"%%EOF")
        assert pngs and store.attachment_data(pngs[0].sha256).startswith(b"\x89PNG\r\n\x1a\n")
        bounced_out = [e for e in emails if e.status == "bounced"]
        assert bounced_out
        assert store.bounced_recipients(bounced_out[0].message_id) == [
            "m.hoffmann@stadtwerke-nord.example"
        ]
    finally:
        store.close()


def test_demo_settings_and_account_without_password(tmp_path: Path) -> None:
    build_demo_data(tmp_path, now=NOW)
    accounts = AccountRegistry(tmp_path / "accounts.toml").all()
    assert [a.email for a in accounts] == [DEMO_ACCOUNT]
    assert accounts[0].credential_ref == ""
    text = (tmp_path / "accounts.toml").read_text()
    assert "password" not in text.replace('auth = "password"', "")
    with (tmp_path / "settings.toml").open("rb") as f:
        assert isinstance(tomllib.load(f), dict)


def test_demo_is_deterministic_and_idempotent(tmp_path: Path) -> None:
    build_demo_data(tmp_path / "a", now=NOW)
    build_demo_data(tmp_path / "b", now=NOW)
    build_demo_data(tmp_path / "b", now=NOW)  # a second run adds nothing
    a, b = _open(tmp_path / "a"), _open(tmp_path / "b")
    try:
        ja = sorted((e.to_json() for e in _all(a)), key=lambda j: str(j["message_id"]))
        jb = sorted((e.to_json() for e in _all(b)), key=lambda j: str(j["message_id"]))
        assert ja == jb
        assert a.stats() == b.stats()
    finally:
        a.close()
        b.close()

"""The local store on real SQLite files: exactly once, lookups, search, forget, migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from factories import BASE, record
from replytrail.core.errors import StoreError
from replytrail.core.models import Direction
from replytrail.core.store.base import AttachmentBlob, SearchFilter
from replytrail.core.store.schema import SQLITE_MIGRATIONS
from replytrail.core.store.sqlite import SQLiteStore, company_for


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(tmp_path / "store.sqlite3")
    yield s
    s.close()


def test_wal_and_schema_version(store: SQLiteStore) -> None:
    row = store._one("PRAGMA journal_mode")
    assert row is not None and row[0] == "wal"
    assert store.version == len(SQLITE_MIGRATIONS)


def test_logged_once_and_tracked(store: SQLiteStore) -> None:
    t = store.new_thread_id()
    assert store.record(record(1, t, direction="out")) is not None
    assert store.record(record(1, t, direction="out")) is None  # same Message-ID: once
    assert store.stats()["emails"] == 1
    assert store.thread_of_message_id("<m1@example.test>") == t
    assert store.thread_of_message_id("<other@example.test>") is None


def test_attachments_stored_once_by_hash(store: SQLiteStore, tmp_path: Path) -> None:
    blob = AttachmentBlob("Angebot.pdf", "application/pdf", b"%PDF-1.4 same bytes")
    t = store.new_thread_id()
    store.record(record(1, t, attachments=[blob]))
    store.record(record(2, t, attachments=[blob]))
    files = list(store.blobs.all())
    assert len(files) == 1
    e = store.email("<m2@example.test>")
    assert e is not None and e.attachments[0].filename == "Angebot.pdf"
    assert store.attachment_data(e.attachments[0].sha256) == b"%PDF-1.4 same bytes"


def test_contacts_timeline_newest_first(store: SQLiteStore) -> None:
    t = store.new_thread_id()
    for n in range(5):
        store.record(record(n, t, direction="out" if n % 2 else "in"))
    c = store.contact("kunde@firma.example")
    assert c is not None and c.emails == 5 and c.company == "Firma"
    tl = store.timeline("kunde@firma.example")
    assert [e.message_id for e in tl] == [f"<m{n}@example.test>" for n in range(4, -1, -1)]
    assert store.timeline_count("kunde@firma.example") == 5
    assert [e.message_id for e in store.timeline("kunde@firma.example", limit=2, offset=2)] == [
        "<m2@example.test>",
        "<m1@example.test>",
    ]


def test_full_text_search_with_filters(store: SQLiteStore) -> None:
    t = store.new_thread_id()
    store.record(record(1, t, body="Die Lieferung der Fräsmaschine verzögert sich"))
    store.record(record(2, t, direction="out", subject="Preise", body="Preisliste anbei"))
    hits = store.search("Frasmaschine")  # diacritics folded
    assert [e.message_id for e in hits] == ["<m1@example.test>"]
    outgoing = store.search("kunde@firma.example", SearchFilter(direction=Direction.OUT))
    assert [e.message_id for e in outgoing] == ["<m2@example.test>"]
    assert store.search("Preisliste", SearchFilter(since=BASE + timedelta(hours=3))) == []
    assert store.search('"; DROP TABLE emails; --') == []
    assert store.stats()["emails"] == 2


def test_subject_lookup_needs_recent_participation(store: SQLiteStore) -> None:
    t = store.new_thread_id()
    store.record(record(1, t, direction="out", subject="Angebot"))
    assert store.threads_with_subject("angebot", "kunde@firma.example", BASE) == [t]
    assert store.threads_with_subject("angebot", "other@firma.example", BASE) == []
    assert (
        store.threads_with_subject("angebot", "kunde@firma.example", BASE + timedelta(days=1)) == []
    )


def test_bounce_marks_original_and_contact(store: SQLiteStore) -> None:
    t = store.new_thread_id()
    store.record(record(1, t, direction="out"))
    assert store.mark_bounced("<m1@example.test>", "kunde@firma.example", None)
    e = store.email("<m1@example.test>")
    assert e is not None and e.status == "bounced"
    c = store.contact("kunde@firma.example")
    assert c is not None and c.bounced
    assert not store.mark_bounced("<unknown@example.test>", "x@y.example", None)


def test_forget_contact_removes_everything(store: SQLiteStore, tmp_path: Path) -> None:
    t = store.new_thread_id()
    blob = AttachmentBlob("secret.pdf", "application/pdf", b"UNIQUE-ATTACHMENT-TOKEN")
    store.record(
        record(
            1,
            t,
            body="UNIQUE-BODY-TOKEN",
            attachments=[blob],
            raw=b"Subject: x\r\n\r\nUNIQUE-RAW-TOKEN",
        )
    )
    store.record(record(2, store.new_thread_id(), contact="other@else.example", body="keep me"))
    assert store.forget_contact("kunde@firma.example") == 1
    assert store.contact("kunde@firma.example") is None
    assert store.thread_of_message_id("<m1@example.test>") is None
    assert store.search("UNIQUE") == []
    assert store.contact("other@else.example") is not None
    store.close()
    for f in tmp_path.rglob("*"):
        if f.is_file():
            data = f.read_bytes()
            for token in (b"UNIQUE-BODY-TOKEN", b"UNIQUE-ATTACHMENT-TOKEN", b"UNIQUE-RAW-TOKEN"):
                assert token not in data, f"{token!r} left in {f}"


def test_checkpoints(store: SQLiteStore) -> None:
    from replytrail.core.models import Checkpoint

    assert store.checkpoint("a@x.example", "INBOX") is None
    store.set_checkpoint(Checkpoint("a@x.example", "INBOX", 7, 42))
    store.set_checkpoint(Checkpoint("a@x.example", "INBOX", 7, 43))
    assert store.checkpoint("a@x.example", "INBOX") == Checkpoint("a@x.example", "INBOX", 7, 43)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "s.sqlite3"
    SQLiteStore(p).close()
    with sqlite3.connect(p) as db:
        db.execute("PRAGMA user_version=99")
    with pytest.raises(StoreError, match="newer Replytrail"):
        SQLiteStore(p)


def test_not_a_database_is_one_line_error(tmp_path: Path) -> None:
    p = tmp_path / "s.sqlite3"
    p.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError) as e:
        SQLiteStore(p)
    assert "\n" not in e.value.message


def test_company_derivation() -> None:
    assert company_for("a@mueller-maschinenbau.de") == "Mueller Maschinenbau"
    assert company_for("a@gmail.com") == ""
    assert company_for("a@sales.acme.co.uk") == "Acme"


def test_outbox_row_written_with_the_email_and_gone_with_it(store: SQLiteStore) -> None:
    """SPEC §17: every target's outbox entry is committed in the email's own transaction."""
    t = store.new_thread_id()
    rec = record(1, t)
    rec.outbox = ["team", "handoff:crm"]
    email_id = store.record(rec)
    rows = store._q("SELECT target, op, email_id, state FROM outbox ORDER BY id")
    assert rows == [
        ("team", "upsert", email_id, "pending"),
        ("handoff:crm", "upsert", email_id, "pending"),
    ]
    again = record(1, t)
    again.outbox = ["team"]
    assert store.record(again) is None  # already logged: no second outbox entry
    assert len(store._q("SELECT 1 FROM outbox")) == 2
    store.forget_contact("kunde@firma.example")
    assert store._q("SELECT 1 FROM outbox") == []  # forgotten before it left: never sent


def test_v1_store_is_upgraded_in_place(tmp_path: Path) -> None:
    from replytrail.core.store.schema import SQLITE_MIGRATIONS

    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    for stmt in SQLITE_MIGRATIONS[0]:
        db.execute(stmt)
    db.execute("PRAGMA user_version=1")
    db.commit()
    db.close()
    s = SQLiteStore(path)
    try:
        assert s.version == len(SQLITE_MIGRATIONS)
        names = {r[0] for r in s._q("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"tracked_email", "bounces_bounce", "outbox_due"} <= names
    finally:
        s.close()

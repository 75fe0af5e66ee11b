"""The local store on a real tmpfs that fills: DiskFull, nothing half-written, usable again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from factories import record
from replytrail.core.errors import DiskFull
from replytrail.core.store.base import AttachmentBlob
from replytrail.core.store.sqlite import SQLiteStore
from servers.disk import SmallDisk


@pytest.fixture
def store(small_disk: SmallDisk) -> Iterator[SQLiteStore]:
    s = SQLiteStore(small_disk.path / "replytrail.sqlite3")
    yield s
    s.close()


def test_a_row_that_does_not_fit_raises_disk_full_and_fits_once_space_is_back(
    store: SQLiteStore, small_disk: SmallDisk
) -> None:
    t = store.new_thread_id()
    assert store.record(record(1, t, direction="out")) is not None
    small_disk.fill(leave=64 * 1024)
    big = record(2, t, body="Lieferung " * 60_000)  # ~600 KB of text, no raw copy: SQLite full
    with pytest.raises(DiskFull) as info:
        store.record(big)
    assert info.value.message == (
        "Disk full: Replytrail cannot log new replies until space is freed"
    )
    assert not store.has_message("<m2@example.test>")  # nothing half-written
    assert [e.message_id for e in store.timeline("kunde@firma.example")] == ["<m1@example.test>"]
    small_disk.release()
    assert store.record(big) is not None
    assert store.has_message("<m2@example.test>")
    assert store.integrity_check() == "ok"


def test_an_attachment_that_does_not_fit_raises_disk_full_before_any_row(
    store: SQLiteStore, small_disk: SmallDisk
) -> None:
    t = store.new_thread_id()
    small_disk.fill(leave=64 * 1024)
    pdf = AttachmentBlob("Auftrag.pdf", "application/pdf", b"%PDF" + b"x" * 500_000)
    with pytest.raises(DiskFull):
        store.record(record(1, t, attachments=[pdf]))
    assert not store.has_message("<m1@example.test>")
    assert not any(p.name.startswith(".tmp-") for p in store.blobs.root.rglob("*"))
    small_disk.release()
    assert store.record(record(1, t, attachments=[pdf])) is not None
    stored = store.email("<m1@example.test>")
    assert stored is not None
    assert store.attachment_data(stored.attachments[0].sha256) == pdf.data

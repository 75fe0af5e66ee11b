"""Export under hostile mail and real faults: deep MIME, a full disk, SIGKILL mid-write.

The mbox must be complete or absent in the user's folder — never a ``.tmp`` or half a file.
"""

from __future__ import annotations

import mailbox
import os
import signal
import time
from pathlib import Path

import pytest

from factories import record
from replytrail.core.export import ExportFailed, export_emails
from replytrail.core.store.sqlite import SQLiteStore
from servers.cli import Cli
from servers.disk import SmallDisk

CONTACT = "kunde@firma.example"


def nested_multipart(levels: int) -> bytes:
    """A message whose MIME tree is *levels* multiparts deep with one text leaf."""
    head = (
        "From: Kunde <kunde@firma.example>\r\nTo: alice@example.test\r\n"
        "Subject: deep\r\nMessage-ID: <m1@example.test>\r\nMIME-Version: 1.0\r\n"
    )
    parts = [head]
    for i in range(levels):
        parts.append(f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n')
    parts.append("Content-Type: text/plain\r\n\r\ninnermost text\r\n")
    parts.extend(f"--b{i}--\r\n" for i in reversed(range(levels)))
    return "".join(parts).encode()


def _store(data_dir: Path, raws: list[bytes]) -> SQLiteStore:
    store = SQLiteStore(data_dir / "replytrail.sqlite3", data_dir / "attachments")
    for n, raw in enumerate(raws, 1):
        store.record(record(n, "T1", contact=CONTACT, raw=raw))
    return store


def test_mbox_of_a_2000_level_multipart(tmp_path: Path) -> None:
    store = _store(tmp_path, [nested_multipart(2000)])
    try:
        emails = store.timeline(CONTACT)
        out = export_emails(store, emails, "mbox", tmp_path / "out" / "all.mbox")
    finally:
        store.close()
    box = mailbox.mbox(str(out))
    try:
        (key,) = box.keys()
        assert b"innermost text" in box.get_bytes(key)  # (parsing it would recurse 2,000 deep)
    finally:
        box.close()
    assert sorted(p.name for p in out.parent.iterdir()) == ["all.mbox"]


def test_full_disk_fails_in_one_line_and_leaves_nothing(
    tmp_path: Path, small_disk: SmallDisk
) -> None:
    folder = small_disk.path / "exports"
    folder.mkdir()
    target = folder / "all.mbox"
    target.write_bytes(b"From x Thu Jan  1 00:00:00 1970\nSubject: old\n\nold export\n")
    small_disk.fill(leave=1_000_000)  # a real tmpfs with 1 MB left
    big = nested_multipart(1).replace(b"innermost text", b"x" * 600_000)
    store = _store(tmp_path, [big, big.replace(b"<m1@", b"<m2@")])
    try:
        with pytest.raises(ExportFailed) as failed:
            export_emails(store, store.timeline(CONTACT), "mbox", target)
    finally:
        store.close()
    assert "No space left" in failed.value.message and "\n" not in failed.value.message
    assert sorted(p.name for p in folder.iterdir()) == ["all.mbox"]
    assert b"old export" in target.read_bytes()  # the previous export is untouched


def test_sigkill_during_export_leaves_a_whole_mbox_or_none(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    body = nested_multipart(1).replace(b"innermost text", b"line of text\r\n" * 150_000)
    raws = [body.replace(b"<m1@", f"<m{n}@".encode()) for n in range(1, 13)]
    _store(data_dir, raws).close()
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "all.mbox"
    cli = Cli(data_dir)
    # how long one whole export takes here (start-up included), so that the kill points
    # spread over it whatever the machine's speed or load
    started = time.monotonic()
    cli.ok("export", CONTACT, "--format", "mbox", "-o", str(target))
    whole = time.monotonic() - started
    target.unlink()
    kills = 0
    for attempt in range(12):
        child = cli.popen("export", CONTACT, "--format", "mbox", "-o", str(target))
        time.sleep(whole * (0.35 + 0.6 * attempt / 11))  # a different point each time
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
            kills += 1
        child.communicate(timeout=60)
        assert [p.name for p in folder.iterdir()] in ([], ["all.mbox"])
        if target.exists():
            box = mailbox.mbox(str(target))
            try:
                assert len(box) == len(raws)  # complete, never half
            finally:
                box.close()
            target.unlink()
    assert kills >= 3, "the export finished too fast to be interrupted"

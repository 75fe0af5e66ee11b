"""Store benchmark: forget a contact with 10,000 emails (set-based deletes), on a real SQLite file.

Builds a store with one big contact (10,000 emails, half with a raw copy, every tenth with an
attachment, each also tracked and a few bounced) beside 2,000 emails of other contacts, then
times ``forget_contact``. Results go to docs/performance.md (section "Store (issue #9)").
Run: ``.venv/bin/python benchmarks/store_bench.py [--emails N] [--runs R]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from factories import record
from replytrail.core.store.base import AttachmentBlob
from replytrail.core.store.sqlite import SQLiteStore

BIG = "kunde@firma.example"


def build(path: Path, emails: int, others: int) -> None:
    store = SQLiteStore(path)
    thread = store.new_thread_id()
    for n in range(emails):
        blobs = (
            [AttachmentBlob(f"a{n}.pdf", "application/pdf", b"%PDF" + n.to_bytes(4, "big"))]
            if n % 10 == 0
            else []
        )
        raw = b"Message-ID: <m%d@example.test>\r\n\r\nbody" % n if n % 2 else None
        if n % 50 == 0:
            thread = store.new_thread_id()
        store.record(record(n, thread, contact=BIG, attachments=blobs, raw=raw))
        if n % 500 == 0:
            store.mark_bounced(f"<m{n}@example.test>", BIG, None)
    for n in range(emails, emails + others):
        store.record(record(n, store.new_thread_id(), contact=f"k{n % 200}@andere.example"))
    store.close()


def forget_per_email(store: SQLiteStore, email: str) -> int:
    """The previous forget_contact (8bceee0): a handful of statements per email."""
    with store._write() as db:
        row = db.execute("SELECT id FROM contacts WHERE email = ?", (email,)).fetchone()
        ids = [
            r[0]
            for r in db.execute("SELECT email_id FROM email_contacts WHERE contact_id = ?", row)
        ]
        for eid in ids:
            db.execute("SELECT sha256 FROM attachments WHERE email_id = ?", (eid,)).fetchall()
            db.execute("SELECT raw_sha256 FROM emails WHERE id = ?", (eid,)).fetchall()
            thread = db.execute("SELECT thread_id FROM emails WHERE id = ?", (eid,)).fetchone()
            db.execute("DELETE FROM tracked_ids WHERE email_id = ?", (eid,))
            db.execute("DELETE FROM emails WHERE id = ?", (eid,))
            if not db.execute("SELECT 1 FROM emails WHERE thread_id = ?", thread).fetchone():
                db.execute("DELETE FROM tracked_ids WHERE thread_id = ?", thread)
                db.execute("DELETE FROM threads WHERE id = ?", thread)
        db.execute("DELETE FROM contacts WHERE id = ?", row)
        db.execute(
            "DELETE FROM contacts WHERE id NOT IN (SELECT DISTINCT contact_id FROM email_contacts)"
        )
    with store._lock:
        store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return len(ids)


def measure(template: Path, runs: int, forget: Callable[[SQLiteStore, str], int]) -> list[float]:
    """Median-able times of *forget* on fresh copies of the template store."""
    times: list[float] = []
    for _ in range(runs):
        copy = Path(tempfile.mkdtemp(prefix="run-", dir=template.parent))
        for f in template.parent.glob("base.sqlite3*"):
            (copy / f.name).write_bytes(f.read_bytes())
        store = SQLiteStore(copy / "base.sqlite3", template.parent / "attachments")
        t0 = time.perf_counter()
        removed = forget(store, BIG)
        times.append(time.perf_counter() - t0)
        assert store.contact(BIG) is None and removed > 0
        store.close()
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--emails", type=int, default=10_000)
    ap.add_argument("--others", type=int, default=2_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-write", action="store_true", help="print, do not update the docs")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.sqlite3"
        t0 = time.perf_counter()
        build(base, args.emails, args.others)
        built = time.perf_counter() - t0
        # alternated, so both see the same load on a shared machine
        old: list[float] = []
        new: list[float] = []
        for _ in range(args.runs):
            old += measure(base, 1, forget_per_email)
            new += measure(base, 1, SQLiteStore.forget_contact)
    before, median = statistics.median(old), statistics.median(new)
    lines = [
        f"Forget a contact with {args.emails:,} emails (beside {args.others:,} of other "
        f"contacts), on a real SQLite file in WAL mode with `secure_delete` "
        f"(`benchmarks/store_bench.py`, {args.runs} runs, median; store built in "
        f"{built:.0f} s):",
        "",
        "| Version | forget_contact |",
        "|---|---|",
        f"| per-email deletes (as at 8bceee0, schema v2 indexes) | {before:.2f} s |",
        f"| set-based deletes (core/store/sqlite.py) | {median:.2f} s |",
        "",
        "Set-based: the ids of the contact's emails go into a temporary table, then one "
        "statement each deletes tracked ids, emails (attachments, contact links, bounces and "
        "outbox rows by cascade; the full-text index by trigger) and emptied threads; blob "
        "files whose hash no row still uses are removed after the commit.",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        from report import update_section

        update_section("## Store (issue #9)", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

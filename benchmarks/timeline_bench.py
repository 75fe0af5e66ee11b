"""Timeline speed: a 10,000-email contact to first paint; full-text search over 100,000 emails.

Run (about ten seconds; updates the Timeline section of docs/performance.md):

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/timeline_bench.py

Targets: show_contact() to the timeline's first paint <= 200 ms (median), store.search() over
100,000 emails with a common and a rare term <= 100 ms (median).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEvent, QObject
from PySide6.QtWidgets import QApplication

from replytrail.core.store.base import SearchFilter
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.qt.changes import StoreChanges
from replytrail.qt.jobs import StoreExecutor
from replytrail.ui.reading.files import BlobAttachments
from replytrail.ui.timeline.window import TimelineWindow

TOTAL = 100_000
BIG = 10_000
BIG_CONTACT = "einkauf@grosskunde.example"
RARE = "zeppelin"  # in 7 emails
COMMON = "angebot"  # in about a third

WORDS = [
    "guten", "tag", "vielen", "dank", "für", "ihre", "nachricht", "wir", "melden", "uns",
    "lieferung", "termin", "preis", "bestellung", "rechnung", "sensor", "montage", "hello",
    "thanks", "for", "your", "quote", "we", "would", "like", "to", "order", "the", "units",
    "next", "week", "please", "send", "contract", "pricing", "delivery", "schedule", "meeting",
    "kickoff", "maintenance", "renewal", "support", "calibration", "warehouse",
]  # fmt: skip


def build(path: Path, seed: int = 1) -> float:
    """A store with TOTAL emails (BIG of them with one contact) in one bulk transaction."""
    t0 = time.perf_counter()
    SQLiteStore(path).close()  # the real schema (and FTS triggers)
    rng = random.Random(seed)
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous=OFF")
    me = "sales@seller.example"
    contacts = [BIG_CONTACT] + [f"kontakt{i}@firma{i % 700}.example" for i in range(1, 2001)]
    base = datetime(2026, 6, 30, tzinfo=UTC)
    rare_at = set(rng.sample(range(TOTAL), 7))
    with db:
        db.executemany(
            "INSERT INTO contacts (id, email, name, company) VALUES (?,?,?,?)",
            [(i + 1, c, f"Kontakt {i}", f"Firma {i % 700}") for i, c in enumerate(contacts)],
        )
        emails, links, threads = [], [], []
        for n in range(TOTAL):
            cid = 1 if n < BIG else rng.randrange(2, len(contacts) + 1)
            addr = contacts[cid - 1]
            when = base - timedelta(minutes=n * 7 + rng.randrange(7))
            ts = int(when.timestamp())
            tid = f"t{n // 3}"
            if n % 3 == 0:
                threads.append((tid, "thread", ts))
            out = n % 2 == 0
            words = rng.choices(WORDS, k=40)
            if rng.random() < 0.33:
                words.insert(rng.randrange(40), COMMON)
            if n in rare_at:
                words.insert(5, RARE)
            body = " ".join(words)
            subject = f"{'Angebot' if n % 5 == 0 else 'Projekt'} {n // 3}"
            sender, to = (me, addr) if out else (addr, me)
            emails.append(
                (
                    n + 1,
                    f"<b{n}@bench.example>",
                    tid,
                    me,
                    "out" if out else "in",
                    when.isoformat(),
                    ts,
                    sender,
                    "",
                    json.dumps([[to, ""]]),
                    "[]",
                    f"{sender} {to}",
                    subject,
                    body,
                    "",
                    "email",
                    "sent" if out else "in-reply-to",
                    "sent" if out else "",
                )
            )
            links.append((cid, n + 1, ts))
        db.executemany("INSERT INTO threads (id, subject_norm, created_ts) VALUES (?,?,?)", threads)
        db.executemany(
            "INSERT INTO emails (id, message_id, thread_id, account, direction, date, ts, "
            "from_email, from_name, to_json, cc_json, participants, subject, body_text, "
            "body_html, kind, match, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            emails,
        )
        db.executemany(
            "INSERT INTO email_contacts (contact_id, email_id, ts) VALUES (?,?,?)", links
        )
    db.execute("ANALYZE")
    db.close()
    return time.perf_counter() - t0


class _FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def measure_open(app: QApplication, path: Path, runs: int) -> list[float]:
    executor = StoreExecutor(lambda: SQLiteStore(path))
    w = TimelineWindow(executor, StoreChanges(executor), BlobAttachments(path.parent))
    w.resize(1200, 760)
    w.show()
    deadline = time.monotonic() + 30
    while w.contact_model.rowCount() == 0 and time.monotonic() < deadline:
        app.processEvents()
    probe = _FirstPaint()
    w.timeline_view.viewport().installEventFilter(probe)
    other = w.contact_model.contact_at(1)
    assert other is not None
    out = []
    for _ in range(runs):
        w.show_contact(other.email)  # a small contact in between, so each run really switches
        while w.timeline_model.busy:
            app.processEvents()
        timer = QElapsedTimer()
        timer.start()
        w.show_contact(BIG_CONTACT)
        while w.timeline_model.busy or w.timeline_model.contact != BIG_CONTACT:
            app.processEvents()
        probe.painted = False
        w.timeline_view.viewport().update()  # the rows are in: their first paint
        while not probe.painted:
            app.processEvents()
        out.append(timer.nsecsElapsed() / 1e6)
        assert w.timeline_model.total == BIG
    w.close()
    executor.close()
    return out


def timed(fn: Callable[[], object], runs: int) -> tuple[list[float], object]:
    out, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out, result


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} CPUs (nproc), {model}; {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}; SQLite "
        f"{sqlite3.sqlite_version}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--dir", type=Path, help="keep the store here (default: a temp dir)")
    ap.add_argument("--write", type=Path, help="write the results as Markdown to this file")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory(prefix="rt-bench-")
    folder = args.dir or Path(tmp.name)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "bench.sqlite3"
    build_s = 0.0 if path.exists() else build(path)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    store = SQLiteStore(path)
    stats = store.stats()
    open_ms = measure_open(app, path, args.runs)
    common, r_common = timed(lambda: store.search(COMMON), args.runs)
    rare, r_rare = timed(lambda: store.search(RARE), args.runs)
    filt = SearchFilter(since=datetime(2026, 3, 1, tzinfo=UTC), direction=None)
    filtered, _ = timed(lambda: store.search(COMMON, filt), args.runs)
    contacts_all, _ = timed(lambda: store.contacts(""), args.runs)
    contacts_q, _ = timed(lambda: store.contacts("firma12"), args.runs)
    page, _ = timed(lambda: store.timeline(BIG_CONTACT, 100, 5000), args.runs)
    key = (int(datetime(2026, 6, 1, tzinfo=UTC).timestamp()), 1 << 62)
    keyset, _ = timed(lambda: store.timeline_page(BIG_CONTACT, 100, before=key), args.runs)
    store.close()
    tmp.cleanup()
    assert isinstance(r_common, list) and isinstance(r_rare, list)

    def row(name: str, values: list[float], target: str) -> str:
        med = statistics.median(values)
        return f"| {name} | {med:.1f} | {min(values):.1f} | {max(values):.1f} | {target} |"

    lines = [
        f"Measured {datetime.now().astimezone():%Y-%m-%d %H:%M %Z} on {machine()}; "
        f"load average {os.getloadavg()[0]:.1f} when it ended (other builds share the CPUs).",
        "",
        f"Store: {stats['emails']:,} emails, {stats['contacts']:,} contacts; one contact with "
        f"{BIG:,} emails (bulk-built in {build_s:.1f} s). Qt platform: "
        f"{os.environ.get('QT_QPA_PLATFORM')}. {args.runs} runs each; times in ms.",
        "",
        "Command: `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/timeline_bench.py`",
        "",
        "| measurement | median | min | max | target |",
        "|---|---|---|---|---|",
        row(f"show_contact ({BIG:,} emails) → first paint of the timeline", open_ms, "≤ 200"),
        row(
            f"search, common term “{COMMON}” ({len(r_common)} results, limit 200)", common, "≤ 100"
        ),
        row(f"search, rare term “{RARE}” ({len(r_rare)} results)", rare, "≤ 100"),
        row(f"search “{COMMON}” since a date", filtered, "—"),
        row("contact list, all (limit 1000; worker thread)", contacts_all, "—"),
        row("contact list, filtered as you type (worker thread)", contacts_q, "—"),
        row("one timeline page (100 rows at offset 5,000; the old way)", page, "—"),
        row(
            "one timeline page by key (ts, id) deep in the history (the window's way)", keyset, "—"
        ),
        "",
        "How the window stays fast: the timeline model loads 100 rows per page "
        "(canFetchMore/fetchMore) by key `(ts, id)` over the `email_contacts (contact_id, "
        "ts, email_id)` primary key, rows are painted by a delegate with uniform heights, and "
        "every store read and write of the window runs on the app's one store executor. "
        "The first-paint time includes the hop to the executor and back.",
        "",
        "Notes:",
        "",
        "- Timeline pages are read by key (ts, id), not OFFSET: rows logged while the user "
        "scrolls never shift a page (issue 8).",
        "- PySide6-Essentials 6.12.0 on Python 3.11 loses a reference to `None` on every "
        "void method call and aborts after a few thousand paints, so pyproject.toml takes "
        "PySide6 < 6.12 on Python 3.11 (tests/unit/test_pyside_runtime.py guards it).",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    from report import update_section

    update_section("## Timeline (issue #5)", text)
    if args.write:
        args.write.parent.mkdir(parents=True, exist_ok=True)
        args.write.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

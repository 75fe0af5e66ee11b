"""A load run (issue 14): 5 accounts on one Dovecot, mail in bursts, the timeline open and searched.

Shared by ``benchmarks/load_bench.py`` (10,000 messages) and the scaled-down test in
``tests/gui/timeline/test_load.py``. Real everything: Dovecot over IMAPS and LMTP, the
Secret Service keyring, the engine's watcher threads, the SQLite store, the timeline window
on the app's store executor. A 10 ms timer on the GUI thread measures the longest gap
(how long the event loop was blocked); the process's RSS is sampled throughout.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials, new_ref
from replytrail.core.engine import Engine
from replytrail.core.events import EmailLogged, Event, StateChanged, WatchState
from replytrail.core.models import (
    Account,
    Address,
    Direction,
    Kind,
    LoggedEmail,
    MatchReason,
    Security,
)
from replytrail.core.paths import Paths
from replytrail.core.store.base import EmailRecord
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.qt.changes import StoreChanges
from replytrail.qt.jobs import StoreExecutor
from replytrail.ui.reading.files import BlobAttachments
from replytrail.ui.timeline.window import TimelineWindow
from servers.mailservers import Dovecot

USERS = {f"rep{i}@example.test": f"rep{i}pw" for i in range(1, 6)}
CUSTOMERS = 40  # tracked threads per account


@dataclass
class LoadResult:
    messages: int
    replies: int
    logged: int = 0
    deliver_s: float = 0.0
    until_logged_s: float = 0.0
    worst_gap_ms: int = 0
    worst_gap_cpu_ms: float = 0.0
    searches: int = 0
    rss_mb: list[float] = field(default_factory=list)


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def add_accounts(dovecot: Dovecot, paths: Paths, credentials: Credentials) -> None:
    registry = AccountRegistry(paths.accounts_file)
    for email, password in USERS.items():
        ref = new_ref(email)
        credentials.store(ref, password)
        registry.save(
            Account(
                email=email,
                imap_host=dovecot.listen,
                imap_port=dovecot.ports["imaps"],
                imap_security=Security.SSL,
                smtp_host=dovecot.listen,
                smtp_port=dovecot.ports["submissions"],
                credential_ref=ref,
                ca_file=str(dovecot.certs[0]),
            )
        )


def tracked_id(user: str, k: int) -> str:
    return f"<tracked-{k}-{user.partition('@')[0]}@example.test>"


def customer(k: int) -> str:
    return f"einkauf{k}@kunde{k % 7}.example"


def seed_tracked(store: SQLiteStore) -> None:
    """The sent emails the replies answer: CUSTOMERS per account."""
    for user in USERS:
        for k in range(CUSTOMERS):
            email = LoggedEmail(
                message_id=tracked_id(user, k),
                thread_id=f"T-{user}-{k}",
                direction=Direction.OUT,
                date=datetime(2026, 11, 2, 9, tzinfo=UTC),
                sender=Address(user),
                to=[Address(customer(k))],
                cc=[],
                subject=f"Angebot {k}",
                kind=Kind.EMAIL,
                match=MatchReason.SENT,
                account=user,
                body_text="Guten Tag",
            )
            store.record(EmailRecord(email=email, contacts=[Address(customer(k))]))


def message(i: int, user: str, reply_every: int) -> tuple[bytes, bool]:
    """Message *i* for *user*: every *reply_every*-th answers a tracked email."""
    is_reply = i % reply_every == 0
    k = i % CUSTOMERS
    sender = customer(k) if is_reply else f"news{i % 13}@list{i % 5}.example"
    hdr = [
        f"Message-ID: <load-{i}-{user.partition('@')[0]}@mx.example>",
        f"From: Sender <{sender}>",
        f"To: <{user}>",
        f"Subject: {'Re: Angebot ' + str(k) if is_reply else f'Newsletter {i}'}",
        f"Date: {format_datetime(datetime.now(UTC))}",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
    ]
    if is_reply:
        hdr.append(f"In-Reply-To: {tracked_id(user, k)}")
    body = f"Nachricht {i}.\n" + "Lorem ipsum dolor sit amet, consectetur.\n" * 8
    return ("\r\n".join(hdr) + "\r\n\r\n" + body.replace("\n", "\r\n")).encode(), is_reply


DELIVER = """
import smtplib, sys, threading
host, port, spool = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def one(path):
    user = path.rpartition("/")[2].removesuffix(".batch")
    with open(path, "rb") as f:
        msgs = f.read().split(b"\\0")
    with smtplib.LMTP(host, port) as lmtp:
        for m in msgs:
            lmtp.sendmail("list@example.org", [user], m)
failed = []
def guarded(path):
    try:
        one(path)
    except Exception as e:
        failed.append(e)
ts = [threading.Thread(target=guarded, args=(p,)) for p in spool]
[t.start() for t in ts]
[t.join() for t in ts]
sys.exit(1 if failed else 0)
"""


def start_burst(
    dovecot: Dovecot, spool: Path, batch: dict[str, list[bytes]]
) -> subprocess.Popen[bytes]:
    """One burst: an LMTP client per account in a child process (as a mail server would be;
    in this process it would compete with the GUI thread for the GIL)."""
    files = []
    for user, msgs in batch.items():
        f = spool / f"{user}.batch"
        f.write_bytes(b"\0".join(msgs))
        files.append(str(f))
    argv = [sys.executable, "-c", DELIVER, dovecot.listen, str(dovecot.ports["lmtp"]), *files]
    return subprocess.Popen(argv)


class Announcer(QObject):
    """EmailLogged from the watcher threads, queued to the GUI thread (as the app does)."""

    logged = Signal()


class Lag(QObject):
    """A 10 ms timer on the GUI thread: the longest gap between ticks in wall time, and in
    the GUI thread's own CPU time (work that did not return to the event loop, apart from
    waiting for the GIL or for a core on a busy machine)."""

    def __init__(self) -> None:
        super().__init__()
        self.worst_ms = 0
        self.worst_cpu_ms = 0.0
        self._cpu = time.thread_time()
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._clock.start()
        self._cpu = time.thread_time()
        self._timer.start()

    def _tick(self) -> None:
        self.worst_ms = max(self.worst_ms, self._clock.restart())
        cpu = time.thread_time()
        self.worst_cpu_ms = max(self.worst_cpu_ms, (cpu - self._cpu) * 1000)
        self._cpu = cpu

    def stop(self) -> int:
        self._timer.stop()
        return self.worst_ms


def pump(
    app: QApplication, until: Callable[[], bool], timeout: float, every: Callable[[], None]
) -> None:
    deadline = time.monotonic() + timeout
    last = 0.0
    while not until():
        if time.monotonic() > deadline:
            raise TimeoutError("the load run did not finish in time")
        app.processEvents()
        if time.monotonic() - last > 0.25:
            every()
            last = time.monotonic()
        time.sleep(0.002)


def run_load(
    app: QApplication,
    dovecot: Dovecot,
    paths: Paths,
    *,
    messages: int,
    bursts: int,
    reply_every: int = 20,
    timeout: float = 900,
) -> LoadResult:
    """Deliver *messages* (spread over the accounts) in *bursts* while the window is used."""
    paths.ensure()
    credentials = Credentials()
    add_accounts(dovecot, paths, credentials)
    store = SQLiteStore(paths.store_file, paths.blob_dir)
    seed_tracked(store)
    per_user = messages // len(USERS)
    plan = {u: [message(i, u, reply_every) for i in range(1, per_user + 1)] for u in USERS}
    result = LoadResult(
        messages=per_user * len(USERS), replies=sum(r for p in plan.values() for _, r in p)
    )
    announcer = Announcer()
    logged: set[str] = set()
    watching: set[str] = set()
    lock = threading.Lock()

    def sink(e: Event) -> None:
        if isinstance(e, EmailLogged) and e.email.direction is Direction.IN:
            with lock:
                logged.add(e.email.message_id)
            announcer.logged.emit()
        elif isinstance(e, StateChanged) and e.state.state is WatchState.WATCHING:
            with lock:
                watching.add(e.state.account)

    engine = Engine(
        store=store,
        accounts=AccountRegistry(paths.accounts_file),
        credentials=credentials,
        settings=Settings(paths.settings_file),
        sink=sink,
    )
    executor = StoreExecutor(lambda: SQLiteStore(paths.store_file, paths.blob_dir))
    changes = StoreChanges(executor)
    announcer.logged.connect(changes.note)
    window = TimelineWindow(executor, changes, BlobAttachments(paths.blob_dir))
    window.show()
    lag = Lag()
    searches = ["Angebot", "Nachricht", "Lorem", "einkauf"]

    def use_window() -> None:  # the user searches and switches contacts meanwhile
        result.searches += 1
        window.search_bar.text.setText(searches[result.searches % len(searches)])
        window.contact_filter.setText("" if result.searches % 2 else "kunde")
        result.rss_mb.append(rss_mb())

    try:
        engine.start()
        pump(app, lambda: len(watching) == len(USERS), 120, lambda: None)
        result.rss_mb.append(rss_mb())
        lag.start()
        t0 = time.monotonic()
        for b in range(bursts):
            batch = {u: [m for m, _ in p[b::bursts]] for u, p in plan.items()}
            child = start_burst(dovecot, paths.data_dir, batch)

            def delivered(c: subprocess.Popen[bytes] = child) -> bool:
                return c.poll() is not None

            pump(app, delivered, timeout, use_window)
            if child.returncode:
                raise RuntimeError(f"LMTP delivery failed ({child.returncode})")
        result.deliver_s = time.monotonic() - t0
        pump(app, lambda: len(logged) >= result.replies, timeout, use_window)
        result.until_logged_s = time.monotonic() - t0
        pump(app, lambda: not executor.busy, 60, lambda: None)
        result.worst_gap_ms = lag.stop()
        result.worst_gap_cpu_ms = lag.worst_cpu_ms
        result.logged = len(logged)
        result.rss_mb.append(rss_mb())
    finally:
        lag.stop()
        engine.stop(timeout=10)
        window.close()
        executor.close()
        store.close()
    return result

"""The IDLE watcher (SPEC §6): one thread and one IMAP connection per watched folder.

The loop is plain Python: connect → catch up by UID above the checkpoint → IDLE, re-issued
every ``watch.idle_refresh`` seconds, with a safety catch-up every ``watch.catchup_interval``;
on EXISTS, fetch only the new UIDs' header fields; a body only for a match. Connection loss
→ reconnect with exponential backoff and jitter; an authentication failure stops the account.
The folder is opened read-only (EXAMINE) and read with BODY.PEEK: \\Seen never changes.
"""

from __future__ import annotations

import imaplib
import logging
import random
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import imapclient
from imapclient.exceptions import IMAPClientError
from imapclient.imapclient import SENT

from replytrail.core.errors import (
    AuthFailed,
    ImapDisabled,
    KnownError,
    NeedsAppPassword,
    NeedsOAuth,
    NotFound,
    Pop3Only,
    TlsNotTrusted,
    TlsPinMismatch,
)
from replytrail.core.events import (
    AccountState,
    AccountStopped,
    EventSink,
    ScanProgress,
    StateChanged,
    WatchState,
)
from replytrail.core.logbook import TRACKING_HEADER, Logbook, Policy, Role
from replytrail.core.mail.connect import open_imap
from replytrail.core.mail.parse import HEADER_FIELDS, parse_headers
from replytrail.core.models import Account, Checkpoint
from replytrail.core.prefilter import Candidate, Prefilter

__all__ = ["FETCH_FIELDS", "Backoff", "FolderWatcher", "WatchOptions"]

log = logging.getLogger("replytrail.watch")

#: failures that retrying cannot fix: the account stops and the user is told
PERMANENT = (
    AuthFailed,
    NeedsAppPassword,
    NeedsOAuth,
    ImapDisabled,
    Pop3Only,
    TlsNotTrusted,
    TlsPinMismatch,
    NotFound,
)
#: the header fields fetched for every new message (SPEC §3: never more for a non-match)
FETCH_FIELDS = (*HEADER_FIELDS, TRACKING_HEADER)
_HEADER_ITEM = "BODY.PEEK[HEADER.FIELDS (" + " ".join(f.upper() for f in FETCH_FIELDS) + ")]"
INBOX_WAIT = 600.0  # the longest the Sent folder waits for INBOX's catch-up (seconds)
CHECKPOINT_EVERY = 2.0  # seconds between checkpoint writes during a long catch-up
TRANSIENT = (
    OSError,
    socket.timeout,
    ssl.SSLError,
    imaplib.IMAP4.abort,
    imaplib.IMAP4.error,
    IMAPClientError,
    EOFError,
)


@dataclass
class WatchOptions:
    """The watch.* and logging.* settings, read at every (re)connect."""

    idle_refresh: float = 600.0
    catchup_interval: float = 300.0
    poll_interval: float = 60.0
    backoff_max: float = 300.0
    fetch_chunk: int = 500
    since: date = field(default_factory=lambda: (datetime.now(UTC) - timedelta(days=30)).date())
    policy: Policy = field(default_factory=Policy)

    @property
    def read_timeout(self) -> float:
        """A little above the IDLE refresh, so a dead connection raises instead of hanging."""
        return self.idle_refresh + min(60.0, max(5.0, self.idle_refresh * 0.1))


class Backoff:
    """Exponential backoff with jitter: 1 s, 2 s, 4 s … up to *maximum*, each × [0.5, 1]."""

    def __init__(self, maximum: float = 300.0, base: float = 1.0) -> None:
        self.maximum, self.base, self.attempt = maximum, base, 0

    def next(self) -> float:
        delay = min(self.maximum, self.base * 2.0 ** min(self.attempt, 30))
        self.attempt += 1
        return float(delay * random.uniform(0.5, 1.0))

    def reset(self) -> None:
        self.attempt = 0


def _header_bytes(data: dict[bytes, Any]) -> bytes:
    raw = next((v for k, v in data.items() if k.startswith(b"BODY[HEADER")), b"")
    return raw if isinstance(raw, bytes) else b""


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class FolderWatcher:
    """Watches one folder of one account until ``stop`` is set (or the account must stop)."""

    def __init__(
        self,
        account: Account,
        role: Role,
        *,
        secret: Callable[[], str],
        logbook: Logbook,
        options: Callable[[], WatchOptions],
        sink: EventSink,
        stop: threading.Event,
        account_stop: threading.Event,
        wake: threading.Event | None = None,
        inbox_done: threading.Event | None = None,
    ) -> None:
        self.account, self.role = account, role
        # The Sent folder is caught up after INBOX: the user's own continuation in Sent is
        # logged only when the customer's reply it answers is already tracked.
        self._inbox_done = inbox_done or threading.Event()
        self._secret, self._logbook, self._options = secret, logbook, options
        self._sink, self._stop, self._account_stop = sink, stop, account_stop
        self._wake = wake or threading.Event()  # ends a backoff/poll wait early
        self._reconnect = False  # set by reconnect_now(): the next connection loss is on purpose
        self.folder = "INBOX" if role == "inbox" else ""
        self.client: imapclient.IMAPClient | None = None
        self.state = WatchState.STOPPED

    # ------------------------------------------------------------------ state
    def stopping(self) -> bool:
        return self._stop.is_set() or self._account_stop.is_set()

    def _set_state(self, state: WatchState, detail: str = "") -> None:
        if state != self.state or detail:
            self.state = state
            self._sink(StateChanged(AccountState(self.account.email, state, detail)))

    def _sleep(self, seconds: float) -> None:
        """Wait without waking up, but return at once on stop or when the network is back
        (the engine sets ``wake`` for both)."""
        deadline = time.monotonic() + seconds
        while not self.stopping() and time.monotonic() < deadline:
            if self._wake.wait(max(0.0, deadline - time.monotonic())):
                self._wake.clear()
                return

    def wake_up(self) -> None:
        """End a backoff or poll wait (stop, or the network is back)."""
        self._wake.set()

    def reconnect_now(self) -> None:
        """The network came back or the machine woke: drop the connection, reconnect at once."""
        self._reconnect = True
        self.wake_up()
        self.interrupt()

    def interrupt(self) -> None:
        """From another thread: end a blocking IDLE/FETCH at once (stop, or reconnect now).

        Shuts the TCP connection down underneath TLS; the watcher's read fails and its loop
        decides what to do. Nothing polls, so an idle watcher does not wake up.
        """
        client = self.client
        if client is None:
            return
        try:
            sock = client.socket()
            socket.socket.shutdown(sock, socket.SHUT_RDWR)
        except (OSError, AttributeError):
            pass

    # ------------------------------------------------------------------ connection
    def _connect(self, opts: WatchOptions) -> imapclient.IMAPClient:
        client = open_imap(self.account, self._secret, timeout=30, read_timeout=opts.read_timeout)
        if self.role == "sent" and not self.folder:
            self.folder = self.account.sent_folder or str(client.find_special_folder(SENT) or "")
            if not self.folder:
                client.logout()
                raise NotFound(detail=f"{self.account.email}: no Sent folder found")
        return client

    def _close(self) -> None:
        client, self.client = self.client, None
        if client is None:
            return
        try:
            client.socket().settimeout(1.0)  # don't wait long for a dead server
            client.logout()
        except (*TRANSIENT, AttributeError):
            try:
                client.shutdown()
            except (*TRANSIENT, AttributeError):
                pass

    # ------------------------------------------------------------------ catch-up
    def catch_up(self, client: imapclient.IMAPClient, opts: WatchOptions) -> int:
        """Handle every message above the checkpoint (or since the log-since date)."""
        info = client.select_folder(self.folder, readonly=True)
        uidvalidity = int(info.get(b"UIDVALIDITY", 0))
        uidnext = int(info.get(b"UIDNEXT", 0))
        store = self._logbook.store
        cp = store.checkpoint(self.account.email, self.folder)
        if cp is None or cp.uidvalidity != uidvalidity:
            if cp is not None:
                log.info("%s %s: UIDVALIDITY changed, rescanning", self.account.email, self.folder)
            uids = sorted(client.search(["SINCE", opts.since]))
            last = 0
        else:
            last = cp.last_uid
            uids = sorted(u for u in client.search(["UID", f"{last + 1}:*"]) if u > last)
        total = len(uids)
        if total:
            self._set_state(WatchState.CATCHING_UP)
        gmail = b"X-GM-EXT-1" in client.capabilities()
        items = [_HEADER_ITEM, "INTERNALDATE"] + (["X-GM-THRID"] if gmail else [])
        prefilter = Prefilter(
            store,
            self.account,
            sent=self.role == "sent",
            subject_rule=opts.policy.subject_rule,
            everything=opts.policy.mode == "contacts",
        )
        done = 0
        saved = time.monotonic()
        for chunk in _chunks(uids, opts.fetch_chunk):
            if self.stopping():
                if done:
                    store.set_checkpoint(
                        Checkpoint(self.account.email, self.folder, uidvalidity, last)
                    )
                return done
            fetched = client.fetch(chunk, items)
            keep = prefilter.select(
                [
                    Candidate(uid, _header_bytes(data), str(data.get(b"X-GM-THRID") or "") or None)
                    for uid, data in sorted(fetched.items())
                ]
            )
            for uid in chunk:
                data = fetched.get(uid)
                if data is not None and uid in keep:
                    self._handle(client, uid, data, opts)
            done += len(chunk)
            last = max(last, chunk[-1])
            # The checkpoint moves only after the store committed every email of the chunk;
            # during a long scan at most every few seconds (each move is an fsync).
            if done == total or time.monotonic() - saved >= CHECKPOINT_EVERY:
                store.set_checkpoint(Checkpoint(self.account.email, self.folder, uidvalidity, last))
                saved = time.monotonic()
            self._sink(ScanProgress(self.account.email, self.folder, done, total))
        if (
            uidnext
            and (cp is None or cp.uidvalidity != uidvalidity or last < uidnext - 1)
            and not uids
        ):
            store.set_checkpoint(
                Checkpoint(self.account.email, self.folder, uidvalidity, max(last, uidnext - 1))
            )
        return done

    def _handle(
        self, client: imapclient.IMAPClient, uid: int, data: dict[bytes, Any], opts: WatchOptions
    ) -> None:
        raw = _header_bytes(data)
        internal = data.get(b"INTERNALDATE")
        if isinstance(internal, datetime) and internal.tzinfo is None:
            internal = internal.replace(tzinfo=UTC)
        thrid = data.get(b"X-GM-THRID")

        def fetch_full() -> bytes:
            got = client.fetch([uid], ["BODY.PEEK[]"]).get(uid, {})
            body = got.get(b"BODY[]")
            if not isinstance(body, bytes):
                raise ValueError("the server returned no message body")
            return body

        try:
            h = parse_headers(
                raw,
                internal_date=internal if isinstance(internal, datetime) else None,
                gm_thrid=str(thrid) if thrid else None,
            )
            decision = self._logbook.handle(
                self.account,
                self.role,
                h,
                fetch_full,
                policy=opts.policy,
                folder=self.folder,
                raw_header=raw,
            )
            log.debug("%s %s UID %d: %s", self.account.email, self.folder, uid, decision.action)
        except TRANSIENT:
            raise
        except KnownError as e:
            if "store" in e.code:
                raise
            log.warning("%s %s UID %d skipped: %s", self.account.email, self.folder, uid, e.message)
        except Exception as e:
            log.warning(
                "%s %s UID %d skipped: %s", self.account.email, self.folder, uid, type(e).__name__
            )

    # ------------------------------------------------------------------ the loop
    def run_once(self) -> int:
        """Connect, catch up, disconnect (``replytrail watch --once``)."""
        opts = self._options()
        self.client = self._connect(opts)
        try:
            return self._ordered_catch_up(self.client, opts)
        finally:
            self._close()

    def _ordered_catch_up(self, client: imapclient.IMAPClient, opts: WatchOptions) -> int:
        if self.role == "sent":
            deadline = time.monotonic() + INBOX_WAIT
            last_noop = time.monotonic()
            while not self._inbox_done.wait(0.5) and not self.stopping():
                if time.monotonic() > deadline:
                    break
                if time.monotonic() - last_noop > 60:
                    client.noop()  # keep the connection alive while INBOX catches up
                    last_noop = time.monotonic()
            return self.catch_up(client, opts)
        try:
            return self.catch_up(client, opts)
        finally:
            self._inbox_done.set()

    def run(self) -> None:
        """Until stopped: connect, catch up, IDLE (or poll); reconnect with backoff."""
        opts = self._options()
        backoff = Backoff(opts.backoff_max)
        while not self.stopping():
            opts = self._options()
            try:
                self.client = self._connect(opts)
                if self.stopping():
                    break
                self._ordered_catch_up(self.client, opts)
                backoff.reset()
                self._set_state(WatchState.WATCHING)
                self._watch(self.client, opts)
            except PERMANENT as e:
                self._set_state(WatchState.ERROR, e.message)
                self._sink(AccountStopped(self.account.email, e.message, e.code))
                self._account_stop.set()
                log.info("%s stopped (%s)", self.account.email, e.code)
            except KnownError as e:
                if self.stopping():
                    break
                self._set_state(WatchState.OFFLINE, e.message)
                delay = backoff.next()
                log.info(
                    "%s %s offline (%s); retrying in %.1f s",
                    self.account.email,
                    self.folder or self.role,
                    e.code,
                    delay,
                )
                self._close()
                self._sleep(delay)
            except TRANSIENT as e:
                if self.stopping():
                    break
                if self._reconnect:  # reconnect_now() cut the line on purpose
                    self._reconnect = False
                    self._wake.clear()
                    log.info("%s %s reconnecting now", self.account.email, self.folder or self.role)
                    self._close()
                    continue
                self._set_state(WatchState.OFFLINE, type(e).__name__)
                delay = backoff.next()
                log.info(
                    "%s %s connection lost (%s); retrying in %.1f s",
                    self.account.email,
                    self.folder or self.role,
                    type(e).__name__,
                    delay,
                )
                self._close()
                self._sleep(delay)
            finally:
                if self.stopping():
                    self._close()
        self._close()
        if self.state is not WatchState.ERROR:
            self._set_state(WatchState.STOPPED)

    def _watch(self, client: imapclient.IMAPClient, opts: WatchOptions) -> None:
        idle = b"IDLE" in client.capabilities()
        last_catchup = time.monotonic()
        while not self.stopping():
            if not idle:
                self._sleep(opts.poll_interval)
                if self.stopping():
                    return
                client.noop()
                self.catch_up(client, opts)
                self._set_state(WatchState.WATCHING)
                continue
            if self.stopping():
                return
            client.idle()
            started = time.monotonic()
            new_mail = False
            while not new_mail:
                # Block until the server speaks, IDLE is due for re-issue or a safety catch-up
                # is due; stop() and reconnect_now() interrupt the socket instead of polling.
                now = time.monotonic()
                remaining = min(
                    opts.idle_refresh - (now - started),
                    opts.catchup_interval - (now - last_catchup),
                )
                if remaining <= 0:
                    break
                asked = time.monotonic()
                responses = client.idle_check(timeout=remaining)
                if self.stopping():
                    return
                if not responses and time.monotonic() - asked < remaining - 0.05:
                    # imapclient returns nothing (no exception) when the connection ends:
                    # closed by the server, or cut by interrupt() for reconnect_now()
                    raise ConnectionResetError("the IDLE connection was closed")
                for resp in responses:
                    if len(resp) >= 2 and resp[1] in (b"EXISTS", b"RECENT"):
                        new_mail = True
            client.idle_done()
            if self.stopping():
                return
            if new_mail or time.monotonic() - last_catchup >= opts.catchup_interval:
                self.catch_up(client, opts)
                self._set_state(WatchState.WATCHING)
                last_catchup = time.monotonic()

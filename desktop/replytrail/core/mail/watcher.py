"""The IDLE watcher (SPEC §6): one thread and one IMAP connection per watched folder.

The loop is plain Python: connect → catch up by UID above the checkpoint → IDLE, re-issued
every ``watch.idle_refresh`` seconds, with a safety catch-up every ``watch.catchup_interval``;
on EXISTS, fetch only the new UIDs' header fields; a body only for a match. Connection loss
→ reconnect with exponential backoff and jitter; an authentication failure stops the account.
The folder is opened read-only (EXAMINE) and read with BODY.PEEK: \\Seen never changes.
"""

from __future__ import annotations

import logging
import random
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import imapclient
from imapclient.imapclient import SENT

from replytrail.core.errors import (
    AuthFailed,
    ImapDisabled,
    KnownError,
    NeedsAppPassword,
    NeedsOAuth,
    NotFound,
    Pop3Only,
    StoreError,
    TlsNotTrusted,
    TlsPinMismatch,
)
from replytrail.core.events import (
    AccountState,
    AccountStopped,
    EventSink,
    StateChanged,
    WatchState,
)
from replytrail.core.logbook import Logbook, Policy, Role
from replytrail.core.mail.catchup import TRANSIENT, CatchUp, Folder
from replytrail.core.mail.connect import COMMAND_TIMEOUT, DONE_TIMEOUT, open_imap
from replytrail.core.models import Account
from replytrail.core.store.base import WatchStore

__all__ = ["Backoff", "FolderWatcher", "WatchOptions"]

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
INBOX_WAIT = 600.0  # the longest the Sent folder waits for INBOX's catch-up (seconds)


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


def _arrived_unseen(client: imapclient.IMAPClient, known: int) -> bool:
    """Whether the server announced more messages than the last catch-up saw.

    Mail delivered during a catch-up or just before IDLE is announced with another
    command's reply or before the server's "+ idling"; imaplib files such an EXISTS away,
    where idle_check() never looks. The filed counts are taken (and cleared) here.
    """
    untagged: dict[str, list[Any]] = getattr(client._imap, "untagged_responses", {})
    counts = untagged.pop("EXISTS", None) or []
    untagged.pop("RECENT", None)
    # imaplib files the counts as bytes (b"205"): str() of those is "b'205'", never a digit
    values = [c.decode("ascii", "replace") if isinstance(c, bytes) else str(c) for c in counts]
    return any(int(v) > known for v in values if v.strip().isdigit())


class FolderWatcher:
    """Watches one folder of one account until ``stop`` is set (or the account must stop)."""

    def __init__(
        self,
        account: Account,
        role: Role,
        *,
        secret: Callable[[], str],
        store: WatchStore,
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
        self._secret, self._options = secret, options
        self._store, self._logbook = store, logbook
        self._sink, self._stop, self._account_stop = sink, stop, account_stop
        self._wake = wake or threading.Event()  # ends a backoff/poll wait early
        self._reconnect = False  # set by reconnect_now(): the next connection loss is on purpose
        self.folder = "INBOX" if role == "inbox" else ""
        self.client: imapclient.IMAPClient | None = None
        self.state = WatchState.STOPPED
        self._exists = 0  # the folder's message count at the last catch-up

    # ------------------------------------------------------------------ state
    def stopping(self) -> bool:
        return self._stop.is_set() or self._account_stop.is_set()

    def _set_state(self, state: WatchState, detail: str = "") -> None:
        if state != self.state or detail:
            self.state = state
            self._sink(StateChanged(AccountState(self.account.email, state, detail, self.folder)))

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
        client = open_imap(self.account, self._secret, timeout=30, read_timeout=COMMAND_TIMEOUT)
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
        """Handle every message above the checkpoint (or since the log-since date).

        Raises the store's error (the checkpoint held before the first message it could not
        take) after trying the rest of the folder when the disk is full.
        """
        folder = Folder(self.account, self.role, self.folder, opts.policy, opts.fetch_chunk)
        pass_ = CatchUp(
            folder,
            store=self._store,
            logbook=self._logbook,
            sink=self._sink,
            stopping=self.stopping,
        )
        done = pass_.run(client, opts.since, on_start=self._catching_up)
        self._exists = pass_.exists
        return done

    def _catching_up(self) -> None:
        self._set_state(WatchState.CATCHING_UP)

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
            except StoreError as e:
                # the store cannot take mail now (disk full, locked, I/O): the checkpoint is
                # held, nothing was skipped; retry with backoff and tell the user meanwhile
                if self.stopping():
                    break
                self._retry_later(backoff, WatchState.ERROR, e.message, f"store failed ({e.code})")
            except KnownError as e:
                if self.stopping():
                    break
                self._retry_later(backoff, WatchState.OFFLINE, e.message, f"offline ({e.code})")
            except TRANSIENT as e:
                if self.stopping():
                    break
                if self._reconnect:  # reconnect_now() cut the line on purpose
                    self._reconnect = False
                    self._wake.clear()
                    log.info("%s %s reconnecting now", self.account.email, self.folder or self.role)
                    self._close()
                    continue
                name = type(e).__name__
                self._retry_later(backoff, WatchState.OFFLINE, name, f"connection lost ({name})")
            finally:
                if self.stopping():
                    self._close()
        self._close()
        if self.state is not WatchState.ERROR:
            if self._stop.is_set():  # the engine stopped it (pause, quit, reload): it says so
                self.state = WatchState.STOPPED
            else:
                self._set_state(WatchState.STOPPED)

    def _retry_later(self, backoff: Backoff, state: WatchState, detail: str, why: str) -> None:
        self._set_state(state, detail)
        delay = backoff.next()
        log.info(
            "%s %s %s; retrying in %.1f s", self.account.email, self.folder or self.role, why, delay
        )
        self._close()
        self._sleep(delay)

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
            new_mail = _arrived_unseen(client, self._exists)
            client.idle()
            started = time.monotonic()
            new_mail = _arrived_unseen(client, self._exists) or new_mail
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
                new_mail = _announces_mail(responses)
            # idle_check() leaves the socket without a timeout: DONE on a dead connection must
            # fail fast (then the safety catch-up runs on a fresh connection)
            client.socket().settimeout(DONE_TIMEOUT)
            _, last_words = client.idle_done()
            client.socket().settimeout(COMMAND_TIMEOUT)
            new_mail = new_mail or _announces_mail(last_words)
            if self.stopping():
                return
            if new_mail or time.monotonic() - last_catchup >= opts.catchup_interval:
                self.catch_up(client, opts)
                self._set_state(WatchState.WATCHING)
                last_catchup = time.monotonic()


def _announces_mail(responses: list[Any]) -> bool:
    return any(len(r) >= 2 and r[1] in (b"EXISTS", b"RECENT") for r in responses)

"""One catch-up pass over a folder: every message above the checkpoint, exactly once (SPEC §6).

Three outcomes per message, told apart on purpose:

- logged, a duplicate, or deliberately not logged → the checkpoint may move past it;
- a message that cannot be read (bad header, broken MIME) → skipped with one log line;
- the store cannot take it (:class:`StoreError`, e.g. :class:`DiskFull`) → the checkpoint is
  held just before it and the pass ends with that error, so the watcher retries later.
  When the disk is full, later messages are still tried (a small reply must not wait behind
  one large message that does not fit); the retry re-reads them and the store's exactly-once
  check makes it exact.
"""

from __future__ import annotations

import email.errors
import imaplib
import logging
import socket
import ssl
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import imapclient
from imapclient.exceptions import IMAPClientError

from replytrail.core.errors import DiskFull, KnownError, StoreError
from replytrail.core.events import EventSink, ScanProgress
from replytrail.core.logbook import TRACKING_HEADER, Logbook, Policy, Role
from replytrail.core.mail.parse import HEADER_FIELDS, parse_headers
from replytrail.core.models import Account, Checkpoint
from replytrail.core.prefilter import Candidate, Prefilter
from replytrail.core.store.base import WatchStore

__all__ = ["FETCH_FIELDS", "TRANSIENT", "CatchUp", "Folder"]

log = logging.getLogger("replytrail.watch")

#: the header fields fetched for every new message (SPEC §3: never more for a non-match)
FETCH_FIELDS = (*HEADER_FIELDS, TRACKING_HEADER)
_HEADER_ITEM = "BODY.PEEK[HEADER.FIELDS (" + " ".join(f.upper() for f in FETCH_FIELDS) + ")]"
CHECKPOINT_EVERY = 2.0  # seconds between checkpoint writes during a long catch-up
#: network and protocol failures: the connection is gone, reconnect
TRANSIENT = (
    OSError,
    socket.timeout,
    ssl.SSLError,
    imaplib.IMAP4.abort,
    imaplib.IMAP4.error,
    IMAPClientError,
    EOFError,
)
#: what a message that cannot be read raises while it is parsed
UNREADABLE = (ValueError, LookupError, UnicodeError, email.errors.MessageError, RecursionError)


@dataclass(frozen=True)
class Folder:
    """Which folder of which account, in which role, with which settings."""

    account: Account
    role: Role
    name: str
    policy: Policy
    fetch_chunk: int = 500


def header_item(data: dict[bytes, Any]) -> bytes:
    """The fetched header block out of one FETCH response."""
    raw = next((v for k, v in data.items() if k.startswith(b"BODY[HEADER")), b"")
    return raw if isinstance(raw, bytes) else b""


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class CatchUp:
    """One pass; ``run`` returns how many messages it looked at or raises the store's error."""

    def __init__(
        self,
        folder: Folder,
        *,
        store: WatchStore,
        logbook: Logbook,
        sink: EventSink,
        stopping: Callable[[], bool],
    ) -> None:
        self.f, self.store, self.logbook = folder, store, logbook
        self.sink, self.stopping = sink, stopping
        self.held: int | None = None  # the first UID the store could not take
        self.error: StoreError | None = None
        self.exists = 0  # the folder's message count when the pass began

    def _where(self) -> str:
        return f"{self.f.account.email} {self.f.name}"

    def _save(self, uidvalidity: int, last: int) -> None:
        safe = last if self.held is None else min(last, self.held - 1)
        self.store.set_checkpoint(Checkpoint(self.f.account.email, self.f.name, uidvalidity, safe))

    def run(
        self,
        client: imapclient.IMAPClient,
        since: object,
        on_start: Callable[[], None] | None = None,
    ) -> int:
        """Catch up; *on_start* is called once when there is anything to look at."""
        info = client.select_folder(self.f.name, readonly=True)
        uidvalidity = int(info.get(b"UIDVALIDITY", 0))
        uidnext = int(info.get(b"UIDNEXT", 0))
        self.exists = int(info.get(b"EXISTS", 0))
        cp = self.store.checkpoint(self.f.account.email, self.f.name)
        if cp is None or cp.uidvalidity != uidvalidity:
            if cp is not None:
                log.info("%s: UIDVALIDITY changed, rescanning", self._where())
            uids = sorted(client.search(["SINCE", since]))
            last = 0
        else:
            last = cp.last_uid
            uids = sorted(u for u in client.search(["UID", f"{last + 1}:*"]) if u > last)
        if uids and on_start is not None:
            on_start()
        done = self._scan(client, uids, uidvalidity, last)
        if self.error is not None:
            raise self.error
        if (
            uidnext
            and not uids
            and not self.stopping()
            # only a first scan starts the checkpoint at UIDNEXT: later, a message being
            # delivered can already count in UIDNEXT while SEARCH does not see it yet, and
            # jumping there would skip it for good
            and (cp is None or cp.uidvalidity != uidvalidity)
        ):
            self._save(uidvalidity, max(last, uidnext - 1))
        return done

    def _scan(
        self, client: imapclient.IMAPClient, uids: list[int], validity: int, last: int
    ) -> int:
        total = len(uids)
        gmail = b"X-GM-EXT-1" in client.capabilities()
        items = [_HEADER_ITEM, "INTERNALDATE"] + (["X-GM-THRID"] if gmail else [])
        prefilter = Prefilter(
            self.store,
            self.f.account,
            sent=self.f.role == "sent",
            subject_rule=self.f.policy.subject_rule,
            everything=self.f.policy.mode == "contacts",
        )
        done, saved = 0, time.monotonic()
        for chunk in _chunks(uids, self.f.fetch_chunk):
            if self.stopping():
                break
            fetched = client.fetch(chunk, items)
            keep = prefilter.select(
                [
                    Candidate(uid, header_item(d), str(d.get(b"X-GM-THRID") or "") or None)
                    for uid, d in sorted(fetched.items())
                ]
            )
            for uid in chunk:
                data = fetched.get(uid)
                if data is not None and uid in keep and not self._one(client, uid, data):
                    break  # the store failed for another reason than space: stop the folder
            done += len(chunk)
            last = max(last, chunk[-1])
            if self.error is not None and not isinstance(self.error, DiskFull):
                break
            # The checkpoint moves only past what the store committed; during a long scan at
            # most every few seconds (each move is an fsync).
            if done == total or time.monotonic() - saved >= CHECKPOINT_EVERY:
                self._save(validity, last)
                saved = time.monotonic()
            self.sink(ScanProgress(self.f.account.email, self.f.name, done, total))
        if done and (done < total or self.error is not None):
            self._save(validity, last)
        return done

    def _one(self, client: imapclient.IMAPClient, uid: int, data: dict[bytes, Any]) -> bool:
        """Handle one message; False when the store failed and the pass must stop."""
        try:
            self.handle(client, uid, data)
        except StoreError as e:
            if self.held is None:
                self.held, self.error = uid, e
                log.warning("%s UID %d not logged yet: %s", self._where(), uid, e.message)
            return isinstance(e, DiskFull)
        return True

    def handle(self, client: imapclient.IMAPClient, uid: int, data: dict[bytes, Any]) -> None:
        """Decide about one message; StoreError and network errors propagate, a message that
        cannot be read is skipped with one line, a bug is logged with its traceback."""
        raw = header_item(data)
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
            decision = self.logbook.handle(
                self.f.account,
                self.f.role,
                h,
                fetch_full,
                policy=self.f.policy,
                folder=self.f.name,
                raw_header=raw,
            )
            log.debug("%s UID %d: %s", self._where(), uid, decision.action)
        except (*TRANSIENT, StoreError):
            raise
        except KnownError as e:
            log.warning("%s UID %d skipped: %s", self._where(), uid, e.message)
        except UNREADABLE as e:
            log.warning(
                "%s UID %d skipped: cannot be read (%s)", self._where(), uid, type(e).__name__
            )
        except Exception:
            log.exception("%s UID %d skipped: unexpected error", self._where(), uid)

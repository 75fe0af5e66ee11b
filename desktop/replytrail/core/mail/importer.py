"""Bring in existing conversations (SPEC §15): a header-only scan, bodies only for what is kept.

:class:`Importer` reads the Sent folder's header fields of the chosen period to find the
people the user wrote to (or takes the one contact asked for), scans INBOX's header fields
for their messages, groups everything into threads and downloads (``BODY.PEEK[]``) only the
messages of those threads that are not stored yet. Every other message is seen as header
fields in memory and forgotten (SPEC §3). The stored emails count as tracked, so later
replies are logged. Progress goes to a callback; a stop event ends the run between steps.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import partial
from typing import Any, Protocol

import imapclient
from imapclient.imapclient import SENT

from replytrail.core.errors import NotFound
from replytrail.core.logbook import Decision, Logbook, Policy
from replytrail.core.mail.catchup import FETCH_FIELDS
from replytrail.core.mail.connect import open_imap
from replytrail.core.mail.importscan import (
    CustomerRule,
    Scanned,
    customers_of,
    group_threads,
    select_messages,
)
from replytrail.core.mail.parse import FullMessage, parse_headers, parse_message
from replytrail.core.matching.kinds import classify
from replytrail.core.models import Account, Direction, Kind, MatchReason
from replytrail.core.store.base import BatchedLookup, LogbookStore
from replytrail.core.store.freemail import company_for

__all__ = [
    "ImportProgress",
    "ImportRequest",
    "ImportResult",
    "ImportStore",
    "Importer",
    "import_accounts",
]

log = logging.getLogger("replytrail.import")

_HEADER_ITEM = "BODY.PEEK[HEADER.FIELDS (" + " ".join(f.upper() for f in FETCH_FIELDS) + ")]"
BODY_BATCH = 20  # whole messages per FETCH while bringing threads in


class ImportStore(LogbookStore, BatchedLookup, Protocol):
    """What an import needs of the store: the logbook's writes and batched id lookups."""


@dataclass(frozen=True)
class ImportRequest:
    """What to bring in: the period (None: all of it) and optionally one contact only."""

    since: date | None
    contact: str = ""


@dataclass(frozen=True)
class ImportProgress:
    """``phase``: "sent" and "inbox" (header scan), then "bodies" (bringing threads in)."""

    account: str
    phase: str
    done: int
    total: int


@dataclass
class ImportResult:
    """What one run did; ``to_json()`` is the ``import --json`` contract."""

    account: str
    scanned: int = 0  # header blocks looked at
    threads: int = 0  # threads with at least one email brought in
    emails: int = 0  # emails stored by this run
    already: int = 0  # emails of those threads that were stored before
    contacts: list[str] = field(default_factory=list)
    stopped: bool = False

    def to_json(self) -> dict[str, object]:
        return {
            "account": self.account,
            "scanned": self.scanned,
            "threads": self.threads,
            "emails": self.emails,
            "already": self.already,
            "contacts": sorted(self.contacts),
            "stopped": self.stopped,
        }


_FROM = re.compile(rb"^from:[ \t]*(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE)
_ADDR = re.compile(rb"[^\s<>\",;:()]+@[^\s<>\",;:()]+")


def _from_addresses(raw: bytes) -> set[str]:
    """The addresses of a raw header block's From line, lower-case (a cheap first look)."""
    m = _FROM.search(raw)
    if m is None:
        return set()
    return {a.decode("latin-1").lower().rstrip(".") for a in _ADDR.findall(m.group(1))}


def _header_bytes(data: dict[bytes, Any]) -> bytes:
    raw = next((v for k, v in data.items() if k.startswith(b"BODY[HEADER")), b"")
    return raw if isinstance(raw, bytes) else b""


def bring_in(
    logbook: Logbook,
    account: Account,
    full: FullMessage,
    *,
    thread_id: str,
    policy: Policy,
    folder: str,
) -> Decision:
    """Store one message of a conversation the user chose to bring in, as the logbook
    stores a reply: the user's own mail as outgoing, the customer's with its kind."""
    h = full.headers
    if h.from_ is not None and h.from_.email.lower() in logbook._own(account):
        direction, kind, people = Direction.OUT, Kind.EMAIL, h.to + h.cc
    else:
        sender = [h.from_] if h.from_ else []
        direction, kind, people = Direction.IN, classify(h), [*sender, *h.cc]
    contacts = logbook._contacts(people, account, policy)
    if not contacts:
        return Decision("ignored", "no external party")
    rec = logbook._record(
        full,
        account,
        thread_id=thread_id,
        direction=direction,
        match=MatchReason.IMPORT,
        kind=kind,
        contacts=contacts,
    )
    return logbook._commit(rec, folder, contacts[0].email)


class Importer:
    """One run for one account; ``stop`` may be set from any thread."""

    def __init__(
        self,
        store: ImportStore,
        account: Account,
        secret: Callable[[], str],
        policy: Policy,
        *,
        progress: Callable[[ImportProgress], None] | None = None,
        stop: threading.Event | None = None,
        chunk: int = 500,
    ) -> None:
        self.store, self.logbook = store, Logbook(store)
        self.account, self._secret, self.policy = account, secret, policy
        self._progress = progress or (lambda _p: None)
        self.stop = stop or threading.Event()
        self.chunk = chunk
        self._looked = 0  # header blocks looked at
        self.rule = CustomerRule.for_account(
            account, policy.never_log, free_mail=not company_for(account.email)
        )

    def run(self, req: ImportRequest) -> ImportResult:
        result = ImportResult(self.account.email)
        client = open_imap(self.account, self._secret(), timeout=30)
        try:
            sent_folder = self.account.sent_folder or str(client.find_special_folder(SENT) or "")
            if not sent_folder:
                raise NotFound(detail=f"{self.account.email}: no Sent folder found")
            contact = req.contact.strip().lower()
            sent = self._scan(client, sent_folder, "sent", self._criteria(req, contact, True))
            customers = {contact} if contact else customers_of(sent, self.rule)
            inbox = self._scan(
                client, "INBOX", "inbox", self._criteria(req, contact, False), customers
            )
            result.scanned = self._looked
            result.contacts = sorted(customers)
            if not self.stop.is_set():
                chosen = select_messages(sent, inbox, customers, self.rule)
                self._bring_in(client, chosen, result)
            result.stopped = self.stop.is_set()
        finally:
            try:
                client.logout()
            except Exception:  # the connection may already be gone; nothing to save
                log.debug("logout after import failed", exc_info=True)
        log.info(
            "import %s: %d headers scanned, %d emails in %d threads brought in%s",
            self.account.email,
            result.scanned,
            result.emails,
            result.threads,
            " (stopped)" if result.stopped else "",
        )
        return result

    # ------------------------------------------------------------------ header scan
    def _criteria(self, req: ImportRequest, contact: str, sent: bool) -> list[Any]:
        crit: list[Any] = ["SINCE", req.since] if req.since else []
        if contact:
            crit += ["OR", "TO", contact, "CC", contact] if sent else ["FROM", contact]
        return crit or ["ALL"]

    def _scan(
        self,
        client: imapclient.IMAPClient,
        folder: str,
        phase: str,
        criteria: list[Any],
        senders: set[str] | None = None,
    ) -> list[Scanned]:
        """Header fields of the matching messages; with *senders*, only the messages from
        one of them are parsed (a first look at the raw From line; the rest is dropped)."""
        client.select_folder(folder, readonly=True)
        uids = sorted(client.search(criteria))
        items = [_HEADER_ITEM, "INTERNALDATE"]
        gmail = b"X-GM-EXT-1" in client.capabilities()
        if gmail:
            items.append("X-GM-THRID")
        out: list[Scanned] = []
        for i in range(0, len(uids), self.chunk):
            if self.stop.is_set():
                break
            part = uids[i : i + self.chunk]
            for uid, data in sorted(client.fetch(part, items).items()):
                self._looked += 1
                raw = _header_bytes(data)
                if senders is not None and not senders & _from_addresses(raw):
                    continue
                internal = data.get(b"INTERNALDATE")
                if isinstance(internal, datetime) and internal.tzinfo is None:
                    internal = internal.replace(tzinfo=UTC)
                thrid = data.get(b"X-GM-THRID")
                h = parse_headers(
                    raw,
                    internal_date=internal if isinstance(internal, datetime) else None,
                    gm_thrid=str(thrid) if thrid else None,
                )
                out.append(Scanned(folder, uid, h))
            self._progress(ImportProgress(self.account.email, phase, i + len(part), len(uids)))
        return out

    # ------------------------------------------------------------------ bodies
    def _thread_ids(self, threads: dict[str, list[Scanned]]) -> dict[str, str]:
        """Each group's thread: an existing tracked thread when one of its ids is tracked."""
        store = self.store
        out: dict[str, str] = {}
        for key, members in threads.items():
            ids = {
                i
                for s in members
                for i in [s.headers.message_id, *s.headers.in_reply_to, *s.headers.references]
            }
            known = sorted(store.tracked_among(ids))
            thread = store.thread_of_message_id(known[0]) if known else None
            out[key] = thread or store.new_thread_id()
        return out

    def _bring_in(
        self, client: imapclient.IMAPClient, chosen: list[Scanned], result: ImportResult
    ) -> None:
        store = self.store
        threads = group_threads(chosen)
        thread_of = self._thread_ids(threads)
        stored = store.tracked_among({s.headers.message_id for s in chosen})
        todo = [s for s in chosen if s.headers.message_id not in stored]
        result.already = len(chosen) - len(todo)
        key_of = {s.headers.message_id: k for k, members in threads.items() for s in members}
        touched: set[str] = set()
        done = 0
        for folder in dict.fromkeys(s.folder for s in todo):
            mine = [s for s in todo if s.folder == folder]
            client.select_folder(folder, readonly=True)
            for i in range(0, len(mine), BODY_BATCH):
                if self.stop.is_set():
                    return
                batch = mine[i : i + BODY_BATCH]
                got = client.fetch([s.uid for s in batch], ["BODY.PEEK[]"])
                for s in batch:
                    raw = got.get(s.uid, {}).get(b"BODY[]")
                    key = key_of[s.headers.message_id]
                    if isinstance(raw, bytes) and self._store_one(raw, s, thread_of[key]):
                        result.emails += 1
                        touched.add(key)
                done += len(batch)
                result.threads = len(touched)
                self._progress(ImportProgress(self.account.email, "bodies", done, len(todo)))

    def _store_one(self, raw: bytes, s: Scanned, thread_id: str) -> bool:
        try:
            full = parse_message(raw)
            if full.headers.message_id != s.headers.message_id:
                full.headers = s.headers  # the id the scan grouped by (a synthetic one, say)
            decision = bring_in(
                self.logbook,
                self.account,
                full,
                thread_id=thread_id,
                policy=self.policy,
                folder=s.folder,
            )
        except Exception as e:  # one hostile message must not end the import (SPEC §13)
            log.warning("import: UID %d in %s skipped: %s", s.uid, s.folder, type(e).__name__)
            return False
        return decision.action == "logged"


def import_accounts(
    store: ImportStore,
    accounts: list[Account],
    secret: Callable[[Account], str],
    policy: Policy,
    req: ImportRequest,
    *,
    progress: Callable[[ImportProgress], None] | None = None,
    stop: threading.Event | None = None,
) -> list[ImportResult]:
    """One run per enabled account, in order, until *stop* is set."""
    stop = stop or threading.Event()
    results: list[ImportResult] = []
    for account in accounts:
        if stop.is_set() or not account.enabled:
            continue
        importer = Importer(
            store,
            account,
            partial(secret, account),
            policy,
            progress=progress,
            stop=stop,
        )
        results.append(importer.run(req))
    return results

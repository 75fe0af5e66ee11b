"""Reply matching rules of SPEC §5.3, Bcc logging (§5.2) and the never-log list (§3)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from replytrail.core.mail.parse import HeaderInfo
from replytrail.core.matching.kinds import is_group_sender
from replytrail.core.matching.subject import is_generic_subject, normalise_subject
from replytrail.core.matching.threadindex import conversation_guid
from replytrail.core.models import Address, MatchReason

__all__ = [
    "SUBJECT_WINDOW",
    "MatchResult",
    "TrackedLookup",
    "is_bcc_logging",
    "is_never_logged",
    "match_reply",
]

log = logging.getLogger("replytrail.matching")

#: the subject rule needs the sender to have taken part in the thread this recently
SUBJECT_WINDOW = timedelta(days=90)


class TrackedLookup(Protocol):
    """What the matcher asks the store; each method is one indexed lookup."""

    def thread_of_message_id(self, message_id: str) -> str | None:
        """The thread of a tracked Message-ID (``<...>`` form, exact), else None."""

    def thread_of_thread_index(self, guid: str) -> str | None:
        """The thread of a tracked email whose Thread-Index has this conversation GUID
        (:func:`~replytrail.core.matching.threadindex.conversation_guid`), else None."""

    def thread_of_gm_thrid(self, thrid: str) -> str | None:
        """The thread of a tracked email with this Gmail X-GM-THRID, else None."""

    def threads_with_subject(
        self, normalised_subject: str, participant: str, since: datetime
    ) -> list[str]:
        """Threads whose normalised subject equals *normalised_subject* and in which
        *participant* (an address, compared case-insensitively) sent or received an
        email dated at or after *since*; most recent activity first."""


@dataclass(frozen=True)
class MatchResult:
    thread_id: str
    reason: MatchReason

    @property
    def low_confidence(self) -> bool:
        return self.reason.low_confidence


def _by_ids(ids: Iterable[str], lookup: TrackedLookup, seen: set[str]) -> str | None:
    for message_id in ids:
        if message_id in seen:
            continue
        seen.add(message_id)
        thread = lookup.thread_of_message_id(message_id)
        if thread is not None:
            return thread
    return None


def _by_subject(h: HeaderInfo, lookup: TrackedLookup, now: datetime) -> str | None:
    if h.from_ is None or is_group_sender(h.from_) or h.list_id is not None:
        return None
    subject = normalise_subject(h.subject)
    if is_generic_subject(subject):
        return None
    threads = lookup.threads_with_subject(subject, h.from_.email, now - SUBJECT_WINDOW)
    return threads[0] if threads else None


def match_reply(
    h: HeaderInfo, lookup: TrackedLookup, *, subject_rule: bool = True, now: datetime
) -> MatchResult | None:
    """The first rule of SPEC §5.3 that ties *h* to a tracked thread, or None.

    Order: In-Reply-To; References newest first (from the end); Thread-Index
    conversation GUID; X-GM-THRID; then, when *subject_rule* is on, the low-confidence
    subject rule: normalised subject equal, sender took part within 90 days of *now*,
    never for generic subjects, group senders or mailing-list mail (List-Id). A
    message's own Message-ID is never used (a copy of a tracked email is not a reply).
    """
    seen = {h.message_id}
    thread = _by_ids(h.in_reply_to, lookup, seen)
    if thread is not None:
        return MatchResult(thread, MatchReason.IN_REPLY_TO)
    thread = _by_ids(reversed(h.references), lookup, seen)
    if thread is not None:
        return MatchResult(thread, MatchReason.REFERENCES)
    guid = conversation_guid(h.thread_index)
    if guid is not None:
        thread = lookup.thread_of_thread_index(guid)
        if thread is not None:
            return MatchResult(thread, MatchReason.THREAD_INDEX)
    if h.gm_thrid:
        thread = lookup.thread_of_gm_thrid(h.gm_thrid)
        if thread is not None:
            return MatchResult(thread, MatchReason.GM_THRID)
    if subject_rule:
        thread = _by_subject(h, lookup, now)
        if thread is not None:
            log.debug("low-confidence subject match for %s", h.message_id)
            return MatchResult(thread, MatchReason.SUBJECT)
    return None


def _same(a: str, b: str) -> bool:
    return a.strip().strip("<>").casefold() == b.strip().strip("<>").casefold()


def is_bcc_logging(h: HeaderInfo, account_email: str, logging_address: str) -> bool:
    """SPEC §5.2: addressed to *logging_address* (To, Cc, Delivered-To or X-Original-To)
    and sent From the account's own address. Addresses compare case-insensitively."""
    if h.from_ is None or not logging_address or not _same(h.from_.email, account_email):
        return False
    recipients = [a.email for a in h.to + h.cc] + h.delivered_to
    return any(_same(r, logging_address) for r in recipients)


def is_never_logged(address: Address | str | None, never_log: Iterable[str]) -> bool:
    """True if *address* is on the never-log list. Entries are addresses
    (``anna@example.com``) or domains (``@example.com`` or ``example.com``); a domain
    entry covers its subdomains (``example.com`` covers ``eu.example.com``)."""
    if address is None:
        return False
    email = (address.email if isinstance(address, Address) else address).strip().strip("<>")
    email = email.casefold()
    domain = email.rpartition("@")[2].rstrip(".")
    for entry in never_log:
        item = entry.strip().strip("<>").casefold().rstrip(".")
        if not item:
            continue
        if "@" in item and not item.startswith("@"):
            if item == email:
                return True
            continue
        item = item.lstrip("@").lstrip(".")
        if item and (domain == item or domain.endswith("." + item)):
            return True
    return False

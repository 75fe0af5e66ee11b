"""Which scanned messages belong to the conversations brought in (SPEC §15), and their threads.

Pure functions over header fields (no IMAP, no store): who counts as a customer (the people
the user wrote to, minus the own address and domain, group senders and the never-log list),
which messages are exchanged with them, and how they group into threads by Message-ID,
In-Reply-To, References and Gmail's thread id.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from replytrail.core.mail.parse import HeaderInfo
from replytrail.core.matching.kinds import is_group_sender
from replytrail.core.matching.matcher import is_never_logged
from replytrail.core.models import Account, Address

__all__ = ["CustomerRule", "Scanned", "customers_of", "group_threads", "select_messages"]


@dataclass(frozen=True)
class Scanned:
    """One message seen by its header fields only."""

    folder: str
    uid: int
    headers: HeaderInfo


@dataclass(frozen=True)
class CustomerRule:
    """Who counts as a customer: not the user, not a colleague, not a machine."""

    own: frozenset[str]
    own_domain: str  # empty for free-mail domains (a gmail.com user's customers use it too)
    never_log: tuple[str, ...] = ()

    @classmethod
    def for_account(
        cls, account: Account, never_log: Iterable[str], *, free_mail: bool
    ) -> CustomerRule:
        domain = account.email.rpartition("@")[2].lower()
        return cls(
            own=frozenset({account.email.lower(), account.bcc_address.lower()}),
            own_domain="" if free_mail else domain,
            never_log=tuple(never_log),
        )

    def is_customer(self, a: Address) -> bool:
        email = a.email.lower()
        if not email or email in self.own or is_group_sender(a):
            return False
        if self.own_domain and email.rpartition("@")[2] == self.own_domain:
            return False
        return not is_never_logged(a, self.never_log)

    def is_own(self, a: Address | None) -> bool:
        return a is not None and a.email.lower() in self.own


def select_messages(
    sent: list[Scanned], inbox: list[Scanned], customers: set[str], rule: CustomerRule
) -> list[Scanned]:
    """The messages exchanged with *customers*: the user's to them, theirs to the user."""
    chosen: list[Scanned] = []
    for s in sent:
        if rule.is_own(s.headers.from_) and any(
            a.email.lower() in customers for a in s.headers.to + s.headers.cc
        ):
            chosen.append(s)
    for s in inbox:
        sender = s.headers.from_
        if sender is not None and sender.email.lower() in customers and rule.is_customer(sender):
            chosen.append(s)
    seen: set[str] = set()
    unique: list[Scanned] = []
    for s in sorted(chosen, key=lambda s: s.headers.date):
        if s.headers.message_id not in seen:  # a copy in both folders: bring it in once
            seen.add(s.headers.message_id)
            unique.append(s)
    return unique


def customers_of(sent: list[Scanned], rule: CustomerRule) -> set[str]:
    """The people the user wrote to (lower-case addresses)."""
    return {
        a.email.lower()
        for s in sent
        if rule.is_own(s.headers.from_)
        for a in s.headers.to + s.headers.cc
        if rule.is_customer(a)
    }


class _Groups:
    """Union-find over message ids and Gmail thread ids."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def group_threads(messages: list[Scanned]) -> dict[str, list[Scanned]]:
    """Messages by thread (key: a root Message-ID); each list oldest first."""
    groups = _Groups()
    for s in messages:
        h = s.headers
        groups.find(h.message_id)
        for ref in [*h.in_reply_to, *h.references]:
            groups.union(h.message_id, ref)
        if h.gm_thrid:
            groups.union(h.message_id, "gm:" + h.gm_thrid)
    out: dict[str, list[Scanned]] = {}
    for s in messages:
        out.setdefault(groups.find(s.headers.message_id), []).append(s)
    return out

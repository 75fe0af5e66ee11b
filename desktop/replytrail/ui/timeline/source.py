"""What the timeline window asks of the store (through the store executor, never directly)."""

from __future__ import annotations

from typing import Protocol

from replytrail.core.models import Contact, Direction, LoggedEmail
from replytrail.core.store.base import SearchFilter
from replytrail.core.store.report import ContactRow
from replytrail.qt.jobs import StoreExecutor

__all__ = [
    "Key",
    "TimelineStore",
    "WindowExecutor",
    "contact_of",
    "key_of",
    "key_of_message",
]

#: a row's place in a timeline: (timestamp in seconds, email id), newest first
Key = tuple[int, int]


def key_of(e: LoggedEmail) -> Key:
    return int(e.date.timestamp()), int(e.id or 0)


class TimelineStore(Protocol):
    """The reads (and the one write, forget) of the timeline window."""

    def contacts(self, query: str = "", limit: int = 1000) -> list[Contact]: ...

    def contact(self, email: str) -> Contact | None: ...

    def timeline_page(
        self,
        contact: str,
        limit: int,
        *,
        before: Key | None = None,
        after: Key | None = None,
        down_to: Key | None = None,
    ) -> list[LoggedEmail]: ...

    def timeline(self, contact: str, limit: int = 200, offset: int = 0) -> list[LoggedEmail]: ...

    def timeline_count(self, contact: str) -> int: ...

    def thread(self, thread_id: str) -> list[LoggedEmail]: ...

    def email(self, message_id: str) -> LoggedEmail | None: ...

    def search(
        self, query: str, filt: SearchFilter | None = None, limit: int = 200
    ) -> list[LoggedEmail]: ...

    def raw_message(self, message_id: str) -> bytes | None: ...

    def attachment_data(self, sha256: str) -> bytes: ...

    def forget_contact(self, email: str) -> int: ...

    def data_version(self) -> int: ...

    def contact_report(self) -> list[ContactRow]: ...


WindowExecutor = StoreExecutor[TimelineStore]


def contact_of(s: TimelineStore, e: LoggedEmail) -> str:
    """The contact whose timeline shows *e* (its sender, or a recipient of a sent email)."""
    candidates = (
        [e.sender.email] if e.direction is Direction.IN else [a.email for a in (*e.to, *e.cc)]
    )
    for addr in candidates:
        if s.contact(addr) is not None:
            return addr
    return candidates[0] if candidates else ""


def key_of_message(s: TimelineStore, message_id: str) -> Key | None:
    e = s.email(message_id)
    return key_of(e) if e is not None else None

"""The repository API every store serves (local SQLite now, the team PostgreSQL store next).

The core is typed against narrow protocols, each what one part needs, so a second store
(PostgreSQL for teams) slots in by implementing them:

- :class:`~replytrail.core.matching.matcher.TrackedLookup`: the matcher's single lookups;
- :class:`BatchedLookup`: the prefilter's per-chunk lookups (sets in, sets out);
- :class:`LogbookStore`: what :class:`~replytrail.core.logbook.Logbook` reads and writes;
- :class:`CheckpointStore`: where a folder's watcher stands (SPEC §6);
- :class:`OutgoingStore`: what sending a tracked email writes;
- :class:`WatchStore` / :class:`EngineStore`: the engine's sum of the above;
- :class:`ReadStore`: what the timeline, the reading pane and the CLI read;
- :class:`Store`: all of it, plus forgetting and closing.

Every method raises :class:`~replytrail.core.errors.StoreError` (or its
:class:`~replytrail.core.errors.DiskFull`) when the store cannot do it, never a driver's
own exception; a write either commits whole or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from replytrail.core.matching.matcher import TrackedLookup
from replytrail.core.models import Address, Checkpoint, Contact, Direction, LoggedEmail

if TYPE_CHECKING:
    from replytrail.core.store.report import ContactRow

__all__ = [
    "AttachmentBlob",
    "BatchedLookup",
    "CheckpointStore",
    "EmailRecord",
    "EngineStore",
    "LogbookStore",
    "MaintenanceStore",
    "OutgoingStore",
    "ReadStore",
    "SearchFilter",
    "Store",
    "TrackedLookup",
    "WatchStore",
]


@dataclass(frozen=True)
class AttachmentBlob:
    filename: str
    content_type: str
    data: bytes


@dataclass
class EmailRecord:
    """Everything written for one logged email, in one transaction."""

    email: LoggedEmail
    contacts: list[Address] = field(default_factory=list)
    blobs: list[AttachmentBlob] = field(default_factory=list)
    raw: bytes | None = None
    track_ids: list[str] = field(default_factory=list)  # besides email.message_id
    subject_norm: str = ""
    thread_guid: str | None = None
    gm_thrid: str | None = None
    #: outbox targets that get a copy of this email ("team", "handoff:<name>"), written in
    #: the same transaction as the email (SPEC §17)
    outbox: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SearchFilter:
    since: datetime | None = None
    until: datetime | None = None
    direction: Direction | None = None
    contact: str | None = None


class BatchedLookup(Protocol):
    """The prefilter's lookups for a whole chunk of headers at once."""

    def tracked_among(self, message_ids: set[str]) -> set[str]:
        """Which of these Message-IDs are tracked."""
        ...

    def gm_thrids_among(self, thrids: set[str]) -> set[str]: ...

    def thread_guids_among(self, guids: set[str]) -> set[str]: ...

    def tracked_subjects(self) -> set[str]:
        """Normalised subjects of all tracked threads."""
        ...


class CheckpointStore(Protocol):
    """Where each folder's watcher stands; moved only past what was committed (SPEC §6)."""

    def checkpoint(self, account: str, folder: str) -> Checkpoint | None: ...

    def set_checkpoint(self, cp: Checkpoint) -> None: ...


class LogbookStore(TrackedLookup, Protocol):
    """What the logbook needs: the matcher's lookups, exactly-once writes, bounces."""

    def new_thread_id(self) -> str: ...

    def has_message(self, message_id: str) -> bool: ...

    def record(self, rec: EmailRecord) -> int | None:
        """Store a logged email; ``None`` when its Message-ID is already stored (exactly once)."""
        ...

    def add_tracked_id(self, message_id: str, thread_id: str, email_id: int | None) -> None: ...

    def mark_bounced(
        self, message_id: str, recipient: str, bounce_email_id: int | None
    ) -> bool: ...

    def email(self, message_id: str) -> LoggedEmail | None: ...

    def contact(self, email: str) -> Contact | None: ...


class OutgoingStore(Protocol):
    """What sending a tracked email writes: the email before SMTP, its status after."""

    def new_thread_id(self) -> str: ...

    def thread_of_message_id(self, message_id: str) -> str | None: ...

    def record(self, rec: EmailRecord) -> int | None: ...

    def set_status(self, message_id: str, status: str) -> None: ...

    def mark_bounced(self, message_id: str, recipient: str, bounce_email_id: int | None) -> bool:
        """A recipient the server refused at once (the others got the email)."""
        ...


class WatchStore(LogbookStore, BatchedLookup, CheckpointStore, Protocol):
    """Everything a folder watcher touches."""


class EngineStore(WatchStore, OutgoingStore, Protocol):
    """Everything the engine touches: watching and sending."""


class ReadStore(Protocol):
    """What the timeline, the reading pane, export and the CLI read."""

    def contacts(self, query: str = "", limit: int = 1000) -> list[Contact]: ...

    def contact(self, email: str) -> Contact | None: ...

    def timeline(self, contact: str, limit: int = 200, offset: int = 0) -> list[LoggedEmail]: ...

    def timeline_count(self, contact: str) -> int: ...

    def thread(self, thread_id: str) -> list[LoggedEmail]: ...

    def email(self, message_id: str) -> LoggedEmail | None: ...

    def email_by_id(self, email_id: int) -> LoggedEmail | None: ...

    def contact_report(self) -> list[ContactRow]:
        """Every contact with a logged email (name, company, activity, counts, awaiting)."""
        ...

    def search(
        self, query: str, filt: SearchFilter | None = None, limit: int = 200
    ) -> list[LoggedEmail]: ...

    def raw_message(self, message_id: str) -> bytes | None: ...

    def attachment_data(self, sha256: str) -> bytes: ...


class MaintenanceStore(Protocol):
    """What ``doctor`` and ``account`` need to check and tidy the store."""

    @property
    def version(self) -> int: ...

    def integrity_check(self) -> str: ...

    def stats(self) -> dict[str, int]: ...

    def gc_blobs(self) -> int: ...

    def clear_checkpoints(self, account: str) -> None: ...


class Store(EngineStore, ReadStore, MaintenanceStore, Protocol):
    """Writes are whole transactions; reads never see half of one."""

    def forget_contact(self, email: str) -> int: ...

    def close(self) -> None: ...

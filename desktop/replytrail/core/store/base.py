"""The repository API every store serves (local SQLite now, the team PostgreSQL store next)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from replytrail.core.models import Address, Checkpoint, Contact, Direction, LoggedEmail

__all__ = ["AttachmentBlob", "EmailRecord", "SearchFilter", "Store"]


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


class Store(Protocol):
    """Writes are whole transactions; reads never see half of one."""

    def new_thread_id(self) -> str: ...

    def record(self, rec: EmailRecord) -> int | None:
        """Store a logged email; ``None`` when its Message-ID is already stored (exactly once)."""
        ...

    def has_message(self, message_id: str) -> bool: ...

    def set_status(self, message_id: str, status: str) -> None: ...

    def add_tracked_id(self, message_id: str, thread_id: str, email_id: int | None) -> None: ...

    def mark_bounced(
        self, message_id: str, recipient: str, bounce_email_id: int | None
    ) -> bool: ...

    # TrackedLookup (the matcher's view)
    def thread_of_message_id(self, message_id: str) -> str | None: ...

    def thread_of_thread_index(self, guid: str) -> str | None: ...

    def thread_of_gm_thrid(self, thrid: str) -> str | None: ...

    def threads_with_subject(
        self, normalised_subject: str, participant: str, since: datetime
    ) -> list[str]: ...

    # checkpoints
    def checkpoint(self, account: str, folder: str) -> Checkpoint | None: ...

    def set_checkpoint(self, cp: Checkpoint) -> None: ...

    # reading
    def contacts(self, query: str = "", limit: int = 1000) -> list[Contact]: ...

    def contact(self, email: str) -> Contact | None: ...

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

    def close(self) -> None: ...

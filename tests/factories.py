"""Building logged emails for tests (store, UI models, benchmarks)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from replytrail.core.models import Address, Direction, Kind, LoggedEmail, MatchReason
from replytrail.core.store.base import AttachmentBlob, EmailRecord

BASE = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def record(
    n: int,
    thread: str,
    *,
    contact: str = "kunde@firma.example",
    direction: str = "in",
    subject: str = "Angebot Fräsmaschine",
    body: str = "Guten Tag",
    match: str = "sent",
    attachments: list[AttachmentBlob] | None = None,
    raw: bytes | None = None,
    track: list[str] | None = None,
) -> EmailRecord:
    me = Address("alice@example.test", "Alice")
    them = Address(contact, "Kunde")
    inbound = direction == "in"
    e = LoggedEmail(
        message_id=f"<m{n}@example.test>",
        thread_id=thread,
        direction=Direction(direction),
        date=BASE + timedelta(hours=n),
        sender=them if inbound else me,
        to=[me] if inbound else [them],
        cc=[],
        subject=subject,
        kind=Kind.EMAIL,
        match=MatchReason(match),
        account=me.email,
        body_text=body,
    )
    return EmailRecord(
        email=e,
        contacts=[them],
        blobs=attachments or [],
        raw=raw,
        track_ids=track or [],
        subject_norm=subject.lower(),
    )

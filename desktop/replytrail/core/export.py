"""Export logged emails as .eml files, an mbox or JSON (SPEC §9, §12)."""

from __future__ import annotations

import json
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from pathlib import Path
from typing import Protocol

from replytrail.core.config import atomic_write
from replytrail.core.errors import KnownError
from replytrail.core.i18n import QT_TRANSLATE_NOOP
from replytrail.core.mbox import mbox_entry, write_complete
from replytrail.core.models import LoggedEmail

__all__ = ["ExportFailed", "ExportSource", "eml_bytes", "eml_filename", "export_emails"]


class ExportFailed(KnownError):
    code = "export"
    template = QT_TRANSLATE_NOOP("errors", "The export to {path} failed: {detail}")


class ExportSource(Protocol):
    """What an export reads besides the rows: raw copies and attachment bytes."""

    def raw_message(self, message_id: str) -> bytes | None: ...

    def attachment_data(self, sha256: str) -> bytes: ...


def eml_bytes(store: ExportSource, e: LoggedEmail) -> bytes:
    """The message as received/sent when its raw copy is kept, else rebuilt from the log."""
    raw = store.raw_message(e.message_id)
    if raw is not None:
        return raw
    msg = EmailMessage()
    msg["Message-ID"] = e.message_id
    msg["Date"] = format_datetime(e.date)
    msg["From"] = formataddr((e.sender.name, e.sender.email))
    if e.to:
        msg["To"] = ", ".join(formataddr((a.name, a.email)) for a in e.to)
    if e.cc:
        msg["Cc"] = ", ".join(formataddr((a.name, a.email)) for a in e.cc)
    msg["Subject"] = e.subject
    if e.in_reply_to:
        msg["In-Reply-To"] = e.in_reply_to
    if e.references:
        msg["References"] = " ".join(e.references)
    msg.set_content(e.body_text or "")
    for a in e.attachments:
        maintype, _, subtype = a.content_type.partition("/")
        msg.add_attachment(
            store.attachment_data(a.sha256),
            maintype=maintype or "application",
            subtype=subtype or "octet-stream",
            filename=a.filename,
        )
    return msg.as_bytes()


def eml_filename(e: LoggedEmail, index: int) -> str:
    from replytrail.core.mail.parse import sanitize_filename

    stem = sanitize_filename(f"{e.date:%Y-%m-%d_%H%M} {e.subject or 'email'}")[:80]
    return f"{index:04d} {stem}.eml"


def export_emails(store: ExportSource, emails: list[LoggedEmail], fmt: str, target: Path) -> Path:
    """Write *emails* (oldest first in the file) as ``eml`` (a folder), ``mbox`` or ``json``.

    A failure (disk full, no permission) raises :class:`ExportFailed` with one line and
    leaves no temporary file behind; the mbox is written in an unnamed file that only
    appears under *target* once it is complete.
    """
    ordered = sorted(emails, key=lambda e: (e.date, e.id))
    try:
        if fmt == "json":
            data = [e.to_json() for e in reversed(ordered)]
            atomic_write(target, json.dumps(data, indent=2, ensure_ascii=False).encode(), 0o644)
        elif fmt == "mbox":
            write_complete(target, (mbox_entry(eml_bytes(store, e), e) for e in ordered))
        elif fmt == "eml":
            if len(ordered) == 1 and target.suffix.lower() == ".eml":
                atomic_write(target, eml_bytes(store, ordered[0]), mode=0o644)
            else:
                target.mkdir(parents=True, exist_ok=True)
                for i, e in enumerate(ordered, 1):
                    atomic_write(target / eml_filename(e, i), eml_bytes(store, e), mode=0o644)
        else:
            raise ValueError(fmt)
    except OSError as exc:
        raise ExportFailed(path=target, detail=exc.strerror or type(exc).__name__) from None
    return target

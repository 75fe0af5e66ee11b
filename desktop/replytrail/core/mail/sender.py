"""Sending tracked email (SPEC §7): record first, SMTP second, Sent copy third."""

from __future__ import annotations

import contextlib
import imaplib
import logging
import mimetypes
import smtplib
from collections.abc import Callable
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid

import imapclient
from imapclient.imapclient import SENT

from replytrail.core.errors import KnownError, ProtocolError, RecipientRefused, UsageError
from replytrail.core.i18n import QT_TRANSLATE_NOOP
from replytrail.core.mail.connect import Secret, open_imap, open_smtp
from replytrail.core.mail.draft import Draft
from replytrail.core.mail.parse import parse_headers
from replytrail.core.matching.kinds import is_group_sender
from replytrail.core.matching.subject import normalise_subject
from replytrail.core.models import Account, Address, Direction, Kind, LoggedEmail, MatchReason
from replytrail.core.store.base import AttachmentBlob, EmailRecord, OutgoingStore

__all__ = ["Draft", "append_sent_copy", "build_message", "send_draft"]

log = logging.getLogger("replytrail.send")

MAX_ATTACHMENTS_BYTES = 35 * 1024 * 1024  # most providers refuse more than 25-35 MB


#: IMAP hosts whose provider files SMTP-sent mail in Sent itself (X-GM-EXT-1 at send time)
FILES_SENT_HOSTS = ("imap.gmail.com", "imap.googlemail.com")


def files_sent_itself(account: Account) -> bool:
    """The provider, not Replytrail, puts the Sent copy there (Gmail, or marked so)."""
    return account.provider_files_sent or account.imap_host.lower() in FILES_SENT_HOSTS


def build_message(account: Account, draft: Draft, *, sender_name: str = "") -> EmailMessage:
    if not draft.to:
        raise UsageError(QT_TRANSLATE_NOOP("errors", "The email has no recipient."))
    total = 0
    msg = EmailMessage()
    domain = account.email.rpartition("@")[2]
    mid = make_msgid(domain=domain)
    msg["Message-ID"] = mid
    if files_sent_itself(account):
        # Only where the provider files the Sent copy itself can a relay's rewritten
        # Message-ID reach the Sent folder; there the header lets the watcher learn it. Where
        # Replytrail appends the Sent copy, it carries our own id (docs/architecture.md).
        msg["X-Replytrail-Id"] = mid
    msg["Date"] = format_datetime(datetime.now(UTC).astimezone())
    msg["From"] = formataddr((sender_name or account.sender_name, account.email))
    msg["To"] = ", ".join(draft.to)
    if draft.cc:
        msg["Cc"] = ", ".join(draft.cc)
    msg["Subject"] = draft.subject
    if draft.in_reply_to:
        msg["In-Reply-To"] = draft.in_reply_to
        refs = (
            [*draft.references, draft.in_reply_to]
            if draft.in_reply_to not in draft.references
            else draft.references
        )
        msg["References"] = " ".join(refs[-20:])
    msg.set_content(draft.body or "")
    for path in draft.attachments:
        try:
            data = path.read_bytes()
        except OSError as e:
            raise UsageError(
                QT_TRANSLATE_NOOP("errors", "The attachment {path} cannot be read: {detail}"),
                path=path,
                detail=e.strerror,
            ) from None
        total += len(data)
        if total > MAX_ATTACHMENTS_BYTES:
            raise UsageError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The attachments are larger than 35 MB; most providers refuse such emails.",
                )
            )
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        maintype, _, subtype = ctype.partition("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=path.name)
    return msg


def _append_sent(account: Account, secret: Secret, raw: bytes) -> str:
    """Append the copy to Sent unless the provider files SMTP mail itself (Gmail)."""
    client = open_imap(account, secret, timeout=30)
    try:
        if b"X-GM-EXT-1" in client.capabilities():
            return "provider"
        folder = account.sent_folder or client.find_special_folder(SENT)
        if not folder:
            folder = "Sent"
            if not client.folder_exists(folder):
                client.create_folder(folder)
        client.append(folder, raw, flags=[imapclient.SEEN])
        return str(folder)
    finally:
        with contextlib.suppress(imaplib.IMAP4.error, OSError):
            client.logout()


#: public name for the hand-off forwards' optional Sent copy
append_sent_copy = _append_sent


def _reason(code: int, text: bytes | str) -> str:
    raw = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return f"{code} {' '.join(raw.split())}"[:160]


def _named(text: bytes | str, addresses: list[str]) -> list[str]:
    """The recipients the server's reply names."""
    raw = (text.decode("utf-8", "replace") if isinstance(text, bytes) else text).lower()
    return [a for a in addresses if a.lower() in raw]


def _refused(recipients: dict[str, tuple[int, bytes | str]]) -> RecipientRefused:
    """One line naming the refused address(es) and the server's reason."""
    first = next(iter(recipients.values()))
    return RecipientRefused(address=", ".join(recipients), reason=_reason(*first))


def send_draft(
    account: Account,
    secret: Secret,
    store: OutgoingStore,
    draft: Draft,
    *,
    sender_name: str = "",
    route: Callable[[LoggedEmail], list[str]] | None = None,
) -> LoggedEmail:
    """Send *draft*, tracked. The record exists before SMTP; it ends 'sent' or 'failed'."""
    msg = build_message(account, draft, sender_name=sender_name)
    raw = msg.as_bytes()
    h = parse_headers(raw)
    thread = (
        store.thread_of_message_id(draft.in_reply_to) if draft.in_reply_to else None
    ) or store.new_thread_id()
    own = {account.email.lower(), account.bcc_address.lower()}
    contacts = [a for a in h.to + h.cc if a.email.lower() not in own and not is_group_sender(a)]
    email = LoggedEmail(
        message_id=h.message_id,
        thread_id=thread,
        direction=Direction.OUT,
        date=h.date,
        sender=Address(account.email, sender_name or account.sender_name),
        to=h.to,
        cc=h.cc,
        subject=draft.subject,
        kind=Kind.EMAIL,
        match=MatchReason.SENT,
        account=account.email,
        body_text=draft.body,
        status="pending",
        in_reply_to=draft.in_reply_to,
        references=h.references,
    )
    blobs = [
        AttachmentBlob(
            p.name, mimetypes.guess_type(p.name)[0] or "application/octet-stream", p.read_bytes()
        )
        for p in draft.attachments
    ]
    store.record(
        EmailRecord(
            email=email,
            contacts=contacts,
            blobs=blobs,
            raw=raw,
            subject_norm=normalise_subject(draft.subject),
            outbox=route(email) if route else [],
        )
    )
    try:
        smtp = open_smtp(account, secret)
        try:
            refused = smtp.send_message(msg)
        finally:
            with contextlib.suppress(smtplib.SMTPException, OSError):
                smtp.quit()
        if refused:  # the others got it; the refused ones show as bounced in the timeline
            log.warning("%d recipient(s) refused", len(refused))
            for rcpt in refused:
                store.mark_bounced(h.message_id, rcpt, None)
    except KnownError:
        store.set_status(h.message_id, "failed")
        raise
    except smtplib.SMTPRecipientsRefused as e:
        store.set_status(h.message_id, "failed")
        raise _refused({str(k): v for k, v in e.recipients.items()}) from None
    except smtplib.SMTPResponseException as e:
        store.set_status(h.message_id, "failed")
        named = _named(e.smtp_error, [a.email for a in h.to + h.cc])
        if e.smtp_code >= 500 and named:  # refused after DATA, naming the address
            raise _refused({a: (e.smtp_code, e.smtp_error) for a in named}) from None
        raise ProtocolError(host=account.smtp_host, detail=str(e)[:200]) from None
    except (smtplib.SMTPException, OSError) as e:
        store.set_status(h.message_id, "failed")
        raise ProtocolError(host=account.smtp_host, detail=str(e)[:200]) from None
    store.set_status(h.message_id, "sent")
    email.status = "sent"
    try:
        where = _append_sent(account, secret, raw)
        log.info("sent %s; Sent copy: %s", h.message_id, where)
    except KnownError as e:
        # the email went out and is tracked; only the copy in Sent is missing
        log.warning("sent %s but could not file the Sent copy: %s", h.message_id, e.message)
    return email

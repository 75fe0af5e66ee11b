"""A logged email forwarded to a CRM's drop address, in the form the CRMs parse.

``inline``: a "Forwarded message" block with From/Date/Subject/To/Cc of the original above its
text, attachments carried along — the form HubSpot, Pipedrive, Zoho and Salesforce read.
``attachment``: a short note with the original attached whole as ``message/rfc822``.
The forward goes through the account's own SMTP to the drop address and nobody else (the
envelope names only that address). Its Message-ID is derived from the outbox entry, so a
forward repeated after a crash carries the same id and CRMs that deduplicate by Message-ID
keep one. It has no In-Reply-To/References, and the drop address is on the never-log list,
so neither the forward nor the CRM's own mail is ever logged or forwarded again.
"""

from __future__ import annotations

import contextlib
import hashlib
import smtplib
from email import message_from_bytes
from email import policy as email_policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, formatdate
from typing import NoReturn

from replytrail.core.errors import KnownError, ProtocolError
from replytrail.core.handoff.targets import DeliveryRefused, Target
from replytrail.core.mail.connect import Secret, open_smtp
from replytrail.core.mail.parse import parse_message
from replytrail.core.mail.sender import append_sent_copy
from replytrail.core.models import Account, Address, LoggedEmail

__all__ = ["HANDOFF_HEADER", "build_forward", "forward_message_id", "send_forward"]

#: marks Replytrail's forwards (for the receiving side and for people reading headers)
HANDOFF_HEADER = "X-Replytrail-Handoff"


def forward_message_id(target: Target, email: LoggedEmail, domain: str) -> str:
    digest = hashlib.sha256(f"{target.name}\0{email.message_id}".encode()).hexdigest()[:32]
    return f"<handoff.{digest}@{domain}>"


def _addr(a: Address) -> str:
    return formataddr((a.name, a.email)) if a.name else a.email


def _block(email: LoggedEmail) -> str:
    lines = [
        "---------- Forwarded message ---------",
        f"From: {_addr(email.sender)}",
        f"Date: {format_datetime(email.date)}",
        f"Subject: {email.subject}",
        f"To: {', '.join(_addr(a) for a in email.to)}",
    ]
    if email.cc:
        lines.append(f"Cc: {', '.join(_addr(a) for a in email.cc)}")
    return "\n".join(lines) + "\n\n"


def build_forward(
    target: Target, account: Account, email: LoggedEmail, raw: bytes | None
) -> EmailMessage:
    """The forward of *email* (its stored original *raw*, when there is one) to *target*."""
    msg = EmailMessage(policy=email_policy.SMTP)
    msg["From"] = account.email
    msg["To"] = target.address
    msg["Subject"] = f"Fwd: {email.subject}" if email.subject else "Fwd:"
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = forward_message_id(target, email, account.email.rpartition("@")[2])
    msg[HANDOFF_HEADER] = target.name
    if target.form == "attachment" and raw is not None:
        msg.set_content(_block(email) + "The original email is attached.\n")
        # a message/rfc822 part must not be base64: attach it as a message (7bit/8bit)
        original = message_from_bytes(raw, policy=email_policy.default)
        msg.add_attachment(original, filename="original.eml")
        return msg
    body = email.body_text
    attachments = []
    if raw is not None:
        full = parse_message(raw)
        body = full.body_text or body
        attachments = full.attachments
    msg.set_content(_block(email) + body)
    for a in attachments:
        maintype, _, subtype = (a.content_type or "application/octet-stream").partition("/")
        msg.add_attachment(
            a.data, maintype=maintype, subtype=subtype or "octet-stream", filename=a.filename
        )
    return msg


def _raise(account: Account, to: str, code: int, text: bytes | str) -> NoReturn:
    """A 5xx answer refuses the forward for good (shown, not retried); 4xx is temporary."""
    said = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    said = " ".join(said.split())
    if 500 <= code < 600:  # the address is already the message's subject
        raise DeliveryRefused(where=to, detail=f"{code} {said}"[:200])
    raise ProtocolError(host=account.smtp_host, detail=f"{to}: {code} {said}"[:200])


def send_forward(account: Account, secret: Secret, msg: EmailMessage, *, sent_copy: bool) -> None:
    """Send *msg* to its To address only; file it in Sent when asked."""
    to = str(msg["To"])
    try:
        smtp = open_smtp(account, secret)
        try:
            smtp.send_message(msg, from_addr=account.email, to_addrs=[to])
        finally:
            with contextlib.suppress(smtplib.SMTPException, OSError):
                smtp.quit()
    except KnownError:
        raise
    except smtplib.SMTPRecipientsRefused as e:
        code, text = next(iter(e.recipients.values()), (550, b""))
        _raise(account, to, code, text)
    except smtplib.SMTPResponseException as e:
        _raise(account, to, e.smtp_code, e.smtp_error)
    except (smtplib.SMTPException, OSError) as e:
        raise ProtocolError(host=account.smtp_host, detail=str(e)[:200]) from None
    if sent_copy:
        append_sent_copy(account, secret, msg.as_bytes())

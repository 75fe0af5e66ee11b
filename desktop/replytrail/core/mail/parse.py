"""Parse headers, whole messages and bounces into typed records; never raises on bad mail."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message
from email.parser import BytesHeaderParser, BytesParser
from email.policy import compat32
from email.utils import collapse_rfc2231_value, parsedate_to_datetime

from replytrail.core.mail.addresses import (
    decode_bytes,
    decode_header_text,
    fold_whitespace,
    normalise_email,
    parse_address_list,
    parse_message_id,
    parse_message_ids,
)
from replytrail.core.mail.mime import (
    attachment_filename,
    disposition,
    generated_filename,
    html_to_text,
    leaf_parts,
    payload_bytes,
    sanitize_filename,
)
from replytrail.core.matching.signals import SIGNAL_FIELDS, Signals, signals_from_fields
from replytrail.core.models import Address

__all__ = [
    "HEADER_FIELDS",
    "AttachmentPart",
    "BounceInfo",
    "FullMessage",
    "HeaderInfo",
    "parse_headers",
    "parse_message",
    "sanitize_filename",
    "strip_leading_blank_lines",
]

log = logging.getLogger("replytrail.mail")

#: fetched with ``BODY.PEEK[HEADER.FIELDS (...)]`` for every new message (X-GM-THRID is a
#: FETCH item, not a header, and is passed to :func:`parse_headers` separately)
HEADER_FIELDS: tuple[str, ...] = (
    "Message-ID", "In-Reply-To", "References", "Thread-Index", "Thread-Topic",
    "From", "Sender", "Reply-To", "To", "Cc", "Delivered-To", "X-Original-To",
    "Date", "Subject", "Auto-Submitted", "X-Autoreply", "X-Autorespond", "Precedence",
    "X-Auto-Response-Suppress", "Content-Type", "Return-Path", "List-Id", "List-Unsubscribe",
    "X-MS-Exchange-Inbox-Rules-Loop",
)  # fmt: skip

# Fields the originator writes (not transport-added ones such as Delivered-To or
# Return-Path), so that the synthetic id of a message without Message-ID is the same for
# its copies in INBOX and Sent and for a header-only fetch and a full download.
_SYNTHETIC_ID_FIELDS = (
    "from", "sender", "reply-to", "to", "cc", "date", "subject", "in-reply-to",
    "references", "thread-index", "thread-topic", "content-type",
)  # fmt: skip
_HEADER_END = re.compile(rb"\r?\n\r?\n")
# blank or whitespace-only lines some exports put before the first header field
_LEADING_BLANK = re.compile(rb"\A(?:[ \t]*\r?\n)+")


@dataclass
class HeaderInfo:
    """What the matcher needs from one message's header fields.

    Header flag fields (``auto_submitted`` ... ``list_unsubscribe``) are the decoded,
    whitespace-folded value of the first such header, or None when absent.
    """

    message_id: str  # "<...>"; synthetic "<sha256@replytrail.invalid>" when missing
    date: datetime  # timezone-aware: Date header, else INTERNALDATE, else parse time (UTC)
    has_message_id: bool = True
    has_date: bool = True  # False when ``date`` is a fallback
    in_reply_to: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)  # oldest first, as in the header
    thread_index: str | None = None  # Outlook Thread-Index, base64, whitespace removed
    thread_topic: str = ""
    gm_thrid: str | None = None  # Gmail X-GM-THRID FETCH item
    from_: Address | None = None
    sender: Address | None = None
    reply_to: list[Address] = field(default_factory=list)
    to: list[Address] = field(default_factory=list)
    cc: list[Address] = field(default_factory=list)
    delivered_to: list[str] = field(default_factory=list)  # + X-Original-To, lower-case
    subject: str = ""  # RFC 2047 decoded, whitespace folded
    content_type: str = "text/plain"  # lower-case "type/subtype"
    report_type: str | None = None  # multipart/report's report-type, lower-case
    auto_submitted: str | None = None
    x_autoreply: str | None = None
    x_autorespond: str | None = None
    precedence: str | None = None
    x_auto_response_suppress: str | None = None
    list_id: str | None = None
    list_unsubscribe: str | None = None
    return_path: str | None = None  # "" for the null path "<>", else the address
    signals: Signals = field(default_factory=Signals)  # what classify() reads


@dataclass
class AttachmentPart:
    """One attachment (or inline part) of a message; ``filename`` is already sanitised."""

    filename: str
    content_type: str
    data: bytes


@dataclass
class FullMessage:
    """A downloaded message: headers, bodies and attachments (HTML is NOT sanitised here)."""

    headers: HeaderInfo
    body_text: str = ""  # text/plain parts; else a text rendering of the HTML
    body_html: str = ""  # raw HTML; sanitising is the UI's job
    attachments: list[AttachmentPart] = field(default_factory=list)
    raw: bytes = b""


@dataclass
class BounceInfo:
    """What a bounce says about the message it returns."""

    original_message_id: str | None
    failed_recipients: list[str] = field(default_factory=list)
    standard: bool = False  # True: RFC 3464 delivery-status; False: guessed from the text


# -- headers ---------------------------------------------------------------------------


class _Fields:
    """Raw header values by lower-case name; compat32's ``get`` would turn 8-bit bytes into
    U+FFFD, ``raw_items`` keeps them as surrogate escapes that we decode ourselves."""

    def __init__(self, msg: Message) -> None:
        self.values: dict[str, list[str]] = {}
        for name, value in msg.raw_items():
            self.values.setdefault(str(name).strip().lower(), []).append(str(value))

    def all(self, name: str) -> list[str]:
        return self.values.get(name.lower(), [])

    def first(self, name: str) -> str | None:
        found = self.all(name)
        return found[0] if found else None

    def text(self, name: str) -> str | None:
        value = self.first(name)
        return None if value is None else fold_whitespace(decode_header_text(value))


def _synthetic_id(fields: _Fields, raw: bytes) -> str:
    block = b"".join(
        f"{name}:{fold_whitespace(value)}\n".encode("utf-8", "surrogateescape")
        for name in _SYNTHETIC_ID_FIELDS
        for value in fields.all(name)
    )
    digest = hashlib.sha256(block or raw).hexdigest()
    return f"<{digest}@replytrail.invalid>"


def _date(value: str | None, internal_date: datetime | None) -> tuple[datetime, bool]:
    if value:
        try:
            parsed = parsedate_to_datetime(fold_whitespace(value))
        except (ValueError, TypeError, IndexError, OverflowError):
            parsed = None
        if parsed is not None:
            return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)), True
    if internal_date is not None:
        return (internal_date if internal_date.tzinfo else internal_date.replace(tzinfo=UTC)), False
    return datetime.now(UTC), False


def _report_type(msg: Message) -> str | None:
    try:
        value = msg.get_param("report-type")
        if value is None or (isinstance(value, str) and not value):
            return None
        return collapse_rfc2231_value(value).strip().lower() or None
    except (LookupError, ValueError, TypeError, UnicodeError):
        return None


def _return_path(fields: _Fields) -> str | None:
    value = fields.text("Return-Path")
    if value is None:
        return None
    inner = value.strip("<> ")
    return normalise_email(inner)


def _headers_from(
    msg: Message, raw: bytes, internal: datetime | None, thrid: str | None
) -> HeaderInfo:
    f = _Fields(msg)
    mid = parse_message_id(f.first("Message-ID"))
    date, has_date = _date(f.first("Date"), internal)
    from_ = parse_address_list(f.all("From"))
    sender = parse_address_list(f.all("Sender"))
    delivered = [a.email.lower() for a in parse_address_list(f.all("Delivered-To"))]
    delivered += [a.email.lower() for a in parse_address_list(f.all("X-Original-To"))]
    thread_index = re.sub(r"\s+", "", f.text("Thread-Index") or "")
    return HeaderInfo(
        message_id=mid or _synthetic_id(f, raw),
        has_message_id=mid is not None,
        date=date,
        has_date=has_date,
        in_reply_to=parse_message_ids(f.all("In-Reply-To")),
        references=parse_message_ids(f.all("References")),
        thread_index=thread_index or None,
        thread_topic=f.text("Thread-Topic") or "",
        gm_thrid=thrid.strip() if thrid and thrid.strip() else None,
        from_=from_[0] if from_ else None,
        sender=sender[0] if sender else None,
        reply_to=parse_address_list(f.all("Reply-To")),
        to=parse_address_list(f.all("To")),
        cc=parse_address_list(f.all("Cc")),
        delivered_to=list(dict.fromkeys(delivered)),
        subject=f.text("Subject") or "",
        content_type=msg.get_content_type(),
        report_type=_report_type(msg),
        auto_submitted=f.text("Auto-Submitted"),
        x_autoreply=f.text("X-Autoreply"),
        x_autorespond=f.text("X-Autorespond"),
        precedence=f.text("Precedence"),
        x_auto_response_suppress=f.text("X-Auto-Response-Suppress"),
        list_id=f.text("List-Id"),
        list_unsubscribe=f.text("List-Unsubscribe"),
        return_path=_return_path(f),
        signals=signals_from_fields({n: v for n in SIGNAL_FIELDS if (v := f.first(n)) is not None}),
    )


def _fallback_headers(
    raw: bytes, internal_date: datetime | None, gm_thrid: str | None
) -> HeaderInfo:
    digest = hashlib.sha256(raw).hexdigest()
    date, _ = _date(None, internal_date)
    return HeaderInfo(
        message_id=f"<{digest}@replytrail.invalid>",
        has_message_id=False,
        date=date,
        has_date=False,
        gm_thrid=gm_thrid,
    )


def strip_leading_blank_lines(raw: bytes) -> bytes:
    """*raw* without blank lines before its first header field (they would end the header)."""
    m = _LEADING_BLANK.match(raw)
    return raw[m.end() :] if m else raw


def parse_headers(
    raw: bytes, *, internal_date: datetime | None = None, gm_thrid: str | None = None
) -> HeaderInfo:
    """Parse a header block (or a whole message: only its header block is read).

    Never raises: a message the parser cannot make sense of yields a :class:`HeaderInfo`
    with a synthetic id (the SHA-256 of *raw*) and a fallback date.
    """
    raw = strip_leading_blank_lines(bytes(raw))
    end = _HEADER_END.search(raw)
    block = raw[: end.end()] if end else raw
    try:
        msg = BytesHeaderParser(policy=compat32).parsebytes(block)
        return _headers_from(msg, block, internal_date, gm_thrid)
    except Exception as exc:  # hostile input must never stop the watcher (SPEC §13)
        # only the exception type: its text could quote header or body bytes
        log.warning("unparseable header block (%d bytes, %s)", len(raw), type(exc).__name__)
        return _fallback_headers(raw, internal_date, gm_thrid)


# -- whole messages --------------------------------------------------------------------


def _fill(full: FullMessage, msg: Message) -> None:
    plain: list[str] = []
    markup: list[str] = []
    for part in leaf_parts(msg):
        try:
            ctype = part.get_content_type()
            filename = attachment_filename(part)
            data = payload_bytes(part)
            body_like = ctype in ("text/plain", "text/html") and filename is None
            if body_like and disposition(part) != "attachment":
                text = decode_bytes(data, part.get_content_charset())
                (plain if ctype == "text/plain" else markup).append(text)
                continue
            index = len(full.attachments) + 1
            name = sanitize_filename(filename) if filename else generated_filename(ctype, index)
            full.attachments.append(AttachmentPart(name, ctype, data))
        except Exception as exc:  # one broken part must not lose the rest of the message
            log.warning("skipped an unreadable MIME part (%s)", type(exc).__name__)
    full.body_html = "\n".join(markup)
    text = "\n".join(plain) if plain else html_to_text(full.body_html)
    full.body_text = text.replace("\r\n", "\n").replace("\r", "\n")


def parse_message(
    raw: bytes, *, internal_date: datetime | None = None, gm_thrid: str | None = None
) -> FullMessage:
    """Parse a whole message. Never raises; unreadable parts are skipped with a log line.

    Returns ``FullMessage(headers, body_text, body_html, attachments=[AttachmentPart(
    filename, content_type, data)], raw)``.
    """
    raw = bytes(raw)
    full = FullMessage(headers=parse_headers(raw, internal_date=internal_date, gm_thrid=gm_thrid))
    full.raw = raw
    try:
        _fill(full, BytesParser(policy=compat32).parsebytes(strip_leading_blank_lines(raw)))
    except Exception as exc:  # hostile input must never stop the watcher (SPEC §13)
        log.warning("unparseable message body (%d bytes, %s)", len(raw), type(exc).__name__)
    return full

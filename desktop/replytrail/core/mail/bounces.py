"""Bounces: the returned Message-ID and the failed recipients, from DSNs and plain-text reports."""

from __future__ import annotations

import logging
import quopri
import re
from email.message import Message
from email.parser import BytesHeaderParser, BytesParser
from email.policy import compat32

from replytrail.core.mail.addresses import decode_bytes, parse_message_id
from replytrail.core.mail.mime import (
    dsn_failed_recipients,
    guess_bounce_text,
    leaf_parts,
    payload_bytes,
)
from replytrail.core.mail.parse import (
    BounceInfo,
    FullMessage,
    HeaderInfo,
    parse_message,
    strip_leading_blank_lines,
)
from replytrail.core.matching.signals import machine_kind

__all__ = ["parse_bounce"]

log = logging.getLogger("replytrail.mail")

# -- bounces ---------------------------------------------------------------------------

_BOUNCE_SENDERS = ("mailer-daemon", "postmaster", "mail-daemon")
_BOUNCE_SUBJECT = re.compile(
    r"undeliver|delivery status notification|delivery failure|mail delivery failed|"
    r"returned mail|failure notice|unzustellbar|nicht zustellbar|zustellung fehlgeschlagen",
    re.I,
)


def _is_bounce_like(headers: HeaderInfo) -> bool:
    local = headers.from_.email.partition("@")[0].lower() if headers.from_ else ""
    return (
        machine_kind(headers.signals) == "bounce"
        or local in _BOUNCE_SENDERS
        or (headers.content_type == "multipart/report" and headers.report_type == "delivery-status")
        or bool(_BOUNCE_SUBJECT.search(headers.subject))
    )


def _standard(msg: Message) -> tuple[BounceInfo | None, str | None]:
    """RFC 3464: failed recipients from delivery-status, the id from the returned headers."""
    status_found = False
    failed: list[str] = []
    original: str | None = None
    for part in leaf_parts(msg):
        ctype = part.get_content_type()
        if ctype in ("message/delivery-status", "message/global-delivery-status"):
            status_found = True
            failed += dsn_failed_recipients(part)
        elif original is None and ctype in (
            "message/rfc822", "message/global", "text/rfc822-headers",
            "message/rfc822-headers", "message/global-headers",
        ):  # fmt: skip
            inner = BytesHeaderParser(policy=compat32).parsebytes(payload_bytes(part))
            original = parse_message_id(inner.get("Message-ID"))
            cte = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
            if original and cte == "quoted-printable":  # not allowed on message/*, but sent
                original = parse_message_id(_decode_qp(original.encode()).decode("latin-1"))
    if not status_found:
        return None, original
    return BounceInfo(original, list(dict.fromkeys(failed)), standard=True), original


def _guess(full: FullMessage, original: str | None) -> BounceInfo:
    """Best effort for plain-text bounces that quote the original message."""
    texts = [full.body_text]
    texts += [
        decode_bytes(a.data, None)
        for a in full.attachments
        if a.content_type.startswith("text/") or a.content_type == "message/delivery-status"
    ]
    exclude = {a.email for a in full.headers.to + full.headers.cc}
    quoted_id, failed = guess_bounce_text("\n".join(texts), exclude, _BOUNCE_SENDERS)
    return BounceInfo(original or quoted_id, failed, standard=False)


_ANY_MSGID = re.compile(rb"^[ \t>]*message-id:[ \t]*(?:\r?\n[ \t]+)?(<[^<>\s]+>)", re.I | re.M)
_SOFT_BREAK = re.compile(rb"=\r?\n")
_QP_PART = re.compile(rb"^content-transfer-encoding:[ \t]*quoted-printable", re.I | re.M)


def _scan_raw(full: FullMessage) -> str | None:
    """The first quoted ``Message-ID:`` line anywhere in the raw body that is not the
    bounce's own: finds the returned id in text/plain, message/partial, quoted-printable,
    after a missing closing boundary or in text mislabelled as HTML."""
    raw = strip_leading_blank_lines(full.raw)
    end = re.search(rb"\r?\n\r?\n", raw)
    body = raw[end.end() :] if end else b""
    own = {full.headers.message_id}
    texts = (body, _decode_qp(body))
    if _QP_PART.search(body):
        texts = texts[::-1]  # a quoted =40 is an @: read the decoded text first
    for text in texts:
        for m in _ANY_MSGID.finditer(text):
            found = parse_message_id(m.group(1).decode("latin-1"))
            if found is not None and found not in own:
                return found
    return None


def _decode_qp(body: bytes) -> bytes:
    if b"=" not in body:
        return b""
    try:
        return quopri.decodestring(_SOFT_BREAK.sub(b"", body))
    except (ValueError, TypeError):
        return b""


def parse_bounce(message: FullMessage | bytes) -> BounceInfo | None:
    """The original Message-ID and failed recipients of a bounce; None if it is none.

    Standard DSNs (multipart/report; report-type=delivery-status) are read exactly;
    other mails from MAILER-DAEMON/postmaster or with a bounce subject are read by
    pattern: the quoted ``Message-ID:`` line and addresses on or after failure lines.
    """
    full = message if isinstance(message, FullMessage) else parse_message(message)
    try:
        msg = BytesParser(policy=compat32).parsebytes(strip_leading_blank_lines(full.raw))
        info, original = _standard(msg)
        if info is None:
            if not _is_bounce_like(full.headers):
                return None
            info = _guess(full, original)
        if info.original_message_id is None:
            info.original_message_id = _scan_raw(full)
        return info
    except Exception as exc:  # hostile input must never stop the watcher (SPEC §13)
        log.warning("unreadable bounce (%d bytes, %s)", len(full.raw), type(exc).__name__)
        return None

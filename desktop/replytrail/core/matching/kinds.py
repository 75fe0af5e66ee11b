"""Kinds of incoming mail (SPEC §5.4): email, auto-reply, bounce; and group senders."""

from __future__ import annotations

import re

from replytrail.core.mail.parse import HeaderInfo
from replytrail.core.models import Address, Kind

__all__ = ["GROUP_LOCAL_PARTS", "classify", "is_group_sender", "is_out_of_office_subject"]

_BOUNCE_LOCAL_PARTS = frozenset({"mailer-daemon", "mailerdaemon", "postmaster", "mail-daemon"})

#: local parts (lower-case, ``.``/``-``/``_`` and ``+tag`` removed) of role and machine
#: mailboxes: they never become contacts and never match by subject
GROUP_LOCAL_PARTS = frozenset(
    {
        "noreply", "donotreply", "noreplies", "info", "support", "help", "helpdesk",
        "service", "notification", "notifications", "notify", "alert", "alerts",
        "newsletter", "newsletters", "news", "marketing", "mailerdaemon", "maildaemon",
        "postmaster", "hostmaster", "webmaster", "abuse", "bounce", "bounces", "billing",
        "invoice", "invoices", "rechnung", "rechnungen", "mailer", "automailer", "daemon",
        "root", "system", "updates", "digest", "calendar", "kontakt", "contact",
    }
)  # fmt: skip
#: prefixes of generated machine local parts: noreply-1234@, bounces-abc@, notification-x@
_GROUP_PREFIXES = ("noreply", "donotreply", "bounce", "mailerdaemon", "notification")

# Out-of-office subjects (English and German) at the start of the subject, optionally in
# brackets; "Re: Out of office policy" is a human reply and does not match.
_OOO_SUBJECT = re.compile(
    r"^\s*[\[(]?\s*(?:out\s+of\s+(?:the\s+)?office|automatic\s+reply|auto(?:matic)?[-\s]?reply|"
    r"auto[-\s]?response|autoresponse|automatische\s+antwort|abwesenheitsnotiz|"
    r"automatische\s+abwesenheitsnotiz|abwesenheit|abwesend|urlaubsabwesenheit|"
    r"office\s+closed|on\s+vacation)\b",
    re.IGNORECASE,
)


def _local(address: Address | str | None) -> str:
    if address is None:
        return ""
    text = address.email if isinstance(address, Address) else address
    return text.strip().strip("<>").rpartition("@")[0].lower() or text.strip().lower()


def is_out_of_office_subject(subject: str) -> bool:
    """True for "Out of Office: …", "Automatic reply: …", "Automatische Antwort: …",
    "Abwesenheitsnotiz: …", "Auto-Reply: …" and similar (at the start only)."""
    return bool(_OOO_SUBJECT.match(subject))


def _is_auto_reply(h: HeaderInfo) -> bool:
    auto_submitted = (h.auto_submitted or "").split(";", 1)[0].strip().lower()
    if h.auto_submitted is not None and auto_submitted != "no":
        return True
    if h.x_autoreply is not None or h.x_autorespond is not None:
        return True
    if (h.precedence or "").strip().lower() == "auto_reply":
        return True
    if h.content_type == "multipart/report" and h.report_type == "disposition-notification":
        return True  # read receipts (RFC 8098) are machine-made, never a reply
    return is_out_of_office_subject(h.subject)


def _is_bounce(h: HeaderInfo) -> bool:
    if h.content_type == "multipart/report" and h.report_type == "delivery-status":
        return True
    return _local(h.from_) in _BOUNCE_LOCAL_PARTS


def classify(h: HeaderInfo) -> Kind:
    """BOUNCE, AUTO_REPLY or EMAIL from header fields alone; a bounce wins over an auto-reply.

    Bounce: multipart/report with report-type=delivery-status (RFC 3464), or a
    MAILER-DAEMON/postmaster sender. Auto-reply: Auto-Submitted present and not "no"
    (RFC 3834), X-Autoreply or X-Autorespond present, Precedence: auto_reply, a read
    receipt (report-type=disposition-notification), or an out-of-office subject.
    Deliberately NOT auto-replies on their own: Precedence bulk/list/junk (newsletters
    and mailing lists; they carry no reply and are filtered by the matcher) and
    X-Auto-Response-Suppress (a request to suppress auto-replies that Exchange also
    puts on ordinary mail).
    """
    if _is_bounce(h):
        return Kind.BOUNCE
    if _is_auto_reply(h):
        return Kind.AUTO_REPLY
    return Kind.EMAIL


def is_group_sender(address: Address | str | None) -> bool:
    """True for role and machine mailboxes by local part (:data:`GROUP_LOCAL_PARTS`, or a
    generated ``noreply-…``/``bounces+…``/``notification-…`` local part). The ``+tag`` and
    separators are ignored: ``No_Reply+abc@`` counts."""
    local = _local(address).split("+", 1)[0]
    squashed = re.sub(r"[._-]", "", local)
    if not squashed:
        return False
    return squashed in GROUP_LOCAL_PARTS or squashed.startswith(_GROUP_PREFIXES)

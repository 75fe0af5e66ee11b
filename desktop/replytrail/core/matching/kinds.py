"""Kinds of incoming mail (SPEC §5.4): email, auto-reply, bounce; and group senders."""

from __future__ import annotations

import re

from replytrail.core.mail.parse import FullMessage, HeaderInfo
from replytrail.core.matching.signals import body_kind, machine_kind
from replytrail.core.matching.signals import is_out_of_office_subject as _is_out_of_office_subject
from replytrail.core.models import Address, Kind

__all__ = [
    "GROUP_LOCAL_PARTS",
    "classify",
    "classify_message",
    "is_group_sender",
    "is_out_of_office_subject",
]

# re-exported: callers and tests ask kinds for it
is_out_of_office_subject = _is_out_of_office_subject

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


def _local(address: Address | str | None) -> str:
    if address is None:
        return ""
    text = address.email if isinstance(address, Address) else address
    return text.strip().strip("<>").rpartition("@")[0].lower() or text.strip().lower()


def classify(h: HeaderInfo) -> Kind:
    """BOUNCE, AUTO_REPLY or EMAIL from header fields alone; a bounce wins over an auto-reply.

    The rules are :func:`~replytrail.core.matching.signals.machine_kind`'s (the prefilter
    asks the same function). Bounce: multipart/report delivery-status (also without
    report-type), a delivery daemon sender (MAILER-DAEMON, "Mail Delivery System",
    postmaster, MDaemon, ndr@) in From or Return-Path, From without an address sent with
    the null return path, or a delivery-failure subject. Auto-reply: Auto-Submitted
    present and not "no" (RFC 3834), X-Autoreply or X-Autorespond, Precedence: auto_reply,
    Precedence junk/bulk with the null return path, an Exchange inbox-rule reply
    (X-MS-Exchange-Inbox-Rules-Loop together with X-Auto-Response-Suppress), a read
    receipt, or an out-of-office subject in one of many languages (Lotus "AUTO:").
    Deliberately NOT auto-replies on their own: Precedence bulk/list/junk (newsletters
    and mailing lists) and X-Auto-Response-Suppress (a request Exchange also puts on
    ordinary mail).
    """
    return Kind(machine_kind(h.signals))


def classify_message(full: FullMessage) -> Kind:
    """:func:`classify` of the header, else what the start of the body says (report texts
    of delivery software, auto-responder and challenge-response phrases)."""
    kind = classify(full.headers)
    if kind is not Kind.EMAIL:
        return kind
    return Kind(body_kind(full.body_text))


def is_group_sender(address: Address | str | None) -> bool:
    """True for role and machine mailboxes by local part (:data:`GROUP_LOCAL_PARTS`, or a
    generated ``noreply-…``/``bounces+…``/``notification-…`` local part). The ``+tag`` and
    separators are ignored: ``No_Reply+abc@`` counts."""
    local = _local(address).split("+", 1)[0]
    squashed = re.sub(r"[._-]", "", local)
    if not squashed:
        return False
    return squashed in GROUP_LOCAL_PARTS or squashed.startswith(_GROUP_PREFIXES)

"""The header signals that make a message machine-made: one definition for prefilter and logbook.

:class:`Signals` holds the few header values the rules read. :func:`signals_of` builds it
from a parsed :class:`~replytrail.core.mail.parse.HeaderInfo` (the logbook) and
:func:`signals_from_fields` from raw header text (the prefilter's cheap scan), so both ask
:func:`machine_kind` the same question and get the same answer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from replytrail.core.mail.addresses import decode_header_text, fold_whitespace

__all__ = [
    "SIGNAL_FIELDS",
    "Signals",
    "body_kind",
    "is_bounce_subject",
    "is_out_of_office_subject",
    "machine_kind",
    "signals_from_fields",
]

#: lower-case header names whose values :func:`signals_from_fields` reads
SIGNAL_FIELDS = (
    "from", "subject", "content-type", "return-path", "auto-submitted", "x-autoreply",
    "x-autorespond", "precedence", "x-auto-response-suppress", "x-ms-exchange-inbox-rules-loop",
)  # fmt: skip

# Delivery daemons by display name or address: MAILER-DAEMON, "Mail Delivery System",
# Postmaster (also post_master), MDaemon, ndr@, "MMSC NDR Administrator".
_DAEMON = re.compile(
    r"(?<![a-z0-9])(?:mailer[-_. ]?daemon|mail[-_. ]?daemon|post[-_. ]?master|mdaemon|ndr|"
    r"mail[-_. ]?delivery[-_. ]?(?:system|subsystem|service)|mail[-_. ]?administrator|"
    r"(?:mail|smtp)[-_. ]?gateway)(?![a-z0-9])",
    re.IGNORECASE,
)
# Subjects that open a delivery report (never after "Re:"); English, German, French,
# Spanish, Italian, Dutch, Portuguese, Scandinavian, Japanese.
_BOUNCE_SUBJECT = re.compile(
    r"^\s*(?:\[[^\]]{0,40}\]\s*)?(?:warning:\s*)?(?:"
    r"undeliver|undelivered|non[-\s]?deliver|delivery\s+(?:status\s+notification|failure|"
    r"failed|has\s+failed|notification|report|problem|delay)|delivery\s+status|"
    r"mail\s+delivery\s+(?:failed|failure|problem|error)|failure\s+notice|failed\s+mail|"
    r"returned\s+(?:mail|message|to\s+sender)|mail\s+(?:system\s+error|returned)|"
    r"message\s+(?:not\s+delivered|delivery\s+failed|delayed|could\s+not\s+be\s+delivered)|"
    r"could\s+not\s+send\s+message|delayed\s+mail|mail\s+could\s+not\s+be\s+delivered|"
    r"unzustellbar|nicht\s+zustellbar|zustellung\s+fehlgeschlagen|unzustellbare|"
    r"non\s+remis|[ée]chec\s+(?:de\s+(?:la\s+)?)?(?:distribution|remise|livraison)|"
    r"no\s+entregado|mensaje\s+no\s+entregado|non\s+recapitabile|mancata\s+consegna|"
    r"onbestelbaar|niet\s+afgeleverd|n[ãa]o\s+entregue|ej\s+levererat|"
    r"メールエラー|配信エラー|配送エラー|送信エラー)",
    re.IGNORECASE,
)
# Out-of-office and auto-reply subjects at the start, optionally in brackets; "Re: Out of
# office policy" is a human reply and does not match.
_OOO_SUBJECT = re.compile(
    r"^\s*[\[(]?\s*(?:(?:out\s+of\s+(?:the\s+)?office|automatic\s+reply|auto(?:matic)?[-\s]?reply|"
    r"auto[-\s]?response|autoresponse|automated\s+(?:reply|response)|away\s+from\s+(?:the\s+)?"
    r"office|vacation\s+(?:reply|notice|message|response)|on\s+vacation|office\s+closed|"
    r"automatische\s+antwort|abwesenheitsnotiz|automatische\s+abwesenheitsnotiz|abwesenheit|"
    r"abwesend|urlaubsabwesenheit|nicht\s+im\s+b[üu]ro|"
    r"r[ée]ponse\s+automatique|absent(?:e)?\s+du\s+bureau|message\s+d'absence|"
    r"respuesta\s+autom[áa]tica|fuera\s+de\s+(?:la\s+)?oficina|"
    r"risposta\s+automatica|fuori\s+(?:sede|ufficio)|"
    r"automatisch\s+antwoord|afwezig|buiten\s+kantoor|"
    r"resposta\s+autom[áa]tica|fora\s+do\s+escrit[óo]rio|"
    r"automatyczna\s+odpowied[źz]|poza\s+biurem|"
    r"automatick[áa]\s+odpov[ěe]d|automatick[ýy]\s+odpov[ěe]d|"
    r"autosvar|automatiskt?\s+svar|fr[åa]nvaro|frav[æa]r|"
    r"automaattinen\s+vastaus|"
    r"автоматический\s+ответ|автоответ|"
    r"otomatik\s+yan[ıi]t)\b|自動応答|自動返信|不在|自动回复|자동\s*응답)",
    re.IGNORECASE,
)
# Report texts that only delivery software writes, near the start of a body.
_BOUNCE_BODY = re.compile(
    r"this is the mail system at host|this is the qmail-send program|"
    r"message was created automatically by mail delivery software|"
    r"(?:could not|couldn't|was not|wasn't) (?:be )?delivered to (?:one or more|the following|"
    r"all) (?:of its )?recipients|delivery (?:to the following recipients? |has )?"
    r"(?:failed|has been delayed)|delivery has failed to these recipients|"
    r"your message did not reach some or all of the intended recipients|"
    r"the following addresses had permanent fatal errors|"
    r"unable to deliver (?:your )?message to the following|"
    r"automatically generated delivery status notification|"
    r"^\s*reporting-mta:\s*dns;|^\s*final-recipient:\s*rfc822;",
    re.IGNORECASE | re.MULTILINE,
)
# Texts that only auto-responders and challenge-response filters write.
_AUTO_REPLY_BODY = re.compile(
    r"this is an? (?:automated|automatic|auto-generated|computer-generated) "
    r"(?:reply|response|message|e-?mail|notification|answer)|"
    r"this (?:e-?mail )?(?:account|address|mailbox) is protected by|"
    r"to have your (?:e-?mail )?address added to|"
    r"dies ist eine automatische? (?:antwort|nachricht|benachrichtigung)|"
    r"ceci est une r[ée]ponse automatique",
    re.IGNORECASE,
)
#: how much of a body the text rules read
_BODY_WINDOW = 2000
# Lotus Notes writes "AUTO: Name is out of the office"; upper-case only.
_LOTUS_SUBJECT = re.compile(r"^\s*AUTO:\s")


@dataclass(frozen=True)
class Signals:
    """Header values the rules read: decoded, whitespace-folded, None when absent."""

    from_text: str = ""  # the whole From field: display name and address
    subject: str = ""
    content_type: str = "text/plain"  # lower-case "type/subtype"
    report_type: str | None = None  # multipart/report's report-type, lower-case
    return_path: str | None = None  # "" for the null path "<>"
    auto_submitted: str | None = None
    x_autoreply: str | None = None
    x_autorespond: str | None = None
    precedence: str | None = None
    x_auto_response_suppress: str | None = None
    inbox_rules_loop: str | None = None  # X-MS-Exchange-Inbox-Rules-Loop


def is_out_of_office_subject(subject: str) -> bool:
    """True for "Out of Office: …", "Automatic reply: …", "Automatische Antwort: …",
    "Réponse automatique", "AUTO: …" (Lotus) and similar (at the start only)."""
    return bool(_OOO_SUBJECT.match(subject) or _LOTUS_SUBJECT.match(subject))


def is_bounce_subject(subject: str) -> bool:
    """True for "Undeliverable: …", "Mail delivery failed", "Non-Delivery: …",
    "Returned mail: …", "Unzustellbar: …" and similar (at the start only)."""
    return bool(_BOUNCE_SUBJECT.match(subject))


def _null_return_path(s: Signals) -> bool:
    return s.return_path is not None and s.return_path.strip("<> ") == ""


def _is_bounce(s: Signals) -> bool:
    if s.content_type == "multipart/report" and s.report_type in (None, "delivery-status"):
        return True  # RFC 3464; some MTAs forget report-type
    if s.content_type in ("message/delivery-status", "message/global-delivery-status"):
        return True
    if _DAEMON.search(s.from_text) or _DAEMON.search(s.return_path or ""):
        return True
    if "@" not in s.from_text and _null_return_path(s):
        return True  # "From: <>" or no From at all, sent with the null return path
    return is_bounce_subject(s.subject)


def _is_auto_reply(s: Signals) -> bool:
    auto_submitted = (s.auto_submitted or "").split(";", 1)[0].split("(", 1)[0].strip().lower()
    if s.auto_submitted is not None and auto_submitted != "no":
        return True
    if s.x_autoreply is not None or s.x_autorespond is not None:
        return True
    precedence = (s.precedence or "").strip().lower()
    if precedence == "auto_reply":
        return True
    if precedence in ("junk", "bulk") and _null_return_path(s):
        return True  # vacation(1) and many auto-responders: bulk with the null sender
    if s.inbox_rules_loop is not None and s.x_auto_response_suppress is not None:
        return True  # an Exchange inbox rule answered (alone, either is not a sign)
    if s.content_type == "multipart/report" and s.report_type == "disposition-notification":
        return True  # read receipts (RFC 8098) are machine-made, never a reply
    return is_out_of_office_subject(s.subject)


def body_kind(text: str) -> str:
    """ "bounce", "auto-reply" or "email" from the start of a body, for messages whose
    header says nothing (a bounce sent as plain mail, a challenge-response filter)."""
    head = text[:_BODY_WINDOW]
    if _BOUNCE_BODY.search(head):
        return "bounce"
    if _AUTO_REPLY_BODY.search(head):
        return "auto-reply"
    return "email"


def machine_kind(s: Signals) -> str:
    """ "bounce", "auto-reply" or "email"; a bounce wins over an auto-reply."""
    if _is_bounce(s):
        return "bounce"
    if _is_auto_reply(s):
        return "auto-reply"
    return "email"


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    if value.isascii() and "=?" not in value:  # the common case, without the decoder
        return " ".join(value.split())
    return fold_whitespace(decode_header_text(value))


def _content_type(value: str | None) -> tuple[str, str | None]:
    if not value:
        return "text/plain", None
    main = value.split(";", 1)[0].strip().lower() or "text/plain"
    m = re.search(r"report-type\s*=\s*\"?([^\";\s]+)", value, re.IGNORECASE)
    return main, (m.group(1).lower() if m else None)


def signals_from_fields(fields: Mapping[str, str]) -> Signals:
    """Signals from raw header values by lower-case name (the first of each field; 8-bit
    bytes as surrogate escapes, as :mod:`email` with ``compat32`` gives them)."""
    ctype, report = _content_type(fields.get("content-type"))
    return_path = fields.get("return-path")
    return Signals(
        from_text=_text(fields.get("from")) or "",
        subject=_text(fields.get("subject")) or "",
        content_type=ctype,
        report_type=report,
        return_path=None if return_path is None else return_path.strip().strip("<>").strip(),
        auto_submitted=_text(fields.get("auto-submitted")),
        x_autoreply=_text(fields.get("x-autoreply")),
        x_autorespond=_text(fields.get("x-autorespond")),
        precedence=_text(fields.get("precedence")),
        x_auto_response_suppress=_text(fields.get("x-auto-response-suppress")),
        inbox_rules_loop=_text(fields.get("x-ms-exchange-inbox-rules-loop")),
    )

"""Subject normalisation for the low-confidence subject rule (SPEC §5.3 rule 4)."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["is_generic_subject", "normalise_subject"]

# Reply and forward prefixes of common mail programs, in many languages:
# re (en), aw/wg (de), sv/vs/vl/vb (nordic), antw/doorst (nl), odp/pd (pl), rif/i (it
# excluded: too short), réf/ref/tr (fr), res/enc/rv (pt/es), ynt/ilt (tr), fwd/fw (en).
_PREFIX_WORDS = (
    "re", "aw", "sv", "vs", "vl", "vb", "antw", "antwort", "doorst", "odp", "pd", "rif",
    "réf", "ref", "res", "rv", "enc", "ynt", "ilt", "fwd", "fw", "wg", "tr", "wtr",
)  # fmt: skip
_COUNTER = r"(?:\s*\[\d+\]|\s*\(\d+\)|\s*\^\s*\d+)?"
_PREFIX = re.compile(
    r"^\s*(?:" + "|".join(_PREFIX_WORDS) + r")\.?" + _COUNTER + r"(?:\s*:)+\s*", re.IGNORECASE
)
# Tags that mail gateways put in front of a subject (not list tags such as [ticket 5]).
_GATEWAY_TAG = re.compile(
    r"^\s*[\[(*]\s*(?:external(?:\s+(?:email|e-mail|sender|message))?|ext|extern|"
    r"externe?\s+e-?mail|caution|warning|spam|suspected\s+spam|possible\s+spam)\s*[\])*]:?\s*",
    re.IGNORECASE,
)
_GENERIC = frozenset(
    {
        "", "hi", "hello", "hallo", "hey", "moin", "servus", "test", "testmail", "test mail",
        "no subject", "(no subject)", "kein betreff", "(kein betreff)", "untitled", "fyi",
        "info", "infos", "information", "question", "questions", "frage", "fragen", "thanks",
        "thank you", "danke", "vielen dank", "danke schön", "update", "follow up", "follow-up",
        "request", "anfrage", "document", "documents", "dokument", "unterlagen", "scan",
        "attachment", "anhang", "photo", "foto", "bild", "image", "call", "rückruf", "meeting",
        "termin", "reminder", "erinnerung", "important", "wichtig", "urgent", "dringend",
    }
)  # fmt: skip


def _pass(subject: str) -> str:
    text = unicodedata.normalize("NFKC", subject)
    text = unicodedata.normalize("NFKC", text.casefold())
    text = re.sub(r"\s+", " ", text).strip()
    while True:
        stripped = _GATEWAY_TAG.sub("", _PREFIX.sub("", text, count=1), count=1)
        if stripped == text:
            return text.strip()
        text = stripped


def normalise_subject(subject: str | None) -> str:
    """The subject without leading reply/forward prefixes and gateway tags, any depth,
    whitespace collapsed, NFKC case-folded. ``"Re: AW:  Angebot"`` -> ``"angebot"``;
    ``"[ticket 5] Re: x"`` keeps its list tag; "" for an empty subject. Idempotent.
    """
    text = subject or ""
    for _ in range(8):  # reaches a fixed point at once for all but exotic Unicode
        result = _pass(text)
        if result == text:
            break
        text = result
    return text


def is_generic_subject(normalised: str) -> bool:
    """Too generic for the subject rule: empty, under four letters or digits, or one of
    a fixed list of stock subjects ("hallo", "test", "frage", "termin", ...)."""
    if normalised in _GENERIC:
        return True
    return sum(c.isalnum() for c in normalised) < 4

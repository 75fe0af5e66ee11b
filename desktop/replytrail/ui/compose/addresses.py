"""Address and subject helpers of the compose window (no Qt)."""

from __future__ import annotations

from email.utils import getaddresses

__all__ = ["format_address", "reply_subject", "split_addresses"]

_REPLY_PREFIXES = ("re:", "aw:", "antw:", "sv:")


def reply_subject(subject: str) -> str:
    """``Re: `` once, however the original was prefixed (Re:, AW:, ...)."""
    s = subject.strip()
    return s if s.lower().startswith(_REPLY_PREFIXES) else f"Re: {s}"


_SPECIALS = set('()<>@,;:\\".[]')


def format_address(name: str, email: str) -> str:
    """``Name <a@b>`` as typed (Unicode kept; the sender encodes headers), quoted if needed."""
    if not name:
        return email
    if _SPECIALS & set(name):
        name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{name} <{email}>"


def split_addresses(text: str) -> list[str]:
    pairs = getaddresses([text.replace(";", ",")])
    return [format_address(n, a) for n, a in pairs if a]

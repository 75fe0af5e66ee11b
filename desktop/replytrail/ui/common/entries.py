"""The never-log list as the user types it: one address or domain per line, everywhere."""

from __future__ import annotations

import re

__all__ = ["entries_text", "parse_entries"]

_SEPARATORS = re.compile(r"[\n,;\s]+")


def parse_entries(text: str) -> list[str]:
    """Addresses and domains, lower case, without a leading "@", each once, in order.

    One per line is the form shown; commas, semicolons and spaces separate as well, so a
    pasted "a.example, b.example" is two entries, not one broken one.
    """
    parts = (p.strip().lower().lstrip("@") for p in _SEPARATORS.split(text))
    return list(dict.fromkeys(p for p in parts if p))


def entries_text(entries: list[str]) -> str:
    """The list as shown in the wizard and in the settings: one entry per line."""
    return "\n".join(dict.fromkeys(entries))

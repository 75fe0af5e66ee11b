"""The logbook's vocabulary: folder roles, the policy it applies, the decision it returns, and
the tracking header that recognises Replytrail's own mail after a relay rewrote its id."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "MAX_NEW_CONTACTS",
    "TRACKING_HEADER",
    "Decision",
    "Policy",
    "Role",
    "header_bytes",
    "tracking_id",
]

Role = Literal["inbox", "sent"]
#: new contacts one email may create; its other addresses stay participants (To/Cc)
MAX_NEW_CONTACTS = 50
#: the header Replytrail adds to what it sends, to recognise its mail after a relay rewrote
#: the Message-ID (Amazon SES, Gmail for malformed ids)
TRACKING_HEADER = "X-Replytrail-Id"
_TRACKING_RE = re.compile(rb"^x-replytrail-id:\s*(<[^>\r\n]+>)", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class Policy:
    """The settings the logbook applies (read fresh at every (re)connect)."""

    mode: str = "tracked"  # "tracked" | "contacts"
    never_log: tuple[str, ...] = ()
    subject_rule: bool = True


@dataclass(frozen=True)
class Decision:
    """What happened to one message (for logs and tests; no body in here)."""

    action: Literal["logged", "duplicate", "ignored", "bounce-marked", "rewritten-id"]
    reason: str = ""
    email_id: int | None = None


def tracking_id(raw_header: bytes) -> str | None:
    m = _TRACKING_RE.search(raw_header)
    return m.group(1).decode("ascii", "replace") if m else None


def header_bytes(raw: bytes) -> bytes:
    """The header block of a raw message (for tracking_id on a full download)."""
    end = raw.find(b"\r\n\r\n")
    if end < 0:
        end = raw.find(b"\n\n")
    return raw if end < 0 else raw[: end + 2]

"""Outlook Thread-Index: the conversation GUID that survives a subject edit (SPEC §5.3)."""

from __future__ import annotations

import base64
import binascii
import re

__all__ = ["conversation_guid"]

_HEADER_LEN = 22  # 1 reserved byte + 5 bytes FILETIME + 16-byte GUID
_CHILD_LEN = 5
_B64 = re.compile(r"^[A-Za-z0-9+/]+={0,2}$")


def conversation_guid(thread_index_b64: str | None) -> str | None:
    """The 32-digit lower-case hex conversation GUID (bytes 6..22) of a Thread-Index.

    Only the GUID is compared, not the whole 22-byte header block: the FILETIME part is
    the conversation's start time, which some servers regenerate, while replies of one
    conversation always keep the GUID. Each reply appends a 5-byte child block, so a
    valid value decodes to 22 + 5·n bytes. None for missing, non-base64, short,
    mis-sized or all-zero values.
    """
    if not thread_index_b64:
        return None
    text = re.sub(r"\s+", "", thread_index_b64)
    text += "=" * (-len(text) % 4)
    if not _B64.match(text):
        return None
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(data) < _HEADER_LEN or (len(data) - _HEADER_LEN) % _CHILD_LEN:
        return None
    guid = data[6:_HEADER_LEN]
    if not any(guid):
        return None
    return guid.hex()

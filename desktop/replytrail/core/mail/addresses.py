"""Header text decoding (RFC 2047, raw 8-bit), address lists and Message-ID tokens; never raises."""

from __future__ import annotations

import base64
import binascii
import codecs
import email.utils
import logging
import re

from replytrail.core.models import Address

__all__ = [
    "decode_bytes",
    "decode_header_text",
    "fold_whitespace",
    "normalise_email",
    "parse_address_list",
    "parse_message_id",
    "parse_message_ids",
    "unfold",
]

log = logging.getLogger("replytrail.mail")

# An RFC 2047 encoded word; the charset may carry an RFC 2231 language suffix (utf-8*de).
_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=")
_WS_BETWEEN_WORDS = re.compile(r"(?<=\?=)[ \t\r\n]+(?==\?)")
_FOLD = re.compile(r"\r?\n(?=[ \t])|\r?\n$|\r")
_WS = re.compile(r"\s+")
_MSGID = re.compile(r"<([^<>]*)>")
_Q_HEX = re.compile(rb"=([0-9A-Fa-f]{2})")
_PLACEHOLDER = re.compile(r"RTEWORD(\d+)X")


def unfold(value: str) -> str:
    """Undo header folding (CRLF followed by whitespace)."""
    return _FOLD.sub("", value)


def fold_whitespace(value: str) -> str:
    """Collapse every whitespace run into one space and trim."""
    return _WS.sub(" ", value).strip()


def _codec(charset: str | None) -> str | None:
    if not charset:
        return None
    name = charset.strip().strip('"').split("*", 1)[0].lower()
    try:
        return codecs.lookup(name).name
    except (LookupError, ValueError):
        return None


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Decode *data* declared as *charset*: declared codec, else UTF-8, else Latin-1.

    An unknown, missing or ASCII declaration tries UTF-8 first (the common mislabelling);
    a declared codec that fails falls back to UTF-8 and finally Latin-1, which cannot fail.
    """
    codec = _codec(charset)
    order: list[str] = []
    if codec and codec != "ascii":
        order.append(codec)
    order += ["utf-8", "cp1252"]
    for name in order:
        try:
            return data.decode(name)
        except (UnicodeError, LookupError, ValueError):
            continue
    return data.decode("latin-1")


def _raw_text(value: str) -> str:
    """Recover raw 8-bit header bytes that compat32 kept as surrogate escapes."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raw = value.encode("utf-8", "surrogateescape")
        return decode_bytes(raw, None)
    return value


def _decode_word(encoding: str, text: str) -> bytes:
    if encoding in "bB":
        cleaned = re.sub(r"[^A-Za-z0-9+/]", "", text)
        cleaned += "=" * (-len(cleaned) % 4)
        try:
            return base64.b64decode(cleaned)
        except (binascii.Error, ValueError):
            return text.encode("ascii", "replace")
    data = text.replace("_", " ").encode("ascii", "replace")
    return _Q_HEX.sub(lambda m: bytes([int(m.group(1), 16)]), data)


def decode_header_text(value: str | None) -> str:
    """Decode a header value: unfold, recover 8-bit text, decode RFC 2047 words.

    Adjacent encoded words of one charset are joined before decoding, so a multi-byte
    character split across two words survives. Whitespace is not collapsed here.
    """
    if not value:
        return ""
    text = _raw_text(unfold(str(value)))
    if "=?" not in text:
        return text
    text = _WS_BETWEEN_WORDS.sub("", text)
    out: list[str] = []
    pos = 0
    pending: bytes = b""
    pending_charset: str | None = None
    for match in _ENCODED_WORD.finditer(text):
        if match.start() > pos:
            if pending:
                out.append(decode_bytes(pending, pending_charset))
                pending = b""
            out.append(text[pos : match.start()])
        charset, encoding, payload = match.groups()
        if pending and charset.lower() != (pending_charset or "").lower():
            out.append(decode_bytes(pending, pending_charset))
            pending = b""
        pending += _decode_word(encoding, payload)
        pending_charset = charset
        pos = match.end()
    if pending:
        out.append(decode_bytes(pending, pending_charset))
    out.append(text[pos:])
    return "".join(out)


def normalise_email(addr: str) -> str:
    """Trim and lower-case the domain part (the local part keeps its case)."""
    addr = addr.strip().strip("<>").strip()
    local, at, domain = addr.rpartition("@")
    if not at:
        return addr
    return f"{local}@{domain.strip().rstrip('.').lower()}"


def parse_address_list(values: list[str]) -> list[Address]:
    """Parse header values (possibly several headers) into normalised addresses.

    Encoded words are shielded before splitting so that a comma inside an encoded
    display name does not split the address. Entries without an address are dropped.
    """
    words: list[str] = []

    def shield(match: re.Match[str]) -> str:
        words.append(match.group(0))
        return f"RTEWORD{len(words) - 1}X"

    shielded: list[str] = []
    for value in values:
        text = _raw_text(unfold(str(value)))
        shielded.append(_ENCODED_WORD.sub(shield, _WS_BETWEEN_WORDS.sub("", text)))
    try:
        pairs = email.utils.getaddresses(shielded)
    except Exception as exc:  # the stdlib parser has had crash bugs on hostile input
        log.debug("address list unparseable (%s)", type(exc).__name__)
        return []
    result: list[Address] = []
    for name, addr in pairs:
        addr = normalise_email(_PLACEHOLDER.sub(lambda m: words[int(m.group(1))], addr))
        if not addr or any(c.isspace() for c in addr):
            continue
        name = _PLACEHOLDER.sub(lambda m: words[int(m.group(1))], name)
        result.append(Address(email=addr, name=fold_whitespace(decode_header_text(name))))
    return result


def parse_message_ids(values: list[str]) -> list[str]:
    """All ``<id>`` tokens of the values, in order, duplicates dropped, inner spaces removed.

    Values without angle brackets (broken mailers) are split on whitespace and commas and
    tokens containing ``@`` are kept.
    """
    seen: set[str] = set()
    ids: list[str] = []
    for value in values:
        text = _raw_text(unfold(str(value)))
        found = [_WS.sub("", m) for m in _MSGID.findall(text)]
        if not found:
            found = [t for t in re.split(r"[\s,]+", text) if "@" in t]
        for token in found:
            if not token:
                continue
            msgid = f"<{token}>"
            if msgid not in seen:
                seen.add(msgid)
                ids.append(msgid)
    return ids


def parse_message_id(value: str | None) -> str | None:
    """The first Message-ID token of a header value, normalised to ``<...>``."""
    if not value:
        return None
    ids = parse_message_ids([value])
    return ids[0] if ids else None

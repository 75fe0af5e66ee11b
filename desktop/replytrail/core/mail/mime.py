"""MIME helpers: HTML to text, attachment file names (decoding, generating, sanitising)."""

from __future__ import annotations

import html
import mimetypes
import re
import unicodedata
from email.generator import BytesGenerator
from email.message import Message
from email.parser import HeaderParser
from email.policy import compat32
from html.parser import HTMLParser
from io import BytesIO

from replytrail.core.mail.addresses import (
    decode_bytes,
    decode_header_text,
    fold_whitespace,
    normalise_email,
)

__all__ = [
    "MAX_FILENAME_BYTES",
    "attachment_filename",
    "disposition",
    "dsn_failed_recipients",
    "generated_filename",
    "guess_bounce_text",
    "html_to_text",
    "leaf_parts",
    "payload_bytes",
    "sanitize_filename",
]

#: file names are cut to this many UTF-8 bytes (file systems allow 255), extension kept
MAX_FILENAME_BYTES = 180

_WINDOWS_RESERVED = re.compile(
    r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$", re.I
)
_FORBIDDEN = re.compile(r'[<>:"|?*]')
_EXTENSIONS = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/svg+xml": ".svg",
    "application/pdf": ".pdf",
    "message/rfc822": ".eml",
    "message/delivery-status": ".txt",
    "text/rfc822-headers": ".txt",
    "text/calendar": ".ics",
    "text/plain": ".txt",
    "text/html": ".html",
    "text/csv": ".csv",
}
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead",
        "tfoot", "tr", "ul",
    }
)  # fmt: skip
_MAX_PARTS = 2000
_MAX_DEPTH = 40
_QUOTED_HEADER = re.compile(
    r"^[ \t>]*(?:return-path|received|message-id|from|to|date|subject|mime-version):", re.I | re.M
)
_QUOTED_MSGID = re.compile(r"^[ \t>]*message-id:\s*(<[^<>\s]+>)", re.I | re.M)
_FAILURE = re.compile(
    r"could not be delivered|delivery to the following|permanent(?:ly)? (?:error|fatal|fail)|"
    r"failed permanently|address(?:es)?\W*failed|user unknown|unknown user|no such user|"
    r"mailbox (?:unavailable|not found)|does not exist|recipient address rejected|"
    r"\b5\d\d[ -]|\b5\.\d{1,3}\.\d{1,3}\b|nicht zugestellt|unzustellbar|existiert nicht",
    re.I,
)
_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_SKIP_TAGS = frozenset({"script", "style", "head", "title", "template", "noscript", "svg"})


def sanitize_filename(name: str) -> str:
    """A safe single file name: no directories, ``..``, control or format characters,
    Windows-forbidden characters or reserved device names; Unicode letters are kept,
    the length is bounded (extension preserved) and the result is never empty.

    >>> sanitize_filename("../../etc/passwd")
    'passwd'
    """
    name = unicodedata.normalize("NFC", str(name))
    name = "".join(c for c in name if unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co"))
    name = re.split(r"[/\\]", name)[-1]
    name = _FORBIDDEN.sub("_", name)
    name = fold_whitespace(name).strip(". ")
    if not name:
        return "attachment"
    if _WINDOWS_RESERVED.match(name.split(".", 1)[0].strip()):
        name = f"_{name}"
    return _truncate(name)


def _truncate(name: str) -> str:
    if len(name.encode("utf-8")) <= MAX_FILENAME_BYTES:
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot or len(ext) > 16 or not stem:
        stem, ext = name, ""
    suffix = f".{ext}" if ext else ""
    budget = MAX_FILENAME_BYTES - len(suffix.encode("utf-8"))
    cut = stem.encode("utf-8")[:budget].decode("utf-8", "ignore").rstrip(". ")
    return f"{cut or 'attachment'}{suffix}"


def generated_filename(content_type: str, index: int) -> str:
    """A name for a part that has none: ``image-1.png``, ``attachment-2.pdf``."""
    ext = _EXTENSIONS.get(content_type) or mimetypes.guess_extension(content_type) or ".bin"
    if content_type == "message/rfc822":
        return f"message-{index}.eml"
    stem = "image" if content_type.startswith("image/") else "attachment"
    return f"{stem}-{index}{ext}"


def attachment_filename(part: Message) -> str | None:
    """The decoded file name of a part (RFC 2231 parameters, RFC 2047 words), or None."""
    try:
        raw = part.get_filename()
    except (LookupError, ValueError, TypeError, UnicodeError):
        raw = None
    if not raw:
        return None
    decoded = fold_whitespace(decode_header_text(str(raw)))
    return decoded or None


class _TextExtractor(HTMLParser):
    """Collects visible text; block elements become line breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.skip_depth = 0
        self.pre_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
        elif tag == "pre":
            self.pre_depth += 1
        if tag in _BLOCK_TAGS:
            self.chunks.append("\n")
        if tag == "li":
            self.chunks.append("- ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.chunks.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag == "pre":
            self.pre_depth = max(0, self.pre_depth - 1)
        if tag in _BLOCK_TAGS:
            self.chunks.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.pre_depth:
            self.chunks.append(data)
        else:
            self.chunks.append(re.sub(r"[ \t\r\n\f]+", " ", data))


def html_to_text(markup: str) -> str:
    """Readable plain text of an HTML body: tags, scripts and styles removed."""
    parser = _TextExtractor()
    try:
        parser.feed(markup)
        parser.close()
    except (AssertionError, ValueError):  # very old parsers asserted on broken declarations
        return fold_whitespace(html.unescape(re.sub(r"<[^>]*>", " ", markup)))
    lines = [line.strip() for line in "".join(parser.chunks).replace("\xa0", " ").split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# -- MIME structure --------------------------------------------------------------------


def payload_bytes(part: Message) -> bytes:
    """The decoded payload of a leaf; for message/* parts the serialised inner message(s)."""
    payload = part.get_payload()
    if isinstance(payload, list):
        out = BytesIO()
        for index, sub in enumerate(payload):
            if index:
                out.write(b"\r\n")
            if isinstance(sub, Message):
                BytesGenerator(out, mangle_from_=False, policy=compat32).flatten(sub)
        return out.getvalue()
    data = part.get_payload(decode=True)
    return data if isinstance(data, bytes) else b""


def leaf_parts(msg: Message) -> list[Message]:
    """Leaves in document order, iteratively and bounded (hostile nesting);
    message/* parts are leaves (attached emails are not merged into the body)."""
    leaves: list[Message] = []
    stack: list[tuple[Message, int]] = [(msg, 0)]
    while stack and len(leaves) < _MAX_PARTS:
        part, depth = stack.pop()
        payload = part.get_payload()
        is_message = part.get_content_maintype() == "message" and part is not msg
        if isinstance(payload, list) and not is_message:
            if depth < _MAX_DEPTH:  # deeper multiparts are dropped, not flattened
                stack.extend((s, depth + 1) for s in reversed(payload) if isinstance(s, Message))
        else:
            leaves.append(part)
    return leaves


def disposition(part: Message) -> str:
    """``attachment``, ``inline`` or "" (lower-case)."""
    return str(part.get("Content-Disposition", "")).split(";", 1)[0].strip().lower()


# -- bounces ---------------------------------------------------------------------------


def dsn_failed_recipients(part: Message) -> list[str]:
    """Recipients of a message/delivery-status part with ``Action: failed`` (RFC 3464);
    Original-Recipient is preferred over Final-Recipient. A missing Action with a 5.x.x
    Status counts as failed."""
    payload = part.get_payload()
    if isinstance(payload, list):
        blocks = [p for p in payload if isinstance(p, Message)]
    else:
        text = decode_bytes(payload_bytes(part), "utf-8")
        parser = HeaderParser(policy=compat32)
        blocks = [parser.parsestr(b.strip() + "\n") for b in re.split(r"\r?\n\s*\r?\n", text)]
    failed: list[str] = []
    for block in blocks:
        action = str(block.get("Action", "")).strip().lower()
        status = str(block.get("Status", "")).strip()
        recipient = block.get("Original-Recipient") or block.get("Final-Recipient")
        if recipient and (action == "failed" or (not action and status[:1] == "5")):
            value = str(recipient)
            address = value.split(";", 1)[1] if ";" in value else value
            failed.append(normalise_email(fold_whitespace(decode_header_text(address))))
    return failed


def guess_bounce_text(
    text: str, exclude: set[str], daemon_locals: tuple[str, ...]
) -> tuple[str | None, list[str]]:
    """(quoted Message-ID, failed recipients) read from a plain-text bounce.

    The text before the first quoted header line is the report: addresses on a failure
    line ("could not be delivered to", "550 ...", "User unknown"), or on the next few
    lines after one without an address, are failed recipients, except *exclude* (the
    bounce's own recipients) and daemon addresses. The Message-ID comes from the quote.
    """
    quoted_at = _QUOTED_HEADER.search(text)
    report = text[: quoted_at.start()] if quoted_at else text
    found = _QUOTED_MSGID.search(text, quoted_at.start() if quoted_at else 0)
    excluded = {e.lower() for e in exclude}
    failed: list[str] = []
    window = 0
    for line in report.splitlines():
        addresses = [normalise_email(a) for a in _ADDRESS.findall(line)]
        trigger = bool(_FAILURE.search(line))
        if trigger or window:
            failed += [
                a
                for a in addresses
                if a.lower() not in excluded and a.partition("@")[0].lower() not in daemon_locals
            ]
        if trigger and not addresses:
            window = 4
        elif line.strip() and window:
            window -= 1
    return (found.group(1) if found else None), list(dict.fromkeys(failed))

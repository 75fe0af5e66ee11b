"""parse_message and sanitize_filename: bodies, charsets, attachments, hostile input, 20 MB."""

from __future__ import annotations

import base64
import hashlib
import os
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from replytrail.core.mail.mime import MAX_FILENAME_BYTES, html_to_text
from replytrail.core.mail.parse import parse_headers, parse_message, sanitize_filename

CORPUS = Path(__file__).parents[3] / "data" / "corpus"


def crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


def big_attachment_message(size: int) -> tuple[bytes, bytes]:
    """A message with one base64 attachment of *size* random bytes (built, not committed)."""
    data = os.urandom(size)
    head = crlf(
        "From: Max <max@example.test>\nTo: anna@example.com\nSubject: Katalog\n"
        "Message-ID: <big@example.test>\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b1"\n\n'
        "--b1\nContent-Type: text/plain; charset=utf-8\n\nAnbei der Katalog.\n"
        '--b1\nContent-Type: application/pdf; name="Katalog 2027.pdf"\n'
        'Content-Disposition: attachment; filename="Katalog 2027.pdf"\n'
        "Content-Transfer-Encoding: base64\n\n"
    )
    return head + base64.encodebytes(data).replace(b"\n", b"\r\n") + b"--b1--\r\n", data


def test_twenty_megabyte_attachment() -> None:
    raw, data = big_attachment_message(20 * 1024 * 1024)
    start = time.perf_counter()
    msg = parse_message(raw)
    elapsed = time.perf_counter() - start
    assert msg.body_text.strip() == "Anbei der Katalog."
    [att] = msg.attachments
    assert (att.filename, att.content_type) == ("Katalog 2027.pdf", "application/pdf")
    assert hashlib.sha256(att.data).digest() == hashlib.sha256(data).digest()
    assert elapsed < 10, f"20 MB took {elapsed:.1f} s: quadratic copying?"
    assert msg.raw is raw or msg.raw == raw


def test_plain_text_preferred_html_kept_raw() -> None:
    msg = parse_message((CORPUS / "outlook_reply_de.eml").read_bytes())
    assert msg.body_text.startswith("Hallo Frau Schmidt,\n\nvielen Dank für das Angebot.")
    assert "\r" not in msg.body_text
    assert msg.body_html.startswith("<html>")
    assert "<style>" in msg.body_html
    assert msg.attachments == []


def test_html_only_is_rendered_without_scripts_and_styles() -> None:
    raw = crlf(
        "From: a@example.org\nContent-Type: text/html; charset=utf-8\n\n"
        "<html><head><title>T</title><style>p{color:red}</style></head><body>"
        "<script>alert(1)</script><p>Guten&nbsp;Tag,</p><p>das Angebot &amp; die Preise:</p>"
        "<ul><li>eins</li><li>zwei</li></ul><img src='https://example.org/p.gif'></body></html>\n"
    )
    msg = parse_message(raw)
    assert msg.body_text == "Guten Tag,\n\ndas Angebot & die Preise:\n\n- eins\n\n- zwei"
    assert "<script>" in msg.body_html  # sanitising is the UI's job


def test_html_to_text_survives_broken_markup() -> None:
    assert html_to_text("<p>a<b>b</p><!bogus <<>> </div>c").startswith("ab")
    assert html_to_text("") == ""


def test_attachment_names_decoded_sanitised_and_generated() -> None:
    raw = crlf(
        "From: a@example.org\nMIME-Version: 1.0\n"
        'Content-Type: multipart/related; boundary="r"\n\n'
        "--r\nContent-Type: text/html; charset=utf-8\n\n<p>Bild: <img src=cid:img1></p>\n"
        "--r\nContent-Type: image/png\nContent-ID: <img1>\nContent-Transfer-Encoding: base64\n\n"
        "iVBORw0KGgo=\n"
        "--r\nContent-Type: application/pdf\n"
        "Content-Disposition: attachment; filename*=utf-8''..%2F..%2FPreis%C3%BCbersicht.pdf\n\n"
        "%PDF-1.4\n"
        '--r\nContent-Type: application/octet-stream; name="=?utf-8?B?QW5nZWJvdCDDvC54bHN4?="\n'
        "Content-Disposition: attachment\n\nxx\n"
        "--r\nContent-Type: text/plain; charset=utf-8\n"
        'Content-Disposition: attachment; filename="notes.txt"\n\nnot the body\n'
        "--r\nContent-Type: text/calendar; method=REQUEST\n\nBEGIN:VCALENDAR\n"
        "--r--\n"
    )
    msg = parse_message(raw)
    names = [(a.filename, a.content_type) for a in msg.attachments]
    assert names == [
        ("image-1.png", "image/png"),
        ("Preisübersicht.pdf", "application/pdf"),
        ("Angebot ü.xlsx", "application/octet-stream"),
        ("notes.txt", "text/plain"),
        ("attachment-5.ics", "text/calendar"),
    ]
    assert msg.attachments[0].data == b"\x89PNG\r\n\x1a\n"
    assert msg.body_text == "Bild:"


def test_attached_email_is_an_attachment_not_body() -> None:
    inner = crlf(
        "From: x@example.org\nSubject: inner\nMessage-ID: <inner@example.org>\n\ninner body\n"
    )
    raw = (
        crlf(
            "From: a@example.org\nContent-Type: multipart/mixed; boundary=m\n\n"
            "--m\nContent-Type: text/plain\n\nouter body\n--m\nContent-Type: message/rfc822\n\n"
        )
        + inner
        + b"--m--\r\n"
    )
    msg = parse_message(raw)
    assert msg.body_text.strip() == "outer body"
    [att] = msg.attachments
    assert (att.filename, att.content_type) == ("message-1.eml", "message/rfc822")
    assert parse_headers(att.data).message_id == "<inner@example.org>"


def test_charset_fallbacks() -> None:
    def body(charset: str, payload: bytes) -> str:
        head = f"From: a@example.org\r\nContent-Type: text/plain; charset={charset}\r\n\r\n"
        return parse_message(head.encode() + payload).body_text

    assert body("unknown-8bit", "Grüße".encode()) == "Grüße"
    assert body("us-ascii", "Grüße".encode()) == "Grüße"  # mislabelled UTF-8
    assert body("utf-8", "Grüße".encode("latin-1")) == "Grüße"  # invalid UTF-8
    assert body("iso-8859-1", "Grüße".encode("latin-1")) == "Grüße"
    assert body('"zlib"', b"abc") == "abc"  # a codec, but not a text encoding


def test_broken_corpus_messages_parse() -> None:
    broken = parse_message((CORPUS / "broken_base64.eml").read_bytes())
    assert broken.headers.subject == "Rückfrage zu den Kosten"
    assert broken.body_text.startswith("Guten Tag, die Kosten sind unklar.")
    [pdf] = broken.attachments
    assert pdf.filename == "Kostenübersicht.pdf"
    assert pdf.data.startswith(b"%PDF-1.4")
    latin = parse_message((CORPUS / "broken_8bit_headers.eml").read_bytes())
    assert "die Möbel gefallen uns" in latin.body_text


def nested(depth: int) -> bytes:
    opening = "".join(
        f"Content-Type: multipart/mixed; boundary=b{i}\n\n--b{i}\n" for i in range(depth)
    )
    return crlf("From: a@example.org\n" + opening + "Content-Type: text/plain\n\ntext\n")


def test_hostile_nesting_is_bounded() -> None:
    assert parse_message(nested(30)).body_text.strip() == "text"
    # below depth 40 parts are dropped; far deeper, the stdlib parser itself gives up
    # (RecursionError): both leave a message with headers and no body, and no exception
    for depth in (60, 3000):
        msg = parse_message(nested(depth))
        assert msg.headers.from_ is not None
        assert (msg.body_text, msg.attachments) == ("", [])


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000))
def test_parse_message_never_raises(raw: bytes) -> None:
    msg = parse_message(b"Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n" + raw)
    assert isinstance(msg.body_text, str)
    assert all(a.filename for a in msg.attachments)


# -- sanitize_filename -------------------------------------------------------------------


def test_sanitize_filename_examples() -> None:
    assert sanitize_filename("../../etc/passwd") == "passwd"
    assert sanitize_filename("C:\\Users\\anna\\evil.exe") == "evil.exe"
    assert sanitize_filename("..") == "attachment"
    assert sanitize_filename("") == "attachment"
    assert sanitize_filename(" \x00\x1f ") == "attachment"
    assert sanitize_filename("CON") == "_CON"
    assert sanitize_filename("lpt1.txt") == "_lpt1.txt"
    assert sanitize_filename("Rechnung\u202egpj.exe") == "Rechnunggpj.exe"
    assert sanitize_filename('a<b>c:d"e|f?g*.pdf') == "a_b_c_d_e_f_g_.pdf"
    assert sanitize_filename("Angebot für Müller 日本.pdf") == "Angebot für Müller 日本.pdf"
    assert sanitize_filename(".hidden. ") == "hidden"
    long = sanitize_filename("ä" * 300 + ".pdf")
    assert long.endswith(".pdf")
    assert len(long.encode()) <= MAX_FILENAME_BYTES


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=400))
def test_sanitize_filename_never_escapes_the_folder(name: str) -> None:
    safe = sanitize_filename(name)
    assert safe
    assert safe not in (".", "..")
    assert "/" not in safe
    assert "\\" not in safe
    assert "\x00" not in safe
    assert len(safe.encode("utf-8")) <= MAX_FILENAME_BYTES
    folder = Path("/srv/attachments")
    assert (folder / safe).resolve().parent == folder.resolve()
    assert sanitize_filename(safe) == safe

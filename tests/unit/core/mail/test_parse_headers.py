"""parse_headers: decoding, normalisation, synthetic ids, fallbacks, never raising."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from replytrail.core.mail.parse import HEADER_FIELDS, parse_headers, parse_message
from replytrail.core.models import Address


def crlf(text: str, charset: str = "utf-8") -> bytes:
    return text.replace("\n", "\r\n").encode(charset)


REPLY = crlf(
    "From: =?utf-8?Q?M=C3=BCller,_Hans?= <Hans.Mueller@Example.ORG>\n"
    "Sender: assist@Example.org\n"
    'To: anna@example.com, "Weber, Jonas" <Jonas.Weber@EXAMPLE.com>\n'
    "Cc: undisclosed-recipients:;\n"
    "Delivered-To: Anna+Log@Example.com\n"
    "X-Original-To: anna+log@example.com\n"
    "Subject: =?utf-8?B?QVc6IEFuZ2Vib3Qgw7w=?=\n =?utf-8?B?YmVy?=   Preise\n"
    "Date: Mon, 16 Nov 2026 09:41:02 +0100\n"
    "Message-ID:\n <abc.123@mail.example.org>\n"
    "In-Reply-To: <orig@mail.example.com> (Anna's message of Friday)\n"
    "References: <root@mail.example.com>\n <orig@mail.example.com>\n"
    "Thread-Index: AdxPKpsxbxwqO0xdTm+Kmwwd\n Lj9KWwAAobLD\n"
    'Content-Type: multipart/report; report-type="Delivery-Status"; boundary=x\n'
    "Auto-Submitted: auto-replied\n"
    "Precedence: bulk\n"
    "List-Id: <list.example.org>\n"
    "Return-Path: <>\n"
    "\n"
    "body is not read\n"
)


def test_fields_are_decoded_and_normalised() -> None:
    h = parse_headers(REPLY, gm_thrid="1815349876543210987")
    assert h.message_id == "<abc.123@mail.example.org>"
    assert h.has_message_id
    assert h.has_date
    assert h.from_ == Address("Hans.Mueller@example.org", "Müller, Hans")
    assert h.sender == Address("assist@example.org")
    assert h.to == [Address("anna@example.com"), Address("Jonas.Weber@example.com", "Weber, Jonas")]
    assert h.cc == []
    assert h.delivered_to == ["anna+log@example.com"]
    assert h.subject == "AW: Angebot über Preise"
    assert h.date == datetime(2026, 11, 16, 8, 41, 2, tzinfo=UTC)
    assert h.date.utcoffset() == timedelta(hours=1)
    assert h.in_reply_to == ["<orig@mail.example.com>"]
    assert h.references == ["<root@mail.example.com>", "<orig@mail.example.com>"]
    assert h.thread_index == "AdxPKpsxbxwqO0xdTm+KmwwdLj9KWwAAobLD"
    assert (h.content_type, h.report_type) == ("multipart/report", "delivery-status")
    assert (h.auto_submitted, h.precedence, h.list_id) == (
        "auto-replied",
        "bulk",
        "<list.example.org>",
    )
    assert h.return_path == ""
    assert h.gm_thrid == "1815349876543210987"


def test_header_fields_list_is_what_the_watcher_fetches() -> None:
    assert "X-GM-THRID" not in HEADER_FIELDS
    assert len(set(HEADER_FIELDS)) == len(HEADER_FIELDS)
    for name in ("Message-ID", "In-Reply-To", "References", "Thread-Index", "Auto-Submitted",
                 "Delivered-To", "X-Original-To", "Content-Type", "List-Id"):  # fmt: skip
        assert name in HEADER_FIELDS


def test_missing_message_id_gets_a_stable_synthetic_id() -> None:
    block = crlf(
        "From: a@example.org\nTo: b@example.com\nSubject: hi\n"
        "Date: Mon, 2 Nov 2026 10:00:00 +0000\n\n"
    )
    h1 = parse_headers(block)
    assert not h1.has_message_id
    assert h1.message_id.startswith("<")
    assert h1.message_id.endswith("@replytrail.invalid>")
    assert parse_headers(block).message_id == h1.message_id
    # the same message with transport headers and a body (INBOX copy, full download)
    delivered = (
        crlf("Return-Path: <a@example.org>\nDelivered-To: b@example.com\n") + block + b"text\r\n"
    )
    assert parse_headers(delivered).message_id == h1.message_id
    assert parse_message(delivered).headers.message_id == h1.message_id
    other = block.replace(b"Subject: hi", b"Subject: ho")
    assert parse_headers(other).message_id != h1.message_id


def test_date_falls_back_to_internaldate_then_now() -> None:
    block = crlf("From: a@example.org\nDate: not a date at all\n\n")
    internal = datetime(2026, 11, 3, 7, 0, tzinfo=timezone(timedelta(hours=2)))
    h = parse_headers(block, internal_date=internal)
    assert (h.date, h.has_date) == (internal, False)
    naive = parse_headers(block, internal_date=datetime(2026, 11, 3, 7, 0))
    assert naive.date == datetime(2026, 11, 3, 7, 0, tzinfo=UTC)
    before = datetime.now(UTC)
    assert before <= parse_headers(block).date <= datetime.now(UTC)
    minus_zero = parse_headers(crlf("Date: Mon, 2 Nov 2026 10:00:00 -0000\n\n"))
    assert minus_zero.date.tzinfo is not None


def test_duplicated_headers() -> None:
    h = parse_headers(crlf(
        "Message-ID: <first@example.org>\nMessage-ID: <second@example.org>\n"
        "Subject: one\nSubject: two\n"
        "References: <a@example.org>\nReferences: <b@example.org> <a@example.org>\n"
        "To: x@example.org\nTo: y@example.org\n\n"
    ))  # fmt: skip
    assert h.message_id == "<first@example.org>"
    assert h.subject == "one"
    assert h.references == ["<a@example.org>", "<b@example.org>"]
    assert [a.email for a in h.to] == ["x@example.org", "y@example.org"]


def test_five_hundred_references_are_kept_in_order() -> None:
    refs = [f"<r{i}@example.org>" for i in range(500)]
    h = parse_headers(crlf("References: " + "\n ".join(refs) + "\n\n"))
    assert h.references == refs


def test_broken_encodings_degrade_to_text() -> None:
    raw = (
        b"From: J\xfcrgen Wei\xdf <j@example.test>\r\n"
        b"Subject: =?x-unknown?Q?R=FCckfrage?= =?utf-8?B?!!!?= \xc3\xa4rger\r\n"
        b"To: =?utf-8?Q?unterminated <t@example.test>\r\n\r\n"
    )
    h = parse_headers(raw)
    assert h.from_ == Address("j@example.test", "Jürgen Weiß")
    assert h.subject.startswith("Rückfrage")
    assert h.subject.endswith("ärger")
    assert [a.email for a in h.to] == ["t@example.test"]


def test_multibyte_character_split_across_encoded_words() -> None:
    # "ü" is C3 BC; one mailer puts C3 in the first word and BC in the second
    h = parse_headers(b"Subject: =?utf-8?Q?Gr=C3?= =?utf-8?Q?=BC=C3=9Fe?=\r\n\r\n")
    assert h.subject == "Grüße"


def test_lf_only_and_headerless_input() -> None:
    h = parse_headers(b"Subject: lf only\nMessage-ID: <lf@example.org>\n\nbody\n")
    assert (h.subject, h.message_id) == ("lf only", "<lf@example.org>")
    assert parse_headers(b"").has_message_id is False


def test_speed_of_header_only_parsing() -> None:
    block = REPLY.split(b"\r\n\r\n")[0] + b"\r\n\r\n"
    start = time.perf_counter()
    for _ in range(2000):
        parse_headers(block)
    # ~0.15 ms each here; the watcher scans up to 50,000 headers on a first run
    assert time.perf_counter() - start < 5


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_never_raises_on_arbitrary_bytes(raw: bytes) -> None:
    h = parse_headers(raw)
    assert h.message_id.startswith("<")
    assert h.date.tzinfo is not None


_NAMES = st.sampled_from([n.encode() for n in HEADER_FIELDS] + [b"X-Junk", b"", b" Subject"])
_VALUES = st.binary(max_size=120) | st.sampled_from(
    [b"=?utf-8?B?", b"=?x?Q?=FF?=", b"<a@b> <c", b"\xff\xfe", b"multipart/report; report-type*=''x"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_NAMES, _VALUES), max_size=25))
def test_never_raises_on_hostile_header_blocks(fields: list[tuple[bytes, bytes]]) -> None:
    raw = b"".join(name + b": " + value + b"\r\n" for name, value in fields) + b"\r\n"
    h = parse_headers(raw)
    assert isinstance(h.subject, str)
    assert all(a.email and not any(c.isspace() for c in a.email) for a in h.to + h.cc)

"""parse_bounce: RFC 3464 DSNs exactly, plain-text bounces by pattern, None otherwise."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from replytrail.core.mail.bounces import parse_bounce
from replytrail.core.mail.parse import parse_message

CORPUS = Path(__file__).parents[3] / "data" / "corpus"


def crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


def test_standard_dsn_from_corpus() -> None:
    raw = (CORPUS / "dsn_bounce.eml").read_bytes()
    for message in (raw, parse_message(raw)):
        info = parse_bounce(message)
        assert info is not None
        assert info.standard
        assert info.original_message_id == "<rt.20261110T101500.9c1d00@mail.example.com>"
        assert info.failed_recipients == ["nobody@example.org"]  # buyer@ was delivered


def test_dsn_with_attached_original_and_delayed_action() -> None:
    raw = crlf(
        "From: Mail Delivery Subsystem <mailer-daemon@mail.example.com>\n"
        "Content-Type: multipart/report; report-type=delivery-status; boundary=z\n\n"
        "--z\nContent-Type: text/plain\n\nDelivery incomplete.\n"
        "--z\nContent-Type: message/delivery-status\n\n"
        "Reporting-MTA: dns; mail.example.com\n\n"
        "Final-Recipient: rfc822; Slow@Example.ORG\nAction: delayed\nStatus: 4.4.1\n\n"
        "Final-Recipient: rfc822; <gone@EXAMPLE.org>\nStatus: 5.1.1\n\n"
        "--z\nContent-Type: message/rfc822\n\n"
        "Message-ID: <orig.42@mail.example.com>\nFrom: anna@example.com\nSubject: x\n\nbody\n"
        "--z--\n"
    )
    info = parse_bounce(raw)
    assert info is not None
    assert info.original_message_id == "<orig.42@mail.example.com>"
    assert info.failed_recipients == ["gone@example.org"]  # no Action, 5.x.x status


def test_qmail_style_bounce_from_corpus() -> None:
    info = parse_bounce((CORPUS / "nonstandard_bounce.eml").read_bytes())
    assert info is not None
    assert not info.standard
    assert info.original_message_id == "<rt.20261112T141200.77ab00@mail.example.com>"
    assert info.failed_recipients == ["p.wagner@example.test"]


def test_exim_style_bounce() -> None:
    raw = crlf(
        "From: Mail Delivery System <Mailer-Daemon@mx.example.org>\n"
        "To: anna.schmidt@example.com\n"
        "Subject: Mail delivery failed: returning message to sender\n\n"
        "This message was created automatically by mail delivery software.\n\n"
        "A message that you sent could not be delivered to one or more of its\n"
        "recipients. This is a permanent error. The following address(es) failed:\n\n"
        "  k.lang@example.org\n"
        "    host mx.example.org [198.51.100.7]\n"
        "    SMTP error from remote mail server after RCPT TO:<k.lang@example.org>:\n"
        "    550 5.1.1 <k.lang@example.org>: Recipient address rejected\n\n"
        "------ This is a copy of the message, including all the headers. ------\n\n"
        "Return-path: <anna.schmidt@example.com>\n"
        "Message-Id:\n <rt.exim.1@mail.example.com>\n"
        "From: Anna Schmidt <anna.schmidt@example.com>\nTo: k.lang@example.org\n"
    )
    info = parse_bounce(raw)
    assert info is not None
    assert info.original_message_id == "<rt.exim.1@mail.example.com>"
    assert info.failed_recipients == ["k.lang@example.org"]


def test_german_bounce_subject_without_daemon_sender() -> None:
    raw = crlf(
        "From: Systemverwalter <admin@example.test>\nTo: anna.schmidt@example.com\n"
        "Subject: Unzustellbar: Angebot\n\n"
        "Ihre Nachricht konnte nicht zugestellt werden an: m.roth@example.test\n\n"
        "Message-ID: <rt.de.7@mail.example.com>\n"
    )
    info = parse_bounce(raw)
    assert info is not None
    assert (info.original_message_id, info.failed_recipients) == (
        "<rt.de.7@mail.example.com>",
        ["m.roth@example.test"],
    )


def test_ordinary_mail_is_not_a_bounce() -> None:
    assert parse_bounce((CORPUS / "gmail_reply_en.eml").read_bytes()) is None
    # talking about a 550 error in a normal reply does not make it one
    assert parse_bounce(crlf("From: it@example.org\nSubject: Re: error 550\n\n550 again\n")) is None


def test_garbage_never_raises() -> None:
    info = parse_bounce(b"From: MAILER-DAEMON\r\n\r\n\xfe\x00 no quote here")
    assert info is not None
    assert (info.original_message_id, info.failed_recipients) == (None, [])
    assert parse_bounce(b"\xff\x00From: MAILER-DAEMON\r\n\r\n\xfe") is None  # no header
    assert parse_bounce(b"") is None


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_never_raises_on_arbitrary_bodies(body: bytes) -> None:
    head = b"From: MAILER-DAEMON@mx.example.org\r\nContent-Type: multipart/report; "
    head += b"report-type=delivery-status; boundary=q\r\n\r\n--q\r\n"
    info = parse_bounce(head + body)
    assert info is None or isinstance(info.failed_recipients, list)


def test_returned_id_found_in_quoted_printable_and_after_a_broken_boundary() -> None:
    head = (
        "From: MAILER-DAEMON@mx.example.org\r\nTo: alice@example.test\r\n"
        "Subject: Undeliverable: Angebot\r\nMessage-ID: <own@mx.example.org>\r\n"
        'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
    )
    qp = (
        "--b1\r\nContent-Type: text/plain\r\n\r\nUser unknown: kunde@firma.example\r\n"
        "--b1\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        "\r\nMessage-ID: <WEB81cac9beface=40web>\r\nSubject: Angebot\r\n\r\nHallo=\r\n"
    )  # no closing boundary
    info = parse_bounce((head + qp).encode())
    assert info is not None and info.original_message_id == "<WEB81cac9beface@web>"


def test_returned_id_found_in_text_mislabelled_as_html() -> None:
    raw = (
        b"From: Mail Delivery System <>\r\nSubject: Mail delivery failed\r\n"
        b"Message-ID: <own@mx.example.org>\r\nContent-Type: text/html\r\n\r\n"
        b"This message was created automatically by mail delivery software.\r\n\r\n"
        b"Message-ID: <tracked-1@example.test>\r\nSubject: Angebot\r\n"
    )
    info = parse_bounce(raw)
    assert info is not None and info.original_message_id == "<tracked-1@example.test>"

"""classify() (SPEC §5.4) and is_group_sender()."""

from __future__ import annotations

import pytest

from replytrail.core.mail.parse import parse_headers, parse_message
from replytrail.core.matching.kinds import (
    classify,
    classify_message,
    is_group_sender,
    is_out_of_office_subject,
)
from replytrail.core.models import Address, Kind


def kind_of(*lines: str) -> Kind:
    raw = "\r\n".join(("From: Max <max@example.test>", *lines)) + "\r\n\r\n"
    return classify(parse_headers(raw.encode()))


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Subject: Re: Angebot"], Kind.EMAIL),
        (["Auto-Submitted: no"], Kind.EMAIL),
        (["Auto-Submitted: No ; comment"], Kind.EMAIL),
        (["Auto-Submitted: auto-replied"], Kind.AUTO_REPLY),
        (["Auto-Submitted: auto-generated"], Kind.AUTO_REPLY),
        (["Auto-Submitted: auto-replied (vacation)"], Kind.AUTO_REPLY),
        (["X-Autoreply: yes"], Kind.AUTO_REPLY),
        (["X-Autorespond: Out of office"], Kind.AUTO_REPLY),
        (["Precedence: auto_reply"], Kind.AUTO_REPLY),
        (["Precedence: bulk"], Kind.EMAIL),
        (["Precedence: list", "List-Id: <x.example.org>"], Kind.EMAIL),
        (["X-Auto-Response-Suppress: All"], Kind.EMAIL),
        (["Subject: Out of Office: Angebot"], Kind.AUTO_REPLY),
        (["Subject: Automatic reply: Quote"], Kind.AUTO_REPLY),
        (["Subject: Auto-Reply: Quote"], Kind.AUTO_REPLY),
        (["Subject: Autoreply"], Kind.AUTO_REPLY),
        (["Subject: Automatische Antwort: Angebot"], Kind.AUTO_REPLY),
        (["Subject: Abwesenheitsnotiz: AW: Angebot"], Kind.AUTO_REPLY),
        (["Subject: [Abwesend] Angebot"], Kind.AUTO_REPLY),
        (["Subject: Re: Out of office policy"], Kind.EMAIL),
        (["Subject: Outlook export"], Kind.EMAIL),
        (["Content-Type: multipart/report; report-type=disposition-notification; boundary=x"],
         Kind.AUTO_REPLY),
        (["Content-Type: multipart/report; report-type=delivery-status; boundary=x"], Kind.BOUNCE),
        (["Content-Type: multipart/report; report-type=delivery-status; boundary=x",
          "Auto-Submitted: auto-replied"], Kind.BOUNCE),
    ],
)  # fmt: skip
def test_classify(lines: list[str], expected: Kind) -> None:
    assert kind_of(*lines) is expected


@pytest.mark.parametrize(
    "sender",
    ["MAILER-DAEMON@mx.example.org", "Mail Delivery System <mailer-daemon@example.org>",
     "postmaster@example.test", "MAILER-DAEMON"],
)  # fmt: skip
def test_daemon_senders_are_bounces_and_win_over_auto_reply(sender: str) -> None:
    raw = f"From: {sender}\r\nAuto-Submitted: auto-replied\r\nSubject: Out of Office\r\n\r\n"
    assert classify(parse_headers(raw.encode())) is Kind.BOUNCE


def test_out_of_office_subject_only_at_the_start() -> None:
    assert is_out_of_office_subject("OUT OF THE OFFICE until Monday")
    assert not is_out_of_office_subject("Fwd: Automatic reply settings")
    assert not is_out_of_office_subject("Abwesenheitsplanung 2027")


@pytest.mark.parametrize(
    "address",
    ["noreply@example.org", "no-reply@example.org", "No_Reply+abc@example.org",
     "donotreply@example.org", "do-not-reply@example.org", "info@example.test",
     "support@example.test", "notifications@example.org", "newsletter@example.org",
     "MAILER-DAEMON@example.org", "postmaster@example.org", "bounce@example.org",
     "bounces+4711-abc=example.com@em.example.org", "noreply-12345@example.org",
     "billing@example.org", Address("Info@Example.ORG", "Example GmbH")],
)  # fmt: skip
def test_group_senders(address: str | Address) -> None:
    assert is_group_sender(address)


@pytest.mark.parametrize(
    "address",
    ["max.mueller@example.test", "information.officer@example.org", "anna+log@example.com",
     "supporter@example.org", "norbert@example.org", "", None],
)  # fmt: skip
def test_people_are_not_group_senders(address: str | None) -> None:
    assert not is_group_sender(address)


def kind_from(*lines: str) -> Kind:
    return classify(parse_headers(("\r\n".join(lines) + "\r\n\r\n").encode()))


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["From: Mail Delivery System <>", "Subject: Mail delivery failed"], Kind.BOUNCE),
        (["From: MAILER-DAEMON <>", "Subject: x"], Kind.BOUNCE),
        (["From: Postmaster <>", "Subject: x"], Kind.BOUNCE),
        (["From: MDaemon@mx.example.org", "Subject: x"], Kind.BOUNCE),
        (["From: ndr@mx.example.org", "Subject: x"], Kind.BOUNCE),
        (["From: post_master@mx.example.org", "Subject: x"], Kind.BOUNCE),
        (["From: x@example.org", "Content-Type: multipart/report; boundary=b"], Kind.BOUNCE),
        (["From: x@example.org", "Subject: Non-Delivery: Angebot"], Kind.BOUNCE),
        (["From: x@example.org", "Subject: Delivery failure: Angebot"], Kind.BOUNCE),
        (["From: x@example.org", "Subject: Undeliverable: Angebot"], Kind.BOUNCE),
        (["From: x@example.org", "Subject: Re: Undeliverable mail, what now?"], Kind.EMAIL),
        (["From: <>", "Return-Path: <>", "Auto-Submitted: auto-replied"], Kind.BOUNCE),
        (["From: a@example.org", "Return-Path: <MAILER-DAEMON@mx.example.org>"], Kind.BOUNCE),
        (["From: a@example.org", "Subject: AUTO: Anna is out of the office"], Kind.AUTO_REPLY),
        (["From: a@example.org", "Subject: Auto: lowercase is a person"], Kind.EMAIL),
        (["From: a@example.org", "Subject: Réponse automatique : Offre"], Kind.AUTO_REPLY),
        (["From: a@example.org", "Subject: [Automatyczna odpowiedź] test"], Kind.AUTO_REPLY),
        (["From: a@example.org", "Subject: Respuesta automática: oferta"], Kind.AUTO_REPLY),
        (["From: a@example.org", "Subject: Automatisch antwoord: offerte"], Kind.AUTO_REPLY),
        (["From: a@example.org", "Subject: 自動応答: 見積"], Kind.AUTO_REPLY),
        (["From: a@example.org", "Precedence: bulk", "Return-Path: <>"], Kind.AUTO_REPLY),
        (["From: a@example.org", "Precedence: junk", "Return-Path: <>"], Kind.AUTO_REPLY),
        (["From: a@example.org", "Precedence: bulk", "Return-Path: <b@x.org>"], Kind.EMAIL),
        (["From: a@example.org", "X-MS-Exchange-Inbox-Rules-Loop: a@example.org",
          "X-Auto-Response-Suppress: All"], Kind.AUTO_REPLY),
        (["From: a@example.org", "X-MS-Exchange-Inbox-Rules-Loop: a@example.org"], Kind.EMAIL),
        (["From: a@example.org", "X-Auto-Reply: yes"], Kind.AUTO_REPLY),
        (["From: a@example.org", "X-Mail-Autoreply: yes"], Kind.AUTO_REPLY),
        (["From: a@example.org", "X-AutoReply-From: a@example.org"], Kind.AUTO_REPLY),
        (["From: a@example.org", "X-Autogenerated: Reply"], Kind.AUTO_REPLY),
    ],
)  # fmt: skip
def test_classify_real_world_shapes(lines: list[str], expected: Kind) -> None:
    assert kind_from(*lines) is expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("This is the mail system at host mx.example.org.\nI'm sorry ...", Kind.BOUNCE),
        ("Delivery has failed to these recipients or groups:\nkunde@firma.example", Kind.BOUNCE),
        ("This account is protected by Bluebottle. Please click ...", Kind.AUTO_REPLY),
        ("This is an automated reply. I read mail on Mondays.", Kind.AUTO_REPLY),
        ("Thanks! I am out of the office next week, let's talk after.", Kind.EMAIL),
        ("Delivery was fine, the machine arrived on Tuesday.", Kind.EMAIL),
    ],
)
def test_body_texts_after_download(body: str, expected: Kind) -> None:
    raw = f"From: Max <max@example.test>\r\nSubject: Re: Angebot\r\n\r\n{body}\r\n"
    assert classify_message(parse_message(raw.encode())) is expected

"""What leaves the machine (issue 8.9): the From name, and X-Replytrail-Id only where needed."""

from __future__ import annotations

import dataclasses
from email.utils import parseaddr

from replytrail.core.mail.draft import Draft
from replytrail.core.mail.sender import build_message
from replytrail.core.models import Account

ACCOUNT = Account(email="jana@seller.example", imap_host="imap.seller.example")
DRAFT = Draft(ACCOUNT.email, ["kunde@firma.example"], [], "Angebot", "Hallo")


def test_no_tracking_header_when_replytrail_files_the_sent_copy() -> None:
    msg = build_message(ACCOUNT, DRAFT)
    assert "X-Replytrail-Id" not in msg
    assert parseaddr(msg["From"]) == ("", ACCOUNT.email)


def test_tracking_header_where_the_provider_files_sent_mail() -> None:
    gmail_like = dataclasses.replace(ACCOUNT, provider_files_sent=True, sender_name="Jana Weber")
    msg = build_message(gmail_like, DRAFT)
    assert msg["X-Replytrail-Id"] == msg["Message-ID"]
    assert parseaddr(msg["From"]) == ("Jana Weber", ACCOUNT.email)
    gmail = dataclasses.replace(ACCOUNT, imap_host="imap.gmail.com")
    assert build_message(gmail, DRAFT)["X-Replytrail-Id"] is not None

"""Compose that looks professional (issue 8.9): signature per account, address completion."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from replytrail.core.mail.draft import Draft
from replytrail.core.models import (
    Account,
    Address,
    Contact,
    Direction,
    Kind,
    LoggedEmail,
    MatchReason,
)
from replytrail.ui.compose.extras import place_signature
from replytrail.ui.compose.window import ComposeDialog

pytestmark = pytest.mark.gui

JANA = Account(
    email="jana@seller.example",
    imap_host="imap.seller.example",
    sender_name="Jana Weber",
    signature="Jana Weber\nVertrieb | Seller GmbH",
)
SALES = Account(email="sales@seller.example", imap_host="imap.seller.example", signature="Team")
CONTACTS = [
    Contact("t.mueller@mueller-maschinenbau.example", "Thomas Müller"),
    Contact("anna.schmidt@schmidt-logistik.example", "Anna Schmidt"),
    Contact("einkauf@mueller-maschinenbau.example"),
]


def _never(
    _draft: Draft, _done: Callable[[LoggedEmail], None], _failed: Callable[[str], None]
) -> None:
    raise AssertionError("not sent in these tests")


def _contacts(done: Callable[[list[Contact]], None]) -> None:
    done(CONTACTS)


def test_signature_placement_rules() -> None:
    assert place_signature("", "", "Jana") == "\n-- \nJana\n"
    assert place_signature("Hallo", "", "Jana") == "Hallo\n\n-- \nJana\n"
    quoted = "\n\nAm 1. Juni schrieb X:\n> text"
    assert place_signature(quoted, "", "Jana") == "\n\n-- \nJana\n\n\nAm 1. Juni schrieb X:\n> text"
    assert place_signature("Hi\n-- \nJana\n", "Jana", "Team") == "Hi\n-- \nTeam\n"
    assert place_signature("Hi\n-- \nJana\n", "Jana", "") == "Hi"
    assert place_signature("Hi", "", "  ") == "Hi"


def test_new_email_has_the_signature_and_it_follows_the_account(
    qtbot: QtBot, tmp_path: Path
) -> None:
    d = ComposeDialog([JANA, SALES], _never, tmp_path, load_contacts=_contacts)
    qtbot.addWidget(d)
    assert d.body_edit.toPlainText() == "\n-- \nJana Weber\nVertrieb | Seller GmbH\n"
    d.account_box.setCurrentIndex(1)
    assert d.body_edit.toPlainText() == "\n-- \nTeam\n"
    d.account_box.setCurrentIndex(0)
    d.save_draft()  # unchanged apart from the signature: no draft file
    assert not d.draft_path.exists()


def test_reply_signature_above_the_quote(qtbot: QtBot, tmp_path: Path) -> None:
    original = LoggedEmail(
        message_id="<r1@x>", thread_id="t1", direction=Direction.IN,
        date=datetime(2026, 6, 1, 9, 30, tzinfo=UTC), sender=Address(CONTACTS[0].email),
        to=[Address(JANA.email)], cc=[], subject="Angebot", kind=Kind.EMAIL,
        match=MatchReason.IN_REPLY_TO, account=JANA.email, body_text="Bitte 60 Stück.",
    )  # fmt: skip
    d = ComposeDialog([JANA], _never, tmp_path, reply_to=original)
    qtbot.addWidget(d)
    body = d.body_edit.toPlainText()
    assert body.index("-- \nJana Weber") < body.index("> Bitte 60 Stück.")


def test_address_completion_from_contacts(qtbot: QtBot, tmp_path: Path) -> None:
    d = ComposeDialog([JANA], _never, tmp_path, load_contacts=_contacts)
    qtbot.addWidget(d)
    d.show()
    to = d.extras.completers[0]
    qtbot.keyClicks(d.to_edit, "anna.schmidt@schmidt-logistik.example, mue")
    assert to.completionPrefix() == "mue" and to.completionCount() == 2
    to.activated.emit("Thomas Müller <t.mueller@mueller-maschinenbau.example>")
    assert d.to_edit.text() == (
        "anna.schmidt@schmidt-logistik.example, "
        "Thomas Müller <t.mueller@mueller-maschinenbau.example>, "
    )
    assert d.draft().to == [
        "anna.schmidt@schmidt-logistik.example",
        "Thomas Müller <t.mueller@mueller-maschinenbau.example>",
    ]

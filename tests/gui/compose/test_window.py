"""The compose dialog: reply prefill, sending off the GUI thread, drafts that survive failures."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from replytrail.core.errors import KnownError
from replytrail.core.mail.draft import Draft
from replytrail.core.models import (
    Account,
    Address,
    Direction,
    Kind,
    LoggedEmail,
    MatchReason,
)
from replytrail.qt.jobs import Jobs, error_text
from replytrail.ui.compose.window import ComposeDialog, SendFn, format_address, reply_subject

pytestmark = pytest.mark.gui

ACCOUNTS = [
    Account(email="jana@seller.example", imap_host="imap.seller.example"),
    Account(email="sales@seller.example", imap_host="imap.seller.example"),
]
CUSTOMER = Address("t.mueller@mueller-maschinenbau.example", "Thomas Müller")


def on_pool(fn: Callable[[Draft], LoggedEmail]) -> SendFn:
    """A send seam shaped like the engine adapter's: *fn* runs on a worker thread, the
    callbacks on the GUI thread."""
    jobs = Jobs()

    def send(
        d: Draft, on_sent: Callable[[LoggedEmail], None], on_failed: Callable[[str], None]
    ) -> None:
        jobs.run(lambda: fn(d), on_sent, lambda e: on_failed(error_text(e)))

    return send


def _incoming() -> LoggedEmail:
    return LoggedEmail(
        message_id="<reply-1@mueller-maschinenbau.example>",
        thread_id="t1",
        direction=Direction.IN,
        date=datetime(2026, 6, 1, 9, 30, tzinfo=UTC),
        sender=CUSTOMER,
        to=[Address("sales@seller.example", "Sales")],
        cc=[],
        subject="AW: Angebot Sensorpaket S200",
        kind=Kind.EMAIL,
        match=MatchReason.IN_REPLY_TO,
        account="sales@seller.example",
        body_text="Hallo Frau Weber,\n\nbitte 60 Stück.\n\nGruß",
        in_reply_to="<out-1@seller>",
        references=["<out-1@seller>"],
    )


def _sent_copy(d: Draft) -> LoggedEmail:
    return LoggedEmail(
        message_id="<new@seller.example>",
        thread_id="t9",
        direction=Direction.OUT,
        date=datetime.now(UTC),
        sender=Address(d.account),
        to=[Address(a) for a in d.to],
        cc=[],
        subject=d.subject,
        kind=Kind.EMAIL,
        match=MatchReason.SENT,
        account=d.account,
        body_text=d.body,
        status="sent",
    )


def test_reply_prefills_headers_and_quote(qtbot: QtBot, tmp_path: Path) -> None:
    dlg = ComposeDialog(ACCOUNTS, on_pool(_sent_copy), tmp_path, reply_to=_incoming())
    qtbot.addWidget(dlg)
    d = dlg.draft()
    assert d.to == ["Thomas Müller <t.mueller@mueller-maschinenbau.example>"]
    assert format_address("Müller, Thomas", "t@m.example") == '"Müller, Thomas" <t@m.example>'
    assert d.subject == "AW: Angebot Sensorpaket S200"  # already a reply prefix: kept once
    assert d.in_reply_to == "<reply-1@mueller-maschinenbau.example>"
    assert d.references == ["<out-1@seller>", "<reply-1@mueller-maschinenbau.example>"]
    assert d.account == "sales@seller.example"  # the account the email came in on
    assert "> Hallo Frau Weber," in d.body and "> bitte 60 Stück." in d.body
    assert "Thomas Müller wrote:" in d.body
    assert d.body.startswith("\n\n")
    assert reply_subject("Quote") == "Re: Quote"
    assert reply_subject("RE: Quote") == "RE: Quote"


def test_failed_send_shows_error_keeps_and_restores_draft(qtbot: QtBot, tmp_path: Path) -> None:
    threads: list[str] = []

    def failing(d: Draft) -> LoggedEmail:
        threads.append(threading.current_thread().name)
        raise KnownError("The server refused the message: 554 relay access denied")

    to = "priya.raman@contoso.example"
    dlg = ComposeDialog(ACCOUNTS, on_pool(failing), tmp_path, to=to)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.subject_edit.setText("Integration call")
    qtbot.keyClicks(dlg.body_edit, "Hi Priya, does Thursday work?")
    attachment = tmp_path / "agenda.txt"
    attachment.write_text("1. intro\n2. demo\n")
    dlg.add_attachments([attachment])
    assert "agenda.txt" in dlg.attachment_list.item(0).text()
    assert "B" in dlg.attachment_list.item(0).text()  # the size is shown
    dlg.send_button.click()
    qtbot.waitUntil(lambda: "554 relay access denied" in dlg.banner.text())
    assert dlg.banner.isVisible()
    assert threads and threads[0] != threading.main_thread().name
    assert dlg.send_button.isEnabled()  # the user can try again
    saved = json.loads(dlg.draft_path.read_text("utf-8"))
    assert saved["body"] == "Hi Priya, does Thursday work?"
    assert saved["attachments"] == [str(attachment)]
    dlg.close()

    again = ComposeDialog(ACCOUNTS, on_pool(_sent_copy), tmp_path, to=to)
    qtbot.addWidget(again)
    assert again.body_edit.toPlainText() == "Hi Priya, does Thursday work?"
    assert again.subject_edit.text() == "Integration call"
    assert again.draft().attachments == [attachment]
    assert "Restored" in again.status_label.text()


def test_draft_saved_on_change(qtbot: QtBot, tmp_path: Path) -> None:
    dlg = ComposeDialog(ACCOUNTS, on_pool(_sent_copy), tmp_path, to="anna@gmail.example")
    qtbot.addWidget(dlg)
    assert not dlg.draft_path.exists()
    with qtbot.waitSignal(dlg.draftSaved, timeout=3000):
        dlg.body_edit.setPlainText("Zwei Stück, bitte.")
    assert json.loads(dlg.draft_path.read_text("utf-8"))["body"] == "Zwei Stück, bitte."


def test_successful_send_deletes_draft(qtbot: QtBot, tmp_path: Path) -> None:
    dlg = ComposeDialog(ACCOUNTS, on_pool(_sent_copy), tmp_path, to="marco.rossi@tailspin.example")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.subject_edit.setText("Demo kit")
    dlg.body_edit.setPlainText("Did it arrive?")
    dlg.save_draft()
    assert dlg.draft_path.exists()
    with qtbot.waitSignal(dlg.sent) as got:
        dlg.send_button.click()
    sent = got.args[0]
    assert isinstance(sent, LoggedEmail) and sent.subject == "Demo kit"
    assert not dlg.draft_path.exists()
    assert dlg.result() == ComposeDialog.DialogCode.Accepted


def test_send_refuses_without_recipient(qtbot: QtBot, tmp_path: Path) -> None:
    calls: list[Draft] = []

    def send(d: Draft) -> LoggedEmail:
        calls.append(d)
        return _sent_copy(d)

    dlg = ComposeDialog(ACCOUNTS, on_pool(send), tmp_path)
    qtbot.addWidget(dlg)
    dlg.send_button.click()
    assert "recipient" in dlg.banner.text()  # checked before anything is handed to send
    assert not calls


def test_no_account_disables_send_but_keeps_text(qtbot: QtBot, tmp_path: Path) -> None:
    dlg = ComposeDialog([], on_pool(_sent_copy), tmp_path, to="a@b.example")
    qtbot.addWidget(dlg)
    assert not dlg.send_button.isEnabled()
    dlg.body_edit.setPlainText("kept")
    dlg.reject()
    assert json.loads(dlg.draft_path.read_text("utf-8"))["body"] == "kept"

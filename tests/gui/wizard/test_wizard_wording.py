"""Issue 15 in the wizard: honest wording, the password cursor after Back, one never-log form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import keyring.backends.SecretService
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from gui.wizard.test_wizard import ALICE, Harness, pin_shown_certificate, preset_for, to_test_page
from replytrail.app.i18n import install_translators
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials
from replytrail.ui.settings.dialog import SettingsDialog
from replytrail.ui.wizard.pages.settings import ReviewPage
from replytrail.ui.wizard.wizard import Page
from servers.keyring import SecretService
from servers.mailservers import Dovecot

pytestmark = [pytest.mark.gui, pytest.mark.servers]


@pytest.fixture
def harness_for(qtbot: QtBot, tmp_path: Path, secret_service: SecretService) -> Any:
    install_translators("en")
    credentials = Credentials(backend=keyring.backends.SecretService.Keyring())

    def make(preset: dict[str, Any]) -> Harness:
        return Harness(qtbot, tmp_path, preset, credentials)

    return make


def to_review(h: Harness) -> ReviewPage:
    """Email → discovery (the team preset finds the test server) → the review page."""
    h.enter_email(ALICE)
    h.wait_discovery()
    h.click_next(Page.REVIEW)
    return h.wizard.review_page


def test_back_after_a_wrong_password_puts_the_cursor_in_the_password(
    harness_for: Any, dovecot: Dovecot
) -> None:
    h: Harness = harness_for(preset_for(dovecot))
    to_test_page(h, "not-the-password")
    pin_shown_certificate(h, dovecot)
    assert h.wizard.test_page.report is not None and not h.wizard.test_page.report.ok
    h.back(Page.PASSWORD)
    edit = h.wizard.password_page.password
    h.qtbot.waitUntil(edit.hasFocus, timeout=5000)
    h.qtbot.waitUntil(lambda: edit.selectedText() == "not-the-password", timeout=5000)
    h.qtbot.keyClicks(edit, "alicepw")  # typing replaces the wrong one
    assert edit.text() == "alicepw"
    h.click_next(Page.TEST)
    h.wait_test()
    assert h.wizard.test_page.report is not None and h.wizard.test_page.report.ok


def test_review_page_wording_when_discovery_found_nothing(
    harness_for: Any, stuck_https: int
) -> None:
    h: Harness = harness_for({})
    h.settings.set("discovery.timeout", 2.0)
    h.enter_email("someone@slow.example.test")
    page = h.wizard.discovery_page
    h.qtbot.waitUntil(lambda: page.stop_button.isVisible(), timeout=5000)
    h.qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
    h.qtbot.waitUntil(page.isComplete, timeout=5000)
    h.click_next(Page.REVIEW)
    review = h.wizard.review_page
    assert review.imap.host.text() == "" and review.smtp.host.text() == ""
    assert "Most people change nothing" not in review.subTitle()
    assert review.subTitle().startswith("Replytrail could not find them.")
    assert review.source.text() == "Enter the server settings for someone@slow.example.test."


def test_review_page_wording_when_settings_were_found(harness_for: Any, dovecot: Dovecot) -> None:
    h: Harness = harness_for(preset_for(dovecot))
    review = to_review(h)
    assert review.subTitle().startswith("Most people change nothing here.")
    assert review.imap.host.text() == "127.0.0.1"


def test_a_pop_host_name_only_looks_like_pop3(harness_for: Any, dovecot: Dovecot) -> None:
    h: Harness = harness_for(preset_for(dovecot))
    review = to_review(h)
    review.imap.host.setText("pop.example.test")  # nothing has connected to it
    note = review.pop3_note.text()
    assert "looks like a POP3 server" in note and " is a POP3 server" not in note
    h.click_next(Page.POP3_ENTERED)
    page = h.wizard.pop3_entered_page
    text = page.browser.toPlainText()
    assert text.startswith("pop.example.test looks like a POP3 server")
    assert (
        "offers only POP3" not in text and "Your mail is fetched with POP3" not in page.subTitle()
    )
    assert "Check again" in text  # the guidance itself is all there
    assert "If it is your IMAP server after all, choose Next" in text
    h.click_next(Page.PASSWORD)  # a guess does not block: the connection test decides


def test_never_log_list_has_one_form_in_wizard_and_settings(
    harness_for: Any, dovecot: Dovecot, tmp_path: Path, qtbot: QtBot
) -> None:
    h: Harness = harness_for(preset_for(dovecot))
    h.settings.set("logging.never_log", ["partner.test", "boss@x.test"])
    to_test_page(h, "alicepw")
    pin_shown_certificate(h, dovecot)
    h.click_next(Page.LOGGING)
    never = h.wizard.logging_page.never
    assert isinstance(never, QPlainTextEdit)
    assert never.toPlainText() == "partner.test\nboss@x.test\nexample.test"
    never.setPlainText("partner.test\nboss@x.test, example.test")  # a pasted comma splits too
    assert h.wizard.logging_page.never_entries() == ["partner.test", "boss@x.test", "example.test"]
    dialog = SettingsDialog(
        settings=Settings(tmp_path / "settings.toml"),
        accounts=h.accounts,
        credentials=h.credentials,
        jobs=h.wizard.jobs,
        add_account=lambda _p: False,
    )
    qtbot.addWidget(dialog)
    assert dialog.never_log.toPlainText() == "partner.test\nboss@x.test"  # the same form
    assert "one address or domain per line" in dialog.never_label.text()

"""The set-up wizard speaks German with the shipped translations (SPEC §10)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from replytrail.app.i18n import install_translators
from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials
from replytrail.ui.wizard.wizard import Page, SetupWizard
from servers.mailservers import Dovecot

pytestmark = [pytest.mark.gui, pytest.mark.servers]


@pytest.fixture
def german(qapp: object) -> Iterator[None]:
    install_translators("de")
    yield
    install_translators("en")


def test_pages_and_pop3_guidance_in_german(
    german: None, qtbot: QtBot, tmp_path: Path, pop3_only: Dovecot
) -> None:
    preset = {
        "servers": {
            "domains": {
                "example.test": {
                    "imap_host": pop3_only.listen,
                    "imap_port": pop3_only.ports["pop3s"],
                    "smtp_host": pop3_only.listen,
                }
            }
        }
    }
    wizard = SetupWizard(
        accounts=AccountRegistry(tmp_path / "accounts.toml"),
        credentials=Credentials(),
        settings=Settings(tmp_path / "settings.toml", preset),
    )
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.windowTitle() == "Replytrail einrichten"
    assert wizard.email_page.title() == "Willkommen bei Replytrail"
    assert (
        wizard.button(QWizard.WizardButton.NextButton).text().replace("&", "").startswith("Weiter")
    )
    wizard.email_page.email_edit.setText("alice@example.test")
    wizard.next()
    assert wizard.currentId() == Page.DISCOVERY
    assert wizard.discovery_page.title() == "Servereinstellungen suchen"
    qtbot.waitUntil(wizard.discovery_page.isComplete, timeout=10000)
    assert wizard.discovery_page.status.text() == "Ihr Konto bietet nur POP3."
    wizard.next()
    page = wizard.pop3_page
    assert page.title() == "Replytrail braucht IMAP, nicht POP3"
    text = page.browser.toPlainText()
    assert "POP3 und IMAP" in text and "Erneut prüfen" in text
    assert page.check_button.text() == "&Erneut prüfen"

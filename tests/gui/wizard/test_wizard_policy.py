"""An admin policy file pre-fills the wizard: its server presets find the server, its
logging choices are pre-selected, and what it locks is greyed and kept at save."""

from __future__ import annotations

from pathlib import Path

import keyring.backends.SecretService
import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from gui.wizard.test_wizard import ALICE, Harness, pin_shown_certificate, to_test_page
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials
from replytrail.core.policy import load_policy
from replytrail.ui.wizard.wizard import Page
from servers.keyring import SecretService
from servers.mailservers import Dovecot

pytestmark = [pytest.mark.gui, pytest.mark.servers]


def policy_for(d: Dovecot) -> str:
    return f"""\
locked = ["logging.never_log"]
[logging]
mode = "contacts"
never_log = ["partner.example"]
since_days = 90

[servers.domains."example.test"]
imap_host = "{d.listen}"
imap_port = {d.ports["imaps"]}
imap_security = "ssl"
smtp_host = "{d.listen}"
smtp_port = {d.ports["submissions"]}
smtp_security = "ssl"
"""


@pytest.fixture
def credentials(secret_service: SecretService) -> Credentials:
    return Credentials(backend=keyring.backends.SecretService.Keyring())


def test_policy_file_prefills_the_wizard(
    qtbot: QtBot, tmp_path: Path, dovecot: Dovecot, credentials: Credentials
) -> None:
    policy_file = tmp_path / "policies.toml"
    policy_file.write_text(policy_for(dovecot))
    # the carrier as the app reads it (REPLYTRAIL_POLICY_FILE adds to /etc/replytrail)
    policy = load_policy(env={"REPLYTRAIL_POLICY_FILE": str(policy_file)})
    h = Harness(qtbot, tmp_path, {}, credentials)
    h.settings = h.wizard.ctx.settings = Settings(tmp_path / "settings.toml", policy=policy)
    to_test_page(h, "alicepw")  # discovery's first step found the policy's server
    pin_shown_certificate(h, dovecot)
    h.click_next(Page.LOGGING)
    page = h.wizard.logging_page
    assert page.contacts_radio.isChecked()
    assert page.never.toPlainText() == "partner.example" and not page.never.isEnabled()
    assert page.never.toolTip() == "Set by your administrator"
    assert page.tracked_radio.isEnabled()  # preset but not locked: the user may choose
    h.click_next(Page.DONE)
    with qtbot.waitSignal(h.wizard.finished, timeout=15000):
        h.wizard.button(QWizard.WizardButton.FinishButton).click()
    saved = Settings(tmp_path / "settings.toml", policy=policy)
    assert saved.source("logging.mode") == "user" and saved.get("logging.mode") == "contacts"
    assert saved.source("logging.never_log") == "policy"
    assert "never_log" not in (tmp_path / "settings.toml").read_text()
    assert h.accounts.get(ALICE).imap_port == dovecot.ports["imaps"]

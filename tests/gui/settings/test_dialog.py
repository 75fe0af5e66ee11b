"""The settings window writes settings at once, manages accounts and tests them off-thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring.backends.SecretService
import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from replytrail.app.i18n import install_translators
from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials, new_ref
from replytrail.core.models import Account, Security
from replytrail.qt.jobs import Jobs
from replytrail.ui.settings.dialog import SettingsDialog
from servers.keyring import SecretService
from servers.mailservers import Dovecot

pytestmark = [pytest.mark.gui, pytest.mark.servers]
ALICE = "alice@example.test"


class Env:
    """Settings, accounts and the real Secret Service (gnome-keyring on a private bus)."""

    def __init__(self, root: Path) -> None:
        self.settings = Settings(root / "settings.toml")
        self.accounts = AccountRegistry(root / "accounts.toml")
        self.keyring = keyring.backends.SecretService.Keyring()
        self.credentials = Credentials(self.keyring)
        self.ref = new_ref(ALICE)  # unique: the keyring is shared by the whole test run
        self.jobs = Jobs()
        self.added: list[Account] = []
        self.changes: list[str] = []
        self.settings.on_change(self.changes.append)

    def wizard(self, _parent: object) -> bool:
        for a in self.added:
            self.accounts.save(a)
        return bool(self.added)

    def add(self, d: Dovecot, password: str = "alicepw") -> Account:
        a = Account(
            email=ALICE,
            imap_host=d.listen,
            imap_port=d.ports["imaps"],
            imap_security=Security.SSL,
            smtp_host=d.listen,
            smtp_port=d.ports["submissions"],
            ca_file=str(d.certs[0]),
            credential_ref=self.ref,
        )
        self.accounts.save(a)
        self.keyring.set_password("replytrail", self.ref, password)
        return a


@pytest.fixture
def env(tmp_path: Path, qapp: object, secret_service: SecretService) -> Iterator[Env]:
    install_translators("en")
    e = Env(tmp_path)
    yield e
    e.jobs.shutdown()


@pytest.fixture
def dialog(env: Env, qtbot: QtBot) -> SettingsDialog:
    d = SettingsDialog(
        settings=env.settings,
        accounts=env.accounts,
        credentials=env.credentials,
        jobs=env.jobs,
        add_account=env.wizard,
    )
    qtbot.addWidget(d)
    d.show()
    return d


def test_shows_the_current_settings(env: Env, qtbot: QtBot) -> None:
    env.settings.set("logging.since_date", "2026-01-15")
    env.settings.set("watch.idle_refresh", 300.0)
    env.settings.set("logging.never_log", ["colleague.test", "boss@x.test"])
    d = SettingsDialog(
        settings=env.settings,
        accounts=env.accounts,
        credentials=env.credentials,
        jobs=env.jobs,
        add_account=env.wizard,
    )
    qtbot.addWidget(d)
    assert d.since_date_radio.isChecked()
    assert d.since_date.date() == QDate(2026, 1, 15)
    assert not d.since_days.isEnabled()
    assert d.idle_spin.value() == 5
    assert d.never_log.toPlainText() == "colleague.test\nboss@x.test"
    assert d.mode_combo.currentData() == "tracked"
    assert d.language_combo.currentData() == ""
    assert d.login_check.isChecked()


def test_changes_are_written_at_once(env: Env, dialog: SettingsDialog) -> None:
    dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData("contacts"))
    dialog.since_days.setValue(90)
    dialog.login_check.setChecked(False)
    dialog.notify_check.setChecked(False)
    dialog.idle_spin.setValue(12)
    dialog.subject_check.setChecked(False)
    fresh = Settings(env.settings.path)
    assert fresh.get("logging.mode") == "contacts"
    assert fresh.get("logging.since_days") == 90
    assert fresh.get("general.start_at_login") is False
    assert fresh.get("general.notifications") is False
    assert fresh.get("watch.idle_refresh") == 720.0
    assert fresh.get("logging.subject_rule") is False
    dialog.since_date_radio.setChecked(True)
    dialog.since_date.setDate(QDate(2026, 3, 1))
    assert Settings(env.settings.path).get("logging.since_date") == "2026-03-01"
    dialog.since_days_radio.setChecked(True)
    assert Settings(env.settings.path).get("logging.since_date") == ""
    assert "general.start_at_login" in env.changes  # listeners (autostart) were told


def test_never_log_written_on_close(env: Env, dialog: SettingsDialog) -> None:
    dialog.never_log.setPlainText(" Colleague.TEST \n\n@partner.test\nboss@x.test\nboss@x.test")
    assert env.settings.get("logging.never_log") == []
    dialog.close()
    assert Settings(env.settings.path).get("logging.never_log") == [
        "colleague.test",
        "partner.test",
        "boss@x.test",
    ]


def test_never_log_is_one_per_line_and_pasted_commas_split(
    env: Env, dialog: SettingsDialog
) -> None:
    dialog.never_log.setPlainText("a.test, B@c.test; @d.test")
    dialog.close()
    assert Settings(env.settings.path).get("logging.never_log") == ["a.test", "b@c.test", "d.test"]
    dialog.load()  # shown again, as the tray's Settings… does
    assert dialog.never_log.toPlainText() == "a.test\nb@c.test\nd.test"  # the wizard's form too


def test_idle_refresh_is_folded_under_advanced(
    env: Env, dialog: SettingsDialog, qtbot: QtBot
) -> None:
    dialog.tabs.setCurrentIndex(2)
    assert dialog.notify_check.isVisible()
    assert not dialog.idle_spin.isVisible() and not dialog.idle_label.isVisible()
    assert dialog.advanced.button.text() == "Advanced"
    qtbot.mouseClick(dialog.advanced.button, Qt.MouseButton.LeftButton)
    assert dialog.idle_spin.isVisible() and dialog.advanced.is_open
    dialog.idle_spin.setValue(7)
    assert Settings(env.settings.path).get("watch.idle_refresh") == 420.0
    qtbot.keyClick(dialog.advanced.button, Qt.Key.Key_Space)
    assert not dialog.idle_spin.isVisible()


def test_language_switches_live(env: Env, dialog: SettingsDialog, qtbot: QtBot) -> None:
    def follow_language(key: str) -> None:
        if key == "general.language":
            install_translators(str(env.settings.get(key)) or "en")

    env.settings.on_change(follow_language)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("de"))
    assert env.settings.get("general.language") == "de"
    qtbot.waitUntil(lambda: dialog.tabs.tabText(0) == "Konten", timeout=2000)
    assert dialog.windowTitle() == "Replytrail-Einstellungen"
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    qtbot.waitUntil(lambda: dialog.tabs.tabText(0) == "Accounts", timeout=2000)


def test_add_and_remove_accounts(
    env: Env, dialog: SettingsDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert dialog.account_list.count() == 0
    assert not dialog.remove_button.isEnabled()
    env.added = [Account(email=ALICE, imap_host="imap.example.test", credential_ref=env.ref)]
    env.keyring.set_password("replytrail", env.ref, "pw")
    with qtbot.waitSignal(dialog.accountsChanged, timeout=1000):
        dialog.add_button.click()
    assert dialog.account_list.count() == 1
    assert dialog.remove_button.isEnabled()
    monkeypatch.setattr(dialog, "confirm_remove", lambda email: email == ALICE)
    with qtbot.waitSignal(dialog.accountsChanged, timeout=1000):
        dialog.remove_button.click()
    assert env.accounts.all() == []
    assert env.keyring.get_password("replytrail", env.ref) is None  # gone from the keyring
    assert dialog.account_list.count() == 0


@pytest.mark.servers
def test_account_test_against_real_dovecot(env: Env, dovecot: Dovecot, qtbot: QtBot) -> None:
    env.add(dovecot)
    d = SettingsDialog(
        settings=env.settings,
        accounts=env.accounts,
        credentials=env.credentials,
        jobs=env.jobs,
        add_account=env.wizard,
    )
    qtbot.addWidget(d)
    with qtbot.waitSignal(d.testFinished, timeout=20_000) as done:
        d.test_button.click()
        assert not d.test_button.isEnabled()  # the GUI thread is free while it runs
        assert d.test_result.text() == f"Testing {ALICE}…"
    assert done.args[:2] == [ALICE, True]
    assert d.test_result.text() == "IMAP and SMTP work; the server pushes new mail (IDLE)."
    assert d.test_button.isEnabled()
    env.keyring.set_password("replytrail", env.ref, "wrong")
    with qtbot.waitSignal(d.testFinished, timeout=20_000) as done:
        d.test_button.click()
    assert done.args[:2] == [ALICE, False]
    assert "Wrong user name or password" in d.test_result.text()

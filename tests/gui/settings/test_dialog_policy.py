"""Settings an administrator's policy locks are greyed out, say why, and cannot be changed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from replytrail import __version__
from replytrail.app.i18n import install_translators
from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials
from replytrail.core.policy import read_policy_file
from replytrail.qt.jobs import Jobs
from replytrail.ui.settings.dialog import SettingsDialog

pytestmark = pytest.mark.gui

POLICY = """\
locked = ["general.start_at_login", "logging.never_log", "logging.mode"]
[general]
start_at_login = true
notifications = false
[logging]
mode = "contacts"
never_log = ["our-company.example"]
"""


@pytest.fixture
def locked_dialog(tmp_path: Path, qtbot: QtBot) -> Iterator[tuple[SettingsDialog, Settings]]:
    install_translators("en")
    (tmp_path / "policies.toml").write_text(POLICY)
    # the user had turned start at login off before the policy came
    (tmp_path / "settings.toml").write_text("[general]\nstart_at_login = false\n")
    settings = Settings(
        tmp_path / "settings.toml", policy=read_policy_file(tmp_path / "policies.toml")
    )
    jobs = Jobs()
    d = SettingsDialog(
        settings=settings,
        accounts=AccountRegistry(tmp_path / "accounts.toml"),
        credentials=Credentials(),
        jobs=jobs,
        add_account=lambda _parent: False,
    )
    qtbot.addWidget(d)
    d.show()
    yield d, settings
    jobs.shutdown()


def test_locked_settings_are_greyed_with_the_reason(
    locked_dialog: tuple[SettingsDialog, Settings], qtbot: QtBot
) -> None:
    d, settings = locked_dialog
    assert d.login_check.isChecked() and not d.login_check.isEnabled()
    assert d.login_check.toolTip() == "Set by your administrator"
    assert d.mode_combo.currentData() == "contacts" and not d.mode_combo.isEnabled()
    assert d.never_log.toPlainText() == "our-company.example" and not d.never_log.isEnabled()
    assert d.locked_note.isVisible()
    assert d.locked_note.text() == "Greyed-out settings are set by your administrator."
    # a preset, unlocked value: shown and the user may change it
    assert not d.notify_check.isChecked() and d.notify_check.isEnabled()
    qtbot.mouseClick(d.notify_check, Qt.MouseButton.LeftButton)
    assert settings.get("general.notifications") is True
    # a click on a greyed box does nothing, and closing writes nothing locked
    qtbot.mouseClick(d.login_check, Qt.MouseButton.LeftButton)
    assert d.login_check.isChecked()
    d.close()
    fresh = Settings(settings.path, policy=settings.policy)
    assert fresh.get("general.start_at_login") is True
    assert fresh.get("logging.never_log") == ["our-company.example"]
    assert "never_log" not in settings.path.read_text()


def test_no_policy_no_note(tmp_path: Path, qtbot: QtBot) -> None:
    install_translators("en")
    jobs = Jobs()
    d = SettingsDialog(
        settings=Settings(tmp_path / "settings.toml"),
        accounts=AccountRegistry(tmp_path / "accounts.toml"),
        credentials=Credentials(),
        jobs=jobs,
        add_account=lambda _parent: False,
    )
    qtbot.addWidget(d)
    d.show()
    assert not d.locked_note.isVisible() and d.login_check.isEnabled()
    assert d.version_label.text() == f"Replytrail {__version__}"  # the one version source
    jobs.shutdown()

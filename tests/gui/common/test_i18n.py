"""Every string a user sees has its German translation, and switching language is live."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from replytrail.app.i18n import install_translators
from replytrail.core.errors import AuthFailed
from replytrail.ui.tray.tray import TrayIcon

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[3]


def test_translations_complete_and_up_to_date() -> None:
    """Fails when code has a string the committed .ts lacks, or German is unfinished."""
    r = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "i18n.py"), "check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.fixture
def language(qapp: object) -> Iterator[None]:
    yield
    install_translators("en")


def test_german_tray_menu_and_back(language: None, qtbot: QtBot) -> None:
    install_translators("en")
    tray = TrayIcon()
    tray.set_states([])
    assert tray.open_action.text() == "Open timeline"
    install_translators("de")  # Qt sends LanguageChange: the menu retranslates itself
    qtbot.waitUntil(
        lambda: tray.open_action.text() == "Verlauf öffnen",
        timeout=2000,
    )
    assert tray.quit_action.text() == "Beenden"
    assert tray.tooltip == (
        "Replytrail — noch kein Konto eingerichtet; fügen Sie eines unter „Konten …“ hinzu"
    )
    from replytrail.core.events import AccountState, WatchState

    tray.set_states(
        [
            AccountState("a@x.test", WatchState.WATCHING),
            AccountState("b@x.test", WatchState.WATCHING),
        ]
    )
    assert tray.tooltip == "Replytrail — aktiv für 2 Konten"
    install_translators("en")
    qtbot.waitUntil(
        lambda: tray.open_action.text() == "Open timeline",
        timeout=2000,
    )
    assert tray.tooltip == "Replytrail — watching 2 accounts"


def test_core_errors_follow_the_language(language: None) -> None:
    err = AuthFailed(user="alice", host="imap.example.test")
    install_translators("de")
    assert err.message == (
        "Falscher Benutzername oder falsches Passwort für alice bei "
        "imap.example.test: Prüfen Sie beides und versuchen Sie es erneut."
    )
    install_translators("en")
    assert err.message.startswith("Wrong user name or password for alice")

"""Account trouble is not a dead end (issue 8.11): the real app objects, a real Dovecot and a
real keyring; a wrong password stops the account, the tray says why and offers the way out."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from replytrail.app.application import TrayApp
from replytrail.app.assemble import build_tray_app
from replytrail.app.i18n import install_translators
from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials
from replytrail.core.engine import Engine
from replytrail.core.events import AccountState, WatchState
from replytrail.core.paths import resolve_paths
from replytrail.ui.settings.account_trouble import AccountTroublePanel, PasswordDialog
from replytrail.ui.settings.dialog import SettingsDialog
from replytrail.ui.settings.sender import SenderDialog
from replytrail.ui.settings.server_edit import ServerEditDialog
from replytrail.ui.tray.trouble import AccountTrouble
from servers.cli import Cli
from servers.mailservers import Dovecot

pytestmark = [pytest.mark.gui, pytest.mark.servers]
ALICE = "alice@example.test"


@pytest.fixture
def app(qtbot: QtBot, cli: Cli, dovecot: Dovecot) -> Iterator[TrayApp]:
    install_translators("en")
    cli.add_dovecot_account(dovecot)
    paths = resolve_paths(cli.data_dir)
    settings, accounts, credentials = (
        Settings(paths.settings_file),
        AccountRegistry(paths.accounts_file),
        Credentials(),
    )
    credentials.store(accounts.get(ALICE).credential_ref, "changed-on-the-server")
    tray_app, store = build_tray_app(
        paths=paths,
        settings=settings,
        accounts=accounts,
        credentials=credentials,
        quit_app=lambda: None,
    )
    yield tray_app
    tray_app.quit()
    core = tray_app.engine.engine
    assert isinstance(core, Engine)

    def quiet() -> bool:  # a restart job may have started watchers while quitting
        core.stop(timeout=2.0)
        return not core.alive()

    qtbot.waitUntil(quiet, timeout=20_000)
    if tray_app._settings_dialog is not None:
        tray_app._settings_dialog.close()
    tray_app.close()
    store.close()


def _submenu(app: TrayApp) -> QMenu | None:
    return app.firstweek.trouble.tray_trouble.menus.get(ALICE)


def test_wrong_password_then_enter_it_again_from_the_tray(qtbot: QtBot, app: TrayApp) -> None:
    app.start()
    qtbot.waitUntil(lambda: _submenu(app) is not None, timeout=30_000)
    sub = _submenu(app)
    assert sub is not None and sub.menuAction() in app.tray.menu.actions()
    texts = app.firstweek.trouble.tray_trouble.actions_of(ALICE)
    assert texts[0].startswith("Wrong user name or password")
    assert texts[1:] == ["Enter password again…", "Edit server settings…", "Retry now"]
    # Settings › Accounts says the same and offers the same
    app.tray.accounts_action.trigger()
    dialog = app._settings_dialog
    assert isinstance(dialog, SettingsDialog)
    panel = dialog.trouble
    assert panel.state_label.text().startswith("Stopped: Wrong user name or password")
    assert panel.password_button.isVisible() and panel.retry_button.isVisible()
    # the way out: the password, typed again
    next(a for a in sub.actions() if a.text() == "Enter password again…").trigger()
    d = app.firstweek.trouble.dialog
    assert isinstance(d, PasswordDialog)
    d.secret.setText("alicepw")
    d.accept()
    qtbot.waitUntil(
        lambda: any(s.state is WatchState.WATCHING for s in app.engine.states()), timeout=30_000
    )
    qtbot.waitUntil(lambda: _submenu(app) is None, timeout=10_000)
    assert app.firstweek.trouble.tray_trouble.actions_of(ALICE) == []
    qtbot.waitUntil(lambda: panel.state_label.text() == "Watching for replies.")
    assert not panel.password_button.isVisible()
    assert Credentials().get(app.accounts.get(ALICE).credential_ref) == "alicepw"


def test_edit_server_settings_from_settings(qtbot: QtBot, app: TrayApp, dovecot: Dovecot) -> None:
    app.start()
    qtbot.waitUntil(lambda: _submenu(app) is not None, timeout=30_000)
    app.tray.accounts_action.trigger()
    dialog = app._settings_dialog
    assert isinstance(dialog, SettingsDialog)
    dialog.trouble.server_button.click()
    d = app.firstweek.trouble.dialog
    assert isinstance(d, ServerEditDialog)
    assert d.imap_port.value() == dovecot.ports["imaps"]
    d.username.setText("alice@example.test")
    d.accept()
    assert app.accounts.get(ALICE).username == "alice@example.test"
    dialog.trouble.retry_button.click()  # still the wrong password: stopped again, said again
    assert _submenu(app) is None and dialog.trouble.state_label.text() == "Catching up…"
    qtbot.waitUntil(lambda: _submenu(app) is not None, timeout=30_000)
    assert dialog.trouble.state_label.text().startswith("Stopped:")


def test_name_and_signature_from_settings_reach_the_account(qtbot: QtBot, app: TrayApp) -> None:
    before = app.accounts.get(ALICE)
    dialog = app.open_settings(accounts_tab=True)
    dialog.account_list.setCurrentRow(0)
    dialog.trouble.sender_button.click()
    d = app.firstweek.trouble.dialog
    assert isinstance(d, SenderDialog)
    d.name.setText("Alice Sommer")
    d.signature.setPlainText("Alice Sommer\nVertrieb")
    d.accept()
    saved = app.accounts.get(ALICE)
    assert (saved.sender_name, saved.signature) == ("Alice Sommer", "Alice Sommer\nVertrieb")
    assert (saved.imap_host, saved.imap_port) == (before.imap_host, before.imap_port)


def test_offline_says_why_in_words_and_offers_retry(qtbot: QtBot) -> None:
    install_translators("en")
    menu = QMenu()
    trouble = AccountTrouble(menu, None)
    trouble.update(AccountState(ALICE, WatchState.OFFLINE, "ConnectionResetError"))
    assert trouble.actions_of(ALICE) == [
        "The connection to the server was lost. Replytrail keeps trying.",
        "Retry now",
    ]
    with qtbot.waitSignal(trouble.retryRequested) as retried:
        trouble.menus[ALICE].actions()[-1].trigger()
    assert retried.args == [ALICE]
    trouble.update(AccountState(ALICE, WatchState.OFFLINE, "Cannot reach imap.example.test."))
    assert trouble.actions_of(ALICE)[0] == "Cannot reach imap.example.test."
    panel = AccountTroublePanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_state(ALICE, AccountState(ALICE, WatchState.OFFLINE, "TimeoutError"))
    assert panel.state_label.text() == "Offline: the connection to the server was lost"
    assert panel.retry_button.isVisible() and not panel.password_button.isVisible()
    trouble.update(AccountState(ALICE, WatchState.WATCHING))
    assert trouble.menus == {} and menu.actions() == []

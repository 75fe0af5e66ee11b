"""The wizard's sign-in page end to end: the browser step in real headless Chromium."""

from __future__ import annotations

import webbrowser
from pathlib import Path
from typing import Any

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from gui.wizard.test_wizard import ALICE, Harness, pin_shown_certificate, preset_for
from replytrail.core.credentials import Credentials
from replytrail.core.engine import Engine
from replytrail.core.events import Event, StateChanged, WatchState
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.ui.wizard.wizard import Page
from servers.browser import HeadlessBrowser
from servers.keyring import SecretService
from servers.oauth_dovecot import OAuthDovecot
from servers.oauth_server import OAuthServer

pytestmark = [pytest.mark.gui, pytest.mark.servers]


@pytest.fixture
def system_browser(browser: HeadlessBrowser, monkeypatch: pytest.MonkeyPatch) -> HeadlessBrowser:
    """Chromium as the system browser: ``BROWSER`` set before ``webbrowser`` reads it."""
    for k, v in browser.env.items():
        monkeypatch.setenv(k, v)
    monkeypatch.setattr(webbrowser, "_tryorder", None)  # re-read BROWSER at the next open
    return browser


def _harness(
    qtbot: QtBot, tmp_path: Path, d: OAuthDovecot, server: OAuthServer, client_id: str
) -> Harness:
    import keyring.backends.SecretService

    preset: dict[str, Any] = {
        **preset_for(d),
        "oauth_providers": {"example": server.provider_table(client_id)},
    }
    return Harness(
        qtbot, tmp_path, preset, Credentials(backend=keyring.backends.SecretService.Keyring())
    )


def _to_signin(h: Harness) -> None:
    h.enter_email(ALICE)
    h.wait_discovery()
    h.click_next(Page.REVIEW)
    h.click_next(Page.SIGNIN)


def test_sign_in_page_through_chromium_to_a_watched_account(
    qtbot: QtBot,
    tmp_path: Path,
    oauth_server: OAuthServer,
    oauth_dovecot: OAuthDovecot,
    system_browser: HeadlessBrowser,
    secret_service: SecretService,
) -> None:
    h = _harness(qtbot, tmp_path, oauth_dovecot, oauth_server, "replytrail-test")
    _to_signin(h)
    page = h.wizard.signin_page
    assert page.title() == "Sign in with Example ID"
    assert page.sign_in_button.isEnabled() and not page.isComplete()
    qtbot.mouseClick(page.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: h.page == Page.TEST, timeout=60000)  # signed in: on by itself
    assert any("HeadlessChrome" in a for a in oauth_server.browser_agents)
    h.wait_test()
    pin_shown_certificate(h, oauth_dovecot)  # the test CA: trusted by pinning, as a user would
    assert h.wizard.test_page.report is not None and h.wizard.test_page.report.ok
    h.click_next(Page.LOGGING)
    h.click_next(Page.DONE)
    finish = h.wizard.button(QWizard.WizardButton.FinishButton)
    with qtbot.waitSignal(h.wizard.finished, timeout=15000) as blocker:
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert blocker.args == [int(QWizard.DialogCode.Accepted)]
    saved = h.accounts.get(ALICE)
    assert saved.auth == "oauth2" and saved.oauth_provider == "example"
    (refresh,) = oauth_server.active_refresh_tokens(ALICE)
    assert keyring.get_password("replytrail", saved.credential_ref) == refresh
    for f in tmp_path.rglob("*"):
        if f.is_file() and "browser" not in f.parts:
            assert all(t.encode() not in f.read_bytes() for t in oauth_server.tokens), f
    assert "method=OAUTHBEARER" in oauth_dovecot.log()
    # the engine on that data watches the inbox, signing in with a refreshed token
    events: list[Event] = []
    store = SQLiteStore(tmp_path / "replytrail.sqlite3", tmp_path / "attachments")
    engine = Engine(
        store=store,
        accounts=h.accounts,
        credentials=h.credentials,
        settings=h.settings,
        sink=events.append,
    )
    engine.start()
    try:
        qtbot.waitUntil(
            lambda: any(
                isinstance(e, StateChanged) and e.state.state is WatchState.WATCHING
                for e in list(events)
            ),
            timeout=30000,
        )
    finally:
        engine.stop()
        store.close()
    assert oauth_server.count("/token", grant_type="refresh_token") >= 1


def test_without_client_id_the_page_says_what_to_register(
    qtbot: QtBot,
    tmp_path: Path,
    oauth_server: OAuthServer,
    oauth_dovecot: OAuthDovecot,
    secret_service: SecretService,
) -> None:
    h = _harness(qtbot, tmp_path, oauth_dovecot, oauth_server, "")
    _to_signin(h)
    page = h.wizard.signin_page
    assert not page.sign_in_button.isEnabled()
    note = page.config_note.text()
    assert "needs a client id" in note and oauth_server.url + "/apps" in note
    assert "http://127.0.0.1" in note and "team preset" in note
    assert page.password_button.isVisible()  # not stuck: an app password remains
    qtbot.mouseClick(page.password_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: h.page == Page.PASSWORD, timeout=5000)
    assert oauth_server.log == []

"""A revoked sign-in: the tray offers "Sign in again", which runs the browser sign-in
(real headless Chromium) and the account watches again; Settings › Accounts offers it too."""

from __future__ import annotations

import threading
import time
import webbrowser
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from replytrail.app.application import TrayApp
from replytrail.app.assemble import build_tray_app
from replytrail.app.i18n import install_translators
from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials
from replytrail.core.events import WatchState
from replytrail.core.models import Account, Security
from replytrail.core.oauth.providers import load_catalog
from replytrail.core.oauth.signin import keep_refresh_token, save_signed_in, sign_in
from replytrail.core.paths import resolve_paths
from replytrail.ui.settings.dialog import SettingsDialog
from servers.browser import HeadlessBrowser
from servers.keyring import SecretService
from servers.oauth_dovecot import OAuthDovecot
from servers.oauth_server import OAuthServer

pytestmark = [pytest.mark.gui, pytest.mark.servers]
ALICE = "alice@example.test"


@pytest.fixture
def signed_in_app(
    qtbot: QtBot,
    tmp_path: Path,
    secret_service: SecretService,
    oauth_server: OAuthServer,
    oauth_dovecot: OAuthDovecot,
    browser: HeadlessBrowser,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[TrayApp]:
    install_translators("en")
    for k, v in browser.env.items():  # Chromium is the system browser
        monkeypatch.setenv(k, v)
    monkeypatch.setattr(webbrowser, "_tryorder", None)
    paths = resolve_paths(tmp_path / "data")
    paths.ensure()
    preset = {"oauth_providers": {"example": oauth_server.provider_table()}}
    settings = Settings(paths.settings_file, preset)
    settings.set("watch.idle_refresh", 5.0)
    accounts = AccountRegistry(paths.accounts_file)
    credentials = Credentials()
    d = oauth_dovecot
    account = Account(
        email=ALICE, imap_host=d.listen, imap_port=d.ports["imaps"], imap_security=Security.SSL,
        smtp_host=d.listen, smtp_port=d.ports["submissions"], ca_file=str(d.certs[0]),
        auth="oauth2", oauth_provider="example",
    )  # fmt: skip
    provider = load_catalog(preset).get("example")
    keep_refresh_token(account, sign_in(provider, settings, ALICE), credentials)
    save_signed_in(account, credentials, accounts)
    app, store = build_tray_app(
        paths=paths, settings=settings, accounts=accounts, credentials=credentials,
        quit_app=lambda: None,
    )  # fmt: skip
    yield app
    app.quit()
    if app._settings_dialog is not None:
        app._settings_dialog.close()
        app._settings_dialog.deleteLater()
    app.close()
    store.close()


def test_revoked_grant_then_sign_in_again_from_the_tray(
    signed_in_app: TrayApp, oauth_server: OAuthServer, qtbot: QtBot
) -> None:
    app, tray = signed_in_app, signed_in_app.tray
    oauth_server.revoke_grant(ALICE)  # e.g. the user removed Replytrail in their account
    app.start()
    qtbot.waitUntil(lambda: tray.sign_in_action.isVisible(), timeout=30000)
    assert tray.state is WatchState.ERROR
    assert "Sign in again" in tray.tooltip
    assert tray.sign_in_action.text() == f"Sign in again as {ALICE}…"
    agents = len(oauth_server.browser_agents)
    tray.sign_in_action.trigger()
    qtbot.waitUntil(lambda: tray.state is WatchState.WATCHING, timeout=60000)
    assert len(oauth_server.browser_agents) == agents + 1  # through the browser again
    assert not tray.sign_in_action.isVisible()


def test_settings_offers_sign_in_again_for_an_oauth_account(
    signed_in_app: TrayApp, qtbot: QtBot
) -> None:
    dialog = signed_in_app.open_settings(accounts_tab=True)
    assert isinstance(dialog, SettingsDialog)
    assert dialog.sign_in_button.isVisible()
    with qtbot.waitSignal(dialog.signInRequested, timeout=2000) as blocker:
        dialog.sign_in_button.click()
    assert blocker.args == [ALICE]
    # the test button signs in with a fresh access token, not with the refresh token
    with qtbot.waitSignal(dialog.testFinished, timeout=30000) as done:
        dialog.test_button.click()
    assert done.args[1] is True, done.args


def test_quit_during_an_unfinished_browser_sign_in_does_not_hang(
    signed_in_app: TrayApp, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The user clicks "Sign in again", never finishes in the browser, and quits: the app
    ends at once instead of waiting for the sign-in's five-minute limit."""
    opened: list[str] = []

    def open_url(url: str, *a: object, **k: object) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(webbrowser, "open", open_url)
    signed_in_app.sign_in_again(ALICE)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert any(t.name == "oauth-loopback" for t in threading.enumerate())
    signed_in_app.quit()
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and any(
        t.name in ("oauth-loopback", "replytrail-job_0") and t.is_alive()
        for t in threading.enumerate()
    ):
        time.sleep(0.05)
    assert not any(t.name == "oauth-loopback" for t in threading.enumerate())

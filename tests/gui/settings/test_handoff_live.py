"""Settings › Hand-off left open while the engine logs a reply: the page shows what became of
its hand-off without the user asking (the real app objects, Dovecot, SMTP and the keyring)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from mailflow import reply
from replytrail.app.application import TrayApp
from replytrail.app.assemble import build_tray_app
from replytrail.app.i18n import install_translators
from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials
from replytrail.core.paths import resolve_paths
from replytrail.ui.settings.handoff_page import HandoffPage
from servers.cli import Cli
from servers.mailservers import Dovecot

pytestmark = [pytest.mark.gui, pytest.mark.servers]


@pytest.fixture
def app(qtbot: QtBot, cli: Cli, dovecot: Dovecot) -> Iterator[TrayApp]:
    install_translators("en")
    cli.add_dovecot_account(dovecot)
    # a drop address the mail server does not know: the relay refuses it (550)
    cli.ok("handoff", "add", "pipedrive", "--forward", "nobody@example.test")
    paths = resolve_paths(cli.data_dir)
    tray_app, store = build_tray_app(
        paths=paths,
        settings=Settings(paths.settings_file),
        accounts=AccountRegistry(paths.accounts_file),
        credentials=Credentials(),
        quit_app=lambda: None,
    )
    yield tray_app
    tray_app.quit()
    if tray_app._settings_dialog is not None:
        tray_app._settings_dialog.close()
        tray_app._settings_dialog.deleteLater()
    tray_app.close()
    store.close()


@pytest.fixture
def language(qapp: object) -> Iterator[None]:
    yield
    install_translators("en")


def rows(page: HandoffPage) -> list[str]:
    return [page.target_list.item(i).text() for i in range(page.target_list.count())]


def test_open_page_shows_the_refused_hand_off_of_a_reply_logged_meanwhile(
    qtbot: QtBot, app: TrayApp, cli: Cli, dovecot: Dovecot
) -> None:
    sent = cli.ok("send", "--to", "bob@example.test", "--subject", "Angebot", "--body", "Hallo")
    app.start()
    for _ in range(2):  # opened, closed and opened again: the same page comes back
        dialog = app.open_settings(handoff_tab=True)
        page = dialog.tabs.currentWidget()
        assert isinstance(page, HandoffPage)

        def listed(p: HandoffPage = page) -> bool:
            return rows(p) == ["pipedrive → nobody@example.test"]

        qtbot.waitUntil(listed)
        dialog.close()
    assert isinstance(page, HandoffPage)  # as in the loop (mypy does not carry it out of it)
    dialog = app.open_settings(handoff_tab=True)
    assert not app.tray.handoff_action.isVisible()
    dovecot.deliver("alice@example.test", reply(sent.out.strip(), body="Passt so."))
    qtbot.waitUntil(lambda: "1 failed" in rows(page)[0], timeout=30_000)  # nobody clicked
    assert "nobody@example.test" in rows(page)[0] and "550" in rows(page)[0]
    assert page.retry_button.isEnabled()
    assert app.tray.handoff_action.isVisible()
    assert app.tray.handoff_action.text() == "Hand-off to pipedrive failed for 1 email…"


def test_german_hints_show_whole_in_the_window_as_it_opens(
    qtbot: QtBot, app: TrayApp, language: None
) -> None:
    """A long German hint under the form is never cut off: the window grows to fit it."""
    install_translators("de")
    dialog = app.open_settings(handoff_tab=True)
    page = dialog.tabs.currentWidget()
    assert isinstance(page, HandoffPage)
    for choice in ("hubspot", "pipedrive", "webhook", "hubspot"):
        page.crm_combo.setCurrentIndex(page.crm_combo.findData(choice))
        hint = page.hint

        def whole(label: QLabel = hint) -> bool:
            if not label.text():
                return True
            needed = label.heightForWidth(label.width())
            bottom = label.mapTo(page, label.rect().bottomLeft()).y()
            return label.height() >= needed and bottom <= page.height()

        qtbot.waitUntil(whole, timeout=3_000)
    assert dialog.height() <= dialog.screen().availableGeometry().height()

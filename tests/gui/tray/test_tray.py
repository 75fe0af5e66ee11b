"""The tray icon's states, tooltips and menu, and the app wiring behind it (offscreen)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from replytrail.app.application import TrayApp
from replytrail.app.i18n import install_translators
from replytrail.core.events import AccountState, ScanProgress, WatchState
from replytrail.core.models import Account
from replytrail.ui.common.icons import TRAY_STATES, setup_icon, tray_icon
from replytrail.ui.compose.window import ComposeDialog
from replytrail.ui.settings.dialog import SettingsDialog
from replytrail.ui.tray.tray import GEOMETRY_PROBE_MS, GEOMETRY_PROBES, TrayIcon, summarise
from servers.cli import Cli
from servers.mailservers import Dovecot

pytestmark = [pytest.mark.gui, pytest.mark.servers]  # the real keyring (D-Bus)


@pytest.fixture(autouse=True)
def english(qapp: object) -> None:
    """As the app does at start: English has a .qm too (its plural forms)."""
    install_translators("en")


W, C, P, OFF, E = (
    WatchState.WATCHING,
    WatchState.CATCHING_UP,
    WatchState.PAUSED,
    WatchState.OFFLINE,
    WatchState.ERROR,
)


def st(account: str, state: WatchState, detail: str = "") -> AccountState:
    return AccountState(account, state, detail)


@pytest.mark.parametrize(
    ("states", "paused", "expected"),
    [
        ([], False, P),
        ([st("a@x.test", W), st("b@x.test", W)], False, W),
        ([st("a@x.test", W), st("b@x.test", C)], False, C),
        ([st("a@x.test", C), st("b@x.test", OFF)], False, OFF),
        ([st("a@x.test", OFF), st("b@x.test", E)], False, E),
        ([st("a@x.test", W), st("b@x.test", WatchState.STOPPED)], False, E),
        ([st("a@x.test", E)], True, P),
        # resumed, the engine's "paused" not yet replaced by the restarted watchers' word
        ([st("a@x.test", W), st("b@x.test", P)], False, C),
    ],
)
def test_summary_worst_state_wins(
    states: list[AccountState], paused: bool, expected: WatchState
) -> None:
    assert summarise(states, paused) is expected


def _image(state: WatchState, size: int) -> QImage:
    return tray_icon(state).pixmap(size, size).toImage()


@pytest.mark.parametrize("size", [16, 22, 24])
def test_every_state_has_its_own_icon(qapp: object, size: int) -> None:
    images = [_image(s, size) for s in TRAY_STATES]
    assert all(not i.isNull() and i.width() == size for i in images)
    for i, a in enumerate(images):
        for b in images[i + 1 :]:
            assert a != b
    assert _image(WatchState.STOPPED, size) == _image(WatchState.ERROR, size)
    setup = setup_icon().pixmap(size, size).toImage()  # no account yet: not "paused"
    assert not setup.isNull() and all(setup != i for i in images)


def test_no_account_and_paused_look_and_read_differently(qtbot: QtBot) -> None:
    tray = TrayIcon()
    tray.set_states([])
    shown = tray.icon.icon().pixmap(22, 22).toImage()
    assert tray.icon_name == "tray-setup"
    assert shown == setup_icon().pixmap(22, 22).toImage() != _image(P, 22)
    no_account = tray.tooltip
    tray.set_states([st("a@x.test", W)])
    tray.set_paused(True)
    assert tray.icon_name == "tray-paused"
    assert tray.icon.icon().pixmap(22, 22).toImage() == _image(P, 22)
    assert tray.tooltip == "Replytrail — paused" != no_account
    assert "Accounts…" in no_account  # says what to do


def test_tooltips_in_plain_words(qtbot: QtBot) -> None:
    tray = TrayIcon()
    assert tray.tooltip == "Replytrail — no account set up yet; add one with Accounts…"
    tray.set_states([st("a@x.test", W), st("b@x.test", W)])
    assert tray.state is W
    assert tray.tooltip == "Replytrail — watching 2 accounts"
    tray.set_states([st("a@x.test", W)])
    assert tray.tooltip == "Replytrail — watching 1 account"
    tray.update_account(st("a@x.test", C))
    tray.set_progress(ScanProgress("a@x.test", "INBOX", 120, 500))
    assert tray.tooltip == "Replytrail — catching up: 120 of 500 emails checked"
    tray.update_account(st("a@x.test", OFF, "connection reset"))
    assert tray.state is OFF
    assert tray.tooltip.startswith("Replytrail — offline since ")
    assert tray.tooltip.endswith(", retrying")
    since = tray.tooltip
    tray.update_account(st("a@x.test", OFF, "still down"))
    assert tray.tooltip == since  # the time it went offline, not the latest retry
    tray.update_account(st("a@x.test", E, "Wrong user name or password"))
    assert tray.tooltip == "Replytrail — Wrong user name or password"
    tray.set_states([st("a@x.test", W), st("b@x.test", E, "Host not found")])
    assert tray.tooltip == "Replytrail — b@x.test: Host not found"
    assert tray.status_action.text() == "b@x.test: Host not found"
    tray.set_paused(True)
    assert tray.state is P
    assert tray.tooltip == "Replytrail — paused"
    assert tray.status_action.text() == "Paused"


def test_menu_actions_emit_the_wishes(qtbot: QtBot) -> None:
    tray = TrayIcon()
    texts = [a.text() for a in tray.menu.actions() if not a.isSeparator() and a.isVisible()][1:]
    assert texts == [
        "Open timeline",
        "Compose…",
        "Pause watching",
        "Accounts…",
        "Settings…",
        "Quit",
    ]
    for action, signal in [
        (tray.open_action, tray.openTimelineRequested),
        (tray.compose_action, tray.composeRequested),
        (tray.accounts_action, tray.accountsRequested),
        (tray.settings_action, tray.settingsRequested),
        (tray.quit_action, tray.quitRequested),
    ]:
        with qtbot.waitSignal(signal, timeout=1000):
            action.trigger()
    with qtbot.waitSignal(tray.pauseRequested, timeout=1000) as blocker:
        tray.pause_action.trigger()
    assert blocker.args == [True]
    tray.set_paused(True)
    assert tray.pause_action.text() == "Resume watching"
    with qtbot.waitSignal(tray.pauseRequested, timeout=1000) as blocker:
        tray.pause_action.trigger()
    assert blocker.args == [False]


@pytest.mark.servers  # the app's keyring: a real Secret Service
def test_tray_menu_drives_the_app(tray_app: TrayApp, qtbot: QtBot) -> None:
    tray_app.start()
    tray = tray_app.tray
    tray.settings_action.trigger()
    dialog = tray_app._settings_dialog
    assert isinstance(dialog, SettingsDialog)
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == 1
    tray.accounts_action.trigger()
    assert tray_app._settings_dialog is dialog
    assert dialog.tabs.currentIndex() == 0
    tray.open_action.trigger()
    assert tray_app._timeline is not None
    assert tray_app._timeline.isVisible()
    # a compose window needs an account (the engine, started before, does not watch it)
    tray_app.accounts.save(Account(email="alice@example.test", imap_host="127.0.0.1"))
    tray.compose_action.trigger()
    qtbot.waitUntil(lambda: len(tray_app.compose_windows) == 1)
    (compose,) = tray_app.compose_windows
    assert isinstance(compose, ComposeDialog) and compose.isVisible()
    compose.close()

    def paused() -> bool:  # a call: mypy keeps no narrowing across the triggers
        return tray_app.engine.paused

    tray.pause_action.trigger()
    assert paused()
    assert tray.state is WatchState.PAUSED
    assert tray.pause_action.text() == "Resume watching"
    tray.pause_action.trigger()
    assert not paused()
    tray.quit_action.trigger()
    assert tray_app.quits == [1]  # type: ignore[attr-defined]  # the tray_app fixture adds it


@pytest.mark.servers  # the app's keyring: a real Secret Service
def test_no_timer_wakes_the_idle_app_more_than_once_a_minute(
    tray_app: TrayApp, qtbot: QtBot
) -> None:
    tray_app.start()
    qtbot.wait(300)
    busy = [t for t in tray_app.findChildren(QTimer) if t.isActive() and t.interval() < 60_000]
    assert busy == []
    # the only short timer is the start-up probe for the icon's geometry: bounded, then done
    assert GEOMETRY_PROBES * GEOMETRY_PROBE_MS <= 5_000


@pytest.mark.servers  # the app's keyring: a real Secret Service
def test_bounces_are_shown_in_the_menu_not_notified(tray_app: TrayApp, qtbot: QtBot) -> None:
    from datetime import UTC, datetime

    from replytrail.core.events import EmailLogged
    from replytrail.core.models import Address, Direction, Kind, LoggedEmail, MatchReason

    def event(kind: Kind, n: int) -> EmailLogged:
        e = LoggedEmail(
            message_id=f"<b{n}@mx.example>",
            thread_id="t1",
            direction=Direction.IN,
            date=datetime.now(UTC),
            sender=Address("mailer-daemon@mx.example"),
            to=[Address("alice@example.test")],
            cc=[],
            subject="Undelivered Mail Returned to Sender",
            kind=kind,
            match=MatchReason.IN_REPLY_TO,
            account="alice@example.test",
        )
        return EmailLogged(email=e, contact="bob@example.test")

    shown: list[str] = []
    tray_app.notifier.shown.connect(lambda summary, _way: shown.append(summary))
    assert not tray_app.bounce_action.isVisible()
    tray_app.engine.emailLogged.emit(event(Kind.BOUNCE, 1))
    tray_app.engine.emailLogged.emit(event(Kind.AUTO_REPLY, 2))
    assert tray_app.bounce_action.isVisible()
    assert tray_app.bounce_action.text() == "1 email could not be delivered"
    assert tray_app.bounce_action in tray_app.tray.menu.actions()
    tray_app.engine.emailLogged.emit(event(Kind.BOUNCE, 3))
    assert tray_app.bounce_action.text() == "2 emails could not be delivered"
    assert shown == []  # neither bounces nor auto-replies notify


@pytest.mark.servers  # the app's keyring: a real Secret Service
def test_demo_says_it_cannot_send_instead_of_opening_the_wizard(
    tray_app: TrayApp, qtbot: QtBot
) -> None:
    tray_app.demo = True
    wizards: list[object] = []

    def add_account(parent: QWidget | None) -> bool:
        wizards.append(parent)
        return False

    tray_app.add_account = add_account  # type: ignore[method-assign]  # a stand-in wizard
    timeline = tray_app.open_timeline()
    wishes: list[Callable[[], object]] = [
        lambda: tray_app.tray.compose_action.trigger(),
        lambda: timeline.replyRequested.emit("<x@y>"),
    ]
    for wish in wishes:
        wish()
        box = tray_app.demo_notice
        assert box is not None and box.isVisible()
        assert box.text() == "The demo cannot send emails."
        assert "without --demo" in box.informativeText()
        box.close()
        qtbot.waitUntil(lambda: tray_app.demo_notice is None)
    assert wizards == [] and tray_app._compose == []


@pytest.mark.servers  # a real Dovecot account, the app's keyring a real Secret Service
def test_pause_and_resume_never_flash_the_error_icon(
    tray_app: TrayApp,
    qtbot: QtBot,
    dovecot: Dovecot,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Seen in the running app: pausing and resuming showed "something went wrong" for a
    moment — the stopping watchers reported "stopped", and the new ones started as
    "stopped", which the tray drew as an error."""
    Cli(tmp_path / "data").add_dovecot_account(dovecot)
    caplog.set_level(logging.INFO, logger="replytrail.ui.tray")
    tray_app.start()
    tray = tray_app.tray
    qtbot.waitUntil(lambda: tray.state is WatchState.WATCHING, timeout=30_000)
    for _ in range(2):
        tray.pause_action.trigger()
        qtbot.waitUntil(lambda: tray.state is WatchState.PAUSED)
        qtbot.wait(500)  # the stopped watchers' last events are in
        resumed_at = len(caplog.records)
        tray.pause_action.trigger()
        qtbot.waitUntil(lambda: tray.state is WatchState.WATCHING, timeout=30_000)
        after = [r.getMessage() for r in caplog.records[resumed_at:]]
        assert not [s for s in after if s.startswith("tray state paused")], after
    shown = [r.getMessage() for r in caplog.records if r.getMessage().startswith("tray state")]
    assert shown and not [s for s in shown if "error" in s or "went wrong" in s], shown


def test_a_watcher_not_started_yet_is_starting_not_an_error(qtbot: QtBot) -> None:
    tray = TrayIcon()

    def state() -> WatchState:  # a call: mypy keeps no narrowing across the updates
        return tray.state

    tray.set_states([AccountState("a@x.test", WatchState.STOPPED)])  # just added / resumed
    assert state() is WatchState.CATCHING_UP
    tray.update_account(AccountState("a@x.test", WatchState.STOPPED, "Wrong password"))
    assert state() is WatchState.ERROR and tray.tooltip == "Replytrail — Wrong password"

"""The tray's follow-up line and due reminders as notifications (real store, real D-Bus)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from factories import record
from qtstore import store_executor
from replytrail.app.followups import FollowUpService
from replytrail.app.i18n import install_translators
from replytrail.core.store.followups import FollowUps
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.ui.tray.followups import FollowUpMenu
from replytrail.ui.tray.notify import Notifier
from replytrail.ui.tray.tray import TrayIcon
from servers.notifications import NotificationBus

pytestmark = pytest.mark.gui


def add(store: SQLiteStore, n: int, thread: str, direction: str, ago: float) -> str:
    rec = record(n, thread, direction=direction, contact=f"kunde{thread}@firma.example")
    rec.email.date = datetime.now(UTC) - timedelta(days=ago)
    store.record(rec)
    return rec.email.message_id


@pytest.fixture
def bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[NotificationBus]:
    b = NotificationBus(tmp_path).start()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", b.address)
    yield b
    b.stop()


@pytest.fixture
def parts(
    qtbot: QtBot, tmp_path: Path, bus: NotificationBus
) -> Iterator[tuple[FollowUpService, TrayIcon, Path]]:
    install_translators("en")
    path = tmp_path / "store.sqlite3"
    tray = TrayIcon()
    notifier = Notifier(tray.icon, lambda: True)
    menu = FollowUpMenu(tray.menu, tray.compose_action)
    with store_executor(path) as executor:
        service = FollowUpService(executor, lambda: 3, menu, notifier)
        yield service, tray, path
        service.stop()
    notifier.close()


def test_count_in_the_tray_menu_and_a_due_reminder_notified_once(
    qtbot: QtBot, parts: tuple[FollowUpService, TrayIcon, Path], bus: NotificationBus
) -> None:
    service, tray, path = parts
    store = SQLiteStore(path)
    due = add(store, 1, "a", "out", 10)
    add(store, 2, "b", "out", 12)
    answered = add(store, 3, "c", "out", 9)
    followups = FollowUps(store)
    followups.remind(due, datetime.now(UTC) - timedelta(minutes=1))
    followups.remind(answered, datetime.now(UTC) - timedelta(minutes=1))
    add(store, 4, "c", "in", 8)  # the customer answered first: no reminder for that one
    action = service.menu.action
    assert action in tray.menu.actions() and not action.isVisible()
    service.start()
    qtbot.waitUntil(lambda: action.isVisible())
    assert action.text() == "2 emails awaiting reply"
    qtbot.waitUntil(lambda: len(bus.calls()) == 1)
    (call,) = bus.calls()
    assert call["summary"] == "No reply from Kunde yet" and call["body"] == "Angebot Fräsmaschine"
    qtbot.waitUntil(lambda: followups.due() == [])  # marked as shown in the store
    checked = service.checks
    service.check()
    qtbot.waitUntil(lambda: service.checks > checked)
    assert len(bus.calls()) == 1
    with qtbot.waitSignal(service.openAwaiting):
        action.trigger()
    store.close()

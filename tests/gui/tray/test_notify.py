"""Notifications for logged replies: a real D-Bus round trip, and the tray fallback."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from replytrail.core.events import EmailLogged
from replytrail.core.models import Address, Direction, Kind, LoggedEmail, MatchReason
from replytrail.ui.tray.notify import Notifier
from servers.notifications import NotificationBus

pytestmark = pytest.mark.gui

BODY = "The secret price is 12,345 EUR"


def logged(
    kind: Kind = Kind.EMAIL,
    direction: Direction = Direction.IN,
    subject: str = "Re: Offer <v2> & terms",
) -> EmailLogged:
    email = LoggedEmail(
        message_id="<reply-1@customer.test>",
        thread_id="t1",
        direction=direction,
        date=datetime(2026, 11, 27, 10, 42, tzinfo=UTC),
        sender=Address("jane@customer.test", "Jane Roe"),
        to=[Address("me@example.test")],
        cc=[],
        subject=subject,
        kind=kind,
        match=MatchReason.IN_REPLY_TO,
        account="me@example.test",
        body_text=BODY,
    )
    return EmailLogged(email=email, contact="jane@customer.test")


@pytest.fixture
def bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[NotificationBus]:
    b = NotificationBus(tmp_path).start()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", b.address)
    yield b
    b.stop()


STARTED = datetime(2026, 11, 1, tzinfo=UTC)  # the app started before the replies in here


@pytest.fixture
def notifier(qtbot: QtBot) -> Iterator[Notifier]:
    n = Notifier(QSystemTrayIcon(), lambda: True, started=STARTED)
    yield n
    n.close()


def test_reply_notified_over_dbus_and_click_opens_it(
    bus: NotificationBus, notifier: Notifier, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(notifier.openEmail, timeout=5000) as opened:
        notifier.email_logged(logged())
    assert opened.args == ["<reply-1@customer.test>"]
    (call,) = bus.calls()
    assert call["summary"] == "Jane Roe replied: Re: Offer <v2> & terms"  # plain text
    assert call["body"] == ""
    # the service supports actions (GetCapabilities): Open and Reply buttons
    assert call["actions"] == ["default", "Open", "open", "Open", "reply", "Reply"]
    assert call["app"] == "Replytrail"
    assert str(call["icon"]).endswith("replytrail.svg")
    assert BODY not in str(call)


@pytest.mark.parametrize(
    "event",
    [logged(kind=Kind.AUTO_REPLY), logged(kind=Kind.BOUNCE), logged(direction=Direction.OUT)],
)
def test_only_human_replies_are_notified(
    bus: NotificationBus, notifier: Notifier, event: EmailLogged, qtbot: QtBot
) -> None:
    notifier.email_logged(event)
    notifier.email_logged(logged())  # D-Bus keeps the order: once this one is in, all are
    qtbot.waitUntil(lambda: len(bus.calls()) >= 1, timeout=5000)
    assert [c["summary"] for c in bus.calls()] == ["Jane Roe replied: Re: Offer <v2> & terms"]


def test_notifications_switched_off(bus: NotificationBus, qtbot: QtBot) -> None:
    enabled = [False]
    n = Notifier(QSystemTrayIcon(), lambda: enabled[0], started=STARTED)
    n.email_logged(logged(subject="while off"))
    enabled[0] = True
    n.email_logged(logged(subject="while on"))
    qtbot.waitUntil(lambda: len(bus.calls()) >= 1, timeout=5000)
    n.close()
    assert [c["summary"] for c in bus.calls()] == ["Jane Roe replied: while on"]


def test_tray_balloon_when_no_notification_service(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    b = NotificationBus(tmp_path, service=False).start()  # a bus, but nobody serves Notify
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", b.address)
    tray = QSystemTrayIcon()
    n = Notifier(tray, lambda: True, started=STARTED)
    try:
        with qtbot.waitSignal(
            n.shown,
            timeout=5000,
            check_params_cb=lambda _s, way: way == "tray",
        ) as shown:
            n.email_logged(logged())
        assert shown.args == ["Jane Roe replied: Re: Offer <v2> & terms", "tray"]
        with qtbot.waitSignal(n.openEmail, timeout=1000) as opened:
            tray.messageClicked.emit()
        assert opened.args == ["<reply-1@customer.test>"]
    finally:
        n.close()
        b.stop()


def test_no_session_bus_uses_the_tray(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    n = Notifier(QSystemTrayIcon(), lambda: True, started=STARTED)
    with qtbot.waitSignal(n.shown, timeout=1000) as shown:
        n.email_logged(logged(subject=""))
    assert shown.args == ["Jane Roe replied: (no subject)", "tray"]
    n.close()


def test_catch_up_is_one_summary_notification(bus: NotificationBus, qtbot: QtBot) -> None:
    n = Notifier(QSystemTrayIcon(), lambda: True)  # started now: every reply here is older
    try:
        with qtbot.waitSignal(n.openTimeline, timeout=10_000):
            for i in range(12):
                n.email_logged(logged(subject=f"old {i}"))
            n.email_logged(logged(kind=Kind.AUTO_REPLY))  # never counted
        (call,) = bus.calls()
        assert call["summary"] == "12 replies logged while you were away"
        assert BODY not in str(call)
    finally:
        n.close()


def test_reply_action_asks_for_a_reply(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    b = NotificationBus(tmp_path, click_action="reply").start()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", b.address)
    n = Notifier(QSystemTrayIcon(), lambda: True, started=STARTED)
    try:
        with qtbot.waitSignal(n.replyEmail, timeout=5000) as asked:
            n.email_logged(logged())
        assert asked.args == ["<reply-1@customer.test>"]
    finally:
        n.close()
        b.stop()

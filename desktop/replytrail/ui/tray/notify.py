"""'Emma Fischer replied: Angebot' notifications: freedesktop D-Bus when there is a server,
else the tray balloon.

Only the sender's name and the subject are ever shown, never a body (SPEC §3). A click on
the notification (the "default" action, or the tray balloon) opens that email in the
timeline; where the server supports actions there are Open and Reply buttons. Replies older
than the app's start (a catch-up, an import) are summed up in one notification.

D-Bus is spoken with jeepney (pure Python; QtDBus cannot marshal ``Notify``'s
``u``/``as`` arguments from Python): one connection, one receiver thread that blocks until
a message arrives (no polling), interrupted on close.
"""

from __future__ import annotations

import html
import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QSystemTrayIcon

from replytrail.core.events import EmailLogged
from replytrail.ui.common.icons import icon_path

__all__ = ["DBusNotifications", "Notifier"]

log = logging.getLogger("replytrail.ui.notify")

BUS_NAME = "org.freedesktop.Notifications"
OBJECT_PATH = "/org/freedesktop/Notifications"
TRAY_MESSAGE_MS = 10_000


class DBusNotifications:
    """A client of ``org.freedesktop.Notifications`` (no Qt): Notify, ActionInvoked, closed.

    ``on_action("action\nkey")`` and ``on_failed(key)`` are called on the receiver thread
    with the key given to :meth:`notify` (a Message-ID here, or "" for a summary).
    """

    def __init__(
        self, app_name: str, on_action: Callable[[str], None], on_failed: Callable[[str], None]
    ) -> None:
        self.app_name = app_name
        self._on_action, self._on_failed = on_action, on_failed
        self._conn: Any = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._pending: dict[int, str] = {}  # Notify call serial -> key
        self._shown: dict[int, str] = {}  # notification id -> key
        self.broken = False
        self.actions = False  # the server shows action buttons

    def open(self) -> bool:
        """Connect to the session bus; False when there is none (or jeepney is missing)."""
        try:
            # jeepney ships no type information
            from jeepney import (  # type: ignore[import-untyped]
                DBusAddress,
                MatchRule,
                message_bus,
                new_method_call,
            )
            from jeepney.io.threading import (  # type: ignore[import-untyped]
                open_dbus_connection,
            )
        except ImportError:  # jeepney comes with keyring on Linux only
            return False
        try:
            conn = open_dbus_connection(bus="SESSION", auth_timeout=1.0)
        except (KeyError, OSError, ValueError) as e:  # no DBUS_SESSION_BUS_ADDRESS / bus gone
            log.info("no session bus for notifications: %s", type(e).__name__)
            return False
        self._conn = conn
        self._address = DBusAddress(OBJECT_PATH, bus_name=BUS_NAME, interface=BUS_NAME)
        self._new_call = new_method_call
        self.actions = self._has_actions(conn)
        for member in ("ActionInvoked", "NotificationClosed"):
            rule = MatchRule(type="signal", interface=BUS_NAME, member=member, path=OBJECT_PATH)
            conn.send(message_bus.AddMatch(rule))
        self._thread = threading.Thread(target=self._receive, name="replytrail-notify", daemon=True)
        self._thread.start()
        return True

    def _has_actions(self, conn: Any) -> bool:
        """GetCapabilities, before the receiver thread runs (the one call waited for)."""
        from jeepney import HeaderFields

        serial = next(conn.outgoing_serial)
        try:
            conn.send(self._new_call(self._address, "GetCapabilities"), serial=serial)
            for _ in range(20):  # skip the AddMatch replies and anything else first
                msg = conn.receive(timeout=2.0)
                if msg.header.fields.get(HeaderFields.reply_serial) == serial:
                    return "actions" in list(msg.body[0] if msg.body else [])
        except (OSError, TimeoutError, ValueError, IndexError, TypeError) as e:
            log.info("notification server capabilities unknown: %s", type(e).__name__)
        return False

    def notify(self, key: str, summary: str, body: str, actions: list[str], icon: str = "") -> None:
        """Send ``Notify``; its reply (the id) or an error arrives on the receiver thread.

        *actions*: ``[key, label, ...]`` pairs ("default" is a click on the bubble)."""
        conn = self._conn
        if conn is None or self.broken:
            self._on_failed(key)
            return
        msg = self._new_call(
            self._address,
            "Notify",
            "susssasa{sv}i",
            (
                self.app_name,
                0,
                icon,
                summary,
                html.escape(body, quote=False),
                actions,
                {"desktop-entry": ("s", "replytrail"), "category": ("s", "email.arrived")},
                -1,
            ),
        )
        with self._lock:
            serial = next(conn.outgoing_serial)
            self._pending[serial] = key
        try:
            conn.send(msg, serial=serial)
        except OSError:
            self.broken = True
            with self._lock:
                self._pending.pop(serial, None)
            self._on_failed(key)

    def _receive(self) -> None:
        from jeepney import HeaderFields, MessageType
        from jeepney.io.threading import ReceiveStopped

        conn = self._conn
        while True:
            try:
                msg = conn.receive()
            except ReceiveStopped:
                return
            except (OSError, ValueError) as e:
                log.info("notification bus connection lost: %s", type(e).__name__)
                self.broken = True
                return
            kind = msg.header.message_type
            fields = msg.header.fields
            if kind in (MessageType.method_return, MessageType.error):
                with self._lock:
                    key = self._pending.pop(fields.get(HeaderFields.reply_serial, -1), None)
                    if key is not None and kind is MessageType.method_return:
                        self._shown[int(msg.body[0])] = key
                if key is not None and kind is MessageType.error:
                    log.info("notification server refused: %s", fields.get(HeaderFields.error_name))
                    self._on_failed(key)
            elif kind is MessageType.signal and fields.get(HeaderFields.interface) == BUS_NAME:
                member = fields.get(HeaderFields.member)
                if member == "ActionInvoked":
                    nid, action = int(msg.body[0]), str(msg.body[1])
                    with self._lock:
                        key = self._shown.get(nid)
                    if key is not None:
                        self._on_action(f"{action}\n{key}")
                elif member == "NotificationClosed":
                    with self._lock:
                        self._shown.pop(int(msg.body[0]), None)

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        conn.interrupt()
        if self._thread is not None:
            self._thread.join(2)
        conn.close()


class Notifier(QObject):
    """Notifies human replies (never auto-replies, bounces or own mail), and reports clicks.

    Replies dated before *started* (the app's start) were found by a catch-up or an import:
    they are counted, and :attr:`SUMMARY_DELAY_MS` after the last of them one notification
    says how many ("12 replies logged while you were away").

    Signals:
        openEmail(str): the user clicked the notification (or its Open) of this Message-ID.
        replyEmail(str): the user chose Reply on the notification of this Message-ID.
        openTimeline(): the user clicked the summary notification.
        shown(str, str): a notification was handed out (summary, way: "dbus" or "tray").
    """

    openEmail = Signal(str)  # noqa: N815 - Qt signal naming
    replyEmail = Signal(str)  # noqa: N815 - Qt signal naming
    openTimeline = Signal()  # noqa: N815 - Qt signal naming
    shown = Signal(str, str)
    _action = Signal(str)  # from the D-Bus receiver thread
    _failed = Signal(str)

    SUMMARY_DELAY_MS = 2000

    def __init__(
        self,
        tray: QSystemTrayIcon,
        enabled: Callable[[], bool],
        use_dbus: bool = True,
        parent: QObject | None = None,
        *,
        started: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self._tray = tray
        self._enabled = enabled
        self._use_dbus = use_dbus
        self._started = started or datetime.now(UTC)
        self._dbus: DBusNotifications | None = None
        self._texts: dict[str, tuple[str, str]] = {}  # message id -> (summary, body) for fallback
        self._last_tray_key = ""
        self._missed = 0  # replies from before the start, not yet summed up
        self._summary_timer = QTimer(self)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(self.SUMMARY_DELAY_MS)
        self._summary_timer.timeout.connect(self._summarise)
        self._action.connect(self._on_action)
        self._failed.connect(self._fall_back)
        tray.messageClicked.connect(self._tray_clicked)

    def _bus(self) -> DBusNotifications | None:
        if not self._use_dbus:
            return None
        if self._dbus is None:
            d = DBusNotifications("Replytrail", self._action.emit, self._failed.emit)
            if not d.open():
                self._use_dbus = False
                return None
            self._dbus = d
        return None if self._dbus.broken else self._dbus

    @Slot(object)
    def email_logged(self, event: EmailLogged) -> None:
        """Notify about a logged email when it is a human reply and notifications are on."""
        if not event.notify or not self._enabled():
            return
        if event.email.date < self._started:  # found by a catch-up or an import
            self._missed += 1
            self._summary_timer.start()
            return
        sender = event.email.sender
        summary = (
            self.tr("%1 replied: %2")
            .replace("%1", sender.name or sender.email)
            .replace("%2", event.email.subject or self.tr("(no subject)"))
        )
        self.show_message(event.email.message_id, summary, "")

    def _summarise(self) -> None:
        n, self._missed = self._missed, 0
        if n and self._enabled():
            text = (
                self.tr("1 reply logged while you were away")
                if n == 1
                else self.tr("%1 replies logged while you were away").replace("%1", str(n))
            )
            self.show_message("", text, "")

    def show_message(self, key: str, summary: str, body: str) -> None:
        self._texts = {**dict(list(self._texts.items())[-50:]), key: (summary, body)}
        bus = self._bus()
        if bus is not None:
            actions = ["default", self.tr("Open")]
            if bus.actions and key:
                actions += ["open", self.tr("Open"), "reply", self.tr("Reply")]
            bus.notify(key, summary, body, actions, str(icon_path("replytrail")))
            log.info("notification sent over D-Bus: %s", "summary" if not key else "reply")
            self.shown.emit(summary, "dbus")
        else:
            self._tray_message(key, summary, body)

    def _tray_message(self, key: str, summary: str, body: str) -> None:
        self._last_tray_key = key
        self._tray.showMessage(
            summary, body, QSystemTrayIcon.MessageIcon.Information, TRAY_MESSAGE_MS
        )
        log.info("notification shown by the tray")
        self.shown.emit(summary, "tray")

    @Slot(str)
    def _on_action(self, action_key: str) -> None:
        action, _, key = action_key.partition("\n")
        if not key:
            self.openTimeline.emit()
        elif action == "reply":
            self.replyEmail.emit(key)
        else:
            self.openEmail.emit(key)

    @Slot(str)
    def _fall_back(self, key: str) -> None:
        summary, body = self._texts.get(key, ("", ""))
        if summary:
            self._tray_message(key, summary, body)

    @Slot()
    def _tray_clicked(self) -> None:
        self._on_action("default\n" + self._last_tray_key)

    def close(self) -> None:
        self._summary_timer.stop()
        if self._dbus is not None:
            self._dbus.close()
            self._dbus = None

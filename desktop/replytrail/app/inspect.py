"""A test-only inspection socket: end-to-end tests read and drive the running app's widgets.

Off unless ``REPLYTRAIL_INSPECT`` names a socket path, and never in a frozen (packaged)
build: app/application.py does not even import this module then. One JSON request per
line, one JSON answer per line. Requests (``window`` is a top-level widget's class name,
``path`` a dotted attribute path from it, e.g. ``email_page.email_edit``):

- ``{"op": "windows"}``: the visible top-level windows (class, title, minimised, size).
- ``{"op": "get", "window", "path", "args"?}``: a value (called, with *args*, when callable),
  as JSON or text.
- ``{"op": "set_text", "window", "path", "text"}``: type into a line or text edit.
- ``{"op": "click", "window", "path"}``: click a button (or ``wizard:Next``/``Finish``);
  queued, so a modal dialog it opens does not hold the answer back.
- ``{"op": "tray", "action"}``: trigger a tray menu entry (``compose_action`` …).
- ``{"op": "timeline"}``: what the timeline window shows (contacts, rows, notice).
- ``{"op": "show_contact", "email"}``: select that contact in the timeline window.
- ``{"op": "shot", "window", "file"}``: save a PNG of the window as painted.
- ``{"op": "tray_menu", "file"?}``: the tray menu's visible entries (and a PNG of the menu).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
    QWizard,
)

__all__ = ["ENV", "Inspector"]

log = logging.getLogger("replytrail.app.inspect")
ENV = "REPLYTRAIL_INSPECT"


class Inspector(QObject):
    """Serves the requests above on a local socket; *app* is the TrayApp."""

    def __init__(self, path: str, app: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._server = QLocalServer(self)
        QLocalServer.removeServer(path)
        if not self._server.listen(path):
            log.warning("inspection socket not available: %s", self._server.errorString())
            return
        self._server.newConnection.connect(self._accept)
        log.warning("TEST BUILD: inspection socket listening (%s)", ENV)
        self._ops: dict[str, Callable[[dict[str, Any]], object]] = {
            "windows": self._windows,
            "get": self._get,
            "set_text": self._set_text,
            "click": self._click,
            "tray": self._tray,
            "timeline": self._timeline,
            "shot": self._shot,
            "tray_menu": self._tray_menu,
            "show_contact": lambda r: self._app.open_timeline().show_contact(r["email"]),
        }

    @Slot()
    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            # a slot that asks for its sender, no lambda holding the socket: a cycle through
            # a Qt object that Qt deletes (deleteLater) can crash the garbage collector later
            sock.readyRead.connect(self._ready)
            sock.disconnected.connect(sock.deleteLater)

    @Slot()
    def _ready(self) -> None:
        sock = self.sender()
        if isinstance(sock, QLocalSocket):
            self._read(sock)

    def _read(self, sock: QLocalSocket) -> None:
        while sock.canReadLine():
            line = bytes(sock.readLine().data()).decode("utf-8")
            try:
                req = json.loads(line)
                result: object = {"ok": True, "value": self._ops[req["op"]](req)}
            except Exception as e:
                result = {"ok": False, "error": f"{type(e).__name__}: {e}"}
            sock.write((json.dumps(result, default=str) + "\n").encode("utf-8"))
            sock.flush()

    # ------------------------------------------------------------------ lookups
    @staticmethod
    def _window(name: str) -> QWidget:
        for w in QApplication.topLevelWidgets():
            if type(w).__name__ == name and w.isVisible():
                return w
        raise LookupError(f"no visible {name}")

    def _resolve(self, req: dict[str, Any]) -> object:
        obj: object = self._window(req["window"])
        for part in filter(None, str(req.get("path", "")).split(".")):
            obj = getattr(obj, part)
        return obj

    # ------------------------------------------------------------------ operations
    def _windows(self, _req: dict[str, Any]) -> list[dict[str, object]]:
        return [
            {
                "class": type(w).__name__,
                "name": w.objectName(),
                "title": w.windowTitle(),
                "minimized": w.isMinimized(),
                "active": w.isActiveWindow(),
                "size": [w.width(), w.height()],
            }
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w.isWindow() and w.width() > 50
        ]

    def _get(self, req: dict[str, Any]) -> object:
        value = self._resolve(req)
        if callable(value):
            value = value(*req.get("args", []))
        if isinstance(value, QLabel | QAbstractButton | QLineEdit):
            return value.text()
        if isinstance(value, QPlainTextEdit | QTextEdit):
            return value.toPlainText()
        return value if isinstance(value, str | int | float | bool | None) else str(value)

    def _set_text(self, req: dict[str, Any]) -> None:
        edit = self._resolve(req)
        if isinstance(edit, QLineEdit):
            edit.setText(req["text"])
        elif isinstance(edit, QPlainTextEdit | QTextEdit):
            edit.setPlainText(req["text"])
        else:
            raise TypeError(f"not a text field: {type(edit).__name__}")

    def _click(self, req: dict[str, Any]) -> None:
        path = str(req.get("path", ""))
        button: object
        if path.startswith("wizard:"):
            wizard = self._window(req["window"])
            assert isinstance(wizard, QWizard)
            which = getattr(QWizard.WizardButton, path.removeprefix("wizard:") + "Button")
            button = wizard.button(which)
        else:
            button = self._resolve(req)
        if not isinstance(button, QAbstractButton):
            raise TypeError(f"not a button: {type(button).__name__}")
        if not (button.isVisible() and button.isEnabled()):
            raise RuntimeError(f"{path} is not clickable now")
        QTimer.singleShot(0, button.click)

    def _tray(self, req: dict[str, Any]) -> None:
        action = getattr(self._app.tray, req["action"])
        QTimer.singleShot(0, action.trigger)

    def _timeline(self, _req: dict[str, Any]) -> dict[str, object]:
        w = self._app._timeline
        if w is None:
            return {"open": False}
        model = w.timeline_model
        rows = [model.email_at(i) for i in range(model.rowCount())]
        return {
            "open": w.isVisible(),
            "minimized": w.isMinimized(),
            "notice": w.notice.text() if w.notice.isVisible() else "",
            "contacts": [
                c.email
                for c in (w.contact_model.contact_at(i) for i in range(w.contact_model.rowCount()))
                if c is not None
            ],
            "contact": model.contact,
            "rows": [
                {
                    "message_id": e.message_id,
                    "subject": e.subject,
                    "direction": e.direction.value,
                    "kind": e.kind.value,
                    "status": e.status,
                    "thread": e.thread_id,
                }
                for e in rows
                if e is not None
            ],
            "tray_bounces": self._app.bounce_action.text()
            if self._app.bounce_action.isVisible()
            else "",
        }

    def _tray_menu(self, req: dict[str, Any]) -> list[str]:
        menu = self._app.tray.menu
        if req.get("file") and not menu.grab().save(req["file"]):
            raise OSError(f"cannot write {req['file']}")
        return [a.text() for a in menu.actions() if a.isVisible() and not a.isSeparator()]

    def _shot(self, req: dict[str, Any]) -> str:
        w = self._window(req["window"])
        if not w.grab().save(req["file"]):
            raise OSError(f"cannot write {req['file']}")
        return str(req["file"])

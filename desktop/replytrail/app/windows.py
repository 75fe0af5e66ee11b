"""Small pieces of the composition root: bringing windows forward, tray states, bounces."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from replytrail.core.events import EmailLogged
from replytrail.core.models import Kind

__all__ = ["BounceLine", "bring_forward", "start_inspection"]


def bring_forward(w: QWidget) -> None:
    """Show *w*, also when it was hidden or minimised, on top and with the focus."""
    if w.isMinimized():
        w.showNormal()
    else:
        w.show()
    w.raise_()
    w.activateWindow()


class BounceLine(QObject):
    """The tray menu's "1 email could not be delivered" (bounces are never notified); a click
    opens the newest bounce. No signals: *open_email* is called."""

    def __init__(self, open_email: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_email = open_email
        self._bounces: list[str] = []  # Message-IDs of bounces logged since the start
        self.action = QAction()
        self.action.setVisible(False)
        self.action.triggered.connect(self._open)

    @Slot(object)
    def email_logged(self, event: EmailLogged) -> None:
        if event.email.kind is Kind.BOUNCE:
            self._bounces.append(event.email.message_id)
            self.action.setText(
                self.tr("%n email(s) could not be delivered", "", len(self._bounces))
            )
            self.action.setVisible(True)

    def _open(self) -> None:
        if self._bounces:
            self._open_email(self._bounces[-1])
        self._bounces.clear()
        self.action.setVisible(False)


def start_inspection(tray_app: QObject) -> None:
    """The end-to-end tests' inspection socket: only with REPLYTRAIL_INSPECT set, never in a
    frozen (packaged) build; app/inspect.py is not even imported otherwise."""
    path = os.environ.get("REPLYTRAIL_INSPECT", "")
    if path and not getattr(sys, "frozen", False):
        from replytrail.app.inspect import Inspector

        Inspector(path, tray_app, parent=tray_app)

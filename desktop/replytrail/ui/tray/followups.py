"""The tray menu's follow-up line: "3 emails awaiting reply" (hidden when none)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

__all__ = ["FollowUpMenu"]


class FollowUpMenu(QObject):
    """Signals: clicked(): the user wants to see the awaiting-reply view."""

    clicked = Signal()

    def __init__(self, menu: QMenu, before: QAction | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.count = 0
        self.action = QAction(menu)
        self.action.setObjectName("awaitingAction")
        self.action.triggered.connect(self.clicked)
        if before is not None:
            menu.insertAction(before, self.action)
        else:
            menu.addAction(self.action)
        self.set_count(0)

    def set_count(self, n: int) -> None:
        self.count = n
        self.action.setVisible(n > 0)
        self.action.setText(
            self.tr("1 email awaiting reply")
            if n == 1
            else self.tr("{n} emails awaiting reply").format(n=n)
        )

"""Widgets that keep things out of the way: a label that elides with "…", a fold, and a
window that grows until a page's wrapped texts show whole."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

__all__ = ["ElidedLabel", "Fold", "grow_to_fit"]


class ElidedLabel(QLabel):
    """One line of plain text that ends in "…" when the label is too narrow (never cut
    mid-letter); the full text is the tooltip then. ``displayed_text()`` is what is painted."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._elide = Qt.TextElideMode.ElideRight
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        self._full = text
        super().setText(text)
        self._update_tip()

    def text(self) -> str:
        return self._full

    def displayed_text(self) -> str:
        width = self.contentsRect().width()
        return self.fontMetrics().elidedText(self._full, self._elide, max(width, 0))

    def _update_tip(self) -> None:
        self.setToolTip(self._full if self.displayed_text() != self._full else "")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._update_tip()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setPen(self.palette().color(self.foregroundRole()))
        p.setFont(self.font())
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        p.drawText(self.contentsRect(), align, self.displayed_text())
        p.end()


class Fold(QWidget):
    """A "▸ title" button that shows or hides the widget below it (closed at first)."""

    def __init__(self, title: str, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button = QToolButton(self)
        self.button.setCheckable(True)
        self.button.setAutoRaise(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setArrowType(Qt.ArrowType.RightArrow)
        self.button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.button.setText(title)
        self.content = content
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(content)
        content.setParent(self)
        content.hide()
        self.button.toggled.connect(self.set_open)

    @property
    def is_open(self) -> bool:
        return self.button.isChecked()

    def set_open(self, shown: bool) -> None:
        self.content.setVisible(shown)
        self.button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        if self.button.isChecked() != shown:
            self.button.setChecked(shown)


def grow_to_fit(window: QWidget, page: QWidget) -> None:
    """Make *window* tall enough that *page* (a tab) shows its word-wrapped texts whole at
    its current width: Qt gives a tab no height-for-width, so a long German hint would be
    cut off. Never taller than the screen; never shrinks what the user made bigger."""
    lay = page.layout()
    if lay is None or not window.isVisible():
        return
    lay.activate()
    width = page.width()
    need = (
        lay.totalHeightForWidth(width) if lay.hasHeightForWidth() else lay.totalSizeHint().height()
    )
    short = need - page.height()
    if short <= 0:
        return
    height = window.height() + short
    screen = window.screen()
    if screen is not None:
        height = min(height, screen.availableGeometry().height() - 60)
    if height > window.height():
        window.resize(window.width(), height)

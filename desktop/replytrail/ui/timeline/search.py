"""The full-text search bar over all logged emails: words, since/until dates, direction."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from replytrail.core.models import Direction
from replytrail.core.store.base import SearchFilter
from replytrail.ui.common.widgets import date_edit_format

__all__ = ["SearchBar"]


def _start_of(day: QDate) -> datetime:
    return datetime(day.year(), day.month(), day.day())


class SearchBar(QWidget):
    """Search words plus optional filters; emits :attr:`changed` after a short pause.

    Signals:
        changed(): the query or a filter changed (debounced).
    """

    changed = Signal()
    DEBOUNCE_MS = 250

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        self.text = QLineEdit()
        self.text.setObjectName("searchAll")
        self.text.setPlaceholderText(self.tr("Search all emails…  (Ctrl+Shift+F)"))
        self.text.setClearButtonEnabled(True)
        lay.addWidget(self.text, 1)
        today = QDate.currentDate()
        self.since_check = QCheckBox(self.tr("From"))
        self.since = QDateEdit(today.addDays(-30))
        self.until_check = QCheckBox(self.tr("to"))
        self.until = QDateEdit(today)
        for check, edit in ((self.since_check, self.since), (self.until_check, self.until)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_edit_format())
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self._kick)
            edit.dateChanged.connect(self._kick)
            lay.addWidget(check)
            lay.addWidget(edit)
        self.direction = QComboBox()
        self.direction.addItem(self.tr("Sent and received"), "")
        self.direction.addItem(self.tr("Sent only"), Direction.OUT.value)
        self.direction.addItem(self.tr("Received only"), Direction.IN.value)
        self.direction.currentIndexChanged.connect(self._kick)
        lay.addWidget(self.direction)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEBOUNCE_MS)
        self._timer.timeout.connect(self.changed)
        self.text.textChanged.connect(self._kick)

    def _kick(self) -> None:
        self._timer.start()

    @property
    def active(self) -> bool:
        f = self.search_filter()
        return bool(self.text.text().strip()) or bool(f.since or f.until or f.direction)

    def search_filter(self) -> SearchFilter:
        since = _start_of(self.since.date()) if self.since_check.isChecked() else None
        until = (
            _start_of(self.until.date()) + timedelta(days=1)
            if self.until_check.isChecked()
            else None
        )
        raw = self.direction.currentData()
        return SearchFilter(
            since=since.astimezone() if since else None,
            until=until.astimezone() if until else None,
            direction=Direction(raw) if raw else None,
        )

    def query(self) -> str:
        return self.text.text().strip()

    def reset(self) -> None:
        for w in (self.text, self.since_check, self.until_check, self.direction):
            w.blockSignals(True)
        self.text.clear()
        self.since_check.setChecked(False)
        self.until_check.setChecked(False)
        self.since.setEnabled(False)
        self.until.setEnabled(False)
        self.direction.setCurrentIndex(0)
        for w in (self.text, self.since_check, self.until_check, self.direction):
            w.blockSignals(False)
        self._timer.stop()
        self.changed.emit()

"""The "Awaiting reply" view (SPEC §16): emails without a reply, oldest first, with reminders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from replytrail.core.models import LoggedEmail
from replytrail.core.store.followups import Awaiting, FollowUps
from replytrail.qt.jobs import StoreExecutor
from replytrail.ui.common.widgets import EmptyState, short_date

__all__ = ["AwaitingPage", "Executor"]

#: the app's store executor (every store access of the windows runs on its thread)
Executor = StoreExecutor[Any]
REMIND_DAYS = (1, 3, 7)


class AwaitingPage(QWidget):
    """A list of :class:`Awaiting` emails across all contacts; store work goes to *submit*.

    Signals:
        emailSelected(object): the selected LoggedEmail, or None.
        contactRequested(str): "Open contact" for this address.
        countChanged(int): how many emails await a reply (after each reload).
        status(str): a line for the status bar.
    """

    emailSelected = Signal(object)  # noqa: N815 - Qt signal naming
    contactRequested = Signal(str)  # noqa: N815 - Qt signal naming
    countChanged = Signal(int)  # noqa: N815 - Qt signal naming
    status = Signal(str)

    def __init__(
        self,
        executor: Executor,
        days: Callable[[], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("awaitingPage")
        self._executor, self._days = executor, days
        self._items: list[Awaiting] = []
        self._ticket = 0
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 14, 14, 10)
        lay.setSpacing(8)
        self.title = QLabel(self.tr("Awaiting reply"))
        self.title.setStyleSheet("font-size: 19px; font-weight: 600; color: #1f2933;")
        lay.addWidget(self.title)
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #52606d;")
        self.subtitle.setWordWrap(True)
        lay.addWidget(self.subtitle)
        self.tree = QTreeWidget()
        self.tree.setObjectName("awaitingList")
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels(
            [self.tr("Contact"), self.tr("Subject"), self.tr("Waiting"), self.tr("Reminder")]
        )  # fmt: skip
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.resizeSection(0, 140)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tree)
        self.empty = EmptyState(self.tr("Nothing is awaiting a reply."))
        self.stack.addWidget(self.empty)
        lay.addWidget(self.stack, 1)
        lay.addLayout(self._buttons())
        self.tree.currentItemChanged.connect(self._selected)
        self.tree.itemActivated.connect(lambda *_: self._open_contact())

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.remind_button = QToolButton()
        self.remind_button.setObjectName("remindButton")
        self.remind_button.setText(self.tr("Remind me…"))
        self.remind_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.remind_button)
        labels = {
            1: self.tr("Tomorrow"),
            3: self.tr("In 3 days"),
            7: self.tr("In a week"),
        }
        for days in REMIND_DAYS:
            menu.addAction(labels[days], partial(self.remind_selected, timedelta(days=days)))
        self.remind_button.setMenu(menu)
        self.done_button = QPushButton(self.tr("No reply needed"))
        self.done_button.clicked.connect(self.dismiss_selected)
        self.open_button = QPushButton(self.tr("Open contact"))
        self.open_button.clicked.connect(self._open_contact)
        for w in (self.remind_button, self.done_button, self.open_button):
            row.addWidget(w)
        row.addStretch(1)
        self._enable(False)
        return row

    def _enable(self, on: bool) -> None:
        for w in (self.remind_button, self.done_button, self.open_button):
            w.setEnabled(on)

    # ------------------------------------------------------------------ loading
    def reload(self) -> None:
        """Ask the store again (off the GUI thread); the newest answer wins."""
        days = self._days()
        self.subtitle.setText(
            self.tr("Your emails without a reply after {n} working days, oldest first.").format(
                n=days
            )
        )
        ticket = self._executor.submit(
            lambda s: FollowUps(s).awaiting(days),
            lambda r: self._loaded(ticket, r),
            self.status.emit,
            owner=self,
        )
        self._ticket = ticket

    def _loaded(self, ticket: int, result: object) -> None:
        if ticket != self._ticket or not isinstance(result, list):
            return
        current = self.selected()
        self._items = result
        self.tree.clear()
        now = datetime.now(UTC)
        for a in result:
            item = QTreeWidgetItem(
                [
                    self._who(a),
                    a.email.subject or self.tr("(no subject)"),
                    self._waiting(a.days),
                    short_date(a.remind_at, now) if a.remind_at else "",
                ]
            )
            sent = self.tr("Sent {date}").format(date=short_date(a.email.date, now))
            item.setToolTip(0, a.contact)
            item.setToolTip(1, sent)
            item.setToolTip(2, sent)
            item.setData(0, Qt.ItemDataRole.UserRole, a.email.message_id)
            self.tree.addTopLevelItem(item)
            if current is not None and current.message_id == a.email.message_id:
                self.tree.setCurrentItem(item)
        for col in (2, 3):
            self.tree.resizeColumnToContents(col)
        self.stack.setCurrentWidget(self.tree if result else self.empty)
        self.countChanged.emit(len(result))

    def _who(self, a: Awaiting) -> str:
        named = [t.name for t in a.email.to if t.email.lower() == a.contact.lower() and t.name]
        return named[0] if named else a.contact

    def _waiting(self, days: int) -> str:
        if days == 1:
            return self.tr("1 working day")
        return self.tr("{n} working days").format(n=days)

    # ------------------------------------------------------------------ actions
    def _row(self) -> int:
        item = self.tree.currentItem()
        return self.tree.indexOfTopLevelItem(item) if item is not None else -1

    def selected(self) -> LoggedEmail | None:
        row = self._row()
        return self._items[row].email if 0 <= row < len(self._items) else None

    def _selected(self, *_args: object) -> None:
        e = self.selected()
        self._enable(e is not None)
        self.emailSelected.emit(e)

    def _open_contact(self) -> None:
        row = self._row()
        if 0 <= row < len(self._items):
            self.contactRequested.emit(self._items[row].contact)

    def remind_selected(self, delay: timedelta) -> None:
        e = self.selected()
        if e is None:
            return
        at, mid = datetime.now(UTC) + delay, e.message_id
        when = short_date(at)

        def done(_result: object) -> None:
            self.status.emit(
                self.tr("Reminder set for {when}, unless a reply comes first.").format(when=when)
            )
            self.reload()

        self._executor.submit(
            lambda s: FollowUps(s).remind(mid, at), done, self.status.emit, owner=self, writes=True
        )

    def dismiss_selected(self) -> None:
        e = self.selected()
        if e is None:
            return
        mid = e.message_id
        self._executor.submit(
            lambda s: FollowUps(s).dismiss(mid),
            lambda _r: self.reload(),
            self.status.emit,
            owner=self,
            writes=True,
        )

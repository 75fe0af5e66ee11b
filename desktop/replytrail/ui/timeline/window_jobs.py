"""The timeline window's store jobs besides reading (full-text search, export, forget),
folding a thread by a click on its status pill, and keeping the user's place (selection,
scroll position) while rows arrive."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
)

from replytrail.core.models import Contact, LoggedEmail
from replytrail.ui.reading.pane import ReadingPane
from replytrail.ui.timeline.actions import export_job, forget_box
from replytrail.ui.timeline.delegates import TimelineDelegate
from replytrail.ui.timeline.header import ContactHeader
from replytrail.ui.timeline.models import ContactListModel, TimelineModel
from replytrail.ui.timeline.search import SearchBar
from replytrail.ui.timeline.source import TimelineStore, WindowExecutor

__all__ = ["WindowJobs"]


if TYPE_CHECKING:
    _Base = QMainWindow
else:
    _Base = object


class WindowJobs(_Base):
    """Mixed into :class:`TimelineWindow` (a QMainWindow); uses its widgets and executor."""

    _executor: WindowExecutor
    _current: str
    _search_ticket: int
    _kept_email: str
    _kept_scroll: int
    _kept_top: tuple[int, int] | None
    search_bar: SearchBar
    header: ContactHeader
    header_stack: QStackedWidget
    middle_stack: QStackedWidget
    results_model: TimelineModel
    results_view: QListView
    results_label: QLabel
    contact_view: QListView
    contact_model: ContactListModel
    timeline_model: TimelineModel
    timeline_view: QListView
    reading: ReadingPane
    ask_export_path: Callable[[str, str], Path | None]
    _forget_asked: tuple[QMessageBox, Contact] | None = None  # the open forget question's
    #: how a contact is forgotten (the app sets the team-aware one: queued for the team store)
    forget_job: Callable[[TimelineStore, str], int]

    if TYPE_CHECKING:  # the window's own

        def _status(self, text: str) -> None: ...
        def _update_empty(self) -> None: ...
        def _on_email_current(self, current: QModelIndex, previous: QModelIndex) -> None: ...
        def selected_email(self) -> LoggedEmail | None: ...

    # ------------------------------------------------------------------ full-text search
    def run_search(self) -> None:
        if not self.search_bar.active:
            self.header_stack.setCurrentWidget(self.header)
            self.results_model.clear()
            self._update_empty()
            self._back_to_contact()
            return
        query, filt = self.search_bar.query(), self.search_bar.search_filter()
        self.results_label.setText(QCoreApplication.translate("TimelineWindow", "Searching…"))
        self.contact_view.setCurrentIndex(QModelIndex())  # results span contacts: none is open
        self.header_stack.setCurrentIndex(1)
        self.middle_stack.setCurrentWidget(self.results_view)
        ticket = self._executor.submit(
            lambda s: s.search(query, filt, 500),
            lambda r: self._search_done(ticket, r),
            self._status,
            owner=self,
        )
        self._search_ticket = ticket

    def _search_done(self, ticket: int, result: list[LoggedEmail]) -> None:
        if ticket != self._search_ticket or not self.search_bar.active:
            return
        self.results_model.set_emails(result)
        n = len(result)
        if n == 0:  # nothing highlighted, so nothing open
            self.reading.show_email(None)
        self.results_label.setText(
            QCoreApplication.translate("TimelineWindow", "No emails match “{query}”").format(
                query=self.search_bar.query()
            )
            if n == 0
            else QCoreApplication.translate("TimelineWindow", "1 email found")
            if n == 1
            else QCoreApplication.translate("TimelineWindow", "{n} emails found").format(n=n)
            if n < 500
            else QCoreApplication.translate("TimelineWindow", "The 500 newest matches")
        )
        if n:
            self.results_view.setCurrentIndex(self.results_model.index(0))

    def _back_to_contact(self) -> None:
        """After a search: the open contact's row, header and email again (or no email)."""
        row = self.contact_model.row_of(self._current) if self._current else -1
        if row >= 0:
            self.contact_view.setCurrentIndex(self.contact_model.index(row))
        idx = self.timeline_view.currentIndex() if self._current else QModelIndex()
        if not idx.isValid() and self._current and self.timeline_model.rowCount():
            idx = self.timeline_model.index(0)
            self.timeline_view.setCurrentIndex(idx)
        self._on_email_current(idx, idx)

    # ------------------------------------------------------------------ actions
    def export(self, scope: str, fmt: str) -> None:
        """Export the selected thread or the whole contact as .eml files or an mbox."""
        e = self.selected_email()
        if scope == "contacts":
            key, name = "", QCoreApplication.translate("TimelineWindow", "contacts")
        elif scope == "thread":
            if e is None:
                return
            key, name = e.thread_id, e.subject or "thread"
        else:
            if not self._current:
                return
            key, name = self._current, self._current
        target = self.ask_export_path(fmt, name)
        if target is None:
            return
        self._status(QCoreApplication.translate("TimelineWindow", "Exporting…"))
        hint = self.timeline_model.total
        self._executor.submit(
            lambda s: export_job(s, scope, key, fmt, target, hint)(),
            lambda n: self._status(
                QCoreApplication.translate(
                    "TimelineWindow",
                    "Exported {n} contacts to {path}"
                    if scope == "contacts"
                    else "Exported {n} emails to {path}",
                ).format(n=n, path=target)
            ),
            lambda m: self._status(
                QCoreApplication.translate("TimelineWindow", "Export failed: {reason}").format(
                    reason=m
                )
            ),
            owner=self,
        )

    def confirm_forget(self) -> None:
        c = self.header.contact
        if c is None:
            return
        box = forget_box(self, c)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # a bound method, no lambda holding the box (a cycle through a Qt object that Qt
        # deletes can crash the garbage collector later)
        self._forget_asked = (box, c)
        box.buttonClicked.connect(self._forget_answered)
        box.open()

    def _forget_answered(self, button: QAbstractButton) -> None:
        asked, self._forget_asked = self._forget_asked, None
        destructive = QMessageBox.ButtonRole.DestructiveRole
        if asked is not None and asked[0].buttonRole(button) == destructive:
            self._forget(asked[1])

    def _forget(self, c: Contact) -> None:
        email = c.email
        self._status(
            QCoreApplication.translate("TimelineWindow", "Forgetting {email}…").format(email=email)
        )

        def done(n: int) -> None:
            if self._current.lower() == email.lower():
                self._current = ""
                self.timeline_model.clear()
                self.header.set_contact(None, [])
                self.reading.show_email(None)
                self._update_empty()
            self._status(
                QCoreApplication.translate(
                    "TimelineWindow", "Forgot {email}: {n} emails deleted."
                ).format(email=email, n=n)
            )

        forget = self.forget_job
        self._executor.submit(
            lambda s: forget(s, email),
            done,
            lambda m: self._status(
                QCoreApplication.translate(
                    "TimelineWindow", "Could not forget {email}: {reason}"
                ).format(email=email, reason=m)
            ),
            owner=self,
            writes=True,  # every open window re-reads (StoreChanges)
        )

    def _fold_click(self, event: QMouseEvent) -> bool:
        """A click on a thread's status pill folds or unfolds the thread."""
        view, pos = self.timeline_view, event.position().toPoint()
        index = view.indexAt(pos)
        info = self.timeline_model.thread_at(index.row()) if index.isValid() else None
        delegate = view.itemDelegate()
        if info is None or info.count < 2 or not isinstance(delegate, TimelineDelegate):
            return False
        if not delegate.pill_rect(view.visualRect(index), info, view.font()).contains(pos):
            return False
        self.timeline_model.toggle_thread(index.row())
        return True

    def _fold_key(self, key: int) -> bool:
        """Left folds the current thread (to its newest row), Right unfolds it."""
        row = self.timeline_view.currentIndex().row()
        model = self.timeline_model
        e = model.email_at(row)
        if e is None or key not in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            return False
        head = next(r for r in range(row, -1, -1) if model.thread_at(r) is not None)
        info = model.thread_at(head)
        if info is None or info.count < 2 or info.collapsed == (key == Qt.Key.Key_Left):
            return False
        model.toggle_thread(head)
        self.timeline_view.setCurrentIndex(model.index(head))
        return True

    # ------------------------------------------------------------------ keeping the place
    def _anchor(self, _parent: QModelIndex, first: int, _last: int) -> None:
        """Rows arrive at the top: remember the row at the top of the view (if scrolled)."""
        view = self.timeline_view
        top = view.indexAt(view.viewport().rect().topLeft())
        if first == 0 and view.verticalScrollBar().value() > 0 and top.isValid():
            self._kept_top = (top.row(), view.visualRect(top).top())

    def _keep_place(self) -> None:
        e = self.selected_email()
        self._kept_email = e.message_id if e is not None else ""
        self._kept_scroll = self.timeline_view.verticalScrollBar().value()

    def _restore_place(self) -> None:
        row = self.timeline_model.row_of(self._kept_email) if self._kept_email else -1
        if row >= 0:
            self.timeline_view.setCurrentIndex(self.timeline_model.index(row))
        self.timeline_view.verticalScrollBar().setValue(self._kept_scroll)


def forget_here(s: TimelineStore, email: str) -> int:
    """Forget *email* in this store only (no team store joined)."""
    return s.forget_contact(email)

"""The contact timeline window (SPEC §9): contacts, their logged threads, and the reading pane."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QMainWindow, QToolButton

from replytrail.core.models import Contact, LoggedEmail
from replytrail.qt.changes import StoreChanges
from replytrail.ui.reading.files import AttachmentFiles, AttachmentSource
from replytrail.ui.timeline.actions import ask_export_path
from replytrail.ui.timeline.header import FOCUS_FRAME
from replytrail.ui.timeline.layout import TimelineWidgets
from replytrail.ui.timeline.menus import TimelineMenus
from replytrail.ui.timeline.models import TimelineModel
from replytrail.ui.timeline.source import (
    TimelineStore,
    WindowExecutor,
    contact_of,
    key_of_message,
)
from replytrail.ui.timeline.style import STYLE
from replytrail.ui.timeline.window_jobs import WindowJobs, forget_here

__all__ = ["TimelineWindow"]

log = logging.getLogger("replytrail.ui.timeline")


class TimelineWindow(WindowJobs, QMainWindow):
    """Contacts on the left, the selected contact's timeline in the middle, the email on the right.

    Every store read and write goes through the app's store executor; the window shows
    what comes back and re-reads what it shows when :class:`StoreChanges` says the store
    changed (keeping the selection and the scroll position).

    Signals:
        composeRequested(str): "New email" for this contact address.
        replyRequested(str): "Reply" to the email with this Message-ID.
        contactShown(str): the timeline of this contact is loaded and shown.
    """

    composeRequested = Signal(str)  # noqa: N815 - Qt signal naming
    replyRequested = Signal(str)  # noqa: N815 - Qt signal naming
    contactShown = Signal(str)  # noqa: N815 - Qt signal naming

    CONTACT_DEBOUNCE_MS = 150

    def __init__(
        self,
        executor: WindowExecutor,
        changes: StoreChanges,
        attachments: AttachmentSource,
        parent: QMainWindow | None = None,
    ) -> None:
        super().__init__(parent)
        self._executor = executor
        self._changes = changes
        self.forget_job = forget_here
        self._files = AttachmentFiles(attachments)
        self._contact_ticket = 0
        self._search_ticket = 0
        self._current = ""  # the selected contact's address
        self._pending_email = ""  # select this email once its contact's timeline is in
        self._kept_email = ""  # the selection across a model reset
        self._kept_scroll = 0
        self._kept_top: tuple[int, int] | None = None  # (row, pixel offset) at the top
        self.refreshes = 0  # how often a change re-read the window (tests and benchmarks)
        #: asks where to export (format, suggested name) -> path or None; tests replace it
        self.ask_export_path: Callable[[str, str], Path | None] = lambda fmt, name: ask_export_path(
            self, fmt, name
        )
        self.setWindowTitle(self.tr("Replytrail — Contacts"))
        self.setObjectName("timelineWindow")
        self.setStyleSheet(STYLE + FOCUS_FRAME)  # keyboard focus visible on every button
        self.resize(1200, 760)
        w = TimelineWidgets(self, executor, attachments, self._files)
        self.setCentralWidget(w.central)
        self.top_bar, self.search_bar, self.splitter = w.top_bar, w.search_bar, w.splitter
        self.notice = w.notice
        self.notice.linkActivated.connect(lambda _link: self.notice.hide())
        self.contact_filter, self.contact_model = w.contact_filter, w.contact_model
        self.contact_view, self.contacts_stack = w.contact_view, w.contacts_stack
        self.contacts_empty, self.header_stack, self.header = (
            w.contacts_empty,
            w.header_stack,
            w.header,
        )
        self.results_label, self.back_button = w.results_label, w.back_button
        self.timeline_model, self.timeline_view = w.timeline_model, w.timeline_view
        self.results_model, self.results_view = w.results_model, w.results_view
        self.middle_stack, self.timeline_empty, self.reading = (
            w.middle_stack,
            w.timeline_empty,
            w.reading,
        )
        self._sized = False
        self._wire()
        self.reload_contacts()

    def _wire(self) -> None:
        self._contact_timer = QTimer(self)
        self._contact_timer.setSingleShot(True)
        self._contact_timer.setInterval(self.CONTACT_DEBOUNCE_MS)
        self._contact_timer.timeout.connect(self.reload_contacts)
        self.contact_filter.textChanged.connect(self._contact_timer.start)
        self.contact_filter.installEventFilter(self)
        self.timeline_view.viewport().installEventFilter(self)
        self.timeline_view.installEventFilter(self)  # Left/Right fold and unfold a thread
        self.contact_view.selectionModel().currentChanged.connect(self._on_contact_current)
        self.contact_view.activated.connect(lambda _i: self.timeline_view.setFocus())
        self.timeline_view.selectionModel().currentChanged.connect(self._on_email_current)
        self.results_view.selectionModel().currentChanged.connect(self._on_email_current)
        for view in (self.timeline_view, self.results_view):
            view.activated.connect(lambda _i: self.reading.browser.setFocus())
        model = self.timeline_model
        model.modelAboutToBeReset.connect(self._keep_place)
        model.modelReset.connect(self._restore_place)
        model.loaded.connect(self._timeline_loaded)
        model.refreshed.connect(self._timeline_refreshed)
        model.rowsAboutToBeInserted.connect(self._anchor)
        self.header.composeClicked.connect(self._compose)
        self.header.exportRequested.connect(self.export)
        self.header.forgetClicked.connect(self.confirm_forget)
        self.reading.replyRequested.connect(self.replyRequested)
        self.reading.status.connect(self._status)
        self.search_bar.changed.connect(self.run_search)
        self.back_button.clicked.connect(self.search_bar.reset)
        self.menus = TimelineMenus.attach(self, self)  # right-click menus that do what buttons do
        self._changes.changed.connect(self.refresh)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._focus_contact_filter)
        QShortcut(QKeySequence("Ctrl+Shift+F"), self, self._focus_search)
        QShortcut(QKeySequence("Ctrl+N"), self, self._compose)
        QShortcut(QKeySequence("Ctrl+R"), self, self.reading._reply)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(1200, 760)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._changes.watch(self)
        if not self._sized:  # proportions once the real width is known
            self._sized = True
            total = max(self.splitter.width(), 900)
            left = max(250, total * 21 // 100)
            middle = (total - left) // 2
            self.splitter.setSizes([left, middle, total - left - middle])
        else:
            self.refresh()  # changes while hidden

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self._changes.unwatch(self)
        super().hideEvent(event)

    # ------------------------------------------------------------------ hooks for features
    def add_tool(self, action: QAction) -> QToolButton:
        """A button for *action* in the top bar, beside the search (e.g. "Awaiting reply",
        "Bring in conversations"); the action stays owned by the caller."""
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.top_bar.addWidget(button)
        return button

    def show_notice(self, text: str) -> None:
        """A line of news above the lists (e.g. "You're set up") with a Hide link."""
        hide = self.tr("Hide")
        self.notice.setText(f'{html.escape(text, quote=False)} &nbsp; <a href="hide">{hide}</a>')
        self.notice.setVisible(bool(text))

    # ------------------------------------------------------------------ public API
    def show_contact(self, email: str, *, select: str = "") -> None:
        """Select *email*'s contact (clearing filters that hide it) and show its timeline;
        *select*: the Message-ID of the email to select once it is loaded."""
        email = email.strip()
        if self.search_bar.active:
            self.search_bar.reset()
        if self.contact_model.row_of(email) < 0 and self.contact_filter.text():
            self.contact_filter.blockSignals(True)
            self.contact_filter.clear()
            self.contact_filter.blockSignals(False)
            self.reload_contacts()
        self._pending_email = select
        if self._current.lower() != email.lower() or select:
            self._open_contact(email)
        self._select_contact_row(email)  # after: selecting it does not load it again

    def show_email(self, message_id: str) -> None:
        """Select the contact of *message_id*, load its timeline down to the email, open it."""

        def job(s: TimelineStore) -> tuple[LoggedEmail | None, str]:
            e = s.email(message_id)
            return e, contact_of(s, e) if e is not None else ""

        def done(found: tuple[LoggedEmail | None, str]) -> None:
            e, contact = found
            if e is None:
                self._status(self.tr("That email is no longer in the store."))
            elif contact:
                self.show_contact(contact, select=message_id)
            else:
                self.reading.show_email(e)

        self._executor.submit(job, done, owner=self)

    def refresh(self) -> None:
        """The store changed: re-read the contacts and the open timeline (kept selection)."""
        if not self.isVisible():
            return
        self.refreshes += 1
        self.reload_contacts()
        self.timeline_model.refresh()
        if self.search_bar.active:
            self.run_search()

    # ------------------------------------------------------------------ contacts
    def reload_contacts(self) -> None:
        """Re-run the contact query (filter text) on the executor; the newest answer wins."""
        query = self.contact_filter.text().strip()
        ticket = self._executor.submit(
            lambda s: s.contacts(query), lambda r: self._contacts_done(ticket, r), owner=self
        )
        self._contact_ticket = ticket

    def _contacts_done(self, ticket: int, result: list[Contact]) -> None:
        if ticket == self._contact_ticket:
            self._set_contacts(result)

    def _set_contacts(self, contacts: list[Contact]) -> None:
        bar = self.contact_view.verticalScrollBar()
        scroll = bar.value()
        sel = self.contact_view.selectionModel()
        sel.blockSignals(True)
        self.contact_model.set_contacts(contacts)
        self._select_contact_row(self._current)
        sel.blockSignals(False)
        bar.setValue(scroll)
        has_any = bool(contacts) or bool(self.contact_filter.text())
        self.contacts_stack.setCurrentWidget(self.contact_view if has_any else self.contacts_empty)
        self.header.set_has_contacts(has_any)
        if not self._current and contacts and not self.contact_filter.text():
            self.contact_view.setCurrentIndex(self.contact_model.index(0))

    def _select_contact_row(self, email: str) -> None:
        row = self.contact_model.row_of(email) if email else -1
        if row >= 0:
            idx = self.contact_model.index(row)
            if self.contact_view.currentIndex() != idx:
                self.contact_view.setCurrentIndex(idx)
            self.contact_view.scrollTo(idx)

    def _on_contact_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        c = self.contact_model.contact_at(current.row())
        if c is not None and self.search_bar.active:  # a contact picked: the search ends
            self._current = ""
            self.search_bar.reset()
        if c is not None and c.email.lower() != self._current.lower():
            self._open_contact(c.email)

    def _open_contact(self, email: str) -> None:
        self._current = email
        self.header_stack.setCurrentWidget(self.header)
        target = self._pending_email
        if target:  # load down to the email, then select it
            self._executor.submit(
                lambda s: key_of_message(s, target),
                lambda key: self.timeline_model.load(email, down_to=key),
                owner=self,
            )
        else:
            self.timeline_model.load(email)

    def _timeline_loaded(self) -> None:
        model, view = self.timeline_model, self.timeline_view
        self._update_header()
        self._update_empty()
        row = model.row_of(self._pending_email) if self._pending_email else -1
        self._pending_email = ""
        if row >= 0:
            view.setCurrentIndex(model.index(row))
            view.scrollTo(model.index(row), QAbstractItemView.ScrollHint.PositionAtCenter)
        elif model.rowCount() and not view.currentIndex().isValid():
            view.setCurrentIndex(model.index(0))
            view.scrollToTop()
        else:
            self.reading.show_email(None)
        self.contactShown.emit(model.contact)

    def _timeline_refreshed(self, inserted: int) -> None:
        if inserted and self._kept_top is not None:  # keep those rows in place
            row, offset = self._kept_top
            view = self.timeline_view
            view.scrollTo(self.timeline_model.index(row + inserted), view.ScrollHint.PositionAtTop)
            view.verticalScrollBar().setValue(view.verticalScrollBar().value() - offset)
        self._kept_top = None
        self._update_header()
        self._update_empty()
        current = self.timeline_view.currentIndex()
        if current.isValid():
            self.reading.show_email(self.timeline_model.email_at(current.row()))
        elif not self.search_bar.active:  # the open email is gone: nothing highlighted, none open
            self.reading.show_email(None)

    def _update_header(self) -> None:
        c = self.timeline_model.contact_info if self._current else None
        newest = [e for e in (self.timeline_model.email_at(i) for i in range(5)) if e]
        self.header.set_contact(c, newest)
        name = (c.name or c.email) if c else ""
        self.setWindowTitle(
            self.tr("Replytrail — {name}").format(name=name)
            if name
            else self.tr("Replytrail — Contacts")
        )

    def _update_empty(self) -> None:
        if self.search_bar.active:
            return
        self.middle_stack.setCurrentWidget(
            self.timeline_view if self.timeline_model.rowCount() else self.timeline_empty
        )

    # ------------------------------------------------------------------ emails
    def _on_email_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        model = current.model()
        e = model.email_at(current.row()) if isinstance(model, TimelineModel) else None
        self.reading.show_email(e)
        self.header.set_thread_available(e is not None)

    def _compose(self) -> None:
        self.composeRequested.emit(self._current)

    def selected_email(self) -> LoggedEmail | None:
        view = (
            self.results_view
            if self.middle_stack.currentWidget() is self.results_view
            else self.timeline_view
        )
        idx = view.currentIndex()
        model = view.model()
        return model.email_at(idx.row()) if isinstance(model, TimelineModel) else None

    # ------------------------------------------------------------------ keyboard, status
    def _focus_contact_filter(self) -> None:
        self.contact_filter.setFocus()
        self.contact_filter.selectAll()

    def _focus_search(self) -> None:
        self.search_bar.text.setFocus()
        self.search_bar.text.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self.timeline_view.viewport()
            and event.type() == QEvent.Type.MouseButtonRelease
        ):
            assert isinstance(event, QMouseEvent)
            return self._fold_click(event)
        if watched is self.timeline_view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._fold_key(event.key())
        if watched is self.contact_filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.contact_view.setFocus()
                if not self.contact_view.currentIndex().isValid() and self.contact_model.rowCount():
                    self.contact_view.setCurrentIndex(self.contact_model.index(0))
                return True
            if event.key() == Qt.Key.Key_Escape and self.contact_filter.text():
                self.contact_filter.clear()
                return True
        return super().eventFilter(watched, event)

    def _status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._changes.unwatch(self)
        self._files.cleanup()
        super().closeEvent(event)

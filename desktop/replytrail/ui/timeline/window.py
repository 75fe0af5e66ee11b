"""The contact timeline window (SPEC §9): contacts, their logged threads, and the reading pane."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from replytrail.core.models import Contact, Direction, LoggedEmail
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.qt.job_runner import JobRunner
from replytrail.ui.common.widgets import EmptyState
from replytrail.ui.reading.files import AttachmentFiles
from replytrail.ui.reading.pane import ReadingPane
from replytrail.ui.timeline.actions import ask_export_path, export_job, forget_box
from replytrail.ui.timeline.delegates import ContactDelegate, TimelineDelegate
from replytrail.ui.timeline.extras import TimelineExtras
from replytrail.ui.timeline.header import ContactHeader
from replytrail.ui.timeline.models import ContactListModel, TimelineModel
from replytrail.ui.timeline.search import SearchBar
from replytrail.ui.timeline.style import STYLE

__all__ = ["TimelineWindow"]

log = logging.getLogger("replytrail.ui.timeline")


def _list_view(
    delegate_parent: QObject, delegate: type[ContactDelegate | TimelineDelegate], name: str
) -> QListView:
    view = QListView()
    view.setObjectName(name)
    view.setItemDelegate(delegate(delegate_parent))
    view.setUniformItemSizes(True)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setMouseTracking(True)
    view.setFrameShape(QListView.Shape.NoFrame)
    return view


class TimelineWindow(QMainWindow):
    """Contacts on the left, the selected contact's timeline in the middle, the email on the right.

    Reads only the local store. Small paged queries run on the GUI thread; contact search,
    full-text search, export and forget run on one worker (:class:`JobRunner`).

    Signals:
        composeRequested(str): "New email" for this contact address.
        replyRequested(str): "Reply" to the email with this Message-ID.
        importRequested(str): bring in conversations; "" for all, else this contact's.
    """

    composeRequested = Signal(str)  # noqa: N815 - Qt signal naming
    replyRequested = Signal(str)  # noqa: N815 - Qt signal naming
    importRequested = Signal(str)  # noqa: N815 - Qt signal naming

    CONTACT_DEBOUNCE_MS = 150

    def __init__(
        self,
        store: SQLiteStore,
        parent: QWidget | None = None,
        *,
        followup_days: Callable[[], int] | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._jobs = JobRunner(self)
        self._files = AttachmentFiles(store)
        self._contact_ticket = 0
        self._search_ticket = 0
        self._current = ""  # the selected contact's address
        self._pending_email = ""
        #: asks where to export (format, suggested name) -> path or None; tests replace it
        self.ask_export_path: Callable[[str, str], Path | None] = lambda fmt, name: ask_export_path(
            self, fmt, name
        )
        self.setWindowTitle(self.tr("Replytrail — Contacts"))
        self.setStyleSheet(STYLE)
        self.resize(1200, 760)
        self._build()
        self._wire()
        self.extras = TimelineExtras(self, followup_days or (lambda: 3))
        self.reload_contacts()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        top = QWidget()
        top.setObjectName("topBar")
        top_lay = QVBoxLayout(top)
        top_lay.setContentsMargins(12, 10, 12, 10)
        self.search_bar = SearchBar()
        top_lay.addWidget(self.search_bar)
        self.top_layout = top_lay
        outer.addWidget(top)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        outer.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        left = QWidget()
        left.setObjectName("contactsPane")
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(10, 10, 0, 0)
        left_lay.setSpacing(8)
        self.contact_filter = QLineEdit()
        self.contact_filter.setObjectName("contactFilter")
        self.contact_filter.setPlaceholderText(self.tr("Find a contact…  (Ctrl+F)"))
        self.contact_filter.setClearButtonEnabled(True)
        left_lay.addWidget(self.contact_filter)
        self.contact_model = ContactListModel()
        self.contact_view = _list_view(self, ContactDelegate, "contactList")
        self.contact_view.setModel(self.contact_model)
        self.contact_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left.setMinimumWidth(220)
        self.contacts_stack = QStackedWidget()
        self.contacts_stack.addWidget(self.contact_view)
        self.contacts_empty = EmptyState(
            self.tr("No contacts yet.\nThey appear here as soon as an email is logged.")
        )
        self.contacts_stack.addWidget(self.contacts_empty)
        left_lay.addWidget(self.contacts_stack, 1)
        self.splitter.addWidget(left)

        middle = QWidget()
        middle.setObjectName("timelinePane")
        mid_lay = QVBoxLayout(middle)
        mid_lay.setContentsMargins(0, 0, 0, 0)
        mid_lay.setSpacing(0)
        self.header_stack = QStackedWidget()
        self.header = ContactHeader()
        self.header_stack.addWidget(self.header)
        results = QWidget()
        res_lay = QVBoxLayout(results)
        res_lay.setContentsMargins(18, 14, 14, 12)
        self.results_label = QLabel()
        self.results_label.setStyleSheet("font-size: 16px; font-weight: 600; color: #1f2933;")
        res_lay.addWidget(self.results_label)
        self.back_button = QPushButton(self.tr("Back to the contact"))
        self.back_button.setFlat(True)
        self.back_button.setObjectName("link")
        res_lay.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.header_stack.addWidget(results)
        self.header_stack.setSizePolicy(
            self.header_stack.sizePolicy().horizontalPolicy(),
            self.header_stack.sizePolicy().Policy.Maximum,
        )
        mid_lay.addWidget(self.header_stack)
        self.timeline_model = TimelineModel(self._store)
        self.timeline_view = _list_view(self, TimelineDelegate, "timeline")
        self.timeline_view.setModel(self.timeline_model)
        self.results_model = TimelineModel(self._store)
        self.results_view = _list_view(self, TimelineDelegate, "searchResults")
        self.results_view.setModel(self.results_model)
        self.middle_stack = QStackedWidget()
        self.middle_stack.addWidget(self.timeline_view)
        self.middle_stack.addWidget(self.results_view)
        self.timeline_empty = EmptyState(
            self.tr("No replies logged yet — send a tracked email or Bcc your logging address.")
        )
        self.middle_stack.addWidget(self.timeline_empty)
        self.middle_stack.setCurrentWidget(self.timeline_empty)
        mid_lay.addWidget(self.middle_stack, 1)
        self.splitter.addWidget(middle)

        self.reading = ReadingPane(self._store, self._files)
        self.reading.setObjectName("readingPane")
        self.splitter.addWidget(self.reading)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        self._sized = False

    def _wire(self) -> None:
        self._contact_timer = QTimer(self)
        self._contact_timer.setSingleShot(True)
        self._contact_timer.setInterval(self.CONTACT_DEBOUNCE_MS)
        self._contact_timer.timeout.connect(self.reload_contacts)
        self.contact_filter.textChanged.connect(self._contact_timer.start)
        self.contact_filter.installEventFilter(self)
        sel = self.contact_view.selectionModel()
        sel.currentChanged.connect(self._on_contact_current)
        self.contact_view.activated.connect(lambda _i: self.timeline_view.setFocus())
        self.timeline_view.selectionModel().currentChanged.connect(self._on_email_current)
        self.results_view.selectionModel().currentChanged.connect(self._on_email_current)
        for view in (self.timeline_view, self.results_view):
            view.activated.connect(lambda _i: self.reading.browser.setFocus())
        self.header.composeClicked.connect(self._compose)
        self.header.exportRequested.connect(self.export)
        self.header.forgetClicked.connect(self.confirm_forget)
        self.reading.replyRequested.connect(self.replyRequested)
        self.reading.status.connect(self._status)
        self.search_bar.changed.connect(self.run_search)
        self.back_button.clicked.connect(self.search_bar.reset)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._focus_contact_filter)
        QShortcut(QKeySequence("Ctrl+Shift+F"), self, self._focus_search)
        QShortcut(QKeySequence("Ctrl+N"), self, self._compose)
        QShortcut(QKeySequence("Ctrl+R"), self, self.reading._reply)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(1200, 760)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._sized:  # proportions once the real width is known
            self._sized = True
            total = max(self.splitter.width(), 900)
            left = max(250, total * 21 // 100)
            middle = (total - left) // 2
            self.splitter.setSizes([left, middle, total - left - middle])

    # ------------------------------------------------------------------ public API
    def show_contact(self, email: str) -> None:
        """Select *email*'s contact (clearing filters that hide it) and show its timeline."""
        email = email.strip()
        if self.search_bar.active:
            self.search_bar.reset()
        row = self.contact_model.row_of(email)
        if row < 0 and self.contact_filter.text():
            self.contact_filter.blockSignals(True)
            self.contact_filter.clear()
            self.contact_filter.blockSignals(False)
            self.reload_contacts()
        if row >= 0:
            idx = self.contact_model.index(row)
            if self._current.lower() != email.lower():
                self.contact_view.setCurrentIndex(idx)
            self.contact_view.scrollTo(idx)
        if self._current.lower() != email.lower():
            self._open_contact(email)

    def show_email(self, message_id: str) -> None:
        """Select the contact of *message_id*, scroll to the email and open it."""
        e = self._store.email(message_id)
        if e is None:
            self._status(self.tr("That email is no longer in the store."))
            return
        contact = self._contact_of(e)
        if contact:
            self.show_contact(contact)
        row = self.timeline_model.row_of(message_id)
        if row >= 0:
            idx = self.timeline_model.index(row)
            self.timeline_view.setCurrentIndex(idx)
            self.timeline_view.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtCenter)
        else:
            self.reading.show_email(e)

    def refresh(self) -> None:
        """New email logged: update the lists, keeping the selected contact and email."""
        self.reload_contacts()
        if self._current:
            self.timeline_model.refresh()
            self._update_header()
            self._update_empty()
        if self.search_bar.active:
            self.run_search()
        self.extras.reload()

    # ------------------------------------------------------------------ contacts
    def reload_contacts(self) -> None:
        """Re-run the contact query (filter text) on the worker; the newest answer wins."""
        query = self.contact_filter.text().strip()
        store = self._store
        ticket = self._jobs.submit(
            lambda: store.contacts(query), lambda r: self._contacts_done(ticket, r)
        )
        self._contact_ticket = ticket

    def _contacts_done(self, ticket: int, result: object) -> None:
        if ticket == self._contact_ticket and isinstance(result, list):
            self._set_contacts(result)

    def _set_contacts(self, contacts: list[Contact]) -> None:
        sel = self.contact_view.selectionModel()
        sel.blockSignals(True)
        self.contact_model.set_contacts(contacts)
        row = self.contact_model.row_of(self._current) if self._current else -1
        if row >= 0:
            self.contact_view.setCurrentIndex(self.contact_model.index(row))
        sel.blockSignals(False)
        has_any = bool(contacts) or bool(self.contact_filter.text())
        self.contacts_stack.setCurrentWidget(self.contact_view if has_any else self.contacts_empty)
        if not self._current and contacts and not self.contact_filter.text():
            self.contact_view.setCurrentIndex(self.contact_model.index(0))

    def _on_contact_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        c = self.contact_model.contact_at(current.row())
        if c is not None and c.email.lower() != self._current.lower():
            self._open_contact(c.email)

    def _open_contact(self, email: str) -> None:
        self._current = email
        self.timeline_model.load(email)
        self.header_stack.setCurrentWidget(self.header)
        self._update_header()
        self._update_empty()
        if self.timeline_model.rowCount():
            self.timeline_view.setCurrentIndex(self.timeline_model.index(0))
            self.timeline_view.scrollToTop()
        else:
            self.reading.show_email(None)

    def _update_header(self) -> None:
        c = self._store.contact(self._current) if self._current else None
        newest = [e for e in (self.timeline_model.email_at(i) for i in range(5)) if e]
        self.header.set_contact(c, newest)
        name = (c.name or c.email) if c else ""
        self.setWindowTitle(
            self.tr("Replytrail — {name}").format(name=name)
            if name
            else self.tr("Replytrail — Contacts")
        )

    def _update_empty(self) -> None:
        if self.search_bar.active or self.extras.active:
            return
        self.middle_stack.setCurrentWidget(
            self.timeline_view if self.timeline_model.rowCount() else self.timeline_empty
        )

    def _contact_of(self, e: LoggedEmail) -> str:
        candidates = (
            [e.sender.email] if e.direction is Direction.IN else [a.email for a in (*e.to, *e.cc)]
        )
        for addr in candidates:
            if self._store.contact(addr) is not None:
                return addr
        return candidates[0] if candidates else ""

    # ------------------------------------------------------------------ emails
    def _on_email_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        model = current.model()
        e = model.email_at(current.row()) if isinstance(model, TimelineModel) else None
        self.reading.show_email(e)
        self.header.set_thread_available(e is not None)

    def selected_email(self) -> LoggedEmail | None:
        view = (
            self.results_view
            if self.middle_stack.currentWidget() is self.results_view
            else self.timeline_view
        )
        idx = view.currentIndex()
        model = view.model()
        return model.email_at(idx.row()) if isinstance(model, TimelineModel) else None

    # ------------------------------------------------------------------ full-text search
    def run_search(self) -> None:
        if not self.search_bar.active:
            self.header_stack.setCurrentWidget(self.header)
            self.results_model.clear()
            self._update_empty()
            return
        query, filt, store = self.search_bar.query(), self.search_bar.search_filter(), self._store
        self.results_label.setText(self.tr("Searching…"))
        self.contact_view.clearSelection()  # results span contacts: no contact is "open"
        self.header_stack.setCurrentIndex(1)
        self.middle_stack.setCurrentWidget(self.results_view)
        ticket = self._jobs.submit(
            lambda: store.search(query, filt, 500),
            lambda r: self._search_done(ticket, r),
            lambda m: self._status(m),
        )
        self._search_ticket = ticket

    def _search_done(self, ticket: int, result: object) -> None:
        if ticket != self._search_ticket or not self.search_bar.active:
            return
        assert isinstance(result, list)
        self.results_model.set_emails(result)
        n = len(result)
        self.results_label.setText(
            self.tr("No emails found")
            if n == 0
            else self.tr("1 email found")
            if n == 1
            else self.tr("{n} emails found").format(n=n)
            if n < 500
            else self.tr("The 500 newest matches")
        )
        if n:
            self.results_view.setCurrentIndex(self.results_model.index(0))

    # ------------------------------------------------------------------ actions
    def _compose(self) -> None:
        self.composeRequested.emit(self._current)

    def export(self, scope: str, fmt: str) -> None:
        """Export the selected thread or the whole contact as .eml files or an mbox."""
        e = self.selected_email()
        if scope == "thread":
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
        self._status(self.tr("Exporting…"))
        self._jobs.submit(
            export_job(self._store, scope, key, fmt, target, self.timeline_model.total),
            lambda n: self._status(
                self.tr("Exported {n} emails to {path}").format(n=n, path=target)
            ),
            lambda m: self._status(self.tr("Export failed: {reason}").format(reason=m)),
        )

    def confirm_forget(self) -> None:
        c = self.header.contact
        if c is None:
            return
        box = forget_box(self, c)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda b: (
                self._forget(c)
                if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
                else None
            )
        )
        box.open()

    def _forget(self, c: Contact) -> None:
        store = self._store
        email = c.email
        self._status(self.tr("Forgetting {email}…").format(email=email))

        def done(n: object) -> None:
            if self._current.lower() == email.lower():
                self._current = ""
                self.timeline_model.clear()
                self.header.set_contact(None, [])
                self.reading.show_email(None)
                self._update_empty()
            self._status(self.tr("Forgot {email}: {n} emails deleted.").format(email=email, n=n))
            self.reload_contacts()

        self._jobs.submit(
            lambda: store.forget_contact(email),
            done,
            lambda m: self._status(
                self.tr("Could not forget {email}: {reason}").format(email=email, reason=m)
            ),
        )

    # ------------------------------------------------------------------ keyboard, status
    def _focus_contact_filter(self) -> None:
        self.contact_filter.setFocus()
        self.contact_filter.selectAll()

    def _focus_search(self) -> None:
        self.search_bar.text.setFocus()
        self.search_bar.text.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
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
        self._jobs.wait()
        self._files.cleanup()
        super().closeEvent(event)

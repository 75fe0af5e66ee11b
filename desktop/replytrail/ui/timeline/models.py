"""Qt item models for the timeline window: the contact list, and a timeline paged by key."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from replytrail.core.models import Contact, LoggedEmail
from replytrail.ui.common.widgets import badges_for
from replytrail.ui.timeline.source import Key, TimelineStore, WindowExecutor, key_of
from replytrail.ui.timeline.threads import ThreadInfo, block_change, group

__all__ = [
    "CONTACT_ROLE",
    "EMAIL_ROLE",
    "THREAD_LINK_ROLE",
    "THREAD_ROLE",
    "ContactListModel",
    "TimelineModel",
]

CONTACT_ROLE = Qt.ItemDataRole.UserRole + 1
EMAIL_ROLE = Qt.ItemDataRole.UserRole + 2
#: (newer row is in the same thread, older row is in the same thread)
THREAD_LINK_ROLE = Qt.ItemDataRole.UserRole + 3
#: a thread's ThreadInfo on its newest row, None on the others
THREAD_ROLE = Qt.ItemDataRole.UserRole + 4

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
T = TypeVar("T")
_Answer = tuple[list[LoggedEmail], int, Contact | None]  # rows, total, the contact


def consistent(s: TimelineStore, contact: str, read: Callable[[], list[LoggedEmail]]) -> _Answer:
    """Rows and the total from the same state of the store: the engine may commit between
    two queries, so read again while the count moved (rows and count would disagree)."""
    for _ in range(5):
        before = s.timeline_count(contact)
        rows = read()
        total = s.timeline_count(contact)
        if total == before:
            break
    return rows, total, s.contact(contact)


class ContactListModel(QAbstractListModel):
    """Contacts, sorted by last activity (the store's order); replaced whole on each search."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Contact] = []

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        if role == CONTACT_ROLE:
            return c
        if role == Qt.ItemDataRole.DisplayRole:
            return c.name or c.email
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{c.name} <{c.email}>" if c.name else c.email
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{c.name or c.email}, {c.company}, {c.emails}"
        return None

    def set_contacts(self, contacts: list[Contact]) -> None:
        self.beginResetModel()
        self._rows = list(contacts)
        self.endResetModel()

    def contact_at(self, row: int) -> Contact | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, email: str) -> int:
        key = email.strip().lower()
        for i, c in enumerate(self._rows):
            if c.email.lower() == key:
                return i
        return -1


class TimelineModel(QAbstractListModel):
    """A contact's logged emails grouped by thread (the thread with the newest activity
    first, newest first within it; a thread can be collapsed to its newest row), paged by
    key (ts, id) on the store executor.

    ``rowCount`` starts at one page; the view's ``canFetchMore``/``fetchMore`` ask for the
    next page older than the last row, so a 10,000-email history opens with one small
    indexed query, and rows logged meanwhile never shift a page. :meth:`refresh` re-reads
    what is loaded and inserts new rows at the top (existing rows keep their indexes, so
    the view keeps the selection). Answers for an older request are dropped. In search
    mode it holds a fixed list of results instead.

    Signals:
        loaded(): the first page of :meth:`load` (or a reload after a change) is in.
        refreshed(int): :meth:`refresh` finished; the number of rows inserted at the top.
    """

    loaded = Signal()
    refreshed = Signal(int)

    PAGE = 100
    MAX_NEW = 2000  # more new rows than this in one refresh: reload instead of inserting

    def __init__(self, executor: WindowExecutor | None = None) -> None:
        super().__init__()
        self._executor = executor
        self._contact = ""
        self._rows: list[LoggedEmail] = []  # loaded, newest first (the paging order)
        self._shown: list[LoggedEmail] = []  # the rows as shown: grouped by thread
        self._threads: dict[str, ThreadInfo] = {}
        self._collapsed: set[str] = set()
        self._grouped = executor is not None  # search results stay a flat list
        self._total = 0
        self._info: Contact | None = None  # the contact, as of the last answer
        self._gen = 0  # bumped by load/clear: older answers are dropped
        self._fetching = False
        self._refreshing = False
        self._again = False

    # ------------------------------------------------------------------ loading
    @property
    def contact(self) -> str:
        return self._contact

    @property
    def total(self) -> int:
        return self._total

    @property
    def contact_info(self) -> Contact | None:
        """The shown contact (name, company, counts) as read with the rows."""
        return self._info

    @property
    def busy(self) -> bool:
        return self._fetching or self._refreshing

    def _submit(self, fn: Callable[[TimelineStore], T], done: Callable[[T], None]) -> None:
        assert self._executor is not None, "search-only model"
        self._executor.submit(fn, done, owner=self)

    def load(self, contact: str, *, down_to: Key | None = None) -> None:
        """Show *contact*'s timeline: the first page (or all rows down to *down_to*)."""
        self._gen += 1
        gen = self._gen
        self._fetching = self._refreshing = self._again = False
        if contact != self._contact:
            self.beginResetModel()
            self._contact, self._rows, self._total, self._info = contact, [], 0, None
            self._shown, self._threads, self._collapsed = [], {}, set()
            self.endResetModel()
        if not contact:
            return
        self._refreshing = True
        limit = self.PAGE

        def first_rows(s: TimelineStore) -> list[LoggedEmail]:
            rows = s.timeline_page(contact, 1_000_000, down_to=down_to) if down_to else []
            if len(rows) < limit:
                before = key_of(rows[-1]) if rows else None
                rows += s.timeline_page(contact, limit - len(rows), before=before)
            return rows

        def job(s: TimelineStore) -> _Answer:
            return consistent(s, contact, lambda: first_rows(s))

        self._submit(job, lambda r: self._loaded(gen, r))

    def _loaded(self, gen: int, result: _Answer) -> None:
        if gen != self._gen:
            return
        self._refreshing = False
        self._rows, self._total, self._info = result
        self._present(reset=True)
        self.loaded.emit()
        self._run_again()

    def set_emails(self, emails: list[LoggedEmail]) -> None:
        """Search mode: a fixed result list, nothing fetched later."""
        self._gen += 1
        self._fetching = self._refreshing = self._again = False
        self._contact, self._info = "", None
        self._rows = list(emails)
        self._total = len(self._rows)
        self._present(reset=True)

    def clear(self) -> None:
        self.set_emails([])

    def canFetchMore(self, parent: AnyIndex = _ROOT) -> bool:  # noqa: N802 - Qt override
        return not parent.isValid() and bool(self._contact) and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = _ROOT) -> None:  # noqa: N802 - Qt override
        if self.busy or not self._rows or not self.canFetchMore(parent):
            return
        self._fetching = True
        gen, contact, before, page = self._gen, self._contact, key_of(self._rows[-1]), self.PAGE
        self._submit(
            lambda s: s.timeline_page(contact, page, before=before),
            lambda rows: self._fetched(gen, rows),
        )

    def _fetched(self, gen: int, page: list[LoggedEmail]) -> None:
        if gen != self._gen:
            return
        self._fetching = False
        if not page:
            self._total = len(self._rows)
        else:
            self._rows.extend(page)
            self._present()
        self._run_again()

    def refresh(self) -> None:
        """The store changed: re-read the loaded rows; new ones are inserted at the top,
        changed ones updated in place; anything else (a deletion, an older email brought
        in) reloads the same range. A refresh asked for meanwhile runs once afterwards."""
        if not self._contact:
            return
        if self.busy:
            self._again = True
            return
        if not self._rows:
            self.load(self._contact)
            return
        self._refreshing = True
        gen, contact, last = self._gen, self._contact, key_of(self._rows[-1])
        limit = len(self._rows) + self.MAX_NEW

        def job(s: TimelineStore) -> _Answer:
            return consistent(s, contact, lambda: s.timeline_page(contact, limit, down_to=last))

        self._submit(job, lambda r: self._refreshed(gen, r))

    def _refreshed(self, gen: int, result: _Answer) -> None:
        if gen != self._gen:
            return
        self._refreshing = False
        self._rows, self._total, self._info = result
        self.refreshed.emit(self._present())
        self._run_again()

    def _present(self, *, reset: bool = False) -> int:
        """Show ``_rows`` grouped by thread, telling the view as little as needed (one
        inserted or removed block keeps every other row's index, so the selection and the
        scroll position stay); returns how many rows were inserted at the top."""
        shown, info = group(self._rows, self._collapsed) if self._grouped else (self._rows, {})
        old, new = [e.message_id for e in self._shown], [e.message_id for e in shown]
        kind, at, n = ("reset", 0, 0) if reset else block_change(old, new)
        if kind == "insert":
            self.beginInsertRows(QModelIndex(), at, at + n - 1)
        elif kind == "remove":
            self.beginRemoveRows(QModelIndex(), at, at + n - 1)
        elif kind == "reset":
            self.beginResetModel()
        self._shown, self._threads = list(shown), info
        if kind == "insert":
            self.endInsertRows()
        elif kind == "remove":
            self.endRemoveRows()
        elif kind == "reset":
            self.endResetModel()
        if kind != "reset" and self._shown:  # statuses, thread lines, updated emails
            self.dataChanged.emit(self.index(0), self.index(len(self._shown) - 1))
        return n if kind == "insert" and at == 0 else 0

    # ------------------------------------------------------------------ threads
    def thread_at(self, row: int) -> ThreadInfo | None:
        """The thread's info when *row* is its newest row, else None."""
        e = self.email_at(row)
        if e is None or not self._grouped:
            return None
        head = row == 0 or self._shown[row - 1].thread_id != e.thread_id
        return self._threads.get(e.thread_id) if head else None

    def toggle_thread(self, row: int) -> None:
        """Collapse the thread whose newest row is *row* to that row, or expand it again."""
        info = self.thread_at(row)
        if info is not None and info.count > 1:
            self._collapsed ^= {info.thread_id}
            self._present()

    def _run_again(self) -> None:
        if self._again and not self.busy:
            self._again = False
            self.refresh()

    def row_of(self, message_id: str) -> int:
        """The row of *message_id* among the loaded rows (its thread expanded), or -1."""
        for i, e in enumerate(self._shown):
            if e.message_id == message_id:
                return i
        hidden = next((e for e in self._rows if e.message_id == message_id), None)
        if hidden is None or hidden.thread_id not in self._collapsed:
            return -1
        self._collapsed.discard(hidden.thread_id)
        self._present()
        return self.row_of(message_id)

    def email_at(self, row: int) -> LoggedEmail | None:
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def rows(self) -> list[LoggedEmail]:
        """As shown (grouped by thread)."""
        return list(self._shown)

    # ------------------------------------------------------------------ Qt model API
    def rowCount(self, parent: AnyIndex = _ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        row = index.row()
        e = self._shown[row]
        if role == EMAIL_ROLE:
            return e
        if role == Qt.ItemDataRole.DisplayRole:
            return e.subject
        if role == THREAD_LINK_ROLE:
            up = row > 0 and self._shown[row - 1].thread_id == e.thread_id
            down = row + 1 < len(self._shown) and self._shown[row + 1].thread_id == e.thread_id
            return (up, down)
        if role == THREAD_ROLE:
            return self.thread_at(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = [b.tooltip for b in badges_for(e) if b.tooltip]
            return "\n\n".join(tips) if tips else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{e.direction} {e.date:%Y-%m-%d} {e.subject}"
        return None

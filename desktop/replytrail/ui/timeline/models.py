"""Qt item models over the store: the contact list and a timeline that loads page by page."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from replytrail.core.models import Contact, LoggedEmail
from replytrail.core.store.base import Store
from replytrail.ui.common.widgets import badges_for

__all__ = [
    "CONTACT_ROLE",
    "EMAIL_ROLE",
    "THREAD_LINK_ROLE",
    "ContactListModel",
    "TimelineModel",
]

CONTACT_ROLE = Qt.ItemDataRole.UserRole + 1
EMAIL_ROLE = Qt.ItemDataRole.UserRole + 2
#: (newer row is in the same thread, older row is in the same thread)
THREAD_LINK_ROLE = Qt.ItemDataRole.UserRole + 3

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


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
    """A contact's logged emails, newest first, fetched in pages of :attr:`PAGE` on demand.

    ``rowCount`` starts at one page; the view's ``canFetchMore``/``fetchMore`` calls grow it
    as the user scrolls, so a 10,000-email history opens with one small indexed query.
    In search mode it holds a fixed list of results instead.
    """

    PAGE = 100

    def __init__(self, store: Store) -> None:
        super().__init__()
        self._store = store
        self._contact = ""
        self._rows: list[LoggedEmail] = []
        self._total = 0

    # ------------------------------------------------------------------ loading
    @property
    def contact(self) -> str:
        return self._contact

    @property
    def total(self) -> int:
        return self._total

    def load(self, contact: str) -> None:
        """Show *contact*'s timeline: the first page and the total count."""
        self.beginResetModel()
        self._contact = contact
        self._rows = self._store.timeline(contact, self.PAGE, 0) if contact else []
        self._total = (
            self._store.timeline_count(contact) if len(self._rows) == self.PAGE else len(self._rows)
        )
        self.endResetModel()

    def set_emails(self, emails: list[LoggedEmail]) -> None:
        """Search mode: a fixed result list, nothing fetched later."""
        self.beginResetModel()
        self._contact = ""
        self._rows = list(emails)
        self._total = len(self._rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_emails([])

    def canFetchMore(self, parent: AnyIndex = _ROOT) -> bool:  # noqa: N802 - Qt override
        return not parent.isValid() and bool(self._contact) and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = _ROOT) -> None:  # noqa: N802 - Qt override
        if not self.canFetchMore(parent):
            return
        page = self._store.timeline(self._contact, self.PAGE, len(self._rows))
        if not page:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()
        self._link_changed(first - 1)

    def refresh(self) -> None:
        """New emails were logged: insert them at the top, keeping rows (and the selection)."""
        if not self._contact:
            return
        page = self._store.timeline(self._contact, self.PAGE, 0)
        known = {e.message_id for e in self._rows}
        if not self._rows or all(e.message_id not in known for e in page):
            self.load(self._contact)
            return
        new = [e for e in page if e.message_id not in known]
        self._total = self._store.timeline_count(self._contact)
        if not new:
            return
        self.beginInsertRows(QModelIndex(), 0, len(new) - 1)
        self._rows[:0] = new
        self.endInsertRows()
        self._link_changed(len(new))

    def row_of(self, message_id: str, *, fetch: bool = True) -> int:
        """The row of *message_id*, loading further pages until it is found (or not there)."""
        while True:
            for i, e in enumerate(self._rows):
                if e.message_id == message_id:
                    return i
            if not fetch or not self.canFetchMore():
                return -1
            self.fetchMore()

    def email_at(self, row: int) -> LoggedEmail | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def loaded(self) -> list[LoggedEmail]:
        return list(self._rows)

    def _link_changed(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            idx = self.index(row)
            self.dataChanged.emit(idx, idx, [THREAD_LINK_ROLE])

    # ------------------------------------------------------------------ Qt model API
    def rowCount(self, parent: AnyIndex = _ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = index.row()
        e = self._rows[row]
        if role == EMAIL_ROLE:
            return e
        if role == Qt.ItemDataRole.DisplayRole:
            return e.subject
        if role == THREAD_LINK_ROLE:
            up = row > 0 and self._rows[row - 1].thread_id == e.thread_id
            down = row + 1 < len(self._rows) and self._rows[row + 1].thread_id == e.thread_id
            return (up, down)
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = [b.tooltip for b in badges_for(e) if b.tooltip]
            return "\n\n".join(tips) if tips else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{e.direction} {e.date:%Y-%m-%d} {e.subject}"
        return None

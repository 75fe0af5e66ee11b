"""Tells the open windows that the store changed: coalesced, and also for other processes.

Changes made in this process are announced with :meth:`StoreChanges.note` (an email
logged by the engine, one sent from compose, a contact forgotten). Changes made by another
process on the same data dir (``replytrail`` on the command line) are noticed by
``PRAGMA data_version`` on the store executor, checked on a slow timer that runs only
while a window is open — an idle tray app never wakes for it.
"""

from __future__ import annotations

import logging
from typing import Protocol

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from replytrail.qt.jobs import StoreExecutor

__all__ = ["StoreChanges", "VersionedStore"]

log = logging.getLogger("replytrail.changes")


class VersionedStore(Protocol):
    def data_version(self) -> int: ...


class StoreChanges(QObject):
    """Folds bursts of changes into at most one ``changed`` per :attr:`COALESCE_MS`.

    The first change of a burst is announced :attr:`COALESCE_MS` later; changes meanwhile
    ride along, so a 500-email catch-up refreshes the windows a few times, not 500.

    Signals:
        changed(): the store changed since the last ``changed``; windows re-read what they show.
    """

    changed = Signal()

    COALESCE_MS = 300
    POLL_MS = 600

    def __init__(
        self, executor: StoreExecutor[VersionedStore], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._executor = executor
        self._version: int | None = None
        self._watchers: set[int] = set()
        self.announced = 0
        self._coalesce = QTimer(self)
        self._coalesce.setSingleShot(True)
        self._coalesce.setInterval(self.COALESCE_MS)
        self._coalesce.timeout.connect(self._announce)
        self._poll = QTimer(self)
        self._poll.setInterval(self.POLL_MS)
        self._poll.timeout.connect(self._check_version)
        executor.wrote.connect(self.note)

    @Slot()
    def note(self) -> None:
        """Something changed; windows hear of it within :attr:`COALESCE_MS`."""
        if not self._coalesce.isActive():
            self._coalesce.start()

    def _announce(self) -> None:
        self.announced += 1
        self.changed.emit()

    # ------------------------------------------------------------------ other processes
    def watch(self, window: QObject) -> None:
        """Check for other processes' writes while *window* is open (its ``destroyed`` or
        :meth:`unwatch` ends that)."""
        key = id(window)
        if key in self._watchers:
            return
        self._watchers.add(key)
        window.destroyed.connect(lambda *_a: self._drop(key))
        if not self._poll.isActive():
            self._version = None
            self._check_version()
            self._poll.start()

    def unwatch(self, window: QObject) -> None:
        self._drop(id(window))

    def _drop(self, key: int) -> None:
        self._watchers.discard(key)
        if not self._watchers and shiboken6.isValid(self._poll):  # also when both go at exit
            self._poll.stop()

    @property
    def polling(self) -> bool:
        return self._poll.isActive()

    def _check_version(self) -> None:
        self._executor.submit(lambda s: s.data_version(), self._got_version, owner=self)

    def _got_version(self, version: int) -> None:
        if self._version is not None and version != self._version:
            log.debug("the store changed in another connection")
            self.note()
        self._version = version

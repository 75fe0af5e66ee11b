"""One worker thread for the UI's bigger store jobs; results come back to the GUI by signal."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from replytrail.core.errors import KnownError

__all__ = ["JobRunner"]

log = logging.getLogger("replytrail.jobs")

Callback = Callable[[Any], None]
ErrorCallback = Callable[[str], None]


class _Relay(QObject):
    """Lives on the GUI thread; worker threads emit, queued connections deliver.

    Signals:
        done(int, object): ticket and result.
        failed(int, str): ticket and a plain-language message.
    """

    done = Signal(int, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, ticket: int, fn: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._ticket, self._fn, self._relay = ticket, fn, relay

    def run(self) -> None:
        try:
            result = self._fn()
        except KnownError as e:
            self._relay.failed.emit(self._ticket, e.message)
        except Exception as e:  # a bug in a job must not kill the worker thread
            log.exception("background job failed")
            self._relay.failed.emit(self._ticket, (str(e) or type(e).__name__)[:300])
        else:
            self._relay.done.emit(self._ticket, result)


class JobRunner(QObject):
    """Runs callables one at a time off the GUI thread (the store has one connection).

    Each :meth:`submit` returns a ticket; callers that only want the latest answer (search
    as you type) compare it with the ticket of their newest request.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._tickets = itertools.count(1)
        self._pending: dict[int, tuple[Callback, ErrorCallback | None]] = {}

    def submit(
        self, fn: Callable[[], object], on_done: Callback, on_error: ErrorCallback | None = None
    ) -> int:
        ticket = next(self._tickets)
        self._pending[ticket] = (on_done, on_error)
        self._pool.start(_Job(ticket, fn, self._relay))
        return ticket

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = 5000) -> bool:
        """Block until running jobs end (on close); their results are then dropped."""
        ok = self._pool.waitForDone(msecs)
        self._pending.clear()
        return ok

    @Slot(int, object)
    def _on_done(self, ticket: int, result: object) -> None:
        cbs = self._pending.pop(ticket, None)
        if cbs:
            cbs[0](result)

    @Slot(int, str)
    def _on_failed(self, ticket: int, message: str) -> None:
        cbs = self._pending.pop(ticket, None)
        if cbs and cbs[1]:
            cbs[1](message)
        elif cbs:
            log.warning("background job failed: %s", message)

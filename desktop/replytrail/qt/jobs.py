"""The app's two task runners: a small pool for network work and the one store executor.

Anki's pattern: every read and write of the store the app makes runs on ONE worker thread
(:class:`StoreExecutor`), which owns the app's store connection; the GUI thread never
touches it and gets results back by a queued signal. Work that may block on the network
(sending, connection tests) runs on :class:`Jobs`, a small pool.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal

from replytrail.core.errors import KnownError
from replytrail.qt.relay import make_poster

__all__ = ["Jobs", "StoreExecutor"]

log = logging.getLogger("replytrail.jobs")
T = TypeVar("T")
S = TypeVar("S", covariant=True)  # an executor of a richer store serves a narrower one


class Jobs(QObject):
    """A small thread pool for jobs that may block on the network (never the GUI thread).

    The callbacks given to :meth:`run` are called on the thread this object lives in (the
    GUI thread), through the relay (``qt/relay.py``): a pool thread never touches this
    object, which its window may delete while a job runs.
    """

    def __init__(self, workers: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="replytrail-job")
        self._closed = False
        self._tickets = itertools.count(1)
        #: the callbacks stay here, on the GUI thread (they often hold widgets): what a pool
        #: thread holds and drops is only the ticket and the future
        self._pending: dict[int, tuple[Callable[[Any], None], Callable[[BaseException], None]]]
        self._pending = {}
        self._post = make_poster(self._deliver)

    def run(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> Future[T]:
        """Run *fn* on the pool; then ``on_done(result)`` or ``on_error(exc)`` on this thread."""
        ticket = next(self._tickets)
        self._pending[ticket] = (on_done, on_error)
        fut = self._pool.submit(fn)
        post = self._post
        fut.add_done_callback(lambda f: post(ticket, f))
        return fut

    def _deliver(self, ticket: int, fut: Future[Any]) -> None:
        callbacks = self._pending.pop(ticket, None)
        if callbacks is None or self._closed or fut.cancelled():
            return
        on_done, on_error = callbacks
        exc = fut.exception()
        if exc is not None:
            on_error(exc)
        else:
            on_done(fut.result())

    def shutdown(self) -> None:
        """Drop queued jobs; running ones finish in the background (their results are dropped)."""
        self._closed = True
        self._pending.clear()
        self._pool.shutdown(wait=False, cancel_futures=True)


def error_text(exc: BaseException) -> str:
    """The one line a user sees for a failed job (a bug is logged with its traceback)."""
    if isinstance(exc, KnownError):
        return exc.message
    log.error("background job failed", exc_info=exc)
    return (str(exc) or type(exc).__name__)[:300]


class StoreExecutor(QObject, Generic[S]):
    """One worker thread that owns the app's store connection; jobs run in submission order.

    ``open_store`` runs on the worker at the first job, so the connection is created, used
    and closed on that one thread. Callbacks run on the GUI thread; a callback whose
    *owner* widget is gone by then is dropped (windows may close while a job runs).

    Signals:
        wrote(): a job submitted with ``writes=True`` finished (the store changed).
    """

    wrote = Signal()

    def __init__(self, open_store: Callable[[], S], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open = open_store
        self._store: S | None = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="replytrail-store")
        self._tickets = itertools.count(1)
        self._pending: dict[int, tuple[Callable[[Any], None], Callable[[str], None] | None]] = {}
        self._owners: dict[int, QObject] = {}
        self._writes: set[int] = set()
        self._closed = False
        self._post = make_poster(self._deliver)  # the worker never emits on this object

    def submit(
        self,
        fn: Callable[[S], T],
        on_done: Callable[[T], None],
        on_error: Callable[[str], None] | None = None,
        *,
        owner: QObject | None = None,
        writes: bool = False,
    ) -> int:
        """Queue ``fn(store)``; returns a ticket (newest-answer-wins callers compare them)."""
        ticket = next(self._tickets)
        if self._closed:
            return ticket
        self._pending[ticket] = (on_done, on_error)
        if owner is not None:
            self._owners[ticket] = owner
        if writes:
            self._writes.add(ticket)
        self._pool.submit(self._run, ticket, fn)
        return ticket

    def _run(self, ticket: int, fn: Callable[[S], object]) -> None:
        try:
            if self._store is None:
                self._store = self._open()
            result = fn(self._store)
        except BaseException as e:
            self._post((ticket, None, e))
        else:
            self._post((ticket, result, None))

    def _deliver(self, item: tuple[int, object, BaseException | None]) -> None:
        ticket, result, exc = item
        if self._closed:
            return
        cbs = self._pending.pop(ticket, None)
        owner = self._owners.pop(ticket, None)
        if ticket in self._writes:
            self._writes.discard(ticket)
            self.wrote.emit()
        if cbs is None or (owner is not None and not shiboken6.isValid(owner)):
            return
        on_done, on_error = cbs
        if exc is None:
            on_done(result)
            return
        message = error_text(exc)
        if on_error is not None:
            on_error(message)
        else:
            log.warning("store job failed: %s", message)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def call(self, fn: Callable[[S], T], timeout: float = 30.0) -> T:
        """Run ``fn(store)`` on the worker and wait for it: for start-up and shutdown code
        and tests, never for a window (they use :meth:`submit`)."""

        def job() -> T:
            if self._store is None:
                self._store = self._open()
            return fn(self._store)

        return self._pool.submit(job).result(timeout)

    def close(self) -> None:
        """Finish queued jobs, close the connection on the worker, and stop the thread."""
        if self._closed:
            return
        self._closed = True
        self._pending.clear()
        self._owners.clear()

        def shut() -> None:
            closer = getattr(self._store, "close", None)
            if callable(closer):
                closer()
            self._store = None

        self._pool.submit(shut)
        self._pool.shutdown(wait=True)

"""One-shot background work (connection tests, sending); results come back on the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

__all__ = ["Jobs"]

log = logging.getLogger("replytrail.jobs")
T = TypeVar("T")


class Jobs(QObject):
    """A small thread pool for jobs that may block on the network (never the GUI thread).

    The callbacks given to :meth:`run` are called on the thread this object lives in (the
    GUI thread). Signals: ``finished(object)`` internal, carries (future, on_done, on_error).
    """

    finished = Signal(object)

    def __init__(self, workers: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="replytrail-job")
        self._closed = False
        self.finished.connect(self._deliver)

    def run(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> Future[T]:
        """Run *fn* on the pool; then ``on_done(result)`` or ``on_error(exc)`` on this thread."""
        fut = self._pool.submit(fn)
        fut.add_done_callback(lambda f: self._emit((f, on_done, on_error)))
        return fut

    def _emit(
        self, item: tuple[Future[Any], Callable[[Any], None], Callable[[BaseException], None]]
    ) -> None:
        if not self._closed:
            self.finished.emit(item)

    @Slot(object)
    def _deliver(
        self, item: tuple[Future[Any], Callable[[Any], None], Callable[[BaseException], None]]
    ) -> None:
        fut, on_done, on_error = item
        if fut.cancelled():
            return
        exc = fut.exception()
        if exc is not None:
            on_error(exc)
        else:
            on_done(fut.result())

    def shutdown(self) -> None:
        """Drop queued jobs; running ones finish in the background (their results are dropped)."""
        self._closed = True
        self._pool.shutdown(wait=False, cancel_futures=True)

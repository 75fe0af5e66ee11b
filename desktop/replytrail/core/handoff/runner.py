"""The hand-off worker's thread inside a running engine (tray app, ``replytrail watch``)."""

from __future__ import annotations

import threading
from pathlib import Path

from replytrail.core.accounts import AccountRegistry
from replytrail.core.credentials import Credentials
from replytrail.core.events import EventSink
from replytrail.core.handoff.targets import TargetBook
from replytrail.core.handoff.worker import PREFIX, EmailSource, HandoffWorker
from replytrail.core.oauth.tokens import AccountSecrets
from replytrail.core.store.base import ReadStore
from replytrail.core.store.outbox import OutboxQueue

__all__ = ["HandoffRunner"]


class HandoffRunner:
    """Starts and stops one :class:`HandoffWorker` thread; :meth:`wake` after a new entry."""

    def __init__(
        self,
        store_path: Path,
        store: ReadStore,
        targets: TargetBook,
        accounts: AccountRegistry,
        credentials: Credentials,
        secrets: AccountSecrets | None = None,
    ) -> None:
        self.targets = targets
        self._secrets = secrets
        source = EmailSource(store.email_by_id, store.raw_message, store.contact)
        self._args = (store_path, source, targets, accounts, credentials)
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._worker: HandoffWorker | None = None
        self._queue: OutboxQueue | None = None

    def start(self, sink: EventSink | None = None) -> None:
        """Start the worker thread; its state changes go to *sink* (the engine's)."""
        if self._thread is not None and self._thread.is_alive():
            return
        store_path, source, targets, accounts, credentials = self._args
        self._queue = OutboxQueue(store_path, PREFIX)
        self._worker = HandoffWorker(
            self._queue, source, targets, accounts, credentials, sink, self._secrets
        )
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._worker.run, args=(self._stop,), name="handoff", daemon=True
        )
        self._thread.start()

    def wake(self) -> None:
        if self._worker is not None:
            self._worker.wake.set()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        self.wake()
        if self._thread is not None:
            self._thread.join(timeout)
            if not self._thread.is_alive() and self._queue is not None:
                self._queue.close()
        self._thread = None

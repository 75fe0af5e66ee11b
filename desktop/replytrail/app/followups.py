"""Follow-ups in the tray app: the awaiting-reply count in the tray menu, due reminders shown.

A slow timer (once a minute, and soon after an email was logged) asks the store off the GUI
thread; a due reminder becomes one notification, and is marked shown only after it was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from replytrail.core.store.base import Store
from replytrail.core.store.followups import FollowUps, Reminder
from replytrail.qt.job_runner import JobRunner
from replytrail.ui.tray.followups import FollowUpMenu
from replytrail.ui.tray.notify import Notifier

__all__ = ["FollowUpService"]

log = logging.getLogger("replytrail.app.followups")
CHECK_MS = 60_000
AFTER_CHANGE_MS = 800  # coalesces a burst of logged emails into one recount


class FollowUpService(QObject):
    """Signals: openAwaiting(): the tray's count was clicked."""

    openAwaiting = Signal()  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        open_store: Callable[[], Store],
        days: Callable[[], int],
        menu: FollowUpMenu,
        notifier: Notifier,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._open_store, self._days, self.menu, self._notifier = open_store, days, menu, notifier
        self._store: Store | None = None  # opened and used on the worker thread only
        self._jobs = JobRunner(self)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(AFTER_CHANGE_MS)
        self._soon.timeout.connect(self.check)
        menu.clicked.connect(self.openAwaiting)

    def start(self) -> None:
        self._timer.start()
        self.check()

    def stop(self) -> None:
        self._timer.stop()
        self._soon.stop()
        self._jobs.wait(2000)
        if self._store is not None:
            self._store.close()
            self._store = None

    def _followups(self) -> FollowUps:
        """On the worker thread: the service's own read/write connection."""
        if self._store is None:
            self._store = self._open_store()
        return FollowUps(self._store)

    @Slot()
    def changed(self) -> None:
        """The store changed (an email was logged): recount soon, once for a burst."""
        self._soon.start()

    @Slot()
    def check(self) -> None:
        days = self._days()

        def job() -> tuple[int, list[Reminder]]:
            f = self._followups()
            return f.count(days), f.due()

        self._jobs.submit(job, self._checked, lambda m: log.warning("follow-ups: %s", m))

    def _checked(self, result: object) -> None:
        assert isinstance(result, tuple)
        count, due = result
        self.menu.set_count(count)
        shown: list[str] = []
        for r in due:
            summary = self.tr("No reply from {who} yet").format(
                who=r.email.to[0].name if r.email.to and r.email.to[0].name else r.contact
            )
            self._notifier.show_message(r.email.message_id, summary, r.email.subject)
            shown.append(r.email.message_id)
        if shown:
            self._jobs.submit(
                lambda: self._followups().mark_notified(shown),
                lambda _r: None,
                lambda m: log.warning("follow-ups: %s", m),
            )

"""Follow-ups in the tray app: the awaiting-reply count in the tray menu, due reminders shown.

A slow timer (once a minute, and soon after an email was logged) asks the store on the
store executor; a due reminder becomes one notification, and is marked shown only after it
was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from replytrail.core.store.followups import FollowUps, Reminder
from replytrail.qt.jobs import StoreExecutor
from replytrail.ui.tray.followups import FollowUpMenu
from replytrail.ui.tray.notify import Notifier

__all__ = ["FollowUpService"]

log = logging.getLogger("replytrail.app.followups")
CHECK_MS = 60_000
AFTER_CHANGE_MS = 800  # coalesces a burst of logged emails into one recount


def _check(store: Any, days: int) -> tuple[int, list[Reminder]]:
    f = FollowUps(store)
    return f.count(days), f.due()


class FollowUpService(QObject):
    """Signals: openAwaiting(): the tray's count was clicked."""

    openAwaiting = Signal()  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        executor: StoreExecutor[Any],
        days: Callable[[], int],
        menu: FollowUpMenu,
        notifier: Notifier,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._executor, self._days, self.menu, self._notifier = executor, days, menu, notifier
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(AFTER_CHANGE_MS)
        self._soon.timeout.connect(self.check)
        self.checks = 0  # answers received (tests wait on it)
        menu.clicked.connect(self.openAwaiting)

    def start(self) -> None:
        self._timer.start()
        self.check()

    def stop(self) -> None:
        self._timer.stop()
        self._soon.stop()

    @Slot()
    def changed(self) -> None:
        """The store changed (an email was logged): recount soon, once for a burst."""
        self._soon.start()

    @Slot()
    def check(self) -> None:
        days = self._days()
        self._executor.submit(
            lambda s: _check(s, days),
            self._checked,
            lambda m: log.warning("follow-ups: %s", m),
            owner=self,
        )

    def _checked(self, result: tuple[int, list[Reminder]]) -> None:
        count, due = result
        self.checks += 1
        self.menu.set_count(count)
        shown: list[str] = []
        for r in due:
            who = r.email.to[0].name if r.email.to and r.email.to[0].name else r.contact
            summary = self.tr("No reply from {who} yet").format(who=who)
            self._notifier.show_message(r.email.message_id, summary, r.email.subject)
            shown.append(r.email.message_id)
        if shown:
            self._executor.submit(
                lambda s: FollowUps(s).mark_notified(shown),
                lambda _r: None,
                lambda m: log.warning("follow-ups: %s", m),
                owner=self,
            )

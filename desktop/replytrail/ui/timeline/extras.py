"""Adds the tool row and the "Awaiting reply" view to the timeline window (issue 8.3, 8.7).

Kept apart from ``window.py`` so the window only hosts it: the tool row goes under the search
bar, the awaiting page into the middle stack; showing a contact or searching leaves the view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject

from replytrail.core.store.followups import FollowUps
from replytrail.ui.timeline.awaiting import AwaitingPage
from replytrail.ui.timeline.tools import TimelineTools

if TYPE_CHECKING:
    from replytrail.ui.timeline.window import TimelineWindow

__all__ = ["TimelineExtras"]


class TimelineExtras(QObject):
    """Owns the tool row and the awaiting-reply page of one :class:`TimelineWindow`."""

    def __init__(self, window: TimelineWindow, days: Callable[[], int]) -> None:
        super().__init__(window)
        self.window = w = window
        self.tools = TimelineTools()
        w.top_layout.addWidget(self.tools)
        self.page = AwaitingPage(FollowUps(w._store), w._jobs.submit, days)
        w.middle_stack.addWidget(self.page)
        self.tools.awaitingToggled.connect(self.show_awaiting)
        self.tools.importRequested.connect(w.importRequested)
        self.tools.contact_button.menu().aboutToShow.connect(self._contact_menu)
        self.tools.set_contact_actions(set())
        self.page.emailSelected.connect(w.reading.show_email)
        self.page.contactRequested.connect(self._open_contact)
        self.page.status.connect(w._status)
        self.page.countChanged.connect(self.tools.set_awaiting_count)
        w.contact_view.selectionModel().currentChanged.connect(self._contact_chosen)
        w.search_bar.changed.connect(lambda: self.tools.awaiting_button.setChecked(False))
        self.page.reload()

    @property
    def active(self) -> bool:
        return self.tools.awaiting_button.isChecked()

    def reload(self) -> None:
        """The store changed: refresh the count and, when shown, the list."""
        self.tools.set_contact(self.window._current)
        self.page.reload()

    def show_awaiting(self, on: bool) -> None:
        w = self.window
        if on:
            if w.search_bar.active:
                w.search_bar.reset()
            w.header_stack.hide()
            w.middle_stack.setCurrentWidget(self.page)
            self.page.reload()
            w.reading.show_email(self.page.selected())
            return
        w.header_stack.show()
        if w.middle_stack.currentWidget() is self.page:
            w.middle_stack.setCurrentWidget(w.timeline_empty)
            w._update_empty()

    def _contact_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.tools.set_contact(self.window._current)
        if current.isValid():
            self.tools.awaiting_button.setChecked(False)

    def _open_contact(self, email: str) -> None:
        self.tools.awaiting_button.setChecked(False)
        self.window.show_contact(email)

    def _contact_menu(self) -> None:
        self.tools.set_contact(self.window._current)

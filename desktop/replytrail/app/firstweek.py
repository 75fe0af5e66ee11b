"""The first-week features wired into the tray app (issue 8: 3, 7, 8, 9, 11).

Bringing in existing conversations (offered after set-up and from the timeline), the
awaiting-reply count and reminders, contact fixes and the awaiting view in the timeline,
address completion in compose, and the ways out of account trouble. The app calls the
hooks below; everything else lives here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QMainWindow

from replytrail.app.followups import FollowUpService
from replytrail.app.importing import ImportLauncher
from replytrail.app.trouble import TroubleController
from replytrail.core.models import Contact
from replytrail.ui.tray.followups import FollowUpMenu
from replytrail.ui.tray.trouble import AccountTrouble

if TYPE_CHECKING:
    from replytrail.app.application import TrayApp
    from replytrail.ui.settings.dialog import SettingsDialog
    from replytrail.ui.timeline.extras import TimelineExtras
    from replytrail.ui.timeline.window import TimelineWindow

__all__ = ["FirstWeek"]

log = logging.getLogger("replytrail.app.firstweek")


class FirstWeek(QObject):
    """Built once by the :class:`TrayApp`; holds the features' controllers."""

    def __init__(self, app: TrayApp) -> None:
        super().__init__(app)
        self.app = app
        self.extras: TimelineExtras | None = None
        self.importer = ImportLauncher(
            paths=app.paths,
            accounts=app.accounts,
            credentials=app.credentials,
            settings=app.settings,
            jobs=app.jobs,
            parent=self,
        )
        self.importer.finished.connect(app.changes.note)
        self.followup_menu = FollowUpMenu(app.tray.menu, app.tray.compose_action, self)
        self.followups = FollowUpService(
            app.executor, self.followup_days, self.followup_menu, app.notifier, self
        )
        self.followups.openAwaiting.connect(self.open_awaiting)
        app.changes.changed.connect(self.followups.changed)
        app.engine.emailLogged.connect(self.followups.changed)
        self.trouble = TroubleController(
            tray_trouble=AccountTrouble(app.tray.menu, app.tray.open_action, self),
            engine=app.engine,
            accounts=app.accounts,
            credentials=app.credentials,
            jobs=app.jobs,
            message=lambda text: app.notifier.show_message("account", "Replytrail", text),
            parent=self,
        )
        app.setupFinished.connect(self.offer_import)

    def followup_days(self) -> int:
        return self.app.settings.values().followups.days

    def start(self) -> None:
        self.followups.start()

    def stop(self) -> None:
        self.followups.stop()

    # ------------------------------------------------------------------ hooks
    def timeline_created(self, w: TimelineWindow) -> None:
        from replytrail.core.team.membership import joined, team_forget
        from replytrail.ui.timeline.extras import TimelineExtras

        settings = self.app.settings
        self.extras = TimelineExtras(
            w, self.app.executor, self.followup_days, lambda: joined(settings)
        )
        w.forget_job = team_forget(settings)  # in a team, queued for the team store too
        self.extras.importRequested.connect(lambda contact: self.importer.open(w, contact))

    def settings_created(self, d: SettingsDialog) -> None:
        self.trouble.connect_signals(d.trouble)
        self.trouble.settings_panels.append(d.trouble.update_state)
        for state in self.trouble.states.values():
            d.trouble.update_state(state)

    def load_contacts(self, done: Callable[[list[Contact]], None]) -> None:
        """For address completion in compose: the contacts, from the store executor."""
        self.app.executor.submit(lambda s: s.contacts("", 5000), done, owner=self)

    # ------------------------------------------------------------------ actions
    @Slot(QMainWindow)
    def offer_import(self, w: QMainWindow) -> None:
        """After set-up: the offer to bring in existing conversations, over the timeline."""
        self.importer.open(w)

    @Slot()
    def open_awaiting(self) -> None:
        self.app.open_timeline()
        if self.extras is not None:
            self.extras.tools.awaiting_button.setChecked(True)

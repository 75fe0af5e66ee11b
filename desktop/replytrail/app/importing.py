"""Runs "bring in existing conversations" for the tray app: the dialog, a store of its own."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials
from replytrail.core.engine import watch_options
from replytrail.core.mail.importer import (
    ImportProgress,
    ImportRequest,
    ImportResult,
    import_accounts,
)
from replytrail.core.paths import Paths
from replytrail.core.store.local import open_store
from replytrail.qt.jobs import Jobs
from replytrail.ui.timeline.import_dialog import ImportDialog

__all__ = ["ImportLauncher"]

log = logging.getLogger("replytrail.app.import")


class ImportLauncher(QObject):
    """One import dialog at a time; the import writes through a store connection of its own.

    Signals:
        finished(): an import ended (the windows refresh).
    """

    finished = Signal()

    def __init__(
        self,
        *,
        paths: Paths,
        accounts: AccountRegistry,
        credentials: Credentials,
        settings: Settings,
        jobs: Jobs,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths, self.accounts, self.credentials = paths, accounts, credentials
        self.settings, self.jobs = settings, jobs
        self.dialog: ImportDialog | None = None

    def open(self, parent: QWidget | None, contact: str = "", start: bool = False) -> ImportDialog:
        """Show the offer (or the running import); *start*: begin at once."""
        d = self.dialog
        if d is None or not (d.isVisible() or d.running):
            d = ImportDialog(
                self.run,
                self.jobs,
                weeks=self.settings.values().history.import_weeks,
                contact=contact,
                parent=parent,
            )
            d.imported.connect(lambda _results: self.finished.emit())
            self.dialog = d
        d.show()
        d.raise_()
        d.activateWindow()
        if start:
            d.start()
        return d

    def run(
        self,
        req: ImportRequest,
        progress: Callable[[ImportProgress], None],
        stop: threading.Event,
    ) -> list[ImportResult]:
        """On a worker thread: every enabled account, through a store connection of its own."""
        store = open_store(self.paths)
        try:
            return import_accounts(
                store,
                [a for a in self.accounts.all() if a.enabled],
                lambda a: self.credentials.get(a.credential_ref),
                watch_options(self.settings).policy,
                req,
                progress=progress,
                stop=stop,
            )
        finally:
            store.close()

"""The composition root of the tray app: builds every object once and wires them together.

Threads: the engine's watchers (their events reach the GUI through :class:`EngineAdapter`),
a small job pool for one-shot network work (sending, connection tests), and the GUI
thread. Store reads for the GUI happen on the GUI thread, on a read connection of its own
(``gui_store``): they are paged queries (a page of a timeline, a contact list) that take
milliseconds on SQLite in WAL mode, where readers never wait for the engine's writes — the
engine writes through its own connection. docs/performance.md has the figures.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from replytrail.app.autostart import Autostart, launch_command
from replytrail.app.engine_thread import EngineAdapter, EngineLike
from replytrail.app.followups import FollowUpService
from replytrail.app.i18n import choose_language, install_translators
from replytrail.app.importing import ImportLauncher
from replytrail.app.single_instance import SingleInstance
from replytrail.app.trouble import TroubleController
from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials, IsolatedCredentials
from replytrail.core.errors import KnownError
from replytrail.core.events import AccountState, AccountStopped, EventSink, WatchState
from replytrail.core.models import Contact
from replytrail.core.paths import Paths
from replytrail.core.store.local import open_store
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.qt.job_runner import JobRunner
from replytrail.qt.jobs import Jobs
from replytrail.ui.tray.followups import FollowUpMenu
from replytrail.ui.tray.notify import Notifier
from replytrail.ui.tray.tray import TrayIcon
from replytrail.ui.tray.trouble import AccountTrouble

if TYPE_CHECKING:  # the windows are imported when first opened: a quick start, a small idle app
    from replytrail.ui.settings.dialog import SettingsDialog
    from replytrail.ui.timeline.window import TimelineWindow

__all__ = ["TrayApp", "main"]

log = logging.getLogger("replytrail.app")
ENGINE_START_DELAY_MS = 0


class TrayApp(QObject):
    """Connects the tray, notifications, settings and windows to the engine (no signals)."""

    def __init__(
        self,
        *,
        paths: Paths,
        settings: Settings,
        accounts: AccountRegistry,
        credentials: Credentials,
        gui_store: SQLiteStore | Callable[[], SQLiteStore],
        engine: EngineAdapter,
        jobs: Jobs,
        autostart: Autostart | None,
        quit_app: Callable[[], None],
        parent: QObject | None = None,
        tray: TrayIcon | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths, self.settings, self.accounts = paths, settings, accounts
        self.credentials, self.engine, self.jobs = credentials, engine, jobs
        # the GUI's read connection opens with the first window that reads the store
        self._gui_store: SQLiteStore | None = (
            gui_store if isinstance(gui_store, SQLiteStore) else None
        )
        self._open_gui_store = gui_store if not isinstance(gui_store, SQLiteStore) else None
        self.autostart = autostart
        self._quit_app = quit_app
        self._timeline: TimelineWindow | None = None
        self._settings_dialog: SettingsDialog | None = None
        self._compose: list[QWidget] = []

        self.tray = tray or TrayIcon(self)
        self.tray.setParent(self)
        self.notifier = Notifier(
            self.tray.icon, lambda: bool(settings.get("general.notifications")), parent=self
        )
        self.tray.openTimelineRequested.connect(self.open_timeline)
        self.tray.composeRequested.connect(self.compose)
        self.tray.pauseRequested.connect(engine.set_paused)
        self.tray.accountsRequested.connect(lambda: self.open_settings(accounts_tab=True))
        self.tray.settingsRequested.connect(self.open_settings)
        self.tray.quitRequested.connect(self.quit)
        engine.stateChanged.connect(self.tray.update_account)
        engine.progress.connect(self.tray.set_progress)
        engine.pausedChanged.connect(self.tray.set_paused)
        engine.accountStopped.connect(self._account_stopped)
        engine.emailLogged.connect(self.notifier.email_logged)
        self.notifier.openEmail.connect(self.open_email)
        settings.on_change(self._setting_changed)
        self._wire_firstweek()

    def _wire_firstweek(self) -> None:
        """Bringing conversations in (SPEC §15) and follow-ups (§16)."""
        paths = self.paths
        self.importer = ImportLauncher(
            paths=paths,
            accounts=self.accounts,
            credentials=self.credentials,
            settings=self.settings,
            jobs=self.jobs,
            parent=self,
        )
        self.importer.finished.connect(self.store_changed)
        self.followup_menu = FollowUpMenu(self.tray.menu, self.tray.compose_action, self)
        self.followups = FollowUpService(
            lambda: open_store(paths),
            self.followup_days,
            self.followup_menu,
            self.notifier,
            self,
        )
        self.followups.openAwaiting.connect(self.open_awaiting)
        self.engine.emailLogged.connect(self.followups.changed)
        self._contact_jobs = JobRunner(self)
        self.trouble = TroubleController(
            tray_trouble=AccountTrouble(self.tray.menu, self.tray.open_action, self),
            engine=self.engine,
            accounts=self.accounts,
            credentials=self.credentials,
            jobs=self.jobs,
            message=lambda text: self.notifier.show_message("account", "Replytrail", text),
            parent=self,
        )

    def followup_days(self) -> int:
        return int(self.settings.get("followups.days"))

    @property
    def gui_store(self) -> SQLiteStore:
        if self._gui_store is None:
            assert self._open_gui_store is not None
            self._gui_store = self._open_gui_store()
        return self._gui_store

    def close(self) -> None:
        """Close what this app opened itself (the GUI's read connection)."""
        if self._open_gui_store is not None and self._gui_store is not None:
            self._gui_store.close()
            self._gui_store = None

    # ------------------------------------------------------------------ start / stop
    def start(self) -> None:
        accounts = self._enabled_accounts()
        self.tray.set_states([AccountState(a, WatchState.CATCHING_UP) for a in accounts])
        self.tray.show()
        # the icon first; the engine (imapclient, TLS, keyring) a moment later
        QTimer.singleShot(ENGINE_START_DELAY_MS, self.engine.start)
        self.followups.start()
        if accounts:
            self.apply_autostart()
        log.info("Replytrail started: %d account(s)", len(accounts))

    def _enabled_accounts(self) -> list[str]:
        try:
            return [a.email for a in self.accounts.all() if a.enabled]
        except KnownError as e:
            log.warning("%s", e.message)
            return []

    @Slot()
    def quit(self) -> None:
        log.info("quitting")
        self.tray.hide()
        self.notifier.close()
        self.followups.stop()
        self.engine.stop()
        self.jobs.shutdown()
        self._quit_app()

    # ------------------------------------------------------------------ windows
    @Slot()
    def open_timeline(self) -> TimelineWindow:
        if self._timeline is None:
            from replytrail.app.boot import drop_source_cache
            from replytrail.ui.timeline.window import TimelineWindow

            self._timeline = TimelineWindow(self.gui_store, followup_days=self.followup_days)
            drop_source_cache()
            self._timeline.composeRequested.connect(lambda to: self.compose(to=to))
            self._timeline.replyRequested.connect(lambda mid: self.compose(reply_to=mid))
            self._timeline.importRequested.connect(
                lambda contact: self.importer.open(self._timeline, contact=contact)
            )
        w = self._timeline
        w.show()
        w.raise_()
        w.activateWindow()
        return w

    @Slot()
    def open_awaiting(self) -> None:
        self.open_timeline().extras.tools.awaiting_button.setChecked(True)

    @Slot()
    def offer_import(self) -> None:
        """After set-up: the timeline, and the offer to bring in existing conversations."""
        self.importer.open(self.open_timeline())

    @Slot()
    def store_changed(self) -> None:
        if self._timeline is not None:
            self._timeline.refresh()
        self.followups.changed()

    @Slot(str)
    def open_email(self, message_id: str) -> None:
        self.open_timeline().show_email(message_id)

    @Slot()
    def compose(self, to: str = "", reply_to: str = "") -> None:
        """A compose window (to a contact, or answering a logged email); sends off-thread."""
        try:
            accounts = [a for a in self.accounts.all() if a.enabled]
        except KnownError as e:
            QMessageBox.warning(None, "Replytrail", e.message)
            return
        if not accounts:
            self.first_run()
            return
        original = self.gui_store.email(reply_to) if reply_to else None
        from replytrail.ui.compose.window import ComposeDialog

        dialog = ComposeDialog(
            accounts,
            self.engine.engine.send,
            self.paths.drafts_dir,
            to=to,
            reply_to=original,
            load_contacts=self._load_contacts,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._compose = [d for d in self._compose if d.isVisible()] + [dialog]
        dialog.show()

    def _load_contacts(self, done: Callable[[list[Contact]], None]) -> None:
        """For address completion: the contacts, read off the GUI thread."""
        store = self.gui_store
        self._contact_jobs.submit(
            lambda: store.contacts("", 5000), lambda r: done(r) if isinstance(r, list) else None
        )

    @Slot()
    def open_settings(self, accounts_tab: bool = False) -> SettingsDialog:
        if self._settings_dialog is None:
            from replytrail.ui.settings.dialog import SettingsDialog

            self._settings_dialog = SettingsDialog(
                settings=self.settings,
                accounts=self.accounts,
                credentials=self.credentials,
                jobs=self.jobs,
                add_account=self.add_account,
            )
            self._settings_dialog.accountsChanged.connect(self.accounts_changed)
            self.trouble.connect_signals(self._settings_dialog.trouble)
            self.trouble.settings_panels.append(self._settings_dialog.update_account_state)
            for state in self.trouble.states.values():
                self._settings_dialog.update_account_state(state)
        d = self._settings_dialog
        d.load()
        d.tabs.setCurrentIndex(0 if accounts_tab else 1)
        d.show()
        d.raise_()
        d.activateWindow()
        return d

    def add_account(self, parent: QWidget | None) -> bool:
        """The one seam to the set-up wizard."""
        from replytrail.app.first_run import open_setup

        return open_setup(
            parent, accounts=self.accounts, credentials=self.credentials, settings=self.settings
        )

    @Slot()
    def first_run(self) -> None:
        if self.add_account(None):
            self.accounts_changed()
            self.apply_autostart()
            self.offer_import()

    # ------------------------------------------------------------------ reactions
    @Slot()
    def accounts_changed(self) -> None:
        self.engine.reload_accounts()
        known = set(self._enabled_accounts())
        self.tray.set_states(
            [s for s in self.engine.states() if s.account in known]
            or [AccountState(a, WatchState.CATCHING_UP) for a in known]
        )

    @Slot(object)
    def _account_stopped(self, event: AccountStopped) -> None:
        self.tray.update_account(AccountState(event.account, WatchState.ERROR, event.message))

    def _setting_changed(self, key: str) -> None:
        if key == "general.language":
            lang = install_translators(choose_language(str(self.settings.get(key))))
            log.info("language now %s", lang)
        elif key == "general.start_at_login":
            self.apply_autostart()

    def apply_autostart(self) -> None:
        if self.autostart is not None:
            try:
                self.autostart.set_enabled(bool(self.settings.get("general.start_at_login")))
            except OSError as e:
                log.warning("cannot change start at login: %s", e)


def _fill_demo(root: Path) -> None:
    from replytrail.app.demo import build_demo_data

    build_demo_data(root)


def _engine_factory(
    store: SQLiteStore, accounts: AccountRegistry, credentials: Credentials, settings: Settings
) -> Callable[[EventSink], EngineLike]:
    def make(sink: EventSink) -> EngineLike:
        from replytrail.core.engine import Engine  # imapclient, TLS: after the icon is up

        return Engine(
            store=store, accounts=accounts, credentials=credentials, settings=settings, sink=sink
        )

    return make


def assemble(
    *,
    app: QApplication,
    tray: TrayIcon,
    paths: Paths,
    settings: Settings,
    accounts: AccountRegistry,
    instance: SingleInstance,
    demo_root: Path | None,
) -> tuple[TrayApp, list[SQLiteStore]]:
    """Everything after the tray icon is up (app/boot.py shows it first): the stores, the
    engine, notifications, windows; then the engine starts."""
    if demo_root is not None:
        _fill_demo(demo_root)
        settings.reload()
    credentials = IsolatedCredentials()  # keyring in a helper process: a small idle app
    store = SQLiteStore(paths.store_file, paths.blob_dir)  # the engine's (writes)
    jobs = Jobs()
    engine = EngineAdapter(_engine_factory(store, accounts, credentials, settings), jobs)
    autostart = (
        None
        if demo_root is not None
        else Autostart(launch_command(paths.data_dir if paths.portable else None))
    )
    tray_app = TrayApp(
        paths=paths,
        settings=settings,
        accounts=accounts,
        credentials=credentials,
        gui_store=lambda: SQLiteStore(paths.store_file, paths.blob_dir),  # the GUI's (reads)
        engine=engine,
        jobs=jobs,
        autostart=autostart,
        quit_app=app.quit,
        tray=tray,
    )
    instance.activated.connect(tray_app.open_timeline)
    tray_app.start()
    if demo_root is not None:
        QTimer.singleShot(0, tray_app.open_timeline)
    elif not accounts.all():
        QTimer.singleShot(0, tray_app.first_run)
    return tray_app, [store]


def main(data_dir: str | None, demo: bool) -> int:
    """Run the tray app until Quit (see app/boot.py)."""
    from replytrail.app.boot import run

    return run(data_dir, demo)

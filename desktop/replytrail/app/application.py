"""The composition root of the tray app: builds every object once and wires them together.

Threads: the engine's watchers (their events reach the GUI through :class:`EngineAdapter`),
a small pool for network work (sending, connection tests), the store executor — the one
worker thread on which every store read and write of the app's windows runs, on a
connection of its own (the engine writes through its own; SQLite's WAL lets the two work
side by side) — and the GUI thread, which never touches a store connection.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from replytrail.app.autostart import Autostart
from replytrail.app.engine_thread import EngineAdapter
from replytrail.app.firstweek import FirstWeek
from replytrail.app.i18n import choose_language, install_translators
from replytrail.app.windows import BounceLine, bring_forward
from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials
from replytrail.core.errors import KnownError
from replytrail.core.events import (
    AccountState,
    AccountStopped,
    WatchState,
)
from replytrail.core.handoff.targets import TargetBook
from replytrail.core.models import Account, LoggedEmail
from replytrail.core.paths import Paths
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.qt.changes import StoreChanges
from replytrail.qt.jobs import Jobs, StoreExecutor
from replytrail.ui.reading.files import AttachmentSource
from replytrail.ui.tray.notify import Notifier
from replytrail.ui.tray.tray import TrayIcon

if TYPE_CHECKING:  # the windows are imported when first opened: a quick start, a small idle app
    from replytrail.ui.settings.dialog import SettingsDialog
    from replytrail.ui.settings.handoff_page import HandoffPage
    from replytrail.ui.settings.team_page import TeamPage
    from replytrail.ui.timeline.window import TimelineWindow

__all__ = ["TrayApp"]

log = logging.getLogger("replytrail.app")
ENGINE_START_DELAY_MS = 0


class TrayApp(QObject):
    """Connects the tray, notifications, settings and windows to the engine.

    Signals:
        setupFinished(QMainWindow): the wizard added the first account and the timeline is
            open; the place to offer bringing in existing conversations.
    """

    setupFinished = Signal(QMainWindow)  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        *,
        paths: Paths,
        settings: Settings,
        accounts: AccountRegistry,
        credentials: Credentials,
        executor: StoreExecutor[SQLiteStore],
        attachments: AttachmentSource,
        engine: EngineAdapter,
        jobs: Jobs,
        autostart: Autostart | None,
        quit_app: Callable[[], None],
        parent: QObject | None = None,
        tray: TrayIcon | None = None,
        handoff: TargetBook | None = None,
        demo: bool = False,
    ) -> None:
        super().__init__(parent)
        self.handoff = handoff
        self.paths, self.settings, self.accounts = paths, settings, accounts
        self.credentials, self.engine, self.jobs = credentials, engine, jobs
        self.executor, self.attachments = executor, attachments
        self.changes = StoreChanges(executor, self)
        self.autostart = autostart
        self._quit_app = quit_app
        self._timeline: TimelineWindow | None = None
        self._settings_dialog: SettingsDialog | None = None
        self._handoff_page: HandoffPage | None = None
        self._team_page: TeamPage | None = None
        self._compose: list[QWidget] = []  # open compose windows (each removes itself)
        self._in_setup = False
        self.demo = demo  # sample data, no account: Compose and Reply say they cannot send
        self.demo_notice: QMessageBox | None = None

        self.tray = tray or TrayIcon(self)
        self.tray.setParent(self)
        self.notifier = Notifier(
            self.tray.icon, lambda: settings.values().general.notifications, parent=self
        )
        self.tray.openTimelineRequested.connect(self.open_timeline)
        self.tray.composeRequested.connect(self.compose)
        self.tray.pauseRequested.connect(engine.set_paused)
        self.tray.accountsRequested.connect(lambda: self.open_settings(accounts_tab=True))
        self.tray.settingsRequested.connect(self.open_settings)
        self.tray.quitRequested.connect(self.quit)
        self.tray.signInRequested.connect(self.sign_in_again)
        self.tray.handoffRequested.connect(lambda: self.open_settings(handoff_tab=True))
        engine.handoffChanged.connect(lambda e: self.tray.set_handoff(e.target, e.failed))
        engine.teamChanged.connect(lambda e: self.tray.set_team(e.online, e.since))
        engine.teamPulled.connect(self.changes.note)  # teammates' emails: windows re-read
        engine.stateChanged.connect(self.tray.update_account)
        engine.progress.connect(self.tray.set_progress)
        engine.pausedChanged.connect(self.tray.set_paused)
        engine.accountStopped.connect(self._account_stopped)
        engine.emailLogged.connect(self.notifier.email_logged)
        engine.emailLogged.connect(self.changes.note)
        engine.sent.connect(self.changes.note)
        self.notifier.openEmail.connect(self.open_email)
        self.notifier.replyEmail.connect(lambda mid: self.compose(reply_to=mid))
        self.notifier.openTimeline.connect(self.open_timeline)
        self.bounces = BounceLine(self.open_email, self)
        self.bounce_action = self.bounces.action
        self.tray.add_action(self.bounce_action)
        engine.emailLogged.connect(self.bounces.email_logged)
        settings.on_change(self._setting_changed)
        self.firstweek = FirstWeek(self)
        self._stopping = threading.Event()  # set on quit: background sign-ins give up

    def close(self) -> None:
        """Close the store executor (and with it the app's store connection)."""
        self.executor.close()

    # ------------------------------------------------------------------ start / stop
    def start(self) -> None:
        accounts = self._enabled_accounts()
        self.tray.set_states([AccountState(a, WatchState.CATCHING_UP) for a in accounts])
        self.tray.show()
        # the icon first; the engine (imapclient, TLS, keyring) a moment later
        QTimer.singleShot(ENGINE_START_DELAY_MS, self.engine.start)
        self.firstweek.start()
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
        self._stopping.set()
        self.tray.hide()
        self.notifier.close()
        self.firstweek.stop()
        self.engine.stop()
        self.jobs.shutdown()
        self._quit_app()

    # ------------------------------------------------------------------ windows
    @Slot()
    def open_timeline(self) -> TimelineWindow:
        """Show the timeline: built once, brought back when hidden or minimised."""
        if self._timeline is None:
            from replytrail.app.boot import drop_source_cache
            from replytrail.ui.timeline.window import TimelineWindow

            self._timeline = TimelineWindow(self.executor, self.changes, self.attachments)
            drop_source_cache()
            self._timeline.composeRequested.connect(lambda to: self.compose(to=to))
            self._timeline.replyRequested.connect(lambda mid: self.compose(reply_to=mid))
            self.firstweek.timeline_created(self._timeline)
        bring_forward(self._timeline)
        return self._timeline

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
        if not accounts and self.demo:
            self._demo_cannot_send()
            return
        if not accounts:
            self.first_run()
            return
        if reply_to:  # the original is read on the store executor first
            self.executor.submit(
                lambda s: s.email(reply_to), lambda e: self._open_compose(accounts, to, e)
            )
        else:
            self._open_compose(accounts, to, None)

    def _open_compose(self, accounts: list[Account], to: str, original: LoggedEmail | None) -> None:
        from replytrail.ui.compose.window import ComposeDialog

        dialog = ComposeDialog(
            accounts,
            self.engine.send,
            self.paths.drafts_dir,
            to=to,
            reply_to=original,
            load_contacts=self.firstweek.load_contacts,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._compose.append(dialog)
        # forget it when Qt deletes it (after send, Close, Escape): never touch a dead window;
        # by its id, not by a lambda holding the dialog (a cycle through a Qt object that Qt
        # deletes can crash the garbage collector later)
        dialog.destroyed.connect(partial(self._compose_closed, id(dialog)))
        bring_forward(dialog)

    def _compose_closed(self, key: int, *_args: object) -> None:
        self._compose = [d for d in self._compose if id(d) != key]

    @property
    def compose_windows(self) -> list[QWidget]:
        return list(self._compose)

    def _demo_cannot_send(self) -> None:
        from replytrail.ui.timeline.actions import demo_cannot_send

        box = demo_cannot_send(self._timeline)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda: setattr(self, "demo_notice", None))
        self.demo_notice = box
        box.open()

    @Slot()
    def open_settings(
        self, accounts_tab: bool = False, handoff_tab: bool = False
    ) -> SettingsDialog:
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
            self._settings_dialog.signInRequested.connect(self.sign_in_again)
            self.firstweek.settings_created(self._settings_dialog)
            if self.handoff is not None:
                from replytrail.ui.settings.handoff_page import HandoffPage

                self._handoff_page = HandoffPage(
                    targets=self.handoff,
                    credentials=self.credentials,
                    store_file=self.paths.store_file,
                    jobs=self.jobs,
                    on_retry=self.engine.wake_handoff,
                )
                self._settings_dialog.add_page(self._handoff_page, self._handoff_page.title)
                # the page follows what happens while it is open
                self.changes.changed.connect(self._handoff_page.refresh_if_shown)
                self.engine.handoffChanged.connect(self._handoff_page.refresh_if_shown)
            self._add_team_page(self._settings_dialog)
        d = self._settings_dialog
        d.load()
        d.tabs.setCurrentIndex(0 if accounts_tab else 1)
        if handoff_tab and self._handoff_page is not None:
            d.tabs.setCurrentWidget(self._handoff_page)
        if self._team_page is not None:
            self._team_page.refresh_status()
        bring_forward(d)
        return d

    def _add_team_page(self, dialog: SettingsDialog) -> None:
        from replytrail.app.team import team_actions
        from replytrail.ui.settings.team_page import TeamPage

        actions = team_actions(self.paths, self.settings, self.credentials, self.accounts)
        self._team_page = TeamPage(actions=actions, jobs=self.jobs)
        self._team_page.joined.connect(self.engine.attach_team)
        self.engine.teamChanged.connect(self._team_page.refresh_if_shown)
        self.changes.changed.connect(self._team_page.refresh_if_shown)
        dialog.add_page(self._team_page, self._team_page.title)

    def add_account(self, parent: QWidget | None) -> bool:
        """The one seam to the set-up wizard (one at a time; a second wish is ignored)."""
        from replytrail.app.first_run import open_setup

        if self._in_setup:
            return False
        from replytrail.core.team.membership import joined

        team = None
        if self.settings.values().store.team_dsn:  # the preset names a team store
            from replytrail.app.team import team_actions

            team = team_actions(self.paths, self.settings, self.credentials, self.accounts)
        self._in_setup = True
        try:
            added = open_setup(
                parent,
                accounts=self.accounts,
                credentials=self.credentials,
                settings=self.settings,
                team=team,
            )
        finally:
            self._in_setup = False
        if joined(self.settings):  # the wizard's team page joined the preset's team store
            self.engine.attach_team()
        return added

    @Slot()
    def first_run(self) -> None:
        if self.add_account(None):
            self.accounts_changed()
            self.apply_autostart()
            self.you_are_set_up()

    def you_are_set_up(self) -> None:
        """After Finish: the timeline opens and says so (and where replies will appear)."""
        w = self.open_timeline()
        w.show_notice(
            self.tr(
                "You're set up. Replytrail now logs the replies to the emails you send; "
                "they appear here within seconds."
            )
        )
        self.setupFinished.emit(w)

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
        from replytrail.core.oauth.signin import SIGN_IN_AGAIN_CODES  # urllib etc.: on demand

        if event.code in SIGN_IN_AGAIN_CODES:
            self.tray.set_sign_in_needed(event.account)

    @Slot(str)
    def sign_in_again(self, email: str) -> None:
        """The browser sign-in for *email* again; the account restarts once it worked."""
        from replytrail.core.oauth.signin import sign_in_again

        account = self.accounts.get(email)
        settings, credentials, accounts = self.settings, self.credentials, self.accounts

        stopping = self._stopping

        def work() -> Account:  # quitting cancels a browser sign-in nobody finished
            return sign_in_again(
                account,
                settings=settings,
                credentials=credentials,
                registry=accounts,
                cancel=stopping,
            )

        def done(_saved: Account) -> None:
            log.info("signed in again")
            self.tray.set_sign_in_needed("")
            self.accounts_changed()

        def failed(exc: BaseException) -> None:
            text = exc.message if isinstance(exc, KnownError) else type(exc).__name__
            self.tray.update_account(AccountState(email, WatchState.ERROR, text))
            log.info("signing in again failed: %s", getattr(exc, "code", "bug"))

        self.jobs.run(work, done, failed)

    def _setting_changed(self, key: str) -> None:
        if key == "general.language":
            lang = install_translators(choose_language(self.settings.values().general.language))
            log.info("language now %s", lang)
        elif key == "general.start_at_login":
            self.apply_autostart()

    def apply_autostart(self) -> None:
        if self.autostart is not None:
            try:
                self.autostart.set_enabled(self.settings.values().general.start_at_login)
            except OSError as e:
                log.warning("cannot change start at login: %s", e)

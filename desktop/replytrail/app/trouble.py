"""Account trouble is not a dead end (issue 8.11): the tray and Settings › Accounts offer the
way out — enter the password again, edit the server settings, retry now — and the engine
restarts the account off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QDialog, QWidget

from replytrail.app.engine_thread import EngineAdapter
from replytrail.core.accounts import AccountRegistry
from replytrail.core.credentials import Credentials
from replytrail.core.errors import KnownError
from replytrail.core.events import AccountState, AccountStopped, WatchState
from replytrail.qt.jobs import Jobs
from replytrail.ui.settings.account_trouble import PasswordDialog
from replytrail.ui.settings.sender import SenderDialog
from replytrail.ui.settings.server_edit import ServerEditDialog
from replytrail.ui.tray.trouble import AccountTrouble

__all__ = ["TroubleController"]

log = logging.getLogger("replytrail.app.trouble")


class TroubleController(QObject):
    """Connects the tray's and the settings' trouble actions to the keyring, the account
    file and the engine."""

    def __init__(
        self,
        *,
        tray_trouble: AccountTrouble,
        engine: EngineAdapter,
        accounts: AccountRegistry,
        credentials: Credentials,
        jobs: Jobs,
        message: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.tray_trouble, self.engine, self.accounts = tray_trouble, engine, accounts
        self.credentials, self.jobs, self._message = credentials, jobs, message
        self.states: dict[str, AccountState] = {}
        self.dialog: QDialog | None = None
        self._asked = ""  # the account whose password the open dialog asks for
        self.settings_panels: list[Callable[[AccountState], None]] = []
        engine.stateChanged.connect(self.state_changed)
        engine.accountStopped.connect(self._stopped)
        self.connect_signals(tray_trouble)

    def connect_signals(self, source: QObject) -> None:
        """Route a widget's passwordRequested/serverSettingsRequested/retryRequested here."""
        source.passwordRequested.connect(self.ask_password)  # type: ignore[attr-defined]
        source.serverSettingsRequested.connect(self.edit_servers)  # type: ignore[attr-defined]
        source.retryRequested.connect(self.retry)  # type: ignore[attr-defined]
        if hasattr(source, "senderRequested"):
            source.senderRequested.connect(self.edit_sender)

    @Slot(object)
    def state_changed(self, state: AccountState) -> None:
        self.states[state.account.lower()] = state
        self.tray_trouble.update(state, password=self._uses_password(state.account))
        for show in self.settings_panels:
            show(state)

    def _uses_password(self, email: str) -> bool:
        try:
            return self.accounts.get(email).auth != "oauth2"
        except KnownError:
            return True

    @Slot(object)
    def _stopped(self, event: AccountStopped) -> None:
        self.state_changed(AccountState(event.account, WatchState.ERROR, event.message))

    # ------------------------------------------------------------------ the ways out
    @Slot(str)
    def retry(self, email: str) -> None:
        log.info("retrying an account now")
        self.state_changed(AccountState(email, WatchState.CATCHING_UP))
        self.jobs.run(lambda: self._restart(email), lambda _r: None, self._failed)

    def _restart(self, email: str) -> None:
        engine = self.engine.engine
        restart = getattr(engine, "restart_account", None)
        if restart is not None:
            restart(email)
        else:
            engine.reload_accounts()

    def _failed(self, exc: BaseException) -> None:
        text = exc.message if isinstance(exc, KnownError) else type(exc).__name__
        self._message(text)

    @Slot(str)
    def ask_password(self, email: str, parent: QWidget | None = None) -> None:
        state = self.states.get(email.lower())
        d = PasswordDialog(email, state.detail if state else "", parent)
        d.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # bound methods, no lambda holding the dialog: a cycle through a Qt object that Qt
        # deletes (WA_DeleteOnClose) can crash the garbage collector later
        self._asked = email
        d.accepted.connect(self._password_given)
        self.dialog = d
        d.open()

    @Slot()
    def _password_given(self) -> None:
        if isinstance(self.dialog, PasswordDialog):
            self._new_password(self._asked, self.dialog.password())

    @Slot()
    def _account_dialog_accepted(self) -> None:
        """Server settings or sender details were saved: store them; new servers: retry."""
        d = self.dialog
        if not isinstance(d, ServerEditDialog | SenderDialog):
            return
        account = d.account()
        try:
            self.accounts.save(account)
        except KnownError as e:
            self._message(e.message)
            return
        if isinstance(d, ServerEditDialog):
            self.retry(account.email)

    def _new_password(self, email: str, secret: str) -> None:
        try:
            ref = self.accounts.get(email).credential_ref
        except KnownError as e:
            self._message(e.message)
            return

        def store_and_restart() -> None:
            self.credentials.store(ref, secret)
            self._restart(email)

        self.state_changed(AccountState(email, WatchState.CATCHING_UP))
        self.jobs.run(store_and_restart, lambda _r: None, self._failed)

    @Slot(str)
    def edit_servers(self, email: str, parent: QWidget | None = None) -> None:
        self._open_account_dialog(email, ServerEditDialog, parent)

    @Slot(str)
    def edit_sender(self, email: str, parent: QWidget | None = None) -> None:
        """Name and signature (issue 8.9): saved to the account file, used by compose."""
        self._open_account_dialog(email, SenderDialog, parent)

    def _open_account_dialog(
        self,
        email: str,
        kind: type[ServerEditDialog] | type[SenderDialog],
        parent: QWidget | None,
    ) -> None:
        try:
            account = self.accounts.get(email)
        except KnownError as e:
            self._message(e.message)
            return
        d = kind(account, parent)
        d.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        d.accepted.connect(self._account_dialog_accepted)  # a bound method (see above)
        self.dialog = d
        d.open()

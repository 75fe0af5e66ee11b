"""Settings › Accounts: the selected account's state, why, and what to do (issue 8.11)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from replytrail.core.accounts import AccountRegistry
from replytrail.core.errors import KnownError
from replytrail.core.events import AccountState, WatchState
from replytrail.ui.tray.trouble import plain_reason

__all__ = ["AccountTroublePanel", "PasswordDialog"]


class AccountTroublePanel(QWidget):
    """State line and buttons for one account; hidden buttons when it is fine.

    Signals:
        passwordRequested(str), serverSettingsRequested(str), retryRequested(str),
        senderRequested(str): the account.
    """

    passwordRequested = Signal(str)  # noqa: N815 - Qt signal naming
    serverSettingsRequested = Signal(str)  # noqa: N815 - Qt signal naming
    retryRequested = Signal(str)  # noqa: N815 - Qt signal naming
    senderRequested = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountTroublePanel")
        self.account = ""
        self._states: dict[str, AccountState] = {}
        self._list: QListWidget | None = None
        self._registry: AccountRegistry | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.state_label = QLabel()
        self.state_label.setObjectName("accountState")
        self.state_label.setWordWrap(True)
        lay.addWidget(self.state_label)
        row = QHBoxLayout()
        self.password_button = QPushButton(self.tr("Enter password again…"))
        self.server_button = QPushButton(self.tr("Edit server settings…"))
        self.retry_button = QPushButton(self.tr("Retry now"))
        self.sender_button = QPushButton(self.tr("Name and signature…"))
        for b, signal in (
            (self.sender_button, self.senderRequested),
            (self.password_button, self.passwordRequested),
            (self.server_button, self.serverSettingsRequested),
            (self.retry_button, self.retryRequested),
        ):
            b.clicked.connect(lambda _c=False, s=signal: s.emit(self.account))
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self.set_state("", None)

    def follow(self, accounts_list: QListWidget, registry: AccountRegistry) -> None:
        """Show the state of the account selected in *accounts_list* (its data: the address)."""
        self._list, self._registry = accounts_list, registry
        accounts_list.currentRowChanged.connect(self._show_selected)

    def update_state(self, state: AccountState) -> None:
        """The engine's word on an account; shown when it is the selected one."""
        self._states[state.account.lower()] = state
        self._show_selected()

    def _show_selected(self, *_args: object) -> None:
        item = self._list.currentItem() if self._list and self._list.currentRow() >= 0 else None
        email = str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""
        try:
            oauth = (
                bool(email)
                and self._registry is not None
                and (self._registry.get(email).auth == "oauth2")
            )
        except KnownError:
            oauth = False
        self.set_state(email, self._states.get(email.lower()), password=not oauth)

    def set_state(self, account: str, state: AccountState | None, *, password: bool = True) -> None:
        self.account = account
        s = state.state if state is not None else None
        detail = state.detail if state is not None else ""
        texts = {
            WatchState.WATCHING: self.tr("Watching for replies."),
            WatchState.CATCHING_UP: self.tr("Catching up…"),
            WatchState.PAUSED: self.tr("Paused."),
            WatchState.OFFLINE: self.tr("Offline: {reason}"),
            WatchState.ERROR: self.tr("Stopped: {reason}"),
        }
        text = texts.get(s, "") if s is not None else ""
        reason = plain_reason(detail, self.tr("the connection to the server was lost"))
        self.state_label.setText(text.format(reason=reason))
        self.state_label.setStyleSheet("color: #b42318;" if s is WatchState.ERROR else "")
        self.password_button.setVisible(s is WatchState.ERROR and password)
        self.server_button.setVisible(bool(account))
        self.sender_button.setVisible(bool(account))
        self.retry_button.setVisible(s in (WatchState.ERROR, WatchState.OFFLINE))


class PasswordDialog(QDialog):
    """Asks for an account's password again; ``password()`` after ``accept``."""

    def __init__(self, account: str, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.setWindowTitle(self.tr("Enter password again"))
        form = QFormLayout(self)
        why = QLabel(reason or self.tr("The server did not accept the password."))
        why.setWordWrap(True)
        form.addRow(why)
        self.secret = QLineEdit()
        self.secret.setObjectName("passwordField")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Password for {account}:").format(account=account), self.secret)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(420)

    def password(self) -> str:
        return self.secret.text()

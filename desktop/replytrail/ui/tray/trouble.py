"""Account trouble in the tray menu (issue 8.11): why an account stopped, and what to do.

An account in error gets a submenu "alice@… — <reason>" with "Enter password again…",
"Edit server settings…" and "Retry now"; an offline account shows its reason and "Retry now".
"""

from __future__ import annotations

import re
from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from replytrail.core.events import AccountState, WatchState

__all__ = ["AccountTrouble", "plain_reason"]

#: what the watcher reports for a lost connection: the exception's class name
_CLASS_NAME = re.compile(r"^[A-Za-z_.]*(Error|Exception|abort|error|EOF\w*|timeout)$")


def plain_reason(detail: str, fallback: str) -> str:
    """The reason in words: a bare exception class name becomes *fallback*."""
    return fallback if not detail or _CLASS_NAME.match(detail) else detail


class AccountTrouble(QObject):
    """Keeps one submenu per troubled account in *menu*, before the action *before*.

    Signals:
        passwordRequested(str): "Enter password again…" for this account.
        serverSettingsRequested(str): "Edit server settings…" for this account.
        retryRequested(str): "Retry now" for this account.
    """

    passwordRequested = Signal(str)  # noqa: N815 - Qt signal naming
    serverSettingsRequested = Signal(str)  # noqa: N815 - Qt signal naming
    retryRequested = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, menu: QMenu, before: QAction | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._menu, self._before = menu, before
        self.states: dict[str, AccountState] = {}
        self.menus: dict[str, QMenu] = {}

    def update(self, state: AccountState, *, password: bool = True) -> None:
        """One account's state changed: add, change or drop its submenu. *password*: the
        account signs in with a password (an OAuth account has "Sign in again" instead)."""
        key = state.account.lower()
        troubled = state.state in (WatchState.ERROR, WatchState.OFFLINE)
        old = self.menus.pop(key, None)
        if old is not None:
            self._menu.removeAction(old.menuAction())
            old.deleteLater()
        if not troubled:
            self.states.pop(key, None)
            return
        self.states[key] = state
        sub = self._submenu(state, password)
        if self._before is not None:
            self._menu.insertMenu(self._before, sub)
        else:
            self._menu.addMenu(sub)
        self.menus[key] = sub

    def _submenu(self, state: AccountState, password: bool) -> QMenu:
        error = state.state is WatchState.ERROR
        title = (
            self.tr("{account}: stopped").format(account=state.account)
            if error
            else self.tr("{account}: offline").format(account=state.account)
        )
        sub = QMenu(title, self._menu)
        sub.setObjectName("accountTrouble")
        reason = sub.addAction(
            plain_reason(
                state.detail,
                self.tr("The account stopped.")
                if error
                else self.tr("The connection to the server was lost. Replytrail keeps trying."),
            )
        )
        reason.setEnabled(False)
        sub.addSeparator()
        if error and password:
            sub.addAction(
                self.tr("Enter password again…"),
                partial(self.passwordRequested.emit, state.account),
            )
        if error:
            sub.addAction(
                self.tr("Edit server settings…"),
                partial(self.serverSettingsRequested.emit, state.account),
            )
        sub.addAction(self.tr("Retry now"), partial(self.retryRequested.emit, state.account))
        return sub

    def actions_of(self, account: str) -> list[str]:
        """The texts of an account's submenu (for tests and the accessibility tree)."""
        sub = self.menus.get(account.lower())
        return [a.text() for a in sub.actions() if a.text()] if sub is not None else []

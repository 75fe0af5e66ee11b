"""The tray icon: the watch state at a glance, and the menu of SPEC §8."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QDateTime, QEvent, QLocale, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from replytrail.core.events import AccountState, ScanProgress, WatchState
from replytrail.ui.common.icons import SETUP_ICON, setup_icon, tray_icon

__all__ = ["TrayIcon", "shown", "summarise"]

log = logging.getLogger("replytrail.ui.tray")

# worst first: the tray shows the worst state of all accounts
_SEVERITY = (
    WatchState.ERROR,
    WatchState.STOPPED,
    WatchState.OFFLINE,
    WatchState.CATCHING_UP,
    WatchState.PAUSED,
    WatchState.WATCHING,
)
GEOMETRY_PROBES = 20  # startup only: look for the embedded icon's geometry this many times
GEOMETRY_PROBE_MS = 250


def shown(state: AccountState) -> AccountState:
    """What the tray makes of an account's state: "stopped" without a reason is a watcher not
    started yet (a new account, a resume) — starting, not an error, so no red flash; with a
    reason (wrong password …) it is shown as the error it is."""
    if state.state is WatchState.STOPPED and not state.detail:
        return AccountState(state.account, WatchState.CATCHING_UP)
    return state


def summarise(states: Sequence[AccountState], paused: bool) -> WatchState:
    """One state for the tray: paused when the user paused, else the worst account's."""
    if paused or not states:
        return WatchState.PAUSED
    worst = min(states, key=lambda s: _SEVERITY.index(s.state))
    if worst.state is WatchState.PAUSED:  # resumed: its watchers are on their way back
        return WatchState.CATCHING_UP
    return WatchState.ERROR if worst.state is WatchState.STOPPED else worst.state


class TrayIcon(QObject):
    """The system tray icon and its menu; it only shows state and forwards the user's wishes.

    Signals:
        openTimelineRequested(): "Open timeline" or a click on the icon.
        composeRequested(): "Compose…".
        pauseRequested(bool): True to pause watching, False to resume.
        accountsRequested(): "Accounts…".
        settingsRequested(): "Settings…".
        quitRequested(): "Quit".
        signInRequested(str): "Sign in again as …" for this account (its sign-in expired).
    """

    openTimelineRequested = Signal()  # noqa: N815 - Qt signal naming
    composeRequested = Signal()  # noqa: N815 - Qt signal naming
    pauseRequested = Signal(bool)  # noqa: N815 - Qt signal naming
    accountsRequested = Signal()  # noqa: N815 - Qt signal naming
    settingsRequested = Signal()  # noqa: N815 - Qt signal naming
    quitRequested = Signal()  # noqa: N815 - Qt signal naming
    handoffRequested = Signal()  # noqa: N815 - Qt signal naming
    signInRequested = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._states: list[AccountState] = []
        self._paused = False
        self._progress: dict[tuple[str, str], ScanProgress] = {}
        self._offline_since: QDateTime | None = None
        self._state = WatchState.PAUSED
        self._tooltip = ""
        self._probes = 0

        self.menu = QMenu()
        self.status_action = QAction(self.menu)
        self.sign_in_action = QAction(self.menu)
        self.sign_in_action.setObjectName("signInAgainAction")
        self.sign_in_action.setVisible(False)
        self.sign_in_action.triggered.connect(self._sign_in_triggered)
        self._sign_in_email = ""
        self.status_action.setEnabled(False)
        self.open_action = QAction(self.menu)
        self.compose_action = QAction(self.menu)
        self.pause_action = QAction(self.menu)
        self.accounts_action = QAction(self.menu)
        self.settings_action = QAction(self.menu)
        self.quit_action = QAction(self.menu)
        self.handoff_action = QAction(self.menu)  # shown only while a hand-off fails
        self.handoff_action.setVisible(False)
        self._handoff_failed: dict[str, int] = {}
        self.team_action = QAction(self.menu)  # shown only while the team store is unreachable
        self.team_action.setVisible(False)
        self._team_offline_since: str | None = None  # ISO 8601 from the replicator
        self.menu.addAction(self.status_action)
        self.menu.addAction(self.sign_in_action)
        self.menu.addAction(self.handoff_action)
        self.menu.addAction(self.team_action)
        self.menu.addSeparator()
        self.menu.addActions([self.open_action, self.compose_action])
        self._feature_anchor = self.menu.addSeparator()
        self.menu.addAction(self.pause_action)
        self.menu.addSeparator()
        self.menu.addActions([self.accounts_action, self.settings_action])
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.menu.installEventFilter(self)
        self.menu.aboutToShow.connect(lambda: log.info("tray menu opened"))

        self.open_action.triggered.connect(self.openTimelineRequested)
        self.compose_action.triggered.connect(self.composeRequested)
        self.pause_action.triggered.connect(lambda: self.pauseRequested.emit(not self._paused))
        self.accounts_action.triggered.connect(self.accountsRequested)
        self.settings_action.triggered.connect(self.settingsRequested)
        self.quit_action.triggered.connect(self.quitRequested)
        self.handoff_action.triggered.connect(self.handoffRequested)
        self.team_action.triggered.connect(self.settingsRequested)

        self.icon = QSystemTrayIcon(self)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self.retranslate()

    # -- state
    @property
    def state(self) -> WatchState:
        return self._state

    @property
    def tooltip(self) -> str:
        return self._tooltip

    @property
    def icon_name(self) -> str:
        """The icon shown: ``tray-setup`` without an account, else ``tray-<state>``."""
        return SETUP_ICON if not self._states else f"tray-{self._state.value}"

    def set_states(self, states: Sequence[AccountState]) -> None:
        self._states = [shown(s) for s in states]
        self._refresh()

    def update_account(self, state: AccountState) -> None:
        """One account changed; the others keep theirs."""
        state = shown(state)
        others = [s for s in self._states if s.account != state.account]
        self._states = [*others, state]
        if state.state is not WatchState.CATCHING_UP:
            self._progress = {k: v for k, v in self._progress.items() if k[0] != state.account}
        self._refresh()

    def set_sign_in_needed(self, email: str) -> None:
        """Offer "Sign in again" for *email* in the menu (empty: hide it)."""
        self._sign_in_email = email
        self.sign_in_action.setVisible(bool(email))
        self._retranslate_sign_in()

    def _retranslate_sign_in(self) -> None:
        self.sign_in_action.setText(
            self.tr("Sign in again as %1…").replace("%1", self._sign_in_email)
        )

    @Slot()
    def _sign_in_triggered(self) -> None:
        if self._sign_in_email:
            self.signInRequested.emit(self._sign_in_email)

    def set_progress(self, progress: ScanProgress) -> None:
        key = (progress.account, progress.folder)
        if progress.total and progress.done >= progress.total:
            self._progress.pop(key, None)
        else:
            self._progress[key] = progress
        if self._state is WatchState.CATCHING_UP:
            self._refresh()

    def set_paused(self, paused: bool) -> None:
        self._paused = paused
        self._refresh()

    def _refresh(self) -> None:
        state = summarise(self._states, self._paused)
        if state is WatchState.OFFLINE:
            if self._offline_since is None:
                self._offline_since = QDateTime.currentDateTime()
        else:
            self._offline_since = None
        changed = state is not self._state
        self._state = state
        self.icon.setIcon(setup_icon() if not self._states else tray_icon(state))
        tooltip = self._describe(state)
        changed = changed or (tooltip != self._tooltip and state is not WatchState.CATCHING_UP)
        self._tooltip = tooltip
        self.icon.setToolTip(self._tooltip)
        status = self._tooltip.removeprefix("Replytrail — ")
        if "@" not in status.split(" ", 1)[0]:  # never capitalise an address
            status = status[:1].upper() + status[1:]
        self.status_action.setText(status)
        self.pause_action.setText(
            self.tr("Resume watching") if self._paused else self.tr("Pause watching")
        )
        if changed:
            log.info("tray state %s: %s", state.value, self._tooltip)

    def _describe(self, state: WatchState) -> str:
        n = len(self._states)
        if not self._states:
            text = self.tr("no account set up yet; add one with Accounts…")
        elif self._paused:
            text = self.tr("paused")
        elif state is WatchState.WATCHING:
            text = self.tr("watching %n account(s)", "", n)
        elif state is WatchState.CATCHING_UP:
            done = sum(p.done for p in self._progress.values())
            total = sum(p.total for p in self._progress.values())
            text = (
                self.tr("catching up: %1 of %2 emails checked")
                .replace("%1", QLocale().toString(done))
                .replace("%2", QLocale().toString(total))
                if total
                else self.tr("catching up")
            )
        elif state is WatchState.OFFLINE:
            since = self._offline_since or QDateTime.currentDateTime()
            time = QLocale().toString(since.time(), QLocale.FormatType.ShortFormat)
            text = self.tr("offline since %1, retrying").replace("%1", time)
        else:
            bad = [s for s in self._states if s.state in (WatchState.ERROR, WatchState.STOPPED)]
            first = bad[0] if bad else None
            detail = first.detail if first and first.detail else self.tr("something went wrong")
            text = f"{first.account}: {detail}" if first and n > 1 else detail
        return f"Replytrail — {text}"

    def add_action(self, action: QAction) -> None:
        """A feature's entry below Compose (e.g. "1 email could not be delivered", "3 awaiting
        reply"); the caller owns the action, its text and its visibility."""
        self.menu.insertAction(self._feature_anchor, action)

    # -- showing
    def show(self) -> None:
        self._refresh()
        self.icon.show()
        log.info("tray available: %s", QSystemTrayIcon.isSystemTrayAvailable())
        self._probes = 0
        QTimer.singleShot(GEOMETRY_PROBE_MS, self._probe_geometry)

    def hide(self) -> None:
        self.icon.hide()

    @Slot()
    def _probe_geometry(self) -> None:
        """Log where the icon was embedded (the end-to-end test clicks there); startup only."""
        g = self.icon.geometry()
        if g.width() > 0:
            log.info("tray geometry %d %d %d %d", g.x(), g.y(), g.width(), g.height())
            return
        self._probes += 1
        if self._probes < GEOMETRY_PROBES:
            QTimer.singleShot(GEOMETRY_PROBE_MS, self._probe_geometry)

    @Slot(QSystemTrayIcon.ActivationReason)
    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.openTimelineRequested.emit()

    def set_handoff(self, target: str, failed: int) -> None:
        """A hand-off target's failed entries (0: all well): a menu line while any fail."""
        if failed:
            self._handoff_failed[target] = failed
        else:
            self._handoff_failed.pop(target, None)
        self._handoff_text()

    def _handoff_text(self) -> None:
        failed = self._handoff_failed
        self.handoff_action.setVisible(bool(failed))
        if failed:
            self.handoff_action.setText(
                self.tr("Hand-off to %1 failed for %n email(s)…", "", sum(failed.values())).replace(
                    "%1", ", ".join(sorted(failed))
                )
            )

    def set_team(self, online: bool, since: str = "") -> None:
        """The team store's reachability: a menu line "offline since …" while it is not."""
        self._team_offline_since = None if online else (since or "?")
        self._team_text()

    def _team_text(self) -> None:
        since = self._team_offline_since
        self.team_action.setVisible(since is not None)
        if since is not None:
            # the widgets' date helpers import the Qt namespace (15–25 ms): not before the
            # icon is in the tray, so only once the team store's state is known
            from replytrail.ui.common.widgets import short_date

            try:  # the time today, the date before (one format per language)
                when = short_date(datetime.fromisoformat(since))
            except ValueError:
                when = since
            self.team_action.setText(
                self.tr("Team store offline since %1 — logging goes on here").replace("%1", when)
            )

    # -- language
    def retranslate(self) -> None:
        self.open_action.setText(self.tr("Open timeline"))
        self.compose_action.setText(self.tr("Compose…"))
        self.accounts_action.setText(self.tr("Accounts…"))
        self.settings_action.setText(self.tr("Settings…"))
        self.quit_action.setText(self.tr("Quit"))
        self._retranslate_sign_in()
        self._handoff_text()
        self._team_text()
        self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.menu and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

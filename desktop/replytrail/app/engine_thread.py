"""The Qt adapter around the Qt-free engine: its events become signals on the GUI thread.

The engine runs its own watcher threads and calls one sink from them; :class:`EngineAdapter`
hands every event across to the GUI thread through a queued signal. It also tells the engine
to reconnect at once when the network comes back (QNetworkInformation) or the machine wakes
up (logind's ``PrepareForSleep(false)`` on the system D-Bus, Linux only).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection
from PySide6.QtNetwork import QNetworkInformation

from replytrail.core.events import (
    AccountState,
    AccountStopped,
    EmailLogged,
    Event,
    EventSink,
    HandoffChanged,
    ScanProgress,
    SendFailed,
    StateChanged,
    TeamOnline,
    TeamPulled,
)
from replytrail.core.models import LoggedEmail
from replytrail.qt.jobs import Jobs

if TYPE_CHECKING:
    from replytrail.core.mail.draft import Draft

__all__ = ["EngineAdapter", "EngineLike"]

log = logging.getLogger("replytrail.app.engine")

LOGIND = ("org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager")


class EngineLike(Protocol):
    """What the adapter needs of ``replytrail.core.engine.Engine``."""

    def start(self) -> None: ...
    def stop(self, timeout: float = 2.0) -> None: ...
    def pause(self) -> None: ...
    def resume(self) -> None: ...
    def reconnect_now(self) -> None: ...
    def states(self) -> list[AccountState]: ...
    def send(self, draft: Draft) -> LoggedEmail: ...
    def reload_accounts(self) -> None: ...
    def wake_handoff(self) -> None: ...
    def attach_team(self) -> None: ...


class EngineAdapter(QObject):
    """Owns the engine for the GUI.

    Signals:
        stateChanged(AccountState): an account's watch state changed.
        emailLogged(EmailLogged): an email was committed to the store.
        accountStopped(AccountStopped): an account stopped for good (e.g. wrong password).
        progress(ScanProgress): catch-up progress of one folder.
        sendFailed(SendFailed): sending failed (from the engine, or from :meth:`send`).
        sent(LoggedEmail): :meth:`send` finished; the email is logged.
        pausedChanged(bool): the user paused or resumed watching.
        handoffChanged(HandoffChanged): a hand-off target's state after a delivery round.
        teamChanged(TeamOnline): the team store became reachable or unreachable.
        teamPulled(TeamPulled): teammates' emails or forgets reached the local store.
    """

    stateChanged = Signal(object)  # noqa: N815 - Qt signal naming
    emailLogged = Signal(object)  # noqa: N815 - Qt signal naming
    accountStopped = Signal(object)  # noqa: N815 - Qt signal naming
    progress = Signal(object)
    sendFailed = Signal(object)  # noqa: N815 - Qt signal naming
    sent = Signal(object)
    pausedChanged = Signal(bool)  # noqa: N815 - Qt signal naming
    handoffChanged = Signal(object)  # noqa: N815 - Qt signal naming
    teamChanged = Signal(object)  # noqa: N815 - Qt signal naming
    teamPulled = Signal(object)  # noqa: N815 - Qt signal naming
    _event = Signal(object)  # emitted on the engine's threads, delivered queued

    def __init__(
        self,
        factory: Callable[[EventSink], EngineLike],
        jobs: Jobs,
        parent: QObject | None = None,
        *,
        system_bus: QDBusConnection | None = None,
    ) -> None:
        super().__init__(parent)
        self._system_bus = system_bus
        self._jobs = jobs
        self._paused = False
        self._running = False
        self._closing = False
        self._event.connect(self._dispatch)
        self.engine = factory(self.sink)
        self._network: QNetworkInformation | None = None
        self.watching_sleep = False

    # -- from the engine's threads
    def sink(self, event: Event) -> None:
        """The engine's EventSink: safe to call from any thread."""
        if not self._closing:
            self._event.emit(event)

    @Slot(object)
    def _dispatch(self, event: Event) -> None:
        if isinstance(event, StateChanged):
            log.info(
                "account %s: %s %s",
                event.state.account,
                event.state.state.value,
                event.state.detail,
            )
            self.stateChanged.emit(event.state)
        elif isinstance(event, EmailLogged):
            log.info(
                "logged %s email %s (%s)",
                event.email.direction.value,
                event.email.message_id,
                event.email.match.value,
            )
            self.emailLogged.emit(event)
        elif isinstance(event, ScanProgress):
            self.progress.emit(event)
        elif isinstance(event, AccountStopped):
            log.warning("account %s stopped: %s", event.account, event.message)
            self.accountStopped.emit(event)
        elif isinstance(event, SendFailed):
            self.sendFailed.emit(event)
        elif isinstance(event, HandoffChanged):
            self.handoffChanged.emit(event)
        elif isinstance(event, TeamOnline):
            self.teamChanged.emit(event)
        elif isinstance(event, TeamPulled):
            self.teamPulled.emit(event)

    # -- control
    def wake_handoff(self) -> None:
        """Deliver the hand-off outbox now (after 'Retry now')."""
        self.engine.wake_handoff()

    def attach_team(self) -> None:
        """The user joined a team store in Settings: start replicating."""
        self.engine.attach_team()

    @property
    def paused(self) -> bool:
        return self._paused

    def start(self) -> None:
        self.engine.start()
        self._running = True
        self._watch_network()
        self._watch_sleep()

    def stop(self, timeout: float = 2.0) -> None:
        self._closing = True
        if self._running:
            self._running = False
            self.engine.stop(timeout)

    def set_paused(self, paused: bool) -> None:
        if paused == self._paused:
            return
        self._paused = paused
        if paused:
            self.engine.pause()
        else:
            self.engine.resume()
        log.info("watching %s", "paused" if paused else "resumed")
        self.pausedChanged.emit(paused)

    def states(self) -> Sequence[AccountState]:
        return self.engine.states()

    def reload_accounts(self) -> None:
        self.engine.reload_accounts()

    def reconnect_now(self, why: str = "") -> None:
        if self._running and not self._paused:
            log.info("reconnecting now (%s)", why or "asked")
            self.engine.reconnect_now()

    def send(
        self,
        draft: Draft,
        on_sent: Callable[[LoggedEmail], None] | None = None,
        on_failed: Callable[[str], None] | None = None,
    ) -> None:
        """Send on a worker thread; then ``sent`` or ``sendFailed`` on the GUI thread, and
        the caller's *on_sent*/*on_failed* (a compose window's) with the same result."""

        def failed(exc: BaseException) -> None:
            message = getattr(exc, "message", "") or str(exc) or type(exc).__name__
            if not hasattr(exc, "message"):
                log.error("sending failed", exc_info=exc)
            self.sendFailed.emit(SendFailed(account=draft.account, message_id="", message=message))
            if on_failed is not None:
                on_failed(message)

        def done(email: LoggedEmail) -> None:
            self.sent.emit(email)
            if on_sent is not None:
                on_sent(email)

        self._jobs.run(lambda: self.engine.send(draft), done, failed)

    # -- network and sleep
    def _watch_network(self) -> None:
        if not QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
            log.info("no network information backend: reconnects follow the backoff only")
            return
        info = QNetworkInformation.instance()
        self._network = info
        info.reachabilityChanged.connect(self._on_reachability)
        log.info("network information from %s", info.backendName())

    @Slot(QNetworkInformation.Reachability)
    def _on_reachability(self, reachability: QNetworkInformation.Reachability) -> None:
        if reachability == QNetworkInformation.Reachability.Online:
            self.reconnect_now("the network is back")

    def _watch_sleep(self) -> None:
        bus = self._system_bus or QDBusConnection.systemBus()
        if not bus.isConnected():
            log.info("no system D-Bus: waking from sleep is noticed by the read timeout only")
            return
        service, path, iface = LOGIND
        slot: Any = SLOT("_on_prepare_for_sleep(bool)")  # a str at run time (stubs: bytes)
        self.watching_sleep = bus.connect(service, path, iface, "PrepareForSleep", self, slot)

    @Slot(bool)
    def _on_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if not going_to_sleep:
            self.reconnect_now("the machine woke up")

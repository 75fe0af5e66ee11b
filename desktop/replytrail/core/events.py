"""Typed messages the engine emits; front ends (CLI, tray) consume them and never get called back.

The engine calls one ``EventSink`` (any callable taking an :data:`Event`) from its worker
threads; the Qt adapter turns each into a signal on the GUI thread.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from replytrail.core.models import LoggedEmail

__all__ = [
    "AccountState",
    "AccountStopped",
    "EmailLogged",
    "Event",
    "EventSink",
    "HandoffChanged",
    "ScanProgress",
    "SendFailed",
    "StateChanged",
    "TeamOnline",
    "TeamPulled",
    "WatchState",
]


class WatchState(enum.StrEnum):
    """Per account, and summarised for the tray icon (worst state wins)."""

    WATCHING = "watching"
    CATCHING_UP = "catching-up"
    PAUSED = "paused"
    OFFLINE = "offline"
    ERROR = "error"
    STOPPED = "stopped"


@dataclass(frozen=True)
class AccountState:
    account: str
    state: WatchState
    detail: str = ""  # plain-language reason for offline/error
    folder: str = ""  # the folder whose watcher says so ("" for the account as a whole)


@dataclass(frozen=True)
class StateChanged:
    state: AccountState


@dataclass(frozen=True)
class ScanProgress:
    account: str
    folder: str
    done: int
    total: int


@dataclass(frozen=True)
class EmailLogged:
    """A new email was committed to the store (``email.id`` is set)."""

    email: LoggedEmail
    contact: str  # the customer's address (the sender of a reply, the first recipient when sent)
    folder: str = ""

    @property
    def notify(self) -> bool:
        """Human replies are worth a notification; auto-replies, bounces and own mail are not."""
        return self.email.direction.value == "in" and self.email.kind.value == "email"


@dataclass(frozen=True)
class AccountStopped:
    """The account was stopped for good (e.g. the password is wrong): no retry loop."""

    account: str
    message: str
    code: str = ""  # the KnownError's code, e.g. "sign-in-again" (the tray offers the fix)


@dataclass(frozen=True)
class SendFailed:
    account: str
    message_id: str
    message: str


@dataclass(frozen=True)
class HandoffChanged:
    """A hand-off target's state after a delivery round (SPEC §17): shown when it fails."""

    target: str  # the target's name
    pending: int
    failed: int
    message: str  # the last error, one line; empty when all is well


@dataclass(frozen=True)
class TeamOnline:
    """The team store became reachable (``online``) or not (then ``since`` and ``detail``)."""

    online: bool
    since: str = ""  # ISO 8601, when it went offline
    detail: str = ""


@dataclass(frozen=True)
class TeamPulled:
    """Teammates' emails or forgets were written to the local store (timelines to refresh)."""

    emails: int
    contacts: tuple[str, ...]


Event = (
    StateChanged
    | ScanProgress
    | EmailLogged
    | AccountStopped
    | SendFailed
    | HandoffChanged
    | TeamOnline
    | TeamPulled
)
EventSink = Callable[[Event], None]

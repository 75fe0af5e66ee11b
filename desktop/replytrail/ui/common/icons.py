"""The tray icons per watch state, drawn as SVG in ``resources/icons/``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

from replytrail.core.events import WatchState
from replytrail.core.paths import resources_dir

__all__ = ["SETUP_ICON", "TRAY_STATES", "app_icon", "icon_path", "setup_icon", "tray_icon"]

#: the five states the tray shows (SPEC §8); STOPPED accounts are shown as errors
TRAY_STATES: tuple[WatchState, ...] = (
    WatchState.WATCHING,
    WatchState.CATCHING_UP,
    WatchState.PAUSED,
    WatchState.OFFLINE,
    WatchState.ERROR,
)

#: no account set up yet: an outlined bubble with a "+", unlike paused (orange pause sign)
SETUP_ICON = "tray-setup"


def icon_path(name: str) -> Path:
    """``resources/icons/<name>.svg``."""
    return resources_dir() / "icons" / f"{name}.svg"


def tray_icon(state: WatchState) -> QIcon:
    """The icon for *state* (``tray-<state>.svg``); STOPPED looks like ERROR."""
    if state is WatchState.STOPPED:
        state = WatchState.ERROR
    return QIcon(str(icon_path(f"tray-{state.value}")))


def setup_icon() -> QIcon:
    """The tray icon while no account is set up (``tray-setup.svg``)."""
    return QIcon(str(icon_path(SETUP_ICON)))


def app_icon() -> QIcon:
    """The application's own icon (window title bars, notifications)."""
    return QIcon(str(icon_path("replytrail")))

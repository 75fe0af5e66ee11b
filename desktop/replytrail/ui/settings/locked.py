"""Which controls of the settings dialog show each setting: greyed out, with the reason,
when the administrator's policy locks it (SPEC §18)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from replytrail.ui.common.locks import grey_locked

__all__ = ["CONTROLS", "grey_locked_controls"]

#: setting key -> the dialog's attributes that edit it
CONTROLS: dict[str, tuple[str, ...]] = {
    "logging.mode": ("mode_combo",),
    "logging.since_days": ("since_days_radio", "since_days"),
    "logging.since_date": ("since_date_radio", "since_date"),
    "logging.subject_rule": ("subject_check",),
    "logging.never_log": ("never_log",),
    "general.language": ("language_combo",),
    "general.start_at_login": ("login_check",),
    "general.notifications": ("notify_check",),
    "watch.idle_refresh": ("idle_spin",),
}


def grey_locked_controls(dialog: QWidget, is_locked: Callable[[str], bool], note: str) -> bool:
    """Grey the dialog's controls of locked settings; True when any is locked."""
    widgets = {key: tuple(getattr(dialog, n) for n in names) for key, names in CONTROLS.items()}
    return grey_locked(is_locked, widgets, note)

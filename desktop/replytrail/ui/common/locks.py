"""Grey out the controls of settings the administrator's policy locks (SPEC §18)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtWidgets import QWidget

__all__ = ["grey_locked"]


def grey_locked(
    is_locked: Callable[[str], bool], widgets: Mapping[str, Sequence[QWidget]], note: str
) -> bool:
    """Disable the widgets of every locked key and say why in their tooltip; True if any."""
    found = False
    for key, controls in widgets.items():
        if is_locked(key):
            found = True
            for w in controls:
                w.setEnabled(False)
                w.setToolTip(note)
    return found

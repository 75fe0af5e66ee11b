"""Live discovery progress for the wizard: each finished step carried to the GUI thread."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

__all__ = ["StepRelay"]

log = logging.getLogger("replytrail.ui.wizard")


class StepRelay(QObject):
    """Carries finished discovery steps from the worker threads to the GUI thread.

    Parentless on purpose: a worker still holding it after the wizard closed emits into
    nothing instead of into a deleted page.

    Signals:
        stepFinished(int, object): the run's number and the step's ``StepLog``.
    """

    stepFinished = Signal(int, object)  # noqa: N815 - Qt signal naming

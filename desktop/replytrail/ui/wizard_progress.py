"""Discovery with live progress for the wizard: each step carried to the GUI thread."""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal

from replytrail.core.discovery import discover
from replytrail.core.discovery.engine import DEFAULT_TIMEOUT, OnStep
from replytrail.core.discovery.settings import DiscoveryResult
from replytrail.core.setup import greets_as_pop3

__all__ = ["StepRelay", "find_settings_live"]

log = logging.getLogger("replytrail.ui.wizard")


def find_settings_live(
    email: str,
    *,
    preset: Mapping[str, Any] | None,
    step_timeout: float,
    cancel: threading.Event,
    on_step: OnStep,
) -> DiscoveryResult:
    """:func:`replytrail.core.setup.find_settings` with each step reported as it ends.

    The same two calls (discovery, then the greeting check of the IMAP server found);
    kept here until ``find_settings`` itself takes ``on_step``.
    """
    result = discover(
        email,
        preset=preset,
        timeout=max(DEFAULT_TIMEOUT, step_timeout),
        step_timeout=step_timeout,
        cancel=cancel,
        on_step=on_step,
    )
    inc = result.incoming
    if inc is None or inc.protocol != "imap" or cancel.is_set():
        return result
    if greets_as_pop3(inc.host, inc.port, inc.security, timeout=min(3.0, step_timeout)):
        log.info("%s:%d greets like POP3", inc.host, inc.port)
        return dataclasses.replace(
            result, incoming=dataclasses.replace(inc, protocol="pop3"), pop3_only=True
        )
    return result


class StepRelay(QObject):
    """Carries finished discovery steps from the worker threads to the GUI thread.

    Parentless on purpose: a worker still holding it after the wizard closed emits into
    nothing instead of into a deleted page.

    Signals:
        stepFinished(int, object): the run's number and the step's ``StepLog``.
    """

    stepFinished = Signal(int, object)  # noqa: N815 - Qt signal naming

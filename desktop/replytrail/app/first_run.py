"""The seam to the set-up wizard: open it when it is built, else explain the CLI command."""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials

__all__ = ["open_setup", "wizard_available"]

log = logging.getLogger("replytrail.app.setup")
WIZARD_MODULE = "replytrail.ui.wizard.wizard"
CLI_HINT = "replytrail account add --email you@example.com --password-stdin"


def _wizard_class() -> type[QDialog] | None:
    try:
        module = importlib.import_module(WIZARD_MODULE)
    except ModuleNotFoundError as e:
        if e.name != WIZARD_MODULE:
            raise
        return None
    cls: type[QDialog] = module.SetupWizard
    return cls


def wizard_available() -> bool:
    return _wizard_class() is not None


def open_setup(
    parent: QWidget | None,
    *,
    accounts: AccountRegistry,
    credentials: Credentials,
    settings: Settings,
) -> bool:
    """Let the user add an account; True when one was added (then reload the engine).

    The wizard is built as ``SetupWizard(accounts=..., credentials=..., settings=...,
    parent=...)``, a QDialog that saves the account and its password itself.
    """
    before = {a.email for a in accounts.all()}
    cls = _wizard_class()
    if cls is None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("Setup", "Add an account"),
            QCoreApplication.translate(
                "Setup", "Replytrail needs your mail account to watch for replies."
            ),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "Setup", "Add it from a terminal, then choose Accounts… again:"
            )
            + "\n\n"
            + CLI_HINT
        )
        box.setObjectName("setupHint")
        box.exec()
    else:
        wizard = cls(
            accounts=accounts,
            credentials=credentials,  # type: ignore[call-arg]
            settings=settings,
            parent=parent,
        )
        wizard.exec()
    added = {a.email for a in accounts.all()} - before
    if added:
        log.info("accounts added: %d", len(added))
    return bool(added)

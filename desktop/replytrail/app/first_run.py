"""The seam to the set-up wizard: a new wizard each time, modal, deleted when it closes."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials

if TYPE_CHECKING:
    from replytrail.ui.settings.team_page import TeamActions

__all__ = ["open_setup"]

log = logging.getLogger("replytrail.app.setup")


def open_setup(
    parent: QWidget | None,
    *,
    accounts: AccountRegistry,
    credentials: Credentials,
    settings: Settings,
    team: TeamActions | None = None,
) -> bool:
    """Let the user add an account; True when one was added (then reload the engine).

    The wizard saves the account and its password itself (and joins the team store the
    preset names, with *team*).
    """
    from replytrail.ui.wizard.wizard import SetupWizard  # discovery, probing: when asked for

    before = {a.email for a in accounts.all()}
    wizard = SetupWizard(
        accounts=accounts, credentials=credentials, settings=settings, team=team, parent=parent
    )
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.exec()
    added = {a.email for a in accounts.all()} - before
    if added:
        log.info("accounts added: %d", len(added))
    return bool(added)

"""Settings › Accounts › Test: log in to IMAP and SMTP off the GUI thread, say what works."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from replytrail.core.errors import KnownError
from replytrail.core.mail.connect import ImapReport, test_imap, test_smtp
from replytrail.core.oauth.tokens import AccountSecrets

if TYPE_CHECKING:
    from replytrail.ui.settings.dialog import SettingsDialog

__all__ = ["run_account_test"]

log = logging.getLogger("replytrail.ui.settings")


def run_account_test(d: SettingsDialog) -> None:
    """Log in to IMAP and SMTP on a worker thread; the result shows below the account list."""
    account = d.selected_account()
    if account is None:
        return
    d.test_button.setProperty("busy", True)
    d.test_button.setEnabled(False)
    d.test_result.setText(
        QCoreApplication.translate("SettingsDialog", "Testing %1…").replace("%1", account.email)
    )

    def work() -> ImapReport:
        secret = AccountSecrets(d._credentials, d._settings).for_account(account)
        report = test_imap(account, secret)
        test_smtp(account, secret)
        return report

    def done(report: ImapReport) -> None:
        text = (
            QCoreApplication.translate(
                "SettingsDialog", "IMAP and SMTP work; the server pushes new mail (IDLE)."
            )
            if report.idle
            else QCoreApplication.translate(
                "SettingsDialog",
                "IMAP and SMTP work; the server cannot push new mail, so "
                "Replytrail checks every minute.",
            )
        )
        d._test_over(account.email, True, text)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            text = exc.message
        else:
            log.error("account test failed", exc_info=exc)
            text = QCoreApplication.translate(
                "SettingsDialog", "The test failed unexpectedly: %1"
            ).replace("%1", type(exc).__name__)
        d._test_over(account.email, False, text)

    d._jobs.run(work, done, failed)

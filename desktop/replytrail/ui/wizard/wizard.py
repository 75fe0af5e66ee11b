"""The set-up wizard (SPEC §1.2, §4): from an email address to a watched inbox."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget, QWizard

from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials
from replytrail.core.models import Account
from replytrail.qt.jobs import Jobs
from replytrail.ui.common.icons import app_icon
from replytrail.ui.settings.team_page import TeamActions
from replytrail.ui.wizard.common import Draft, Page, SetupPage, WizardContext
from replytrail.ui.wizard.pages.check import TestPage
from replytrail.ui.wizard.pages.find import DiscoveryPage, EmailPage
from replytrail.ui.wizard.pages.finish import DonePage, LoggingPage
from replytrail.ui.wizard.pages.pop3 import Pop3Page
from replytrail.ui.wizard.pages.settings import PasswordPage, ReviewPage
from replytrail.ui.wizard.pages.signin import SignInPage
from replytrail.ui.wizard.pages.team import TeamStorePage

__all__ = ["Page", "SetupWizard"]

log = logging.getLogger("replytrail.ui.wizard")


class SetupWizard(QWizard):
    """Email → discovery → (POP3 guidance) → review → sign-in or password → test → logging
    → (team store, when the preset names one) → done.

    One class per page, each with a ``save()`` hook that writes into a shared draft; the
    last page saves the password (keyring), the account and the logging settings. All
    network and keyring work runs on a small job pool, never on the GUI thread.
    ``saved_account`` is the account once Finish succeeded. No signals beyond QWizard's.
    """

    def __init__(
        self,
        *,
        accounts: AccountRegistry,
        credentials: Credentials,
        settings: Settings,
        open_url: Callable[[str], object] | None = None,
        team: TeamActions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.jobs = Jobs(workers=2, parent=self)
        self.ctx = WizardContext(
            accounts=accounts,
            credentials=credentials,
            settings=settings,
            jobs=self.jobs,
            team=team,
        )
        if open_url is not None:
            self.ctx.open_url = open_url
        self.setWindowTitle(self.tr("Set up Replytrail"))
        self.setWindowIcon(app_icon())
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, app_icon().pixmap(QSize(48, 48)))
        self.email_page = EmailPage(self.ctx)
        self.discovery_page = DiscoveryPage(self.ctx)
        self.pop3_page = Pop3Page(self.ctx, entered=False)
        self.review_page = ReviewPage(self.ctx)
        self.pop3_entered_page = Pop3Page(self.ctx, entered=True)
        self.signin_page = SignInPage(self.ctx)
        self.password_page = PasswordPage(self.ctx)
        self.test_page = TestPage(self.ctx)
        self.logging_page = LoggingPage(self.ctx)
        self.team_page = TeamStorePage(self.ctx)
        self.done_page = DonePage(self.ctx)
        pages: list[tuple[Page, SetupPage]] = [
            (Page.EMAIL, self.email_page),
            (Page.DISCOVERY, self.discovery_page),
            (Page.POP3, self.pop3_page),
            (Page.REVIEW, self.review_page),
            (Page.POP3_ENTERED, self.pop3_entered_page),
            (Page.SIGNIN, self.signin_page),
            (Page.PASSWORD, self.password_page),
            (Page.TEST, self.test_page),
            (Page.LOGGING, self.logging_page),
            (Page.TEAM, self.team_page),
            (Page.DONE, self.done_page),
        ]
        for page_id, page in pages:
            page.setObjectName(f"wizardPage{page_id.name.title().replace('_', '')}")
            self.setPage(int(page_id), page)
        self.setStartId(int(Page.EMAIL))
        self.pop3_entered_page.imapFound.connect(self.review_page.load)
        self.setMinimumSize(QSize(640, 520))
        self.resize(QSize(720, 560))

    @property
    def draft(self) -> Draft:
        return self.ctx.draft

    @property
    def saved_account(self) -> Account | None:
        return self.ctx.draft.saved

    def done(self, result: int) -> None:
        """Closing stops every lookup and test; their late results are dropped."""
        if result == int(QWizard.DialogCode.Rejected) or self.draft.saved is not None:
            self.ctx.cancel_all()
            self.jobs.shutdown()
            self.draft.password = ""
            self.draft.signed_in = None
            self.draft.team = None
        super().done(result)

"""The wizard's POP3 page: why POP3 cannot work, the provider's steps, "Check again" (SPEC §4.3)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTime, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from replytrail.core.discovery import pop3_guidance
from replytrail.core.discovery.settings import DiscoveryResult
from replytrail.core.errors import KnownError
from replytrail.core.setup import account_from_result, find_settings
from replytrail.ui.wizard.common import (
    Page,
    SetupPage,
    WizardContext,
    busy_bar,
    guidance_html,
    note_label,
)
from replytrail.ui.wizard.pages.find import step_timeout

__all__ = ["Pop3Page"]

log = logging.getLogger("replytrail.ui.wizard")


class Pop3Page(SetupPage):
    """The POP3 explanation with the provider's steps and "Check again" (SPEC §4.3).

    One class, two pages: after discovery (IMAP found → on to the review) and after the
    review when the user entered a POP3 server (IMAP found → back to the review).

    Signals:
        imapFound(): "Check again" found IMAP; the draft holds the new settings.
    """

    imapFound = Signal()  # noqa: N815 - Qt signal naming

    def __init__(self, ctx: WizardContext, *, entered: bool, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.entered = entered
        self.setTitle(self.tr("Replytrail needs IMAP, not POP3"))
        self.setSubTitle(
            self.tr(
                "Your mail is fetched with POP3. Here is why that cannot "
                "work, and how to switch IMAP on."
            )
        )
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("pop3Guidance")
        self.browser.setOpenExternalLinks(True)
        self.check_button = QPushButton(self.tr("Check &again"), self)
        self.check_button.setObjectName("checkAgainButton")
        self.check_button.clicked.connect(self.check_again)
        self.status = note_label(self)
        self.status.setObjectName("pop3Status")
        self.bar = busy_bar(self)
        self.bar.setMaximumWidth(120)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.bar)
        row.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(row)
        self._imap = False
        self._guessed = False  # POP3 only by the typed name or port: the user may go on
        self._checks = 0

    @property
    def checks(self) -> int:
        """How many times "Check again" has finished (for tests and logs)."""
        return self._checks

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self._imap = False
        self.status.clear()
        server = self.draft.pop3_server
        text = pop3_guidance(self.draft.provider, host=server.host if server else "")
        guessed = server is not None and (server.host, server.port) != self.draft.greets_pop3
        self._guessed = self.entered and guessed
        if self._guessed:  # only its name or port says POP3: say no more, and let them go on
            assert server is not None
            verdict = self.tr(
                "%1 looks like a POP3 server (by its name or port); Replytrail has not "
                "connected to it. If it is your IMAP server after all, choose Next: the "
                "connection test will tell."
            ).replace("%1", server.host)
            text = "\n\n".join([verdict, *text.split("\n\n")[1:]])
        self.setSubTitle(
            self.tr("Here is why POP3 cannot work, and how to switch IMAP on.")
            if self._guessed
            else self.tr(
                "Your mail is fetched with POP3. Here is why that cannot "
                "work, and how to switch IMAP on."
            )
        )
        self.browser.setHtml(guidance_html(text))
        self.focus(self.check_button)

    @Slot()
    def check_again(self) -> None:
        """Discovery again, plus the greeting check; IMAP found → move on."""
        email, preset = self.draft.email, self.ctx.settings.preset
        timeout, cancel = step_timeout(self.ctx), self.ctx.cancel_event()
        self.check_button.setEnabled(False)
        self.bar.show()
        self.status.setText(self.tr("Checking %1…").replace("%1", email))
        self.run(
            lambda: find_settings(email, preset=preset, step_timeout=timeout, cancel=cancel),
            self._checked,
            self._failed,
        )

    def _checked(self, result: DiscoveryResult) -> None:
        self._checks += 1
        self.check_button.setEnabled(True)
        self.bar.hide()
        now = QTime.currentTime().toString("HH:mm:ss")
        inc = result.incoming
        if inc is None or result.pop3_only:
            host = (
                inc.host
                if inc
                else (self.draft.pop3_server.host if self.draft.pop3_server else self.draft.email)
            )
            self.status.setText(
                self.tr("Still only POP3 at %1 (checked at %2).")
                .replace("%1", host)
                .replace("%2", now)
            )
            self.focus(self.check_button)
            return
        self.status.setText(
            self.tr("IMAP is on: %1, port %2.").replace("%1", inc.host).replace("%2", str(inc.port))
        )
        self.draft.result = result
        self.draft.account = account_from_result(self.draft.email, result)
        self.draft.pop3_server = None
        self._imap = True
        self.completeChanged.emit()
        self.imapFound.emit()
        wizard = self.wizard()
        QTimer.singleShot(0, wizard.back if self.entered else wizard.next)

    def _failed(self, exc: BaseException) -> None:
        log.error("check again failed", exc_info=exc)
        self.check_button.setEnabled(True)
        self.bar.hide()
        self.status.setText(exc.message if isinstance(exc, KnownError) else type(exc).__name__)

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return (self._imap and not self.entered) or self._guessed

    def nextId(self) -> int:  # noqa: N802 - Qt API
        return int(Page.PASSWORD if self.entered else Page.REVIEW)

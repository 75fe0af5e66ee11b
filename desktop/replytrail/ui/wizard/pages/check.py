"""The wizard's test page: IMAP and SMTP sign-in off the GUI thread, certificate pinning."""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from replytrail.core.errors import KnownError
from replytrail.core.i18n import translate
from replytrail.core.models import Account
from replytrail.core.setup import CheckReport, Untrusted, check_account, pin_certificate
from replytrail.ui.wizard.common import (
    GREY,
    ORANGE,
    RED,
    Page,
    SetupPage,
    WizardContext,
    busy_bar,
    heading,
    monospace,
    note_label,
    status_glyph,
)

__all__ = ["TestPage"]

log = logging.getLogger("replytrail.ui.wizard")


class _Row:
    """One check: a ✓/✗ glyph, a title with the server, and what happened."""

    def __init__(self, parent: QWidget, grid: QGridLayout, row: int, name: str) -> None:
        self.glyph = QLabel(parent)
        self.glyph.setObjectName(f"{name}Glyph")
        self.glyph.setFixedWidth(18)
        self.title = QLabel(parent)
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.detail = note_label(parent)
        self.detail.setObjectName(f"{name}Detail")
        grid.addWidget(self.glyph, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.title, row, 1)
        grid.addWidget(self.detail, row + 1, 1)

    def show(self, state: str, detail: str, colour: str = "") -> None:
        status_glyph(self.glyph, state)
        self.detail.setText(detail)
        self.detail.setStyleSheet(f"color: {colour}" if colour else "")


class TestPage(SetupPage):
    """Signs in to IMAP (CAPABILITY, IDLE) and SMTP (EHLO, TLS, AUTH) and shows each result.

    An untrusted certificate shows its SHA-256 fingerprint and can be trusted for its host
    only; a pinned certificate that changed is refused with a warning and cannot be pinned
    here. A missing IDLE is a warning: the user may go on. A server that greets like POP3
    sends the user to the POP3 guidance (by way of the review page, where Back returns
    to). No signals beyond QWizardPage's.
    """

    __test__ = False  # not a pytest test class, whatever its name

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setTitle(self.tr("Testing the connection"))
        self.setSubTitle(
            self.tr(
                "Replytrail signs in to receive (IMAP) and to send (SMTP), "
                "as it will when it watches your inbox."
            )
        )
        self.report: CheckReport | None = None
        self.status = heading(note_label(self))
        self.status.setObjectName("testStatus")
        self.bar = busy_bar(self)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        self.imap_row = _Row(self, grid, 0, "imap")
        grid.setRowMinimumHeight(2, 10)
        self.smtp_row = _Row(self, grid, 3, "smtp")
        self.warning = note_label(self)
        self.warning.setObjectName("idleWarning")
        self.warning.setStyleSheet(f"color: {ORANGE}")
        self.cert_box = QFrame(self)
        self.cert_box.setObjectName("certificateBox")
        self.cert_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.cert_text = note_label(self.cert_box)
        self.fingerprint = monospace(QLabel(self.cert_box))
        self.fingerprint.setObjectName("fingerprintLabel")
        self.fingerprint.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.cert_advice = note_label(
            self.cert_box,
            self.tr(
                "Trust it only if your administrator confirms this fingerprint. Replytrail will "
                "then accept exactly this certificate for this server, and warn if it ever "
                "changes."
            ),
        )
        self.cert_advice.setStyleSheet(f"color: {GREY}")
        self.pin_button = QPushButton(self.cert_box)
        self.pin_button.setObjectName("pinButton")
        self.pin_button.clicked.connect(self.pin)
        box = QVBoxLayout(self.cert_box)
        box.addWidget(self.cert_text)
        box.addWidget(self.fingerprint)
        box.addWidget(self.cert_advice)
        box.addWidget(self.pin_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.cert_box.hide()
        self.hint = note_label(self)
        self.hint.setObjectName("testHint")
        self.again_button = QPushButton(self.tr("&Test again"), self)
        self.again_button.setObjectName("testAgainButton")
        self.again_button.clicked.connect(self.start)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.again_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addSpacing(4)
        layout.addLayout(grid)
        layout.addWidget(self.warning)
        layout.addWidget(self.cert_box)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self._untrusted: Untrusted | None = None

    @property
    def account(self) -> Account:
        account = self.draft.account
        assert account is not None, "the review page saves the account first"
        return account

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.start()

    @Slot()
    def start(self) -> None:
        """Sign in to both servers on a worker thread."""
        account, secret = self.account, self.draft.secret
        self.report = None
        self.completeChanged.emit()
        self.imap_row.title.setText(
            self.tr("Incoming mail (IMAP) — %1, port %2")
            .replace("%1", account.imap_host)
            .replace("%2", str(account.imap_port))
        )
        self.smtp_row.title.setText(
            self.tr("Outgoing mail (SMTP) — %1, port %2")
            .replace("%1", account.smtp_host)
            .replace("%2", str(account.smtp_port))
        )
        for row in (self.imap_row, self.smtp_row):
            row.show("running", self.tr("signing in…"))
        self.status.setText(self.tr("Signing in as %1…").replace("%1", html.escape(account.login)))
        self.warning.clear()
        self.warning.hide()
        self.cert_box.hide()
        self.hint.clear()
        self.again_button.setEnabled(False)
        self.bar.show()
        log.info("testing %s", account.email)
        self.run(lambda: check_account(account, secret), self._finished, self._failed)

    def _message(self, err: KnownError) -> str:
        if err.code == "tls-not-trusted":
            return self.tr("This computer does not trust the server's certificate (%1).").replace(
                "%1", html.escape(str(err.params.get("reason", "")))
            )
        return html.escape(err.message)

    def _hint(self, err: KnownError) -> str:
        return {
            "auth-failed": self.tr(
                "Go back to correct the password, or the user name under the advanced settings."
            ),
            "needs-app-password": self.tr(
                "Go back: the password page says how to get an app password."
            ),
            "needs-oauth": self.tr(
                "Go back: the password page explains the sign-in with your provider."
            ),
            "host-not-found": self.tr("Go back to check the server names."),
            "connection-refused": self.tr("Go back to check the server names and ports."),
            "timeout": self.tr(
                "Check your internet connection, or go back to check the ports, then test again."
            ),
            "pop3-only": self.tr(
                "Go back and enter your IMAP server, or switch IMAP on at "
                "your provider and test again."
            ),
            "imap-disabled": self.tr("Switch IMAP on at your provider, then test again."),
            "tls-pin-mismatch": self.tr(
                "Do not go on unless your administrator confirms that "
                "the server's certificate was changed."
            ),
        }.get(err.code, "")

    def _finished(self, report: CheckReport) -> None:
        self.report = report
        self.bar.hide()
        self.again_button.setEnabled(True)
        if report.imap is not None:
            detail = (
                self.tr("Signed in. New mail is pushed at once (IDLE).")
                if report.imap.idle
                else self.tr("Signed in.")
            )
            self.imap_row.show("ok", detail)
        if report.smtp_ok:
            self.smtp_row.show("ok", self.tr("Signed in; sending works (TLS, AUTH)."))
        errors = [
            (row, e)
            for row, e in ((self.imap_row, report.imap_error), (self.smtp_row, report.smtp_error))
            if e is not None
        ]
        for row, err in errors:
            mismatch = err.code == "tls-pin-mismatch"
            row.show(
                "failed",
                f"<b>{self._message(err)}</b>" if mismatch else self._message(err),
                RED if mismatch else "",
            )
            if err.code == "needs-oauth":
                self.draft.needs_oauth = True
        if report.imap_error is not None and report.imap_error.code == "pop3-only":
            account = self.account
            self.draft.greets_pop3 = (account.imap_host.strip().lower(), account.imap_port)
            QTimer.singleShot(0, self, self._to_pop3_guidance)
        if report.warnings:
            self.warning.setText("! " + " ".join(translate("errors", w) for w in report.warnings))
            self.warning.show()
        untrusted = report.untrusted()
        self._untrusted = untrusted[0] if untrusted else None
        if self._untrusted is not None:
            u = self._untrusted
            self.cert_text.setText(
                self.tr(
                    "The certificate of <b>%1</b> is not trusted by this "
                    "computer. Its SHA-256 fingerprint is:"
                ).replace("%1", html.escape(u.host))
            )
            half = len(u.fingerprint) // 2 + 1
            self.fingerprint.setText(
                u.fingerprint[:half].rstrip(":") + ":\n" + u.fingerprint[half:]
            )
            self.pin_button.setText(
                self.tr("T&rust this certificate for %1 only").replace("%1", u.host)
            )
            self.cert_box.show()
        hints = [h for h in dict.fromkeys(self._hint(e) for _, e in errors) if h]
        self.hint.setText(" ".join(hints))
        if report.ok:
            self.status.setText(self.tr("Everything works."))
            self.next_button_focus()
        else:
            self.status.setText(self.tr("Replytrail could not sign in."))
            focus = self.pin_button if self._untrusted is not None else self.again_button
            self.focus(focus)
        log.info(
            "test of %s: imap %s, smtp %s",
            self.account.email,
            report.imap_error.code if report.imap_error else "ok",
            report.smtp_error.code if report.smtp_error else "ok",
        )
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        log.error("the connection test failed", exc_info=exc)
        self.bar.hide()
        self.again_button.setEnabled(True)
        for row in (self.imap_row, self.smtp_row):
            row.show(
                "failed",
                self.tr("The test failed unexpectedly: %1").replace("%1", type(exc).__name__),
            )

    @Slot()
    def _to_pop3_guidance(self) -> None:
        """Back to the review page, then on to the POP3 page as if the user had typed it."""
        wizard = self.wizard()
        if wizard is None or wizard.currentPage() is not self:
            return  # the user moved on meanwhile
        if int(Page.REVIEW) not in wizard.visitedIds():
            return  # the hint on this page says what to do
        log.info("%s greets like POP3: to the POP3 guidance", self.account.imap_host)
        for _ in wizard.visitedIds():
            if wizard.currentId() == int(Page.REVIEW):
                break
            wizard.back()
        if wizard.currentId() == int(Page.REVIEW):
            wizard.next()  # the review page now sees the POP3 server and goes to its guidance

    @Slot()
    def pin(self) -> None:
        """Trust the shown certificate for its host only, then test again."""
        u = self._untrusted
        if u is None:
            return
        pin_certificate(self.account, u.host, u.sha256)
        log.info("certificate pinned for %s", u.host)
        self.start()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.report is not None and self.report.ok

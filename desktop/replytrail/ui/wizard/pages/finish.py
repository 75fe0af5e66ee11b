"""The wizard's last pages: what to log, and the summary that saves everything on Finish."""

from __future__ import annotations

import dataclasses
import html
import logging
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from replytrail.core.errors import KnownError
from replytrail.core.models import Account
from replytrail.core.setup import LoggingChoices, default_never_log, save_account
from replytrail.ui.common.entries import entries_text, parse_entries
from replytrail.ui.common.locks import grey_locked
from replytrail.ui.common.widgets import date_edit_format
from replytrail.ui.wizard.common import (
    GREY,
    RED,
    Page,
    SetupPage,
    WizardContext,
    busy_bar,
    note_label,
    ui_locale,
)

__all__ = ["DonePage", "LoggingPage"]

log = logging.getLogger("replytrail.ui.wizard")


class LoggingPage(SetupPage):
    """What Replytrail logs: the mode, how far back, the Bcc address, never-log domains.

    No signals beyond QWizardPage's.
    """

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setTitle(self.tr("What Replytrail logs"))
        self.setSubTitle(self.tr("You can change all of this later in the settings."))
        self.tracked_radio = QRadioButton(
            self.tr("&Replies to the emails I track (recommended)"), self
        )
        self.tracked_radio.setObjectName("trackedRadio")
        self.contacts_radio = QRadioButton(self.tr("E&very email with a known contact"), self)
        self.contacts_radio.setObjectName("contactsRadio")
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.tracked_radio)
        self.mode_group.addButton(self.contacts_radio)
        mode_note = note_label(
            self,
            self.tr(
                "Tracked emails are the ones you send with Replytrail or with your Bcc logging "
                "address; their replies are logged automatically."
            ),
        )
        mode_note.setStyleSheet(f"color: {GREY}")
        self.since = QDateEdit(self)
        self.since.setObjectName("sinceDate")
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat(date_edit_format())
        self.since.setMaximumDate(QDate.currentDate())
        self.bcc = QLineEdit(self)
        self.bcc.setObjectName("bccAddress")
        self.bcc.setReadOnly(True)
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.setObjectName("copyButton")
        self.copy_button.clicked.connect(self.copy_bcc)
        self.copied = QLabel(self)
        self.copied.setStyleSheet(f"color: {GREY}")
        bcc_note = note_label(
            self,
            self.tr(
                "Writing from your usual mail program? Put this address in Bcc: Replytrail logs "
                "the email and watches for the replies."
            ),
        )
        bcc_note.setStyleSheet(f"color: {GREY}")
        self.never = QPlainTextEdit(self)
        self.never.setObjectName("neverLog")
        self.never.setTabChangesFocus(True)
        self.never.setPlaceholderText(self.tr("example.com\ncolleague@example.org"))
        lines = self.never.fontMetrics().lineSpacing()
        self.never.setFixedHeight(lines * 3 + 12)  # three lines show; more scroll
        never_note = note_label(
            self,
            self.tr(
                "One address or domain per line, as in the settings. Your own domain is there "
                "so that emails with your colleagues are never logged."
            ),
        )
        never_note.setStyleSheet(f"color: {GREY}")

        bcc_row = QHBoxLayout()
        bcc_row.addWidget(self.bcc, 1)
        bcc_row.addWidget(self.copy_button)
        bcc_row.addWidget(self.copied)
        modes = QVBoxLayout()
        modes.addWidget(self.tracked_radio)
        modes.addWidget(self.contacts_radio)
        modes.addWidget(mode_note)
        since_row = QHBoxLayout()
        since_row.addWidget(self.since)
        since_row.addStretch(1)
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(6)
        top = Qt.AlignmentFlag.AlignTop
        rows: list[tuple[QLabel | None, QWidget | QHBoxLayout | QVBoxLayout]] = [
            (QLabel(self.tr("Log:"), self), modes),
            (self._label(self.tr("Look for replies &since:"), self.since), since_row),
            (self._label(self.tr("&Bcc logging address:"), self.bcc), bcc_row),
            (None, bcc_note),
            (self._label(self.tr("&Never log:"), self.never), self.never),
            (None, never_note),
        ]
        for row, (label, field) in enumerate(rows):
            if label is not None:
                tall = row == 0 or field is self.never  # a label beside a tall field: at its top
                grid.addWidget(label, row, 0, top if tall else Qt.AlignmentFlag.AlignVCenter)
            if isinstance(field, QWidget):
                grid.addWidget(field, row, 1)
            else:
                grid.addLayout(field, row, 1)
            if label is None:
                grid.setRowMinimumHeight(row, 0)
        grid.setRowStretch(len(rows), 1)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        s = self.ctx.settings.values().logging
        contacts = s.mode == "contacts"
        (self.contacts_radio if contacts else self.tracked_radio).setChecked(True)
        since = QDate.fromString(s.since_date, "yyyy-MM-dd")
        if not since.isValid():
            since = QDate.currentDate().addDays(-s.since_days)
        self.since.setDate(since)
        account = self.draft.account
        self.bcc.setText(account.bcc_address if account else "")
        self.copied.clear()
        locked = self.ctx.settings.is_locked
        own = [] if locked("logging.never_log") else default_never_log(self.draft.email)
        self.never.setPlainText(entries_text([*s.never_log, *own]))
        widgets = {
            "logging.mode": (self.tracked_radio, self.contacts_radio),
            "logging.since_date": (self.since,),
            "logging.never_log": (self.never,),
        }
        grey_locked(locked, widgets, self.tr("Set by your administrator"))
        (self.contacts_radio if contacts else self.tracked_radio).setFocus(
            Qt.FocusReason.OtherFocusReason
        )

    @Slot()
    def copy_bcc(self) -> None:
        QGuiApplication.clipboard().setText(self.bcc.text())
        self.copied.setText(self.tr("Copied."))
        QTimer.singleShot(4000, self.copied.clear)

    def nextId(self) -> int:  # noqa: N802 - Qt API
        from replytrail.ui.wizard.pages.team import wants_team_page

        return int(Page.TEAM if wants_team_page(self.ctx) else Page.DONE)

    def never_entries(self) -> list[str]:
        return parse_entries(self.never.toPlainText())

    def save(self) -> None:
        d = self.since.date()
        self.draft.choices = LoggingChoices(
            mode="contacts" if self.contacts_radio.isChecked() else "tracked",
            since=date(d.year(), d.month(), d.day()),
            never_log=tuple(self.never_entries()),
        )


class DonePage(SetupPage):
    """The summary. Finish stores the password in the keyring, then the account and the
    settings (off the GUI thread); without a keyring nothing is saved and the page says why.

    No signals beyond QWizardPage's.
    """

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setTitle(self.tr("Ready to watch your inbox"))
        self.setSubTitle(self.tr("Check the summary, then choose Finish."))
        self.summary = note_label(self)
        self.summary.setObjectName("doneSummary")
        self.after = note_label(
            self,
            self.tr(
                "When you choose Finish, your password goes into the system keyring and Replytrail "
                "starts watching your inbox. Replies to your tracked emails appear in the "
                "timeline within seconds; the tray icon shows that Replytrail is watching."
            ),
        )
        self.error = note_label(self)
        self.error.setObjectName("doneError")
        self.error.setStyleSheet(f"color: {RED}")
        self.bar = busy_bar(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addSpacing(8)
        layout.addWidget(self.after)
        layout.addStretch(1)
        layout.addWidget(self.bar)
        layout.addWidget(self.error)
        self._saving = False
        #: shown after Finish when the account was saved but joining the team store failed
        self.team_warning: QMessageBox | None = None

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        account = self.draft.account
        assert account is not None
        c = self.draft.choices
        mode = (
            self.tr("every email with a known contact")
            if c.mode == "contacts"
            else self.tr("replies to the emails you track")
        )
        since = (
            ui_locale().toString(
                QDate(c.since.year, c.since.month, c.since.day), QLocale.FormatType.LongFormat
            )
            if c.since
            else ""
        )
        rows = [
            (self.tr("Account"), account.email),
            (
                self.tr("Incoming mail"),
                f"{account.imap_host}:{account.imap_port} (IMAP, "
                f"{self._security(account, imap=True)})",
            ),
            (
                self.tr("Outgoing mail"),
                f"{account.smtp_host}:{account.smtp_port} (SMTP, "
                f"{self._security(account, imap=False)})",
            ),
            (self.tr("Logs"), mode),
            (self.tr("From"), since),
            (self.tr("Bcc logging address"), account.bcc_address),
            (self.tr("Never logs"), ", ".join(c.never_log) or self.tr("nothing excluded")),
        ]
        if self.draft.team is not None:
            from replytrail.core.store.postgres.link import describe

            rows.append(
                (
                    self.tr("Team store"),
                    self.tr("%1, as %2")
                    .replace("%1", describe(self.draft.team.dsn))
                    .replace("%2", self.draft.team.user),
                )
            )
            rows.append((self.tr("Shared with the team"), self._policy(self.draft.team_policy)))
        if account.pinned_sha256:
            rows.append(
                (
                    self.tr("Trusted certificate"),
                    ", ".join(sorted(account.pinned_sha256)) + " " + self.tr("(pinned)"),
                )
            )
        cells = "".join(
            f"<tr><td style='padding-right:14px; color:{GREY}'>{html.escape(k)}</td>"
            f"<td>{html.escape(v)}</td></tr>"
            for k, v in rows
        )
        self.summary.setText(f"<table cellspacing='3'>{cells}</table>")
        self.error.clear()

    def _policy(self, policy: str) -> str:
        """What teammates see of this salesperson's emails, under the team store's policy."""
        if policy == "private-bodies":
            return self.tr(
                "with whom you exchanged emails, when, and the subjects; the text and "
                "attachments only you"
            )
        return self.tr("every logged email, with its text and attachments")

    def _security(self, account: Account, *, imap: bool) -> str:
        value = account.imap_security if imap else account.smtp_security
        return "SSL/TLS" if str(value) == "ssl" else "STARTTLS"

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        """Finish: save off the GUI thread; the wizard closes when the save succeeded."""
        if self.draft.saved is not None:
            return True
        if not self._saving:
            self._start_save()
        return False

    def _start_save(self) -> None:
        account, secret, choices = self.draft.account, self.draft.kept_secret, self.draft.choices
        assert account is not None
        if self.draft.sender_name and not account.sender_name:
            account = dataclasses.replace(account, sender_name=self.draft.sender_name)
        ctx, team = self.ctx, self.draft.team
        self._saving = True
        self.error.clear()
        self.bar.show()
        self._set_buttons(False)

        def save() -> tuple[Account, str]:
            saved = save_account(
                accounts=ctx.accounts,
                credentials=ctx.credentials,
                settings=ctx.settings,
                account=account,
                secret=secret,
                choices=choices,
            )
            # then the team store (checked on its page a moment ago): should it fail now,
            # the account stays saved and the user is told to join later — never the
            # other way round (a team joined for an account that was not saved)
            if team is None or ctx.team is None:
                return saved, ""
            try:
                ctx.team.join(team)
            except KnownError as e:
                return saved, e.message
            return saved, ""

        self.run(save, self._saved, self._failed)

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return not self._saving

    def nextId(self) -> int:  # noqa: N802 - Qt API
        return -1  # the last page, whatever ids later pages have (Finish, not Next)

    def _set_buttons(self, enabled: bool) -> None:
        self.completeChanged.emit()
        wizard = self.wizard()
        for which in (wizard.WizardButton.FinishButton, wizard.WizardButton.BackButton):
            wizard.button(which).setEnabled(enabled)

    def _saved(self, result: tuple[Account, str]) -> None:
        account, team_error = result
        self._saving = False
        self.bar.hide()
        self.draft.saved = account
        self.draft.password = ""
        self.draft.signed_in = None
        self.draft.team = None
        if team_error:
            log.info("team store not joined at Finish")
            self.team_warning = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Team store"),
                self.tr(
                    "Your account is set up. Joining the team store did not work: %1 "
                    "You can join later in Settings › Team."
                ).replace("%1", team_error),
                QMessageBox.StandardButton.Ok,
                self,
            )
            self.team_warning.setObjectName("teamJoinFailed")
            self.team_warning.exec()
        self.wizard().accept()

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self.bar.hide()
        self._set_buttons(True)
        if isinstance(exc, KnownError):
            text = exc.message
        else:
            log.error("saving the account failed", exc_info=exc)
            text = self.tr("Saving failed unexpectedly: %1").replace("%1", type(exc).__name__)
        self.error.setText(self.tr("Nothing was saved.") + " " + html.escape(text))
        log.info("account not saved: %s", exc.code if isinstance(exc, KnownError) else "bug")

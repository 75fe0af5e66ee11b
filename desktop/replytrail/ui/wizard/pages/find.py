"""Wizard pages that find the server: the email address and discovery with its progress."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QElapsedTimer, QTimer, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from replytrail.core.accounts import normalise_email
from replytrail.core.discovery import email_domain
from replytrail.core.discovery.settings import SOURCES, DiscoveryResult, Source, StepLog
from replytrail.core.errors import KnownError
from replytrail.core.setup import account_from_result, find_settings
from replytrail.qt.relay import make_poster
from replytrail.ui.wizard.common import (
    GREY,
    Page,
    SetupPage,
    WizardContext,
    busy_bar,
    heading,
    note_label,
    status_glyph,
    ui_locale,
)

__all__ = ["DiscoveryPage", "EmailPage", "step_timeout"]

log = logging.getLogger("replytrail.ui.wizard")


def step_timeout(ctx: WizardContext) -> float:
    return ctx.settings.values().discovery.timeout


def system_user_name() -> str:
    """The full name of the system account (the GECOS field), or "" (issue 8.9)."""
    try:
        import pwd

        gecos = pwd.getpwuid(os.getuid()).pw_gecos
    except (ImportError, KeyError, AttributeError):  # Windows, or no passwd entry
        return ""
    return gecos.split(",")[0].strip()


class EmailPage(SetupPage):
    """Step 1: the address the salesperson writes to customers from. No signals."""

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setTitle(self.tr("Welcome to Replytrail"))
        self.setSubTitle(
            self.tr(
                "Replytrail watches your mailbox and logs your customers' "
                "replies to the emails you send them."
            )
        )
        intro = note_label(
            self,
            self.tr(
                "Enter the email address you write to your customers from. Replytrail looks up "
                "the server settings for you."
            ),
        )
        self.email_edit = QLineEdit(self)
        self.email_edit.setObjectName("emailEdit")
        self.email_edit.setPlaceholderText(self.tr("you@example.com"))
        self.email_edit.setClearButtonEnabled(True)
        self.email_edit.setMinimumWidth(320)
        label = QLabel(self.tr("&Email address:"), self)
        label.setBuddy(self.email_edit)
        self.name_edit = QLineEdit(system_user_name(), self)
        self.name_edit.setObjectName("senderNameEdit")
        self.name_edit.setPlaceholderText(self.tr("Erika Mustermann"))
        self.name_edit.setToolTip(self.tr("The name your customers see as the sender"))
        name_label = QLabel(self.tr("Your &name:"), self)
        name_label.setBuddy(self.name_edit)
        privacy = note_label(
            self,
            self.tr(
                "Your password stays in your system's keyring. Replytrail only stores the emails "
                "that belong to threads you track, and never changes your mailbox."
            ),
        )
        privacy.setStyleSheet(f"color: {GREY}")
        form = QFormLayout()
        form.addRow(name_label, self.name_edit)
        form.addRow(label, self.email_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(privacy)
        self.email_edit.textChanged.connect(self.completeChanged)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.focus(self.email_edit)

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        try:
            email_domain(self.email_edit.text())
            normalise_email(self.email_edit.text())
        except (ValueError, KnownError):
            return False
        return True

    def save(self) -> None:
        email = normalise_email(self.email_edit.text())
        if email != self.draft.email:
            self.draft.result = None
            self.draft.account = None
            self.draft.needs_oauth = False
        self.draft.email = email
        self.draft.sender_name = " ".join(self.name_edit.text().split())


class DiscoveryPage(SetupPage):
    """Step 2: discovery off the GUI thread, each step's outcome shown as soon as it ends.

    Stop cancels the run. No signals beyond QWizardPage's.
    """

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setTitle(self.tr("Finding your server settings"))
        self.setSubTitle(
            self.tr(
                "Replytrail asks your team's settings, its own provider "
                "list, your provider and the DNS, all at once."
            )
        )
        self.result: DiscoveryResult | None = None
        self._cancel = ctx.cancel_event()
        self._run_no = 0  # steps of an earlier run (before Search again, Back) are dropped
        # discovery threads report each finished step through the relay: they never hold
        # or emit on a Qt object of this page, which may be gone before they end
        self._post_step = make_poster(self._step_finished)
        self._clock = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(100)
        self._tick.timeout.connect(self._update_status)
        self.status = heading(note_label(self))
        self.status.setObjectName("discoveryStatus")
        self.bar = busy_bar(self)
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(10)
        self.glyphs: dict[Source, QLabel] = {}
        self.details: dict[Source, QLabel] = {}
        for row, source in enumerate(SOURCES):
            glyph, name, detail = (
                QLabel(self),
                QLabel(self._source_name(source), self),
                QLabel(self),
            )
            glyph.setFixedWidth(16)
            detail.setStyleSheet(f"color: {GREY}")
            grid.addWidget(glyph, row, 0)
            grid.addWidget(name, row, 1)
            grid.addWidget(detail, row, 2)
            self.glyphs[source], self.details[source] = glyph, detail
        self.stop_button = QPushButton(self.tr("&Stop"), self)
        self.stop_button.setObjectName("stopButton")
        self.again_button = QPushButton(self.tr("Search &again"), self)
        self.again_button.setObjectName("searchAgainButton")
        self.stop_button.clicked.connect(self.stop)
        self.again_button.clicked.connect(self.start)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.again_button)
        self.summary = note_label(self)
        self.summary.setObjectName("discoverySummary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addSpacing(6)
        layout.addLayout(grid)
        layout.addSpacing(6)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def _source_name(self, source: Source) -> str:
        return {
            "preset": self.tr("Your team's settings"),
            "provider-db": self.tr("Replytrail's provider list"),
            "autoconfig": self.tr("Your domain's autoconfig file"),
            "ispdb": self.tr("Thunderbird's provider database"),
            "dns-srv": self.tr("DNS service records (SRV)"),
            "dns-mx": self.tr("DNS mail servers (MX)"),
            "probe": self.tr("Trying common server names"),
        }[source]

    def _outcome_text(self, outcome: str) -> tuple[str, str]:
        """(glyph state, text) for a step's outcome."""
        return {
            "hit": ("ok", self.tr("found IMAP")),
            "pop3": ("pop3", self.tr("found only POP3")),
            "smtp-only": ("none", self.tr("found only the outgoing server")),
            "miss": ("none", self.tr("nothing found")),
            "error": ("none", self.tr("no answer")),
            "timeout": ("none", self.tr("took too long")),
            "not-needed": ("none", self.tr("not needed")),
            "cancelled": ("none", self.tr("stopped")),
        }.get(outcome, ("none", outcome))

    def _show_step(self, step: StepLog) -> None:
        """Show one step's outcome in its row, with the time it took when it ran."""
        state, text = self._outcome_text(step.outcome)
        if step.outcome not in ("not-needed", "cancelled"):
            if step.seconds < 0.1:
                text = self.tr("%1 (under 0.1 s)").replace("%1", text)
            else:
                seconds = ui_locale().toString(step.seconds, "f", 1)
                text = self.tr("%1 (%2 s)").replace("%1", text).replace("%2", seconds)
        status_glyph(self.glyphs[step.source], state)
        self.details[step.source].setText(text)

    @Slot(int, object)
    def _step_finished(self, run_no: int, step: StepLog) -> None:
        if run_no == self._run_no:
            self._show_step(step)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.start()

    def cleanupPage(self) -> None:  # noqa: N802 - Qt API
        self._run_no += 1
        self._cancel.set()
        self._tick.stop()
        super().cleanupPage()

    @property
    def running(self) -> bool:
        return self._tick.isActive()

    @Slot()
    def start(self) -> None:
        """Run discovery for the draft's address (again)."""
        self._cancel.set()
        self._cancel = self.ctx.cancel_event()
        cancel, email = self._cancel, self.draft.email
        preset, timeout = self.ctx.settings.preset, step_timeout(self.ctx)
        self._run_no += 1
        run_no, post = self._run_no, self._post_step

        def on_step(step: StepLog) -> None:  # on a discovery thread
            post(run_no, step)

        self.result = None
        for source in SOURCES:
            status_glyph(self.glyphs[source], "running")
            self.details[source].setText(self.tr("asking…"))
        self.summary.clear()
        self.stop_button.setVisible(True)
        self.stop_button.setEnabled(True)
        self.again_button.setVisible(False)
        self.bar.show()
        self._clock.start()
        self._tick.start()
        self._update_status()
        self.completeChanged.emit()
        log.info("discovery started")
        self.run(
            lambda: find_settings(
                email, preset=preset, step_timeout=timeout, cancel=cancel, on_step=on_step
            ),
            self._finished,
            self._failed,
        )
        self.focus(self.stop_button)

    @Slot()
    def stop(self) -> None:
        """Cancel the running discovery; the page shows "stopped" as soon as it returns."""
        self._cancel.set()
        self.stop_button.setEnabled(False)
        self.status.setText(self.tr("Stopping…"))

    def _update_status(self) -> None:
        if self._cancel.is_set():
            return
        seconds = self._clock.elapsed() / 1000
        self.status.setText(
            self.tr("Looking up the settings for %1… (%2 s)")
            .replace("%1", self.draft.email)
            .replace("%2", f"{seconds:.0f}")
        )

    def _done_ui(self) -> None:
        self._tick.stop()
        self.bar.hide()
        self.stop_button.setVisible(False)
        self.again_button.setVisible(True)
        self.completeChanged.emit()
        self.next_button_focus()

    def _finished(self, result: DiscoveryResult) -> None:
        self.result = result
        for step in result.steps_tried:  # as shown live already; the final word
            self._show_step(step)
        inc, out = result.incoming, result.outgoing
        if result.cancelled:
            self.status.setText(self.tr("Stopped."))
            self.summary.setText(
                self.tr(
                    "You can enter the server settings yourself on the next page, or search again."
                )
            )
        elif result.pop3_only and inc is not None:
            self.status.setText(self.tr("Your account offers only POP3."))
            self.summary.setText(
                self.tr(
                    "%1 answers with POP3, not IMAP. The next page explains what to do."
                ).replace("%1", inc.host)
            )
        elif inc is not None:
            self.status.setText(self.tr("Found the settings."))
            lines = [
                self.tr("Incoming mail (IMAP): %1, port %2")
                .replace("%1", inc.host)
                .replace("%2", str(inc.port))
            ]
            if out is not None:
                lines.append(
                    self.tr("Outgoing mail (SMTP): %1, port %2")
                    .replace("%1", out.host)
                    .replace("%2", str(out.port))
                )
            self.summary.setText("<br>".join(lines))
        else:
            self.status.setText(
                self.tr("No settings found for %1.").replace("%1", self.draft.email)
            )
            self.summary.setText(
                self.tr(
                    "Enter them on the next page: your provider's help "
                    "pages or your IT team know them."
                )
            )
        log.info(
            "discovery finished: source %s, pop3 %s, cancelled %s",
            result.source,
            result.pop3_only,
            result.cancelled,
        )
        self._done_ui()

    def _failed(self, exc: BaseException) -> None:
        log.error("discovery failed", exc_info=exc)
        self.result = DiscoveryResult(self.draft.email)
        self.status.setText(
            self.tr("The search failed: %1").replace(
                "%1", exc.message if isinstance(exc, KnownError) else type(exc).__name__
            )
        )
        self.summary.setText(self.tr("Enter the server settings on the next page."))
        self._done_ui()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.result is not None

    def nextId(self) -> int:  # noqa: N802 - Qt API
        if self.result is not None and self.result.pop3_only:
            return int(Page.POP3)
        return int(Page.REVIEW)

    def save(self) -> None:
        result = self.result
        self.draft.result = result
        self.draft.account = account_from_result(self.draft.email, result)
        self.draft.pop3_server = result.incoming if result and result.pop3_only else None

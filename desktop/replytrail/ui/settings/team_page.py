"""Settings › Team: the team store's state (reachable, policy, waiting emails, last push and
pull), "Sync now", and — before this laptop is in a team — joining with a password.

The page only shows and asks; the composition root hands it the work to do (status, sync,
join), which runs on the job pool, never on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from replytrail.core.errors import KnownError
from replytrail.core.team.membership import TeamCheck
from replytrail.core.team.status import TeamStatus
from replytrail.qt.jobs import Jobs
from replytrail.ui.common.widgets import long_date

__all__ = ["JoinForm", "TeamActions", "TeamPage"]

log = logging.getLogger("replytrail.ui.settings")


@dataclass(frozen=True)
class JoinForm:
    dsn: str
    user: str
    password: str = field(repr=False)
    ca_file: str = ""


@dataclass(frozen=True)
class TeamActions:
    """What the page may ask for (each blocks: run on the job pool)."""

    status: Callable[[], TeamStatus]
    sync: Callable[[], object]
    join: Callable[[JoinForm], object]
    #: sign in and look, storing nothing (the wizard's team page)
    check: Callable[[JoinForm], TeamCheck]
    #: the DSN and CA file a team preset carries, and the user's first address
    defaults: Callable[[], tuple[str, str, str]]


class TeamPage(QWidget):
    """Signals: joined(): this laptop joined a team (the engine starts replicating)."""

    joined = Signal()

    def __init__(self, *, actions: TeamActions, jobs: Jobs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamPage")
        self._actions, self._jobs = actions, jobs
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.status_box = QGroupBox(self)
        self.status_form = QFormLayout(self.status_box)
        self.sync_button = QPushButton(self)
        self.sync_button.setObjectName("teamSyncNow")
        self.sync_button.clicked.connect(self.sync_now)
        self.join_box = QGroupBox(self)
        self.dsn_edit, self.user_edit = QLineEdit(self), QLineEdit(self)
        self.password_edit, self.ca_edit = QLineEdit(self), QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.join_button = QPushButton(self)
        self.join_button.setObjectName("teamJoin")
        self.join_button.clicked.connect(self.join)
        self.join_form = QFormLayout(self.join_box)
        for edit in (self.dsn_edit, self.user_edit, self.password_edit, self.ca_edit):
            self.join_form.addRow("", edit)
        self.join_form.addRow("", self.join_button)
        self.message = QLabel(self)
        self.message.setObjectName("teamMessage")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.sync_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.status_box)
        layout.addLayout(row)
        layout.addWidget(self.join_box)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._status = TeamStatus(joined=False)
        dsn, ca, user = actions.defaults()
        self.dsn_edit.setText(dsn)
        self.ca_edit.setText(ca)
        self.user_edit.setText(user)
        self.retranslate()
        self._show(self._status)

    def title(self) -> str:
        return self.tr("Team")

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Your team's shared history: every email is kept on this computer first and "
                "copied to the team store when it can be reached, so logging never stops."
            )
        )
        self.status_box.setTitle(self.tr("Team store"))
        self.join_box.setTitle(self.tr("Join a team store"))
        self.sync_button.setText(self.tr("Sync now"))
        self.join_button.setText(self.tr("Join"))
        labels = (
            self.tr("Server:"),
            self.tr("Your role:"),
            self.tr("Password:"),
            self.tr("CA file:"),
        )
        for i, text in enumerate(labels):
            label = self.join_form.itemAt(i, QFormLayout.ItemRole.LabelRole)
            if label is not None and isinstance(label.widget(), QLabel):
                label.widget().setText(text)  # type: ignore[union-attr]
        self.ca_edit.setPlaceholderText(self.tr("only for a private certificate authority"))
        self._show(self._status)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show(self, status: TeamStatus) -> None:
        self._status = status
        while self.status_form.rowCount():
            self.status_form.removeRow(0)
        for label, value in status.lines(when=self._when, policy=self._policy):
            field = QLabel(value, self.status_box)
            field.setObjectName("teamValue")
            self.status_form.addRow(label[:1].upper() + label[1:] + ":", field)
        self.join_box.setVisible(not status.joined)
        self.sync_button.setEnabled(status.joined)

    @staticmethod
    def _when(iso: str) -> str:
        """A time the replicator recorded (ISO 8601), in the user's language."""
        try:
            return long_date(datetime.fromisoformat(iso))
        except ValueError:
            return iso

    def _policy(self, policy: str) -> str:
        if policy == "private-bodies":
            return self.tr("teammates see contacts, dates and subjects; the text only its owner")
        if policy == "shared":
            return self.tr("everyone in the team sees every email")
        return policy

    def _fail(self, exc: BaseException) -> None:
        text = exc.message if isinstance(exc, KnownError) else str(exc)
        if not isinstance(exc, KnownError):
            log.warning("team page: %s", exc)
        self.message.setText(text)
        self.join_button.setEnabled(True)
        self.sync_button.setEnabled(self._status.joined)

    def refresh_if_shown(self, *_event: object) -> None:
        """The team store came or went, or teammates' emails arrived: while the page is on
        screen it shows it without the user asking."""
        if self.isVisible():
            self.refresh_status()

    def refresh_status(self) -> None:
        self._jobs.run(self._actions.status, self._show, self._fail)

    def sync_now(self) -> None:
        self.sync_button.setEnabled(False)
        self.message.setText(self.tr("Syncing…"))

        def done(_result: object) -> None:
            self.message.setText(self.tr("Up to date."))
            self.refresh_status()

        self._jobs.run(self._actions.sync, done, self._fail)

    def join(self) -> None:
        form = JoinForm(
            self.dsn_edit.text().strip(),
            self.user_edit.text().strip().lower(),
            self.password_edit.text(),
            self.ca_edit.text().strip(),
        )
        if not (form.dsn and form.user and form.password):
            self.message.setText(self.tr("Enter the server, your role and your password."))
            return
        self.join_button.setEnabled(False)
        self.message.setText(self.tr("Joining…"))

        def done(_result: object) -> None:
            self.password_edit.clear()
            self.message.setText(self.tr("Joined. Your team's history is on its way."))
            self.joined.emit()
            self.refresh_status()

        self._jobs.run(lambda: self._actions.join(form), done, self._fail)

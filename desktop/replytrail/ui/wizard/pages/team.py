"""The wizard's "Team store" page: shown when the team preset names a team store that this
laptop has not joined yet (issue 10.5) — the salesperson only types the password.

Next signs in to the team store (TLS, password, an initialised store) off the GUI thread and
goes on only when that worked; nothing is stored before Finish, where the done page saves
the account and then joins (should the join fail there, the account stays saved and a message
says to join later). "Join later" leaves it for Settings › Team.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from replytrail.core.errors import KnownError
from replytrail.core.store.postgres.link import describe
from replytrail.core.team.membership import TeamCheck, joined
from replytrail.ui.settings.team_page import JoinForm
from replytrail.ui.wizard.common import (
    GREEN,
    GREY,
    RED,
    Page,
    SetupPage,
    WizardContext,
    busy_bar,
    note_label,
)

__all__ = ["TeamStorePage", "wants_team_page"]


def wants_team_page(ctx: WizardContext) -> bool:
    """A team preset names a store, and this laptop is not in it yet."""
    return (
        ctx.team is not None
        and bool(ctx.settings.values().store.team_dsn)
        and not joined(ctx.settings)
    )


class TeamStorePage(SetupPage):
    """Your role and one-time password for the team store the preset names.

    No signals beyond QWizardPage's.
    """

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setTitle(self.tr("Your team's shared history"))
        self.setSubTitle(
            self.tr(
                "Your administrator set up a team store: the emails you log are copied there, "
                "and you see your teammates' emails with the same customers."
            )
        )
        self.where = note_label(self)
        self.where.setObjectName("teamWhere")
        self.user = QLineEdit(self)
        self.user.setObjectName("teamUser")
        self.password = QLineEdit(self)
        self.password.setObjectName("teamPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMinimumWidth(280)
        user_label = QLabel(self.tr("Your &role:"), self)
        user_label.setBuddy(self.user)
        password_label = QLabel(self.tr("One-time &password:"), self)
        password_label.setBuddy(self.password)
        hint = note_label(
            self,
            self.tr(
                "Your administrator gave you this password. It is kept in your system's "
                "keyring, nowhere else. Working offline is fine: emails wait on this computer "
                "until the team store can be reached."
            ),
        )
        hint.setStyleSheet(f"color: {GREY}")
        self.later = QCheckBox(self.tr("Join &later (in Settings › Team)"), self)
        self.later.setObjectName("teamLater")
        self.status = note_label(self)
        self.status.setObjectName("teamStatus")
        self.bar = busy_bar(self)
        form = QFormLayout()
        form.addRow(user_label, self.user)
        form.addRow(password_label, self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addSpacing(6)
        layout.addWidget(self.later)
        layout.addSpacing(6)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)  # beside what it is about, not at the page's foot
        layout.addStretch(1)
        self._checking = False
        self._checked: JoinForm | None = None  # the form the team store accepted
        self._policy = ""  # and the policy it told
        for edit in (self.user, self.password):
            edit.textChanged.connect(self._edited)
        self.later.toggled.connect(self._later_toggled)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        v = self.ctx.settings.values().store
        self.where.setText(
            self.tr("Team store: <b>%1</b>").replace("%1", html.escape(describe(v.team_dsn)))
        )
        if not self.user.text():
            self.user.setText(v.team_user or self.draft.email)
        self.status.clear()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.focus(self.password)

    def form(self) -> JoinForm:
        v = self.ctx.settings.values().store
        return JoinForm(
            v.team_dsn, self.user.text().strip().lower(), self.password.text(), v.team_ca_file
        )

    def nextId(self) -> int:  # noqa: N802 - Qt API
        return int(Page.DONE)

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        if self._checking:
            return False
        return self.later.isChecked() or bool(self.user.text().strip() and self.password.text())

    @Slot()
    def _edited(self) -> None:
        self._checked = None
        self.status.clear()
        self.completeChanged.emit()

    @Slot(bool)
    def _later_toggled(self, later: bool) -> None:
        for edit in (self.user, self.password):
            edit.setEnabled(not later)
        self.status.clear()
        self.completeChanged.emit()

    def save(self) -> None:
        self.draft.team = None if self.later.isChecked() else self._checked
        self.draft.team_policy = self._policy if self.draft.team else ""

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        """Next: go on at once with "later"; otherwise only once the team store said yes."""
        form = self.form()
        if self.later.isChecked() or self._checked == form:
            self.save()
            return True
        if self._checking or self.ctx.team is None:
            return False
        self._checking = True
        self.completeChanged.emit()
        self.bar.show()
        self.status.setStyleSheet(f"color: {GREY}")
        self.status.setText(self.tr("Signing in to the team store…"))
        check = self.ctx.team.check
        self.run(lambda: check(form), lambda c: self._accepted(form, c), self._refused)
        return False

    def cleanupPage(self) -> None:  # noqa: N802 - Qt API
        """Back: a check still running is dropped, and no team goes to Finish from here."""
        self._checking = False
        self.bar.hide()
        self.draft.team, self.draft.team_policy = None, ""
        super().cleanupPage()

    def _accepted(self, form: JoinForm, check: TeamCheck) -> None:
        self._checking, self._checked, self._policy = False, form, check.policy
        self.bar.hide()
        self.status.setStyleSheet(f"color: {GREEN}")
        self.status.setText(self.tr("Signed in to the team store."))
        self.completeChanged.emit()
        self.wizard().next()

    def _refused(self, exc: BaseException) -> None:
        self._checking = False
        self.bar.hide()
        self.status.setStyleSheet(f"color: {RED}")
        if isinstance(exc, KnownError):
            text = exc.message
        else:
            text = self.tr("Signing in failed unexpectedly: %1").replace("%1", type(exc).__name__)
        self.status.setText(html.escape(text))
        self.completeChanged.emit()
        self.focus(self.password)

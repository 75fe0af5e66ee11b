"""The contact header above the timeline: who, where, when last, open/bounced, and actions."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from replytrail.core.models import Contact, Direction, Kind, LoggedEmail
from replytrail.ui.common.compact import ElidedLabel
from replytrail.ui.common.widgets import Badge, BadgeLabel, long_date

__all__ = ["FOCUS_FRAME", "ContactHeader"]

# style sheets hide Qt's own focus rectangle: a visible frame for keyboard users instead
# (the border grows by 1 px and the padding shrinks by 1 px, so nothing moves); and
# disabled buttons that look disabled
FOCUS_FRAME = """
QPushButton:focus, QToolButton:focus { border: 2px solid #2f6fde; padding: 4px 11px; }
QToolButton[popupMode="2"]:focus { padding-right: 19px; }
QPushButton#primary:focus { border: 2px solid #0b2e6b; }
QPushButton#link:focus { border: none; text-decoration: underline; padding: 0; }
QPushButton:disabled, QToolButton:disabled { color: #9aa5b1; background: #f3f5f7;
                                             border-color: #e4e7eb; }
QComboBox:focus, QDateEdit:focus { border-color: #2f6fde; }
"""


class ContactHeader(QWidget):
    """Name, address, company, last contact and state of the selected contact.

    Signals:
        composeClicked(): "New email" was clicked.
        exportRequested(str, str): scope ("thread", "contact" or "contacts") and format
            ("eml", "mbox"; "csv" for all contacts).
        forgetClicked(): "Forget contact…" was clicked.
    """

    composeClicked = Signal()  # noqa: N815 - Qt signal naming
    exportRequested = Signal(str, str)  # noqa: N815 - Qt signal naming
    forgetClicked = Signal()  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactHeader")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 14, 14, 12)
        lay.setSpacing(10)
        left = QVBoxLayout()
        left.setSpacing(3)
        row = QHBoxLayout()
        row.setSpacing(10)
        self.name = ElidedLabel()
        self.name.setObjectName("contactName")
        self.name.setStyleSheet("font-size: 19px; font-weight: 600; color: #1f2933;")
        self.name.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        row.addWidget(self.name)
        self._state_holder = QHBoxLayout()
        row.addLayout(self._state_holder)
        row.addStretch(1)
        left.addLayout(row)
        self.address = ElidedLabel()  # "…" rather than a wider pane or a cut letter
        self.address.setStyleSheet("color: #3e4c59;")
        left.addWidget(self.address)
        self.activity = ElidedLabel()  # the date and time first: they survive narrow windows
        self.activity.setStyleSheet("color: #7b8794;")
        left.addWidget(self.activity)
        self.hint = QLabel()  # while no contact is open: what to do first (wrapped, whole)
        self.hint.setObjectName("headerHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #52606d;")
        left.addWidget(self.hint)
        lay.addLayout(left)

        self.compose_button = QPushButton(self.tr("New email"))
        self.compose_button.setObjectName("primary")
        self.compose_button.setToolTip(self.tr("Write a tracked email to this contact"))
        self.compose_button.clicked.connect(self.composeClicked)
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        self.thread_actions = [
            menu.addAction(
                self.tr("This thread as .eml files…"),
                lambda: self.exportRequested.emit("thread", "eml"),
            ),
            menu.addAction(
                self.tr("This thread as .mbox…"),
                lambda: self.exportRequested.emit("thread", "mbox"),
            ),
        ]
        menu.addSeparator()
        menu.addAction(
            self.tr("All emails with this contact as .eml files…"),
            lambda: self.exportRequested.emit("contact", "eml"),
        )
        menu.addAction(
            self.tr("All emails with this contact as .mbox…"),
            lambda: self.exportRequested.emit("contact", "mbox"),
        )
        menu.addSeparator()
        self.csv_action = menu.addAction(
            self.tr("All contacts as CSV for your CRM…"),
            lambda: self.exportRequested.emit("contacts", "csv"),
        )
        self.export_button.setMenu(menu)
        self.forget_button = QPushButton(self.tr("Forget…"))
        self.forget_button.setObjectName("danger")
        self.forget_button.clicked.connect(self.forgetClicked)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        for b in (self.compose_button, self.export_button, self.forget_button):
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.setStyleSheet(FOCUS_FRAME)
        self._contact: Contact | None = None
        self._has_contacts = False
        self.set_contact(None, [])

    @property
    def contact(self) -> Contact | None:
        return self._contact

    def set_thread_available(self, available: bool) -> None:
        for a in self.thread_actions:
            a.setEnabled(available)

    def set_has_contacts(self, has_any: bool) -> None:
        """Whether the store has any contact (the hint shown while none is selected)."""
        self._has_contacts = has_any
        if self._contact is None:
            self.set_contact(None, [])

    def _enable(self, on: bool) -> None:
        why = "" if on else self.tr("Select a contact first")
        for b in (self.export_button, self.forget_button):
            b.setEnabled(on)
        self.export_button.setToolTip(why or self.tr("Save this contact's emails as files"))
        self.forget_button.setToolTip(why or self.tr("Delete everything logged for this contact"))

    def set_contact(self, c: Contact | None, newest: list[LoggedEmail]) -> None:
        """Show *c*; *newest* (its latest emails, newest first) decides the open state."""
        self._contact = c
        while self._state_holder.count():
            item = self._state_holder.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()
                w.deleteLater()
        self._enable(c is not None)
        self.hint.setVisible(c is None)
        self.activity.setVisible(c is not None)
        if c is None:
            for label in (self.name, self.address, self.activity):
                label.setText("")
            self.hint.setText(
                self.tr("Select a contact on the left to export or forget it.")
                if self._has_contacts
                else self.tr("Export and Forget work once a contact is logged.")
            )
            return
        self.name.setText(c.name or c.email)
        self.address.setText(" · ".join(x for x in (c.email, c.company) if x))
        count = (
            self.tr("1 logged email")
            if c.emails == 1
            else self.tr("{n} logged emails").format(n=c.emails)
        )
        if c.last_activity is not None:
            self.activity.setText(
                self.tr("Last contact {date} ({ago}) · {count}").format(
                    count=count, date=long_date(c.last_activity), ago=self._ago(c.last_activity)
                )
            )
        else:
            self.activity.setText(count)
        self._state_holder.addWidget(BadgeLabel(self._state(c, newest)))

    def _state(self, c: Contact, newest: list[LoggedEmail]) -> Badge:
        if c.bounced:
            return Badge(
                self.tr("Bounced"),
                self.tr(
                    "An email to this address could not be delivered. Check the address before "
                    "writing again."
                ),
                "bounce",
            )
        human = [e for e in newest if e.kind is Kind.EMAIL]
        if human and human[0].direction is Direction.OUT:
            return Badge(
                self.tr("Open · awaiting reply"),
                self.tr("Your last email has not been answered yet."),
                "amber",
            )
        if human:
            return Badge(
                self.tr("Replied"),
                self.tr("The customer wrote last; the ball is in your court."),
                "green",
            )
        return Badge(self.tr("Open"), "", "neutral")

    def _ago(self, when: datetime) -> str:
        days = (datetime.now(UTC) - when).days
        if days <= 0:
            return self.tr("today")
        if days == 1:
            return self.tr("yesterday")
        return self.tr("{n} days ago").format(n=days)

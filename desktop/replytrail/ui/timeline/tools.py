"""The timeline's tools: the "Awaiting reply" view toggle, and a "More" menu with bringing
conversations in and the selected contact's and email's corrections."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QToolButton, QWidget

__all__ = ["TimelineTools"]


class TimelineTools(QWidget):
    """A row of buttons under the search bar.

    Signals:
        awaitingToggled(bool): the "Awaiting reply" view was switched on or off.
        importRequested(str): bring in conversations; "" for all, else this contact's.
        contactAction(str): "edit" or "merge" for the selected contact.
        emailAction(str): "confirm" or "unlink" for the selected email.
    """

    awaitingToggled = Signal(bool)  # noqa: N815 - Qt signal naming
    importRequested = Signal(str)  # noqa: N815 - Qt signal naming
    contactAction = Signal(str)  # noqa: N815 - Qt signal naming
    emailAction = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineTools")
        self._contact = ""
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 6, 0, 0)
        lay.setSpacing(8)
        self.awaiting_button = QPushButton()
        self.awaiting_button.setObjectName("awaitingToggle")
        self.awaiting_button.setCheckable(True)
        self.awaiting_button.setToolTip(
            self.tr("Your emails that have had no reply yet, oldest first, across all contacts")
        )
        self.awaiting_button.toggled.connect(self.awaitingToggled)
        self.set_awaiting_count(0)
        self.more_button = QToolButton()
        self.more_button.setObjectName("moreActions")
        self.more_button.setText(self.tr("More"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = menu = QMenu(self.more_button)
        self.import_action = menu.addAction(
            self.tr("Bring in conversations…"), lambda: self.importRequested.emit("")
        )
        menu.addSection(self.tr("Contact"))
        self.import_contact_action = menu.addAction(
            self.tr("Bring in all emails with this contact…"),
            lambda: self.importRequested.emit(self._contact),
        )
        self.edit_action = menu.addAction(
            self.tr("Edit name and company…"), lambda: self.contactAction.emit("edit")
        )
        self.merge_action = menu.addAction(
            self.tr("Merge with another contact…"), lambda: self.contactAction.emit("merge")
        )
        menu.addSection(self.tr("Email"))
        self.confirm_action = menu.addAction(
            self.tr("Confirm the subject match"), lambda: self.emailAction.emit("confirm")
        )
        self.unlink_action = menu.addAction(
            self.tr("Not part of this conversation…"), lambda: self.emailAction.emit("unlink")
        )
        self.more_button.setMenu(menu)
        lay.addWidget(self.awaiting_button)
        lay.addWidget(self.more_button)
        self.set_contact("")
        self.set_email(False, False)

    def set_awaiting_count(self, n: int) -> None:
        self.awaiting_button.setText(
            self.tr("Awaiting reply ({n})").format(n=n) if n else self.tr("Awaiting reply")
        )

    def set_contact(self, email: str) -> None:
        self._contact = email
        for a in (self.import_contact_action, self.edit_action, self.merge_action):
            a.setEnabled(bool(email))

    def set_email(self, available: bool, subject_match: bool) -> None:
        """The selected email's actions: unlink any, confirm only a subject match."""
        self.unlink_action.setEnabled(available)
        self.confirm_action.setEnabled(available and subject_match)

    def set_contact_actions(self, actions: set[str]) -> None:
        """Show only the contact actions the app supports ("edit", "merge")."""
        self.edit_action.setVisible("edit" in actions)
        self.merge_action.setVisible("merge" in actions)

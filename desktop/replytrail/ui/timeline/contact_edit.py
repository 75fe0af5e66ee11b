"""Dialogs to fix a contact (issue 8.8): edit name and company, merge with another contact."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from replytrail.core.models import Contact

__all__ = ["ContactEditDialog", "MergeDialog"]


class ContactEditDialog(QDialog):
    """Name and company of one contact; ``values()`` after ``accept``.

    Signals:
        saved(str, str, str): address, name and company, when the user saves. Receivers
            connect to this instead of closing over the dialog (a lambda that holds the
            dialog it is connected to is a reference cycle through a Qt object that the
            garbage collector may tear down after Qt deleted the dialog).
    """

    saved = Signal(str, str, str)

    def __init__(self, contact: Contact, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactEditDialog")
        self._email = contact.email
        self.setWindowTitle(self.tr("Edit contact"))
        form = QFormLayout(self)
        form.addRow(QLabel(contact.email))
        self.name = QLineEdit(contact.name)
        self.name.setObjectName("contactName")
        self.company = QLineEdit(contact.company)
        self.company.setObjectName("contactCompany")
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Company:"), self.company)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(420)

    def values(self) -> tuple[str, str]:
        return self.name.text().strip(), self.company.text().strip()

    def accept(self) -> None:
        self.saved.emit(self._email, *self.values())
        super().accept()


class MergeDialog(QDialog):
    """Pick the contact to merge into the current one; ``other()`` after ``accept``.

    Signals:
        chosen(str, str): the contact kept and the one merged into it, when the user merges.
    """

    chosen = Signal(str, str)

    def __init__(
        self, current: Contact, others: list[Contact], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self._keep = current.email
        self.setWindowTitle(self.tr("Merge contacts"))
        lay = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "The emails of the contact you choose move to {name}. Later emails from "
                "that address are added to {name} too."
            ).format(name=current.name or current.email)
        )
        text.setWordWrap(True)
        lay.addWidget(text)
        self.choice = QComboBox()
        self.choice.setObjectName("mergeChoice")
        for c in others:
            if c.email.lower() != current.email.lower():
                label = f"{c.name} <{c.email}>" if c.name else c.email
                self.choice.addItem(label, c.email)
        lay.addWidget(self.choice)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(
            self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.merge_button.setEnabled(self.choice.count() > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.setMinimumWidth(420)

    def other(self) -> str:
        return str(self.choice.currentData() or "")

    def accept(self) -> None:
        self.chosen.emit(self._keep, self.other())
        super().accept()

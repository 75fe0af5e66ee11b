"""Dialogs to fix a contact (issue 8.8): edit name and company, merge with another contact."""

from __future__ import annotations

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
    """Name and company of one contact; ``values()`` after ``accept``."""

    def __init__(self, contact: Contact, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactEditDialog")
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


class MergeDialog(QDialog):
    """Pick the contact to merge into the current one; ``other()`` after ``accept``."""

    def __init__(
        self, current: Contact, others: list[Contact], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
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

"""The sender's name and plain-text signature of one account (issue 8.9)."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from replytrail.core.models import Account

__all__ = ["SenderDialog"]


class SenderDialog(QDialog):
    """Name in From and signature; ``account()`` after OK."""

    def __init__(self, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("senderDialog")
        self._account = account
        self.setWindowTitle(self.tr("Name and signature"))
        form = QFormLayout(self)
        form.addRow(QLabel(account.email))
        self.name = QLineEdit(account.sender_name)
        self.name.setObjectName("senderName")
        self.signature = QPlainTextEdit(account.signature)
        self.signature.setObjectName("signature")
        self.signature.setPlaceholderText(
            self.tr("Erika Mustermann\nSales | Example GmbH\n+49 30 1234567")
        )
        form.addRow(self.tr("&Name your customers see:"), self.name)
        form.addRow(self.tr("&Signature (plain text):"), self.signature)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(460)

    def account(self) -> Account:
        return dataclasses.replace(
            self._account,
            sender_name=" ".join(self.name.text().split()),
            signature=self.signature.toPlainText().strip("\n"),
        )

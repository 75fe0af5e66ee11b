"""Edit an account's server settings by hand (issue 8.11: "Edit server settings…")."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from replytrail.core.models import Account, Security

__all__ = ["ServerEditDialog"]


def _security(value: Security) -> QComboBox:
    box = QComboBox()
    box.addItem("SSL/TLS", str(Security.SSL))
    box.addItem("STARTTLS", str(Security.STARTTLS))
    box.setCurrentIndex(0 if value is Security.SSL else 1)
    return box


def _port(value: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(1, 65535)
    spin.setValue(value)
    return spin


class ServerEditDialog(QDialog):
    """Host, port and security of IMAP and SMTP, and the user name; ``account()`` after OK."""

    def __init__(self, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverEditDialog")
        self._account = account
        self.setWindowTitle(self.tr("Server settings"))
        form = QFormLayout(self)
        form.addRow(QLabel(account.email))
        self.imap_host = QLineEdit(account.imap_host)
        self.imap_port = _port(account.imap_port)
        self.imap_security = _security(account.imap_security)
        self.smtp_host = QLineEdit(account.smtp_host)
        self.smtp_port = _port(account.smtp_port)
        self.smtp_security = _security(account.smtp_security)
        self.username = QLineEdit(account.username)
        self.username.setPlaceholderText(account.email)
        form.addRow(self.tr("Incoming (IMAP) server:"), self.imap_host)
        form.addRow(self.tr("Port:"), self.imap_port)
        form.addRow(self.tr("Security:"), self.imap_security)
        form.addRow(self.tr("Outgoing (SMTP) server:"), self.smtp_host)
        form.addRow(self.tr("Port:"), self.smtp_port)
        form.addRow(self.tr("Security:"), self.smtp_security)
        form.addRow(self.tr("User name:"), self.username)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(440)

    def account(self) -> Account:
        return dataclasses.replace(
            self._account,
            imap_host=self.imap_host.text().strip(),
            imap_port=self.imap_port.value(),
            imap_security=Security(self.imap_security.currentData()),
            smtp_host=self.smtp_host.text().strip(),
            smtp_port=self.smtp_port.value(),
            smtp_security=Security(self.smtp_security.currentData()),
            username=self.username.text().strip(),
        )

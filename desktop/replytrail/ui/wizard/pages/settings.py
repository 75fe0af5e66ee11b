"""Wizard pages for what the user may change: the server settings and the password."""

from __future__ import annotations

import dataclasses
import html

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from replytrail.core.discovery import user_entered_pop3
from replytrail.core.discovery.settings import Provider, ServerSettings
from replytrail.core.models import Account, Security
from replytrail.core.setup import DEFAULT_PORTS
from replytrail.ui.wizard.common import ORANGE, Page, SetupPage, WizardContext, note_label

__all__ = ["PasswordPage", "ReviewPage", "oauth_brand"]


class _Server:
    """Host, port and security widgets of one server (IMAP or SMTP) on the review page."""

    def __init__(self, parent: QWidget, kind: str) -> None:
        self.kind = kind
        self.host = QLineEdit(parent)
        self.host.setObjectName(f"{kind}Host")
        self.port = QSpinBox(parent)
        self.port.setObjectName(f"{kind}Port")
        self.port.setRange(1, 65535)
        self.security = QComboBox(parent)
        self.security.setObjectName(f"{kind}Security")
        self.security.addItem("SSL/TLS", str(Security.SSL))
        self.security.addItem("STARTTLS", str(Security.STARTTLS))
        self.security.currentIndexChanged.connect(self._security_changed)
        self._last = str(Security.SSL)

    def load(self, host: str, port: int, security: Security) -> None:
        self.host.setText(host)
        self._last = str(security)
        self.security.setCurrentIndex(max(0, self.security.findData(str(security))))
        self.port.setValue(port)

    def _security_changed(self, _index: int) -> None:
        new = str(self.security.currentData())
        if self.port.value() == DEFAULT_PORTS.get((self.kind, self._last)):
            self.port.setValue(DEFAULT_PORTS[(self.kind, new)])  # follow the standard port
        self._last = new

    @property
    def value(self) -> tuple[str, int, Security]:
        return (
            self.host.text().strip().lower(),
            self.port.value(),
            Security(str(self.security.currentData())),
        )


class ReviewPage(SetupPage):
    """The settings found (or none), editable; ports, security and user name folded away.

    No signals beyond QWizardPage's.
    """

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setTitle(self.tr("Check the server settings"))
        self.source = note_label(self)
        self.source.setObjectName("reviewSource")
        self.imap, self.smtp = _Server(self, "imap"), _Server(self, "smtp")
        self.imap.host.setPlaceholderText(self.tr("imap.example.com"))
        self.smtp.host.setPlaceholderText(self.tr("smtp.example.com"))
        self.username = QLineEdit(self)
        self.username.setObjectName("usernameEdit")
        self.advanced_button = QToolButton(self)
        self.advanced_button.setObjectName("advancedButton")
        self.advanced_button.setText(self.tr("Show &advanced settings"))
        self.advanced_button.setCheckable(True)
        self.advanced_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_button.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_button.setAutoRaise(True)
        self.advanced_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.advanced_button.toggled.connect(self.set_advanced)
        self.advanced = QWidget(self)
        self.advanced.setObjectName("advancedSettings")
        self.pop3_note = note_label(self)
        self.pop3_note.setObjectName("pop3Note")
        self.pop3_note.setStyleSheet(f"color: {ORANGE}")

        form = QFormLayout()
        form.addRow(
            self._label(self.tr("&Incoming mail server (IMAP):"), self.imap.host), self.imap.host
        )
        form.addRow(
            self._label(self.tr("&Outgoing mail server (SMTP):"), self.smtp.host), self.smtp.host
        )
        adv = QFormLayout(self.advanced)
        adv.setContentsMargins(0, 0, 0, 0)
        adv.addRow(
            self._label(self.tr("IMAP &port:"), self.imap.port),
            self._pair(self.imap.port, self.imap.security, self.tr("IMAP &security:")),
        )
        adv.addRow(
            self._label(self.tr("SMTP po&rt:"), self.smtp.port),
            self._pair(self.smtp.port, self.smtp.security, self.tr("SMTP securit&y:")),
        )
        adv.addRow(self._label(self.tr("&User name:"), self.username), self.username)
        self.advanced.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.source)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addSpacing(4)
        layout.addWidget(self.advanced_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.advanced)
        layout.addWidget(self.pop3_note)
        layout.addStretch(1)
        for w in (self.imap.host, self.smtp.host):
            w.textChanged.connect(self._changed)
        for s in (self.imap.port, self.smtp.port):
            s.valueChanged.connect(self._changed)
        self.setTabOrder(self.imap.host, self.smtp.host)
        self.setTabOrder(self.smtp.host, self.advanced_button)
        self.setTabOrder(self.advanced_button, self.imap.port)
        self.setTabOrder(self.imap.port, self.imap.security)
        self.setTabOrder(self.imap.security, self.smtp.port)
        self.setTabOrder(self.smtp.port, self.smtp.security)
        self.setTabOrder(self.smtp.security, self.username)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _pair(self, port: QSpinBox, security: QComboBox, text: str) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(port)
        row.addSpacing(12)
        row.addWidget(self._label(text, security))
        row.addWidget(security, 1)
        return row

    @Slot(bool)
    def set_advanced(self, shown: bool) -> None:
        self.advanced.setVisible(shown)
        self.advanced_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.advanced_button.setText(
            self.tr("Hide &advanced settings") if shown else self.tr("Show &advanced settings")
        )
        if self.advanced_button.isChecked() != shown:
            self.advanced_button.setChecked(shown)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.load()
        result = self.draft.result
        names = {
            "preset": self.tr("your team's settings"),
            "provider-db": self.tr("Replytrail's provider list"),
            "autoconfig": self.tr("your domain's autoconfig file"),
            "ispdb": self.tr("Thunderbird's provider database"),
            "dns-srv": self.tr("the DNS"),
            "dns-mx": self.tr("the DNS"),
            "probe": self.tr("trying common server names"),
        }
        source = result.source if result is not None and not result.pop3_only else None
        found = bool(source)
        self.setSubTitle(
            self.tr(
                "Most people change nothing here. Your provider's help pages list the right values."
            )
            if found
            else self.tr(
                "Replytrail could not find them. Your provider's help pages or your IT team "
                "have the right values."
            )
        )
        if source:
            self.source.setText(
                self.tr("Found in %1 for %2.")
                .replace("%1", names[source])
                .replace("%2", html.escape(self.draft.email))
            )
        else:
            self.source.setText(
                self.tr("Enter the server settings for %1.").replace(
                    "%1", html.escape(self.draft.email)
                )
            )
        self.set_advanced(not (result is not None and result.found))
        self.focus(self.imap.host)

    @Slot()
    def load(self) -> None:
        """Show the draft's account (again, e.g. after "Check again" found IMAP)."""
        account = self.draft.account or Account(self.draft.email, "")
        self.imap.load(account.imap_host, account.imap_port, account.imap_security)
        self.smtp.load(account.smtp_host, account.smtp_port, account.smtp_security)
        self.username.setText(account.username)
        self.username.setPlaceholderText(self.draft.email)
        self._changed()

    def _changed(self) -> None:
        host, port, _ = self.imap.value
        if host and self.entered_pop3():
            text = (
                self.tr(
                    "%1 port %2 answered as a POP3 server. Replytrail needs "
                    "IMAP; Next explains how to switch."
                )
                if self.greeted_pop3()
                else self.tr(
                    "%1 port %2 looks like a POP3 server. Replytrail needs "
                    "IMAP; Next explains how to switch."
                )
            )
            self.pop3_note.setText(text.replace("%1", host).replace("%2", str(port)))
        else:
            self.pop3_note.clear()
        self.completeChanged.emit()

    def entered_pop3(self) -> bool:
        """A POP3 server or port typed, or the server the test page found greeting as POP3."""
        host, port, _ = self.imap.value
        return user_entered_pop3(host, port) or self.greeted_pop3()

    def greeted_pop3(self) -> bool:
        """The server itself greeted like POP3 when the test page connected (not a guess)."""
        host, port, _ = self.imap.value
        return (host, port) == self.draft.greets_pop3

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return bool(self.imap.value[0] and self.smtp.value[0])

    def nextId(self) -> int:  # noqa: N802 - Qt API
        if self.entered_pop3():
            return int(Page.POP3_ENTERED)
        from replytrail.ui.wizard.pages.signin import sign_in_target  # (it imports this module)

        return int(Page.SIGNIN if sign_in_target(self.ctx, self.imap.value[0]) else Page.PASSWORD)

    def save(self) -> None:
        self._changed()  # the note, should the test page have found a POP3 server since
        imap_host, imap_port, imap_sec = self.imap.value
        smtp_host, smtp_port, smtp_sec = self.smtp.value
        old = self.draft.account or Account(self.draft.email, "")
        hosts = {imap_host, smtp_host}
        self.draft.account = dataclasses.replace(
            old,
            imap_host=imap_host,
            imap_port=imap_port,
            imap_security=imap_sec,
            smtp_host=smtp_host,
            smtp_port=smtp_port,
            smtp_security=smtp_sec,
            username=self.username.text().strip(),
            pinned_sha256={h: fp for h, fp in old.pinned_sha256.items() if h in hosts},
        )
        self.draft.pop3_server = (
            ServerSettings(
                "pop3",
                imap_host,
                imap_port,
                "ssl" if imap_sec is Security.SSL else "starttls",
                self.draft.account.login,
            )
            if self.entered_pop3()
            else None
        )


def oauth_brand(provider: Provider | None) -> str:
    """Whose sign-in the provider uses: "Microsoft", "Google" or the provider's name."""
    if provider is None:
        return ""
    key = f"{provider.id} {provider.name}".lower()
    if any(k in key for k in ("microsoft", "outlook", "office", "hotmail", "live")):
        return "Microsoft"
    if any(k in key for k in ("google", "gmail")):
        return "Google"
    return provider.name


class PasswordPage(SetupPage):
    """The password, or (where the provider needs it) sign-in with the provider.

    Sign-in with the provider has its own page (``signin.py``) before this one; who comes
    here from it chose an app password, and the page says where to create one.
    No signals beyond QWizardPage's.
    """

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setTitle(self.tr("Your password"))
        self.setSubTitle(
            self.tr(
                "Replytrail signs in to your mailbox with it. It is kept "
                "in your system's keyring, nowhere else."
            )
        )
        self.who = note_label(self)
        self.oauth_button = QPushButton(self)
        self.oauth_button.setObjectName("oauthButton")
        self.oauth_button.setEnabled(False)
        self.oauth_note = note_label(self)
        self.oauth_note.setObjectName("oauthNote")
        self.app_note = note_label(self)
        self.app_note.setObjectName("appPasswordNote")
        self.password = QLineEdit(self)
        self.password.setObjectName("passwordEdit")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMinimumWidth(280)
        self.password_label = QLabel(self.tr("&Password:"), self)
        self.password_label.setBuddy(self.password)
        self.show_check = QCheckBox(self.tr("S&how password"), self)
        self.show_check.toggled.connect(
            lambda on: self.password.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )
        form = QFormLayout()
        form.addRow(self.password_label, self.password)
        form.addRow("", self.show_check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addSpacing(6)
        layout.addWidget(self.oauth_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.oauth_note)
        layout.addWidget(self.app_note)
        layout.addLayout(form)
        layout.addStretch(1)
        self.password.textChanged.connect(self.completeChanged)

    @property
    def wants_oauth(self) -> bool:
        provider = self.draft.provider
        return self.draft.needs_oauth or (provider is not None and provider.auth == "oauth2")

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        account = self.draft.account
        login = account.login if account else self.draft.email
        host = account.imap_host if account else ""
        self.who.setText(
            self.tr("Sign in as <b>%1</b> at <b>%2</b>.")
            .replace("%1", html.escape(login))
            .replace("%2", html.escape(host))
        )
        provider = self.draft.provider
        url = provider.app_password_url if provider else ""
        link = f'<a href="{html.escape(url)}">{html.escape(url)}</a>' if url else ""
        brand = oauth_brand(provider) or host
        self.oauth_note.setVisible(self.wants_oauth)
        self.app_note.setVisible(False)
        self.oauth_button.setVisible(False)  # sign-in has its own page, before this one
        if self.wants_oauth:
            text = self.tr("Instead of signing in with %1, enter an app password.").replace(
                "%1", html.escape(brand)
            )
            if url:
                text += " " + self.tr("Create one at %1.").replace("%1", link)
            self.oauth_note.setText(text)
        elif provider is not None and provider.auth == "app-password":
            self.app_note.setVisible(True)
            text = self.tr("%1 needs an app password here, not your usual password.").replace(
                "%1", html.escape(provider.name)
            )
            if url:
                text += " " + self.tr("Create one at %1.").replace("%1", link)
            self.app_note.setText(text)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """On every showing (Back after a failed test too): the cursor in the password."""
        super().showEvent(event)
        self.focus(self.password)
        QTimer.singleShot(0, self.password, self.password.selectAll)

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return bool(self.password.text())

    def save(self) -> None:
        self.draft.password = self.password.text()

"""The wizard's sign-in page: "Sign in with Microsoft/Google" first, an app password second.

For providers that take app passwords only (Yahoo, AOL, iCloud, Zoho with two-step
verification) the same page says so, with the link to create one.
"""

from __future__ import annotations

import html
import logging
import threading

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from replytrail.core.errors import KnownError
from replytrail.core.oauth.client import TokenResponse
from replytrail.core.oauth.providers import AppPasswordOnly, OAuthProvider, load_catalog
from replytrail.core.oauth.signin import SignedIn, sign_in
from replytrail.core.oauth.tokens import token_client
from replytrail.ui.wizard.common import (
    GREEN,
    RED,
    Page,
    SetupPage,
    WizardContext,
    busy_bar,
    heading,
    note_label,
)

__all__ = ["SignInPage", "sign_in_target"]

log = logging.getLogger("replytrail.ui.wizard")


def sign_in_target(
    ctx: WizardContext, imap_host: str = ""
) -> OAuthProvider | AppPasswordOnly | None:
    """Whom this address signs in with (by discovery's provider, or the IMAP host), or the
    app-password-only provider it belongs to; None: an ordinary password."""
    try:
        catalog = load_catalog(ctx.settings.preset)
    except KnownError:
        return None
    draft = ctx.draft
    if draft.provider is not None:
        found = catalog.for_discovery(draft.provider.id)
        if found is not None:
            return found
    host = imap_host or (draft.account.imap_host if draft.account else "")
    by_host = catalog.for_host(host) if host else None
    return by_host or catalog.app_password_only_for(draft.email)


class SignInPage(SetupPage):
    """Opens the browser, waits for the provider's answer, keeps the tokens in the draft.

    No signals beyond QWizardPage's.
    """

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.target: OAuthProvider | AppPasswordOnly | None = None
        self.use_password = False
        self._cancel = threading.Event()
        self.intro = note_label(self)
        self.sign_in_button = QPushButton(self)
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.start)
        self.status = heading(note_label(self))
        self.status.setObjectName("signInStatus")
        self.bar = busy_bar(self)
        self.config_note = note_label(self)
        self.config_note.setObjectName("clientIdNote")
        self.password_button = QPushButton(self)
        self.password_button.setObjectName("appPasswordButton")
        self.password_button.setFlat(True)
        self.password_button.clicked.connect(self.choose_password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addWidget(self.sign_in_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.config_note)
        layout.addStretch(1)
        layout.addWidget(self.password_button, 0, Qt.AlignmentFlag.AlignLeft)

    @property
    def provider(self) -> OAuthProvider | None:
        return self.target if isinstance(self.target, OAuthProvider) else None

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.target = sign_in_target(self.ctx)
        self.use_password = False
        self.status.clear()
        self.config_note.hide()
        if isinstance(self.target, AppPasswordOnly):
            self._app_password_only(self.target)
        elif self.target is not None:
            self._offer_sign_in(self.target)
        self.completeChanged.emit()

    def _app_password_only(self, target: AppPasswordOnly) -> None:
        name, url = html.escape(target.name), html.escape(target.url)
        self.setTitle(self.tr("%1 needs an app password").replace("%1", target.name))
        self.setSubTitle(self.tr("Replytrail keeps it in your system's keyring, nowhere else."))
        self.intro.setText(
            self.tr(
                "%1 does not let other programs use your usual password. Create an app "
                "password for Replytrail at %2, then enter it on the next page."
            )
            .replace("%1", name)
            .replace("%2", f'<a href="{url}">{url}</a>')
        )
        self.sign_in_button.hide()
        self.password_button.hide()

    def _offer_sign_in(self, provider: OAuthProvider) -> None:
        self.setTitle(self.tr("Sign in with %1").replace("%1", provider.name))
        self.setSubTitle(
            self.tr("Replytrail never sees your password; %1 gives it a key to your mail.").replace(
                "%1", provider.name
            )
        )
        self.intro.setText(
            self.tr(
                "Your browser opens %1's sign-in page. Sign in as <b>%2</b> and allow "
                "access to your mail, then come back here."
            )
            .replace("%1", html.escape(provider.name))
            .replace("%2", html.escape(self.draft.email))
        )
        self.sign_in_button.show()
        self.sign_in_button.setText(self.tr("Sign in with %1").replace("%1", provider.name))
        self.password_button.setText(self.tr("Use an app password instead"))
        self.password_button.setVisible(bool(provider.app_password_url))
        try:
            token_client(provider, self.ctx.settings)
            self.sign_in_button.setEnabled(True)
        except KnownError as e:
            self.sign_in_button.setEnabled(False)
            self.password_button.show()
            self.config_note.setText(self._not_configured(provider, e))
            self.config_note.show()
        self.focus(self.sign_in_button)

    def _not_configured(self, provider: OAuthProvider, err: KnownError) -> str:
        return (
            html.escape(err.message)
            + "<br>"
            + self.tr(
                "An administrator can set it for the whole team in the team preset; "
                "until then, use an app password if %1 allows one."
            ).replace("%1", html.escape(provider.name))
        )

    @Slot()
    def start(self) -> None:
        provider = self.provider
        if provider is None:
            return
        self._cancel.set()
        self._cancel = cancel = threading.Event()
        self.draft.signed_in = None
        self.sign_in_button.setEnabled(False)
        self.bar.show()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Waiting for you to sign in in the browser…"))
        settings, email, open_url = self.ctx.settings, self.draft.email, self.ctx.open_url
        log.info("sign-in with %s started", provider.id)
        self.run(
            lambda: sign_in(provider, settings, email, open_url=open_url, cancel=cancel),
            self._signed_in,
            self._failed,
        )

    def _signed_in(self, tokens: TokenResponse) -> None:
        provider = self.provider
        assert provider is not None and self.draft.account is not None
        self.bar.hide()
        self.sign_in_button.setEnabled(True)
        self.draft.signed_in = SignedIn(provider.id, tokens)
        self.draft.account.auth, self.draft.account.oauth_provider = "oauth2", provider.id
        self.status.setStyleSheet(f"color: {GREEN}")
        self.status.setText(
            self.tr("Signed in as %1.").replace("%1", html.escape(tokens.email or self.draft.email))
        )
        log.info("sign-in with %s done", provider.id)
        self.completeChanged.emit()
        self.wizard().next()

    def _failed(self, exc: BaseException) -> None:
        self.bar.hide()
        self.sign_in_button.setEnabled(True)
        self.status.setStyleSheet(f"color: {RED}")
        if isinstance(exc, KnownError):
            self.status.setText(html.escape(exc.message))
            log.info("sign-in failed: %s", exc.code)
        else:
            log.error("sign-in failed unexpectedly", exc_info=exc)
            self.status.setText(
                self.tr("Sign-in failed unexpectedly: %1").replace("%1", type(exc).__name__)
            )

    @Slot()
    def choose_password(self) -> None:
        self._cancel.set()
        self.use_password = True
        self.draft.signed_in = None
        if self.draft.account is not None:
            self.draft.account.auth, self.draft.account.oauth_provider = "password", ""
        self.completeChanged.emit()
        self.wizard().next()

    def cleanupPage(self) -> None:  # noqa: N802 - Qt API
        """Back: stop waiting for the browser (the listener closes)."""
        self._cancel.set()
        self.bar.hide()
        super().cleanupPage()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return (
            self.draft.signed_in is not None
            or self.use_password
            or isinstance(self.target, AppPasswordOnly)
        )

    def nextId(self) -> int:  # noqa: N802 - Qt API
        return int(Page.TEST if self.draft.signed_in is not None else Page.PASSWORD)

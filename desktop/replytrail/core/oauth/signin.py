"""Sign in with the provider and keep the result: what the CLI and the wizard both call."""

from __future__ import annotations

import dataclasses
import logging
import threading
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass, field

from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials, new_ref
from replytrail.core.errors import KnownError
from replytrail.core.models import Account
from replytrail.core.oauth.client import TokenResponse
from replytrail.core.oauth.device import DeviceCode, sign_in_with_device_code
from replytrail.core.oauth.errors import SignInFailed, WrongAccountChosen
from replytrail.core.oauth.loopback import sign_in_with_browser
from replytrail.core.oauth.providers import OAuthProvider
from replytrail.core.oauth.tokens import token_client

__all__ = [
    "SIGN_IN_AGAIN_CODES",
    "SignedIn",
    "account_for",
    "check_chosen_account",
    "keep_refresh_token",
    "open_system_browser",
    "save_signed_in",
    "sign_in",
    "sign_in_again",
]

#: why an account stopped when signing in again is the fix (the tray and settings offer it)
SIGN_IN_AGAIN_CODES = frozenset({"sign-in-again", "wrong-account", "admin-consent"})

log = logging.getLogger("replytrail.oauth")


@dataclass
class SignedIn:
    """A sign-in that is not saved yet: its access token serves the connection test."""

    provider: str
    tokens: TokenResponse = field(repr=False)

    def __call__(self) -> str:
        return self.tokens.access_token


def open_system_browser(url: str) -> bool:
    """The user's browser (Python's ``webbrowser``: honours ``BROWSER``, then xdg-open …)."""
    return webbrowser.open(url, new=1)


def check_chosen_account(email: str, tokens: TokenResponse) -> None:
    """``WrongAccountChosen`` when the browser signed in someone else than *email*."""
    if tokens.email and tokens.email.lower() != email.lower():
        raise WrongAccountChosen(chosen=tokens.email, email=email)


def sign_in(
    provider: OAuthProvider,
    settings: Settings | None,
    email: str,
    *,
    open_url: Callable[[str], object] | None = None,
    show_device_code: Callable[[DeviceCode], None] | None = None,
    cancel: threading.Event | None = None,
    timeout: float = 300.0,
) -> TokenResponse:
    """Browser sign-in, or the device-code flow when *show_device_code* is given."""
    client = token_client(provider, settings)
    if show_device_code is not None:
        tokens = sign_in_with_device_code(provider, client, show_device_code, cancel)
    else:
        tokens = sign_in_with_browser(
            provider,
            client,
            open_url or open_system_browser,
            login_hint=email,
            timeout=timeout,
            cancel=cancel,
        )
    check_chosen_account(email, tokens)
    if not tokens.refresh_token:
        raise SignInFailed(
            provider=provider.name, detail="no refresh token (offline access was not granted)"
        )
    return tokens


def account_for(email: str, provider: OAuthProvider, base: Account | None = None) -> Account:
    """An OAuth account: the discovered/given servers, else the provider's own."""
    if base is None:
        imap, smtp = provider.imap, provider.smtp
        if imap is None or smtp is None:
            raise SignInFailed(provider=provider.name, detail="no mail servers known")
        base = Account(
            email=email,
            imap_host=imap.host,
            imap_port=imap.port,
            imap_security=imap.security,
            smtp_host=smtp.host,
            smtp_port=smtp.port,
            smtp_security=smtp.security,
        )
    base.auth, base.oauth_provider = "oauth2", provider.id
    return base


def keep_refresh_token(account: Account, tokens: TokenResponse, credentials: Credentials) -> None:
    """The refresh token into the keyring under a fresh name (the account is not saved yet)."""
    account.credential_ref = new_ref(account.email)
    credentials.store(account.credential_ref, tokens.refresh_token)


def save_signed_in(
    account: Account, credentials: Credentials, registry: AccountRegistry
) -> Account:
    """Save the account whose refresh token is kept; the previous keyring entry goes."""
    try:
        old: Account | None = registry.get(account.email)
    except KnownError:
        old = None
    registry.save(account)
    if old and old.credential_ref and old.credential_ref != account.credential_ref:
        credentials.delete(old.credential_ref)
    log.info("%s signed in with %s", account.email, account.oauth_provider)
    return account


def sign_in_again(
    account: Account,
    *,
    settings: Settings,
    credentials: Credentials,
    registry: AccountRegistry,
    open_url: Callable[[str], object] | None = None,
    cancel: threading.Event | None = None,
) -> Account:
    """Sign an OAuth account in anew (after "Sign in again"); returns the saved account."""
    from replytrail.core.oauth.providers import load_catalog

    provider = load_catalog(settings.preset).for_account(account)
    tokens = sign_in(provider, settings, account.email, open_url=open_url, cancel=cancel)
    again = dataclasses.replace(account, auth="oauth2", oauth_provider=provider.id)
    keep_refresh_token(again, tokens, credentials)
    return save_signed_in(again, credentials, registry)

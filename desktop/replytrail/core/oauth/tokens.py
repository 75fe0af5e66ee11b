"""Access tokens for an account: refresh token in the keyring only, access token in memory.

The access token is refreshed ahead of expiry and checked before every (re)connect;
a rotated refresh token replaces the old one in the keyring; a refused grant becomes
:class:`SignInAgain` (the account stops), an unreachable endpoint :class:`OAuthUnavailable`
(temporary: the watcher retries with backoff).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials
from replytrail.core.errors import KnownError, NotFound
from replytrail.core.models import Account
from replytrail.core.oauth.client import GrantError, TokenClient, TokenResponse
from replytrail.core.oauth.errors import AdminConsentRequired, OAuthNotConfigured, SignInAgain
from replytrail.core.oauth.providers import OAuthCatalog, OAuthProvider, load_catalog

__all__ = ["AccountSecrets", "PasswordSource", "TokenSource", "token_client"]

log = logging.getLogger("replytrail.oauth")

AHEAD_MAX = 300.0  # refresh at most this long before expiry ...
AHEAD_SHARE = 0.1  # ... or a tenth of the token's lifetime, whichever is shorter


def token_client(provider: OAuthProvider, settings: Settings | None) -> TokenClient:
    """A client for *provider* with the configured client id (``OAuthNotConfigured`` if none)."""
    endpoints = provider.endpoints(settings)
    if not endpoints.client_id:
        raise OAuthNotConfigured(
            provider=provider.name,
            register_url=provider.register_url or provider.authorization_endpoint,
            setting=provider.client_id_setting or f"oauth.{provider.id}_client_id",
        )
    return TokenClient(endpoints, provider.name)


@dataclass
class _Cached:
    token: str = field(default="", repr=False)
    refresh_at: float = 0.0


class TokenSource:
    """``source()`` → a working access token; ``source.refreshed()`` → a new one, now."""

    def __init__(
        self,
        account: Account,
        client: TokenClient,
        credentials: Credentials,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.account, self.client, self.credentials, self.clock = (
            account,
            client,
            credentials,
            clock,
        )
        self._cached = _Cached()
        self._lock = threading.Lock()  # the account's folder watchers share one source

    def seed(self, tokens: TokenResponse) -> None:
        """Remember an access token just obtained by signing in."""
        with self._lock:
            self._remember(tokens)

    def _remember(self, tokens: TokenResponse) -> None:
        now = self.clock()
        ahead = min(AHEAD_MAX, max(0.0, tokens.expires_at - now) * AHEAD_SHARE)
        self._cached = _Cached(tokens.access_token, tokens.expires_at - ahead)

    def __call__(self) -> str:
        with self._lock:
            if self._cached.token and self.clock() < self._cached.refresh_at:
                return self._cached.token
            return self._refresh()

    def refreshed(self) -> str:
        """A new access token even if the cached one looks valid (the server refused it)."""
        with self._lock:
            return self._refresh()

    def _stored_refresh_token(self) -> str:
        try:
            return self.credentials.get(self.account.credential_ref)
        except NotFound:
            raise SignInAgain(email=self.account.email) from None

    def _refresh(self) -> str:
        used = self._stored_refresh_token()
        try:
            tokens = self.client.refresh(used)
        except GrantError as e:
            # another Replytrail process may have rotated it a moment ago: try its new one
            current = self._stored_refresh_token()
            if current == used:
                raise self._refused(e) from None
            try:
                used, tokens = current, self.client.refresh(current)
            except GrantError as e2:
                raise self._refused(e2) from None
        if tokens.refresh_token and tokens.refresh_token != used:
            self.credentials.store(self.account.credential_ref, tokens.refresh_token)
            log.info("%s: the refresh token was rotated", self.account.email)
        self._remember(tokens)
        return tokens.access_token

    def _refused(self, e: GrantError) -> SignInAgain | AdminConsentRequired:
        log.info("%s: the provider refused the refresh (%s)", self.account.email, e.error)
        self._cached = _Cached()
        if e.needs_admin_consent:
            return AdminConsentRequired(provider=self.client.provider_name)
        return SignInAgain(email=self.account.email)


class PasswordSource:
    """The password from the keyring, read at every (re)connect."""

    def __init__(self, account: Account, credentials: Credentials) -> None:
        self.account, self.credentials = account, credentials

    def __call__(self) -> str:
        return self.credentials.get(self.account.credential_ref)


class _Failing:
    """A source that cannot work (no client id, unknown provider): says why at login time."""

    def __init__(self, error: KnownError) -> None:
        self.error = error

    def __call__(self) -> str:
        raise self.error


class AccountSecrets:
    """What each account signs in with: its password, or an access token (one source each)."""

    def __init__(
        self,
        credentials: Credentials,
        settings: Settings | None = None,
        catalog: OAuthCatalog | None = None,
    ) -> None:
        self.credentials, self.settings = credentials, settings
        self._catalog = catalog
        self._sources: dict[tuple[str, str], TokenSource] = {}
        self._lock = threading.Lock()

    @property
    def catalog(self) -> OAuthCatalog:
        if self._catalog is None:
            preset = self.settings.preset if self.settings is not None else None
            self._catalog = load_catalog(preset)
        return self._catalog

    def for_account(self, account: Account) -> TokenSource | PasswordSource | _Failing:
        """The account's secret source; never raises (a broken set-up fails at login)."""
        if account.auth != "oauth2":
            return PasswordSource(account, self.credentials)
        key = (account.email.lower(), account.credential_ref)
        with self._lock:
            source = self._sources.get(key)
            if source is None:
                try:
                    provider = self.catalog.for_account(account)
                    client = token_client(provider, self.settings)
                except KnownError as e:
                    return _Failing(e)
                source = self._sources[key] = TokenSource(account, client, self.credentials)
            return source

    def forget(self, account: Account) -> None:
        """Drop the cached token source (after a new sign-in or removal)."""
        with self._lock:
            self._sources.pop((account.email.lower(), account.credential_ref), None)

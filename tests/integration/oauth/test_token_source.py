"""The token source against the test authorization server and the real keyring; SMTP errors."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path

import keyring.backends.SecretService
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult

from mailflow import ALICE
from replytrail.core.credentials import Credentials, new_ref
from replytrail.core.mail.connect import open_smtp
from replytrail.core.models import Account, Security
from replytrail.core.oauth.client import TokenClient, TokenResponse
from replytrail.core.oauth.errors import OAuthUnavailable, SignInAgain, SmtpAuthDisabled
from replytrail.core.oauth.providers import load_catalog
from replytrail.core.oauth.tokens import TokenSource, token_client
from servers.keyring import SecretService
from servers.mailservers import free_port, make_certs
from servers.oauth_server import OAuthServer

pytestmark = pytest.mark.servers


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def credentials(secret_service: SecretService) -> Credentials:
    return Credentials(backend=keyring.backends.SecretService.Keyring())


def _client(server: OAuthServer) -> TokenClient:
    catalog = load_catalog({"oauth_providers": {"example": server.provider_table()}})
    return token_client(catalog.get("example"), None)


def _source(
    server: OAuthServer, credentials: Credentials, clock: Clock
) -> tuple[TokenSource, TokenResponse]:
    account = Account(ALICE, "127.0.0.1", auth="oauth2", oauth_provider="example")
    account.credential_ref = new_ref(ALICE)
    refresh = server.issue(ALICE, "refresh")
    credentials.store(account.credential_ref, refresh)
    first = _client(server).refresh(refresh)  # as a sign-in would have left it
    credentials.store(account.credential_ref, first.refresh_token)
    source = TokenSource(account, _client(server), credentials, clock=clock)
    source.seed(first)
    return source, first


def test_refreshed_ahead_of_expiry_and_the_rotated_token_kept(
    oauth_server: OAuthServer, credentials: Credentials
) -> None:
    clock = Clock(0.0)
    oauth_server.access_ttl = 1000
    source, first = _source(oauth_server, credentials, clock)
    clock.now = first.expires_at - 1000  # just issued
    refreshes = oauth_server.count("/token", grant_type="refresh_token")
    assert source() == first.access_token  # cached: no round trip
    assert oauth_server.count("/token", grant_type="refresh_token") == refreshes
    clock.now = first.expires_at - 99  # inside the last tenth of its life: refresh now
    second = source()
    assert second != first.access_token and oauth_server.active(second)
    assert oauth_server.count("/token", grant_type="refresh_token") == refreshes + 1
    stored = credentials.get(source.account.credential_ref)
    assert stored != first.refresh_token and oauth_server.active(stored)  # rotated, kept
    assert not oauth_server.active(first.refresh_token)


def test_revoked_means_sign_in_again_unreachable_means_temporary(
    oauth_server: OAuthServer, credentials: Credentials
) -> None:
    clock = Clock(0.0)
    source, _first = _source(oauth_server, credentials, clock)
    oauth_server.stop()
    with pytest.raises(OAuthUnavailable, match="cannot be reached right now"):
        source.refreshed()
    oauth_server.start()
    assert source.refreshed()  # back by itself, same refresh token still valid
    oauth_server.revoke_grant(ALICE)
    with pytest.raises(SignInAgain, match="Sign in again"):
        source.refreshed()


class _SmtpAuthDisabled:
    """Microsoft's answer when SMTP AUTH is off for the mailbox, over real SMTP."""

    async def auth_XOAUTH2(self, server: SMTP, args: list[str]) -> AuthResult:
        await server.push(
            "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled "
            "for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information."
        )
        return AuthResult(success=False, handled=True)


@pytest.fixture
def microsoft_like_smtp(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    ca, cert, key = make_certs(tmp_path / "tls")
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(str(cert), str(key))
    port = free_port()
    ctrl = Controller(
        _SmtpAuthDisabled(),
        hostname="127.0.0.1",
        port=port,
        tls_context=tls,
        require_starttls=True,
        auth_require_tls=True,
    )
    ctrl.start()
    yield port, Path(ca)
    ctrl.stop()


def test_smtp_auth_disabled_for_the_mailbox_in_plain_words(
    microsoft_like_smtp: tuple[int, Path],
) -> None:
    port, ca = microsoft_like_smtp
    account = Account(
        ALICE, "127.0.0.1", smtp_host="127.0.0.1", smtp_port=port,
        smtp_security=Security.STARTTLS, ca_file=str(ca), auth="oauth2",
    )  # fmt: skip
    with pytest.raises(SmtpAuthDisabled, match="SMTP AUTH disabled for this mailbox"):
        open_smtp(account, lambda: "an-access-token")

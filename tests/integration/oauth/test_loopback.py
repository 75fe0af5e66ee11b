"""The loopback redirect refuses answers that do not belong to this sign-in (RFC 8252, 9207)."""

from __future__ import annotations

import urllib.parse
import urllib.request

import pytest

from replytrail.core.oauth.client import TokenClient
from replytrail.core.oauth.errors import SignInCancelled, SignInFailed
from replytrail.core.oauth.loopback import sign_in_with_browser
from replytrail.core.oauth.providers import OAuthProvider, load_catalog
from replytrail.core.oauth.tokens import token_client
from servers.oauth_server import OAuthServer

pytestmark = pytest.mark.servers
_direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _answer(url: str, **params: str) -> None:
    """Whoever reaches the loopback port with a made-up redirect (another page, a script)."""
    q = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))
    target = q["redirect_uri"] + "?" + urllib.parse.urlencode(params)
    with _direct.open(target, timeout=10) as r:
        assert r.status == 200


def _provider(server: OAuthServer) -> tuple[OAuthProvider, TokenClient]:
    p = load_catalog({"oauth_providers": {"example": server.provider_table()}}).get("example")
    return p, token_client(p, None)


def test_wrong_state_or_issuer_is_refused(oauth_server: OAuthServer) -> None:
    provider, client = _provider(oauth_server)
    with pytest.raises(SignInFailed, match="did not belong to this sign-in"):
        sign_in_with_browser(
            provider, client, lambda url: _answer(url, code="x", state="forged"), timeout=30
        )

    def wrong_issuer(url: str) -> None:
        state = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))["state"]
        _answer(url, code="x", state=state, iss="https://evil.example")

    with pytest.raises(SignInFailed, match="another issuer"):
        sign_in_with_browser(provider, client, wrong_issuer, timeout=30)
    assert oauth_server.count("/token") == 0  # no code was ever redeemed


def test_no_answer_in_time_is_cancelled(oauth_server: OAuthServer) -> None:
    provider, client = _provider(oauth_server)
    with pytest.raises(SignInCancelled, match="cancelled or took too long"):
        sign_in_with_browser(provider, client, lambda url: True, timeout=0.5)

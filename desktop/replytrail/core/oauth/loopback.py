"""Authorization code + PKCE (S256) in the system browser, redirected to a loopback port (RFC 8252).

Replytrail listens on ``http://127.0.0.1:<ephemeral port>/`` for this one sign-in, checks
``state`` and, where the provider sends it, ``iss`` (RFC 9207), and answers the browser with
a small page that says to go back to Replytrail.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import html
import logging
import secrets
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer

from replytrail.core.i18n import QT_TRANSLATE_NOOP, translate
from replytrail.core.oauth.client import GrantError, TokenClient, TokenResponse
from replytrail.core.oauth.errors import SignInCancelled, SignInFailed
from replytrail.core.oauth.providers import OAuthProvider

__all__ = ["LoopbackListener", "authorization_url", "pkce_pair", "sign_in_with_browser"]

log = logging.getLogger("replytrail.oauth")
CTX = "oauth"


def pkce_pair() -> tuple[str, str]:
    """(code_verifier, S256 code_challenge) as RFC 7636 §4.1-4.2 define them."""
    verifier = secrets.token_urlsafe(48)  # 64 characters, within 43..128
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _page(title: str, text: str) -> bytes:
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title>"
        "<style>body{font-family:sans-serif;margin:4em auto;max-width:32em;color:#222}"
        "h1{font-size:1.4em}</style></head>"
        f"<body><h1>{html.escape(title)}</h1><p>{html.escape(text)}</p></body></html>"
    ).encode()


def done_page(ok: bool) -> bytes:
    """The page the browser shows after the redirect (English or German, as the app)."""
    if ok:
        return _page(
            translate(CTX, QT_TRANSLATE_NOOP("oauth", "Signed in \u2013 go back to Replytrail")),
            translate(
                CTX,
                QT_TRANSLATE_NOOP(
                    "oauth", "Replytrail has what it needs. You can close this tab now."
                ),
            ),
        )
    return _page(
        translate(CTX, QT_TRANSLATE_NOOP("oauth", "Sign-in did not finish")),
        translate(
            CTX,
            QT_TRANSLATE_NOOP(
                "oauth", "Go back to Replytrail: it says what happened and what to do."
            ),
        ),
    )


@dataclass
class _Result:
    params: dict[str, str] = field(default_factory=dict)
    done: threading.Event = field(default_factory=threading.Event)


class LoopbackListener:
    """A one-shot HTTP listener on 127.0.0.1 for the redirect; other paths get 404."""

    def __init__(self) -> None:
        result = self.result = _Result()

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # the query holds the code: no log
                pass

            def do_GET(self) -> None:
                url = urllib.parse.urlsplit(self.path)
                params = dict(urllib.parse.parse_qsl(url.query))
                if url.path != "/" or result.done.is_set() or not params:
                    self.send_error(404)
                    return
                result.params = params
                body = done_page("code" in params)
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)
                result.done.set()

        self._httpd = HTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.timeout = 0.25

    @property
    def redirect_uri(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/"

    def wait(self, deadline: float, stopped: Callable[[], bool]) -> dict[str, str]:
        """Serve requests until the redirect came; ``SignInCancelled`` when stopped or late."""
        try:
            while not self.result.done.is_set():
                if stopped() or time.monotonic() > deadline:
                    raise SignInCancelled(provider="")
                self._httpd.handle_request()
        finally:
            self._httpd.server_close()
        return self.result.params

    def close(self) -> None:
        self._httpd.server_close()


def authorization_url(
    provider: OAuthProvider,
    client: TokenClient,
    redirect_uri: str,
    state: str,
    challenge: str,
    login_hint: str,
) -> str:
    params = {
        "response_type": "code",
        "client_id": client.endpoints.client_id,
        "redirect_uri": redirect_uri,
        "scope": " ".join(provider.scopes),
        "state": state,
        "code_challenge": challenge,
        "code_challenge_method": "S256",
        **provider.extra_params,
    }
    if login_hint:
        params["login_hint"] = login_hint
    return client.endpoints.authorization + "?" + urllib.parse.urlencode(params)


def _check_response(params: dict[str, str], state: str, client: TokenClient, name: str) -> str:
    """The code, once state and issuer are right; the provider's refusal in plain words."""
    if not secrets.compare_digest(params.get("state", ""), state):
        raise SignInFailed(provider=name, detail="the answer did not belong to this sign-in")
    issuer = client.endpoints.issuer
    if "iss" in params and issuer and params["iss"].rstrip("/") != issuer.rstrip("/"):
        raise SignInFailed(provider=name, detail="the answer came from another issuer")
    if "error" in params:
        raise client.plain(GrantError(params["error"], params.get("error_description", "")))
    code = params.get("code", "")
    if not code:
        raise SignInFailed(provider=name, detail="no authorization code")
    return code


def sign_in_with_browser(
    provider: OAuthProvider,
    client: TokenClient,
    open_url: Callable[[str], object],
    *,
    login_hint: str = "",
    timeout: float = 300.0,
    cancel: threading.Event | None = None,
) -> TokenResponse:
    """Run the whole browser sign-in and return the tokens (never logged)."""
    stop = cancel or threading.Event()
    verifier, challenge = pkce_pair()
    state = secrets.token_urlsafe(24)
    listener = LoopbackListener()
    url = authorization_url(provider, client, listener.redirect_uri, state, challenge, login_hint)
    log.info("opening the browser for sign-in with %s", provider.name)
    given_up = threading.Event()
    outcome: dict[str, dict[str, str]] = {}

    def serve() -> None:  # on its own thread: a browser command may block until it exits
        with contextlib.suppress(SignInCancelled):
            outcome["params"] = listener.wait(
                time.monotonic() + timeout, lambda: stop.is_set() or given_up.is_set()
            )

    server = threading.Thread(target=serve, name="oauth-loopback", daemon=True)
    server.start()
    try:
        opened = open_url(url) is not False
    except BaseException:
        given_up.set()
        server.join()
        raise
    if not opened:
        given_up.set()
        server.join()
        raise SignInFailed(provider=provider.name, detail="no web browser could be opened")
    server.join()
    if "params" not in outcome:
        raise SignInCancelled(provider=provider.name)
    params = outcome["params"]
    code = _check_response(params, state, client, provider.name)
    return client.exchange_code(code, listener.redirect_uri, verifier)

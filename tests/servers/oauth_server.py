"""A real OAuth2 authorization server for the tests (stdlib HTTP, one thread), on 127.0.0.1.

  GET  /authorize            a sign-in page (HTML form; a script submits it, as a user would)
  POST /authorize            checks client + loopback redirect_uri, 302 back with code, state, iss
  POST /token                authorization_code (PKCE S256 checked), refresh_token (rotated),
                             device_code (RFC 8628: pending until the user approves)
  POST /device_authorization RFC 8628 §3.1
  GET|POST /device           the verification page where the user enters the code
  POST /introspect           RFC 7662 (Dovecot's oauth2 passdb asks here)
  POST /revoke               RFC 7009

Test knobs (attributes): approve_as, deny_next, consent_required_next, access_ttl,
device_interval, tokens, log, browser_agents; revoke_grant(), stop() / start() (same port).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import html
import json
import secrets
import threading
import time
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

CLIENT_ID = "replytrail-test"
RS_ID, RS_SECRET = "dovecot", "dovecot-secret"


@dataclass
class Token:
    value: str
    kind: str  # "access" | "refresh"
    user: str
    client_id: str
    scope: str
    exp: float
    revoked: bool = False


@dataclass
class _Code:
    user: str
    redirect_uri: str
    challenge: str
    scope: str
    exp: float
    used: bool = False


@dataclass
class _Device:
    user_code: str
    scope: str
    exp: float
    user: str = ""
    denied: bool = False


def _loopback_match(registered: str, given: str) -> bool:
    """RFC 8252 §7.3: a loopback redirect matches on any port."""
    a, b = urllib.parse.urlsplit(registered), urllib.parse.urlsplit(given)
    return (
        b.scheme == "http"
        and a.hostname == b.hostname == "127.0.0.1"
        and a.path == b.path
        and not b.query
    )


def _jwt(claims: dict[str, Any]) -> str:
    def part(d: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(d).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'none'})}.{part(claims)}."


SIGNIN_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Sign in</title></head>
<body onload="{onload}"><h1>Sign in to Example ID</h1>
<form method="post" action="/authorize">{hidden}
<label>Account <input name="user" value="{user}"></label>
<button name="decision" value="allow">Allow</button>
<button name="decision" value="deny">Deny</button></form></body></html>"""


class OAuthServer:
    def __init__(self, users: tuple[str, ...] = ("alice@example.test", "bob@example.test")):
        self.users = users
        self.redirect_uris = ("http://127.0.0.1/",)
        self.approve_as = ""  # who the "user" signs in as; empty: the login_hint
        self.auto_submit = True  # the sign-in page's script presses "Allow"
        self.deny_next = False
        self.consent_required_next = False
        self.access_ttl = 3600
        self.device_interval = 1
        self.tokens: dict[str, Token] = {}
        self.codes: dict[str, _Code] = {}
        self.devices: dict[str, _Device] = {}
        self.log: list[tuple[str, dict[str, str]]] = []
        self.browser_agents: list[str] = []
        self._lock = threading.Lock()
        self.port = 0
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> OAuthServer:
        """Listen (again, on the same port after stop())."""
        self._httpd = ThreadingHTTPServer(("127.0.0.1", self.port), self._handler())
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(5)

    def __enter__(self) -> OAuthServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def provider_table(self, client_id: str = CLIENT_ID) -> dict[str, Any]:
        """This server as a ``[oauth_providers.example]`` table of a team preset."""
        return {
            "name": "Example ID",
            "authorization_endpoint": self.url + "/authorize",
            "token_endpoint": self.url + "/token",
            "device_authorization_endpoint": self.url + "/device_authorization",
            "revocation_endpoint": self.url + "/revoke",
            "issuer": self.url,
            "scopes": ["mail", "openid", "email"],
            "client_id": client_id,
            "hosts": ["127.0.0.1", "127.0.0.2"],
            "register_url": self.url + "/apps",
        }

    # ------------------------------------------------------------------ knobs
    def issue(self, user: str, kind: str = "access", scope: str = "mail") -> str:
        value = secrets.token_urlsafe(32)
        ttl = self.access_ttl if kind == "access" else 30 * 86400
        with self._lock:
            self.tokens[value] = Token(value, kind, user, CLIENT_ID, scope, time.time() + ttl)
        return value

    def active(self, value: str) -> Token | None:
        t = self.tokens.get(value)
        return None if t is None or t.revoked or t.exp <= time.time() else t

    def active_refresh_tokens(self, user: str) -> list[str]:
        return [
            t.value
            for t in list(self.tokens.values())
            if t.kind == "refresh" and t.user == user and self.active(t.value)
        ]

    def revoke_grant(self, user: str) -> None:
        """The user (or an admin) revoked Replytrail's access: every token of theirs dies."""
        with self._lock:
            for t in self.tokens.values():
                if t.user == user:
                    t.revoked = True

    def count(self, path: str, **match: str) -> int:
        return sum(
            1
            for p, form in list(self.log)
            if p == path and all(form.get(k) == v for k, v in match.items())
        )

    # ------------------------------------------------------------------ protocol
    def _signin_page(self, q: dict[str, str]) -> tuple[int, dict[str, str], str]:
        if q.get("client_id") != CLIENT_ID or not any(
            _loopback_match(r, q.get("redirect_uri", "")) for r in self.redirect_uris
        ):
            return 400, {}, "unknown client_id or redirect_uri not registered"
        hidden = "".join(
            f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
            for k, v in q.items()
        )
        user = self.approve_as or q.get("login_hint") or self.users[0]
        onload = "document.forms[0].decision[0].click()" if self.auto_submit else ""
        page = SIGNIN_PAGE.format(onload=onload, hidden=hidden, user=html.escape(user))
        return 200, {"Content-Type": "text/html; charset=utf-8"}, page

    def _approve(self, form: dict[str, str], agent: str) -> tuple[int, dict[str, str], str]:
        redirect_uri = form.get("redirect_uri", "")
        if form.get("client_id") != CLIENT_ID or not any(
            _loopback_match(r, redirect_uri) for r in self.redirect_uris
        ):
            return 400, {}, "unknown client_id or redirect_uri not registered"
        self.browser_agents.append(agent)

        def back(**params: str) -> tuple[int, dict[str, str], str]:
            params.update(state=form.get("state", ""), iss=self.url)
            return 302, {"Location": redirect_uri + "?" + urllib.parse.urlencode(params)}, ""

        if form.get("code_challenge_method") != "S256" or len(form.get("code_challenge", "")) != 43:
            return back(error="invalid_request", error_description="PKCE S256 required")
        if self.deny_next or form.get("decision") == "deny":
            self.deny_next = False
            return back(error="access_denied", error_description="the user said no")
        if self.consent_required_next:
            self.consent_required_next = False
            return back(error="consent_required", error_description="AADSTS65001: admin consent")
        code = secrets.token_urlsafe(24)
        with self._lock:
            self.codes[code] = _Code(
                form.get("user", self.users[0]),
                redirect_uri,
                form["code_challenge"],
                form.get("scope", "mail"),
                time.time() + 60,
            )
        return back(code=code)

    def _grant(self, user: str, scope: str) -> dict[str, Any]:
        return {
            "access_token": self.issue(user, scope=scope),
            "token_type": "Bearer",
            "expires_in": self.access_ttl,
            "scope": scope,
            "refresh_token": self.issue(user, "refresh", scope),
            "id_token": _jwt({"iss": self.url, "aud": CLIENT_ID, "sub": user, "email": user}),
        }

    def _token(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        if form.get("client_id") != CLIENT_ID:
            return 401, {"error": "invalid_client"}
        gt = form.get("grant_type")
        if gt == "authorization_code":
            return self._code_grant(form)
        if gt == "refresh_token":
            with self._lock:
                t = self.active(form.get("refresh_token", ""))
                if t is None or t.kind != "refresh":
                    return 400, {"error": "invalid_grant", "error_description": "revoked"}
                t.revoked = True  # rotation: the old refresh token is spent
            return 200, self._grant(t.user, t.scope)
        if gt == "urn:ietf:params:oauth:grant-type:device_code":
            d = self.devices.get(form.get("device_code", ""))
            if d is None or d.exp < time.time():
                return 400, {"error": "expired_token"}
            if d.denied:
                return 400, {"error": "access_denied"}
            if not d.user:
                return 400, {"error": "authorization_pending"}
            del self.devices[form["device_code"]]
            return 200, self._grant(d.user, d.scope)
        return 400, {"error": "unsupported_grant_type"}

    def _code_grant(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        with self._lock:
            code = self.codes.get(form.get("code", ""))
            ok = code is not None and not code.used and code.exp > time.time()
            if code is not None:
                code.used = True
        if not ok or code is None:
            return 400, {"error": "invalid_grant", "error_description": "bad or used code"}
        if form.get("redirect_uri") != code.redirect_uri:
            return 400, {"error": "invalid_grant", "error_description": "redirect_uri mismatch"}
        digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
        calc = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
        if not hmac.compare_digest(calc, code.challenge):
            return 400, {"error": "invalid_grant", "error_description": "PKCE failed"}
        return 200, self._grant(code.user, code.scope)

    def _device_authorization(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        if form.get("client_id") != CLIENT_ID:
            return 401, {"error": "invalid_client"}
        device_code = secrets.token_urlsafe(24)
        user_code = "-".join(secrets.token_hex(2).upper() for _ in range(2))
        self.devices[device_code] = _Device(user_code, form.get("scope", ""), time.time() + 600)
        return 200, {
            "device_code": device_code,
            "user_code": user_code,
            "verification_uri": self.url + "/device",
            "verification_uri_complete": self.url + "/device?user_code=" + user_code,
            "expires_in": 600,
            "interval": self.device_interval,
        }

    def _device_page(self, form: dict[str, str]) -> tuple[int, dict[str, str], str]:
        if "user_code" not in form or "user" not in form:
            page = (
                '<form method="post" action="/device"><input name="user_code">'
                '<input name="user"><button>Continue</button></form>'
            )
            return 200, {"Content-Type": "text/html"}, page
        for d in self.devices.values():
            if d.user_code == form["user_code"].strip().upper():
                d.user = form["user"]
                return 200, {"Content-Type": "text/plain"}, "You can go back to your device."
        return 400, {}, "unknown code"

    def _introspect(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        if form.get("client_id") != RS_ID or form.get("client_secret") != RS_SECRET:
            return 401, {"error": "invalid_client"}
        t = self.active(form.get("token", ""))
        if t is None or t.kind != "access":
            return 200, {"active": False}
        return 200, {
            "active": True,
            "username": t.user,
            "email": t.user,
            "client_id": t.client_id,
            "scope": t.scope,
            "exp": int(t.exp),
        }

    # ------------------------------------------------------------------ HTTP glue
    def _handler(self) -> type[BaseHTTPRequestHandler]:
        srv = self

        class H(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _send(
                self, status: int, body: object, headers: dict[str, str] | None = None
            ) -> None:
                headers = dict(headers or {})
                data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
                headers.setdefault(
                    "Content-Type",
                    "text/plain; charset=utf-8" if isinstance(body, str) else "application/json",
                )
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(data)  # a browser may drop a favicon request early

            def do_GET(self) -> None:
                u = urllib.parse.urlsplit(self.path)
                q = dict(urllib.parse.parse_qsl(u.query))
                srv.log.append((u.path, q))
                if u.path == "/authorize":
                    status, headers, text = srv._signin_page(q)
                    self._send(status, text, headers)
                elif u.path == "/device":
                    self._send(*reversed_tuple(srv._device_page(q)))
                else:
                    self._send(404, {"error": "not_found"})

            def do_POST(self) -> None:
                n = int(self.headers.get("Content-Length") or 0)
                form = dict(urllib.parse.parse_qsl(self.rfile.read(n).decode()))
                path = urllib.parse.urlsplit(self.path).path
                srv.log.append((path, form))
                if path == "/authorize":
                    status, headers, text = srv._approve(form, self.headers.get("User-Agent", ""))
                    self._send(status, text, headers)
                elif path == "/token":
                    self._send(*srv._token(form))
                elif path == "/device_authorization":
                    self._send(*srv._device_authorization(form))
                elif path == "/device":
                    self._send(*reversed_tuple(srv._device_page(form)))
                elif path == "/introspect":
                    self._send(*srv._introspect(form))
                elif path == "/revoke":
                    t = srv.tokens.get(form.get("token", ""))
                    if t is not None:
                        srv.revoke_grant(t.user)
                    self._send(200, {})
                else:
                    self._send(404, {"error": "not_found"})

        return H


def reversed_tuple(r: tuple[int, dict[str, str], str]) -> tuple[int, str, dict[str, str]]:
    return r[0], r[2], r[1]

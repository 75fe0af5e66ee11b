"""The token endpoint (RFC 6749): code exchange, refresh with rotation, errors in plain words."""

from __future__ import annotations

import base64
import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from replytrail.core.oauth.errors import AdminConsentRequired, OAuthUnavailable, SignInFailed
from replytrail.core.oauth.providers import Endpoints

__all__ = ["GrantError", "TokenClient", "TokenResponse", "id_token_email"]

log = logging.getLogger("replytrail.oauth")

#: Microsoft's codes for "an administrator must consent first"
_CONSENT_CODES = ("AADSTS65001", "AADSTS90094", "AADSTS90099", "AADSTS50105")


@dataclass(frozen=True)
class TokenResponse:
    """A token endpoint's answer; ``refresh_token`` is empty when the provider kept the old one."""

    access_token: str = field(repr=False)
    expires_at: float  # time.time() when the access token stops working
    refresh_token: str = field(default="", repr=False)
    email: str = ""  # the signed-in user, from the id_token when there is one
    scope: str = ""


class GrantError(Exception):
    """The endpoint refused the request (``invalid_grant``, ``access_denied`` …)."""

    def __init__(self, error: str, description: str = "") -> None:
        super().__init__(error)
        self.error, self.description = error, description

    @property
    def needs_admin_consent(self) -> bool:
        text = f"{self.error} {self.description}"
        return self.error == "consent_required" or any(c in text for c in _CONSENT_CODES)


def id_token_email(id_token: str) -> str:
    """The ``email`` (or Microsoft's ``preferred_username``) claim of an OpenID id_token.

    Received straight from the token endpoint over TLS, so it is read without checking the
    signature (OpenID Connect Core §3.1.3.7); it only tells which account the user chose.
    """
    try:
        payload = id_token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError):
        return ""
    if not isinstance(claims, dict):
        return ""
    return str(claims.get("email") or claims.get("preferred_username") or "").strip()


def _check_scheme(url: str, provider: str) -> None:
    """Tokens travel over https only (plain http only to this machine, for a local server)."""
    parts = urllib.parse.urlsplit(url)
    local = parts.hostname in ("127.0.0.1", "::1", "localhost")
    if parts.scheme != "https" and not (parts.scheme == "http" and local):
        raise SignInFailed(provider=provider, detail=f"refusing a non-https endpoint {url}")


class TokenClient:
    """Talks to one provider's token and device endpoints; no state besides the endpoints."""

    def __init__(self, endpoints: Endpoints, provider_name: str, timeout: float = 20.0) -> None:
        self.endpoints, self.provider_name, self.timeout = endpoints, provider_name, timeout

    def post(self, url: str, form: dict[str, str]) -> dict[str, Any]:
        """POST a form, return the JSON; ``GrantError`` for 4xx, ``OAuthUnavailable`` else."""
        _check_scheme(url, self.provider_name)
        if self.endpoints.client_secret and "client_id" in form:
            form = {**form, "client_secret": self.endpoints.client_secret}
        data = urllib.parse.urlencode(form).encode()
        req = urllib.request.Request(  # noqa: S310 - scheme checked: https, or http to loopback
            url,
            data=data,
            method="POST",
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as r:  # noqa: S310 - as above
                body: dict[str, Any] = json.load(r)
                return body
        except urllib.error.HTTPError as e:
            if 400 <= e.code < 500:
                raise self._grant_error(e) from None
            raise OAuthUnavailable(provider=self.provider_name, detail=f"HTTP {e.code}") from None
        except (urllib.error.URLError, TimeoutError, ConnectionError) as e:
            reason = getattr(e, "reason", e)
            detail = getattr(reason, "strerror", None) or type(reason).__name__
            raise OAuthUnavailable(provider=self.provider_name, detail=detail) from None
        except ValueError:
            raise OAuthUnavailable(provider=self.provider_name, detail="not JSON") from None

    @staticmethod
    def _grant_error(e: urllib.error.HTTPError) -> GrantError:
        try:
            body = json.load(e)
        except ValueError:
            body = {}
        if not isinstance(body, dict):
            body = {}
        return GrantError(
            str(body.get("error") or f"http_{e.code}"), str(body.get("error_description") or "")
        )

    def _tokens(self, body: dict[str, Any]) -> TokenResponse:
        access = str(body.get("access_token") or "")
        if not access:
            raise SignInFailed(provider=self.provider_name, detail="no access token in the answer")
        try:
            lifetime = float(body.get("expires_in") or 3600)
        except (TypeError, ValueError):
            lifetime = 3600.0
        return TokenResponse(
            access_token=access,
            expires_at=time.time() + lifetime,
            refresh_token=str(body.get("refresh_token") or ""),
            email=id_token_email(str(body.get("id_token") or "")),
            scope=str(body.get("scope") or ""),
        )

    def exchange_code(self, code: str, redirect_uri: str, verifier: str) -> TokenResponse:
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "client_id": self.endpoints.client_id,
            "code_verifier": verifier,
        }
        try:
            return self._tokens(self.post(self.endpoints.token, form))
        except GrantError as e:
            raise self.plain(e) from None

    def refresh(self, refresh_token: str) -> TokenResponse:
        """A new access token (and maybe a rotated refresh token). Raises ``GrantError``."""
        form = {
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
            "client_id": self.endpoints.client_id,
        }
        tokens = self._tokens(self.post(self.endpoints.token, form))
        log.info("access token refreshed at %s", self.provider_name)
        return tokens

    def plain(self, e: GrantError) -> SignInFailed | AdminConsentRequired:
        """A refused sign-in step as the user's one line."""
        if e.needs_admin_consent:
            return AdminConsentRequired(provider=self.provider_name)
        return SignInFailed(provider=self.provider_name, detail=e.description or e.error)

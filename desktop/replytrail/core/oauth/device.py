"""The device authorization grant (RFC 8628) for machines without a browser."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from replytrail.core.oauth.client import GrantError, TokenClient, TokenResponse
from replytrail.core.oauth.errors import SignInCancelled, SignInFailed
from replytrail.core.oauth.providers import OAuthProvider

__all__ = ["DeviceCode", "poll_device", "sign_in_with_device_code", "start_device"]

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"


@dataclass(frozen=True)
class DeviceCode:
    """What the user needs (a code and where to enter it) and what the app polls with."""

    user_code: str
    verification_uri: str
    verification_uri_complete: str
    interval: float
    expires_at: float  # time.monotonic()
    device_code: str = field(repr=False)


def start_device(provider: OAuthProvider, client: TokenClient) -> DeviceCode:
    url = client.endpoints.device
    if not url:
        raise SignInFailed(provider=provider.name, detail="no device-code sign-in offered")
    form = {"client_id": client.endpoints.client_id, "scope": " ".join(provider.scopes)}
    try:
        body = client.post(url, form)
    except GrantError as e:
        raise client.plain(e) from None
    try:
        return DeviceCode(
            user_code=str(body["user_code"]),
            # Microsoft's v2 endpoint says verification_uri; some older ones verification_url
            verification_uri=str(body.get("verification_uri") or body["verification_url"]),
            verification_uri_complete=str(body.get("verification_uri_complete") or ""),
            interval=float(body.get("interval") or 5),
            expires_at=time.monotonic() + float(body.get("expires_in") or 900),
            device_code=str(body["device_code"]),
        )
    except (KeyError, TypeError, ValueError):
        raise SignInFailed(provider=provider.name, detail="unexpected device-code answer") from None


def poll_device(
    provider: OAuthProvider,
    client: TokenClient,
    code: DeviceCode,
    cancel: threading.Event,
) -> TokenResponse:
    """Poll at the given interval until the user approved (or denied, or time ran out)."""
    interval = code.interval
    form = {
        "grant_type": DEVICE_GRANT,
        "device_code": code.device_code,
        "client_id": client.endpoints.client_id,
    }
    while time.monotonic() < code.expires_at:
        if cancel.wait(interval):
            break
        try:
            body = client.post(client.endpoints.token, form)
        except GrantError as e:
            if e.error == "authorization_pending":
                continue
            if e.error == "slow_down":  # RFC 8628 §3.5: add 5 seconds from now on
                interval += 5
                continue
            if e.error == "expired_token":
                break
            raise client.plain(e) from None
        return client._tokens(body)
    raise SignInCancelled(provider=provider.name)


def sign_in_with_device_code(
    provider: OAuthProvider,
    client: TokenClient,
    show: Callable[[DeviceCode], None],
    cancel: threading.Event | None = None,
) -> TokenResponse:
    code = start_device(provider, client)
    show(code)
    return poll_device(provider, client, code, cancel or threading.Event())

"""A signed webhook: the SPEC §12 email JSON (plus the contact) POSTed over verified HTTPS.

Signature: ``X-Replytrail-Signature: t=<unix seconds>,v1=<hex>`` where ``v1`` is
HMAC-SHA256 with the target's secret over ``"<t>." + body``; receivers reject a ``t`` older
than five minutes (replay protection) and compare in constant time. ``Idempotency-Key`` is
the same for every attempt of one email to one target, so a repeat after a crash between the
POST and its acknowledgement can be dropped. 2xx is delivered; 408, 425, 429 and 5xx are
retried with backoff; any other 4xx is a refusal that stops retrying and is shown.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from replytrail import __version__
from replytrail.core.errors import ProtocolError
from replytrail.core.handoff.targets import DeliveryRefused, Target
from replytrail.core.models import Contact, LoggedEmail

__all__ = [
    "IDEMPOTENCY_HEADER",
    "SIGNATURE_HEADER",
    "idempotency_key",
    "payload",
    "post",
    "sign",
    "verify",
]

SIGNATURE_HEADER = "X-Replytrail-Signature"
IDEMPOTENCY_HEADER = "Idempotency-Key"
TOLERANCE = 300  # seconds a receiver accepts between the signature's time and its clock
_RETRY = {408, 425, 429}


def idempotency_key(target: Target, email: LoggedEmail) -> str:
    return hashlib.sha256(f"{target.name}\0{email.message_id}".encode()).hexdigest()


def payload(email: LoggedEmail, contact: Contact | None) -> bytes:
    data: dict[str, Any] = {
        "event": "email.logged",
        "email": email.to_json(),
        "contact": contact.to_json() if contact else None,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sign(secret: str, body: bytes, ts: int) -> str:
    mac = hmac.new(secret.encode("utf-8"), f"{ts}.".encode() + body, hashlib.sha256)
    return f"t={ts},v1={mac.hexdigest()}"


def verify(secret: str, body: bytes, header: str, now: float | None = None) -> bool:
    """The receiver's check (also what docs/handoff.md shows)."""
    parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
    try:
        ts = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs((now if now is not None else time.time()) - ts) > TOLERANCE:
        return False
    expected = sign(secret, body, ts).rpartition("v1=")[2]
    return hmac.compare_digest(expected, parts.get("v1", ""))


def post(target: Target, secret: str, body: bytes, key: str, *, timeout: float = 20.0) -> int:
    """POST *body*; returns the HTTP status of a delivered request, raises otherwise."""
    ctx = ssl.create_default_context(cafile=target.ca_file or None)
    req = urllib.request.Request(  # noqa: S310 - validate() allows https:// only
        target.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": f"Replytrail/{__version__}",
            SIGNATURE_HEADER: sign(secret, body, int(time.time())),
            IDEMPOTENCY_HEADER: key,
            "X-Replytrail-Event": "email.logged",
        },
    )
    host = urllib.parse.urlsplit(target.url).hostname or target.url
    try:
        with urllib.request.urlopen(req, timeout=timeout, context=ctx) as resp:  # noqa: S310
            return int(resp.status)
    except urllib.error.HTTPError as e:
        if e.code in _RETRY or e.code >= 500:
            raise ProtocolError(host=host, detail=f"HTTP {e.code}") from None
        raise DeliveryRefused(where=host, detail=f"HTTP {e.code} {e.reason}") from None
    except (urllib.error.URLError, OSError, ssl.SSLError) as e:
        reason = getattr(e, "reason", e)
        raise ProtocolError(host=host, detail=str(reason)[:200]) from None

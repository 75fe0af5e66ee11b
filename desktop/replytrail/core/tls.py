"""TLS policy: verified certificates (system store or a CA file) or a per-host pin (SPEC §13)."""

from __future__ import annotations

import functools
import hashlib
import socket
import ssl
from dataclasses import dataclass, field

from replytrail.core.errors import TlsNotTrusted, TlsPinMismatch
from replytrail.core.tls_reasons import tls_reason

__all__ = ["TlsPolicy", "fingerprint", "format_fingerprint", "grab_certificate"]


def fingerprint(der: bytes) -> str:
    """SHA-256 of a DER certificate as lower-case hex (how pins are stored)."""
    return hashlib.sha256(der).hexdigest()


def format_fingerprint(hexdigest: str) -> str:
    """``AB:CD:…`` as browsers and ``openssl x509 -fingerprint`` show it."""
    h = hexdigest.upper()
    return ":".join(h[i : i + 2] for i in range(0, len(h), 2))


@functools.lru_cache(maxsize=8)
def _verifying_context(ca_file: str) -> ssl.SSLContext:
    """One verifying context per CA file, shared by every connection (the system trust store
    is parsed once, not once per connection)."""
    ctx = ssl.create_default_context(cafile=ca_file or None)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


@dataclass(frozen=True)
class TlsPolicy:
    """How to trust a server: system store, plus an optional CA file, plus per-host pins."""

    ca_file: str = ""
    pins: dict[str, str] = field(default_factory=dict)

    def context(self, host: str) -> ssl.SSLContext:
        if host.lower() in self.pins:
            # A pinned host: no chain check; the exact certificate is checked after the handshake
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            ctx.minimum_version = ssl.TLSVersion.TLSv1_2
            return ctx
        return _verifying_context(self.ca_file)

    def check_peer(self, host: str, sock: ssl.SSLSocket) -> None:
        """After the handshake: a pinned host must present exactly the pinned certificate."""
        pinned = self.pins.get(host.lower())
        if not pinned:
            return
        der = sock.getpeercert(binary_form=True) or b""
        got = fingerprint(der)
        if got != pinned.lower().replace(":", ""):
            raise TlsPinMismatch(
                host=host,
                fingerprint=format_fingerprint(got),
                pinned=format_fingerprint(pinned.replace(":", "")),
            )

    def not_trusted(
        self, host: str, port: int, err: ssl.SSLCertVerificationError, der: bytes | None
    ) -> TlsNotTrusted:
        fp = format_fingerprint(fingerprint(der)) if der else "?"
        exc = TlsNotTrusted(host=host, reason=tls_reason(err), fingerprint=fp)
        exc.params["sha256"] = fingerprint(der) if der else ""
        exc.params["port"] = port
        return exc


def grab_certificate(host: str, port: int, *, starttls: str = "", timeout: float = 10.0) -> bytes:
    """Fetch the server's certificate without verifying it (to show its fingerprint).

    ``starttls`` is "" for implicit TLS, or "imap" / "smtp" / "pop3" to upgrade first.
    """
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    with socket.create_connection((host, port), timeout=timeout) as raw:
        if starttls:
            _plain_upgrade(raw, starttls)
        with ctx.wrap_socket(raw, server_hostname=host) as tls:
            return tls.getpeercert(binary_form=True) or b""


def _plain_upgrade(sock: socket.socket, proto: str) -> None:
    f = sock.makefile("rb")
    f.readline()  # greeting
    if proto == "imap":
        sock.sendall(b"a STARTTLS\r\n")
        while not f.readline().startswith(b"a "):
            pass
    elif proto == "smtp":
        sock.sendall(b"EHLO replytrail\r\n")
        while (line := f.readline())[:4] not in (b"250 ", b"") and line[3:4] == b"-":
            pass
        sock.sendall(b"STARTTLS\r\n")
        f.readline()
    elif proto == "pop3":
        sock.sendall(b"STLS\r\n")
        f.readline()

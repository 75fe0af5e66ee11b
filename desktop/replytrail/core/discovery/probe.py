"""Probing guesses: connect to likely hosts on the standard ports and read what answers."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import socket
import ssl
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from replytrail.core.discovery.settings import Protocol, SecurityKind, ServerSettings

__all__ = [
    "PROBE_PORTS",
    "ProbeHit",
    "best_hit",
    "classify_greeting",
    "probe_domain",
    "probe_hosts",
    "probe_service",
]

log = logging.getLogger("replytrail.discovery")

#: port -> implicit TLS?
PROBE_PORTS: dict[int, bool] = {993: True, 143: False, 995: True, 110: False, 465: True, 587: False}
HOST_PREFIXES = ("imap.", "mail.", "", "pop.", "pop3.", "smtp.")
_STARTTLS = {"imap": b"STARTTLS", "pop3": b"STLS", "smtp": b"STARTTLS"}
_MAX_LINE = 8192
_MAX_LINES = 200


class _ProbeFailedError(Exception):
    """The service did not answer like a mail server we can use."""


@dataclass(frozen=True)
class ProbeHit:
    """A mail service found by probing, with what its TLS certificate showed."""

    host: str
    port: int
    protocol: Protocol
    security: SecurityKind
    tls_trusted: bool
    fingerprint: str  # SHA-256 of the certificate, AB:CD:...
    tls_error: str = ""
    capabilities: tuple[str, ...] = ()

    def settings(self, username: str) -> ServerSettings:
        return ServerSettings(
            self.protocol,
            self.host,
            self.port,
            self.security,
            username,
            tls_trusted=self.tls_trusted,
            fingerprint=self.fingerprint,
            tls_error=self.tls_error,
        )


def classify_greeting(line: bytes) -> Protocol | None:
    """``* OK``/``* PREAUTH`` is IMAP, ``+OK`` is POP3, ``220`` is SMTP."""
    if line.startswith((b"* OK", b"* PREAUTH")):
        return "imap"
    if line.startswith(b"+OK"):
        return "pop3"
    if line.startswith(b"220"):
        return "smtp"
    return None


def _fingerprint(der: bytes) -> str:
    return ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest())


class _Conn:
    """A line-oriented client over a socket (plain or TLS)."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buf = b""

    def readline(self) -> bytes:
        while b"\n" not in self.buf:
            if len(self.buf) > _MAX_LINE:
                raise _ProbeFailedError("line too long")
            chunk = self.sock.recv(4096)
            if not chunk:
                raise _ProbeFailedError("connection closed")
            self.buf += chunk
        line, _, self.buf = self.buf.partition(b"\n")
        return line.rstrip(b"\r")

    def send(self, data: bytes) -> None:
        self.sock.sendall(data + b"\r\n")

    def read_until(self, done: tuple[bytes, ...], fail: tuple[bytes, ...] = ()) -> list[bytes]:
        lines: list[bytes] = []
        for _ in range(_MAX_LINES):
            line = self.readline()
            lines.append(line)
            if line.startswith(done):
                return lines
            if fail and line.startswith(fail):
                raise _ProbeFailedError(line[:80].decode("ascii", "replace"))
        raise _ProbeFailedError("too many lines")


def _capabilities(conn: _Conn, protocol: Protocol, greeting: list[bytes]) -> set[bytes]:
    if protocol == "imap":
        conn.send(b"A1 CAPABILITY")
        lines = conn.read_until((b"A1 ",))
        words = [
            w for ln in lines if ln.upper().startswith(b"* CAPABILITY") for w in ln.split()[2:]
        ]
        return {w.upper() for w in words}
    if protocol == "pop3":
        conn.send(b"CAPA")
        try:
            lines = conn.read_until((b".",), fail=(b"-ERR",))
        except _ProbeFailedError:
            return set()
        return {ln.split()[0].upper() for ln in lines[1:-1] if ln.split()}
    conn.send(b"EHLO replytrail.invalid")
    lines = conn.read_until((b"250 ",), fail=(b"4", b"5"))
    return {ln[4:].split()[0].upper() for ln in lines if len(ln) > 4 and ln[4:].split()}


def _greeting(conn: _Conn) -> tuple[Protocol, list[bytes]]:
    first = conn.readline()
    protocol = classify_greeting(first)
    if protocol is None:
        raise _ProbeFailedError(f"unknown greeting {first[:40]!r}")
    lines = [first]
    while protocol == "smtp" and lines[-1].startswith(b"220-"):
        lines.append(conn.readline())
    return protocol, lines


def _starttls(conn: _Conn, protocol: Protocol) -> None:
    if protocol == "imap":
        conn.send(b"A2 STARTTLS")
        conn.read_until((b"A2 OK",), fail=(b"A2 ",))
    elif protocol == "pop3":
        conn.send(b"STLS")
        conn.read_until((b"+OK",), fail=(b"-ERR",))
    else:
        conn.send(b"STARTTLS")
        conn.read_until((b"220",), fail=(b"4", b"5"))
    if conn.buf:  # data after the go-ahead would be injected into the TLS session
        raise _ProbeFailedError("data after STARTTLS response")


def _session(
    host: str, port: int, implicit: bool, ctx: ssl.SSLContext, timeout: float
) -> tuple[Protocol, set[bytes], bytes]:
    """One conversation: returns protocol, capabilities, certificate (DER)."""
    raw = socket.create_connection((host, port), timeout=timeout)
    sock: socket.socket = raw
    try:
        if implicit:
            sock = ctx.wrap_socket(raw, server_hostname=host)
        conn = _Conn(sock)
        protocol, greeting = _greeting(conn)
        caps = _capabilities(conn, protocol, greeting)
        if not implicit:
            if _STARTTLS[protocol] not in caps:
                raise _ProbeFailedError(f"{protocol} without STARTTLS")
            _starttls(conn, protocol)
            sock = ctx.wrap_socket(raw, server_hostname=host)
        der = sock.getpeercert(binary_form=True) if isinstance(sock, ssl.SSLSocket) else None
        if not der:
            raise _ProbeFailedError("no certificate")
        with contextlib.suppress(OSError):
            sock.sendall(b"A9 LOGOUT\r\n" if protocol == "imap" else b"QUIT\r\n")
        return protocol, caps, der
    finally:
        sock.close()
        raw.close()


def _unverified() -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE  # only to read the certificate and report its fingerprint
    return ctx


def probe_service(
    host: str, port: int, timeout: float = 3.0, *, implicit: bool | None = None
) -> ProbeHit | None:
    """What answers on *host*:*port*, or ``None`` (closed, not mail, no TLS offered).

    The certificate is verified against the system trust store; when that fails the
    service is probed again without verification to report ``tls_trusted=False``, the
    verification error and the fingerprint. No credentials are ever sent.
    """
    if implicit is None:  # standard ports: 993/995/465 implicit TLS, 143/110/587 STARTTLS
        implicit = PROBE_PORTS.get(port, False)
    trusted, error = True, ""
    try:
        try:
            protocol, caps, der = _session(
                host, port, implicit, ssl.create_default_context(), timeout
            )
        except ssl.SSLCertVerificationError as e:
            trusted, error = False, str(e.verify_message or e.reason or e)
            protocol, caps, der = _session(host, port, implicit, _unverified(), timeout)
    except (OSError, _ProbeFailedError) as e:
        log.debug("probe %s:%d: %s", host, port, e)
        return None
    return ProbeHit(
        host,
        port,
        protocol,
        "ssl" if implicit else "starttls",
        trusted,
        _fingerprint(der),
        error,
        tuple(sorted(c.decode("ascii", "replace") for c in caps)),
    )


def _resolves(host: str) -> bool:
    try:
        return bool(socket.getaddrinfo(host, None, type=socket.SOCK_STREAM))
    except (OSError, UnicodeError):
        return False


def probe_hosts(
    hosts: Sequence[str], timeout: float, stop: threading.Event | None = None
) -> list[ProbeHit]:
    """Probe every resolvable host of *hosts* on every port of :data:`PROBE_PORTS`."""
    stop = stop or threading.Event()
    with ThreadPoolExecutor(max_workers=8, thread_name_prefix="probe-dns") as pool:
        alive = [h for h, ok in zip(hosts, pool.map(_resolves, hosts), strict=True) if ok]
    if stop.is_set() or not alive:
        return []
    jobs = [(h, p) for h in alive for p in PROBE_PORTS]

    def one(job: tuple[str, int]) -> ProbeHit | None:
        return None if stop.is_set() else probe_service(job[0], job[1], timeout)

    with ThreadPoolExecutor(max_workers=min(24, len(jobs)), thread_name_prefix="probe") as pool:
        return [hit for hit in pool.map(one, jobs) if hit is not None]


def probe_domain(
    domain: str, timeout: float, stop: threading.Event | None = None
) -> list[ProbeHit]:
    """Probe ``imap.``, ``mail.``, the domain, ``pop.``, ``pop3.``, ``smtp.`` + *domain*."""
    return probe_hosts([p + domain for p in HOST_PREFIXES], timeout, stop)


def best_hit(hits: Sequence[ProbeHit], protocol: Protocol) -> ProbeHit | None:
    """Trusted before untrusted, implicit TLS before STARTTLS, then host-name order.

    Host order prefers ``imap.``/``pop.`` for incoming and ``smtp.`` for outgoing.
    """
    order = ("smtp.", "mail.", "", "imap.") if protocol == "smtp" else HOST_PREFIXES
    prefixes = {p: i for i, p in enumerate(order)}

    def host_rank(host: str) -> int:
        for p, i in prefixes.items():
            if p and host.startswith(p):
                return i
        return prefixes.get("", len(order))

    mine = [h for h in hits if h.protocol == protocol]
    if not mine:
        return None
    return min(mine, key=lambda h: (not h.tls_trusted, h.security != "ssl", host_rank(h.host)))

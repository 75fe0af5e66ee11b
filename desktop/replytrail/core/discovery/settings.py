"""Typed results of discovery: server settings, provider facts and the overall result."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "SOURCES",
    "AuthKind",
    "DiscoveryResult",
    "Protocol",
    "Provider",
    "SecurityKind",
    "ServerSettings",
    "ServerTemplate",
    "Source",
    "StepLog",
    "expand_username",
]

Protocol = Literal["imap", "pop3", "smtp"]
SecurityKind = Literal["ssl", "starttls"]
AuthKind = Literal["password", "app-password", "oauth2"]
Source = Literal["preset", "provider-db", "autoconfig", "ispdb", "dns-srv", "dns-mx", "probe"]

#: discovery steps in priority order (SPEC §4.1); the first hit in this order wins
SOURCES: tuple[Source, ...] = (
    "preset",
    "provider-db",
    "autoconfig",
    "ispdb",
    "dns-srv",
    "dns-mx",
    "probe",
)


def expand_username(form: str, email: str) -> str:
    """Turn a username form into the login name for *email*.

    *form* is ``"email"``, ``"localpart"``, or a template with Thunderbird's placeholders
    ``%EMAILADDRESS%``, ``%EMAILLOCALPART%``, ``%EMAILDOMAIN%``; empty means the address.
    """
    local, _, domain = email.partition("@")
    if form in ("", "email"):
        return email
    if form == "localpart":
        return local
    return (
        form.replace("%EMAILADDRESS%", email)
        .replace("%EMAILLOCALPART%", local)
        .replace("%EMAILDOMAIN%", domain)
    )


@dataclass(frozen=True)
class ServerSettings:
    """One server to use: ``imap``/``pop3`` incoming or ``smtp`` outgoing.

    ``tls_trusted`` is ``None`` when not checked (only probing connects), ``False`` with a
    ``fingerprint`` (SHA-256, ``AB:CD:…``) and ``tls_error`` when the certificate failed
    verification against the system trust store.
    """

    protocol: Protocol
    host: str
    port: int
    security: SecurityKind
    username: str
    tls_trusted: bool | None = None
    fingerprint: str = ""
    tls_error: str = ""

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "protocol": self.protocol,
            "host": self.host,
            "port": self.port,
            "security": self.security,
            "username": self.username,
        }
        if self.tls_trusted is not None:
            out["tls_trusted"] = self.tls_trusted
        if self.fingerprint:
            out["fingerprint"] = self.fingerprint
        if self.tls_error:
            out["tls_error"] = self.tls_error
        return out


@dataclass(frozen=True)
class ServerTemplate:
    """A server as a provider publishes it; ``username`` is a form for :func:`expand_username`."""

    protocol: Protocol
    host: str
    port: int
    security: SecurityKind
    username: str = "email"

    def for_email(self, email: str) -> ServerSettings:
        return ServerSettings(
            self.protocol,
            self.host,
            self.port,
            self.security,
            expand_username(self.username, email),
        )


@dataclass(frozen=True)
class Provider:
    """What Replytrail knows about a mail provider (built-in database or an autoconfig file).

    ``imap_steps`` maps a language code (``"en"``, ``"de"``) to the steps that switch IMAP
    on at this provider; ``auth`` is what a password user needs, ``oauth2`` whether the
    provider also offers sign-in with the provider (SPEC §4.4).
    """

    id: str
    name: str
    domains: tuple[str, ...] = ()
    mx_patterns: tuple[str, ...] = ()
    imap: ServerTemplate | None = None
    smtp: ServerTemplate | None = None
    pop3: ServerTemplate | None = None
    auth: AuthKind = "password"
    oauth2: bool = False
    enable_imap_url: str = ""
    app_password_url: str = ""
    imap_steps: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def steps(self, language: str) -> tuple[str, ...]:
        """IMAP-enable steps in *language*, falling back to English."""
        return self.imap_steps.get(language) or self.imap_steps.get("en", ())

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "auth": self.auth,
            "oauth2": self.oauth2,
            "enable_imap_url": self.enable_imap_url,
            "app_password_url": self.app_password_url,
        }


@dataclass(frozen=True)
class StepLog:
    """What one discovery step did.

    ``outcome``: ``hit`` (IMAP), ``pop3``, ``smtp-only``, ``miss``, ``error``, ``timeout``,
    ``not-needed`` (a higher-priority step had already won) or ``cancelled``.
    """

    source: Source
    outcome: str
    detail: str = ""
    seconds: float = 0.0

    def to_json(self) -> dict[str, object]:
        return {
            "source": self.source,
            "outcome": self.outcome,
            "detail": self.detail,
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class DiscoveryResult:
    """The answer of :func:`replytrail.core.discovery.discover`.

    ``incoming`` is IMAP when any step found IMAP; otherwise POP3 with ``pop3_only`` set and
    ``guidance`` holding the explanation (SPEC §4.3). ``source`` names the step that found
    ``incoming`` (``None``: nothing found); ``outgoing_source`` the one that found ``outgoing``.
    ``to_json()`` is the stable ``discover --json`` contract of SPEC §12.
    """

    email: str
    incoming: ServerSettings | None = None
    outgoing: ServerSettings | None = None
    source: Source | None = None
    outgoing_source: Source | None = None
    pop3_only: bool = False
    guidance: str = ""
    provider: Provider | None = None
    steps_tried: tuple[StepLog, ...] = ()
    cancelled: bool = False

    @property
    def found(self) -> bool:
        return self.incoming is not None

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "email": self.email,
            "incoming": self.incoming.to_json() if self.incoming else None,
            "outgoing": self.outgoing.to_json() if self.outgoing else None,
            "source": self.source,
            "outgoing_source": self.outgoing_source,
            "pop3_only": self.pop3_only,
        }
        if self.pop3_only:
            out["guidance"] = self.guidance
        out["provider"] = self.provider.to_json() if self.provider else None
        out["steps_tried"] = [s.to_json() for s in self.steps_tried]
        return out

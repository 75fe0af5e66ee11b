"""The built-in provider database (``resources/providers.json``), looked up by domain or MX."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from replytrail.core.discovery.settings import (
    AuthKind,
    Protocol,
    Provider,
    SecurityKind,
    ServerTemplate,
)
from replytrail.core.resources import resources_dir

__all__ = ["ProviderDB", "load_providers", "mx_matches", "provider_from_json"]

_AUTH: tuple[AuthKind, ...] = ("password", "app-password", "oauth2")
_SECURITY: tuple[SecurityKind, ...] = ("ssl", "starttls")


def _template(raw: object, protocol: Protocol, username: str) -> ServerTemplate | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise ValueError(f"{protocol}: expected an object, got {raw!r}")
    security = str(raw["security"])
    if security not in _SECURITY:
        raise ValueError(f"{protocol}: unknown security {security!r}")
    return ServerTemplate(
        protocol=protocol,
        host=str(raw["host"]).lower(),
        port=int(raw["port"]),
        security=security,
        username=str(raw.get("username", username)),
    )


def provider_from_json(raw: Mapping[str, Any]) -> Provider:
    """One ``providers.json`` entry as a :class:`Provider` (``ValueError`` when malformed)."""
    username = str(raw.get("username", "email"))
    auth = str(raw.get("auth", "password"))
    if auth not in _AUTH:
        raise ValueError(f"{raw.get('id')}: unknown auth {auth!r}")
    steps = raw.get("imap_steps") or {}
    return Provider(
        id=str(raw["id"]),
        name=str(raw["name"]),
        domains=tuple(str(d).lower() for d in raw.get("domains", ())),
        mx_patterns=tuple(str(m).lower().rstrip(".") for m in raw.get("mx", ())),
        imap=_template(raw.get("imap"), "imap", username),
        smtp=_template(raw.get("smtp"), "smtp", username),
        pop3=_template(raw.get("pop3"), "pop3", username),
        auth=auth,
        oauth2=bool(raw.get("oauth2", False)),
        enable_imap_url=str(raw.get("enable_imap_url", "")),
        app_password_url=str(raw.get("app_password_url", "")),
        imap_steps={str(k): tuple(str(s) for s in v) for k, v in steps.items()},
    )


def mx_matches(mx_host: str, pattern: str) -> bool:
    """``aspmx.l.google.com`` matches ``google.com`` (the name itself or a sub-domain of it)."""
    host = mx_host.lower().rstrip(".")
    return host == pattern or host.endswith("." + pattern)


@dataclass(frozen=True)
class ProviderDB:
    """The providers, with lookups by address domain and by MX host names."""

    providers: tuple[Provider, ...]

    def by_id(self, provider_id: str) -> Provider | None:
        return next((p for p in self.providers if p.id == provider_id), None)

    def by_domain(self, domain: str) -> Provider | None:
        domain = domain.lower().rstrip(".")
        return next((p for p in self.providers if domain in p.domains), None)

    def by_mx(self, mx_hosts: Sequence[str]) -> tuple[Provider, str] | None:
        """The provider of the most preferred MX host that matches, and that host.

        *mx_hosts* come in preference order; among patterns matching one host the longest
        wins (``olc.protection.outlook.com`` = Outlook.com before ``protection.outlook.com``).
        """
        for host in mx_hosts:
            best: tuple[int, Provider] | None = None
            for p in self.providers:
                for pattern in p.mx_patterns:
                    if mx_matches(host, pattern) and (best is None or len(pattern) > best[0]):
                        best = (len(pattern), p)
            if best is not None:
                return best[1], host.lower().rstrip(".")
        return None

    @classmethod
    def from_entries(cls, entries: Iterable[Mapping[str, Any]]) -> ProviderDB:
        return cls(tuple(provider_from_json(e) for e in entries))


def load_providers(path: Path | None = None) -> ProviderDB:
    """Read ``providers.json`` (default: the one in :func:`resources_dir`)."""
    path = path or resources_dir() / "providers.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return ProviderDB.from_entries(data["providers"])

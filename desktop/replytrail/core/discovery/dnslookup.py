"""DNS steps: RFC 6186 SRV records and MX records mapped to known providers (dnspython)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import dns.resolver

from replytrail.core.discovery.providers import ProviderDB
from replytrail.core.discovery.settings import (
    Protocol,
    Provider,
    SecurityKind,
    ServerSettings,
)

__all__ = [
    "SRV_SERVICES",
    "SrvRecord",
    "lookup_mx",
    "lookup_srv",
    "provider_from_mx",
    "settings_from_srv",
]

#: RFC 6186 / RFC 8314 services in order of preference (implicit TLS first)
SRV_SERVICES: tuple[tuple[str, Protocol, SecurityKind], ...] = (
    ("_imaps._tcp", "imap", "ssl"),
    ("_imap._tcp", "imap", "starttls"),
    ("_pop3s._tcp", "pop3", "ssl"),
    ("_pop3._tcp", "pop3", "starttls"),
    ("_submissions._tcp", "smtp", "ssl"),
    ("_submission._tcp", "smtp", "starttls"),
)


@dataclass(frozen=True)
class SrvRecord:
    priority: int
    weight: int
    port: int
    target: str  # without the final dot; "" means "." = service not offered


def _resolver(timeout: float) -> dns.resolver.Resolver:
    r = dns.resolver.Resolver()  # the system's resolv.conf
    r.lifetime = timeout
    r.timeout = timeout
    return r


def lookup_srv(domain: str, timeout: float) -> dict[str, list[SrvRecord]]:
    """SRV records per service name of :data:`SRV_SERVICES` (missing names are left out)."""
    resolver = _resolver(timeout)
    out: dict[str, list[SrvRecord]] = {}
    for service, _, _ in SRV_SERVICES:
        try:
            answer = resolver.resolve(f"{service}.{domain}", "SRV")
        except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer, dns.resolver.NoNameservers):
            continue
        out[service] = [
            SrvRecord(r.priority, r.weight, r.port, r.target.to_text(omit_final_dot=True))
            for r in answer
        ]
    return out


def _pick(records: Sequence[SrvRecord]) -> SrvRecord | None:
    """RFC 2782: lowest priority, then highest weight; a lone "." target = not offered."""
    usable = [r for r in records if r.target not in ("", ".")]
    if not usable:
        return None
    return sorted(usable, key=lambda r: (r.priority, -r.weight))[0]


def settings_from_srv(
    records: Mapping[str, Sequence[SrvRecord]], email: str
) -> tuple[ServerSettings | None, ServerSettings | None, ServerSettings | None]:
    """(IMAP, POP3, SMTP) settings from SRV records, preferring implicit TLS."""
    found: dict[Protocol, ServerSettings] = {}
    for service, protocol, security in SRV_SERVICES:
        rec = _pick(records.get(service, ()))
        if rec is None or protocol in found:
            continue
        found[protocol] = ServerSettings(protocol, rec.target.lower(), rec.port, security, email)
    return found.get("imap"), found.get("pop3"), found.get("smtp")


def lookup_mx(domain: str, timeout: float) -> list[str]:
    """MX host names in preference order (empty: none)."""
    try:
        answer = _resolver(timeout).resolve(domain, "MX")
    except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer, dns.resolver.NoNameservers):
        return []
    ordered = sorted(answer, key=lambda r: r.preference)
    return [r.exchange.to_text(omit_final_dot=True).lower() for r in ordered]


def provider_from_mx(mx_hosts: Sequence[str], db: ProviderDB) -> tuple[Provider, str] | None:
    """The known provider behind these MX hosts (e.g. ``aspmx.l.google.com`` -> Gmail)."""
    return db.by_mx(mx_hosts)

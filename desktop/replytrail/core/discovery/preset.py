"""Team preset step: server settings an administrator deployed for the team's domains."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from replytrail.core.discovery.settings import (
    AuthKind,
    Provider,
    SecurityKind,
    ServerSettings,
    expand_username,
)

__all__ = ["PresetError", "preset_entry", "preset_section", "settings_from_preset"]

_DEFAULT_PORT = {
    ("imap", "ssl"): 993,
    ("imap", "starttls"): 143,
    ("smtp", "ssl"): 465,
    ("smtp", "starttls"): 587,
}


class PresetError(ValueError):
    """The preset's server section is malformed (a message naming the bad key)."""


def preset_section(preset: Mapping[str, Any]) -> Mapping[str, Any]:
    """The discovery part of a team preset.

    Accepts the whole preset (uses its ``[servers]`` table, else ``[providers]``, else
    ``[server]``) or that section itself (it has ``domains`` and/or ``default``).
    """
    if "domains" in preset or "default" in preset:
        return preset
    for key in ("servers", "providers", "server"):
        section = preset.get(key)
        if isinstance(section, Mapping):
            return section
    return {}


def preset_entry(preset: Mapping[str, Any], domain: str) -> Mapping[str, Any] | None:
    """The entry for *domain*: ``domains[domain]``, else ``default``, else ``None``."""
    section = preset_section(preset)
    domains = section.get("domains") or {}
    if not isinstance(domains, Mapping):
        raise PresetError("preset: 'domains' must be a table")
    entry = domains.get(domain.lower())
    if entry is None:
        entry = section.get("default")
    if entry is not None and not isinstance(entry, Mapping):
        raise PresetError(f"preset: the entry for {domain} must be a table")
    return entry


def _server(entry: Mapping[str, Any], kind: str, email: str) -> ServerSettings | None:
    host = entry.get(f"{kind}_host")
    if not host:
        return None
    security = str(entry.get(f"{kind}_security", "ssl")).lower()
    if security not in ("ssl", "starttls"):
        raise PresetError(f"preset: {kind}_security must be 'ssl' or 'starttls', not {security!r}")
    try:
        port = int(entry.get(f"{kind}_port") or _DEFAULT_PORT[(kind, security)])
    except (TypeError, ValueError) as e:
        raise PresetError(f"preset: {kind}_port must be a number") from e
    form = str(entry.get(f"{kind}_username", entry.get("username", "email")))
    return ServerSettings(
        "imap" if kind == "imap" else "smtp",
        str(host).lower(),
        port,
        cast(SecurityKind, security),
        expand_username(form, email),
    )


def settings_from_preset(
    preset: Mapping[str, Any], email: str
) -> tuple[ServerSettings | None, ServerSettings | None, Provider | None]:
    """(IMAP, SMTP, provider) for *email* from the team preset.

    The shape (TOML shown; any ``Mapping`` of the same shape works)::

        [servers.domains."example.com"]   # one table per mail domain of the team
        imap_host = "imap.example.com"
        imap_port = 993                     # optional: 993 for ssl, 143 for starttls
        imap_security = "ssl"               # "ssl" (implicit TLS) | "starttls"
        smtp_host = "smtp.example.com"
        smtp_port = 465                     # optional: 465 for ssl, 587 for starttls
        smtp_security = "ssl"
        username = "email"                  # "email" | "localpart" | "%EMAILLOCALPART%@corp"
                                            # (imap_username / smtp_username override it)
        auth = "password"                   # "password" | "app-password" | "oauth2"
        name = "Example Corp mail"          # shown to the user
        enable_imap_url = ""                # optional help pages
        app_password_url = ""

        [servers.default]                  # optional: for every other domain
        imap_host = "mail.example.net"
        ...

    Returns ``(None, None, None)`` when the preset has nothing for this domain.
    """
    domain = email.rpartition("@")[2].lower()
    entry = preset_entry(preset, domain)
    if not entry:
        return None, None, None
    auth = str(entry.get("auth", "password"))
    if auth not in ("password", "app-password", "oauth2"):
        raise PresetError(f"preset: unknown auth {auth!r}")
    provider = Provider(
        id="preset",
        name=str(entry.get("name", domain)),
        domains=(domain,),
        auth=cast(AuthKind, auth),
        oauth2=auth == "oauth2",
        enable_imap_url=str(entry.get("enable_imap_url", "")),
        app_password_url=str(entry.get("app_password_url", "")),
    )
    return _server(entry, "imap", email), _server(entry, "smtp", email), provider

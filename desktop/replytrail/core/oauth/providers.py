"""Sign-in providers as data (``resources/oauth_providers.json``) and where client ids come from."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from replytrail.core.config import Settings
from replytrail.core.errors import SettingsError
from replytrail.core.i18n import QT_TRANSLATE_NOOP
from replytrail.core.models import Account, Security
from replytrail.core.resources import resources_dir

__all__ = [
    "AppPasswordOnly",
    "Endpoints",
    "OAuthCatalog",
    "OAuthProvider",
    "ServerDefault",
    "load_catalog",
    "resolve_client_id",
]


@dataclass(frozen=True)
class ServerDefault:
    host: str
    port: int
    security: Security


@dataclass(frozen=True)
class Endpoints:
    """The provider's URLs with the tenant filled in, and the client id to use."""

    authorization: str
    token: str
    device: str
    revocation: str
    issuer: str
    client_id: str
    client_secret: str = ""  # only where a provider insists (Google's desktop clients)


@dataclass(frozen=True)
class OAuthProvider:
    """One identity provider: endpoints, scopes, mail hosts, and where its client id lives."""

    id: str
    name: str
    authorization_endpoint: str
    token_endpoint: str
    scopes: tuple[str, ...]
    device_authorization_endpoint: str = ""
    revocation_endpoint: str = ""
    issuer: str = ""  # RFC 9207: checked when the provider sends ``iss``
    extra_params: Mapping[str, str] = field(default_factory=dict)
    client_id: str = ""  # build-time value (a packager's registration)
    client_id_setting: str = ""
    client_secret: str = ""  # build-time, like client_id; not confidential in a desktop app
    client_secret_setting: str = ""
    tenant_setting: str = ""
    default_tenant: str = ""
    discovery_ids: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()
    imap: ServerDefault | None = None
    smtp: ServerDefault | None = None
    register_url: str = ""
    app_password_url: str = ""

    def endpoints(self, settings: Settings | None) -> Endpoints:
        tenant = self.default_tenant
        if settings is not None and self.tenant_setting:
            tenant = str(settings.get(self.tenant_setting) or tenant)

        def fill(url: str) -> str:
            return url.replace("{tenant}", tenant)

        return Endpoints(
            authorization=fill(self.authorization_endpoint),
            token=fill(self.token_endpoint),
            device=fill(self.device_authorization_endpoint),
            revocation=fill(self.revocation_endpoint),
            issuer=fill(self.issuer),
            client_id=resolve_client_id(self, settings),
            client_secret=_layered(settings, self.client_secret_setting, self.client_secret),
        )


@dataclass(frozen=True)
class AppPasswordOnly:
    """A provider that takes app passwords only (no sign-in Replytrail can use)."""

    id: str
    name: str
    domains: tuple[str, ...]
    url: str


def _layered(settings: Settings | None, key: str, built_in: str) -> str:
    if settings is not None and key:
        configured = str(settings.get(key) or "").strip()
        if configured:
            return configured
    return built_in.strip()


def resolve_client_id(provider: OAuthProvider, settings: Settings | None) -> str:
    """Build-time value < team preset < user setting (``Settings`` layers the last two)."""
    return _layered(settings, provider.client_id_setting, provider.client_id)


def _server(raw: object) -> ServerDefault | None:
    if not isinstance(raw, Mapping):
        return None
    return ServerDefault(str(raw["host"]), int(raw["port"]), Security(str(raw["security"])))


def _provider(pid: str, raw: Mapping[str, Any]) -> OAuthProvider:
    return OAuthProvider(
        id=pid,
        name=str(raw.get("name", pid)),
        authorization_endpoint=str(raw["authorization_endpoint"]),
        token_endpoint=str(raw["token_endpoint"]),
        scopes=tuple(str(s) for s in raw.get("scopes", ())),
        device_authorization_endpoint=str(raw.get("device_authorization_endpoint", "")),
        revocation_endpoint=str(raw.get("revocation_endpoint", "")),
        issuer=str(raw.get("issuer", "")),
        extra_params={str(k): str(v) for k, v in dict(raw.get("extra_params", {})).items()},
        client_id=str(raw.get("client_id", "")),
        client_id_setting=str(raw.get("client_id_setting", "")),
        client_secret=str(raw.get("client_secret", "")),
        client_secret_setting=str(raw.get("client_secret_setting", "")),
        tenant_setting=str(raw.get("tenant_setting", "")),
        default_tenant=str(raw.get("default_tenant", "")),
        discovery_ids=tuple(str(s) for s in raw.get("discovery_ids", ())),
        hosts=tuple(str(h).lower() for h in raw.get("hosts", ())),
        imap=_server(raw.get("imap")),
        smtp=_server(raw.get("smtp")),
        register_url=str(raw.get("register_url", "")),
        app_password_url=str(raw.get("app_password_url", "")),
    )


@dataclass(frozen=True)
class OAuthCatalog:
    """The sign-in providers (built-in, then the team preset's ``[oauth_providers.ID]``)."""

    providers: tuple[OAuthProvider, ...]
    app_password_only: tuple[AppPasswordOnly, ...] = ()

    def ids(self) -> list[str]:
        return [p.id for p in self.providers]

    def get(self, provider_id: str) -> OAuthProvider:
        for p in self.providers:
            if p.id == provider_id:
                return p
        raise SettingsError(
            QT_TRANSLATE_NOOP(
                "errors", "Unknown sign-in provider {name!r}; Replytrail knows: {known}."
            ),
            name=provider_id,
            known=", ".join(self.ids()),
        )

    def for_discovery(self, discovery_id: str) -> OAuthProvider | None:
        return next((p for p in self.providers if discovery_id in p.discovery_ids), None)

    def for_host(self, host: str) -> OAuthProvider | None:
        host = host.lower()
        return next((p for p in self.providers if host in p.hosts), None)

    def for_account(self, account: Account) -> OAuthProvider:
        if account.oauth_provider:
            return self.get(account.oauth_provider)
        found = self.for_host(account.imap_host)
        if found is None:
            raise SettingsError(
                QT_TRANSLATE_NOOP(
                    "errors", "No sign-in provider is known for {email}: add the account again."
                ),
                email=account.email,
            )
        return found

    def app_password_only_for(self, email: str) -> AppPasswordOnly | None:
        domain = email.rpartition("@")[2].lower()
        return next((a for a in self.app_password_only if domain in a.domains), None)


def load_catalog(preset: Mapping[str, Any] | None = None, path: Path | None = None) -> OAuthCatalog:
    """Read the providers file; a team preset may add providers or override fields of one."""
    path = path or resources_dir() / "oauth_providers.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    raw: dict[str, dict[str, Any]] = {str(p["id"]): dict(p) for p in data["providers"]}
    extra = (preset or {}).get("oauth_providers", {})
    if isinstance(extra, Mapping):
        for pid, fields in extra.items():
            if isinstance(fields, Mapping):
                raw[str(pid)] = {**raw.get(str(pid), {}), **fields}
    try:
        providers = tuple(_provider(pid, r) for pid, r in raw.items())
    except (KeyError, ValueError, TypeError) as e:
        raise SettingsError(
            QT_TRANSLATE_NOOP("errors", "A sign-in provider is configured wrongly: {detail}"),
            detail=e,
        ) from None
    apo = tuple(
        AppPasswordOnly(
            str(a["id"]), str(a["name"]), tuple(str(d) for d in a["domains"]), str(a["url"])
        )
        for a in data.get("app_password_only", ())
    )
    return OAuthCatalog(providers, apo)


def with_client_id(provider: OAuthProvider, client_id: str) -> OAuthProvider:
    """A copy with another build-time client id (for a packager's build step and tests)."""
    return replace(provider, client_id=client_id)

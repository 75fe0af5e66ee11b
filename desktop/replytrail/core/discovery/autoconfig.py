"""Thunderbird autoconfig (config-v1.1.xml): fetch over verified HTTPS and parse safely."""

from __future__ import annotations

import logging
import re
import ssl
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET  # DTDs/entities are rejected before parsing
from dataclasses import dataclass
from typing import cast

from replytrail.core.discovery.settings import (
    AuthKind,
    Protocol,
    Provider,
    SecurityKind,
    ServerSettings,
    expand_username,
)

__all__ = [
    "AutoconfigError",
    "ClientConfig",
    "autoconfig_urls",
    "fetch_config",
    "ispdb_url",
    "parse_config",
]

log = logging.getLogger("replytrail.discovery")

MAX_BYTES = 256 * 1024
ISPDB = "https://autoconfig.thunderbird.net/v1.1/"
_SOCKET: dict[str, SecurityKind] = {"ssl": "ssl", "tls": "ssl", "starttls": "starttls"}
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST)", re.IGNORECASE)


class AutoconfigError(ValueError):
    """The document is not a usable config-v1.1 file (or is hostile: DTD, entities, too big)."""


@dataclass(frozen=True)
class ClientConfig:
    """The usable part of one config-v1.1 file, in the provider's order of preference.

    Servers with ``socketType`` plain are dropped (SPEC §13: TLS is required).
    """

    provider: Provider
    incoming: tuple[ServerSettings, ...]
    outgoing: tuple[ServerSettings, ...]


def _text(el: ET.Element, tag: str) -> str:
    return (el.findtext(tag) or "").strip()


def _server(el: ET.Element, email: str) -> ServerSettings | None:
    protocol = (el.get("type") or "").lower()
    security = _SOCKET.get(_text(el, "socketType").lower())
    host = _text(el, "hostname")
    port = _text(el, "port")
    if protocol not in ("imap", "pop3", "smtp") or security is None or not host:
        return None
    if not port.isdigit() or not 0 < int(port) < 65536:
        return None
    return ServerSettings(
        protocol=cast(Protocol, protocol),
        host=expand_username(host, email).lower(),
        port=int(port),
        security=security,
        username=expand_username(_text(el, "username") or "%EMAILADDRESS%", email),
    )


def _auth(provider_el: ET.Element) -> AuthKind:
    methods = {(a.text or "").strip().lower() for a in provider_el.iter("authentication")}
    return "oauth2" if methods == {"oauth2"} else "password"


def _instructions(provider_el: ET.Element) -> tuple[str, dict[str, tuple[str, ...]]]:
    url = ""
    steps: dict[str, list[str]] = {}
    for enable in provider_el.iter("enable"):
        url = url or (enable.get("visiturl") or "").strip()
        for ins in enable.iter("instruction"):
            lang = (ins.get("lang") or "en").lower()[:2]
            if ins.text and ins.text.strip():
                steps.setdefault(lang, []).append(" ".join(ins.text.split()))
    return url, {k: tuple(v) for k, v in steps.items()}


def parse_config(data: bytes, email: str) -> ClientConfig:
    """Parse a Thunderbird config-v1.1 document for *email*.

    Placeholders (``%EMAILADDRESS%``, ``%EMAILLOCALPART%``, ``%EMAILDOMAIN%``) are filled;
    ``<enable visiturl>`` with its ``<instruction lang>`` texts becomes the provider's
    IMAP-enable URL and steps. Raises :class:`AutoconfigError`.
    """
    if len(data) > MAX_BYTES:
        raise AutoconfigError("document too large")
    if _DTD.search(data):
        raise AutoconfigError("document has a DTD or entity declarations")
    try:
        root = ET.fromstring(data)  # noqa: S314 - no DTD (checked above), size capped
    except ET.ParseError as e:
        raise AutoconfigError(f"not XML: {e}") from e
    provider_el = root.find("emailProvider") if root.tag == "clientConfig" else None
    if provider_el is None:
        raise AutoconfigError("no clientConfig/emailProvider")
    domain = email.rpartition("@")[2].lower()
    url, steps = _instructions(provider_el)
    provider = Provider(
        id=provider_el.get("id") or domain,
        name=_text(provider_el, "displayName") or domain,
        domains=tuple(d.text.strip().lower() for d in provider_el.iter("domain") if d.text),
        auth=_auth(provider_el),
        oauth2="oauth2"
        in {(a.text or "").strip().lower() for a in provider_el.iter("authentication")},
        enable_imap_url=url,
        imap_steps=steps,
    )
    incoming = [_server(e, email) for e in provider_el.iter("incomingServer")]
    outgoing = [_server(e, email) for e in provider_el.iter("outgoingServer")]
    cfg = ClientConfig(
        provider,
        tuple(s for s in incoming if s and s.protocol in ("imap", "pop3")),
        tuple(s for s in outgoing if s and s.protocol == "smtp"),
    )
    if not cfg.incoming:
        raise AutoconfigError("no incoming server with TLS")
    return cfg


def autoconfig_urls(email: str) -> tuple[str, str]:
    """The domain's own autoconfig locations, in the order Thunderbird asks them."""
    domain = email.rpartition("@")[2].lower()
    query = urllib.parse.urlencode({"emailaddress": email})
    return (
        f"https://autoconfig.{domain}/mail/config-v1.1.xml?{query}",
        f"https://{domain}/.well-known/autoconfig/mail/config-v1.1.xml",
    )


def ispdb_url(email: str) -> str:
    return ISPDB + urllib.parse.quote(email.rpartition("@")[2].lower())


class _HttpsOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to other ``https://`` URLs (never downgrade to plain HTTP)."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: object,
        code: int,
        msg: str,
        headers: object,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not newurl.lower().startswith("https://"):
            raise urllib.error.URLError(f"redirect to a non-HTTPS URL refused: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)  # type: ignore[arg-type]


def fetch_config(url: str, email: str, timeout: float) -> ClientConfig:
    """GET *url* with certificate verification (system trust store) and parse it.

    Raises ``OSError`` (network, TLS, HTTP status) or :class:`AutoconfigError`.
    """
    if not url.startswith("https://"):
        raise AutoconfigError("autoconfig is only fetched over HTTPS")
    ctx = ssl.create_default_context()
    opener = urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=ctx), _HttpsOnlyRedirects()
    )
    req = urllib.request.Request(url, headers={"User-Agent": "Replytrail", "Accept": "*/*"})  # noqa: S310
    with opener.open(req, timeout=timeout) as resp:
        data = resp.read(MAX_BYTES + 1)
    log.debug("autoconfig %s: %d bytes", url.split("?")[0], len(data))
    return parse_config(data, email)

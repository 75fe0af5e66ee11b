"""Thunderbird config-v1.1 parsing: real-shaped ISPDB/provider files, placeholders, hostile XML."""

from __future__ import annotations

import pytest

from replytrail.core.discovery.autoconfig import (
    AutoconfigError,
    autoconfig_urls,
    fetch_config,
    ispdb_url,
    parse_config,
)
from replytrail.core.discovery.settings import ServerSettings

# shaped like the ISPDB entry for a large German provider: POP3 listed first, then IMAP,
# plain variants, several outgoing servers, <enable> instructions and documentation
ISPDB_LIKE = b"""<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="example.de">
    <domain>example.de</domain>
    <domain>example.net</domain>
    <displayName>Example Mail</displayName>
    <displayShortName>Example</displayShortName>
    <incomingServer type="pop3">
      <hostname>pop.example.de</hostname>
      <port>995</port>
      <socketType>SSL</socketType>
      <authentication>password-cleartext</authentication>
      <username>%EMAILADDRESS%</username>
    </incomingServer>
    <incomingServer type="imap">
      <hostname>imap.example.de</hostname>
      <port>143</port>
      <socketType>plain</socketType>
      <authentication>password-cleartext</authentication>
      <username>%EMAILADDRESS%</username>
    </incomingServer>
    <incomingServer type="imap">
      <hostname>imap.example.de</hostname>
      <port>993</port>
      <socketType>SSL</socketType>
      <authentication>password-cleartext</authentication>
      <username>%EMAILADDRESS%</username>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>mail.example.de</hostname>
      <port>587</port>
      <socketType>STARTTLS</socketType>
      <authentication>password-cleartext</authentication>
      <username>%EMAILADDRESS%</username>
    </outgoingServer>
    <enable visiturl="https://hilfe.example.de/pop-imap/einschalten.html">
      <instruction lang="de">Sie m\xc3\xbcssen IMAP im Webmail einschalten.</instruction>
      <instruction lang="en">You must   enable IMAP
        in web mail.</instruction>
    </enable>
    <documentation url="https://hilfe.example.de/pop-imap/">
      <descr lang="en">Help</descr>
    </documentation>
  </emailProvider>
</clientConfig>
"""

LOCALPART_OAUTH = b"""<?xml version="1.0"?>
<clientConfig version="1.1">
  <emailProvider id="corp.test">
    <domain>corp.test</domain>
    <displayName>Corp</displayName>
    <incomingServer type="imap">
      <hostname>imap.%EMAILDOMAIN%</hostname>
      <port>993</port>
      <socketType>SSL</socketType>
      <authentication>OAuth2</authentication>
      <username>%EMAILLOCALPART%</username>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.corp.test</hostname>
      <port>465</port>
      <socketType>SSL</socketType>
      <authentication>OAuth2</authentication>
      <username>%EMAILLOCALPART%</username>
    </outgoingServer>
  </emailProvider>
</clientConfig>
"""


def test_imap_preferred_plain_dropped_pop3_kept() -> None:
    cfg = parse_config(ISPDB_LIKE, "max@example.de")
    imap = [s for s in cfg.incoming if s.protocol == "imap"]
    assert imap == [ServerSettings("imap", "imap.example.de", 993, "ssl", "max@example.de")]
    assert cfg.incoming[0].protocol == "pop3"  # provider order kept; the engine picks IMAP
    assert cfg.outgoing == (
        ServerSettings("smtp", "mail.example.de", 587, "starttls", "max@example.de"),
    )
    assert cfg.provider.name == "Example Mail"
    assert cfg.provider.domains == ("example.de", "example.net")


def test_enable_instructions_become_provider_steps() -> None:
    p = parse_config(ISPDB_LIKE, "max@example.de").provider
    assert p.enable_imap_url == "https://hilfe.example.de/pop-imap/einschalten.html"
    assert p.steps("en") == ("You must enable IMAP in web mail.",)
    assert p.steps("de") == ("Sie müssen IMAP im Webmail einschalten.",)
    assert p.steps("fr") == p.steps("en")


def test_placeholders_and_oauth2() -> None:
    cfg = parse_config(LOCALPART_OAUTH, "Jo.Doe@corp.test")
    assert cfg.incoming[0] == ServerSettings("imap", "imap.corp.test", 993, "ssl", "Jo.Doe")
    assert cfg.outgoing[0].username == "Jo.Doe"
    assert cfg.provider.auth == "oauth2"
    assert cfg.provider.oauth2


@pytest.mark.parametrize(
    "doc",
    [
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><clientConfig/>',
        b'<!DOCTYPE clientConfig SYSTEM "http://evil.test/x.dtd"><clientConfig/>',
        b"<clientConfig><emailProvider>",
        b"<html><body>404</body></html>",
        b"<clientConfig><emailProvider id='x'><incomingServer type='imap'><hostname>h"
        b"</hostname><port>143</port><socketType>plain</socketType></incomingServer>"
        b"</emailProvider></clientConfig>",
        b"<clientConfig><emailProvider id='x'><incomingServer type='imap'><hostname>h"
        b"</hostname><port>99999</port><socketType>SSL</socketType></incomingServer>"
        b"</emailProvider></clientConfig>",
        b"<clientConfig>" + b" " * (300 * 1024) + b"</clientConfig>",
    ],
    ids=["entities", "external-dtd", "truncated", "html", "plain-only", "bad-port", "huge"],
)
def test_unusable_or_hostile_documents_are_rejected(doc: bytes) -> None:
    with pytest.raises(AutoconfigError):
        parse_config(doc, "a@x.test")


def test_urls() -> None:
    assert autoconfig_urls("a+b@Example.COM") == (
        "https://autoconfig.example.com/mail/config-v1.1.xml?emailaddress=a%2Bb%40Example.COM",
        "https://example.com/.well-known/autoconfig/mail/config-v1.1.xml",
    )
    assert ispdb_url("a@Example.com") == "https://autoconfig.thunderbird.net/v1.1/example.com"


def test_only_https_is_fetched() -> None:
    with pytest.raises(AutoconfigError):
        fetch_config("http://autoconfig.example.com/mail/config-v1.1.xml", "a@example.com", 1)

"""The discovery run: priority, local steps without network, preset shape, cancel, probing."""

from __future__ import annotations

import hashlib
import ssl
import threading
from collections.abc import Iterator

import pytest

from replytrail.core.discovery import discover, email_domain
from replytrail.core.discovery.preset import PresetError, settings_from_preset
from replytrail.core.discovery.probe import ProbeHit, best_hit, classify_greeting, probe_service
from replytrail.core.discovery.settings import ServerSettings
from servers.mailservers import Dovecot

PRESET = {
    "servers": {
        "domains": {
            "corp.test": {
                "imap_host": "IMAP.corp.test",
                "imap_security": "starttls",
                "smtp_host": "smtp.corp.test",
                "smtp_port": 2525,
                "smtp_security": "starttls",
                "username": "%EMAILLOCALPART%@ad.corp.test",
                "auth": "oauth2",
                "name": "Corp",
            }
        },
        "default": {"imap_host": "mail.hoster.test", "smtp_host": "mail.hoster.test"},
    }
}


def test_provider_db_answers_without_network() -> None:
    r = discover("Someone@GMX.de")
    assert r.source == "provider-db"
    assert r.incoming == ServerSettings("imap", "imap.gmx.net", 993, "ssl", "Someone@GMX.de")
    assert r.outgoing is not None
    assert r.outgoing.host == "mail.gmx.net"
    assert r.provider is not None
    assert r.provider.id == "gmx"
    outcomes = {s.source: s.outcome for s in r.steps_tried}
    assert outcomes["provider-db"] == "hit"
    assert outcomes["probe"] == "not-needed"


def test_preset_beats_provider_db() -> None:
    preset = {"domains": {"gmail.com": {"imap_host": "imap.proxy.test", "smtp_host": "s.test"}}}
    r = discover("a@gmail.com", preset=preset)
    assert r.source == "preset"
    assert r.incoming == ServerSettings("imap", "imap.proxy.test", 993, "ssl", "a@gmail.com")
    assert r.outgoing == ServerSettings("smtp", "s.test", 465, "ssl", "a@gmail.com")


def test_preset_shape() -> None:
    imap, smtp, provider = settings_from_preset(PRESET, "jo@corp.test")
    assert imap == ServerSettings("imap", "imap.corp.test", 143, "starttls", "jo@ad.corp.test")
    assert smtp == ServerSettings("smtp", "smtp.corp.test", 2525, "starttls", "jo@ad.corp.test")
    assert provider is not None
    assert (provider.name, provider.auth) == ("Corp", "oauth2")
    imap, smtp, _ = settings_from_preset(PRESET, "x@other.test")
    assert imap == ServerSettings("imap", "mail.hoster.test", 993, "ssl", "x@other.test")
    assert settings_from_preset({"servers": {}}, "x@other.test") == (None, None, None)
    with pytest.raises(PresetError):
        settings_from_preset({"default": {"imap_host": "h", "imap_security": "plain"}}, "a@b.c")


def test_cancel_stops_the_run() -> None:
    cancel = threading.Event()
    cancel.set()
    r = discover("a@unknown-domain.test", cancel=cancel, timeout=5)
    assert r.cancelled
    assert not r.found


@pytest.mark.parametrize("bad", ["", "plain", "@x.test", "a@", "a@localhost", "a b@x.test"])
def test_not_an_address(bad: str) -> None:
    with pytest.raises(ValueError, match="not"):
        email_domain(bad)


def test_idn_domain() -> None:
    assert email_domain("max@Müller.de") == "xn--mller-kva.de"


def test_json_contract() -> None:
    r = discover("a@web.de")
    j = r.to_json()
    assert {"incoming", "outgoing", "source", "pop3_only"} <= set(j)
    assert "guidance" not in j
    incoming = j["incoming"]
    assert isinstance(incoming, dict)
    assert set(incoming) >= {"protocol", "host", "port", "security", "username"}


def test_classify_greeting() -> None:
    assert classify_greeting(b"* OK [CAPABILITY IMAP4rev1] ready") == "imap"
    assert classify_greeting(b"* PREAUTH hi") == "imap"
    assert classify_greeting(b"+OK ready") == "pop3"
    assert classify_greeting(b"220 mx ESMTP") == "smtp"
    assert classify_greeting(b"SSH-2.0-OpenSSH") is None


def test_best_hit_prefers_trusted_then_implicit_tls() -> None:
    hits = [
        ProbeHit("imap.x.test", 993, "imap", "ssl", False, "AA"),
        ProbeHit("mail.x.test", 143, "imap", "starttls", True, "BB"),
        ProbeHit("mail.x.test", 993, "imap", "ssl", True, "BB"),
        ProbeHit("smtp.x.test", 587, "smtp", "starttls", True, "CC"),
        ProbeHit("smtp.x.test", 465, "smtp", "ssl", True, "CC"),
    ]
    assert best_hit(hits, "imap") == hits[2]
    assert best_hit(hits, "smtp") == hits[4]
    assert best_hit(hits, "pop3") is None


@pytest.fixture(scope="module")
def dovecot() -> Iterator[Dovecot]:
    with Dovecot(protocols="imap pop3 submission") as d:
        yield d


def _fingerprint(d: Dovecot) -> str:
    pem = d.certs[1].read_text()
    der = ssl.PEM_cert_to_DER_cert(pem[: pem.index("-----END CERTIFICATE-----") + 25])
    return ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest())


@pytest.mark.servers
@pytest.mark.parametrize(
    ("port_name", "implicit", "protocol", "security"),
    [
        ("imaps", True, "imap", "ssl"),
        ("imap", False, "imap", "starttls"),
        ("pop3s", True, "pop3", "ssl"),
        ("pop3", False, "pop3", "starttls"),
        ("submission", False, "smtp", "starttls"),
        ("submissions", True, "smtp", "ssl"),
    ],
)
def test_probe_real_dovecot_untrusted_certificate(
    dovecot: Dovecot, port_name: str, implicit: bool, protocol: str, security: str
) -> None:
    """The test CA is not in the system store: the probe still identifies the service and
    reports the certificate as untrusted with its fingerprint."""
    hit = probe_service("127.0.0.1", dovecot.ports[port_name], 3.0, implicit=implicit)
    assert hit is not None
    assert (hit.protocol, hit.security) == (protocol, security)
    assert hit.tls_trusted is False
    assert hit.tls_error
    assert hit.fingerprint == _fingerprint(dovecot)


@pytest.mark.servers
def test_probe_closed_port(dovecot: Dovecot) -> None:
    from servers.mailservers import free_port

    assert probe_service("127.0.0.1", free_port(), 1.0, implicit=True) is None

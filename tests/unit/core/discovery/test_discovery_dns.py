"""RFC 6186 SRV selection and MX-to-provider mapping (the DNS queries themselves run in
tests/integration/discovery against a real dnsmasq)."""

from __future__ import annotations

import pytest

from replytrail.core.discovery.dnslookup import SrvRecord, provider_from_mx, settings_from_srv
from replytrail.core.discovery.providers import ProviderDB, load_providers
from replytrail.core.discovery.settings import ServerSettings

E = "u@x.test"


@pytest.fixture(scope="module")
def db() -> ProviderDB:
    return load_providers()


def test_dot_target_means_not_offered() -> None:
    records = {
        "_imaps._tcp": [SrvRecord(0, 0, 1, ".")],
        "_imap._tcp": [SrvRecord(0, 1, 143, "mail.x.test")],
        "_submissions._tcp": [SrvRecord(0, 0, 0, "")],
        "_submission._tcp": [SrvRecord(0, 1, 587, "mail.x.test")],
    }
    imap, pop3, smtp = settings_from_srv(records, E)
    assert imap == ServerSettings("imap", "mail.x.test", 143, "starttls", E)
    assert pop3 is None
    assert smtp == ServerSettings("smtp", "mail.x.test", 587, "starttls", E)


def test_implicit_tls_preferred_and_priority_then_weight() -> None:
    records = {
        "_imap._tcp": [SrvRecord(0, 1, 143, "plain.x.test")],
        "_imaps._tcp": [
            SrvRecord(20, 100, 993, "backup.x.test"),
            SrvRecord(10, 1, 993, "light.x.test"),
            SrvRecord(10, 50, 993, "heavy.x.test"),
        ],
        "_pop3s._tcp": [SrvRecord(0, 1, 995, "pop.x.test")],
    }
    imap, pop3, smtp = settings_from_srv(records, E)
    assert imap == ServerSettings("imap", "heavy.x.test", 993, "ssl", E)
    assert pop3 == ServerSettings("pop3", "pop.x.test", 995, "ssl", E)
    assert smtp is None


def test_pop3_only_srv() -> None:
    records = {"_pop3._tcp": [SrvRecord(0, 1, 110, "pop.x.test")]}
    imap, pop3, _ = settings_from_srv(records, E)
    assert imap is None
    assert pop3 == ServerSettings("pop3", "pop.x.test", 110, "starttls", E)


@pytest.mark.parametrize(
    ("mx", "provider"),
    [
        (["aspmx.l.google.com", "alt1.aspmx.l.google.com"], "gmail"),
        (["smtp.google.com"], "gmail"),
        (["gmail-smtp-in.l.google.com"], "gmail"),
        (["example-com.mail.protection.outlook.com"], "microsoft365"),
        (["outlook-com.olc.protection.outlook.com"], "outlook"),
        (["mx00.kundenserver.de", "mx01.kundenserver.de"], "ionos"),
        (["mx00.ionos.de"], "ionos"),
        (["smtpin.rzone.de"], "strato"),
        (["in1-smtp.messagingengine.com"], "fastmail"),
        (["mx.zoho.eu"], "zoho-eu"),
        (["mx.zoho.com"], "zoho"),
        (["mx01.posteo.de"], "posteo"),
        (["mxext1.mailbox.org"], "mailbox-org"),
        (["mx00.emig.gmx.net"], "gmx"),
        (["mx-ha03.web.de"], "webde"),
        (["mx00.t-online.de"], "t-online"),
        (["mta5.am0.yahoodns.net"], "yahoo"),
        (["mx01.mail.icloud.com"], "icloud"),
    ],
)
def test_mx_maps_to_provider(db: ProviderDB, mx: list[str], provider: str) -> None:
    found = provider_from_mx(mx, db)
    assert found is not None
    assert found[0].id == provider
    assert found[1] == mx[0]


@pytest.mark.parametrize(
    "mx", [[], ["mail.beta.test"], ["notgoogle.com"], ["google.com.evil.test"]]
)
def test_unknown_mx(db: ProviderDB, mx: list[str]) -> None:
    assert provider_from_mx(mx, db) is None


def test_first_matching_mx_in_preference_order(db: ProviderDB) -> None:
    found = provider_from_mx(["mx.own.test", "backup.kundenserver.de", "aspmx.l.google.com"], db)
    assert found is not None
    assert (found[0].id, found[1]) == ("ionos", "backup.kundenserver.de")

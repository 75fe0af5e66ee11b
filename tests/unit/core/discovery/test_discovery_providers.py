"""The built-in provider database is complete: every required provider, every field, both
languages (SPEC §4.1 step 2, §4.3)."""

from __future__ import annotations

import json
import re

import pytest

from replytrail.core.discovery.providers import ProviderDB, load_providers
from replytrail.core.resources import resources_dir

REQUIRED = {
    "gmail": ["gmail.com", "googlemail.com"],
    "outlook": ["outlook.com", "hotmail.com", "live.com"],
    "microsoft365": [],
    "yahoo": ["yahoo.com"],
    "icloud": ["icloud.com", "me.com"],
    "gmx": ["gmx.de", "gmx.net"],
    "webde": ["web.de"],
    "t-online": ["t-online.de"],
    "ionos": [],
    "strato": [],
    "fastmail": ["fastmail.com"],
    "zoho": ["zoho.com"],
    "mailbox-org": ["mailbox.org"],
    "posteo": ["posteo.de"],
}
HOST = re.compile(r"^[a-z0-9.-]+\.[a-z]{2,}$")


@pytest.fixture(scope="module")
def db() -> ProviderDB:
    return load_providers()


def test_resources_dir_is_found_from_the_checkout() -> None:
    assert (resources_dir() / "providers.json").is_file()


def test_file_is_valid_json_with_unique_ids_and_domains() -> None:
    data = json.loads((resources_dir() / "providers.json").read_text(encoding="utf-8"))
    ids = [p["id"] for p in data["providers"]]
    assert len(ids) == len(set(ids))
    domains = [d for p in data["providers"] for d in p["domains"]]
    assert len(domains) == len(set(domains))


@pytest.mark.parametrize("provider_id", sorted(REQUIRED))
def test_required_provider_is_complete(db: ProviderDB, provider_id: str) -> None:
    p = db.by_id(provider_id)
    assert p is not None, provider_id
    assert p.name
    for d in REQUIRED[provider_id]:
        assert db.by_domain(d) is p, d
    assert p.domains or p.mx_patterns
    assert p.mx_patterns, "needed by the dns-mx step"
    assert p.imap is not None
    assert p.smtp is not None
    for s in (p.imap, p.smtp, p.pop3):
        if s is not None:
            assert HOST.match(s.host), s.host
            assert s.security in ("ssl", "starttls")
            assert s.port in (993, 143, 995, 110, 465, 587)
            assert s.username in ("email", "localpart") or "%EMAIL" in s.username
    assert p.imap.protocol == "imap"
    assert p.smtp.protocol == "smtp"
    assert p.auth in ("password", "app-password", "oauth2")
    assert p.enable_imap_url.startswith("https://")
    if p.auth == "app-password":
        assert p.app_password_url.startswith("https://")
    assert set(p.imap_steps) >= {"en", "de"}
    assert len(p.imap_steps["en"]) == len(p.imap_steps["de"]) >= 2
    assert all(s.strip() for lang in ("en", "de") for s in p.imap_steps[lang])
    assert p.imap_steps["en"] != p.imap_steps["de"]


def test_templates_expand_for_an_address(db: ProviderDB) -> None:
    icloud = db.by_id("icloud")
    assert icloud is not None
    assert icloud.imap is not None
    assert icloud.smtp is not None
    assert icloud.imap.for_email("jo@icloud.com").username == "jo"
    assert icloud.smtp.for_email("jo@icloud.com").username == "jo@icloud.com"


def test_oauth_providers(db: ProviderDB) -> None:
    for pid in ("outlook", "microsoft365"):
        p = db.by_id(pid)
        assert p is not None
        assert p.auth == "oauth2"
    gmail = db.by_id("gmail")
    assert gmail is not None
    assert gmail.auth == "app-password"
    assert gmail.oauth2

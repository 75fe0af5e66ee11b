"""Providers as data: the shipped file, discovery's ids, and where a client id comes from."""

from __future__ import annotations

from pathlib import Path

import pytest

from replytrail.core.config import Settings
from replytrail.core.discovery.providers import load_providers
from replytrail.core.errors import SettingsError
from replytrail.core.models import Account
from replytrail.core.oauth.providers import load_catalog, resolve_client_id, with_client_id


def test_shipped_providers_have_the_issue_s_scopes_and_no_client_ids() -> None:
    catalog = load_catalog()
    ms, google = catalog.get("microsoft"), catalog.get("google")
    assert set(ms.scopes) >= {
        "https://outlook.office.com/IMAP.AccessAsUser.All",
        "https://outlook.office.com/SMTP.Send",
        "offline_access",
    }
    assert "https://mail.google.com/" in google.scopes
    assert ms.client_id == "" and google.client_id == ""  # configuration, never copied
    assert catalog.for_host("outlook.office365.com") is ms
    assert catalog.for_host("imap.gmail.com") is google


def test_every_oauth_provider_of_discovery_maps_to_a_sign_in_provider() -> None:
    catalog = load_catalog()
    for p in load_providers().providers:
        if p.oauth2:
            assert catalog.for_discovery(p.id) is not None, p.id


def test_app_password_only_providers() -> None:
    catalog = load_catalog()
    for email in ("a@yahoo.com", "a@aol.com", "a@icloud.com", "a@zoho.com"):
        found = catalog.app_password_only_for(email)
        assert found is not None and found.url.startswith("https://"), email
    assert catalog.app_password_only_for("a@gmail.com") is None


def test_client_id_build_then_preset_then_user(tmp_path: Path) -> None:
    ms = with_client_id(load_catalog().get("microsoft"), "from-the-build")
    assert resolve_client_id(ms, None) == "from-the-build"
    preset = {"oauth": {"microsoft": {"client_id": "team"}}}
    settings = Settings(tmp_path / "settings.toml", preset)
    assert resolve_client_id(ms, settings) == "team"
    settings.set("oauth.microsoft.client_id", "mine")
    assert resolve_client_id(ms, settings) == "mine"
    settings.set("oauth.microsoft.tenant", "contoso.onmicrosoft.com")
    ends = ms.endpoints(settings)
    assert ends.token.startswith("https://login.microsoftonline.com/contoso.onmicrosoft.com/")
    assert ends.client_id == "mine"


def test_a_preset_adds_a_provider_and_accounts_find_theirs(tmp_path: Path) -> None:
    preset = {
        "oauth_providers": {
            "corp": {
                "name": "Corp ID",
                "authorization_endpoint": "https://id.corp.example/authorize",
                "token_endpoint": "https://id.corp.example/token",
                "scopes": ["mail"],
                "client_id": "corp-app",
                "hosts": ["mail.corp.example"],
            }
        }
    }
    catalog = load_catalog(preset)
    corp = catalog.get("corp")
    assert corp.endpoints(None).client_id == "corp-app"
    account = Account("a@corp.example", "mail.corp.example", auth="oauth2")
    assert catalog.for_account(account) is corp
    with pytest.raises(SettingsError, match="Unknown sign-in provider"):
        catalog.get("nope")
    broken = {"oauth_providers": {"bad": {"name": "no endpoints"}}}
    with pytest.raises(SettingsError, match="configured wrongly"):
        load_catalog(broken)

"""The Windows and macOS admin files, checked by content (they cannot be built here): the
registry values the ADMX writes are exactly the ones the code reads; both ADML files carry
every string and presentation; the configuration profile uses only keys the code knows;
the committed files are what packaging/policy_templates.py makes from the schema."""

from __future__ import annotations

import importlib.util
import plistlib
import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

from replytrail.core.config import SETTINGS, Settings
from replytrail.core.policy import (
    LOCKED_SUBKEY,
    POLICY_VALUE_NAMES,
    REGISTRY_KEY,
    SERVERS_KEY,
    read_policy_file,
)

ROOT = Path(__file__).resolve().parents[3]
WIN = ROOT / "packaging" / "windows"
MAC = ROOT / "packaging" / "macos"
NS = {"p": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"}
KEYS = {s.key for s in SETTINGS}


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "policy_templates", ROOT / "packaging/policy_templates.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def admx_values() -> dict[str, set[str]]:
    """registry key -> value names the ADMX policies write."""
    out: dict[str, set[str]] = {}
    root = ET.parse(WIN / "replytrail.admx").getroot()  # noqa: S314 - our own file
    for policy in root.iterfind(".//p:policy", NS):
        for element in policy.find("p:elements", NS) or []:
            key = element.get("key") or policy.get("key") or ""
            out.setdefault(key, set()).add(element.get("valueName") or "")
    return out


def test_admx_writes_exactly_the_registry_values_the_code_reads() -> None:
    values = admx_values()
    assert set(values) == {REGISTRY_KEY, f"{REGISTRY_KEY}\\{LOCKED_SUBKEY}"}
    assert values[REGISTRY_KEY] == POLICY_VALUE_NAMES == KEYS | {SERVERS_KEY}
    assert values[f"{REGISTRY_KEY}\\{LOCKED_SUBKEY}"] == KEYS


def test_both_adml_files_define_every_string_and_presentation() -> None:
    admx = (WIN / "replytrail.admx").read_text()
    strings = set(re.findall(r"\$\(string\.(\w+)\)", admx))
    presentations = set(re.findall(r"\$\(presentation\.(\w+)\)", admx))
    for lang in ("en-US", "de-DE"):
        root = ET.parse(WIN / lang / "replytrail.adml").getroot()  # noqa: S314 - our file
        ids = {e.get("id") for e in root.iterfind(".//p:stringTable/p:string", NS)}
        pres = {e.get("id") for e in root.iterfind(".//p:presentationTable/p:presentation", NS)}
        assert strings <= ids, (lang, strings - ids)
        assert presentations == pres, lang


def test_configuration_profile_uses_the_keys_the_code_reads() -> None:
    with (MAC / "com.replytrail.Replytrail.mobileconfig").open("rb") as f:
        profile = plistlib.load(f)
    (payload,) = profile["PayloadContent"]
    assert payload["PayloadType"] == "com.replytrail.Replytrail"
    keys = {k for k in payload if not k.startswith("Payload")}
    assert keys == KEYS | {"locked", SERVERS_KEY}
    assert set(payload["locked"]) <= KEYS


def test_committed_templates_match_the_schema() -> None:
    gen = generator()
    assert (WIN / "replytrail.admx").read_text() == gen.admx()
    assert (WIN / "en-US" / "replytrail.adml").read_text() == gen.adml("en")
    assert (WIN / "de-DE" / "replytrail.adml").read_text() == gen.adml("de")
    assert (MAC / "com.replytrail.Replytrail.mobileconfig").read_bytes() == gen.mobileconfig()


def test_the_example_policy_file_is_valid_and_complete(tmp_path: Path) -> None:
    example = ROOT / "packaging" / "policies.example.toml"
    tomllib.loads(example.read_text())
    policy = read_policy_file(example)
    s = Settings(tmp_path / "settings.toml", policy=policy)
    assert s.locked == set(policy.locked)
    assert {k for k in KEYS if s.source(k) == "policy"} >= {
        "general.language",
        "general.start_at_login",
        "logging.mode",
        "logging.never_log",
        "store.backend",
        "store.team_dsn",
        "oauth.microsoft.client_id",
        "oauth.microsoft.tenant",
        "oauth.google.client_id",
        "oauth.google.client_secret",
    }
    assert "our-company.example" in s.preset["servers"]["domains"]

"""Settings layers (defaults < build < preset < policy < user, locked keys excepted), the
typed view, and the three policy carriers read into one AdminPolicy."""

from __future__ import annotations

import logging
import plistlib
from collections.abc import Mapping
from pathlib import Path

import pytest

from replytrail.core.config import SETTINGS, Settings, load_build_values
from replytrail.core.errors import SettingsError
from replytrail.core.policy import (
    AdminPolicy,
    load_policy,
    policy_file_candidates,
    read_managed_preferences,
    read_policy_file,
    read_registry,
)
from replytrail.core.settings_view import value_keys


def write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def test_typed_view_and_schema_list_the_same_keys() -> None:
    assert list(value_keys()) == [s.key for s in SETTINGS]


def test_typed_values_have_their_types(tmp_path: Path) -> None:
    s = Settings(tmp_path / "settings.toml")
    s.set_text("watch.idle_refresh", "120")
    s.set_text("logging.never_log", "a.test, b.test")
    v = Settings(tmp_path / "settings.toml").values()
    assert v.watch.idle_refresh == 120.0 and isinstance(v.watch.idle_refresh, float)
    assert v.logging.never_log == ("a.test", "b.test")
    assert v.watch.fetch_chunk == 500 and v.general.start_at_login is True
    assert v.oauth.microsoft.tenant == "common"


def test_layers_in_order_and_locked_keys_win(tmp_path: Path) -> None:
    policy = read_policy_file(
        write(
            tmp_path / "policies.toml",
            'locked = ["logging.never_log"]\n'
            '[logging]\nmode = "contacts"\nnever_log = ["corp.example"]\nsince_days = 90\n',
        )
    )
    user = write(
        tmp_path / "settings.toml",
        '[logging]\nsince_days = 7\nnever_log = ["mine.example"]\n',
    )
    s = Settings(
        user,
        {"logging": {"mode": "tracked", "subject_rule": False}, "discovery": {"timeout": 3}},
        policy=policy,
        build={"oauth.google.client_id": "built-in", "discovery.timeout": 9},
    )
    assert (s.get("logging.since_days"), s.source("logging.since_days")) == (7, "user")
    assert (s.get("logging.mode"), s.source("logging.mode")) == ("contacts", "policy")
    assert (s.get("logging.subject_rule"), s.source("logging.subject_rule")) == (False, "preset")
    assert (s.get("discovery.timeout"), s.source("discovery.timeout")) == (3, "preset")
    assert (s.get("oauth.google.client_id"), s.source("oauth.google.client_id")) == (
        "built-in",
        "build",
    )
    # locked: the user's older value in settings.toml no longer counts
    assert s.get("logging.never_log") == ["corp.example"] and s.is_locked("logging.never_log")
    with pytest.raises(SettingsError) as e:
        s.set("logging.never_log", ["x.example"])
    assert e.value.message == (
        "logging.never_log is set by your administrator and cannot be changed."
    )
    with pytest.raises(SettingsError):
        s.reset("logging.never_log")
    s.set("logging.mode", "tracked")  # not locked: the user's choice beats the policy
    assert Settings(user, policy=policy).get("logging.mode") == "tracked"


def test_old_oauth_names_still_work(tmp_path: Path) -> None:
    user = write(tmp_path / "settings.toml", '[oauth]\nmicrosoft_client_id = "old-file"\n')
    s = Settings(user)
    assert s.get("oauth.microsoft.client_id") == "old-file"
    assert s.get("oauth.microsoft_client_id") == "old-file"
    s.set_text("oauth.google_client_id", "g")
    assert Settings(user).values().oauth.google.client_id == "g"


def test_a_bad_policy_value_is_one_line_naming_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "policies.toml", '[logging]\nmode = "everything"\n')
    with pytest.raises(SettingsError) as e:
        Settings(tmp_path / "settings.toml", policy=read_policy_file(path))
    assert e.value.message == (
        f"The policy {path} is broken: logging.mode must be one of: tracked, contacts."
    )
    broken = write(tmp_path / "broken.toml", "locked = [\n")
    with pytest.raises(SettingsError) as e:
        read_policy_file(broken)
    assert str(broken) in e.value.message and "\n" not in e.value.message


def test_unknown_policy_keys_are_ignored_and_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, "replytrail.config")
    path = write(tmp_path / "policies.toml", '[future]\nthing = 1\n[general]\nlanguage = "de"\n')
    s = Settings(tmp_path / "settings.toml", policy=read_policy_file(path))
    assert s.get("general.language") == "de"
    assert "unknown setting future.thing ignored" in caplog.text


def test_policy_servers_join_the_team_preset_for_discovery(tmp_path: Path) -> None:
    path = write(
        tmp_path / "policies.toml",
        '[servers.domains."corp.example"]\nimap_host = "imap.corp.example"\n',
    )
    preset = {"servers": {"domains": {"other.example": {"imap_host": "imap.other.example"}}}}
    s = Settings(tmp_path / "s.toml", preset, policy=read_policy_file(path))
    assert set(s.preset["servers"]["domains"]) == {"corp.example", "other.example"}


def test_file_locations_per_platform(tmp_path: Path) -> None:
    exe = str(tmp_path / "Replytrail" / "replytrail.exe")
    assert policy_file_candidates("linux", exe, {}) == (Path("/etc/replytrail/policies.toml"),)
    assert policy_file_candidates("win32", exe, {}) == (tmp_path / "Replytrail/policies.toml",)
    extra = {"REPLYTRAIL_POLICY_FILE": "/tmp/extra.toml"}
    assert policy_file_candidates("linux", exe, extra)[-1] == Path("/tmp/extra.toml")


def test_the_extra_file_cannot_lift_the_systems_policy(tmp_path: Path) -> None:
    exe_dir = tmp_path / "app"
    exe_dir.mkdir()
    write(exe_dir / "policies.toml", 'locked = ["store.backend"]\n[store]\nbackend = "postgres"\n')
    extra = write(tmp_path / "extra.toml", '[store]\nbackend = "sqlite"\n')
    policy = load_policy(
        "win32",
        str(exe_dir / "replytrail.exe"),
        {"REPLYTRAIL_POLICY_FILE": str(extra)},
        registry=lambda _sub: None,
    )
    s = Settings(tmp_path / "s.toml", policy=policy)
    assert s.get("store.backend") == "postgres" and s.is_locked("store.backend")


def registry_of(tree: Mapping[str, Mapping[str, object]]) -> object:
    """What winreg returns for HKLM\\Software\\Policies\\Replytrail (value types as read)."""
    return lambda sub: tree.get(sub)


def test_registry_carrier_reads_what_the_admx_writes(tmp_path: Path) -> None:
    tree = {
        "": {
            "logging.mode": "contacts",  # REG_SZ (enum)
            "general.start_at_login": 0,  # REG_DWORD (boolean)
            "watch.idle_refresh": 300,  # REG_DWORD (decimal)
            "logging.never_log": ["corp.example", "hr@corp.example"],  # REG_MULTI_SZ
            "servers": ['{"domains": {"corp.example":', '{"imap_host": "imap.corp.example"}}}'],
        },
        "Locked": {"logging.mode": 1, "general.start_at_login": 0},
    }
    policy = read_registry(registry_of(tree))  # type: ignore[arg-type]
    assert policy.locked == {"logging.mode"}
    s = Settings(tmp_path / "s.toml", policy=policy)
    v = s.values()
    assert (v.logging.mode, v.general.start_at_login, v.watch.idle_refresh) == (
        "contacts",
        False,
        300.0,
    )
    assert v.logging.never_log == ("corp.example", "hr@corp.example")
    assert s.preset["servers"]["domains"]["corp.example"]["imap_host"] == "imap.corp.example"
    assert read_registry(lambda _sub: None) == AdminPolicy()


def test_macos_managed_preferences(tmp_path: Path) -> None:
    domain = "com.replytrail.Replytrail.plist"
    (tmp_path / "anna").mkdir()
    with (tmp_path / domain).open("wb") as f:
        plistlib.dump({"logging.mode": "contacts", "locked": ["logging.mode"]}, f)
    with (tmp_path / "anna" / domain).open("wb") as f:
        plistlib.dump({"general.language": "de", "PayloadUUID": "X"}, f, fmt=plistlib.FMT_BINARY)
    policy = read_managed_preferences(tmp_path, "anna")
    s = Settings(tmp_path / "s.toml", policy=policy)
    assert (s.get("logging.mode"), s.get("general.language")) == ("contacts", "de")
    assert s.is_locked("logging.mode") and not s.is_locked("general.language")


def test_build_values_come_from_the_bundles_build_toml(tmp_path: Path) -> None:
    write(tmp_path / "build.toml", '[oauth.microsoft]\nclient_id = "packager-id"\n')
    assert load_build_values(tmp_path) == {"oauth.microsoft.client_id": "packager-id"}
    assert load_build_values(tmp_path / "none") == {}

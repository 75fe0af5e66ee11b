"""Admin policies (SPEC §18): one schema, three carriers — a TOML file, the Windows registry
and macOS managed preferences — read into one :class:`AdminPolicy`.

The schema is the settings schema (:data:`replytrail.core.config.SETTINGS`): a policy presets
any setting by its dotted key, lists the keys the user may not change in ``locked``, and may
carry discovery presets in ``servers`` (the team preset's ``[servers]`` table). Carriers:

- file: ``/etc/replytrail/policies.toml`` on Linux, ``policies.toml`` beside the executable
  on Windows and macOS; ``REPLYTRAIL_POLICY_FILE`` adds one more file *below* those (tests,
  portable use) — it can add policies, never lift the system's;
- Windows: ``HKLM\\Software\\Policies\\Replytrail`` (value name = dotted key; lists as
  REG_MULTI_SZ, switches as DWORD; a ``Locked`` subkey with one DWORD per locked key;
  ``servers`` as JSON text), written by the ADMX templates in ``packaging/windows/``;
- macOS: the managed preferences of ``com.replytrail.Replytrail`` (keys = dotted keys,
  ``locked`` an array, ``servers`` a dictionary), deployed by a configuration profile.
"""

from __future__ import annotations

import json
import logging
import os
import plistlib
import sys
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from replytrail.core.errors import SettingsError
from replytrail.core.i18n import QT_TRANSLATE_NOOP
from replytrail.core.settings_schema import SETTINGS

__all__ = [
    "LOCKED_SUBKEY",
    "MACOS_DOMAIN",
    "POLICY_ENV",
    "POLICY_VALUE_NAMES",
    "REGISTRY_KEY",
    "SERVERS_KEY",
    "AdminPolicy",
    "RegistryValues",
    "load_policy",
    "policy_file_candidates",
    "policy_from_mapping",
    "read_managed_preferences",
    "read_policy_file",
    "read_registry",
]

log = logging.getLogger("replytrail.policy")

POLICY_ENV = "REPLYTRAIL_POLICY_FILE"
REGISTRY_KEY = r"Software\Policies\Replytrail"
LOCKED_SUBKEY = "Locked"
SERVERS_KEY = "servers"
MACOS_DOMAIN = "com.replytrail.Replytrail"
LINUX_POLICY_FILE = Path("/etc/replytrail/policies.toml")
MANAGED_PREFS = Path("/Library/Managed Preferences")

#: every value name read under REGISTRY_KEY (and, but for "servers", under its Locked subkey)
POLICY_VALUE_NAMES = frozenset({s.key for s in SETTINGS} | {SERVERS_KEY})

#: a registry reader: (subkey or "", ) -> {value name: value}; None when the key is absent
RegistryValues = Callable[[str], Mapping[str, object] | None]


@dataclass(frozen=True)
class AdminPolicy:
    """What the administrator set: values by dotted key, locked keys, discovery presets."""

    values: Mapping[str, object] = field(default_factory=dict)
    locked: frozenset[str] = frozenset()
    servers: Mapping[str, Any] = field(default_factory=dict)
    origins: tuple[str, ...] = ()

    @property
    def origin(self) -> str:
        return ", ".join(self.origins)

    def over(self, lower: AdminPolicy) -> AdminPolicy:
        """This policy merged over *lower*: values and server domains of this one win."""
        servers = dict(lower.servers)
        mine = dict(self.servers)
        domains = {**dict(lower.servers.get("domains") or {}), **dict(mine.pop("domains", {}))}
        servers.update(mine)
        if domains:
            servers["domains"] = domains
        return AdminPolicy(
            values={**lower.values, **self.values},
            locked=self.locked | lower.locked,
            servers=servers,
            origins=self.origins + lower.origins,
        )


def _flatten(table: Mapping[str, Any], prefix: str = "") -> Iterable[tuple[str, Any]]:
    for k, v in table.items():
        if isinstance(v, Mapping):
            yield from _flatten(v, f"{prefix}{k}.")
        else:
            yield f"{prefix}{k}", v


def policy_from_mapping(data: Mapping[str, Any], origin: str) -> AdminPolicy:
    """The policy in *data* (a TOML/plist tree, or flat dotted keys)."""
    locked = data.get("locked", [])
    if not isinstance(locked, list) or not all(isinstance(k, str) for k in locked):
        raise SettingsError(
            QT_TRANSLATE_NOOP("errors", "The policy {origin} is broken: {detail}"),
            origin=origin,
            detail="'locked' must be a list of setting names",
        )
    servers = data.get(SERVERS_KEY, {})
    if not isinstance(servers, Mapping):
        raise SettingsError(
            QT_TRANSLATE_NOOP("errors", "The policy {origin} is broken: {detail}"),
            origin=origin,
            detail="'servers' must be a table",
        )
    rest = {k: v for k, v in data.items() if k not in ("locked", SERVERS_KEY)}
    return AdminPolicy(
        values=dict(_flatten(rest)),
        locked=frozenset(locked),
        servers=dict(servers),
        origins=(origin,),
    )


def read_policy_file(path: Path) -> AdminPolicy:
    """A ``policies.toml``; a missing file is an empty policy, a broken one a SettingsError."""
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except FileNotFoundError:
        return AdminPolicy()
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as e:
        raise SettingsError(
            QT_TRANSLATE_NOOP("errors", "The policy {origin} is broken: {detail}"),
            origin=path,
            detail=getattr(e, "strerror", None) or e,
        ) from None
    return policy_from_mapping(data, str(path))


def read_registry(values_of: RegistryValues) -> AdminPolicy:
    r"""``HKLM\Software\Policies\Replytrail`` through *values_of* (subkey → its values)."""
    root = values_of("")
    if root is None:
        return AdminPolicy()
    data: dict[str, Any] = {}
    for name, value in root.items():
        if name == SERVERS_KEY and isinstance(value, str | list):
            text = "\n".join(value) if isinstance(value, list) else value  # REG_MULTI_SZ
            try:
                data[SERVERS_KEY] = json.loads(text)
            except json.JSONDecodeError as e:
                raise SettingsError(
                    QT_TRANSLATE_NOOP("errors", "The policy {origin} is broken: {detail}"),
                    origin=REGISTRY_KEY,
                    detail=f"servers: {e}",
                ) from None
        else:
            data[name] = value
    locked = values_of(LOCKED_SUBKEY) or {}
    data["locked"] = sorted(k for k, v in locked.items() if v)
    return policy_from_mapping(data, "HKLM\\" + REGISTRY_KEY)


def _windows_registry() -> RegistryValues:  # pragma: no cover - Windows only
    import importlib

    winreg: Any = importlib.import_module("winreg")  # typed per platform; mypy runs on Linux

    def values_of(subkey: str) -> Mapping[str, object] | None:
        path = REGISTRY_KEY + ("\\" + subkey if subkey else "")
        try:
            key = winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, path)
        except OSError:
            return None
        out: dict[str, object] = {}
        with key:
            i = 0
            while True:
                try:
                    name, value, _kind = winreg.EnumValue(key, i)
                except OSError:
                    break
                out[name] = value
                i += 1
        return out

    return values_of


def read_managed_preferences(root: Path = MANAGED_PREFS, user: str = "") -> AdminPolicy:
    """macOS managed preferences: the per-user file wins over the computer-wide one."""
    policy = AdminPolicy()
    name = f"{MACOS_DOMAIN}.plist"
    paths = [root / name, *([root / user / name] if user else [])]
    for path in paths:
        try:
            with path.open("rb") as f:
                data = plistlib.load(f)
        except FileNotFoundError:
            continue
        except (plistlib.InvalidFileException, OSError, ValueError) as e:
            raise SettingsError(
                QT_TRANSLATE_NOOP("errors", "The policy {origin} is broken: {detail}"),
                origin=path,
                detail=e,
            ) from None
        # profile bookkeeping (PayloadUUID …) that some MDMs copy in is not a setting
        data = {k: v for k, v in data.items() if not k.startswith("Payload")}
        policy = policy_from_mapping(data, str(path)).over(policy)
    return policy


def policy_file_candidates(
    platform: str = sys.platform,
    executable: str = sys.executable,
    env: Mapping[str, str] = os.environ,
) -> tuple[Path, ...]:
    """Policy files, highest first: the system's, then ``REPLYTRAIL_POLICY_FILE``."""
    if platform.startswith(("win", "darwin")):
        system = Path(executable).resolve().parent / "policies.toml"
    else:
        system = LINUX_POLICY_FILE
    extra = env.get(POLICY_ENV)
    return (system, Path(extra)) if extra else (system,)


def load_policy(
    platform: str = sys.platform,
    executable: str = sys.executable,
    env: Mapping[str, str] = os.environ,
    registry: RegistryValues | None = None,
    managed_root: Path = MANAGED_PREFS,
) -> AdminPolicy:
    """Every carrier of this platform merged: registry/managed preferences > files."""
    policy = AdminPolicy()
    for path in reversed(policy_file_candidates(platform, executable, env)):
        policy = read_policy_file(path).over(policy)
    if platform == "win32":
        policy = read_registry(registry or _windows_registry()).over(policy)
    elif platform == "darwin":
        user = env.get("USER", "")
        policy = read_managed_preferences(managed_root, user).over(policy)
    if policy.origins:
        log.info("admin policy from %s (%d locked)", policy.origin, len(policy.locked))
    return policy

"""User settings (TOML) over the admin policy, the team preset, build-time values and the
built-in defaults (SPEC §11.3, §18).

Every setting has a dotted key, a type and a default; ``replytrail config get|set`` reads and
writes them, ``Settings.values()`` gives them typed. The user's file only holds what the user
changed; a team preset in the site config directory supplies the team's defaults (and its
``[servers]`` table for discovery); an admin policy (core/policy.py) presets and locks keys.
"""

from __future__ import annotations

import logging
import os
import tempfile
import tomllib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w

from replytrail.core.errors import SettingsError
from replytrail.core.i18n import QT_TRANSLATE_NOOP
from replytrail.core.policy import AdminPolicy, load_policy
from replytrail.core.resources import resources_dir
from replytrail.core.settings_schema import ALIASES, SETTINGS, Setting, SettingValue
from replytrail.core.settings_view import SettingsValues, build_values

if TYPE_CHECKING:
    from replytrail.core.paths import Paths

__all__ = [
    "ALIASES",
    "BUILD_FILE",
    "SETTINGS",
    "Setting",
    "Settings",
    "atomic_write",
    "load_build_values",
    "load_preset",
    "open_settings",
    "read_toml",
]

log = logging.getLogger("replytrail.config")

#: written into the bundle's resources by ``./dev package`` (never committed)
BUILD_FILE = "build.toml"
#: preset tables that are not settings
_NOT_SETTINGS = ("servers", "providers", "server", "_path")

_BY_KEY = {s.key: s for s in SETTINGS}


def read_toml(path: Path) -> dict[str, Any]:
    """Read a TOML file; a missing file is empty, a broken one a one-line SettingsError."""
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        return {}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise SettingsError(
            QT_TRANSLATE_NOOP("errors", "The settings file {path} is broken: {detail}"),
            path=path,
            detail=e,
        ) from None
    except OSError as e:
        raise SettingsError(
            QT_TRANSLATE_NOOP("errors", "The settings file {path} cannot be read: {detail}"),
            path=path,
            detail=e.strerror,
        ) from None


def atomic_write(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write *data* so that a crash leaves either the old or the new file, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dfd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)


def load_preset(files: tuple[Path, ...]) -> dict[str, Any]:
    """The first team preset that exists (site config dir, or ``REPLYTRAIL_PRESET``)."""
    for f in files:
        if f.is_file():
            data = read_toml(f)
            data.setdefault("_path", str(f))
            return data
    return {}


def load_build_values(resources: Path) -> dict[str, Any]:
    """Values the packager set at build time (``resources/build.toml``; OAuth client ids)."""
    path = resources / BUILD_FILE
    return dict(_flatten(read_toml(path))) if path.is_file() else {}


def _flatten(table: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for k, v in table.items():
        key = f"{prefix}{k}"
        if isinstance(v, Mapping):
            yield from _flatten(v, key + ".")
        else:
            yield key, v


def _canonical(key: str) -> str:
    return ALIASES.get(key, key)


def _layer(setting: Setting, value: object, origin: str) -> SettingValue:
    """A value from a preset, policy or build file, coerced like the carrier's types allow
    (a registry DWORD for a switch, text for a number) and validated."""
    if isinstance(value, str) and not isinstance(setting.default, str):
        return setting.parse(value)
    if isinstance(setting.default, bool) and isinstance(value, int) and value in (0, 1):
        value = bool(value)
    if isinstance(setting.default, list) and isinstance(value, tuple):
        value = list(value)
    try:
        setting.validate(value)
    except SettingsError as e:
        raise SettingsError(
            QT_TRANSLATE_NOOP("errors", "The policy {origin} is broken: {detail}"),
            origin=origin,
            detail=e.message,
        ) from None
    return value  # type: ignore[return-value]


def _known(
    values: Mapping[str, object], origin: str, level: int = logging.DEBUG
) -> dict[str, SettingValue]:
    """The values of known keys, typed; others (a newer version's, other tables of a
    preset) are ignored — logged, never printed: commands keep their one-line stderr."""
    out: dict[str, SettingValue] = {}
    for raw_key, value in values.items():
        key = _canonical(raw_key)
        if key not in _BY_KEY:
            log.log(level, "%s: unknown setting %s ignored", origin, raw_key)
            continue
        out[key] = _layer(_BY_KEY[key], value, origin)
    return out


class Settings:
    """Typed settings: defaults < build-time values < team preset < admin policy < the user's
    file, except that a key the policy locks always has the policy's (or lower) value."""

    def __init__(
        self,
        path: Path,
        preset: Mapping[str, Any] | None = None,
        *,
        policy: AdminPolicy | None = None,
        build: Mapping[str, object] | None = None,
    ) -> None:
        self.path = path
        self.policy = policy or AdminPolicy()
        raw_preset = dict(preset or {})
        preset_origin = str(raw_preset.get("_path", "preset"))
        self._build = _known(build or {}, "build")
        self._preset = _known(
            dict(_flatten({k: v for k, v in raw_preset.items() if k not in _NOT_SETTINGS})),
            preset_origin,
        )
        self._policy = _known(self.policy.values, self.policy.origin, logging.INFO)
        self.locked = frozenset(_canonical(k) for k in self.policy.locked) & _BY_KEY.keys()
        #: the team preset with the policy's server presets merged over its ``[servers]``
        self.preset = _merged_servers(raw_preset, self.policy)
        self._user: dict[str, SettingValue] = {}
        self._listeners: list[Callable[[str], None]] = []
        self.reload()

    def reload(self) -> None:
        self._user = {}
        for raw_key, value in _flatten(read_toml(self.path)):
            key = _canonical(raw_key)
            if key in _BY_KEY:
                _BY_KEY[key].validate(value)
                self._user[key] = value

    def _layers(self, key: str) -> Iterator[tuple[str, Mapping[str, SettingValue]]]:
        if key not in self.locked:
            yield "user", self._user
        yield "policy", self._policy
        yield "preset", self._preset
        yield "build", self._build

    def source(self, key: str) -> str:
        """Where the value comes from: 'user', 'policy', 'preset', 'build' or 'default'."""
        key = self._setting(key).key
        for name, layer in self._layers(key):
            if key in layer:
                return name
        return "default"

    def is_locked(self, key: str) -> bool:
        """The administrator's policy forbids changing *key*."""
        return self._setting(key).key in self.locked

    def _setting(self, key: str) -> Setting:
        try:
            return _BY_KEY[_canonical(key)]
        except KeyError:
            raise SettingsError(
                QT_TRANSLATE_NOOP(
                    "errors", "Unknown setting {key}; 'replytrail config list' shows them all."
                ),
                key=key,
            ) from None

    def get(self, key: str) -> Any:
        s = self._setting(key)
        for _name, layer in self._layers(s.key):
            if s.key in layer:
                return layer[s.key]
        return s.default

    def values(self) -> SettingsValues:
        """All settings, typed (``values().watch.idle_refresh`` is a float)."""
        view: SettingsValues = build_values(self.get)
        return view

    def _check_unlocked(self, key: str) -> Setting:
        s = self._setting(key)
        if s.key in self.locked:
            raise SettingsError(
                QT_TRANSLATE_NOOP(
                    "errors", "{key} is set by your administrator and cannot be changed."
                ),
                key=s.key,
            )
        return s

    def set(self, key: str, value: SettingValue) -> None:
        if self.is_locked(key) and self.get(key) == value:
            return  # the administrator's value, written again (e.g. joining the locked team)
        s = self._check_unlocked(key)
        s.validate(value)
        self._user[s.key] = value
        self._save()
        self._notify(s.key)

    def set_text(self, key: str, raw: str) -> SettingValue:
        value = self._check_unlocked(key).parse(raw)
        self.set(key, value)
        return value

    def reset(self, key: str) -> None:
        s = self._check_unlocked(key)
        self._user.pop(s.key, None)
        self._save()
        self._notify(s.key)

    def _notify(self, key: str) -> None:
        for cb in list(self._listeners):
            cb(key)

    def on_change(self, callback: Callable[[str], None]) -> None:
        self._listeners.append(callback)

    def items(self) -> Iterator[tuple[Setting, Any, str]]:
        for s in SETTINGS:
            yield s, self.get(s.key), self.source(s.key)

    def _save(self) -> None:
        tree: dict[str, Any] = {}
        for key, value in sorted(self._user.items()):
            *sections, name = key.split(".")
            table = tree
            for section in sections:
                table = table.setdefault(section, {})
            table[name] = value
        atomic_write(self.path, tomli_w.dumps(tree).encode())


def _merged_servers(preset: dict[str, Any], policy: AdminPolicy) -> dict[str, Any]:
    if not policy.servers:
        return preset
    from replytrail.core.discovery.preset import preset_section

    merged = AdminPolicy(servers=policy.servers).over(
        AdminPolicy(servers=dict(preset_section(preset)))
    )
    return {**preset, "servers": dict(merged.servers)}


def open_settings(paths: Paths, env: Mapping[str, str] = os.environ) -> Settings:
    """The user's settings with everything under them: build values, preset, admin policy."""
    return Settings(
        paths.settings_file,
        load_preset(paths.preset_files),
        policy=load_policy(env=env),
        build=load_build_values(resources_dir()),
    )

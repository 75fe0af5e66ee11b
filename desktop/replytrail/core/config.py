"""User settings (TOML) merged over the team preset over the built-in defaults (SPEC §11.3).

Every setting has a dotted key, a type and a default; ``replytrail config get|set`` reads and
writes them. The user's file only holds what the user changed; a team preset in the site
config directory supplies the team's defaults (and its ``[servers]`` table for discovery).
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w

from replytrail.core.errors import SettingsError
from replytrail.core.i18n import QT_TRANSLATE_NOOP

__all__ = ["SETTINGS", "Setting", "Settings", "atomic_write", "load_preset", "read_toml"]

SettingValue = str | int | float | bool | list[str]


@dataclass(frozen=True)
class Setting:
    key: str
    default: SettingValue
    help: str
    choices: tuple[str, ...] = ()
    minimum: float | None = None

    @property
    def kind(self) -> type:
        return type(self.default)

    def parse(self, raw: str) -> SettingValue:
        """Turn the command line's text into a typed, validated value."""
        text = raw.strip()
        value: SettingValue
        try:
            if isinstance(self.default, bool):
                low = text.lower()
                if low not in ("true", "false", "yes", "no", "on", "off", "1", "0"):
                    raise ValueError(text)
                value = low in ("true", "yes", "on", "1")
            elif isinstance(self.default, int):
                value = int(text)
            elif isinstance(self.default, float):
                value = float(text)
            elif isinstance(self.default, list):
                value = [p.strip() for p in text.split(",") if p.strip()]
            else:
                value = text
        except ValueError:
            raise SettingsError(
                QT_TRANSLATE_NOOP("errors", "{key} expects a {kind} value, not {value!r}."),
                key=self.key,
                kind=self.kind.__name__,
                value=raw,
            ) from None
        self.validate(value)
        return value

    def validate(self, value: object) -> None:
        ok_type = isinstance(value, self.kind) and not (
            isinstance(value, bool) and not isinstance(self.default, bool)
        )
        is_int = isinstance(value, int) and not isinstance(value, bool)
        if isinstance(self.default, float) and is_int:
            ok_type = True
        if isinstance(self.default, list) and isinstance(value, list):
            ok_type = all(isinstance(v, str) for v in value)
        if not ok_type:
            raise SettingsError(
                QT_TRANSLATE_NOOP("errors", "{key} expects a {kind} value, not {value!r}."),
                key=self.key,
                kind=self.kind.__name__,
                value=value,
            )
        if self.choices and value not in self.choices:
            raise SettingsError(
                QT_TRANSLATE_NOOP("errors", "{key} must be one of: {choices}."),
                key=self.key,
                choices=", ".join(self.choices),
            )
        if self.minimum is not None and isinstance(value, int | float) and value < self.minimum:
            raise SettingsError(
                QT_TRANSLATE_NOOP("errors", "{key} must be at least {minimum}."),
                key=self.key,
                minimum=self.minimum,
            )


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "general.language",
        "",
        "UI language: empty = system locale, 'en' or 'de'",
        choices=("", "en", "de"),
    ),
    Setting("general.start_at_login", True, "start the tray app when you log in"),
    Setting("general.notifications", True, "notify when a customer's reply was logged"),
    Setting(
        "logging.mode",
        "tracked",
        "'tracked': replies to tracked emails; 'contacts': every email with a known contact",
        choices=("tracked", "contacts"),
    ),
    Setting(
        "logging.since_days", 30, "the first scan of a mailbox goes back this many days", minimum=0
    ),
    Setting("logging.since_date", "", "or from this date (YYYY-MM-DD); overrides since_days"),
    Setting("logging.never_log", [], "addresses and domains that are never logged (comma list)"),
    Setting("logging.subject_rule", True, "also match replies by subject (low confidence)"),
    Setting("watch.idle_refresh", 600.0, "seconds before IDLE is re-issued", minimum=1),
    Setting(
        "watch.catchup_interval", 300.0, "seconds between safety catch-ups while idle", minimum=1
    ),
    Setting(
        "watch.poll_interval", 60.0, "seconds between polls when the server lacks IDLE", minimum=1
    ),
    Setting(
        "watch.backoff_max", 300.0, "longest wait between reconnect attempts (seconds)", minimum=1
    ),
    Setting("watch.fetch_chunk", 500, "messages per FETCH during catch-up", minimum=1),
    Setting("discovery.timeout", 6.0, "seconds each discovery step may take", minimum=0.1),
    Setting(
        "store.backend",
        "sqlite",
        "'sqlite' (local) or 'postgres' (team store)",
        choices=("sqlite", "postgres"),
    ),
    Setting("store.team_dsn", "", "PostgreSQL connection string of the team store (no password)"),
    Setting("oauth.microsoft_client_id", "", "OAuth2 client id for Microsoft sign-in"),
    Setting("oauth.microsoft_tenant", "common", "Microsoft tenant for sign-in"),
    Setting("oauth.google_client_id", "", "OAuth2 client id for Google sign-in"),
    Setting(
        "oauth.google_client_secret",
        "",
        "the 'secret' Google issues with a desktop client id (not confidential, RFC 8252 §8.5)",
    ),
)
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


def _flatten(table: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for k, v in table.items():
        key = f"{prefix}{k}"
        if isinstance(v, Mapping):
            yield from _flatten(v, key + ".")
        else:
            yield key, v


class Settings:
    """Typed settings: built-in defaults < team preset < the user's file."""

    def __init__(self, path: Path, preset: Mapping[str, Any] | None = None) -> None:
        self.path = path
        self.preset = dict(preset or {})
        self._user: dict[str, SettingValue] = {}
        self._listeners: list[Callable[[str], None]] = []
        self.reload()

    def reload(self) -> None:
        self._user = {}
        for key, value in _flatten(read_toml(self.path)):
            if key in _BY_KEY:
                _BY_KEY[key].validate(value)
                self._user[key] = value

    def _preset_value(self, key: str) -> SettingValue | None:
        for k, v in _flatten({k: v for k, v in self.preset.items() if k != "servers"}):
            if k == key:
                _BY_KEY[key].validate(v)
                return v  # type: ignore[no-any-return]
        return None

    def source(self, key: str) -> str:
        """Where the current value comes from: 'user', 'preset' or 'default'."""
        self._setting(key)
        if key in self._user:
            return "user"
        return "preset" if self._preset_value(key) is not None else "default"

    def _setting(self, key: str) -> Setting:
        try:
            return _BY_KEY[key]
        except KeyError:
            raise SettingsError(
                QT_TRANSLATE_NOOP(
                    "errors", "Unknown setting {key}; 'replytrail config list' shows them all."
                ),
                key=key,
            ) from None

    def get(self, key: str) -> Any:
        s = self._setting(key)
        if key in self._user:
            return self._user[key]
        preset = self._preset_value(key)
        return s.default if preset is None else preset

    def set(self, key: str, value: SettingValue) -> None:
        self._setting(key).validate(value)
        self._user[key] = value
        self._save()
        for cb in list(self._listeners):
            cb(key)

    def set_text(self, key: str, raw: str) -> SettingValue:
        value = self._setting(key).parse(raw)
        self.set(key, value)
        return value

    def reset(self, key: str) -> None:
        self._setting(key)
        self._user.pop(key, None)
        self._save()
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
            section, _, name = key.partition(".")
            tree.setdefault(section, {})[name] = value
        atomic_write(self.path, tomli_w.dumps(tree).encode())

"""Typed settings: one frozen dataclass per section, read once instead of ``get("key")`` + casts.

``Settings.values()`` returns a :class:`SettingsValues`; ``values.watch.idle_refresh`` is a
float, ``values.logging.never_log`` a tuple of strings. The field names are the setting keys
(``oauth.microsoft.client_id`` is ``values.oauth.microsoft.client_id``); a test checks that
the fields and the schema in :mod:`replytrail.core.config` list the same keys.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any, get_type_hints

__all__ = [
    "DiscoveryValues",
    "GeneralValues",
    "GoogleOAuthValues",
    "LoggingValues",
    "MicrosoftOAuthValues",
    "OAuthValues",
    "SettingsValues",
    "StoreValues",
    "WatchValues",
    "build_values",
    "value_keys",
]


@dataclasses.dataclass(frozen=True)
class GeneralValues:
    language: str
    start_at_login: bool
    notifications: bool


@dataclasses.dataclass(frozen=True)
class LoggingValues:
    mode: str
    since_days: int
    since_date: str
    never_log: tuple[str, ...]
    subject_rule: bool


@dataclasses.dataclass(frozen=True)
class WatchValues:
    idle_refresh: float
    catchup_interval: float
    poll_interval: float
    backoff_max: float
    fetch_chunk: int


@dataclasses.dataclass(frozen=True)
class DiscoveryValues:
    timeout: float


@dataclasses.dataclass(frozen=True)
class StoreValues:
    backend: str
    team_dsn: str
    team_user: str
    team_ca_file: str
    team_secret: str
    team_policy: str


@dataclasses.dataclass(frozen=True)
class MicrosoftOAuthValues:
    client_id: str
    tenant: str


@dataclasses.dataclass(frozen=True)
class GoogleOAuthValues:
    client_id: str
    client_secret: str  # a Google "desktop app" secret is not secret (it ships in the app)


@dataclasses.dataclass(frozen=True)
class OAuthValues:
    microsoft: MicrosoftOAuthValues
    google: GoogleOAuthValues


@dataclasses.dataclass(frozen=True)
class HistoryValues:
    import_weeks: int


@dataclasses.dataclass(frozen=True)
class FollowupsValues:
    days: int


@dataclasses.dataclass(frozen=True)
class SettingsValues:
    general: GeneralValues
    logging: LoggingValues
    watch: WatchValues
    discovery: DiscoveryValues
    store: StoreValues
    oauth: OAuthValues
    history: HistoryValues
    followups: FollowupsValues


def _fields(cls: type) -> Iterator[tuple[str, Any]]:
    hints = get_type_hints(cls)
    for f in dataclasses.fields(cls):
        yield f.name, hints[f.name]


def value_keys(cls: type = SettingsValues, prefix: str = "") -> Iterator[str]:
    """Every dotted key the typed view holds, in field order."""
    for name, hint in _fields(cls):
        if dataclasses.is_dataclass(hint):
            yield from value_keys(hint, f"{prefix}{name}.")  # type: ignore[arg-type]
        else:
            yield f"{prefix}{name}"


def _coerce(hint: Any, value: object) -> object:
    if hint is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, list):
        return tuple(value)
    return value


def build_values(get: Callable[[str], object], cls: type = SettingsValues, prefix: str = "") -> Any:
    """Fill *cls* from ``get(dotted key)`` (values already validated by the schema)."""
    kwargs: dict[str, object] = {}
    for name, hint in _fields(cls):
        if dataclasses.is_dataclass(hint):
            kwargs[name] = build_values(get, hint, f"{prefix}{name}.")  # type: ignore[arg-type]
        else:
            kwargs[name] = _coerce(hint, get(f"{prefix}{name}"))
    return cls(**kwargs)

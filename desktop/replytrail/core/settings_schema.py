"""The settings schema: every setting's dotted key, type (its default's), help and limits."""

from __future__ import annotations

from dataclasses import dataclass

from replytrail.core.errors import SettingsError
from replytrail.core.i18n import QT_TRANSLATE_NOOP

__all__ = ["ALIASES", "SETTINGS", "Setting", "SettingValue"]

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
    Setting("store.team_user", "", "your role on the team store (set by 'team join')"),
    Setting(
        "store.team_ca_file", "", "PEM file of the CA that signed the team store's certificate"
    ),
    Setting(
        "store.team_secret", "", "keyring entry of the team store password (set by 'team join')"
    ),
    Setting(
        "store.team_policy",
        "shared",
        "team policy 'team init' sets: 'shared' or 'private-bodies' (bodies only to their owner)",
        choices=("shared", "private-bodies"),
    ),
    Setting("oauth.microsoft.client_id", "", "OAuth2 client id for Microsoft sign-in"),
    Setting("oauth.microsoft.tenant", "common", "Microsoft tenant for sign-in"),
    Setting("oauth.google.client_id", "", "OAuth2 client id for Google sign-in"),
    Setting(
        "oauth.google.client_secret",
        "",
        "the Google desktop client's secret (not a secret: it ships with the app)",
    ),
    Setting(
        "history.import_weeks",
        4,
        "bring in the conversations of this many weeks (SPEC §15)",
        minimum=1,
    ),
    Setting(
        "followups.days",
        3,
        "working days without a reply before an email is awaiting reply (SPEC §16)",
        minimum=1,
    ),
)
#: old names that still work on the command line and in settings files
ALIASES = {
    "oauth.microsoft_client_id": "oauth.microsoft.client_id",
    "oauth.microsoft_tenant": "oauth.microsoft.tenant",
    "oauth.google_client_id": "oauth.google.client_id",
}

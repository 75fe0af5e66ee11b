"""Hand-off targets (SPEC §17): a CRM's drop address or a webhook, from handoff.toml or the preset.

A target gets a copy of every logged email it *wants* (customer replies only, replies and
auto-replies, or everything logged including what the user sent). The user's own targets
live in ``handoff.toml`` beside the settings; a team preset's ``[[handoff.target]]`` tables
add the team's (an admin points everyone at the CRM). The webhook's signing secret lives in
the keyring, never in a file.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

import tomli_w

from replytrail.core.config import atomic_write, read_toml
from replytrail.core.errors import KnownError, SettingsError
from replytrail.core.i18n import QT_TRANSLATE_NOOP
from replytrail.core.models import Direction, Kind, LoggedEmail

__all__ = [
    "INCLUDE_CHOICES",
    "DeliveryRefused",
    "Target",
    "TargetBook",
    "outbox_key",
    "secret_ref",
]

#: what a target receives: customer replies / replies and auto-replies / everything logged
INCLUDE_CHOICES = ("replies", "replies+auto", "all")
FORMS = ("inline", "attachment")
KINDS = ("forward", "webhook")
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


class DeliveryRefused(KnownError):
    """The receiver refused an entry for good (a 4xx answer, an unknown drop address): it is
    kept as failed and shown; only ``handoff retry`` sends it again."""

    code = "handoff-refused"
    template = QT_TRANSLATE_NOOP("errors", "{where} refused the hand-off: {detail}")


def outbox_key(name: str) -> str:
    """The outbox target of a hand-off target (the team store's is plain ``team``)."""
    return f"handoff:{name}"


def secret_ref(name: str) -> str:
    """The keyring entry that holds a webhook's signing secret."""
    return f"handoff-webhook:{name}"


@dataclass(frozen=True)
class Target:
    """One hand-off target. ``address`` for a forward, ``url`` for a webhook."""

    name: str
    kind: str = "forward"
    address: str = ""
    url: str = ""
    include: str = "replies"
    form: str = "inline"  # forward: "inline" block or the original as message/rfc822
    sent_copy: bool = False  # forward: also file the forward in the Sent folder
    account: str = ""  # forward: whose SMTP sends it (empty: the logged email's account)
    ca_file: str = ""  # webhook: a team's own CA for an internal endpoint
    preset: str = ""  # hubspot, pipedrive, odoo, zoho, salesforce (for the help link)
    enabled: bool = True
    from_preset: bool = False  # set by the team preset: shown, not editable

    def validate(self) -> Target:
        if not _NAME.match(self.name):
            raise SettingsError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "A hand-off target's name uses lower-case letters, digits, - and _ "
                    "(not {name!r}).",
                ),
                name=self.name,
            )
        if self.kind not in KINDS or self.include not in INCLUDE_CHOICES or self.form not in FORMS:
            raise SettingsError(
                QT_TRANSLATE_NOOP("errors", "The hand-off target {name} has an unknown setting."),
                name=self.name,
            )
        if self.kind == "forward" and "@" not in self.address:
            raise SettingsError(
                QT_TRANSLATE_NOOP("errors", "{value!r} is not an email address."),
                value=self.address,
            )
        if self.kind == "webhook" and not self.url.lower().startswith("https://"):
            raise SettingsError(
                QT_TRANSLATE_NOOP("errors", "A webhook needs an https:// address (not {value!r})."),
                value=self.url,
            )
        return self

    @property
    def key(self) -> str:
        return outbox_key(self.name)

    @property
    def where(self) -> str:
        return self.address if self.kind == "forward" else self.url

    def wants(self, email: LoggedEmail) -> bool:
        """Whether this target receives *email* (decided when the email is logged)."""
        if not self.enabled:
            return False
        if self.include == "all":
            return True
        if email.direction is not Direction.IN or email.kind is Kind.BOUNCE:
            return False
        return email.kind is Kind.EMAIL or self.include == "replies+auto"


def _from_table(table: dict[str, Any], *, from_preset: bool) -> Target:
    known = {f.name for f in fields(Target)}
    data = {k: v for k, v in table.items() if k in known and k != "from_preset"}
    try:
        return Target(**data, from_preset=from_preset).validate()
    except TypeError as e:
        raise SettingsError(
            QT_TRANSLATE_NOOP("errors", "The hand-off settings are broken: {detail}"), detail=e
        ) from None


class TargetBook:
    """The user's targets (``handoff.toml``) plus the team preset's ``[[handoff.target]]``."""

    def __init__(self, path: Path, preset: dict[str, Any] | None = None) -> None:
        self.path = path
        self.preset = preset or {}

    def _preset_tables(self) -> list[dict[str, Any]]:
        tables = self.preset.get("handoff", {})
        tables = tables.get("target", []) if isinstance(tables, dict) else []
        return [t for t in tables if isinstance(t, dict)]

    def _own_tables(self) -> list[dict[str, Any]]:
        tables = read_toml(self.path).get("target", [])
        if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
            raise SettingsError(
                QT_TRANSLATE_NOOP("errors", "The hand-off settings are broken: {detail}"),
                detail=f"{self.path}: 'target' must be a list of tables",
            )
        return tables

    def own(self) -> list[Target]:
        return [_from_table(t, from_preset=False) for t in self._own_tables()]

    def all(self) -> list[Target]:
        """Every target; a user's target of the same name overrides the preset's."""
        own = self.own()
        names = {t.name for t in own}
        team = [_from_table(t, from_preset=True) for t in self._preset_tables()]
        return [t for t in team if t.name not in names] + own

    def get(self, name: str) -> Target | None:
        return next((t for t in self.all() if t.name == name), None)

    def save(self, target: Target) -> None:
        target.validate()
        rest = [t for t in self.own() if t.name != target.name]
        self._write([*rest, target])

    def remove(self, name: str) -> bool:
        own = self.own()
        keep = [t for t in own if t.name != name]
        if len(keep) == len(own):
            return False
        self._write(keep)
        return True

    def _write(self, targets: list[Target]) -> None:
        tables = []
        for t in targets:
            d = asdict(t)
            d.pop("from_preset")
            tables.append({k: v for k, v in d.items() if v not in ("", None)})
        atomic_write(self.path, tomli_w.dumps({"target": tables}).encode())

    def route(self, email: LoggedEmail) -> list[str]:
        """The outbox targets of one email about to be logged."""
        return [t.key for t in self.all() if t.wants(email)]

    def drop_addresses(self) -> tuple[str, ...]:
        """Never logged, never a contact: the CRM's own mail must not loop back in."""
        return tuple(t.address.lower() for t in self.all() if t.kind == "forward" and t.address)

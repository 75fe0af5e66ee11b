"""The accounts file (``accounts.toml``): server settings per mailbox, never a password."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import tomli_w

from replytrail.core.config import atomic_write, read_toml
from replytrail.core.errors import NotFound, SettingsError
from replytrail.core.i18n import QT_TRANSLATE_NOOP
from replytrail.core.models import Account, Security

__all__ = ["AccountRegistry", "normalise_email"]

_FIELDS = {f.name for f in dataclasses.fields(Account)}


def normalise_email(address: str) -> str:
    """Trimmed, lower-case domain (the local part keeps its case, as RFC 5321 allows)."""
    local, at, domain = address.strip().rpartition("@")
    if not at or not local or ("." not in domain and domain != "localhost"):
        raise SettingsError(
            QT_TRANSLATE_NOOP("errors", "{address!r} is not an email address."), address=address
        )
    return f"{local}@{domain.lower()}"


def _from_table(table: dict[str, Any]) -> Account:
    data = {k: v for k, v in table.items() if k in _FIELDS}
    for key in ("imap_security", "smtp_security"):
        if key in data:
            data[key] = Security(data[key])
    return Account(**data)


def _to_table(account: Account) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in dataclasses.fields(account):
        value = getattr(account, f.name)
        out[f.name] = str(value) if isinstance(value, Security) else value
    return out


class AccountRegistry:
    """Load/save the accounts; each entry is keyed by its email address."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def all(self) -> list[Account]:
        tables = read_toml(self.path).get("account", [])
        try:
            if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
                raise TypeError("'account' must be a list of [[account]] tables")
            return [_from_table(t) for t in tables]
        except (TypeError, ValueError, AttributeError, KeyError) as e:
            raise SettingsError(
                QT_TRANSLATE_NOOP("errors", "The accounts file {path} is broken: {detail}"),
                path=self.path,
                detail=e,
            ) from None

    def get(self, email: str) -> Account:
        key = email.strip().lower()
        for a in self.all():
            if a.email.lower() == key:
                return a
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "errors", "There is no account {email}; 'replytrail account list' shows them."
            ),
            email=email,
        )

    def save(self, account: Account) -> None:
        """Add or replace (by email) one account."""
        rest = [a for a in self.all() if a.email.lower() != account.email.lower()]
        self._write([*rest, account])

    def remove(self, email: str) -> Account:
        account = self.get(email)
        self._write([a for a in self.all() if a.email.lower() != account.email.lower()])
        return account

    def _write(self, accounts: list[Account]) -> None:
        data = tomli_w.dumps({"account": [_to_table(a) for a in accounts]}).encode()
        atomic_write(self.path, data)

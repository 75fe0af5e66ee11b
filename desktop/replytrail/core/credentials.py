"""Secrets in the OS keyring only (SPEC §4.5): never a file, the store, a log or argv."""

from __future__ import annotations

import logging
import secrets

import keyring
import keyring.backends.fail
import keyring.errors
from keyring.backend import KeyringBackend

from replytrail.core.errors import KeyringMissing, NotFound

__all__ = ["SERVICE", "Credentials", "new_ref"]

SERVICE = "replytrail"
log = logging.getLogger("replytrail.credentials")


def new_ref(email: str) -> str:
    """A fresh keyring user name for an account (unique, so two data dirs never collide)."""
    return f"{email}#{secrets.token_hex(4)}"


class Credentials:
    """Reads and writes secrets under the ``replytrail`` service of the system keyring."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend

    @property
    def backend(self) -> KeyringBackend:
        return self._backend or keyring.get_keyring()

    def describe(self) -> str:
        b = self.backend
        return f"{type(b).__module__}.{type(b).__name__}"

    def check(self) -> str:
        """Raise KeyringMissing unless a real backend is usable; return its description."""
        b = self.backend
        if isinstance(b, keyring.backends.fail.Keyring) or (
            type(b).__name__ in ("PlaintextKeyring", "Keyring")
            and type(b).__module__ in ("keyrings.alt.file", "keyring.backends.null")
        ):
            raise KeyringMissing(detail=self.describe())
        try:
            b.get_password(SERVICE, "__replytrail_probe__")
        except keyring.errors.KeyringError as e:
            raise KeyringMissing(detail=_one_line(e)) from None
        return self.describe()

    def store(self, ref: str, secret: str) -> None:
        self.check()
        try:
            self.backend.set_password(SERVICE, ref, secret)
        except keyring.errors.KeyringError as e:
            raise KeyringMissing(detail=_one_line(e)) from None
        log.info("stored a secret in %s", self.describe())

    def get(self, ref: str) -> str:
        try:
            value = self.backend.get_password(SERVICE, ref)
        except keyring.errors.KeyringError as e:
            raise KeyringMissing(detail=_one_line(e)) from None
        if value is None:
            raise NotFound(
                detail=f"no password for {ref.partition('#')[0]} in the keyring; "
                "add the account again"
            )
        return value

    def delete(self, ref: str) -> None:
        try:
            self.backend.delete_password(SERVICE, ref)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as e:
            raise KeyringMissing(detail=_one_line(e)) from None


def _one_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]

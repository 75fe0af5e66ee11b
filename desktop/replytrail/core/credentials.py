"""Secrets in the OS keyring only (SPEC §4.5): never a file, the store, a log or argv."""

from __future__ import annotations

import json
import logging
import secrets
import subprocess
import sys
from collections.abc import Mapping
from types import ModuleType
from typing import TYPE_CHECKING

from replytrail.core.errors import KeyringMissing, NotFound

if TYPE_CHECKING:  # keyring (and SecretStorage, cryptography) load on first use
    from keyring.backend import KeyringBackend

__all__ = ["SERVICE", "Credentials", "IsolatedCredentials", "new_ref"]

SERVICE = "replytrail"
log = logging.getLogger("replytrail.credentials")


def _keyring() -> ModuleType:
    import keyring
    import keyring.backends.fail
    import keyring.errors

    return keyring


def new_ref(email: str) -> str:
    """A fresh keyring user name for an account (unique, so two data dirs never collide)."""
    return f"{email}#{secrets.token_hex(4)}"


class Credentials:
    """Reads and writes secrets under the ``replytrail`` service of the system keyring."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend

    @property
    def backend(self) -> KeyringBackend:
        return self._backend or _keyring().get_keyring()

    def describe(self) -> str:
        b = self.backend
        return f"{type(b).__module__}.{type(b).__name__}"

    def check(self) -> str:
        """Raise KeyringMissing unless a real backend is usable; return its description."""
        b = self.backend
        if isinstance(b, _keyring().backends.fail.Keyring) or (
            type(b).__name__ in ("PlaintextKeyring", "Keyring")
            and type(b).__module__ in ("keyrings.alt.file", "keyring.backends.null")
        ):
            raise KeyringMissing(detail=self.describe())
        try:
            b.get_password(SERVICE, "__replytrail_probe__")
        except _keyring().errors.KeyringError as e:
            raise KeyringMissing(detail=_one_line(e)) from None
        return self.describe()

    def store(self, ref: str, secret: str) -> None:
        self.check()
        try:
            self.backend.set_password(SERVICE, ref, secret)
        except _keyring().errors.KeyringError as e:
            raise KeyringMissing(detail=_one_line(e)) from None
        log.info("stored a secret in %s", self.describe())

    def get(self, ref: str) -> str:
        try:
            value = self.backend.get_password(SERVICE, ref)
        except _keyring().errors.KeyringError as e:
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
        except _keyring().errors.PasswordDeleteError:
            pass
        except _keyring().errors.KeyringError as e:
            raise KeyringMissing(detail=_one_line(e)) from None


def _one_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]


class IsolatedCredentials(Credentials):
    """The same keyring, reached through a short-lived helper process (``keyring_helper``).

    For the long-running tray app: the keyring package with SecretStorage and cryptography
    costs ~25 MiB that would stay in the idle process forever; a helper costs ~0.2 s per
    (re)connect instead. The secret travels over a pipe — never argv, the environment or a
    file — like a git credential helper.
    """

    def __init__(
        self,
        python: str | None = None,
        timeout: float = 60.0,
        env: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__()
        self._python = python or sys.executable
        self._timeout = timeout
        self._env = dict(env) if env is not None else None  # None: this process's environment

    def _ask(self, request: dict[str, str]) -> dict[str, str]:
        try:
            done = subprocess.run(
                [self._python, "-m", "replytrail.core.keyring_helper"],
                input=json.dumps(request),
                capture_output=True,
                text=True,
                timeout=self._timeout,
                check=False,
                env=self._env,
            )
        except (OSError, subprocess.TimeoutExpired) as e:
            raise KeyringMissing(detail=f"keyring helper: {type(e).__name__}") from None
        try:
            reply: dict[str, str] = json.loads(done.stdout)
        except ValueError:
            raise KeyringMissing(detail=f"keyring helper exited with {done.returncode}") from None
        if reply.get("ok") != "yes":
            kind = {"keyring-missing": KeyringMissing, "not-found": NotFound}.get(
                reply.get("code", ""), KeyringMissing
            )
            raise kind(detail=reply.get("detail", ""))
        return reply

    def describe(self) -> str:
        return self._ask({"op": "check"})["backend"]

    def check(self) -> str:
        return self._ask({"op": "check"})["backend"]

    def store(self, ref: str, secret: str) -> None:
        self._ask({"op": "store", "ref": ref, "secret": secret})

    def get(self, ref: str) -> str:
        return self._ask({"op": "get", "ref": ref})["secret"]

    def delete(self, ref: str) -> None:
        self._ask({"op": "delete", "ref": ref})

"""The failures a user can act on, apart from bugs.

Every :class:`KnownError` carries one plain-language line (cause and fix) that the CLI
prints and the UI shows. Anything that is not a ``KnownError`` is a bug and is logged
with its traceback (never with message bodies or secrets).
"""

from __future__ import annotations

from replytrail.core.i18n import QT_TRANSLATE_NOOP, Text

__all__ = [
    "AuthFailed",
    "ConnectionRefused",
    "DiskFull",
    "HostNotFound",
    "ImapDisabled",
    "KeyringMissing",
    "KnownError",
    "NeedsAppPassword",
    "NeedsOAuth",
    "NetworkTimeout",
    "NotFound",
    "Pop3Only",
    "ProtocolError",
    "RecipientRefused",
    "SettingsError",
    "StoreError",
    "StoreUnreachable",
    "TlsNotTrusted",
    "TlsPinMismatch",
    "UsageError",
]

CTX = "errors"


class KnownError(Exception):
    """An environmental failure with a message the user can act on."""

    #: stable machine-readable code (used by the JSON outputs and the UI)
    code = "error"
    template = QT_TRANSLATE_NOOP("errors", "{detail}")

    def __init__(self, template: str | None = None, **params: object) -> None:
        self.text = Text(CTX, template or self.template, **params)
        self.params = params
        super().__init__(str(self.text))

    @property
    def message(self) -> str:
        """The one-line message, translated into the current language."""
        return str(self.text)


class UsageError(KnownError):
    code = "usage"


class SettingsError(KnownError):
    code = "settings"


class NotFound(KnownError):
    code = "not-found"


class HostNotFound(KnownError):
    code = "host-not-found"
    template = QT_TRANSLATE_NOOP(
        "errors", "Host {host} was not found: check the server name and your internet connection."
    )


class ConnectionRefused(KnownError):
    code = "connection-refused"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{host} refused the connection on port {port}: check the port, or whether the "
        "provider offers this service.",
    )


class NetworkTimeout(KnownError):
    code = "timeout"
    template = QT_TRANSLATE_NOOP(
        "errors", "{host} did not answer on port {port} in time: check the port and your network."
    )


class TlsNotTrusted(KnownError):
    code = "tls-not-trusted"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The certificate of {host} is not trusted ({reason}); SHA-256 fingerprint "
        "{fingerprint}. Pin it for this host only if your administrator confirms it.",
    )


class TlsPinMismatch(KnownError):
    code = "tls-pin-mismatch"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Warning: the certificate of {host} changed (now {fingerprint}, pinned "
        "{pinned}); refusing to connect. Someone may be intercepting the connection.",
    )


class AuthFailed(KnownError):
    code = "auth-failed"
    template = QT_TRANSLATE_NOOP(
        "errors", "Wrong user name or password for {user} at {host}: check them and try again."
    )


class NeedsAppPassword(KnownError):
    code = "needs-app-password"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{provider} refused the password: it needs an app password (create one in your "
        "account's security settings: {url}) or sign-in with the provider.",
    )


class NeedsOAuth(KnownError):
    code = "needs-oauth"
    template = QT_TRANSLATE_NOOP(
        "errors", "{provider} does not accept passwords over IMAP: sign in with {provider} instead."
    )


class ImapDisabled(KnownError):
    code = "imap-disabled"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "IMAP access is switched off for this mailbox: enable IMAP in your provider's "
        "settings ({url}) and check again.",
    )


class Pop3Only(KnownError):
    code = "pop3-only"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{host} offers POP3, not IMAP: Replytrail needs IMAP to see your mailbox on the "
        "server. Enable IMAP at your provider (replytrail discover {email} shows how).",
    )


class ProtocolError(KnownError):
    code = "protocol"
    template = QT_TRANSLATE_NOOP(
        "errors", "{host} answered in a way Replytrail did not expect: {detail}"
    )


class KeyringMissing(KnownError):
    code = "keyring-missing"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "No system keyring is available to keep the password safe ({detail}). Install and "
        "unlock GNOME Keyring or KWallet (Secret Service); Replytrail never stores passwords "
        "in files.",
    )


class StoreError(KnownError):
    code = "store"
    template = QT_TRANSLATE_NOOP("errors", "The CRM store at {path} cannot be used: {detail}")


class DiskFull(StoreError):
    """No space left for the store or its files: nothing new is logged until space is freed."""

    code = "disk-full"
    template = QT_TRANSLATE_NOOP(
        "errors", "Disk full: Replytrail cannot log new replies until space is freed"
    )


class StoreUnreachable(KnownError):
    code = "store-unreachable"
    template = QT_TRANSLATE_NOOP("errors", "The team store {where} cannot be reached: {detail}")


class RecipientRefused(KnownError):
    """The mail server would not take an address (misspelt, gone): the email is not sent."""

    code = "recipient-refused"
    template = QT_TRANSLATE_NOOP(
        "errors", "The mail server did not accept {address}. Check the address. ({reason})"
    )

"""Qt-free steps of setting up an account: find, check, pin, save (the wizard's core, SPEC §4)."""

from __future__ import annotations

import dataclasses
import logging
import socket
import ssl
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from replytrail.core.accounts import AccountRegistry, normalise_email
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials, new_ref
from replytrail.core.discovery import discover, greeting_is_pop3
from replytrail.core.discovery.engine import DEFAULT_TIMEOUT
from replytrail.core.discovery.settings import DiscoveryResult, ServerSettings, StepLog
from replytrail.core.errors import KnownError
from replytrail.core.mail.connect import ImapReport, Secret, test_imap, test_smtp
from replytrail.core.models import Account, Security
from replytrail.core.settings_schema import SettingValue
from replytrail.core.store.freemail import FREE_MAIL

__all__ = [
    "CheckReport",
    "LoggingChoices",
    "Untrusted",
    "account_from_result",
    "check_account",
    "default_never_log",
    "find_settings",
    "greets_as_pop3",
    "pin_certificate",
    "save_account",
    "store_account",
]

log = logging.getLogger("replytrail.setup")

DEFAULT_PORTS = {
    ("imap", "ssl"): 993,
    ("imap", "starttls"): 143,
    ("smtp", "ssl"): 465,
    ("smtp", "starttls"): 587,
}


def greets_as_pop3(host: str, port: int, security: str, timeout: float = 3.0) -> bool:
    """Whether the server on *host*:*port* greets with POP3's ``+OK`` (SPEC §4.3).

    Only the greeting is read (nothing is sent; no credentials), over implicit TLS when
    *security* is ``"ssl"``. ``False`` when nothing answers in *timeout* seconds.
    """
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE  # reading a banner; the login verifies the certificate
    try:
        with socket.create_connection((host, port), timeout=timeout) as raw:
            raw.settimeout(timeout)
            if security != "ssl":
                return greeting_is_pop3(raw.recv(512))
            with ctx.wrap_socket(raw, server_hostname=host) as tls:
                return greeting_is_pop3(tls.recv(512))
    except (OSError, ssl.SSLError):
        return False


def find_settings(
    email: str,
    *,
    preset: Mapping[str, Any] | None,
    step_timeout: float,
    cancel: threading.Event,
    on_step: Callable[[StepLog], None] | None = None,
) -> DiscoveryResult:
    """Discovery (SPEC §4.1) plus the greeting check of the IMAP server it found.

    A server found as IMAP that greets with ``+OK`` is POP3 after all: the result is then
    ``pop3_only`` with that server as ``incoming`` (protocol ``pop3``). *on_step* sees each
    discovery step as it ends (see :func:`discover`). Returns e.g.
    ``DiscoveryResult(incoming=ServerSettings("imap", "127.0.0.1", 993, "ssl", "a@x.test"),
    source="preset", ...)``; ``cancelled`` when *cancel* was set.
    """
    result = discover(
        email,
        preset=preset,
        timeout=max(DEFAULT_TIMEOUT, step_timeout),
        step_timeout=step_timeout,
        cancel=cancel,
        on_step=on_step,
    )
    inc = result.incoming
    if inc is None or inc.protocol != "imap" or cancel.is_set():
        return result
    if greets_as_pop3(inc.host, inc.port, inc.security, timeout=min(3.0, step_timeout)):
        log.info("%s:%d greets like POP3", inc.host, inc.port)
        return dataclasses.replace(
            result, incoming=dataclasses.replace(inc, protocol="pop3"), pop3_only=True
        )
    return result


def _security(server: ServerSettings | None) -> Security:
    return Security(server.security) if server else Security.SSL


def account_from_result(email: str, result: DiscoveryResult | None) -> Account:
    """The account the wizard starts from: what discovery found, standard ports otherwise."""
    email = normalise_email(email)
    inc = result.incoming if result and result.incoming and not result.pop3_only else None
    out = result.outgoing if result else None
    return Account(
        email=email,
        imap_host=inc.host if inc else "",
        imap_port=inc.port if inc else 993,
        imap_security=_security(inc),
        smtp_host=out.host if out else (inc.host if inc else ""),
        smtp_port=out.port if out else 465,
        smtp_security=_security(out),
        username=inc.username if inc and inc.username != email else "",
    )


@dataclass(frozen=True)
class Untrusted:
    """A certificate the system does not trust: what the user is shown before pinning it."""

    host: str
    port: int
    sha256: str  # lower-case hex, as stored in ``Account.pinned_sha256``
    fingerprint: str  # ``AB:CD:…`` for display


@dataclass
class CheckReport:
    """The outcome of :func:`check_account`: each service's error (``None``: it worked)."""

    imap: ImapReport | None = None
    imap_error: KnownError | None = None
    smtp_ok: bool = False
    smtp_error: KnownError | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.imap is not None and self.smtp_ok

    def untrusted(self) -> list[Untrusted]:
        """Distinct untrusted certificates (IMAP first) that can be pinned."""
        out: list[Untrusted] = []
        for err in (self.imap_error, self.smtp_error):
            if err is None or err.code != "tls-not-trusted" or not err.params.get("sha256"):
                continue
            u = Untrusted(
                str(err.params["host"]),
                int(str(err.params.get("port", 0))),
                str(err.params["sha256"]),
                str(err.params["fingerprint"]),
            )
            if all(o.host != u.host or o.sha256 != u.sha256 for o in out):
                out.append(u)
        return out


def check_account(account: Account, secret: Secret, *, timeout: float = 20.0) -> CheckReport:
    """Log in to IMAP (CAPABILITY, IDLE) and SMTP (EHLO, TLS, AUTH); failures are captured."""
    report = CheckReport()
    try:
        report.imap = test_imap(account, secret, timeout=timeout)
        report.warnings = list(report.imap.warnings)
    except KnownError as e:
        report.imap_error = _bare(e)
    try:
        test_smtp(account, secret, timeout=timeout)
        report.smtp_ok = True
    except KnownError as e:
        report.smtp_error = _bare(e)
    return report


def _bare(err: KnownError) -> KnownError:
    """The error without its traceback and context: the report outlives the attempt, and
    the frames would keep the password and the connection alive."""
    err.__context__ = None
    return err.with_traceback(None)


def pin_certificate(account: Account, host: str, sha256: str) -> None:
    """Trust exactly this certificate for *host* only (SPEC §4.2, §13)."""
    clean = sha256.replace(":", "").strip().lower()
    if len(clean) != 64 or any(c not in "0123456789abcdef" for c in clean):
        raise ValueError("not a SHA-256 fingerprint")
    account.pinned_sha256 = {**account.pinned_sha256, host.lower(): clean}


def default_never_log(email: str) -> list[str]:
    """The user's own domain (their colleagues), unless it is a free-mail domain."""
    domain = email.rpartition("@")[2].strip().lower()
    return [] if not domain or domain in FREE_MAIL else [domain]


@dataclass(frozen=True)
class LoggingChoices:
    """What the wizard's logging page decided (written to the settings on finish)."""

    mode: str = "tracked"  # "tracked" | "contacts"
    since: date | None = None
    never_log: tuple[str, ...] = ()


def store_account(
    *, accounts: AccountRegistry, credentials: Credentials, account: Account, secret: str
) -> Account:
    """Keyring first (nothing is saved without one), then the account (SPEC §4.5).

    A fresh credential reference per save; an old entry of the same address is replaced and
    its keyring entry deleted. The wizard and ``replytrail account add`` both save through
    here. Raises ``KeyringMissing``.
    """
    credentials.check()
    saved = dataclasses.replace(
        account,
        credential_ref=new_ref(account.email),
        pinned_sha256=dict(account.pinned_sha256),
    )
    credentials.store(saved.credential_ref, secret)
    try:
        old: Account | None = accounts.get(saved.email)
    except KnownError:
        old = None
    accounts.save(saved)
    if old and old.credential_ref and old.credential_ref != saved.credential_ref:
        credentials.delete(old.credential_ref)
    log.info("account %s saved", saved.email)
    return saved


def save_account(
    *,
    accounts: AccountRegistry,
    credentials: Credentials,
    settings: Settings,
    account: Account,
    secret: str,
    choices: LoggingChoices,
) -> Account:
    """The wizard's finish: :func:`store_account`, then the logging choices to the settings
    (a value the administrator locked in the team preset stays)."""
    saved = store_account(
        accounts=accounts,
        credentials=credentials,
        account=dataclasses.replace(account, logging_mode=choices.mode),
        secret=secret,
    )
    chosen: dict[str, SettingValue] = {
        "logging.mode": choices.mode,
        "logging.never_log": list(dict.fromkeys(choices.never_log)),
    }
    if choices.since is not None:
        chosen["logging.since_date"] = choices.since.isoformat()
    for key, value in chosen.items():
        if not settings.is_locked(key):  # the administrator's value stays
            settings.set(key, value)
    return saved

"""Log in to IMAP and SMTP with verified TLS, mapping every failure to a KnownError (SPEC §4.2)."""

from __future__ import annotations

import errno
import imaplib
import logging
import smtplib
import socket
import ssl
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field

from imapclient import IMAPClient
from imapclient.exceptions import LoginError

from replytrail.core.errors import (
    AuthFailed,
    ConnectionRefused,
    HostNotFound,
    ImapDisabled,
    KnownError,
    NeedsAppPassword,
    NeedsOAuth,
    NetworkTimeout,
    Pop3Only,
    ProtocolError,
)
from replytrail.core.i18n import QT_TRANSLATE_NOOP
from replytrail.core.models import Account, Security
from replytrail.core.oauth.errors import SignInAgain, SmtpAuthDisabled, TemporaryAuthFailure
from replytrail.core.oauth.sasl import choose_mechanism, initial_response
from replytrail.core.tls import TlsPolicy, grab_certificate

__all__ = [
    "COMMAND_TIMEOUT",
    "DONE_TIMEOUT",
    "KEEPALIVE",
    "ImapReport",
    "Secret",
    "SmtpReport",
    "keep_alive",
    "open_imap",
    "open_smtp",
    "policy_for",
    "test_imap",
    "test_smtp",
]

log = logging.getLogger("replytrail.mail")

POP3_PORTS = (995, 110)
#: a command's reply may pause this long (seconds) before the connection counts as dead
COMMAND_TIMEOUT = 120.0
#: ending IDLE answers at once on a live connection; a dead one must not hold the watcher
DONE_TIMEOUT = 30.0
#: TCP keepalive (idle s, interval s, probes): a silently dead connection (a NAT mapping gone,
#: packets dropped) is noticed by the kernel within idle + interval × probes = 95 s (measured
#: under load: < 120 s end to end), while the app itself stays asleep; TCP_USER_TIMEOUT caps
#: unacknowledged data the same way
KEEPALIVE = (45, 10, 5)


def keep_alive(sock: socket.socket, spec: tuple[int, int, int] = KEEPALIVE) -> None:
    """Turn on TCP keepalive with *spec* (where the platform knows the options)."""
    idle, interval, probes = spec
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    for name, value in (
        ("TCP_KEEPIDLE", idle),
        ("TCP_KEEPINTVL", interval),
        ("TCP_KEEPCNT", probes),
        ("TCP_USER_TIMEOUT", (idle + interval * probes) * 1000),
    ):
        option = getattr(socket, name, None)
        if option is not None:
            sock.setsockopt(socket.IPPROTO_TCP, option, value)


#: a password or token, or something that gives one at login time (a token source also has
#: ``refreshed()``: a new token when the server refused the cached one)
Secret = str | Callable[[], str]


def _secret_text(secret: Secret) -> str:
    return secret if isinstance(secret, str) else secret()


def _fresh_secret(secret: Secret) -> str | None:
    again = getattr(secret, "refreshed", None)
    return str(again()) if callable(again) else None


def policy_for(account: Account) -> TlsPolicy:
    return TlsPolicy(ca_file=account.ca_file, pins=dict(account.pinned_sha256))


@dataclass
class ImapReport:
    capabilities: list[str]
    idle: bool
    special_use: bool
    warnings: list[str] = field(default_factory=list)


@dataclass
class SmtpReport:
    extensions: list[str]
    auth_mechanisms: list[str]
    tls: str


@contextmanager
def _mapped(host: str, port: int, policy: TlsPolicy, starttls: str) -> Iterator[None]:
    """Translate socket/TLS exceptions into the user's one-line reasons."""
    try:
        yield
    except KnownError:
        raise
    except socket.gaierror:
        raise HostNotFound(host=host) from None
    except ConnectionRefusedError:
        raise ConnectionRefused(host=host, port=port) from None
    except TimeoutError:
        raise NetworkTimeout(host=host, port=port) from None
    except ssl.SSLCertVerificationError as e:
        try:
            der: bytes | None = grab_certificate(host, port, starttls=starttls, timeout=5)
        except (OSError, ssl.SSLError):
            der = None
        raise policy.not_trusted(host, port, e, der) from None
    except ssl.SSLError as e:
        raise ProtocolError(host=host, detail=f"TLS failed ({e.reason or e})") from None
    except OSError as e:
        if e.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
            raise HostNotFound(host=host) from None
        raise ProtocolError(host=host, detail=e.strerror or str(e)) from None


def _pop3_greeting(host: str, port: int, timeout: float, tls: bool | None = None) -> bool:
    """True when something on host:port greets like a POP3 server (implicit TLS or plain)."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname, ctx.verify_mode = False, ssl.CERT_NONE
    if tls is None:
        tls = port != 110
    try:
        with socket.create_connection((host, port), timeout=timeout) as raw:
            raw.settimeout(timeout)
            if not tls:
                return raw.recv(64).startswith(b"+OK")
            try:
                with ctx.wrap_socket(raw, server_hostname=host) as wrapped:
                    return wrapped.recv(64).startswith(b"+OK")
            except ssl.SSLError:
                return False
    except OSError:
        return False


def _raise_if_pop3(account: Account, timeout: float) -> None:
    for port in POP3_PORTS:
        if _pop3_greeting(account.imap_host, port, min(timeout, 3.0)):
            raise Pop3Only(host=account.imap_host, email=account.email)


def _login_error(account: Account, text: str) -> KnownError:
    low = text.lower()
    if "[unavailable]" in low or "temporary authentication failure" in low:
        return TemporaryAuthFailure(host=account.imap_host)
    if account.auth == "oauth2":
        return SignInAgain(email=account.email)
    if "application-specific password" in low or "app password" in low:
        return NeedsAppPassword(
            provider=account.imap_host, url="https://myaccount.google.com/apppasswords"
        )
    if "basicauthblocked" in low or "oauth" in low:
        return NeedsOAuth(provider=account.imap_host)
    if "imap" in low and ("disabled" in low or "not enabled" in low or "enable" in low):
        return ImapDisabled(url=account.imap_host)
    return AuthFailed(user=account.login, host=account.imap_host)


def _imap_login(client: IMAPClient, account: Account, secret: Secret) -> None:
    """LOGIN with the password, or OAUTHBEARER/XOAUTH2 as the capabilities allow.

    A refused token is refreshed once and tried again (it may have been revoked early).
    """
    if account.auth != "oauth2":
        client.login(account.login, _secret_text(secret))
        return
    offered = [c.decode()[5:] for c in client.capabilities() if c.upper().startswith(b"AUTH=")]
    mech = choose_mechanism(offered)

    def attempt(token: str) -> None:
        if mech == "OAUTHBEARER":  # oauth2_login(mech="OAUTHBEARER") sends the XOAUTH2 format
            client.oauthbearer_login(account.login, token)
        else:
            client.oauth2_login(account.login, token)

    try:
        attempt(_secret_text(secret))
    except LoginError as e:
        if isinstance(_login_error(account, str(e)), TemporaryAuthFailure):
            raise
        token = _fresh_secret(secret)
        if token is None:
            raise
        attempt(token)
    log.info("IMAP %s for %s", mech, account.login)


def open_imap(
    account: Account, secret: Secret, *, timeout: float = 30.0, read_timeout: float | None = None
) -> IMAPClient:
    """A logged-in IMAPClient (TLS verified or pinned). Raises a KnownError on failure."""
    host, port = account.imap_host, account.imap_port
    policy = policy_for(account)
    starttls = "imap" if account.imap_security is Security.STARTTLS else ""
    from imapclient import SocketTimeout

    client: IMAPClient | None = None
    with _mapped(host, port, policy, starttls):
        try:
            to = SocketTimeout(connect=timeout, read=read_timeout or timeout)
            if account.imap_security is Security.SSL:
                client = IMAPClient(
                    host, port=port, ssl=True, ssl_context=policy.context(host), timeout=to
                )
            else:
                client = IMAPClient(host, port=port, ssl=False, timeout=to)
                if b"STARTTLS" not in client.capabilities():
                    raise ProtocolError(
                        QT_TRANSLATE_NOOP(
                            "errors",
                            "{host} does not offer STARTTLS on port "
                            "{port}; Replytrail never sends a password "
                            "unencrypted. Use port 993 with SSL/TLS.",
                        ),
                        host=host,
                        port=port,
                    )
                client.starttls(policy.context(host))
        except (imaplib.IMAP4.error, imaplib.IMAP4.abort) as e:
            # imaplib reads a POP3 "+OK" greeting as a continuation and fails with no text
            if "+OK" in str(e) or _pop3_greeting(
                host, port, min(timeout, 5.0), tls=account.imap_security is Security.SSL
            ):
                raise Pop3Only(host=host, email=account.email) from None
            raise ProtocolError(host=host, detail=str(e)[:200]) from None
        except ConnectionRefusedError:
            _raise_if_pop3(account, timeout)
            raise
        assert client is not None
        keep_alive(client.socket())
        try:
            policy.check_peer(host, client.socket())
        except KnownError:
            client.shutdown()  # a changed pinned certificate: close before saying so
            raise
        try:
            _imap_login(client, account, secret)
        except LoginError as e:
            client.shutdown()
            raise _login_error(account, str(e)) from None
        except BaseException:  # no token to be had (sign in again, provider unreachable)
            client.shutdown()
            raise
    log.info("IMAP login to %s:%d as %s ok", host, port, account.login)
    return client


def test_imap(account: Account, secret: Secret, *, timeout: float = 20.0) -> ImapReport:
    client = open_imap(account, secret, timeout=timeout)
    try:
        caps = sorted(c.decode() for c in client.capabilities())
    finally:
        with suppress(imaplib.IMAP4.error, OSError):
            client.logout()
    report = ImapReport(capabilities=caps, idle="IDLE" in caps, special_use="SPECIAL-USE" in caps)
    if not report.idle:
        report.warnings.append(
            QT_TRANSLATE_NOOP(
                "errors",
                "The server does not support IDLE: replies are found by polling every "
                "minute instead of at once.",
            )
        )
    return report


def _smtp_login(smtp: smtplib.SMTP, account: Account, secret: Secret) -> None:
    """AUTH with the password, or OAUTHBEARER/XOAUTH2 as EHLO allows (one retry, as IMAP)."""
    if account.auth != "oauth2":
        smtp.login(account.login, _secret_text(secret))
        return
    mech = choose_mechanism(smtp.esmtp_features.get("auth", "").split())

    def attempt(token: str) -> None:
        first = initial_response(mech, account.login, token)
        # a refusal comes as a 334 error challenge that must be answered with an empty line
        smtp.auth(mech, lambda challenge=None: first if challenge is None else "")

    try:
        attempt(_secret_text(secret))
    except smtplib.SMTPAuthenticationError as e:
        if _smtp_oauth_error(account, e) is not None:
            raise
        token = _fresh_secret(secret)
        if token is None:
            raise
        attempt(token)


def _smtp_oauth_error(account: Account, e: smtplib.SMTPAuthenticationError) -> KnownError | None:
    """Refusals that a new token cannot fix (Microsoft's 5.7.139, a temporary 454)."""
    text = e.smtp_error.decode(errors="replace") if isinstance(e.smtp_error, bytes) else ""
    if "5.7.139" in text:
        return SmtpAuthDisabled(email=account.email, provider=account.smtp_host)
    if e.smtp_code == 454 or "temporary" in text.lower():
        return TemporaryAuthFailure(host=account.smtp_host)
    return None


def open_smtp(account: Account, secret: Secret, *, timeout: float = 30.0) -> smtplib.SMTP:
    """A logged-in SMTP connection (implicit TLS or STARTTLS, never plain AUTH)."""
    host, port = account.smtp_host, account.smtp_port
    policy = policy_for(account)
    starttls = "smtp" if account.smtp_security is Security.STARTTLS else ""
    smtp: smtplib.SMTP
    with _mapped(host, port, policy, starttls):
        try:
            if account.smtp_security is Security.SSL:
                smtp = smtplib.SMTP_SSL(host, port, timeout=timeout, context=policy.context(host))
            else:
                smtp = smtplib.SMTP(host, port, timeout=timeout)
                smtp.ehlo()
                if not smtp.has_extn("starttls"):
                    smtp.close()
                    raise ProtocolError(
                        QT_TRANSLATE_NOOP(
                            "errors",
                            "{host} does not offer STARTTLS on port "
                            "{port}; Replytrail never sends a password "
                            "unencrypted. Use port 465 with SSL/TLS.",
                        ),
                        host=host,
                        port=port,
                    )
                smtp.starttls(context=policy.context(host))
            assert isinstance(smtp.sock, ssl.SSLSocket)
            try:
                policy.check_peer(host, smtp.sock)
            except KnownError:
                smtp.close()
                raise
            smtp.ehlo()
        except smtplib.SMTPServerDisconnected as e:
            raise ProtocolError(host=host, detail=str(e) or "connection closed") from None
        except smtplib.SMTPResponseException as e:
            raise ProtocolError(host=host, detail=f"{e.smtp_code} {e.smtp_error!r}") from None
        try:
            _smtp_login(smtp, account, secret)
        except smtplib.SMTPAuthenticationError as e:
            smtp.close()
            text = e.smtp_error.decode(errors="replace") if isinstance(e.smtp_error, bytes) else ""
            err = _smtp_oauth_error(account, e) or _login_error(account, text)
            if isinstance(err, AuthFailed) and account.auth != "oauth2":
                err = AuthFailed(user=account.login, host=host)
            raise err from None
        except smtplib.SMTPNotSupportedError:
            smtp.close()
            raise ProtocolError(host=host, detail="the server offers no login (AUTH)") from None
        except BaseException:  # no token to be had (sign in again, provider unreachable)
            smtp.close()
            raise
    log.info("SMTP login to %s:%d as %s ok", host, port, account.login)
    return smtp


def test_smtp(account: Account, secret: Secret, *, timeout: float = 20.0) -> SmtpReport:
    smtp = open_smtp(account, secret, timeout=timeout)
    try:
        ext = sorted(smtp.esmtp_features)
        mechs = smtp.esmtp_features.get("auth", "").split()
    finally:
        with suppress(smtplib.SMTPException, OSError):
            smtp.quit()
    return SmtpReport(extensions=ext, auth_mechanisms=mechs, tls=str(account.smtp_security))

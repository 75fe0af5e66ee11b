"""``replytrail account add|list|test|remove`` (SPEC §4.5, §12)."""

from __future__ import annotations

import argparse
import getpass
import json
import threading
from pathlib import Path
from typing import Any

from replytrail.commands.account_oauth import add_oauth_options, run_add_oauth
from replytrail.commands.context import CliContext
from replytrail.core.accounts import normalise_email
from replytrail.core.errors import KnownError, Pop3Only, UsageError
from replytrail.core.i18n import QT_TRANSLATE_NOOP, translate
from replytrail.core.mail.connect import test_imap, test_smtp
from replytrail.core.models import Account, Security
from replytrail.core.setup import account_from_result, find_settings, greets_as_pop3, store_account

__all__ = ["register", "run"]

CTX = "cli"
POP3_PORTS = (110, 995)


def register(sub: Any) -> None:
    p = sub.add_parser("account", help="add, list, test or remove mail accounts")
    asub = p.add_subparsers(dest="account_command", metavar="ACTION", required=True)
    add = asub.add_parser("add", help="add a mailbox; the password goes to the keyring only")
    add.add_argument("--email", required=True)
    add.add_argument("--imap-host")
    add.add_argument("--imap-port", type=int)
    add.add_argument("--imap-security", choices=["ssl", "starttls"])
    add.add_argument("--smtp-host")
    add.add_argument("--smtp-port", type=int)
    add.add_argument("--smtp-security", choices=["ssl", "starttls"])
    add.add_argument("--username", help="login name when it is not the email address")
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of stdin",
    )
    add.add_argument("--ca-file", metavar="PEM", help="trust this CA besides the system's")
    add.add_argument(
        "--pin-sha256",
        metavar="FP",
        action="append",
        default=[],
        help="trust exactly this certificate (SHA-256 fingerprint, as shown when "
        "it was not trusted) for the IMAP and SMTP host; repeatable",
    )
    add.add_argument(
        "--no-discover",
        action="store_true",
        help="don't look the server settings up; use the options given",
    )
    add.add_argument(
        "--no-test", action="store_true", help="save without logging in first (e.g. while offline)"
    )
    add.add_argument("--logging-address", help="Bcc logging address (default: local+log@domain)")
    add_oauth_options(add)
    add.set_defaults(func=run_add)
    lst = asub.add_parser("list", help="list the accounts")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=run_list)
    tst = asub.add_parser("test", help="log in to IMAP and SMTP and report")
    tst.add_argument("email", nargs="?", help="only this account")
    tst.set_defaults(func=run_test)
    rm = asub.add_parser("remove", help="remove an account and its keyring entry")
    rm.add_argument("email")
    rm.set_defaults(func=run_remove)


def run(args: argparse.Namespace, ctx: CliContext) -> int:  # pragma: no cover - dispatch only
    result: int = args.func(args, ctx)
    return result


def _read_password(args: argparse.Namespace, ctx: CliContext) -> str:
    if args.password_stdin:
        line = ctx.stdin.readline()
        pw = line.rstrip("\r\n")
    elif ctx.stdin.isatty():
        pw = getpass.getpass(translate(CTX, QT_TRANSLATE_NOOP("cli", "Password: ")))
    else:
        raise UsageError(
            QT_TRANSLATE_NOOP(
                "errors", "No password given: pass --password-stdin and write it to stdin."
            )
        )
    if not pw:
        raise UsageError(QT_TRANSLATE_NOOP("errors", "The password is empty."))
    return pw


def _security(value: str | None, default: Security) -> Security:
    return Security(value) if value else default


def _discovered(email: str, ctx: CliContext) -> Account:
    """The account discovery (SPEC §4.1) suggests, the same way the wizard gets it."""
    step = ctx.settings.values().discovery.timeout  # each step; the whole run longer
    result = find_settings(
        email, preset=ctx.preset.get("servers", {}), step_timeout=step, cancel=threading.Event()
    )
    if result.pop3_only:
        raise Pop3Only(host=result.incoming.host if result.incoming else email, email=email)
    return account_from_result(email, result)


def _ca_file(value: str | None) -> str:
    if not value:
        return ""
    ca = Path(value).expanduser().resolve()
    if not ca.is_file():
        raise UsageError(QT_TRANSLATE_NOOP("errors", "The CA file {path} does not exist."), path=ca)
    return str(ca)


def _pins(values: list[str], *hosts: str) -> dict[str, str]:
    pins: dict[str, str] = {}
    for fp in values:
        clean = fp.replace(":", "").strip().lower()
        if len(clean) != 64 or any(c not in "0123456789abcdef" for c in clean):
            raise UsageError(
                QT_TRANSLATE_NOOP("errors", "{value!r} is not a SHA-256 fingerprint."), value=fp
            )
        pins = {h.lower(): clean for h in hosts}
    return pins


def build_account(args: argparse.Namespace, ctx: CliContext) -> Account:
    """Discovery's suggestion (unless --no-discover or --imap-host), overridden by the options."""
    email = normalise_email(args.email)
    found: Account | None = None
    if not args.no_discover and not args.imap_host:
        found = _discovered(email, ctx)
    imap_host = args.imap_host or (found.imap_host if found else "")
    if not imap_host:
        raise UsageError(
            QT_TRANSLATE_NOOP("errors", "No IMAP server known for {email}: give --imap-host."),
            email=email,
        )
    if args.imap_port in POP3_PORTS:
        raise Pop3Only(host=imap_host, email=email)
    imap_sec = _security(args.imap_security, found.imap_security if found else Security.SSL)
    imap_port = (
        args.imap_port
        or (found.imap_port if found and not args.imap_security else 0)
        or (993 if imap_sec is Security.SSL else 143)
    )
    smtp_sec = _security(args.smtp_security, found.smtp_security if found else Security.SSL)
    smtp_port = (
        args.smtp_port
        or (found.smtp_port if found and not args.smtp_security else 0)
        or (465 if smtp_sec is Security.SSL else 587)
    )
    smtp_host = args.smtp_host or (found.smtp_host if found else "") or imap_host
    return Account(
        pinned_sha256=_pins(args.pin_sha256, imap_host, smtp_host),
        email=email,
        imap_host=imap_host,
        imap_port=imap_port,
        imap_security=imap_sec,
        smtp_host=smtp_host,
        smtp_port=smtp_port,
        smtp_security=smtp_sec,
        username=args.username or (found.username if found else ""),
        ca_file=_ca_file(args.ca_file),
        logging_address=args.logging_address or "",
    )


def run_add(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.oauth:
        return run_add_oauth(args, ctx, build_account)
    account = build_account(args, ctx)
    password = _read_password(args, ctx)
    ctx.credentials.check()  # no keyring: say so before anything is saved
    if not args.no_test:
        # a server that greets like POP3 is refused here as in the wizard (SPEC §4.3)
        if greets_as_pop3(account.imap_host, account.imap_port, str(account.imap_security)):
            raise Pop3Only(host=account.imap_host, email=account.email)
        test_imap(account, password)
        test_smtp(account, password)
    account = store_account(
        accounts=ctx.accounts, credentials=ctx.credentials, account=account, secret=password
    )
    print(
        translate(
            CTX,
            QT_TRANSLATE_NOOP(
                "cli",
                "Added {email} (IMAP {imap}, SMTP {smtp}); the password is in the system keyring.",
            ),
            email=account.email,
            imap=f"{account.imap_host}:{account.imap_port}",
            smtp=f"{account.smtp_host}:{account.smtp_port}",
        ),
        file=ctx.out,
    )
    return 0


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    accounts = ctx.accounts.all()
    if args.json:
        json.dump(
            [
                {
                    "email": a.email,
                    "imap_host": a.imap_host,
                    "imap_port": a.imap_port,
                    "imap_security": str(a.imap_security),
                    "smtp_host": a.smtp_host,
                    "smtp_port": a.smtp_port,
                    "smtp_security": str(a.smtp_security),
                    "username": a.login,
                    "logging_address": a.bcc_address,
                    "enabled": a.enabled,
                    "auth": a.auth,
                    "oauth_provider": a.oauth_provider,
                }
                for a in accounts
            ],
            ctx.out,
            indent=2,
        )
        print(file=ctx.out)
        return 0
    if not accounts:
        print(
            translate(
                CTX,
                QT_TRANSLATE_NOOP(
                    "cli", "No accounts yet: replytrail account add --email YOU@EXAMPLE.COM"
                ),
            ),
            file=ctx.out,
        )
    for a in accounts:
        print(
            f"{a.email}  IMAP {a.imap_host}:{a.imap_port} ({a.imap_security})  "
            f"SMTP {a.smtp_host}:{a.smtp_port} ({a.smtp_security})  Bcc {a.bcc_address}",
            file=ctx.out,
        )
    return 0


def run_test(args: argparse.Namespace, ctx: CliContext) -> int:
    accounts = [ctx.accounts.get(args.email)] if args.email else ctx.accounts.all()
    if not accounts:
        raise UsageError(QT_TRANSLATE_NOOP("errors", "There are no accounts to test."))
    failed: KnownError | None = None
    for a in accounts:
        try:
            secret = ctx.secrets.for_account(a)
            imap = test_imap(a, secret)
            print(
                translate(
                    CTX,
                    QT_TRANSLATE_NOOP("cli", "{email}: IMAP ok ({host}:{port}, IDLE {idle})"),
                    email=a.email,
                    host=a.imap_host,
                    port=a.imap_port,
                    idle="yes" if imap.idle else "no",
                ),
                file=ctx.out,
            )
            for w in imap.warnings:
                print(f"{a.email}: {translate('errors', w)}", file=ctx.out)
            test_smtp(a, secret)
            print(
                translate(
                    CTX,
                    QT_TRANSLATE_NOOP("cli", "{email}: SMTP ok ({host}:{port})"),
                    email=a.email,
                    host=a.smtp_host,
                    port=a.smtp_port,
                ),
                file=ctx.out,
            )
        except KnownError as e:
            failed = e
            if len(accounts) > 1:
                print(f"replytrail: {a.email}: {e.message}", file=ctx.err)
    if failed is not None:
        if len(accounts) > 1:
            return 1
        raise failed
    return 0


def run_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    account = ctx.accounts.remove(args.email)
    if account.credential_ref:
        ctx.credentials.delete(account.credential_ref)
    ctx.store.clear_checkpoints(account.email)
    print(
        translate(
            CTX,
            QT_TRANSLATE_NOOP("cli", "Removed {email}; its logged emails stay in the store."),
            email=account.email,
        ),
        file=ctx.out,
    )
    return 0

"""``replytrail doctor``: one line per check (keyring, settings, store, accounts); 1 on failure."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from replytrail.commands.context import CliContext
from replytrail.core.errors import KnownError
from replytrail.core.i18n import QT_TRANSLATE_NOOP, translate
from replytrail.core.mail.connect import test_imap, test_smtp
from replytrail.core.store.local import check_space
from replytrail.core.tempfiles import clean_stale_temp

__all__ = ["register"]

CTX = "doctor"


def register(sub: Any) -> None:
    p = sub.add_parser("doctor", help="check keyring, store, settings and every account")
    p.add_argument("--offline", action="store_true", help="skip the account logins")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    failures = 0

    def check(label: str, fn: Callable[[], str]) -> None:
        nonlocal failures
        try:
            detail = fn()
            print(f"ok    {label}: {detail}", file=ctx.out)
        except KnownError as e:
            failures += 1
            print(f"FAIL  {label}: {e.message}", file=ctx.out)

    check(translate(CTX, QT_TRANSLATE_NOOP("doctor", "keyring")), ctx.credentials.check)

    def settings() -> str:
        ctx.settings.reload()
        preset = ctx.preset.get("_path")
        if preset:
            return translate(
                CTX,
                QT_TRANSLATE_NOOP("doctor", "{path} (team preset {preset})"),
                path=ctx.paths.settings_file,
                preset=preset,
            )
        return str(ctx.paths.settings_file)

    check(translate(CTX, QT_TRANSLATE_NOOP("doctor", "settings")), settings)

    def store() -> str:
        result = ctx.store.integrity_check()
        if result != "ok":
            from replytrail.core.errors import StoreError

            raise StoreError(path=ctx.paths.store_file, detail=result)
        stats = ctx.store.stats()
        removed = ctx.store.gc_blobs() + clean_stale_temp(ctx.paths)
        check_space(ctx.paths)  # the disk full: say so here too, not only in the watcher
        text = (
            QT_TRANSLATE_NOOP(
                "doctor",
                "{path} (schema {schema}, {emails} emails, {contacts} "
                "contacts, {removed} orphaned files removed)",
            )
            if removed
            else QT_TRANSLATE_NOOP(
                "doctor", "{path} (schema {schema}, {emails} emails, {contacts} contacts)"
            )
        )
        return translate(
            CTX,
            text,
            path=ctx.paths.store_file,
            schema=ctx.store.version,
            emails=stats["emails"],
            contacts=stats["contacts"],
            removed=removed,
        )

    check(translate(CTX, QT_TRANSLATE_NOOP("doctor", "store")), store)

    team_dsn = ctx.settings.values().store.team_dsn
    if team_dsn and not args.offline:

        def team() -> str:
            from replytrail.core.store.team import check_team_store
            from replytrail.core.team.membership import joined

            if joined(ctx.settings):
                return _team_member(ctx)

            info = check_team_store(team_dsn)
            text = (
                QT_TRANSLATE_NOOP("doctor", "PostgreSQL {version}, {database} as {user}, TLS")
                if info.encrypted
                else QT_TRANSLATE_NOOP(
                    "doctor", "PostgreSQL {version}, {database} as {user}, no TLS (this machine)"
                )
            )
            return translate(
                CTX, text, version=info.server_version, database=info.database, user=info.user
            )

        check(translate(CTX, QT_TRANSLATE_NOOP("doctor", "team store")), team)
    accounts = []
    try:
        accounts = ctx.accounts.all()
    except KnownError as e:
        failures += 1
        label = translate(CTX, QT_TRANSLATE_NOOP("doctor", "accounts"))
        print(f"FAIL  {label}: {e.message}", file=ctx.out)
    for a in accounts:
        if args.offline:
            continue

        def imap(a: Any = a) -> str:
            rep = test_imap(a, ctx.secrets.for_account(a))
            text = (
                QT_TRANSLATE_NOOP("doctor", "{host}:{port}, TLS verified, IDLE yes")
                if rep.idle
                else QT_TRANSLATE_NOOP("doctor", "{host}:{port}, TLS verified, no IDLE (polling)")
            )
            return translate(CTX, text, host=a.imap_host, port=a.imap_port)

        def smtp(a: Any = a) -> str:
            test_smtp(a, ctx.secrets.for_account(a))
            return translate(
                CTX,
                QT_TRANSLATE_NOOP("doctor", "{host}:{port}, TLS verified, login ok"),
                host=a.smtp_host,
                port=a.smtp_port,
            )

        check(f"{a.email} IMAP", imap)
        check(f"{a.email} SMTP", smtp)
    return 1 if failures else 0


def _team_member(ctx: CliContext) -> str:
    """This laptop's membership: link (verified TLS, keyring password), policy, outbox."""
    from replytrail.core.store.team_side import replica_of
    from replytrail.core.team.status import team_status

    st = team_status(replica_of(ctx.store), ctx.settings, ctx.credentials)
    if not st.reachable:
        raise KnownError(detail=st.error)
    return translate(
        CTX,
        QT_TRANSLATE_NOOP(
            "doctor",
            "{user} on {server}, TLS verified, policy {policy}, schema {schema}, "
            "{outbox} waiting to be sent",
        ),
        user=st.user,
        server=st.server,
        policy=st.policy,
        schema=st.schema,
        outbox=st.outbox,
    )

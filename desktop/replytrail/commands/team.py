"""``replytrail team``: set up a team store, join it, see its state, sync now (SPEC §11.2, §12).

``init`` and ``add-user`` run as the administrator (``--dsn`` of a PostgreSQL role that may
create roles); ``join``, ``status``, ``sync`` as the salesperson on this laptop.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from replytrail.commands.context import CliContext
from replytrail.core.errors import KnownError, UsageError
from replytrail.core.i18n import QT_TRANSLATE_NOOP, translate
from replytrail.core.store.postgres.link import TeamLink, describe, open_connection
from replytrail.core.store.team_side import ReplicaStore, replica_of

__all__ = ["register"]

CTX = "cli"


def register(sub: Any) -> None:
    t = sub.add_parser("team", help="the team store on PostgreSQL (SPEC §11.2)")
    ts = t.add_subparsers(dest="team_command", metavar="COMMAND", required=True)
    p = ts.add_parser("init", help="create or upgrade the team schema, roles and policies")
    p.add_argument("--dsn", required=True, help="the administrator's connection string")
    p.add_argument("--policy", choices=["shared", "private-bodies"], help="default: the preset's")
    p.set_defaults(func=run_init)
    p = ts.add_parser("add-user", help="a role for a salesperson, with a one-time password")
    p.add_argument("email")
    p.add_argument("--dsn", help="the administrator's connection string (default: settings)")
    p.add_argument("--admin", action="store_true", help="may forget contacts team-wide")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_add_user)
    p = ts.add_parser("join", help="use a team store from this laptop")
    p.add_argument("--dsn", help="default: the team preset's store.team_dsn")
    p.add_argument("--user", help="your role (default: your first account's address)")
    p.add_argument("--password-stdin", action="store_true", required=True)
    p.add_argument("--ca-file", default="", metavar="PEM")
    p.set_defaults(func=run_join)
    p = ts.add_parser("status", help="outbox, last push and pull, server, policy")
    p.add_argument("--json", action="store_true")
    p.add_argument("--offline", action="store_true", help="do not contact the server")
    p.set_defaults(func=run_status)
    p = ts.add_parser("sync", help="pull the team's changes and push the outbox now")
    p.set_defaults(func=run_sync)
    p = ts.add_parser("forget", help="(admin) forget a contact on every laptop of the team")
    p.add_argument("contact")
    p.set_defaults(func=run_forget)


def _local(ctx: CliContext) -> ReplicaStore:
    return replica_of(ctx.store)


def _say(ctx: CliContext, text: str, **params: object) -> None:
    print(translate(CTX, text, **params), file=ctx.out)


def _admin_conn(ctx: CliContext, dsn: str | None) -> Any:
    dsn = dsn or ctx.settings.values().store.team_dsn
    if not dsn:
        raise UsageError(QT_TRANSLATE_NOOP("errors", "Give the team store with --dsn."))
    return open_connection(TeamLink(dsn, default_sslmode="prefer"), autocommit=True)


def run_init(args: argparse.Namespace, ctx: CliContext) -> int:
    from replytrail.core.team.admin import init_team

    policy = args.policy or ""
    if not policy and ctx.settings.source("store.team_policy") != "default":
        policy = ctx.settings.values().store.team_policy  # the team preset's choice
    with _admin_conn(ctx, args.dsn) as conn:
        res = init_team(conn, policy)
    if res.before == res.after:
        text = QT_TRANSLATE_NOOP("cli", "Team store {where} is up to date (schema {v}, {policy}).")
    else:
        text = QT_TRANSLATE_NOOP(
            "cli", "Team store {where} ready: schema {old} → {v}, policy {policy}."
        )
    _say(ctx, text, where=describe(args.dsn), v=res.after, old=res.before, policy=res.policy)
    return 0


def run_add_user(args: argparse.Namespace, ctx: CliContext) -> int:
    from replytrail.core.team.admin import add_user

    with _admin_conn(ctx, args.dsn) as conn:
        password = add_user(conn, args.email, admin=args.admin)
    role = args.email.strip().lower()
    if args.json:
        json.dump({"user": role, "password": password, "admin": args.admin}, ctx.out)
        print(file=ctx.out)
        return 0
    _say(
        ctx,
        QT_TRANSLATE_NOOP(
            "cli",
            "Role {user} created. One-time password (give it to them in person, then they run "
            "'replytrail team join --user {user} --password-stdin'):",
        ),
        user=role,
    )
    print(password, file=ctx.out)
    return 0


def run_join(args: argparse.Namespace, ctx: CliContext) -> int:
    from replytrail.core.team.membership import join

    password = ctx.stdin.readline().rstrip("\r\n")
    dsn = args.dsn or ctx.settings.values().store.team_dsn
    accounts = [a.email for a in ctx.accounts.all()]
    user = (args.user or (accounts[0] if accounts else "")).strip().lower()
    if not dsn or not user or not password:
        raise UsageError(
            QT_TRANSLATE_NOOP(
                "errors",
                "team join needs --dsn (or a team preset), --user and a password on stdin.",
            )
        )
    ca = str(args.ca_file or ctx.settings.values().store.team_ca_file)
    res = join(
        ctx.settings, ctx.credentials, _local(ctx), TeamLink(dsn, user, ca, password), accounts
    )
    _say(
        ctx,
        QT_TRANSLATE_NOOP(
            "cli", "Joined the team store {where} as {user} (policy {policy}); {n} email(s) queued."
        ),
        where=res.where,
        user=res.user,
        policy=res.policy,
        n=res.queued,
    )
    return run_sync(args, ctx)


def _replicator(ctx: CliContext) -> Any:
    from replytrail.core.team.membership import make_replicator

    rep = make_replicator(_local(ctx), ctx.settings, ctx.credentials)
    if rep is None:
        raise UsageError(
            QT_TRANSLATE_NOOP(
                "errors", "This laptop is in no team yet: run 'replytrail team join' first."
            )
        )
    return rep


def run_sync(args: argparse.Namespace, ctx: CliContext) -> int:
    rep = _replicator(ctx)

    def progress(n: int) -> None:
        if n:
            print(translate(CTX, QT_TRANSLATE_NOOP("cli", "pulled {n}…"), n=n), file=sys.stderr)

    rep.on_pull_page = progress
    rep.local.retry_failed()
    try:
        res = rep.sync_once()
    finally:
        rep.close()
    _say(
        ctx,
        QT_TRANSLATE_NOOP("cli", "Pushed {pushed}, pulled {pulled}, forgets sent {forgets}."),
        pushed=res.pushed,
        pulled=res.pulled,
        forgets=res.forgets,
    )
    return 0


def run_status(args: argparse.Namespace, ctx: CliContext) -> int:
    from replytrail.core.team.status import team_status

    st = team_status(_local(ctx), ctx.settings, ctx.credentials, contact_server=not args.offline)
    if args.json:
        json.dump(st.to_json(), ctx.out, indent=2)
        print(file=ctx.out)
        return 0
    for label, value in st.lines():
        print(f"{label}: {value}", file=ctx.out)
    return 0


def run_forget(args: argparse.Namespace, ctx: CliContext) -> int:
    from replytrail.core.store.postgres.remote import forget_team_wide
    from replytrail.core.team.membership import link_from

    _replicator(ctx).close()  # joined?
    with open_connection(link_from(ctx.settings, ctx.credentials), autocommit=True) as conn:
        try:
            with conn.transaction():
                n = forget_team_wide(conn, args.contact)
        except Exception as e:
            if "row-level security" in str(e) or "permission denied" in str(e):
                raise KnownError(
                    QT_TRANSLATE_NOOP(
                        "errors", "Only a team administrator can forget a contact team-wide."
                    )
                ) from None
            raise
    _say(
        ctx,
        QT_TRANSLATE_NOOP(
            "cli",
            "Forgot {contact} team-wide: {n} email(s); every laptop drops them on its next pull.",
        ),
        contact=args.contact,
        n=n,
    )
    return 0

"""``replytrail import [--since DATE] [--contact E] [--json]``: bring in conversations (§15)."""

from __future__ import annotations

import argparse
import json
import signal
import threading
from datetime import date, timedelta
from types import FrameType
from typing import Any

from replytrail.commands.context import CliContext
from replytrail.core.engine import watch_options
from replytrail.core.errors import UsageError
from replytrail.core.i18n import QT_TRANSLATE_NOOP, translate
from replytrail.core.mail.importer import (
    ImportProgress,
    ImportRequest,
    ImportResult,
    import_accounts,
)

__all__ = ["register"]


def register(sub: Any) -> None:
    p = sub.add_parser(
        "import", help="bring in the conversations with the people you wrote to (SPEC §15)"
    )
    p.add_argument(
        "--since",
        metavar="DATE",
        help="from this date (YYYY-MM-DD); default: the last history.import_weeks weeks",
    )
    p.add_argument("--contact", metavar="E", help="only the emails with this person (all time)")
    p.add_argument("--account", metavar="E", help="only this account")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=run)


def _since(args: argparse.Namespace, ctx: CliContext) -> date | None:
    if args.since:
        try:
            return date.fromisoformat(args.since)
        except ValueError:
            raise UsageError(
                QT_TRANSLATE_NOOP("errors", "{value!r} is not a date (YYYY-MM-DD)."),
                value=args.since,
            ) from None
    if args.contact:
        return None  # "bring in all emails with this contact"
    return date.today() - timedelta(weeks=ctx.settings.values().history.import_weeks)


def _summary(r: ImportResult) -> str:
    text = translate(
        "cli",
        QT_TRANSLATE_NOOP(
            "cli", "{account}: {emails} emails in {threads} threads brought in ({scanned} checked)"
        ),
        account=r.account,
        emails=r.emails,
        threads=r.threads,
        scanned=r.scanned,
    )
    return text + (
        " " + translate("cli", QT_TRANSLATE_NOOP("cli", "(stopped)")) if r.stopped else ""
    )


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    accounts = [ctx.accounts.get(args.account)] if args.account else ctx.accounts.all()
    if not accounts:
        raise UsageError(
            QT_TRANSLATE_NOOP("errors", "No accounts: add one with 'replytrail account add'.")
        )
    ctx.credentials.check()
    since = _since(args, ctx)
    stop = threading.Event()

    def on_signal(_sig: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    verbose = bool(getattr(args, "verbose", False))

    def progress(p: ImportProgress) -> None:
        if verbose:
            print(f"import {p.account} {p.phase} {p.done}/{p.total}", file=ctx.err, flush=True)

    results = import_accounts(
        ctx.store,
        accounts,
        lambda a: ctx.credentials.get(a.credential_ref),
        watch_options(ctx.settings).policy,
        ImportRequest(since=since, contact=args.contact or ""),
        progress=progress,
        stop=stop,
    )
    if args.json:
        print(json.dumps([r.to_json() for r in results], indent=2), file=ctx.out)
    else:
        for r in results:
            print(_summary(r), file=ctx.out)
    return 0

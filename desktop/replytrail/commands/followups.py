"""``replytrail followups [--days N] [--json]`` and ``remind``: follow-ups (SPEC §16)."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from replytrail.commands.context import CliContext
from replytrail.core.errors import NotFound
from replytrail.core.i18n import QT_TRANSLATE_NOOP, translate
from replytrail.core.store.followups import FollowUps

__all__ = ["register"]

CTX = "cli"


def register(sub: Any) -> None:
    p = sub.add_parser("followups", help="your emails awaiting a reply, oldest first")
    p.add_argument(
        "--days", type=int, help="working days without a reply (default: followups.days)"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_followups)
    r = sub.add_parser("remind", help="remind me of an email unless a reply comes first")
    r.add_argument("message_id", metavar="MESSAGE_ID")
    r.add_argument("--in-days", type=float, required=True, metavar="N", help="in N days")
    r.set_defaults(func=run_remind)


def run_followups(args: argparse.Namespace, ctx: CliContext) -> int:
    days = args.days if args.days is not None else ctx.settings.values().followups.days
    items = FollowUps(ctx.store).awaiting(max(days, 0))
    if args.json:
        json.dump([a.to_json() for a in items], ctx.out, indent=2, ensure_ascii=False)
        print(file=ctx.out)
        return 0
    for a in items:
        print(
            f"{a.email.date:%Y-%m-%d}  {a.days:>3}d  {a.contact}  {a.email.subject}",
            file=ctx.out,
        )
    return 0


def run_remind(args: argparse.Namespace, ctx: CliContext) -> int:
    at = datetime.now(UTC) + timedelta(days=args.in_days)
    if not FollowUps(ctx.store).remind(args.message_id, at):
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "No email of yours with the Message-ID {message_id}."),
            message_id=args.message_id,
        )
    print(
        translate(
            CTX,
            QT_TRANSLATE_NOOP("cli", "Reminder set for {when}."),
            when=at.astimezone().strftime("%Y-%m-%d %H:%M"),
        ),
        file=ctx.out,
    )
    return 0

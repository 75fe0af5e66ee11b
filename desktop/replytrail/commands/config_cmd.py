"""``replytrail config get|set|list|reset`` over every setting (SPEC §11.3)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from replytrail.commands.context import CliContext

__all__ = ["register"]


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(value)
    return str(value)


def register(sub: Any) -> None:
    p = sub.add_parser("config", help="read and change settings")
    csub = p.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    g = csub.add_parser("get", help="print one setting")
    g.add_argument("key")
    g.set_defaults(func=run_get)
    s = csub.add_parser("set", help="change one setting (lists: comma-separated)")
    s.add_argument("key")
    s.add_argument("value")
    s.set_defaults(func=run_set)
    r = csub.add_parser("reset", help="back to the team preset or built-in default")
    r.add_argument("key")
    r.set_defaults(func=run_reset)
    lst = csub.add_parser(
        "list",
        help="all settings with their values and where they come from "
        "(default, build, preset, policy, user; locked: set by the administrator)",
    )
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=run_list)


def run_get(args: argparse.Namespace, ctx: CliContext) -> int:
    print(_show(ctx.settings.get(args.key)), file=ctx.out)
    return 0


def run_set(args: argparse.Namespace, ctx: CliContext) -> int:
    value = ctx.settings.set_text(args.key, args.value)
    print(f"{args.key} = {_show(value)}", file=ctx.out)
    return 0


def run_reset(args: argparse.Namespace, ctx: CliContext) -> int:
    ctx.settings.reset(args.key)
    print(f"{args.key} = {_show(ctx.settings.get(args.key))}", file=ctx.out)
    return 0


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = list(ctx.settings.items())
    if args.json:
        json.dump(
            {
                s.key: {
                    "value": v,
                    "source": src,
                    "help": s.help,
                    "locked": ctx.settings.is_locked(s.key),
                }
                for s, v, src in rows
            },
            ctx.out,
            indent=2,
        )
        print(file=ctx.out)
        return 0
    width = max(len(s.key) for s, _, _ in rows)
    for s, v, src in rows:
        where = f"{src}, locked" if ctx.settings.is_locked(s.key) else src
        print(f"{s.key:<{width}}  {_show(v):<20}  ({where})  {s.help}", file=ctx.out)
    if ctx.settings.policy.origins:
        print(f"policy: {ctx.settings.policy.origin}", file=ctx.out)
    return 0

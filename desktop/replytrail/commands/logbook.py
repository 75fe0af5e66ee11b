"""Reading the log: ``contacts``, ``timeline``, ``search``, ``export``, ``forget`` (SPEC §12)."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from replytrail.commands.context import CliContext
from replytrail.core.errors import NotFound, UsageError
from replytrail.core.export import export_emails
from replytrail.core.i18n import QT_TRANSLATE_NOOP, translate
from replytrail.core.models import Direction, LoggedEmail
from replytrail.core.store.base import SearchFilter
from replytrail.core.store.report import write_csv

__all__ = ["register"]

CTX = "cli"


#: a --limit above this means "all": SQLite takes at most a 64-bit integer
MAX_LIMIT = 1_000_000_000


def count(text: str) -> int:
    """A ``--limit`` value: a whole number, negative ones as 0, huge ones as :data:`MAX_LIMIT`."""
    return min(max(int(text), 0), MAX_LIMIT)


def register(sub: Any) -> None:
    c = sub.add_parser("contacts", help="contacts, most recent activity first")
    c.add_argument("--json", action="store_true")
    c.add_argument("--search", default="", help="only contacts matching this text")
    c.add_argument(
        "--csv", action="store_true", help="CSV for a CRM's contact import (HubSpot, Pipedrive)"
    )
    c.set_defaults(func=run_contacts)
    t = sub.add_parser("timeline", help="every logged email with a contact, newest first")
    t.add_argument("contact")
    t.add_argument("--json", action="store_true")
    t.add_argument("--limit", type=count, default=1000)
    t.set_defaults(func=run_timeline)
    s = sub.add_parser("search", help="full-text search over all logged emails")
    s.add_argument("query")
    s.add_argument("--json", action="store_true")
    s.add_argument("--since", help="YYYY-MM-DD")
    s.add_argument("--until", help="YYYY-MM-DD")
    s.add_argument("--direction", choices=["in", "out"])
    s.add_argument("--limit", type=count, default=200)
    s.set_defaults(func=run_search)
    e = sub.add_parser("export", help="export a contact's emails")
    e.add_argument("contact")
    e.add_argument("--format", choices=["eml", "mbox", "json"], required=True)
    e.add_argument("-o", "--output", required=True, metavar="PATH")
    e.set_defaults(func=run_export)
    f = sub.add_parser("forget", help="delete a contact's emails, attachments and tracked ids")
    f.add_argument("contact")
    f.set_defaults(func=run_forget)


def _dump(ctx: CliContext, data: object) -> None:
    json.dump(data, ctx.out, indent=2, ensure_ascii=False)
    print(file=ctx.out)


def _line(e: LoggedEmail) -> str:
    arrow = "->" if e.direction is Direction.OUT else "<-"
    badges = [str(e.kind)] if e.kind.value != "email" else []
    badges.append(str(e.match) + ("?" if e.low_confidence else ""))
    if e.status:
        badges.append(e.status)
    clip = (
        "  ["
        + translate(CTX, QT_TRANSLATE_NOOP("cli", "{n} attachment(s)"), n=len(e.attachments))
        + "]"
        if e.attachments
        else ""
    )
    who = e.sender.email if e.direction is Direction.IN else ", ".join(a.email for a in e.to)
    return f"{e.date:%Y-%m-%d %H:%M}  {arrow} {who}  {e.subject}  ({', '.join(badges)}){clip}"


def run_contacts(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.csv:
        rows = ctx.store.contact_report()
        if args.search:
            wanted = {c.email.lower() for c in ctx.store.contacts(args.search, limit=1_000_000)}
            rows = [r for r in rows if r.email.lower() in wanted]
        write_csv(rows, ctx.out)
        return 0
    contacts = ctx.store.contacts(args.search)
    if args.json:
        _dump(ctx, [c.to_json() for c in contacts])
        return 0
    for c in contacts:
        last = f"{c.last_activity:%Y-%m-%d}" if c.last_activity else "-"
        name = f"{c.name} <{c.email}>" if c.name else c.email
        company = f"  {c.company}" if c.company else ""
        summary = translate(
            CTX, QT_TRANSLATE_NOOP("cli", "{n} email(s), last {date}"), n=c.emails, date=last
        )
        bounced = "  " + translate(CTX, QT_TRANSLATE_NOOP("cli", "BOUNCED")) if c.bounced else ""
        print(f"{name}{company}  {summary}{bounced}", file=ctx.out)
    return 0


def _contact(ctx: CliContext, who: str) -> str:
    c = ctx.store.contact(who)
    if c is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No logged emails with {contact}."), contact=who)
    return c.email


def run_timeline(args: argparse.Namespace, ctx: CliContext) -> int:
    emails = ctx.store.timeline(_contact(ctx, args.contact), limit=args.limit)
    if args.json:
        _dump(ctx, [e.to_json() for e in emails])
        return 0
    for e in emails:
        print(_line(e), file=ctx.out)
    return 0


def _date(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        d = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(
            QT_TRANSLATE_NOOP("errors", "{value!r} is not a date (YYYY-MM-DD)."), value=text
        ) from None
    if d.tzinfo:
        return d
    try:
        return d.astimezone()
    except (ValueError, OverflowError):  # 0001-01-01 or 9999-12-31 in a zone east/west of UTC
        return d.replace(tzinfo=UTC)


def run_search(args: argparse.Namespace, ctx: CliContext) -> int:
    filt = SearchFilter(
        since=_date(args.since),
        until=_date(args.until),
        direction=Direction(args.direction) if args.direction else None,
    )
    emails = ctx.store.search(args.query, filt, limit=args.limit)
    if args.json:
        _dump(ctx, [e.to_json() for e in emails])
        return 0
    for e in emails:
        print(_line(e), file=ctx.out)
    if not emails:
        print(translate(CTX, QT_TRANSLATE_NOOP("cli", "Nothing found.")), file=ctx.err)
    return 0


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    contact = _contact(ctx, args.contact)
    emails = ctx.store.timeline(contact, limit=1_000_000)
    target = export_emails(ctx.store, emails, args.format, Path(args.output))
    print(
        translate(
            CTX,
            QT_TRANSLATE_NOOP("cli", "Exported {n} email(s) to {path}"),
            n=len(emails),
            path=target,
        ),
        file=ctx.out,
    )
    return 0


def run_forget(args: argparse.Namespace, ctx: CliContext) -> int:
    from replytrail.core.store.team_side import replica_of
    from replytrail.core.team.membership import forget_contact

    contact = _contact(ctx, args.contact)
    n = forget_contact(replica_of(ctx.store), ctx.settings, contact)
    print(
        translate(
            CTX,
            QT_TRANSLATE_NOOP(
                "cli",
                "Forgot {contact}: {n} email(s) with their attachments and tracked ids deleted.",
            ),
            contact=contact,
            n=n,
        ),
        file=ctx.out,
    )
    return 0

"""``contact edit|merge`` and ``email confirm|unlink``: contacts a person can fix (issue 8.8)."""

from __future__ import annotations

import argparse
from typing import Any

from replytrail.commands.context import CliContext
from replytrail.core.errors import NotFound, UsageError
from replytrail.core.i18n import QT_TRANSLATE_NOOP, translate
from replytrail.core.store.contact_fixes import ContactFixes

__all__ = ["register"]

CTX = "cli"


def register(sub: Any) -> None:
    c = sub.add_parser("contact", help="correct a contact: edit name and company, merge two")
    csub = c.add_subparsers(dest="action", metavar="ACTION", required=True)
    e = csub.add_parser("edit", help="set the name and/or company (kept across new mail)")
    e.add_argument("contact")
    e.add_argument("--name")
    e.add_argument("--company")
    e.set_defaults(func=run_edit)
    m = csub.add_parser("merge", help="merge OTHER into CONTACT (e.g. a customer's 2 addresses)")
    m.add_argument("contact")
    m.add_argument("other")
    m.set_defaults(func=run_merge)
    em = sub.add_parser("email", help="correct a logged email's match")
    esub = em.add_subparsers(dest="action", metavar="ACTION", required=True)
    ok = esub.add_parser("confirm", help="a subject match is right")
    ok.add_argument("message_id", metavar="MESSAGE_ID")
    ok.set_defaults(func=run_confirm)
    un = esub.add_parser("unlink", help="take a wrongly matched email out (never logged again)")
    un.add_argument("message_id", metavar="MESSAGE_ID")
    un.set_defaults(func=run_unlink)


def _say(ctx: CliContext, text: str, **params: object) -> None:
    print(translate(CTX, text, **params), file=ctx.out)


def _fixes(ctx: CliContext) -> ContactFixes:
    """Corrections that, in a team, are queued for the team store with the local change."""
    from replytrail.core.team.membership import joined

    return ContactFixes(ctx.store, team=joined(ctx.settings))


def run_edit(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.name is None and args.company is None:
        raise UsageError(QT_TRANSLATE_NOOP("errors", "Give --name and/or --company."))
    _fixes(ctx).edit(args.contact, name=args.name, company=args.company)
    _say(ctx, QT_TRANSLATE_NOOP("cli", "{email} updated."), email=args.contact)
    return 0


def run_merge(args: argparse.Namespace, ctx: CliContext) -> int:
    n = _fixes(ctx).merge(args.contact, args.other)
    _say(
        ctx,
        QT_TRANSLATE_NOOP("cli", "{other} merged into {email}: {n} emails moved."),
        other=args.other,
        email=args.contact,
        n=n,
    )
    return 0


def _no_email(message_id: str) -> NotFound:
    return NotFound(
        QT_TRANSLATE_NOOP("errors", "No such email: {message_id}."), message_id=message_id
    )


def run_confirm(args: argparse.Namespace, ctx: CliContext) -> int:
    if not ContactFixes(ctx.store).confirm_match(args.message_id):
        e = ctx.store.email(args.message_id)
        if e is None:
            raise _no_email(args.message_id)
        raise UsageError(QT_TRANSLATE_NOOP("errors", "That email was not matched by subject."))
    _say(ctx, QT_TRANSLATE_NOOP("cli", "Match confirmed."))
    return 0


def run_unlink(args: argparse.Namespace, ctx: CliContext) -> int:
    if not ContactFixes(ctx.store).take_out(args.message_id):
        raise _no_email(args.message_id)
    _say(ctx, QT_TRANSLATE_NOOP("cli", "The email was taken out and will not be logged again."))
    return 0

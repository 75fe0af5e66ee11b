"""``replytrail send``: a tracked email over SMTP, recorded before and marked after (SPEC §7)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from replytrail.commands.context import CliContext
from replytrail.core.engine import Engine
from replytrail.core.errors import UsageError
from replytrail.core.i18n import QT_TRANSLATE_NOOP
from replytrail.core.mail.draft import Draft

__all__ = ["register"]


def register(sub: Any) -> None:
    p = sub.add_parser("send", help="send a tracked email")
    p.add_argument("--to", action="append", required=True, metavar="A")
    p.add_argument("--cc", action="append", default=[], metavar="A")
    p.add_argument("--subject", required=True)
    body = p.add_mutually_exclusive_group(required=True)
    body.add_argument("--body")
    body.add_argument("--body-file", metavar="F")
    p.add_argument("--attach", action="append", default=[], metavar="F")
    p.add_argument("--account", metavar="E", help="send from this account (default: the first)")
    p.add_argument(
        "--in-reply-to", metavar="ID", default="", help="Message-ID of the email this answers"
    )
    p.add_argument("--json", action="store_true", help="print the logged email as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    accounts = ctx.accounts.all()
    if not accounts:
        raise UsageError(
            QT_TRANSLATE_NOOP(
                "errors", "No account to send from: add one with 'replytrail account add'."
            )
        )
    account = ctx.accounts.get(args.account) if args.account else accounts[0]
    if args.body_file:
        try:
            body = Path(args.body_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise UsageError(
                QT_TRANSLATE_NOOP("errors", "Cannot read {path}: {detail}"),
                path=args.body_file,
                detail=e,
            ) from None
    else:
        body = args.body
    refs: list[str] = []
    if args.in_reply_to:
        original = ctx.store.email(args.in_reply_to)
        refs = [*(original.references if original else []), args.in_reply_to]
    to = [a for v in args.to for a in v.split(",") if a.strip()]
    cc = [a for v in args.cc for a in v.split(",") if a.strip()]
    draft = Draft(
        account=account.email,
        to=to,
        cc=cc,
        subject=args.subject,
        body=body,
        attachments=[Path(p) for p in args.attach],
        in_reply_to=args.in_reply_to,
        references=refs,
    )
    engine = Engine(
        store=ctx.store,
        accounts=ctx.accounts,
        credentials=ctx.credentials,
        secrets=ctx.secrets,
        settings=ctx.settings,
        handoff=ctx.handoff_runner(),
        team=ctx.team_replicator(),
        sink=lambda _e: None,
    )
    email = engine.send(draft)
    if args.json:
        json.dump(email.to_json(), ctx.out, indent=2, ensure_ascii=False)
        print(file=ctx.out)
    else:
        print(email.message_id, file=ctx.out)
    return 0

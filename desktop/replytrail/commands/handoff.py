"""``replytrail handoff``: targets (drop address, webhook), status, retry, deliver (SPEC §17)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import Any

from replytrail.commands.context import CliContext
from replytrail.core.errors import NotFound, UsageError
from replytrail.core.handoff.presets import PRESETS, preset
from replytrail.core.handoff.targets import INCLUDE_CHOICES, Target, secret_ref
from replytrail.core.handoff.worker import PREFIX, EmailSource, HandoffWorker, Round
from replytrail.core.i18n import QT_TRANSLATE_NOOP, translate
from replytrail.core.store.outbox import OutboxQueue, TargetStatus

__all__ = ["deliver_once", "register"]

CTX = "cli"


def register(sub: Any) -> None:
    h = sub.add_parser("handoff", help="pass logged emails on to another CRM")
    hs = h.add_subparsers(dest="handoff_cmd", metavar="ACTION", required=True)
    ls = hs.add_parser("list", help="the hand-off targets")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=run_list)
    a = hs.add_parser("add", help="add or change a target")
    a.add_argument("name", help="a short name: hubspot, crm-webhook …")
    where = a.add_mutually_exclusive_group(required=True)
    where.add_argument("--forward", metavar="ADDRESS", help="the CRM's drop address")
    where.add_argument("--webhook", metavar="URL", help="an https:// endpoint")
    a.add_argument("--preset", choices=[p.id for p in PRESETS])
    a.add_argument("--form", choices=["inline", "attachment"])
    a.add_argument("--include", choices=INCLUDE_CHOICES, default="replies")
    a.add_argument("--sent-copy", action="store_true", help="file forwards in Sent too")
    a.add_argument("--account", default="", help="send forwards through this account")
    a.add_argument("--ca-file", default="", metavar="PEM", help="webhook: a private CA")
    a.add_argument(
        "--secret-stdin", action="store_true", help="webhook: read the signing secret from stdin"
    )
    a.set_defaults(func=run_add)
    r = hs.add_parser("remove", help="remove a target")
    r.add_argument("name")
    r.set_defaults(func=run_remove)
    st = hs.add_parser("status", help="what waits, what failed")
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=run_status)
    rt = hs.add_parser("retry", help="send failed and waiting entries again now")
    rt.add_argument("name", nargs="?")
    rt.set_defaults(func=run_retry)
    d = hs.add_parser("deliver", help="deliver what is due now and exit")
    d.add_argument("--json", action="store_true")
    d.set_defaults(func=run_deliver)


def _dump(ctx: CliContext, data: object) -> None:
    json.dump(data, ctx.out, indent=2, ensure_ascii=False)
    print(file=ctx.out)


def _queue(ctx: CliContext) -> OutboxQueue:
    ctx.store  # noqa: B018 - opens (and migrates) the store before the outbox is read
    return OutboxQueue(ctx.paths.store_file, PREFIX)


def _target_json(t: Target) -> dict[str, object]:
    return {
        "name": t.name,
        "kind": t.kind,
        "where": t.where,
        "include": t.include,
        "form": t.form,
        "sent_copy": t.sent_copy,
        "preset": t.preset,
        "enabled": t.enabled,
        "from_team_preset": t.from_preset,
    }


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    targets = ctx.handoff.all()
    if args.json:
        _dump(ctx, [_target_json(t) for t in targets])
        return 0
    for t in targets:
        print(f"{t.name}  {t.kind} → {t.where}  ({t.include})", file=ctx.out)
    if not targets:
        print(translate(CTX, QT_TRANSLATE_NOOP("cli", "No hand-off targets.")), file=ctx.err)
    return 0


def run_add(args: argparse.Namespace, ctx: CliContext) -> int:
    p = preset(args.preset) if args.preset else None
    target = Target(
        name=args.name,
        kind="webhook" if args.webhook else "forward",
        address=(args.forward or "").strip(),
        url=(args.webhook or "").strip(),
        include=args.include,
        form=args.form or (p.form if p else "inline"),
        sent_copy=args.sent_copy,
        account=args.account,
        ca_file=args.ca_file,
        preset=args.preset or "",
    ).validate()
    if target.kind == "webhook":
        if not args.secret_stdin:
            raise UsageError(
                QT_TRANSLATE_NOOP(
                    "errors", "A webhook needs a signing secret: pass it with --secret-stdin."
                )
            )
        secret = ctx.stdin.readline().strip()
        if len(secret) < 16:
            raise UsageError(
                QT_TRANSLATE_NOOP("errors", "The signing secret needs at least 16 characters.")
            )
        ctx.credentials.store(secret_ref(target.name), secret)
    ctx.handoff.save(target)
    print(
        translate(CTX, QT_TRANSLATE_NOOP("cli", "Hand-off to {where} saved."), where=target.where),
        file=ctx.out,
    )
    return 0


def run_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    if not ctx.handoff.remove(args.name):
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "No hand-off target named {name}."), name=args.name
        )
    return 0


def _when(ts: int | None) -> str:
    return (
        "-" if ts is None else dt.datetime.fromtimestamp(ts).astimezone().isoformat("T", "seconds")
    )


def run_status(args: argparse.Namespace, ctx: CliContext) -> int:
    queue = _queue(ctx)
    try:
        by_target = {s.target.removeprefix(PREFIX): s for s in queue.status()}
    finally:
        queue.close()
    rows = []
    for t in ctx.handoff.all():
        s = by_target.get(t.name)
        rows.append(
            {
                "name": t.name,
                "where": t.where,
                "pending": s.pending if s else 0,
                "failed": s.failed if s else 0,
                "last_error": s.last_error if s else "",
                "oldest": _when(s.oldest_ts) if s and s.oldest_ts else None,
                "next_attempt": _when(s.next_ts) if s and s.next_ts else None,
            }
        )
    failed = any(r["failed"] for r in rows)
    if args.json:
        _dump(ctx, rows)
        return 1 if failed else 0
    for r in rows:
        line = translate(
            CTX,
            QT_TRANSLATE_NOOP("cli", "{name} → {where}: {pending} waiting, {failed} failed"),
            **r,
        )
        if r["last_error"]:
            line += f"  ({r['last_error']})"
        print(line, file=ctx.out)
    return 1 if failed else 0


def run_retry(args: argparse.Namespace, ctx: CliContext) -> int:
    queue = _queue(ctx)
    try:
        n = queue.retry_all(PREFIX + args.name if args.name else None)
    finally:
        queue.close()
    print(translate(CTX, QT_TRANSLATE_NOOP("cli", "{n} entries due again."), n=n), file=ctx.out)
    return 0


def deliver_once(ctx: CliContext) -> tuple[Round, list[TargetStatus]]:
    """One delivery round of everything due (``handoff deliver``, ``watch --once``)."""
    queue = _queue(ctx)
    store = ctx.store
    worker = HandoffWorker(
        queue,
        EmailSource(store.email_by_id, store.raw_message, store.contact),  # ReadStore
        ctx.handoff,
        ctx.accounts,
        ctx.credentials,
        secrets=ctx.secrets,
    )
    try:
        return worker.deliver_due(), queue.status()
    finally:
        queue.close()


def run_deliver(args: argparse.Namespace, ctx: CliContext) -> int:
    result, status = deliver_once(ctx)
    if args.json:
        _dump(
            ctx,
            {
                "delivered": result.delivered,
                "retry_later": result.retried,
                "refused": result.refused,
                "targets": [s.to_json() for s in status],
            },
        )
    else:
        print(
            translate(
                CTX,
                QT_TRANSLATE_NOOP(
                    "cli", "{delivered} delivered, {retried} to retry later, {refused} refused."
                ),
                delivered=result.delivered,
                retried=result.retried,
                refused=result.refused,
            ),
            file=ctx.out,
        )
    return 1 if result.retried or result.refused else 0

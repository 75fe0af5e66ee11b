"""``replytrail watch [--once] [--account E]``: the headless watcher (SPEC §6, §12)."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from types import FrameType
from typing import Any

from replytrail.commands.context import CliContext
from replytrail.core.engine import Engine
from replytrail.core.errors import UsageError
from replytrail.core.events import AccountStopped, EmailLogged, Event, ScanProgress, StateChanged
from replytrail.core.i18n import QT_TRANSLATE_NOOP
from replytrail.core.models import Direction

__all__ = ["register"]


def register(sub: Any) -> None:
    p = sub.add_parser("watch", help="watch the mailboxes and log replies (no GUI)")
    p.add_argument("--once", action="store_true", help="catch up once and exit")
    p.add_argument("--account", metavar="E", help="only this account")
    p.set_defaults(func=run)


class _Printer:
    """Turns engine events into one line each on stdout (and errors on stderr)."""

    def __init__(self, ctx: CliContext, verbose: bool) -> None:
        self.ctx, self.verbose = ctx, verbose
        self.stopped: dict[str, str] = {}
        self._lock = threading.Lock()

    def __call__(self, event: Event) -> None:
        with self._lock:
            if isinstance(event, EmailLogged):
                e = event.email
                arrow = "<-" if e.direction is Direction.IN else "->"
                print(
                    f"logged {e.direction} {arrow} {event.contact} {e.message_id} "
                    f"[{e.match}{'?' if e.low_confidence else ''}] [{e.kind}]",
                    file=self.ctx.out,
                    flush=True,
                )
            elif isinstance(event, AccountStopped):
                self.stopped[event.account] = event.message
                print(
                    f"replytrail: {event.account}: {event.message}", file=self.ctx.err, flush=True
                )
            elif isinstance(event, StateChanged) and self.verbose:
                s = event.state
                print(
                    f"state {s.account} {s.state}" + (f" ({s.detail})" if s.detail else ""),
                    file=self.ctx.out,
                    flush=True,
                )
            elif isinstance(event, ScanProgress) and self.verbose:
                print(
                    f"scan {event.account} {event.folder} {event.done}/{event.total}",
                    file=self.ctx.out,
                    flush=True,
                )


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    accounts = ctx.accounts.all()
    if args.account:
        accounts = [ctx.accounts.get(args.account)]
    if not accounts:
        raise UsageError(
            QT_TRANSLATE_NOOP(
                "errors", "No accounts to watch: add one with 'replytrail account add'."
            )
        )
    ctx.credentials.check()
    printer = _Printer(ctx, verbose=bool(getattr(args, "verbose", False)))
    engine = Engine(
        store=ctx.store,
        accounts=ctx.accounts,
        credentials=ctx.credentials,
        secrets=ctx.secrets,
        settings=ctx.settings,
        sink=printer,
    )
    if args.once:
        failures = engine.catch_up_once(args.account)
        for email, err in failures:
            print(f"replytrail: {email}: {err.message}", file=ctx.err)
        return 1 if failures else 0
    if args.account:  # watch just this one: the others stay off in this process
        only = args.account.lower()
        original = ctx.accounts.all

        def filtered() -> list[Any]:
            return [a for a in original() if a.email.lower() == only]

        engine.accounts.all = filtered  # type: ignore[method-assign]
    done = threading.Event()

    def on_signal(_sig: int, _frame: FrameType | None) -> None:
        done.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    engine.start()
    while not done.wait(0.2):
        if not engine.alive():
            break
    engine.stop(timeout=1.5)
    if printer.stopped and len(printer.stopped) >= len(accounts):
        return 1
    sys.stdout.flush()
    return 0

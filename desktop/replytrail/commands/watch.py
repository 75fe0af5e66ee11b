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
from replytrail.core.events import (
    AccountState,
    AccountStopped,
    EmailLogged,
    Event,
    ScanProgress,
    StateChanged,
    WatchState,
)
from replytrail.core.i18n import QT_TRANSLATE_NOOP, translate
from replytrail.core.models import Direction
from replytrail.core.netlink import NetworkWatch
from replytrail.core.tempfiles import clean_stale_temp

__all__ = ["register"]

CTX = "watch"


def register(sub: Any) -> None:
    p = sub.add_parser("watch", help="watch the mailboxes and log replies (no GUI)")
    p.add_argument("--once", action="store_true", help="catch up once and exit")
    p.add_argument("--account", metavar="E", help="only this account")
    p.set_defaults(func=run)


class _Printer:
    """Turns engine events into one line each on stdout (and problems on stderr)."""

    def __init__(self, ctx: CliContext, verbose: bool) -> None:
        self.ctx, self.verbose = ctx, verbose
        self.stopped: dict[str, str] = {}
        self._said: dict[str, str] = {}  # the problem last told per account (said once)
        self._troubled: dict[str, set[str]] = {}  # per account: folders with a problem
        self._lock = threading.Lock()

    def _problem(self, account: str, message: str) -> None:
        if self._said.get(account) != message:
            self._said[account] = message
            print(f"replytrail: {account}: {message}", file=self.ctx.err, flush=True)

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
                self._problem(event.account, event.message)
            elif isinstance(event, StateChanged):
                self._state(event.state)
            elif isinstance(event, ScanProgress) and self.verbose:
                print(
                    f"scan {event.account} {event.folder} {event.done}/{event.total}",
                    file=self.ctx.out,
                    flush=True,
                )

    def _state(self, s: AccountState) -> None:
        troubled = self._troubled.setdefault(s.account, set())
        if s.state is WatchState.ERROR and s.detail:  # e.g. the disk is full: always said
            troubled.add(s.folder)
            self._problem(s.account, s.detail)
        elif s.state is WatchState.WATCHING:
            troubled.discard(s.folder)
            if not troubled and self._said.pop(s.account, None) is not None:
                text = translate(CTX, QT_TRANSLATE_NOOP("watch", "logging again"))
                print(f"replytrail: {s.account}: {text}", file=self.ctx.err, flush=True)
        if self.verbose:
            print(
                f"state {s.account} {s.state}" + (f" ({s.detail})" if s.detail else ""),
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
    clean_stale_temp(ctx.paths)  # attachment writes a crash (SIGKILL) left behind
    printer = _Printer(ctx, verbose=bool(getattr(args, "verbose", False)))
    done = threading.Event()
    engine = Engine(
        store=ctx.store,
        accounts=ctx.accounts,
        credentials=ctx.credentials,
        secrets=ctx.secrets,
        settings=ctx.settings,
        handoff=ctx.handoff_runner(),
        team=ctx.team_replicator(),
        sink=printer,
        only=args.account,
        on_all_stopped=done.set,
    )
    if args.once:
        failures = engine.catch_up_once(args.account)
        for email, err in failures:
            print(f"replytrail: {email}: {err.message}", file=ctx.err)
        if ctx.handoff.all():
            from replytrail.commands.handoff import deliver_once

            deliver_once(ctx)  # what the catch-up logged goes on to the CRM now
        return 1 if failures else 0

    def on_signal(_sig: int, _frame: FrameType | None) -> None:
        done.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    network = NetworkWatch(engine.network_changed)
    network.start()
    engine.start()
    done.wait()  # asleep until a signal or the last watcher ends: nothing polls
    network.stop()
    engine.stop(timeout=1.5)
    if printer.stopped and len(printer.stopped) >= len(accounts):
        return 1
    sys.stdout.flush()
    return 0

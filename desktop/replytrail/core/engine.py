"""The engine: watchers for every account, sending, pause/resume — driven by CLI and tray alike.

It never calls a front end; it only emits :mod:`replytrail.core.events` to the sink it is
given, from its worker threads.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials
from replytrail.core.errors import KnownError
from replytrail.core.events import (
    AccountState,
    AccountStopped,
    EmailLogged,
    Event,
    EventSink,
    SendFailed,
    StateChanged,
    TeamOnline,
    TeamPulled,
    WatchState,
)
from replytrail.core.handoff.runner import HandoffRunner
from replytrail.core.logbook import Logbook, Policy, Role
from replytrail.core.mail.draft import Draft
from replytrail.core.mail.sender import send_draft
from replytrail.core.mail.watcher import FolderWatcher, WatchOptions
from replytrail.core.models import Account, LoggedEmail
from replytrail.core.oauth.tokens import AccountSecrets
from replytrail.core.store.base import EngineStore
from replytrail.core.store.team_side import TARGET as TEAM_TARGET

if TYPE_CHECKING:  # psycopg (~10 MB, 60 ms) only when a team store is joined
    from replytrail.core.team.replicator import Replicator

__all__ = ["Engine", "watch_options"]

log = logging.getLogger("replytrail.engine")

ROLES: tuple[Role, ...] = ("inbox", "sent")
#: worst first: the tray shows the worst state of all accounts
_SEVERITY = [
    WatchState.ERROR,
    WatchState.OFFLINE,
    WatchState.CATCHING_UP,
    WatchState.PAUSED,
    WatchState.WATCHING,
    WatchState.STOPPED,
]


def watch_options(settings: Settings) -> WatchOptions:
    v = settings.values()
    since_text = v.logging.since_date
    since: date
    try:
        since = (
            date.fromisoformat(since_text)
            if since_text
            else (datetime.now(UTC) - timedelta(days=v.logging.since_days)).date()
        )
    except ValueError:
        since = (datetime.now(UTC) - timedelta(days=30)).date()
    return WatchOptions(
        idle_refresh=v.watch.idle_refresh,
        catchup_interval=v.watch.catchup_interval,
        poll_interval=v.watch.poll_interval,
        backoff_max=v.watch.backoff_max,
        fetch_chunk=v.watch.fetch_chunk,
        since=since,
        policy=Policy(
            mode=v.logging.mode,
            never_log=v.logging.never_log,
            subject_rule=v.logging.subject_rule,
        ),
    )


@dataclass
class _Run:
    account: Account
    halt: threading.Event = field(default_factory=threading.Event)
    inbox_done: threading.Event = field(default_factory=threading.Event)
    watchers: list[FolderWatcher] = field(default_factory=list)
    threads: list[threading.Thread] = field(default_factory=list)
    error: str = ""


class Engine:
    """Starts one :class:`FolderWatcher` thread per watched folder of every enabled account."""

    def __init__(
        self,
        *,
        store: EngineStore,
        accounts: AccountRegistry,
        credentials: Credentials,
        settings: Settings,
        sink: EventSink,
        secrets: AccountSecrets | None = None,
        only: str | None = None,
        on_all_stopped: Callable[[], None] | None = None,
        handoff: HandoffRunner | None = None,
        team: Replicator | None = None,
    ) -> None:
        """*only*: watch just this account (the others stay off in this engine);
        *on_all_stopped*: called (from a watcher thread) when the last watcher has ended."""
        self.store, self.accounts, self.credentials = store, accounts, credentials
        self.settings, self._sink = settings, sink
        #: password or OAuth access token per account (one token source per account)
        self.secrets = secrets or AccountSecrets(credentials, settings)
        #: the hand-off targets and their worker thread (SPEC §17), when configured
        self._handoff = handoff
        self.handoff = handoff.targets if handoff is not None else None
        #: replication to the team store (its own thread), when this laptop is in a team
        self.team = team
        if team is not None and team.sink is None:
            team.sink = self.emit_team
        self._only = only.lower() if only else None
        self._on_all_stopped = on_all_stopped
        self._live = 0
        self.logbook = Logbook(store, self._emit, route=self._route)
        self._runs: dict[str, _Run] = {}
        self._lock = threading.RLock()
        self._paused = False
        self._stopped: set[str] = set()

    def _route(self, email: LoggedEmail) -> list[str]:
        """The outbox targets of an email about to be logged: hand-off targets, team store."""
        targets = self.handoff.route(email) if self.handoff else []
        return [*targets, TEAM_TARGET] if self.team is not None else targets

    def emit_team(self, event: TeamOnline | TeamPulled) -> None:
        """The replicator's sink (it is built before the engine, by the composition root)."""
        self._emit(event)

    def _emit(self, event: Event) -> None:
        if isinstance(event, EmailLogged) and self._handoff is not None:
            self._handoff.wake()
        if isinstance(event, EmailLogged) and self.team is not None:
            self.team.wake()  # push it now: teammates see it within a second
        if isinstance(event, AccountStopped):
            with self._lock:  # both folder watchers of an account may fail at once: say it once
                if event.account.lower() in self._stopped:
                    return
                self._stopped.add(event.account.lower())
        if isinstance(event, StateChanged):
            run = self._runs.get(event.state.account.lower())
            if run is not None and event.state.state is WatchState.ERROR:
                run.error = event.state.detail
            elif run is not None and event.state.state is WatchState.WATCHING:
                run.error = ""  # recovered (e.g. space was freed)
        try:
            self._sink(event)
        except Exception:  # a front end's bug must not kill a watcher thread
            log.exception("event sink failed")

    # ------------------------------------------------------------------ lifecycle
    def _accounts(self) -> list[Account]:
        """The accounts this engine watches (all, or the one it was limited to)."""
        return [a for a in self.accounts.all() if not self._only or a.email.lower() == self._only]

    def _run_watcher(self, w: FolderWatcher) -> None:
        try:
            w.run()
        finally:
            with self._lock:
                self._live -= 1
                last = self._live == 0
            if last and self._on_all_stopped is not None:
                self._on_all_stopped()

    def _watcher(
        self, account: Account, role: Role, halt: threading.Event, inbox_done: threading.Event
    ) -> FolderWatcher:
        """One folder's watcher; *halt* stops the account's watchers together."""
        return FolderWatcher(
            account,
            role,
            secret=self.secrets.for_account(account),
            store=self.store,
            logbook=self.logbook,
            options=self._options,
            sink=self._emit,
            stop=halt,
            account_stop=halt,
            inbox_done=inbox_done,
        )

    def _options(self) -> WatchOptions:
        opts = watch_options(self.settings)
        if self.handoff is None:
            return opts
        # a CRM's drop address is never a contact: its mail must not loop back in
        never = opts.policy.never_log + self.handoff.drop_addresses()
        return dataclasses.replace(opts, policy=dataclasses.replace(opts.policy, never_log=never))

    def _start_account(self, account: Account) -> None:
        self._stopped.discard(account.email.lower())
        run = _Run(account)
        for role in ROLES:
            w = self._watcher(account, role, run.halt, run.inbox_done)
            t = threading.Thread(
                target=self._run_watcher, args=(w,), name=f"watch-{account.email}-{role}"
            )
            t.daemon = True
            run.watchers.append(w)
            run.threads.append(t)
        self._runs[account.email.lower()] = run
        self._live += len(run.threads)
        for t in run.threads:
            t.start()

    def start(self) -> None:
        if self._handoff is not None:
            self._handoff.start(self._emit)
        with self._lock:
            self._paused = False
            if self.team is not None and not self.team.running:
                self.team.start()
            for account in self._accounts():
                if account.enabled and account.email.lower() not in self._runs:
                    self._start_account(account)

    def _stop_runs(self, runs: list[_Run], timeout: float) -> None:
        for run in runs:
            run.halt.set()
            for w in run.watchers:
                w.wake_up()  # ends a backoff wait
                w.interrupt()  # ends a blocking IDLE or FETCH
        deadline = time.monotonic() + timeout
        for run in runs:
            for t in run.threads:
                t.join(max(0.0, deadline - time.monotonic()))

    def stop(self, timeout: float = 2.0) -> None:
        with self._lock:
            runs = list(self._runs.values())
            self._runs.clear()
        self._stop_runs(runs, timeout)
        if self._handoff is not None:
            self._handoff.stop(timeout)
        if self.team is not None:
            self.team.stop(timeout)

    def pause(self) -> None:
        with self._lock:
            self._paused = True
            runs = list(self._runs.values())
            self._runs.clear()
        self._stop_runs(runs, 2.0)
        for run in runs:
            self._emit(StateChanged(AccountState(run.account.email, WatchState.PAUSED)))

    def resume(self) -> None:
        self.start()

    @property
    def paused(self) -> bool:
        return self._paused

    def attach_team(self) -> None:
        """This laptop just joined a team store: replicate from now on, without a restart."""
        from replytrail.core.store.team_side import replica_of
        from replytrail.core.team.membership import make_replicator

        with self._lock:
            if self.team is not None:
                return
            self.team = make_replicator(replica_of(self.store), self.settings, self.credentials)
            if self.team is not None:
                self.team.sink = self.emit_team
                self.team.start()

    def wake_handoff(self) -> None:
        """Deliver what waits in the hand-off outbox now (``handoff retry``, Settings)."""
        if self._handoff is not None:
            self._handoff.wake()

    def reconnect_now(self) -> None:
        """The network came back or the machine woke: skip every backoff wait, re-check."""
        if self.team is not None:
            self.team.wake()
        with self._lock:
            for run in self._runs.values():
                for w in run.watchers:
                    w.reconnect_now()

    def network_changed(self) -> None:
        """An address or route appeared: watchers waiting to retry try again at once."""
        with self._lock:
            waiting = [
                w
                for run in self._runs.values()
                for w in run.watchers
                if w.state in (WatchState.OFFLINE, WatchState.ERROR)
            ]
        for w in waiting:
            w.wake_up()

    def reload_accounts(self) -> None:
        """Start watchers for new accounts, stop those of removed or changed ones."""
        with self._lock:
            current = {a.email.lower(): a for a in self._accounts() if a.enabled}
            gone = [r for k, r in self._runs.items() if k not in current or r.account != current[k]]
            for r in gone:
                self._runs.pop(r.account.email.lower(), None)
        self._stop_runs(gone, 2.0)
        if not self._paused:
            self.start()

    def restart_account(self, email: str) -> None:
        """Stop and start one account's watchers (a new password, "Retry now", sign-in)."""
        with self._lock:
            run = self._runs.pop(email.lower(), None)
        if run is not None:
            self._stop_runs([run], 2.0)
        if not self._paused:
            self.start()

    def states(self) -> list[AccountState]:
        out: list[AccountState] = []
        with self._lock:
            for run in self._runs.values():
                states = [w.state for w in run.watchers]
                worst = min(states, key=_SEVERITY.index) if states else WatchState.STOPPED
                out.append(AccountState(run.account.email, worst, run.error))
        if self._paused:
            out = [AccountState(a.email, WatchState.PAUSED) for a in self._accounts()]
        return out

    def alive(self) -> bool:
        with self._lock:
            return any(t.is_alive() for r in self._runs.values() for t in r.threads)

    # ------------------------------------------------------------------ one-shot work
    def catch_up_once(self, only: str | None = None) -> list[tuple[str, KnownError]]:
        """Catch every folder up once (``watch --once``); returns the accounts that failed.

        The folders are scanned at the same time, one thread and connection each, as the
        long-running watcher does.
        """
        failures: list[tuple[str, KnownError]] = []
        lock = threading.Lock()
        threads: list[threading.Thread] = []
        for account in self._accounts():
            if only and account.email.lower() != only.lower():
                continue
            halt, inbox_done = threading.Event(), threading.Event()
            for role in ROLES:
                w = self._watcher(account, role, halt, inbox_done)

                def scan(w: FolderWatcher = w, email: str = account.email) -> None:
                    try:
                        w.run_once()
                    except KnownError as e:
                        with lock:
                            if not any(a == email for a, _ in failures):
                                failures.append((email, e))

                threads.append(threading.Thread(target=scan, name=f"once-{account.email}-{role}"))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return failures

    def send(self, draft: Draft) -> LoggedEmail:
        """Send a tracked email (blocking: call from a worker thread)."""
        account = self.accounts.get(draft.account)
        try:
            email = send_draft(
                account,
                self.secrets.for_account(account),
                self.store,
                draft,
                route=self._route,
            )
        except KnownError as e:
            self._emit(SendFailed(account.email, "", e.message))
            raise
        if self.team is not None and email.id:
            self.team.requeue(email.id)  # queued as 'pending' with the email: now 'sent'
        contact = email.to[0].email if email.to else ""
        self._emit(EmailLogged(email=email, contact=contact, folder=""))
        return email

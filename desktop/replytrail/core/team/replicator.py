"""The replicator: pull what the team logged, push the outbox, sleep until PostgreSQL says so.

One thread in the engine runs :meth:`Replicator.run`; ``replytrail team sync`` calls
:meth:`Replicator.sync_once`. The server wakes the puller with ``NOTIFY replytrail_changes``;
a newly logged local email wakes it through :meth:`Replicator.wake`; without either it
checks once a minute. Server unreachable: logging goes on locally, the state says since
when, and the outbox drains by itself, in order, once the server is back.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import psycopg

from replytrail.core.errors import KnownError
from replytrail.core.events import TeamOnline, TeamPulled
from replytrail.core.store.contact_fixes import EDIT_OP, MERGE_OP
from replytrail.core.store.postgres.link import TeamLink, open_connection
from replytrail.core.store.postgres.remote import (
    PreparedPush,
    forget_own,
    prepare_push,
    pull_page,
    push_contact_edits,
    push_prepared,
    team_info,
)
from replytrail.core.store.team_side import LocalTeamSide, OutboxItem, contact_edits_of

__all__ = ["Replicator", "SyncResult", "TeamEvent"]

log = logging.getLogger("replytrail.team")

Conn = psycopg.Connection[Any]


TeamEvent = TeamOnline | TeamPulled


@dataclass
class _Step:
    """One step of a push: a run of upserts (*push* encoded, *sent* emails in it), or one
    forget or contact edit (*push* None)."""

    items: list[OutboxItem]
    push: PreparedPush | None = None
    sent: int = 0


@dataclass
class SyncResult:
    pushed: int = 0
    pulled: int = 0
    forgets: int = 0
    edits: int = 0  # contact edits and merges pushed


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Replicator:
    """Pushes this laptop's outbox and pulls the team's changes; safe to kill at any point."""

    def __init__(
        self,
        local: LocalTeamSide,
        link: Callable[[], TeamLink],
        *,
        sink: Callable[[TeamEvent], None] | None = None,
        batch: int = 1000,
        page: int = 1000,
        idle_check: float = 60.0,
        on_pull_page: Callable[[int], None] | None = None,
        checkpoint: Callable[[str], None] = lambda _stage: None,
        me: str = "",
    ) -> None:
        self.local, self._link = local, link
        #: where TeamOnline / TeamPulled go (the engine sets itself when handed this)
        self.sink = sink
        self.batch, self.page, self.idle_check = batch, page, idle_check
        self.on_pull_page = on_pull_page
        #: called at every step where a crash must lose nothing (the crash tests kill here)
        self.checkpoint = checkpoint
        self.me = me  # this laptop's role: its own emails come back unchanged
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_r, False)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._online: bool | None = None

    # ------------------------------------------------------------------ one round
    def sync_once(self, conn: Conn | None = None) -> SyncResult:
        """Pull everything new, then push the whole outbox (``team sync``)."""
        own = conn is None
        conn = conn or open_connection(self._link(), autocommit=True)
        try:
            result = SyncResult()
            result.pulled = self.pull(conn)
            result.pushed, result.forgets, result.edits = self.push(conn)
            self._set_online(True)
            return result
        finally:
            if own:
                conn.close()

    def pull(self, conn: Conn) -> int:
        total = 0
        while True:
            page = pull_page(conn, self.local.cursor(), self.page)
            self.checkpoint("pulled")
            if page.emails or page.tombstones or page.cursor != self.local.cursor():
                touched = self.local.apply(page, _now(), self.me)
                self.checkpoint("applied")
                total += len(page.emails)
                if touched and self.sink:
                    self.sink(TeamPulled(len(page.emails), tuple(touched)))
            if self.on_pull_page is not None:
                self.on_pull_page(total)
            if not page.more:
                return total

    def push(self, conn: Conn) -> tuple[int, int, int]:
        """Drain the outbox in order: upserts in batches, a forget or a contact edit where it
        was queued. Returns how many emails, forgets and contact edits went.

        The next batch is read from SQLite while the server works on the current one.
        """
        pushed = forgets = edits = 0
        with ThreadPoolExecutor(1, thread_name_prefix="team-read") as reader:
            items = self.local.pending(self.batch)
            ahead = reader.submit(self._prepare, items)
            while items:
                steps = ahead.result()
                following = self.local.pending(self.batch, after=items[-1].id)
                ahead = reader.submit(self._prepare, following)
                done, forgot, edited = self._push_steps(conn, steps)
                pushed, forgets, edits = pushed + done, forgets + forgot, edits + edited
                items = following
        if pushed or forgets or edits:
            self.local.remember(last_push=_now())
        return pushed, forgets, edits

    def _prepare(self, items: list[OutboxItem]) -> list[_Step]:
        """A batch as the steps that push it, in outbox order: each run of upserts encoded
        for COPY (here, on the reader thread), each forget or contact edit on its own."""
        payloads = self.local.team_emails([i.email_id for i in items if i.email_id is not None])
        steps: list[_Step] = []
        run: list[OutboxItem] = []

        def close_run() -> None:
            if run:
                # an email forgotten since it was queued has no payload (nor outbox row)
                emails = [payloads[i.email_id] for i in run if i.email_id in payloads]
                steps.append(_Step(list(run), prepare_push(emails), len(emails)))
                run.clear()

        for item in items:
            if item.op == "forget" or item.op in (EDIT_OP, MERGE_OP):
                close_run()
                steps.append(_Step([item]))
            else:
                run.append(item)
        close_run()
        return steps

    def _push_steps(self, conn: Conn, steps: list[_Step]) -> tuple[int, int, int]:
        pushed = forgets = edits = 0
        for step in steps:
            item = step.items[0]
            if step.push is not None:
                pushed += self._push_upserts(conn, step)
            elif item.op == "forget":
                with conn.transaction():
                    forget_own(conn, item.payload)
                self.checkpoint("pushed")
                self.local.ack([item.id])
                forgets += 1
            else:
                edits += self._push_contact_edit(conn, item)
        return pushed, forgets, edits

    def _push_contact_edit(self, conn: Conn, item: OutboxItem) -> int:
        try:
            with conn.transaction():
                push_contact_edits(conn, contact_edits_of(item))
                self.checkpoint("push-sent")
        except psycopg.OperationalError:
            raise  # an outage: it stays queued
        except psycopg.Error as e:  # refused (e.g. a team store before schema v3): kept, failed
            detail = (str(e).strip().splitlines() or [type(e).__name__])[0]
            log.warning("team store refused a contact edit: %s", detail)
            self.local.fail([item.id], detail)
            return 0
        self.checkpoint("pushed")
        self.local.ack([item.id])
        self.checkpoint("acked")
        return 1

    def _push_upserts(self, conn: Conn, step: _Step) -> int:
        assert step.push is not None
        try:
            with conn.transaction():
                push_prepared(conn, step.push)
                self.checkpoint("push-sent")
        except psycopg.OperationalError:
            raise  # an outage: everything stays queued
        except psycopg.Error as e:  # refused for good (e.g. by a policy): keep, mark failed
            detail = (str(e).strip().splitlines() or [type(e).__name__])[0]
            log.warning("team store refused %d emails: %s", len(step.items), detail)
            self.local.fail([i.id for i in step.items], detail)
            return 0
        # the server has them: a crash before this line only repeats an idempotent push
        self.checkpoint("pushed")
        self.local.ack([i.id for i in step.items])
        self.checkpoint("acked")
        return step.sent

    # ------------------------------------------------------------------ the thread
    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self.run, name="team-replicator", daemon=True)
        self._thread.start()

    def requeue(self, email_id: int) -> None:
        """An email changed after it was queued (sent or failed): push it again."""
        self.local.enqueue_upsert(email_id)
        self.wake()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self.wake()
        if self._thread is not None:
            self._thread.join(timeout)

    def wake(self) -> None:
        """Something was logged locally (or the network came back): sync now."""
        with contextlib.suppress(BlockingIOError):  # a full pipe: a wake-up is pending anyway
            os.write(self._wake_w, b"x")

    def run(self) -> None:
        backoff = 1.0
        while not self._stop.is_set():
            try:
                with open_connection(self._link(), autocommit=True) as conn:
                    conn.execute("LISTEN replytrail_changes")
                    backoff = 1.0
                    self._serve(conn)
            except (KnownError, psycopg.Error) as e:
                self._set_online(False, _detail(e))
                self._wait(min(backoff, self.idle_check))
                backoff = min(backoff * 2, self.idle_check)
            except Exception:  # a bug: say it, keep logging locally, retry later
                log.exception("team replication failed")
                self._wait(self.idle_check)

    def _serve(self, conn: Conn) -> None:
        # psycopg reads a notification with whatever result it is waiting for, so a NOTIFY
        # that arrives during a sync is seen by this handler, not by select() below
        notified = threading.Event()
        conn.add_notify_handler(lambda _n: notified.set())
        self.local.retry_failed()  # refused rows get another chance once per connection
        while not self._stop.is_set():
            self._drain_wakeups()
            notified.clear()
            self.sync_once(conn)
            if notified.is_set():
                continue
            # a NOTIFY (read by the next sync's first query), a local wake-up or a minute
            self._wait(self.idle_check, conn.fileno())

    def _wait(self, timeout: float, *fds: int) -> list[int]:
        ready, _, _ = select.select([self._wake_r, *fds], [], [], timeout)
        return list(ready)

    def _drain_wakeups(self) -> None:
        with contextlib.suppress(BlockingIOError):
            while os.read(self._wake_r, 4096):
                pass

    def _set_online(self, online: bool, detail: str = "") -> None:
        if online == self._online:
            return
        self._online = online
        since = ""
        if online:
            self.local.remember(offline_since="", last_error="")
        else:
            since = self.local.state().get("offline_since") or _now()
            self.local.remember(offline_since=since, last_error=detail)
            log.warning("team store offline: %s", detail)
        if self.sink:
            self.sink(TeamOnline(online, since, detail))

    def policy(self, conn: Conn) -> str:
        return team_info(conn).get("policy", "shared")

    def close(self) -> None:
        os.close(self._wake_r)
        os.close(self._wake_w)


def _detail(e: Exception) -> str:
    if isinstance(e, KnownError):
        return e.message
    return (str(e).strip().splitlines() or [type(e).__name__])[0]

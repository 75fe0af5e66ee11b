"""The local store's outbox (SPEC §17): entries written with the logged email, drained by workers.

An entry is written in the same transaction as its email (``EmailRecord.outbox``). A worker
takes the due entries of its targets, delivers them, and only then removes them — so a crash
between delivery and acknowledgement delivers that entry once more (receivers drop the repeat
by its idempotency key). Forgetting a contact removes their undelivered entries with the
emails (``ON DELETE CASCADE``). This module has its own connection to the store file, so a
worker never waits for the store object's lock, and the command line can drain the same
outbox while the tray app runs.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from replytrail.core.errors import StoreError

__all__ = ["OutboxEntry", "OutboxQueue", "TargetStatus"]


@dataclass(frozen=True)
class OutboxEntry:
    id: int
    target: str
    op: str
    email_id: int | None
    payload: str
    attempts: int
    created_ts: int


@dataclass(frozen=True)
class TargetStatus:
    """What ``handoff status`` shows per target."""

    target: str
    pending: int
    failed: int
    oldest_ts: int | None
    last_error: str
    next_ts: int | None

    def to_json(self) -> dict[str, object]:
        return {
            "target": self.target,
            "pending": self.pending,
            "failed": self.failed,
            "oldest": self.oldest_ts,
            "last_error": self.last_error,
            "next_attempt": self.next_ts,
        }


class OutboxQueue:
    """Due entries of the targets that start with *prefix* (``"handoff:"``, ``"team"``)."""

    def __init__(self, path: Path, prefix: str, *, timeout: float = 15.0) -> None:
        self.path, self.prefix = path, prefix
        try:
            self._db = sqlite3.connect(
                path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
            self._db.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
        except sqlite3.Error as e:
            raise StoreError(path=path, detail=str(e)) from None

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as e:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise StoreError(path=self.path, detail=str(e)) from None

    def _rows(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.Error as e:
            raise StoreError(path=self.path, detail=str(e)) from None

    def _like(self) -> str:
        return self.prefix.replace("%", r"\%").replace("_", r"\_") + "%"

    def due(self, now: float | None = None, limit: int = 50) -> list[OutboxEntry]:
        """Pending entries whose time has come, oldest first (in logging order)."""
        ts = int(now if now is not None else time.time())
        rows = self._rows(
            "SELECT id, target, op, email_id, payload, attempts, created_ts FROM outbox "
            "WHERE target LIKE ? ESCAPE '\\' AND state = 'pending' AND next_ts <= ? "
            # a target's entries go in order: none passes an earlier one that waits
            "AND NOT EXISTS (SELECT 1 FROM outbox w WHERE w.target = outbox.target "
            "AND w.state = 'pending' AND w.id < outbox.id AND w.next_ts > ?) "
            "ORDER BY id LIMIT ?",
            (self._like(), ts, ts, limit),
        )
        return [
            OutboxEntry(
                int(r[0]),
                str(r[1]),
                str(r[2]),
                None if r[3] is None else int(r[3]),
                str(r[4]),
                int(r[5]),
                int(r[6]),
            )
            for r in rows
        ]

    def next_due(self) -> int | None:
        """When the next pending entry is due (None: nothing pending)."""
        row = self._rows(
            # each target's first pending entry decides when that target is due
            "SELECT min(next_ts) FROM outbox WHERE target LIKE ? ESCAPE '\\' "
            "AND state = 'pending' AND id = (SELECT min(id) FROM outbox f "
            "WHERE f.target = outbox.target AND f.state = 'pending')",
            (self._like(),),
        )
        value = row[0][0] if row else None
        return None if value is None else int(value)

    def done(self, entry_id: int) -> None:
        """Delivered: the entry goes (the acknowledgement)."""
        with self._tx() as db:
            db.execute("DELETE FROM outbox WHERE id = ?", (entry_id,))

    def retry(self, entry_id: int, next_ts: float, error: str) -> None:
        """A temporary failure: this entry and the target's later ones wait until *next_ts*
        (they keep their order; a dead receiver is not asked once per entry)."""
        with self._tx() as db:
            db.execute(
                "UPDATE outbox SET attempts = attempts + 1, next_ts = ?, last_error = ? "
                "WHERE id = ?",
                (int(next_ts), error[:500], entry_id),
            )
            db.execute(
                "UPDATE outbox SET next_ts = max(next_ts, ?) WHERE state = 'pending' AND "
                "target = (SELECT target FROM outbox WHERE id = ?) AND id > ?",
                (int(next_ts), entry_id, entry_id),
            )

    def fail(self, entry_id: int, error: str) -> None:
        """A permanent failure (the receiver refused it): kept, shown, retried only on request."""
        with self._tx() as db:
            db.execute(
                "UPDATE outbox SET attempts = attempts + 1, state = 'failed', last_error = ? "
                "WHERE id = ?",
                (error[:500], entry_id),
            )

    def retry_all(self, target: str | None = None) -> int:
        """``handoff retry``: failed and waiting entries are due again now."""
        with self._tx() as db:
            cur = db.execute(
                "UPDATE outbox SET state = 'pending', next_ts = 0 "
                "WHERE target LIKE ? ESCAPE '\\' AND (? IS NULL OR target = ?) "
                "AND (state = 'failed' OR next_ts > 0)",
                (self._like(), target, target),
            )
            return cur.rowcount

    def status(self) -> list[TargetStatus]:
        rows = self._rows(
            "SELECT target, sum(state = 'pending'), sum(state = 'failed'), min(created_ts), "
            "min(CASE WHEN state = 'pending' THEN next_ts END) FROM outbox "
            "WHERE target LIKE ? ESCAPE '\\' GROUP BY target ORDER BY target",
            (self._like(),),
        )
        out = []
        for target, pending, failed, oldest, next_ts in rows:
            err = self._rows(
                "SELECT last_error FROM outbox WHERE target = ? AND last_error != '' "
                "ORDER BY attempts DESC, id LIMIT 1",
                (target,),
            )
            out.append(
                TargetStatus(
                    str(target),
                    int(pending or 0),
                    int(failed or 0),
                    None if oldest is None else int(oldest),
                    str(err[0][0]) if err else "",
                    None if next_ts is None else int(next_ts),
                )
            )
        return out

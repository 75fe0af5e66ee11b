"""Follow-ups (SPEC §16): emails awaiting a reply, and "remind me in …" reminders.

An email is *awaiting reply* when it is the newest email of its thread (auto-replies aside),
was sent by the user (not pending, failed or bounced), and is older than N working days
(Monday to Friday). A reminder is due at its time unless a reply came first; reminders live
in the store (table ``followups``), so they survive restarts and go with "forget contact".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from replytrail.core.models import LoggedEmail
from replytrail.core.store.base import Store
from replytrail.core.store.sqlite_read import SQLiteReads

__all__ = ["Awaiting", "FollowUps", "Reminder", "working_days_before", "working_days_between"]

_NEWEST_OF_THREAD = """NOT EXISTS (SELECT 1 FROM emails r WHERE r.thread_id = e.thread_id
    AND r.id != e.id AND r.kind != 'auto-reply'
    AND (r.ts > e.ts OR (r.ts = e.ts AND r.id > e.id)))"""
_NO_REPLY_SINCE = """NOT EXISTS (SELECT 1 FROM emails r WHERE r.thread_id = e.thread_id
    AND r.direction = 'in' AND r.kind = 'email' AND r.ts >= e.ts AND r.id != e.id)"""
_AWAITING = f"""FROM emails e LEFT JOIN followups f ON f.email_id = e.id
    WHERE e.direction = 'out' AND e.kind = 'email' AND e.status IN ('sent', '')
    AND e.ts <= ? AND coalesce(f.dismissed, 0) = 0 AND {_NEWEST_OF_THREAD}"""


def working_days_before(now: datetime, days: int) -> datetime:
    """The moment *days* working days (Monday to Friday) before *now*."""
    t, left = now, days
    while left > 0:
        t -= timedelta(days=1)
        if t.weekday() < 5:
            left -= 1
    return t


def working_days_between(start: datetime, end: datetime) -> int:
    """Working days from *start* to *end* (each weekday passed counts once)."""
    d, n = start.date(), 0
    while d < end.date():
        d += timedelta(days=1)
        n += d.weekday() < 5
    return n


@dataclass(frozen=True)
class Awaiting:
    """An outgoing email without a reply; ``days``: working days since it was sent."""

    email: LoggedEmail
    contact: str
    days: int
    remind_at: datetime | None = None

    def to_json(self) -> dict[str, object]:
        return {
            **self.email.to_json(),
            "contact": self.contact,
            "working_days": self.days,
            "remind_at": self.remind_at.isoformat() if self.remind_at else None,
        }


@dataclass(frozen=True)
class Reminder:
    email: LoggedEmail
    contact: str
    due: datetime


def _ts(when: datetime) -> int:
    return int(when.timestamp())


class FollowUps:
    """Follow-up queries and reminder writes over the local store."""

    def __init__(self, store: Store | object) -> None:
        if not isinstance(store, SQLiteReads):
            raise TypeError("follow-ups live in the local SQLite store")
        self.store: SQLiteReads = store

    def _contact(self, email_id: int) -> str:
        rows = self.store._q(
            "SELECT c.email FROM email_contacts ec JOIN contacts c ON c.id = ec.contact_id "
            "WHERE ec.email_id = ? ORDER BY c.email LIMIT 1",
            (email_id,),
        )
        return str(rows[0][0]) if rows else ""

    def _load(self, email_id: int) -> LoggedEmail | None:
        return self.store.email_by_id(email_id)

    def awaiting(self, days: int, now: datetime | None = None, limit: int = 500) -> list[Awaiting]:
        """Oldest first, across all contacts."""
        now = now or datetime.now(UTC)
        rows = self.store._q(
            f"SELECT e.id, coalesce(f.remind_ts, 0) {_AWAITING} ORDER BY e.ts, e.id LIMIT ?",
            (_ts(working_days_before(now, days)), limit),
        )
        out: list[Awaiting] = []
        for email_id, remind_ts in rows:
            e = self._load(email_id)
            if e is not None:
                remind = datetime.fromtimestamp(remind_ts, UTC) if remind_ts else None
                days_waiting = working_days_between(e.date, now)
                out.append(Awaiting(e, self._contact(email_id), days_waiting, remind))
        return out

    def count(self, days: int, now: datetime | None = None) -> int:
        now = now or datetime.now(UTC)
        rows = self.store._q(f"SELECT count(*) {_AWAITING}", (_ts(working_days_before(now, days)),))
        return int(rows[0][0]) if rows else 0

    def _email_id(self, message_id: str) -> int | None:
        rows = self.store._q(
            "SELECT id FROM emails WHERE message_id = ? AND direction = 'out'", (message_id,)
        )
        return int(rows[0][0]) if rows else None

    def remind(self, message_id: str, at: datetime) -> bool:
        """Set (or move) the reminder of an outgoing email; False when there is no such email."""
        email_id = self._email_id(message_id)
        if email_id is None:
            return False
        with self.store._write() as db:
            db.execute(
                "INSERT INTO followups (email_id, remind_ts) VALUES (?, ?) ON CONFLICT(email_id)"
                " DO UPDATE SET remind_ts = excluded.remind_ts, notified_ts = 0",
                (email_id, _ts(at)),
            )
        return True

    def cancel_reminder(self, message_id: str) -> None:
        email_id = self._email_id(message_id)
        if email_id is not None:
            with self.store._write() as db:
                db.execute("UPDATE followups SET remind_ts = 0 WHERE email_id = ?", (email_id,))

    def dismiss(self, message_id: str) -> bool:
        """ "No reply needed": the email leaves the awaiting-reply view."""
        email_id = self._email_id(message_id)
        if email_id is None:
            return False
        with self.store._write() as db:
            db.execute(
                "INSERT INTO followups (email_id, dismissed) VALUES (?, 1) "
                "ON CONFLICT(email_id) DO UPDATE SET dismissed = 1",
                (email_id,),
            )
        return True

    def due(self, now: datetime | None = None) -> list[Reminder]:
        """Reminders whose time has come, not shown yet, and with no reply since the email."""
        now = now or datetime.now(UTC)
        rows = self.store._q(
            "SELECT e.id, f.remind_ts FROM followups f JOIN emails e ON e.id = f.email_id "
            f"WHERE f.remind_ts > 0 AND f.remind_ts <= ? AND f.notified_ts = 0 "
            f"AND {_NO_REPLY_SINCE} ORDER BY f.remind_ts",
            (_ts(now),),
        )
        out: list[Reminder] = []
        for email_id, remind_ts in rows:
            e = self._load(email_id)
            if e is not None:
                due = datetime.fromtimestamp(remind_ts, UTC)
                out.append(Reminder(e, self._contact(email_id), due))
        return out

    def mark_notified(self, message_ids: Iterable[str], now: datetime | None = None) -> None:
        stamp = _ts(now or datetime.now(UTC))
        with self.store._write() as db:
            for mid in message_ids:
                db.execute(
                    "UPDATE followups SET notified_ts = ? WHERE email_id = "
                    "(SELECT id FROM emails WHERE message_id = ?)",
                    (stamp, mid),
                )

    def reminders(self) -> dict[str, datetime]:
        """Pending reminders by Message-ID (for showing them beside the emails)."""
        rows = self.store._q(
            "SELECT e.message_id, f.remind_ts FROM followups f JOIN emails e ON e.id = f.email_id"
            " WHERE f.remind_ts > 0 AND f.notified_ts = 0"
        )
        return {str(m): datetime.fromtimestamp(t, UTC) for m, t in rows}

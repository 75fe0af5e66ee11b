"""The laptop's side of replication: the team outbox in the local store, and applying pulls.

The local store stays the source of truth. This module reads the outbox rows that
``SQLiteStore.record`` wrote with the email (and ``ContactFixes`` with a contact edit or
merge), turns them into team payloads, acknowledges them after the server committed, and
applies what teammates logged (emails, forgets, contact edits) with the pull cursor in the
same local transaction.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol, runtime_checkable

from replytrail.core.models import Address, Direction, Kind, LoggedEmail, MatchReason
from replytrail.core.store.base import AttachmentBlob, EmailRecord
from replytrail.core.store.blobs import BlobStore
from replytrail.core.store.contact_fixes import EDIT_OP, MERGE_OP, edit_rows, merge_rows
from replytrail.core.store.freemail import company_for
from replytrail.core.store.postgres.wire import ContactEdit, PulledPage, TeamAttachment, TeamEmail

__all__ = [
    "TARGET",
    "LocalTeamSide",
    "OutboxItem",
    "ReplicaStore",
    "contact_edits_of",
    "replica_of",
    "to_record",
]

TARGET = "team"
CURSOR = "team.cursor"


@runtime_checkable
class ReplicaStore(Protocol):
    """What replication needs of the local store (``SQLiteStore`` serves it)."""

    path: Path
    blobs: BlobStore

    def record_many(
        self, recs: Sequence[EmailRecord], state: Mapping[str, str] | None = None
    ) -> list[int | None]: ...

    def sync_state(self) -> dict[str, str]: ...

    def forget_contact(self, email: str) -> int: ...

    def attachment_data(self, sha256: str) -> bytes: ...


def replica_of(store: object) -> ReplicaStore:
    """The local store as replication sees it (the team store replicates only a local one)."""
    if not isinstance(store, ReplicaStore):
        raise TypeError(f"{type(store).__name__} cannot hold a team replica")
    return store


@dataclass(frozen=True)
class OutboxItem:
    id: int
    op: str  # "upsert" | "forget" | "contact-edit" | "contact-merge"
    email_id: int | None
    payload: str


class LocalTeamSide:
    """Outbox reads and acknowledgements on its own connection to the store's file."""

    def __init__(self, store: ReplicaStore) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._db = sqlite3.connect(
            store.path, timeout=30, isolation_level=None, check_same_thread=False
        )
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.execute("PRAGMA secure_delete=ON")
        self._db.execute("PRAGMA busy_timeout=30000")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # ------------------------------------------------------------------ outbox
    def pending(self, limit: int = 500, after: int = 0) -> list[OutboxItem]:
        """The next *limit* queued items after id *after*, in the order they were queued."""
        with self._lock:
            rows = self._db.execute(
                "SELECT id, op, email_id, payload FROM outbox WHERE target = ? AND "
                "state = 'pending' AND id > ? ORDER BY id LIMIT ?",
                (TARGET, after, limit),
            ).fetchall()
        return [OutboxItem(int(r[0]), str(r[1]), r[2], str(r[3])) for r in rows]

    def size(self) -> int:
        with self._lock:
            row = self._db.execute(
                "SELECT count(*) FROM outbox WHERE target = ?", (TARGET,)
            ).fetchone()
        return int(row[0])

    def ack(self, ids: Sequence[int]) -> None:
        """The server committed these: drop them (a crash before this only repeats a push)."""
        with self._write() as db:
            for k in range(0, len(ids), 500):
                part = list(ids[k : k + 500])
                db.execute(f"DELETE FROM outbox WHERE id IN ({','.join('?' * len(part))})", part)

    def fail(self, ids: Sequence[int], error: str) -> None:
        """The server refused these for good (not an outage): keep them, shown as failed."""
        with self._write() as db:
            db.executemany(
                "UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ? "
                "WHERE id = ?",
                [(error[:500], i) for i in ids],
            )

    def retry_failed(self) -> int:
        """Give refused rows another chance (after the administrator fixed the cause)."""
        with self._write() as db:
            cur = db.execute(
                "UPDATE outbox SET state = 'pending' WHERE target = ? AND state = 'failed'",
                (TARGET,),
            )
        return max(cur.rowcount, 0)

    def failed(self) -> int:
        with self._lock:
            row = self._db.execute(
                "SELECT count(*) FROM outbox WHERE target = ? AND state = 'failed'", (TARGET,)
            ).fetchone()
        return int(row[0])

    def enqueue_upsert(self, email_id: int) -> None:
        """Queue an email again after it changed (its status once sending finished)."""
        with self._write() as db:
            db.execute(
                "INSERT INTO outbox (target, op, email_id, created_ts) VALUES (?, 'upsert', ?, ?)",
                (TARGET, email_id, int(time.time())),
            )

    def enqueue_forget(self, contact: str) -> None:
        """Queue "forget this contact" for the team store (before the local forget runs)."""
        with self._write() as db:
            db.execute(
                "INSERT INTO outbox (target, op, payload, created_ts) VALUES (?, 'forget', ?, ?)",
                (TARGET, contact.strip().lower(), int(time.time())),
            )

    def backfill(self, accounts: Sequence[str]) -> int:
        """Queue every email of these (own) accounts that the outbox does not hold yet."""
        if not accounts:
            return 0
        marks = ",".join("?" * len(accounts))
        with self._write() as db:
            cur = db.execute(
                "INSERT INTO outbox (target, op, email_id, created_ts) "
                f"SELECT ?, 'upsert', e.id, ? FROM emails e WHERE lower(e.account) IN ({marks}) "
                "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.target = ? AND o.email_id = e.id)"
                " ORDER BY e.id",
                (TARGET, int(time.time()), *[a.lower() for a in accounts], TARGET),
            )
        return max(cur.rowcount, 0)

    # ------------------------------------------------------------------ payloads
    def team_emails(self, email_ids: Sequence[int]) -> dict[int, TeamEmail]:
        """The team payloads of these local emails (missing ids were forgotten meanwhile)."""
        out: dict[int, TeamEmail] = {}
        for i in range(0, len(email_ids), 500):
            out.update(self._team_emails(list(email_ids[i : i + 500])))
        return out

    def _team_emails(self, ids: list[int]) -> dict[int, TeamEmail]:
        marks = ",".join("?" * len(ids))
        with self._lock:
            rows = self._db.execute(
                "SELECT e.id, e.message_id, e.account, e.thread_id, e.direction, e.date, "
                "e.from_email, e.from_name, e.to_json, e.cc_json, e.subject, e.kind, e.match, "
                "e.status, e.in_reply_to, e.references_json, coalesce(t.subject_norm, ''), "
                "e.thread_index, coalesce(t.gm_thrid, ''), e.body_text, e.body_html "
                f"FROM emails e LEFT JOIN threads t ON t.id = e.thread_id WHERE e.id IN ({marks})",
                ids,
            ).fetchall()
            contacts = self._db.execute(
                "SELECT ec.email_id, c.email, c.name FROM email_contacts ec JOIN contacts c "
                f"ON c.id = ec.contact_id WHERE ec.email_id IN ({marks}) ORDER BY c.email",
                ids,
            ).fetchall()
            atts = self._db.execute(
                "SELECT email_id, position, filename, content_type, size, sha256 FROM "
                f"attachments WHERE email_id IN ({marks}) ORDER BY email_id, position",
                ids,
            ).fetchall()
        out = {int(r[0]): _payload(r) for r in rows}
        for eid, email, name in contacts:
            out[int(eid)].contacts.append([str(email), str(name)])
        for eid, pos, fn, ctype, size, sha in atts:
            data = self.store.attachment_data(str(sha))
            out[int(eid)].attachments.append(TeamAttachment(int(pos), fn, ctype, size, sha, data))
        return out

    # ------------------------------------------------------------------ pulling
    def cursor(self) -> int:
        return int(self.store.sync_state().get(CURSOR, "0"))

    def remember(self, **values: str) -> None:
        """Replication facts for ``team status`` (last push, offline since …)."""
        self.store.record_many([], {f"team.{k}": v for k, v in values.items()})

    def state(self) -> dict[str, str]:
        return {
            k.removeprefix("team."): v
            for k, v in self.store.sync_state().items()
            if k.startswith("team.")
        }

    def apply(self, page: PulledPage, now: str, me: str = "") -> list[str]:
        """Forgets first, then the emails with the cursor in one transaction.

        Returns the contacts whose timelines changed. Every email of a page was (re)written
        after every forget that could concern it, so this order is the order of the server.
        A teammate's email this laptop already holds takes its new status (sent, bounced);
        this laptop's own emails are never changed by what comes back (*me*: its role).
        """
        touched: list[str] = []
        for stone in page.tombstones:
            if stone.contact:
                self.store.forget_contact(stone.contact)
                touched.append(stone.contact)
            else:
                touched.extend(self.delete_message(stone.account, stone.message_id))
        theirs = [e for e in page.emails if e.owner != me]
        with self._write() as db:
            db.executemany(
                "UPDATE emails SET status = ? WHERE message_id = ? AND account = ? AND status != ?",
                [(e.status, e.message_id, e.account, e.status) for e in theirs],
            )
        recs = [to_record(e) for e in page.emails]
        state = {CURSOR: str(page.cursor), "team.last_pull": now}
        if not page.contact_edits:
            self.store.record_many(recs, state)
        else:  # the edits of a page follow its emails (they may name their contacts)
            self.store.record_many(recs)
            touched.extend(self.apply_contact_edits(page.contact_edits, state))
        touched.extend(c[0] for e in page.emails for c in e.contacts)
        return list(dict.fromkeys(touched))

    def apply_contact_edits(
        self, edits: Sequence[ContactEdit], state: Mapping[str, str]
    ) -> list[str]:
        """Teammates' (and this laptop's own, come back) contact edits, in server order, and
        *state* (the cursor) in one transaction; returns the contacts that changed.

        Applying an edit twice changes nothing, and nothing is queued (no echo). A field this
        laptop edited and has not pushed yet is left alone: that edit reaches the server
        later, so it is the latest. An edit of an address that is only an alias here (merged
        meanwhile) or unknown here (no email with it) is skipped.
        """
        touched: list[str] = []
        with self._write() as db:
            mine = _pending_fields(db)
            for e in edits:
                contact = e.contact.strip().lower()
                if e.field == "merged_into":
                    touched.extend(_apply_merge(db, e.value.strip().lower(), contact))
                elif e.field in ("name", "company") and (contact, e.field) not in mine:
                    row = db.execute(
                        "SELECT id, name, company FROM contacts WHERE email = ?", (contact,)
                    ).fetchone()
                    if row is None:
                        continue
                    current = row[1] if e.field == "name" else row[2]
                    value = {e.field: e.value}
                    edit_rows(db, int(row[0]), value.get("name"), value.get("company"))
                    if current != e.value:
                        touched.append(contact)
            for key, v in state.items():
                db.execute(
                    "INSERT INTO sync_state (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, v),
                )
        return touched

    def delete_message(self, account: str, message_id: str) -> list[str]:
        """Drop the local copy of a teammate's email they forgot; returns its contacts."""
        with self._write() as db:
            row = db.execute(
                "SELECT id, thread_id FROM emails WHERE message_id = ? AND lower(account) = ?",
                (message_id, account.lower()),
            ).fetchone()
            if row is None:
                return []
            eid, thread = row
            contacts = [
                str(r[0])
                for r in db.execute(
                    "SELECT c.email FROM email_contacts ec JOIN contacts c ON c.id = "
                    "ec.contact_id WHERE ec.email_id = ?",
                    (eid,),
                )
            ]
            shas = {
                str(r[0])
                for r in db.execute(
                    "SELECT sha256 FROM attachments WHERE email_id = ? UNION "
                    "SELECT raw_sha256 FROM emails WHERE id = ? AND raw_sha256 != ''",
                    (eid, eid),
                )
            }
            db.execute("DELETE FROM tracked_ids WHERE email_id = ?", (eid,))
            db.execute("DELETE FROM emails WHERE id = ?", (eid,))
            if not db.execute("SELECT 1 FROM emails WHERE thread_id = ?", (thread,)).fetchone():
                db.execute("DELETE FROM tracked_ids WHERE thread_id = ?", (thread,))
                db.execute("DELETE FROM threads WHERE id = ?", (thread,))
            db.execute(
                "DELETE FROM contacts WHERE id NOT IN (SELECT contact_id FROM email_contacts)"
            )
            still = {
                str(r[0])
                for r in db.execute(
                    "SELECT sha256 FROM attachments UNION SELECT raw_sha256 FROM emails"
                )
            }
        self.store.blobs.delete(shas - still)
        return contacts


def contact_edits_of(item: OutboxItem) -> list[ContactEdit]:
    """The team rows of a queued contact edit or merge (one per changed field)."""
    data = json.loads(item.payload or "{}")
    contact, edit_id = str(data.get("contact", "")), str(data.get("edit_id", ""))
    fields = ("merged_into",) if item.op == MERGE_OP else ("name", "company")
    return [
        ContactEdit(contact, f, str(data[f]), edit_id)
        for f in fields
        if data.get(f) is not None and contact
    ]


def _pending_fields(db: sqlite3.Connection) -> set[tuple[str, str]]:
    """(contact, field) of this laptop's contact edits that the server has not yet."""
    out: set[tuple[str, str]] = set()
    for op, payload in db.execute(
        "SELECT op, payload FROM outbox WHERE target = ? AND op = ?", (TARGET, EDIT_OP)
    ):
        for e in contact_edits_of(OutboxItem(0, str(op), None, str(payload))):
            out.add((e.contact.lower(), e.field))
    return out


def _contact_row(db: sqlite3.Connection, email: str) -> int | None:
    """The contact that *email* belongs to here: its own row, or the one it was merged into."""
    row = db.execute(
        "SELECT id FROM contacts WHERE email = ? UNION ALL "
        "SELECT contact_id FROM contact_aliases WHERE email = ? LIMIT 1",
        (email, email),
    ).fetchone()
    return None if row is None else int(row[0])


def _apply_merge(db: sqlite3.Connection, keep: str, other: str) -> list[str]:
    """A teammate merged *other* into *keep*: as ``ContactFixes.merge`` does it here.

    Without any email of *other* here, its address only becomes an alias (its future mail
    goes to *keep*); without *keep* here, *keep* is made from *other*'s emails."""
    other_id = _contact_row(db, other)
    keep_id = _contact_row(db, keep)
    if keep_id is not None and keep_id == other_id:
        return []  # already merged (twice pulled, or merged here too)
    if keep_id is None:
        if other_id is None:
            return []  # neither is known here: nothing to show, nothing to redirect
        db.execute(
            "INSERT INTO contacts (email, name, company, created_ts) VALUES (?, '', ?, ?)",
            (keep, company_for(keep), int(time.time())),
        )
        keep_id = _contact_row(db, keep)
        assert keep_id is not None
    if other_id is None:
        db.execute(
            "INSERT OR REPLACE INTO contact_aliases (email, contact_id) VALUES (?, ?)",
            (other, keep_id),
        )
        return []
    merge_rows(db, keep_id, other_id)
    return [keep, other]


def _pairs(raw: str) -> list[list[str]]:
    return [[str(a[0]), str(a[1])] for a in json.loads(raw or "[]")]


def _payload(r: Sequence[object]) -> TeamEmail:
    return TeamEmail(
        message_id=str(r[1]),
        account=str(r[2]),
        thread_id=str(r[3]),
        direction=str(r[4]),
        date_text=str(r[5]),
        from_email=str(r[6]),
        from_name=str(r[7]),
        to=_pairs(str(r[8])),
        cc=_pairs(str(r[9])),
        subject=str(r[10]),
        kind=str(r[11]),
        match=str(r[12]),
        status=str(r[13]),
        in_reply_to=str(r[14]),
        references=[str(x) for x in json.loads(str(r[15]) or "[]")],
        subject_norm=str(r[16]),
        thread_guid=str(r[17]),
        gm_thrid=str(r[18]),
        body_text=str(r[19]),
        body_html=str(r[20]),
    )


def to_record(e: TeamEmail) -> EmailRecord:
    """A pulled email as a local record: no outbox row (it came from the team store)."""
    email = LoggedEmail(
        message_id=e.message_id,
        thread_id=e.thread_id,
        direction=Direction(e.direction),
        date=datetime.fromisoformat(e.date_text),
        sender=Address(e.from_email, e.from_name),
        to=[Address(p[0], p[1]) for p in e.to],
        cc=[Address(p[0], p[1]) for p in e.cc],
        subject=e.subject,
        kind=Kind(e.kind),
        match=MatchReason(e.match),
        account=e.account,
        body_text=e.body_text,
        body_html=e.body_html,
        status=e.status,
        in_reply_to=e.in_reply_to,
        references=list(e.references),
    )
    return EmailRecord(
        email=email,
        contacts=[Address(p[0], p[1]) for p in e.contacts],
        blobs=[AttachmentBlob(a.filename, a.content_type, a.data) for a in e.attachments],
        subject_norm=e.subject_norm,
        thread_guid=e.thread_guid or None,
        gm_thrid=e.gm_thrid or None,
    )

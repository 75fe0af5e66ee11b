"""The local store: SQLite in WAL mode with FTS5, blobs beside it (SPEC §11.1).

One connection per ``SQLiteStore``; every write is one ``BEGIN IMMEDIATE`` transaction, so a
killed process leaves whole transactions only. ``secure_delete`` is on, so "forget contact"
overwrites what it deletes instead of leaving it in free pages. Reads live in
:mod:`~replytrail.core.store.sqlite_read`, the connection and error mapping in
:mod:`~replytrail.core.store.sqlite_db`.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
import uuid
from collections.abc import Mapping, Sequence

from replytrail.core.models import Attachment, Checkpoint
from replytrail.core.store.base import EmailRecord
from replytrail.core.store.freemail import company_for
from replytrail.core.store.sqlite_read import SQLiteReads

__all__ = ["SQLiteStore", "company_for"]

log = logging.getLogger("replytrail.store")

#: the emails and threads one "forget contact" removes, materialised before the deletes
_FORGET_TEMP = [
    "CREATE TEMP TABLE IF NOT EXISTS forget_emails (id INTEGER PRIMARY KEY)",
    "CREATE TEMP TABLE IF NOT EXISTS forget_threads (id TEXT PRIMARY KEY)",
    "DELETE FROM forget_emails",
    "DELETE FROM forget_threads",
]


class SQLiteStore(SQLiteReads):
    """The Store protocol over one SQLite file and a BlobStore."""

    # ------------------------------------------------------------------ writing
    def new_thread_id(self) -> str:
        return "t" + uuid.uuid4().hex[:20]

    def record(self, rec: EmailRecord) -> int | None:
        if self.has_message(rec.email.message_id):
            return None
        return self.record_many([rec])[0]

    def record_many(
        self, recs: Sequence[EmailRecord], state: Mapping[str, str] | None = None
    ) -> list[int | None]:
        """Store several emails (and replication *state*) in one transaction; ``None`` marks
        an email whose Message-ID was already stored."""
        # Blobs first (atomic files): a crash before the commit leaves only orphans, which
        # gc_blobs() removes; never a row pointing at a missing file.
        prepared = [self._blobs_of(rec) for rec in recs]
        ids: list[int | None] = []
        with self._write() as db:
            for rec, (atts, raw_sha) in zip(recs, prepared, strict=True):
                ids.append(self._insert(db, rec, atts, raw_sha))
            for key, value in (state or {}).items():
                db.execute(
                    "INSERT INTO sync_state (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )
        for rec, (atts, raw_sha), email_id in zip(recs, prepared, ids, strict=True):
            if email_id is not None:
                rec.email.id, rec.email.attachments, rec.email.raw_sha256 = email_id, atts, raw_sha
        return ids

    def sync_state(self) -> dict[str, str]:
        """What replication remembers (cursors), written by :meth:`record_many`."""
        return {str(k): str(v) for k, v in self._q("SELECT key, value FROM sync_state")}

    def _blobs_of(self, rec: EmailRecord) -> tuple[list[Attachment], str]:
        atts = [
            Attachment(b.filename, len(b.data), self.put_blob(b.data), b.content_type)
            for b in rec.blobs
        ]
        raw_sha = self.put_blob(rec.raw) if rec.raw is not None else rec.email.raw_sha256
        return atts, raw_sha

    def _insert(
        self, db: sqlite3.Connection, rec: EmailRecord, atts: list[Attachment], raw_sha: str
    ) -> int | None:
        e = rec.email
        ts = int(e.date.timestamp())
        now = int(time.time())
        participants = " ".join(f"{a.name} {a.email}".strip() for a in [e.sender, *e.to, *e.cc])
        if db.execute("SELECT 1 FROM emails WHERE message_id = ?", (e.message_id,)).fetchone():
            return None
        db.execute(
            "INSERT INTO threads (id, subject_norm, thread_guid, gm_thrid, created_ts) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "thread_guid = coalesce(threads.thread_guid, excluded.thread_guid), "
            "gm_thrid = coalesce(threads.gm_thrid, excluded.gm_thrid)",
            (e.thread_id, rec.subject_norm, rec.thread_guid, rec.gm_thrid, now),
        )
        cur = db.execute(
            "INSERT INTO emails (message_id, thread_id, account, direction, date, ts, "
            "from_email, from_name, to_json, cc_json, participants, subject, body_text, "
            "body_html, kind, match, status, in_reply_to, references_json, thread_index, "
            "raw_sha256, logged_ts) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                e.message_id,
                e.thread_id,
                e.account,
                str(e.direction),
                e.date.isoformat(),
                ts,
                e.sender.email,
                e.sender.name,
                json.dumps([[a.email, a.name] for a in e.to]),
                json.dumps([[a.email, a.name] for a in e.cc]),
                participants,
                e.subject,
                e.body_text,
                e.body_html,
                str(e.kind),
                str(e.match),
                e.status,
                e.in_reply_to,
                json.dumps(e.references),
                rec.thread_guid or "",
                raw_sha,
                now,
            ),
        )
        email_id = int(cur.lastrowid or 0)
        for pos, a in enumerate(atts):
            db.execute(
                "INSERT INTO attachments (email_id, position, filename, content_type,"
                " size, sha256) VALUES (?,?,?,?,?,?)",
                (email_id, pos, a.filename, a.content_type, a.size, a.sha256),
            )
        for addr in {a.email.lower(): a for a in rec.contacts}.values():
            db.execute(
                "INSERT INTO contacts (email, name, company, created_ts) "
                "VALUES (?,?,?,?) ON CONFLICT(email) DO UPDATE SET "
                "name = CASE WHEN excluded.name != '' THEN excluded.name "
                "ELSE contacts.name END",
                (addr.email, addr.name, company_for(addr.email), now),
            )
            cid = db.execute("SELECT id FROM contacts WHERE email = ?", (addr.email,)).fetchone()[0]
            db.execute(
                "INSERT OR IGNORE INTO email_contacts (contact_id, email_id, ts) VALUES (?,?,?)",
                (cid, email_id, ts),
            )
        for mid in dict.fromkeys([e.message_id, *rec.track_ids]):
            db.execute(
                "INSERT OR IGNORE INTO tracked_ids (message_id, thread_id, email_id,"
                " created_ts) VALUES (?,?,?,?)",
                (mid, e.thread_id, email_id, now),
            )
        for target in dict.fromkeys(rec.outbox):
            db.execute(
                "INSERT INTO outbox (target, op, email_id, created_ts) VALUES (?,?,?,?)",
                (target, "upsert", email_id, now),
            )
        return email_id

    def set_status(self, message_id: str, status: str) -> None:
        with self._write() as db:
            db.execute("UPDATE emails SET status = ? WHERE message_id = ?", (status, message_id))

    def add_tracked_id(self, message_id: str, thread_id: str, email_id: int | None) -> None:
        with self._write() as db:
            db.execute(
                "INSERT OR IGNORE INTO tracked_ids (message_id, thread_id, email_id, "
                "created_ts) VALUES (?,?,?,?)",
                (message_id, thread_id, email_id, int(time.time())),
            )

    def mark_bounced(self, message_id: str, recipient: str, bounce_email_id: int | None) -> bool:
        with self._write() as db:
            row = (
                db.execute(
                    "SELECT e.id FROM tracked_ids t JOIN emails e ON e.id = t.email_id "
                    "WHERE t.message_id = ?",
                    (message_id,),
                ).fetchone()
                or db.execute(
                    # an id tracked without its own row (a relay's rewrite): the thread's newest
                    # outgoing email
                    "SELECT e.id FROM tracked_ids t JOIN emails e ON e.thread_id = t.thread_id "
                    "WHERE t.message_id = ? AND e.direction = 'out' ORDER BY e.ts DESC LIMIT 1",
                    (message_id,),
                ).fetchone()
            )
            if not row:
                return False
            db.execute(
                "INSERT OR IGNORE INTO bounces (email_id, recipient, bounce_email_id) "
                "VALUES (?,?,?)",
                (row[0], recipient.lower(), bounce_email_id),
            )
            db.execute(
                "UPDATE emails SET status = 'bounced' WHERE id = ? AND direction = 'out'", (row[0],)
            )
            db.execute("UPDATE contacts SET bounced = 1 WHERE email = ?", (recipient,))
        return True

    # ------------------------------------------------------------------ checkpoints
    def set_checkpoint(self, cp: Checkpoint) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO checkpoints (account, folder, uidvalidity, last_uid) VALUES "
                "(?,?,?,?) ON CONFLICT(account, folder) DO UPDATE SET "
                "uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid",
                (cp.account, cp.folder, cp.uidvalidity, cp.last_uid),
            )

    def clear_checkpoints(self, account: str) -> None:
        with self._write() as db:
            db.execute("DELETE FROM checkpoints WHERE account = ?", (account,))

    # ------------------------------------------------------------------ forgetting
    def forget_contact(self, email: str) -> int:
        """Delete the contact, its emails (bodies, attachments, raw copies) and tracked ids.

        Set-based: a handful of statements whatever the number of emails (the cascades and
        the full-text trigger do the per-row work inside SQLite).
        """
        with self._write() as db:
            row = db.execute("SELECT id FROM contacts WHERE email = ?", (email.strip(),)).fetchone()
            if not row:
                return 0
            for stmt in _FORGET_TEMP:
                db.execute(stmt)
            db.execute(
                "INSERT INTO forget_emails SELECT email_id FROM email_contacts "
                "WHERE contact_id = ?",
                (row[0],),
            )
            n = int(db.execute("SELECT count(*) FROM forget_emails").fetchone()[0])
            shas = {
                str(r[0])
                for r in db.execute(
                    "SELECT sha256 FROM attachments WHERE email_id IN (SELECT id FROM "
                    "forget_emails) UNION SELECT raw_sha256 FROM emails WHERE id IN "
                    "(SELECT id FROM forget_emails) AND raw_sha256 != ''"
                )
            }
            db.execute(
                "INSERT INTO forget_threads SELECT DISTINCT thread_id FROM emails "
                "WHERE id IN (SELECT id FROM forget_emails)"
            )
            db.execute("DELETE FROM tracked_ids WHERE email_id IN (SELECT id FROM forget_emails)")
            db.execute("DELETE FROM emails WHERE id IN (SELECT id FROM forget_emails)")
            empty = (
                "SELECT f.id FROM forget_threads f WHERE NOT EXISTS "
                "(SELECT 1 FROM emails e WHERE e.thread_id = f.id)"
            )
            db.execute(f"DELETE FROM tracked_ids WHERE thread_id IN ({empty})")
            db.execute(f"DELETE FROM threads WHERE id IN ({empty})")
            db.execute("DELETE FROM contacts WHERE id = ?", (row[0],))
            db.execute(
                "DELETE FROM contacts WHERE id NOT IN "
                "(SELECT DISTINCT contact_id FROM email_contacts)"
            )
        still = {
            r[0]
            for r in self._q("SELECT sha256 FROM attachments UNION SELECT raw_sha256 FROM emails")
        }
        with self._mapped():
            self.blobs.delete(shas - still)
        with self._lock, self._mapped():  # don't leave the deleted text in the write-ahead log
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        log.info("forgot a contact: %d emails removed", n)
        return n

    def gc_blobs(self) -> int:
        """Remove blob files no row refers to (left by a crash between file and commit)."""
        still = {
            r[0]
            for r in self._q("SELECT sha256 FROM attachments UNION SELECT raw_sha256 FROM emails")
        }
        with self._mapped():
            return self.blobs.delete(sha for sha in list(self.blobs.all()) if sha not in still)

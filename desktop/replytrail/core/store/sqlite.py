"""The local store: SQLite in WAL mode with FTS5, blobs beside it (SPEC §11.1).

One connection per ``SQLiteStore``; every write is one ``BEGIN IMMEDIATE`` transaction, so a
killed process leaves whole transactions only. ``secure_delete`` is on, so "forget contact"
overwrites what it deletes instead of leaving it in free pages.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from replytrail.core.errors import StoreError
from replytrail.core.models import (
    Address,
    Attachment,
    Checkpoint,
    Contact,
    Direction,
    Kind,
    LoggedEmail,
    MatchReason,
)
from replytrail.core.store.base import EmailRecord, SearchFilter
from replytrail.core.store.blobs import BlobStore
from replytrail.core.store.schema import SQLITE_MIGRATIONS

__all__ = ["SQLiteStore", "company_for"]

log = logging.getLogger("replytrail.store")

FREE_MAIL = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "hotmail.de",
        "live.com",
        "live.de",
        "msn.com",
        "yahoo.com",
        "yahoo.de",
        "ymail.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "gmx.de",
        "gmx.net",
        "gmx.at",
        "gmx.ch",
        "gmx.com",
        "web.de",
        "t-online.de",
        "freenet.de",
        "posteo.de",
        "posteo.net",
        "mailbox.org",
        "protonmail.com",
        "proton.me",
        "arcor.de",
        "1und1.de",
        "online.de",
        "mail.de",
        "zoho.com",
        "fastmail.com",
        "yandex.ru",
        "mail.ru",
    ]
)

_EMAIL_COLS = """e.id, e.message_id, e.thread_id, e.account, e.direction, e.date, e.from_email,
    e.from_name, e.to_json, e.cc_json, e.subject, e.body_text, e.body_html, e.kind, e.match,
    e.status, e.in_reply_to, e.references_json, e.raw_sha256"""


def company_for(email: str) -> str:
    """A company name derived from the domain, unless it is a free-mail domain."""
    domain = email.rpartition("@")[2].lower()
    if not domain or domain in FREE_MAIL:
        return ""
    parts = domain.split(".")
    core = parts[-2] if len(parts) >= 2 else parts[0]
    if len(parts) >= 3 and parts[-2] in ("co", "com", "org", "net", "ac", "gv"):
        core = parts[-3]
    return core.replace("-", " ").title()


def _addrs(raw: str) -> list[Address]:
    return [Address(a[0], a[1]) for a in json.loads(raw or "[]")]


def _fts_query(text: str) -> str:
    """User text -> a safe FTS5 query: every word as a quoted prefix term, all required."""
    words = re.findall(r"\w[\w.@+-]*", text, flags=re.UNICODE)
    return " ".join('"' + w.replace('"', "") + '"*' for w in words)


class SQLiteStore:
    """The Store protocol over one SQLite file and a BlobStore."""

    def __init__(self, path: Path, blob_dir: Path | None = None, *, timeout: float = 15.0) -> None:
        self.path = path
        self.blobs = BlobStore(blob_dir or path.parent / "attachments")
        self._lock = threading.RLock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            self._db = sqlite3.connect(
                path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA secure_delete=ON")
            self._db.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise StoreError(path=path, detail=str(e)) from None
        except OSError as e:
            raise StoreError(path=path, detail=e.strerror or str(e)) from None

    # ------------------------------------------------------------------ plumbing
    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as e:
                raise StoreError(path=self.path, detail=str(e)) from None
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            try:
                self._db.execute("COMMIT")
            except sqlite3.OperationalError as e:  # disk full, I/O error
                self._db.execute("ROLLBACK")
                raise StoreError(path=self.path, detail=str(e)) from None

    def _q(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def _one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        rows = self._q(sql, params)
        return rows[0] if rows else None

    @property
    def version(self) -> int:
        row = self._one("PRAGMA user_version")
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        current = self.version
        if current > len(SQLITE_MIGRATIONS):
            raise StoreError(
                path=self.path,
                detail=f"made by a newer Replytrail (schema {current}); update Replytrail",
            )
        for version in range(current, len(SQLITE_MIGRATIONS)):
            with self._write() as db:
                for stmt in SQLITE_MIGRATIONS[version]:
                    db.execute(stmt)
                db.execute(f"PRAGMA user_version={version + 1}")
            log.info("store migrated to schema %d", version + 1)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def integrity_check(self) -> str:
        row = self._one("PRAGMA integrity_check")
        return str(row[0]) if row else "no answer"

    # ------------------------------------------------------------------ writing
    def new_thread_id(self) -> str:
        return "t" + uuid.uuid4().hex[:20]

    def has_message(self, message_id: str) -> bool:
        return self._one("SELECT 1 FROM emails WHERE message_id = ?", (message_id,)) is not None

    def record(self, rec: EmailRecord) -> int | None:
        e = rec.email
        if self.has_message(e.message_id):
            return None
        # Blobs first (atomic files): a crash before the commit leaves only orphans, which
        # gc_blobs() removes; never a row pointing at a missing file.
        atts = [
            Attachment(b.filename, len(b.data), self.blobs.put(b.data), b.content_type)
            for b in rec.blobs
        ]
        raw_sha = self.blobs.put(rec.raw) if rec.raw is not None else e.raw_sha256
        ts = int(e.date.timestamp())
        now = int(time.time())
        participants = " ".join(f"{a.name} {a.email}".strip() for a in [e.sender, *e.to, *e.cc])
        with self._write() as db:
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
                cid = db.execute(
                    "SELECT id FROM contacts WHERE email = ?", (addr.email,)
                ).fetchone()[0]
                db.execute(
                    "INSERT OR IGNORE INTO email_contacts (contact_id, email_id, ts) "
                    "VALUES (?,?,?)",
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
        e.id, e.attachments, e.raw_sha256 = email_id, atts, raw_sha
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

    # ------------------------------------------------------------------ matcher lookups
    def thread_of_message_id(self, message_id: str) -> str | None:
        row = self._one("SELECT thread_id FROM tracked_ids WHERE message_id = ?", (message_id,))
        return str(row[0]) if row else None

    def thread_of_thread_index(self, guid: str) -> str | None:
        row = self._one("SELECT id FROM threads WHERE thread_guid = ? LIMIT 1", (guid,))
        return str(row[0]) if row else None

    def thread_of_gm_thrid(self, thrid: str) -> str | None:
        row = self._one("SELECT id FROM threads WHERE gm_thrid = ? LIMIT 1", (thrid,))
        return str(row[0]) if row else None

    def threads_with_subject(
        self, normalised_subject: str, participant: str, since: datetime
    ) -> list[str]:
        if not normalised_subject:
            return []
        rows = self._q(
            "SELECT DISTINCT t.id FROM threads t JOIN emails e ON e.thread_id = t.id "
            "JOIN email_contacts ec ON ec.email_id = e.id JOIN contacts c ON c.id = ec.contact_id"
            " WHERE t.subject_norm = ? AND c.email = ? AND e.ts >= ?",
            (normalised_subject, participant, int(since.timestamp())),
        )
        return [str(r[0]) for r in rows]

    # ------------------------------------------------------------------ batched lookups
    def _among(self, sql: str, values: set[str]) -> set[str]:
        found: set[str] = set()
        items = sorted(values)
        for i in range(0, len(items), 500):
            part = items[i : i + 500]
            marks = ",".join("?" * len(part))
            found.update(str(r[0]) for r in self._q(sql.format(marks=marks), part))
        return found

    def tracked_among(self, message_ids: set[str]) -> set[str]:
        """Which of these Message-IDs are tracked (one query per 500)."""
        return self._among(
            "SELECT message_id FROM tracked_ids WHERE message_id IN ({marks})", message_ids
        )

    def gm_thrids_among(self, thrids: set[str]) -> set[str]:
        return self._among("SELECT gm_thrid FROM threads WHERE gm_thrid IN ({marks})", thrids)

    def thread_guids_among(self, guids: set[str]) -> set[str]:
        return self._among("SELECT thread_guid FROM threads WHERE thread_guid IN ({marks})", guids)

    def tracked_subjects(self) -> set[str]:
        """Normalised subjects of all tracked threads (for the subject rule's first look)."""
        return {
            str(r[0])
            for r in self._q("SELECT DISTINCT subject_norm FROM threads WHERE subject_norm != ''")
        }

    # ------------------------------------------------------------------ checkpoints
    def checkpoint(self, account: str, folder: str) -> Checkpoint | None:
        row = self._one(
            "SELECT uidvalidity, last_uid FROM checkpoints WHERE account = ? AND folder = ?",
            (account, folder),
        )
        return Checkpoint(account, folder, int(row[0]), int(row[1])) if row else None

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

    # ------------------------------------------------------------------ reading
    def _contacts(self, where: str, params: Sequence[Any], limit: int) -> list[Contact]:
        rows = self._q(
            "SELECT c.id, c.email, c.name, c.company, c.bounced, count(ec.email_id), max(ec.ts) "
            f"FROM contacts c LEFT JOIN email_contacts ec ON ec.contact_id = c.id {where} "
            "GROUP BY c.id ORDER BY max(ec.ts) DESC NULLS LAST, c.email LIMIT ?",
            (*params, limit),
        )
        return [
            Contact(
                email=r[1],
                name=r[2],
                company=r[3],
                bounced=bool(r[4]),
                emails=r[5],
                last_activity=datetime.fromtimestamp(r[6], UTC) if r[6] else None,
                id=r[0],
            )
            for r in rows
        ]

    def contacts(self, query: str = "", limit: int = 1000) -> list[Contact]:
        if not query.strip():
            return self._contacts("", (), limit)
        # instr, not LIKE: the same case-insensitive (ASCII) substring test, but no pattern
        # length limit ("LIKE or GLOB pattern too complex" on a 100 KB filter)
        needle = query.strip().lower()
        return self._contacts(
            "WHERE instr(lower(c.email), ?) > 0 OR instr(lower(c.name), ?) > 0 OR "
            "instr(lower(c.company), ?) > 0",
            (needle, needle, needle),
            limit,
        )

    def contact(self, email: str) -> Contact | None:
        found = self._contacts("WHERE c.email = ?", (email.strip(),), 1)
        return found[0] if found else None

    def _emails(self, rows: Iterable[tuple[Any, ...]]) -> list[LoggedEmail]:
        out: list[LoggedEmail] = []
        for r in rows:
            out.append(
                LoggedEmail(
                    id=r[0],
                    message_id=r[1],
                    thread_id=r[2],
                    account=r[3],
                    direction=Direction(r[4]),
                    date=datetime.fromisoformat(r[5]),
                    sender=Address(r[6], r[7]),
                    to=_addrs(r[8]),
                    cc=_addrs(r[9]),
                    subject=r[10],
                    body_text=r[11],
                    body_html=r[12],
                    kind=Kind(r[13]),
                    match=MatchReason(r[14]),
                    status=r[15],
                    in_reply_to=r[16],
                    references=json.loads(r[17] or "[]"),
                    raw_sha256=r[18],
                )
            )
        if out:
            by_id = {e.id: e for e in out}
            marks = ",".join("?" * len(by_id))
            for eid, fn, size, sha, ctype in self._q(
                f"SELECT email_id, filename, size, sha256, content_type FROM attachments "
                f"WHERE email_id IN ({marks}) ORDER BY email_id, position",
                list(by_id),
            ):
                by_id[eid].attachments.append(Attachment(fn, size, sha, ctype))
        return out

    def timeline(self, contact: str, limit: int = 200, offset: int = 0) -> list[LoggedEmail]:
        return self._emails(
            self._q(
                f"SELECT {_EMAIL_COLS} FROM contacts c "
                "JOIN email_contacts ec ON ec.contact_id = c.id"
                " JOIN emails e ON e.id = ec.email_id WHERE c.email = ? "
                "ORDER BY ec.ts DESC, e.id DESC LIMIT ? OFFSET ?",
                (contact.strip(), limit, offset),
            )
        )

    def timeline_count(self, contact: str) -> int:
        row = self._one(
            "SELECT count(*) FROM contacts c JOIN email_contacts ec ON "
            "ec.contact_id = c.id WHERE c.email = ?",
            (contact.strip(),),
        )
        return int(row[0]) if row else 0

    def thread(self, thread_id: str) -> list[LoggedEmail]:
        return self._emails(
            self._q(
                f"SELECT {_EMAIL_COLS} FROM emails e WHERE e.thread_id = ? "
                "ORDER BY e.ts DESC, e.id DESC",
                (thread_id,),
            )
        )

    def email(self, message_id: str) -> LoggedEmail | None:
        found = self._emails(
            self._q(f"SELECT {_EMAIL_COLS} FROM emails e WHERE e.message_id = ?", (message_id,))
        )
        return found[0] if found else None

    def email_by_id(self, email_id: int) -> LoggedEmail | None:
        found = self._emails(
            self._q(f"SELECT {_EMAIL_COLS} FROM emails e WHERE e.id = ?", (email_id,))
        )
        return found[0] if found else None

    def bounced_recipients(self, message_id: str) -> list[str]:
        return [
            str(r[0])
            for r in self._q(
                "SELECT b.recipient FROM bounces b JOIN emails e ON e.id = b.email_id "
                "WHERE e.message_id = ? ORDER BY b.recipient",
                (message_id,),
            )
        ]

    def search(
        self, query: str, filt: SearchFilter | None = None, limit: int = 200
    ) -> list[LoggedEmail]:
        filt = filt or SearchFilter()
        fts = _fts_query(query)
        where: list[str] = ["1 = 1"]
        params: list[Any] = []
        if fts:
            where.append("e.id IN (SELECT rowid FROM emails_fts WHERE emails_fts MATCH ?)")
            params.append(fts)
        if filt.since:
            where.append("e.ts >= ?")
            params.append(int(filt.since.timestamp()))
        if filt.until:
            where.append("e.ts < ?")
            params.append(int(filt.until.timestamp()))
        if filt.direction:
            where.append("e.direction = ?")
            params.append(str(filt.direction))
        if filt.contact:
            where.append(
                "e.id IN (SELECT ec.email_id FROM email_contacts ec JOIN contacts c ON "
                "c.id = ec.contact_id WHERE c.email = ?)"
            )
            params.append(filt.contact)
        if not fts and not (filt.since or filt.until or filt.direction or filt.contact):
            return []
        return self._emails(
            self._q(
                f"SELECT {_EMAIL_COLS} FROM emails e WHERE {' AND '.join(where)} "
                "ORDER BY e.ts DESC, e.id DESC LIMIT ?",
                (*params, limit),
            )
        )

    def raw_message(self, message_id: str) -> bytes | None:
        row = self._one("SELECT raw_sha256 FROM emails WHERE message_id = ?", (message_id,))
        if not row or not row[0]:
            return None
        try:
            return self.blobs.get(row[0])
        except FileNotFoundError:
            return None

    def attachment_data(self, sha256: str) -> bytes:
        return self.blobs.get(sha256)

    def stats(self) -> dict[str, int]:
        row = self._one(
            "SELECT (SELECT count(*) FROM emails), (SELECT count(*) FROM contacts), "
            "(SELECT count(*) FROM tracked_ids), (SELECT count(*) FROM threads)"
        )
        assert row is not None
        return {"emails": row[0], "contacts": row[1], "tracked_ids": row[2], "threads": row[3]}

    # ------------------------------------------------------------------ forgetting
    def forget_contact(self, email: str) -> int:
        """Delete the contact, its emails (bodies, attachments, raw copies) and tracked ids."""
        with self._write() as db:
            row = db.execute("SELECT id FROM contacts WHERE email = ?", (email.strip(),)).fetchone()
            if not row:
                return 0
            cid = row[0]
            ids = [
                r[0]
                for r in db.execute(
                    "SELECT email_id FROM email_contacts WHERE contact_id = ?", (cid,)
                )
            ]
            shas: set[str] = set()
            for eid in ids:
                shas.update(
                    r[0]
                    for r in db.execute("SELECT sha256 FROM attachments WHERE email_id = ?", (eid,))
                )
                shas.update(
                    r[0]
                    for r in db.execute(
                        "SELECT raw_sha256 FROM emails WHERE id = ? AND raw_sha256 != ''", (eid,)
                    )
                )
                thread = db.execute("SELECT thread_id FROM emails WHERE id = ?", (eid,)).fetchone()
                db.execute("DELETE FROM tracked_ids WHERE email_id = ?", (eid,))
                db.execute("DELETE FROM emails WHERE id = ?", (eid,))
                if (
                    thread
                    and not db.execute(
                        "SELECT 1 FROM emails WHERE thread_id = ?", (thread[0],)
                    ).fetchone()
                ):
                    db.execute("DELETE FROM tracked_ids WHERE thread_id = ?", (thread[0],))
                    db.execute("DELETE FROM threads WHERE id = ?", (thread[0],))
            db.execute("DELETE FROM contacts WHERE id = ?", (cid,))
            db.execute(
                "DELETE FROM contacts WHERE id NOT IN "
                "(SELECT DISTINCT contact_id FROM email_contacts)"
            )
        still = {
            r[0]
            for r in self._q("SELECT sha256 FROM attachments UNION SELECT raw_sha256 FROM emails")
        }
        self.blobs.delete(shas - still)
        with self._lock:  # don't leave the deleted text in the write-ahead log
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        log.info("forgot a contact: %d emails removed", len(ids))
        return len(ids)

    def gc_blobs(self) -> int:
        """Remove blob files no row refers to (left by a crash between file and commit)."""
        still = {
            r[0]
            for r in self._q("SELECT sha256 FROM attachments UNION SELECT raw_sha256 FROM emails")
        }
        return self.blobs.delete(sha for sha in list(self.blobs.all()) if sha not in still)

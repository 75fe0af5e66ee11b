"""The local store's reading half: matcher and batched lookups, checkpoints, timelines, search."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

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
from replytrail.core.store.base import SearchFilter
from replytrail.core.store.report import CONTACT_REPORT_SQL, ContactRow, contact_rows
from replytrail.core.store.sqlite_db import SQLiteBase

__all__ = ["SQLiteReads"]

_EMAIL_COLS = """e.id, e.message_id, e.thread_id, e.account, e.direction, e.date, e.from_email,
    e.from_name, e.to_json, e.cc_json, e.subject, e.body_text, e.body_html, e.kind, e.match,
    e.status, e.in_reply_to, e.references_json, e.raw_sha256"""


def _addrs(raw: str) -> list[Address]:
    return [Address(a[0], a[1]) for a in json.loads(raw or "[]")]


def _fts_query(text: str) -> str:
    """User text -> a safe FTS5 query: every word as a quoted prefix term, all required."""
    words = re.findall(r"\w[\w.@+-]*", text, flags=re.UNICODE)
    return " ".join('"' + w.replace('"', "") + '"*' for w in words)


class SQLiteReads(SQLiteBase):
    """Every read of the local store; reads never see half of a write."""

    # ------------------------------------------------------------------ matcher lookups
    def has_message(self, message_id: str) -> bool:
        """Stored, or taken out of its conversation by the user (never logged again)."""
        return (
            self._one(
                "SELECT 1 FROM emails WHERE message_id = ? "
                "UNION ALL SELECT 1 FROM rejected_emails WHERE message_id = ?",
                (message_id, message_id),
            )
            is not None
        )

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

    # ------------------------------------------------------------------ the window's pages
    def timeline_page(
        self,
        contact: str,
        limit: int,
        *,
        before: tuple[int, int] | None = None,
        after: tuple[int, int] | None = None,
        down_to: tuple[int, int] | None = None,
    ) -> list[LoggedEmail]:
        """*contact*'s emails newest first, paged by the key ``(ts, id)`` instead of OFFSET
        (rows logged meanwhile never shift a page): older than *before*, newer than *after*,
        or everything down to and including *down_to*."""
        where = ["c.email = ?"]
        params: list[object] = [contact.strip()]
        for key, op in ((before, "<"), (after, ">"), (down_to, ">=")):
            if key is not None:
                where.append(f"(ec.ts, ec.email_id) {op} (?, ?)")
                params += [key[0], key[1]]
        return self._emails(
            self._q(
                f"SELECT {_EMAIL_COLS} FROM contacts c "
                "JOIN email_contacts ec ON ec.contact_id = c.id"
                f" JOIN emails e ON e.id = ec.email_id WHERE {' AND '.join(where)} "
                "ORDER BY ec.ts DESC, ec.email_id DESC LIMIT ?",
                (*params, limit),
            )
        )

    def data_version(self) -> int:
        """Changes when another connection (another thread or process) commits a write."""
        row = self._one("PRAGMA data_version")
        return int(row[0]) if row else 0

    def contact_report(self) -> list[ContactRow]:
        """Every contact with a logged email, for a CRM's contact import (CSV)."""
        return contact_rows(self._q(CONTACT_REPORT_SQL))

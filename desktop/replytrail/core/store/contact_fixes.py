"""Contacts a person can fix (issue 8.8): edit, merge, take an email out, confirm a match.

Every correction is a row in the store (schema v4), so it holds across restarts, and the
reads, export and "forget contact" see the corrected data: an edited name survives later
mail with another display name; a merged address's emails, past and future, belong to the
contact it was merged into; an email taken out of a conversation is deleted (with its
attachments and tracked ids) and never logged again; a confirmed subject match is no longer
marked as a guess.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
import uuid

from replytrail.core.errors import NotFound, UsageError
from replytrail.core.i18n import QT_TRANSLATE_NOOP
from replytrail.core.models import MatchReason
from replytrail.core.store.base import Store
from replytrail.core.store.sqlite import SQLiteStore

__all__ = ["EDIT_OP", "MERGE_OP", "ContactFixes", "edit_rows", "merge_rows"]

#: outbox ops for the team store; the payload is JSON (see :func:`_queue`)
EDIT_OP = "contact-edit"
MERGE_OP = "contact-merge"
TEAM_TARGET = "team"  # team_side.TARGET (that module imports this one)

log = logging.getLogger("replytrail.store")


class ContactFixes:
    """The user's corrections over the local SQLite store."""

    def __init__(self, store: Store | object, *, team: bool = False) -> None:
        if not isinstance(store, SQLiteStore):
            raise TypeError("contact corrections live in the local SQLite store")
        self.store: SQLiteStore = store
        #: this laptop is in a team (``membership.joined``): edits and merges are queued for
        #: the team store in the outbox, in the same transaction as the local change
        self.team = team

    def _contact_id(self, email: str) -> int:
        row = self.store._one(
            "SELECT id FROM contacts WHERE email = ? UNION ALL "
            "SELECT contact_id FROM contact_aliases WHERE email = ? LIMIT 1",
            (email.strip(), email.strip()),
        )
        if row is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("errors", "There is no contact {email}."), email=email.strip()
            )
        return int(row[0])

    def resolve(self, email: str) -> str:
        """The contact's own address for *email* (itself, or the contact it was merged into)."""
        cid = self._contact_id(email)
        row = self.store._one("SELECT email FROM contacts WHERE id = ?", (cid,))
        return str(row[0]) if row else email

    def edit(self, email: str, *, name: str | None = None, company: str | None = None) -> None:
        """Set name and/or company; later mail keeps them (and, in a team, teammates see them
        after their next pull: the change is queued in the same transaction)."""
        cid = self._contact_id(email)
        with self.store._write() as db:
            edit_rows(db, cid, name, company)
            if self.team:
                values = {k: v for k, v in (("name", name), ("company", company)) if v is not None}
                _queue(db, EDIT_OP, {"contact": _email_of(db, cid), **values})

    def merge(self, keep: str, other: str) -> int:
        """Merge *other* into *keep*: its emails move, its address becomes an alias.

        Returns how many emails moved."""
        keep_id, other_id = self._contact_id(keep), self._contact_id(other)
        if keep_id == other_id:
            raise UsageError(
                QT_TRANSLATE_NOOP("errors", "{email} is already part of this contact."),
                email=other.strip(),
            )
        with self.store._write() as db:
            if self.team:
                into = _email_of(db, keep_id)
                _queue(db, MERGE_OP, {"contact": _email_of(db, other_id), "merged_into": into})
            moved = merge_rows(db, keep_id, other_id)
        log.info("merged two contacts: %d emails moved", moved)
        return moved

    def aliases(self, email: str) -> list[str]:
        cid = self._contact_id(email)
        return [
            str(r[0])
            for r in self.store._q(
                "SELECT email FROM contact_aliases WHERE contact_id = ? ORDER BY email", (cid,)
            )
        ]

    def confirm_match(self, message_id: str) -> bool:
        """The user says a subject match is right: it is no longer shown as a guess."""
        with self.store._write() as db:
            cur = db.execute(
                "UPDATE emails SET match = ? WHERE message_id = ? AND match = ?",
                (str(MatchReason.CONFIRMED), message_id, str(MatchReason.SUBJECT)),
            )
        return cur.rowcount > 0

    def take_out(self, message_id: str) -> bool:
        """Take a wrongly matched email out of its conversation: deleted, never logged again."""
        row = self.store._one(
            "SELECT id, thread_id FROM emails WHERE message_id = ?", (message_id,)
        )
        if row is None:
            return False
        email_id, thread = int(row[0]), str(row[1])
        with self.store._write() as db:
            shas = {
                str(r[0])
                for r in db.execute(
                    "SELECT sha256 FROM attachments WHERE email_id = ? UNION "
                    "SELECT raw_sha256 FROM emails WHERE id = ? AND raw_sha256 != ''",
                    (email_id, email_id),
                )
            }
            contacts = [
                int(r[0])
                for r in db.execute(
                    "SELECT contact_id FROM email_contacts WHERE email_id = ?", (email_id,)
                )
            ]
            db.execute("DELETE FROM tracked_ids WHERE email_id = ?", (email_id,))
            db.execute("DELETE FROM emails WHERE id = ?", (email_id,))
            db.execute(
                "INSERT OR IGNORE INTO rejected_emails (message_id, created_ts) VALUES (?, ?)",
                (message_id, int(time.time())),
            )
            if not db.execute("SELECT 1 FROM emails WHERE thread_id = ?", (thread,)).fetchone():
                db.execute("DELETE FROM tracked_ids WHERE thread_id = ?", (thread,))
                db.execute("DELETE FROM threads WHERE id = ?", (thread,))
            for cid in contacts:
                db.execute(
                    "DELETE FROM contacts WHERE id = ? AND NOT EXISTS "
                    "(SELECT 1 FROM email_contacts WHERE contact_id = ?)",
                    (cid, cid),
                )
        still = {
            r[0]
            for r in self.store._q(
                "SELECT sha256 FROM attachments UNION SELECT raw_sha256 FROM emails"
            )
        }
        self.store.blobs.delete(shas - still)
        log.info("an email was taken out of its conversation")
        return True


def edit_rows(db: sqlite3.Connection, cid: int, name: str | None, company: str | None) -> None:
    """Set a contact's name and/or company (None: unchanged), kept across later mail."""
    db.execute(
        "INSERT INTO contact_edits (contact_id, name, company) VALUES (?, ?, ?) "
        "ON CONFLICT(contact_id) DO UPDATE SET "
        "name = coalesce(excluded.name, contact_edits.name), "
        "company = coalesce(excluded.company, contact_edits.company)",
        (cid, name, company),
    )
    db.execute(
        "UPDATE contacts SET name = coalesce(?, name), company = coalesce(?, company) WHERE id = ?",
        (name, company, cid),
    )


def merge_rows(db: sqlite3.Connection, keep_id: int, other_id: int) -> int:
    """Move contact *other_id*'s emails and aliases to *keep_id*; its address becomes an alias.

    Returns how many emails moved."""
    moved = db.execute(
        "SELECT count(*) FROM email_contacts WHERE contact_id = ?", (other_id,)
    ).fetchone()[0]
    db.execute(
        "INSERT OR IGNORE INTO email_contacts (contact_id, email_id, ts) "
        "SELECT ?, email_id, ts FROM email_contacts WHERE contact_id = ?",
        (keep_id, other_id),
    )
    db.execute(
        "UPDATE contact_aliases SET contact_id = ? WHERE contact_id = ?",
        (keep_id, other_id),
    )
    db.execute(
        "INSERT OR REPLACE INTO contact_aliases (email, contact_id) "
        "SELECT email, ? FROM contacts WHERE id = ?",
        (keep_id, other_id),
    )
    db.execute("DELETE FROM contacts WHERE id = ?", (other_id,))
    return int(moved)


def _email_of(db: sqlite3.Connection, cid: int) -> str:
    return str(db.execute("SELECT email FROM contacts WHERE id = ?", (cid,)).fetchone()[0]).lower()


def _queue(db: sqlite3.Connection, op: str, payload: dict[str, str]) -> None:
    """An outbox row for the team store; ``edit_id`` makes a repeated push a no-op there."""
    body = json.dumps({"edit_id": uuid.uuid4().hex, **payload}, ensure_ascii=False)
    db.execute(
        "INSERT INTO outbox (target, op, payload, created_ts) VALUES (?, ?, ?, ?)",
        (TEAM_TARGET, op, body, int(time.time())),
    )

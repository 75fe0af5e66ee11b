"""Versioned schema migrations of the local (SQLite) store.

Each migration is a list of statements applied in one transaction together with the
``schema_version`` bump; a store newer than this program is refused, never downgraded.
"""

from __future__ import annotations

__all__ = ["SQLITE_MIGRATIONS"]

_V1 = [
    """CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL DEFAULT '',
        company TEXT NOT NULL DEFAULT '',
        bounced INTEGER NOT NULL DEFAULT 0,
        created_ts INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE threads (
        id TEXT PRIMARY KEY,
        subject_norm TEXT NOT NULL DEFAULT '',
        thread_guid TEXT,
        gm_thrid TEXT,
        created_ts INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX threads_subject ON threads(subject_norm)",
    "CREATE INDEX threads_guid ON threads(thread_guid) WHERE thread_guid IS NOT NULL",
    "CREATE INDEX threads_gm ON threads(gm_thrid) WHERE gm_thrid IS NOT NULL",
    """CREATE TABLE emails (
        id INTEGER PRIMARY KEY,
        message_id TEXT NOT NULL UNIQUE,
        thread_id TEXT NOT NULL REFERENCES threads(id),
        account TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        date TEXT NOT NULL,
        ts INTEGER NOT NULL,
        from_email TEXT NOT NULL DEFAULT '',
        from_name TEXT NOT NULL DEFAULT '',
        to_json TEXT NOT NULL DEFAULT '[]',
        cc_json TEXT NOT NULL DEFAULT '[]',
        participants TEXT NOT NULL DEFAULT '',
        subject TEXT NOT NULL DEFAULT '',
        body_text TEXT NOT NULL DEFAULT '',
        body_html TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT 'email',
        match TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT '',
        in_reply_to TEXT NOT NULL DEFAULT '',
        references_json TEXT NOT NULL DEFAULT '[]',
        thread_index TEXT NOT NULL DEFAULT '',
        raw_sha256 TEXT NOT NULL DEFAULT '',
        logged_ts INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX emails_thread ON emails(thread_id, ts)",
    "CREATE INDEX emails_ts ON emails(ts)",
    """CREATE TABLE email_contacts (
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        email_id INTEGER NOT NULL REFERENCES emails(id) ON DELETE CASCADE,
        ts INTEGER NOT NULL,
        PRIMARY KEY (contact_id, ts, email_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX email_contacts_email ON email_contacts(email_id)",
    """CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        email_id INTEGER NOT NULL REFERENCES emails(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        filename TEXT NOT NULL,
        content_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL
    )""",
    "CREATE INDEX attachments_email ON attachments(email_id)",
    "CREATE INDEX attachments_sha ON attachments(sha256)",
    """CREATE TABLE tracked_ids (
        message_id TEXT PRIMARY KEY,
        thread_id TEXT NOT NULL REFERENCES threads(id),
        email_id INTEGER REFERENCES emails(id) ON DELETE CASCADE,
        created_ts INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX tracked_thread ON tracked_ids(thread_id)",
    """CREATE TABLE bounces (
        email_id INTEGER NOT NULL REFERENCES emails(id) ON DELETE CASCADE,
        recipient TEXT NOT NULL,
        bounce_email_id INTEGER REFERENCES emails(id) ON DELETE SET NULL,
        PRIMARY KEY (email_id, recipient)
    )""",
    """CREATE TABLE checkpoints (
        account TEXT NOT NULL,
        folder TEXT NOT NULL,
        uidvalidity INTEGER NOT NULL,
        last_uid INTEGER NOT NULL,
        PRIMARY KEY (account, folder)
    )""",
    # Full-text index over subject, body and participants, reading its text from emails.
    """CREATE VIRTUAL TABLE emails_fts USING fts5(
        subject, body_text, participants,
        content='emails', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER emails_ai AFTER INSERT ON emails BEGIN
        INSERT INTO emails_fts(rowid, subject, body_text, participants)
        VALUES (new.id, new.subject, new.body_text, new.participants);
    END""",
    """CREATE TRIGGER emails_ad AFTER DELETE ON emails BEGIN
        INSERT INTO emails_fts(emails_fts, rowid, subject, body_text, participants)
        VALUES ('delete', old.id, old.subject, old.body_text, old.participants);
    END""",
    """CREATE TRIGGER emails_au AFTER UPDATE OF subject, body_text, participants ON emails BEGIN
        INSERT INTO emails_fts(emails_fts, rowid, subject, body_text, participants)
        VALUES ('delete', old.id, old.subject, old.body_text, old.participants);
        INSERT INTO emails_fts(rowid, subject, body_text, participants)
        VALUES (new.id, new.subject, new.body_text, new.participants);
    END""",
]

# v2: one outbox for every target that gets a copy of a logged email (the team store, a CRM's
# drop address, a webhook: SPEC §17), written in the same transaction as the email; the
# indexes that forgetting a contact needs (tracked ids and bounces by email).
_V2 = [
    """CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        target TEXT NOT NULL,
        op TEXT NOT NULL DEFAULT 'upsert',
        email_id INTEGER REFERENCES emails(id) ON DELETE CASCADE,
        payload TEXT NOT NULL DEFAULT '',
        created_ts INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_ts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'failed'))
    )""",
    "CREATE INDEX outbox_due ON outbox(target, state, id)",
    "CREATE INDEX tracked_email ON tracked_ids(email_id) WHERE email_id IS NOT NULL",
    "CREATE INDEX bounces_bounce ON bounces(bounce_email_id) WHERE bounce_email_id IS NOT NULL",
]

# v3: what replication remembers (the team store's pull cursor), written in the same
# transaction as the pulled emails, so a crash never separates the two.
_V3 = [
    "CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
]

# v4 (issue 8.7, SPEC §16): the user's follow-up state per outgoing email: a reminder ("remind
# me in …", 0 = none), when it was shown, and "no reply needed". Deleted with the email, so
# forgetting a contact forgets its reminders.
_FOLLOWUPS = [
    """CREATE TABLE followups (
        email_id INTEGER PRIMARY KEY REFERENCES emails(id) ON DELETE CASCADE,
        remind_ts INTEGER NOT NULL DEFAULT 0,
        notified_ts INTEGER NOT NULL DEFAULT 0,
        dismissed INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX followups_due ON followups(remind_ts) WHERE remind_ts > 0 AND notified_ts = 0",
]

# v5 (issue 8.8): the user's corrections. ``contact_edits`` holds an edited name/company (NULL:
# not edited) that a trigger keeps when later mail carries another display name;
# ``contact_aliases`` sends a merged address's future emails to the contact it was merged
# into (the address's own contact row lives only for the moment record() needs it);
# ``rejected_emails`` remembers emails the user took out of a conversation, so that the
# watcher never logs them again (has_message() counts them as handled).
_CONTACT_FIXES = [
    """CREATE TABLE contact_edits (
        contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
        name TEXT,
        company TEXT
    )""",
    """CREATE TRIGGER contact_edits_keep AFTER UPDATE OF name, company ON contacts
    WHEN EXISTS (SELECT 1 FROM contact_edits WHERE contact_id = new.id)
    BEGIN
        UPDATE contacts SET
            name = coalesce((SELECT name FROM contact_edits WHERE contact_id = new.id), new.name),
            company = coalesce(
                (SELECT company FROM contact_edits WHERE contact_id = new.id), new.company)
        WHERE id = new.id;
    END""",
    """CREATE TABLE contact_aliases (
        email TEXT PRIMARY KEY COLLATE NOCASE,
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE
    )""",
    "CREATE INDEX contact_aliases_contact ON contact_aliases(contact_id)",
    """CREATE TRIGGER contact_alias_redirect AFTER INSERT ON email_contacts
    WHEN EXISTS (SELECT 1 FROM contact_aliases a JOIN contacts c ON c.email = a.email
                 WHERE c.id = new.contact_id)
    BEGIN
        INSERT OR IGNORE INTO email_contacts (contact_id, email_id, ts)
            SELECT a.contact_id, new.email_id, new.ts FROM contact_aliases a
            JOIN contacts c ON c.email = a.email WHERE c.id = new.contact_id;
        DELETE FROM contacts WHERE id = new.contact_id;
    END""",
    """CREATE TABLE rejected_emails (
        message_id TEXT PRIMARY KEY,
        created_ts INTEGER NOT NULL DEFAULT 0
    )""",
]

#: index i holds the statements that bring a store from version i to version i + 1.
#: New migrations are appended as their own named list (``_V3`` …), never edited in place.
SQLITE_MIGRATIONS: list[list[str]] = [_V1, _V2, _V3, _FOLLOWUPS, _CONTACT_FIXES]

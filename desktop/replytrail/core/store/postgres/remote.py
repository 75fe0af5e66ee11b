"""What a laptop does on the team store: push its emails, pull the team's, forget a contact.

Every function takes an open psycopg connection and runs inside the caller's transaction;
row-level security decides what the connected role may see and change.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import psycopg

from replytrail.core.store.postgres.wire import (
    ContactEdit,
    PulledPage,
    TeamAttachment,
    TeamEmail,
    Tombstone,
)

__all__ = [
    "PreparedPush",
    "copy_text_row",
    "forget_own",
    "forget_team_wide",
    "has_contact_edits",
    "prepare_push",
    "pull_page",
    "push_contact_edits",
    "push_emails",
    "push_prepared",
    "team_info",
]

Conn = psycopg.Connection[Any]

_TEMP = """CREATE TEMP TABLE IF NOT EXISTS push_emails (
    ord int, message_id text, content_hash text, account text, thread_id text, direction text,
    date timestamptz, date_text text, from_email text, from_name text, to_json jsonb,
    cc_json jsonb, subject text, kind text, match text, status text, in_reply_to text,
    references_json jsonb, subject_norm text, thread_guid text, gm_thrid text, contacts jsonb,
    contact_emails text[], body_text text, body_html text
) ON COMMIT DELETE ROWS"""
_TEMP_ATT = """CREATE TEMP TABLE IF NOT EXISTS push_atts (
    message_id text, position int, filename text, content_type text, size bigint,
    sha256 text, data bytea
) ON COMMIT DELETE ROWS"""
_COLS = (
    "message_id, content_hash, account, thread_id, direction, date, date_text, from_email, "
    "from_name, to_json, cc_json, subject, kind, match, status, in_reply_to, references_json, "
    "subject_norm, thread_guid, gm_thrid, contacts, contact_emails"
)
_UPDATE = ", ".join(f"{c} = excluded.{c}" for c in _COLS.split(", ") if c not in ("message_id",))
_UPSERT = f"""INSERT INTO replytrail.emails AS t ({_COLS})
    SELECT {_COLS} FROM push_emails ORDER BY ord
    ON CONFLICT (owner, message_id) DO UPDATE SET {_UPDATE}
    WHERE t.content_hash <> excluded.content_hash"""
_UPSERT_BODIES = """INSERT INTO replytrail.bodies AS t (message_id, body_text, body_html)
    SELECT message_id, body_text, body_html FROM push_emails ORDER BY ord
    ON CONFLICT (owner, message_id) DO UPDATE SET body_text = excluded.body_text,
        body_html = excluded.body_html
    WHERE (t.body_text, t.body_html) IS DISTINCT FROM (excluded.body_text, excluded.body_html)"""
_UPSERT_ATTS = """INSERT INTO replytrail.attachments
        (message_id, position, filename, content_type, size, sha256, data)
    SELECT message_id, position, filename, content_type, size, sha256, data FROM push_atts
    ON CONFLICT (owner, message_id, position) DO NOTHING"""


def team_info(conn: Conn) -> dict[str, str]:
    """The team store's ``meta`` table (schema_version, policy, roles)."""
    rows = conn.execute("SELECT key, value FROM replytrail.meta").fetchall()
    return {str(k): str(v) for k, v in rows}


@dataclass(frozen=True)
class PreparedPush:
    """Emails encoded for the push, ready to send: made by :func:`prepare_push` on any thread
    (the replicator's reader, while the server works on the batch before), sent by
    :func:`push_prepared` on the connection's thread."""

    rows: bytes  # the push_emails rows in COPY text format
    emails: tuple[TeamEmail, ...]  # one per Message-ID, the latest (for the attachments)


def prepare_push(emails: Sequence[TeamEmail]) -> PreparedPush:
    """Encode *emails* (JSON fields, content hash, COPY text) without touching a connection."""
    latest = {e.message_id: e for e in emails}  # one row per id and statement
    rows = b"".join(copy_text_row(_row(i, e)).encode() for i, e in enumerate(latest.values()))
    return PreparedPush(rows, tuple(latest.values()))


def push_emails(conn: Conn, emails: Sequence[TeamEmail]) -> int:
    """Upsert *emails* by (owner, Message-ID); returns how many rows changed on the server."""
    return push_prepared(conn, prepare_push(emails))


def push_prepared(conn: Conn, prepared: PreparedPush) -> int:
    """Send a prepared batch in the caller's transaction: COPY into a temporary table, then
    one upsert for the emails and one for their bodies (and attachments, if any)."""
    conn.execute(_TEMP)
    conn.execute(_TEMP_ATT)
    with conn.cursor() as cur:
        with cur.copy(f"COPY push_emails (ord, {_COLS}, body_text, body_html) FROM STDIN") as cp:
            cp.write(prepared.rows)
        changed = cur.execute(_UPSERT).rowcount
        cur.execute(_UPSERT_BODIES)
        if any(e.attachments for e in prepared.emails):
            with cur.copy(
                "COPY push_atts (message_id, position, filename, content_type, size, sha256, "
                "data) FROM STDIN"
            ) as cp:
                for e in prepared.emails:
                    for a in e.attachments:
                        cp.write_row(
                            (
                                e.message_id,
                                a.position,
                                a.filename,
                                a.content_type,
                                a.size,
                                a.sha256,
                                a.data,
                            )
                        )
            cur.execute(_UPSERT_ATTS)
    return max(changed, 0)


def _row(i: int, e: TeamEmail) -> tuple[int | str | list[str], ...]:
    to, cc, refs, contacts, digest = e.encoded()
    return (
        i,
        e.message_id,
        digest,
        e.account,
        e.thread_id,
        e.direction,
        e.date_text,  # ISO 8601 with its offset: the server parses it as timestamptz
        e.date_text,
        e.from_email,
        e.from_name,
        to,
        cc,
        e.subject,
        e.kind,
        e.match,
        e.status,
        e.in_reply_to,
        refs,
        e.subject_norm,
        e.thread_guid,
        e.gm_thrid,
        contacts,
        e.contact_emails,
        e.body_text,
        e.body_html,
    )


def copy_text_row(values: Sequence[int | str | list[str]]) -> str:
    """One row in COPY's text format for our column types: int, text (jsonb as its text)
    and text[] (PostgreSQL docs, "COPY › File Formats › Text Format"): a tab between columns,
    a newline after the row; backslash, tab, newline and carriage return in a value written
    as two characters; a text[] as an array literal, every element double-quoted with " and
    backslash escaped. A NUL character, which PostgreSQL text cannot hold, is refused by the
    server (as the push of such an email always was)."""
    fields = []
    for v in values:
        if isinstance(v, list):
            v = "{" + ",".join(_array_element(x) for x in v) + "}"
        elif isinstance(v, int):
            v = str(v)
        fields.append(
            v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
        )
    return "\t".join(fields) + "\n"


def _array_element(x: str) -> str:
    return '"' + x.replace("\\", "\\\\").replace('"', '\\"') + '"'


_UPSERT_EDIT = """INSERT INTO replytrail.contact_edits AS t (contact, field, value, edit_id)
    VALUES (%s, %s, %s, %s)
    ON CONFLICT (owner, contact, field) DO UPDATE SET value = excluded.value,
        edit_id = excluded.edit_id, changed_at = now()
    WHERE t.edit_id <> excluded.edit_id"""


#: connections known to see a team store with contact edits (schema v3 or later): once there,
#: the table never goes away, so each connection asks the server once, not at every pulled
#: page; an older store is asked again each time (``team init`` may upgrade it meanwhile)
_WITH_EDITS: weakref.WeakSet[Conn] = weakref.WeakSet()


def has_contact_edits(conn: Conn) -> bool:
    """Whether the team store has contact edits yet (schema v3; ``team init`` upgrades)."""
    if conn in _WITH_EDITS:
        return True
    row = conn.execute("SELECT to_regclass('replytrail.contact_edits') IS NOT NULL").fetchone()
    if row and row[0]:
        _WITH_EDITS.add(conn)
        return True
    return False


def push_contact_edits(conn: Conn, edits: Sequence[ContactEdit]) -> int:
    """Upsert this role's contact edits by (owner, contact, field); an edit pushed again
    (same ``edit_id``) changes nothing. Returns how many rows changed on the server."""
    changed = 0
    with conn.cursor() as cur:
        for e in edits:
            cur.execute(_UPSERT_EDIT, (e.contact.strip().lower(), e.field, e.value, e.edit_id))
            changed += max(cur.rowcount, 0)
    return changed


def forget_own(conn: Conn, contact: str) -> int:
    """Delete this role's emails with *contact*; every laptop drops its copies on its next pull."""
    if has_contact_edits(conn):
        conn.execute(
            "DELETE FROM replytrail.contact_edits WHERE owner = current_user AND contact = %s",
            (contact.strip().lower(),),
        )
    cur = conn.execute(
        "WITH gone AS (DELETE FROM replytrail.emails WHERE owner = current_user "
        "AND contact_emails @> ARRAY[%s] RETURNING owner, account, message_id) "
        "INSERT INTO replytrail.tombstones (owner, account, message_id) "
        "SELECT owner, account, message_id FROM gone",
        (contact.strip().lower(),),
    )
    return max(cur.rowcount, 0)


def forget_team_wide(conn: Conn, contact: str) -> int:
    """An admin's forget: everyone's emails with *contact*, on the server and every laptop."""
    key = contact.strip().lower()
    with conn.transaction():  # the tombstone first: row-level security refuses a non-admin
        conn.execute(
            "INSERT INTO replytrail.tombstones (owner, contact) VALUES (current_user, %s)", (key,)
        )
        cur = conn.execute(
            "DELETE FROM replytrail.emails WHERE contact_emails @> ARRAY[%s]", (key,)
        )
        if has_contact_edits(conn):
            conn.execute("DELETE FROM replytrail.contact_edits WHERE contact = %s", (key,))
    return max(cur.rowcount, 0)


_PULL = """SELECT e.seq, e.owner, e.message_id, e.account, e.thread_id, e.direction, e.date_text,
    e.from_email, e.from_name, e.to_json, e.cc_json, e.subject, e.kind, e.match, e.status,
    e.in_reply_to, e.references_json, e.subject_norm, e.thread_guid, e.gm_thrid, e.contacts,
    b.body_text, b.body_html
    FROM replytrail.emails e
    LEFT JOIN replytrail.bodies b ON b.owner = e.owner AND b.message_id = e.message_id
    WHERE e.seq > %s ORDER BY e.seq LIMIT %s"""


def pull_page(conn: Conn, cursor: int, limit: int = 1000) -> PulledPage:
    """Everything changed after *cursor*, up to *limit* emails, from one snapshot.

    Writers take the sequence under a lock held to their commit, so no lower ``seq`` can
    appear later: the returned ``cursor`` is safe to remember.
    """
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        rows = conn.execute(_PULL, (cursor, limit)).fetchall()
        more = len(rows) == limit
        upper = int(rows[-1][0]) if more else 2**63 - 1
        emails = [_email(r) for r in rows]
        _attach(conn, emails)
        stones = [
            Tombstone(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]))
            for r in conn.execute(
                "SELECT seq, owner, account, message_id, contact FROM replytrail.tombstones "
                "WHERE seq > %s AND seq <= %s ORDER BY seq",
                (cursor, upper),
            )
        ]
        edits = _edits(conn, cursor, upper) if has_contact_edits(conn) else []
    seqs = [e.seq for e in emails] + [t.seq for t in stones] + [c.seq for c in edits]
    return PulledPage(emails, stones, max([cursor, *seqs]), more, edits)


def _edits(conn: Conn, cursor: int, upper: int) -> list[ContactEdit]:
    rows = conn.execute(
        "SELECT seq, contact, field, value, edit_id, owner FROM replytrail.contact_edits "
        "WHERE seq > %s AND seq <= %s ORDER BY seq",
        (cursor, upper),
    )
    return [
        ContactEdit(str(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5]), int(r[0])) for r in rows
    ]


def _email(r: Sequence[Any]) -> TeamEmail:
    return TeamEmail(
        seq=int(r[0]),
        owner=r[1],
        message_id=r[2],
        account=r[3],
        thread_id=r[4],
        direction=r[5],
        date_text=r[6],
        from_email=r[7],
        from_name=r[8],
        to=r[9],
        cc=r[10],
        subject=r[11],
        kind=r[12],
        match=r[13],
        status=r[14],
        in_reply_to=r[15],
        references=r[16],
        subject_norm=r[17],
        thread_guid=r[18],
        gm_thrid=r[19],
        contacts=r[20],
        body_text=r[21] or "",
        body_html=r[22] or "",
    )


def _attach(conn: Conn, emails: list[TeamEmail]) -> None:
    """Fill in the attachments this role may read (all, or only its own: the team policy)."""
    if not emails:
        return
    by_key = {(e.owner, e.message_id): e for e in emails}
    rows = conn.execute(
        "SELECT a.owner, a.message_id, a.position, a.filename, a.content_type, a.size, "
        "a.sha256, a.data FROM replytrail.attachments a "
        "JOIN unnest(%s::text[], %s::text[]) AS k(o, m) ON a.owner = k.o AND a.message_id = k.m "
        "ORDER BY a.owner, a.message_id, a.position",
        ([k[0] for k in by_key], [k[1] for k in by_key]),
    )
    for r in rows:
        by_key[(r[0], r[1])].attachments.append(
            TeamAttachment(int(r[2]), r[3], r[4], int(r[5]), r[6], bytes(r[7]))
        )

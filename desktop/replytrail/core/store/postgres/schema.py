"""Versioned migrations of the team store (PostgreSQL, SPEC §11.2): tables, roles, forced RLS.

Each migration is a list of statement templates applied in one transaction together with
the ``schema_version`` bump in ``replytrail.meta``. ``{owner}``, ``{member}`` and ``{admin}``
are the team's group roles (quoted identifiers) and ``{admin_lit}`` the admin role as a
literal; they carry the database name, so several teams can share one cluster.

Every change to ``emails``, ``tombstones`` and ``contact_edits`` takes the next value of one
sequence under a transaction-level advisory lock (taken by a statement trigger, held to the
commit), so the sequence order is the commit order and a puller that remembers the highest
``seq`` it has seen never skips a row. A row trigger sets ``seq`` whatever the client sent.
"""

from __future__ import annotations

__all__ = ["PG_MIGRATIONS", "SCHEMA", "SEQ_LOCK"]

SCHEMA = "replytrail"
#: advisory lock key held by every writing transaction until its commit
SEQ_LOCK = 0x52545431

_V1 = [
    "CREATE TABLE replytrail.meta (key text PRIMARY KEY, value text NOT NULL)",
    "CREATE SEQUENCE replytrail.change_seq",
    """CREATE TABLE replytrail.emails (
        owner text NOT NULL DEFAULT current_user,
        message_id text NOT NULL,
        seq bigint NOT NULL DEFAULT 0,
        content_hash text NOT NULL,
        account text NOT NULL,
        thread_id text NOT NULL,
        direction text NOT NULL CHECK (direction IN ('in', 'out')),
        date timestamptz NOT NULL,
        date_text text NOT NULL,
        from_email text NOT NULL DEFAULT '',
        from_name text NOT NULL DEFAULT '',
        to_json jsonb NOT NULL DEFAULT '[]',
        cc_json jsonb NOT NULL DEFAULT '[]',
        subject text NOT NULL DEFAULT '',
        kind text NOT NULL DEFAULT 'email',
        match text NOT NULL,
        status text NOT NULL DEFAULT '',
        in_reply_to text NOT NULL DEFAULT '',
        references_json jsonb NOT NULL DEFAULT '[]',
        subject_norm text NOT NULL DEFAULT '',
        thread_guid text NOT NULL DEFAULT '',
        gm_thrid text NOT NULL DEFAULT '',
        contacts jsonb NOT NULL DEFAULT '[]',
        contact_emails text[] NOT NULL DEFAULT '{{}}',
        logged_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (owner, message_id)
    )""",
    "CREATE UNIQUE INDEX emails_seq ON replytrail.emails (seq)",
    "CREATE INDEX emails_contacts ON replytrail.emails USING gin (contact_emails)",
    """CREATE TABLE replytrail.bodies (
        owner text NOT NULL DEFAULT current_user,
        message_id text NOT NULL,
        body_text text NOT NULL DEFAULT '',
        body_html text NOT NULL DEFAULT '',
        PRIMARY KEY (owner, message_id),
        FOREIGN KEY (owner, message_id) REFERENCES replytrail.emails ON DELETE CASCADE
    )""",
    """CREATE TABLE replytrail.attachments (
        owner text NOT NULL DEFAULT current_user,
        message_id text NOT NULL,
        position int NOT NULL,
        filename text NOT NULL,
        content_type text NOT NULL,
        size bigint NOT NULL,
        sha256 text NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (owner, message_id, position),
        FOREIGN KEY (owner, message_id) REFERENCES replytrail.emails ON DELETE CASCADE
    )""",
    """CREATE TABLE replytrail.tombstones (
        seq bigint NOT NULL DEFAULT 0,
        owner text NOT NULL DEFAULT current_user,
        account text NOT NULL DEFAULT '',
        message_id text NOT NULL DEFAULT '',
        contact text NOT NULL DEFAULT '',
        by_role text NOT NULL DEFAULT current_user,
        at timestamptz NOT NULL DEFAULT now()
    )""",
    "CREATE UNIQUE INDEX tombstones_seq ON replytrail.tombstones (seq)",
    # the sequence bump: one writer at a time between nextval() and commit (the lock is
    # taken once per statement; the per-row part is as small as a trigger can be)
    """CREATE FUNCTION replytrail.lock_seq() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM pg_catalog.pg_advisory_xact_lock({seq_lock});
        RETURN NULL;
    END $$""",
    """CREATE FUNCTION replytrail.bump_seq() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.seq := pg_catalog.nextval('replytrail.change_seq');
        RETURN NEW;
    END $$""",
    """CREATE FUNCTION replytrail.notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM pg_notify('replytrail_changes', '');
        RETURN NULL;
    END $$""",
    """CREATE FUNCTION replytrail.team_policy() RETURNS text LANGUAGE sql STABLE
        SECURITY DEFINER SET search_path = pg_catalog, replytrail AS $$
        SELECT coalesce((SELECT value FROM replytrail.meta WHERE key = 'policy'), 'shared')
    $$""",
    """CREATE FUNCTION replytrail.is_admin() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT pg_has_role(current_user, {admin_lit}, 'MEMBER')
    $$""",
    "CREATE TRIGGER emails_lock BEFORE INSERT OR UPDATE ON replytrail.emails "
    "FOR EACH STATEMENT EXECUTE FUNCTION replytrail.lock_seq()",
    "CREATE TRIGGER emails_seq BEFORE INSERT OR UPDATE ON replytrail.emails "
    "FOR EACH ROW EXECUTE FUNCTION replytrail.bump_seq()",
    "CREATE TRIGGER tombstones_lock BEFORE INSERT ON replytrail.tombstones "
    "FOR EACH STATEMENT EXECUTE FUNCTION replytrail.lock_seq()",
    "CREATE TRIGGER tombstones_seq BEFORE INSERT ON replytrail.tombstones "
    "FOR EACH ROW EXECUTE FUNCTION replytrail.bump_seq()",
    "CREATE TRIGGER emails_notify AFTER INSERT OR UPDATE ON replytrail.emails "
    "FOR EACH STATEMENT EXECUTE FUNCTION replytrail.notify_change()",
    "CREATE TRIGGER tombstones_notify AFTER INSERT ON replytrail.tombstones "
    "FOR EACH STATEMENT EXECUTE FUNCTION replytrail.notify_change()",
    # ownership: a role without BYPASSRLS that is subject to the policies too (FORCE)
    "ALTER SCHEMA replytrail OWNER TO {owner}",
    "ALTER TABLE replytrail.meta OWNER TO {owner}",
    "ALTER SEQUENCE replytrail.change_seq OWNER TO {owner}",
    "ALTER TABLE replytrail.emails OWNER TO {owner}",
    "ALTER TABLE replytrail.bodies OWNER TO {owner}",
    "ALTER TABLE replytrail.attachments OWNER TO {owner}",
    "ALTER TABLE replytrail.tombstones OWNER TO {owner}",
    "ALTER FUNCTION replytrail.bump_seq() OWNER TO {owner}",
    "ALTER FUNCTION replytrail.lock_seq() OWNER TO {owner}",
    # nextval() only (not setval): the triggers take numbers as the writing role
    "GRANT USAGE ON SEQUENCE replytrail.change_seq TO {member}",
    "ALTER FUNCTION replytrail.team_policy() OWNER TO {owner}",
    "GRANT USAGE ON SCHEMA replytrail TO {member}",
    "GRANT SELECT ON replytrail.meta TO {member}",
    "GRANT SELECT, INSERT, UPDATE, DELETE ON replytrail.emails, replytrail.bodies, "
    "replytrail.attachments TO {member}",
    "GRANT SELECT, INSERT ON replytrail.tombstones TO {member}",
    "ALTER TABLE replytrail.emails ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE replytrail.emails FORCE ROW LEVEL SECURITY",
    "ALTER TABLE replytrail.bodies ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE replytrail.bodies FORCE ROW LEVEL SECURITY",
    "ALTER TABLE replytrail.attachments ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE replytrail.attachments FORCE ROW LEVEL SECURITY",
    "ALTER TABLE replytrail.tombstones ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE replytrail.tombstones FORCE ROW LEVEL SECURITY",
    # emails: everyone on the team reads the metadata; each writes only their own rows
    "CREATE POLICY team_read ON replytrail.emails FOR SELECT USING (true)",
    "CREATE POLICY own_insert ON replytrail.emails FOR INSERT WITH CHECK (owner = current_user)",
    "CREATE POLICY own_update ON replytrail.emails FOR UPDATE USING (owner = current_user) "
    "WITH CHECK (owner = current_user)",
    "CREATE POLICY own_delete ON replytrail.emails FOR DELETE "
    "USING (owner = current_user OR replytrail.is_admin())",
    # bodies and attachments: the owner's, and the team's only under the 'shared' policy
    *[
        stmt.format(table=t, read="owner = current_user OR replytrail.team_policy() = 'shared'")
        for t in ("bodies", "attachments")
        for stmt in (
            "CREATE POLICY team_read ON replytrail.{table} FOR SELECT USING ({read})",
            "CREATE POLICY own_insert ON replytrail.{table} FOR INSERT "
            "WITH CHECK (owner = current_user)",
            "CREATE POLICY own_update ON replytrail.{table} FOR UPDATE "
            "USING (owner = current_user) "
            "WITH CHECK (owner = current_user)",
            "CREATE POLICY own_delete ON replytrail.{table} FOR DELETE "
            "USING (owner = current_user OR replytrail.is_admin())",
        )
    ],
    "CREATE POLICY team_read ON replytrail.tombstones FOR SELECT USING (true)",
    "CREATE POLICY own_insert ON replytrail.tombstones FOR INSERT "
    "WITH CHECK ((owner = current_user AND contact = '') OR replytrail.is_admin())",
]

# v2: an index that keeps "everything of one owner, in order" fast at two million rows (and
# names the partition key for later, see docs/team.md)
_V2 = [
    "CREATE INDEX emails_owner_seq ON replytrail.emails (owner, seq)",
]

# v3: contact edits (name, company) and merges replicate. One row per owner, contact and
# field ('name', 'company', 'merged_into'), so the server order (``seq``) decides per field
# which edit is the latest; ``edit_id`` (made on the laptop when the edit was queued) makes a
# repeated push a no-op. Every team member reads all rows (contacts are team data under both
# policies); each writes only their own.
_V3 = [
    """CREATE TABLE replytrail.contact_edits (
        owner text NOT NULL DEFAULT current_user,
        contact text NOT NULL,
        field text NOT NULL CHECK (field IN ('name', 'company', 'merged_into')),
        value text NOT NULL,
        edit_id text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        seq bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (owner, contact, field)
    )""",
    "CREATE UNIQUE INDEX contact_edits_seq ON replytrail.contact_edits (seq)",
    "CREATE TRIGGER contact_edits_lock BEFORE INSERT OR UPDATE ON replytrail.contact_edits "
    "FOR EACH STATEMENT EXECUTE FUNCTION replytrail.lock_seq()",
    "CREATE TRIGGER contact_edits_seq BEFORE INSERT OR UPDATE ON replytrail.contact_edits "
    "FOR EACH ROW EXECUTE FUNCTION replytrail.bump_seq()",
    "CREATE TRIGGER contact_edits_notify AFTER INSERT OR UPDATE ON replytrail.contact_edits "
    "FOR EACH STATEMENT EXECUTE FUNCTION replytrail.notify_change()",
    "ALTER TABLE replytrail.contact_edits OWNER TO {owner}",
    "GRANT SELECT, INSERT, UPDATE, DELETE ON replytrail.contact_edits TO {member}",
    "ALTER TABLE replytrail.contact_edits ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE replytrail.contact_edits FORCE ROW LEVEL SECURITY",
    "CREATE POLICY team_read ON replytrail.contact_edits FOR SELECT USING (true)",
    "CREATE POLICY own_insert ON replytrail.contact_edits FOR INSERT "
    "WITH CHECK (owner = current_user)",
    "CREATE POLICY own_update ON replytrail.contact_edits FOR UPDATE "
    "USING (owner = current_user) WITH CHECK (owner = current_user)",
    "CREATE POLICY own_delete ON replytrail.contact_edits FOR DELETE "
    "USING (owner = current_user OR replytrail.is_admin())",
]

# v4: v2's index goes again. Every push paid for it on every row (a tenth of the upsert,
# measured) and no query reads by (owner, seq): pulls read by ``seq``, forgets by contact
# (GIN), an owner's rows by the primary key (owner, message_id).
_V4 = [
    "DROP INDEX IF EXISTS replytrail.emails_owner_seq",
]

#: index i holds the statements that bring a team store from version i to version i + 1
PG_MIGRATIONS: list[list[str]] = [_V1, _V2, _V3, _V4]

"""Setting up a team store: schema and roles (``team init``), salespeople (``team add-user``).

Runs as the administrator's PostgreSQL role (a superuser or the database owner with
CREATEROLE). Idempotent: ``init`` on a current store changes nothing, on an older one it
applies the missing migrations, each in its own transaction.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql

from replytrail.core.errors import KnownError
from replytrail.core.i18n import QT_TRANSLATE_NOOP
from replytrail.core.store.postgres.schema import PG_MIGRATIONS, SEQ_LOCK

__all__ = ["POLICIES", "InitResult", "TeamRoles", "add_user", "init_team", "schema_version"]

Conn = psycopg.Connection[Any]
POLICIES = ("shared", "private-bodies")


@dataclass(frozen=True)
class TeamRoles:
    """The group roles of one team database (roles are cluster-wide: they carry its name)."""

    owner: str
    member: str
    admin: str

    @classmethod
    def of(cls, database: str) -> TeamRoles:
        base = f"replytrail_{database}"[:50]
        return cls(f"{base}_owner", f"{base}_member", f"{base}_admin")


@dataclass(frozen=True)
class InitResult:
    before: int
    after: int
    policy: str
    roles: TeamRoles


def schema_version(conn: Conn) -> int:
    row = conn.execute("SELECT to_regclass('replytrail.meta') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0
    found = conn.execute(
        "SELECT value FROM replytrail.meta WHERE key = 'schema_version'"
    ).fetchone()
    return int(found[0]) if found else 0


def _ensure_role(conn: Conn, name: str, login: bool = False) -> None:
    if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone():
        return
    conn.execute(
        sql.SQL("CREATE ROLE {} " + ("LOGIN" if login else "NOLOGIN")).format(sql.Identifier(name))
    )


def init_team(conn: Conn, policy: str = "", upto: int | None = None) -> InitResult:
    """Create or upgrade the team schema, its roles and policies; set *policy* if given."""
    if policy and policy not in POLICIES:
        raise KnownError(
            QT_TRANSLATE_NOOP("errors", "Unknown team policy {policy}: use {choices}."),
            policy=policy,
            choices=", ".join(POLICIES),
        )
    target = len(PG_MIGRATIONS) if upto is None else upto
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (SEQ_LOCK + 1,))
        db = str(conn.execute("SELECT current_database()").fetchone()[0])  # type: ignore[index]
        roles = TeamRoles.of(db)
        for name in (roles.owner, roles.member, roles.admin):
            _ensure_role(conn, name)
        conn.execute(
            sql.SQL("GRANT {} TO {}").format(
                sql.Identifier(roles.member), sql.Identifier(roles.admin)
            )
        )
        conn.execute("CREATE SCHEMA IF NOT EXISTS replytrail")
        before = schema_version(conn)
    names = {
        "owner": sql.Identifier(roles.owner).as_string(conn),
        "member": sql.Identifier(roles.member).as_string(conn),
        "admin": sql.Identifier(roles.admin).as_string(conn),
        "admin_lit": sql.Literal(roles.admin).as_string(conn),
        "seq_lock": str(SEQ_LOCK),
    }
    for version in range(before, target):
        with conn.transaction():
            for stmt in PG_MIGRATIONS[version]:
                conn.execute(stmt.format(**names).encode())
            _meta(conn, "schema_version", str(version + 1))
    with conn.transaction():
        if policy or before == 0:
            _meta(conn, "policy", policy or "shared")
        for key, value in (("member_role", roles.member), ("admin_role", roles.admin)):
            _meta(conn, key, value)
        final = conn.execute("SELECT value FROM replytrail.meta WHERE key = 'policy'").fetchone()
    return InitResult(before, max(before, target), str(final[0]) if final else "shared", roles)


def _meta(conn: Conn, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO replytrail.meta (key, value) VALUES (%s, %s) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def add_user(conn: Conn, email: str, *, admin: bool = False) -> str:
    """Create (or reset) the salesperson's login role; returns its one-time password."""
    name = email.strip().lower()
    if "@" not in name or len(name) > 63:
        raise KnownError(
            QT_TRANSLATE_NOOP("errors", "{email} is not an email address a role can carry."),
            email=email,
        )
    password = secrets.token_urlsafe(18)
    with conn.transaction():
        db = str(conn.execute("SELECT current_database()").fetchone()[0])  # type: ignore[index]
        roles = TeamRoles.of(db)
        _ensure_role(conn, name, login=True)
        # hashed here (SCRAM), so the password itself never reaches the server's logs
        verifier = conn.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256")
        conn.execute(
            sql.SQL("ALTER ROLE {} LOGIN PASSWORD {}").format(
                sql.Identifier(name), sql.Literal(verifier.decode())
            )
        )
        for group in [roles.member] + ([roles.admin] if admin else []):
            conn.execute(
                sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(name))
            )
    return password

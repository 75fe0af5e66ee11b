"""Reaching the team store (PostgreSQL, SPEC §11.2): the connection check ``doctor`` runs.

The team store's repository (replication through an outbox, row-level security) is not
built yet; this module is where it starts: connect with psycopg 3, report the server and
whether the link is encrypted, and refuse an unencrypted link to another machine (SPEC §13).
"""

from __future__ import annotations

from dataclasses import dataclass

from replytrail.core.errors import StoreUnreachable
from replytrail.core.i18n import QT_TRANSLATE_NOOP

__all__ = ["TeamStoreInfo", "check_team_store"]

_LOCAL_HOSTS = ("", "localhost", "127.0.0.1", "::1")


@dataclass(frozen=True)
class TeamStoreInfo:
    server_version: str
    database: str
    user: str
    encrypted: bool
    local: bool


def check_team_store(dsn: str, timeout: float = 5.0) -> TeamStoreInfo:
    """Connect, ask who and where we are; a one-line StoreUnreachable on any failure."""
    import psycopg

    where = _describe(dsn)
    try:
        with psycopg.connect(dsn, connect_timeout=max(1, int(timeout))) as conn:
            row = conn.execute(
                "SELECT current_setting('server_version'), current_database(), current_user, "
                "coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)"
            ).fetchone()
            host = conn.info.host or ""
    except psycopg.Error as e:
        detail = (str(e).strip().splitlines() or [type(e).__name__])[0]
        raise StoreUnreachable(where=where, detail=detail) from None
    assert row is not None
    local = host.startswith("/") or host in _LOCAL_HOSTS
    info = TeamStoreInfo(str(row[0]), str(row[1]), str(row[2]), bool(row[3]), local)
    if not info.encrypted and not info.local:
        raise StoreUnreachable(
            QT_TRANSLATE_NOOP(
                "errors",
                "The team store {where} answers without TLS; Replytrail sends nothing "
                "unencrypted to another machine. Ask your administrator to enable SSL "
                "(sslmode=verify-full).",
            ),
            where=where,
        )
    return info


def _describe(dsn: str) -> str:
    """host:port/dbname from a DSN, without any password."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(dsn)
    except Exception:
        return "(unreadable connection string)"
    return f"{parts.get('host', 'localhost')}:{parts.get('port', 5432)}/{parts.get('dbname', '')}"

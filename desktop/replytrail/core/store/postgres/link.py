"""Connecting to the team store: verified TLS by default, the password from the keyring.

The DSN in the settings never holds a password; it comes from the keyring and is handed to
libpq as a separate parameter, so it never reaches a log line or an error message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from replytrail.core.errors import AuthFailed, StoreUnreachable

if TYPE_CHECKING:
    import psycopg

__all__ = ["TeamLink", "describe", "open_connection"]


@dataclass(frozen=True)
class TeamLink:
    """Where the team store is and who this laptop is on it."""

    dsn: str
    user: str = ""
    ca_file: str = ""
    password: str = field(default="", repr=False)
    #: used when the DSN names no sslmode; only an administrator's own link may lower it
    default_sslmode: str = "verify-full"

    def conninfo(self) -> str:
        """The libpq connection string: ``sslmode=verify-full`` unless the DSN says otherwise."""
        from psycopg.conninfo import conninfo_to_dict, make_conninfo

        parts = conninfo_to_dict(self.dsn)
        extra: dict[str, str] = {"application_name": "replytrail"}
        if self.user:
            extra["user"] = self.user
        if "sslmode" not in parts:
            extra["sslmode"] = self.default_sslmode
        if self.ca_file:
            extra["sslrootcert"] = self.ca_file
        elif extra.get("sslmode") == "verify-full" and "sslrootcert" not in parts:
            extra["sslrootcert"] = "system"  # the operating system's trust store
        return make_conninfo(self.dsn, **extra)

    @property
    def where(self) -> str:
        return describe(self.dsn)


def describe(dsn: str) -> str:
    """host:port/dbname from a DSN, without any password."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(dsn)
    except Exception:
        return "(unreadable connection string)"
    return f"{parts.get('host', 'localhost')}:{parts.get('port', 5432)}/{parts.get('dbname', '')}"


def open_connection(
    link: TeamLink, *, timeout: float = 5.0, autocommit: bool = False
) -> psycopg.Connection[tuple[object, ...]]:
    """A psycopg connection, or one line (StoreUnreachable / AuthFailed) saying why not."""
    import psycopg
    from psycopg.conninfo import make_conninfo

    # UTF-8 whatever the server's or the environment's (PGCLIENTENCODING) choice: the push
    # sends COPY text it encoded itself (remote.copy_text_row)
    info = make_conninfo(
        link.conninfo(), connect_timeout=str(max(1, int(timeout))), client_encoding="UTF8"
    )
    try:
        conn = psycopg.connect(info, autocommit=autocommit, password=link.password or None)
    except psycopg.Error as e:
        detail = (str(e).strip().splitlines() or [type(e).__name__])[-1]
        if "password authentication failed" in str(e):
            raise AuthFailed(user=link.user or "?", host=link.where) from None
        raise StoreUnreachable(where=link.where, detail=_short(detail)) from None
    return conn


def _short(detail: str) -> str:
    """libpq's last line, without the 'connection to server at … failed:' prefix."""
    _, sep, rest = detail.rpartition("failed: ")
    return (rest if sep else detail).strip()

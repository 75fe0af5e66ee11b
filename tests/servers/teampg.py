"""A team-store PostgreSQL for tests: the throwaway cluster with TLS and passwords switched on.

``ssl = on`` with a trustme certificate for 127.0.0.1/localhost, SCRAM passwords for every
role over TCP (only ``postgres`` is trusted, as an administrator on the server would be),
and one fresh database per test (``TeamPg.database()``).
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import psycopg
from psycopg import sql

from servers.mailservers import Postgres, make_certs

HBA = """\
local all all trust
hostssl all postgres 127.0.0.1/32 trust
hostssl all all 127.0.0.1/32 scram-sha-256
host all postgres 127.0.0.1/32 trust
"""


class TeamPg:
    """Wraps :class:`Postgres`: TLS on, pg_hba with passwords, a CA file for clients."""

    def __init__(self) -> None:
        self.pg = Postgres()
        self.ca = Path()

    def start(self) -> None:
        self.pg.start()
        tls = self.pg.root / "tls"
        tls.mkdir()
        ca, cert, key = make_certs(tls)
        self.ca = ca
        (self.pg.data / "pg_hba.conf").write_text(HBA)
        if self.pg.user:
            for f in (tls, cert, key, self.pg.data / "pg_hba.conf"):
                shutil.chown(f, self.pg.user, self.pg.user)
        key.chmod(0o600)
        with psycopg.connect(self.pg.dsn, autocommit=True) as conn:
            for name, value in (
                ("ssl", "on"),
                ("ssl_cert_file", str(cert)),
                ("ssl_key_file", str(key)),
                ("password_encryption", "scram-sha-256"),
            ):
                conn.execute(
                    sql.SQL("ALTER SYSTEM SET {} = {}").format(
                        sql.Identifier(name), sql.Literal(value)
                    )
                )
            conn.execute("SELECT pg_reload_conf()")

    @property
    def port(self) -> int:
        return self.pg.port

    def admin_dsn(self, dbname: str) -> str:
        """The administrator's connection (the superuser, trusted on the server)."""
        return f"host=127.0.0.1 port={self.pg.port} user=postgres dbname={dbname}"

    def user_dsn(self, dbname: str) -> str:
        """What a salesperson is given: no user, no password (those come from join)."""
        return f"host=127.0.0.1 port={self.pg.port} dbname={dbname}"

    def database(self) -> str:
        name = "team_" + uuid.uuid4().hex[:10]
        with psycopg.connect(self.pg.dsn, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return name

    def stop(self) -> None:
        self.pg.stop()

    def restart(self) -> None:
        """Start the same cluster again after :meth:`stop` (data kept)."""
        self.pg.serve()

    def cleanup(self) -> None:
        self.pg.cleanup()

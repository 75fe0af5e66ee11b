"""Team-store test helpers: a laptop (data dir, local store, settings, keyring) and a team
database on the TLS PostgreSQL, used by the team tests and benchmarks/team_bench.py."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring.backends.SecretService
import psycopg

from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials
from replytrail.core.models import Address, Direction, Kind, LoggedEmail, MatchReason
from replytrail.core.store.base import AttachmentBlob, EmailRecord
from replytrail.core.store.postgres.link import TeamLink
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.core.store.team_side import LocalTeamSide
from replytrail.core.team.admin import add_user, init_team
from replytrail.core.team.membership import join
from replytrail.core.team.replicator import Replicator
from servers.teampg import TeamPg

CUSTOMER = Address("kunde@firma.example", "Karl Kunde")
BASE = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@dataclass
class TeamDb:
    """One team database, initialised, with the salespeople's one-time passwords."""

    pg: TeamPg
    name: str
    passwords: dict[str, str] = field(default_factory=dict)

    @property
    def admin_dsn(self) -> str:
        return self.pg.admin_dsn(self.name)

    @property
    def user_dsn(self) -> str:
        return self.pg.user_dsn(self.name)

    def admin(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(self.admin_dsn, autocommit=True)

    def add(self, email: str, *, admin: bool = False) -> str:
        with self.admin() as conn:
            self.passwords[email] = add_user(conn, email, admin=admin)
        return self.passwords[email]

    def link(self, email: str) -> TeamLink:
        return TeamLink(self.user_dsn, email, str(self.pg.ca), self.passwords[email])

    def as_user(self, email: str) -> psycopg.Connection[tuple[object, ...]]:
        """A plain psycopg connection as that salesperson's role (for SQL-level checks)."""
        link = self.link(email)
        return psycopg.connect(link.conninfo(), password=link.password, autocommit=True)

    def count(self, where: str = "true") -> int:
        with self.admin() as conn:
            query = f"SELECT count(*) FROM replytrail.emails WHERE {where}"  # noqa: S608 (tests' own SQL)
            row = conn.execute(query).fetchone()
        assert row is not None and isinstance(row[0], int)  # count(*): a bigint
        return row[0]


def team_db(pg: TeamPg, policy: str = "shared") -> TeamDb:
    db = TeamDb(pg, pg.database())
    with db.admin() as conn:
        init_team(conn, policy)
    return db


class Laptop:
    """One salesperson's data dir: local store, settings, real keyring, replicator."""

    def __init__(self, root: Path, email: str) -> None:
        self.email = email
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.store = SQLiteStore(root / "replytrail.sqlite3", root / "attachments")
        self.settings = Settings(root / "settings.toml")
        self.credentials = Credentials(keyring.backends.SecretService.Keyring())
        self.replicator: Replicator | None = None
        self._n = 0

    def join(self, db: TeamDb, **kw: object) -> None:
        join(self.settings, self.credentials, self.store, db.link(self.email), [self.email])
        self.replicator = self.make_replicator(**kw)

    def make_replicator(self, **kw: object) -> Replicator:
        from replytrail.core.team.membership import link_from

        kw.setdefault("me", self.email)
        return Replicator(
            LocalTeamSide(self.store),
            lambda: link_from(self.settings, self.credentials),
            **kw,  # type: ignore[arg-type]
        )

    def log(
        self,
        *,
        contact: Address = CUSTOMER,
        message_id: str = "",
        body: str = "",
        attachments: list[AttachmentBlob] | None = None,
        outbound: bool = False,
        subject: str = "",
        thread: str = "",
    ) -> EmailRecord:
        """What the logbook does for a reply: the email and its team outbox row, one commit."""
        rec = self.record(
            contact=contact,
            message_id=message_id,
            body=body,
            attachments=attachments,
            outbound=outbound,
            subject=subject,
            thread=thread,
        )
        assert self.store.record(rec) is not None
        if self.replicator is not None:
            self.replicator.wake()
        return rec

    def record(
        self,
        *,
        contact: Address = CUSTOMER,
        message_id: str = "",
        body: str = "",
        attachments: list[AttachmentBlob] | None = None,
        outbound: bool = False,
        subject: str = "",
        thread: str = "",
    ) -> EmailRecord:
        self._n += 1
        me = Address(self.email, self.email.split("@")[0].title())
        mid = message_id or f"<{uuid.uuid4().hex}@{self.email.split('@')[1]}>"
        e = LoggedEmail(
            message_id=mid,
            thread_id=thread or "t" + uuid.uuid4().hex[:12],
            direction=Direction.OUT if outbound else Direction.IN,
            date=BASE + timedelta(minutes=self._n),
            sender=me if outbound else contact,
            to=[contact] if outbound else [me],
            cc=[],
            subject=subject or f"Angebot {self._n} von {self.email}",
            kind=Kind.EMAIL,
            match=MatchReason.SENT if outbound else MatchReason.IN_REPLY_TO,
            account=self.email,
            body_text=body or f"Guten Tag, Nachricht {self._n} an {self.email}.",
        )
        return EmailRecord(
            email=e,
            contacts=[contact],
            blobs=attachments or [],
            subject_norm=e.subject.lower(),
            outbox=["team"] if self.settings.get("store.team_user") else [],
        )

    def message_ids(self, contact: str = CUSTOMER.email) -> list[str]:
        return [e.message_id for e in self.store.timeline(contact, limit=100_000)]

    def outbox(self) -> int:
        side = LocalTeamSide(self.store)
        try:
            return side.size()
        finally:
            side.close()

    def close(self) -> None:
        if self.replicator is not None:
            self.replicator.stop()
            self.replicator.close()
        self.store.close()

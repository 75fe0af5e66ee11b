"""This laptop's membership of a team store: joining, the link from settings and keyring.

Settings keep the DSN (never a password), the role, the CA file and the keyring entry
(``store.team_*``); the password itself lives only in the keyring (SPEC §4.5, §11.3).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from replytrail.core.config import Settings
from replytrail.core.credentials import new_ref
from replytrail.core.errors import KnownError
from replytrail.core.events import TeamOnline, TeamPulled
from replytrail.core.i18n import QT_TRANSLATE_NOOP
from replytrail.core.store.postgres.link import TeamLink, open_connection
from replytrail.core.store.team_side import CURSOR, TARGET, LocalTeamSide, ReplicaStore

if TYPE_CHECKING:  # psycopg (~10 MB) is imported only once a team store is used
    from replytrail.core.team.replicator import Replicator

__all__ = [
    "JoinResult",
    "Secrets",
    "TeamCheck",
    "check_team",
    "forget_contact",
    "join",
    "joined",
    "link_from",
    "make_replicator",
    "outbox_targets",
]


class Secrets(Protocol):
    def get(self, ref: str) -> str: ...

    def store(self, ref: str, secret: str) -> None: ...


@dataclass(frozen=True)
class JoinResult:
    where: str
    user: str
    policy: str
    queued: int  # own emails queued for the first push


def joined(settings: Settings) -> bool:
    v = settings.values().store
    return bool(v.team_dsn and v.team_user)


def outbox_targets(settings: Settings) -> list[str]:
    """Where a newly logged email is copied through the outbox."""
    return [TARGET] if joined(settings) else []


def link_from(settings: Settings, secrets: Secrets) -> TeamLink:
    v = settings.values().store
    return TeamLink(
        dsn=v.team_dsn,
        user=v.team_user,
        ca_file=v.team_ca_file,
        password=secrets.get(v.team_secret) if v.team_secret else "",
    )


def join(
    settings: Settings,
    secrets: Secrets,
    store: ReplicaStore,
    link: TeamLink,
    own_accounts: Sequence[str],
) -> JoinResult:
    """Check the link (TLS, password, an initialised team store), then remember it."""
    info = check_team(link)
    v = settings.values().store
    ref = v.team_secret or new_ref(f"team:{link.user}")
    secrets.store(ref, link.password)
    previous = (v.team_dsn, v.team_user)
    for key, value in (
        ("store.team_secret", ref),
        ("store.team_dsn", link.dsn),
        ("store.team_user", link.user),
        ("store.team_ca_file", link.ca_file),
        ("store.backend", "postgres"),
    ):
        if settings.get(key) != value:  # a key the administrator locked stays as it is
            settings.set(key, value)
    if previous != (link.dsn, link.user):  # another team store: pull it from the start
        store.record_many([], {CURSOR: "0"})
    local = LocalTeamSide(store)
    try:
        queued = local.backfill(own_accounts)
    finally:
        local.close()
    return JoinResult(link.where, link.user, info.policy, queued)


@dataclass(frozen=True)
class TeamCheck:
    where: str
    policy: str  # shared | private-bodies


def check_team(link: TeamLink) -> TeamCheck:
    """Sign in to the team store (TLS, password) and see that it is initialised; nothing is
    stored. Raises one line (StoreUnreachable, AuthFailed, not initialised) otherwise."""
    from replytrail.core.store.postgres.remote import team_info

    with open_connection(link) as conn:
        try:
            info = team_info(conn)
        except Exception:
            raise KnownError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{where} is not a Replytrail team store yet: the administrator runs "
                    "'replytrail team init' first.",
                ),
                where=link.where,
            ) from None
    return TeamCheck(link.where, info.get("policy", "shared"))


def make_replicator(
    store: ReplicaStore,
    settings: Settings,
    secrets: Secrets,
    sink: Callable[[TeamOnline | TeamPulled], None] | None = None,
) -> Replicator | None:
    """The engine's replicator, or None when this laptop is in no team."""
    if not joined(settings):
        return None
    from replytrail.core.team.replicator import Replicator

    return Replicator(
        LocalTeamSide(store),
        lambda: link_from(settings, secrets),
        sink=sink,
        me=settings.values().store.team_user,
    )


def team_forget(settings: Settings) -> Callable[[Any, str], int]:
    """``forget(store, contact)`` for a window's store executor: team-aware like the CLI."""
    return lambda store, contact: forget_contact(store, settings, contact)


def forget_contact(store: ReplicaStore, settings: Settings, contact: str) -> int:
    """Forget a contact here and, in a team, on the team store too (queued first, so a
    crash between the two can only repeat the team's part)."""
    if joined(settings):
        local = LocalTeamSide(store)
        try:
            local.enqueue_forget(contact)
        finally:
            local.close()
    return store.forget_contact(contact)

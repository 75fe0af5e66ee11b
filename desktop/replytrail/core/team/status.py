"""What ``team status``, ``doctor`` and Settings › Team show about the team store.

Example of :meth:`TeamStatus.to_json`::

    {"joined": true, "server": "db.example.com:5432/sales", "user": "anna@example.com",
     "reachable": true, "policy": "shared", "schema": 4, "outbox": 0, "failed": 0,
     "last_push": "2026-12-04T15:01:02+00:00", "last_pull": "…", "offline_since": null,
     "error": null}
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from replytrail.core.config import Settings
from replytrail.core.errors import KnownError
from replytrail.core.i18n import QT_TRANSLATE_NOOP, translate
from replytrail.core.store.postgres.link import describe, open_connection
from replytrail.core.store.team_side import LocalTeamSide, ReplicaStore
from replytrail.core.team.membership import Secrets, joined, link_from

__all__ = ["TeamStatus", "team_status"]

CTX = "team"


@dataclass
class TeamStatus:
    joined: bool
    server: str = ""
    user: str = ""
    reachable: bool | None = None  # None: not asked
    policy: str = ""
    schema: int = 0
    outbox: int = 0
    failed: int = 0
    last_push: str = ""
    last_pull: str = ""
    offline_since: str = ""
    error: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "joined": self.joined,
            "server": self.server,
            "user": self.user,
            "reachable": self.reachable,
            "policy": self.policy or None,
            "schema": self.schema or None,
            "outbox": self.outbox,
            "failed": self.failed,
            "last_push": self.last_push or None,
            "last_pull": self.last_pull or None,
            "offline_since": self.offline_since or None,
            "error": self.error or None,
        }

    def lines(
        self, when: Callable[[str], str] = str, policy: Callable[[str], str] = str
    ) -> list[tuple[str, str]]:
        """Label and value, translated, for the terminal and the settings page; *when* turns
        an ISO 8601 time into what the reader sees, *policy* a policy id (the terminal keeps
        both as they are, the settings page writes them in the user's language)."""
        never = translate(CTX, QT_TRANSLATE_NOOP("team", "never"))
        if not self.joined:
            return [(translate(CTX, QT_TRANSLATE_NOOP("team", "team store")), never)]
        reach = {
            None: translate(CTX, QT_TRANSLATE_NOOP("team", "not checked")),
            True: translate(CTX, QT_TRANSLATE_NOOP("team", "reachable")),
            False: translate(
                CTX,
                QT_TRANSLATE_NOOP("team", "offline since {since}"),
                since=when(self.offline_since),
            ),
        }[self.reachable]
        rows = [
            (QT_TRANSLATE_NOOP("team", "team store"), self.server),
            (QT_TRANSLATE_NOOP("team", "user"), self.user),
            (QT_TRANSLATE_NOOP("team", "server"), reach),
            (QT_TRANSLATE_NOOP("team", "policy"), policy(self.policy) if self.policy else "?"),
            (QT_TRANSLATE_NOOP("team", "waiting to be sent"), str(self.outbox)),
            (QT_TRANSLATE_NOOP("team", "refused by the server"), str(self.failed)),
            (
                QT_TRANSLATE_NOOP("team", "last sent"),
                when(self.last_push) if self.last_push else never,
            ),
            (
                QT_TRANSLATE_NOOP("team", "last received"),
                when(self.last_pull) if self.last_pull else never,
            ),
        ]
        if self.error:
            rows.append((QT_TRANSLATE_NOOP("team", "last error"), self.error))
        return [(translate(CTX, label), value) for label, value in rows]


def team_status(
    store: ReplicaStore, settings: Settings, secrets: Secrets, *, contact_server: bool = True
) -> TeamStatus:
    if not joined(settings):
        return TeamStatus(joined=False)
    local = LocalTeamSide(store)
    try:
        state = local.state()
        st = TeamStatus(
            joined=True,
            server=describe(settings.values().store.team_dsn),
            user=settings.values().store.team_user,
            outbox=local.size(),
            failed=local.failed(),
            last_push=state.get("last_push", ""),
            last_pull=state.get("last_pull", ""),
            offline_since=state.get("offline_since", ""),
            error=state.get("last_error", ""),
        )
    finally:
        local.close()
    if contact_server:
        try:
            with open_connection(link_from(settings, secrets), timeout=5) as conn:
                from replytrail.core.store.postgres.remote import team_info  # psycopg

                info = team_info(conn)
            st.reachable, st.policy = True, info.get("policy", "")
            st.schema = int(info.get("schema_version", "0"))
        except KnownError as e:
            st.reachable, st.error = False, e.message
    return st

"""Composition for Settings › Team: the page's actions over the local store and the keyring."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.paths import Paths
from replytrail.core.store.postgres.link import TeamLink
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.core.team.membership import (
    Secrets,
    TeamCheck,
    check_team,
    join,
    make_replicator,
)
from replytrail.core.team.status import TeamStatus, team_status
from replytrail.ui.settings.team_page import JoinForm, TeamActions

__all__ = ["team_actions"]

T = TypeVar("T")


def team_actions(
    paths: Paths, settings: Settings, secrets: Secrets, accounts: AccountRegistry
) -> TeamActions:
    """Each action opens its own store connection (it runs on a job thread)."""

    def with_store(fn: Callable[[SQLiteStore], T]) -> T:
        store = SQLiteStore(paths.store_file, paths.blob_dir)
        try:
            return fn(store)
        finally:
            store.close()

    def status() -> TeamStatus:
        return with_store(lambda s: team_status(s, settings, secrets))

    def sync_with(store: SQLiteStore) -> object:
        rep = make_replicator(store, settings, secrets)
        if rep is None:
            return None
        try:
            return rep.sync_once()
        finally:
            rep.close()

    def join_with(form: JoinForm) -> object:
        link = TeamLink(form.dsn, form.user, form.ca_file, form.password)
        own = [a.email for a in accounts.all()]
        return with_store(lambda s: join(settings, secrets, s, link, own))

    def check(form: JoinForm) -> TeamCheck:
        return check_team(TeamLink(form.dsn, form.user, form.ca_file, form.password))

    def defaults() -> tuple[str, str, str]:
        first = next((a.email for a in accounts.all()), "")
        v = settings.values().store
        return (v.team_dsn, v.team_ca_file, v.team_user or first)

    return TeamActions(
        status=status,
        sync=lambda: with_store(sync_with),
        join=join_with,
        check=check,
        defaults=defaults,
    )

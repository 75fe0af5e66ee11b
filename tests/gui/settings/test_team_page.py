"""Settings › Team: join a real team store with a password, see its state, sync now; and the
tray's line while the team store is offline."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import keyring.backends.SecretService
import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from replytrail.app.team import team_actions
from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials
from replytrail.core.paths import resolve_paths
from replytrail.qt.jobs import Jobs
from replytrail.ui.settings.team_page import TeamPage
from replytrail.ui.tray.tray import TrayIcon
from servers.keyring import SecretService, stored_secrets
from servers.teampg import TeamPg
from teamflow import Laptop, TeamDb, team_db

pytestmark = [pytest.mark.gui, pytest.mark.servers]

ANNA = "anna@example.com"
BEN = "ben@example.com"


@pytest.fixture
def page(
    qtbot: QtBot, tmp_path: Path, team_pg: TeamPg, secret_service: SecretService
) -> Iterator[tuple[TeamPage, TeamDb, Settings]]:
    team = team_db(team_pg)
    team.add(ANNA)
    paths = resolve_paths(str(tmp_path / "data"))
    paths.ensure()
    # the team preset names the store: the salesperson only types the password
    preset = {"store": {"team_dsn": team.user_dsn, "team_ca_file": str(team_pg.ca)}}
    settings = Settings(paths.settings_file, preset)
    accounts = AccountRegistry(paths.accounts_file)
    jobs = Jobs()
    p = TeamPage(
        actions=team_actions(
            paths, settings, Credentials(keyring.backends.SecretService.Keyring()), accounts
        ),
        jobs=jobs,
    )
    qtbot.addWidget(p)
    p.show()
    yield p, team, settings
    jobs.shutdown()


def values(p: TeamPage) -> list[str]:
    return [w.text() for w in p.status_box.findChildren(QLabel, "teamValue")]


def test_joining_takes_a_password_and_shows_the_team_store(
    qtbot: QtBot,
    page: tuple[TeamPage, TeamDb, Settings],
    secret_service: SecretService,
    tmp_path: Path,
) -> None:
    p, team, settings = page
    assert p.join_box.isVisible() and not p.sync_button.isEnabled()
    assert p.dsn_edit.text() == team.user_dsn  # from the preset
    p.user_edit.setText(ANNA)
    p.password_edit.setText("falsch")
    p.join_button.click()
    qtbot.waitUntil(lambda: "Wrong user name or password" in p.message.text(), timeout=30_000)
    assert p.join_button.isEnabled()
    with qtbot.waitSignal(p.joined, timeout=30_000):
        p.password_edit.setText(team.passwords[ANNA])
        p.join_button.click()
    qtbot.waitUntil(lambda: "reachable" in values(p), timeout=30_000)
    assert not p.join_box.isVisible() and p.sync_button.isEnabled()
    assert ANNA in values(p) and "everyone in the team sees every email" in values(p)
    assert p.password_edit.text() == ""
    assert team.passwords[ANNA] in stored_secrets(secret_service)
    assert settings.get("store.team_user") == ANNA
    ben = Laptop(tmp_path / "ben", BEN)  # a teammate's email: something to pull
    team.add(BEN)
    ben.join(team)
    ben.log()
    assert ben.replicator is not None
    ben.replicator.sync_once()
    ben.close()
    p.sync_button.click()
    qtbot.waitUntil(lambda: p.message.text() == "Up to date.", timeout=30_000)
    # the times of the last push and pull in the user's words, not the replicator's ISO 8601
    qtbot.waitUntil(lambda: "never" not in values(p)[-1], timeout=30_000)
    assert not [v for v in values(p) if re.search(r"\d{4}-\d\d-\d\dT", v)], values(p)


def test_tray_says_since_when_the_team_store_is_offline(qtbot: QtBot) -> None:
    tray = TrayIcon()
    assert not tray.team_action.isVisible()
    tray.set_team(False, "2026-12-04T14:05:00+00:00")
    assert tray.team_action.isVisible()
    text = tray.team_action.text()
    assert text.startswith("Team store offline since ") and "T14:05" not in text
    tray.set_team(True)
    assert not tray.team_action.isVisible()

"""The wizard's "Team store" page (issue 10.5): when the team preset names a team store, a
salesperson joins it during set-up by typing only the one-time password — against the real
TLS PostgreSQL, the real Dovecot and the real keyring."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import keyring.backends.SecretService
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from gui.wizard.test_wizard import ALICE, Harness, pin_shown_certificate, preset_for, to_test_page
from replytrail.app.team import team_actions
from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials
from replytrail.core.paths import resolve_paths
from replytrail.core.store.postgres.link import describe
from replytrail.core.team.membership import joined
from replytrail.ui.settings.team_page import TeamActions
from replytrail.ui.wizard.wizard import Page
from servers.keyring import SecretService, stored_secrets
from servers.mailservers import Dovecot
from servers.teampg import TeamPg
from teamflow import TeamDb, team_db

pytestmark = [pytest.mark.gui, pytest.mark.servers]


@pytest.fixture
def credentials(secret_service: SecretService) -> Credentials:
    """The real Secret Service (gnome-keyring on a private bus), through core Credentials."""
    return Credentials(backend=keyring.backends.SecretService.Keyring())


def with_team_actions(
    tmp_path: Path, credentials: Credentials
) -> Callable[[Settings, AccountRegistry], TeamActions]:
    """The app's team actions over the harness's data dir (as app/application.py builds them)."""
    paths = resolve_paths(str(tmp_path))
    paths.ensure()
    assert paths.settings_file == tmp_path / "settings.toml"  # the harness's files

    def actions(settings: Settings, accounts: AccountRegistry) -> TeamActions:
        return team_actions(paths, settings, credentials, accounts)

    return actions


@pytest.fixture
def on_team_page(
    qtbot: QtBot, tmp_path: Path, dovecot: Dovecot, team_pg: TeamPg, credentials: Credentials
) -> tuple[Harness, TeamDb]:
    """A wizard whose team preset names a team store (Alice has a role), walked to its team
    page: email, discovery, review, password, connection test, logging options."""
    team = team_db(team_pg)
    team.add(ALICE)
    preset = {
        **preset_for(dovecot),
        "store": {"team_dsn": team.user_dsn, "team_ca_file": str(team_pg.ca)},
    }
    h = Harness(qtbot, tmp_path, preset, credentials, team=with_team_actions(tmp_path, credentials))
    to_test_page(h, "alicepw")
    pin_shown_certificate(h, dovecot)
    h.click_next(Page.LOGGING)
    h.click_next(Page.TEAM)
    return h, team


def sign_in(h: Harness, password: str) -> None:
    """Type the one-time password and choose Next: signed in, the summary is shown."""
    h.qtbot.keyClicks(h.wizard.team_page.password, password)
    with h.qtbot.waitSignal(h.wizard.currentIdChanged, timeout=30_000):
        press_next(h)
    assert h.page == Page.DONE


def press_next(h: Harness) -> None:
    button = h.wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled()
    h.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def finish(h: Harness) -> None:
    with h.qtbot.waitSignal(h.wizard.finished, timeout=30_000) as blocker:
        h.qtbot.mouseClick(
            h.wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )
    assert blocker.args == [int(QWizard.DialogCode.Accepted)]


def test_the_presets_team_store_is_joined_with_only_the_password(
    on_team_page: tuple[Harness, TeamDb],
    tmp_path: Path,
    credentials: Credentials,
    secret_service: SecretService,
) -> None:
    h, team = on_team_page
    page = h.wizard.team_page
    where = describe(team.user_dsn)  # host:port/database
    assert "Team store:" in page.where.text() and where in page.where.text()
    assert page.user.text() == ALICE  # the email address, prefilled
    assert not h.next_enabled()  # no password yet
    h.qtbot.waitUntil(lambda: QApplication.focusWidget() is page.password)

    # a wrong password: the page says so and stays; nothing reaches the keyring
    h.qtbot.keyClicks(page.password, "falsch")
    press_next(h)
    h.qtbot.waitUntil(lambda: "Wrong user name or password" in page.status.text(), timeout=30_000)
    assert h.page == Page.TEAM and not joined(h.settings)
    assert "falsch" not in stored_secrets(secret_service)

    # the right one: signed in, on to the summary
    page.password.clear()
    sign_in(h, team.passwords[ALICE])
    summary = h.wizard.done_page.summary.text()
    assert "Team store" in summary and f"{where}, as {ALICE}" in summary
    assert not joined(h.settings)  # nothing stored before Finish
    assert team.passwords[ALICE] not in stored_secrets(secret_service)

    finish(h)
    settings = h.settings  # the user's file over the preset, as the app reads them
    assert joined(settings) and settings.get("store.team_user") == ALICE
    assert settings.get("store.team_dsn") == team.user_dsn  # from the preset
    assert ALICE in (tmp_path / "settings.toml").read_text()  # the role: the user's own
    assert team.passwords[ALICE] in stored_secrets(secret_service)
    assert team.passwords[ALICE] not in (tmp_path / "settings.toml").read_text()
    assert AccountRegistry(tmp_path / "accounts.toml").get(ALICE).email == ALICE
    # what Settings › Team then shows: reachable, as Alice, the team's policy
    paths = resolve_paths(str(tmp_path))
    status = team_actions(paths, settings, credentials, h.accounts).status()
    lines = dict(status.lines())
    assert status.joined and "reachable" in lines.values() and ALICE in lines.values()


def test_join_later_goes_on_without_the_team_store(
    on_team_page: tuple[Harness, TeamDb], tmp_path: Path
) -> None:
    h, _team = on_team_page
    page = h.wizard.team_page
    box = page.later  # a click on its box (the row is as wide as the page)
    h.qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert page.later.isChecked() and not page.password.isEnabled()
    h.click_next(Page.DONE)
    assert "Team store" not in h.wizard.done_page.summary.text()
    finish(h)
    assert not joined(h.settings)
    assert AccountRegistry(tmp_path / "accounts.toml").get(ALICE).email == ALICE


def test_no_team_page_without_a_team_store_in_the_preset(
    qtbot: QtBot,
    tmp_path: Path,
    dovecot: Dovecot,
    credentials: Credentials,
) -> None:
    actions = with_team_actions(tmp_path, credentials)
    h = Harness(qtbot, tmp_path, preset_for(dovecot), credentials, team=actions)
    to_test_page(h, "alicepw")
    pin_shown_certificate(h, dovecot)
    h.click_next(Page.LOGGING)
    h.click_next(Page.DONE)


def test_the_summary_says_what_teammates_see_and_a_join_failing_at_finish_keeps_the_account(
    on_team_page: tuple[Harness, TeamDb], tmp_path: Path, secret_service: SecretService
) -> None:
    h, team = on_team_page
    old_password = team.passwords[ALICE]
    sign_in(h, old_password)
    summary = h.wizard.done_page.summary.text()
    assert "Shared with the team" in summary and "every logged email" in summary
    team.add(ALICE)  # the administrator resets the password meanwhile: the join will fail
    seen: list[str] = []

    def answer_the_warning(tries: int = 600) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "teamJoinFailed":
            seen.append(box.text())
            box.accept()
        elif tries:
            QTimer.singleShot(50, lambda: answer_the_warning(tries - 1))

    answer_the_warning()
    finish(h)
    assert seen and "Your account is set up" in seen[0]
    assert "Wrong user name or password" in seen[0] and "Settings › Team" in seen[0]
    assert AccountRegistry(tmp_path / "accounts.toml").get(ALICE).email == ALICE
    assert not joined(h.settings)
    assert old_password not in stored_secrets(secret_service)


def test_back_while_signing_in_drops_the_late_answer(
    on_team_page: tuple[Harness, TeamDb],
) -> None:
    h, team = on_team_page
    page = h.wizard.team_page
    h.qtbot.keyClicks(page.password, team.passwords[ALICE])
    press_next(h)  # the sign-in starts …
    assert h.page == Page.TEAM and "Signing in" in page.status.text()
    h.back(Page.LOGGING)  # … and the user goes back before it answered
    h.qtbot.wait(3000)  # the answer (a few hundred ms) arrives and must be dropped
    assert h.page == Page.LOGGING
    assert h.wizard.draft.team is None
    h.click_next(Page.TEAM)
    assert page.status.text() == "" and not page.bar.isVisible()

"""The set-up wizard driven page by page against a real Dovecot and a real keyring."""

from __future__ import annotations

import gc
import os
import pwd
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import keyring.backends.SecretService
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget, QWizard
from pytestqt.qtbot import QtBot

from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials
from replytrail.core.engine import Engine
from replytrail.core.events import Event, StateChanged, WatchState
from replytrail.core.setup import pin_certificate
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.ui.settings.team_page import TeamActions
from replytrail.ui.wizard.wizard import Page, SetupWizard
from servers.keyring import SecretService
from servers.mailservers import Dovecot

pytestmark = [pytest.mark.gui, pytest.mark.servers]

ALICE = "alice@example.test"


def preset_for(d: Dovecot, imap_port: int | None = None) -> dict[str, Any]:
    """A team preset that points example.test at the test server (the real preset step)."""
    return {
        "servers": {
            "domains": {
                "example.test": {
                    "imap_host": d.listen,
                    "imap_port": imap_port or d.ports["imaps"],
                    "imap_security": "ssl",
                    "smtp_host": d.listen,
                    "smtp_port": d.ports["submissions"],
                    "smtp_security": "ssl",
                    "name": "Example Test Mail",
                }
            }
        }
    }


class Harness:
    """A wizard on a fresh data dir; helpers that act like a user at the keyboard."""

    def __init__(
        self,
        qtbot: QtBot,
        root: Path,
        preset: dict[str, Any],
        credentials: Credentials,
        team: Callable[[Settings, AccountRegistry], TeamActions] | None = None,
    ) -> None:
        self.qtbot, self.root = qtbot, root
        self.settings = Settings(root / "settings.toml", preset)
        self.accounts = AccountRegistry(root / "accounts.toml")
        self.credentials = credentials
        self.wizard = SetupWizard(
            accounts=self.accounts,
            credentials=credentials,
            settings=self.settings,
            team=team(self.settings, self.accounts) if team else None,
        )
        qtbot.addWidget(self.wizard)
        self.wizard.show()
        qtbot.waitExposed(self.wizard)
        self.wizard.activateWindow()
        qtbot.waitActive(self.wizard)

    @property
    def page(self) -> int:
        return self.wizard.currentId()

    def next_enabled(self) -> bool:
        button = self.wizard.button(QWizard.WizardButton.NextButton)
        return button.isVisible() and button.isEnabled()

    def click_next(self, expect: Page) -> None:
        button = self.wizard.button(QWizard.WizardButton.NextButton)
        assert button.isEnabled(), f"Next is disabled on page {Page(self.page).name}"
        with self.qtbot.waitSignal(self.wizard.currentIdChanged, timeout=5000):
            self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert self.page == expect, Page(self.page).name

    def back(self, expect: Page) -> None:
        with self.qtbot.waitSignal(self.wizard.currentIdChanged, timeout=5000):
            self.qtbot.mouseClick(
                self.wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton
            )
        assert self.page == expect

    def enter_email(self, email: str) -> None:
        page = self.wizard.email_page
        assert not self.next_enabled()
        self.qtbot.keyClicks(page.email_edit, email)
        assert self.next_enabled()
        # keyboard only: Return presses the default button (Next)
        with self.qtbot.waitSignal(self.wizard.currentIdChanged, timeout=5000):
            self.qtbot.keyClick(page.email_edit, Qt.Key.Key_Return)
        assert self.page == Page.DISCOVERY

    def wait_discovery(self, timeout: int = 10000) -> None:
        self.qtbot.waitUntil(self.wizard.discovery_page.isComplete, timeout=timeout)

    def enter_password(self, password: str) -> None:
        edit = self.wizard.password_page.password
        edit.clear()
        self.qtbot.keyClicks(edit, password)

    def wait_test(self) -> None:
        page = self.wizard.test_page
        self.qtbot.waitUntil(lambda: page.report is not None, timeout=30000)


@pytest.fixture
def credentials(secret_service: SecretService) -> Credentials:
    """The real Secret Service (gnome-keyring on a private bus), through core Credentials."""
    return Credentials(backend=keyring.backends.SecretService.Keyring())


@pytest.fixture
def harness_for(qtbot: QtBot, tmp_path: Path, credentials: Credentials) -> Any:
    def make(preset: dict[str, Any]) -> Harness:
        return Harness(qtbot, tmp_path, preset, credentials)

    return make


def to_test_page(h: Harness, password: str) -> None:
    """Email → discovery (team preset) → review → password → test page (results in)."""
    h.enter_email(ALICE)
    h.wait_discovery()
    assert h.wizard.discovery_page.result is not None
    assert h.wizard.discovery_page.result.source == "preset"
    h.click_next(Page.REVIEW)
    h.click_next(Page.PASSWORD)
    assert not h.next_enabled()
    h.enter_password(password)
    h.click_next(Page.TEST)
    h.wait_test()


def pin_shown_certificate(h: Harness, d: Dovecot) -> None:
    page = h.wizard.test_page
    assert page.report is not None and not page.report.ok
    assert page.report.imap_error is not None
    assert page.report.imap_error.code == "tls-not-trusted"
    assert page.cert_box.isVisible()
    fingerprint = page.fingerprint.text().replace("\n", "")
    assert len(fingerprint.split(":")) == 32
    assert "127.0.0.1" in page.pin_button.text()
    assert not h.next_enabled()
    h.qtbot.mouseClick(page.pin_button, Qt.MouseButton.LeftButton)
    h.wait_test()


def test_happy_path_to_a_watched_inbox(
    harness_for: Any, dovecot: Dovecot, credentials: Credentials, tmp_path: Path
) -> None:
    h: Harness = harness_for(preset_for(dovecot))
    to_test_page(h, "alicepw")
    pin_shown_certificate(h, dovecot)
    page = h.wizard.test_page
    assert page.report is not None and page.report.ok, page.imap_row.detail.text()
    assert page.imap_row.glyph.property("state") == "ok"
    assert page.smtp_row.glyph.property("state") == "ok"
    assert not page.warning.isVisible()  # Dovecot has IDLE
    h.click_next(Page.LOGGING)
    logging_page = h.wizard.logging_page
    assert logging_page.tracked_radio.isChecked()
    assert logging_page.bcc.text() == "alice+log@example.test"
    assert logging_page.never.toPlainText() == "example.test"
    assert logging_page.since.date().toPython() == date.today() - timedelta(days=30)
    h.qtbot.mouseClick(logging_page.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "alice+log@example.test"
    h.click_next(Page.DONE)
    assert "alice@example.test" in h.wizard.done_page.summary.text()
    finish = h.wizard.button(QWizard.WizardButton.FinishButton)
    with h.qtbot.waitSignal(h.wizard.finished, timeout=15000) as blocker:
        h.qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert blocker.args == [int(QWizard.DialogCode.Accepted)]

    saved = AccountRegistry(tmp_path / "accounts.toml").get(ALICE)
    assert (saved.imap_host, saved.imap_port) == ("127.0.0.1", dovecot.ports["imaps"])
    assert (saved.smtp_host, saved.smtp_port) == ("127.0.0.1", dovecot.ports["submissions"])
    assert set(saved.pinned_sha256) == {"127.0.0.1"}
    assert len(saved.pinned_sha256["127.0.0.1"]) == 64
    assert "alicepw" not in (tmp_path / "accounts.toml").read_text()
    assert credentials.get(saved.credential_ref) == "alicepw"  # the real keyring
    settings = Settings(tmp_path / "settings.toml")
    assert settings.get("logging.mode") == "tracked"
    assert settings.get("logging.never_log") == ["example.test"]
    assert settings.get("logging.since_date") == (date.today() - timedelta(days=30)).isoformat()

    # "a watched inbox through the wizard alone": the engine on that data reaches WATCHING
    events: list[Event] = []
    store = SQLiteStore(tmp_path / "replytrail.sqlite3", tmp_path / "attachments")
    engine = Engine(
        store=store,
        accounts=AccountRegistry(tmp_path / "accounts.toml"),
        credentials=credentials,
        settings=settings,
        sink=events.append,
    )
    engine.start()
    try:
        h.qtbot.waitUntil(
            lambda: any(
                isinstance(e, StateChanged)
                and e.state.account == ALICE
                and e.state.state is WatchState.WATCHING
                for e in list(events)
            ),
            timeout=20_000,
        )
    finally:
        engine.stop()
        store.close()


def test_wrong_password_then_corrected(harness_for: Any, dovecot: Dovecot) -> None:
    h: Harness = harness_for(preset_for(dovecot))
    to_test_page(h, "not-the-password")
    pin_shown_certificate(h, dovecot)
    page = h.wizard.test_page
    report = page.report  # a local: mypy would keep `page.report` narrowed across the retest
    assert report is not None and not report.ok
    assert report.imap_error is not None and report.imap_error.code == "auth-failed"
    assert "Wrong user name or password" in page.imap_row.detail.text()
    assert page.imap_row.glyph.property("state") == "failed"
    assert "password" in page.hint.text()
    assert not h.next_enabled()
    h.back(Page.PASSWORD)
    h.enter_password("alicepw")
    h.click_next(Page.TEST)
    h.wait_test()
    assert page.report is not None and page.report.ok  # the pin was kept
    assert h.next_enabled()


def test_pop3_only_server_shows_guidance_and_check_again_stays(
    harness_for: Any, pop3_only: Dovecot
) -> None:
    # the team preset names the server as IMAP, but it greets with +OK: POP3 after all
    h: Harness = harness_for(preset_for(pop3_only, imap_port=pop3_only.ports["pop3s"]))
    h.enter_email(ALICE)
    h.wait_discovery()
    result = h.wizard.discovery_page.result
    assert result is not None and result.pop3_only
    h.click_next(Page.POP3)
    page = h.wizard.pop3_page
    text = page.browser.toPlainText()
    assert "IMAP" in text and "POP3" in text and "127.0.0.1" in text
    assert "Check again" in text
    assert not h.next_enabled()
    h.qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    h.qtbot.waitUntil(lambda: page.checks == 1, timeout=10000)
    assert h.page == Page.POP3
    assert "Still only POP3" in page.status.text()
    assert not h.next_enabled()


def test_pop3_port_entered_on_review_then_check_again_finds_imap(
    harness_for: Any, dovecot: Dovecot
) -> None:
    h: Harness = harness_for(preset_for(dovecot))
    h.enter_email(ALICE)
    h.wait_discovery()
    h.click_next(Page.REVIEW)
    review = h.wizard.review_page
    assert not review.advanced.isVisible()  # folded when discovery found the settings
    h.qtbot.keyClick(review.advanced_button, Qt.Key.Key_Space)
    assert review.advanced.isVisible()
    review.imap.port.setValue(995)
    assert "POP3" in review.pop3_note.text()
    h.click_next(Page.POP3_ENTERED)
    page = h.wizard.pop3_entered_page
    assert "POP3" in page.browser.toPlainText()
    with h.qtbot.waitSignal(h.wizard.currentIdChanged, timeout=10000):
        h.qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert h.page == Page.REVIEW  # IMAP found: back to the settings, corrected
    assert review.imap.port.value() == dovecot.ports["imaps"]
    assert review.pop3_note.text() == ""
    h.click_next(Page.PASSWORD)


def test_cancel_discovery_stops_promptly(harness_for: Any, stuck_https: int) -> None:
    h: Harness = harness_for({})
    h.settings.set("discovery.timeout", 2.0)
    h.enter_email("someone@slow.example.test")
    page = h.wizard.discovery_page

    def running() -> bool:  # a call: mypy keeps no narrowing across the Stop
        return page.running

    h.qtbot.wait(300)
    assert running() and not page.isComplete()
    assert page.bar.isVisible() and page.stop_button.isVisible()
    assert page.glyphs["autoconfig"].property("state") == "running"
    started = time.monotonic()
    h.qtbot.keyClick(page.stop_button, Qt.Key.Key_Space)  # Stop has the focus
    h.qtbot.waitUntil(page.isComplete, timeout=1500)
    assert time.monotonic() - started < 1.0
    assert page.result is not None and page.result.cancelled
    assert not page.bar.isVisible() and not running()
    assert page.again_button.isVisible()
    assert h.next_enabled()  # on to enter the settings by hand
    h.click_next(Page.REVIEW)
    assert h.wizard.review_page.advanced.isVisible()


def test_keyring_missing_saves_nothing(qtbot: QtBot, tmp_path: Path, dovecot: Dovecot) -> None:
    import keyring.backends.fail

    h = Harness(
        qtbot, tmp_path, preset_for(dovecot), Credentials(backend=keyring.backends.fail.Keyring())
    )
    to_test_page(h, "alicepw")
    pin_shown_certificate(h, dovecot)
    h.click_next(Page.LOGGING)
    h.click_next(Page.DONE)
    h.qtbot.mouseClick(
        h.wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
    )
    error = h.wizard.done_page.error
    h.qtbot.waitUntil(lambda: bool(error.text()), timeout=5000)
    assert "Nothing was saved" in error.text() and "keyring" in error.text()
    assert h.wizard.isVisible()
    assert not (tmp_path / "accounts.toml").exists()
    assert not (tmp_path / "settings.toml").exists()


def test_changed_pinned_certificate_is_refused(harness_for: Any, dovecot: Dovecot) -> None:
    h: Harness = harness_for(preset_for(dovecot))
    to_test_page(h, "alicepw")
    pin_shown_certificate(h, dovecot)
    page = h.wizard.test_page
    report = page.report  # a local: mypy would keep `page.report` narrowed across the retest
    assert report is not None and report.ok
    # the server's certificate "changes": the pinned fingerprint no longer matches
    pin_certificate(page.account, "127.0.0.1", "ab" * 32)
    h.qtbot.mouseClick(page.again_button, Qt.MouseButton.LeftButton)
    h.wait_test()
    assert page.report is not None and not page.report.ok
    assert page.report.imap_error is not None
    assert page.report.imap_error.code == "tls-pin-mismatch"
    assert "changed" in page.imap_row.detail.text()
    assert "#c62828" in page.imap_row.detail.styleSheet()  # red
    assert not page.cert_box.isVisible()  # no way to pin it from here
    assert not h.next_enabled()
    gc.collect()


def test_review_page_keyboard_order(harness_for: Any, dovecot: Dovecot) -> None:
    h: Harness = harness_for(preset_for(dovecot))
    h.enter_email(ALICE)
    h.wait_discovery()
    h.click_next(Page.REVIEW)
    review = h.wizard.review_page
    h.qtbot.waitUntil(review.imap.host.hasFocus, timeout=2000)

    def tab_through(n: int) -> list[QWidget | None]:
        seen = [QApplication.focusWidget()]
        for _ in range(n):
            h.qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            seen.append(QApplication.focusWidget())
        return seen

    assert tab_through(2) == [review.imap.host, review.smtp.host, review.advanced_button]
    h.qtbot.keyClick(review.advanced_button, Qt.Key.Key_Space)  # unfold with the keyboard
    assert review.advanced.isVisible()
    assert tab_through(5) == [
        review.advanced_button,
        review.imap.port,
        review.imap.security,
        review.smtp.port,
        review.smtp.security,
        review.username,
    ]


def test_sender_name_prefilled_from_the_system_account_and_saved(
    harness_for: Any, dovecot: Dovecot, tmp_path: Path
) -> None:
    """Issue 8.9: the wizard asks the name customers see, prefilled from the system account."""
    h: Harness = harness_for(preset_for(dovecot))
    name_edit = h.wizard.email_page.name_edit
    gecos = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
    assert name_edit.text() == gecos
    name_edit.setText("  Alice   Vertrieb ")
    to_test_page(h, "alicepw")
    pin_shown_certificate(h, dovecot)
    h.click_next(Page.LOGGING)
    h.click_next(Page.DONE)
    with h.qtbot.waitSignal(h.wizard.finished, timeout=15000):
        h.qtbot.mouseClick(
            h.wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )
    assert AccountRegistry(tmp_path / "accounts.toml").get(ALICE).sender_name == "Alice Vertrieb"

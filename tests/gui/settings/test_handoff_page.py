"""Settings › Hand-off: add a CRM's drop address or a webhook, see failures, retry."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring.backends.SecretService
import pytest
from pytestqt.qtbot import QtBot

from factories import record
from replytrail.app.i18n import install_translators
from replytrail.core.credentials import Credentials
from replytrail.core.handoff.targets import TargetBook, secret_ref
from replytrail.core.store.outbox import OutboxQueue
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.qt.jobs import Jobs
from replytrail.ui.settings.handoff_page import HandoffPage
from replytrail.ui.tray.tray import TrayIcon
from servers.keyring import SecretService

pytestmark = [pytest.mark.gui, pytest.mark.servers]


@pytest.fixture
def page(
    qtbot: QtBot, tmp_path: Path, secret_service: SecretService
) -> Iterator[tuple[HandoffPage, TargetBook, list[int]]]:
    preset = {"handoff": {"target": [{"name": "team-crm", "address": "crm@team.example"}]}}
    book = TargetBook(tmp_path / "handoff.toml", preset)
    SQLiteStore(tmp_path / "store.sqlite3").close()
    jobs = Jobs()
    retried: list[int] = []
    p = HandoffPage(
        targets=book,
        credentials=Credentials(keyring.backends.SecretService.Keyring()),
        store_file=tmp_path / "store.sqlite3",
        jobs=jobs,
        on_retry=lambda: retried.append(1),
    )
    qtbot.addWidget(p)
    p.show()
    yield p, book, retried
    jobs.shutdown()


def choose(p: HandoffPage, choice: str) -> None:
    p.crm_combo.setCurrentIndex(p.crm_combo.findData(choice))


def rows(p: HandoffPage) -> list[str]:
    return [p.target_list.item(i).text() for i in range(p.target_list.count())]


def test_hubspot_drop_address_is_added(page: tuple[HandoffPage, TargetBook, list[int]]) -> None:
    p, book, _ = page
    assert rows(p) == ["team-crm → crm@team.example  (set by your team)"]
    p.target_list.setCurrentRow(0)
    assert not p.remove_button.isEnabled()  # the team's target is not the user's to remove
    choose(p, "hubspot")
    assert "HubSpot" in p.hint.text() and "knowledge.hubspot.com" in p.hint.text()
    assert not p.secret_edit.isVisibleTo(p) and p.form_combo.isVisibleTo(p)
    assert p.where_label.text() == "Address:" and not p.secret_label.isVisibleTo(p)
    p.where_edit.setText("123456@bcc.hubspot.com")
    p.add_button.click()
    assert p.error.text() == ""
    (hub,) = [t for t in book.all() if t.name == "hubspot"]
    assert hub.address == "123456@bcc.hubspot.com" and hub.form == "inline"
    assert hub.include == "replies"
    assert "hubspot → 123456@bcc.hubspot.com" in rows(p)
    p.target_list.setCurrentRow(rows(p).index("hubspot → 123456@bcc.hubspot.com"))
    assert p.remove_button.isEnabled()
    p.remove_button.click()
    assert [t.name for t in book.all()] == ["team-crm"]


def test_webhook_needs_https_and_a_secret_which_goes_to_the_keyring(
    page: tuple[HandoffPage, TargetBook, list[int]],
) -> None:
    p, book, _ = page
    choose(p, "webhook")
    assert p.secret_edit.isVisibleTo(p) and not p.form_combo.isVisibleTo(p)
    assert p.secret_label.isVisibleTo(p) and not p.form_label.isVisibleTo(p)
    p.where_edit.setText("http://n8n.example/webhook/1")
    p.secret_edit.setText("a" * 20)
    p.add_button.click()
    assert "https://" in p.error.text()
    p.where_edit.setText("https://n8n.example/webhook/1")
    p.secret_edit.setText("short")
    p.add_button.click()
    assert "16 characters" in p.error.text()
    p.secret_edit.setText("the-team-signing-secret")
    p.add_button.click()
    assert p.error.text() == ""
    (hook,) = [t for t in book.all() if t.kind == "webhook"]
    kr = keyring.backends.SecretService.Keyring()
    assert kr.get_password("replytrail", secret_ref(hook.name)) == "the-team-signing-secret"
    assert "the-team-signing-secret" not in (book.path.read_text())


def test_failures_are_shown_and_retried(
    qtbot: QtBot, page: tuple[HandoffPage, TargetBook, list[int]], tmp_path: Path
) -> None:
    p, _book, retried = page
    store = SQLiteStore(tmp_path / "store.sqlite3")
    rec = record(1, store.new_thread_id())
    rec.outbox = ["handoff:team-crm"]
    store.record(rec)
    store.close()
    q = OutboxQueue(tmp_path / "store.sqlite3", "handoff:")
    (entry,) = q.due()
    q.fail(entry.id, "crm@team.example refused the hand-off: 550 no such user")
    p.refresh_status()
    qtbot.waitUntil(lambda: "1 failed" in rows(p)[0], timeout=5000)
    assert "550 no such user" in rows(p)[0]
    assert p.retry_button.isEnabled()
    p.retry_button.click()
    qtbot.waitUntil(lambda: retried == [1], timeout=5000)
    qtbot.waitUntil(lambda: "1 waiting" in rows(p)[0], timeout=5000)
    assert [e.id for e in q.due()] == [entry.id]
    q.close()


def test_tray_shows_a_failing_hand_off_until_it_recovers(qtbot: QtBot) -> None:
    install_translators("en")  # the plural forms
    tray = TrayIcon()
    seen: list[int] = []
    tray.handoffRequested.connect(lambda: seen.append(1))
    assert not tray.handoff_action.isVisible()
    tray.set_handoff("hubspot", 2)
    assert tray.handoff_action.isVisible()
    assert tray.handoff_action.text() == "Hand-off to hubspot failed for 2 emails…"
    tray.handoff_action.trigger()
    assert seen == [1]
    install_translators("de")  # the menu retranslates on the LanguageChange event
    german = "Übergabe an hubspot für 2 E-Mails fehlgeschlagen …"
    qtbot.waitUntil(lambda: tray.handoff_action.text() == german, timeout=3000)
    install_translators("en")
    tray.set_handoff("hubspot", 0)
    assert not tray.handoff_action.isVisible()

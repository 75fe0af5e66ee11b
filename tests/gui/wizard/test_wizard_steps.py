"""The wizard's live discovery rows, the IDLE warning and a POP3 server found by the test page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring.backends.SecretService
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.wizard.test_wizard import ALICE, Harness, pin_shown_certificate, preset_for, to_test_page
from replytrail.core.credentials import Credentials
from replytrail.ui.wizard.wizard import Page
from servers.keyring import SecretService
from servers.mailservers import Dovecot, free_port, start_lmtp_relay

pytestmark = [pytest.mark.gui, pytest.mark.servers]

# Dovecot's capabilities without IDLE (as in tests/integration/engine/test_watch_edges.py)
NO_IDLE = (
    "imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE SORT THREAD=REFERENCES "
    "MULTIAPPEND UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE "
    "QRESYNC ESEARCH SEARCHRES WITHIN LIST-STATUS BINARY MOVE SPECIAL-USE"
)


@pytest.fixture
def harness_for(qtbot: QtBot, tmp_path: Path, secret_service: SecretService) -> Any:
    credentials = Credentials(backend=keyring.backends.SecretService.Keyring())

    def make(preset: dict[str, Any]) -> Harness:
        return Harness(qtbot, tmp_path, preset, credentials)

    return make


@pytest.fixture
def no_idle() -> Iterator[Dovecot]:
    """A Dovecot whose CAPABILITY lacks IDLE (submission relays into LMTP as usual)."""
    relay = free_port()
    d = Dovecot(relay_port=relay, extra_conf=NO_IDLE)
    d.start()
    ctrl, _handler = start_lmtp_relay(d, relay)
    try:
        yield d
    finally:
        ctrl.stop()
        d.cleanup()


def test_discovery_rows_update_while_discovery_runs(harness_for: Any, stuck_https: int) -> None:
    # no team preset (a miss at once), DNS and probing miss quickly; autoconfig and ISPDB
    # hang in a proxy that never answers, so the run stays busy for the step timeout
    h: Harness = harness_for({})
    h.settings.set("discovery.timeout", 5.0)
    h.enter_email("someone@slow.example.test")
    page = h.wizard.discovery_page
    h.qtbot.waitUntil(lambda: page.glyphs["dns-mx"].property("state") == "none", timeout=3000)
    assert page.running and not page.isComplete() and page.result is None
    timed = r"nothing found \((under 0\.1 s|\d+\.\d s)\)"
    assert re.fullmatch(timed, page.details["dns-mx"].text()), page.details["dns-mx"].text()
    assert re.fullmatch(timed, page.details["preset"].text()), page.details["preset"].text()
    assert page.glyphs["preset"].property("state") == "none"
    assert page.glyphs["autoconfig"].property("state") == "running"
    assert page.details["autoconfig"].text() == "asking…"
    h.qtbot.keyClick(page.stop_button, Qt.Key.Key_Space)
    h.qtbot.waitUntil(page.isComplete, timeout=2000)
    assert page.details["autoconfig"].text() == "stopped"
    assert re.fullmatch(timed, page.details["dns-mx"].text())  # the final word agrees


def test_server_without_idle_warns_and_lets_the_user_go_on(
    harness_for: Any, no_idle: Dovecot
) -> None:
    h: Harness = harness_for(preset_for(no_idle))
    to_test_page(h, "alicepw")
    pin_shown_certificate(h, no_idle)
    page = h.wizard.test_page
    assert page.report is not None and page.report.ok, page.imap_row.detail.text()
    assert page.report.imap is not None and not page.report.imap.idle
    assert page.imap_row.glyph.property("state") == "ok"
    assert page.imap_row.detail.text() == "Signed in."
    assert page.warning.isVisible()
    assert "IDLE" in page.warning.text() and "polling" in page.warning.text()
    assert h.next_enabled()
    h.click_next(Page.LOGGING)


def test_pop3_greeting_on_the_test_page_leads_to_the_guidance(
    harness_for: Any, dovecot: Dovecot
) -> None:
    h: Harness = harness_for(preset_for(dovecot))
    h.enter_email(ALICE)
    h.wait_discovery()
    h.click_next(Page.REVIEW)
    review = h.wizard.review_page
    h.qtbot.keyClick(review.advanced_button, Qt.Key.Key_Space)
    # Dovecot's POP3 on a port that does not look like POP3 (not 110/995): it slips through
    review.imap.security.setCurrentIndex(review.imap.security.findText("STARTTLS"))
    review.imap.port.setValue(dovecot.ports["pop3"])
    assert review.pop3_note.text() == ""
    h.click_next(Page.PASSWORD)
    h.enter_password("alicepw")
    h.click_next(Page.TEST)
    h.qtbot.waitUntil(lambda: h.page == Page.POP3_ENTERED, timeout=30000)
    pop3_page = h.wizard.pop3_entered_page
    text = pop3_page.browser.toPlainText()
    assert "POP3" in text and "127.0.0.1" in text
    assert not h.next_enabled()
    h.back(Page.REVIEW)  # Back shows the settings, now marked as POP3
    assert "POP3" in review.pop3_note.text()
    assert str(dovecot.ports["pop3"]) in review.pop3_note.text()
    assert "answered as a POP3 server" in review.pop3_note.text()  # the server said so
    h.click_next(Page.POP3_ENTERED)
    with h.qtbot.waitSignal(h.wizard.currentIdChanged, timeout=10000):
        h.qtbot.mouseClick(pop3_page.check_button, Qt.MouseButton.LeftButton)
    assert h.page == Page.REVIEW  # IMAP found: back to the settings, corrected
    assert review.imap.port.value() == dovecot.ports["imaps"]
    assert review.pop3_note.text() == ""
    h.click_next(Page.PASSWORD)

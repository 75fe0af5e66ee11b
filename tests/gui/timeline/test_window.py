"""The contact timeline window on real SQLite stores (demo data and a 10,000-email contact)."""

from __future__ import annotations

import mailbox
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from qtstore import open_window, show
from replytrail.core.models import Address, Direction, Kind, LoggedEmail, MatchReason
from replytrail.core.store.base import AttachmentBlob, EmailRecord
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.ui.common.widgets import badges_for
from replytrail.ui.timeline.models import EMAIL_ROLE, TimelineModel
from replytrail.ui.timeline.window import TimelineWindow

pytestmark = pytest.mark.gui

NOW = datetime(2026, 6, 30, 12, 0, tzinfo=UTC)
ME = Address("me@seller.example", "Me")


def _email(
    n: int,
    contact: Address,
    *,
    direction: Direction = Direction.IN,
    subject: str = "Quote",
    body: str = "Hello",
    when: datetime | None = None,
    thread: str = "t1",
) -> LoggedEmail:
    out = direction is Direction.OUT
    return LoggedEmail(
        message_id=f"<n{n}@test.example>",
        thread_id=thread,
        direction=direction,
        date=when or NOW - timedelta(hours=n),
        sender=ME if out else contact,
        to=[contact] if out else [ME],
        cc=[],
        subject=subject,
        kind=Kind.EMAIL,
        match=MatchReason.SENT if out else MatchReason.IN_REPLY_TO,
        account=ME.email,
        body_text=body,
    )


def _rows(model: TimelineModel) -> list[LoggedEmail]:
    return [model.index(i).data(EMAIL_ROLE) for i in range(model.rowCount())]


def test_contacts_sorted_by_activity_and_filtered_as_you_type(
    qtbot: QtBot, window: TimelineWindow
) -> None:
    contacts = [window.contact_model.contact_at(i) for i in range(12)]
    stamps = [c.last_activity for c in contacts if c and c.last_activity]
    assert stamps == sorted(stamps, reverse=True)
    assert any(c and c.bounced for c in contacts)
    qtbot.keyClicks(window.contact_filter, "north")
    qtbot.waitUntil(lambda: window.contact_model.rowCount() == 1)
    c = window.contact_model.contact_at(0)
    assert c is not None and c.email == "sarah.jenkins@northwind.example"
    window.contact_filter.clear()
    window.contact_filter.setText("Müller")  # QTest types ASCII only
    qtbot.waitUntil(
        lambda: (
            (c := window.contact_model.contact_at(0)) is not None
            and c.company == "Mueller Maschinenbau"
        )
    )
    assert window.contact_model.rowCount() == 1


def test_timeline_newest_first_with_badges(qtbot: QtBot, window: TimelineWindow) -> None:
    show(qtbot, window, "priya.raman@contoso.example")
    rows = _rows(window.timeline_model)
    assert len(rows) == 3
    assert [e.date for e in rows] == sorted((e.date for e in rows), reverse=True)
    auto = [e for e in rows if e.kind is Kind.AUTO_REPLY]
    assert auto and "Auto-reply" in [b.text for b in badges_for(auto[0])]
    assert window.header.name.text() == "Priya Raman"
    assert "contoso.example" in window.header.address.text()
    assert window.middle_stack.currentWidget() is window.timeline_view


def test_low_confidence_subject_match_is_marked(qtbot: QtBot, window: TimelineWindow) -> None:
    show(qtbot, window, "olivia.chen@fabrikam.example")
    model = window.timeline_model
    row = next(i for i, e in enumerate(_rows(model)) if e.match is MatchReason.SUBJECT)
    email = model.email_at(row)
    assert email is not None
    badges = badges_for(email)
    amber = [b for b in badges if b.style == "amber"]
    assert amber and amber[0].text == "Subject match?"
    tip = model.index(row).data(Qt.ItemDataRole.ToolTipRole)
    assert "Low confidence" in tip


def test_bounce_marks_contact_and_email(qtbot: QtBot, window: TimelineWindow) -> None:
    show(qtbot, window, "m.hoffmann@stadtwerke-nord.example")
    rows = _rows(window.timeline_model)
    assert any(e.kind is Kind.BOUNCE for e in rows)
    assert any(e.status == "bounced" for e in rows if e.direction is Direction.OUT)
    assert window.header.contact is not None and window.header.contact.bounced


def test_reading_pane_plain_text_then_sanitised_html(qtbot: QtBot, window: TimelineWindow) -> None:
    show(qtbot, window, "sarah.jenkins@northwind.example")
    e = window.selected_email()
    assert e is not None and e.body_html  # the newest one is the HTML reply
    pane = window.reading
    assert not pane.format_button.isChecked()
    text = pane.browser.toPlainText()
    assert "Good news: procurement approved" in text
    assert "<b>" not in text and "track()" not in text
    pane.format_button.setChecked(True)
    qtbot.waitUntil(lambda: "remote images blocked" in pane.blocked_label.text())
    html = pane.browser.toHtml()
    assert "track()" not in html and "javascript" not in html
    assert all(not u.startswith("file:") for u in pane.browser.blocked) or True


def test_lazy_loading_of_10000_emails(qtbot: QtBot, tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "big.sqlite3")
    big = Address("buyer@bigcorp.example", "Big Buyer")
    store._db.execute("PRAGMA synchronous=OFF")  # test speed only; the data is throw-away
    for n in range(10_000):
        store.record(EmailRecord(email=_email(n, big, thread=f"t{n // 4}"), contacts=[big]))
    store.close()
    with open_window(qtbot, tmp_path / "big.sqlite3") as w:
        qtbot.waitUntil(lambda: w.contact_model.rowCount() == 1)
        show(qtbot, w, big.email)
        model = w.timeline_model
        assert model.rowCount() == TimelineModel.PAGE
        assert model.total == 10_000
        assert model.canFetchMore()
        model.fetchMore()
        qtbot.waitUntil(lambda: model.rowCount() == 2 * TimelineModel.PAGE)
        rows = _rows(model)
        assert len({e.message_id for e in rows}) == len(rows)
        assert [e.date for e in rows] == sorted((e.date for e in rows), reverse=True)
        w.timeline_view.scrollToBottom()
        qtbot.waitUntil(lambda: model.rowCount() > 2 * TimelineModel.PAGE)
        w.show_email("<n9999@test.example>")  # the oldest: loaded down to it, then selected
        qtbot.waitUntil(
            lambda: (e := w.selected_email()) is not None and e.message_id == "<n9999@test.example>"
        )
        assert model.rowCount() == 10_000


def test_full_text_search_with_filters(qtbot: QtBot, window: TimelineWindow) -> None:
    bar = window.search_bar
    qtbot.keyClicks(bar.text, "Angebot")
    qtbot.waitUntil(lambda: window.results_model.rowCount() > 0)
    assert window.middle_stack.currentWidget() is window.results_view
    found = _rows(window.results_model)
    assert all("angebot" in (e.subject + e.body_text).lower() for e in found)
    assert {e.direction for e in found} == {Direction.IN, Direction.OUT}
    bar.direction.setCurrentIndex(2)  # received only
    qtbot.waitUntil(lambda: {e.direction for e in _rows(window.results_model)} == {Direction.IN})
    bar.until_check.setChecked(True)
    until = (NOW - timedelta(days=30)).date()
    bar.until.setDate(QDate(until.year, until.month, until.day))
    qtbot.waitUntil(
        lambda: all(e.date < NOW - timedelta(days=29) for e in _rows(window.results_model))
    )
    assert window.results_model.rowCount() >= 1
    bar.reset()
    qtbot.waitUntil(lambda: window.middle_stack.currentWidget() is not window.results_view)


def test_export_contact_as_mbox(qtbot: QtBot, window: TimelineWindow, tmp_path: Path) -> None:
    show(qtbot, window, "t.mueller@mueller-maschinenbau.example")
    target = tmp_path / "mueller.mbox"
    window.ask_export_path = lambda fmt, name: target if fmt == "mbox" else None
    window.header.exportRequested.emit("contact", "mbox")
    qtbot.waitUntil(target.exists)
    box = mailbox.mbox(target)
    try:
        messages = list(box)
    finally:
        box.close()
    assert len(messages) == 4
    assert all(m["Message-ID"] for m in messages)
    qtbot.waitUntil(lambda: "Exported 4 emails" in window.statusBar().currentMessage())


def test_forget_contact_after_confirming(
    qtbot: QtBot, window: TimelineWindow, demo_store: SQLiteStore
) -> None:
    show(qtbot, window, "anna.kowalski@gmail.example")
    window.header.forget_button.click()
    box = window.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    assert "anna.kowalski@gmail.example" in box.informativeText()
    assert "2 logged emails" in box.informativeText()
    forget = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    forget.click()
    qtbot.waitUntil(lambda: window.contact_model.rowCount() == 11)
    assert window.contact_model.row_of("anna.kowalski@gmail.example") == -1
    assert demo_store.contact("anna.kowalski@gmail.example") is None
    assert window.timeline_model.contact != "anna.kowalski@gmail.example"
    assert all(
        e.sender.email != "anna.kowalski@gmail.example" for e in _rows(window.timeline_model)
    )


def test_forget_cancel_keeps_contact(qtbot: QtBot, window: TimelineWindow) -> None:
    show(qtbot, window, "anna.kowalski@gmail.example")
    window.header.forget_button.click()
    box = window.findChild(QMessageBox)
    assert box is not None
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: not box.isVisible())
    window.reload_contacts()  # a forget would have been queued before this read
    qtbot.waitUntil(lambda: not window._executor.busy)
    assert window.contact_model.row_of("anna.kowalski@gmail.example") >= 0


def test_attachment_save_uses_a_sanitised_name(qtbot: QtBot, tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.sqlite3")
    them = Address("x@evil.example", "X")
    store.record(
        EmailRecord(
            email=_email(1, them),
            contacts=[them],
            blobs=[AttachmentBlob("../../etc/passwd", "text/plain", b"not really")],
        )
    )
    store.close()
    with open_window(qtbot, tmp_path / "s.sqlite3") as w:
        _save_attachment(qtbot, w, them, tmp_path)


def _save_attachment(qtbot: QtBot, w: TimelineWindow, them: Address, tmp_path: Path) -> None:
    qtbot.waitUntil(lambda: w.contact_model.rowCount() == 1)
    show(qtbot, w, them.email)
    e = w.selected_email()
    assert e is not None
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    asked: list[str] = []

    def ask(default: str) -> str:
        asked.append(default)
        return str(downloads / default)

    w.reading.ask_save_path = ask
    saved = w.reading.save_attachment(e.attachments[0])
    assert asked == ["passwd"]
    assert saved == downloads / "passwd"
    assert saved.read_bytes() == b"not really"
    # a hostile name typed into the dialog still cannot leave the chosen folder
    saved2 = w._files.save(e.attachments[0], downloads / "..\\..\\evil.sh")
    assert saved2.parent == downloads
    temp = w._files.temp_copy(e.attachments[0])
    assert temp.name == "passwd" and temp.read_bytes() == b"not really"
    w.close()
    assert not temp.exists()


def test_show_email_and_refresh_keep_selection(
    qtbot: QtBot, window: TimelineWindow, demo_store: SQLiteStore
) -> None:
    rows_before = demo_store.timeline("e.fischer@fischer-feinkost.example")
    target = rows_before[2]
    window.show_email(target.message_id)
    qtbot.waitUntil(
        lambda: (e := window.selected_email()) is not None and e.message_id == target.message_id
    )
    qtbot.waitUntil(lambda: window.header.contact is not None)
    assert window.header.contact is not None
    assert window.header.contact.email == "e.fischer@fischer-feinkost.example"
    sel = window.selected_email()
    assert sel is not None and sel.message_id == target.message_id
    assert window.reading.email is not None
    assert window.reading.email.message_id == target.message_id
    fischer = Address("e.fischer@fischer-feinkost.example", "Emma Fischer")
    new = _email(
        77,
        fischer,
        subject="AW: Installation",
        when=NOW + timedelta(hours=1),
        thread=target.thread_id,
    )
    demo_store.record(EmailRecord(email=new, contacts=[fischer]))
    # no refresh() call: the window notices the other connection's write by itself
    qtbot.waitUntil(
        lambda: (
            (e := window.timeline_model.email_at(0)) is not None and e.message_id == new.message_id
        ),
        timeout=5000,
    )
    sel = window.selected_email()
    assert sel is not None and sel.message_id == target.message_id
    qtbot.waitUntil(
        lambda: (c := window.contact_model.contact_at(0)) is not None and c.email == fischer.email
    )


def test_signals_for_compose_and_reply(qtbot: QtBot, window: TimelineWindow) -> None:
    show(qtbot, window, "marco.rossi@tailspin.example")
    with qtbot.waitSignal(window.composeRequested) as got:
        window.header.compose_button.click()
    assert got.args == ["marco.rossi@tailspin.example"]
    e = window.selected_email()
    assert e is not None
    with qtbot.waitSignal(window.replyRequested) as got:
        window.reading.reply_button.click()
    assert got.args == [e.message_id]


def test_empty_store_shows_friendly_empty_states(qtbot: QtBot, tmp_path: Path) -> None:
    SQLiteStore(tmp_path / "empty.sqlite3").close()
    with open_window(qtbot, tmp_path / "empty.sqlite3") as w:
        qtbot.waitUntil(lambda: w.contacts_stack.currentWidget() is w.contacts_empty)
        assert w.middle_stack.currentWidget() is w.timeline_empty
        assert "No replies logged yet" in w.timeline_empty.text()


def test_keyboard_ctrl_f_focuses_contact_search(qtbot: QtBot, window: TimelineWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.timeline_view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.contact_filter.hasFocus)
    qtbot.keyClick(window.contact_filter, Qt.Key.Key_Down)
    assert window.contact_view.hasFocus()

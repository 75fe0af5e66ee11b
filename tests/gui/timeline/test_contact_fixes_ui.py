"""Fixing contacts from the timeline window (issue 8.8), on a real SQLite store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from factories import record
from qtstore import open_window, settled, show
from replytrail.core.models import MatchReason
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.ui.timeline.contact_edit import ContactEditDialog, MergeDialog
from replytrail.ui.timeline.extras import TimelineExtras
from replytrail.ui.timeline.window import TimelineWindow

pytestmark = pytest.mark.gui

A, B = "emma@firma.example", "e.fischer@gmail.com"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(tmp_path / "store.sqlite3")
    s.record(record(1, "t1", contact=A, direction="out"))
    s.record(record(2, "t1", contact=A, match="subject", subject="AW: Angebot Fräsmaschine"))
    s.record(record(3, "t2", contact=B, subject="Privat"))
    yield s
    s.close()


@pytest.fixture
def extras(qtbot: QtBot, store: SQLiteStore) -> Iterator[TimelineExtras]:
    """The tool row on a timeline window (as app/firstweek.py adds it), contact A open."""
    with open_window(qtbot, store.path) as w:
        extras = TimelineExtras(w, w._executor, lambda: 3)
        qtbot.waitUntil(lambda: w.contact_model.rowCount() == 2)
        show(qtbot, w, A)
        qtbot.waitUntil(lambda: w.timeline_model.rowCount() == 2)
        yield extras


@pytest.fixture
def window(extras: TimelineExtras) -> TimelineWindow:
    return extras.window


def test_edit_name_and_company(
    qtbot: QtBot, window: TimelineWindow, extras: TimelineExtras, store: SQLiteStore
) -> None:
    tools = extras.tools
    assert tools.edit_action.isEnabled() and tools.merge_action.isEnabled()
    tools.edit_action.trigger()
    d = extras.dialog
    assert isinstance(d, ContactEditDialog)
    d.name.setText("Emma Fischer")
    d.company.setText("Fischer & Söhne")
    d.accept()
    qtbot.waitUntil(lambda: (c := store.contact(A)) is not None and c.name == "Emma Fischer")
    qtbot.waitUntil(lambda: "Emma Fischer" in window.windowTitle())
    c = store.contact(A)
    assert c is not None and c.company == "Fischer & Söhne"


def test_merge_two_contacts(
    qtbot: QtBot, window: TimelineWindow, extras: TimelineExtras, store: SQLiteStore
) -> None:
    extras.tools.merge_action.trigger()
    qtbot.waitUntil(lambda: isinstance(getattr(extras, "dialog", None), MergeDialog))
    d = extras.dialog
    assert isinstance(d, MergeDialog) and d.other() == B and d.choice.count() == 1
    d.accept()
    qtbot.waitUntil(lambda: window.contact_model.rowCount() == 1)
    qtbot.waitUntil(lambda: window.timeline_model.rowCount() == 3)
    assert store.contact(B) is None


def test_confirm_and_unlink_an_email(
    qtbot: QtBot, window: TimelineWindow, extras: TimelineExtras, store: SQLiteStore
) -> None:
    tools, view = extras.tools, window.timeline_view
    row = window.timeline_model.row_of("<m2@example.test>")
    view.setCurrentIndex(window.timeline_model.index(row))
    assert tools.unlink_action.isEnabled() and tools.confirm_action.isEnabled()
    tools.confirm_action.trigger()
    qtbot.waitUntil(
        lambda: (
            (e := store.email("<m2@example.test>")) is not None and e.match is MatchReason.CONFIRMED
        )
    )
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Match confirmed.")
    qtbot.waitUntil(lambda: settled(window))  # the window reloaded the confirmed row
    view.setCurrentIndex(
        window.timeline_model.index(window.timeline_model.row_of("<m1@example.test>"))
    )
    assert not tools.confirm_action.isEnabled()  # not a subject match
    tools.unlink_action.trigger()
    box = extras.dialog
    assert isinstance(box, QMessageBox) and "Angebot" in box.text()
    qtbot.mouseClick(extras.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: store.email("<m1@example.test>") is None)
    qtbot.waitUntil(lambda: window.timeline_model.rowCount() == 1)
    assert store.has_message("<m1@example.test>")  # remembered: never logged again


def test_contact_right_click_menu_offers_the_fixes(
    qtbot: QtBot, window: TimelineWindow, extras: TimelineExtras, store: SQLiteStore
) -> None:
    view = window.contact_view
    row = next(
        i
        for i in range(window.contact_model.rowCount())
        if (c := window.contact_model.contact_at(i)) is not None and c.email == B
    )
    menu = window.menus.contact_menu(view, window.contact_model.index(row))
    assert menu is not None
    entries = {a.text(): a for a in menu.actions() if a.text()}
    assert {
        "Bring in all emails with this contact…",
        "Edit name and company…",
        "Merge with another contact…",
    } <= set(entries)
    with qtbot.waitSignal(extras.importRequested) as wanted:
        entries["Bring in all emails with this contact…"].trigger()
    assert wanted.args == [B]  # the right-clicked contact, not the open one (A)
    entries["Edit name and company…"].trigger()
    qtbot.waitUntil(lambda: isinstance(extras.dialog, ContactEditDialog))
    d = extras.dialog
    assert isinstance(d, ContactEditDialog) and d.name.text() == "Kunde"
    d.company.setText("Fischer privat")
    d.accept()
    qtbot.waitUntil(lambda: (c := store.contact(B)) is not None and c.company == "Fischer privat")

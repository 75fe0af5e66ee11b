"""The "Awaiting reply" view of the timeline window on a real SQLite store (SPEC §16)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from factories import record
from qtstore import open_window, show
from replytrail.core.store.followups import FollowUps
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.ui.timeline.extras import TimelineExtras
from replytrail.ui.timeline.window import TimelineWindow

pytestmark = pytest.mark.gui


def add(store: SQLiteStore, n: int, thread: str, direction: str, contact: str, ago: float) -> str:
    rec = record(n, thread, direction=direction, contact=contact, subject=f"Angebot {thread}")
    rec.email.date = datetime.now(UTC) - timedelta(days=ago)
    store.record(rec)
    return rec.email.message_id


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(tmp_path / "store.sqlite3")
    add(s, 1, "t1", "out", "a@firma.example", 10)
    add(s, 2, "t2", "out", "b@firma.example", 20)
    add(s, 3, "t2", "in", "b@firma.example", 19)  # answered
    add(s, 4, "t3", "out", "c@kunde.example", 14)
    add(s, 5, "t4", "out", "d@firma.example", 0.1)  # too recent
    yield s
    s.close()


@pytest.fixture
def extras(qtbot: QtBot, store: SQLiteStore) -> Iterator[TimelineExtras]:
    """The tool row and awaiting page on a timeline window (as app/firstweek.py adds them)."""
    with open_window(qtbot, store.path) as w:
        extras = TimelineExtras(w, w._executor, lambda: 3)
        qtbot.waitUntil(lambda: w.contact_model.rowCount() == 4)
        yield extras


@pytest.fixture
def window(extras: TimelineExtras) -> TimelineWindow:
    return extras.window


def _item(tree: QTreeWidget, row: int) -> QTreeWidgetItem:
    item = tree.topLevelItem(row)
    assert item is not None
    return item


def _rows(extras: TimelineExtras) -> list[tuple[str, str]]:
    tree = extras.page.tree
    return [
        (_item(tree, i).toolTip(0), _item(tree, i).text(1)) for i in range(tree.topLevelItemCount())
    ]


def test_awaiting_view_oldest_first_and_its_actions(
    qtbot: QtBot, window: TimelineWindow, extras: TimelineExtras, store: SQLiteStore
) -> None:
    w, tools, page = window, extras.tools, extras.page
    qtbot.waitUntil(lambda: tools.awaiting_button.text() == "Awaiting reply (2)")
    qtbot.mouseClick(tools.awaiting_button, Qt.MouseButton.LeftButton)
    assert w.middle_stack.currentWidget() is page and not w.header_stack.isVisible()
    qtbot.waitUntil(lambda: len(_rows(extras)) == 2)
    assert _rows(extras) == [("c@kunde.example", "Angebot t3"), ("a@firma.example", "Angebot t1")]
    assert _item(page.tree, 0).text(0) == "Kunde"  # the name, the address as tooltip
    assert _item(page.tree, 0).text(2).endswith("working days")
    page.tree.setCurrentItem(_item(page.tree, 0))
    assert w.reading.subject.text() == "Angebot t3"
    assert page.remind_button.isEnabled()
    page.remind_selected(timedelta(days=1))
    qtbot.waitUntil(lambda: _item(page.tree, 0).text(3) != "")
    assert "<m4@example.test>" in FollowUps(store).reminders()
    assert "Reminder set for" in w.statusBar().currentMessage()
    page.tree.setCurrentItem(_item(page.tree, 1))
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)  # "No reply needed"
    qtbot.waitUntil(lambda: _rows(extras) == [("c@kunde.example", "Angebot t3")])
    assert tools.awaiting_button.text() == "Awaiting reply (1)"
    # the customer answers: after the refresh the view is empty
    add(store, 6, "t3", "in", "c@kunde.example", 1)  # by another connection, as the engine
    w._changes.note()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.empty)
    assert tools.awaiting_button.text() == "Awaiting reply"


def test_open_contact_leaves_the_view(
    qtbot: QtBot, window: TimelineWindow, extras: TimelineExtras
) -> None:
    w, tools, page = window, extras.tools, extras.page
    tools.awaiting_button.setChecked(True)
    qtbot.waitUntil(lambda: len(_rows(extras)) == 2)
    page.tree.setCurrentItem(_item(page.tree, 1))
    with qtbot.waitSignal(w.contactShown) as shown:
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert shown.args == ["a@firma.example"] and not tools.awaiting_button.isChecked()
    assert w.header_stack.isVisible() and w.middle_stack.currentWidget() is w.timeline_view
    assert w.header.contact is not None and w.header.contact.email == "a@firma.example"
    # a search also leaves it
    tools.awaiting_button.setChecked(True)
    w.search_bar.text.setText("Angebot")
    qtbot.waitUntil(lambda: not tools.awaiting_button.isChecked(), timeout=5000)


def test_import_requests_from_the_tool_row(
    qtbot: QtBot, window: TimelineWindow, extras: TimelineExtras
) -> None:
    tools = extras.tools
    with qtbot.waitSignal(extras.importRequested) as all_of_them:
        tools.import_action.trigger()
    assert all_of_them.args == [""]
    show(qtbot, window, "c@kunde.example")
    qtbot.waitUntil(lambda: tools.import_contact_action.isEnabled())
    with qtbot.waitSignal(extras.importRequested) as one:
        tools.import_contact_action.trigger()
    assert one.args == ["c@kunde.example"]

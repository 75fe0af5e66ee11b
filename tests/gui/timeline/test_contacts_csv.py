"""Export › All contacts as CSV: the file a CRM imports, written off the GUI thread."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from qtstore import show
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.ui.timeline.window import TimelineWindow

pytestmark = pytest.mark.gui
PRIYA = "priya.raman@contoso.example"


def test_all_contacts_as_csv_from_the_export_menu(
    qtbot: QtBot, window: TimelineWindow, demo_store: SQLiteStore, tmp_path: Path
) -> None:
    show(qtbot, window, PRIYA)
    target = tmp_path / "kontakte.csv"
    asked: list[str] = []

    def ask_export_path(fmt: str, name: str) -> Path:
        asked.append(fmt)
        return target

    window.ask_export_path = ask_export_path
    window.header.csv_action.trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    qtbot.waitUntil(lambda: "contacts to" in window.statusBar().currentMessage())
    assert asked == ["csv"]
    with target.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    expected = {c.email for c in demo_store.contacts(limit=10_000) if c.emails}
    assert {r["email"] for r in rows} == expected
    priya = next(r for r in rows if r["email"] == PRIYA)
    contact = demo_store.contact(PRIYA)
    assert contact is not None
    assert priya["name"] and int(priya["emails"]) == contact.emails
    assert not list(tmp_path.glob(".*.tmp"))

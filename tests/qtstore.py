"""The timeline window as the app builds it, on a real SQLite file: store executor, changes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pytestqt.qtbot import QtBot

from replytrail.core.store.sqlite import SQLiteStore
from replytrail.qt.changes import StoreChanges
from replytrail.qt.jobs import StoreExecutor
from replytrail.ui.reading.files import BlobAttachments
from replytrail.ui.timeline.window import TimelineWindow


@contextmanager
def store_executor(db: Path) -> Iterator[StoreExecutor[SQLiteStore]]:
    executor = StoreExecutor(lambda: SQLiteStore(db, db.parent / "attachments"))
    try:
        yield executor
    finally:
        executor.close()


@contextmanager
def open_window(qtbot: QtBot, db: Path) -> Iterator[TimelineWindow]:
    """A shown timeline window over *db*, closed (and its executor stopped) afterwards."""
    with store_executor(db) as executor:
        changes = StoreChanges(executor)
        w = TimelineWindow(executor, changes, BlobAttachments(db.parent / "attachments"))
        qtbot.addWidget(w)
        w.show()
        try:
            yield w
        finally:
            w.close()


def show(qtbot: QtBot, w: TimelineWindow, email: str, timeout: int = 10_000) -> None:
    """Open *email*'s timeline and wait until it is loaded."""
    if w.timeline_model.contact.lower() == email.lower() and not w.timeline_model.busy:
        return
    with qtbot.waitSignal(
        w.contactShown, timeout=timeout, check_params_cb=lambda c: c.lower() == email.lower()
    ):
        w.show_contact(email)


def settled(w: TimelineWindow) -> bool:
    """Nothing the window asked of the store is still on its way (a fix's reload included):
    what it shows now stays until something else changes."""
    return not w._executor.busy and not w.timeline_model.busy

"""The timeline tests' demo store and window (as the app builds it), as of a fixed "now"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from qtstore import open_window
from replytrail.app.demo import build_demo_data
from replytrail.app.i18n import install_translators
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.ui.timeline.window import TimelineWindow

NOW = datetime(2026, 6, 30, 12, 0, tzinfo=UTC)


@pytest.fixture
def demo_store(tmp_path: Path, qapp: object) -> Iterator[SQLiteStore]:
    install_translators("en")
    build_demo_data(tmp_path / "demo", now=NOW)
    store = SQLiteStore(tmp_path / "demo" / "replytrail.sqlite3", tmp_path / "demo" / "attachments")
    yield store
    store.close()


@pytest.fixture
def window(qtbot: QtBot, demo_store: SQLiteStore) -> Iterator[TimelineWindow]:
    with open_window(qtbot, demo_store.path) as w:
        qtbot.waitUntil(lambda: w.contact_model.rowCount() == 12)
        yield w

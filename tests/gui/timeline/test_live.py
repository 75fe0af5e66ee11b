"""The open timeline follows the store: engine bursts, other processes, forgetting."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal
from pytestqt.qtbot import QtBot

from factories import record
from qtstore import open_window, show
from replytrail.core.paths import resolve_paths
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.qt.changes import StoreChanges
from servers.cli import Cli

pytestmark = pytest.mark.gui

CUSTOMER = "kunde@firma.example"


class LagProbe(QObject):
    """A 10 ms timer on the GUI thread. Between two ticks the event loop did other work: the
    GUI thread's CPU time in that gap is how long the app itself blocked it (the wall-clock
    gap also holds the time the OS gave other processes: on a loaded 2-core CI machine an
    idle Qt app already sees 60 ms gaps)."""

    INTERVAL_MS = 10

    def __init__(self) -> None:
        super().__init__()
        self.worst_ms = 0.0  # the GUI thread's CPU time in the longest-working gap
        self.worst_wall_ms = 0
        self._clock = QElapsedTimer()
        self._cpu = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._clock.start()
        self._cpu = time.thread_time()
        self._timer.start()

    def _tick(self) -> None:
        cpu = time.thread_time()
        self.worst_ms = max(self.worst_ms, (cpu - self._cpu) * 1000)
        self.worst_wall_ms = max(self.worst_wall_ms, self._clock.restart())
        self._cpu = cpu

    def stop(self) -> float:
        self._timer.stop()
        return self.worst_ms


class Engineish(QObject):
    """Announces each committed email from the writer thread, as the engine adapter does
    (a queued signal per email)."""

    logged = Signal()


def _seed(db: Path, n: int) -> None:
    store = SQLiteStore(db)
    for i in range(n):
        store.record(record(i, f"t{i // 3}"))
    store.close()


def test_burst_of_500_refreshes_a_few_times_and_never_blocks(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "replytrail.sqlite3"
    _seed(db, 150)
    with open_window(qtbot, db) as w:
        show(qtbot, w, CUSTOMER)
        model, view = w.timeline_model, w.timeline_view
        view.setCurrentIndex(model.index(60))  # the user reads an older email, scrolled down
        view.scrollTo(model.index(60))
        chosen = w.selected_email()
        assert chosen is not None
        top_before = view.indexAt(view.viewport().rect().topLeft()).row()
        changes = w._changes
        assert isinstance(changes, StoreChanges)
        engine = Engineish()
        engine.logged.connect(changes.note)
        refreshes_before, loaded_before = w.refreshes, model.rowCount()
        probe = LagProbe()
        probe.start()

        def catch_up() -> None:  # the engine's own connection, on its own thread
            store = SQLiteStore(db)
            for i in range(1000, 1500):
                store.record(record(i, f"new{i // 5}"))
                engine.logged.emit()
            store.close()

        writer = threading.Thread(target=catch_up)
        writer.start()
        qtbot.waitUntil(lambda: not writer.is_alive(), timeout=120_000)
        writer.join()
        qtbot.waitUntil(
            lambda: model.total == 650 and model.rowCount() == loaded_before + 500,
            timeout=10_000,
        )
        worst = probe.stop()
        refreshes = w.refreshes - refreshes_before
        assert model.rowCount() == loaded_before + 500  # all new rows are in, at the top
        newest = model.email_at(0)
        assert newest is not None and newest.message_id == "<m1499@example.test>"
        sel = w.selected_email()
        assert sel is not None and sel.message_id == chosen.message_id
        # the rows the user was looking at are still the ones in view
        top_now = view.indexAt(view.viewport().rect().topLeft()).row()
        assert top_now == top_before + 500
        assert 1 <= refreshes <= 40, refreshes  # coalesced: not 500
        assert worst < 100, f"the GUI thread was busy for {worst:.0f} ms in one go"
        assert probe.worst_wall_ms < 2000  # and the loop kept turning


def test_another_process_writes_and_forgets(qtbot: QtBot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    paths = resolve_paths(data)
    paths.ensure()
    _seed(paths.store_file, 3)
    with open_window(qtbot, paths.store_file) as w:
        show(qtbot, w, CUSTOMER)
        assert w.timeline_model.rowCount() == 3
        script = (
            "import sys; sys.path.insert(0, sys.argv[2]);"
            "from pathlib import Path; from factories import record;"
            "from replytrail.core.store.sqlite import SQLiteStore;"
            "s = SQLiteStore(Path(sys.argv[1])); s.record(record(50, 'x')); s.close()"
        )
        tests_dir = str(Path(__file__).resolve().parents[2])
        subprocess.run([sys.executable, "-c", script, str(paths.store_file), tests_dir], check=True)
        t0 = time.monotonic()
        qtbot.waitUntil(lambda: w.timeline_model.rowCount() == 4, timeout=5000)
        assert time.monotonic() - t0 < 1.5  # "within a second" plus a loaded machine's slack
        newest = w.timeline_model.email_at(0)
        assert newest is not None and newest.message_id == "<m50@example.test>"
        Cli(data).ok("forget", CUSTOMER)  # the command line, in its own process
        qtbot.waitUntil(lambda: w.contact_model.rowCount() == 0, timeout=5000)
        qtbot.waitUntil(lambda: w.timeline_model.rowCount() == 0, timeout=5000)
        assert w.contacts_stack.currentWidget() is w.contacts_empty


def test_no_polling_while_no_window_is_open(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "replytrail.sqlite3"
    _seed(db, 1)
    with open_window(qtbot, db) as w:
        changes = w._changes

        def polling() -> bool:  # a call: mypy keeps no narrowing across hide() and show()
            return changes.polling

        assert polling()
        w.hide()
        assert not polling()
        w.show()
        assert polling()

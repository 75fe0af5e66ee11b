"""Background results reach the GUI thread only while the window that asked still exists:
a dialog closed during a job, or a window closed during a store read, never crashes."""

from __future__ import annotations

import gc
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QThread, QTimer
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from replytrail.core.store.sqlite import SQLiteStore
from replytrail.qt.collector import GuiThreadCollector
from replytrail.qt.jobs import Jobs, StoreExecutor

pytestmark = pytest.mark.gui


def test_a_job_answers_on_the_gui_thread(qtbot: QtBot) -> None:
    jobs = Jobs()
    seen: list[tuple[int, bool]] = []
    jobs.run(
        lambda: 41 + 1, lambda r: seen.append((r, QThread.currentThread().isMainThread())), print
    )
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [(42, True)]
    jobs.shutdown()


def test_a_jobs_callbacks_are_let_go_on_the_gui_thread(qtbot: QtBot) -> None:
    """Callbacks often hold widgets: the pool thread never holds them, so it can never be
    the one that frees them (a widget freed on a worker thread crashes Qt)."""
    freed_on: list[str] = []
    answered: list[int] = []

    class Answer:  # stands for a slot closure that holds a window
        def __call__(self, n: int) -> None:
            answered.append(n)

        def __del__(self) -> None:
            freed_on.append(threading.current_thread().name)

    jobs = Jobs()
    for n in range(20):
        jobs.run(lambda n=n: n, Answer(), print)  # type: ignore[misc]
    qtbot.waitUntil(lambda: len(answered) == 20)
    jobs._pool.shutdown(wait=True)  # every pool thread has let go of its work
    gc.collect()
    assert sorted(answered) == list(range(20))
    assert freed_on == ["MainThread"] * 20
    jobs.shutdown()


def test_a_dialog_closed_while_its_jobs_run_hears_nothing(qtbot: QtBot) -> None:
    """The wizard's case: its job pool is its child; the user closes it mid-check."""
    answers: list[int] = []
    release = threading.Event()
    for _ in range(10):
        dialog = QDialog()
        jobs = Jobs(parent=dialog)
        for n in range(3):

            def answer(n: int = n) -> int:
                return release.wait(5) and n

            jobs.run(answer, answers.append, print)
        dialog.deleteLater()
        del dialog, jobs
    qtbot.wait(20)
    gc.collect()
    release.set()  # the jobs finish after their owner is gone
    time.sleep(0.2)
    qtbot.wait(100)
    assert answers == []


def test_closing_the_store_executor_drops_late_answers(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    SQLiteStore(db).close()
    executor = StoreExecutor(lambda: SQLiteStore(db))
    got: list[object] = []

    def slow_contacts(s: SQLiteStore) -> object:
        time.sleep(0.2)
        return s.contacts("", 10)

    executor.submit(slow_contacts, got.append)
    executor.close()  # waits for the running job; its answer is not delivered
    qtbot.wait(50)
    assert got == [] and not executor.busy


def test_cycles_are_freed_on_the_gui_thread_only(qtbot: QtBot) -> None:
    """The app's collector (qt/collector.py): a worker thread that makes garbage cycles never
    frees them itself; the GUI thread does, when its event loop is next about to sleep."""
    freed_on: list[str] = []

    class Node:
        def __init__(self) -> None:
            self.me = self  # a cycle: only the cycle collector frees it

        def __del__(self) -> None:
            freed_on.append(threading.current_thread().name)

    gc.enable()  # as at start-up, before the app takes the collector over
    collector = GuiThreadCollector()
    collector.start()
    try:
        assert not gc.isenabled()

        def churn() -> None:
            for _ in range(3000):
                Node()
            _ = [[] for _ in range(20_000)]  # what would trigger an automatic collection

        worker = threading.Thread(target=churn, name="worker")
        worker.start()
        worker.join()
        assert freed_on == []
        loop = QEventLoop()  # the app's loop: it goes to sleep once the work is done
        QTimer.singleShot(300, loop.quit)
        loop.exec()
        assert len(freed_on) == 3000
        assert set(freed_on) == {threading.main_thread().name}
    finally:
        collector.stop()
        gc.disable()  # the test run's own rule (tests/conftest.py)

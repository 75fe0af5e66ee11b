"""Hostile HTML and text never block the window: the event loop is timed while they render."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from replytrail.ui.reading.html import SafeMailBrowser, sanitize_html
from replytrail.ui.reading.limits import MAX_TABLE_DEPTH, bound_html

pytestmark = pytest.mark.gui

#: the longest the GUI thread may be busy at a stretch (issue 14.3)
BLOCK_LIMIT_S = 0.100


def _nested_tables(depth: int) -> str:
    return "<table><tr><td>" * depth + "deep" + "</td></tr></table>" * depth


CUT = "This email is shortened here for display."
HOSTILE_793_BYTES = (
    "<html><body><p>Hi,</p>" + _nested_tables(24) + "<p>see you</p></body></html>"
).ljust(793)
SHAPES: dict[str, tuple[str, bool, str]] = {
    "24 nested tables (793 bytes)": (HOSTILE_793_BYTES, True, "deep"),
    "5,000 nested divs": ("<div>" * 5000 + "bottom" + "</div>" * 5000, True, "bottom"),
    "50,000 attributes": (
        "<p " + " ".join(f'a{i}="{i}"' for i in range(50_000)) + ">attrs</p>",
        True,
        "attrs",
    ),
    "1 MB in one line": ("<p>" + "word " * 200_000 + "end</p>", True, CUT),
    "2,000 table rows": (
        "<table>" + "<tr><td>cell</td><td>more</td></tr>" * 2000 + "</table><p>rows</p>",
        True,
        "rows",
    ),
    "1 MB plain text line": ("word " * 200_000 + "tail", False, CUT),
}


class Heartbeat:
    """A 5 ms timer on the GUI thread. Between two beats the thread did one stretch of work
    without returning to the event loop: its length in the thread's own CPU time is the
    block (wall time would also count the other engineers' processes on a shared machine;
    it is printed too)."""

    def __init__(self) -> None:
        self.longest = 0.0  # GUI-thread CPU seconds between two beats
        self.longest_wall = 0.0
        self._last = (time.thread_time(), time.perf_counter())
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        now = (time.thread_time(), time.perf_counter())
        self.longest = max(self.longest, now[0] - self._last[0])
        self.longest_wall = max(self.longest_wall, now[1] - self._last[1])
        self._last = now

    def measure(self, qtbot: QtBot, action: Callable[[], None], settle_ms: int) -> float:
        self._timer.start()
        qtbot.wait(50)
        self.longest = self.longest_wall = 0.0
        self._last = (time.thread_time(), time.perf_counter())
        action()
        qtbot.wait(settle_ms)
        self._timer.stop()
        self._beat()
        return self.longest


@pytest.mark.parametrize("name", list(SHAPES))
def test_hostile_body_never_blocks_the_window(qtbot: QtBot, name: str) -> None:
    body, is_html, marker = SHAPES[name]
    browser = SafeMailBrowser()
    qtbot.addWidget(browser)
    browser.resize(700, 500)
    browser.show()
    qtbot.waitExposed(browser)
    beat = Heartbeat()
    rendered: list[bool] = []
    browser.rendered.connect(lambda: rendered.append(True))

    def show() -> None:
        if is_html:
            browser.show_html(body, "fallback text")
        else:
            browser.show_text(body)

    def show_and_paint() -> None:
        show()
        qtbot.waitUntil(lambda: bool(rendered), timeout=60_000)
        browser.viewport().repaint()
        browser.verticalScrollBar().setValue(browser.verticalScrollBar().maximum())
        browser.viewport().repaint()

    longest = beat.measure(qtbot, show_and_paint, settle_ms=300)
    print(
        f"\n{name}: longest block of the GUI thread {longest * 1000:.0f} ms CPU"
        f" ({beat.longest_wall * 1000:.0f} ms wall on this machine)"
    )
    assert marker in browser.toPlainText(), "the text (or the note that it is cut) must show"
    assert longest < BLOCK_LIMIT_S


def test_deep_tables_are_flattened_and_keep_their_text() -> None:
    bounded = bound_html(sanitize_html(_nested_tables(24)))
    assert bounded.count("<table>") == MAX_TABLE_DEPTH
    assert "deep" in bounded
    shallow = sanitize_html(_nested_tables(3))
    assert bound_html(shallow).count("<table>") == 3  # ordinary layouts are untouched


def test_late_document_falls_back_to_text(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the budget the plain text is shown; the late document is dropped."""
    import replytrail.ui.reading.html as html_module

    monkeypatch.setattr(html_module, "RENDER_BUDGET_MS", 1)
    browser = SafeMailBrowser()
    qtbot.addWidget(browser)
    with qtbot.waitSignal(browser.rendered, timeout=10_000):
        browser.show_html("<table>" + "<tr><td>c</td></tr>" * 3000 + "</table>", "the text")
    assert browser.toPlainText() == "the text"
    qtbot.wait(1500)  # the worker's document arrives and must not replace the text
    assert browser.toPlainText() == "the text"


def test_closing_while_emails_render_in_the_background_is_safe(qtbot: QtBot) -> None:
    """The user flicks through emails and closes the window while bodies still render: the
    late documents are dropped, nothing crashes, and a new pane still renders."""
    html = "<html><body>" + "<table><tr><td>cell</td></tr></table>" * 3000 + "<p>late</p>"
    for _ in range(12):
        view = SafeMailBrowser()
        view.show_html(html)  # a render thread starts
        view.deleteLater()  # ... and the pane is gone before it is done
    qtbot.waitUntil(
        lambda: not any(t.name == "render" for t in threading.enumerate()), timeout=30_000
    )
    qtbot.wait(50)  # the relay hands the late documents on: to nobody
    gc.collect()
    fresh = SafeMailBrowser()
    qtbot.addWidget(fresh)
    with qtbot.waitSignal(fresh.rendered, timeout=30_000):
        fresh.show_html("<p>Guten Tag</p>" + "<p>x</p>" * 2000)
    assert "Guten Tag" in fresh.toPlainText()

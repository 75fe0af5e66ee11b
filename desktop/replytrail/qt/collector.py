"""Python's cycle collector runs on the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate: an engine or
render thread may then free a cycle that holds a Qt object (a dialog and a slot that
refers to it) and destroy that object on the wrong thread — a crash, not an exception.
The well-known remedy of PyQt/PySide applications (pyqtgraph, Spyder, OpenCue): switch the
automatic collector off and collect on the GUI thread, by generation, when the counts pass
the usual thresholds. Those apps use a timer; here the check runs when the GUI thread's
event loop is about to sleep, so an idle tray app is never woken up for it.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QAbstractEventDispatcher, QObject, QThread

__all__ = ["GuiThreadCollector", "collect_due"]


def collect_due(threshold: tuple[int, int, int]) -> int:
    """Collect the generations whose counts passed *threshold* (what the automatic collector
    would have done by now); returns the generation collected, or -1 for none."""
    c0, c1, c2 = gc.get_count()
    t0, t1, t2 = threshold
    if c0 <= t0:
        return -1
    # as CPython does on allocation: the oldest generation whose count passed its threshold
    generation = 2 if c2 > t2 else 1 if c1 > t1 else 0
    gc.collect(generation)
    return generation


class GuiThreadCollector(QObject):
    """Owns the cycle collector while the app runs: ``start()`` on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        g0, g1, g2 = gc.get_threshold()
        self._threshold = (max(g0, 1), max(g1, 1), max(g2, 1))
        self._dispatcher: QAbstractEventDispatcher | None = None

    def start(self) -> None:
        dispatcher = QAbstractEventDispatcher.instance(QThread.currentThread())
        assert dispatcher is not None, "start the collector on the GUI thread, in the app"
        gc.disable()
        dispatcher.aboutToBlock.connect(self.check)
        self._dispatcher = dispatcher

    def stop(self) -> None:
        if self._dispatcher is not None:
            self._dispatcher.aboutToBlock.disconnect(self.check)
            self._dispatcher = None
        gc.enable()

    def check(self) -> int:
        return collect_due(self._threshold)

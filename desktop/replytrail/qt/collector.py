"""Python's cycle collector runs on the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate: an engine or
render thread may then free a cycle that holds a Qt object (a dialog and a slot that
refers to it) and destroy that object on the wrong thread — a crash, not an exception.
The well-known remedy of PyQt/PySide applications (pyqtgraph, Spyder, OpenCue): switch the
automatic collector off and collect from a timer on the GUI thread, by generation, when
the counts pass the usual thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

__all__ = ["GuiThreadCollector", "collect_due"]

INTERVAL_MS = 1000


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
        self._threshold = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def check(self) -> int:
        g0, g1, g2 = self._threshold
        return collect_due((max(g0, 1), max(g1, 1), max(g2, 1)))

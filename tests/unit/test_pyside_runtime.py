"""The installed PySide6 must not leak references to None (6.12.0 on Python 3.11 does)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_keep_none_alive() -> None:
    o = QObject()
    before = sys.getrefcount(None)
    for _ in range(5000):
        o.setObjectName("x")
    assert sys.getrefcount(None) >= before - 10, "this PySide6 build loses references to None"

"""The one way a worker thread hands a result to the GUI thread.

A thread must never emit on an object a window owns: the window may be deleted while the
thread runs, and an emit racing that deletion is a use-after-free (a crash, not an
exception). Workers post to ONE relay object instead, which lives in the GUI thread for the
whole process; on the GUI thread the relay calls the owner's method only if the owner still
exists. What the worker holds of the owner is a weak reference, so the worker never drops
the last reference to a Qt object either (that would destroy it on the wrong thread).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

__all__ = ["GuiRelay", "Posted", "dispose", "make_poster"]

#: what a worker calls: ``post(*args)`` runs the method on the GUI thread, or nothing
Posted = Callable[..., None]


class GuiRelay(QObject):
    """Lives in the GUI thread until the process ends. Signals: ``call(object)`` internal."""

    call = Signal(object)  # (weak method, args, dropped)
    _instance: GuiRelay | None = None

    def __init__(self) -> None:
        super().__init__()
        self.call.connect(self._run)

    @classmethod
    def get(cls) -> GuiRelay:
        """The relay; the first call must come from the GUI thread (an owner's __init__)."""
        if cls._instance is None:
            app = QCoreApplication.instance()
            assert app is None or QThread.currentThread() is app.thread(), "GUI thread only"
            cls._instance = cls()
        return cls._instance

    @staticmethod
    def _run(item: tuple[weakref.WeakMethod[Callable[..., Any]], tuple[Any, ...], Posted]) -> None:
        method, args, dropped = item
        fn = method()
        owner = getattr(fn, "__self__", None)
        if fn is None or (isinstance(owner, QObject) and not shiboken6.isValid(owner)):
            dropped(*args)
            return
        fn(*args)


def _nothing(*_args: Any) -> None:
    pass


def make_poster(method: Callable[..., Any], dropped: Posted = _nothing) -> Posted:
    """A function any thread may call with *method*'s arguments: *method* (a bound method of
    a GUI-thread object) then runs on the GUI thread, unless its object is gone by then —
    then ``dropped(*args)`` runs there instead (to dispose of what the worker made)."""
    relay = GuiRelay.get()
    weak = weakref.WeakMethod(method)

    def post(*args: Any) -> None:
        relay.call.emit((weak, args, dropped))

    return post


def dispose(obj: object) -> None:
    """Delete a Qt object a worker made, on the GUI thread: it is handed to the relay first
    (Qt owns it from then on), so a worker still holding the last Python reference cannot
    destroy it on its own thread."""
    if isinstance(obj, QObject) and shiboken6.isValid(obj):
        obj.setParent(GuiRelay.get())
        obj.deleteLater()

"""What every screenshot tool shares: a private Xvfb, pumping the event loop, waiting for a
condition. The tools differ only in what they put on screen."""

from __future__ import annotations

import argparse
import os
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["main", "pump", "wait", "xvfb"]


@contextmanager
def xvfb(display: str | None) -> Iterator[str]:
    """A private X server (unless *display* names one); yields its DISPLAY."""
    if display:
        yield display
        return
    # -displayfd: Xvfb picks a free display number itself and writes it to stdout
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    n = proc.stdout.readline().strip()
    if not n:
        raise SystemExit("Xvfb did not start")
    try:
        yield f":{n}"
    finally:
        proc.terminate()
        proc.wait(5)


def pump(seconds: float = 0.4) -> None:
    """Let the app run for *seconds* (events, timers, queued results), in small slices."""
    from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, QDeadlineTimer(20))
        time.sleep(0.01)


def wait(pred: Callable[[], Any], what: str, timeout: float = 20, settle: float = 0.15) -> None:
    """Pump until *pred* holds (then *settle* seconds more); exit with *what* on timeout."""
    end = time.monotonic() + timeout
    while not pred():
        if time.monotonic() > end:
            raise SystemExit(f"timed out waiting for {what}")
        pump(0.03)
    pump(settle)


def main(
    doc: str, shoot: Callable[[list[str], Path], int], out: Path, argv: list[str] | None
) -> int:
    """The tools' one command line: ``--display``, ``--lang en|de`` (default both), ``--out``;
    runs ``shoot(languages, out)`` on the xcb platform of a private Xvfb."""
    p = argparse.ArgumentParser(description=doc.splitlines()[0])
    p.add_argument("--display", help="use this X display instead of starting Xvfb")
    p.add_argument("--lang", action="append", choices=["en", "de"], help="default: both")
    p.add_argument("--out", type=Path, default=out)
    args = p.parse_args(argv)
    with xvfb(args.display) as display:
        os.environ["DISPLAY"] = display
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        os.environ.setdefault("LANG", "C.UTF-8")
        return shoot(args.lang or ["en", "de"], args.out)

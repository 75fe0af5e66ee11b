"""A virtual desktop for end-to-end tests: Xvfb, a polybar tray, xdotool and Qt screenshots."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

POLYBAR_INI = """[bar/tray]
width = 100%
height = 28
background = #404040
foreground = #ffffff
modules-left = title
tray-position = right
tray-padding = 4
tray-maxsize = 22
tray-background = #404040
font-0 = DejaVu Sans:size=10

[module/title]
type = custom/text
content = Replytrail test desktop
"""

SHOT = """
import sys
from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(["xshot", "-platform", "xcb"])
img = app.primaryScreen().grabWindow(0)
x, y, w, h = (int(v) for v in sys.argv[2:6])
sys.exit(0 if img.copy(QRect(x, y, w, h)).save(sys.argv[1]) else 1)
"""


def need(*tools: str) -> None:
    """Missing tools fail the test (never skip): CI installs them."""
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        raise RuntimeError(f"{', '.join(missing)} missing: run .ci/install-system-deps.sh test")


class Desktop:
    """Xvfb on a free display with a polybar system tray."""

    def __init__(self, width: int = 1024, height: int = 768) -> None:
        self.size = (width, height)
        self.display = ""
        self._procs: list[subprocess.Popen[bytes]] = []
        self._dir = Path(tempfile.mkdtemp(prefix="xdesk-"))

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "DISPLAY": self.display}

    def start(self) -> Desktop:
        need("Xvfb", "polybar", "xdotool")
        r, w = os.pipe()
        x = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(w),
                "-screen",
                "0",
                f"{self.size[0]}x{self.size[1]}x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(w,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        os.close(w)
        self._procs.append(x)
        with os.fdopen(r) as f:
            number = f.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"
        ini = self._dir / "polybar.ini"
        ini.write_text(POLYBAR_INI)
        bar = subprocess.Popen(
            ["polybar", "-q", "-c", str(ini), "tray"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self._procs.append(bar)
        self.wait_for(
            lambda: self.xdotool("search", "--classname", "polybar") != "", "polybar's window"
        )
        time.sleep(0.3)  # the bar claims the tray selection right after mapping
        return self

    def move_windows_below(self, pid: int, y: int) -> None:
        """Move a process's big windows out of the bar's way (there is no window manager)."""
        for wid in self.xdotool("search", "--onlyvisible", "--pid", str(pid)).split():
            geo = dict(
                re.findall(r"(\w+)=(\d+)", self.xdotool("getwindowgeometry", "--shell", wid))
            )
            if geo and int(geo["WIDTH"]) > 300:
                self.xdotool("windowmove", wid, "0", str(y))

    def xdotool(self, *args: str) -> str:
        r = subprocess.run(
            ["xdotool", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        return r.stdout.strip()

    def windows_of(self, pid: int) -> list[tuple[int, int, int, int]]:
        """Visible windows of a process as (x, y, width, height)."""
        out = []
        for wid in self.xdotool("search", "--onlyvisible", "--pid", str(pid)).split():
            geo = dict(
                re.findall(r"(\w+)=(\d+)", self.xdotool("getwindowgeometry", "--shell", wid))
            )
            if geo:
                out.append((int(geo["X"]), int(geo["Y"]), int(geo["WIDTH"]), int(geo["HEIGHT"])))
        return out

    def click(self, x: int, y: int, button: int = 1) -> None:
        self.xdotool("mousemove", str(x), str(y), "click", str(button))

    def screenshot(self, path: Path, rect: tuple[int, int, int, int]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-c", SHOT, str(path), *map(str, rect)],
            env=self.env,
            check=True,
            timeout=30,
        )

    @staticmethod
    def wait_for(pred: Callable[[], object], what: str, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while not pred():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}")
            time.sleep(0.05)

    def stop(self) -> None:
        for p in reversed(self._procs):
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)
                try:
                    p.wait(5)
                except subprocess.TimeoutExpired:
                    os.killpg(p.pid, signal.SIGKILL)
                    p.wait()
        shutil.rmtree(self._dir, ignore_errors=True)

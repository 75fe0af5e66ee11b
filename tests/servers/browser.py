"""Headless Chromium as the user's web browser: what ``BROWSER`` (or xdg-open) starts in tests.

``HeadlessBrowser(dir).env`` points ``BROWSER`` at a small launcher; the app opens a URL the
way it opens any URL (Python's ``webbrowser``, Qt's ``QDesktopServices``/xdg-open), the
launcher starts Chromium detached with a fresh profile and returns. ``stop()`` ends exactly
the Chromium process groups it started.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


class HeadlessBrowser:
    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.launcher = root / "open-url"
        self.launcher.write_text(
            f'#!/bin/sh\nexec {sys.executable} {Path(__file__).resolve()} "$@"\n'
        )
        self.launcher.chmod(self.launcher.stat().st_mode | stat.S_IXUSR)

    @property
    def env(self) -> dict[str, str]:
        return {"BROWSER": str(self.launcher), "REPLYTRAIL_TEST_BROWSER_DIR": str(self.root)}

    def pids(self) -> list[int]:
        f = self.root / "pids"
        return [int(p) for p in f.read_text().split()] if f.exists() else []

    def urls(self) -> list[str]:
        f = self.root / "urls"
        return f.read_text().splitlines() if f.exists() else []

    def stop(self) -> None:
        for pid in self.pids():
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                continue
        deadline = time.monotonic() + 10
        for pid in self.pids():
            while time.monotonic() < deadline:
                try:
                    os.killpg(pid, 0)
                except ProcessLookupError:
                    break
                time.sleep(0.05)


def launch(url: str, root: Path) -> int:
    profile = root / f"profile-{len(list(root.glob('profile-*')))}"
    proc = subprocess.Popen(
        ["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", url],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=open(root / "chromium.log", "ab"),  # noqa: SIM115 - handed to the child
        start_new_session=True,
    )
    with open(root / "pids", "a") as f:
        f.write(f"{proc.pid}\n")
    with open(root / "urls", "a") as f:
        f.write(url + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(launch(sys.argv[1], Path(os.environ["REPLYTRAIL_TEST_BROWSER_DIR"])))

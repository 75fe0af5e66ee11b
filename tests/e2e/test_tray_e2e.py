"""The tray app end to end: a real X server with a tray, Dovecot, D-Bus notifications.

Set ``REPLYTRAIL_SHOTS=docs/screenshots`` to refresh the committed screenshots of the menu.
"""

from __future__ import annotations

import os
import re
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from e2e.xdesk import Desktop
from mailflow import ALICE, BOB, reply
from servers.cli import Cli
from servers.keyring import SecretService
from servers.mailservers import Dovecot
from servers.notifications import NotificationBus

pytestmark = [pytest.mark.servers, pytest.mark.gui, pytest.mark.slow]


class App:
    """``python -m replytrail --data-dir D -v`` on the virtual desktop; its log is collected."""

    def __init__(self, cli: Cli, env: dict[str, str]) -> None:
        self.proc = cli.popen("-v", env=env)
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append(line.rstrip("\n"))

    @property
    def log(self) -> str:
        return "\n".join(self.lines)

    def wait_log(self, pattern: str, timeout: float = 20.0) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while True:
            m = re.search(pattern, self.log)
            if m:
                return m
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"no {pattern!r} in the app's log:\n{self.log[-3000:]}")
            time.sleep(0.05)

    def tray_centre(self) -> tuple[int, int]:
        m = self.wait_log(r"tray geometry (\d+) (\d+) (\d+) (\d+)")
        x, y, w, h = (int(v) for v in m.groups())
        return x + w // 2, y + h // 2

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.terminate()
        code = self.proc.wait(10)
        self._reader.join(5)
        for f in (self.proc.stdout, self.proc.stderr):
            if f is not None:
                f.close()
        return code


@pytest.fixture
def desktop() -> Iterator[Desktop]:
    d = Desktop().start()
    yield d
    d.stop()


@pytest.fixture
def notifications(secret_service: SecretService, tmp_path: Path) -> Iterator[NotificationBus]:
    """The notification service on the same session bus as the keyring (one bus, as on a
    desktop); it clicks every notification."""
    bus = NotificationBus(tmp_path, address=secret_service.address).start()
    yield bus
    bus.stop()


def open_menu(desktop: Desktop, app: App) -> tuple[int, int, int, int]:
    cx, cy = app.tray_centre()
    opened = app.log.count("tray menu opened")
    desktop.move_windows_below(app.proc.pid, 320)  # no window manager keeps the bar on top
    desktop.click(cx, cy, button=3)
    desktop.wait_for(lambda: app.log.count("tray menu opened") > opened, "the tray menu")
    menus: list[tuple[int, int, int, int]] = []

    def menu_shown() -> bool:
        menus.extend(w for w in desktop.windows_of(app.proc.pid) if 35 < w[2] < 400 and w[3] > 100)
        return bool(menus)

    desktop.wait_for(menu_shown, "the menu window")
    time.sleep(0.3)  # painted
    return menus[0]


def shoot(desktop: Desktop, menu: tuple[int, int, int, int], name: str, tmp: Path) -> Path:
    x, y, _w, h = menu
    left = max(0, x - 160)
    path = Path(os.environ.get("REPLYTRAIL_SHOTS") or tmp) / name
    desktop.screenshot(path, (left, 0, desktop.size[0] - left, y + h + 12))
    return path


def test_tray_app_logs_a_reply_end_to_end(
    cli: Cli,
    dovecot: Dovecot,
    desktop: Desktop,
    notifications: NotificationBus,
    secret_service: SecretService,
    tmp_path: Path,
) -> None:
    t0 = time.monotonic()
    cli.add_dovecot_account(dovecot)
    xdg = tmp_path / "xdg"
    env = {
        **desktop.env,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(xdg),
        "DBUS_SESSION_BUS_ADDRESS": secret_service.address,
        "LANG": "C.UTF-8",
    }
    app = App(cli, env)
    try:
        app.wait_log(r"tray available: True")
        cx, _cy = app.tray_centre()
        assert cx > desktop.size[0] - 60  # embedded in polybar's tray, top right
        app.wait_log(r"tray state watching: Replytrail — watching 1 account")
        # start at login: on by default once an account is set up
        entry = (xdg / "autostart" / "replytrail.desktop").read_text()
        assert f"--data-dir {cli.data_dir}" in entry
        shoot(desktop, open_menu(desktop, app), "tray-menu-en.png", tmp_path)
        desktop.xdotool("key", "Escape")

        msgid = cli.ok("send", "--to", BOB, "--subject", "Angebot", "--body", "Hallo").out.strip()
        dovecot.deliver(ALICE, reply(msgid, body="Danke, passt. GEHEIM-4711"))
        logged = app.wait_log(r"logged in email <[^>]+> \(in-reply-to\)")
        desktop.wait_for(lambda: notifications.calls(), "the notification on D-Bus")
        (call,) = notifications.calls()
        assert call["summary"] == "Bob Kunde replied: Re: Angebot"
        assert call["body"] == ""
        assert "GEHEIM" not in str(call)
        # the notification service clicked it: the timeline opened at that email
        desktop.wait_for(
            lambda: any(w[2] > 400 for w in desktop.windows_of(app.proc.pid)), "the timeline window"
        )
        timeline = cli.ok("timeline", BOB, "--json").json()
        assert [(e["direction"], e["match"]) for e in timeline] == [
            ("in", "in-reply-to"),
            ("out", "sent"),
        ]
        assert timeline[1]["message_id"] == msgid
        assert "tray state error" not in app.log and "Traceback" not in app.log

        mx, my, _mw, mh = open_menu(desktop, app)
        desktop.click(mx + 30, my + mh - 12)  # the last item: Quit
        assert app.proc.wait(10) == 0
        assert "quitting" in app.log
    finally:
        app.stop()
    after_reply = app.log[logged.end() :]

    cli.ok("config", "set", "general.language", "de")
    app = App(cli, env)
    try:
        app.wait_log(r"tray state watching: Replytrail — aktiv für 1 Konto")
        shoot(desktop, open_menu(desktop, app), "tray-menu-de.png", tmp_path)
        desktop.xdotool("key", "Escape")
        # a second start hands over to the running app and exits 0
        second = subprocess.run(
            cli.argv("-v"),
            env={**cli.env, **env},
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
        assert second.returncode == 0, second.stderr
        app.wait_log("another start asked to come forward")
    finally:
        assert app.stop() == 0
    assert time.monotonic() - t0 < 60
    # after logging the reply the watcher is back to IDLE: the tray must say so
    assert "tray state watching" in after_reply, (
        "the tray stayed 'catching up' after new mail: the watcher sends no WATCHING after "
        f"its catch-up\n{after_reply}"
    )

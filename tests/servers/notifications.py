"""A real org.freedesktop.Notifications service for the tests, on a private D-Bus session bus.

It records every ``Notify`` call (as JSON lines) and, when asked, "clicks" the notification
by emitting ``ActionInvoked(id, "default")`` — a real D-Bus round trip, like a desktop's
notification daemon. Run as ``python -m servers.notifications LOGFILE [--click]``.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


def serve(log_path: Path, click: str) -> None:
    """*click*: the action the fake user invokes on every notification ("": none)."""
    # jeepney ships no type information
    from jeepney import (  # type: ignore[import-untyped]
        DBusAddress,
        MessageType,
        new_error,
        new_method_return,
        new_signal,
    )
    from jeepney.bus_messages import message_bus  # type: ignore[import-untyped]
    from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped]

    conn = open_dbus_connection(bus="SESSION")
    reply = conn.send_and_get_reply(message_bus.RequestName(NAME, 4))  # 4: do not queue
    if reply.body[0] != 1:
        raise SystemExit(f"could not own {NAME}: {reply.body}")
    emitter = DBusAddress(PATH, interface=NAME)
    print("ready", flush=True)
    next_id = 0
    while True:
        msg = conn.receive()
        if msg.header.message_type != MessageType.method_call:
            continue
        member = msg.header.fields.get(3)  # HeaderFields.member
        if member == "Notify":
            app, _replaces, icon, summary, body, actions, hints, timeout = msg.body
            next_id += 1
            with log_path.open("a", encoding="utf-8") as f:
                f.write(
                    json.dumps(
                        {
                            "id": next_id,
                            "app": app,
                            "icon": icon,
                            "summary": summary,
                            "body": body,
                            "actions": list(actions),
                            "hints": {k: v[1] for k, v in hints.items()},
                            "timeout": timeout,
                        }
                    )
                    + "\n"
                )
            conn.send(new_method_return(msg, "u", (next_id,)))
            if click:
                time.sleep(0.1)
                conn.send(new_signal(emitter, "ActionInvoked", "us", (next_id, click)))
                conn.send(new_signal(emitter, "NotificationClosed", "uu", (next_id, 2)))
        elif member == "GetCapabilities":
            conn.send(new_method_return(msg, "as", (["actions", "body"],)))
        elif member == "GetServerInformation":
            conn.send(new_method_return(msg, "ssss", ("capture", "replytrail-tests", "1", "1.2")))
        elif member == "CloseNotification":
            conn.send(new_method_return(msg))
        else:
            conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod"))


class NotificationBus:
    """A private session bus, optionally with the capturing notification service on it."""

    def __init__(
        self,
        root: Path,
        *,
        service: bool = True,
        click: bool = True,
        address: str = "",
        click_action: str = "default",
    ) -> None:
        """With *address*, serve on that bus (e.g. the keyring's) instead of a new one;
        *click*: a fake user invokes *click_action* on every notification."""
        self.log = root / "notifications.jsonl"
        self.address = address
        self._service, self._click = service, click_action if click else ""
        self._procs: list[subprocess.Popen[str]] = []

    def start(self) -> NotificationBus:
        if shutil.which("dbus-daemon") is None:
            raise RuntimeError("dbus-daemon missing: run .ci/install-system-deps.sh test")
        if not self.address:
            bus = subprocess.Popen(
                ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                start_new_session=True,
            )
            self._procs.append(bus)
            assert bus.stdout is not None
            self.address = bus.stdout.readline().strip()
            if not self.address:
                raise RuntimeError("dbus-daemon did not print its address")
        if self._service:
            tests = str(Path(__file__).resolve().parent.parent)
            argv = [sys.executable, "-m", "servers.notifications", str(self.log)]
            env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": self.address, "PYTHONPATH": tests}
            svc = subprocess.Popen(
                [*argv, *([f"--click={self._click}"] if self._click else [])],
                env=env,
                stdout=subprocess.PIPE,
                text=True,
                start_new_session=True,
            )
            self._procs.append(svc)
            assert svc.stdout is not None
            if svc.stdout.readline().strip() != "ready":
                raise RuntimeError("the notification service did not start")
        return self

    def calls(self) -> list[dict[str, object]]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text().splitlines() if line]

    def stop(self) -> None:
        for p in reversed(self._procs):
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)
                p.wait(5)
            if p.stdout is not None:
                p.stdout.close()
        self._procs.clear()


if __name__ == "__main__":
    clicks = [a.removeprefix("--click=") for a in sys.argv[2:] if a.startswith("--click=")]
    serve(Path(sys.argv[1]), clicks[0] if clicks else "")

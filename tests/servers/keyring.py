"""A real Secret Service for the tests: a private D-Bus session bus and gnome-keyring-daemon."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path


class SecretService:
    """``dbus-daemon --session`` plus an unlocked gnome-keyring in a throwaway HOME."""

    def __init__(self) -> None:
        self.home = Path(tempfile.mkdtemp(prefix="kr-", dir="/tmp"))
        self.address = ""
        self._bus: subprocess.Popen[str] | None = None
        self._keyring: subprocess.Popen[bytes] | None = None

    @property
    def env(self) -> dict[str, str]:
        env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=self.address, HOME=str(self.home))
        env.pop("DISPLAY", None)  # no prompt window may ever be waited for
        return env

    def start(self) -> None:
        for tool in ("dbus-daemon", "gnome-keyring-daemon"):
            if shutil.which(tool) is None:
                raise RuntimeError(f"{tool} missing: run .ci/install-system-deps.sh test")
        self._bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
        )
        assert self._bus.stdout is not None
        self.address = self._bus.stdout.readline().strip()
        self._bus.stdout.close()
        if not self.address:
            raise RuntimeError("dbus-daemon did not print its address")
        self._keyring = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=self.env,
            start_new_session=True,
        )
        assert self._keyring.stdin is not None
        self._keyring.stdin.write(b"replytrail-test")
        self._keyring.stdin.close()
        deadline = time.monotonic() + 15
        probe = (
            "import keyring; keyring.set_password('replytrail-probe', 'u', 'p'); "
            "assert keyring.get_password('replytrail-probe', 'u') == 'p'"
        )
        import sys

        while True:
            r = subprocess.run(
                [sys.executable, "-c", probe],
                env=self.env,
                capture_output=True,
                text=True,
                timeout=30,
            )
            if r.returncode == 0:
                return
            if time.monotonic() > deadline:
                raise RuntimeError(f"the Secret Service did not come up: {r.stderr[-500:]}")
            time.sleep(0.1)

    def stop(self) -> None:
        for p in (self._keyring, self._bus):
            if p is not None and p.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(p.pid, signal.SIGTERM)
                try:
                    p.wait(5)
                except subprocess.TimeoutExpired:
                    os.killpg(p.pid, signal.SIGKILL)
                    p.wait()
        shutil.rmtree(self.home, ignore_errors=True)


def stored_secrets(svc: SecretService, service: str = "replytrail") -> list[str]:
    """Every secret the real keyring holds for *service* (read over D-Bus, like secret-tool)."""
    import json
    import sys

    code = (
        "import json, secretstorage\n"
        "conn = secretstorage.dbus_init()\n"
        "coll = secretstorage.get_default_collection(conn)\n"
        f"items = coll.search_items({{'service': {service!r}}})\n"
        "print(json.dumps([i.get_secret().decode() for i in items]))\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code],
        env=svc.env,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return list(json.loads(r.stdout))

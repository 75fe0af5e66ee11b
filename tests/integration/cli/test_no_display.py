"""``replytrail`` (the tray app) where it cannot show a window: one line, exit 1.

The missing-library case makes libxcb-cursor.so.0 unreadable for one process, in a private
mount namespace (root, like CI), instead of uninstalling it from the machine."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from servers.cli import Cli

NO_DISPLAY = (
    "replytrail: There is no graphical session here (neither DISPLAY nor WAYLAND_DISPLAY is "
    "set). Without a desktop, run 'replytrail watch' instead."
)


def headless_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    return {**env, "LANG": "C.UTF-8", **extra}


def test_no_display_points_to_watch(tmp_path: Path) -> None:
    cli = Cli(tmp_path / "d", env=headless_env())
    r = cli()
    assert (r.code, r.err.splitlines(), r.out) == (1, [NO_DISPLAY], "")


def test_no_display_in_german(tmp_path: Path) -> None:
    cli = Cli(tmp_path / "d", env=headless_env(LANGUAGE="de"))
    r = cli()
    assert (r.code, r.err.splitlines()) == (
        1,
        [
            "replytrail: Hier läuft keine grafische Sitzung (weder DISPLAY noch WAYLAND_DISPLAY "
            "ist gesetzt). Ohne Desktop verwenden Sie stattdessen 'replytrail watch'."
        ],
    )


def test_headless_commands_still_work(tmp_path: Path) -> None:
    cli = Cli(tmp_path / "d", env=headless_env())
    r = cli("config", "get", "logging.mode")
    assert (r.code, r.out.strip()) == (0, "tracked")


def test_missing_xcb_library_names_the_debian_package(tmp_path: Path) -> None:
    lib = subprocess.run(
        ["sh", "-c", "ldconfig -p | sed -n 's/.*libxcb-cursor.so.0 .*=> //p' | head -1"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert lib, "libxcb-cursor0 is not installed (.ci/install-system-deps.sh run)"
    cli = Cli(tmp_path / "d", env=headless_env(DISPLAY=":99"))
    argv = " ".join(f"'{a}'" for a in cli.argv())
    r = subprocess.run(
        ["unshare", "-m", "sh", "-c", f'mount --bind /dev/null "{lib}" && exec {argv}'],
        capture_output=True,
        text=True,
        timeout=120,
        env=cli.env,
        check=False,
    )
    assert r.returncode == 1
    assert r.stderr.splitlines() == [
        "replytrail: Qt cannot use the X11 display: the library libxcb-cursor.so.0 is missing. "
        "Install the Debian package libxcb-cursor0 (sudo apt install libxcb-cursor0)."
    ]

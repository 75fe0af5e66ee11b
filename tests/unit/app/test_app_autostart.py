"""Start at login: the XDG entry written and removed for real; Run key and plist as values."""

from __future__ import annotations

import plistlib
import sys
from pathlib import Path

import pytest

from replytrail.app.autostart import (
    LAUNCH_AGENT_LABEL,
    RUN_KEY,
    Autostart,
    launch_agent_plist,
    launch_command,
    windows_run_value,
)

ODD = [
    "/opt/Reply Trail/bin/python3",
    "-m",
    "replytrail",
    "--data-dir",
    '/home/u/it\'s "mine" $HOME `x` 100% \\ok',
]


def exec_argv(entry: str) -> list[str]:
    """Read an Exec line back as the Desktop Entry spec says: key-file unescape, then quotes."""
    line = next(x for x in entry.splitlines() if x.startswith("Exec="))[len("Exec=") :]
    value = line.replace("\\\\", "\\")  # the key file's string escape
    args: list[str] = []
    cur: str | None = None
    quoted = False
    i = 0
    while i < len(value):
        c = value[i]
        if quoted:
            if c == "\\" and value[i + 1] in '"`$\\':
                i += 1
                cur = (cur or "") + value[i]
            elif c == '"':
                quoted = False
            else:
                cur = (cur or "") + c
        elif c == '"':
            quoted, cur = True, cur or ""
        elif c == " ":
            if cur is not None:
                args.append(cur)
            cur = None
        else:
            cur = (cur or "") + c
        i += 1
    assert not quoted
    if cur is not None:
        args.append(cur)
    return [a.replace("%%", "%") for a in args]


def test_xdg_entry_written_read_back_and_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    a = Autostart(ODD, platform="linux", home=tmp_path)
    assert a.path == tmp_path / "cfg" / "autostart" / "replytrail.desktop"
    assert not a.is_enabled()
    a.set_enabled(True)
    assert a.is_enabled()
    entry = a.path.read_text()
    assert entry.startswith("[Desktop Entry]\nType=Application\nName=Replytrail\n")
    assert exec_argv(entry) == ODD
    a.set_enabled(True)  # idempotent
    a.set_enabled(False)
    assert not a.path.exists()
    assert not a.is_enabled()
    a.set_enabled(False)


def test_xdg_default_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    a = Autostart(["replytrail"], platform="linux", home=tmp_path)
    a.set_enabled(True)
    assert (tmp_path / ".config" / "autostart" / "replytrail.desktop").is_file()
    assert exec_argv(a.path.read_text()) == ["replytrail"]


def test_windows_run_value() -> None:
    argv = [
        r"C:\Program Files\Replytrail\pythonw.exe",
        "-m",
        "replytrail",
        "--data-dir",
        r"D:\my data",
    ]
    key, name, value = windows_run_value(argv)
    assert key == RUN_KEY == r"Software\Microsoft\Windows\CurrentVersion\Run"
    assert name == "Replytrail"
    assert value == (
        r'"C:\Program Files\Replytrail\pythonw.exe" -m replytrail --data-dir '
        r'"D:\my data"'
    )


def test_macos_launch_agent(tmp_path: Path) -> None:
    data = plistlib.loads(launch_agent_plist(ODD))
    assert data["Label"] == LAUNCH_AGENT_LABEL
    assert data["ProgramArguments"] == ODD
    assert data["RunAtLoad"] is True
    a = Autostart(ODD, platform="darwin", home=tmp_path)
    a.set_enabled(True)
    assert a.path == tmp_path / "Library" / "LaunchAgents" / "com.replytrail.tray.plist"
    assert plistlib.loads(a.path.read_bytes())["ProgramArguments"] == ODD
    a.set_enabled(False)
    assert not a.path.exists()


def test_launch_command(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert launch_command() == [sys.executable, "-m", "replytrail"]
    assert launch_command(tmp_path)[-2:] == ["--data-dir", str(tmp_path)]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert launch_command() == [sys.executable]

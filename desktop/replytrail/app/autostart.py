"""Start at login: an XDG autostart entry, a Windows Run value or a macOS LaunchAgent."""

from __future__ import annotations

import contextlib
import logging
import os
import plistlib
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = [
    "LAUNCH_AGENT_LABEL",
    "RUN_KEY",
    "Autostart",
    "desktop_entry",
    "launch_agent_plist",
    "launch_command",
    "windows_run_value",
]

log = logging.getLogger("replytrail.app.autostart")

ENTRY_NAME = "replytrail.desktop"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE_NAME = "Replytrail"
LAUNCH_AGENT_LABEL = "com.replytrail.tray"
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def launch_command(data_dir: Path | None = None) -> list[str]:
    """How to start this installation's tray app (a frozen build runs itself)."""
    if getattr(sys, "frozen", False):
        argv = [sys.executable]
    else:
        exe = Path(sys.executable)
        if sys.platform == "win32" and exe.with_name("pythonw.exe").exists():
            exe = exe.with_name("pythonw.exe")  # no console window at login
        argv = [str(exe), "-m", "replytrail"]
    if data_dir is not None:
        argv += ["--data-dir", str(data_dir)]
    return argv


def _exec_quote(arg: str) -> str:
    """Quote one argument for a desktop entry's Exec key (freedesktop Desktop Entry spec)."""
    arg = arg.replace("%", "%%")
    if not arg or any(c in _EXEC_RESERVED for c in arg):
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
        return f'"{escaped}"'
    return arg


def desktop_entry(argv: Sequence[str], comment: str) -> str:
    """The text of ``~/.config/autostart/replytrail.desktop``."""
    exec_line = " ".join(_exec_quote(a) for a in argv)
    # a desktop entry is a key file: its values escape backslashes once more
    exec_line = exec_line.replace("\\", "\\\\")
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Replytrail\n"
        f"Comment={comment}\n"
        f"Exec={exec_line}\n"
        "Icon=replytrail\n"
        "Terminal=false\n"
        "Categories=Office;Email;\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def windows_run_value(argv: Sequence[str]) -> tuple[str, str, str]:
    """(key under HKEY_CURRENT_USER, value name, command line) for the Run key."""
    return RUN_KEY, RUN_VALUE_NAME, subprocess.list2cmdline(list(argv))


def launch_agent_plist(argv: Sequence[str]) -> bytes:
    """``~/Library/LaunchAgents/com.replytrail.tray.plist``."""
    return plistlib.dumps(
        {
            "Label": LAUNCH_AGENT_LABEL,
            "ProgramArguments": list(argv),
            "RunAtLoad": True,
            "KeepAlive": False,
            "ProcessType": "Interactive",
        }
    )


class Autostart:
    """Writes or removes this platform's start-at-login entry for *argv*."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        platform: str = sys.platform,
        home: Path | None = None,
        comment: str = "Logs customer replies",
    ) -> None:
        self.argv = list(argv)
        self.platform = platform
        self.home = home or Path.home()
        self.comment = comment

    @property
    def path(self) -> Path:
        """The file used on Linux/BSD and macOS (on Windows, the registry instead)."""
        if self.platform == "darwin":
            return self.home / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"
        base = os.environ.get("XDG_CONFIG_HOME") or str(self.home / ".config")
        return Path(base) / "autostart" / ENTRY_NAME

    def is_enabled(self) -> bool:
        if self.platform == "win32":
            return self._win_read() is not None
        return self.path.is_file()

    def set_enabled(self, enabled: bool) -> None:
        if self.platform == "win32":
            self._win_write(enabled)
        elif enabled:
            data = (
                launch_agent_plist(self.argv)
                if self.platform == "darwin"
                else desktop_entry(self.argv, self.comment).encode()
            )
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not self.path.is_file() or self.path.read_bytes() != data:
                self.path.write_bytes(data)
                log.info("start at login: wrote %s", self.path)
        elif self.path.is_file():
            self.path.unlink()
            log.info("start at login: removed %s", self.path)

    def _win_read(self) -> str | None:
        if sys.platform == "win32":  # pragma: no cover - Windows only
            import winreg

            key, name, _ = windows_run_value(self.argv)
            try:
                with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key) as k:
                    value, _type = winreg.QueryValueEx(k, name)
                    return str(value)
            except OSError:
                return None
        return None

    def _win_write(self, enabled: bool) -> None:
        if sys.platform == "win32":  # pragma: no cover - Windows only
            import winreg

            key, name, command = windows_run_value(self.argv)
            with winreg.CreateKey(winreg.HKEY_CURRENT_USER, key) as k:
                if enabled:
                    winreg.SetValueEx(k, name, 0, winreg.REG_SZ, command)
                else:
                    with contextlib.suppress(FileNotFoundError):
                        winreg.DeleteValue(k, name)

"""Before Qt starts: is there a graphical session, and can Qt's X11 plugin load?

Without these checks Qt aborts with "Could not load the Qt platform plugin xcb … Reinstalling
the application may fix this problem"; instead the user reads one line saying what is
missing — the session (use ``replytrail watch``) or the Debian package of a library.
"""

from __future__ import annotations

import _ctypes
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

from replytrail.core.i18n import QT_TRANSLATE_NOOP, translate

__all__ = ["DEBIAN_PACKAGES", "display_problem", "missing_library", "xcb_plugin"]

#: libraries Qt's xcb plugin links that a minimal Debian lacks → the package to install
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}
#: platforms that need no display (tests, screenshots, VNC)
_HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb")
_LIB = re.compile(r"(lib[\w.+-]+?\.so(?:\.\d+)*)")


def _platform(env: Mapping[str, str]) -> str:
    return env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()


def xcb_plugin(env: Mapping[str, str]) -> Path | None:
    """Qt's X11 platform plugin, where Qt will look for it."""
    dirs = [Path(d) for d in env.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep) if d]
    from PySide6.QtCore import QLibraryInfo

    dirs.append(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms")
    for d in dirs:
        if (d / "libqxcb.so").is_file():
            return d / "libqxcb.so"
    return None


def missing_library(plugin: Path) -> str | None:
    """The library the dynamic loader could not load for *plugin*, or None when it loads."""
    try:  # _ctypes itself: a PyInstaller bundle wraps ctypes.CDLL and hides dlerror()
        handle = _ctypes.dlopen(str(plugin), os.RTLD_LAZY | os.RTLD_LOCAL)
    except OSError as e:
        names = [n for n in _LIB.findall(str(e)) if n != plugin.name]
        return names[0] if names else str(e)
    _ctypes.dlclose(handle)
    return None


def display_problem(env: Mapping[str, str] = os.environ, platform: str = sys.platform) -> str:
    """One line on what keeps the tray app from starting here, or "" when nothing does."""
    if not platform.startswith(("linux", "freebsd", "openbsd")):
        return ""
    chosen = _platform(env)
    if chosen in _HEADLESS_PLATFORMS:
        return ""
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return translate(
            "session",
            QT_TRANSLATE_NOOP(
                "session",
                "There is no graphical session here (neither DISPLAY nor WAYLAND_DISPLAY is "
                "set). Without a desktop, run 'replytrail watch' instead.",
            ),
        )
    uses_xcb = chosen == "xcb" or (not chosen and not env.get("WAYLAND_DISPLAY"))
    plugin = xcb_plugin(env) if uses_xcb else None
    lib = missing_library(plugin) if plugin is not None else None
    if lib is None:
        return ""
    package = DEBIAN_PACKAGES.get(lib)
    if package is None:
        return translate(
            "session",
            QT_TRANSLATE_NOOP(
                "session",
                "Qt cannot use the X11 display: the library {lib} is missing or broken.",
            ),
            lib=lib,
        )
    return translate(
        "session",
        QT_TRANSLATE_NOOP(
            "session",
            "Qt cannot use the X11 display: the library {lib} is missing. Install the "
            "Debian package {package} (sudo apt install {package}).",
        ),
        lib=lib,
        package=package,
    )

"""What goes into the bundle: the Qt modules, plugins and translations Replytrail loads, and
only the shared libraries those (and Python's own extension modules) need.

PyInstaller's PySide6 hooks collect every plugin of every imported Qt module (GTK theme,
EGLFS, VNC, evdev …) and then every library those plugins link (GTK, cairo, pango …): ~70 MB
Replytrail never loads. The spec file hands its TOC entries to :func:`keep`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

__all__ = ["QT_MODULES", "QT_PLUGINS", "QT_TRANSLATIONS", "SYSTEM_LIBS", "keep"]

#: the PySide6 modules Replytrail imports (tests/package checks the bundle holds no other)
QT_MODULES = frozenset({"QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtDBus"})

#: plugins by folder; None = the whole folder
QT_PLUGINS: dict[str, frozenset[str] | None] = {
    # X11 and Wayland sessions (Qt picks one); nothing for framebuffers, VNC or EGLFS
    "platforms": frozenset({"libqxcb.so", "libqwayland.so"}),
    "wayland-shell-integration": frozenset({"libxdg-shell.so"}),
    "wayland-decoration-client": frozenset({"libbradient.so"}),
    # the icons are SVG; inline images in HTML mail are PNG (built in), JPEG or GIF
    "iconengines": None,
    "imageformats": frozenset({"libqsvg.so", "libqjpeg.so", "libqgif.so"}),
    # dead keys / compose (German umlauts on other layouts) and input methods
    "platforminputcontexts": None,
    # the portal theme (file dialogs in sandboxes); the GTK3 theme pulls in all of GTK
    "platformthemes": frozenset({"libqxdgdesktopportal.so"}),
    # reconnect when the network returns (QNetworkInformation)
    "networkinformation": None,
}

#: libraries every current Linux desktop has (the AppImage project's exclude list, roughly,
#: plus OpenSSL 3, SQLite and libstdc++, which the Python this is built with links anyway):
#: the system's copy is used, matching the system's X server, D-Bus and fonts; the .deb
#: depends on their packages (packaging/linux/deb.py finds them like dpkg-shlibdeps)
SYSTEM_LIBS = re.compile(
    r"^lib(X11|X11-xcb|Xau|Xdmcp|xcb[-\w]*|xkbcommon[-\w]*|fontconfig|freetype|png16|expat|z"
    r"|bz2|lzma|zstd|lz4|brotli\w*|dbus-1|systemd|cap|gcrypt|gpg-error|glib-2\.0|gio-2\.0"
    r"|gobject-2\.0|gmodule-2\.0|gthread-2\.0|pcre2-8|mount|blkid|selinux|uuid|bsd|md|gcc_s"
    r"|krb5\w*|k5crypto|com_err|keyutils|gssapi_krb5|stdc\+\+|sqlite3|ssl|crypto)\.so"
)

#: Python distributions left out on Linux: psycopg uses the system's libpq (libpq5) instead of
#: the binary wheel's own copy of libpq, OpenSSL, Kerberos and LDAP (10 MB)
LINUX_EXCLUDED_PACKAGES = ("psycopg_binary",)

#: Qt's own translations: the German ones for Qt's standard buttons and dialogs
QT_TRANSLATIONS = frozenset({"qtbase_de.qm"})

_QT = PurePosixPath("PySide6/Qt")


def _plugin_kept(dest: PurePosixPath) -> bool:
    parts = dest.relative_to(_QT / "plugins").parts
    if len(parts) < 2 or parts[0] not in QT_PLUGINS:
        return False
    wanted = QT_PLUGINS[parts[0]]
    return wanted is None or parts[-1] in wanted


def _is_dependency(dest: PurePosixPath) -> bool:
    """A shared library collected because something links it (not a Python module)."""
    top = dest.parent in (PurePosixPath("."), _QT / "lib")
    return top and ".so" in dest.name and "cpython" not in dest.name


def keep(
    entries: Iterable[tuple[str, str, str]],
    imports: Callable[[str], Iterable[str]],
    linux: bool = True,
) -> list[tuple[str, str, str]]:
    """The TOC *entries* (dest, source, kind) worth shipping.

    *imports(source)* lists the library names a binary links, transitively (PyInstaller's
    ``bindepend.get_imports``); a collected library stays only if a kept binary needs it.
    """
    chosen: list[tuple[str, str, str]] = []
    dependencies: list[tuple[str, str, str]] = []
    for entry in entries:
        dest = PurePosixPath(entry[0])
        if dest.is_relative_to(_QT / "plugins"):
            if _plugin_kept(dest):
                chosen.append(entry)
        elif dest.is_relative_to(_QT / "translations"):
            if dest.name in QT_TRANSLATIONS:
                chosen.append(entry)
        elif dest.name.endswith(".abi3.so") and dest.parent == PurePosixPath("PySide6"):
            if dest.name.split(".")[0] in QT_MODULES:
                chosen.append(entry)
        elif dest.parts[0].startswith(LINUX_EXCLUDED_PACKAGES) and linux:
            continue
        elif _is_dependency(dest):
            if not (linux and SYSTEM_LIBS.match(dest.name)):
                dependencies.append(entry)
        else:
            chosen.append(entry)
    needed: set[str] = set()
    for _dest, source, kind in chosen:
        if kind in ("BINARY", "EXTENSION"):
            needed.update(imports(source))
    # libpyside6/libshiboken are what the kept modules link; they link the Qt libs in turn
    for _dest, source, _kind in [d for d in dependencies if PurePosixPath(d[0]).name in needed]:
        needed.update(imports(source))
    needed.update(PurePosixPath(d[0]).name for d in dependencies if _always(d[0]))
    return chosen + [d for d in dependencies if PurePosixPath(d[0]).name in needed]


def _always(dest: str) -> bool:
    """The bootloader opens libpython itself (dlopen, so no binary lists it)."""
    return PurePosixPath(dest).name.startswith("libpython")

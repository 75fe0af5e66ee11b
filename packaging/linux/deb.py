"""The .deb, built with dpkg-deb alone: the bundle under /opt/replytrail, /usr/bin/replytrail,
the desktop entry, hicolor icons (SVG + PNG), AppStream metainfo, the admin policy example in
/etc/replytrail and, optionally, a system-wide autostart entry."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

__all__ = ["PNG_SIZES", "build_deb", "system_dependencies"]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
PREFIX = Path("opt/replytrail")

CONTROL = """Package: replytrail
Version: {version}
Architecture: {arch}
Maintainer: Replytrail <packages@replytrail.example>
Installed-Size: {size_kib}
Depends: {depends}
Section: mail
Priority: optional
Homepage: https://replytrail.example/
Description: logs customer replies to your tracked emails
 Replytrail sits in the system tray, watches the mail account you already use
 (IMAP IDLE) and logs the replies to the emails you send to customers into a
 CRM store, shown per customer in a timeline that works offline.
 .
 Administrators preset and lock settings in /etc/replytrail/policies.toml
 (see /etc/replytrail/policies.toml.example).
"""


def _render_pngs(svg: Path, icons: Path) -> None:
    """PNG sizes of the app icon, rendered by Qt's SVG renderer (offscreen, no display)."""
    script = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication, QIcon\n"
        "app = QGuiApplication(['render', '-platform', 'offscreen'])\n"
        "icon = QIcon(sys.argv[1])\n"
        "for size in sys.argv[3:]:\n"
        "    n = int(size)\n"
        "    out = f'{sys.argv[2]}/{n}x{n}/apps/replytrail.png'\n"
        "    __import__('os').makedirs(out.rsplit('/', 1)[0], exist_ok=True)\n"
        "    assert icon.pixmap(n, n).save(out), out\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    argv = [sys.executable, "-c", script, str(svg), str(icons), *map(str, PNG_SIZES)]
    subprocess.run(argv, check=True, env=env)


def system_dependencies(bundle: Path) -> list[str]:
    """Debian packages of the libraries the bundle links but does not carry (like
    dpkg-shlibdeps): every ELF file's ``ldd`` paths outside the bundle → ``dpkg -S``."""
    outside: set[str] = set()
    inside = bundle / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": f"{inside}:{inside / 'PySide6/Qt/lib'}"}
    for f in bundle.rglob("*"):
        if not f.is_file() or f.is_symlink() or not _is_elf(f):
            continue
        r = subprocess.run(["ldd", str(f)], capture_output=True, text=True, check=False, env=env)
        for m in re.finditer(r"=> (/\S+)", r.stdout):
            path = os.path.realpath(m.group(1))
            if not path.startswith(str(bundle.resolve())):
                outside.add(path)
    packages = {"libpq5"}  # psycopg opens the system's libpq itself (ctypes), no ELF lists it
    for path in sorted(outside):
        r = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True, check=False)
        if r.returncode != 0:  # merged /usr: dpkg knows /lib/..., ldd says /usr/lib/...
            alt = re.sub(r"^/usr/", "/", path)
            r = subprocess.run(["dpkg", "-S", alt], capture_output=True, text=True, check=False)
        if r.returncode == 0:
            packages.add(r.stdout.split(":", 1)[0].strip())
    return sorted(packages)


def _is_elf(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def _desktop_entry() -> str:
    return (ROOT / "resources" / "replytrail.desktop").read_text()


def _stage(bundle: Path, stage: Path, version: str, autostart: bool) -> None:
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(bundle, stage / PREFIX, symlinks=True)
    (stage / "usr/bin").mkdir(parents=True)
    (stage / "usr/bin/replytrail").symlink_to("/opt/replytrail/replytrail")
    apps = stage / "usr/share/applications"
    apps.mkdir(parents=True)
    (apps / "replytrail.desktop").write_text(_desktop_entry())
    icons = stage / "usr/share/icons/hicolor"
    (icons / "scalable/apps").mkdir(parents=True)
    svg = ROOT / "resources/icons/replytrail.svg"
    shutil.copy2(svg, icons / "scalable/apps/replytrail.svg")
    _render_pngs(svg, icons)
    meta = stage / "usr/share/metainfo"
    meta.mkdir(parents=True)
    text = (HERE / "com.replytrail.Replytrail.metainfo.xml").read_text()
    date = time.strftime("%Y-%m-%d", time.gmtime())
    text = text.replace("@VERSION@", version).replace("@DATE@", date)
    (meta / "com.replytrail.Replytrail.metainfo.xml").write_text(text)
    etc = stage / "etc/replytrail"
    etc.mkdir(parents=True)
    shutil.copy2(ROOT / "packaging/policies.example.toml", etc / "policies.toml.example")
    conffiles = ["/etc/replytrail/policies.toml.example"]
    if autostart:
        auto = stage / "etc/xdg/autostart"
        auto.mkdir(parents=True)
        (auto / "replytrail.desktop").write_text(_desktop_entry())
        conffiles.append("/etc/xdg/autostart/replytrail.desktop")
    doc = stage / "usr/share/doc/replytrail"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text("Replytrail. All rights reserved.\n")
    debian = stage / "DEBIAN"
    debian.mkdir()
    (debian / "conffiles").write_text("\n".join(conffiles) + "\n")
    for script in ("postinst", "postrm"):
        shutil.copy2(HERE / script, debian / script)
        (debian / script).chmod(0o755)


def _md5sums(stage: Path) -> None:
    lines = []
    for f in sorted(stage.rglob("*")):
        rel = f.relative_to(stage)
        if rel.parts[0] == "DEBIAN" or not f.is_file() or f.is_symlink():
            continue
        lines.append(f"{hashlib.md5(f.read_bytes()).hexdigest()}  {rel}")  # noqa: S324
    (stage / "DEBIAN/md5sums").write_text("\n".join(lines) + "\n")


def _size_kib(stage: Path) -> int:
    total = sum(
        f.lstat().st_size for f in stage.rglob("*") if f.relative_to(stage).parts[0] != "DEBIAN"
    )
    return (total + 1023) // 1024


def build_deb(bundle: Path, version: str, out: Path, work: Path, autostart: bool) -> Path:
    """Stage and pack the .deb; returns its path."""
    stage = work / "stage"
    _stage(bundle, stage, version, autostart)
    _md5sums(stage)
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    control = CONTROL.format(
        version=version,
        arch=arch,
        size_kib=_size_kib(stage),
        depends=", ".join(system_dependencies(bundle)) or "libc6",
    )
    (stage / "DEBIAN/control").write_text(control)
    deb = out / f"replytrail_{version}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zzstd", "--build", str(stage), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return deb

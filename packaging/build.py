"""``./dev package``: the PyInstaller one-folder bundle, then this platform's packages.

Linux: ``dist/replytrail_<version>_<arch>.deb`` (dpkg-deb) and
``dist/replytrail-<version>-linux-<machine>.tar.gz``. Windows and macOS: the bundle, then the
recipes in ``packaging/windows`` and ``packaging/macos`` (see packaging/README.md).

OAuth client ids come from the packager's environment at build time and go only into the
bundle's ``resources/build.toml`` (never into the repository):
``REPLYTRAIL_OAUTH_MICROSOFT_CLIENT_ID``, ``REPLYTRAIL_OAUTH_MICROSOFT_TENANT``,
``REPLYTRAIL_OAUTH_GOOGLE_CLIENT_ID``, ``REPLYTRAIL_OAUTH_GOOGLE_CLIENT_SECRET``.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import tomli_w

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "desktop"), str(ROOT / "packaging")]

from replytrail import __version__  # noqa: E402

#: packager's environment variable -> setting key in build.toml
BUILD_ENV = {
    "REPLYTRAIL_OAUTH_MICROSOFT_CLIENT_ID": "oauth.microsoft.client_id",
    "REPLYTRAIL_OAUTH_MICROSOFT_TENANT": "oauth.microsoft.tenant",
    "REPLYTRAIL_OAUTH_GOOGLE_CLIENT_ID": "oauth.google.client_id",
    "REPLYTRAIL_OAUTH_GOOGLE_CLIENT_SECRET": "oauth.google.client_secret",
}

VERSION_INFO = """VSVersionInfo(
  ffi=FixedFileInfo(filevers={v4}, prodvers={v4}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[StringFileInfo([StringTable('040904B0', [
    StringStruct('CompanyName', 'Replytrail'),
    StringStruct('FileDescription', 'Replytrail'),
    StringStruct('FileVersion', '{v}'),
    StringStruct('ProductName', 'Replytrail'),
    StringStruct('ProductVersion', '{v}'),
    StringStruct('OriginalFilename', 'replytrail.exe')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])])
"""


def build_values(env: dict[str, str] | os._Environ[str]) -> dict[str, object]:
    """The build.toml tree from the packager's environment (only the variables set)."""
    tree: dict[str, object] = {}
    for var, key in BUILD_ENV.items():
        value = env.get(var, "").strip()
        if value:
            *sections, name = key.split(".")
            table = tree
            for s in sections:
                table = table.setdefault(s, {})  # type: ignore[assignment]
            table[name] = value  # type: ignore[index]
    return tree


def generate(gen: Path, env: dict[str, str] | os._Environ[str]) -> None:
    gen.mkdir(parents=True, exist_ok=True)
    (gen / "build.toml").write_text(
        "# written by packaging/build.py from the packager's environment\n"
        + tomli_w.dumps(build_values(env))
    )
    parts = [int(p) for p in __version__.split(".")[:4] if p.isdigit()]
    v4 = tuple([*parts, 0, 0, 0, 0][:4])
    (gen / "version_info.txt").write_text(VERSION_INFO.format(v=__version__, v4=v4))
    if sys.platform in ("win32", "darwin"):
        render_icon(gen / ("replytrail.ico" if sys.platform == "win32" else "replytrail.icns"))


def render_icon(path: Path) -> None:
    """The app icon as .ico (Windows) or .icns (macOS), by Qt's image plugins, offscreen."""
    script = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication, QIcon\n"
        "app = QGuiApplication(['icon', '-platform', 'offscreen'])\n"
        "assert QIcon(sys.argv[1]).pixmap(256, 256).save(sys.argv[2]), sys.argv[2]\n"
    )
    svg = ROOT / "resources" / "icons" / "replytrail.svg"
    subprocess.run([sys.executable, "-c", script, str(svg), str(path)], check=True)


def bundle(out: Path, work: Path) -> Path:
    """Run PyInstaller; returns the one-folder bundle (``out/replytrail``)."""
    gen = work / "generated"
    generate(gen, os.environ)
    env = {**os.environ, "REPLYTRAIL_BUILD_DIR": str(gen), "REPLYTRAIL_VERSION": __version__}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(out),
            "--workpath",
            str(work / "pyinstaller"),
            str(ROOT / "packaging" / "replytrail.spec"),
        ],
        check=True,
        env=env,
    )
    return out / "replytrail"


def tarball(bundle_dir: Path, out: Path) -> Path:
    """A portable .tar.gz: unpack anywhere, run ``replytrail-<version>/replytrail``."""
    name = f"replytrail-{__version__}-linux-{platform.machine()}"
    path = out / f"{name}.tar.gz"
    with tarfile.open(path, "w:gz", compresslevel=6) as tar:
        tar.add(bundle_dir, arcname=name)
    return path


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=ROOT / "dist")
    p.add_argument("--work", type=Path, default=ROOT / "build")
    p.add_argument(
        "--system-autostart",
        action="store_true",
        help="the .deb also starts Replytrail at every user's login (/etc/xdg/autostart)",
    )
    p.add_argument("--bundle-only", action="store_true", help="no .deb or tarball")
    args = p.parse_args()
    started = time.monotonic()
    out: Path = args.out
    shutil.rmtree(out / "replytrail", ignore_errors=True)
    bundle_dir = bundle(out, args.work)
    print(f"bundle: {bundle_dir} ({time.monotonic() - started:.0f} s)")
    if sys.platform.startswith("linux") and not args.bundle_only:
        from linux.deb import build_deb

        deb = build_deb(bundle_dir, __version__, out, args.work / "deb", args.system_autostart)
        print(f"deb: {deb}")
        print(f"tarball: {tarball(bundle_dir, out)}")
    print(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

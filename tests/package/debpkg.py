"""The built packages and a real ``dpkg -i`` / ``dpkg --purge`` of the .deb."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIST = Path(os.environ.get("REPLYTRAIL_DIST", ROOT / "dist"))
INSTALLED = Path("/usr/bin/replytrail")
PREFIX = Path("/opt/replytrail")


def version() -> str:
    sys.path.insert(0, str(ROOT / "desktop"))
    from replytrail import __version__

    return __version__


def built_deb() -> Path:
    """dist/replytrail_<version>_<arch>.deb, built now when ./dev package has not run."""
    found = sorted(DIST.glob(f"replytrail_{version()}_*.deb"))
    if not found:
        subprocess.run([sys.executable, str(ROOT / "packaging/build.py")], check=True)
        found = sorted(DIST.glob(f"replytrail_{version()}_*.deb"))
    assert found, f"no .deb in {DIST}"
    return found[-1]


def dpkg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["dpkg", *args],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )


def install(deb: Path) -> list[Path]:
    """Install for real; returns the paths the package owns (``dpkg -L``)."""
    r = dpkg("-i", str(deb))
    assert r.returncode == 0, r.stderr
    listed = dpkg("-L", "replytrail").stdout.splitlines()
    return [Path(p) for p in listed if p.strip() and p != "/."]


def purge() -> None:
    r = dpkg("--purge", "replytrail")
    assert r.returncode == 0, r.stderr


def installed() -> bool:
    r = dpkg("-s", "replytrail")
    return r.returncode == 0 and "Status: install ok installed" in r.stdout

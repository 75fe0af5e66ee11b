"""The installed .deb for the package tests: installed once, purged at the end whatever
happens (it writes /usr/bin/replytrail and /opt/replytrail system-wide)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from package import debpkg


@pytest.fixture(scope="session")
def deb() -> Path:
    return debpkg.built_deb()


@pytest.fixture(scope="module")
def installed(deb: Path) -> Iterator[list[Path]]:
    assert not debpkg.installed(), "replytrail is already installed system-wide; purge it first"
    owned = debpkg.install(deb)
    try:
        yield owned
    finally:
        if debpkg.installed():
            debpkg.purge()

"""The installed .deb for the package tests: installed once, purged at the end whatever
happens (it writes /usr/bin/replytrail and /opt/replytrail system-wide)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from package import debpkg

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Only ``./dev test-package`` runs these (they install system-wide): deselected, not
    skipped, in every other run, whatever ``-m`` says."""
    if os.environ.get("REPLYTRAIL_PACKAGE_TESTS") == "1":
        return
    ours = [i for i in items if i.path.is_relative_to(HERE)]
    if ours:
        config.hook.pytest_deselected(items=ours)
        items[:] = [i for i in items if not i.path.is_relative_to(HERE)]


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

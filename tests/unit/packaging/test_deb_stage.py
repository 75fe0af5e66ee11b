"""The .deb's file tree, staged from a stand-in bundle (the real one: tests/package)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "packaging"))

from linux import deb  # noqa: E402


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    b = tmp_path / "replytrail"
    (b / "_internal").mkdir(parents=True)
    (b / "replytrail").write_text("#!/bin/sh\n")
    return b


def test_stage_layout_and_optional_system_autostart(bundle: Path, tmp_path: Path) -> None:
    plain, auto = tmp_path / "plain", tmp_path / "auto"
    deb._stage(bundle, plain, "9.8.7", autostart=False)
    deb._stage(bundle, auto, "9.8.7", autostart=True)
    assert (plain / "opt/replytrail/replytrail").is_file()
    assert str((plain / "usr/bin/replytrail").readlink()) == "/opt/replytrail/replytrail"
    sizes = sorted(
        int(p.parent.parent.name.split("x")[0])
        for p in (plain / "usr/share/icons/hicolor").glob("*x*/apps/replytrail.png")
    )
    assert sizes == list(deb.PNG_SIZES)
    meta = (plain / "usr/share/metainfo/com.replytrail.Replytrail.metainfo.xml").read_text()
    assert 'version="9.8.7"' in meta
    assert not (plain / "etc/xdg/autostart").exists()
    assert (auto / "etc/xdg/autostart/replytrail.desktop").is_file()
    conffiles = (auto / "DEBIAN/conffiles").read_text().split()
    assert conffiles == [
        "/etc/replytrail/policies.toml.example",
        "/etc/xdg/autostart/replytrail.desktop",
    ]
    # never the admin's own policy file: it survives upgrades and purges
    assert not (auto / "etc/replytrail/policies.toml").exists()

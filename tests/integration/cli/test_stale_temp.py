"""SIGKILL while an attachment is written leaves ``attachments/xx/.tmp-*``; doctor and start-up
remove such files once they are clearly abandoned, and never one that is still being written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from replytrail.core.paths import resolve_paths
from replytrail.core.tempfiles import STALE_AFTER_S, clean_stale_temp
from servers.cli import Cli

WRITER = """
import os, sys
from pathlib import Path
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.core.store.base import AttachmentBlob
sys.path.insert(0, {tests!r})
from factories import record
d = Path(sys.argv[1])
store = SQLiteStore(d / "replytrail.sqlite3", d / "attachments")
print("ready", flush=True)
n = 0
while True:
    n += 1
    blob = AttachmentBlob("big.bin", "application/octet-stream", os.urandom(16_000_000))
    store.record(record(n, f"T{{n}}", attachments=[blob]))
"""


def _temps(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "attachments").glob("*/.tmp-*"))


def _kill_until_temp_left(data_dir: Path) -> list[Path]:
    script = WRITER.format(tests=str(Path(__file__).parents[2]))
    for attempt in range(40):
        child = subprocess.Popen(
            [sys.executable, "-c", script, str(data_dir)], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(0.05 + (attempt % 7) * 0.07)  # a different point of the write each time
        os.kill(child.pid, signal.SIGKILL)
        child.wait(30)
        child.stdout.close()
        if len(_temps(data_dir)) >= 2:
            break
    return _temps(data_dir)


def test_doctor_removes_abandoned_attachment_temp_files(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    left = _kill_until_temp_left(data_dir)
    assert left, "no SIGKILL landed inside an attachment write"
    cli = Cli(data_dir)
    fresh = cli("doctor", "--offline")
    assert "Traceback" not in fresh.err
    assert _temps(data_dir) == left  # young: they could belong to a running write
    old = time.time() - STALE_AFTER_S - 60
    for p in left:
        os.utime(p, (old, old))
    r = cli("doctor", "--offline")
    assert "Traceback" not in r.err
    assert _temps(data_dir) == []
    assert "orphaned files removed" in r.out
    assert "store" in r.out and "FAIL  store" not in r.out


def test_start_up_cleaning_keeps_young_and_settings_files(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path)
    paths.ensure()
    sub = paths.blob_dir / "ab"
    sub.mkdir(parents=True)
    young, stale = sub / ".tmp-young", sub / ".tmp-stale"
    stale_settings, accounts = paths.config_dir / ".accounts.toml.x1", paths.accounts_file
    for p in (young, stale, stale_settings, accounts):
        p.write_bytes(b"x")
    old = time.time() - STALE_AFTER_S - 60
    for p in (stale, stale_settings, accounts):
        os.utime(p, (old, old))
    assert clean_stale_temp(paths) == 2
    assert young.exists() and accounts.exists()
    assert not stale.exists() and not stale_settings.exists()

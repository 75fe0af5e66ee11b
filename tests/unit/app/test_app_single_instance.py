"""One instance per user and data dir: a second start reaches the first over a local socket."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from replytrail.app.single_instance import SingleInstance, server_name

SECOND = """
import sys
from PySide6.QtCore import QCoreApplication
from replytrail.app.single_instance import SingleInstance
app = QCoreApplication([])
sys.exit(0 if SingleInstance(sys.argv[1]).notify_running() else 3)
"""


@pytest.fixture
def short_tmp() -> Path:
    import tempfile

    return Path(tempfile.mkdtemp(prefix="si-", dir="/tmp"))


def test_second_start_raises_the_first(qtbot: QtBot, short_tmp: Path) -> None:
    name = server_name(short_tmp / "data", short_tmp / "run")
    first = SingleInstance(name)
    assert first.listen()
    try:
        with qtbot.waitSignal(first.activated, timeout=10_000):
            second = subprocess.Popen([sys.executable, "-c", SECOND, name])
        assert second.wait(10) == 0
    finally:
        first.close()
    r = subprocess.run([sys.executable, "-c", SECOND, name], timeout=10, check=False)
    assert r.returncode == 3  # nobody listens any more


def test_leftover_socket_of_a_crashed_instance(qtbot: QtBot, short_tmp: Path) -> None:
    name = server_name(short_tmp / "data", short_tmp / "run")
    Path(name).parent.mkdir(parents=True)
    s = socket.socket(socket.AF_UNIX)
    s.bind(name)
    s.close()  # the file stays, nobody listens: what a killed process leaves
    inst = SingleInstance(name)
    assert not inst.notify_running()
    assert inst.listen()
    inst.close()


def test_names(tmp_path: Path) -> None:
    a = server_name(Path("/d/one"), Path("/run/user/1"))
    assert a.startswith("/run/user/1/replytrail-") and a.endswith(".sock")
    assert a != server_name(Path("/d/two"), Path("/run/user/1"))
    long_runtime = tmp_path / ("x" * 120)
    plain = server_name(Path("/d/one"), long_runtime)
    assert "/" not in plain and plain.startswith("replytrail-")
    assert "/" not in server_name(Path("/d/one"), Path("C:/x"), platform="win32")

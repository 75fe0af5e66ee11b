"""The suite's own rule: a test that uses a server fixture without the 'servers' marker fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.servers  # the marked case below starts a real (POP3-only) Dovecot

CASES = """
import pytest

def test_unmarked(pop3_only):
    pass

@pytest.mark.servers
def test_marked(pop3_only):
    pass
"""


def test_a_server_fixture_without_the_marker_fails(tmp_path: Path) -> None:
    (tmp_path / "test_cases.py").write_text(CASES)
    r = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "conftest", "-p", "no:cacheprovider",
         "-o", "markers=servers", "--rootdir", str(tmp_path), str(tmp_path / "test_cases.py")],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": f"{TESTS}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"},
        cwd=tmp_path,
    )  # fmt: skip
    assert "test_unmarked uses pop3_only but is not marked 'servers'" in r.stdout, r.stdout
    assert "1 passed, 1 error" in r.stdout, r.stdout  # it fails in setup, before the server

"""Replytrail switches off PySide6's per-module source scan, so it must never use __feature__."""

from __future__ import annotations

import ast
import linecache
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).parents[3] / "desktop" / "replytrail"


def test_no_module_uses_pyside_feature() -> None:
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert node.module != "__feature__", f"{path} uses __feature__"


def test_modules_imported_after_the_switch_leave_no_source_in_memory() -> None:
    code = (
        "import linecache\n"
        "from replytrail.app.main import skip_feature_source_scan\n"
        "skip_feature_source_scan()\n"
        "import replytrail.core.engine, replytrail.app.application\n"
        "print(len([f for f in linecache.cache if 'replytrail' in f]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"
    assert linecache  # the module the scan would fill

"""The core never imports Qt (STYLE: core without Qt): an AST scan and a real import."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "desktop" / "replytrail" / "core"
QT = ("PySide6", "PyQt5", "PyQt6", "PySide2", "shiboken6")


def fresh_python(code: str) -> str:
    """Run *code* in a new interpreter (nothing imported yet); what it printed."""
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert r.returncode == 0, r.stderr
    return r.stdout.strip()


def _modules() -> list[str]:
    root = CORE.parent.parent
    return [
        ".".join(p.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
        for p in sorted(CORE.rglob("*.py"))
    ]


def test_no_qt_import_in_core_sources() -> None:
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            offenders += [
                f"{path.relative_to(CORE)}:{node.lineno} {n}"
                for n in names
                if n.split(".")[0] in QT
            ]
    assert offenders == []


def test_importing_all_of_core_loads_no_qt() -> None:
    modules = _modules()
    assert "replytrail.core.engine" in modules
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {QT!r})\n"
        "print(','.join(bad))\n"
    )
    assert fresh_python(code) == ""


def test_the_app_without_a_team_store_loads_no_postgresql_driver() -> None:
    """psycopg (with its own libpq and OpenSSL, ~10 MB resident) is loaded only once this
    laptop uses a team store: the tray app's idle memory target depends on it."""
    code = (
        "import sys\n"
        "import replytrail.app.assemble, replytrail.app.application, replytrail.core.engine\n"
        "import replytrail.ui.wizard.wizard, replytrail.app.team\n"
        "from replytrail.core.team.membership import joined, make_replicator, team_forget\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'psycopg')))\n"
    )
    assert fresh_python(code) == ""


def test_nothing_loaded_before_the_tray_icon_builds_the_qt_namespace() -> None:
    """The first ``from PySide6.QtCore import Qt`` makes PySide build all ~100 enums of the
    Qt namespace (15–25 ms of start → icon): ``app/boot.py`` and what it imports before the
    icon is shown must not touch ``Qt`` (the tray app's start target depends on it)."""
    code = (
        "import PySide6.QtCore as core\n"
        "import replytrail.cli, replytrail.app.main, replytrail.app.boot\n"
        "print('Qt' in vars(core))\n"
    )
    assert fresh_python(code) == "False"

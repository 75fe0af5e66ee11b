"""Locate Replytrail's ``resources/`` folder in a source checkout and in an installation."""

from __future__ import annotations

import contextlib
import sys
from importlib import resources as importlib_resources
from pathlib import Path

__all__ = ["resources_dir"]

_MARKER = "providers.json"


def _candidates() -> list[Path]:
    here = Path(__file__).resolve()
    package = here.parents[1]  # .../replytrail
    out: list[Path] = []
    with contextlib.suppress(ModuleNotFoundError, TypeError):
        # installed: the wheel ships the folder as package data (replytrail/resources)
        out.append(Path(str(importlib_resources.files("replytrail") / "resources")))
    out += [
        package / "resources",
        package.parents[1] / "resources",  # checkout: <repo>/desktop/replytrail -> <repo>/resources
        Path(sys.prefix) / "share" / "replytrail" / "resources",  # data-files installs
    ]
    frozen = getattr(sys, "_MEIPASS", None)  # PyInstaller bundle
    if isinstance(frozen, str):
        out.append(Path(frozen) / "resources")
    return out


def resources_dir() -> Path:
    """The folder holding ``providers.json``, ``translations/`` and ``icons/``.

    Looks inside the installed package first (``replytrail/resources``), then beside
    ``desktop/`` in a checkout, then ``<prefix>/share/replytrail/resources``.
    """
    for cand in _candidates():
        if (cand / _MARKER).is_file():
            return cand
    raise FileNotFoundError(
        "Replytrail's resources folder (with providers.json) is missing from this installation"
    )

"""Locate Replytrail's ``resources/`` folder in a source checkout and in an installation."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

__all__ = ["resources_dir"]

_MARKER = "providers.json"


def _candidates() -> list[Path]:
    here = Path(__file__).resolve()
    package = here.parents[1]  # .../replytrail
    out = [
        package / "resources",  # installed: the wheel ships the folder as package data
        package.parents[1] / "resources",  # checkout: <repo>/desktop/replytrail -> <repo>/resources
        Path(sys.prefix) / "share" / "replytrail" / "resources",  # data-files installs
    ]
    frozen = getattr(sys, "_MEIPASS", None)  # PyInstaller bundle
    if isinstance(frozen, str):
        out.append(Path(frozen) / "resources")
    return out


def _from_importlib() -> Path | None:
    """Last resort (a zipped install): ask importlib.resources (it imports zipfile: slow)."""
    from importlib import resources as importlib_resources

    with contextlib.suppress(ModuleNotFoundError, TypeError):
        return Path(str(importlib_resources.files("replytrail") / "resources"))
    return None


def resources_dir() -> Path:
    """The folder holding ``providers.json``, ``translations/`` and ``icons/``.

    Looks inside the installed package first (``replytrail/resources``), then beside
    ``desktop/`` in a checkout, then ``<prefix>/share/replytrail/resources``.
    """
    for cand in _candidates():
        if (cand / _MARKER).is_file():
            return cand
    cand_or_none = _from_importlib()
    if cand_or_none is not None and (cand_or_none / _MARKER).is_file():
        return cand_or_none
    raise FileNotFoundError(
        "Replytrail's resources folder (with providers.json) is missing from this installation"
    )

"""Start the tray application: ``replytrail`` with no command, ``python -m replytrail``."""

from __future__ import annotations

import sys

__all__ = ["run_app", "skip_feature_source_scan"]


def skip_feature_source_scan() -> None:
    """Stop PySide6 from reading the source of every module imported after it.

    PySide6's import hook (``shibokensupport.feature.feature_imported``) runs
    ``inspect.getsource`` on each newly imported module to see whether it mentions PySide6,
    so that ``from __feature__ import snake_case`` can be applied per module. Replytrail never
    uses ``__feature__`` (a test checks), and the scan keeps ~9 MiB of source text of the
    engine's modules in memory for the life of the tray app.
    """
    import PySide6.QtCore  # noqa: F401 - installs the hook we switch off

    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and hasattr(feature, "_mod_uses_pyside"):
        feature.__dict__["_mod_uses_pyside"] = lambda _module: False


def run_app(data_dir: str | None = None, demo: bool = False) -> int:
    skip_feature_source_scan()
    from replytrail.app.boot import run

    return run(data_dir, demo)

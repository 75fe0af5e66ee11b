"""Start the tray application (replaced by the full composition root)."""

from __future__ import annotations

__all__ = ["run_app"]


def run_app(data_dir: str | None = None, demo: bool = False) -> int:
    from replytrail.app.application import main

    return main(data_dir=data_dir, demo=demo)

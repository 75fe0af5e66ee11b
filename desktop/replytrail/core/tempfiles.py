"""Temporary files a crash left behind: attachment writes (``attachments/xx/.tmp-*``) and
atomic settings writes (``.accounts.toml.*``), removed once they are clearly abandoned."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator

from replytrail.core.paths import Paths

__all__ = ["STALE_AFTER_S", "clean_in_background", "clean_stale_temp"]

log = logging.getLogger("replytrail.store")

#: a temporary file untouched this long belongs to no running write any more
STALE_AFTER_S = 600.0
_SETTINGS_PREFIXES = (".accounts.toml.", ".settings.toml.")


def _candidates(paths: Paths) -> Iterator[os.DirEntry[str]]:
    if paths.blob_dir.is_dir():
        with os.scandir(paths.blob_dir) as subs:
            for sub in subs:
                if len(sub.name) == 2 and sub.is_dir(follow_symlinks=False):
                    with os.scandir(sub.path) as files:
                        yield from (f for f in files if f.name.startswith(".tmp-"))
    if paths.config_dir.is_dir():
        with os.scandir(paths.config_dir) as files:
            yield from (f for f in files if f.name.startswith(_SETTINGS_PREFIXES))


def clean_stale_temp(paths: Paths, *, older_than: float = STALE_AFTER_S) -> int:
    """Delete temporary files not modified for *older_than* seconds; returns how many.

    Never raises: a folder that cannot be read is left for ``doctor``'s other checks.
    """
    cutoff = time.time() - older_than
    removed = 0
    try:
        for entry in _candidates(paths):
            try:
                if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                    os.unlink(entry.path)
                    removed += 1
            except FileNotFoundError:
                continue  # its writer finished (or another cleaner was faster)
    except OSError as exc:
        log.warning("could not look for stale temporary files (%s)", exc.strerror)
    if removed:
        log.info("removed %d stale temporary files", removed)
    return removed


def clean_in_background(paths: Paths) -> None:
    """:func:`clean_stale_temp` in a daemon thread (at start-up, off the GUI thread)."""
    threading.Thread(target=clean_stale_temp, args=(paths,), name="clean", daemon=True).start()

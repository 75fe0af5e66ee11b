"""Opening the local store: the one place outside core/store/ callers get a concrete store from."""

from __future__ import annotations

import os

from replytrail.core.errors import DiskFull, StoreError
from replytrail.core.paths import Paths
from replytrail.core.store.base import Store
from replytrail.core.store.sqlite import SQLiteStore

__all__ = ["MIN_FREE", "check_space", "open_store"]

#: below this much free space (bytes) in the data dir, logging is about to fail
MIN_FREE = 1024 * 1024


def open_store(paths: Paths, *, timeout: float = 15.0) -> Store:
    """The local SQLite store under *paths* (created and migrated as needed)."""
    return SQLiteStore(paths.store_file, paths.blob_dir, timeout=timeout)


def check_space(paths: Paths, need: int = MIN_FREE) -> int:
    """Free bytes where the store lives; :class:`DiskFull` below *need*."""
    try:
        st = os.statvfs(paths.store_file.parent)
    except OSError as e:
        raise StoreError(path=paths.store_file, detail=e.strerror or str(e)) from None
    free = st.f_bavail * st.f_frsize
    if free < need:
        raise DiskFull(path=paths.store_file)
    return free

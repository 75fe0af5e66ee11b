"""Opening the local store: the one place outside core/store/ callers get a concrete store from."""

from __future__ import annotations

from replytrail.core.paths import Paths
from replytrail.core.store.base import Store
from replytrail.core.store.sqlite import SQLiteStore

__all__ = ["open_store"]


def open_store(paths: Paths, *, timeout: float = 15.0) -> Store:
    """The local SQLite store under *paths* (created and migrated as needed)."""
    return SQLiteStore(paths.store_file, paths.blob_dir, timeout=timeout)

"""The SQLite connection under the local store: one lock, whole transactions, errors mapped.

Every ``sqlite3.Error`` and ``OSError`` that reaches a caller of the store comes out as a
:class:`StoreError` (a :class:`DiskFull` when SQLite or the file system says the disk is
full), so the watcher can tell "the store cannot take this now" from "this message is bad".
"""

from __future__ import annotations

import errno
import logging
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from replytrail.core.errors import DiskFull, StoreError
from replytrail.core.store.blobs import BlobStore
from replytrail.core.store.schema import SQLITE_MIGRATIONS

__all__ = ["SQLiteBase", "store_error"]

log = logging.getLogger("replytrail.store")

SQLITE_FULL = 13  # the primary result code of "database or disk is full"
_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})


def store_error(path: Path, exc: BaseException) -> StoreError:
    """The StoreError (DiskFull where the database or the file system says so) for *exc*."""
    if isinstance(exc, StoreError):
        return exc
    if isinstance(exc, OSError):
        if exc.errno in _FULL_ERRNOS:
            return DiskFull(path=path)
        return StoreError(path=path, detail=exc.strerror or str(exc))
    code = getattr(exc, "sqlite_errorcode", None)
    if (isinstance(code, int) and code & 0xFF == SQLITE_FULL) or "is full" in str(exc):
        return DiskFull(path=path)
    return StoreError(path=path, detail=str(exc) or type(exc).__name__)


class SQLiteBase:
    """Connection, lock, migrations and the error mapping; the store's methods build on it."""

    def __init__(self, path: Path, blob_dir: Path | None = None, *, timeout: float = 15.0) -> None:
        self.path = path
        self.blobs = BlobStore(blob_dir or path.parent / "attachments")
        self._lock = threading.RLock()
        with self._mapped():
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            self._db = sqlite3.connect(
                path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA secure_delete=ON")
            self._db.execute("PRAGMA temp_store=MEMORY")
            self._db.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
            self._migrate()

    @contextmanager
    def _mapped(self) -> Iterator[None]:
        """Turn database and file errors into StoreError/DiskFull (the cause kept for logs)."""
        try:
            yield
        except (sqlite3.Error, OSError) as e:
            raise store_error(self.path, e) from e

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` … ``COMMIT``; rolled back whole on any failure inside."""
        with self._lock, self._mapped():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        # SQLite may have rolled back already (SQLITE_FULL does): roll back only what is open
        if self._db.in_transaction:
            try:
                self._db.execute("ROLLBACK")
            except sqlite3.Error as e:
                log.warning("rollback failed: %s", e)

    def _q(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock, self._mapped():
            return self._db.execute(sql, params).fetchall()

    def _one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        rows = self._q(sql, params)
        return rows[0] if rows else None

    @property
    def version(self) -> int:
        row = self._one("PRAGMA user_version")
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        current = self.version
        if current > len(SQLITE_MIGRATIONS):
            raise StoreError(
                path=self.path,
                detail=f"made by a newer Replytrail (schema {current}); update Replytrail",
            )
        for version in range(current, len(SQLITE_MIGRATIONS)):
            with self._write() as db:
                # another process (the tray app and the CLI start together) may have
                # migrated since we looked: decide inside the write lock
                if db.execute("PRAGMA user_version").fetchone()[0] > version:
                    continue
                for stmt in SQLITE_MIGRATIONS[version]:
                    db.execute(stmt)
                db.execute(f"PRAGMA user_version={version + 1}")
            log.info("store migrated to schema %d", version + 1)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def integrity_check(self) -> str:
        row = self._one("PRAGMA integrity_check")
        return str(row[0]) if row else "no answer"

    def put_blob(self, data: bytes) -> str:
        """Write *data* to the blob store (ENOSPC → DiskFull); its SHA-256."""
        with self._mapped():
            return self.blobs.put(data)

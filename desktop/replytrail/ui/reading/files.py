"""Attachment files on disk: sanitised names, temporary copies to open, saved copies."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QStandardPaths

from replytrail.core.models import Attachment

__all__ = [
    "AttachmentFiles",
    "AttachmentSource",
    "BlobAttachments",
    "is_risky",
    "safe_attachment_name",
]


class AttachmentSource(Protocol):
    """Attachment bytes by SHA-256 (the blob files; never the store's database connection)."""

    def attachment_data(self, sha256: str) -> bytes: ...


_RISKY = frozenset({
    ".exe", ".com", ".bat", ".cmd", ".scr", ".pif", ".msi", ".msp", ".ps1", ".vbs", ".vbe", ".js",
    ".jse", ".wsf", ".wsh", ".hta", ".lnk", ".reg", ".jar", ".sh", ".run", ".desktop", ".app",
    ".command", ".dmg", ".pkg", ".deb", ".rpm", ".appimage", ".cpl", ".dll", ".iso", ".img",
    ".vhd", ".docm", ".xlsm", ".pptm",
})  # fmt: skip


def safe_attachment_name(name: str) -> str:
    """One harmless file name (no directories, no ``..``, no device names)."""
    from replytrail.core.mail.parse import sanitize_filename

    return sanitize_filename(name)


def is_risky(name: str) -> bool:
    """Executables, scripts, installers and macro documents."""
    return Path(name.lower()).suffix in _RISKY


class AttachmentFiles:
    """Writes attachment bytes where the user wants them, never outside the chosen folder."""

    def __init__(self, store: AttachmentSource) -> None:
        self._store = store
        self._tmp: Path | None = None

    def safe_name(self, att: Attachment) -> str:
        return safe_attachment_name(att.filename)

    def default_dir(self) -> Path:
        where = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
        return Path(where) if where else Path.home()

    def _write(self, att: Attachment, target: Path) -> Path:
        data = self._store.attachment_data(att.sha256)
        fd, tmp = tempfile.mkstemp(prefix=".part-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.chmod(tmp, 0o600)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return target

    def save(self, att: Attachment, chosen: Path) -> Path:
        """Save to the folder of *chosen* under a sanitised version of its name."""
        folder = chosen.parent.resolve()
        target = folder / safe_attachment_name(chosen.name or att.filename)
        if target.resolve().parent != folder:
            raise PermissionError(13, "outside the chosen folder")
        return self._write(att, target)

    def save_into(self, att: Attachment, folder: Path) -> Path:
        """Save into *folder* under the attachment's sanitised name."""
        return self.save(att, folder / safe_attachment_name(att.filename))

    def temp_copy(self, att: Attachment) -> Path:
        """A private temporary copy to hand to the system's viewer (removed by :meth:`cleanup`)."""
        if self._tmp is None:
            self._tmp = Path(tempfile.mkdtemp(prefix="replytrail-open-"))
        folder = self._tmp / att.sha256[:16]
        folder.mkdir(mode=0o700, exist_ok=True)
        return self._write(att, folder / safe_attachment_name(att.filename))

    def cleanup(self) -> None:
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None


class BlobAttachments:
    """Attachment bytes straight from the content-addressed blob folder (read-only files)."""

    def __init__(self, blob_dir: Path) -> None:
        from replytrail.core.store.blobs import BlobStore

        self._blobs = BlobStore(blob_dir)

    def attachment_data(self, sha256: str) -> bytes:
        return self._blobs.get(sha256)

"""Writing an mbox without parsing a message, and files that appear only when complete.

:func:`mbox_entry` frames raw message bytes as one mbox entry (mboxrd quoting) without
the :mod:`email` parser, whose generator recurses once per MIME level (a 2,000-level
nested multipart raised RecursionError). :func:`write_complete` writes to an unnamed
``O_TMPFILE`` in the target folder and links it in at the end, so a failure or a SIGKILL
leaves no temporary file in the user's folder.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from replytrail.core.models import LoggedEmail

__all__ = ["mbox_entry", "write_complete"]

_AT_FDCWD = -100
_AT_SYMLINK_FOLLOW = 0x400
_FROM_LINE = re.compile(rb"^(>*From )", re.MULTILINE)
#: errors that mean the file system has no O_TMPFILE (then a named temporary file is used)
_NO_TMPFILE = (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT)


def mbox_entry(raw: bytes, e: LoggedEmail) -> bytes:
    """``From sender date`` line, the message with LF line ends and ``>From`` quoting
    (mboxrd), then an empty line."""
    data = _FROM_LINE.sub(rb">\1", raw.replace(b"\r\n", b"\n"))
    if not data.endswith(b"\n"):
        data += b"\n"
    sender = "".join(e.sender.email.split()) or "MAILER-DAEMON"
    stamp = time.asctime(e.date.utctimetuple())
    return f"From {sender} {stamp}\n".encode("utf-8", "replace") + data + b"\n"


def _linkat(fd: int, path: Path) -> None:
    """linkat(2) with AT_SYMLINK_FOLLOW on /proc/self/fd/N (os.link calls link(2), which
    does not follow the magic link and fails with EXDEV)."""
    libc = ctypes.CDLL(None, use_errno=True)
    source = f"/proc/self/fd/{fd}".encode()
    if libc.linkat(_AT_FDCWD, source, _AT_FDCWD, os.fsencode(path), _AT_SYMLINK_FOLLOW) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(path))


def _link(fd: int, target: Path) -> None:
    """Give the unnamed file *fd* the name *target* (replacing an existing file)."""
    try:
        _linkat(fd, target)
        return
    except FileExistsError:
        pass
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    _linkat(fd, tmp)
    try:
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _write_named(target: Path, chunks: Iterable[bytes]) -> None:
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            for chunk in chunks:
                f.write(chunk)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(name, 0o644)
        os.replace(name, target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def write_complete(target: Path, chunks: Iterable[bytes]) -> None:
    """Write *chunks* to *target*; it appears (or is replaced) only when all is written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(target.parent, os.O_TMPFILE | os.O_WRONLY, 0o644)
    except OSError as exc:
        if exc.errno not in _NO_TMPFILE:
            raise
        _write_named(target, chunks)
        return
    try:
        for chunk in chunks:
            view = memoryview(chunk)
            while view:
                view = view[os.write(fd, view) :]
        os.fsync(fd)
        _link(fd, target)
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)

"""A real small disk for the tests: a tmpfs of a few MiB that can be filled and freed (root)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

__all__ = ["SmallDisk"]


class SmallDisk:
    """``mount -t tmpfs -o size=N`` at *path*; ``fill`` leaves only so many bytes free."""

    def __init__(self, path: Path, size: int) -> None:
        self.path, self.size = path, size
        self._fillers: list[Path] = []

    def mount(self) -> SmallDisk:
        if os.geteuid() != 0:
            raise RuntimeError("a tmpfs needs root (CI runs the tests as root)")
        self.path.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={self.size},mode=0700", "tmpfs", str(self.path)],
            check=True,
            capture_output=True,
        )
        return self

    def unmount(self) -> None:
        subprocess.run(["umount", "-l", str(self.path)], check=False, capture_output=True)

    def free(self) -> int:
        st = os.statvfs(self.path)
        return st.f_bavail * st.f_frsize

    def fill(self, leave: int = 0) -> None:
        """Take all free space but *leave* bytes (rounded down to whole blocks)."""
        filler = self.path / f".filler-{len(self._fillers)}"
        self._fillers.append(filler)
        with filler.open("wb", buffering=0) as f:
            todo = self.free() - leave
            block = b"\0" * (1 << 20)
            while todo > 0:
                try:
                    todo -= f.write(block[: min(todo, len(block))])
                except OSError:  # the last partial block: the disk is as full as it gets
                    break

    def release(self) -> None:
        """Give back everything ``fill`` took."""
        for f in self._fillers:
            f.unlink(missing_ok=True)
        self._fillers.clear()

"""What every CLI command is handed: resolved paths, settings, preset and output streams."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TextIO

from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings, load_preset
from replytrail.core.credentials import Credentials
from replytrail.core.paths import Paths
from replytrail.core.store.base import Store
from replytrail.core.store.local import open_store

__all__ = ["CliContext"]


@dataclass
class CliContext:
    paths: Paths
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    stdin: TextIO = field(default_factory=lambda: sys.stdin)

    @cached_property
    def preset(self) -> dict[str, Any]:
        return load_preset(self.paths.preset_files)

    @cached_property
    def settings(self) -> Settings:
        return Settings(self.paths.settings_file, self.preset)

    @cached_property
    def accounts(self) -> AccountRegistry:
        return AccountRegistry(self.paths.accounts_file)

    @cached_property
    def credentials(self) -> Credentials:
        return Credentials()

    @cached_property
    def store(self) -> Store:
        self.paths.ensure()
        return open_store(self.paths)

    def close(self) -> None:
        if "store" in self.__dict__:
            self.store.close()

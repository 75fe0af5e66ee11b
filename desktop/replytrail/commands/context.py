"""What every CLI command is handed: resolved paths, settings, preset and output streams."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, TextIO

from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings, open_settings
from replytrail.core.credentials import Credentials
from replytrail.core.handoff.runner import HandoffRunner
from replytrail.core.handoff.targets import TargetBook
from replytrail.core.oauth.tokens import AccountSecrets
from replytrail.core.paths import Paths
from replytrail.core.store.base import Store
from replytrail.core.store.local import open_store

if TYPE_CHECKING:
    from replytrail.core.team.replicator import Replicator

__all__ = ["CliContext"]


@dataclass
class CliContext:
    paths: Paths
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    stdin: TextIO = field(default_factory=lambda: sys.stdin)

    @property
    def preset(self) -> dict[str, Any]:
        """The team preset, with the admin policy's server presets merged in."""
        return self.settings.preset

    @cached_property
    def settings(self) -> Settings:
        return open_settings(self.paths)

    @cached_property
    def accounts(self) -> AccountRegistry:
        return AccountRegistry(self.paths.accounts_file)

    @cached_property
    def credentials(self) -> Credentials:
        return Credentials()

    @cached_property
    def secrets(self) -> AccountSecrets:
        """Each account's password or OAuth access token (one token source per account)."""
        return AccountSecrets(self.credentials, self.settings)

    @cached_property
    def handoff(self) -> TargetBook:
        return TargetBook(self.paths.handoff_file, self.preset)

    def handoff_runner(self) -> HandoffRunner:
        """The hand-off worker for an engine of this command (``watch``, ``send``)."""
        return HandoffRunner(
            self.paths.store_file,
            self.store,
            self.handoff,
            self.accounts,
            self.credentials,
            self.secrets,
        )

    def team_replicator(self) -> Replicator | None:
        """The team store's replicator for an engine of this command, when in a team."""
        from replytrail.core.store.team_side import replica_of
        from replytrail.core.team.membership import make_replicator

        return make_replicator(replica_of(self.store), self.settings, self.credentials)

    @cached_property
    def store(self) -> Store:
        self.paths.ensure()
        return open_store(self.paths)

    def close(self) -> None:
        if "store" in self.__dict__:
            self.store.close()

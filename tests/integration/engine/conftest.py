"""Engine tests: an account on a real Dovecot with a short IDLE refresh."""

from __future__ import annotations

import pytest

from mailflow import Setup
from servers.cli import Cli
from servers.mailservers import Dovecot


@pytest.fixture
def setup(cli: Cli, dovecot: Dovecot) -> Setup:
    cli.add_dovecot_account(dovecot)
    cli.ok("config", "set", "watch.idle_refresh", "5")
    cli.ok("config", "set", "watch.catchup_interval", "30")
    return Setup(cli, dovecot)

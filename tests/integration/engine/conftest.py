"""Engine tests: an account on a real Dovecot with a short IDLE refresh."""

from __future__ import annotations

import pytest

from mailflow import ALICE, Setup
from servers.cli import Cli
from servers.mailservers import Dovecot


@pytest.fixture
def setup(cli: Cli, dovecot: Dovecot) -> Setup:
    cli.ok(
        "account",
        "add",
        "--email",
        ALICE,
        "--imap-host",
        dovecot.listen,
        "--imap-port",
        str(dovecot.ports["imaps"]),
        "--smtp-host",
        dovecot.listen,
        "--smtp-port",
        str(dovecot.ports["submissions"]),
        "--smtp-security",
        "ssl",
        "--ca-file",
        str(dovecot.certs[0]),
        "--no-discover",
        "--password-stdin",
        input="alicepw\n",
    )
    cli.ok("config", "set", "watch.idle_refresh", "5")
    cli.ok("config", "set", "watch.catchup_interval", "30")
    return Setup(cli, dovecot)

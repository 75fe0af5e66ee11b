"""Hand-off tests: a Dovecot where one mailbox plays the CRM's drop address."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from mailflow import Setup
from servers.cli import Cli
from servers.mailservers import Dovecot, free_port, start_lmtp_relay

CRM = "crm@example.test"


@dataclass
class CrmSetup(Setup):
    relay: Any = None  # the submission relay's handler: every envelope that left Replytrail

    def envelopes(self) -> list[tuple[str, list[str], bytes]]:
        return list(self.relay.messages)


@pytest.fixture
def crm_setup(cli: Cli) -> Iterator[CrmSetup]:
    relay_port = free_port()
    d = Dovecot(
        users={
            "alice@example.test": "alicepw",
            "bob@example.test": "bobpw",
            CRM: "crmpw",
        },
        relay_port=relay_port,
    )
    d.start()
    ctrl, handler = start_lmtp_relay(d, relay_port)
    try:
        cli.add_dovecot_account(d)
        cli.ok("config", "set", "watch.idle_refresh", "5")
        cli.ok("config", "set", "watch.catchup_interval", "30")
        yield CrmSetup(cli, d, relay=handler)
    finally:
        ctrl.stop()
        d.cleanup()

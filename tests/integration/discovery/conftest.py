"""Session fixtures for the discovery end-to-end tests (see discovery_mailnet.py)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from servers.mailservers import DOVECOT

from .discovery_mailnet import DNSMASQ, IP, DiscoverCli, MailNet, cleanup_stale


@pytest.fixture(scope="session")
def mailnet() -> Iterator[MailNet]:
    """One namespace with DNS, HTTPS and two Dovecots for the session (~0.5 s up).

    Fails (does not skip) without root or ``ip``: CI runs as root, and a skipped discovery
    suite would hide a broken feature.
    """
    if os.geteuid() != 0:
        pytest.fail("the discovery end-to-end tests build a network namespace: run as root")
    for tool in (IP, DNSMASQ, DOVECOT):
        if not Path(tool).exists():
            pytest.fail(f"{tool} is missing (apt-get install iproute2 dnsmasq-base dovecot-*)")
    cleanup_stale()
    net = MailNet().up()
    try:
        yield net
    finally:
        net.down()
        sys.stderr.write(
            "\n[mailnet ms] "
            + ", ".join(f"{k}={v * 1000:.0f}" for k, v in net.timings.items())
            + "\n"
        )


@pytest.fixture(scope="session")
def discover_cli(mailnet: MailNet, tmp_path_factory: pytest.TempPathFactory) -> DiscoverCli:
    return DiscoverCli(mailnet, tmp_path_factory.mktemp("rt-data"))

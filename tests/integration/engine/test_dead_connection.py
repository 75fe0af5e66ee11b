"""A dead connection noticed within two minutes, and back at once when the network returns
(issue 14.2), with the shipped watch settings and real packet loss in the kernel.

Dovecot runs in a network namespace behind a veth pair; a ``tc`` queue drops every packet
both ways (no RST: the connection stays established at both ends, as when a NAT
mapping is gone), and the link going down and up is what netlink announces.
"""

from __future__ import annotations

import re
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mailflow import ALICE, Lines, wait_for
from servers.cli import Cli
from servers.netfault import FaultLink, NetnsDovecot

pytestmark = [pytest.mark.servers, pytest.mark.netns, pytest.mark.slow]

WATCHING = f"state {ALICE} watching"
RETRY = re.compile(r"(INBOX|sent|Sent) offline \(.*\); retrying in ([\d.]+) s")


@pytest.fixture
def net(cli: Cli, tmp_path: Path) -> Iterator[FaultLink]:
    link = FaultLink().up()
    d = NetnsDovecot(link, tmp_path / "tls")
    try:
        d.start()
        cli.add_dovecot_account(d)
        yield link
    finally:
        d.cleanup()
        link.down()


def _watch(cli: Cli) -> tuple[subprocess.Popen[str], Lines, Lines]:
    w = cli.popen("--verbose", "watch")
    return w, Lines(w.stdout), Lines(w.stderr)


def _stop(w: subprocess.Popen[str], *pipes: Lines) -> None:
    w.send_signal(signal.SIGTERM)
    w.wait(timeout=20)
    for p in pipes:
        p.done()


def test_a_black_holed_idle_connection_is_noticed_within_two_minutes(
    cli: Cli, net: FaultLink
) -> None:
    w, out, err = _watch(cli)
    try:
        wait_for(lambda: out.lines.count(WATCHING) >= 1, 60, "the watcher in IDLE")
        wait_for(lambda: len([ln for ln in err.lines if "IMAP login" in ln]) >= 2, 30, "both")
        mark = len(out.lines)
        net.black_hole()
        t0 = time.monotonic()
        wait_for(
            lambda: any(" offline" in ln for ln in out.since(mark)), 180, "the dead connection"
        )
        noticed = time.monotonic() - t0
        net.heal()
        mark = len(out.lines)
        wait_for(lambda: WATCHING in out.since(mark), 180, "watching again after the heal")
    finally:
        _stop(w, out, err)
    assert noticed < 120, f"a dead connection took {noticed:.0f} s to notice"
    assert "Traceback" not in "\n".join(err.lines)


def test_the_watcher_reconnects_as_soon_as_the_network_returns(cli: Cli, net: FaultLink) -> None:
    net.link(up=False)  # no network when the watcher starts
    w, out, err = _watch(cli)
    try:
        # let the backoff grow: both folders now wait at least 15 s before the next try
        def long_waits() -> bool:
            waits: dict[str, float] = {}
            for m in (RETRY.search(ln) for ln in err.lines):
                if m:
                    waits[m.group(1).lower()] = float(m.group(2))
                    # the latest wait of each folder counts
            return len(waits) == 2 and min(waits.values()) >= 15

        wait_for(long_waits, 150, "the backoff to grow past 15 s")
        mark = len(out.lines)
        net.link(up=True)
        t0 = time.monotonic()
        wait_for(lambda: out.since(mark).count(WATCHING) >= 1, 60, "watching again")
        back = time.monotonic() - t0
    finally:
        _stop(w, out, err)
    assert back < 12, f"reconnected {back:.0f} s after the network returned (backoff, not netlink)"
    assert any("network changed" in ln for ln in err.lines)

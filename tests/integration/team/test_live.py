"""Live across the team: a reply logged on laptop A is in laptop B's store (what its open
timeline reads) within a second — LISTEN/NOTIFY, no polling (measured over 50 replies)."""

from __future__ import annotations

import functools
import statistics
import threading
import time
from collections.abc import Callable

import pytest

from replytrail.core.events import TeamOnline, TeamPulled
from teamflow import Laptop, TeamDb

from .conftest import ANNA, BEN

pytestmark = pytest.mark.servers


def test_a_teammates_reply_is_on_my_screen_within_a_second(
    team: TeamDb, laptops: Callable[[str], Laptop]
) -> None:
    arrived = threading.Condition()
    pulled: list[TeamPulled] = []

    def on_event(event: TeamOnline | TeamPulled) -> None:
        if isinstance(event, TeamPulled):
            with arrived:
                pulled.append(event)
                arrived.notify_all()

    anna, ben = laptops(ANNA), laptops(BEN)
    anna.join(team)
    # Ben's puller may only check on its own once an hour: only NOTIFY can wake it in time
    ben.join(team, sink=on_event, idle_check=3600.0)
    assert anna.replicator and ben.replicator
    anna.replicator.start()
    ben.replicator.start()
    latencies: list[float] = []
    for _ in range(50):
        t0 = time.monotonic()
        mid = anna.log().email.message_id
        with arrived:
            assert arrived.wait_for(functools.partial(ben.store.has_message, mid), timeout=10)
        latencies.append(time.monotonic() - t0)
    latencies.sort()
    p50, p99 = statistics.median(latencies), latencies[int(0.99 * len(latencies)) - 1]
    print(f"teammate's reply -> my store: p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms")
    assert p50 < 1.0
    assert p99 < 2.0  # the machine is shared by many test runs; the benchmark has the real p99
    assert pulled and all("kunde@firma.example" in e.contacts for e in pulled)

"""SIGKILL between push and acknowledgement, and between pull and cursor update: nothing
lost, nothing doubled (25 kill points in a child process running the real replicator)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from replytrail.core.store.base import EmailRecord
from teamflow import Laptop, TeamDb

from .conftest import ANNA, BEN

pytestmark = [pytest.mark.servers, pytest.mark.slow]

TESTS = Path(__file__).parents[2]
TOTAL = 600


def _child(lap: Laptop, failpoint: str = "") -> int:
    env = {**os.environ, "PYTHONPATH": str(TESTS)}
    args = [sys.executable, "-m", "servers.team_child", str(lap.root), "10", "10"]
    r = subprocess.run(args + ([failpoint] if failpoint else []), env=env, cwd=TESTS, timeout=300)
    return r.returncode


def _server_ids(team: TeamDb) -> list[str]:
    with team.admin() as conn:
        return [str(r[0]) for r in conn.execute("SELECT message_id FROM replytrail.emails")]


def _outbox_ids(lap: Laptop) -> set[str]:
    rows = lap.store._q(  # test-only look inside: which emails still wait in the outbox
        "SELECT e.message_id FROM outbox o JOIN emails e ON e.id = o.email_id "
        "WHERE o.target = 'team'"
    )
    return {str(r[0]) for r in rows}


def test_sigkill_mid_push_and_mid_pull_loses_and_doubles_nothing(
    team: TeamDb, laptops: Callable[[str], Laptop]
) -> None:
    anna, ben = laptops(ANNA), laptops(BEN)
    anna.join(team)
    ben.join(team)
    logged = {r.email.message_id for r in _log_many(anna, TOTAL)}
    kills = 0
    for stage in ("push-sent", "pushed", "acked"):
        for n in range(1, 6):
            assert _child(anna, f"{stage}:{n}") == -signal.SIGKILL, f"{stage}:{n} not reached"
            kills += 1
            on_server = _server_ids(team)
            assert len(on_server) == len(set(on_server))
            # every logged email is on the server or still queued (or both, after "pushed")
            assert set(on_server) | _outbox_ids(anna) == logged
    for stage in ("pulled", "applied"):
        for n in range(1, 6):
            assert _child(ben, f"{stage}:{n}") == -signal.SIGKILL, f"{stage}:{n} not reached"
            kills += 1
            have = ben.message_ids()
            assert len(have) == len(set(have))
            # the cursor never runs ahead of what was applied locally
            cursor = int(ben.store.sync_state()["team.cursor"])
            with team.admin() as conn:
                upto = {
                    str(r[0])
                    for r in conn.execute(
                        "SELECT message_id FROM replytrail.emails WHERE seq <= %s", (cursor,)
                    )
                }
            assert upto <= set(have)
    assert kills >= 20
    assert _child(anna) == 0 and _child(ben) == 0
    assert sorted(_server_ids(team)) == sorted(logged)
    assert sorted(ben.message_ids()) == sorted(logged)
    assert anna.outbox() == 0 and ben.outbox() == 0


def _log_many(lap: Laptop, n: int) -> list[EmailRecord]:
    recs = [lap.record() for _ in range(n)]
    assert all(r.outbox == ["team"] for r in recs)
    lap.store.record_many(recs)
    return recs

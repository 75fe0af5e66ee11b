"""discover(on_step=…): every step reported once, as it ends, with the outcome steps_tried has."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from replytrail.core.discovery import discover
from replytrail.core.discovery.settings import SOURCES, DiscoveryResult, StepLog


class Recorder:
    """Collects the on_step calls with the name of the thread that made each."""

    def __init__(self) -> None:
        self.calls: list[tuple[StepLog, str]] = []
        self.lock = threading.Lock()

    def __call__(self, step: StepLog) -> None:
        with self.lock:
            self.calls.append((step, threading.current_thread().name))

    @property
    def steps(self) -> list[StepLog]:
        with self.lock:
            return [step for step, _ in self.calls]


def assert_reported_once(seen: Recorder, result: DiscoveryResult) -> None:
    steps = seen.steps
    assert sorted(s.source for s in steps) == sorted(SOURCES)  # each step exactly once
    assert {s.source: s for s in steps} == {s.source: s for s in result.steps_tried}


@pytest.fixture
def black_hole() -> Iterator[int]:
    """A TCP port that accepts connections and never answers (a stuck proxy)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(16)
        yield s.getsockname()[1]


def test_local_hit_reports_the_skipped_steps_too() -> None:
    seen = Recorder()
    r = discover("someone@gmx.de", on_step=seen)
    assert_reported_once(seen, r)
    assert [s.source for s in seen.steps[:2]] == ["preset", "provider-db"]  # in order
    outcomes = {s.source: s.outcome for s in seen.steps}
    assert outcomes["provider-db"] == "hit"
    assert outcomes["probe"] == "not-needed"
    assert r.source == "provider-db"


def test_network_steps_reported_from_their_workers() -> None:
    seen = Recorder()
    r = discover("a@unknown-domain.test", timeout=5, step_timeout=2, on_step=seen)
    assert_reported_once(seen, r)
    threads = {step.source: name for step, name in seen.calls}
    assert threads["preset"] == threads["provider-db"] == threading.current_thread().name
    answered = [s.source for s in r.steps_tried if s.outcome in ("hit", "miss", "error")]
    assert {"dns-srv", "dns-mx", "probe"} <= set(answered)
    for source in answered:
        if source not in ("preset", "provider-db"):
            assert threads[source].startswith("discover"), (source, threads[source])


def test_given_up_steps_reported_once_and_late_answers_ignored(
    black_hole: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # autoconfig and ISPDB hang in a proxy that never answers: the run times out first
    monkeypatch.setenv("https_proxy", f"http://127.0.0.1:{black_hole}")
    monkeypatch.delenv("no_proxy", raising=False)
    seen = Recorder()
    r = discover("a@unknown-domain.test", timeout=0.5, step_timeout=1.0, on_step=seen)
    assert_reported_once(seen, r)
    outcomes = {s.source: s.outcome for s in r.steps_tried}
    assert outcomes["autoconfig"] == outcomes["ispdb"] == "timeout"
    # the hung steps give up now, after discover returned: wait for their threads to end
    for t in threading.enumerate():
        if t.name.startswith("discover"):
            t.join(timeout=30)
            assert not t.is_alive(), f"{t.name} still hangs"
    assert_reported_once(seen, r)


def test_cancelled_run_reports_every_step() -> None:
    cancel = threading.Event()
    cancel.set()
    seen = Recorder()
    r = discover("a@unknown-domain.test", cancel=cancel, on_step=seen)
    assert r.cancelled
    assert_reported_once(seen, r)
    assert {s.outcome for s in seen.steps[1:]} == {"cancelled"}


def test_a_failing_listener_does_not_change_the_result() -> None:
    def broken(step: StepLog) -> None:
        raise RuntimeError("listener bug")

    quiet = discover("someone@gmx.de")
    r = discover("someone@gmx.de", on_step=broken)
    assert (r.source, r.incoming, r.outgoing) == (quiet.source, quiet.incoming, quiet.outgoing)
    assert [s.outcome for s in r.steps_tried] == [s.outcome for s in quiet.steps_tried]

"""The engine in-process against Dovecot: pause/resume/stop end every thread; reconnect now."""

from __future__ import annotations

import threading
import time

import pytest

from mailflow import ALICE, Setup, reply, wait_for
from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials
from replytrail.core.engine import Engine
from replytrail.core.events import EmailLogged, Event, StateChanged, WatchState
from replytrail.core.store.sqlite import SQLiteStore

pytestmark = pytest.mark.servers


#: threads alive before this module's engines start (an earlier test's engine may still be
#: winding down): only watcher threads started since count
_EARLIER: set[threading.Thread] = set()


@pytest.fixture(autouse=True)
def _earlier_threads() -> None:
    _EARLIER.clear()
    _EARLIER.update(threading.enumerate())


def _watchers() -> list[str]:
    return [
        t.name for t in threading.enumerate() if t.name.startswith("watch-") and t not in _EARLIER
    ]


def _engine(setup: Setup, events: list[Event]) -> tuple[Engine, SQLiteStore]:
    d = setup.cli.data_dir
    store = SQLiteStore(d / "replytrail.sqlite3")
    engine = Engine(
        store=store,
        accounts=AccountRegistry(d / "accounts.toml"),
        credentials=Credentials(),
        settings=Settings(d / "settings.toml"),
        sink=events.append,
    )
    return engine, store


def _state(events: list[Event]) -> WatchState | None:
    states = [e.state.state for e in events if isinstance(e, StateChanged)]
    return states[-1] if states else None


def test_pause_resume_stop_end_every_watcher_thread(setup: Setup) -> None:
    events: list[Event] = []
    engine, store = _engine(setup, events)
    try:
        engine.start()
        wait_for(lambda: _state(events) is WatchState.WATCHING, what="watching")
        assert len(_watchers()) == 2  # INBOX and Sent, one connection each
        # providers cap connections per account: the watcher holds two, sending adds one
        who = setup.dovecot.doveadm("who", "-1").stdout.decode()
        assert len([line for line in who.splitlines() if ALICE in line]) == 2
        engine.pause()
        assert _watchers() == []
        assert {s.state for s in engine.states()} == {WatchState.PAUSED}
        engine.resume()
        wait_for(
            lambda: len(_watchers()) == 2 and _state(events) is WatchState.WATCHING,
            what="watching again",
        )
        t0 = time.monotonic()
        engine.stop()
        assert time.monotonic() - t0 < 2.0
        assert _watchers() == []
    finally:
        engine.stop()
        store.close()


def test_reconnect_now_keeps_watching_and_logs_what_arrives(setup: Setup) -> None:
    msgid = setup.send()
    events: list[Event] = []
    engine, store = _engine(setup, events)
    try:
        engine.start()
        wait_for(lambda: _state(events) is WatchState.WATCHING, what="watching")
        events.clear()
        engine.reconnect_now()  # the network came back: a fresh connection at once
        setup.deliver(reply(msgid, msgid="<after-wake@example.test>"))
        wait_for(
            lambda: any(
                isinstance(e, EmailLogged) and e.email.message_id == "<after-wake@example.test>"
                for e in events
            ),
            what="the reply after reconnecting",
        )
        offline = [
            e for e in events if isinstance(e, StateChanged) and e.state.state is WatchState.OFFLINE
        ]
        assert offline == []  # reconnecting on purpose is not being offline
        assert len(_watchers()) == 2
    finally:
        engine.stop()
        store.close()
    assert _watchers() == []

"""The Qt adapter over the real engine: events arrive as signals on the GUI thread."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtDBus import QDBusConnection
from PySide6.QtNetwork import QNetworkInformation
from pytestqt.qtbot import QtBot

from replytrail.app.engine_thread import EngineAdapter
from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials, new_ref
from replytrail.core.engine import Engine
from replytrail.core.events import AccountState, SendFailed, StateChanged, WatchState
from replytrail.core.mail.draft import Draft
from replytrail.core.models import Account, Security
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.qt.jobs import Jobs
from servers.keyring import SecretService
from servers.mailservers import Dovecot

ALICE = "alice@example.test"

pytestmark = pytest.mark.servers  # a real Dovecot and the real keyring (D-Bus)


@pytest.fixture
def parts(
    tmp_path: Path, secret_service: SecretService
) -> Iterator[tuple[Settings, AccountRegistry, Credentials, SQLiteStore]]:
    settings = Settings(tmp_path / "settings.toml")
    accounts = AccountRegistry(tmp_path / "accounts.toml")
    credentials = Credentials()  # the real Secret Service of the test run
    store = SQLiteStore(tmp_path / "store.sqlite3")
    yield settings, accounts, credentials, store
    store.close()


def adapter_for(
    parts: tuple[Settings, AccountRegistry, Credentials, SQLiteStore],
    system_bus: QDBusConnection | None = None,
) -> EngineAdapter:
    settings, accounts, credentials, store = parts
    return EngineAdapter(
        lambda sink: Engine(
            store=store, accounts=accounts, credentials=credentials, settings=settings, sink=sink
        ),
        Jobs(),
        system_bus=system_bus,
    )


def add_account(
    parts: tuple[Settings, AccountRegistry, Credentials, SQLiteStore], d: Dovecot
) -> None:
    _settings, accounts, credentials, _store = parts
    ref = new_ref(ALICE)
    accounts.save(
        Account(
            email=ALICE,
            imap_host=d.listen,
            imap_port=d.ports["imaps"],
            imap_security=Security.SSL,
            smtp_host=d.listen,
            smtp_port=d.ports["submissions"],
            ca_file=str(d.certs[0]),
            credential_ref=ref,
        )
    )
    credentials.store(ref, "alicepw")


@pytest.mark.servers
def test_real_engine_states_reach_the_gui_thread(
    parts: tuple[Settings, AccountRegistry, Credentials, SQLiteStore],
    dovecot: Dovecot,
    qtbot: QtBot,
) -> None:
    add_account(parts, dovecot)
    adapter = adapter_for(parts)
    seen: list[tuple[WatchState, bool]] = []
    adapter.stateChanged.connect(
        lambda s: seen.append((s.state, QThread.currentThread() is adapter.thread()))
    )
    try:
        adapter.start()
        qtbot.waitUntil(
            lambda: (WatchState.WATCHING, True) in seen,
            timeout=15_000,
        )
        assert all(on_gui for _s, on_gui in seen)
        with qtbot.waitSignal(adapter.pausedChanged, timeout=5000):
            adapter.set_paused(True)
        qtbot.waitUntil(
            lambda: seen[-1][0] is WatchState.PAUSED,
            timeout=5000,
        )
        assert [s.state for s in adapter.states()] == [WatchState.PAUSED]
        seen.clear()
        adapter.set_paused(False)
        qtbot.waitUntil(
            lambda: (WatchState.WATCHING, True) in seen,
            timeout=15_000,
        )
    finally:
        adapter.stop()


def test_sink_from_any_thread_is_delivered_on_the_gui_thread(
    parts: tuple[Settings, AccountRegistry, Credentials, SQLiteStore], qtbot: QtBot
) -> None:
    adapter = adapter_for(parts)
    got: list[bool] = []
    adapter.stateChanged.connect(lambda _s: got.append(QThread.currentThread() is adapter.thread()))
    event = StateChanged(AccountState(ALICE, WatchState.OFFLINE, "no route"))
    with qtbot.waitSignal(adapter.stateChanged, timeout=2000):
        t = threading.Thread(target=adapter.sink, args=(event,))
        t.start()
        t.join()
    assert got == [True]


def test_send_failure_comes_back_as_a_signal(
    parts: tuple[Settings, AccountRegistry, Credentials, SQLiteStore], qtbot: QtBot
) -> None:
    adapter = adapter_for(parts)
    draft = Draft(account=ALICE, to=[], cc=[], subject="Offer", body="Hello")
    with qtbot.waitSignal(adapter.sendFailed, timeout=5000) as failed:
        adapter.send(draft)
    (event,) = failed.args
    assert isinstance(event, SendFailed)
    assert event.account == ALICE
    assert event.message


def test_wake_and_network_return_reconnect_at_once(
    parts: tuple[Settings, AccountRegistry, Credentials, SQLiteStore],
    qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
) -> None:
    """logind's PrepareForSleep(false) on a (private) system bus, sent for real over D-Bus."""
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert bus.stdout is not None
    address = bus.stdout.readline().strip()
    conn = QDBusConnection.connectToBus(address, "replytrail-test-system")
    adapter = adapter_for(parts, system_bus=conn)
    caplog.set_level("INFO", logger="replytrail.app.engine")
    try:
        adapter.start()
        assert adapter.watching_sleep
        sender = subprocess.run(
            [sys.executable, "-c", LOGIND_WAKES],
            env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": address},
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
        assert sender.stdout.strip() == "sent"
        qtbot.waitUntil(
            lambda: "the machine woke up" in caplog.text,
            timeout=5000,
        )
        adapter._on_reachability(QNetworkInformation.Reachability.Online)
        assert "the network is back" in caplog.text
    finally:
        adapter.stop()
        QDBusConnection.disconnectFromBus("replytrail-test-system")
        bus.terminate()
        bus.wait(5)
        bus.stdout.close()


LOGIND_WAKES = """
from jeepney import DBusAddress, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
c = open_dbus_connection("SESSION")
c.send_and_get_reply(message_bus.RequestName("org.freedesktop.login1", 4))
import time; time.sleep(0.3)   # the app's match rule follows the name's new owner
c.send(new_signal(DBusAddress("/org/freedesktop/login1",
                              interface="org.freedesktop.login1.Manager"),
                  "PrepareForSleep", "b", (False,)))
c.send_and_get_reply(message_bus.GetId())   # flush: the signal left before we exit
print("sent")
"""

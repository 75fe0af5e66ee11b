"""A teammate's reply appears in my open timeline by itself: replication over a real team
PostgreSQL (LISTEN/NOTIFY), the window's store executor and its change notices."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from qtstore import open_window, show
from replytrail.qt.changes import StoreChanges
from servers.keyring import SecretService
from servers.teampg import TeamPg
from teamflow import CUSTOMER, Laptop, TeamDb, team_db

pytestmark = [pytest.mark.gui, pytest.mark.servers]

ANNA, BEN = "anna@example.com", "ben@example.com"


def two_laptops(team: TeamDb, root: Path) -> tuple[Laptop, Laptop]:
    """Anna's and Ben's roles in *team* and their laptops (not joined yet)."""
    team.add(ANNA)
    team.add(BEN)
    return Laptop(root / "anna", ANNA), Laptop(root / "ben", BEN)


class Bridge(QObject):
    """The replicator's events, queued to the GUI thread (as the engine adapter does)."""

    pulled = Signal(object)


def test_a_teammates_reply_appears_in_my_open_timeline(
    qtbot: QtBot, tmp_path: Path, team_pg: TeamPg, secret_service: SecretService
) -> None:
    team = team_db(team_pg)
    anna, ben = two_laptops(team, tmp_path)
    try:
        anna.join(team)
        ben.join(team, idle_check=3600.0)  # only NOTIFY can bring the reply in time
        assert anna.replicator and ben.replicator
        ben.log()  # Ben already talks to the customer
        bridge = Bridge()
        ben.replicator.sink = bridge.pulled.emit
        anna.replicator.start()
        ben.replicator.start()
        with open_window(qtbot, ben.store.path) as w:
            changes = w._changes
            assert isinstance(changes, StoreChanges)
            bridge.pulled.connect(changes.note)
            show(qtbot, w, CUSTOMER.email)
            assert w.timeline_model.rowCount() == 1
            took: list[float] = []
            for n in range(2, 7):
                t0 = time.monotonic()
                anna.log()

                def arrived(n: int = n) -> bool:
                    return w.timeline_model.rowCount() == n

                qtbot.waitUntil(arrived, timeout=10_000)
                took.append(time.monotonic() - t0)
            newest = w.timeline_model.email_at(0)
            assert newest is not None and newest.account == ANNA
    finally:
        anna.close()
        ben.close()
    print(f"teammate's reply -> my open timeline: {[round(t * 1000) for t in took]} ms")
    assert statistics.median(took) < 1.0


def test_forget_in_my_window_reaches_the_team_store(
    qtbot: QtBot, tmp_path: Path, team_pg: TeamPg, secret_service: SecretService
) -> None:
    """Anna forgets a customer in her timeline window (as the app wires it): her emails with
    the customer leave the team store and Ben's laptop too; Ben's own stay."""
    from replytrail.core.team.membership import team_forget

    team = team_db(team_pg)
    anna, ben = two_laptops(team, tmp_path)
    try:
        anna.join(team)
        ben.join(team)
        assert anna.replicator and ben.replicator
        anna.log()
        ben.log()
        for lap in (anna, ben, anna):
            assert lap.replicator
            lap.replicator.sync_once()
        assert sorted(e.account for e in ben.store.timeline(CUSTOMER.email)) == [ANNA, BEN]
        with open_window(qtbot, anna.store.path) as w:
            w.forget_job = team_forget(anna.settings)  # what app/firstweek.py sets
            show(qtbot, w, CUSTOMER.email)
            contact = w.header.contact
            assert contact is not None
            w._forget(contact)
            qtbot.waitUntil(lambda: "Forgot" in w.statusBar().currentMessage(), timeout=10_000)
        anna.replicator.sync_once()
        ben.replicator.sync_once()
        assert [e.account for e in ben.store.timeline(CUSTOMER.email)] == [BEN]
        assert team.count(f"contact_emails @> ARRAY['{CUSTOMER.email}']") == 1
    finally:
        anna.close()
        ben.close()

"""Follow-ups on a real SQLite store: awaiting reply, working days, reminders across restarts."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from factories import BASE, record
from replytrail.core.models import Kind
from replytrail.core.store.followups import FollowUps, working_days_before, working_days_between
from replytrail.core.store.sqlite import SQLiteStore

# BASE is Sunday 2026-11-01 09:00 UTC; hour n of the factory is BASE + n hours
MONDAY = BASE + timedelta(days=1)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(tmp_path / "store.sqlite3")
    yield s
    s.close()


def _mid(n: int) -> str:
    return f"<m{n}@example.test>"


def test_working_days_skip_the_weekend() -> None:
    friday = datetime(2026, 11, 6, 15, 0, tzinfo=UTC)
    assert working_days_between(friday, friday + timedelta(days=3)) == 1  # Monday
    assert working_days_between(friday, friday + timedelta(days=5)) == 3  # Mon-Wed
    assert working_days_before(friday + timedelta(days=5), 3) == friday
    assert working_days_before(friday + timedelta(days=3), 1) == friday


def test_awaiting_reply_oldest_first_across_contacts(store: SQLiteStore) -> None:
    store.record(record(30, "t1", direction="out", contact="a@firma.example"))  # no reply
    store.record(record(20, "t2", direction="out", contact="b@firma.example"))
    store.record(record(21, "t2", direction="in", contact="b@firma.example"))  # answered
    store.record(record(10, "t3", direction="out", contact="c@kunde.example"))
    auto = record(11, "t3", direction="in", contact="c@kunde.example")
    auto.email.kind = Kind.AUTO_REPLY  # an out-of-office is no reply
    store.record(auto)
    failed = record(5, "t4", direction="out", contact="d@firma.example")
    failed.email.status = "failed"
    store.record(failed)
    store.record(record(200, "t5", direction="out", contact="e@firma.example"))  # too recent
    now = BASE + timedelta(days=10)  # Wednesday 11 Nov; t5 is Sunday 9 Nov + 8 h
    f = FollowUps(store)
    got = f.awaiting(3, now)
    assert [a.email.message_id for a in got] == [_mid(10), _mid(30)]
    assert [a.contact for a in got] == ["c@kunde.example", "a@firma.example"]
    assert got[0].days == 8  # Mon 2 .. Wed 11 Nov, without the weekend
    assert f.count(3, now) == 2
    assert f.count(1, now) == 3  # t5 counts after one working day
    # the user writes again in t1: now that newer email is the one awaiting a reply
    store.record(record(40, "t1", direction="out", contact="a@firma.example"))
    assert [a.email.message_id for a in f.awaiting(3, now)] == [_mid(10), _mid(40)]


def test_no_reply_needed_leaves_the_view(store: SQLiteStore) -> None:
    store.record(record(1, "t1", direction="out"))
    f = FollowUps(store)
    now = BASE + timedelta(days=10)
    assert f.count(3, now) == 1
    assert f.dismiss(_mid(1))
    assert f.awaiting(3, now) == [] and f.count(3, now) == 0
    assert not f.dismiss("<unknown@x>")


def test_reminder_survives_a_restart_and_is_due_once(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    s = SQLiteStore(path)
    s.record(record(1, "t1", direction="out"))
    at = MONDAY + timedelta(days=2)
    assert FollowUps(s).remind(_mid(1), at)
    s.close()
    s = SQLiteStore(path)  # the app restarted
    f = FollowUps(s)
    assert f.reminders() == {_mid(1): at}
    assert f.due(at - timedelta(minutes=1)) == []
    (due,) = f.due(at)
    assert due.email.message_id == _mid(1) and due.contact == "kunde@firma.example"
    f.mark_notified([_mid(1)], at)
    assert f.due(at + timedelta(days=1)) == []
    s.close()


def test_reminder_is_not_due_when_a_reply_came_first(store: SQLiteStore) -> None:
    store.record(record(1, "t1", direction="out"))
    f = FollowUps(store)
    at = MONDAY + timedelta(days=2)
    f.remind(_mid(1), at)
    store.record(record(30, "t1", direction="in"))  # the customer answered before the time
    assert f.due(at + timedelta(hours=1)) == []
    f.remind(_mid(30), at)  # an incoming email gets no reminder
    assert f.reminders() == {_mid(1): at}


def test_forgetting_the_contact_forgets_its_reminders(store: SQLiteStore, tmp_path: Path) -> None:
    store.record(record(1, "t1", direction="out"))
    f = FollowUps(store)
    f.remind(_mid(1), MONDAY)
    assert store.forget_contact("kunde@firma.example") == 1
    assert f.reminders() == {}
    with sqlite3.connect(tmp_path / "store.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM followups").fetchone() == (0,)

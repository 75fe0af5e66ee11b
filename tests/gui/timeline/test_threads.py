"""A contact's timeline grouped by thread: newest activity first, foldable, a status each."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from qtstore import open_window, show
from replytrail.core.models import Address, Direction, Kind, LoggedEmail, MatchReason
from replytrail.core.store.base import EmailRecord
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.ui.timeline.delegates import TimelineDelegate
from replytrail.ui.timeline.threads import ThreadStatus, block_change

pytestmark = pytest.mark.gui

ME = Address("alice@example.test", "Alice")
EMMA = Address("emma@fischer-feinkost.example", "Emma Fischer")
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def mail(
    n: int, thread: str, hours: int, direction: Direction, kind: Kind = Kind.EMAIL
) -> EmailRecord:
    out = direction is Direction.OUT
    e = LoggedEmail(
        message_id=f"<t{n}@example.test>",
        thread_id=thread,
        direction=direction,
        date=T0 + timedelta(hours=hours),
        sender=ME if out else EMMA,
        to=[EMMA] if out else [ME],
        cc=[],
        subject=f"Thread {thread}",
        kind=kind,
        match=MatchReason.SENT if out else MatchReason.IN_REPLY_TO,
        account=ME.email,
        status="sent" if out else "",
    )
    return EmailRecord(email=e, contacts=[EMMA])


OUT, IN = Direction.OUT, Direction.IN


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "replytrail.sqlite3"
    store = SQLiteStore(path)
    for rec in [
        mail(1, "offer", 0, OUT),  # offer: sent, answered
        mail(2, "visit", 1, OUT),  # visit: sent, bounced
        mail(3, "offer", 2, IN),
        mail(4, "price", 3, OUT),  # price: sent, no answer yet (newest activity)
        mail(5, "visit", 1, IN, Kind.BOUNCE),
        mail(6, "offer", 4, OUT),  # offer gets our follow-up: newest activity of all
        mail(7, "offer", 5, IN),
    ]:
        store.record(rec)
    store.close()
    return path


def test_grouped_by_thread_newest_activity_first_with_a_status_each(qtbot: QtBot, db: Path) -> None:
    with open_window(qtbot, db) as w:
        show(qtbot, w, EMMA.email)
        model = w.timeline_model
        shown = [(e.thread_id, e.message_id) for e in model.rows()]
        assert shown == [
            ("offer", "<t7@example.test>"),
            ("offer", "<t6@example.test>"),
            ("offer", "<t3@example.test>"),
            ("offer", "<t1@example.test>"),
            ("price", "<t4@example.test>"),
            ("visit", "<t5@example.test>"),
            ("visit", "<t2@example.test>"),
        ]
        heads = {r: model.thread_at(r) for r in range(model.rowCount()) if model.thread_at(r)}
        assert sorted(heads) == [0, 4, 5]
        assert [(t.thread_id, t.count, t.status) for t in heads.values() if t] == [
            ("offer", 4, ThreadStatus.REPLIED),
            ("price", 1, ThreadStatus.AWAITING),
            ("visit", 2, ThreadStatus.BOUNCED),
        ]


def test_a_click_on_the_status_pill_folds_and_unfolds_a_thread(qtbot: QtBot, db: Path) -> None:
    with open_window(qtbot, db) as w:
        show(qtbot, w, EMMA.email)
        model, view = w.timeline_model, w.timeline_view
        delegate = view.itemDelegate()
        assert isinstance(delegate, TimelineDelegate)
        info = model.thread_at(0)
        assert info is not None and not info.collapsed
        pill = delegate.pill_rect(view.visualRect(model.index(0)), info, view.font())
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pill.center())
        assert [e.message_id for e in model.rows()][:2] == [
            "<t7@example.test>",
            "<t4@example.test>",
        ]
        assert model.rowCount() == 4
        folded = model.thread_at(0)
        assert folded is not None and folded.collapsed
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pill.center())
        assert model.rowCount() == 7
        # an email inside a folded thread is found (the thread unfolds)
        model.toggle_thread(0)
        assert model.row_of("<t3@example.test>") == 2
        assert model.rowCount() == 7


def test_a_reply_moves_its_thread_to_the_top_and_keeps_the_selection(
    qtbot: QtBot, db: Path
) -> None:
    with open_window(qtbot, db) as w:
        show(qtbot, w, EMMA.email)
        model, view = w.timeline_model, w.timeline_view
        view.setCurrentIndex(model.index(model.row_of("<t4@example.test>")))
        store = SQLiteStore(db)
        store.record(mail(8, "visit", 9, IN))  # a human answer in the bounced thread
        store.close()
        qtbot.waitUntil(
            lambda: (first := model.email_at(0)) is not None and first.thread_id == "visit"
        )
        top = model.thread_at(0)
        assert top is not None and top.count == 3
        selected = w.selected_email()
        assert selected is not None and selected.message_id == "<t4@example.test>"


def test_block_change() -> None:
    assert block_change(["a", "b"], ["x", "a", "b"]) == ("insert", 0, 1)
    assert block_change(["a", "b"], ["a", "b", "c", "d"]) == ("insert", 2, 2)
    assert block_change(["a", "b", "c"], ["a", "c"]) == ("remove", 1, 1)
    assert block_change(["a", "b"], ["b", "a"]) == ("reset", 0, 0)
    assert block_change(["a"], ["a"]) == ("same", 0, 0)


def test_left_and_right_fold_and_unfold_the_current_thread(qtbot: QtBot, db: Path) -> None:
    with open_window(qtbot, db) as w:
        show(qtbot, w, EMMA.email)
        model, view = w.timeline_model, w.timeline_view
        view.setCurrentIndex(model.index(2))  # an older email of the "offer" thread
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_Left)
        assert model.rowCount() == 4
        assert view.currentIndex().row() == 0  # the thread's newest row
        qtbot.keyClick(view, Qt.Key.Key_Right)
        assert model.rowCount() == 7

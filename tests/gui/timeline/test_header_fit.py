"""Issue 15: the contact header fits narrow windows in German, and one time format per locale."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale
from pytestqt.qtbot import QtBot

from qtstore import open_window
from replytrail.app.i18n import install_translators
from replytrail.core.models import Address, Direction, Kind, LoggedEmail, MatchReason
from replytrail.core.store.base import EmailRecord
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.ui.common.compact import ElidedLabel
from replytrail.ui.common.widgets import long_date, short_date, time_text
from replytrail.ui.timeline.window import TimelineWindow

pytestmark = pytest.mark.gui

KUNDE = Address(
    "dr.friederike.schwarzenberger-hohenlohe@landmaschinen-schwarzenberger.example",
    "Dr. Friederike Schwarzenberger-Hohenlohe",
)
ME = Address("me@seller.example", "Me")


def _record(store: SQLiteStore, n: int, when: datetime) -> LoggedEmail:
    e = LoggedEmail(
        message_id=f"<fit{n}@test.example>",
        thread_id="t1",
        direction=Direction.IN,
        date=when,
        sender=KUNDE,
        to=[ME],
        cc=[],
        subject="AW: Angebot für die Erntesaison",
        kind=Kind.EMAIL,
        match=MatchReason.IN_REPLY_TO,
        account=ME.email,
        body_text="Guten Tag",
    )
    store.record(EmailRecord(email=e, contacts=[KUNDE]))
    return e


@pytest.fixture
def language(qapp: object) -> Iterator[None]:
    yield
    install_translators("en")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(tmp_path / "fit.sqlite3")
    for n in range(12):  # twelve emails, the newest a few minutes ago (a time is shown)
        _record(s, n, datetime.now(UTC) - timedelta(minutes=3) - timedelta(days=n))
    yield s
    s.close()


@contextmanager
def _window(qtbot: QtBot, store: SQLiteStore, width: int) -> Iterator[TimelineWindow]:
    with open_window(qtbot, store.path) as w:
        w.resize(width, 700)
        qtbot.waitUntil(lambda: w.header.contact is not None, timeout=10_000)
        qtbot.waitUntil(lambda: w.header.activity.width() < width // 2)  # laid out
        yield w


def _assert_fits(label: ElidedLabel) -> None:
    shown, full = label.displayed_text(), label.text()
    assert shown == full or (shown.endswith("…") and full.startswith(shown[:-1])), shown
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    if shown != full:
        assert label.toolTip() == full  # the whole text is one hover away


@pytest.mark.parametrize("width", [1200, 1024])
def test_german_header_is_elided_and_keeps_the_time(
    language: None, qtbot: QtBot, store: SQLiteStore, width: int
) -> None:
    install_translators("de")
    with _window(qtbot, store, width) as w:
        h = w.header
        contact = h.contact
        assert contact is not None and contact.last_activity is not None
        for label in (h.name, h.address, h.activity):
            _assert_fits(label)
        assert h.activity.text().startswith("Letzter Kontakt")
        when = time_text(contact.last_activity)
        assert when.count(":") == 1 and "M" not in when  # German: 24-hour clock
        assert when in h.activity.displayed_text()  # the time survives the narrow window
        assert any(lbl.displayed_text().endswith("…") for lbl in (h.name, h.address, h.activity))


@pytest.mark.parametrize("language_code", ["en", "de"])
def test_one_time_format_in_list_header_and_reading_pane(
    language: None, qtbot: QtBot, store: SQLiteStore, language_code: str
) -> None:
    install_translators(language_code)
    with _window(qtbot, store, 1600) as w:
        qtbot.waitUntil(lambda: w.reading.email is not None, timeout=10_000)
        contact = w.header.contact
        e = w.reading.email
        assert contact is not None and contact.last_activity is not None and e is not None
        listed = short_date(contact.last_activity)  # what the contact row paints for today
        assert listed == time_text(contact.last_activity)
        assert listed in w.header.activity.text()
        assert short_date(e.date) in w.reading.meta.text()  # the timeline row vs the pane
        assert long_date(e.date).endswith(short_date(e.date))
        fmt = QLocale().timeFormat(QLocale.FormatType.ShortFormat)
        assert ("AP" in fmt.upper()) == ("M" in listed.upper())  # the locale decides, alone


@pytest.mark.parametrize(("language_code", "shown"), [("en", "2026-11-04"), ("de", "04.11.2026")])
def test_date_fields_use_the_languages_one_date_format(
    language: None, qtbot: QtBot, store: SQLiteStore, language_code: str, shown: str
) -> None:
    """The search bar's date fields read like the rest of the window: 04.11.2026 in German."""
    install_translators(language_code)
    with _window(qtbot, store, 1200) as w:
        bar = w.search_bar
        bar.since.setDate(QDate(2026, 11, 4))
        assert bar.since.text() == shown
        assert bar.until.displayFormat() == bar.since.displayFormat()

"""Issue 15 in the timeline: panes that agree, context menus, keyboard focus, empty states."""

from __future__ import annotations

import mailbox
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from factories import record
from qtstore import open_window, show
from replytrail.app.i18n import install_translators
from replytrail.core.models import Direction, LoggedEmail
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.ui.timeline.window import TimelineWindow

pytestmark = [
    pytest.mark.gui,
    # offscreen: a context menu pops up but cannot grab the keyboard (harmless there)
    pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard"),
]

PRIYA = "priya.raman@contoso.example"
MUELLER = "t.mueller@mueller-maschinenbau.example"


def involves(e: LoggedEmail, address: str) -> bool:
    return address in {a.email for a in (e.sender, *e.to, *e.cc)}


def assert_panes_agree(w: TimelineWindow) -> None:
    """Header, highlighted contact, highlighted email and reading pane show the same thing."""
    contact = w.header.contact
    assert contact is not None
    row = w.contact_view.currentIndex().row()
    listed = w.contact_model.contact_at(row)
    assert listed is not None and listed.email == contact.email
    assert w.reading.email == w.selected_email()  # the highlighted row is the open email
    if w.reading.email is not None:
        assert involves(w.reading.email, contact.email), (w.reading.email, contact.email)


def search(qtbot: QtBot, w: TimelineWindow, words: str) -> None:
    w.search_bar.text.setText(words)
    qtbot.waitUntil(lambda: w.results_label.text() not in ("", "Searching…"), timeout=10000)


def test_back_to_the_contact_after_a_search(qtbot: QtBot, window: TimelineWindow) -> None:
    show(qtbot, window, PRIYA)
    assert_panes_agree(window)
    search(qtbot, window, "Angebot")  # the German customers' emails, none of them Priya's
    opened = window.reading.email
    assert opened is not None and not involves(opened, PRIYA)
    assert window.selected_email() == opened
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.header_stack.currentWidget() is window.header)
    assert window.header.contact is not None and window.header.contact.email == PRIYA
    assert window.middle_stack.currentWidget() is window.timeline_view
    assert window.reading.email is not None
    assert_panes_agree(window)


def test_a_search_without_results_says_so_and_clears_the_reading_pane(
    qtbot: QtBot, window: TimelineWindow
) -> None:
    show(qtbot, window, PRIYA)
    opened = window.reading.email  # a local: mypy would keep `window.reading.email` narrowed
    assert opened is not None
    search(qtbot, window, "xylophone")
    assert window.results_label.text() == "No emails match “xylophone”"
    assert window.reading.email is None
    assert not window.results_view.currentIndex().isValid()


def test_picking_a_contact_during_a_search_ends_it(qtbot: QtBot, window: TimelineWindow) -> None:
    show(qtbot, window, PRIYA)
    search(qtbot, window, "Angebot")
    row = window.contact_model.row_of(MUELLER)
    rect = window.contact_view.visualRect(window.contact_model.index(row))
    with qtbot.waitSignal(window.contactShown, timeout=10_000):
        qtbot.mouseClick(
            window.contact_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )
    assert not window.search_bar.active
    assert window.header_stack.currentWidget() is window.header
    assert window.middle_stack.currentWidget() is window.timeline_view
    assert window.header.contact is not None and window.header.contact.email == MUELLER
    assert_panes_agree(window)


# ---------------------------------------------------------------------- context menus
def forget_last_menu(w: TimelineWindow) -> None:
    """(In a function: mypy would take `w.menus.last_menu` for None until reassigned here.)"""
    w.menus.last_menu = None


def menu_for(w: TimelineWindow, view: QAbstractItemView, index: QModelIndex) -> QMenu:
    """Right-click the row, as a user would; the menu that pops up."""
    forget_last_menu(w)
    view.customContextMenuRequested.emit(view.visualRect(index).center())
    menu = w.menus.last_menu
    assert menu is not None and menu.isVisible()
    return menu


def action(menu: QMenu, name: str) -> QAction:
    found = menu.findChild(QAction, name)
    assert found is not None, [a.objectName() for a in menu.findChildren(QAction)]
    return found


def trigger(menu: QMenu, name: str) -> None:
    action(menu, name).trigger()
    menu.close()


def test_contact_menu_open_copy_export_forget(
    qtbot: QtBot, window: TimelineWindow, demo_store: SQLiteStore, tmp_path: Path
) -> None:
    show(qtbot, window, PRIYA)
    index = window.contact_model.index(window.contact_model.row_of(MUELLER))
    trigger(menu_for(window, window.contact_view, index), "menuCopy")
    assert QGuiApplication.clipboard().text() == MUELLER
    assert window.header.contact is not None and window.header.contact.email == PRIYA

    with qtbot.waitSignal(window.contactShown, timeout=10_000):
        trigger(menu_for(window, window.contact_view, index), "menuOpen")
    assert window.header.contact is not None and window.header.contact.email == MUELLER
    assert_panes_agree(window)

    # Export from the menu writes the same mbox as the header's Export button
    by_menu, by_button = tmp_path / "menu.mbox", tmp_path / "button.mbox"
    show(qtbot, window, PRIYA)
    window.ask_export_path = lambda fmt, name: by_menu if fmt == "mbox" else None
    trigger(menu_for(window, window.contact_view, index), "menuExport-mbox")
    qtbot.waitUntil(lambda: "Exported 4 emails" in window.statusBar().currentMessage())
    window.ask_export_path = lambda fmt, name: by_button if fmt == "mbox" else None
    window.header.exportRequested.emit("contact", "mbox")  # the button's menu entry
    qtbot.waitUntil(by_button.exists)
    qtbot.waitUntil(lambda: "Exported 4 emails" in window.statusBar().currentMessage())
    ids = []
    for path in (by_menu, by_button):
        folder = mailbox.mbox(path)
        ids.append(sorted(m["Message-ID"] for m in folder))
        folder.close()
    assert ids[0] == ids[1] and len(ids[0]) == 4

    # Forget… from the menu: the button's confirmation, for the right-clicked contact
    show(qtbot, window, PRIYA)
    anna = window.contact_model.index(window.contact_model.row_of("anna.kowalski@gmail.example"))
    trigger(menu_for(window, window.contact_view, anna), "menuForget")
    qtbot.waitUntil(lambda: window.findChild(QMessageBox) is not None, timeout=10_000)
    box = window.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    assert "anna.kowalski@gmail.example" in box.informativeText()
    forget = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    forget.click()
    qtbot.waitUntil(lambda: window.contact_model.rowCount() == 11)
    assert demo_store.contact("anna.kowalski@gmail.example") is None


def test_email_menu_open_reply_copy_export(
    qtbot: QtBot, window: TimelineWindow, demo_store: SQLiteStore, tmp_path: Path
) -> None:
    show(qtbot, window, MUELLER)
    view, model = window.timeline_view, window.timeline_model
    second = model.email_at(1)
    assert second is not None and window.reading.email != second
    trigger(menu_for(window, view, model.index(1)), "menuOpen")
    assert window.reading.email == second and window.selected_email() == second

    third = model.email_at(2)
    assert third is not None
    with qtbot.waitSignal(window.replyRequested) as got:
        trigger(menu_for(window, view, model.index(2)), "menuReply")
    assert got.args == [third.message_id]
    assert window.reading.email == third  # the email replied to is the one shown

    trigger(menu_for(window, view, model.index(2)), "menuCopy")
    expected = third.sender.email if third.direction is Direction.IN else third.to[0].email
    assert QGuiApplication.clipboard().text() == expected == MUELLER

    folder = tmp_path / "eml"
    folder.mkdir()
    window.ask_export_path = lambda fmt, name: folder if fmt == "eml" else None
    trigger(menu_for(window, view, model.index(2)), "menuExport-eml")
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage())
    written = list(folder.rglob("*.eml"))
    assert len(written) == len(demo_store.thread(third.thread_id)) >= 1


def test_search_results_have_the_email_menu(qtbot: QtBot, window: TimelineWindow) -> None:
    search(qtbot, window, "Angebot")
    target = window.results_model.email_at(1)
    assert target is not None
    trigger(menu_for(window, window.results_view, window.results_model.index(1)), "menuOpen")
    assert window.reading.email == target == window.selected_email()


# ---------------------------------------------------------------------- keyboard focus
def grab(w: QWidget) -> QImage:
    return w.grab().toImage()


def test_header_buttons_show_keyboard_focus(qtbot: QtBot, window: TimelineWindow) -> None:
    show(qtbot, window, PRIYA)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    header = window.header
    for button in (header.compose_button, header.export_button, header.forget_button):
        window.contact_view.setFocus()
        qtbot.waitUntil(window.contact_view.hasFocus)
        before = grab(button)
        button.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(button.hasFocus)
        after = grab(button)
        assert before.size() == after.size()  # the frame does not move anything
        assert before != after, f"no visible focus on {button.text()}"
        edge = after.pixelColor(1, after.height() // 2)  # a 2 px frame at the left edge
        assert edge.name() in ("#2f6fde", "#0b2e6b"), edge.name()


def test_every_button_and_filter_of_the_window_shows_keyboard_focus(
    qtbot: QtBot, window: TimelineWindow
) -> None:
    show(qtbot, window, PRIYA)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    bar = window.search_bar
    for widget in (window.reading.reply_button, bar.direction):
        window.contact_view.setFocus()
        qtbot.waitUntil(window.contact_view.hasFocus)
        before = grab(widget)
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus)
        assert grab(widget) != before, f"no visible focus on {widget.objectName() or widget}"


def test_tab_reaches_the_header_buttons(qtbot: QtBot, window: TimelineWindow) -> None:
    show(qtbot, window, PRIYA)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    header = window.header
    header.compose_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(header.compose_button.hasFocus)
    qtbot.keyClick(header.compose_button, Qt.Key.Key_Tab)
    qtbot.waitUntil(header.export_button.hasFocus)
    qtbot.keyClick(header.export_button, Qt.Key.Key_Tab)
    qtbot.waitUntil(header.forget_button.hasFocus)


# ---------------------------------------------------------------------- empty states
def test_without_contacts_export_and_forget_are_off_and_say_why(
    qtbot: QtBot, tmp_path: Path, qapp: object
) -> None:
    install_translators("en")
    store = SQLiteStore(tmp_path / "empty.sqlite3")
    with open_window(qtbot, store.path) as w:
        qtbot.waitUntil(lambda: w.contacts_stack.currentWidget() is w.contacts_empty)
        h = w.header
        assert not h.export_button.isEnabled() and not h.forget_button.isEnabled()
        assert h.forget_button.toolTip() == "Select a contact first"
        assert h.hint.isVisible()
        assert h.hint.text() == "Export and Forget work once a contact is logged."
        looks_off = h.export_button.grab().toImage()
        store.record(record(1, "t1", contact="buyer@shop.example"))
        w.refresh()
        qtbot.waitUntil(lambda: h.contact is not None, timeout=10_000)
        assert h.export_button.isEnabled() and h.forget_button.isEnabled()
        assert not h.hint.isVisible() and h.activity.text().startswith("Last contact")
        assert h.export_button.grab().toImage() != looks_off  # disabled looked disabled
    store.close()


def test_the_menu_key_opens_the_menu_of_the_current_row(
    qtbot: QtBot, window: TimelineWindow
) -> None:
    show(qtbot, window, MUELLER)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view = window.timeline_view
    view.setCurrentIndex(window.timeline_model.index(2))
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    forget_last_menu(window)
    # what the platform (xcb, Windows) sends to the window for the Menu key or Shift+F10
    QApplication.sendEvent(
        window.windowHandle(),
        QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(), QPoint()),
    )
    qtbot.waitUntil(lambda: window.menus.last_menu is not None)
    assert window.menus.last_menu is not None
    trigger(window.menus.last_menu, "menuOpen")
    assert window.reading.email == window.timeline_model.email_at(2) == window.selected_email()


def test_an_email_gone_from_the_store_leaves_the_reading_pane(
    qtbot: QtBot, window: TimelineWindow, demo_store: SQLiteStore
) -> None:
    show(qtbot, window, PRIYA)
    opened = window.reading.email  # a local: mypy would keep `window.reading.email` narrowed
    assert opened is not None
    demo_store.forget_contact(PRIYA)  # e.g. "replytrail forget" in a terminal
    window.refresh()
    qtbot.waitUntil(lambda: window.timeline_model.rowCount() == 0, timeout=10_000)
    qtbot.waitUntil(lambda: window.contact_model.row_of(PRIYA) < 0, timeout=10_000)
    assert window.selected_email() is None
    assert window.reading.email is None  # nothing highlighted, nothing open
    assert window.header.contact is None or window.header.contact.email != PRIYA


def test_other_features_add_entries_to_the_contact_menu(
    qtbot: QtBot, window: TimelineWindow
) -> None:
    got: list[str] = []
    window.menus.add_contact_entry(lambda: "Edit contact…", got.append)
    show(qtbot, window, PRIYA)
    index = window.contact_model.index(window.contact_model.row_of(MUELLER))
    menu = menu_for(window, window.contact_view, index)
    assert action(menu, "menuExtra0").text() == "Edit contact…"
    trigger(menu, "menuExtra0")
    assert got == [MUELLER]  # the right-clicked contact, whatever is open

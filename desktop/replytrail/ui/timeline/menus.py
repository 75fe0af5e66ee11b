"""Context menus on contacts and emails: each entry does exactly what its button does."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPoint, Qt, SignalInstance
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QMenu, QWidget

from replytrail.core.models import Contact, Direction, LoggedEmail
from replytrail.ui.reading.pane import ReadingPane
from replytrail.ui.timeline.header import ContactHeader
from replytrail.ui.timeline.models import CONTACT_ROLE, EMAIL_ROLE

__all__ = ["MenuHost", "TimelineMenus", "address_of"]


class MenuHost(Protocol):
    """What the menus drive: the window's own actions, the same ones its buttons call."""

    reading: ReadingPane
    header: ContactHeader
    contactShown: SignalInstance  # noqa: N815 - Qt signal naming

    def show_contact(self, email: str) -> None: ...
    def export(self, scope: str, fmt: str) -> None: ...
    def confirm_forget(self) -> None: ...


def address_of(e: LoggedEmail) -> str:
    """The customer's address of an email: the sender of a received one, else the first
    recipient."""
    if e.direction is Direction.IN:
        return e.sender.email
    return next((a.email for a in (*e.to, *e.cc)), "")


class TimelineHost(MenuHost, Protocol):
    """The window the menus attach to: a widget with the three lists."""

    @property
    def contact_view(self) -> QAbstractItemView: ...
    @property
    def timeline_view(self) -> QAbstractItemView: ...
    @property
    def results_view(self) -> QAbstractItemView: ...


class TimelineMenus(QObject):
    """Right click (or the Menu key) on the contact list or a timeline: a menu for that row.

    A contact: Open, Export, Forget…, Copy address. An email: Open, Reply, Export, Copy
    address. Each entry first selects its row, then calls the same code as the button
    (header's Export and Forget…, the reading pane's Reply), so the panes always agree.
    No signals.
    """

    def __init__(self, host: MenuHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.last_menu: QMenu | None = None  # the menu shown last (tests trigger its actions)
        self._contact_extras: list[tuple[Callable[[], str], Callable[[str], None]]] = []

    def add_contact_entry(self, text: Callable[[], str], slot: Callable[[str], None]) -> None:
        """Another feature's entry on the contact menu (e.g. "Edit contact…"), below Forget…;
        *text* is called when the menu opens (translated then), *slot* gets the address."""
        self._contact_extras.append((text, slot))

    @classmethod
    def attach(cls, window: TimelineHost, parent: QObject) -> TimelineMenus:
        """Menus on the window's contact list, timeline and search results."""
        menus = cls(window, parent)
        menus.install(window.contact_view, contacts=True)
        for view in (window.timeline_view, window.results_view):
            menus.install(view, contacts=False)
        return menus

    def install(self, view: QAbstractItemView, *, contacts: bool) -> None:
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        build = self.contact_menu if contacts else self.email_menu
        view.customContextMenuRequested.connect(lambda pos: self._popup(view, pos, build))

    def _popup(
        self,
        view: QAbstractItemView,
        pos: QPoint,
        build: Callable[[QAbstractItemView, QModelIndex], QMenu | None],
    ) -> None:
        index = view.indexAt(pos)
        if not index.isValid():  # the Menu key: the current row
            index = view.currentIndex()
            pos = view.visualRect(index).center()
        menu = build(view, index)
        if menu is not None:
            menu.popup(view.viewport().mapToGlobal(pos))

    def _menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_menu = menu
        return menu

    def contact_menu(self, view: QAbstractItemView, index: QModelIndex) -> QMenu | None:
        """The menu for the contact at *index* of *view* (None: no contact there)."""
        c = index.data(CONTACT_ROLE) if index.isValid() else None
        if not isinstance(c, Contact):
            return None
        host, email = self._host, c.email
        menu = self._menu(view)
        self._add(menu, "menuOpen", self.tr("Open"), lambda: host.show_contact(email))
        export = menu.addMenu(_header("Export"))
        export.setObjectName("menuExport")
        for fmt, text in (
            ("eml", _header("All emails with this contact as .eml files…")),
            ("mbox", _header("All emails with this contact as .mbox…")),
        ):
            self._add(export, f"menuExport-{fmt}", text, self._then(email, "contact", fmt))
        self._add(menu, "menuForget", _header("Forget…"), self._forget(email))
        for i, (label, slot) in enumerate(self._contact_extras):
            self._add(menu, f"menuExtra{i}", label(), partial(slot, email))
        menu.addSeparator()
        self._add(menu, "menuCopy", self.tr("Copy address"), lambda: _copy(email))
        return menu

    def email_menu(self, view: QAbstractItemView, index: QModelIndex) -> QMenu | None:
        """The menu for the email at *index* of *view* (None: no email there)."""
        e = index.data(EMAIL_ROLE) if index.isValid() else None
        if not isinstance(e, LoggedEmail):
            return None
        reading = self._host.reading

        def select() -> None:
            view.setCurrentIndex(index)

        def open_it() -> None:
            select()
            reading.browser.setFocus()

        def reply() -> None:
            select()
            reading.reply_button.click()

        menu = self._menu(view)
        self._add(menu, "menuOpen", self.tr("Open"), open_it)
        reply_action = self._add(menu, "menuReply", self.tr("Reply"), reply)
        reply_action.setEnabled(reading.reply_button.isEnabled())
        export = menu.addMenu(_header("Export"))
        export.setObjectName("menuExport")
        for fmt, text in (
            ("eml", _header("This thread as .eml files…")),
            ("mbox", _header("This thread as .mbox…")),
        ):
            self._add(export, f"menuExport-{fmt}", text, self._export_thread(select, fmt))
        menu.addSeparator()
        address = address_of(e)
        copy = self._add(menu, "menuCopy", self.tr("Copy address"), lambda: _copy(address))
        copy.setEnabled(bool(address))
        return menu

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _add(menu: QMenu, name: str, text: str, slot: Callable[[], None]) -> QAction:
        action = menu.addAction(text, slot)
        action.setObjectName(name)
        return action

    def _then(self, email: str, scope: str, fmt: str) -> Callable[[], None]:
        return lambda: self._after_open(email, lambda: self._host.export(scope, fmt))

    def _forget(self, email: str) -> Callable[[], None]:
        return lambda: self._after_open(email, self._host.confirm_forget)

    def _after_open(self, email: str, then: Callable[[], None]) -> None:
        """Open *email*'s contact, then (once its header shows it) do what the button does."""
        host = self._host
        host.show_contact(email)
        c = host.header.contact
        if c is not None and c.email.lower() == email.lower():
            then()
            return

        def shown(contact: str) -> None:  # the next contact shown decides: this one, or none
            host.contactShown.disconnect(shown)
            if contact.lower() == email.lower():
                then()

        host.contactShown.connect(shown)

    def _export_thread(self, select: Callable[[], None], fmt: str) -> Callable[[], None]:
        host = self._host

        def run() -> None:
            select()
            host.export("thread", fmt)

        return run


def _header(text: str) -> str:
    """The header buttons' own words (one translation: the menu and the button agree)."""
    return QCoreApplication.translate("ContactHeader", text)


def _copy(text: str) -> None:
    QGuiApplication.clipboard().setText(text)

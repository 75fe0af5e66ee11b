"""Screenshots of the timeline window, compose and settings on the demo data, English and German.

``.venv/bin/python tools/ui_screenshots.py`` starts its own Xvfb (xcb platform, as a user
would see it), fills a temporary data dir with ``build_demo_data`` and writes
``docs/screenshots/{timeline,timeline_subject_match,timeline_search,timeline_no_match,
timeline_menu,timeline_empty,compose}[_de].png`` (the timeline 1024 px wide, the narrowest
window the layout is made for), ``settings-general[-de].png`` and ``tray-icons.png`` (every
tray icon with its tooltip).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
sys.path[:0] = [str(ROOT / "desktop"), str(ROOT / "tools")]

from shotkit import pump, wait, xvfb  # noqa: E402


def shoot() -> None:
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QApplication, QWidget

    from replytrail.app.demo import build_demo_data
    from replytrail.app.i18n import install_translators
    from replytrail.core.accounts import AccountRegistry
    from replytrail.core.config import Settings
    from replytrail.core.credentials import Credentials
    from replytrail.core.store.sqlite import SQLiteStore
    from replytrail.qt.changes import StoreChanges
    from replytrail.qt.jobs import Jobs, StoreExecutor
    from replytrail.ui.compose.window import ComposeDialog
    from replytrail.ui.reading.files import BlobAttachments
    from replytrail.ui.settings.dialog import SettingsDialog
    from replytrail.ui.timeline.window import TimelineWindow

    _app = QApplication.instance() or QApplication([sys.argv[0]])  # kept for the run

    def save(w: QWidget, name: str, lang: str, sep: str = "_", screen: QRect | None = None) -> None:
        """The widget; with *screen*, that part of the screen (a popup menu over a window)."""
        pump()
        path = OUT / (f"{name}.png" if lang == "en" else f"{name}{sep}de.png")
        if screen is None:
            w.grab().save(str(path))
        else:
            shot = w.screen().grabWindow(0, screen.x(), screen.y(), screen.width(), screen.height())
            shot.save(str(path))
        print("wrote", path.relative_to(ROOT))

    executors: list[StoreExecutor[SQLiteStore]] = []

    def timeline(db: Path) -> TimelineWindow:
        """The window as the app builds it: the store executor, change notes, attachments."""
        executor = StoreExecutor(lambda: SQLiteStore(db, db.parent / "attachments"))
        executors.append(executor)
        return TimelineWindow(
            executor, StoreChanges(executor), BlobAttachments(db.parent / "attachments")
        )

    data = Path(tempfile.mkdtemp(prefix="rt-shots-"))
    build_demo_data(data)
    store = SQLiteStore(data / "replytrail.sqlite3")
    accounts = AccountRegistry(data / "accounts.toml").all()
    first = {
        "en": "sarah.jenkins@northwind.example",
        "de": "t.mueller@mueller-maschinenbau.example",
    }
    for lang in ("en", "de"):
        install_translators(lang)
        w = timeline(data / "replytrail.sqlite3")
        w.move(0, 0)
        w.resize(1024, 700)
        w.show()
        wait(lambda w=w: w.contact_model.rowCount() > 0, "contacts")
        w.show_contact(first[lang])
        wait(lambda w=w: w.header.contact is not None and w.reading.email is not None, "timeline")
        save(w, "timeline", lang)
        subject = next(
            e
            for c in store.contacts()
            for e in store.timeline(c.email)
            if str(e.match) == "subject"
        )
        w.show_email(subject.message_id)
        wait(lambda w=w, s=subject: w.reading.email == s, "the subject match")
        save(w, "timeline_subject_match", lang)
        w.search_bar.text.setText("Angebot" if lang == "de" else "pilot")
        w.search_bar.text.returnPressed.emit()
        pump(1.0)
        save(w, "timeline_search", lang)
        w.search_bar.text.setText("Zeppelin")
        pump(1.0)
        save(w, "timeline_no_match", lang)
        w.search_bar.reset()
        pump(0.5)
        view = w.timeline_view
        index = view.model().index(1, 0)
        view.setCurrentIndex(index)
        view.customContextMenuRequested.emit(view.visualRect(index).center())
        pump(0.5)
        frame = QRect(w.mapToGlobal(QPoint(0, 0)), w.size())
        save(w, "timeline_menu", lang, screen=frame)
        if w.menus.last_menu is not None:
            w.menus.last_menu.close()
        w.close()
        e = timeline(Path(tempfile.mkdtemp()) / "empty.sqlite3")
        e.resize(1024, 560)
        e.show()
        wait(lambda e=e: e.contacts_stack.currentWidget() is e.contacts_empty, "empty state")
        save(e, "timeline_empty", lang)
        e.close()
        settings = SettingsDialog(
            settings=Settings(data / "settings.toml"),
            accounts=AccountRegistry(data / "accounts.toml"),
            credentials=Credentials(),
            jobs=Jobs(),
            add_account=lambda _parent: False,
        )
        settings.tabs.setCurrentIndex(2)
        settings.show()
        save(settings, "settings-general", lang, sep="-")
        settings.close()
        reply_to = store.timeline(first["de"])[0]
        dialog = ComposeDialog(
            accounts,
            lambda d, ok, failed: failed("not sent: a screenshot"),
            Path(tempfile.mkdtemp()),
            reply_to=reply_to,
        )
        dialog.resize(720, 600)
        dialog.show()
        save(dialog, "compose", lang)
        dialog.close()
    store.close()
    for executor in executors:
        executor.close()
    tray_icons(OUT / "tray-icons.png")


def tray_icons(path: Path) -> None:
    """The tray icons side by side at 32 px, each above its tooltip (English)."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    from replytrail.app.i18n import install_translators
    from replytrail.core.events import AccountState, WatchState
    from replytrail.ui.tray.tray import TrayIcon

    install_translators("en")
    tray = TrayIcon()
    states: list[tuple[list[AccountState], bool]] = [([], False)] + [
        ([AccountState("anna@example.com", s, "Wrong user name or password")], False)
        for s in (WatchState.WATCHING, WatchState.CATCHING_UP, WatchState.OFFLINE, WatchState.ERROR)
    ]
    states.insert(3, ([AccountState("anna@example.com", WatchState.WATCHING)], True))
    cell, image = 170, QImage(170 * len(states), 110, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    p = QPainter(image)
    for i, (accounts, paused) in enumerate(states):
        tray.set_states(accounts)
        tray.set_paused(paused)
        p.drawPixmap(i * cell + (cell - 32) // 2, 12, tray.icon.icon().pixmap(32, 32))
        text = tray.tooltip.removeprefix("Replytrail — ")
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        p.drawText(QRect(i * cell + 6, 52, cell - 12, 56), int(flags), text)
    p.end()
    image.save(str(path))
    print("wrote", path.relative_to(ROOT))


def main() -> int:
    with xvfb(None) as display:
        os.environ["DISPLAY"] = display
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        shoot()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Screenshots of Replytrail's notifications (a reply; the summary after a catch-up), EN and DE.

``.venv/bin/python tools/notify_screenshots.py`` starts a private Xvfb with a polybar tray
(tests/e2e/xdesk.py), shows the app's tray icon and lets the app's own Notifier hand out two
notifications through the tray (the fallback every desktop has; a desktop's notification
service draws its own bubbles instead), and writes
``docs/screenshots/notification-{reply,summary}-{en,de}.png``.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
sys.path[:0] = [
    str(ROOT / "desktop"),
    str(ROOT / "tests"),
    str(ROOT / "tests" / "e2e"),
    str(ROOT / "tools"),
]

from shotkit import pump  # noqa: E402
from xdesk import Desktop  # noqa: E402


def shoot() -> None:
    from PySide6.QtWidgets import QApplication

    from factories import record
    from replytrail.app.i18n import install_translators
    from replytrail.core.events import EmailLogged
    from replytrail.core.models import Address
    from replytrail.ui.tray.notify import Notifier
    from replytrail.ui.tray.tray import TrayIcon

    _app = QApplication.instance() or QApplication([sys.argv[0]])  # kept for the run

    tray = TrayIcon()
    tray.show()
    pump(1.0)
    started = datetime.now(UTC)
    for lang in ("en", "de"):
        install_translators(lang)
        pump(0.3)
        notifier = Notifier(tray.icon, lambda: True, use_dbus=False, started=started)
        reply = record(1, "t1", subject="Re: Angebot Fräsmaschine FM-200").email
        reply.sender = Address("emma.fischer@kunde.example", "Emma Fischer")
        reply.date = datetime.now(UTC)
        notifier.email_logged(EmailLogged(email=reply, contact=reply.sender.email, folder=""))
        pump(1.2)
        save("notification-reply", lang)
        for n in range(12):  # found by the catch-up after a weekend: one summary, not twelve
            old = record(10 + n, "t2").email
            old.date = started - timedelta(days=2, hours=n)
            notifier.email_logged(EmailLogged(email=old, contact="x@kunde.example", folder=""))
        pump(Notifier.SUMMARY_DELAY_MS / 1000 + 1.2)
        save("notification-summary", lang)
        notifier.close()
        tray.icon.hide()
        pump(0.3)
        tray.icon.show()
        pump(0.5)


def save(name: str, lang: str) -> None:
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    full = screen.grabWindow(0)
    width = full.width()
    shot = full.copy(width - 520, 0, 520, 96)
    path = OUT / f"{name}-{lang}.png"
    shot.save(str(path))
    print("wrote", path.relative_to(ROOT))


def main() -> None:
    desk = Desktop(1024, 400).start()
    try:
        os.environ["DISPLAY"] = desk.display
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        shoot()
    finally:
        desk.stop()


if __name__ == "__main__":
    main()

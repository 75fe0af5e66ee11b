"""Screenshots of the timeline window and compose on the demo data, English and German.

``.venv/bin/python tools/ui_screenshots.py`` starts its own Xvfb (xcb platform, as a user
would see it), fills a temporary data dir with ``build_demo_data`` and writes
``docs/screenshots/{timeline,timeline_subject_match,timeline_search,compose}[_de].png``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
sys.path[:0] = [str(ROOT / "desktop"), str(ROOT / "tools")]

from wizard_screenshots import xvfb  # noqa: E402


def shoot() -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    from replytrail.app.demo import build_demo_data
    from replytrail.app.i18n import install_translators
    from replytrail.core.accounts import AccountRegistry
    from replytrail.core.store.sqlite import SQLiteStore
    from replytrail.qt.changes import StoreChanges
    from replytrail.qt.jobs import StoreExecutor
    from replytrail.ui.compose.window import ComposeDialog
    from replytrail.ui.reading.files import BlobAttachments
    from replytrail.ui.timeline.window import TimelineWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])

    def pump(seconds: float = 0.4) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def wait(pred: Callable[[], Any], what: str) -> None:
        end = time.monotonic() + 15
        while not pred():
            if time.monotonic() > end:
                raise SystemExit(f"timed out waiting for {what}")
            pump(0.05)

    def save(w: QWidget, name: str, lang: str) -> None:
        pump()
        path = OUT / (f"{name}.png" if lang == "en" else f"{name}_de.png")
        w.grab().save(str(path))
        print("wrote", path.relative_to(ROOT))

    data = Path(tempfile.mkdtemp(prefix="rt-shots-"))
    build_demo_data(data)
    store = SQLiteStore(data / "replytrail.sqlite3")  # this script's own reads
    executor = StoreExecutor(lambda: SQLiteStore(data / "replytrail.sqlite3"))
    changes = StoreChanges(executor)
    accounts = AccountRegistry(data / "accounts.toml").all()
    first = {
        "en": "sarah.jenkins@northwind.example",
        "de": "t.mueller@mueller-maschinenbau.example",
    }
    for lang in ("en", "de"):
        install_translators(lang)
        w = TimelineWindow(executor, changes, BlobAttachments(data / "attachments"))
        w.resize(1200, 760)
        w.show()
        wait(lambda w=w: w.contact_model.rowCount() > 0, "contacts")
        w.show_contact(first[lang])
        wait(lambda w=w, c=first[lang]: w.timeline_model.contact == c, "timeline")
        wait(lambda w=w: w.timeline_model.rowCount() > 0, "timeline")
        latest = w.timeline_model.email_at(0)
        if latest is not None:
            w.show_email(latest.message_id)
            wait(lambda w=w: w.selected_email() is not None, "the newest email")
        save(w, "timeline", lang)
        subject = next(
            e
            for c in store.contacts()
            for e in store.timeline(c.email)
            if str(e.match) == "subject"
        )
        w.show_email(subject.message_id)
        wait(
            lambda w=w, s=subject: (
                (e := w.selected_email()) is not None and e.message_id == s.message_id
            ),
            "the subject match",
        )
        save(w, "timeline_subject_match", lang)
        w.search_bar.text.setText("Angebot" if lang == "de" else "pilot")
        w.search_bar.text.returnPressed.emit()
        pump(1.0)
        save(w, "timeline_search", lang)
        w.close()
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
    executor.close()


def main() -> int:
    with xvfb(None) as display:
        os.environ["DISPLAY"] = display
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        shoot()
    return 0


if __name__ == "__main__":
    sys.exit(main())

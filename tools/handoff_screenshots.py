"""Screenshots of Settings › Hand-off, English and German, under a private Xvfb.

``.venv/bin/python tools/handoff_screenshots.py`` writes
``docs/screenshots/settings-handoff-{en,de}.png``: a HubSpot drop address and a webhook
whose receiver refused one email, the form set to add Pipedrive.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
sys.path[:0] = [str(ROOT / "desktop"), str(ROOT / "tools"), str(ROOT / "tests")]

from shotkit import pump, xvfb  # noqa: E402


def shoot() -> None:
    from PySide6.QtWidgets import QApplication

    from factories import record
    from replytrail.app.i18n import install_translators
    from replytrail.core.accounts import AccountRegistry
    from replytrail.core.config import Settings
    from replytrail.core.credentials import Credentials
    from replytrail.core.handoff.targets import DeliveryRefused, Target, TargetBook
    from replytrail.core.store.outbox import OutboxQueue
    from replytrail.core.store.sqlite import SQLiteStore
    from replytrail.qt.jobs import Jobs
    from replytrail.ui.settings.dialog import SettingsDialog
    from replytrail.ui.settings.handoff_page import HandoffPage

    _app = QApplication.instance() or QApplication([sys.argv[0]])  # kept for the run

    data = Path(tempfile.mkdtemp(prefix="rt-handoff-shots-"))
    book = TargetBook(data / "handoff.toml")
    book.save(Target("hubspot", address="123456@bcc.hubspot.com", preset="hubspot"))
    book.save(Target("webhook", kind="webhook", url="https://n8n.example.com/webhook/crm"))
    store = SQLiteStore(data / "store.sqlite3")
    rec = record(1, store.new_thread_id())
    rec.outbox = ["handoff:webhook"]
    store.record(rec)
    store.close()
    q = OutboxQueue(data / "store.sqlite3", "handoff:")
    entry = q.due()[0].id
    jobs = Jobs()
    for lang in ("en", "de"):
        install_translators(lang)
        # the failure is recorded in the language the app spoke at the time
        refused = DeliveryRefused(where="n8n.example.com", detail="HTTP 410 Gone")
        q.retry_all()
        q.fail(entry, refused.message)
        dialog = SettingsDialog(
            settings=Settings(data / "settings.toml"),
            accounts=AccountRegistry(data / "accounts.toml"),
            credentials=Credentials(),
            jobs=jobs,
            add_account=lambda _p: False,
        )
        page = HandoffPage(
            targets=book, credentials=Credentials(), store_file=data / "store.sqlite3", jobs=jobs
        )
        dialog.add_page(page, page.title)
        dialog.tabs.setCurrentWidget(page)
        page.crm_combo.setCurrentIndex(page.crm_combo.findData("pipedrive"))
        page.where_edit.setText("anna.berger-4711@pipedrivemail.com")
        dialog.resize(720, 620)
        dialog.show()
        page.refresh_status()
        end = time.monotonic() + 10
        while "HTTP 410" not in page.target_list.item(1).text() and time.monotonic() < end:
            pump(0.05)
        pump()
        path = OUT / f"settings-handoff-{lang}.png"
        dialog.grab().save(str(path))
        print("wrote", path.relative_to(ROOT))
        dialog.close()
    q.close()
    jobs.shutdown()


def main() -> None:
    with xvfb(os.environ.get("SHOT_DISPLAY")) as display:
        os.environ["DISPLAY"] = display
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        shoot()


if __name__ == "__main__":
    main()

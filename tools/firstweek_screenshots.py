"""Screenshots of the import progress and the awaiting-reply view, English and German.

``.venv/bin/python tools/firstweek_screenshots.py`` starts its own Xvfb (xcb platform),
and writes ``docs/screenshots/{import-progress,awaiting-reply}-{en,de}.png``: the import
dialog while it brings conversations in (a scripted run holds the dialog at a progress
step), and the timeline's "Awaiting reply" view on the demo data with one reminder set.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
sys.path[:0] = [str(ROOT / "desktop"), str(ROOT / "tools")]

from shotkit import pump, wait, xvfb  # noqa: E402


def shoot() -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    from replytrail.app.demo import build_demo_data
    from replytrail.app.i18n import install_translators
    from replytrail.core.mail.importer import ImportProgress, ImportRequest, ImportResult
    from replytrail.core.store.followups import FollowUps
    from replytrail.core.store.sqlite import SQLiteStore
    from replytrail.qt.changes import StoreChanges
    from replytrail.qt.jobs import Jobs, StoreExecutor
    from replytrail.ui.reading.files import BlobAttachments
    from replytrail.ui.timeline.extras import TimelineExtras
    from replytrail.ui.timeline.import_dialog import ImportDialog
    from replytrail.ui.timeline.window import TimelineWindow

    _app = QApplication.instance() or QApplication([sys.argv[0]])  # kept for the run

    def save(w: QWidget, name: str, lang: str) -> None:
        pump()
        path = OUT / f"{name}-{lang}.png"
        w.grab().save(str(path))
        print("wrote", path.relative_to(ROOT))

    data = Path(tempfile.mkdtemp(prefix="rt-fw-shots-"))
    build_demo_data(data, now=datetime.now(UTC))
    db = data / "replytrail.sqlite3"
    store = SQLiteStore(db)
    followups = FollowUps(store)
    waiting = followups.awaiting(3)
    if waiting:
        followups.remind(waiting[0].email.message_id, datetime.now(UTC) + timedelta(days=2))
    store.close()
    jobs = Jobs()
    for lang in ("en", "de"):
        install_translators(lang)
        # the import dialog, held at a progress step by a scripted run
        release = threading.Event()

        def run(
            _req: ImportRequest,
            progress: Callable[[ImportProgress], None],
            stop: threading.Event,
            release: threading.Event = release,
        ) -> list[ImportResult]:
            progress(ImportProgress("anna@example.com", "bodies", 57, 112))
            release.wait(30)
            return [ImportResult("anna@example.com", 1900, 12, 57, stopped=True)]

        d = ImportDialog(run, jobs, weeks=4)
        d.move(40, 40)
        d.show()
        d.start()
        wait(lambda d=d: d.bar.value() == 57, "the progress")
        save(d, "import-progress", lang)
        release.set()
        wait(lambda d=d: not d.running, "the end of the run")
        d.close()
        # the awaiting-reply view of the timeline on the demo data
        executor = StoreExecutor(lambda: SQLiteStore(db, data / "attachments"))
        w = TimelineWindow(executor, StoreChanges(executor), BlobAttachments(data / "attachments"))
        extras = TimelineExtras(w, executor, lambda: 3)
        w.move(0, 0)
        w.resize(1100, 700)
        w.show()
        wait(lambda w=w: w.contact_model.rowCount() > 0, "contacts")
        extras.tools.awaiting_button.setChecked(True)
        wait(lambda e=extras: e.page.tree.topLevelItemCount() > 0, "emails awaiting a reply")
        extras.page.tree.setCurrentItem(extras.page.tree.topLevelItem(0))
        pump(0.8)
        save(w, "awaiting-reply", lang)
        w.close()
        executor.close()
    jobs.shutdown()


def main() -> int:
    with xvfb(None) as display:
        os.environ["DISPLAY"] = display
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        shoot()
    return 0


if __name__ == "__main__":
    sys.exit(main())

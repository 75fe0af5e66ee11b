"""The README's merged team timeline: two salespeople log replies from one customer on their
own laptops; after replication, the timeline on Ben's laptop shows both conversations.

``.venv/bin/python tools/team_screenshot.py`` starts Xvfb, a keyring and a team PostgreSQL,
replicates for real and writes ``docs/screenshots/team-timeline.png``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots" / "team-timeline.png"
sys.path[:0] = [str(ROOT / "desktop"), str(ROOT / "tools"), str(ROOT / "tests")]

from shotkit import xvfb  # noqa: E402

CONVERSATION = [  # (who, outbound, subject, body)
    (
        "anna",
        True,
        "Quote for the CNC milling line",
        "Dear Mr Keller,\n\nplease find our "
        "quote for the milling line attached. Delivery in 10 weeks.\n\nBest regards,\nAnna",
    ),
    (
        "anna",
        False,
        "Re: Quote for the CNC milling line",
        "Thank you, Anna. Could you include "
        "on-site training for two operators?\n\nRegards,\nMartin Keller",
    ),
    (
        "ben",
        True,
        "Service contract for your existing presses",
        "Hello Mr Keller,\n\nour "
        "service contract would cover both presses in hall 2, including spare parts.\n\nBen",
    ),
    (
        "ben",
        False,
        "Re: Service contract for your existing presses",
        "Hi Ben, sounds good — can we talk on Thursday at 10?\n\nMartin",
    ),
    (
        "anna",
        True,
        "Re: Quote for the CNC milling line",
        "Training for two operators is included — updated quote attached.\n\nAnna",
    ),
    (
        "anna",
        False,
        "Re: Quote for the CNC milling line",
        "Perfect, we will send the order next week.\n\nMartin Keller",
    ),
]


def main() -> None:
    from servers.keyring import SecretService
    from servers.teampg import TeamPg

    with xvfb(os.environ.get("SHOT_DISPLAY")) as display:
        os.environ["DISPLAY"] = display
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        svc = SecretService()
        svc.start()
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = svc.address
        pg = TeamPg()
        pg.start()
        try:
            shoot(pg)
        finally:
            pg.cleanup()
            svc.stop()


def shoot(pg: object) -> None:
    from PySide6.QtWidgets import QApplication

    from replytrail.app.i18n import install_translators
    from replytrail.core.models import Address
    from replytrail.core.store.sqlite import SQLiteStore
    from replytrail.qt.changes import StoreChanges
    from replytrail.qt.jobs import StoreExecutor
    from replytrail.ui.reading.files import BlobAttachments
    from replytrail.ui.timeline.window import TimelineWindow
    from teamflow import Laptop, team_db

    customer = Address("m.keller@keller-werkzeugbau.example", "Martin Keller")
    team = team_db(pg)  # type: ignore[arg-type]
    tmp = Path(tempfile.mkdtemp(prefix="rt-team-shot-"))
    laps = {}
    for name in ("anna", "ben"):
        email = f"{name}@northwind.example"
        team.add(email)
        laps[name] = Laptop(tmp / name, email)
        laps[name].join(team)
    for i, (who, outbound, subject, body) in enumerate(CONVERSATION):
        lap = laps[who]
        lap._n = i * 60 * 20  # a conversation over a few days
        thread = "t-" + who  # each salesperson's conversation is one thread
        lap.log(contact=customer, outbound=outbound, subject=subject, body=body, thread=thread)
    for lap in (*laps.values(), *laps.values()):
        assert lap.replicator is not None
        lap.replicator.sync_once()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    install_translators("en")
    db = laps["ben"].store.path
    executor = StoreExecutor(lambda: SQLiteStore(db, db.parent / "attachments"))
    w = TimelineWindow(executor, StoreChanges(executor), BlobAttachments(db.parent / "attachments"))
    w.resize(1200, 700)
    w.show()
    end = time.monotonic() + 15
    while w.contact_model.rowCount() == 0 and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    w.show_contact(customer.email)
    while w.timeline_model.rowCount() < len(CONVERSATION) and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    latest = w.timeline_model.email_at(0)
    if latest is not None:
        w.show_email(latest.message_id)
    end = time.monotonic() + 0.8
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    w.grab().save(str(OUT))
    print("wrote", OUT.relative_to(ROOT))
    w.close()
    executor.close()
    for lap in laps.values():
        lap.close()


if __name__ == "__main__":
    main()

"""The team store's screenshots: the README's merged team timeline (two salespeople log
replies from one customer on their own laptops; after replication, the timeline on Ben's
laptop shows both conversations), and, in English and German, the set-up wizard's "Team
store" page (empty, then after a wrong password checked by the real server) and Settings ›
Team once joined.

``.venv/bin/python tools/team_screenshot.py`` starts Xvfb, a keyring and a team PostgreSQL,
replicates for real and writes ``docs/screenshots/team-timeline.png``,
``wizard-team[-wrong-password]-{en,de}.png`` and ``settings-team-{en,de}.png``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots" / "team-timeline.png"
sys.path[:0] = [str(ROOT / "desktop"), str(ROOT / "tools"), str(ROOT / "tests")]

from shotkit import pump, wait, xvfb  # noqa: E402

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
            shoot_pages(shoot(pg), pg.ca)
        finally:
            pg.cleanup()
            svc.stop()


def shoot(pg: object) -> Any:
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
    return team


def shoot_pages(team: Any, ca: Path) -> None:
    """The wizard's team page and Settings › Team, against the real team store (Anna joins
    it on a new laptop and pulls the team's history)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    for lang in ("en", "de"):
        shoot_pages_in(lang, team, ca)
        for name in ("wizard-team", "wizard-team-wrong-password", "settings-team"):
            print("wrote", (OUT.parent / f"{name}-{lang}.png").relative_to(ROOT))


def shoot_pages_in(lang: str, team: Any, ca: Path) -> None:
    from replytrail.app.i18n import install_translators
    from replytrail.app.team import team_actions
    from replytrail.core.accounts import AccountRegistry
    from replytrail.core.config import Settings
    from replytrail.core.credentials import Credentials
    from replytrail.core.paths import resolve_paths
    from replytrail.qt.jobs import Jobs
    from replytrail.ui.settings.dialog import SettingsDialog
    from replytrail.ui.settings.team_page import JoinForm, TeamPage
    from replytrail.ui.wizard.wizard import Page, SetupWizard

    install_translators(lang)
    anna, dirs = "anna@northwind.example", OUT.parent
    paths = resolve_paths(tempfile.mkdtemp(prefix=f"rt-team-pages-{lang}-"))
    paths.ensure()
    settings = Settings(
        paths.settings_file, {"store": {"team_dsn": team.user_dsn, "team_ca_file": str(ca)}}
    )
    accounts, credentials = AccountRegistry(paths.accounts_file), Credentials()
    actions = team_actions(paths, settings, credentials, accounts)
    wizard = SetupWizard(
        accounts=accounts, credentials=credentials, settings=settings, team=actions
    )
    wizard.draft.email = anna
    wizard.setStartId(int(Page.LOGGING))  # the page before, so Back shows as it does
    wizard.show()
    wizard.restart()
    wizard.next()
    pump(0.5)
    wizard.grab().save(str(dirs / f"wizard-team-{lang}.png"))
    status = wizard.team_page.status
    status.clear()
    wizard.team_page.password.setText("wrong-password")
    wizard.next()
    wait(lambda: bool(status.text()) and "…" not in status.text(), "the refusal", 15)
    pump(0.3)
    wizard.grab().save(str(dirs / f"wizard-team-wrong-password-{lang}.png"))
    wizard.reject()
    actions.join(JoinForm(team.user_dsn, anna, team.passwords[anna], str(ca)))
    actions.sync()  # the team's history arrives: "last received" has a time
    jobs = Jobs()
    dialog = SettingsDialog(
        settings=settings,
        accounts=accounts,
        credentials=credentials,
        jobs=jobs,
        add_account=lambda _p: False,
    )
    page = TeamPage(actions=actions, jobs=jobs)
    dialog.add_page(page, page.title)
    dialog.tabs.setCurrentWidget(page)
    dialog.resize(720, 520)
    dialog.show()
    page.refresh_status()
    wait(lambda: page.status_form.rowCount() >= 8, "the team store's state", 15)
    pump(1.0)
    dialog.grab().save(str(dirs / f"settings-team-{lang}.png"))
    dialog.close()
    jobs.shutdown()


if __name__ == "__main__":
    main()

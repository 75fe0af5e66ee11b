"""The import dialog run by the app's launcher: real Dovecot, real keyring, real store."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from importmail import Mailbox, build_mailbox
from mailflow import Setup
from replytrail.app.i18n import install_translators
from replytrail.app.importing import ImportLauncher
from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials
from replytrail.core.mail.importer import ImportProgress, ImportRequest, ImportResult
from replytrail.core.paths import resolve_paths
from replytrail.qt.jobs import Jobs
from replytrail.ui.timeline.import_dialog import ImportDialog, ImportRun
from servers.cli import Cli
from servers.mailservers import Dovecot

pytestmark = [pytest.mark.gui, pytest.mark.servers]
Launcher = tuple[ImportLauncher, Setup, Mailbox]


@pytest.fixture
def launcher(cli: Cli, dovecot: Dovecot) -> Iterator[Launcher]:
    install_translators("en")
    cli.add_dovecot_account(dovecot)
    cli.ok("config", "set", "logging.never_log", "partner.example")
    box = build_mailbox(dovecot, total=400, customers=12)
    paths = resolve_paths(cli.data_dir)
    jobs = Jobs()
    launcher = ImportLauncher(
        paths=paths,
        accounts=AccountRegistry(paths.accounts_file),
        credentials=Credentials(),  # the real Secret Service of the session
        settings=Settings(paths.settings_file),
        jobs=jobs,
    )
    yield launcher, Setup(cli, dovecot), box
    if launcher.dialog is not None:
        launcher.dialog.close()
    jobs.shutdown()


def _wait_done(qtbot: QtBot, d: ImportDialog) -> None:
    qtbot.waitUntil(lambda: not d.running, timeout=90_000)


def test_offer_progress_and_summary(qtbot: QtBot, launcher: Launcher) -> None:
    lau, s, box = launcher
    d = lau.open(None)
    qtbot.addWidget(d)
    assert d.weeks.value() == 4 and d.weeks.isVisible()
    assert d.start_button.isVisible() and not d.stop_button.isVisible()
    phases: list[str] = []
    d.progressed.connect(lambda p: phases.append(p.phase))
    with qtbot.waitSignal(lau.finished, timeout=90_000):
        qtbot.mouseClick(d.start_button, Qt.MouseButton.LeftButton)
        assert d.stop_button.isVisible() and d.bar.isVisible()
    assert {"sent", "inbox", "bodies"} <= set(phases)
    assert d.status.text() == (
        f"Done: {len(box.expected_ids)} emails in 12 conversations brought in."
    )
    assert d.close_button.isVisible() and not d.stop_button.isVisible()
    assert set(s.logged()) == box.expected_ids
    # again: nothing twice, and the dialog says so
    d2 = lau.open(None, start=True)
    _wait_done(qtbot, d2)
    assert "Nothing new to bring in" in d2.status.text()
    assert set(s.logged()) == box.expected_ids


def test_one_contact_from_the_timeline(qtbot: QtBot, launcher: Launcher) -> None:
    lau, s, box = launcher
    d = lau.open(None, contact=box.old_contact, start=True)
    qtbot.addWidget(d)
    assert not d.weeks_row.isVisible() and box.old_contact in d.title.text()
    _wait_done(qtbot, d)
    assert set(s.logged()) == box.old_ids


def _gated(run: ImportRun, gate: threading.Event) -> ImportRun:
    """The real run, holding its worker at the first body batch until the test pressed Stop."""

    def run_gated(
        req: ImportRequest, progress: Callable[[ImportProgress], None], stop: threading.Event
    ) -> list[ImportResult]:
        def report(p: ImportProgress) -> None:
            progress(p)
            if p.phase == "bodies":
                gate.wait(30)

        result: list[ImportResult] = run(req, report, stop)
        return result

    return run_gated


def test_stop_and_escape(qtbot: QtBot, launcher: Launcher, tmp_path: Path) -> None:
    lau, s, box = launcher
    gate = threading.Event()
    d = ImportDialog(_gated(lau.run, gate), lau.jobs, weeks=4)
    qtbot.addWidget(d)
    d.show()
    d.start()
    qtbot.waitUntil(lambda: "Bringing in conversations" in d.status.text(), timeout=60_000)
    d.reject()  # Escape while it runs: stops, does not close
    assert d.isVisible() and d.running and d.status.text() == "Stopping…"
    assert not d.stop_button.isEnabled()
    gate.set()
    _wait_done(qtbot, d)
    assert d.status.text().startswith("Stopped.")
    stored = len(s.logged())
    assert 0 < stored < len(box.expected_ids)
    d.reject()
    assert not d.isVisible()

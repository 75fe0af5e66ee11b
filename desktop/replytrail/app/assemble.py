"""Assembling the tray app: the stores, the store executor, the engine and its adapter, the
tray app itself; then the engine starts (app/boot.py calls this once the icon is up)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from replytrail.app.application import TrayApp
from replytrail.app.autostart import Autostart, launch_command
from replytrail.app.engine_thread import EngineAdapter, EngineLike
from replytrail.app.single_instance import SingleInstance
from replytrail.app.windows import start_inspection
from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials, IsolatedCredentials
from replytrail.core.events import EventSink
from replytrail.core.handoff.targets import TargetBook
from replytrail.core.paths import Paths
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.core.tempfiles import clean_in_background
from replytrail.qt.jobs import Jobs, StoreExecutor
from replytrail.ui.reading.files import BlobAttachments
from replytrail.ui.tray.tray import TrayIcon

__all__ = ["assemble", "build_tray_app"]


def _engine_factory(
    store: SQLiteStore,
    accounts: AccountRegistry,
    credentials: Credentials,
    settings: Settings,
    handoff: TargetBook | None = None,
    store_file: Path | None = None,
) -> Callable[[EventSink], EngineLike]:
    def make(sink: EventSink) -> EngineLike:
        from replytrail.core.engine import Engine  # imapclient, TLS: after the icon is up
        from replytrail.core.handoff.runner import HandoffRunner
        from replytrail.core.oauth.tokens import AccountSecrets

        runner = (
            HandoffRunner(
                store_file,
                store,
                handoff,
                accounts,
                credentials,
                AccountSecrets(credentials, settings),
            )
            if handoff is not None and store_file is not None
            else None
        )
        from replytrail.core.team.membership import make_replicator

        return Engine(
            store=store,
            accounts=accounts,
            credentials=credentials,
            settings=settings,
            sink=sink,
            handoff=runner,
            team=make_replicator(store, settings, credentials),
        )

    return make


def build_tray_app(
    *,
    paths: Paths,
    settings: Settings,
    accounts: AccountRegistry,
    credentials: Credentials,
    quit_app: Callable[[], None],
    tray: TrayIcon | None = None,
    autostart: Autostart | None = None,
    demo: bool = False,
) -> tuple[TrayApp, SQLiteStore]:
    """The tray app and everything it drives, wired as the app runs it (the tests build it
    through here too): the engine's store, the windows' store executor, the job pool, the
    hand-off targets, the engine with its adapter. Returns the app and the engine's store
    (the caller closes it after quitting)."""
    store = SQLiteStore(paths.store_file, paths.blob_dir)  # the engine's (writes)
    jobs = Jobs()
    # the windows' connection, opened on the executor's thread by the first window
    executor = StoreExecutor(lambda: SQLiteStore(paths.store_file, paths.blob_dir))
    handoff = TargetBook(paths.handoff_file, settings.preset)
    engine = EngineAdapter(
        _engine_factory(store, accounts, credentials, settings, handoff, paths.store_file), jobs
    )
    tray_app = TrayApp(
        paths=paths,
        settings=settings,
        accounts=accounts,
        credentials=credentials,
        executor=executor,
        attachments=BlobAttachments(paths.blob_dir),
        engine=engine,
        jobs=jobs,
        handoff=handoff,
        autostart=autostart,
        quit_app=quit_app,
        tray=tray,
        demo=demo,
    )
    return tray_app, store


def assemble(
    *,
    app: QApplication,
    tray: TrayIcon,
    paths: Paths,
    settings: Settings,
    accounts: AccountRegistry,
    instance: SingleInstance,
    demo_root: Path | None,
) -> tuple[TrayApp, list[SQLiteStore]]:
    """Everything after the tray icon is up (app/boot.py shows it first): the stores, the
    engine, notifications, windows; then the engine starts."""
    if demo_root is not None:
        from replytrail.app.demo import build_demo_data

        build_demo_data(demo_root)
        settings.reload()
    clean_in_background(paths)  # attachments/xx/.tmp-* a crash left behind
    tray_app, store = build_tray_app(
        paths=paths,
        settings=settings,
        accounts=accounts,
        credentials=IsolatedCredentials(),  # keyring in a helper process: a small idle app
        quit_app=app.quit,
        tray=tray,
        autostart=(
            None
            if demo_root is not None
            else Autostart(launch_command(paths.data_dir if paths.portable else None))
        ),
        demo=demo_root is not None,
    )
    instance.activated.connect(tray_app.open_timeline)
    start_inspection(tray_app)
    tray_app.start()
    if demo_root is not None:
        QTimer.singleShot(0, tray_app.open_timeline)
    elif not accounts.all():
        QTimer.singleShot(0, tray_app.first_run)
    return tray_app, [store]

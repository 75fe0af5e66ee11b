"""Start-up in two steps: the tray icon first, with as little loaded as possible; then the
rest of the app (app/application.py) from the event loop, so the icon appears at once."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import linecache
import logging
import shutil
import signal
import socket
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from replytrail import __version__
from replytrail.app.i18n import choose_language, install_translators
from replytrail.app.session_check import display_problem
from replytrail.app.single_instance import SingleInstance, server_name
from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import open_settings
from replytrail.core.errors import KnownError
from replytrail.core.events import AccountState, WatchState
from replytrail.core.paths import resolve_paths
from replytrail.qt.collector import GuiThreadCollector
from replytrail.ui.common.icons import app_icon
from replytrail.ui.tray.tray import TrayIcon

if TYPE_CHECKING:
    from replytrail.app.application import TrayApp
    from replytrail.core.store.sqlite import SQLiteStore

__all__ = ["run"]

log = logging.getLogger("replytrail.app")
ASSEMBLE_DELAY_MS = 200
SOURCE_CACHE_DROP_MS = 3000


def drop_source_cache() -> None:
    """Free the source text PySide6's import hook reads for every module imported after it,
    and put start-up's long-lived objects out of the cycle collector's way.

    (shibokensupport's ``feature_imported`` calls ``inspect.getsource`` on each new module to
    look for ``__feature__`` imports, which fills ``linecache`` with ~8 MiB of source an idle
    tray app never needs; tracebacks read it again on demand.)
    """
    linecache.clearcache()
    # start-up's objects (modules, classes, settings) live as long as the app: out of the
    # cycle collector's sight, so the full collections the GUI thread runs (qt/collector.py)
    # walk only what was made since, not the whole heap
    gc.collect()
    gc.freeze()
    _release_free_heap()


def _release_free_heap() -> None:
    """Give the heap pages start-up freed back to the system (glibc keeps them otherwise)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)


def run(data_dir: str | None, demo: bool) -> int:
    """Run the tray app until Quit; 0 also when another instance was asked to come forward."""
    if QApplication.instance() is None and display_problem():
        return _no_display(data_dir)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    app.setApplicationName("Replytrail")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("replytrail")
    app.setWindowIcon(app_icon())
    collector = GuiThreadCollector(app)  # cycles are freed on this thread only
    collector.start()
    demo_root = Path(tempfile.mkdtemp(prefix="replytrail-demo-")) if demo else None
    paths = resolve_paths(demo_root or data_dir)
    paths.ensure()
    instance = SingleInstance(server_name(paths.data_dir, paths.runtime_dir))
    if instance.notify_running():
        return 0
    instance.listen()
    try:
        settings = open_settings(paths)
        install_translators(choose_language(settings.values().general.language))
        accounts = AccountRegistry(paths.accounts_file)
        watched = [a.email for a in accounts.all() if a.enabled]
    except KnownError as e:
        QMessageBox.critical(None, "Replytrail", e.message)
        instance.close()
        return 1
    tray = TrayIcon()
    tray.set_states([AccountState(a, WatchState.CATCHING_UP) for a in watched])
    tray.show()

    built: list[TrayApp] = []
    stores: list[SQLiteStore] = []

    def assemble() -> None:
        from replytrail.app.assemble import assemble as assemble_app

        try:
            tray_app, opened = assemble_app(
                app=app,
                tray=tray,
                paths=paths,
                settings=settings,
                accounts=accounts,
                instance=instance,
                demo_root=demo_root,
            )
        except KnownError as e:
            QMessageBox.critical(None, "Replytrail", e.message)
            app.exit(1)
            return
        built.append(tray_app)
        stores.extend(opened)
        # after the engine's modules are in (it starts from the event loop right after this)
        QTimer.singleShot(SOURCE_CACHE_DROP_MS, drop_source_cache)

    def quit_app() -> None:
        if built:
            built[0].quit()
        else:
            app.quit()

    # Give the event loop a moment to dock the icon (the tray host's XEmbed/SNI round trips)
    # before the rest of the app loads and blocks it for a few hundred milliseconds.
    QTimer.singleShot(ASSEMBLE_DELAY_MS, assemble)
    try:
        with _quit_on_signals(app, quit_app):
            code = app.exec()
    finally:
        instance.close()
        for tray_app in built:
            tray_app.close()
        for s in stores:
            s.close()
        if demo_root is not None:
            shutil.rmtree(demo_root, ignore_errors=True)
    return int(code)


def _no_display(data_dir: str | None) -> int:
    """Say in one line (in the user's language) why the tray app cannot start here; 1."""
    core = QCoreApplication(["replytrail"])  # translators need an application object
    try:
        language = open_settings(resolve_paths(data_dir)).values().general.language
    except KnownError:
        language = ""
    install_translators(choose_language(language))
    print(f"replytrail: {display_problem()}", file=sys.stderr)
    del core
    return 1


@contextlib.contextmanager
def _quit_on_signals(app: QApplication, on_quit: Callable[[], None]) -> Iterator[None]:
    """SIGTERM/SIGINT end the app cleanly (the event loop wakes through a socket, no timer)."""
    if sys.platform == "win32":  # pragma: no cover
        yield
        return
    r, w = socket.socketpair()
    r.setblocking(False)
    w.setblocking(False)
    old_fd = signal.set_wakeup_fd(w.fileno())
    old = {s: signal.signal(s, lambda *_a: None) for s in (signal.SIGTERM, signal.SIGINT)}
    notifier = QSocketNotifier(r.fileno(), QSocketNotifier.Type.Read, app)

    def woke() -> None:
        with contextlib.suppress(OSError):
            r.recv(64)
        on_quit()

    notifier.activated.connect(woke)
    try:
        yield
    finally:
        notifier.setEnabled(False)
        signal.set_wakeup_fd(old_fd)
        for s, handler in old.items():
            signal.signal(s, handler)
        r.close()
        w.close()

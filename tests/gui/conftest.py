"""Fixtures shared by the GUI tests."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from replytrail.app.application import TrayApp
from replytrail.app.assemble import build_tray_app
from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials
from replytrail.core.paths import resolve_paths
from servers.keyring import SecretService


@pytest.fixture
def stuck_https(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """Every HTTPS lookup (autoconfig, ISPDB) goes to a proxy that accepts and never answers,
    so discovery stays busy for its step timeout; yields the proxy's port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(16)
        port = s.getsockname()[1]
        monkeypatch.setenv("https_proxy", f"http://127.0.0.1:{port}")
        monkeypatch.delenv("no_proxy", raising=False)
        yield port


class QuitCounter:
    def __init__(self) -> None:
        self.quits: list[int] = []

    def __call__(self) -> None:
        self.quits.append(1)


@pytest.fixture
def tray_app(qtbot: QtBot, tmp_path: Path, secret_service: SecretService) -> Iterator[TrayApp]:
    """The app as app/application.py assembles it, on a fresh data dir (offscreen, no
    accounts watched, the real keyring); ``tray_app.quits`` counts Quit."""
    paths = resolve_paths(tmp_path / "data")
    paths.ensure()
    settings = Settings(paths.settings_file)
    accounts = AccountRegistry(paths.accounts_file)
    credentials = Credentials()
    counter = QuitCounter()
    app, store = build_tray_app(
        paths=paths,
        settings=settings,
        accounts=accounts,
        credentials=credentials,
        quit_app=counter,
    )
    app.quits = counter.quits  # type: ignore[attr-defined]
    yield app
    app.quit()
    for w in (app._timeline, app._settings_dialog, *app.compose_windows):
        if w is not None:
            w.close()
            w.deleteLater()
    app.close()
    store.close()

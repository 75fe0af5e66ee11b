"""Every window of the app opens again after it was closed, sent, escaped or failed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget, QWizard
from pytestqt.qtbot import QtBot

from replytrail.app.application import TrayApp
from replytrail.core.models import Account, Security
from replytrail.ui.compose.window import ComposeDialog

pytestmark = [pytest.mark.gui, pytest.mark.servers]  # the real keyring (D-Bus)

# nothing listens on port 9 (discard) on loopback: sending fails at once, for real
UNREACHABLE = Account(
    email="alice@example.test",
    imap_host="127.0.0.1",
    smtp_host="127.0.0.1",
    smtp_port=9,
    smtp_security=Security.STARTTLS,
)


def _compose(qtbot: QtBot, app: TrayApp, n_before: int = 0) -> ComposeDialog:
    app.tray.compose_action.trigger()
    qtbot.waitUntil(lambda: len(app.compose_windows) == n_before + 1)
    dlg = app.compose_windows[-1]
    assert isinstance(dlg, ComposeDialog) and dlg.isVisible()
    return dlg


def test_compose_opens_again_after_close_escape_and_failure(
    tray_app: TrayApp, qtbot: QtBot
) -> None:
    tray_app.accounts.save(UNREACHABLE)
    first = _compose(qtbot, tray_app)
    first.close_button.click()
    qtbot.waitUntil(lambda: tray_app.compose_windows == [])  # deleted, and forgotten
    second = _compose(qtbot, tray_app)
    qtbot.keyClick(second, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: tray_app.compose_windows == [])
    third = _compose(qtbot, tray_app)
    third.to_edit.setText("bob@example.test")
    third.subject_edit.setText("Angebot")
    third.send_button.click()
    qtbot.waitUntil(lambda: bool(third.error_text), timeout=20_000)
    assert "Sending failed" in third.error_text
    fourth = _compose(qtbot, tray_app, n_before=1)  # a second one beside the failed one
    assert fourth is not third
    third.close()
    fourth.close()
    qtbot.waitUntil(lambda: tray_app.compose_windows == [])
    _compose(qtbot, tray_app).close()


def test_timeline_comes_back_when_minimised_or_hidden(tray_app: TrayApp, qtbot: QtBot) -> None:
    tray_app.tray.open_action.trigger()
    w = tray_app._timeline
    assert w is not None
    qtbot.waitUntil(w.isVisible)
    w.showMinimized()
    qtbot.waitUntil(w.isMinimized)
    tray_app.tray.open_action.trigger()  # the tray (the single-instance wish is the same slot)
    qtbot.waitUntil(lambda: not w.isMinimized() and w.isVisible())
    w.close()
    assert not w.isVisible()
    tray_app.open_timeline()
    assert tray_app._timeline is w and w.isVisible()
    w.hide()
    tray_app.open_timeline()
    assert w.isVisible()


def test_settings_opens_again_after_close(tray_app: TrayApp, qtbot: QtBot) -> None:
    for _ in range(3):
        tray_app.tray.settings_action.trigger()
        d = tray_app._settings_dialog
        assert d is not None
        qtbot.waitUntil(d.isVisible)
        qtbot.keyClick(d, Qt.Key.Key_Escape)

        def hidden(d: QWidget = d) -> bool:
            return not d.isVisible()

        qtbot.waitUntil(hidden)


def test_wizard_opens_again_after_cancel(tray_app: TrayApp, qtbot: QtBot) -> None:
    seen: list[QWizard] = []

    def cancel_it() -> None:
        w = QApplication.activeModalWidget()
        if isinstance(w, QWizard):
            seen.append(w)
            w.reject()
        else:
            QTimer.singleShot(50, cancel_it)

    for n in (1, 2):
        QTimer.singleShot(50, cancel_it)
        assert tray_app.add_account(None) is False  # returns when the wizard closed
        assert len(seen) == n
    assert seen[0] is not seen[1]


def test_inspection_socket_only_when_asked_and_never_frozen(
    tray_app: TrayApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from replytrail.app.inspect import Inspector
    from replytrail.app.windows import start_inspection

    monkeypatch.delenv("REPLYTRAIL_INSPECT", raising=False)
    start_inspection(tray_app)
    assert tray_app.findChildren(Inspector) == []
    monkeypatch.setenv("REPLYTRAIL_INSPECT", str(tmp_path / "i.sock"))
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # a packaged build
    start_inspection(tray_app)
    assert tray_app.findChildren(Inspector) == []
    monkeypatch.setattr(sys, "frozen", False)
    start_inspection(tray_app)
    assert len(tray_app.findChildren(Inspector)) == 1


def test_after_finish_the_timeline_says_you_are_set_up(tray_app: TrayApp, qtbot: QtBot) -> None:
    with qtbot.waitSignal(tray_app.setupFinished) as finished:  # where an import offer hooks in
        tray_app.you_are_set_up()
    w = tray_app._timeline
    assert w is not None and finished.args == [w]
    assert w.isVisible() and w.notice.isVisible()
    assert "You're set up" in w.notice.text()
    w.notice.linkActivated.emit("hide")  # its "Hide" link
    assert not w.notice.isVisible()

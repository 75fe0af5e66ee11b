"""Screenshots of every set-up wizard page, English and German (``tools/wizard_screenshots.py``).

Drives the real wizard against a throwaway Dovecot (the test servers in ``tests/servers``)
under Xvfb with the xcb platform (it starts ``Xvfb`` itself unless ``--display`` is given),
and writes ``docs/screenshots/wizard-<page>-<lang>.png`` at 720x560.
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZE = (720, 560)
sys.path[:0] = [str(ROOT / "desktop"), str(ROOT / "tests"), str(ROOT / "tools")]

import shotkit  # noqa: E402
from shotkit import pump, wait  # noqa: E402


@contextmanager
def black_hole() -> Iterator[int]:
    """A proxy port that accepts and never answers: discovery stays busy (a 'running' shot)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(16)
        yield s.getsockname()[1]


def main(argv: list[str] | None = None) -> int:
    return shotkit.main(__doc__ or "", shoot, OUT, argv)


def shoot(languages: list[str], out: Path) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QWizard

    from replytrail.app.i18n import install_translators
    from replytrail.core.accounts import AccountRegistry
    from replytrail.core.config import Settings
    from replytrail.core.credentials import Credentials
    from replytrail.ui.wizard.wizard import Page, SetupWizard
    from servers.mailservers import Dovecot

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    out.mkdir(parents=True, exist_ok=True)

    def preset(d: Dovecot, imap_port: int | None = None) -> dict[str, Any]:
        return {
            "servers": {
                "domains": {
                    "example.com": {
                        "imap_host": d.listen,
                        "imap_port": imap_port or d.ports["imaps"],
                        "imap_security": "ssl",
                        "smtp_host": d.listen,
                        "smtp_port": d.ports["submissions"],
                        "smtp_security": "ssl",
                        "imap_username": "alice@example.test",
                        "smtp_username": "alice@example.test",
                        "name": "Example Corp",
                    }
                }
            }
        }

    def wizard_for(preset_data: dict[str, Any], tmp: Path) -> SetupWizard:
        tmp.mkdir(parents=True, exist_ok=True)
        w = SetupWizard(
            accounts=AccountRegistry(tmp / "accounts.toml"),
            credentials=Credentials(),
            settings=Settings(tmp / "settings.toml", preset_data),
        )
        w.resize(*SIZE)
        w.show()
        pump(0.2)
        return w

    def save(w: SetupWizard, name: str, lang: str) -> None:
        pump(0.2)
        path = out / f"wizard-{name}-{lang}.png"
        w.grab().save(str(path))
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)

    def next_page(w: SetupWizard, expect: Page) -> None:
        w.next()
        wait(lambda: w.currentId() == expect, f"page {expect.name}")

    def wait_test(w: SetupWizard, what: str) -> None:
        wait(lambda: w.test_page.report is not None, what)

    def wait_checks(w: SetupWizard, n: int) -> None:
        wait(lambda: w.pop3_page.checks == n, "check again")

    def type_email(w: SetupWizard, email: str) -> None:
        w.email_page.name_edit.setText("Anna Berger")  # not the shooting machine's user
        w.email_page.email_edit.setText(email)
        w.email_page.email_edit.setCursorPosition(len(email))

    dc = Dovecot(users={"alice@example.test": "alicepw"})
    pop = Dovecot(users={"alice@example.test": "alicepw"}, protocols="pop3 lmtp")
    dc.start()
    pop.start()
    root = Path(tempfile.mkdtemp(prefix="rt-shots-"))
    try:
        for lang in languages:
            install_translators(lang)
            # the main path: team preset → test with an untrusted certificate → pin → done
            w = wizard_for(preset(dc), root / lang / "main")
            type_email(w, "anna.berger@example.com")
            save(w, "email", lang)
            next_page(w, Page.DISCOVERY)
            wait(w.discovery_page.isComplete, "discovery")
            save(w, "discovery", lang)
            next_page(w, Page.REVIEW)
            w.review_page.set_advanced(True)
            save(w, "review", lang)
            next_page(w, Page.PASSWORD)
            w.password_page.password.setText("alicepw")
            save(w, "password", lang)
            next_page(w, Page.TEST)
            wait_test(w, "test")
            save(w, "test-certificate", lang)
            w.test_page.pin_button.click()
            wait_test(w, "test after pinning")
            save(w, "test-ok", lang)
            next_page(w, Page.LOGGING)
            w.logging_page.copy_button.click()
            save(w, "logging", lang)
            next_page(w, Page.DONE)
            w.button(QWizard.WizardButton.FinishButton).setFocus(Qt.FocusReason.OtherFocusReason)
            save(w, "done", lang)
            w.reject()

            # a wrong password
            w = wizard_for(preset(dc), root / lang / "wrong")
            type_email(w, "anna.berger@example.com")
            next_page(w, Page.DISCOVERY)
            wait(w.discovery_page.isComplete, "discovery")
            next_page(w, Page.REVIEW)
            next_page(w, Page.PASSWORD)
            w.password_page.password.setText("not-the-password")
            next_page(w, Page.TEST)
            wait_test(w, "test")
            w.test_page.pin_button.click()
            wait_test(w, "test after pinning")
            save(w, "test-wrong-password", lang)
            w.back()  # the cursor is in the password again, the wrong one selected
            wait(lambda w=w: w.focusWidget() is w.password_page.password, "the password focus")
            save(w, "password-retry", lang)
            w.reject()

            # POP3 only: the server greets with +OK
            w = wizard_for(preset(pop, pop.ports["pop3s"]), root / lang / "pop3")
            type_email(w, "anna.berger@example.com")
            next_page(w, Page.DISCOVERY)
            wait(w.discovery_page.isComplete, "discovery")
            next_page(w, Page.POP3)
            w.pop3_page.check_button.click()
            wait_checks(w, 1)
            save(w, "pop3", lang)
            w.reject()

            # POP3 at a provider with its own steps (GMX's POP3 server typed by hand)
            w = wizard_for({}, root / lang / "gmx")
            type_email(w, "anna.berger@gmx.de")
            next_page(w, Page.DISCOVERY)
            wait(w.discovery_page.isComplete, "discovery")
            next_page(w, Page.REVIEW)
            w.review_page.imap.host.setText("pop.gmx.net")
            w.review_page.set_advanced(True)
            w.review_page.imap.port.setValue(995)
            save(w, "review-pop3", lang)
            next_page(w, Page.POP3_ENTERED)
            save(w, "pop3-provider", lang)
            w.reject()

            # a provider that wants sign-in with Microsoft (no client id in a source build)
            w = wizard_for({}, root / lang / "ms")
            type_email(w, "anna.berger@outlook.com")
            next_page(w, Page.DISCOVERY)
            wait(w.discovery_page.isComplete, "discovery")
            next_page(w, Page.REVIEW)
            next_page(w, Page.SIGNIN)
            save(w, "signin-no-client-id", lang)
            w.reject()

            # discovery still running (every HTTPS lookup hangs in a stuck proxy)
            with black_hole() as port:
                os.environ["https_proxy"] = f"http://127.0.0.1:{port}"
                w = wizard_for({}, root / lang / "slow")
                w.ctx.settings.set("discovery.timeout", 3.0)
                type_email(w, "anna.berger@slow.example.net")
                next_page(w, Page.DISCOVERY)
                pump(1.2)
                save(w, "discovery-running", lang)
                w.discovery_page.stop()
                wait(w.discovery_page.isComplete, "cancel")
                next_page(w, Page.REVIEW)  # nothing found: empty fields, honest words
                save(w, "review-nothing-found", lang)
                w.reject()
                del os.environ["https_proxy"]
        pump(0.1)
    finally:
        dc.cleanup()
        pop.cleanup()
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

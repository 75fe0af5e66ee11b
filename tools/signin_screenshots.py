"""Screenshots of the sign-in pages, English and German (``tools/signin_screenshots.py``).

The wizard's sign-in page (ready, waiting for the browser, without a client id), the page
for app-password-only providers, and the "go back to Replytrail" page the browser shows
after the redirect (rendered by headless Chromium). Writes ``docs/screenshots/``
``wizard-signin[-waiting|-no-client-id]-<lang>.png``, ``wizard-app-password-only-<lang>.png`` and
``oauth-done-<lang>.png``; starts its own Xvfb like ``wizard_screenshots.py``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZE = (720, 560)
sys.path[:0] = [str(ROOT / "desktop"), str(ROOT / "tests"), str(ROOT / "tools")]

import shotkit  # noqa: E402 - after the path is set
from shotkit import pump, wait  # noqa: E402 - after the path is set

CLIENT_ID = "00000000-0000-0000-0000-000000000000"  # a placeholder: shows the enabled button


def main(argv: list[str] | None = None) -> int:
    return shotkit.main(__doc__ or "", shoot, OUT, argv)


def shoot(languages: list[str], out: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from replytrail.app.i18n import install_translators
    from replytrail.core.accounts import AccountRegistry
    from replytrail.core.config import Settings
    from replytrail.core.credentials import Credentials
    from replytrail.core.oauth.loopback import done_page
    from replytrail.ui.wizard.wizard import Page, SetupWizard

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    out.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="rt-signin-shots-"))
    opened = threading.Event()

    def to_signin(email: str, preset: dict[str, Any], tmp: Path) -> SetupWizard:
        tmp.mkdir(parents=True, exist_ok=True)
        w = SetupWizard(
            accounts=AccountRegistry(tmp / "accounts.toml"),
            credentials=Credentials(),
            settings=Settings(tmp / "settings.toml", preset),
            open_url=lambda _url: opened.set() or True,  # no browser for the pictures
        )
        w.resize(*SIZE)
        w.show()
        pump(0.2)
        w.email_page.email_edit.setText(email)
        for page in (Page.DISCOVERY, Page.REVIEW, Page.SIGNIN):
            if page is Page.REVIEW:
                wait(w.discovery_page.isComplete, "discovery")
            w.next()
            wait(lambda page=page: w.currentId() == page, f"page {page.name}")
        return w

    def save(w: Any, name: str, lang: str) -> None:
        pump(0.2)
        path = out / f"{name}-{lang}.png"
        w.grab().save(str(path))
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)

    for lang in languages:
        install_translators(lang)
        configured = {"oauth": {"microsoft": {"client_id": CLIENT_ID}}}
        w = to_signin("anna.berger@outlook.com", configured, root / lang / "ms")
        save(w, "wizard-signin", lang)
        opened.clear()
        w.signin_page.sign_in_button.click()
        wait(opened.is_set, "the browser to be asked")
        save(w, "wizard-signin-waiting", lang)
        w.reject()
        w = to_signin("anna.berger@outlook.com", {}, root / lang / "ms-none")
        save(w, "wizard-signin-no-client-id", lang)
        w.reject()
        w = to_signin("anna.berger@yahoo.com", {}, root / lang / "yahoo")
        save(w, "wizard-app-password-only", lang)
        w.reject()
        page = root / lang / "done.html"
        page.write_bytes(done_page(True))
        shot = out / f"oauth-done-{lang}.png"
        subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={root / lang / 'chromium'}", "--hide-scrollbars",
             "--window-size=720,300", f"--screenshot={shot}", page.as_uri()],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        print(shot.relative_to(ROOT) if shot.is_relative_to(ROOT) else shot)
    pump(0.1)
    return 0


if __name__ == "__main__":
    sys.exit(main())

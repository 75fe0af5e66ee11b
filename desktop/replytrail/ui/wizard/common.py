"""What the set-up wizard's pages share: page ids, the draft, the base page, small widgets."""

from __future__ import annotations

import enum
import html
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QLabel, QProgressBar, QWidget, QWizard, QWizardPage

from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials
from replytrail.core.discovery.pop3 import guidance_language
from replytrail.core.discovery.settings import DiscoveryResult, Provider, ServerSettings
from replytrail.core.mail.connect import Secret
from replytrail.core.models import Account
from replytrail.core.oauth.signin import SignedIn, open_system_browser
from replytrail.core.setup import LoggingChoices
from replytrail.qt.jobs import Jobs
from replytrail.ui.settings.team_page import JoinForm, TeamActions

__all__ = [
    "Draft",
    "Page",
    "SetupPage",
    "WizardContext",
    "busy_bar",
    "guidance_html",
    "heading",
    "monospace",
    "note_label",
    "status_glyph",
    "ui_locale",
]

T = TypeVar("T")

#: colours that read on light and dark palettes alike
GREEN, RED, ORANGE, GREY = "#2e7d32", "#c62828", "#b26a00", "#757575"


class Page(enum.IntEnum):
    """Page ids; both POP3 pages are the same class, reached from discovery or review."""

    EMAIL = 0
    DISCOVERY = 1
    POP3 = 2
    REVIEW = 3
    POP3_ENTERED = 4
    PASSWORD = 5
    TEST = 6
    LOGGING = 7
    DONE = 8
    SIGNIN = 9
    TEAM = 10


@dataclass
class Draft:
    """What the pages have decided so far; each page's ``save()`` writes its part."""

    email: str = ""
    sender_name: str = ""  # what customers see in From (issue 8.9)
    result: DiscoveryResult | None = None
    account: Account | None = None
    pop3_server: ServerSettings | None = None
    #: the "IMAP" server (host, port) that greeted like POP3 when the test page signed in
    greets_pop3: tuple[str, int] | None = None
    password: str = field(default="", repr=False)
    needs_oauth: bool = False
    #: the sign-in with the provider, once done (then no password is asked for)
    signed_in: SignedIn | None = field(default=None, repr=False)
    choices: LoggingChoices = field(default_factory=LoggingChoices)
    #: the team store the preset names, once it accepted the role and password (else None)
    team: JoinForm | None = field(default=None, repr=False)
    team_policy: str = ""
    saved: Account | None = None

    @property
    def provider(self) -> Provider | None:
        return self.result.provider if self.result else None

    @property
    def secret(self) -> Secret:
        """What the connection test signs in with: the access token, or the password."""
        return self.signed_in if self.signed_in is not None else self.password

    @property
    def kept_secret(self) -> str:
        """What goes into the keyring: the refresh token, or the password."""
        return self.signed_in.tokens.refresh_token if self.signed_in else self.password


@dataclass
class WizardContext:
    """The services the pages use (passed in, no globals) and the shared draft."""

    accounts: AccountRegistry
    credentials: Credentials
    settings: Settings
    jobs: Jobs
    #: checking and joining the team store (None: the wizard offers no team page)
    team: TeamActions | None = None
    draft: Draft = field(default_factory=Draft)
    #: opens the sign-in page in the user's browser (the system's; tests pass their own)
    open_url: Callable[[str], object] = open_system_browser
    cancels: list[threading.Event] = field(default_factory=list)

    def cancel_event(self) -> threading.Event:
        event = threading.Event()
        self.cancels.append(event)
        return event

    def cancel_all(self) -> None:
        for event in self.cancels:
            event.set()


class SetupPage(QWizardPage):
    """A wizard page with the save hook: ``save()`` writes the page's fields into the draft.

    ``run()`` starts background work whose result is dropped once the page was left (Back,
    or a newer run). No signals beyond QWizardPage's.
    """

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0

    @property
    def draft(self) -> Draft:
        return self.ctx.draft

    def save(self) -> None:
        """Write this page's fields into the draft (called when the user goes on)."""

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        self.save()
        return True

    def cleanupPage(self) -> None:  # noqa: N802 - Qt API
        self._generation += 1  # results of work started on this page are dropped
        super().cleanupPage()

    def run(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run *fn* off the GUI thread; the callbacks run on the GUI thread, if still wanted."""
        self._generation += 1
        generation = self._generation

        def done(value: T) -> None:
            if generation == self._generation:
                on_done(value)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                on_error(exc)

        self.ctx.jobs.run(fn, done, failed)

    def focus(self, widget: QWidget) -> None:
        """Give *widget* the keyboard once the page is shown (initializePage runs before)."""
        QTimer.singleShot(0, widget, lambda: widget.setFocus(Qt.FocusReason.OtherFocusReason))

    def next_button_focus(self) -> None:
        """Give the keyboard to Next (or Finish) once the page is complete."""
        wizard = self.wizard()
        button = wizard.button(QWizard.WizardButton.NextButton)
        if not button.isVisible():
            button = wizard.button(QWizard.WizardButton.FinishButton)
        self.focus(button)


def ui_locale() -> QLocale:
    """The locale of the installed translation (dates in the user's language)."""
    return QLocale(guidance_language())


def note_label(parent: QWidget, text: str = "") -> QLabel:
    """A wrapped, selectable explanation label that opens its links in the browser."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setOpenExternalLinks(True)
    label.setTextFormat(Qt.TextFormat.AutoText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    return label


def busy_bar(parent: QWidget) -> QProgressBar:
    """A thin indeterminate progress bar (hidden until work starts)."""
    bar = QProgressBar(parent)
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(8)
    bar.hide()
    return bar


def heading(label: QLabel) -> QLabel:
    """Make *label* the page's bold status line."""
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


def monospace(label: QLabel) -> QLabel:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.Monospace)
    label.setFont(font)
    return label


def status_glyph(label: QLabel, state: str) -> None:
    """✓ ok, ✗ failed, ! warning, … running, – nothing (coloured, bold)."""
    glyph, colour = {
        "ok": ("✓", GREEN),
        "failed": ("✗", RED),
        "warning": ("!", ORANGE),
        "running": ("…", GREY),
        "none": ("–", GREY),
        "pop3": ("!", ORANGE),
    }.get(state, ("–", GREY))
    label.setText(f'<span style="color:{colour}; font-weight:bold; font-size:large">{glyph}</span>')
    label.setProperty("state", state)


_URL = re.compile(r"https?://[^\s<>\"')]+")


def _linked(text: str) -> str:
    out, last = [], 0
    for m in _URL.finditer(text):
        url = m.group(0).rstrip(".,;:")
        out.append(html.escape(text[last : m.start()]))
        out.append(f'<a href="{html.escape(url)}">{html.escape(url)}</a>')
        last = m.start() + len(url)
    out.append(html.escape(text[last:]))
    return "".join(out)


def guidance_html(text: str) -> str:
    """The POP3 guidance (paragraphs; "1." headings; "- " steps) as rich text with links."""
    parts: list[str] = []
    for i, para in enumerate(p for p in text.split("\n\n") if p.strip()):
        head, *lines = para.splitlines()
        steps = [_linked(line[2:]) for line in lines if line.startswith("- ")]
        after = [_linked(line) for line in lines if not line.startswith("- ")]
        if i == 0:
            parts.append(f"<p><b>{_linked(head)}</b></p>")
        elif re.match(r"^\d\.", head):
            first, dot, rest = head.partition(". ")  # "2. Switch …" keeps its number
            title, dot2, more = rest.partition(". ")
            bold = f"{first}{dot}{title}{dot2}".rstrip()
            parts.append(f"<p><b>{_linked(bold)}</b> {_linked(more)}</p>")
        else:
            parts.append(f"<p>{_linked(head)}</p>")
        if steps:
            parts.append("<ul>" + "".join(f"<li>{s}</li>" for s in steps) + "</ul>")
        parts += [f"<p>{a}</p>" for a in after]
    return "".join(parts)

"""The reading pane: one email's headers, badges, attachments and body (plain text unless asked)."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from replytrail.core.models import Attachment, Direction, LoggedEmail
from replytrail.ui.common.widgets import (
    AttachmentChip,
    BadgeLabel,
    EmptyState,
    badges_for,
    long_date,
)
from replytrail.ui.reading.files import AttachmentFiles, AttachmentSource, is_risky
from replytrail.ui.reading.html import SafeMailBrowser

__all__ = ["ReadingPane"]


def _addr_line(addrs: list[tuple[str, str]]) -> str:
    return ", ".join(
        f"{html.escape(n)} &lt;{html.escape(e)}&gt;" if n else html.escape(e) for e, n in addrs
    )


class ReadingPane(QWidget):
    """Shows one email; "Show formatted" swaps the plain text for sanitised HTML.

    Signals:
        replyRequested(str): the Message-ID of the email to reply to.
        status(str): a short message for the window's status bar.
    """

    replyRequested = Signal(str)  # noqa: N815 - Qt signal naming
    status = Signal(str)

    def __init__(
        self, store: AttachmentSource, files: AttachmentFiles, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._files = files
        self._email: LoggedEmail | None = None
        #: asks where to save (default file name -> chosen path or ""); tests replace it
        self.ask_save_path: Callable[[str], str] = self._ask_save_path

        self._stack = QStackedWidget(self)
        self._empty = EmptyState(self.tr("Select an email to read it."))
        self._stack.addWidget(self._empty)
        page = QWidget()
        self._stack.addWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._stack)

        lay = QVBoxLayout(page)
        lay.setContentsMargins(18, 14, 18, 10)
        lay.setSpacing(6)
        top = QHBoxLayout()
        self.subject = QLabel()
        self.subject.setWordWrap(True)
        self.subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subject.setStyleSheet("font-size: 16px; font-weight: 600; color: #1f2933;")
        top.addWidget(self.subject, 1)
        self.reply_button = QPushButton(self.tr("Reply"))
        self.reply_button.setToolTip(self.tr("Reply to this email (tracked)"))
        self.reply_button.clicked.connect(self._reply)
        top.addWidget(self.reply_button, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(top)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.meta.setTextFormat(Qt.TextFormat.RichText)
        self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta.setStyleSheet("color: #52606d;")
        lay.addWidget(self.meta)
        self._badges = QHBoxLayout()
        self._badges.setSpacing(6)
        lay.addLayout(self._badges)
        self._chips = QHBoxLayout()
        self._chips.setSpacing(6)
        lay.addLayout(self._chips)

        bar = QHBoxLayout()
        self.format_button = QPushButton(self.tr("Show formatted"))
        self.format_button.setCheckable(True)
        self.format_button.setToolTip(
            self.tr("Show the sanitised HTML version. Remote images and scripts are never loaded.")
        )
        self.format_button.toggled.connect(self._render_body)
        bar.addWidget(self.format_button)
        self.blocked_label = QLabel()
        self.blocked_label.setStyleSheet("color: #7a4d00;")
        bar.addWidget(self.blocked_label, 1)
        lay.addLayout(bar)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #e4e7eb;")
        lay.addWidget(line)
        self.browser = SafeMailBrowser()
        self.browser.setFrameShape(QFrame.Shape.NoFrame)
        self.browser.blockedChanged.connect(self._on_blocked)
        self.browser.linkRequested.connect(self._open_link)
        lay.addWidget(self.browser, 1)

    # ------------------------------------------------------------------ showing
    @property
    def email(self) -> LoggedEmail | None:
        return self._email

    def show_email(self, e: LoggedEmail | None) -> None:
        self._email = e
        if e is None:
            self._stack.setCurrentWidget(self._empty)
            return
        self._stack.setCurrentIndex(1)
        self.subject.setText(e.subject or self.tr("(no subject)"))
        arrow = "↗" if e.direction is Direction.OUT else "↙"
        who = _addr_line([(e.sender.email, e.sender.name)])
        lines = [
            self.tr("{arrow} <b>From</b> {who}").format(arrow=arrow, who=who),
            self.tr("<b>To</b> {who}").format(who=_addr_line([(a.email, a.name) for a in e.to])),
        ]
        if e.cc:
            lines.append(
                self.tr("<b>Cc</b> {who}").format(who=_addr_line([(a.email, a.name) for a in e.cc]))
            )
        lines.append(html.escape(long_date(e.date)))
        self.meta.setText("<br>".join(lines))
        _clear(self._badges)
        for b in badges_for(e):
            self._badges.addWidget(BadgeLabel(b))
        self._badges.addStretch(1)
        _clear(self._chips)
        for a in e.attachments:
            chip = AttachmentChip(a)
            chip.openRequested.connect(self.open_attachment)
            chip.saveRequested.connect(self.save_attachment)
            self._chips.addWidget(chip)
        self._chips.addStretch(1)
        self.format_button.setVisible(bool(e.body_html))
        self.reply_button.setEnabled(bool(e.message_id))
        self.format_button.blockSignals(True)
        self.format_button.setChecked(False)
        self.format_button.blockSignals(False)
        self._render_body()

    def _render_body(self) -> None:
        e = self._email
        if e is None:
            return
        if self.format_button.isChecked() and e.body_html:
            self.browser.set_cid_parts(self._inline_images(e))
            self.browser.show_html(e.body_html, e.body_text)
        else:
            self.browser.show_text(e.body_text or self.tr("(This email has no text.)"))
        self.browser.verticalScrollBar().setValue(0)

    def _inline_images(self, e: LoggedEmail) -> dict[str, bytes]:
        parts: dict[str, bytes] = {}
        for a in e.attachments:
            if a.content_type.startswith("image/") and a.size <= 5 * 1024 * 1024:
                try:
                    parts[a.filename] = self._store.attachment_data(a.sha256)
                except OSError:
                    continue
        return parts

    def _on_blocked(self, n: int) -> None:
        self.blocked_label.setText(
            ""
            if not n
            else self.tr("1 remote image blocked")
            if n == 1
            else self.tr("{n} remote images blocked").format(n=n)
        )

    def _reply(self) -> None:
        if self._email is not None:
            self.replyRequested.emit(self._email.message_id)

    def _open_link(self, url: QUrl) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Open link?"),
            self.tr("Open this link in your browser?\n\n{url}").format(url=url.toString()[:300]),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            self,
        )
        if box.exec() == QMessageBox.StandardButton.Open:
            QDesktopServices.openUrl(url)

    # ------------------------------------------------------------------ attachments
    def open_attachment(self, att: Attachment) -> None:
        if is_risky(att.filename):
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Open attachment?"),
                self.tr(
                    "“{name}” can run programs on your computer. Open it only "
                    "if you trust the sender."
                ).format(name=att.filename),
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                self,
            )
            if box.exec() != QMessageBox.StandardButton.Open:
                return
        try:
            path = self._files.temp_copy(att)
        except OSError as e:
            self.status.emit(
                self.tr("Could not open {name}: {reason}").format(
                    name=att.filename, reason=e.strerror or e
                )
            )
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def save_attachment(self, att: Attachment) -> Path | None:
        chosen = self.ask_save_path(self._files.safe_name(att))
        if not chosen:
            return None
        try:
            path = self._files.save(att, Path(chosen))
        except OSError as e:
            self.status.emit(
                self.tr("Could not save {name}: {reason}").format(
                    name=att.filename, reason=e.strerror or e
                )
            )
            return None
        self.status.emit(self.tr("Saved {path}").format(path=path))
        return path

    def _ask_save_path(self, default_name: str) -> str:
        start = str(self._files.default_dir() / default_name)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save attachment"), start)
        return path


def _clear(layout: QHBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        w = item.widget() if item is not None else None
        if w is not None:
            w.hide()
            w.deleteLater()

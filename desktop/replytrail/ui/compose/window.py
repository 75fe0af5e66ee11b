"""The compose window (SPEC §7): a new tracked email or a reply, sent off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from replytrail.core.mail.draft import Draft
from replytrail.core.models import Account, Contact, Direction, LoggedEmail
from replytrail.ui.common.widgets import format_size, long_date
from replytrail.ui.compose.addresses import format_address, reply_subject, split_addresses
from replytrail.ui.compose.drafts import DraftFile, draft_key
from replytrail.ui.compose.extras import ComposeExtras
from replytrail.ui.compose.style import STYLE

__all__ = ["ComposeDialog", "SendFn", "format_address", "reply_subject"]

# starts sending a draft (off the GUI thread); later exactly one of the callbacks is called
# on the GUI thread: with the logged email, or with the one line that says why it failed
SendFn = Callable[[Draft, Callable[[LoggedEmail], None], Callable[[str], None]], None]

log = logging.getLogger("replytrail.ui.compose")


class ComposeDialog(QDialog):
    """Writes a tracked email; *send* (the engine adapter's) sends it off the GUI thread.

    The draft (JSON with attachment paths) is saved atomically to *drafts_dir* shortly after
    every change, on failure and on close, restored when the same conversation is composed
    again, and deleted after a successful send.

    Signals:
        sent(object): the :class:`LoggedEmail` that *send* returned.
        draftSaved(str): the path of the draft file just written.
    """

    sent = Signal(object)
    draftSaved = Signal(str)  # noqa: N815 - Qt signal naming

    SAVE_DELAY_MS = 300

    def __init__(
        self,
        accounts: list[Account],
        send: SendFn,
        drafts_dir: Path,
        parent: QWidget | None = None,
        *,
        to: str = "",
        reply_to: LoggedEmail | None = None,
        load_contacts: Callable[[Callable[[list[Contact]], None]], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._accounts = list(accounts)
        self._send = send
        self._reply_to = reply_to
        self._sending = False
        self._attachments: list[Path] = []
        self._file = DraftFile(
            drafts_dir, draft_key(to=to, in_reply_to=reply_to.message_id if reply_to else "")
        )
        #: picks files to attach; tests replace it
        self.ask_files: Callable[[], list[str]] = self._ask_files
        self.setWindowTitle(self.tr("Reply") if reply_to else self.tr("New email"))
        self.setStyleSheet(STYLE)
        self.resize(720, 600)
        self._build()
        self._prefill = self._fill_initial(to, reply_to)
        self._restored = self._restore()
        self.extras = ComposeExtras(self, self._accounts, load_contacts, self._restored)
        if not self._restored:
            self._refresh_attachments()  # no empty list box, no Remove without attachments
            self._prefill = self.draft()  # the signature is part of the untouched start
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(self.SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_draft)
        for edit in (self.to_edit, self.cc_edit, self.subject_edit):
            edit.textChanged.connect(self._changed)
        self.body_edit.textChanged.connect(self._changed)
        self.account_box.currentIndexChanged.connect(self._changed)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 14, 16, 14)
        lay.setSpacing(10)
        self.banner = QLabel()
        self.banner.setObjectName("errorBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        lay.addWidget(self.banner)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(8)
        self.account_box = QComboBox()
        for a in self._accounts:
            self.account_box.addItem(a.email, a.email)
        form.addRow(self.tr("From"), self.account_box)
        self.to_edit = QLineEdit()
        self.to_edit.setPlaceholderText(self.tr("name@company.com, …"))
        form.addRow(self.tr("To"), self.to_edit)
        self.cc_edit = QLineEdit()
        form.addRow(self.tr("Cc"), self.cc_edit)
        self.subject_edit = QLineEdit()
        form.addRow(self.tr("Subject"), self.subject_edit)
        lay.addLayout(form)
        self.body_edit = QPlainTextEdit()
        self.body_edit.setPlaceholderText(self.tr("Write your message…"))
        lay.addWidget(self.body_edit, 1)

        att_row = QHBoxLayout()
        self.attachment_list = QListWidget()
        self.attachment_list.setObjectName("attachments")
        self.attachment_list.setMaximumHeight(84)
        self.attachment_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        att_row.addWidget(self.attachment_list, 1)
        att_buttons = QVBoxLayout()
        self.add_button = QPushButton(self.tr("Attach files…"))
        self.add_button.clicked.connect(self._add_files)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._remove_selected)
        att_buttons.addWidget(self.add_button)
        att_buttons.addWidget(self.remove_button)
        att_buttons.addStretch(1)
        att_row.addLayout(att_buttons)
        att_row.addStretch(0)  # without attachments the buttons keep their size, on the left
        lay.addLayout(att_row)

        bottom = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        bottom.addWidget(self.status_label, 1)
        self.discard_button = QPushButton(self.tr("Discard draft"))
        self.discard_button.setObjectName("danger")
        self.discard_button.clicked.connect(self.discard)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Close; the draft is kept"))
        self.close_button.clicked.connect(self.reject)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setObjectName("primary")
        self.send_button.setDefault(True)
        self.send_button.setToolTip(self.tr("Send and track replies (Ctrl+Return)"))
        self.send_button.clicked.connect(self.send)
        for b in (self.discard_button, self.close_button, self.send_button):
            bottom.addWidget(b)
        lay.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.send)
        if not self._accounts:
            self._show_error(
                self.tr(
                    "No mail account is set up yet. Add one in Accounts… "
                    "first; your text is kept as a draft."
                )
            )
            self.send_button.setEnabled(False)

    def _fill_initial(self, to: str, reply_to: LoggedEmail | None) -> Draft:
        if reply_to is not None:
            target = (
                reply_to.sender
                if reply_to.direction is Direction.IN
                else (reply_to.to[0] if reply_to.to else reply_to.sender)
            )
            self.to_edit.setText(format_address(target.name, target.email))
            self.subject_edit.setText(reply_subject(reply_to.subject))
            who = reply_to.sender.name or reply_to.sender.email
            quoted = "\n".join(
                "> " + line if line else ">" for line in reply_to.body_text.splitlines()
            )
            self.body_edit.setPlainText(
                "\n\n"
                + self.tr("On {date}, {who} wrote:").format(date=long_date(reply_to.date), who=who)
                + "\n"
                + quoted
            )
            i = self.account_box.findData(reply_to.account)
            if i >= 0:
                self.account_box.setCurrentIndex(i)
        else:
            self.to_edit.setText(to)
        self.body_edit.moveCursor(self.body_edit.textCursor().MoveOperation.Start)
        return self.draft()

    def _restore(self) -> bool:
        saved = self._file.load()
        if saved is None:
            return False
        i = self.account_box.findData(saved.account)
        if i >= 0:
            self.account_box.setCurrentIndex(i)
        self.to_edit.setText(", ".join(saved.to))
        self.cc_edit.setText(", ".join(saved.cc))
        self.subject_edit.setText(saved.subject)
        self.body_edit.setPlainText(saved.body)
        self._attachments = list(saved.attachments)
        self._refresh_attachments()
        self.status_label.setText(self.tr("Restored your unsent draft."))
        return True

    # ------------------------------------------------------------------ the draft
    def draft(self) -> Draft:
        """What is in the window now."""
        r = self._reply_to
        refs = [*r.references, r.message_id] if r is not None else []
        return Draft(
            account=str(self.account_box.currentData() or ""),
            to=split_addresses(self.to_edit.text()),
            cc=split_addresses(self.cc_edit.text()),
            subject=self.subject_edit.text(),
            body=self.body_edit.toPlainText(),
            attachments=list(self._attachments),
            in_reply_to=r.message_id if r is not None else "",
            references=list(dict.fromkeys(refs)),
        )

    @property
    def draft_path(self) -> Path:
        return self._file.path

    def _changed(self) -> None:
        if not self._sending:
            self._save_timer.start()

    def save_draft(self) -> None:
        """Write the draft now (nothing is written while it is unchanged from the start)."""
        self._save_timer.stop()
        d = self.draft()
        try:
            if d == self._prefill and not self._restored:
                self._file.delete()
                return
            self._file.save(d)
        except OSError as e:
            self._show_error(
                self.tr("The draft could not be saved: {reason}").format(reason=e.strerror or e)
            )
            return
        self.status_label.setText(self.tr("Draft saved"))
        self.draftSaved.emit(str(self._file.path))

    def discard(self) -> None:
        self._save_timer.stop()
        self._file.delete()
        self._restored = False
        self._prefill = self.draft()
        super().reject()

    # ------------------------------------------------------------------ attachments
    def _ask_files(self) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        return files

    def _add_files(self) -> None:
        self.add_attachments([Path(f) for f in self.ask_files()])

    def add_attachments(self, paths: list[Path]) -> None:
        for p in paths:
            if p not in self._attachments:
                self._attachments.append(p)
        self._refresh_attachments()
        self._changed()

    def _remove_selected(self) -> None:
        rows = sorted(
            (self.attachment_list.row(i) for i in self.attachment_list.selectedItems()),
            reverse=True,
        )
        for r in rows:
            del self._attachments[r]
        self._refresh_attachments()
        self._changed()

    def _refresh_attachments(self) -> None:
        self.attachment_list.clear()
        total = 0
        for p in self._attachments:
            try:
                size = p.stat().st_size
                total += size
                text = f"{p.name}  ·  {format_size(size)}"
            except OSError:
                text = self.tr("{name}  ·  missing").format(name=p.name)
            item = QListWidgetItem(text)
            item.setToolTip(str(p))
            self.attachment_list.addItem(item)
        self.attachment_list.setVisible(bool(self._attachments))
        self.remove_button.setVisible(bool(self._attachments))
        if self._attachments:
            self.add_button.setText(self.tr("Attach files…") + f"  ({format_size(total)})")
        else:
            self.add_button.setText(self.tr("Attach files…"))

    # ------------------------------------------------------------------ sending
    def _problem(self, d: Draft) -> str:
        if not d.account:
            return self.tr("Choose the account to send from.")
        if not d.to:
            return self.tr("Add at least one recipient.")
        bad = [a for a in [*d.to, *d.cc] if "@" not in a]
        if bad:
            return self.tr("This is not an email address: {address}").format(address=bad[0])
        missing = [p.name for p in d.attachments if not p.is_file()]
        if missing:
            return self.tr("The attachment {name} no longer exists.").format(name=missing[0])
        return ""

    def send(self) -> None:
        if self._sending or not self.send_button.isEnabled():
            return
        d = self.draft()
        problem = self._problem(d)
        if problem:
            self._show_error(problem)
            return
        self.save_draft()
        self._set_sending(True)
        self._send(d, self._sent, self._failed)

    def _sent(self, result: LoggedEmail) -> None:
        self._set_sending(False)
        self._save_timer.stop()
        self._file.delete()
        self.sent.emit(result)
        self.accept()

    def _failed(self, message: str) -> None:
        self._set_sending(False)
        self.save_draft()
        self._show_error(
            self.tr("Sending failed: {reason}\nYour draft is saved; you can try again.").format(
                reason=message
            )
        )

    def _set_sending(self, on: bool) -> None:
        self._sending = on
        for w in (
            self.account_box,
            self.to_edit,
            self.cc_edit,
            self.subject_edit,
            self.body_edit,
            self.add_button,
            self.remove_button,
            self.send_button,
            self.discard_button,
            self.close_button,
        ):
            w.setEnabled(not on)
        if on:
            self.banner.hide()
            self.status_label.setText(self.tr("Sending…"))
        elif self.status_label.text() == self.tr("Sending…"):
            self.status_label.clear()

    def _show_error(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()

    @property
    def error_text(self) -> str:
        return self.banner.text() if self.banner.isVisible() or self.banner.text() else ""

    # ------------------------------------------------------------------ closing
    def reject(self) -> None:
        if self._sending:
            return
        self.save_draft()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._sending:
            event.ignore()
            return
        self.save_draft()
        super().closeEvent(event)

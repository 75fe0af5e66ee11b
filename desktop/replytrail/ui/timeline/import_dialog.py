"""The "bring in existing conversations" dialog (SPEC §15): the offer, progress, Stop, summary."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QRect, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from replytrail.core.errors import KnownError
from replytrail.core.mail.importer import ImportProgress, ImportRequest, ImportResult
from replytrail.qt.jobs import Jobs
from replytrail.qt.relay import make_poster

__all__ = ["ImportDialog", "ImportRun"]

log = logging.getLogger("replytrail.ui.import")

#: runs one import (blocking, on a worker thread): request, progress callback, stop event
ImportRun = Callable[
    [ImportRequest, Callable[[ImportProgress], None], threading.Event], list[ImportResult]
]


class ImportDialog(QDialog):
    """Offers the import, runs it off the GUI thread with progress and Stop, then sums it up.

    Signals:
        progressed(object): an ImportProgress (on the GUI thread; the worker posts it through
            the relay, so a closed dialog is never touched by it).
        imported(object): the list of ImportResult when a run ended (also after Stop).
    """

    progressed = Signal(object)
    imported = Signal(object)

    def __init__(
        self,
        run: ImportRun,
        jobs: Jobs,
        *,
        weeks: int = 4,
        contact: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self._run, self._jobs, self.contact = run, jobs, contact
        self._stop = threading.Event()
        self.running = False
        self.results: list[ImportResult] | None = None
        self.setWindowTitle(self.tr("Bring in conversations"))
        self._build(weeks)
        self._post_progress = make_poster(self._on_progress)  # what the worker calls

    def _build(self, weeks: int) -> None:
        lay = QVBoxLayout(self)
        lay.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # wrapped text fits
        lay.setContentsMargins(22, 20, 22, 16)
        lay.setSpacing(12)
        self.title = QLabel(
            self.tr("Bring in all emails with {contact}").format(contact=self.contact)
            if self.contact
            else self.tr("Bring in your existing conversations")
        )
        self.title.setStyleSheet("font-size: 17px; font-weight: 600;")
        lay.addWidget(self.title)
        self.explain = QLabel(
            self.tr(
                "Replytrail reads only the header lines of your mail to find the "
                "conversations with this person. Only those conversations are stored."
            )
            if self.contact
            else self.tr(
                "Replytrail looks at the emails you sent and brings in your conversations "
                "with those people, so their next replies are logged too. It reads only the "
                "header lines of everything else; nothing else is stored."
            )
        )
        self.explain.setWordWrap(True)
        lay.addWidget(self.explain)
        row = QHBoxLayout()
        self.weeks_label = QLabel(self.tr("Conversations of the last"))
        self.weeks = QSpinBox()
        self.weeks.setObjectName("importWeeks")
        self.weeks.setRange(1, 104)
        self.weeks.setValue(weeks)
        self.weeks.setSuffix(self.tr(" weeks"))
        self.weeks_label.setBuddy(self.weeks)
        row.addWidget(self.weeks_label)
        row.addWidget(self.weeks)
        row.addStretch(1)
        self.weeks_row = QWidget()
        self.weeks_row.setLayout(row)
        self.weeks_row.setVisible(not self.contact)
        lay.addWidget(self.weeks_row)
        self.bar = QProgressBar()
        self.bar.setObjectName("importProgress")
        self.bar.setTextVisible(False)
        self.bar.hide()
        lay.addWidget(self.bar)
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.later_button = QPushButton(self.tr("Not now"))
        self.start_button = QPushButton(self.tr("Bring in"))
        self.start_button.setObjectName("primary")
        self.start_button.setDefault(True)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.hide()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.hide()
        for b in (self.later_button, self.start_button, self.stop_button, self.close_button):
            buttons.addWidget(b)
        lay.addLayout(buttons)
        self.later_button.clicked.connect(self.reject)
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.close_button.clicked.connect(self.accept)
        self.setMinimumWidth(520)
        # a wrapped label's height is not in the layout's minimum: reserve it
        text_rect = self.explain.fontMetrics().boundingRect(
            QRect(0, 0, 476, 2000), int(Qt.TextFlag.TextWordWrap), self.explain.text()
        )
        self.explain.setMinimumSize(476, text_rect.height() + 6)

    # ------------------------------------------------------------------ running
    def request(self) -> ImportRequest:
        if self.contact:
            return ImportRequest(since=None, contact=self.contact)
        return ImportRequest(since=date.today() - timedelta(weeks=self.weeks.value()))

    @Slot()
    def start(self) -> None:
        if self.running:
            return
        self.running, self.results = True, None
        self._stop.clear()
        req = self.request()
        self.weeks_row.setEnabled(False)
        for b in (self.start_button, self.later_button, self.close_button):
            b.hide()
        self.stop_button.show()
        self.stop_button.setEnabled(True)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.status.setText(self.tr("Connecting…"))
        run, stop, emit = self._run, self._stop, self._post_progress
        self._jobs.run(lambda: run(req, emit, stop), self._done, self._failed)

    @Slot()
    def stop(self) -> None:
        if self.running:
            self._stop.set()
            self.stop_button.setEnabled(False)
            self.status.setText(self.tr("Stopping…"))

    @Slot(object)
    def _on_progress(self, p: ImportProgress) -> None:
        self.progressed.emit(p)
        if not self.running or self._stop.is_set():
            return
        self.bar.setRange(0, max(p.total, 1))
        self.bar.setValue(p.done)
        texts = {
            "sent": self.tr("Looking at the emails you sent: {done} of {total}"),
            "inbox": self.tr("Looking for the answers: {done} of {total}"),
            "bodies": self.tr("Bringing in conversations: {done} of {total} emails"),
        }
        self.status.setText(texts.get(p.phase, "{done}/{total}").format(done=p.done, total=p.total))

    def _finish(self, text: str) -> None:
        self.running = False
        self.weeks_row.setEnabled(True)
        self.stop_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.bar.hide()
        self.status.setText(text)

    def _done(self, results: list[ImportResult]) -> None:
        self.results = results
        emails = sum(r.emails for r in results)
        threads = sum(r.threads for r in results)
        if any(r.stopped for r in results) or self._stop.is_set():
            text = self.tr(
                "Stopped. {emails} emails in {threads} conversations were brought in; "
                "you can bring in the rest later."
            )
        elif emails:
            text = self.tr("Done: {emails} emails in {threads} conversations brought in.")
        else:
            text = self.tr("Nothing new to bring in: these conversations are already here.")
        self._finish(text.format(emails=emails, threads=threads))
        self.imported.emit(results)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            reason = exc.message
        else:
            log.error("import failed: %s", type(exc).__name__)
            reason = self.tr("Something went wrong ({error}).").format(error=type(exc).__name__)
        self._finish(self.tr("Nothing more was brought in: {reason}").format(reason=reason))
        self.imported.emit([])

    def reject(self) -> None:
        """Escape or closing the window while running stops the import first."""
        if self.running:
            self.stop()
            return
        super().reject()

"""Settings › Hand-off: pass logged emails on to the CRM the team already has (SPEC §17).

A list of targets with their state (waiting, failed, the last error), and a form to add one:
a CRM preset (HubSpot, Pipedrive, Odoo, Zoho, Salesforce) or any drop address, or a signed
webhook. Targets from the team preset are shown but cannot be changed here. Store reads run
on the job pool, never on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from replytrail.core.credentials import Credentials
from replytrail.core.errors import KnownError
from replytrail.core.handoff.presets import PRESETS, preset
from replytrail.core.handoff.targets import Target, TargetBook, secret_ref
from replytrail.core.handoff.worker import PREFIX
from replytrail.core.i18n import translate
from replytrail.core.store.outbox import OutboxQueue, TargetStatus
from replytrail.qt.jobs import Jobs

__all__ = ["HandoffPage"]

log = logging.getLogger("replytrail.ui.settings")

#: (choice id, preset id or kind); "other": any drop address; "webhook": a signed webhook
_CHOICES = [*(p.id for p in PRESETS), "other", "webhook"]


class HandoffPage(QWidget):
    """Signals: changed(): a target was added, changed or removed (the engine re-reads)."""

    changed = Signal()

    def __init__(
        self,
        *,
        targets: TargetBook,
        credentials: Credentials,
        store_file: Path,
        jobs: Jobs,
        on_retry: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handoffPage")
        self._targets, self._credentials, self._store_file = targets, credentials, store_file
        self._jobs, self._on_retry = jobs, on_retry
        self._status: dict[str, TargetStatus] = {}
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.target_list = QListWidget(self)
        self.target_list.setObjectName("handoffTargets")
        self.target_list.setWordWrap(True)  # a failure's reason is shown whole
        self.target_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.target_list.setMaximumHeight(150)
        self.remove_button = QPushButton(self)
        self.retry_button = QPushButton(self)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.retry_button)
        row.addWidget(self.remove_button)
        self.crm_combo = QComboBox(self)
        for choice in _CHOICES:
            p = preset(choice)
            self.crm_combo.addItem(p.name if p else "", choice)
        self.where_edit = QLineEdit(self)
        self.secret_edit = QLineEdit(self)
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.include_combo = QComboBox(self)
        for value in ("replies", "replies+auto", "all"):
            self.include_combo.addItem("", value)
        self.form_combo = QComboBox(self)
        self.form_combo.addItem("", "inline")
        self.form_combo.addItem("", "attachment")
        self.sent_copy_check = QCheckBox(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setOpenExternalLinks(True)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.add_button = QPushButton(self)
        self.error = QLabel(self)
        self.error.setObjectName("handoffError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.crm_label, self.where_label, self.secret_label = (
            QLabel(self),
            QLabel(self),
            QLabel(self),
        )
        self.include_label, self.form_label = QLabel(self), QLabel(self)
        self.form = QFormLayout()
        self.form.addRow(self.crm_label, self.crm_combo)
        self.form.addRow(self.where_label, self.where_edit)
        self.form.addRow(self.secret_label, self.secret_edit)
        self.form.addRow(self.include_label, self.include_combo)
        self.form.addRow(self.form_label, self.form_combo)
        self.form.addRow("", self.sent_copy_check)
        self.form.addRow("", self.hint)
        add_row = QHBoxLayout()
        add_row.addWidget(self.error, 1)
        add_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.target_list)
        layout.addLayout(row)
        layout.addLayout(self.form)
        layout.addLayout(add_row)
        layout.addStretch(1)
        self.crm_combo.currentIndexChanged.connect(self._choice_changed)
        self.add_button.clicked.connect(self.add_target)
        self.remove_button.clicked.connect(self.remove_selected)
        self.retry_button.clicked.connect(self.retry_failed)
        self.target_list.currentRowChanged.connect(self._update_buttons)
        self.retranslate()
        self._choice_changed()

    # ------------------------------------------------------------------ text
    def title(self) -> str:
        return self.tr("Hand-off")

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Pass the emails Replytrail logs on to the CRM your team already uses: to its "
                "drop address (forwarded through your own mail server) or to a signed webhook."
            )
        )
        self.remove_button.setText(self.tr("Remove"))
        self.retry_button.setText(self.tr("Retry now"))
        self.add_button.setText(self.tr("Add"))
        self.crm_combo.setItemText(_CHOICES.index("other"), self.tr("Another drop address"))
        self.crm_combo.setItemText(_CHOICES.index("webhook"), self.tr("Webhook (n8n, Make, …)"))
        self.crm_label.setText(self.tr("Pass on to:"))
        self.where_label.setText(self.tr("Address:"))
        self.secret_label.setText(self.tr("Signing secret:"))
        self.include_label.setText(self.tr("What:"))
        self.form_label.setText(self.tr("Form:"))
        self.include_combo.setItemText(0, self.tr("Customer replies"))
        self.include_combo.setItemText(1, self.tr("Replies and auto-replies"))
        self.include_combo.setItemText(2, self.tr("Everything logged, also what you sent"))
        self.form_combo.setItemText(0, self.tr("Inline (“Forwarded message”)"))
        self.form_combo.setItemText(1, self.tr("Original attached (.eml)"))
        self.sent_copy_check.setText(self.tr("Keep a copy of each forward in Sent"))
        self.secret_edit.setPlaceholderText(self.tr("at least 16 characters"))
        self._choice_changed()
        self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ form
    def _choice(self) -> str:
        return str(self.crm_combo.currentData())

    def _choice_changed(self) -> None:
        choice = self._choice()
        webhook = choice == "webhook"
        self.form.setRowVisible(self.secret_edit, webhook)
        self.form.setRowVisible(self.form_combo, not webhook)
        self.form.setRowVisible(self.sent_copy_check, not webhook)
        self.where_edit.setPlaceholderText(
            "https://…" if webhook else self.tr("the CRM's address, e.g. 123456@bcc.hubspot.com")
        )
        p = preset(choice)
        if p is not None:
            self.form_combo.setCurrentIndex(0 if p.form == "inline" else 1)
            where = self.tr("Where do I find it?")
            link = f'<a href="{p.help_url}">{where}</a>'
            self.hint.setText(translate("handoff", p.hint) + " " + link)
        elif webhook:
            self.hint.setText(
                self.tr(
                    "Each request is signed (X-Replytrail-Signature, HMAC-SHA256) and carries an "
                    "Idempotency-Key; see docs/handoff.md for the check."
                )
            )
        else:
            self.hint.setText("")

    def target_from_form(self) -> Target:
        choice = self._choice()
        webhook = choice == "webhook"
        where = self.where_edit.text().strip()
        name = choice if preset(choice) else ("webhook" if webhook else "crm")
        taken = {t.name for t in self._targets.all()}
        base, n = name, 2
        while name in taken:
            name, n = f"{base}-{n}", n + 1
        return Target(
            name=name,
            kind="webhook" if webhook else "forward",
            address="" if webhook else where,
            url=where if webhook else "",
            include=str(self.include_combo.currentData()),
            form=str(self.form_combo.currentData()),
            sent_copy=self.sent_copy_check.isChecked() and not webhook,
            preset=choice if preset(choice) else "",
        )

    def add_target(self) -> bool:
        self.error.clear()
        try:
            target = self.target_from_form().validate()
            if target.kind == "webhook":
                secret = self.secret_edit.text()
                if len(secret) < 16:
                    self.error.setText(self.tr("The signing secret needs at least 16 characters."))
                    return False
                self._credentials.store(secret_ref(target.name), secret)
            self._targets.save(target)
        except KnownError as e:
            self.error.setText(e.message)
            return False
        self.where_edit.clear()
        self.secret_edit.clear()
        self._fill()
        self.changed.emit()
        return True

    # ------------------------------------------------------------------ list
    def _fill(self) -> None:
        current = self.selected_name()
        self.target_list.clear()
        try:
            targets = self._targets.all()
        except KnownError as e:
            self.error.setText(e.message)
            targets = []
        for t in targets:
            st = self._status.get(t.name)
            text = f"{t.name} → {t.where}"
            if t.from_preset:
                text += "  " + self.tr("(set by your team)")
            if st and st.failed:
                text += (
                    "  — "
                    + self.tr("%1 failed").replace("%1", str(st.failed))
                    + f": {st.last_error}"
                )
            elif st and st.pending:
                text += "  — " + self.tr("%1 waiting").replace("%1", str(st.pending))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, t.name)
            item.setData(Qt.ItemDataRole.UserRole + 1, t.from_preset)
            self.target_list.addItem(item)
            if t.name == current:
                self.target_list.setCurrentItem(item)
        self._update_buttons()

    def selected_name(self) -> str | None:
        item = self.target_list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        item = self.target_list.currentItem()
        own = item is not None and not item.data(Qt.ItemDataRole.UserRole + 1)
        self.remove_button.setEnabled(own)
        self.retry_button.setEnabled(any(s.failed or s.pending for s in self._status.values()))

    def remove_selected(self) -> None:
        name = self.selected_name()
        if name and self._targets.remove(name):
            self._fill()
            self.changed.emit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.refresh_status()

    def refresh_if_shown(self, *_event: object) -> None:
        """An email was logged or a delivery round ended: while the page is on screen it
        shows the new state without the user asking."""
        if self.isVisible():
            self.refresh_status()

    def refresh_status(self) -> None:
        """Re-read the outbox state on the job pool; the list updates when it comes back."""
        path = self._store_file

        def work() -> list[TargetStatus]:
            if not path.exists():
                return []
            queue = OutboxQueue(path, PREFIX)
            try:
                return queue.status()
            finally:
                queue.close()

        self._jobs.run(work, self._got_status, lambda e: log.warning("hand-off status: %s", e))

    def _got_status(self, status: list[TargetStatus]) -> None:
        self._status = {s.target.removeprefix(PREFIX): s for s in status}
        self._fill()

    def retry_failed(self) -> None:
        path = self._store_file

        def work() -> int:
            queue = OutboxQueue(path, PREFIX)
            try:
                return queue.retry_all()
            finally:
                queue.close()

        def done(_n: int) -> None:
            if self._on_retry is not None:
                self._on_retry()
            self.refresh_status()

        self._jobs.run(work, done, lambda e: self.error.setText(str(e)))

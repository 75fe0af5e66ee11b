"""Export, "Forget contact" and the demo's "cannot send" for the timeline: dialogs and work."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from replytrail.core.export import export_emails
from replytrail.core.models import Contact
from replytrail.core.store.report import write_csv
from replytrail.ui.reading.files import safe_attachment_name
from replytrail.ui.timeline.source import TimelineStore

__all__ = ["ask_export_path", "demo_cannot_send", "export_job", "forget_box"]


def ask_export_path(parent: QWidget, fmt: str, suggested: str) -> Path | None:
    """A file (.mbox, or one .eml) or a folder (.eml files) chosen by the user; None: cancelled."""
    where = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    base = Path(where or Path.home()) / safe_attachment_name(suggested)
    if fmt == "csv":
        path, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("TimelineActions", "Export contacts as CSV"),
            f"{base}.csv",
            QCoreApplication.translate("TimelineActions", "CSV files (*.csv)"),
        )
        return Path(path) if path else None
    if fmt == "mbox":
        path, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("TimelineActions", "Export as mbox"),
            f"{base}.mbox",
            QCoreApplication.translate("TimelineActions", "Mailbox files (*.mbox)"),
        )
        return Path(path) if path else None
    folder = QFileDialog.getExistingDirectory(
        parent,
        QCoreApplication.translate("TimelineActions", "Export .eml files into folder"),
        str(base.parent),
    )
    return Path(folder) / safe_attachment_name(suggested) if folder else None


def export_job(
    store: TimelineStore, scope: str, key: str, fmt: str, target: Path, count_hint: int
) -> Callable[[], int]:
    """A job for the worker: export a thread (key: thread id) or a contact (key: address)."""

    def run() -> int:
        if scope == "contacts":  # every contact, for a CRM's contact import
            rows = store.contact_report()
            tmp = target.with_name(f".{target.name}.tmp")
            try:
                with tmp.open("w", encoding="utf-8", newline="") as f:
                    write_csv(rows, f)
                tmp.replace(target)
            finally:
                tmp.unlink(missing_ok=True)
            return len(rows)
        if scope == "thread":
            emails = store.thread(key)
        else:
            emails = store.timeline(key, max(count_hint, store.timeline_count(key)), 0)
        export_emails(store, emails, fmt, target)
        return len(emails)

    return run


def forget_box(parent: QWidget, c: Contact) -> QMessageBox:
    """The confirmation, stating exactly what is deleted; the caller opens it."""
    who = f"{c.name} <{c.email}>" if c.name else c.email
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("TimelineActions", "Forget contact"))
    box.setText(QCoreApplication.translate("TimelineActions", "Forget {who}?").format(who=who))
    box.setInformativeText(
        QCoreApplication.translate(
            "TimelineActions",
            "This permanently deletes from Replytrail's store (and from the "
            "team store, if you use one):\n"
            "• the contact {email} and its {count} logged emails,\n"
            "• their text, formatted versions, attachments and raw copies,\n"
            "• the tracked message ids of those threads, so new replies to them are no longer "
            "logged.\n\nYour mailbox is not touched. This cannot be undone.",
        ).format(email=c.email, count=c.emails)
    )
    forget = box.addButton(
        QCoreApplication.translate("TimelineActions", "Forget contact"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    forget.setObjectName("forgetConfirm")
    return box


def demo_cannot_send(parent: QWidget | None) -> QMessageBox:
    """Compose or Reply in ``--demo``: say why nothing opens; the caller opens it."""
    box = QMessageBox(parent)
    box.setObjectName("demoCannotSend")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("TimelineActions", "Demo"))
    box.setText(QCoreApplication.translate("TimelineActions", "The demo cannot send emails."))
    box.setInformativeText(
        QCoreApplication.translate(
            "TimelineActions",
            "It shows sample data without a mail account. To write to your customers, start "
            "Replytrail without --demo and set up your account.",
        )
    )
    box.addButton(QMessageBox.StandardButton.Ok)
    return box

"""Adds the tool row, the "Awaiting reply" view and contact fixes to the timeline (8.3, 8.7, 8.8).

Attached from outside (the app builds it beside the window): the tool row goes into the
window's top bar, the awaiting page into its middle stack; showing a contact or searching
leaves the view. Store work goes through the app's store executor, never the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QAbstractButton, QDialog, QMessageBox

from replytrail.core.models import Contact
from replytrail.core.store.contact_fixes import ContactFixes
from replytrail.ui.timeline.awaiting import AwaitingPage, Executor
from replytrail.ui.timeline.contact_edit import ContactEditDialog, MergeDialog
from replytrail.ui.timeline.tools import TimelineTools

if TYPE_CHECKING:
    from replytrail.ui.timeline.window import TimelineWindow

__all__ = ["TimelineExtras"]


class TimelineExtras(QObject):
    """Owns the tool row and the awaiting-reply page of one :class:`TimelineWindow`.

    Signals:
        importRequested(str): bring in conversations; "" for all, else this contact's.
    """

    importRequested = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        window: TimelineWindow,
        executor: Executor,
        days: Callable[[], int],
        in_team: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(window)
        self.window = w = window
        self._executor = executor
        self._in_team = in_team  # contact edits and merges are queued for the team store
        self.dialog: QDialog | None = None
        self.remove_button: QAbstractButton | None = None  # the open unlink question's
        self._unlink_id = ""
        self.tools = TimelineTools()
        w.top_bar.addWidget(self.tools)
        self.page = AwaitingPage(executor, days)
        w.middle_stack.addWidget(self.page)
        self.tools.awaitingToggled.connect(self.show_awaiting)
        self.tools.importRequested.connect(self.importRequested)
        self.tools.contactAction.connect(self._contact_action)
        self.tools.emailAction.connect(self._email_action)
        self.tools.menu.aboutToShow.connect(self._email_menu)
        self.page.emailSelected.connect(w.reading.show_email)
        self.page.contactRequested.connect(self._open_contact)
        self.page.status.connect(w._status)
        self.page.countChanged.connect(self.tools.set_awaiting_count)
        w.contact_view.selectionModel().currentChanged.connect(self._contact_chosen)
        w.timeline_view.selectionModel().currentChanged.connect(lambda *_: self._email_menu())
        w.contactShown.connect(self.tools.set_contact)
        w.search_bar.changed.connect(lambda: self.tools.awaiting_button.setChecked(False))
        # the window puts its timeline back after every (re)load; the view stays in front
        for sig in (w.timeline_model.loaded, w.timeline_model.refreshed):
            sig.connect(self._keep_in_front)
        w._changes.changed.connect(self.reload)
        # the same on the contact list's right-click menu (for any contact, not only the open one)
        w.menus.add_contact_entry(
            lambda: self.tr("Bring in all emails with this contact…"), self.importRequested.emit
        )
        w.menus.add_contact_entry(
            lambda: self.tr("Edit name and company…"), partial(self._action_for, "edit")
        )
        w.menus.add_contact_entry(
            lambda: self.tr("Merge with another contact…"), partial(self._action_for, "merge")
        )
        self.page.reload()

    @property
    def active(self) -> bool:
        return self.tools.awaiting_button.isChecked()

    def reload(self) -> None:
        """The store changed: refresh the count and, when shown, the list."""
        self.page.reload()

    def show_awaiting(self, on: bool) -> None:
        w = self.window
        if on:
            if w.search_bar.active:
                w.search_bar.reset()
            w.header_stack.hide()
            w.middle_stack.setCurrentWidget(self.page)
            self.page.reload()
            w.reading.show_email(self.page.selected())
            return
        w.header_stack.show()
        if w.middle_stack.currentWidget() is self.page:
            w.middle_stack.setCurrentWidget(w.timeline_empty)
            w._update_empty()

    def _keep_in_front(self, *_args: object) -> None:
        if self.active:
            self.window.middle_stack.setCurrentWidget(self.page)

    def _contact_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        c = self.window.contact_model.contact_at(current.row())
        self.tools.set_contact(c.email if c is not None else "")
        if current.isValid():
            self.tools.awaiting_button.setChecked(False)

    def _open_contact(self, email: str) -> None:
        self.tools.awaiting_button.setChecked(False)
        self.window.show_contact(email)

    def _email_menu(self) -> None:
        e = self.window.selected_email()
        self.tools.set_email(e is not None, e is not None and e.low_confidence)

    # ------------------------------------------------------------------ corrections (8.8)
    def _fix(self, job: Callable[[ContactFixes], object], done_text: str) -> None:
        w = self.window

        def done(_result: object) -> None:
            w._status(done_text)
            if w._current:  # rows may have gone or changed, not only arrived: load again
                w.timeline_model.load(w._current)
            w.reload_contacts()

        team = self._in_team()
        self._executor.submit(
            lambda s: job(ContactFixes(s, team=team)), done, w._status, owner=self, writes=True
        )

    def _contact_action(self, what: str) -> None:
        if self.window.header.contact is not None:
            self._act_on(what, self.window.header.contact)

    def _action_for(self, what: str, email: str) -> None:
        """From a right-click on a contact: look the contact up, then act on it."""
        self._executor.submit(
            lambda s: s.contact(email),
            lambda c: self._act_on(what, c) if c is not None else None,
            self.window._status,
            owner=self,
        )

    def _act_on(self, what: str, c: Contact) -> None:
        w = self.window
        if what == "edit":
            edit = ContactEditDialog(c, w)
            edit.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            edit.saved.connect(self._edit)
            edit.open()
            self.dialog = edit
            return
        self._executor.submit(
            lambda s: s.contacts("", 5000), lambda cs: self._ask_merge(c, cs), w._status, owner=self
        )

    def _edit(self, email: str, name: str, company: str) -> None:
        self._fix(
            lambda f: f.edit(email, name=name, company=company),
            self.tr("{email} updated.").format(email=email),
        )

    def _ask_merge(self, current: Contact, contacts: Any) -> None:
        merge = MergeDialog(current, list(contacts), self.window)
        merge.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        merge.chosen.connect(self._merge)
        merge.open()
        self.dialog = merge

    def _merge(self, keep: str, other: str) -> None:
        if other:
            self._fix(
                lambda f: f.merge(keep, other),
                self.tr("{other} merged into {email}.").format(other=other, email=keep),
            )

    def _email_action(self, what: str) -> None:
        e = self.window.selected_email()
        if e is None:
            return
        mid = e.message_id
        if what == "confirm":
            self._fix(lambda f: f.confirm_match(mid), self.tr("Match confirmed."))
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Not part of this conversation"),
            self.tr(
                "Remove “{subject}” from Replytrail? It stays in your mailbox, and Replytrail "
                "will not log it again."
            ).format(subject=e.subject or self.tr("(no subject)")),
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        self.remove_button = box.addButton(
            self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # a bound method, no lambda holding the box: a cycle through a Qt object that Qt
        # deletes (WA_DeleteOnClose) can crash the garbage collector later
        self._unlink_id = mid
        box.buttonClicked.connect(self._unlink_answered)
        self.dialog = box
        box.open()

    @Slot(QAbstractButton)
    def _unlink_answered(self, button: QAbstractButton) -> None:
        if button is self.remove_button:
            mid = self._unlink_id
            self._fix(lambda f: f.take_out(mid), self.tr("The email was removed."))

"""Compose that looks professional (issue 8.9): the account's signature, address completion.

The signature goes below the new text (above a quoted reply) and follows the From account;
the To and Cc fields complete addresses from the contacts, loaded off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from replytrail.core.models import Account, Contact

if TYPE_CHECKING:
    from replytrail.ui.compose.window import ComposeDialog

__all__ = ["AddressCompleter", "ComposeExtras", "place_signature"]

SEPARATOR = "\n-- \n"


def _block(signature: str) -> str:
    return SEPARATOR + signature.strip("\n") + "\n"


def place_signature(body: str, old: str, new: str, quote_marker: str = "\n\n") -> str:
    """*body* with the signature *old* (if present) replaced by *new*, or *new* added.

    A new signature goes before the quoted reply (which starts at *quote_marker* when the
    body begins with it), else at the end."""
    if old.strip() and _block(old) in body:
        return body.replace(_block(old), _block(new) if new.strip() else "", 1)
    if not new.strip():
        return body
    if body.startswith(quote_marker) and body.strip():
        return "\n" + _block(new) + body
    return body + ("\n" if body and not body.endswith("\n") else "") + _block(new)


class AddressCompleter(QCompleter):
    """Completes the address being typed after the last comma of a QLineEdit."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self.setModel(QStringListModel(self))
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setWidget(edit)
        self.activated.connect(self._insert)
        edit.textEdited.connect(self._typed)

    def set_contacts(self, contacts: list[Contact]) -> None:
        entries = [f"{c.name} <{c.email}>" if c.name else c.email for c in contacts]
        model = self.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(entries)

    def _current(self) -> str:
        return self._edit.text().rpartition(",")[2].strip()

    def _hide(self) -> None:
        popup = self.popup()
        if popup is not None:
            popup.hide()

    def _typed(self, _text: str) -> None:
        word = self._current()
        if len(word) < 2:
            self._hide()
            return
        self.setCompletionPrefix(word)
        if self.completionCount():
            self.complete()
        else:
            self._hide()

    def _insert(self, choice: str) -> None:
        head = self._edit.text().rpartition(",")[0]
        self._edit.setText((head + ", " if head.strip() else "") + choice + ", ")


class ComposeExtras(QObject):
    """Signature and completion for one compose window (its widgets are passed in)."""

    def __init__(
        self,
        dialog: ComposeDialog,
        accounts: list[Account],
        load_contacts: Callable[[Callable[[list[Contact]], None]], None] | None,
        restored: bool,
    ) -> None:
        super().__init__(dialog)
        account_box, body = dialog.account_box, dialog.body_edit
        fields = [dialog.to_edit, dialog.cc_edit]
        self._signatures = {a.email: a.signature for a in accounts}
        self._box, self._body = account_box, body
        self._shown = ""
        self.completers = [AddressCompleter(f) for f in fields]
        if load_contacts is not None:
            load_contacts(self._contacts_loaded)
        if not restored:
            self._apply()
        account_box.currentIndexChanged.connect(lambda _i: self._apply())

    def _contacts_loaded(self, contacts: list[Contact]) -> None:
        if not shiboken6.isValid(self):  # the window was closed before they came
            return
        for c in self.completers:
            c.set_contacts(contacts)

    def _apply(self) -> None:
        new = self._signatures.get(str(self._box.currentData() or ""), "")
        text = self._body.toPlainText()
        placed = place_signature(text, self._shown, new)
        if placed != text:
            cursor = self._body.textCursor().position()
            self._body.setPlainText(placed)
            c = self._body.textCursor()
            c.setPosition(min(cursor, len(placed)))
            self._body.setTextCursor(c)
        self._shown = new

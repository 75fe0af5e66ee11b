"""The settings window: accounts, what is logged, language, start at login, IDLE refresh.

Every change is written at once through :class:`Settings` (whose listeners apply it live:
language, start at login); the engine reads the rest when it next (re)connects. The
never-log list is written when the window closes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from replytrail import __version__
from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials
from replytrail.core.errors import KnownError
from replytrail.core.models import Account
from replytrail.qt.jobs import Jobs
from replytrail.ui.common.compact import Fold, grow_to_fit
from replytrail.ui.common.entries import entries_text, parse_entries
from replytrail.ui.common.widgets import date_edit_format
from replytrail.ui.settings.account_test import run_account_test
from replytrail.ui.settings.account_trouble import AccountTroublePanel
from replytrail.ui.settings.locked import grey_locked_controls

__all__ = ["LANGUAGES", "SettingsDialog"]

log = logging.getLogger("replytrail.ui.settings")

#: (setting value, name shown); language names are shown in their own language
LANGUAGES = (("en", "English"), ("de", "Deutsch"))


class SettingsDialog(QDialog):
    """Signals:
    accountsChanged(): an account was added or removed (reload the engine's watchers).
    testFinished(str, bool, str): account, ok, the message shown.
    signInRequested(str): "Sign in again" for this account (one signed in with a provider).
    """

    accountsChanged = Signal()  # noqa: N815 - Qt signal naming
    testFinished = Signal(str, bool, str)  # noqa: N815 - Qt signal naming
    signInRequested = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        *,
        settings: Settings,
        accounts: AccountRegistry,
        credentials: Credentials,
        jobs: Jobs,
        add_account: Callable[[QWidget], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._settings, self._accounts, self._credentials = settings, accounts, credentials
        self._jobs, self._add_account = jobs, add_account
        self._loading = False
        self._extra_titles: list[tuple[QWidget, Callable[[], str]]] = []
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self._fit)
        self.tabs = QTabWidget(self)
        for build in (self._build_accounts, self._build_logging, self._build_general):
            page = build()
            page.installEventFilter(self)
            self.tabs.addTab(page, "")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.locked_note = QLabel(self)
        self.locked_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.locked_note)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.load()
        self.resize(560, 440)
        self.tabs.currentChanged.connect(self._fit_timer.start)

    def add_page(self, page: QWidget, title: Callable[[], str]) -> int:
        """A further tab (hand-off, team …); *title* is asked again on a language change."""
        self._extra_titles.append((page, title))
        page.installEventFilter(self)
        return self.tabs.addTab(page, title())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """A page's texts changed (a hint, a failure): grow the window if they no longer fit."""
        if event.type() == QEvent.Type.LayoutRequest and watched is self.tabs.currentWidget():
            self._fit_timer.start()
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._fit_timer.start()

    def _fit(self) -> None:
        page = self.tabs.currentWidget()
        if page is not None:
            grow_to_fit(self, page)

    # ------------------------------------------------------------------ building
    def _build_accounts(self) -> QWidget:
        page = QWidget()
        self.account_list = QListWidget(page)
        self.add_button = QPushButton(page)
        self.remove_button = QPushButton(page)
        self.test_button = QPushButton(page)
        self.sign_in_button = QPushButton(page)
        self.sign_in_button.setObjectName("signInAgainButton")
        self.test_result = QLabel(page)
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QVBoxLayout()
        for b in (self.add_button, self.remove_button, self.test_button, self.sign_in_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        grid = QGridLayout(page)
        grid.addWidget(self.account_list, 0, 0)
        grid.addLayout(buttons, 0, 1)
        grid.addWidget(self.test_result, 1, 0, 1, 2)
        self.trouble = AccountTroublePanel(page)
        grid.addWidget(self.trouble, 2, 0, 1, 2)
        self.trouble.follow(self.account_list, self._accounts)
        self.add_button.clicked.connect(self.add_account)
        self.remove_button.clicked.connect(self.remove_selected)
        self.test_button.clicked.connect(self.test_selected)
        self.sign_in_button.clicked.connect(self._sign_in_selected)
        self.account_list.currentRowChanged.connect(self._update_buttons)
        return page

    def _build_logging(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.mode_combo = QComboBox(page)
        self.mode_combo.addItem("", "tracked")
        self.mode_combo.addItem("", "contacts")
        self.since_days_radio = QRadioButton(page)
        self.since_date_radio = QRadioButton(page)
        self.since_group = QButtonGroup(page)
        self.since_group.addButton(self.since_days_radio)
        self.since_group.addButton(self.since_date_radio)
        self.since_days = QSpinBox(page)
        self.since_days.setRange(0, 3650)
        self.since_date = QDateEdit(page)
        self.since_date.setCalendarPopup(True)
        self.since_date.setDisplayFormat(date_edit_format())
        self.since_date.setMaximumDate(QDate.currentDate())
        days_row, date_row = QHBoxLayout(), QHBoxLayout()
        days_row.addWidget(self.since_days_radio)
        days_row.addWidget(self.since_days)
        days_row.addStretch(1)
        date_row.addWidget(self.since_date_radio)
        date_row.addWidget(self.since_date)
        date_row.addStretch(1)
        self.subject_check = QCheckBox(page)
        self.never_log = QPlainTextEdit(page)
        self.never_log.setTabChangesFocus(True)
        self.mode_label, self.since_label, self.never_label = QLabel(), QLabel(), QLabel()
        self.never_label.setWordWrap(True)
        form.addRow(self.mode_label, self.mode_combo)
        form.addRow(self.since_label, days_row)
        form.addRow("", date_row)
        form.addRow("", self.subject_check)
        form.addRow(self.never_label, self.never_log)
        self.mode_combo.currentIndexChanged.connect(
            lambda _i: self._set("logging.mode", str(self.mode_combo.currentData()))
        )
        self.since_days.valueChanged.connect(self._since_changed)
        self.since_date.dateChanged.connect(self._since_changed)
        self.since_group.buttonToggled.connect(self._since_changed)
        self.subject_check.toggled.connect(lambda on: self._set("logging.subject_rule", on))
        return page

    def _build_general(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.language_combo = QComboBox(page)
        self.language_combo.addItem("", "")
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code)
        self.login_check = QCheckBox(page)
        self.notify_check = QCheckBox(page)
        self.idle_spin = QSpinBox(page)
        self.idle_spin.setRange(1, 29)  # RFC 2177: re-issue IDLE well before 29 minutes
        self.language_label, self.idle_label = QLabel(), QLabel()
        self.version_label = QLabel(page)  # the About line: the one version source
        form.addRow(self.language_label, self.language_combo)
        form.addRow("", self.login_check)
        form.addRow("", self.notify_check)
        advanced = QWidget(page)  # for administrators: folded away from salespeople
        adv_form = QFormLayout(advanced)
        adv_form.setContentsMargins(0, 0, 0, 0)
        adv_form.addRow(self.idle_label, self.idle_spin)
        self.advanced = Fold("", advanced, page)
        self.advanced.setObjectName("advancedFold")
        form.addRow(self.advanced)
        form.addRow("", self.version_label)
        self.language_combo.currentIndexChanged.connect(
            lambda _i: self._set("general.language", str(self.language_combo.currentData()))
        )
        self.login_check.toggled.connect(lambda on: self._set("general.start_at_login", on))
        self.notify_check.toggled.connect(lambda on: self._set("general.notifications", on))
        self.idle_spin.valueChanged.connect(
            lambda v: self._set("watch.idle_refresh", float(v * 60))
        )
        return page

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Replytrail Settings"))
        self.tabs.setTabText(0, self.tr("Accounts"))
        self.tabs.setTabText(1, self.tr("Logging"))
        self.tabs.setTabText(2, self.tr("General"))
        for page, title in self._extra_titles:
            self.tabs.setTabText(self.tabs.indexOf(page), title())
        self.add_button.setText(self.tr("Add…"))
        self.remove_button.setText(self.tr("Remove"))
        self.test_button.setText(self.tr("Test"))
        self.sign_in_button.setText(self.tr("Sign in again…"))
        self.mode_label.setText(self.tr("Log:"))
        self.mode_combo.setItemText(0, self.tr("Replies to tracked emails"))
        self.mode_combo.setItemText(1, self.tr("Every email with a known contact"))
        self.since_label.setText(self.tr("First scan:"))
        self.since_days_radio.setText(self.tr("Go back this many days:"))
        self.since_date_radio.setText(self.tr("Start from this date:"))
        self.subject_check.setText(self.tr("Also match replies by subject (less certain)"))
        self.never_label.setText(self.tr("Never log (one address or domain per line):"))
        self.language_label.setText(self.tr("Language:"))
        self.language_combo.setItemText(0, self.tr("System language"))
        self.login_check.setText(self.tr("Start Replytrail when I log in"))
        self.notify_check.setText(self.tr("Notify me when a customer's reply is logged"))
        self.advanced.button.setText(self.tr("Advanced"))
        self.idle_label.setText(self.tr("Refresh the IDLE connection every:"))
        self.idle_spin.setSuffix(self.tr(" min"))
        self.locked_note.setText(self.tr("Greyed-out settings are set by your administrator."))
        self.version_label.setText(self.tr("Replytrail %1").replace("%1", __version__))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ values
    def load(self) -> None:
        """Show the current settings and accounts."""
        v = self._settings.values()
        self._loading = True
        try:
            self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(v.logging.mode)))
            self.since_days.setValue(v.logging.since_days)
            since = v.logging.since_date
            parsed = QDate.fromString(since, "yyyy-MM-dd") if since else QDate()
            self.since_date.setDate(
                parsed if parsed.isValid() else QDate.currentDate().addDays(-v.logging.since_days)
            )
            (self.since_date_radio if parsed.isValid() else self.since_days_radio).setChecked(True)
            self.subject_check.setChecked(v.logging.subject_rule)
            self.never_log.setPlainText(entries_text(list(v.logging.never_log)))
            self.language_combo.setCurrentIndex(
                max(0, self.language_combo.findData(v.general.language))
            )
            self.login_check.setChecked(v.general.start_at_login)
            self.notify_check.setChecked(v.general.notifications)
            self.idle_spin.setValue(max(1, min(29, round(v.watch.idle_refresh / 60))))
            self._since_enable()
        finally:
            self._loading = False
        self.load_accounts()

    def _apply_locks(self) -> None:
        note = self.tr("Set by your administrator")
        any_locked = grey_locked_controls(self, self._settings.is_locked, note)
        self.locked_note.setVisible(any_locked)

    def _set(self, key: str, value: str | int | float | bool | list[str]) -> None:
        if self._loading or self._settings.is_locked(key) or self._settings.get(key) == value:
            return
        try:
            self._settings.set(key, value)
        except KnownError as e:
            QMessageBox.warning(self, self.windowTitle(), e.message)
            return
        log.info("setting %s changed", key)

    def _since_enable(self) -> None:
        self.since_days.setEnabled(self.since_days_radio.isChecked())
        self.since_date.setEnabled(self.since_date_radio.isChecked())
        self._apply_locks()

    @Slot()
    def _since_changed(self) -> None:
        self._since_enable()
        if self.since_date_radio.isChecked():
            self._set("logging.since_date", self.since_date.date().toString("yyyy-MM-dd"))
        else:
            self._set("logging.since_date", "")
            self._set("logging.since_days", self.since_days.value())

    def never_log_entries(self) -> list[str]:
        return parse_entries(self.never_log.toPlainText())

    def apply_pending(self) -> None:
        """Write what is not written on every change (the never-log list)."""
        self._set("logging.never_log", self.never_log_entries())

    def done(self, result: int) -> None:
        self.apply_pending()
        super().done(result)

    # ------------------------------------------------------------------ accounts
    def load_accounts(self) -> None:
        self.account_list.clear()
        try:
            accounts = self._accounts.all()
        except KnownError as e:
            self.test_result.setText(e.message)
            accounts = []
        for a in accounts:
            item = QListWidgetItem(f"{a.email}  —  {a.imap_host}", self.account_list)
            item.setData(Qt.ItemDataRole.UserRole, a.email)
        if accounts:
            self.account_list.setCurrentRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.account_list.currentRow() >= 0
        self.remove_button.setEnabled(selected)
        self.test_button.setEnabled(selected and self.test_button.property("busy") is not True)
        account = self.selected_account() if selected else None
        self.sign_in_button.setVisible(account is not None and account.auth == "oauth2")

    @Slot()
    def _sign_in_selected(self) -> None:
        account = self.selected_account()
        if account is not None:
            self.signInRequested.emit(account.email)

    def selected_account(self) -> Account | None:
        item = self.account_list.currentItem() if self.account_list.currentRow() >= 0 else None
        if item is None:
            return None
        return self._accounts.get(str(item.data(Qt.ItemDataRole.UserRole)))

    @Slot()
    def add_account(self) -> None:
        if self._add_account(self):
            self.load_accounts()
            self.accountsChanged.emit()

    def confirm_remove(self, email: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Remove account"),
            self.tr(
                "Stop watching %1 and forget its password? Logged emails stay in the store."
            ).replace("%1", email),
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def remove_selected(self) -> None:
        account = self.selected_account()
        if account is None or not self.confirm_remove(account.email):
            return
        try:
            self._accounts.remove(account.email)
            if account.credential_ref:
                self._credentials.delete(account.credential_ref)
        except KnownError as e:
            self.test_result.setText(e.message)
        log.info("account removed")
        self.load_accounts()
        self.accountsChanged.emit()

    @Slot()
    def test_selected(self) -> None:
        """Log in to IMAP and SMTP on a worker thread; the result shows below the list."""
        run_account_test(self)

    def _test_over(self, email: str, ok: bool, text: str) -> None:
        self.test_button.setProperty("busy", False)
        self._update_buttons()
        self.test_result.setText(text)
        self.testFinished.emit(email, ok, text)

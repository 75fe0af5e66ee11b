"""The timeline window's widgets: built once here, wired and driven by ui/timeline/window.py."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from replytrail.ui.common.widgets import EmptyState
from replytrail.ui.reading.files import AttachmentFiles, AttachmentSource
from replytrail.ui.reading.pane import ReadingPane
from replytrail.ui.timeline.delegates import ContactDelegate, TimelineDelegate
from replytrail.ui.timeline.header import ContactHeader
from replytrail.ui.timeline.models import ContactListModel, TimelineModel
from replytrail.ui.timeline.search import SearchBar
from replytrail.ui.timeline.source import WindowExecutor

__all__ = ["TimelineWidgets"]


def list_view(
    delegate_parent: QObject, delegate: type[ContactDelegate | TimelineDelegate], name: str
) -> QListView:
    view = QListView()
    view.setObjectName(name)
    view.setItemDelegate(delegate(delegate_parent))
    view.setUniformItemSizes(True)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setMouseTracking(True)
    view.setFrameShape(QListView.Shape.NoFrame)
    return view


class TimelineWidgets:
    """Contacts | timeline (or search results) | reading pane, under a search bar."""

    def __init__(
        self,
        owner: QWidget,
        executor: WindowExecutor,
        attachments: AttachmentSource,
        files: AttachmentFiles,
    ) -> None:
        self.central = QWidget()
        outer = QVBoxLayout(self.central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        top = QWidget()
        top.setObjectName("topBar")
        self.top_bar = QHBoxLayout(top)  # other features add their buttons here
        self.top_bar.setContentsMargins(12, 10, 12, 10)
        self.search_bar = SearchBar()
        self.top_bar.addWidget(self.search_bar, 1)
        outer.addWidget(top)
        self.notice = QLabel()  # "You're set up" and other news that stays until closed
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            "background: #e6f4ea; color: #1e4620; padding: 10px 14px; font-size: 14px;"
        )
        self.notice.hide()
        outer.addWidget(self.notice)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        outer.addWidget(self.splitter, 1)
        self._contacts(owner)
        self._middle(owner, executor)
        self.reading = ReadingPane(attachments, files)
        self.reading.setObjectName("readingPane")
        self.splitter.addWidget(self.reading)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)

    def _contacts(self, owner: QObject) -> None:
        left = QWidget()
        left.setObjectName("contactsPane")
        lay = QVBoxLayout(left)
        lay.setContentsMargins(10, 10, 0, 0)
        lay.setSpacing(8)
        self.contact_filter = QLineEdit()
        self.contact_filter.setObjectName("contactFilter")
        self.contact_filter.setPlaceholderText(
            QCoreApplication.translate("TimelineWindow", "Find a contact…  (Ctrl+F)")
        )
        self.contact_filter.setClearButtonEnabled(True)
        lay.addWidget(self.contact_filter)
        self.contact_model = ContactListModel()
        self.contact_view = list_view(owner, ContactDelegate, "contactList")
        self.contact_view.setModel(self.contact_model)
        self.contact_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left.setMinimumWidth(220)
        self.contacts_stack = QStackedWidget()
        self.contacts_stack.addWidget(self.contact_view)
        self.contacts_empty = EmptyState(
            QCoreApplication.translate(
                "TimelineWindow",
                "No contacts yet.\nThey appear here as soon as an email is logged.",
            )
        )
        self.contacts_stack.addWidget(self.contacts_empty)
        lay.addWidget(self.contacts_stack, 1)
        self.splitter.addWidget(left)

    def _middle(self, owner: QObject, executor: WindowExecutor) -> None:
        middle = QWidget()
        middle.setObjectName("timelinePane")
        lay = QVBoxLayout(middle)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.header_stack = QStackedWidget()
        self.header = ContactHeader()
        self.header_stack.addWidget(self.header)
        results = QWidget()
        res_lay = QVBoxLayout(results)
        res_lay.setContentsMargins(18, 14, 14, 12)
        self.results_label = QLabel()
        self.results_label.setStyleSheet("font-size: 16px; font-weight: 600; color: #1f2933;")
        res_lay.addWidget(self.results_label)
        self.back_button = QPushButton(
            QCoreApplication.translate("TimelineWindow", "Back to the contact")
        )
        self.back_button.setFlat(True)
        self.back_button.setObjectName("link")
        res_lay.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.header_stack.addWidget(results)
        self.header_stack.setSizePolicy(
            self.header_stack.sizePolicy().horizontalPolicy(),
            self.header_stack.sizePolicy().Policy.Maximum,
        )
        lay.addWidget(self.header_stack)
        self.timeline_model = TimelineModel(executor)
        self.timeline_view = list_view(owner, TimelineDelegate, "timeline")
        self.timeline_view.setModel(self.timeline_model)
        self.results_model = TimelineModel()
        self.results_view = list_view(owner, TimelineDelegate, "searchResults")
        self.results_view.setModel(self.results_model)
        self.middle_stack = QStackedWidget()
        self.middle_stack.addWidget(self.timeline_view)
        self.middle_stack.addWidget(self.results_view)
        self.timeline_empty = EmptyState(
            QCoreApplication.translate(
                "TimelineWindow",
                "No replies logged yet — send a tracked email or Bcc your logging address.",
            )
        )
        self.middle_stack.addWidget(self.timeline_empty)
        self.middle_stack.setCurrentWidget(self.timeline_empty)
        lay.addWidget(self.middle_stack, 1)
        self.splitter.addWidget(middle)

"""The timeline window's style sheet: light, calm, one accent colour."""

from __future__ import annotations

__all__ = ["STYLE"]

STYLE = """
QMainWindow, #timelinePane, #readingPane { background: #ffffff; }
#topBar { background: #f7f9fb; border-bottom: 1px solid #e4e7eb; }
#contactsPane { background: #f7f9fb; }
#contactsPane QListView { background: #f7f9fb; }
#contactHeader { border-bottom: 1px solid #e4e7eb; }
QListView { outline: 0; }
QSplitter::handle { background: #e4e7eb; }
QSplitter::handle:horizontal { width: 1px; }
QLineEdit { border: 1px solid #d3d9e0; border-radius: 6px; padding: 5px 8px;
            background: #ffffff; selection-background-color: #b8cdf5; }
QLineEdit:focus { border-color: #2f6fde; }
QPushButton, QToolButton { border: 1px solid #d3d9e0; border-radius: 6px; padding: 5px 12px;
                           background: #ffffff; color: #1f2933; }
QPushButton:hover, QToolButton:hover { background: #f1f5fb; border-color: #b8cdf5; }
QPushButton:checked { background: #e6efff; border-color: #2f6fde; color: #1d4fa8; }
QPushButton#primary { background: #2f6fde; border-color: #2f6fde; color: #ffffff;
                      font-weight: 600; }
QPushButton#primary:hover { background: #245bc0; }
QPushButton#danger { color: #a61b1b; }
QPushButton#danger:hover { background: #fdecec; border-color: #f0b4b4; }
QPushButton#link { border: none; color: #2f6fde; padding: 0; background: transparent; }
QToolButton::menu-indicator { subcontrol-position: right center; right: 4px; }
QToolButton[popupMode="2"] { padding-right: 20px; }
QTextBrowser { background: #ffffff; color: #1f2933; }
QStatusBar { background: #f7f9fb; color: #52606d; border-top: 1px solid #e4e7eb; }
QDateEdit, QComboBox { border: 1px solid #d3d9e0; border-radius: 6px; padding: 4px 6px;
                       background: #ffffff; }
QDateEdit:disabled { color: #9aa5b1; background: #f3f5f7; }
QDateEdit::drop-down, QComboBox::drop-down { border: none; width: 20px; }
"""

"""The compose window's style sheet (the timeline's look, plus an error banner)."""

from __future__ import annotations

from replytrail.ui.timeline.style import STYLE as _BASE

__all__ = ["STYLE"]

STYLE = (
    _BASE
    + """
QDialog { background: #ffffff; }
QPlainTextEdit { border: 1px solid #d3d9e0; border-radius: 6px; padding: 6px;
                 background: #ffffff; selection-background-color: #b8cdf5; }
QPlainTextEdit:focus { border-color: #2f6fde; }
QListWidget#attachments { border: 1px solid #e4e7eb; border-radius: 6px; background: #f7f9fb; }
QLabel#errorBanner { background: #fdecec; color: #8a1c1c; border: 1px solid #f0b4b4;
                     border-radius: 6px; padding: 8px 10px; }
QLabel#status { color: #7b8794; }
"""
)

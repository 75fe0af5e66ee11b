"""Small visual pieces of the timeline: colours, badges, dates and times, chips, empty states."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QLocale,
    QPointF,
    QRect,
    QRectF,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QLabel, QMenu, QSizePolicy, QStyle, QToolButton, QWidget

from replytrail.core.i18n import QT_TRANSLATE_NOOP
from replytrail.core.models import Attachment, Direction, Kind, LoggedEmail, MatchReason

__all__ = [
    "AttachmentChip",
    "Badge",
    "EmptyState",
    "attachment_label",
    "badges_for",
    "format_size",
    "long_date",
    "paint_badge",
    "short_date",
    "time_text",
]

#: the palette: calm neutrals, one accent, pastel badges with dark text (readable, AA contrast)
INK = QColor("#1f2933")
MUTED = QColor("#616e7c")
FAINT = QColor("#9aa5b1")
LINE = QColor("#e4e7eb")
ACCENT = QColor("#2f6fde")
SELECTED = QColor("#e6efff")
OUT_COLOUR = QColor("#2f6fde")
IN_COLOUR = QColor("#1f8a5b")

_STYLES: dict[str, tuple[str, str]] = {  # name -> (background, text)
    "auto": ("#e8eef7", "#35507a"),
    "bounce": ("#fde8e8", "#a61b1b"),
    "amber": ("#fff1cc", "#7a4d00"),
    "neutral": ("#eef0f3", "#4a5563"),
    "green": ("#e3f5ec", "#17623f"),
    "chip": ("#f1f3f5", "#3e4c59"),
}


@dataclass(frozen=True)
class Badge:
    text: str
    tooltip: str
    style: str  # a key of _STYLES

    @property
    def colours(self) -> tuple[QColor, QColor]:
        bg, fg = _STYLES.get(self.style, _STYLES["neutral"])
        return QColor(bg), QColor(fg)


_Spec = tuple[str, str, str]  # text, tooltip (both untranslated, context "Badges"), style

_BY_KIND: dict[Kind, _Spec] = {
    Kind.BOUNCE: (
        QT_TRANSLATE_NOOP("Badges", "Bounce"),
        QT_TRANSLATE_NOOP(
            "Badges", "A delivery failure report: the original email did not reach the recipient."
        ),
        "bounce",
    ),
    Kind.AUTO_REPLY: (
        QT_TRANSLATE_NOOP("Badges", "Auto-reply"),
        QT_TRANSLATE_NOOP(
            "Badges",
            "An automatic answer (for example out of office); it is not counted as a reply.",
        ),
        "auto",
    ),
}
_BY_MATCH: dict[MatchReason, _Spec] = {
    MatchReason.SUBJECT: (
        QT_TRANSLATE_NOOP("Badges", "Subject match?"),
        QT_TRANSLATE_NOOP(
            "Badges",
            "Low confidence: logged only because its subject matches a tracked thread and the "
            "sender took part in it recently. It may not be a reply to your email.",
        ),
        "amber",
    ),
    MatchReason.BCC: (
        QT_TRANSLATE_NOOP("Badges", "via Bcc"),
        QT_TRANSLATE_NOOP("Badges", "Logged because you sent it with your logging address in Bcc."),
        "neutral",
    ),
    MatchReason.THREAD_INDEX: (
        QT_TRANSLATE_NOOP("Badges", "Outlook thread"),
        QT_TRANSLATE_NOOP(
            "Badges", "Matched by Outlook's conversation id (the reply had no References)."
        ),
        "neutral",
    ),
    MatchReason.GM_THRID: (
        QT_TRANSLATE_NOOP("Badges", "Gmail thread"),
        QT_TRANSLATE_NOOP("Badges", "Matched by Gmail's thread id."),
        "neutral",
    ),
}
_BY_SENT_STATUS: dict[str, _Spec] = {
    "failed": (
        QT_TRANSLATE_NOOP("Badges", "Not sent"),
        QT_TRANSLATE_NOOP("Badges", "Sending failed; the email did not leave your computer."),
        "bounce",
    ),
    "pending": (
        QT_TRANSLATE_NOOP("Badges", "Sending…"),
        QT_TRANSLATE_NOOP("Badges", "Recorded, not yet confirmed by the mail server."),
        "neutral",
    ),
    "bounced": (
        QT_TRANSLATE_NOOP("Badges", "Bounced"),
        QT_TRANSLATE_NOOP(
            "Badges",
            "A recipient's mail server reported that this email could not be delivered.",
        ),
        "bounce",
    ),
}


def badges_for(e: LoggedEmail) -> list[Badge]:
    """Kind, match-reason and delivery badges of one email, most important first."""
    specs = [
        _BY_KIND.get(e.kind),
        _BY_MATCH.get(e.match),
        _BY_SENT_STATUS.get(e.status) if e.direction is Direction.OUT else None,
    ]
    return [
        Badge(
            QCoreApplication.translate("Badges", text),
            QCoreApplication.translate("Badges", tip),
            style,
        )
        for text, tip, style in filter(None, specs)
    ]


def format_size(size: int) -> str:
    """A short human size: 812 B, 14 KB, 2.3 MB."""
    if size < 1024:
        return QCoreApplication.translate("Badges", "{n} B").format(n=size)
    if size < 1024 * 1024:
        return QCoreApplication.translate("Badges", "{n} KB").format(n=round(size / 1024))
    return QCoreApplication.translate("Badges", "{n} MB").format(
        n=QLocale().toString(size / (1024 * 1024), "f", 1)
    )


def attachment_label(a: Attachment) -> str:
    return f"{a.filename}  ·  {format_size(a.size)}"


def _local(when: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(when.timestamp())).toLocalTime()


def time_text(when: datetime) -> str:
    """The time of day in the locale's one short format ("14:51" in German, "2:51 PM" in US
    English): every list, header and pane uses this, so a window never mixes two formats."""
    loc = QLocale()
    return loc.toString(_local(when).time(), loc.timeFormat(QLocale.FormatType.ShortFormat))


def short_date(when: datetime | None, now: datetime | None = None) -> str:
    """Time today, day and month this year, else the full date; in the user's locale."""
    if when is None:
        return ""
    local, local_now = _local(when), _local(now or datetime.now(UTC))
    loc = QLocale()
    if local.date() == local_now.date():
        return time_text(when)
    if local.date().year() == local_now.date().year():
        # Translators: a Qt date format for day and month, e.g. "d. MMM" (2. Dez.)
        return loc.toString(local.date(), QCoreApplication.translate("Dates", "d MMM"))
    # Translators: a Qt date format for a date in another year, e.g. "d. MMM yyyy"
    return loc.toString(local.date(), QCoreApplication.translate("Dates", "d MMM yyyy"))


def date_edit_format() -> str:
    """The one numeric date format of every date field (search, set-up, settings)."""
    # Translators: a Qt date format for a date field, e.g. "dd.MM.yyyy"
    return QCoreApplication.translate("Dates", "yyyy-MM-dd")


def long_date(when: datetime) -> str:
    """Weekday, date and the locale's short time: "Wed 3 Jun 2026, 2:51 PM"."""
    # Translators: a Qt date format with the weekday, e.g. "ddd, d. MMM yyyy" (Mi., 2. Dez. 2026)
    fmt = QCoreApplication.translate("Dates", "ddd d MMM yyyy")
    day = QLocale().toString(_local(when).date(), fmt)
    return f"{day}, {time_text(when)}"


def badge_width(fm: QFontMetrics, text: str, icon: bool = False) -> int:
    return fm.horizontalAdvance(text) + (26 if icon else 14)


def paint_badge(p: QPainter, x: int, y: int, badge: Badge, font: QFont) -> int:
    """Paint a rounded pill at (x, y); returns its width."""
    fm = QFontMetrics(font)
    chip = badge.style == "chip"
    w, h = badge_width(fm, badge.text, chip), fm.height() + 4
    bg, fg = badge.colours
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QColor("#dde2e8") if chip else Qt.PenStyle.NoPen)
    p.setBrush(bg)
    radius = 4 if chip else h / 2
    p.drawRoundedRect(QRectF(x + 0.5, y + 0.5, w - 1, h - 1), radius, radius)
    text_rect = QRect(x, y, w, h)
    if chip:  # a small document glyph
        p.setPen(fg)
        p.setBrush(Qt.BrushStyle.NoBrush)
        gx, gy = x + 7, y + (h - 10) // 2
        p.drawPolyline(
            [
                QPointF(gx + 5, gy),
                QPointF(gx, gy),
                QPointF(gx, gy + 10),
                QPointF(gx + 8, gy + 10),
                QPointF(gx + 8, gy + 3),
                QPointF(gx + 5, gy),
                QPointF(gx + 5, gy + 3),
                QPointF(gx + 8, gy + 3),
            ]
        )
        text_rect = QRect(x + 12, y, w - 12, h)
    p.setPen(fg)
    p.setFont(font)
    p.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, badge.text)
    p.restore()
    return w


class BadgeLabel(QLabel):
    """A badge as a widget (reading pane, contact header)."""

    def __init__(self, badge: Badge, parent: QWidget | None = None) -> None:
        super().__init__(badge.text, parent)
        bg, fg = badge.colours
        self.setToolTip(badge.tooltip)
        self.setStyleSheet(
            f"QLabel {{ background: {bg.name()}; color: {fg.name()}; "
            "border-radius: 9px; padding: 1px 8px; font-size: 11px; "
            "font-weight: 600; }"
        )
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)


class AttachmentChip(QToolButton):
    """An attachment: click opens it, the menu offers Open and Save as….

    Signals:
        openRequested(Attachment): open with the system's application.
        saveRequested(Attachment): save to a folder the user picks.
    """

    openRequested = Signal(object)  # noqa: N815 - Qt signal naming
    saveRequested = Signal(object)  # noqa: N815 - Qt signal naming

    def __init__(self, att: Attachment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attachment = att
        self.setText(attachment_label(att))
        self.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setToolTip(
            self.tr("{name} ({type}) — click to open").format(
                name=att.filename, type=att.content_type
            )
        )
        self.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        menu = QMenu(self)
        # bound methods, no lambda holding the button: the reading pane deletes its buttons
        # (deleteLater), and a cycle through a Qt object Qt deletes can crash the collector
        menu.addAction(self.tr("Open"), self._open)
        menu.addAction(self.tr("Save as…"), self._save)
        self.setMenu(menu)
        self.clicked.connect(self._open)
        self.setStyleSheet(
            "QToolButton { background: #f1f3f5; color: #3e4c59; border: 1px solid "
            "#e4e7eb; border-radius: 6px; padding: 3px 8px; }"
            "QToolButton:hover { background: #e6efff; border-color: #b8cdf5; }"
        )

    @Slot()
    def _open(self) -> None:
        self.openRequested.emit(self.attachment)

    @Slot()
    def _save(self) -> None:
        self.saveRequested.emit(self.attachment)


class EmptyState(QLabel):
    """A friendly centred message for an empty list or pane."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setMargin(24)
        self.setStyleSheet("QLabel { color: #7b8794; font-size: 13px; }")

"""Painted rows of the contact list and the timeline: fixed heights, so long lists scroll fast."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from replytrail.core.models import Contact, Direction, LoggedEmail
from replytrail.ui.common.widgets import (
    FAINT,
    IN_COLOUR,
    INK,
    LINE,
    MUTED,
    OUT_COLOUR,
    SELECTED,
    Badge,
    badge_width,
    badges_for,
    paint_badge,
    short_date,
)
from replytrail.ui.timeline.models import CONTACT_ROLE, EMAIL_ROLE, THREAD_LINK_ROLE, THREAD_ROLE
from replytrail.ui.timeline.threads import ThreadInfo, ThreadStatus

__all__ = ["ContactDelegate", "TimelineDelegate"]

AnyIndex = QModelIndex | QPersistentModelIndex


def _fonts(base: QFont) -> tuple[QFont, QFont, QFont]:
    bold = QFont(base)
    bold.setWeight(QFont.Weight.DemiBold)
    small = QFont(base)
    small.setPointSizeF(max(base.pointSizeF() - 1.5, 7.0))
    return bold, base, small


def _background(p: QPainter, option: QStyleOptionViewItem) -> None:
    r = option.rect
    state = option.state
    if state & QStyle.StateFlag.State_Selected:
        p.fillRect(r, SELECTED)
        p.fillRect(QRect(r.left(), r.top(), 3, r.height()), QColor("#2f6fde"))
    elif state & QStyle.StateFlag.State_MouseOver:
        p.fillRect(r, QColor("#f5f7fa"))
    p.setPen(QPen(LINE, 1))
    p.drawLine(r.left() + 12, r.bottom(), r.right() - 12, r.bottom())


class ContactDelegate(QStyledItemDelegate):
    """Name and company, email count and last activity; a red dot marks a bounced address."""

    HEIGHT = 54

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802
        return QSize(220, self.HEIGHT)

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        c = index.data(CONTACT_ROLE)
        if not isinstance(c, Contact):
            return
        p.save()
        _background(p, option)
        r = option.rect.adjusted(14, 8, -12, -8)
        bold, base, small = _fonts(option.font)
        right = short_date(c.last_activity)
        p.setFont(small)
        p.setPen(MUTED)
        fm_small = QFontMetrics(small)
        rw = fm_small.horizontalAdvance(right) + 2
        p.drawText(
            QRect(r.right() - rw, r.top(), rw, 18),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            right,
        )
        name = c.name or c.email
        p.setFont(bold)
        p.setPen(INK)
        fm = QFontMetrics(bold)
        x = r.left()
        if c.bounced:
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setBrush(QColor("#d64545"))
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(x, r.top() + 6, 7, 7)
            x += 12
            p.setPen(INK)
        p.drawText(
            QRect(x, r.top(), r.width() - rw - (x - r.left()) - 6, 18),
            Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(name, Qt.TextElideMode.ElideRight, r.width() - rw - (x - r.left()) - 6),
        )
        sub = c.company or c.email
        count = self.tr("1 email") if c.emails == 1 else self.tr("{n} emails").format(n=c.emails)
        p.setFont(small)
        cw = fm_small.horizontalAdvance(count) + 2
        p.setPen(MUTED)
        p.drawText(
            QRect(r.left(), r.top() + 20, r.width() - cw - 8, 18),
            Qt.AlignmentFlag.AlignVCenter,
            fm_small.elidedText(sub, Qt.TextElideMode.ElideRight, r.width() - cw - 8),
        )
        p.setPen(FAINT)
        p.drawText(
            QRect(r.right() - cw, r.top() + 20, cw, 18),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            count,
        )
        del base
        p.restore()


class TimelineDelegate(QStyledItemDelegate):
    """Direction arrow, subject and date; who and a snippet; then badges and attachment chips;
    a thread's newest row also shows the thread's status and size (a click there folds it)."""

    HEIGHT = 78

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802
        return QSize(360, self.HEIGHT)

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        e = index.data(EMAIL_ROLE)
        if not isinstance(e, LoggedEmail):
            return
        p.save()
        _background(p, option)
        rect: QRect = option.rect
        bold, base, small = _fonts(option.font)
        self._arrow(p, rect, e, index.data(THREAD_LINK_ROLE) or (False, False))
        r = rect.adjusted(44, 8, -14, -8)
        fm_small = QFontMetrics(small)
        date = short_date(e.date)
        p.setFont(small)
        p.setPen(MUTED)
        dw = fm_small.horizontalAdvance(date) + 2
        p.drawText(
            QRect(r.right() - dw, r.top(), dw, 18),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            date,
        )
        p.setFont(bold)
        p.setPen(INK)
        subject = e.subject or self.tr("(no subject)")
        p.drawText(
            QRect(r.left(), r.top(), r.width() - dw - 8, 18),
            Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(bold).elidedText(subject, Qt.TextElideMode.ElideRight, r.width() - dw - 8),
        )
        who = (
            self.tr("To {name}").format(name=e.to[0].name or e.to[0].email)
            if e.direction is Direction.OUT and e.to
            else (e.sender.name or e.sender.email)
        )
        snippet = " ".join(e.body_text.split())[:300]
        p.setFont(base)
        fm = QFontMetrics(base)
        who_w = min(fm.horizontalAdvance(who) + 2, r.width() // 2)
        p.setPen(QColor("#3e4c59"))
        p.drawText(
            QRect(r.left(), r.top() + 20, who_w, 18),
            Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(who, Qt.TextElideMode.ElideRight, who_w),
        )
        p.setPen(MUTED)
        rest = r.width() - who_w - 10
        p.drawText(
            QRect(r.left() + who_w + 10, r.top() + 20, rest, 18),
            Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(snippet, Qt.TextElideMode.ElideRight, rest),
        )
        thread = index.data(THREAD_ROLE)
        pill = self.thread_pill(thread) if isinstance(thread, ThreadInfo) else None
        pill_w = badge_width(fm_small, pill.text) if pill else 0
        self._chips(p, QRect(r.left(), r.top() + 42, r.width() - pill_w - 8, 20), e, small)
        if pill is not None:
            paint_badge(p, r.right() - pill_w, r.top() + 42, pill, small)
        p.restore()

    def thread_pill(self, t: ThreadInfo) -> Badge:
        """The thread's status, and for a longer thread its size and a fold marker."""
        status = {
            ThreadStatus.AWAITING: (self.tr("Awaiting reply"), "amber"),
            ThreadStatus.REPLIED: (self.tr("Replied"), "green"),
            ThreadStatus.BOUNCED: (self.tr("Bounced"), "bounce"),
        }[t.status]
        if t.count < 2:
            return Badge(status[0], "", status[1])
        marker = "▸" if t.collapsed else "▾"
        size = self.tr("%n email(s)", "", t.count)
        return Badge(
            f"{marker} {size} · {status[0]}", self.tr("Show or hide the thread"), status[1]
        )

    def pill_rect(self, rect: QRect, t: ThreadInfo, font: QFont) -> QRect:
        """Where :meth:`thread_pill` is painted in a row at *rect* (a click there folds)."""
        _bold, _base, small = _fonts(font)
        w = badge_width(QFontMetrics(small), self.thread_pill(t).text)
        r = rect.adjusted(44, 8, -14, -8)
        return QRect(r.right() - w, r.top() + 42, w, QFontMetrics(small).height() + 4)

    @staticmethod
    def _arrow(p: QPainter, rect: QRect, e: LoggedEmail, links: tuple[bool, bool]) -> None:
        cx, cy = rect.left() + 24, rect.top() + 20
        colour = OUT_COLOUR if e.direction is Direction.OUT else IN_COLOUR
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        up, down = links
        p.setPen(QPen(QColor("#d5dbe3"), 2))
        if up:  # the newer neighbour belongs to the same thread
            p.drawLine(cx, rect.top(), cx, cy - 11)
        if down:
            p.drawLine(cx, cy + 11, cx, rect.bottom())
        tint = QColor(colour)
        tint.setAlpha(28)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(tint)
        p.drawEllipse(cx - 11, cy - 11, 22, 22)
        p.setPen(QPen(colour, 1.8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        if e.direction is Direction.OUT:  # ↗ sent
            p.drawLine(cx - 4, cy + 4, cx + 4, cy - 4)
            p.drawLine(cx + 4, cy - 4, cx - 1, cy - 4)
            p.drawLine(cx + 4, cy - 4, cx + 4, cy + 1)
        else:  # ↙ received
            p.drawLine(cx + 4, cy - 4, cx - 4, cy + 4)
            p.drawLine(cx - 4, cy + 4, cx + 1, cy + 4)
            p.drawLine(cx - 4, cy + 4, cx - 4, cy - 1)

    @staticmethod
    def _chips(p: QPainter, r: QRect, e: LoggedEmail, font: QFont) -> None:
        x = r.left()
        fm = QFontMetrics(font)
        for b in badges_for(e):
            if x + badge_width(fm, b.text) > r.right():
                return
            x += paint_badge(p, x, r.top(), b, font) + 6
        for i, a in enumerate(e.attachments):
            chip = Badge(a.filename, "", "chip")
            w = badge_width(fm, chip.text, icon=True)
            if x + w > r.right():
                if x + 40 < r.right():
                    more = Badge(f"+{len(e.attachments) - i}", "", "chip")
                    paint_badge(p, x, r.top(), more, font)
                return
            x += paint_badge(p, x, r.top(), chip, font) + 6

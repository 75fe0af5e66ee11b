"""A mail document that loads nothing remote, built off the GUI thread.

:class:`SafeDocument` answers every resource request itself: ``data:`` and ``cid:`` images
(the email's own parts) are shown, everything else gets a placeholder. The default
``QTextDocument.loadResource`` would read local files, so it is never called.
:class:`DocumentBuilder` sanitises, bounds and parses an email in a worker thread and
hands the finished document to the GUI thread, which then only lays out what is visible.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QObject, QRectF, QThread, QUrl, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen, QTextDocument

from replytrail.qt.relay import Posted, dispose, make_poster
from replytrail.ui.reading.limits import bound_html, bound_text

__all__ = ["DocumentBuilder", "RenderJob", "SafeDocument", "placeholder_image"]

log = logging.getLogger("replytrail.ui.html")


def placeholder_image(size: int = 18) -> QImage:
    """A flat light-grey box in place of a blocked image: the layout stays, nothing is fetched."""
    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(QColor(0, 0, 0, 0))
    p = QPainter(img)
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor("#d3d9e0"), 1))
        p.setBrush(QColor("#eef1f4"))
        p.drawRect(QRectF(0.5, 0.5, size - 1, size - 1))
    finally:
        p.end()
    return img


class SafeDocument(QTextDocument):
    """Resources come from *cid* parts or ``data:`` URLs only; *on_blocked* hears the rest."""

    def __init__(self, cid: dict[str, bytes], on_blocked: Callable[[str], None]) -> None:
        super().__init__()
        self._cid = dict(cid)
        self._on_blocked = on_blocked
        self._placeholder = placeholder_image()

    def loadResource(self, rtype: int, url: QUrl | str) -> object:  # noqa: N802 - Qt override
        qurl = url if isinstance(url, QUrl) else QUrl(url)
        scheme = qurl.scheme().lower()
        is_image = int(rtype) == QTextDocument.ResourceType.ImageResource.value
        if scheme == "data" and is_image:
            return super().loadResource(rtype, qurl)
        if scheme == "cid" and is_image:
            cid = qurl.toString()[4:]
            data = (
                self._cid.get(qurl.path())
                or self._cid.get(cid)
                or self._cid.get(cid.partition("@")[0])
            )
            if data is not None:
                img = QImage.fromData(QByteArray(data))
                if not img.isNull():
                    return img
        self._on_blocked(qurl.toString()[:80] or "(relative)")
        if is_image:
            return self._placeholder
        return QByteArray(b" ")


@dataclass(frozen=True)
class RenderJob:
    """One email body to show: HTML (sanitised by *sanitise*) or plain text."""

    generation: int
    body: str
    is_html: bool
    cid: dict[str, bytes]
    font: QFont
    margin: float
    cut_note: str = ""  # the last line when the body is longer than can be shown


class DocumentBuilder(QObject):
    """Builds :class:`SafeDocument` objects in worker threads, newest request wins.

    Signals:
        built(int, object): generation and the finished document (now in the GUI thread).
    """

    built = Signal(int, object)

    def __init__(
        self,
        sanitise: Callable[[str], str],
        on_blocked: Callable[[int, str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._sanitise = sanitise
        self.on_blocked = on_blocked  # called on the GUI thread only
        self._gui = QThread.currentThread()
        # render threads reach this object only through the relay (qt/relay.py); a document
        # built for a pane that is gone meanwhile is disposed of on the GUI thread
        self._post_built = make_poster(self._built, lambda _g, doc: dispose(doc))
        self._post_blocked = make_poster(self._blocked)

    def _built(self, generation: int, doc: object) -> None:
        self.built.emit(generation, doc)

    def _blocked(self, generation: int, url: str) -> None:
        self.on_blocked(generation, url)

    def build_now(self, job: RenderJob) -> SafeDocument:
        """The same work on the calling thread (small bodies, tests)."""
        return self._build(job)

    def start(self, job: RenderJob) -> None:
        """Build *job* in a worker thread; :attr:`built` is emitted when it is done."""
        threading.Thread(
            target=_run,
            args=(self._post_built, self._post_blocked, self._sanitise, self._gui, job),
            name="render",
            daemon=True,
        ).start()

    def _build(self, job: RenderJob) -> SafeDocument:
        return _build(self._post_blocked, self._sanitise, job)


def _build(blocked: Posted, sanitise: Callable[[str], str], job: RenderJob) -> SafeDocument:
    generation = job.generation
    # the document tells the relay, never the window, what it refused (from any thread)
    doc = SafeDocument(job.cid, lambda url: blocked(generation, url))
    doc.setDefaultFont(job.font)
    doc.setDocumentMargin(job.margin)
    if job.is_html:
        doc.setHtml(bound_html(sanitise(job.body), job.cut_note))
    else:
        doc.setPlainText(bound_text(job.body, job.cut_note))
    return doc


def _run(
    built: Posted, blocked: Posted, sanitise: Callable[[str], str], gui: QThread, job: RenderJob
) -> None:
    """A render thread: touches only the relay and the document it builds."""
    try:
        doc = _build(blocked, sanitise, job)
    except Exception as exc:  # a hostile email must never take the window down
        log.warning("could not render an email (%s)", type(exc).__name__)
        return
    doc.moveToThread(gui)
    built(job.generation, doc)

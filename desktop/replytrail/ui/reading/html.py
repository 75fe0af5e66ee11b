"""Untrusted mail HTML: an nh3 allow-list sanitiser and a browser that loads nothing remote."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import nh3
from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from replytrail.qt.relay import dispose
from replytrail.ui.reading.document import (
    DocumentBuilder,
    RenderJob,
    SafeDocument,
    placeholder_image,
)
from replytrail.ui.reading.limits import MAX_INPUT, MAX_RUN

__all__ = [
    "LINK_SCHEMES",
    "RENDER_BUDGET_MS",
    "SafeMailBrowser",
    "placeholder_image",
    "sanitize_html",
]

log = logging.getLogger("replytrail.ui.html")

#: the only schemes a link may keep (and the only ones the browser hands to the OS)
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
#: a body whose document is not ready after this long is shown as plain text instead
RENDER_BUDGET_MS = 3000
#: plain text up to this long (without very long lines) is shown at once, on the GUI thread
SYNC_TEXT_CHARS = 50_000
#: image sources kept by the sanitiser; the browser still loads only data: and cid: ones
_IMAGE_SCHEMES = frozenset({"http", "https", "cid", "data"})

_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "center", "code", "col", "colgroup", "dd",
    "div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li",
    "ol", "p", "pre", "q", "s", "small", "span", "strike", "strong", "sub", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul",
})  # fmt: skip
_CLEAN_CONTENT = frozenset(
    {
        "script",
        "style",
        "title",
        "head",
        "template",
        "noscript",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "form",
        "textarea",
        "select",
    }
)
_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"align", "dir", "lang", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "font": {"color", "face", "size"},
    "table": {"width", "border", "cellpadding", "cellspacing", "bgcolor"},
    "td": {"width", "colspan", "rowspan", "valign", "bgcolor", "nowrap"},
    "th": {"width", "colspan", "rowspan", "valign", "bgcolor", "nowrap"},
    "tr": {"valign", "bgcolor"},
    "col": {"width", "span"},
    "ol": {"start", "type"},
}


def _scheme(url: str) -> str:
    try:
        return urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return "?"


def _filter(tag: str, attr: str, value: str) -> str | None:
    if tag == "a" and attr == "href":
        return value if _scheme(value) in LINK_SCHEMES else None
    if tag == "img" and attr == "src":
        return value if _scheme(value) in _IMAGE_SCHEMES else None
    return value


def sanitize_html(html: str) -> str:
    """Mail HTML reduced to a strict allow-list: formatting, tables, links and images only.

    No script/style/iframe/form (with their content), no ``on*`` or ``style`` attributes,
    links keep only http/https/mailto, images only http/https/cid/data sources (and the
    browser below still refuses to load anything but data: and cid:).
    """
    return nh3.clean(
        html[:MAX_INPUT],
        tags=set(_TAGS),
        clean_content_tags=set(_CLEAN_CONTENT),
        attributes={k: set(v) for k, v in _ATTRIBUTES.items()},
        attribute_filter=_filter,
        url_schemes=set(LINK_SCHEMES | _IMAGE_SCHEMES),
        strip_comments=True,
        link_rel="noopener noreferrer",
    )


def _empty() -> SafeDocument:
    return SafeDocument({}, lambda url: None)


class SafeMailBrowser(QTextBrowser):
    """Shows sanitised mail HTML; loads only ``data:`` and ``cid:`` (the email's own parts).

    HTML is sanitised, bounded (:mod:`~replytrail.ui.reading.limits`) and parsed in a worker
    thread; the GUI thread only swaps the finished document in and lays out what is
    visible, so no email blocks the window. A document not ready within
    :data:`RENDER_BUDGET_MS` is replaced by the plain text. Long plain text goes the same way.
    http(s), file: and relative resources get a placeholder image (:class:`SafeDocument`).
    Links are not followed inside the widget; a click emits :attr:`linkRequested` for
    http/https/mailto only.

    Signals:
        linkRequested(QUrl): the user clicked a link with an allowed scheme.
        blockedChanged(int): how many resources were refused for the current document.
        rendered(): the current body is on screen (formatted, as text, or the fallback).
    """

    linkRequested = Signal(QUrl)  # noqa: N815 - Qt signal naming
    blockedChanged = Signal(int)  # noqa: N815 - Qt signal naming
    rendered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cid: dict[str, bytes] = {}
        self._blocked: list[str] = []
        self._generation = 0
        self._fallback = ""
        self._doc: QTextDocument | None = None
        self._builder = DocumentBuilder(sanitize_html, self._note_blocked, self)
        self._builder.built.connect(self._on_built)
        self._budget = QTimer(self)
        self._budget.setSingleShot(True)
        self._budget.timeout.connect(self._over_budget)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self._swap(_empty(), announce=False)
        self.anchorClicked.connect(self._on_anchor)

    @property
    def blocked(self) -> list[str]:
        """Resources refused since the last :meth:`show_html` (shortened URLs, never fetched)."""
        return list(self._blocked)

    def set_cid_parts(self, parts: dict[str, bytes]) -> None:
        """Content-ID (without ``<>``) -> bytes of the email's inline parts."""
        self._cid = {k.strip("<>"): v for k, v in parts.items()}

    def show_html(self, html: str, fallback_text: str = "") -> None:
        """Sanitise and display *html* (in the background); *fallback_text* is shown if it
        takes longer than the budget."""
        self._start(html, is_html=True)
        self._fallback = fallback_text or self.tr("This email is too complex to show formatted.")
        self._budget.start(RENDER_BUDGET_MS)

    def show_text(self, text: str) -> None:
        """Display *text*; at once when short, else in the background like HTML."""
        if len(text) <= SYNC_TEXT_CHARS and max(map(len, text.split("\n"))) <= MAX_RUN:
            self._generation += 1
            self._reset_blocked()
            self._budget.stop()
            self._swap(self._builder.build_now(self._job(text, is_html=False)))
            return
        self._start(text, is_html=False)
        self._fallback = text[:SYNC_TEXT_CHARS]
        self._budget.start(RENDER_BUDGET_MS)

    def _job(self, body: str, *, is_html: bool) -> RenderJob:
        margin = self.document().documentMargin()
        note = self.tr("This email is shortened here for display.")
        return RenderJob(
            self._generation, body, is_html, dict(self._cid), self.font(), margin, note
        )

    def _start(self, body: str, *, is_html: bool) -> None:
        self._generation += 1
        self._reset_blocked()
        self._swap(_empty(), announce=False)
        self._builder.start(self._job(body, is_html=is_html))

    def _reset_blocked(self) -> None:
        self._blocked = []
        self.blockedChanged.emit(0)

    def _swap(self, doc: QTextDocument, *, announce: bool = True) -> None:
        old = self._doc
        doc.setParent(self)
        self.setDocument(doc)
        self._doc = doc
        if old is not None and old is not doc:
            old.deleteLater()
        if announce:
            self.rendered.emit()

    def _on_built(self, generation: int, doc: object) -> None:
        if not isinstance(doc, QTextDocument):
            return
        if generation != self._generation:
            dispose(doc)  # Qt's from here, deleted on this thread
            return
        self._budget.stop()
        self._swap(doc)

    def _over_budget(self) -> None:
        self._generation += 1  # the late document is dropped when it arrives
        log.info("rendering took longer than %d ms; showing text", RENDER_BUDGET_MS)
        text = self._fallback
        self._swap(self._builder.build_now(self._job(text[:SYNC_TEXT_CHARS], is_html=False)))

    def _note_blocked(self, generation: int, url: str) -> None:
        if generation == self._generation:
            self._blocked.append(url)
            self.blockedChanged.emit(len(self._blocked))

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme().lower() in LINK_SCHEMES:
            self.linkRequested.emit(url)
        else:
            log.info("refused a link with scheme %r", url.scheme()[:20])

"""Untrusted mail HTML: an nh3 allow-list sanitiser and a browser that loads nothing remote."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import nh3
from PySide6.QtCore import QByteArray, QRectF, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

__all__ = ["LINK_SCHEMES", "SafeMailBrowser", "placeholder_image", "sanitize_html"]

log = logging.getLogger("replytrail.ui.html")

#: the only schemes a link may keep (and the only ones the browser hands to the OS)
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
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
        html,
        tags=set(_TAGS),
        clean_content_tags=set(_CLEAN_CONTENT),
        attributes={k: set(v) for k, v in _ATTRIBUTES.items()},
        attribute_filter=_filter,
        url_schemes=set(LINK_SCHEMES | _IMAGE_SCHEMES),
        strip_comments=True,
        link_rel="noopener noreferrer",
    )


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


class SafeMailBrowser(QTextBrowser):
    """Shows sanitised mail HTML; loads only ``data:`` and ``cid:`` (the email's own parts).

    http(s), file: and relative resources get a placeholder image: returning ``None`` from
    ``loadResource`` would let QTextDocument read local files itself, so it never does.
    Links are not followed inside the widget; a click emits :attr:`linkRequested` for
    http/https/mailto only.

    Signals:
        linkRequested(QUrl): the user clicked a link with an allowed scheme.
        blockedChanged(int): how many resources were refused for the current document.
    """

    linkRequested = Signal(QUrl)  # noqa: N815 - Qt signal naming
    blockedChanged = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cid: dict[str, bytes] = {}
        self._blocked: list[str] = []
        self._placeholder = placeholder_image()
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.anchorClicked.connect(self._on_anchor)

    @property
    def blocked(self) -> list[str]:
        """Resources refused since the last :meth:`show_html` (shortened URLs, never fetched)."""
        return list(self._blocked)

    def set_cid_parts(self, parts: dict[str, bytes]) -> None:
        """Content-ID (without ``<>``) -> bytes of the email's inline parts."""
        self._cid = {k.strip("<>"): v for k, v in parts.items()}

    def show_html(self, html: str) -> None:
        """Sanitise and display *html*."""
        self._blocked = []
        self.document().clear()
        self.blockedChanged.emit(0)
        self.setHtml(sanitize_html(html))

    def show_text(self, text: str) -> None:
        self._blocked = []
        self.setPlainText(text)
        self.blockedChanged.emit(0)

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
        self._blocked.append(qurl.toString()[:80] or "(relative)")
        self.blockedChanged.emit(len(self._blocked))
        if is_image:
            return self._placeholder
        return QByteArray(b" ")

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme().lower() in LINK_SCHEMES:
            self.linkRequested.emit(url)
        else:
            log.info("refused a link with scheme %r", url.scheme()[:20])

"""Bounds on sanitised mail HTML and long text, so that no email can make layout explode.

Qt lays out nested tables in time that doubles per level, and one paragraph of a megabyte
in one piece. :func:`bound_html` keeps tables at most :data:`MAX_TABLE_DEPTH` deep (deeper
ones are flattened: their cells become lines, nothing of the text is lost), elements at
most :data:`MAX_DEPTH` deep and :data:`MAX_ELEMENTS` in number (tags beyond are dropped,
text kept) and splits text runs longer than :data:`MAX_RUN` into blocks. No Qt in here:
it runs in a worker thread.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from html.parser import HTMLParser

__all__ = [
    "MAX_CELLS",
    "MAX_DEPTH",
    "MAX_ELEMENTS",
    "MAX_INPUT",
    "MAX_RUN",
    "MAX_TABLE_DEPTH",
    "MAX_TEXT",
    "bound_html",
    "bound_text",
]

#: tables nested deeper than this are flattened
MAX_TABLE_DEPTH = 4
#: elements nested deeper than this lose their tags (the text stays)
MAX_DEPTH = 40
#: elements after this many lose their tags (the text stays)
MAX_ELEMENTS = 20_000
#: text runs longer than this are cut into blocks of this size (at a space if there is one)
MAX_RUN = 2_000
#: table cells laid out as a table; later tables are flattened (Qt lays tables out eagerly)
MAX_CELLS = 400
#: characters of text shown; the view ends with a note after this many
MAX_TEXT = 100_000
#: characters of HTML read at all; an email's stored body is never shortened, only its view
MAX_INPUT = 4_000_000

_TABLE_TAGS = frozenset({"table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption"})
_TABLE_SKIP = frozenset({"colgroup", "col"})
_VOID = frozenset({"br", "hr", "img", "col"})
_LINE_AFTER = frozenset({"tr", "caption"})


@dataclass
class _State:
    out: list[str] = field(default_factory=list)
    stack: list[tuple[str, bool]] = field(default_factory=list)  # open tags, written or not
    tables: int = 0  # open <table> elements, written or not
    elements: int = 0
    cells: int = 0
    text: int = 0  # characters of text written
    cut: bool = False  # MAX_TEXT reached: nothing more is written


def _attrs(attrs: list[tuple[str, str | None]]) -> str:
    return "".join(
        f' {name}="{html.escape(value, quote=True)}"' if value is not None else f" {name}"
        for name, value in attrs
    )


class _Bounder(HTMLParser):
    """Re-emits already sanitised HTML within the limits above."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.s = _State()

    def _flattened(self, tag: str) -> bool:
        s = self.s
        if tag not in _TABLE_TAGS and tag not in _TABLE_SKIP:
            return False
        return s.tables > MAX_TABLE_DEPTH or s.cells > MAX_CELLS

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        s = self.s
        if s.cut:
            return
        if tag == "table":
            s.tables += 1
        elif tag in ("td", "th"):
            s.cells += 1
            if s.cells == MAX_CELLS + 1:
                self._close_tables()
        if tag in _VOID:
            self.handle_startendtag(tag, attrs)
            return
        s.elements += 1
        written = not (
            self._flattened(tag) or len(s.stack) >= MAX_DEPTH or s.elements > MAX_ELEMENTS
        )
        s.stack.append((tag, written))
        if written:
            s.out.append(f"<{tag}{_attrs(attrs)}>")
        elif tag in ("td", "th"):
            s.out.append(" ")

    def _close_tables(self) -> None:
        """Over the cell budget: end the open tables here, the rest comes as lines."""
        s = self.s
        first = next((i for i, (t, w) in enumerate(s.stack) if w and t in _TABLE_TAGS), None)
        if first is None:
            return
        for i in range(len(s.stack) - 1, first - 1, -1):
            tag, written = s.stack[i]
            if written:
                s.out.append(f"</{tag}>")
                s.stack[i] = (tag, False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        s = self.s
        s.elements += 1
        if s.cut:
            return
        if self._flattened(tag) or s.elements > MAX_ELEMENTS:
            if tag in ("br", "hr"):
                s.out.append("<br>")
            return
        s.out.append(f"<{tag}{_attrs(attrs)}>")

    def handle_endtag(self, tag: str) -> None:
        s = self.s
        if s.cut:
            return
        if tag == "table":
            s.tables = max(0, s.tables - 1)
        at = next((i for i in range(len(s.stack) - 1, -1, -1) if s.stack[i][0] == tag), None)
        if at is None:
            return  # a stray end tag
        while len(s.stack) > at:
            top, written = s.stack.pop()
            if written:
                s.out.append(f"</{top}>")
            elif top in _LINE_AFTER and s.out and s.out[-1] != "<br>":
                s.out.append("<br>")

    def handle_data(self, data: str) -> None:
        s = self.s
        if s.cut:
            return
        room = MAX_TEXT - s.text
        if len(data) > room:
            data, s.cut = data[:room], True
        s.text += len(data)
        s.out.append(_split_run(html.escape(data, quote=False)))


def _chunks(text: str) -> list[str]:
    parts: list[str] = []
    while len(text) > MAX_RUN:
        cut = text.rfind(" ", MAX_RUN // 2, MAX_RUN)
        cut = cut if cut > 0 else MAX_RUN
        parts.append(text[:cut])
        text = text[cut:].lstrip(" ")
    parts.append(text)
    return parts


def _split_run(text: str) -> str:
    if len(text) <= MAX_RUN:
        return text
    # a block of its own per chunk: Qt lays out a paragraph in one piece
    return "".join(f"<div>{chunk}</div>" for chunk in _chunks(text) if chunk)


def bound_html(sanitised: str, cut_note: str = "") -> str:
    """*sanitised* HTML within the limits above; unchanged in meaning for ordinary mail.
    Past :data:`MAX_TEXT` characters of text the rest is left out and *cut_note* added."""
    parser = _Bounder()
    parser.feed(sanitised[:MAX_INPUT])
    parser.close()
    s = parser.s
    s.out.extend(f"</{tag}>" for tag, written in reversed(s.stack) if written)
    if (s.cut or len(sanitised) > MAX_INPUT) and cut_note:
        s.out.append(f"<p><i>{html.escape(cut_note, quote=False)}</i></p>")
    return "".join(s.out)


def bound_text(text: str, cut_note: str = "") -> str:
    """Plain text within :data:`MAX_TEXT` characters (then *cut_note*), lines longer than
    :data:`MAX_RUN` broken (at a space where possible)."""
    cut = len(text) > MAX_TEXT
    text = text[:MAX_TEXT]
    if any(len(line) > MAX_RUN for line in text.split("\n")):
        text = "\n".join(
            "\n".join(_chunks(line)) if len(line) > MAX_RUN else line for line in text.split("\n")
        )
    return f"{text}\n\n{cut_note}" if cut and cut_note else text

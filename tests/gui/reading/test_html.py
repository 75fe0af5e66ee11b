"""Mail HTML: the sanitiser's allow-list and a browser that never fetches remote or local files."""

from __future__ import annotations

import base64
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from pytestqt.qtbot import QtBot

from replytrail.ui.reading.html import SafeMailBrowser, placeholder_image, sanitize_html

pytestmark = pytest.mark.gui


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        del format, args


@pytest.fixture
def web() -> Iterator[tuple[str, list[str]]]:
    """A real HTTP server on loopback that records every request."""
    _Recorder.hits = []
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}", _Recorder.hits
    finally:
        srv.shutdown()
        srv.server_close()
        t.join(5)


def _png(path: Path, w: int, h: int) -> bytes:
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(QColor("red"))
    # PySide6 6.11 types the format as bytes, yet only takes str at run time
    assert img.save(str(path), "PNG")  # type: ignore[call-overload]
    return path.read_bytes()


def test_sanitiser_strips_active_content() -> None:
    dirty = (
        '<p onclick="steal()" style="background:url(http://x.example/a)">Hi'
        "<script>alert(1)</script><style>p{color:red}</style>"
        '<iframe src="https://x.example"></iframe><form action="https://x.example">'
        '<input name="pw"></form><a href="javascript:alert(1)">js</a>'
        '<a href="https://ok.example/x">ok</a><a href="mailto:a@b.example">mail</a>'
        '<a href="file:///etc/passwd">file</a><img src="x" onerror="alert(1)">'
        '<object data="x.swf"></object><svg onload="alert(1)"></svg></p>'
    )
    clean = sanitize_html(dirty)
    low = clean.lower()
    for banned in (
        "<script",
        "alert(1)",
        "<style",
        "<iframe",
        "<form",
        "<input",
        "onclick",
        "onerror",
        "onload",
        "javascript:",
        "file:",
        "style=",
        "<object",
        "<svg",
    ):
        assert banned not in low, banned
    assert 'href="https://ok.example/x"' in clean
    assert 'href="mailto:a@b.example"' in clean
    assert "Hi" in clean


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<script>x()</script>",
                "<img src=x onerror=y()>",
                "<a href='javascript:z'>",
                "<b>",
                "</b>",
                "<p style='x'>",
                "<iframe>",
                "<<script>",
                "text",
                "<svg/onload=1>",
                "'\"",
                '<a href="https://a.example">',
                "<STYLE>",
                "on",
                "load=",
                "<form>",
                "<math>",
            ]
        ),
        max_size=12,
    )
)
def test_sanitiser_never_emits_scripts_or_handlers(parts: list[str]) -> None:
    out = sanitize_html("".join(parts)).lower()
    assert "<script" not in out and "<iframe" not in out and "<form" not in out
    assert "javascript:" not in out and "onerror" not in out and " onload" not in out
    assert "<style" not in out and "style=" not in out


def test_browser_loads_no_remote_file_or_relative_resources(
    qtbot: QtBot, web: tuple[str, list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, hits = web
    local = tmp_path / "local.png"
    _png(local, 40, 30)
    monkeypatch.chdir(tmp_path)  # a relative src would resolve here if it were ever read
    inline = _png(tmp_path / "inline.png", 24, 12)
    data_png = base64.b64encode(_png(tmp_path / "data.png", 7, 5)).decode()
    html = (
        f'<p>remote <img src="{base}/pixel.png" width="40" height="40"></p>'
        f'<p style="background-image:url({base}/bg.png)">bg</p>'
        f'<link rel="stylesheet" href="{base}/style.css">'
        f'<table background="{base}/table.png"><tr><td>t</td></tr></table>'
        f'<p>file <img src="{QUrl.fromLocalFile(str(local)).toString()}"></p>'
        '<p>relative <img src="local.png"></p>'
        f'<p>data <img src="data:image/png;base64,{data_png}"></p>'
        '<p>cid <img src="cid:logo.png@01DA2B3C.4D5E6F70"></p>'
        "<script>fetch('" + base + "/script')</script>"
    )
    b = SafeMailBrowser()
    qtbot.addWidget(b)
    b.resize(500, 400)
    b.set_cid_parts({"logo.png": inline})
    b.show()
    with qtbot.waitSignal(b.rendered, timeout=30_000):  # built in a worker thread
        b.show_html(html)
    qtbot.wait(800)  # give any fetch a chance to happen
    b.grab()
    assert hits == []
    doc = b.document()
    image = QTextDocument.ResourceType.ImageResource.value

    def size_of(url: str) -> tuple[int, int]:
        res = doc.resource(image, QUrl(url))
        assert isinstance(res, QImage), url
        return res.width(), res.height()

    ph = placeholder_image()
    assert size_of(QUrl.fromLocalFile(str(local)).toString()) == (ph.width(), ph.height())
    assert size_of(f"{base}/pixel.png") == (ph.width(), ph.height())
    assert size_of("cid:logo.png@01DA2B3C.4D5E6F70") == (24, 12)
    blocked = b.blocked
    assert any(u.startswith("file:") for u in blocked)
    assert any(u.startswith(base) for u in blocked)
    assert len(blocked) >= 3  # remote, file and relative at least
    assert "fetch(" not in b.toHtml()


def test_links_only_allowed_schemes(qtbot: QtBot) -> None:
    b = SafeMailBrowser()
    qtbot.addWidget(b)
    got: list[str] = []
    b.linkRequested.connect(lambda u: got.append(u.toString()))
    b.anchorClicked.emit(QUrl("https://example.com/x"))
    b.anchorClicked.emit(QUrl("file:///etc/passwd"))
    b.anchorClicked.emit(QUrl("javascript:alert(1)"))
    b.anchorClicked.emit(QUrl("mailto:a@b.example"))
    assert got == ["https://example.com/x", "mailto:a@b.example"]
    assert not b.openLinks() and not b.openExternalLinks()

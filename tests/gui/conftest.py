"""Fixtures shared by the GUI tests."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest


@pytest.fixture
def stuck_https(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """Every HTTPS lookup (autoconfig, ISPDB) goes to a proxy that accepts and never answers,
    so discovery stays busy for its step timeout; yields the proxy's port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(16)
        port = s.getsockname()[1]
        monkeypatch.setenv("https_proxy", f"http://127.0.0.1:{port}")
        monkeypatch.delenv("no_proxy", raising=False)
        yield port

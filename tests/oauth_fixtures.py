"""OAuth fixtures shared by integration and GUI tests: the test authorization server,
Dovecot checking tokens against it, headless Chromium as the browser, a preset naming them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from servers.browser import HeadlessBrowser
from servers.mailservers import free_port, start_lmtp_relay
from servers.oauth_dovecot import OAuthDovecot
from servers.oauth_server import OAuthServer

__all__ = [
    "browser",
    "oauth_dovecot",
    "oauth_dovecot_factory",
    "oauth_server",
    "write_preset",
]


@pytest.fixture
def oauth_server() -> Iterator[OAuthServer]:
    with OAuthServer() as s:
        yield s


@pytest.fixture
def oauth_dovecot_factory(oauth_server: OAuthServer) -> Iterator[Callable[..., OAuthDovecot]]:
    started: list[tuple[OAuthDovecot, Any]] = []

    def make(**kw: Any) -> OAuthDovecot:
        relay_port = free_port()
        d = OAuthDovecot(oauth_server.url + "/introspect", relay_port=relay_port, **kw)
        d.start()
        ctrl, _handler = start_lmtp_relay(d, relay_port)  # submission -> sink -> LMTP
        started.append((d, ctrl))
        return d

    yield make
    for d, ctrl in started:
        ctrl.stop()
        d.cleanup()


@pytest.fixture
def oauth_dovecot(oauth_dovecot_factory: Callable[..., OAuthDovecot]) -> OAuthDovecot:
    """IMAP and submission accepting OAUTHBEARER/XOAUTH2 tokens (introspected) and passwords."""
    return oauth_dovecot_factory()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[HeadlessBrowser]:
    b = HeadlessBrowser(tmp_path / "browser")
    yield b
    b.stop()


def write_preset(
    path: Path, server: OAuthServer, client_id: str = "replytrail-test", **more: Any
) -> Path:
    """A team preset that adds *server* as the sign-in provider "example"."""
    table = {"oauth_providers": {"example": server.provider_table(client_id)}, **more}
    path.write_text(tomli_w.dumps(table))
    return path

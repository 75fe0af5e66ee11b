"""OAuth tests: the test authorization server, Dovecot checking tokens against it, Chromium."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from mailflow import ALICE, Setup
from servers.browser import HeadlessBrowser
from servers.cli import Cli, Result
from servers.keyring import SecretService
from servers.mailservers import free_port, start_lmtp_relay
from servers.oauth_dovecot import OAuthDovecot
from servers.oauth_server import OAuthServer


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


def write_preset(path: Path, server: OAuthServer, client_id: str = "replytrail-test") -> Path:
    path.write_text(tomli_w.dumps({"oauth_providers": {"example": server.provider_table(client_id)}}))
    return path


@pytest.fixture
def ocli(
    data_dir: Path,
    tmp_path: Path,
    secret_service: SecretService,
    oauth_server: OAuthServer,
    browser: HeadlessBrowser,
) -> Cli:
    """The real command line whose team preset adds the test server as provider "example"
    and whose web browser is headless Chromium."""
    preset = write_preset(tmp_path / "preset.toml", oauth_server)
    env = {
        **os.environ,
        "DBUS_SESSION_BUS_ADDRESS": secret_service.address,
        "REPLYTRAIL_PRESET": str(preset),
        **browser.env,
    }
    return Cli(data_dir, env=env)


def oauth_add_args(d: OAuthDovecot, *extra: str, user: str = ALICE) -> list[str]:
    return [
        "account", "add", "--email", user, "--oauth", "example",
        "--imap-host", d.listen, "--imap-port", str(d.ports["imaps"]),
        "--smtp-host", d.listen, "--smtp-port", str(d.ports["submissions"]),
        "--smtp-security", "ssl", "--ca-file", str(d.certs[0]), "--no-discover", *extra,
    ]  # fmt: skip


def add_oauth(cli: Cli, d: OAuthDovecot, *extra: str) -> Result:
    return cli.ok(*oauth_add_args(d, *extra), timeout=180)


@pytest.fixture
def osetup(ocli: Cli, oauth_dovecot: OAuthDovecot) -> Setup:
    """alice signed in through Chromium; a short IDLE refresh, as the engine tests use."""
    add_oauth(ocli, oauth_dovecot)
    ocli.ok("config", "set", "watch.idle_refresh", "5")
    ocli.ok("config", "set", "watch.catchup_interval", "30")
    return Setup(ocli, oauth_dovecot)

"""OAuth integration tests: the CLI with the test server as its provider and Chromium."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mailflow import ALICE, Setup
from oauth_fixtures import write_preset
from servers.browser import HeadlessBrowser
from servers.cli import Cli, Result
from servers.keyring import SecretService
from servers.oauth_dovecot import OAuthDovecot
from servers.oauth_server import OAuthServer


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

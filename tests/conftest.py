"""Fixtures shared by all tests: real Dovecot, PostgreSQL, Secret Service; the CLI as a child."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

from servers.cli import Cli
from servers.disk import SmallDisk
from servers.keyring import SecretService
from servers.mailservers import Dovecot, Postgres, free_port, start_lmtp_relay
from servers.teampg import TeamPg

pytest_plugins = ("oauth_fixtures",)  # the OAuth authorization server, its Dovecot, Chromium


@pytest.fixture(scope="session")
def secret_service() -> Iterator[SecretService]:
    """A real, unlocked GNOME Keyring on a private session bus, for the whole run."""
    svc = SecretService()
    svc.start()
    old = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = svc.address
    yield svc
    if old is None:
        os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
    else:
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = old
    svc.stop()


@pytest.fixture
def dovecot() -> Iterator[Dovecot]:
    """IMAP(S)/POP3(S)/LMTP/submission(s) on 127.0.0.1 with a test CA (~0.1 s up); submission
    relays into a sink that delivers over LMTP, so mail sent to a local user arrives."""
    relay_port = free_port()
    d = Dovecot(relay_port=relay_port)
    d.start()
    ctrl, _handler = start_lmtp_relay(d, relay_port)
    try:
        yield d
    finally:
        ctrl.stop()
        d.cleanup()


@pytest.fixture
def pop3_only() -> Iterator[Dovecot]:
    """A provider that offers only POP3 (LMTP kept for delivery; clients don't see it)."""
    with Dovecot(protocols="pop3 lmtp") as d:
        yield d


@pytest.fixture
def mail_stack() -> Iterator[Dovecot]:
    """Dovecot on 127.0.0.2 (not 'secured': no plaintext login, like a real provider) with
    submission relaying into a sink that hands mail to LMTP."""
    relay_port = free_port()
    d = Dovecot(listen="127.0.0.2", plaintext_auth=False, relay_port=relay_port)
    d.start()
    ctrl, _handler = start_lmtp_relay(d, relay_port)
    try:
        yield d
    finally:
        ctrl.stop()
        d.cleanup()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Postgres]:
    p = Postgres()
    p.start()
    yield p
    p.cleanup()


@pytest.fixture(scope="session")
def team_pg() -> Iterator[TeamPg]:
    """A team-store PostgreSQL: TLS with a test CA, SCRAM passwords; a database per test."""
    pg = TeamPg()
    pg.start()
    yield pg
    pg.cleanup()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    """A real 16 MiB tmpfs (root) that a test can fill and free; unmounted afterwards."""
    disk = SmallDisk(tmp_path / "small-disk", 16 * 1024 * 1024).mount()
    try:
        yield disk
    finally:
        disk.unmount()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


@pytest.fixture
def cli(data_dir: Path, secret_service: SecretService) -> Cli:
    """The real command line on a fresh data dir, with the real keyring."""
    return Cli(data_dir, env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": secret_service.address})


def account_args(
    d: Dovecot,
    user: str = "alice@example.test",
    *,
    smtp_port: int | None = None,
    security: str = "ssl",
) -> list[str]:
    """``account add`` options that point at a test Dovecot with its CA."""
    imap_port = d.ports["imaps"] if security == "ssl" else d.ports["imap"]
    args = [
        "account",
        "add",
        "--email",
        user,
        "--imap-host",
        d.listen,
        "--imap-port",
        str(imap_port),
        "--imap-security",
        security,
        "--smtp-host",
        d.listen,
        "--ca-file",
        str(d.certs[0]),
        "--no-discover",
        "--password-stdin",
    ]
    if smtp_port is not None:
        args += ["--smtp-port", str(smtp_port), "--smtp-security", "starttls"]
    return args


#: fixtures that start a real server (or need one): a test using any of them, directly or
#: through another fixture, must carry the ``servers`` marker (``-m "not servers"`` then
#: really runs without servers)
SERVER_FIXTURES = frozenset(
    {"dovecot", "pop3_only", "mail_stack", "pg_server", "secret_service", "mailnet"}
    # tests/oauth_fixtures.py: the authorization server, its Dovecot, headless Chromium
    | {"oauth_server", "oauth_dovecot", "oauth_dovecot_factory", "browser"}
)


def unmarked_server_use(item: pytest.Item) -> list[str]:
    """The server fixtures *item* uses although it is not marked ``servers``."""
    used = SERVER_FIXTURES & set(getattr(item, "fixturenames", ()))
    return sorted(used) if used and item.get_closest_marker("servers") is None else []


def pytest_runtest_setup(item: pytest.Item) -> None:
    used = unmarked_server_use(item)
    if used:
        pytest.fail(
            f"{item.nodeid} uses {', '.join(used)} but is not marked "
            "'servers' (pytestmark = pytest.mark.servers)",
            pytrace=False,
        )


# As the app does (replytrail/qt/collector.py): Python's cycle collector runs on the main
# (GUI) thread only, between tests, so no engine or render thread ever frees a cycle that
# holds a Qt object (which destroys it on the wrong thread: a crash, not an exception).
_GC_THRESHOLD = gc.get_threshold()
gc.disable()


def pytest_runtest_teardown(item: pytest.Item) -> None:
    from replytrail.qt.collector import collect_due

    collect_due(_GC_THRESHOLD)

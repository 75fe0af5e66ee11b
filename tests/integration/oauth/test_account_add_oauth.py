"""``account add --oauth``: the browser step in real headless Chromium, the device code, errors."""

from __future__ import annotations

import subprocess
import tomllib
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from mailflow import ALICE, wait_for
from oauth_fixtures import write_preset
from servers.browser import HeadlessBrowser
from servers.cli import Cli
from servers.keyring import SecretService, stored_secrets
from servers.oauth_dovecot import OAuthDovecot
from servers.oauth_server import OAuthServer

from .conftest import add_oauth, oauth_add_args

pytestmark = pytest.mark.servers


def _files_containing(root: Path, needles: list[str]) -> list[Path]:
    out = []
    for p in root.rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            out += [p for n in needles if n.encode() in data]
    return out


def _ours(svc: SecretService, server: OAuthServer) -> list[str]:
    """The keyring's secrets that are tokens of this test's server (the keyring is shared)."""
    return [s for s in stored_secrets(svc) if s in server.tokens]


def _accounts(cli: Cli) -> list[dict[str, object]]:
    f = cli.data_dir / "accounts.toml"
    return tomllib.loads(f.read_text())["account"] if f.exists() else []


def test_sign_in_in_chromium_keeps_refresh_token_only_in_keyring(
    ocli: Cli,
    oauth_server: OAuthServer,
    oauth_dovecot: OAuthDovecot,
    browser: HeadlessBrowser,
    secret_service: SecretService,
) -> None:
    r = add_oauth(ocli, oauth_dovecot)
    assert "signed in with Example ID" in r.out
    # a real browser loaded the sign-in page, submitted it and followed the redirect
    assert any("HeadlessChrome" in a for a in oauth_server.browser_agents)
    (url,) = browser.urls()
    q = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))
    assert q["code_challenge_method"] == "S256" and len(q["code_challenge"]) == 43
    assert q["redirect_uri"].startswith("http://127.0.0.1:") and q["login_hint"] == ALICE
    (account,) = _accounts(ocli)
    assert account["auth"] == "oauth2" and account["oauth_provider"] == "example"
    (refresh,) = oauth_server.active_refresh_tokens(ALICE)
    assert _ours(secret_service, oauth_server) == [refresh]
    every_token = list(oauth_server.tokens)
    assert _files_containing(ocli.data_dir, every_token) == []
    assert not any(t in r.out + r.err for t in every_token)
    t = ocli.ok("account", "test")
    assert "IMAP ok" in t.out and "SMTP ok" in t.out
    assert not any(t_ in t.out + t.err for t_ in oauth_server.tokens)
    assert "method=OAUTHBEARER" in oauth_dovecot.log()  # preferred when both are offered
    # account test refreshed once (a new process) and the refresh token rotated
    (rotated,) = oauth_server.active_refresh_tokens(ALICE)
    assert rotated != refresh and _ours(secret_service, oauth_server) == [rotated]
    doctor = ocli("doctor")
    assert f"{ALICE} IMAP" in doctor.out and "login ok" in doctor.out


def test_xoauth2_when_the_server_offers_only_that(
    ocli: Cli, oauth_dovecot_factory: Callable[..., OAuthDovecot], oauth_server: OAuthServer
) -> None:
    d = oauth_dovecot_factory(mechanisms="xoauth2")
    add_oauth(ocli, d)
    log = d.log()
    assert "method=XOAUTH2" in log and "method=OAUTHBEARER" not in log


def test_device_code_with_the_test_playing_the_user(
    ocli: Cli, oauth_server: OAuthServer, oauth_dovecot: OAuthDovecot, browser: HeadlessBrowser
) -> None:
    p = ocli.popen(*oauth_add_args(oauth_dovecot, "--device-code"))
    try:
        assert p.stdout is not None
        line = p.stdout.readline()
        assert "enter the code" in line, line
        code = line.rsplit(" ", 1)[1].strip()
        verification = line.split("open ", 1)[1].split(" ", 1)[0]
        form = urllib.parse.urlencode({"user_code": code, "user": ALICE}).encode()
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(verification, data=form, timeout=10) as resp:  # the user types it in
            assert resp.status == 200
        out, err = p.communicate(timeout=120)
    finally:
        if p.poll() is None:
            p.kill()
            p.communicate()
    assert p.returncode == 0, err
    assert "signed in with Example ID" in out
    assert browser.urls() == []  # no browser needed
    assert oauth_server.count("/token", grant_type="urn:ietf:params:oauth:grant-type:device_code")
    assert _accounts(ocli)[0]["auth"] == "oauth2"


def test_wrong_account_chosen_in_the_browser_saves_nothing(
    ocli: Cli,
    oauth_server: OAuthServer,
    oauth_dovecot: OAuthDovecot,
    secret_service: SecretService,
) -> None:
    oauth_server.approve_as = "bob@example.test"
    r = ocli(*oauth_add_args(oauth_dovecot), timeout=180)
    assert r.code == 1
    assert r.err.count("\n") == 1 and "bob@example.test" in r.err and ALICE in r.err
    assert _accounts(ocli) == [] and _ours(secret_service, oauth_server) == []


def test_user_says_no_and_admin_consent_in_plain_words(
    ocli: Cli, oauth_server: OAuthServer, oauth_dovecot: OAuthDovecot
) -> None:
    oauth_server.deny_next = True
    r = ocli(*oauth_add_args(oauth_dovecot), timeout=180)
    assert r.code == 1 and "did not work: the user said no" in r.err
    oauth_server.consent_required_next = True
    r = ocli(*oauth_add_args(oauth_dovecot), timeout=180)
    assert r.code == 1 and "administrator must first allow" in r.err
    assert _accounts(ocli) == []


def test_without_client_id_it_says_what_to_register(
    ocli: Cli, oauth_server: OAuthServer, oauth_dovecot: OAuthDovecot, tmp_path: Path
) -> None:
    write_preset(tmp_path / "preset.toml", oauth_server, client_id="")
    r = ocli(*oauth_add_args(oauth_dovecot))
    assert r.code == 1
    assert "needs a client id" in r.err and oauth_server.url + "/apps" in r.err
    assert "http://127.0.0.1" in r.err and "public client" in r.err
    assert oauth_server.log == []  # nothing was even tried
    r = ocli("account", "add", "--email", ALICE, "--oauth", "microsoft", "--no-discover")
    assert r.code == 1 and "oauth.microsoft.client_id" in r.err


def test_refresh_token_not_in_process_arguments(
    ocli: Cli, oauth_server: OAuthServer, oauth_dovecot: OAuthDovecot
) -> None:
    add_oauth(ocli, oauth_dovecot)
    w = ocli.popen("--verbose", "watch")
    try:
        wait_for(lambda: oauth_server.count("/token", grant_type="refresh_token"), 60)
        argv = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
        assert not any(t in argv for t in oauth_server.tokens)
    finally:
        w.terminate()
        w.communicate(timeout=10)

"""The watcher and sender over OAuth: IDLE, SMTP, token expiry, revoked grant, server down."""

from __future__ import annotations

import queue
import subprocess
import threading
import time

import pytest

from mailflow import ALICE, BOB, Setup, reply, stop, wait_for
from servers.oauth_server import OAuthServer

pytestmark = pytest.mark.servers


class Lines:
    """A watch process's stdout, read by a thread as it comes (one line per event)."""

    def __init__(self, p: subprocess.Popen[str]) -> None:
        self.p = p
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.p.stdout is not None
        for line in self.p.stdout:
            self.lines.put(line)

    def finish(self) -> str:
        """End the process (if it still runs); its stderr."""
        if self.p.poll() is None:
            self.p.terminate()
        self.p.wait(timeout=10)
        assert self.p.stderr is not None and self.p.stdout is not None
        err = self.p.stderr.read()
        self.p.stderr.close()
        self.p.stdout.close()
        return err

    def wait(self, text: str, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                break
            self.seen.append(line)
            if text in line:
                return line
        raise AssertionError(f"no line with {text!r}; seen: {self.seen[-10:]}")


def _kick(setup: Setup) -> None:
    """The provider ends the sessions (as Microsoft does when a token expires)."""
    setup.dovecot.doveadm("kick", ALICE)


def test_reply_logged_over_oauth_idle_and_send_through_oauth_smtp(
    osetup: Setup, oauth_server: OAuthServer
) -> None:
    w = osetup.watch()
    try:
        msgid = osetup.send()
        r = reply(msgid)
        osetup.deliver(r)
        wait_for(lambda: len(osetup.logged()) == 2, 60, "the reply to be logged")
    finally:
        out, err = stop(w)
    assert f"logged in <- {BOB}" in out
    log = osetup.dovecot.log()
    assert "imap-login: Info: Login: user=<alice@example.test>, method=OAUTHBEARER" in log
    assert "submission-login: Info: Login: user=<alice@example.test>, method=OAUTHBEARER" in log
    assert not any(t in out + err for t in oauth_server.tokens)


def test_token_expiring_mid_watch_is_refreshed_and_the_reply_logged_once(
    osetup: Setup, oauth_server: OAuthServer
) -> None:
    msgid = osetup.send()
    oauth_server.access_ttl = 3  # tokens from now on live 3 s
    earlier = set(oauth_server.tokens)
    w = osetup.watch()
    lines = Lines(w)
    try:
        lines.wait(f"state {ALICE} watching")
        before = oauth_server.count("/token", grant_type="refresh_token")
        in_use = [
            t for t, v in oauth_server.tokens.items() if v.kind == "access" and t not in earlier
        ]
        assert in_use  # the watcher refreshed when it started (a new process)
        wait_for(lambda: not any(oauth_server.active(t) for t in in_use), 30, "tokens to expire")
        _kick(osetup)
        osetup.deliver(reply(msgid))  # arrives while the watcher is away
        wait_for(lambda: len(osetup.logged()) == 2, 60, "the reply to be logged")
        lines.wait(f"state {ALICE} watching")
    finally:
        err = lines.finish()
    assert oauth_server.count("/token", grant_type="refresh_token") > before
    assert len(osetup.logged()) == 2
    assert osetup.rows("SELECT count(*) FROM emails WHERE direction = 'in'") == [(1,)]
    assert "stopped" not in err and "Sign in again" not in err


def test_revoked_grant_stops_the_account_with_sign_in_again(
    osetup: Setup, oauth_server: OAuthServer
) -> None:
    w = osetup.watch()
    lines = Lines(w)
    try:
        lines.wait(f"state {ALICE} watching")
        oauth_server.revoke_grant(ALICE)
        _kick(osetup)
        lines.wait(f"state {ALICE} error")
        w.wait(timeout=30)  # the only account stopped: watch ends
    finally:
        err = lines.finish()
    assert w.returncode == 1
    assert "Sign in again" in err, err
    # no retry loop: after the refusal the server saw no more refresh attempts than needed
    refreshes = oauth_server.count("/token", grant_type="refresh_token")
    t = osetup.cli("account", "test")
    assert t.code == 1 and "Sign in again" in t.err
    assert oauth_server.count("/token", grant_type="refresh_token") == refreshes + 1


def test_authorization_server_down_is_temporary_and_recovers_by_itself(
    osetup: Setup, oauth_server: OAuthServer
) -> None:
    msgid = osetup.send()
    osetup.cli.ok("config", "set", "watch.backoff_max", "2")
    w = osetup.watch()
    lines = Lines(w)
    try:
        lines.wait(f"state {ALICE} watching")
        oauth_server.stop()
        _kick(osetup)
        offline = lines.wait("tries again by itself")  # after the kick's "connection reset"
        assert f"state {ALICE} offline" in offline and "temporary" in offline, offline
        t = osetup.cli("account", "test")  # a new process must refresh: endpoint unreachable
        assert t.code == 1 and "cannot be reached right now" in t.err, t.err
        oauth_server.start()  # same port, same tokens
        lines.wait(f"state {ALICE} watching", 90)
        osetup.deliver(reply(msgid))
        wait_for(lambda: len(osetup.logged()) == 2, 60, "the reply to be logged")
    finally:
        err = lines.finish()
    assert "Sign in again" not in err and "stopped" not in err

"""Watcher edge cases against Dovecot: no IDLE, UIDVALIDITY change, log-since, relay rewrites."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest

from mailflow import ALICE, Setup, reply, stop, wait_for
from replytrail.core.mail.watcher import Backoff
from servers.cli import Cli
from servers.mailservers import Dovecot, free_port, start_lmtp_relay

pytestmark = pytest.mark.servers

# Dovecot 2.3's post-login capabilities without IDLE: a server that cannot push
NO_IDLE = (
    "imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE SORT THREAD=REFERENCES "
    "MULTIAPPEND UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE "
    "QRESYNC ESEARCH SEARCHRES WITHIN LIST-STATUS BINARY MOVE SPECIAL-USE"
)


@pytest.fixture
def no_idle_setup(cli: Cli) -> Iterator[Setup]:
    relay = free_port()
    d = Dovecot(relay_port=relay, extra_conf=NO_IDLE)
    d.start()
    ctrl, _ = start_lmtp_relay(d, relay)
    try:
        cli.add_dovecot_account(d)
        cli.ok("config", "set", "watch.poll_interval", "1")
        yield Setup(cli, d)
    finally:
        ctrl.stop()
        d.cleanup()


def test_without_idle_the_watcher_polls(no_idle_setup: Setup) -> None:
    s = no_idle_setup
    tested = s.cli.ok("account", "test").out
    assert "IDLE no" in tested and "polling" in tested
    msgid = s.send()
    w = s.watch()
    try:
        wait_for(lambda: s.rows("SELECT count(*) FROM checkpoints") == [(2,)], what="connected")
        s.deliver(reply(msgid, msgid="<polled@example.test>"))
        wait_for(lambda: "<polled@example.test>" in s.logged(), timeout=10, what="polled reply")
    finally:
        stop(w)


def test_uidvalidity_change_rescans_without_duplicates(setup: Setup) -> None:
    msgid = setup.send()
    setup.deliver(reply(msgid, msgid="<before-reset@example.test>"))
    setup.cli.ok("watch", "--once")
    (old,) = setup.rows("SELECT uidvalidity FROM checkpoints WHERE folder = 'INBOX'")
    setup.dovecot.doveadm("mailbox", "update", "-u", ALICE, "--uid-validity", "777", "INBOX")
    setup.deliver(reply(msgid, msgid="<after-reset@example.test>"))
    setup.cli.ok("watch", "--once")
    assert setup.rows("SELECT uidvalidity FROM checkpoints WHERE folder = 'INBOX'") == [(777,)]
    assert old != (777,)
    logged = setup.logged()
    assert "<after-reset@example.test>" in logged and "<before-reset@example.test>" in logged
    assert setup.rows("SELECT count(*) FROM emails") == [(3,)]  # sent + 2 replies, once each


def test_first_scan_goes_back_only_to_log_since(setup: Setup) -> None:
    msgid = setup.send()
    setup.dovecot.seed_maildir(
        ALICE,
        [
            reply(msgid, msgid="<old-reply@example.test>"),
            reply(msgid, msgid="<new-reply@example.test>"),
        ],
    )
    files = sorted((setup.dovecot.maildir(ALICE) / "cur").iterdir())
    sixty_days_ago = time.time() - 60 * 86400
    os.utime(files[0], (sixty_days_ago, sixty_days_ago))  # maildir INTERNALDATE = mtime
    setup.cli.ok("watch", "--once")
    logged = setup.logged()
    assert "<new-reply@example.test>" in logged
    assert "<old-reply@example.test>" not in logged


def test_relay_rewritten_message_id_is_read_back_from_sent(setup: Setup) -> None:
    msgid = setup.send()
    # what a relay that rewrites Message-IDs (Amazon SES) leaves in the provider's Sent copy
    copy = reply(
        "",
        msgid="<0100018c-rewritten@email.amazonses.example>",
        sender=ALICE,
        subject="Angebot",
        extra={"X-Replytrail-Id": msgid},
    )
    with setup.imap() as c:
        c.append("Sent", copy)
    setup.cli.ok("watch", "--once")
    assert setup.rows(
        "SELECT thread_id FROM tracked_ids WHERE message_id = ?",
        ("<0100018c-rewritten@email.amazonses.example>",),
    ) == setup.rows("SELECT thread_id FROM emails WHERE message_id = ?", (msgid,))
    setup.deliver(
        reply(
            "<0100018c-rewritten@email.amazonses.example>",
            msgid="<answer-to-ses@example.test>",
            subject="Re: something",
        )
    )
    setup.cli.ok("watch", "--once")
    assert setup.logged()["<answer-to-ses@example.test>"] == ("in", "in-reply-to", "email")


def test_backoff_doubles_with_jitter_up_to_five_minutes() -> None:
    b = Backoff(maximum=300.0)
    delays = [b.next() for _ in range(12)]
    for n, d in enumerate(delays):
        ceiling = min(300.0, 2.0**n)
        assert ceiling / 2 <= d <= ceiling
    assert max(delays) <= 300.0 and delays[-1] >= 150.0
    b.reset()
    assert b.next() <= 1.0

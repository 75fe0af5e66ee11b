"""The engine end to end against a real Dovecot: send, watch over IDLE, match, log (issue #3)."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from mailflow import ALICE, BOB, Lines, Setup, reply, stop, wait_for

pytestmark = pytest.mark.servers


def test_send_then_reply_is_logged_with_attachment(setup: Setup) -> None:
    w = setup.watch()
    try:
        msgid = setup.send()
        assert msgid.startswith("<") and msgid.endswith("@example.test>")
        assert setup.logged()[msgid] == ("out", "sent", "email")
        assert setup.rows("SELECT status FROM emails WHERE message_id = ?", (msgid,)) == [("sent",)]
        pdf = b"%PDF-1.4 Auftrag " + b"x" * 5000
        r = reply(msgid, attachment=pdf)
        setup.deliver(r)
        wait_for(lambda: len(setup.logged()) == 2, what="the reply to be logged")
    finally:
        out, _err = stop(w)
    (rid,) = [k for k in setup.logged() if k != msgid]
    assert setup.logged()[rid] == ("in", "in-reply-to", "email")
    tl = setup.cli.ok("timeline", BOB, "--json").json()
    assert [e["message_id"] for e in tl] == [rid, msgid]
    assert tl[0]["attachments"][0]["filename"] == "Auftrag.pdf"
    assert tl[0]["attachments"][0]["size"] == len(pdf)
    assert "Danke, passt." in tl[0]["body_text"]
    assert f"logged in <- {BOB} {rid} [in-reply-to]" in out
    # after catching up on the new mail the account is reported as watching again
    after = out[out.index(f"logged in <- {BOB} {rid}") :]
    assert f"state {ALICE} watching" in after
    # the copy in Sent was appended by Replytrail (Dovecot does not file SMTP mail itself)
    with setup.imap() as c:
        c.select_folder("Sent", readonly=True)
        assert len(c.search(["HEADER", "Message-ID", msgid])) == 1


def test_unrelated_mail_stores_nothing_and_keeps_seen_flags(setup: Setup) -> None:
    token = "UNMATCHED-BODY-TOKEN-7f3a9c"
    msgid = setup.send()
    setup.deliver(reply("", subject="Newsletter November", body=token, sender="x@other.example"))
    setup.deliver(
        reply("<not-tracked@example.org>", subject="Re: Messe in Hannover", body=token + " again")
    )
    setup.cli.ok("watch", "--once")
    assert set(setup.logged()) == {msgid}
    for f in Path(setup.cli.data_dir).rglob("*"):
        if f.is_file():
            assert token.encode() not in f.read_bytes(), f"unmatched body leaked into {f}"
    with setup.imap() as c:
        c.select_folder("INBOX", readonly=True)
        flags = c.get_flags(c.search("ALL"))
        assert flags and all(b"\\Seen" not in f for f in flags.values())


def test_same_reply_delivered_twice_is_logged_once(setup: Setup) -> None:
    msgid = setup.send()
    r = reply(msgid, msgid="<dup-1@example.test>")
    setup.deliver(r)
    setup.deliver(r)
    setup.cli.ok("watch", "--once")
    setup.cli.ok("watch", "--once")  # a re-scan logs nothing new
    assert list(setup.logged()).count("<dup-1@example.test>") == 1
    assert setup.rows("SELECT count(*) FROM emails") == [(2,)]


def test_watcher_killed_then_restarted_catches_up_exactly_once(setup: Setup) -> None:
    msgid = setup.send()
    w = setup.watch()
    setup.deliver(reply(msgid, msgid="<before-kill@example.test>"))
    wait_for(lambda: "<before-kill@example.test>" in setup.logged(), what="first reply")
    w.send_signal(signal.SIGKILL)
    w.communicate(timeout=10)
    setup.deliver(reply(msgid, msgid="<while-dead-1@example.test>"))
    setup.deliver(reply(msgid, msgid="<while-dead-2@example.test>"))
    w = setup.watch()
    try:
        wait_for(
            lambda: (
                {"<while-dead-1@example.test>", "<while-dead-2@example.test>"}
                <= set(setup.logged())
            ),
            what="catch-up after restart",
        )
    finally:
        stop(w)
    assert setup.rows("SELECT count(*) FROM emails") == [(4,)]


def test_dovecot_restart_mid_idle_reconnects(setup: Setup) -> None:
    msgid = setup.send()
    w = setup.watch()
    out, err = Lines(w.stdout), Lines(w.stderr)
    watching = f"state {ALICE} watching"
    try:
        # both folders in IDLE (each says "watching" once it got there)
        wait_for(lambda: out.lines.count(watching) >= 2, 30, "both watchers in IDLE")
        setup.dovecot.stop()
        wait_for(lambda: any(" offline" in ln for ln in out.lines), 30, "the server gone")
        setup.dovecot.start()
        setup.deliver(reply(msgid, msgid="<after-restart@example.test>"))
        wait_for(
            lambda: "<after-restart@example.test>" in setup.logged(),
            timeout=30,
            what="reply after the server restart",
        )
    finally:
        w.send_signal(signal.SIGTERM)
        w.wait(timeout=10)
        out.done()
        err.done()


def test_sigterm_stops_within_two_seconds(setup: Setup) -> None:
    w = setup.watch()
    wait_for(
        lambda: setup.rows("SELECT count(*) FROM checkpoints") == [(2,)], what="watcher connected"
    )
    t0 = time.monotonic()
    w.send_signal(signal.SIGTERM)
    w.communicate(timeout=10)
    assert time.monotonic() - t0 < 2.0
    assert w.returncode == 0


def test_wrong_password_stops_the_account_with_a_clear_message(setup: Setup) -> None:
    setup.dovecot.users["alice@example.test"] = "changed-on-the-server"
    setup.dovecot.write_config()  # passwd file re-read by the auth process on each login
    w = setup.watch()
    try:
        _out, err = w.communicate(timeout=20)
    finally:
        if w.poll() is None:
            w.kill()
    assert w.returncode == 1
    assert "Wrong user name or password" in err
    assert len([line for line in err.splitlines() if "password" in line]) == 1  # no retry loop


def test_one_malformed_message_among_1000(setup: Setup) -> None:
    msgid = setup.send()
    msgs = [reply(msgid, msgid=f"<bulk-{i}@example.test>") for i in range(1000)]
    msgs[500] = (
        b"From: \xff\xfe\x00garbage\r\nIn-Reply-To: "
        + msgid.encode()
        + b'\r\nContent-Type: multipart/mixed; boundary="\r\nMessage-ID: <bad@x>\r\n\r\n'
        + b"--\x00\x01" * 1000
    )
    setup.dovecot.seed_maildir(ALICE, msgs)
    r = setup.cli("watch", "--once")
    assert r.code == 0, r.err
    logged = setup.logged()
    good = [f"<bulk-{i}@example.test>" for i in range(1000) if i != 500]
    assert all(g in logged for g in good)
    assert setup.rows("SELECT count(*) FROM emails WHERE message_id LIKE '<bulk-%'") == [(999,)]


def test_own_reply_from_another_program_found_in_sent(setup: Setup) -> None:
    msgid = setup.send()
    setup.deliver(reply(msgid, msgid="<cust-1@example.test>"))
    own = reply(
        "<cust-1@example.test>",
        sender=ALICE,
        msgid="<own-cont@example.test>",
        subject="Re: Angebot",
        body="Gerne, anbei.",
    )
    own = own.replace(b"To: Alice <alice@example.test>", b"To: Bob <bob@example.test>")
    with setup.imap() as c:
        c.append("Sent", own)
    setup.cli.ok("watch", "--once")
    assert setup.logged()["<own-cont@example.test>"] == ("out", "in-reply-to", "email")


def test_bcc_logging_address(setup: Setup) -> None:
    m = reply("", sender=ALICE, msgid="<from-outlook@example.test>", subject="Preisliste")
    m = m.replace(b"To: Alice <alice@example.test>", b"To: Bob <bob@example.test>")
    setup.deliver(m, rcpt="alice+log@example.test")
    setup.cli.ok("watch", "--once")
    assert setup.logged()["<from-outlook@example.test>"] == ("out", "bcc", "email")
    # and the customer's answer to it is now a tracked reply
    setup.deliver(reply("<from-outlook@example.test>", msgid="<ans@example.test>"))
    setup.cli.ok("watch", "--once")
    assert setup.logged()["<ans@example.test>"] == ("in", "in-reply-to", "email")


def test_auto_reply_and_bounce(setup: Setup) -> None:
    msgid = setup.send()
    setup.deliver(
        reply(
            msgid,
            msgid="<ooo@example.test>",
            subject="Abwesenheitsnotiz: Angebot",
            extra={"Auto-Submitted": "auto-replied"},
        )
    )
    dsn = (
        "From: Mail Delivery System <MAILER-DAEMON@example.test>\r\n"
        "To: alice@example.test\r\nSubject: Undelivered Mail Returned to Sender\r\n"
        "Message-ID: <dsn-1@example.test>\r\nDate: Thu, 26 Nov 2026 10:00:00 +0000\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
        "--B\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n"
        "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.test"
        "\r\n\r\nFinal-Recipient: rfc822; bob@example.test\r\nAction: failed\r\n"
        "Status: 5.1.1\r\n\r\n"
        f"--B\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: {msgid}\r\n"
        "From: alice@example.test\r\nTo: bob@example.test\r\nSubject: Angebot\r\n\r\n--B--\r\n"
    ).encode()
    setup.deliver(dsn)
    setup.cli.ok("watch", "--once")
    logged = setup.logged()
    assert logged["<ooo@example.test>"][2] == "auto-reply"
    assert logged["<dsn-1@example.test>"][2] == "bounce"
    assert setup.rows("SELECT status FROM emails WHERE message_id = ?", (msgid,)) == [("bounced",)]
    contacts = setup.cli.ok("contacts", "--json").json()
    assert [c["email"] for c in contacts] == [BOB]
    assert contacts[0]["bounced"] is True

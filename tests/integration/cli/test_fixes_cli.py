"""``contact edit|merge`` and ``email confirm|unlink`` with the real watcher on Dovecot."""

from __future__ import annotations

import pytest

from mailflow import ALICE, Setup, reply
from servers.cli import Cli
from servers.mailservers import Dovecot

pytestmark = pytest.mark.servers


@pytest.fixture
def setup(cli: Cli, dovecot: Dovecot) -> Setup:
    cli.add_dovecot_account(dovecot)
    return Setup(cli, dovecot)


def test_unlinked_email_is_not_logged_again_after_a_rescan(setup: Setup) -> None:
    setup.send(subject="Angebot Fräsmaschine")
    guess = reply("", msgid="<guess@example.test>", subject="AW: Angebot Fräsmaschine")
    setup.deliver(guess)
    setup.cli.ok("watch", "--once")
    assert setup.logged()["<guess@example.test>"] == ("in", "subject", "email")
    setup.cli.ok("email", "unlink", "<guess@example.test>")
    assert "<guess@example.test>" not in setup.logged()
    # the server renumbers the folder: everything is scanned again, the email stays out
    setup.dovecot.doveadm("mailbox", "update", "-u", ALICE, "--uid-validity", "777", "INBOX")
    setup.cli.ok("watch", "--once")
    assert "<guess@example.test>" not in setup.logged()
    missing = setup.cli("email", "unlink", "<guess@example.test>")
    assert missing.code == 1 and missing.err.count("\n") == 1


def test_confirm_edit_and_merge(setup: Setup) -> None:
    setup.send(subject="Angebot Fräsmaschine")
    setup.deliver(reply("", msgid="<guess@example.test>", subject="AW: Angebot Fräsmaschine"))
    setup.cli.ok("watch", "--once")
    setup.cli.ok("email", "confirm", "<guess@example.test>")
    (e,) = [x for x in setup.cli.ok("timeline", "bob@example.test", "--json").json()
            if x["message_id"] == "<guess@example.test>"]  # fmt: skip
    assert e["match"] == "confirmed" and e["low_confidence"] is False
    again = setup.cli("email", "confirm", "<guess@example.test>")
    assert again.code == 1 and "not matched by subject" in again.err
    setup.cli.ok("contact", "edit", "bob@example.test", "--name", "Bob Kunde-Meier")
    # an email to Bob's other address, logged by Bcc from another mail program
    m = reply("", sender=ALICE, msgid="<privat@example.test>", subject="Zweites Angebot")
    m = m.replace(b"To: Alice <alice@example.test>", b"To: Bob <bob.privat@firma.example>")
    setup.deliver(m, rcpt="alice+log@example.test")
    setup.cli.ok("watch", "--once")
    assert len(setup.cli.ok("contacts", "--json").json()) == 2
    setup.cli.ok("contact", "merge", "bob@example.test", "bob.privat@firma.example")
    contacts = setup.cli.ok("contacts", "--json").json()
    assert [(c["email"], c["name"], c["emails"]) for c in contacts] == [
        ("bob@example.test", "Bob Kunde-Meier", 3)
    ]
    usage = setup.cli("contact", "edit", "bob@example.test")
    assert usage.code == 1 and usage.err.count("\n") == 1

"""Outgoing mail that looks professional (issue 8.9), through the real submission server."""

from __future__ import annotations

import dataclasses
from email import message_from_bytes
from email.utils import parseaddr

import pytest

from mailflow import ALICE, BOB, Setup, wait_for
from replytrail.core.accounts import AccountRegistry
from servers.cli import Cli
from servers.mailservers import Dovecot

pytestmark = pytest.mark.servers


@pytest.fixture
def setup(cli: Cli, dovecot: Dovecot) -> Setup:
    cli.add_dovecot_account(dovecot)
    return Setup(cli, dovecot)


def test_the_refused_address_is_named_and_the_email_marked_failed(setup: Setup) -> None:
    r = setup.cli("send", "--to", "bob.privat@firma.example", "--subject", "Angebot", "--body", "x")
    assert r.code == 1 and r.err.count("\n") == 1
    assert "did not accept bob.privat@firma.example" in r.err
    assert "answered in a way" not in r.err
    assert setup.rows("SELECT status FROM emails") == [("failed",)]


def test_sender_name_in_from(setup: Setup) -> None:
    registry = AccountRegistry(setup.cli.data_dir / "accounts.toml")
    registry.save(dataclasses.replace(registry.get(ALICE), sender_name="Alice Vertrieb"))
    setup.send(subject="Angebot mit Namen")
    with setup.imap(BOB, "bobpw") as c:
        c.select_folder("INBOX", readonly=True)
        uids = wait_for(lambda: c.search(["SUBJECT", "Angebot mit Namen"]) or (c.noop() and []))
        raw = c.fetch(uids, ["BODY.PEEK[HEADER]"])[uids[0]][b"BODY[HEADER]"]
    assert parseaddr(message_from_bytes(raw)["From"]) == ("Alice Vertrieb", ALICE)

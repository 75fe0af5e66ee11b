"""Forward to a CRM's drop address, end to end: real Dovecot, real SMTP, the real CLI watcher."""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage

import pytest

from integration.handoff.conftest import CRM, CrmSetup
from mailflow import ALICE, BOB, reply, stop, wait_for

pytestmark = pytest.mark.servers

PDF = b"%PDF-1.4 Auftrag " + bytes(range(256)) * 20


def crm_inbox(s: CrmSetup) -> list[EmailMessage]:
    with s.imap(CRM, "crmpw") as c:
        c.select_folder("INBOX", readonly=True)
        uids = c.search("ALL")
        got = c.fetch(uids, ["BODY.PEEK[]"]) if uids else {}
    return [
        email.message_from_bytes(got[u][b"BODY[]"], policy=email.policy.default)
        for u in sorted(got)
    ]


def bob_inbox_count(s: CrmSetup) -> int:
    with s.imap(BOB, "bobpw") as c:
        c.select_folder("INBOX", readonly=True)
        return len(c.search("ALL"))


def test_reply_is_forwarded_inline_with_headers_body_and_attachment(crm_setup: CrmSetup) -> None:
    s = crm_setup
    s.cli.ok("handoff", "add", "hubspot", "--forward", CRM, "--preset", "hubspot")
    w = s.watch()
    try:
        sent = s.send("Angebot Fräsmaschine")
        s.deliver(reply(sent, body="Danke, wir bestellen.\nGruß Bob", attachment=PDF))
        wait_for(lambda: len(s.logged()) == 2, 30, "the reply to be logged")
        msgs = wait_for(lambda: crm_inbox(s), 30, "the forward at the drop address")
        # something unrelated arrives: never logged, never forwarded
        s.deliver(reply("", sender="carol@other.example", subject="Newsletter", body="Hi"))
        # the CRM's own mail comes back (a confirmation answering the forward): no loop
        conf = reply(
            str(msgs[0]["Message-ID"]), sender=CRM, subject="Re: " + str(msgs[0]["Subject"])
        )
        s.deliver(conf)
        s.cli.ok("watch", "--once")
    finally:
        stop(w)
    assert len(s.logged()) == 2
    assert len(crm_inbox(s)) == 1
    fwd = msgs[0]
    assert fwd["From"] == ALICE and fwd["To"] == CRM
    assert fwd["Subject"] == "Fwd: Re: Angebot"
    assert fwd["X-Replytrail-Handoff"] == "hubspot"
    assert fwd["In-Reply-To"] is None and fwd["References"] is None
    text = fwd.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "---------- Forwarded message ---------" in text
    assert "From: Bob Kunde <bob@example.test>" in text
    assert "Subject: Re: Angebot" in text and "To: Alice <alice@example.test>" in text
    assert "Danke, wir bestellen.\nGruß Bob" in text
    atts = [p for p in fwd.iter_attachments()]
    assert [(a.get_filename(), a.get_content()) for a in atts] == [("Auftrag.pdf", PDF)]
    # the customer never got the forward; the envelope named the drop address only
    assert bob_inbox_count(s) == 1
    fwd_envelopes = [e for e in s.envelopes() if b"X-Replytrail-Handoff" in e[2]]
    assert [e[1] for e in fwd_envelopes] == [[CRM]]
    status = s.cli.ok("handoff", "status", "--json").json()
    assert status == [
        {
            "name": "hubspot",
            "where": CRM,
            "pending": 0,
            "failed": 0,
            "last_error": "",
            "oldest": None,
            "next_attempt": None,
        }
    ]


def test_attachment_form_and_sent_copy_never_loop(crm_setup: CrmSetup) -> None:
    s = crm_setup
    s.cli.ok(
        "handoff", "add", "odoo", "--forward", CRM, "--preset", "odoo", "--include", "all",
        "--sent-copy",
    )  # fmt: skip
    sent = s.send("Angebot")  # 'all': what the user sent goes too
    s.deliver(reply(sent, body="Bitte Rückruf."))
    s.cli.ok("watch", "--once")
    assert len(s.logged()) == 2
    r = s.cli("handoff", "deliver", "--json")
    assert r.code == 0, r.err
    assert r.json()["delivered"] == 0  # 'watch --once' already delivered both
    msgs = wait_for(lambda: len(crm_inbox(s)) == 2 and crm_inbox(s), 30, "two forwards")
    originals = []
    for m in msgs:
        (att,) = list(m.iter_attachments())
        assert att.get_content_type() == "message/rfc822"
        originals.append(att.get_content())
    subjects = sorted(str(o["Subject"]) for o in originals)
    assert subjects == ["Angebot", "Re: Angebot"]
    assert any("Bitte Rückruf." in o.get_body(("plain",)).get_content() for o in originals)
    # the Sent copies of both forwards are seen by the next catch-up: still nothing new
    s.cli.ok("watch", "--once")
    assert len(s.logged()) == 2
    assert len(crm_inbox(s)) == 2
    with s.imap() as c:
        sent_folder = next(f[2] for f in c.list_folders() if b"\\Sent" in f[0] or f[2] == "Sent")
        c.select_folder(sent_folder, readonly=True)
        assert len(c.search(["HEADER", "X-Replytrail-Handoff", "odoo"])) == 2


def test_unknown_drop_address_is_refused_and_shown(crm_setup: CrmSetup) -> None:
    s = crm_setup
    s.cli.ok("handoff", "add", "pipedrive", "--forward", "nobody@example.test")
    sent = s.send("Angebot")
    s.deliver(reply(sent))
    r = s.cli("watch", "--once")
    assert r.code == 0, r.err
    status = s.cli("handoff", "status", "--json")
    assert status.code == 1  # a failed target makes status fail, for scripts
    (row,) = status.json()
    assert row["failed"] == 1
    assert row["last_error"].startswith("nobody@example.test refused the hand-off: 550 ")
    human = s.cli("handoff", "status")
    assert "1 failed" in human.out and "Traceback" not in human.err

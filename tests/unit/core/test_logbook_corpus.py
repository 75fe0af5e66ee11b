"""The logbook and its prefilter over the mail corpus, on a real SQLite store (SPEC §5)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from replytrail.core.logbook import Logbook, Policy
from replytrail.core.mail.parse import parse_headers
from replytrail.core.matching.subject import normalise_subject
from replytrail.core.matching.threadindex import conversation_guid
from replytrail.core.models import (
    Account,
    Address,
    Direction,
    Kind,
    LoggedEmail,
    MatchReason,
)
from replytrail.core.prefilter import Candidate, Prefilter
from replytrail.core.store.base import EmailRecord
from replytrail.core.store.sqlite import SQLiteStore

CORPUS = Path(__file__).parents[2] / "data" / "corpus"
MANIFEST: dict[str, Any] = json.loads((CORPUS / "manifest.json").read_text())
NOW = datetime.fromisoformat(MANIFEST["now"])
ACCOUNT = Account(
    email=MANIFEST["account"]["email"],
    imap_host="imap.example.com",
    logging_address=MANIFEST["account"]["logging_address"],
)
POLICY = Policy(never_log=tuple(MANIFEST["account"]["never_log"]))


def _seed(store: SQLiteStore) -> None:
    """Threads, tracked ids, Thread-Index GUIDs, X-GM-THRIDs and subject participants."""
    tracked = MANIFEST["tracked"]
    guids = {t: conversation_guid(v) for v, t in tracked["thread_indexes"].items()}
    thrids = {t: v for v, t in tracked["gm_thrids"].items()}
    subjects = {e["thread"]: e for e in tracked["subjects"]}
    threads = set(tracked["message_ids"].values()) | set(guids) | set(thrids) | set(subjects)
    n = 0
    for thread in sorted(threads):
        entry = subjects.get(
            thread,
            {
                "subject": thread,
                "participants": {"someone@example.org": "2026-11-01T09:00:00+00:00"},
            },
        )
        for who, when in entry["participants"].items():
            n += 1
            email = LoggedEmail(
                message_id=f"<seed-{n}@example.com>",
                thread_id=thread,
                direction=Direction.OUT,
                date=datetime.fromisoformat(when),
                sender=Address(ACCOUNT.email),
                to=[Address(who)],
                cc=[],
                subject=entry["subject"],
                kind=Kind.EMAIL,
                match=MatchReason.SENT,
                account=ACCOUNT.email,
            )
            store.record(
                EmailRecord(
                    email=email,
                    contacts=[Address(who)],
                    thread_guid=guids.get(thread),
                    gm_thrid=thrids.get(thread),
                    subject_norm=normalise_subject(entry["subject"]),
                )
            )
    for mid, thread in tracked["message_ids"].items():
        store.add_tracked_id(mid, thread, None)


@pytest.mark.parametrize("case", MANIFEST["cases"], ids=lambda c: c["file"])
def test_case_logged_as_expected_and_never_dropped_by_the_prefilter(
    case: dict[str, Any], tmp_path: Path
) -> None:
    raw = (CORPUS / case["file"]).read_bytes()
    store = SQLiteStore(tmp_path / "store.sqlite3")
    try:
        _seed(store)
        header = raw.split(b"\r\n\r\n", 1)[0] + b"\r\n"
        kept = Prefilter(store, ACCOUNT, sent=False, subject_rule=True).select(
            [Candidate(1, header, case["gm_thrid"])]
        )
        h = parse_headers(header, gm_thrid=case["gm_thrid"])
        decision = Logbook(store).handle(
            ACCOUNT, "inbox", h, lambda: raw, policy=POLICY, raw_header=header, now=NOW
        )
        expect = case["expect"]
        if expect["kind"] == "bounce":
            assert decision.action == "bounce-marked"
            # the tracked original's thread now shows who could not be reached
            rows = store._q(
                "SELECT b.recipient FROM bounces b JOIN emails e ON e.id = b.email_id "
                "WHERE e.thread_id = ? AND e.status = 'bounced'",
                (expect["bounce"]["thread"],),
            )
            assert [r[0] for r in rows] == expect["bounce"]["failed_recipients"]
        elif expect["reason"] == "none":
            assert decision.action == "ignored"
        else:
            assert decision.action == "logged", decision
            logged = store.email(h.message_id)
            assert logged is not None
            assert str(logged.match) == expect["reason"]
            assert str(logged.kind) == expect["kind"]
            if expect["thread"]:
                assert logged.thread_id == expect["thread"]
        if decision.action != "ignored":
            assert kept == {1}, "the prefilter dropped a message the logbook logs"
    finally:
        store.close()


def test_prefilter_drops_what_cannot_match(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "store.sqlite3")
    try:
        _seed(store)
        news = (CORPUS / "newsletter.eml").read_bytes().split(b"\r\n\r\n", 1)[0]
        untracked = (CORPUS / "untracked_reply.eml").read_bytes().split(b"\r\n\r\n", 1)[0]
        pf = Prefilter(store, ACCOUNT, sent=False, subject_rule=True)
        assert pf.select([Candidate(1, news), Candidate(2, untracked)]) == set()
    finally:
        store.close()


def test_reply_to_a_reply_in_the_same_chunk_is_kept(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "store.sqlite3")
    try:
        _seed(store)
        tracked = next(iter(MANIFEST["tracked"]["message_ids"]))
        first = (
            f"Message-ID: <r1@example.org>\r\nFrom: x@example.org\r\nIn-Reply-To: {tracked}"
            "\r\nSubject: Re: x\r\n"
        ).encode()
        second = (
            b"Message-ID: <r2@example.org>\r\nFrom: x@example.org\r\n"
            b"In-Reply-To: <r1@example.org>\r\nSubject: Re: something else\r\n"
        )
        pf = Prefilter(store, ACCOUNT, sent=False, subject_rule=False)
        assert pf.select([Candidate(1, first), Candidate(2, second)]) == {1, 2}
    finally:
        store.close()


def test_prefilter_keeps_what_the_logbook_calls_a_bounce(tmp_path: Path) -> None:
    """One definition: a bounce or auto-reply without References still reaches the logbook."""
    store = SQLiteStore(tmp_path / "store.sqlite3")
    try:
        heads = [
            b'From: "Mail Delivery System" <>\r\nSubject: Mail delivery failed\r\n',
            b"From: MAILER-DAEMON <>\r\nSubject: x\r\n",
            b"From: x@example.org\r\nSubject: Non-Delivery: Angebot\r\n",
            b"From: x@example.org\r\nContent-Type: multipart/report; boundary=b\r\n",
            b"From: <>\r\nReturn-Path: <>\r\n",
            b"From: a@example.org\r\nX-AutoReply-From: a@example.org\r\n",
        ]
        pf = Prefilter(store, ACCOUNT, sent=False, subject_rule=False)
        assert pf.select([Candidate(n, h) for n, h in enumerate(heads)]) == set(range(len(heads)))
    finally:
        store.close()

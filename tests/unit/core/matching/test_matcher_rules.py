"""match_reply rule order (SPEC §5.3), is_bcc_logging (§5.2), is_never_logged (§3)."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from replytrail.core.mail.parse import HeaderInfo, parse_headers
from replytrail.core.matching.matcher import (
    SUBJECT_WINDOW,
    MatchResult,
    is_bcc_logging,
    is_never_logged,
    match_reply,
)
from replytrail.core.models import Address, MatchReason

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
GUID = bytes(range(1, 17))
THREAD_INDEX = base64.b64encode(b"\x01" + b"\xdc\x4f\x2a\x9b\x31" + GUID + b"\0\0\1\2\3").decode()


@dataclass
class Lookup:
    ids: dict[str, str] = field(default_factory=dict)
    guids: dict[str, str] = field(default_factory=dict)
    thrids: dict[str, str] = field(default_factory=dict)
    subjects: dict[tuple[str, str], tuple[str, datetime]] = field(default_factory=dict)
    asked: list[tuple[str, str]] = field(default_factory=list)
    since: list[datetime] = field(default_factory=list)

    def thread_of_message_id(self, message_id: str) -> str | None:
        self.asked.append(("id", message_id))
        return self.ids.get(message_id)

    def thread_of_thread_index(self, guid: str) -> str | None:
        self.asked.append(("guid", guid))
        return self.guids.get(guid)

    def thread_of_gm_thrid(self, thrid: str) -> str | None:
        self.asked.append(("thrid", thrid))
        return self.thrids.get(thrid)

    def threads_with_subject(
        self, normalised_subject: str, participant: str, since: datetime
    ) -> list[str]:
        self.asked.append(("subject", normalised_subject))
        self.since.append(since)
        found = self.subjects.get((normalised_subject, participant.casefold()))
        return [found[0]] if found and found[1] >= since else []


def headers(*lines: str, gm_thrid: str | None = None) -> HeaderInfo:
    raw = "\r\n".join(("Message-ID: <self@example.org>", *lines)) + "\r\n\r\n"
    return parse_headers(raw.encode(), gm_thrid=gm_thrid)


def test_in_reply_to_wins_over_references() -> None:
    lookup = Lookup(ids={"<a@x>": "T1", "<b@x>": "T2"})
    h = headers("In-Reply-To: <b@x>", "References: <a@x> <b@x>")
    assert match_reply(h, lookup, now=NOW) == MatchResult("T2", MatchReason.IN_REPLY_TO)


def test_references_checked_newest_first_without_repeats() -> None:
    lookup = Lookup(ids={"<r1@x>": "OLD", "<r3@x>": "NEW"})
    h = headers("In-Reply-To: <r4@x>", "References: <r1@x> <r2@x> <r3@x> <r4@x>")
    result = match_reply(h, lookup, now=NOW)
    assert result == MatchResult("NEW", MatchReason.REFERENCES)
    assert lookup.asked == [("id", "<r4@x>"), ("id", "<r3@x>")]


def test_own_message_id_is_never_a_reason() -> None:
    lookup = Lookup(ids={"<self@example.org>": "T1"})
    assert match_reply(headers("References: <self@example.org>"), lookup, now=NOW) is None


def test_thread_index_then_gm_thrid() -> None:
    lookup = Lookup(guids={GUID.hex(): "T-OUTLOOK"}, thrids={"42": "T-GMAIL"})
    h = headers(f"Thread-Index: {THREAD_INDEX}", "References: <unknown@x>", gm_thrid="42")
    assert match_reply(h, lookup, now=NOW) == MatchResult("T-OUTLOOK", MatchReason.THREAD_INDEX)
    h = headers("Thread-Index: garbage", gm_thrid="42")
    assert match_reply(h, lookup, now=NOW) == MatchResult("T-GMAIL", MatchReason.GM_THRID)


def subject_lookup(last_seen: datetime = NOW - timedelta(days=10)) -> Lookup:
    return Lookup(subjects={("angebot", "lena@example.test"): ("T-S", last_seen)})


def test_subject_rule_is_last_and_low_confidence() -> None:
    lookup = subject_lookup()
    h = headers("From: Lena <Lena@Example.TEST>", "Subject: Re: AW: Angebot")
    result = match_reply(h, lookup, now=NOW)
    assert result == MatchResult("T-S", MatchReason.SUBJECT)
    assert result.low_confidence
    assert lookup.since == [NOW - SUBJECT_WINDOW]
    assert timedelta(days=90) == SUBJECT_WINDOW


def test_subject_rule_limits() -> None:
    lena = "From: lena@example.test"
    assert match_reply(headers(lena, "Subject: AW: Angebot"), subject_lookup(), now=NOW,
                       subject_rule=False) is None  # fmt: skip
    stale = subject_lookup(NOW - timedelta(days=91))
    assert match_reply(headers(lena, "Subject: AW: Angebot"), stale, now=NOW) is None
    lookup = subject_lookup()
    for h in (
        headers("Subject: AW: Angebot"),  # no sender
        headers(lena, "Subject: Re: Hallo"),  # generic
        headers(lena, "Subject: Re:"),  # empty
        headers(lena, "Subject: AW: Angebot", "List-Id: <l.example.org>"),  # list mail
        headers("From: info@example.test", "Subject: AW: Angebot"),  # group sender
    ):
        assert match_reply(h, lookup, now=NOW) is None
    assert all(kind != "subject" for kind, _ in lookup.asked)


def test_no_threading_headers_no_match() -> None:
    assert match_reply(headers("Subject: x"), Lookup(), now=NOW) is None


ACCOUNT = "anna.schmidt@example.com"
LOG = "anna.schmidt+log@example.com"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["From: Anna.Schmidt@Example.com", "Bcc: x", "To: kunde@example.org",
          "Delivered-To: anna.schmidt+log@example.com"], True),
        (["From: anna.schmidt@example.com", "X-Original-To: Anna.Schmidt+Log@example.com"], True),
        (["From: anna.schmidt@example.com", "Cc: <anna.schmidt+log@example.com>"], True),
        (["From: anna.schmidt@example.com", "To: kunde@example.org"], False),
        (["From: kunde@example.org", "To: anna.schmidt+log@example.com"], False),
        (["To: anna.schmidt+log@example.com"], False),
    ],
)  # fmt: skip
def test_bcc_logging(lines: list[str], expected: bool) -> None:
    assert is_bcc_logging(headers(*lines), ACCOUNT, LOG) is expected


def test_bcc_logging_needs_a_logging_address() -> None:
    h = headers("From: anna.schmidt@example.com", "To: anna.schmidt+log@example.com")
    assert is_bcc_logging(h, ACCOUNT, "") is False


NEVER = ["@example.com", "partner.example.org", "boss@example.test", "  ", "Kunde@Example.NET."]


@pytest.mark.parametrize(
    ("address", "expected"),
    [("jonas@example.com", True), ("x@eu.example.com", True), ("x@notexample.com", False),
     ("y@partner.example.org", True), ("y@mx.partner.example.org", True),
     ("y@example.org", False), ("Boss@Example.TEST", True), ("other@example.test", False),
     ("kunde@example.net", True), (Address("JONAS@EXAMPLE.COM"), True), (None, False),
     ("<jonas@example.com>", True)],
)  # fmt: skip
def test_never_logged(address: str | Address | None, expected: bool) -> None:
    assert is_never_logged(address, NEVER) is expected

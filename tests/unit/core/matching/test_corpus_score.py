"""Scores parse_headers + classify + match_reply (+ parse_bounce) against the mail corpus."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from replytrail.core.mail.bounces import parse_bounce
from replytrail.core.mail.parse import HeaderInfo, parse_headers, parse_message
from replytrail.core.matching.kinds import classify
from replytrail.core.matching.matcher import (
    MatchResult,
    is_bcc_logging,
    is_never_logged,
    match_reply,
)
from replytrail.core.matching.subject import normalise_subject
from replytrail.core.matching.threadindex import conversation_guid
from replytrail.core.models import Kind, MatchReason

CORPUS = Path(__file__).parents[3] / "data" / "corpus"
MANIFEST: dict[str, Any] = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
CASES: list[dict[str, Any]] = MANIFEST["cases"]


@dataclass
class DictLookup:
    """The TrackedLookup the store implements, over the manifest's tracked section."""

    tracked: dict[str, Any]
    calls: list[str] = field(default_factory=list)

    def thread_of_message_id(self, message_id: str) -> str | None:
        self.calls.append("message_id")
        found: str | None = self.tracked["message_ids"].get(message_id)
        return found

    def thread_of_thread_index(self, guid: str) -> str | None:
        self.calls.append("thread_index")
        for value, thread in self.tracked["thread_indexes"].items():
            if conversation_guid(value) == guid:
                return str(thread)
        return None

    def thread_of_gm_thrid(self, thrid: str) -> str | None:
        self.calls.append("gm_thrid")
        found: str | None = self.tracked["gm_thrids"].get(thrid)
        return found

    def threads_with_subject(
        self, normalised_subject: str, participant: str, since: datetime
    ) -> list[str]:
        self.calls.append("subject")
        return [
            entry["thread"]
            for entry in self.tracked["subjects"]
            if normalise_subject(entry["subject"]) == normalised_subject
            and any(
                who.casefold() == participant.casefold() and datetime.fromisoformat(when) >= since
                for who, when in entry["participants"].items()
            )
        ]


@dataclass
class Outcome:
    headers: HeaderInfo
    kind: Kind
    reason: str
    thread: str | None


def run_pipeline(raw: bytes, case: dict[str, Any], lookup: DictLookup) -> Outcome:
    """What the watcher does with a new message's header fields (SPEC §5.2-§5.4)."""
    account = MANIFEST["account"]
    now = datetime.fromisoformat(MANIFEST["now"])
    h = parse_headers(raw, gm_thrid=case["gm_thrid"])
    kind = classify(h)
    if is_bcc_logging(h, account["email"], account["logging_address"]):
        return Outcome(h, kind, str(MatchReason.BCC), None)
    # never-log concerns people; a bounce from our own provider still marks the original
    if kind is not Kind.BOUNCE and is_never_logged(h.from_, account["never_log"]):
        return Outcome(h, kind, "none", None)
    result: MatchResult | None = match_reply(h, lookup, now=now)
    if result is None:
        return Outcome(h, kind, "none", None)
    return Outcome(h, kind, str(result.reason), result.thread_id)


def _outcomes() -> list[tuple[dict[str, Any], Outcome]]:
    lookup = DictLookup(MANIFEST["tracked"])
    return [
        (case, run_pipeline((CORPUS / case["file"]).read_bytes(), case, lookup)) for case in CASES
    ]


def test_corpus_files_are_real_shaped() -> None:
    files = sorted(p.name for p in CORPUS.glob("*.eml"))
    assert files == sorted(case["file"] for case in CASES), "manifest and corpus disagree"
    for name in files:
        data = (CORPUS / name).read_bytes()
        assert b"\r\n" in data
        assert b"\n" not in data.replace(b"\r\n", b""), f"{name}: bare LF"


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_corpus_case(case: dict[str, Any]) -> None:
    raw = (CORPUS / case["file"]).read_bytes()
    lookup = DictLookup(MANIFEST["tracked"])
    outcome = run_pipeline(raw, case, lookup)
    expect = case["expect"]
    assert (outcome.reason, outcome.thread) == (expect["reason"], expect["thread"])
    assert str(outcome.kind) == expect["kind"]
    if expect["reason"] == str(MatchReason.SUBJECT):
        assert MatchReason(outcome.reason).low_confidence
    if "subject" in expect:
        assert outcome.headers.subject == expect["subject"]
    if "from_name" in expect:
        assert outcome.headers.from_ is not None
        assert outcome.headers.from_.name == expect["from_name"]
    if "has_message_id" in expect:
        assert outcome.headers.has_message_id is expect["has_message_id"]
    if "bounce" in expect:
        bounce = parse_bounce(parse_message(raw))
        assert bounce is not None
        assert bounce.original_message_id == expect["bounce"]["original_message_id"]
        assert bounce.failed_recipients == expect["bounce"]["failed_recipients"]
        assert bounce.standard is expect["bounce"]["standard"]
        assert bounce.original_message_id is not None
        thread = lookup.thread_of_message_id(bounce.original_message_id)
        assert thread == expect["bounce"]["thread"]


def test_corpus_score(capsys: pytest.CaptureFixture[str]) -> None:
    """The score table; header-threaded cases must be exact, and no false positives."""
    rows = []
    right = 0
    false_positives = 0
    for case, outcome in _outcomes():
        expect = case["expect"]
        ok = (outcome.reason, outcome.thread, str(outcome.kind)) == (
            expect["reason"],
            expect["thread"],
            expect["kind"],
        )
        right += ok
        false_positives += expect["reason"] == "none" and outcome.reason != "none"
        rows.append(
            f"{'ok ' if ok else 'BAD'} {case['file']:<34} {outcome.reason:<12} "
            f"{outcome.thread or '-':<12} {outcome.kind}"
        )
    with capsys.disabled():
        print(f"\ncorpus score: {right}/{len(CASES)} right, {false_positives} false positives")
        print("\n".join(rows))
    assert false_positives == 0
    assert right == len(CASES)
    header_reasons = {"in-reply-to", "references", "thread-index", "gm-thrid", "bcc"}
    assert any(c["expect"]["reason"] == "subject" for c in CASES)
    assert sum(c["expect"]["reason"] in header_reasons for c in CASES) >= 12

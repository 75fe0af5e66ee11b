"""Kinds on 300 real messages nobody here wrote (tests/data/outside), through prefilter and logbook.

Each message is made a reply to a tracked send, as a user would meet it: In-Reply-To points
at a tracked Message-ID, the prefilter must keep it and the logbook must log it with the
expected kind. Bounces that quote the returned message are scored a second time without
In-Reply-To: the tracked id replaces the quoted one and the bounce must find its thread by
reading the report. A confusion matrix is printed; the saved baseline must not drop.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from replytrail.core.logbook import Decision, Logbook, Policy, header_bytes
from replytrail.core.mail.parse import parse_headers, strip_leading_blank_lines
from replytrail.core.models import Account, Address, Direction, Kind, LoggedEmail, MatchReason
from replytrail.core.prefilter import Candidate, Prefilter
from replytrail.core.store.base import EmailRecord
from replytrail.core.store.sqlite import SQLiteStore

OUTSIDE = Path(__file__).parents[2] / "data" / "outside"
MESSAGES: list[dict[str, Any]] = json.loads((OUTSIDE / "manifest.json").read_text())["messages"]
BASELINE: dict[str, Any] = json.loads((OUTSIDE / "baseline.json").read_text())
ACCOUNT = Account(email="sales@replytrail.test", imap_host="imap.replytrail.test")
KINDS = ("email", "auto-reply", "bounce")
_MSGID_LINE = re.compile(rb"^([ \t>]*message-id:[ \t]*)(<[^<>\s]+>)", re.I | re.M)


def _tracked(n: int) -> str:
    return f"<tracked-{n}@replytrail.test>"


def _seed(store: SQLiteStore, n: int) -> None:
    email = LoggedEmail(
        message_id=_tracked(n),
        thread_id=f"T{n}",
        direction=Direction.OUT,
        date=datetime(2026, 11, 1, tzinfo=UTC),
        sender=Address(ACCOUNT.email),
        to=[Address(f"customer{n}@example.org")],
        cc=[],
        subject=f"Offer {n}",
        kind=Kind.EMAIL,
        match=MatchReason.SENT,
        account=ACCOUNT.email,
    )
    store.record(EmailRecord(email=email, contacts=[Address(f"customer{n}@example.org")]))


def _run(store: SQLiteStore, raw: bytes) -> tuple[bool, Decision]:
    header = header_bytes(raw)
    kept = Prefilter(store, ACCOUNT, sent=False, subject_rule=False).select([Candidate(1, header)])
    h = parse_headers(header)
    decision = Logbook(store).handle(ACCOUNT, "inbox", h, lambda: raw, policy=Policy())
    return kept == {1}, decision


def _logged_kind(store: SQLiteStore, raw: bytes, decision: Decision) -> str:
    if decision.action not in ("logged", "bounce-marked"):
        return decision.action
    logged = store.email(parse_headers(raw).message_id)
    return str(logged.kind) if logged else "lost"


def _as_reply(raw: bytes, n: int) -> bytes:
    return f"In-Reply-To: {_tracked(n)}\r\n".encode() + strip_leading_blank_lines(raw)


def _quoting(raw: bytes, n: int) -> bytes | None:
    """The bounce with its returned message's Message-ID replaced by a tracked one."""
    own = parse_headers(raw).message_id.encode()
    body_at = len(header_bytes(strip_leading_blank_lines(raw)))
    quoted = [m for m in _MSGID_LINE.finditer(raw) if m.group(2) != own and m.start() > 0]
    quoted = [m for m in quoted if m.start() >= body_at - 2]
    if not quoted:
        return None
    return raw.replace(quoted[0].group(2), _tracked(n).encode())  # every quote of it


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    store = SQLiteStore(tmp_path_factory.mktemp("outside") / "store.sqlite3")
    # the same bounce again, in a store of its own (it would be a duplicate in the first)
    second = SQLiteStore(tmp_path_factory.mktemp("outside") / "second.sqlite3")
    matrix: Counter[tuple[str, str]] = Counter()
    dropped: list[str] = []
    returned = quoting = 0
    try:
        for n, entry in enumerate(MESSAGES):
            raw = (OUTSIDE / entry["file"]).read_bytes()
            _seed(store, n)
            reply = _as_reply(raw, n)
            kept, decision = _run(store, reply)
            got = _logged_kind(store, reply, decision)
            matrix[(entry["kind"], got)] += 1
            if got in KINDS and not kept:
                dropped.append(entry["file"])
            if entry["kind"] == "bounce" and (bounce := _quoting(raw, n)) is not None:
                _seed(second, n)
                quoting += 1
                kept, decision = _run(second, bounce)
                returned += kept and decision.action == "bounce-marked"
    finally:
        store.close()
        second.close()
    return {"matrix": matrix, "dropped": dropped, "returned": returned, "quoting": quoting}


def _recall(matrix: Counter[tuple[str, str]], kind: str) -> float:
    total = sum(v for (want, _), v in matrix.items() if want == kind)
    return matrix[(kind, kind)] / total


def test_confusion_matrix_meets_the_bar_and_the_baseline(scores: dict[str, Any]) -> None:
    matrix: Counter[tuple[str, str]] = scores["matrix"]
    columns = sorted({got for _, got in matrix}, key=lambda k: (k not in KINDS, k))
    lines = ["expected \\ logged " + " ".join(f"{c:>13}" for c in columns)]
    for want in KINDS:
        lines.append(f"{want:<18}" + " ".join(f"{matrix[(want, c)]:>13}" for c in columns))
    lines.append(
        f"returned Message-ID found in {scores['returned']}/{scores['quoting']} quoting bounces"
    )
    print("\n" + "\n".join(lines))
    assert scores["dropped"] == [], "the prefilter dropped what the logbook logs"
    emails_wrong = sum(v for (want, got), v in matrix.items() if want == "email" and got != want)
    assert emails_wrong == 0
    assert _recall(matrix, "bounce") >= 0.95
    assert _recall(matrix, "auto-reply") >= 0.95
    for kind in KINDS:
        assert matrix[(kind, kind)] >= BASELINE[kind], f"{kind} fell below the baseline"
    assert scores["returned"] >= BASELINE["returned_message_id"]

"""The push's own COPY text encoding (``copy_text_row``) against the real PostgreSQL: whatever
characters an email holds — backslashes, tabs, newlines, quotes, braces, JSON escapes,
non-Latin scripts — comes back from the team store exactly as it was pushed."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from replytrail.core.store.postgres.remote import pull_page, push_emails
from replytrail.core.store.postgres.wire import TeamEmail
from teamflow import TeamDb

from .conftest import ANNA

pytestmark = pytest.mark.servers

# any text PostgreSQL can hold (no NUL, no lone surrogates), with the characters COPY and
# array literals treat specially made likely
_SPECIAL = st.sampled_from(["\\", "\t", "\n", "\r", '"', "{", "}", ",", "\\N", "\\.", " "])
TEXT = st.lists(
    st.one_of(
        _SPECIAL,
        st.text(st.characters(codec="utf-8", exclude_characters="\x00")),
    ),
    max_size=8,
).map("".join)
PAIR = st.tuples(TEXT, TEXT).map(list)


def email(subject: str, body: str, name: str, pairs: list[list[str]], refs: list[str]) -> TeamEmail:
    mid = f"<{uuid.uuid4().hex}@copy.example>"
    contacts = [[f"{p[0]}@{i}.example".lower(), p[1]] for i, p in enumerate(pairs)]
    return TeamEmail(
        message_id=mid,
        account=ANNA,
        thread_id=mid,
        direction="in",
        date_text="2026-11-02T09:00:00.123456+01:00",
        from_email="kunde@firma.example",
        from_name=name,
        to=pairs,
        cc=[],
        subject=subject,
        kind="email",
        match="thread",
        references=refs,
        contacts=contacts,
        body_text=body,
        body_html=f"<p>{body}</p>",
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    subject=TEXT,
    body=TEXT,
    name=TEXT,
    pairs=st.lists(PAIR, max_size=3),
    refs=st.lists(TEXT, max_size=3),
)
def test_every_character_survives_the_push(
    team: TeamDb, subject: str, body: str, name: str, pairs: list[list[str]], refs: list[str]
) -> None:
    sent = email(subject, body, name, pairs, refs)
    with team.as_user(ANNA) as conn:
        before = pull_page(conn, 0, limit=100_000).cursor
        with conn.transaction():
            assert push_emails(conn, [sent]) == 1
        got = {e.message_id: e for e in pull_page(conn, before).emails}[sent.message_id]
        with conn.transaction():  # the same email again: the content hash says "unchanged"
            assert push_emails(conn, [sent]) == 0
        row = conn.execute(
            "SELECT contact_emails, date FROM replytrail.emails WHERE message_id = %s",
            (sent.message_id,),
        ).fetchone()
    assert row is not None and row[0] == sent.contact_emails
    assert row[1] == datetime(2026, 11, 2, 8, 0, 0, 123456, tzinfo=UTC)  # the offset kept
    for field in ("subject", "body_text", "body_html", "from_name", "to", "references"):
        assert getattr(got, field) == getattr(sent, field), field
    assert got.contacts == sent.contacts


def test_a_nul_character_is_refused_by_the_server_not_garbled(team: TeamDb) -> None:
    with team.as_user(ANNA) as conn, pytest.raises(psycopg.Error), conn.transaction():
        push_emails(conn, [email("a\x00b", "", "", [], [])])

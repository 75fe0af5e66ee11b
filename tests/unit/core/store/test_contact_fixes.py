"""Contacts a person can fix (issue 8.8) on a real SQLite store, across a reopen."""

from __future__ import annotations

import mailbox
from pathlib import Path

import pytest

from factories import record
from replytrail.core.errors import NotFound, UsageError
from replytrail.core.export import export_emails
from replytrail.core.models import Address, MatchReason
from replytrail.core.store.base import AttachmentBlob
from replytrail.core.store.contact_fixes import ContactFixes
from replytrail.core.store.sqlite import SQLiteStore

A, B = "emma@firma.example", "e.fischer@gmail.com"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


def test_edited_name_and_company_survive_new_mail_and_a_restart(path: Path) -> None:
    s = SQLiteStore(path)
    s.record(record(1, "t1", contact=A))
    fixes = ContactFixes(s)
    fixes.edit(A, name="Emma Fischer", company="Fischer & Söhne GmbH")
    s.close()
    s = SQLiteStore(path)
    s.record(record(2, "t1", contact=A))  # the next mail says "Kunde" as display name
    c = s.contact(A)
    assert c is not None and (c.name, c.company) == ("Emma Fischer", "Fischer & Söhne GmbH")
    ContactFixes(s).edit(A, company="Fischer AG")  # name stays
    c = s.contact(A)
    assert c is not None and (c.name, c.company) == ("Emma Fischer", "Fischer AG")
    with pytest.raises(NotFound):
        ContactFixes(s).edit("nobody@x.example", name="X")
    s.close()


def test_merge_moves_emails_and_later_mail_follows(path: Path, tmp_path: Path) -> None:
    s = SQLiteStore(path)
    s.record(record(1, "t1", contact=A, direction="out"))
    s.record(record(2, "t2", contact=B))
    s.record(record(3, "t2", contact=B, direction="out"))
    fixes = ContactFixes(s)
    assert fixes.merge(A, B) == 2
    assert [c.email for c in s.contacts()] == [A]
    assert s.timeline_count(A) == 3 and s.contact(B) is None
    assert fixes.aliases(A) == [B] and fixes.resolve(B) == A
    with pytest.raises(UsageError):
        fixes.merge(A, B)
    s.close()
    s = SQLiteStore(path)  # after a restart, B's next reply still goes to A
    s.record(record(4, "t2", contact=B))
    assert [c.email for c in s.contacts()] == [A]
    assert s.timeline_count(A) == 4
    out = tmp_path / "a.mbox"
    export_emails(s, s.timeline(A), "mbox", out)
    box = mailbox.mbox(out)
    assert len(box) == 4
    box.close()
    # forgetting the contact forgets what was merged into it
    assert s.forget_contact(A) == 4
    assert s.contacts() == [] and s.stats()["emails"] == 0
    s.close()


def test_take_out_deletes_the_email_and_it_is_never_logged_again(path: Path) -> None:
    s = SQLiteStore(path)
    s.record(record(1, "t1", contact=A, direction="out"))
    wrong = record(2, "t1", contact=B, match="subject", attachments=[
        AttachmentBlob("Privat.pdf", "application/pdf", b"%PDF private")
    ])  # fmt: skip
    s.record(wrong)
    sha = wrong.email.attachments[0].sha256
    fixes = ContactFixes(s)
    assert fixes.take_out("<m2@example.test>")
    assert s.email("<m2@example.test>") is None and s.contact(B) is None
    assert s.tracked_among({"<m2@example.test>"}) == set()
    with pytest.raises(FileNotFoundError):
        s.attachment_data(sha)
    assert s.record(record(2, "t1", contact=B, match="subject")) is None  # a rescan
    assert s.has_message("<m2@example.test>")
    assert s.timeline_count(A) == 1
    assert not fixes.take_out("<m2@example.test>")
    s.close()


def test_confirm_a_subject_match(path: Path) -> None:
    s = SQLiteStore(path)
    s.record(record(1, "t1", direction="out"))
    s.record(record(2, "t1", match="subject"))
    e = s.email("<m2@example.test>")
    assert e is not None and e.low_confidence
    fixes = ContactFixes(s)
    assert fixes.confirm_match("<m2@example.test>")
    e = s.email("<m2@example.test>")
    assert e is not None and e.match is MatchReason.CONFIRMED and not e.low_confidence
    assert e.to_json()["match"] == "confirmed" and e.to_json()["low_confidence"] is False
    assert not fixes.confirm_match("<m1@example.test>")  # not a subject match
    assert Address(A).email == A
    s.close()

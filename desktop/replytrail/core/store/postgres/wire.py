"""One logged email as the team store holds it (the replication payload), and its stable id.

The stable id is (owner, Message-ID); ``content_hash`` says whether a second push of the
same id changes anything, so a push repeated after a crash is a no-op on the server.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

__all__ = ["ContactEdit", "PulledPage", "TeamAttachment", "TeamEmail", "Tombstone"]

Pair = list[str]  # [email, name]


@dataclass(frozen=True)
class TeamAttachment:
    position: int
    filename: str
    content_type: str
    size: int
    sha256: str
    data: bytes = field(repr=False)


@dataclass
class TeamEmail:
    message_id: str
    account: str
    thread_id: str
    direction: str
    date_text: str  # ISO 8601 with the sender's offset, as the local store keeps it
    from_email: str
    from_name: str
    to: list[Pair]
    cc: list[Pair]
    subject: str
    kind: str
    match: str
    status: str = ""
    in_reply_to: str = ""
    references: list[str] = field(default_factory=list)
    subject_norm: str = ""
    thread_guid: str = ""
    gm_thrid: str = ""
    contacts: list[Pair] = field(default_factory=list)
    body_text: str = field(default="", repr=False)
    body_html: str = field(default="", repr=False)
    attachments: list[TeamAttachment] = field(default_factory=list)
    owner: str = ""  # set by the server (the pushing role)
    seq: int = 0  # set by the server on every change

    @property
    def contact_emails(self) -> list[str]:
        return sorted({c[0].lower() for c in self.contacts if c and c[0]})

    @property
    def content_hash(self) -> str:
        """SHA-256 over everything that is pushed (not owner or seq)."""
        return self.encoded()[-1]

    def encoded(self) -> tuple[str, str, str, str, str]:
        """(to, cc, references, contacts) as JSON, and the content hash over all fields."""
        to, cc = _json(self.to), _json(self.cc)
        refs, contacts = _json(self.references), _json(self.contacts)
        atts = _json(
            [[a.position, a.filename, a.content_type, a.size, a.sha256] for a in self.attachments]
        )
        parts = (
            self.message_id,
            self.account,
            self.thread_id,
            self.direction,
            self.date_text,
            self.from_email,
            self.from_name,
            to,
            cc,
            self.subject,
            self.kind,
            self.match,
            self.status,
            self.in_reply_to,
            refs,
            self.subject_norm,
            self.thread_guid,
            self.gm_thrid,
            contacts,
            self.body_text,
            self.body_html,
            atts,
        )
        digest = hashlib.sha256("\x1e".join(parts).encode()).hexdigest()
        return to, cc, refs, contacts, digest


#: one encoder for every field (json.dumps with arguments builds a new one per call)
_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


@dataclass(frozen=True)
class Tombstone:
    """A forget that every laptop applies on its next pull.

    With ``contact`` set (an admin's team-wide forget), every local email of that contact
    goes; otherwise the one email (owner's ``account``, ``message_id``).
    """

    seq: int
    owner: str
    account: str
    message_id: str
    contact: str


@dataclass(frozen=True)
class ContactEdit:
    """One field of a contact as a salesperson last set it: ``name``, ``company``, or
    ``merged_into`` (*value* is the contact that *contact* was merged into).

    The stable id is (owner, contact, field); ``edit_id`` names the edit on the laptop that
    made it, so pushing the same edit twice changes nothing on the server.
    """

    contact: str
    field: str
    value: str
    edit_id: str = ""
    owner: str = ""  # set by the server (the pushing role)
    seq: int = 0  # set by the server on every change


@dataclass
class PulledPage:
    emails: list[TeamEmail]
    tombstones: list[Tombstone]
    cursor: int  # the highest seq this page covers
    more: bool  # a full page: ask again
    contact_edits: list[ContactEdit] = field(default_factory=list)  # in server order

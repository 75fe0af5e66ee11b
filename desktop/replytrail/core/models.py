"""Domain objects shared by the engine, the store and the front ends (plain dataclasses)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

__all__ = [
    "Account",
    "Address",
    "Attachment",
    "Checkpoint",
    "Contact",
    "Direction",
    "Kind",
    "LoggedEmail",
    "MatchReason",
    "Security",
]


class Direction(enum.StrEnum):
    OUT = "out"
    IN = "in"


class Kind(enum.StrEnum):
    EMAIL = "email"
    AUTO_REPLY = "auto-reply"
    BOUNCE = "bounce"


class MatchReason(enum.StrEnum):
    """Why an email was logged (SPEC §2, §5.3), in rule order for replies."""

    SENT = "sent"
    BCC = "bcc"
    IN_REPLY_TO = "in-reply-to"
    REFERENCES = "references"
    THREAD_INDEX = "thread-index"
    GM_THRID = "gm-thrid"
    SUBJECT = "subject"
    CONTACT = "contact"  # logging mode "every email with a known contact" (an extension)
    IMPORT = "import"  # brought in from the mailbox on request (SPEC §15, an extension)
    CONFIRMED = "confirmed"  # a subject match the user confirmed (issue 8.8, an extension)

    @property
    def low_confidence(self) -> bool:
        return self is MatchReason.SUBJECT


class Security(enum.StrEnum):
    SSL = "ssl"  # implicit TLS (993, 465)
    STARTTLS = "starttls"  # upgrade on the plain port (143, 587); only when advertised


@dataclass(frozen=True)
class Address:
    """A mailbox: normalised address (trimmed, lower-case domain) and a display name."""

    email: str
    name: str = ""


@dataclass(frozen=True)
class Attachment:
    filename: str
    size: int
    sha256: str
    content_type: str = "application/octet-stream"


@dataclass
class Account:
    """One watched mailbox. The password is never here: only ``credential_ref`` into the keyring."""

    email: str
    imap_host: str
    imap_port: int = 993
    imap_security: Security = Security.SSL
    smtp_host: str = ""
    smtp_port: int = 465
    smtp_security: Security = Security.SSL
    username: str = ""
    credential_ref: str = ""
    ca_file: str = ""  # PEM bundle for a private CA; empty: the system trust store
    pinned_sha256: dict[str, str] = field(default_factory=dict)  # host -> certificate fingerprint
    logging_address: str = ""  # Bcc logging address; empty: local+log@domain
    logging_mode: str = "tracked"  # "tracked" (replies to tracked emails) | "contacts"
    sent_folder: str = ""  # found by SPECIAL-USE when empty
    provider_files_sent: bool = False  # Gmail-style: the provider files SMTP-sent mail itself
    auth: str = "password"  # "password" | "oauth2"
    oauth_provider: str = ""  # "microsoft" | "google" | a preset's provider, when auth is oauth2
    enabled: bool = True
    sender_name: str = ""  # the name recipients see in From (issue 8.9)
    signature: str = ""  # plain text, added below what compose starts with (issue 8.9)

    @property
    def login(self) -> str:
        return self.username or self.email

    @property
    def bcc_address(self) -> str:
        if self.logging_address:
            return self.logging_address
        local, _, domain = self.email.partition("@")
        return f"{local}+log@{domain}"


@dataclass(frozen=True)
class Checkpoint:
    account: str
    folder: str
    uidvalidity: int
    last_uid: int


@dataclass
class LoggedEmail:
    """A stored email (SPEC §2); the JSON contract of SPEC §12 is ``to_json()``."""

    message_id: str
    thread_id: str
    direction: Direction
    date: datetime
    sender: Address
    to: list[Address]
    cc: list[Address]
    subject: str
    kind: Kind
    match: MatchReason
    account: str
    body_text: str = ""
    body_html: str = ""
    attachments: list[Attachment] = field(default_factory=list)
    status: str = ""  # outgoing: "pending" | "sent" | "failed" | "bounced"; incoming: ""
    in_reply_to: str = ""
    references: list[str] = field(default_factory=list)
    id: int = 0
    raw_sha256: str = ""

    @property
    def low_confidence(self) -> bool:
        return self.match.low_confidence

    def to_json(self) -> dict[str, object]:
        return {
            "message_id": self.message_id,
            "thread_id": self.thread_id,
            "direction": str(self.direction),
            "date": self.date.isoformat(),
            "from": self.sender.email,
            "from_name": self.sender.name,
            "to": [a.email for a in self.to],
            "cc": [a.email for a in self.cc],
            "subject": self.subject,
            "kind": str(self.kind),
            "match": str(self.match),
            "low_confidence": self.low_confidence,
            "status": self.status,
            "account": self.account,
            "body_text": self.body_text,
            "attachments": [
                {
                    "filename": a.filename,
                    "size": a.size,
                    "sha256": a.sha256,
                    "content_type": a.content_type,
                }
                for a in self.attachments
            ],
        }


@dataclass
class Contact:
    email: str
    name: str = ""
    company: str = ""
    emails: int = 0
    last_activity: datetime | None = None
    bounced: bool = False
    id: int = 0

    def to_json(self) -> dict[str, object]:
        return {
            "email": self.email,
            "name": self.name,
            "company": self.company,
            "emails": self.emails,
            "last_activity": self.last_activity.isoformat() if self.last_activity else None,
            "bounced": self.bounced,
        }

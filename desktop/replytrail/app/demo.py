"""Sample data for ``replytrail --demo`` and the screenshots: a realistic, deterministic inbox."""

from __future__ import annotations

import json
import random
import re
import sqlite3
import struct
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import tomli_w

from replytrail.core.accounts import AccountRegistry
from replytrail.core.config import atomic_write
from replytrail.core.models import (
    Account,
    Address,
    Direction,
    Kind,
    LoggedEmail,
    MatchReason,
    Security,
)
from replytrail.core.resources import resources_dir
from replytrail.core.store.base import AttachmentBlob, EmailRecord
from replytrail.core.store.sqlite import SQLiteStore

__all__ = ["DEMO_ACCOUNT", "build_demo_data"]

DEMO_ACCOUNT = "demo@replytrail.example"
ME = Address(DEMO_ACCOUNT, "Jana Weber")
#: free-mail look-alikes under .example; company_for() cannot know them, so they get no company
_FREE_MAIL_DEMO = ("gmail.example", "webmail.example")
_GUID = "4e6d5f46413754b1d9ca8a1f0c3b2e77"  # an Outlook conversation id


@dataclass
class _Msg:
    """One email of a scripted thread; ``days`` ago, ``who`` the customer (in) or recipient."""

    days: float
    direction: Direction
    body: str
    subject: str = ""
    kind: Kind = Kind.EMAIL
    match: MatchReason | None = None
    html: str = ""
    files: list[AttachmentBlob] = field(default_factory=list)
    sender: Address | None = None
    thread_index: str | None = None


@dataclass
class _Thread:
    contact: Address
    subject: str
    msgs: list[_Msg]
    cc: list[Address] = field(default_factory=list)


def _png(width: int = 160, height: int = 90) -> bytes:
    """A small real PNG: a bar chart in the demo's colours."""
    bars = [0.35, 0.55, 0.5, 0.8, 0.95]
    rows = []
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            slot, inside = divmod(x - 10, 28)
            level = bars[slot] if 0 <= slot < len(bars) and inside < 20 else 0.0
            on = level and y >= height - 8 - int(level * (height - 16))
            row += bytes((47, 111, 222) if on and y < height - 8 else (245, 247, 250))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def _pdf(title: str, lines: list[str]) -> bytes:
    """A minimal valid one-page PDF with a few lines of text."""

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    text = ["BT /F1 18 Tf 60 780 Td (" + esc(title) + ") Tj ET"]
    for i, line in enumerate(lines):
        text.append(f"BT /F1 11 Tf 60 {748 - 18 * i} Td ({esc(line)}) Tj ET")
    stream = "\n".join(text).encode("latin-1", "replace")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _norm(subject: str) -> str:
    return re.sub(r"^(\s*(re|aw|fwd?|wg|sv|antw)\s*:\s*)+", "", subject, flags=re.I).strip().lower()


def _address(d: dict[str, str]) -> Address:
    return Address(d["email"], d.get("name", ""))


def _blob(spec: dict[str, Any]) -> AttachmentBlob:
    data = (
        _pdf(spec["title"], spec["lines"])
        if spec["type"] == "application/pdf"
        else _png(spec.get("width", 160), spec.get("height", 90))
    )
    return AttachmentBlob(spec["filename"], spec["type"], data)


def _msg(d: dict[str, Any], sigs: dict[str, str], files: dict[str, AttachmentBlob]) -> _Msg:
    body = str(d["body"])
    for lang, sig in sigs.items():
        body = body.replace("{sig_" + lang + "}", sig)
    return _Msg(
        days=float(d["days"]),
        direction=Direction(d["direction"]),
        body=body,
        subject=d.get("subject", ""),
        kind=Kind(d.get("kind", "email")),
        match=MatchReason(d["match"]) if "match" in d else None,
        html=d.get("html", ""),
        files=[files[k] for k in d.get("files", [])],
        sender=_address(d["sender"]) if "sender" in d else None,
        thread_index=d.get("thread_index"),
    )


def _threads(path: Path | None = None) -> list[_Thread]:
    """The scripted threads from ``resources/demo/threads.json`` (data, not code)."""
    data = json.loads((path or resources_dir() / "demo" / "threads.json").read_text("utf-8"))
    sigs: dict[str, str] = data["signatures"]
    files = {k: _blob(v) for k, v in data["files"].items()}
    return [
        _Thread(
            contact=_address(t["contact"]),
            subject=t["subject"],
            msgs=[_msg(m, sigs, files) for m in t["msgs"]],
            cc=[_address(a) for a in t.get("cc", [])],
        )
        for t in data["threads"]
    ]


def _records(now: datetime, rng: random.Random) -> list[tuple[EmailRecord, str | None]]:
    """Every email as a record (oldest first) and, for bounces, the original's Message-ID."""
    out: list[tuple[EmailRecord, str | None]] = []
    for t_no, thread in enumerate(_threads(), 1):
        tid = f"tdemo{t_no:04d}"
        refs: list[str] = []
        previous = now - timedelta(days=90)
        for m_no, m in enumerate(thread.msgs, 1):
            when = (now - timedelta(days=m.days, minutes=rng.randint(0, 50))).replace(
                second=0, microsecond=0
            )
            when = previous = max(when, previous + timedelta(minutes=4))
            domain = thread.contact.email.rpartition("@")[2]
            mid = (
                f"<demo.{t_no}.{m_no}.{rng.randrange(16**8):08x}@"
                f"{'replytrail.example' if m.direction is Direction.OUT else domain}>"
            )
            outgoing = m.direction is Direction.OUT
            sender = ME if outgoing else (m.sender or thread.contact)
            to = [thread.contact] if outgoing else [ME]
            match = m.match or (
                MatchReason.SENT
                if outgoing and m_no == 1
                else MatchReason.SENT
                if outgoing
                else MatchReason.IN_REPLY_TO
            )
            email = LoggedEmail(
                message_id=mid,
                thread_id=tid,
                direction=m.direction,
                date=when,
                sender=sender,
                to=to,
                cc=list(thread.cc),
                subject=m.subject or thread.subject,
                kind=m.kind,
                match=match,
                account=DEMO_ACCOUNT,
                body_text=m.body,
                body_html=m.html,
                status="sent" if outgoing else "",
                in_reply_to=refs[-1] if refs and match is not MatchReason.SUBJECT else "",
                references=list(refs) if match is not MatchReason.SUBJECT else [],
            )
            rec = EmailRecord(
                email=email,
                contacts=[thread.contact],
                blobs=list(m.files),
                subject_norm=_norm(thread.subject),
                thread_guid=_GUID if m.thread_index else None,
            )
            bounce_of = refs[-1] if m.kind is Kind.BOUNCE and refs else None
            out.append((rec, bounce_of))
            refs.append(mid)
    out.sort(key=lambda r: r[0].email.date)
    return out


def build_demo_data(data_dir: Path, *, now: datetime | None = None, seed: int = 7) -> None:
    """Fill ``data_dir`` with a demo store, settings and one demo account (no password).

    Deterministic for a given *now* and *seed*; dates span the last ~60 days before *now*.
    An existing store keeps what it has (emails are stored once by Message-ID).
    """
    now = now or datetime.now(UTC)
    data_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    store = SQLiteStore(data_dir / "replytrail.sqlite3", data_dir / "attachments")
    try:
        for rec, bounce_of in _records(now, rng):
            email_id = store.record(rec)
            if bounce_of and email_id is not None:
                store.mark_bounced(bounce_of, rec.contacts[0].email, email_id)
    finally:
        store.close()
    db = sqlite3.connect(data_dir / "replytrail.sqlite3")
    try:
        with db:
            for domain in _FREE_MAIL_DEMO:
                db.execute("UPDATE contacts SET company = '' WHERE email LIKE ?", (f"%@{domain}",))
    finally:
        db.close()
    settings = data_dir / "settings.toml"
    if not settings.exists():
        atomic_write(
            settings,
            tomli_w.dumps(
                {
                    "general": {"notifications": True, "start_at_login": False},
                    "logging": {"since_days": 60, "subject_rule": True},
                }
            ).encode(),
        )
    AccountRegistry(data_dir / "accounts.toml").save(
        Account(
            email=DEMO_ACCOUNT,
            imap_host="imap.replytrail.example",
            imap_port=993,
            imap_security=Security.SSL,
            smtp_host="smtp.replytrail.example",
            smtp_port=465,
            smtp_security=Security.SSL,
            username=DEMO_ACCOUNT,
            credential_ref="",
            enabled=False,
        )
    )

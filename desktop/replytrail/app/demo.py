"""Sample data for ``replytrail --demo`` and the screenshots: a realistic, deterministic inbox."""

from __future__ import annotations

import random
import re
import sqlite3
import struct
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

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


def _sig_en() -> str:
    return (
        "\n\nBest regards,\nJana Weber\nKey Account Manager · Sensorik Weber GmbH\n+49 30 1234 5678"
    )


def _sig_de() -> str:
    return (
        "\n\nViele Grüße\nJana Weber\nKey Account Managerin · Sensorik Weber GmbH\n+49 30 1234 5678"
    )


def _threads() -> list[_Thread]:
    mueller = Address("t.mueller@mueller-maschinenbau.example", "Thomas Müller")
    northwind = Address("sarah.jenkins@northwind.example", "Sarah Jenkins")
    contoso = Address("priya.raman@contoso.example", "Priya Raman")
    fabrikam = Address("olivia.chen@fabrikam.example", "Olivia Chen")
    stadtwerke = Address("m.hoffmann@stadtwerke-nord.example", "Markus Hoffmann")
    feinkost = Address("e.fischer@fischer-feinkost.example", "Emma Fischer")
    tailspin = Address("marco.rossi@tailspin.example", "Marco Rossi")
    adventure = Address("d.okafor@adventure-works.example", "David Okafor")
    litware = Address("claire.dubois@litware.example", "Claire Dubois")
    becker = Address("j.becker@becker-logistik.example", "Jürgen Becker")
    anna = Address("anna.kowalski@gmail.example", "Anna Kowalski")
    lena = Address("lena.hartmann@webmail.example", "Lena Hartmann")
    offer_pdf = AttachmentBlob(
        "Angebot_2026-114.pdf",
        "application/pdf",
        _pdf(
            "Angebot 2026-114",
            [
                "Sensorpaket S200, 40 Stueck",
                "Montage und Inbetriebnahme",
                "Gesamt: 18.640,00 EUR netto",
                "Gueltig bis 30 Tage nach Datum",
            ],
        ),
    )
    chart = AttachmentBlob("pilot-results.png", "image/png", _png())
    quote_pdf = AttachmentBlob(
        "Quote Q-2291 Northwind.pdf",
        "application/pdf",
        _pdf(
            "Quote Q-2291",
            [
                "S200 sensor kit x 120",
                "Cloud dashboard, 12 months",
                "Total: EUR 51,300.00",
                "Valid for 30 days",
            ],
        ),
    )
    return [
        _Thread(
            mueller,
            "Angebot Sensorpaket S200",
            [
                _Msg(
                    41,
                    Direction.OUT,
                    "Hallo Herr Müller,\n\nwie besprochen sende ich Ihnen anbei "
                    "unser Angebot für 40 Sensorpakete S200 inklusive Montage.\n\nDie Lieferzeit "
                    "beträgt aktuell drei Wochen." + _sig_de(),
                    files=[offer_pdf],
                ),
                _Msg(
                    39.6,
                    Direction.IN,
                    "Hallo Frau Weber,\n\nvielen Dank für das Angebot. Können "
                    "Sie uns bei 60 Stück einen Staffelpreis nennen? Die Montage würden wir dann "
                    "selbst übernehmen.\n\nMit freundlichen Grüßen\nThomas Müller\n"
                    "Einkauf · Müller Maschinenbau GmbH",
                    subject="AW: Angebot Sensorpaket S200",
                ),
                _Msg(
                    38.8,
                    Direction.OUT,
                    "Hallo Herr Müller,\n\nbei 60 Stück ohne Montage kommen wir "
                    "auf 392 € pro Paket, also 23.520 € netto. Ich schicke Ihnen gern ein "
                    "aktualisiertes Angebot." + _sig_de(),
                    subject="AW: Angebot Sensorpaket S200",
                ),
                _Msg(
                    2.2,
                    Direction.IN,
                    "Hallo Frau Weber,\n\ndie Geschäftsführung hat zugestimmt. "
                    "Bitte senden Sie uns die Auftragsbestätigung für 60 Stück; Liefertermin "
                    "KW 27 wäre ideal.\n\nBeste Grüße\nThomas Müller",
                    subject="AW: AW: Angebot Sensorpaket S200",
                ),
            ],
        ),
        _Thread(
            northwind,
            "Pilot rollout for Q3",
            [
                _Msg(
                    33,
                    Direction.OUT,
                    "Hi Sarah,\n\nthanks for the call today. As promised, here "
                    "are the results from the two-week pilot at your Leeds warehouse: downtime "
                    "alerts came in 11 minutes earlier on average." + _sig_en(),
                    files=[chart],
                ),
                _Msg(
                    31.5,
                    Direction.IN,
                    "Hi Jana,\n\nthe numbers look great. Could you send a "
                    "quote for 120 kits including the dashboard licence?\n\nThanks,\nSarah",
                    subject="Re: Pilot rollout for Q3",
                    match=MatchReason.REFERENCES,
                ),
                _Msg(
                    30.9,
                    Direction.OUT,
                    "Hi Sarah,\n\nplease find the quote attached. Happy to "
                    "walk your team through it." + _sig_en(),
                    subject="Re: Pilot rollout for Q3",
                    files=[quote_pdf],
                ),
                _Msg(
                    0.3,
                    Direction.IN,
                    "Hi Jana,\n\nGood news: procurement approved the rollout. "
                    "Could we schedule the kickoff for next Tuesday at 10:00?\n\nBest,\nSarah "
                    "Jenkins\nHead of Operations, Northwind Traders",
                    subject="Re: Pilot rollout for Q3",
                    html="<html><head><style>p{font-family:Arial}</style></head><body>"
                    "<p>Hi Jana,</p><p><b>Good news:</b> procurement approved the rollout. Could "
                    "we schedule the kickoff for <i>next Tuesday at 10:00</i>?</p>"
                    "<p>Best,<br>Sarah Jenkins<br>Head of Operations, Northwind Traders</p>"
                    '<p><img src="https://cdn.northwind.example/brand/signature-logo.png" '
                    'width="140" height="36" alt="Northwind Traders"></p>'
                    '<p style="font-size:10px;color:#888"><a href="https://northwind.example/'
                    'privacy">Privacy</a> · <a href="javascript:alert(1)">Unsubscribe</a></p>'
                    '<img src="https://t.mail-insights.example/open.gif?u=8812&amp;m=5521" '
                    'width="1" height="1" alt=""><script>track()</script></body></html>',
                ),
            ],
        ),
        _Thread(
            contoso,
            "Sensor integration with your MES",
            [
                _Msg(
                    27,
                    Direction.OUT,
                    "Hello Priya,\n\nfollowing up on the trade fair: our S200 "
                    "sensors publish over OPC UA and MQTT, so they plug into your MES without "
                    "custom code. Would a 30-minute call next week work?" + _sig_en(),
                ),
                _Msg(
                    26.9,
                    Direction.IN,
                    "Thank you for your email. I am out of the office until "
                    "Monday 14 July with limited access to email. For urgent matters please "
                    "contact procurement@contoso.example.\n\nPriya Raman",
                    subject="Automatic reply: Sensor integration with your MES",
                    kind=Kind.AUTO_REPLY,
                ),
                _Msg(
                    21,
                    Direction.IN,
                    "Hi Jana,\n\nback at my desk now. Thursday 2pm CET works for "
                    "me; I'll bring our automation lead.\n\nPriya",
                    subject="RE: Sensor integration with your MES",
                    match=MatchReason.THREAD_INDEX,
                    thread_index="AdrB7cQvTm5fRkE3Sx2cqA==",
                ),
            ],
        ),
        _Thread(
            fabrikam,
            "Pricing for 50 units",
            [
                _Msg(
                    19,
                    Direction.OUT,
                    "Hi Olivia,\n\nfor 50 units the price is EUR 415 per kit, "
                    "shipping included. Let me know if you need a formal quote." + _sig_en(),
                ),
                _Msg(
                    12,
                    Direction.IN,
                    "Hi Jana, coming back to this: we'd need the units by end "
                    "of August. Is that feasible?\n\nOlivia",
                    subject="Re: Pricing for 50 units",
                    match=MatchReason.SUBJECT,
                ),
            ],
        ),
        _Thread(
            stadtwerke,
            "Fernwartung Pumpstationen",
            [
                _Msg(
                    16,
                    Direction.OUT,
                    "Sehr geehrter Herr Hoffmann,\n\nanbei wie besprochen "
                    "unsere Unterlagen zur Fernwartung Ihrer Pumpstationen." + _sig_de(),
                ),
                _Msg(
                    15.99,
                    Direction.IN,
                    "This is the mail system at host mx.stadtwerke-nord.example."
                    "\n\nI'm sorry to have to inform you that your message could not be delivered "
                    "to one or more recipients.\n\n<m.hoffmann@stadtwerke-nord.example>: host "
                    "mx.stadtwerke-nord.example said: 550 5.1.1 User unknown",
                    subject="Undelivered Mail Returned to Sender",
                    kind=Kind.BOUNCE,
                    sender=Address(
                        "MAILER-DAEMON@mx.stadtwerke-nord.example", "Mail Delivery System"
                    ),
                ),
            ],
        ),
        _Thread(
            feinkost,
            "Kühlkette: Temperaturfühler für 12 Filialen",
            [
                _Msg(
                    24,
                    Direction.OUT,
                    "Liebe Frau Fischer,\n\nvielen Dank für das nette Gespräch. "
                    "Für Ihre 12 Filialen empfehle ich unser Kühlketten-Set K40 mit "
                    "Alarmierung per SMS." + _sig_de(),
                    match=MatchReason.BCC,
                ),
                _Msg(
                    22.5,
                    Direction.IN,
                    "Liebe Frau Weber,\n\ndas klingt gut. Funktioniert die "
                    "Alarmierung auch am Wochenende, wenn niemand im Büro ist?\n\nHerzliche "
                    "Grüße\nEmma Fischer",
                    subject="AW: Kühlkette: Temperaturfühler für 12 Filialen",
                ),
                _Msg(
                    22.1,
                    Direction.OUT,
                    "Liebe Frau Fischer,\n\nja, rund um die Uhr – die "
                    "Alarme gehen per SMS und App an bis zu fünf Personen." + _sig_de(),
                    subject="AW: Kühlkette: Temperaturfühler für 12 Filialen",
                ),
                _Msg(
                    5,
                    Direction.IN,
                    "Liebe Frau Weber,\n\nwir möchten mit drei Filialen "
                    "starten. Können Sie nächste Woche zur Installation vorbeikommen?\n\nEmma "
                    "Fischer",
                    subject="AW: AW: Kühlkette: Temperaturfühler für 12 Filialen",
                ),
            ],
        ),
        _Thread(
            tailspin,
            "Follow-up: demo kit",
            [
                _Msg(
                    3,
                    Direction.OUT,
                    "Hi Marco,\n\njust checking whether the demo kit arrived "
                    "safely. Happy to set it up with your team over a video call." + _sig_en(),
                ),
            ],
        ),
        _Thread(
            adventure,
            "Annual maintenance contract",
            [
                _Msg(
                    52,
                    Direction.OUT,
                    "Hi David,\n\nyour maintenance contract renews on 1 "
                    "August. This year we can add remote firmware updates at no extra cost."
                    + _sig_en(),
                ),
                _Msg(
                    50,
                    Direction.IN,
                    "Hi Jana,\n\nplease send the renewal paperwork, we'll sign "
                    "it this month.\n\nDavid",
                    subject="Re: Annual maintenance contract",
                    match=MatchReason.GM_THRID,
                ),
                _Msg(
                    49,
                    Direction.OUT,
                    "Hi David,\n\ndone — you'll get the DocuSign link shortly." + _sig_en(),
                    subject="Re: Annual maintenance contract",
                ),
            ],
        ),
        _Thread(
            litware,
            "Requirements for the calibration service",
            [
                _Msg(
                    11,
                    Direction.OUT,
                    "Hi Claire,\n\nto prepare the calibration offer, could you "
                    "share how many sensors you run per line and your audit dates?" + _sig_en(),
                ),
                _Msg(
                    9.5,
                    Direction.IN,
                    "Hi Jana,\n\nwe run 14 sensors per line on 6 lines; audits "
                    "are in March and September. The chart shows last year's drift.\n\nClaire",
                    subject="Re: Requirements for the calibration service",
                    files=[AttachmentBlob("drift-2025.png", "image/png", _png(200, 100))],
                ),
            ],
        ),
        _Thread(
            becker,
            "Rahmenvertrag 2026/27",
            [
                _Msg(
                    58,
                    Direction.OUT,
                    "Hallo Herr Becker,\n\nanbei der Entwurf für den "
                    "Rahmenvertrag 2026/27. Die Preise sind für 24 Monate fest." + _sig_de(),
                    files=[
                        AttachmentBlob(
                            "Rahmenvertrag_Entwurf.pdf",
                            "application/pdf",
                            _pdf(
                                "Rahmenvertrag 2026/27 (Entwurf)",
                                ["Laufzeit 24 Monate", "Preisbindung", "Servicelevel"],
                            ),
                        )
                    ],
                ),
                _Msg(
                    55,
                    Direction.IN,
                    "Hallo Frau Weber,\n\nunser Justiziariat hat zwei "
                    "Anmerkungen zu § 7 (Haftung). Ich melde mich nach der Prüfung.\n\nGruß\n"
                    "Jürgen Becker",
                    subject="AW: Rahmenvertrag 2026/27",
                ),
                _Msg(
                    8,
                    Direction.OUT,
                    "Hallo Herr Becker,\n\ngibt es schon Neuigkeiten vom "
                    "Justiziariat zu § 7?" + _sig_de(),
                    subject="AW: Rahmenvertrag 2026/27",
                ),
            ],
        ),
        _Thread(
            anna,
            "Sensor for my greenhouse",
            [
                _Msg(
                    14,
                    Direction.OUT,
                    "Hi Anna,\n\nthe S50 starter kit is a good fit for a "
                    "greenhouse: temperature, humidity and soil moisture, battery-powered."
                    + _sig_en(),
                ),
                _Msg(
                    13.2,
                    Direction.IN,
                    "Perfect, I'll order two. Do you ship to Poland?\n\nAnna",
                    subject="Re: Sensor for my greenhouse",
                ),
            ],
        ),
        _Thread(
            lena,
            "Ihre Anfrage zum Starterkit",
            [
                _Msg(
                    6,
                    Direction.OUT,
                    "Hallo Frau Hartmann,\n\ndanke für Ihre Anfrage über "
                    "unsere Website. Das Starterkit S50 kostet 129 € inkl. MwSt." + _sig_de(),
                ),
                _Msg(
                    4.5,
                    Direction.IN,
                    "Hallo Frau Weber,\n\ndanke! Ist die App auch auf Deutsch "
                    "verfügbar?\n\nLena Hartmann",
                    subject="Re: Ihre Anfrage zum Starterkit",
                ),
            ],
        ),
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

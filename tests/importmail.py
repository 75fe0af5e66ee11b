"""A realistic mailbox for "bring in existing conversations": customer threads among noise.

Written straight into Dovecot's maildir (INBOX and Sent) with each file's mtime set to the
message's date, because Dovecot's INTERNALDATE (what SEARCH SINCE uses) is the mtime.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from servers.mailservers import Dovecot

ALICE = "alice@example.test"
TOKEN = "PRIVACY-7f3a9c-NEVER-STORED"


@dataclass
class Mailbox:
    """What was written, and what an import of the last four weeks must bring in."""

    customers: list[str] = field(default_factory=list)
    threads: dict[str, set[str]] = field(default_factory=dict)  # customer -> Message-IDs
    old_contact: str = "frueher@altkunde.example"
    old_ids: set[str] = field(default_factory=set)
    total: int = 0

    @property
    def expected_ids(self) -> set[str]:
        return {i for ids in self.threads.values() for i in ids}


def message(
    sender: str,
    to: str,
    subject: str,
    msgid: str,
    when: datetime,
    body: str = "Guten Tag,\n\nanbei die Unterlagen.\n",
    refs: tuple[str, ...] = (),
    extra: dict[str, str] | None = None,
) -> bytes:
    m = EmailMessage()
    m["From"] = sender
    m["To"] = to
    m["Subject"] = subject
    m["Date"] = format_datetime(when)
    m["Message-ID"] = msgid
    if refs:
        m["In-Reply-To"] = refs[-1]
        m["References"] = " ".join(refs)
    for k, v in (extra or {}).items():
        m[k] = v
    m.set_content(body)
    return m.as_bytes()


def _write(d: Dovecot, folder: str, items: list[tuple[bytes, datetime]]) -> None:
    md = d.maildir(ALICE) / folder if folder else d.maildir(ALICE)
    for sub in ("", "cur", "new", "tmp"):
        (md / sub).mkdir(parents=True, exist_ok=True)
        os.chown(md / sub, d.uid, d.gid)
    os.chown(d.maildir(ALICE), d.uid, d.gid)
    os.chown(d.maildir(ALICE).parent, d.uid, d.gid)
    host = socket.gethostname()
    for n, (msg, when) in enumerate(items, 1):
        fn: Path = md / "cur" / f"{int(when.timestamp())}.M{n}P{os.getpid()}.{host},S={len(msg)}:2,"
        fn.write_bytes(msg)
        os.chown(fn, d.uid, d.gid)
        os.utime(fn, (when.timestamp(), when.timestamp()))


def build_mailbox(d: Dovecot, total: int = 2000, customers: int = 40) -> Mailbox:
    """*customers* threads of the last four weeks with one customer each, among noise:
    colleagues (own domain), group senders, a never-log domain, strangers, an old thread."""
    now = datetime.now(UTC).replace(microsecond=0)
    box = Mailbox()
    inbox: list[tuple[bytes, datetime]] = []
    sent: list[tuple[bytes, datetime]] = []
    me = f"Alice Vertrieb <{ALICE}>"
    for i in range(customers):
        who = f"kunde{i}@firma{i}.example"
        box.customers.append(who)
        t0 = now - timedelta(days=1 + i % 20, hours=i % 7)
        first, answer = f"<s{i}@example.test>", f"<r{i}@firma{i}.example>"
        sent.append((message(me, f"Kunde {i} <{who}>", f"Angebot {i}", first, t0), t0))
        t1 = t0 + timedelta(hours=2)
        inbox.append(
            (message(f"Kunde {i} <{who}>", me, f"Re: Angebot {i}", answer, t1, refs=(first,)), t1)
        )
        ids = {first, answer}
        if i % 3 == 0:
            t2 = t1 + timedelta(hours=1)
            third = f"<s{i}b@example.test>"
            sent.append((message(me, who, f"Re: Angebot {i}", third, t2, refs=(first, answer)), t2))
            ids.add(third)
        box.threads[who] = ids
    # an old thread (eight weeks ago) with someone not written to since
    old = now - timedelta(weeks=8)
    sent.append((message(me, box.old_contact, "Rahmenvertrag", "<old1@example.test>", old), old))
    reply_old = message(
        box.old_contact, me, "Re: Rahmenvertrag", "<old2@altkunde.example>",
        old + timedelta(days=1), refs=("<old1@example.test>",),
    )  # fmt: skip
    inbox.append((reply_old, old + timedelta(days=1)))
    box.old_ids = {"<old1@example.test>", "<old2@altkunde.example>"}
    # the user's own mail that does not make anyone a customer
    for j in range(30):
        t = now - timedelta(days=2 + j % 20)
        to = ["Bob <bob@example.test>", "info@lieferant.example", "x@partner.example"][j % 3]
        sent.append((message(me, to, f"Intern {j}", f"<int{j}@example.test>", t), t))
        refs = (f"<int{j}@example.test>",)
        inbox.append((message(to, me, f"Re: Intern {j}", f"<int{j}r@x.example>", t, refs=refs), t))
    # the privacy token: in a stranger's message (subject and body) and a colleague's
    t = now - timedelta(days=3)
    inbox.append(
        (message("fremd@unbekannt.example", me, f"Vertraulich {TOKEN}", "<tok1@unbekannt.example>",
                 t, body=f"Bitte nicht speichern: {TOKEN}\n"), t)
    )  # fmt: skip
    inbox.append(
        (message("Bob <bob@example.test>", me, "Lohnliste", "<tok2@example.test>", t,
                 body=f"Intern: {TOKEN}\n"), t)
    )  # fmt: skip
    n = 0
    while len(inbox) + len(sent) < total:
        t = now - timedelta(days=n % 27, minutes=n)
        sender = ["news@shop.example", "noreply@cloud.example", f"jemand{n}@fremd{n % 50}.example"][
            n % 3
        ]
        inbox.append(
            (message(sender, me, f"Mitteilung {n}", f"<noise{n}@fremd.example>", t), t)
        )  # fmt: skip
        n += 1
    _write(d, "", inbox)
    _write(d, ".Sent", sent)
    box.total = len(inbox) + len(sent)
    return box

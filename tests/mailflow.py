"""Helpers for engine tests: a logged-in account on a real Dovecot, replies, store reads."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import IO, Any

from imapclient import IMAPClient

from servers.cli import Cli
from servers.mailservers import Dovecot

ALICE = "alice@example.test"
BOB = "bob@example.test"


def wait_for(pred: Callable[[], Any], timeout: float = 15.0, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    while True:
        got = pred()
        if got:
            return got
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


class Lines:
    """A child's output, line by line as it comes (so a test waits on a line, not a sleep)."""

    def __init__(self, pipe: IO[str] | None) -> None:
        assert pipe is not None
        self.lines: list[str] = []
        self._t = threading.Thread(target=self._read, args=(pipe,), daemon=True)
        self._t.start()

    def _read(self, pipe: IO[str]) -> None:
        for line in pipe:
            self.lines.append(line.rstrip("\n"))
        pipe.close()

    def since(self, n: int) -> list[str]:
        return self.lines[n:]

    def done(self, timeout: float = 10.0) -> None:
        """Wait until the child closed its end (call after it exited)."""
        self._t.join(timeout)


def reply(
    to_msgid: str,
    *,
    sender: str = BOB,
    subject: str = "Re: Angebot",
    body: str = "Danke, passt.",
    attachment: bytes | None = None,
    msgid: str | None = None,
    extra: dict[str, str] | None = None,
) -> bytes:
    m = EmailMessage()
    m["From"] = f"Bob Kunde <{sender}>"
    m["To"] = f"Alice <{ALICE}>"
    m["Subject"] = subject
    m["Date"] = format_datetime(datetime.now(UTC))
    m["Message-ID"] = msgid or make_msgid(domain="example.test")
    if to_msgid:
        m["In-Reply-To"] = to_msgid
        m["References"] = to_msgid
    for k, v in (extra or {}).items():
        m[k] = v
    m.set_content(body)
    if attachment is not None:
        m.add_attachment(attachment, maintype="application", subtype="pdf", filename="Auftrag.pdf")
    return m.as_bytes()


@dataclass
class Setup:
    cli: Cli
    dovecot: Dovecot

    @property
    def db(self) -> Path:
        return self.cli.data_dir / "replytrail.sqlite3"

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        if not self.db.exists():
            return []
        with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=10) as c:
            try:
                return c.execute(sql, params).fetchall()
            except sqlite3.OperationalError:
                return []

    def logged(self) -> dict[str, tuple[str, str, str]]:
        return {
            r[0]: (r[1], r[2], r[3])
            for r in self.rows("SELECT message_id, direction, match, kind FROM emails")
        }

    def send(self, subject: str = "Angebot", to: str = BOB, **kw: str) -> str:
        args = ["send", "--to", to, "--subject", subject, "--body", kw.get("body", "Hallo Bob")]
        if "attach" in kw:
            args += ["--attach", kw["attach"]]
        return self.cli.ok(*args).out.strip()

    @contextmanager
    def imap(self, user: str = ALICE, password: str = "alicepw") -> Iterator[IMAPClient]:
        """A logged-in IMAPS connection to the test Dovecot, as another mail program."""
        with IMAPClient(
            self.dovecot.listen,
            port=self.dovecot.ports["imaps"],
            ssl_context=self.dovecot.ssl_context(),
        ) as c:
            c.login(user, password)
            yield c

    def deliver(self, msg: bytes, rcpt: str = ALICE) -> None:
        self.dovecot.deliver(rcpt, msg)

    def watch(self, *extra: str) -> subprocess.Popen[str]:
        return self.cli.popen("--verbose", "watch", *extra)


def stop(p: subprocess.Popen[str], sig: int = signal.SIGTERM) -> tuple[str, str]:
    p.send_signal(sig)
    out, err = p.communicate(timeout=10)
    return out, err

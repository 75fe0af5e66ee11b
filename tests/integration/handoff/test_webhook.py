"""The signed webhook against a real HTTPS receiver: signatures, retries, refusals, SIGKILLs."""

from __future__ import annotations

import random
import signal
import sqlite3
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from factories import record
from replytrail.core.store.sqlite import SQLiteStore
from servers.cli import Cli
from servers.webhook import Receiver, verify

pytestmark = pytest.mark.servers
SECRET = "s3cret-signing-key-for-tests"


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[Receiver]:
    r = Receiver(SECRET.encode(), tmp_path).start()
    yield r
    r.stop()


def log_emails(cli: Cli, n: int, target: str = "handoff:hook") -> list[str]:
    """Log *n* replies into the data dir's store, each with its outbox entry (as the engine
    does), in one process; returns their Message-IDs."""
    store = SQLiteStore(cli.data_dir / "replytrail.sqlite3", cli.data_dir / "attachments")
    try:
        thread = store.new_thread_id()
        ids = []
        for i in range(1, n + 1):
            rec = record(i, thread, contact="emma.fischer@kunde.example", body=f"Antwort {i}")
            rec.outbox = [target]
            store.record(rec)
            ids.append(rec.email.message_id)
        return ids
    finally:
        store.close()


def add_hook(cli: Cli, receiver: Receiver, *extra: str) -> None:
    cli.ok(
        "handoff", "add", "hook", "--webhook", receiver.url, "--ca-file", str(receiver.ca_file),
        *extra, "--secret-stdin", input=SECRET + "\n",
    )  # fmt: skip


def outbox_rows(cli: Cli) -> int:
    with sqlite3.connect(cli.data_dir / "replytrail.sqlite3") as db:
        return int(db.execute("SELECT count(*) FROM outbox").fetchone()[0])


def test_delivered_signed_in_order_with_the_contact(cli: Cli, receiver: Receiver) -> None:
    add_hook(cli, receiver)
    ids = log_emails(cli, 3)
    r = cli("handoff", "deliver", "--json")
    assert r.code == 0, r.err
    assert r.json()["delivered"] == 3
    assert all(x.valid for x in receiver.received)
    assert [x.body["email"]["message_id"] for x in receiver.received] == ids
    first = receiver.received[0].body
    assert first["event"] == "email.logged"
    assert first["email"]["body_text"] == "Antwort 1" and first["email"]["direction"] == "in"
    assert first["contact"]["email"] == "emma.fischer@kunde.example"
    assert len(set(receiver.keys())) == 3
    assert outbox_rows(cli) == 0
    # the signing secret went to the keyring, not into a file of the data dir
    assert not any(
        SECRET.encode() in p.read_bytes() for p in cli.data_dir.rglob("*") if p.is_file()
    )


def test_receiver_down_then_back_everything_arrives(cli: Cli, receiver: Receiver) -> None:
    add_hook(cli, receiver)
    log_emails(cli, 5)
    receiver.status = 503
    r = cli("handoff", "deliver", "--json")
    assert r.code == 1 and r.json()["retry_later"] == 1  # the first fails; the rest wait behind
    st = cli("handoff", "status", "--json").json()[0]
    assert st["pending"] == 5 and st["failed"] == 0 and "503" in st["last_error"]
    assert st["next_attempt"] is not None
    again = cli("handoff", "deliver", "--json").json()  # backoff: nothing is due yet
    assert again == {**again, "delivered": 0, "retry_later": 0}
    receiver.status = 200
    cli.ok("handoff", "retry")
    assert cli.ok("handoff", "deliver", "--json").json()["delivered"] == 5
    assert len(receiver.received) == 5 and outbox_rows(cli) == 0


def test_4xx_stops_retrying_and_shows_the_error(cli: Cli, receiver: Receiver) -> None:
    add_hook(cli, receiver)
    log_emails(cli, 1)
    receiver.status = 422
    r = cli("handoff", "deliver", "--json")
    assert r.code == 1 and r.json()["refused"] == 1
    st = cli("handoff", "status")
    assert st.code == 1 and "1 failed" in st.out and "HTTP 422" in st.out
    cli("handoff", "deliver")  # refused entries are not retried by themselves
    assert cli("handoff", "status", "--json").json()[0]["failed"] == 1
    receiver.status = 200
    cli.ok("handoff", "retry", "hook")
    assert cli.ok("handoff", "deliver", "--json").json()["delivered"] == 1


@pytest.mark.slow
def test_sigkill_between_post_and_ack_repeats_at_most_one_email_per_kill(
    cli: Cli, receiver: Receiver
) -> None:
    add_hook(cli, receiver)
    ids = log_emails(cli, 30)
    receiver.delay = 0.04
    rng = random.Random(7)
    kills = 0
    while kills < 24 and outbox_rows(cli) > 0:
        p = cli.popen("handoff", "deliver")
        time.sleep(rng.uniform(0.05, 0.5))  # the kill point
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            kills += 1
        p.communicate(timeout=30)
    receiver.delay = 0
    cli.ok("handoff", "retry")
    cli.ok("handoff", "deliver")
    assert kills >= 20
    counts = Counter(receiver.keys())
    assert len(counts) == len(ids)  # every email arrived
    # a kill between POST and ack repeats the email in flight, never more: two kills landing on
    # the same email's POST send it three times, so the bound is per kill, not per email
    assert sum(counts.values()) - len(ids) <= kills
    assert max(counts.values()) <= 1 + kills
    received_ids = {x.body["email"]["message_id"] for x in receiver.received}
    assert received_ids == set(ids)
    assert outbox_rows(cli) == 0


def test_signature_check_rejects_tampering_and_replays() -> None:
    from replytrail.core.handoff.webhook import sign

    body = b'{"event":"email.logged"}'
    now = int(time.time())
    header = sign(SECRET, body, now)
    assert verify(SECRET.encode(), body, header)
    assert not verify(SECRET.encode(), body + b" ", header)
    assert not verify(b"another-secret", body, header)
    assert not verify(SECRET.encode(), body, sign(SECRET, body, now - 3600))  # a replay


def test_plain_http_and_bad_names_are_one_line_errors(cli: Cli) -> None:
    for args in (
        ["handoff", "add", "hook", "--webhook", "http://crm.example/hook", "--secret-stdin"],
        ["handoff", "add", "Bad Name", "--forward", "crm@example.test"],
        ["handoff", "add", "hook", "--forward", "not-an-address"],
        ["handoff", "remove", "nothing"],
    ):
        r = cli(*args, input="x" * 20 + "\n")
        assert r.code == 1, args
        assert len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err

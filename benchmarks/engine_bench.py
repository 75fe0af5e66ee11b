"""Engine benchmarks (issue #3): IDLE delivery latency and the catch-up scan, against Dovecot.

Run: ``./dev bench`` (all benchmarks) or ``.venv/bin/python benchmarks/engine_bench.py``.
Writes the figures to ``docs/performance.md`` (section "Engine") with the machine and date.

1. Delivery → committed-in-store latency over IDLE, 50 LMTP deliveries. A bare imapclient
   IDLE client waits on the same mailbox at the same time: its deliver → EXISTS time is the
   floor (Dovecot batches new-mail notifications by ~0.5 s); the report gives both and the
   per-delivery difference.
2. Catch-up scan of a 50,000-message INBOX holding 100 replies to tracked emails
   (``replytrail watch --once`` as a child process, peak RSS from the kernel) against a bare
   imapclient FETCH of the same header fields on the same mailbox.
"""

from __future__ import annotations

import os
import platform
import resource
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "desktop")]

from imapclient import IMAPClient  # noqa: E402

from replytrail.core.mail.catchup import FETCH_FIELDS  # noqa: E402
from servers.keyring import SecretService  # noqa: E402
from servers.mailservers import Dovecot, free_port, start_lmtp_relay  # noqa: E402

ALICE, BOB = "alice@example.test", "bob@example.test"
N_DELIVERIES = int(os.environ.get("N_DELIVERIES", 50))
N_MAILBOX = int(os.environ.get("N_MAILBOX", 50_000))
N_REPLIES = 100
HEADER_ITEM = "BODY.PEEK[HEADER.FIELDS (" + " ".join(f.upper() for f in FETCH_FIELDS) + ")]"


def cli(data: Path, env: dict[str, str], *args: str, input: str | None = None) -> str:
    r = subprocess.run(
        [sys.executable, "-m", "replytrail", "--data-dir", str(data), *args],
        input=input,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if r.returncode:
        raise SystemExit(f"replytrail {' '.join(args)} failed: {r.stderr}")
    return r.stdout


def add_account(d: Dovecot, data: Path, env: dict[str, str]) -> None:
    cli(
        data,
        env,
        "account",
        "add",
        "--email",
        ALICE,
        "--imap-host",
        d.listen,
        "--imap-port",
        str(d.ports["imaps"]),
        "--smtp-host",
        d.listen,
        "--smtp-port",
        str(d.ports["submissions"]),
        "--ca-file",
        str(d.certs[0]),
        "--no-discover",
        "--password-stdin",
        input="alicepw\n",
    )


def message(i: int, *, in_reply_to: str = "", subject: str = "") -> bytes:
    hdr = [
        f"Return-Path: <user{i % 97}@example.org>",
        f"Received: from mx.example.org by mail.example.test with ESMTPS id {i:08x}; "
        f"Thu, 26 Nov 2026 10:{i % 60:02d}:00 +0000",
        f"Message-ID: <msg{i}@example.org>",
        f"From: User {i % 97} <user{i % 97}@example.org>",
        "To: Alice <alice@example.test>",
        f"Subject: {subject or ('Re: ' if i % 3 else '') + f'Topic number {i // 3}'}",
        f"Date: {format_datetime(datetime.now(UTC))}",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
    ]
    if in_reply_to:
        hdr.append(f"In-Reply-To: {in_reply_to}")
        hdr.append(f"References: {in_reply_to}")
    elif i % 3:
        # other people's threads: they reference mail that is not in this mailbox
        hdr.append(f"In-Reply-To: <other{i - 1}@example.org>")
        hdr.append(f"References: <other{i - 2}@example.org> <other{i - 1}@example.org>")
    body = f"Hello, this is message {i}.\n" + "Lorem ipsum dolor sit amet.\n" * 6
    return ("\r\n".join(hdr) + "\r\n\r\n" + body.replace("\n", "\r\n")).encode()


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]


# ---------------------------------------------------------------------- 1. IDLE latency
def idle_latency(d: Dovecot, data: Path, env: dict[str, str]) -> dict[str, float]:
    from replytrail.core.accounts import AccountRegistry
    from replytrail.core.config import Settings
    from replytrail.core.credentials import Credentials
    from replytrail.core.engine import Engine
    from replytrail.core.events import EmailLogged, Event, StateChanged, WatchState
    from replytrail.core.paths import resolve_paths
    from replytrail.core.store.sqlite import SQLiteStore

    tracked = cli(data, env, "send", "--to", BOB, "--subject", "Angebot", "--body", "Hallo").strip()
    paths = resolve_paths(data)
    store = SQLiteStore(paths.store_file, paths.blob_dir)
    logged: dict[str, float] = {}
    watching = threading.Event()

    def sink(e: Event) -> None:
        if isinstance(e, EmailLogged):
            logged[e.email.message_id] = time.monotonic()
        elif isinstance(e, StateChanged) and e.state.state is WatchState.WATCHING:
            watching.set()

    engine = Engine(
        store=store,
        accounts=AccountRegistry(paths.accounts_file),
        credentials=Credentials(),
        settings=Settings(paths.settings_file),
        sink=sink,
    )
    engine.start()
    watching.wait(30)
    time.sleep(1.0)
    floor: list[float] = []
    ours: list[float] = []
    bare = IMAPClient(d.listen, port=d.ports["imaps"], ssl_context=d.ssl_context())
    bare.login(ALICE, "alicepw")
    bare.select_folder("INBOX", readonly=True)
    try:
        for i in range(N_DELIVERIES):
            bare.idle()
            mid = f"<lat{i}@example.org>"
            t0 = time.monotonic()
            d.deliver(
                ALICE,
                message(900_000 + i, in_reply_to=tracked).replace(
                    f"<msg{900_000 + i}@example.org>".encode(), mid.encode()
                ),
            )
            seen = None
            while seen is None and time.monotonic() - t0 < 10:
                for r in bare.idle_check(timeout=0.05):
                    if len(r) > 1 and r[1] == b"EXISTS":
                        seen = time.monotonic()
            bare.idle_done()
            while mid not in logged and time.monotonic() - t0 < 10:
                time.sleep(0.002)
            if seen is None or mid not in logged:
                raise SystemExit(f"delivery {i} not seen/logged in time")
            floor.append(seen - t0)
            ours.append(logged[mid] - t0)
            time.sleep(0.2)
    finally:
        bare.logout()
        engine.stop()
        store.close()
    diffs = [o - f for o, f in zip(ours, floor, strict=True)]
    return {
        "floor_p50": pct(floor, 50),
        "floor_p99": pct(floor, 99),
        "ours_p50": pct(ours, 50),
        "ours_p99": pct(ours, 99),
        "over_p50": pct(diffs, 50),
        "over_p99": pct(diffs, 99),
    }


# ---------------------------------------------------------------------- 2. catch-up scan
def catch_up(d: Dovecot, data: Path, env: dict[str, str]) -> dict[str, float]:
    tracked = [
        cli(data, env, "send", "--to", BOB, "--subject", f"Angebot {k}", "--body", "Hallo").strip()
        for k in range(N_REPLIES)
    ]
    step = N_MAILBOX // N_REPLIES
    replies = {k * step + step // 2: tracked[k] for k in range(N_REPLIES)}

    def gen() -> object:
        for i in range(N_MAILBOX):
            if i in replies:
                yield message(i, in_reply_to=replies[i], subject="Re: Angebot")
            else:
                yield message(i)

    t0 = time.monotonic()
    d.seed_maildir(ALICE, gen())  # type: ignore[arg-type]
    seeded = time.monotonic() - t0
    with IMAPClient(
        d.listen, port=d.ports["imaps"], ssl_context=d.ssl_context(), timeout=600
    ) as c:  # let Dovecot index the new files once, untimed
        c.login(ALICE, "alicepw")
        c.select_folder("INBOX", readonly=True)

    def bare_fetch() -> tuple[float, float]:
        """(whole rate, rate after the first chunk) of a plain FETCH loop."""
        with IMAPClient(
            d.listen, port=d.ports["imaps"], ssl_context=d.ssl_context(), timeout=600
        ) as c:
            c.login(ALICE, "alicepw")
            c.select_folder("INBOX", readonly=True)
            t = time.monotonic()
            uids = sorted(c.search(["SINCE", datetime.now(UTC).date()]))
            n, first_n, first_t = 0, 0, 0.0
            for k in range(0, len(uids), 500):
                n += len(c.fetch(uids[k : k + 500], [HEADER_ITEM, "INTERNALDATE"]))
                if not first_n:
                    first_n, first_t = n, time.monotonic()
            end = time.monotonic()
            return n / (end - t), (n - first_n) / (end - first_t)

    bare_fetch()  # warms Dovecot's cache
    bare_whole, bare_rate = bare_fetch()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.monotonic()
    p = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "replytrail",
            "--data-dir",
            str(data),
            "--verbose",
            "watch",
            "--once",
        ],
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert p.stdout is not None
    progress: list[tuple[float, int]] = []  # the watcher's own INBOX chunk reports
    for line in p.stdout:
        parts = line.split()
        if parts[:1] == ["scan"] and parts[2] == "INBOX":
            progress.append((time.monotonic(), int(parts[3].split("/")[0])))
    p.wait()
    took = time.monotonic() - t
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    (t_first, n_first), (t_last, n_last) = progress[0], progress[-1]
    scan_rate = (n_last - n_first) / (t_last - t_first)
    with sqlite3.connect(data / "replytrail.sqlite3") as db:
        logged = db.execute("SELECT count(*) FROM emails WHERE direction = 'in'").fetchone()[0]
    whole = N_MAILBOX / took
    return {
        "seed_s": seeded,
        "bare_rate": bare_rate,
        "bare_whole": bare_whole,
        "ours_rate": scan_rate,
        "ratio": scan_rate / bare_rate,
        "whole_rate": whole,
        "whole_ratio": whole / bare_whole,
        "scan_s": took,
        "peak_rss_mb": max(peak_kib, before) / 1024,
        "replies_logged": logged,
    }


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.system()}"


def write_report(lat: dict[str, float], scan: dict[str, float]) -> str:
    ms = 1000.0
    text = f"""Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}, Dovecot on loopback
(IMAPS), by `benchmarks/engine_bench.py`.

### Delivery → committed in the store, over IDLE ({N_DELIVERIES} LMTP deliveries)

| | p50 | p99 |
|---|---|---|
| floor: bare imapclient IDLE client, deliver → EXISTS | {lat["floor_p50"] * ms:.0f} ms | {lat["floor_p99"] * ms:.0f} ms |
| Replytrail: deliver → reply committed in the store | {lat["ours_p50"] * ms:.0f} ms | {lat["ours_p99"] * ms:.0f} ms |
| **overhead over the floor** (per delivery) | **{lat["over_p50"] * ms:.0f} ms** (target ≤ 100) | **{lat["over_p99"] * ms:.0f} ms** (target ≤ 300) |

Dovecot itself batches new-mail notifications (`NOTIFY_DELAY_MSECS 500`), which is the floor.

### Catch-up scan of a {N_MAILBOX:,}-message INBOX with {N_REPLIES} replies to tracked emails

| | figure |
|---|---|
| bare imapclient FETCH of the same header fields, chunks of 500 (warm) | {scan["bare_rate"]:,.0f} msg/s |
| Replytrail's INBOX catch-up: FETCH, first look, matching, 100 bodies, commits | {scan["ours_rate"]:,.0f} msg/s |
| **ratio** (target ≥ 0.7×) | **{scan["ratio"]:.2f}×** |
| whole `replytrail watch --once` process (start, keyring, 2 logins, INBOX + Sent, exit) vs the whole bare loop | {scan["whole_rate"]:,.0f} vs {scan["bare_whole"]:,.0f} msg/s = {scan["whole_ratio"]:.2f}× ({scan["scan_s"]:.1f} s) |
| peak RSS of the watcher process (target ≤ 150 MB) | {scan["peak_rss_mb"]:.0f} MB |
| replies logged (of {N_REPLIES}) | {scan["replies_logged"]} |

Both scan rates are measured from the end of the first 500-message chunk to the end of the
last one (the watcher reports its chunks with `--verbose`); the whole-process line adds what
a scan pays once: interpreter start and imports (~0.4 s), the keyring, two logins, and the
Sent folder.
"""
    return text


def main() -> None:
    svc = SecretService()
    svc.start()
    env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=svc.address)
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = svc.address
    results = {}
    try:
        for name, fn in (("latency", idle_latency), ("scan", catch_up)):
            relay = free_port()
            d = Dovecot(relay_port=relay)
            d.start()
            ctrl, _ = start_lmtp_relay(d, relay)
            data = Path(tempfile.mkdtemp(prefix="rt-bench-"))
            try:
                add_account(d, data, env)
                results[name] = fn(d, data, env)
                print(name, {k: round(v, 4) for k, v in results[name].items()}, flush=True)
            finally:
                ctrl.stop()
                d.cleanup()
    finally:
        svc.stop()
    section = write_report(results["latency"], results["scan"])
    from report import update_section

    update_section("## Engine (issue #3)", section)
    print(section)


if __name__ == "__main__":
    main()

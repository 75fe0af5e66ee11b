"""Load (issue 14): 5 accounts on one Dovecot, 10,000 messages in bursts, the timeline open and
searched meanwhile (about 5 minutes; updates the "Load" section of docs/performance.md):

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/load_bench.py

Everything is real (Dovecot over IMAPS, LMTP deliveries from a separate process, the
Secret Service keyring, the engine's watcher threads, SQLite, the timeline window on the
store executor); see tests/loadflow.py. Reported: replies logged of those delivered, the time
until the last one was logged, the longest gap of a 10 ms GUI timer (GUI-thread CPU time
and wall time) and the process's RSS over the run.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "benchmarks"), str(ROOT / "desktop")]

from PySide6.QtWidgets import QApplication  # noqa: E402
from report import update_section  # noqa: E402
from timeline_bench import machine  # noqa: E402

from loadflow import USERS, LoadResult, run_load  # noqa: E402
from replytrail.core.paths import resolve_paths  # noqa: E402
from servers.keyring import SecretService  # noqa: E402
from servers.mailservers import Dovecot  # noqa: E402

N = int(os.environ.get("N_LOAD", 10_000))
BURSTS = int(os.environ.get("N_BURSTS", 10))


def report(r: LoadResult) -> str:
    load = Path("/proc/loadavg").read_text().split()[0]
    ok = "yes" if r.logged == r.replies and r.worst_gap_cpu_ms <= 100 else "**no**"
    return "\n".join(
        [
            f"Measured {datetime.now().astimezone():%Y-%m-%d %H:%M %Z} on {machine()} "
            f"(load average {load} at the end: the machine is shared).",
            "",
            "Command: `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/load_bench.py`",
            "",
            f"{len(USERS)} accounts on one Dovecot (IMAPS, IDLE on INBOX and Sent each), "
            f"{r.messages:,} messages delivered over LMTP from a separate process in "
            f"{BURSTS} bursts, one in 20 a reply to a tracked email; the timeline window is "
            "open and the user searches and filters contacts every 250 ms meanwhile.",
            "",
            "| measurement | value | target |",
            "|---|---|---|",
            f"| replies logged | {r.logged} of {r.replies} | all |",
            f"| deliveries (wall time) | {r.deliver_s:.1f} s | — |",
            f"| last reply logged after the first delivery | {r.until_logged_s:.1f} s | — |",
            f"| longest GUI-thread stretch without returning to the event loop (CPU time) "
            f"| {r.worst_gap_cpu_ms:.0f} ms | ≤ 100 ms |",
            f"| longest gap of a 10 ms GUI timer (wall time, includes waiting for a core "
            f"and the GIL) | {r.worst_gap_ms} ms | — |",
            f"| RSS: start → peak → end | {r.rss_mb[0]:.0f} → {max(r.rss_mb):.0f} → "
            f"{r.rss_mb[-1]:.0f} MB | bounded |",
            f"| searches and filter changes during the run | {r.searches} | — |",
            "",
            f"Within targets: {ok}. Before this run's watcher fix, mail that arrived while a "
            "folder was being caught up waited for the 5-minute safety catch-up (imaplib kept "
            "the EXISTS; `idle_check()` never saw it): 2 of 50 replies were late in the "
            "scaled-down run.",
        ]
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    ap.add_argument("--no-write", action="store_true", help="print, leave the docs alone")
    args = ap.parse_args()
    svc = SecretService()
    svc.start()
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = svc.address
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    try:
        with tempfile.TemporaryDirectory(prefix="rt-load-") as tmp, Dovecot(users=USERS) as dc:
            r = run_load(app, dc, resolve_paths(tmp), messages=N, bursts=BURSTS, timeout=1800)
    finally:
        svc.stop()
    body = report(r)
    print(body)
    if not args.no_write:
        update_section("## Load", body)
    return 0 if r.logged == r.replies else 1


if __name__ == "__main__":
    raise SystemExit(main())

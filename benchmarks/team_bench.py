"""Team-store benchmarks (issue #10), against a real PostgreSQL 15 on loopback (TLS).

Run: ``./dev bench`` (all benchmarks) or ``.venv/bin/python benchmarks/team_bench.py``.
Writes ``docs/performance.md`` (section "Team store") with the machine and date.

1. Outbox drain of 10,000 logged emails (read from SQLite, hashed, COPY + upsert under
   forced RLS, acknowledged) against a bare psycopg ``COPY`` of the same rows into a plain
   table — the floor. Target: ≥ 0.5× the floor.
2. Initial pull of a 100,000-email team history into a fresh laptop store (a child process
   running the replicator; wall time and the child's peak RSS). Target: ≤ 60 s, ≤ 200 MB.
3. Teammate's reply → in my local store (what my open timeline reads): p50/p99 over 50
   replies, both laptops' replicators running, the receiving one woken only by NOTIFY.
4. Scale: the queries replication runs, on a team history of N_SCALE emails (default two
   million: a team of 50 over five years).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "desktop"), str(ROOT / "benchmarks")]

from engine_bench import machine  # noqa: E402
from report import update_section  # noqa: E402

from replytrail.core.events import TeamOnline, TeamPulled  # noqa: E402
from replytrail.core.store.base import EmailRecord  # noqa: E402
from replytrail.core.store.postgres.link import open_connection  # noqa: E402
from replytrail.core.store.postgres.remote import _COLS, _row, push_emails  # noqa: E402
from replytrail.core.store.team_side import LocalTeamSide  # noqa: E402
from servers.keyring import SecretService  # noqa: E402
from servers.teampg import TeamPg  # noqa: E402
from teamflow import Laptop, TeamDb, team_db  # noqa: E402

N_DRAIN = int(os.environ.get("N_DRAIN", 10_000))
N_PULL = int(os.environ.get("N_PULL", 100_000))
N_LIVE = int(os.environ.get("N_LIVE", 50))
N_SCALE = int(os.environ.get("N_SCALE", 2_000_000))
ANNA, BEN, CARLA = "anna@example.com", "ben@example.com", "carla@example.com"


def _logged(
    team: TeamDb, root: Path, email: str, folder: str = ""
) -> tuple[Laptop, list[EmailRecord]]:
    """A joined laptop with N_DRAIN emails logged (all queued in its outbox)."""
    lap = Laptop(root / (folder or email.partition("@")[0]), email)
    lap.join(team)
    recs = [lap.record() for _ in range(N_DRAIN)]
    for i in range(0, len(recs), 2000):
        lap.store.record_many(recs[i : i + 2000])
    return lap, recs


def drain(team: TeamDb, root: Path) -> dict[str, float]:
    anna, recs = _logged(team, root, ANNA)
    side = LocalTeamSide(anna.store)
    ids = [r.email.id for r in recs]
    t0 = time.perf_counter()
    payloads = list(side.team_emails(ids).values())  # for the floor: the same rows
    read = time.perf_counter() - t0
    side.close()
    t0 = time.perf_counter()
    for i, e in enumerate(payloads):
        _row(i, e)
    encode = time.perf_counter() - t0
    assert anna.replicator is not None
    with open_connection(team.link(ANNA), autocommit=True) as conn:
        t0 = time.perf_counter()
        pushed, _, _ = anna.replicator.push(conn)
        ours = time.perf_counter() - t0
    assert pushed == N_DRAIN and anna.outbox() == 0, (pushed, anna.outbox())
    anna.close()
    # the server's share: the same statement on fresh rows (Ben's), no SQLite, no outbox
    ben, fresh = _logged(team, root, BEN)
    side = LocalTeamSide(ben.store)
    rows = list(side.team_emails([r.email.id for r in fresh]).values())
    side.close()
    ben.close()
    with open_connection(team.link(BEN), autocommit=True) as conn:
        t0 = time.perf_counter()
        for i in range(0, len(rows), 1000):
            with conn.transaction():
                push_emails(conn, rows[i : i + 1000])
        server = time.perf_counter() - t0
    with team.admin() as conn:
        conn.execute("CREATE TABLE bare (LIKE replytrail.emails INCLUDING DEFAULTS)")
        conn.execute("ALTER TABLE bare ADD COLUMN ord int, ADD body_text text, ADD body_html text")
        cols = (
            "ord, message_id, content_hash, account, thread_id, direction, date, date_text, "
            "from_email, from_name, to_json, cc_json, subject, kind, match, status, in_reply_to, "
            "references_json, subject_norm, thread_guid, gm_thrid, contacts, contact_emails, "
            "body_text, body_html"
        )
        t0 = time.perf_counter()
        with (
            conn.transaction(),
            conn.cursor() as cur,
            cur.copy(f"COPY bare ({cols}) FROM STDIN") as cp,
        ):
            for i, e in enumerate(payloads):
                cp.write_row(_row(i, e))
        floor = time.perf_counter() - t0
    legal = _legal_floor(team, root)
    return {
        "legal": N_DRAIN / legal,
        "legal_s": legal,
        "ours": N_DRAIN / ours,
        "floor": N_DRAIN / floor,
        "ours_s": ours,
        "floor_s": floor,
        "read_s": read,
        "encode_s": encode,
        "server": N_DRAIN / server,
        "server_s": server,
    }


def _legal_floor(team: TeamDb, root: Path) -> float:
    """The fastest write PostgreSQL allows of the same rows into the team's own tables.

    ``COPY FROM`` into a table with row-level security is refused ("COPY FROM not supported
    with row-level security"), so: a bare COPY into a temporary table, then one plain
    ``INSERT … SELECT`` per table (no upsert, no hash, no SQLite, no outbox), as a
    salesperson's role, batches of 1,000 — the same statements' skeleton the drain runs.
    """
    team.add(CARLA)
    carla, recs = _logged(team, root, CARLA, folder="floor")
    side = LocalTeamSide(carla.store)
    rows = list(side.team_emails([r.email.id for r in recs]).values())
    side.close()
    carla.close()
    temp = (
        "CREATE TEMP TABLE IF NOT EXISTS floor_rows (LIKE replytrail.emails INCLUDING DEFAULTS,"
        " body_text text, body_html text) ON COMMIT DELETE ROWS"
    )
    with open_connection(team.link(CARLA), autocommit=True) as conn:
        t0 = time.perf_counter()
        for b in range(0, len(rows), 1000):
            with conn.transaction(), conn.cursor() as cur:
                cur.execute(temp)
                with cur.copy(f"COPY floor_rows ({_COLS}, body_text, body_html) FROM STDIN") as cp:
                    for i, e in enumerate(rows[b : b + 1000]):
                        cp.write_row(_row(i, e)[1:])
                cur.execute(
                    f"INSERT INTO replytrail.emails ({_COLS}) SELECT {_COLS} FROM floor_rows"  # noqa: S608
                )
                cur.execute(
                    "INSERT INTO replytrail.bodies (message_id, body_text, body_html) "
                    "SELECT message_id, body_text, body_html FROM floor_rows"
                )
        return time.perf_counter() - t0


def _generate(team: TeamDb, n: int, owners: int, with_bodies: bool) -> float:
    """n emails from *owners* salespeople straight into the team store (as the superuser)."""
    t0 = time.perf_counter()
    with team.admin() as conn:
        conn.execute(
            "INSERT INTO replytrail.emails (owner, message_id, content_hash, account, thread_id,"
            " direction, date, date_text, from_email, to_json, subject, match, subject_norm,"
            " contacts, contact_emails) "
            "SELECT o, '<g' || i || '@bench.example>', md5(i::text), o, 't' || (i / 5), 'in',"
            " d, to_char(d AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"+00:00\"'),"
            " c, jsonb_build_array(jsonb_build_array(o, '')), 'Angebot ' || (i / 5), 'sent',"
            " 'angebot ' || (i / 5), jsonb_build_array(jsonb_build_array(c, 'Kunde')), ARRAY[c]"
            " FROM (SELECT i, 'rep' || (i %% %s) || '@example.com' AS o,"
            "  'kunde' || (i %% 20000) || '@firma' || (i %% 3000) || '.example' AS c,"
            "  timestamptz '2021-01-01' + i * interval '75 seconds' AS d"
            "  FROM generate_series(1, %s) AS i) s",
            (owners, n),
        )
        if with_bodies:
            conn.execute(
                "INSERT INTO replytrail.bodies (owner, message_id, body_text) SELECT owner,"
                " message_id, 'Guten Tag, vielen Dank für Ihr Angebot. ' || repeat('Text ', 60)"
                " FROM replytrail.emails WHERE message_id LIKE '<g%%@bench.example>'"
            )
        conn.execute("VACUUM ANALYZE replytrail.emails")
    return time.perf_counter() - t0


def pull(pg: TeamPg, root: Path) -> dict[str, float]:
    team = team_db(pg)
    _generate(team, N_PULL, 50, with_bodies=True)
    carla = Laptop(root / "carla", CARLA)
    team.add(CARLA)
    carla.join(team)
    carla.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests")}
    t0 = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "servers.team_child", str(carla.root), "500", "1000"],
        cwd=ROOT / "tests",
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - t0
    _, pulled_text, peak_kb = r.stdout.split()  # the child's own peak (RUSAGE_CHILDREN
    pulled = int(pulled_text)  # would be the largest of every child this bench waited for)
    assert pulled == N_PULL, r.stdout
    return {"s": wall, "rss_mb": int(peak_kb) / 1024, "per_s": pulled / wall, "n": pulled}


def live(team: TeamDb, root: Path) -> dict[str, float]:
    arrived = threading.Condition()

    def on_event(event: TeamOnline | TeamPulled) -> None:
        with arrived:
            arrived.notify_all()

    anna, ben = Laptop(root / "anna2", ANNA), Laptop(root / "ben", BEN)
    anna.join(team)
    ben.join(team, sink=on_event, idle_check=3600.0)
    assert anna.replicator and ben.replicator
    anna.replicator.start()
    ben.replicator.start()
    lat: list[float] = []
    try:
        for _ in range(N_LIVE):
            t0 = time.perf_counter()
            mid = anna.log().email.message_id
            with arrived:
                assert arrived.wait_for(lambda mid=mid: ben.store.has_message(mid), timeout=30)
            lat.append(time.perf_counter() - t0)
    finally:
        anna.close()
        ben.close()
    lat.sort()
    return {"p50": statistics.median(lat), "p99": lat[max(0, int(0.99 * len(lat)) - 1)]}


def scale(pg: TeamPg) -> dict[str, float]:
    team = team_db(pg)
    team.add(ANNA)
    gen = _generate(team, N_SCALE, 50, with_bodies=False)
    out: dict[str, float] = {"generate_s": gen}
    with team.as_user(ANNA) as conn:
        queries = {
            "pull_page": (
                "SELECT e.seq, e.message_id FROM replytrail.emails e LEFT JOIN replytrail.bodies b"
                " ON b.owner = e.owner AND b.message_id = e.message_id WHERE e.seq > %s"
                " ORDER BY e.seq LIMIT 1000",
                (N_SCALE - 5000,),
            ),
            "contact_lookup": (
                "SELECT count(*) FROM replytrail.emails WHERE contact_emails @> ARRAY[%s]",
                ("kunde1234@firma1234.example",),
            ),
            "own_contact": (  # what forgetting one's own emails with a contact looks up
                "SELECT count(*) FROM replytrail.emails WHERE owner = %s"
                " AND contact_emails @> ARRAY[%s]",
                ("rep7@example.com", "kunde1234@firma1234.example"),
            ),
        }
        for name, (q, params) in queries.items():
            conn.execute(q, params).fetchall()  # warm
            t0 = time.perf_counter()
            for _ in range(5):
                conn.execute(q, params).fetchall()
            out[name] = (time.perf_counter() - t0) / 5
    with team.admin() as conn:
        row = conn.execute("SELECT pg_total_relation_size('replytrail.emails')").fetchone()
        out["size_mb"] = int(row[0]) / 2**20 if row else 0  # type: ignore[call-overload]
    return out


def report(
    d: dict[str, float], p: dict[str, float], lv: dict[str, float], sc: dict[str, float]
) -> str:
    ms = 1000.0
    return f"""Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}, PostgreSQL 15 on
loopback with TLS (verify-full) and forced row-level security, by `benchmarks/team_bench.py`.

| | result | target |
|---|---|---|
| outbox drain, {N_DRAIN:,} emails (SQLite → hash → COPY + upsert → ack) | {d["ours"]:,.0f} emails/s ({d["ours_s"]:.1f} s) | |
| floor: bare psycopg `COPY` of the same rows | {d["floor"]:,.0f} emails/s ({d["floor_s"]:.1f} s) | |
| drain ÷ floor | **{d["ours"] / d["floor"]:.2f}×**{" (missed)" if d["ours"] < d["floor"] / 2 else ""} | ≥ 0.5× |
| of the drain: reading the emails back from SQLite / encoding and hashing them | {d["read_s"]:.2f} s / {d["encode_s"]:.2f} s | |
| the same push on emails already read from SQLite (encoding, COPY, upserts; ÷ floor) | {d["server"]:,.0f} emails/s ({d["server_s"]:.2f} s, {d["server"] / d["floor"]:.2f}×) | |
| the fastest write PostgreSQL allows into the team's tables: COPY into a temporary table + plain `INSERT … SELECT`, same rows | {d["legal"]:,.0f} emails/s ({d["legal_s"]:.2f} s) | |
| drain ÷ that | **{d["ours"] / d["legal"]:.2f}×** | |
| initial pull of {p["n"]:,.0f} emails into a fresh laptop (pages of 1,000) | **{p["s"]:.1f} s** ({p["per_s"]:,.0f}/s) | ≤ 60 s |
| peak memory of that process | **{p["rss_mb"]:.0f} MB** | ≤ 200 MB |
| teammate's reply → in my store ({N_LIVE} replies), p50 | **{lv["p50"] * ms:.0f} ms** | ≤ 300 ms |
| same, p99 | **{lv["p99"] * ms:.0f} ms** | ≤ 1 s |

At scale: {N_SCALE:,} emails of 50 salespeople ({sc["size_mb"]:,.0f} MB with indexes, generated
in {sc["generate_s"]:.0f} s), each query as a salesperson's role under row-level security:

| query | time |
|---|---|
| a pull page (1,000 rows after a cursor) | {sc["pull_page"] * ms:.1f} ms |
| all emails with one contact (forget, GIN on `contact_emails`) | {sc["contact_lookup"] * ms:.1f} ms |
| one salesperson's emails with one contact (forget own) | {sc["own_contact"] * ms:.1f} ms |

Load average while measuring: {os.getloadavg()[0]:.1f} (the machine is shared; figures vary
by ±30 % and more between runs).

Notes:
- The drain misses its target against the issue's floor, a bare `COPY` into a table
  without indexes, triggers or policies, and cannot reach it with the team table the issue
  also asks for: PostgreSQL refuses `COPY FROM` into a table with row-level security
  ("COPY FROM not supported with row-level security"), so every row goes through an
  `INSERT` under the forced policies, the change-number trigger, the primary key, the `seq`
  and GIN (forget at two million rows) indexes, and the bodies' foreign key (which makes a
  forget remove the bodies even where the policy hides them from the admin). The row "the
  fastest write PostgreSQL allows into the team's tables" is that skeleton alone, and it is
  already about half the bare floor's rate; the drain reaches the ratio shown against it.
  The rest is the drain's own work: reading each email back from SQLite (the local store
  stays the source of truth), the content hash, the upsert (a second push changes nothing),
  the acknowledgement. Done: the next batch is read and encoded for COPY on a second thread
  while the server works on the current one; one JSON encoder for all fields; the
  sequence lock once per statement; the unused `(owner, seq)` index dropped (schema v4).
  At the measured rate a laptop that was offline for a month (a few hundred emails) drains
  in well under a second.
- The initial pull is bound by the local store's inserts (full-text index included), in
  transactions of 1,000 emails with the cursor, in a child process (`team_child`, the
  replicator that `team sync` runs). Its memory is the child's own peak (`VmHWM`); figures
  before 2026-12-04 (142 MB) took `getrusage(RUSAGE_CHILDREN)`, which is the largest of
  every child process the benchmark had waited for, and on Linux keeps the parent's size
  from before the exec — not the replicator's.
- The teammate latency is push → NOTIFY → pull → commit in the other laptop's store, which
  is what its open timeline reads (the window refreshes on the `TeamPulled` event).
"""


def main() -> None:
    svc = SecretService()
    svc.start()
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = svc.address
    pg = TeamPg()
    pg.start()
    try:
        with tempfile.TemporaryDirectory(prefix="team-bench-") as tmp:
            root = Path(tmp)
            team = team_db(pg)
            team.add(ANNA)
            team.add(BEN)
            d = drain(team, root)
            print("drain", d, flush=True)
            lv = live(team, root)
            print("live", lv, flush=True)
            p = pull(pg, root)
            print("pull", p, flush=True)
            sc = scale(pg)
            print("scale", sc, flush=True)
        update_section("## Team store", report(d, p, lv, sc))
    finally:
        pg.cleanup()
        svc.stop()


if __name__ == "__main__":
    main()

"""contacts / timeline / search / export / forget / config / doctor on a filled store (SPEC §12)."""

from __future__ import annotations

import json
import mailbox
import sqlite3
from email import message_from_bytes
from pathlib import Path

import pytest

from replytrail.app.demo import build_demo_data
from servers.cli import Cli
from servers.mailservers import Postgres

pytestmark = pytest.mark.servers

EMAIL_KEYS = {
    "message_id",
    "thread_id",
    "direction",
    "date",
    "from",
    "to",
    "cc",
    "subject",
    "kind",
    "match",
    "body_text",
    "attachments",
}


@pytest.fixture
def filled(cli: Cli) -> Cli:
    build_demo_data(cli.data_dir)
    return cli


def test_contacts_json_contract_sorted_by_last_activity(filled: Cli) -> None:
    contacts = filled.ok("contacts", "--json").json()
    assert len(contacts) >= 10
    for c in contacts:
        assert {"email", "name", "company", "emails", "last_activity"} <= set(c)
    last = [c["last_activity"] for c in contacts]
    assert last == sorted(last, reverse=True)
    assert any(c["bounced"] for c in contacts)


def test_timeline_json_contract_newest_first(filled: Cli) -> None:
    who = filled.ok("contacts", "--json").json()[0]["email"]
    emails = filled.ok("timeline", who, "--json").json()
    assert emails
    for e in emails:
        assert set(e) >= EMAIL_KEYS
        assert e["direction"] in ("in", "out")
        assert e["kind"] in ("email", "auto-reply", "bounce")
        assert "+" in e["date"] or e["date"].endswith("Z") or "-" in e["date"][19:]
        for a in e["attachments"]:
            assert {"filename", "size", "sha256"} <= set(a)
    dates = [e["date"] for e in emails]
    assert dates == sorted(dates, reverse=True)
    unknown = filled("timeline", "nobody@nowhere.example")
    assert unknown.code == 1 and unknown.err.count("\n") == 1


def test_search_with_filters(filled: Cli) -> None:
    hits = filled.ok("search", "Angebot", "--json").json()
    assert hits and all(set(e) >= EMAIL_KEYS for e in hits)
    incoming = filled.ok("search", "Angebot", "--direction", "in", "--json").json()
    assert incoming and all(e["direction"] == "in" for e in incoming)
    assert len(incoming) < len(hits)
    assert filled.ok("search", "Angebot", "--since", "2099-01-01", "--json").json() == []
    bad = filled("search", "x", "--since", "yesterday")
    assert bad.code == 1 and "not a date" in bad.err


def test_export_eml_mbox_json(filled: Cli, tmp_path: Path) -> None:
    who = filled.ok("contacts", "--json").json()[0]
    n = who["emails"]
    box = tmp_path / "c.mbox"
    filled.ok("export", who["email"], "--format", "mbox", "-o", str(box))
    mbox = mailbox.mbox(str(box))
    try:
        assert len(mbox) == n
    finally:
        mbox.close()
    out = tmp_path / "eml"
    filled.ok("export", who["email"], "--format", "eml", "-o", str(out))
    files = sorted(out.glob("*.eml"))
    assert len(files) == n
    assert all(message_from_bytes(f.read_bytes())["Message-ID"] for f in files)
    js = tmp_path / "c.json"
    filled.ok("export", who["email"], "--format", "json", "-o", str(js))
    assert len(json.loads(js.read_text())) == n


def test_forget_removes_contact_bodies_and_tracked_ids(filled: Cli) -> None:
    who = filled.ok("contacts", "--json").json()[0]["email"]
    emails = filled.ok("timeline", who, "--json").json()
    ids = [e["message_id"] for e in emails]
    filled.ok("forget", who)
    assert who not in [c["email"] for c in filled.ok("contacts", "--json").json()]
    db = sqlite3.connect(filled.data_dir / "replytrail.sqlite3")
    try:
        marks = ",".join("?" * len(ids))
        q = f"SELECT count(*) FROM tracked_ids WHERE message_id IN ({marks})"  # noqa: S608
        assert db.execute(q, ids).fetchone() == (0,)
        q = f"SELECT count(*) FROM emails WHERE message_id IN ({marks})"  # noqa: S608
        assert db.execute(q, ids).fetchone() == (0,)
    finally:
        db.close()
    body = emails[0]["body_text"][:40]
    if body.strip():
        for f in filled.data_dir.rglob("*"):
            if f.is_file() and f.suffix not in (".toml",):
                assert body.encode() not in f.read_bytes(), f


def test_config_get_set_reset_and_validation(cli: Cli) -> None:
    assert cli.ok("config", "get", "watch.idle_refresh").out.strip() == "600.0"
    cli.ok("config", "set", "watch.idle_refresh", "120")
    assert cli.ok("config", "get", "watch.idle_refresh").out.strip() == "120.0"
    cli.ok("config", "set", "logging.never_log", "@acme.example, boss@partner.example")
    assert cli.ok("config", "get", "logging.never_log").out.strip() == (
        "@acme.example,boss@partner.example"
    )
    listed = cli.ok("config", "list", "--json").json()
    assert listed["watch.idle_refresh"] == {
        "value": 120.0,
        "source": "user",
        "help": listed["watch.idle_refresh"]["help"],
        "locked": False,  # added with admin policies (issue 12)
    }
    bad = cli("config", "set", "logging.mode", "everything")
    assert bad.code == 1 and "must be one of" in bad.err
    assert cli("config", "get", "no.such.key").code == 1
    cli.ok("config", "reset", "watch.idle_refresh")
    assert cli.ok("config", "get", "watch.idle_refresh").out.strip() == "600.0"


def test_team_preset_is_merged_under_the_users_settings(cli: Cli, tmp_path: Path) -> None:
    preset = tmp_path / "preset.toml"
    preset.write_text(
        '[logging]\nnever_log = ["@our-team.example"]\nsince_days = 90\n'
        '[general]\nlanguage = "de"\n'
    )
    env = {"REPLYTRAIL_PRESET": str(preset)}
    listed = cli("config", "list", "--json", env=env)
    assert listed.code == 0
    data = json.loads(listed.out)
    assert data["logging.since_days"] == {
        "value": 90,
        "source": "preset",
        "help": data["logging.since_days"]["help"],
        "locked": False,
    }
    cli.ok("config", "set", "logging.since_days", "14")
    again = json.loads(cli("config", "list", "--json", env=env).out)
    assert again["logging.since_days"]["value"] == 14
    assert again["logging.since_days"]["source"] == "user"
    assert again["logging.never_log"]["value"] == ["@our-team.example"]
    # the preset's language reaches the command line's own texts
    r = cli("timeline", "nobody@nowhere.example", env=env)
    assert r.code == 1 and "Keine" in r.err


def test_doctor_reports_each_check_and_fails_on_a_dead_account(cli: Cli) -> None:
    r = cli("doctor", "--offline")
    assert r.code == 0, r.out
    assert [line.split()[0] for line in r.out.splitlines()] == ["ok", "ok", "ok"]
    cli.ok(
        "account",
        "add",
        "--email",
        "dead@example.test",
        "--imap-host",
        "127.0.0.1",
        "--imap-port",
        "1",
        "--no-discover",
        "--no-test",
        "--password-stdin",
        input="x\n",
    )
    r = cli("doctor")
    assert r.code == 1
    lines = r.out.splitlines()
    assert any(
        line.startswith("FAIL  dead@example.test IMAP") and "refused" in line for line in lines
    )
    assert sum(1 for line in lines if line.startswith(("ok", "FAIL"))) == len(lines)
    broken = cli("doctor", env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert broken.code == 1 and "FAIL  keyring" in broken.out


def test_doctor_checks_the_team_store(cli: Cli, pg_server: Postgres) -> None:
    cli.ok("config", "set", "store.team_dsn", pg_server.dsn)
    r = cli("doctor")
    assert r.code == 0, r.out
    team = [line for line in r.out.splitlines() if "team store" in line]
    assert len(team) == 1 and team[0].startswith("ok") and "PostgreSQL" in team[0]
    assert "no TLS (this machine)" in team[0]  # loopback: allowed without TLS
    from servers.mailservers import free_port

    cli.ok(
        "config",
        "set",
        "store.team_dsn",
        f"host=127.0.0.1 port={free_port()} user=postgres dbname=crm",
    )
    r = cli("doctor")
    assert r.code == 1
    (line,) = [line for line in r.out.splitlines() if "team store" in line]
    assert line.startswith("FAIL") and "cannot be reached" in line and "127.0.0.1" in line

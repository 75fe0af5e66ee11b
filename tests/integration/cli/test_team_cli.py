"""``replytrail team …`` end to end: an administrator sets up the store, a salesperson joins
with a password on stdin (kept in the real keyring), status and doctor report it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from servers.cli import Cli
from servers.keyring import SecretService, stored_secrets
from servers.teampg import TeamPg

pytestmark = pytest.mark.servers

ANNA = "anna@example.com"


def test_admin_sets_up_a_team_and_a_salesperson_joins(
    cli: Cli, tmp_path: Path, team_pg: TeamPg, secret_service: SecretService
) -> None:
    db = team_pg.database()
    admin = Cli(tmp_path / "admin", env=cli.env)
    r = admin.ok("team", "init", "--dsn", team_pg.admin_dsn(db), "--policy", "private-bodies")
    assert "schema 0 → 4" in r.out and "private-bodies" in r.out
    r = admin.ok("team", "init", "--dsn", team_pg.admin_dsn(db))
    assert "up to date" in r.out and "private-bodies" in r.out  # idempotent, policy kept
    r = admin.ok("team", "add-user", ANNA, "--dsn", team_pg.admin_dsn(db), "--json")
    password = json.loads(r.out)["password"]

    join = ["team", "join", "--dsn", team_pg.user_dsn(db), "--user", ANNA, "--password-stdin"]
    # the server's certificate is not trusted by the system: refused, in one line
    r = cli(*join, input=password + "\n")
    assert r.code == 1 and len(r.err.strip().splitlines()) == 1
    assert "certificate verify failed" in r.err
    r = cli(*join, "--ca-file", str(team_pg.ca), input="falsch\n")
    assert r.code == 1 and "Wrong user name or password" in r.err and "falsch" not in r.err
    r = cli.ok(*join, "--ca-file", str(team_pg.ca), input=password + "\n")
    assert "Joined the team store" in r.out and "private-bodies" in r.out
    assert password in stored_secrets(secret_service)
    assert password not in (cli.data_dir / "settings.toml").read_text()

    st = json.loads(cli.ok("team", "status", "--json").out)
    assert st["joined"] and st["reachable"] and st["user"] == ANNA
    assert (st["policy"], st["schema"], st["outbox"], st["failed"]) == ("private-bodies", 4, 0, 0)
    assert "Pushed 0, pulled 0" in cli.ok("team", "sync").out
    doctor = [line for line in cli("doctor").out.splitlines() if "team store" in line]
    assert len(doctor) == 1 and doctor[0].startswith("ok") and "TLS verified" in doctor[0]

    team_pg.stop()
    try:
        r = cli("team", "sync")
        assert r.code == 1 and len(r.err.strip().splitlines()) == 1
        st = json.loads(cli.ok("team", "status", "--json").out)
        assert st["reachable"] is False and st["error"]
    finally:
        team_pg.restart()


def test_the_team_preset_carries_the_store_so_joining_takes_only_a_password(
    cli: Cli, tmp_path: Path, team_pg: TeamPg
) -> None:
    db = team_pg.database()
    admin = Cli(tmp_path / "admin", env=cli.env)
    admin.ok("team", "init", "--dsn", team_pg.admin_dsn(db))
    password = json.loads(
        admin.ok("team", "add-user", ANNA, "--dsn", team_pg.admin_dsn(db), "--json").out
    )["password"]
    preset = tmp_path / "preset.toml"
    preset.write_text(
        f'[store]\nteam_dsn = "{team_pg.user_dsn(db)}"\nteam_ca_file = "{team_pg.ca}"\n'
    )
    cli.env["REPLYTRAIL_PRESET"] = str(preset)
    r = cli.ok("team", "join", "--user", ANNA, "--password-stdin", input=password + "\n")
    assert "Joined the team store" in r.out
    assert json.loads(cli.ok("team", "status", "--json").out)["reachable"] is True

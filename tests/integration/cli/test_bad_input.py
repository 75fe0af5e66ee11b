"""Commands × bad input, through the real command line: one line on stderr, never a traceback.

Each case breaks the environment (accounts.toml with ``account = "x"`` or a list of
strings, a data dir that is a file, a data dir the user cannot read) or passes an extreme
argument (``--since 0001-01-01``, ``--limit 10**20``, a 100 KB contact filter). Broken
environments must end with exit code 1 and one line; extreme arguments are either
handled (exit 0, the answer a user expects) or refused in one line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from factories import record
from replytrail.core.store.sqlite import SQLiteStore
from servers.cli import Cli, Result

CONTACT = "kunde@firma.example"
BIG_FILTER = "x%_" * 34_000  # ~100 KB: past SQLite's LIKE pattern limit of 50,000 bytes
COMMANDS: dict[str, list[str]] = {
    "account list": ["account", "list"],
    "contacts": ["contacts", "--json"],
    "timeline": ["timeline", CONTACT, "--json"],
    "search": ["search", "Angebot", "--json"],
    "export": ["export", CONTACT, "--format", "mbox", "-o", "{out}"],
    "forget": ["forget", CONTACT],
    "config list": ["config", "list"],
    "doctor": ["doctor", "--offline"],
    "watch": ["watch", "--once"],
}

#: the commands that need accounts.toml; the others work without it
READS_ACCOUNTS = ("account list", "watch")


def _seed(data_dir: Path) -> None:
    store = SQLiteStore(data_dir / "replytrail.sqlite3", data_dir / "attachments")
    try:
        store.record(record(1, "T1", contact=CONTACT))
    finally:
        store.close()


def _accounts_string(data_dir: Path) -> Path:
    (data_dir / "accounts.toml").write_text('account = "x"\n')
    return data_dir


def _accounts_list(data_dir: Path) -> Path:
    (data_dir / "accounts.toml").write_text('account = ["x", 1]\n')
    return data_dir


def _data_dir_is_a_file(data_dir: Path) -> Path:
    shutil.rmtree(data_dir)
    data_dir.write_text("not a folder\n")
    return data_dir


def _data_dir_unreadable(data_dir: Path) -> Path:
    data_dir.chmod(0o000)  # the child runs without root's override (see _run)
    return data_dir


BROKEN: dict[str, Callable[[Path], Path]] = {
    "accounts.toml account = 'x'": _accounts_string,
    "accounts.toml account = list": _accounts_list,
    "data dir is a file": _data_dir_is_a_file,
    "data dir unreadable": _data_dir_unreadable,
}


#: root reads any folder; without these capabilities it is refused like any user
_NO_OVERRIDE = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]


def _run(cli: Cli, args: list[str], *, unprivileged: bool = False) -> Result:
    args = [a.replace("{out}", str(cli.data_dir.parent / "out.mbox")) for a in args]
    prefix = _NO_OVERRIDE if unprivileged and os.geteuid() == 0 else []
    r = subprocess.run(
        [*prefix, *cli.argv(*args)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**cli.env, "HOME": str(cli.data_dir.parent)},
    )
    return Result(r.returncode, r.stdout, r.stderr)


def _one_line(r: Result) -> None:
    assert "Traceback" not in r.err + r.out, r.err
    lines = [line for line in r.err.splitlines() if line.strip()]
    assert len(lines) <= 1, r.err


@pytest.fixture
def home(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    return data_dir


@pytest.mark.parametrize("broken", list(BROKEN))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_broken_environment_gives_one_line(home: Path, broken: str, command: str) -> None:
    _seed(home)
    data_dir = BROKEN[broken](home)
    r = _run(Cli(data_dir), COMMANDS[command], unprivileged=broken == "data dir unreadable")
    _one_line(r)
    if command == "doctor":
        assert r.code == 1 and "FAIL" in r.out  # doctor reports on stdout, one line a check
    elif broken.startswith("data dir") or command in READS_ACCOUNTS:
        assert r.code in (1, 2), (r.code, r.out, r.err)
        assert r.err.startswith("replytrail: "), r.err
    else:  # a broken accounts file does not stop reading the log
        assert r.code == 0 and r.err == "", r.err


def test_extreme_arguments_are_answered_not_crashed(home: Path) -> None:
    _seed(home)
    cli = Cli(home)
    since = _run(cli, ["search", "Angebot", "--since", "0001-01-01", "--json"])
    _one_line(since)
    assert since.code == 0 and [e["subject"] for e in since.json()] == ["Angebot Fräsmaschine"]
    for args in (["search", "Angebot"], ["timeline", CONTACT]):
        huge = _run(cli, [*args, "--limit", str(10**20), "--json"])
        _one_line(huge)
        assert huge.code == 0 and len(huge.json()) == 1  # "all", not an overflow
    contacts = _run(cli, ["contacts", "--search", BIG_FILTER, "--json"])
    _one_line(contacts)
    assert contacts.code == 0 and contacts.json() == []
    found = _run(cli, ["contacts", "--search", "FIRMA", "--json"])
    assert [c["email"] for c in found.json()] == [CONTACT]  # still case-insensitive
    for args in (["timeline", BIG_FILTER], ["export", BIG_FILTER, "--format", "json", "-o", "x"]):
        r = _run(cli, args)
        _one_line(r)
        assert r.code == 1 and r.err.startswith("replytrail: ")

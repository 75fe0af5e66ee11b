"""Run the real ``replytrail`` command line as a child process, as a user or script would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class Cli:
    """``python -m replytrail --data-dir D ...`` with a controlled environment."""

    def __init__(self, data_dir: Path, env: dict[str, str] | None = None) -> None:
        self.data_dir = data_dir
        self.env = dict(env or os.environ)
        self.env.setdefault("LANG", "C.UTF-8")
        self.env.pop("REPLYTRAIL_HOME", None)

    def argv(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "replytrail", "--data-dir", str(self.data_dir), *args]

    def __call__(
        self,
        *args: str,
        input: str | None = None,
        timeout: float = 120,
        env: dict[str, str] | None = None,
    ) -> Result:
        r = subprocess.run(
            self.argv(*args),
            input=input,
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**self.env, **(env or {})},
        )
        return Result(r.returncode, r.stdout, r.stderr)

    def popen(self, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
        return subprocess.Popen(
            self.argv(*args),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**self.env, **(env or {})},
        )

    def ok(self, *args: str, input: str | None = None, timeout: float = 120) -> Result:
        r = self(*args, input=input, timeout=timeout)
        assert r.code == 0, f"replytrail {' '.join(args)} -> {r.code}\n{r.out}\n{r.err}"
        return r

    def add_dovecot_account(
        self, d: Any, user: str = "alice@example.test", password: str = "alicepw"
    ) -> Result:
        """``account add`` for a user of a test Dovecot: IMAPS, submissions (implicit TLS),
        the test CA, no discovery; the password through stdin into the keyring."""
        return self.ok(
            "account", "add", "--email", user, "--imap-host", d.listen, "--imap-port",
            str(d.ports["imaps"]), "--smtp-host", d.listen, "--smtp-port",
            str(d.ports["submissions"]), "--smtp-security", "ssl", "--ca-file",
            str(d.certs[0]), "--no-discover", "--password-stdin", input=f"{password}\n",
        )  # fmt: skip

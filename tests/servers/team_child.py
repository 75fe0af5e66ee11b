"""A laptop's replicator in a child process, for the crash tests: ``team sync`` that SIGKILLs
itself at the n-th time it reaches a named step (``push-sent``, ``pushed``, ``acked``,
``pulled``, ``applied``).

usage: python -m servers.team_child DATA_DIR BATCH PAGE [STAGE:N]
prints: PUSHED PULLED PEAK_RSS_KB
"""

from __future__ import annotations

import os
import signal
import sys
from collections import Counter
from pathlib import Path

from replytrail.core.config import Settings
from replytrail.core.credentials import Credentials
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.core.store.team_side import LocalTeamSide
from replytrail.core.team.membership import link_from
from replytrail.core.team.replicator import Replicator


def peak_rss_kb() -> int:
    """This program's own peak RSS: VmHWM belongs to the memory of this program, whereas
    getrusage's ru_maxrss also keeps the parent's size from before the exec (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def main() -> int:
    root, batch, page = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    stage, _, nth = (sys.argv[4] if len(sys.argv) > 4 else "").partition(":")
    seen: Counter[str] = Counter()

    def checkpoint(name: str) -> None:
        seen[name] += 1
        if name == stage and seen[name] == int(nth):
            os.kill(os.getpid(), signal.SIGKILL)

    store = SQLiteStore(root / "replytrail.sqlite3", root / "attachments")
    settings, creds = Settings(root / "settings.toml"), Credentials()
    rep = Replicator(
        LocalTeamSide(store),
        lambda: link_from(settings, creds),
        batch=batch,
        page=page,
        checkpoint=checkpoint,
        me=str(settings.get("store.team_user")),
    )
    result = rep.sync_once()
    print(result.pushed, result.pulled, peak_rss_kb())
    return 0


if __name__ == "__main__":
    sys.exit(main())

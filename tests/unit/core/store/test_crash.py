"""A process killed with SIGKILL in the middle of a batch of store writes loses nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

WRITER = r"""
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from factories import record
from replytrail.core.store.sqlite import SQLiteStore
from replytrail.core.store.base import AttachmentBlob
s = SQLiteStore(Path(sys.argv[1]))
n = 0
while True:
    t = s.new_thread_id()
    # one transaction = one email with its contact, attachment row and tracked ids
    s.record(record(n, t, body="x" * 5000, track=[f"<extra{n}@example.test>"],
                    attachments=[AttachmentBlob(f"a{n}.bin", "application/octet-stream",
                                                 n.to_bytes(4, "big") * 1000)]))
    n += 1
    print(n, flush=True)  # committed so far
"""


def test_sigkill_mid_batch_leaves_whole_transactions(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite3"
    here = Path(__file__).parents[3]
    for kill_after in (50, 73, 121):  # commits seen before the kill: mid-batch each time
        p = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), str(here)], stdout=subprocess.PIPE, text=True
        )
        assert p.stdout is not None
        while int(p.stdout.readline()) < kill_after:
            pass  # the writer is already in its next transaction when the kill comes
        os.kill(p.pid, signal.SIGKILL)
        p.wait()
        p.stdout.close()
        with sqlite3.connect(db) as c:
            assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            emails = c.execute("SELECT count(*) FROM emails").fetchone()[0]
            assert emails >= 50
            # whole transactions only: every email has its tracked ids, attachment and contact link
            assert c.execute("SELECT count(*) FROM tracked_ids").fetchone()[0] == 2 * emails
            assert c.execute("SELECT count(*) FROM attachments").fetchone()[0] == emails
            assert c.execute("SELECT count(*) FROM email_contacts").fetchone()[0] == emails
            fts = c.execute("SELECT count(*) FROM emails_fts WHERE emails_fts MATCH 'xxxxx*'")
            assert fts.fetchone()[0] in (0, emails)
        # the store opens again with this program, and every attachment row has its file
        from replytrail.core.store.sqlite import SQLiteStore

        s = SQLiteStore(db)
        assert s.integrity_check() == "ok"
        for (sha,) in s._q("SELECT sha256 FROM attachments"):
            assert s.blobs.exists(sha)
        s.gc_blobs()
        s.close()

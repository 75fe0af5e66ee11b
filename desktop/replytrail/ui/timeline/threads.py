"""A contact's emails grouped by thread (newest activity first), with each thread's status."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from replytrail.core.models import Direction, Kind, LoggedEmail

__all__ = ["ThreadInfo", "ThreadStatus", "block_change", "group"]


class ThreadStatus(enum.StrEnum):
    AWAITING = "awaiting"  # the newest human email in it is yours
    REPLIED = "replied"  # the customer wrote last
    BOUNCED = "bounced"  # an email in it could not be delivered


@dataclass(frozen=True)
class ThreadInfo:
    """Shown on a thread's newest row: how many emails it has, its status, if collapsed."""

    thread_id: str
    count: int
    status: ThreadStatus
    collapsed: bool


def _status(emails: list[LoggedEmail]) -> ThreadStatus:
    if any(e.kind is Kind.BOUNCE or e.status == "bounced" for e in emails):
        return ThreadStatus.BOUNCED
    human = [e for e in emails if e.kind is Kind.EMAIL]
    newest = human[0] if human else emails[0]
    return ThreadStatus.REPLIED if newest.direction is Direction.IN else ThreadStatus.AWAITING


def group(
    rows: list[LoggedEmail], collapsed: set[str]
) -> tuple[list[LoggedEmail], dict[str, ThreadInfo]]:
    """*rows* (newest first) as shown: each thread's emails together, threads ordered by their
    newest email, a collapsed thread by its newest email only; and each thread's info."""
    threads: dict[str, list[LoggedEmail]] = {}
    for e in rows:
        threads.setdefault(e.thread_id, []).append(e)
    shown: list[LoggedEmail] = []
    info: dict[str, ThreadInfo] = {}
    for tid, emails in threads.items():
        folded = tid in collapsed and len(emails) > 1
        info[tid] = ThreadInfo(tid, len(emails), _status(emails), folded)
        shown.extend(emails[:1] if folded else emails)
    return shown, info


def block_change(old: list[str], new: list[str]) -> tuple[str, int, int]:
    """How *old* became *new*: ``("insert", at, n)``, ``("remove", at, n)``, ``("same", 0, 0)``
    for one contiguous block, else ``("reset", 0, 0)``. Items are unique ids."""
    if old == new:
        return "same", 0, 0
    p = 0
    while p < min(len(old), len(new)) and old[p] == new[p]:
        p += 1
    s = 0
    while s < min(len(old), len(new)) - p and old[-1 - s] == new[-1 - s]:
        s += 1
    if p + s == len(old) and len(new) > len(old):
        return "insert", p, len(new) - len(old)
    if p + s == len(new) and len(old) > len(new):
        return "remove", p, len(old) - len(new)
    return "reset", 0, 0

"""Contacts as rows for a CRM's contact import (``replytrail contacts --csv``, the timeline's
"Export contacts as CSV"): name, company, addresses, first/last activity, counts, awaiting."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TextIO

__all__ = [
    "CONTACT_REPORT_SQL",
    "CSV_COLUMNS",
    "ContactRow",
    "contact_rows",
    "split_name",
    "write_csv",
]

#: first row of the CSV; HubSpot and Pipedrive map these in their import dialogs
CSV_COLUMNS = (
    "email",
    "name",
    "first_name",
    "last_name",
    "company",
    "other_addresses",
    "first_activity",
    "last_activity",
    "emails",
    "received",
    "sent",
    "awaiting_reply",
    "awaiting_since",
)


@dataclass(frozen=True)
class ContactRow:
    email: str
    name: str
    company: str
    first_ts: int | None
    last_ts: int | None
    emails: int
    received: int
    sent: int
    awaiting_since_ts: int | None  # the user wrote last and nothing came back since
    other_addresses: tuple[str, ...] = ()


def split_name(name: str) -> tuple[str, str]:
    """ "Emma Fischer" -> ("Emma", "Fischer"); "Fischer, Emma" -> ("Emma", "Fischer")."""
    name = " ".join(name.split())
    if "," in name:
        last, _, first = name.partition(",")
        return first.strip(), last.strip()
    first, _, last = name.rpartition(" ")
    return (first, last) if first else (name, "")


#: every contact with at least one logged email, most recent activity first
CONTACT_REPORT_SQL = """
SELECT c.email, c.name, c.company, min(ec.ts), max(ec.ts), count(e.id),
       sum(e.direction = 'in' AND e.kind = 'email'), sum(e.direction = 'out'),
       (SELECT CASE WHEN l.direction = 'out' THEN l.ts END FROM email_contacts lc
          JOIN emails l ON l.id = lc.email_id
          WHERE lc.contact_id = c.id AND l.kind = 'email'
          ORDER BY lc.ts DESC, lc.email_id DESC LIMIT 1)
FROM contacts c
LEFT JOIN email_contacts ec ON ec.contact_id = c.id
LEFT JOIN emails e ON e.id = ec.email_id
GROUP BY c.id
HAVING count(e.id) > 0
ORDER BY max(ec.ts) DESC, c.email
"""


def contact_rows(rows: list[tuple[Any, ...]]) -> list[ContactRow]:
    """:data:`CONTACT_REPORT_SQL`'s rows as :class:`ContactRow`."""
    return [
        ContactRow(r[0], r[1], r[2], r[3], r[4], int(r[5]), int(r[6] or 0), int(r[7] or 0), r[8])
        for r in rows
    ]


def _iso(ts: int | None) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat() if ts else ""


def write_csv(rows: list[ContactRow], out: TextIO) -> None:
    """RFC 4180 CSV (comma, double quotes, CRLF), UTF-8 — as the CRMs' importers expect."""
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for r in rows:
        first, last = split_name(r.name)
        w.writerow(
            [
                r.email,
                r.name,
                first,
                last,
                r.company,
                ";".join(r.other_addresses),
                _iso(r.first_ts),
                _iso(r.last_ts),
                r.emails,
                r.received,
                r.sent,
                "yes" if r.awaiting_since_ts else "no",
                _iso(r.awaiting_since_ts),
            ]
        )

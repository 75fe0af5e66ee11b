"""``python -m replytrail.core.keyring_helper``: one keyring operation in a short-lived process.

Reads one JSON request on stdin — ``{"op": "check"|"get"|"store"|"delete", "ref": …,
"secret": …}`` — and writes one JSON reply on stdout: ``{"ok": "yes", …}`` or ``{"ok": "no",
"code": …, "detail": …}``. Used by :class:`~replytrail.core.credentials.IsolatedCredentials`.
"""

from __future__ import annotations

import json
import sys

from replytrail.core.credentials import Credentials
from replytrail.core.errors import KnownError


def handle(request: dict[str, str], creds: Credentials) -> dict[str, str]:
    op, ref = request.get("op", ""), request.get("ref", "")
    try:
        if op == "check":
            return {"ok": "yes", "backend": creds.check()}
        if op == "get":
            return {"ok": "yes", "secret": creds.get(ref)}
        if op == "store":
            creds.store(ref, request.get("secret", ""))
            return {"ok": "yes"}
        if op == "delete":
            creds.delete(ref)
            return {"ok": "yes"}
    except KnownError as e:
        return {"ok": "no", "code": e.code, "detail": str(e.params.get("detail", e.message))}
    return {"ok": "no", "code": "usage", "detail": f"unknown operation {op!r}"}


def main() -> int:
    try:
        request = json.loads(sys.stdin.read())
    except ValueError:
        request = {}
    json.dump(handle(request, Credentials()), sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())

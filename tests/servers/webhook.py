"""A real HTTPS webhook receiver for the tests: verifies every signature, counts, can fail.

It checks signatures with the 10-line verification that docs/handoff.md shows receivers,
written out here independently of Replytrail's own code.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import ssl
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import trustme


def verify(secret: bytes, body: bytes, header: str, tolerance: int = 300) -> bool:
    """The receiver's check, as in docs/handoff.md."""
    fields = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    ts, sig = fields.get("t", ""), fields.get("v1", "")
    if not ts.isdigit() or abs(time.time() - int(ts)) > tolerance:
        return False  # too old (or from the future): a replay
    expected = hmac.new(secret, ts.encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, sig)


@dataclass
class Received:
    key: str
    body: dict[str, Any]
    valid: bool


@dataclass
class Receiver:
    secret: bytes
    tmp: Path
    status: int = 200  # what to answer
    delay: float = 0.0  # seconds before answering (to land SIGKILLs mid-request)
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> Receiver:
        ca = trustme.CA()
        cert = ca.issue_cert("127.0.0.1", "localhost")
        self.ca_file = self.tmp / "webhook-ca.pem"
        ca.cert_pem.write_to_path(str(self.ca_file))
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        cert.configure_cert(ctx)
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if receiver.delay:
                    time.sleep(receiver.delay)  # a slow receiver, not synchronisation
                ok = verify(receiver.secret, body, self.headers.get("X-Replytrail-Signature", ""))
                status = receiver.status
                if status < 300:
                    with receiver.lock:
                        receiver.received.append(
                            Received(self.headers.get("Idempotency-Key", ""), json.loads(body), ok)
                        )
                self.send_response(status if ok else 401)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.socket = ctx.wrap_socket(self.server.socket, server_side=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.server.server_address[1]}/hook"

    def keys(self) -> list[str]:
        with self.lock:
            return [r.key for r in self.received]

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

"""Readiness probe run INSIDE the namespace (from recipes/tiny-internet): wait for every check.

    python wait_ready.py [--timeout S] CHECK...

CHECK is ``dns:NAME`` (getaddrinfo through the namespace's resolver), ``tcp:HOST:PORT:BANNER``
(a greeting starting with BANNER; empty = connect only) or ``tls:HOST:PORT`` (TLS handshake,
not verified: only readiness is checked). Prints the seconds each check took; exit 1 on timeout.
"""

import socket
import ssl
import sys
import time


def check(spec: str) -> bool:
    kind, _, rest = spec.partition(":")
    if kind == "dns":
        socket.getaddrinfo(rest, None)
        return True
    host, port, *banner = rest.split(":", 2)
    with socket.create_connection((host, int(port)), timeout=1) as s:
        if kind == "tls":
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE  # readiness only
            ctx.wrap_socket(s, server_hostname=host).close()
            return True
        s.settimeout(2)
        return s.recv(100).startswith(banner[0].encode()) if banner and banner[0] else True


def main(args: list[str]) -> int:
    timeout = 15.0
    if args[:1] == ["--timeout"]:
        timeout, args = float(args[1]), args[2:]
    t0 = time.monotonic()
    pending = list(args)
    while pending:
        for spec in list(pending):
            try:
                if check(spec):
                    pending.remove(spec)
                    print(f"{time.monotonic() - t0:.3f}s {spec}", flush=True)
            except OSError:
                pass
        if pending:
            if time.monotonic() - t0 > timeout:
                print("TIMEOUT waiting for", pending, flush=True)
                return 1
            time.sleep(0.01)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

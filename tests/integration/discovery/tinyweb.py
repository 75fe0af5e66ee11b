"""Static name-based virtual hosts over HTTP and HTTPS, run inside the namespace (from recipes).

    python tinyweb.py ROOT [--listen 127.0.0.1] [--http 80] [--https 443] --cert C --key K

Serves ROOT/<host>/<path> (host from the Host header; query ignored) and logs one line per
request on stdout, e.g. ``https autoconfig.alpha.test "GET /mail/config-v1.1.xml?... " 200 -``.
"""

import argparse
import mimetypes
import ssl
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

mimetypes.add_type("application/xml", ".xml")


def handler(root: Path, scheme: str) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "tinyweb/1"

        def log_message(self, fmt: str, *a: Any) -> None:
            print(f"{scheme} {self.headers.get('Host', '-')} {fmt % a}", flush=True)

        def do_GET(self) -> None:
            host = (self.headers.get("Host") or "").split(":")[0].lower().rstrip(".")
            path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
            f = (root / host / path.lstrip("/")).resolve()
            if root not in f.parents or not f.is_file():
                self.send_error(404)
                return
            body = f.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", mimetypes.guess_type(f.name)[0] or "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def serve(listen: str, port: int, root: Path, scheme: str, ctx: ssl.SSLContext | None) -> None:
    httpd = ThreadingHTTPServer((listen, port), handler(root, scheme))
    httpd.daemon_threads = True
    if ctx:
        httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--listen", default="127.0.0.1")
    ap.add_argument("--http", type=int, default=80)
    ap.add_argument("--https", type=int, default=443)
    ap.add_argument("--cert")
    ap.add_argument("--key")
    args = ap.parse_args()
    root = Path(args.root).resolve()
    if args.http:
        serve(args.listen, args.http, root, "http", None)
    if args.https:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(args.cert, args.key)
        serve(args.listen, args.https, root, "https", ctx)
    print("tinyweb ready", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()

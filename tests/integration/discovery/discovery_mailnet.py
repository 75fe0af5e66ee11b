"""A small internet in a network namespace for discovery (adapted from recipes/tiny-internet).

Inside namespace NS, on loopback only: dnsmasq (authoritative for every name), an HTTPS
autoconfig web server, Dovecot on the standard ports (127.0.0.1) and a POP3-only Dovecot
(127.0.0.2). ``/etc/netns/NS/{resolv.conf,hosts,ssl/}`` replace ``/etc/...`` for programs run
with ``ip netns exec NS``, so the product uses its ordinary resolver and the ordinary OpenSSL
trust store, which holds only the test CA: no test knobs in the product.

Test domains (what discovery must find, and by which step):
  alpha.test    autoconfig.alpha.test config-v1.1.xml                    -> autoconfig
  eta.test      only https://eta.test/.well-known/autoconfig/...         -> autoconfig
  beta.test     RFC 6186 SRV (_imaps, _submission; _imap/_pop3s ".")    -> dns-srv
  gamma.test    MX aspmx.l.google.com                                   -> dns-mx (Gmail)
  epsilon.test  only A records imap./smtp.epsilon.test                  -> probe (trusted)
  zeta.test     only mail.zeta.test, certificate not valid for it        -> probe (untrusted)
  delta.test    POP3 only (127.0.0.2, SRV _pop3s/_pop3)                  -> pop3_only
  nothere.test  nothing                                                 -> exit 1
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from servers.mailservers import DOVECOT, Dovecot, _kill_group

HERE = Path(__file__).resolve().parent
IP = shutil.which("ip") or "/usr/sbin/ip"
DNSMASQ = shutil.which("dnsmasq") or "/usr/sbin/dnsmasq"
PREFIX = "rtd-"  # namespaces of this suite: rtd-<creator pid>-<hex>
STD_PORTS = {
    "imap": 143,
    "imaps": 993,
    "pop3": 110,
    "pop3s": 995,
    "submission": 587,
    "submissions": 465,
    "lmtp": 24,
}

DNSMASQ_CONF = """\
port=53
listen-address=127.0.0.1
bind-interfaces
no-resolv
no-hosts
no-poll
local=/#/
log-queries
log-facility=-
user=root
pid-file=
host-record=autoconfig.alpha.test,127.0.0.1
host-record=alpha.test,127.0.0.1
host-record=imap.alpha.test,127.0.0.1
host-record=smtp.alpha.test,127.0.0.1
host-record=eta.test,127.0.0.1
host-record=mail.eta.test,127.0.0.1
host-record=mail.beta.test,127.0.0.1
srv-host=_imaps._tcp.beta.test,mail.beta.test,993,0,1
srv-host=_submission._tcp.beta.test,mail.beta.test,587,0,1
srv-host=_imap._tcp.beta.test
srv-host=_pop3s._tcp.beta.test
mx-host=beta.test,mail.beta.test,10
mx-host=gamma.test,aspmx.l.google.com,1
mx-host=gamma.test,alt1.aspmx.l.google.com,5
host-record=imap.epsilon.test,127.0.0.1
host-record=smtp.epsilon.test,127.0.0.1
host-record=mail.zeta.test,127.0.0.1
host-record=pop.delta.test,127.0.0.2
srv-host=_pop3s._tcp.delta.test,pop.delta.test,995,0,1
srv-host=_pop3._tcp.delta.test,pop.delta.test,110,0,1
"""

AUTOCONFIG = """\
<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="{domain}">
    <domain>{domain}</domain>
    <displayName>{name}</displayName>
    <incomingServer type="imap">
      <hostname>{imap}</hostname>
      <port>993</port>
      <socketType>SSL</socketType>
      <authentication>password-cleartext</authentication>
      <username>{username}</username>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>{smtp}</hostname>
      <port>465</port>
      <socketType>SSL</socketType>
      <authentication>password-cleartext</authentication>
      <username>{username}</username>
    </outgoingServer>
    <enable visiturl="https://{domain}/help/imap">
      <instruction lang="en">Open settings and allow IMAP.</instruction>
    </enable>
  </emailProvider>
</clientConfig>
"""


class NetnsDovecot(Dovecot):
    """servers.mailservers.Dovecot on the standard ports, started through ``ip netns exec``;
    readiness is checked from inside the namespace (the host's loopback is another one)."""

    def __init__(self, ns: str, listen: str, **kw: Any) -> None:
        super().__init__(listen=listen, **kw)
        self.ns = ns
        self.ports = dict(STD_PORTS)

    def start(self, timeout: float = 15.0) -> float:
        self.write_config()
        with open(self.root / "stdout.log", "wb") as logf:
            self.proc = subprocess.Popen(
                [IP, "netns", "exec", self.ns, DOVECOT, "-F", "-c", str(self.conf)],
                start_new_session=True,
                stdout=logf,
                stderr=subprocess.STDOUT,
            )
        return 0.0


class MailNet:
    """The namespace with its servers; ``up()`` builds it, ``down()`` removes every trace."""

    def __init__(self) -> None:
        self.name = f"{PREFIX}{os.getpid()}-{secrets.token_hex(2)}"
        self.root = Path(tempfile.mkdtemp(prefix=self.name + "-", dir="/tmp"))
        os.chmod(self.root, 0o755)  # noqa: S103 - Dovecot (uid dovecot) reads its files below
        self.etc = Path("/etc/netns") / self.name
        self.procs: dict[str, subprocess.Popen[bytes]] = {}
        self.dovecots: list[NetnsDovecot] = []
        self.timings: dict[str, float] = {}
        self._ns_created = False

    def cmd(self, argv: list[Any]) -> list[str]:
        return [IP, "netns", "exec", self.name, *map(str, argv)]

    def env(self) -> dict[str, str]:
        """The host's environment minus anything that would bypass the namespace's own setup."""
        drop = ("SSL_CERT_FILE", "SSL_CERT_DIR", "REPLYTRAIL_HOME", "REPLYTRAIL_PRESET")
        e = {
            k: v
            for k, v in os.environ.items()
            if not k.lower().endswith("_proxy") and k not in drop
        }
        e.update(LC_ALL="C.UTF-8", LANG="C.UTF-8", LANGUAGE="")
        return e

    def run(
        self, argv: list[Any], timeout: float = 30, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.cmd(argv),
            env=env or self.env(),
            timeout=timeout,
            capture_output=True,
            text=True,
            check=False,
        )

    def log(self, key: str) -> str:
        p = self.root / f"{key}.log"
        return p.read_text(errors="replace") if p.exists() else ""

    def _spawn(self, key: str, argv: list[Any]) -> None:
        with open(self.root / f"{key}.log", "wb") as logf:
            self.procs[key] = subprocess.Popen(
                self.cmd(argv),
                stdout=logf,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                env=self.env(),
            )

    def _certs(self) -> None:
        import trustme

        ca = trustme.CA(organization_name="Replytrail Discovery Test CA")
        d = self.root / "tls"
        d.mkdir()
        self.ca_pem = d / "ca.pem"
        ca.cert_pem.write_to_path(str(self.ca_pem))

        def leaf(name: str, *names: str) -> tuple[Path, Path, Path]:
            c = ca.issue_cert(*names)
            key, crt = d / f"{name}.key", d / f"{name}.pem"
            c.private_key_pem.write_to_path(str(key))
            crt.write_bytes(b"".join(b.bytes() for b in c.cert_chain_pems))
            os.chmod(key, 0o644)
            return (self.ca_pem, crt, key)

        self.web_cert = leaf("web", "autoconfig.alpha.test", "alpha.test", "eta.test")
        # mail.zeta.test is deliberately missing: probing must report an untrusted certificate
        self.mail_cert = leaf(
            "mail",
            "imap.alpha.test",
            "smtp.alpha.test",
            "mail.beta.test",
            "mail.eta.test",
            "imap.epsilon.test",
            "smtp.epsilon.test",
        )
        self.delta_cert = leaf("delta", "pop.delta.test")

    def _etc(self) -> None:
        self.etc.mkdir(parents=True)
        (self.etc / "resolv.conf").write_text(
            "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n"
        )
        (self.etc / "hosts").write_text("127.0.0.1 localhost\n::1 localhost\n")
        # replaces the whole /etc/ssl inside the namespace: only the test CA is trusted there
        ssl_dir = self.etc / "ssl"
        (ssl_dir / "certs").mkdir(parents=True)
        shutil.copy(self.ca_pem, ssl_dir / "certs" / "ca-certificates.crt")
        if Path("/etc/ssl/openssl.cnf").exists():
            shutil.copy("/etc/ssl/openssl.cnf", ssl_dir / "openssl.cnf")

    def _web_root(self) -> Path:
        w = self.root / "www"
        files = {
            ("autoconfig.alpha.test", "mail/config-v1.1.xml"): AUTOCONFIG.format(
                domain="alpha.test",
                name="Alpha Test Mail",
                imap="imap.alpha.test",
                smtp="smtp.alpha.test",
                username="%EMAILADDRESS%",
            ),
            ("eta.test", ".well-known/autoconfig/mail/config-v1.1.xml"): AUTOCONFIG.format(
                domain="eta.test",
                name="Eta Mail",
                imap="mail.eta.test",
                smtp="mail.eta.test",
                username="%EMAILLOCALPART%",
            ),
        }
        for (host, path), text in files.items():
            f = w / host / path
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_text(text)
        return w

    def up(self, timeout: float = 20.0) -> MailNet:
        t0 = time.monotonic()
        try:
            self._certs()
            subprocess.run([IP, "netns", "add", self.name], check=True, capture_output=True)
            self._ns_created = True
            subprocess.run(
                [IP, "-n", self.name, "link", "set", "lo", "up"], check=True, capture_output=True
            )
            subprocess.run(
                [IP, "-n", self.name, "addr", "add", "127.0.0.2/8", "dev", "lo"],
                check=True,
                capture_output=True,
            )
            self._etc()
            (self.root / "dnsmasq.conf").write_text(DNSMASQ_CONF)
            self._spawn(
                "dnsmasq", [DNSMASQ, "--no-daemon", f"--conf-file={self.root / 'dnsmasq.conf'}"]
            )
            _, crt, key = self.web_cert
            self._spawn(
                "web",
                [
                    sys.executable,
                    HERE / "tinyweb.py",
                    self._web_root(),
                    "--cert",
                    crt,
                    "--key",
                    key,
                ],
            )
            self.dovecots = [
                NetnsDovecot(
                    self.name,
                    "127.0.0.1",
                    certs=self.mail_cert,
                    root=self.root / "dc-main",
                    protocols="imap pop3 submission",
                    users={"alice@alpha.test": "alicepw"},
                ),
                NetnsDovecot(
                    self.name,
                    "127.0.0.2",
                    certs=self.delta_cert,
                    root=self.root / "dc-delta",
                    protocols="pop3",
                    plaintext_auth=False,
                    users={"carol@delta.test": "carolpw"},
                ),
            ]
            for d in self.dovecots:
                d.start()
            r = self.run(
                [
                    sys.executable,
                    HERE / "wait_ready.py",
                    "--timeout",
                    timeout,
                    "dns:imap.alpha.test",
                    "tls:127.0.0.1:443",
                    "tcp:127.0.0.1:143:* OK",
                    "tls:127.0.0.1:993",
                    "tcp:127.0.0.1:110:+OK",
                    "tls:127.0.0.1:995",
                    "tcp:127.0.0.1:587:220",
                    "tls:127.0.0.1:465",
                    "tcp:127.0.0.2:110:+OK",
                    "tls:127.0.0.2:995",
                ],
                timeout=timeout + 10,
            )
            if r.returncode != 0:
                raise RuntimeError(
                    "namespace servers not ready:\n" + r.stdout + r.stderr + self.diagnostics()
                )
            self.timings["up"] = time.monotonic() - t0
        except BaseException:
            self.down()
            raise
        return self

    def diagnostics(self) -> str:
        out = [f"--- {k}.log\n{self.log(k)[-1500:]}" for k in self.procs]
        out += [f"--- dovecot {d.listen}\n{d.log()[-1500:]}" for d in self.dovecots]
        return "\n".join(out)

    def down(self) -> None:
        t0 = time.monotonic()
        for d in self.dovecots:
            if d.proc is not None:
                d.cleanup()
        for p in self.procs.values():
            _kill_group(p, grace=0.5)
        self.procs.clear()
        if self._ns_created:
            _kill_inside(self.name)
            subprocess.run([IP, "netns", "del", self.name], capture_output=True, check=False)
            self._ns_created = False
        shutil.rmtree(self.etc, ignore_errors=True)
        shutil.rmtree(self.root, ignore_errors=True)
        self.timings["down"] = time.monotonic() - t0


def _kill_inside(name: str) -> None:
    """SIGKILL what is still inside: it would keep the namespace alive after ``ip netns del``."""
    out = subprocess.run([IP, "netns", "pids", name], capture_output=True, text=True, check=False)
    for pid in out.stdout.split():
        with contextlib.suppress(ProcessLookupError):
            os.kill(int(pid), signal.SIGKILL)


def cleanup_stale() -> list[str]:
    """Remove namespaces (and their files) of earlier runs whose creator process is gone."""
    removed = []
    out = subprocess.run([IP, "netns", "list"], capture_output=True, text=True, check=False)
    for line in out.stdout.splitlines():
        name = line.split()[0] if line.strip() else ""
        m = re.fullmatch(re.escape(PREFIX) + r"(\d+)-[0-9a-f]+", name)
        if not m or Path(f"/proc/{m.group(1)}").exists():
            continue
        _kill_inside(name)
        subprocess.run([IP, "netns", "del", name], capture_output=True, check=False)
        removed.append(name)
    for d in glob.glob(f"/etc/netns/{PREFIX}*") + glob.glob(f"/tmp/{PREFIX}*"):
        m = re.match(re.escape(PREFIX) + r"(\d+)-", Path(d).name)
        if m and not Path(f"/proc/{m.group(1)}").exists():
            shutil.rmtree(d, ignore_errors=True)
    return removed


class DiscoverCli:
    """Runs ``python -m replytrail --data-dir D discover EMAIL ...`` inside the namespace."""

    def __init__(self, net: MailNet, data_dir: Path) -> None:
        self.net, self.data_dir = net, data_dir

    def run(
        self, email: str, *args: str, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return self.net.run(
            [
                sys.executable,
                "-m",
                "replytrail",
                "--data-dir",
                self.data_dir,
                "discover",
                email,
                *args,
            ],
            env=env,
        )

    def json(self, email: str, env: dict[str, str] | None = None) -> dict[str, Any]:
        r = self.run(email, "--json", env=env)
        assert r.returncode == 0, f"rc={r.returncode}\n{r.stdout}\n{r.stderr}"
        result: dict[str, Any] = json.loads(r.stdout)
        return result

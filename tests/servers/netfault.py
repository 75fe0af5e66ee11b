"""Real network faults for the tests (root): a Dovecot in its own network namespace, reached
over a veth pair whose packets can be dropped (a ``tc`` token bucket too small for any packet:
no RST, no ICMP — a
laptop's NAT mapping gone) or whose link can go down and come back (netlink announces it).

A user-space proxy cannot black-hole a connection: it answers TCP keepalives itself. Dropping
packets in the kernel is what a dead NAT mapping looks like to the watcher.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
from pathlib import Path
from typing import Any

from servers.mailservers import DOVECOT, Dovecot, wait_banner

__all__ = ["FaultLink", "NetnsDovecot"]

IP = shutil.which("ip") or "/usr/sbin/ip"
TC = shutil.which("tc") or "/usr/sbin/tc"
STD_PORTS = {
    "imap": 143,
    "imaps": 993,
    "pop3": 110,
    "pop3s": 995,
    "lmtp": 24,
    "submission": 587,
    "submissions": 465,
}


def _run(*argv: str) -> None:
    subprocess.run(argv, check=True, capture_output=True)


class FaultLink:
    """Namespace ``rtnf…`` joined to this one by a veth pair (host .1, namespace .2)."""

    def __init__(self) -> None:
        tag = f"{os.getpid() % 10000}{secrets.token_hex(1)}"
        self.ns, self.host_if, self.ns_if = f"rtnf{tag}", f"rth{tag}", f"rtn{tag}"
        octet = int(secrets.token_hex(1), 16) % 250 + 1
        self.host_ip, self.ns_ip = f"10.231.{octet}.1", f"10.231.{octet}.2"
        self.subnet = f"10.231.{octet}.0/30"

    def up(self) -> FaultLink:
        if os.geteuid() != 0:
            raise RuntimeError("network namespaces need root (CI runs the tests as root)")
        _run(IP, "netns", "add", self.ns)
        _run(IP, "link", "add", self.host_if, "type", "veth", "peer", "name", self.ns_if)
        _run(IP, "link", "set", self.ns_if, "netns", self.ns)
        _run(IP, "addr", "add", f"{self.host_ip}/30", "dev", self.host_if)
        _run(IP, "link", "set", self.host_if, "up")
        # while this side's link is down, the namespace is unreachable at once (not routed
        # out through the machine's default route)
        _run(IP, "route", "add", "unreachable", self.subnet, "metric", "1000")
        self.inside("ip", "addr", "add", f"{self.ns_ip}/30", "dev", self.ns_if)
        self.inside("ip", "link", "set", self.ns_if, "up")
        self.inside("ip", "link", "set", "lo", "up")
        return self

    def inside(self, *argv: str) -> None:
        _run(IP, "netns", "exec", self.ns, *argv)

    def black_hole(self) -> None:
        """Drop every packet both ways; connections stay 'established' at both ends.

        A token bucket whose burst (10 bytes) is smaller than any packet drops them all
        (``netem`` and packet filters are not in every kernel; ``tbf`` is).
        """
        drop = ("root", "tbf", "rate", "8bit", "burst", "10", "limit", "1")
        _run(TC, "qdisc", "add", "dev", self.host_if, *drop)
        self.inside(TC, "qdisc", "add", "dev", self.ns_if, *drop)

    def heal(self) -> None:
        subprocess.run([TC, "qdisc", "del", "dev", self.host_if, "root"], capture_output=True)
        subprocess.run(
            [IP, "netns", "exec", self.ns, TC, "qdisc", "del", "dev", self.ns_if, "root"],
            capture_output=True,
        )

    def link(self, up: bool) -> None:
        """This side's link down (the network is gone) or up again (it is back)."""
        _run(IP, "link", "set", self.host_if, "up" if up else "down")

    def down(self) -> None:
        out = subprocess.run([IP, "netns", "pids", self.ns], capture_output=True, text=True)
        for pid in out.stdout.split():
            subprocess.run(["kill", "-9", pid], capture_output=True)
        subprocess.run([IP, "link", "del", self.host_if], capture_output=True)
        subprocess.run(
            [IP, "route", "del", "unreachable", self.subnet, "metric", "1000"],
            capture_output=True,
        )
        subprocess.run([IP, "netns", "del", self.ns], capture_output=True)


class NetnsDovecot(Dovecot):
    """Dovecot inside the namespace on the standard ports, with a certificate for its address."""

    def __init__(self, net: FaultLink, root: Path, **kw: Any) -> None:
        import trustme

        super().__init__(**kw)  # ports picked on loopback first, replaced below
        self.net, self.listen, self.ports = net, net.ns_ip, dict(STD_PORTS)
        ca = trustme.CA()
        leaf = ca.issue_cert(net.ns_ip)
        root.mkdir(parents=True, exist_ok=True)
        ca_pem, cert_pem, key_pem = root / "ca.pem", root / "server.pem", root / "server.key"
        ca.cert_pem.write_to_path(str(ca_pem))
        leaf.private_key_pem.write_to_path(str(key_pem))
        cert_pem.write_bytes(b"".join(b.bytes() for b in leaf.cert_chain_pems))
        self.certs = (ca_pem, cert_pem, key_pem)

    def start(self, timeout: float = 15.0) -> float:
        self.write_config()
        with open(self.root / "stdout.log", "wb") as logf:
            self.proc = subprocess.Popen(
                [IP, "netns", "exec", self.net.ns, DOVECOT, "-F", "-c", str(self.conf)],
                start_new_session=True,
                stdout=logf,
                stderr=subprocess.STDOUT,
            )
        return wait_banner(
            self.ports["imap"], b"* OK", host=self.listen, timeout=timeout, proc=self.proc
        )

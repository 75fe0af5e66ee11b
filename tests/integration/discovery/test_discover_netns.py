"""End to end: ``replytrail discover`` inside a namespace with real DNS, HTTPS and Dovecot."""

from __future__ import annotations

import hashlib
import ssl
import subprocess
import time
from pathlib import Path

import pytest

from servers.keyring import SecretService

from .discovery_mailnet import DiscoverCli, MailNet

pytestmark = [pytest.mark.netns, pytest.mark.servers]


def _sha256_colon(pem: Path) -> str:
    der = ssl.PEM_cert_to_DER_cert(
        pem.read_text().split("-----END CERTIFICATE-----")[0] + "-----END CERTIFICATE-----\n"
    )
    return ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest())


def test_autoconfig_domain(discover_cli: DiscoverCli, mailnet: MailNet) -> None:
    before = len(mailnet.log("web"))
    r = discover_cli.json("alice@alpha.test")
    assert r["source"] == "autoconfig"
    assert r["incoming"] == {
        "protocol": "imap",
        "host": "imap.alpha.test",
        "port": 993,
        "security": "ssl",
        "username": "alice@alpha.test",
    }
    assert r["outgoing"] == {
        "protocol": "smtp",
        "host": "smtp.alpha.test",
        "port": 465,
        "security": "ssl",
        "username": "alice@alpha.test",
    }
    assert r["pop3_only"] is False
    assert "guidance" not in r
    assert r["provider"]["name"] == "Alpha Test Mail"
    time.sleep(0.05)
    web = mailnet.log("web")[before:]
    assert (
        'https autoconfig.alpha.test "GET /mail/config-v1.1.xml'
        '?emailaddress=alice%40alpha.test HTTP/1.1" 200'
    ) in web


def test_well_known_autoconfig_with_localpart(discover_cli: DiscoverCli) -> None:
    r = discover_cli.json("erin@eta.test")
    assert r["source"] == "autoconfig"
    assert r["incoming"]["host"] == "mail.eta.test"
    assert r["incoming"]["username"] == "erin"
    assert r["provider"]["enable_imap_url"] == "https://eta.test/help/imap"


def test_srv_domain(discover_cli: DiscoverCli) -> None:
    r = discover_cli.json("bob@beta.test")
    assert r["source"] == "dns-srv"
    # _imap._tcp and _pop3s._tcp have target "." (not offered) and must be ignored
    assert r["incoming"] == {
        "protocol": "imap",
        "host": "mail.beta.test",
        "port": 993,
        "security": "ssl",
        "username": "bob@beta.test",
    }
    assert r["outgoing"] == {
        "protocol": "smtp",
        "host": "mail.beta.test",
        "port": 587,
        "security": "starttls",
        "username": "bob@beta.test",
    }
    assert r["pop3_only"] is False


def test_mx_at_known_provider(discover_cli: DiscoverCli) -> None:
    r = discover_cli.json("greta@gamma.test")
    assert r["source"] == "dns-mx"
    assert r["incoming"]["host"] == "imap.gmail.com"
    assert r["outgoing"]["host"] == "smtp.gmail.com"
    assert r["incoming"]["username"] == "greta@gamma.test"
    assert r["provider"]["id"] == "gmail"
    assert r["provider"]["auth"] == "app-password"


def test_probe_only_domain(discover_cli: DiscoverCli) -> None:
    r = discover_cli.json("eve@epsilon.test")
    assert r["source"] == "probe"
    assert r["incoming"]["host"] == "imap.epsilon.test"
    assert (r["incoming"]["port"], r["incoming"]["security"]) == (993, "ssl")
    assert r["incoming"]["tls_trusted"] is True
    assert r["outgoing"]["host"] == "smtp.epsilon.test"
    assert (r["outgoing"]["port"], r["outgoing"]["security"]) == (465, "ssl")
    assert r["pop3_only"] is False


def test_probe_reports_untrusted_certificate(discover_cli: DiscoverCli, mailnet: MailNet) -> None:
    r = discover_cli.json("zed@zeta.test")
    assert r["source"] == "probe"
    inc = r["incoming"]
    assert (inc["protocol"], inc["host"], inc["port"]) == ("imap", "mail.zeta.test", 993)
    assert inc["tls_trusted"] is False
    assert "mismatch" in inc["tls_error"].lower() or "not valid" in inc["tls_error"].lower()
    assert inc["fingerprint"] == _sha256_colon(mailnet.mail_cert[1])


def test_pop3_only_domain(discover_cli: DiscoverCli) -> None:
    r = discover_cli.json("carol@delta.test")
    assert r["pop3_only"] is True
    assert r["source"] == "dns-srv"
    assert r["incoming"] == {
        "protocol": "pop3",
        "host": "pop.delta.test",
        "port": 995,
        "security": "ssl",
        "username": "carol@delta.test",
    }
    assert "IMAP" in r["guidance"]
    assert "POP3" in r["guidance"]
    assert "Thunderbird" in r["guidance"]
    assert "Check again" in r["guidance"]


def test_pop3_only_human_output(discover_cli: DiscoverCli) -> None:
    r = discover_cli.run("carol@delta.test")
    assert r.returncode == 0, r.stderr
    assert "pop.delta.test offers only POP3, not IMAP." in r.stdout
    assert "Apple Mail" in r.stdout


def test_nothing_found(discover_cli: DiscoverCli) -> None:
    t0 = time.monotonic()
    r = discover_cli.run("nobody@nothere.test", "--json")
    assert r.returncode == 1
    assert r.stderr.count("\n") == 1
    assert "nothere.test" in r.stderr
    assert time.monotonic() - t0 < 10


def test_team_preset_wins(discover_cli: DiscoverCli, mailnet: MailNet, tmp_path: Path) -> None:
    preset = tmp_path / "preset.toml"
    preset.write_text(
        '[servers.domains."alpha.test"]\nimap_host = "mail.beta.test"\n'
        'imap_security = "starttls"\nsmtp_host = "mail.beta.test"\n'
        'smtp_security = "starttls"\nusername = "localpart"\nname = "Team"\n'
    )
    env = mailnet.env()
    env["REPLYTRAIL_PRESET"] = str(preset)
    r = discover_cli.json("alice@alpha.test", env=env)
    assert r["source"] == "preset"
    assert r["incoming"] == {
        "protocol": "imap",
        "host": "mail.beta.test",
        "port": 143,
        "security": "starttls",
        "username": "alice",
    }


def test_human_output(discover_cli: DiscoverCli) -> None:
    r = discover_cli.run("bob@beta.test")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[:3] == [
        "Incoming: IMAP mail.beta.test:993 (SSL/TLS), user bob@beta.test",
        "Outgoing: SMTP mail.beta.test:587 (STARTTLS), user bob@beta.test",
        "Found by: dns-srv",
    ]


def test_no_namespace_left_behind_by_a_killed_run(mailnet: MailNet) -> None:
    """A namespace whose creator died (kill -9 of an earlier run) is removed by cleanup_stale."""
    from .discovery_mailnet import IP, PREFIX, cleanup_stale

    dead = subprocess.Popen(["true"])
    dead.wait()
    name = f"{PREFIX}{dead.pid}-dead"
    if Path(f"/proc/{dead.pid}").exists():  # pid reused already: nothing to prove here
        return
    subprocess.run([IP, "netns", "add", name], check=True)
    Path("/etc/netns", name).mkdir(parents=True, exist_ok=True)
    try:
        cleanup_stale()
        listed = subprocess.run([IP, "netns", "list"], capture_output=True, text=True).stdout
        assert name not in listed
        assert not Path("/etc/netns", name).exists()
        assert mailnet.name in listed  # the live one survives
    finally:
        subprocess.run([IP, "netns", "del", name], capture_output=True)


def test_account_add_discovers_and_logs_in(
    mailnet: MailNet, secret_service: SecretService, tmp_path: Path
) -> None:
    """``account add`` with only an address: autoconfig finds the servers, TLS is verified
    against the namespace's trust store, IMAP and SMTP logins succeed, the keyring keeps the
    password; a POP3-only address is refused with the POP3 reason."""
    import sys

    env = {**mailnet.env(), "DBUS_SESSION_BUS_ADDRESS": secret_service.address}

    def add(email: str, password: str) -> subprocess.CompletedProcess[str]:
        argv = [
            sys.executable,
            "-m",
            "replytrail",
            "--data-dir",
            tmp_path / "data",
            "account",
            "add",
            "--email",
            email,
            "--password-stdin",
        ]
        return subprocess.run(
            mailnet.cmd(argv),
            input=password + "\n",
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    r = add("alice@alpha.test", "alicepw")
    assert r.returncode == 0, r.stderr
    assert "imap.alpha.test:993" in r.stdout and "smtp.alpha.test:465" in r.stdout
    r = add("carol@delta.test", "carolpw")
    assert r.returncode == 1
    assert "POP3" in r.stderr and "IMAP" in r.stderr and r.stderr.count("\n") == 1

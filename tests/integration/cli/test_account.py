"""``replytrail account add|list|test|remove`` against a real Dovecot and a real keyring."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import account_args
from servers.cli import Cli
from servers.keyring import SecretService, stored_secrets
from servers.mailservers import Dovecot

pytestmark = pytest.mark.servers


def _files_contain(root: Path, needle: bytes) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_add_stores_password_only_in_keyring_and_test_succeeds(
    cli: Cli, dovecot: Dovecot, secret_service: SecretService
) -> None:
    r = cli.ok(*account_args(dovecot, smtp_port=dovecot.ports["submission"]), input="alicepw\n")
    assert "alice@example.test" in r.out
    assert _files_contain(cli.data_dir, b"alicepw") == []
    import tomllib

    ref = tomllib.loads((cli.data_dir / "accounts.toml").read_text())["account"][0]
    assert "password" not in ref  # the file names the keyring entry, never the secret
    assert "alicepw" in stored_secrets(secret_service)
    import keyring

    assert keyring.get_password("replytrail", ref["credential_ref"]) == "alicepw"
    t = cli.ok("account", "test")
    assert "IMAP ok" in t.out and "SMTP ok" in t.out and "IDLE yes" in t.out
    lst = cli.ok("account", "list", "--json").json()
    assert lst[0]["email"] == "alice@example.test"
    assert lst[0]["logging_address"] == "alice+log@example.test"


def test_wrong_password_is_one_line_about_the_password(cli: Cli, dovecot: Dovecot) -> None:
    bad = cli(*account_args(dovecot, smtp_port=dovecot.ports["submission"]), input="nope\n")
    assert bad.code == 1
    assert bad.err.count("\n") == 1 and "password" in bad.err.lower()
    assert not (cli.data_dir / "accounts.toml").exists()  # nothing saved after a failed test
    cli.ok(
        *account_args(dovecot, smtp_port=dovecot.ports["submission"]), "--no-test", input="nope\n"
    )
    t = cli("account", "test")
    assert t.code == 1
    assert t.err.count("\n") == 1
    assert "Wrong user name or password" in t.err


def test_pop3_only_server_is_named(cli: Cli, pop3_only: Dovecot) -> None:
    # the user points the IMAP settings at the provider's POP3 port
    args = account_args(pop3_only)
    args[args.index("--imap-port") + 1] = str(pop3_only.ports["pop3s"])
    r = cli(*args, input="alicepw\n")
    assert r.code == 1
    assert "POP3" in r.err and "IMAP" in r.err
    assert r.err.count("\n") == 1


def test_pop3_greeting_on_an_unusual_port_is_recognised(cli: Cli, pop3_only: Dovecot) -> None:
    args = account_args(pop3_only, security="starttls")
    args[args.index("--imap-port") + 1] = str(pop3_only.ports["pop3"])
    r = cli(*args, input="alicepw\n")
    assert r.code == 1
    assert "offers POP3, not IMAP" in r.err


def test_untrusted_certificate_shows_fingerprint(cli: Cli, dovecot: Dovecot) -> None:
    args = account_args(dovecot)
    i = args.index("--ca-file")
    del args[i : i + 2]  # the system store does not know the test CA
    r = cli(*args, input="alicepw\n")
    assert r.code == 1
    assert "not trusted" in r.err
    assert r.err.count(":") >= 31  # AB:CD:... SHA-256 fingerprint


def test_host_not_found_and_refused(cli: Cli) -> None:
    r = cli(
        "account",
        "add",
        "--email",
        "a@example.test",
        "--imap-host",
        "nohost.invalid",
        "--no-discover",
        "--password-stdin",
        input="x\n",
    )
    assert r.code == 1 and "was not found" in r.err
    from servers.mailservers import free_port

    r = cli(
        "account",
        "add",
        "--email",
        "a@example.test",
        "--imap-host",
        "127.0.0.1",
        "--imap-port",
        str(free_port()),
        "--no-discover",
        "--password-stdin",
        input="x\n",
    )
    assert r.code == 1 and "refused the connection" in r.err


def test_no_keyring_is_explained(cli: Cli, dovecot: Dovecot) -> None:
    r = cli(
        *account_args(dovecot),
        "--no-test",
        input="alicepw\n",
        env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    )
    assert r.code == 1
    assert "No system keyring" in r.err and "GNOME Keyring" in r.err
    assert not (cli.data_dir / "accounts.toml").exists()


def test_remove_deletes_keyring_entry(
    cli: Cli, dovecot: Dovecot, secret_service: SecretService
) -> None:
    cli.ok(*account_args(dovecot), "--no-test", input="s3cret-remove\n")
    cli.ok("account", "remove", "alice@example.test")
    assert "s3cret-remove" not in stored_secrets(secret_service)
    assert cli.ok("account", "list", "--json").json() == []


def test_password_is_not_accepted_as_an_argument(cli: Cli, dovecot: Dovecot) -> None:
    r = cli(*account_args(dovecot), "--password", "alicepw")
    assert r.code == 2  # usage error: secrets never travel in argv, where `ps` shows them
    assert not (cli.data_dir / "accounts.toml").exists()


def test_pinned_certificate_is_trusted_for_that_host_and_a_changed_one_refused(
    cli: Cli, dovecot: Dovecot
) -> None:
    import hashlib
    import ssl

    der = ssl.PEM_cert_to_DER_cert(
        Path(dovecot.certs[1]).read_text().split("-----END CERTIFICATE-----")[0]
        + "-----END CERTIFICATE-----\n"
    )
    fp = hashlib.sha256(der).hexdigest()
    args = account_args(dovecot, smtp_port=dovecot.ports["submissions"])
    i = args.index("--ca-file")
    del args[i : i + 2]
    args[args.index("--smtp-security") + 1] = "ssl"
    cli.ok(
        *args, "--pin-sha256", ":".join(fp[j : j + 2] for j in range(0, 64, 2)), input="alicepw\n"
    )
    cli.ok("account", "test")
    wrong = "00" * 32
    r = cli(*args, "--pin-sha256", wrong, input="alicepw\n")
    assert r.code == 1
    assert "certificate of 127.0.0.1 changed" in r.err and r.err.count("\n") == 1

"""An untrusted certificate is explained in the user's language, not in OpenSSL's (8.10)."""

from __future__ import annotations

import pytest

from conftest import account_args
from servers.cli import Cli
from servers.mailservers import Dovecot

pytestmark = pytest.mark.servers


def _without_ca(d: Dovecot) -> list[str]:
    args = account_args(d)
    i = args.index("--ca-file")
    del args[i : i + 2]  # the system store does not know the test CA
    return args


def test_untrusted_certificate_reason_in_words(cli: Cli, dovecot: Dovecot) -> None:
    r = cli(*_without_ca(dovecot), input="alicepw\n")
    assert r.code == 1 and r.err.count("\n") == 1
    assert "it is signed by an authority this computer does not know" in r.err
    assert "unable to get local issuer" not in r.err


def test_untrusted_certificate_reason_in_german(cli: Cli, dovecot: Dovecot) -> None:
    cli.ok("config", "set", "general.language", "de")
    r = cli(*_without_ca(dovecot), input="alicepw\n")
    assert r.code == 1 and r.err.count("\n") == 1
    assert "von einer Stelle signiert, die dieser Computer nicht kennt" in r.err
    assert "unable to get local issuer" not in r.err and "signed by" not in r.err

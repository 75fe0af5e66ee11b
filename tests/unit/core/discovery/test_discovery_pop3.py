"""The POP3 verdict and the guidance text in English and German (SPEC §4.3)."""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from replytrail.core import i18n
from replytrail.core.discovery.pop3 import (
    greeting_is_pop3,
    guidance_language,
    looks_like_pop3,
    pop3_guidance,
    user_entered_pop3,
)
from replytrail.core.discovery.providers import ProviderDB, load_providers
from servers.mailservers import Dovecot

HERE = Path(__file__).resolve().parent
POP3_PY = HERE.parents[3] / "desktop" / "replytrail" / "core" / "discovery" / "pop3.py"
GERMAN: dict[str, str] = json.loads((HERE / "pop3_de.json").read_text(encoding="utf-8"))


def _marked(path: Path, context: str) -> list[str]:
    """Texts marked with a literal context, as lupdate extracts them."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP":
            ctx, text = node.args
            assert isinstance(ctx, ast.Constant), "lupdate only extracts literal contexts"
            if ctx.value == context:
                out.append(ast.literal_eval(text))
    return out


@pytest.fixture(scope="module")
def db() -> ProviderDB:
    return load_providers()


@pytest.fixture
def german() -> Iterator[None]:
    """The German catalogue, installed the way the app installs Qt's translate()."""
    i18n.install(lambda ctx, text: GERMAN.get(text, text) if ctx == "pop3" else text)
    try:
        yield
    finally:
        i18n.install(lambda _ctx, text: text)


@pytest.mark.parametrize(
    ("greeting", "pop3"),
    [
        (b"+OK Dovecot (Debian) ready.\r\n", True),
        (b"+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>\r\n", True),
        (b"* OK [CAPABILITY IMAP4rev1 STARTTLS] Dovecot ready.\r\n", False),
        (b"220 smtp.example.com ESMTP\r\n", False),
        (b"-ERR go away\r\n", False),
        (b"", False),
    ],
)
def test_greeting_is_pop3(greeting: bytes, pop3: bool) -> None:
    assert greeting_is_pop3(greeting) is pop3


@pytest.mark.parametrize(
    ("host", "port", "pop3"),
    [
        ("pop.gmx.net", None, True),
        ("pop3.web.de", 995, True),
        ("securepop.t-online.de", None, True),
        ("mail.example.com", 110, True),
        ("mail.example.com", 995, True),
        ("imap.example.com", 993, False),
        ("popular.example.com", 143, False),
    ],
)
def test_user_entered_pop3(host: str, port: int | None, pop3: bool) -> None:
    assert user_entered_pop3(host, port) is pop3


def test_every_marked_text_has_a_german_translation() -> None:
    marked = _marked(POP3_PY, "pop3")
    assert len(marked) >= 12
    assert sorted(marked) == sorted(GERMAN)
    for src, de in GERMAN.items():
        assert de
        assert sorted(_placeholders(src)) == sorted(_placeholders(de)), src


def _placeholders(text: str) -> list[str]:
    import string

    return [f for _, f, _, _ in string.Formatter().parse(text) if f]


def test_english_guidance_for_a_known_provider(db: ProviderDB) -> None:
    gmx = db.by_id("gmx")
    text = pop3_guidance(gmx, host="pop.gmx.net")
    assert text.startswith("pop.gmx.net offers only POP3, not IMAP.")
    assert "usually removes them from the server" in text
    assert "Replytrail needs IMAP" in text
    assert "1. Switch IMAP on at GMX:" in text
    assert '- Tick "Allow POP3 and IMAP access to this account"' in text
    assert "Help page: https://hilfe.gmx.net/pop-imap/einschalten.html" in text
    for program in ("Outlook:", "Thunderbird:", "Apple Mail:"):
        assert f"- {program}" in text
    assert "Keep the POP3 account" in text
    assert text.endswith("“Check again” (or run “replytrail discover” again).")


@pytest.mark.parametrize("pid", ["gmail", "outlook", "gmx", "webde", "t-online", "yahoo", "ionos"])
def test_guidance_names_the_provider_steps(db: ProviderDB, pid: str) -> None:
    p = db.by_id(pid)
    assert p is not None
    text = pop3_guidance(p)
    assert all(step in text for step in p.imap_steps["en"])


def test_generic_guidance_without_provider() -> None:
    text = pop3_guidance(None)
    assert text.startswith("This account is set up for POP3, not IMAP.")
    assert "1. Switch IMAP on at your provider:" in text


def test_german_guidance(db: ProviderDB, german: None) -> None:
    assert guidance_language() == "de"
    webde = db.by_id("webde")
    assert webde is not None
    text = pop3_guidance(webde, host="pop3.web.de")
    assert text.startswith("pop3.web.de bietet nur POP3 an, kein IMAP.")
    assert "1. Schalten Sie IMAP bei WEB.DE ein:" in text
    assert "„POP3 und IMAP Zugriff erlauben“" in text  # the provider's German steps
    assert "„Erneut prüfen“" in text
    for english in ("Keep the POP3 account", "Switch IMAP on", "Check again", "usually"):
        assert english not in text


def test_language_can_be_forced(db: ProviderDB) -> None:
    gmx = db.by_id("gmx")
    assert "„POP3 und IMAP Zugriff erlauben“" in pop3_guidance(gmx, language="de")


@pytest.mark.servers
def test_looks_like_pop3_against_real_dovecot() -> None:
    with Dovecot(protocols="imap pop3") as d:
        assert looks_like_pop3("127.0.0.1", d.ports["pop3"])
        assert not looks_like_pop3("127.0.0.1", d.ports["imap"])
    assert not looks_like_pop3("127.0.0.1", d.ports["pop3"], timeout=0.5)  # stopped: refused

"""The POP3 verdict (SPEC §4.3) and the guidance that explains how to switch to IMAP."""

from __future__ import annotations

import socket
import ssl

from replytrail.core.discovery.settings import Provider
from replytrail.core.i18n import QT_TRANSLATE_NOOP, translate

__all__ = [
    "POP3_PORTS",
    "greeting_is_pop3",
    "guidance_language",
    "looks_like_pop3",
    "pop3_guidance",
    "user_entered_pop3",
]

CTX = "pop3"
POP3_PORTS = (110, 995)
_IMPLICIT_TLS = (995, 993, 465)

# Translators: the language code of your translation ("de"); it picks the provider's steps.
_LANGUAGE = QT_TRANSLATE_NOOP("pop3", "en")

_VERDICT_HOST = QT_TRANSLATE_NOOP("pop3", "{host} offers only POP3, not IMAP.")
_VERDICT = QT_TRANSLATE_NOOP("pop3", "This account is set up for POP3, not IMAP.")
_DIFFERENCE = QT_TRANSLATE_NOOP(
    "pop3",
    "POP3 and IMAP are two ways for a mail program to fetch your email. POP3 downloads the "
    "emails to one device and usually removes them from the server, so they are then only on "
    "that device. IMAP keeps every email on the server and shows the same mailbox on every "
    "device: computer, phone and web mail.",
)
_WHY = QT_TRANSLATE_NOOP(
    "pop3",
    "Replytrail must see your mailbox on the server to notice replies to your emails as they "
    "arrive. With POP3 the replies may already have been taken off the server by another "
    "device, so Replytrail needs IMAP.",
)
_ENABLE_AT = QT_TRANSLATE_NOOP("pop3", "1. Switch IMAP on at {provider}:")
_ENABLE_GENERIC = QT_TRANSLATE_NOOP("pop3", "1. Switch IMAP on at your provider:")
_GENERIC_STEPS = (
    QT_TRANSLATE_NOOP(
        "pop3",
        "Sign in to your provider's web mail and look in the settings for “POP3/IMAP”, "
        "“IMAP access” or “Mail programs”; allow IMAP access and save.",
    ),
    QT_TRANSLATE_NOOP(
        "pop3",
        "Many providers have IMAP switched on already: then only your mail program has to be "
        "set up again with IMAP (next step). If in doubt, ask your provider or IT team for the "
        "IMAP server name.",
    ),
)
_MORE_HELP = QT_TRANSLATE_NOOP("pop3", "Help page: {url}")
_SWITCH = QT_TRANSLATE_NOOP(
    "pop3",
    "2. Switch your mail program from POP3 to IMAP without losing mail. Emails that POP3 has "
    "already downloaded exist only on your computer, so copy them back to the server first:",
)
_OUTLOOK = QT_TRANSLATE_NOOP(
    "pop3",
    "Outlook: add your address again as a new IMAP account (File › Add Account › Advanced "
    "options › Let me set up my account manually › IMAP). Keep the POP3 account for now. Drag "
    "the folders with your old emails from the POP3 data file into the IMAP account and wait "
    "until they are uploaded. Then remove the POP3 account (File › Account Settings › Account "
    "Settings › Remove).",
)
_THUNDERBIRD = QT_TRANSLATE_NOOP(
    "pop3",
    "Thunderbird: add the account again with IMAP (Account Settings › Account Actions › Add "
    "Mail Account, then “Configure manually” and choose IMAP). Keep the POP3 account for now. "
    "Copy the folders you want to keep from the POP3 account or Local Folders to the IMAP "
    "account (right-click › Copy To). Then remove the POP3 account (Account Actions › Remove "
    "Account).",
)
_APPLE_MAIL = QT_TRANSLATE_NOOP(
    "pop3",
    "Apple Mail: add the account again as IMAP (Mail › Settings › Accounts › +, “Other Mail "
    "Account”, account type IMAP). Keep the POP3 account for now. Drag the emails from the "
    "POP3 account's mailboxes into the IMAP account's mailboxes and wait until they are "
    "uploaded. Then switch the POP3 account off or remove it.",
)
_CHECK_AGAIN = QT_TRANSLATE_NOOP(
    "pop3", "3. When IMAP is on, choose “Check again” (or run “replytrail discover” again)."
)


def greeting_is_pop3(greeting: bytes) -> bool:
    """A POP3 server greets with ``+OK`` (IMAP with ``* OK``, SMTP with ``220``)."""
    return greeting.lstrip().startswith(b"+OK")


def user_entered_pop3(host: str, port: int | None = None) -> bool:
    """The user typed a POP3 server (``pop.…``, ``pop3.…``) or a POP3 port (110, 995)."""
    first = host.strip().lower().split(".", 1)[0]
    return port in POP3_PORTS or first in ("pop", "pop3", "securepop", "pop-mail")


def looks_like_pop3(host: str, port: int, timeout: float = 3.0) -> bool:
    """Connect to *host*:*port* and tell whether a POP3 server greets there.

    Only the greeting is read (nothing is sent), so TLS on 995/993/465 is not verified here.
    Returns ``False`` when nothing answers.
    """
    try:
        with socket.create_connection((host, port), timeout=timeout) as raw:
            sock: socket.socket = raw
            if port in _IMPLICIT_TLS:
                ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
                ctx.check_hostname = False
                ctx.verify_mode = ssl.CERT_NONE  # reading a banner; no credentials are sent
                sock = ctx.wrap_socket(raw, server_hostname=host)
            with sock:
                return greeting_is_pop3(sock.recv(512))
    except OSError:
        return False


def guidance_language() -> str:
    """The language of the installed translation (``"en"`` without one)."""
    return translate(CTX, _LANGUAGE)


def pop3_guidance(provider: Provider | None, *, host: str = "", language: str | None = None) -> str:
    """The explanation shown when only POP3 is available, translated at call time.

    Shape: verdict, POP3 vs IMAP, why Replytrail needs IMAP, "1." the steps to switch IMAP on
    (the provider's own when known), "2." how to move Outlook, Thunderbird and Apple Mail
    from POP3 to IMAP without losing mail, "3." check again. Paragraphs are separated by
    blank lines, steps start with "- ".
    """
    lang = language or guidance_language()
    parts = [
        translate(CTX, _VERDICT_HOST, host=host) if host else translate(CTX, _VERDICT),
        translate(CTX, _DIFFERENCE),
        translate(CTX, _WHY),
    ]
    steps = provider.steps(lang) if provider else ()
    if provider and steps:
        lines = [translate(CTX, _ENABLE_AT, provider=provider.name)]
        lines += [f"- {s}" for s in steps]
    else:
        lines = [translate(CTX, _ENABLE_GENERIC)]
        lines += [f"- {translate(CTX, s)}" for s in _GENERIC_STEPS]
    if provider and provider.enable_imap_url:
        lines.append(translate(CTX, _MORE_HELP, url=provider.enable_imap_url))
    parts.append("\n".join(lines))
    parts.append(
        "\n".join(
            [translate(CTX, _SWITCH)]
            + [f"- {translate(CTX, s)}" for s in (_OUTLOOK, _THUNDERBIRD, _APPLE_MAIL)]
        )
    )
    parts.append(translate(CTX, _CHECK_AGAIN))
    return "\n\n".join(parts)

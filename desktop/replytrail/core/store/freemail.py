"""Free-mail domains (no company behind the address) and the company name a domain suggests."""

from __future__ import annotations

__all__ = ["FREE_MAIL", "company_for"]

#: providers whose addresses belong to people, not companies
FREE_MAIL = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "hotmail.de",
        "live.com",
        "live.de",
        "msn.com",
        "yahoo.com",
        "yahoo.de",
        "ymail.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "gmx.de",
        "gmx.net",
        "gmx.at",
        "gmx.ch",
        "gmx.com",
        "web.de",
        "t-online.de",
        "freenet.de",
        "posteo.de",
        "posteo.net",
        "mailbox.org",
        "protonmail.com",
        "proton.me",
        "arcor.de",
        "1und1.de",
        "online.de",
        "mail.de",
        "zoho.com",
        "fastmail.com",
        "yandex.ru",
        "mail.ru",
    ]
)


def company_for(email: str) -> str:
    """A company name derived from the domain, unless it is a free-mail domain."""
    domain = email.rpartition("@")[2].lower()
    if not domain or domain in FREE_MAIL:
        return ""
    parts = domain.split(".")
    core = parts[-2] if len(parts) >= 2 else parts[0]
    if len(parts) >= 3 and parts[-2] in ("co", "com", "org", "net", "ac", "gv"):
        core = parts[-3]
    return core.replace("-", " ").title()

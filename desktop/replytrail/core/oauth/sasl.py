"""SASL XOAUTH2 and OAUTHBEARER (RFC 7628) strings, and which one a server's capabilities allow."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["choose_mechanism", "initial_response", "oauthbearer", "xoauth2"]

#: preferred first: OAUTHBEARER is the standard, XOAUTH2 what Google and Microsoft began with
PREFERENCE = ("OAUTHBEARER", "XOAUTH2")


def xoauth2(user: str, token: str) -> str:
    return f"user={user}\x01auth=Bearer {token}\x01\x01"


def oauthbearer(user: str, token: str) -> str:
    """GS2 header ``n,a=<user>,`` then the bearer (RFC 7628 §3.1); ``=`` and ``,`` escaped."""
    a = user.replace("=", "=3D").replace(",", "=2C")
    return f"n,a={a},\x01auth=Bearer {token}\x01\x01"


def choose_mechanism(offered: Iterable[str]) -> str:
    """The best mechanism the server offers; XOAUTH2 when it lists neither (some don't)."""
    names = {m.upper() for m in offered}
    return next((m for m in PREFERENCE if m in names), "XOAUTH2")


def initial_response(mechanism: str, user: str, token: str) -> str:
    return oauthbearer(user, token) if mechanism == "OAUTHBEARER" else xoauth2(user, token)

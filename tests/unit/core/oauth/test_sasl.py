"""SASL strings (RFC 7628 OAUTHBEARER, XOAUTH2) and the id_token's user."""

from __future__ import annotations

import base64
import json

from replytrail.core.oauth.client import id_token_email
from replytrail.core.oauth.sasl import choose_mechanism, oauthbearer, xoauth2


def test_oauthbearer_has_the_gs2_header_and_escapes_the_user() -> None:
    assert oauthbearer("a,b=c@x.test", "T") == "n,a=a=2Cb=3Dc@x.test,\x01auth=Bearer T\x01\x01"
    assert xoauth2("a@x.test", "T") == "user=a@x.test\x01auth=Bearer T\x01\x01"


def test_mechanism_from_capabilities() -> None:
    assert choose_mechanism(["PLAIN", "XOAUTH2", "OAUTHBEARER"]) == "OAUTHBEARER"
    assert choose_mechanism(["plain", "xoauth2"]) == "XOAUTH2"
    assert choose_mechanism([]) == "XOAUTH2"  # servers that list neither (Microsoft's SMTP)


def test_id_token_user() -> None:
    def token(claims: dict[str, str]) -> str:
        body = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
        return f"e30.{body}.sig"

    assert id_token_email(token({"email": "a@x.test"})) == "a@x.test"
    assert id_token_email(token({"preferred_username": "b@x.test"})) == "b@x.test"
    assert id_token_email("garbage") == ""

"""conversation_guid() over Outlook Thread-Index values."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given
from hypothesis import strategies as st

from replytrail.core.matching.threadindex import conversation_guid

GUID = bytes.fromhex("6f1c2a3b4c5d4e6f8a9b0c1d2e3f4a5b")
HEADER = b"\x01" + bytes.fromhex("dc4f2a9b31") + GUID


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def test_original_and_replies_share_the_guid() -> None:
    original = conversation_guid(b64(HEADER))
    assert original == GUID.hex()
    for children in (1, 2, 10):
        reply = HEADER + bytes.fromhex("0000a1b2c3") * children
        assert conversation_guid(b64(reply)) == original


def test_only_the_guid_is_compared() -> None:
    restarted = b"\x01" + bytes.fromhex("dc51aa0f12") + GUID  # other start time, same GUID
    assert conversation_guid(b64(restarted)) == GUID.hex()
    other = b"\x01" + bytes.fromhex("dc4f2a9b31") + bytes(range(16))
    assert conversation_guid(b64(other)) != GUID.hex()


def test_folded_and_unpadded_values() -> None:
    value = b64(HEADER + b"\x00\x01\x02\x03\x04")
    assert conversation_guid(value[:10] + "\r\n " + value[10:]) == GUID.hex()
    assert conversation_guid(value.rstrip("=")) == GUID.hex()


@pytest.mark.parametrize(
    "value",
    [None, "", "not base64!", b64(HEADER[:21]), b64(HEADER + b"\x00\x01"),
     b64(b"\x01" + bytes(21)), "AdxPKpsxbxwqO0xdTm+Kmwwd$j9KWw=="],
)  # fmt: skip
def test_garbage_is_none(value: str | None) -> None:
    assert conversation_guid(value) is None


@given(st.text(max_size=200))
def test_never_raises(value: str) -> None:
    guid = conversation_guid(value)
    assert guid is None or len(guid) == 32

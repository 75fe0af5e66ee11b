"""The tray app reaches the real keyring through a helper process: same results, same errors."""

from __future__ import annotations

import os

import pytest

from replytrail.core.credentials import IsolatedCredentials, new_ref
from replytrail.core.errors import KeyringMissing, NotFound
from servers.keyring import SecretService, stored_secrets

pytestmark = pytest.mark.servers


def test_round_trip_through_the_helper(secret_service: SecretService) -> None:
    creds = IsolatedCredentials()
    assert "SecretService" in creds.check()
    ref = new_ref("anna@example.test")
    creds.store(ref, 'pässwörd with spaces & "quotes"')
    assert 'pässwörd with spaces & "quotes"' in stored_secrets(secret_service)
    assert creds.get(ref) == 'pässwörd with spaces & "quotes"'
    creds.delete(ref)
    with pytest.raises(NotFound):
        creds.get(ref)


def test_no_keyring_is_reported_not_hidden() -> None:
    # a machine without any keyring backend (keyring's own switch for "none available")
    creds = IsolatedCredentials(
        env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    )
    with pytest.raises(KeyringMissing) as e:
        creds.store(new_ref("anna@example.test"), "x")
    assert "No system keyring" in e.value.message

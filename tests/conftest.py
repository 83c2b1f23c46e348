"""Fixtures for the whole suite."""
from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from fulian_desktop.security import passwords
from fulian_desktop.security.keyring_vault import KeyringVault
from tests.support.memory_keyring import InMemoryKeyring


@pytest.fixture(scope="session", autouse=True)
def _cheap_password_hashing() -> None:
    """Tests create many accounts: argon2id with tiny costs keeps the suite fast."""
    passwords.set_hasher_for_tests(PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))


@pytest.fixture
def memory_vault() -> KeyringVault:
    """A usable keyring that lives in memory (one per test)."""
    return KeyringVault(InMemoryKeyring())

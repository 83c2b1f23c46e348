"""Fixtures for the whole suite."""
from __future__ import annotations

import os
import sys

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


_exit_status: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _exit_status.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """PySide6 (6.12.0 at least) could abort while the interpreter finalizes ('bool_dealloc'), after every test
    has run and been reported. Leave without finalizing so the exit code is pytest's own."""
    if "PySide6" in sys.modules and _exit_status:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status[-1])

"""The database key in a REAL Secret Service (gnome-keyring on the session D-Bus).

Skipped where no Secret Service is reachable, unless FULIAN_SECRET_SERVICE=1 says one must be
(scripts/run-tests.sh and so CI set it, after starting an unlocked gnome-keyring): then a
missing service is a failure, so CI cannot pass by silently skipping this test.
"""
from __future__ import annotations

import base64
import os
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from fulian_desktop.domain.errors import KeyUnavailable
from fulian_desktop.security.keyfile import KdfParams
from fulian_desktop.security.keyring_vault import SERVICE, KeyringVault
from fulian_desktop.store.store import Unlock, create_store, open_store

pytestmark = pytest.mark.secret_service

FAST_KDF = KdfParams(1, 8192, 1)
PROBE_TIMEOUT_S = 10.0


def _bounded(fn: Callable[[], Any], what: str) -> Any:
    """Run fn with a time limit: a locked keyring can block on a prompt nobody sees."""
    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - D-Bus errors are not KeyringError
            result["error"] = exc

    worker = threading.Thread(target=run, name=f"probe-{what}", daemon=True)
    worker.start()
    worker.join(PROBE_TIMEOUT_S)
    if worker.is_alive():
        raise TimeoutError(f"{what}: no answer within {PROBE_TIMEOUT_S:.0f} s (locked keyring?)")
    if "error" in result:
        raise result["error"]
    return result.get("value")


def _secret_service_backend() -> tuple[Any | None, str]:
    """The real SecretService backend if it is usable now, else (None, why not)."""
    try:
        from keyring.backends import SecretService
    except Exception as exc:  # noqa: BLE001
        return None, f"keyring's SecretService backend cannot be imported: {exc!r}"
    backend = SecretService.Keyring()
    try:
        priority = _bounded(lambda: backend.priority, "priority")  # raises if unusable
    except Exception as exc:  # noqa: BLE001
        return None, f"no Secret Service on the session bus: {exc}"
    if priority < 1:
        return None, f"Secret Service backend priority {priority} < 1"
    try:  # reading a missing entry proves the default collection is there and unlocked
        _bounded(lambda: backend.get_password(SERVICE, f"probe:{uuid.uuid4()}"), "read")
    except Exception as exc:  # noqa: BLE001
        return None, f"Secret Service is reachable but not usable: {type(exc).__name__}: {exc}"
    return backend, ""


@pytest.fixture(scope="module")  # probe once: a locked keyring costs the full time limit
def secret_service() -> Iterator[Any]:
    backend, reason = _secret_service_backend()
    if backend is None:
        if os.environ.get("FULIAN_SECRET_SERVICE") == "1":
            pytest.fail(f"FULIAN_SECRET_SERVICE=1 but the Secret Service is unusable: {reason}",
                        pytrace=False)
        pytest.skip(f"needs a Secret Service (gnome-keyring) on the session D-Bus: {reason}")
    yield backend


def test_key_lives_in_secret_service_not_on_disk(secret_service: Any, tmp_path: Path) -> None:
    vault = KeyringVault(secret_service)
    root = tmp_path / "s"
    store_id = None
    try:
        created = create_store(root, vault=vault, kdf=FAST_KDF)
        store_id = created.store.store_id
        created.store.close()
        assert created.uses_keyring is True

        key_hex = vault.get(store_id)
        assert key_hex and len(key_hex) == 64
        # It really is in the Secret Service, under the app's service name.
        assert secret_service.get_password(SERVICE, f"store:{store_id}") == key_hex

        keyfile_text = (root / "keystore.json").read_text(encoding="utf-8")
        key = bytes.fromhex(key_hex)
        for form in (key_hex, key_hex.upper(), base64.b64encode(key).decode("ascii")):
            assert form not in keyfile_text

        with open_store(root, vault=vault) as store:  # no passphrase, no recovery code
            assert store.store_id == store_id
    finally:
        if store_id:
            vault.delete(store_id)
    with pytest.raises(KeyUnavailable) as missing:
        open_store(root, vault=vault)
    assert missing.value.code == "keyring_entry_missing"


def _store_with_lost_entry(vault: KeyringVault, root: Path) -> tuple[str, str, str]:
    """A keyring-backed store whose keyring entry has since vanished: (store id, key hex, code)."""
    created = create_store(root, vault=vault, kdf=FAST_KDF)
    store_id = created.store.store_id
    created.store.close()
    key_hex = vault.get(store_id)
    assert key_hex
    vault.delete(store_id)  # e.g. the user cleared the keyring, or a new OS account
    assert vault.get(store_id) is None
    return store_id, key_hex, created.recovery_code


def test_lost_keyring_entry_refuses_then_recovery_code_opens(secret_service: Any, tmp_path: Path) -> None:
    vault = KeyringVault(secret_service)
    root = tmp_path / "s"
    store_id = None
    try:
        store_id, _key_hex, recovery_code = _store_with_lost_entry(vault, root)
        with pytest.raises(KeyUnavailable) as missing:
            open_store(root, vault=vault)
        assert missing.value.code == "keyring_entry_missing"

        with open_store(root, Unlock(recovery_code=recovery_code), vault=vault) as store:
            assert store.store_id == store_id
    finally:
        if store_id:
            vault.delete(store_id)


def test_recovery_code_puts_lost_key_back_in_keyring(secret_service: Any, tmp_path: Path) -> None:
    vault = KeyringVault(secret_service)
    root = tmp_path / "s"
    store_id = None
    try:
        store_id, key_hex, recovery_code = _store_with_lost_entry(vault, root)
        with open_store(root, Unlock(recovery_code=recovery_code), vault=vault) as store:
            assert store.store_id == store_id
        assert vault.get(store_id) == key_hex, "opening with the recovery code should put the key back"

        with open_store(root, vault=vault) as store:  # and from now on no code is needed again
            assert store.store_id == store_id
    finally:
        if store_id:
            vault.delete(store_id)


def test_vault_round_trip_through_secret_service(secret_service: Any) -> None:
    vault = KeyringVault(secret_service)
    assert vault.available()
    store_id = f"test-{uuid.uuid4()}"
    try:
        vault.put(store_id, "ab" * 32)
        assert vault.get(store_id) == "ab" * 32
    finally:
        vault.delete(store_id)
    assert vault.get(store_id) is None

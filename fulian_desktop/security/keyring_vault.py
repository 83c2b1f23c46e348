"""The OS keyring as a place for the database key, used only where it is really usable.

Rules learnt the hard way (see ARCHITECTURE.md): no backend raises NoKeyringError; some
failures are D-Bus errors that are not KeyringError; a locked gnome-keyring can block on a
hidden prompt. So: a backend with priority below 1 counts as absent, every call has a
time limit, and any exception means "not available" rather than a crash.
"""
from __future__ import annotations

import logging
import threading
from typing import Any, Callable, TypeVar

log = logging.getLogger(__name__)
SERVICE = "fulian-desktop"
CALL_TIMEOUT_S = 8.0
T = TypeVar("T")


class KeyringUnavailable(Exception):
    """The keyring cannot be used now (absent, locked, timed out or failing)."""


def _usable_backend() -> Any | None:
    import keyring
    from keyring.backends import chainer, fail

    backend = keyring.get_keyring()
    candidates = backend.backends if isinstance(backend, chainer.ChainerBackend) else [backend]
    for candidate in candidates:
        if isinstance(candidate, fail.Keyring):
            continue
        # keyrings.alt keeps secrets in plain files: never acceptable for a database key.
        if type(candidate).__module__.startswith("keyrings.alt"):
            continue
        try:
            if candidate.priority >= 1:
                return candidate
        except Exception:  # a backend whose priority check itself fails is not usable
            continue
    return None


def _with_timeout(fn: Callable[[], T], what: str) -> T:
    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - D-Bus errors are not KeyringError
            result["error"] = exc

    worker = threading.Thread(target=run, name=f"keyring-{what}", daemon=True)
    worker.start()
    worker.join(CALL_TIMEOUT_S)
    if worker.is_alive():
        raise KeyringUnavailable(f"系统钥匙串无响应（{what}超时），可能已锁定。")
    if "error" in result:
        log.warning("keyring %s failed: %s", what, type(result["error"]).__name__)
        raise KeyringUnavailable(f"系统钥匙串不可用：{type(result['error']).__name__}")
    return result.get("value")  # type: ignore[return-value]


class KeyringVault:
    """Stores one secret per store id. `backend` may be injected (tests use an in-memory one)."""

    def __init__(self, backend: Any | None = None) -> None:
        self._backend = backend

    def backend(self) -> Any | None:
        if self._backend is not None:
            return self._backend
        try:
            return _with_timeout(_usable_backend, "探测")
        except KeyringUnavailable:
            return None

    def available(self) -> bool:
        return self.backend() is not None

    def describe(self) -> str:
        backend = self.backend()
        return getattr(backend, "name", type(backend).__name__) if backend else "无"

    def put(self, store_id: str, secret: str) -> None:
        backend = self._require()
        _with_timeout(lambda: backend.set_password(SERVICE, _user(store_id), secret), "保存")

    def get(self, store_id: str) -> str | None:
        backend = self._require()
        return _with_timeout(lambda: backend.get_password(SERVICE, _user(store_id)), "读取")

    def delete(self, store_id: str) -> None:
        backend = self._require()
        try:
            _with_timeout(lambda: backend.delete_password(SERVICE, _user(store_id)), "删除")
        except KeyringUnavailable:
            pass

    def _require(self) -> Any:
        backend = self.backend()
        if backend is None:
            raise KeyringUnavailable("本机没有可用的系统钥匙串。")
        return backend


def _user(store_id: str) -> str:
    return f"store:{store_id}"

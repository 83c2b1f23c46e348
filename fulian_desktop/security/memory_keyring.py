"""A keyring backend that keeps secrets in a dict, for benchmarks and tests only.

It never holds a real store's key beyond the life of the process that made the store.
"""
from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class InMemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]  # usable, but never chosen over a real backend

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.entries[(service, username)]
        except KeyError:
            raise PasswordDeleteError("No such password!") from None


# keyring registers every KeyringBackend subclass for auto-discovery; keep this one out so a
# plain KeyringVault() never mistakes it for a real keyring. Use it only by injection.
getattr(KeyringBackend, "_classes", set()).discard(InMemoryKeyring)

"""A keyring backend that keeps secrets in a dict: for tests that need "a keyring" but not a real one."""
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


# keyring registers every KeyringBackend subclass for auto-discovery. Keep this one out: once the
# test suite imported it, `keyring.get_keyring()` (and so a plain `KeyringVault()`) would otherwise
# find "a usable keyring" on machines that have none. Use it only by injection.
getattr(KeyringBackend, "_classes", set()).discard(InMemoryKeyring)

"""The in-memory keyring lives in the core (benchmarks use it too); tests import it from here."""
from fulian_desktop.security.memory_keyring import InMemoryKeyring

__all__ = ["InMemoryKeyring"]

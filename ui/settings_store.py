"""Store-wide settings the UI needs (kept in the store, edited by an administrator)."""
from __future__ import annotations

from fulian_desktop.services.accounts import settings as core_settings
from fulian_desktop.store.store import Store

from .idle import DEFAULT_IDLE_MINUTES


def idle_minutes(store: Store) -> float:
    with store.uow() as uow:
        return float(core_settings.get(uow, "idle_lock_minutes", DEFAULT_IDLE_MINUTES))

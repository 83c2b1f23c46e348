"""Every table of the store says what a write to it changes (a kind a screen shows) or why it changes nothing
a screen shows: a new table that is in neither list fails here, so its writes cannot go unannounced."""
from __future__ import annotations

from fulian_desktop.domain.changes import KINDS
from fulian_desktop.store.base import Base
from fulian_desktop.store.written import SILENT_TABLES, SPANS_CASES, TABLE_KINDS


def _tables() -> set[str]:
    import fulian_desktop.store.models  # noqa: F401 - every model registered on the metadata

    return set(Base.metadata.tables)


def test_every_table_is_mapped_to_a_kind_or_listed_as_silent() -> None:
    forgotten = _tables() - set(TABLE_KINDS) - set(SILENT_TABLES)
    assert forgotten == set(), f"say in store/written.py what a write to {sorted(forgotten)} changes"


def test_no_table_is_both_and_none_is_stale() -> None:
    assert set(TABLE_KINDS) & set(SILENT_TABLES) == set()
    assert set(TABLE_KINDS) | set(SILENT_TABLES) <= _tables(), "a listed table no longer exists"
    assert set(TABLE_KINDS.values()) <= KINDS and SPANS_CASES <= set(TABLE_KINDS)
    assert all(reason.strip() for reason in SILENT_TABLES.values())

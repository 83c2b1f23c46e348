"""A PostgreSQL server older than the program needs is refused by name before anything is read or written there:
reading in one snapshot asks the server whether a transaction has written (pg_current_xact_id_if_assigned, 13)."""
from __future__ import annotations

import pytest

from fulian_desktop.domain.errors import StoreError
from fulian_desktop.store.server import require_supported_server


@pytest.mark.parametrize("version", [(12, 18), (11, 22), (9, 6, 24)])
def test_an_older_server_is_refused_with_its_version_named(version: tuple[int, ...]) -> None:
    with pytest.raises(StoreError, match=r"PostgreSQL 版本为 \d+\.\d+，本程序需要 13 或更新") as refused:
        require_supported_server(version)
    assert refused.value.code == "server_too_old"
    assert ".".join(map(str, version[:2])) in refused.value.message


@pytest.mark.parametrize("version", [(13, 0), (15, 5), (17, 2), None])
def test_a_supported_server_is_accepted(version: tuple[int, ...] | None) -> None:
    require_supported_server(version)   # None: the dialect could not tell; the server says so itself later

"""A backup onto a USB stick without room for it: a clear Chinese message, no file or leftover on the stick, the
store unchanged, and the same backup works once there is room."""
from __future__ import annotations

from pathlib import Path

import pytest

from fulian_desktop.backup import service
from fulian_desktop.domain.enums import CaseKind
from fulian_desktop.domain.errors import DiskFull
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.cases import cases
from fulian_desktop.store.store import Unlock
from tests.reliability.small_disk import fill, free, mounted_tmpfs
from tests.reliability.rel_support import assert_sound, open_test_store, row_counts
from tests.support.stores import PASSPHRASE, NoKeyringVault, build_org, new_store


def test_a_backup_onto_a_full_stick_says_so_and_leaves_nothing_there(tmp_path: Path) -> None:
    root = tmp_path / "data"
    with new_store(root).store as store:
        build_org(store)
        actor = auth.system_actor(store)
        with store.uow(write=True) as uow:
            for i in range(40):
                cases.create_case(uow, actor, cases.NewCase(title=f"赡养纠纷{i}", kind=CaseKind.MEDIATION,
                                                         summary="子女互相推诿，老人无人照料。" * 200))
    with mounted_tmpfs(tmp_path / "stick", "8m") as stick:
        filler = fill(stick)
        free_room = 256 * 1024
        with open(filler, "r+b") as fh:     # leave a little room: the copy starts, then runs out
            fh.truncate(fh.seek(0, 2) - free_room)
        with open_test_store(root) as store:
            key = service.backup_key(store, Unlock(passphrase=PASSPHRASE), NoKeyringVault())
            assert root.joinpath("fulian.db").stat().st_size > free_room
            before = row_counts(store)
            with pytest.raises(DiskFull) as refused:
                service.take_backup(store, auth.system_actor(store), stick / "备份.fulianbak", key=key)
            assert "磁盘空间不足" in refused.value.message and "备份未写出" in refused.value.message
            assert sorted(p.name for p in stick.iterdir()) == ["filler.bin"]   # no file, no partial, no temp folder
            # Not even an audit entry: no backup was made. (The store's signing identity is made before the first
            # copy, so that the copy holds it: that one row stays.)
            after = row_counts(store)
            assert {**after, "sync_identity": 0} == {**before, "sync_identity": 0}
            assert_sound(store)
        free(filler)
        with open_test_store(root) as store:
            done = service.take_backup(store, auth.system_actor(store), stick / "备份.fulianbak", key=key)
        assert done.verified and done.counts["case_file"] == 40

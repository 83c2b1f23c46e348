"""A store on a full disk: saving fails with a clear Chinese message, nothing is half written, the store
stays intact and works again once space is freed."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.domain.errors import DiskFull, StoreError
from fulian_desktop.domain.intake_rules import Channel, IntakeDecision, IntakeInput
from fulian_desktop.services.cases import cases
from fulian_desktop.services.intake import intake
from tests.reliability.rel_support import assert_sound, open_test_store, row_counts
from tests.reliability.small_disk import fill, free, mounted_tmpfs
from tests.support.stores import VILLAGE_A1, add_user, build_org, first_login, new_store

VISIT = IntakeInput(name="刘桂兰", channel=Channel.VISIT, decision=IntakeDecision.ACCEPT,
                    request="要求丈夫停止殴打并支付抚养费", facts="丈夫酒后多次动手。" * 400, category="婚姻家庭",
                    sub_category="家庭暴力", sex="female", phone="13907312468", address="郭亮村五组 12 号")


@pytest.fixture
def small_disk(tmp_path: Path):  # noqa: ANN201
    with mounted_tmpfs(tmp_path / "small", "6m") as disk:
        yield disk


def test_saving_on_a_full_disk_fails_clearly_changes_nothing_and_works_after_space_is_freed(small_disk: Path) -> None:
    root = small_disk / "data"
    store = new_store(root).store
    org = build_org(store)
    add_user(store, "rec", Role.RECEPTION, org.units[VILLAGE_A1])
    rec = first_login(store, "rec")
    store.close()

    with open_test_store(root) as store:
        before = row_counts(store)
        filler = fill(small_disk)
        visit = replace(VISIT, received_at=clock.now_utc() - timedelta(minutes=5))
        with pytest.raises(DiskFull) as info, store.uow(write=True) as uow:
            intake.register_contact(uow, rec, visit)
        assert "磁盘空间已满" in info.value.message and "输入已保留" in info.value.message
        with pytest.raises(DiskFull), store.uow(write=True) as uow:
            cases.create_case(uow, rec, cases.NewCase(title="磁盘满时登记", kind=CaseKind.MEDIATION,
                                                     summary="情况说明" * 5000))
        # Reading still works on a full disk, and nothing of the refused saves is there.
        assert row_counts(store) == before
        assert_sound(store)

        free(filler)
        with store.uow(write=True) as uow:
            saved = intake.register_contact(uow, rec, visit)
        assert saved.case_no
        after = row_counts(store)
        assert after["intake_record"] == before["intake_record"] + 1
        assert_sound(store)

    with open_test_store(root) as store:  # and it opens again afterwards, the saved visit in it
        assert row_counts(store) == after
        assert_sound(store)


def test_opening_a_store_on_a_full_disk_says_the_disk_is_full_not_that_the_file_is_damaged(small_disk: Path) -> None:
    root = small_disk / "data"
    store = new_store(root).store
    build_org(store)
    store.close()
    filler = fill(small_disk)
    try:
        try:
            with open_test_store(root) as store:
                assert_sound(store)
        except StoreError as exc:
            assert isinstance(exc, DiskFull) or "磁盘" in exc.message, exc.message
    finally:
        free(filler)
    with open_test_store(root) as store:  # the file really was fine
        assert_sound(store)
        assert row_counts(store)["org_unit"] == 7

"""Two desks on one store file, editing the same case at the same time: no corruption, no lost update.
The desk that saves on top of a version it did not see gets a ConflictError and its edit is not written."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from fulian_desktop.domain.enums import CaseKind
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.cases import cases
from fulian_desktop.store.models import Case, CaseEvent
from tests.reliability.rel_support import assert_sound, make_template, open_test_store, spawn

EDITS_PER_DESK = 40


@pytest.mark.slow
def test_two_desks_editing_one_case_lose_no_update_and_the_stale_one_is_told(tmp_path: Path) -> None:
    template = make_template(tmp_path / "data")
    with open_test_store(template.root) as store:
        with store.uow(write=True) as uow:
            case = cases.create_case(uow, auth.system_actor(store), cases.NewCase(
                title="两台电脑同时修改", kind=CaseKind.MEDIATION, unit_id=template.village_id))
        start_version = case.version
    go = tmp_path / "go"
    desks = [spawn("tests.reliability.desk_editor", str(template.root), case.row.id, name, str(EDITS_PER_DESK),
                   str(go), stdout=subprocess.PIPE) for name in ("甲机", "乙机")]
    go.touch()
    outputs = []
    for desk in desks:
        out, err = desk.communicate(timeout=300)
        assert desk.returncode == 0, err.decode()[-3000:]
        outputs.append(out.decode().splitlines())

    saved = [line.split(" ", 2) for lines in outputs for line in lines if line.startswith("saved ")]
    conflicts = [line for lines in outputs for line in lines if line.startswith("conflict ")]
    filed = [line.split(" ", 1)[1] for lines in outputs for line in lines if line.startswith("filed ")]
    assert len(saved) + len(conflicts) == 2 * EDITS_PER_DESK
    assert all("已被其他用户修改" in c and "输入已保留" in c for c in conflicts)
    with open_test_store(template.root) as store:
        assert_sound(store)
        with store.uow() as uow:
            final = uow.s.execute(select(Case.version, Case.summary).where(Case.id == case.row.id)).one()
            edits = uow.s.execute(select(CaseEvent.data).where(CaseEvent.case_id == case.row.id,
                                                               CaseEvent.kind == "updated")).scalars().all()
            filed_found = uow.s.execute(select(Case.id).where(Case.id.in_(filed))).scalars().all()
    # Every accepted save made exactly one new version, each on top of the previous: none was overwritten
    # unseen, and the versions the desks were told are all different.
    assert final.version == start_version + len(saved)
    assert sorted(int(v) for _, v, _ in saved) == list(range(start_version + 1, final.version + 1))
    last = max(saved, key=lambda s: int(s[1]))
    assert final.summary == last[2]
    assert len(edits) == len(saved)  # one timeline entry per accepted save, none for a refused one
    assert sorted(filed_found) == sorted(filed)
    print(f"\n2 desks x {EDITS_PER_DESK} edits: {len(saved)} saved, {len(conflicts)} refused as stale; "
          f"{len(filed)} cases filed concurrently")
    assert conflicts, "the desks never raced: the test proved nothing"

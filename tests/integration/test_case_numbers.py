"""Case numbers: gap-free and unique even with two desks filing at once; the year is China's."""
from __future__ import annotations

import multiprocessing
import queue
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from fulian_desktop.domain.case_numbers import parse_case_number
from fulian_desktop.domain.enums import CaseKind
from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.security.audit import verify_chain
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.cases import cases
from fulian_desktop.store.models import AuditEntry, Case, CaseCounter
from fulian_desktop.store.store import Store
from tests.support.case_worker import file_cases
from tests.support.stores import PASSPHRASE, VILLAGE_A1, build_org, new_store, open_copy

PER_PROCESS = 25
OPENED = datetime(2026, 6, 15, 2, 0, tzinfo=timezone.utc)


class Boom(Exception):
    pass


def _numbers(store: Store, unit_id: str, year: int) -> list[tuple[str, int]]:
    with store.uow() as uow:
        return list(uow.s.execute(select(Case.case_no, Case.case_seq)
                                  .where(Case.owner_unit_id == unit_id, Case.kind == CaseKind.MEDIATION.value,
                                         Case.case_year == year).order_by(Case.case_seq)))


def _counter(store: Store, unit_id: str, year: int) -> int | None:
    with store.uow() as uow:
        return uow.s.execute(select(CaseCounter.last_seq).where(
            CaseCounter.owner_unit_id == unit_id, CaseCounter.kind == CaseKind.MEDIATION.value,
            CaseCounter.year == year)).scalar_one_or_none()


def _new(store: Store, unit_id: str, opened: datetime = OPENED, *, fail: bool = False) -> str:
    with store.uow(write=True) as uow:
        detail = cases.create_case(uow, auth.system_actor(store), cases.NewCase(
            title="调解", kind=CaseKind.MEDIATION, unit_id=unit_id, opened_at=opened))
        if fail:
            raise Boom("something after the number was drawn failed")
    return detail.row.case_no


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Built once, closed: the district with its towns and villages, no cases yet."""
    root = tmp_path_factory.mktemp("numbers") / "data"
    with new_store(root).store as store:
        org = build_org(store)
    return root, org.units[VILLAGE_A1]


@pytest.fixture
def store_and_unit(template: tuple[Path, str], tmp_path: Path):
    root, unit_id = template
    store = open_copy(root, tmp_path / "data")
    yield store, unit_id, tmp_path / "data"
    store.close()


def test_two_processes_filing_at_once_get_fifty_distinct_gap_free_numbers(store_and_unit) -> None:
    store, unit_id, root = store_and_unit
    store.close()  # the parent keeps no connection open while the two desks work
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(2)
    results = ctx.Queue()
    done = ctx.Array("i", 2)
    procs = [ctx.Process(target=file_cases, args=(str(root), PASSPHRASE, unit_id, PER_PROCESS, OPENED.isoformat(),
                                                  start, results, done, i), name=f"desk-{i}") for i in range(2)]
    outcomes: list[tuple[str, object]] = []
    try:
        for p in procs:
            p.start()
        deadline = time.monotonic() + 180
        while len(outcomes) < len(procs) and time.monotonic() < deadline:
            try:
                outcomes.append(results.get(timeout=0.5))
            except queue.Empty:
                if not any(p.is_alive() for p in procs) and results.empty():
                    break  # a desk died without reporting
        for p in procs:
            p.join(timeout=30)
    finally:
        for p in procs:
            if p.is_alive():
                p.terminate()
                p.join(timeout=10)
    assert [p.exitcode for p in procs] == [0, 0]
    assert len(outcomes) == len(procs), outcomes
    errors = [detail for status, detail in outcomes if status != "ok"]
    assert not errors, "\n".join(errors)

    per_process = [detail for _status, detail in outcomes]
    assert [len(n) for n in per_process] == [PER_PROCESS, PER_PROCESS]
    every = per_process[0] + per_process[1]
    assert len(set(every)) == 2 * PER_PROCESS
    # Each desk saw its own numbers rise, and the two desks really took turns (else nothing raced).
    seqs = [[parse_case_number(n).seq for n in numbers] for numbers in per_process]
    for mine in seqs:
        assert mine == sorted(mine)
    assert not (max(seqs[0]) < min(seqs[1]) or max(seqs[1]) < min(seqs[0])), f"the desks did not overlap: {seqs}"

    rows = _numbers(store, unit_id, 2026)  # the engine reconnects on use
    assert [seq for _no, seq in rows] == list(range(1, 2 * PER_PROCESS + 1))
    assert sorted(no for no, _seq in rows) == sorted(every)
    assert all(no.startswith("（2026）望高郭婚调字第") for no, _seq in rows), rows[:3]
    assert _counter(store, unit_id, 2026) == 2 * PER_PROCESS
    with store.uow() as uow:
        report = verify_chain(uow.s)
        created = uow.s.execute(select(AuditEntry.seq).where(AuditEntry.entity == "case")).all()
    assert report.ok, report.problem  # two writers never forked the audit chain
    assert len(created) == 2 * PER_PROCESS


def test_a_failed_creation_gives_its_number_back(store_and_unit) -> None:
    store, unit_id, _root = store_and_unit
    # The very first case of the year fails: the counter row it created goes too.
    with pytest.raises(Boom):
        _new(store, unit_id, fail=True)
    assert _counter(store, unit_id, 2026) is None
    assert _new(store, unit_id) == "（2026）望高郭婚调字第1号"
    assert _new(store, unit_id) == "（2026）望高郭婚调字第2号"
    with pytest.raises(Boom):
        _new(store, unit_id, fail=True)
    with pytest.raises(Boom):
        _new(store, unit_id, fail=True)
    assert _counter(store, unit_id, 2026) == 2
    assert _new(store, unit_id) == "（2026）望高郭婚调字第3号"
    assert [seq for _no, seq in _numbers(store, unit_id, 2026)] == [1, 2, 3]


def test_a_rejected_case_draws_no_number(store_and_unit) -> None:
    store, unit_id, _root = store_and_unit
    with pytest.raises(ValidationError), store.uow(write=True) as uow:
        cases.create_case(uow, auth.system_actor(store), cases.NewCase(title="  ", kind=CaseKind.MEDIATION,
                                                                       unit_id=unit_id, opened_at=OPENED))
    assert _new(store, unit_id) == "（2026）望高郭婚调字第1号"


def test_case_year_follows_china_time(store_and_unit) -> None:
    store, unit_id, _root = store_and_unit
    # 2026-12-31 17:00 UTC is 2027-01-01 01:00 in Beijing.
    assert _new(store, unit_id, datetime(2026, 12, 31, 17, 0, tzinfo=timezone.utc)) == "（2027）望高郭婚调字第1号"
    # 15:59 UTC is still 23:59 on New Year's Eve in Beijing.
    assert _new(store, unit_id, datetime(2026, 12, 31, 15, 59, tzinfo=timezone.utc)) == "（2026）望高郭婚调字第1号"
    assert _new(store, unit_id, datetime(2027, 1, 1, 3, 0, tzinfo=timezone.utc)) == "（2027）望高郭婚调字第2号"
    with store.uow() as uow:
        years = dict(uow.s.execute(select(Case.case_no, Case.case_year)).all())
    assert years == {"（2027）望高郭婚调字第1号": 2027, "（2026）望高郭婚调字第1号": 2026, "（2027）望高郭婚调字第2号": 2027}
    assert _counter(store, unit_id, 2027) == 2
    assert _counter(store, unit_id, 2026) == 1


def test_numbers_run_separately_per_unit_and_kind(store_and_unit) -> None:
    store, unit_id, _root = store_and_unit
    actor = auth.system_actor(store)
    assert _new(store, unit_id) == "（2026）望高郭婚调字第1号"
    with store.uow(write=True) as uow:
        petition = cases.create_case(uow, actor, cases.NewCase(title="来访", kind=CaseKind.PETITION,
                                                               unit_id=unit_id, opened_at=OPENED))
        district = cases.create_case(uow, actor, cases.NewCase(title="调解", kind=CaseKind.MEDIATION,
                                                               opened_at=OPENED))
    assert petition.row.case_no == "（2026）望高郭妇信字第1号"
    assert district.row.case_no == "（2026）望婚调字第1号"

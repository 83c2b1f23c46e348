"""The duty of 反家庭暴力法第十四条, as the facts of a case raise it: a party of a violent case who is a minor, or an
adult recorded without or with limited civil capacity, gets one report task with its own clock.

`raise_due` is called wherever one of those facts changes (a party added or edited, the 家暴 flag raised, a danger
assessment at 高, a capacity recorded). It lives with the cases because the cases room calls it and builds on
nothing above it; recording the report done (services/crisis/mandatory_reports.py) is crisis work.
"""
from __future__ import annotations


from sqlalchemy import select

from ...access.cases import case_in_scope, load_case, record_event
from ...domain import clock
from ...domain.clocks import ClockKind
from ...domain.enums import CaseKind
from ...domain.errors import NotFound
from ...domain.mandatory_report_rules import (
    CivilCapacity, ReportStatus, clean_capacity, person_at_risk,
)
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import Permission, require
from ...store.base import utcnow
from ...store.models import Case, CaseParty, MandatoryReport, Person
from ...store.uow import UnitOfWork
from ..clocks.clocks import open_case_statuses, start_task_clock


def involves_violence(case: Case) -> bool:
    return bool(case.domestic_violence) or case.kind == CaseKind.CRISIS.value


def open_reports(uow: UnitOfWork, case_id: str) -> list[MandatoryReport]:
    return list(uow.s.execute(select(MandatoryReport).where(MandatoryReport.case_id == case_id,
                                                            MandatoryReport.deleted_at.is_(None))
                              .order_by(MandatoryReport.raised_at, MandatoryReport.created_at, MandatoryReport.id)).scalars())


def raise_due(uow: UnitOfWork, actor: Actor, case: Case) -> list[str]:
    """Open a report task for each person of this case 第十四条 protects who has none yet; returns their ids.
    Called by the services that changed the facts (they checked the permission and loaded the case)."""
    if case.status not in open_case_statuses() or not involves_violence(case):
        return []
    rows = uow.s.execute(select(CaseParty, Person).join(Person, Person.id == CaseParty.person_id)
                         .where(CaseParty.case_id == case.id, CaseParty.deleted_at.is_(None),
                                Person.deleted_at.is_(None))
                         .order_by(CaseParty.created_at, CaseParty.id)).all()
    known = {r.person_id for r in open_reports(uow, case.id)}
    today, now, raised = clock.today_local(), utcnow(), []
    for party, person in rows:
        if person.id in known:
            continue
        risk = person_at_risk(role=party.role, birth_date=person.birth_date, capacity=person.civil_capacity,
                              today=today, capacity_by=person.civil_capacity_by,
                              capacity_basis=person.civil_capacity_basis)
        if risk is None:
            continue
        known.add(person.id)
        report = MandatoryReport(case_id=case.id, person_id=person.id, party_id=party.id, subject_name=person.name,
                                 ground=risk.ground.value, ground_note=risk.note, raised_at=now,
                                 status=ReportStatus.OPEN.value, owner_unit_id=case.owner_unit_id)
        uow.s.add(report)
        uow.flush()
        view = start_task_clock(uow, actor, case, ClockKind.MANDATORY_REPORT, now)
        report.clock_id = view.id
        record_event(uow, actor, case, "mandatory_report_raised",
                     f"强制报告：{person.name}（{risk.note}）遭受或疑似遭受家庭暴力，应立即向公安机关报案"
                     "（反家庭暴力法第十四条）", data={"report_id": report.id, "ground": risk.ground.value})
        audit.record(uow.s, actor, audit.Action.CREATE, entity="mandatory_report", entity_id=report.id,
                     case_id=case.id, owner_unit_id=case.owner_unit_id,
                     detail={"person_id": person.id, "ground": risk.ground.value, "clock_id": view.id})
        raised.append(report.id)
    return raised


def raise_for_person(uow: UnitOfWork, actor: Actor, person_id: str) -> list[str]:
    """`raise_due` on every case of the person's within the actor's scope (after her capacity was recorded)."""
    ids = uow.s.execute(select(CaseParty.case_id).where(CaseParty.person_id == person_id,
                                                        CaseParty.deleted_at.is_(None))).scalars()
    out: list[str] = []
    for case_id in sorted(set(ids)):
        case = case_in_scope(uow, actor, case_id)
        if case is not None:
            out += raise_due(uow, actor, case)
    return out


def record_capacity(uow: UnitOfWork, actor: Actor, party_id: str, capacity: CivilCapacity | str | None, *,
                    recorded_by: str, basis: str) -> list[str]:
    """Record an adult party's civil capacity (无 / 限制; None or "full" clears it), who recorded it and on what
    basis. A violent case holding her then raises its mandatory report; returns the reports raised."""
    require(actor, Permission.CASE_EDIT)
    party = uow.s.get(CaseParty, party_id)
    if party is None or party.deleted_at is not None:
        raise NotFound("当事人不存在。")
    case = load_case(uow, actor, party.case_id)
    person = uow.s.get(Person, party.person_id)
    if person is None or person.deleted_at is not None:
        raise NotFound("当事人不存在。")
    cap, by, why = clean_capacity(None if capacity is None else str(capacity), recorded_by, basis)
    before = person.civil_capacity
    person.civil_capacity = cap.value if cap else None
    person.civil_capacity_by, person.civil_capacity_basis = (by or None), (why or None)
    uow.flush()
    label = cap.label if cap else "完全民事行为能力"
    record_event(uow, actor, case, "civil_capacity_recorded", f"记录民事行为能力：{person.name}，{label}"
                 + (f"（记录人：{by}；依据：{why}）" if cap else ""), data={"person_id": person.id})
    audit.record(uow.s, actor, audit.Action.UPDATE, entity="person", entity_id=person.id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id,
                 detail={"changes": {"civil_capacity": [before, person.civil_capacity]}, "recorded_by": by,
                         "basis": why})
    return raise_for_person(uow, actor, person.id)



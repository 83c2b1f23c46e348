"""信访接待登记: registering a contact at the desk, and the register's lists and counts.

One call, one transaction: validate everything first (a Report with an Issue per field, so the form
shows each problem beside its field); with any error nothing is written. Then:

- the visitor is linked to a person on file (the one chosen from the duplicate warning, or, without a
  choice, the single visible person with the same ID number, or with the same phone and name), or a
  new person is created in the registering unit. 当场答复 / 咨询 without any identifier (ID number,
  phone, birth date) create no person: anonymous callers do not fill the people list.
- 重复访 is worked out from the person's history (see `_repeat_reasons`) unless the caller says.
- by decision:
  受理      a new petition case (visitor as 申请人/来访人), accepted at once: the 15-day acceptance clock
            stops and the 60-day conclusion clock starts. Or, with `join_case_id`, the entry joins
            that open case (the visitor becomes a party if not one yet; the case status is unchanged).
  不予受理  a case in 登记 (its acceptance clock keeps running: the written notice is due in 15 days)
            with a pending 不予受理 approval for the supervisor, carrying the reason.
  转办      a case moved to 转办 at once (clocks stop), the target organ and reason recorded.
  当场答复 / 咨询  counted in the register, no case.
- the intake record, a CaseEvent on the case, and audit entries (no personal data in the audit).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import or_, select

from ...access.cases import case_in_scope, load_case, record_event
from ...domain.enums import CaseKind, CaseSource, CaseStatus, PartyRole
from ...domain.errors import ValidationError
from ...domain.intake_rules import (
    FIELD_LABELS,
    REPEAT_WINDOW_DAYS,
    Channel,
    CheckedIntake,
    IntakeDecision,
    IntakeInput,
    validate_intake,
)
from ...domain.localtime import format_local
from ...domain.names import masked_name
from ...domain.validation import Issue, PersonInput, Report, Severity
from ...domain.workflow import Transition, is_open
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import Permission, require
from ...store.base import new_id, utcnow
from ...store.models import Case, CaseParty, IntakeRecord, OrgUnit, Person
from ...store.uow import UnitOfWork
from ..cases import persons
from ..cases.cases import NewCase, apply_person, add_party, create_case
from .intake_json import intake_from_json
from .intake_views import IntakeView, case_intakes, get_intake, intake_counts, list_intakes, load_view, period_bounds
from ..cases.workflow import set_major_incident, transition
from ..crisis.crisis import mark_domestic_violence

__all__ = [
    # views and reading (intake_views)
    "IntakeView", "case_intakes", "get_intake", "intake_counts", "list_intakes", "period_bounds",
    # JSON input (intake_json)
    "intake_from_json",
    # checking and registering
    "IntakePreview", "check_intake", "preview_intake", "raise_for_report", "register_contact",
]

_OPEN_STATUSES = tuple(s.value for s in CaseStatus if is_open(s))


# --- checking ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Plan:
    unit_id: str
    checked: CheckedIntake
    person: Person | None          # an existing person to link (None: create one, or none at all)
    join_case: Case | None


def _owned_in_scope(actor: Actor, unit_id: str) -> bool:
    return actor.is_system or actor.in_scope(unit_id)


def _prepare(uow: UnitOfWork, actor: Actor, data: IntakeInput, now: datetime | None = None) -> tuple[Report, _Plan]:
    report, checked = validate_intake(data, now=now)
    issues = list(report.issues)

    def error(field: str, code: str, message: str) -> None:
        issues.append(Issue(field, Severity.ERROR, code, message))

    def warn(field: str, code: str, message: str) -> None:
        issues.append(Issue(field, Severity.WARNING, code, message))

    unit_id = data.unit_id or actor.unit_id
    unit = uow.s.get(OrgUnit, unit_id) if unit_id else None
    if unit is None or unit.deleted_at is not None or not _owned_in_scope(actor, unit_id):
        error("unit_id", "out_of_scope", "登记单位不存在或不在您的管辖范围内。")

    opens_case = checked.decision is not None and checked.decision.opens_case
    person = None
    if data.person_id:
        person = uow.s.get(Person, data.person_id)
        if person is None or not persons.person_visible(uow, actor, person.id):
            error("person_id", "not_found", "所选人员不存在或不在您的管辖范围内。")
            person = None
        elif opens_case and not _owned_in_scope(actor, person.owner_unit_id):
            error("person_id", "other_unit",
                  "所选人员由其他单位登记，不能作为本单位案件的当事人；请不选该人员，按新人员登记。")
            person = None
    else:
        linked = persons.same_person_id(uow, actor, id_key=checked.id_info.number if checked.id_info else None,
                                        phone_key=checked.phone, name=(data.name or "").strip() or None)
        if linked:
            candidate = uow.s.get(Person, linked)
            if not opens_case or _owned_in_scope(actor, candidate.owner_unit_id):
                person = candidate
                how = "身份证号" if checked.id_info and candidate.id_number == checked.id_info.number else "电话和姓名"
                warn("person_id", "linked", f"已按{how}关联已登记人员：{candidate.name}（{_unit_name(uow, candidate)}）。")
    if person is not None:
        if checked.id_info and person.id_number and person.id_number != checked.id_info.number:
            error("id_number", "person_mismatch", "填写的身份证号与所选人员登记的不一致，请核对，或不选该人员。")
        if checked.sex in ("male", "female") and person.sex in ("male", "female") and person.sex != checked.sex:
            error("sex", "person_sex_mismatch", "填写的性别与所选人员登记的不一致；一人只有一个性别，请核对后改正。")
        if checked.birth_date and person.birth_date and person.birth_date != checked.birth_date:
            error("birth_date", "person_birth_mismatch",
                  f"填写的出生日期与所选人员登记的（{person.birth_date:%Y-%m-%d}）不一致，请核对后改正。")
        if (data.name or "").strip() and person.name != data.name.strip():
            warn("name", "person_name_differs", f"填写的姓名与所选人员登记的姓名（{person.name}）不一致。")

    case = None
    if data.join_case_id:
        case = case_in_scope(uow, actor, data.join_case_id)
        if case is None:
            error("join_case_id", "not_found", "要并入的案件不存在或不在您的管辖范围内。")
            case = None
        elif not is_open(CaseStatus(case.status)):
            error("join_case_id", "case_ended",
                  f"案件 {case.case_no} 已{CaseStatus(case.status).label}，不能并入；如需继续办理请先“重新办理”。")
            case = None
    return Report(tuple(issues)), _Plan(unit_id, checked, person, case)


def _unit_name(uow: UnitOfWork, person: Person) -> str:
    unit = uow.s.get(OrgUnit, person.owner_unit_id)
    return unit.name if unit else ""


def check_intake(uow: UnitOfWork, actor: Actor, data: IntakeInput) -> Report:
    """Every problem with the entry, by field, without writing anything (for live checking in the form)."""
    require(actor, Permission.CASE_CREATE)
    return _prepare(uow, actor, data)[0]


@dataclass(frozen=True)
class IntakePreview:
    """What saving the entry now would do, for the form while the user types."""

    report: Report
    person_id: str | None              # the person it would be linked to (chosen, or found by ID / phone + name)
    repeat_reasons: tuple[str, ...]    # why it would count as 重复访 (empty: it would not)


def preview_intake(uow: UnitOfWork, actor: Actor, data: IntakeInput) -> IntakePreview:
    """`check_intake` plus the person it would link and the 重复访 reasons, without writing anything."""
    require(actor, Permission.CASE_CREATE)
    report, plan = _prepare(uow, actor, data)
    reasons: list[str] = []
    if plan.person is not None:
        reasons = _repeat_reasons(uow, actor, plan.person.id, (data.category or "").strip() or None,
                                  data.received_at or utcnow())
    return IntakePreview(report, plan.person.id if plan.person else None, tuple(reasons))


def raise_for_report(report: Report) -> None:
    """Refuse with every error, each named by its field (the CLI prints this; the form uses `report`)."""
    errors = [i for i in report.issues if i.severity == Severity.ERROR]
    if errors:
        exc = ValidationError("；".join(f"{FIELD_LABELS.get(i.field, i.field)}（{i.field}）：{i.message}" for i in errors),
                              code=errors[0].code, field=errors[0].field)
        exc.report = report  # type: ignore[attr-defined]
        raise exc


# --- registering ---------------------------------------------------------------------------------

def register_contact(uow: UnitOfWork, actor: Actor, data: IntakeInput) -> IntakeView:
    """Register one contact; raises ValidationError (and writes nothing) when the report has errors."""
    require(actor, Permission.CASE_CREATE)
    report, plan = _prepare(uow, actor, data)
    raise_for_report(report)
    checked = plan.checked
    decision: IntakeDecision = checked.decision  # type: ignore[assignment]
    channel: Channel = checked.channel  # type: ignore[assignment]
    received = data.received_at or utcnow()
    name = data.name.strip()
    category = (data.category or "").strip() or None
    sub_category = (data.sub_category or "").strip() or None
    note = (data.decision_note or "").strip() or None
    transfer_to = (data.transfer_to or "").strip() or None

    person = _person_for(uow, actor, data, plan, name)
    repeat_reasons = _repeat_reasons(uow, actor, person.id, category, received) if person else []
    is_repeat = data.is_repeat if data.is_repeat is not None else bool(repeat_reasons)

    intake_id = new_id()
    case: Case | None = None
    if plan.join_case is not None:
        case = load_case(uow, actor, plan.join_case.id)
        _ensure_party(uow, actor, case, person)
    elif decision.opens_case:
        case = _open_case(uow, actor, plan, person, name, category, sub_category, data, received)

    record = IntakeRecord(
        id=intake_id, owner_unit_id=plan.unit_id, channel=channel.value, received_at=received,
        person_id=person.id if person else None, visitor_name=name, sex=checked.sex, age=checked.age,
        marital_status=checked.marital_status, address=(data.address or "").strip() or None, contact=checked.phone,
        people_count=data.people_count, is_group=bool(data.is_group),
        representatives=list(checked.representatives) or None, request=data.request.strip(),
        facts=(data.facts or "").strip() or None, category=category, sub_category=sub_category,
        decision=decision.value, decision_note=note, is_repeat=is_repeat,
        transfer_to=transfer_to if decision == IntakeDecision.TRANSFER else None,
        case_id=case.id if case else None, handler_id=actor.user_id)
    uow.s.add(record)
    uow.flush()

    if case is not None:
        _after_case(uow, actor, case, record, decision, channel, note, transfer_to, joined=plan.join_case is not None)
        _raise_flags(uow, actor, case, data)
    audit.record(uow.s, actor, audit.Action.CREATE, entity="intake", entity_id=record.id,
                 case_id=case.id if case else None, owner_unit_id=plan.unit_id,
                 detail={"channel": channel.value, "decision": decision.value, "people_count": record.people_count,
                         "is_group": record.is_group, "representatives": len(checked.representatives),
                         "is_repeat": is_repeat, "repeat_set_by_user": data.is_repeat is not None,
                         "category": category, "sub_category": sub_category, "person_id": record.person_id,
                         "joined_case": plan.join_case is not None,
                         "domestic_violence": data.domestic_violence, "major_incident": data.major_incident})
    view = load_view(uow, actor, record.id)
    warnings = tuple(i.message for i in report.issues if i.severity == Severity.WARNING)
    return replace(view, repeat_reasons=tuple(repeat_reasons), warnings=warnings)


def _person_for(uow: UnitOfWork, actor: Actor, data: IntakeInput, plan: _Plan, name: str) -> Person | None:
    checked, info = plan.checked, plan.checked.id_info
    person = plan.person
    if person is not None:
        if _owned_in_scope(actor, person.owner_unit_id):
            _fill_missing(uow, actor, person, data, checked)
        return person
    has_identifier = bool(info or checked.phone or checked.birth_date)
    if not (checked.decision.opens_case or has_identifier):  # type: ignore[union-attr]
        return None
    person = Person(owner_unit_id=plan.unit_id)
    apply_person(person, _person_input(data, checked, name), info)
    uow.s.add(person)
    uow.flush()
    audit.record(uow.s, actor, audit.Action.CREATE, entity="person", entity_id=person.id,
                 owner_unit_id=person.owner_unit_id, detail={"via": "intake"})
    return person


def _person_input(data: IntakeInput, checked: CheckedIntake, name: str) -> PersonInput:
    return PersonInput(name=name, sex=checked.sex, id_number=checked.id_info.number if checked.id_info else None,
                       phone=checked.phone, birth_date=checked.birth_date,
                       address=(data.address or "").strip() or None, marital_status=checked.marital_status)


def _fill_missing(uow: UnitOfWork, actor: Actor, person: Person, data: IntakeInput, checked: CheckedIntake) -> None:
    """Complete a person on file with what the visitor told us now; never overwrite what is there
    (a changed phone or address stays on the intake record; the person is edited on purpose elsewhere)."""
    wanted = {
        "id_number": checked.id_info.number if checked.id_info else None,
        "birth_date": checked.birth_date,
        "phone": checked.phone,
        "address": (data.address or "").strip() or None,
        "marital_status": checked.marital_status,
    }
    changed = [k for k, v in wanted.items() if v is not None and getattr(person, k) in (None, "")]
    for key in changed:
        setattr(person, key, wanted[key])
    if person.sex in (None, "", "unknown") and checked.sex != "unknown":
        person.sex = checked.sex
        changed.append("sex")
    if changed:
        uow.flush()
        audit.record(uow.s, actor, audit.Action.UPDATE, entity="person", entity_id=person.id,
                     owner_unit_id=person.owner_unit_id, detail={"fields": sorted(changed), "via": "intake"})


def _repeat_reasons(uow: UnitOfWork, actor: Actor, person_id: str, category: str | None,
                    received: datetime) -> list[str]:
    """重复访: the same person came on the same matter before.

    - an earlier register entry for this person within the last 12 months with the same complaint
      category (any category when this entry has none), or
    - this person is a party in a case still open (登记/受理/办理中/待结案审核) of the same category
      (or without one).
    The person's whole history counts, wherever it was registered (a petitioner who went to the district
    first is repeating at the village); records outside the actor's scope are not described.
    """
    reasons: list[str] = []
    earlier = (select(IntakeRecord.received_at, IntakeRecord.owner_unit_id, IntakeRecord.category)
               .where(IntakeRecord.person_id == person_id, IntakeRecord.deleted_at.is_(None),
                      IntakeRecord.received_at >= received - timedelta(days=REPEAT_WINDOW_DAYS),
                      IntakeRecord.received_at <= received)
               .order_by(IntakeRecord.received_at.desc()))
    if category:
        earlier = earlier.where(IntakeRecord.category == category)
    row = uow.s.execute(earlier.limit(1)).first()
    if row is not None:
        what = f"“{category}”" if category else "同一"
        where = f"（{format_local(row[0], with_time=False)}）" if _owned_in_scope(actor, row[1]) else "（其他单位登记）"
        reasons.append(f"12 个月内曾就{what}事项登记接待{where}")
    open_cases = (select(Case.case_no, Case.owner_unit_id)
                  .join(CaseParty, CaseParty.case_id == Case.id)
                  .where(CaseParty.person_id == person_id, CaseParty.deleted_at.is_(None), Case.deleted_at.is_(None),
                         Case.status.in_(_OPEN_STATUSES))
                  .order_by(Case.opened_at.desc()))
    if category:
        open_cases = open_cases.where(or_(Case.category == category, Case.category.is_(None)))
    row = uow.s.execute(open_cases.limit(1)).first()
    if row is not None:
        reasons.append(f"有尚未办结的案件{'（' + row[0] + '）' if _owned_in_scope(actor, row[1]) else '（其他单位办理）'}")
    return reasons


def _open_case(uow: UnitOfWork, actor: Actor, plan: _Plan, person: Person | None, name: str, category: str | None,
               sub_category: str | None, data: IntakeInput, received: datetime) -> Case:
    assert person is not None  # a case-opening decision always has a person
    masked = masked_name(name)   # lists on a desk screen show the title: never the full name
    who = f"{masked}等{data.people_count}人" if data.is_group and data.people_count > 1 else masked
    detail = create_case(uow, actor, NewCase(
        title=f"{who}反映{sub_category or category or '信访事项'}"[:200], kind=CaseKind.PETITION, unit_id=plan.unit_id,
        category=category, sub_category=sub_category, source=CaseSource.APPLICATION.value,
        summary=data.request.strip(), opened_at=received))
    case = load_case(uow, actor, detail.row.id)
    _ensure_party(uow, actor, case, person)
    return case


def _raise_flags(uow: UnitOfWork, actor: Actor, case: Case, data: IntakeInput) -> None:
    """The 家暴 / 重大 flags the clerk confirmed at the desk (triage offers them; raising needs no approval)."""
    if data.domestic_violence:
        mark_domestic_violence(uow, actor, case, "接待登记时确认")
    if data.major_incident:
        set_major_incident(uow, actor, case.id, True, "接待登记时确认")


def _ensure_party(uow: UnitOfWork, actor: Actor, case: Case, person: Person | None) -> None:
    if person is None:
        return
    already = uow.s.execute(select(CaseParty.id).where(CaseParty.case_id == case.id, CaseParty.person_id == person.id,
                                                       CaseParty.deleted_at.is_(None))).first()
    if already is None:
        add_party(uow, actor, case.id, PersonInput(name=person.name, sex=person.sex), PartyRole.APPLICANT,
                  person_id=person.id)


def _after_case(uow: UnitOfWork, actor: Actor, case: Case, record: IntakeRecord, decision: IntakeDecision,
                channel: Channel, note: str | None, transfer_to: str | None, *, joined: bool) -> None:
    marks = [channel.label, f"{record.people_count}人"]
    if record.is_group:
        marks.append("集体访")
    if record.is_repeat:
        marks.append("重复访")
    head = "信访接待登记并入本案" if joined else "信访接待登记"
    record_event(uow, actor, case, "intake", f"{head}（{'，'.join(marks)}）：{decision.label}",
           data={"intake_id": record.id, "channel": channel.value, "decision": decision.value,
                 "transfer_to": transfer_to})
    if joined:
        return
    if decision == IntakeDecision.ACCEPT:
        transition(uow, actor, case.id, Transition.ACCEPT, reason=note)
    elif decision == IntakeDecision.REJECT:
        transition(uow, actor, case.id, Transition.REJECT, reason=note)  # files the supervisor's approval
    elif decision == IntakeDecision.TRANSFER:
        transition(uow, actor, case.id, Transition.TRANSFER,
                   reason=f"转{transfer_to}" + (f"：{note}" if note else ""))

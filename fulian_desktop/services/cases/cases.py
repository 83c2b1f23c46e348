"""Creating, reading and editing a case and its parties."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from ...domain.closure_outcomes import ClosureOutcomes
from ...access.cases import check_version, load_case, record_event
from ...access.disclosure import disclosure_of, disclosures, party_contact, reader_of
from ...domain.case_numbers import format_case_number
from ...domain.enums import CaseKind, CaseStatus, PartyRole, Tier
from ...domain.errors import NotFound, ValidationError
from ...domain.localtime import local_date
from ...domain.mediation_rules import Satisfaction
from ...domain.phone import parse_phone
from ...domain.pinyin import name_search_keys
from ...domain.validation import PersonInput, validate_case_text, validate_person
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import Permission, require, require_scope
from ...store.base import utcnow
from ...store.models import Case, CaseEvent, CaseParty, OrgUnit, Person, UserAccount
from ...store.uow import UnitOfWork, one_snapshot
from .case_queries import fetch_case_rows
from .numbering import next_case_seq
from .protection import settle as settle_protection
from .search import index_cases
from .views import CaseDetail, CaseEventView, PartyView

EDITABLE_FIELDS = ("title", "category", "sub_category", "dispute_type", "source", "urgency", "summary",
                   "handler_id", "major_incident", "involves_minor", "domestic_violence")


@dataclass(frozen=True)
class NewCase:
    title: str
    kind: CaseKind
    unit_id: str | None = None  # default: the actor's own unit
    category: str | None = None
    sub_category: str | None = None
    dispute_type: str | None = None
    source: str | None = None
    summary: str | None = None
    handler_id: str | None = None
    opened_at: datetime | None = None


def create_case(uow: UnitOfWork, actor: Actor, new: NewCase) -> CaseDetail:
    require(actor, Permission.CASE_CREATE)
    unit_id = new.unit_id or actor.unit_id
    require_scope(actor, unit_id, "所选单位")
    validate_case_text(new.title, new.summary).raise_if_errors()
    title = new.title.strip()
    s = uow.s
    unit = s.get(OrgUnit, unit_id)
    if unit is None:
        raise NotFound("所选单位不存在。")
    opened = new.opened_at or utcnow()
    year = local_date(opened).year
    seq = next_case_seq(s, unit.id, new.kind.value, year)
    case = Case(case_no=format_case_number(year, unit.case_prefix + new.kind.number_word, seq),
                case_year=year, case_seq=seq, kind=new.kind.value, title=title, tier=unit.tier,
                status=CaseStatus.REGISTERED.value, category=new.category, sub_category=new.sub_category,
                dispute_type=new.dispute_type, source=new.source, summary=new.summary,
                handler_id=new.handler_id or actor.user_id, owner_unit_id=unit.id, opened_at=opened)
    s.add(case)
    uow.flush()
    record_event(uow, actor, case, "created", f"登记案件 {case.case_no}")
    from ..clocks.clocks import on_case_created  # clocks build on cases: imported here to avoid a cycle

    on_case_created(uow, actor, case)
    index_cases(s, [case.id])
    audit.record(s, actor, audit.Action.CREATE, entity="case", entity_id=case.id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id, detail={"case_no": case.case_no})
    return case_detail(uow, actor, case)




def get_case(uow: UnitOfWork, actor: Actor, case_id: str) -> CaseDetail:
    """Open a case: a view of sensitive records, so it is audited (needs a write unit of work). Read in one
    snapshot (another desk's save shows in the whole screen or not at all), then audited: the audit chain's head,
    which every audited save waits for, is held only from the entry to the commit."""
    require(actor, Permission.CASE_READ)
    case = load_case(uow, actor, case_id)
    with one_snapshot(uow) as reading:
        detail = case_detail(reading, actor, load_case(reading, actor, case_id))
    audit.record(uow.s, actor, audit.Action.VIEW, entity="case", entity_id=case.id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id)
    return detail


def case_detail(uow: UnitOfWork, actor: Actor, case: Case) -> CaseDetail:
    row = fetch_case_rows(uow, actor, [case.id])[0]
    parties = []
    rows = uow.s.execute(select(CaseParty, Person).join(Person, Person.id == CaseParty.person_id)
                         .where(CaseParty.case_id == case.id, CaseParty.deleted_at.is_(None))
                         .order_by(CaseParty.created_at)).all()
    shown = disclosures(uow.s, reader_of(actor), [party_contact(party, person) for party, person in rows])
    for party, person in rows:
        d = shown[party.id]
        parties.append(PartyView(
            id=party.id, person_id=person.id, role=PartyRole(party.role), name=person.name, sex=person.sex,
            birth_date=d.birth_date_of(person.birth_date), id_number=d.id_number_of(person.id_number),
            phone=d.phone_of(person.phone), address=d.address_of(person.address),
            contact_confidential=d.marked, redacted=d.redacted, version=party.version,
            person_version=person.version))
    events = tuple(CaseEventView(e.id, e.kind, e.occurred_at, e.actor_name, e.summary) for e in uow.s.execute(
        select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.occurred_at, CaseEvent.created_at))
        .scalars())
    from ..mediation.confirmation import window_line
    from .petition import stored_opinion  # it writes through record_event: imported late to avoid a cycle

    opinion = stored_opinion(uow, case)
    evaluation = next((m for m in Satisfaction if opinion and m.value == case.petition_evaluation), None)
    return CaseDetail(row=row, version=case.version, sub_category=case.sub_category, dispute_type=case.dispute_type,
                      source=case.source, urgency=case.urgency, summary=case.summary, handler_id=case.handler_id,
                      closed_at=case.closed_at, parties=tuple(parties), events=events,
                      petition_outcome=opinion.outcome if opinion else None,
                      petition_basis=opinion.basis if opinion else None,
                      petition_evaluation=evaluation,
                      confirmation_window=window_line(uow, case),
                      closure_outcomes=ClosureOutcomes.of_case(case))



def update_case(uow: UnitOfWork, actor: Actor, case_id: str, expected_version: int,
                changes: dict[str, Any]) -> CaseDetail:
    require(actor, Permission.CASE_EDIT)
    case = load_case(uow, actor, case_id)
    check_version(case.version, expected_version, "该案件")
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"不能修改这些字段：{', '.join(sorted(unknown))}")
    validate_case_text(changes.get("title"), changes.get("summary"), check_title="title" in changes).raise_if_errors()
    if changes.get("handler_id"):
        handler = uow.s.get(UserAccount, changes["handler_id"])
        if handler is None or not actor.is_system and not actor.in_scope(handler.owner_unit_id):
            raise ValidationError("承办人不存在或不在本单位管辖范围内。", field="handler_id")
    diff = {k: [getattr(case, k), v] for k, v in changes.items() if getattr(case, k) != v}
    for key, (_old, new) in diff.items():
        setattr(case, key, new)
    if diff:
        uow.flush()
        record_event(uow, actor, case, "updated", "修改案件信息：" + "、".join(_FIELD_LABELS.get(k, k) for k in diff),
               data={"changes": diff})
        if {"title", "summary"} & set(diff):
            index_cases(uow.s, [case.id])
        audit.record(uow.s, actor, audit.Action.UPDATE, entity="case", entity_id=case.id, case_id=case.id,
                     owner_unit_id=case.owner_unit_id, detail={"changes": diff})
        if "domestic_violence" in diff:
            _raise_reports(uow, actor, case)
    return case_detail(uow, actor, case)


def _raise_reports(uow: UnitOfWork, actor: Actor, case: Case) -> None:
    """A child or a person without full capacity in a violent case raises a mandatory report (反家庭暴力法第十四条)."""
    from .report_duty import raise_due  # it starts clocks, which build on cases: imported late

    raise_due(uow, actor, case)


_FIELD_LABELS = {"title": "案件名称", "category": "类别", "sub_category": "子类", "dispute_type": "纠纷类型",
                 "source": "来源", "urgency": "紧急程度", "summary": "简要案情", "handler_id": "承办人",
                 "major_incident": "重大案事件", "involves_minor": "涉及未成年人", "domestic_violence": "家庭暴力"}


def apply_person(person: Person, data: PersonInput, info) -> dict[str, list[Any]]:  # noqa: ANN001
    values = {
        "name": data.name.strip(),
        "sex": {"男": "male", "女": "female"}[info.sex] if info else data.sex,
        "birth_date": info.birth_date if info else data.birth_date,
        "id_number": info.number if info else None,
        "phone": parse_phone(data.phone).number if data.phone and data.phone.strip() else None,
        "address": (data.address or "").strip() or None,
        "marital_status": data.marital_status,
        "occupation": data.occupation,
    }
    full, initials = name_search_keys(values["name"])
    values.update(name_pinyin=full, name_initials=initials)
    diff = {k: [getattr(person, k, None), v] for k, v in values.items() if getattr(person, k, None) != v}
    for key, (_old, new) in diff.items():
        setattr(person, key, new)
    return diff


def add_party(uow: UnitOfWork, actor: Actor, case_id: str, data: PersonInput, role: PartyRole, *,
              contact_confidential: bool = False, person_id: str | None = None) -> PartyView:
    require(actor, Permission.CASE_EDIT)
    case = load_case(uow, actor, case_id)
    report, info = validate_person(data)
    report.raise_if_errors()
    s = uow.s
    if person_id:
        person = s.get(Person, person_id)
        if person is None or person.deleted_at is not None:
            raise NotFound("人员不存在。")
        require_scope(actor, person.owner_unit_id, "该人员")
    else:
        person = Person(owner_unit_id=case.owner_unit_id)
        apply_person(person, data, info)
        s.add(person)
    uow.flush()
    party = CaseParty(case_id=case.id, person_id=person.id, role=role.value, owner_unit_id=case.owner_unit_id,
                      contact_confidential=contact_confidential)
    s.add(party)
    uow.flush()
    if contact_confidential:
        settle_protection(s, [person.id])   # the mark follows the person (services/cases/protection.py)
    record_event(uow, actor, case, "party_added", f"添加{role.label}：{person.name}")
    index_cases(s, [case.id])
    audit.record(s, actor, audit.Action.CREATE, entity="case_party", entity_id=party.id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id, detail={"role": role.value, "person_id": person.id})
    _raise_reports(uow, actor, case)
    return next(p for p in case_detail(uow, actor, case).parties if p.id == party.id)


def update_party(uow: UnitOfWork, actor: Actor, party_id: str, expected_person_version: int, data: PersonInput,
                 *, role: PartyRole | None = None, contact_confidential: bool | None = None) -> PartyView:
    require(actor, Permission.CASE_EDIT)
    party = uow.s.get(CaseParty, party_id)
    if party is None or party.deleted_at is not None:
        raise NotFound("当事人不存在。")
    case = load_case(uow, actor, party.case_id)
    person = uow.s.get(Person, party.person_id)
    check_version(person.version, expected_person_version, "该当事人信息")
    if disclosure_of(uow.s, reader_of(actor), party_contact(party, person)).redacted:
        require(actor, Permission.SEE_CONFIDENTIAL)  # may not overwrite what it cannot see
    report, info = validate_person(data)
    report.raise_if_errors()
    diff = apply_person(person, data, info)
    if role is not None and role.value != party.role:
        diff["role"] = [party.role, role.value]
        party.role = role.value
    if contact_confidential is not None and contact_confidential != party.contact_confidential:
        diff["contact_confidential"] = [party.contact_confidential, contact_confidential]
        party.contact_confidential = contact_confidential
        settle_protection(uow.s, [person.id])
    if diff:
        uow.flush()
        # The history keeps which fields changed, not the personal data itself.
        record_event(uow, actor, case, "party_updated", f"修改当事人信息：{person.name}", data={"fields": sorted(diff)})
        if "name" in diff:
            index_cases(uow.s, _cases_of_person(uow, person.id))
        audit.record(uow.s, actor, audit.Action.UPDATE, entity="person", entity_id=person.id, case_id=case.id,
                     owner_unit_id=case.owner_unit_id, detail={"fields": sorted(diff)})
        _raise_reports(uow, actor, case)
    return next(p for p in case_detail(uow, actor, case).parties if p.id == party.id)


def _cases_of_person(uow: UnitOfWork, person_id: str) -> list[str]:
    return list(uow.s.execute(select(CaseParty.case_id).where(CaseParty.person_id == person_id)).scalars())


def tier_of(uow: UnitOfWork, unit_id: str) -> Tier:
    return Tier(uow.s.execute(select(OrgUnit.tier).where(OrgUnit.id == unit_id)).scalar_one())

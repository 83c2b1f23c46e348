"""Reading a case's history (from the audit log) and a party's full record for editing.

The history says who did what and when. A case field change shows its old and new value;
a change to a person shows only *which* fields changed (the audit log never keeps personal data).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from ...access.cases import load_case
from ...access.disclosure import disclosure_of, party_contact, reader_of
from ...domain.enums import CaseSource, PartyRole, PetitionOutcome, Urgency
from ...domain.errors import NotFound
from ...domain.mediation_rules import Satisfaction
from ...security.actor import Actor
from ...security.audit import Action
from ...security.permissions import Permission, require
from ...store.models import AuditEntry, Case, CaseParty, Person, UserAccount
from ...store.uow import UnitOfWork


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str                 # Chinese field name
    old: str | None = None     # display text; None when the value is not shown (personal data)
    new: str | None = None
    values_shown: bool = True


@dataclass(frozen=True)
class HistoryEntry:
    seq: int
    at: datetime               # UTC; show with localtime.format_local
    actor_name: str
    action: str                # stable code (security.audit.Action)
    action_label: str          # 查看 / 修改 / 新增 …
    entity: str | None
    summary: str               # one Chinese line: "修改案件信息", "添加当事人：张三（受害人）"
    changes: tuple[FieldChange, ...] = ()


ACTION_LABELS = {
    Action.VIEW: "查看", Action.CREATE: "新增", Action.UPDATE: "修改", Action.DELETE: "删除",
    Action.EXPORT: "导出", Action.PRINT: "打印",
}
ENTITY_LABELS = {
    "case": "案件", "case_party": "当事人", "person": "当事人信息", "approval": "审批申请", "referral": "转介",
    "intake": "接待登记", "clock": "时限", "mediation_session": "调解会", "agreement": "调解协议",
    "agreement_term": "协议条款", "follow_up": "回访记录", "counselling_session": "心理疏导记录",
    "risk_assessment": "危险评估", "safety_plan": "安全计划", "crisis_action": "危机干预行动",
    "protection_order": "人身安全保护令", "screening_entry": "排查登记", "online_lead": "网络舆情线索",
}

CASE_FIELD_LABELS = {
    "title": "案件名称", "category": "类别", "sub_category": "子类", "dispute_type": "纠纷类型",
    "source": "来源", "urgency": "紧急程度", "summary": "简要案情", "handler_id": "承办人",
    "major_incident": "重大案事件", "involves_minor": "涉及未成年人", "domestic_violence": "家庭暴力",
    "status": "状态", "petition_outcome": "信访处理意见", "petition_evaluation": "信访人评价",
}
PERSON_FIELD_LABELS = {
    "name": "姓名", "sex": "性别", "birth_date": "出生日期", "id_number": "身份证号", "phone": "联系电话",
    "address": "住址", "marital_status": "婚姻状况", "occupation": "职业", "role": "当事人角色",
    "contact_confidential": "联系方式保密", "ethnicity": "民族", "note": "备注",
}
_DERIVED = {"name_pinyin", "name_initials"}  # follow the name; never listed on their own


def _label_of(enum: Any, value: Any) -> str:
    try:
        return enum(value).label
    except ValueError:
        return str(value)


def _show(field: str, value: Any, users: dict[str, str]) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if field == "handler_id":
        return users.get(value, "（已删除的用户）")
    if field == "source":
        return _label_of(CaseSource, value)
    if field == "urgency":
        return _label_of(Urgency, value)
    if field == "petition_outcome":
        return _label_of(PetitionOutcome, value)
    if field == "petition_evaluation":
        return _label_of(Satisfaction, value)
    return str(value)


def case_history(uow: UnitOfWork, actor: Actor, case_id: str, *, include_views: bool = True) -> list[HistoryEntry]:
    """Every audit entry about the case, oldest first."""
    require(actor, Permission.CASE_READ)
    case = load_case(uow, actor, case_id)
    stmt = select(AuditEntry).where(AuditEntry.case_id == case.id).order_by(AuditEntry.seq)
    if not include_views:
        stmt = stmt.where(AuditEntry.action != Action.VIEW)
    entries = list(uow.s.execute(stmt).scalars())

    user_ids = {v for e in entries if e.entity == "case" and isinstance(e.detail, dict)
                for v in (e.detail.get("changes") or {}).get("handler_id", []) if v}
    users = dict(uow.s.execute(select(UserAccount.id, UserAccount.display_name)
                               .where(UserAccount.id.in_(sorted(user_ids)))).all()) if user_ids else {}
    person_ids = {e.entity_id for e in entries if e.entity == "person"}
    person_ids |= {e.detail.get("person_id") for e in entries if e.entity == "case_party" and isinstance(e.detail, dict)}
    person_ids.discard(None)
    names = dict(uow.s.execute(select(Person.id, Person.name).where(Person.id.in_(sorted(person_ids)))).all()) \
        if person_ids else {}
    return [_entry(e, case, users, names) for e in entries]


def _entry(e: AuditEntry, case: Case, users: dict[str, str], names: dict[str, str]) -> HistoryEntry:
    detail = e.detail if isinstance(e.detail, dict) else {}
    action_label = ACTION_LABELS.get(e.action, e.action)
    changes: tuple[FieldChange, ...] = ()
    if e.entity == "case" and e.action == Action.VIEW:
        summary = "查看案件"
    elif e.entity == "case" and e.action == Action.CREATE:
        summary = f"登记案件 {detail.get('case_no') or case.case_no}"
    elif e.entity == "case" and e.action == Action.UPDATE:
        raw = detail.get("changes") or {}
        changes = tuple(
            FieldChange(field, CASE_FIELD_LABELS.get(field, field), _show(field, pair[0], users),
                        _show(field, pair[1], users))
            for field, pair in raw.items() if isinstance(pair, (list, tuple)) and len(pair) == 2)
        summary = "修改案件信息"
    elif e.entity == "case_party" and e.action == Action.CREATE:
        name = names.get(detail.get("person_id"), "")
        role = _label_of(PartyRole, detail["role"]) if detail.get("role") else ""
        summary = f"添加当事人：{name}" + (f"（{role}）" if role else "")
    elif e.entity == "person" and e.action == Action.UPDATE:
        fields = [f for f in detail.get("fields") or [] if f not in _DERIVED]
        changes = tuple(FieldChange(f, PERSON_FIELD_LABELS.get(f, f), values_shown=False) for f in fields)
        summary = f"修改当事人信息：{names.get(e.entity_id, '')}"
    else:
        summary = action_label + ENTITY_LABELS.get(e.entity or "", e.entity or "")
    return HistoryEntry(seq=e.seq, at=e.at, actor_name=e.actor_name, action=e.action, action_label=action_label,
                        entity=e.entity, summary=summary, changes=changes)


# --- a party's full record, for the edit form -------------------------------------------------------

@dataclass(frozen=True)
class PartyRecord:
    """Everything the party form edits (PartyView lacks marital status and occupation; editing without
    them would erase them)."""

    id: str
    case_id: str
    person_id: str
    role: PartyRole
    name: str
    sex: str
    birth_date: date | None
    id_number: str | None
    phone: str | None
    address: str | None
    marital_status: str | None
    occupation: str | None
    contact_confidential: bool
    redacted: bool             # True: the actor may not see (nor overwrite) the contact details
    version: int
    person_version: int
    civil_capacity: str | None = None        # none | limited (an adult's, as recorded); None = full
    civil_capacity_by: str | None = None
    civil_capacity_basis: str | None = None


def party_record(uow: UnitOfWork, actor: Actor, party_id: str) -> PartyRecord:
    require(actor, Permission.CASE_READ)
    party = uow.s.get(CaseParty, party_id)
    if party is None or party.deleted_at is not None:
        raise NotFound("当事人不存在。")
    load_case(uow, actor, party.case_id)
    person = uow.s.get(Person, party.person_id)
    if person is None:
        raise NotFound("当事人不存在。")
    d = disclosure_of(uow.s, reader_of(actor), party_contact(party, person))
    return PartyRecord(
        id=party.id, case_id=party.case_id, person_id=person.id, role=PartyRole(party.role), name=person.name,
        sex=person.sex, birth_date=d.birth_date_of(person.birth_date), id_number=d.id_number_of(person.id_number),
        phone=d.phone_of(person.phone), address=d.address_of(person.address),
        marital_status=person.marital_status, occupation=d.workplace_of(person.occupation),
        contact_confidential=d.marked, redacted=d.redacted, version=party.version,
        person_version=person.version, civil_capacity=person.civil_capacity,
        civil_capacity_by=person.civil_capacity_by, civil_capacity_basis=person.civil_capacity_basis)

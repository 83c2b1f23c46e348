"""Intake register views and reading: get_intake, list_intakes, case_intakes, intake_counts (see ``intake``)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from ...access.cases import load_case
from ...access.disclosure import Disclosure, Purpose, disclosures, intake_contact, reader_of
from ...domain.enums import CaseStatus, Sex, Tier
from ...domain.errors import NotFound, ValidationError
from ...domain.intake_rules import Channel, IntakeDecision, MaritalStatus
from ...domain.localtime import LOCAL_TZ, format_local
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import Permission, require, require_scope
from ...store.models import Case, IntakeRecord, OrgUnit, UserAccount
from ...store.uow import UnitOfWork

# --- views ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class IntakeView:
    id: str
    unit_id: str
    unit_name: str
    channel: Channel
    received_at: datetime
    person_id: str | None
    visitor_name: str
    sex: str
    age: int | None
    marital_status: str | None
    address: str | None           # None in lists and for users who may not see it
    contact: str | None           # masked in lists and for users who may not see it
    people_count: int
    is_group: bool
    representatives: tuple[str, ...]
    request: str
    facts: str | None
    category: str | None
    sub_category: str | None
    decision: IntakeDecision
    decision_note: str | None
    is_repeat: bool
    transfer_to: str | None       # 转办: the body the matter was passed on to
    case_id: str | None
    case_no: str | None
    case_status: CaseStatus | None
    handler_name: str | None
    redacted: bool
    repeat_reasons: tuple[str, ...] = ()   # only right after registering
    warnings: tuple[str, ...] = ()         # the report's warnings, right after registering

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "unit_id": self.unit_id, "unit_name": self.unit_name,
            "channel": self.channel.value, "channel_label": self.channel.label,
            "received_at": self.received_at.isoformat(), "received_at_local": format_local(self.received_at),
            "person_id": self.person_id, "visitor_name": self.visitor_name, "sex": self.sex,
            "sex_label": _label(Sex, self.sex), "age": self.age, "marital_status": self.marital_status,
            "marital_status_label": _label(MaritalStatus, self.marital_status), "address": self.address,
            "contact": self.contact, "people_count": self.people_count, "is_group": self.is_group,
            "representatives": list(self.representatives), "request": self.request, "facts": self.facts,
            "category": self.category, "sub_category": self.sub_category, "decision": self.decision.value,
            "decision_label": self.decision.label, "decision_note": self.decision_note, "is_repeat": self.is_repeat,
            "transfer_to": self.transfer_to,
            "case_id": self.case_id, "case_no": self.case_no,
            "case_status": self.case_status.value if self.case_status else None,
            "case_status_label": self.case_status.label if self.case_status else None,
            "handler_name": self.handler_name, "redacted": self.redacted,
            "repeat_reasons": list(self.repeat_reasons), "warnings": list(self.warnings),
        }


def _label(enum: Any, code: str | None) -> str | None:
    if code is None:
        return None
    try:
        return enum(code).label
    except ValueError:
        return code


_VIEW_SELECT = (select(IntakeRecord, OrgUnit.name, Case.case_no, Case.status, UserAccount.display_name)
                .join(OrgUnit, OrgUnit.id == IntakeRecord.owner_unit_id)
                .outerjoin(Case, Case.id == IntakeRecord.case_id)
                .outerjoin(UserAccount, UserAccount.id == IntakeRecord.handler_id)
                .where(IntakeRecord.deleted_at.is_(None)))


def _to_view(row: Any, d: Disclosure) -> IntakeView:
    r, unit_name, case_no, case_status, handler = row
    transfer_to, note = _transfer_and_note(r)
    return IntakeView(
        id=r.id, unit_id=r.owner_unit_id, unit_name=unit_name, channel=Channel(r.channel), received_at=r.received_at,
        person_id=r.person_id, visitor_name=r.visitor_name, sex=r.sex, age=r.age, marital_status=r.marital_status,
        address=d.address_of(r.address), contact=d.phone_of(r.contact),
        people_count=r.people_count, is_group=r.is_group, representatives=tuple(r.representatives or ()),
        request=r.request, facts=r.facts, category=r.category, sub_category=r.sub_category,
        decision=IntakeDecision(r.decision), decision_note=note, is_repeat=r.is_repeat, transfer_to=transfer_to,
        case_id=r.case_id, case_no=case_no, case_status=CaseStatus(case_status) if case_status else None,
        handler_name=handler, redacted=d.redacted)


LEGACY_TRANSFER_PREFIX = "转办至："


def _transfer_and_note(r: IntakeRecord) -> tuple[str | None, str | None]:
    """(转办 body, note). Records kept before the transfer_to column wrote "转办至：body；note" in the note."""
    note = r.decision_note
    if r.transfer_to or r.decision != IntakeDecision.TRANSFER.value or not (note or "").startswith(
            LEGACY_TRANSFER_PREFIX):
        return r.transfer_to, note
    body, _, rest = note[len(LEGACY_TRANSFER_PREFIX):].partition("；")
    return body.strip() or None, rest.strip() or None


def views_for(uow: UnitOfWork, actor: Actor, rows: list[Any], purpose: Purpose) -> list[IntakeView]:
    """Rows of `_VIEW_SELECT` as views, the visitor's contacts shown as the disclosure rule says."""
    shown = disclosures(uow.s, reader_of(actor), [intake_contact(row[0]) for row in rows], purpose)
    return [_to_view(row, shown[row[0].id]) for row in rows]


# --- reading -------------------------------------------------------------------------------------

def load_view(uow: UnitOfWork, actor: Actor, intake_id: str) -> IntakeView:
    """One register entry as the actor may see it (scope checked; not audited: callers audit)."""
    row = uow.s.execute(_VIEW_SELECT.where(IntakeRecord.id == intake_id)).first()
    if row is None:
        raise NotFound("接待登记不存在或不在您的管辖范围内。")
    require_scope(actor, row[0].owner_unit_id, "该接待登记")
    return views_for(uow, actor, [row], Purpose.RECORD)[0]


def get_intake(uow: UnitOfWork, actor: Actor, intake_id: str) -> IntakeView:
    """Open one register entry: personal data, so it is audited (needs a write unit of work)."""
    require(actor, Permission.CASE_READ)
    view = load_view(uow, actor, intake_id)
    audit.record(uow.s, actor, audit.Action.VIEW, entity="intake", entity_id=view.id, case_id=view.case_id,
                 owner_unit_id=view.unit_id)
    return view


def period_bounds(date_from: date | datetime | None, date_to: date | datetime | None
                  ) -> tuple[datetime | None, datetime | None]:
    """[start, end) in UTC. Dates are local (China) calendar days and `date_to` is included
    (1 March .. 31 March is the month of March); datetimes are taken as given, end excluded."""
    def start(d: date | datetime) -> datetime:
        return d if isinstance(d, datetime) else datetime.combine(d, time(), LOCAL_TZ)

    lower = start(date_from) if date_from is not None else None
    upper = None
    if date_to is not None:
        upper = date_to if isinstance(date_to, datetime) else start(date_to + timedelta(days=1))
    for moment in (lower, upper):
        if moment is not None and moment.tzinfo is None:
            raise ValidationError("统计时段须带时区。", field="period")
    return lower, upper


def _scoped(actor: Actor, stmt: Any) -> Any:
    stmt = stmt.where(IntakeRecord.deleted_at.is_(None))
    if actor.is_system or actor.sees_everything:
        return stmt
    return stmt.where(IntakeRecord.owner_unit_id.in_(sorted(actor.scope_unit_ids)))


def _in_period(stmt: Any, lower: datetime | None, upper: datetime | None) -> Any:
    if lower is not None:
        stmt = stmt.where(IntakeRecord.received_at >= lower)
    if upper is not None:
        stmt = stmt.where(IntakeRecord.received_at < upper)
    return stmt


def list_intakes(uow: UnitOfWork, actor: Actor, date_from: date | datetime | None = None,
                 date_to: date | datetime | None = None, *, limit: int | None = None) -> list[IntakeView]:
    """The register, newest first (contacts masked and addresses left out: it is a list)."""
    require(actor, Permission.CASE_READ)
    lower, upper = period_bounds(date_from, date_to)
    stmt = _in_period(_scoped(actor, _VIEW_SELECT), lower, upper).order_by(IntakeRecord.received_at.desc(),
                                                                           IntakeRecord.id)
    if limit:
        stmt = stmt.limit(limit)
    return views_for(uow, actor, list(uow.s.execute(stmt)), Purpose.LIST)


def case_intakes(uow: UnitOfWork, actor: Actor, case_id: str) -> list[IntakeView]:
    """The register entries joined to one case, oldest first (a list: contacts masked, no addresses)."""
    require(actor, Permission.CASE_READ)
    load_case(uow, actor, case_id)  # the case's scope decides
    stmt = _VIEW_SELECT.where(IntakeRecord.case_id == case_id).order_by(IntakeRecord.received_at, IntakeRecord.id)
    return views_for(uow, actor, list(uow.s.execute(stmt)), Purpose.LIST)


def intake_counts(uow: UnitOfWork, actor: Actor, date_from: date | datetime | None = None,
                  date_to: date | datetime | None = None) -> dict[str, Any]:
    """Matters (entries) and persons (sum of people_count) in the period, within the actor's scope:
    by channel, decision, category and tier, plus group and repeat visits and how many have a case."""
    require(actor, Permission.CASE_READ)
    lower, upper = period_bounds(date_from, date_to)
    stmt = _in_period(_scoped(actor, select(
        IntakeRecord.channel, IntakeRecord.decision, IntakeRecord.category, OrgUnit.tier, IntakeRecord.is_group,
        IntakeRecord.is_repeat, IntakeRecord.case_id.is_not(None), func.count(), func.sum(IntakeRecord.people_count))
        .join(OrgUnit, OrgUnit.id == IntakeRecord.owner_unit_id)), lower, upper).group_by(
        IntakeRecord.channel, IntakeRecord.decision, IntakeRecord.category, OrgUnit.tier, IntakeRecord.is_group,
        IntakeRecord.is_repeat, IntakeRecord.case_id.is_not(None))

    def zero(label: str) -> dict[str, Any]:
        return {"label": label, "matters": 0, "persons": 0}

    out: dict[str, Any] = {
        "period": {"from": lower.isoformat() if lower else None, "to": upper.isoformat() if upper else None},
        "matters": 0, "persons": 0,
        "by_channel": {c.value: zero(c.label) for c in Channel},
        "by_decision": {d.value: zero(d.label) for d in IntakeDecision},
        "by_category": {},
        "by_tier": {t.value: zero(t.label) for t in Tier},
        "group": zero("集体访"), "repeat": zero("重复访"), "with_case": zero("已立案"),
    }

    def add(bucket: dict[str, Any], matters: int, people: int) -> None:
        bucket["matters"] += matters
        bucket["persons"] += people

    for channel, decision, category, tier, group, repeat, has_case, matters, people in uow.s.execute(stmt):
        people = int(people or 0)
        add(out, matters, people)
        add(out["by_channel"].setdefault(channel, zero(channel)), matters, people)
        add(out["by_decision"].setdefault(decision, zero(decision)), matters, people)
        key = category or "未分类"
        add(out["by_category"].setdefault(key, zero(key)), matters, people)
        add(out["by_tier"].setdefault(tier, zero(tier)), matters, people)
        if group:
            add(out["group"], matters, people)
        if repeat:
            add(out["repeat"], matters, people)
        if has_case:
            add(out["with_case"], matters, people)
    return out

"""矛盾纠纷排查: each village's register of key families and persons, their visits, and the counts.

The rules (risk levels, the visit schedule, overdue) are in ``domain.screening_rules``. Here:

- An entry belongs to a village/community (村社区) in the actor's scope, by default the actor's own unit.
  The person responsible is a user who can do casework, inside the actor's scope, whose own scope
  covers the village (so they can see the entry they are responsible for).
- A known person is linked (``person_id``, in scope) or created from a ``PersonInput`` (validated);
  one person is on a village's register once at a time.
- ``record_visit`` appends a ScreeningVisit (visits are never edited), made in person or by phone
  (``method``). The latest visit by date sets
  the entry's risk level and the next due date (visit date + interval, calendar days, rest days not
  skipped: the schedule is a working rhythm, not a statutory period). A visit entered late, dated
  before the latest one, only adds to the history.
- ``open_case_from_entry`` opens a case (source 排查发现) in the entry's village and copies the
  history onto the case timeline: the registration with its reason, and every visit. The entry is
  then 已转案件: it stays on the register without a visit schedule (the case carries on).
- ``resolve_entry`` marks it 已化解 on a date (``resolved_on``) with how it was settled (``resolution``):
  final, the entry no longer changes. (Entries resolved before those columns existed read the moment
  from ``updated_at`` and the reason from the audit entry.)
- An entry has a dispute category (``category``, a people's-mediation dispute type), guessed from the
  reason when not chosen; a case opened from it takes it as its dispute type.
- Every change is checked (permission, scope) and audited; the audit keeps codes, dates and which
  fields changed, not the subject, address or findings (personal data), except the resolution reason.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from ...access.cases import check_version, load_case, record_event
from ...access.disclosure import Show, disclosure_of, household_contact, reader_of
from ...domain.enums import CaseKind, CaseSource, PartyRole, Role, Tier
from ...domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError, WorkflowError
from ...domain.localtime import LOCAL_TZ, local_date
from ...domain.screening_rules import (
    EntryStatus,
    RiskLevel,
    VisitMethod,
    check_category,
    check_interval,
    classify_reason,
    next_visit_due,
    optional_text,
    parse_method,
    parse_risk,
    required_text,
)
from ...domain.validation import PersonInput, validate_person
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import ROLE_PERMISSIONS, Permission, require, require_scope
from ...store.base import utcnow
from ...store.models import Case, CaseEvent, OrgUnit, Person, ScreeningEntry, ScreeningVisit, UserAccount
from ...store.uow import UnitOfWork
from ..cases.cases import NewCase, apply_person, case_detail, add_party, create_case
from ..accounts.orgunits import subtree_ids
from .screening_counts import COUNT_LABELS, screening_counts
from .screening_views import (
    ENTITY,
    REGISTER_COLUMNS,
    VISIT_COLUMNS,
    VISIT_ENTITY,
    EntryDetail,
    EntryView,
    OverdueTask,
    VisitView,
    load_entry,
    today_or,
    unit_names,
    entry_view,
    visit_view,
    entry_visits,
    get_entry,
    list_register,
    overdue_visits,
)
from ..cases.views import CaseDetail

__all__ = [
    # views and reading (screening_views)
    "ENTITY", "REGISTER_COLUMNS", "VISIT_COLUMNS", "VISIT_ENTITY", "EntryDetail", "EntryView", "OverdueTask",
    "VisitView", "get_entry", "list_register", "overdue_visits",
    # monthly counts (screening_counts)
    "COUNT_LABELS", "screening_counts",
    # the register, visits, one click to a case
    "EDITABLE_FIELDS", "FIELD_LABELS", "add_entry", "open_case_from_entry", "record_visit", "resolve_entry",
    "responsible_candidates", "update_entry",
]

FIELD_LABELS: dict[str, str] = {
    "subject": "重点家庭/人员", "address": "住址", "risk_level": "风险等级", "reason": "排查原因",
    "responsible_id": "责任人", "visit_every_days": "走访周期", "next_visit_due": "下次走访日期",
    "person_id": "重点人员", "status": "状态", "category": "纠纷类别",
}
EDITABLE_FIELDS = ("subject", "address", "risk_level", "reason", "responsible_id", "visit_every_days",
                   "next_visit_due", "category")
_PERSONAL_FIELDS = frozenset({"subject", "address", "reason"})  # the audit names them, without values


# --- helpers -------------------------------------------------------------------------------------

def _as_date(value: date | datetime | str | None, label: str, field: str) -> date:
    if isinstance(value, datetime):
        return local_date(value) if value.tzinfo else value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValidationError(f"{label}应为日期（YYYY-MM-DD）。", field=field)


def _village(uow: UnitOfWork, actor: Actor, unit_id: str | None) -> OrgUnit:
    unit_id = unit_id or actor.unit_id
    unit = uow.s.get(OrgUnit, unit_id) if unit_id else None
    if unit is None or unit.deleted_at is not None:
        raise NotFound("所选单位不存在。", field="unit_id")
    require_scope(actor, unit.id, "所选单位")
    if unit.tier != Tier.VILLAGE.value:
        raise ValidationError(f"排查名册按村（社区）登记，请选择{unit.name}下的村（社区）。", field="unit_id",
                              code="not_a_village")
    return unit


def _responsible(uow: UnitOfWork, actor: Actor, user_id: str | None, unit: OrgUnit) -> tuple[str | None, str]:
    """(user id, display name) of the person responsible; by default the actor."""
    if not user_id:
        if actor.user_id is None:
            raise ValidationError("请选择责任人。", field="responsible_id")
        user_id = actor.user_id
    user = uow.s.get(UserAccount, user_id)
    problem = None
    if user is None or user.deleted_at is not None or not user.active:
        problem = "责任人不存在或已停用。"
    elif not (actor.is_system or actor.in_scope(user.owner_unit_id)):
        problem = "责任人不在您的管辖范围内。"
    elif unit.id not in subtree_ids(uow.s, user.owner_unit_id):
        problem = f"责任人所在单位管不到{unit.name}，他/她将看不到这条登记。"
    elif Permission.CASE_EDIT not in ROLE_PERMISSIONS.get(Role(user.role), frozenset()):
        problem = f"责任人的角色（{Role(user.role).label}）不能记录走访。"
    if problem:
        raise ValidationError(problem, field="responsible_id", code="bad_responsible")
    return user.id, user.display_name


def _person(uow: UnitOfWork, actor: Actor, unit: OrgUnit, data: PersonInput | None,
            person_id: str | None) -> Person | None:
    if data is not None and person_id:
        raise ValidationError("请选择已登记人员或填写新人员，二者只选其一。", field="person_id")
    if person_id:
        person = uow.s.get(Person, person_id)
        hidden = person is None or not (actor.is_system or actor.in_scope(person.owner_unit_id))
        if hidden or person.deleted_at is not None:
            raise ValidationError("所选人员不存在或不在您的管辖范围内。", field="person_id", code="not_found")
        return person
    if data is None:
        return None
    report, info = validate_person(data)
    report.raise_if_errors()
    person = Person(owner_unit_id=unit.id)
    apply_person(person, data, info)
    uow.s.add(person)
    uow.flush()
    audit.record(uow.s, actor, audit.Action.CREATE, entity="person", entity_id=person.id,
                 owner_unit_id=person.owner_unit_id, detail={"via": "screening"})
    return person


def _must_be_open(entry: ScreeningEntry, doing: str) -> None:
    if entry.status == EntryStatus.RESOLVED.value:
        raise WorkflowError(f"该排查登记已化解，不能{doing}。如矛盾再次出现，请重新登记。", code="resolved")


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


# --- the register --------------------------------------------------------------------------------

def add_entry(uow: UnitOfWork, actor: Actor, *, subject: str | None, reason: str, risk_level: RiskLevel | str,
              unit_id: str | None = None, person: PersonInput | None = None, person_id: str | None = None,
              address: str | None = None, responsible_id: str | None = None, visit_every_days: int | None = None,
              first_visit_due: date | None = None, category: str | None = None,
              today: date | None = None) -> EntryView:
    """Put a key family or person on a village's register. Subject defaults to the person's name;
    the address to the person's; the first visit to today + the interval (30 days); the dispute
    category to what the reason's words suggest."""
    require(actor, Permission.CASE_CREATE)
    unit = _village(uow, actor, unit_id)
    level = parse_risk(risk_level)
    reason_text = required_text(reason, "排查原因", "reason")
    kind = check_category(category) or classify_reason(reason_text).dispute_type
    every = check_interval(visit_every_days)
    first_due = (_as_date(first_visit_due, "首次走访日期", "first_visit_due") if first_visit_due is not None
                 else next_visit_due(today_or(today), every))
    address_text = optional_text(address, "住址", "address", 300)
    subject_given = (subject or "").strip()
    if not subject_given and person is None and not person_id:
        raise ValidationError("请填写重点家庭或人员。", field="subject")
    resp_id, resp_name = _responsible(uow, actor, responsible_id, unit)
    known = _person(uow, actor, unit, person, person_id)
    if known is not None:
        twice = uow.s.execute(select(ScreeningEntry.id).where(
            ScreeningEntry.person_id == known.id, ScreeningEntry.owner_unit_id == unit.id,
            ScreeningEntry.deleted_at.is_(None), ScreeningEntry.status != EntryStatus.RESOLVED.value)).first()
        if twice is not None:
            raise ValidationError(f"{known.name}已在{unit.name}的排查名册中，请在原登记上走访或修改。",
                                  field="person_id", code="duplicate")
    subject_text = required_text(subject_given or (known.name if known else ""), "重点家庭或人员", "subject", 200)
    entry = ScreeningEntry(owner_unit_id=unit.id, subject=subject_text, person_id=known.id if known else None,
                           address=address_text or (known.address if known else None), risk_level=level.value,
                           reason=reason_text, responsible_id=resp_id, responsible_name=resp_name,
                           visit_every_days=every, next_visit_due=first_due, status=EntryStatus.ACTIVE.value,
                           category=kind)
    uow.s.add(entry)
    uow.flush()
    audit.record(uow.s, actor, audit.Action.CREATE, entity=ENTITY, entity_id=entry.id, owner_unit_id=unit.id,
                 detail={"risk_level": level.value, "category": kind, "visit_every_days": every,
                         "next_visit_due": first_due.isoformat(),
                         "responsible_id": resp_id, "person_id": entry.person_id})
    return entry_view(uow, actor, entry, today)


def update_entry(uow: UnitOfWork, actor: Actor, entry_id: str, expected_version: int | None,
                 changes: dict[str, Any], *, today: date | None = None) -> EntryView:
    """Edit an entry (fields in EDITABLE_FIELDS). A stale `expected_version` raises ConflictError.
    Changing the interval without a new due date moves the due date to last visit (or registration) + interval."""
    require(actor, Permission.CASE_EDIT)
    entry = load_entry(uow, actor, entry_id)
    check_version(entry.version, expected_version, "该排查登记")
    _must_be_open(entry, "修改")
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"不能修改这些字段：{', '.join(sorted(unknown))}")
    hidden = disclosure_of(uow.s, reader_of(actor), household_contact(entry)).address is not Show.FULL
    if "address" in changes and hidden:
        # The form showed this protected address blank: keep it, and never let it be overwritten unseen.
        if (changes.get("address") or "").strip():
            raise PermissionDenied("该重点家庭的住址保密，您的角色无权查看或修改住址；其他内容可以修改。")
        changes = {k: v for k, v in changes.items() if k != "address"}
    values: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "subject":
            values[key] = required_text(value, "重点家庭或人员", key, 200)
        elif key == "reason":
            values[key] = required_text(value, "排查原因", key)
        elif key == "address":
            values[key] = optional_text(value, "住址", key, 300)
        elif key == "risk_level":
            values[key] = parse_risk(value).value
        elif key == "visit_every_days":
            values[key] = check_interval(value)
        elif key == "category":
            values[key] = check_category(value)
        elif key == "next_visit_due":
            values[key] = _as_date(value, "下次走访日期", key)
        elif key == "responsible_id":
            if not value:
                raise ValidationError("请选择责任人。", field=key)
            unit = uow.s.get(OrgUnit, entry.owner_unit_id)
            resp_id, resp_name = _responsible(uow, actor, value, unit)
            values[key] = resp_id
            values["responsible_name"] = resp_name
    if "visit_every_days" in values and "next_visit_due" not in values:
        visits = entry_visits(uow, entry.id)
        base = visits[-1].visited_on if visits else local_date(entry.created_at)
        values["next_visit_due"] = next_visit_due(base, values["visit_every_days"])
    diff = {k: [getattr(entry, k), v] for k, v in values.items() if getattr(entry, k) != v}
    if diff:
        for key, (_old, new) in diff.items():
            setattr(entry, key, new)
        uow.flush()
        shown = {k: [_jsonable(o), _jsonable(n)] for k, (o, n) in diff.items()
                 if k not in _PERSONAL_FIELDS and k != "responsible_name"}
        audit.record(uow.s, actor, audit.Action.UPDATE, entity=ENTITY, entity_id=entry.id,
                     owner_unit_id=entry.owner_unit_id,
                     detail={"fields": sorted(k for k in diff if k != "responsible_name"), "changes": shown})
    return entry_view(uow, actor, entry, today)


def resolve_entry(uow: UnitOfWork, actor: Actor, entry_id: str, reason: str, *, resolved_on: date | None = None,
                  expected_version: int | None = None, today: date | None = None) -> EntryView:
    """已化解: the matter is settled on `resolved_on` (default today), as `reason` tells; the entry
    leaves the active register and no longer changes."""
    require(actor, Permission.CASE_EDIT)
    entry = load_entry(uow, actor, entry_id)
    check_version(entry.version, expected_version, "该排查登记")
    if entry.status == EntryStatus.RESOLVED.value:
        raise WorkflowError("该排查登记已化解。", code="resolved")
    note = required_text(reason, "化解情况", "reason")
    day = _as_date(resolved_on, "化解日期", "resolved_on") if resolved_on is not None else today_or(today)
    if day > today_or(today):
        raise ValidationError("化解日期不能晚于今天。", field="resolved_on")
    if day < local_date(entry.created_at):
        raise ValidationError("化解日期不能早于登记日期。", field="resolved_on")
    old = entry.status
    entry.status = EntryStatus.RESOLVED.value
    entry.resolved_on, entry.resolution = day, note
    uow.flush()
    audit.record(uow.s, actor, audit.Action.UPDATE, entity=ENTITY, entity_id=entry.id, case_id=entry.case_id,
                 owner_unit_id=entry.owner_unit_id,
                 detail={"fields": ["resolution", "resolved_on", "status"],
                         "changes": {"status": [old, entry.status], "resolved_on": [None, day.isoformat()]},
                         "resolution": note})
    return entry_view(uow, actor, entry, today)


def record_visit(uow: UnitOfWork, actor: Actor, entry_id: str, visited_on: date, visitor: str | None,
                 findings: str, risk_level: RiskLevel | str | None = None, *, method: VisitMethod | str | None = None,
                 expected_version: int | None = None, today: date | None = None) -> EntryDetail:
    """Record a visit (走访), in person or by phone (`method`, default in person). `visitor` defaults to
    the actor; `risk_level` None keeps the entry's level.
    The latest visit by date sets the entry's level and next due date (visit + interval, calendar days)."""
    require(actor, Permission.CASE_EDIT)
    entry = load_entry(uow, actor, entry_id)
    check_version(entry.version, expected_version, "该排查登记")
    _must_be_open(entry, "记录走访")
    if entry.status == EntryStatus.CASE_OPENED.value:
        raise WorkflowError("该排查登记已转为案件，请在案件中记录后续工作。", code="case_opened")
    day = _as_date(visited_on, "走访日期", "visited_on")
    if day > today_or(today):
        raise ValidationError("走访日期不能晚于今天。", field="visited_on")
    who = required_text(visitor or actor.display_name, "走访人", "visitor", 100)
    text = required_text(findings, "走访情况", "findings")
    how = parse_method(method)
    level = parse_risk(risk_level) if risk_level not in (None, "") else RiskLevel(entry.risk_level)
    earlier = entry_visits(uow, entry.id)
    latest = not earlier or day >= earlier[-1].visited_on
    visit = ScreeningVisit(entry_id=entry.id, owner_unit_id=entry.owner_unit_id, visited_on=day, visitor=who,
                           findings=text, risk_level=level.value, method=how.value)
    uow.s.add(visit)
    changes: dict[str, list[Any]] = {}
    if latest:
        due = next_visit_due(day, entry.visit_every_days)
        for key, new in (("risk_level", level.value), ("next_visit_due", due)):
            if getattr(entry, key) != new:
                changes[key] = [_jsonable(getattr(entry, key)), _jsonable(new)]
                setattr(entry, key, new)
    uow.flush()
    audit.record(uow.s, actor, audit.Action.CREATE, entity=VISIT_ENTITY, entity_id=visit.id,
                 owner_unit_id=entry.owner_unit_id,
                 detail={"entry_id": entry.id, "visited_on": day.isoformat(), "risk_level": level.value,
                         "method": how.value,
                         "entry_changes": changes, "latest": latest})
    return EntryDetail(entry_view(uow, actor, entry, today), tuple(visit_view(v) for v in entry_visits(uow, entry.id)))


# --- one click: the entry becomes a case -----------------------------------------------------------

def _noon(day: date) -> datetime:
    """A timeline moment for something known only by its date."""
    return datetime.combine(day, time(12), LOCAL_TZ)


def open_case_from_entry(uow: UnitOfWork, actor: Actor, entry_id: str, kind: CaseKind = CaseKind.MEDIATION,
                         title: str | None = None, *, category: str | None = None, sub_category: str | None = None,
                         dispute_type: str | None = None, party_role: PartyRole = PartyRole.OTHER,
                         expected_version: int | None = None) -> CaseDetail:
    """Open a case (source 排查发现) in the entry's village; the history goes with it.

    Category, sub-category and dispute type default to what the reason's words suggest
    (screening_rules.classify_reason). The entry's person, if known, becomes a party (`party_role`,
    其他 by default). The timeline gets the registration with its reason and every visit, at their
    own dates, then a line saying the case came from the screening register."""
    require(actor, Permission.CASE_CREATE)
    require(actor, Permission.CASE_EDIT)
    before_case = utcnow()  # the copied history sorts before the case's own first line
    entry = load_entry(uow, actor, entry_id)
    check_version(entry.version, expected_version, "该排查登记")
    _must_be_open(entry, "转为案件")
    if entry.case_id:
        case_no = uow.s.execute(select(Case.case_no).where(Case.id == entry.case_id)).scalar()
        raise ConflictError(f"该排查登记已转为案件{('（' + case_no + '）') if case_no else ''}。", code="case_exists")
    guess = classify_reason(entry.reason)
    if not (category or sub_category or dispute_type):
        category, sub_category, dispute_type = guess.category, guess.sub_category, guess.dispute_type
        if entry.category and entry.category != dispute_type:   # the register's own category wins
            dispute_type = entry.category
            if entry.category != "婚姻家庭" and category == "婚姻家庭":
                category = sub_category = None
    detail = create_case(uow, actor, NewCase(
        title=(title or "").strip() or f"排查发现：{entry.subject}"[:200], kind=kind, unit_id=entry.owner_unit_id,
        category=category, sub_category=sub_category, dispute_type=dispute_type,
        source=CaseSource.SCREENING.value, summary=entry.reason))
    case = load_case(uow, actor, detail.row.id)
    if entry.person_id:
        person = uow.s.get(Person, entry.person_id)
        add_party(uow, actor, case.id, PersonInput(name=person.name, sex=person.sex), party_role, person_id=person.id)
    _copy_history(uow, actor, case, entry, before_case)
    old = entry.status
    entry.status = EntryStatus.CASE_OPENED.value
    entry.case_id = case.id
    uow.flush()
    audit.record(uow.s, actor, audit.Action.UPDATE, entity=ENTITY, entity_id=entry.id, case_id=case.id,
                 owner_unit_id=entry.owner_unit_id,
                 detail={"fields": ["case_id", "status"],
                         "changes": {"status": [old, entry.status], "case_id": [None, case.id]}})
    return case_detail(uow, actor, case)


def _copy_history(uow: UnitOfWork, actor: Actor, case: Case, entry: ScreeningEntry, cap: datetime) -> None:
    s = uow.s
    unit = s.get(OrgUnit, entry.owner_unit_id)
    visits = entry_visits(uow, entry.id)
    s.add(_history_event(case, min(entry.created_at, cap), entry.responsible_name, "screening_entry",
                         f"矛盾纠纷排查登记：{entry.subject}（{unit.name}，责任人：{entry.responsible_name}）。"
                         f"排查原因：{entry.reason}",
                         {"entry_id": entry.id, "registered_on": local_date(entry.created_at).isoformat()}))
    for v in visits:
        # At its own date, after the registration line and before the case's first line.
        at = min(max(_noon(v.visited_on), entry.created_at + timedelta(microseconds=1)), cap)
        how = f"{VisitMethod(v.method).label}，" if v.method else ""
        s.add(_history_event(case, at,
                             v.visitor, "screening_visit",
                             f"排查走访（{v.visited_on:%Y-%m-%d}，{how}走访人：{v.visitor}，"
                             f"风险等级：{RiskLevel(v.risk_level).label}）：{v.findings}",
                             {"entry_id": entry.id, "visit_id": v.id, "visited_on": v.visited_on.isoformat(),
                              "risk_level": v.risk_level, "method": v.method}))
    record_event(uow, actor, case, "from_screening",
           f"由矛盾纠纷排查转为案件（当前风险等级：{RiskLevel(entry.risk_level).label}，走访 {len(visits)} 次）",
           data={"entry_id": entry.id, "risk_level": entry.risk_level, "visits": len(visits)})


def _history_event(case: Case, at: datetime, who: str, kind: str, summary: str, data: dict[str, Any]) -> CaseEvent:
    """A timeline line copied from the register, at its own date, under the name the register gives
    (the person responsible for the registration, the visitor for a visit)."""
    return CaseEvent(case_id=case.id, kind=kind, occurred_at=at, actor_id=None, actor_name=who,
                     summary=summary, owner_unit_id=case.owner_unit_id, data=data)


def responsible_candidates(uow: UnitOfWork, actor: Actor, unit_id: str) -> list[tuple[str, str]]:
    """(user id, "name（unit）") of the users who may be made responsible for an entry of the village
    `unit_id` (the same test as add_entry applies), the actor first when eligible. For the form's list."""
    require(actor, Permission.CASE_CREATE)
    unit = _village(uow, actor, unit_id)
    units = unit_names(uow)
    rows = uow.s.execute(select(UserAccount).where(UserAccount.deleted_at.is_(None), UserAccount.active.is_(True))
                         .order_by(UserAccount.display_name)).scalars()
    found: list[tuple[str, str]] = []
    for user in rows:
        if not (actor.is_system or actor.in_scope(user.owner_unit_id)):
            continue
        if Permission.CASE_EDIT not in ROLE_PERMISSIONS.get(Role(user.role), frozenset()):
            continue
        if unit.id not in subtree_ids(uow.s, user.owner_unit_id):
            continue
        found.append((user.id, f"{user.display_name}（{units.get(user.owner_unit_id, '')}）"))
    found.sort(key=lambda item: item[0] != actor.user_id)
    return found

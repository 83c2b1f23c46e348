"""Screening register views and reading: list_register, get_entry, overdue_visits (see ``screening``)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

from ...access.disclosure import Show, disclosures, household_contact, reader_of
from ...domain.errors import NotFound
from ...domain.localtime import local_date
from ...domain.screening_rules import EntryStatus, RiskLevel, VisitMethod, classify_reason, days_overdue, is_overdue
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import Permission, require, require_scope
from ...store.base import utcnow
from ...store.models import AuditEntry, Case, OrgUnit, Person, ScreeningEntry, ScreeningVisit
from ...store.uow import UnitOfWork
from ..accounts.orgunits import list_units, subtree_ids

ENTITY = "screening_entry"
VISIT_ENTITY = "screening_visit"

# Column headings for the register screen (field -> Chinese).
REGISTER_COLUMNS: dict[str, str] = {   # what needs attention (risk, lateness) first, details after
    "unit_name": "村（社区）", "subject": "重点家庭/人员", "risk_label": "风险等级", "overdue_label": "逾期",
    "next_visit_due": "下次走访", "last_visit_on": "上次走访", "category_label": "纠纷类别", "reason": "排查原因",
    "person_name": "重点人员", "address": "住址", "responsible_name": "责任人", "visit_every_days": "走访周期（天）",
    "status_label": "状态", "case_no": "案号",
}
VISIT_COLUMNS: dict[str, str] = {
    "visited_on": "走访日期", "method_label": "方式", "visitor": "走访人", "risk_label": "风险等级",
    "findings": "走访情况",
}


# --- views ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class VisitView:
    id: str
    entry_id: str
    visited_on: date
    visitor: str
    findings: str
    risk_level: RiskLevel
    recorded_at: datetime
    method: VisitMethod | None = None    # None: recorded before the method was kept

    @property
    def risk_label(self) -> str:
        return self.risk_level.label

    @property
    def method_label(self) -> str:
        return self.method.label if self.method else "—"


@dataclass(frozen=True)
class EntryView:
    """One line of a village's register."""

    id: str
    unit_id: str
    unit_name: str
    subject: str
    person_id: str | None
    person_name: str | None
    address: str | None             # None when the viewer may not see it (redacted)
    risk_level: RiskLevel
    reason: str
    responsible_id: str | None
    responsible_name: str
    visit_every_days: int
    next_visit_due: date | None     # None unless the entry is 在册 (no schedule once a case or resolved)
    overdue: bool
    days_overdue: int
    last_visit_on: date | None
    visit_count: int
    status: EntryStatus
    case_id: str | None
    case_no: str | None
    registered_at: datetime
    resolved_at: datetime | None    # when it was marked 已化解
    resolution: str | None
    version: int
    redacted: bool
    category: str | None = None     # dispute category (stored, or guessed from the reason for older entries)
    resolved_on: date | None = None

    @property
    def category_label(self) -> str:
        return self.category or ""

    @property
    def risk_label(self) -> str:
        return self.risk_level.label

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def overdue_label(self) -> str:
        return f"逾期 {self.days_overdue} 天" if self.overdue else ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "unit_id": self.unit_id, "unit_name": self.unit_name, "subject": self.subject,
            "person_id": self.person_id, "person_name": self.person_name, "address": self.address,
            "risk_level": self.risk_level.value, "risk_label": self.risk_label, "reason": self.reason,
            "responsible_id": self.responsible_id, "responsible_name": self.responsible_name,
            "visit_every_days": self.visit_every_days,
            "next_visit_due": self.next_visit_due.isoformat() if self.next_visit_due else None,
            "overdue": self.overdue, "days_overdue": self.days_overdue, "overdue_label": self.overdue_label,
            "last_visit_on": self.last_visit_on.isoformat() if self.last_visit_on else None,
            "visit_count": self.visit_count, "status": self.status.value, "status_label": self.status_label,
            "case_id": self.case_id, "case_no": self.case_no, "registered_at": self.registered_at.isoformat(),
            "resolved_at": self.resolved_at.isoformat() if self.resolved_at else None,
            "resolution": self.resolution, "version": self.version, "redacted": self.redacted,
            "category": self.category, "resolved_on": self.resolved_on.isoformat() if self.resolved_on else None,
        }


@dataclass(frozen=True)
class EntryDetail:
    entry: EntryView
    visits: tuple[VisitView, ...]   # oldest first


@dataclass(frozen=True)
class OverdueTask:
    """A visit that is late: shown as a task to the person responsible and their supervisors."""

    entry_id: str
    unit_id: str
    unit_name: str
    subject: str
    risk_level: RiskLevel
    responsible_id: str | None
    responsible_name: str
    due_on: date
    days_overdue: int

    @property
    def risk_label(self) -> str:
        return self.risk_level.label

    @property
    def label(self) -> str:
        return f"走访逾期 {self.days_overdue} 天：{self.subject}（{self.unit_name}，风险{self.risk_level.label}）"


# --- helpers -------------------------------------------------------------------------------------

def today_or(today: date | None) -> date:
    return today if today is not None else local_date(utcnow())


def _sees_all(actor: Actor) -> bool:
    return actor.is_system or actor.sees_everything


def load_entry(uow: UnitOfWork, actor: Actor, entry_id: str) -> ScreeningEntry:
    entry = uow.s.get(ScreeningEntry, entry_id)
    if entry is None or entry.deleted_at is not None:
        raise NotFound("排查登记不存在或不在您的管辖范围内。")
    require_scope(actor, entry.owner_unit_id, "该排查登记")
    return entry


def scoped_entries(actor: Actor, stmt: Any, unit_id: str | None = None, uow: UnitOfWork | None = None) -> Any:
    """Live entries inside the actor's scope (and inside `unit_id`'s subtree when given)."""
    stmt = stmt.where(ScreeningEntry.deleted_at.is_(None))
    if not _sees_all(actor):
        stmt = stmt.where(ScreeningEntry.owner_unit_id.in_(sorted(actor.scope_unit_ids)))
    if unit_id is not None:
        assert uow is not None
        require_scope(actor, unit_id, "所选单位")
        stmt = stmt.where(ScreeningEntry.owner_unit_id.in_(sorted(subtree_ids(uow.s, unit_id))))
    return stmt


def unit_names(uow: UnitOfWork) -> dict[str, str]:
    return dict(uow.s.execute(select(OrgUnit.id, OrgUnit.name)).all())


def _resolutions(uow: UnitOfWork, ids: list[str]) -> dict[str, str]:
    """The resolution reason of entries resolved before ``ScreeningEntry.resolution`` existed, from their
    audit entries."""
    if not ids:
        return {}
    found: dict[str, str] = {}
    rows = uow.s.execute(select(AuditEntry.entity_id, AuditEntry.detail)
                         .where(AuditEntry.entity == ENTITY, AuditEntry.action == audit.Action.UPDATE,
                                AuditEntry.entity_id.in_(ids)).order_by(AuditEntry.seq))
    for entity_id, detail in rows:
        if isinstance(detail, dict) and detail.get("resolution"):
            found[entity_id] = detail["resolution"]
    return found


def _views(uow: UnitOfWork, actor: Actor, entries: list[ScreeningEntry], today: date) -> list[EntryView]:
    if not entries:
        return []
    s = uow.s
    ids = [e.id for e in entries]
    units = unit_names(uow)
    person_ids = sorted({e.person_id for e in entries if e.person_id})
    names = dict(s.execute(select(Person.id, Person.name).where(Person.id.in_(person_ids))).all()) if person_ids else {}
    case_ids = sorted({e.case_id for e in entries if e.case_id})
    case_nos = dict(s.execute(select(Case.id, Case.case_no).where(Case.id.in_(case_ids))).all()) if case_ids else {}
    visits = {row[0]: (row[1], row[2]) for row in s.execute(
        select(ScreeningVisit.entry_id, func.max(ScreeningVisit.visited_on), func.count())
        .where(ScreeningVisit.entry_id.in_(ids), ScreeningVisit.deleted_at.is_(None))
        .group_by(ScreeningVisit.entry_id))}
    notes = _resolutions(uow, [e.id for e in entries if e.status == EntryStatus.RESOLVED.value and not e.resolution])
    shown = disclosures(s, reader_of(actor), [household_contact(e) for e in entries])
    out = []
    for e in entries:
        status = EntryStatus(e.status)
        active = status == EntryStatus.ACTIVE
        last, count = visits.get(e.id, (None, 0))
        out.append(EntryView(
            id=e.id, unit_id=e.owner_unit_id, unit_name=units.get(e.owner_unit_id, ""), subject=e.subject,
            person_id=e.person_id, person_name=names.get(e.person_id) if e.person_id else None,
            address=shown[e.id].address_of(e.address), risk_level=RiskLevel(e.risk_level), reason=e.reason,
            responsible_id=e.responsible_id, responsible_name=e.responsible_name,
            visit_every_days=e.visit_every_days, next_visit_due=e.next_visit_due if active else None,
            overdue=active and is_overdue(e.next_visit_due, today),
            days_overdue=days_overdue(e.next_visit_due, today) if active else 0,
            last_visit_on=last, visit_count=count, status=status, case_id=e.case_id,
            case_no=case_nos.get(e.case_id) if e.case_id else None, registered_at=e.created_at,
            resolved_at=e.updated_at if status == EntryStatus.RESOLVED else None,
            resolution=e.resolution or notes.get(e.id), version=e.version,
            redacted=shown[e.id].address is not Show.FULL,
            category=e.category or classify_reason(e.reason).dispute_type, resolved_on=resolved_on(e)))
    return out


def resolved_on(e: ScreeningEntry) -> date | None:
    """The day an entry was resolved; before the column existed, the day it was last changed (frozen then)."""
    if e.status != EntryStatus.RESOLVED.value:
        return None
    return e.resolved_on or local_date(e.updated_at)


def entry_view(uow: UnitOfWork, actor: Actor, entry: ScreeningEntry, today: date | None = None) -> EntryView:
    return _views(uow, actor, [entry], today_or(today))[0]


def entry_visits(uow: UnitOfWork, entry_id: str) -> list[ScreeningVisit]:
    return list(uow.s.execute(select(ScreeningVisit).where(ScreeningVisit.entry_id == entry_id,
                                                           ScreeningVisit.deleted_at.is_(None))
                              .order_by(ScreeningVisit.visited_on, ScreeningVisit.created_at)).scalars())


def visit_view(v: ScreeningVisit) -> VisitView:
    return VisitView(v.id, v.entry_id, v.visited_on, v.visitor, v.findings, RiskLevel(v.risk_level), v.created_at,
                     VisitMethod(v.method) if v.method else None)


# --- reading -----------------------------------------------------------------------------------

def list_register(uow: UnitOfWork, actor: Actor, unit_id: str | None = None, include_resolved: bool = False, *,
                  today: date | None = None) -> list[EntryView]:
    """The register of the villages in scope (or under `unit_id`): village by village in tree order,
    entries 在册 first by next due date (so the overdue come first), then 已转案件, then 已化解."""
    require(actor, Permission.CASE_READ)
    stmt = scoped_entries(actor, select(ScreeningEntry), unit_id, uow)
    if not include_resolved:
        stmt = stmt.where(ScreeningEntry.status != EntryStatus.RESOLVED.value)
    entries = list(uow.s.execute(stmt).scalars())
    order = {u.id: i for i, u in enumerate(list_units(uow, actor))}
    rank = {EntryStatus.ACTIVE: 0, EntryStatus.CASE_OPENED: 1, EntryStatus.RESOLVED: 2}
    views = _views(uow, actor, entries, today_or(today))
    return sorted(views, key=lambda v: (order.get(v.unit_id, len(order)), v.unit_name, rank[v.status],
                                        v.next_visit_due or date.max, v.risk_level.rank, v.registered_at))


def get_entry(uow: UnitOfWork, actor: Actor, entry_id: str, *, today: date | None = None) -> EntryDetail:
    """One entry with its visits: personal data, so it is audited (needs a write unit of work)."""
    require(actor, Permission.CASE_READ)
    entry = load_entry(uow, actor, entry_id)
    audit.record(uow.s, actor, audit.Action.VIEW, entity=ENTITY, entity_id=entry.id, case_id=entry.case_id,
                 owner_unit_id=entry.owner_unit_id)
    return EntryDetail(entry_view(uow, actor, entry, today), tuple(visit_view(v) for v in entry_visits(uow, entry.id)))


def overdue_visits(uow: UnitOfWork, actor: Actor, today: date | None = None, *, unit_id: str | None = None,
                   responsible_id: str | None = None) -> list[OverdueTask]:
    """Visits whose due date has passed, for entries 在册 in scope: the most overdue first, then 高 before 低."""
    require(actor, Permission.CASE_READ)
    day = today_or(today)
    stmt = scoped_entries(actor, select(ScreeningEntry), unit_id, uow).where(
        ScreeningEntry.status == EntryStatus.ACTIVE.value, ScreeningEntry.next_visit_due < day)
    if responsible_id:
        stmt = stmt.where(ScreeningEntry.responsible_id == responsible_id)
    units = unit_names(uow)
    tasks = [OverdueTask(e.id, e.owner_unit_id, units.get(e.owner_unit_id, ""), e.subject, RiskLevel(e.risk_level),
                         e.responsible_id, e.responsible_name, e.next_visit_due, days_overdue(e.next_visit_due, day))
             for e in uow.s.execute(stmt).scalars()]
    return sorted(tasks, key=lambda t: (-t.days_overdue, t.risk_level.rank, t.unit_name, t.subject))

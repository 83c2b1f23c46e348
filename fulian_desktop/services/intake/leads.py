"""网络舆情: leads seen online (where, what, when) that may open a case.

A lead belongs to a unit of any tier in the actor's scope (the district watches the internet as much
as a village does), by default the actor's own. Opening a case from it makes a case (source 网络舆情)
in the lead's unit, links the lead, and puts the lead on the case timeline. A lead opens one case only.

A lead is 待处理 (open), 已立案 (case_opened) or 已排除 (dismissed: looked into, nothing for us — the
outcome says why). A dismissed lead can be reopened if it turns out to matter after all. Leads kept
before the status column existed read as 已立案 when they have a case.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select

from ...access.cases import check_version, load_case, record_event
from ...domain.enums import CaseKind, CaseSource, CaseStatus, Labelled
from ...domain.errors import ConflictError, NotFound, ValidationError, WorkflowError
from ...domain.localtime import LOCAL_TZ, local_date
from ...domain.screening_rules import classify_reason, required_text
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import Permission, require, require_scope
from ...store.base import utcnow
from ...store.models import Case, CaseEvent, OnlineLead, OrgUnit
from ...store.uow import UnitOfWork
from ..cases.cases import NewCase, case_detail, create_case
from ..accounts.orgunits import subtree_ids
from ..cases.views import CaseDetail

ENTITY = "online_lead"


class LeadStatus(Labelled):
    OPEN = "open", "待处理"
    CASE_OPENED = "case_opened", "已立案"
    DISMISSED = "dismissed", "已排除"


LEAD_COLUMNS: dict[str, str] = {
    "seen_on": "发现日期", "where_seen": "发现渠道/平台", "summary": "舆情摘要", "unit_name": "登记单位",
    "status_label": "状态", "case_no": "案号", "outcome": "处理结果",
}


@dataclass(frozen=True)
class LeadView:
    id: str
    unit_id: str
    unit_name: str
    where_seen: str
    summary: str
    seen_on: date
    case_id: str | None
    case_no: str | None
    case_status: CaseStatus | None
    registered_at: datetime
    version: int
    status: LeadStatus = LeadStatus.OPEN
    outcome: str | None = None      # why it was dismissed, or what came of it

    @property
    def has_case(self) -> bool:
        return self.case_id is not None

    @property
    def status_label(self) -> str:
        return self.status.label

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "unit_id": self.unit_id, "unit_name": self.unit_name, "where_seen": self.where_seen,
                "summary": self.summary, "seen_on": self.seen_on.isoformat(), "case_id": self.case_id,
                "case_no": self.case_no, "case_status": self.case_status.value if self.case_status else None,
                "case_status_label": self.case_status.label if self.case_status else None,
                "status": self.status.value, "status_label": self.status_label, "outcome": self.outcome,
                "registered_at": self.registered_at.isoformat(), "version": self.version}


_VIEW_SELECT = (select(OnlineLead, OrgUnit.name, Case.case_no, Case.status)
                .join(OrgUnit, OrgUnit.id == OnlineLead.owner_unit_id)
                .outerjoin(Case, Case.id == OnlineLead.case_id)
                .where(OnlineLead.deleted_at.is_(None)))


def _status(lead: OnlineLead) -> LeadStatus:
    if lead.case_id:   # older leads got a case without their status moving
        return LeadStatus.CASE_OPENED
    return LeadStatus(lead.status or LeadStatus.OPEN.value)


def _to_view(row: Any) -> LeadView:
    lead, unit_name, case_no, case_status = row
    return LeadView(lead.id, lead.owner_unit_id, unit_name, lead.where_seen, lead.summary, lead.seen_on, lead.case_id,
                    case_no, CaseStatus(case_status) if case_status else None, lead.created_at, lead.version,
                    _status(lead), lead.outcome)


def _view(uow: UnitOfWork, lead_id: str) -> LeadView:
    return _to_view(uow.s.execute(_VIEW_SELECT.where(OnlineLead.id == lead_id)).one())


def _load_lead(uow: UnitOfWork, actor: Actor, lead_id: str) -> OnlineLead:
    lead = uow.s.get(OnlineLead, lead_id)
    if lead is None or lead.deleted_at is not None:
        raise NotFound("舆情线索不存在或不在您的管辖范围内。")
    require_scope(actor, lead.owner_unit_id, "该舆情线索")
    return lead


def add_lead(uow: UnitOfWork, actor: Actor, where_seen: str, summary: str, seen_on: date,
             unit_id: str | None = None, *, today: date | None = None) -> LeadView:
    """Register a lead seen online: where (platform, group, account), a summary, and the day it was seen."""
    require(actor, Permission.CASE_CREATE)
    unit_id = unit_id or actor.unit_id
    unit = uow.s.get(OrgUnit, unit_id) if unit_id else None
    if unit is None or unit.deleted_at is not None:
        raise NotFound("所选单位不存在。", field="unit_id")
    require_scope(actor, unit.id, "所选单位")
    where = required_text(where_seen, "发现渠道", "where_seen", 200)
    text = required_text(summary, "舆情摘要", "summary")
    if isinstance(seen_on, datetime) or not isinstance(seen_on, date):
        raise ValidationError("发现日期应为日期。", field="seen_on")
    if seen_on > (today or local_date(utcnow())):
        raise ValidationError("发现日期不能晚于今天。", field="seen_on")
    lead = OnlineLead(owner_unit_id=unit.id, where_seen=where, summary=text, seen_on=seen_on,
                      status=LeadStatus.OPEN.value)
    uow.s.add(lead)
    uow.flush()
    audit.record(uow.s, actor, audit.Action.CREATE, entity=ENTITY, entity_id=lead.id, owner_unit_id=unit.id,
                 detail={"seen_on": seen_on.isoformat()})
    return _view(uow, lead.id)


def list_leads(uow: UnitOfWork, actor: Actor, unit_id: str | None = None, *, open_only: bool = False,
               date_from: date | None = None, date_to: date | None = None) -> list[LeadView]:
    """Leads in scope (or under `unit_id`), newest first; `open_only`: only those 待处理;
    the dates filter on the day seen (both included)."""
    require(actor, Permission.CASE_READ)
    stmt = _VIEW_SELECT
    if not (actor.is_system or actor.sees_everything):
        stmt = stmt.where(OnlineLead.owner_unit_id.in_(sorted(actor.scope_unit_ids)))
    if unit_id is not None:
        require_scope(actor, unit_id, "所选单位")
        stmt = stmt.where(OnlineLead.owner_unit_id.in_(sorted(subtree_ids(uow.s, unit_id))))
    if open_only:
        stmt = stmt.where(OnlineLead.case_id.is_(None), OnlineLead.status == LeadStatus.OPEN.value)
    if date_from is not None:
        stmt = stmt.where(OnlineLead.seen_on >= date_from)
    if date_to is not None:
        stmt = stmt.where(OnlineLead.seen_on <= date_to)
    stmt = stmt.order_by(OnlineLead.seen_on.desc(), OnlineLead.created_at.desc())
    return [_to_view(row) for row in uow.s.execute(stmt)]


def get_lead(uow: UnitOfWork, actor: Actor, lead_id: str) -> LeadView:
    require(actor, Permission.CASE_READ)
    return _view(uow, _load_lead(uow, actor, lead_id).id)


def open_case_from_lead(uow: UnitOfWork, actor: Actor, lead_id: str, kind: CaseKind = CaseKind.MEDIATION,
                        title: str | None = None, *, category: str | None = None, sub_category: str | None = None,
                        dispute_type: str | None = None, expected_version: int | None = None) -> CaseDetail:
    """Open a case (source 网络舆情) in the lead's unit, link the lead, and put it on the timeline.
    Classification defaults to what the summary's words suggest."""
    require(actor, Permission.CASE_CREATE)
    lead = _load_lead(uow, actor, lead_id)
    check_version(lead.version, expected_version, "该舆情线索")
    if lead.case_id:
        case_no = uow.s.execute(select(Case.case_no).where(Case.id == lead.case_id)).scalar()
        raise ConflictError(f"该舆情线索已立案{('（' + case_no + '）') if case_no else ''}。", code="case_exists")
    if lead.status == LeadStatus.DISMISSED.value:
        raise WorkflowError("该舆情线索已排除。如需立案，请先恢复为待处理。", code="dismissed")
    if not (category or sub_category or dispute_type):
        guess = classify_reason(lead.summary)
        category, sub_category, dispute_type = guess.category, guess.sub_category, guess.dispute_type
    detail = create_case(uow, actor, NewCase(
        title=(title or "").strip() or f"网络舆情：{lead.summary}"[:60], kind=kind, unit_id=lead.owner_unit_id,
        category=category, sub_category=sub_category, dispute_type=dispute_type,
        source=CaseSource.ONLINE_OPINION.value, summary=lead.summary))
    case = load_case(uow, actor, detail.row.id)
    uow.s.add(CaseEvent(case_id=case.id, kind="online_lead",
                        occurred_at=min(datetime.combine(lead.seen_on, time(12), LOCAL_TZ), lead.created_at),
                        actor_id=None, actor_name=None, owner_unit_id=case.owner_unit_id,
                        summary=f"网络舆情线索（{lead.seen_on:%Y-%m-%d} 见于{lead.where_seen}）：{lead.summary}",
                        data={"lead_id": lead.id, "seen_on": lead.seen_on.isoformat(), "where_seen": lead.where_seen}))
    record_event(uow, actor, case, "from_online_lead", "由网络舆情线索立案", data={"lead_id": lead.id})
    old = lead.status
    lead.case_id, lead.status = case.id, LeadStatus.CASE_OPENED.value
    uow.flush()
    audit.record(uow.s, actor, audit.Action.UPDATE, entity=ENTITY, entity_id=lead.id, case_id=case.id,
                 owner_unit_id=lead.owner_unit_id,
                 detail={"fields": ["case_id", "status"],
                         "changes": {"case_id": [None, case.id], "status": [old, lead.status]}})
    return case_detail(uow, actor, case)


def dismiss_lead(uow: UnitOfWork, actor: Actor, lead_id: str, outcome: str, *,
                 expected_version: int | None = None) -> LeadView:
    """已排除: looked into, nothing for the federation (a rumour, already handled elsewhere …); `outcome` says why."""
    require(actor, Permission.CASE_EDIT)
    lead = _load_lead(uow, actor, lead_id)
    check_version(lead.version, expected_version, "该舆情线索")
    status = _status(lead)
    if status != LeadStatus.OPEN:
        raise WorkflowError(f"该舆情线索{status.label}，不能排除。", code="not_open")
    why = required_text(outcome, "排除理由", "outcome")
    lead.status, lead.outcome = LeadStatus.DISMISSED.value, why
    uow.flush()
    audit.record(uow.s, actor, audit.Action.UPDATE, entity=ENTITY, entity_id=lead.id, owner_unit_id=lead.owner_unit_id,
                 detail={"fields": ["outcome", "status"],
                         "changes": {"status": [LeadStatus.OPEN.value, lead.status]}})
    return _view(uow, lead.id)


def reopen_lead(uow: UnitOfWork, actor: Actor, lead_id: str, *, expected_version: int | None = None) -> LeadView:
    """Back to 待处理: a dismissed lead turned out to matter. The earlier outcome stays in the audit log."""
    require(actor, Permission.CASE_EDIT)
    lead = _load_lead(uow, actor, lead_id)
    check_version(lead.version, expected_version, "该舆情线索")
    if _status(lead) != LeadStatus.DISMISSED:
        raise WorkflowError("只有已排除的舆情线索可以恢复为待处理。", code="not_dismissed")
    old_outcome = lead.outcome
    lead.status, lead.outcome = LeadStatus.OPEN.value, None
    uow.flush()
    audit.record(uow.s, actor, audit.Action.UPDATE, entity=ENTITY, entity_id=lead.id, owner_unit_id=lead.owner_unit_id,
                 detail={"fields": ["outcome", "status"],
                         "changes": {"status": [LeadStatus.DISMISSED.value, LeadStatus.OPEN.value]},
                         "previous_outcome": old_outcome})
    return _view(uow, lead.id)

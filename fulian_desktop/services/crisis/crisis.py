"""Crisis intervention (危机干预): danger assessments, the safety plan and the action log.

Protection orders are in ``protection_orders``; they write to the same action log.

Each change checks the permission and the case's scope, adds a timeline event and an audit entry.
Free text that may hold whereabouts, health or a child's details (action notes, the safety plan) never
goes into a timeline event or the audit log: those say what was done, and the record holds the text.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from ...access.cases import load_case, record_event
from ...domain import risk as risk_rules
from ...domain import safety_plan as plan_rules
from ...domain.crisis_actions import clean_details, detail_lines, split_legacy_concerns
from ...domain.enums import Labelled
from ...domain.errors import ConflictError, ValidationError, WorkflowError
from ...domain.localtime import format_local, local_date
from ...domain.risk import RiskLevel, Trend
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import Permission, can, require
from ...store.base import utcnow
from ...store.models import Case, CrisisAction, RiskAssessment, SafetyPlan
from ...store.uow import UnitOfWork
from ..clocks.clocks import open_case_statuses

MAJOR_REASON_HIGH_RISK = "危险评估为高"


class ActionKind(Labelled):
    """Entries of the action log. The order_* kinds are written by ``protection_orders`` only."""

    POLICE_CALLED = "police_called", "已报警"
    WARNING_LETTER = "warning_letter", "公安告诫书"
    SHELTER = "shelter", "临时庇护"
    MEDICAL = "medical", "医疗救治"
    MANDATORY_REPORT = "mandatory_report", "强制报告"
    OTHER = "other", "其他"
    ORDER_APPLIED = "order_applied", "申请人身安全保护令"
    ORDER_DECIDED = "order_decided", "保护令裁定"
    ORDER_ISSUED = "order_issued", "保护令作出"
    ORDER_SERVED = "order_served", "保护令送达"
    ORDER_VARIED = "order_varied", "保护令变更"
    ORDER_EXTENDED = "order_extended", "保护令延长"
    ORDER_VIOLATED = "order_violated", "违反保护令"


MANUAL_KINDS = (ActionKind.POLICE_CALLED, ActionKind.WARNING_LETTER, ActionKind.SHELTER, ActionKind.MEDICAL,
                ActionKind.MANDATORY_REPORT, ActionKind.OTHER)
# Their notes may give away whereabouts (a shelter), health, or a child's or disabled person's details.
SENSITIVE_KINDS = frozenset({ActionKind.SHELTER, ActionKind.MEDICAL, ActionKind.MANDATORY_REPORT})


# --- shared helpers ----------------------------------------------------------------------------------

def require_open_case(case: Case) -> None:
    if case.status not in open_case_statuses():
        raise WorkflowError("案件已办结或已移出，不能再登记危机干预事项；如有新情况请先重新打开案件。",
                            code="case_not_open")


def _needs_write(uow: UnitOfWork) -> None:
    """Audited reads must run in a write unit of work, or their audit entry is rolled back."""
    if not uow.write:
        raise RuntimeError("audited read needs store.uow(write=True)")


def mark_domestic_violence(uow: UnitOfWork, actor: Actor, case: Case, why: str) -> None:
    """Raise the 家暴 flag on a case already loaded in scope (a timeline event and an audit entry say why)."""
    if case.domestic_violence:
        return
    case.domestic_violence = True
    uow.flush()
    record_event(uow, actor, case, "flag_raised", f"标记为家庭暴力案件：{why}")
    audit.record(uow.s, actor, audit.Action.UPDATE, entity="case", entity_id=case.id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id,
                 detail={"changes": {"domestic_violence": [False, True]}, "reason": why})
    from ..cases.report_duty import raise_due   # a child in the home now raises the mandatory report

    raise_due(uow, actor, case)


def require_aware(moment: datetime, field: str) -> datetime:
    if not isinstance(moment, datetime) or moment.tzinfo is None:
        raise ValidationError("时间须包含时区。", field=field)
    return moment


# --- danger assessments ------------------------------------------------------------------------------

@dataclass(frozen=True)
class AssessmentView:
    id: str
    case_id: str
    assessed_at: datetime
    assessor: str
    answers: dict[str, bool]
    score: int
    max_score: int
    computed_level: RiskLevel
    red_flags: tuple[str, ...]
    red_flag_labels: tuple[str, ...]
    final_level: RiskLevel
    override_reason: str | None
    trend: Trend | None            # from the previous assessment's final level; None for the first
    score_change: int | None       # score minus the previous score
    relationship: risk_rules.Relationship = risk_rules.Relationship.PARTNER   # which question set was used

    @property
    def overridden(self) -> bool:
        return self.final_level != self.computed_level


def _assessment_view(row: RiskAssessment, previous: RiskAssessment | None) -> AssessmentView:
    flags = tuple(row.red_flags or ())
    relationship = risk_rules.relationship_of(row.answers or {})
    checklist = risk_rules.risk_set(relationship)
    by_code = checklist.items_by_code
    return AssessmentView(
        id=row.id, case_id=row.case_id, assessed_at=row.assessed_at, assessor=row.assessor,
        answers=dict(row.answers or {}), score=row.score, max_score=checklist.max_score,
        computed_level=RiskLevel(row.computed_level), red_flags=flags, relationship=relationship,
        red_flag_labels=tuple(by_code[c].short for c in flags if c in by_code),
        final_level=RiskLevel(row.final_level), override_reason=row.override_reason,
        trend=risk_rules.compare(previous.final_level if previous else None, row.final_level),
        score_change=None if previous is None else row.score - previous.score)


def _assessment_rows(uow: UnitOfWork, case_id: str) -> list[RiskAssessment]:
    return list(uow.s.execute(select(RiskAssessment)
                              .where(RiskAssessment.case_id == case_id, RiskAssessment.deleted_at.is_(None))
                              .order_by(RiskAssessment.assessed_at, RiskAssessment.created_at)).scalars())


def record_assessment(uow: UnitOfWork, actor: Actor, case_id: str, answers: Mapping[str, bool],
                      override_level: RiskLevel | str | None = None, override_reason: str | None = None, *,
                      assessed_at: datetime | None = None,
                      relationship: risk_rules.Relationship | str | None = None) -> AssessmentView:
    """Score and store a danger assessment with the question set of `relationship` (default: the set the
    answers belong to). A final level of 高 marks the case as domestic violence and as a major incident at
    once, which puts it at the top of the supervisor's review queue."""
    require(actor, Permission.CASE_EDIT)
    case = load_case(uow, actor, case_id)
    require_open_case(case)
    result = risk_rules.assess(answers, override_level=override_level, override_reason=override_reason,
                               relationship=relationship)
    when = require_aware(assessed_at, "assessed_at") if assessed_at else utcnow()
    row = RiskAssessment(case_id=case.id, assessed_at=when, assessor=actor.display_name, answers=result.answers(),
                         score=result.score, computed_level=result.computed_level.value,
                         red_flags=list(result.red_flags), final_level=result.final_level.value,
                         override_reason=result.override_reason, owner_unit_id=case.owner_unit_id)
    uow.s.add(row)
    uow.flush()
    rows = _assessment_rows(uow, case.id)
    index = next(i for i, r in enumerate(rows) if r.id == row.id)
    view = _assessment_view(row, rows[index - 1] if index else None)

    whom = "" if result.relationship == risk_rules.Relationship.PARTNER else \
        f"（{result.relationship.label.split('（')[0]}）"
    text = f"危险评估{whom}：{result.final_level.label}风险（得分 {result.score}"
    if result.red_flags:
        text += "；红色警示：" + "、".join(result.red_flag_labels)
    text += "）"
    if result.overridden:
        text += f"；专业判断由“{result.computed_level.label}”调高为“{result.final_level.label}”，理由：{result.override_reason}"
    if view.trend is not None:
        text += f"；较上次{view.trend.label}"
    record_event(uow, actor, case, "risk_assessed", text,
           data={"assessment_id": row.id, "level": result.final_level.value, "score": result.score})
    audit.record(uow.s, actor, audit.Action.CREATE, entity="risk_assessment", entity_id=row.id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id,
                 detail={"score": result.score, "computed_level": result.computed_level.value,
                         "final_level": result.final_level.value, "red_flags": list(result.red_flags),
                         "overridden": result.overridden, "relationship": result.relationship.value})
    if result.final_level == RiskLevel.HIGH:
        mark_domestic_violence(uow, actor, case, MAJOR_REASON_HIGH_RISK)
        from ..cases.workflow import set_major_incident

        set_major_incident(uow, actor, case.id, True, MAJOR_REASON_HIGH_RISK)
    return view


def assessments(uow: UnitOfWork, actor: Actor, case_id: str) -> list[AssessmentView]:
    """Every assessment of the case, oldest first, each with its trend from the one before.
    The answers are sensitive (pregnancy, sexual violence), so the read is audited."""
    require(actor, Permission.CASE_READ)
    _needs_write(uow)
    case = load_case(uow, actor, case_id)
    rows = _assessment_rows(uow, case.id)
    audit.record(uow.s, actor, audit.Action.VIEW, entity="risk_assessment", case_id=case.id,
                 owner_unit_id=case.owner_unit_id, detail={"count": len(rows)})
    return [_assessment_view(r, rows[i - 1] if i else None) for i, r in enumerate(rows)]


def current_level(uow: UnitOfWork, actor: Actor, case_id: str) -> RiskLevel | None:
    """The latest assessment's final level (no answers: not audited), for lists and headers."""
    require(actor, Permission.CASE_READ)
    case = load_case(uow, actor, case_id)
    rows = _assessment_rows(uow, case.id)
    return RiskLevel(rows[-1].final_level) if rows else None


# --- safety plan -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SafetyPlanView:
    id: str
    case_id: str
    version: int                   # the plan's version; pass it back to save (optimistic check)
    sections: dict[str, Any]       # code -> text or list of lines (see domain.safety_plan.SECTIONS)
    missing: tuple[str, ...]       # section codes still empty
    reviewed_on: date | None
    saved_at: datetime
    saved_by: str | None
    previous: tuple[dict[str, Any], ...]  # earlier versions: {"version", "saved_at", "saved_by", "sections"}


def _plan_view(plan: SafetyPlan) -> SafetyPlanView:
    contents = plan.contents or {}
    sections = plan_rules.normalise(contents.get("sections") or {})
    return SafetyPlanView(id=plan.id, case_id=plan.case_id, version=plan.version, sections=sections,
                          missing=plan_rules.missing(sections), reviewed_on=plan.reviewed_on,
                          saved_at=plan.updated_at, saved_by=contents.get("saved_by"),
                          previous=tuple(contents.get("previous") or ()))


def _plan_row(uow: UnitOfWork, case_id: str) -> SafetyPlan | None:
    return uow.s.execute(select(SafetyPlan).where(SafetyPlan.case_id == case_id,
                                                  SafetyPlan.deleted_at.is_(None))).scalar_one_or_none()


def save_safety_plan(uow: UnitOfWork, actor: Actor, case_id: str, sections: Mapping[str, Any], *,
                     expected_version: int | None = None, reviewed_on: date | None = None) -> SafetyPlanView:
    """Create or replace the case's one safety plan. Each save is a new version; earlier versions are
    kept in the plan. Pass the version you opened: a plan saved by someone else since is a conflict."""
    require(actor, Permission.CASE_EDIT)
    require(actor, Permission.SEE_CONFIDENTIAL)   # may not overwrite what it cannot read
    case = load_case(uow, actor, case_id)
    require_open_case(case)
    new_sections = plan_rules.normalise(sections)
    if not plan_rules.filled(new_sections):
        raise ValidationError("安全计划是空的，请至少填写一栏。", code="empty_plan")
    now = utcnow()
    plan = _plan_row(uow, case.id)
    if plan is None:
        if expected_version not in (None, 0):
            raise ConflictError("该安全计划已被删除或尚未建立，请刷新后再保存。")
        plan = SafetyPlan(case_id=case.id, owner_unit_id=case.owner_unit_id, reviewed_on=reviewed_on or local_date(now),
                          contents={"sections": new_sections, "saved_by": actor.display_name,
                                    "saved_at": now.isoformat(), "previous": []})
        uow.s.add(plan)
        uow.flush()
        changed = plan_rules.filled(new_sections)
        action, summary = audit.Action.CREATE, "制定安全计划"
    else:
        if expected_version is not None and expected_version != plan.version:
            raise ConflictError(f"安全计划已被其他用户修改（您打开的是第 {expected_version} 版，现为第 {plan.version} 版）。"
                                "您的输入已保留，请核对后再保存。")
        old = plan.contents or {}
        old_sections = plan_rules.normalise(old.get("sections") or {})
        changed = plan_rules.changed_sections(old_sections, new_sections)
        if not changed and (reviewed_on is None or reviewed_on == plan.reviewed_on):
            return _plan_view(plan)
        previous = list(old.get("previous") or [])
        previous.append({"version": plan.version, "saved_at": old.get("saved_at"), "saved_by": old.get("saved_by"),
                         "sections": old_sections})
        plan.contents = {"sections": new_sections, "saved_by": actor.display_name, "saved_at": now.isoformat(),
                         "previous": previous}
        plan.reviewed_on = reviewed_on or local_date(now)
        uow.flush()
        action, summary = audit.Action.UPDATE, "修改安全计划"
    labels = "、".join(plan_rules.SECTIONS_BY_CODE[c].label for c in changed)
    record_event(uow, actor, case, "safety_plan_saved", f"{summary}（第 {plan.version} 版）" + (f"：{labels}" if labels else ""),
           data={"safety_plan_id": plan.id, "version": plan.version})
    audit.record(uow.s, actor, action, entity="safety_plan", entity_id=plan.id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id, detail={"version": plan.version, "sections": list(changed)})
    return _plan_view(plan)


def get_safety_plan(uow: UnitOfWork, actor: Actor, case_id: str) -> SafetyPlanView | None:
    """The plan holds contacts and whereabouts: only for users who may see confidential details; audited."""
    require(actor, Permission.SEE_CONFIDENTIAL)
    _needs_write(uow)
    case = load_case(uow, actor, case_id)
    plan = _plan_row(uow, case.id)
    audit.record(uow.s, actor, audit.Action.VIEW, entity="safety_plan", entity_id=plan.id if plan else None,
                 case_id=case.id, owner_unit_id=case.owner_unit_id,
                 detail={"version": plan.version if plan else None})
    return _plan_view(plan) if plan else None


# --- the action log (append-only) --------------------------------------------------------------------

@dataclass(frozen=True)
class ActionView:
    id: str
    case_id: str
    kind: ActionKind
    label: str
    at: datetime
    by_name: str
    detail: str | None             # the free note; None when redacted
    redacted: bool                 # the viewer may not see this kind's notes
    protection_order_id: str | None
    data: dict[str, Any] | None = None   # the kind's structured details (domain.crisis_actions); None when redacted

    @property
    def lines(self) -> list[tuple[str, str]]:
        """(label, value) of the structured details, in the kind's order."""
        return detail_lines(self.kind.value, self.data)

    @property
    def text(self) -> str:
        """The details and the note on one line (出警单位：…；回执编号：…；note)."""
        parts = [f"{label}：{value}" for label, value in self.lines]
        if self.detail:
            parts.append(self.detail.replace("\n", "；"))
        return "；".join(parts)


def log_crisis_action(uow: UnitOfWork, actor: Actor, case: Case, kind: ActionKind, at: datetime, detail: str | None,
         protection_order_id: str | None = None, summary: str | None = None,
         data: dict[str, Any] | None = None) -> CrisisAction:
    """Append an action and its timeline event and audit entry, neither of which carries the note or
    the details (``summary`` replaces the event's default text; it must not hold the note either)."""
    row = CrisisAction(case_id=case.id, kind=kind.value, at=at, by_name=actor.display_name, detail=detail,
                       protection_order_id=protection_order_id, data=data or None, owner_unit_id=case.owner_unit_id)
    uow.s.add(row)
    uow.flush()
    record_event(uow, actor, case, f"crisis_{kind.value}", summary or f"危机干预：{kind.label}（{format_local(at)}）",
           data={"action_id": row.id, "kind": kind.value, "protection_order_id": protection_order_id})
    audit.record(uow.s, actor, audit.Action.CREATE, entity="crisis_action", entity_id=row.id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id,
                 detail={"kind": kind.value, "at": at.isoformat(), "protection_order_id": protection_order_id,
                         "detail_length": len(detail or ""), "fields": sorted(data or {})})
    return row


def log_action(uow: UnitOfWork, actor: Actor, case_id: str, kind: ActionKind | str, *, at: datetime | None = None,
               detail: str | None = None, concerns: str | None = None,
               data: Mapping[str, Any] | None = None) -> ActionView:
    """Record what was done: 报警, 告诫书, 临时庇护, 医疗救治, 强制报告, 其他.

    ``data``: the kind's structured details (domain.crisis_actions.FIELDS: 出警单位, 告诫书文号, 庇护场所 …).
    A mandatory report (反家庭暴力法第十四条: a person without, or with limited, civil capacity who suffers
    or may suffer violence must be reported to the police) needs whom it is about: ``data["concerns"]``,
    or the ``concerns`` shortcut.
    """
    require(actor, Permission.CASE_EDIT)
    case = load_case(uow, actor, case_id)
    require_open_case(case)
    try:
        kind = ActionKind(kind)
    except ValueError:
        raise ValidationError(f"无效的行动类型：{kind}", field="kind") from None
    if kind not in MANUAL_KINDS:
        raise ValidationError(f"“{kind.label}”请在人身安全保护令中登记。", code="use_protection_order", field="kind")
    text = (detail or "").strip() or None
    if kind == ActionKind.OTHER and not text:
        raise ValidationError("“其他”行动须写明内容。", field="detail")
    values = dict(data or {})
    if concerns and concerns.strip():
        if kind != ActionKind.MANDATORY_REPORT:
            raise ValidationError("只有强制报告须注明报告对象。", field="concerns")
        values.setdefault("concerns", concerns.strip())
    try:
        details = clean_details(kind.value, values)
    except ValidationError as err:
        if err.code == "concerns_required":
            raise ValidationError("强制报告须注明报告对象（无民事行为能力人或限制民事行为能力人）及其情况。",
                                  code="concerns_required", field="concerns") from None
        raise
    when = require_aware(at, "at") if at else utcnow()
    row = log_crisis_action(uow, actor, case, kind, when, text, data=details)
    return _action_view(row, actor)


def _action_view(row: CrisisAction, actor: Actor) -> ActionView:
    kind = ActionKind(row.kind)
    hide = kind in SENSITIVE_KINDS and not can(actor, Permission.SEE_CONFIDENTIAL)
    data, detail = dict(row.data or {}), row.detail
    if kind == ActionKind.MANDATORY_REPORT and "concerns" not in data:   # recorded before CrisisAction.data
        who, detail = split_legacy_concerns(detail)
        if who:
            data["concerns"] = who
    return ActionView(id=row.id, case_id=row.case_id, kind=kind, label=kind.label, at=row.at, by_name=row.by_name,
                      detail=None if hide else detail, redacted=hide and bool(row.detail or row.data),
                      protection_order_id=row.protection_order_id, data=None if hide else data)


def actions(uow: UnitOfWork, actor: Actor, case_id: str) -> list[ActionView]:
    """The action log, oldest first; notes and details of shelter, medical and mandatory-report entries
    are hidden from users who may not see confidential details."""
    require(actor, Permission.CASE_READ)
    case = load_case(uow, actor, case_id)
    rows = uow.s.execute(select(CrisisAction).where(CrisisAction.case_id == case.id, CrisisAction.deleted_at.is_(None))
                         .order_by(CrisisAction.at, CrisisAction.created_at)).scalars()
    return [_action_view(r, actor) for r in rows]


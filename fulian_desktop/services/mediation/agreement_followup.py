"""After an agreement takes effect: judicial confirmation (人民调解法第三十三条), performance per term (履行情况,
第三十一条) and follow-up visits (回访记录).

- Confirmation is for written agreements only (the court needs the 调解协议书, 司法确认规定第三条); the application
  is refused when late (mediation_rules.check_confirmation_application) and while a term a court cannot confirm is
  included: such terms must be left out (`excluded_term_ids`). The court is kept on the agreement
  (`confirmation_court`; agreements applied for before that column read it from the event); the terms left out
  are kept in the "confirmation_applied" event's data. Applying stops the
  JUDICIAL_CONFIRMATION clock the agreement started. After 不予受理 or 撤回申请 the parties may apply again.
- Performance needs an effective agreement; 已履行 and 部分履行 need the date.
- Follow-up visits are append-only: a correction is a new visit.
- All of these may be recorded after the case is closed (a follow-up often comes after closure).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from ...access.cases import load_case, record_event
from ...domain.errors import ConflictError, NotFound, ValidationError, WorkflowError
from ...domain.localtime import format_local, local_date
from ...domain.mediation_rules import (
    AgreementForm,
    ConfirmationResult,
    FollowUpMethod,
    Performance,
    Satisfaction,
    check_confirmation_application,
    non_confirmable,
    parse_enum,
)
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import Permission, require
from ...store.base import utcnow
from ...store.models import Agreement, AgreementTerm, CaseClock, FollowUpVisit
from ...store.uow import UnitOfWork
from .agreements import AgreementView, agreement_events, audit_agreement, load_agreement, agreement_term_text, agreement_terms, agreement_view
from ..clocks.clocks import stop_clock_on, load_calendar
from .mediation_sessions import aware, text_or_none


@dataclass(frozen=True)
class FollowUpView:
    id: str
    case_id: str
    agreement_id: str | None
    visited_at: datetime
    visitor: str
    method: FollowUpMethod
    method_label: str
    performance: str
    satisfaction: Satisfaction
    satisfaction_label: str
    note: str | None


# --- judicial confirmation ---------------------------------------------------------------------------

def apply_for_confirmation(uow: UnitOfWork, actor: Actor, agreement_id: str, applied_on: date, *,
                           court: str | None = None, excluded_term_ids: Iterable[str] = ()) -> AgreementView:
    """The parties' joint application (第三十三条). Refused when late, and when a term a court cannot confirm is
    included: leave such terms out with `excluded_term_ids`."""
    require(actor, Permission.CASE_EDIT)
    agreement, case = load_agreement(uow, actor, agreement_id)
    if agreement.form != AgreementForm.WRITTEN.value:
        raise WorkflowError("口头协议须先制作调解协议书，才能申请司法确认。", code="oral_agreement")
    previous = ConfirmationResult(agreement.confirmation_result) if agreement.confirmation_result else None
    if agreement.confirmation_applied_on and not (previous and previous.allows_reapplication):
        raise ConflictError(f"已于 {agreement.confirmation_applied_on.isoformat()} 申请司法确认"
                            + (f"（{previous.label}）。" if previous else "，尚待法院决定。"),
                            code="already_applied")
    if not isinstance(applied_on, date) or isinstance(applied_on, datetime):
        raise ValidationError("请填写申请日期。", field="applied_on")
    check_confirmation_application(agreement.effective_on, applied_on, load_calendar(uow), local_date(utcnow()))
    terms = agreement_terms(uow, agreement.id)
    excluded = set(excluded_term_ids or ())
    if excluded - {t.id for t in terms}:
        raise ValidationError("排除的条款须为本协议的条款。", field="excluded_term_ids")
    blocked = [(t, reason) for t in terms if t.id not in excluded and (reason := non_confirmable(agreement_term_text(t)))]
    if blocked:
        raise ValidationError("以下条款不能申请司法确认，请将其排除在申请之外："
                              + "；".join(f"第 {t.seq} 条（{reason}）" for t, reason in blocked),
                              code="non_confirmable_terms", field="excluded_term_ids")
    if len(excluded) == len(terms):
        raise ValidationError("排除后没有可申请确认的条款。", field="excluded_term_ids")
    court = text_or_none(court)
    if court is not None and len(court) > 200:
        raise ValidationError("受理法院名称过长（最多 200 个字）。", field="court")
    agreement.confirmation_applied_on, agreement.confirmation_result = applied_on, None
    agreement.confirmation_court = court
    uow.flush()
    left_out = [t.seq for t in terms if t.id in excluded]
    record_event(uow, actor, case, "confirmation_applied",
           f"申请司法确认（{applied_on.isoformat()}" + (f"，{court}" if court else "") + "）"
           + (f"，不含第 {'、'.join(map(str, left_out))} 条" if left_out else ""),
           data={"agreement_id": agreement.id, "applied_on": applied_on.isoformat(), "court": court,
                 "excluded_term_ids": sorted(excluded)})
    audit_agreement(uow, actor, case, audit.Action.UPDATE, "agreement", agreement.id,
           {"changes": {"confirmation_applied_on": [None, applied_on.isoformat()], "confirmation_court": [None, court]},
            "excluded_term_ids": sorted(excluded), "court": court})
    for event in agreement_events(uow, case.id, agreement.id, "agreement_effective"):
        clock = uow.s.get(CaseClock, (event.data or {}).get("clock_id") or "")
        if clock is not None and clock.stopped_at is None:
            stop_clock_on(uow, actor, case, clock, "已申请司法确认")
    return agreement_view(uow, agreement, case)


def record_confirmation_result(uow: UnitOfWork, actor: Actor, agreement_id: str,
                               result: ConfirmationResult | str, decided_on: date,
                               note: str | None = None) -> AgreementView:
    require(actor, Permission.CASE_EDIT)
    agreement, case = load_agreement(uow, actor, agreement_id)
    if agreement.confirmation_applied_on is None:
        raise WorkflowError("尚未申请司法确认。", code="not_applied")
    if agreement.confirmation_result:
        raise ConflictError("已记录司法确认结果。", code="result_recorded")
    result = parse_enum(ConfirmationResult, result, "司法确认结果", "result")
    if not isinstance(decided_on, date) or decided_on < agreement.confirmation_applied_on \
            or decided_on > local_date(utcnow()):
        raise ValidationError("决定日期须在申请日期之后、不晚于今天。", field="decided_on")
    note = text_or_none(note)
    agreement.confirmation_result = result.value
    uow.flush()
    record_event(uow, actor, case, "confirmation_result",
           f"司法确认结果：{result.label}（{decided_on.isoformat()}）" + (f"：{note}" if note else ""),
           data={"agreement_id": agreement.id, "result": result.value, "decided_on": decided_on.isoformat(),
                 "note": note})
    audit_agreement(uow, actor, case, audit.Action.UPDATE, "agreement", agreement.id,
           {"changes": {"confirmation_result": [None, result.value]}, "decided_on": decided_on.isoformat()})
    return agreement_view(uow, agreement, case)


# --- performance and follow-ups ----------------------------------------------------------------------

def record_performance(uow: UnitOfWork, actor: Actor, term_id: str, performance: Performance | str,
                       performed_on: date | None = None, note: str | None = None) -> AgreementView:
    require(actor, Permission.CASE_EDIT)
    term = uow.s.get(AgreementTerm, term_id)
    if term is None or term.deleted_at is not None:
        raise NotFound("协议条款不存在。")
    agreement, case = load_agreement(uow, actor, term.agreement_id)
    if agreement.effective_on is None:
        raise WorkflowError("调解协议尚未生效，不能记录履行情况。", code="agreement_not_effective")
    perf = parse_enum(Performance, performance, "履行情况", "performance")
    if perf in (Performance.DONE, Performance.PARTIAL) and performed_on is None:
        raise ValidationError(f"“{perf.label}”须填写履行日期。", field="performed_on")
    if perf == Performance.PENDING:
        performed_on = None
    if performed_on is not None and performed_on > local_date(utcnow()):
        raise ValidationError("履行日期不能晚于今天。", field="performed_on")
    note = text_or_none(note)
    diff = {k: [str(old) if old is not None else None, str(new) if new is not None else None]
            for k, old, new in (("performance", term.performance, perf.value),
                                ("performed_on", term.performed_on, performed_on),
                                ("performance_note", term.performance_note, note)) if old != new}
    if diff:
        term.performance, term.performed_on, term.performance_note = perf.value, performed_on, note
        uow.flush()
        when = f"（{performed_on.isoformat()}）" if performed_on else ""
        record_event(uow, actor, case, "term_performance", f"协议第 {term.seq} 条履行情况：{perf.label}{when}",
               data={"agreement_id": agreement.id, "term_id": term.id, "performance": perf.value})
        audit_agreement(uow, actor, case, audit.Action.UPDATE, "agreement_term", term.id, {"changes": diff})
    return agreement_view(uow, agreement, case)


def _follow_up_view(v: FollowUpVisit) -> FollowUpView:
    method, satisfaction = FollowUpMethod(v.method), Satisfaction(v.satisfaction)
    return FollowUpView(v.id, v.case_id, v.agreement_id, v.visited_at, v.visitor, method, method.label,
                        v.performance, satisfaction, satisfaction.label, v.note)


def add_follow_up(uow: UnitOfWork, actor: Actor, case_id: str, agreement_id: str | None, visited_at: datetime,
                  visitor: str, method: FollowUpMethod | str, performance: str,
                  satisfaction: Satisfaction | str, note: str | None = None) -> FollowUpView:
    """A follow-up visit (回访记录). Append-only: there is no edit, a correction is a new visit."""
    require(actor, Permission.CASE_EDIT)
    case = load_case(uow, actor, case_id)
    if agreement_id is not None:
        agreement = uow.s.get(Agreement, agreement_id)
        if agreement is None or agreement.deleted_at is not None or agreement.case_id != case.id:
            raise ValidationError("所选调解协议不属于本案。", field="agreement_id")
    visited_at = aware(visited_at, "回访时间", "visited_at", past=True)
    visitor, performance = text_or_none(visitor), text_or_none(performance)
    if not visitor:
        raise ValidationError("请填写回访人。", field="visitor")
    if not performance:
        raise ValidationError("请填写协议履行情况。", field="performance")
    method = parse_enum(FollowUpMethod, method, "回访方式", "method")
    satisfaction = parse_enum(Satisfaction, satisfaction, "满意度", "satisfaction")
    visit = FollowUpVisit(case_id=case.id, owner_unit_id=case.owner_unit_id, agreement_id=agreement_id,
                          visited_at=visited_at, visitor=visitor[:100], method=method.value, performance=performance,
                          satisfaction=satisfaction.value, note=text_or_none(note))
    uow.s.add(visit)
    uow.flush()
    record_event(uow, actor, case, "follow_up",
           f"回访（{format_local(visited_at)}，{method.label}，{visitor}）：{satisfaction.label}",
           data={"follow_up_id": visit.id, "agreement_id": agreement_id})
    audit_agreement(uow, actor, case, audit.Action.CREATE, "follow_up_visit", visit.id,
           {"agreement_id": agreement_id, "method": method.value, "satisfaction": satisfaction.value})
    return _follow_up_view(visit)


def list_follow_ups(uow: UnitOfWork, actor: Actor, case_id: str) -> list[FollowUpView]:
    require(actor, Permission.CASE_READ)
    case = load_case(uow, actor, case_id)
    rows = uow.s.execute(select(FollowUpVisit).where(FollowUpVisit.case_id == case.id,
                                                     FollowUpVisit.deleted_at.is_(None))
                         .order_by(FollowUpVisit.visited_at)).scalars()
    return [_follow_up_view(v) for v in rows]

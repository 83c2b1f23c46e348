"""Moving a case through its workflow, and the supervisor approvals that gate some steps."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from ...access.cases import load_case, record_event
from ...domain.closure_outcomes import ClosureOutcomes, parse_outcomes
from ...domain.clocks import request_extension as check_extension
from ...domain.enums import CaseKind, CaseStatus, PetitionOutcome
from ...domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError, WorkflowError
from ...domain.petition_rules import FACTS_MISSING, PetitionOpinion, closure_opinion
from ...domain.workflow import STEPS, Transition, check
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import Permission, can, require
from ...store.base import utcnow
from ...store.models import ApprovalRequest, Case
from ...store.uow import UnitOfWork
from ..clocks.clocks import apply_extension, clock_state, load_clock, on_transition


class ApprovalKind:
    REJECT = "reject"            # 不予受理
    CLOSE = "close"              # 结案
    TERMINATE = "terminate"      # 终止
    EXTEND_CLOCK = "extend_clock"
    REMOVE_MAJOR = "remove_major"

    LABELS = {"reject": "不予受理", "close": "结案", "terminate": "终止", "extend_clock": "延期",
              "remove_major": "取消重大案事件标记"}


_ENDING_STEPS = frozenset({Transition.REQUEST_CLOSURE, Transition.REJECT, Transition.TRANSFER,
                           Transition.TERMINATE})


def _pending_tier_referral(uow: UnitOfWork, case_id: str) -> bool:
    from ...store.models import Referral

    return uow.s.execute(select(Referral.id).where(Referral.case_id == case_id, Referral.kind == "tier",
                                                   Referral.status == "pending")).first() is not None


_GATED = {Transition.REJECT: ApprovalKind.REJECT, Transition.CLOSE: ApprovalKind.CLOSE,
          Transition.TERMINATE: ApprovalKind.TERMINATE}


@dataclass(frozen=True)
class ApprovalView:
    id: str
    case_id: str
    kind: str
    label: str
    status: str
    reason: str
    payload: dict[str, Any] | None
    requested_by_name: str
    requested_at: datetime
    decided_by_name: str | None
    decided_at: datetime | None
    decision_note: str | None
    requested_by: str | None = None     # the requester's user id: nobody decides their own request

    @property
    def petition_opinion(self) -> PetitionOpinion | None:
        """The 处理意见 a petition's closure request proposes (written on the case when it is approved)."""
        return PetitionOpinion.from_payload(self.payload) if self.kind == ApprovalKind.CLOSE else None

    @property
    def closure_outcomes(self) -> ClosureOutcomes:
        """防止民转刑 … a closure request proposes (written on the case when it is approved)."""
        return ClosureOutcomes.from_payload(self.payload) if self.kind == ApprovalKind.CLOSE else ClosureOutcomes()

    def requested_by_actor(self, actor: Actor | None) -> bool:
        """True when `actor` made this request (and so may not decide it)."""
        return actor is not None and actor.user_id is not None and actor.user_id == self.requested_by

    def may_decide(self, actor: Actor | None) -> bool:
        """Pending, the actor approves requests, and it is not the actor's own."""
        return (actor is not None and self.status == "pending" and can(actor, Permission.CASE_APPROVE)
                and not self.requested_by_actor(actor))


SELF_APPROVAL_MESSAGE = "不能审批自己提出的申请，须由其他督导审批。"


def _view(r: ApprovalRequest) -> ApprovalView:
    return ApprovalView(r.id, r.case_id, r.kind, ApprovalKind.LABELS.get(r.kind, r.kind), r.status, r.reason,
                        r.payload, r.requested_by_name, r.requested_at, r.decided_by_name, r.decided_at,
                        r.decision_note, r.requested_by)


def transition(uow: UnitOfWork, actor: Actor, case_id: str, step: Transition, *, reason: str | None = None,
               expected_version: int | None = None, petition_outcome: PetitionOutcome | str | None = None,
               petition_basis: str | None = None, petition_facts: str | None = None,
               petition_articles: list[str] | tuple[str, ...] | None = None,
               petition_evaluation: str | None = None,
               closure_outcomes: dict[str, int | None] | None = None) -> CaseStatus:
    """Apply a step; a gated step becomes an approval request and the status waits for the decision.

    Requesting closure is itself a step (to 待结案审核) that also files the closure approval. For a petition it
    carries the 处理意见 (`petition_outcome`: 支持 / 解释说明 / 不予支持) and its facts and basis (`petition_basis`),
    which reach the case only when the supervisor approves; other kinds and other steps take neither.
    `petition_facts` (查明的事实) must be there before the closure can be approved; `petition_articles` are the
    codes of the statute articles chosen as its basis (domain/statutes.py); `petition_evaluation` is the
    petitioner's evaluation of the handling (满意 / 基本满意 / 不满意; none given: 未评价), counted in 满意率.
    `closure_outcomes` (any kind of case, closure request only): outcome code -> persons (防止民转刑 …,
    domain/closure_outcomes.py), written on the case with the approved closure.
    """
    require(actor, Permission.CASE_EDIT)
    case = load_case(uow, actor, case_id)
    if expected_version is not None and case.version != expected_version:
        raise ConflictError("该案件已被其他用户修改，请刷新后再操作。")
    current = CaseStatus(case.status)
    target = check(current, step, reason)
    if step in _ENDING_STEPS and _pending_tier_referral(uow, case_id):
        # The receiving unit could otherwise take over a case that was closed meanwhile.
        raise WorkflowError(f"该案件有待接收的上报/交办，不能“{step.label}”。请先撤回转介，或等待对方接收或退回。",
                            code="referral_pending")
    opinion, outcomes = None, ClosureOutcomes()
    if step == Transition.REQUEST_CLOSURE:
        opinion = closure_opinion(case.kind, petition_outcome, petition_basis, petition_facts, petition_articles,
                                  petition_evaluation)
        outcomes = parse_outcomes(closure_outcomes)
    elif parse_outcomes(closure_outcomes):
        raise ValidationError("防止民转刑、防止自杀、制止群体性上访等结案成效只在申请结案时填写。",
                              code="closure_outcomes_not_here", field="closure_outcomes")
    elif (petition_outcome or (petition_basis or "").strip() or (petition_facts or "").strip() or petition_articles
          or (petition_evaluation or "").strip()):
        raise ValidationError("处理意见及其事实和依据只在申请结案时填写。", code="petition_outcome_not_here",
                              field="petition_outcome")
    if step in _GATED:
        if step == Transition.CLOSE:
            raise WorkflowError("结案须由督导审批：请先“申请结案”。", code="needs_approval")
        request_approval(uow, actor, case_id, _GATED[step], reason or "")
        return current
    _apply(uow, actor, case, step, target, reason)
    if step == Transition.REQUEST_CLOSURE:
        payload = {**(opinion.payload() if opinion else {}), **outcomes.payload()}
        request_approval(uow, actor, case_id, ApprovalKind.CLOSE, reason or "", payload or None)
    return target


def _apply(uow: UnitOfWork, actor: Actor, case: Case, step: Transition, target: CaseStatus,
           reason: str | None, approved_by: str | None = None) -> None:
    old = case.status
    case.status = target.value
    if target == CaseStatus.CLOSED:
        case.closed_at = utcnow()
    elif step == Transition.REOPEN:
        case.closed_at = None
        for column, value in ClosureOutcomes().columns().items():   # the next closure records them again
            setattr(case, column, value)
    uow.flush()
    note = f"{STEPS[step].label}：{CaseStatus(old).label} → {target.label}"
    if reason:
        note += f"（理由：{reason}）"
    if approved_by:
        note += f"，经 {approved_by} 批准"
    record_event(uow, actor, case, f"status_{step.value}", note, data={"from": old, "to": target.value})

    on_transition(uow, actor, case, step)
    audit.record(uow.s, actor, audit.Action.UPDATE, entity="case", entity_id=case.id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id,
                 detail={"changes": {"status": [old, target.value]}, "step": step.value, "reason": reason})
    if step == Transition.REOPEN:
        from .petition import withdraw_opinion

        withdraw_opinion(uow, actor, case, reason)


def request_approval(uow: UnitOfWork, actor: Actor, case_id: str, kind: str, reason: str,
                     payload: dict[str, Any] | None = None) -> ApprovalView:
    require(actor, Permission.CASE_EDIT)
    case = load_case(uow, actor, case_id)
    if not (reason or "").strip():
        raise ValidationError("请填写申请理由。", field="reason")
    pending = uow.s.execute(select(ApprovalRequest).where(ApprovalRequest.case_id == case_id,
                                                          ApprovalRequest.kind == kind,
                                                          ApprovalRequest.status == "pending")).scalars().first()
    if pending is not None:
        raise WorkflowError(f"已有待审批的“{ApprovalKind.LABELS[kind]}”申请，请等待督导审批。", code="already_pending")
    request = ApprovalRequest(case_id=case_id, kind=kind, reason=reason.strip(), payload=payload,
                              requested_by=actor.user_id, requested_by_name=actor.display_name,
                              owner_unit_id=case.owner_unit_id)
    uow.s.add(request)
    uow.flush()
    summary, detail = f"申请{ApprovalKind.LABELS[kind]}：{reason.strip()}", {"kind": kind, "reason": reason.strip()}
    opinion = _view(request).petition_opinion
    if opinion is not None:
        summary += f"（拟处理意见：{opinion.label}）"
        detail["petition_outcome"] = opinion.outcome.value
    outcomes = ClosureOutcomes.from_payload(payload)
    if outcomes:
        summary += f"（结案成效：{outcomes.text()}）"
        detail["closure_outcomes"] = outcomes.payload()
    record_event(uow, actor, case, "approval_requested", summary, data={"approval_id": request.id, "kind": kind})
    audit.record(uow.s, actor, audit.Action.CREATE, entity="approval", entity_id=request.id, case_id=case_id,
                 owner_unit_id=case.owner_unit_id, detail=detail)
    return _view(request)


def decide(uow: UnitOfWork, actor: Actor, approval_id: str, approve: bool, note: str = "") -> ApprovalView:
    """A supervisor approves or rejects; the gated change happens here, in the same transaction."""
    require(actor, Permission.CASE_APPROVE)
    request = uow.s.get(ApprovalRequest, approval_id)
    if request is None:
        raise NotFound("审批申请不存在。")
    case = load_case(uow, actor, request.case_id)
    if request.status != "pending":
        raise ConflictError(f"该申请已由 {request.decided_by_name} 处理（{'批准' if request.status == 'approved' else '驳回'}）。")
    if request.requested_by == actor.user_id and actor.user_id is not None:
        raise PermissionDenied(SELF_APPROVAL_MESSAGE, code="self_approval")
    if not approve and not (note or "").strip():
        raise ValidationError("驳回须说明理由。", field="note")
    if (approve and request.kind == ApprovalKind.CLOSE and case.kind == CaseKind.PETITION.value
            and _view(request).petition_opinion is None):
        raise WorkflowError("该结案申请没有载明信访处理意见（支持、解释说明或不予支持）及其事实和依据，不能批准。"
                            "请驳回，由承办人重新申请结案并填写处理意见。", code="petition_outcome_missing")
    proposed = _view(request).petition_opinion
    if (approve and request.kind == ApprovalKind.CLOSE and case.kind == CaseKind.PETITION.value
            and proposed is not None and not proposed.facts.strip()):
        raise WorkflowError(FACTS_MISSING, code="petition_facts_missing")
    request.status = "approved" if approve else "rejected"
    request.decided_by, request.decided_by_name = actor.user_id, actor.display_name
    request.decided_at, request.decision_note = utcnow(), (note or "").strip() or None
    label = ApprovalKind.LABELS[request.kind]
    record_event(uow, actor, case, "approval_decided",
           f"{'批准' if approve else '驳回'}{label}申请" + (f"：{note.strip()}" if note and note.strip() else ""),
           data={"approval_id": request.id, "approved": approve})
    audit.record(uow.s, actor, audit.Action.UPDATE, entity="approval", entity_id=request.id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id, detail={"kind": request.kind, "approved": approve,
                                                           "note": note})
    _carry_out(uow, actor, case, request, approve)
    return _view(request)


def _carry_out(uow: UnitOfWork, actor: Actor, case: Case, request: ApprovalRequest, approve: bool) -> None:
    status = CaseStatus(case.status)
    if request.kind == ApprovalKind.CLOSE:
        step = Transition.CLOSE if approve else Transition.RETURN_FOR_WORK
        _apply(uow, actor, case, step, check(status, step, request.decision_note or request.reason),
               request.decision_note or (None if approve else request.reason), approved_by=actor.display_name)
        if approve:
            _record_outcomes(uow, actor, case, ClosureOutcomes.from_payload(request.payload))
        opinion = _view(request).petition_opinion
        if approve and opinion is not None and case.kind == CaseKind.PETITION.value:
            from .petition import record_opinion

            record_opinion(uow, actor, case, opinion, request.id)
    elif approve and request.kind in (ApprovalKind.REJECT, ApprovalKind.TERMINATE):
        step = Transition.REJECT if request.kind == ApprovalKind.REJECT else Transition.TERMINATE
        _apply(uow, actor, case, step, check(status, step, request.reason), request.reason,
               approved_by=actor.display_name)
    elif approve and request.kind == ApprovalKind.REMOVE_MAJOR:
        case.major_incident = False
        record_event(uow, actor, case, "flag_removed", "取消重大案事件标记（经督导批准）")
    elif approve and request.kind == ApprovalKind.EXTEND_CLOCK:
        apply_extension(uow, actor, case, request.payload or {})


def _record_outcomes(uow: UnitOfWork, actor: Actor, case: Case, outcomes: ClosureOutcomes) -> None:
    """The closure outcomes the approved request proposed, written on the case (none: all cleared)."""
    changes = {c: [getattr(case, c), v] for c, v in outcomes.columns().items() if getattr(case, c) != v}
    for column, (_old, value) in changes.items():
        setattr(case, column, value)
    if outcomes:
        record_event(uow, actor, case, "closure_outcomes", f"结案成效：{outcomes.text()}",
                     data=outcomes.payload())
    if changes:
        audit.record(uow.s, actor, audit.Action.UPDATE, entity="case", entity_id=case.id, case_id=case.id,
                     owner_unit_id=case.owner_unit_id, detail={"changes": changes})


def list_approvals(uow: UnitOfWork, actor: Actor, case_id: str | None = None,
                   pending_only: bool = False) -> list[ApprovalView]:
    require(actor, Permission.CASE_READ)
    stmt = select(ApprovalRequest).order_by(ApprovalRequest.requested_at.desc())
    if case_id:
        load_case(uow, actor, case_id)
        stmt = stmt.where(ApprovalRequest.case_id == case_id)
    elif not (actor.is_system or actor.sees_everything):
        stmt = stmt.where(ApprovalRequest.owner_unit_id.in_(sorted(actor.scope_unit_ids)))
    if pending_only:
        stmt = stmt.where(ApprovalRequest.status == "pending")
    return [_view(r) for r in uow.s.execute(stmt).scalars()]


def set_major_incident(uow: UnitOfWork, actor: Actor, case_id: str, major: bool, reason: str) -> None:
    """Raising the flag is immediate; removing it needs a supervisor's approval."""
    require(actor, Permission.CASE_EDIT)
    case = load_case(uow, actor, case_id)
    if major:
        if not case.major_incident:
            case.major_incident = True
            record_event(uow, actor, case, "flag_raised", f"标记为重大案事件：{reason}")
            audit.record(uow.s, actor, audit.Action.UPDATE, entity="case", entity_id=case.id, case_id=case.id,
                         owner_unit_id=case.owner_unit_id,
                         detail={"changes": {"major_incident": [False, True]}, "reason": reason})
        return
    if case.major_incident:
        request_approval(uow, actor, case_id, ApprovalKind.REMOVE_MAJOR, reason)


def request_extension(uow: UnitOfWork, actor: Actor, clock_id: str, days: int, reason: str) -> ApprovalView:
    """Asks the supervisor (once, within the legal maximum); the deadline moves on approval."""
    require(actor, Permission.CASE_EDIT)
    clock, case = load_clock(uow, actor, clock_id)
    check_extension(clock_state(clock), days)
    return request_approval(uow, actor, case.id, ApprovalKind.EXTEND_CLOCK, reason,
                            payload={"clock_id": clock.id, "days": days, "kind": clock.kind})

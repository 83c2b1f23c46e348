"""Marriage and family mediation: one import for the UI and the CLI.

Sessions live in `mediation_sessions`, agreements and signatures in `agreements`, judicial confirmation,
performance and follow-ups in `agreement_followup`; all are re-exported here. This module adds the
marriage-mediation outcome of a case (调和, 劝回, 指导协议离婚, 调解成功, 调解不成) and the overview the case
view's mediation tab shows.

Outcome rules:
- 调解不成 (failed) must record that the parties were told the other routes (人民调解法第二十六条 names 仲裁、行政、
  司法): `routes_told` must list every route `mediation_rules.other_routes` gives for the case's dispute — for a
  marriage or family dispute that is 行政处理 and 诉讼, never 仲裁 (仲裁法第三条). It also ends the mediation
  (same timeline note and effects as a session that failed).
- 调解成功 (agreement) needs an agreement of the case that has taken effect.
- The outcome can be changed while the case is open; the timeline keeps every earlier value.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ...access.cases import load_case, record_event
from ...domain.errors import ValidationError
from ...domain.mediation_rules import MarriageOutcome, OtherRoute, check_routes_told, other_routes, parse_enum
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import Permission, require
from ...store.models import Agreement, Case, CaseEvent
from ...store.uow import UnitOfWork
from .agreement_followup import (
    FollowUpView,
    add_follow_up,
    apply_for_confirmation,
    list_follow_ups,
    record_confirmation_result,
    record_performance,
)
from .agreements import (
    AgreementView,
    SignatureView,
    TermInput,
    TermView,
    apply_seal,
    create_agreement,
    get_agreement,
    list_agreements,
    mediator_sign,
    sign_party,
)
from .mediation_sessions import (
    CalendarEntry,
    MediationState,
    MediatorRef,
    PartyRef,
    SessionView,
    StatementView,
    calendar,
    cancel,
    end_mediation,
    get_session,
    list_sessions,
    mediation_state,
    record_session,
    require_open,
    resume_mediation,
    schedule,
    text_or_none,
)

OUTCOME_EVENT = "mediation_outcome"

__all__ = [
    # sessions
    "CalendarEntry", "MediationState", "MediatorRef", "PartyRef", "SessionView", "StatementView", "calendar",
    "cancel", "get_session", "list_sessions", "mediation_state", "record_session", "resume_mediation", "schedule",
    # agreements
    "AgreementView", "FollowUpView", "SignatureView", "TermInput", "TermView", "add_follow_up",
    "apply_for_confirmation", "apply_seal", "create_agreement", "get_agreement", "list_agreements",
    "list_follow_ups", "mediator_sign", "record_confirmation_result", "record_performance", "sign_party",
    # outcomes
    "OutcomeView", "MediationOverview", "set_mediation_outcome", "get_mediation_outcome", "mediation_overview",
    "routes_for_case",
]


@dataclass(frozen=True)
class OutcomeView:
    case_id: str
    outcome: MarriageOutcome
    label: str
    routes_told: tuple[OtherRoute, ...]
    route_labels: tuple[str, ...]
    note: str | None
    set_at: datetime | None
    set_by: str | None


@dataclass(frozen=True)
class MediationOverview:
    """Everything the case view's mediation tab shows."""

    case_id: str
    state: MediationState
    sessions: tuple[SessionView, ...]
    agreements: tuple[AgreementView, ...]
    follow_ups: tuple[FollowUpView, ...]
    outcome: OutcomeView | None
    routes: tuple[OtherRoute, ...] = tuple(OtherRoute)   # what 调解不成 must tell, for this case's dispute


def _outcome_view(uow: UnitOfWork, case_id: str, value: str | None) -> OutcomeView | None:
    if not value:
        return None
    outcome = MarriageOutcome(value)
    event = uow.s.execute(select(CaseEvent).where(CaseEvent.case_id == case_id, CaseEvent.kind == OUTCOME_EVENT)
                          .order_by(CaseEvent.occurred_at.desc(), CaseEvent.created_at.desc()).limit(1)).scalar()
    data = (event.data or {}) if event else {}
    routes = tuple(OtherRoute(r) for r in data.get("routes_told") or ())
    return OutcomeView(case_id, outcome, outcome.label, routes, tuple(r.label for r in routes), data.get("note"),
                       event.occurred_at if event else None, event.actor_name if event else None)


def _routes(case: Case) -> tuple[OtherRoute, ...]:
    return other_routes(case.dispute_type, case.category, case.sub_category)


def routes_for_case(uow: UnitOfWork, actor: Actor, case_id: str) -> tuple[OtherRoute, ...]:
    """The routes the parties must be told of if mediation fails, for this case's dispute."""
    require(actor, Permission.CASE_READ)
    return _routes(load_case(uow, actor, case_id))


def set_mediation_outcome(uow: UnitOfWork, actor: Actor, case_id: str, outcome: MarriageOutcome | str,
                          routes_told: Iterable[OtherRoute | str] = (), note: str | None = None) -> OutcomeView:
    require(actor, Permission.CASE_EDIT)
    case = load_case(uow, actor, case_id)
    require_open(case, "记录婚姻调解结果")
    outcome = parse_enum(MarriageOutcome, outcome, "婚姻调解结果", "outcome")
    told = {parse_enum(OtherRoute, r, "告知的途径", "routes_told") for r in routes_told or ()}
    note = text_or_none(note)
    if outcome == MarriageOutcome.FAILED:
        required = _routes(case)
        check_routes_told(told, required)
        routes = [r.value for r in required]
    else:
        routes = []
    if outcome == MarriageOutcome.AGREEMENT and uow.s.execute(select(Agreement.id).where(
            Agreement.case_id == case.id, Agreement.deleted_at.is_(None),
            Agreement.effective_on.is_not(None))).first() is None:
        raise ValidationError("“调解成功”须有已生效的调解协议：请先制作协议并完成签署。", code="no_agreement",
                              field="outcome")
    previous = case.mediation_outcome
    case.mediation_outcome = outcome.value
    uow.flush()
    summary = f"婚姻调解结果：{outcome.label}"
    if routes:
        names = "、".join(OtherRoute(r).label for r in routes)
        summary += f"；已告知当事人可通过{names}等途径维护权利（人民调解法第二十六条）"
    if note:
        summary += f"（{note}）"
    record_event(uow, actor, case, OUTCOME_EVENT, summary,
           data={"outcome": outcome.value, "previous": previous, "routes_told": routes, "note": note})
    audit.record(uow.s, actor, audit.Action.UPDATE, entity="case", entity_id=case.id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id,
                 detail={"changes": {"mediation_outcome": [previous, outcome.value]}, "routes_told": routes})
    if outcome == MarriageOutcome.FAILED:
        end_mediation(uow, actor, case, "调解终止：调解不成（人民调解法第二十六条）", {"outcome": "failed"})
    return _outcome_view(uow, case.id, outcome.value)


def get_mediation_outcome(uow: UnitOfWork, actor: Actor, case_id: str) -> OutcomeView | None:
    require(actor, Permission.CASE_READ)
    case = load_case(uow, actor, case_id)
    return _outcome_view(uow, case.id, case.mediation_outcome)


def mediation_overview(uow: UnitOfWork, actor: Actor, case_id: str) -> MediationOverview:
    require(actor, Permission.CASE_READ)
    case = load_case(uow, actor, case_id)
    return MediationOverview(case.id, mediation_state(uow, actor, case.id),
                             tuple(list_sessions(uow, actor, case.id)), tuple(list_agreements(uow, actor, case.id)),
                             tuple(list_follow_ups(uow, actor, case.id)),
                             _outcome_view(uow, case.id, case.mediation_outcome), _routes(case))

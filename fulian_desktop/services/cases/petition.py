"""A petition case's 处理意见 (支持 / 解释说明 / 不予支持) and its facts and basis.

The handler gives both when asking for closure; they wait in the closure request's payload and are written here,
on the case (Case.petition_outcome) and in a timeline event that keeps the facts and basis, only when the
supervisor approves. Reopening the case withdraws the opinion: closing it again gives a new one.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ...access.cases import record_event
from ...domain.enums import PetitionOutcome
from ...domain.petition_rules import NOT_EVALUATED, PetitionOpinion
from ...security import audit
from ...security.actor import Actor
from ...store.models import Case, CaseEvent
from ...store.uow import UnitOfWork

OUTCOME_EVENT = "petition_outcome"


@dataclass(frozen=True)
class PetitionOpinionView:
    outcome: PetitionOutcome
    label: str
    basis: str                   # 事实和依据, as the handler gave it
    set_at: datetime | None
    approved_by: str | None
    facts: str = ""              # 查明的事实
    articles: tuple[str, ...] = ()   # codes of the statute articles cited (domain/statutes.py)


def stored_opinion(uow: UnitOfWork, case: Case) -> PetitionOpinionView | None:
    """The opinion on the case now, with the facts and basis of the event that set it; None if there is none."""
    try:
        outcome = PetitionOutcome(case.petition_outcome) if case.petition_outcome else None
    except ValueError:
        return None
    if outcome is None:
        return None
    event = uow.s.execute(select(CaseEvent).where(CaseEvent.case_id == case.id, CaseEvent.kind == OUTCOME_EVENT)
                          .order_by(CaseEvent.occurred_at.desc(), CaseEvent.created_at.desc()).limit(1)).scalar()
    data = (event.data or {}) if event is not None else {}
    same = data.get("outcome") == outcome.value
    basis = str(data.get("basis") or "") if same else ""
    facts = str(data.get("facts") or "") if same else ""
    codes = data.get("articles") if same else None
    return PetitionOpinionView(outcome, outcome.label, basis, event.occurred_at if event is not None else None,
                               event.actor_name if event is not None else None, facts,
                               tuple(str(c) for c in codes) if isinstance(codes, list) else ())


def record_opinion(uow: UnitOfWork, actor: Actor, case: Case, opinion: PetitionOpinion, approval_id: str) -> None:
    """Write the approved opinion on the case: timeline (with the facts and basis) and audit."""
    previous = case.petition_outcome
    case.petition_outcome = opinion.outcome.value
    case.petition_evaluation = opinion.evaluation.value if opinion.evaluation else None
    uow.flush()
    said = opinion.evaluation.label if opinion.evaluation else NOT_EVALUATED
    record_event(uow, actor, case, OUTCOME_EVENT,
                 f"信访处理意见：{opinion.label}。事实和依据：{opinion.basis}。信访人评价：{said}",
           data={"outcome": opinion.outcome.value, "previous": previous, "basis": opinion.basis,
                 "facts": opinion.facts, "articles": list(opinion.articles), "approval_id": approval_id,
                 "evaluation": opinion.evaluation.value if opinion.evaluation else None})
    audit.record(uow.s, actor, audit.Action.UPDATE, entity="case", entity_id=case.id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id,
                 detail={"changes": {"petition_outcome": [previous, opinion.outcome.value],
                                     "petition_evaluation": [None, case.petition_evaluation]},
                         "approval_id": approval_id})


def withdraw_opinion(uow: UnitOfWork, actor: Actor, case: Case, reason: str | None) -> None:
    """A reopened case has no opinion until it is closed again; the timeline keeps the old one."""
    previous = case.petition_outcome
    if not previous:
        return
    case.petition_outcome = None
    case.petition_evaluation = None
    uow.flush()
    label = PetitionOutcome(previous).label if previous in PetitionOutcome._value2member_map_ else previous
    record_event(uow, actor, case, OUTCOME_EVENT, f"重新办理，原处理意见“{label}”不再有效，再次结案时重新出具",
           data={"outcome": None, "previous": previous, "basis": None, "reason": reason})
    audit.record(uow.s, actor, audit.Action.UPDATE, entity="case", entity_id=case.id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id, detail={"changes": {"petition_outcome": [previous, None]},
                                                           "reason": reason})

"""Violence is not a term of mediation (domain.dv_mediation): the safety screening before each joint session of a
domestic-violence case, the supervisor's approval, and the agreement-text check.

- A case falls under these rules when flagged 家暴 or when any of its danger assessments is 中 or 高
  (`dv_case`). Other cases are not touched.
- `record_screening` records the screening of the victim (a party of the case) for the next joint session; its
  result (joint allowed or not, supervisor approval needed or not) is computed here from her answers and the
  case's latest danger assessment, never taken from the caller.
- `approve_screening` is a supervisor's step (CASE_APPROVE), and never the screener's own: a mediator cannot
  approve the joint session she asked for, even if she also holds a supervisor's account.
- `clear_joint_session` is called by `mediation_sessions.schedule` for a joint session: it refuses with a Chinese
  reason (code `safety_screening_required` / `safety_approval_required` / `joint_not_advised`), or returns the
  screening that the session then uses up (one screening per joint session). `check_joint_record` refuses to
  record a joint session of a DV case that has no cleared screening (a session scheduled before the case became a
  DV case, or one arriving by sync). Separate sessions (背对背) are always allowed.
- Her words may say where she is: a reader without SEE_CONFIDENTIAL sees "（保密）" in their place.
- `check_agreement_texts` blocks excusing terms (the reviewed phrase list) and, in a DV case, asks for the
  confirmation that the violence itself is not a term of the agreement.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ...access.cases import load_case, record_event
from ...domain import dv_mediation as rules
from ...domain.dv_mediation import ScreeningAnswers, SessionMode, VictimChoice
from ...domain.enums import PartyRole
from ...domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError, WorkflowError
from ...domain.localtime import format_local
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import Permission, can, require
from ...store.base import utcnow
from ...store.models import Case, CaseParty, MediationScreening, MediationSession, Person, RiskAssessment
from ...store.uow import UnitOfWork

LEVEL_LABELS = {"high": "高", "medium": "中", "low": "低"}


@dataclass(frozen=True)
class ScreeningView:
    id: str
    case_id: str
    victim_party_id: str
    victim_name: str
    screened_at: datetime
    screened_text: str
    screened_by: str | None
    screened_by_name: str
    speaks_freely: bool
    fears_other_party: bool
    violence_since_last: bool
    separate_offered: bool
    victim_choice: VictimChoice
    victim_choice_label: str
    victim_words: str
    risk_level: str | None
    risk_label: str
    joint_allowed: bool
    needs_approval: bool
    reasons: tuple[str, ...]
    approved_by_name: str | None
    approved_at: datetime | None
    approval_note: str | None
    session_id: str | None       # the joint session it was used for
    version: int

    @property
    def approved(self) -> bool:
        return self.approved_at is not None

    @property
    def cleared(self) -> bool:
        """A joint session may be scheduled on it now."""
        return self.joint_allowed and (self.approved or not self.needs_approval) and self.session_id is None

    @property
    def state_label(self) -> str:
        if not self.joint_allowed:
            return "不宜面对面调解：" + "、".join(self.reasons)
        if self.session_id is not None:
            return "已用于一次联合调解"
        if self.needs_approval and not self.approved:
            return "待督导批准（" + "、".join(self.reasons) + "）"
        if self.approved:
            return f"督导 {self.approved_by_name} 已批准，可安排一次联合调解"
        return "可安排一次联合调解"


@dataclass(frozen=True)
class SafetyState:
    dv_case: bool
    risk_level: str | None       # the latest danger assessment
    risk_label: str
    screenings: tuple[ScreeningView, ...]   # newest first

    @property
    def usable(self) -> ScreeningView | None:
        """The newest screening not yet used for a session, if any."""
        return next((s for s in self.screenings if s.session_id is None), None)


# --- what kind of case ---------------------------------------------------------------------------------

def _levels(uow: UnitOfWork, case_id: str) -> list[str]:
    return list(uow.s.execute(select(RiskAssessment.final_level).where(
        RiskAssessment.case_id == case_id, RiskAssessment.deleted_at.is_(None))
        .order_by(RiskAssessment.assessed_at.desc(), RiskAssessment.id)).scalars())


def dv_case(uow: UnitOfWork, case: Case) -> bool:
    """Flagged 家暴, or any danger assessment at 中 or 高 (the case must already be loaded through access)."""
    return rules.is_dv_case(bool(case.domestic_violence), _levels(uow, case.id))


def latest_risk(uow: UnitOfWork, case: Case) -> str | None:
    levels = _levels(uow, case.id)
    return levels[0] if levels else None


# --- views -------------------------------------------------------------------------------------------

HIDDEN_WORDS = "（保密）"


def _view(uow: UnitOfWork, row: MediationScreening, *, sees_words: bool = True) -> ScreeningView:
    person = uow.s.execute(select(Person.name).join(CaseParty, CaseParty.person_id == Person.id)
                           .where(CaseParty.id == row.victim_party_id)).scalar()
    choice = VictimChoice(row.victim_choice)
    return ScreeningView(
        id=row.id, case_id=row.case_id, victim_party_id=row.victim_party_id, victim_name=person or "（已移除的当事人）",
        screened_at=row.screened_at, screened_text=format_local(row.screened_at), screened_by=row.screened_by,
        screened_by_name=row.screened_by_name, speaks_freely=row.speaks_freely,
        fears_other_party=row.fears_other_party, violence_since_last=row.violence_since_last,
        separate_offered=row.separate_offered, victim_choice=choice, victim_choice_label=choice.label,
        victim_words=row.victim_words if sees_words else HIDDEN_WORDS, risk_level=row.risk_level,
        risk_label=LEVEL_LABELS.get(row.risk_level or "", "未评估"), joint_allowed=row.joint_allowed,
        needs_approval=row.needs_approval, reasons=tuple(row.reasons or ()), approved_by_name=row.approved_by_name,
        approved_at=row.approved_at, approval_note=row.approval_note, session_id=row.session_id,
        version=row.version)


def _rows(uow: UnitOfWork, case_id: str) -> list[MediationScreening]:
    return list(uow.s.execute(select(MediationScreening).where(
        MediationScreening.case_id == case_id, MediationScreening.deleted_at.is_(None))
        .order_by(MediationScreening.screened_at.desc(), MediationScreening.created_at.desc())).scalars())


def safety_state(uow: UnitOfWork, actor: Actor, case_id: str) -> SafetyState:
    require(actor, Permission.CASE_READ)
    case = load_case(uow, actor, case_id)
    risk = latest_risk(uow, case)
    sees = can(actor, Permission.SEE_CONFIDENTIAL)
    return SafetyState(dv_case(uow, case), risk, LEVEL_LABELS.get(risk or "", "未评估"),
                       tuple(_view(uow, r, sees_words=sees) for r in _rows(uow, case.id)))


# --- screening and approval ----------------------------------------------------------------------------

def record_screening(uow: UnitOfWork, actor: Actor, case_id: str, victim_party_id: str, *, speaks_freely: bool,
                     fears_other_party: bool, violence_since_last: bool, separate_offered: bool,
                     victim_choice: VictimChoice | str, victim_words: str,
                     screened_at: datetime | None = None) -> ScreeningView:
    """Record the screening of the victim before the next joint session (answers as she gave them)."""
    require(actor, Permission.CASE_EDIT)
    case = load_case(uow, actor, case_id)
    party = uow.s.get(CaseParty, victim_party_id) if isinstance(victim_party_id, str) else None
    if party is None or party.case_id != case.id or party.deleted_at is not None:
        raise ValidationError("请选择受害人（须为本案当事人）。", field="victim_party_id")
    if PartyRole(party.role) not in (PartyRole.VICTIM, PartyRole.APPLICANT):
        raise ValidationError("安全评估的对象是受害人：请选择本案的受害人或申请人。", field="victim_party_id")
    try:
        choice = VictimChoice(victim_choice)
    except ValueError:
        raise ValidationError("请记录受害人的选择：同意面对面调解，或要求背对背调解。", field="victim_choice") from None
    answers = ScreeningAnswers(bool(speaks_freely), bool(fears_other_party), bool(violence_since_last),
                               bool(separate_offered), choice, (victim_words or "").strip())
    rules.check_answers(answers)
    risk = latest_risk(uow, case)
    result = rules.evaluate_screening(answers, risk == "high")
    when = screened_at or utcnow()
    if when.tzinfo is None:
        raise ValidationError("评估时间须带时区。", field="screened_at")
    if when > utcnow():
        raise ValidationError("评估时间不能晚于现在。", field="screened_at")
    row = MediationScreening(
        case_id=case.id, owner_unit_id=case.owner_unit_id, victim_party_id=party.id, screened_at=when,
        screened_by=actor.user_id, screened_by_name=actor.display_name, speaks_freely=answers.speaks_freely,
        fears_other_party=answers.fears_other_party, violence_since_last=answers.violence_since_last,
        separate_offered=True, victim_choice=choice.value, victim_words=answers.victim_words[:2000],
        risk_level=risk, joint_allowed=result.joint_allowed, needs_approval=result.needs_approval,
        reasons=list(result.reasons))
    uow.s.add(row)
    uow.flush()
    if not result.joint_allowed:
        outcome = "不宜面对面调解（" + "、".join(result.reasons) + "），只能背对背调解"
    elif result.needs_approval:
        outcome = "受害人同意面对面调解，待督导批准（" + "、".join(result.reasons) + "）"
    else:
        outcome = "受害人同意面对面调解"
    # Her words stay in the record, not on the timeline or in the audit log (they may say where she is).
    record_event(uow, actor, case, "mediation_screened", f"联合调解前安全评估：{outcome}",
                 data={"screening_id": row.id, "joint_allowed": result.joint_allowed,
                       "needs_approval": result.needs_approval})
    audit.record(uow.s, actor, audit.Action.CREATE, entity="mediation_screening", entity_id=row.id,
                 case_id=case.id, owner_unit_id=case.owner_unit_id,
                 detail={"joint_allowed": result.joint_allowed, "needs_approval": result.needs_approval,
                         "risk_level": risk, "reasons": list(result.reasons)})
    return _view(uow, row)


def approve_screening(uow: UnitOfWork, actor: Actor, screening_id: str, note: str = "") -> ScreeningView:
    """A supervisor approves the joint session a screening asks for. Never the screener herself."""
    require(actor, Permission.CASE_APPROVE)
    row = uow.s.get(MediationScreening, screening_id) if isinstance(screening_id, str) else None
    if row is None or row.deleted_at is not None:
        raise NotFound("安全评估记录不存在。")
    case = load_case(uow, actor, row.case_id)
    if actor.user_id is not None and actor.user_id == row.screened_by:
        raise PermissionDenied("不能批准自己做的安全评估，须由其他督导批准。", code="self_approval")
    if not row.joint_allowed:
        raise WorkflowError("安全评估结论为不宜面对面调解，不能批准联合调解；请安排背对背调解。", code="joint_not_advised")
    if row.approved_at is not None:
        raise ConflictError(f"该安全评估已由 {row.approved_by_name} 于 {format_local(row.approved_at)} 批准。",
                            code="already_approved")
    if row.session_id is not None:
        raise ConflictError("该安全评估已用于一次调解，请为下一次联合调解重新评估。", code="screening_used")
    note = (note or "").strip()
    if row.needs_approval and not note:
        raise ValidationError("请写明批准的理由和安全措施（如分开到场和离场、有工作人员陪同）。", field="note")
    row.approved_by, row.approved_by_name, row.approved_at = actor.user_id, actor.display_name, utcnow()
    row.approval_note = note or None
    uow.flush()
    record_event(uow, actor, case, "mediation_screening_approved",
                 f"督导 {actor.display_name} 批准安全评估后的面对面联合调解：{note}" if note
                 else f"督导 {actor.display_name} 批准安全评估后的面对面联合调解",
                 data={"screening_id": row.id})
    audit.record(uow.s, actor, audit.Action.UPDATE, entity="mediation_screening", entity_id=row.id,
                 case_id=case.id, owner_unit_id=case.owner_unit_id,
                 detail={"changes": {"approved_at": [None, row.approved_at.isoformat()]}, "note": note})
    return _view(uow, row)


# --- the gate used by sessions -------------------------------------------------------------------------

def parse_mode(mode: SessionMode | str | None) -> SessionMode:
    try:
        return SessionMode(mode or SessionMode.JOINT)
    except ValueError:
        raise ValidationError("调解方式只能是面对面联合调解或背对背调解。", field="mode") from None


def _cleared_or_refuse(uow: UnitOfWork, case: Case, row: MediationScreening | None) -> MediationScreening:
    if row is None:
        raise WorkflowError(rules.JOINT_REFUSED_NO_SCREENING, code="safety_screening_required")
    reasons = "、".join(row.reasons or ())
    if not row.joint_allowed:
        raise WorkflowError(rules.JOINT_REFUSED_BY_SCREENING.format(reasons=reasons), code="joint_not_advised")
    # The risk may have risen since she was screened: 高 now needs the approval whatever it was then.
    needs = row.needs_approval or latest_risk(uow, case) == "high"
    if needs and row.approved_at is None:
        reasons = reasons or "危险评估为高"
        raise WorkflowError(rules.JOINT_REFUSED_NEEDS_APPROVAL.format(reasons=reasons),
                            code="safety_approval_required")
    return row


def clear_joint_session(uow: UnitOfWork, case: Case, screening_id: str | None) -> MediationScreening | None:
    """For a joint session about to be scheduled: None when the case is not a DV case; otherwise the cleared,
    unused screening of this case (`screening_id`, or the newest unused one), or a WorkflowError."""
    if not dv_case(uow, case):
        return None
    rows = [r for r in _rows(uow, case.id) if r.session_id is None]
    if screening_id:
        row = next((r for r in rows if r.id == screening_id), None)
        if row is None:
            raise WorkflowError("所选安全评估不属于本案或已用于另一次调解，请重新评估。", code="safety_screening_required")
    else:
        row = rows[0] if rows else None
    return _cleared_or_refuse(uow, case, row)


def check_joint_record(uow: UnitOfWork, case: Case, session: MediationSession) -> None:
    """Before a joint session of a DV case is recorded as held: it must have its own cleared screening."""
    if session.mode != SessionMode.JOINT.value or not dv_case(uow, case):
        return
    row = uow.s.execute(select(MediationScreening).where(
        MediationScreening.case_id == case.id, MediationScreening.session_id == session.id,
        MediationScreening.deleted_at.is_(None))).scalars().first()
    _cleared_or_refuse(uow, case, row)


# --- agreement texts ---------------------------------------------------------------------------------

def check_agreement_texts(uow: UnitOfWork, case: Case, texts: Iterable[tuple[str, str | None]],
                          violence_not_a_term: bool) -> bool:
    """Refuse excusing wording (ValidationError naming each place, phrase and reason); in a DV case also the
    missing confirmation. Returns whether the case is a DV case (the agreement then prints the statement)."""
    dv = dv_case(uow, case)
    hits = rules.find_excusing(texts, dv_case=dv)
    if hits:
        raise ValidationError(rules.refusal_message(hits), code="violence_term", field="terms")
    if dv and not violence_not_a_term:
        raise ValidationError("本案涉及家庭暴力：请确认家庭暴力本身不是本协议的条款（协议只处理民事事项，"
                              "不免除、不分担施暴责任，不以任何条件换取受害人放弃保护手段）。",
                              code="violence_confirmation_required", field="violence_not_a_term")
    return dv


__all__ = [
    "SafetyState", "ScreeningView", "approve_screening", "check_agreement_texts", "check_joint_record",
    "clear_joint_session", "dv_case", "latest_risk", "parse_mode", "record_screening", "safety_state",
]

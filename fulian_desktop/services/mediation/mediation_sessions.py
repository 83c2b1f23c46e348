"""Mediation sessions (人民调解法第十七至二十七条): schedule, record (调解笔录), cancel, and a mediator's calendar.

- Scheduling needs an open case (domain.workflow.is_open) whose mediation has not ended, a place, and at least one
  mediator: an active user in the actor's scope whose role may edit cases. Expected parties are parties of the case.
- Recording needs a scheduled session and a complete record (mediation_rules.missing_record_items): otherwise one
  ValidationError naming everything missing. Parties and speakers must be parties of the case.
- An outcome that ends the mediation (调解不成, 当事人撤回, 一方拒绝调解) needs a note (who refused or withdrew, and
  why), puts a "mediation_ended" note on the timeline and cancels the case's other scheduled sessions. From then on
  no session can be scheduled or recorded until `resume_mediation` records a new application (第十七条).
- Violence is not a term of mediation (services/mediation/mediation_safety.py): in a domestic-violence case a JOINT session
  (面对面, the default mode) is scheduled only on a cleared safety screening of the victim, which it then uses up,
  and is recorded only when it has one; SEPARATE sessions (背对背) need none.
- Records are scoped through their case (the case's current owner unit), so a referred case's sessions go with it.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from ...access.cases import load_case, record_event
from ...domain.enums import CaseStatus, PartyRole, Role
from ...domain.errors import ConflictError, NotFound, ValidationError, WorkflowError
from ...domain.localtime import LOCAL_TZ, format_local, local_date
from ...domain.mediation_rules import (
    MEDIATOR_SPEAKER,
    Notice,
    SessionOutcome,
    SessionStatus,
    missing_record_items,
    parse_enum,
)
from ...domain.dv_mediation import SessionMode
from ...domain.workflow import is_open
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import ROLE_PERMISSIONS, Permission, require
from ...store.base import utcnow
from ...store.models import Case, CaseEvent, CaseParty, MediationSession, OrgUnit, Person, UserAccount
from ...store.uow import UnitOfWork
from . import mediation_safety

ENDED, RESUMED = "mediation_ended", "mediation_resumed"
_FUTURE_SLACK = timedelta(minutes=10)


# --- views -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PartyRef:
    id: str            # case_party id
    person_id: str
    name: str
    role: PartyRole
    role_label: str


@dataclass(frozen=True)
class MediatorRef:
    user_id: str
    name: str


@dataclass(frozen=True)
class StatementView:
    speaker: str       # a case_party id, or "mediator"
    speaker_name: str  # the name when recorded (调解员 for the mediator)
    text: str


@dataclass(frozen=True)
class SessionView:
    id: str
    case_id: str
    case_no: str
    case_title: str
    scheduled_at: datetime
    scheduled_text: str            # local time, 2026-09-01 09:30
    place: str
    mediators: tuple[MediatorRef, ...]
    mediator_names: str            # 张调解、李调解
    recorder: str | None
    expected_parties: tuple[PartyRef, ...]
    status: SessionStatus
    status_label: str
    held_at: datetime | None
    parties_present: tuple[PartyRef, ...]
    notices_given: tuple[Notice, ...]
    notice_labels: tuple[str, ...]
    statements: tuple[StatementView, ...]
    outcome: SessionOutcome | None
    outcome_label: str | None
    outcome_note: str | None
    cancel_reason: str | None
    version: int
    mode: SessionMode = SessionMode.JOINT
    mode_label: str = SessionMode.JOINT.label


@dataclass(frozen=True)
class CalendarEntry:
    """One line of a mediator's calendar (no record content)."""

    session_id: str
    case_id: str
    case_no: str
    case_title: str
    unit_name: str
    scheduled_at: datetime
    day: date                      # local date
    time_text: str                 # local 09:30
    place: str
    mediator_names: str
    status: SessionStatus
    status_label: str
    outcome_label: str | None


@dataclass(frozen=True)
class MediationState:
    ended: bool
    since: datetime | None
    note: str | None               # the timeline note that ended (or resumed) it


# --- helpers shared with agreements ------------------------------------------------------------------

def case_parties(uow: UnitOfWork, case_id: str) -> dict[str, PartyRef]:
    """The case's current parties by party id, in the order they were added."""
    rows = uow.s.execute(select(CaseParty, Person).join(Person, Person.id == CaseParty.person_id)
                         .where(CaseParty.case_id == case_id, CaseParty.deleted_at.is_(None))
                         .order_by(CaseParty.created_at)).all()
    return {p.id: PartyRef(p.id, person.id, person.name, PartyRole(p.role), PartyRole(p.role).label)
            for p, person in rows}


def check_parties(parties: Mapping[str, PartyRef], ids: Iterable[str], what: str, field: str) -> list[str]:
    chosen = list(dict.fromkeys(ids or ()))
    unknown = [i for i in chosen if i not in parties]
    if unknown:
        raise ValidationError(f"{what}须为本案当事人（{len(unknown)} 项不是）。", field=field)
    return chosen


def aware(moment: datetime | None, what: str, field: str, *, past: bool = False) -> datetime:
    if not isinstance(moment, datetime):
        raise ValidationError(f"请填写{what}。", field=field)
    if moment.tzinfo is None:
        raise ValidationError(f"{what}须带时区。", field=field)
    if past and moment > utcnow() + _FUTURE_SLACK:
        raise ValidationError(f"{what}不能晚于现在。", field=field)
    return moment


def require_open(case: Case, doing: str) -> None:
    status = CaseStatus(case.status)
    if not is_open(status):
        raise WorkflowError(f"案件当前为“{status.label}”，不能{doing}。", code="case_not_open")


def text_or_none(value: str | None) -> str | None:
    return (value or "").strip() or None


# --- mediation ended / resumed -----------------------------------------------------------------------

def _state(uow: UnitOfWork, case_id: str) -> MediationState:
    last = uow.s.execute(select(CaseEvent).where(CaseEvent.case_id == case_id, CaseEvent.kind.in_((ENDED, RESUMED)))
                         .order_by(CaseEvent.occurred_at.desc(), CaseEvent.created_at.desc()).limit(1)).scalar()
    if last is None:
        return MediationState(False, None, None)
    return MediationState(last.kind == ENDED, last.occurred_at, last.summary)


def mediation_state(uow: UnitOfWork, actor: Actor, case_id: str) -> MediationState:
    require(actor, Permission.CASE_READ)
    load_case(uow, actor, case_id)
    return _state(uow, case_id)


def require_not_ended(uow: UnitOfWork, case: Case) -> None:
    state = _state(uow, case.id)
    if state.ended:
        raise WorkflowError(f"本案调解已终止（{state.note}），不能再安排或记录调解。"
                            "当事人重新申请调解的，请先“恢复调解”。", code="mediation_ended")


def end_mediation(uow: UnitOfWork, actor: Actor, case: Case, summary: str, data: dict[str, Any]) -> None:
    """Mark the case's mediation ended and cancel its other scheduled sessions (used by sessions and outcomes)."""
    if _state(uow, case.id).ended:
        return
    record_event(uow, actor, case, ENDED, summary, data=data)
    for other in list(uow.s.execute(select(MediationSession).where(
            MediationSession.case_id == case.id, MediationSession.status == SessionStatus.SCHEDULED.value,
            MediationSession.deleted_at.is_(None))).scalars()):
        other.status, other.cancel_reason = SessionStatus.CANCELLED.value, "调解已终止"
        uow.flush()
        record_event(uow, actor, case, "mediation_cancelled",
               f"取消调解安排（{format_local(other.scheduled_at)}，{other.place}）：调解已终止",
               data={"session_id": other.id})
        audit.record(uow.s, actor, audit.Action.UPDATE, entity="mediation_session", entity_id=other.id,
                     case_id=case.id, owner_unit_id=case.owner_unit_id,
                     detail={"changes": {"status": ["scheduled", "cancelled"]}, "reason": "mediation_ended"})


def resume_mediation(uow: UnitOfWork, actor: Actor, case_id: str, reason: str) -> MediationState:
    """The parties apply again (第十七条): sessions may be scheduled once more."""
    require(actor, Permission.CASE_EDIT)
    case = load_case(uow, actor, case_id)
    require_open(case, "恢复调解")
    if not _state(uow, case.id).ended:
        raise WorkflowError("本案调解未终止，无需恢复。", code="mediation_not_ended")
    reason = text_or_none(reason)
    if not reason:
        raise ValidationError("请填写恢复调解的理由（如双方当事人重新申请调解）。", field="reason")
    record_event(uow, actor, case, RESUMED, f"恢复调解：{reason}", data={"reason": reason})
    audit.record(uow.s, actor, audit.Action.UPDATE, entity="case", entity_id=case.id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id, detail={"mediation": "resumed"})
    return _state(uow, case.id)


# --- sessions ----------------------------------------------------------------------------------------

def chosen_mediators(uow: UnitOfWork, actor: Actor, mediator_ids: Iterable[str]) -> list[dict[str, str]]:
    chosen = list(dict.fromkeys(mediator_ids or ()))
    if not chosen:
        raise ValidationError("请至少选择一名调解员。", field="mediators")
    result = []
    for uid in chosen:
        user = uow.s.get(UserAccount, uid)
        ok = (user is not None and user.deleted_at is None and user.active
              and (actor.is_system or actor.in_scope(user.owner_unit_id))
              and Permission.CASE_EDIT in ROLE_PERMISSIONS.get(Role(user.role), frozenset()))
        if not ok:
            raise ValidationError("所选调解员不存在、已停用或不在您的管辖范围内。", field="mediators")
        result.append({"user_id": user.id, "name": user.display_name})
    return result


def schedule(uow: UnitOfWork, actor: Actor, case_id: str, scheduled_at: datetime, place: str,
             mediator_ids: Iterable[str], recorder: str | None = None,
             expected_party_ids: Iterable[str] = (), *, mode: SessionMode | str = SessionMode.JOINT,
             screening_id: str | None = None) -> SessionView:
    """`mode`: joint (面对面, the default) or separate (背对背). A joint session of a DV case uses up a cleared
    safety screening (`screening_id`, or the case's newest unused one) or is refused (mediation_safety)."""
    require(actor, Permission.CASE_EDIT)
    case = load_case(uow, actor, case_id)
    require_open(case, "安排调解")
    require_not_ended(uow, case)
    mode = mediation_safety.parse_mode(mode)
    scheduled_at = aware(scheduled_at, "调解时间", "scheduled_at")
    place = text_or_none(place)
    if not place:
        raise ValidationError("请填写调解地点。", field="place")
    mediators = chosen_mediators(uow, actor, mediator_ids)
    parties = case_parties(uow, case.id)
    expected = check_parties(parties, expected_party_ids, "应到当事人", "expected_parties")
    screening = (mediation_safety.clear_joint_session(uow, case, screening_id) if mode == SessionMode.JOINT
                 else None)
    session = MediationSession(case_id=case.id, owner_unit_id=case.owner_unit_id, scheduled_at=scheduled_at,
                               place=place[:200], mediators=mediators, recorder=text_or_none(recorder),
                               expected_parties=expected, status=SessionStatus.SCHEDULED.value, mode=mode.value)
    uow.s.add(session)
    uow.flush()
    if screening is not None:
        screening.session_id = session.id
        uow.flush()
    names = "、".join(m["name"] for m in mediators)
    how = "" if mode == SessionMode.JOINT and screening is None else f"{mode.label}，"
    record_event(uow, actor, case, "mediation_scheduled",
                 f"安排调解：{how}{format_local(scheduled_at)}，{place}，调解员 {names}",
                 data={"session_id": session.id, "mode": mode.value,
                       "screening_id": screening.id if screening is not None else None})
    audit.record(uow.s, actor, audit.Action.CREATE, entity="mediation_session", entity_id=session.id,
                 case_id=case.id, owner_unit_id=case.owner_unit_id,
                 detail={"scheduled_at": scheduled_at.isoformat(), "mediators": [m["user_id"] for m in mediators],
                         "expected_parties": expected, "mode": mode.value,
                         "screening_id": screening.id if screening is not None else None})
    return _view(session, case, parties)


def _load_session(uow: UnitOfWork, actor: Actor, session_id: str) -> tuple[MediationSession, Case]:
    session = uow.s.get(MediationSession, session_id)
    if session is None or session.deleted_at is not None:
        raise NotFound("调解安排不存在。")
    return session, load_case(uow, actor, session.case_id)


def _statements(parties: Mapping[str, PartyRef], statements: Iterable[Any]) -> list[dict[str, str]]:
    result = []
    for item in statements or ():
        speaker, text = (item.get("speaker"), item.get("text")) if isinstance(item, Mapping) else item
        text = (text or "").strip()
        if not text:
            continue
        if speaker == MEDIATOR_SPEAKER:
            name = "调解员"
        elif speaker in parties:
            name = parties[speaker].name
        else:
            raise ValidationError("笔录中的发言人须为本案当事人或调解员。", field="statements")
        result.append({"speaker": speaker, "speaker_name": name, "text": text})
    return result


def record_session(uow: UnitOfWork, actor: Actor, session_id: str, held_at: datetime | None,
                   parties_present: Iterable[str], notices_given: Iterable[str], statements: Iterable[Any],
                   outcome: SessionOutcome | str | None, outcome_note: str | None = None) -> SessionView:
    """Record a held session (调解笔录). `statements`: (speaker, text) pairs or {"speaker", "text"} dicts,
    speaker a party id of the case or "mediator"."""
    require(actor, Permission.CASE_EDIT)
    session, case = _load_session(uow, actor, session_id)
    if session.status == SessionStatus.HELD.value:
        raise ConflictError("该次调解已记录，笔录不能重写。", code="session_held")
    if session.status == SessionStatus.CANCELLED.value:
        raise WorkflowError("该次调解已取消，不能记录。", code="session_cancelled")
    require_open(case, "记录调解")
    require_not_ended(uow, case)
    mediation_safety.check_joint_record(uow, case, session)
    parties = case_parties(uow, case.id)
    present = check_parties(parties, parties_present, "到场当事人", "parties_present")
    notices = [parse_enum(Notice, n, "告知事项", "notices_given") for n in dict.fromkeys(notices_given or ())]
    said = _statements(parties, statements)
    code = parse_enum(SessionOutcome, outcome, "调解结果", "outcome") if outcome else None
    missing = missing_record_items(held_at, present, [n.value for n in notices], said,
                                   code.value if code else None)
    if missing:
        raise ValidationError("调解记录不完整，缺少：" + "、".join(missing) + "。", code="record_incomplete",
                              field="record")
    held_at = aware(held_at, "调解时间", "held_at", past=True)
    note = text_or_none(outcome_note)
    if code.ends_mediation and not note:
        raise ValidationError(f"调解结果为“{code.label}”时须说明情况（如哪一方、因何{code.label}）。",
                              field="outcome_note")
    session.status, session.held_at = SessionStatus.HELD.value, held_at
    session.parties_present, session.notices_given = present, [n.value for n in notices]
    session.statements, session.outcome, session.outcome_note = said, code.value, note
    uow.flush()
    record_event(uow, actor, case, "mediation_held",
           f"调解（{format_local(held_at)}，{session.place}）：{code.label}，到场当事人 "
           + "、".join(parties[p].name for p in present), data={"session_id": session.id, "outcome": code.value})
    audit.record(uow.s, actor, audit.Action.UPDATE, entity="mediation_session", entity_id=session.id,
                 case_id=case.id, owner_unit_id=case.owner_unit_id,
                 detail={"changes": {"status": ["scheduled", "held"]}, "outcome": code.value,
                         "parties_present": present, "notices": session.notices_given, "statements": len(said)})
    if code.ends_mediation:
        basis = "人民调解法第十七条" if code == SessionOutcome.REFUSED else "人民调解法第二十六条"
        end_mediation(uow, actor, case, f"调解终止：{code.label}（{note}；{basis}）",
                      {"session_id": session.id, "outcome": code.value})
    return _view(session, case, parties)


def cancel(uow: UnitOfWork, actor: Actor, session_id: str, reason: str) -> SessionView:
    require(actor, Permission.CASE_EDIT)
    session, case = _load_session(uow, actor, session_id)
    if session.status != SessionStatus.SCHEDULED.value:
        raise WorkflowError(f"该次调解{SessionStatus(session.status).label}，不能取消。", code="session_not_scheduled")
    reason = text_or_none(reason)
    if not reason:
        raise ValidationError("请填写取消原因。", field="reason")
    session.status, session.cancel_reason = SessionStatus.CANCELLED.value, reason[:200]
    uow.flush()
    record_event(uow, actor, case, "mediation_cancelled",
           f"取消调解安排（{format_local(session.scheduled_at)}，{session.place}）：{reason}",
           data={"session_id": session.id})
    audit.record(uow.s, actor, audit.Action.UPDATE, entity="mediation_session", entity_id=session.id,
                 case_id=case.id, owner_unit_id=case.owner_unit_id,
                 detail={"changes": {"status": ["scheduled", "cancelled"]}, "reason": reason})
    return _view(session, case, case_parties(uow, case.id))


# --- reading -----------------------------------------------------------------------------------------

def _ref(parties: Mapping[str, PartyRef], pid: str) -> PartyRef:
    return parties.get(pid) or PartyRef(pid, "", "（已移除的当事人）", PartyRole.OTHER, PartyRole.OTHER.label)


def _view(session: MediationSession, case: Case, parties: Mapping[str, PartyRef]) -> SessionView:
    mediators = tuple(MediatorRef(m["user_id"], m["name"]) for m in session.mediators or ())
    notices = tuple(Notice(n) for n in session.notices_given or ())
    status = SessionStatus(session.status)
    outcome = SessionOutcome(session.outcome) if session.outcome else None
    return SessionView(
        id=session.id, case_id=case.id, case_no=case.case_no, case_title=case.title,
        scheduled_at=session.scheduled_at, scheduled_text=format_local(session.scheduled_at), place=session.place,
        mediators=mediators, mediator_names="、".join(m.name for m in mediators), recorder=session.recorder,
        expected_parties=tuple(_ref(parties, p) for p in session.expected_parties or ()),
        status=status, status_label=status.label, held_at=session.held_at,
        parties_present=tuple(_ref(parties, p) for p in session.parties_present or ()),
        notices_given=notices, notice_labels=tuple(n.label for n in notices),
        statements=tuple(StatementView(s["speaker"], s.get("speaker_name", ""), s["text"])
                         for s in session.statements or ()),
        outcome=outcome, outcome_label=outcome.label if outcome else None, outcome_note=session.outcome_note,
        cancel_reason=session.cancel_reason, version=session.version,
        mode=SessionMode(session.mode or SessionMode.JOINT), mode_label=SessionMode(session.mode or "joint").label)


def get_session(uow: UnitOfWork, actor: Actor, session_id: str) -> SessionView:
    require(actor, Permission.CASE_READ)
    session, case = _load_session(uow, actor, session_id)
    return _view(session, case, case_parties(uow, case.id))


def list_sessions(uow: UnitOfWork, actor: Actor, case_id: str) -> list[SessionView]:
    require(actor, Permission.CASE_READ)
    case = load_case(uow, actor, case_id)
    parties = case_parties(uow, case.id)
    rows = uow.s.execute(select(MediationSession).where(MediationSession.case_id == case.id,
                                                        MediationSession.deleted_at.is_(None))
                         .order_by(MediationSession.scheduled_at, MediationSession.created_at)).scalars()
    return [_view(s, case, parties) for s in rows]


def calendar(uow: UnitOfWork, actor: Actor, mediator_id: str | None = None, date_from: date | None = None,
             date_to: date | None = None, *, all_mediators: bool = False,
             include_cancelled: bool = False) -> list[CalendarEntry]:
    """Sessions of one mediator (default: the actor) across the cases in the actor's scope, between two local
    dates inclusive (default: today and the six days after). `all_mediators` lists every mediator's sessions."""
    require(actor, Permission.CASE_READ)
    date_from = date_from or local_date(utcnow())
    date_to = date_to or date_from + timedelta(days=6)
    if date_to < date_from:
        raise ValidationError("结束日期不能早于开始日期。", field="date_to")
    who = None if all_mediators else (mediator_id or actor.user_id)
    start = datetime.combine(date_from, time(0), tzinfo=LOCAL_TZ)
    end = datetime.combine(date_to + timedelta(days=1), time(0), tzinfo=LOCAL_TZ)
    stmt = (select(MediationSession, Case.case_no, Case.title, OrgUnit.name)
            .join(Case, Case.id == MediationSession.case_id).join(OrgUnit, OrgUnit.id == Case.owner_unit_id)
            .where(MediationSession.scheduled_at >= start, MediationSession.scheduled_at < end,
                   MediationSession.deleted_at.is_(None), Case.deleted_at.is_(None))
            .order_by(MediationSession.scheduled_at, MediationSession.created_at))
    if not (actor.is_system or actor.sees_everything):
        stmt = stmt.where(Case.owner_unit_id.in_(sorted(actor.scope_unit_ids)))
    if not include_cancelled:
        stmt = stmt.where(MediationSession.status != SessionStatus.CANCELLED.value)
    entries = []
    for session, case_no, title, unit_name in uow.s.execute(stmt):
        if who is not None and who not in {m["user_id"] for m in session.mediators or ()}:
            continue
        status = SessionStatus(session.status)
        outcome = SessionOutcome(session.outcome) if session.outcome else None
        entries.append(CalendarEntry(
            session.id, session.case_id, case_no, title, unit_name, session.scheduled_at,
            local_date(session.scheduled_at), format_local(session.scheduled_at)[-5:], session.place,
            "、".join(m["name"] for m in session.mediators or ()), status, status.label,
            outcome.label if outcome else None))
    return entries


# --- choices for forms (read-only) -------------------------------------------------------------------

def case_party_refs(uow: UnitOfWork, actor: Actor, case_id: str) -> list[PartyRef]:
    """The case's current parties (who may be expected, present, speak or sign), in the order they were added."""
    require(actor, Permission.CASE_READ)
    case = load_case(uow, actor, case_id)
    return list(case_parties(uow, case.id).values())


def mediator_choices(uow: UnitOfWork, actor: Actor) -> list[MediatorRef]:
    """Who `schedule` accepts as a mediator for this actor: active users in the actor's scope whose role may edit
    cases (the same test as scheduling), by name."""
    require(actor, Permission.CASE_READ)
    rows = uow.s.execute(select(UserAccount).where(UserAccount.deleted_at.is_(None), UserAccount.active.is_(True))
                         .order_by(UserAccount.display_name, UserAccount.username)).scalars()
    return [MediatorRef(u.id, u.display_name) for u in rows
            if (actor.is_system or actor.in_scope(u.owner_unit_id))
            and Permission.CASE_EDIT in ROLE_PERMISSIONS.get(Role(u.role), frozenset())]

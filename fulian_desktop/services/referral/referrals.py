"""Referrals between tiers (上报 / 交办) and out to agencies (部门转介).

Between tiers
-------------
A case goes up to the parent unit of its owner or down to a direct child (`referral_rules.tier_direction`).
It stays with the sender — same owner, same scope, the receiver cannot open it — until the receiving unit
accepts. On accept the case and everything of it that carries `owner_unit_id` (parties, timeline, clocks,
approval requests, intake records, and persons who appear in no other case or intake) move to the receiver
in the same transaction; the receiver numbers it in its own series (the unique case-number key includes the
owner unit) and the old number stays on the timeline and in the audit log.

Who may do what:
- send: CASE_REFER and the case in the actor's scope; the sending unit is the case's owner unit.
- accept / return: CASE_REFER and the actor's own unit *is* the receiving unit (or the CLI key holder).
  Every other user whose scope includes the receiving unit is the sender or an ancestor of it, and letting
  it accept would defeat the hand-over.
- withdraw: CASE_REFER, the sending unit in the actor's scope, and not a user of the receiving unit.
- read: the case's current owner side sees every referral of the case; a unit that sent a referral (the
  referral's owner) and a unit a tier referral was addressed to keep seeing *that referral* and its history
  — but not the case itself.

Every change is a conditional UPDATE (`... WHERE status IN (allowed sources)`) whose row count decides who
won, so two desks (or two PostgreSQL sessions) acting on one referral cannot both succeed; the loser gets a
ConflictError naming who got there first.

The Referral row keeps the receiver's response (`responded_*`) and the agency's feedback; the full step
history (who withdrew, when, why …) is the case timeline entries carrying the referral's id.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import or_, select, update

from ...access.cases import load_case, record_event
from ...access.disclosure import case_has_marked_party
from ...domain.enums import CaseStatus
from ...domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError, WorkflowError
from ...domain.localtime import format_local
from ...domain.referral_rules import (
    CONTACT_ITEM,
    AgencyStatus,
    AgencyType,
    Consent,
    ReferralKind,
    TierStatus,
    UnitInfo,
    check_shared_items,
    check_transition,
    sources,
    status_label,
    tier_direction,
)
from ...domain.workflow import is_open
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import Permission, can, require
from ...store.base import utcnow
from ...store.models import (
    Agreement,
    AgreementTerm,
    ApprovalRequest,
    Case,
    CaseClock,
    CaseEvent,
    CaseParty,
    CounsellingSession,
    CrisisAction,
    FollowUpVisit,
    IntakeRecord,
    MediationScreening,
    MandatoryReport,
    MediationSession,
    Person,
    ProtectionOrder,
    Referral,
    RiskAssessment,
    SafetyPlan,
    ScreeningEntry,
)
from ...store.uow import UnitOfWork
from .referral_views import (
    EVENT_PREFIX,
    InboxItem,
    ReferralStep,
    ReferralView,
    referral_case,
    full_referral_view,
    load_referral,
    may_see_referral,
    unit_name_of,
    referral_steps,
    unit_infos,
    case_referrals,
    get_referral,
    inbox,
    outbox,
)

__all__ = [
    # views and reading (referral_views)
    "EVENT_PREFIX", "InboxItem", "ReferralStep", "ReferralView", "case_referrals", "get_referral", "inbox", "outbox",
    # changes
    "CASE_RECORDS", "accept", "record_agency_response", "record_feedback", "refer_to_agency", "refer_to_tier",
    "return_referral", "withdraw",
]


# --- helpers ---------------------------------------------------------------------------------------

def _text(value: str | None, what: str, field: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(f"请填写{what}。", field=field)
    return text


def _is_receiver(actor: Actor, referral: Referral) -> bool:
    return actor.is_system or actor.unit_id == referral.to_unit_id


def _handled_message(uow: UnitOfWork, referral: Referral, units: dict[str, UnitInfo]) -> str:
    """Why a referral can no longer be acted on: who moved it, when, to what."""
    label = status_label(referral.kind, referral.status)
    who, when = referral.responded_by_name, referral.responded_at
    if referral.status == TierStatus.ACCEPTED:
        return (f"该转介已由{unit_name_of(units, referral.to_unit_id)}的 {who} 于 {format_local(when)} 接收，"
                "案件已移交该单位。您的操作未执行。")
    if referral.status in (TierStatus.RETURNED, AgencyStatus.REFUSED, AgencyStatus.RECEIVED) and who:
        return f"该转介已由 {who} 于 {format_local(when)} 处理（{label}）。您的操作未执行，请刷新后查看。"
    last = referral_steps(uow, referral.case_id, {referral.id}).get(referral.id, ())
    if last:
        step = last[-1]
        return (f"该转介已由 {step.actor_name or '他人'} 于 {format_local(step.at)} 处理（{label}）。"
                "您的操作未执行，请刷新后查看。")
    return f"该转介当前为“{label}”，已由他人处理。您的操作未执行，请刷新后查看。"


def _move(uow: UnitOfWork, referral: Referral, target: str, units: dict[str, UnitInfo],
          **values: Any) -> None:
    """Change the status only if it is still one `target` may follow — decided by the database row,
    not by what this session read earlier. Exactly one of two racing sessions sees rowcount 1:
    SQLite serialises writers; on PostgreSQL the second UPDATE waits for the first's row lock and
    then re-checks the WHERE against the committed row."""
    allowed_from = sorted(sources(referral.kind, target))
    table = Referral.__table__
    result = uow.s.execute(
        update(table)
        .where(table.c.id == referral.id, table.c.status.in_(allowed_from))
        .values(status=target, version=table.c.version + 1, updated_at=utcnow(), **values))
    uow.s.refresh(referral)  # the row as the database now has it (ours, or the winner's)
    if result.rowcount != 1:
        raise ConflictError(_handled_message(uow, referral, units), code="referral_already_handled")


def _record(uow: UnitOfWork, actor: Actor, case: Case, referral: Referral, kind: str, summary: str,
            action: str, detail: dict[str, Any]) -> None:
    """The timeline entry (on the case, owned by the case's unit) and the audit entry (owned by the
    referral's sending unit) for one change."""
    record_event(uow, actor, case, EVENT_PREFIX + kind, summary,
           data={"referral_id": referral.id, "status": referral.status, **detail})
    audit.record(uow.s, actor, action, entity="referral", entity_id=referral.id, case_id=case.id,
                 owner_unit_id=referral.owner_unit_id, detail={"status": referral.status, **detail})


def _lock_case(uow: UnitOfWork, case: Case) -> None:
    """Re-read the case under a row lock (PostgreSQL; SQLite writers are serialised already), so two
    sessions sending the same case cannot both see "nothing pending"."""
    uow.s.execute(select(Case).where(Case.id == case.id).with_for_update()
                  .execution_options(populate_existing=True)).scalar_one()


def _open_case_check(case: Case, what: str) -> None:
    if not is_open(CaseStatus(case.status)):
        raise WorkflowError(f"案件当前为“{CaseStatus(case.status).label}”，已办结，不能{what}。如需继续办理，请先“重新办理”。",
                            code="case_not_open")


# --- between tiers ---------------------------------------------------------------------------------

def refer_to_tier(uow: UnitOfWork, actor: Actor, case_id: str, to_unit_id: str, reason: str) -> ReferralView:
    """Escalate to the parent unit or assign to a direct child; the case stays with the sender until accepted."""
    require(actor, Permission.CASE_REFER)
    case = load_case(uow, actor, case_id)
    reason = _text(reason, "转介理由", "reason")
    units = unit_infos(uow)
    if to_unit_id not in units:
        raise NotFound("接收单位不存在。", field="to_unit")
    _lock_case(uow, case)
    _open_case_check(case, "转介")
    direction = tier_direction(units, case.owner_unit_id, to_unit_id)
    pending = uow.s.execute(select(Referral).where(
        Referral.case_id == case.id, Referral.kind == ReferralKind.TIER.value,
        Referral.status == TierStatus.PENDING.value, Referral.deleted_at.is_(None))).scalars().first()
    if pending is not None:
        verb = "上报" if pending.to_unit_id == units[case.owner_unit_id].parent_id else "交办"
        raise WorkflowError(f"该案件已于 {format_local(pending.sent_at)} {verb}给{unit_name_of(units, pending.to_unit_id)}，"
                            "正等待接收。请等对方处理，或先撤回再转介。", code="referral_pending")
    referral = Referral(case_id=case.id, kind=ReferralKind.TIER.value, from_unit_id=case.owner_unit_id,
                        to_unit_id=to_unit_id, status=TierStatus.PENDING.value, reason=reason,
                        consent=Consent.NOT_NEEDED.value, sent_by=actor.user_id, sent_by_name=actor.display_name,
                        sent_at=utcnow(), owner_unit_id=case.owner_unit_id)
    uow.s.add(referral)
    uow.flush()
    _record(uow, actor, case, referral, "sent",
            f"{direction.label}给{units[to_unit_id].name}（待接收）：{reason}", audit.Action.CREATE,
            {"direction": direction.value, "from_unit_id": case.owner_unit_id, "to_unit_id": to_unit_id,
             "reason": reason})
    return full_referral_view(uow, referral, case, units)


def accept(uow: UnitOfWork, actor: Actor, referral_id: str, note: str = "") -> ReferralView:
    """The receiving unit takes the case over: it becomes the owner (the case keeps its number)
    and the accepting user becomes the handler."""
    require(actor, Permission.CASE_REFER)
    referral = load_referral(uow, referral_id)
    case = referral_case(uow, referral)
    units = unit_infos(uow)
    _check_receiver(uow, actor, referral, case, units, TierStatus.ACCEPTED)
    check_transition(ReferralKind.TIER, referral.status, TierStatus.ACCEPTED)
    _open_case_check(case, "接收")
    if case.owner_unit_id != referral.from_unit_id:
        raise ConflictError("案件已不在发送单位名下（可能已被其他转介移交），该转介无法接收。请刷新后查看。",
                            code="referral_stale")
    to_unit = units[referral.to_unit_id]
    now = utcnow()
    note = (note or "").strip()
    _move(uow, referral, TierStatus.ACCEPTED.value, units, responded_by_name=actor.display_name,
          responded_at=now, response_note=note or None)

    # The case and everything hanging off it change owner in this same transaction.
    # The case keeps its number: the agreement, letters and follow-ups already carry it.
    old = {"owner_unit_id": case.owner_unit_id, "tier": case.tier, "handler_id": case.handler_id}
    case.owner_unit_id, case.tier = to_unit.id, to_unit.tier.value
    case.handler_id = actor.user_id
    uow.flush()
    moved = _move_case_records(uow, case, old["owner_unit_id"], to_unit.id, now)
    new = {"owner_unit_id": case.owner_unit_id, "tier": case.tier, "handler_id": case.handler_id}
    direction = "上报" if units[referral.from_unit_id].parent_id == to_unit.id else "交办"
    summary = (f"{to_unit.name}接收{direction}（来自{units[referral.from_unit_id].name}），案件移交{to_unit.name}办理，"
               f"承办人：{actor.display_name}")
    if note:
        summary += f"。说明：{note}"
    _record(uow, actor, case, referral, "accepted", summary, audit.Action.UPDATE,
            {"note": note or None})
    audit.record(uow.s, actor, audit.Action.UPDATE, entity="case", entity_id=case.id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id,
                 detail={"changes": {k: [old[k], new[k]] for k in old if old[k] != new[k]},
                         "referral_id": referral.id, "moved": moved})
    return full_referral_view(uow, referral, case, units)


# Every table whose rows belong to one case (by case_id) and carry the owning unit.
CASE_RECORDS = (CaseParty, CaseEvent, CaseClock, ApprovalRequest, IntakeRecord, MediationSession, Agreement,
                FollowUpVisit, CounsellingSession, RiskAssessment, SafetyPlan, ProtectionOrder, CrisisAction,
                MediationScreening, MandatoryReport)


def _move_case_records(uow: UnitOfWork, case: Case, from_unit: str, to_unit: str, now: datetime) -> dict[str, int]:
    """Every record of the case that carries owner_unit_id follows the case (so scope checks and the
    sync filter stay one query). Persons move only when nothing outside this case refers to them."""
    moved: dict[str, int] = {}
    for model in CASE_RECORDS:
        result = uow.s.execute(update(model).where(model.case_id == case.id, model.owner_unit_id != to_unit)
                               .values(owner_unit_id=to_unit, version=model.version + 1, updated_at=now)
                               .execution_options(synchronize_session="fetch"))
        moved[model.__tablename__] = result.rowcount
    agreements = select(Agreement.id).where(Agreement.case_id == case.id)
    moved["agreement_term"] = uow.s.execute(
        update(AgreementTerm).where(AgreementTerm.agreement_id.in_(agreements), AgreementTerm.owner_unit_id != to_unit)
        .values(owner_unit_id=to_unit, version=AgreementTerm.version + 1, updated_at=now)
        .execution_options(synchronize_session="fetch")).rowcount
    person_ids = set(uow.s.execute(select(CaseParty.person_id).where(CaseParty.case_id == case.id)).scalars())
    shared = set(uow.s.execute(select(CaseParty.person_id).where(
        CaseParty.person_id.in_(person_ids), CaseParty.case_id != case.id,
        CaseParty.deleted_at.is_(None))).scalars()) if person_ids else set()
    shared |= set(uow.s.execute(select(IntakeRecord.person_id).where(
        IntakeRecord.person_id.in_(person_ids),
        or_(IntakeRecord.case_id.is_(None), IntakeRecord.case_id != case.id))).scalars()) if person_ids else set()
    # A person on a village's screening register stays that village's person.
    shared |= set(uow.s.execute(select(ScreeningEntry.person_id).where(
        ScreeningEntry.person_id.in_(person_ids))).scalars()) if person_ids else set()
    only_here = sorted(person_ids - shared)
    if only_here:
        result = uow.s.execute(update(Person).where(Person.id.in_(only_here), Person.owner_unit_id == from_unit)
                               .values(owner_unit_id=to_unit, version=Person.version + 1, updated_at=now)
                               .execution_options(synchronize_session="fetch"))
        moved["person"] = result.rowcount
    return moved


def return_referral(uow: UnitOfWork, actor: Actor, referral_id: str, reason: str) -> ReferralView:
    """The receiving unit sends it back, with a reason; the case stays with the sender."""
    require(actor, Permission.CASE_REFER)
    reason = _text(reason, "退回理由", "reason")
    referral = load_referral(uow, referral_id)
    case = referral_case(uow, referral)
    units = unit_infos(uow)
    _check_receiver(uow, actor, referral, case, units, TierStatus.RETURNED)
    check_transition(ReferralKind.TIER, referral.status, TierStatus.RETURNED, reason)
    _move(uow, referral, TierStatus.RETURNED.value, units, responded_by_name=actor.display_name,
          responded_at=utcnow(), response_note=reason)
    _record(uow, actor, case, referral, "returned",
            f"{unit_name_of(units, referral.to_unit_id)}退回转介，案件仍由{unit_name_of(units, referral.from_unit_id)}办理：{reason}",
            audit.Action.UPDATE, {"reason": reason})
    return full_referral_view(uow, referral, case, units)


def withdraw(uow: UnitOfWork, actor: Actor, referral_id: str, reason: str) -> ReferralView:
    """The sender takes a referral back: a tier referral while it waits, an agency referral until feedback."""
    require(actor, Permission.CASE_REFER)
    reason = _text(reason, "撤回理由", "reason")
    referral = load_referral(uow, referral_id)
    case = referral_case(uow, referral)
    units = unit_infos(uow)
    if not may_see_referral(actor, referral, case.owner_unit_id):
        raise NotFound("转介记录不存在或不在您的管辖范围内。")
    sender_side = actor.is_system or actor.in_scope(referral.from_unit_id)
    if not sender_side or (referral.kind == ReferralKind.TIER and actor.unit_id == referral.to_unit_id
                           and not actor.is_system):
        raise PermissionDenied(f"只有发送单位（{unit_name_of(units, referral.from_unit_id)}）可以撤回该转介"
                               f"{'；接收单位如不接收，请“退回”' if referral.kind == ReferralKind.TIER else ''}。",
                               code="not_sender")
    target = TierStatus.WITHDRAWN if referral.kind == ReferralKind.TIER else AgencyStatus.WITHDRAWN
    _not_handled_yet(uow, referral, target.value, units)
    check_transition(referral.kind, referral.status, target.value, reason)
    _move(uow, referral, target.value, units)
    where = unit_name_of(units, referral.to_unit_id) if referral.kind == ReferralKind.TIER else referral.agency_name
    _record(uow, actor, case, referral, "withdrawn", f"撤回给{where}的转介：{reason}", audit.Action.UPDATE,
            {"reason": reason})
    return full_referral_view(uow, referral, case, units)


def _check_receiver(uow: UnitOfWork, actor: Actor, referral: Referral, case: Case,
                    units: dict[str, UnitInfo], target: TierStatus) -> None:
    if referral.kind != ReferralKind.TIER:
        raise WorkflowError("这是部门转介，请登记对方单位的接收或拒绝。", code="wrong_referral_kind")
    if not _is_receiver(actor, referral):
        if not may_see_referral(actor, referral, case.owner_unit_id):
            raise NotFound("转介记录不存在或不在您的管辖范围内。")
        raise PermissionDenied(f"只有接收单位（{unit_name_of(units, referral.to_unit_id)}）的工作人员可以接收或退回该转介。",
                               code="not_receiver")
    _not_handled_yet(uow, referral, target.value, units)


def _not_handled_yet(uow: UnitOfWork, referral: Referral, target: str, units: dict[str, UnitInfo]) -> None:
    """Someone else already moved it past the point where `target` is possible: a ConflictError naming who.
    (From the first status an impossible step is a misuse instead: check_transition says why.)"""
    if referral.status in sources(referral.kind, target):
        return
    if referral.status not in (TierStatus.PENDING, AgencyStatus.SENT):
        raise ConflictError(_handled_message(uow, referral, units), code="referral_already_handled")


# --- to agencies -----------------------------------------------------------------------------------

def refer_to_agency(uow: UnitOfWork, actor: Actor, case_id: str, agency_type: AgencyType | str, agency_name: str,
                    reason: str, shared_items: list[str], consent: str | None,
                    consent_note: str | None = None) -> ReferralView:
    """Send to 法律援助中心, 公安, 法院 …: with the person's consent, or a supervisor's recorded override."""
    require(actor, Permission.CASE_REFER)
    case = load_case(uow, actor, case_id)
    try:
        agency = AgencyType(agency_type)
    except ValueError:
        raise ValidationError("请选择转介的部门类别。", field="agency_type") from None
    name = _text(agency_name, "接收部门名称", "agency_name")
    reason = _text(reason, "转介理由", "reason")
    items = check_shared_items(shared_items)
    _open_case_check(case, "转介")
    note = (consent_note or "").strip()
    when = format_local(utcnow())
    if consent == Consent.GIVEN:
        recorded = f"当事人同意转介及共享所列内容（{actor.display_name} 于 {when} 登记）" + (f"：{note}" if note else "")
    elif consent == Consent.OVERRIDE:
        if not can(actor, Permission.CASE_APPROVE):
            raise PermissionDenied("未经当事人同意的转介须由督导决定；请先取得当事人同意。", code="consent_override")
        if not note:
            raise ValidationError("未经当事人同意转介，须写明理由（例如当事人无法表达意愿且情况紧急）。",
                                  field="consent_note")
        recorded = f"督导 {actor.display_name} 于 {when} 决定未经当事人同意转介：{note}"
    else:
        raise ValidationError("转介给其他部门须取得当事人同意，请登记同意情况。", field="consent")
    if CONTACT_ITEM in items and case_has_marked_party(uow.s, case.id):
        if consent != Consent.GIVEN:
            raise ValidationError("该案有联系方式保密的当事人：只有当事人本人同意，才能把联系方式共享给其他部门。"
                                  "请取消“联系方式”，或先取得当事人同意。", field="shared_items")
        if not can(actor, Permission.SEE_CONFIDENTIAL):
            require(actor, Permission.SEE_CONFIDENTIAL)  # may not share what it may not see
    referral = Referral(case_id=case.id, kind=ReferralKind.AGENCY.value, from_unit_id=case.owner_unit_id,
                        agency_type=agency.value, agency_name=name, status=AgencyStatus.SENT.value, reason=reason,
                        consent=Consent(consent).value, consent_note=recorded, shared_items=list(items),
                        sent_by=actor.user_id, sent_by_name=actor.display_name, sent_at=utcnow(),
                        owner_unit_id=case.owner_unit_id)
    uow.s.add(referral)
    uow.flush()
    consent_text = "当事人同意" if consent == Consent.GIVEN else "督导决定免于同意"
    _record(uow, actor, case, referral, "sent",
            f"转介至{name}（{agency.label}）：{reason}；共享：{'、'.join(items)}；{consent_text}",
            audit.Action.CREATE, {"agency_type": agency.value, "agency_name": name, "reason": reason,
                                  "shared_items": list(items), "consent": referral.consent})
    return full_referral_view(uow, referral, case)


def _load_agency_referral(uow: UnitOfWork, actor: Actor, referral_id: str) -> tuple[Referral, Case]:
    require(actor, Permission.CASE_REFER)
    referral = load_referral(uow, referral_id)
    case = referral_case(uow, referral)
    if not (actor.is_system or actor.in_scope(referral.owner_unit_id) or actor.in_scope(case.owner_unit_id)):
        raise NotFound("转介记录不存在或不在您的管辖范围内。")
    if referral.kind != ReferralKind.AGENCY:
        raise WorkflowError("这是层级转介，由接收单位在系统中接收或退回。", code="wrong_referral_kind")
    return referral, case


def record_agency_response(uow: UnitOfWork, actor: Actor, referral_id: str, status: AgencyStatus | str,
                           note: str = "", *, contact: str | None = None,
                           at: datetime | None = None) -> ReferralView:
    """The agency received (已接收) or refused (已拒绝, with its reason). `contact` is who answered there
    (default: the user recording it); `at` when they answered (default now), for the response time."""
    referral, case = _load_agency_referral(uow, actor, referral_id)
    try:
        target = AgencyStatus(status)
    except ValueError:
        raise ValidationError("请选择对方单位的答复（已接收或已拒绝）。", field="status") from None
    if target not in (AgencyStatus.RECEIVED, AgencyStatus.REFUSED):
        raise ValidationError("对方单位的答复只能是“已接收”或“已拒绝”；反馈请用“登记反馈”。", field="status")
    note = (note or "").strip()
    units = unit_infos(uow)
    _not_handled_yet(uow, referral, target.value, units)
    check_transition(ReferralKind.AGENCY, referral.status, target.value, note)
    now = utcnow()
    when = at or now
    if when.tzinfo is None:
        raise ValidationError("答复时间须带时区。", field="at")
    if when > now or when < referral.sent_at:
        raise ValidationError("答复时间须在发送之后、现在之前。", field="at")
    who = (contact or "").strip() or actor.display_name
    _move(uow, referral, target.value, units, responded_by_name=who, responded_at=when,
          response_note=note or None)
    hours = (when - referral.sent_at).total_seconds() / 3600
    _record(uow, actor, case, referral, target.value,
            f"{referral.agency_name}{target.label}转介（答复人：{who}，用时 {hours:.1f} 小时）" + (f"：{note}" if note else ""),
            audit.Action.UPDATE, {"note": note or None, "responded_by": who, "responded_at": when.isoformat()})
    return full_referral_view(uow, referral, case, units)


def record_feedback(uow: UnitOfWork, actor: Actor, referral_id: str, feedback: str) -> ReferralView:
    """What the agency did with it (legal-aid decision, police warning letter, shelter placement …)."""
    referral, case = _load_agency_referral(uow, actor, referral_id)
    feedback = _text(feedback, "反馈内容", "feedback")
    units = unit_infos(uow)
    _not_handled_yet(uow, referral, AgencyStatus.FEEDBACK.value, units)
    check_transition(ReferralKind.AGENCY, referral.status, AgencyStatus.FEEDBACK.value, feedback)
    _move(uow, referral, AgencyStatus.FEEDBACK.value, units, feedback=feedback)
    _record(uow, actor, case, referral, "feedback", f"{referral.agency_name}反馈：{feedback}", audit.Action.UPDATE,
            {"feedback": feedback})
    return full_referral_view(uow, referral, case, units)

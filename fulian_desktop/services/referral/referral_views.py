"""Referral views and reading: case_referrals, get_referral, inbox, outbox (see ``referrals``)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select

from ...domain.enums import Tier
from ...domain.errors import NotFound, PermissionDenied
from ...domain.referral_rules import (
    AgencyStatus,
    AgencyType,
    Consent,
    ReferralKind,
    TierDirection,
    TierStatus,
    UnitInfo,
    status_label,
)
from ...security.actor import Actor
from ...security.permissions import Permission, require
from ...store.models import Case, CaseEvent, OrgUnit, Referral
from ...store.uow import UnitOfWork

_OUT_OF_SCOPE = "该案件不存在或不在您的管辖范围内。"
EVENT_PREFIX = "referral_"


# --- views -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReferralStep:
    """One entry of a referral's history (from the case timeline)."""

    at: datetime
    actor_name: str | None
    kind: str            # referral_sent, referral_accepted …
    summary: str


@dataclass(frozen=True)
class ReferralView:
    id: str
    kind: ReferralKind
    kind_label: str
    case_id: str
    case_no: str                    # the case's current number
    case_title: str
    from_unit_id: str
    from_unit_name: str
    to_unit_id: str | None          # tier referrals
    to_unit_name: str | None
    direction: TierDirection | None
    direction_label: str            # 上报 / 交办 / 转介
    agency_type: AgencyType | None  # agency referrals
    agency_type_label: str | None
    agency_name: str | None
    status: str
    status_label: str
    reason: str
    consent: str | None
    consent_label: str | None
    consent_note: str | None
    shared_items: tuple[str, ...]
    sent_by_name: str
    sent_at: datetime
    responded_by_name: str | None
    responded_at: datetime | None
    response_note: str | None
    feedback: str | None
    version: int
    history: tuple[ReferralStep, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.status in (TierStatus.PENDING, AgencyStatus.SENT, AgencyStatus.RECEIVED)

    @property
    def response_time(self) -> timedelta | None:
        """From sending to the receiver's answer (accept / return, or the agency's receipt / refusal)."""
        return self.responded_at - self.sent_at if self.responded_at else None


@dataclass(frozen=True)
class InboxItem:
    """A tier referral waiting to be accepted. Only what the receiver may see before it accepts:
    no parties, no contacts, no timeline."""

    referral_id: str
    case_id: str
    case_no: str
    case_title: str
    direction: TierDirection
    direction_label: str
    from_unit_id: str
    from_unit_name: str
    to_unit_id: str
    to_unit_name: str
    reason: str
    sent_at: datetime
    sent_by_name: str
    can_accept: bool     # False: in the actor's scope for oversight, but addressed to another unit


# --- helpers ---------------------------------------------------------------------------------------

def unit_infos(uow: UnitOfWork) -> dict[str, UnitInfo]:
    return {r.id: UnitInfo(r.id, r.name, Tier(r.tier), r.parent_id)
            for r in uow.s.execute(select(OrgUnit.id, OrgUnit.name, OrgUnit.tier, OrgUnit.parent_id)
                                   .where(OrgUnit.deleted_at.is_(None)))}


def unit_name_of(units: dict[str, UnitInfo], unit_id: str | None) -> str | None:
    if unit_id is None:
        return None
    unit = units.get(unit_id)
    return unit.name if unit else "（已撤销的单位）"


def load_referral(uow: UnitOfWork, referral_id: str) -> Referral:
    referral = uow.s.get(Referral, referral_id)
    if referral is None or referral.deleted_at is not None:
        raise NotFound("转介记录不存在。")
    return referral


def referral_case(uow: UnitOfWork, referral: Referral) -> Case:
    case = uow.s.get(Case, referral.case_id)
    if case is None or case.deleted_at is not None:
        raise NotFound("转介的案件不存在或已删除。")
    return case


def may_see_referral(actor: Actor, referral: Referral, case_owner: str) -> bool:
    if actor.is_system or actor.in_scope(case_owner) or actor.in_scope(referral.owner_unit_id):
        return True
    return referral.kind == ReferralKind.TIER and actor.in_scope(referral.to_unit_id)


def referral_steps(uow: UnitOfWork, case_id: str, referral_ids: set[str]) -> dict[str, tuple[ReferralStep, ...]]:
    found: dict[str, list[ReferralStep]] = {}
    if not referral_ids:
        return {}
    rows = uow.s.execute(select(CaseEvent).where(CaseEvent.case_id == case_id,
                                                 CaseEvent.kind.like(EVENT_PREFIX + "%"))
                         .order_by(CaseEvent.occurred_at, CaseEvent.created_at)).scalars()
    for event in rows:
        rid = (event.data or {}).get("referral_id")
        if rid in referral_ids:
            found.setdefault(rid, []).append(ReferralStep(event.occurred_at, event.actor_name, event.kind,
                                                          event.summary))
    return {k: tuple(v) for k, v in found.items()}


def _view(r: Referral, case: Case, units: dict[str, UnitInfo],
          history: tuple[ReferralStep, ...] = ()) -> ReferralView:
    kind = ReferralKind(r.kind)
    direction = None
    if kind == ReferralKind.TIER and r.to_unit_id in units and r.from_unit_id in units:
        direction = (TierDirection.ESCALATE if units[r.from_unit_id].parent_id == r.to_unit_id
                     else TierDirection.ASSIGN)
    agency = AgencyType(r.agency_type) if r.agency_type else None
    consent = Consent(r.consent) if r.consent in {c.value for c in Consent} else None
    return ReferralView(
        id=r.id, kind=kind, kind_label=kind.label, case_id=r.case_id, case_no=case.case_no, case_title=case.title,
        from_unit_id=r.from_unit_id, from_unit_name=unit_name_of(units, r.from_unit_id) or "",
        to_unit_id=r.to_unit_id, to_unit_name=unit_name_of(units, r.to_unit_id), direction=direction,
        direction_label=direction.label if direction else "转介", agency_type=agency,
        agency_type_label=agency.label if agency else None, agency_name=r.agency_name, status=r.status,
        status_label=status_label(kind, r.status), reason=r.reason, consent=r.consent,
        consent_label=consent.label if consent else None, consent_note=r.consent_note,
        shared_items=tuple(r.shared_items or ()), sent_by_name=r.sent_by_name, sent_at=r.sent_at,
        responded_by_name=r.responded_by_name, responded_at=r.responded_at, response_note=r.response_note,
        feedback=r.feedback, version=r.version, history=history)


def full_referral_view(uow: UnitOfWork, r: Referral, case: Case, units: dict[str, UnitInfo] | None = None) -> ReferralView:
    uow.flush()
    return _view(r, case, units or unit_infos(uow), referral_steps(uow, case.id, {r.id}).get(r.id, ()))


# --- reading ---------------------------------------------------------------------------------------

def case_referrals(uow: UnitOfWork, actor: Actor, case_id: str) -> list[ReferralView]:
    """A case's referrals, oldest first, each with its history. The case's owner side sees them all; a unit
    that sent a referral, or a tier referral's receiver, sees those referrals (not the case)."""
    require(actor, Permission.CASE_READ)
    case = uow.s.get(Case, case_id)
    if case is None or case.deleted_at is not None:
        raise NotFound(_OUT_OF_SCOPE)
    rows = [r for r in uow.s.execute(select(Referral).where(Referral.case_id == case_id,
                                                            Referral.deleted_at.is_(None))
                                     .order_by(Referral.sent_at, Referral.created_at)).scalars()
            if may_see_referral(actor, r, case.owner_unit_id)]
    if not rows and not (actor.is_system or actor.in_scope(case.owner_unit_id)):
        raise PermissionDenied(_OUT_OF_SCOPE, code="out_of_scope")
    units = unit_infos(uow)
    steps = referral_steps(uow, case.id, {r.id for r in rows})
    return [_view(r, case, units, steps.get(r.id, ())) for r in rows]


def get_referral(uow: UnitOfWork, actor: Actor, referral_id: str) -> ReferralView:
    require(actor, Permission.CASE_READ)
    referral = load_referral(uow, referral_id)
    case = referral_case(uow, referral)
    if not may_see_referral(actor, referral, case.owner_unit_id):
        raise NotFound("转介记录不存在或不在您的管辖范围内。")
    return full_referral_view(uow, referral, case)


def _in_scope_clause(actor: Actor, column):  # noqa: ANN001, ANN202
    if actor.is_system or actor.sees_everything:
        return column.is_not(None)
    return column.in_(sorted(actor.scope_unit_ids))


def inbox(uow: UnitOfWork, actor: Actor) -> list[InboxItem]:
    """Tier referrals waiting for a unit in the actor's scope (not the ones its own unit sent), oldest first.
    `can_accept` marks those addressed to the actor's own unit."""
    require(actor, Permission.CASE_READ)
    units = unit_infos(uow)
    rows = uow.s.execute(
        select(Referral.id, Referral.case_id, Case.case_no, Case.title, Referral.from_unit_id, Referral.to_unit_id,
               Referral.reason, Referral.sent_at, Referral.sent_by_name)
        .join(Case, Case.id == Referral.case_id)
        .where(Referral.kind == ReferralKind.TIER.value, Referral.status == TierStatus.PENDING.value,
               Referral.deleted_at.is_(None), Case.deleted_at.is_(None),
               _in_scope_clause(actor, Referral.to_unit_id), Referral.from_unit_id != actor.unit_id)
        .order_by(Referral.sent_at, Referral.id))
    items = []
    for rid, case_id, case_no, title, from_id, to_id, reason, sent_at, sent_by in rows:
        direction = TierDirection.ESCALATE if units[from_id].parent_id == to_id else TierDirection.ASSIGN
        items.append(InboxItem(rid, case_id, case_no, title, direction, direction.label, from_id,
                               unit_name_of(units, from_id) or "", to_id, unit_name_of(units, to_id) or "", reason, sent_at,
                               sent_by, actor.is_system or to_id == actor.unit_id))
    return items


def outbox(uow: UnitOfWork, actor: Actor, *, open_only: bool = False) -> list[ReferralView]:
    """Referrals sent by units in the actor's scope (tier and agency), newest first — except tier referrals
    addressed to the actor's own unit, which are its inbox."""
    require(actor, Permission.CASE_READ)
    stmt = (select(Referral, Case).join(Case, Case.id == Referral.case_id)
            .where(Referral.deleted_at.is_(None), Case.deleted_at.is_(None),
                   _in_scope_clause(actor, Referral.from_unit_id),
                   or_(Referral.to_unit_id.is_(None), Referral.to_unit_id != actor.unit_id))
            .order_by(Referral.sent_at.desc(), Referral.id))
    if open_only:
        stmt = stmt.where(Referral.status.in_([TierStatus.PENDING.value, AgencyStatus.SENT.value,
                                               AgencyStatus.RECEIVED.value]))
    units = unit_infos(uow)
    pairs = [(r, c) for r, c in uow.s.execute(stmt)]
    by_case: dict[str, set[str]] = {}
    for r, _case in pairs:
        by_case.setdefault(r.case_id, set()).add(r.id)
    steps: dict[str, tuple[ReferralStep, ...]] = {}
    for case_id, ids in by_case.items():
        steps.update(referral_steps(uow, case_id, ids))
    return [_view(r, case, units, steps.get(r.id, ())) for r, case in pairs]

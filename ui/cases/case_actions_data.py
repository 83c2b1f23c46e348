"""What the case screen shows besides the case itself, read in one unit of work off the UI thread:
its clocks, pending approvals, referrals and intake records."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fulian_desktop.security.actor import Actor
from fulian_desktop.services.clocks import clocks
from fulian_desktop.services.intake import intake
from fulian_desktop.services.referral import referrals
from fulian_desktop.services.cases import workflow
from fulian_desktop.services.clocks.clocks import ClockView
from fulian_desktop.services.intake.intake import IntakeView
from fulian_desktop.services.referral.referrals import ReferralView
from fulian_desktop.services.cases.workflow import ApprovalView
from fulian_desktop.store.uow import UnitOfWork


@dataclass(frozen=True)
class CaseExtras:
    clocks: tuple[ClockView, ...]
    approvals: tuple[ApprovalView, ...]   # pending only, oldest first
    referrals: tuple[ReferralView, ...]
    intakes: tuple[IntakeView, ...]


def load_extras(uow: UnitOfWork, actor: Actor, case_id: str) -> CaseExtras:
    pending = workflow.list_approvals(uow, actor, case_id=case_id, pending_only=True)
    return CaseExtras(
        clocks=tuple(clocks.case_clocks(uow, actor, case_id)),
        approvals=tuple(sorted(pending, key=lambda a: a.requested_at)),
        referrals=tuple(referrals.case_referrals(uow, actor, case_id)),
        intakes=tuple(intake.case_intakes(uow, actor, case_id)),
    )


def load_clocks(uow: UnitOfWork, actor: Actor, case_id: str, now: datetime | None = None) -> tuple[ClockView, ...]:
    return tuple(clocks.case_clocks(uow, actor, case_id, now))

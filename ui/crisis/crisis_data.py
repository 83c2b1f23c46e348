"""What the 危机干预 tab reads, in one unit of work each (run off the UI thread through the session).

`load_crisis` reads the assessments (an audited read, so the session must run it with `write`), the
action log, the protection orders and the case's row (for its status and major-incident flag).
`load_plan` reads the safety plan (audited, and only for users allowed to see confidential details):
it is read only when its sub-tab is opened, so opening a case does not record a view of the plan.
"""
from __future__ import annotations

from dataclasses import dataclass

from fulian_desktop.domain.workflow import is_open
from fulian_desktop.security.permissions import Permission, can
from fulian_desktop.services.cases import case_queries
from fulian_desktop.services.crisis import crisis
from fulian_desktop.services.crisis import protection_orders as po
from fulian_desktop.services.crisis.crisis import ActionView, AssessmentView, SafetyPlanView
from fulian_desktop.services.crisis.protection_orders import OrderView
from fulian_desktop.services.cases.views import CaseRow


@dataclass(frozen=True)
class CrisisData:
    case: CaseRow | None
    assessments: tuple[AssessmentView, ...]     # oldest first
    actions: tuple[ActionView, ...]             # oldest first
    orders: tuple[OrderView, ...]               # oldest application first

    @property
    def case_open(self) -> bool:
        return self.case is not None and is_open(self.case.status)

    @property
    def latest(self) -> AssessmentView | None:
        return self.assessments[-1] if self.assessments else None


def load_crisis(uow, actor, case_id: str) -> CrisisData:  # noqa: ANN001
    rows = case_queries.fetch_case_rows(uow, actor, [case_id])
    return CrisisData(case=rows[0] if rows else None,
                      assessments=tuple(crisis.assessments(uow, actor, case_id)),
                      actions=tuple(crisis.actions(uow, actor, case_id)),
                      orders=tuple(po.order_status(uow, actor, case_id)))


@dataclass(frozen=True)
class PlanData:
    allowed: bool                   # False: the actor may not see the plan (nothing was read)
    plan: SafetyPlanView | None


def load_plan(uow, actor, case_id: str) -> PlanData:  # noqa: ANN001
    if not can(actor, Permission.SEE_CONFIDENTIAL):
        return PlanData(False, None)
    return PlanData(True, crisis.get_safety_plan(uow, actor, case_id))

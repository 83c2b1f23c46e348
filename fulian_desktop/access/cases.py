"""Loading a case within the actor's scope, writing its timeline, and checking the version a form was
opened at: the three things every service that touches a case does first, in one public place. The case
list's row shape and scope filter for many cases are beside it (access/case_rows.py).

A case out of scope reads exactly like a case that does not exist, so a village cannot learn that
another village's case is there."""
from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, true

from ..domain.errors import ConflictError, NotFound
from ..security.actor import Actor
from ..security.permissions import require_scope
from ..store.models import Case, CaseEvent
from ..store.uow import UnitOfWork


def load_case(uow: UnitOfWork, actor: Actor, case_id: str) -> Case:
    """The live case, if it is within the actor's scope; else NotFound / PermissionDenied with the same text."""
    case = uow.s.get(Case, case_id)
    if case is None or case.deleted_at is not None:
        raise NotFound("案件不存在或不在您的管辖范围内。")
    require_scope(actor, case.owner_unit_id, "该案件")
    return case


def in_scope(actor: Actor, owner_unit: Any) -> ColumnElement[bool]:
    """The SQL condition for rows owned (`owner_unit`, a unit id column) by a unit in the actor's scope: every
    unit for the district and the system, else the actor's subtree. Lists of cases built from any other table
    (a statistic's cohort, a chart's bar) pass through it, as `load_case` does for one case."""
    if actor.is_system or actor.sees_everything:
        return true()
    condition: ColumnElement[bool] = owner_unit.in_(sorted(actor.scope_unit_ids))
    return condition


def case_in_scope(uow: UnitOfWork, actor: Actor, case_id: str) -> Case | None:
    """The live case if it is within the actor's scope, else None — for work that passes over a case it may not
    see (a batch, a person's other cases) instead of refusing; never tells an unseen case from a missing one."""
    case = uow.s.get(Case, case_id)
    if case is None or case.deleted_at is not None or not (actor.is_system or actor.in_scope(case.owner_unit_id)):
        return None
    return case


def record_event(uow: UnitOfWork, actor: Actor, case: Case, kind: str, summary: str,
                 data: dict[str, Any] | None = None) -> None:
    """One line of the case's timeline, owned by the case's unit (so it travels where the case does)."""
    uow.s.add(CaseEvent(case_id=case.id, kind=kind, summary=summary, actor_id=actor.user_id,
                        actor_name=actor.display_name, owner_unit_id=case.owner_unit_id, data=data))


def check_version(current: int, expected: int | None, what: str) -> None:
    """Refuse a save made on a stale copy: the user's input is kept and they are told to compare."""
    if expected is not None and current != expected:
        raise ConflictError(f"{what}已被其他用户修改（您打开的是第 {expected} 版，现为第 {current} 版）。"
                            "您的输入已保留，请核对后再保存。")

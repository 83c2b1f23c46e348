"""The case list's row shape and scope filter, shared by the list, search, review, counselling and the clock
to-dos: which cases an actor may list is a rule of case access, so it lives here beside `load_case`.

One SELECT builds every `CaseRow` (built once: the aliased join costs more to construct than to run), and
`scoped` limits any statement over `Case` to the actor's units and to live cases."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from ..domain.enums import CaseKind, CaseStatus, Tier
from ..security.actor import Actor
from ..store.models import Case, OrgUnit, UserAccount
from .cases import in_scope


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list."""

    id: str
    case_no: str
    title: str
    kind: CaseKind
    status: CaseStatus
    tier: Tier
    category: str | None
    unit_id: str
    unit_name: str
    handler_name: str | None
    opened_at: datetime
    major_incident: bool
    domestic_violence: bool
    involves_minor: bool
    applicant: str | None = None

_Stmt = TypeVar("_Stmt", bound="Select[*tuple[Any, ...]]")


def scoped(actor: Actor, stmt: _Stmt) -> _Stmt:
    """Only live cases of the actor's units (everything for the district and the key holder)."""
    stmt = stmt.where(Case.deleted_at.is_(None))
    if actor.is_system or actor.sees_everything:
        return stmt
    return stmt.where(in_scope(actor, Case.owner_unit_id))


_HANDLER = aliased(UserAccount)
CASE_ROW_SELECT = (select(Case.id, Case.case_no, Case.title, Case.kind, Case.status, Case.tier, Case.category,
                          Case.owner_unit_id, OrgUnit.name, _HANDLER.display_name, Case.opened_at,
                          Case.major_incident, Case.domestic_violence, Case.involves_minor)
                   .join(OrgUnit, OrgUnit.id == Case.owner_unit_id)
                   .outerjoin(_HANDLER, _HANDLER.id == Case.handler_id))


def case_row(r: Any) -> CaseRow:
    """A row of CASE_ROW_SELECT as the view the screens show."""
    return CaseRow(id=r[0], case_no=r[1], title=r[2], kind=CaseKind(r[3]), status=CaseStatus(r[4]), tier=Tier(r[5]),
                   category=r[6], unit_id=r[7], unit_name=r[8], handler_name=r[9], opened_at=r[10],
                   major_incident=bool(r[11]), domestic_violence=bool(r[12]), involves_minor=bool(r[13]))

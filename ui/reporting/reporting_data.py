"""What the 上报 page shows for a month, loaded in one unit of work off the UI thread."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fulian_desktop.domain.errors import FulianError
from fulian_desktop.security.actor import Actor
from fulian_desktop.services.reporting import board, reports
from fulian_desktop.services.reporting.board import BoardRow, Consolidated
from fulian_desktop.services.reporting.reports import ReportView
from fulian_desktop.store.models import OrgUnit
from fulian_desktop.store.uow import UnitOfWork

from ..errors import error_text


@dataclass(frozen=True)
class ReportingData:
    period: str
    due: date
    own: ReportView | None              # None: the district (nothing above it to report to)
    below: tuple[BoardRow, ...]
    consolidated: Consolidated | None   # None: no unit below
    consolidation_error: str | None     # why it could not be built (a tampered report), in the core's words


def load_reporting(uow: UnitOfWork, actor: Actor, period: str) -> ReportingData:
    unit = uow.s.get(OrgUnit, actor.unit_id)
    own = reports.unit_report(uow, actor, period) if unit is not None and unit.parent_id is not None else None
    below = tuple(board.board(uow, actor, period))
    total, problem = None, None
    if below:
        try:
            total = board.consolidated(uow, actor, period)
        except FulianError as exc:
            problem = exc
    return ReportingData(period, board.due_date_of(uow, period), own, below, total,
                         error_text(problem, "") if problem is not None else None)

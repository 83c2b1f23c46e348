"""What the mediation tab shows, read in one unit of work off the UI thread: the overview (state, sessions,
agreements, follow-ups, outcome), the case's parties and status, the mediators one may choose, and the running
judicial-confirmation clock. Plus small pure helpers shared by the tab's panels and dialogs."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, QTime

from fulian_desktop.domain import clock
from fulian_desktop.domain.clocks import ClockKind
from fulian_desktop.domain.localtime import LOCAL_TZ, to_local
from fulian_desktop.domain.workflow import is_open
from fulian_desktop.security.actor import Actor
from fulian_desktop.security.permissions import Permission, can
from fulian_desktop.services.clocks import clocks
from fulian_desktop.services.mediation import mediation, mediation_safety
from fulian_desktop.services.cases.case_queries import fetch_case_rows
from fulian_desktop.services.clocks.clocks import ClockView
from fulian_desktop.services.mediation.mediation import MediationOverview
from fulian_desktop.services.mediation.mediation_safety import SafetyState
from fulian_desktop.services.mediation.mediation_sessions import MediatorRef, PartyRef, case_party_refs, mediator_choices
from fulian_desktop.store.uow import UnitOfWork

from ..qdates import from_qdate, to_qdate  # noqa: F401 - re-exported for the mediation screens


@dataclass(frozen=True)
class MediationData:
    overview: MediationOverview
    parties: tuple[PartyRef, ...]
    mediators: tuple[MediatorRef, ...]
    case_open: bool
    confirmation_clocks: tuple[ClockView, ...]   # JUDICIAL_CONFIRMATION clocks of the case
    safety: SafetyState | None = None            # DV case? its screenings before joint sessions


def load_mediation(uow: UnitOfWork, actor: Actor, case_id: str) -> MediationData:
    rows = fetch_case_rows(uow, actor, [case_id])
    return MediationData(
        overview=mediation.mediation_overview(uow, actor, case_id),
        parties=tuple(case_party_refs(uow, actor, case_id)),
        mediators=tuple(mediator_choices(uow, actor)) if can(actor, Permission.CASE_EDIT) else (),
        case_open=bool(rows) and is_open(rows[0].status),
        confirmation_clocks=tuple(c for c in clocks.case_clocks(uow, actor, case_id)
                                  if c.kind == ClockKind.JUDICIAL_CONFIRMATION),
        safety=mediation_safety.safety_state(uow, actor, case_id))


# --- dates between Qt and the core (local China time) ------------------------------------------------

def to_qdatetime(moment: datetime) -> QDateTime:
    local = to_local(moment)
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_qdatetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=LOCAL_TZ)


def now_local() -> datetime:
    return clock.now_local().replace(second=0, microsecond=0)


def local_at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LOCAL_TZ)

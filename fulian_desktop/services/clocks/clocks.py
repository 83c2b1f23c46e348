"""Running statutory clocks on cases: start, pause, extend (with approval), stop, and the tasks they yield."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from ...access.cases import load_case, record_event
from ...domain.clocks import RULES, ClockKind, ClockState, ClockStatus, countdown_text, due, fixed_deadline, status
from ...domain.clocks import request_extension as check_extension
from ...domain.enums import CaseKind, CaseStatus
from ...domain.errors import NotFound, ValidationError, WorkflowError
from ...domain.holiday_notice import HolidayNotice, parse_holiday_notice
from ...domain.localtime import local_date
from ...domain.periods import Deadline, end_of_day
from ...domain.workcalendar import WorkCalendar, format_calendar_lines, parse_calendar_lines
from ...domain.workflow import Transition
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import Permission, require
from ...store.base import utcnow
from ...store.models import CalendarYear as CalendarYearRow
from ...store.models import Case, CaseClock, OrgUnit
from ...store.models_sync import SyncIdentity
from ...store.uow import UnitOfWork

# Which clocks a workflow step starts and stops, by kind of case.
_STARTS: dict[tuple[Transition | None, CaseKind], tuple[ClockKind, ...]] = {
    (None, CaseKind.PETITION): (ClockKind.PETITION_ACCEPTANCE,),       # on registration
    (None, CaseKind.LEGAL_AID): (ClockKind.LEGAL_AID_DECISION,),
    (Transition.ACCEPT, CaseKind.PETITION): (ClockKind.PETITION_CONCLUSION,),
    (Transition.ACCEPT, CaseKind.MEDIATION): (ClockKind.MEDIATION_TARGET,),
}
# Clocks of a task that outlives the case's workflow: closing, rejecting or transferring the case leaves them running.
TASK_CLOCKS = frozenset({ClockKind.MANDATORY_REPORT})
_STOPS: dict[Transition, tuple[ClockKind, ...] | None] = {   # None: every running clock
    Transition.ACCEPT: (ClockKind.PETITION_ACCEPTANCE, ClockKind.LEGAL_AID_DECISION),
    Transition.REJECT: None, Transition.TRANSFER: None, Transition.CLOSE: None, Transition.TERMINATE: None,
}


@dataclass(frozen=True)
class ClockView:
    id: str
    case_id: str
    kind: ClockKind
    label: str
    basis: str
    started_at: datetime
    deadline: Deadline
    status: ClockStatus
    countdown: str
    paused: bool
    paused_days: int
    extended_days: int
    can_extend: bool
    stopped_at: datetime | None
    fixed: bool = False      # the deadline was fixed by someone else (due_override_at), not computed


def _calendar_rows(uow: UnitOfWork) -> list[CalendarYearRow]:
    return list(uow.s.execute(select(CalendarYearRow).where(CalendarYearRow.deleted_at.is_(None))
                              .order_by(CalendarYearRow.year)).scalars())


def _row_days(row: CalendarYearRow) -> dict[date, tuple[bool, str | None]]:
    return {date.fromisoformat(d): (bool(v[0]), v[1] if len(v) > 1 else None) for d, v in (row.days or {}).items()}


def load_calendar(uow: UnitOfWork) -> WorkCalendar:
    """The calendar the clocks count on: the package, plus the years administrators entered or confirmed
    (``calendar_year`` records, synced from the district to every station)."""
    overrides: dict[date, bool] = {}
    declared: set[int] = set()
    for row in _calendar_rows(uow):
        overrides.update({d: w for d, (w, _note) in _row_days(row).items() if d.year == row.year})
        if row.complete:
            declared.add(row.year)
    return WorkCalendar(overrides, declared)


def clock_state(clock: CaseClock, extra_pause_days: int = 0) -> ClockState:
    started = clock.started_at if RULES[ClockKind(clock.kind)].unit == "hours" else local_date(clock.started_at)
    return ClockState(ClockKind(clock.kind), started, clock.paused_days + extra_pause_days, clock.extended_days,
                      clock.urgent)


def _paused_for(clock: CaseClock, now: datetime) -> int:
    """Whole days a clock paused since `paused_since` has stood still so far."""
    if clock.paused_since is None:
        return 0
    return max(0, (local_date(now) - local_date(clock.paused_since)).days)


def _deadline(clock: CaseClock, cal: WorkCalendar, extra_pause_days: int = 0) -> Deadline:
    """The computed deadline, or the one someone else fixed (``due_override_at``), which wins."""
    if clock.due_override_at is not None:
        return fixed_deadline(clock.kind, clock.due_override_at, clock.extended_days, cal)
    return due(clock_state(clock, extra_pause_days), cal)


def clock_view(clock: CaseClock, cal: WorkCalendar, now: datetime) -> ClockView:
    state = clock_state(clock, _paused_for(clock, now))
    deadline = _deadline(clock, cal, _paused_for(clock, now))
    rule = RULES[state.kind]
    return ClockView(clock.id, clock.case_id, state.kind, state.kind.label, state.kind.basis, clock.started_at,
                     deadline, status(deadline, now, warn_days=rule.warn_days, warn_hours=rule.warn_hours),
                     countdown_text(deadline, now),
                     clock.paused_since is not None, state.paused_days, clock.extended_days,
                     bool(rule.max_extension_days) and not clock.extended_days, clock.stopped_at,
                     clock.due_override_at is not None)


def _recompute(clock: CaseClock, cal: WorkCalendar) -> None:
    clock.due_at = _deadline(clock, cal).due_at


def start_clock(uow: UnitOfWork, actor: Actor, case_id: str, kind: ClockKind, *,
                started_at: datetime | None = None, urgent: bool = False) -> ClockView:
    require(actor, Permission.CASE_EDIT)
    case = load_case(uow, actor, case_id)
    return start_clock_on(uow, actor, case, kind, started_at or utcnow(), urgent)


def start_task_clock(uow: UnitOfWork, actor: Actor, case: Case, kind: ClockKind, started_at: datetime) -> ClockView:
    """A clock that belongs to one task of the case (a mandatory report per person at risk): several of the
    same kind may run at once. The caller has checked the permission and loaded the case."""
    return start_clock_on(uow, actor, case, kind, started_at, parallel=True)


def stop_task_clock(uow: UnitOfWork, actor: Actor, case: Case, clock_id: str, note: str,
                    at: datetime | None = None) -> None:
    """Stop a task's clock at ``at`` (when the task was done; now by default): met or missed by that moment."""
    clock = uow.s.get(CaseClock, clock_id)
    if clock is None or clock.case_id != case.id:
        raise NotFound("时限不存在。")
    stop_clock_on(uow, actor, case, clock, note, at)


def start_clock_on(uow: UnitOfWork, actor: Actor, case: Case, kind: ClockKind, started_at: datetime,
                   urgent: bool = False, due_override_at: datetime | None = None, parallel: bool = False) -> ClockView:
    """Start a clock; ``due_override_at`` fixes its deadline (a court's date) instead of computing it."""
    running = [c for c in running_clocks(uow, case.id) if c.kind == kind.value and c.stopped_at is None]
    if running and not parallel:
        raise WorkflowError(f"“{kind.label}”时限已在计时。", code="clock_running")
    clock = CaseClock(case_id=case.id, kind=kind.value, started_at=started_at, urgent=urgent, paused_days=0,
                      extended_days=0, due_override_at=due_override_at,
                      owner_unit_id=case.owner_unit_id)
    cal = load_calendar(uow)
    _recompute(clock, cal)
    uow.s.add(clock)
    uow.flush()
    view = clock_view(clock, cal, utcnow())
    record_event(uow, actor, case, "clock_started", f"开始计时：{kind.label}，{view.countdown}")
    return view


def running_clocks(uow: UnitOfWork, case_id: str) -> list[CaseClock]:
    return list(uow.s.execute(select(CaseClock).where(CaseClock.case_id == case_id, CaseClock.deleted_at.is_(None))
                              .order_by(CaseClock.started_at)).scalars())


def load_clock(uow: UnitOfWork, actor: Actor, clock_id: str) -> tuple[CaseClock, Case]:
    clock = uow.s.get(CaseClock, clock_id)
    if clock is None or clock.deleted_at is not None:
        raise NotFound("时限不存在。")
    return clock, load_case(uow, actor, clock.case_id)


def pause_clock(uow: UnitOfWork, actor: Actor, clock_id: str, reason: str) -> None:
    """Hearing, appraisal or similar time does not count: the clock stands still until resumed."""
    require(actor, Permission.CASE_EDIT)
    clock, case = load_clock(uow, actor, clock_id)
    _refuse_task_clock(clock)
    if clock.stopped_at or clock.paused_since:
        raise WorkflowError("该时限已停止或已暂停。", code="clock_not_running")
    if not (reason or "").strip():
        raise ValidationError("暂停计时须说明理由（如听证、鉴定）。", field="reason")
    clock.paused_since = utcnow()
    record_event(uow, actor, case, "clock_paused", f"暂停计时：{ClockKind(clock.kind).label}（{reason.strip()}）")


def resume_clock(uow: UnitOfWork, actor: Actor, clock_id: str) -> None:
    require(actor, Permission.CASE_EDIT)
    clock, case = load_clock(uow, actor, clock_id)
    if clock.paused_since is None:
        raise WorkflowError("该时限未暂停。", code="clock_not_paused")
    days = _paused_for(clock, utcnow())
    clock.paused_days += days
    clock.paused_since = None
    _recompute(clock, load_calendar(uow))
    record_event(uow, actor, case, "clock_resumed", f"恢复计时：{ClockKind(clock.kind).label}，暂停 {days} 天不计入")


def apply_extension(uow: UnitOfWork, actor: Actor, case: Case, payload: dict) -> None:
    clock = uow.s.get(CaseClock, payload.get("clock_id"))
    if clock is None or clock.case_id != case.id:
        raise NotFound("要延期的时限不存在。")
    state = check_extension(clock_state(clock), int(payload.get("days", 0)))
    clock.extended_days = state.extended_days
    _recompute(clock, load_calendar(uow))
    record_event(uow, actor, case, "clock_extended", f"延期 {clock.extended_days} 天：{ClockKind(clock.kind).label}（经督导批准）")


def fix_deadline(uow: UnitOfWork, actor: Actor, clock_id: str, last_day: date, reason: str) -> ClockView:
    """Someone else fixed this clock's deadline (a court's order that ends early): from now on the clock
    counts down to 24:00 of ``last_day`` instead of the computed date. The reason says who fixed it."""
    require(actor, Permission.CASE_EDIT)
    clock, case = load_clock(uow, actor, clock_id)
    if clock.stopped_at is not None:
        raise WorkflowError("该时限已停止。", code="clock_not_running")
    why = (reason or "").strip()
    if not why:
        raise ValidationError("请说明期限由谁确定（如法院裁定书载明的到期日）。", field="reason")
    if not isinstance(last_day, date) or isinstance(last_day, datetime):
        raise ValidationError("请填写到期日。", field="last_day")
    if last_day < local_date(clock.started_at):
        raise ValidationError("到期日不能早于开始计时的日期。", field="last_day")
    before = clock.due_at
    clock.due_override_at = end_of_day(last_day)
    cal = load_calendar(uow)
    _recompute(clock, cal)
    uow.flush()
    view = clock_view(clock, cal, utcnow())
    record_event(uow, actor, case, "clock_fixed", f"确定期限：{view.label}至 {last_day.isoformat()}（{why[:100]}）",
           data={"clock_id": clock.id, "last_day": last_day.isoformat()})
    audit.record(uow.s, actor, audit.Action.UPDATE, entity="case_clock", entity_id=clock.id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id,
                 detail={"changes": {"due_at": [before.isoformat() if before else None, clock.due_at.isoformat()]},
                         "reason": why})
    return view


def _refuse_task_clock(clock: CaseClock) -> None:
    """A task's clock (a mandatory report: at once) is neither paused nor stopped by hand: only doing the task
    stops it."""
    if ClockKind(clock.kind) in TASK_CLOCKS:
        raise WorkflowError(f"“{ClockKind(clock.kind).label}”须立即办理，不能暂停或手动停止计时；办理后登记即停止。",
                            code="task_clock")


def stop_clock(uow: UnitOfWork, actor: Actor, clock_id: str, note: str = "") -> None:
    require(actor, Permission.CASE_EDIT)
    clock, case = load_clock(uow, actor, clock_id)
    _refuse_task_clock(clock)
    stop_clock_on(uow, actor, case, clock, note or "手动停止")


def stop_clock_on(uow: UnitOfWork, actor: Actor, case: Case, clock: CaseClock, note: str,
                  at: datetime | None = None) -> None:
    if clock.stopped_at is not None:
        return
    now = at or utcnow()
    if clock.paused_since is not None:
        clock.paused_days += _paused_for(clock, now)
        clock.paused_since = None
    clock.stopped_at, clock.stop_note = now, note[:200]
    cal = load_calendar(uow)
    _recompute(clock, cal)   # the pause just ended counts: due_at is what "met" is measured against (statistics)
    view = clock_view(clock, cal, now)
    met = "按时" if now < view.deadline.due_at else "超期"
    record_event(uow, actor, case, "clock_stopped", f"停止计时：{view.label}（{note}，{met}）",
           data={"kind": clock.kind, "met": met == "按时"})


def on_case_created(uow: UnitOfWork, actor: Actor, case: Case) -> None:
    for kind in _STARTS.get((None, CaseKind(case.kind)), ()):
        start_clock_on(uow, actor, case, kind, case.opened_at)


def on_transition(uow: UnitOfWork, actor: Actor, case: Case, step: Transition) -> None:
    stops = _STOPS.get(step, ())
    for clock in running_clocks(uow, case.id):
        if ClockKind(clock.kind) in TASK_CLOCKS:
            continue   # stopped only by doing the task (a mandatory report is owed whatever becomes of the case)
        if clock.stopped_at is None and (stops is None or ClockKind(clock.kind) in stops):
            stop_clock_on(uow, actor, case, clock, step.label)
    if step == Transition.REOPEN:
        return
    for kind in _STARTS.get((step, CaseKind(case.kind)), ()):
        start_clock_on(uow, actor, case, kind, utcnow())


def case_clocks(uow: UnitOfWork, actor: Actor, case_id: str, now: datetime | None = None) -> list[ClockView]:
    require(actor, Permission.CASE_READ)
    load_case(uow, actor, case_id)
    cal, now = load_calendar(uow), now or utcnow()
    return [clock_view(c, cal, now) for c in running_clocks(uow, case_id)]


# --- the working-day calendar an administrator keeps -----------------------------------------------

def calendar_text(uow: UnitOfWork, year: int | None = None) -> str:
    days: dict[date, bool] = {}
    for row in _calendar_rows(uow):
        if year is None or row.year == year:
            days.update({d: w for d, (w, _note) in _row_days(row).items()})
    return format_calendar_lines(days)


@dataclass(frozen=True)
class CalendarYear:
    """Where a year's working days come from: the calendar package, the administrator, the holiday
    regulation (暂定), or nowhere yet."""

    year: int
    in_package: bool     # the bundled chinese_calendar data covers it
    declared: bool       # an administrator declared the entered list complete
    entries: int         # days the administrator entered for this year
    provisional: bool = False  # not known: its statutory holidays are computed from the regulation

    @property
    def known(self) -> bool:
        return self.in_package or self.declared


def calendar_year(uow: UnitOfWork, year: int) -> CalendarYear:
    cal = load_calendar(uow)
    return CalendarYear(year, year in WorkCalendar.package_years(), year in cal.declared_years,
                        sum(d.year == year for d in cal.overrides), cal.year_provisional(year))


def calendar_days(uow: UnitOfWork, year: int) -> dict[date, tuple[bool, str | None]]:
    """The administrator's entries of a year with their notes ("春节", "国庆节调休上班")."""
    row = uow.s.get(CalendarYearRow, calendar_record_id(year))
    return dict(sorted(_row_days(row).items())) if row is not None and row.deleted_at is None else {}


def calendar_record_id(year: int) -> str:
    """One record per year on every store, so the district's confirmation and a station's copy are the same."""
    return f"calendar-{year}"


def _check_entered_here(uow: UnitOfWork) -> None:
    """A station below the district receives the calendar by sync: entering it there would fork it."""
    identity = uow.s.execute(select(SyncIdentity)).scalars().first()
    if identity is None:
        return  # a stand-alone store, or the district before it provisions stations
    unit = uow.s.get(OrgUnit, identity.unit_id)
    if unit is not None and unit.parent_id is not None:
        raise ValidationError("工作日历由区妇联统一确认，经同步下发到各站点；本站点不能修改。", code="calendar_synced")


def _replace_year(uow: UnitOfWork, actor: Actor, year: int, entries: dict[date, tuple[bool, str | None]],
                  complete: bool, source: str | None = None) -> None:
    _check_entered_here(uow)
    days = {d.isoformat(): [w, (note or None) and note[:100]] for d, (w, note) in sorted(entries.items())}
    row = uow.s.get(CalendarYearRow, calendar_record_id(year))
    if row is None:
        uow.s.add(CalendarYearRow(id=calendar_record_id(year), year=year, days=days, complete=complete,
                                  source=source, entered_by=actor.audit_name))
    else:
        row.days, row.complete, row.source, row.entered_by, row.deleted_at = (days, complete, source,
                                                                              actor.audit_name, None)
    uow.flush()


def set_calendar(uow: UnitOfWork, actor: Actor, year: int, text: str, *, complete: bool) -> int:
    """Replace a year's entries from the editable list; `complete` declares the year known.
    Every running clock's deadline is recomputed. Returns how many clocks moved."""
    require(actor, Permission.SETTINGS_MANAGE)
    days = parse_calendar_lines(text)
    wrong = sorted(d for d in days if d.year != year)
    if wrong:
        raise ValidationError(f"{wrong[0].isoformat()} 不属于 {year} 年。", field="calendar")
    before = load_calendar(uow)
    _replace_year(uow, actor, year, {d: (w, None) for d, w in days.items()}, complete)
    audit.record(uow.s, actor, audit.Action.UPDATE, entity="calendar", detail={"year": year, "days": len(days),
                                                                               "complete": complete})
    return recompute_open_clocks(uow, before, actor, f"{year} 年工作日历修改")


def confirm_notice(uow: UnitOfWork, actor: Actor, year: int, text: str) -> tuple[HolidayNotice, int]:
    """Confirm a year from the State Council's notice as pasted: its days off and make-up working days
    become the year's calendar (Monday–Friday for the rest), the year is declared known, the change is
    audited, and every running clock is recomputed, with a case event on each clock it touched.
    Returns the notice read and how many clocks moved. A notice that does not read saves nothing."""
    require(actor, Permission.SETTINGS_MANAGE)
    notice = parse_holiday_notice(text, year)
    before = load_calendar(uow)
    _replace_year(uow, actor, year, notice.entries(), complete=True, source=text.strip()[:20000])
    moved = recompute_open_clocks(uow, before, actor, f"{year} 年放假安排按国务院通知确认")
    audit.record(uow.s, actor, audit.Action.UPDATE, entity="calendar", entity_id=str(year), detail={
        "year": year, "source": "国务院办公厅节假日安排通知", "complete": True,
        "holidays": [[h.name, h.first.isoformat(), h.last.isoformat()] for h in notice.holidays],
        "workdays": [d.isoformat() for d, _name in notice.workdays],
        "warnings": list(notice.warnings), "clocks_moved": moved})
    return notice, moved


def _calendar_mark(deadline: Deadline) -> str:
    if deadline.unknown_years:
        return "（日历未知）"
    return "（暂定）" if deadline.provisional_years else ""


def recompute_open_clocks(uow: UnitOfWork, before: WorkCalendar | None = None, actor: Actor | None = None,
                          why: str = "") -> int:
    """Recompute every running clock on the calendar as stored now; returns how many moved.
    Given the calendar ``before`` the change and who made it, each clock whose last day moved, or was
    暂定 / 日历未知 and no longer is, gets a case event saying so: the change is visible on the case."""
    cal, moved = load_calendar(uow), 0
    running = select(CaseClock).where(CaseClock.stopped_at.is_(None), CaseClock.deleted_at.is_(None))
    for clock in uow.s.execute(running).scalars():
        stored = clock.due_at
        _recompute(clock, cal)
        moved += clock.due_at != stored
        if before is None or actor is None:
            continue
        old, new = _deadline(clock, before), _deadline(clock, cal)
        if new.last_day is None or (old.due_at == new.due_at and (not old.uncertain or new.uncertain)):
            continue
        case = uow.s.get(Case, clock.case_id)
        if case is None or case.deleted_at is not None:
            continue
        label = ClockKind(clock.kind).label
        if old.due_at == new.due_at:
            change = f"到期日 {new.last_day.isoformat()} 已确认，不变"
        else:
            change = f"到期日 {old.last_day.isoformat()}{_calendar_mark(old)} 改为 {new.last_day.isoformat()}"
        record_event(uow, actor, case, "clock_recomputed", f"{why}：{label}{change}{_calendar_mark(new)}",
               data={"clock_id": clock.id, "before": old.last_day.isoformat(), "after": new.last_day.isoformat()})
    return moved


def open_case_statuses() -> tuple[str, ...]:
    return tuple(s.value for s in (CaseStatus.REGISTERED, CaseStatus.ACCEPTED, CaseStatus.IN_PROGRESS,
                                   CaseStatus.PENDING_CLOSURE))

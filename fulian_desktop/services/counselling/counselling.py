"""Counselling (心理疏导): sessions with a counsellor and their appointments.

The notes are seen only by counsellors and supervisors (Permission.SEE_COUNSELLING) and only through
``counselling_sessions``, which audits every read. They never go into a timeline event, the audit log,
the search index or any general case view: those record that a session took place (date, form,
counsellor), and the audit keeps the notes' length only. ``appointments`` (the counsellor's home)
lists dates and cases without notes.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from ...access.cases import load_case, record_event
from ...domain.enums import Labelled
from ...domain.errors import PermissionDenied, ValidationError
from ...domain.localtime import LOCAL_TZ, format_local
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import Permission, can, require
from ...store.base import utcnow
from ...store.models import Case, CounsellingSession
from ...store.uow import UnitOfWork
from ...access.case_rows import scoped

MAX_NOTES = 20000


class CounsellingForm(Labelled):
    FACE_TO_FACE = "face_to_face", "面谈"
    PHONE = "phone", "电话"


@dataclass(frozen=True)
class SessionView:
    id: str
    case_id: str
    counsellor_id: str | None
    counsellor_name: str
    held_at: datetime
    form: CounsellingForm
    form_label: str
    notes: str
    next_appointment: datetime | None


@dataclass(frozen=True)
class AppointmentView:
    """One appointment on a counsellor's calendar: no notes."""

    session_id: str                 # the session that set the appointment
    case_id: str
    case_no: str
    case_title: str
    counsellor_id: str | None
    counsellor_name: str
    at: datetime
    last_held_at: datetime          # when that session was held
    last_form: CounsellingForm
    superseded: bool                # a later session in the case has been recorded since


def _session_view(row: CounsellingSession) -> SessionView:
    form = CounsellingForm(row.form)
    return SessionView(id=row.id, case_id=row.case_id, counsellor_id=row.counsellor_id,
                       counsellor_name=row.counsellor_name, held_at=row.held_at, form=form, form_label=form.label,
                       notes=row.notes, next_appointment=row.next_appointment)


def _aware(moment: datetime | None, field: str) -> datetime | None:
    if moment is not None and (not isinstance(moment, datetime) or moment.tzinfo is None):
        raise ValidationError("时间须包含时区。", field=field)
    return moment


def add_session(uow: UnitOfWork, actor: Actor, case_id: str, held_at: datetime, form: CounsellingForm | str,
                notes: str, next_appointment: datetime | None = None) -> SessionView:
    """Record a session held by the acting counsellor (or supervisor)."""
    require(actor, Permission.SEE_COUNSELLING)
    require(actor, Permission.CASE_EDIT)
    case = load_case(uow, actor, case_id)
    held_at = _aware(held_at, "held_at")
    if held_at is None:
        raise ValidationError("请填写疏导时间。", field="held_at")
    try:
        form = CounsellingForm(form)
    except ValueError:
        raise ValidationError("疏导方式只能是面谈或电话。", field="form") from None
    text = (notes or "").strip()
    if not text:
        raise ValidationError("请填写疏导记录。", field="notes")
    if len(text) > MAX_NOTES:
        raise ValidationError(f"疏导记录不能超过 {MAX_NOTES} 字。", field="notes")
    next_appointment = _aware(next_appointment, "next_appointment")
    if next_appointment is not None and next_appointment <= held_at:
        raise ValidationError("下次预约时间须晚于本次疏导时间。", field="next_appointment")
    row = CounsellingSession(case_id=case.id, counsellor_id=actor.user_id, counsellor_name=actor.display_name,
                             held_at=held_at, form=form.value, notes=text, next_appointment=next_appointment,
                             owner_unit_id=case.owner_unit_id)
    uow.s.add(row)
    uow.flush()
    summary = f"心理疏导（{form.label}，{format_local(held_at)}，{actor.display_name}）"
    if next_appointment is not None:
        summary += f"；下次预约 {format_local(next_appointment)}"
    # The event and the audit say that a session took place; the notes stay in the session record.
    record_event(uow, actor, case, "counselling_session", summary, data={"session_id": row.id, "form": form.value})
    audit.record(uow.s, actor, audit.Action.CREATE, entity="counselling_session", entity_id=row.id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id,
                 detail={"form": form.value, "held_at": held_at.isoformat(), "notes_length": len(text),
                         "next_appointment": next_appointment.isoformat() if next_appointment else None})
    return _session_view(row)


def counselling_sessions(uow: UnitOfWork, actor: Actor, case_id: str) -> list[SessionView]:
    """The only reader of counselling notes: counsellors and supervisors, within scope; every read is
    audited as a view (so it needs a write unit of work)."""
    require(actor, Permission.SEE_COUNSELLING)
    if not uow.write:
        raise RuntimeError("counselling_sessions audits the read: use store.uow(write=True)")
    case = load_case(uow, actor, case_id)
    rows = list(uow.s.execute(select(CounsellingSession)
                              .where(CounsellingSession.case_id == case.id, CounsellingSession.deleted_at.is_(None))
                              .order_by(CounsellingSession.held_at, CounsellingSession.created_at)).scalars())
    audit.record(uow.s, actor, audit.Action.VIEW, entity="counselling_session", case_id=case.id,
                 owner_unit_id=case.owner_unit_id, detail={"count": len(rows), "ids": [r.id for r in rows]})
    return [_session_view(r) for r in rows]


def session_count(uow: UnitOfWork, actor: Actor, case_id: str) -> int:
    """How many sessions a case has (no notes): for tabs and the monthly statistics."""
    require(actor, Permission.CASE_READ)
    case = load_case(uow, actor, case_id)
    return uow.s.execute(select(func.count()).select_from(CounsellingSession).where(
        CounsellingSession.case_id == case.id, CounsellingSession.deleted_at.is_(None))).scalar_one()


def appointments(uow: UnitOfWork, actor: Actor, counsellor_id: str | None, date_from: date, date_to: date, *,
                 include_superseded: bool = False) -> list[AppointmentView]:
    """Appointments set for a counsellor between two days (inclusive, China time), soonest first.

    A counsellor sees their own; a supervisor may look at any counsellor's (or everyone's with
    ``counsellor_id=None``). Only cases in the actor's scope. An appointment is superseded once a
    later session in the case has been recorded; those are left out unless asked for.
    """
    require(actor, Permission.SEE_COUNSELLING)
    approver = can(actor, Permission.CASE_APPROVE)
    if counsellor_id is None and not approver:
        counsellor_id = actor.user_id
    if counsellor_id != actor.user_id and not approver:
        raise PermissionDenied("只能查看自己的预约。", code="not_own_appointments")
    if date_to < date_from:
        raise ValidationError("结束日期不能早于开始日期。", field="date_to")
    start = datetime.combine(date_from, time(0), LOCAL_TZ)
    end = datetime.combine(date_to + timedelta(days=1), time(0), LOCAL_TZ)
    later = aliased(CounsellingSession)
    superseded = (select(later.id).where(later.case_id == CounsellingSession.case_id, later.deleted_at.is_(None),
                                         later.held_at > CounsellingSession.held_at).exists())
    stmt = (scoped(actor, select(CounsellingSession, Case.case_no, Case.title, superseded.label("superseded")))
            .join(Case, Case.id == CounsellingSession.case_id)
            .where(CounsellingSession.deleted_at.is_(None), CounsellingSession.next_appointment >= start,
                   CounsellingSession.next_appointment < end)
            .order_by(CounsellingSession.next_appointment))
    if counsellor_id is not None:
        stmt = stmt.where(CounsellingSession.counsellor_id == counsellor_id)
    if not include_superseded:
        stmt = stmt.where(~superseded)
    return [AppointmentView(session_id=row.id, case_id=row.case_id, case_no=case_no, case_title=title,
                            counsellor_id=row.counsellor_id, counsellor_name=row.counsellor_name,
                            at=row.next_appointment, last_held_at=row.held_at, last_form=CounsellingForm(row.form),
                            superseded=bool(is_superseded))
            for row, case_no, title, is_superseded in uow.s.execute(stmt)]


def upcoming_appointments(uow: UnitOfWork, actor: Actor, now: datetime | None = None) -> list[AppointmentView]:
    """The acting counsellor's appointments today and in the next six days (the home screen)."""
    today = (now or utcnow()).astimezone(LOCAL_TZ).date()
    return appointments(uow, actor, actor.user_id, today, today + timedelta(days=6))


@dataclass(frozen=True)
class CounsellingCaseView:
    """An open case the acting counsellor has held sessions in (no notes): for the counsellor's home."""

    case_id: str
    case_no: str
    case_title: str
    case_status: str
    unit_name: str
    sessions: int                   # sessions this counsellor recorded in the case
    last_held_at: datetime
    next_appointment: datetime | None   # set by the case's latest session, if any


def my_counselling_cases(uow: UnitOfWork, actor: Actor) -> list[CounsellingCaseView]:
    """Open cases in scope where the actor recorded a counselling session, latest session first.
    Dates and counts only, so the read is not audited."""
    require(actor, Permission.SEE_COUNSELLING)
    from ...store.models import OrgUnit
    from ..clocks.clocks import open_case_statuses

    mine = (select(CounsellingSession.case_id, func.count().label("n"),
                   func.max(CounsellingSession.held_at).label("last"))
            .where(CounsellingSession.counsellor_id == actor.user_id, CounsellingSession.deleted_at.is_(None))
            .group_by(CounsellingSession.case_id).subquery())
    stmt = (scoped(actor, select(Case.id, Case.case_no, Case.title, Case.status, OrgUnit.name, mine.c.n, mine.c.last))
            .join(mine, mine.c.case_id == Case.id).join(OrgUnit, OrgUnit.id == Case.owner_unit_id)
            .where(Case.status.in_(open_case_statuses())).order_by(mine.c.last.desc()))
    rows = list(uow.s.execute(stmt))
    latest: dict[str, datetime | None] = {}
    if rows:
        for case_id, nxt in uow.s.execute(
                select(CounsellingSession.case_id, CounsellingSession.next_appointment)
                .where(CounsellingSession.case_id.in_([r[0] for r in rows]), CounsellingSession.deleted_at.is_(None))
                .order_by(CounsellingSession.held_at, CounsellingSession.created_at)):
            latest[case_id] = nxt
    return [CounsellingCaseView(case_id=r[0], case_no=r[1], case_title=r[2], case_status=r[3], unit_name=r[4],
                                sessions=int(r[5]), last_held_at=r[6], next_appointment=latest.get(r[0]))
            for r in rows]

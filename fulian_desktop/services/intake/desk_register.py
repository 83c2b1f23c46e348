"""The desk's paper register (来访登记簿), for an office that keeps one (setting ``paper_register``).

Each contact registered at the desk is a line of the day's register: 序号 (its place among the day's contacts at
this office, by the time received), time, case number, the visitor's name (王某某 when the setting
``mask_names_in_lists`` asks lists not to show names), 事由 (the category) and 处理去向 (the decision). After a save
the desk prints the new line (to paste into the book); the whole day can be printed as one sheet.

The office is the unit that owns the contact: the register of a unit holds its own contacts only, not those of
the stations below it. A day is a China-time calendar day.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from ...domain.errors import NotFound
from ...domain.intake_rules import IntakeDecision
from ...domain.localtime import LOCAL_TZ, to_local
from ...domain.names import mask_name
from ...security.actor import Actor
from ...security.permissions import Permission, require, require_scope
from ...store.models import Case, IntakeRecord, OrgUnit
from ...store.uow import UnitOfWork
from ..accounts import settings

SETTING = "paper_register"


@dataclass(frozen=True)
class RegisterLine:
    number: int                 # 序号: its place in the day, from 1
    intake_id: str
    received_at: datetime
    case_no: str | None
    name: str                   # as the register shows it (masked when the setting asks)
    category: str               # 事由
    outcome: str                # 处理去向

    @property
    def time_text(self) -> str:
        return to_local(self.received_at).strftime("%H:%M")


@dataclass(frozen=True)
class DayRegister:
    unit_id: str
    unit_name: str
    day: date
    lines: tuple[RegisterLine, ...]
    masked: bool                # names shown as 王某某


def keeps_paper_register(uow: UnitOfWork) -> bool:
    return bool(settings.get(uow, SETTING, False))


def _outcome(record: IntakeRecord) -> str:
    try:
        text = IntakeDecision(record.decision).label
    except ValueError:
        text = record.decision
    if record.transfer_to:
        text += f"至{record.transfer_to}"
    return text


def _name(record: IntakeRecord, masked: bool) -> str:
    name = mask_name(record.visitor_name) if masked else record.visitor_name
    return f"{name}等{record.people_count}人" if record.people_count > 1 else name


def day_register(uow: UnitOfWork, actor: Actor, day: date, *, unit_id: str | None = None) -> DayRegister:
    """Every contact received at the office (`unit_id`, default the actor's own unit) on `day`, numbered."""
    require(actor, Permission.CASE_READ)
    unit = uow.s.get(OrgUnit, unit_id or actor.unit_id)
    if unit is None or unit.deleted_at is not None:
        raise NotFound("所选单位不存在。")
    require_scope(actor, unit.id, "所选单位")
    start = datetime.combine(day, time(), LOCAL_TZ)
    rows = uow.s.execute(
        select(IntakeRecord, Case.case_no).outerjoin(Case, Case.id == IntakeRecord.case_id)
        .where(IntakeRecord.owner_unit_id == unit.id, IntakeRecord.deleted_at.is_(None),
               IntakeRecord.received_at >= start, IntakeRecord.received_at < start + timedelta(days=1))
        .order_by(IntakeRecord.received_at, IntakeRecord.created_at, IntakeRecord.id)).all()
    masked = bool(settings.get(uow, "mask_names_in_lists", False))
    lines = tuple(RegisterLine(n, record.id, record.received_at, case_no, _name(record, masked),
                               "／".join(x for x in (record.category, record.sub_category) if x) or "未分类",
                               _outcome(record))
                  for n, (record, case_no) in enumerate(rows, start=1))
    return DayRegister(unit.id, unit.name, day, lines, masked)


def register_line(uow: UnitOfWork, actor: Actor, intake_id: str) -> DayRegister:
    """The register of the contact's day, holding only that contact's line (with its number in the day)."""
    record = uow.s.get(IntakeRecord, intake_id)
    if record is None or record.deleted_at is not None:
        raise NotFound("接待登记不存在或不在您的管辖范围内。")
    require_scope(actor, record.owner_unit_id, "该接待登记")
    whole = day_register(uow, actor, to_local(record.received_at).date(), unit_id=record.owner_unit_id)
    return replace(whole, lines=tuple(line for line in whole.lines if line.intake_id == intake_id))


__all__ = ["DayRegister", "RegisterLine", "SETTING", "day_register", "keeps_paper_register", "register_line"]

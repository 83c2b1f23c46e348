"""Finding cases: the filtered list (ids first, rows by page) and the direct lookups."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, bindparam, func, literal, select
from sqlalchemy.dialects.postgresql import aggregate_order_by

from ...domain.case_numbers import normalise_case_number
from ...domain.enums import PartyRole
from ...domain.errors import InvalidIdNumber, InvalidPhone
from ...domain.idnumber import parse_id_number
from ...domain.phone import parse_phone
from ...security.actor import Actor
from ...security.permissions import Permission, require
from ...store.models import Case, CaseParty, Person
from ...store.uow import UnitOfWork
from ...access.case_rows import CASE_ROW_SELECT, case_row, scoped
from .views import CaseRow


@dataclass(frozen=True)
class CaseFilter:
    unit_ids: frozenset[str] | None = None  # None: the whole scope
    statuses: frozenset[str] = field(default_factory=frozenset)
    tiers: frozenset[str] = field(default_factory=frozenset)
    kinds: frozenset[str] = field(default_factory=frozenset)
    category: str | None = None
    handler_id: str | None = None
    opened_from: datetime | None = None
    opened_to: datetime | None = None
    major_incident: bool | None = None
    domestic_violence: bool | None = None
    involves_minor: bool | None = None
    case_ids_in: Any = None  # a SELECT of case ids (a dashboard bar's cases); None: no such limit


def _filtered(stmt: Select, f: CaseFilter) -> Select:
    conditions = []
    if f.unit_ids is not None:
        conditions.append(Case.owner_unit_id.in_(sorted(f.unit_ids)))
    if f.statuses:
        conditions.append(Case.status.in_(sorted(f.statuses)))
    if f.tiers:
        conditions.append(Case.tier.in_(sorted(f.tiers)))
    if f.kinds:
        conditions.append(Case.kind.in_(sorted(f.kinds)))
    if f.category:
        conditions.append(Case.category == f.category)
    if f.handler_id:
        conditions.append(Case.handler_id == f.handler_id)
    if f.opened_from:
        conditions.append(Case.opened_at >= f.opened_from)
    if f.opened_to:
        conditions.append(Case.opened_at < f.opened_to)
    for column, wanted in ((Case.major_incident, f.major_incident), (Case.domestic_violence, f.domestic_violence),
                           (Case.involves_minor, f.involves_minor)):
        if wanted is not None:
            conditions.append(column.is_(wanted))
    if f.case_ids_in is not None:
        conditions.append(Case.id.in_(f.case_ids_in))
    return stmt.where(and_(*conditions)) if conditions else stmt


SORT_KEYS = {"opened_at": Case.opened_at, "case_no": Case.case_no, "title": Case.title, "status": Case.status,
             "tier": Case.tier, "kind": Case.kind, "category": Case.category, "unit": Case.owner_unit_id}


def list_case_ids(uow: UnitOfWork, actor: Actor, f: CaseFilter = CaseFilter(), *, sort: str = "opened_at",
                  descending: bool = True) -> list[str]:
    """Every matching id in display order: the list model keeps these and fetches rows by page."""
    require(actor, Permission.CASE_READ)
    column = SORT_KEYS.get(sort, Case.opened_at)
    order = (column.desc(), Case.id.desc()) if descending else (column.asc(), Case.id.asc())
    if uow.s.get_bind().dialect.name == "postgresql":
        # One value: the ids joined by the server in display order (a row per id cost three times the query
        # itself in result handling: 300,000 rows, 430-680 ms against 230 ms). Checked by their count: an id
        # holding the separator (ids come from other stations too) makes one more piece, and then the rows.
        joined = func.string_agg(Case.id, aggregate_order_by(literal(","), *order))
        all_ids, n = uow.s.execute(_filtered(scoped(actor, select(joined, func.count(Case.id))), f)).one()
        ids = all_ids.split(",") if all_ids else []
        if len(ids) == n:
            return ids
    stmt = _filtered(scoped(actor, select(Case.id)), f).order_by(*order)
    return list(uow.s.execute(stmt).scalars())


def count_cases(uow: UnitOfWork, actor: Actor, f: CaseFilter = CaseFilter()) -> int:
    require(actor, Permission.CASE_READ)
    return uow.s.execute(_filtered(scoped(actor, select(func.count(Case.id))), f)).scalar_one()


class _Prebuilt:
    """A lookup built once with bind parameters, in two forms: whole tree, and limited to a scope.

    Building a statement per call costs several times what the indexed lookup itself does.
    """

    def __init__(self, condition, order=None) -> None:  # noqa: ANN001
        base = CASE_ROW_SELECT.where(Case.deleted_at.is_(None), condition)
        if order is not None:
            base = base.order_by(*order)
        self.everything = base
        self.scoped = base.where(Case.owner_unit_id.in_(bindparam("scope", expanding=True)))

    def rows(self, uow: UnitOfWork, actor: Actor, **params: object) -> list[CaseRow]:
        if actor.is_system or actor.sees_everything:
            result = uow.s.connection().execute(self.everything, params)
        else:
            result = uow.s.connection().execute(self.scoped, {**params, "scope": sorted(actor.scope_unit_ids)})
        return [case_row(r) for r in result]


def _people_cases(column) -> _Prebuilt:  # noqa: ANN001
    people = (select(CaseParty.case_id).join(Person, Person.id == CaseParty.person_id)
              .where(column == bindparam("key"), CaseParty.deleted_at.is_(None)))
    return _Prebuilt(Case.id.in_(people), order=(Case.opened_at.desc(), Case.id.desc()))


_BY_IDS = _Prebuilt(Case.id.in_(bindparam("ids", expanding=True)))
_BY_NUMBER = _Prebuilt(Case.case_no == bindparam("number"))
_BY_ID_NUMBER = _people_cases(Person.id_number)
_BY_PHONE = _people_cases(Person.phone)
_BY_NAME = _people_cases(Person.name)
_BY_PINYIN = _people_cases(Person.name_pinyin)
_BY_INITIALS = _people_cases(Person.name_initials)


def fetch_case_rows(uow: UnitOfWork, actor: Actor, ids: list[str]) -> list[CaseRow]:
    """Rows for the given ids, in the given order (ids outside the scope are dropped)."""
    require(actor, Permission.CASE_READ)
    if not ids:
        return []
    rows = {r.id: r for r in _BY_IDS.rows(uow, actor, ids=list(ids))}
    return [rows[i] for i in ids if i in rows]


def first_page(uow: UnitOfWork, actor: Actor, f: CaseFilter = CaseFilter(), limit: int = 50) -> list[CaseRow]:
    require(actor, Permission.CASE_READ)
    stmt = _filtered(scoped(actor, CASE_ROW_SELECT), f).order_by(Case.opened_at.desc(), Case.id.desc()).limit(limit)
    return [case_row(r) for r in uow.s.execute(stmt)]


def find_by_case_number(uow: UnitOfWork, actor: Actor, text: str) -> CaseRow | None:
    require(actor, Permission.CASE_READ)
    number = normalise_case_number(text)
    if number is None:
        return None
    rows = _BY_NUMBER.rows(uow, actor, number=number)
    return rows[0] if rows else None


def find_by_id_number(uow: UnitOfWork, actor: Actor, text: str) -> list[CaseRow]:
    require(actor, Permission.CASE_READ)
    try:
        number = parse_id_number(text).number
    except InvalidIdNumber:
        return []
    return _BY_ID_NUMBER.rows(uow, actor, key=number)


def find_by_phone(uow: UnitOfWork, actor: Actor, text: str) -> list[CaseRow]:
    require(actor, Permission.CASE_READ)
    try:
        number = parse_phone(text).number
    except InvalidPhone:
        return []
    return _BY_PHONE.rows(uow, actor, key=number)


def find_by_name(uow: UnitOfWork, actor: Actor, text: str, limit: int = 200) -> list[CaseRow]:
    """Exact name, or pinyin (full or initials) prefix: 张三, zhangsan, zs."""
    require(actor, Permission.CASE_READ)
    text = (text or "").strip()
    if not text:
        return []
    if not text.isascii():
        return _BY_NAME.rows(uow, actor, key=text)[:limit]
    key = text.lower().replace(" ", "")
    found = {r.id: r for r in _BY_INITIALS.rows(uow, actor, key=key)}
    found.update((r.id, r) for r in _BY_PINYIN.rows(uow, actor, key=key))
    return sorted(found.values(), key=lambda r: r.opened_at, reverse=True)[:limit]


def quick_search(uow: UnitOfWork, actor: Actor, text: str) -> list[CaseRow]:
    """The one search box: case number, ID number, phone, else a name or its pinyin."""
    text = (text or "").strip()
    if not text:
        return []
    if normalise_case_number(text):
        row = find_by_case_number(uow, actor, text)
        return [row] if row else []
    compact = text.replace(" ", "").replace("-", "")
    if len(compact) in (15, 18) and compact[:-1].isdigit():
        return find_by_id_number(uow, actor, text)
    if compact.lstrip("+").isdigit():
        return find_by_phone(uow, actor, text)
    if text.isascii():
        return find_by_name(uow, actor, text)  # pinyin: zs, zhangsan
    from .search import free_text  # names, titles and summaries, through the text index

    found = {r.id: r for r in free_text(uow, actor, text)}
    found.update((r.id, r) for r in find_by_name(uow, actor, text))
    return sorted(found.values(), key=lambda r: r.opened_at, reverse=True)


APPLICANT_ROLES = (PartyRole.APPLICANT.value, PartyRole.VICTIM.value)

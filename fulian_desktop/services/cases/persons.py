"""People already on file: the duplicate warning at intake and the people search box.

Both are called while the user types, so every lookup is one indexed equality or prefix range on
`person` (id_number, phone, name, name_pinyin, name_initials), limited, with the scope check in the
same statement; then one query for the listed people's cases. Statements are built once.

Scope: a person is shown only when the actor may see them, i.e. the person's owning unit is in the
actor's scope, or the person is a party in a case owned inside the scope. A person known only to
another village is not revealed, not even as "someone matches" (a village must not learn what
another village holds). The district sees everyone, so a repeat petitioner moving between villages
is still caught where the petitions are counted.

ID numbers, phones and birth dates are shown as the disclosure rule says (access.disclosure): masked
unless the actor has SEE_CONFIDENTIAL, and a protected person's phone not at all. These lookups
are not written to the audit log (one entry per keystroke would bury it); opening a case or an
intake record is.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, bindparam, exists, or_, select

from ...access.disclosure import Contact, Purpose, disclosures, reader_of
from ...domain.enums import CaseKind, CaseStatus, PartyRole, Sex
from ...domain.errors import InvalidIdNumber, InvalidPhone
from ...domain.idnumber import parse_id_number
from ...domain.phone import parse_phone
from ...security.actor import Actor
from ...security.permissions import Permission, require
from ...store.models import Case, CaseParty, OrgUnit, Person
from ...store.uow import UnitOfWork

SEARCH_LIMIT = 50
MATCH_LIMIT = 50

# Why a person was listed: stable code -> Chinese text shown beside the person.
REASON_LABELS: dict[str, str] = {
    "id_number": "身份证号相同",
    "phone": "电话相同",
    "name_birth": "姓名和出生日期相同",
    # search_people
    "name": "姓名",
    "pinyin": "姓名全拼",
    "initials": "姓名拼音首字母",
    "search_id_number": "身份证号",
    "search_phone": "电话",
}
_MATCH_ORDER = ("id_number", "phone", "name_birth")
_TOP = "\U0010ffff"  # sorts after every character: [key, key + _TOP) is the prefix range


@dataclass(frozen=True)
class PersonCaseRef:
    """A case the person is a party in (only cases inside the actor's scope)."""

    case_id: str
    case_no: str
    title: str
    kind: CaseKind
    status: CaseStatus
    opened_at: datetime
    role: PartyRole

    def to_dict(self) -> dict[str, Any]:
        return {"case_id": self.case_id, "case_no": self.case_no, "title": self.title, "kind": self.kind.value,
                "kind_label": self.kind.label, "status": self.status.value, "status_label": self.status.label,
                "opened_at": self.opened_at.isoformat(), "role": self.role.value, "role_label": self.role.label}


@dataclass(frozen=True)
class PersonMatch:
    person_id: str
    name: str
    sex: str
    unit_id: str
    unit_name: str
    id_number: str | None       # masked unless the actor may see it
    phone: str | None           # masked unless the actor may see it
    birth_date: date | None     # None unless the actor may see it (the ID mask hides it too)
    redacted: bool
    reasons: tuple[str, ...]    # codes, strongest first: id_number, phone, name_birth (or search codes)
    cases: tuple[PersonCaseRef, ...]

    @property
    def reason_labels(self) -> tuple[str, ...]:
        return tuple(REASON_LABELS[r] for r in self.reasons)

    @property
    def reason_text(self) -> str:
        return "、".join(self.reason_labels)

    def to_dict(self) -> dict[str, Any]:
        return {"person_id": self.person_id, "name": self.name, "sex": self.sex,
                "sex_label": _sex_label(self.sex),
                "unit_id": self.unit_id, "unit_name": self.unit_name, "id_number": self.id_number,
                "phone": self.phone, "birth_date": self.birth_date.isoformat() if self.birth_date else None,
                "redacted": self.redacted, "reasons": list(self.reasons), "reason_labels": list(self.reason_labels),
                "cases": [c.to_dict() for c in self.cases]}


def _sex_label(code: str) -> str:
    try:
        return Sex(code).label
    except ValueError:
        return code


# --- statements, built once --------------------------------------------------------------------

_PERSON_COLS = (select(Person.id, Person.name, Person.sex, Person.birth_date, Person.id_number, Person.phone,
                       Person.owner_unit_id, OrgUnit.name, Person.name_pinyin, Person.name_initials,
                       Person.address)
                .join(OrgUnit, OrgUnit.id == Person.owner_unit_id)
                .where(Person.deleted_at.is_(None)))

_SCOPE = bindparam("scope", expanding=True)
_IN_SCOPE = or_(Person.owner_unit_id.in_(_SCOPE),
                exists().where(CaseParty.person_id == Person.id, CaseParty.deleted_at.is_(None),
                               Case.id == CaseParty.case_id, Case.deleted_at.is_(None),
                               Case.owner_unit_id.in_(_SCOPE)))


class _Lookup:
    """One person lookup in two forms: the whole tree, and limited to a scope."""

    def __init__(self, *conditions: Any, order: tuple[Any, ...] = ()) -> None:
        base = _PERSON_COLS.where(*conditions).order_by(*order, Person.id).limit(bindparam("limit"))
        self.everything: Select = base
        self.scoped: Select = base.where(_IN_SCOPE)

    def rows(self, uow: UnitOfWork, actor: Actor, **params: object) -> list[Any]:
        if _sees_all(actor):
            return list(uow.s.connection().execute(self.everything, params))
        return list(uow.s.connection().execute(self.scoped, {**params, "scope": sorted(actor.scope_unit_ids)}))


def _prefix(column: Any) -> _Lookup:
    return _Lookup(column >= bindparam("key"), column < bindparam("upper"), order=(column,))


_BY_ID_NUMBER = _Lookup(Person.id_number == bindparam("key"))
_BY_PHONE = _Lookup(Person.phone == bindparam("key"))
_BY_NAME_BIRTH = _Lookup(Person.name == bindparam("key"), Person.birth_date == bindparam("birth"))
_NAME_PREFIX = _prefix(Person.name)
_PINYIN_PREFIX = _prefix(Person.name_pinyin)
_INITIALS_PREFIX = _prefix(Person.name_initials)

_CASES = (select(CaseParty.person_id, CaseParty.role, Case.id, Case.case_no, Case.title, Case.kind, Case.status,
                 Case.opened_at)
          .join(Case, Case.id == CaseParty.case_id)
          .where(CaseParty.person_id.in_(bindparam("ids", expanding=True)), CaseParty.deleted_at.is_(None),
                 Case.deleted_at.is_(None))
          .order_by(Case.opened_at.desc(), Case.id))
_CASES_SCOPED = _CASES.where(Case.owner_unit_id.in_(bindparam("scope", expanding=True)))


def _sees_all(actor: Actor) -> bool:
    return actor.is_system or actor.sees_everything


def person_visible(uow: UnitOfWork, actor: Actor, person_id: str) -> bool:
    """The same rule the lookups apply, for one person (used when intake links a chosen person)."""
    stmt = select(Person.id).where(Person.id == person_id, Person.deleted_at.is_(None))
    if _sees_all(actor):
        return uow.s.execute(stmt).first() is not None
    return uow.s.execute(stmt.where(_IN_SCOPE), {"scope": sorted(actor.scope_unit_ids)}).first() is not None


def _cases_of(uow: UnitOfWork, actor: Actor, ids: list[str]) -> dict[str, list[PersonCaseRef]]:
    found: dict[str, list[PersonCaseRef]] = {i: [] for i in ids}
    if not ids:
        return found
    if _sees_all(actor):
        result = uow.s.connection().execute(_CASES, {"ids": ids})
    else:
        result = uow.s.connection().execute(_CASES_SCOPED, {"ids": ids, "scope": sorted(actor.scope_unit_ids)})
    seen: set[tuple[str, str]] = set()
    for person_id, role, case_id, case_no, title, kind, status, opened_at in result:
        if (person_id, case_id) in seen:  # the same person twice in one case (two roles): list the case once
            continue
        seen.add((person_id, case_id))
        found[person_id].append(PersonCaseRef(case_id, case_no, title, CaseKind(kind), CaseStatus(status), opened_at,
                                              PartyRole(role)))
    return found


def _build(uow: UnitOfWork, actor: Actor, rows: list[Any], reasons: dict[str, list[str]]) -> list[PersonMatch]:
    cases = _cases_of(uow, actor, [r[0] for r in rows])
    shown = disclosures(uow.s, reader_of(actor), [Contact(key=r[0], person_id=r[0], address=r[10], phone=r[5])
                                                  for r in rows], Purpose.LOOKUP)
    out = []
    for pid, name, sex, birth, id_number, phone, unit_id, unit_name, _pinyin, _initials, _address in rows:
        d = shown[pid]
        out.append(PersonMatch(
            person_id=pid, name=name, sex=sex, unit_id=unit_id, unit_name=unit_name,
            id_number=d.id_number_of(id_number), phone=d.phone_of(phone), birth_date=d.birth_date_of(birth),
            redacted=d.redacted, reasons=tuple(reasons[pid]), cases=tuple(cases[pid])))
    return out


# --- duplicate detection at intake --------------------------------------------------------------

def normalise_keys(id_number: str | None = None, phone: str | None = None, name: str | None = None,
                   birth_date: date | None = None) -> tuple[str | None, str | None, str | None, date | None]:
    """The stored forms of what was typed; a half-typed or invalid value is simply not used.
    A valid ID number also supplies the birth date for the name + birth date rule."""
    id_key = phone_key = None
    if id_number and id_number.strip():
        try:
            info = parse_id_number(id_number)
            id_key = info.number  # 15-digit numbers come back upgraded to 18
            birth_date = birth_date or info.birth_date
        except InvalidIdNumber:
            pass
    if phone and phone.strip():
        try:
            phone_key = parse_phone(phone).number
        except InvalidPhone:
            pass
    name_key = (name or "").strip() or None
    return id_key, phone_key, name_key, birth_date


def find_matches(uow: UnitOfWork, actor: Actor, *, id_number: str | None = None, phone: str | None = None,
                 name: str | None = None, birth_date: date | None = None) -> list[PersonMatch]:
    """People on file who may be this visitor: same ID number, same phone, or same name and birth date.

    Strongest first (ID number, then phone, then name + birth date; more reasons first).
    """
    require(actor, Permission.CASE_READ)
    id_key, phone_key, name_key, birth = normalise_keys(id_number, phone, name, birth_date)
    rows: dict[str, Any] = {}
    reasons: dict[str, list[str]] = {}

    def collect(code: str, found: list[Any]) -> None:
        for row in found:
            rows.setdefault(row[0], row)
            reasons.setdefault(row[0], []).append(code)

    if id_key:
        collect("id_number", _BY_ID_NUMBER.rows(uow, actor, key=id_key, limit=MATCH_LIMIT))
    if phone_key:
        collect("phone", _BY_PHONE.rows(uow, actor, key=phone_key, limit=MATCH_LIMIT))
    if name_key and birth:
        collect("name_birth", _BY_NAME_BIRTH.rows(uow, actor, key=name_key, birth=birth, limit=MATCH_LIMIT))
    ordered = sorted(rows.values(), key=lambda r: (min(_MATCH_ORDER.index(c) for c in reasons[r[0]]),
                                                   -len(reasons[r[0]]), r[8] or "", r[0]))[:MATCH_LIMIT]
    return _build(uow, actor, ordered, reasons)


# --- the people search box ----------------------------------------------------------------------

def search_people(uow: UnitOfWork, actor: Actor, text: str, limit: int = SEARCH_LIMIT) -> list[PersonMatch]:
    """By ID number or phone (exact, normalised), else by name or pinyin: a name prefix for Chinese
    text ('张' finds 张三), and a full-pinyin or initials prefix for Latin letters ('zs', 'zhangsan',
    'zhang' find 张三). Exact hits first. At most `limit` (50) people."""
    require(actor, Permission.CASE_READ)
    text = (text or "").strip()
    limit = max(1, min(limit, SEARCH_LIMIT))
    if not text:
        return []
    compact = "".join(ch for ch in text if ch not in " -")
    rows: dict[str, Any] = {}
    reasons: dict[str, list[str]] = {}

    def collect(code: str, found: list[Any]) -> None:
        for row in found:
            rows.setdefault(row[0], row)
            reasons.setdefault(row[0], []).append(code)

    if len(compact) in (15, 18) and compact[:-1].isdigit():
        try:
            key = parse_id_number(compact).number
        except InvalidIdNumber:
            return []
        collect("search_id_number", _BY_ID_NUMBER.rows(uow, actor, key=key, limit=limit))
    elif compact.lstrip("+").replace("(", "").replace(")", "").isdigit():
        try:
            key = parse_phone(text).number
        except InvalidPhone:
            return []
        collect("search_phone", _BY_PHONE.rows(uow, actor, key=key, limit=limit))
    elif text.isascii():
        key = "".join(ch for ch in text.lower() if ch.isalnum())
        if not key:
            return []
        collect("pinyin", _PINYIN_PREFIX.rows(uow, actor, key=key, upper=key + _TOP, limit=limit))
        collect("initials", _INITIALS_PREFIX.rows(uow, actor, key=key, upper=key + _TOP, limit=limit))
    else:
        key = "".join(text.split())
        collect("name", _NAME_PREFIX.rows(uow, actor, key=key, upper=key + _TOP, limit=limit))

    def rank(row: Any) -> tuple[Any, ...]:
        exact = key in (row[1], row[4], row[5], row[8], row[9])
        return (not exact, row[8] or "", row[1], row[0])

    ordered = sorted(rows.values(), key=rank)[:limit]
    return _build(uow, actor, ordered, reasons)


def same_person_id(uow: UnitOfWork, actor: Actor, *, id_key: str | None = None, phone_key: str | None = None,
                   name: str | None = None) -> str | None:
    """The one visible person who is certainly this visitor, or None: the same (normalised) ID number,
    else the same phone *and* the same name (a shared family phone alone is not enough).
    Ambiguous hits (two people on file with the key) give None: the user chooses."""
    if id_key:
        found = _BY_ID_NUMBER.rows(uow, actor, key=id_key, limit=2)
        if len(found) == 1:
            return found[0][0]
        if found:
            return None
    if phone_key and name:
        found = [r for r in _BY_PHONE.rows(uow, actor, key=phone_key, limit=MATCH_LIMIT) if r[1] == name.strip()]
        if len(found) == 1:
            return found[0][0]
    return None

"""The one disclosure rule: which of a person's contact fields a reader may see.

The fields: address, phone, ID number, birth date and workplace (the person's 职业/工作单位 line: where she
can be found in the daytime). A shelter is an address: a victim in hiding has the shelter as her address.

A person's contacts are *protected* when
- she is a party marked 联系方式保密 in any live case: the mark follows the person, so linking her into
  another case without the mark does not undo it;
- they share a protected person's address or phone: a relative living with her gives the shelter away;
- they are a minor child in a case with a marked party: the household she took with her;
- or (a register entry: intake or screening) the entry belongs to a case with a marked party: the visitor
  is usually the victim or a relative speaking for her.

Who sees what (FULL, MASKED = partly shown, HIDDEN):

=================  =========================================  ============================================
reader             protected person                           anyone else
=================  =========================================  ============================================
staff with         everything (lists: phone and ID masked,    same
SEE_CONFIDENTIAL   no address)
staff without      ID masked, the rest hidden                 one record: everything for caseworkers
(CASE_EDIT does                                               (CASE_EDIT); lists, lookups and readers
not count)                                                    without CASE_EDIT: phone and ID masked,
                                                              no address, no birth date
file copy          everything with SEE_CONFIDENTIAL, else     contacts in full, ID masked (in full with
                   ID masked and the rest hidden              SEE_CONFIDENTIAL)
party / agency     ID masked, the rest hidden                 contacts in full, ID masked
respondent copy    ID masked, the rest hidden                 respondents: contacts, ID masked; others:
                                                              ID masked, the rest hidden
=================  =========================================  ============================================

`disclose` is the rule itself (pure); `disclosures` gathers the facts from the store for a batch of
contacts and applies it. Read paths call `disclosures` (or `disclosure_of` for one) and show values
through `Disclosure.address_of` and its siblings, so a hidden value is None and a masked one is partial.
No other module reads the confidentiality mark to decide what to show (a test checks the source).

The mark travels with the person: marking a party also sets `person.contact_protected`, which reaches every
station holding any party of hers, and the rule counts it as a mark ("marked_elsewhere"): a station holding
only her unmarked party (she is marked in another village's case it never receives) still protects her.
Who sets and clears that flag: services/cases/protection.py; what a station may send of it: sync/authority.py.

The reporter of a mandatory report (强制报告, 反家庭暴力法第十四条: the police keep the reporter's information
confidential, and so do we) is shown by `reporter_shown`: only to staff with SEE_CONFIDENTIAL, on screen or on
the internal file copy; never to a reader without the right (reception, station administrators), never on a
party's, respondent's or agency's copy.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, Iterable, Sequence

from sqlalchemy import bindparam, exists, or_, select
from sqlalchemy.orm import Session

from ..domain.enums import PartyRole
from ..domain.idnumber import mask_id_number
from ..domain.phone import mask_phone
from ..security.actor import Actor
from ..security.permissions import Permission, can
from ..store.models import CaseParty, IntakeRecord, Person, ScreeningEntry


class Show(StrEnum):
    FULL = "full"
    MASKED = "masked"      # partly shown: '138****1111', '110105********002X'; an address or date is hidden
    HIDDEN = "hidden"


class Audience(StrEnum):
    """Who reads: a staff member (screen, CLI, sync at a station), or the recipient of a paper."""

    STAFF = "staff"
    FILE = "file"              # the internal case file
    PARTY = "party"            # a party's copy
    RESPONDENT = "respondent"  # the respondent's copy
    AGENCY = "agency"          # a receiving agency's copy


class Purpose(StrEnum):
    RECORD = "record"    # one record opened (a case's parties, a party's form, one intake, a screening list)
    LOOKUP = "lookup"    # people search and duplicate warnings while typing
    LIST = "list"        # register rows: never an address, phones masked


@dataclass(frozen=True)
class Reader:
    audience: Audience
    sees_confidential: bool
    works_cases: bool


def reader_of(actor: Actor, audience: Audience | str = Audience.STAFF) -> Reader:
    """The reader an actor is on screen, or the recipient of a paper the actor prints."""
    return Reader(Audience(str(audience)), can(actor, Permission.SEE_CONFIDENTIAL), can(actor, Permission.CASE_EDIT))


@dataclass(frozen=True)
class Subject:
    """The facts about one person (or register entry) that the rule weighs."""

    protected: bool
    respondent: bool = False
    why: tuple[str, ...] = ()   # marked | marked_elsewhere | shared_address | shared_phone | household | register


@dataclass(frozen=True)
class Disclosure:
    address: Show
    phone: Show
    id_number: Show
    birth_date: Show
    workplace: Show
    protected: bool = False
    marked: bool = False        # this party itself carries the 联系方式保密 mark (shown as such, not a decision)

    @property
    def redacted(self) -> bool:
        """Something of the contacts is held back: the reader may neither see nor overwrite them whole."""
        return any(s is not Show.FULL for s in (self.address, self.phone, self.id_number, self.birth_date))

    def address_of(self, value: str | None) -> str | None:
        return value if self.address is Show.FULL else None

    def phone_of(self, value: str | None) -> str | None:
        if self.phone is Show.FULL:
            return value
        return mask_phone(value) if self.phone is Show.MASKED and value else None

    def id_number_of(self, value: str | None) -> str | None:
        if self.id_number is Show.FULL:
            return value
        return mask_id_number(value) if self.id_number is Show.MASKED and value else None

    def birth_date_of(self, value: date | None) -> date | None:
        return value if self.birth_date is Show.FULL else None

    def workplace_of(self, value: str | None) -> str | None:
        return value if self.workplace is Show.FULL else None


_F, _M, _H = Show.FULL, Show.MASKED, Show.HIDDEN
_ALL = (_F, _F, _F, _F, _F)
_LISTED = (_H, _M, _M, _H, _F)       # a row among many: no address, phone and ID masked, no birth date
_PAPER = (_F, _F, _M, _F, _F)        # a paper for someone outside: contacts, ID masked
_HIDDEN = (_H, _H, _M, _H, _H)       # protected: only the masked ID, to tell people apart


def disclose(reader: Reader, subject: Subject, purpose: Purpose = Purpose.RECORD, *, marked: bool = False
             ) -> Disclosure:
    """THE rule (see the module docstring's table)."""
    a = reader.audience
    if a is Audience.STAFF:
        if reader.sees_confidential:
            shown = _LISTED if purpose is Purpose.LIST else _ALL
        elif subject.protected:
            shown = _HIDDEN
        elif purpose is Purpose.RECORD and reader.works_cases:
            shown = _ALL
        else:
            shown = _LISTED
    elif a is Audience.FILE:
        if reader.sees_confidential:
            shown = _ALL
        else:
            shown = _HIDDEN if subject.protected else _PAPER
    elif a is Audience.RESPONDENT:
        shown = _PAPER if subject.respondent and not subject.protected else _HIDDEN
    else:  # a party's or an agency's copy
        shown = _HIDDEN if subject.protected else _PAPER
    return Disclosure(*shown, protected=subject.protected, marked=marked)


def reporter_shown(reader: Reader) -> bool:
    """May `reader` see who made a mandatory report (name, post, phone)? See the module docstring."""
    return reader.sees_confidential and reader.audience in (Audience.STAFF, Audience.FILE)


# --- the facts, from the store ---------------------------------------------------------------------

@dataclass(frozen=True)
class Contact:
    """Whose contact fields a read path is about to return."""

    key: str                        # the caller's handle for the answer (a party id, an intake id …)
    person_id: str | None = None
    address: str | None = None
    phone: str | None = None
    case_id: str | None = None      # the case it is read in
    role: str | None = None         # the party's role in that case
    party_id: str | None = None     # the party row itself (its own mark is reported back)
    register_entry: bool = False    # an intake or screening entry: protected with its case
    flagged: bool | None = None     # the person row's protection flag, when the caller has the row (else asked)


def _blind_to_protection(reader: Reader) -> bool:
    return reader.sees_confidential and reader.audience in (Audience.STAFF, Audience.FILE)


def _chunks(values: Iterable[str], size: int = 500) -> Iterable[list[str]]:
    items = sorted(values)
    for start in range(0, len(items), size):
        yield items[start:start + size]


# Built once and run on the connection: the rule runs on every read, so it must cost next to nothing.
_LIVE_MARK = (CaseParty.contact_confidential.is_(True), CaseParty.deleted_at.is_(None))
_MARKS = select(CaseParty.id, CaseParty.person_id).where(
    CaseParty.person_id.in_(bindparam("keys", expanding=True)), *_LIVE_MARK)
# Persons protected by a mark this store may not hold: the person-level flag that travels with her (asked
# only for contacts whose caller did not have the person row at hand).
_FLAGGED = select(Person.id).where(Person.id.in_(bindparam("keys", expanding=True)),
                                   Person.contact_protected.is_(True))
_GUARDED = select(CaseParty.case_id).where(CaseParty.case_id.in_(bindparam("keys", expanding=True)), *_LIVE_MARK)


def _held_by_marked(column: Any) -> Any:
    """Which of the given values of `column` (person.address / person.phone, both indexed) a marked person has
    (a party mark held here, or the flag of a mark held elsewhere)."""
    marked_here = exists().where(CaseParty.person_id == Person.id, *_LIVE_MARK)
    return select(column).where(column.in_(bindparam("keys", expanding=True)), Person.deleted_at.is_(None),
                                or_(Person.contact_protected.is_(True), marked_here))


_ADDRESSES = _held_by_marked(Person.address)
_PHONES = _held_by_marked(Person.phone)


def _run(s: Session, stmt: Any, keys: set[str]) -> list[Any]:
    rows: list[Any] = []
    conn = s.connection()
    for chunk in _chunks(keys):
        rows.extend(conn.execute(stmt, {"keys": chunk}).all())
    return rows


def _marks_of_persons(s: Session, person_ids: set[str]) -> list[tuple[str, str]]:
    """(party id, person id) of every live party row marking one of these persons, in any case held here."""
    return [(r[0], r[1]) for r in _run(s, _MARKS, person_ids)] if person_ids else []


def _flagged_persons(s: Session, contacts: Sequence[Contact], marked: set[str]) -> set[str]:
    """Which of the contacts' persons carry the flag of a mark (perhaps held in a case this store lacks)."""
    known = {c.person_id for c in contacts if c.flagged and c.person_id}
    unknown = {c.person_id for c in contacts if c.person_id and c.flagged is None} - marked - known
    return known | ({r[0] for r in _run(s, _FLAGGED, unknown)} if unknown else set())


def _guarded_cases(s: Session, case_ids: set[str]) -> set[str]:
    return {r[0] for r in _run(s, _GUARDED, case_ids)} if case_ids else set()


def _protected_values(s: Session, stmt: Any, values: set[str]) -> set[str]:
    """Which of `values` (addresses or phones) belong to a person marked confidential somewhere."""
    return {r[0].strip() for r in _run(s, stmt, values) if r[0]} if values else set()


def subjects(s: Session, contacts: Sequence[Contact], marks: list[tuple[str, str]] | None = None
             ) -> dict[str, Subject]:
    """The rule's facts for each contact, in a handful of indexed queries for the whole batch.
    `marks`: `_marks_of_persons` for the contacts' persons, when the caller has it already."""
    if marks is None:
        marks = _marks_of_persons(s, {c.person_id for c in contacts if c.person_id})
    marked = {person for _party, person in marks}
    elsewhere = _flagged_persons(s, contacts, marked)
    # A household or a register entry is protected with its case: ask only when one is in the batch.
    guarded = _guarded_cases(s, {c.case_id for c in contacts if c.case_id and (
        c.register_entry or c.role == PartyRole.MINOR_CHILD.value)})
    hidden_addresses = _protected_values(s, _ADDRESSES, {c.address.strip() for c in contacts if c.address})
    hidden_phones = _protected_values(s, _PHONES, {c.phone.strip() for c in contacts if c.phone})
    out: dict[str, Subject] = {}
    for c in contacts:
        why = []
        if c.person_id in marked:
            why.append("marked")
        elif c.person_id in elsewhere:
            why.append("marked_elsewhere")
        if c.address and c.address.strip() in hidden_addresses:
            why.append("shared_address")
        if c.phone and c.phone.strip() in hidden_phones:
            why.append("shared_phone")
        if c.case_id in guarded and c.role == PartyRole.MINOR_CHILD.value:
            why.append("household")
        if c.case_id in guarded and c.register_entry:
            why.append("register")
        out[c.key] = Subject(protected=bool(why), respondent=c.role == PartyRole.RESPONDENT.value, why=tuple(why))
    return out


def disclosures(s: Session, reader: Reader, contacts: Sequence[Contact], purpose: Purpose = Purpose.RECORD
                ) -> dict[str, Disclosure]:
    """What `reader` may see of each contact, keyed by `Contact.key`."""
    marks = _marks_of_persons(s, {c.person_id for c in contacts if c.person_id})
    own = {party for party, _person in marks}     # which of the contacts' own party rows carry the mark
    if _blind_to_protection(reader):   # sees everything whatever the facts: spare the other queries
        facts = {c.key: Subject(False, c.role == PartyRole.RESPONDENT.value) for c in contacts}
    else:
        facts = subjects(s, contacts, marks)
    return {c.key: disclose(reader, facts[c.key], purpose, marked=c.party_id in own) for c in contacts}


def disclosure_of(s: Session, reader: Reader, contact: Contact, purpose: Purpose = Purpose.RECORD) -> Disclosure:
    return disclosures(s, reader, [contact], purpose)[contact.key]


def party_contact(party: CaseParty, person: Person) -> Contact:
    """The contact of a case party, keyed by the party's id."""
    return Contact(key=party.id, person_id=person.id, address=person.address, phone=person.phone,
                   case_id=party.case_id, role=party.role, party_id=party.id, flagged=person.contact_protected)


def case_has_marked_party(s: Session, case_id: str) -> bool:
    """The case holds a party whose contacts are marked confidential (sharing them needs her consent)."""
    return bool(_guarded_cases(s, {case_id}))


def intake_contact(record: IntakeRecord) -> Contact:
    """The visitor's contacts on a register entry, keyed by the entry's id."""
    return Contact(key=record.id, person_id=record.person_id, address=record.address, phone=record.contact,
                   case_id=record.case_id, register_entry=True)


def household_contact(entry: ScreeningEntry) -> Contact:
    """A screening entry's household (its address, and the person on file it names), keyed by the entry's id."""
    return Contact(key=entry.id, person_id=entry.person_id, address=entry.address, case_id=entry.case_id,
                   register_entry=True)

"""Free text on papers for the other side: what staff typed (statements, facts, requests, notes) is printed as
entered, so it may quote the victim's phone, ID number, address or shelter. On a respondent's copy (and an
agency's letter for what the complainant did not agree to share) every such string known from the case, and any
mobile number or 18-digit ID number, is replaced by "（已隐去）" before layout.

Structured fields are handled in data.py (left empty); this pass only touches free text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sqlalchemy import select

from ..domain.enums import PartyRole
from ..domain.referral_rules import CONTACT_ITEM
from ..store.models import Case, CaseParty, CrisisAction, IntakeRecord, Person
from ..store.uow import UnitOfWork
from .kinds import Recipient
from .paper_data import CaseData

MASK = "（已隐去）"
ID_ITEM = "身份证明"
MOBILE = re.compile(r"(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)")
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{6}(?:18|19|20)\d{2}[01]\d[0-3]\d{4}[\dXx](?![0-9A-Za-z])")
# An address is often typed without its leading district or township: "郭亮村五组12号" for the full one.
_ADMIN_PREFIX = re.compile(r"^.+?(?:省|自治区|市|自治州|区|县|街道|镇|乡)")
_MIN_ADDRESS = 5


@dataclass(frozen=True)
class Secrets:
    contacts: tuple[str, ...]     # phones, addresses (and their shorter forms), shelter names: longest first
    ids: tuple[str, ...]
    mask_contacts: bool
    mask_ids: bool

    @property
    def active(self) -> bool:
        return self.mask_contacts or self.mask_ids


def _address_forms(address: str) -> list[str]:
    forms, rest = [], address.strip()
    while len(rest) >= _MIN_ADDRESS:
        forms.append(rest)
        match = _ADMIN_PREFIX.match(rest)
        if not match or match.end() >= len(rest):
            break
        rest = rest[match.end():]
    return forms


def collect(uow: UnitOfWork, case: Case, rows: list[tuple[CaseParty, Person]], recipient: Recipient,
            shared: list[tuple[str, ...]]) -> Secrets:
    """The complainant side's contacts, ID numbers and shelters for `case`, and what this reader may not see.
    `shared`: the items each agency referral was allowed to carry."""
    if recipient is Recipient.RESPONDENT:
        mask_contacts = mask_ids = True
    elif recipient is Recipient.AGENCY:
        mask_contacts = not shared or any(CONTACT_ITEM not in items for items in shared)
        mask_ids = not shared or any(ID_ITEM not in items for items in shared)
    else:
        return Secrets((), (), False, False)
    phones, addresses, ids = set(), set(), set()
    for party, person in rows:
        if party.role == PartyRole.RESPONDENT.value:
            continue
        phones.add(person.phone or "")
        addresses.add(person.address or "")
        ids.add(person.id_number or "")
    for address, contact in uow.s.execute(select(IntakeRecord.address, IntakeRecord.contact).where(
            IntakeRecord.case_id == case.id, IntakeRecord.deleted_at.is_(None))):
        addresses.add(address or "")
        phones.add(contact or "")
    shelters = {str((data or {}).get("shelter") or "") for data in uow.s.execute(
        select(CrisisAction.data).where(CrisisAction.case_id == case.id, CrisisAction.kind == "shelter",
                                        CrisisAction.deleted_at.is_(None))).scalars()}
    contacts = {p.strip() for p in phones if len(p.strip()) >= 5} | {s.strip() for s in shelters if len(s.strip()) >= 2}
    for address in addresses:
        contacts.update(_address_forms(address))
    return Secrets(tuple(sorted(contacts, key=lambda x: (-len(x), x))),
                   tuple(sorted({i.strip() for i in ids if len(i.strip()) >= 15}, key=lambda x: (-len(x), x))),
                   mask_contacts, mask_ids)


def mask_text(text: str, s: Secrets) -> str:
    if not text or not s.active:
        return text
    if s.mask_ids:
        for known in s.ids:
            text = text.replace(known, MASK)
        text = ID_NUMBER.sub(MASK, text)
    if s.mask_contacts:
        for known in s.contacts:
            text = text.replace(known, MASK)
        text = MOBILE.sub(MASK, text)
    return text


def redact(d: CaseData, s: Secrets) -> CaseData:
    """`d` with every free-text field masked (structured fields stay as data.py left them)."""
    if not s.active:
        return d
    m = lambda text: mask_text(text, s)  # noqa: E731
    return replace(
        d, title=m(d.title), summary=m(d.summary),
        intakes=tuple(replace(r, request=m(r.request), facts=m(r.facts), decision_note=m(r.decision_note),
                              representatives=m(r.representatives), transfer_to=m(r.transfer_to))
                      for r in d.intakes),
        sessions=tuple(replace(x, place=m(x.place), statements=tuple((who, m(text)) for who, text in x.statements))
                       for x in d.sessions),
        agreements=tuple(replace(a, facts=m(a.facts), disputes=m(a.disputes), responsibility=m(a.responsibility),
                                 terms=tuple(replace(t, content=m(t.content), manner=m(t.manner)) for t in a.terms))
                         for a in d.agreements),
        follow_ups=tuple(replace(f, performance=m(f.performance), note=m(f.note)) for f in d.follow_ups),
        referrals=tuple(replace(r, reason=m(r.reason), consent_note=m(r.consent_note), response=m(r.response))
                        for r in d.referrals),
        closing_notes=tuple(m(n) for n in d.closing_notes), rejection_notes=tuple(m(n) for n in d.rejection_notes),
        petition_basis=m(d.petition_basis), petition_facts=m(d.petition_facts), closing_reason=m(d.closing_reason),
        mandatory_reports=tuple(replace(r, facts=m(r.facts)) for r in d.mandatory_reports),
        orders=tuple(m(o) for o in d.orders), timeline=tuple((at, m(text)) for at, text in d.timeline),
        attachments=tuple(replace(a, description=m(a.description), filename=m(a.filename)) for a in d.attachments))

"""What a receiving unit may be sent.

A village station receives its own records and every record of the cases assigned or referred to it while
that referral waits for its answer; of a case it referred away, returned or handed on it receives only the
case row and the referral rows (it learns where the case went, not what happens to the people in it
afterwards: her later shelter address must not travel to a station that gave the case up); a town receives
its villages' as well; the district receives everything.
The org tree itself goes everywhere: referral screens name the other units; so does the working-day
calendar the district confirms (calendar_year), so every station's clocks count the same days.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..services.accounts.orgunits import root_unit, subtree_ids
from ..store.models import Agreement, Case, CaseParty, Referral


EVERYWHERE = frozenset({"org_unit", "calendar_year"})


@dataclass(frozen=True)
class ReceiverScope:
    everything: bool
    units: frozenset[str]
    cases: frozenset[str]
    persons: frozenset[str]
    agreements: frozenset[str]
    # Cases it referred away or gave back: only where they went (the case row and its referrals).
    notice_cases: frozenset[str] = frozenset()

    def allows(self, table: str, row: Any) -> bool:
        if self.everything or table in EVERYWHERE:
            return True
        owner = row.get("owner_unit_id")
        if owner in self.units:
            return True
        if table == "case_file":
            return row["id"] in self.cases or row["id"] in self.notice_cases
        if table == "referral" and row.get("case_id") in self.notice_cases:
            return True
        if table == "person":
            return row["id"] in self.persons
        if table == "agreement_term":
            return row.get("agreement_id") in self.agreements
        case_id = row.get("case_id")
        return case_id is not None and case_id in self.cases


def receiver_scope(session: Session, unit_id: str) -> ReceiverScope:
    root = root_unit(session)
    if root is not None and root.id == unit_id:
        return ReceiverScope(True, frozenset(), frozenset(), frozenset(), frozenset())
    units = subtree_ids(session, unit_id)
    unit_list = list(units)
    owned = select(Case.id).where(Case.owner_unit_id.in_(unit_list))
    waiting = select(Referral.case_id).where(Referral.kind == "tier", Referral.status == "pending",
                                             Referral.deleted_at.is_(None), Referral.to_unit_id.in_(unit_list))
    cases = frozenset(session.execute(owned.union(waiting)).scalars())
    involved = select(Referral.case_id).where(Referral.kind == "tier", or_(Referral.to_unit_id.in_(unit_list),
                                                                          Referral.from_unit_id.in_(unit_list)))
    notice_cases = frozenset(session.execute(involved).scalars()) - cases
    case_list = list(cases)
    persons = frozenset(session.execute(select(CaseParty.person_id).where(CaseParty.case_id.in_(case_list))).scalars())
    agreements = frozenset(session.execute(select(Agreement.id).where(Agreement.case_id.in_(case_list))).scalars())
    return ReceiverScope(False, units, cases, persons, agreements, notice_cases)

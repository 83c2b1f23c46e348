"""What a case achieved, recorded at its closure for the monthly report: 防止民转刑, 防止自杀, 制止群体性上访,
each with the number of persons concerned.

The handler proposes them with the closure request (they wait in the request's payload, as a petition's opinion
does) and they are written on the case when the supervisor approves the closure; reopening the case clears them
(the next closure records them again). A ticked outcome needs a head count of 1 to PERSONS_MAX; an outcome not
ticked has none. The report counts these recorded facts only, never a guess from risk flags or group visits.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .enums import Labelled
from .errors import ValidationError

# A head count above this is a typing slip (a group petition of a thousand people is not a village matter).
PERSONS_MAX = 1000
PAYLOAD_KEY = "closure_outcomes"


class ClosureOutcome(Labelled):
    PREVENTED_CRIME = "prevented_crime", "防止民转刑"
    PREVENTED_SUICIDE = "prevented_suicide", "防止自杀"
    STOPPED_GROUP_PETITION = "stopped_group_petition", "制止群体性上访"


@dataclass(frozen=True)
class ClosureOutcomes:
    """Persons per outcome recorded; an outcome absent from `persons` was not recorded."""

    persons: tuple[tuple[ClosureOutcome, int], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.persons)

    def of(self, outcome: ClosureOutcome) -> int | None:
        return dict(self.persons).get(outcome)

    def payload(self) -> dict[str, Any]:
        return {PAYLOAD_KEY: {o.value: n for o, n in self.persons}} if self.persons else {}

    def text(self) -> str:
        """防止民转刑 2 人；制止群体性上访 12 人 (empty when nothing was recorded)."""
        return "；".join(f"{o.label} {n} 人" for o, n in self.persons)

    def columns(self) -> dict[str, Any]:
        """The case's columns for these outcomes (every outcome, recorded or not)."""
        out: dict[str, Any] = {}
        for o in ClosureOutcome:
            n = self.of(o)
            out[o.value], out[f"{o.value}_persons"] = n is not None, n
        return out

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any] | None) -> "ClosureOutcomes":
        """What an approval request carries (already checked when it was filed; anything odd is dropped)."""
        raw = (payload or {}).get(PAYLOAD_KEY)
        if not isinstance(raw, dict):
            return cls()
        try:
            return parse_outcomes(raw)
        except ValidationError:
            return cls()

    @classmethod
    def of_case(cls, case: Any) -> "ClosureOutcomes":
        return cls(tuple((o, int(getattr(case, f"{o.value}_persons") or 1)) for o in ClosureOutcome
                         if getattr(case, o.value)))


def parse_outcomes(given: Mapping[str, Any] | None) -> ClosureOutcomes:
    """`given`: outcome code -> persons; None or 0 for an outcome not ticked. Anything else is refused."""
    persons: list[tuple[ClosureOutcome, int]] = []
    for code, n in (given or {}).items():
        outcome = next((o for o in ClosureOutcome if o.value == code), None)
        if outcome is None:
            raise ValidationError(f"未知的结案成效：{code}。", code="closure_outcome_unknown", field="closure_outcomes")
        if n is None or n == 0:
            continue
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise ValidationError(f"已勾选“{outcome.label}”：请填写涉及人数（至少 1 人）。",
                                  code="closure_outcome_persons", field="closure_outcomes")
        if n > PERSONS_MAX:
            raise ValidationError(f"“{outcome.label}”的人数最多 {PERSONS_MAX} 人，请核对。",
                                  code="closure_outcome_persons", field="closure_outcomes")
        persons.append((outcome, n))
    order = list(ClosureOutcome)
    return ClosureOutcomes(tuple(sorted(persons, key=lambda p: order.index(p[0]))))


def columns_hold(row: Mapping[str, Any]) -> bool:
    """Whether a case's outcome columns (as a bundle carries them) could have been written by a closure: each
    outcome ticked or not (True/False), a ticked one with 1 to PERSONS_MAX persons (or no count at all, as a
    record older than the count has), one not ticked with none; outcomes only on a closed case (they are written
    by the closure's approval and cleared on reopening). A column the row lacks (an older program) is not judged."""
    status = row.get("status")
    if status is not None and status != "closed" and any(row.get(o.value) for o in ClosureOutcome):
        return False
    for o in ClosureOutcome:
        if o.value not in row:
            continue
        ticked, n = row.get(o.value), row.get(f"{o.value}_persons")
        if ticked is not None and not isinstance(ticked, bool):
            return False
        if not ticked and n is not None:
            return False
        if ticked and n is not None and (isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= PERSONS_MAX):
            return False
    return True


"""What a write changed, as a value: which kinds of record a screen may show are now out of date.

A write (a service call the desktop runs in a write unit of work, a sync import, a calendar save) is
described by one `Changes`: a boolean per kind of record, and the cases it touched when they are known.
The desktop announces it once, and every screen that shows one of those kinds refreshes itself — in the
manner of Anki's OpChanges. The record names kinds, never screens: the core does not know who shows what.

`Changes` is immutable; `merge` joins two (a write that moves a case and edits a party). Kinds are also
addressed by name (`KINDS`, `kinds()`, `touches()`), so a screen can subscribe with a set of names.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Iterable


@dataclass(frozen=True)
class Changes:
    case: bool = False
    """A case's row, state, handler, unit, clocks, approvals, referrals, risk, mediation, screening …"""
    party: bool = False
    """A party of a case (name, contacts, the confidentiality flag)."""
    attachments: bool = False
    """Evidence files of a case were added or removed."""
    user: bool = False
    """A user account (created, edited, role, password reset, locked or unlocked, activated)."""
    org: bool = False
    """The tree of units."""
    settings: bool = False
    """The station's settings (idle lock, limits)."""
    calendar: bool = False
    """The working-day calendar (every running clock's due date may move)."""
    sync: bool = False
    """A sync bundle was imported or a sync conflict resolved."""
    reports: bool = False
    """A unit's monthly report up the tiers was submitted, accepted or returned."""
    case_ids: frozenset[str] = frozenset()
    """The cases touched, when known. Empty means "unknown": a screen of one case must assume it is one of them."""

    def kinds(self) -> frozenset[str]:
        """The names of the kinds that changed, e.g. {"case", "party"}."""
        return frozenset(f.name for f in fields(self) if f.name in KINDS and getattr(self, f.name))

    def touches(self, kinds: Iterable[str], case_id: str | None = None) -> bool:
        """True when one of `kinds` changed — and, given `case_id`, when that case may be among those touched."""
        if not self.kinds() & frozenset(kinds):
            return False
        return case_id is None or not self.case_ids or case_id in self.case_ids

    def merge(self, other: Changes) -> Changes:
        """Both changes in one: a kind changed if it changed in either; the case ids are joined, except that
        "unknown" (no ids beside a case-level kind) stays unknown."""
        flags = {name: getattr(self, name) or getattr(other, name) for name in KINDS}
        unknown = any(c.kinds() & CASE_KINDS and not c.case_ids for c in (self, other))
        ids: frozenset[str] = frozenset() if unknown else self.case_ids | other.case_ids
        return Changes(**flags, case_ids=ids)

    def __bool__(self) -> bool:
        return bool(self.kinds())


KINDS: frozenset[str] = frozenset(f.name for f in fields(Changes) if f.name != "case_ids")
"""Every kind a screen may subscribe to."""
CASE_KINDS: frozenset[str] = frozenset({"case", "party", "attachments"})
"""The kinds that belong to one case (and so may name it in `case_ids`)."""


def case_changed(*case_ids: str) -> Changes:
    """The common case: something of these cases changed (no ids: some case, which one unknown)."""
    return Changes(case=True, case_ids=frozenset(case_ids))


def check_kinds(kinds: Iterable[str]) -> frozenset[str]:
    """`kinds` as a set, refusing a name that is not a kind (a typo would subscribe to nothing, silently)."""
    wanted = frozenset(kinds)
    unknown = wanted - KINDS
    if unknown:
        raise ValueError(f"unknown kinds of change: {sorted(unknown)}; known: {sorted(KINDS)}")
    return wanted

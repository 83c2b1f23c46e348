"""Who issues, reviews and seals a paper: the federation organs of the org tree and each station's mediation
committee (信访工作条例第三十五条; 人民调解法). Separate from data.py, which gathers what a paper prints."""
from __future__ import annotations

from ..domain.enums import Tier
from ..services.accounts import settings
from ..store.models import OrgUnit
from ..store.uow import UnitOfWork


def organ_name(unit: OrgUnit) -> str:
    """A district's or town's federation as an organ: 望城区妇女联合会, 高塘岭街道妇女联合会."""
    return f"{unit.name}妇女联合会"


def petition_organs(uow: UnitOfWork, unit: OrgUnit | None, display: str) -> tuple[str, str]:
    """(issuer, review body) of a petition opinion for a case owned by `unit`.

    A village or community work station is not an organ that handles petitions in its own name: its opinion is
    issued by the nearest federation above it (the town's, else the district's). The review body (第三十五条) is
    the organ one level above the issuer in the org tree; above the district it is the 信访复查机关 setting."""
    if unit is None:
        return display, settings.get(uow, "petition_review_body") or ""
    organ = unit
    while organ.tier == Tier.VILLAGE.value and organ.parent_id:
        parent = uow.s.get(OrgUnit, organ.parent_id)
        if parent is None:
            break
        organ = parent
    issuer = display if organ is unit and unit.tier == Tier.DISTRICT.value and display else organ_name(organ)
    above = uow.s.get(OrgUnit, organ.parent_id) if organ.parent_id else None
    review = organ_name(above) if above is not None else (settings.get(uow, "petition_review_body") or "")
    return issuer, review


def committee_name(uow: UnitOfWork, unit: OrgUnit | None) -> str:
    """The station's 人民调解委员会 as set for its unit (settings), else one named after the unit."""
    if unit is None:
        return ""
    return settings.get_for_unit(uow, "mediation_committee", unit.id) or f"{unit.name}{settings.COMMITTEE_SUFFIX}"


def issuer_of(display: str, unit_name: str) -> str:
    """The body that issues the paper: the administrator's setting, else the federation of the unit's name."""
    if display:
        return display
    return f"{unit_name}妇女联合会" if unit_name.endswith(("区", "县", "市")) else f"{unit_name}妇联调解工作站"

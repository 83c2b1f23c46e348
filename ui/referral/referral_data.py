"""Loaders of the referral dialogs, run off the UI thread (`session.read`)."""
from __future__ import annotations

from fulian_desktop.security.actor import Actor
from fulian_desktop.services.accounts.orgunits import OrgUnitView, get_unit, list_units
from fulian_desktop.store.uow import UnitOfWork

from ..i18n import tr


def referral_targets(uow: UnitOfWork, actor: Actor, owner_unit_id: str) -> list[tuple[str, OrgUnitView]]:
    """Where a case of `owner_unit_id` may go between tiers: ("上报", its parent) and ("交办", each direct
    child). The parent is usually outside a village user's scope, so it is read by id."""
    owner = get_unit(uow, owner_unit_id)
    targets: list[tuple[str, OrgUnitView]] = []
    if owner.parent_id:
        targets.append((tr("上报"), get_unit(uow, owner.parent_id)))
    targets.extend((tr("交办"), unit) for unit in list_units(uow, actor) if unit.parent_id == owner_unit_id)
    return targets

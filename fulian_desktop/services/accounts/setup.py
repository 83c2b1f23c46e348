"""First-run setup shared by `fulian init` and the setup wizard: district, first administrator and (in the wizard)
the first supervisor."""
from __future__ import annotations

from dataclasses import dataclass

from ...domain.enums import Role, Tier
from ...store.store import Store
from . import orgunits, users
from .auth import system_actor


@dataclass(frozen=True)
class FirstAccount:
    """An account made at setup by the key holder. The system administrator grants only what it holds, so the
    staff accounts are the supervisor's: the first district supervisor is made here, or later with `fulian user add`."""
    username: str
    display_name: str
    password: str


@dataclass(frozen=True)
class TownSpec:
    name: str
    villages: tuple[str, ...] = ()
    case_prefix: str | None = None


def initialise(store: Store, *, district: str, case_prefix: str, admin_username: str, admin_name: str,
               admin_password: str, towns: tuple[TownSpec, ...] = (),
               supervisor: FirstAccount | None = None) -> str:
    """Create the district, its towns and villages, the first administrator and, if given, the first district
    supervisor (one transaction). Returns the district's unit id."""
    actor = system_actor(store, "初始化")
    with store.uow(write=True) as uow:
        root = orgunits.create_unit(uow, actor, name=district, tier=Tier.DISTRICT, parent_id=None,
                                    case_prefix=case_prefix)
        for town in towns:
            town_unit = orgunits.create_unit(uow, actor, name=town.name, tier=Tier.TOWN, parent_id=root.id,
                                             case_prefix=town.case_prefix)
            for village in town.villages:
                orgunits.create_unit(uow, actor, name=village, tier=Tier.VILLAGE, parent_id=town_unit.id)
        key_holder = _with_root(actor, root.id)
        users.add_user(uow, key_holder, username=admin_username, display_name=admin_name,
                       role=Role.SYSTEM_ADMIN, unit_id=root.id, password=admin_password)
        if supervisor is not None:
            users.add_user(uow, key_holder, username=supervisor.username, display_name=supervisor.display_name,
                           role=Role.SUPERVISOR, unit_id=root.id, password=supervisor.password)
    return root.id


def _with_root(actor, root_id: str):  # noqa: ANN001, ANN202
    from dataclasses import replace

    return replace(actor, unit_id=root_id, scope_unit_ids=actor.scope_unit_ids | {root_id})

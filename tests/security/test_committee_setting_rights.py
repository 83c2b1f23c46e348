"""Only an administrator names a station's 人民调解委员会 (printed on its agreements' seal): a mediator is refused and
nothing is written; a bad name or an unknown unit is refused with a clear message."""
from __future__ import annotations

from pathlib import Path

import pytest

from fulian_desktop.domain.enums import Role
from fulian_desktop.domain.errors import PermissionDenied, ValidationError
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.accounts import settings as core_settings
from tests.support.stores import VILLAGE_A1, add_user, build_org, first_login, new_store


def test_only_an_administrator_names_a_committee(tmp_path: Path) -> None:
    store = new_store(tmp_path / "s").store
    try:
        org = build_org(store)
        village = org.units[VILLAGE_A1]
        add_user(store, "med", Role.MEDIATOR, village, display_name="村调解员")
        med, system = first_login(store, "med"), auth.system_actor(store)
        with pytest.raises(PermissionDenied), store.uow(write=True) as uow:
            core_settings.put_for_unit(uow, med, "mediation_committee", village, "假冒人民调解委员会")
        with pytest.raises(ValidationError) as bad, store.uow(write=True) as uow:
            core_settings.put_for_unit(uow, system, "mediation_committee", village, "郭亮村调解小组")
        assert "人民调解委员会" in bad.value.message
        with pytest.raises(ValidationError) as unknown, store.uow(write=True) as uow:
            core_settings.put_for_unit(uow, system, "mediation_committee", "no-such-unit", "某人民调解委员会")
        assert "组织单位" in unknown.value.message
        with store.uow() as uow:
            assert core_settings.unit_values(uow, "mediation_committee") == {}
    finally:
        store.close()

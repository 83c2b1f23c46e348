"""0014: a person marked 联系方式保密 in any live party row of a store made before it is protected on her
person row, and the change is logged so it travels to the stations holding only her unmarked party."""
from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.services.cases import cases
from fulian_desktop.store import migrate
from tests.support.stores import VILLAGE_A1, add_user, build_org, first_login, new_store, on_postgres

pytestmark = pytest.mark.skipif(on_postgres(), reason="rebuilds a SQLite table by hand to go back to 0013")


def test_the_upgrade_protects_every_person_marked_in_a_live_party(tmp_path: Path) -> None:
    store = new_store(tmp_path / "s").store
    try:
        org = build_org(store)
        add_user(store, "dudao", Role.SUPERVISOR, org.district)
        sup = first_login(store, "dudao")
        with store.uow(write=True) as uow:
            case = cases.create_case(uow, sup, cases.NewCase(title="家暴求助", kind=CaseKind.CRISIS,
                                                             unit_id=org.units[VILLAGE_A1]))
            marked = cases.add_party(uow, sup, case.row.id, PersonInput(name="周小红", sex="female"),
                                     PartyRole.VICTIM, contact_confidential=True)
            plain = cases.add_party(uow, sup, case.row.id, PersonInput(name="李强", sex="male"),
                                    PartyRole.RESPONDENT)
        with store.engine.connect() as conn:
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys = OFF")   # SQLite rebuilds person
            with conn.begin():
                command.downgrade(migrate.alembic_config(conn), "0013")
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys = ON")
        with store.engine.begin() as conn:
            assert "contact_protected" not in {r[1] for r in conn.execute(text("PRAGMA table_info(person)"))}
            before = conn.execute(text("SELECT max(seq) FROM sync_change")).scalar_one()
        migrate.upgrade(store.engine)
        with store.engine.connect() as conn:
            flags = dict(conn.execute(text("SELECT id, contact_protected FROM person")).all())
            logged = set(conn.execute(text("SELECT record_id FROM sync_change WHERE table_name = 'person' "
                                           "AND seq > :s"), {"s": before}).scalars())
        assert bool(flags[marked.person_id]) and not flags[plain.person_id]
        assert logged == {marked.person_id}
    finally:
        store.close()

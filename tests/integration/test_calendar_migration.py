"""0011: the administrator's calendar days and declared years become one synced record per year."""
from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from alembic import command
from sqlalchemy import MetaData, select

from fulian_desktop.security.keyfile import new_database_key
from fulian_desktop.store import migrate
from fulian_desktop.store.engine import make_engine, sqlcipher_url


def _tables(engine) -> dict:  # noqa: ANN001
    meta = MetaData()
    meta.reflect(engine)
    return meta.tables


def test_calendar_days_and_declared_years_move_into_calendar_year_and_back(tmp_path: Path) -> None:
    engine = make_engine(sqlcipher_url(tmp_path / "store.db", new_database_key().hex()))
    try:
        migrate.upgrade(engine, "0010")
        t = _tables(engine)
        with engine.begin() as conn:
            conn.execute(t["calendar_day"].insert(), [
                {"day": date(2027, 1, 1), "is_workday": False, "note": "元旦"},
                {"day": date(2027, 2, 7), "is_workday": True, "note": None},
                {"day": date(2028, 1, 3), "is_workday": False, "note": None},
            ])
            conn.execute(t["app_setting"].insert().values(
                key="calendar_declared_years", value=[2027, 2031], updated_by="admin",
                updated_at=datetime(2026, 11, 1, tzinfo=timezone.utc)))

        migrate.upgrade(engine, "0011")
        t = _tables(engine)
        assert "calendar_day" not in t
        with engine.connect() as conn:
            rows = {r.year: r for r in conn.execute(select(t["calendar_year"]))}
            assert conn.execute(select(t["app_setting"])).first() is None
        assert sorted(rows) == [2027, 2028, 2031]
        assert rows[2027].id == "calendar-2027" and rows[2027].complete
        assert rows[2027].days == {"2027-01-01": [False, "元旦"], "2027-02-07": [True, None]}
        assert not rows[2028].complete and rows[2031].complete and rows[2031].days == {}

        with engine.connect() as conn, conn.begin():
            command.downgrade(migrate.alembic_config(conn), "0010")
        t = _tables(engine)
        assert "calendar_year" not in t
        with engine.connect() as conn:
            days = {r.day: (r.is_workday, r.note) for r in conn.execute(select(t["calendar_day"]))}
            (setting,) = conn.execute(select(t["app_setting"].c.value)).scalars()
        assert days == {date(2027, 1, 1): (False, "元旦"), date(2027, 2, 7): (True, None),
                        date(2028, 1, 3): (False, None)}
        assert setting == [2027, 2031]
    finally:
        engine.dispose()

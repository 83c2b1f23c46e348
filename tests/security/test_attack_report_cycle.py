"""Monthly reports forged by a station whose clock, or whose key holder, lies: a report of a month that has not
ended (signed by the village's own key, so the signature holds), one signed before its month was over, one for a
month no calendar has. The desk refuses all three when the supervisor submits; the station above refuses them
the same way when they arrive in a bundle, whole, and writes nothing."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Iterator

import pytest
from sqlalchemy import delete, select

from fulian_desktop.domain import clock
from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.domain.unit_reports import sign
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.services.reporting import reports
from fulian_desktop.services.reporting.signing import report_bytes, station_signer
from fulian_desktop.store.base import new_id
from fulian_desktop.store.models_reports import UnitReport
from fulian_desktop.sync.authority import SenderOverreach
from fulian_desktop.sync.exchange import export_bundle, import_bundle
from tests.support.report_stations import ReportStations, report_stations
from tests.support.stores import TOWN_A, VILLAGE_A1
from tests.support.sync_stations import deliver, fingerprint, without_audit

SIGNED = ("owner_unit_id", "period", "figures", "submission_no", "submitted_by", "submitted_at", "station_id")


@pytest.fixture
def rs(tmp_path) -> Iterator[ReportStations]:  # noqa: ANN001
    made = report_stations(tmp_path)
    yield made
    made.st.close()


def _at(year: int, month: int, d: int) -> datetime:
    return datetime(year, month, d, 10, 0, tzinfo=LOCAL_TZ)


def _town_refuses(rs: ReportStations, today: datetime, needle: str) -> None:
    data, _ = export_bundle(rs.village, system_actor(rs.village), rs.unit(TOWN_A))
    before = fingerprint(rs.town)
    with clock.frozen_at(today), pytest.raises(SenderOverreach) as refused:
        import_bundle(rs.town, system_actor(rs.town), data)
    assert needle in str(refused.value) and "数据未改变" in str(refused.value), str(refused.value)
    assert without_audit(fingerprint(rs.town)) == without_audit(before)
    with rs.town.uow() as uow:
        assert uow.s.execute(select(UnitReport)).first() is None


def test_a_report_of_a_month_not_yet_over_is_refused(rs: ReportStations) -> None:
    """The village's computer says February 2027: its supervisor submits January 2027 there. The town, in
    December 2026, receives figures of a month that has not even begun."""
    with clock.frozen_at(_at(2027, 2, 10)), rs.village.uow(write=True) as uow:
        reports.submit(uow, rs.village_sup, "2027-01")
    _town_refuses(rs, _at(2026, 12, 2), "尚未结束")


def _forge(rs: ReportStations, period: str, submitted_at: datetime) -> None:
    """A report written straight into the village's store and signed with its own station key."""
    with clock.frozen_at(submitted_at), rs.village.uow(write=True) as uow:
        station_id, _unit, private = station_signer(uow)
        fields: dict[str, Any] = {"owner_unit_id": rs.village_sup.unit_id, "period": period, "figures": {},
                                  "submission_no": 1, "submitted_by": "郭亮督导", "submitted_at": submitted_at,
                                  "station_id": station_id}
        uow.s.add(UnitReport(**fields, status="submitted", signature=sign(private, report_bytes(fields))))


def test_a_report_signed_before_its_month_was_over_is_refused(rs: ReportStations) -> None:
    """Signed on 1 December for December: the figures of a month with thirty days still to come."""
    _forge(rs, "2026-12", _at(2026, 12, 1))
    _town_refuses(rs, _at(2027, 1, 3), "尚未结束")


@pytest.mark.parametrize("period", ["0000-01", "1899-12"])
def test_a_report_of_a_month_no_one_reports_is_refused(rs: ReportStations, period: str) -> None:
    _forge(rs, period, _at(2026, 12, 1))
    _town_refuses(rs, _at(2026, 12, 2), "月份")


@pytest.mark.parametrize("period", ["0000-01", "9999-12"])
def test_the_desk_refuses_a_month_no_one_reports_in_words(rs: ReportStations, period: str) -> None:
    """Typed or pasted into the report page: a clear message, not a ValueError from the calendar."""
    with clock.frozen_at(_at(2026, 12, 2)), rs.village.uow() as uow, pytest.raises(ValidationError) as refused:
        reports.unit_report(uow, rs.village_sup, period)
    assert "报表月份格式" in refused.value.message


def test_an_accepted_report_cannot_be_replaced_by_a_new_record(rs: ReportStations) -> None:
    """After the town accepted it, the village deletes its copy outright and signs new figures under a new id:
    refused as an overreach, named and audited (before: the import died on the database's unique index with
    its SQL in the message)."""
    with clock.frozen_at(_at(2026, 12, 1)), rs.village.uow(write=True) as uow:
        rid = reports.submit(uow, rs.village_sup, "2026-11").id
    deliver(rs.village, rs.town, rs.unit(TOWN_A))
    with clock.frozen_at(_at(2026, 12, 2)), rs.town.uow(write=True) as uow:
        reports.accept(uow, rs.town_sup, rid or "")
    deliver(rs.town, rs.village, rs.unit(VILLAGE_A1))
    with clock.frozen_at(_at(2026, 12, 3)), rs.village.uow(write=True) as uow:
        row = uow.s.get(UnitReport, rid)
        fields = {c: getattr(row, c) for c in SIGNED}
        fields["figures"] = {**row.figures, "mediation": {**row.figures["mediation"], "mediated": [0, 0, 99, 99, 99]}}
        fields["submission_no"] = 2
        uow.s.execute(delete(UnitReport).where(UnitReport.id == rid))
        uow.s.flush()
        _station, _unit, private = station_signer(uow)
        uow.s.add(UnitReport(id=new_id(), **fields, status="submitted", signature=sign(private, report_bytes(fields))))
    data, _ = export_bundle(rs.village, system_actor(rs.village), rs.unit(TOWN_A))
    before = fingerprint(rs.town)
    with clock.frozen_at(_at(2026, 12, 4)), pytest.raises(SenderOverreach) as refused:
        import_bundle(rs.town, system_actor(rs.town), data)
    assert "不能另立一份取代它" in str(refused.value) and "数据未改变" in str(refused.value)
    assert without_audit(fingerprint(rs.town)) == without_audit(before)
    with rs.town.uow() as uow:
        (kept,) = uow.s.execute(select(UnitReport)).scalars()
        assert (kept.id, kept.status, kept.figures["mediation"]["mediated"][2]) == (rid, "accepted", 0)

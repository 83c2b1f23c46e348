"""Forged monthly reports: a station holding its own database key writes straight into its store with the ORM and
sends an ordinary signed bundle. The station above refuses the bundle whole, naming the report, and writes nothing.

A village may only submit its own unit's report, never accept or return one (its own included), never touch another
unit's, never change figures it submitted except by resubmitting after a return; a town may review only the reports
of its own villages, never its own; no one may change a figure the reporting station signed (a tampered figure is
refused wherever it arrives, from below or from above)."""
from __future__ import annotations

from typing import Any, Callable, Iterator

import pytest
from sqlalchemy import select

from fulian_desktop.domain import clock
from fulian_desktop.domain.unit_reports import ReportStatus, sign
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.services.reporting import reports
from fulian_desktop.services.reporting.signing import report_bytes, station_signer
from fulian_desktop.store.base import new_id
from fulian_desktop.store.models import AuditEntry
from fulian_desktop.store.models_reports import UnitReport
from fulian_desktop.store.models_sync import SyncPeer
from fulian_desktop.store.store import Store
from fulian_desktop.sync.authority import SenderOverreach
from fulian_desktop.sync.exchange import export_bundle, import_bundle
from tests.support.report_stations import PERIOD, ReportStations, day, on, report_stations
from tests.support.stores import TOWN_A, VILLAGE_A2
from tests.support.sync_stations import deliver, fingerprint, without_audit

SIGNED = ("owner_unit_id", "period", "figures", "submission_no", "submitted_by", "submitted_at", "station_id")


@pytest.fixture
def rs(tmp_path) -> Iterator[ReportStations]:  # noqa: ANN001
    made = report_stations(tmp_path)
    yield made
    made.st.close()


def _resign(uow: Any, row: UnitReport) -> None:
    """Sign the row again with this store's own station key, as a key holder can."""
    _station, _unit, private = station_signer(uow)
    row.signature = sign(private, report_bytes({c: getattr(row, c) for c in SIGNED}))


def _submitted(rs: ReportStations, store: Store, actor: Any) -> str:
    with on(12, 1), store.uow(write=True) as uow:
        return reports.submit(uow, actor, PERIOD).id or ""


def _edit(store: Store, rid: str, change: Callable[[Any, UnitReport], None]) -> None:
    with clock.frozen_at(day(12, 2)), store.uow(write=True) as uow:
        row = uow.s.get(UnitReport, rid)
        change(uow, row)


def _tamper(_uow: Any, row: UnitReport) -> None:
    figures = dict(row.figures)
    figures["mediation"] = {**figures["mediation"], "mediated": [0, 0, 40, 40, 40]}
    row.figures = figures


def _refused(sender: Store, receiver: Store, receiver_unit: str, needle: str) -> str:
    data, _ = export_bundle(sender, system_actor(sender), receiver_unit)
    before = fingerprint(receiver)
    with pytest.raises(SenderOverreach) as refused:
        import_bundle(receiver, system_actor(receiver), data)
    message = str(refused.value)
    assert needle in message, message
    assert "数据未改变" in message
    assert without_audit(fingerprint(receiver)) == without_audit(before)
    with receiver.uow() as uow:
        assert uow.s.execute(select(AuditEntry).where(AuditEntry.action == "sync_refused")).first() is not None
    return message


def test_a_village_cannot_accept_its_own_report(rs: ReportStations) -> None:
    rid = _submitted(rs, rs.village, rs.village_sup)

    def accept(_uow: Any, row: UnitReport) -> None:
        row.status, row.reviewed_by, row.reviewed_at = ReportStatus.ACCEPTED.value, "郭亮村督导", clock.now_utc()

    _edit(rs.village, rid, accept)
    message = _refused(rs.village, rs.town, rs.unit(TOWN_A), "不能自行把本单位的报表改为“已通过”")
    assert rid in message and "月度统计上报" in message
    _refused(rs.village, rs.district, rs.st.org.district, "不能自行把本单位的报表改为“已通过”")


def test_a_village_cannot_submit_for_another_village(rs: ReportStations) -> None:
    rid = _submitted(rs, rs.village, rs.village_sup)

    def move(uow: Any, row: UnitReport) -> None:
        row.owner_unit_id = rs.unit(VILLAGE_A2)
        _resign(uow, row)

    _edit(rs.village, rid, move)     # its own key signs for 郭亮村's station only: refused before anything else
    _refused(rs.village, rs.town, rs.unit(TOWN_A), "签名不符")


def test_a_village_cannot_plant_another_villages_report(rs: ReportStations) -> None:
    with clock.frozen_at(day(12, 2)), rs.village.uow(write=True) as uow:
        row = UnitReport(id=new_id(), owner_unit_id=rs.unit(VILLAGE_A2), period=PERIOD, status="accepted",
                         figures={"mediation": {"mediated": [0, 0, 9, 9, 9]}}, submission_no=1,
                         submitted_by="伪造", submitted_at=clock.now_utc().replace(microsecond=0),
                         station_id=station_signer(uow)[0], signature="", reviewed_by="伪造",
                         reviewed_at=clock.now_utc())
        _resign(uow, row)
        uow.s.add(row)
    _refused(rs.village, rs.town, rs.unit(TOWN_A), "签名不符")


def test_a_figure_changed_after_signing_is_refused(rs: ReportStations) -> None:
    rid = _submitted(rs, rs.village, rs.village_sup)
    _edit(rs.village, rid, _tamper)
    _refused(rs.village, rs.town, rs.unit(TOWN_A), "统计数字与报送站点的签名不符")


def test_a_village_cannot_change_a_submitted_report_without_a_return(rs: ReportStations) -> None:
    rid = _submitted(rs, rs.village, rs.village_sup)
    deliver(rs.village, rs.town, rs.unit(TOWN_A))

    def redo(uow: Any, row: UnitReport) -> None:
        _tamper(uow, row)
        _resign(uow, row)     # properly signed, by its own station: still not its to change now

    _edit(rs.village, rid, redo)
    _refused(rs.village, rs.town, rs.unit(TOWN_A), "只能在被退回后由郭亮村重新提交时更改")


def test_a_village_cannot_sign_as_another_station(rs: ReportStations) -> None:
    rid = _submitted(rs, rs.village, rs.village_sup)
    with rs.village.uow() as uow:
        town_station = uow.s.execute(select(SyncPeer.station_id).where(
            SyncPeer.unit_id == rs.unit(TOWN_A))).scalar_one()

    def claim(uow: Any, row: UnitReport) -> None:
        row.station_id = town_station
        _resign(uow, row)

    _edit(rs.village, rid, claim)
    _refused(rs.village, rs.town, rs.unit(TOWN_A), "签名不符")


def test_a_town_cannot_accept_its_own_report(rs: ReportStations) -> None:
    rid = _submitted(rs, rs.town, rs.town_sup)

    def accept(_uow: Any, row: UnitReport) -> None:
        row.status, row.reviewed_by, row.reviewed_at = ReportStatus.ACCEPTED.value, "高塘岭督导", clock.now_utc()

    _edit(rs.town, rid, accept)
    _refused(rs.town, rs.district, rs.st.org.district, "不能自行把本单位的报表改为“已通过”")


def test_a_town_cannot_change_a_villages_figures_while_accepting(rs: ReportStations) -> None:
    rid = _submitted(rs, rs.village, rs.village_sup)
    rs.up()

    def accept_altered(uow: Any, row: UnitReport) -> None:
        _tamper(uow, row)
        row.status, row.reviewed_by, row.reviewed_at = ReportStatus.ACCEPTED.value, "高塘岭督导", clock.now_utc()

    _edit(rs.town, rid, accept_altered)
    _refused(rs.town, rs.district, rs.st.org.district, "签名不符")


def test_a_town_cannot_return_without_a_reason(rs: ReportStations) -> None:
    rid = _submitted(rs, rs.village, rs.village_sup)
    rs.up()

    def silent(_uow: Any, row: UnitReport) -> None:
        row.status, row.reviewed_by, row.reviewed_at = ReportStatus.RETURNED.value, "高塘岭督导", clock.now_utc()

    _edit(rs.town, rid, silent)
    _refused(rs.town, rs.district, rs.st.org.district, "须写明退回原因")


def test_a_tampered_report_from_above_is_refused_too(rs: ReportStations) -> None:
    """The town's own report, accepted by the district, comes back down with a figure changed on the way."""
    rid = _submitted(rs, rs.town, rs.town_sup)
    deliver(rs.town, rs.district, rs.st.org.district)
    with on(12, 2), rs.district.uow(write=True) as uow:
        reports.accept(uow, rs.district_sup, rid)
    _edit(rs.district, rid, _tamper)
    _refused(rs.district, rs.town, rs.unit(TOWN_A), "统计数字与报送站点的签名不符")


def test_the_honest_cycle_passes_the_same_checks(rs: ReportStations) -> None:
    """Beside the forgeries: the real submit, accept and relay go through every store."""
    rid = _submitted(rs, rs.village, rs.village_sup)
    rs.up()
    with on(12, 2), rs.town.uow(write=True) as uow:
        reports.accept(uow, rs.town_sup, rid)
    rs.up()
    rs.down()
    for store in (rs.village, rs.town, rs.district):
        with store.uow() as uow:
            assert uow.s.get(UnitReport, rid).status == ReportStatus.ACCEPTED

"""The reporting cycle across three real stores (village 郭亮村, town 高塘岭街道, district 望城区): the village
submits its November report, it travels up in bundles, the town returns it with a reason, the village adds the
case it had missed and resubmits, the town accepts; the town's own report is accepted by the district; the district
sees who is late after the 5th, and its consolidated report sums the accepted reports and shows where its live
figures have moved since."""
from __future__ import annotations

from typing import Iterator

import pytest

from fulian_desktop.domain.errors import PermissionDenied, ValidationError
from fulian_desktop.domain.unit_reports import ReportStatus
from fulian_desktop.services.reporting import board, reports
from fulian_desktop.store.models_reports import UnitReport
from tests.support.concurrent_save import statements_of
from tests.support.report_stations import PERIOD, ReportStations, day, new_mediation, on, report_stations
from tests.support.stores import TOWN_A, TOWN_B, VILLAGE_A1, VILLAGE_A2
from tests.support.sync_stations import deliver, dump


@pytest.fixture
def rs(tmp_path) -> Iterator[ReportStations]:  # noqa: ANN001
    made = report_stations(tmp_path)
    yield made
    made.st.close()


def _row(rs_store, unit: str) -> UnitReport:  # noqa: ANN001
    with rs_store.uow() as uow:
        found = reports.find(uow, unit, PERIOD)
        assert found is not None
        uow.s.expunge(found)
        return found


def _board(store, actor) -> dict[str, str]:  # noqa: ANN001
    with store.uow() as uow:
        return {r.unit_name: r.label for r in board.board(uow, actor, PERIOD)}


def test_submit_return_resubmit_accept_across_three_stores(rs: ReportStations) -> None:
    village = rs.unit(VILLAGE_A1)
    new_mediation(rs.village, rs.village_sup, "邻里纠纷（十一月）", day(11, 8))

    # 12月2日: the village submits its November figures, frozen and signed.
    with on(12, 2), rs.village.uow(write=True) as uow:
        sent = reports.submit(uow, rs.village_sup, PERIOD)
    assert sent.status == ReportStatus.SUBMITTED and sent.submission_no == 1 and sent.signature_ok
    assert sent.report.figure("mediation", "mediated") == 1
    rs.up()
    with on(12, 3):
        assert _board(rs.town, rs.town_sup)[VILLAGE_A1] == "已提交"
        assert _board(rs.town, rs.town_sup)[VILLAGE_A2] == "未报"
        assert _board(rs.district, rs.district_sup)[VILLAGE_A1] == "已提交"

    # The town returns it: a case registered on 11月20日 is missing.
    with on(12, 3), rs.town.uow(write=True) as uow:
        row = reports.find(uow, village, PERIOD)
        assert row is not None
        back = reports.return_report(uow, rs.town_sup, row.id, "漏报了11月20日登记的婚姻家庭纠纷，请补录后重报。",
                                     expected_version=row.version)
    assert back.status == ReportStatus.RETURNED and back.reviewed_by == "高塘岭督导（jiedao）"
    rs.down()
    deliver(rs.town, rs.district, rs.st.org.district)      # the district sees the return too
    assert _row(rs.district, village).status == ReportStatus.RETURNED
    with on(12, 3), rs.village.uow() as uow:
        mine = reports.unit_report(uow, rs.village_sup, PERIOD)
        assert mine.status == ReportStatus.RETURNED
        assert mine.return_reason == "漏报了11月20日登记的婚姻家庭纠纷，请补录后重报。"
        assert mine.report.figure("mediation", "mediated") == 1     # the frozen figures, not the live ones

    # The village corrects its data and resubmits: figures computed anew, a second submission.
    new_mediation(rs.village, rs.village_sup, "婚姻家庭纠纷（补录）", day(11, 20))
    with on(12, 4), rs.village.uow(write=True) as uow:
        again = reports.submit(uow, rs.village_sup, PERIOD, expected_version=mine.version)
    assert again.status == ReportStatus.SUBMITTED and again.submission_no == 2
    assert again.report.figure("mediation", "mediated") == 2
    assert again.return_reason is None                    # a new submission, not yet reviewed
    deliver(rs.village, rs.town, rs.unit(TOWN_A))            # the district still holds the return

    # The town accepts; the verdict travels down to the village and up to the district.
    with on(12, 4), rs.town.uow(write=True) as uow:
        row = reports.find(uow, village, PERIOD)
        assert row is not None and row.submission_no == 2
        reports.accept(uow, rs.town_sup, row.id)
    # The town's own report, reviewed by the district.
    with on(12, 4), rs.town.uow(write=True) as uow:
        reports.submit(uow, rs.town_sup, PERIOD)
    assert _row(rs.district, village).status == ReportStatus.RETURNED
    rs.up()                                                   # accepted (second submission) over the return
    with on(12, 5), rs.district.uow(write=True) as uow:
        town_row = reports.find(uow, rs.unit(TOWN_A), PERIOD)
        assert town_row is not None
        with pytest.raises(PermissionDenied):     # the district does not review a village: its town does
            reports.accept(uow, rs.district_sup, reports.find(uow, village, PERIOD).id)
    with on(12, 5), rs.district.uow(write=True) as uow:
        reports.accept(uow, rs.district_sup, town_row.id)
    rs.down()

    for store in (rs.village, rs.town, rs.district):
        assert _row(store, village).status == ReportStatus.ACCEPTED
        assert _row(store, village).submission_no == 2
    assert _row(rs.town, rs.unit(TOWN_A)).status == ReportStatus.ACCEPTED
    # The same report, byte for byte, in all three stores.
    rows = [dump(s, ("unit_report",))["unit_report"][_row(rs.district, village).id] for s in
            (rs.village, rs.town, rs.district)]
    assert rows[0] == rows[1] == rows[2]

    # 12月6日: past the 5th, the units that have not reported are late.
    with on(12, 6):
        seen = _board(rs.district, rs.district_sup)
        assert seen[VILLAGE_A1] == "已通过" and seen[TOWN_A] == "已通过"
        assert seen[VILLAGE_A2] == "逾期未报" and seen[TOWN_B] == "逾期未报"
        with rs.town.uow() as uow:
            note = board.reminder(uow, rs.town_sup)
        assert note.overdue == 1 and note.overdue_names == (VILLAGE_A2,) and note.own_status == "accepted"

    # A case the village enters for November after acceptance moves the district's live figures, not the report.
    new_mediation(rs.village, rs.village_sup, "迟到的十一月案件", day(11, 28))
    rs.up()
    with on(12, 7), rs.district.uow() as uow:
        total = board.consolidated(uow, rs.district_sup, PERIOD)
    assert set(total.included) == {VILLAGE_A1, TOWN_A}
    assert VILLAGE_A2 in total.missing
    mediated = next(line for line in total.lines if line.key == "mediated")
    assert (mediated.reported, mediated.live, mediated.difference) == (2, 3, -1)
    assert "mediated" in [d.key for d in total.differences]
    assert {d.section for d in total.differences} == {"一、人民调解"}     # the rest still agrees


def test_submitting_and_reviewing_count_the_figures_before_taking_the_audit_chains_head(rs: ReportStations) -> None:
    """The audit entry holds the chain's head, which every audited save at every desk waits for, until the commit:
    the figures (seconds at a district on a big server) are counted before it, and a submission counts them once."""
    new_mediation(rs.village, rs.village_sup, "邻里纠纷（十一月）", day(11, 8))

    def submit() -> None:
        with on(12, 2), rs.village.uow(write=True) as uow:
            reports.submit(uow, rs.village_sup, PERIOD)

    def accept() -> None:
        with on(12, 3), rs.town.uow(write=True) as uow:
            row = reports.find(uow, rs.unit(VILLAGE_A1), PERIOD)
            assert row is not None
            reports.accept(uow, rs.town_sup, row.id)

    for store, work, counts in ((rs.village, submit, 1), (rs.town, accept, 1)):
        statements = statements_of(store, work)
        head = next(i for i, text in enumerate(statements) if "audit_head" in text)
        assert not [t for t in statements[head:] if "outcome_candidates" in t], "a report counted after the head"
        assert sum("outcome_candidates" in t for t in statements) == counts
        if work is submit:
            rs.up()


def test_a_unit_cannot_submit_an_unfinished_month_or_twice(rs: ReportStations) -> None:
    with on(11, 30), rs.village.uow(write=True) as uow, pytest.raises(ValidationError, match="尚未结束"):
        reports.submit(uow, rs.village_sup, PERIOD)
    with on(12, 1), rs.village.uow(write=True) as uow:
        reports.submit(uow, rs.village_sup, PERIOD)
    with on(12, 1), rs.village.uow(write=True) as uow, pytest.raises(ValidationError, match="只有被退回"):
        reports.submit(uow, rs.village_sup, PERIOD)


def test_a_return_needs_a_reason_and_only_the_tier_above_reviews(rs: ReportStations) -> None:
    with on(12, 1), rs.village.uow(write=True) as uow:
        sent = reports.submit(uow, rs.village_sup, PERIOD)
        with pytest.raises(PermissionDenied):    # the village cannot accept its own report
            reports.accept(uow, rs.village_sup, sent.id or "")
    rs.up()
    with on(12, 2), rs.town.uow(write=True) as uow, pytest.raises(ValidationError, match="退回原因"):
        reports.return_report(uow, rs.town_sup, sent.id or "", "  ")
    with on(12, 2), rs.town.uow(write=True) as uow, pytest.raises(PermissionDenied):
        reports.submit(uow, rs.town_sup, PERIOD, unit_id=rs.unit(VILLAGE_A1))   # nor submit for it


def test_a_tampered_figure_stops_the_consolidation(rs: ReportStations) -> None:
    with on(12, 1), rs.town.uow(write=True) as uow:
        sent = reports.submit(uow, rs.town_sup, PERIOD)
    rs.up()
    with on(12, 2), rs.district.uow(write=True) as uow:
        reports.accept(uow, rs.district_sup, sent.id or "")
    with rs.district.uow(write=True) as uow:    # someone holding the district's key edits the stored figure
        row = uow.s.get(UnitReport, sent.id)
        figures = dict(row.figures)
        figures["mediation"] = {**figures["mediation"], "mediated": [0, 99, 0, 99, 99]}
        row.figures = figures
    with on(12, 3), rs.district.uow() as uow, pytest.raises(ValidationError, match="高塘岭街道的2026年11月报表，统计数字与该站点的签名不符"):
        board.consolidated(uow, rs.district_sup, PERIOD)


def test_the_due_day_is_a_setting_counted_in_china_time(rs: ReportStations) -> None:
    from datetime import datetime, timezone

    from fulian_desktop.domain import clock
    from fulian_desktop.services.accounts import settings
    from fulian_desktop.services.accounts.auth import system_actor

    # 12月5日 23:30 China time is still 15:30 UTC on the 5th; 12月6日 00:30 China time is 16:30 UTC on the 5th.
    with clock.frozen_at(datetime(2026, 12, 5, 15, 30, tzinfo=timezone.utc)):
        assert _board(rs.district, rs.district_sup)[VILLAGE_A2] == "未报"
    with clock.frozen_at(datetime(2026, 12, 5, 16, 30, tzinfo=timezone.utc)):
        assert _board(rs.district, rs.district_sup)[VILLAGE_A2] == "逾期未报"
        with rs.district.uow(write=True) as uow:
            settings.put(uow, system_actor(rs.district), "report_due_day", 10)
        assert _board(rs.district, rs.district_sup)[VILLAGE_A2] == "未报"
        with rs.district.uow(write=True) as uow, pytest.raises(ValidationError, match="1 日到 28 日"):
            settings.put(uow, system_actor(rs.district), "report_due_day", 31)


def test_a_resubmission_may_reach_the_district_before_the_towns_return(rs: ReportStations) -> None:
    """The village sends to the district directly too: a later submission replaces the earlier one there, while the
    town, which reviews, takes it only after its own return."""
    with on(12, 1), rs.village.uow(write=True) as uow:
        sent = reports.submit(uow, rs.village_sup, PERIOD)
    rs.up()
    with on(12, 2), rs.town.uow(write=True) as uow:
        reports.return_report(uow, rs.town_sup, sent.id or "", "请补录")
    deliver(rs.town, rs.village, rs.unit(VILLAGE_A1))
    with on(12, 3), rs.village.uow(write=True) as uow:
        reports.submit(uow, rs.village_sup, PERIOD)
    deliver(rs.village, rs.district, rs.st.org.district)    # the district had only the first submission
    assert _row(rs.district, rs.unit(VILLAGE_A1)).submission_no == 2
    rs.up()
    assert _row(rs.town, rs.unit(VILLAGE_A1)).submission_no == 2
    assert _row(rs.town, rs.unit(VILLAGE_A1)).status == ReportStatus.SUBMITTED

"""反家庭暴力法第十四条: the police keep the reporter's identity confidential, and so does the product. The reporter
of a mandatory report is seen only by staff who may see confidential details and on the internal file copy; never
by reception, in a party view, in the timeline or audit log, or on a paper for a party, a respondent or an agency.
And the report travels to the district with its case; a station cannot author one on a case not its own."""
from __future__ import annotations

import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from fulian_desktop.documents.api import DocumentKind, Recipient, available_documents, render
from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.idnumber import make_id_number
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.services.cases import cases
from fulian_desktop.services.crisis import mandatory_reports
from fulian_desktop.services.referral import referrals
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.store.base import utcnow
from fulian_desktop.store.models import AuditEntry, CaseClock, CaseEvent, MandatoryReport
from fulian_desktop.sync.authority import SenderOverreach
from fulian_desktop.sync.exchange import export_bundle, import_bundle
from tests.support.stores import TOWN_A, VILLAGE_A1, add_user, build_org, first_login, new_store
from tests.support.sync_stations import Stations, deliver, fingerprint, make_stations

REPORTER = "欧阳静"
REPORTER_PHONE = "13974812345"
CHILD = "张小雨"
POLICE = "望城区公安分局高塘岭派出所"


def pdf_text(pdf: bytes, tmp: Path) -> str:
    path = tmp / "paper.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True).stdout.decode("utf-8")
    return "".join(out.split())


def _child_id() -> str:
    return make_id_number("430112", clock.today_local() - timedelta(days=int(365.25 * 9) + 30), 22)


def _reported_case(store, med) -> str:  # noqa: ANN001
    """A crisis case with a mother and her child; the child's report made by phone and recorded."""
    with store.uow(write=True) as uow:
        case_id = cases.create_case(uow, med, cases.NewCase(title="李某某遭受家庭暴力求助", kind=CaseKind.CRISIS)).row.id
        cases.add_party(uow, med, case_id, PersonInput(name="李秀兰", sex="female", phone="13907310001",
                                                       address="望城区郭亮村五组12号"), PartyRole.VICTIM)
        cases.add_party(uow, med, case_id, PersonInput(name="张建军", sex="male"), PartyRole.RESPONDENT)
        cases.add_party(uow, med, case_id, PersonInput(name=CHILD, id_number=_child_id()), PartyRole.MINOR_CHILD)
    with store.uow(write=True) as uow:
        report = mandatory_reports.case_reports(uow, med, case_id)[0]
        mandatory_reports.record_report(
            uow, med, report.id, reported_at=utcnow() - timedelta(minutes=20), police_unit=POLICE, method="in_person",
            receipt_no="望公（高）受案字〔2026〕0457号", officer="刘建国（警号 043117）",
            facts="入户走访时发现孩子手臂、背部多处淤青，孩子称父亲用皮带抽打。", reporter_name=REPORTER,
            reporter_post="郭亮村妇联主席", reporter_phone=REPORTER_PHONE)
    return case_id


@pytest.fixture
def world(tmp_path: Path):  # noqa: ANN201
    store = new_store(tmp_path / "s").store
    org = build_org(store)
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="郭亮调解员")
    add_user(store, "rec", Role.RECEPTION, org.units[VILLAGE_A1], display_name="郭亮接待员")
    add_user(store, "adm", Role.STATION_ADMIN, org.units[VILLAGE_A1], display_name="郭亮站管理员")
    med = first_login(store, "med")
    case_id = _reported_case(store, med)
    yield store, med, first_login(store, "rec"), first_login(store, "adm"), case_id
    store.close()


def test_the_reporter_is_seen_only_by_staff_with_the_right(world) -> None:  # noqa: ANN001
    store, med, rec, adm, case_id = world
    with store.uow(write=True) as uow:
        seen = mandatory_reports.case_reports(uow, med, case_id)[0]
        hidden = [mandatory_reports.case_reports(uow, who, case_id)[0] for who in (rec, adm)]
    assert (seen.reporter_name, seen.reporter_phone, seen.reporter_hidden) == (REPORTER, REPORTER_PHONE, False)
    for view in hidden:
        assert view.reporter_name is view.reporter_post is view.reporter_phone is None and view.reporter_hidden
        assert REPORTER not in repr(view) and REPORTER_PHONE not in repr(view)
        assert view.police_unit == POLICE and view.status.value == "reported"   # the rest of the record is work


def test_the_reporter_is_in_no_party_view_timeline_or_audit_entry(world) -> None:  # noqa: ANN001
    store, med, rec, _adm, case_id = world
    for who in (med, rec):
        with store.uow(write=True) as uow:
            detail = cases.get_case(uow, who, case_id)
        assert REPORTER not in repr(detail) and REPORTER_PHONE not in repr(detail)
        assert any("强制报告已登记" in e.summary and "报告人信息已保密登记" in e.summary for e in detail.events)
    with store.uow() as uow:
        events = uow.s.execute(select(CaseEvent).where(CaseEvent.case_id == case_id)).scalars().all()
        audits = uow.s.execute(select(AuditEntry)).scalars().all()
        stored = "\n".join([f"{e.summary}{e.data}" for e in events] + [f"{a.actor_name}{a.detail}" for a in audits])
    assert REPORTER not in stored and REPORTER_PHONE not in stored


def test_the_paper_carries_the_reporter_only_on_the_file_copy(world, tmp_path: Path) -> None:  # noqa: ANN001
    store, med, rec, _adm, case_id = world
    with store.uow(write=True) as uow:
        assert DocumentKind.MANDATORY_REPORT in available_documents(uow, med, case_id)
        file_copy = pdf_text(render(uow, med, case_id, DocumentKind.MANDATORY_REPORT, Recipient.FILE), tmp_path)
        police = pdf_text(render(uow, med, case_id, DocumentKind.MANDATORY_REPORT, Recipient.AGENCY), tmp_path)
        clerk = pdf_text(render(uow, rec, case_id, DocumentKind.MANDATORY_REPORT, Recipient.FILE), tmp_path)
        whole_file = pdf_text(render(uow, med, case_id, DocumentKind.CASE_FILE, Recipient.FILE), tmp_path)
        clerk_file = pdf_text(render(uow, rec, case_id, DocumentKind.CASE_FILE, Recipient.FILE), tmp_path)
    for text in (file_copy, police, clerk):   # the legal elements, on every copy
        for element in ("强制报告登记表", "反家庭暴力法》第十四条", CHILD, "八周岁以上的未成年人", "入户走访时发现孩子",
                        POLICE, "当面", "望公（高）受案字〔2026〕0457号", "刘建国", "郭亮村妇联调解工作站"):
            assert element in text, element
    assert REPORTER in file_copy and REPORTER_PHONE in file_copy and "郭亮村妇联主席" in file_copy
    assert "仅存本单位卷宗" in file_copy and file_copy.index("四、报告人") < file_copy.index("（盖章）")
    assert REPORTER in whole_file
    for text in (police, clerk, clerk_file):
        assert REPORTER not in text and REPORTER_PHONE not in text and "郭亮村妇联主席" not in text
    assert "予以保密，本件不予载明" in police and "予以保密，本件不予载明" in clerk
    for recipient in (Recipient.PARTY, Recipient.RESPONDENT):          # no party ever gets this paper
        with store.uow(write=True) as uow, pytest.raises(ValidationError) as err:
            render(uow, med, case_id, DocumentKind.MANDATORY_REPORT, recipient)
        assert err.value.code == "wrong_recipient"


def test_no_paper_for_a_party_or_the_respondent_names_the_reporter(world, tmp_path: Path) -> None:  # noqa: ANN001
    store, med, _rec, _adm, case_id = world
    from fulian_desktop.documents.registry import allowed_recipients

    with store.uow(write=True) as uow:
        kinds = [k for k in available_documents(uow, med, case_id) if k is not DocumentKind.CASE_FILE]
    printed = 0
    for kind in kinds:
        for recipient in (Recipient.PARTY, Recipient.RESPONDENT, Recipient.AGENCY):
            if recipient not in allowed_recipients(kind):
                continue
            with store.uow(write=True) as uow:
                text = pdf_text(render(uow, med, case_id, kind, recipient), tmp_path)
            printed += 1
            assert REPORTER not in text and REPORTER_PHONE not in text, (kind, recipient)
    assert printed >= 1


# --- sync -------------------------------------------------------------------------------------------------------

@pytest.fixture
def stations(tmp_path: Path):  # noqa: ANN201
    st = make_stations(tmp_path)
    add_user(st.district, "cun", Role.MEDIATOR, st.unit(VILLAGE_A1), display_name="郭亮调解员")
    add_user(st.district, "jie", Role.MEDIATOR, st.unit(TOWN_A), display_name="街道调解员")
    add_user(st.district, "quduo", Role.SUPERVISOR, st.org.district, display_name="区督导")
    deliver(st.district, st.village, st.unit(VILLAGE_A1))
    deliver(st.district, st.town, st.unit(TOWN_A))
    yield st
    st.close()


def test_the_task_and_its_record_reach_the_district(stations: Stations) -> None:
    st = stations
    cun = first_login(st.village, "cun")
    with st.village.uow(write=True) as uow:
        case_id = cases.create_case(uow, cun, cases.NewCase(title="村里的家暴求助", kind=CaseKind.CRISIS)).row.id
        cases.add_party(uow, cun, case_id, PersonInput(name=CHILD, id_number=_child_id()), PartyRole.MINOR_CHILD)
    assert deliver(st.village, st.district, st.org.district).applied
    qu = first_login(st.district, "quduo")
    with st.district.uow(write=True) as uow:
        open_ = mandatory_reports.case_reports(uow, qu, case_id)
    assert [(r.subject_name, r.status.value) for r in open_] == [(CHILD, "open")]
    assert open_[0].clock is not None and open_[0].clock.stopped_at is None    # the district sees it is owed
    with st.village.uow(write=True) as uow:
        mandatory_reports.record_report(uow, cun, open_[0].id, reported_at=utcnow(), police_unit=POLICE,
                                        method="phone", receipt_no="", officer="值班民警王某",
                                        facts="孩子称被父亲殴打。", reporter_name=REPORTER)
    assert deliver(st.village, st.district, st.org.district).applied
    with st.district.uow(write=True) as uow:
        done = mandatory_reports.case_reports(uow, qu, case_id)[0]
    assert (done.status.value, done.police_unit, done.reporter_name) == ("reported", POLICE, REPORTER)
    assert done.clock is not None and done.clock.stopped_at is not None


def test_a_report_follows_a_case_the_village_takes_over_and_is_made_there(stations: Stations) -> None:
    """The town assigns its crisis case down; the village accepts it: the report task moves with the case, the
    village records the report, and the district takes the bundle (the case is the village's now)."""
    st = stations
    cun, jie = first_login(st.village, "cun"), first_login(st.town, "jie")
    with st.town.uow(write=True) as uow:
        case_id = cases.create_case(uow, jie, cases.NewCase(title="街道交办的家暴案件", kind=CaseKind.CRISIS)).row.id
        cases.add_party(uow, jie, case_id, PersonInput(name=CHILD, id_number=_child_id()), PartyRole.MINOR_CHILD)
        down = referrals.refer_to_tier(uow, jie, case_id, st.unit(VILLAGE_A1), "请村里就近处置。")
    assert deliver(st.town, st.district, st.org.district).applied
    assert deliver(st.district, st.village, st.unit(VILLAGE_A1)).applied
    with st.village.uow(write=True) as uow:
        referrals.accept(uow, cun, down.id, "村里接收")
        report = mandatory_reports.case_reports(uow, cun, case_id)[0]
        mandatory_reports.record_report(uow, cun, report.id, reported_at=utcnow(), police_unit=POLICE,
                                        method="phone", receipt_no="", officer="值班民警王某",
                                        facts="孩子称被父亲殴打。", reporter_name=REPORTER)
    assert deliver(st.village, st.district, st.org.district).applied
    with st.district.uow() as uow:
        row = uow.s.get(MandatoryReport, report.id)
        assert (row.owner_unit_id, row.status, row.police_unit) == (st.unit(VILLAGE_A1), "reported", POLICE)


@pytest.mark.parametrize("forge", ["close_theirs", "add_one"])
def test_a_station_cannot_report_on_a_case_not_its_own(stations: Stations, forge: str) -> None:
    """The town assigns a crisis case with a child down to the village, which returns it: the village keeps the
    case row but no hold on it. Its key holder then marks the town's report as made, or adds a report of its own
    on the case: the district refuses the whole bundle and keeps the town's task open."""
    st = stations
    cun, jie = first_login(st.village, "cun"), first_login(st.town, "jie")
    with st.town.uow(write=True) as uow:
        case_id = cases.create_case(uow, jie, cases.NewCase(title="街道的家暴案件", kind=CaseKind.CRISIS)).row.id
        person = cases.add_party(uow, jie, case_id, PersonInput(name=CHILD, id_number=_child_id()),
                                 PartyRole.MINOR_CHILD).person_id
        down = referrals.refer_to_tier(uow, jie, case_id, st.unit(VILLAGE_A1), "请村里就近核实。")
    assert deliver(st.town, st.district, st.org.district).applied
    assert deliver(st.district, st.village, st.unit(VILLAGE_A1)).applied
    with st.village.uow(write=True) as uow:
        referrals.return_referral(uow, cun, down.id, "不属于本村，退回街道。")
    assert deliver(st.village, st.district, st.org.district).applied
    with st.village.uow(write=True) as uow:
        if forge == "close_theirs":
            row = uow.s.execute(select(MandatoryReport).where(MandatoryReport.case_id == case_id)).scalar_one()
            row.status, row.police_unit, row.reporter_name, row.updated_at = "reported", "伪造的派出所", "伪造", utcnow()
        else:
            uow.s.add(MandatoryReport(case_id=case_id, person_id=person, subject_name=CHILD, ground="minor",
                                      raised_at=utcnow(), status="reported", police_unit="伪造的派出所",
                                      reporter_name="伪造的报告人", owner_unit_id=st.unit(VILLAGE_A1)))
    data, _ = export_bundle(st.village, system_actor(st.village), st.org.district)
    before = fingerprint(st.district)
    with pytest.raises(SenderOverreach) as refused:
        import_bundle(st.district, system_actor(st.district), data)
    assert "已整体拒绝导入" in str(refused.value)
    after = fingerprint(st.district)
    assert {k: v for k, v in after.items() if k not in ("audit_log", "audit_head")} == \
        {k: v for k, v in before.items() if k not in ("audit_log", "audit_head")}
    with st.district.uow() as uow:
        assert uow.s.execute(select(MandatoryReport).where(MandatoryReport.police_unit == "伪造的派出所")).first() is None
        assert [r.status for r in uow.s.execute(select(MandatoryReport).where(
            MandatoryReport.case_id == case_id)).scalars()] == ["open"]
        assert uow.s.execute(select(CaseClock).where(CaseClock.case_id == case_id,
                                                     CaseClock.stopped_at.is_(None))).first() is not None

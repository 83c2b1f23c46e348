"""The mandatory report on the case screen (real encrypted store): the child in a violent home shows a 强制报告
clock on the 时限 tab, it cannot be paused or extended, and 登记强制报告 records the report and stops it."""
from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from fulian_desktop.domain import clock
from fulian_desktop.domain.clocks import ClockKind
from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.idnumber import make_id_number
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.services.cases import cases
from fulian_desktop.services.crisis import mandatory_reports
from tests.support.qt_input import type_chinese
from tests.support.stores import VILLAGE_A1, add_user, build_org, first_login, new_store
from ui.errors import messages
from ui.cases.case_view import CaseViewPage
from ui.session import AppSession
from ui.tasks import TaskRunner

TIMEOUT = 10_000


@pytest.fixture
def world(tmp_path):  # noqa: ANN001, ANN201
    store = new_store(tmp_path / "store", use_keyring=False).store
    org = build_org(store)
    add_user(store, "cun", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="张三")
    med = first_login(store, "cun")
    with store.uow(write=True) as uow:
        case_id = cases.create_case(uow, med, cases.NewCase(title="李某某遭受家庭暴力求助", kind=CaseKind.CRISIS)).row.id
        born = clock.today_local() - timedelta(days=int(365.25 * 7) + 30)
        cases.add_party(uow, med, case_id, PersonInput(name="张小雨", id_number=make_id_number("430112", born, 22)),
                        PartyRole.MINOR_CHILD)
    yield store, med, case_id
    store.close()


@pytest.fixture(autouse=True)
def answered_messages():  # noqa: ANN201
    messages.auto_answer = True
    messages.recorded.clear()
    yield messages
    messages.auto_answer = None
    messages.recorded.clear()


def test_recording_the_report_on_the_clocks_tab_stops_its_clock(qtbot, world) -> None:  # noqa: ANN001
    store, med, case_id = world
    session = AppSession(store, TaskRunner())
    session.set_actor(med)
    page = CaseViewPage(session, case_id)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitUntil(lambda: page.detail is not None and page.extras is not None, timeout=TIMEOUT)
    page.tabs.setCurrentWidget(page.clocks)
    page.clocks.select_kind(ClockKind.MANDATORY_REPORT.value)
    rows = [page.clocks.table.item(r, 0).text() for r in range(page.clocks.table.rowCount())]
    assert "强制报告" in rows and page.clocks.table.item(rows.index("强制报告"), 4).text() == "今天到期"
    assert page.clocks.report_button.isEnabled()
    assert not page.clocks.pause_button.isEnabled() and not page.clocks.extend_button.isEnabled()

    qtbot.mouseClick(page.clocks.report_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.runner.dialog is not None and page.runner.dialog.isVisible(), timeout=TIMEOUT)
    dialog = page.runner.dialog
    assert "报告人信息予以保密" in dialog.notice.text()
    for name, text in (("report_police_unit", "高塘岭派出所"), ("report_officer", "刘警官"),
                       ("report_reporter_name", "欧阳静")):
        type_chinese(dialog.findChild(QLineEdit, name), text)
    type_chinese(dialog.text, "孩子手臂有淤青")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not page.runner.busy and not session.tasks.busy()
                    and not page.clocks.report_button.isVisible(), timeout=TIMEOUT)
    with store.uow(write=True) as uow:
        report = mandatory_reports.case_reports(uow, med, case_id)[0]
    assert (report.status.value, report.police_unit, report.reporter_name) == ("reported", "高塘岭派出所", "欧阳静")
    qtbot.waitUntil(lambda: not session.tasks.busy(), timeout=TIMEOUT)
    session.tasks.wait_idle()



def test_recording_limited_capacity_in_the_party_form_raises_the_report(qtbot, world) -> None:  # noqa: ANN001
    from datetime import date

    from fulian_desktop.services.cases import history
    from ui.cases.party_dialog import PartyDialog

    store, med, case_id = world
    with store.uow(write=True) as uow:
        party = cases.add_party(uow, med, case_id, PersonInput(name="王小芬", sex="female", birth_date=date(1995, 4, 1)),
                                PartyRole.VICTIM)
        record = history.party_record(uow, med, party.id)
        before = len(mandatory_reports.case_reports(uow, med, case_id))
    session = AppSession(store, TaskRunner())
    session.set_actor(med)
    dialog = PartyDialog(session, case_id, record)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.capacity.setCurrentIndex(dialog.capacity.findData("limited"))
    assert not dialog.ok_button.isEnabled()                 # who recorded it and why are required
    type_chinese(dialog.capacity_by, "张三")
    type_chinese(dialog.capacity_basis, "医院诊断证明")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.saved is not None and not session.tasks.busy(), timeout=TIMEOUT)
    with store.uow(write=True) as uow:
        reports = mandatory_reports.case_reports(uow, med, case_id)
        again = history.party_record(uow, med, party.id)
    assert len(reports) == before + 1 and reports[-1].subject_name == "王小芬"
    assert (again.civil_capacity, again.civil_capacity_by) == ("limited", "张三")
    session.tasks.wait_idle()

"""设置 → 工作日历 → 按国务院通知确认: paste the notice, see it read, confirm, see a case's due date move."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from fulian_desktop.domain.clocks import ClockKind  # noqa: E402
from fulian_desktop.domain.enums import CaseKind, Role  # noqa: E402
from fulian_desktop.domain.localtime import LOCAL_TZ  # noqa: E402
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.cases import cases
from fulian_desktop.services.clocks import clocks  # noqa: E402
from tests.support.stores import ADMIN_PASSWORD, VILLAGE_A1, add_user, build_org, first_login, new_store  # noqa: E402
from ui.errors import messages  # noqa: E402
from ui.session import AppSession  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402

NOTICES = Path(__file__).resolve().parents[1] / "support" / "holiday_notices"
NOTICE_2027 = (NOTICES / "2027_made_up.txt").read_text(encoding="utf-8")
WAIT = 10_000


@pytest.fixture(autouse=True)
def _answer_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(messages, "auto_answer", True)
    monkeypatch.setattr(messages, "recorded", [])


def _shots(tmp: Path) -> Path:
    folder = Path(os.environ.get("FULIAN_SHOTS") or tmp / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def world(qtbot, tmp_path: Path):  # noqa: ANN001, ANN201
    store = new_store(tmp_path / "data").store
    org = build_org(store)
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1])
    med = first_login(store, "med")
    with store.uow(write=True) as uow:  # 信访 60 日 from 2026-12-07: ends on 除夕 2027-02-05
        case_id = cases.create_case(uow, med, cases.NewCase(
            title="周某反映家庭暴力", kind=CaseKind.PETITION,
            opened_at=datetime(2026, 12, 7, 10, tzinfo=LOCAL_TZ))).row.id
        clocks.start_clock(uow, med, case_id, ClockKind.PETITION_CONCLUSION,
                           started_at=datetime(2026, 12, 7, 10, tzinfo=LOCAL_TZ))
    tasks = TaskRunner()
    admin_session, med_session = AppSession(store, tasks), AppSession(store, tasks)
    admin_session.set_actor(first_login(store, "admin", password=ADMIN_PASSWORD))
    med_session.set_actor(med)
    yield store, admin_session, med_session, case_id
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=WAIT)
    tasks.wait_idle()
    store.close()


def _chip(view) -> str:  # noqa: ANN001
    chip = view.findChild(type(view.message), f"clock_chip_{ClockKind.PETITION_CONCLUSION.value}")
    return chip.text() if chip is not None else ""


def test_paste_the_notice_confirm_and_the_case_due_date_moves(qtbot, world, tmp_path: Path) -> None:  # noqa: ANN001
    from ui.cases.case_view import CaseViewPage
    from ui.accounts.settings import SettingsPage

    store, admin_session, med_session, case_id = world
    view = CaseViewPage(med_session, case_id)
    qtbot.addWidget(view)
    view.resize(1200, 760)
    view.show()
    qtbot.waitUntil(lambda: "2027-02-11 到期" in _chip(view), timeout=WAIT)
    assert "暂定：2027 年" in _chip(view)

    page = SettingsPage(admin_session)
    qtbot.addWidget(page)
    page.show()
    page.calendar_year.setValue(2027)
    qtbot.waitUntil(lambda: "2027 年尚未确认" in page.calendar_note.text(), timeout=WAIT)
    page.calendar_notice.click()
    dialog = page.notice_dialog
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "按国务院通知确认 2027 年工作日历"
    assert not dialog.confirm_button.isEnabled()
    assert dialog.calendar.state(date(2027, 2, 9)) == "rest"  # the provisional 补假 is drawn until a notice reads
    dialog.grab().save(str(_shots(tmp_path) / "holiday_notice_empty.png"))

    dialog.text.setPlainText(NOTICE_2027.replace("共8天", "共9天"))  # a wrong paste: refused, saves nothing
    assert "是 8 天，通知写的是共9天" in dialog.state.text() and not dialog.confirm_button.isEnabled()

    dialog.text.setPlainText(NOTICE_2027)
    assert dialog.state.text() == "已读取 7 项放假安排：全年放假 28 天，调休上班 5 天。"
    assert dialog.table.rowCount() == 7
    assert [dialog.table.item(1, c).text() for c in range(4)] == ["春节", "2月5日—12日", "8", "1月31日、2月20日"]
    assert dialog.calendar.state(date(2027, 2, 12)) == "rest" and dialog.calendar.state(date(2027, 2, 20)) == "work"
    assert dialog.calendar.state(date(2027, 2, 13)) == "weekend" and dialog.calendar.state(date(2027, 3, 1)) == "plain"
    assert dialog.confirm_button.isEnabled()
    assert dialog.grab().save(str(_shots(tmp_path) / "holiday_notice_read.png"))

    with qtbot.waitSignal(admin_session.changes.sig_changed, timeout=WAIT):
        dialog.confirm_button.click()
    qtbot.waitUntil(lambda: "已按通知确认（33 天），1 个时限已重新计算" == page.calendar_state.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: "由管理员录入，已声明完整" in page.calendar_note.text(), timeout=WAIT)
    assert "2027-02-05 休" in page.calendar_text.toPlainText()

    view.load()  # what the mediator sees on the case after the change
    qtbot.waitUntil(lambda: "2027-02-15 到期" in _chip(view), timeout=WAIT)
    assert "暂定" not in _chip(view)
    qtbot.waitUntil(lambda: any("到期日 2027-02-11（暂定） 改为 2027-02-15" in e.summary for e in view.detail.events),
                    timeout=WAIT)
    assert view.grab().save(str(_shots(tmp_path) / "holiday_notice_case_after.png"))
    with store.uow() as uow:
        views = {v.kind: v for v in clocks.case_clocks(uow, auth.system_actor(store), case_id)}
    assert views[ClockKind.PETITION_CONCLUSION].deadline.last_day == date(2027, 2, 15)

"""Issue 4, "Must show": one day of a petition through the widgets, on a real encrypted store in tmp_path.

Intake with a duplicate warning → accept → refer to the town → the town accepts → closure request →
the supervisor approves. Each user logs in through the login dialog and works in their own main
window (a new AppSession on the same store), one after another as the day happens:

1. 赵接待 (reception, 郭亮村) types 李桂兰's ID number: the duplicate warning names her and her earlier,
   closed case; 是同一人; the request is filled in; 受理; saved → a new case number.
2. 郭调解 (mediator, 郭亮村) finds the case by its number: 受理 with the 信访办结 clock running; 上报 to
   高塘岭街道 with a reason → the 转介 tab shows 待接收.
3. 街道李 (mediator, 高塘岭街道): the inbox lists it; 接收 → the town owns the case.
4. 街道李 opens it and asks for closure → 待审批：结案.
5. 区督导 (district supervisor): the review queue lists it as 待审批; 批准 → 已结案; the timeline holds
   every step in order and the audit chain verifies.

Set FULIAN_FLOW_SHOTS=/some/dir to save screenshots along the way (intake form with the warning, the
case with its clocks, the referral, the inbox, the review queue); by default nothing is saved.
"""
from __future__ import annotations

import gc
import os
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pytest
import shiboken6
from pytestqt.exceptions import format_captured_exceptions
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QWidget

from fulian_desktop.domain.enums import CaseStatus, PartyRole, PetitionOutcome, Role
from fulian_desktop.domain.idnumber import make_id_number
from fulian_desktop.domain.intake_rules import Channel, IntakeDecision, IntakeInput
from fulian_desktop.domain.workflow import Transition
from fulian_desktop.security.actor import Actor
from fulian_desktop.security.audit import verify_chain
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.cases import cases, workflow
from fulian_desktop.services.intake import intake
from fulian_desktop.services.cases.review import Reason
from fulian_desktop.store.base import utcnow
from fulian_desktop.store.store import Store
from tests.support.qt_input import type_chinese
from tests.support.stores import (
    DISTRICT, NEW_PASSWORD, TOWN_A, VILLAGE_A1, add_user, build_org, first_login, new_store,
)
from ui.accounts.login import LoginDialog
from ui.errors import messages
from ui.main_window import MainWindow
from ui.cases.case_view import CaseViewPage
from ui.intake.intake_fields import plain
from ui.session import AppSession
from ui.tasks import TaskRunner

TIMEOUT = 15_000
LI_ID = make_id_number("430122", date(1968, 4, 3), 226)   # 李桂兰, female
EARLIER_REQUEST = "要求村委会调解与丈夫的财产纠纷"
REFER_REASON = "丈夫多次殴打，村调委会调解未果，涉及宅基地分割，需街道协调"
CLOSURE_REASON = "街道组织调解，双方签订调解协议，男方书面保证不再实施家暴，已回访"
OPINION_BASIS = "经查，男方家暴属实，依据《反家庭暴力法》，来访人要求制止家暴的诉求予以支持"


# --- the world -------------------------------------------------------------------------------------

@dataclass
class World:
    store: Store
    units: dict[str, str]
    person_id: str          # 李桂兰, on file since an earlier petition
    earlier_case_id: str
    earlier_case_no: str


@pytest.fixture
def world(tmp_path: Path) -> World:
    store = new_store(tmp_path / "store", use_keyring=False).store
    org = build_org(store)
    for username, role, unit, display in (("rec", Role.RECEPTION, org.units[VILLAGE_A1], "赵接待"),
                                          ("med", Role.MEDIATOR, org.units[VILLAGE_A1], "郭调解"),
                                          ("town", Role.MEDIATOR, org.units[TOWN_A], "街道李"),
                                          ("sup", Role.SUPERVISOR, org.district, "区督导")):
        add_user(store, username, role, unit, display_name=display)
        first_login(store, username)  # everyone has set their own password (NEW_PASSWORD) before today
    med, sup = (_service_login(store, n) for n in ("med", "sup"))
    # Five months ago 李桂兰 petitioned at the village; the case was closed with the supervisor's approval.
    with store.uow(write=True) as uow:
        earlier = intake.register_contact(uow, med, IntakeInput(
            name="李桂兰", channel=Channel.VISIT, decision=IntakeDecision.ACCEPT, request=EARLIER_REQUEST,
            category="婚姻家庭", sub_category="家庭暴力", sex="female", id_number=LI_ID, phone="13807316688",
            address="郭亮村三组 8 号", received_at=utcnow() - timedelta(days=150)))
    with store.uow(write=True) as uow:
        workflow.transition(uow, med, earlier.case_id, Transition.REQUEST_CLOSURE, reason="调解成功，双方和好",
                            petition_outcome="support", petition_basis="经调解双方和好，来访人诉求已实现。",
                            petition_facts="经走访核实，来访人反映的情况属实。")
    with store.uow(write=True) as uow:
        (approval,) = workflow.list_approvals(uow, sup, case_id=earlier.case_id, pending_only=True)
        workflow.decide(uow, sup, approval.id, True, "同意结案")
    with store.uow(write=True) as uow:
        assert cases.get_case(uow, sup, earlier.case_id).row.status == CaseStatus.CLOSED
    yield World(store, org.units, earlier.person_id, earlier.case_id, earlier.case_no)
    store.close()


def _service_login(store: Store, username: str) -> Actor:
    actor = auth.login(store, username, NEW_PASSWORD)
    assert not actor.must_change_password
    return actor


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp) -> None:  # noqa: ANN001
    """Window geometry and list settings go to this test's folder; message boxes are answered 'yes'."""
    for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(fmt, QSettings.UserScope, str(tmp_path / "settings"))
    monkeypatch.setattr(messages, "auto_answer", True)
    monkeypatch.setattr(messages, "recorded", [])


# --- screenshots -------------------------------------------------------------------------------------

class Shots:
    """Saves PNGs to $FULIAN_FLOW_SHOTS (numbered in the order taken); does nothing when it is unset."""

    def __init__(self, qtbot) -> None:  # noqa: ANN001
        folder = os.environ.get("FULIAN_FLOW_SHOTS")
        self.folder = Path(folder) if folder else None
        self.qtbot = qtbot
        self.count = 0
        self.saved: list[Path] = []
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)

    def take(self, name: str, desk: Desk) -> None:
        if self.folder is None:
            return
        self.count += 1
        widget = desk.window
        widget.grab()           # a first paint asks lazy models for their rows …
        self.qtbot.wait(400)    # … and the form's 250 ms checks run …
        self.qtbot.waitUntil(lambda: not desk.session.tasks.busy(), timeout=TIMEOUT)  # … and come back
        path = self.folder / f"{self.count:02d}_{name}.png"
        assert widget.grab().save(str(path)), path
        self.saved.append(path)


# --- one user at a desk ------------------------------------------------------------------------------

@dataclass
class Desk:
    session: AppSession
    window: MainWindow
    closed: bool = field(default=False)


class Day:
    def __init__(self, qtbot, world: World) -> None:  # noqa: ANN001
        self.qtbot, self.world = qtbot, world
        self.desks: list[Desk] = []

    def log_in(self, username: str, unit_name: str) -> Desk:
        """The login dialog, as at the start of a shift; then the user's main window."""
        qtbot = self.qtbot
        dialog = LoginDialog(self.world.store)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.keyClicks(dialog.username, username)
        qtbot.keyClicks(dialog.password, NEW_PASSWORD)
        with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT):
            qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok), Qt.LeftButton)
        actor = dialog.actor
        assert actor is not None and actor.username == username and not actor.must_change_password
        session = AppSession(self.world.store, TaskRunner())
        session.set_actor(actor)
        window = MainWindow(session, unit_name=unit_name)
        qtbot.addWidget(window)
        window.resize(1500, 920)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
        desk = Desk(session, window)
        self.desks.append(desk)
        return desk

    def go_to(self, desk: Desk, key: str) -> QWidget:
        """Click the page in the navigation."""
        nav = desk.window.nav
        row = [spec.key for spec in desk.window.specs].index(key)
        self.qtbot.mouseClick(nav.viewport(), Qt.LeftButton, pos=nav.visualItemRect(nav.item(row)).center())
        page = desk.window.page(key)
        assert page is not None and desk.window.tabs.currentWidget() is page
        return page

    def settle(self, desk: Desk) -> None:
        self.qtbot.waitUntil(lambda: not desk.session.tasks.busy(), timeout=TIMEOUT)

    def log_out(self, desk: Desk) -> None:
        """Close the window (as the app does: the window goes before the session's task runner)."""
        self.settle(desk)
        desk.window.close()
        self.settle(desk)
        desk.session.tasks.wait_idle()
        self.qtbot.wait(50)  # queued results arrive while the window still exists
        desk.closed = True

    def close_all(self) -> None:
        for desk in self.desks:
            if not desk.closed:
                self.log_out(desk)


@pytest.fixture
def watched(qtbot):  # noqa: ANN001, ANN201
    """pytest-qt's exception capture (switched off for this test by its marker), started only once the
    work an earlier test left in flight has finished: e.g. a MainWindow of test_intake_review_inbox whose
    intake form's 250 ms check ends after the window is deleted reaches MainWindow's unguarded sig_busy
    lambda ("Internal C++ object (MainWindow) already deleted") — not this test's failure. Everything
    from here on, including closing this test's windows, is watched as strictly as pytest-qt would."""
    qtbot.wait(300)  # pending single-shot timers fire
    leftovers = [o for o in gc.get_objects() if isinstance(o, TaskRunner)]
    # Work still running in an earlier test's pool; a result whose window is gone is never delivered (busy()
    # would stay true for ever), so what counts is the threads, then one turn of the event loop for the rest.
    qtbot.waitUntil(lambda: not any(shiboken6.isValid(runner.pool) and runner.pool.activeThreadCount()
                                    for runner in leftovers), timeout=TIMEOUT)
    qtbot.wait(50)
    with qtbot.captureExceptions() as caught:
        yield caught
    assert not caught, format_captured_exceptions(caught)


@pytest.fixture
def day(qtbot, world: World, watched):  # noqa: ANN001, ANN201
    day = Day(qtbot, world)
    yield day
    day.close_all()


# --- small helpers -----------------------------------------------------------------------------------

def _pick(combo, value: str) -> None:  # noqa: ANN001
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def _click_tab(qtbot, tabs, widget: QWidget) -> None:  # noqa: ANN001
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(tabs.indexOf(widget)).center())
    assert tabs.currentWidget() is widget


def _click_row(qtbot, table, row: int, column: int = 1) -> None:  # noqa: ANN001
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())


def _button(widget: QWidget, name: str) -> QPushButton:
    button = widget.findChild(QPushButton, name)
    assert button is not None, name
    return button


def _dialog(qtbot, page: CaseViewPage):  # noqa: ANN001, ANN202
    qtbot.waitUntil(lambda: page.runner.dialog is not None and page.runner.dialog.isVisible(), timeout=TIMEOUT)
    return page.runner.dialog


def _settled(page: CaseViewPage) -> bool:
    return not page.runner.busy and not page.session.tasks.busy()


def _case_tab(qtbot, desk: Desk, case_id: str) -> CaseViewPage:  # noqa: ANN001
    qtbot.waitUntil(lambda: case_id in desk.window.case_tabs, timeout=TIMEOUT)
    page = desk.window.case_tabs[case_id]
    assert isinstance(page, CaseViewPage) and desk.window.tabs.currentWidget() is page
    qtbot.waitUntil(lambda: page.detail is not None and page.extras is not None and _settled(page), timeout=TIMEOUT)
    return page


def _visible_steps(page: CaseViewPage) -> list[str]:
    return [b.text() for b in page.actions_bar.buttons.values() if b.isVisibleTo(page)]


# --- the day -----------------------------------------------------------------------------------------

@pytest.mark.qt_no_exception_capture  # the `watched` fixture captures instead, see there
def test_a_repeat_petition_goes_from_the_village_desk_to_the_town_and_is_closed_by_the_supervisor(
        qtbot, world: World, day: Day) -> None:  # noqa: ANN001
    store = world.store
    shots = Shots(qtbot)

    # 1. The village reception desk: 李桂兰 comes back. Her ID number brings up the duplicate warning.
    rec = day.log_in("rec", VILLAGE_A1)
    form = rec.window.page("intake")
    assert rec.window.tabs.currentWidget() is form  # reception's home is the intake form
    ed = form.ed
    assert ed.channel.currentData() == Channel.VISIT.value
    ed.id_number.setFocus()
    qtbot.keyClicks(ed.id_number, LI_ID)  # digits: keyClicks is fine
    qtbot.waitUntil(lambda: world.person_id in form.duplicates.cards, timeout=TIMEOUT)
    card = form.duplicates.cards[world.person_id]
    assert "李桂兰" in card.findChild(QLabel, "match_name").text()
    assert "身份证号相同" in [label.text() for label in card.findChildren(QLabel)]
    earlier = [label.text() for label in card.findChildren(QLabel, "match_case")]
    assert any(world.earlier_case_no in text and "已结案" in text for text in earlier), earlier
    assert "可能已登记（1 人）" in form.duplicates.title.text()
    assert ed.sex.currentData() == "female" and ed.birth_date.date().toPython() == date(1968, 4, 3)
    shots.take("intake_duplicate_warning", rec)

    qtbot.mouseClick(_button(card, "same_person"), Qt.LeftButton)
    assert form.person_id == world.person_id and ed.name.text() == "李桂兰"
    qtbot.waitUntil(lambda: world.person_id in form.duplicates.cards and form.duplicates.cards[world.person_id]
                    .findChild(QLabel, "chosen_label") is not None, timeout=TIMEOUT)
    ed.phone.setFocus()
    qtbot.keyClicks(ed.phone, "13807316688")
    type_chinese(ed.address, "郭亮村三组 8 号")
    type_chinese(ed.request, "要求制止丈夫家暴，并协调宅基地分割")
    type_chinese(ed.facts, "上次调解后丈夫仍多次酒后殴打，宅基地分割问题涉及邻村")
    _pick(ed.category, "婚姻家庭")
    _pick(ed.sub_category, "家庭暴力")
    _pick(ed.decision, IntakeDecision.ACCEPT.value)
    assert plain(form.row_labels["decision_note"].text()) == "受理意见"
    type_chinese(ed.decision_note, "属妇联受理范围，予以受理")
    qtbot.waitUntil(lambda: ed.is_repeat.isChecked(), timeout=TIMEOUT)  # 12 months, same category: 重复访
    qtbot.waitUntil(form.save_button.isEnabled, timeout=TIMEOUT)
    shots.take("intake_filled_same_person", rec)

    with qtbot.waitSignal(form.sig_saved, timeout=TIMEOUT) as saved:
        qtbot.mouseClick(form.save_button, Qt.LeftButton)
    view = saved.args[0]
    case_id, case_no = view.case_id, view.case_no
    assert view.decision == IntakeDecision.ACCEPT and view.person_id == world.person_id and view.is_repeat
    assert case_id and case_id != world.earlier_case_id and case_no != world.earlier_case_no
    assert form.result.isVisible() and case_no in form.result.text.text() and "受理" in form.result.text.text()
    shots.take("intake_saved", rec)
    day.log_out(rec)

    # 2. The village mediator finds the case by its number: 受理, the conclusion clock running; 上报 to the town.
    med = day.log_in("med", VILLAGE_A1)
    home = med.window.page("home")
    _click_tab(qtbot, home.lists, home.unit)
    search = home.unit.search
    type_chinese(search, case_no)
    qtbot.keyClick(search, Qt.Key_Return)
    qtbot.waitUntil(lambda: home.unit.model.rowCount() == 1 and home.unit.model.row_at(0) is not None,
                    timeout=TIMEOUT)
    assert home.unit.model.row_at(0).id == case_id
    home.unit.table.setFocus()
    home.unit.table.setCurrentIndex(home.unit.model.index(0, 1))
    qtbot.keyClick(home.unit.table, Qt.Key_Return)
    page = _case_tab(qtbot, med, case_id)
    assert page.header.case_no.text() == case_no
    assert med.window.tabs.tabText(med.window.tabs.indexOf(page)) == case_no
    assert page.actions_bar.status.text() == "状态：受理"
    chips = page.actions_bar.chips
    assert [c.objectName() for c in chips.chips] == ["clock_chip_petition_conclusion"]
    # (a deadline in a year whose holidays are not entered yet says so after the date)
    assert re.match(r"信访办结：剩 \d+ 天（20\d\d-\d\d-\d\d 到期）", chips.texts()[0]), chips.texts()
    assert chips.chips[0].property("clock_status") == "running"
    assert _visible_steps(page) == ["开始办理", "申请结案", "转办", "终止"]
    assert [p.name for p in page.detail.parties] == ["李桂兰"]
    assert page.detail.parties[0].role == PartyRole.APPLICANT
    shots.take("case_with_clocks", med)

    _click_tab(qtbot, page.tabs, page.referrals)
    assert page.referrals.table.rowCount() == 0
    qtbot.mouseClick(_button(page, "referral_tier"), Qt.LeftButton)
    dialog = _dialog(qtbot, page)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=TIMEOUT)
    assert [dialog.target.itemText(i) for i in range(dialog.target.count())] == [f"上报给 {TOWN_A}（街镇）"]
    assert not dialog.ok_button.isEnabled()  # the reason is required
    type_chinese(dialog.text, REFER_REASON)
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.referrals.table.rowCount() == 1 and _settled(page), timeout=TIMEOUT)
    cells = [page.referrals.table.item(0, c).text() for c in range(page.referrals.table.columnCount())]
    assert cells[:5] == ["层级转介", "上报", f"{VILLAGE_A1} → {TOWN_A}", "待接收", REFER_REASON]
    notice = page.actions_bar.notice.text()
    assert notice.startswith("已上报给") and TOWN_A in notice and "等待接收" in notice, notice
    assert not _button(page, "referral_tier").isEnabled() and _button(page, "referral_withdraw").isEnabled()
    shots.take("case_referred_to_town", med)
    day.log_out(med)

    # 3. The town: the inbox lists the referral; 接收 makes the town the owner and 街道李 the handler.
    town = day.log_in("town", TOWN_A)
    inbox = day.go_to(town, "inbox")
    qtbot.waitUntil(lambda: inbox.inbox_model.rowCount() == 1, timeout=TIMEOUT)
    item = inbox.inbox_model.item_at(0)
    assert (item.case_id, item.case_no, item.from_unit_name, item.direction_label) == (case_id, case_no,
                                                                                       VILLAGE_A1, "上报")
    assert item.can_accept and item.reason == REFER_REASON
    nav_row = [spec.key for spec in town.window.specs].index("inbox")
    qtbot.waitUntil(lambda: town.window.nav.item(nav_row).text() == "转介收件箱 (1)", timeout=TIMEOUT)
    _click_row(qtbot, inbox.inbox_table, 0)
    assert inbox.selected() is not None and inbox.accept_button.isEnabled()
    type_chinese(inbox.note, "街道调解室受理，安排周三调解")
    shots.take("town_inbox", town)
    qtbot.mouseClick(inbox.accept_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: inbox.banner.isVisible() and inbox.inbox_model.rowCount() == 0, timeout=TIMEOUT)
    assert "已接收" in inbox.banner_text.text() and case_no in inbox.banner_text.text()
    town_actor = town.session.actor
    with store.uow(write=True) as uow:
        row = cases.get_case(uow, town_actor, case_id).row
    assert row.unit_id == world.units[TOWN_A] and row.unit_name == TOWN_A and row.handler_name == "街道李"
    assert row.status == CaseStatus.ACCEPTED

    # 4. The town mediator opens the case from the banner and asks for closure.
    qtbot.mouseClick(inbox.open_button, Qt.LeftButton)
    page = _case_tab(qtbot, town, case_id)
    assert page.detail.row.unit_name == TOWN_A
    _click_tab(qtbot, page.tabs, page.referrals)
    assert page.referrals.table.item(0, 3).text() == "已接收"
    assert not page.approval_bar.isVisible()
    qtbot.mouseClick(_button(page, "step_request_closure"), Qt.LeftButton)
    dialog = _dialog(qtbot, page)
    assert "督导审批" in dialog.notice.text() and not dialog.ok_button.isEnabled()
    type_chinese(dialog.text, CLOSURE_REASON)
    assert not dialog.ok_button.isEnabled()              # a petition also needs its 处理意见
    qtbot.mouseClick(dialog.radios[PetitionOutcome.SUPPORT], Qt.LeftButton)
    type_chinese(dialog.facts_text, "经回访核实，双方已和好，来访人诉求已实现。")
    type_chinese(dialog.basis_text, OPINION_BASIS)
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.approval_bar.texts() == ["待审批：结案（街道李申请）"] and _settled(page),
                    timeout=TIMEOUT)
    assert page.approval_bar.isVisible() and CLOSURE_REASON in page.approval_bar.labels[0].text()
    assert page.detail.row.status == CaseStatus.PENDING_CLOSURE
    assert page.actions_bar.status.text() == "状态：待结案审核"
    assert page.approval_bar.decide_buttons == {}  # a mediator cannot decide
    shots.take("case_closure_requested", town)
    day.log_out(town)

    # 5. The district supervisor: the review queue (her home) lists the case as 待审批; 批准 closes it.
    sup = day.log_in("sup", DISTRICT)
    queue = sup.window.page("review").queue
    assert sup.window.tabs.currentWidget() is sup.window.page("review")
    qtbot.waitUntil(lambda: case_id in [i.case.id for i in queue.data.items] and queue.model.rowCount() > 0
                    and queue.approvals.model.rowCount() == 1, timeout=TIMEOUT)
    row_no = [i.case.id for i in queue.model.items].index(case_id)
    queued = queue.model.items[row_no]
    assert Reason.APPROVAL in queued.reasons and "待审批" in queue.model.index(row_no, 0).data()
    assert queued.case.case_no == case_no and queued.case.unit_name == TOWN_A
    assert queue.chip_buttons[Reason.APPROVAL].text() == "待审批 1"
    assert sup.window.nav.item(0).text() == f"审核队列 ({len(queue.data.items)})"
    pending = queue.approvals.model.items[0]
    assert pending.approval.case_id == case_id and pending.approval.reason == CLOSURE_REASON
    assert pending.approval.requested_by_name == "街道李"
    _click_row(qtbot, queue.table, row_no)  # the queue row selects its approval below
    assert queue.approvals.selected() is not None and queue.approvals.selected().approval.case_id == case_id
    assert queue.approvals.approve_button.isEnabled()
    shots.take("review_queue", sup)

    type_chinese(queue.approvals.note, "同意结案，请按期回访")
    qtbot.mouseClick(queue.approvals.approve_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: "已批准" in queue.approvals.status.text()
                    and case_id not in [i.case.id for i in queue.data.items], timeout=TIMEOUT)
    assert case_no in queue.approvals.status.text() and "案件结案" in queue.approvals.status.text()
    assert queue.approvals.model.rowCount() == 0
    shots.take("review_queue_after_approval", sup)
    day.settle(sup)

    # The core: closed, every step on the timeline in order, and an intact audit chain.
    sup_actor = sup.session.actor
    with store.uow(write=True) as uow:
        detail = cases.get_case(uow, sup_actor, case_id)
        chain = verify_chain(uow.s)
    assert detail.row.status == CaseStatus.CLOSED and detail.closed_at is not None
    assert detail.row.unit_id == world.units[TOWN_A]
    kinds = [e.kind for e in detail.events]
    steps = ["created", "intake", "status_accept", "referral_sent", "referral_accepted",
             "status_request_closure", "approval_requested", "approval_decided", "status_close"]
    positions = [kinds.index(kind) if kind in kinds else -1 for kind in steps]
    assert -1 not in positions and positions == sorted(positions), kinds
    by_kind = {e.kind: e for e in detail.events}
    assert by_kind["intake"].actor_name == "赵接待" and "重复访" in by_kind["intake"].summary
    assert by_kind["referral_sent"].actor_name == "郭调解" and REFER_REASON in by_kind["referral_sent"].summary
    assert by_kind["referral_accepted"].actor_name == "街道李"
    assert by_kind["approval_requested"].actor_name == "街道李"
    decided = by_kind["approval_decided"]
    assert decided.actor_name == "区督导" and "批准结案" in decided.summary
    assert "经 区督导 批准" in by_kind["status_close"].summary
    assert detail.petition_outcome is PetitionOutcome.SUPPORT and detail.petition_basis == OPINION_BASIS
    assert chain.ok, chain
    # The earlier case is untouched: still closed, still at the village.
    with store.uow(write=True) as uow:
        earlier_row = cases.get_case(uow, sup_actor, world.earlier_case_id).row
    assert earlier_row.status == CaseStatus.CLOSED and earlier_row.unit_name == VILLAGE_A1
    if shots.folder is not None:
        assert len(shots.saved) == 9

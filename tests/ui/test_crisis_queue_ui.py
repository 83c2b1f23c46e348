"""Issue 5's "must show" on screen: a 高 danger assessment puts the case at the top of the supervisor's queue at
once; a protection order's expiry alert shows 14 days before (and not 15); an action's own details show in the
log; an application made on the victim's behalf says who made it."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from fulian_desktop.domain import clock
from fulian_desktop.domain.localtime import local_date
from fulian_desktop.services.crisis import protection_orders as po
from fulian_desktop.store.base import utcnow
from tests.support.qt_input import type_chinese
from tests.ui.test_crisis_ui import _crisis_tab, answered_messages, sessions, world  # noqa: F401 (fixtures)
from ui.review.review_queue import ReviewQueuePage

TIMEOUT = 10_000


def _queue_page(qtbot, session) -> ReviewQueuePage:  # noqa: ANN001
    page = ReviewQueuePage(session)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    with qtbot.waitSignal(page.sig_loaded, timeout=TIMEOUT):
        pass
    return page


def test_a_high_assessment_is_first_in_the_supervisors_queue_at_once(qtbot, world, sessions):  # noqa: ANN001, F811
    queue = _queue_page(qtbot, sessions(world.supervisor))
    assert queue.data.items[0].case.id == world.overdue_case_id
    assert world.case_id not in [i.case.id for i in queue.data.items]

    tab = _crisis_tab(qtbot, sessions(world.mediator), world.case_id, [])
    form = tab.assessment.form
    form.boxes["threat_to_kill"].setChecked(True)        # a red flag: 高 whatever the score
    assert form.badge.property("risk_level") == "high"
    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: tab.data is not None and len(tab.data.assessments) == 1 and not tab.loading,
                    timeout=TIMEOUT)

    # No approval, no waiting for the periodic refresh: the supervisor's next look (F5) has it first.
    with qtbot.waitSignal(queue.sig_loaded, timeout=TIMEOUT):
        qtbot.mouseClick(queue.findChild(QPushButton, "queue_refresh"), Qt.LeftButton)
    assert queue.data.items[0].case.id == world.case_id
    first = queue.model.index(0, 0).data()
    assert first.startswith("重大案事件")
    assert queue.chip_buttons["major"].text().endswith("1")


def _issued_order(world, expires_in_days: int) -> None:  # noqa: ANN001, F811
    now = utcnow()
    with world.store.uow(write=True) as uow:
        order = po.apply_for_order(uow, world.mediator, world.case_id, "望城区人民法院", now - timedelta(hours=5),
                                   consent_recorded=True, measures=["no_violence"])
        po.decide_order(uow, world.mediator, order.id, True, now - timedelta(hours=1))
        today = local_date(now)
        po.issue_order(uow, world.mediator, order.id, expires_on=today + timedelta(days=expires_in_days))


def test_the_expiry_alert_shows_14_days_before_the_order_lapses(qtbot, world, sessions):  # noqa: ANN001, F811
    _issued_order(world, 14)
    tab = _crisis_tab(qtbot, sessions(world.mediator), world.case_id, [])
    tab.tabs.setCurrentWidget(tab.orders)
    qtbot.waitUntil(lambda: tab.orders.table.rowCount() == 1, timeout=TIMEOUT)
    tab.orders.table.selectRow(0)
    qtbot.waitUntil(lambda: tab.orders.alert.isVisible(), timeout=TIMEOUT)
    assert "保护令即将到期" in tab.orders.alert.text() and "剩 14 天" in tab.orders.alert.text()
    assert "申请延长" in tab.orders.alert.text()


def test_no_expiry_alert_15_days_before(qtbot, world, sessions):  # noqa: ANN001, F811
    _issued_order(world, 15)
    tab = _crisis_tab(qtbot, sessions(world.mediator), world.case_id, [])
    tab.tabs.setCurrentWidget(tab.orders)
    qtbot.waitUntil(lambda: tab.orders.table.rowCount() == 1, timeout=TIMEOUT)
    tab.orders.table.selectRow(0)
    qtbot.wait(50)
    assert not tab.orders.alert.isVisible()
    assert "剩 15 天" in tab.orders.table.item(0, 3).text()


def test_a_police_call_keeps_its_station_and_receipt(qtbot, world, sessions):  # noqa: ANN001, F811
    tab = _crisis_tab(qtbot, sessions(world.mediator), world.case_id, [])
    tab.tabs.setCurrentWidget(tab.actions)
    qtbot.mouseClick(tab.actions.add_button, Qt.LeftButton)
    dialog = tab.runner.dialog
    dialog.kind.setCurrentIndex(dialog.kind.findData("police_called"))
    assert dialog.fields["police_unit"].isVisible() and not dialog.fields["shelter"].isVisible()
    type_chinese(dialog.fields["police_unit"], "高塘岭派出所")
    dialog.fields["receipt_no"].setText("JJ2026112901")
    dialog.accept()
    qtbot.waitUntil(lambda: tab.data is not None and len(tab.data.actions) == 1 and not tab.loading,
                    timeout=TIMEOUT)
    cell = tab.actions.table.item(0, 3).text()
    assert "出警单位：高塘岭派出所" in cell and "接警回执编号：JJ2026112901" in cell
    assert tab.data.actions[0].data == {"police_unit": "高塘岭派出所", "receipt_no": "JJ2026112901"}


def test_an_application_on_her_behalf_names_who_applied(qtbot, world, sessions):  # noqa: ANN001, F811
    tab = _crisis_tab(qtbot, sessions(world.mediator), world.case_id, [])
    tab.tabs.setCurrentWidget(tab.orders)
    qtbot.mouseClick(tab.orders.buttons["apply"], Qt.LeftButton)
    dialog = tab.runner.dialog
    type_chinese(dialog.court, "长沙市望城区人民法院")
    dialog.measures.boxes["no_violence"].setChecked(True)
    assert not dialog.on_behalf.isEnabled()
    dialog.lacks.setChecked(True)
    assert dialog.on_behalf.isEnabled()
    type_chinese(dialog.capacity_note, "受害人受丈夫威吓，不敢自行申请")
    type_chinese(dialog.on_behalf, "近亲属：母亲王某某")
    dialog.applied_at.setDateTime(clock.now_local() - timedelta(minutes=5))
    assert dialog.ok_button.isEnabled(), dialog.hint.text()
    dialog.accept()
    qtbot.waitUntil(lambda: tab.data is not None and len(tab.data.orders) == 1 and not tab.loading, timeout=TIMEOUT)
    assert tab.data.orders[0].applied_on_behalf_by == "近亲属：母亲王某某"
    tab.orders.table.selectRow(0)
    qtbot.waitUntil(lambda: "由近亲属：母亲王某某代为申请" in tab.orders.details.text(), timeout=TIMEOUT)

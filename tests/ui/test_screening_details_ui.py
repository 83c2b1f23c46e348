"""The screening register with schema 0007: the dispute category chosen or guessed, a phone visit, the
resolution's day, and dismissing an online lead with its reason."""
from __future__ import annotations

from PySide6.QtCore import Qt

from fulian_desktop.domain.screening_rules import EntryStatus, VisitMethod
from fulian_desktop.services.intake import leads
from fulian_desktop.services.screening import screening
from fulian_desktop.services.intake.leads import LeadStatus
from tests.support.qt_input import type_chinese
from tests.ui.test_screening_ui import (  # noqa: F401 (fixtures)
    _entry, _reload, _select, _today, answered_messages, page, world,
)


def test_the_entry_form_guesses_the_category_and_a_phone_visit_is_kept(qtbot, page, world):  # noqa: ANN001, F811
    entry_id = _entry(world)
    _reload(qtbot, page, 1)
    assert page.register_model.items[0].category_label == "婚姻家庭"       # guessed from 打骂妻子
    column = page.register_model.column_of("category_label")
    assert page.register_model.index(0, column).data() == "婚姻家庭"

    qtbot.mouseClick(page.buttons["add"], Qt.LeftButton)
    dialog = page.runner.dialog
    type_chinese(dialog.text, "两家因宅基地边界争执")
    assert "房屋宅基地" in dialog.category.itemText(0)
    dialog.category.setCurrentIndex(dialog.category.findData("邻里"))
    assert dialog.values()["category"] == "邻里"
    dialog.reject()

    _select(qtbot, page, entry_id)
    qtbot.mouseClick(page.buttons["visit"], Qt.LeftButton)
    dialog = page.runner.dialog
    assert dialog.methods[VisitMethod.VISIT.value].isChecked()
    dialog.methods[VisitMethod.PHONE.value].setChecked(True)
    type_chinese(dialog.text, "电话询问，妻子称近期未再争吵")
    dialog.accept()
    qtbot.waitUntil(lambda: "走访记录（1 次）" in page.detail.text(), timeout=10_000)
    assert "电话联系" in page.detail.text() and "婚姻家庭" in page.detail.text()
    with world.store.uow(write=True) as uow:
        assert screening.get_entry(uow, world.town, entry_id).visits[0].method is VisitMethod.PHONE


def test_resolving_keeps_the_day_and_shows_it(qtbot, page, world):  # noqa: ANN001, F811
    entry_id = _entry(world)
    _reload(qtbot, page, 1)
    _select(qtbot, page, entry_id)
    qtbot.mouseClick(page.buttons["resolve"], Qt.LeftButton)
    dialog = page.runner.dialog
    assert dialog.resolved_on.date().toPython() == _today()
    assert dialog.resolved_on.maximumDate().toPython() == _today()      # not in the future
    type_chinese(dialog.text, "经村调委会调解，夫妻和好")
    dialog.accept()
    page.show_resolved.setChecked(True)
    qtbot.waitUntil(lambda: not page.loader.loading and page.register_model.rowCount() == 1
                    and page.register_model.items[0].status == EntryStatus.RESOLVED, timeout=10_000)
    done = page.register_model.items[0]
    assert done.resolved_on == _today() and done.resolution == "经村调委会调解，夫妻和好"
    _select(qtbot, page, entry_id)
    qtbot.waitUntil(lambda: "化解日期" in page.detail.text(), timeout=10_000)
    assert _today().isoformat() in page.detail.text()


def test_a_lead_is_dismissed_with_a_reason_and_can_come_back(qtbot, page, world):  # noqa: ANN001, F811
    with world.store.uow(write=True) as uow:
        leads.add_lead(uow, world.village, "本地微信群", "网传某村妇女被关在家中", _today())
    page.refresh()
    page.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: page.leads_model.rowCount() == 1 and not page.loader.loading, timeout=10_000)
    assert "待处理 1" in page.tabs.tabText(2)
    page.leads.selectRow(0)
    assert page.buttons["lead_dismiss"].isEnabled() and not page.buttons["lead_reopen"].isEnabled()
    qtbot.mouseClick(page.buttons["lead_dismiss"], Qt.LeftButton)
    dialog = page.runner.dialog
    assert not dialog.ok_button.isEnabled()                            # a reason is required
    type_chinese(dialog.text, "经村委会核实，系谣传")
    dialog.accept()
    qtbot.waitUntil(lambda: not page.loader.loading and page.leads_model.items
                    and page.leads_model.items[0].status == LeadStatus.DISMISSED, timeout=10_000)
    assert "待处理 0" in page.tabs.tabText(2)
    status = page.leads_model.column_of("status_label")
    outcome = page.leads_model.column_of("outcome")
    assert page.leads_model.index(0, status).data() == "已排除"
    assert page.leads_model.index(0, outcome).data() == "经村委会核实，系谣传"
    page.leads.selectRow(0)
    assert not page.buttons["lead_case"].isEnabled() and page.buttons["lead_reopen"].isEnabled()
    qtbot.mouseClick(page.buttons["lead_reopen"], Qt.LeftButton)
    qtbot.waitUntil(lambda: not page.loader.loading and page.leads_model.items[0].status == LeadStatus.OPEN,
                    timeout=10_000)

"""申请结案 on a petition: the dialog asks for the 处理意见 (支持 / 解释说明 / 不予支持) and its facts and basis, the
supervisor sees them with the request, and once the closure is approved the case header shows them."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QRadioButton

from fulian_desktop.domain.enums import CaseKind, CaseStatus, PetitionOutcome
from fulian_desktop.domain.workflow import Transition as T
from fulian_desktop.services.cases import cases, workflow
from fulian_desktop.store.models import Case
from tests.support.qt_input import type_chinese
from tests.ui.test_case_workflow_ui import (  # noqa: F401 - fixtures
    TIMEOUT, _button, _dialog, _settled, answered_messages, open_page, world,
)
from ui.cases.petition_closure import PetitionClosureDialog

REASON = "已答复来访人并送达处理意见书"
BASIS = "经核查，该村土地补偿款已按村民会议决议分配，来访人份额无误，其要求另行补偿缺乏依据。"
SHOTS = os.environ.get("FULIAN_SHOTS")   # a folder: save what the user sees, to look at


def _shot(widget, name: str) -> None:  # noqa: ANN001
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_a_petition_closes_only_with_an_outcome_and_basis_shown_once_approved(qtbot, world, open_page) -> None:  # noqa
    case_id = world.new_case(steps=(T.ACCEPT, T.START))
    page = open_page(case_id)
    qtbot.mouseClick(_button(page, "step_request_closure"), Qt.LeftButton)
    dialog = _dialog(qtbot, page)
    assert isinstance(dialog, PetitionClosureDialog) and "处理意见书" in dialog.notice.text()
    assert [r.text() for r in dialog.findChildren(QRadioButton)] == ["支持", "解释说明", "不予支持"]
    assert not dialog.ok_button.isEnabled()

    type_chinese(dialog.text, REASON)
    assert not dialog.ok_button.isEnabled() and dialog.hint.text() == "请选择处理意见：支持、解释说明或不予支持。"
    qtbot.mouseClick(dialog.radios[PetitionOutcome.NOT_SUPPORT], Qt.LeftButton)
    assert not dialog.ok_button.isEnabled() and dialog.hint.text() == "请填写查明的事实。"
    type_chinese(dialog.facts_text, "经走访村民小组核实，土地补偿款已按村民会议决议分配。")
    assert not dialog.ok_button.isEnabled() and dialog.hint.text() == "请填写处理意见的理由。"
    type_chinese(dialog.basis_text, BASIS)
    dialog.articles.item(1).setCheckState(Qt.Checked)     # 妇女权益保障法第五十五条
    combo = dialog.evaluation     # the petitioner's evaluation, counted in the report's 满意率
    assert [combo.itemText(i) for i in range(combo.count())] == ["未评价", "满意", "基本满意", "不满意"]
    assert combo.currentText() == "未评价"
    combo.setCurrentIndex(combo.findText("基本满意"))
    assert dialog.ok_button.isEnabled() and dialog.hint.text() == ""
    _shot(dialog, "petition_closure_dialog")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)

    qtbot.waitUntil(lambda: page.approval_bar.texts() == ["待审批：结案（张三申请）"] and _settled(page),
                    timeout=TIMEOUT)
    assert f"拟处理意见：不予支持；事实和依据：{BASIS}" in page.approval_bar.labels[0].text()
    assert "查明的事实：经走访村民小组核实，土地补偿款已按村民会议决议分配。" in page.approval_bar.labels[0].text()
    assert page.detail.row.status == CaseStatus.PENDING_CLOSURE
    assert not page.header.petition_opinion.isVisibleTo(page)       # nothing is on the case before approval
    with world.store.uow() as uow:
        assert uow.s.get(Case, case_id).petition_outcome is None

    sup_page = open_page(case_id, world.supervisor)
    assert "拟处理意见：不予支持" in sup_page.approval_bar.labels[0].text()
    qtbot.mouseClick(_button(sup_page, "approve_close"), Qt.LeftButton)
    qtbot.mouseClick(_dialog(qtbot, sup_page).ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: sup_page.detail.row.status == CaseStatus.CLOSED and _settled(sup_page), timeout=TIMEOUT)
    opinion = sup_page.header.petition_opinion
    assert opinion.isVisibleTo(sup_page)
    assert opinion.text() == f"信访处理意见：不予支持　事实和依据：{BASIS}　信访人评价：基本满意"
    _shot(sup_page, "petition_closed_case")
    with world.store.uow(write=True) as uow:
        detail = cases.get_case(uow, world.supervisor, case_id)
    assert detail.petition_outcome is PetitionOutcome.NOT_SUPPORT and detail.petition_basis == BASIS
    with world.store.uow() as uow:
        assert uow.s.get(Case, case_id).petition_evaluation == "basically"


def test_other_kinds_close_with_the_plain_reason_dialog(qtbot, world, open_page) -> None:  # noqa: ANN001
    with world.store.uow(write=True) as uow:
        case_id = cases.create_case(uow, world.mediator, cases.NewCase(title="周某离婚纠纷调解",
                                                                       kind=CaseKind.MEDIATION)).row.id
        workflow.transition(uow, world.mediator, case_id, T.ACCEPT)
    page = open_page(case_id)
    qtbot.mouseClick(_button(page, "step_request_closure"), Qt.LeftButton)
    dialog = _dialog(qtbot, page)
    assert not isinstance(dialog, PetitionClosureDialog) and dialog.findChildren(QRadioButton) == []
    type_chinese(dialog.text, "双方达成协议并已履行")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.detail.row.status == CaseStatus.PENDING_CLOSURE and _settled(page), timeout=TIMEOUT)
    assert "拟处理意见" not in page.approval_bar.labels[0].text()
    assert not page.header.petition_opinion.isVisibleTo(page)

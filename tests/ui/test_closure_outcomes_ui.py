"""What a case achieved, recorded in the closure dialog (防止民转刑 … with persons), shown to the supervisor and
written on the case when the closure is approved."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from fulian_desktop.domain.closure_outcomes import PERSONS_MAX
from fulian_desktop.domain.enums import CaseKind, CaseStatus
from fulian_desktop.domain.workflow import Transition as T
from fulian_desktop.services.cases import cases, workflow
from fulian_desktop.store.models import Case
from tests.support.qt_input import type_chinese
from tests.ui.test_case_workflow_ui import (  # noqa: F401 - fixtures
    TIMEOUT, _button, _dialog, _settled, answered_messages, open_page, world,
)
from ui.cases.closure_outcomes import ClosureDialog
from ui.cases.petition_closure import PetitionClosureDialog

SHOTS = os.environ.get("FULIAN_SHOTS")   # a folder: save what the user sees, to look at


def _shot(widget, name: str) -> None:  # noqa: ANN001
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_the_closure_dialog_records_outcomes_with_persons_written_once_approved(qtbot, world, open_page) -> None:  # noqa
    with world.store.uow(write=True) as uow:
        case_id = cases.create_case(uow, world.mediator, cases.NewCase(title="周某家庭暴力危机干预",
                                                                       kind=CaseKind.CRISIS)).row.id
        workflow.transition(uow, world.mediator, case_id, T.ACCEPT)
    page = open_page(case_id)
    qtbot.mouseClick(_button(page, "step_request_closure"), Qt.LeftButton)
    dialog = _dialog(qtbot, page)
    assert isinstance(dialog, ClosureDialog)
    box = dialog.outcomes
    assert [c.text() for c in box.checks.values()] == ["防止民转刑", "防止自杀", "制止群体性上访"]
    crime, suicide = box.checks["prevented_crime"], box.checks["prevented_suicide"]
    spin = box.persons["prevented_crime"]
    assert not spin.isEnabled()                       # no head count without the outcome
    qtbot.mouseClick(crime, Qt.LeftButton)
    assert spin.isEnabled() and spin.minimum() == 1 and spin.maximum() == PERSONS_MAX
    spin.setValue(3)
    qtbot.mouseClick(suicide, Qt.LeftButton)          # 1 person: the spin box starts at its minimum
    type_chinese(dialog.text, "危险已解除，双方已分开居住")
    _shot(dialog, "closure_outcomes_dialog")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.detail.row.status == CaseStatus.PENDING_CLOSURE and _settled(page), timeout=TIMEOUT)
    assert "结案成效：防止民转刑 3 人；防止自杀 1 人" in page.approval_bar.labels[0].text()
    assert not page.header.closure_outcomes.isVisibleTo(page)
    with world.store.uow() as uow:
        assert uow.s.get(Case, case_id).prevented_crime is False     # nothing on the case before approval

    sup_page = open_page(case_id, world.supervisor)
    assert "结案成效：防止民转刑 3 人" in sup_page.approval_bar.labels[0].text()
    qtbot.mouseClick(_button(sup_page, "approve_close"), Qt.LeftButton)
    qtbot.mouseClick(_dialog(qtbot, sup_page).ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: sup_page.detail.row.status == CaseStatus.CLOSED and _settled(sup_page), timeout=TIMEOUT)
    shown = sup_page.header.closure_outcomes
    assert shown.isVisibleTo(sup_page) and shown.text() == "结案成效：防止民转刑 3 人；防止自杀 1 人"
    _shot(sup_page, "closure_outcomes_closed_case")
    with world.store.uow() as uow:
        case = uow.s.get(Case, case_id)
        assert (case.prevented_crime, case.prevented_crime_persons) == (True, 3)
        assert (case.prevented_suicide, case.prevented_suicide_persons) == (True, 1)
        assert (case.stopped_group_petition, case.stopped_group_petition_persons) == (False, None)


def test_the_petition_closure_dialog_asks_for_outcomes_too(qtbot, world, open_page) -> None:  # noqa: ANN001
    case_id = world.new_case(steps=(T.ACCEPT, T.START))
    page = open_page(case_id)
    qtbot.mouseClick(_button(page, "step_request_closure"), Qt.LeftButton)
    dialog = _dialog(qtbot, page)
    assert isinstance(dialog, PetitionClosureDialog)
    qtbot.mouseClick(dialog.closure_outcomes.checks["stopped_group_petition"], Qt.LeftButton)
    dialog.closure_outcomes.persons["stopped_group_petition"].setValue(12)
    assert dialog.opinion()["closure_outcomes"] == {"prevented_crime": None, "prevented_suicide": None,
                                                     "stopped_group_petition": 12}
    dialog.reject()

"""涉及金额 on the agreement form: typed as a mediator writes it (12,345.50, 1.2万), shown back in 元, refused
when it is not a sum to the 分, kept as whole 分 and shown on the agreement."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from fulian_desktop.store.models import Agreement
from tests.support.qt_input import type_chinese
from tests.ui.test_mediation_ui import _save, answered_messages, hosted, session, world  # noqa: F401 - fixtures
from ui.mediation.mediation_agreement_dialog import CreateAgreementDialog

SHOTS = os.environ.get("FULIAN_SHOTS")   # a folder: save what the user sees, to look at


def _shot(widget, name: str) -> None:  # noqa: ANN001
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_the_agreement_form_takes_the_sum_in_yuan(qtbot, hosted, world) -> None:  # noqa: ANN001
    tab, _changes = hosted
    tab.sections.setCurrentWidget(tab.agreement)
    qtbot.mouseClick(tab.agreement.create_button, Qt.LeftButton)
    dialog = tab.runner.dialog
    assert isinstance(dialog, CreateAgreementDialog)
    type_chinese(dialog.facts, "双方因抚养费发生争执。")
    type_chinese(dialog.disputes, "抚养费")
    type_chinese(dialog.responsibility, "男方未按时支付。")
    row = dialog.terms.rows[0]
    row.obligor.setCurrentText("张建国")
    type_chinese(row.content, "一次性补付抚养费")
    dialog.amount.setText("12.345")
    assert dialog.problem() == "涉及金额最多精确到分（小数点后两位）。" and dialog.amount_shown.text() == ""
    dialog.amount.setText("1.2万")
    assert dialog.amount_shown.text() == "＝ 12,000.00 元" and dialog.problem() == ""
    dialog.amount.setText("12,345.50")
    assert dialog.amount_shown.text() == "＝ 12,345.50 元"
    _shot(dialog, "agreement_amount")
    dialog.oral.setChecked(True)        # effective at once: its 履行情况 shows with it
    _save(qtbot, tab, dialog)
    with world.store.uow() as uow:
        (agreement,) = uow.s.query(Agreement).all()
        assert agreement.amount_involved_fen == 1_234_550
    summary = tab.agreement.summary.text()
    assert "12,345.50 元" in summary and "履行情况" in summary and "未履行" in summary

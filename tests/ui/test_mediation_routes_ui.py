"""调解不成 on screen for a marriage dispute: 仲裁 is not offered (仲裁法第三条), a note says why, and saving with
行政处理 and 诉讼 told is accepted."""
from __future__ import annotations

from fulian_desktop.domain.mediation_rules import MarriageOutcome, OtherRoute
from fulian_desktop.services.mediation import mediation
from fulian_desktop.store.models import Case
from tests.ui.test_mediation_ui import (  # noqa: F401 (fixtures)
    WAIT, _click, _save, answered_messages, hosted, session, world,
)
from ui.mediation.mediation_followup_dialogs import OutcomeDialog


def test_a_marriage_dispute_is_not_told_of_arbitration(qtbot, hosted, world):  # noqa: ANN001, F811
    tab, _changes = hosted
    with world.store.uow(write=True) as uow:
        uow.s.get(Case, world.case_id).dispute_type = "婚姻家庭"
    with qtbot.waitSignal(tab.sig_loaded, timeout=WAIT):
        tab.reload()
    assert tab.data.overview.routes == (OtherRoute.ADMINISTRATIVE, OtherRoute.LITIGATION)
    _click(qtbot, tab.outcome_button)
    dialog = tab.runner.dialog
    assert isinstance(dialog, OutcomeDialog)
    assert not dialog.no_arbitration.isVisible()
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(MarriageOutcome.FAILED.value))
    assert set(dialog.routes) == {"administrative", "litigation"}          # no 仲裁 box at all
    assert dialog.no_arbitration.isVisible() and "仲裁法第三条" in dialog.no_arbitration.text()
    dialog.routes["litigation"].setChecked(True)
    assert "行政处理" in dialog.hint.text() and "仲裁" not in dialog.hint.text()
    dialog.routes["administrative"].setChecked(True)
    _save(qtbot, tab, dialog)
    with world.store.uow() as uow:
        outcome = mediation.get_mediation_outcome(uow, world.actor, world.case_id)
    assert outcome.route_labels == ("行政处理", "诉讼")


def test_an_unclassified_dispute_offers_every_route(qtbot, hosted, world):  # noqa: ANN001, F811
    tab, _changes = hosted
    _click(qtbot, tab.outcome_button)
    dialog = tab.runner.dialog
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(MarriageOutcome.FAILED.value))
    assert set(dialog.routes) == {"arbitration", "administrative", "litigation"}
    assert not dialog.no_arbitration.isVisible()
    dialog.reject()

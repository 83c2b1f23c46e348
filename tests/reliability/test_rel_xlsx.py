"""Formula injection in the statistics workbook: a unit or category named like a formula stays text; a control
character a workbook cannot hold is dropped, never the file."""
from __future__ import annotations

import io
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from fulian_desktop.documents.statistics_xlsx import FORMULA_STARTS, render_workbook, safe_text
from fulian_desktop.domain.enums import CaseKind, Tier
from fulian_desktop.services.accounts import auth, orgunits
from fulian_desktop.services.cases import cases
from fulian_desktop.services.statistics import statistics
from fulian_desktop.store.base import utcnow
from tests.support.stores import build_org, new_store

EXAMPLES = 300
INJECTIONS = ["=1+1", "=HYPERLINK(\"http://evil.example\",\"点我\")", "+1+2", "-3+4", "@SUM(A1:A9)",
              "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0"]


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.text(max_size=40) | st.sampled_from(INJECTIONS).flatmap(lambda s: st.just(s) | st.text(max_size=5).map(
    lambda tail: s + tail)))
def test_no_text_written_to_a_cell_can_start_a_formula(value: str) -> None:
    safe = safe_text(value)
    assert not safe.startswith(FORMULA_STARTS)
    assert safe.endswith(ILLEGAL_CHARACTERS_RE.sub("", value))  # nothing of the user's text is lost but controls
    Workbook().active.cell(row=1, column=1, value=safe)        # and a workbook takes it


def test_a_unit_and_a_category_named_like_formulas_stay_text_in_the_workbook(tmp_path) -> None:  # noqa: ANN001
    store = new_store(tmp_path / "data").store
    try:
        org = build_org(store)
        actor = auth.system_actor(store)
        with store.uow(write=True) as uow:
            town = orgunits.create_unit(uow, actor, name=INJECTIONS[1], tier=Tier.TOWN, parent_id=org.district,
                                        case_prefix="注")
            for category in INJECTIONS:
                cases.create_case(uow, actor, cases.NewCase(title="公式注入测试", kind=CaseKind.MEDIATION,
                                                            unit_id=town.id, category=category,
                                                            dispute_type=category))
        today = utcnow().date()
        with store.uow() as uow:
            report = statistics.monthly_report(uow, actor, today - timedelta(days=30), today + timedelta(days=1),
                                               unit_id=town.id)
        data = render_workbook(report)
    finally:
        store.close()
    book = load_workbook(io.BytesIO(data))
    texts = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula: {cell.value!r}"
                if isinstance(cell.value, str):
                    texts.append(cell.value)
                    assert not cell.value.startswith(FORMULA_STARTS), f"{sheet.title}!{cell.coordinate}"
    assert any(INJECTIONS[1] in t for t in texts), "the unit's name should be in the workbook, as text"



"""Case numbers in the official style: （2026）望婚调字第12号."""
from __future__ import annotations

import pytest

from fulian_desktop.domain.case_numbers import (
    CaseNumber, format_case_number, normalise_case_number, parse_case_number,
)
from fulian_desktop.domain.enums import CaseKind


def test_format_uses_full_width_brackets() -> None:
    assert format_case_number(2024, "望婚调", 12) == "（2024）望婚调字第12号"
    assert str(CaseNumber(2026, "望高郭妇信", 1)) == "（2026）望高郭妇信字第1号"


@pytest.mark.parametrize("text", [
    "（2024）望婚调字第12号",
    "(2024)望婚调字第12号",
    "（2024)望婚调字第12号",
    "(2024）望婚调字第12号",
    "  （2024）望婚调字第12号  ",
    "( 2024 ) 望婚调 字第 12 号",
    "（2024）望婚调字第012号",
])
def test_parse_accepts_full_and_half_width_brackets(text: str) -> None:
    assert parse_case_number(text) == CaseNumber(2024, "望婚调", 12)
    assert normalise_case_number(text) == "（2024）望婚调字第12号"


@pytest.mark.parametrize("text", [
    "", "   ", "望婚调字第12号", "（24）望婚调字第12号", "（2024）望婚调字第号", "（2024）望婚调第12号",
    "（2024）望婚调字第12", "【2024】望婚调字第12号", "（2024）字第12号", "13912345678", "张三",
])
def test_parse_rejects_what_is_not_a_case_number(text: str) -> None:
    assert parse_case_number(text) is None
    assert normalise_case_number(text) is None


def test_parse_handles_none() -> None:
    assert parse_case_number(None) is None  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", list(CaseKind))
@pytest.mark.parametrize("year, seq", [(2024, 1), (2026, 12), (2099, 12345)])
def test_round_trip_for_every_kind(kind: CaseKind, year: int, seq: int) -> None:
    word = "望高郭" + kind.number_word
    text = format_case_number(year, word, seq)
    assert parse_case_number(text) == CaseNumber(year, word, seq)
    assert normalise_case_number(text.replace("（", "(").replace("）", ")")) == text


def test_every_kind_has_its_own_word() -> None:
    words = [kind.number_word for kind in CaseKind]
    assert len(set(words)) == len(words)
    assert CaseKind.MEDIATION.number_word == "婚调"

"""Sums typed by a mediator read as whole 分, and an agreement's 履行情况 from its terms."""
from __future__ import annotations

import pytest

from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.mediation_rules import AgreementPerformance, agreement_performance
from fulian_desktop.domain.money import parse_yuan, yuan_text


@pytest.mark.parametrize(("text", "fen"), [
    ("12345", 1_234_500), ("12,345.50", 1_234_550), ("12，345.5 元", 1_234_550), ("￥800", 80_000),
    ("1.2万", 1_200_000), ("3万元", 3_000_000), ("０.０１", 1), ("  ", None), ("", None), ("0", 0),
])
def test_sums_are_read_exactly(text: str, fen: int | None) -> None:
    assert parse_yuan(text) == fen


@pytest.mark.parametrize("text", ["12.345", "1,23", "12,34,567", "abc", "1.2.3", "-5", "1e5", "1.234万5", "0.0000001万"])
def test_what_is_not_a_sum_is_refused_not_rounded(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_yuan(text)


def test_yuan_text() -> None:
    assert (yuan_text(2_484_550), yuan_text(5), yuan_text(None)) == ("24,845.50", "0.05", "")


@pytest.mark.parametrize(("terms", "state"), [
    (["done", "done"], AgreementPerformance.FULL), (["done", "pending"], AgreementPerformance.PARTIAL),
    (["partial"], AgreementPerformance.PARTIAL), (["pending", "breached"], AgreementPerformance.NONE),
    ([], AgreementPerformance.NONE),
])
def test_agreement_performance_from_its_terms(terms: list[str], state: AgreementPerformance) -> None:
    assert agreement_performance(terms) is state

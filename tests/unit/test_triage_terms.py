"""Triage at intake: the reviewed word list and what it offers (issue 15, build item 2)."""
from __future__ import annotations

import pytest

from fulian_desktop.domain import triage
from fulian_desktop.domain.triage import Signal


def test_the_list_is_short_reviewed_and_every_entry_says_why() -> None:
    raw = triage.TERMS_FILE.read_text(encoding="utf-8")
    header = [line for line in raw.splitlines() if line.startswith("#")]
    assert any("why" in line or "为" in line for line in header) and len(header) >= 10
    terms = triage.terms()
    assert 20 <= len(terms) <= 120                       # short enough to review by hand
    assert all(len(t.why) >= 8 for t in terms)           # a reason, not a placeholder
    assert {t.signal for t in terms} == set(Signal)      # every kind has words
    words = [t.word for t in terms]
    assert len(words) == len(set(words))


def test_a_line_without_a_reason_is_refused() -> None:
    with pytest.raises(ValueError):
        triage.parse_terms("violence | 殴打\n")
    with pytest.raises(ValueError):
        triage.parse_terms("danger | 殴打 | not a kind\n")


def test_the_issue_example_offers_the_domestic_violence_flag() -> None:
    result = triage.scan(["丈夫酗酒后殴打 申请保护"])
    assert result.signals == (Signal.VIOLENCE,) and result.words == ("殴打", "申请保护")
    assert result.suggests_domestic_violence and not result.suggests_major


@pytest.mark.parametrize(("text", "signal", "major"), [
    ("他说要和我同归于尽", Signal.THREAT, True),
    ("最近老说不想活了", Signal.SELF_HARM, True),
    ("邻居说孩子被打得不敢回家", Signal.CHILD, True),
    ("儿子不给饭吃还把我赶出家门", Signal.VIOLENCE, False),
])
def test_threats_self_harm_and_children_offer_the_major_flag(text: str, signal: Signal, major: bool) -> None:
    result = triage.scan([text])
    assert signal in result.signals and result.suggests_major == major


def test_ordinary_disputes_prompt_nothing_and_explicit_answers_count_without_words() -> None:
    assert not triage.scan(["要求协调宅基地边界纠纷", "双方吵架后互不来往"]).any
    answered = triage.scan(["要求协调赡养费"], answers=[Signal.SELF_HARM])
    assert answered.signals == (Signal.SELF_HARM,) and answered.words == () and answered.suggests_major

"""Danger assessment: the checklist, the score, the red flags that force 高, the override and the trend."""
from __future__ import annotations

import pytest

from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.risk import (
    HIGH_FROM, ITEMS, ITEMS_BY_CODE, MEDIUM_FROM, RED_FLAGS, RiskLevel, Trend, assess, compare, level_for_score,
    overall_trend, override, trend,
)


def test_red_flags_are_exactly_domain_list() -> None:
    # DOMAIN.md: strangulation, threats to kill, weapon, stalking, recent separation, escalation,
    # threats to children, pregnancy.
    assert RED_FLAGS == ("strangulation", "threat_to_kill", "weapon", "stalking", "recent_separation",
                         "escalation", "threat_to_children", "pregnancy")
    assert {i.code for i in ITEMS if i.red_flag} == set(RED_FLAGS)


def test_items_are_well_formed() -> None:
    codes = [i.code for i in ITEMS]
    assert len(codes) == len(set(codes))
    assert all(c.isascii() and c == c.lower() for c in codes)
    assert all(i.weight > 0 and i.question.endswith("？") and i.short for i in ITEMS)
    # published danger assessments' core items are all there
    for code in ("forced_sex", "controlling", "abuser_substance", "abuser_unemployed", "abuser_suicide_threat",
                 "believes_can_kill", "prior_police"):
        assert code in ITEMS_BY_CODE


def test_levels_are_labelled_high_medium_low() -> None:
    assert [lv.label for lv in (RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW)] == ["高", "中", "低"]
    assert RiskLevel("high") is RiskLevel.HIGH and RiskLevel.from_label("中") is RiskLevel.MEDIUM
    assert RiskLevel.LOW.rank < RiskLevel.MEDIUM.rank < RiskLevel.HIGH.rank


def test_nothing_answered_yes_is_low() -> None:
    a = assess({})
    assert (a.score, a.computed_level, a.final_level, a.red_flags) == (0, RiskLevel.LOW, RiskLevel.LOW, ())
    assert len(a.unanswered) == len(ITEMS)
    assert a.answers() == {i.code: False for i in ITEMS}


@pytest.mark.parametrize("flag", RED_FLAGS)
def test_each_red_flag_alone_forces_high(flag: str) -> None:
    answers = {i.code: False for i in ITEMS}
    answers[flag] = True
    a = assess(answers)
    assert a.score == ITEMS_BY_CODE[flag].weight < HIGH_FROM  # the score alone would not be 高
    assert a.computed_level == a.final_level == RiskLevel.HIGH
    assert a.red_flags == (flag,)
    assert a.forced_by_red_flag and not a.overridden
    assert a.red_flag_labels == (ITEMS_BY_CODE[flag].short,)


def test_low_by_score() -> None:
    a = assess({"controlling": True, "abuser_substance": True})        # 2 + 2
    assert a.score == 4 < MEDIUM_FROM
    assert a.computed_level == RiskLevel.LOW and a.red_flags == ()


def test_medium_by_score() -> None:
    a = assess({"controlling": True, "abuser_substance": True, "abuser_unemployed": True, "prior_police": False})
    assert a.score == 6 and a.computed_level == RiskLevel.MEDIUM


def test_high_by_score_without_red_flags() -> None:
    a = assess({"believes_can_kill": True, "forced_sex": True, "abuser_suicide_threat": True,
                "violated_order": True})                                 # 4 + 3 + 3 + 3
    assert a.score == 13 >= HIGH_FROM
    assert a.computed_level == RiskLevel.HIGH and a.red_flags == () and not a.forced_by_red_flag


def test_thresholds() -> None:
    assert level_for_score(MEDIUM_FROM - 1) == RiskLevel.LOW
    assert level_for_score(MEDIUM_FROM) == RiskLevel.MEDIUM
    assert level_for_score(HIGH_FROM - 1) == RiskLevel.MEDIUM
    assert level_for_score(HIGH_FROM) == RiskLevel.HIGH


def test_override_raises_medium_to_high_with_a_reason() -> None:
    base = {"controlling": True, "abuser_substance": True, "abuser_unemployed": True}
    a = assess(base, override_level=RiskLevel.HIGH, override_reason="昨晚他把她锁在屋里一整夜，她不敢回家")
    assert a.computed_level == RiskLevel.MEDIUM and a.final_level == RiskLevel.HIGH
    assert a.overridden and a.override_reason == "昨晚他把她锁在屋里一整夜，她不敢回家"
    # by label or stored value as well
    assert override(assess(base), "high", "专业判断").final_level == RiskLevel.HIGH


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_override_without_reason_is_refused(reason) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as err:
        assess({"controlling": True, "abuser_substance": True, "abuser_unemployed": True},
               override_level=RiskLevel.HIGH, override_reason=reason)
    assert err.value.code == "override_reason"


def test_lowering_is_refused_even_with_a_reason() -> None:
    with pytest.raises(ValidationError) as err:
        assess({"strangulation": True}, override_level=RiskLevel.MEDIUM, override_reason="她说只发生过一次")
    assert err.value.code == "override_lower" and "红色警示" in err.value.message
    with pytest.raises(ValidationError):
        assess({"controlling": True, "abuser_substance": True, "abuser_unemployed": True},
               override_level=RiskLevel.LOW, override_reason="情况好转")


def test_choosing_the_computed_level_is_no_override() -> None:
    a = assess({"weapon": True}, override_level=RiskLevel.HIGH)
    assert not a.overridden and a.override_reason is None


def test_bad_answers_are_refused() -> None:
    with pytest.raises(ValidationError) as err:
        assess({"has_dog": True})
    assert err.value.code == "unknown_item"
    with pytest.raises(ValidationError) as err:
        assess({"weapon": "yes"})  # type: ignore[dict-item]
    assert err.value.code == "not_yes_no"
    with pytest.raises(ValidationError):
        assess({}, override_level="extreme", override_reason="x")


def test_trend_between_successive_assessments() -> None:
    levels = [RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.HIGH, RiskLevel.LOW]
    assert trend(levels) == [None, Trend.UP, Trend.SAME, Trend.DOWN]
    assert trend(["low", "medium"]) == [None, Trend.UP]
    assert compare(None, RiskLevel.LOW) is None
    assert overall_trend(levels) == Trend.DOWN and overall_trend([RiskLevel.LOW]) is None
    assert (Trend.UP.label, Trend.DOWN.label, Trend.SAME.label) == ("上升", "下降", "持平")

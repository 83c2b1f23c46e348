"""Danger assessments that fit the relationship (issue 15, build item 4): one reviewed set per relationship,
each with its own red flags; the intimate-partner set is kept as it was."""
from __future__ import annotations

import re
import tomllib

import pytest

from fulian_desktop.domain import risk
from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.risk import Relationship, RiskLevel


def test_the_intimate_partner_set_is_unchanged() -> None:
    partner = risk.risk_set(Relationship.PARTNER)
    assert partner.items == risk.ITEMS and partner.red_flags == risk.RED_FLAGS and partner.max_score == 62
    assert risk.assess({}).relationship == Relationship.PARTNER
    assert risk.assess({"strangulation": True}).computed_level == RiskLevel.HIGH


@pytest.mark.parametrize("rel", [Relationship.ELDER, Relationship.CHILD, Relationship.FAMILY])
def test_each_other_set_is_reviewed_has_red_flags_and_no_partner_questions(rel: Relationship) -> None:
    path = risk.SETS_DIR / f"{rel.value}.toml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#") and "Reviewed" in text             # a header saying why the set exists
    data = tomllib.loads(text)
    assert all(len(item["why"]) >= 8 for item in data["item"])     # every item says why it is there
    checklist = risk.risk_set(rel)
    assert 10 <= len(checklist.items) <= 25 and len(checklist.red_flags) >= 4
    assert all(i.code.startswith(rel.value + "_") for i in checklist.items)
    questions = "".join(i.question for i in checklist.items)
    assert "怀孕" not in questions and "分居" not in questions     # partner-only questions stay out
    assert not set(checklist.items_by_code) & set(risk.ITEMS_BY_CODE)


@pytest.mark.parametrize(("rel", "flag", "label"), [
    (Relationship.ELDER, "elder_depends_on_abuser", "依赖加害人照料"),
    (Relationship.CHILD, "child_sexual_abuse", "性侵迹象"),
    (Relationship.FAMILY, "family_weapon", "凶器"),
])
def test_any_red_flag_of_a_set_makes_it_high(rel: Relationship, flag: str, label: str) -> None:
    result = risk.assess({flag: True}, relationship=rel)
    assert result.computed_level == RiskLevel.HIGH and result.red_flags == (flag,)
    assert result.red_flag_labels == (label,) and result.forced_by_red_flag
    assert result.max_score == risk.risk_set(rel).max_score
    assert set(result.answers()) == set(risk.risk_set(rel).items_by_code)   # stored answers name the set
    assert risk.relationship_of(result.answers()) == rel


def test_scores_use_the_sets_own_thresholds() -> None:
    elder = risk.risk_set(Relationship.ELDER)
    answers = {"elder_financial": True, "elder_isolation": True}            # 2 + 2
    assert risk.assess(answers).computed_level == RiskLevel.MEDIUM and elder.medium_from == 4
    assert risk.assess({"elder_verbal": True}).computed_level == RiskLevel.LOW


def test_answers_from_another_set_are_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        risk.assess({"strangulation": True}, relationship=Relationship.CHILD)
    assert caught.value.code == "unknown_item" and "儿童" in caught.value.message
    with pytest.raises(ValidationError):
        risk.assess({"strangulation": True, "elder_weapon": True})
    with pytest.raises(ValidationError) as bad:
        risk.assess({}, relationship="neighbour")
    assert bad.value.code == "invalid_relationship"


HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.mark.parametrize("rel", list(Relationship))
def test_every_question_of_every_set_has_reviewed_english(rel: Relationship) -> None:
    """An English screen asks each question, names each red flag and shows the notice in English (issue 15,
    item 5): every item has its own English text, with no Chinese left in it, and a Chinese screen keeps the
    Chinese."""
    checklist = risk.risk_set(rel)
    for item in checklist.items:
        for english, chinese in ((item.question_in("en"), item.question), (item.short_in("en"), item.short)):
            assert english and english != chinese and not HAN.search(english), (item.code, english)
            assert re.search(r"[A-Za-z]{3}", english), (item.code, english)
        assert item.question_in("en").endswith("?"), item.code          # a question, as in Chinese
        assert item.question_in("zh") == item.question and item.short_in("zh") == item.short
    assert checklist.notice_in("en") and not HAN.search(checklist.notice_in("en"))
    assert checklist.notice_in("zh") == checklist.notice
    # the English short names are distinct within a set, as the Chinese are: a list of red flags stays readable
    assert len({i.short_in("en") for i in checklist.items}) == len({i.short for i in checklist.items})


def test_an_assessment_names_its_red_flags_in_either_language() -> None:
    result = risk.assess({"elder_strangulation": True, "elder_weapon": True})
    assert result.red_flag_labels == ("掐脖窒息", "凶器")
    assert result.red_flag_labels_in("en") == ("Choking or smothering", "Weapon")

"""The outcome of a petition (信访事项处理意见): 支持, 解释说明 or 不予支持, with the facts and basis behind it,
and the petitioner's evaluation of the handling (满意 / 基本满意 / 不满意, or none given: 未评价) for 满意率.

The 处理意见书 must state one of the three and the facts and basis (信访工作条例第三十二条), so a petition case
is closed only with both. Other kinds of case carry neither: their results are recorded elsewhere (a marriage
mediation's outcome, an agreement, a safety plan …).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .enums import CaseKind, PetitionOutcome
from .errors import ValidationError
from .mediation_rules import Satisfaction
from .statutes import parse_codes
from .text import bad_characters, characters_message

BASIS_MAX = 5000
FACTS_MAX = 5000
# Keys of the closure request's payload: the opinion waits there until the supervisor approves.
OUTCOME_KEY, BASIS_KEY = "petition_outcome", "petition_basis"
FACTS_KEY, ARTICLES_KEY = "petition_facts", "petition_articles"
EVALUATION_KEY = "petition_evaluation"
NOT_EVALUATED = "未评价"
FACTS_MISSING = ("该结案申请没有填写“查明的事实”，不能批准：信访事项处理意见书须载明承办人查明的事实"
                 "（信访工作条例第三十二条）。请驳回，由承办人填写查明的事实后重新申请结案。")


@dataclass(frozen=True)
class PetitionOpinion:
    outcome: PetitionOutcome
    basis: str          # 处理意见的理由 (事实和依据 before the facts found had a field of their own)
    facts: str = ""     # 查明的事实, entered by the handler: required before the closure is approved
    articles: tuple[str, ...] = ()   # codes of the statute articles chosen as the basis (domain/statutes.py)
    evaluation: Satisfaction | None = None   # the petitioner's evaluation of the handling; None: 未评价

    @property
    def label(self) -> str:
        return self.outcome.label

    def payload(self) -> dict[str, Any]:
        return {OUTCOME_KEY: self.outcome.value, BASIS_KEY: self.basis, FACTS_KEY: self.facts,
                ARTICLES_KEY: list(self.articles),
                EVALUATION_KEY: self.evaluation.value if self.evaluation else None}

    @classmethod
    def from_payload(cls, payload: dict[str, Any] | None) -> "PetitionOpinion | None":
        payload = payload or {}
        try:
            codes = payload.get(ARTICLES_KEY) or []
            given = payload.get(EVALUATION_KEY)
            evaluation = next((m for m in Satisfaction if m.value == given), None)
            return cls(PetitionOutcome(payload[OUTCOME_KEY]), str(payload.get(BASIS_KEY) or ""),
                       str(payload.get(FACTS_KEY) or ""),
                       tuple(str(c) for c in codes) if isinstance(codes, list) else (), evaluation)
        except (KeyError, ValueError):
            return None


def parse_evaluation(value: Satisfaction | str | None) -> Satisfaction | None:
    """The petitioner's evaluation: a member, its code or its Chinese label; None, "" or 未评价 for none given."""
    if value is None or isinstance(value, Satisfaction):
        return value
    text = value.strip() if isinstance(value, str) else value
    if text in ("", NOT_EVALUATED):
        return None
    for member in Satisfaction:
        if text in (member.value, member.label):
            return member
    raise ValidationError(f"信访人评价无效：{value!r}（只能是满意、基本满意、不满意或未评价）。",
                          code="invalid_petition_evaluation", field=EVALUATION_KEY)


def parse_outcome(value: PetitionOutcome | str) -> PetitionOutcome:
    """A member, its code or its Chinese label."""
    if isinstance(value, PetitionOutcome):
        return value
    for member in PetitionOutcome:
        if value in (member.value, member.label):
            return member
    raise ValidationError(f"处理意见无效：{value!r}（只能是支持、解释说明或不予支持）。", code="invalid_petition_outcome",
                          field=OUTCOME_KEY)


def closure_opinion(kind: CaseKind | str, outcome: PetitionOutcome | str | None,
                    basis: str | None, facts: str | None = None,
                    articles: object = None, evaluation: Satisfaction | str | None = None) -> PetitionOpinion | None:
    """The opinion a closure request of a case of `kind` carries, or a ValidationError saying what is wrong.

    The facts found may still be missing here (the handler may not have them yet); the approval refuses a
    request without them (FACTS_MISSING)."""
    kind = CaseKind(kind)
    given = (outcome not in (None, "") or bool((basis or "").strip()) or bool((facts or "").strip())
             or bool(articles) or evaluation not in (None, "", NOT_EVALUATED))
    if kind is not CaseKind.PETITION:
        if given:
            raise ValidationError(f"只有信访案件结案时填写处理意见（支持、解释说明、不予支持）；本案为“{kind.label}”案件，"
                                  "不能填写。", code="not_a_petition", field=OUTCOME_KEY)
        return None
    if outcome in (None, ""):
        raise ValidationError("信访案件结案须选择处理意见：支持、解释说明或不予支持。", code="petition_outcome_required",
                              field=OUTCOME_KEY)
    parsed = parse_outcome(outcome)
    text = (basis or "").strip() if isinstance(basis, str) else ""
    if not text:
        raise ValidationError(f"请填写“{parsed.label}”这一处理意见的事实和依据，它将写入信访事项处理意见书。",
                              code="petition_basis_required", field=BASIS_KEY)
    if len(text) > BASIS_MAX:
        raise ValidationError(f"事实和依据过长（{len(text)} 个字，最多 {BASIS_MAX} 个字），请精简。", code="too_long",
                              field=BASIS_KEY)
    codes = bad_characters(text, multiline=True)
    if codes:
        raise ValidationError(characters_message("事实和依据", codes, multiline=True), code="bad_characters",
                              field=BASIS_KEY)
    found = (facts or "").strip() if isinstance(facts, str) else ""
    if len(found) > FACTS_MAX:
        raise ValidationError(f"查明的事实过长（{len(found)} 个字，最多 {FACTS_MAX} 个字），请精简。", code="too_long",
                              field=FACTS_KEY)
    codes = bad_characters(found, multiline=True)
    if codes:
        raise ValidationError(characters_message("查明的事实", codes, multiline=True), code="bad_characters",
                              field=FACTS_KEY)
    return PetitionOpinion(parsed, text, found, parse_codes(articles), parse_evaluation(evaluation))

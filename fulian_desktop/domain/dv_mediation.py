"""Violence is not a term of mediation (DOMAIN.md, 反家庭暴力法): the pure rules.

A mediation in a domestic-violence case may settle civil matters (support, property, custody arrangements) but
never excuses, shares the blame for, or trades away safety from the violence. So, in such a case:

- A JOINT session (面对面) only after a safety screening of the victim for that session: she can speak freely, the
  mediator offered separate sessions (背对背), and she chose the joint session in her own words. Fear of the other
  party, violence since the last session, or a current risk of 高 need a supervisor's approval as well
  (`evaluate_screening`). Separate sessions need none of this.
- Agreement texts are checked against a reviewed phrase list (resources/dv_mediation_phrases.tsv, its header says
  who reviewed it and why each phrase is there). Matching is done on normalised text (`normalise`): full-width to
  half-width (NFKC), case folded, spaces, punctuation and invisible characters removed, so "不 再 追 究",
  "不再，追究" and "ＡＢ" variants all match. "…" in a phrase allows up to `GAP` characters between its parts.
- Which cases: flagged 家暴, or any danger assessment at 中 or 高 (`is_dv_case`).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from .errors import ValidationError

PHRASES_FILE = Path(__file__).resolve().parents[2] / "resources" / "dv_mediation_phrases.tsv"
GAP = 12
DV_LEVELS = frozenset({"medium", "high"})

# Printed on every agreement of a DV case, and shown beside the confirmation the mediator must give.
SAFETY_STATEMENT = ("本案涉及家庭暴力。本协议仅处理上述民事事项，不处理、不免除、不分担家庭暴力的责任；"
                    "家庭暴力不是本协议的条款。受害人申请人身安全保护令、报警、向人民法院起诉等权利不因本协议"
                    "受到任何限制（反家庭暴力法第十三、二十三条）。")
# Shown wherever a protection order's expiry is (issue 18): the day is not moved off rest days.
ORDER_EXPIRY_NOTE = ("保护令有效期按作出之日起六个月计算，到期日遇节假日、周末不顺延（不适用民法典第二百零三条的顺延）："
                     "这里显示的到期日可能比按期间规则顺延后的日子早，提醒只会提前，不会迟到。")
CONFIRMATION_TEXT = "我已确认：家庭暴力本身不是本协议的条款，本协议不免除、不分担施暴责任，也不以任何条件换取受害人放弃保护手段。"


class SessionMode(StrEnum):
    JOINT = "joint"
    SEPARATE = "separate"

    @property
    def label(self) -> str:
        return {"joint": "联合调解（面对面）", "separate": "背对背调解（分别进行）"}[self.value]


class VictimChoice(StrEnum):
    JOINT = "joint"
    SEPARATE = "separate"

    @property
    def label(self) -> str:
        return {"joint": "同意面对面联合调解", "separate": "要求背对背调解"}[self.value]


def is_dv_case(flagged: bool, levels: Iterable[str | None]) -> bool:
    """A case is handled under these rules when flagged 家暴, or when any of its danger assessments is 中 or 高."""
    return flagged or any(level in DV_LEVELS for level in levels)


# --- the phrase list ---------------------------------------------------------------------------------

_DROP = {"Zs", "Zl", "Zp", "Cc", "Cf", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sk", "Sm", "So"}


def normalise(text: str) -> str:
    """Text as the phrase list is matched against it: NFKC (full-width → half-width), case folded, and without
    spaces, punctuation, symbols or invisible characters."""
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    return "".join(ch for ch in folded if unicodedata.category(ch) not in _DROP)


@dataclass(frozen=True)
class Phrase:
    text: str          # as written in the list ("撤回…保护令")
    scope: str         # "dv" (only in a DV case) | "all" (every case)
    reason: str        # why it is on the list, shown to the user
    pattern: re.Pattern[str]

    def applies(self, dv_case: bool) -> bool:
        return self.scope == "all" or dv_case


def _compile(text: str) -> re.Pattern[str]:
    parts = [normalise(p) for p in text.split("…")]
    if not all(parts):
        raise ValueError(f"empty part in phrase {text!r}")
    return re.compile(f".{{0,{GAP}}}".join(re.escape(p) for p in parts))


def parse_phrases(source: str) -> tuple[Phrase, ...]:
    """The list's lines: `phrase<TAB>scope<TAB>reason`; "# …" lines and blank lines are comments. A reason of
    "同上" takes the previous phrase's reason."""
    phrases: list[Phrase] = []
    for n, line in enumerate(source.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != 3 or cells[1] not in ("dv", "all") or not cells[0] or not cells[2]:
            raise ValueError(f"line {n} of the phrase list is not 'phrase<TAB>dv|all<TAB>reason': {line!r}")
        reason = cells[2]
        if reason.startswith("同上") and phrases:
            rest = reason[2:].lstrip("：:")
            reason = phrases[-1].reason + (f"（{rest}）" if rest else "")
        phrases.append(Phrase(cells[0], cells[1], reason, _compile(cells[0])))
    return tuple(phrases)


@cache
def phrase_list() -> tuple[Phrase, ...]:
    return parse_phrases(PHRASES_FILE.read_text(encoding="utf-8"))


def list_header() -> str:
    """The list's comment header (who drafted and reviewed it), for the screen that explains a refusal."""
    lines = PHRASES_FILE.read_text(encoding="utf-8").splitlines()
    return "\n".join(line.lstrip("# ").rstrip() for line in lines if line.startswith("#"))


@dataclass(frozen=True)
class Hit:
    where: str         # 第 2 条协议内容 / 各方责任 …
    phrase: Phrase


def find_excusing(texts: Iterable[tuple[str, str | None]], *, dv_case: bool,
                  phrases: tuple[Phrase, ...] | None = None) -> list[Hit]:
    """Each (where, text) checked against the phrases that apply; the first hit per text."""
    hits: list[Hit] = []
    for where, text in texts:
        norm = normalise(text or "")
        if not norm:
            continue
        for phrase in phrases if phrases is not None else phrase_list():
            if phrase.applies(dv_case) and phrase.pattern.search(norm):
                hits.append(Hit(where, phrase))
                break
    return hits


def refusal_message(hits: list[Hit]) -> str:
    lines = [f"{h.where}含有“{h.phrase.text.replace('…', '……')}”：{h.phrase.reason}。" for h in hits]
    return ("家庭暴力不是调解的内容，以下表述不能写入调解协议：" + "".join(lines)
            + "请只写明要解决的民事事项（如抚养费的数额、支付方式和期限），暴力的处理另循报警、人身安全保护令或诉讼途径。")


# --- the screening before a joint session ------------------------------------------------------------

@dataclass(frozen=True)
class ScreeningAnswers:
    speaks_freely: bool          # she can say what she wants in front of the other party
    fears_other_party: bool
    violence_since_last: bool    # violence (or threats) since the last session, or since intake
    separate_offered: bool       # the mediator offered separate (背对背) sessions
    victim_choice: VictimChoice
    victim_words: str            # her consent or refusal, in her own words


@dataclass(frozen=True)
class ScreeningResult:
    joint_allowed: bool          # a joint session may go ahead (once approved, if needed)
    needs_approval: bool         # a supervisor must approve before the joint session
    reasons: tuple[str, ...]     # why joint is not allowed, or why approval is needed


def check_answers(answers: ScreeningAnswers) -> None:
    if not answers.separate_offered:
        raise ValidationError("须先告知受害人可以选择背对背调解（分别进行），并记录已告知。", field="separate_offered")
    if not (answers.victim_words or "").strip():
        raise ValidationError("请用受害人自己的话记录她的意愿（同意面对面调解，或要求分别进行）。", field="victim_words")


def evaluate_screening(answers: ScreeningAnswers, risk_high: bool) -> ScreeningResult:
    refused: list[str] = []
    if answers.victim_choice != VictimChoice.JOINT:
        refused.append("受害人要求背对背调解")
    if not answers.speaks_freely:
        refused.append("受害人不能在对方面前自由表达意愿")
    approval: list[str] = []
    if risk_high:
        approval.append("危险评估为高")
    if answers.fears_other_party:
        approval.append("受害人害怕对方")
    if answers.violence_since_last:
        approval.append("上次调解（或登记）以来又发生暴力或威胁")
    if refused:
        return ScreeningResult(False, False, tuple(refused))
    return ScreeningResult(True, bool(approval), tuple(approval))


JOINT_REFUSED_NO_SCREENING = ("本案涉及家庭暴力（或危险评估为中、高），面对面联合调解前须先对受害人进行安全评估，"
                              "并记录她本人的意愿。请先做安全评估，或改为背对背调解（分别进行）。")
JOINT_REFUSED_NEEDS_APPROVAL = ("本次安全评估需要督导批准后才能面对面联合调解（{reasons}）。"
                                "请等待督导批准，或改为背对背调解（分别进行）。")
JOINT_REFUSED_BY_SCREENING = ("安全评估结论为不宜面对面联合调解（{reasons}）。只能背对背调解（分别进行）。")


__all__ = [
    "CONFIRMATION_TEXT", "DV_LEVELS", "ORDER_EXPIRY_NOTE", "GAP", "Hit", "JOINT_REFUSED_BY_SCREENING", "JOINT_REFUSED_NEEDS_APPROVAL",
    "JOINT_REFUSED_NO_SCREENING", "PHRASES_FILE", "Phrase", "SAFETY_STATEMENT", "ScreeningAnswers", "ScreeningResult",
    "SessionMode", "VictimChoice", "check_answers", "evaluate_screening", "find_excusing", "is_dv_case", "list_header",
    "normalise", "parse_phrases", "phrase_list", "refusal_message",
]

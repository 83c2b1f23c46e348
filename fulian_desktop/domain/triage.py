"""Triage at intake: does what the visitor said point to violence, threats, self-harm or a child at risk?

The words come from a short reviewed list (``resources/triage/intake_terms.txt``, each entry with the
reason it is there). A hit OFFERS the 家暴 / 重大 flags and the danger assessment; the clerk decides. The
four explicit questions on the form (`Signal`) count the same as words, so a clerk who hears it but does
not type it still gets the prompt.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

TERMS_FILE = Path(__file__).resolve().parents[2] / "resources" / "triage" / "intake_terms.txt"


class Signal(StrEnum):
    """What a word or an explicit answer at the desk points to; ``label`` in Chinese."""

    label: str

    def __new__(cls, value: str, label: str = "") -> "Signal":  # the default lets Signal(value) look one up
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    VIOLENCE = "violence", "家庭暴力"
    THREAT = "threat", "威胁人身安全"
    SELF_HARM = "self_harm", "自伤或自杀风险"
    CHILD = "child", "未成年人受到伤害或无人照料"


@dataclass(frozen=True)
class Term:
    signal: Signal
    word: str
    why: str


@dataclass(frozen=True)
class Triage:
    """What the words and the explicit answers point to."""

    signals: tuple[Signal, ...]           # in Signal order
    words: tuple[str, ...]                # the list's words found in the text, in the order found

    @property
    def any(self) -> bool:
        return bool(self.signals)

    @property
    def suggests_domestic_violence(self) -> bool:
        """Violence, threats or a child at risk in the family: offer the 家暴 flag."""
        return bool({Signal.VIOLENCE, Signal.THREAT, Signal.CHILD} & set(self.signals))

    @property
    def suggests_major(self) -> bool:
        """A threat to life, self-harm or a child at risk: offer the 重大 flag (an urgent case)."""
        return bool({Signal.THREAT, Signal.SELF_HARM, Signal.CHILD} & set(self.signals))


def parse_terms(text: str) -> tuple[Term, ...]:
    """The list's lines `kind | word | why`; comments (#) and blank lines skipped. A line without a reason
    is refused: every entry must say why it is there."""
    terms: list[Term] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 3 or not all(parts):
            raise ValueError(f"triage list line {number}: expected 'kind | word | why'")
        terms.append(Term(Signal(parts[0]), parts[1], parts[2]))
    return tuple(terms)


@cache
def terms() -> tuple[Term, ...]:
    return parse_terms(TERMS_FILE.read_text(encoding="utf-8"))


def scan(texts: Iterable[str | None], answers: Iterable[Signal | str] = (),
         term_list: tuple[Term, ...] | None = None) -> Triage:
    """Words of the list found in `texts`, plus the explicit answers, as signals."""
    joined = "\n".join(t for t in texts if t)
    found: list[str] = []
    signals = {Signal(a) for a in answers}
    for term in term_list if term_list is not None else terms():
        if term.word in joined:
            signals.add(term.signal)
            if term.word not in found:
                found.append(term.word)
    return Triage(tuple(s for s in Signal if s in signals), tuple(found))

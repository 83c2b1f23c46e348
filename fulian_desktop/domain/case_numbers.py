"""Case numbers in the official style: （2026）望婚调字第12号.

The prefix comes from the owning unit, the word from the kind of case; the sequence runs
per unit, kind and year and is never reused.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_PATTERN = re.compile(r"^\s*[（(]\s*(\d{4})\s*[）)]\s*(.+?)字第\s*(\d+)\s*号\s*$")


@dataclass(frozen=True)
class CaseNumber:
    year: int
    word: str  # unit prefix + kind word, e.g. 望婚调
    seq: int

    def __str__(self) -> str:
        return format_case_number(self.year, self.word, self.seq)


def format_case_number(year: int, word: str, seq: int) -> str:
    return f"（{year}）{word}字第{seq}号"


def parse_case_number(text: str) -> CaseNumber | None:
    """Accepts full- or half-width brackets and stray spaces; None when it is not a case number."""
    match = _PATTERN.match(text or "")
    if not match:
        return None
    return CaseNumber(int(match.group(1)), match.group(2).strip(), int(match.group(3)))


def normalise_case_number(text: str) -> str | None:
    parsed = parse_case_number(text)
    return str(parsed) if parsed else None

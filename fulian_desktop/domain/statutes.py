"""The statute articles a 信访事项处理意见书 may cite as its basis, with their text (resources/statutes/).

信访工作条例第三十二条 asks the opinion to state 处理意见及其法律法规依据: the handler picks the substantive rules
from this list (妇女权益保障法, 反家庭暴力法, 民法典 …); the paper prints each chosen article with its text, after
第三十二条 itself, which every opinion cites. The list is a file so it can grow without a release of the code.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import ValidationError

STATUTE_FILE = Path(__file__).resolve().parents[2] / "resources" / "statutes" / "petition_basis.json"
PROCEDURE_CODE = "xf32"     # 信访工作条例第三十二条: always cited
MAX_CHOSEN = 12


@dataclass(frozen=True)
class Article:
    code: str
    law: str
    article: str
    text: str

    @property
    def citation(self) -> str:
        return f"《{self.law}》{self.article}"


@lru_cache(maxsize=1)
def articles() -> tuple[Article, ...]:
    data = json.loads(STATUTE_FILE.read_text(encoding="utf-8"))
    return tuple(Article(str(a["code"]), str(a["law"]), str(a["article"]), str(a["text"])) for a in data["articles"])


def by_code(code: str) -> Article | None:
    return next((a for a in articles() if a.code == code), None)


def choosable() -> tuple[Article, ...]:
    """The substantive articles the handler chooses from (第三十二条 is cited anyway)."""
    return tuple(a for a in articles() if a.code != PROCEDURE_CODE)


def parse_codes(codes: object) -> tuple[str, ...]:
    """Known codes, in the list's order and without repeats; an unknown code is refused by name."""
    if codes in (None, "", ()):
        return ()
    if isinstance(codes, str) or not isinstance(codes, (list, tuple)):
        raise ValidationError("依据条文须从条文清单中选择。", code="invalid_articles", field="petition_articles")
    chosen = [str(c) for c in codes]
    unknown = [c for c in chosen if by_code(c) is None]
    if unknown:
        raise ValidationError(f"条文清单中没有这些条文：{'、'.join(unknown)}。请从清单中选择。", code="unknown_article",
                              field="petition_articles")
    if len(set(chosen)) > MAX_CHOSEN:
        raise ValidationError(f"依据条文最多选 {MAX_CHOSEN} 条。", code="too_many_articles", field="petition_articles")
    return tuple(a.code for a in articles() if a.code in set(chosen) and a.code != PROCEDURE_CODE)


def cited(codes: tuple[str, ...]) -> tuple[Article, ...]:
    """第三十二条 first, then the chosen articles (an unknown stored code is skipped: the list may have changed)."""
    out = [by_code(PROCEDURE_CODE)] + [by_code(c) for c in codes if c != PROCEDURE_CODE]
    return tuple(a for a in out if a is not None)

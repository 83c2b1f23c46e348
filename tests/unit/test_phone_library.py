"""Our phone check against phonenumbers' own reading of the same text, on a few hundred generated numbers
typed the ways staff type them. The disagreements are listed, and each is on purpose."""
from __future__ import annotations

import random

import phonenumbers

from fulian_desktop.domain.errors import InvalidPhone
from fulian_desktop.domain.phone import SHORT_NUMBERS, parse_phone

# Real area codes (3- and 4-digit, 7- and 8-digit areas) and some that do not exist.
AREAS = ("010", "020", "021", "023", "027", "029", "0311", "0371", "0731", "0732", "0736", "0744", "0755", "0898",
         "0991", "0999", "0300", "0500", "0600", "0790", "0980")


def _ours(raw: str) -> bool:
    try:
        parse_phone(raw)
    except InvalidPhone:
        return False
    return True


def _library(raw: str) -> bool:
    try:
        number = phonenumbers.parse(raw, "CN")
    except phonenumbers.NumberParseException:
        return False
    return number.country_code == 86 and phonenumbers.is_valid_number(number)


def _generated() -> list[str]:
    rng = random.Random(2026)
    out: list[str] = []
    for prefix in range(130, 200):  # every mobile block, used or not
        for form in ("{n}", "+86 {a} {b} {c}", "86-{a}-{b}-{c}"):
            n = f"{prefix}{rng.randrange(10 ** 8):08d}"
            out.append(form.format(n=n, a=n[:3], b=n[3:7], c=n[7:]))
    for area in AREAS:
        for length in (6, 7, 8, 9):
            local = str(rng.randint(2, 8)) + "".join(str(rng.randrange(10)) for _ in range(length - 1))
            for form in ("{area}-{local}", "({area}){local}", "+86 {bare} {local}", "86-{area}-{local}"):
                out.append(form.format(area=area, bare=area[1:], local=local))
    for head in ("400", "800"):
        for length in (9, 10, 11):
            out.append(head + "".join(str(rng.randrange(10)) for _ in range(length - 3)))
    return out


def test_a_few_hundred_numbers_agree_with_phonenumbers_except_where_meant() -> None:
    numbers = _generated()
    assert len(numbers) > 400
    disagree = sorted(raw for raw in numbers if _ours(raw) != _library(raw))
    assert disagree == []
    assert sum(map(_ours, numbers)) > 150  # not a test that passes by refusing everything


def test_the_disagreements_are_the_listed_ones() -> None:
    """What we accept and the library alone does not: public short numbers, extensions written 转 / 分机,
    and a trailing -123 after a complete landline."""
    meant = sorted(SHORT_NUMBERS) + ["0731-88888888转123", "010 12345678 分机 12", "0731-88888888-123",
                                     "400-810-1234转2"]
    assert [raw for raw in meant if _ours(raw) and not _library(raw)] == meant


def test_the_issues_examples() -> None:
    accepted = ["+86 731 8888 8888", "86-0731-61527967", "400-810-1234", "800-810-1234"]
    refused = ["0731-8888888", "19412345678", "14012345678", "14112345678", "14212345678", "14312345678",
               "14412345678", "14612345678", "14812345678", "14912345678", "15412345678", "16012345678",
               "16312345678", "16412345678", "16812345678", "16912345678", "17412345678", "17912345678",
               "0300-88888888"]
    assert [raw for raw in accepted if not _ours(raw)] == []
    assert [raw for raw in refused if _ours(raw)] == []
    # The issue called 0999 made up: it is 伊宁's area code (7-digit numbers), and both checks accept it.
    assert _ours("0999-8888888") and _library("0999-8888888") and not _ours("0999-88888888")

from __future__ import annotations

import pytest

from fulian_desktop.domain.pinyin import name_search_keys


def test_basic() -> None:
    assert name_search_keys("张三") == ("zhangsan", "zs")


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("单雄信", "shanxiongxin", "sxx"),
        ("曾国藩", "zengguofan", "zgf"),
        ("解缙", "xiejin", "xj"),
        ("仇英", "qiuying", "qy"),
        ("朴槿惠", "piaojinhui", "pjh"),
        ("查良镛", "zhaliangyong", "zly"),
        ("区小明", "ouxiaoming", "oxm"),
        ("覃丽", "qinli", "ql"),
    ],
)
def test_polyphonic_surnames(name: str, full: str, initials: str) -> None:
    assert name_search_keys(name) == (full, initials)


def test_polyphone_only_corrected_as_first_character() -> None:
    assert name_search_keys("王单")[0] == "wangdan"


def test_mixed_latin_and_separators() -> None:
    assert name_search_keys("Anna张") == ("annazhang", "annaz")
    assert name_search_keys("阿依古丽·买买提") == ("ayigulimaimaiti", "ayglmmt")
    assert name_search_keys("  李 四 ") == ("lisi", "ls")


def test_u_umlaut_typed_as_v() -> None:
    assert name_search_keys("吕丽") == ("lvli", "ll")


def test_empty() -> None:
    assert name_search_keys("") == ("", "")

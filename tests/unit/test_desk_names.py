"""Masked names for lists on a shared desk screen (issue 15)."""
from __future__ import annotations

from fulian_desktop.domain.names import mask_name, mask_names_in


def test_a_name_keeps_its_surname_only() -> None:
    assert mask_name("王丽华") == "王某某"
    assert mask_name("王丽") == "王某"
    assert mask_name("欧阳娜娜") == "欧阳某某"
    assert mask_name("王某某") == "王某某"
    assert mask_name("王") == "王"


def test_a_case_title_loses_the_names_it_starts_with() -> None:
    assert mask_names_in("王丽华反映丈夫酗酒后殴打 申请保护") == "王某某反映丈夫酗酒后殴打 申请保护"
    assert mask_names_in("王丽华与李强离婚纠纷") == "王某某与李某离婚纠纷"
    assert mask_names_in("刘桂兰要求丈夫停止殴打") == "刘某某要求丈夫停止殴打"
    assert mask_names_in("邻里噪音纠纷") == "邻里噪音纠纷"  # no name, nothing changed
    assert mask_names_in("关于张伟的赡养问题", ["张伟"]) == "关于张某的赡养问题"  # a name it is told

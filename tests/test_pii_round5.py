"""Fifth PII round (issue #8): addresses split by commas or spaces."""

from __future__ import annotations

import pytest

from cxtext.text.pii import find_pii


def _addresses(text: str) -> list[str]:
    return [m.value for m in find_pii(text) if m.type == "address"]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("地址：海淀区中关村大街，27号，中关村大厦5层", "海淀区中关村大街，27号，中关村大厦5层"),
        ("福田区，深南大道7008号，阳光高尔夫大厦1205",
         "福田区，深南大道7008号，阳光高尔夫大厦1205"),
        ("江北区 观音桥步行街 9号 2栋 1102", "江北区 观音桥步行街 9号 2栋 1102"),
    ],
)
def test_address_split_by_commas_or_spaces_is_one_span(text: str, address: str) -> None:
    assert _addresses(text) == [address]


@pytest.mark.parametrize(
    "text",
    [
        "有点象上海的南市区，马路小，附近在施工",  # a district, then a word: no number after
        "酒店在肇庆闹市区，但靠花园的房间很安静",
        "被告知住在2号楼，2号楼没有电梯",  # a repeat, not a continuation
        "北京长安商场1500元，东荟城900元",  # 元 is money here
    ],
)
def test_commas_do_not_join_what_is_not_one_address(text: str) -> None:
    for value in _addresses(text):
        assert "，" not in value


def _names(text: str) -> list[str]:
    return [m.value for m in find_pii(text) if m.type == "name"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("投诉人：夏天，身份证已在柜台核验", "夏天"),  # a form field with a colon
        ("我是万里，万里长城的万里，我的积分怎么没了", "万里"),  # spelled out
        ("对我就是向阳本人", "向阳"),  # confirmed with 本人
    ],
)
def test_everyday_word_names_where_the_wording_leaves_no_doubt(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    "text",
    [
        "什么是成功,这就是成功,做人的成功",  # 的成 is not a spelled-out character
        "唯一不足的就是有点小，比想象中的小好多",
        "联系人：我自己，不用改",
        "我是客户，你是客服",
    ],
)
def test_everyday_words_stay_words(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("我叫阿依古丽·买买提，我要开个户", "阿依古丽·买买提"),
        ("账户名热合曼·吐尔逊，转不进去", "热合曼·吐尔逊"),
        ("我叫扎西顿珠，从拉萨打过来的", "扎西顿珠"),
    ],
)
def test_minority_and_dotted_names(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    "text",
    ["商品被打开·漏出来了", "杭州·西湖一日游", "就是买买买，就爱囤囤囤",
     # dot-joined lists (a portrait's tag line), also after a cue character (与)
     "金卡客户·近30天投诉4次·愤怒·收费争议·扬言升级投诉", "普通客户·满意",
     "普通客户·近90天投诉1次·愤怒·网点与排队·有销户意向"],
)
def test_dots_and_repeats_that_are_not_names(text: str) -> None:
    assert _names(text) == []

"""PII names, round 9 (issue #8, session 8): X某, X姓 + role, spelled surnames and spelled
given characters, a placeholder as running text on a later pass."""

from __future__ import annotations

import pytest

from cxtext.text import _name_forms as nf
from cxtext.text.pii import find_pii, mask_pii


def _names(text: str) -> list[str]:
    return [m.value for m in find_pii(text, types=["name"])]


@pytest.mark.parametrize("text, expected", [
    ("大堂经理陈某态度冷漠", ["陈某"]),
    ("对方收款卡号6217005885465182，户名李某", ["李某"]),
    ("柜员卫某多次离开柜台", ["卫某"]),
    ("王某某私自开通了业务", ["王某某"]),
    ("客户经理欧阳某推销保险", ["欧阳某"]),
])
def test_surname_and_mou_is_a_name(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text", [
    "从某种角度说还行", "作者对于某些电影的看法", "是通过丽江某旅行社订的", "某银行的卡",
    "于某日致电", "和某些韩剧一样", "某年某月的某一天", "没有某位朋友说的那么好",
])
def test_mou_as_some_is_no_name(text):
    assert _names(text) == []


def test_mou_masks_as_one_name():
    assert mask_pii("大堂经理陈某态度冷漠") == "大堂经理[姓名]态度冷漠"


@pytest.mark.parametrize("text, expected", [
    ("贵行梁姓客户经理诱导我购买保险", ["梁"]),
    ("营业部曾姓员工未按规定双录", ["曾"]),
    ("有名陈姓员工大庭广众下抠鼻孔", ["陈"]),
    ("老百姓员工都说", []),
])
def test_surname_before_xing_and_a_role(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("口天吴那个吴", ["口天吴", "吴"]),
    ("木子李的李", ["木子李", "李"]),
    ("我姓弓长张", ["弓长张"]),
    # a given character spelled out is not a second name
    ("我叫齐峰齐天大圣的齐山峰的峰", ["齐峰"]),
    ("我叫苏芸苏州的苏芸芸众生的芸", ["苏芸"]),
    ("嗯对我叫刘宏伟刘邦的刘宏大的宏伟大的伟", ["刘宏伟"]),
    ("我叫江峰长江的江山峰的峰", ["江峰"]),
])
def test_spellings(text, expected):
    assert _names(text) == expected


def test_spelled_given_start():
    w = "我叫苏芸苏州的苏芸芸众生的芸"
    assert nf.spelled_given_start(w, w.index("的苏") + 1)
    assert not nf.spelled_given_start(w, w.index("苏"))
    assert not nf.spelled_given_start("张伟的张丽", 3)  # no spelling goes on after it


def test_a_placeholder_is_running_text_on_a_later_pass():
    # pass 1 masks 蔡晓明 and 严峻; 和大堂 before 经理 must not become a name on pass 2
    text = "当天在场的有蔡晓明、严峻和大堂经理"
    assert _names(text) == ["蔡晓明", "严峻"]
    assert mask_pii(text) == "当天在场的有[姓名]、[姓名]和大堂经理"


@pytest.mark.parametrize("text, expected", [
    ("我是李金花金子的金花朵的花", ["李金花"]),
    ("他叫温涛温度的温", ["温涛"]),
    ("嗯我是温晓东温度的温", ["温晓东"]),
    ("我是郭丽丽江的丽", ["郭丽"]),
    ("我是来还钱的", []),
    ("我是他的朋友", []),
])
def test_a_name_spelled_right_after_it(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("转给常红、常军、常明各五百", ["常红", "常军", "常明"]),
    ("要加两个联系人，方华和方平", ["方华", "方平"]),
    ("我和曾丽曾伟一起来的", ["曾丽", "曾伟"]),
    ("方方面面和高高兴兴", []),
    ("白天和白班都行", []),  # words, and 天/班 are no given-name characters
    ("王者和王者", []),  # the same given character twice: no siblings
])
def test_siblings_of_one_surname(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text", [
    "周大福的金条能分期吗", "张小泉的刀具是积分兑换的吗", "杨国福麻辣烫扫码扣了两次钱",
    "看了李佳琦直播买的东西退款了没到账", "邓紫棋演唱会门票分期", "收款人那一栏填什么",
])
def test_brands_shows_and_demonstratives_are_no_names(text):
    assert _names(text) == []


@pytest.mark.parametrize("text, expected", [
    ("罗斌的手机号换了，要更新吗", ["罗斌"]),  # a phone is no shop: the name stays
    ("我叫周大福，卡丢了", ["周大福"]),
])
def test_a_name_before_other_words_stays(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("我姐覃丽的房贷是我在还", ["覃丽"]),
    ("我弟高鹏欠了网贷", ["高鹏"]),
    ("我哥薛军借的", ["薛军"]),
    ("我姐说不用了", []),
    ("我妹刚毕业", []),
    ("我弟在外地", []),
    ("他哥们儿都知道", []),
])
def test_spoken_sibling_words_are_kin_cues(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("是诸葛明帮我开的卡", ["诸葛明"]),
    ("是司徒静帮我办的开户", ["司徒静"]),
    ("诸葛亮借东风", []),  # a dictionary word (a figure of history)
    ("东方明珠", []),  # 东方 is a word, not in the compound-surname rule
])
def test_compound_surname_and_a_clean_end(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("姓曹，曹操的曹，名字叫曹永刚", ["曹", "曹永刚"]),
    ("对，姓王", ["王"]),
    ("老百姓，都说好", []),
    ("贵姓？", []),
    ("接线员廖芳称三个工作日内回复", ["廖芳"]),
    ("投诉对象：付强（客户经理）", ["付强"]),
])
def test_bare_surname_operator_and_complaint_object(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("我关晓红于上周五在贵行柜台办理转账", ["关晓红"]),
    ("你好我李明华我想问一下", ["李明华"]),
    ("喂，我刘建华，卡被锁了", ["刘建华"]),
    ("我和平时一样", []),
    ("我高兴死了", []),
    ("我常常来这个网点", []),
])
def test_asr_self_introduction_without_a_verb(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("我跟你说陈刚他根本就没还钱", ["陈刚"]),
    ("就是那个方芳她上次来过", ["方芳"]),
    ("我老公他说", []),
    ("师傅他说", []),  # a dictionary word
    ("于是他就走了", []),
    ("其他的都行", []),
    ("弹吉他", []),
])
def test_a_name_taken_up_by_a_pronoun(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("呃谢婷谢婷她让我打的", ["谢婷", "谢婷"]),
    ("王强王强你在吗", ["王强", "王强"]),
    ("谢谢谢谢", []),
    ("受益人：常青，还有别人", ["常青"]),
    ("酒店周围环境真好，有山有海，本人很喜欢", []),  # 有 is no surname here
])
def test_repeated_names_form_roles_and_function_characters(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("我姓徐，双人徐", ["徐", "双人徐"]),
    ("一位姓刘的经理", ["刘"]),
    ("陈克明面条好吃吗", []),
    ("杨铭宇黄焖鸡扣了两次", []),
])
def test_more_spellings_surname_phrases_and_shops(text, expected):
    assert _names(text) == expected

"""PII names, round 10 (issue #8, session 9): brands before goods, a surname said after 称,
a name spelled after a comma, given names led by 一, founders' names before a fund, more
surname spellings; and the cue look-up that replaced the prefix-tree scan (same matches)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from cxtext.text import _pii_patterns as pp
from cxtext.text import pii
from cxtext.text.pii import find_pii

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "corpora" / "gold"


def _names(text: str) -> list[str]:
    return [m.value for m in find_pii(text, types=["name"])]


@pytest.mark.parametrize("text, expected", [
    # a brand right before goods or a trade (no 的 between): not a person
    ("张记茶庄那笔刷卡", []),
    ("李宁项链是假的吧", []),
    ("在刘德茶行消费的积分", []),
    ("何梁何利基金的奖学金", []),
    # a person's goods take 的: still a name
    ("王芳的项链丢在网点了", ["王芳"]),
    ("我老婆刘敏的手表落在柜台", ["刘敏"]),
])
def test_brand_before_goods(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("来电的人自称姓王，说是我同事", ["王"]),
    ("对方声称姓欧阳。", ["欧阳"]),
    ("我姓名称不对", []),
    ("他自称姓名是保密的", []),
])
def test_surname_after_cheng(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("嗯就是平安，平平安安的平，安心的安", ["平安"]),
    ("我是王小明，小朋友的小，明天的明", ["王小明"]),
    ("就是这样，这样的这", []),
])
def test_name_spelled_after_a_comma(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("杨一帆的还款记录", ["杨一帆"]),
    ("帮林一诺查一下", ["林一诺"]),
    ("周一到周五都可以", []),
    ("万一没到账怎么办", []),
    ("统一下发的通知", []),
    ("逐一核对一下流水", []),
    ("第一笔是多少", []),
])
def test_given_name_led_by_yi(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("言身寸谢", ["言身寸谢"]),
    ("是禾呈程", ["禾呈程"]),
    ("我姓十八子李", ["十八子李"]),
])
def test_more_spellings(text, expected):
    assert _names(text) == expected


def test_run_together_siblings_before_a_fund_are_no_names():
    assert _names("何梁何利基金颁奖") == []
    assert _names("我是吴昊吴悦的妈妈") == ["吴昊", "吴悦"]


def _texts() -> list[str]:
    sets = ["pii_cases", "pii_independent", "pii_holdout", "pii_holdout2", "pii_dev3",
            "pii_holdout3", "pii_holdout4", "pii_holdout5", "pii_holdout6", "pii_holdout7",
            "pii_holdout8", "pii_holdout9"]  # (never a hold-out before its look)
    out = [json.loads(line)["text"] for s in sets
           for line in (GOLD / f"{s}.jsonl").read_text(encoding="utf-8").splitlines()]
    demo = ROOT / "corpora" / "demo" / "turns.csv"
    if demo.exists():
        with demo.open(encoding="utf-8") as fh:
            out += [row["text"] for k, row in enumerate(csv.DictReader(fh)) if k % 4 == 0]
    return out


def test_cue_lookup_equals_the_prefix_tree_scan():
    """``_intro_matches`` (dictionary look-ups at the screen's hits) gives what
    ``finditer`` of the cue prefix tree gives, on every gold text and a quarter of the demo
    turns, plus texts with cues that share their last character or overlap."""
    rx, cues = pp.name_regexes(), pp.cue_types()
    extra = ["我叫我叫张三", "收款人是收款人王五", "联系人：联系人是李四", "我是我是那个王小二",
             "客户经理张三，理财经理李四", "我叫那个嗯张三", "叫 “王五”"]
    n = 0
    for text in _texts() + extra:
        w = pp.simplified_view(pp.translate(text, pp.WIDTH_TABLE, pp.NEEDS_WIDTH_RE))
        screen = rx.intro_screen.search(w)
        if screen is None:
            continue
        old = [(m.start(), m.end(), m.group("cue"))
               for m in pp.intro_regex().finditer(w, max(0, screen.start() + 1 - rx.max_cue_len))]
        assert pii._intro_matches(w, screen, cues, rx) == old, w
        n += bool(old)
    assert n > 1000


def test_surname_lookahead_matches_where_the_alternation_does():
    import re

    ahead = re.compile(pp.surname_ahead())
    full = re.compile(f"(?={pp.surname_pattern()})")
    single, compound = pp.surnames()
    probes = sorted(single | compound) + ["上", "令", "官", "一", "的", "a", ""]
    for s in probes:
        assert bool(ahead.match(s)) == bool(full.match(s)), s


@pytest.mark.parametrize("text, expected", [
    ("喂，我金海涛，我的卡被锁了", ["金海涛"]),
    ("喂，我白云鹏，卡丢了", ["白云鹏"]),  # 白云 is a word; the last character is name-like
    ("我高兴死了", []),
    ("我马上到，", []),
    ("你好我江南人，", []),
    ("我平安险，", []),
])
def test_asr_self_introduction_with_a_word_inside(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("王磊、张敏、高兴这几个人的工资", ["王磊", "张敏", "高兴"]),
    ("刘洋、陈静、白云等人", ["刘洋", "陈静", "白云"]),
    ("王磊、张敏、方便的话", ["王磊", "张敏"]),
    ("高兴这几个人", []),
])
def test_a_word_closing_a_list_of_names(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("你好，我是网点的小高，您的卡到了", ["高"]),
    ("我是小钟。", ["钟"]),
    ("我是理财小白，想问一下", []),
    ("我是新来的小白，", []),
    ("我是老师，", []),
    ("我是小米，", []),
    ("我是小区的业主", []),
])
def test_own_nickname_before_a_clause_end(text, expected):
    assert _names(text) == expected

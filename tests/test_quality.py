"""Agent-quality signals (cxtext.tags.quality)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxtext.errors import SchemaError
from cxtext.tags.quality import (
    AGENT_QUALITY_COLUMNS,
    DEFAULT_WEIGHTS,
    TURN_QUALITY_COLUMNS,
    agent_quality,
    turn_quality,
)


def _conversations() -> pd.DataFrame:
    rows = [
        # c1: phone call with timestamps and a poor agent
        ("c1", "system", "您好，欢迎致电云澜银行。", 0.0, 5.0),
        ("c1", "agent", "喂，你说。", 6.0, 7.0),
        ("c1", "customer", "我的年费又被乱扣了，太过分了！", 8.0, 12.0),
        ("c1", "agent", "这个我不知道，你自己去查吧。", 11.0, 15.0),  # overtalk, 2 forbidden
        ("c1", "customer", "我要投诉你！", 16.0, 18.0),
        ("c1", "agent", "请您稍等，我帮您查询一下。", 19.0, 22.0),  # hold
        ("c1", "agent", "查到了，是小额账户管理费。", 40.0, 45.0),  # 18 s after a hold: excused
        ("c1", "customer", "那你们退不退？", 46.0, 48.0),
        ("c1", "agent", "已经为您登记了减免申请。", 62.0, 66.0),  # 14 s dead air
        # c2: chat, no timestamps, a good agent
        ("c2", "agent", "您好，工号1024，很高兴为您服务。", None, None),
        ("c2", "customer", "网点几点下班？", None, None),
        ("c2", "agent", "为了核实您的身份，请提供身份证后四位。", None, None),
        ("c2", "customer", "1234", None, None),
        ("c2", "agent", "九点到五点。请问还有其他问题吗？", None, None),
        # c3: a written complaint nobody answered
        ("c3", "customer", "你们的App又崩了，太离谱了。", None, None),
    ]
    return pd.DataFrame(rows, columns=["conversation_id", "speaker", "text", "start_s", "end_s"])


def test_agent_quality_scores_and_deductions_exactly() -> None:
    turns = _conversations()
    before = turns.copy()
    q = agent_quality(turns)
    pd.testing.assert_frame_equal(turns, before)  # input untouched
    assert list(q.columns) == list(AGENT_QUALITY_COLUMNS)
    assert q["conversation_id"].tolist() == ["c1", "c2", "c3"]

    c1 = q.iloc[0]
    assert not c1["quality_greeting"] and not c1["quality_identity_check"]
    assert not c1["quality_empathy"] and c1["quality_resolution_confirmed"]
    assert c1["quality_forbidden"] == 2
    assert c1["quality_long_silences"] == 2 and c1["quality_overtalk"] == 1
    assert c1["quality_deductions"] == [
        {"item": "greeting", "points": 10.0, "turn": 1, "evidence": "first agent turn: 喂，你说。"},
        {"item": "identity_check", "points": 10.0, "turn": None,
         "evidence": "no agent turn verifies the caller's identity"},
        {"item": "empathy", "points": 10.0, "turn": None,
         "evidence": "the customer complained; no apology or empathy"},
        {"item": "forbidden", "points": 15.0, "turn": 3, "evidence": "不知道"},
        {"item": "forbidden", "points": 15.0, "turn": 3, "evidence": "你自己去查"},
        {"item": "long_silence", "points": 5.0, "turn": 8,
         "evidence": "14.0 s of silence before turn 8"},
        {"item": "overtalk", "points": 3.0, "turn": 3,
         "evidence": "turn 3 starts 1.0 s before the previous one ends"},
    ]
    assert c1["quality_score"] == 100 - (10 + 10 + 10 + 15 + 15 + 5 + 3) == 32

    c2 = q.iloc[1]
    assert c2["quality_greeting"] and c2["quality_identity_check"]
    assert c2["quality_resolution_confirmed"] and c2["quality_forbidden"] == 0
    assert not c2["quality_empathy"]  # none needed: no complaint
    assert c2["quality_score"] == 100.0 and c2["quality_deductions"] == []
    assert c2["quality_long_silences"] is pd.NA and c2["quality_overtalk"] is pd.NA

    c3 = q.iloc[2]
    assert math.isnan(c3["quality_score"]) and c3["quality_deductions"] == []

    assert q["quality_long_silences"].dtype == "Int64"
    assert q["quality_score"].dtype == float


def test_parameters() -> None:
    turns = _conversations()
    q = agent_quality(turns, silence_s=20.0, weights={"identity_check": 0, "forbidden": 20})
    c1 = q.iloc[0]
    assert c1["quality_long_silences"] == 0
    items = [d["item"] for d in c1["quality_deductions"]]
    assert "identity_check" not in items and "long_silence" not in items
    assert c1["quality_score"] == 100 - (10 + 10 + 20 + 20 + 3)
    assert DEFAULT_WEIGHTS["forbidden"] == 15.0  # defaults untouched
    with pytest.raises(ValueError, match="'weights' parameter of agent_quality"):
        agent_quality(turns, weights={"politeness": 5})
    with pytest.raises(ValueError, match="must be a number >= 0"):
        agent_quality(turns, weights={"greeting": -1})
    with pytest.raises(ValueError, match="'silence_s' parameter"):
        agent_quality(turns, silence_s=0)


def test_validates_the_turns_table() -> None:
    with pytest.raises(SchemaError):
        agent_quality(pd.DataFrame({"conversation_id": ["c1"], "text": ["您好"]}))
    with pytest.raises(SchemaError):
        agent_quality(pd.DataFrame({"conversation_id": ["c1"], "speaker": ["robot"],
                                    "text": ["您好"]}))
    # speaker aliases and a derived turn column are fine
    q = agent_quality(pd.DataFrame({"conversation_id": ["x", "x"], "speaker": ["客服", "客户"],
                                    "text": ["您好，很高兴为您服务", "好的"]}))
    assert bool(q.loc[0, "quality_greeting"])


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        ("这个我不知道，你问网点吧。", 2),
        ("没办法，系统就是这样规定的。", 1),
        ("这不归我们管。", 1),
        ("你爱投诉就投诉吧。", 1),
        ("不知道您是否方便接听？", 0),
        ("不知道您还有什么问题吗？", 0),
        ("电话这边没办法直接修改，您可以通过手机银行操作。", 0),
        ("如果您不知道密码，可以在App上重置。", 0),
        ("我不清楚，我帮您问一下后台。", 0),
        ("您说您不知道这笔扣款是什么？", 0),
    ],
)
def test_forbidden_phrases(text: str, forbidden: int) -> None:
    assert turn_quality([text]).loc[0, "quality_forbidden"] == forbidden


def test_turn_quality_flags_and_evidence() -> None:
    texts = [
        "您好，工号1024为您服务。",
        "为了核实您的身份，请提供身份证后四位。",
        "非常抱歉给您带来不便，理解您的心情。",
        "问题已经为您处理好了，请问还有其他问题吗？",
        "請您稍等，我幫您查詢一下。",
        "您好，工号1024为您服务。",
    ]
    speakers = ["agent"] * 5 + ["customer"]
    df = turn_quality(pd.Series(texts, index=range(10, 16)), speaker=speakers)
    assert list(df.columns) == list(TURN_QUALITY_COLUMNS)
    assert list(df.index) == list(range(10, 16))
    assert df["quality_greeting"].tolist() == [True, False, False, False, False, False]
    assert df["quality_identity_check"].tolist() == [False, True, False, False, False, False]
    assert df["quality_empathy"].tolist() == [False, False, True, False, False, False]
    assert df["quality_resolution_confirmed"].tolist() == [False, False, False, True, False,
                                                           False]
    assert df["quality_hold"].tolist() == [False, False, False, False, True, False]
    assert df.loc[15, "quality_evidence"] == []  # a customer turn
    for text, evidence in zip(texts, df["quality_evidence"], strict=True):
        for d in evidence:
            assert text[d["start"]:d["end"]] == d["text"]
            assert set(d) == {"item", "start", "end", "text", "rule"}
    assert turn_quality([None, math.nan])["quality_forbidden"].tolist() == [0, 0]


_AGENT_ALPHABET = "您好不知道没办法抱歉请稍等已为您处理，。？"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(max_size=50), st.text(alphabet=_AGENT_ALPHABET, max_size=25)),
                min_size=1, max_size=6))
def test_any_turns_never_crash(texts: list[str]) -> None:
    df = turn_quality(texts)
    assert len(df) == len(texts)
    assert (df["quality_forbidden"] >= 0).all()
    turns = pd.DataFrame({"conversation_id": "c", "speaker": ["agent", "customer"] * len(texts),
                          "text": [t or "嗯" for t in texts for _ in (0, 1)]})
    turns = turns[turns["text"].str.strip() != ""]
    if len(turns):
        q = agent_quality(turns)
        assert 0 <= q.loc[0, "quality_score"] <= 100


def test_customer_complaint_flag_agrees_with_a_full_scan() -> None:
    # the roll-up's complaint flag stops at the first accepted match and skips texts
    # without a complaint anchor: it must say what a full scan with evidence says
    from cxtext.tags._rules import prepare_texts
    from cxtext.tags.quality import _customer_complained, _match

    texts = ["你们太过分了", "他说“太过分了”", "好的谢谢", None, "我要投诉你们，骗子", "太过分了",
             "", "太过分了", "查一下余额"]
    speakers = ["customer"] * 5 + ["agent", "customer", "customer", "system"]
    got = _customer_complained(texts, speakers)
    assert got.tolist() == [True, False, False, False, True, False, False, True, False]
    for text, speaker, flag in zip(texts, speakers, got, strict=True):
        if speaker == "customer" and text:
            prep = prepare_texts([text])[0]
            assert flag == bool(_match(prep, ("complaint",))["complaint"])
    # ``only`` limits the look to some rows (the roll-up skips conversations whose
    # empathy deduction cannot depend on it); the others come out False
    only = np.array([True, False, True, True, True, True, True, False, True])
    assert _customer_complained(texts, speakers, only=only).tolist() == (got & only).tolist()

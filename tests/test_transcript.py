"""Raw transcripts -> turns: role prefixes, colons, timestamps, inline turns, rejects."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from cxtext._transcript import infer_roles, looks_like_jddc, seconds, split_jddc, split_turns
from cxtext.errors import SchemaError
from cxtext.io import parse_transcript


def turns_of(df: pd.DataFrame) -> list[tuple]:
    """(turn, speaker, text, start_s, end_s) with NaN as None, for exact comparisons."""
    out = []
    for rec in df[["turn", "speaker", "text", "start_s", "end_s"]].itertuples(index=False):
        out.append(tuple(None if isinstance(v, float) and math.isnan(v) else v for v in rec))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "客服：您好，请问有什么可以帮您？\n客户：我的卡被冻结了。",
            [(0, "agent", "您好，请问有什么可以帮您？", None, None),
             (1, "customer", "我的卡被冻结了。", None, None)],
            id="one-turn-per-line-fullwidth-colon",
        ),
        pytest.param(
            "坐席: 您好\n用户: 查一下余额\n座席:好的\n顾客:谢谢",
            [(0, "agent", "您好", None, None), (1, "customer", "查一下余额", None, None),
             (2, "agent", "好的", None, None), (3, "customer", "谢谢", None, None)],
            id="halfwidth-colon-and-other-role-words",
        ),
        pytest.param(
            "AGENT: 您好\ncustomer：我要挂失\nA：好的\nc: 谢谢",
            [(0, "agent", "您好", None, None), (1, "customer", "我要挂失", None, None),
             (2, "agent", "好的", None, None), (3, "customer", "谢谢", None, None)],
            id="english-roles-any-case",
        ),
        pytest.param(
            "客服：您好，请问有什么可以帮您？客户：我的卡被冻结了。",
            [(0, "agent", "您好，请问有什么可以帮您？", None, None),
             (1, "customer", "我的卡被冻结了。", None, None)],
            id="inline",
        ),
        pytest.param(
            "客服：您好！ 客户：你好 客服：请讲。客户：卡被吞了",
            [(0, "agent", "您好！", None, None), (1, "customer", "你好", None, None),
             (2, "agent", "请讲。", None, None), (3, "customer", "卡被吞了", None, None)],
            id="inline-several",
        ),
        pytest.param(
            "[00:00:01] 客服：您好\n[00:00:05] 客户：我的账户被冻结了\n[00:01:10] 客服：好的",
            [(0, "agent", "您好", 1.0, 5.0), (1, "customer", "我的账户被冻结了", 5.0, 70.0),
             (2, "agent", "好的", 70.0, None)],
            id="bracketed-timestamp-before-role",
        ),
        pytest.param(
            "00:00:01 客服：您好\n00:00:03 客户：嗯",
            [(0, "agent", "您好", 1.0, 3.0), (1, "customer", "嗯", 3.0, None)],
            id="bare-timestamp-before-role",
        ),
        pytest.param(
            "客服[00:01:23]：您好\n客户 [01:30]: 喂",
            [(0, "agent", "您好", 83.0, 90.0), (1, "customer", "喂", 90.0, None)],
            id="timestamp-between-role-and-colon",
        ),
        pytest.param(
            "客服：[00:00:02] 您好\n客户：00:00:04 喂",
            [(0, "agent", "您好", 2.0, 4.0), (1, "customer", "喂", 4.0, None)],
            id="timestamp-after-colon",
        ),
        pytest.param(
            "[01:23]客服：您好 [01:25] 客户：嗯",
            [(0, "agent", "您好", 83.0, 85.0), (1, "customer", "嗯", 85.0, None)],
            id="inline-with-timestamps",
        ),
        pytest.param(
            "客服：您好\n\n客户：我上周\n在网点办的卡\n\n客服：好的",
            [(0, "agent", "您好", None, None), (1, "customer", "我上周\n在网点办的卡", None, None),
             (2, "agent", "好的", None, None)],
            id="continuation-and-blank-lines",
        ),
        pytest.param(
            "客户：约的时间：3点，我是你们的客户：张三。\n客服：好的",
            [(0, "customer", "约的时间：3点，我是你们的客户：张三。", None, None),
             (1, "agent", "好的", None, None)],
            id="colon-inside-text-is-not-a-role",
        ),
        pytest.param(
            "客户：我10:30到的网点",
            [(0, "customer", "我10:30到的网点", None, None)],
            id="clock-time-in-text-is-not-a-timestamp",
        ),
        pytest.param(
            "客服：您好\r\n客户：嗯\r\n",
            [(0, "agent", "您好", None, None), (1, "customer", "嗯", None, None)],
            id="crlf",
        ),
    ],
)
def test_transcript_variants(text, expected):
    df = parse_transcript(text, conversation_id="c1")
    assert turns_of(df) == expected
    assert set(df["conversation_id"]) == {"c1"}


def test_speaker_map_adds_role_words():
    df = parse_transcript("张经理：您好\n客户：我要投诉\n张经理：请讲",
                          speaker_map={"张经理": "客服"})
    assert df["speaker"].tolist() == ["agent", "customer", "agent"]
    assert df["text"].tolist() == ["您好", "我要投诉", "请讲"]


def test_text_before_any_role_is_a_reject_naming_its_line():
    text = "通话记录 2025-03-15\n\n客服：您好\n客户：嗯"
    kept, rejects = parse_transcript(text, conversation_id="c1", return_rejects=True)
    assert kept["text"].tolist() == ["您好", "嗯"]
    assert rejects["row"].tolist() == [1]
    assert rejects["reason"].str.startswith("speaker:").all()
    assert json.loads(rejects["record"].iloc[0]) == {"line": "通话记录 2025-03-15"}
    with pytest.raises(SchemaError) as info:
        parse_transcript(text, conversation_id="c1")
    problems = info.value.problems
    assert problems[["row", "column"]].values.tolist() == [[1, "speaker"]]


def test_empty_turn_is_a_problem_with_its_line():
    with pytest.raises(SchemaError) as info:
        parse_transcript("客服：您好\n客户：\n客服：请问还在吗", conversation_id="c1")
    assert info.value.problems[["row", "column"]].values.tolist() == [[2, "text"]]


def test_default_conversation_id_is_stable():
    a = parse_transcript("客服：您好\n客户：嗯")
    b = parse_transcript("客服：您好\n客户：嗯")
    c = parse_transcript("客服：您好\n客户：不")
    assert a["conversation_id"].iloc[0] == b["conversation_id"].iloc[0]
    assert a["conversation_id"].iloc[0] != c["conversation_id"].iloc[0]
    assert a["conversation_id"].iloc[0].startswith("transcript-")


def test_transcript_file(tmp_path):
    path = tmp_path / "call_0001.txt"
    path.write_text("[00:00:00] 客服：您好，工号1024\n[00:00:03] 客户：我的信用卡被盗刷了\n",
                    encoding="gbk")
    df = parse_transcript(path)
    assert df["conversation_id"].tolist() == ["call_0001", "call_0001"]
    assert turns_of(df) == [(0, "agent", "您好，工号1024", 0.0, 3.0),
                            (1, "customer", "我的信用卡被盗刷了", 3.0, None)]
    # a str naming an existing file is read as a path
    assert turns_of(parse_transcript(str(path))) == turns_of(df)


def test_json_transcript_string_bare_list_of_turns():
    text = json.dumps([{"role": "客服", "content": "您好"}, {"role": "用户", "content": "查账"}],
                      ensure_ascii=False)
    df = parse_transcript(text, conversation_id="c9")
    assert df[["conversation_id", "speaker", "text"]].values.tolist() == [
        ["c9", "agent", "您好"], ["c9", "customer", "查账"]]


def test_asr_roles_guessed_from_greeting():
    asr = {"segments": [
        {"spk": "spk0", "start": 0.0, "end": 1.2, "text": "喂"},
        {"spk": "spk1", "start": 1.2, "end": 4.0, "text": "您好，工号8866，很高兴为您服务"},
        {"spk": "spk0", "start": 4.1, "end": 6.0, "text": "我的卡被冻结了"},
    ]}
    df = parse_transcript(json.dumps(asr, ensure_ascii=False), conversation_id="a1")
    assert turns_of(df) == [(0, "customer", "喂", 0.0, 1.2),
                            (1, "agent", "您好，工号8866，很高兴为您服务", 1.2, 4.0),
                            (2, "customer", "我的卡被冻结了", 4.1, 6.0)]
    mapped = parse_transcript(json.dumps(asr, ensure_ascii=False), conversation_id="a1",
                              speaker_map={"spk0": "agent", "spk1": "customer"})
    assert mapped["speaker"].tolist() == ["agent", "customer", "agent"]


def test_infer_roles_fallbacks():
    assert infer_roles(["s0", "s1"], ["您好，我想问下", "您好，请问有什么可以帮您"]) == {
        "s0": "customer", "s1": "agent"}  # an agent phrase beats an earlier 您好
    assert infer_roles(["s0", "s1"], ["喂", "您好"]) == {"s0": "customer", "s1": "agent"}
    assert infer_roles(["s1", "s0"], ["喂", "嗯"]) == {"s1": "agent", "s0": "customer"}
    assert infer_roles([], []) == {}


def test_bad_parameters_use_one_message_shape():
    with pytest.raises(ValueError, match=r"The 'layout' parameter of parse_transcript must be "
                                         r"one of \['auto', 'jddc', 'json', 'lines'\]"):
        parse_transcript("客服：您好", layout="line")
    with pytest.raises(ValueError, match="The 'speaker_map' parameter of parse_transcript"):
        parse_transcript("老板：您好", speaker_map={"老板": "boss"})


def test_helpers():
    assert seconds("01:02:03.5") == 3723.5
    assert seconds("01:23") == 83.0
    assert split_jddc("s\tu\t0\t0\t0\tnan\t你好\t还在吗") == ["s", "u", "0", "0", "0", "nan",
                                                            "你好\t还在吗"]
    assert split_jddc("s\tu\t0") is None
    assert looks_like_jddc(["s1\tu1\t0\t0\t1\tnan\t你好", "s1\tu1\t1\t0\t1\tnan\t您好"])
    assert not looks_like_jddc(["session_id\tuser_id\twaiter_send\ta\tb\tc\td"])
    turns, orphans = split_turns("前言\n客服：您好")
    assert [(t.role, t.text, t.line) for t in turns] == [("客服", "您好", 2)]
    assert [(o.line, o.text) for o in orphans] == [(1, "前言")]

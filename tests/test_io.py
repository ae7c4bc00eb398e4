"""Readers: every format, encoding and layout into the canonical tables, with rejects."""

from __future__ import annotations

import contextlib
import csv
import doctest
import json
import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cxtext.io as cio
from cxtext.errors import ReadError, SchemaError
from cxtext.io import (
    Corpus,
    conversations_from_turns,
    detect_encoding,
    parse_transcript,
    read_conversations,
    read_corpus,
    read_customers,
    read_turns,
)

DATA = Path(__file__).parent / "data"
TURNS_CSV = ("conversation_id,speaker,text\n"
             "c1,客服,您好，请问有什么可以帮您？\nc1,客户,我的银行账户被冻结了\n")
EXPECTED = [["c1", 0, "agent", "您好，请问有什么可以帮您？"],
            ["c1", 1, "customer", "我的银行账户被冻结了"]]


def core(df: pd.DataFrame) -> list[list]:
    return df[["conversation_id", "turn", "speaker", "text"]].values.tolist()


def plain(df: pd.DataFrame, columns: list[str]) -> list[list]:
    """Values as lists, missing values as None."""
    return [[None if pd.isna(v) else v for v in row] for row in df[columns].values.tolist()]


def pairs(problems: pd.DataFrame) -> list[tuple[int | None, str]]:
    return [(None if pd.isna(r) else int(r), c) for r, c in problems[["row", "column"]].values]


# --------------------------------------------------------------------------- formats


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_round_trip_in_each_encoding(tmp_path, encoding):
    path = tmp_path / "calls.csv"
    path.write_text(TURNS_CSV, encoding=encoding)
    df = read_turns(path)
    assert core(df) == EXPECTED
    assert list(df.columns[:6]) == ["conversation_id", "turn", "speaker", "text", "start_s",
                                    "end_s"]


def test_gbk_text_decodes_exactly(tmp_path):
    text = "客服提醒：您的银行账户因异常交易被冻结，请到网点解冻"
    path = tmp_path / "gbk.csv"
    path.write_bytes(f"会话编号,角色,内容\n001,客服,{text}\n".encode("gbk"))
    assert detect_encoding(path) == "gb18030"
    df = read_turns(path)
    assert df["text"].tolist() == [text]
    assert df["conversation_id"].tolist() == ["001"]  # zeros kept: read as text


def test_gb18030_only_characters(tmp_path):
    text = "客户𠮷先生的账户㐀被冻结"  # 𠮷 is not in GBK
    path = tmp_path / "gb18030.tsv"
    path.write_bytes(f"conversation_id\tspeaker\ttext\nc1\t客户\t{text}\n".encode("gb18030"))
    assert read_turns(path)["text"].tolist() == [text]


def test_explicit_encoding_wins(tmp_path):
    path = tmp_path / "big5.csv"
    path.write_bytes("conversation_id,speaker,text\nc1,客戶,銀行帳戶凍結\n".encode("big5"))
    df = read_turns(path, encoding="big5")
    assert df[["speaker", "text"]].values.tolist() == [["customer", "銀行帳戶凍結"]]


def test_detect_encoding_on_bytes():
    text = "客服：您好，您的银行账户已冻结"
    assert detect_encoding(text.encode("utf-8")) == "utf-8"
    assert detect_encoding(text.encode("utf-8-sig")) == "utf-8-sig"
    assert detect_encoding(text.encode("gbk")) == "gb18030"
    assert detect_encoding(b"plain ascii") == "utf-8"
    damaged = (text * 5).encode("utf-8") + b"\xff" + text.encode("utf-8")
    assert detect_encoding(damaged) == "utf-8"  # a stray byte does not make it GB18030
    assert detect_encoding(bytearray(text.encode("gbk"))) == "gb18030"


def test_xlsx_round_trip_with_excel_row_numbers(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "通话明细"
    ws.append(["会话ID", "角色", "内容", "开始秒", "来电时间"])
    ws.append(["00123", "客服", "您好", 0, "2025-03-15 14:30:00"])
    ws.append([])  # an empty row keeps Excel's numbering
    ws.append(["00123", "客户", "我的账户被冻结了", 1.5, None])
    ws.append(["00123", "客户", "", "abc", None])
    wb.create_sheet("说明").append(["这张表只有说明"])
    path = tmp_path / "calls.xlsx"
    wb.save(path)
    kept, rejects = read_turns(path, return_rejects=True)
    assert core(kept) == [["00123", 0, "agent", "您好"],
                          ["00123", 1, "customer", "我的账户被冻结了"]]
    assert kept["start_s"].tolist() == [0.0, 1.5]
    assert kept["started_at"].iloc[0] == pd.Timestamp("2025-03-15 14:30:00")
    assert rejects["row"].tolist() == [5]
    with pytest.raises(SchemaError) as info:
        read_turns(path, sheet_name="通话明细")
    assert pairs(info.value.problems) == [(5, "start_s"), (5, "text")]
    with pytest.raises(ValueError, match="The 'sheet_name' parameter of read_turns"):
        read_turns(path, sheet_name="不存在")


def test_jsonl_table_with_a_bad_line(tmp_path):
    path = tmp_path / "turns.jsonl"
    path.write_text(
        '{"conversation_id": "c1", "speaker": "agent", "text": "您好", "start_s": 0}\n'
        "\n"
        '{"conversation_id": "c1", "speaker": "customer", "text": "查余额", "start_s": 1.5}\n'
        "{not json}\n",
        encoding="utf-8",
    )
    kept, rejects = read_turns(path, return_rejects=True)
    assert core(kept) == [["c1", 0, "agent", "您好"], ["c1", 1, "customer", "查余额"]]
    assert kept["start_s"].tolist() == [0.0, 1.5]
    assert rejects["row"].tolist() == [4]
    assert rejects["reason"].iloc[0].startswith("<line>: expected a JSON object")


def test_json_array_rows_are_element_numbers(tmp_path):
    path = tmp_path / "turns.json"
    records = [{"conversation_id": "c1", "speaker": "客服", "text": "您好"},
               {"conversation_id": "c1", "speaker": "老板", "text": "嗯"}]
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(SchemaError) as info:
        read_turns(path)
    assert pairs(info.value.problems) == [(2, "speaker")]


def test_json_dialogues(tmp_path):
    df = read_turns(DATA / "dialogues.jsonl")
    assert df[["conversation_id", "speaker", "text"]].values.tolist() == [
        ["d1", "customer", "手机银行登不上去"], ["d1", "agent", "请问提示什么错误？"],
        ["d2", "customer", "信用卡年费怎么收"], ["d2", "agent", "首年免年费"],
        ["d3", "agent", "您好，请问有什么可以帮您？"], ["d3", "customer", "我要销户"],
    ]
    assert df["turn"].tolist() == [0, 1, 0, 1, 0, 1]
    conv = conversations_from_turns(df)
    assert plain(conv, ["conversation_id", "customer_id", "channel"]) == [
        ["d1", "C001", "app"], ["d2", "C002", None], ["d3", "d3", None]]


def test_asr_json(tmp_path):
    df = read_turns(DATA / "asr_call.json")
    assert df["conversation_id"].unique().tolist() == ["asr-0001"]
    assert df["speaker"].tolist() == ["customer", "agent", "customer", "agent"]
    assert df["start_s"].tolist() == [0.0, 1.1, 4.6, 8.2]
    assert df["end_s"].tolist() == [1.1, 4.5, 8.0, 10.0]
    conv = conversations_from_turns(df)
    assert conv[["conversation_id", "customer_id", "channel"]].values.tolist() == [
        ["asr-0001", "00042", "phone"]]
    assert conv["started_at"].tolist() == [pd.Timestamp("2025-03-15 09:30:00")]
    assert conv["duration_s"].tolist() == [10.0]
    same = parse_transcript(DATA / "asr_call.json")
    assert core(same) == core(df)


def test_parquet_round_trip(tmp_path):
    pytest.importorskip("pyarrow")
    path = tmp_path / "turns.parquet"
    pd.DataFrame({"conversation_id": [1001, 1001], "speaker": ["坐席", "用户"],
                  "text": ["您好", "查余额"], "start_s": [0.0, 2.5]}).to_parquet(path)
    df = read_turns(path)
    assert core(df) == [["1001", 0, "agent", "您好"], ["1001", 1, "customer", "查余额"]]
    assert df["start_s"].tolist() == [0.0, 2.5]


def test_xls_that_is_really_text_and_binary_xls(tmp_path):
    path = tmp_path / "export.xls"
    path.write_bytes("会话ID\t角色\t内容\nc1\t客服\t您好\n".encode("gbk"))
    assert read_turns(path)["text"].tolist() == ["您好"]
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(ReadError, match="old binary Excel"):
        read_turns(old)


# --------------------------------------------------------------------------- columns


def test_column_map(tmp_path):
    path = tmp_path / "calls.csv"
    path.write_text("会话,谁,说了什么\nc1,坐席,您好\nc1,客户,我要挂失\n", encoding="utf-8")
    column_map = {"会话": "conversation_id", "谁": "speaker", "说了什么": "text"}
    before = dict(column_map)
    df = read_turns(path, column_map=column_map)
    assert core(df) == [["c1", 0, "agent", "您好"], ["c1", 1, "customer", "我要挂失"]]
    assert column_map == before
    with pytest.raises(SchemaError) as info:
        read_turns(path)  # no built-in alias for these headers
    assert pairs(info.value.problems) == [(None, "conversation_id"), (None, "speaker"),
                                          (None, "text")]
    assert "会话" in info.value.problems["got"].iloc[0]


def test_chinese_header_aliases(tmp_path):
    path = tmp_path / "calls.csv"
    path.write_text(
        "工单号,客户号,发言人,对话内容,渠道,开始时间,坐席工号\n"
        "T1,00077,客服,您好,热线,2025-03-15 14:30,A01\n"
        "T1,00077,客户,我的卡被冻结了,热线,2025-03-15 14:30,A01\n",
        encoding="utf-8-sig",
    )
    df = read_turns(path)
    assert core(df) == [["T1", 0, "agent", "您好"], ["T1", 1, "customer", "我的卡被冻结了"]]
    assert df["customer_id"].tolist() == ["00077", "00077"]
    conv = conversations_from_turns(df)
    assert conv[["conversation_id", "customer_id", "channel", "agent_id"]].values.tolist() == [
        ["T1", "00077", "phone", "A01"]]
    assert conv["started_at"].tolist() == [pd.Timestamp("2025-03-15 14:30")]


def test_alias_does_not_override_exact_canonical_column(tmp_path):
    path = tmp_path / "calls.csv"
    path.write_text("conversation_id,speaker,text,内容\nc1,agent,正文,备注\n", encoding="utf-8")
    df = read_turns(path)
    assert df["text"].tolist() == ["正文"]
    assert df["内容"].tolist() == ["备注"]


def test_read_conversations_and_customers(tmp_path):
    conv = tmp_path / "conv.csv"
    conv.write_text("会话编号,客户编号,渠道,来电时间,通话时长,是否解决\n"
                    "c1,00001,电话,2025-03-15 14:30:00,125,是\n"
                    "c2,00002,微信,2025-03-16 09:00:00,,否\n", encoding="gbk")
    df = read_conversations(conv)
    assert df[["conversation_id", "customer_id", "channel"]].values.tolist() == [
        ["c1", "00001", "phone"], ["c2", "00002", "online_chat"]]
    assert df["resolved"].tolist() == [True, False]
    assert df["duration_s"].iloc[0] == 125.0
    cust = tmp_path / "crm.csv"
    cust.write_text("客户号,年日均金融资产,是否流失\n00001,50000,否\n00002,1200000,是\n"
                    "00003,-5,否\n", encoding="utf-8")
    kept, rejects = read_customers(cust, return_rejects=True)
    assert kept[["customer_id", "tier", "churned"]].values.tolist() == [
        ["00001", "standard", False], ["00002", "platinum", True]]
    assert rejects["row"].tolist() == [4]
    assert rejects["reason"].iloc[0].startswith("avg_daily_assets:")


# --------------------------------------------------------------------------- layouts


def test_complaints_layout(tmp_path):
    path = tmp_path / "complaints.csv"
    path.write_text("投诉编号,客户号,投诉时间,渠道,投诉内容\n"
                    "TS01,00009,2025-03-01 10:00,黑猫投诉,信用卡年费乱收费，要求退还\n"
                    "TS02,00010,2025-03-02 11:00,微博,网点排队两小时没人管\n", encoding="gbk")
    df = read_turns(path)
    assert core(df) == [["TS01", 0, "customer", "信用卡年费乱收费，要求退还"],
                        ["TS02", 0, "customer", "网点排队两小时没人管"]]
    assert df["channel"].tolist() == ["social", "social"]
    conv = conversations_from_turns(df)
    assert conv["customer_id"].tolist() == ["00009", "00010"]


def test_complaints_without_id_get_ids_from_file_and_row(tmp_path):
    path = tmp_path / "letters.csv"
    path.write_text("内容\n账户被冻结\n\n手续费太高\n", encoding="utf-8")
    df = read_turns(path)
    assert df["conversation_id"].tolist() == ["letters-2", "letters-4"]
    assert df["speaker"].tolist() == ["customer", "customer"]
    assert conversations_from_turns(df)["customer_id"].tolist() == ["letters-2", "letters-4"]
    again = read_turns(path, layout="complaints")
    assert again["conversation_id"].tolist() == ["letters-2", "letters-4"]


def test_table_with_transcript_column(tmp_path):
    path = tmp_path / "calls.csv"
    path.write_text(
        '会话ID,客户号,通话记录\n'
        'c1,001,"客服：您好，请问有什么可以帮您？客户：我要销户"\n'
        'c2,002,"[00:00:01] 坐席：您好\n[00:00:04] 用户：转账失败了"\n'
        'c3,003,没有角色的文字\n',
        encoding="utf-8",
    )
    kept, rejects = read_turns(path, return_rejects=True)
    assert core(kept) == [["c1", 0, "agent", "您好，请问有什么可以帮您？"],
                          ["c1", 1, "customer", "我要销户"],
                          ["c2", 0, "agent", "您好"], ["c2", 1, "customer", "转账失败了"]]
    assert kept["start_s"].tolist()[2:] == [1.0, 4.0]
    assert kept["customer_id"].tolist() == ["001", "001", "002", "002"]
    assert rejects["row"].tolist() == [5]  # the quoted transcript of c2 spans rows 3-4
    assert rejects["reason"].iloc[0].startswith("speaker:")


def test_txt_transcripts_and_folders(tmp_path):
    folder = tmp_path / "calls"
    folder.mkdir()
    (folder / "c1.txt").write_text("客服：您好\n客户：我要挂失", encoding="utf-8")
    (folder / "c2.txt").write_text("客户：卡被吞了\n客服：请问在哪个网点？", encoding="gbk")
    (folder / ".hidden.txt").write_text("ignored", encoding="utf-8")
    df = read_turns(folder)
    assert core(df) == [["c1", 0, "agent", "您好"], ["c1", 1, "customer", "我要挂失"],
                        ["c2", 0, "customer", "卡被吞了"], ["c2", 1, "agent", "请问在哪个网点？"]]
    assert core(read_turns(folder / "c2.txt")) == core(df)[2:]


def test_jddc_synthetic_fixture():
    path = DATA / "jddc_synthetic.txt"
    kept, rejects = read_turns(path, return_rejects=True)
    in_rows = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    assert len(kept) + len(rejects) == in_rows == 8
    assert rejects["row"].tolist() == [6, 7]
    assert rejects["reason"].str.split(":").str[0].tolist() == ["text", "<line>"]
    assert kept["text"].tolist() == [
        "我的订单[订单x]还没到", "您好，请您稍等，正在为您查询~", "好的",
        "[姓名x]，退款什么时候到账", "预计[数字x]个工作日", "还有其他可以帮您的吗\tO(∩_∩)O",
    ]
    assert kept["speaker"].tolist() == ["customer", "agent", "customer", "customer", "agent",
                                        "agent"]
    assert kept["customer_id"].tolist()[:1] == ["USERID_1"]
    assert kept["sku"].tolist() == [None, None, None, "1234567", "1234567", "1234567"]
    conv = conversations_from_turns(kept)
    assert conv[["conversation_id", "is_repeat", "is_transfer"]].values.tolist() == [
        ["s001", False, False], ["s002", True, True]]
    assert core(parse_transcript(path, return_rejects=True)[0]) == core(kept)


@pytest.mark.shared_data
def test_jddc_sample_counts_match_source_md(shared_data):
    path = shared_data / "JDDC2019_chat_sample" / "chat_0.1per.txt"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    lines = [ln for ln in path.read_text(encoding="utf-8").split("\n") if ln.strip()]
    kept, rejects = read_turns(path, return_rejects=True)
    assert len(lines) == len(kept) + len(rejects)
    assert len(rejects) == 0  # the sample has no empty content and no short line
    assert len(kept) == 12_136
    assert kept["conversation_id"].nunique() == 994
    assert kept["speaker"].value_counts().to_dict() == {"customer": 6_107, "agent": 6_029}
    assert kept["text"].str.contains(r"\[订单x\]|\[数字x\]|\[姓名x\]", regex=True).any()
    conv = conversations_from_turns(kept)
    assert (len(conv), int(conv["is_repeat"].sum()), int(conv["is_transfer"].sum())) == (
        994, 167, 4)
    same = parse_transcript(path)
    assert len(same) == 12_136


# --------------------------------------------------------------------------- errors


BAD_CSV = (
    b"conversation_id,speaker,text,start_s\n"
    b"c1,agent,\xe6\x82\xa8\xe5\xa5\xbd,0\n"                     # 2 ok
    b"c1,customer,\xe5\x8d\xa1,abc\n"                            # 3 start_s not a number
    b"c1,agent,,2\n"                                             # 4 empty text
    b"c2,boss,hello,1\n"                                         # 5 unknown speaker
    b"c2,customer,too,many,3,4\n"                                # 6 too many fields
    b"c2,agent,ok\xff\xfe\xe5\x8d\xa1,5\n"                       # 7 undecodable bytes
    b"c3,customer,\xe8\xb0\xa2\xe8\xb0\xa2,6\n"                  # 8 ok
)


def test_missing_column_is_one_schema_error(tmp_path):
    path = tmp_path / "no_speaker.csv"
    path.write_text("conversation_id,text,speaker_name\nc1,您好,客服\n", encoding="utf-8")
    with pytest.raises(SchemaError) as info:
        read_turns(path, layout="table")
    assert pairs(info.value.problems) == [(None, "speaker")]
    assert "speaker_name" in str(info.value)
    with pytest.raises(SchemaError):
        read_turns(path, layout="table", return_rejects=True)


def test_every_problem_in_one_schema_error(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(BAD_CSV)
    with pytest.raises(SchemaError) as info:
        read_turns(path)
    err = info.value
    assert pairs(err.problems) == [(3, "start_s"), (4, "text"), (5, "speaker"), (6, "<line>"),
                                   (7, "text")]
    assert set(err.problems["source"]) == {"bad.csv"}
    got = err.problems.set_index("row")["got"]
    assert got[6] == "6 field(s)"
    assert "\\xff\\xfe" in got[7]
    assert "decodable as utf-8" in err.problems.set_index("row")["expected"][7]
    assert "bad.csv, row 6" in str(err)

    kept, rejects = read_turns(path, return_rejects=True)
    assert len(kept) + len(rejects) == 7
    assert kept[["conversation_id", "text"]].values.tolist() == [["c1", "您好"], ["c3", "谢谢"]]
    assert rejects["row"].tolist() == [3, 4, 5, 6, 7]
    columns = ["start_s", "text", "speaker", "<line>", "text"]
    for reason, column in zip(rejects["reason"], columns, strict=True):
        assert reason.startswith(f"{column}: expected")
    assert json.loads(rejects["record"].iloc[3]) == {"line": "c2,customer,too,many,3,4"}
    assert json.loads(rejects["record"].iloc[4])["text"] == "ok\ufffd卡"


def test_gbk_file_with_broken_bytes(tmp_path):
    path = tmp_path / "gbk_bad.csv"
    good = "conversation_id,speaker,text\nc1,客服,银行账户已冻结\nc1,客户,为什么冻结我的账户\n"
    path.write_bytes(good.encode("gbk") + b"c1,\xbf\xcd\xbb\xa7,\x81\x20\n")
    kept, rejects = read_turns(path, return_rejects=True)
    assert kept["text"].tolist() == ["银行账户已冻结", "为什么冻结我的账户"]
    assert rejects["row"].tolist() == [4]
    assert rejects["reason"].iloc[0].startswith("text: expected text decodable as gb18030")


def test_unclosed_quote_loses_only_its_line(tmp_path):
    path = tmp_path / "quote.csv"
    path.write_text('conversation_id,speaker,text\nc1,客户,"没闭合的引号\nc1,客服,您好\n'
                    "c1,客户,谢谢\n", encoding="utf-8")
    kept, rejects = read_turns(path, return_rejects=True)
    assert kept["text"].tolist() == ["您好", "谢谢"]
    assert rejects["row"].tolist() == [2]


def test_duplicate_key_is_a_problem(tmp_path):
    path = tmp_path / "dup.csv"
    path.write_text("conversation_id,turn,speaker,text\nc1,0,客服,您好\nc1,0,客户,你好\n",
                    encoding="utf-8")
    with pytest.raises(SchemaError) as info:
        read_turns(path)
    assert pairs(info.value.problems) == [(3, "conversation_id, turn")]
    assert info.value.problems["got"].iloc[0] == "duplicate of row 2"


def test_read_errors(tmp_path):
    missing = tmp_path / "nope.csv"
    with pytest.raises(ReadError, match="nope.csv"):
        read_turns(missing)
    odd = tmp_path / "calls.docx"
    odd.write_bytes(b"x")
    with pytest.raises(ReadError, match=r"Supported: .csv, .tsv, .txt, .xlsx"):
        read_turns(odd)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(ReadError, match="empty"):
        read_turns(empty)
    broken = tmp_path / "broken.json"
    broken.write_text('[{"a": 1}', encoding="utf-8")
    with pytest.raises(ReadError, match="broken.json"):
        read_turns(broken)
    with pytest.raises(ReadError, match="nope.txt"):
        parse_transcript("nope.txt")
    with pytest.raises(ReadError, match="no such file"):
        parse_transcript(r"C:\data\call.txt")  # a path, not a turn of speaker "C"


def test_bad_parameters(tmp_path):
    path = tmp_path / "calls.csv"
    path.write_text(TURNS_CSV, encoding="utf-8")
    with pytest.raises(ValueError, match=r"The 'layout' parameter of read_turns must be one of "
                                         r"\['auto', 'complaints', 'dialogues', 'jddc', "
                                         r"'table', 'transcripts'\]. Got 'tabel' instead."):
        read_turns(path, layout="tabel")
    with pytest.raises(ValueError, match="The 'encoding' parameter of read_turns"):
        read_turns(path, encoding="no-such-codec")
    with pytest.raises(ValueError, match="The 'speaker_map' parameter of read_turns"):
        read_turns(path, speaker_map={"x": "manager"})
    with pytest.raises(ValueError, match="The 'column_map' parameter of read_conversations"):
        read_conversations(path, column_map=["会话ID"])
    with pytest.raises(ValueError, match="layout='dialogues'"):
        read_turns(path, layout="dialogues")


# --------------------------------------------------------------------------- derived tables


def test_conversations_from_turns_defaults_and_no_mutation():
    turns = pd.DataFrame({
        "conversation_id": ["c1", "c1", "c2"], "turn": [0, 1, 0],
        "speaker": ["agent", "customer", "customer"], "text": ["您好", "销户", "投诉"],
        "start_s": [0.0, 3.0, None], "end_s": [3.0, 7.5, None],
    })
    before = turns.copy()
    conv = conversations_from_turns(turns)
    pd.testing.assert_frame_equal(turns, before)
    assert conv["conversation_id"].tolist() == ["c1", "c2"]
    assert conv["customer_id"].tolist() == ["c1", "c2"]
    assert conv["duration_s"].iloc[0] == 7.5
    assert math.isnan(conv["duration_s"].iloc[1])
    with pytest.raises(SchemaError):
        conversations_from_turns(turns.drop(columns="conversation_id"))


def test_read_corpus(tmp_path):
    (tmp_path / "conversations.csv").write_text(
        "conversation_id,customer_id,started_at,channel\n"
        "c1,u1,2025-03-01 09:00,电话\nc2,u2,2025-03-02 10:00,app\n", encoding="utf-8")
    (tmp_path / "turns.csv").write_text(
        "conversation_id,speaker,text\nc1,客服,您好\nc1,客户,我要销户\nc2,客户,\n"
        "c9,客户,我不在会话表里\n", encoding="gbk")
    (tmp_path / "customers.csv").write_text(
        "customer_id,avg_daily_assets\nu1,5000000\nu2,abc\n", encoding="utf-8-sig")
    (tmp_path / "agents.csv").write_text("坐席工号,坐席姓名\nA01,王\nA01,李\n", encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert isinstance(corpus, Corpus)
    assert corpus.conversations["conversation_id"].tolist() == ["c1", "c2"]
    assert core(corpus.turns) == [["c1", 0, "agent", "您好"], ["c1", 1, "customer", "我要销户"]]
    assert corpus.customers[["customer_id", "tier"]].values.tolist() == [["u1", "diamond"]]
    assert corpus.agents[["agent_id", "agent_name"]].values.tolist() == [["A01", "王"]]
    rej = corpus.rejects
    assert list(rej.columns) == ["table", "source", "row", "reason", "record"]
    assert rej[["table", "row"]].values.tolist() == [
        ["turns", 4], ["turns", 5], ["customers", 3], ["agents", 3]]
    assert rej["reason"].iloc[1].startswith("conversation_id: expected an id listed in")
    assert "rejects=4 rows" in repr(corpus)


def test_read_corpus_without_conversations_file(tmp_path):
    (tmp_path / "turns.csv").write_text(TURNS_CSV, encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert corpus.conversations["conversation_id"].tolist() == ["c1"]
    assert corpus.customers is None and corpus.agents is None
    assert len(corpus.rejects) == 0
    (tmp_path / "empty").mkdir()
    with pytest.raises(ReadError, match="no turns file"):
        read_corpus(tmp_path / "empty")


def test_docstring_examples_run():
    result = doctest.testmod(cio, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    assert result.attempted > 0


# --------------------------------------------------------------------------- property

_cells = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                 max_size=12)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(_cells, _cells), max_size=8))
def test_any_speaker_text_rows_balance(tmp_path, rows):
    path = tmp_path / "prop.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["conversation_id", "speaker", "text"])
        writer.writerows([("c1", speaker, text) for speaker, text in rows])
    with contextlib.suppress(SchemaError):  # the only error allowed
        read_turns(path)
    kept, rejects = read_turns(path, return_rejects=True)
    assert len(kept) + len(rejects) == len(rows)
    assert set(kept["speaker"]) <= {"agent", "customer", "system"}

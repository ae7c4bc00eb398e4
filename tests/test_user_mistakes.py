"""What a new analyst trips over: files as banks export them and the obvious mistakes.

Each test here comes from following README.md's quick starts as a new user would
(session 9 walkthrough); each failed before its fix.
"""

from __future__ import annotations

import doctest
import importlib

import pandas as pd
import pytest

import cxtext as cx

ROWS = pd.DataFrame({
    "会话ID": ["c1", "c1", "c2"],
    "角色": ["客户", "客服", "客户"],
    "内容": ["我要投诉你们的年费", "好的，马上为您处理", "如果再不处理我就销户"],
})


def _expected(turns: pd.DataFrame) -> None:
    assert turns[["conversation_id", "turn", "speaker", "text"]].values.tolist() == [
        ["c1", 0, "customer", "我要投诉你们的年费"],
        ["c1", 1, "agent", "好的，马上为您处理"],
        ["c2", 0, "customer", "如果再不处理我就销户"],
    ]


# --- a title row above the header (报表标题 in row 1, column names in row 2) --------------


def test_xlsx_with_a_title_row_above_the_header(tmp_path):
    path = tmp_path / "投诉导出.xlsx"
    with pd.ExcelWriter(path) as w:
        pd.DataFrame([["2025年10月投诉导出"]]).to_excel(w, index=False, header=False)
        ROWS.to_excel(w, index=False, startrow=1)
    _expected(cx.read_turns(path))


def test_xlsx_with_a_merged_title_and_an_export_date(tmp_path):
    import openpyxl

    path = tmp_path / "export.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["客户投诉明细表"])
    ws.merge_cells("A1:C1")  # the merged title repeats across the row when read
    ws.append(["导出时间：2025-10-02"])
    ws.append(list(ROWS.columns))
    for row in ROWS.itertuples(index=False):
        ws.append(list(row))
    ws.append(["c3", "客户", None])  # a bad row: its spreadsheet row number is 7
    wb.save(path)
    turns, rejects = cx.read_turns(path, return_rejects=True)
    _expected(turns)
    assert rejects["row"].tolist() == [7]
    assert "text" in rejects["reason"].iloc[0]


def test_csv_with_a_title_line_gbk(tmp_path):
    path = tmp_path / "投诉导出.csv"
    body = "2025年10月投诉导出,,\n" + ROWS.to_csv(index=False)
    path.write_bytes(body.encode("gbk"))
    _expected(cx.read_turns(path))


def test_title_line_above_custom_headers_with_column_map(tmp_path):
    path = tmp_path / "calls.csv"
    renamed = ROWS.rename(columns={"会话ID": "单据", "角色": "谁", "内容": "说了什么"})
    path.write_text("呼叫中心导出\n" + renamed.to_csv(index=False), encoding="utf-8")
    turns = cx.read_turns(path, column_map={"单据": "conversation_id", "谁": "speaker",
                                            "说了什么": "text"})
    _expected(turns)


def test_one_column_complaints_file_keeps_its_header(tmp_path):
    # one value per row everywhere: nothing looks like a title, nothing is skipped
    path = tmp_path / "complaints.csv"
    path.write_text("投诉内容\n信用卡年费乱扣\n网点排队太久\n", encoding="utf-8")
    turns = cx.read_turns(path)
    assert turns["text"].tolist() == ["信用卡年费乱扣", "网点排队太久"]


def test_a_first_row_naming_no_column_is_kept_when_no_header_follows(tmp_path):
    # no later row names a column: the first row stays the header, the error names it
    path = tmp_path / "odd.csv"
    path.write_text("报表\na,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(cx.SchemaError, match=r"got columns \['报表'\]"):
        cx.read_turns(path)


# --- every docstring example runs as written ------------------------------------------------


@pytest.mark.parametrize("name", ["churn", "display", "errors", "evaluate", "export", "labels",
                                  "plotting", "profile"])
def test_docstring_examples_run(name):
    module = importlib.import_module(f"cxtext.{name}")
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"cxtext.{name}: {result.failed} example(s) failed"


# --- a DataFrame with the file's Chinese headers, passed straight to cx.tag --------------------


def test_dataframe_error_names_a_fix_the_function_has():
    # cx.tag has no column_map= and no return_rejects=: the message must not send the
    # user there, and must say how to rename
    with pytest.raises(cx.SchemaError) as info:
        cx.tag(ROWS)
    msg = str(info.value)
    assert "column_map" not in msg and "pass return_rejects" not in msg
    rename = "df.rename(columns={'会话ID': 'conversation_id', '角色': 'speaker', '内容': 'text'})"
    assert rename in msg
    assert "cx.validate(df, 'turns', return_rejects=True)" in msg
    assert "got columns ['会话ID', '角色', '内容']" in msg


def test_file_error_still_points_to_column_map(tmp_path):
    path = tmp_path / "calls.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(cx.SchemaError, match=r"column_map=\.\.\., or pass return_rejects=True"):
        cx.read_turns(path)


# --- profile_corpus on what read_corpus returns -------------------------------------------


def test_profile_corpus_takes_a_corpus_or_turns_alone(tmp_path):
    (tmp_path / "turns.csv").write_text(ROWS.to_csv(index=False), encoding="utf-8")
    corpus = cx.read_corpus(tmp_path)
    from_corpus = cx.profile_corpus(corpus)
    from_tables = cx.profile_corpus(corpus.conversations, corpus.turns)
    from_turns = cx.profile_corpus(corpus.turns)
    pd.testing.assert_series_equal(from_corpus.summary, from_tables.summary)
    pd.testing.assert_series_equal(from_turns.summary, from_tables.summary)
    assert from_corpus.summary["conversations"] == 2
    with pytest.raises(TypeError, match="read_corpus"):
        cx.profile_corpus(str(tmp_path))


# --- the command line: typos fail at once, with the fix, and create nothing ------------------


def _cli(argv, capsys):
    from cxtext.cli import main

    try:
        rc = main(argv)
    except SystemExit as exc:  # argparse's own errors
        rc = exc.code
    captured = capsys.readouterr()
    return rc, captured.out + captured.err


@pytest.mark.parametrize("command", ["tag", "portrait", "warn"])
def test_cli_store_that_is_not_there_is_not_created(command, tmp_path, capsys):
    store = tmp_path / "typo.duckdb"
    rc, text = _cli([command, str(store)], capsys)
    assert rc == 2
    assert "no store" in text and f"cxtext load {store}" in text
    assert not store.exists()


def test_cli_store_that_is_empty_says_load_first(tmp_path, capsys):
    store = tmp_path / "empty.duckdb"
    cx.Store(store).close()
    rc, text = _cli(["warn", str(store)], capsys)
    assert rc == 2 and "holds no conversations" in text and f"cxtext load {store}" in text


@pytest.mark.parametrize("argv, expected", [
    (["portrait", "s.duckdb", "--as-of", "2025-13-45"], "argument --as-of: not a date"),
    (["warn", "s.duckdb", "--as-of", "yesterday"], "argument --as-of: not a date"),
    (["portrait", "s.duckdb", "--windows", "30,abc"], "argument --windows: expected positive"),
    (["portrait", "s.duckdb", "--out", "p.xlsx"], "argument --out: 'p.xlsx' must end in"),
    (["warn", "s.duckdb", "--out", "w.docx"], "argument --out: 'w.docx' must end in"),
    (["warn", "s.duckdb", "--header", "cn"], "argument --header: invalid choice: 'cn'"),
    (["ingest", "x.csv", "--column-map", "{内容: text}"], "argument --column-map: not valid JSON"),
    (["ingest", "x.csv", "--column-map", "[1]"], "argument --column-map: expected a JSON object"),
])
def test_cli_bad_options_fail_before_any_work(argv, expected, tmp_path, capsys):
    rc, text = _cli(argv, capsys)
    assert rc == 2 and expected in text
    assert "Traceback" not in text


def test_cli_ingest_of_a_corpus_folder_points_to_load(tmp_path, capsys):
    (tmp_path / "turns.csv").write_text(ROWS.to_csv(index=False), encoding="utf-8")
    (tmp_path / "conversations.csv").write_text("conversation_id,customer_id\nc1,u1\nc2,u2\n",
                                                encoding="utf-8")
    rc, text = _cli(["ingest", str(tmp_path)], capsys)
    assert rc == 2 and "corpus folder" in text and f"cxtext load cx.duckdb {tmp_path}" in text


# --- cxtext eval on an analyst's own labelled file ------------------------------------------


def test_eval_missing_file_names_the_option(tmp_path, capsys):
    rc, text = _cli(["eval", "sentiment", "--data", str(tmp_path / "nope.xlsx")], capsys)
    assert rc == 2 and "--data: no such file" in text and "Traceback" not in text


@pytest.mark.parametrize("label_map", [None, "polarity"])
def test_eval_takes_chinese_polarity_labels(label_map, tmp_path, capsys):
    import json

    path = tmp_path / "labelled.csv"
    path.write_text("text,label\n客服态度非常好，谢谢,正面\n你们乱扣年费，太过分了,负面\n"
                    "我想查一下余额,中性\n服务很差,消极\n", encoding="utf-8")
    argv = ["eval", "sentiment", "--data", str(path)]
    rc, text = _cli(argv + (["--label-map", label_map] if label_map else []), capsys)
    assert rc == 0, text
    result = json.loads(text)
    assert result["n"] == 4
    assert result["per_class"]["neg"]["support"] == 2


def test_evaluate_takes_chinese_emotion_names():
    from cxtext.evaluate import evaluate

    got = evaluate("emotion", ["气死我了，你们怎么又乱扣钱", "谢谢，服务很好"], ["愤怒", "满意"])
    assert got["n"] == 2 and got["per_class"]["anger"]["support"] == 1


# --- churn on frames from a file whose turns carry customer_id (read_turns keeps it) -------


def test_churn_on_frames_whose_turns_carry_customer_id():
    turns = pd.DataFrame({
        "conversation_id": ["c1", "c1", "c2"], "customer_id": ["u1", "u1", "u2"],
        "started_at": ["2025-09-01 10:00"] * 2 + ["2025-09-03 09:00"],
        "speaker": ["agent", "customer", "customer"],
        "text": ["您好", "年费乱扣，我的手机13812345678，再不处理我就销户", "查一下余额"],
    })
    res = cx.tag(turns)
    assert "customer_id" in res.turns.columns  # carried through tagging
    source = {"conversations": cx.conversations_from_turns(turns),
              "conversation_tags": res.conversations, "turn_tags": res.turns}
    warnings = cx.churn(source, as_of="2025-10-01")  # was: KeyError 'customer_id'
    assert warnings["customer_id"].tolist() == ["u1", "u2"]
    assert warnings["evidence"].iloc[0] == ["年费乱扣，我的手机[手机号]，再不处理我就销户"]


# --- portraits, churn and exports from what an analyst has at hand ---------------------------


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    dated = ROWS.assign(来电时间=["2025-09-01 10:00", "2025-09-01 10:00", "2025-09-03 09:00"])
    (folder / "turns.csv").write_text(dated.to_csv(index=False), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def small_corpus(corpus_folder):
    return cx.read_corpus(corpus_folder)


@pytest.mark.parametrize("make", [lambda c: c, lambda c: c.turns, lambda c: "corpora/demo"])
def test_build_portraits_from_the_wrong_thing_gives_the_recipe(make, small_corpus):
    with pytest.raises(TypeError, match=r"cannot build portraits from a .*result = cx\.tag"):
        cx.build_portraits(make(small_corpus))


def test_the_recipe_in_the_message_works(corpus_folder):
    from cxtext.portrait import SOURCE_HINT

    code = SOURCE_HINT[SOURCE_HINT.index("corpus = "):].rstrip(".")  # the message's own code
    names = {"cx": cx, "folder": corpus_folder}
    exec(code, names)  # noqa: S102 - our own message text
    portraits = cx.build_portraits(names["source"], as_of="2025-10-01")
    assert sorted(portraits["customer_id"]) == ["c1", "c2"]


def test_churn_from_a_corpus_and_a_bad_date(small_corpus):
    with pytest.raises(cx.CxTextError, match=r"got Corpus\. .*cx\.read_corpus"):
        cx.churn(small_corpus)
    result = cx.tag(small_corpus.turns)
    source = {"conversations": small_corpus.conversations,
              "conversation_tags": result.conversations, "turn_tags": result.turns}
    with pytest.raises(ValueError, match="The 'as_of' parameter of churn must be a date"):
        cx.churn(source, as_of="notadate")  # was pandas' DateParseError


def test_export_warnings_wrong_input_and_folder(tmp_path):
    with pytest.raises(TypeError, match="DataFrame that cx.churn"):
        cx.export_warnings([{"customer_id": "C1"}], tmp_path / "w.csv")  # was AttributeError
    w = pd.DataFrame({"customer_id": ["C1"], "risk_score": [0.4]})
    with pytest.raises(cx.CxTextError, match="is a folder; give a file name"):
        cx.export_warnings(w, tmp_path)


def test_undated_complaints_say_why_portraits_would_be_empty():
    # a complaints export without a date column: portraits used to come back with no
    # rows and churn to fail with AttributeError ('NaTType' ... 'normalize')
    turns = pd.DataFrame({"conversation_id": ["a", "b"], "speaker": ["customer"] * 2,
                          "text": ["我要销户", "年费乱扣"]})
    res = cx.tag(turns)
    source = {"conversations": cx.conversations_from_turns(turns),
              "conversation_tags": res.conversations}
    with pytest.raises(cx.CxTextError, match=r"build_portraits: none of the 2 conversations "
                                             r"has a start time.*来电时间"):
        cx.build_portraits(source)
    with pytest.raises(cx.CxTextError, match=r"churn: none of the 2 conversations"):
        cx.churn(source)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_warnings_with_chinese_headers(suffix, tmp_path):
    w = pd.DataFrame({"rank": [1], "customer_id": ["C1"], "risk_score": [0.4],
                      "risk_level": ["中"], "evidence": [["我的电话13812345678"]],
                      "method": ["rules"], "extra": ["x"]})
    path = cx.export_warnings(w, tmp_path / f"预警名单{suffix}", header="zh")
    back = pd.read_csv(path) if suffix == ".csv" else pd.read_excel(path)
    assert back.columns.tolist() == ["排名", "客户", "风险分", "风险等级", "客户原话（已脱敏）",
                                     "打分方法", "extra"]
    assert back.iloc[0].tolist() == [1, "C1", 0.4, "中", "我的电话[手机号]", "规则打分", "x"]
    with pytest.raises(ValueError, match="'header' parameter of export_warnings"):
        cx.export_warnings(w, tmp_path / "w.csv", header="cn")


def test_title_rows_with_two_cells_above_the_header(tmp_path):
    import openpyxl

    path = tmp_path / "export.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["报表名称", "客户投诉明细"])
    ws.append(["统计期间", "2025年10月"])
    ws.append(list(ROWS.columns))
    for row in ROWS.itertuples(index=False):
        ws.append(list(row))
    wb.save(path)
    _expected(cx.read_turns(path))


# --- column_map: a partial map keeps the built-in names, a reversed one is refused ----------


def test_partial_column_map_keeps_the_aliases(tmp_path):
    # mapping only the text column used to switch the aliases off: 会话ID/角色 were not
    # found, the file was read as one-row complaints and the agent's turn became a
    # customer complaint, silently
    path = tmp_path / "calls.csv"
    path.write_text(ROWS.rename(columns={"内容": "客户留言"}).to_csv(index=False),
                    encoding="utf-8")
    _expected(cx.read_turns(path, column_map={"客户留言": "text"}))


def test_reversed_column_map_is_refused_with_the_right_one(tmp_path):
    path = tmp_path / "calls.csv"
    path.write_text(ROWS.to_csv(index=False), encoding="utf-8")
    with pytest.raises(ValueError, match=r"looks reversed\. Use \{'内容': 'text'\}"):
        cx.read_turns(path, column_map={"text": "内容"})


def test_eval_intents_reads_none_and_chinese_names_and_refuses_typos(tmp_path, capsys):
    import json

    good = tmp_path / "intents.csv"
    good.write_text("text,label\n如果再不处理我就销户,churn\n我要去法院起诉你们,升级投诉(监管/媒体/诉讼)\n"
                    "查一下余额,none\n好的,无\n", encoding="utf-8")
    rc, text = _cli(["eval", "intents", "--data", str(good)], capsys)
    assert rc == 0, text
    result = json.loads(text)
    # 'none' / '无' used to count as an unknown intent and spoil the exact match silently
    assert result["per_class"]["churn"]["support"] == 1
    assert result["per_class"]["escalation"]["support"] == 1
    assert result["exact_match"] == 1.0
    typo = tmp_path / "typo.csv"
    typo.write_text("text,label\n我要销户,chrun\n", encoding="utf-8")
    rc, text = _cli(["eval", "intents", "--data", str(typo)], capsys)
    assert rc == 2 and "labels ['chrun'] it does not know" in text


# --- a workbook whose first sheet is a 说明 (notes) sheet -------------------------------------


@pytest.fixture
def two_sheets(tmp_path):
    path = tmp_path / "export.xlsx"
    with pd.ExcelWriter(path) as w:
        pd.DataFrame({"说明": ["本文件为投诉导出"]}).to_excel(w, sheet_name="说明", index=False)
        ROWS.to_excel(w, sheet_name="数据", index=False)
    return path


def test_missing_columns_name_the_other_sheets(two_sheets):
    with pytest.raises(cx.SchemaError, match=r"another sheet of the workbook, \['数据'\]"):
        cx.read_turns(two_sheets)
    _expected(cx.read_turns(two_sheets, sheet_name="数据"))


def test_cli_ingest_sheet(two_sheets, capsys):
    rc, text = _cli(["ingest", str(two_sheets), "--sheet", "数据"], capsys)
    assert rc == 0 and "kept 3 in 2 conversations" in text
    rc, text = _cli(["ingest", str(two_sheets), "--sheet", "1"], capsys)
    assert rc == 0 and "kept 3 in 2 conversations" in text
    rc, text = _cli(["ingest", str(two_sheets), "--sheet", "数据2"], capsys)
    assert rc == 2 and "The 'sheet_name' parameter of read_turns" in text  # was a traceback
    assert "Traceback" not in text


def test_churn_model_fit_with_the_churn_labels_frame_says_how_to_align():
    portraits = pd.DataFrame({"customer_id": ["a", "b"], "tier": ["gold", "standard"]})
    labels = pd.DataFrame({"customer_id": ["a"], "label": [1]})
    model = cx.ChurnModel(features=["tier_rank"])
    with pytest.raises(TypeError, match=r"not a DataFrame.*portraits\.merge\(cx\.churn_labels"):
        model.fit(portraits, labels)  # was pandas' 'Cannot construct a Series from a DataFrame'
    with pytest.raises(cx.CxTextError, match=r"2 portraits but 1 labels; align them"):
        model.fit(portraits, labels["label"])


# --- speaker labels the readers do not know (访客, 经理) --------------------------------------


SPEAKERS_CSV = "会话ID,角色,内容\nc1,访客,在吗\nc1,坐席,您好\nc1,经理,好的\n"


def test_unknown_speaker_labels_point_to_speaker_map(tmp_path):
    path = tmp_path / "calls.csv"
    path.write_text(SPEAKERS_CSV, encoding="utf-8")
    with pytest.raises(cx.SchemaError, match=r"\('访客', '经理'\).*speaker_map=\{'访客': \.\.\., "
                                             r"'经理': \.\.\.\}"):
        cx.read_turns(path)
    turns = cx.read_turns(path, speaker_map={"访客": "customer", "经理": "agent"})
    assert turns["speaker"].tolist() == ["customer", "agent", "agent"]
    frame = pd.DataFrame({"conversation_id": ["a"], "speaker": ["访客"], "text": ["在吗"]})
    with pytest.raises(cx.SchemaError, match=r"df\['speaker'\]\.replace\(\{'访客': \.\.\.\}\)"):
        cx.tag(frame)


def test_cli_ingest_speaker_map(tmp_path, capsys):
    path = tmp_path / "calls.csv"
    path.write_text(SPEAKERS_CSV, encoding="utf-8")
    rc, text = _cli(["ingest", str(path)], capsys)
    assert rc == 0 and "rejected 2" in text
    assert """--speaker-map '{"访客": "<role>", "经理": "<role>"}'""" in text
    rc, text = _cli(["ingest", str(path), "--speaker-map", '{"访客": "customer", "经理": "agent"}'],
                    capsys)
    assert rc == 0 and "kept 3 in 1 conversations, rejected 0" in text


def test_tag_of_an_empty_turns_table_gives_empty_typed_tables(demo_dir):
    turns = cx.read_corpus(demo_dir).turns
    empty, some = cx.tag(turns.iloc[:0]), cx.tag(turns.iloc[:3])
    assert len(empty.turns) == 0 and len(empty.conversations) == 0
    assert list(empty.turns.columns) == list(some.turns.columns)
    assert empty.turns["categories"].dtype == object
    assert empty.turns["sentiment_score"].dtype == some.turns["sentiment_score"].dtype


def test_mask_pii_many_refuses_one_string():
    with pytest.raises(TypeError, match=r"cx\.mask_pii\(text\)"):
        cx.mask_pii_many("我叫张伟，电话13812345678")
    assert cx.mask_pii_many(["我叫张伟"])["text"].tolist() == ["我叫[姓名]"]

import pandas as pd
import pytest

import cxtext as cx
from cxtext.schema import check, empty_table


def turns_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "conversation_id": ["c1", "c1", "c2", "c2", None],
            "speaker": ["客服", "客户", "robot?", "Agent", "customer"],
            "text": ["您好", "我的卡被冻结了", "  ", "请稍等", "好的"],
            "start_s": ["1", "2.5", "abc", "", "3"],
        }
    )


def test_validate_coerces_types_and_aliases():
    t = pd.DataFrame(
        {
            "conversation_id": [1001, 1001],
            "speaker": ["坐席", "用户"],
            "text": ["您好", "查余额"],
            "start_s": ["0", "1.5"],
            "end_s": [1.0, 3],
        }
    )
    out = cx.validate(t, "turns")
    assert out["conversation_id"].tolist() == ["1001", "1001"]
    assert out["turn"].tolist() == [0, 1]
    assert out["speaker"].tolist() == ["agent", "customer"]
    assert out["start_s"].tolist() == [0.0, 1.5]
    assert list(out.columns[:6]) == [
        "conversation_id",
        "turn",
        "speaker",
        "text",
        "start_s",
        "end_s",
    ]


def test_one_error_lists_every_problem():
    with pytest.raises(cx.SchemaError) as info:
        cx.validate(turns_frame(), "turns", source="calls.csv", rows=range(2, 7))
    probs = info.value.problems
    got = set(zip(probs["row"].astype(int), probs["column"], strict=False))
    assert got == {(4, "speaker"), (4, "text"), (4, "start_s"), (6, "conversation_id")}
    msg = str(info.value)
    assert "calls.csv, row 4, column 'speaker'" in msg
    assert "one of customer, agent, system" in msg
    assert "Traceback" not in msg


def test_return_rejects_balances_books():
    df = turns_frame()
    kept, rejects = cx.validate(df, "turns", return_rejects=True)
    assert len(kept) + len(rejects) == len(df)
    assert rejects["row"].tolist() == [3, 5]
    assert "speaker" in rejects["reason"].iloc[0] and "text" in rejects["reason"].iloc[0]
    assert kept["text"].tolist() == ["您好", "我的卡被冻结了", "请稍等"]
    # input untouched
    assert df["speaker"].tolist()[0] == "客服"


def test_missing_columns_are_one_file_level_error():
    with pytest.raises(cx.SchemaError) as info:
        cx.validate(pd.DataFrame({"内容": ["x"]}), "turns", source="a.csv")
    assert set(info.value.problems["column"]) == {"conversation_id", "speaker", "text"}
    assert "column_map" in str(info.value)


def test_duplicates_and_time_order():
    t = pd.DataFrame(
        {
            "conversation_id": ["c", "c", "c"],
            "turn": [0, 1, 1],
            "speaker": ["agent", "customer", "agent"],
            "text": ["a", "b", "c"],
            "start_s": [0, 5, 6],
            "end_s": [1, 4, 7],
        }
    )
    kept, rejects, problems = check(t, "turns")
    assert set(problems["column"]) == {"end_s", "conversation_id, turn"}
    assert "duplicate of row 2" in problems.loc[problems["row"] == 3, "got"].iloc[0]
    assert len(kept) == 1


def test_conversations_and_customers():
    c = pd.DataFrame(
        {
            "conversation_id": ["1", "2", "3"],
            "customer_id": ["u", "u", "v"],
            "started_at": ["2025-01-02 10:00", "2025/13/40", ""],
            "channel": ["电话", "微博", "fax"],
            "resolved": ["是", "no", "maybe"],
        }
    )
    kept, rejects = cx.validate(c, "conversations", return_rejects=True)
    assert kept["channel"].tolist() == ["phone"]
    assert bool(kept["resolved"].iloc[0]) is True
    assert kept["started_at"].iloc[0] == pd.Timestamp("2025-01-02 10:00")
    assert rejects["row"].tolist() == [2, 3]
    cu = pd.DataFrame(
        {
            "customer_id": ["a", "b", "c"],
            "avg_daily_assets": ["1,200,000", "50000", "6000000"],
            "tier": [None, "金卡", None],
        }
    )
    out = cx.validate(cu, "customers")
    assert out["tier"].tolist() == ["platinum", "gold", "diamond"]


def test_pii_never_echoed_in_errors():
    t = pd.DataFrame({"conversation_id": ["c"], "speaker": ["13812345678"], "text": ["x"]})
    with pytest.raises(cx.SchemaError) as info:
        cx.validate(t, "turns")
    assert "13812345678" not in str(info.value)
    assert "[手机号]" in str(info.value)


def test_bad_table_name_message():
    with pytest.raises(ValueError, match="The 'table' parameter of validate must be one of"):
        cx.validate(pd.DataFrame(), "turn")


def test_empty_table_has_canonical_columns():
    assert list(empty_table("conversations").columns) == cx.SCHEMAS["conversations"].names


def test_typed_columns_give_what_untyped_ones_give():
    # Parquet hands over string and numeric columns: validate takes short cuts for them,
    # which must end where parsing every value as an object ends
    typed = pd.DataFrame({
        "conversation_id": pd.array(["c1", "c1", "c1", "c2"], dtype="string"),
        "turn": [0, 1, 2, 0],
        "speaker": pd.array([" 客户", "AGENT", "坐席", "路人"], dtype="string"),
        "text": pd.array(["我要销户", "您好", "好的", "请按1"], dtype="string"),
        "start_s": [0.0, 1.5, None, 2.0],
        "end_s": pd.array([1, 2, 3, 4], dtype="int64"),
    })
    untyped = typed.astype(object).assign(start_s=["0.0", "1.5", None, "2.0"])
    got = cx.validate(typed, "turns", return_rejects=True)
    want = cx.validate(untyped, "turns", return_rejects=True)
    for a, b in zip(got, want, strict=True):
        pd.testing.assert_frame_equal(a, b)
    kept, rejects = got
    assert kept["speaker"].tolist() == ["customer", "agent", "agent"]
    assert kept["conversation_id"].dtype == object and kept["end_s"].tolist() == [1.0, 2.0, 3.0]
    assert rejects["row"].tolist() == [4] and "speaker" in rejects["reason"].iloc[0]

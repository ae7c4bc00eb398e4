"""The deliberately dirty input set (tests/data/dirty/): nothing lost, nothing leaked.

read -> validate -> normalise -> mask -> tag: at every step rows in = rows out + rows
rejected, each rejection with a reason naming the file, the row and the column. Then the
outputs are checked the way a data-protection officer would: no unmasked PII (audit-pii),
no spreadsheet formula, no path outside the chosen folder.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest

import cxtext as cx
from cxtext.cli import main

DIRTY = Path(__file__).resolve().parent / "data" / "dirty"
sys.path.insert(0, str(DIRTY))
from make_dirty import write_big_transcript  # noqa: E402

# Records in each file, counted by hand from make_dirty.py (a blank line or an all-empty
# row is no record; a dialogue record counts one per turn; an unreadable line counts one).
RECORDS = {
    "mixed_encoding.csv": 14,  # 17 lines - header - a blank line - ",,,"
    "gbk_export.csv": 5,
    "merged_cells.xlsx": 5,  # rows 2-7 minus the empty row 6
    "dialogues_bad.jsonl": 6,  # 2 + bad JSON + a list + 2 (the blank line is none)
}
# merged_cells.xlsx: the rows under a merged conversation id take the merged value (4 kept);
# only the row with an empty text is rejected.
KEPT = {"mixed_encoding.csv": 7, "gbk_export.csv": 4, "merged_cells.xlsx": 4,
        "dialogues_bad.jsonl": 2}


@pytest.fixture(scope="module")
def big_transcript(tmp_path_factory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("dirty") / "big_call.txt"
    write_big_transcript(path)
    assert path.stat().st_size >= 2_000_000
    # a turn starts at a role prefix; other lines continue the turn before (io.py)
    lines = path.read_text(encoding="utf-8").splitlines()
    return path, sum(1 for ln in lines if ln.startswith(("客服：", "客户：")))


@pytest.fixture(scope="module")
def pipeline(big_transcript):
    """Run the whole pipeline over the dirty set, keeping the books."""
    books = cx.RowLedger()
    kept_all, rejects_all = [], []
    files = [DIRTY / name for name in RECORDS] + [big_transcript[0]]
    expected = {**RECORDS, big_transcript[0].name: big_transcript[1]}
    for path in files:
        kept, rejects = cx.read_turns(path, return_rejects=True)
        books.record(f"read {path.name}", rows_in=expected[path.name], rows_out=len(kept),
                     rejects=rejects)
        kept_all.append(kept)
        rejects_all.append(rejects)
    turns = pd.concat(kept_all, ignore_index=True)

    valid, bad = cx.validate(turns, "turns", return_rejects=True)
    books.record("validate", rows_in=len(turns), rows_out=len(valid), rejects=bad)

    normalised = valid.assign(text=cx.normalize(valid["text"]))
    books.record("normalise", rows_in=len(valid), rows_out=len(normalised))

    audit = cx.PiiAudit(run="dirty set")
    masked = normalised.assign(
        text=cx.mask_pii_many(normalised["text"], audit=audit, step="turns.text")["text"]
    )
    books.record("mask", rows_in=len(normalised), rows_out=len(masked))

    result = cx.tag(masked, sentiment_backend="lexicon", emotion_backend="lexicon",
                    progress=False)
    books.record("tag", rows_in=len(masked), rows_out=len(result.turns))
    return {"books": books, "rejects": pd.concat(rejects_all, ignore_index=True),
            "masked": masked, "result": result, "audit": audit}


def test_books_balance_at_every_step(pipeline):
    books = pipeline["books"]
    assert books.balanced, str(books)
    frame = books.to_frame().set_index("step")
    for name, kept in KEPT.items():
        assert frame.loc[f"read {name}", "rows_out"] == kept
    assert frame.loc["read big_call.txt", "rows_rejected"] == 0
    assert frame.loc["validate", "rows_rejected"] == 0  # the readers already validated
    assert frame.loc["tag", "rows_out"] == frame.loc["read big_call.txt", "rows_out"] + sum(
        KEPT.values()
    )


def test_continuation_lines_stay_in_the_turn_before(pipeline, big_transcript):
    text = big_transcript[0].read_text(encoding="utf-8")
    big = pipeline["masked"]
    big = big[big["conversation_id"] == big["conversation_id"].iloc[-1]]
    assert big["text"].str.count("通话已转接").sum() == text.count("通话已转接") > 0


def test_every_reject_names_file_row_and_column(pipeline):
    rejects = pipeline["rejects"]
    assert len(rejects) == sum(RECORDS.values()) - sum(KEPT.values())
    assert rejects["source"].isin(list(RECORDS)).all()
    assert rejects["row"].notna().all()
    # "<column>: expected ..., got ..." ("<line>" when the line itself is unreadable)
    assert rejects["reason"].str.match(r"^[\w<>, ]+: expected .+, got ").all()
    reasons = set(pipeline["books"].to_frame().set_index("step").loc[
        "read mixed_encoding.csv", "reasons"])
    assert {"text: expected a non-empty string", "conversation_id: expected a non-empty string",
            "turn: expected a whole number >= 0"} <= reasons
    assert any("decodable" in r for r in reasons)  # the GBK row in a UTF-8 file
    assert any("unique conversation_id + turn" in r for r in reasons)


def test_the_ledger_holds_no_personal_data(pipeline):
    dumped = json.dumps(pipeline["books"].steps, ensure_ascii=False)
    assert "13812345678" not in dumped and "\\u" not in dumped


def test_missing_columns_is_one_clear_error():
    with pytest.raises(cx.SchemaError, match="missing_columns.csv.*'speaker'") as info:
        cx.read_turns(DIRTY / "missing_columns.csv", return_rejects=True)
    assert set(info.value.problems["column"]) == {"speaker", "text"}


def test_masked_turns_hold_no_pii_and_keep_odd_text(pipeline):
    masked, audit = pipeline["masked"], pipeline["audit"]
    assert audit.counts["phone"] >= 3 and audit.counts["bank_card"] >= 2
    assert audit.counts["id_card"] == 1 and audit.counts["email"] == 1
    assert audit.texts == len(masked)
    texts = masked["text"].tolist()
    assert not any(cx.find_pii(t, types=cx.AUDIT_TYPES) for t in texts)
    assert not any("\x00" in t for t in texts)
    assert any("<script>" in t for t in texts)  # kept as data; escaping is the report's job


def test_outputs_pass_audit_pii_and_neutralise_formulas(pipeline, tmp_path):
    result = pipeline["result"]
    turns = result.turns[["conversation_id", "turn", "speaker", "text", "sentiment_label"]]
    turns.to_csv(tmp_path / "turns.csv", index=False)
    turns.to_parquet(tmp_path / "turns.parquet", index=False)
    assert main(["audit-pii", str(tmp_path)]) == 0
    # the formula from the input stays text in a spreadsheet export
    formula = turns.loc[turns["text"].str.startswith("=")]
    assert len(formula) == 1
    neutralise = pytest.importorskip("cxtext.export").neutralise_formula
    assert neutralise(formula["text"].iloc[0]).startswith("'=")


def test_report_names_cannot_leave_the_folder(tmp_path):
    report = pytest.importorskip("cxtext.report")
    for name in ["../evil", "..\\evil", "/etc/passwd", "sub/../../x"]:
        with pytest.raises(cx.CxTextError):
            report.render_report(name, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_merged_cells_take_the_merged_value():
    kept, rejects = cx.read_turns(DIRTY / "merged_cells.xlsx", return_rejects=True)
    assert kept["conversation_id"].tolist() == ["x1", "x1", "x1", "x2"]
    assert kept["text"].tolist()[:3] == ["您好", "我想销户，把钱都转走", "好的，请问您的卡号是多少"]
    # the row with an empty text is outside the merge: still rejected, nothing filled in
    assert rejects["row"].tolist() == [7]
    assert rejects["reason"].str.startswith("text: expected a non-empty string").all()


def test_merged_cells_fill_only_inside_the_merge(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["conversation_id", "speaker", "text", "channel"])
    ws.append(["c1", "customer", "第一句", "电话"])
    ws.append([None, "agent", "第二句", None])
    ws.append([None, "customer", "第三句", None])
    ws.append([None, "agent", "第四句", None])
    ws.merge_cells("A2:A4")  # c1 over three rows; row 5 is outside the merge
    ws.merge_cells("D2:D3")
    path = tmp_path / "merged.xlsx"
    book.save(path)
    kept, rejects = cx.read_turns(path, return_rejects=True)
    assert kept["conversation_id"].tolist() == ["c1", "c1", "c1"]
    assert rejects["row"].tolist() == [5]
    assert rejects["reason"].iloc[0].startswith("conversation_id: expected a non-empty string")
    assert kept["channel"].tolist()[:2] == ["phone", "phone"]  # D2:D3 merged
    assert kept["channel"].isna().tolist()[2]  # D4 is outside that merge


def test_merged_customer_id_in_a_conversations_sheet(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["工单号", "客户号", "渠道"])
    ws.append(["T1", "C9", "电话"])
    ws.append(["T2", None, "电话"])
    ws.append(["T3", None, None])
    ws.merge_cells("B2:B3")
    ws.merge_cells("C2:C4")
    path = tmp_path / "calls.xlsx"
    book.save(path)
    convs, rejects = cx.read_conversations(path, return_rejects=True)
    assert convs["conversation_id"].tolist() == ["T1", "T2"]
    assert convs["customer_id"].tolist() == ["C9", "C9"]
    assert convs["channel"].tolist() == ["phone", "phone"]
    # T3 is outside the customer_id merge: rejected for it, not filled from a neighbour
    assert rejects["row"].tolist() == [4]
    assert rejects["reason"].iloc[0].startswith("customer_id:")



def test_merged_ranges_are_read_across_chunk_boundaries():
    import io
    import zipfile

    from cxtext.io import _merged_ranges

    # the sheet XML is streamed in 1 MiB chunks: a <mergeCell> element may straddle two
    xml = b"x" * ((1 << 20) - 10) + b'<mergeCell ref="A2:A4"/><mergeCell ref="B2:C9"/>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("xl/worksheets/sheet1.xml", xml)
    assert _merged_ranges(buf.getvalue(), "/xl/worksheets/sheet1.xml") == [
        (1, 2, 1, 4), (2, 2, 3, 9)]
    assert _merged_ranges(buf.getvalue(), "/xl/worksheets/missing.xml") == []

"""PII audit: run counts (PiiAudit) and the output scanner (scan_outputs, cxtext audit-pii)."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import cxtext as cx
from cxtext.cli import main

REPO = Path(__file__).resolve().parents[1]
PHONE, CARD, EMAIL = "13812345678", "6222021234567890128", "zhang.wei@163.com"
ID = "11010519491231002X"
RAW = (PHONE, CARD, EMAIL, ID)


# --- PiiAudit -------------------------------------------------------------------------------


def test_audit_counts_per_type_and_step_without_values():
    audit = cx.PiiAudit(run="test")
    cx.mask_pii_many(["我叫张伟", f"电话{PHONE}", None, "你好"], audit=audit, step="turns.text")
    cx.mask_pii_many(pd.Series([f"卡号{CARD}，邮箱{EMAIL}"]), audit=audit, step="notes")
    assert audit.counts == {"phone": 1, "landline": 0, "id_card": 0, "bank_card": 1,
                            "email": 1, "name": 1, "address": 0}
    assert (audit.texts, audit.texts_masked, audit.total) == (5, 3, 4)
    assert [s["step"] for s in audit.steps] == ["turns.text", "notes"]
    assert audit.steps[1]["counts"]["email"] == 1
    assert audit.summary() == "masked 4 span(s) in 3 of 5 text(s): phone 1, bank_card 1, " \
                              "email 1, name 1"
    dumped = json.dumps(audit.to_dict(), ensure_ascii=False)
    assert not any(v in dumped for v in (*RAW, "张伟"))


def test_audit_writes_audit_json_into_a_folder(tmp_path):
    audit = cx.PiiAudit()
    cx.mask_pii_many([f"手机{PHONE}"], audit=audit)
    path = audit.write(tmp_path)
    assert path == tmp_path / "audit.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["masked_per_type"]["phone"] == 1 and data["masked_total"] == 1


def test_audit_add_rejects_other_frames():
    with pytest.raises(ValueError, match="mask_pii_many"):
        cx.PiiAudit().add(pd.DataFrame({"text": ["x"]}))


def test_ingest_writes_audit_json(tmp_path, capsys):
    src = tmp_path / "t.csv"
    src.write_text(f"conversation_id,speaker,text\nc1,customer,电话{PHONE}\nc1,agent,您好\n",
                   encoding="utf-8")
    assert main(["ingest", str(src), "--out", str(tmp_path / "o")]) == 0
    out = capsys.readouterr().out
    assert "PII: masked 1 span(s) in 1 of 2 text(s): phone 1" in out
    data = json.loads((tmp_path / "o" / "audit.json").read_text(encoding="utf-8"))
    assert data["masked_per_type"]["phone"] == 1
    assert data["steps"][0]["step"] == "turns.text"
    # and the ingest output itself passes the scanner
    assert main(["audit-pii", str(tmp_path / "o")]) == 0


# --- scan_outputs: a planted leak in every format --------------------------------------------


def _html(tmp: Path, body: str) -> Path:
    p = tmp / "r.html"
    p.write_text(f"<html><head><style>p{{color:red}}</style></head><body>{body}</body></html>",
                 encoding="utf-8")
    return p


def _xlsx(tmp: Path, leak: str | None) -> Path:
    p = tmp / "w.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["客户", "摘要"])
    book.active.append(["[姓名]", "来电咨询年费"])
    second = book.create_sheet("明细")
    second.append(["备注"])
    second.append([f"回访号码{leak}" if leak else "已回访"])
    book.save(p)
    return p


def _parquet(tmp: Path, leak: str | None) -> Path:
    p = tmp / "t.parquet"
    pd.DataFrame({
        "id": [1, 2],
        "text": ["您好", "已处理"],
        "quotes": [["客户说年费太贵"], [f"我的邮箱{leak}" if leak else "无"]],
    }).to_parquet(p, index=False)
    return p


WRITERS = {
    "html_text": lambda t, v: _html(t, f"<p>客户电话{v}</p>" if v else "<p>客户电话[手机号]</p>"),
    "html_attribute": lambda t, v: _html(t, f'<span title="卡号{v}">详情</span>' if v else
                                         '<span title="卡号[银行卡号]">详情</span>'),
    "csv": lambda t, v: _write(t / "e.csv", f"id,text\n1,身份证{v or '[身份证号]'}\n", "utf-8-sig"),
    "csv_gbk": lambda t, v: _write(t / "g.csv", f"编号,内容\n1,手机{v or '[手机号]'}\n", "gbk"),
    "tsv": lambda t, v: _write(t / "e.tsv", f"id\ttext\n1\t邮箱{v or '[邮箱]'}\n", "utf-8"),
    "xlsx_second_sheet": _xlsx,
    "parquet_list_column": _parquet,
    "json": lambda t, v: _write(t / "w.json", json.dumps(
        {"rows": [{"quote": f"电话{v}" if v else "无"}]}, ensure_ascii=False), "utf-8"),
    "jsonl": lambda t, v: _write(t / "w.jsonl", json.dumps(
        {"text": f"卡号{v}" if v else "无"}, ensure_ascii=False) + "\n", "utf-8"),
    "markdown": lambda t, v: _write(t / "n.md", f"# 说明\n联系 {v or '[邮箱]'}\n", "utf-8"),
}
LEAKS = {
    "html_text": (PHONE, "phone", "line 1"),
    "html_attribute": (CARD, "bank_card", "attribute 'title'"),
    "csv": (ID, "id_card", "row 2, column 'text'"),
    "csv_gbk": (PHONE, "phone", "row 2, column '内容'"),
    "tsv": (EMAIL, "email", "row 2, column 'text'"),
    "xlsx_second_sheet": (PHONE, "phone", "sheet '明细'!A2"),
    "parquet_list_column": (EMAIL, "email", "row 2, column 'quotes'[0]"),
    "json": (PHONE, "phone", "$.rows[0].quote"),
    "jsonl": (CARD, "bank_card", "line 1: $.text"),
    "markdown": (EMAIL, "email", "line 2"),
}


def _write(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_planted_leak_is_found_and_never_printed(fmt, tmp_path, capsys):
    value, typ, where = LEAKS[fmt]
    path = WRITERS[fmt](tmp_path, value)
    found = cx.scan_outputs(path)
    assert found["type"].tolist() == [typ]
    assert where in found["location"].iloc[0]
    assert value not in found.to_csv()
    assert cx.PLACEHOLDERS[typ] in found["preview"].iloc[0]
    assert main(["audit-pii", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert str(path) in captured.out and typ in captured.out
    assert value not in captured.out + captured.err


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_clean_output_passes(fmt, tmp_path):
    WRITERS[fmt](tmp_path, None)
    assert cx.scan_outputs(tmp_path).empty
    assert main(["audit-pii", str(tmp_path)]) == 0


def test_numbers_stored_as_numbers_are_scanned(tmp_path):
    p = tmp_path / "n.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["手机", int(PHONE)])
    book.save(p)
    assert cx.scan_outputs(p)["type"].tolist() == ["phone"]


def test_data_uris_are_not_scanned_as_text(tmp_path):
    p = _html(tmp_path, '<img src="data:image/png;base64,MTM4MTIzNDU2Nzg=" alt="图">')
    assert cx.scan_outputs(p).empty


def test_names_and_addresses_are_opt_in(tmp_path):
    p = _write(tmp_path / "a.csv", "text\n我叫张伟，住在朝阳区建国路88号3栋201室\n", "utf-8")
    assert cx.scan_outputs(p).empty
    assert sorted(cx.scan_outputs(p, types=cx.PII_TYPES)["type"]) == ["address", "name"]
    assert main(["audit-pii", "--all-types", str(p)]) == 1


def test_missing_path_and_unreadable_file_are_clear_errors(tmp_path, capsys):
    assert main(["audit-pii", str(tmp_path / "nope")]) == 2
    assert "nope" in capsys.readouterr().err
    bad = _write(tmp_path / "bad.json", "{not json", "utf-8")
    with pytest.raises(cx.ReadError, match="bad.json"):
        cx.scan_outputs(bad)


def test_unknown_type_is_refused():
    with pytest.raises(ValueError, match="'types' parameter of scan_outputs"):
        cx.scan_outputs(REPO / "README.md", types=["passport"])


def test_demo_reports_are_clean():
    """``cxtext audit-pii reports/`` exits 0 on the reports rendered from the demo corpus."""
    html = sorted((REPO / "reports").glob("*.html"))
    if not html:
        pytest.skip("no rendered reports in reports/ (run `make reports`)")
    assert main(["audit-pii", *map(str, html)]) == 0

"""Warning-list exports: CSV/XLSX/Parquet round trips, masking, formula injection."""

from __future__ import annotations

import pandas as pd
import pytest

from cxtext.export import export_warnings, flatten_warnings, neutralise_formula

NASTY = ["=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1:A9)", "\t=1+1", "\r=1"]
# what each becomes: an apostrophe first; a carriage return inside a cell is written as \n
SAFE = ["'=cmd|' /C calc'!A0", "'+1", "'-1", "'@SUM(A1:A9)", "'\t=1+1", "'\n=1"]


def warnings_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "customer_id": ["C1", "C2", "C3", "C4", "C5", "C6"],
        "risk_score": [0.91, 0.5, 0.25, 0.1, -0.0, 0.0],
        "risk_level": ["高", "中", "中", "低", "低", "低"],
        "reasons": [[{"reason": "表达过销户或转走资金意向：是", "contribution": 1.234},
                     {"reason": "近30天投诉次数：3", "contribution": 0.5}], [], [], [], [], []],
        "evidence": [["我手机13812345678，再乱扣费我就销户", "我要向银保监会投诉"], [], [], [],
                     [], []],
        "suggested_action": ["升级处理", "回访", "回访", "回访", "回访", "回访"],
        "tag_line": NASTY,
    })


def test_neutralise_formula():
    assert [neutralise_formula(v) for v in NASTY] == ["'" + v for v in NASTY]
    assert neutralise_formula("客户-1") == "客户-1"
    assert neutralise_formula(-1) == -1
    assert neutralise_formula(None) is None


def test_flatten_masks_and_joins():
    flat = flatten_warnings(warnings_frame())
    assert flat.loc[0, "reasons"] == (
        "表达过销户或转走资金意向：是（+1.23）；近30天投诉次数：3（+0.50）")
    assert flat.loc[0, "evidence"] == "我手机[手机号]，再乱扣费我就销户 | 我要向银保监会投诉"
    assert flat.loc[1, "evidence"] == ""
    assert flat["tag_line"].tolist() == SAFE
    assert flat["risk_score"].dtype == float
    # the input is not modified
    assert warnings_frame()["tag_line"].tolist() == NASTY


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".parquet"])
def test_round_trip(tmp_path, suffix):
    path = export_warnings(warnings_frame(), tmp_path / f"warn{suffix}")
    if suffix == ".csv":
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens the Chinese right
        back = pd.read_csv(path, keep_default_na=False)
    elif suffix == ".xlsx":
        from openpyxl import load_workbook

        ws = load_workbook(path).active
        assert ws.title == "流失预警"
        cells = [c for row in ws.iter_rows() for c in row]
        # nothing is stored as a formula, every nasty cell is a string
        assert not any(c.data_type == "f" for c in cells)
        back = pd.read_excel(path, keep_default_na=False)
    else:
        back = pd.read_parquet(path)
    assert back["customer_id"].tolist() == ["C1", "C2", "C3", "C4", "C5", "C6"]
    assert back["risk_score"].tolist() == pytest.approx([0.91, 0.5, 0.25, 0.1, 0.0, 0.0])
    assert back["tag_line"].tolist() == SAFE
    assert back["risk_level"].tolist()[0] == "高"
    text = back.astype(str).to_csv()
    assert "13812345678" not in text
    assert "[手机号]" in back.loc[0, "evidence"]
    for col in back.columns:
        for v in back[col]:
            if isinstance(v, str):
                assert not v.startswith(("=", "+", "-", "@", "\t", "\r")), (col, v)


def test_unknown_suffix_and_unmasked(tmp_path):
    with pytest.raises(ValueError, match="path suffix"):
        export_warnings(warnings_frame(), tmp_path / "w.json")
    flat = flatten_warnings(warnings_frame(), mask=False)
    assert "13812345678" in flat.loc[0, "evidence"]

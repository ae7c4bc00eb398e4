"""Export the churn-warning list to CSV, XLSX or Parquet, masked and safe to open in Excel.

Every text cell is masked with :func:`cxtext.mask_pii` and then neutralised against
formula injection (CSV/DDE injection, OWASP): a cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return gets a leading apostrophe ``'``, which
Excel and LibreOffice show as text and never evaluate. Numbers stay numbers.
List columns (``reasons``, ``evidence``) are written as one readable string each,
and line breaks inside cells become ``\n`` (CSV readers and XLSX turn a lone ``\r``
into ``\n`` anyway), so the three formats hold the same table.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cxtext.errors import CxTextError, param_error

__all__ = ["FORMULA_PREFIXES", "export_warnings", "flatten_warnings", "neutralise_formula"]

FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
_FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".parquet": "parquet"}


def neutralise_formula(value: object) -> object:
    """Prefix ``'`` to a string a spreadsheet would run as a formula; others unchanged.

    Examples
    --------
    >>> neutralise_formula("=cmd|' /C calc'!A0")
    "'=cmd|' /C calc'!A0"
    >>> neutralise_formula("客户投诉")
    '客户投诉'
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _reason_text(item: object) -> str:
    if isinstance(item, Mapping):
        text = str(item.get("reason", ""))
        c = item.get("contribution")
        if isinstance(c, (int, float, np.floating, np.integer)) and not pd.isna(c):
            text += f"（{float(c):+.2f}）"
        return text
    return str(item)


def _join(value: object, sep: str, fmt: Any = str) -> object:
    if isinstance(value, (list, tuple, np.ndarray)):
        return sep.join(fmt(v) for v in value)
    if isinstance(value, Mapping):
        return fmt(value)
    return value


def flatten_warnings(df: pd.DataFrame, *, mask: bool = True) -> pd.DataFrame:
    """The export table: lists joined into strings, text masked and neutralised.

    ``reasons`` becomes ``"原因1（+0.42）；原因2（+0.30）"``, ``evidence`` becomes
    quotes joined by ``" | "``; every other list or dict cell is joined with ``；``.

    Parameters
    ----------
    df : DataFrame
        :func:`cxtext.churn_warnings` output (any frame works).
    mask : bool
        Mask personal data in every text cell (default; turn off only for data that
        never leaves the bank's systems).

    Returns
    -------
    DataFrame
        A new frame; the input is not modified.
    """
    from cxtext.text.pii import mask_pii

    out = df.copy()
    for col in out.columns:
        s = out[col]
        if not (s.dtype == object or pd.api.types.is_string_dtype(s)
                or isinstance(s.dtype, pd.CategoricalDtype)):
            continue
        if col == "reasons":
            s = s.map(lambda v: _join(v, "；", _reason_text))
        elif col == "evidence":
            s = s.map(lambda v: _join(v, " | "))
        else:
            s = s.map(lambda v: _join(v, "；"))
        s = s.astype(object)

        def clean(v: object) -> object:
            if isinstance(v, str):
                safe = neutralise_formula(mask_pii(v) if mask else v)
                return safe.replace("\r\n", "\n").replace("\r", "\n")  # type: ignore[union-attr]
            return v

        out[col] = s.map(clean).astype(object)
    return out


_HEADERS = ("en", "zh")


def export_warnings(df: pd.DataFrame, path: str | Path, *, mask: bool = True,
                    sheet_name: str = "流失预警", header: str = "en") -> Path:
    """Write the warning list to ``path``; the format follows the suffix.

    Parameters
    ----------
    df : DataFrame
        :func:`cxtext.churn_warnings` output.
    path : str or Path
        ``.csv`` (UTF-8 with BOM, so Excel reads Chinese), ``.xlsx`` or ``.parquet``.
    mask : bool
        Mask personal data (default).
    sheet_name : str
        XLSX sheet name.
    header : {"en", "zh"}
        Column names as in ``df`` (``"en"``, default), or Chinese ones for readers of
        the spreadsheet (``"zh"``: 排名, 客户, 风险分, 风险等级, 原因, 客户原话（已脱敏）,
        建议处理, 打分方法, 等级, 画像, as :data:`cxtext.labels.WARNING_COLUMNS`; the
        ``method`` values become 模型 / 规则打分). Other columns keep their names.

    Returns
    -------
    Path
        The written file.

    Examples
    --------
    >>> import tempfile, os
    >>> w = pd.DataFrame({"customer_id": ["C1"], "risk_score": [0.4],
    ...                   "evidence": [["我的电话13812345678"]]})
    >>> p = export_warnings(w, os.path.join(tempfile.mkdtemp(), "w.csv"))
    >>> pd.read_csv(p)["evidence"].iloc[0]
    '我的电话[手机号]'
    >>> p = export_warnings(w, os.path.join(tempfile.mkdtemp(), "w.csv"), header="zh")
    >>> pd.read_csv(p).columns.tolist()
    ['客户', '风险分', '客户原话（已脱敏）']
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"export_warnings expects the DataFrame that cx.churn(...) returns; "
                        f"got {type(df).__name__}")
    path = Path(path)
    if path.is_dir():
        raise CxTextError(f"export_warnings: '{path}' is a folder; give a file name in it, "
                          f"e.g. '{path / '预警名单.xlsx'}'")
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise param_error("export_warnings", "path suffix", _FORMATS, path.suffix)
    if header not in _HEADERS:
        raise param_error("export_warnings", "header", _HEADERS, header)
    table = flatten_warnings(df, mask=mask)
    if header == "zh":
        from cxtext.labels import CHURN_METHODS, WARNING_COLUMNS

        if "method" in table.columns:
            table["method"] = table["method"].map(lambda v: CHURN_METHODS.get(v, v))
        table = table.rename(columns=WARNING_COLUMNS)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if fmt == "csv":
            table.to_csv(path, index=False, encoding="utf-8-sig")
        elif fmt == "xlsx":
            table.to_excel(path, index=False, sheet_name=sheet_name, engine="openpyxl")
        else:
            table.to_parquet(path, index=False)
    except (OSError, ImportError) as exc:
        raise CxTextError(f"export_warnings: could not write {str(path)!r}: {exc}") from exc
    return path

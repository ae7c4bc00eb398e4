"""The ``balances`` CRM table: monthly average daily financial assets per customer.

Columns: ``customer_id``, ``month`` (``2025-03``, ``2025-03-01`` or any date in the month;
stored as the month's first day) and ``avg_daily_assets`` (yuan, >= 0). It feeds the
``assets_recent`` / ``assets_trend_3m`` portrait columns and the churn feature of the same
name: money leaving the bank is the structured signal a CRM has before a customer closes
their accounts.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import numpy as np
import pandas as pd

from cxtext import schema
from cxtext.errors import SchemaError

COLUMNS: tuple[str, ...] = ("customer_id", "month", "avg_daily_assets")


def normalise_balances(frame: pd.DataFrame, *, source: str = "<balances>",
                       rows: Sequence[int] | None = None
                       ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Typed balances and the rows rejected, with reasons naming row and column.

    Parameters
    ----------
    frame : DataFrame
        Needs the columns of :data:`COLUMNS` (extra columns are dropped).
    source : str
        File or label named in errors and rejects.
    rows : sequence of int, optional
        The input row number of each row (default: as in a spreadsheet with a header
        row, the first data row is 2).

    Returns
    -------
    (balances, rejects)
        ``balances``: ``customer_id`` (str), ``month`` (datetime64, first day of the
        month), ``avg_daily_assets`` (float); one row per customer and month (a later
        duplicate is rejected). ``rejects``: :data:`cxtext.schema.REJECT_COLUMNS`.

    Raises
    ------
    SchemaError
        A required column is missing.

    Examples
    --------
    >>> b, rej = normalise_balances(pd.DataFrame({
    ...     "customer_id": ["u1", "u1", "u2"], "month": ["2025-01", "2025-02-15", "soon"],
    ...     "avg_daily_assets": [1000, "2,000", 5]}))
    >>> b["month"].dt.strftime("%Y-%m").tolist(), b["avg_daily_assets"].tolist()
    (['2025-01', '2025-02'], [1000.0, 2000.0])
    >>> rej["reason"].tolist()
    ["month: expected a month such as 2025-03, got 'soon'"]
    """
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise SchemaError(f"{source}: the balances table lacks the column(s) {missing}; "
                          f"it has {list(map(str, frame.columns))}")
    df = frame[list(COLUMNS)].reset_index(drop=True)
    row = np.arange(2, len(df) + 2) if rows is None else np.asarray(rows, dtype=np.int64)
    cid = df["customer_id"].astype("string").str.strip()
    text = df["month"].astype("string").str.strip()
    month = pd.to_datetime(text.where(~text.str.fullmatch(r"\d{4}-\d{1,2}", na=False),
                                      text + "-01"), errors="coerce", format="mixed")
    amount = pd.to_numeric(df["avg_daily_assets"].astype("string").str.replace(",", "")
                           .str.strip(), errors="coerce")
    reasons = pd.Series(pd.NA, index=df.index, dtype="string")
    checks = (
        (cid.isna() | (cid == ""), "customer_id", "an id"),
        (month.isna(), "month", "a month such as 2025-03"),
        (amount.isna() | (amount < 0), "avg_daily_assets", "an amount >= 0"),
    )
    for bad, column, expected in checks:
        for i in df.index[bad.to_numpy() & reasons.isna().to_numpy()]:
            reasons.at[i] = f"{column}: expected {expected}, got {_short(df.at[i, column])}"
    ok = reasons.isna().to_numpy()
    out = pd.DataFrame({"customer_id": cid[ok].astype(object),
                        "month": month[ok].dt.to_period("M").dt.to_timestamp(),
                        "avg_daily_assets": amount[ok].astype(float)})
    dup = out.duplicated(["customer_id", "month"], keep="first").to_numpy()
    idx_ok = df.index[ok]
    for i in idx_ok[dup]:
        reasons.at[i] = "customer_id, month: a second row for the same customer and month"
    out = out.loc[~dup].reset_index(drop=True)
    bad = reasons.notna().to_numpy()
    rejects = pd.DataFrame({
        "source": source, "row": row[bad].astype("int64"),
        "reason": reasons[bad].astype(object).to_numpy(),
        "record": [json.dumps(r, ensure_ascii=False, default=str)
                   for r in df.loc[bad].astype(object).to_dict("records")],
    })
    return out, rejects[list(schema.REJECT_COLUMNS)]


def _short(value: object, n: int = 30) -> str:
    s = repr(value)
    return s if len(s) <= n else s[: n - 1] + "…'"

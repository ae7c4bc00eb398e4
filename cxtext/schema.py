"""Canonical tables and their validation.

Three tables flow through cxtext (DESIGN.md): ``conversations``, ``turns`` and
``customers``. Readers map user files onto them; every public entry validates
with :func:`validate`, which checks every row and column at once (pandera's
``lazy=True`` habit) and either raises one :class:`~cxtext.errors.SchemaError`
listing every problem, or returns the good rows plus a rejects table.

Input may carry any value type (CSV readers hand over strings, Parquet typed
values); parsing is done here so that every source gets the same checks and the
same messages.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, overload

import numpy as np
import pandas as pd

from cxtext import labels
from cxtext.errors import PROBLEM_COLUMNS, SchemaError, param_error

DType = Literal["str", "int", "float", "datetime", "bool"]
REJECT_COLUMNS: tuple[str, ...] = ("source", "row", "reason", "record")

_TRUE = {"true", "t", "1", "1.0", "yes", "y", "是", "已解决", "对", "真", "解决", "已处理",
         "已办结", "办结", "已完成", "完成"}
_FALSE = {"false", "f", "0", "0.0", "no", "n", "否", "未解决", "不", "假", "未处理", "处理中",
          "待处理", "未办结", "未完成", "跟进中"}


@dataclass(frozen=True)
class Column:
    """One canonical column: its type and the checks every value must pass."""

    name: str
    dtype: DType
    required: bool = True
    nullable: bool = False
    allowed: tuple[str, ...] | None = None
    aliases: Mapping[str, str] = field(default_factory=dict)
    min_value: float | None = None
    description: str = ""

    @property
    def expected(self) -> str:
        """Human-readable description of a valid value (used in error messages)."""
        if self.allowed:
            return "one of " + ", ".join(self.allowed)
        what = {
            "str": "a non-empty string",
            "int": "a whole number",
            "float": "a number",
            "datetime": "a date/time such as 2025-03-15 14:30:00",
            "bool": "true/false (also 1/0, yes/no, 是/否)",
        }[self.dtype]
        if self.min_value is not None:
            what += f" >= {self.min_value:g}"
        return what


@dataclass(frozen=True)
class TableSchema:
    """A canonical table: its columns (in output order) and its unique key."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def required(self) -> list[str]:
        return [c.name for c in self.columns if c.required]

    def __getitem__(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)


def _alias_map(vocab: Mapping[str, str], extra: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Map lower-cased spellings (English id, Chinese display name, extras) to the id."""
    out: dict[str, str] = {}
    for ident, zh in vocab.items():
        out[ident.lower()] = ident
        out[zh.lower()] = ident
    for ident, spellings in extra.items():
        for s in spellings:
            out[s.lower()] = ident
    return out


SPEAKER_ALIASES = _alias_map(
    labels.SPEAKERS,
    {
        "customer": ["client", "user", "用户", "顾客", "来电人", "客人", "c", "0", "cust", "human",
                     "客戶", "用戶", "顧客", "來電人"],
        "agent": ["staff", "坐席", "座席", "人工", "人工客服", "waiter", "1", "service", "a",
                  "assistant", "客服人員", "專員", "专员"],
        "system": ["bot", "ivr", "机器人", "智能客服", "sys", "系統", "機器人"],
    },
)
CHANNEL_ALIASES = _alias_map(
    labels.CHANNELS,
    {
        "phone": ["电话客服", "热线", "呼叫中心", "call", "voice", "语音", "tel", "telephone"],
        "online_chat": [
            "在线", "在线聊天", "chat", "web", "网页", "网银在线", "微信", "wechat", "im",
        ],
        "app": ["手机银行", "掌银", "手机app", "mobile", "mobile_app"],
        "branch": ["柜台", "营业厅", "支行", "counter"],
        "email": ["电子邮件", "信函", "书面", "mail", "letter"],
        "social": ["微博", "社交", "social_media", "weibo", "黑猫投诉", "抖音", "小红书"],
    },
)
TIER_ALIASES = _alias_map(
    labels.TIERS,
    {
        "standard": ["普通客户", "大众", "普卡", "normal"],
        "gold": ["金卡客户"],
        "platinum": ["白金卡", "白金客户"],
        "diamond": ["钻石卡", "钻石客户", "私行", "私人银行", "private"],
    },
)

CONVERSATIONS = TableSchema(
    "conversations",
    (
        Column("conversation_id", "str", description="Unique id of the contact."),
        Column("customer_id", "str", description="Who contacted; links to customers."),
        Column(
            "started_at", "datetime", required=False, nullable=True,
            description="Local start time; missing when the source has none (e.g. JDDC).",
        ),
        Column(
            "channel", "str", required=False, nullable=True,
            allowed=tuple(labels.CHANNELS), aliases=CHANNEL_ALIASES,
        ),
        Column("agent_id", "str", required=False, nullable=True),
        Column("duration_s", "float", required=False, nullable=True, min_value=0),
        Column("resolved", "bool", required=False, nullable=True),
    ),
    key=("conversation_id",),
)

TURNS = TableSchema(
    "turns",
    (
        Column("conversation_id", "str"),
        Column("turn", "int", min_value=0, description="0-based order; derived when absent."),
        Column(
            "speaker", "str", allowed=tuple(labels.SPEAKERS), aliases=SPEAKER_ALIASES,
        ),
        Column("text", "str", description="What was said or written; never empty."),
        Column("start_s", "float", required=False, nullable=True, min_value=0),
        Column("end_s", "float", required=False, nullable=True, min_value=0),
    ),
    key=("conversation_id", "turn"),
)

CUSTOMERS = TableSchema(
    "customers",
    (
        Column("customer_id", "str"),
        Column("avg_daily_assets", "float", required=False, nullable=True, min_value=0,
               description="年日均金融资产, yuan."),
        Column("tier", "str", required=False, nullable=True, allowed=tuple(labels.TIERS),
               aliases=TIER_ALIASES, description="Derived from avg_daily_assets when absent."),
        Column("tenure_months", "int", required=False, nullable=True, min_value=0),
        Column("products", "str", required=False, nullable=True),
        Column("churned", "bool", required=False, nullable=True),
        Column("churned_at", "datetime", required=False, nullable=True),
    ),
    key=("customer_id",),
)

SCHEMAS: dict[str, TableSchema] = {s.name: s for s in (CONVERSATIONS, TURNS, CUSTOMERS)}


def _schema(table: str | TableSchema) -> TableSchema:
    if isinstance(table, TableSchema):
        return table
    try:
        return SCHEMAS[table]
    except KeyError:
        raise param_error("validate", "table", SCHEMAS, table) from None


def _is_blank(s: pd.Series) -> np.ndarray:
    """Missing values and strings that are empty after stripping."""
    blank = s.isna().to_numpy().copy()
    if s.dtype == object or pd.api.types.is_string_dtype(s.dtype):
        try:  # non-strings in an object column come back missing: not blank
            empty = s.str.strip().eq("").to_numpy(dtype=bool, na_value=False)
        except AttributeError:  # an object column without any string
            empty = np.zeros(len(s), bool)
        blank |= empty
    return blank


def _short(value: object, limit: int = 40) -> str:
    """repr of an offending value, truncated and with personal data masked."""
    from cxtext.text.pii import mask_pii  # deferred: pii loads resources on first use

    text = mask_pii(value if isinstance(value, str) else repr(value))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return repr(text)


def _to_str(s: pd.Series) -> pd.Series:
    def conv(v: object) -> object:
        if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA:
            return None
        if isinstance(v, float) and v.is_integer():
            return str(int(v))  # ids read as floats (1001.0) must stay "1001"
        if isinstance(v, (bytes, bytearray)):
            return bytes(v).decode("utf-8", errors="replace")
        return str(v)

    # every value a str already (Parquet, CSV): nothing to convert
    if s.dtype == object and pd.api.types.infer_dtype(s, skipna=False) == "string":
        return s.astype(object)  # a new Series (copy-on-write: the input stays as it was)
    if isinstance(s.dtype, pd.StringDtype) and not s.isna().any():
        # Arrow strings: each distinct value becomes one str object (ids, speakers and
        # scripted texts repeat), shared by its repeats
        codes, uniques = pd.factorize(s)
        return pd.Series(np.asarray(uniques, dtype=object)[codes], index=s.index, dtype=object)
    return pd.Series([conv(v) for v in s.astype(object)], index=s.index, dtype=object)


def _parse(col: Column, raw: pd.Series,
           blank: np.ndarray | None = None) -> tuple[pd.Series, np.ndarray]:
    """Parse one column; return the parsed values and a mask of unparsable values
    (``blank``: :func:`_is_blank` of ``raw`` when already known)."""
    if blank is None:
        blank = _is_blank(raw)
    if col.dtype == "str":
        parsed = _to_str(raw)
        if col.aliases:
            # few distinct values (speakers, tiers): map each once
            codes, uniques = pd.factorize(parsed, use_na_sentinel=True)
            values = pd.Series(uniques, dtype=object)
            key = values.str.strip().str.lower()
            mapped = key.map(col.aliases)
            mapped = mapped.where(mapped.notna(), values.str.strip()).to_numpy(dtype=object)
            parsed = pd.Series(
                np.where(codes >= 0, mapped[np.maximum(codes, 0)] if len(mapped) else None,
                         None),
                index=parsed.index, dtype=object)
        bad = np.zeros(len(raw), bool)
        if col.allowed:
            bad = ~blank & ~parsed.isin(col.allowed).to_numpy()
        parsed = parsed.where(~blank, None)
        return parsed.astype(object), bad
    if col.dtype in ("int", "float"):
        if pd.api.types.is_numeric_dtype(raw.dtype) and not pd.api.types.is_bool_dtype(
            raw.dtype
        ):  # typed already (Parquet, DuckDB): no text to clean
            num = raw.astype(float)
        else:
            text = raw.astype(object).map(
                lambda v: v.strip().replace(",", "") if isinstance(v, str) else v
            )
            num = pd.to_numeric(text.where(~blank, np.nan), errors="coerce").astype(float)
        bad = ~blank & num.isna().to_numpy()
        unit = _UNIT_PARSERS.get(col.name)
        if unit is not None and bad.any():  # 00:03:20, 3分20秒, ¥12,000, 50万: retry those rows
            num = num.copy()
            num[bad] = raw[bad].map(unit).astype(float)
            bad = ~blank & num.isna().to_numpy()
        if col.dtype == "int":
            frac = num.notna().to_numpy() & (num.fillna(0) % 1 != 0).to_numpy()
            bad |= frac
            parsed = num.where(~bad).round().astype("Int64")
        else:
            parsed = num
        if col.min_value is not None:
            bad |= (num < col.min_value).fillna(False).to_numpy()
        return parsed, bad
    if col.dtype == "bool":
        def conv(v: object) -> object:
            if isinstance(v, (bool, np.bool_)):
                return bool(v)
            if isinstance(v, (int, float, np.integer, np.floating)) and v in (0, 1):
                return bool(v)
            t = str(v).strip().lower()
            return True if t in _TRUE else False if t in _FALSE else None

        parsed = raw.astype(object).map(conv).where(~blank, None)
        bad = ~blank & parsed.isna().to_numpy()
        return parsed.astype("boolean"), bad
    # datetime
    vals = raw.astype(object).where(~blank, None)
    parsed = pd.to_datetime(vals, errors="coerce", format="mixed")
    if getattr(parsed.dt, "tz", None) is not None:
        parsed = parsed.dt.tz_convert("Asia/Shanghai").dt.tz_localize(None)
    parsed = parsed.astype("datetime64[ns]")
    bad = ~blank & parsed.isna().to_numpy()
    if bad.any():  # 2025年9月1日 10时30分, 2025年09月01日 下午3点: Chinese exports' own format
        retry = vals[bad].map(_western_date)
        again = pd.to_datetime(retry, errors="coerce", format="mixed").astype("datetime64[ns]")
        parsed[bad] = again
        bad = ~blank & parsed.isna().to_numpy()
    return parsed, bad


_CLOCK = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)")
_SPOKEN = re.compile(
    r"(?:(\d+(?:\.\d+)?)\s*(?:小时|时))?\s*(?:(\d+(?:\.\d+)?)\s*分(?:钟)?)?\s*"
    r"(?:(\d+(?:\.\d+)?)\s*秒(?:钟)?)?")


def _seconds(value: object) -> float:
    """Seconds of ``00:03:20``, ``3:20``, ``1小时2分3秒``, ``3分20秒``, ``200秒``; NaN if none."""
    if not isinstance(value, str):
        return np.nan
    text = unicodedata.normalize("NFKC", value).strip()
    clock = _CLOCK.fullmatch(text)
    if clock:
        h, m, sec = clock.groups()
        if float(sec) >= 60 or (h is not None and int(m) >= 60):
            return np.nan
        return int(h or 0) * 3600 + int(m) * 60 + float(sec)
    spoken = _SPOKEN.fullmatch(text)
    if spoken and any(spoken.groups()):
        h, m, sec = (float(g) if g else 0.0 for g in spoken.groups())
        return h * 3600 + m * 60 + sec
    return np.nan


_MONEY = re.compile(r"(?:¥|RMB|CNY)?\s*(\d+(?:\.\d+)?)\s*(万|亿)?\s*(?:元|RMB|CNY)?", re.I)


def _yuan(value: object) -> float:
    """Yuan of ``¥12,000``, ``12000元``, ``50万``, ``1.2亿``, ``50万元``; NaN if none."""
    if not isinstance(value, str):
        return np.nan
    text = unicodedata.normalize("NFKC", value).replace(",", "").replace(" ", "").strip()
    money = _MONEY.fullmatch(text)
    if money is None:
        return np.nan
    return float(money.group(1)) * {"万": 1e4, "亿": 1e8}.get(money.group(2) or "", 1.0)


#: Columns whose values exports write with units; retried where plain numbers fail.
_UNIT_PARSERS = {"duration_s": _seconds, "start_s": _seconds, "end_s": _seconds,
                 "avg_daily_assets": _yuan}

_ZH_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?")
_ZH_TIME = re.compile(
    r"(上午|早上|中午|下午|晚上)?\s*(\d{1,2})\s*[时点:：]\s*(?:(\d{1,2})\s*[分:：]?)?\s*"
    r"(?:(\d{1,2})\s*秒?)?\s*$"
)


def _western_date(value: object) -> object:
    """``2025年9月1日 下午3点20分`` -> ``2025-9-1 15:20:00``; anything else unchanged."""
    if not isinstance(value, str) or not re.search("[年月日号时点分秒午晚]", value):
        return value
    text = unicodedata.normalize("NFKC", value).strip()
    date = _ZH_DATE.match(text)
    if date is None:
        return value
    out = f"{date.group(1)}-{date.group(2)}-{date.group(3)}"
    rest = text[date.end():].strip()
    if rest:
        clock = _ZH_TIME.match(rest)
        if clock is None:
            return value
        noon, hour, minute, second = clock.groups()
        h = int(hour)
        if noon in ("下午", "晚上") and h < 12:
            h += 12
        out += f" {h}:{int(minute or 0):02d}:{int(second or 0):02d}"
    return out


def _row_numbers(df: pd.DataFrame, rows: Sequence[int] | np.ndarray | None) -> np.ndarray:
    if rows is not None:
        arr = np.asarray(rows, dtype=np.int64)
        if len(arr) != len(df):
            raise ValueError(f"rows has {len(arr)} entries for {len(df)} rows")
        return arr
    return np.arange(1, len(df) + 1, dtype=np.int64)


def _missing(v: object) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and np.isnan(v))


def _records(df: pd.DataFrame, positions: np.ndarray) -> list[str]:
    out = []
    for rec in df.iloc[positions].astype(object).to_dict("records"):
        clean = {k: (None if _missing(v) else str(v)) for k, v in rec.items()}
        out.append(json.dumps(clean, ensure_ascii=False))
    return out


def near_column(name: str, columns: Sequence[str]) -> str:
    """' ('x' looks like 'name' ...)' when one of ``columns`` looks like the missing column
    ``name`` misspelt (a column_map or rename target such as 'conversation' or 'speeker'),
    else ''."""
    import difflib

    known = {c for s in SCHEMAS.values() for c in s.names}
    unknown = [c for c in columns if c not in known]
    close = difflib.get_close_matches(name, unknown, n=1, cutoff=0.75)
    if not close and name.endswith("_id"):  # 'conversation' for 'conversation_id'
        stem = name[:-3].replace("_", "")
        close = [c for c in unknown if c.strip().lower().replace("_", "") == stem][:1]
    return f" ({close[0]!r} looks like {name!r}: name it {name!r} exactly)" if close else ""


def check(
    df: pd.DataFrame,
    table: str | TableSchema,
    *,
    source: str = "<DataFrame>",
    rows: Sequence[int] | np.ndarray | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Validate and coerce ``df``; return ``(kept, rejects, problems)``.

    Lower-level than :func:`validate`: never raises for row-level problems.
    File-level problems (missing required columns) raise :class:`SchemaError`
    at once, since no row can be kept without them.
    """
    schema = _schema(table)
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{schema.name} must be a pandas DataFrame, got {type(df).__name__}")
    row_no = _row_numbers(df, rows)
    df = df.reset_index(drop=True)
    missing = [c for c in schema.required if c not in df.columns]
    if schema.name == "turns" and "turn" in missing:
        missing.remove("turn")  # derived below from row order
    if missing:
        problems = pd.DataFrame(
            {
                "source": source,
                "row": pd.array([pd.NA] * len(missing), dtype="Int64"),
                "column": missing,
                "expected": "a column with this name (map yours with column_map=...)",
                "got": [f"columns {list(map(str, df.columns))}"
                        f"{near_column(c, list(map(str, df.columns)))}" for c in missing],
            }
        )
        raise SchemaError.from_problems(schema.name, problems)

    out = df.copy()
    if schema.name == "turns" and "turn" not in out.columns:
        out["turn"] = out.groupby(
            _to_str(out["conversation_id"]), sort=False, dropna=False
        ).cumcount()
    bad_frames = []
    for col in schema.columns:
        if col.name not in out.columns:
            out[col.name] = pd.Series([None] * len(out), dtype=object)
        raw = out[col.name]
        blank = _is_blank(raw)
        parsed, bad = _parse(col, raw, blank)
        missing_mask = np.zeros(len(out), bool) if col.nullable else blank
        for mask, expected in ((bad, col.expected), (missing_mask, col.expected)):
            if mask.any():
                idx = np.flatnonzero(mask)
                got = ["missing" if _is_blank(raw.iloc[[i]])[0] else _short(raw.iloc[i])
                       for i in idx]
                bad_frames.append(pd.DataFrame({
                    "pos": idx, "column": col.name, "expected": expected, "got": got,
                }))
        out[col.name] = parsed

    if schema.name == "turns":
        back = (out["end_s"] < out["start_s"]).fillna(False).to_numpy(bool)
        if back.any():
            idx = np.flatnonzero(back)
            bad_frames.append(pd.DataFrame({
                "pos": idx, "column": "end_s", "expected": "end_s >= start_s",
                "got": [f"{out['end_s'].iloc[i]:g} < {out['start_s'].iloc[i]:g}" for i in idx],
            }))
    if schema.name == "customers":
        derive = out["tier"].isna() & out["avg_daily_assets"].notna()
        out.loc[derive, "tier"] = out.loc[derive, "avg_daily_assets"].map(labels.tier_from_assets)

    key_ok = out[list(schema.key)].notna().all(axis=1)
    dup = out.duplicated(list(schema.key), keep="first").to_numpy() & key_ok.to_numpy()
    if dup.any():
        idx = np.flatnonzero(dup)
        first = {}
        for i, k in enumerate(map(tuple, out[list(schema.key)].astype(object).to_numpy())):
            first.setdefault(k, i)
        keys = [tuple(out[list(schema.key)].astype(object).iloc[i]) for i in idx]
        bad_frames.append(pd.DataFrame({
            "pos": idx, "column": ", ".join(schema.key),
            "expected": "a unique " + " + ".join(schema.key),
            "got": [f"duplicate of row {row_no[first[k]]}" for k in keys],
        }))

    if bad_frames:
        bad = pd.concat(bad_frames, ignore_index=True).sort_values(["pos", "column"], kind="stable")
        problems = pd.DataFrame({
            "source": source,
            "row": pd.array(row_no[bad["pos"].to_numpy()], dtype="Int64"),
            "column": bad["column"].to_numpy(),
            "expected": bad["expected"].to_numpy(),
            "got": bad["got"].to_numpy(),
        })
        bad_pos = np.unique(bad["pos"].to_numpy())
        reasons = (
            bad.assign(msg=bad["column"] + ": expected " + bad["expected"] + ", got " + bad["got"])
            .groupby("pos", sort=True)["msg"].agg("; ".join)
        )
        rejects = pd.DataFrame({
            "source": source,
            "row": row_no[bad_pos],
            "reason": reasons.loc[bad_pos].to_numpy(),
            "record": _records(df, bad_pos),
        })
    else:
        problems = pd.DataFrame(columns=list(PROBLEM_COLUMNS))
        rejects = empty_rejects()
        bad_pos = np.array([], dtype=np.int64)

    keep = np.ones(len(out), bool)
    keep[bad_pos] = False
    extra = [c for c in out.columns if c not in schema.names]
    kept = out.loc[keep, schema.names + extra].reset_index(drop=True)
    return kept, rejects, problems


def empty_rejects() -> pd.DataFrame:
    """An empty rejects table with the canonical columns."""
    return pd.DataFrame({
        "source": pd.Series(dtype=object), "row": pd.Series(dtype="int64"),
        "reason": pd.Series(dtype=object), "record": pd.Series(dtype=object),
    })


@overload
def validate(
    df: pd.DataFrame, table: str | TableSchema, *, source: str = ...,
    rows: Sequence[int] | np.ndarray | None = ..., return_rejects: Literal[False] = ...,
) -> pd.DataFrame: ...
@overload
def validate(
    df: pd.DataFrame, table: str | TableSchema, *, source: str = ...,
    rows: Sequence[int] | np.ndarray | None = ..., return_rejects: Literal[True],
) -> tuple[pd.DataFrame, pd.DataFrame]: ...
def validate(
    df: pd.DataFrame,
    table: str | TableSchema,
    *,
    source: str = "<DataFrame>",
    rows: Sequence[int] | np.ndarray | None = None,
    return_rejects: bool = False,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Check ``df`` against a canonical table and return it with canonical types.

    Parameters
    ----------
    df : DataFrame
        The table to check. Extra columns are kept after the canonical ones.
        Not modified.
    table : {"conversations", "turns", "customers"}
        Which canonical table ``df`` should be.
    source : str
        Where the data came from, used in messages (a file name).
    rows : sequence of int, optional
        The row number of each row in ``source`` (defaults to 1..n).
    return_rejects : bool, default False
        When False, any bad row raises one :class:`SchemaError` listing every
        problem. When True, return ``(kept, rejects)`` instead, where ``rejects``
        has one row per rejected input row (``source, row, reason, record``), so
        that ``len(df) == len(kept) + len(rejects)`` always.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"conversation_id": ["c1", "c1"], "speaker": ["客服", "客户"],
    ...                   "text": ["您好", "我的卡被冻结了"]})
    >>> validate(t, "turns")[["turn", "speaker"]].to_dict("list")
    {'turn': [0, 1], 'speaker': ['agent', 'customer']}
    """
    schema = _schema(table)
    kept, rejects, problems = check(df, schema, source=source, rows=rows)
    if return_rejects:
        return kept, rejects
    if len(problems):
        raise SchemaError.from_problems(schema.name, problems)
    return kept


def empty_table(table: str | TableSchema) -> pd.DataFrame:
    """An empty DataFrame with the canonical columns and types of ``table``.

    Examples
    --------
    >>> t = empty_table("turns")
    >>> list(t.columns[:4]), len(t)
    (['conversation_id', 'turn', 'speaker', 'text'], 0)
    """
    schema = _schema(table)
    kinds = {"str": object, "int": "Int64", "float": float, "datetime": "datetime64[ns]",
             "bool": "boolean"}
    return pd.DataFrame({c.name: pd.Series(dtype=kinds[c.dtype]) for c in schema.columns})

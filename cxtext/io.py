"""Readers: files in many shapes into the canonical tables (DESIGN.md).

Every reader returns a validated canonical table (:mod:`cxtext.schema`) or, with
``return_rejects=True``, ``(kept, rejects)``. Nothing is dropped silently: a
row that cannot be kept — wrong type, empty text, unknown speaker, duplicate
key, malformed CSV line, bytes that do not decode — is either listed in the one
:class:`~cxtext.errors.SchemaError` raised, or returned in ``rejects`` with the
file name, row number and a reason naming the column. Files that cannot be
read at all raise :class:`~cxtext.errors.ReadError`.

Row numbers are what a person sees: for CSV and Excel files with a header the
header is row 1 and the first data row is row 2; for JSON lines, headerless
text (JDDC) and raw transcripts the line number; for JSON arrays the 1-based
element index. A record spanning several lines (a quoted newline) is numbered
by its first line.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import io as _io
import json
import os
import re
import unicodedata
import zipfile
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, overload

import numpy as np
import pandas as pd

from cxtext import _encoding, _transcript, schema
from cxtext.errors import (
    MissingDependencyError,
    ReadError,
    SchemaError,
    param_error,
)
from cxtext.schema import _short

__all__ = [
    "HEADER_ALIASES",
    "SUPPORTED_EXTENSIONS",
    "Corpus",
    "conversations_from_turns",
    "detect_encoding",
    "parse_transcript",
    "read_conversations",
    "read_corpus",
    "read_customers",
    "read_turns",
]

PathLike = str | os.PathLike[str]
TurnsLayout = Literal["auto", "table", "complaints", "jddc", "transcripts", "dialogues"]
TranscriptLayout = Literal["auto", "lines", "jddc", "json"]

#: File extensions the readers understand.
SUPPORTED_EXTENSIONS: tuple[str, ...] = (
    ".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".jsonl", ".ndjson", ".json", ".parquet",
)
_TEXT_EXT = (".csv", ".tsv", ".txt")
_JSON_EXT = (".json", ".jsonl", ".ndjson")
_EXCEL_EXT = (".xlsx", ".xlsm", ".xls")
TURN_LAYOUTS: tuple[str, ...] = ("auto", "table", "complaints", "jddc", "transcripts", "dialogues")
TRANSCRIPT_LAYOUTS: tuple[str, ...] = ("auto", "lines", "jddc", "json")

#: Conversation-level columns that a turns file may carry (one value per conversation).
CONVERSATION_LEVEL: tuple[str, ...] = (
    "customer_id", "started_at", "channel", "agent_id", "duration_s", "resolved",
)
_SESSION_FLAGS = ("is_repeat", "is_transfer")

#: Built-in header aliases (canonical column -> spellings), used when no column_map is given.
#: Matching ignores case, spaces, underscores, hyphens and full/half width.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "conversation_id": (
        "会话编号", "会话ID", "会话号", "工单号", "工单编号", "投诉编号", "投诉单号", "通话编号",
        "通话ID", "录音编号", "对话ID", "对话编号", "session_id", "session", "dialog_id",
        "dialogue_id", "call_id", "ticket_id", "conv_id",
    ),
    "customer_id": (
        "客户号", "客户编号", "客户ID", "客户代码", "用户ID", "用户编号", "顾客ID", "user_id",
        "cust_id", "client_id",
    ),
    "speaker": ("角色", "发言人", "说话人", "发言方", "说话方", "发送方", "role", "sender",
                "from", "waiter_send"),
    "text": (
        "内容", "文本", "对话内容", "投诉内容", "投诉描述", "问题描述", "诉求内容", "留言内容",
        "文本内容", "消息内容", "content", "utterance", "message", "msg",
    ),
    "turn": ("轮次", "发言顺序", "turn_id", "turn_index", "turn_no"),
    "start_s": ("开始秒", "起始秒", "start", "begin"),
    "end_s": ("结束秒", "end"),
    "started_at": (
        "时间", "投诉时间", "来电时间", "开始时间", "通话时间", "会话时间", "受理时间", "日期",
        "start_time", "timestamp", "created_at", "date", "time",
    ),
    "channel": ("渠道", "来源渠道", "投诉渠道", "接入渠道"),
    "agent_id": ("坐席工号", "工号", "坐席ID", "客服工号", "坐席编号", "客服ID", "staff_id",
                 "waiter_id"),
    "duration_s": ("通话时长", "时长", "时长(秒)", "通话时长(秒)", "duration", "duration_sec"),
    "resolved": ("是否解决", "解决状态", "is_resolved"),
    "avg_daily_assets": ("年日均金融资产", "日均资产", "年日均资产", "日均金融资产", "aum",
                         "avg_assets"),
    "tier": ("客户等级", "等级", "客户层级", "level"),
    "tenure_months": ("客龄", "客龄(月)", "开户月数", "在行月数", "tenure"),
    "products": ("持有产品", "产品", "products_held"),
    "churned": ("是否流失", "流失", "流失标签", "churn", "is_churned"),
    "churned_at": ("流失时间", "流失日期", "销户时间", "销户日期"),
    "transcript": ("对话记录", "通话记录", "聊天记录", "转写内容", "转写文本", "录音转写",
                   "通话文本", "全文"),
    "is_repeat": ("是否重复咨询", "重复咨询", "重复来电"),
    "is_transfer": ("是否转出", "转出"),
    "agent_name": ("坐席姓名", "客服姓名"),
    "team": ("班组", "组别", "团队"),
}

# Speaker spellings the readers accept on top of schema.SPEAKER_ALIASES.
# (Traditional spellings too: files from Hong Kong/Taiwan branches are read before
# any normalisation.)
_EXTRA_SPEAKERS: dict[str, str] = {
    "assistant": "agent", "human": "customer", "gpt": "agent", "客服人员": "agent",
    "客服代表": "agent", "来电客户": "customer", "客戶": "customer", "用戶": "customer",
    "顧客": "customer", "來電人": "customer", "客服人員": "agent", "機器人": "system",
    "系統": "system",
}

# Keys of JSON dialogue records.
_CONV_ID_KEYS = ("conversation_id", "id", "session_id", "dialog_id", "dialogue_id", "call_id",
                 "conv_id")
_TURN_LIST_KEYS = ("turns", "messages", "dialogue", "dialog", "utterances", "segments")
_SPEAKER_KEYS = ("speaker", "role", "from", "spk", "speaker_id", "sender")
_TEXT_KEYS = ("text", "content", "utterance", "value", "message", "sentence")
_START_KEYS = ("start_s", "start", "begin", "start_time")
_END_KEYS = ("end_s", "end", "end_time")
_ID_COLUMNS = ("id", "编号", "序号", "单号")

_AGENTS = schema.TableSchema("agents", (schema.Column("agent_id", "str"),), key=("agent_id",))
_LINE = "<line>"  # the column named by problems that concern a whole line
_TITLE_LOOKAHEAD = 6  # rows searched for the header below title lines


def _norm(name: object) -> str:
    """Header key for matching: NFKC, lower case, no spaces/underscores/hyphens."""
    text = unicodedata.normalize("NFKC", str(name)).strip().lower()
    return re.sub(r"[\s_\-]+", "", text)


_CANONICAL: dict[str, str] = {
    _norm(c): c
    for c in [*{n for s in schema.SCHEMAS.values() for n in s.names}, *HEADER_ALIASES, "sku"]
}
_ALIASES: dict[str, str] = {
    _norm(alias): canon for canon, spellings in HEADER_ALIASES.items() for alias in spellings
}


_CJK = re.compile("[\u4e00-\u9fff]")


@functools.lru_cache(maxsize=4096)
def _header_key(name: object) -> str:
    """:func:`_norm`, and for a header no name or alias matches, its Simplified form:
    traditional-Chinese exports (會話ID, 內容, 來電時間) find the same aliases."""
    key = _norm(name)
    if key in _CANONICAL or key in _ALIASES or key.isascii() or not _CJK.search(key):
        return key
    from cxtext.text.normalize import _t2s

    return _norm(_t2s(key))


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class _Problem:
    """A problem with an input row that never became a table row (e.g. a malformed line)."""

    row: int
    column: str
    expected: str
    got: str
    record: str


@dataclass
class _Frame:
    """Raw values of one source, before validation.

    ``df`` holds object columns (text for text files); ``rows`` the row number
    of each; ``dropped`` the problems of input rows that are not in ``df``;
    ``decoded_as`` the encoding when the values were decoded from bytes (then
    they may hold undecodable bytes as lone surrogates). ``other_sheets``: the
    workbook's sheets not read (named when a column is missing).
    """

    source: str
    df: pd.DataFrame
    rows: np.ndarray
    dropped: list[_Problem] = field(default_factory=list)
    decoded_as: str | None = None
    other_sheets: tuple[str, ...] = ()


def _object_frame(columns: Sequence[str], values: Mapping[str, Sequence[Any]]) -> pd.DataFrame:
    """A DataFrame of object columns (no type guessing, no Arrow strings)."""
    data = {c: pd.Series(list(values[c]), dtype=object) for c in columns}
    if not data:
        return pd.DataFrame(index=pd.RangeIndex(0))
    return pd.DataFrame(data)


def _records_frame(records: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    columns: dict[str, None] = {}
    for rec in records:
        columns.update(dict.fromkeys(rec))
    return _object_frame(list(columns), {c: [r.get(c) for r in records] for c in columns})


def _json_record(values: Mapping[str, Any]) -> str:
    def clean(v: Any) -> Any:
        if v is None or v is pd.NA or (isinstance(v, float) and v != v):
            return None
        return v if isinstance(v, (str, bool, int, float)) else str(v)

    return json.dumps({str(k): clean(v) for k, v in values.items()}, ensure_ascii=False)


def _blank(value: Any) -> bool:
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float) and value != value:
        return True
    return isinstance(value, str) and not value.strip()


# --------------------------------------------------------------------------- parameters


def _check_choice(caller: str, name: str, value: object, allowed: Sequence[str]) -> None:
    if not isinstance(value, str) or value not in allowed:
        raise param_error(caller, name, allowed, value)


def _check_column_map(caller: str, column_map: object) -> dict[str, str] | None:
    if column_map is None:
        return None
    if not isinstance(column_map, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in column_map.items()
    ):
        raise ValueError(
            f"The 'column_map' parameter of {caller} must be a dict of file column -> "
            f"canonical column such as {{'内容': 'text'}}. Got {column_map!r} instead."
        )
    return dict(column_map)


def _canonical_speaker(value: object) -> str | None:
    key = str(value).strip().lower()
    return schema.SPEAKER_ALIASES.get(key) or _EXTRA_SPEAKERS.get(key)


def _check_speaker_map(caller: str, speaker_map: object) -> dict[str, str] | None:
    """Validate ``speaker_map``; return it with canonical values (e.g. 坐席 -> agent)."""
    if speaker_map is None:
        return None
    if not isinstance(speaker_map, Mapping):
        raise ValueError(
            f"The 'speaker_map' parameter of {caller} must be a dict of speaker label -> "
            f"role such as {{'张经理': 'agent'}}. Got {speaker_map!r} instead."
        )
    out = {}
    for key, value in speaker_map.items():
        canon = _canonical_speaker(value)
        if canon is None:
            raise param_error(caller, "speaker_map", schema.TURNS["speaker"].allowed or (), value)
        out[str(key).strip()] = canon
    return out


def _check_encoding(caller: str, encoding: object) -> str | None:
    if encoding is None:
        return None
    try:
        if not isinstance(encoding, str):
            raise ValueError
        return _encoding.normalize_name(encoding)
    except ValueError:
        raise ValueError(
            f"The 'encoding' parameter of {caller} must be None (detect) or a text encoding "
            f"Python knows, such as 'utf-8' or 'gb18030'. Got {encoding!r} instead."
        ) from None


def _check_sheet(caller: str, sheet_name: object) -> None:
    if isinstance(sheet_name, bool) or not isinstance(sheet_name, (str, int)):
        raise ValueError(
            f"The 'sheet_name' parameter of {caller} must be a sheet name (str) or a 0-based "
            f"sheet index (int). Got {sheet_name!r} instead."
        )


# --------------------------------------------------------------------------- paths


def _existing(path: object, caller: str) -> Path:
    if not isinstance(path, (str, os.PathLike)):
        raise ValueError(
            f"The 'path' parameter of {caller} must be a str or os.PathLike. "
            f"Got {type(path).__name__} instead."
        )
    p = Path(path)
    if not p.exists():
        raise ReadError(f"{caller}: no such file or folder: '{p}'")
    return p


def _extension(path: Path, caller: str) -> str:
    ext = path.suffix.lower()
    if ext not in SUPPORTED_EXTENSIONS:
        raise ReadError(
            f"{caller}: cannot read '{path.name}': unknown file type {ext or '(no extension)'!r}. "
            f"Supported: {', '.join(SUPPORTED_EXTENSIONS)}."
        )
    return ext


def _read_bytes(path: Path, caller: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ReadError(f"{caller}: cannot read '{path}': {exc.strerror or exc}") from exc


def _decode(path: Path, encoding: str | None, caller: str) -> _encoding.Decoded:
    return _encoding.decode(_read_bytes(path, caller), encoding)


def _folder_files(folder: Path) -> list[Path]:
    files = [
        p for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix.lower() in SUPPORTED_EXTENSIONS
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and not p.name.startswith("~$")
    ]
    return files


# --------------------------------------------------------------------------- delimited text


def _sniff_delimiter(first_line: str, ext: str) -> str:
    counts = {d: first_line.count(d) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] == 0:
        return "," if ext == ".csv" else "\t"
    default = "\t" if ext in (".tsv", ".txt") else ","
    return default if counts[default] == counts[best] else best


def _header_names(fields: Sequence[str]) -> list[str]:
    names: list[str] = []
    for i, f in enumerate(fields):
        name = _encoding.split_undecodable(f)[0].strip().lstrip("\ufeff") or f"Unnamed: {i}"
        base, k = name, 1
        while name in names:
            name, k = f"{base}.{k}", k + 1
        names.append(name)
    return names


def _known_column(name: str, known: Collection[str] = ()) -> bool:
    """Whether a header cell names a canonical column, an alias or a ``column_map`` key."""
    key = _header_key(name)
    return key in _CANONICAL or key in _ALIASES or name.strip() in known


def _title_rows(rows: Sequence[Sequence[str | None]], known: Collection[str] = ()) -> int:
    """How many leading rows are a title above the header line (报表标题, 导出时间…).

    Bank exports often put a title in row 1 (one cell, or one merged cell whose value
    repeats across the row; sometimes 报表名称 | 2025年10月) and the column names below.
    The header is the first row, within the first few, that names a column (canonical,
    alias or ``column_map`` key); the rows above it are skipped as titles when it names
    two or more columns, or when it holds two or more values and every row above holds
    one. Otherwise nothing is skipped.
    """
    one_value_above = True
    for i, cells in enumerate(rows[:_TITLE_LOOKAHEAD]):
        values = {c.strip() for c in cells if isinstance(c, str) and c.strip()}
        named = sum(_known_column(v, known) for v in values)
        if named:
            if i and (named >= 2 or (len(values) >= 2 and one_value_above)):
                return i
            return 0
        one_value_above = one_value_above and len(values) == 1
    return 0


def _parse_delimited(
    text: str, source: str, ext: str, decoded_as: str | None, known: Collection[str] = ()
) -> _Frame:
    """CSV/TSV text with a header into a frame of strings; bad lines become problems.

    Title lines above the header (:func:`_title_rows`) are skipped.
    """
    physical = _io.StringIO(text, newline="").readlines()
    first = next((ln for ln in physical if ln.strip()), "")
    delimiter = _sniff_delimiter(first, ext)
    old_limit = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)
    try:
        records = list(_csv_records(physical, delimiter))
    finally:
        csv.field_size_limit(old_limit)

    leading: list[list[str]] = []
    for _, _, fields, error in records:
        if error is not None or len(leading) == _TITLE_LOOKAHEAD:
            break
        if any(f.strip() for f in fields):
            leading.append(fields)
    titles = _title_rows(leading, known)

    header: list[str] | None = None
    values: list[list[str | None]] = []
    rows: list[int] = []
    dropped: list[_Problem] = []
    for start, end, fields, error in records:
        if error is None and all(not f.strip() for f in fields):
            continue  # blank line (or ",,,," as Excel writes for an empty row)
        if titles:
            titles -= 1
            continue  # a title line above the header
        if header is None:
            if error is not None:
                raise ReadError(f"cannot read the header line of '{source}': {error}")
            header = _header_names(fields)
            expected = f"{len(header)} fields separated by {delimiter!r} ({', '.join(header)})"
            continue
        if error is not None:
            dropped.append(_line_problem(start, expected, f"unreadable CSV record ({error})",
                                         physical[start - 1 : end]))
            continue
        # an opening quote that never closes runs to the end of the file
        unclosed = (end > start and end == len(physical)
                    and "".join(physical[start - 1 : end]).count('"') % 2 == 1)
        if len(fields) == len(header) and not unclosed:
            rows.append(start)
            values.append([f if f.strip() else None for f in fields])
            continue
        if end == start:
            dropped.append(_line_problem(start, expected, f"{len(fields)} field(s)",
                                         physical[start - 1 : end]))
            continue
        # A record over several lines that is malformed, or whose quote never closes
        # (it swallowed the lines after it): read each line again on its own, so that
        # only the broken line is lost.
        for line_no in range(start, end + 1):
            line = physical[line_no - 1]
            if not line.strip():
                continue
            parts = next(csv.reader([line], delimiter=delimiter, strict=False), [])
            if line.count('"') % 2 == 1:
                dropped.append(_line_problem(line_no, expected, "a quote that never closes",
                                             [line]))
            elif len(parts) == len(header):
                rows.append(line_no)
                values.append([p if p.strip() else None for p in parts])
            else:
                dropped.append(_line_problem(line_no, expected, f"{len(parts)} field(s)",
                                             [line]))
    if header is None:
        raise ReadError(f"'{source}' is empty: expected a header line with column names")
    df = _object_frame(header, {c: [v[i] for v in values] for i, c in enumerate(header)})
    return _Frame(source, df, np.asarray(rows, dtype=np.int64), dropped, decoded_as)


def _line_problem(row: int, expected: str, got: str, lines: Sequence[str]) -> _Problem:
    raw = _encoding.split_undecodable("".join(lines).rstrip("\r\n"))[0]
    return _Problem(row, _LINE, expected, got, json.dumps({"line": raw}, ensure_ascii=False))


def _csv_records(
    physical: list[str], delimiter: str
) -> Iterable[tuple[int, int, list[str], str | None]]:
    """Yield ``(first_line, last_line, fields, error)`` for each CSV record."""
    reader = csv.reader(iter(physical), delimiter=delimiter, strict=False)
    done = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield done + 1, reader.line_num, [], str(exc)
            done = reader.line_num
            continue
        yield done + 1, reader.line_num, fields, None
        done = reader.line_num


# --------------------------------------------------------------------------- excel, parquet


def _cell_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _read_excel(
    path: Path, sheet_name: str | int, source: str, caller: str, known: Collection[str] = ()
) -> _Frame:
    data = _read_bytes(path, caller)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReadError(
            f"{caller}: '{path.name}' is an old binary Excel (.xls) workbook, which openpyxl "
            "cannot read. Save it as .xlsx or CSV and read that."
        )
    if not data.startswith(b"PK"):  # an ".xls" that is really text (a common bank export)
        decoded = _encoding.decode(data)
        return _parse_delimited(decoded.text, source, ".tsv", decoded.encoding, known)
    try:
        import openpyxl
    except ImportError:
        raise MissingDependencyError(caller, "openpyxl", "excel") from None
    try:
        wb = openpyxl.load_workbook(_io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException ...
        raise ReadError(f"{caller}: cannot read '{path.name}' as an Excel workbook: {exc}") from exc
    try:
        names = wb.sheetnames
        if isinstance(sheet_name, int):
            if not 0 <= sheet_name < len(names):
                raise param_error(caller, "sheet_name", [*names, *range(len(names))], sheet_name)
            ws = wb[names[sheet_name]]
        elif sheet_name in names:
            ws = wb[sheet_name]
        else:
            raise param_error(caller, "sheet_name", [*names, *range(len(names))], sheet_name)
        raw: list[tuple[int, list[str | None]]] = []
        for row_no, row in enumerate(ws.iter_rows(min_row=1, values_only=True), start=1):
            cells = [_cell_text(v) for v in row]
            if any(c is not None for c in cells):
                raw.append((row_no, cells))
        merges = _merged_ranges(data, getattr(ws, "_worksheet_path", None))
    finally:
        wb.close()
    if merges:
        _fill_merged(raw, merges)
    if not raw:
        raise ReadError(f"{caller}: sheet {sheet_name!r} of '{path.name}' is empty")
    raw = raw[_title_rows([cells for _, cells in raw], known):]
    width = max(len(cells) for _, cells in raw)
    header = _header_names([c or "" for c in raw[0][1]] + [""] * (width - len(raw[0][1])))
    values = [(cells + [None] * width)[:width] for _, cells in raw[1:]]
    rows = [r for r, _ in raw[1:]]
    df = _object_frame(header, {c: [v[i] for v in values] for i, c in enumerate(header)})
    unnamed = [c for c in df.columns if c.startswith("Unnamed: ") and df[c].isna().all()]
    others = tuple(n for n in names if n != ws.title)
    return _Frame(source, df.drop(columns=unnamed), np.asarray(rows, dtype=np.int64),
                  other_sheets=others)


_MERGE_REF_RE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]+[0-9]+:[A-Z]+[0-9]+)\"")


def _merged_ranges(data: bytes, sheet_path: str | None) -> list[tuple[int, int, int, int]]:
    """Merged ranges of one sheet as ``(min_col, min_row, max_col, max_row)``, 1-based.

    openpyxl's read-only worksheets (used for speed and memory) do not expose
    ``merged_cells``, so the ``<mergeCell ref="A2:A4"/>`` elements are read from the sheet's
    XML part directly.
    """
    if not sheet_path:
        return []
    from openpyxl.utils.cell import range_boundaries

    refs: list[bytes] = []
    try:
        with zipfile.ZipFile(_io.BytesIO(data)) as zf, zf.open(sheet_path.lstrip("/")) as fh:
            # streamed in chunks: a large sheet is never held twice in memory
            tail = b""
            while chunk := fh.read(1 << 20):
                buf = tail + chunk
                cut = buf.rfind(b"<")  # an element may straddle the chunk boundary
                cut = len(buf) if cut < 0 else cut
                refs += [m.group(1) for m in _MERGE_REF_RE.finditer(buf, 0, cut)]
                tail = buf[cut:]
            refs += [m.group(1) for m in _MERGE_REF_RE.finditer(tail)]
    except (KeyError, zipfile.BadZipFile):
        return []
    return [range_boundaries(r.decode()) for r in refs]


def _fill_merged(
    raw: list[tuple[int, list[str | None]]], merges: list[tuple[int, int, int, int]]
) -> None:
    """Give every cell inside a merged range the value of the range's top-left cell.

    Excel keeps a merged value only in the top-left cell; the others read as empty, so an
    id merged over several rows would leave all but the first row without it. Only cells
    inside a merge are filled, and only on rows that hold data (an otherwise empty row stays
    no record).
    """
    by_row = {row_no: cells for row_no, cells in raw}
    for min_col, min_row, max_col, max_row in merges:
        top = by_row.get(min_row)
        value = top[min_col - 1] if top is not None and len(top) >= min_col else None
        if value is None:
            continue
        for row_no in range(min_row, max_row + 1):
            cells = by_row.get(row_no)
            if cells is None:
                continue
            if len(cells) < max_col:
                cells.extend([None] * (max_col - len(cells)))
            for col in range(min_col, max_col + 1):
                if (row_no, col) != (min_row, min_col) and cells[col - 1] is None:
                    cells[col - 1] = value


def _dropped_rejects(frame: _Frame) -> pd.DataFrame:
    """Rejects (``source, row, reason, record``) of the input rows that never became table
    rows (``frame.dropped``: malformed lines and the like)."""
    return pd.DataFrame({
        "source": pd.Series([frame.source] * len(frame.dropped), dtype=object),
        "row": pd.Series([p.row for p in frame.dropped], dtype="int64"),
        "reason": pd.Series([f"{p.column}: expected {p.expected}, got {p.got}"
                             for p in frame.dropped], dtype=object),
        "record": pd.Series([p.record for p in frame.dropped], dtype=object),
    })


def _read_parquet(path: Path, source: str, caller: str) -> _Frame:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingDependencyError(caller, "pyarrow", "parquet") from None
    try:
        table = pq.read_table(path)
    except Exception as exc:  # pyarrow.ArrowInvalid and friends
        raise ReadError(f"{caller}: cannot read '{path.name}' as Parquet: {exc}") from exc
    df = table.to_pandas().astype(object)
    df = df.where(df.notna(), None).reset_index(drop=True)
    return _Frame(source, df, np.arange(1, len(df) + 1, dtype=np.int64))


# --------------------------------------------------------------------------- json


def _json_records(
    text: str, source: str, ext: str
) -> tuple[list[tuple[int, dict[str, Any]]], list[_Problem]]:
    """Records of a JSON/JSONL text with their row numbers, and the bad lines/elements."""
    records: list[tuple[int, dict[str, Any]]] = []
    problems: list[_Problem] = []
    stripped = text.strip()
    as_lines = ext in (".jsonl", ".ndjson")
    data: Any = None
    if not as_lines:
        try:
            data = json.loads(stripped) if stripped else []
        except json.JSONDecodeError as exc:
            if stripped.startswith("{") and "\n" in stripped:
                as_lines = True  # JSON lines saved as .json
            else:
                raise ReadError(
                    f"cannot read '{source}' as JSON: {exc.msg} at line {exc.lineno}, "
                    f"column {exc.colno}"
                ) from None
        except RecursionError:
            raise ReadError(
                f"cannot read '{source}' as JSON: nested deeper than the JSON parser allows"
            ) from None
    if as_lines:
        for line_no, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                msg = getattr(exc, "msg", "nested deeper than the JSON parser allows")
                problems.append(_Problem(line_no, _LINE, "a JSON object",
                                         f"invalid JSON: {msg}",
                                         json.dumps({"line": line}, ensure_ascii=False)))
                continue
            if isinstance(obj, dict):
                records.append((line_no, obj))
            else:
                problems.append(_Problem(line_no, _LINE, "a JSON object",
                                         f"a JSON {type(obj).__name__}",
                                         json.dumps({"line": line}, ensure_ascii=False)))
        return records, problems
    if isinstance(data, dict):
        lists = [k for k in ("data", "records", "conversations", "items", "rows")
                 if isinstance(data.get(k), list)]
        if lists and not any(isinstance(data.get(k), list) for k in _TURN_LIST_KEYS):
            data = data[lists[0]]
        else:
            return [(1, data)], problems
    if not isinstance(data, list):
        raise ReadError(f"cannot read '{source}': expected a JSON array of objects or an object, "
                        f"got a JSON {type(data).__name__}")
    for i, obj in enumerate(data, start=1):
        if isinstance(obj, dict):
            records.append((i, obj))
        else:
            problems.append(_Problem(i, _LINE, "a JSON object", f"a JSON {type(obj).__name__}",
                                     json.dumps({"element": str(obj)}, ensure_ascii=False)))
    return records, problems


def _turn_list_key(rec: Mapping[str, Any]) -> str | None:
    for key in _TURN_LIST_KEYS:
        if isinstance(rec.get(key), list):
            return key
    return None


def _first(rec: Mapping[str, Any], keys: Iterable[str]) -> tuple[str | None, Any]:
    for key in keys:
        if key in rec and not _blank(rec[key]):
            return key, rec[key]
    return None, None


def _time_value(value: Any) -> Any:
    """Seconds from a number or an ``hh:mm:ss`` string; anything else is left for the schema."""
    if isinstance(value, str) and re.fullmatch(r"\s*(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d+)?\s*",
                                               value):
        return _transcript.seconds(value.strip())
    return value


# --------------------------------------------------------------------------- columns


def _column_mapping(columns: Sequence[str], column_map: Mapping[str, str] | None) -> dict[str, str]:
    """Old -> new name for each column: column_map, then canonical names, then the aliases.

    The aliases apply to the columns column_map does not name, for canonical columns
    nothing else took: mapping only ``{"客户留言": "text"}`` still finds 会话ID and 角色.
    """
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    explicit = {str(k).strip(): v for k, v in (column_map or {}).items()}
    for col in columns:
        if str(col).strip() in explicit:
            mapping[col] = explicit[str(col).strip()]
            taken.add(mapping[col])
    for col in columns:
        canon = _CANONICAL.get(_header_key(col))
        if col not in mapping and canon is not None and canon not in taken:
            mapping[col] = canon
            taken.add(canon)
    for col in columns:
        canon = _ALIASES.get(_header_key(col))
        if col not in mapping and canon is not None and canon not in taken:
            mapping[col] = canon
            taken.add(canon)
    names = set(mapping.values()) | {c for c in columns if c not in mapping}
    for col in columns:  # an unmapped column must not collide with a mapped name
        if col not in mapping and col in taken:
            new, k = f"{col}.orig", 1
            while new in names:
                new, k = f"{col}.orig{k}", k + 1
            mapping[col] = new
            names.add(new)
    return {c: mapping.get(c, c) for c in columns}


def _rename(frame: _Frame, column_map: Mapping[str, str] | None) -> _Frame:
    columns = [str(c).strip() for c in frame.df.columns]
    reversed_ = {k: v for k, v in (column_map or {}).items()
                 if k.strip() not in columns and v.strip() in columns and _norm(k) in _CANONICAL}
    if reversed_:
        raise ValueError(
            f"column_map goes from the file's column to the canonical one, but "
            f"{reversed_} names canonical columns the file '{frame.source}' does not have and "
            f"file columns as targets: it looks reversed. Use "
            f"{ {v: k for k, v in reversed_.items()} }.")
    mapping = _column_mapping(list(map(str, frame.df.columns)), column_map)
    df = frame.df.copy()
    df.columns = [mapping[str(c)] for c in df.columns]
    return replace(frame, df=df)


def _map_speakers(values: Iterable[Any], speaker_map: Mapping[str, str] | None) -> list[Any]:
    if not speaker_map:
        return [(_EXTRA_SPEAKERS.get(v.strip().lower(), v) if isinstance(v, str) else v)
                for v in values]
    lowered = {k.lower(): v for k, v in speaker_map.items()}
    out = []
    for v in values:
        if _blank(v):
            out.append(v)
            continue
        key = str(v).strip()
        mapped = speaker_map.get(key, lowered.get(key.lower()))
        out.append(mapped if mapped is not None else _EXTRA_SPEAKERS.get(key.lower(), v))
    return out


# --------------------------------------------------------------------------- layouts


def _stem(source: str) -> str:
    return str(Path(source).with_suffix("").as_posix())


def _text_id(text: str) -> str:
    return "transcript-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def _looks_like_transcripts(values: Sequence[Any], speaker_map: Mapping[str, str] | None) -> bool:
    sample = [v for v in values if isinstance(v, str) and v.strip()][:20]
    hits = sum(_transcript.starts_with_role(v, speaker_map) for v in sample)
    return bool(sample) and hits * 2 >= len(sample)


def _table_layout(frame: _Frame, layout: str, speaker_map: Mapping[str, str] | None) -> str:
    cols = set(frame.df.columns)
    if layout != "auto":
        return layout
    if "transcript" in cols:
        return "transcripts"
    if "text" in cols and "speaker" not in cols:
        if _looks_like_transcripts(frame.df["text"].tolist(), speaker_map):
            return "transcripts"
        return "complaints"
    return "table"


def _warn_half_mapped_ab(frame: _Frame, speaker_map: Mapping[str, str] | None) -> None:
    """A speaker_map that names B but not A leaves A to the built-in reading (agent): with
    A/B channel labels that is as likely wrong as right, so say so."""
    if not speaker_map:
        return
    keys = {str(k).strip().lower() for k in speaker_map}
    if "b" not in keys or "a" in keys:
        return
    values = {str(v).strip().lower() for v in frame.df["speaker"].tolist() if not _blank(v)}
    if "a" in values:
        import warnings

        warnings.warn(
            f"{frame.source}, column 'speaker': speaker_map names 'B' but not 'A', so 'A' is "
            "read as agent (cxtext's reading of question/answer exports). If A is the customer, "
            "add it: speaker_map={'A': 'customer', 'B': 'agent'}.",
            UserWarning,
            stacklevel=4,
        )


def _as_table(frame: _Frame, speaker_map: Mapping[str, str] | None) -> _Frame:
    if "speaker" not in frame.df.columns:
        return frame
    _warn_half_mapped_ab(frame, speaker_map)
    df = frame.df.copy()
    df["speaker"] = pd.Series(_map_speakers(df["speaker"].tolist(), speaker_map), dtype=object)
    return replace(frame, df=df)


def _conversation_ids(frame: _Frame) -> list[Any]:
    """Ids of one-conversation-per-row tables: an id column, else file name + row number."""
    df = frame.df
    if "conversation_id" in df.columns:
        return df["conversation_id"].tolist()
    for col in df.columns:
        if _norm(col) in _ID_COLUMNS:
            return df[col].tolist()
    stem = _stem(frame.source)
    return [f"{stem}-{r}" for r in frame.rows]


def _as_complaints(frame: _Frame) -> _Frame:
    """One complaint per row -> one conversation of one customer turn."""
    df = frame.df.copy()
    df["conversation_id"] = pd.Series(_conversation_ids(frame), dtype=object)
    if "speaker" not in df.columns:
        df["speaker"] = "customer"
    if "turn" not in df.columns:
        df["turn"] = 0
    return replace(frame, df=df)


def _as_transcripts(frame: _Frame, column: str, speaker_map: Mapping[str, str] | None,
                    header: str | None = None) -> _Frame:
    """A table whose ``column`` (the file's ``header``) holds whole transcripts -> one row per
    turn."""
    # Lines before any role prefix: say how to read a column that holds one turn per row.
    orphan_expected = (
        "a role prefix such as 客服： or 客户： before the text (if this column holds one turn "
        f"or one complaint per row, not whole transcripts: column_map={{{header or column!r}: "
        "'text'})"
    )
    ids = _conversation_ids(frame)
    carried = [c for c in frame.df.columns if c not in (column, "conversation_id", "speaker",
                                                        "turn", "start_s", "end_s", "text")]
    out: list[dict[str, Any]] = []
    rows: list[int] = []
    dropped = list(frame.dropped)
    for pos, rec in enumerate(frame.df.to_dict("records")):
        row = int(frame.rows[pos])
        text = rec.get(column)
        if _blank(text):
            dropped.append(_Problem(row, column, "a transcript with at least one turn", "missing",
                                    _json_record(rec)))
            continue
        turns, orphans = _transcript.split_turns(str(text), speaker_map)
        for o in orphans:
            dropped.append(_Problem(
                row, "speaker", orphan_expected,
                f"line {o.line} of the transcript: {_short(o.text)}", _json_record(rec),
            ))
        for t in turns:
            out.append({"conversation_id": ids[pos], **{c: rec[c] for c in carried},
                        "speaker": _transcript.speaker_of(t.role, speaker_map), "text": t.text,
                        "start_s": t.start_s, "end_s": t.end_s})
            rows.append(row)
    return _Frame(frame.source, _turn_frame(out, carried), np.asarray(rows, dtype=np.int64),
                  dropped, frame.decoded_as)


def _turn_frame(records: list[dict[str, Any]], carried: Sequence[str] = ()) -> pd.DataFrame:
    base = ["conversation_id", "speaker", "text", "start_s", "end_s"]
    if not records:
        return _object_frame([*base, *carried], {c: [] for c in [*base, *carried]})
    df = _records_frame(records)
    order = [c for c in base if c in df.columns] + [c for c in df.columns if c not in base]
    return df[order]


def _lines_frame(
    text: str, source: str, conversation_id: str, speaker_map: Mapping[str, str] | None,
    decoded_as: str | None,
) -> _Frame:
    """A raw role-prefixed transcript (one conversation) -> frame of turns."""
    turns, orphans = _transcript.split_turns(text, speaker_map)
    records = [{"conversation_id": conversation_id,
                "speaker": _transcript.speaker_of(t.role, speaker_map), "text": t.text,
                "start_s": t.start_s, "end_s": t.end_s} for t in turns]
    dropped = [
        _Problem(o.line, "speaker",
                 "a line that starts with a role such as 客服： or 客户： (or a speaker_map key)",
                 _short(o.text), json.dumps({"line": o.text}, ensure_ascii=False))
        for o in orphans
    ]
    rows = np.asarray([t.line for t in turns], dtype=np.int64)
    return _Frame(source, _turn_frame(records), rows, dropped, decoded_as)


def _jddc_frame(
    text: str, source: str, speaker_map: Mapping[str, str] | None, decoded_as: str | None
) -> _Frame:
    """The JDDC 2019 chat.txt layout -> frame of turns (one per line)."""
    cols = ("conversation_id", "customer_id", "speaker", "is_transfer", "is_repeat", "sku", "text")
    values: dict[str, list[Any]] = {c: [] for c in cols}
    rows: list[int] = []
    dropped: list[_Problem] = []
    flag = {"0": False, "1": True}
    for line_no, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        if not line.strip():
            continue
        fields = _transcript.split_jddc(line)
        if fields is None:
            dropped.append(_Problem(
                line_no, _LINE,
                f"{len(_transcript.JDDC_FIELDS)} tab-separated fields "
                f"({', '.join(_transcript.JDDC_FIELDS)})",
                f"{len(line.split(chr(9)))} field(s)",
                json.dumps({"line": line}, ensure_ascii=False),
            ))
            continue
        session, user, waiter, transfer, repeat, sku, content = fields
        w = waiter.strip()
        if speaker_map and w in speaker_map:
            speaker = speaker_map[w]
        else:
            speaker = {"0": "customer", "1": "agent"}.get(w, waiter)
        rows.append(line_no)
        values["conversation_id"].append(session.strip() or None)
        values["customer_id"].append(user.strip() or None)
        values["speaker"].append(speaker)
        values["is_transfer"].append(flag.get(transfer.strip()))
        values["is_repeat"].append(flag.get(repeat.strip()))
        values["sku"].append(None if sku.strip() in ("", "nan") else sku.strip())
        values["text"].append(content if content.strip() else None)  # verbatim
    df = _object_frame(cols, values)
    df["channel"] = "online_chat"
    for col in ("is_transfer", "is_repeat"):
        df[col] = pd.array(values[col], dtype="boolean")
    df = df[["conversation_id", "speaker", "text", "customer_id", "channel", "is_transfer",
             "is_repeat", "sku"]]
    return _Frame(source, df, np.asarray(rows, dtype=np.int64), dropped, decoded_as)


def _dialogue_frame(
    records: Sequence[tuple[int, dict[str, Any]]], dropped: list[_Problem], source: str,
    column_map: Mapping[str, str] | None, speaker_map: Mapping[str, str] | None,
    conversation_id: str | None, decoded_as: str | None, *,
    turn_rows: Sequence[int] | None = None,
) -> _Frame:
    """JSON dialogue records (turn lists, ASR segments) -> frame of turns.

    Each turn's row is its record's row, or with ``turn_rows`` (a bare list of
    turns wrapped as one record) the turn's own element number.
    """
    out: list[dict[str, Any]] = []
    rows: list[int] = []
    dropped = list(dropped)
    single = len(records) == 1
    for row, rec in records:
        key = _turn_list_key(rec)
        if key is None:
            dropped.append(_Problem(row, "turns", "a list of turns under one of "
                                    + ", ".join(_TURN_LIST_KEYS), "no such key",
                                    _json_record(rec)))
            continue
        meta = {k: v for k, v in rec.items() if k != key and not isinstance(v, (list, dict))}
        names = _column_mapping(list(meta), column_map)
        _, cid = _first(rec, _CONV_ID_KEYS)
        if cid is None:
            _, cid = _first(meta, [k for k in meta if names[k] == "conversation_id"])
        if cid is None:
            if conversation_id is not None and single:
                cid = conversation_id
            else:
                cid = _stem(source) if single else f"{_stem(source)}-{row}"
        meta = {names[k]: v for k, v in meta.items()
                if k not in _CONV_ID_KEYS
                and names[k] not in ("conversation_id", "speaker", "text", "turn")}
        turns: list[dict[str, Any]] = []
        turn_row: list[int] = []
        for j, item in enumerate(rec[key]):
            item_row = turn_rows[j] if turn_rows is not None else row
            if isinstance(item, str):
                parsed, orphans = _transcript.split_turns(item, speaker_map)
                for o in orphans:
                    dropped.append(_Problem(item_row, "speaker", "a role prefix such as 客服：",
                                            _short(o.text), _json_record({"turn": item})))
                turns += [{"speaker": t.role, "text": t.text, "start_s": t.start_s,
                           "end_s": t.end_s, "_role_word": True} for t in parsed]
                turn_row += [item_row] * len(parsed)
                continue
            if not isinstance(item, dict):
                dropped.append(_Problem(item_row, "turns", "a JSON object or string per turn",
                                        _short(item), _json_record({"turn": str(item)})))
                continue
            _, spk = _first(item, _SPEAKER_KEYS)
            _, text = _first(item, _TEXT_KEYS)
            k_start, start = _first(item, (*_START_KEYS, "start_ms"))
            k_end, end = _first(item, (*_END_KEYS, "end_ms"))
            start = _time_value(start)
            end = _time_value(end)
            if k_start == "start_ms" and isinstance(start, (int, float)):
                start = start / 1000
            if k_end == "end_ms" and isinstance(end, (int, float)):
                end = end / 1000
            used = {*_SPEAKER_KEYS, *_TEXT_KEYS, *_START_KEYS, *_END_KEYS, "start_ms", "end_ms"}
            extra = {k: v for k, v in item.items()
                     if k not in used and not isinstance(v, (list, dict))}
            turns.append({"speaker": spk, "text": text, "start_s": start, "end_s": end, **extra})
            turn_row.append(item_row)
        _resolve_speakers(turns, speaker_map, asr=(key == "segments"))
        for t, t_row in zip(turns, turn_row, strict=True):
            t.pop("_role_word", None)
            out.append({"conversation_id": cid, **t, **meta})
            rows.append(t_row)
    return _Frame(source, _turn_frame(out), np.asarray(rows, dtype=np.int64), dropped, decoded_as)


def _resolve_speakers(
    turns: list[dict[str, Any]], speaker_map: Mapping[str, str] | None, *, asr: bool
) -> None:
    """Map speaker labels in place; infer roles when no label is a known role."""
    labels = [None if _blank(t["speaker"]) else str(t["speaker"]).strip() for t in turns]
    if speaker_map:
        for t, mapped in zip(turns, _map_speakers(labels, speaker_map), strict=True):
            t["speaker"] = mapped
        return
    def known(label: str | None) -> bool:
        if label is None:
            return True
        if asr and label.isdigit():
            return False
        return _canonical_speaker(label) is not None or label.lower() in _transcript.ROLE_WORDS

    present = [lb for lb in labels if lb is not None]
    if present and not any(known(lb) for lb in present):
        texts = [t["text"] for t, lb in zip(turns, labels, strict=True) if lb is not None]
        roles = _transcript.infer_roles(present, texts)
        for t, lb in zip(turns, labels, strict=True):
            if lb is not None:
                t["speaker"] = roles[lb]
        return
    for t, lb in zip(turns, labels, strict=True):
        if lb is None:
            t["speaker"] = None
        elif t.get("_role_word"):
            t["speaker"] = _transcript.speaker_of(lb)
        else:
            t["speaker"] = _EXTRA_SPEAKERS.get(lb.lower(), lb)


# --------------------------------------------------------------------------- loading


def _flat_frame(
    path: Path, ext: str, source: str, encoding: str | None, sheet_name: str | int, caller: str,
    known: Collection[str] = (),
) -> _Frame:
    """A file read as a flat table (header + rows), column names as in the file.

    ``known`` (the ``column_map`` keys) helps tell a title line from the header.
    """
    if ext in _EXCEL_EXT:
        return _read_excel(path, sheet_name, source, caller, known)
    if ext == ".parquet":
        return _read_parquet(path, source, caller)
    decoded = _decode(path, encoding, caller)
    if ext in _JSON_EXT:
        records, dropped = _json_records(decoded.text, source, ext)
        return _json_table(records, dropped, source, decoded.encoding)
    return _parse_delimited(decoded.text, source, ext, decoded.encoding, known)


def _json_table(
    records: Sequence[tuple[int, dict[str, Any]]], dropped: list[_Problem], source: str,
    decoded_as: str | None,
) -> _Frame:
    """Flat JSON records as a table (nested values kept as JSON text)."""
    flat = [{k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
             for k, v in rec.items()} for _, rec in records]
    rows = np.asarray([r for r, _ in records], dtype=np.int64)
    return _Frame(source, _records_frame(flat), rows, dropped, decoded_as)


def _looks_like_header(line: str, ext: str) -> bool:
    """Whether a text line is the header of a table (it names known columns)."""
    fields = line.split(_sniff_delimiter(line, ext))
    return len(fields) >= 2 and any(
        _header_key(f) in _CANONICAL or _header_key(f) in _ALIASES for f in fields
    )


def _turns_from_file(
    path: Path, source: str, *, layout: str, column_map: Mapping[str, str] | None,
    encoding: str | None, sheet_name: str | int, speaker_map: Mapping[str, str] | None,
    conversation_id: str | None, caller: str,
) -> _Frame:
    ext = _extension(path, caller)
    if ext in _TEXT_EXT or ext in _JSON_EXT:
        decoded = _decode(path, encoding, caller)
        text = decoded.text
        if ext in _JSON_EXT:
            if layout == "jddc":
                raise ValueError(f"{caller}: layout='jddc' reads tab-separated text, "
                                 f"not {ext} files")
            records, dropped = _json_records(text, source, ext)
            if layout == "dialogues" or (
                layout in ("auto", "transcripts") and any(_turn_list_key(r) for _, r in records)
            ):
                return _dialogue_frame(records, dropped, source, column_map, speaker_map,
                                       conversation_id, decoded.encoding)
            frame = _json_table(records, dropped, source, decoded.encoding)
        else:
            lines = text.split("\n", 64)[:64]
            first = next((ln for ln in lines if ln.strip()), "")
            if layout == "jddc" or (layout == "auto" and _transcript.looks_like_jddc(lines)):
                return _jddc_frame(text, source, speaker_map, decoded.encoding)
            if layout == "dialogues":
                raise ValueError(f"{caller}: layout='dialogues' reads JSON files, not {ext} files")
            raw_transcript = (
                ext == ".txt" and layout in ("auto", "transcripts")
                and not _looks_like_header(first, ext)
            )
            if raw_transcript:
                cid = conversation_id if conversation_id is not None else _stem(source)
                return _lines_frame(text, source, cid, speaker_map, decoded.encoding)
            frame = _parse_delimited(text, source, ext, decoded.encoding, tuple(column_map or ()))
    else:
        if layout in ("jddc", "dialogues"):
            raise ValueError(f"{caller}: layout={layout!r} cannot read {ext} files")
        frame = _flat_frame(path, ext, source, encoding, sheet_name, caller,
                            tuple(column_map or ()))
    raw_columns = list(map(str, frame.df.columns))
    frame = _rename(frame, column_map)
    chosen = _table_layout(frame, layout, speaker_map)
    if chosen == "complaints":
        return _as_complaints(frame)
    if chosen == "transcripts":
        column = "transcript" if "transcript" in frame.df.columns else "text"
        if column not in frame.df.columns:
            _raise_missing(frame, "turns", ["transcript"])
        renamed = _column_mapping(raw_columns, column_map)
        header = next((c for c in raw_columns if renamed[c] == column), column)
        return _as_transcripts(frame, column, speaker_map, header=header)
    return _as_table(frame, speaker_map)


def _turn_frames(
    path: PathLike, *, layout: str, column_map: Mapping[str, str] | None,
    encoding: str | None, sheet_name: str | int, speaker_map: Mapping[str, str] | None,
    caller: str, conversation_id: str | None = None,
) -> list[_Frame]:
    p = _existing(path, caller)
    options = dict(layout=layout, column_map=column_map, encoding=encoding,
                   sheet_name=sheet_name, speaker_map=speaker_map, caller=caller)
    if p.is_dir():
        files = _folder_files(p)
        if not files:
            raise ReadError(f"{caller}: folder '{p}' holds no readable file "
                            f"({', '.join(SUPPORTED_EXTENSIONS)})")
        return [_turns_from_file(f, f.relative_to(p).as_posix(), conversation_id=None, **options)
                for f in files]
    return [_turns_from_file(p, p.name, conversation_id=conversation_id, **options)]


# --------------------------------------------------------------------------- validation


def _turns_schema(columns: Iterable[str]) -> schema.TableSchema:
    """The turns schema plus the conversation-level columns a file carries (all optional)."""
    cols = set(columns)
    extra = tuple(
        replace(schema.CONVERSATIONS[c], required=False, nullable=True)
        for c in CONVERSATION_LEVEL if c in cols
    )
    return schema.TableSchema("turns", schema.TURNS.columns + extra, schema.TURNS.key)


def _problem_frame(source: str, items: Sequence[tuple[Any, str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame({
        "source": pd.Series([source] * len(items), dtype=object),
        "row": pd.array([r for r, *_ in items], dtype="Int64"),
        "column": pd.Series([c for _, c, _, _ in items], dtype=object),
        "expected": pd.Series([e for _, _, e, _ in items], dtype=object),
        "got": pd.Series([g for *_, g in items], dtype=object),
    })


def _raise_missing(frame: _Frame, table: str, missing: Sequence[str]) -> None:
    cols = [str(c) for c in frame.df.columns]
    sheets = (f"; or read another sheet of the workbook, {list(frame.other_sheets)}, with "
              "sheet_name=... (cxtext ingest --sheet)" if frame.other_sheets else "")
    items = [(pd.NA, c, f"a column with this name (map yours with column_map=...{sheets})",
              f"columns {cols}{schema.near_column(c, cols)}") for c in missing]
    items += [(p.row, p.column, p.expected, p.got) for p in frame.dropped]
    raise SchemaError.from_problems(table, _problem_frame(frame.source, items))


def _finish(
    frame: _Frame, table: schema.TableSchema, with_rows: bool = False
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Validate one frame: ``(kept, rejects, problems)`` including the reader's own problems."""
    df = frame.df
    missing = [c for c in table.required
               if c not in df.columns and not (table.name == "turns" and c == "turn")]
    if missing:
        _raise_missing(frame, table.name, missing)

    # Undecodable bytes: clean the cell, remember the problem.
    cell: dict[int, list[tuple[str, str, str]]] = {}
    if frame.decoded_as is not None:
        df = df.copy()
        for col in df.columns:
            vals = df[col].tolist()
            if not _encoding.has_undecodable("".join(v for v in vals if isinstance(v, str))):
                continue
            changed = False
            for i, v in enumerate(vals):
                if isinstance(v, str) and _encoding.has_undecodable(v):
                    clean, bad = _encoding.split_undecodable(v)
                    vals[i], changed = clean, True
                    cell.setdefault(i, []).append((
                        str(col), f"text decodable as {frame.decoded_as}",
                        f"undecodable bytes {bad!r} in {_short(clean)}",
                    ))
            if changed:
                df[col] = pd.Series(vals, dtype=object, index=df.index)

    work = df.reset_index(drop=True).copy()
    work["_cx_pos"] = np.arange(len(work))
    kept, rej, probs = schema.check(work, table, source=frame.source, rows=frame.rows)

    pos_kept = kept["_cx_pos"].to_numpy(dtype=np.int64)
    keep_mask = ~np.isin(pos_kept, list(cell))
    kept = kept.loc[keep_mask].drop(columns="_cx_pos").reset_index(drop=True)
    if with_rows:
        kept["_cx_row"] = frame.rows[pos_kept[keep_mask]]

    reasons: dict[int, list[str]] = {
        pos: [f"{c}: expected {e}, got {g}" for c, e, g in items] for pos, items in cell.items()
    }
    records: dict[int, str] = {}
    for reason, record in zip(rej["reason"], rej["record"], strict=True):
        rec = json.loads(record)
        pos = int(rec.pop("_cx_pos"))
        reasons.setdefault(pos, []).append(reason)
        records[pos] = json.dumps(rec, ensure_ascii=False)
    for pos in cell:
        if pos not in records:
            rec = work.iloc[pos].drop(labels="_cx_pos").to_dict()
            records[pos] = _json_record(rec)
    order = sorted(reasons)
    rejects = pd.DataFrame({
        "source": pd.Series([frame.source] * len(order), dtype=object),
        "row": pd.Series([int(frame.rows[p]) for p in order], dtype="int64"),
        "reason": pd.Series(["; ".join(reasons[p]) for p in order], dtype=object),
        "record": pd.Series([records[p] for p in order], dtype=object),
    })
    if frame.dropped:
        rejects = pd.concat([rejects, _dropped_rejects(frame)], ignore_index=True)
    rejects = rejects.sort_values("row", kind="stable").reset_index(drop=True)

    extra_items = [(int(frame.rows[p]), c, e, g) for p, items in cell.items() for c, e, g in items]
    extra_items += [(p.row, p.column, p.expected, p.got) for p in frame.dropped]
    parts = [probs.astype({"row": "Int64"})] if len(probs) else []
    if extra_items:
        parts.append(_problem_frame(frame.source, extra_items))
    problems = (
        pd.concat(parts, ignore_index=True).sort_values("row", kind="stable", na_position="first")
        .reset_index(drop=True) if parts else _problem_frame(frame.source, [])
    )
    return kept, rejects, problems


def _finish_all(
    frames: Sequence[_Frame], table: str | schema.TableSchema, return_rejects: bool,
    with_rows: bool = False,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    kept_parts, reject_parts, problem_parts = [], [], []
    name = table if isinstance(table, str) else table.name
    for frame in frames:
        tschema = (
            table if isinstance(table, schema.TableSchema)
            else _turns_schema(frame.df.columns) if table == "turns"
            else schema.SCHEMAS[table]
        )
        kept, rejects, problems = _finish(frame, tschema, with_rows)
        kept_parts.append(kept)
        reject_parts.append(rejects)
        if len(problems):
            problem_parts.append(problems)
    kept = kept_parts[0] if len(kept_parts) == 1 else pd.concat(kept_parts, ignore_index=True)
    rejects = (reject_parts[0] if len(reject_parts) == 1
               else pd.concat(reject_parts, ignore_index=True))
    if return_rejects:
        return kept, rejects
    if problem_parts:
        raise SchemaError.from_problems(name, pd.concat(problem_parts, ignore_index=True))
    return kept


# --------------------------------------------------------------------------- public API


@overload
def read_turns(
    path: PathLike, *, column_map: Mapping[str, str] | None = ..., layout: TurnsLayout = ...,
    encoding: str | None = ..., sheet_name: str | int = ...,
    speaker_map: Mapping[str, str] | None = ..., return_rejects: Literal[False] = ...,
) -> pd.DataFrame: ...
@overload
def read_turns(
    path: PathLike, *, column_map: Mapping[str, str] | None = ..., layout: TurnsLayout = ...,
    encoding: str | None = ..., sheet_name: str | int = ...,
    speaker_map: Mapping[str, str] | None = ..., return_rejects: Literal[True],
) -> tuple[pd.DataFrame, pd.DataFrame]: ...
def read_turns(
    path: PathLike,
    *,
    column_map: Mapping[str, str] | None = None,
    layout: TurnsLayout = "auto",
    encoding: str | None = None,
    sheet_name: str | int = 0,
    speaker_map: Mapping[str, str] | None = None,
    return_rejects: bool = False,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Read a file (or a folder of files) of conversations into the ``turns`` table.

    Parameters
    ----------
    path : str or os.PathLike
        A ``.csv``/``.tsv``/``.txt``, ``.xlsx``, ``.jsonl``/``.json`` or
        ``.parquet`` file, or a folder of them (read recursively; hidden files
        skipped). Text files may be UTF-8 (with or without BOM), GBK/GB18030,
        Big5 (cp950) or whatever charset-normalizer recognises; the encoding is
        detected. Headers in traditional characters (會話ID) find the same aliases.
        Dates such as 2025年9月1日 下午3点, durations such as 00:03:20 or 3分20秒
        and amounts such as 50万 or ¥12,000 are read as such. Title
        lines above the header (a 报表标题 or 导出时间 line holding one value, as
        many bank exports have) are skipped when a row below them names columns;
        row numbers in errors and rejects stay the spreadsheet's.
    column_map : dict, optional
        File column -> canonical column, e.g. ``{"会话ID": "conversation_id",
        "角色": "speaker", "内容": "text"}``. The built-in Chinese and English
        header aliases (:data:`HEADER_ALIASES`) apply to the columns it does not
        name; an entry of ``column_map`` wins, then an exact canonical column
        name, then an alias. Keys missing from the file are ignored; a map that
        looks reversed (``{"text": "内容"}``) is refused with the right one.
    layout : {"auto", "table", "complaints", "jddc", "transcripts", "dialogues"}
        How the file holds turns. ``"auto"`` picks:

        * ``jddc``: headerless TSV, 7 fields with 0/1 flags in fields 3–5
          (JDDC 2019 ``chat.txt``: session_id, user_id, waiter_send,
          is_transfer, is_repeat, sku, content);
        * ``dialogues``: JSON/JSONL records holding a list under
          ``turns``/``messages``/``dialogue``/``utterances`` or ASR
          ``segments`` (``start``/``end`` -> ``start_s``/``end_s``);
        * ``transcripts``: ``.txt`` files of raw ``客服：…`` transcripts, or a
          table with a ``transcript`` column (or whose text column starts with
          role prefixes);
        * ``complaints``: a table with a text column and no speaker column; each
          row becomes a conversation of one customer turn, its id taken from an
          id column or made from the file name and row number (``"file-2"``);
        * ``table``: one row per turn (conversation_id, speaker, text, …).
    encoding : str, optional
        Text encoding; overrides detection.
    sheet_name : str or int, default 0
        Excel sheet (name or 0-based index).
    speaker_map : dict, optional
        Speaker label -> role (``agent``/``customer``/``system`` or an alias such
        as 客服), e.g. ``{"张经理": "agent"}``. In transcripts its keys are
        recognised as role prefixes. For ASR ``spk0``/``spk1`` labels it replaces
        the guess of who is the agent (see :func:`parse_transcript`).
    return_rejects : bool, default False
        When False, any bad row raises one :class:`~cxtext.errors.SchemaError`
        listing every problem. When True, return ``(turns, rejects)`` where
        ``rejects`` (``source, row, reason, record``) holds every input row that
        was not kept, malformed lines included.

    Returns
    -------
    DataFrame or (DataFrame, DataFrame)
        The ``turns`` table. Conversation-level columns present in the file
        (``customer_id``, ``started_at``, ``channel``, ``agent_id``,
        ``duration_s``, ``resolved``) are parsed and carried on every turn, with
        any other columns after them (JDDC adds ``is_transfer``, ``is_repeat``,
        ``sku``), so :func:`conversations_from_turns` can build the
        conversations table.

    Raises
    ------
    ReadError
        The path does not exist, has an unknown extension, or cannot be read.
    SchemaError
        A required column is missing, or (``return_rejects=False``) any row is bad.
    ValueError
        A parameter has a value outside the ones listed.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "calls.csv"
    >>> _ = path.write_text("会话ID,角色,内容\\nc1,客服,您好\\nc1,客户,我的卡被冻结了\\n",
    ...                     encoding="gbk")
    >>> read_turns(path)[["conversation_id", "turn", "speaker", "text"]].values.tolist()
    [['c1', 0, 'agent', '您好'], ['c1', 1, 'customer', '我的卡被冻结了']]
    """
    caller = "read_turns"
    _check_choice(caller, "layout", layout, TURN_LAYOUTS)
    column_map = _check_column_map(caller, column_map)
    speaker_map = _check_speaker_map(caller, speaker_map)
    encoding = _check_encoding(caller, encoding)
    _check_sheet(caller, sheet_name)
    frames = _turn_frames(path, layout=layout, column_map=column_map, encoding=encoding,
                          sheet_name=sheet_name, speaker_map=speaker_map, caller=caller)
    return _finish_all(frames, "turns", return_rejects)


def _read_flat(
    path: PathLike, table: str | schema.TableSchema, *, column_map: Any, encoding: Any,
    sheet_name: Any, return_rejects: bool, caller: str,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    column_map = _check_column_map(caller, column_map)
    encoding = _check_encoding(caller, encoding)
    _check_sheet(caller, sheet_name)
    p = _existing(path, caller)
    if p.is_dir():
        raise ReadError(f"{caller}: '{p}' is a folder; give one file (or use read_corpus)")
    ext = _extension(p, caller)
    frame = _rename(_flat_frame(p, ext, p.name, encoding, sheet_name, caller,
                                tuple(column_map or ())), column_map)
    return _finish_all([frame], table, return_rejects)


@overload
def read_conversations(
    path: PathLike, *, column_map: Mapping[str, str] | None = ..., encoding: str | None = ...,
    sheet_name: str | int = ..., return_rejects: Literal[False] = ...,
) -> pd.DataFrame: ...
@overload
def read_conversations(
    path: PathLike, *, column_map: Mapping[str, str] | None = ..., encoding: str | None = ...,
    sheet_name: str | int = ..., return_rejects: Literal[True],
) -> tuple[pd.DataFrame, pd.DataFrame]: ...
def read_conversations(
    path: PathLike,
    *,
    column_map: Mapping[str, str] | None = None,
    encoding: str | None = None,
    sheet_name: str | int = 0,
    return_rejects: bool = False,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Read a file of conversations (one row per contact) into the ``conversations`` table.

    Parameters
    ----------
    path : str or os.PathLike
        A ``.csv``/``.tsv``/``.txt``, ``.xlsx``, ``.jsonl``/``.json`` or
        ``.parquet`` file; text encodings are detected.
    column_map : dict, optional
        File column -> canonical column; the built-in aliases apply to the others
        (会话编号/工单号 -> conversation_id, 客户号 -> customer_id, 渠道 -> channel,
        来电时间/开始时间 -> started_at, 坐席工号 -> agent_id, 通话时长 -> duration_s …).
    encoding : str, optional
        Text encoding; overrides detection.
    sheet_name : str or int, default 0
        Excel sheet (name or 0-based index).
    return_rejects : bool, default False
        Return ``(conversations, rejects)`` instead of raising on bad rows.

    Returns
    -------
    DataFrame or (DataFrame, DataFrame)

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "calls.csv"
    >>> _ = path.write_text("工单号,客户号,渠道,来电时间\\nT001,00123,电话,2025-03-15 14:30\\n",
    ...                     encoding="utf-8-sig")
    >>> read_conversations(path)[["conversation_id", "customer_id", "channel"]].values.tolist()
    [['T001', '00123', 'phone']]
    """
    return _read_flat(path, "conversations", column_map=column_map, encoding=encoding,
                      sheet_name=sheet_name, return_rejects=return_rejects,
                      caller="read_conversations")


@overload
def read_customers(
    path: PathLike, *, column_map: Mapping[str, str] | None = ..., encoding: str | None = ...,
    sheet_name: str | int = ..., return_rejects: Literal[False] = ...,
) -> pd.DataFrame: ...
@overload
def read_customers(
    path: PathLike, *, column_map: Mapping[str, str] | None = ..., encoding: str | None = ...,
    sheet_name: str | int = ..., return_rejects: Literal[True],
) -> tuple[pd.DataFrame, pd.DataFrame]: ...
def read_customers(
    path: PathLike,
    *,
    column_map: Mapping[str, str] | None = None,
    encoding: str | None = None,
    sheet_name: str | int = 0,
    return_rejects: bool = False,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Read a CRM extract into the ``customers`` table (tier derived from assets).

    Parameters
    ----------
    path : str or os.PathLike
        A ``.csv``/``.tsv``/``.txt``, ``.xlsx``, ``.jsonl``/``.json`` or
        ``.parquet`` file; text encodings are detected.
    column_map : dict, optional
        File column -> canonical column; the built-in aliases apply to the others
        (客户号 -> customer_id, 年日均金融资产/日均资产 -> avg_daily_assets,
        客户等级 -> tier, 是否流失 -> churned …).
    encoding : str, optional
        Text encoding; overrides detection.
    sheet_name : str or int, default 0
        Excel sheet (name or 0-based index).
    return_rejects : bool, default False
        Return ``(customers, rejects)`` instead of raising on bad rows.

    Returns
    -------
    DataFrame or (DataFrame, DataFrame)

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "crm.csv"
    >>> _ = path.write_text("客户号,年日均金融资产\\n00123,250000\\n", encoding="gbk")
    >>> read_customers(path)[["customer_id", "tier"]].values.tolist()
    [['00123', 'gold']]
    """
    return _read_flat(path, "customers", column_map=column_map, encoding=encoding,
                      sheet_name=sheet_name, return_rejects=return_rejects,
                      caller="read_customers")


def _is_path(source: str) -> bool:
    """Whether a string passed to parse_transcript names a file rather than holding text."""
    if "\n" in source or "\r" in source or len(source) > 1024:
        return False
    if re.match(r"[A-Za-z]:[\\/]", source):  # C:\data\call.txt is a path, not "C: ..."
        return True
    try:
        if os.path.exists(source):
            return True
    except (OSError, ValueError):
        return False
    return (Path(source).suffix.lower() in SUPPORTED_EXTENSIONS
            and not _transcript.starts_with_role(source))


@overload
def parse_transcript(
    source: str | os.PathLike[str], *, conversation_id: str | None = ...,
    layout: TranscriptLayout = ..., speaker_map: Mapping[str, str] | None = ...,
    return_rejects: Literal[False] = ...,
) -> pd.DataFrame: ...
@overload
def parse_transcript(
    source: str | os.PathLike[str], *, conversation_id: str | None = ...,
    layout: TranscriptLayout = ..., speaker_map: Mapping[str, str] | None = ...,
    return_rejects: Literal[True],
) -> tuple[pd.DataFrame, pd.DataFrame]: ...
def parse_transcript(
    source: str | os.PathLike[str],
    *,
    conversation_id: str | None = None,
    layout: TranscriptLayout = "auto",
    speaker_map: Mapping[str, str] | None = None,
    return_rejects: bool = False,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Parse a raw transcript (text or file) into the ``turns`` table.

    Parameters
    ----------
    source : str or os.PathLike
        The transcript text itself, or the path of a ``.txt``/``.tsv`` (lines or
        JDDC) or ``.json``/``.jsonl`` (dialogue or ASR) file. A one-line string
        is taken as a path only if such a file exists or it ends in a
        supported extension and does not start with a role prefix.
    conversation_id : str, optional
        Id of the conversation. Defaults to the file name without extension, or
        for text to ``"transcript-"`` plus a short hash of the text (stable
        across runs). Ignored where the file carries its own ids (JDDC, JSON
        records with an id).
    layout : {"auto", "lines", "jddc", "json"}
        ``"lines"``: role-prefixed text. Role words are 客服/坐席/座席/客户/用户/
        顾客/Agent/Customer/A/C (any case; also 系统/机器人 for the system and
        the keys of ``speaker_map``), followed by a full- or half-width colon.
        A ``[00:01:23]``/``00:01:23``/``[01:23]`` timestamp may come before
        or after the role (-> ``start_s``; ``end_s`` is the next turn's
        start). Several turns may share a line (a role word after a space or a
        sentence mark starts a new turn), lines without a prefix continue the
        previous turn, blank lines are ignored. A colon after any other word
        (``时间：3点``) is ordinary text. Text before the first role prefix is
        rejected, naming its line.
        ``"jddc"``: the JDDC 2019 chat.txt layout. ``"json"``: dialogue
        records or ASR ``{"segments": [{"spk": "spk0", "start", "end",
        "text"}]}``. ``"auto"`` picks from the extension and content.
    speaker_map : dict, optional
        Extra role words or labels -> role, e.g. ``{"张经理": "agent"}``. For ASR
        labels that name no role (``spk0``/``spk1``, ``0``/``1``) and no
        ``speaker_map``, the agent is guessed: the speaker who first says an
        agent phrase (工号, 很高兴为您服务, 请问有什么可以帮您 …), else the one who
        first says 您好, else the first speaker; everyone else is the customer.
    return_rejects : bool, default False
        Return ``(turns, rejects)`` instead of raising on bad lines.

    Returns
    -------
    DataFrame or (DataFrame, DataFrame)
        The ``turns`` table (row numbers in problems are line numbers).

    Examples
    --------
    >>> turns = parse_transcript("客服：您好，请问有什么可以帮您？客户：我的卡被冻结了。",
    ...                          conversation_id="c1")
    >>> turns[["turn", "speaker", "text"]].values.tolist()
    [[0, 'agent', '您好，请问有什么可以帮您？'], [1, 'customer', '我的卡被冻结了。']]
    >>> parse_transcript("[00:00:01] 坐席：您好\\n[00:00:04] 客户：查余额")["end_s"].tolist()
    [4.0, nan]
    """
    caller = "parse_transcript"
    _check_choice(caller, "layout", layout, TRANSCRIPT_LAYOUTS)
    speaker_map = _check_speaker_map(caller, speaker_map)
    if conversation_id is not None and not isinstance(conversation_id, str):
        raise ValueError(f"The 'conversation_id' parameter of {caller} must be a str or None. "
                         f"Got {conversation_id!r} instead.")
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _is_path(source)):
        p = _existing(source, caller)
        if p.is_dir():
            raise ReadError(f"{caller}: '{p}' is a folder; read folders with read_turns")
        ext = p.suffix.lower()
        if ext not in (".txt", ".tsv", *_JSON_EXT):
            raise ReadError(f"{caller}: cannot read '{p.name}': transcripts are .txt/.tsv "
                            "or .json/.jsonl files (read tables with read_turns)")
        if (layout == "json") != (ext in _JSON_EXT) and layout != "auto":
            raise ValueError(f"{caller}: layout={layout!r} cannot read '{p.name}'")
        decoded = _decode(p, None, caller)
        text, name, decoded_as = decoded.text, p.name, decoded.encoding
        cid = conversation_id if conversation_id is not None else p.stem
        chosen = "json" if ext in _JSON_EXT else layout
    elif isinstance(source, str):
        text, name, decoded_as = source.removeprefix("\ufeff"), "<transcript>", None
        cid = conversation_id if conversation_id is not None else _text_id(text)
        chosen = layout
        if chosen == "auto":
            stripped = text.strip()
            if stripped[:1] in ("{", "["):
                try:
                    json.loads(stripped)
                    chosen = "json"
                except (json.JSONDecodeError, RecursionError):  # JSON lines, or a bracket
                    chosen = "json" if stripped.startswith("{") and "\n" in stripped else "auto"
    else:
        raise ValueError(f"The 'source' parameter of {caller} must be a str (the transcript or "
                         f"a path) or os.PathLike. Got {type(source).__name__} instead.")
    if chosen == "auto":
        chosen = "jddc" if _transcript.looks_like_jddc(text.split("\n", 64)[:64]) else "lines"
    if chosen == "jddc":
        frame = _jddc_frame(text, name, speaker_map, decoded_as)
    elif chosen == "json":
        suffix = Path(name).suffix.lower()
        records, dropped = _json_records(text, name, suffix if suffix in _JSON_EXT else ".json")
        turn_rows = None
        if records and not any(_turn_list_key(r) for _, r in records):
            # a bare list of turns: one conversation, rows are the elements' numbers
            turn_rows = [r for r, _ in records]
            records = [(1, {"conversation_id": cid, "turns": [r for _, r in records]})]
        frame = _dialogue_frame(records, dropped, name, None, speaker_map, cid, decoded_as,
                                turn_rows=turn_rows)
    else:
        frame = _lines_frame(text, name, cid, speaker_map, decoded_as)
    return _finish_all([frame], "turns", return_rejects)


def conversations_from_turns(turns: pd.DataFrame) -> pd.DataFrame:
    """Build the ``conversations`` table from conversation-level columns carried on turns.

    One row per ``conversation_id`` in order of first appearance, with the first
    non-missing value of ``customer_id``, ``started_at``, ``channel``,
    ``agent_id``, ``duration_s`` and ``resolved`` where the turns carry them.
    ``customer_id`` defaults to the conversation id (a complaint is its own
    customer); ``duration_s``, when absent, is the span of ``start_s``/``end_s``
    if the turns are timed. JDDC's ``is_repeat``/``is_transfer`` flags are kept
    (true if any turn has them).

    Parameters
    ----------
    turns : DataFrame
        A turns table, e.g. from :func:`read_turns`. Not modified.

    Returns
    -------
    DataFrame
        A validated ``conversations`` table.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"conversation_id": ["c1", "c1", "c2"], "turn": [0, 1, 0],
    ...                   "speaker": ["agent", "customer", "customer"],
    ...                   "text": ["您好", "我要销户", "卡被冻结了"],
    ...                   "channel": ["电话", "电话", "微信"]})
    >>> conversations_from_turns(t)[["conversation_id", "customer_id", "channel"]].values.tolist()
    [['c1', 'c1', 'phone'], ['c2', 'c2', 'online_chat']]
    """
    if not isinstance(turns, pd.DataFrame):
        raise TypeError(f"turns must be a pandas DataFrame, got {type(turns).__name__}")
    if "conversation_id" not in turns.columns:
        items = [(pd.NA, "conversation_id",
                  "a column with this name (map yours with column_map=...)",
                  f"columns {list(map(str, turns.columns))}")]
        raise SchemaError.from_problems("conversations", _problem_frame("<turns>", items))
    ids = turns["conversation_id"].astype(object)
    keep = ids.notna().to_numpy()
    t = turns.loc[keep].copy()
    t["_cid"] = ids[keep].map(str).to_numpy()
    groups = t.groupby("_cid", sort=False)
    out = pd.DataFrame({"conversation_id": pd.Series(list(groups.groups), dtype=object)})
    for col in CONVERSATION_LEVEL:
        if col in t.columns:
            out[col] = groups[col].agg(_first_present).to_numpy()
    if "customer_id" not in out.columns:
        out["customer_id"] = out["conversation_id"]
    else:
        cust = out["customer_id"].astype(object)
        missing = cust.isna() | cust.map(_blank).astype(bool)
        out["customer_id"] = cust.where(~missing, out["conversation_id"])
    if "duration_s" not in out.columns and "start_s" in t.columns:
        start = pd.to_numeric(t["start_s"], errors="coerce")
        end = pd.to_numeric(t["end_s"], errors="coerce") if "end_s" in t.columns else start
        span = (end.fillna(start).groupby(t["_cid"], sort=False).max()
                - start.groupby(t["_cid"], sort=False).min())
        if span.notna().any():
            out["duration_s"] = span.to_numpy()
    for flag in _SESSION_FLAGS:
        if flag in t.columns:
            out[flag] = groups[flag].agg(lambda s: any(map(_truthy, s))).to_numpy(dtype=bool)
    return schema.validate(out, "conversations", source="<turns>")


def _truthy(value: Any) -> bool:
    """A 0/1, true/false or 是/否 flag as bool (missing and anything else: False)."""
    if _blank(value):
        return False
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    return str(value).strip().lower() in ("1", "1.0", "true", "t", "yes", "y", "是")


def _first_present(values: pd.Series) -> Any:
    for v in values:
        if not _blank(v):
            return v
    return None


@dataclass
class Corpus:
    """The tables of one corpus folder, validated, plus every rejected row.

    Attributes
    ----------
    conversations, turns : DataFrame
        Canonical tables.
    customers, agents : DataFrame or None
        Present when the folder has ``customers.*`` / ``agents.*``.
    rejects : DataFrame
        Rejected rows of all tables: ``table, source, row, reason, record``.
    balances : DataFrame or None
        Monthly average daily assets (``customer_id, month, avg_daily_assets``) when the
        folder has ``balances.*``; feeds the portraits' ``assets_trend_3m``.

    Examples
    --------
    Returned by :func:`read_corpus`; its tables go on to the rest of cxtext:

    >>> import cxtext as cx
    >>> corpus = cx.read_corpus("corpora/demo")                    # doctest: +SKIP
    >>> result = cx.tag(corpus.turns)                              # doctest: +SKIP
    >>> profile = cx.profile_corpus(corpus)                        # doctest: +SKIP
    >>> corpus.rejects.groupby("table").size()  # rows not kept, with reasons  # doctest: +SKIP
    """

    conversations: pd.DataFrame
    turns: pd.DataFrame
    customers: pd.DataFrame | None
    agents: pd.DataFrame | None
    rejects: pd.DataFrame
    balances: pd.DataFrame | None = None

    def __repr__(self) -> str:
        def size(df: pd.DataFrame | None) -> str:
            return "None" if df is None else f"{len(df)} rows"

        extra = "" if self.balances is None else f", balances={size(self.balances)}"
        return (f"Corpus(conversations={size(self.conversations)}, turns={size(self.turns)}, "
                f"customers={size(self.customers)}, agents={size(self.agents)}{extra}, "
                f"rejects={size(self.rejects)})")


_CORPUS_EXT = (".csv", ".parquet", ".jsonl", ".xlsx", ".tsv", ".json")


def _corpus_file(folder: Path, name: str) -> Path | None:
    for ext in _CORPUS_EXT:
        p = folder / f"{name}{ext}"
        if p.is_file():
            return p
    return None


def read_corpus(directory: PathLike) -> Corpus:
    """Read a corpus folder: ``conversations``, ``turns``, ``customers``, ``agents``,
    ``balances``.

    Each table is a ``.csv`` (or ``.parquet``/``.jsonl``/``.xlsx``) file named
    after it; ``turns`` is required, ``customers``, ``agents`` and ``balances``
    (monthly assets per customer) are optional, and without ``conversations``
    the table is built from the turns (:func:`conversations_from_turns`). Bad
    rows do not stop the reading: they are collected in ``Corpus.rejects`` with a
    ``table`` column, as are turns whose ``conversation_id`` is not in the
    conversations table.

    Parameters
    ----------
    directory : str or os.PathLike
        The folder, e.g. ``"corpora/demo"``.

    Returns
    -------
    Corpus

    Raises
    ------
    ReadError
        The folder does not exist or has no turns file.
    SchemaError
        A table lacks a required column.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "turns.csv").write_text(
    ...     "conversation_id,speaker,text\\nc1,客服,您好\\nc1,客户,我要销户\\n", encoding="utf-8")
    >>> corpus = read_corpus(d)
    >>> corpus
    Corpus(conversations=1 rows, turns=2 rows, customers=None, agents=None, rejects=0 rows)
    """
    caller = "read_corpus"
    folder = _existing(directory, caller)
    if not folder.is_dir():
        raise ReadError(f"{caller}: '{folder}' is not a folder")
    turns_path = _corpus_file(folder, "turns")
    if turns_path is None:
        found = sorted(p.name for p in folder.iterdir()
                       if p.is_file() and p.suffix.lower() in _CORPUS_EXT)
        raise ReadError(
            f"{caller}: '{folder}' has no turns file (expected one of "
            f"{', '.join('turns' + e for e in _CORPUS_EXT)})"
            + (f"; it holds {found[:10]}{' …' if len(found) > 10 else ''}. Name the files "
               "after their tables (turns.csv, conversations.csv, customers.csv), or read "
               "each with cx.read_turns / cx.read_conversations / cx.read_customers"
               if found else ""))
    rejects: list[pd.DataFrame] = []

    def collect(table: str, rej: pd.DataFrame) -> None:
        if len(rej):
            rejects.append(rej.assign(table=table)[["table", *schema.REJECT_COLUMNS]])

    frames = _turn_frames(turns_path, layout="table", column_map=None, encoding=None,
                          sheet_name=0, speaker_map=None, caller=caller)
    turns, rej = _finish_all(frames, "turns", True, with_rows=True)
    collect("turns", rej)
    conv_path = _corpus_file(folder, "conversations")
    if conv_path is not None:
        conversations, rej = read_conversations(conv_path, return_rejects=True)
        collect("conversations", rej)
        known = set(conversations["conversation_id"])
        orphan = ~turns["conversation_id"].isin(known).to_numpy()
        if orphan.any():
            bad = turns.loc[orphan]
            collect("turns", pd.DataFrame({
                "source": turns_path.name,
                "row": bad["_cx_row"].astype("int64").to_numpy(),
                "reason": [f"conversation_id: expected an id listed in {conv_path.name}, "
                           f"got {_short(c)}" for c in bad["conversation_id"]],
                "record": [_json_record(r) for r in
                           bad.drop(columns="_cx_row").astype(object).to_dict("records")],
            }))
            turns = turns.loc[~orphan].reset_index(drop=True)
    else:
        conversations = conversations_from_turns(turns)
    turns = turns.drop(columns="_cx_row")
    customers = agents = None
    cust_path = _corpus_file(folder, "customers")
    if cust_path is not None:
        customers, rej = read_customers(cust_path, return_rejects=True)
        collect("customers", rej)
    agents_path = _corpus_file(folder, "agents")
    if agents_path is not None:
        frame = _rename(_flat_frame(agents_path, agents_path.suffix.lower(), agents_path.name,
                                    None, 0, caller), None)
        agents, rej = _finish_all([frame], _AGENTS, True)
        collect("agents", rej)
    balances = None
    bal_path = _corpus_file(folder, "balances")
    if bal_path is not None:
        from cxtext._balances import normalise_balances

        frame = _flat_frame(bal_path, bal_path.suffix.lower(), bal_path.name, None, 0, caller)
        balances, rej = normalise_balances(frame.df, source=frame.source, rows=frame.rows)
        collect("balances", pd.concat([rej, _dropped_rejects(frame)], ignore_index=True)
                if frame.dropped else rej)
    all_rejects = (
        pd.concat(rejects, ignore_index=True) if rejects
        else schema.empty_rejects().assign(table=pd.Series(dtype=object))[
            ["table", *schema.REJECT_COLUMNS]]
    )
    return Corpus(conversations, turns, customers, agents, all_rejects, balances)


def detect_encoding(data: bytes | bytearray | memoryview | str | os.PathLike[str]) -> str:
    """Detect the text encoding of bytes or of a file.

    Tries, in order: a byte-order mark; strict UTF-8; UTF-8 with a few broken
    bytes (under a quarter of the non-ASCII bytes invalid); strict GB18030
    (covers GBK and GB2312), or strict Big5 (``cp950``) when the GB18030 text reads
    as mojibake and the Big5 text as Chinese; GB18030 with a few broken bytes;
    charset-normalizer's guess; then whichever of UTF-8 and GB18030 leaves fewer
    bytes undecodable.
    The readers decode with the same rules; bytes that still do not decode
    become problems naming their row and column.

    Parameters
    ----------
    data : bytes or str or os.PathLike
        The bytes themselves, or the path of a file (a ``str`` is a path).

    Returns
    -------
    str
        A Python codec name: ``"utf-8"``, ``"utf-8-sig"``, ``"gb18030"`` …

    Examples
    --------
    >>> detect_encoding("客服：您好，您的账户已冻结".encode("gbk"))
    'gb18030'
    >>> detect_encoding("客服：您好".encode("utf-8-sig"))
    'utf-8-sig'
    >>> detect_encoding("客戶：我的帳戶被凍結了，請儘快處理，謝謝".encode("big5"))
    'cp950'
    """
    if isinstance(data, (bytes, bytearray, memoryview)):
        return _encoding.detect(bytes(data))
    p = _existing(data, "detect_encoding")
    if p.is_dir():
        raise ReadError(f"detect_encoding: '{p}' is a folder, not a file")
    return _encoding.detect(_read_bytes(p, "detect_encoding"))


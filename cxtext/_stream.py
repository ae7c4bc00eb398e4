"""Streaming end to end: Parquet of turns in, two Parquet files of tags out (private).

:func:`tag_parquet` (``cx.tag_parquet``) reads a sorted Parquet file of turns a batch at
a time and runs every batch through :func:`stream_chunk`: **validate** → **mask**
personal data → **tag** → **segment** customer turns → JSON-encode list/dict cells →
**roll up** per conversation; the results are appended to ``turn_tags.parquet`` and
``conversation_tags.parquet``.

Why it is fast
--------------
Calls, chats and complaints repeat a lot of text (IVR prompts, agent scripts, 好的/是的),
and every per-turn step is a pure function of the text (masking) or of the pair
(text, speaker) (tags, tokens). So inside a batch each distinct (masked text, speaker)
pair is tagged, segmented and JSON-encoded **once** and the results are copied to its
repeats by position (``take``); masking and segmentation also keep a small cache across
batches (:class:`ByteLRU`, bounded by an estimate of its bytes, not by a count of
entries, so that long texts cannot make memory creep as the corpus grows).

With ``n_jobs > 1`` the batch is cut into parts of whole conversations (contiguous rows:
the file is sorted) which travel to the workers, and back, as Arrow IPC streams instead
of pickled DataFrames; each worker keeps its models and caches between parts. The
parent only reads, splits and writes.
"""

from __future__ import annotations

import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cxtext.errors import SchemaError
from cxtext.schema import validate

__all__ = ["ByteLRU", "stage_cpu", "stream_chunk", "tag_parquet"]

#: Bytes (estimated) each cross-batch cache of a process may hold.
CACHE_BYTES = 32 * 2**20
#: Rough per-entry overhead of a cached pair in a dict-backed LRU (hash slot, links).
_ENTRY_OVERHEAD = 120


class ByteLRU:
    """A least-recently-used mapping bounded by an estimate of the bytes it holds.

    Keys and values are ``str`` (or tuples of ``str``); an entry is charged
    ``sys.getsizeof`` of its key and value plus a fixed overhead, the value only when it
    is another object than the key (most texts come out of masking as the very same
    object: they are held once). Putting an entry that alone exceeds the bound stores
    nothing.

    Parameters
    ----------
    max_bytes : int
        Upper bound of :attr:`nbytes`.

    Examples
    --------
    >>> c = ByteLRU(1_000)
    >>> c.put("您好", "您好")
    >>> c.get("您好"), c.get("再见")
    ('您好', None)
    >>> c.nbytes <= c.max_bytes
    True
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.nbytes = 0
        self._data: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._data)

    @staticmethod
    def size_of(key: Any, value: Any) -> int:
        """Bytes charged for one entry (a value that is the key object is not charged
        twice)."""
        return _sizeof(key) + (0 if value is key else _sizeof(value)) + _ENTRY_OVERHEAD

    def get(self, key: Hashable) -> Any:
        """The value of ``key`` (now the most recently used), or ``None``."""
        with self._lock:
            hit = self._data.get(key)
            if hit is None:
                return None
            self._data.move_to_end(key)
            return hit[0]

    def put(self, key: Hashable, value: Any) -> None:
        """Store ``key → value``, evicting the least recently used entries to fit."""
        self.put_many((key,), (value,))

    def get_many(self, keys: Iterable[Hashable]) -> tuple[list[Any], list[int]]:
        """:meth:`get` of every key, under one lock: (values with ``None`` for a miss,
        positions of the misses)."""
        values: list[Any] = []
        misses: list[int] = []
        data = self._data
        get = data.get
        touch = data.move_to_end
        with self._lock:
            for i, key in enumerate(keys):
                hit = get(key)
                if hit is None:
                    misses.append(i)
                    values.append(None)
                else:
                    touch(key)
                    values.append(hit[0])
        return values, misses

    def put_many(self, keys: Iterable[Hashable], values: Iterable[Any]) -> None:
        """:meth:`put` of every (key, value) pair, in order, under one lock."""
        data = self._data
        limit = self.max_bytes
        size_of = self.size_of
        with self._lock:
            for key, value in zip(keys, values, strict=True):
                size = size_of(key, value)
                old = data.pop(key, None)
                if old is not None:
                    self.nbytes -= old[1]
                if size > limit:
                    continue
                data[key] = (value, size)
                self.nbytes += size
                while self.nbytes > limit:
                    _, (_, freed) = data.popitem(last=False)
                    self.nbytes -= freed

    def clear(self) -> None:
        """Drop every entry."""
        with self._lock:
            self._data.clear()
            self.nbytes = 0


def _sizeof(obj: Any) -> int:
    if isinstance(obj, tuple):
        return sys.getsizeof(obj) + sum(sys.getsizeof(x) for x in obj)
    return sys.getsizeof(obj)


_MASKED = ByteLRU(CACHE_BYTES)  # raw text -> masked text
#: CPU seconds of this process per stage of :func:`tag_parquet` (read, validate, mask,
#: tag, segment, rollup, encode, write — with the heap trim after each batch),
#: accumulated since the last :func:`stage_cpu` reset.
_STAGE_CPU: dict[str, float] = {}


def stage_cpu(reset: bool = False) -> dict[str, float]:
    """CPU seconds this process spent per stage of :func:`tag_parquet` (a copy)."""
    out = {k: round(v, 3) for k, v in _STAGE_CPU.items()}
    if reset:
        _STAGE_CPU.clear()
    return out


class _Clock:
    """``lap(stage)`` charges the CPU time since the previous lap to ``stage``."""

    def __init__(self) -> None:
        self.last = time.process_time()

    def lap(self, stage: str) -> None:
        now = time.process_time()
        _STAGE_CPU[stage] = _STAGE_CPU.get(stage, 0.0) + now - self.last
        self.last = now


_TOKENS = ByteLRU(CACHE_BYTES)  # masked customer text -> tokens as JSON text


_LIBC: Any = None
#: glibc's mmap threshold while :func:`tag_parquet` runs (see :func:`_fix_mmap_threshold`).
MMAP_THRESHOLD = 4 * 2**20
#: glibc's trim threshold while :func:`tag_parquet` runs (see :func:`_fix_mmap_threshold`).
TRIM_THRESHOLD = 32 * 2**20


def _glibc() -> Any:
    """glibc as a ``ctypes`` library, or ``False`` (not Linux, musl and others)."""
    global _LIBC
    if _LIBC is None:
        _LIBC = False
        if sys.platform.startswith("linux"):
            import ctypes
            import ctypes.util

            try:
                libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
                if libc.malloc_trim and libc.mallopt:
                    _LIBC = libc
            except (OSError, AttributeError):
                _LIBC = False
    return _LIBC


def _trim_heap() -> None:
    """Give the C heap's free pages back to the OS (glibc ``malloc_trim``; elsewhere a
    no-op). A batch frees hundreds of MB of arrays and strings; without this glibc keeps
    much of it mapped, and the resident size of a long run creeps up batch after batch."""
    libc = _glibc()
    if libc:
        libc.malloc_trim(0)


def _fix_mmap_threshold() -> None:
    """Fix glibc's mmap threshold at :data:`MMAP_THRESHOLD` and its trim threshold at
    :data:`TRIM_THRESHOLD` for this process.

    By default glibc raises the mmap threshold up to 32 MB each time a large block is
    freed, after which blocks of up to that size come from the heaps, where a few live
    small objects keep them resident: a long run's RSS then jumped by 90-210 MB at a
    random batch and stayed (300k bench conversations: peak 864-950 MB with the default,
    716 MB with the threshold fixed). Setting the threshold once turns that adjustment
    off; blocks above it are mapped and unmapped on their own.

    Not lower than 4 MiB: at 256 KiB every column of a batch (50k rows of 8 bytes is
    400 KB) was a fresh mapping, and the page faults cost system CPU time (500k bench
    turns: 1.29 M faults and 4.1 s system time at 256 KiB; 0.33 M and 1.2 s at 4 MiB with
    the trim threshold below, of ~21 s CPU). Fixing the mmap threshold also fixes the trim
    threshold at glibc's 128 KiB, which gives the top of the heap back (and faults it in
    again) all through a batch: 32 MiB keeps it; :func:`_trim_heap` after each batch
    still gives everything free back."""
    libc = _glibc()
    if libc:
        libc.mallopt(-3, MMAP_THRESHOLD)  # M_MMAP_THRESHOLD
        libc.mallopt(-1, TRIM_THRESHOLD)  # M_TRIM_THRESHOLD


def _cached_map(values: np.ndarray, cache: ByteLRU,
                compute: Callable[[list[str]], Iterable[Any]]) -> np.ndarray:
    """``compute`` of every (distinct) value, through ``cache``; an object array."""
    found, todo = cache.get_many(values)
    # fromiter: values that are sequences stay cells (numpy would broadcast a list of them)
    out = np.fromiter(found, dtype=object, count=len(found))
    if todo:
        keys = [values[i] for i in todo]
        fresh = list(compute(keys))
        out[todo] = np.fromiter(fresh, dtype=object, count=len(fresh))
        cache.put_many(keys, fresh)
    return out


def _mask_texts(distinct: np.ndarray) -> np.ndarray:
    from cxtext.text.pii import mask_pii_many

    def mask(texts: list[str]) -> np.ndarray:
        return mask_pii_many(pd.Series(texts, dtype=object))["text"].to_numpy(dtype=object)

    return _cached_map(distinct, _MASKED, mask)


def _token_json(texts: np.ndarray) -> np.ndarray:
    from cxtext.text.segment import _segmenter_for

    # no cache inside the Segmenter: _TOKENS, bounded in bytes, is the cache here
    cut = _segmenter_for({"cache_size": 0}).cut
    encode = _json_encode()

    def tokens(batch: list[str]) -> list[str]:
        out = []
        for text in batch:
            words = cut(text)
            out.append(encode(words) if words else "[]")
        return out

    return _cached_map(texts, _TOKENS, tokens)


# ---------------------------------------------------------------------------------------------
# one chunk of whole conversations
# ---------------------------------------------------------------------------------------------


def stream_chunk(
    chunk: pd.DataFrame, options: dict[str, Any], mask: bool, tokens: bool,
    source: str = "<DataFrame>", first_row: int = 0, reject: bool = False,
) -> tuple[pd.DataFrame, pd.DataFrame, int, pd.DataFrame]:
    """Mask, tag, segment and JSON-encode whole conversations (one :func:`tag_parquet`
    step, run in this process or a worker).

    ``source`` and ``first_row`` (the 0-based row of the chunk's first turn in that
    file) put the file's name and its own 1-based row numbers in validation errors.
    With ``reject``, bad rows are left out and returned (the 4th item: ``source, row,
    reason, record``, masked when ``mask``) instead of raising.

    Returns (turn tags, conversation tags, customer characters before masking); list
    and dict cells of both frames are JSON text.
    """
    from cxtext.tags.tag import _gc_paused

    # the chunk allocates millions of small lists and dicts and none in reference
    # cycles: the cyclic collector's passes over them (and over the caches) free nothing
    with _gc_paused():
        return _stream_chunk(chunk, options, mask, tokens, source, first_row, reject)


def _stream_chunk(
    chunk: pd.DataFrame, options: dict[str, Any], mask: bool, tokens: bool,
    source: str, first_row: int, reject: bool,
) -> tuple[pd.DataFrame, pd.DataFrame, int, pd.DataFrame]:
    from cxtext.tags.tag import _distinct_rows, _rollup, tag_turns

    clock = _Clock()
    part_files = None
    if _FILE_ROW in chunk.columns:  # a sorted copy (tag_parquet(sort=True))
        rows = chunk[_FILE_ROW].to_numpy(dtype=np.int64) + 1
        if _FILE_NAME in chunk.columns:  # parts of a folder: number the rows 1..n here,
            # then give each problem its part file and row there (rows repeat across parts)
            part_files = chunk[_FILE_NAME].astype(str).to_numpy(dtype=object)
            part_rows, rows = rows, np.arange(1, len(chunk) + 1)
        chunk = chunk.drop(columns=[c for c in (_FILE_ROW, _FILE_NAME) if c in chunk.columns])
    else:
        rows = np.arange(first_row + 1, first_row + 1 + len(chunk))
    rejects = None
    try:
        if reject:
            chunk, rejects = validate(chunk, "turns", source=source, rows=rows,
                                      return_rejects=True)
            if part_files is not None:
                rejects = _to_parts(rejects, part_files, part_rows)
            rejects = _safe_rejects(rejects, mask)
        else:
            chunk = validate(chunk, "turns", source=source, rows=rows)
    except SchemaError as exc:
        if source == "<DataFrame>":
            raise
        problems = (exc.problems if part_files is None
                    else _to_parts(exc.problems, part_files, part_rows))
        # validate's own advice (column_map=, return_rejects=) names no option of tag_parquet
        raise SchemaError.from_problems("turns", problems, fix=_FIX_ROWS) from None
    clock.lap("validate")
    speaker = chunk["speaker"].to_numpy(dtype=object)
    customer = speaker == "customer"
    chars = int(chunk["text"][customer].str.len().sum())
    if mask:  # each distinct text once (scripts and prompts repeat), cached across chunks
        codes, distinct = pd.factorize(chunk["text"], use_na_sentinel=True)
        masked = _mask_texts(np.asarray(distinct, dtype=object))
        if len(masked):
            chunk["text"] = np.where(codes >= 0, masked[np.maximum(codes, 0)], None)
        else:
            chunk["text"] = np.full(len(chunk), None, dtype=object)
        clock.lap("mask")
    # every per-turn tag is a function of (text, speaker): tag each distinct pair once
    first, inverse = _distinct_rows(chunk["text"], chunk["speaker"])
    base = chunk.iloc[first].reset_index(drop=True)
    tagged = tag_turns(base, options)
    tags = tagged.iloc[:, len(base.columns):]
    clock.lap("tag")
    json_tags = _jsonify(tags)
    clock.lap("encode")
    if tokens:
        texts = base["text"].to_numpy(dtype=object)
        cust = (base["speaker"] == "customer").to_numpy() & np.array(
            [isinstance(t, str) for t in texts], dtype=bool)
        tok = np.full(len(base), "[]", dtype=object)
        tok[cust] = _token_json(texts[cust])
        json_tags = json_tags.assign(tokens=tok)
        clock.lap("segment")
    # repeats share the tag objects (read only from here on: the roll-up copies what it
    # keeps, and the JSON text was encoded above)
    full_tags = tags.take(inverse)
    full_tags.index = chunk.index
    turns = pd.concat([chunk, full_tags], axis=1)
    clock.lap("encode")
    conversations = _rollup(turns, quality=True)  # every batch: agent-quality columns
    clock.lap("rollup")
    out_tags = json_tags.take(inverse)
    out_tags.index = chunk.index
    turns = pd.concat([chunk, out_tags], axis=1)
    conversations = _jsonify(conversations)
    clock.lap("encode")
    return turns, conversations, chars, _safe_rejects(None, mask) if rejects is None else rejects


_FIX_ROWS = ("Fix or drop these rows before writing the Parquet file (cx.validate(df, "
             "'turns', return_rejects=True) gives the bad rows back), or pass "
             "on_bad_rows='reject'; rows are counted from 1, the file's first turn.")


def _to_parts(frame: pd.DataFrame, files: np.ndarray, rows: np.ndarray) -> pd.DataFrame:
    """``frame`` (problems or rejects, ``row`` = 1-based position in the chunk) with each
    row's part file as ``source`` and its row in that file as ``row``."""
    out = frame.copy()
    if not len(out):
        return out
    pos = out["row"].to_numpy(dtype=np.int64) - 1
    out["source"] = files[pos]
    out["row"] = rows[pos]
    return out


def _safe_rejects(rejects: pd.DataFrame | None, mask: bool) -> pd.DataFrame:
    """Rejected rows as text that may leave the library: the reason and the record (the
    row's raw values) masked when ``mask``, and the row number an int."""
    from cxtext.schema import empty_rejects

    if rejects is None or not len(rejects):
        return empty_rejects().astype({"source": object, "row": "int64", "reason": object,
                                       "record": object})
    out = rejects.reset_index(drop=True).astype({"row": "int64"})
    for col in ("reason", "record"):
        values = out[col].astype(str)
        if mask:
            from cxtext.text.pii import mask_pii_many

            values = mask_pii_many(values)["text"]
        out[col] = values.to_numpy(dtype=object)
    out["source"] = out["source"].astype(str).to_numpy(dtype=object)
    return out


_JSON_ENCODE: Callable[[Any], str] | None = None


def _json_encode() -> Callable[[Any], str]:
    """``json.JSONEncoder(ensure_ascii=False, default=_json_default).encode`` for lists,
    tuples and dicts, without the encoder's set-up on every call: one C encoder is made
    once and reused (a third of the time per cell; same text)."""
    global _JSON_ENCODE
    if _JSON_ENCODE is None:
        import json
        from json import encoder as json_encoder

        make = json_encoder.c_make_encoder
        if make is None:  # no C accelerator: the plain encoder
            _JSON_ENCODE = json.JSONEncoder(ensure_ascii=False, default=_json_default).encode
        else:
            # the arguments JSONEncoder.iterencode(_one_shot=True) passes, without the
            # circular-reference check (the cells are trees of lists, dicts and scalars)
            chunks = make(None, _json_default, json_encoder.encode_basestring, None, ": ",
                          ", ", False, False, True)
            join = "".join

            def encode(value: Any) -> str:
                return join(chunks(value, 0))

            _JSON_ENCODE = encode
    return _JSON_ENCODE


def _jsonify(frame: pd.DataFrame) -> pd.DataFrame:
    """List and dict cells as JSON text (other object cells unchanged)."""
    encode = _json_encode()
    out = {}
    for col in frame.columns:
        values = frame[col]
        if values.dtype != object:
            continue
        cells = values.to_numpy(dtype=object)
        if not any(isinstance(v, (list, dict, tuple)) for v in cells):
            continue
        out[col] = [("[]" if not v else encode(v)) if isinstance(v, list)
                    else encode(v) if isinstance(v, (dict, tuple)) else v for v in cells]
    return frame.assign(**out) if out else frame


def _json_default(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, (pd.Timestamp,)):
        return value.isoformat()
    return str(value)


# ---------------------------------------------------------------------------------------------
# Arrow in and out
# ---------------------------------------------------------------------------------------------


def _to_ipc(table: Any) -> bytes:
    """An Arrow table as IPC stream bytes (only the rows of a slice travel)."""
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _from_ipc(data: bytes) -> Any:
    import pyarrow as pa

    return pa.ipc.open_stream(data).read_all()


def _arrow(frame: pd.DataFrame) -> Any:
    import pyarrow as pa

    return pa.Table.from_pandas(frame, preserve_index=False)


def stream_part(piece: tuple[bytes, int], options: dict[str, Any], mask: bool,
                tokens: bool, source: str = "<DataFrame>", reject: bool = False,
                ) -> tuple[bytes, bytes, int, bytes]:
    """:func:`stream_chunk` on an Arrow IPC stream of turns (a worker's task: ``piece`` is
    the stream and the 0-based file row of its first turn); results as Arrow IPC
    streams too."""
    data, first_row = piece
    _fix_mmap_threshold()
    chunk = _from_ipc(data).to_pandas()
    turns, conversations, chars, rejects = stream_chunk(chunk, options, mask, tokens, source,
                                                        first_row, reject)
    out = (_to_ipc(_arrow(turns)), _to_ipc(_arrow(conversations)), chars,
           _to_ipc(_arrow(rejects)))
    del chunk, turns, conversations
    _trim_heap()
    return out


def _write_arrow(writers: dict[str, Any], name: str, path: Any, table: Any) -> None:
    """Append an Arrow table (list/dict cells already JSON text) to the file of ``name``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = writers.get(name)
    if writer is None:
        # a column that is empty in the first batch would be typed null: text instead
        fields = [pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f
                  for f in table.schema]
        schema = pa.schema(fields)
        writer = writers[name] = pq.ParquetWriter(str(path), schema)
    table = table.select(writer.schema.names).cast(writer.schema)
    writer.write_table(table)


# ---------------------------------------------------------------------------------------------
# the file
# ---------------------------------------------------------------------------------------------


def _open_parquet(path: Any) -> Any:
    """A ``ParquetFile`` to read batch by batch, without pre-buffering: with it, pyarrow's
    reader keeps every pre-buffered range of the file until the reader is closed, so its
    memory grows with the file (~100 MB of Arrow memory after 300k bench conversations)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from cxtext.errors import CxTextError

    try:
        return pq.ParquetFile(path, pre_buffer=False)
    except FileNotFoundError:
        raise CxTextError(
            f"tag_parquet: no Parquet file {str(path)!r}. Write one sorted by "
            "conversation_id, e.g. from a store: Store('cx.duckdb').to_parquet('turns.parquet'), "
            "or with pandas: df.sort_values(['conversation_id', 'turn']).to_parquet(...)."
        ) from None
    except pa.ArrowInvalid as exc:  # a CSV or Excel file, a truncated or empty file
        raise CxTextError(
            f"tag_parquet: {str(path)!r} is not a readable Parquet file ({exc}). For CSV or "
            "Excel exports: turns = cx.read_turns(path), then "
            "turns.sort_values(['conversation_id', 'turn']).to_parquet('turns.parquet')."
        ) from None


#: The file row (0-based) of each turn in a copy sorted by :func:`_sorted_copy`: errors
#: name the row of the file the user gave; never written out.
_FILE_ROW = "_cx_file_row"


def _sorted_copy(path: Any, folder: Path, names: list[str]) -> Path:
    """``path`` sorted by ``conversation_id`` (as text, the order :func:`tag_parquet` checks)
    and ``turn``, file order breaking ties, written by DuckDB to a hidden Parquet file in
    ``folder``: DuckDB spills a sort larger than its memory limit to disk."""
    import os

    import duckdb

    target = folder / f".cxtext-sorted-{os.getpid()}.parquet"
    spill = folder / f".cxtext-sort-spill-{os.getpid()}"
    # pandas' index columns have no meaning once the rows move
    drop = [n for n in names if n.startswith("__index_level_")]
    parts = isinstance(path, list)
    exclude = ", ".join(['file_row_number', *(["filename"] if parts else []),
                         *(_quote(n) for n in drop)])
    extra = f", filename AS {_FILE_NAME}" if parts else ""
    order = ("CAST(conversation_id AS VARCHAR)" + (", turn" if "turn" in names else "")
             + (f", {_FILE_NAME}" if parts else ""))
    con = duckdb.connect()
    try:
        con.execute("SET memory_limit = '1GB'")
        con.execute(f"SET temp_directory = '{_sql_text(spill)}'")
        con.execute(
            f"COPY (SELECT * EXCLUDE ({exclude}), file_row_number AS {_FILE_ROW}{extra} "
            f"FROM read_parquet($1, file_row_number = true"
            + (", filename = true, union_by_name = true" if parts else "") + ") "
            f"ORDER BY {order}, {_FILE_ROW}) TO '{_sql_text(target)}' (FORMAT parquet)",
            [[str(f) for f in path] if parts else str(path)])
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    finally:
        con.close()
        import shutil

        shutil.rmtree(spill, ignore_errors=True)
    return target


#: The part file of each turn when the input is a folder or glob of Parquet files.
_FILE_NAME = "_cx_file"


def _input_files(path: Any) -> list[Path] | None:
    """The Parquet part files of a folder (searched recursively; hidden files and
    folders skipped) or a glob pattern, sorted; None when ``path`` is one file."""
    import glob

    from cxtext.errors import CxTextError

    text = str(path)
    if Path(path).is_dir():
        root = Path(path)
        files = sorted(f for f in root.rglob("*.parquet")
                       if not any(part.startswith(".") for part in f.relative_to(root).parts))
    elif any(ch in text for ch in "*?[") and not Path(path).exists():
        files = sorted(Path(f) for f in glob.glob(text, recursive=True) if Path(f).is_file())
    else:
        return None
    if not files:
        raise CxTextError(f"tag_parquet: no .parquet files in {text!r}")
    return files


def _check_part_columns(files: list[Path], source: str) -> list[str]:
    """Every part file must be readable Parquet with the columns a turn needs; returns the
    columns of all parts together."""
    names: dict[str, None] = {}
    for f in files:
        pf = _open_parquet(f)
        _check_columns(pf, str(f))
        names.update(dict.fromkeys(pf.schema_arrow.names))
    return list(names)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_text(path: Path) -> str:
    return str(path).replace("'", "''")


def _check_columns(src: Any, source: str) -> None:
    """Refuse a file without the columns every turn needs, before any work (naming the
    file and the columns it has)."""
    from cxtext.errors import SchemaError

    have = list(src.schema_arrow.names)
    missing = [c for c in ("conversation_id", "speaker", "text") if c not in have]
    if missing:
        raise SchemaError(
            f"tag_parquet: {source} has no column {', '.join(map(repr, missing))} (it has "
            f"{have}). Write the turns with the canonical names: read exports with "
            "cx.read_turns(path), which maps Chinese headers (会话ID, 角色, 内容), or "
            "df.rename(columns={...}) before to_parquet.")


def _missing_ids(table: Any, source: str, row0: int) -> tuple[np.ndarray, pd.DataFrame]:
    """The rows of a batch without a ``conversation_id`` (their turns can be neither ordered
    nor rolled up): a boolean mask (None when there are none) and the rows as
    :func:`cxtext.validate` rejects them, numbered in the user's file (part)."""
    col = table.column("conversation_id")
    if not col.null_count:
        return None, None
    import pyarrow.compute as pc

    missing = pc.is_null(col).to_numpy(zero_copy_only=False)
    pos = np.flatnonzero(missing)
    frame = table.take(pos).to_pandas()
    if _FILE_ROW in frame.columns:  # a sorted copy or a reject run: the user's file row
        rows = frame[_FILE_ROW].to_numpy(dtype=np.int64) + 1
    else:
        rows = row0 + pos + 1
    files = (frame[_FILE_NAME].astype(str).to_numpy(dtype=object)
             if _FILE_NAME in frame.columns else np.full(len(frame), source, dtype=object))
    frame = frame.drop(columns=[_FILE_ROW, _FILE_NAME], errors="ignore")
    _, bad = validate(frame, "turns", source=source, rows=np.arange(1, len(frame) + 1),
                      return_rejects=True)
    return missing, _to_parts(bad, files, rows)


def _check_ids(table: Any, source: str, row0: int) -> None:
    """Refuse a batch with a row that has no ``conversation_id``, naming the file and row."""
    missing, bad = _missing_ids(table, source, row0)
    if missing is None:
        return
    from cxtext.errors import SchemaError

    first = bad.iloc[0]
    problems = pd.DataFrame([{"source": first["source"], "row": int(first["row"]),
                              "column": "conversation_id",
                              "expected": "a conversation id", "got": "missing"}])
    raise SchemaError(
        f"tag_parquet: {first['source']}, row {int(first['row'])}, column 'conversation_id': "
        "expected a conversation id; got missing. Every turn needs one: fix or drop such rows "
        "before writing the Parquet file (cx.validate(df, 'turns', return_rejects=True) "
        "gives the bad rows back).", problems)


def _drop_missing_ids(table: Any, source: str, mask: bool,
                      rejected: list[pd.DataFrame], counts: dict[str, int]) -> Any:
    """``table`` (with its file rows in ``_FILE_ROW``) without its rows that have no
    ``conversation_id`` (``on_bad_rows="reject"``); those go to ``rejected``."""
    missing, bad = _missing_ids(table, source, 0)
    if missing is None:
        return table
    bad = _safe_rejects(bad, mask)
    rejected.append(bad)
    counts["rejected"] += len(bad)
    return table.filter(_arrow_not(missing))


def _arrow_not(missing: np.ndarray) -> Any:
    import pyarrow as pa

    return pa.array(~missing)


def _write_rejects(rejected: list[pd.DataFrame], path: Path) -> None:
    """Every rejected row as CSV for a spreadsheet: UTF-8 with BOM, formulas neutralised."""
    from cxtext.export import neutralise_formula

    frame = pd.concat(rejected, ignore_index=True) if rejected else _safe_rejects(None, False)
    frame = frame.sort_values("row", kind="stable").reset_index(drop=True)
    for col in ("source", "reason", "record"):
        frame[col] = frame[col].map(neutralise_formula)
    frame.to_csv(path, index=False, encoding="utf-8-sig")


def _ids(table: Any) -> np.ndarray:
    """``conversation_id`` of an Arrow table as an object array of ``str``."""
    import pyarrow as pa

    col = table.column("conversation_id")
    if not pa.types.is_string(col.type) and not pa.types.is_large_string(col.type):
        return pd.Series(col.to_pandas()).astype(str).to_numpy(dtype=object)
    return col.to_numpy(zero_copy_only=False)


def tag_parquet(
    path: Any,
    out: Any,
    *,
    batch_size: int = 50_000,
    mask: bool = True,
    tokens: bool = False,
    n_jobs: int | None = 1,
    progress: bool | None = None,
    sort: bool = False,
    on_bad_rows: str = "raise",
    **tag_kwargs: Any,
) -> dict[str, Any]:
    """Tag a Parquet file of turns batch by batch; memory stays flat as the file grows.

    Reads ``batch_size`` turns at a time, masks personal data, optionally segments
    customer turns, tags with :func:`cxtext.tag` and appends the results to two Parquet
    files, so peak memory depends on ``batch_size``, not on the size of the corpus. The
    turns of the last conversation of a batch are held back and tagged with the
    next batch, so every roll-up sees the whole conversation. Each distinct
    (text, speaker) pair of a batch is masked, tagged and segmented once.

    Parameters
    ----------
    path : str or Path
        One Parquet file of canonical turns **sorted by** ``conversation_id`` (rows of a
        conversation in turn order), e.g. written by ``Store.to_parquet`` or
        ``df.sort_values(["conversation_id", "turn"]).to_parquet(path)``. Or a folder
        (searched recursively, hidden files and ``out`` skipped) or a glob pattern of
        Parquet part files, as data lakes export them: DuckDB puts the parts together and
        sorts them first (``sort`` implied), and errors name the part file and its row.
    out : str or Path
        Folder (created if needed) that receives ``turn_tags.parquet`` and
        ``conversation_tags.parquet``. List and dict columns (evidence, categories,
        emotion mix, tokens) are written as JSON text, as the Store does.
    batch_size : int, default 50_000
        Turns read per batch.
    mask : bool, default True
        Mask personal data (:func:`cxtext.mask_pii_many`) before tagging, so the texts
        and evidence quotes written out are masked.
    tokens : bool, default False
        Add a ``tokens`` column: customer turns cut by :class:`cxtext.Segmenter`
        (banking dictionary, rjieba when installed), ``[]`` for other speakers.
    n_jobs : int or None, default 1
        Worker processes (started once, reused for every batch; see :func:`cxtext.tag`).
    progress : bool, optional
        Progress bar over turns (default: for files of 20,000 turns or more).
    sort : bool, default False
        Sort the file first, by ``conversation_id`` and ``turn`` (file order where a
        conversation has no ``turn`` column), with DuckDB into a temporary Parquet file
        in ``out`` that is removed afterwards. DuckDB sorts larger-than-memory files on
        disk, so the memory stays bounded; it needs free disk about the size of the file.
    on_bad_rows : {"raise", "reject"}, default "raise"
        A turn that does not fit the turns table (no text, an unknown speaker, no
        ``conversation_id`` …): ``"raise"`` stops with a :class:`cxtext.SchemaError`
        naming the file, row and column; ``"reject"`` leaves the row out, goes on, and
        writes every such row to ``rejected_turns.csv`` in ``out`` (``source, row,
        reason, record``; UTF-8 with BOM for Excel, masked like the texts, formulas
        neutralised), so that rows read = turns tagged + rows rejected.
    **tag_kwargs
        ``sentiment_backend``, ``emotion_backend``, ``mood_speakers``, ``chunk_size``.

    Returns
    -------
    dict
        ``turns``, ``conversations``, ``customer_chars`` (characters of customer turns
        as read, before masking), ``batches``, ``rows_read`` and ``rejected`` (rows
        left out, 0 unless ``on_bad_rows="reject"``) and the output paths
        (``rejected_turns``: the CSV, or None). Unlike
        :func:`cxtext.tag`, the agent-quality columns are always written (every batch
        has the same columns).

    Raises
    ------
    CxTextError
        If the file is not sorted by ``conversation_id`` (the row is named; pass
        ``sort=True``).

    Notes
    -----
    On Linux with glibc, the process's (and workers') malloc mmap threshold is fixed at
    4 MiB and its trim threshold at 32 MiB (``mallopt``), and free heap memory is given
    back after each batch (``malloc_trim``), so that freed batch memory returns to the
    OS; glibc's default, an mmap threshold that grows, made a long run's memory jump and
    stay.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> pd.DataFrame({"conversation_id": ["c1", "c1"], "turn": [0, 1],
    ...               "speaker": ["agent", "customer"],
    ...               "text": ["您好", "我的手机号13812345678，再乱扣年费就销户"]}
    ...              ).to_parquet(d / "turns.parquet")
    >>> info = tag_parquet(d / "turns.parquet", d / "tags", tokens=True)
    >>> info["turns"], info["conversations"]
    (2, 1)
    >>> t = pd.read_parquet(d / "tags" / "turn_tags.parquet")
    >>> t.loc[1, "text"], t.loc[1, "tokens"], bool(t.loc[1, "intent_churn"])
    ('我的手机号[手机号]，再乱扣年费就销户', '["手机号", "再乱", "扣", "年费", "销户"]', True)
    """
    import pyarrow as pa

    from cxtext._parallel import check_n_jobs, collect, split_by_conversation, submit_parts
    from cxtext.errors import CxTextError
    from cxtext.tags.tag import _check_chunk_size, _progress

    if isinstance(batch_size, bool) or not isinstance(batch_size, (int, np.integer)) or (
        batch_size < 1
    ):
        raise ValueError("The 'batch_size' parameter of tag_parquet must be an int >= 1. "
                         f"Got {batch_size!r} instead.")
    options = {
        "sentiment_backend": tag_kwargs.pop("sentiment_backend", "model"),
        "emotion_backend": tag_kwargs.pop("emotion_backend", "model"),
        "mood_speakers": tuple(tag_kwargs.pop("mood_speakers", ("customer",))),
        "chunk_size": _check_chunk_size(tag_kwargs.pop("chunk_size", 5_000)),
    }
    if tag_kwargs:
        raise TypeError(f"tag_parquet() got unexpected keyword arguments {sorted(tag_kwargs)}")
    if on_bad_rows not in ("raise", "reject"):
        raise ValueError("The 'on_bad_rows' parameter of tag_parquet must be 'raise' or "
                         f"'reject'. Got {on_bad_rows!r} instead.")
    reject = on_bad_rows == "reject"
    jobs = check_n_jobs(n_jobs, "tag_parquet")
    _fix_mmap_threshold()
    source = str(path)
    files = _input_files(path)  # a folder or a glob of part files; None: one file
    if files is not None:  # never this run's own output (a folder inside the input folder)
        inside = Path(out).resolve()
        files = [f for f in files if inside not in f.resolve().parents]
        if not files:
            raise CxTextError(f"tag_parquet: no .parquet files in {source!r} outside {str(out)!r}")
    if files is None:
        src = _open_parquet(path)
        _check_columns(src, source)
        names = list(src.schema_arrow.names)
    else:
        names = _check_part_columns(files, source)
        sort = True  # parts come in any order: DuckDB puts them together, sorted
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise CxTextError(f"tag_parquet: the output {str(out)!r} is a file; give a folder "
                          "(it receives turn_tags.parquet and conversation_tags.parquet)")
    folder.mkdir(parents=True, exist_ok=True)
    sorted_copy = None
    if sort:
        sorted_copy = _sorted_copy(path if files is None else files, folder, names)
        src = _open_parquet(sorted_copy)
    total = src.metadata.num_rows
    paths = {"turn_tags": folder / "turn_tags.parquet",
             "conversation_tags": folder / "conversation_tags.parquet",
             "rejected_turns": folder / "rejected_turns.csv"}
    # written under hidden names and renamed at the end: a run that fails half-way leaves
    # no file that looks like a result, and a complete earlier result stays as it was
    partial = {k: v.with_name(f".{v.name}.partial") for k, v in paths.items()}
    writers: dict[str, Any] = {}
    counts = {"turns": 0, "conversations": 0, "customer_chars": 0, "batches": 0,
              "rows_read": 0, "rejected": 0}
    rejected: list[pd.DataFrame] = []

    pending: list[Any] = []  # the previous batch's futures and rows (n_jobs > 1)

    def drain() -> None:
        """Write the batch the workers were given last, once they are done with it."""
        if not pending:
            return
        futures, n_rows = pending.pop()
        done = [(_from_ipc(t), _from_ipc(c), n, _from_ipc(r).to_pandas())
                for t, c, n, r in collect(futures, jobs)]
        clock.lap("workers")  # waiting and IPC; the workers' own CPU is not counted here
        write(done)
        bar.update(n_rows)  # the progress bar follows the writes

    def run(table: Any, ids: np.ndarray, first_row: int) -> None:
        clock.lap("read")
        if jobs > 1:
            # mask, tag, segment and encode in the workers: this process reads and writes
            # one part per worker: de-duplication works inside a part, and a batch cut in
            # 2 * jobs parts tagged ~13 % more distinct rows than in jobs parts (bench corpus)
            target = max(200, -(-len(ids) // jobs))
            parts = split_by_conversation(pd.Series(ids, dtype=object), target)
            # the file is sorted, so every part is a run of rows: send slices
            pieces = [(_to_ipc(table.slice(int(rows[0]), len(rows))), first_row + int(rows[0]))
                      for rows in parts]
            futures = submit_parts(stream_part, pieces, jobs, options, mask, tokens, source,
                                   reject)
            clock.lap("workers")
            # the workers run this batch while this process writes the previous one and
            # reads the next: at most two batches are in flight
            drain()
            pending.append((futures, len(ids)))
            return
        frame = table.to_pandas()
        clock.lap("read")
        turns, conversations, chars, bad = stream_chunk(frame, options, mask, tokens, source,
                                                        first_row, reject)
        clock.last = time.process_time()
        done = [(_arrow(turns), _arrow(conversations), chars, bad)]
        clock.lap("encode")
        write(done)
        bar.update(len(ids))

    def write(done: list[tuple[Any, Any, int, pd.DataFrame]]) -> None:
        for turns, conversations, chars, bad in done:
            if len(bad):
                rejected.append(bad)
                counts["rejected"] += len(bad)
            _write_arrow(writers, "turn_tags", partial["turn_tags"], turns)
            _write_arrow(writers, "conversation_tags", partial["conversation_tags"],
                         conversations)
            counts["turns"] += turns.num_rows
            counts["conversations"] += conversations.num_rows
            counts["customer_chars"] += chars
        counts["batches"] += 1
        clock.lap("write")

    done_ok = False
    carry: Any = None  # Arrow table of the conversation held back
    carry_ids = np.array([], dtype=object)
    last_id: str | None = None
    row0 = 0  # file row of the first row of the current batch
    carry_row = 0  # file row of the first row held back
    clock = _Clock()
    try:
        with _progress(total, progress, "cxtext.tag_parquet") as bar:
            batches = src.iter_batches(batch_size=int(batch_size))
            ahead = next(batches, None)  # one batch ahead: the last one holds nothing back
            while ahead is not None:
                batch, ahead = ahead, next(batches, None)
                table = pa.Table.from_batches([batch])
                n_read = table.num_rows
                counts["rows_read"] += n_read
                if reject:
                    if _FILE_ROW not in table.column_names:  # rows may be left out: carry
                        table = table.append_column(  # each row's number in the file
                            _FILE_ROW, pa.array(np.arange(row0, row0 + n_read)))
                    table = _drop_missing_ids(table, source, mask, rejected, counts)
                else:
                    _check_ids(table, source, row0)
                ids = _ids(table)
                if len(ids):
                    bad = np.flatnonzero(ids[1:] < ids[:-1])
                    if last_id is not None and ids[0] < last_id:
                        bad = np.concatenate([[-1], bad])
                    if len(bad):
                        row = row0 + int(bad[0]) + 2  # 1-based row of the offending turn
                        if _FILE_ROW in table.column_names:
                            row = int(table.column(_FILE_ROW)[int(bad[0]) + 1].as_py()) + 1
                        raise CxTextError(
                            f"tag_parquet: {path} is not sorted by conversation_id: row "
                            f"{row} (conversation_id {ids[bad[0] + 1]!r}) comes after "
                            f"{(ids[bad[0]] if bad[0] >= 0 else last_id)!r}. Pass "
                            "sort=True (cxtext tag-parquet --sort) to sort it on disk, or sort the "
                            "turns by conversation_id and turn first.")
                    last_id = ids[-1]
                start = row0  # the carried rows come right before this batch's in the file
                row0 += n_read
                if carry is not None and carry.num_rows:
                    table = pa.concat_tables([carry, table])
                    ids = np.concatenate([carry_ids, ids])
                    start = carry_row
                # hold back the last conversation: its turns may go on in the next batch
                cut = (len(ids) if ahead is None
                       else int(np.searchsorted(ids, ids[-1], side="left")) if len(ids) else 0)
                carry, carry_ids, carry_row = table.slice(cut), ids[cut:], start + cut
                if cut:
                    run(table.slice(0, cut), ids[:cut], start)
                    _trim_heap()  # the batch's frames are gone now
                    clock.lap("write")
                clock.last = time.process_time()
            if carry is not None and carry.num_rows:
                clock.lap("read")
                run(carry, carry_ids, carry_row)
            drain()
        if not writers:  # no turns: files with every column and no rows, not no files
            empty = src.schema_arrow.empty_table().to_pandas()
            turns, conversations, _, _ = stream_chunk(empty, options, mask, tokens, source, 0)
            _write_arrow(writers, "turn_tags", partial["turn_tags"], _arrow(turns))
            _write_arrow(writers, "conversation_tags", partial["conversation_tags"],
                         _arrow(conversations))
        if reject:
            _write_rejects(rejected, partial["rejected_turns"])
        done_ok = True
    finally:
        for writer in writers.values():
            writer.close()
        if sorted_copy is not None:
            sorted_copy.unlink(missing_ok=True)
        for name, tmp in partial.items():
            if not done_ok:
                tmp.unlink(missing_ok=True)
            elif name in writers or (name == "rejected_turns" and reject):
                tmp.replace(paths[name])
        clock.lap("write")
    out_paths = {k: str(v) for k, v in paths.items()}
    out_paths["rejected_turns"] = out_paths["rejected_turns"] if reject else None
    return {**counts, **out_paths}

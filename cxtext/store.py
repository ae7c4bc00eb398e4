"""``cx.Store``: one DuckDB file holding conversations, turns, tags, portraits and warnings.

The store is the embedded default for anything larger than a notebook session:

* **Loading is idempotent.** Rows are keyed (``conversation_id``; ``conversation_id`` +
  ``turn``; ``customer_id``); a row whose key is already stored is skipped, so loading
  the same files twice adds nothing. Bad rows are rejected, reported in the
  :class:`LoadReport` and kept (masked) in the ``_rejects`` table — never dropped
  silently.
* **Turn texts are masked at load by default** (``mask_pii=True``): the store never holds
  phone, ID-card or bank-card numbers, e-mail addresses, names or addresses unless you
  opt out. Tags are computed on the stored text, so they are the same whichever choice
  you make for a given store.
* **Tagging is incremental and resumable.** :meth:`Store.tag` tags only conversations
  without a ``conversation_tags`` row, a chunk of conversations at a time, each chunk in
  one transaction (its turn tags, its conversation roll-ups and a ``_tag_runs`` row). A
  run killed mid-way loses at most the chunk in flight; the next call picks up where it
  stopped, and every conversation ends tagged exactly once.
* **List and dict tag columns** (``categories``, ``intent_evidence``, ``emotion_mix``, …)
  are stored as DuckDB ``JSON`` and come back from :meth:`Store.read_table` as Python
  lists and dicts; the pandas dtype of every column written through the store is
  recorded in ``_columns`` so that a frame round-trips unchanged.

Tables: ``conversations``, ``turns``, ``customers`` (canonical columns, see
:mod:`cxtext.schema`, plus any extra columns a load brings), ``turn_tags``
(``conversation_id, turn, speaker`` and the tag columns of :func:`cxtext.tag`),
``conversation_tags`` (its roll-ups), ``portraits`` and ``warnings`` (written with
:meth:`Store.write_table`), and the bookkeeping tables ``_loads``, ``_rejects``,
``_tag_runs`` and ``_columns``.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cxtext import schema
from cxtext.errors import CxTextError, SchemaError, param_error

PathLike = str | os.PathLike[str]
Frame = pd.DataFrame | PathLike

CANONICAL: tuple[str, ...] = ("conversations", "turns", "customers")
TAG_TABLES: tuple[str, ...] = ("turn_tags", "conversation_tags")
DATA_TABLES: tuple[str, ...] = (*CANONICAL, "balances", *TAG_TABLES, "portraits", "warnings")
KEYS: dict[str, tuple[str, ...]] = {
    "conversations": ("conversation_id",),
    "turns": ("conversation_id", "turn"),
    "customers": ("customer_id",),
    "balances": ("customer_id", "month"),
    "turn_tags": ("conversation_id", "turn"),
    "conversation_tags": ("conversation_id",),
    "portraits": ("customer_id",),
    "warnings": ("customer_id",),
}
#: Columns of the turns table that belong to the conversation (they go to ``conversations``).
_CONVERSATION_LEVEL = ("customer_id", "started_at", "channel", "agent_id", "duration_s",
                       "resolved")
#: ``cx.tag`` settings that change the tags (checked on resume by ``Store.tag``).
_RESULT_SETTINGS = ("sentiment_backend", "emotion_backend", "mood_speakers")
#: Turn columns kept in ``turn_tags`` besides the tags (the text stays in ``turns`` only).
_TURN_TAG_KEEP = ("conversation_id", "turn", "speaker")
_SQL_TYPES = {"str": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "datetime": "TIMESTAMP",
              "bool": "BOOLEAN"}
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_REJECT_COLS = ("table", "source", "row", "reason", "record")


class StoreError(CxTextError):
    """A store operation cannot be done (unknown table, bad name, read-only store, …).

    Examples
    --------
    >>> import cxtext as cx
    >>> with cx.Store(":memory:") as store:
    ...     try:
    ...         store.read_table("no_such_table")
    ...     except cx.StoreError as exc:
    ...         print(type(exc).__name__)
    StoreError
    """


def _check_conflict(owner: str, value: object) -> None:
    if value not in ("skip", "replace"):
        raise param_error(f"Store.{owner}", "on_conflict", ["skip", "replace"], value)


def _q(name: str) -> str:
    """Quote an SQL identifier."""
    return '"' + str(name).replace('"', '""') + '"'


def _check_name(name: str, what: str = "table") -> str:
    if not isinstance(name, str) or not _IDENT.match(name):
        raise StoreError(f"A {what} name must be letters, digits and _ (not starting with a "
                         f"digit); got {name!r}.")
    return name


def _json_default(value: Any) -> Any:
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return None if np.isnan(value) else float(value)
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, (pd.Timestamp, datetime, date)):
        return value.isoformat()
    if value is pd.NA or value is pd.NaT:
        return None
    raise TypeError(f"cannot store a {type(value).__name__} in a JSON column")


def _clean_json(value: Any) -> Any:
    """NaN floats become null (JSON has no NaN)."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {str(k): _clean_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean_json(v) for v in value]
    return value


def _to_json(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return json.dumps(_clean_json(value), ensure_ascii=False, default=_json_default)


def _from_json(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    return json.loads(value)


def _is_json_column(s: pd.Series) -> bool:
    if s.dtype != object:
        return False
    return any(isinstance(v, (list, dict, tuple, np.ndarray)) for v in s.to_numpy())


def _sql_type(s: pd.Series, json_col: bool) -> str:
    dt = s.dtype
    if json_col:
        return "JSON"
    if pd.api.types.is_bool_dtype(dt):
        return "BOOLEAN"
    if pd.api.types.is_integer_dtype(dt):
        return "BIGINT"
    if pd.api.types.is_float_dtype(dt):
        return "DOUBLE"
    if isinstance(dt, pd.DatetimeTZDtype):
        return "TIMESTAMPTZ"
    if pd.api.types.is_datetime64_any_dtype(dt):
        return "TIMESTAMP"
    if pd.api.types.is_timedelta64_dtype(dt):
        return "INTERVAL"
    values = [v for v in s.to_numpy() if not (v is None or v is pd.NA
                                              or (isinstance(v, float) and math.isnan(v)))]
    if values and all(isinstance(v, (bool, np.bool_)) for v in values):
        return "BOOLEAN"
    if values and all(isinstance(v, (pd.Timestamp, datetime)) for v in values):
        return "TIMESTAMP"
    return "VARCHAR"


def _dtype_text(dtype: Any) -> str:
    """The pandas dtype as text; categories keep their values and order."""
    if isinstance(dtype, pd.CategoricalDtype):
        cats = [c.item() if hasattr(c, "item") else c for c in dtype.categories]
        return "category" + json.dumps({"categories": cats, "ordered": bool(dtype.ordered)},
                                       ensure_ascii=False, default=str)
    return str(dtype)


def _dtype_from_text(text: str) -> Any:
    if text.startswith("category{"):
        spec = json.loads(text[len("category"):])
        return pd.CategoricalDtype(spec["categories"], ordered=spec["ordered"])
    return text


@dataclass
class LoadReport:
    """What :meth:`Store.load` did, per table.

    Attributes
    ----------
    read : dict
        Rows offered per table (kept + rejected).
    inserted : dict
        Rows added per table.
    skipped : dict
        Valid rows not added because their key was already stored (loading the same
        rows twice skips them all).
    replaced : dict
        Stored rows overwritten by a row with the same key (``on_conflict="replace"``).
    rejects : DataFrame
        One row per rejected input row: ``table, source, row, reason, record``
        (personal data masked).
    """

    read: dict[str, int] = field(default_factory=dict)
    inserted: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    replaced: dict[str, int] = field(default_factory=dict)
    rejects: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame({c: pd.Series(dtype=object) for c in _REJECT_COLS})
    )

    @property
    def n_inserted(self) -> int:
        """Rows added, all tables together."""
        return int(sum(self.inserted.values()))

    @property
    def n_rejected(self) -> int:
        """Rows rejected, all tables together."""
        return len(self.rejects)

    def __str__(self) -> str:
        lines = []
        for table in self.read:
            rej = int((self.rejects["table"] == table).sum()) if len(self.rejects) else 0
            line = (f"{table}: read {self.read[table]:,}, inserted "
                    f"{self.inserted.get(table, 0):,}, ")
            if table in self.replaced:
                line += f"replaced {self.replaced[table]:,}, "
            else:
                line += f"already stored {self.skipped.get(table, 0):,}, "
            lines.append(line + f"rejected {rej:,}")
        return "\n".join(lines) or "nothing loaded"


class Store:
    """A DuckDB file (or an in-memory database) holding the cxtext tables.

    Parameters
    ----------
    path : str or os.PathLike, default ":memory:"
        The ``.duckdb`` file (created when missing) or ``":memory:"``.
    read_only : bool, default False
        Open without write access (several processes may read one file).
    memory_limit : str, optional
        DuckDB ``memory_limit`` such as ``"2GB"``; beyond it DuckDB spills to disk.
    threads : int, optional
        DuckDB worker threads (default: DuckDB's, one per core).

    Examples
    --------
    >>> import pandas as pd
    >>> turns = pd.DataFrame({"conversation_id": ["c1", "c1"], "speaker": ["客服", "客户"],
    ...                       "text": ["您好", "我的手机号13812345678，年费乱扣"],
    ...                       "customer_id": ["u1", "u1"]})
    >>> with Store() as store:
    ...     print(store.load(turns=turns))
    ...     print(store.load(turns=turns).n_inserted)
    ...     print(store.read_table("turns")["text"].tolist())
    conversations: read 1, inserted 1, already stored 0, rejected 0
    turns: read 2, inserted 2, already stored 0, rejected 0
    0
    ['您好', '我的手机号[手机号]，年费乱扣']
    """

    def __init__(
        self,
        path: PathLike = ":memory:",
        *,
        read_only: bool = False,
        memory_limit: str | None = None,
        threads: int | None = None,
    ) -> None:
        import duckdb

        self.path = str(path)
        self.read_only = read_only
        self.memory_limit = memory_limit
        self.threads = threads
        config: dict[str, Any] = {}
        if memory_limit is not None:
            config["memory_limit"] = str(memory_limit)
        if threads is not None:
            config["threads"] = int(threads)
        self._con = None
        folder = Path(self.path).parent
        if self.path != ":memory:" and not folder.is_dir():
            raise StoreError(
                f"Cannot open the store {self.path!r}: the folder '{folder}' does not exist. "
                f"Create it first (os.makedirs({str(folder)!r}, exist_ok=True)) or give a path "
                "in an existing folder.")
        try:
            self._con = duckdb.connect(self.path, read_only=read_only, config=config)
        except duckdb.IOException as exc:
            raise StoreError(
                f"Cannot open the store {self.path!r}: {exc}. A DuckDB file is opened by one "
                "writing process at a time (or by several with read_only=True); close the "
                "other process or open this one read-only.") from exc
        if not read_only:
            self._init_schema()

    # ------------------------------------------------------------------ housekeeping

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        try:
            sizes = ", ".join(f"{k}={v:,}" for k, v in self.counts().items())
        except Exception:  # closed
            sizes = "closed"
        return f"Store({self.path!r}: {sizes})"

    def _x(self, query: str, params: Sequence[Any] | None = None) -> list[tuple]:
        """Execute a statement and consume its result (DuckDB wants results finished)."""
        res = self.con.execute(query, params) if params is not None else self.con.execute(query)
        return res.fetchall()

    @property
    def con(self) -> Any:
        """The DuckDB connection (``store.con.execute(...)``); a closed store says so."""
        if self._con is None:
            raise StoreError(
                f"The store {self.path!r} is closed (its with-block ended or close() was "
                f"called). Open it again: store = cx.Store({self.path!r}), or keep the calls "
                "that use it inside the with-block.")
        return self._con

    def close(self) -> None:
        """Close the connection (committed work is on disk). Calling it again does nothing."""
        if self._con is not None:
            self._con.close()
            self._con = None

    def _init_schema(self) -> None:
        self._x("CREATE TABLE IF NOT EXISTS _columns (table_name VARCHAR, column_name VARCHAR, "
                  "dtype VARCHAR, is_json BOOLEAN, position INTEGER)")
        self._x("CREATE TABLE IF NOT EXISTS _loads (load_id BIGINT, loaded_at TIMESTAMP, "
                  "source VARCHAR, table_name VARCHAR, n_read BIGINT, n_inserted BIGINT, "
                  "n_skipped BIGINT, n_rejected BIGINT, masked BOOLEAN)")
        self._x("CREATE TABLE IF NOT EXISTS _rejects (load_id BIGINT, table_name VARCHAR, "
                  "source VARCHAR, \"row\" BIGINT, reason VARCHAR, record VARCHAR)")
        self._x("CREATE TABLE IF NOT EXISTS _tag_runs (run_id BIGINT, chunk BIGINT, "
                  "started_at TIMESTAMP, finished_at TIMESTAMP, n_conversations BIGINT, "
                  "n_turns BIGINT, params JSON)")
        for name in CANONICAL:
            if not self.has_table(name):
                self._create_canonical(name)

    def _create_canonical(self, name: str) -> None:
        sch = schema.SCHEMAS[name]
        cols = ", ".join(f"{_q(c.name)} {_SQL_TYPES[c.dtype]}" for c in sch.columns)
        self._x(f"CREATE TABLE {_q(name)} ({cols})")
        empty = schema.empty_table(name)
        self._record_columns(name, empty, set())

    def _record_columns(self, table: str, df: pd.DataFrame, json_cols: set[str]) -> None:
        known = set(self.con.execute(
            "SELECT column_name FROM _columns WHERE table_name = ?", [table]).fetchnumpy()
            ["column_name"].tolist())
        start = len(known)
        rows = [(table, col, _dtype_text(df[col].dtype), col in json_cols, start + i)
                for i, col in enumerate(c for c in df.columns if c not in known)]
        if rows:
            self.con.executemany("INSERT INTO _columns VALUES (?, ?, ?, ?, ?)", rows)

    def has_table(self, name: str) -> bool:
        """Whether ``name`` exists in the store."""
        return bool(self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ? "
            "AND table_schema = 'main'", [name]).fetchall()[0][0])

    def tables(self) -> list[str]:
        """Data tables present (bookkeeping tables, whose names start with ``_``, left out)."""
        names = self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
            "ORDER BY table_name").fetchnumpy()["table_name"].tolist()
        order = {t: i for i, t in enumerate(DATA_TABLES)}
        return sorted((n for n in names if not n.startswith("_")),
                      key=lambda n: (order.get(n, 99), n))

    def counts(self) -> dict[str, int]:
        """Rows per data table, e.g. ``{"conversations": 3689, "turns": 48557, …}``."""
        return {t: int(self.con.execute(f"SELECT count(*) FROM {_q(t)}").fetchall()[0][0])
                for t in self.tables()}

    def _columns_of(self, table: str) -> dict[str, str]:
        rows = self.con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
            "AND table_schema = 'main' ORDER BY ordinal_position", [table]).fetchall()
        return {name: dtype for name, dtype in rows}

    def _require(self, table: str) -> None:
        if not self.has_table(table):
            raise StoreError(f"The store {self.path!r} has no table {table!r}; it has "
                             f"{self.tables()}.")

    def _writable(self, what: str) -> None:
        if self.read_only:
            raise StoreError(f"Store.{what}: the store {self.path!r} was opened read-only.")

    # ------------------------------------------------------------------ writing frames

    def _prepare(self, df: pd.DataFrame, json_cols: set[str]) -> tuple[pd.DataFrame, set[str]]:
        """Copy of ``df`` ready for DuckDB: JSON columns serialised, categories as strings."""
        out = pd.DataFrame(index=range(len(df)))
        found = set()
        for col in df.columns:
            s = df[col].reset_index(drop=True)
            if col in json_cols or _is_json_column(s):
                found.add(col)
                out[col] = pd.Series([_to_json(v) for v in s.to_numpy()], dtype=object)
            elif isinstance(s.dtype, pd.CategoricalDtype):
                out[col] = s.astype(object).where(s.notna(), None)
            else:
                out[col] = s
        return out, found

    def _ensure_table(self, table: str, df: pd.DataFrame, json_cols: set[str]) -> None:
        """Create ``table`` from ``df``'s columns, or add the columns it lacks."""
        existing = self._columns_of(table)
        if not existing:
            cols = ", ".join(f"{_q(c)} {_sql_type(df[c], c in json_cols)}" for c in df.columns)
            self._x(f"CREATE TABLE {_q(table)} ({cols})")
        else:
            for c in df.columns:
                if c not in existing:
                    self._x(f"ALTER TABLE {_q(table)} ADD COLUMN {_q(c)} "
                                     f"{_sql_type(df[c], c in json_cols)}")
        self._record_columns(table, df, json_cols)

    def _json_columns(self, table: str) -> set[str]:
        return {c for c, t in self._columns_of(table).items() if t == "JSON"}

    def _append(self, table: str, df: pd.DataFrame, *, dedupe: bool = True,
                replace: bool = False) -> tuple[int, int]:
        """Insert the rows of ``df`` whose key is not stored yet; return (inserted, skipped).

        With ``replace``, stored rows with the same key are deleted first and the
        second number is how many were replaced. Runs inside the caller's transaction.
        """
        for c in df.columns:
            _check_name(str(c), "column")
        prepared, found = self._prepare(df, self._json_columns(table))
        self._ensure_table(table, df, found)
        cols = ", ".join(_q(c) for c in prepared.columns)
        self.con.register("_cx_frame", prepared)
        try:
            key = KEYS.get(table) if dedupe else None
            if key and all(k in prepared.columns for k in key):
                cond = " AND ".join(f"s.{_q(k)} = f.{_q(k)}" for k in key)
                part = ", ".join(_q(k) for k in key)
                if replace:
                    gone = self.con.execute(
                        f"DELETE FROM {_q(table)} s WHERE EXISTS (SELECT 1 FROM _cx_frame f "
                        f"WHERE {cond})").fetchall()[0][0]
                n = self.con.execute(
                    f"INSERT INTO {_q(table)} ({cols}) SELECT {cols} FROM "
                    f"(SELECT * FROM _cx_frame QUALIFY row_number() OVER (PARTITION BY {part}) "
                    f"= 1) f WHERE NOT EXISTS (SELECT 1 FROM {_q(table)} s WHERE {cond})"
                ).fetchall()[0][0]
            else:
                n = self.con.execute(
                    f"INSERT INTO {_q(table)} ({cols}) SELECT {cols} FROM _cx_frame"
                ).fetchall()[0][0]
        finally:
            self.con.unregister("_cx_frame")
        if replace and key:
            return int(n) - int(gone), int(gone)
        return int(n), len(df) - int(n)

    def write_table(self, name: str, df: pd.DataFrame, *, replace: bool = True) -> int:
        """Write a DataFrame as a table (e.g. ``portraits`` or ``warnings``).

        Parameters
        ----------
        name : str
            Table name (letters, digits, ``_``; not starting with ``_``).
        df : DataFrame
            Columns of lists or dicts are stored as JSON and read back as lists/dicts.
        replace : bool, default True
            Replace the table; with False, append (adding any new columns).

        Returns
        -------
        int
            Rows written.

        Examples
        --------
        >>> import pandas as pd
        >>> with Store() as s:
        ...     _ = s.write_table("warnings", pd.DataFrame({"customer_id": ["u1"],
        ...                                                  "reasons": [["投诉3次"]]}))
        ...     s.read_table("warnings")["reasons"].tolist()
        [['投诉3次']]
        """
        self._writable("write_table")
        _check_name(name)
        if name.startswith("_"):
            raise StoreError(f"Tables starting with '_' are the store's bookkeeping: {name!r}.")
        if not isinstance(df, pd.DataFrame):
            raise TypeError(f"Store.write_table: df must be a pandas DataFrame, got "
                            f"{type(df).__name__}")
        self._x("BEGIN TRANSACTION")
        try:
            if replace and self.has_table(name):
                self._x(f"DROP TABLE {_q(name)}")
                self._x("DELETE FROM _columns WHERE table_name = ?", [name])
            n, _ = self._append(name, df, dedupe=False)
            self._x("COMMIT")
        except BaseException:
            self._x("ROLLBACK")
            raise
        return n

    # ------------------------------------------------------------------ reading

    def read_table(
        self,
        name: str,
        columns: Sequence[str] | None = None,
        where: str | None = None,
        params: Sequence[Any] | Mapping[str, Any] | None = None,
    ) -> pd.DataFrame:
        """Read a table back as a DataFrame (JSON columns as Python lists/dicts).

        Parameters
        ----------
        name : str
            Table name, e.g. ``"conversation_tags"``.
        columns : sequence of str, optional
            Columns to read (default all).
        where : str, optional
            An SQL condition, e.g. ``"started_at >= '2025-06-01'"``; use ``?`` and
            ``params`` for values.
        params : sequence or mapping, optional
            Values for the placeholders in ``where``.

        Returns
        -------
        DataFrame
            Rows ordered by the table's key; each column in the pandas dtype it was
            written with.

        Examples
        --------
        >>> import pandas as pd
        >>> with Store() as s:
        ...     _ = s.write_table("portraits", pd.DataFrame(
        ...         {"customer_id": ["u2", "u1"], "categories": [["fees"], ["wealth", "fees"]],
        ...          "churn_intent": [False, True]}))
        ...     s.read_table("portraits", where="churn_intent")["categories"].tolist()
        [['wealth', 'fees']]
        """
        _check_name(name)
        self._require(name)
        types = self._columns_of(name)
        if columns is None:
            columns = list(types)
        missing = [c for c in columns if c not in types]
        if missing:
            raise StoreError(f"Table {name!r} has no column(s) {missing}; it has {list(types)}.")
        key = [k for k in KEYS.get(name, ()) if k in types]
        query = f"SELECT {', '.join(_q(c) for c in columns)} FROM {_q(name)}"
        if where:
            query += f" WHERE {where}"
        if key:
            query += " ORDER BY " + ", ".join(_q(k) for k in key)
        df = self.con.execute(query, params).df() if params is not None else \
            self.con.execute(query).df()
        return self._restore(name, df, types)

    def _restore(self, table: str, df: pd.DataFrame, types: Mapping[str, str]) -> pd.DataFrame:
        meta = dict(self.con.execute(
            "SELECT column_name, dtype FROM _columns WHERE table_name = ?", [table]).fetchall())
        for col in df.columns:
            if types.get(col) == "JSON":
                df[col] = pd.Series([_from_json(v) for v in df[col].to_numpy()],
                                    index=df.index, dtype=object)
                continue
            want = meta.get(col)
            if want is None or _dtype_text(df[col].dtype) == want:
                continue
            try:
                if want in ("int64", "bool") and df[col].isna().any():
                    continue  # keep the nullable dtype rather than lose missing values
                if want == "object":
                    s = df[col].astype(object)
                    df[col] = s.where(s.notna(), None)
                else:
                    target = _dtype_from_text(want)
                    if isinstance(target, pd.CategoricalDtype):
                        extra = set(df[col].dropna()) - set(target.categories)
                        if extra:  # values the recorded categories lack: keep them as text
                            continue
                    df[col] = df[col].astype(target)
            except (TypeError, ValueError):
                pass
        return df

    def sql(self, query: str, params: Sequence[Any] | Mapping[str, Any] | None = None
            ) -> pd.DataFrame:
        """Run any SQL on the store and return the result as a DataFrame.

        Examples
        --------
        >>> Store().sql("SELECT count(*) AS n FROM turns")["n"].tolist()
        [0]
        """
        res = self.con.execute(query, params) if params is not None else self.con.execute(query)
        return res.df()

    def to_parquet(self, folder: PathLike) -> list[Path]:
        """Export every data table to ``folder/<table>.parquet`` (JSON columns as text).

        Returns
        -------
        list of Path
            The files written.
        """
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for table in self.tables():
            key = [k for k in KEYS.get(table, ()) if k in self._columns_of(table)]
            order = (" ORDER BY " + ", ".join(_q(k) for k in key)) if key else ""
            target = out / f"{table}.parquet"
            path_sql = str(target).replace("'", "''")
            self._x(f"COPY (SELECT * FROM {_q(table)}{order}) TO '{path_sql}' "
                             "(FORMAT parquet)")
            written.append(target)
        return written

    # ------------------------------------------------------------------ loading

    def load(
        self,
        turns: Frame | None = None,
        conversations: Frame | None = None,
        customers: Frame | None = None,
        *,
        balances: pd.DataFrame | None = None,
        source: str | None = None,
        mask_pii: bool = True,
        strict: bool = False,
        on_conflict: str = "skip",
    ) -> LoadReport:
        """Add rows to the store; rows already stored (same key) are skipped.

        Parameters
        ----------
        turns, conversations, customers : DataFrame or path, optional
            Canonical tables, or files read with :func:`cxtext.read_turns`,
            :func:`cxtext.read_conversations`, :func:`cxtext.read_customers`.
            Everything is validated (:func:`cxtext.validate`). When ``turns`` carry
            conversation-level columns (``customer_id``, ``started_at``, …) and no
            ``conversations`` are given, the conversations are built from them.
        balances : DataFrame, optional
            Monthly assets per customer (``customer_id, month, avg_daily_assets``;
            key: customer and month), for the portraits' ``assets_trend_3m``. In a
            corpus folder, :meth:`load_corpus` reads ``balances.*``.
        source : str, optional
            Name recorded in ``_loads`` and in rejects (default: the file name or
            ``<DataFrame>``).
        mask_pii : bool, default True
            Mask personal data in turn texts before storing (:func:`cxtext.mask_pii`).
            Pass False only for a store that never leaves a secure environment.
        strict : bool, default False
            Raise :class:`~cxtext.errors.SchemaError` (and store nothing) when any
            row is bad, instead of rejecting the bad rows.
        on_conflict : {"skip", "replace"}, default "skip"
            What a row whose key is already stored does: ``"skip"`` keeps the stored
            row (idempotent loads); ``"replace"`` overwrites it (a refreshed CRM
            extract, corrected conversations). Replaced turns clear their
            conversation's tags so the next :meth:`tag` redoes them.

        Returns
        -------
        LoadReport

        Notes
        -----
        New turns of a conversation that was already tagged clear its tags, so the
        next :meth:`tag` re-tags it with all its turns.
        """
        from cxtext import io

        self._writable("load")
        _check_conflict("load", on_conflict)
        frames: dict[str, pd.DataFrame] = {}
        rejects: list[pd.DataFrame] = []
        sources: dict[str, str] = {}
        readers = {"turns": io.read_turns, "conversations": io.read_conversations,
                   "customers": io.read_customers}
        for table, value in (("turns", turns), ("conversations", conversations),
                             ("customers", customers)):
            if value is None:
                continue
            if isinstance(value, pd.DataFrame):
                src = source or "<DataFrame>"
                kept, rej = schema.validate(value, table, source=src, return_rejects=True)
            elif isinstance(value, (str, os.PathLike)):
                src = source or Path(value).name
                try:
                    kept, rej = readers[table](value, return_rejects=True)
                except SchemaError as exc:  # store.load has no column_map= / speaker_map=
                    maps = "column_map=..., speaker_map=..." if table == "turns" else \
                        "column_map=..."
                    raise SchemaError.from_problems(
                        table, exc.problems,
                        fix=f"Store.load reads a file with the built-in column names only: read "
                            f"it first, frame = cx.read_{table}({str(value)!r}, {maps}), then "
                            f"store.load({table}=frame) (command line: cxtext ingest FILE "
                            f"--column-map '{{...}}' --out DIR, then cxtext load STORE "
                            f"DIR/{table}.parquet).") from None
            else:
                raise TypeError(f"Store.load: {table} must be a DataFrame or a path, got "
                                f"{type(value).__name__}")
            frames[table], sources[table] = kept, src
            if len(rej):
                rejects.append(rej.assign(table=table))
        if balances is not None:
            if not isinstance(balances, pd.DataFrame):
                raise TypeError(f"Store.load: balances must be a DataFrame, got "
                                f"{type(balances).__name__}")
            from cxtext._balances import normalise_balances

            src = source or "<DataFrame>"
            frames["balances"], rej = normalise_balances(balances, source=src)
            sources["balances"] = src
            if len(rej):
                rejects.append(rej.assign(table="balances"))
        if "turns" in frames and "conversations" not in frames:
            carried = [c for c in _CONVERSATION_LEVEL if c in frames["turns"].columns]
            if carried:
                frames["conversations"] = io.conversations_from_turns(frames["turns"])
                sources["conversations"] = sources["turns"]
        return self._load_frames(frames, rejects, sources, mask_pii=mask_pii, strict=strict,
                                 on_conflict=on_conflict)

    def load_corpus(self, folder: PathLike, *, mask_pii: bool = True, strict: bool = False,
                    on_conflict: str = "skip") -> LoadReport:
        """Load a corpus folder (``turns``, ``conversations``, ``customers``, ``balances``
        files).

        Reads with :func:`cxtext.read_corpus` (rows it rejects are reported too);
        the keyword arguments are those of :meth:`load`.

        Examples
        --------
        >>> with Store() as s:                                    # doctest: +SKIP
        ...     s.load_corpus("corpora/demo").inserted
        {'turns': 48557, 'conversations': 3689, 'customers': 1000}
        """
        from cxtext.io import read_corpus

        self._writable("load_corpus")
        _check_conflict("load_corpus", on_conflict)
        corpus = read_corpus(folder)
        frames = {"turns": corpus.turns, "conversations": corpus.conversations}
        if corpus.customers is not None:
            frames["customers"] = corpus.customers
        if corpus.balances is not None:  # monthly assets: portraits' assets_trend_3m
            frames["balances"] = corpus.balances
        rejects = [corpus.rejects] if len(corpus.rejects) else []
        src = str(folder)
        return self._load_frames(frames, rejects, dict.fromkeys(frames, src),
                                 mask_pii=mask_pii, strict=strict, on_conflict=on_conflict)

    def _load_frames(
        self, frames: dict[str, pd.DataFrame], rejects: list[pd.DataFrame],
        sources: dict[str, str], *, mask_pii: bool, strict: bool, on_conflict: str,
    ) -> LoadReport:
        from cxtext.text.pii import mask_pii as mask_one

        rej = (pd.concat(rejects, ignore_index=True)[list(_REJECT_COLS)] if rejects
               else LoadReport().rejects)
        if len(rej):
            rej = rej.assign(reason=rej["reason"].astype(str).map(mask_one),
                             record=rej["record"].astype(str).map(mask_one))
        if strict and len(rej):
            problems = pd.DataFrame({
                "source": rej["source"].to_numpy(), "row": pd.array(rej["row"], dtype="Int64"),
                "column": rej["table"].to_numpy(), "expected": "a valid row",
                "got": rej["reason"].to_numpy(),
            })
            raise SchemaError.from_problems(
                "store load", problems,
                fix="Nothing was stored. Fix the data, map your column names with "
                    "column_map=... (cx.read_turns), or load without strict=True: the good rows "
                    "are stored and the bad ones reported (LoadReport.rejects, table _rejects).")
        report = LoadReport(rejects=rej.reset_index(drop=True))
        if "turns" in frames:
            t = frames["turns"]
            t = t[[c for c in t.columns if c not in _CONVERSATION_LEVEL]]
            if mask_pii and len(t):
                from cxtext.text.pii import mask_pii_many

                t = t.assign(text=mask_pii_many(t["text"])["text"].to_numpy())
            frames["turns"] = t
        order = [t for t in ("customers", "balances", "conversations", "turns") if t in frames]
        self._x("BEGIN TRANSACTION")
        try:
            load_id = int(self.con.execute(
                "SELECT coalesce(max(load_id), 0) + 1 FROM _loads").fetchall()[0][0])
            for table in order:
                df = frames[table]
                replace = on_conflict == "replace"
                if table == "turns" and self.has_table("conversation_tags") and len(df):
                    self._clear_tags_for_new_turns(df, every=replace)
                n_in, n_other = self._append(table, df, replace=replace)
                n_skip = 0 if replace else n_other
                n_rej = int((rej["table"] == table).sum()) if len(rej) else 0
                report.read[table] = len(df) + n_rej
                report.inserted[table] = n_in
                report.skipped[table] = n_skip
                if replace:
                    report.replaced[table] = n_other
                self._x(
                    "INSERT INTO _loads VALUES (?, now()::TIMESTAMP, ?, ?, ?, ?, ?, ?, ?)",
                    [load_id, sources.get(table), table, len(df) + n_rej, n_in, n_skip, n_rej,
                     bool(mask_pii) if table == "turns" else None])
            for table in rej["table"].unique() if len(rej) else []:
                report.read.setdefault(str(table), int((rej["table"] == table).sum()))
            if len(rej):
                self.con.register("_cx_rej", rej.assign(load_id=load_id))
                self._x("INSERT INTO _rejects SELECT load_id, \"table\", source, "
                                 "CAST(\"row\" AS BIGINT), reason, record FROM _cx_rej")
                self.con.unregister("_cx_rej")
            self._x("COMMIT")
        except BaseException:
            self._x("ROLLBACK")
            raise
        return report

    def _clear_tags_for_new_turns(self, turns: pd.DataFrame, *, every: bool = False) -> None:
        """Drop the tags of conversations that get new turns (``every``: any loaded turn)."""
        keys = turns[["conversation_id", "turn"]].copy()
        self.con.register("_cx_keys", keys)
        try:
            stale = ("SELECT DISTINCT k.conversation_id FROM _cx_keys k WHERE NOT EXISTS "
                     "(SELECT 1 FROM turns t WHERE t.conversation_id = k.conversation_id "
                     "AND t.turn = k.turn)")
            if every:
                stale = "SELECT DISTINCT conversation_id FROM _cx_keys"
            for table in TAG_TABLES:
                if self.has_table(table):
                    self._x(f"DELETE FROM {table} WHERE conversation_id IN ({stale})")
        finally:
            self.con.unregister("_cx_keys")

    # ------------------------------------------------------------------ tagging

    def untagged(self) -> list[str]:
        """Ids of conversations with turns but no ``conversation_tags`` row, in id order."""
        query = "SELECT DISTINCT conversation_id FROM turns"
        if self.has_table("conversation_tags"):
            query += (" WHERE conversation_id NOT IN "
                      "(SELECT conversation_id FROM conversation_tags)")
        query += " ORDER BY conversation_id"
        return self.con.execute(query).fetchnumpy()["conversation_id"].tolist()

    def _check_tag_settings(self, params: str) -> None:
        """Refuse tag settings that differ from the last run's (see ``allow_mixed``)."""
        import inspect

        from cxtext.tags.tag import tag as tag_turns

        last = self.con.execute("SELECT params FROM _tag_runs ORDER BY run_id DESC, chunk DESC "
                                "LIMIT 1").fetchall()
        if not last:
            return
        defaults = {k: p.default for k, p in inspect.signature(tag_turns).parameters.items()
                    if k in _RESULT_SETTINGS}

        def effective(raw: str | None) -> dict[str, Any]:
            given = json.loads(raw) if raw else {}
            out = {k: given.get(k, v) for k, v in defaults.items()}
            return {k: list(v) if isinstance(v, (list, tuple)) else v for k, v in out.items()}

        before, now = effective(last[0][0]), effective(params)
        if before != now:
            diff = {k: (before[k], now[k]) for k in before if before[k] != now[k]}
            raise StoreError(
                f"Store.tag: the store {self.path!r} was tagged with "
                + ", ".join(f"{k}={a!r}" for k, (a, _) in diff.items())
                + "; this call asks for "
                + ", ".join(f"{k}={b!r}" for k, (_, b) in diff.items())
                + ". Tag with the same settings (tags of one store should come from the same "
                "models), or pass allow_mixed=True (cxtext tag --allow-mixed).")

    def tag(
        self,
        *,
        chunk_size: int = 500,
        progress: bool | Callable[[int, int], Any] | None = None,
        limit: int | None = None,
        allow_mixed: bool = False,
        **tag_kwargs: Any,
    ) -> int:
        """Tag the conversations not tagged yet, committing one chunk at a time.

        Parameters
        ----------
        chunk_size : int, default 500
            Conversations per chunk. Each chunk is one transaction: a run killed
            mid-way keeps every finished chunk and redoes only the one in flight.
        progress : bool or callable, optional
            True shows a progress bar; a callable is called as
            ``progress(done, total)`` after each committed chunk (conversations).
        limit : int, optional
            Tag at most this many conversations in this call.
        allow_mixed : bool, default False
            The settings that change tags (``sentiment_backend``, ``emotion_backend``,
            ``mood_speakers``) must match those of the store's last tagging run, so that
            resuming or tagging new conversations never mixes backends in one store
            (portraits would average scores of different models). True allows it.
        **tag_kwargs
            Passed to :func:`cxtext.tag` (``sentiment_backend``, ``emotion_backend``,
            ``mood_speakers``). Recorded per chunk in ``_tag_runs``.

        Returns
        -------
        int
            Conversations tagged by this call (0 when everything was tagged already).

        Examples
        --------
        >>> import pandas as pd
        >>> t = pd.DataFrame({"conversation_id": ["c1", "c1"], "speaker": ["客服", "客户"],
        ...                   "text": ["您好", "再乱扣年费我就销户"], "customer_id": "u1"})
        >>> with Store() as s:
        ...     _ = s.load(turns=t)
        ...     s.tag(), s.tag()
        (1, 0)
        """
        from cxtext.tags.tag import tag as tag_turns

        self._writable("tag")
        if not isinstance(chunk_size, int) or chunk_size < 1:
            raise ValueError(f"The 'chunk_size' parameter of Store.tag must be an int >= 1. "
                             f"Got {chunk_size!r} instead.")
        todo = self.untagged()
        if limit is not None:
            todo = todo[: int(limit)]
        total = len(todo)
        params = json.dumps({k: (v if isinstance(v, (str, int, float, bool, list, tuple))
                                 else type(v).__name__) for k, v in tag_kwargs.items()},
                            ensure_ascii=False)
        if total and not allow_mixed:
            self._check_tag_settings(params)
        run_id = int(self.con.execute(
            "SELECT coalesce(max(run_id), 0) + 1 FROM _tag_runs").fetchall()[0][0])
        bar = None
        if progress is True:
            from tqdm.auto import tqdm

            bar = tqdm(total=total, desc="cxtext tag", unit="conv")
        done = 0
        turn_cols = [c for c in self._columns_of("turns") if c not in ("start_s", "end_s")] + \
            ["start_s", "end_s"]
        try:
            for chunk_no, start in enumerate(range(0, total, chunk_size)):
                ids = todo[start:start + chunk_size]
                started = pd.Timestamp.now()
                idf = pd.DataFrame({"conversation_id": pd.Series(ids, dtype=object)})
                self.con.register("_cx_ids", idf)
                try:
                    turns = self.con.execute(
                        f"SELECT {', '.join('t.' + _q(c) for c in turn_cols)} FROM turns t "
                        "SEMI JOIN _cx_ids i ON t.conversation_id = i.conversation_id "
                        "ORDER BY t.conversation_id, t.turn").df()
                finally:
                    self.con.unregister("_cx_ids")
                turns = self._restore("turns", turns, self._columns_of("turns"))
                result = tag_turns(turns, progress=False, **tag_kwargs)
                keep = [c for c in result.turns.columns
                        if c in _TURN_TAG_KEEP or c not in turns.columns]
                turn_tags = result.turns[keep]
                self._x("BEGIN TRANSACTION")
                try:
                    self.con.register("_cx_ids", idf)
                    for table in TAG_TABLES:
                        if self.has_table(table):
                            self._x(f"DELETE FROM {table} WHERE conversation_id IN "
                                             "(SELECT conversation_id FROM _cx_ids)")
                    self.con.unregister("_cx_ids")
                    self._append("turn_tags", turn_tags, dedupe=False)
                    self._append("conversation_tags", result.conversations, dedupe=False)
                    self._x(
                        "INSERT INTO _tag_runs VALUES (?, ?, ?, now()::TIMESTAMP, ?, ?, ?)",
                        [run_id, chunk_no, started.to_pydatetime(), len(ids), len(turns),
                         params])
                    self._x("COMMIT")
                except BaseException:
                    self._x("ROLLBACK")
                    raise
                done += len(ids)
                if bar is not None:
                    bar.update(len(ids))
                elif callable(progress):
                    progress(done, total)
        finally:
            if bar is not None:
                bar.close()
        return done


"""Dask support: ``cx.tag`` on a Dask DataFrame, partition by partition (private helper).

``cx.tag(ddf)`` calls :func:`tag_dask`. Every partition is validated and tagged on its
own (``map_partitions`` with an explicit ``meta``, so Dask never runs the taggers to
guess the output), and the conversation roll-ups are computed per partition from the
tagged turns. Roll-ups are only complete when **all turns of a conversation sit in one
partition**: partition by conversation first, e.g. with :func:`partition_by_conversation`
(a hash shuffle on ``conversation_id``) or ``ddf.set_index("conversation_id")`` (the
index is turned back into a column). Dask is imported only here, never by
``import cxtext``.

Each worker process loads the models and rules once (they are cached per process) and
reuses them for every partition it tags. Compute both results together so the turns
are tagged once::

    import dask
    res = cx.tag(ddf)
    turns, conversations = dask.compute(res.turns, res.conversations)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

__all__ = ["build_portraits_dask", "is_dask_collection", "partition_by_conversation",
           "tag_dask"]

_WARM = {
    "conversation_id": ["meta", "meta"],
    "speaker": ["agent", "customer"],
    "text": ["您好，请问有什么可以帮您？", "我的信用卡年费乱扣，我要投诉"],
}


def _require_dask(caller: str):
    try:
        import dask.dataframe as dd
    except ImportError:
        from cxtext.errors import MissingDependencyError

        raise MissingDependencyError(caller, "dask", "scale") from None
    return dd


def _as_turns(part: pd.DataFrame) -> pd.DataFrame:
    """A partition as a canonical turns table (``conversation_id`` back from the index)."""
    if "conversation_id" not in part.columns and part.index.name == "conversation_id":
        part = part.reset_index()
    return part


def _tag_partition(part: pd.DataFrame, options: dict[str, Any],
                   partition_info: dict | None = None) -> pd.DataFrame:
    from cxtext.errors import SchemaError
    from cxtext.schema import validate
    from cxtext.tags.tag import tag_turns

    turns = _as_turns(part)
    # dask passes partition_info={"number": i, "division": ...} to a function that takes it
    number = (partition_info or {}).get("number")
    source = "Dask partition" + ("" if number is None else f" {number}")
    try:
        valid = validate(turns, "turns", source=source)
    except SchemaError as exc:
        raise _located(exc, turns, source) from None
    return tag_turns(valid, options)


def _located(exc: Any, turns: pd.DataFrame, source: str) -> Any:
    """``exc`` with the conversation and turn of each bad row: a row number inside a
    partition (after a shuffle) points nowhere a user can look."""
    from cxtext.errors import SchemaError

    problems = exc.problems.copy()
    where = []
    for row in problems["row"]:
        if pd.isna(row) or not 1 <= int(row) <= len(turns):
            where.append(None)
            continue
        rec = turns.iloc[int(row) - 1]
        conv = rec.get("conversation_id")
        turn = rec.get("turn")
        where.append(f"conversation_id {conv!r}"
                     + ("" if turn is None or pd.isna(turn) else f", turn {turn}"))
    problems["where"] = where
    lines = [f"  - {source}, {w or 'row ' + str(r)}, column {c!r}: expected {e}; got {g}"
             for r, w, c, e, g in zip(problems["row"], where, problems["column"],
                                      problems["expected"], problems["got"], strict=True)]
    head = str(exc).split("\n", 1)[0].split(". ", 1)[0]
    return SchemaError(
        head + ". Fix or drop these turns before tagging (cx.validate(part, 'turns', "
        "return_rejects=True) gives a partition's bad rows back).\n" + "\n".join(lines),
        problems)


def _rollup_partition(tagged: pd.DataFrame) -> pd.DataFrame:
    from cxtext.tags.tag import _rollup

    # Every partition gets the agent-quality columns, so all partitions share one meta.
    return _rollup(tagged, quality=True)


def _fake_partition(meta: pd.DataFrame) -> pd.DataFrame:
    """Two plausible rows with the columns of ``meta`` (to build the output meta)."""
    meta = _as_turns(meta)
    rows = pd.DataFrame(_WARM)
    for col in meta.columns:
        if col in rows:
            continue
        dtype = meta[col].dtype
        kind = getattr(dtype, "kind", "O")
        if kind in "iuf":  # turn, start_s, end_s, ...: 0 and 1 fit every numeric column
            values = pd.Series([0, 1]).astype(dtype)
        elif kind == "b":
            values = pd.Series([False, False], dtype=dtype)
        elif kind == "M":
            values = pd.Series(pd.to_datetime(["2025-01-01", "2025-01-01"])).astype(dtype)
        else:
            values = pd.Series([None, None], dtype=object)
        rows[col] = values
    return rows[[c for c in meta.columns if c in rows] +
                [c for c in rows.columns if c not in meta.columns]]


def tag_dask(ddf: Any, **options: Any):
    """``cx.tag`` of a Dask DataFrame of turns; returns a TagResult of Dask DataFrames.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Canonical turns, partitioned so that a conversation never spans two
        partitions (see :func:`partition_by_conversation`).
    **options
        ``sentiment_backend``, ``emotion_backend``, ``mood_speakers``, ``chunk_size``
        as for :func:`cxtext.tag` (already checked by it).

    Returns
    -------
    TagResult
        ``turns`` and ``conversations`` as lazy Dask DataFrames. The turns keep each
        partition's rows in order (with a fresh index per partition); the
        conversations of a partition come sorted by ``conversation_id``. Unlike the
        pandas path, the agent-quality columns are always present.
    """
    _require_dask("cxtext.tag on a Dask DataFrame")
    from cxtext.schema import validate
    from cxtext.tags.tag import TagResult, tag_turns

    fake = validate(_fake_partition(ddf._meta), "turns")
    meta_turns = tag_turns(fake, options)
    meta_conv = _rollup_partition(meta_turns)
    tagged = ddf.map_partitions(_tag_partition, options, meta=meta_turns.iloc[:0])
    conversations = tagged.map_partitions(_rollup_partition, meta=meta_conv.iloc[:0])
    return TagResult(tagged, conversations)


def partition_by_conversation(ddf: Any, npartitions: int | None = None) -> Any:
    """See :func:`cxtext.tags.tag.partition_by_conversation` (the public entry)."""
    _require_dask("partition_by_conversation")
    return ddf.shuffle(on="conversation_id", npartitions=npartitions)


# ---------------------------------------------------------------------------------------------
# portraits
# ---------------------------------------------------------------------------------------------


def is_dask_collection(obj: Any) -> bool:
    """A Dask DataFrame, or a dict / TagResult / tuple holding one."""
    from cxtext.tags.tag import _is_dask

    if isinstance(obj, Mapping):
        return any(_is_dask(v) for v in obj.values())
    if isinstance(obj, tuple):
        return any(is_dask_collection(v) if isinstance(v, tuple) else _is_dask(v) for v in obj)
    return _is_dask(obj)


def _portrait_frames(source: Any) -> dict[str, Any]:
    from cxtext.errors import CxTextError
    from cxtext.tags.tag import TagResult

    if isinstance(source, tuple) and len(source) == 2 and isinstance(source[0], TagResult):
        frames = {"conversation_tags": source[0].conversations, "turns": source[0].turns,
                  "conversations": source[1]}
    elif isinstance(source, Mapping):
        frames = dict(source)
        if frames.get("turns") is None and frames.get("turn_tags") is not None:
            frames["turns"] = frames["turn_tags"]
    else:
        raise TypeError("build_portraits on Dask data takes a dict of frames {'conversations', "
                        "'conversation_tags', 'customers', 'turns', 'balances' (optional)} or "
                        "(TagResult, conversations).")
    missing = [k for k in ("conversations", "conversation_tags") if frames.get(k) is None]
    if missing:
        raise CxTextError(f"build_portraits: the source lacks {missing}.")
    return frames


def _max_started(part: pd.DataFrame) -> pd.Series:
    from cxtext.schema import validate

    started = validate(part, "conversations")["started_at"]
    return pd.Series([started.max() if len(started) else pd.NaT], dtype="datetime64[ns]")


def _by_customer(frame: Any, owners: Any, divisions: Any, dd: Any) -> Any:
    """``frame`` (keyed by conversation_id) with its customer as the index, on ``divisions``."""
    if "customer_id" in frame.columns:
        frame = frame.drop(columns="customer_id")
    # one key dtype on both sides (object vs pandas/Arrow strings would warn and may miss)
    frame = frame.assign(conversation_id=frame["conversation_id"].astype(str))
    frame = frame.merge(owners, on="conversation_id", how="inner")
    return frame.set_index("customer_id", divisions=divisions)


def _portrait_partition(conversations: pd.DataFrame, tags: pd.DataFrame,
                        turns: pd.DataFrame | None, customers: pd.DataFrame | None,
                        balances: pd.DataFrame | None,
                        kwargs: dict[str, Any]) -> pd.DataFrame:
    from cxtext.portrait import build_portraits

    frames: dict[str, Any] = {
        "conversations": conversations.reset_index(),
        "conversation_tags": tags.reset_index(drop=True),
    }
    if turns is not None:
        frames["turns"] = turns.reset_index(drop=True)
    if customers is not None:
        frames["customers"] = customers.reset_index()
    if balances is not None:
        frames["balances"] = balances.reset_index()
    return build_portraits(frames, **kwargs)


def build_portraits_dask(source: Any, *, as_of: Any = None, customers: Any = None,
                         **kwargs: Any) -> Any:
    """:func:`cxtext.build_portraits` on Dask frames, customer range by customer range.

    The conversations are indexed by ``customer_id`` (``set_index``: sorted ranges of
    customers per partition); the conversation tags, turns and CRM rows follow onto the
    same ranges, and each partition is one pandas/DuckDB ``build_portraits`` call. So
    every customer's whole history is in one call, whatever the input partitioning.
    ``as_of=None`` is computed once over all conversations (one day after the last),
    never per partition.

    Returns
    -------
    dask.dataframe.DataFrame
        One row per customer, sorted by ``customer_id``, the columns of
        :func:`cxtext.build_portraits`.
    """
    dd = _require_dask("build_portraits on Dask data")
    from cxtext.portrait import build_portraits
    from cxtext.schema import validate
    from cxtext.tags.tag import TagResult, _is_dask

    frames = _portrait_frames(source)
    if customers is None:
        customers = frames.get("customers")

    def as_dask(frame: Any) -> Any:
        return frame if _is_dask(frame) else dd.from_pandas(frame, npartitions=1)

    conv = as_dask(frames["conversations"])
    if as_of is None:
        last = conv.map_partitions(_max_started, meta=pd.Series(dtype="datetime64[ns]")).max()
        last = last.compute()
        as_of = (pd.Timestamp(last).normalize() + pd.Timedelta(days=1) if pd.notna(last)
                 else pd.Timestamp.now().normalize())
    indexed = conv.set_index("customer_id")
    divisions = indexed.divisions  # sorted ranges of customers (computes quantiles)
    balances = frames.get("balances")
    crm = [as_dask(f) for f in (customers, balances) if f is not None]
    if crm:
        # CRM rows of customers who never called may sort outside the conversations' range
        bounds = dd.compute(*[f["customer_id"].astype(str).min() for f in crm],
                            *[f["customer_id"].astype(str).max() for f in crm])
        low = min((b for b in bounds[:len(crm)] if pd.notna(b)), default=None)
        high = max((b for b in bounds[len(crm):] if pd.notna(b)), default=None)
        if low is not None and high is not None and (low < divisions[0]
                                                     or high > divisions[-1]):
            divisions = (min(low, divisions[0]), *divisions[1:-1], max(high, divisions[-1]))
            indexed = conv.set_index("customer_id", divisions=divisions)
    conv = indexed
    owners = conv.reset_index()[["conversation_id", "customer_id"]]
    owners = owners.assign(conversation_id=owners["conversation_id"].astype(str))
    tags = _by_customer(as_dask(frames["conversation_tags"]), owners, divisions, dd)
    turns = frames.get("turns")
    if turns is not None:
        turns = _by_customer(as_dask(turns), owners, divisions, dd)
    if customers is not None:
        customers = as_dask(customers).set_index("customer_id", divisions=divisions)
    if balances is not None:  # one customer's months all land in that customer's partition
        balances = as_dask(balances).set_index("customer_id", divisions=divisions)
    kwargs = {**kwargs, "as_of": as_of}

    # meta: the portrait of one made-up customer (real dtypes, no data of the user's)
    fake_turns = validate(pd.DataFrame(_WARM), "turns")
    fake = build_portraits(
        (TagResult(*_meta_tag(fake_turns)),
         pd.DataFrame({"conversation_id": ["meta"], "customer_id": ["meta"],
                       "started_at": [pd.Timestamp(as_of) - pd.Timedelta(days=1)],
                       "channel": ["phone"]})), **kwargs)
    meta = fake.iloc[:0]
    args = [conv, tags, turns, customers, balances]
    return dd.map_partitions(_portrait_partition, *args, kwargs, meta=meta,
                             align_dataframes=False)


def _meta_tag(turns: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    from cxtext.tags.tag import _rollup, tag_turns

    options = {"sentiment_backend": "model", "emotion_backend": "model",
               "mood_speakers": ("customer",), "chunk_size": 5_000}
    tagged = tag_turns(turns, options)
    return tagged, _rollup(tagged, quality=True)

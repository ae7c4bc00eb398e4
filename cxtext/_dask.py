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

from typing import Any

import pandas as pd

__all__ = ["partition_by_conversation", "tag_dask"]

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


def _tag_partition(part: pd.DataFrame, options: dict[str, Any]) -> pd.DataFrame:
    from cxtext.schema import validate
    from cxtext.tags.tag import tag_turns

    return tag_turns(validate(_as_turns(part), "turns"), options)


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
    """Shuffle a Dask DataFrame of turns so each conversation sits in one partition.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Turns with a ``conversation_id`` column. Keep the ``turn`` column: a shuffle
        does not promise to keep the rows of a conversation in their input order.
    npartitions : int, optional
        Partitions of the result (default: as many as ``ddf`` has).

    Returns
    -------
    dask.dataframe.DataFrame
        The same rows, hash-partitioned on ``conversation_id``.

    Examples
    --------
    >>> import dask.dataframe as dd, pandas as pd  # doctest: +SKIP
    >>> ddf = dd.read_parquet("turns/")  # doctest: +SKIP
    >>> res = cx.tag(partition_by_conversation(ddf))  # doctest: +SKIP
    """
    _require_dask("partition_by_conversation")
    return ddf.shuffle(on="conversation_id", npartitions=npartitions)

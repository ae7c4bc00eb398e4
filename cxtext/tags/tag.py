"""``cx.tag``: every tag on every turn, and the per-conversation roll-ups.

Per turn: sentiment and emotion (customer turns by default), intents (customer
turns; agents never carry customer intents), complaint categories with evidence,
and agent-quality flags on agent turns. Per conversation: the customer's mood
(mean, start, end, delta, worst turn), dominant emotion and mix, intents and
categories with their first evidence, and the agent-quality score.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from cxtext import labels
from cxtext.schema import validate


class TagResult(NamedTuple):
    """What :func:`tag` returns; unpacks as ``turns, conversations``.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"conversation_id": ["c1", "c1"], "speaker": ["agent", "customer"],
    ...                   "text": ["您好，请问有什么可以帮您？", "你们乱扣我年费，再不退我就销户"]})
    >>> turns, conversations = tag(t)
    >>> len(turns), len(conversations)
    (2, 1)
    >>> int(conversations.loc[0, "n_customer_turns"]), bool(conversations.loc[0, "intent_churn"])
    (1, True)
    """

    turns: pd.DataFrame
    conversations: pd.DataFrame

    def __repr__(self) -> str:
        # a notebook cell ending with `result` shows the sizes, not both frames in full
        def size(df: object) -> str:
            if not isinstance(df, pd.DataFrame):  # a Dask frame: its size is not known yet
                return f"{type(df).__module__.split('.')[0]} {type(df).__name__} (lazy)"
            return f"{df.shape[0]:,} rows × {df.shape[1]} columns"

        return f"TagResult(turns={size(self.turns)}, conversations={size(self.conversations)})"


def _chunks(n: int, size: int) -> Iterable[slice]:
    for start in range(0, n, size):
        yield slice(start, min(start + size, n))


class _NoProgress:
    """What :func:`_progress` gives when no bar is shown (tqdm is not imported: ~40 ms)."""

    def __enter__(self) -> _NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int = 1) -> None:
        return None


def _progress(total: int, show: bool | None, desc: str):
    if show is None:
        show = total >= 20_000
    if not show:
        return _NoProgress()
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit="turn")


def tag(
    turns: Any,
    *,
    sentiment_backend: Any = "model",
    emotion_backend: Any = "model",
    mood_speakers: tuple[str, ...] = ("customer",),
    chunk_size: int = 5_000,
    progress: bool | None = None,
    n_jobs: int | None = 1,
) -> TagResult:
    """Tag every turn and roll the tags up per conversation.

    Parameters
    ----------
    turns : DataFrame or dask.dataframe.DataFrame
        Canonical turns (``conversation_id, turn, speaker, text``, …); validated,
        never modified. A Dask DataFrame is tagged partition by partition and gives a
        :class:`TagResult` of two Dask DataFrames (see :func:`cxtext._dask.tag_dask`):
        each conversation's turns must then sit in one partition.
    sentiment_backend, emotion_backend : str or tagger
        ``"model"`` (default, trained), ``"lexicon"``, ``"snownlp"`` or a fitted tagger
        object with ``predict(texts) -> DataFrame``.
    mood_speakers : tuple of str
        Whose turns get sentiment and emotion (default customers only: an agent's
        scripted politeness is not the customer's mood).
    chunk_size : int
        Turns per batch (bounds memory; progress advances per batch). With
        ``n_jobs > 1``, each worker task holds about this many turns (whole
        conversations).
    progress : bool, optional
        Show a progress bar; default only for 20,000 turns or more.
    n_jobs : int or None, default 1
        Worker processes. ``1`` (or ``None``) tags in this process; ``-1`` uses every
        CPU this process may run on, ``-2`` all but one. Workers start once per
        session (each loads the models and rules once) and are reused by later calls
        with the same ``n_jobs`` and backends; results are identical to ``n_jobs=1``,
        in the same order. Worker processes are *spawned*: in a script, call ``tag``
        under ``if __name__ == "__main__":``.

    Returns
    -------
    TagResult
        ``turns``: the input columns plus ``sentiment_score``, ``sentiment_label``,
        ``emotion_label``, ``emotion_intensity``, ``emotion_<label>`` scores,
        ``intent_churn``, ``intent_escalation``, ``intent_repeat``,
        ``intent_urgency``, ``intent_evidence``, ``categories`` and
        ``category_evidence`` (customer turns; others ``[]``) and agent-turn
        quality flags.
        ``conversations``: one row per conversation (see :func:`rollup`), sorted by
        ``conversation_id``.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"conversation_id": ["c1"] * 2, "speaker": ["agent", "customer"],
    ...                   "text": ["您好，请问有什么可以帮您？", "你们乱扣我年费，再不退我就销户"]})
    >>> res = tag(t)
    >>> bool(res.conversations.loc[0, "intent_churn"])
    True
    """
    options = {
        "sentiment_backend": sentiment_backend,
        "emotion_backend": emotion_backend,
        "mood_speakers": tuple(mood_speakers),
        "chunk_size": _check_chunk_size(chunk_size),
    }
    from cxtext._parallel import check_n_jobs

    jobs = check_n_jobs(n_jobs, "tag")
    if _is_dask(turns):
        from cxtext._dask import tag_dask

        return tag_dask(turns, **options)
    _check_turns_type(turns)
    tr = validate(turns, "turns")
    if jobs > 1 and tr["conversation_id"].nunique() > 1:
        from cxtext._parallel import tag_parallel

        return tag_parallel(tr, options, jobs, progress)
    with _progress(len(tr), progress, "cxtext.tag") as bar:
        tagged = tag_turns(tr, options, bar.update)
    return TagResult(tagged, _rollup(tagged, quality=None))


def _check_turns_type(turns: object) -> None:
    """The usual wrong first arguments, each with the call that gives a turns table."""
    if isinstance(turns, pd.DataFrame):
        return
    import os

    if isinstance(turns, (str, os.PathLike)):
        raise TypeError(
            f"tag expects a turns DataFrame, got the path {str(turns)!r}: read it first with "
            f"turns = cx.read_turns({str(turns)!r}) (a folder of exports: "
            "cx.read_corpus(...).turns), then cx.tag(turns)."
        )
    if hasattr(turns, "turns") and isinstance(getattr(turns, "turns", None), pd.DataFrame):
        raise TypeError(
            f"tag expects a turns DataFrame, got a {type(turns).__name__}: pass its turns, "
            "cx.tag(corpus.turns)."
        )
    if isinstance(turns, (list, tuple, pd.Series)):
        raise TypeError(
            f"tag expects a turns DataFrame (conversation_id, speaker, text), got a "
            f"{type(turns).__name__}: for plain texts use cx.sentiment / cx.emotion / "
            "cx.intents / cx.categories, or build a table with pd.DataFrame(...)."
        )


def _check_chunk_size(chunk_size: object) -> int:
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, (int, np.integer)) or (
        chunk_size < 1
    ):
        raise ValueError(
            f"The 'chunk_size' parameter of tag must be an int >= 1. Got {chunk_size!r} instead."
        )
    return int(chunk_size)


def _is_dask(obj: object) -> bool:
    module = type(obj).__module__
    return module.startswith("dask.") or module.startswith("dask_expr")


def tag_turns(tr: pd.DataFrame, options: dict[str, Any], advance=None) -> pd.DataFrame:
    """Per-turn tags of a validated turns table, chunk by chunk (private to cx.tag).

    Returns ``tr`` (same index) with the tag columns added; ``advance(n)`` is called
    after each chunk.
    """
    from cxtext.tags.emotion import emotion
    from cxtext.tags.intents import intents
    from cxtext.tags.quality import turn_quality
    from cxtext.tags.sentiment import sentiment
    from cxtext.tags.taxonomy import categories

    n = len(tr)
    mood_mask = tr["speaker"].isin(options["mood_speakers"]).to_numpy()
    parts: list[pd.DataFrame] = []
    # an empty table still goes through once, so it gets every tag column (typed)
    for sl in (_chunks(n, options["chunk_size"]) if n else [slice(0, 0)]):
        chunk = tr.iloc[sl]
        # One object array of the texts for every tagger: an Arrow string column would be
        # turned into new str objects by each (and each would hash them again).
        text_values = pd.Series(chunk["text"].to_numpy(dtype=object), dtype=object)
        # Every tagger is a function of (text, speaker): tag each distinct pair once and
        # copy the tags to the repeats (IVR prompts, agent scripts, "好的", "是的").
        rep, inverse = _distinct_rows(text_values, chunk["speaker"])
        texts = text_values.iloc[rep].reset_index(drop=True)
        speakers = chunk["speaker"].iloc[rep].reset_index(drop=True)
        mood = mood_mask[sl][rep]
        with _gc_paused():
            mood_texts = texts[mood]
            # Complaint categories describe what the customer raises: agent scripts and
            # IVR prompts would add categories nobody complained about.
            cats = categories(mood_texts).reindex(texts.index)
            for col in ("categories", "category_evidence"):
                cats[col] = pd.Series([v if isinstance(v, list) else [] for v in cats[col]],
                                      index=cats.index, dtype=object)
            # the mood models before intents: the intent detector reuses the n-grams they
            # cut from the same customer texts (_intent_model._prepared_scores)
            sent = sentiment(mood_texts, backend=options["sentiment_backend"])
            emo = emotion(mood_texts, backend=options["emotion_backend"])
            out = _joined(
                [intents(texts, speaker=speakers), cats, turn_quality(texts, speakers)],
                [sent, emo],
            )
            parts.append(_expand(out, inverse, rep))
        if advance is not None:
            advance(sl.stop - sl.start)
    tags = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(index=tr.index)
    return pd.concat([tr, tags.set_index(tr.index)], axis=1)


def _joined(parts: list[pd.DataFrame], mood: list[pd.DataFrame]) -> pd.DataFrame:
    """``pd.concat(parts, axis=1).join(mood[0]).join(mood[1])…`` (``mood``: the tags of some
    of the rows), as one concat of the mood frames reindexed to the rows; a repeated index
    label or column name goes through ``join`` as before."""
    names = [c for f in (*parts, *mood) for c in f.columns]
    if len(set(names)) < len(names) or not all(f.index.is_unique for f in mood):
        out = pd.concat(parts, axis=1)
        for f in mood:
            out = out.join(f)
        return out
    index = parts[0].index
    return pd.concat([*parts, *(f.reindex(index) for f in mood)], axis=1)


def _distinct_rows(texts: pd.Series, speakers: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Positions of the first row of each distinct (text, speaker), in row order, and for
    every row the number of its distinct pair."""
    text_codes, _ = pd.factorize(texts, use_na_sentinel=False)
    speaker_codes, speaker_values = pd.factorize(speakers, use_na_sentinel=False)
    key = text_codes.astype(np.int64) * max(1, len(speaker_values)) + speaker_codes
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    by_first = np.argsort(first, kind="stable")
    rank = np.empty_like(by_first)
    rank[by_first] = np.arange(len(by_first))
    return first[by_first], rank[inverse.ravel()]


def _expand(frame: pd.DataFrame, inverse: np.ndarray, first: np.ndarray) -> pd.DataFrame:
    """Rows of ``frame`` for every original row (``first``: the rows tagged); repeats get
    their own copies of list and dict cells."""
    if len(frame) == len(inverse):
        return frame.reset_index(drop=True)
    out = frame.take(inverse).reset_index(drop=True)
    repeat = np.ones(len(inverse), dtype=bool)
    repeat[first] = False
    rows = np.flatnonzero(repeat)
    for col in out.columns:
        if out[col].dtype != object:
            continue
        values = out[col].to_numpy(dtype=object, copy=True)
        changed = False
        for i in rows:
            v = values[i]
            if isinstance(v, list):
                values[i] = [dict(x) if isinstance(x, dict) else x for x in v]
                changed = True
            elif isinstance(v, dict):
                values[i] = dict(v)
                changed = True
        if changed:
            out[col] = values
    return out


class _gc_paused:
    """Pause the cyclic garbage collector for a block (tagging allocates millions of
    small lists and dicts, none in reference cycles; the collector's full passes over
    them cost more than they free). Restores the previous state."""

    def __enter__(self) -> None:
        import gc

        self._was = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        import gc

        if self._was:
            gc.enable()


def tag_part(tr: pd.DataFrame, options: dict[str, Any], quality: bool | None) -> TagResult:
    """Tag and roll up a validated table holding whole conversations (a worker's task)."""
    tagged = tag_turns(tr, options)
    return TagResult(tagged, _rollup(tagged, quality=quality))


def rollup(tagged: pd.DataFrame) -> pd.DataFrame:
    """Per-conversation roll-ups of tagged turns (customer turns for mood).

    Columns: ``conversation_id``, ``n_turns``, ``n_customer_turns``,
    ``sentiment_mean``, ``sentiment_start``, ``sentiment_end``,
    ``sentiment_delta`` (end − start), ``sentiment_worst``, ``worst_turn``,
    ``sentiment_label`` (of the mean), ``emotion_label`` (dominant non-neutral
    emotion by summed intensity, else neutral), ``emotion_mix`` (share of each
    emotion among mood turns), ``intent_*`` (any turn) with ``intent_evidence``
    (first span per intent), ``categories`` (union, taxonomy order) with
    ``category_evidence``, and agent quality (``quality_*``) when agent turns exist.

    Examples
    --------
    Roll up turns tagged earlier (e.g. a filtered ``tag(...).turns``):

    >>> import pandas as pd
    >>> t = pd.DataFrame({"conversation_id": ["c1", "c1"], "speaker": ["agent", "customer"],
    ...                   "text": ["您好，请问有什么可以帮您？", "你们乱扣我年费，再不退我就销户"]})
    >>> r = rollup(tag(t).turns)
    >>> r.loc[0, "categories"], bool(r.loc[0, "intent_churn"]), int(r.loc[0, "n_turns"])
    (['fees'], True, 2)
    """
    if isinstance(tagged, pd.DataFrame):
        need = ("conversation_id", "speaker", "sentiment_score", "emotion_label",
                "intent_churn", "categories")
        missing = [c for c in need if c not in tagged.columns]
        if missing:
            raise ValueError(
                f"rollup expects tagged turns, the .turns of cx.tag(turns) (which gives these "
                f"roll-ups already, as .conversations); the frame has no {missing}.")
    return _rollup(tagged, quality=None)


def _rollup(tagged: pd.DataFrame, *, quality: bool | None) -> pd.DataFrame:
    """:func:`rollup`; ``quality`` forces the agent-quality columns on (True) or off
    (False) instead of deciding from the turns (None): a part of a larger table must
    have the columns the whole table would have."""
    from cxtext.tags.quality import agent_quality, agent_quality_from_tags

    df = tagged if _sorted_turns(tagged) else tagged.sort_values(
        ["conversation_id", "turn"], kind="stable")
    g = df.groupby("conversation_id", sort=False)
    out = pd.DataFrame({"n_turns": g.size()})
    # conversation number of every row, in the order of ``out`` (first appearance)
    conv_of = pd.factorize(df["conversation_id"].to_numpy(dtype=object), sort=False)[0]
    n_conv = len(out)
    out["n_customer_turns"] = np.bincount(
        conv_of, weights=df["speaker"].to_numpy(dtype=object) == "customer",
        minlength=n_conv).astype(int)

    # only the columns read below (a filtered copy of every tag column costs more)
    mood_cols = [c for c in ("conversation_id", "turn", "sentiment_score", "emotion_label",
                             "emotion_intensity") if c in df]
    mood = (df.loc[df["sentiment_score"].notna().to_numpy(), mood_cols]
            if "sentiment_score" in df else df.iloc[:0])
    mg = mood.groupby("conversation_id", sort=False)
    out["sentiment_mean"] = mg["sentiment_score"].mean()
    out["sentiment_start"] = mg["sentiment_score"].first()
    out["sentiment_end"] = mg["sentiment_score"].last()
    out["sentiment_delta"] = out["sentiment_end"] - out["sentiment_start"]
    out["sentiment_worst"] = mg["sentiment_score"].min()
    if len(mood):
        worst_idx = mg["sentiment_score"].idxmin()
        out["worst_turn"] = mood.loc[worst_idx.to_numpy(), "turn"].set_axis(worst_idx.index)
    else:
        out["worst_turn"] = pd.Series(dtype="Int64")
    out["worst_turn"] = out["worst_turn"].astype("Int64")
    mean = out["sentiment_mean"]
    out["sentiment_label"] = np.select(
        [mean.isna(), mean <= -0.2, mean >= 0.2], [None, "neg", "pos"], default="neu"
    )

    if "emotion_label" in mood and len(mood):
        # counts and argmax on conversation numbers (a group-by per label costs more)
        mood_rows = df["sentiment_score"].notna().to_numpy()
        dominant, shares, order = _emotion_rollup(
            conv_of[mood_rows], mood["emotion_label"],
            (mood["emotion_intensity"].fillna(0.0) + 1e-9).to_numpy(dtype=np.float64), n_conv)
        dtype = mood["emotion_label"].dtype  # categorical labels stay categorical
        fits = isinstance(dtype, pd.CategoricalDtype) and set(dtype.categories).issuperset(
            v for v in dominant if v is not None)
        out["emotion_label"] = pd.Categorical(dominant, dtype=dtype) if fits else dominant
    else:
        out["emotion_label"] = None
        order, shares = [], [[] for _ in range(len(out))]
    out["emotion_mix"] = [
        {k: round(v, 3) for k, v in zip(order, row, strict=True) if v > 0} for row in shares
    ]

    for intent in labels.INTENTS:
        col = f"intent_{intent}"
        out[col] = g[col].any().astype(bool) if col in df else False

    # Evidence and category unions in one pass over plain arrays: per-group pandas
    # lambdas cost more than all the tagging on large corpora. Only rows with a non-empty
    # list are visited (most turns have no evidence), in table order.
    turn_no = df["turn"].to_numpy()
    cat_order = {c: i for i, c in enumerate(labels.CATEGORIES)}

    conv_list = conv_of.tolist()

    def gather(col: str, key: str | None) -> list[list]:
        acc: list[dict] = [{} for _ in range(n_conv)]
        if col in df:
            values = df[col].to_numpy(dtype=object)
            if key is None:  # an ordered set of the items
                for i in _nonempty_lists(values):
                    items = values[i]
                    acc[conv_list[i]].update(dict.fromkeys(items))
            else:
                for i in _nonempty_lists(values):
                    seen = acc[conv_list[i]]
                    for item in values[i]:
                        if item[key] not in seen:  # the first span of each label only
                            seen[item[key]] = {**item, "turn": int(turn_no[i])}
        if key is None:
            # "other" means "no specific category": drop it once a specific one is present.
            return [
                sorted((x for x in a if x != "other" or len(a) == 1),
                       key=lambda x: cat_order.get(x, 99))
                for a in acc
            ]
        return [list(a.values()) for a in acc]

    out["intent_evidence"] = gather("intent_evidence", "intent")
    out["categories"] = gather("categories", None)
    out["category_evidence"] = [
        [e for e in ev if e["category"] in cats]
        for ev, cats in zip(gather("category_evidence", "category"), out["categories"],
                            strict=True)
    ]

    if quality is None:
        quality = bool((df["speaker"] == "agent").any())
    if quality:
        # cx.tag has flagged every agent turn already: score from those flags instead of
        # validating and matching all turns a second time.
        scored = agent_quality_from_tags(df)
        if scored is None:  # a table tagged elsewhere, without the turn flags
            canon = [c for c in ("conversation_id", "turn", "speaker", "text", "start_s",
                                 "end_s") if c in df]
            scored = agent_quality(df[canon])
        out = out.join(scored.set_index("conversation_id"), how="left")
    out = out.reset_index(names="conversation_id")
    if not n_conv:
        out = _typed_empty_rollup(out, df)
    return out


def _typed_empty_rollup(out: pd.DataFrame, df: pd.DataFrame) -> pd.DataFrame:
    """The dtypes a non-empty roll-up has (an empty group-by gives float64 list columns and
    object text columns), so that frames of several calls concatenate cleanly."""
    text = pd.Series(["x"]).dtype  # pandas' default string dtype (str from pandas 3)
    for col in ("emotion_mix", "intent_evidence", "categories", "category_evidence"):
        out[col] = pd.Series(dtype=object)
    out["sentiment_label"] = out["sentiment_label"].astype(text)
    ids = df["conversation_id"].dtype
    out["conversation_id"] = out["conversation_id"].astype(text if ids == np.dtype(object) else ids)
    if "emotion_label" in df and isinstance(df["emotion_label"].dtype, pd.CategoricalDtype):
        out["emotion_label"] = pd.Categorical([], dtype=df["emotion_label"].dtype)
    return out


def _emotion_rollup(conv: np.ndarray, label: pd.Series, weight: np.ndarray,
                    n_conv: int) -> tuple[np.ndarray, list[list[float]], list[str]]:
    """Dominant emotion and emotion shares of every conversation from its mood rows.

    ``conv``: conversation number of each mood row (-1: none), ``label`` its emotion,
    ``weight`` its intensity + 1e-9. The dominant emotion is the non-neutral label of the
    largest summed weight (ties: the label first in the categories' order, as the group-by
    sorts them), ``"neutral"`` when a conversation has none and ``None`` when it has no
    labelled mood row; shares are over every labelled row (labels outside the taxonomy
    count in the total only), in taxonomy order. Returns (dominant labels, share rows,
    share labels).
    """
    codes, names = pd.factorize(label, sort=True)  # categories in their order
    names = np.asarray(names, dtype=object)
    keep = (conv >= 0) & (codes >= 0)  # the group-by drops missing keys
    conv, codes, weight = conv[keep], codes[keep], weight[keep]
    width = max(1, len(names))
    counts = np.bincount(conv * width + codes, minlength=n_conv * width).reshape(n_conv, width)
    total = counts.sum(axis=1)
    labelled = total > 0
    present = {str(n): i for i, n in enumerate(names)}
    order = [e for e in labels.EMOTIONS if e in present]
    shares = np.zeros((n_conv, len(order)), dtype=np.float64)
    shares[labelled] = counts[labelled][:, [present[e] for e in order]] / total[labelled, None]
    # summed weights through pandas' group-by sum (compensated: the same sums as before)
    strong = names[codes] != "neutral"
    key = conv[strong] * width + codes[strong]
    sums = pd.Series(weight[strong]).groupby(key).sum()
    strength = np.full(n_conv * width, -np.inf)
    strength[sums.index.to_numpy()] = sums.to_numpy()
    strength = strength.reshape(n_conv, width)
    best = strength.argmax(axis=1)  # the first of equal sums: sorted label order
    found = strength[np.arange(n_conv), best] > -np.inf
    dominant = np.where(found, names[best] if len(names) else "neutral", "neutral").astype(object)
    dominant[~labelled] = None
    return dominant, shares.tolist(), order


def _sorted_turns(tagged: pd.DataFrame) -> bool:
    """Whether the rows are already in (conversation_id, turn) order (a stable sort would
    leave them as they are): streamed batches come sorted."""
    ids = tagged["conversation_id"]
    turn = tagged["turn"]
    if not ids.is_monotonic_increasing or turn.hasnans:
        return False
    try:
        t = turn.to_numpy(dtype=np.int64)
    except (TypeError, ValueError):
        return False
    values = ids.to_numpy(dtype=object)
    same = values[1:] == values[:-1]
    return bool((t[1:][same] >= t[:-1][same]).all())


def _nonempty_lists(values: np.ndarray) -> list[int]:
    """Positions of the cells of an object array that are non-empty lists."""
    try:  # truth in C first: most cells are empty lists
        candidates = np.flatnonzero(np.fromiter(map(bool, values), dtype=bool,
                                                count=len(values))).tolist()
    except (TypeError, ValueError):  # a cell without a truth value (an array, pd.NA)
        candidates = range(len(values))
    return [i for i in candidates if isinstance(values[i], list) and values[i]]


def partition_by_conversation(ddf: Any, npartitions: int | None = None) -> Any:
    """Shuffle a Dask DataFrame of turns so each conversation sits in one partition.

    :func:`tag` on a Dask DataFrame rolls conversations up partition by partition, so
    a conversation must not span two partitions. Keep the ``turn`` column: a shuffle
    does not promise to keep a conversation's rows in input order. Needs the
    ``scale`` extra (``pip install 'cxtext[scale]'``).

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Turns with a ``conversation_id`` column.
    npartitions : int, optional
        Partitions of the result (default: as many as ``ddf`` has).

    Returns
    -------
    dask.dataframe.DataFrame
        The same rows, hash-partitioned on ``conversation_id``.

    Examples
    --------
    >>> import dask.dataframe as dd  # doctest: +SKIP
    >>> ddf = partition_by_conversation(dd.read_parquet("turns/"))  # doctest: +SKIP
    >>> res = tag(ddf)  # doctest: +SKIP
    """
    from cxtext._dask import partition_by_conversation as shuffle

    return shuffle(ddf, npartitions)

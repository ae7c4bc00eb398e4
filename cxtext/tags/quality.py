"""Agent-quality signals: greeting, identity check, empathy, forbidden phrases, resolution.

:func:`turn_quality` flags each agent turn (with evidence spans);
:func:`agent_quality` rolls the flags and the call timing (long silences, overtalk)
up to one row per conversation with a 0–100 score and the list of deductions behind it.
The phrase rules live in ``cxtext/resources/rules/quality.tsv`` (decisions in
``quality.md``).

The score
---------
Every conversation with at least one agent turn starts at 100; each missing or
faulty item takes off points (:data:`DEFAULT_WEIGHTS`, overridable per call):

============================ ====== ================================================
item                          points when
============================ ====== ================================================
``greeting``                      10 the first agent turn has no standard greeting
                                     (您好 / 很高兴为您服务 / 工号 …)
``identity_check``                10 no agent turn verifies the caller (身份证后四位,
                                     核实身份, 预留手机号 …)
``empathy``                       10 the customer complained (a complaint word or a
                                     churn/escalation/repeat/urgency intent) and no agent
                                     turn apologises or shows understanding
``forbidden``           15 per phrase each forbidden phrase (不知道, 没办法, 你自己去查,
                                     这不归我们管, 爱办不办 …)
``resolution_confirmed``          10 no agent turn confirms the outcome or offers more
                                     help (已为您处理好 / 已为您登记 / 请问还有其他问题吗)
``long_silence``         5 per gap   the agent left the customer waiting more than
                                     ``silence_s`` seconds without announcing a hold
``overtalk``             3 per turn  a turn started before the other party had finished
============================ ====== ================================================

The score is ``max(0, 100 - sum of points)``. A conversation without agent turns (an
unanswered e-mail) is not scored: its score is ``NaN`` and it has no deductions.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Final

import numpy as np
import pandas as pd

from cxtext.errors import param_error
from cxtext.tags._rules import (
    FilterKeeper,
    LabelRules,
    Prepared,
    RuleSet,
    as_series,
    compile_rule_table,
    prepare_texts,
    result_frame,
    speaker_values,
    text_values,
)

__all__ = [
    "AGENT_QUALITY_COLUMNS",
    "DEFAULT_WEIGHTS",
    "TURN_QUALITY_COLUMNS",
    "agent_quality",
    "turn_quality",
]

RULE_FILE: Final = "quality.tsv"
#: Phrase items of an agent turn, in output order.
TURN_ITEMS: Final[tuple[str, ...]] = (
    "greeting", "identity_check", "empathy", "forbidden", "resolution_confirmed", "hold",
)
_ALL_ITEMS: Final[tuple[str, ...]] = (*TURN_ITEMS, "complaint")

#: Points taken off the 100-point score per missing or faulty item (see the module doc).
DEFAULT_WEIGHTS: Final[Mapping[str, float]] = {
    "greeting": 10.0,
    "identity_check": 10.0,
    "empathy": 10.0,
    "forbidden": 15.0,
    "resolution_confirmed": 10.0,
    "long_silence": 5.0,
    "overtalk": 3.0,
}

#: Columns of :func:`turn_quality`, in order.
TURN_QUALITY_COLUMNS: Final[tuple[str, ...]] = (
    "quality_greeting",
    "quality_identity_check",
    "quality_empathy",
    "quality_forbidden",
    "quality_resolution_confirmed",
    "quality_hold",
    "quality_evidence",
)
#: Columns of :func:`agent_quality`, in order.
AGENT_QUALITY_COLUMNS: Final[tuple[str, ...]] = (
    "conversation_id",
    "quality_greeting",
    "quality_identity_check",
    "quality_empathy",
    "quality_forbidden",
    "quality_resolution_confirmed",
    "quality_long_silences",
    "quality_overtalk",
    "quality_score",
    "quality_deductions",
)


@lru_cache(maxsize=1)
def _rules() -> RuleSet:
    """Compile ``quality.tsv`` once per process."""
    return compile_rule_table(RULE_FILE, _ALL_ITEMS)


def _keeper(rules: LabelRules) -> FilterKeeper:
    """Keep a cue match outside quotation marks that passes the item's filters."""
    return FilterKeeper(rules.filters, quotes=True)


@lru_cache(maxsize=1)
def _keepers() -> dict[str, object]:
    return {name: _keeper(r) for name, r in _rules().items()}


def _match(prep: Prepared, items: tuple[str, ...]) -> dict[str, list[dict]]:
    found = _rules().scan(prep, _keepers(), "item", items)
    return {item: found.get(item, []) for item in items}


def turn_quality(
    texts: Iterable[str] | pd.Series,
    speaker: str | Iterable[str] | pd.Series = "agent",
) -> pd.DataFrame:
    """Flag the quality items said in each agent turn, with evidence.

    Parameters
    ----------
    texts : pandas.Series or iterable of str
        One turn per item. Missing values get no flags; any other non-``str`` value
        raises ``TypeError``. The input is never modified.
    speaker : str or iterable of str, default "agent"
        Who speaks, one value for all texts or one per text (``agent``, ``customer``,
        ``system`` or an alias such as 客服). Only agent turns are flagged; the others
        get ``False``/``0``/``[]``.

    Returns
    -------
    pandas.DataFrame
        One row per text, in order, with the input's index when ``texts`` is a Series:

        ``quality_greeting``, ``quality_identity_check``, ``quality_empathy``,
        ``quality_resolution_confirmed``, ``quality_hold``
            bool (``quality_hold``: the agent announces a hold, 请稍等/帮您查询一下).
        ``quality_forbidden``
            int, the number of forbidden phrases.
        ``quality_evidence``
            list of dicts ``{"item", "start", "end", "text", "rule"}`` sorted by
            position; spans index the original text.

    See Also
    --------
    agent_quality : One row per conversation, with timing and a score.

    Examples
    --------
    >>> df = turn_quality(["您好，工号1024为您服务", "这个我不知道，你自己去查",
    ...                    "不知道您还有什么问题吗？"])
    >>> df[["quality_greeting", "quality_forbidden"]].to_dict("list")
    {'quality_greeting': [True, False, False], 'quality_forbidden': [0, 2, 0]}
    >>> [d["text"] for d in df.loc[1, "quality_evidence"]]
    ['不知道', '你自己去查']
    """
    _rules()  # compile first: the matching texts depend on the rules' anchors
    series = as_series(texts, "turn_quality", "texts")
    values = text_values(series, "turn_quality")
    speakers = speaker_values(speaker, len(values), "turn_quality")
    todo = [v if sp == "agent" else None for v, sp in zip(values, speakers, strict=True)]
    flags, evidence = _turn_flags(prepare_texts(todo))
    columns: dict[str, list[object] | np.ndarray] = {}
    for item in TURN_ITEMS:
        col = flags[item]
        columns[f"quality_{item}"] = col if item == "forbidden" else col.astype(bool)
    columns["quality_evidence"] = evidence
    return result_frame({c: columns[c] for c in TURN_QUALITY_COLUMNS}, series.index)


def _turn_flags(
    prepared: list[Prepared | None], items: tuple[str, ...] = TURN_ITEMS
) -> tuple[dict[str, np.ndarray], list[list[dict]]]:
    n = len(prepared)
    counts: dict[str, list[int]] = {item: [0] * n for item in items}
    evidence: list[list[dict]] = [[] for _ in range(n)]
    cache: dict[str, dict[str, list[dict]]] = {}
    rules, keepers = _rules(), _keepers()
    for i, prep in enumerate(prepared):
        if prep is None or not prep.text:
            continue
        got = cache.get(prep.original)
        first = got is None
        if first:
            got = cache[prep.original] = rules.scan(prep, keepers, "item", items)
        if not got:  # nothing said: no flags, no evidence
            continue
        row: list[dict] = []
        for item in items:
            found = got.get(item)
            if found:
                counts[item][i] = len(found)
                # the first row of a text keeps the dicts; repeats get their own copies
                row.extend(found if first else [dict(d) for d in found])
        row.sort(key=_by_span)
        evidence[i] = row
    return {item: np.asarray(c, dtype=np.int64) for item, c in counts.items()}, evidence


def _by_span(d: dict) -> tuple[int, int]:
    return d["start"], d["end"]


def _check_weights(weights: Mapping[str, float] | None) -> dict[str, float]:
    out = dict(DEFAULT_WEIGHTS)
    if weights is None:
        return out
    if not isinstance(weights, Mapping):
        raise TypeError(
            f"agent_quality expects 'weights' to be a mapping such as {{'greeting': 5}}, "
            f"got {type(weights).__name__}"
        )
    for key, value in weights.items():
        if key not in DEFAULT_WEIGHTS:
            raise param_error("agent_quality", "weights", DEFAULT_WEIGHTS, key)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not (
            math.isfinite(value) and value >= 0
        ):
            raise ValueError(
                f"The weight of {key!r} in agent_quality must be a number >= 0. "
                f"Got {value!r} instead."
            )
        out[key] = float(value)
    return out


def agent_quality(
    turns: pd.DataFrame,
    *,
    silence_s: float = 10.0,
    weights: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Score each conversation's agent on greeting, verification, empathy, wording and timing.

    Parameters
    ----------
    turns : pandas.DataFrame
        A canonical turns table (``conversation_id``, ``turn``, ``speaker``, ``text``;
        ``start_s``/``end_s`` optional), validated with
        ``cxtext.schema.validate(turns, "turns")`` (speaker aliases such as 客服 are
        accepted; a bad row raises :class:`~cxtext.errors.SchemaError`). Not modified.
    silence_s : float, default 10.0
        A gap longer than this between two consecutive customer/agent turns is a long
        silence. System turns (IVR prompts, queue messages) are left out of the timing.
    weights : mapping, optional
        Points per item, overriding :data:`DEFAULT_WEIGHTS` key by key (unknown keys
        raise ``ValueError``). Set an item to 0 to stop scoring it, e.g.
        ``{"identity_check": 0}`` for channels that never verify callers.

    Returns
    -------
    pandas.DataFrame
        One row per conversation, in order of first appearance, ``RangeIndex``:

        ``conversation_id``
        ``quality_greeting``, ``quality_identity_check``, ``quality_empathy``,
        ``quality_resolution_confirmed``
            bool: the item was said (greeting: in the first agent turn; the others: in
            any agent turn).
        ``quality_forbidden``
            int, forbidden phrases over all agent turns.
        ``quality_long_silences``, ``quality_overtalk``
            Int64: gaps longer than ``silence_s`` and overlaps (a turn starting before
            the other speaker's turn ended) between consecutive customer/agent turns;
            ``<NA>`` when the conversation has no timestamps.
        ``quality_score``
            float in [0, 100]; ``NaN`` for a conversation without agent turns.
        ``quality_deductions``
            list of dicts ``{"item", "points", "turn", "evidence"}``: what cost points,
            the turn it happened in (``None`` for something missing from the whole
            conversation) and the words or timing behind it. Empathy is only expected
            after a complaint; a silence is only deducted when the customer was left
            waiting for the agent without a hold announcement (请稍等，我帮您查询一下).

    Raises
    ------
    SchemaError
        If ``turns`` does not fit the canonical turns table.
    ValueError
        If ``silence_s`` is not a positive number or a weight is invalid.

    See Also
    --------
    turn_quality : The per-turn flags behind these figures.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({
    ...     "conversation_id": ["c1"] * 4,
    ...     "speaker": ["agent", "customer", "agent", "agent"],
    ...     "text": ["您好，工号1024为您服务", "我的年费怎么又扣了，太过分了",
    ...              "非常抱歉，请提供身份证后四位", "已为您登记减免，请问还有其他问题吗？"],
    ...     "start_s": [0.0, 5.0, 12.0, 40.0], "end_s": [4.0, 11.0, 16.0, 45.0],
    ... })
    >>> q = agent_quality(t)
    >>> float(q.loc[0, "quality_score"])
    95.0
    >>> q.loc[0, "quality_deductions"]  # doctest: +NORMALIZE_WHITESPACE
    [{'item': 'long_silence', 'points': 5.0, 'turn': 3,
      'evidence': '24.0 s of silence before turn 3'}]
    """
    from cxtext.schema import validate

    _check_silence(silence_s)
    w = _check_weights(weights)
    _rules()  # compile first: the matching texts depend on the rules' anchors
    table = validate(turns, "turns")  # a new, re-indexed table in input order
    order = list(dict.fromkeys(table["conversation_id"].tolist()))
    table = table.sort_values(["conversation_id", "turn"], kind="stable").reset_index(drop=True)

    texts = table["text"].tolist()
    speakers = table["speaker"].tolist()
    agent_prep = prepare_texts([t if s == "agent" else None
                                for t, s in zip(texts, speakers, strict=True)])
    flags, evidence = _turn_flags(agent_prep)
    complained = _customer_complained(texts, speakers)
    if any(s == "customer" for s in speakers):
        from cxtext.tags.intents import intents

        cust = intents(pd.Series([t if s == "customer" else None
                                  for t, s in zip(texts, speakers, strict=True)], dtype=object))
        complained = complained | cust[
            ["intent_churn", "intent_escalation", "intent_repeat", "intent_urgency"]
        ].to_numpy().any(axis=1)
    out = score_conversations(table, flags, evidence, complained, silence_s=silence_s, weights=w)
    return out.set_index("conversation_id").loc[order].reset_index()


def _check_silence(silence_s: object) -> None:
    if isinstance(silence_s, bool) or not isinstance(silence_s, (int, float)) or not (
        math.isfinite(silence_s) and silence_s > 0
    ):
        raise ValueError(
            f"The 'silence_s' parameter of agent_quality must be a number > 0. "
            f"Got {silence_s!r} instead."
        )


def _customer_complained(texts: Sequence[object] | pd.Series,
                         speakers: Sequence[object],
                         only: np.ndarray | None = None) -> np.ndarray:
    """Customer turns that say a complaint word of the quality rules (``complaint`` item).

    Each distinct customer text is prepared and matched once (repeats share the answer),
    and no evidence is kept (only the flag is needed). ``only`` (bool per row) limits the
    look to those rows; the others come out ``False``.
    """
    speaker = np.asarray(speakers, dtype=object)
    out = np.zeros(len(speaker), dtype=bool)
    wanted = speaker == "customer"
    if only is not None:
        wanted &= only
    rows = np.flatnonzero(wanted)
    if not len(rows):
        return out
    # a Series of Arrow strings is encoded in C: only its distinct texts become str objects
    values = (texts.iloc[rows] if isinstance(texts, pd.Series)
              else np.asarray(texts, dtype=object)[rows])
    codes, distinct = pd.factorize(values, use_na_sentinel=True)
    codes = np.asarray(codes)
    # to_numpy: Arrow strings converted in one C pass, not one Python iteration each
    prepared = prepare_texts(np.asarray(distinct, dtype=object).tolist())
    rules = _rules()
    keep = _keepers()["complaint"]
    hits = np.zeros(len(prepared) + 1, dtype=bool)  # the last slot: missing texts
    for k, p in enumerate(prepared):
        if p is not None and p.text:  # a text with no complaint anchor has an empty plan
            hits[k] = rules.has_match(p, keep, "complaint")
    out[rows] = hits[codes]
    return out


_INTENT_COLUMNS: Final = ("intent_churn", "intent_escalation", "intent_repeat", "intent_urgency")


def agent_quality_from_tags(
    tagged: pd.DataFrame, *, silence_s: float = 10.0, weights: Mapping[str, float] | None = None
) -> pd.DataFrame | None:
    """:func:`agent_quality` from turns ``cx.tag`` has already flagged (private to cx.tag).

    ``tagged`` is sorted by conversation and turn, already validated, and carries the
    :func:`turn_quality` columns and the customer intents: only the customers' complaint
    words are matched here. Returns ``None`` when a needed column is missing (the caller
    then runs :func:`agent_quality`). Same output as :func:`agent_quality`, in the order of
    ``tagged``.
    """
    needed = ("conversation_id", "turn", "speaker", "text", "quality_forbidden",
              "quality_evidence", *(f"quality_{i}" for i in TURN_ITEMS), *_INTENT_COLUMNS)
    if any(c not in tagged for c in needed):
        return None
    _check_silence(silence_s)
    w = _check_weights(weights)
    _rules()
    table = tagged.reset_index(drop=True)
    speaker = table["speaker"].to_numpy(dtype=object)
    agent = speaker == "agent"
    flags = {
        item: np.where(agent, table[f"quality_{item}"].to_numpy(dtype=np.int64), 0)
        for item in TURN_ITEMS
    }
    # read only where an agent turn has forbidden phrases (flags are 0 on other rows)
    evidence = table["quality_evidence"].to_numpy(dtype=object)
    customer = speaker == "customer"
    said = table[list(_INTENT_COLUMNS)].fillna(False).to_numpy(dtype=bool).any(axis=1)
    complained = said & customer
    if w["empathy"] > 0:
        # score_conversations reads whether the customer complained only for a
        # conversation with an agent turn, none of them empathic and no intent said:
        # elsewhere the complaint words are not looked for (they cannot change the score)
        conv = pd.factorize(table["conversation_id"].to_numpy(dtype=object), sort=False)[0]
        n_conv = int(conv.max()) + 1 if len(conv) else 0
        settled = np.bincount(conv, weights=complained | (flags["empathy"] > 0),
                              minlength=n_conv) > 0
        open_conv = ~settled & (np.bincount(conv, weights=agent, minlength=n_conv) > 0)
        complained = complained | _customer_complained(table["text"], speaker,
                                                        only=open_conv[conv])
    return score_conversations(table, flags, evidence, complained, silence_s=silence_s,
                               weights=w)


def score_conversations(
    table: pd.DataFrame,
    flags: Mapping[str, np.ndarray],
    evidence: Sequence[list[dict]],
    complained: np.ndarray,
    *,
    silence_s: float,
    weights: Mapping[str, float],
) -> pd.DataFrame:
    """Score every conversation of a table sorted by conversation and turn (private helper).

    ``flags[item]`` (counts), ``evidence`` and ``complained`` are aligned with the rows of
    ``table``; only agent rows may carry flags. Rows come out in table order. Timing and
    counts are computed on whole arrays; only the deduction lists are built per
    conversation.
    """
    w = dict(weights)
    n = len(table)
    cid = table["conversation_id"].to_numpy(dtype=object)
    codes, uniques = pd.factorize(cid, sort=False)
    n_conv = len(uniques)
    speaker = table["speaker"].to_numpy(dtype=object)
    turn_no = table["turn"].to_numpy(dtype=np.int64)
    agent = speaker == "agent"

    def any_per_conv(values: np.ndarray) -> np.ndarray:
        return np.bincount(codes, weights=values.astype(float), minlength=n_conv) > 0

    agent_rows = np.flatnonzero(agent)
    has_agent = np.zeros(n_conv, dtype=bool)
    first_agent = np.full(n_conv, -1, dtype=np.int64)
    if len(agent_rows):
        conv_of_agent, first_pos = np.unique(codes[agent_rows], return_index=True)
        has_agent[conv_of_agent] = True
        first_agent[conv_of_agent] = agent_rows[first_pos]
    greeting = np.zeros(n_conv, dtype=bool)
    greeting[has_agent] = flags["greeting"][first_agent[has_agent]] > 0
    identity = any_per_conv(flags["identity_check"] > 0)
    empathy = any_per_conv(flags["empathy"] > 0)
    resolution = any_per_conv(flags["resolution_confirmed"] > 0)
    forbidden_total = np.bincount(codes, weights=flags["forbidden"].astype(float),
                                  minlength=n_conv).astype(np.int64)
    needs_empathy = any_per_conv(np.asarray(complained, dtype=bool))

    # -- timing: consecutive customer/agent turns (system turns left out) ---------------
    def times(col: str) -> np.ndarray:
        if col not in table:
            return np.full(n, np.nan)
        return pd.to_numeric(table[col], errors="coerce").to_numpy(dtype=float, na_value=np.nan)

    start, end = times("start_s"), times("end_s")
    talk = np.flatnonzero(speaker != "system")
    a, b = talk[:-1], talk[1:]
    keep = (codes[a] == codes[b]) & ~np.isnan(end[a]) & ~np.isnan(start[b])
    a, b = a[keep], b[keep]
    gap = start[b] - end[a]
    pairs = np.bincount(codes[a], minlength=n_conv)
    is_silence = gap > silence_s
    is_overlap = (gap < 0) & (speaker[a] != speaker[b])
    n_sil = np.bincount(codes[a], weights=is_silence.astype(float), minlength=n_conv)
    n_over = np.bincount(codes[a], weights=is_overlap.astype(float), minlength=n_conv)
    excused = (flags["hold"][a] > 0) | (speaker[b] != "agent")

    events: dict[int, list[tuple[str, int, float]]] = {}
    for k in np.flatnonzero(is_silence & ~excused):
        events.setdefault(int(codes[a[k]]), []).append(("s", int(turn_no[b[k]]), float(gap[k])))
    for k in np.flatnonzero(is_overlap):
        events.setdefault(int(codes[a[k]]), []).append(("o", int(turn_no[b[k]]),
                                                        float(-gap[k])))
    forbidden_ev: dict[int, list[tuple[int, str]]] = {}
    for r in np.flatnonzero(agent & (flags["forbidden"] > 0)):
        found = [(int(turn_no[r]), d["text"]) for d in evidence[r] if d["item"] == "forbidden"]
        if found:
            forbidden_ev.setdefault(int(codes[r]), []).extend(found)

    # the first agent turn's text, only where a greeting is missing (a whole column of
    # Arrow strings costs more to convert than the few texts it is read for)
    no_greeting = first_agent[has_agent & ~greeting]
    texts = dict(zip(no_greeting.tolist(), table["text"].take(no_greeting).tolist(),
                     strict=True))
    deductions: list[list[dict]] = []
    scores = np.full(n_conv, np.nan)
    # plain Python values: indexing numpy arrays element by element costs more
    has_agent_l, greeting_l, identity_l, empathy_l, resolution_l, needs_l = (
        a.tolist() for a in (has_agent, greeting, identity, empathy, resolution, needs_empathy))
    first_turn = np.where(has_agent, turn_no[np.maximum(first_agent, 0)], -1).tolist()
    first_row = first_agent.tolist()
    fixed = {  # the deductions whose wording does not depend on the conversation
        item: {"item": item, "points": w[item], "turn": None, "evidence": what}
        for item, what in (("identity_check", "no agent turn verifies the caller's identity"),
                           ("empathy", "the customer complained; no apology or empathy"),
                           ("resolution_confirmed",
                            "no confirmation of the outcome or offer of help"))
    }
    on = {item: w[item] > 0 for item in w}
    no_events: tuple = ()
    for c in range(n_conv):
        if not has_agent_l[c]:
            deductions.append([])
            continue
        got: list[dict] = []
        if not greeting_l[c] and on["greeting"]:
            got.append({"item": "greeting", "points": w["greeting"], "turn": first_turn[c],
                        "evidence": f"first agent turn: {texts[first_row[c]][:40]}"})
        if not identity_l[c] and on["identity_check"]:
            got.append(dict(fixed["identity_check"]))
        if needs_l[c] and not empathy_l[c] and on["empathy"]:
            got.append(dict(fixed["empathy"]))
        if on["forbidden"]:
            for turn, text in forbidden_ev.get(c, no_events):
                got.append({"item": "forbidden", "points": w["forbidden"], "turn": turn,
                            "evidence": text})
        if not resolution_l[c] and on["resolution_confirmed"]:
            got.append(dict(fixed["resolution_confirmed"]))
        timed = events.get(c, no_events)
        if timed:
            if on["long_silence"]:
                for kind, turn, secs in timed:
                    if kind == "s":
                        got.append({"item": "long_silence", "points": w["long_silence"],
                                    "turn": turn,
                                    "evidence": f"{secs:.1f} s of silence before turn {turn}"})
            if on["overtalk"]:
                for kind, turn, secs in timed:
                    if kind == "o":
                        got.append({"item": "overtalk", "points": w["overtalk"], "turn": turn,
                                    "evidence": f"turn {turn} starts {secs:.1f} s before the "
                                                "previous one ends"})
        scores[c] = max(0.0, 100.0 - sum(d["points"] for d in got))
        deductions.append(got)

    timed_conv = pairs > 0
    out = pd.DataFrame({
        "conversation_id": uniques.astype(object) if hasattr(uniques, "astype") else uniques,
        "quality_greeting": greeting & has_agent,
        "quality_identity_check": identity & has_agent,
        "quality_empathy": empathy & has_agent,
        "quality_forbidden": np.where(has_agent, forbidden_total, 0).astype("int64"),
        "quality_resolution_confirmed": resolution & has_agent,
        # <NA> where the conversation has no timed pair of turns
        "quality_long_silences": pd.arrays.IntegerArray(
            np.where(timed_conv, n_sil, 0).astype(np.int64), ~timed_conv),
        "quality_overtalk": pd.arrays.IntegerArray(
            np.where(timed_conv, n_over, 0).astype(np.int64), ~timed_conv),
        "quality_score": scores,
        "quality_deductions": deductions,
    })
    return out

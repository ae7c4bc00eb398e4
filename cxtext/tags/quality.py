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
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Final

import numpy as np
import pandas as pd

from cxtext.errors import param_error
from cxtext.tags._rules import (
    Context,
    Cue,
    LabelRules,
    Prepared,
    RuleSet,
    as_series,
    compile_rule_table,
    passes_filters,
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


def _keeper(rules: LabelRules):
    def keep(cue: Cue, ctx: Context) -> bool:
        return not ctx.in_quote() and passes_filters(cue, ctx, rules.filters)

    return keep


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
    counts = {item: np.zeros(n, dtype=np.int64) for item in items}
    evidence: list[list[dict]] = [[] for _ in range(n)]
    cache: dict[str, dict[str, list[dict]]] = {}
    for i, prep in enumerate(prepared):
        if prep is None or not prep.text:
            continue
        got = cache.get(prep.original)
        if got is None:
            got = cache[prep.original] = _match(prep, items)
        row: list[dict] = []
        for item in items:
            counts[item][i] = len(got[item])
            row.extend(dict(d) for d in got[item])
        row.sort(key=lambda d: (d["start"], d["end"]))
        evidence[i] = row
    return counts, evidence


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


def _timing(
    conv: pd.DataFrame, hold: np.ndarray, silence_s: float
) -> tuple[int | None, int | None, list[tuple[int, float, bool]], list[tuple[int, float]]]:
    """Long silences and overlaps between consecutive customer/agent turns.

    Returns (n_silences, n_overtalk, silences, overlaps); the counts are None when the
    conversation has no two timed customer/agent turns in a row. ``silences`` holds
    ``(turn, gap_s, excused)`` where excused means the agent announced a hold just before
    or the agent was not the one expected to speak; ``overlaps`` holds ``(turn, overlap_s)``.
    """
    talk = (conv["speaker"] != "system").to_numpy()
    start = conv["start_s"].to_numpy(dtype=float, na_value=np.nan)
    end = conv["end_s"].to_numpy(dtype=float, na_value=np.nan)
    speakers = conv["speaker"].to_numpy(dtype=object)
    turns = conv["turn"].to_numpy()
    idx = [i for i in range(len(conv)) if talk[i]]
    silences: list[tuple[int, float, bool]] = []
    overlaps: list[tuple[int, float]] = []
    pairs = 0
    for a, b in zip(idx, idx[1:], strict=False):
        if np.isnan(end[a]) or np.isnan(start[b]):
            continue
        pairs += 1
        gap = float(start[b] - end[a])
        if gap > silence_s:
            excused = bool(hold[a]) or speakers[b] != "agent"
            silences.append((int(turns[b]), gap, excused))
        elif gap < 0 and speakers[a] != speakers[b]:
            overlaps.append((int(turns[b]), -gap))
    if pairs == 0:
        return None, None, silences, overlaps
    return len(silences), len(overlaps), silences, overlaps


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

    if isinstance(silence_s, bool) or not isinstance(silence_s, (int, float)) or not (
        math.isfinite(silence_s) and silence_s > 0
    ):
        raise ValueError(
            f"The 'silence_s' parameter of agent_quality must be a number > 0. "
            f"Got {silence_s!r} instead."
        )
    w = _check_weights(weights)
    _rules()  # compile first: the matching texts depend on the rules' anchors
    table = validate(turns, "turns")  # a new, re-indexed table in input order
    order = list(dict.fromkeys(table["conversation_id"].tolist()))
    table = table.sort_values(["conversation_id", "turn"], kind="stable")

    texts = table["text"].tolist()
    speakers = table["speaker"].tolist()
    agent_prep = prepare_texts([t if s == "agent" else None for t, s in zip(texts, speakers,
                                                                             strict=True)])
    flags, evidence = _turn_flags(agent_prep)
    cust_prep = prepare_texts([t if s == "customer" else None for t, s in zip(texts, speakers,
                                                                               strict=True)])
    complaint, _ = _turn_flags(cust_prep, ("complaint",))
    complained = complaint["complaint"] > 0
    if any(s == "customer" for s in speakers):
        from cxtext.tags.intents import intents

        cust = intents(pd.Series([t if s == "customer" else None
                                  for t, s in zip(texts, speakers, strict=True)], dtype=object))
        complained = complained | cust[
            ["intent_churn", "intent_escalation", "intent_repeat", "intent_urgency"]
        ].to_numpy().any(axis=1)

    rows = []
    groups = table.groupby("conversation_id", sort=False).indices
    for cid in order:
        pos = np.asarray(groups[cid])
        rows.append(_score_one(cid, table.iloc[pos], pos, flags, evidence, complained,
                               silence_s, w))
    out = pd.DataFrame(rows, columns=list(AGENT_QUALITY_COLUMNS))
    for col in ("quality_greeting", "quality_identity_check", "quality_empathy",
                "quality_resolution_confirmed"):
        out[col] = out[col].astype(bool)
    out["quality_forbidden"] = out["quality_forbidden"].astype("int64")
    for col in ("quality_long_silences", "quality_overtalk"):
        out[col] = pd.array(out[col].tolist(), dtype="Int64")
    out["quality_score"] = out["quality_score"].astype(float)
    return out


def _score_one(
    cid: str,
    conv: pd.DataFrame,
    pos: np.ndarray,
    flags: dict[str, np.ndarray],
    evidence: list[list[dict]],
    complained: np.ndarray,
    silence_s: float,
    w: dict[str, float],
) -> list[object]:
    speakers = conv["speaker"].to_numpy(dtype=object)
    turn_no = conv["turn"].to_numpy()
    agent = np.flatnonzero(speakers == "agent")
    hold = flags["hold"][pos] > 0
    n_sil, n_over, silences, overlaps = _timing(conv, hold, silence_s)
    if len(agent) == 0:
        return [cid, False, False, False, 0, False, n_sil, n_over, math.nan, []]

    def said(item: str, where: np.ndarray) -> bool:
        return bool((flags[item][pos[where]] > 0).any())

    greeting = said("greeting", agent[:1])
    identity = said("identity_check", agent)
    empathy = said("empathy", agent)
    resolution = said("resolution_confirmed", agent)
    forbidden_total = int(flags["forbidden"][pos[agent]].sum())
    needs_empathy = bool(complained[pos].any())

    deductions: list[dict] = []

    def deduct(item: str, turn: int | None, what: str) -> None:
        if w[item] > 0:
            deductions.append({"item": item, "points": w[item], "turn": turn, "evidence": what})

    if not greeting:
        first = conv["text"].iloc[agent[0]]
        deduct("greeting", int(turn_no[agent[0]]), f"first agent turn: {first[:40]}")
    if not identity:
        deduct("identity_check", None, "no agent turn verifies the caller's identity")
    if needs_empathy and not empathy:
        deduct("empathy", None, "the customer complained; no apology or empathy")
    for k in agent:
        for d in evidence[pos[k]]:
            if d["item"] == "forbidden":
                deduct("forbidden", int(turn_no[k]), d["text"])
    if not resolution:
        deduct("resolution_confirmed", None, "no confirmation of the outcome or offer of help")
    for turn, gap, excused in silences:
        if not excused:
            deduct("long_silence", turn, f"{gap:.1f} s of silence before turn {turn}")
    for turn, overlap in overlaps:
        deduct("overtalk", turn, f"turn {turn} starts {overlap:.1f} s before the previous "
                                 "one ends")
    score = max(0.0, 100.0 - sum(d["points"] for d in deductions))
    return [cid, greeting, identity, empathy, forbidden_total, resolution, n_sil, n_over,
            score, deductions]

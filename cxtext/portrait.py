"""``cx.build_portraits``: one row per customer, computed in SQL inside DuckDB.

A portrait sums up what a customer's contacts say about them up to a cut-off
(``as_of``): CRM tier and tenure, how often and why they called or complained,
their mood and its trend, churn and escalation threats with dates, and the
traits transactions cannot show (客户性格): how they talk (terse or verbose,
polite or hostile, patient or not), when and where they prefer to reach the bank,
and whether they asked not to be marketed to.

Everything is one DuckDB query over the ``conversations``, ``conversation_tags``,
``customers`` and ``turns`` tables, so a :class:`~cxtext.store.Store` of any size
works within DuckDB's ``memory_limit`` (it spills to disk past it).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from cxtext import _sql_portrait
from cxtext._balances import normalise_balances
from cxtext.errors import CxTextError
from cxtext.schema import validate
from cxtext.store import Store, StoreError
from cxtext.tags.tag import TagResult

#: Thresholds of the style labels (see :func:`build_portraits`).
STYLE_THRESHOLDS: dict[str, float] = {
    "terse_chars": 10.0,       # mean customer-turn length below → 简短
    "verbose_chars": 30.0,     # at or above → 详细
    "polite_rate": 0.2,        # share of customer turns with polite words → 礼貌
    "hostile_rate": 0.1,       # share of customer turns with hostile words → 强硬
    "interrupt_full": 0.2,     # interruption rate counted as fully impatient
    "w_interrupt": 0.4,        # weights of the impatience score (sum 1)
    "w_urgent": 0.3,
    "w_repeat": 0.3,
    "impatient": 0.4,          # impatience at or above → 急躁
    "patient": 0.1,            # below → 耐心
}


def undated_message(n_conversations: int) -> str:
    """Why portraits and churn need dates, and how to give them (for error messages)."""
    return (
        f"none of the {n_conversations:,} conversations has a start time (started_at), so "
        "as_of cannot default to the day after the last contact, and portraits and churn "
        "warnings count only conversations before as_of: every customer would come out "
        "without contacts. Read the file with its date column (read_turns "
        "knows 来电时间, 投诉时间, 受理时间, 日期, started_at ...; or column_map={'你的列': "
        "'started_at'})."
    )


#: How to turn what an analyst has at hand into a portrait / churn source (for messages).
SOURCE_HINT = (
    "Pass a cx.Store that was loaded and tagged, or a dict of frames; from a corpus folder: "
    "corpus = cx.read_corpus(folder); result = cx.tag(corpus.turns); "
    "source = {'conversations': corpus.conversations, 'customers': corpus.customers, "
    "'balances': corpus.balances, 'conversation_tags': result.conversations, "
    "'turn_tags': result.turns}."
)


def _as_timestamp(value: Any, name: str, owner: str = "build_portraits") -> pd.Timestamp:
    from cxtext.schema import _western_date

    try:
        ts = pd.Timestamp(_western_date(value))  # 2025年10月1日 as well as 2025-10-01
    except (TypeError, ValueError):
        raise ValueError(f"The {name!r} parameter of {owner} must be a date or "
                         f"date-time such as '2025-07-01'. Got {value!r} instead.") from None
    if ts is pd.NaT:
        raise ValueError(f"The {name!r} parameter of {owner} must be a date. "
                         f"Got {value!r} instead.")
    if ts.tzinfo is not None:
        ts = ts.tz_convert("Asia/Shanghai").tz_localize(None)
    return ts


def _check_windows(windows: Sequence[int]) -> list[int]:
    try:
        out = sorted({int(w) for w in windows})
        ok = bool(out) and all(w >= 1 and float(w) == float(w0)
                               for w, w0 in zip(out, sorted(set(windows)), strict=True))
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise ValueError("The 'windows' parameter of build_portraits must be a non-empty "
                         f"sequence of whole numbers of days >= 1. Got {windows!r} instead.")
    return out


def tag_result_frames(source: TagResult | tuple, owner: str) -> dict[str, pd.DataFrame]:
    """The frames a ``TagResult`` or ``(TagResult, conversations)`` stands for (shared by
    :func:`build_portraits` and :func:`cxtext.churn`): its turn and conversation tags, and
    the conversations (from the turns' ``customer_id`` when none are given)."""
    from cxtext.io import conversations_from_turns

    if isinstance(source, TagResult):
        turns = source.turns
        if "customer_id" not in turns.columns:
            raise CxTextError(
                f"{owner}: a TagResult alone does not say who the customers are (its turns "
                "have no customer_id); pass (result, conversations) or a dict with "
                "'conversations' and 'conversation_tags'.")
        return {"conversation_tags": source.conversations, "turn_tags": turns,
                "conversations": conversations_from_turns(turns)}
    if len(source) != 2 or not isinstance(source[0], TagResult):
        raise TypeError(f"{owner}: a tuple source must be (TagResult, conversations).")
    return {"conversation_tags": source[0].conversations, "turn_tags": source[0].turns,
            "conversations": source[1]}


def _frames_store(source: Mapping[str, Any] | TagResult | tuple) -> Store:
    """An in-memory store holding the frames of a dict / TagResult source."""
    if isinstance(source, (TagResult, tuple)):
        frames = tag_result_frames(source, "build_portraits")
    elif isinstance(source, Mapping):
        frames = dict(source)
    else:
        raise TypeError(f"build_portraits: cannot build portraits from a "
                        f"{type(source).__name__}. {SOURCE_HINT}")
    missing = [k for k in ("conversations", "conversation_tags") if frames.get(k) is None]
    if missing:
        raise CxTextError(f"build_portraits: the source lacks {missing}; it has "
                          f"{sorted(k for k, v in frames.items() if v is not None)}. "
                          f"{SOURCE_HINT}")
    store = Store()
    store.write_table("conversations", validate(frames["conversations"], "conversations",
                                                source="<conversations>"))
    store.write_table("conversation_tags", frames["conversation_tags"])
    if frames.get("customers") is not None:
        store.write_table("customers", validate(frames["customers"], "customers",
                                                source="<customers>"))
    if frames.get("balances") is not None:
        balances, rejects = normalise_balances(frames["balances"])
        if len(rejects):
            raise CxTextError(f"build_portraits: {len(rejects)} bad balances row(s), e.g. row "
                              f"{rejects['row'].iloc[0]}: {rejects['reason'].iloc[0]}")
        store.write_table("balances", balances)
    turns = frames.get("turns")
    if turns is None:
        turns = frames.get("turn_tags")
    if turns is not None and {"text", "speaker", "turn"} <= set(turns.columns):
        cols = [c for c in ("conversation_id", "turn", "speaker", "text", "start_s", "end_s")
                if c in turns.columns]
        t = turns[cols].copy()
        for c in ("start_s", "end_s"):
            if c not in t:
                t[c] = float("nan")
        store.write_table("turns", t)
    else:
        store._x("DROP TABLE IF EXISTS turns")
    return store


def build_portraits(
    source: Store | Mapping[str, Any] | TagResult | tuple,
    *,
    as_of: Any = None,
    windows: Sequence[int] = (30, 90, 365),
    customers: pd.DataFrame | None = None,
    trend_days: int = 90,
    repeat_days: int = 7,
    thresholds: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """One row per customer: tier, contact history, mood, risk signals and style.

    Parameters
    ----------
    source : Store, dict, TagResult or (TagResult, conversations)
        A :class:`~cxtext.store.Store` that has been tagged (:meth:`Store.tag`); or a
        dict of frames ``{"conversations", "conversation_tags", "customers"
        (optional), "turns" or "turn_tags" (optional, for the style columns),
        "balances" (optional, monthly assets: ``customer_id, month,
        avg_daily_assets``)}``; or a
        :class:`~cxtext.tags.tag.TagResult` with its ``conversations`` table as a
        tuple (a TagResult alone works when its turns carry ``customer_id`` and
        ``started_at``). With Dask DataFrames in the dict (or a Dask TagResult), the
        result is a Dask DataFrame computed customer range by customer range (see
        :func:`cxtext._dask.build_portraits_dask`).
    as_of : date-like, optional
        The cut-off. **Only conversations with** ``started_at < as_of`` **count**, so a
        time-split backtest cannot see the future; conversations without a start
        time never count. Default: midnight after the day of the last conversation.
        A conversation without a ``conversation_tags`` row (not tagged yet) counts as
        a contact with no tags: not a complaint, no emotion, no intents.
    windows : sequence of int, default (30, 90, 365)
        Day windows ending at ``as_of`` for ``contacts_{w}d`` / ``complaints_{w}d``.
    customers : DataFrame, optional
        CRM table (canonical ``customers``); replaces the store's or the dict's.
    trend_days : int, default 90
        ``sentiment_trend`` = mean conversation sentiment of the last ``trend_days``
        minus the mean before them (0 when either side has no conversation).
    repeat_days : int, default 7
        A contact within this many days after the previous one is a repeat contact.
    thresholds : dict, optional
        Overrides of :data:`STYLE_THRESHOLDS`.

    Returns
    -------
    DataFrame
        One row per customer — every customer of the CRM table (zero contacts when
        silent) plus every customer with a counted conversation — ordered by
        ``customer_id``, with columns:

        * ``customer_id, as_of, tier`` (standard/gold/platinum/diamond: the CRM tier,
          else from ``avg_daily_assets``), ``tier_name`` (普通/金卡/白金/钻石),
          ``avg_daily_assets, tenure_months, n_products`` (items of ``products``);
        * ``contacts_{w}d, complaints_{w}d`` per window, ``contacts_total,
          complaints_total, first_contact_at, last_contact_at,
          days_since_last_contact`` (whole days before ``as_of``). A **complaint** is
          a conversation with at least one complaint category other than ``other``,
          or whose customer sentiment label is negative;
        * ``categories`` (taxonomy ids by number of conversations, most frequent
          first, ties in taxonomy order, ``other`` last), ``top_category``;
        * ``emotion_label`` — the most frequent non-neutral conversation emotion
          (ties: the most recent), ``neutral`` when all are neutral;
          ``emotion_mix`` — share of conversations per emotion (dict);
        * ``sentiment_mean`` (mean of conversation means), ``sentiment_worst`` (worst
          customer turn), ``sentiment_trend``;
        * ``churn_intent, churn_intent_first_at, churn_intent_last_at, escalation,
          escalation_last_at``;
        * ``repeat_contacts`` (tagged repeat intent, or within ``repeat_days`` of the
          previous contact), ``unresolved_contacts`` (``resolved`` false);
        * ``channel_preferred`` (most used channel), ``hours_preferred`` (上午 6–12,
          下午 12–18, 晚上 18–22, 夜间 22–6; most frequent; start times of exactly
          midnight are taken as dates without a time and left out);
        * style, from the customer's own turns (None without turns):
          ``style_verbosity`` 简短/适中/详细 by mean turn length in characters;
          ``style_politeness`` 强硬 when hostile words appear in at least
          ``hostile_rate`` of turns, or when they threatened to escalate, at least half
          their contacts were angry/disgusted and polite words are rare; 礼貌 when
          polite words (请/谢谢/麻烦/您…) appear in at least ``polite_rate`` of turns
          and no hostile word does; else 一般;
          ``style_patience`` from an impatience score
          ``0.4·min(interruptions/0.2, 1) + 0.3·urgent share + 0.3·repeat share``
          (interruptions: customer turns starting before the previous turn ended, of
          timed turns): 急躁 ≥ 0.4, 耐心 < 0.1, else 一般;
        * ``do_not_market`` — complained about marketing calls or messages
          (category ``marketing``): leave them out of campaign lists;
        * ``tag_line`` — short Chinese summary, e.g.
          ``白金客户·近30天投诉3次·愤怒·理财与基金亏损·有销户意向`` (no personal data);
        * the inputs of the style labels: ``turn_chars_mean, polite_rate,
          hostile_rate, interruption_rate, urgent_contacts, impatience``;
        * service the customer experienced: ``bad_service_contacts`` — conversations
          where the agent used a forbidden phrase (``quality_forbidden`` > 0) or the
          agent-quality score is below ``_sql_portrait.BAD_SERVICE_SCORE`` (60), from
          the ``quality_*`` columns of ``conversation_tags`` (0 when they are absent);
          ``wait_contacts`` — conversations where the customer complains about waiting
          (等了…, 排了…的队, 打不通, 没人接 …; ``_sql_portrait.WAIT_PATTERN``), ``<NA>``
          without turns;
        * from a ``balances`` table (monthly average daily assets; NaN without one):
          ``assets_recent`` — the last month that ended before ``as_of``;
          ``assets_trend_3m`` — ln(that month / mean of the three months before it),
          NaN with fewer than four known months; at or below
          ``_sql_portrait.OUTFLOW_LOG`` (−0.3) the tag line says 资产流出.

    Examples
    --------
    >>> import pandas as pd
    >>> conv = pd.DataFrame({"conversation_id": ["c1", "c2"], "customer_id": ["u1", "u1"],
    ...                      "started_at": ["2025-06-01 10:00", "2025-06-20 20:00"],
    ...                      "channel": ["phone", "app"]})
    >>> tags = pd.DataFrame({"conversation_id": ["c1", "c2"], "sentiment_mean": [-0.6, -0.2],
    ...                      "sentiment_worst": [-0.8, -0.3], "sentiment_label": ["neg", "neu"],
    ...                      "emotion_label": ["anger", "neutral"], "intent_churn": [True, False],
    ...                      "categories": [["fees"], ["marketing"]]})
    >>> crm = pd.DataFrame({"customer_id": ["u1"], "avg_daily_assets": [2_000_000]})
    >>> p = build_portraits({"conversations": conv, "conversation_tags": tags,
    ...                      "customers": crm}, as_of="2025-07-01")
    >>> print(*p.loc[0, ["tier_name", "contacts_30d", "complaints_30d", "do_not_market"]])
    白金 2 2 True
    >>> p.loc[0, "tag_line"]
    '白金客户·近30天投诉2次·愤怒·收费争议·有销户意向·勿营销'
    """
    from cxtext._dask import is_dask_collection  # imports no Dask: checks module names

    if is_dask_collection(source):  # Dask frames: one call per customer range (_dask.py)
        from cxtext._dask import build_portraits_dask

        return build_portraits_dask(source, as_of=as_of, windows=windows, customers=customers,
                                    trend_days=trend_days, repeat_days=repeat_days,
                                    thresholds=thresholds)
    wins = _check_windows(windows)
    for name, value in (("trend_days", trend_days), ("repeat_days", repeat_days)):
        if not isinstance(value, int) or value < 0:
            raise ValueError(f"The {name!r} parameter of build_portraits must be an int >= 0. "
                             f"Got {value!r} instead.")
    limits = dict(STYLE_THRESHOLDS)
    for key, value in (thresholds or {}).items():
        if key not in limits:
            raise ValueError(f"The 'thresholds' parameter of build_portraits takes keys "
                             f"{sorted(limits)}. Got {key!r} instead.")
        limits[key] = float(value)

    own = not isinstance(source, Store)
    store = _frames_store(source) if own else source
    try:
        if not store.has_table("conversation_tags"):
            raise StoreError(f"build_portraits: the store {store.path!r} has no "
                             "conversation_tags yet; tag it first: store.tag() (command "
                             f"line: cxtext tag {store.path}).")
        cust_table: str | None = "customers" if store.has_table("customers") else None
        registered = False
        if customers is not None:
            store.con.register("_cx_portrait_customers",
                               validate(customers, "customers", source="<customers>"))
            cust_table, registered = "_cx_portrait_customers", True
        turns_table = "turns" if store.has_table("turns") else None
        bal_table = "balances" if store.has_table("balances") else None
        if as_of is None:
            n_conv, last = store.con.execute(
                "SELECT count(*), max(started_at) FROM conversations").fetchall()[0]
            if n_conv and last is None:  # (a Dask partition passes as_of: never raised there)
                raise CxTextError(f"build_portraits: {undated_message(n_conv)}")
            as_of_ts = (pd.Timestamp(last).normalize() + pd.Timedelta(days=1)
                        if last is not None else pd.Timestamp.now().normalize())
        else:
            as_of_ts = _as_timestamp(as_of, "as_of")
        query = _sql_portrait.portrait_sql(
            conversations="conversations", conversation_tags="conversation_tags",
            customers=cust_table, turns=turns_table, windows=wins,
            tag_columns=list(store._columns_of("conversation_tags")), balances=bal_table)
        params: dict[str, Any] = {
            "as_of": as_of_ts.to_pydatetime(), "trend_days": trend_days,
            "repeat_days": repeat_days, "polite": _sql_portrait.POLITE_PATTERN,
            "hostile": _sql_portrait.HOSTILE_PATTERN, "wait": _sql_portrait.WAIT_PATTERN,
            "bad_service_score": _sql_portrait.BAD_SERVICE_SCORE,
            "outflow_log": _sql_portrait.OUTFLOW_LOG,
            "has_turns": turns_table is not None, **limits,
        }
        named = set(re.findall(r"\$(\w+)", query))
        used = {k: v for k, v in params.items() if k in named}
        try:
            out = store.con.execute(query, used).df()
        finally:
            if registered:
                store.con.unregister("_cx_portrait_customers")
    finally:
        if own:
            store.close()
    return _finish(out, wins)


def _finish(out: pd.DataFrame, windows: Sequence[int]) -> pd.DataFrame:
    """Python types for the JSON columns and stable dtypes."""
    out["categories"] = [json.loads(v) if isinstance(v, str) else [] for v in out["categories"]]
    out["emotion_mix"] = [json.loads(v) if isinstance(v, str) else {} for v in out["emotion_mix"]]
    ints = ["contacts_total", "complaints_total", "repeat_contacts", "unresolved_contacts",
            "urgent_contacts", "bad_service_contacts"] + [
                f"{k}_{w}d" for w in windows for k in ("contacts", "complaints")]
    for col in ints:
        out[col] = out[col].astype("int64")
    for col in ("churn_intent", "escalation", "do_not_market"):
        out[col] = out[col].astype(bool)
    for col in ("tenure_months", "n_products", "days_since_last_contact", "wait_contacts"):
        out[col] = out[col].astype("Int64")
    for col in [c for c in out.columns if c.endswith("_at") or c == "as_of"]:
        out[col] = pd.to_datetime(out[col]).astype("datetime64[ns]")
    return out

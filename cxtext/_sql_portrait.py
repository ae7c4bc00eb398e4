"""The SQL behind :func:`cxtext.build_portraits` (DuckDB dialect).

One statement, so DuckDB plans it as a whole and spills to disk past its
``memory_limit``. Table names come from :func:`portrait_sql`'s arguments;
values (``as_of``, thresholds, word patterns) are bound as parameters.
Lists are filtered with comprehensions (``[x FOR x IN l IF …]``), which DuckDB 1.0 and
2.x both read: ``lambda x:`` needs 1.3+, and 2.0 refuses the older ``x -> …``.
"""

from __future__ import annotations

from collections.abc import Sequence

from cxtext import labels

#: Words a polite customer uses (请/谢谢/麻烦/辛苦/不好意思/打扰/劳驾/您).
POLITE_PATTERN = r"请|谢谢|多谢|感谢|麻烦|辛苦|不好意思|打扰|劳驾|您"
#: Words of a hostile customer: insults, contempt, threats in anger.
HOSTILE_PATTERN = (
    r"垃圾|骗子|骗人|坑人|黑心|流氓|强盗|无耻|混蛋|王八|废物|有病|脑子|滚|他妈|妈的|特么|"
    r"tmd|TMD|什么破|破银行|搞什么|耍我|忽悠|凭什么|气死|去死|闭嘴|少废话|别废话"
)

#: A customer turn that complains about waiting for the bank (queue, hold, no answer).
WAIT_PATTERN = (
    r"等了|排了.{0,8}队|排队排|难打|打不进|打不通|半天才接|半天没人|没人接|没人回|一直占线|"
    r"转人工.{0,4}等"
)
#: A conversation whose agent-quality score is below this counts as bad service (as does
#: any forbidden phrase; see ``bad_service_contacts``).
BAD_SERVICE_SCORE = 60.0

#: ``assets_trend_3m`` at or below this (ln ratio; about a quarter of the money gone) adds
#: 资产流出 to the tag line.
OUTFLOW_LOG = -0.3

#: Time-of-day buckets of ``hours_preferred`` (hour ranges, local time).
HOUR_BUCKETS = (("上午", 6, 12), ("下午", 12, 18), ("晚上", 18, 22), ("夜间", 22, 6))


#: Conversation-tag columns the portrait reads (missing ones count as NULL).
TAG_COLUMNS: dict[str, str] = {
    "sentiment_mean": "DOUBLE", "sentiment_worst": "DOUBLE", "sentiment_label": "VARCHAR",
    "emotion_label": "VARCHAR", "intent_churn": "BOOLEAN", "intent_escalation": "BOOLEAN",
    "intent_repeat": "BOOLEAN", "intent_urgency": "BOOLEAN", "categories": "JSON",
    "quality_forbidden": "BIGINT", "quality_score": "DOUBLE",
}


def _values(name: str, cols: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    def lit(v: object) -> str:
        if isinstance(v, str):
            return "'" + v.replace("'", "''") + "'"
        return str(v)

    body = ", ".join("(" + ", ".join(lit(v) for v in row) + ")" for row in rows)
    return f"{name}({', '.join(cols)}) AS (SELECT * FROM (VALUES {body}) v({', '.join(cols)}))"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def portrait_sql(
    *,
    conversations: str,
    conversation_tags: str,
    customers: str | None,
    turns: str | None,
    windows: Sequence[int],
    tag_columns: Sequence[str] = tuple(TAG_COLUMNS),
    balances: str | None = None,
) -> str:
    """The portrait query; parameters ``$as_of``, ``$trend_days``, ``$repeat_days``,
    ``$polite``, ``$hostile``, ``$wait`` (with turns), ``$bad_service_score`` and the
    style thresholds."""
    cat_rows = [(c, i, labels.display_name("category", c)) for i, c in
                enumerate(labels.CATEGORIES)]
    emo_rows = [(e, i, labels.display_name("emotion", e)) for i, e in enumerate(labels.EMOTIONS)]
    tier_rows = [(t, labels.display_name("tier", t)) for t in labels.TIERS]
    bounds = {name: lower for name, lower in labels.TIER_BOUNDS}
    window_aggs = ",\n        ".join(
        f"count(*) FILTER (started_at >= $as_of - INTERVAL ({w}) DAY) AS contacts_{w}d,\n"
        f"        count(*) FILTER (started_at >= $as_of - INTERVAL ({w}) DAY AND is_complaint)"
        f" AS complaints_{w}d"
        for w in windows
    )
    window_cols = ",\n    ".join(
        f"coalesce(a.contacts_{w}d, 0) AS contacts_{w}d, "
        f"coalesce(a.complaints_{w}d, 0) AS complaints_{w}d" for w in windows
    )
    complaint_part = " ".join(
        f"WHEN complaints_{w}d > 0 THEN '近{w}天投诉' || complaints_{w}d || '次'"
        for w in windows
    )
    hours_case = " ".join(
        f"WHEN hour(started_at) >= {lo} AND hour(started_at) < {hi} THEN '{name}'"
        for name, lo, hi in HOUR_BUCKETS if lo < hi
    ) + " ELSE '夜间'"

    have = set(tag_columns)
    tag_select = ", ".join(
        (_q(c) if c in have else f"NULL::{t} AS {_q(c)}") for c, t in TAG_COLUMNS.items())
    if customers is not None:
        cust_cte = f"""cust AS (
    SELECT customer_id, avg_daily_assets, tier, tenure_months, products FROM {_q(customers)}
)"""
    else:
        cust_cte = """cust AS (
    SELECT NULL::VARCHAR AS customer_id, NULL::DOUBLE AS avg_daily_assets,
           NULL::VARCHAR AS tier, NULL::BIGINT AS tenure_months, NULL::VARCHAR AS products
    WHERE false
)"""
    if balances is not None:
        # only months that ended before as_of are known; the trend compares the last of them
        # with the mean of the three before it (NULL with fewer than four known months)
        bal_cte = f"""bal AS (
    SELECT customer_id, month AS m, avg_daily_assets AS v FROM {_q(balances)}
    WHERE month + INTERVAL 1 MONTH <= $as_of AND avg_daily_assets IS NOT NULL
),
bal_last AS (
    SELECT customer_id, max(m) AS last_m, arg_max(v, m) AS assets_recent
    FROM bal GROUP BY customer_id
),
bal_trend AS (
    SELECT l.customer_id, l.assets_recent,
        CASE WHEN count(b.v) = 3 THEN
            ln(greatest(l.assets_recent, 1.0) / greatest(avg(b.v), 1.0)) END AS assets_trend_3m
    FROM bal_last l LEFT JOIN bal b ON b.customer_id = l.customer_id
        AND b.m < l.last_m AND b.m >= l.last_m - INTERVAL 3 MONTH
    GROUP BY l.customer_id, l.assets_recent
)"""
    else:
        bal_cte = """bal_trend AS (
    SELECT NULL::VARCHAR AS customer_id, NULL::DOUBLE AS assets_recent,
           NULL::DOUBLE AS assets_trend_3m
    WHERE false
)"""
    if turns is not None:
        style_cte = f"""tt AS (
    SELECT t.conversation_id, t.speaker, t.text, t.start_s,
           lag(t.end_s) OVER (PARTITION BY t.conversation_id ORDER BY t.turn) AS prev_end
    FROM {_q(turns)} t SEMI JOIN c ON t.conversation_id = c.conversation_id
),
style AS (
    SELECT c.customer_id,
        count(*) AS n_customer_turns,
        avg(length(tt.text)) AS turn_chars_mean,
        avg(CASE WHEN regexp_matches(tt.text, $polite) THEN 1.0 ELSE 0.0 END) AS polite_rate,
        avg(CASE WHEN regexp_matches(tt.text, $hostile) THEN 1.0 ELSE 0.0 END) AS hostile_rate,
        count(*) FILTER (tt.start_s IS NOT NULL AND tt.prev_end IS NOT NULL) AS n_timed,
        count(*) FILTER (tt.start_s < tt.prev_end) AS n_interruptions,
        count(DISTINCT tt.conversation_id) FILTER (regexp_matches(tt.text, $wait))
            AS wait_contacts
    FROM tt JOIN c USING (conversation_id)
    WHERE tt.speaker = 'customer'
    GROUP BY c.customer_id
)"""
    else:
        style_cte = """style AS (
    SELECT NULL::VARCHAR AS customer_id, 0::BIGINT AS n_customer_turns,
           NULL::DOUBLE AS turn_chars_mean, NULL::DOUBLE AS polite_rate,
           NULL::DOUBLE AS hostile_rate, 0::BIGINT AS n_timed, 0::BIGINT AS n_interruptions,
           NULL::BIGINT AS wait_contacts
    WHERE false
)"""

    return f"""
WITH
{_values("cat_names", ("cat", "ord", "name"), cat_rows)},
{_values("emo_names", ("emo", "ord", "name"), emo_rows)},
{_values("tier_names", ("tier", "name"), tier_rows)},
{cust_cte},
c0 AS (
    SELECT v.conversation_id, v.customer_id, v.started_at, v.channel, v.resolved,
        g.sentiment_mean, g.sentiment_worst, g.sentiment_label, g.emotion_label,
        coalesce(g.intent_churn, false) AS churn,
        coalesce(g.intent_escalation, false) AS escalated,
        coalesce(g.intent_repeat, false) AS repeat_intent,
        coalesce(g.intent_urgency, false) AS urgent,
        coalesce(from_json(g.categories, '["VARCHAR"]'), []::VARCHAR[]) AS cats,
        coalesce(g.quality_forbidden, 0) > 0
            OR coalesce(g.quality_score < $bad_service_score, false) AS bad_service
    FROM {_q(conversations)} v
    LEFT JOIN (SELECT conversation_id, {tag_select} FROM {_q(conversation_tags)}) g
        ON g.conversation_id = v.conversation_id
    WHERE v.started_at < $as_of AND v.customer_id IS NOT NULL
),
c AS (
    SELECT *,
        len([x FOR x IN cats IF x <> 'other']) > 0
            OR coalesce(sentiment_label = 'neg', false) AS is_complaint,
        coalesce(started_at - lag(started_at) OVER (
            PARTITION BY customer_id ORDER BY started_at, conversation_id)
            <= INTERVAL ($repeat_days) DAY, false) AS quick_repeat
    FROM c0
),
agg AS (
    SELECT customer_id,
        count(*) AS contacts_total,
        count(*) FILTER (is_complaint) AS complaints_total,
        {window_aggs},
        min(started_at) AS first_contact_at,
        max(started_at) AS last_contact_at,
        avg(sentiment_mean) AS sentiment_mean,
        min(sentiment_worst) AS sentiment_worst,
        avg(sentiment_mean) FILTER (started_at >= $as_of - INTERVAL ($trend_days) DAY)
            AS sentiment_recent,
        avg(sentiment_mean) FILTER (started_at < $as_of - INTERVAL ($trend_days) DAY)
            AS sentiment_earlier,
        bool_or(churn) AS churn_intent,
        min(started_at) FILTER (churn) AS churn_intent_first_at,
        max(started_at) FILTER (churn) AS churn_intent_last_at,
        bool_or(escalated) AS escalation,
        max(started_at) FILTER (escalated) AS escalation_last_at,
        count(*) FILTER (repeat_intent OR quick_repeat) AS repeat_contacts,
        count(*) FILTER (resolved = false) AS unresolved_contacts,
        count(*) FILTER (urgent) AS urgent_contacts,
        count(*) FILTER (emotion_label IN ('anger', 'disgust')) AS angry_contacts,
        count(*) FILTER (bad_service) AS bad_service_contacts,
        bool_or(list_contains(cats, 'marketing')) AS do_not_market
    FROM c GROUP BY customer_id
),
cat_counts AS (
    SELECT customer_id, cat, count(*) AS n
    FROM (SELECT customer_id, unnest(cats) AS cat FROM c) GROUP BY ALL
),
cats AS (
    SELECT k.customer_id,
        to_json(list(k.cat ORDER BY k.cat = 'other', k.n DESC, coalesce(m.ord, 99), k.cat))
            AS categories,
        first(k.cat ORDER BY k.cat = 'other', k.n DESC, coalesce(m.ord, 99), k.cat)
            AS top_category
    FROM cat_counts k LEFT JOIN cat_names m ON m.cat = k.cat
    GROUP BY k.customer_id
),
emo_counts AS (
    SELECT customer_id, emotion_label AS emo, count(*) AS n, max(started_at) AS last_at
    FROM c WHERE emotion_label IS NOT NULL GROUP BY ALL
),
emos AS (
    SELECT k.customer_id,
        coalesce(first(k.emo ORDER BY k.n DESC, k.last_at DESC, coalesce(m.ord, 99))
                 FILTER (k.emo <> 'neutral'), 'neutral') AS emotion_label,
        to_json(map(list(k.emo ORDER BY coalesce(m.ord, 99), k.emo),
                    list(round(k.n / t.total, 3) ORDER BY coalesce(m.ord, 99), k.emo)))
            AS emotion_mix
    FROM emo_counts k
    JOIN (SELECT customer_id, sum(n) AS total FROM emo_counts GROUP BY ALL) t USING (customer_id)
    LEFT JOIN emo_names m ON m.emo = k.emo
    GROUP BY k.customer_id
),
chan AS (
    SELECT customer_id, first(channel ORDER BY n DESC, last_at DESC, channel) AS channel_preferred
    FROM (SELECT customer_id, channel, count(*) AS n, max(started_at) AS last_at
          FROM c WHERE channel IS NOT NULL GROUP BY ALL)
    GROUP BY customer_id
),
hours AS (
    SELECT customer_id, first(bucket ORDER BY n DESC, last_at DESC, bucket) AS hours_preferred
    FROM (SELECT customer_id, CASE {hours_case} END AS bucket, count(*) AS n,
                 max(started_at) AS last_at
          FROM c WHERE started_at <> date_trunc('day', started_at) GROUP BY ALL)
    GROUP BY customer_id
),
{style_cte},
{bal_cte},
ids AS (
    SELECT customer_id FROM cust WHERE customer_id IS NOT NULL
    UNION
    SELECT customer_id FROM agg
),
p AS (
    SELECT ids.customer_id,
        $as_of::TIMESTAMP AS as_of,
        coalesce(cu.tier, CASE
            WHEN cu.avg_daily_assets >= {bounds["diamond"]} THEN 'diamond'
            WHEN cu.avg_daily_assets >= {bounds["platinum"]} THEN 'platinum'
            WHEN cu.avg_daily_assets >= {bounds["gold"]} THEN 'gold'
            WHEN cu.avg_daily_assets >= 0 THEN 'standard' END) AS tier,
        cu.avg_daily_assets,
        cu.tenure_months,
        CASE WHEN cu.products IS NULL THEN NULL ELSE len([x FOR x IN
            regexp_split_to_array(cu.products, '[;；,，、|/]') IF trim(x) <> ''])
        END AS n_products,
        {window_cols},
        coalesce(a.contacts_total, 0) AS contacts_total,
        coalesce(a.complaints_total, 0) AS complaints_total,
        a.first_contact_at, a.last_contact_at,
        CAST(floor(epoch($as_of::TIMESTAMP - a.last_contact_at) / 86400) AS BIGINT)
            AS days_since_last_contact,
        coalesce(k.categories, to_json([]::VARCHAR[])) AS categories,
        k.top_category,
        e.emotion_label,
        coalesce(e.emotion_mix, to_json(map([]::VARCHAR[], []::DOUBLE[]))) AS emotion_mix,
        a.sentiment_mean, a.sentiment_worst,
        coalesce(a.sentiment_recent - a.sentiment_earlier, 0.0) AS sentiment_trend,
        coalesce(a.churn_intent, false) AS churn_intent,
        a.churn_intent_first_at, a.churn_intent_last_at,
        coalesce(a.escalation, false) AS escalation,
        a.escalation_last_at,
        coalesce(a.repeat_contacts, 0) AS repeat_contacts,
        coalesce(a.unresolved_contacts, 0) AS unresolved_contacts,
        coalesce(a.urgent_contacts, 0) AS urgent_contacts,
        ch.channel_preferred,
        h.hours_preferred,
        s.turn_chars_mean,
        s.polite_rate,
        s.hostile_rate,
        CASE WHEN coalesce(s.n_timed, 0) > 0 THEN s.n_interruptions / s.n_timed ELSE 0.0 END
            AS interruption_rate,
        a.angry_contacts,
        coalesce(s.n_customer_turns, 0) AS n_customer_turns,
        coalesce(a.do_not_market, false) AS do_not_market,
        coalesce(a.bad_service_contacts, 0) AS bad_service_contacts,
        CASE WHEN s.customer_id IS NOT NULL THEN s.wait_contacts
             WHEN $has_turns THEN 0 END AS wait_contacts,
        bt.assets_recent, bt.assets_trend_3m
    FROM ids
    LEFT JOIN cust cu ON cu.customer_id = ids.customer_id
    LEFT JOIN agg a ON a.customer_id = ids.customer_id
    LEFT JOIN cats k ON k.customer_id = ids.customer_id
    LEFT JOIN emos e ON e.customer_id = ids.customer_id
    LEFT JOIN chan ch ON ch.customer_id = ids.customer_id
    LEFT JOIN hours h ON h.customer_id = ids.customer_id
    LEFT JOIN style s ON s.customer_id = ids.customer_id
    LEFT JOIN bal_trend bt ON bt.customer_id = ids.customer_id
),
scored AS (
    SELECT *,
        CASE WHEN contacts_total = 0 THEN NULL ELSE
            $w_interrupt * least(interruption_rate / $interrupt_full, 1.0)
            + $w_urgent * urgent_contacts / contacts_total
            + $w_repeat * repeat_contacts / contacts_total END AS impatience
    FROM p
)
SELECT scored.customer_id, as_of, scored.tier, tn.name AS tier_name, avg_daily_assets,
    tenure_months, n_products,
    {", ".join(f"contacts_{w}d, complaints_{w}d" for w in windows)},
    contacts_total, complaints_total, first_contact_at, last_contact_at, days_since_last_contact,
    categories, top_category, emotion_label, emotion_mix,
    sentiment_mean, sentiment_worst, sentiment_trend,
    churn_intent, churn_intent_first_at, churn_intent_last_at,
    escalation, escalation_last_at, repeat_contacts, unresolved_contacts,
    channel_preferred, hours_preferred,
    CASE WHEN n_customer_turns = 0 THEN NULL
         WHEN turn_chars_mean < $terse_chars THEN '简短'
         WHEN turn_chars_mean >= $verbose_chars THEN '详细'
         ELSE '适中' END AS style_verbosity,
    CASE WHEN n_customer_turns = 0 THEN NULL
         WHEN hostile_rate >= $hostile_rate
              OR (escalation AND angry_contacts >= 0.5 * contacts_total
                  AND polite_rate < $polite_rate)
              THEN '强硬'
         WHEN polite_rate >= $polite_rate AND hostile_rate = 0 THEN '礼貌'
         ELSE '一般' END AS style_politeness,
    CASE WHEN impatience IS NULL THEN NULL
         WHEN impatience >= $impatient THEN '急躁'
         WHEN impatience < $patient THEN '耐心'
         ELSE '一般' END AS style_patience,
    do_not_market,
    concat_ws('·',
        coalesce(tn.name, '') || '客户',
        CASE {complaint_part}
             WHEN contacts_total = 0 THEN '暂无联系记录' ELSE NULL END,
        CASE WHEN emotion_label IS NOT NULL AND emotion_label <> 'neutral' THEN en.name END,
        CASE WHEN top_category IS NOT NULL AND top_category <> 'other' THEN cn.name END,
        CASE WHEN churn_intent THEN '有销户意向' END,
        CASE WHEN escalation THEN '扬言升级投诉' END,
        CASE WHEN do_not_market THEN '勿营销' END,
        CASE WHEN assets_trend_3m <= $outflow_log THEN '资产流出' END
    ) AS tag_line,
    turn_chars_mean, polite_rate, hostile_rate, interruption_rate, urgent_contacts, impatience,
    bad_service_contacts, wait_contacts, assets_recent, assets_trend_3m
FROM scored
LEFT JOIN tier_names tn ON tn.tier = scored.tier
LEFT JOIN emo_names en ON en.emo = scored.emotion_label
LEFT JOIN cat_names cn ON cn.cat = scored.top_category
ORDER BY scored.customer_id
"""

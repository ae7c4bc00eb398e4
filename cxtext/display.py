"""Small HTML building blocks for report notebooks (escaped and masked by default).

Anything that came from data goes through :func:`html.escape` and, for free
text, :func:`cxtext.mask_pii`, so a transcript containing ``<script>`` shows as
text and a phone number never reaches a report.
"""

from __future__ import annotations

import html
import math
import numbers
import os
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from cxtext.export import neutralise_formula
from cxtext.text._patterns import EMOJI_RE
from cxtext.text.pii import mask_pii

#: Environment variables :func:`cxtext.report.render_report` sets for the notebook's kernel:
#: the folder the HTML goes to (CSV exports land beside it) and the report's name.
REPORT_DIR_ENV = "CXTEXT_REPORT_DIR"
REPORT_NAME_ENV = "CXTEXT_REPORT_NAME"
_SAFE_FILE = re.compile(r"^[A-Za-z0-9_-]+$")


def clean_text(text: str) -> str:
    """Free text as a report shows it: personal data masked, emoji as ``[表情]``.

    Emoji are replaced because the report's embedded font (Noto Sans SC) has no emoji
    glyphs: a reader without an emoji font would see empty boxes.

    Examples
    --------
    A run of 15 or more digits that :func:`mask_pii` left (an order, transaction or
    account reference: 订单号202501073001634455) becomes ``[编号]``: it identifies one
    customer's transaction and a quality reader needs none of its digits.

    >>> clean_text("我的电话是13812345678😡")
    '我的电话是[手机号][表情]'
    >>> clean_text("订单号202501073001634455啊")
    '订单号[编号]啊'
    """
    return EMOJI_RE.sub("[表情]", _mask(str(text)))


_LONG_NUMBER = re.compile(r"(?<![0-9])[0-9]{15,}(?![0-9])")


def _mask(text: str) -> str:
    """:func:`mask_pii`, then long reference numbers as ``[编号]`` (see :func:`clean_text`)."""
    return _LONG_NUMBER.sub("[编号]", mask_pii(text))


class HTML(str):
    """A string of HTML that Jupyter renders (``_repr_html_``) instead of printing."""

    def _repr_html_(self) -> str:
        return str(self)


def kpi_cards(items: Mapping[str, object]) -> HTML:
    """Key numbers as a row of cards: ``{"会话数": "3,512", ...}``.

    Examples
    --------
    >>> "3,512" in kpi_cards({"会话数": "3,512"})
    True
    """
    cards = "".join(
        f'<div class="cx-kpi"><b>{html.escape(str(v))}</b>{html.escape(str(k))}</div>'
        for k, v in items.items()
    )
    return HTML(f'<div class="cx-kpis">{cards}</div>')


def quotes(texts: Iterable[str], *, max_chars: int = 300, distinct: bool = False) -> HTML:
    """Verbatim evidence quotes, personal data masked, HTML-escaped, truncated.

    With ``distinct=True`` a quote that is nearly the same as one already shown (the same
    question in another spelling: 进来的? / 进来滴?) is left out, so three quotes show three
    things a customer said.

    Examples
    --------
    >>> str(quotes(["我的电话是13812345678 <b>"]))
    '<div class="cx-quote">我的电话是[手机号] &lt;b&gt;</div>'
    >>> quotes(["那最近一笔是什么时候进来的?", "那最近一笔是什么时候进来滴?"],
    ...        distinct=True).count("cx-quote")
    1
    """
    shown = [shorten(clean_text(text), max_chars) for text in texts]
    if distinct:
        shown = split_similar(shown)[0]
    return HTML("".join(f'<div class="cx-quote">{html.escape(t)}</div>' for t in shown))


def split_similar(texts: Iterable[str], overlap: float = 0.6,
                  limit: int | None = None) -> tuple[list[str], list[str]]:
    """``texts`` split into those unlike every earlier kept one and the near-duplicates
    (``overlap`` or more of the shorter one's character pairs shared), both in order;
    ``texts`` is read no further once ``limit`` are kept (it may be a generator).

    Examples
    --------
    >>> split_similar(["那最近一笔是什么时候进来的?", "那最近一笔是什么时候进来滴?", "年费"])
    (['那最近一笔是什么时候进来的?', '年费'], ['那最近一笔是什么时候进来滴?'])
    """
    kept: list[str] = []
    similar: list[str] = []
    seen: list[set[str]] = []
    for t in texts:
        grams = _bigrams(t)
        if any(_overlap(grams, g) >= overlap for g in seen):
            similar.append(t)
            continue
        seen.append(grams)
        kept.append(t)
        if limit is not None and len(kept) >= limit:
            break
    return kept, similar


_PUNCT = re.compile(r"[\s\W_]+")


def _bigrams(text: str) -> set[str]:
    t = _PUNCT.sub("", text)
    return {t[i:i + 2] for i in range(len(t) - 1)} or {t}


def _overlap(a: set[str], b: set[str]) -> float:
    """Share of the shorter quote's character pairs found in the other (1.0 = contained)."""
    return len(a & b) / max(1, min(len(a), len(b)))


# Where a long quote may be cut: after a sentence or clause mark, or at a space (ASR text
# has spaces between phrases). A cut elsewhere can split a word (房|贷) or a placeholder.
_BREAKS = "。！？!?；;，,、：:…\n "
_PLACEHOLDER_OPEN = re.compile(r"\[[^\]]{0,8}$")
_PARTIAL_NUMBER = re.compile(r"[0-9][0-9,.]*$")


def shorten(text: str, max_chars: int) -> str:
    """``text`` cut to at most ``max_chars`` characters at a clause end, with ``…``.

    The cut goes after the last sentence or clause mark (or space) in the allowed length,
    provided that keeps at least half of it; otherwise at the limit, never inside a
    ``[手机号]``-style placeholder. Text that fits is returned unchanged.

    Examples
    --------
    >>> shorten("房贷扣款失败了，还算我逾期，耽误了我买房", 15)
    '房贷扣款失败了，还算我逾期…'
    >>> shorten("短句", 10)
    '短句'
    """
    if max_chars < 2 or len(text) <= max_chars:
        return text  # idempotent: a quote shortened upstream (topics, churn) is kept as is
    return _clause_cut(text[: max_chars - 1])


def _clause_cut(head: str) -> str:
    # the last clause mark or space, but not a thousands separator or decimal (2,283.61)
    cut = next((i for i in range(len(head) - 1, -1, -1) if head[i] in _BREAKS
                and not (head[i] in ",." and 0 < i < len(head) - 1
                         and head[i - 1].isdigit() and head[i + 1].isdigit())), -1)
    if cut + 1 >= len(head) // 2:
        head = head[: cut + 1]
    else:  # cut at the limit: not inside a placeholder, and no number left half-written
        head = _PARTIAL_NUMBER.sub("", _PLACEHOLDER_OPEN.sub("", head))
    return head.rstrip(" ，,、：:；;") + "…"


def paragraph(text: str) -> HTML:
    """A paragraph of narrative text (escaped; emoji shown as ``[表情]``)."""
    return HTML(f"<p>{html.escape(EMOJI_RE.sub('[表情]', text))}</p>")


def footer(text: str) -> HTML:
    """The small grey line at the end of a report."""
    return HTML(f'<p class="cx-footer">{html.escape(text)}</p>')


def _cell_text(value: Any, fmt: str | Callable[[Any], str] | None, mask: bool) -> str:
    if isinstance(value, (list, tuple)):
        text = "、".join(str(v) for v in value)
    elif value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return "—"
    elif fmt is not None:
        try:
            text = fmt(value) if callable(fmt) else fmt.format(value)
        except (TypeError, ValueError):
            text = str(value)
    elif isinstance(value, bool):
        text = "是" if value else "否"
    elif isinstance(value, numbers.Integral):
        text = f"{int(value):,}"
    elif isinstance(value, numbers.Real):
        text = f"{float(value):,.2f}"
    elif isinstance(value, pd.Timestamp):
        text = f"{value:%Y-%m-%d %H:%M}"
    else:
        text = str(value)
    return clean_text(text) if mask and not isinstance(value, numbers.Number) else text


_NUM = ' class="num"'


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


def table(
    df: pd.DataFrame,
    *,
    formats: Mapping[str, str | Callable[[Any], str]] | None = None,
    mask: bool = True,
    caption: str | None = None,
) -> HTML:
    """A readable HTML table: every cell masked (free text) and HTML-escaped.

    Parameters
    ----------
    df : DataFrame
        Rows to show, columns as headers (use Chinese column names). The index is dropped;
        ``reset_index()`` first to keep it.
    formats : mapping, optional
        Column → format string (``"{:.1%}"``) or callable.
    mask : bool, default True
        Run text cells through :func:`cxtext.mask_pii`.
    caption : str, optional
        A caption above the table.

    Examples
    --------
    >>> import pandas as pd
    >>> html_text = table(pd.DataFrame({"文本": ["<b>13812345678</b>"], "占比": [0.5]}),
    ...                   formats={"占比": "{:.0%}"})
    >>> "&lt;b&gt;[手机号]&lt;/b&gt;" in html_text and "50%" in html_text
    True
    """
    fmts = dict(formats or {})
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in df.columns)
    rows = []
    for rec in df.itertuples(index=False, name=None):
        cells = "".join(
            f"<td{_NUM if _is_number(v) else ''}>"
            f"{html.escape(_cell_text(v, fmts.get(str(c)), mask))}</td>"
            for c, v in zip(df.columns, rec, strict=True)
        )
        rows.append(f"<tr>{cells}</tr>")
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return HTML(
        f'<table class="cx-table">{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _csv_safe(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        value = "、".join(str(v) for v in value)
    if isinstance(value, str):
        value = neutralise_formula(_mask(value))
    return value


def export_csv(df: pd.DataFrame, name: str) -> Path | None:
    """Write ``df`` (masked, formula-safe) beside the report being rendered.

    The file is ``<report>_<name>.csv`` in the folder named by ``$CXTEXT_REPORT_DIR``
    (set by :func:`cxtext.report.render_report`); ``None`` when no report is being
    rendered (an interactive session), so nothing is written to an unexpected place.

    Parameters
    ----------
    df : DataFrame
        The full table.
    name : str
        Letters, digits, ``_`` and ``-`` only.

    Returns
    -------
    Path or None
        The file written.
    """
    if not _SAFE_FILE.match(name):
        raise ValueError(
            f"The 'name' parameter of export_csv must match {_SAFE_FILE.pattern}. "
            f"Got {name!r} instead."
        )
    folder = os.environ.get(REPORT_DIR_ENV)
    if not folder:
        return None
    report = os.environ.get(REPORT_NAME_ENV, "report")
    path = Path(folder) / f"{report}_{name}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    floats = df.select_dtypes("float").columns
    rounded = df.assign(**{c: df[c].round(4) for c in floats})  # no 17-digit float tails
    safe = rounded.map(_csv_safe) if hasattr(rounded, "map") else rounded.applymap(_csv_safe)
    safe.to_csv(path, index=False, encoding="utf-8-sig")
    return path


def top_table(
    df: pd.DataFrame,
    n: int = 10,
    *,
    csv_name: str | None = None,
    formats: Mapping[str, str | Callable[[Any], str]] | None = None,
    mask: bool = True,
    caption: str | None = None,
    export: pd.DataFrame | None = None,
) -> HTML:
    """The first ``n`` rows as a :func:`table`, with a "more" link to the full CSV.

    Parameters
    ----------
    df : DataFrame
        Already sorted, most important first.
    n : int, default 10
        Rows shown in the report.
    csv_name : str, optional
        When given and rows were cut, the whole table is written with :func:`export_csv`
        and linked (a relative link: the CSV sits beside the HTML).
    formats, mask, caption
        As in :func:`table`.
    export : DataFrame, optional
        What the CSV holds instead of ``df`` (same rows, more detail: every reason and
        quote of a call-back list whose report shows one of each). Always linked.

    Examples
    --------
    >>> import pandas as pd
    >>> "共 12 行" in top_table(pd.DataFrame({"x": range(12)}), 5)
    True
    """
    shown = table(df.head(n), formats=formats, mask=mask, caption=caption)
    if len(df) <= n and export is None:
        return shown
    note = f"显示前 {min(n, len(df)):,} 行，共 {len(df):,} 行"
    path = export_csv(df if export is None else export, csv_name) if csv_name else None
    if path is not None:
        link = html.escape(path.name)
        what = "完整表格" if export is None else "完整表格（含全部明细）"
        note += f'　<a class="cx-more" href="{link}" download>更多：下载{what}（CSV）</a>'
    else:
        note = html.escape(note)
    return HTML(f'{shown}<p class="cx-note">{note}</p>')


def heading_summary(points: Iterable[str]) -> HTML:
    """The bullet list of key findings under a report's summary heading (escaped)."""
    items = "".join(f"<li>{html.escape(p)}</li>" for p in points)
    return HTML(f'<ul class="cx-summary">{items}</ul>')


def scope(conversations: pd.DataFrame, extra: str = "") -> HTML:
    """The line under a report's title: data period, months covered and size.

    Every report states what it covers before any figure, so a reader can tell two
    exports apart and knows the denominator of every share.

    Parameters
    ----------
    conversations : DataFrame
        The conversations the report reads (``started_at``; ``customer_id`` when known).
    extra : str, optional
        Appended, e.g. ``"画像截止 2026-01-01"``.

    Examples
    --------
    >>> c = pd.DataFrame({"started_at": pd.to_datetime(["2025-01-03", "2025-03-30"]),
    ...                   "customer_id": ["C1", "C1"]})
    >>> "2025-01-03 至 2025-03-30（2 个月有会话） · 会话 2 个 · 客户 1 位" in scope(c)
    True
    """
    parts = []
    started = pd.to_datetime(conversations.get("started_at", pd.Series(dtype=object)),
                             errors="coerce").dropna()
    if len(started):
        months = started.dt.to_period("M").nunique()
        parts.append(f"数据期间：{started.min():%Y-%m-%d} 至 {started.max():%Y-%m-%d}"
                     f"（{months} 个月有会话）")
    else:
        parts.append("数据期间：未知（会话没有时间）")
    parts.append(f"会话 {len(conversations):,} 个")
    if "customer_id" in conversations:
        parts.append(f"客户 {conversations['customer_id'].nunique():,} 位")
    if extra:
        parts.append(extra)
    return HTML(f'<p class="cx-scope">{html.escape(" · ".join(parts))}</p>')


def actions(points: Iterable[str], title: str = "本期建议优先处理") -> HTML:
    """The numbered "what to act on" box that opens a report (escaped; empty items dropped).

    Examples
    --------
    >>> print(actions(["回访 60 位高风险客户", ""]))
    <div class="cx-actions"><b>本期建议优先处理</b><ol><li>回访 60 位高风险客户</li></ol></div>
    """
    items = "".join(f"<li>{html.escape(p)}</li>" for p in points if p)
    return HTML(f'<div class="cx-actions"><b>{html.escape(title)}</b><ol>{items}</ol></div>')


def _fact(label: str, value: Any) -> str:
    return (f'<span class="cx-fact"><i>{html.escape(label)}</i>'
            f"{html.escape(_cell_text(value, None, True))}</span>")


# The words of the portrait's tag_line (portrait.py), so a card's badge and line agree.
_FLAGS = (("churn_intent", "有销户意向"), ("escalation", "扬言升级投诉"),
          ("do_not_market", "勿营销"))


def portrait_cards(portraits: pd.DataFrame) -> HTML:
    """One card per customer from :func:`cxtext.build_portraits` rows (escaped, masked).

    Shows the customer id, tier, ``tag_line`` and the contact, mood, risk and style
    facts that the columns present allow; no personal data is in a portrait.

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"customer_id": ["C1"], "tier_name": ["白金"],
    ...                   "tag_line": ["白金客户·近30天投诉3次"], "contacts_total": [5]})
    >>> "白金客户·近30天投诉3次" in portrait_cards(p)
    True
    """
    from cxtext.labels import display_name

    def name(kind: str, v: Any) -> Any:
        return display_name(kind, v) if isinstance(v, str) else v

    cards = []
    for _, r in portraits.iterrows():
        get = r.get
        facts = []
        for label, col, conv in [
            ("联络次数", "contacts_total", None), ("近90天投诉", "complaints_90d", None),
            ("主导情绪", "emotion_label", "emotion"), ("主要类别", "top_category", "category"),
            ("平均情感", "sentiment_mean", "score"), ("情感趋势", "sentiment_trend", "score"),
            ("最近联络", "last_contact_at", "date"), ("常用渠道", "channel_preferred", "channel"),
            ("常用时段", "hours_preferred", None), ("沟通风格", None, "style"),
        ]:
            if conv == "style":
                parts = [get(c) for c in ("style_verbosity", "style_politeness",
                                          "style_patience") if isinstance(get(c), str)]
                if parts:
                    facts.append(_fact(label, "·".join(parts)))
                continue
            if col not in r.index:
                continue
            v = get(col)
            if conv == "score" and isinstance(v, numbers.Real) and not pd.isna(v):
                v = f"{float(v):+.2f}"
            elif conv == "date" and v is not None and not pd.isna(v):
                v = f"{pd.Timestamp(v):%Y-%m-%d}"
            elif conv in ("emotion", "category", "channel"):
                v = name(conv, v)
            facts.append(_fact(label, v))
        flags = [text for col, text in _FLAGS
                 if col in r.index and not pd.isna(get(col)) and bool(get(col))]
        badge = "".join(f'<span class="cx-flag">{html.escape(f)}</span>' for f in flags)
        title = f"{get('customer_id', '')} · {get('tier_name', '') or ''}"
        line = get("tag_line") if isinstance(get("tag_line"), str) else ""
        cards.append(
            f'<div class="cx-card"><div class="cx-card-title">{html.escape(clean_text(title))}'
            f"{badge}</div><div class=\"cx-card-line\">{html.escape(clean_text(line))}</div>"
            f'<div class="cx-facts">{"".join(facts)}</div></div>'
        )
    return HTML(f'<div class="cx-cards">{"".join(cards)}</div>')


def month_change(
    dates: pd.Series,
    values: pd.Series | None = None,
    *,
    what: str = "会话量",
    how: str = "count",
    fmt: str = "{:,.0f}",
    unit: str = "",
) -> str:
    """One Chinese sentence: the last month's figure and its change from the month before.

    Parameters
    ----------
    dates : Series of datetime
        When each row happened (e.g. ``started_at``).
    values : Series, optional
        Values to average per month (``how="mean"``); not needed for counts.
    what : str
        What is measured, e.g. ``"会话量"`` or ``"负面会话占比"``.
    how : {"count", "mean"}
        Rows per month, or the monthly mean of ``values`` (a share when ``values`` is 0/1).
    fmt : str
        Format of the figure (``"{:.1%}"`` for shares).
    unit : str, optional
        With ``how="mean"``: the change is the difference in this unit (``"分"`` for a
        score: "下降 1.4 分"), not a relative percentage, which misreads for scores.

    Returns
    -------
    str
        ``""`` when fewer than two months have data.

    Examples
    --------
    >>> d = pd.Series(pd.to_datetime(["2025-01-05", "2025-02-01", "2025-02-03"]))
    >>> month_change(d)
    '最近一个月（2025-02）会话量 2，较上月（1）增加 100.0%。'
    """
    if how not in ("count", "mean"):
        raise ValueError(f"The 'how' parameter of month_change must be one of ['count', "
                         f"'mean']. Got {how!r} instead.")
    when = pd.to_datetime(pd.Series(dates).reset_index(drop=True), errors="coerce")
    month = when.dt.to_period("M")
    if how == "count":
        per = month.dropna().value_counts().sort_index()
    else:
        vals = pd.to_numeric(pd.Series(values).reset_index(drop=True), errors="coerce")
        per = vals.groupby(month).mean().dropna().sort_index()
    if len(per) < 2:
        return ""
    last, prev = float(per.iloc[-1]), float(per.iloc[-2])
    head = f"最近一个月（{per.index[-1]}）{what} {fmt.format(last)}，较上月（{fmt.format(prev)}）"
    if how == "mean" and "%" in fmt:
        diff = (last - prev) * 100
        word = "上升" if diff > 0 else "下降"
        trend = "持平" if abs(diff) < 0.05 else f"{word} {abs(diff):.1f} 个百分点"
        return head + trend + "。"
    if how == "mean" and unit:
        diff = last - prev
        word = "上升" if diff > 0 else "下降"
        shown = fmt.format(abs(diff))
        trend = "持平" if float(shown.replace(",", "")) == 0 else f"{word} {shown} {unit}"
        return head + trend + "。"
    if prev == 0:
        return head + "有所增加。" if last > 0 else head + "持平。"
    rel = (last - prev) / abs(prev)
    trend = "持平" if abs(rel) < 0.0005 else f"{'增加' if rel > 0 else '减少'} {abs(rel):.1%}"
    return head + trend + "。"

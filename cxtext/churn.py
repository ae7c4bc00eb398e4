"""Churn warning: a transparent rule scorer, a learned model, a time-split backtest
and per-customer warnings with reasons, masked evidence and a suggested action.

Everything starts from customer portraits (:func:`cxtext.build_portraits`: one row
per customer, computed only from conversations before ``as_of``) plus the CRM columns
they carry. Two scorers:

* :func:`score_churn_rules` — for banks without churn labels. A points table
  (``cxtext/resources/churn_rules.tsv``, or your own) where every point is a readable
  Chinese reason; the score is the sum of the points that hold, capped at 100.
* :class:`ChurnModel` — when labels exist. Logistic regression on standardised
  features, so each feature's contribution to a customer's logit is exact
  (``coef_j * z_j``; they sum with the intercept to the logit) and can be shown as a
  reason. ``features="structured"`` uses CRM and contact-metadata columns only,
  ``features="text"`` adds what the text tags say (complaints, mood, churn and
  escalation intents, complaint categories, the service the customer experienced).

:func:`backtest_churn` trains on the past and scores the next ``horizon_days``
(see its docstring), :func:`churn_metrics` gives ROC-AUC, PR-AUC, precision@k,
lift at the top 10 %, Brier score and a decile reliability table, and
:func:`churn_warnings` / :func:`churn` build the ranked warning list.

Risk levels (``risk_level``)
----------------------------
* learned model (``risk_score`` = probability of churning within the horizon):
  高 when ≥ 0.20, 中 when ≥ 0.08 (about 1.6 times the demo corpus's 90-day base rate of
  5 %), else 低 (``MODEL_LEVELS``);
* rule scorer (``risk_score`` = points / 100): 高 when ≥ 0.50 (50 points), 中 when
  ≥ 0.25, else 低 (``RULE_LEVELS``).

Suggested actions (``suggested_action``, first that applies)
-------------------------------------------------------------
1. 升级处理 — the customer threatened the regulator, media or a lawsuit (``escalation``);
2. 减免/补偿评估 — a money complaint (fees, wealth/fund losses, credit card charges)
   together with a churn intent or two or more complaints in 90 days;
3. 理财经理联系 — 白金 or 钻石 customers (年日均金融资产 ≥ 100万), or money leaving
   (``assets_trend_3m`` at or below −0.3: a quarter of the assets gone in three months);
4. 回访 — everyone else.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cxtext import _sql_portrait, labels
from cxtext.errors import CxTextError, SchemaError, param_error

__all__ = [
    "ACTIONS",
    "FEATURE_GROUPS",
    "MODEL_LEVELS",
    "RULE_LEVELS",
    "BacktestResult",
    "ChurnModel",
    "backtest_churn",
    "churn",
    "churn_evidence",
    "churn_features",
    "churn_labels",
    "churn_metrics",
    "churn_warnings",
    "load_churn_rules",
    "score_churn_rules",
]

MODEL_LEVELS: tuple[float, float] = (0.20, 0.08)
RULE_LEVELS: tuple[float, float] = (0.50, 0.25)
ACTIONS: tuple[str, ...] = ("升级处理", "减免/补偿评估", "理财经理联系", "回访")
LEVELS: tuple[str, str, str] = ("高", "中", "低")
_MONEY_CATEGORIES = frozenset({"fees", "wealth", "credit_card"})
_NEGATIVE_EMOTIONS = ("anger", "disgust", "anxiety", "sadness")
_TIER_RANK = {"standard": 0, "gold": 1, "platinum": 2, "diamond": 3}
_TIER_FROM_NAME = {v: k for k, v in labels.TIERS.items()}


# ---------------------------------------------------------------------------------------------
# Features


def _num(p: pd.DataFrame, col: str, fill: float = 0.0) -> pd.Series:
    return pd.to_numeric(p[col], errors="coerce").astype(float).fillna(fill)


def _flag(p: pd.DataFrame, col: str) -> pd.Series:
    s = p[col]
    if s.dtype == object:
        s = s.map(lambda v: str(v).strip().lower() in ("true", "1", "yes") if v is not None
                  and not (isinstance(v, float) and math.isnan(v)) else False)
    return s.fillna(False).astype(bool).astype(float)


def _tier_of(v: object) -> object:
    return _TIER_FROM_NAME.get(v, v) if isinstance(v, str) else v


def _share_of(mix: object) -> float:
    return float(_negative_share(pd.DataFrame({"emotion_mix": [mix]})).iloc[0])


def _tier_id(p: pd.DataFrame) -> pd.Series:
    tier = p["tier"].astype(object).map(lambda v: _TIER_FROM_NAME.get(v, v))
    return tier


def _has_category(p: pd.DataFrame, cat: str) -> pd.Series:
    return p["categories"].map(
        lambda v: float(cat in v) if isinstance(v, (list, tuple, np.ndarray)) else 0.0)


def _negative_share(p: pd.DataFrame) -> pd.Series:
    def share(mix: object) -> float:
        if not isinstance(mix, Mapping) or not mix:
            return 0.0
        total = sum(float(v or 0) for v in mix.values())
        return sum(float(mix.get(k) or 0) for k in _NEGATIVE_EMOTIONS) / total if total else 0.0

    return p["emotion_mix"].map(share).astype(float)


@dataclass(frozen=True)
class _Feature:
    name: str
    group: str  # structured | text
    columns: tuple[str, ...]
    build: Callable[[pd.DataFrame], pd.Series]
    label: str  # Chinese display name
    show: Callable[[pd.Series], str]  # the raw value, as a reviewer reads it


def _int_text(col: str) -> Callable[[pd.Series], str]:
    return lambda row: f"{_scalar(row.get(col)):.0f}"


def _scalar(v: object) -> float:
    try:
        f = float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0
    return 0.0 if math.isnan(f) else f


def _yes(col: str) -> Callable[[pd.Series], str]:
    return lambda row: "是" if _flag(pd.DataFrame({col: [row.get(col)]}), col).iloc[0] else "否"


def _features() -> tuple[_Feature, ...]:
    f = _Feature
    log1p = np.log1p
    return (
        # --- structured: CRM columns and contact metadata a bank has without reading text
        f("tier_rank", "structured", ("tier",),
          lambda p: _tier_id(p).map(_TIER_RANK).astype(float).fillna(0.0), "客户等级",
          lambda r: labels.TIERS.get(str(_tier_of(r.get("tier"))), "未知")),
        f("log_assets", "structured", ("avg_daily_assets",),
          lambda p: log1p(_num(p, "avg_daily_assets").clip(lower=0) / 10_000), "年日均金融资产",
          lambda r: f"{_scalar(r.get('avg_daily_assets')) / 10_000:.1f}万元"),
        f("log_tenure", "structured", ("tenure_months",),
          lambda p: log1p(_num(p, "tenure_months").clip(lower=0) / 12), "开户时长",
          lambda r: f"{_scalar(r.get('tenure_months')):.0f}个月"),
        f("n_products", "structured", ("n_products",), lambda p: _num(p, "n_products"),
          "持有产品数", _int_text("n_products")),
        f("contacts_30d", "structured", ("contacts_30d",),
          lambda p: log1p(_num(p, "contacts_30d")), "近30天联系次数", _int_text("contacts_30d")),
        f("contacts_90d", "structured", ("contacts_90d",),
          lambda p: log1p(_num(p, "contacts_90d")), "近90天联系次数", _int_text("contacts_90d")),
        f("contacts_365d", "structured", ("contacts_365d",),
          lambda p: log1p(_num(p, "contacts_365d")), "近一年联系次数",
          _int_text("contacts_365d")),
        f("contact_recency", "structured", ("days_since_last_contact",),
          lambda p: 30.0 / (30.0 + _num(p, "days_since_last_contact", np.inf)), "最近一次联系",
          lambda r: (f"{_scalar(r.get('days_since_last_contact')):.0f}天前"
                     if pd.notna(r.get("days_since_last_contact")) else "无")),
        f("unresolved_contacts", "structured", ("unresolved_contacts",),
          lambda p: log1p(_num(p, "unresolved_contacts")), "未解决的联系次数",
          _int_text("unresolved_contacts")),
        # money leaving: ln(last month / the three before), 0 when the CRM has no balances
        f("assets_trend", "structured", ("assets_trend_3m",),
          lambda p: _num(p, "assets_trend_3m").clip(-3.0, 1.0), "近3个月资产变化",
          lambda r: (f"{math.expm1(_scalar(r.get('assets_trend_3m'))):+.0%}"
                     if pd.notna(r.get("assets_trend_3m")) else "无数据")),
        # --- text: what the tags read in the customer's words
        # repeat_contacts counts the tagged repeat intent ("又打来了") too: a text feature
        f("repeat_contacts", "text", ("repeat_contacts",),
          lambda p: log1p(_num(p, "repeat_contacts")), "重复联系次数",
          _int_text("repeat_contacts")),
        f("complaints_30d", "text", ("complaints_30d",),
          lambda p: log1p(_num(p, "complaints_30d")), "近30天投诉次数",
          _int_text("complaints_30d")),
        f("complaints_90d", "text", ("complaints_90d",),
          lambda p: log1p(_num(p, "complaints_90d")), "近90天投诉次数",
          _int_text("complaints_90d")),
        f("complaint_share", "text", ("complaints_365d", "contacts_365d"),
          lambda p: _num(p, "complaints_365d") / _num(p, "contacts_365d").clip(lower=1),
          "近一年联系中投诉的占比",
          lambda r: (f"{_scalar(r.get('complaints_365d')):.0f}/"
                     f"{_scalar(r.get('contacts_365d')):.0f}")),
        f("complaints_365d", "text", ("complaints_365d",),
          lambda p: log1p(_num(p, "complaints_365d")), "近一年投诉次数",
          _int_text("complaints_365d")),
        f("churn_intent", "text", ("churn_intent",), lambda p: _flag(p, "churn_intent"),
          "表达过销户或转走资金意向", _yes("churn_intent")),
        f("escalation", "text", ("escalation",), lambda p: _flag(p, "escalation"),
          "扬言向监管或媒体投诉", _yes("escalation")),
        f("sentiment_mean", "text", ("sentiment_mean",), lambda p: _num(p, "sentiment_mean"),
          "平均情绪得分", lambda r: f"{_scalar(r.get('sentiment_mean')):+.2f}"),
        f("sentiment_worst", "text", ("sentiment_worst",), lambda p: _num(p, "sentiment_worst"),
          "最差情绪得分", lambda r: f"{_scalar(r.get('sentiment_worst')):+.2f}"),
        f("sentiment_trend", "text", ("sentiment_trend",), lambda p: _num(p, "sentiment_trend"),
          "近90天情绪变化", lambda r: f"{_scalar(r.get('sentiment_trend')):+.2f}"),
        f("negative_emotion_share", "text", ("emotion_mix",), _negative_share,
          "负面情绪占比",
          lambda r: f"{_share_of(r.get('emotion_mix')):.0%}"),
        f("wealth_complaint", "text", ("categories",), lambda p: _has_category(p, "wealth"),
          "理财或基金亏损投诉", lambda r: "有"),
        f("fees_complaint", "text", ("categories",), lambda p: _has_category(p, "fees"),
          "收费投诉", lambda r: "有"),
        f("attitude_complaint", "text", ("categories",), lambda p: _has_category(p, "attitude"),
          "服务态度投诉", lambda r: "有"),
        f("do_not_market", "text", ("do_not_market",), lambda p: _flag(p, "do_not_market"),
          "反感营销电话或短信", _yes("do_not_market")),
        # sustained bad mood: about how many contacts were angry, disgusted, anxious or sad
        f("negative_contacts", "text", ("emotion_mix", "contacts_total"),
          lambda p: log1p(_negative_share(p) * _num(p, "contacts_total")), "负面情绪的联系次数",
          lambda r: f"{_share_of(r.get('emotion_mix')) * _scalar(r.get('contacts_total')):.0f}"),
        # service the customer experienced (agent-quality tags, the customer's own words)
        f("bad_service_contacts", "text", ("bad_service_contacts",),
          lambda p: log1p(_num(p, "bad_service_contacts")), "遭遇服务禁语或质检低分的联系",
          _int_text("bad_service_contacts")),
        f("wait_contacts", "text", ("wait_contacts",),
          lambda p: log1p(_num(p, "wait_contacts")), "抱怨等待或打不通的联系",
          _int_text("wait_contacts")),
    )


FEATURES: tuple[_Feature, ...] = _features()
_BY_NAME = {feat.name: feat for feat in FEATURES}
_STRUCTURED = tuple(f.name for f in FEATURES if f.group == "structured")
#: Named feature sets, fixed before the issue #5 benchmark was rerun: ``structured`` is
#: CRM columns (with the monthly balances' trend since the third demo revision) and contact
#: metadata (counts, recency, unresolved); ``text`` adds every
#: text-derived feature with a reason to matter for attrition (complaints, repeat contacts,
#: churn and escalation intents, mood level, trend and sustained negative mood, complaint
#: categories, marketing aversion, and the service the customer experienced: forbidden
#: phrases or low quality scores, complaints about waiting). ``text_all`` is kept as an
#: alias of ``text`` for code written against the earlier, narrower ``text`` set.
FEATURE_GROUPS: dict[str, tuple[str, ...]] = {
    "structured": _STRUCTURED,
    "text": tuple(f.name for f in FEATURES),
    "text_all": tuple(f.name for f in FEATURES),
}


def _resolve_features(features: str | Sequence[str], owner: str) -> tuple[str, ...]:
    if isinstance(features, str):
        if features not in FEATURE_GROUPS:
            raise param_error(owner, "features", FEATURE_GROUPS, features)
        return FEATURE_GROUPS[features]
    names = tuple(features)
    unknown = [n for n in names if n not in _BY_NAME]
    if unknown or not names:
        raise param_error(owner, "features", _BY_NAME, unknown or names)
    return names


def _missing_columns(portraits: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = sorted({c for c in columns if c not in portraits.columns})
    if missing:
        problems = pd.DataFrame({"source": "<portraits>", "row": [pd.NA] * len(missing),
                                 "column": missing, "expected": f"a column needed by {what}",
                                 "got": "missing"})
        raise SchemaError(
            f"portraits: missing column(s) {missing} needed by {what}. Build the frame with "
            "cx.build_portraits(...) or add the columns.", problems)


def churn_features(portraits: pd.DataFrame, features: str | Sequence[str] = "text"
                   ) -> pd.DataFrame:
    """The model's numeric features, one row per portrait row (same index).

    Parameters
    ----------
    portraits : DataFrame
        Output of :func:`cxtext.build_portraits` (any frame with the needed columns).
    features : {"text", "structured", "text_all"} or list of str
        ``"structured"``: CRM columns and contact-log metadata a bank has without
        reading any text (tier, assets, tenure, products, contact counts and
        recency, unresolved contacts, the balance trend ``assets_trend``, 0 without a
        balances table); ``"text"``: those plus every feature read from
        the text (repeat contacts — they count the tagged repeat intent —, complaint
        counts and share, churn and escalation intents, sentiment mean, worst and
        trend, negative-emotion share and count, wealth/fee/attitude complaints,
        marketing aversion, contacts with bad service — forbidden phrases or a low
        agent-quality score — and with complaints about waiting); ``"text_all"``: the
        same as ``"text"``. Or explicit names from ``FEATURE_GROUPS["text"]``.

    Returns
    -------
    DataFrame
        Float columns named after the features; missing values become 0 (no
        contact: no complaint, neutral mood).

    Examples
    --------
    >>> p = pd.DataFrame({"tier": ["gold"], "avg_daily_assets": [200_000.0],
    ...                   "tenure_months": [36], "n_products": [2], "contacts_30d": [1],
    ...                   "contacts_90d": [2], "contacts_365d": [2],
    ...                   "days_since_last_contact": [5.0], "unresolved_contacts": [1],
    ...                   "repeat_contacts": [0], "assets_trend_3m": [-0.1]})
    >>> churn_features(p, "structured")[["tier_rank", "assets_trend"]].values.tolist()
    [[1.0, -0.1]]
    """
    names = _resolve_features(features, "churn_features")
    _missing_columns(portraits, {c for n in names for c in _BY_NAME[n].columns},
                     "churn_features")
    out = pd.DataFrame(index=portraits.index)
    for n in names:
        out[n] = _BY_NAME[n].build(portraits).astype(float).to_numpy()
    return out


# ---------------------------------------------------------------------------------------------
# Rule scorer


def load_churn_rules(rules: str | Path | pd.DataFrame = "default") -> pd.DataFrame:
    """The rule scorer's points table.

    Parameters
    ----------
    rules : "default", path or DataFrame
        ``"default"`` reads ``cxtext/resources/churn_rules.tsv``; a path reads your
        own TSV with the same columns; a DataFrame is checked and returned.

    Returns
    -------
    DataFrame
        ``rule_id, feature, op, value, points, reason``.

    Examples
    --------
    >>> int(load_churn_rules().set_index("rule_id").loc["churn_intent", "points"])
    30
    """
    cols = ["rule_id", "feature", "op", "value", "points", "reason"]
    source = "<DataFrame>"
    if isinstance(rules, pd.DataFrame):
        table = rules.copy()
    else:
        if isinstance(rules, str) and rules == "default":
            text = resources.files("cxtext").joinpath("resources", "churn_rules.tsv").read_text(
                encoding="utf-8")
            source = "churn_rules.tsv"
        else:
            path = Path(rules)
            if not path.exists():
                raise CxTextError(f"churn rules file {str(path)!r} does not exist; pass "
                                  "'default' or the path of a TSV with columns " + ", ".join(cols))
            text = path.read_text(encoding="utf-8-sig")
            source = str(path)
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        rows = [ln.split("\t") for ln in lines[1:]]
        bad = [i + 2 for i, r in enumerate(rows) if len(r) != len(cols)]
        if lines[0].split("\t") != cols or bad:
            raise CxTextError(f"{source}: expected a TAB-separated header {cols} and 6 fields "
                              f"per row; bad rows (1-based, comments skipped): {bad or [1]}")
        table = pd.DataFrame(rows, columns=cols)
    missing = [c for c in cols if c not in table.columns]
    if missing:
        raise CxTextError(f"{source}: churn rules need columns {cols}; missing {missing}")
    ops = {">=", ">", "<=", "<", "==", "!=", "has"}
    bad_ops = table.loc[~table["op"].isin(ops), "op"]
    if len(bad_ops):
        raise CxTextError(f"{source}: row {int(bad_ops.index[0]) + 2}, column 'op': expected one "
                          f"of {sorted(ops)}; got {bad_ops.iloc[0]!r}")
    table["points"] = pd.to_numeric(table["points"], errors="raise").astype(int)
    table["value"] = table["value"].astype(str)
    return table[cols].reset_index(drop=True)


def _rule_mask(col: pd.Series, op: str, value: str) -> np.ndarray:
    if op == "has":
        return col.map(lambda v: isinstance(v, (list, tuple, np.ndarray)) and value in list(v)
                       ).to_numpy(bool)
    low = value.strip().lower()
    if low in ("true", "false"):
        flag = _flag(pd.DataFrame({"c": col}), "c").astype(bool)
        target = low == "true"
        return (flag == target).to_numpy() if op == "==" else (flag != target).to_numpy()
    try:
        num = float(value)
    except ValueError:
        s = col.astype(object).map(lambda v: _TIER_FROM_NAME.get(v, v)).astype(str)
        if op == "==":
            return (s == value).to_numpy()
        if op == "!=":
            return (s != value).to_numpy()
        raise CxTextError(f"churn rule op {op!r} needs a number; got {value!r}") from None
    x = pd.to_numeric(col, errors="coerce").astype(float)
    res = {">=": x >= num, ">": x > num, "<=": x <= num, "<": x < num, "==": x == num,
           "!=": x != num}[op]
    return res.fillna(False).to_numpy(bool)


def score_churn_rules(portraits: pd.DataFrame, rules: str | Path | pd.DataFrame = "default",
                      *, cap: int = 100) -> pd.DataFrame:
    """Score customers with the points table: a transparent score for banks without labels.

    Parameters
    ----------
    portraits : DataFrame
        Output of :func:`cxtext.build_portraits` (one row per customer).
    rules : "default", path or DataFrame
        See :func:`load_churn_rules`.
    cap : int
        Maximum score in points (default 100).

    Returns
    -------
    DataFrame
        ``customer_id, rule_points, risk_score`` (points / cap, 0–1) and ``reasons``
        (list of ``{"feature": rule_id, "reason": ..., "value": ..., "contribution":
        points}``, largest first), in the input's order and index.

    Examples
    --------
    >>> p = pd.DataFrame({"customer_id": ["C1"], "churn_intent": [True],
    ...                   "complaints_30d": [3]})
    >>> rules = load_churn_rules().query("feature in ['churn_intent', 'complaints_30d']")
    >>> int(score_churn_rules(p, rules)["rule_points"].iloc[0])
    45
    """
    table = load_churn_rules(rules)
    _missing_columns(portraits, table["feature"], "score_churn_rules")
    n = len(portraits)
    points = np.zeros(n, dtype=int)
    hits: list[list[dict[str, Any]]] = [[] for _ in range(n)]
    for rule in table.itertuples(index=False):
        mask = _rule_mask(portraits[rule.feature], rule.op, rule.value)
        points += mask.astype(int) * int(rule.points)
        for i in np.flatnonzero(mask):
            hits[i].append({"feature": rule.rule_id, "reason": rule.reason,
                            "value": _value_text(portraits[rule.feature].iloc[i]),
                            "contribution": float(rule.points)})
    capped = np.minimum(points, cap)
    ids = portraits["customer_id"] if "customer_id" in portraits else pd.Series(
        portraits.index.astype(str), index=portraits.index)
    return pd.DataFrame({
        "customer_id": ids.to_numpy(),
        "rule_points": capped,
        "risk_score": capped / float(cap),
        "reasons": [sorted(h, key=lambda d: -d["contribution"]) for h in hits],
    }, index=portraits.index)


def _value_text(v: object) -> str:
    if isinstance(v, (list, tuple, np.ndarray)):
        return "、".join(labels.display_name("category", x) if _is_category(x) else str(x)
                        for x in list(v)[:3])
    if isinstance(v, (bool, np.bool_)):
        return "是" if v else "否"
    if isinstance(v, float):
        return f"{v:.2f}" if not v.is_integer() else f"{v:.0f}"
    return str(v)


def _is_category(x: object) -> bool:
    return isinstance(x, str) and x in labels.CATEGORIES


# ---------------------------------------------------------------------------------------------
# Learned model


class ChurnModel:
    """Logistic regression on standardised portrait features, with exact contributions.

    Parameters
    ----------
    features : {"text", "structured", "text_all"} or list of str
        Which features to use (see :func:`churn_features`).
    C : float
        Inverse L2 regularisation strength (scikit-learn's ``C``).
    class_weight : None or "balanced"
        ``None`` (default) keeps probabilities calibrated to the base rate.
    max_iter : int
        Solver iterations.
    random_state : int or None
        Passed to scikit-learn (the lbfgs solver is deterministic; kept for the
        habit and for solvers that shuffle).

    Attributes
    ----------
    feature_names_ : tuple of str
    mean_, scale_ : ndarray
        Standardisation learned at fit (``scale_`` is 1 where a feature is constant).
    coef_ : ndarray
        Coefficients per standardised feature.
    intercept_ : float
    classes_ : ndarray
        ``[0, 1]``.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> p = pd.DataFrame({"churn_intent": rng.random(200) < 0.2,
    ...                   "complaints_30d": rng.integers(0, 4, 200)})
    >>> y = (p["churn_intent"] & (p["complaints_30d"] > 1)).astype(int)
    >>> m = ChurnModel(features=["churn_intent", "complaints_30d"]).fit(p, y)
    >>> m.predict_proba(p).shape
    (200, 2)
    """

    def __init__(self, features: str | Sequence[str] = "text", *, C: float = 1.0,
                 class_weight: str | None = None, max_iter: int = 1000,
                 random_state: int | None = 0) -> None:
        self.features = features
        self.C = C
        self.class_weight = class_weight
        self.max_iter = max_iter
        self.random_state = random_state

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """Parameters as given (scikit-learn habit)."""
        return {"features": self.features, "C": self.C, "class_weight": self.class_weight,
                "max_iter": self.max_iter, "random_state": self.random_state}

    def set_params(self, **params: Any) -> ChurnModel:
        """Set parameters by name (scikit-learn habit): ``features``, ``C``,
        ``class_weight``, ``max_iter``, ``random_state``; returns ``self``."""
        for k, v in params.items():
            if k not in self.get_params():
                raise param_error("ChurnModel", "parameter name", self.get_params(), k)
            setattr(self, k, v)
        return self

    def __repr__(self) -> str:
        return f"ChurnModel(features={self.features!r}, C={self.C!r})"

    def _matrix(self, portraits: pd.DataFrame) -> np.ndarray:
        return churn_features(portraits, list(self.feature_names_)).to_numpy(float)

    def fit(self, portraits: pd.DataFrame, y: Sequence[int] | np.ndarray | pd.Series
            ) -> ChurnModel:
        """Fit on portraits and 0/1 labels (churned within the horizon).

        Parameters
        ----------
        portraits : DataFrame
            :func:`cxtext.build_portraits` rows, one per training example.
        y : sequence of 0/1
            One label per portrait row, in the same order, e.g. the ``label``
            column after ``portraits.merge(cx.churn_labels(customers, as_of),
            on="customer_id")``.

        Returns
        -------
        ChurnModel
            ``self``, fitted.
        """
        from sklearn.linear_model import LogisticRegression

        recipe = ("data = portraits.merge(cx.churn_labels(customers, as_of), "
                  "on='customer_id'); model.fit(data, data['label'])")
        if isinstance(y, pd.DataFrame):
            raise TypeError(f"ChurnModel.fit takes the labels as one 0/1 column aligned with "
                            f"the portraits, not a DataFrame (got columns "
                            f"{list(map(str, y.columns))}): {recipe}")
        if not (isinstance(self.C, (int, float)) and self.C > 0):
            raise ValueError(f"The 'C' parameter of ChurnModel must be a positive number. "
                             f"Got {self.C!r} instead.")
        if self.class_weight not in (None, "balanced"):
            raise param_error("ChurnModel", "class_weight", ["None", "balanced"],
                              self.class_weight)
        self.feature_names_ = _resolve_features(self.features, "ChurnModel")
        X = self._matrix(portraits)
        yv = np.asarray(pd.Series(y).astype(int))
        if len(yv) != len(X):
            raise CxTextError(f"ChurnModel.fit: {len(X)} portraits but {len(yv)} labels; align "
                              f"them by customer: {recipe}")
        classes = set(np.unique(yv).tolist())
        if classes != {0, 1}:
            raise CxTextError("ChurnModel.fit needs labels 0 and 1 with both present; "
                              f"got {sorted(classes)}")
        self.mean_ = X.mean(axis=0)
        scale = X.std(axis=0)
        self.scale_ = np.where(scale > 0, scale, 1.0)
        Z = (X - self.mean_) / self.scale_
        est = LogisticRegression(C=float(self.C), class_weight=self.class_weight,
                                 max_iter=self.max_iter, random_state=self.random_state)
        est.fit(Z, yv)
        self.estimator_ = est
        self.coef_ = est.coef_[0].copy()
        self.intercept_ = float(est.intercept_[0])
        self.classes_ = np.array([0, 1])
        self.n_train_, self.n_positive_ = len(yv), int(yv.sum())
        return self

    def _check_fitted(self) -> None:
        if not hasattr(self, "coef_"):
            raise CxTextError("This ChurnModel instance is not fitted yet. Call 'fit' with "
                              "portraits and labels first.")

    def contributions(self, portraits: pd.DataFrame) -> pd.DataFrame:
        """Each feature's exact contribution to each customer's logit.

        Returns
        -------
        DataFrame
            One column per feature (``coef_j * (x_j - mean_j) / scale_j``), plus
            ``intercept`` and ``logit`` (their sum), indexed like ``portraits``.
        """
        self._check_fitted()
        Z = (self._matrix(portraits) - self.mean_) / self.scale_
        out = pd.DataFrame(Z * self.coef_, columns=list(self.feature_names_),
                           index=portraits.index)
        out["intercept"] = self.intercept_
        out["logit"] = out.sum(axis=1)
        return out

    def decision_function(self, portraits: pd.DataFrame) -> np.ndarray:
        """The logit of churning, one per row of ``portraits`` (as :meth:`fit` took)."""
        return self.contributions(portraits)["logit"].to_numpy()

    def predict_proba(self, portraits: pd.DataFrame) -> np.ndarray:
        """``[[P(stay), P(churn)], ...]``, one row per row of ``portraits``."""
        p = 1.0 / (1.0 + np.exp(-self.decision_function(portraits)))
        return np.column_stack([1.0 - p, p])

    def predict(self, portraits: pd.DataFrame, threshold: float = 0.5) -> np.ndarray:
        """0/1 at ``threshold``."""
        return (self.predict_proba(portraits)[:, 1] >= threshold).astype(int)

    def coefficients(self) -> pd.DataFrame:
        """The fitted coefficients with Chinese feature names, largest effect first."""
        self._check_fitted()
        df = pd.DataFrame({"feature": self.feature_names_,
                           "name": [_BY_NAME[n].label for n in self.feature_names_],
                           "group": [_BY_NAME[n].group for n in self.feature_names_],
                           "coef": self.coef_, "mean": self.mean_, "scale": self.scale_})
        return df.reindex(df["coef"].abs().sort_values(ascending=False).index).reset_index(
            drop=True)

    def reasons(self, portraits: pd.DataFrame, n: int = 3) -> list[list[dict[str, Any]]]:
        """Per customer, the ``n`` features that raise the risk most (positive contributions)."""
        contrib = self.contributions(portraits)
        out: list[list[dict[str, Any]]] = []
        cols = list(self.feature_names_)
        values = contrib[cols].to_numpy()
        for i in range(len(portraits)):
            row = portraits.iloc[i]
            order = np.argsort(-values[i], kind="stable")
            items = []
            for j in order[:n]:
                if values[i, j] <= 0:
                    break
                feat = _BY_NAME[cols[j]]
                items.append({"feature": feat.name,
                              "reason": f"{feat.label}：{feat.show(row)}",
                              "value": feat.show(row),
                              "contribution": round(float(values[i, j]), 4)})
            out.append(items)
        return out


# ---------------------------------------------------------------------------------------------
# Labels and metrics


def churn_labels(customers: pd.DataFrame, as_of: datetime | str | pd.Timestamp,
                 horizon_days: int = 90) -> pd.DataFrame:
    """Who is still a customer at ``as_of``, and who leaves in ``(as_of, as_of + horizon]``.

    Parameters
    ----------
    customers : DataFrame, Store, Corpus or dict of frames
        With ``customer_id`` and ``churned_at`` (missing = still a customer); a
        ``churned`` column true without a date counts as churned before any ``as_of``.
        A :class:`~cxtext.Store`, a :class:`~cxtext.Corpus` or a dict of frames (what
        :func:`churn` and :func:`build_portraits` take) gives its ``customers`` table.
    as_of : datetime-like
    horizon_days : int

    Returns
    -------
    DataFrame
        ``customer_id, label`` (0/1) for customers active at ``as_of`` only
        (customers who churned on or before ``as_of`` are excluded).

    Examples
    --------
    >>> c = pd.DataFrame({"customer_id": ["a", "b", "c"],
    ...                   "churned_at": [None, "2025-03-10", "2025-01-05"]})
    >>> churn_labels(c, "2025-02-01")["label"].tolist()
    [0, 1]
    """
    customers = _customers_table(customers)
    _missing_columns(customers, ["customer_id", "churned_at"], "churn_labels")
    t0 = pd.Timestamp(as_of)
    at = pd.to_datetime(customers["churned_at"], errors="coerce")
    gone = at <= t0
    if "churned" in customers:
        flagged = _flag(customers, "churned").astype(bool)
        gone = gone | (flagged & at.isna())
    active = customers.loc[~gone.to_numpy()]
    at = at[~gone.to_numpy()]
    label = ((at > t0) & (at <= t0 + pd.Timedelta(days=horizon_days))).astype(int)
    return pd.DataFrame({"customer_id": active["customer_id"].astype(str).to_numpy(),
                         "label": label.to_numpy()})


def _customers_table(source: Any) -> pd.DataFrame:
    """The customers table of a DataFrame, a dict of frames, a Store or a Corpus."""
    if isinstance(source, pd.DataFrame):
        return source
    table = None
    if isinstance(source, Mapping):
        table = source.get("customers")
    elif hasattr(source, "read_table") and hasattr(source, "has_table"):
        table = source.read_table("customers") if source.has_table("customers") else None
    elif hasattr(source, "customers") and hasattr(source, "turns"):  # a Corpus
        table = source.customers
    else:
        raise TypeError(
            f"churn_labels expects the customers table (customer_id, churned_at), a cx.Store, "
            f"a cx.Corpus or a dict of frames with 'customers'; got {type(source).__name__}.")
    if table is None:
        raise CxTextError(
            f"churn_labels: the {type(source).__name__} has no customers table; churn labels "
            "come from its churned_at column (load customers.csv, or pass that table).")
    return table


def _top_order(score: np.ndarray) -> np.ndarray:
    return np.argsort(-score, kind="stable")


def churn_metrics(y: Sequence[int] | np.ndarray, score: Sequence[float] | np.ndarray, *,
                  k: Sequence[int] = (50, 100), probability: bool = True,
                  n_bins: int = 10) -> dict[str, Any]:
    """Ranking and calibration figures of a churn score.

    Parameters
    ----------
    y : array of 0/1
    score : array of float
        Higher = riskier. Ties are ranked in input order.
    k : ints
        Cut-offs for precision@k (the share of churners among the ``k`` highest scores).
    probability : bool
        Whether ``score`` is a probability (adds the Brier score and reliability table).
    n_bins : int
        Reliability-table bins (deciles of the score by default).

    Returns
    -------
    dict
        ``n, positives, base_rate, roc_auc, pr_auc`` (average precision),
        ``precision_at_k`` {k: value}, ``lift_at_10pct`` (churn rate in the top 10 %
        — ``ceil(0.1 n)`` customers — over the base rate), and with probabilities
        ``brier`` and ``calibration`` (list of ``{bin, n, mean_predicted,
        observed_rate}`` over equal-count bins of the score).

    Examples
    --------
    >>> m = churn_metrics([1, 0, 1, 0, 0, 0, 0, 0, 0, 0],
    ...                   [.9, .8, .7, .1, .1, .1, .1, .1, .1, .1], k=[2])
    >>> m["precision_at_k"][2], m["lift_at_10pct"]
    (0.5, 5.0)
    """
    from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

    yv = np.asarray(y, dtype=int)
    s = np.asarray(score, dtype=float)
    n, pos = len(yv), int(yv.sum())
    order = _top_order(s)
    out: dict[str, Any] = {"n": n, "positives": pos, "base_rate": pos / n if n else float("nan")}
    both = 0 < pos < n
    out["roc_auc"] = float(roc_auc_score(yv, s)) if both else float("nan")
    out["pr_auc"] = float(average_precision_score(yv, s)) if both else float("nan")
    out["precision_at_k"] = {int(kk): float(yv[order[:kk]].mean()) if n else float("nan")
                             for kk in k}
    top = max(1, math.ceil(0.1 * n))
    out["lift_at_10pct"] = (float(yv[order[:top]].mean() / out["base_rate"]) if pos
                            else float("nan"))
    if probability:
        out["brier"] = float(brier_score_loss(yv, s))
        bins = np.array_split(order[::-1], n_bins)
        out["calibration"] = [
            {"bin": b + 1, "n": len(idx), "mean_predicted": float(s[idx].mean()),
             "observed_rate": float(yv[idx].mean())}
            for b, idx in enumerate(bins) if len(idx)
        ]
    return out


# ---------------------------------------------------------------------------------------------
# Backtest


@dataclass
class BacktestResult:
    """What :func:`backtest_churn` returns.

    Attributes
    ----------
    metrics : dict
        Per scorer (``rules`` and each feature set) the :func:`churn_metrics` dict.
    predictions : DataFrame
        Test customers: ``customer_id, label`` and one score column per model.
    models : dict
        The fitted :class:`ChurnModel` objects.
    split : dict
        ``train_as_of`` (list), ``test_as_of``, ``horizon_days``, row and positive counts.
    """

    metrics: dict[str, dict[str, Any]]
    predictions: pd.DataFrame
    models: dict[str, ChurnModel]
    split: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary (split, metrics, and each model's coefficients)."""
        return {
            "split": self.split,
            "metrics": self.metrics,
            "coefficients": {
                name: [{"feature": r.feature, "name": r.name, "group": r.group,
                        "coef": round(float(r.coef), 4)}
                       for r in m.coefficients().itertuples(index=False)]
                for name, m in self.models.items()
            },
        }


def _customers_of(source: Any) -> pd.DataFrame:
    if isinstance(source, Mapping):
        if source.get("customers") is None:
            raise CxTextError("backtest_churn needs a 'customers' table with churned_at")
        return source["customers"]
    if hasattr(source, "read_table"):
        return source.read_table("customers")
    raise CxTextError("source must be a cx.Store or a dict of frames with 'customers'; "
                      f"got {type(source).__name__}")


def _default_builder() -> Callable[..., pd.DataFrame]:
    from cxtext.portrait import build_portraits

    return build_portraits


def _labelled(portraits: pd.DataFrame, labels_: pd.DataFrame) -> pd.DataFrame:
    p = portraits.assign(customer_id=portraits["customer_id"].astype(str))
    return p.merge(labels_, on="customer_id", how="inner")


def backtest_churn(
    source: Any,
    *,
    train_as_of: Sequence[datetime | str] | datetime | str,
    test_as_of: datetime | str,
    horizon_days: int = 90,
    feature_sets: Sequence[str] = ("structured", "text"),
    C: float | Mapping[str, float] = 1.0,
    random_state: int | None = 0,
    rules: str | Path | pd.DataFrame = "default",
    k: Sequence[int] = (50, 100),
    build: Callable[..., pd.DataFrame] | None = None,
) -> BacktestResult:
    """Time-split backtest: train on the past, score the next ``horizon_days``.

    For each training date ``T`` the features are portraits as of ``T`` (only
    conversations before ``T``) and the label is "churned in ``(T, T + horizon]``",
    among customers still active at ``T``. Several training dates stack their rows
    (rolling origins), which gives the model more churn events than one snapshot.
    Every training label window must end on or before ``test_as_of``, so nothing the
    model learns comes from the test period. The test set is the customers active at
    ``test_as_of``, with portraits as of ``test_as_of`` and labels from the next
    ``horizon_days``. The scorers compared on it: the rule scorer and the learned
    model on each feature set (by default structured features only, and the same
    model with text features added: the ablation).

    Parameters
    ----------
    source : Store or dict of frames
        Passed to ``build`` (default :func:`cxtext.build_portraits`); its
        ``customers`` table must have ``churned_at``.
    train_as_of : date or list of dates
    test_as_of : date
    horizon_days : int
    feature_sets : names of ``FEATURE_GROUPS``
        One learned model per set.
    C : float or dict
        :class:`ChurnModel`'s ``C``, or one per feature set.
    random_state : see :class:`ChurnModel`.
    rules : see :func:`load_churn_rules`.
    k : ints
        precision@k cut-offs.
    build : callable, optional
        ``build(source, as_of=T) -> portraits``; for tests or other portrait builders.

    Returns
    -------
    BacktestResult

    Examples
    --------
    On a store holding the demo corpus (its customers table has ``churned_at``;
    about a minute on two cores, so not run here):

    >>> import cxtext as cx
    >>> with cx.Store("cx.duckdb") as store:                     # doctest: +SKIP
    ...     bt = backtest_churn(store, train_as_of=["2025-02-01", "2025-03-01"],
    ...                         test_as_of="2025-07-01")
    >>> bt.metrics["text"]["roc_auc"], bt.metrics["rules"]["roc_auc"]  # doctest: +SKIP
    """
    build = build or _default_builder()
    customers = _customers_of(source)
    t_test = pd.Timestamp(test_as_of)
    trains = [train_as_of] if isinstance(train_as_of, (str, datetime)) else list(train_as_of)
    if not trains:
        raise CxTextError("backtest_churn: train_as_of is empty")
    frames, per_snapshot = [], []
    for t in trains:
        ts = pd.Timestamp(t)
        if ts + pd.Timedelta(days=horizon_days) > t_test:
            raise CxTextError(
                f"backtest_churn: the label window of train_as_of {ts.date()} ends "
                f"{(ts + pd.Timedelta(days=horizon_days)).date()}, after test_as_of "
                f"{t_test.date()}; move it back so training never sees the test period")
        lab = _labelled(build(source, as_of=ts), churn_labels(customers, ts, horizon_days))
        per_snapshot.append({"as_of": str(ts.date()), "n": len(lab),
                             "positives": int(lab["label"].sum())})
        frames.append(lab)
    train = pd.concat(frames, ignore_index=True)
    test = _labelled(build(source, as_of=t_test),
                     churn_labels(customers, t_test, horizon_days)).reset_index(drop=True)
    for name in feature_sets:
        _resolve_features(name, "backtest_churn")
    cs = {name: float(C[name] if isinstance(C, Mapping) else C) for name in feature_sets}
    models = {name: ChurnModel(features=name, C=cs[name], random_state=random_state).fit(
        train, train["label"]) for name in feature_sets}
    preds = pd.DataFrame({"customer_id": test["customer_id"], "label": test["label"]})
    preds["rules"] = score_churn_rules(test, rules)["risk_score"].to_numpy()
    for name, m in models.items():
        preds[name] = m.predict_proba(test)[:, 1]
    y = preds["label"].to_numpy()
    metrics = {"rules": churn_metrics(y, preds["rules"], k=k, probability=False)}
    for name in models:
        metrics[name] = churn_metrics(y, preds[name], k=k)
    split = {"train_as_of": [s["as_of"] for s in per_snapshot], "test_as_of": str(t_test.date()),
             "horizon_days": horizon_days, "train_snapshots": per_snapshot,
             "n_train_rows": len(train), "n_train_customers": int(train["customer_id"].nunique()),
             "train_positives": int(train["label"].sum()), "C": cs, "n_test": len(test),
             "test_positives": int(test["label"].sum())}
    return BacktestResult(metrics=metrics, predictions=preds, models=models, split=split)


# ---------------------------------------------------------------------------------------------
# Evidence, actions, warnings


def _as_list(v: object) -> list:
    if isinstance(v, (list, tuple, np.ndarray)):
        return list(v)
    return []


_CLAUSE_ENDS = frozenset("，。！？；、,.!?;：:… ")
_PLACEHOLDER_RE = re.compile(r"\[[^\[\]\s]{1,8}\]")


def _word_bounds(text: str) -> list[int]:
    """Offsets where a quote may start or end: between jieba's words, never inside a
    masking placeholder such as ``[手机号]``."""
    import rjieba

    bounds, at = [0], 0
    for word in rjieba.cut(text):
        at += len(word)
        bounds.append(at)
    inside = {i for m in _PLACEHOLDER_RE.finditer(text) for i in range(m.start() + 1, m.end())}
    return [b for b in bounds if b not in inside]


def _quote(text: str, span: str | None, max_chars: int) -> str:
    """``text`` masked and, when longer than ``max_chars``, cut around ``span`` at a clause
    start or a word boundary (a quote that starts mid-word, 贷扣款 for 房贷扣款, misleads)."""
    from cxtext.text.pii import mask_pii

    masked = " ".join(mask_pii(str(text)).split())
    if len(masked) <= max_chars:
        return masked
    pos, span_end = 0, 0
    if span:
        needle = mask_pii(span)
        found = masked.find(needle)
        if found >= 0:
            pos, span_end = found, found + len(needle)
    start = min(max(0, pos - max_chars // 3), len(masked) - max_chars)
    bounds = _word_bounds(masked)
    if start > 0:
        # the earliest clause start before the evidence, else the next word boundary
        clause = next((i for i in range(start, max(start, pos) + 1)
                       if masked[i - 1] in _CLAUSE_ENDS), None)
        start = clause if clause is not None else next(
            (b for b in bounds if b >= start), start)
    end = min(len(masked), start + max_chars)
    if end < len(masked):
        end = max((b for b in bounds if max(start + 1, span_end) <= b <= end), default=end)
    body = masked[start:end].strip()
    return ("…" if start > 0 else "") + body + ("…" if end < len(masked) else "")


def churn_evidence(turn_tags: pd.DataFrame, conversations: pd.DataFrame, *,
                   turns: pd.DataFrame | None = None, as_of: datetime | str | None = None,
                   n: int = 3, max_chars: int = 60) -> pd.Series:
    """Up to ``n`` masked quotes per customer from the turns that raised a flag.

    Customer turns are ranked: churn intent first, then escalation, then a
    complaint category with negative sentiment, then any complaint category; the
    most recent first within a rank; identical quotes once. Each quote is the turn
    masked with :func:`cxtext.mask_pii` (before cutting, so no half-number
    survives), whitespace collapsed, and cut to ``max_chars`` around the evidence span.

    Parameters
    ----------
    turn_tags : DataFrame
        ``cx.tag(...).turns`` (or the store's ``turn_tags``).
    conversations : DataFrame
        ``conversation_id, customer_id, started_at``.
    turns : DataFrame, optional
        ``conversation_id, turn, text``: where the text comes from when ``turn_tags``
        has none (a :class:`~cxtext.store.Store` keeps text only in ``turns``).
    as_of : datetime-like, optional
        Only conversations started before it.
    n, max_chars : int

    Returns
    -------
    Series
        Lists of quotes, indexed by ``customer_id``.

    Examples
    --------
    >>> import cxtext as cx
    >>> turns = pd.DataFrame({"conversation_id": ["c1", "c1", "c2"],
    ...                       "customer_id": ["u1", "u1", "u2"],
    ...                       "started_at": ["2025-09-01 10:00"] * 2 + ["2025-09-03 09:00"],
    ...                       "speaker": ["agent", "customer", "customer"],
    ...                       "text": ["您好", "年费乱扣，我的手机13812345678，再不处理我就销户",
    ...                                "查一下余额"]})
    >>> churn_evidence(cx.tag(turns).turns, cx.conversations_from_turns(turns)).to_dict()
    {'u1': ['年费乱扣，我的手机[手机号]，再不处理我就销户']}
    """
    conv = conversations[["conversation_id", "customer_id", "started_at"]].copy()
    conv["started_at"] = pd.to_datetime(conv["started_at"], errors="coerce")
    if as_of is not None:
        conv = conv[conv["started_at"] < pd.Timestamp(as_of)]
    t = turn_tags[turn_tags["speaker"] == "customer"]
    if "text" not in t.columns:
        if turns is None:
            raise CxTextError("churn_evidence: turn_tags has no 'text' column; pass turns=...")
        t = t.merge(turns[["conversation_id", "turn", "text"]], on=["conversation_id", "turn"],
                    how="inner")
    # Turns read from a file can carry customer_id / started_at themselves (read_turns
    # keeps conversation-level columns): the conversations table is the one to use.
    t = t.drop(columns=[c for c in ("customer_id", "started_at") if c in t.columns])
    t = t.merge(conv, on="conversation_id", how="inner")
    if t.empty:
        return pd.Series(dtype=object)

    def rank_and_span(row: Any) -> tuple[int, str | None]:
        ev = _as_list(getattr(row, "intent_evidence", None))
        for intent, rank in (("churn", 0), ("escalation", 1)):
            if bool(getattr(row, f"intent_{intent}", False)):
                spans = [e.get("text") for e in ev if isinstance(e, Mapping)
                         and e.get("intent") == intent]
                return rank, spans[0] if spans else None
        cats = _as_list(getattr(row, "categories", None))
        cats = [c for c in cats if c != "other"]
        if cats:
            cev = [e.get("text") for e in _as_list(getattr(row, "category_evidence", None))
                   if isinstance(e, Mapping)]
            neg = str(getattr(row, "sentiment_label", "")) == "neg"
            return (2 if neg else 3), cev[0] if cev else None
        return 9, None

    ranked = [rank_and_span(r) for r in t.itertuples(index=False)]
    t = t.assign(ev_rank=[r for r, _ in ranked], ev_span=[s for _, s in ranked])
    t = t[t["ev_rank"] < 9].sort_values(["customer_id", "ev_rank", "started_at", "turn"],
                                      ascending=[True, True, False, True], kind="stable")
    out: dict[str, list[str]] = {}
    for cid, grp in t.groupby("customer_id", sort=False):
        quotes: list[str] = []
        for rec in grp.itertuples(index=False):
            q = _quote(rec.text, rec.ev_span, max_chars)
            if q and q not in quotes:
                quotes.append(q)
            if len(quotes) >= n:
                break
        out[str(cid)] = quotes
    return pd.Series(out, dtype=object)


def _suggest(row: pd.Series) -> str:
    if _scalar_flag(row.get("escalation")):
        return "升级处理"
    cats = set(_as_list(row.get("categories")))
    money = bool(cats & _MONEY_CATEGORIES)
    if money and (_scalar_flag(row.get("churn_intent")) or _scalar(row.get("complaints_90d")) >= 2):
        return "减免/补偿评估"
    tier = _TIER_FROM_NAME.get(row.get("tier"), row.get("tier"))
    if tier in ("platinum", "diamond") or _scalar(row.get("avg_daily_assets")) >= 1_000_000:
        return "理财经理联系"
    if _scalar(row.get("assets_trend_3m")) <= _sql_portrait.OUTFLOW_LOG:
        return "理财经理联系"  # money is leaving: a relationship manager calls, not a survey
    return "回访"


def _scalar_flag(v: object) -> bool:
    if isinstance(v, str):
        return v.strip().lower() in ("true", "1", "yes")
    try:
        return bool(v) and not (isinstance(v, float) and math.isnan(v))
    except (TypeError, ValueError):
        return False


def _level(score: np.ndarray, cuts: tuple[float, float]) -> list[str]:
    hi, mid = cuts
    return [LEVELS[0] if s >= hi else LEVELS[1] if s >= mid else LEVELS[2] for s in score]


def churn_warnings(
    portraits: pd.DataFrame,
    *,
    model: ChurnModel | None = None,
    rules: str | Path | pd.DataFrame = "default",
    turn_tags: pd.DataFrame | None = None,
    conversations: pd.DataFrame | None = None,
    turns: pd.DataFrame | None = None,
    as_of: datetime | str | None = None,
    levels: tuple[float, float] | None = None,
    n_reasons: int = 3,
    n_evidence: int = 3,
    top: int | None = None,
) -> pd.DataFrame:
    """The ranked warning list: one row per customer, riskiest first.

    Parameters
    ----------
    portraits : DataFrame
        Output of :func:`cxtext.build_portraits`.
    model : ChurnModel, optional
        A fitted model; without one the rule scorer is used.
    rules : see :func:`load_churn_rules` (used when ``model`` is None).
    turn_tags, conversations, turns : DataFrame, optional
        For evidence quotes (see :func:`churn_evidence`); without the first two
        ``evidence`` is empty.
    as_of : datetime-like, optional
        Evidence only from conversations before it (default: the portraits' ``as_of``).
    levels : (high, medium), optional
        ``risk_score`` cut-offs; default ``MODEL_LEVELS`` or ``RULE_LEVELS``.
    n_reasons, n_evidence : int
    top : int, optional
        Keep only the first ``top`` rows.

    Returns
    -------
    DataFrame
        ``rank`` (1 = riskiest; ties by customer id), ``customer_id, risk_score,
        risk_level, reasons`` (list of dicts: ``feature,
        reason, value, contribution``), ``evidence`` (list of masked quotes),
        ``suggested_action``, ``method`` (model | rules), plus ``tier_name`` and
        ``tag_line`` when the portraits have them.

    Examples
    --------
    >>> p = pd.DataFrame({"customer_id": ["C1", "C2"], "churn_intent": [True, False],
    ...                   "escalation": [True, False], "complaints_30d": [2, 0]})
    >>> rules = load_churn_rules().query("feature in ['churn_intent', 'escalation', "
    ...                                  "'complaints_30d']")
    >>> w = churn_warnings(p, rules=rules)
    >>> w[["customer_id", "risk_level", "suggested_action"]].values.tolist()
    [['C1', '高', '升级处理'], ['C2', '低', '回访']]
    """
    if model is not None:
        score = model.predict_proba(portraits)[:, 1]
        reasons = model.reasons(portraits, n=n_reasons)
        cuts, method = levels or MODEL_LEVELS, "model"
    else:
        scored = score_churn_rules(portraits, rules)
        score = scored["risk_score"].to_numpy()
        reasons = [r[:n_reasons] for r in scored["reasons"]]
        cuts, method = levels or RULE_LEVELS, "rules"
    ids = portraits["customer_id"].astype(str).to_numpy()
    out = pd.DataFrame({"customer_id": ids, "risk_score": np.round(score.astype(float), 6),
                        "risk_level": _level(score, cuts), "reasons": reasons})
    if turn_tags is not None and conversations is not None:
        if as_of is None and "as_of" in portraits and len(portraits):
            as_of = pd.Timestamp(portraits["as_of"].iloc[0])
        ev = churn_evidence(turn_tags, conversations, turns=turns, as_of=as_of, n=n_evidence)
        out["evidence"] = [list(ev.get(c, [])) for c in ids]
    else:
        out["evidence"] = [[] for _ in ids]
    out["suggested_action"] = [_suggest(portraits.iloc[i]) for i in range(len(portraits))]
    out["method"] = method
    for col in ("tier_name", "tag_line"):
        if col in portraits:
            out[col] = portraits[col].to_numpy()
    out = out.sort_values(["risk_score", "customer_id"], ascending=[False, True], kind="stable")
    out = out.reset_index(drop=True)
    out.insert(0, "rank", np.arange(1, len(out) + 1))
    return out.head(top) if top is not None else out


def _from_tag_result(source: Any) -> Any:
    """A TagResult, or (TagResult, conversations), as the dict of frames it stands for (what
    build_portraits accepts too); anything else unchanged."""
    from cxtext.portrait import tag_result_frames
    from cxtext.tags.tag import TagResult

    if isinstance(source, TagResult) or (
            isinstance(source, tuple) and len(source) == 2
            and isinstance(source[0], TagResult) and isinstance(source[1], pd.DataFrame)):
        return tag_result_frames(source, "churn")
    return source


def _store_frames(source: Any) -> dict[str, pd.DataFrame | None]:
    names = ("customers", "conversations", "turn_tags", "turns")
    if isinstance(source, Mapping):
        return {k: source.get(k) for k in names}
    if hasattr(source, "read_table"):
        frames: dict[str, pd.DataFrame | None] = dict.fromkeys(names)
        for name in names:
            if not source.has_table(name):
                continue  # no customers: no labels; no tags: no evidence
            if name == "turns":
                frames[name] = source.read_table(
                    name, columns=["conversation_id", "turn", "text"],
                    where="speaker = 'customer'")
            else:
                frames[name] = source.read_table(name)
        return frames
    from cxtext.portrait import SOURCE_HINT

    raise CxTextError(f"source must be a cx.Store or a dict of frames; got "
                      f"{type(source).__name__}. {SOURCE_HINT}")


def churn(
    source: Any,
    *,
    as_of: datetime | str | None = None,
    method: str = "auto",
    horizon_days: int = 90,
    n_snapshots: int = 4,
    min_positives: int = 20,
    top: int | None = None,
    random_state: int | None = 0,
    build: Callable[..., pd.DataFrame] | None = None,
) -> pd.DataFrame:
    """Portraits → ranked churn warnings, in one call.

    With ``method="auto"`` the learned model is used when the customers table has
    churn dates and at least ``min_positives`` churn events fall in the training
    windows; otherwise the rule scorer. The model trains on ``n_snapshots`` monthly
    snapshots whose label windows end on or before ``as_of`` (the last at
    ``as_of - horizon_days``) and scores customers active at ``as_of``.

    Parameters
    ----------
    source : Store, dict of frames, TagResult or (TagResult, conversations)
        ``{"conversations", "conversation_tags", "customers", "turn_tags"}``; as in
        :func:`~cxtext.build_portraits`, ``cx.tag(turns)`` itself will do when its turns
        carry ``customer_id`` and ``started_at``.
    as_of : datetime-like, optional
        Default: one day after the last conversation.
    method : {"auto", "model", "rules"}
    horizon_days, n_snapshots, min_positives, top, random_state : see above.
    build : callable, optional
        Portrait builder (default :func:`cxtext.build_portraits`).

    Returns
    -------
    DataFrame
        See :func:`churn_warnings`, for customers still active at ``as_of``.

    Examples
    --------
    A dict of frames (a :class:`~cxtext.Store` works the same); with no churn dates
    to learn from, the rule scorer ranks:

    >>> import cxtext as cx
    >>> turns = pd.DataFrame({"conversation_id": ["c1", "c1", "c2"],
    ...                       "customer_id": ["u1", "u1", "u2"],
    ...                       "started_at": ["2025-09-01 10:00"] * 2 + ["2025-09-03 09:00"],
    ...                       "speaker": ["agent", "customer", "customer"],
    ...                       "text": ["您好", "年费乱扣，再不处理我就销户", "查一下余额"]})
    >>> res = cx.tag(turns)
    >>> source = {"conversations": cx.conversations_from_turns(turns),
    ...           "conversation_tags": res.conversations, "turn_tags": res.turns}
    >>> w = churn(source, as_of="2025-10-01")
    >>> w[["rank", "customer_id", "risk_level", "suggested_action", "method"]].values.tolist()
    [[1, 'u1', '高', '减免/补偿评估', 'rules'], [2, 'u2', '低', '回访', 'rules']]
    """
    if method not in ("auto", "model", "rules"):
        raise param_error("churn", "method", ["auto", "model", "rules"], method)
    build = build or _default_builder()
    source = _from_tag_result(source)
    frames = _store_frames(source)
    conv = frames["conversations"]
    if as_of is None:
        if conv is None or conv.empty:
            raise CxTextError(
                "churn: the source holds no conversations, so as_of cannot default to the day "
                "after the last contact. Load conversations first (cx.Store.load / "
                "'cxtext load STORE FILES') or pass as_of=..., e.g. as_of='2025-10-01'.")
        last = pd.to_datetime(conv["started_at"]).max()
        if pd.isna(last):
            from cxtext.portrait import undated_message

            raise CxTextError(f"churn: {undated_message(len(conv))}")
        as_of = last.normalize() + pd.Timedelta(days=1)
    from cxtext.portrait import _as_timestamp

    t = _as_timestamp(as_of, "as_of", owner="churn")
    portraits = build(source, as_of=t)
    customers = frames["customers"]
    has_dates = (customers is not None and "churned_at" in customers
                 and bool(pd.to_datetime(customers["churned_at"], errors="coerce").notna().any()))
    if customers is not None and "churned_at" in customers and len(customers):
        # customers who left on or before as_of are not warned about
        known = set(customers["customer_id"].astype(str))
        active = set(churn_labels(customers, t, horizon_days)["customer_id"])
        ids = portraits["customer_id"].astype(str)
        portraits = portraits[~ids.isin(known - active)]
    portraits = portraits.reset_index(drop=True)
    has_labels = has_dates
    model = None
    if method in ("auto", "model") and has_labels:
        dates = [t - pd.Timedelta(days=horizon_days + 30 * i) for i in range(n_snapshots)]
        frames_ = [_labelled(build(source, as_of=d), churn_labels(customers, d, horizon_days))
                   for d in dates]
        train = pd.concat(frames_, ignore_index=True)
        if train["label"].sum() >= min_positives and train["label"].nunique() == 2:
            model = ChurnModel("text", random_state=random_state).fit(train, train["label"])
        elif method == "model":
            raise CxTextError(f"churn: only {int(train['label'].sum())} churn events in the "
                              f"training windows (need {min_positives}); use method='rules'")
    elif method == "model":
        raise CxTextError("churn: method='model' needs a customers table with churned_at")
    return churn_warnings(portraits, model=model, turn_tags=frames["turn_tags"],
                          conversations=conv, turns=frames["turns"], as_of=t, top=top)

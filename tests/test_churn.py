"""Churn warning: rule points, exact contributions, metrics, labels, evidence, backtest."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import cxtext as cx
from cxtext.churn import (
    FEATURE_GROUPS,
    ChurnModel,
    backtest_churn,
    churn,
    churn_evidence,
    churn_features,
    churn_labels,
    churn_metrics,
    churn_warnings,
    load_churn_rules,
    score_churn_rules,
)
from cxtext.errors import CxTextError, SchemaError


def portrait_frame(rows: list[dict]) -> pd.DataFrame:
    """A portrait-shaped frame (the columns of cx.build_portraits that churn reads)."""
    base = {
        "customer_id": "C0", "as_of": pd.Timestamp("2025-07-01"), "tier": "gold",
        "tier_name": "金卡", "avg_daily_assets": 200_000.0, "tenure_months": 60,
        "n_products": 3, "contacts_30d": 0, "contacts_90d": 0, "contacts_365d": 0,
        "complaints_30d": 0, "complaints_90d": 0, "complaints_365d": 0,
        "days_since_last_contact": np.nan, "unresolved_contacts": 0, "repeat_contacts": 0,
        "churn_intent": False, "escalation": False, "sentiment_mean": 0.0,
        "sentiment_worst": 0.0, "sentiment_trend": 0.0, "emotion_mix": {}, "categories": [],
        "do_not_market": False, "tag_line": "金卡客户", "contacts_total": 0,
        "bad_service_contacts": 0, "wait_contacts": 0, "assets_trend_3m": np.nan,
    }
    return pd.DataFrame([{**base, **r} for r in rows])


def random_portraits(n: int, seed: int) -> tuple[pd.DataFrame, np.ndarray]:
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        c30 = int(rng.poisson(0.5))
        rows.append({
            "customer_id": f"C{i:04d}", "tier": rng.choice(["standard", "gold", "platinum"]),
            "avg_daily_assets": float(rng.lognormal(11, 1)),
            "tenure_months": int(rng.integers(1, 200)),
            "n_products": int(rng.integers(1, 6)), "contacts_30d": c30, "contacts_90d": c30 + 1,
            "contacts_365d": c30 + 2, "complaints_30d": c30, "complaints_90d": c30,
            "complaints_365d": c30 + 1, "days_since_last_contact": float(rng.integers(1, 300)),
            "unresolved_contacts": int(rng.integers(0, 3)),
            "repeat_contacts": int(rng.integers(0, 3)),
            "churn_intent": bool(rng.random() < 0.15), "escalation": bool(rng.random() < 0.1),
            "sentiment_mean": float(rng.uniform(-1, 1)),
            "sentiment_worst": float(rng.uniform(-1, 0)),
            "sentiment_trend": float(rng.normal(0, 0.3)),
            "emotion_mix": ({"anger": 0.5, "neutral": 0.5} if rng.random() < 0.3
                            else {"neutral": 1.0}),
            "categories": ["wealth"] if rng.random() < 0.1 else [],
            "do_not_market": bool(rng.random() < 0.05),
        })
    p = portrait_frame(rows)
    logit = -3 + 2.0 * p["churn_intent"] + 0.8 * p["complaints_30d"] - 0.01 * p["tenure_months"]
    y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    return p, y


# --- rule scorer -----------------------------------------------------------------------------


def test_rule_points_by_hand():
    p = portrait_frame([
        # every rule holds: 30+15+15+10+10+15+10+10+5+10+5+5+5 = 145, capped at 100
        {"customer_id": "A", "churn_intent": True, "escalation": True, "complaints_30d": 3,
         "complaints_90d": 3, "unresolved_contacts": 1, "repeat_contacts": 2,
         "sentiment_worst": -0.8, "sentiment_trend": -0.5, "categories": ["wealth", "attitude"],
         "tenure_months": 12, "tier": "standard", "assets_trend_3m": -1.2},
        # complaints_90d (10) only; fees is not in the points table
        {"customer_id": "B", "complaints_90d": 1, "sentiment_worst": -0.3, "categories": ["fees"]},
        # short tenure (5), tier given by its Chinese name 普通 (5)
        {"customer_id": "C", "tenure_months": 10, "tier": "普通"},
        # boundaries: -0.6 worst is "<=" (10); 24 months is not "< 24"; an outflow of
        # exactly -0.3 is "<=" (15); a balance trend of -0.29 is not
        {"customer_id": "D", "sentiment_worst": -0.6, "tenure_months": 24,
         "assets_trend_3m": -0.3},
        {"customer_id": "E", "assets_trend_3m": -0.29},
    ])
    s = score_churn_rules(p)
    assert s["rule_points"].tolist() == [100, 10, 10, 25, 0]
    assert s["risk_score"].tolist() == [1.0, 0.1, 0.1, 0.25, 0.0]
    reasons_b = s.loc[1, "reasons"]
    assert [r["reason"] for r in reasons_b] == ["近90天有投诉"]
    assert reasons_b[0]["contribution"] == 10.0
    # reasons of A: largest points first, Chinese and readable
    assert s.loc[0, "reasons"][0]["reason"] == "客户明确表达销户或把钱转走的意向"
    assert sum(r["contribution"] for r in s.loc[0, "reasons"]) == 145


def test_rules_from_a_custom_table_and_bad_tables(tmp_path):
    table = tmp_path / "r.tsv"
    table.write_text("# my rules\nrule_id\tfeature\top\tvalue\tpoints\treason\n"
                     "x\tcontacts_30d\t>\t1\t7\t近期频繁联系\n", encoding="utf-8")
    p = portrait_frame([{"contacts_30d": 2}, {"contacts_30d": 1}])
    assert score_churn_rules(p, table)["rule_points"].tolist() == [7, 0]
    bad = tmp_path / "bad.tsv"
    bad.write_text("rule_id\tfeature\top\tvalue\tpoints\treason\nx\tcontacts_30d\t~\t1\t7\tz\n",
                   encoding="utf-8")
    with pytest.raises(CxTextError, match="'op'"):
        load_churn_rules(bad)
    with pytest.raises(SchemaError, match="complaints_30d"):
        score_churn_rules(pd.DataFrame({"customer_id": ["a"]}))


def test_default_rule_table_is_readable_chinese():
    rules = load_churn_rules()
    assert rules["rule_id"].is_unique
    assert (rules["points"] > 0).all()
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in r) for r in rules["reason"])


# --- learned model ---------------------------------------------------------------------------


def test_contributions_sum_to_the_logit_and_match_sklearn():
    from sklearn.linear_model import LogisticRegression

    p, y = random_portraits(300, 1)
    m = ChurnModel("text", C=0.5).fit(p, y)
    contrib = m.contributions(p)
    feats = list(FEATURE_GROUPS["text"])
    assert np.allclose(contrib[feats].sum(axis=1) + contrib["intercept"], contrib["logit"])
    X = churn_features(p, "text").to_numpy()
    Z = (X - X.mean(axis=0)) / np.where(X.std(axis=0) > 0, X.std(axis=0), 1)
    ref = LogisticRegression(C=0.5, max_iter=1000).fit(Z, y)
    assert np.allclose(contrib["logit"], ref.decision_function(Z))
    assert np.allclose(m.predict_proba(p), ref.predict_proba(Z))
    # a reason's contribution is exactly its column in contributions()
    first = m.reasons(p.iloc[:1], n=3)[0]
    assert first, "a customer with risk factors has at least one positive contribution"
    for r in first:
        assert r["contribution"] == pytest.approx(contrib.loc[0, r["feature"]], abs=1e-4)
        assert r["contribution"] > 0


def test_model_is_reproducible_and_uses_the_asked_features():
    p, y = random_portraits(200, 2)
    a = ChurnModel("structured", random_state=3).fit(p, y)
    b = ChurnModel("structured", random_state=3).fit(p, y)
    assert np.array_equal(a.coef_, b.coef_)
    assert a.feature_names_ == FEATURE_GROUPS["structured"]
    assert not set(a.feature_names_) & {"churn_intent", "complaints_30d", "sentiment_mean"}
    text = ChurnModel("text").fit(p, y)
    assert set(FEATURE_GROUPS["structured"]) < set(text.feature_names_)
    # the planted signal is found: churn intent has the largest positive coefficient
    coefs = text.coefficients().set_index("feature")["coef"]
    assert coefs["churn_intent"] > 0.3


def test_service_and_mood_features():
    p = portrait_frame([
        {"contacts_total": 4, "emotion_mix": {"anger": 0.5, "sadness": 0.25, "neutral": 0.25},
         "bad_service_contacts": 2, "wait_contacts": 1},
        {"contacts_total": 0, "wait_contacts": np.nan},  # no turns: waiting unknown, 0
    ])
    f = churn_features(p, "text")
    assert f["negative_contacts"].tolist() == pytest.approx([np.log1p(3.0), 0.0])
    assert f["bad_service_contacts"].tolist() == pytest.approx([np.log1p(2.0), 0.0])
    assert f["wait_contacts"].tolist() == pytest.approx([np.log1p(1.0), 0.0])
    # the structured set reads no text: none of these, no intent, no complaint count
    text_only = set(FEATURE_GROUPS["text"]) - set(FEATURE_GROUPS["structured"])
    assert {"bad_service_contacts", "wait_contacts", "negative_contacts", "churn_intent",
            "complaints_90d"} <= text_only
    with pytest.raises(SchemaError, match="bad_service_contacts"):
        churn_features(p.drop(columns=["bad_service_contacts"]), "text")


def test_model_validation():
    p, y = random_portraits(50, 3)
    with pytest.raises(ValueError, match="'features' parameter of ChurnModel"):
        ChurnModel("words").fit(p, y)
    with pytest.raises(CxTextError, match="labels 0 and 1"):
        ChurnModel().fit(p, np.zeros(len(p)))
    with pytest.raises(CxTextError, match="not fitted"):
        ChurnModel().predict_proba(p)
    assert ChurnModel(C=2.0).get_params()["C"] == 2.0


# --- metrics and labels ----------------------------------------------------------------------


def test_metrics_by_hand():
    y = [1, 0, 1, 0, 0, 0, 0, 0, 0, 1]  # 3 positives out of 10
    s = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05]
    m = churn_metrics(y, s, k=[1, 2, 3, 5], n_bins=2)
    assert m["precision_at_k"] == {1: 1.0, 2: 0.5, 3: 2 / 3, 5: 0.4}
    # top 10 % = 1 customer, a churner: 1.0 / 0.3
    assert m["lift_at_10pct"] == pytest.approx(1 / 0.3)
    # pairs (pos, neg) ranked right: 7+6+0 = 13 of 21
    assert m["roc_auc"] == pytest.approx(13 / 21)
    # average precision: (1/1 + 2/3 + 3/10) / 3
    assert m["pr_auc"] == pytest.approx((1 + 2 / 3 + 0.3) / 3)
    assert m["brier"] == pytest.approx(np.mean((np.array(s) - np.array(y)) ** 2))
    low, high = m["calibration"]
    assert (low["n"], high["n"]) == (5, 5)
    assert high["observed_rate"] == pytest.approx(0.4)
    assert low["observed_rate"] == pytest.approx(0.2)
    assert high["mean_predicted"] == pytest.approx(np.mean(s[:5]))


def test_churn_labels_exclude_the_already_gone():
    c = pd.DataFrame({"customer_id": ["a", "b", "c", "d", "e"],
                      "churned": [False, True, True, True, True],
                      "churned_at": [None, "2025-04-01", "2025-05-01", "2025-07-01", None]})
    lab = churn_labels(c, "2025-04-01", horizon_days=90)
    # b left on the as-of day (excluded), e is flagged churned without a date (excluded),
    # c leaves inside (04-01, 06-30], d on day 91 (outside)
    assert lab.to_dict("list") == {"customer_id": ["a", "c", "d"], "label": [0, 1, 0]}


# --- evidence, warnings ----------------------------------------------------------------------


def _tagged_turns() -> tuple[pd.DataFrame, pd.DataFrame]:
    turns = pd.DataFrame({
        "conversation_id": ["v1", "v1", "v2", "v3"],
        "turn": [0, 1, 0, 0],
        "speaker": ["agent", "customer", "customer", "customer"],
        "text": ["您好", "我手机13812345678，再乱扣年费我就销户，把钱全部转到别的银行去",
                 "我要向银保监会投诉你们", "以后再说吧，我要销户"],
    })
    res = cx.tag(turns)
    conv = pd.DataFrame({"conversation_id": ["v1", "v2", "v3"], "customer_id": ["C1", "C1", "C1"],
                         "started_at": pd.to_datetime(["2025-03-01", "2025-02-01", "2025-09-01"])})
    return res.turns, conv


def test_evidence_is_masked_ranked_and_respects_as_of():
    turns, conv = _tagged_turns()
    ev = churn_evidence(turns, conv, as_of="2025-06-01", max_chars=60)
    quotes = ev["C1"]
    assert len(quotes) == 2  # the 09-01 conversation is after as_of
    assert "13812345678" not in " ".join(quotes)
    assert quotes[0].startswith("我手机[手机号]")
    assert "销户" in quotes[0]  # churn intent ranks before escalation
    assert "银保监会" in quotes[1]
    short = churn_evidence(turns, conv, as_of="2025-06-01", max_chars=12)["C1"][0]
    assert len(short) <= 14 and "销户" in short and "1381234" not in short


def test_warnings_rank_levels_actions_and_evidence():
    turns, conv = _tagged_turns()
    p = portrait_frame([
        {"customer_id": "C1", "churn_intent": True, "escalation": True, "complaints_30d": 2,
         "complaints_90d": 2},
        {"customer_id": "C2", "churn_intent": True, "complaints_90d": 2, "categories": ["fees"]},
        {"customer_id": "C3", "tier": "diamond", "tier_name": "钻石", "complaints_90d": 1},
        {"customer_id": "C4"},
        {"customer_id": "C5", "assets_trend_3m": -0.29},
        {"customer_id": "C6", "assets_trend_3m": -0.3},
    ])
    w = churn_warnings(p, turn_tags=turns, conversations=conv)
    assert w["customer_id"].tolist() == ["C1", "C2", "C6", "C3", "C4", "C5"]
    assert w["risk_score"].tolist() == [0.7, 0.4, 0.15, 0.1, 0.0, 0.0]
    assert w["risk_level"].tolist() == ["高", "中", "低", "低", "低", "低"]
    assert w["suggested_action"].tolist() == ["升级处理", "减免/补偿评估", "理财经理联系",
                                              "理财经理联系", "回访", "回访"]
    assert len(w.loc[0, "evidence"]) == 2  # as_of from the portraits (2025-07-01)
    assert "13812345678" not in str(w["evidence"].tolist())
    assert w.loc[4, "evidence"] == [] and w.loc[4, "reasons"] == []  # C4
    assert len(w.loc[0, "reasons"]) == 3 and w.loc[0, "reasons"][0]["contribution"] == 30.0
    assert churn_warnings(p, top=2)["customer_id"].tolist() == ["C1", "C2"]


def test_model_warnings_carry_contributions():
    p, y = random_portraits(300, 4)
    m = ChurnModel().fit(p, y)
    w = churn_warnings(p, model=m)
    assert (w["method"] == "model").all()
    assert w["risk_score"].is_monotonic_decreasing
    top = w.iloc[0]
    assert top["reasons"] and all(r["contribution"] > 0 for r in top["reasons"])
    assert "：" in top["reasons"][0]["reason"]
    assert set(w["risk_level"]) <= {"高", "中", "低"}


# --- backtest --------------------------------------------------------------------------------


def _fake_source(n: int = 400, seed: int = 5):
    """Customers with churn dates and a fake portrait builder that sees only the past."""
    rng = np.random.default_rng(seed)
    intent = rng.random(n) < 0.2
    risk = 1 / (1 + np.exp(-(-3.2 + 2.5 * intent)))
    churn_day = np.where(rng.random(n) < risk * 3, rng.integers(0, 365, n), -1)
    at = [pd.Timestamp("2025-01-01") + pd.Timedelta(days=int(d)) if d >= 0 else pd.NaT
          for d in churn_day]
    customers = pd.DataFrame({"customer_id": [f"C{i:03d}" for i in range(n)], "churned_at": at})
    calls: list[pd.Timestamp] = []

    def build(source, *, as_of):
        calls.append(pd.Timestamp(as_of))
        p, _ = random_portraits(n, seed)
        p["customer_id"] = customers["customer_id"]
        p["churn_intent"] = intent
        return p

    return {"customers": customers}, build, calls


def test_backtest_time_split_and_guard():
    source, build, calls = _fake_source()
    res = backtest_churn(source, train_as_of=["2025-03-01", "2025-04-01"],
                         test_as_of="2025-07-01", build=build, k=[20])
    assert [str(c.date()) for c in calls] == ["2025-03-01", "2025-04-01", "2025-07-01"]
    assert set(res.metrics) == {"rules", "structured", "text"}
    assert res.split["n_test"] == len(res.predictions)
    assert res.split["test_positives"] == int(res.predictions["label"].sum())
    expect = churn_labels(source["customers"], "2025-07-01")
    assert res.predictions["customer_id"].tolist() == expect["customer_id"].tolist()
    # the planted text signal (churn intent) beats structured features on the test window
    assert res.metrics["text"]["roc_auc"] > res.metrics["structured"]["roc_auc"]
    assert "brier" in res.metrics["text"] and "brier" not in res.metrics["rules"]
    with pytest.raises(CxTextError, match="after test_as_of"):
        backtest_churn(source, train_as_of="2025-05-01", test_as_of="2025-07-01", build=build)


def test_churn_auto_picks_model_with_labels_and_rules_without():
    source, build, _ = _fake_source()
    conv = pd.DataFrame({"conversation_id": ["v1"], "customer_id": ["C000"],
                         "started_at": [pd.Timestamp("2025-09-30")]})
    w = churn({**source, "conversations": conv}, build=build, method="auto")
    assert (w["method"] == "model").all()
    gone = source["customers"].query("churned_at <= '2025-10-01'")["customer_id"]
    assert not set(w["customer_id"]) & set(gone)
    no_labels = {"customers": source["customers"][["customer_id"]], "conversations": conv}
    w2 = churn(no_labels, build=build)
    assert (w2["method"] == "rules").all() and len(w2) == len(source["customers"])


# --- end to end on a store, and the CLI ------------------------------------------------------


@pytest.fixture(scope="module")
def small_store(tmp_path_factory, small_corpus):
    from cxtext.cli import main

    path = tmp_path_factory.mktemp("warn") / "s.duckdb"
    assert main(["load", str(path), str(small_corpus)]) == 0
    assert main(["tag", str(path), "--quiet"]) == 0
    return path


def test_cli_warn_on_a_store(small_store, tmp_path, capsys):
    from cxtext.cli import main
    from cxtext.store import Store

    capsys.readouterr()
    out = tmp_path / "warn.xlsx"
    rc = main(["warn", str(small_store), "--out", str(out), "--top", "5", "--as-of", "2025-02-01"])
    text = capsys.readouterr().out
    assert rc == 0, text
    assert "rule scorer" in text  # 80 conversations hold too few churn events for the model
    lines = [ln for ln in text.splitlines() if ln.strip().startswith(("1 ", "2 ", "3 "))]
    assert len(lines) == 3
    back = pd.read_excel(out)
    assert len(back) == 5 and back["risk_score"].is_monotonic_decreasing
    with Store(small_store) as s:
        stored = s.read_table("warnings")
        conv = s.read_table("conversations")
        cust = s.read_table("customers")
    seen = set(conv.loc[conv["started_at"] < "2025-02-01", "customer_id"])
    active = set(churn_labels(cust, "2025-02-01")["customer_id"])
    assert set(stored["customer_id"]) == active  # the already-gone are not warned about
    ranked = stored.sort_values("rank")
    assert ranked["rank"].tolist() == list(range(1, len(stored) + 1))
    assert ranked["customer_id"].tolist()[:5] == back["customer_id"].tolist()
    # evidence comes only from conversations before as-of, from the customer's own turns
    with_ev = stored[stored["evidence"].map(len) > 0]
    assert len(with_ev) and set(with_ev["customer_id"]) <= seen
    assert main(["warn", str(small_store), "--method", "model"]) == 2
    assert "churn events" in capsys.readouterr().err


def test_store_evidence_is_masked(tmp_path):
    from cxtext.store import Store

    turns = pd.DataFrame({
        "conversation_id": ["v1", "v1", "v2"], "turn": [0, 1, 0],
        "speaker": ["agent", "customer", "customer"],
        "text": ["您好", "我电话13812345678，你们再乱扣年费我就销户", "谢谢"],
        "customer_id": ["C1", "C1", "C2"],
        "started_at": ["2025-03-01 10:00", "2025-03-01 10:00", "2025-03-02 11:00"]})
    # keep_pii: the store holds the raw number; the warning must still mask it
    with Store(tmp_path / "s.duckdb") as s:
        s.load(turns=turns, mask_pii=False)
        s.tag()
        w = churn(s, method="rules")
    top = w.iloc[0]
    assert top["customer_id"] == "C1" and top["evidence"]
    assert "13812345678" not in str(w.to_dict("list"))
    assert "[手机号]" in top["evidence"][0]

"""The balances CRM table: reading, validation, and the portrait / churn columns it feeds."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import cxtext as cx
from cxtext._balances import normalise_balances
from cxtext.churn import churn_features, score_churn_rules


def _source(balances: pd.DataFrame | None) -> dict:
    conv = pd.DataFrame({"conversation_id": ["c1", "c2"], "customer_id": ["u1", "u2"],
                         "started_at": ["2025-03-05 10:00", "2025-03-06 11:00"],
                         "channel": ["phone", "app"]})
    tags = pd.DataFrame({"conversation_id": ["c1", "c2"], "sentiment_mean": [0.0, 0.0],
                         "sentiment_worst": [0.0, 0.0], "sentiment_label": ["neu", "neu"],
                         "emotion_label": ["neutral", "neutral"], "categories": [[], []]})
    src = {"conversations": conv, "conversation_tags": tags}
    if balances is not None:
        src["balances"] = balances
    return src


def _months(cid: str, values: list[float], start: str = "2025-01") -> pd.DataFrame:
    months = pd.period_range(start, periods=len(values), freq="M").strftime("%Y-%m")
    return pd.DataFrame({"customer_id": cid, "month": months, "avg_daily_assets": values})


def test_trend_uses_only_months_that_ended_before_as_of():
    bal = pd.concat([_months("u1", [100, 100, 100, 100, 40, 10]),   # Jan..Jun
                     _months("u2", [100, 110, 90, 100, 100, 100])])
    # as of 2025-05-01: Jan..Apr are known; April (100) against Jan..Mar (100): ln 1 = 0
    p = cx.build_portraits(_source(bal), as_of="2025-05-01").set_index("customer_id")
    assert p.loc["u1", "assets_recent"] == 100
    assert p.loc["u1", "assets_trend_3m"] == pytest.approx(0.0)
    assert "资产流出" not in p.loc["u1", "tag_line"]
    # as of 2025-05-15 May is still running: same as above
    p = cx.build_portraits(_source(bal), as_of="2025-05-15").set_index("customer_id")
    assert p.loc["u1", "assets_recent"] == 100
    # as of 2025-06-01: May (40) against Feb..Apr (100): ln 0.4
    p = cx.build_portraits(_source(bal), as_of="2025-06-01").set_index("customer_id")
    assert p.loc["u1", "assets_trend_3m"] == pytest.approx(math.log(0.4))
    assert p.loc["u1", "tag_line"].endswith("资产流出")
    assert p.loc["u2", "assets_trend_3m"] == pytest.approx(math.log(100 / ((110 + 90 + 100) / 3)))
    # fewer than four known months: no trend
    p = cx.build_portraits(_source(bal), as_of="2025-04-01").set_index("customer_id")
    assert p.loc["u1", "assets_recent"] == 100 and pd.isna(p.loc["u1", "assets_trend_3m"])


def test_without_balances_the_columns_are_empty_and_nothing_fires():
    p = cx.build_portraits(_source(None), as_of="2025-06-01")
    assert p["assets_trend_3m"].isna().all() and p["assets_recent"].isna().all()
    assert (churn_features(p, ["assets_trend"])["assets_trend"] == 0).all()
    assert not any(r["feature"] == "assets_outflow" for rs in score_churn_rules(p)["reasons"]
                   for r in rs)


def test_outflow_feeds_the_rule_scorer_and_the_model_feature():
    bal = _months("u1", [100, 100, 100, 100, 40])
    p = cx.build_portraits(_source(bal), as_of="2025-06-01")
    s = score_churn_rules(p).set_index("customer_id")
    assert [r["feature"] for r in s.loc["u1", "reasons"]] == ["assets_outflow"]
    assert s.loc["u1", "rule_points"] == 15 and s.loc["u2", "rule_points"] == 0
    f = churn_features(p, "structured").set_index(p["customer_id"])
    assert f.loc["u1", "assets_trend"] == pytest.approx(math.log(0.4))


def test_bad_rows_are_rejected_with_row_and_column():
    frame = pd.DataFrame({"customer_id": ["u1", "", "u1", "u2", "u2"],
                          "month": ["2025-01", "2025-02", "2025/13", "2025-01", "2025-01-20"],
                          "avg_daily_assets": ["1,000.5", "5", "7", "-3", "8"]})
    ok, rej = normalise_balances(frame, source="b.csv")
    assert ok.to_dict("list") == {"customer_id": ["u1", "u2"],
                                  "month": [pd.Timestamp("2025-01-01"), pd.Timestamp("2025-01-01")],
                                  "avg_daily_assets": [1000.5, 8.0]}
    assert rej["row"].tolist() == [3, 4, 5]
    assert rej["reason"].tolist() == [
        "customer_id: expected an id, got ''",
        "month: expected a month such as 2025-03, got '2025/13'",
        "avg_daily_assets: expected an amount >= 0, got '-3'"]
    assert (rej["source"] == "b.csv").all()
    with pytest.raises(cx.SchemaError, match="b.csv.*month"):
        normalise_balances(frame.drop(columns="month"), source="b.csv")


def test_read_corpus_reads_balances_and_reports_rejects(tmp_path):
    (tmp_path / "turns.csv").write_text(
        "conversation_id,speaker,text\nc1,客户,我要销户\n", encoding="utf-8")
    (tmp_path / "balances.csv").write_text(
        "customer_id,month,avg_daily_assets\nu1,2025-01,100\nu1,2025-02,abc\n"
        "u1,2025-03,5,7\n", encoding="utf-8")
    corpus = cx.read_corpus(tmp_path)
    assert len(corpus.balances) == 1 and "balances=1 rows" in repr(corpus)
    rej = corpus.rejects
    assert rej[["table", "source", "row"]].values.tolist() == [["balances", "balances.csv", 3],
                                                               ["balances", "balances.csv", 4]]
    assert rej["reason"].iloc[0] == "avg_daily_assets: expected an amount >= 0, got 'abc'"
    assert "4 field(s)" in rej["reason"].iloc[1]  # a ragged line is reported, not dropped


def test_demo_corpus_has_balances(demo_dir):
    corpus = cx.read_corpus(demo_dir)
    assert corpus.balances is not None and len(corpus.balances) > 10_000
    assert len(corpus.rejects) == 0


def test_store_loads_balances_once_and_portraits_read_them(demo_dir, tmp_path):
    with cx.Store(tmp_path / "s.duckdb") as store:
        first = store.load_corpus(demo_dir, mask_pii=False)
        assert first.inserted["balances"] > 10_000
        again = store.load_corpus(demo_dir, mask_pii=False)
        assert again.inserted["balances"] == 0
        assert again.skipped["balances"] == first.inserted["balances"]
        assert "balances" in store.tables()
        store.con.execute("CREATE TABLE conversation_tags AS SELECT conversation_id, "
                          "0.0 AS sentiment_mean FROM conversations")
        p = cx.build_portraits(store, as_of="2025-10-01")
    assert p["assets_trend_3m"].notna().mean() > 0.8


def test_store_load_takes_a_balances_frame():
    bal = _months("u1", [100, 100, 100, 100, 40])
    bad = pd.DataFrame({"customer_id": ["u1"], "month": ["later"], "avg_daily_assets": [1]})
    with cx.Store() as store:
        rep = store.load(balances=pd.concat([bal, bad], ignore_index=True))
        assert rep.inserted["balances"] == 5 and rep.n_rejected == 1
        assert store.load(balances=bal).inserted["balances"] == 0
        conv = _source(None)
        store.load(conversations=conv["conversations"])
        store.write_table("conversation_tags", conv["conversation_tags"])
        p = cx.build_portraits(store, as_of="2025-06-01").set_index("customer_id")
    assert p.loc["u1", "assets_trend_3m"] == pytest.approx(math.log(0.4))
    with pytest.raises(TypeError, match="balances must be a DataFrame"):
        cx.Store().load(balances="balances.csv")

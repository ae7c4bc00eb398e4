"""Customer portraits: exact values on hand-made frames, sensible ones on the demo corpus."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import cxtext as cx

AS_OF = pd.Timestamp("2025-07-01")
NAN = float("nan")


def _conv_rows() -> list[tuple]:
    # id, customer, started_at, channel, resolved,
    # sentiment_mean, worst, label, emotion, churn, escalation, repeat, urgency, categories
    return [
        ("a1", "u1", "2025-06-25 10:00", "phone", False, -0.6, -0.9, "neg", "anger",
         True, False, False, False, ["wealth"]),
        ("a2", "u1", "2025-06-27 11:00", "phone", True, -0.2, -0.4, "neu", "anger",
         False, False, False, False, ["wealth", "fees"]),
        ("a3", "u1", "2025-05-01 15:00", "app", None, 0.4, 0.1, "pos", "joy",
         False, False, False, False, ["other"]),
        ("a4", "u1", "2025-01-10 20:00", "online_chat", None, 0.2, -0.1, "neu", "sadness",
         False, True, False, False, ["marketing"]),
        ("a5", "u1", "2024-05-01 09:00", "phone", None, -0.5, -0.7, "neg", "anger",
         False, False, False, False, []),
        # at and after the cut-off: never counted
        ("a6", "u1", "2025-07-01 00:00", "phone", False, -1.0, -1.0, "neg", "anger",
         True, True, False, False, ["fraud"]),
        ("a7", "u1", "2025-08-01 12:00", "phone", False, -1.0, -1.0, "neg", "anger",
         True, True, False, False, ["fraud"]),
        ("b1", "u2", "2025-03-01 08:00", "branch", True, 0.1, 0.0, "neu", "neutral",
         False, False, False, False, ["other"]),
        ("d1", "u4", "2025-06-30 23:30", "email", None, NAN, NAN, None, None,
         False, False, False, False, ["fees"]),
        ("e1", "u6", "2025-05-20 10:00", "phone", None, -0.3, -0.5, "neg", "anger",
         False, False, False, False, []),
        ("e2", "u6", "2025-05-29 10:00", "phone", None, -0.3, -0.5, "neg", "sadness",
         False, False, True, False, []),
        ("f1", "u5", "2025-07-02 10:00", "phone", None, 0.0, 0.0, "neu", "neutral",
         False, False, False, False, []),
    ]


def _frames() -> dict[str, pd.DataFrame]:
    rows = _conv_rows()
    conv = pd.DataFrame({
        "conversation_id": [r[0] for r in rows], "customer_id": [r[1] for r in rows],
        "started_at": [r[2] for r in rows], "channel": [r[3] for r in rows],
        "resolved": [r[4] for r in rows],
    })
    tags = pd.DataFrame({
        "conversation_id": [r[0] for r in rows],
        "sentiment_mean": [r[5] for r in rows], "sentiment_worst": [r[6] for r in rows],
        "sentiment_label": [r[7] for r in rows], "emotion_label": [r[8] for r in rows],
        "intent_churn": [r[9] for r in rows], "intent_escalation": [r[10] for r in rows],
        "intent_repeat": [r[11] for r in rows], "intent_urgency": [r[12] for r in rows],
        "categories": [r[13] for r in rows],
    })
    crm = pd.DataFrame({
        "customer_id": ["u1", "u2", "u3"],
        "avg_daily_assets": [2_000_000, 150_000, NAN],
        "tier": [None, None, "钻石"],
        "tenure_months": [36, 5, 120],
        "products": ["借记卡;信用卡;理财", "借记卡", None],
    })
    return {"conversations": conv, "conversation_tags": tags, "customers": crm}


@pytest.fixture(scope="module")
def portraits() -> pd.DataFrame:
    return cx.build_portraits(_frames(), as_of=AS_OF).set_index("customer_id")


def test_one_row_per_customer_crm_and_seen(portraits: pd.DataFrame) -> None:
    # CRM customers (u3 never called) plus customers seen before as_of (u4, u6); u5's only
    # contact is after the cut-off and u5 is not in the CRM table
    assert portraits.index.tolist() == ["u1", "u2", "u3", "u4", "u6"]
    assert (portraits["as_of"] == AS_OF).all()


def test_windows_and_cut_off(portraits: pd.DataFrame) -> None:
    u1 = portraits.loc["u1"]
    got = [int(u1[f"{k}_{w}d"]) for w in (30, 90, 365) for k in ("contacts", "complaints")]
    assert got == [2, 2, 3, 2, 4, 3]
    assert (int(u1["contacts_total"]), int(u1["complaints_total"])) == (5, 4)
    assert u1["first_contact_at"] == pd.Timestamp("2024-05-01 09:00")
    assert u1["last_contact_at"] == pd.Timestamp("2025-06-27 11:00")
    assert u1["days_since_last_contact"] == 3
    # a6 (at as_of) and a7 (after) would add fraud, churn dates and escalation dates
    assert "fraud" not in u1["categories"]
    assert u1["churn_intent_first_at"] == u1["churn_intent_last_at"] == \
        pd.Timestamp("2025-06-25 10:00")
    assert u1["escalation_last_at"] == pd.Timestamp("2025-01-10 20:00")


def test_crm_columns_and_tiers(portraits: pd.DataFrame) -> None:
    assert portraits["tier"].tolist()[:3] == ["platinum", "gold", "diamond"]
    assert portraits["tier"].iloc[3:].isna().all()          # not in the CRM table
    assert portraits["tier_name"].tolist()[:3] == ["白金", "金卡", "钻石"]
    assert portraits.loc["u1", "n_products"] == 3
    assert portraits.loc["u2", "n_products"] == 1
    assert pd.isna(portraits.loc["u3", "n_products"])
    assert portraits.loc["u1", "tenure_months"] == 36


def test_categories_emotion_and_sentiment(portraits: pd.DataFrame) -> None:
    u1 = portraits.loc["u1"]
    assert u1["categories"] == ["wealth", "fees", "marketing", "other"]
    assert u1["top_category"] == "wealth"
    assert u1["emotion_label"] == "anger"
    assert u1["emotion_mix"] == {"anger": 0.6, "sadness": 0.2, "joy": 0.2}
    assert list(u1["emotion_mix"]) == ["anger", "sadness", "joy"]       # taxonomy order
    assert u1["sentiment_mean"] == pytest.approx(-0.14)
    assert u1["sentiment_worst"] == pytest.approx(-0.9)
    # last 90 days (a1, a2, a3) minus earlier (a4, a5)
    assert u1["sentiment_trend"] == pytest.approx((-0.6 - 0.2 + 0.4) / 3 - (0.2 - 0.5) / 2)
    # a tie between anger and sadness goes to the most recent; neutral only when nothing else
    assert portraits.loc["u6", "emotion_label"] == "sadness"
    assert portraits.loc["u6", "emotion_mix"] == {"anger": 0.5, "sadness": 0.5}
    assert portraits.loc["u2", "emotion_label"] == "neutral"
    assert portraits.loc["u2", "sentiment_trend"] == 0.0          # no recent side
    assert pd.isna(portraits.loc["u4", "emotion_label"])
    assert portraits.loc["u4", "categories"] == ["fees"]


def test_flags_counts_and_preferences(portraits: pd.DataFrame) -> None:
    u1 = portraits.loc["u1"]
    assert bool(u1["churn_intent"]) and bool(u1["escalation"])
    assert u1["repeat_contacts"] == 1          # a2 within 7 days of a1
    assert portraits.loc["u6", "repeat_contacts"] == 1     # e2 tagged repeat (9 days later)
    assert u1["unresolved_contacts"] == 1
    assert u1["channel_preferred"] == "phone"
    assert u1["hours_preferred"] == "上午"
    assert portraits.loc["u4", "hours_preferred"] == "夜间"
    assert portraits.loc["u2", "hours_preferred"] == "上午"
    assert portraits["do_not_market"].tolist() == [True, False, False, False, False]
    assert not portraits.loc["u2", "churn_intent"]
    assert pd.isna(portraits.loc["u2", "churn_intent_first_at"])


def test_silent_crm_customer_has_zeros(portraits: pd.DataFrame) -> None:
    u3 = portraits.loc["u3"]
    assert u3["contacts_total"] == 0 and u3["complaints_30d"] == 0
    assert u3["categories"] == [] and u3["emotion_mix"] == {}
    assert pd.isna(u3["days_since_last_contact"]) and pd.isna(u3["last_contact_at"])
    assert u3["sentiment_trend"] == 0.0
    assert pd.isna(u3["style_patience"])
    assert u3["tag_line"] == "钻石客户·暂无联系记录"


def test_tag_lines(portraits: pd.DataFrame) -> None:
    assert portraits["tag_line"].to_dict() == {
        "u1": "白金客户·近30天投诉2次·愤怒·理财与基金亏损·有销户意向·扬言升级投诉·勿营销",
        "u2": "金卡客户",
        "u3": "钻石客户·暂无联系记录",
        "u4": "客户·近30天投诉1次·收费争议",
        "u6": "客户·近90天投诉2次·失望",
    }


def test_as_of_hides_the_future_exactly() -> None:
    frames = _frames()
    cut = pd.Timestamp("2025-06-26")
    full = cx.build_portraits(frames, as_of=cut)
    conv = frames["conversations"]
    past = {**frames, "conversations": conv[pd.to_datetime(conv["started_at"]) < cut]}
    pd.testing.assert_frame_equal(full, cx.build_portraits(past, as_of=cut))
    assert full.set_index("customer_id").loc["u1", "contacts_30d"] == 1


def test_default_as_of_and_custom_windows() -> None:
    p = cx.build_portraits(_frames(), windows=(7,)).set_index("customer_id")
    # midnight after the day of the last conversation (a7, 2025-08-01 12:00)
    assert (p["as_of"] == pd.Timestamp("2025-08-02")).all()
    assert "contacts_7d" in p.columns and "contacts_30d" not in p.columns
    assert p.loc["u1", "contacts_total"] == 7          # a6 and a7 now count
    assert p.loc["u1", "contacts_7d"] == 1
    assert "u5" in p.index


def test_bad_parameters_name_themselves() -> None:
    with pytest.raises(ValueError, match="windows"):
        cx.build_portraits(_frames(), windows=(0,))
    with pytest.raises(ValueError, match="as_of"):
        cx.build_portraits(_frames(), as_of="not a date")
    with pytest.raises(ValueError, match="thresholds"):
        cx.build_portraits(_frames(), thresholds={"nope": 1})
    with pytest.raises(cx.CxTextError, match="conversation_tags"):
        cx.build_portraits({"conversations": _frames()["conversations"]})


def _style_frames() -> dict[str, pd.DataFrame]:
    conv = pd.DataFrame({
        "conversation_id": ["s1", "s2", "s3", "s4"],
        "customer_id": ["terse", "polite", "hostile", "middle"],
        "started_at": ["2025-06-01 10:00"] * 4,
    })
    tags = pd.DataFrame({
        "conversation_id": ["s1", "s2", "s3", "s4"],
        "emotion_label": ["neutral", "neutral", "anger", "anger"],
        "intent_urgency": [False, False, True, False],
        "intent_escalation": [False, False, False, False],
        "categories": [[], [], [], []],
    })
    long_polite = ("请问一下我上个月在网点办的那张信用卡为什么到现在还没有寄到，"
                   "麻烦您帮我查一下，谢谢")
    turns = pd.DataFrame({
        "conversation_id": ["s1", "s1", "s1", "s2", "s2", "s3", "s3", "s3", "s3", "s4", "s4"],
        "turn": [0, 1, 2, 0, 1, 0, 1, 2, 3, 0, 1],
        "speaker": ["agent", "customer", "customer", "agent", "customer", "agent", "customer",
                    "agent", "customer", "agent", "customer"],
        "text": ["您好", "好的", "行", "您好", long_polite, "您好", "你们这个垃圾银行怎么回事",
                 "先生您别急", "我现在就要处理结果", "您好", "我想问一下信用卡年费是怎么收的"],
        "start_s": [0.0, 2.0, 4.0, 0.0, 3.0, 0.0, 1.0, 5.0, 6.0, NAN, NAN],
        "end_s": [2.0, 3.0, 5.0, 2.0, 10.0, 2.0, 5.0, 8.0, 9.0, NAN, NAN],
    })
    return {"conversations": conv, "conversation_tags": tags, "turns": turns}


def test_style_labels() -> None:
    p = cx.build_portraits(_style_frames(), as_of="2025-07-01").set_index("customer_id")
    assert p["style_verbosity"].to_dict() == {
        "hostile": "适中", "middle": "适中", "polite": "详细", "terse": "简短"}
    assert p.loc["terse", "turn_chars_mean"] == 1.5
    assert p["style_politeness"].to_dict() == {
        "hostile": "强硬", "middle": "一般", "polite": "礼貌", "terse": "一般"}
    assert p.loc["hostile", "hostile_rate"] == 0.5
    # an angry customer is not hostile for that alone; angry and threatening to escalate is
    frames = _style_frames()
    frames["conversation_tags"].loc[3, "intent_escalation"] = True
    q = cx.build_portraits(frames, as_of="2025-07-01").set_index("customer_id")
    assert q.loc["middle", "style_politeness"] == "强硬"
    # hostile: both customer turns start before the previous turn ended (1.0 < 2.0, 6.0 < 8.0)
    assert p.loc["hostile", "interruption_rate"] == 1.0
    assert p.loc["hostile", "impatience"] == pytest.approx(0.4 + 0.3)
    assert p["style_patience"].to_dict() == {
        "hostile": "急躁", "middle": "耐心", "polite": "耐心", "terse": "耐心"}
    # without turns the style columns are missing, not guessed
    no_turns = {k: v for k, v in _style_frames().items() if k != "turns"}
    q = cx.build_portraits(no_turns, as_of="2025-07-01")
    assert q["style_verbosity"].isna().all() and q["style_politeness"].isna().all()


def test_bad_service_and_wait_contacts() -> None:
    # bad service: a forbidden phrase, or an agent-quality score below 60; waiting: the
    # customer says so in a turn (several matching turns in one conversation count once)
    conv = pd.DataFrame({"conversation_id": ["q1", "q2", "q3", "q4", "q5"],
                         "customer_id": ["u1", "u1", "u1", "u2", "u1"],
                         "started_at": ["2025-06-01 10:00", "2025-06-02 10:00",
                                        "2025-06-03 10:00", "2025-06-04 10:00",
                                        "2025-07-02 10:00"]})
    tags = pd.DataFrame({"conversation_id": ["q1", "q2", "q3", "q4", "q5"],
                         "quality_forbidden": [1, 0, 0, 0, 2],
                         "quality_score": [85.0, 55.0, 60.0, NAN, 10.0],
                         "categories": [[], [], [], [], []]})
    turns = pd.DataFrame({
        "conversation_id": ["q1", "q1", "q2", "q3", "q4", "q5"],
        "turn": [0, 1, 0, 0, 0, 0],
        "speaker": ["customer", "customer", "agent", "customer", "customer", "customer"],
        "text": ["我等了二十分钟才转到人工", "排了半小时的队", "您等了很久吧", "好的谢谢",
                 "电话一直打不通", "等了一上午"],
        "start_s": [NAN] * 6, "end_s": [NAN] * 6,
    })
    frames = {"conversations": conv, "conversation_tags": tags, "turns": turns}
    p = cx.build_portraits(frames, as_of="2025-07-01").set_index("customer_id")
    # q5 is after the cut-off; q3's score of exactly 60 is not below the bar; the agent's
    # 您等了很久吧 is not the customer complaining
    assert p["bad_service_contacts"].to_dict() == {"u1": 2, "u2": 0}
    assert p["wait_contacts"].to_dict() == {"u1": 1, "u2": 1}
    # without quality columns no bad service is counted; without turns waiting is unknown
    no_quality = dict(frames, conversation_tags=tags.drop(
        columns=["quality_forbidden", "quality_score"]))
    q = cx.build_portraits(no_quality, as_of="2025-07-01")
    assert q["bad_service_contacts"].tolist() == [0, 0]
    r = cx.build_portraits({k: v for k, v in frames.items() if k != "turns"}, as_of="2025-07-01")
    assert r["wait_contacts"].isna().all()


def test_thresholds_can_be_overridden() -> None:
    p = cx.build_portraits(_style_frames(), as_of="2025-07-01",
                           thresholds={"impatient": 0.8}).set_index("customer_id")
    assert p.loc["hostile", "style_patience"] == "一般"


def test_store_source_matches_frames(small_corpus: Path) -> None:
    with cx.Store() as store:
        store.load_corpus(small_corpus)
        store.tag()
        from_store = cx.build_portraits(store, as_of="2025-04-01")
        few = store.read_table("customers").head(5).assign(avg_daily_assets=6e6, tier=None)
        override = cx.build_portraits(store, as_of="2025-04-01", customers=few)
        frames = {
            "conversations": store.read_table("conversations"),
            "conversation_tags": store.read_table("conversation_tags"),
            "customers": store.read_table("customers"),
            "turns": store.read_table("turns"),
        }
    from_frames = cx.build_portraits(frames, as_of="2025-04-01")
    pd.testing.assert_frame_equal(from_store, from_frames)
    assert len(from_store) == len(frames["customers"])
    assert from_store["contacts_total"].sum() == \
        (frames["conversations"]["started_at"] < pd.Timestamp("2025-04-01")).sum()
    # customers= replaces the store's CRM table: its 5 customers plus everyone seen
    conv = frames["conversations"]
    seen = set(conv.loc[conv["started_at"] < pd.Timestamp("2025-04-01"), "customer_id"])
    assert set(override["customer_id"]) == seen | set(few["customer_id"])
    by_id = override.set_index("customer_id")
    assert (by_id.loc[few["customer_id"], "tier_name"] == "钻石").all()
    assert by_id.drop(index=few["customer_id"])["tier"].isna().all()


def test_tag_result_source(small_corpus: Path) -> None:
    corpus = cx.read_corpus(small_corpus)
    ids = corpus.conversations["conversation_id"].head(10)
    result = cx.tag(corpus.turns[corpus.turns["conversation_id"].isin(ids)])
    p = cx.build_portraits((result, corpus.conversations), customers=corpus.customers)
    assert len(p) == len(corpus.customers)
    # the conversations table says who called; the ten tagged ones carry their tags
    assert p["contacts_total"].sum() == len(corpus.conversations)
    tagged = set(corpus.conversations.loc[corpus.conversations["conversation_id"].isin(ids),
                                          "customer_id"])
    assert set(p.loc[p["sentiment_mean"].notna(), "customer_id"]) == tagged


def test_demo_corpus_portraits(demo_dir: Path) -> None:
    """1,000 customers; tags taken from the generator's truth so the check is exact."""
    corpus = cx.read_corpus(demo_dir)
    truth = pd.read_csv(demo_dir / "truth.csv", dtype=str, keep_default_na=False)
    tags = pd.DataFrame({
        "conversation_id": truth["conversation_id"],
        "emotion_label": truth["emotion"].replace("", None),
        "intent_churn": truth["churn_threat"] == "true",
        "intent_escalation": truth["escalation_threat"] == "true",
        "intent_repeat": truth["repeat_contact"] == "true",
        "categories": [c.split(";") if c else [] for c in truth["categories"]],
    })
    p = cx.build_portraits({"conversations": corpus.conversations, "conversation_tags": tags,
                            "customers": corpus.customers, "turns": corpus.turns})
    assert len(p) == 1000 and p["customer_id"].is_unique
    assert (p["as_of"] == pd.Timestamp("2026-01-01")).all()
    crm = pd.read_csv(demo_dir / "customers.csv", dtype=str).set_index("customer_id")
    assert p.set_index("customer_id")["tier"].equals(crm["tier"].rename("tier"))
    assert p["contacts_total"].sum() == len(corpus.conversations)
    merged = truth.merge(corpus.conversations[["conversation_id", "customer_id"]])
    marketing = set(merged.loc[merged["categories"].str.contains("marketing"), "customer_id"])
    assert set(p.loc[p["do_not_market"], "customer_id"]) == marketing
    churn = set(merged.loc[merged["churn_threat"] == "true", "customer_id"])
    assert set(p.loc[p["churn_intent"], "customer_id"]) == churn
    assert (p["contacts_30d"] <= p["contacts_90d"]).all()
    assert (p["contacts_90d"] <= p["contacts_365d"]).all()
    assert (p["complaints_365d"] <= p["contacts_365d"]).all()
    assert p["tag_line"].str.match(r"^(普通|金卡|白金|钻石)客户").all()
    assert not p["tag_line"].map(lambda s: bool(re.search(r"\d{6,}", s))).any()
    # reports mask every cell: a tag line (no personal data by construction) must pass
    # unchanged, not lose its emotion and category to a dotted-name pattern (·愤怒·收费争议·)
    lines = p["tag_line"].drop_duplicates()
    assert lines.str.count("·").max() >= 3
    assert (cx.mask_pii_many(lines)["text"].to_numpy() == lines.to_numpy()).all()
    styles = (p["style_verbosity"] + "·" + p["style_politeness"] + "·"
              + p["style_patience"]).dropna().drop_duplicates()  # the report's 沟通风格
    assert len(styles) >= 10
    assert (cx.mask_pii_many(styles)["text"].to_numpy() == styles.to_numpy()).all()
    for col in ("style_verbosity", "style_politeness", "style_patience"):
        seen = p.loc[p["contacts_total"] > 0, col]
        assert seen.notna().all() and seen.nunique() == 3, col
    assert set(p["hours_preferred"].dropna()) <= {"上午", "下午", "晚上", "夜间"}
    assert np.isfinite(p["sentiment_trend"]).all()


def test_docstring_examples_run() -> None:
    import doctest

    import cxtext.portrait as module

    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted >= 6

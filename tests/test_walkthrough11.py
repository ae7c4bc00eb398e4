"""What an analyst and a researcher trip over when they follow README.md as written.

Session 11 walkthrough (h3): a fresh clone, every README snippet and command run as
written, then the obvious next steps and mistakes. Each test here fails at c98de24 (the
commit before the first fix), except test_gbk_stays_gbk_with_greek_pinyin_and_box_drawing,
a guard for the Big5 detection.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import cxtext as cx
from cxtext import cli, evaluate


class ConstantSentiment:
    """A backend that is not a cx.BaseTagger: only ``predict(texts) -> DataFrame``."""

    def predict(self, texts):
        texts = list(texts)
        return pd.DataFrame({"sentiment_score": [0.25] * len(texts),
                             "sentiment_label": ["pos"] * len(texts)})


class NoLabelSentiment:
    def predict(self, texts):
        return pd.DataFrame({"score": [0.0] * len(list(texts))})


TURNS = pd.DataFrame({
    "conversation_id": ["c1", "c1", "c2"],
    "speaker": ["customer", "agent", "customer"],
    "text": ["你们乱扣我年费", "您好", "再不处理我就销户"],
})


# --- README "Tagging": "Any object with predict(texts) -> DataFrame can be passed as backend=" --


def test_an_object_with_predict_is_a_backend():
    texts = pd.Series(["服务太差了", "谢谢"], index=[10, 11])
    out = cx.sentiment(texts, backend=ConstantSentiment())
    assert out.index.tolist() == [10, 11]
    assert out["sentiment_score"].tolist() == [0.25, 0.25]
    assert out["sentiment_label"].tolist() == ["pos", "pos"]


def test_tag_uses_an_object_with_predict():
    res = cx.tag(TURNS, sentiment_backend=ConstantSentiment())
    customer = res.turns["speaker"] == "customer"
    assert res.turns.loc[customer, "sentiment_score"].tolist() == [0.25, 0.25]
    assert res.turns.loc[customer, "sentiment_label"].tolist() == ["pos", "pos"]
    assert res.conversations["sentiment_mean"].tolist() == [0.25, 0.25]


def test_an_object_with_predict_is_checked():
    with pytest.raises(ValueError, match=r"NoLabelSentiment.*sentiment_score.*sentiment_label"):
        cx.sentiment(["服务太差了"], backend=NoLabelSentiment())
    with pytest.raises(TypeError, match="parameters"):
        cx.sentiment(["服务太差了"], backend=ConstantSentiment(), neg_threshold=-0.3)


def test_evaluate_takes_an_object_with_predict():
    res = evaluate.evaluate("sentiment", ["很好", "不错"], ["pos", "pos"],
                            backend=ConstantSentiment())
    assert res["backend"] == "ConstantSentiment"
    assert res["accuracy"] == 1.0


# --- README "Command line": a mistake prints one line 'cxtext <command>: error: ...' ------------


def test_eval_and_train_errors_name_the_command(tmp_path, capsys):
    data = tmp_path / "my_intents.csv"
    data.write_text("text,intent\n我要销户,churn\n", encoding="utf-8")
    assert cli.main(["eval", "intents", "--data", str(data)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cxtext eval: error: "), err
    assert "no column 'label'" in err
    assert cli.main(["train", "sentiment", "--data", str(tmp_path / "nope"),
                     "--out", str(tmp_path / "m")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cxtext train: error: "), err
    assert "no such file or folder" in err


def test_label_map_error_names_the_map_that_fits():
    with pytest.raises(ValueError, match=r"binary01"):
        evaluate.evaluate("sentiment", ["很好", "太差"], ["1", "0"], label_map="polarity")


def test_missing_public_data_says_where_it_looked(tmp_path, monkeypatch):
    monkeypatch.delenv("CXTEXT_SHARED_DATA", raising=False)
    monkeypatch.setattr(evaluate, "_REPO", tmp_path / "checkout")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(cx.CxTextError) as info:
        evaluate.load_dataset("smp2020_usual_eval")
    msg = str(info.value)
    assert str(tmp_path / "shared" / "data") in msg
    assert "CXTEXT_SHARED_DATA" in msg and "--data-dir" in msg
    assert "(none found)" not in msg


# --- README "Personal data": audit.write("data/interim") on a fresh machine ----------------


def test_audit_write_creates_the_folder(tmp_path):
    audit = cx.PiiAudit(run="2025-10 exports")
    cx.mask_pii_many(["电话13812345678"], audit=audit, step="turns.text")
    path = audit.write(tmp_path / "data" / "interim")
    assert path == tmp_path / "data" / "interim" / "audit.json"
    assert json.loads(path.read_text(encoding="utf-8"))["masked_per_type"]["phone"] == 1
    path = audit.write(tmp_path / "out" / "run1.json")
    assert path == tmp_path / "out" / "run1.json" and path.is_file()


def test_scan_outputs_of_a_missing_path(tmp_path, capsys):
    missing = tmp_path / "reports"
    with pytest.raises(cx.ReadError, match=r"^scan_outputs: no such file or folder: '.*reports'"):
        cx.scan_outputs(missing)
    assert cli.main(["audit-pii", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.count("audit-pii") == 1, err


# --- README "Churn": train_portraits and y; churn_labels from what the other calls take ---------


def test_churn_labels_takes_a_store_a_corpus_or_a_dict(tmp_path):
    customers = pd.DataFrame({"customer_id": ["a", "b", "c"],
                              "churned_at": [None, "2025-03-10", "2025-01-05"]})
    expected = cx.churn_labels(customers, "2025-02-01")
    assert expected["label"].tolist() == [0, 1]
    got = cx.churn_labels({"customers": customers}, "2025-02-01")
    pd.testing.assert_frame_equal(got, expected)
    corpus = cx.Corpus(conversations=cx.empty_table("conversations"),
                       turns=cx.empty_table("turns"), customers=customers, agents=None,
                       rejects=pd.DataFrame())
    pd.testing.assert_frame_equal(cx.churn_labels(corpus, "2025-02-01"), expected)
    with cx.Store(tmp_path / "cx.duckdb") as store:
        store.load(customers=customers.assign(tier="standard"))
        pd.testing.assert_frame_equal(cx.churn_labels(store, "2025-02-01"), expected)
    with pytest.raises(TypeError, match="churn_labels.*customers"):
        cx.churn_labels(["a"], "2025-02-01")


# --- CLI: a typo in the report name is caught before minutes of loading and tagging ------------


def test_report_name_is_checked_before_loading(tmp_path, capsys):
    rc = cli.main(["report", "corpus_profil", "--corpus", str(tmp_path / "no_such_corpus"),
                   "--out", str(tmp_path / "reports")])
    assert rc == 2
    err = capsys.readouterr().err
    assert "Unknown report 'corpus_profil'" in err
    assert "loading and tagging" not in err
    assert not (tmp_path / "reports").exists()


# --- readers: transcript lines without a role prefix are not "speaker labels" -------------------


def test_transcript_lines_without_role_prefix_get_a_useful_hint(tmp_path):
    path = tmp_path / "export.csv"
    pd.DataFrame({"编号": ["a", "a"], "说话人": ["客户", "客服"],
                  "通话记录": ["我要投诉年费", "您好"]}).to_csv(path, index=False)
    with pytest.raises(cx.SchemaError) as info:
        cx.read_turns(path)
    msg = str(info.value)
    assert "speaker_map={\"line" not in msg and "speaker_map={'line" not in msg
    assert "column_map={'通话记录': 'text'}" in msg


# --- store.load(strict=True): the advice is about store.load, not the readers ------------------


def test_store_strict_error_gives_store_advice(tmp_path):
    path = tmp_path / "dirty.csv"
    path.write_text("conversation_id,turn,speaker,text\na,0,customer,你好\na,x,customer,坏\n",
                    encoding="utf-8")
    with cx.Store(tmp_path / "cx.duckdb") as store, pytest.raises(cx.SchemaError) as info:
        store.load(turns=str(path), strict=True)
    msg = str(info.value)
    assert "return_rejects" not in msg
    assert "strict=True" in msg and "_rejects" in msg
    assert "dirty.csv, row 3" in msg


# --- README top to bottom: "Churn warning" uses the store the "Store" section's with-block closed -


def test_a_closed_store_says_so(tmp_path):
    with cx.Store(tmp_path / "cx.duckdb") as store:
        store.load(turns=TURNS.assign(turn=[0, 1, 0]))
    assert repr(store).endswith(": closed)")
    for call in (lambda: cx.churn(store, as_of="2025-10-01"),
                 lambda: cx.build_portraits(store, as_of="2025-10-01"),
                 lambda: store.read_table("turns")):
        with pytest.raises(cx.StoreError, match=r"is closed.*cx\.Store\("):
            call()
    store.close()  # again: nothing happens
    with cx.Store(tmp_path / "cx.duckdb") as again:
        assert len(again.read_table("turns")) == 3


# --- README: "cxtext eval intents ... or 销户/流失意向 …": the parts of the Chinese names --------


def test_intent_labels_as_a_labeller_writes_them():
    texts = ["再不处理我就销户", "我要去银保监会投诉你们", "请问年费怎么收", "钱马上转走"]
    short = evaluate.evaluate("intents", texts, ["销户", "升级投诉", "无", "流失意向"])
    ids = evaluate.evaluate("intents", texts, ["churn", "escalation", "none", "churn"])
    for key in ("micro_f1", "exact_match", "macro_f1"):
        assert short[key] == ids[key]
    assert ids["n"] == 4


# --- traditional Chinese: a Big5 (cp950) export from Taiwan or Hong Kong, traditional headers ---


BIG5_ROWS = ("會話ID,角色,內容\n"
             "c1,客戶,我的帳戶被凍結了，請儘快處理，不然我就銷戶\n"
             "c1,客服,您好，請問有什麼可以幫您？\n"
             "c2,客戶,信用卡年費亂扣，我要向銀保監會投訴\n")


def test_a_big5_export_is_read_not_turned_into_mojibake(tmp_path):
    path = tmp_path / "投訴匯出.csv"
    path.write_bytes(BIG5_ROWS.encode("cp950"))
    assert cx.detect_encoding(path) == "cp950"
    turns = cx.read_turns(path)
    assert turns[["conversation_id", "speaker", "text"]].values.tolist() == [
        ["c1", "customer", "我的帳戶被凍結了，請儘快處理，不然我就銷戶"],
        ["c1", "agent", "您好，請問有什麼可以幫您？"],
        ["c2", "customer", "信用卡年費亂扣，我要向銀保監會投訴"],
    ]
    assert cx.tag(turns).conversations["intent_churn"].tolist() == [True, False]


def test_gbk_stays_gbk_with_greek_pinyin_and_box_drawing():
    from cxtext import _encoding

    for text in ("客户姓名拼音：zhāng wěi，lǐ nà，wáng fāng\n温度30°C，α系数β",
                 "ΑΒΓΔ αβγδ ┌─┐│└┘ 您好我是客服，请问有什么可以帮您",
                 "日本語のテキスト、ひらがなカタカナ。客户说好的"):
        assert _encoding.decode_auto(text.encode("gb18030")).encoding == "gb18030"


def test_traditional_headers_find_the_aliases(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("會話編號,來電時間,說話人,對話內容\na,2025-09-01 10:00,客戶,我要銷戶\n",
                    encoding="utf-8")
    turns = cx.read_turns(path)
    assert turns[["conversation_id", "speaker", "text"]].values.tolist() == [
        ["a", "customer", "我要銷戶"]]
    assert str(turns.loc[0, "started_at"]) == "2025-09-01 10:00:00"


# --- parse_transcript without role prefixes: advice about roles, not about renaming columns ----


def test_transcript_without_roles_gets_role_advice():
    with pytest.raises(cx.SchemaError) as info:
        cx.parse_transcript("你好我要投诉")
    msg = str(info.value)
    assert "df.rename" not in msg and "speaker_map={'你好" not in msg
    assert "客服：" in msg and "speaker_map=" in msg and "return_rejects=True" in msg


# --- cx.Store in a folder that does not exist ------------------------------------------------


def test_store_in_a_missing_folder_says_so(tmp_path):
    with pytest.raises(cx.StoreError, match=r"folder '.*nodir' does not exist.*makedirs"):
        cx.Store(tmp_path / "nodir" / "cx.duckdb")


# --- pandas in, pandas out: the label helpers take a column; rollup says what it needs ---------


def test_label_helpers_take_a_column():
    assets = pd.Series([50_000.0, 2_000_000.0, np.nan, None], index=[5, 6, 7, 8])
    tiers = cx.tier_from_assets(assets)
    assert tiers.index.tolist() == [5, 6, 7, 8]
    assert tiers.tolist() == ["standard", "platinum", None, None]
    assert cx.tier_from_assets([100_000, pd.NA]) == ["gold", None]
    assert cx.tier_from_assets(pd.NA) is None
    with pytest.raises(TypeError, match="tier_from_assets.*50万"):
        cx.tier_from_assets("50万")
    emotions = pd.Series(["anger", "joy", None], index=[1, 2, 3])
    names = cx.display_name("emotion", emotions)
    assert names.index.tolist() == [1, 2, 3]
    assert names.tolist()[:2] == ["愤怒", "满意"] and pd.isna(names.iloc[2])
    assert cx.display_name("tier", ["gold", "x"]) == ["金卡", "x"]


def test_rollup_of_untagged_turns_says_what_to_pass():
    with pytest.raises(ValueError, match=r"rollup expects tagged turns.*cx\.tag\(turns\)"):
        cx.rollup(TURNS)


# --- a notebook cell ending with `result` or `profile` shows sizes, not every frame ------------


def test_results_print_short_in_a_notebook():
    result = cx.tag(TURNS)
    assert repr(result) == ("TagResult(turns=3 rows × 31 columns, "
                            "conversations=2 rows × 28 columns)")
    turns, conversations = result  # still unpacks
    assert len(turns) == 3 and len(conversations) == 2
    profile = cx.profile_corpus(TURNS.assign(started_at=["2025-03-01 09:00"] * 2
                                             + ["2025-04-02 10:00"]))
    assert repr(profile) == (
        "CorpusProfile(2 conversations, 2 customers, 3 turns, 2025-03-01 … 2025-04-02; "
        "tables: .summary, .by_month_channel, .by_channel, .lengths, .speakers, .pii)")
    assert "no start times" in repr(cx.profile_corpus(TURNS))


# --- typos: a misspelt column or backend parameter is named, with what it looks like ----------


def test_a_misspelt_column_is_pointed_at(tmp_path):
    path = tmp_path / "odd.csv"
    pd.DataFrame({"会话": ["a"], "谁": ["客户"], "说了什么": ["你好"]}).to_csv(path, index=False)
    with pytest.raises(cx.SchemaError, match="'conversation' looks like 'conversation_id'"):
        cx.read_turns(path, column_map={"会话": "conversation", "谁": "speaker",
                                        "说了什么": "text"})
    frame = pd.DataFrame({"conversation_id": ["a"], "speeker": ["customer"], "text": ["x"]})
    with pytest.raises(cx.SchemaError, match="'speeker' looks like 'speaker'"):
        cx.tag(frame)


def test_a_misspelt_backend_parameter_lists_the_parameters():
    with pytest.raises(TypeError, match=r"'lexicon'.*\['neg_treshold'\].*'neg_threshold'"):
        cx.sentiment(["服务太差了"], backend="lexicon", neg_treshold=-0.3)
    with pytest.raises(TypeError, match=r"'model' \(ModelSentimentTagger\).*'min_df'"):
        cx.sentiment(["服务太差了"], neg_threshold=-0.3)


# --- the researcher's own backend on the command line: cxtext eval --backend module:Class ------


def test_eval_takes_a_backend_of_your_own(tmp_path, monkeypatch, capsys):
    (tmp_path / "my_backends.py").write_text(
        "import pandas as pd\n\n"
        "class AlwaysNegative:\n"
        "    def predict(self, texts):\n"
        "        n = len(list(texts))\n"
        "        return pd.DataFrame({'sentiment_score': [-0.5] * n,\n"
        "                             'sentiment_label': ['neg'] * n})\n",
        encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    from cxtext.tags import base

    # the command registers the name in this process: give the test a registry of its own
    monkeypatch.setitem(base._REGISTRY, "sentiment", dict(base._REGISTRY["sentiment"]))
    data = tmp_path / "my_labelled.csv"
    data.write_text("text,label\n服务太差了,0\n非常满意,1\n乱扣费,0\n", encoding="utf-8")
    rc = cli.main(["eval", "sentiment", "--data", str(data), "--label-map", "binary01",
                   "--backend", "my_backends:AlwaysNegative"])
    out = capsys.readouterr()
    assert rc == 0, out.err
    res = json.loads(out.out)
    assert res["backend"] == "my_backends:AlwaysNegative"
    assert res["accuracy"] == round(2 / 3, 4)


# --- README: "cxtext report ... -p embedding=tfidf-svd" ------------------------------------------


def _fake_render(monkeypatch, tmp_path):
    from cxtext import report

    calls: dict[str, dict] = {}

    def render(name, out_dir, *, parameters=None, timeout_s=None, **_):
        calls[name] = dict(parameters or {})
        return report.RenderedReport(name, name, tmp_path / f"{name}.html", calls[name], 0.0)

    monkeypatch.setattr(report, "render_report", render)
    monkeypatch.setattr(report, "write_index", lambda *a, **k: tmp_path / "index.html")
    monkeypatch.setattr(report, "data_range", lambda *a, **k: "")
    return calls


def test_report_params_as_readme_writes_them(tmp_path, monkeypatch, capsys):
    pytest.importorskip("papermill")
    calls = _fake_render(monkeypatch, tmp_path)
    store = str(tmp_path / "cx.duckdb")
    rc = cli.main(["report", "all", "--store", store, "--out", str(tmp_path),
                   "-p", "embedding=tfidf-svd", "-p", "top_n=5", "-p", "backtest=false",
                   "-p", "as_of=2025-10-01"])
    assert rc == 0, capsys.readouterr().err
    assert calls["topics"] == {"store": store, "embedding": "tfidf-svd"}
    assert calls["churn_warning"] == {"store": store, "top_n": 5, "backtest": False,
                                      "as_of": "2025-10-01"}
    assert calls["corpus_profile"] == {"store": store}


def test_a_misspelt_report_param_fails_before_any_work(tmp_path, monkeypatch, capsys):
    pytest.importorskip("papermill")
    calls = _fake_render(monkeypatch, tmp_path)
    rc = cli.main(["report", "topics", "--corpus", str(tmp_path / "no_such_corpus"),
                   "--out", str(tmp_path), "-p", "embeding=tfidf-svd"])
    err = capsys.readouterr().err
    assert rc == 2 and not calls
    assert "'embeding' -> 'embedding'" in err and "loading and tagging" not in err
    assert cli.main(["report", "topics", "--store", "x.duckdb", "-p", "embedding"]) == 2
    assert "-p expects KEY=VALUE" in capsys.readouterr().err


def test_render_report_refuses_a_parameter_the_notebook_lacks(tmp_path):
    pytest.importorskip("papermill")
    with pytest.raises(cx.CxTextError, match=r"'sample_convs' -> 'sample_conversations'"):
        cx.render_report("corpus_profile", tmp_path, parameters={"sample_convs": 10})
    assert not list(tmp_path.iterdir())


# --- cx.churn(cx.tag(turns)): what build_portraits accepts, churn accepts ---------------------


def test_churn_takes_the_tag_result():
    turns = pd.DataFrame({"conversation_id": ["c1", "c1", "c2"],
                          "customer_id": ["u1", "u1", "u2"],
                          "started_at": ["2025-09-01 10:00"] * 2 + ["2025-09-03 09:00"],
                          "speaker": ["agent", "customer", "customer"],
                          "text": ["您好", "年费乱扣，再不处理我就销户", "查一下余额"]})
    res = cx.tag(turns)
    conversations = cx.conversations_from_turns(turns)
    expected = cx.churn({"conversations": conversations, "conversation_tags": res.conversations,
                         "turn_tags": res.turns}, as_of="2025-10-01")
    assert expected["customer_id"].tolist() == ["u1", "u2"]
    pd.testing.assert_frame_equal(cx.churn(res, as_of="2025-10-01"), expected)
    pd.testing.assert_frame_equal(cx.churn((res, conversations), as_of="2025-10-01"), expected)
    with pytest.raises(cx.CxTextError, match="no customer_id"):
        cx.churn(cx.tag(TURNS), as_of="2025-10-01")


def test_available_backends_without_a_task():
    assert cx.available_backends() == {"emotion": ["lexicon", "model", "snownlp"],
                                       "sentiment": ["lexicon", "model", "snownlp"]}
    assert cx.available_backends("emotion") == ["lexicon", "model", "snownlp"]


# --- dates as Chinese exports write them: 2025年9月1日 下午3点20分 ------------------------------


def test_chinese_dates_are_read(tmp_path):
    written = ["2025年09月01日 10:00:00", "2025年9月2日", "2025年9月3日 10时30分",
               "2025年9月4日下午3点20分", "２０２５年９月５日 10:00", "2025/09/06 08:00"]
    path = tmp_path / "calls.csv"
    pd.DataFrame({"会话ID": [f"c{i}" for i in range(6)], "来电时间": written,
                  "角色": ["客户"] * 6, "内容": ["我要销户"] * 6}).to_csv(path, index=False)
    turns = cx.read_turns(path)
    assert [str(t) for t in turns["started_at"]] == [
        "2025-09-01 10:00:00", "2025-09-02 00:00:00", "2025-09-03 10:30:00",
        "2025-09-04 15:20:00", "2025-09-05 10:00:00", "2025-09-06 08:00:00"]
    pd.DataFrame({"会话ID": ["a"], "来电时间": ["2025年13月1日"], "角色": ["客户"],
                  "内容": ["x"]}).to_csv(path, index=False)
    kept, rejects = cx.read_turns(path, return_rejects=True)
    assert len(kept) == 0 and "got '2025年13月1日'" in rejects.loc[0, "reason"]


# --- durations and amounts as exports write them -----------------------------------------------


def test_durations_and_amounts_with_units(tmp_path):
    path = tmp_path / "conversations.csv"
    pd.DataFrame({"会话ID": ["a", "b", "c", "d", "e"], "客户号": ["k"] * 5,
                  "来电时间": ["2025-09-01 10:00"] * 5,
                  "通话时长": ["00:03:20", "3:20", "3分20秒", "1小时2分3秒", "3:61"]}
                 ).to_csv(path, index=False)
    kept, rejects = cx.read_conversations(path, return_rejects=True)
    assert kept["duration_s"].tolist() == [200.0, 200.0, 200.0, 3723.0]
    assert len(rejects) == 1 and "'3:61'" in rejects.loc[0, "reason"]
    path = tmp_path / "customers.csv"
    assets = ["50万", "¥1,200", "1.2亿", "12000元"]
    pd.DataFrame({"客户号": ["k1", "k2", "k3", "k4"], "年日均金融资产": assets}).to_csv(
        path, index=False)
    customers = cx.read_customers(path)
    assert customers["avg_daily_assets"].tolist() == [500_000.0, 1_200.0, 120_000_000.0, 12_000.0]
    assert customers["tier"].tolist() == ["gold", "standard", "diamond", "standard"]


def test_resolved_as_ticket_systems_write_it(tmp_path):
    path = tmp_path / "conversations.csv"
    states = ["已解决", "解决", "已处理", "已办结", "未处理", "处理中", "待处理", "跟进中"]
    pd.DataFrame({"会话ID": [f"c{i}" for i in range(8)], "客户号": ["k"] * 8,
                  "是否解决": states}).to_csv(path, index=False)
    kept, rejects = cx.read_conversations(path, return_rejects=True)
    assert len(rejects) == 0
    assert kept["resolved"].tolist() == [True] * 4 + [False] * 4


def test_train_names_the_label_map_that_fits(tmp_path, capsys):
    data = tmp_path / "emo.csv"
    data.write_text("text,label\n气死我了,愤怒\n太好了谢谢,满意\n", encoding="utf-8")
    assert cli.main(["train", "emotion", "--data", str(data), "--out", str(tmp_path / "m"),
                     "--no-metrics", "--project", "none"]) == 2
    err = capsys.readouterr().err
    assert "know all of your labels are ['emotion7']" in err, err


def test_store_load_of_an_odd_file_says_how_to_map_it(tmp_path):
    path = tmp_path / "odd.csv"
    pd.DataFrame({"会话": ["a"], "谁": ["客户"], "说了什么": ["你好"]}).to_csv(path, index=False)
    with cx.Store(tmp_path / "cx.duckdb") as store:
        with pytest.raises(cx.SchemaError) as info:
            store.load(turns=path)
        msg = str(info.value)
        assert "return_rejects" not in msg
        assert f"cx.read_turns({str(path)!r}, column_map=..., speaker_map=...)" in msg
        assert "store.load(turns=frame)" in msg and "cxtext ingest" in msg
        turns = cx.read_turns(path, column_map={"会话": "conversation_id", "谁": "speaker",
                                                "说了什么": "text"})
        assert store.load(turns=turns).inserted["turns"] == 1


def test_a_corpus_folder_with_chinese_file_names_says_what_to_do(tmp_path):
    pd.DataFrame({"会话ID": ["a"], "角色": ["客户"], "内容": ["我要销户"]}).to_csv(
        tmp_path / "对话.csv", index=False)
    with pytest.raises(cx.ReadError, match=r"holds \['对话.csv'\].*turns.csv.*cx.read_turns"):
        cx.read_corpus(tmp_path)


def test_as_of_written_in_chinese():
    turns = pd.DataFrame({"conversation_id": ["c1", "c1"], "customer_id": ["u1", "u1"],
                          "started_at": ["2025-09-01 10:00"] * 2,
                          "speaker": ["agent", "customer"], "text": ["您好", "再不处理我就销户"]})
    res = cx.tag(turns)
    source = {"conversations": cx.conversations_from_turns(turns),
              "conversation_tags": res.conversations, "turn_tags": res.turns}
    a = cx.churn(source, as_of="2025年10月1日")
    b = cx.churn(source, as_of="2025-10-01")
    pd.testing.assert_frame_equal(a, b)
    with pytest.raises(ValueError, match="2025年13月1日"):
        cx.churn(source, as_of="2025年13月1日")


# --- a report notebook opened in JupyterLab runs in notebooks/, its corpus_dir is the root's ---


def test_report_notebook_run_from_its_folder_finds_the_corpus(tmp_path, monkeypatch):
    from cxtext import report

    (tmp_path / "notebooks").mkdir()
    (tmp_path / "corpora" / "mini").mkdir(parents=True)
    TURNS.to_csv(tmp_path / "corpora" / "mini" / "turns.csv", index=False)
    monkeypatch.setattr(report, "default_notebook_dir", lambda: tmp_path / "notebooks")
    monkeypatch.chdir(tmp_path / "notebooks")
    data = report.load_report_data(store="", corpus_dir="corpora/mini")
    assert data.source == "corpus" and len(data.turns) == 3
    with pytest.raises(cx.ReadError, match="no such file or folder: 'corpora/nope'"):
        report.load_report_data(store="", corpus_dir="corpora/nope")


def test_topic_model_load_of_a_missing_folder(tmp_path):
    with pytest.raises(cx.CxTextError, match="no such folder: '.*topics_model'"):
        cx.TopicModel.load(tmp_path / "topics_model")

"""Evaluation harness, label maps, data loaders and reproducible training."""

from __future__ import annotations

import hashlib
import importlib
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from cxtext.tags.sentiment import ModelSentimentTagger

# the modules, even if the package re-exports functions of the same names
ev = importlib.import_module("cxtext.evaluate")
tr = importlib.import_module("cxtext.train")


def test_classification_metrics_by_hand():
    res = ev.classification_metrics(
        ["neg", "neg", "pos", "neu", "pos"],
        ["neg", "pos", "pos", "neu", "neu"],
        ["neg", "neu", "pos"],
    )
    assert res["accuracy"] == 0.6
    assert res["per_class"]["neg"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "support": 2}
    assert res["per_class"]["pos"]["f1"] == 0.5
    assert res["macro_f1"] == round((2 / 3 + 2 / 3 + 0.5) / 3, 4)
    assert res["confusion_matrix"]["labels"] == ["neg", "neu", "pos"]
    assert res["confusion_matrix"]["matrix"] == [[1, 0, 1], [0, 1, 0], [0, 1, 1]]


def test_prediction_outside_the_label_space_is_a_miss():
    res = ev.classification_metrics(["neg", "pos"], ["neu", "pos"], ["neg", "pos"])
    assert res["confusion_matrix"]["labels"] == ["neg", "pos", "neu"]
    assert res["per_class"]["neg"]["recall"] == 0.0 and res["accuracy"] == 0.5


def test_evaluate_returns_every_metric():
    res = ev.evaluate(
        "sentiment",
        ["客服态度非常好，谢谢", "你们乱扣我年费，太过分了", None],
        ["pos", "neg", "neu"],
        backend="lexicon",
    )
    assert res["n"] == 2 and res["n_dropped"] == 1
    assert res["accuracy"] == 1.0
    for key in ("macro_f1", "per_class", "confusion_matrix", "docs_per_s", "labels"):
        assert key in res


def test_label_maps_and_decisions():
    texts = ["气死我了，你们怎么又乱扣钱", "我的卡被盗刷了怎么办，好着急", "谢谢，非常满意"]
    res = ev.evaluate(
        "emotion", texts, ["angry", "fear", "happy"], backend="lexicon", label_map="smp2020"
    )
    assert res["labels"] == ["anger", "anxiety", "joy", "neutral", "sadness", "surprise"]
    assert res["accuracy"] == 1.0
    binary = ev.evaluate(
        "sentiment",
        ["服务很好", "太差了", "你好"],
        ["1", "0", "1"],
        backend="lexicon",
        label_map="binary01",
    )
    assert binary["labels"] == ["neg", "pos"]
    assert binary["confusion_matrix"]["labels"] == ["neg", "pos", "neu"]  # 你好 scores 0
    pol = ev.evaluate(
        "sentiment", ["服务很好"], ["surprise"], backend="lexicon", label_map="smp2020_polarity"
    )
    assert pol["n"] == 0 and pol["n_dropped"] == 1  # surprise has no polarity
    with pytest.raises(ValueError, match="does not know the labels"):
        ev.evaluate("emotion", ["x"], ["rage"], backend="lexicon", label_map="smp2020")
    with pytest.raises(ValueError, match="not cxtext sentiment labels"):
        ev.evaluate("sentiment", ["x"], ["good"], backend="lexicon")
    with pytest.raises(ValueError, match="is for the emotion task"):
        ev.evaluate("sentiment", ["x"], ["angry"], label_map="smp2020")
    with pytest.raises(ValueError, match="'label_map' parameter of evaluate"):
        ev.evaluate("sentiment", ["x"], ["neg"], label_map="weibo")


def test_smp2020_folds_disgust_into_anger():
    out = pd.DataFrame(
        {
            f"emotion_{e}": [0.0]
            for e in ["anger", "disgust", "anxiety", "sadness", "surprise", "joy", "neutral"]
        }
    )
    out.loc[0, ["emotion_anger", "emotion_disgust", "emotion_joy"]] = [0.3, 0.25, 0.45]
    out["emotion_label"] = "joy"
    assert ev._decide("emotion", out, ev.LABEL_MAPS["smp2020"]) == ["anger"]
    assert ev._decide("emotion", out, ev.LABEL_MAPS["emotion7"]) == ["joy"]


def test_heldout_mask_is_stratified_and_fixed():
    labels = ["a"] * 50 + ["b"] * 30
    m1 = ev.heldout_mask(labels, 0.2)
    assert m1.sum() == 16 and m1[:50].sum() == 10 and m1[50:].sum() == 6
    assert (m1 == ev.heldout_mask(labels, 0.2)).all()
    groups = ["x", "x", "y", "y", "z", "w", "v", "u", "t", "s"]
    m2 = ev.heldout_mask(["a"] * 10, 0.5, groups=groups)
    assert m2[0] == m2[1] and m2[2] == m2[3] and m2.sum() in (3, 4, 5, 6)


def test_load_dataset_errors(tmp_path, monkeypatch):
    monkeypatch.setenv("CXTEXT_SHARED_DATA", str(tmp_path))
    with pytest.raises(ev.CxTextError, match="CXTEXT_SHARED_DATA"):
        ev.load_dataset("waimai_10k")
    with pytest.raises(ValueError, match="'name' parameter of load_dataset"):
        ev.load_dataset("imdb")
    with pytest.raises(ValueError, match="only"):
        ev.load_dataset("nlpcc2013", split="heldout")


def test_gold_sets_load():
    df = ev.load_dataset("gold_sentiment")
    assert len(df) > 600 and set(df["label"]) == {"neg", "neu", "pos"}
    intents = ev.load_dataset("gold_intents")
    assert all(isinstance(x, list) for x in intents["label"])


def test_project_training_examples_do_not_touch_the_gold_set():
    gold = {ev.dedup_key(t) for t in ev.load_dataset("gold_sentiment")["text"]}
    rows = [json.loads(x) for x in ev.PROJECT_TRAIN_FILE.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 300
    assert not [r["text"] for r in rows if ev.dedup_key(r["text"]) in gold]
    assert {r["source"] for r in rows} == {"project-written"}


def test_cli_on_a_table(tmp_path, capsys):
    data = tmp_path / "x.csv"
    pd.DataFrame({"文本": ["服务很好", "太差了"], "标签": ["1", "0"]}).to_csv(data, index=False)
    rc = ev.main(
        [
            "sentiment",
            "--data",
            str(data),
            "--text-col",
            "文本",
            "--label-col",
            "标签",
            "--label-map",
            "binary01",
            "--backend",
            "lexicon",
        ]
    )
    assert rc == 0
    res = json.loads(capsys.readouterr().out)
    assert res["macro_f1"] == 1.0 and res["label_map"] == "binary01"
    assert ev.main(["sentiment", "--data", str(data), "--backend", "lexicon"]) == 2
    assert "no column 'text'" in capsys.readouterr().err


def test_module_entry_point_runs():
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "cxtext.evaluate",
            "emotion",
            "--dataset",
            "gold_emotion",
            "--backend",
            "lexicon",
            "--limit",
            "50",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    res = json.loads(out)
    assert res["n"] == 50 and res["label_map"] == "gold"


# -- training ---------------------------------------------------------------------------------


def _synthetic(path: Path, seed: int = 0) -> Path:
    rng = np.random.RandomState(seed)
    parts = {
        "pos": ["服务很好", "非常满意", "谢谢你们", "很专业", "处理很快"],
        "neg": ["态度太差", "乱扣费", "很失望", "没人管", "太过分了"],
        "neu": ["请问年费", "几点开门", "怎么挂失", "我想查询", "账单日是"],
    }
    rows = []
    for _ in range(60):
        for lab, words in parts.items():
            text = (
                words[rng.randint(5)]
                + rng.choice(["", "，", "。", "啊", "的"])
                + words[rng.randint(5)]
            )
            rows.append({"text": text, "label": lab})
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return path


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_training_is_reproducible(tmp_path):
    data = _synthetic(tmp_path / "train.jsonl")
    rc = [
        tr.main(["sentiment", "--data", str(data), "--out", str(tmp_path / f"m{i}"), "--seed", "0"])
        for i in (1, 2)
    ]
    assert rc == [0, 0]
    for suffix in (".npz", ".vocab.json.gz"):
        assert _hash(tmp_path / "m1" / f"sentiment{suffix}") == _hash(
            tmp_path / "m2" / f"sentiment{suffix}"
        )
    card = json.loads((tmp_path / "m1" / "sentiment.json").read_text(encoding="utf-8"))
    assert card["seed"] == 0 and card["training"]["n_train"] == 180
    assert "python -m cxtext.train sentiment" in card["command"]
    tagger = ModelSentimentTagger(model=tmp_path / "m1")
    assert tagger.predict(["服务很好", "乱扣费", "几点开门"])["sentiment_label"].astype(
        str
    ).tolist() == ["pos", "neg", "neu"]
    assert (tmp_path / "m1" / "sentiment.md").read_text(encoding="utf-8").startswith("# cxtext")


def test_training_rejects_bad_tables(tmp_path, capsys):
    data = tmp_path / "bad.csv"
    pd.DataFrame({"text": ["好", "坏"], "label": ["good", "bad"]}).to_csv(data, index=False)
    assert tr.main(["sentiment", "--data", str(data), "--out", str(tmp_path / "m")]) == 2
    assert "--label-map" in capsys.readouterr().err


@pytest.mark.shared_data
def test_public_loaders_and_label_maps_cover_every_label(shared_data):
    sizes = {"smp2020_usual_eval": 2000, "cluemotion2020_valid": 3966}
    for name, spec in ev.DATASETS.items():
        if name.startswith("gold_"):
            continue
        df = ev.load_dataset(name, shared_data)
        assert list(df.columns[:2]) == ["text", "label"] and (df["text"] != "").all()
        assert set(map(str, df["label"])) <= set(ev.LABEL_MAPS[spec.label_map].mapping), name
        if name in sizes:
            assert len(df) == sizes[name]
    held = ev.load_dataset("finfe", shared_data, split="heldout")
    train = ev.load_dataset("finfe", shared_data, split="train")
    assert abs(len(held) / (len(held) + len(train)) - 0.2) < 0.01
    keys = {ev.dedup_key(t) for t in held["text"]}
    assert not keys & {ev.dedup_key(t) for t in train["text"]}  # repeated texts stay together


def test_intents_evaluation_reads_the_intents_tagger():
    pytest.importorskip("cxtext.tags.intents")
    res = ev.evaluate(
        "intents",
        ["你们再乱扣费我就销户", "请问销户需要什么材料", "我要去银保监会投诉你们"],
        [["churn"], [], {"escalation": True, "churn": False}],
    )
    assert res["labels"] == ["churn", "escalation", "repeat", "urgency"]
    assert res["per_class"]["churn"]["support"] == 1
    assert res["per_class"]["escalation"]["support"] == 1
    assert 0.0 <= res["macro_f1"] <= 1.0 and res["n"] == 3

"""The learned churn and escalation detectors beside the intent rules (issue #3)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxtext.tags import _intent_model
from cxtext.tags._linear import packaged_model_path
from cxtext.tags.intents import intents

CARD = packaged_model_path(_intent_model.MODEL_NAME)
REPO = Path(__file__).resolve().parents[1]

# written for these tests: leaving the bank without any of the rules' cues
MODEL_ONLY = ["算了，这家银行我以后不碰了", "你们的信用卡我以后再也不会办了",
              "我们单位以后的业务都不找你们了"]


def test_model_adds_churn_the_rules_have_no_cue_for_with_clause_evidence() -> None:
    rules = intents(MODEL_ONLY, model=False)
    both = intents(MODEL_ONLY)
    assert not rules["intent_churn"].any()
    assert both["intent_churn"].all()
    for text, ev in zip(MODEL_ONLY, both["intent_evidence"], strict=True):
        (hit,) = [d for d in ev if d["intent"] == "churn"]
        assert hit["rule"] == _intent_model.MODEL_RULE
        assert hit["text"] == text[hit["start"]:hit["end"]] and hit["text"]
    # the evidence is the clause the model scores highest, not the whole text
    ev = intents(["太差劲了，以后再也不会买了。"])["intent_evidence"].iloc[0]
    assert [(d["text"], d["start"]) for d in ev] == [("以后再也不会买了", 5)]


def test_model_never_overrides_a_rule_veto_or_an_agent_turn() -> None:
    # a churn cue the rules saw and dropped (negated, asked about, someone else's)
    vetoed = ["我不会销户的，就是问问", "销户需要带什么材料？", "我朋友说要把钱全转走"]
    got = intents(vetoed)
    assert not got["intent_churn"].any()
    assert got["intent_evidence"].tolist() == [[], [], []]
    agent = intents(MODEL_ONLY, speaker="agent")
    assert not agent[["intent_churn", "intent_escalation"]].to_numpy().any()


def test_model_false_is_the_rules_alone_and_rule_hits_are_unchanged() -> None:
    texts = ["如果再不处理我就销户", "我要向银保监会投诉你们", *MODEL_ONLY, "", None]
    rules, both = intents(texts, model=False), intents(texts)
    for col in ("intent_churn", "intent_escalation", "intent_repeat", "intent_urgency"):
        assert (both[col] | ~rules[col]).all()  # the model only adds
    assert both["intent_evidence"].iloc[0] == rules["intent_evidence"].iloc[0]
    assert both["intent_evidence"].iloc[1] == rules["intent_evidence"].iloc[1]


def test_short_or_ungated_texts_are_not_scored() -> None:
    model, thresholds, gate = _intent_model.intent_model()
    short = "以后不买了"  # 5 characters < MIN_CHARS
    assert len(short) < _intent_model.MIN_CHARS
    assert not intents([short])["intent_churn"].iloc[0]
    assert set(thresholds) == {"churn", "escalation"}
    assert gate.search("我") and not gate.search("好的谢谢")


def test_head_proba_is_the_softmax_within_each_head_of_decision_function() -> None:
    model, _, _ = _intent_model.intent_model()
    texts = ["ＡＴＭ吞了我的卡！！！！！ 銀行 http://t.cn/x 3000元", "以后再也不会买了", "好的",
             "哈哈哈哈哈，12.5元全取出来"]
    docs = _intent_model.model_texts(texts)
    assert docs == [_intent_model.model_text(d) for d in docs]  # idempotent
    assert _intent_model._model_texts_of([d for d in docs]) == docs
    np.testing.assert_array_equal(model.prepared_scores(docs), model.decision_function(docs))
    scores = model.decision_function(docs)
    proba = _intent_model.head_proba(model, docs)
    for head in ("churn", "escalation"):
        cols = [j for j, c in enumerate(model.classes) if c.startswith(head + "|")]
        block = np.exp(scores[:, cols])
        own = cols.index(model.classes.index(f"{head}|{head}"))
        np.testing.assert_allclose(proba[head], block[:, own] / block.sum(axis=1), rtol=1e-6)


_PIECES = st.sampled_from(
    ["a", "哈", "1", ".", " ", ":", "@", "\0", "\n", "www.", "http://x.cn/", "@张三", "哈哈哈哈"])


@given(st.lists(st.lists(_PIECES, max_size=8).map("".join), max_size=6))
@settings(max_examples=300, deadline=None)
def test_model_texts_of_a_batch_are_model_text_of_each(texts: list[str]) -> None:
    # URLs and mentions cleaned text by text, NUL inside a text, runs of empty texts
    assert _intent_model._model_texts_of(texts) == [_intent_model.model_text(t) for t in texts]


def test_head_proba_after_a_mood_batch_is_that_of_a_fresh_batch() -> None:
    # in cx.tag the detector reuses the n-grams sentiment/emotion cut from the same texts
    from cxtext.tags import _linear

    model, _, _ = _intent_model.intent_model()
    texts = ["以后再也不会买了", "你们再这样我就去银保监会投诉", "好的 谢谢 再见",
             "哈哈哈哈哈，12.5元全取出来", *MODEL_ONLY]
    docs = _intent_model.model_texts(texts)
    _linear._LAST_PAIRS[0] = None
    want = _intent_model.head_proba(model, docs)
    mood = _linear.prepare_many(texts)  # what the mood models read: some equal docs, some not
    held = [d in mood for d in docs]
    assert any(held) and not all(held)
    model.prepared_scores(mood)  # the mood batch's pairs are kept
    got = _intent_model.head_proba(model, docs)
    for head in want:
        np.testing.assert_array_equal(got[head], want[head])


def test_evidence_spans_of_a_batch_are_those_of_each_text_alone() -> None:
    model, _, _ = _intent_model.intent_model()
    hits = [("churn", "太差劲了，以后再也不会买了。"), ("escalation", "好的"), ("churn", "，，"),
            ("escalation", "你们再拖，我就去银保监会，真的"), ("churn", " 以后不来了 ，算了")]
    alone = [_intent_model.evidence_span(model, intent, text) for intent, text in hits]
    assert _intent_model.evidence_spans(model, hits) == alone
    assert alone[0] == (5, 13) and alone[1] == (0, 2) and alone[2] == (0, 2)


def test_card_records_data_cv_thresholds_and_checksums() -> None:
    card = json.loads(CARD.read_text(encoding="utf-8"))
    for name, meta in card["files"].items():
        data = (CARD.parent / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == meta["sha256"]
    for intent in ("churn", "escalation"):
        cv = card["cv"][intent]
        chosen = [r for r in cv["thresholds"] if r["threshold"] == card["thresholds"][intent]]
        assert chosen and chosen[0]["union_precision"] >= 0.98
    assert card["training"]["sources"]["gold_dev"]["n"] > 0
    assert "scikit-learn" in card["libraries"]
    md = CARD.with_suffix(".md").read_text(encoding="utf-8")
    assert card["files"]["intents.npz"]["sha256"] in md


def _train_intents_in(out: Path, env: dict[str, str]) -> dict:
    """``train_intent_model(out, seed=0)`` in a fresh process started with ``env`` (OpenBLAS
    reads ``OPENBLAS_CORETYPE`` once, when it loads); its card."""
    import subprocess
    import sys

    code = ("import json, sys; from pathlib import Path; from cxtext.train import "
            "train_intent_model as t; print(json.dumps(t(Path(sys.argv[1]), seed=0, "
            "repo=Path(sys.argv[2]), cross_validate=False)))")
    done = subprocess.run([sys.executable, "-c", code, str(out), str(REPO)], env=env,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_training_reproduces_the_shipped_files(tmp_path: Path) -> None:
    """Same data + seed -> the same .npz and .vocab.json.gz bytes as the shipped model, with
    the OpenBLAS kernels the card names (cxtext._blas)."""
    import os

    from cxtext._blas import can_run_core

    shipped = json.loads(CARD.read_text(encoding="utf-8"))
    core = shipped["libraries"]["blas_core"]
    if not can_run_core(core):
        pytest.skip(f"the shipped weights come from OpenBLAS's {core} kernels, which this CPU "
                    "cannot run")
    threads = str(shipped["libraries"]["blas_threads"])
    card = _train_intents_in(tmp_path, {**os.environ, "OPENBLAS_CORETYPE": core,
                                        "OPENBLAS_NUM_THREADS": threads})
    assert card["libraries"]["blas_core"] == core
    assert card["libraries"]["blas_threads"] == int(threads)
    vocab = "intents.vocab.json.gz"  # n-grams and idf: no solver involved
    assert card["files"][vocab] == shipped["files"][vocab]
    # The weights are lbfgs's stopping point, which moved between releases: scikit-learn
    # 1.4.2 / numpy 1.26 / scipy 1.17 (allowed by pyproject.toml) end elsewhere than the
    # card's libraries (coef up to ~1.0 apart; 78 of 11,255 distinct demo customer texts
    # change churn decision). Only the card's libraries promise the same bytes.
    solver_libs = ("numpy", "scipy", "scikit-learn")
    here = {k: card["libraries"][k] for k in solver_libs}
    if here != {k: shipped["libraries"][k] for k in solver_libs}:
        pytest.skip(f"weights are reproducible with the card's libraries, not {here}")
    assert card["files"] == shipped["files"]


def test_blas_core_is_recorded_and_known() -> None:
    from cxtext._blas import blas_core, can_run_core

    here = blas_core()
    assert here is None or all(part for part in here.split("/"))
    assert can_run_core("NoSuchCore") is False
    libraries = json.loads(CARD.read_text(encoding="utf-8"))["libraries"]
    assert libraries["blas_core"] == "SkylakeX" and libraries["blas_threads"] == 2

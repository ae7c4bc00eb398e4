"""Emotion backends on bank sentences, and the emotion model's files."""

from __future__ import annotations

import json

import numpy as np
import pytest

from cxtext.labels import EMOTIONS
from cxtext.tags import _linear
from cxtext.tags.emotion import (
    LexiconEmotionTagger,
    ModelEmotionTagger,
    SnowNLPEmotionTagger,
    emotion,
)


def labels(texts, **kw):
    return emotion(texts, **kw)["emotion_label"].astype(str).tolist()


def test_default_model_on_bank_sentences():
    assert labels(["气死我了，你们怎么又乱扣钱", "我的卡被盗刷了怎么办，好着急"]) == [
        "anger",
        "anxiety",
    ]
    assert labels(["谢谢你，问题解决了，非常满意", "请问网点几点开门"]) == ["joy", "neutral"]


def test_default_model_scores_and_intensity():
    out = ModelEmotionTagger().predict(["请问网点几点开门", "气死我了！！你们这群骗子"])
    assert out["emotion_intensity"].iloc[1] > out["emotion_intensity"].iloc[0]
    np.testing.assert_allclose(out["emotion_intensity"], 1 - out["emotion_neutral"])
    assert out["emotion_anger"].iloc[1] > 0.5


def test_model_card_documents_the_label_mapping():
    card_path = _linear.packaged_model_path("emotion")
    card = json.loads(card_path.read_text(encoding="utf-8"))
    assert card["classes"] == sorted(EMOTIONS)
    sources = {s["dataset"]: s for s in card["training"]["sources"]}
    assert "smp2020_usual_eval" not in sources  # the emotion test set is never trained on
    assert {"smp2020_usual_eval", "all"} <= set(card["training"]["never_trained_on"][0].values())
    md = card_path.with_suffix(".md").read_text(encoding="utf-8")
    assert "fear → anxiety" in md and "none → neutral" in md


def test_lexicon_emotions():
    lex = LexiconEmotionTagger()
    assert labels(
        [
            "气死我了，你们怎么又乱扣钱",
            "我的卡被盗刷了怎么办，好着急",
            "真的很失望，心都凉了",
            "天天打电话推销，烦死了",
            "竟然扣了我两百块",
            "非常感谢，服务很周到",
            "请问怎么开通手机银行",
        ],
        backend=lex,
    ) == ["anger", "anxiety", "sadness", "disgust", "surprise", "joy", "neutral"]
    assert labels(["我不生气，就是问问"], backend=lex) != ["anger"]
    weak, strong = lex.predict(["有点着急", "急死了！！！"])["emotion_intensity"]
    assert strong > weak > 0


def test_lexicon_custom_mapping_and_neutral_weight():
    custom = LexiconEmotionTagger(lexicon={"绝了": "joy", "离谱": [("anger", 3.0)]})
    assert labels(["真是绝了", "太离谱"], backend=custom) == ["joy", "anger"]
    shy = LexiconEmotionTagger(neutral_weight=100.0)
    assert labels(["有点着急"], backend=shy) == ["neutral"]
    with pytest.raises(Exception, match="expected one of"):
        LexiconEmotionTagger(lexicon={"x": "rage"}).predict(["x"])


def test_snownlp_emotion_is_polarity_derived():
    out = SnowNLPEmotionTagger().predict(["这个手机质量很好，非常喜欢", "质量太差了，很失望"])
    assert out["emotion_label"].astype(str).tolist() == ["joy", "anger"]
    never = ["disgust", "anxiety", "sadness", "surprise"]
    assert (out[[f"emotion_{e}" for e in never]].to_numpy() == 0).all()
    tagger = SnowNLPEmotionTagger().fit(["很好", "很差", "你好"], ["joy", "anger", "neutral"])
    assert len(tagger.thresholds_) == 2
    with pytest.raises(ValueError, match="must hold"):
        SnowNLPEmotionTagger().fit(["很好"], ["happy"])


def test_model_fit_on_small_data():
    texts = [
        "气死了",
        "太过分",
        "好着急",
        "怎么办啊",
        "谢谢你",
        "很满意",
        "几点开门",
        "怎么挂失",
    ] * 4
    y = ["anger", "anger", "anxiety", "anxiety", "joy", "joy", "neutral", "neutral"] * 4
    tagger = ModelEmotionTagger(min_df=1, C=10.0).fit(texts, y)
    assert tagger.classes_ == ["anger", "anxiety", "joy", "neutral"]
    out = tagger.predict(["气死了", "几点开门"])
    assert out["emotion_label"].astype(str).tolist() == ["anger", "neutral"]
    assert (out[["emotion_disgust", "emotion_sadness", "emotion_surprise"]].to_numpy() == 0).all()


def test_model_taggers_share_init_with_their_own_default_C():
    from cxtext.tags.sentiment import ModelSentimentTagger

    emo, sent = ModelEmotionTagger(), ModelSentimentTagger()
    assert emo.get_params()["C"] == 5.0 and sent.get_params()["C"] == 2.0
    assert set(emo.get_params()) == set(sent.get_params())
    assert repr(ModelEmotionTagger(C=5.0)) == "ModelEmotionTagger()"
    assert repr(ModelEmotionTagger(C=2.0, min_df=1)) == "ModelEmotionTagger(C=2.0, min_df=1)"
    assert ModelEmotionTagger("x", 3.0).C == 3.0 and ModelEmotionTagger("x", 3.0).model == "x"

"""ModelSentimentTagger/ModelEmotionTagger.fit take the Chinese label names cxtext shows, and a
data set's own labels (0/1 …) get an error naming the label maps that know them (session 11)."""

from __future__ import annotations

import pandas as pd
import pytest

import cxtext as cx

TEXTS = pd.Series(["服务很好，谢谢", "太差了，再也不来", "我查一下余额", "非常满意", "很失望",
                   "请问几点开门"] * 5)


def test_sentiment_fit_reads_chinese_names_as_the_same_labels():
    zh = pd.Series(["正面", "负面", "中性", "积极", "消极", "中性"] * 5)
    en = pd.Series(["pos", "neg", "neu", "pos", "neg", "neu"] * 5)
    a = cx.ModelSentimentTagger(random_state=0).fit(TEXTS, zh)
    b = cx.ModelSentimentTagger(random_state=0).fit(TEXTS, en)
    assert a.classes_ == b.classes_ == ["neg", "neu", "pos"]
    pd.testing.assert_frame_equal(a.predict(TEXTS), b.predict(TEXTS))


def test_emotion_fit_reads_chinese_names():
    y = pd.Series(["满意", "愤怒", "中性", "满意", "失望", "中性"] * 5)
    model = cx.ModelEmotionTagger(random_state=0).fit(TEXTS, y)
    assert model.classes_ == ["anger", "joy", "neutral", "sadness"]


def test_a_data_sets_own_labels_get_the_label_maps_that_know_them():
    with pytest.raises(ValueError) as exc:
        cx.ModelSentimentTagger().fit(TEXTS, pd.Series([1, 0, 1, 1, 0, 0] * 5))
    message = str(exc.value)
    assert "got ['0', '1']" in message
    assert "['binary01', 'finfe', 'finfe_negpos']" in message
    assert "LABEL_MAPS['binary01'].mapping" in message
    # the hint is runnable and gives labels fit accepts
    from cxtext.evaluate import LABEL_MAPS

    y = pd.Series([1, 0, 1, 1, 0, 0] * 5).astype(str).map(LABEL_MAPS["binary01"].mapping)
    assert cx.ModelSentimentTagger(random_state=0).fit(TEXTS, y).classes_ == ["neg", "pos"]
    with pytest.raises(ValueError, match=r"got \['开心', '难过'\]\.$"):  # no map knows them
        cx.ModelSentimentTagger().fit(TEXTS, pd.Series(["开心", "难过", "中性"] * 10))

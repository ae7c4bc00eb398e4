"""Emotion of Chinese customer text: one of :data:`cxtext.labels.EMOTIONS`, scores, intensity.

Labels: ``anger`` 愤怒, ``disgust`` 厌恶, ``anxiety`` 焦虑, ``sadness`` 失望, ``surprise`` 惊讶,
``joy`` 满意, ``neutral`` 中性. Every backend returns ``emotion_label``, ``emotion_intensity``
(0-1, how emotional the text is) and one ``emotion_<label>`` score column per class (the
scores of a row sum to 1).

``model`` (default) :class:`ModelEmotionTagger`
    Character 1-3-gram TF-IDF + multinomial logistic regression trained on SMP2020-EWECT
    (virus), NLPCC 2013 and CLUEmotion2020 mapped onto cxtext's labels (the mapping is in
    :data:`cxtext.evaluate.LABEL_MAPS` and the model card), plus project-written bank texts.
    ``emotion_intensity = 1 - P(neutral)``.
``lexicon`` :class:`LexiconEmotionTagger`
    Banking emotion lexicon (气死/乱扣 -> anger, 盗刷/着急/怎么办 -> anxiety, 失望/寒心 ->
    sadness, 恶心/骚扰 -> disgust, 竟然/怎么突然 -> surprise, 感谢/满意 -> joy) with the
    sentiment backend's negation, degree, adversative, rhetorical and exclamation rules.
``snownlp`` :class:`SnowNLPEmotionTagger`
    A crude baseline, only for comparison: snownlp has no emotion model, so its polarity is
    turned into an emotion (neg -> anger, neu -> neutral, pos -> joy).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from cxtext.labels import EMOTIONS
from cxtext.tags._lexicon import analyse
from cxtext.tags._linear import ModelTagger
from cxtext.tags.base import BaseTagger, labels_from_scores, make_tagger, tune_thresholds
from cxtext.tags.sentiment import resolve_lexicon, snownlp_probabilities

__all__ = ["LexiconEmotionTagger", "ModelEmotionTagger", "SnowNLPEmotionTagger", "emotion"]

_LABELS = list(EMOTIONS)
_NON_NEUTRAL = [e for e in _LABELS if e != "neutral"]


def emotion(texts: object, backend: str | BaseTagger = "model", **kwargs: Any) -> pd.DataFrame:
    """Dominant emotion, its intensity and per-class scores of each text.

    Parameters
    ----------
    texts : str, list of str or pandas.Series
        ``None``/``NaN`` give missing values; a blank text is neutral.
    backend : {"model", "lexicon", "snownlp"} or BaseTagger, default "model"
    **kwargs
        Parameters of the named backend.

    Returns
    -------
    pandas.DataFrame
        One row per text, in order (a Series' index is kept): ``emotion_label``
        (categorical, :data:`cxtext.labels.EMOTIONS` ids), ``emotion_intensity`` (0-1) and
        ``emotion_anger`` ... ``emotion_neutral`` (scores summing to 1).

    Examples
    --------
    >>> emotion(["气死我了，你们怎么又乱扣钱", "我的卡被盗刷了怎么办，好着急"]
    ...         )["emotion_label"].tolist()
    ['anger', 'anxiety']
    """
    return make_tagger("emotion", backend, kwargs).predict(texts)


def _pack(scores: np.ndarray, intensity: np.ndarray) -> dict[str, np.ndarray]:
    """Columns from a (n, 7) score matrix in :data:`EMOTIONS` order."""
    out: dict[str, np.ndarray] = {
        "emotion_label": np.asarray(_LABELS, dtype=object)[scores.argmax(axis=1)],
        "emotion_intensity": np.clip(intensity, 0.0, 1.0),
    }
    for j, lab in enumerate(_LABELS):
        out[f"emotion_{lab}"] = scores[:, j]
    return out


class ModelEmotionTagger(ModelTagger):
    """The default: a trained linear model on character n-grams, loaded from package data.

    Scores are the model's class probabilities (a class the model was not trained on scores
    0); the label is the most probable class; ``emotion_intensity = 1 - P(neutral)``. The
    shipped model (``model="default"``) is described in ``cxtext/resources/models/emotion.md``.

    Parameters
    ----------
    model : "default" or path, default "default"
        As for :class:`cxtext.tags.sentiment.ModelSentimentTagger` (folder: ``emotion.json``).
    C, ngram_range, min_df, max_features, class_weight, max_iter, random_state, word_ngram_range
        Used only by ``fit(texts, y)`` (``y`` in :data:`cxtext.labels.EMOTIONS`).

    Examples
    --------
    >>> ModelEmotionTagger().predict(["气死我了，你们怎么又乱扣钱"])["emotion_label"].tolist()
    ['anger']
    """

    task = "emotion"
    backend = "model"
    allowed_labels = tuple(EMOTIONS)
    default_C = 5.0

    def _outputs(self, proba: np.ndarray, classes: list[str]) -> dict[str, np.ndarray]:
        scores = np.zeros((len(proba), len(_LABELS)))
        for j, cls in enumerate(classes):
            scores[:, _LABELS.index(cls)] = proba[:, j]
        return _pack(scores, 1.0 - scores[:, _LABELS.index("neutral")])


class LexiconEmotionTagger(BaseTagger):
    """Rules over a banking emotion lexicon (see :mod:`cxtext.tags._lexicon`).

    Each emotion word adds its weight (x degree words, x clause weights) to its class; a
    negated one adds nothing (不生气). The neutral class gets ``neutral_weight``; scores are the
    weights divided by their sum; ``emotion_intensity = tanh(sum of emotion weights / 3)``.

    Parameters
    ----------
    lexicon : "bank" or mapping, default "bank"
        The built-in lexicon, or ``{word: emotion}`` / ``{word: [(emotion, weight), ...]}``
        replacing its emotion words.
    neutral_weight : float, default 1.0
        The neutral prior: a text needs emotion words weighing more than this to leave neutral.

    Examples
    --------
    >>> LexiconEmotionTagger().predict(["我的卡被盗刷了怎么办，好着急"])["emotion_label"].tolist()
    ['anxiety']
    """

    task = "emotion"
    backend = "lexicon"

    def __init__(
        self, lexicon: str | Mapping[str, object] = "bank", neutral_weight: float = 1.0
    ) -> None:
        self.lexicon = lexicon
        self.neutral_weight = neutral_weight

    def _predict_texts(self, texts: list[str]) -> dict[str, np.ndarray]:
        if not hasattr(self, "lexicon_"):
            lexicon = self.lexicon
            if isinstance(lexicon, Mapping):
                lexicon = {w: ((v, 2.0),) if isinstance(v, str) else v for w, v in lexicon.items()}
            self.lexicon_ = resolve_lexicon(lexicon, "emotion", type(self).__name__)
        raw = np.zeros((len(texts), len(_LABELS)))
        for i, text in enumerate(texts):
            emo = analyse(text, self.lexicon_).emotions
            for lab, value in emo.items():
                raw[i, _LABELS.index(lab)] = max(value, 0.0)
        strength = raw.sum(axis=1)
        raw[:, _LABELS.index("neutral")] = max(float(self.neutral_weight), 1e-9)
        scores = raw / raw.sum(axis=1, keepdims=True)
        return _pack(scores, np.tanh(strength / 3.0))


class SnowNLPEmotionTagger(BaseTagger):
    """Crude baseline: snownlp polarity turned into an emotion (for comparison only).

    snownlp has no emotion model. With ``s = 2p - 1`` (its sentiment probability ``p``):
    ``s < neg_threshold`` -> ``anger`` (the most common negative emotion in complaints),
    ``s > pos_threshold`` -> ``joy``, otherwise ``neutral``. Scores put weight
    ``neg_threshold - s`` on anger, ``s - pos_threshold`` on joy and the distance to the nearer
    threshold on neutral (normalised; consistent with the label); the other classes score 0.
    ``emotion_intensity = |s|``. It can never say disgust, anxiety, sadness or surprise.

    Parameters
    ----------
    neg_threshold, pos_threshold : float, default -0.6 and 0.5
        As for :class:`cxtext.tags.sentiment.SnowNLPSentimentTagger`; ``fit(texts, y)`` with
        emotion labels tunes them (on the labels' polarity) into ``thresholds_``.
    """

    task = "emotion"
    backend = "snownlp"

    def __init__(self, neg_threshold: float = -0.6, pos_threshold: float = 0.5) -> None:
        self.neg_threshold = neg_threshold
        self.pos_threshold = pos_threshold

    def fit(self, texts: object, y: object = None) -> SnowNLPEmotionTagger:
        """Tune ``thresholds_`` on texts labelled with emotions (no-op without ``y``)."""
        if y is None:
            return super().fit(texts)
        from cxtext.evaluate import EMOTION_POLARITY

        owner = f"{type(self).__name__}.fit"
        labels = list(y)
        bad = sorted({str(v) for v in labels if isinstance(v, str) and v not in EMOTIONS})
        if bad:
            raise ValueError(f"{owner}: y must hold {list(EMOTIONS)}; got {bad[:10]}.")
        polarity = [EMOTION_POLARITY.get(v) if isinstance(v, str) else None for v in labels]
        s = self._scores(texts)
        self.thresholds_ = tune_thresholds(s, polarity, owner)
        return self

    def _scores(self, texts: object) -> np.ndarray:
        from cxtext.tags.base import coerce_texts

        values, _ = coerce_texts(texts, f"{type(self).__name__}.fit")
        out = np.full(len(values), np.nan)
        todo = [i for i, v in enumerate(values) if v is not None and v.strip()]
        if todo:
            probs = snownlp_probabilities([values[i] for i in todo], type(self).__name__)
            out[todo] = 2.0 * probs - 1.0
        return out

    def _predict_texts(self, texts: list[str]) -> dict[str, np.ndarray]:
        s = 2.0 * snownlp_probabilities(texts, type(self).__name__) - 1.0
        lo, hi = getattr(self, "thresholds_", (self.neg_threshold, self.pos_threshold))
        pol = labels_from_scores(s, lo, hi)
        raw = np.zeros((len(texts), len(_LABELS)))
        raw[:, _LABELS.index("anger")] = np.where(pol == "neg", lo - s, 0.0)
        raw[:, _LABELS.index("joy")] = np.where(pol == "pos", s - hi, 0.0)
        raw[:, _LABELS.index("neutral")] = np.where(pol == "neu", np.minimum(s - lo, hi - s), 0.0)
        total = raw.sum(axis=1)
        empty = total <= 0
        raw[empty] = 0.0
        raw[empty, _LABELS.index("neutral")] = 1.0
        raw[empty & (pol == "neg"), :] = 0.0
        raw[empty & (pol == "neg"), _LABELS.index("anger")] = 1.0
        raw[empty & (pol == "pos"), :] = 0.0
        raw[empty & (pol == "pos"), _LABELS.index("joy")] = 1.0
        scores = raw / raw.sum(axis=1, keepdims=True)
        return _pack(scores, np.abs(s))

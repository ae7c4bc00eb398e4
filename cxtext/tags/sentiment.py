"""Sentiment of Chinese customer text: a score in [-1, 1] and a label neg / neu / pos.

Three backends share one contract (:class:`cxtext.tags.base.BaseTagger`):

``model`` (default) :class:`ModelSentimentTagger`
    Character 1-3-gram TF-IDF + multinomial logistic regression trained on public review,
    Weibo and finance-forum data plus project-written bank texts, with *real* neutral
    examples: neutral is a learned class, not a band of scores. ``sentiment_score`` is
    P(pos) - P(neg); the label is the most probable class. Shipped as package data
    (``cxtext/resources/models/sentiment.*``, see its model card); about 10,000 short texts/s
    on one core.
``lexicon`` :class:`LexiconSentimentTagger`
    Banking lexicon with negation, degree words, adversatives (但是/不过/可是 weight the later
    clause), rhetorical questions (难道/怎么可能/还不是) and exclamation.
``snownlp`` :class:`SnowNLPSentimentTagger`
    The baseline: snownlp's stock naive Bayes (trained on product reviews), 3 classes by two
    thresholds on ``2p - 1``; about 100-300 texts/s.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from cxtext.labels import POLARITIES
from cxtext.tags._lexicon import Lexicon, analyse, build_lexicon, load_lexicon, sentiment_score
from cxtext.tags._linear import ModelTagger
from cxtext.tags.base import BaseTagger, labels_from_scores, make_tagger, tune_thresholds

__all__ = [
    "LexiconSentimentTagger",
    "ModelSentimentTagger",
    "SnowNLPSentimentTagger",
    "sentiment",
]


def sentiment(texts: object, backend: str | BaseTagger = "model", **kwargs: Any) -> pd.DataFrame:
    """Sentiment score and label of each text.

    Parameters
    ----------
    texts : str, list of str or pandas.Series
        ``None``/``NaN`` give a missing score and label; a blank text is neutral.
    backend : {"model", "lexicon", "snownlp"} or BaseTagger, default "model"
        A backend name (see :func:`cxtext.tags.base.get_tagger`) or a tagger object (fitted or
        not) whose ``predict`` is used.
    **kwargs
        Parameters of the named backend, e.g. ``neg_threshold=-0.3``.

    Returns
    -------
    pandas.DataFrame
        One row per text, in order (a Series' index is kept), with ``sentiment_score``
        (float in [-1, 1]) and ``sentiment_label`` (categorical ``neg``/``neu``/``pos``).

    Examples
    --------
    >>> sentiment(["客服态度非常好，谢谢", "你们乱扣我年费，太过分了", "请问信用卡年费怎么收"]
    ...           )["sentiment_label"].tolist()
    ['pos', 'neg', 'neu']
    """
    return make_tagger("sentiment", backend, kwargs).predict(texts)


# ---------------------------------------------------------------------------------------------
# snownlp
# ---------------------------------------------------------------------------------------------


def snownlp_probabilities(texts: Sequence[str], owner: str) -> np.ndarray:
    """snownlp's P(positive) per text (0.5 where snownlp fails on a text)."""
    from cxtext.tags.base import missing_dependency

    try:
        from snownlp import SnowNLP
    except ImportError:
        raise missing_dependency(owner, "snownlp>=0.12.3") from None
    out = np.empty(len(texts), dtype=np.float64)
    for i, text in enumerate(texts):
        try:
            out[i] = float(SnowNLP(text).sentiments)
        except Exception:  # snownlp raises on some symbol-only inputs
            out[i] = 0.5
    return out


class SnowNLPSentimentTagger(BaseTagger):
    """Baseline: snownlp's stock sentiment model, three classes by thresholds.

    ``sentiment_score = 2 * SnowNLP(text).sentiments - 1``; the label is ``neg`` below
    ``neg_threshold``, ``pos`` above ``pos_threshold`` and ``neu`` in between.

    Parameters
    ----------
    neg_threshold, pos_threshold : float, default -0.6 and 0.5
        On the score scale (snownlp probability 0.2 and 0.75). The defaults were tuned for
        macro-F1 on training data only (1,500 texts each from the FinFE train split, NLPCC
        2013 and SMP2020 virus train, mapped to polarity; best (-0.62, 0.52), rounded):
        snownlp's scores pile up near 0 and 1, so the neutral band is wide.
    ``fit(texts, y)`` tunes the thresholds on labelled data (``y`` in neg/neu/pos) and stores
    them in ``thresholds_``; the parameters stay as given.

    Examples
    --------
    >>> SnowNLPSentimentTagger().predict(["服务很好"])["sentiment_label"].tolist()  # doctest: +SKIP
    ['pos']
    """

    task = "sentiment"
    backend = "snownlp"

    def __init__(self, neg_threshold: float = -0.6, pos_threshold: float = 0.5) -> None:
        self.neg_threshold = neg_threshold
        self.pos_threshold = pos_threshold

    def fit(self, texts: object, y: object = None) -> SnowNLPSentimentTagger:
        """Tune ``thresholds_`` on labelled texts (no-op without ``y``)."""
        if y is None:
            return super().fit(texts)
        scores = self.predict(texts)["sentiment_score"].to_numpy()
        self.thresholds_ = tune_thresholds(scores, list(y), f"{type(self).__name__}.fit")
        return self

    def _thresholds(self) -> tuple[float, float]:
        return getattr(self, "thresholds_", (self.neg_threshold, self.pos_threshold))

    def _predict_texts(self, texts: list[str]) -> dict[str, np.ndarray]:
        score = 2.0 * snownlp_probabilities(texts, type(self).__name__) - 1.0
        labels = labels_from_scores(score, *self._thresholds())
        return {"sentiment_score": score, "sentiment_label": labels}


# ---------------------------------------------------------------------------------------------
# lexicon
# ---------------------------------------------------------------------------------------------


def resolve_lexicon(lexicon: object, task: str, owner: str) -> Lexicon:
    """``"bank"`` -> the built-in lexicons; a mapping replaces the built-in words of ``task``."""
    if isinstance(lexicon, str):
        if lexicon != "bank":
            from cxtext.errors import param_error

            raise param_error(owner, "lexicon", ["bank", "a mapping"], lexicon)
        return load_lexicon("bank")
    if isinstance(lexicon, Mapping):
        base = load_lexicon("bank")
        if task == "sentiment":
            return build_lexicon(lexicon, base.emotion, base.modifiers)  # type: ignore[arg-type]
        return build_lexicon(base.sentiment, lexicon, base.modifiers)  # type: ignore[arg-type]
    raise TypeError(
        f"The 'lexicon' parameter of {owner} must be 'bank' or a mapping; got "
        f"{type(lexicon).__name__}."
    )


class LexiconSentimentTagger(BaseTagger):
    """Rules over a banking sentiment lexicon (negation, degree, adversatives, rhetoric).

    The lexicon (``cxtext/resources/lexicons/sentiment.txt``, written for cxtext) weighs
    general review words (好, 差, 满意, 失望 ...) and bank words (盗刷 -2, 乱扣费 -2.5,
    冻结 -1, 态度差 -2.5, 投诉 -1.5, 销户 -0.5, 感谢 +2, 专业 +1.5, 耐心 +1.5 ...). The rules
    are described in :mod:`cxtext.tags._lexicon`; ``sentiment_score = tanh(sum / 2)``.

    Parameters
    ----------
    lexicon : "bank" or mapping, default "bank"
        The built-in lexicon, or ``{word: weight}`` replacing its words (the negation, degree
        and other modifiers stay).
    neg_threshold, pos_threshold : float, default -0.1 and 0.1
        ``neg`` below, ``pos`` above, ``neu`` in between (on the score). ``fit(texts, y)``
        tunes them into ``thresholds_``.

    Examples
    --------
    >>> LexiconSentimentTagger().predict(["不是很满意", "虽然等了很久，但是问题解决了，谢谢"]
    ...                                  )["sentiment_label"].tolist()
    ['neg', 'pos']
    """

    task = "sentiment"
    backend = "lexicon"

    def __init__(
        self,
        lexicon: str | Mapping[str, float] = "bank",
        neg_threshold: float = -0.1,
        pos_threshold: float = 0.1,
    ) -> None:
        self.lexicon = lexicon
        self.neg_threshold = neg_threshold
        self.pos_threshold = pos_threshold

    def fit(self, texts: object, y: object = None) -> LexiconSentimentTagger:
        """Tune ``thresholds_`` on labelled texts (no-op without ``y``)."""
        if y is None:
            return super().fit(texts)
        scores = self.predict(texts)["sentiment_score"].to_numpy()
        self.thresholds_ = tune_thresholds(scores, list(y), f"{type(self).__name__}.fit")
        return self

    def _predict_texts(self, texts: list[str]) -> dict[str, np.ndarray]:
        if not hasattr(self, "lexicon_"):
            self.lexicon_ = resolve_lexicon(self.lexicon, "sentiment", type(self).__name__)
        lex = self.lexicon_
        score = np.array([sentiment_score(analyse(t, lex).total) for t in texts], dtype=float)
        thr = getattr(self, "thresholds_", (self.neg_threshold, self.pos_threshold))
        return {"sentiment_score": score, "sentiment_label": labels_from_scores(score, *thr)}


# ---------------------------------------------------------------------------------------------
# trained model
# ---------------------------------------------------------------------------------------------


class ModelSentimentTagger(ModelTagger):
    """The default: a trained linear model on character n-grams, loaded from package data.

    ``sentiment_score = P(pos) - P(neg)``; ``sentiment_label`` is the most probable of
    neg / neu / pos. The shipped model (``model="default"``) is described in
    ``cxtext/resources/models/sentiment.md``; :mod:`cxtext.train` rebuilds it.

    Parameters
    ----------
    model : "default" or path, default "default"
        The shipped model, or a model written by ``python -m cxtext.train`` (its ``NAME.json``
        card, or the folder holding ``sentiment.json``). Loaded on the first ``predict``;
        its checksums are verified and a model written by another cxtext version warns.
    C, ngram_range, min_df, max_features, class_weight, max_iter, random_state, word_ngram_range
        Used only by ``fit(texts, y)``, which trains a new model on your labelled texts
        (``y`` in neg/neu/pos; character n-gram TF-IDF + logistic regression, scikit-learn)
        and uses it instead of ``model``. ``word_ngram_range`` (e.g. ``(1, 2)``) adds rjieba
        word n-grams as a second TF-IDF block (at most ``max_features`` of them); the
        shipped models do without (no real gain on validation, 1.5-2x slower).

    Attributes
    ----------
    model_ : the loaded or fitted model; ``classes_`` : its classes.

    Examples
    --------
    >>> ModelSentimentTagger().predict(["客服态度非常好，谢谢"])["sentiment_label"].tolist()
    ['pos']
    """

    task = "sentiment"
    backend = "model"
    allowed_labels = tuple(POLARITIES)

    def _outputs(self, proba: np.ndarray, classes: list[str]) -> dict[str, np.ndarray]:
        def col(name: str) -> np.ndarray:
            return proba[:, classes.index(name)] if name in classes else np.zeros(len(proba))

        score = np.clip(col("pos") - col("neg"), -1.0, 1.0)
        labels = np.asarray(classes, dtype=object)[proba.argmax(axis=1)]
        return {"sentiment_score": score, "sentiment_label": labels}

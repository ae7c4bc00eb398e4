"""The tagger contract shared by every sentiment and emotion backend, and the backend registry.

A tagger follows scikit-learn's habits:

* ``__init__`` stores its keyword parameters unchanged and loads nothing;
  :meth:`BaseTagger.get_params` / :meth:`BaseTagger.set_params` / ``repr`` work on them;
* ``fit(texts, y=None)`` is optional and returns ``self``; what it learns ends in ``_``;
* ``predict(texts)`` returns a DataFrame with one row per input, in order (a Series keeps its
  index), and loads heavy resources (a model, snownlp) lazily on the first call;
* ``None``, ``NaN`` and ``pd.NA`` give missing values in every output column; a blank text
  (empty or whitespace only) is neutral;
* inputs are never modified; anything random takes ``random_state``.

Backends are chosen by name (:func:`get_tagger`), never by editing code; a new one is added
with :func:`register_backend`.
"""

from __future__ import annotations

import importlib
import inspect
import numbers
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar, Final

import numpy as np
import pandas as pd

from cxtext.errors import MissingDependencyError, param_error
from cxtext.labels import EMOTIONS, POLARITIES

__all__ = [
    "EMOTION_COLUMNS",
    "SENTIMENT_COLUMNS",
    "BaseTagger",
    "available_backends",
    "get_tagger",
    "register_backend",
]

#: Output columns of a sentiment tagger, in order.
SENTIMENT_COLUMNS: Final[tuple[str, ...]] = ("sentiment_score", "sentiment_label")
#: Output columns of an emotion tagger, in order.
EMOTION_COLUMNS: Final[tuple[str, ...]] = (
    "emotion_label",
    "emotion_intensity",
    *(f"emotion_{e}" for e in EMOTIONS),
)
POLARITY_DTYPE: Final = pd.CategoricalDtype(list(POLARITIES), ordered=False)
EMOTION_DTYPE: Final = pd.CategoricalDtype(list(EMOTIONS), ordered=False)
_BATCH: Final = 8192


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and value != value


def coerce_texts(texts: object, owner: str) -> tuple[list[str | None], pd.Index]:
    """Texts as a list (``None`` where missing) and the index of the output.

    Accepts one ``str``, a list/tuple/iterable, a 1-D numpy array or a pandas Series (whose
    index is kept). Numbers become their ``str``; ``bytes`` are decoded as UTF-8.
    """
    if isinstance(texts, pd.DataFrame):
        raise TypeError(
            f"{owner} expects texts (a str, a list of str or a Series), got a DataFrame; "
            "pass one column, e.g. df['text']."
        )
    if isinstance(texts, str):
        values: list[object] = [texts]
        index = pd.RangeIndex(1)
    elif isinstance(texts, pd.Series):
        values = texts.tolist()
        index = texts.index.copy()
    elif isinstance(texts, pd.Index):
        values = texts.tolist()
        index = pd.RangeIndex(len(values))
    elif isinstance(texts, np.ndarray):
        if texts.ndim != 1:
            raise TypeError(f"{owner} expects a 1-D array of texts, got shape {texts.shape}.")
        values = texts.tolist()
        index = pd.RangeIndex(len(values))
    elif isinstance(texts, Iterable) and not isinstance(texts, (bytes, Mapping)):
        values = list(texts)
        index = pd.RangeIndex(len(values))
    else:
        raise TypeError(
            f"{owner} expects a str, a list of str or a pandas Series; got {type(texts).__name__}."
        )
    if set(map(type, values)) <= {str}:  # the usual case, checked in C: nothing to convert
        return list(values), index
    out: list[str | None] = []
    for v in values:
        if isinstance(v, str):
            out.append(v)
        elif _is_missing(v):
            out.append(None)
        elif isinstance(v, bytes):
            out.append(v.decode("utf-8", errors="replace"))
        elif isinstance(v, (numbers.Number, np.generic)) and not isinstance(v, bool):
            out.append(str(v))
        else:
            raise TypeError(
                f"{owner} expects each text to be a str (or None/NaN for a missing one); got "
                f"{type(v).__name__}: {v!r:.60}"
            )
    return out, index


def missing_dependency(caller: str, requirement: str) -> MissingDependencyError:
    """A :class:`~cxtext.errors.MissingDependencyError` for a package cxtext depends on (a
    core dependency, so the fix is installing it, not an extra)."""
    err = MissingDependencyError(caller, requirement.split(">")[0].split("=")[0], "all")
    err.args = (
        f"{caller} needs {requirement.split('>')[0]!r}, which is not installed or fails to "
        f"import. Install it with: pip install '{requirement}'",
    )
    return err


class BaseTagger:
    """Base class of every sentiment and emotion backend.

    Subclasses set ``task`` (``"sentiment"`` or ``"emotion"``) and ``backend`` (the registry
    name), take only keyword parameters in ``__init__`` (stored as given) and implement
    :meth:`_predict_texts`, which receives non-blank strings and returns a dict of numpy
    arrays, one per output column. :meth:`predict` handles input types, order, index,
    missing and blank texts, batching and dtypes.
    """

    task: ClassVar[str] = ""
    backend: ClassVar[str] = ""

    # -- parameters (scikit-learn's BaseEstimator, reduced) --------------------------------
    @classmethod
    def _param_names(cls) -> list[str]:
        sig = inspect.signature(cls.__init__)
        return sorted(
            p.name
            for p in sig.parameters.values()
            if p.name != "self" and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)
        )

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The constructor parameters and their current values."""
        return {name: getattr(self, name) for name in self._param_names()}

    def set_params(self, **params: Any) -> BaseTagger:
        """Set constructor parameters; learned and loaded state is dropped. Returns self."""
        valid = self._param_names()
        for name, value in params.items():
            if name not in valid:
                raise ValueError(
                    f"Invalid parameter {name!r} for {type(self).__name__}; valid parameters "
                    f"are {valid}."
                )
            setattr(self, name, value)
        self._reset()
        return self

    def _reset(self) -> None:
        for key in [k for k in vars(self) if k.endswith("_") and not k.startswith("__")]:
            delattr(self, key)

    def __repr__(self) -> str:
        sig = inspect.signature(type(self).__init__)
        parts = []
        for name in self._param_names():
            value = getattr(self, name)
            default = sig.parameters[name].default
            try:
                same = bool(value == default) if not isinstance(value, np.ndarray) else False
            except Exception:  # pragma: no cover - exotic values
                same = False
            if not same:
                parts.append(f"{name}={value!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

    # -- fit / predict ---------------------------------------------------------------------
    def fit(self, texts: object, y: object = None) -> BaseTagger:
        """Nothing to learn for this backend; returns ``self`` (texts are checked)."""
        coerce_texts(texts, f"{type(self).__name__}.fit")
        return self

    def predict(self, texts: object) -> pd.DataFrame:
        """Tag ``texts``: one output row per input, same order (and index for a Series)."""
        owner = f"{type(self).__name__}.predict"
        values, index = coerce_texts(texts, owner)
        columns = self.columns()
        n = len(values)
        todo = [i for i, v in enumerate(values) if v is not None and v.strip()]
        # the rest are missing or blank: look for blank texts only when some are left
        missing = values.count(None)
        blank = (
            [i for i, v in enumerate(values) if v is not None and not v.strip()]
            if len(todo) + missing < n
            else []
        )
        arrays = self._empty_arrays(n)
        for start in range(0, len(todo), _BATCH):
            chunk = todo[start : start + _BATCH]
            got = self._predict_texts([values[i] for i in chunk])  # type: ignore[misc]
            for col, arr in got.items():
                arrays[col][chunk] = arr
        if blank:
            for col, value in self._blank_row().items():
                arrays[col][blank] = value
        return self._frame(arrays, index, columns)

    def columns(self) -> tuple[str, ...]:
        """The output columns, in order."""
        return SENTIMENT_COLUMNS if self.task == "sentiment" else EMOTION_COLUMNS

    def _predict_texts(self, texts: list[str]) -> dict[str, np.ndarray]:
        raise NotImplementedError

    def _empty_arrays(self, n: int) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for col in self.columns():
            if col.endswith("_label"):
                out[col] = np.full(n, None, dtype=object)
            else:
                out[col] = np.full(n, np.nan, dtype=np.float64)
        return out

    def _blank_row(self) -> dict[str, object]:
        if self.task == "sentiment":
            return {"sentiment_score": 0.0, "sentiment_label": "neu"}
        row: dict[str, object] = {f"emotion_{e}": 0.0 for e in EMOTIONS}
        row.update({"emotion_label": "neutral", "emotion_intensity": 0.0, "emotion_neutral": 1.0})
        return row

    def _frame(
        self, arrays: dict[str, np.ndarray], index: pd.Index, columns: tuple[str, ...]
    ) -> pd.DataFrame:
        data = {}
        for col in columns:
            arr = arrays[col]
            if col == "sentiment_label":
                data[col] = pd.Categorical(arr, dtype=POLARITY_DTYPE)
            elif col == "emotion_label":
                data[col] = pd.Categorical(arr, dtype=EMOTION_DTYPE)
            else:
                data[col] = arr.astype(np.float64)
        return pd.DataFrame(data, index=index, columns=list(columns))


# ---------------------------------------------------------------------------------------------
# thresholds shared by the snownlp and lexicon sentiment backends
# ---------------------------------------------------------------------------------------------


def labels_from_scores(
    scores: np.ndarray, neg_threshold: float, pos_threshold: float
) -> np.ndarray:
    """neg below ``neg_threshold``, pos above ``pos_threshold``, neu in between."""
    return np.where(scores < neg_threshold, "neg", np.where(scores > pos_threshold, "pos", "neu"))


def tune_thresholds(scores: np.ndarray, y: Iterable[object], owner: str) -> tuple[float, float]:
    """The (neg, pos) thresholds on a 0.02 grid of [-1, 1] that maximise macro-F1 on ``y``."""
    from cxtext.evaluate import classification_metrics

    gold = np.asarray([None if _is_missing(v) else str(v) for v in y], dtype=object)
    bad = sorted({str(v) for v in gold if v is not None and v not in POLARITIES})
    if bad:
        raise ValueError(f"{owner}: y must hold {list(POLARITIES)}; got {bad[:10]}.")
    keep = np.array([g is not None for g in gold]) & ~np.isnan(scores)
    if not keep.any():
        raise ValueError(f"{owner}: no labelled, non-missing text to tune the thresholds on.")
    s, g = scores[keep], gold[keep].tolist()
    grid = np.round(np.arange(-0.98, 0.99, 0.02), 2)
    best = (-1.0, 0.0, 0.0)
    for lo in grid:
        for hi in grid[grid >= lo]:
            f1 = classification_metrics(g, labels_from_scores(s, lo, hi), list(POLARITIES))[
                "macro_f1"
            ]
            if f1 > best[0]:
                best = (f1, float(lo), float(hi))
    return best[1], best[2]


# ---------------------------------------------------------------------------------------------
# registry
# ---------------------------------------------------------------------------------------------

_REGISTRY: dict[str, dict[str, str | Callable[..., BaseTagger]]] = {
    "sentiment": {
        "lexicon": "cxtext.tags.sentiment:LexiconSentimentTagger",
        "model": "cxtext.tags.sentiment:ModelSentimentTagger",
        "snownlp": "cxtext.tags.sentiment:SnowNLPSentimentTagger",
    },
    "emotion": {
        "lexicon": "cxtext.tags.emotion:LexiconEmotionTagger",
        "model": "cxtext.tags.emotion:ModelEmotionTagger",
        "snownlp": "cxtext.tags.emotion:SnowNLPEmotionTagger",
    },
}
_LOCK = threading.Lock()


def available_backends(task: str | None = None) -> list[str] | dict[str, list[str]]:
    """Names accepted by ``backend=`` for ``task``, sorted; without a task, every task's.

    Examples
    --------
    >>> available_backends("sentiment")
    ['lexicon', 'model', 'snownlp']
    >>> available_backends()
    {'emotion': ['lexicon', 'model', 'snownlp'], 'sentiment': ['lexicon', 'model', 'snownlp']}
    """
    if task is None:
        return {t: sorted(_REGISTRY[t]) for t in sorted(_REGISTRY)}
    if task not in _REGISTRY:
        raise param_error("available_backends", "task", _REGISTRY, task)
    return sorted(_REGISTRY[task])


def register_backend(task: str, name: str, factory: str | Callable[..., BaseTagger]) -> None:
    """Make ``backend=name`` available for ``task``.

    ``factory`` is a :class:`BaseTagger` subclass (or any callable returning one) or a
    ``"module:attribute"`` string imported on first use.

    Examples
    --------
    >>> from cxtext.tags.sentiment import LexiconSentimentTagger
    >>> register_backend("sentiment", "strict_lexicon", LexiconSentimentTagger)
    >>> get_tagger("sentiment", "strict_lexicon", neg_threshold=-0.3)
    LexiconSentimentTagger(neg_threshold=-0.3)
    """
    if task not in _REGISTRY:
        raise param_error("register_backend", "task", _REGISTRY, task)
    if not isinstance(name, str) or not name:
        raise ValueError(f"register_backend: name must be a non-empty str, got {name!r}.")
    with _LOCK:
        _REGISTRY[task][name] = factory


def get_tagger(task: str, backend: str, **kwargs: Any) -> BaseTagger:
    """Build the tagger registered as ``backend`` for ``task`` (nothing is loaded yet).

    Parameters
    ----------
    task : {"sentiment", "emotion"}
    backend : str
        ``"model"`` (the trained default), ``"lexicon"`` or ``"snownlp"`` (the baseline),
        or a name added with :func:`register_backend`.
    **kwargs
        The backend's constructor parameters.

    Raises
    ------
    ValueError
        For an unknown task or backend, listing the valid names.

    Examples
    --------
    >>> get_tagger("sentiment", "lexicon")
    LexiconSentimentTagger()
    >>> get_tagger("sentiment", "snowlp")
    Traceback (most recent call last):
    ...
    ValueError: The 'backend' parameter of sentiment must be one of ['lexicon', 'model', \
'snownlp']. Got 'snowlp' instead.
    """
    if task not in _REGISTRY:
        raise param_error("get_tagger", "task", _REGISTRY, task)
    backends = _REGISTRY[task]
    if not isinstance(backend, str) or backend not in backends:
        raise param_error(task, "backend", backends, backend)
    factory = backends[backend]
    if isinstance(factory, str):
        module, _, attr = factory.partition(":")
        factory = getattr(importlib.import_module(module), attr)
    if kwargs and isinstance(factory, type) and issubclass(factory, BaseTagger):
        valid = factory._param_names()
        unknown = sorted(set(kwargs) - set(valid))
        if unknown:
            import difflib

            hints = [f"{u!r} -> {m[0]!r}" for u in unknown
                     if (m := difflib.get_close_matches(u, valid, n=1, cutoff=0.75))]
            raise TypeError(
                f"The {task} backend {backend!r} ({factory.__name__}) has no parameter(s) "
                f"{unknown}; its parameters are {valid}"
                + (f" (did you mean {', '.join(hints)}?)." if hints else ".")
            )
    return factory(**kwargs)  # type: ignore[operator]


def make_tagger(task: str, backend: object, kwargs: Mapping[str, Any]) -> BaseTagger:
    """``backend`` as a tagger: a :class:`BaseTagger` is used as is, a name is built, and any
    other object with a ``predict(texts) -> DataFrame`` method is wrapped so that its output
    is checked (:class:`_PredictBackend`)."""
    duck = not isinstance(backend, (str, BaseTagger)) and callable(
        getattr(backend, "predict", None))
    if isinstance(backend, BaseTagger) or duck:
        if kwargs:
            raise TypeError(
                f"{task}(): parameters {sorted(kwargs)} go to a backend given by name; set them "
                f"on the {type(backend).__name__} object instead."
            )
        if duck:
            return _PredictBackend(task, backend)  # type: ignore[return-value]
        if backend.task != task:
            raise ValueError(
                f"{task}(): backend {type(backend).__name__} is a {backend.task} tagger."
            )
        return backend
    tagger = get_tagger(task, backend, **kwargs)  # type: ignore[arg-type]
    if not isinstance(tagger, BaseTagger) and callable(getattr(tagger, "predict", None)):
        return _PredictBackend(task, tagger)  # type: ignore[return-value]  # registered by name
    return tagger


class _PredictBackend:
    """A backend given as any object with ``predict(texts) -> DataFrame`` (README: "Any
    object with ``predict(texts) -> DataFrame`` can be passed as ``backend=``").

    Its output must have one row per text and the task's columns (:data:`SENTIMENT_COLUMNS`
    or :data:`EMOTION_COLUMNS`; others are dropped); it gets the input's index and the
    dtypes of the shipped backends, and a label outside the task's labels is refused.
    """

    def __init__(self, task: str, obj: object) -> None:
        self.task = task
        self.obj = obj

    def predict(self, texts: object) -> pd.DataFrame:
        name = type(self.obj).__name__
        _, index = coerce_texts(texts, f"{name}.predict")
        out = self.obj.predict(texts)  # type: ignore[attr-defined]
        columns = SENTIMENT_COLUMNS if self.task == "sentiment" else EMOTION_COLUMNS
        if not isinstance(out, pd.DataFrame):
            raise TypeError(
                f"{self.task} backend {name}: predict(texts) must return a DataFrame with "
                f"{list(columns)}; got {type(out).__name__}."
            )
        missing = [c for c in columns if c not in out.columns]
        if missing or len(out) != len(index):
            raise ValueError(
                f"{self.task} backend {name}: predict(texts) must return one row per text "
                f"({len(index)}) with the columns {list(columns)}; got {len(out)} row(s) and "
                f"the columns {list(map(str, out.columns))}"
                + (f" (missing {missing})." if missing else ".")
            )
        label = "sentiment_label" if self.task == "sentiment" else "emotion_label"
        allowed = POLARITIES if self.task == "sentiment" else EMOTIONS
        values = out[label].astype(object)
        bad = sorted({str(v) for v in values if not _is_missing(v) and v not in allowed})
        if bad:
            raise ValueError(
                f"{self.task} backend {name}: {label} must be one of {list(allowed)} (or "
                f"missing); got {bad[:10]}."
            )
        data: dict[str, object] = {}
        for col in columns:
            if col == label:
                dtype = POLARITY_DTYPE if self.task == "sentiment" else EMOTION_DTYPE
                data[col] = pd.Categorical(values.to_numpy(), dtype=dtype)
            else:
                data[col] = pd.to_numeric(out[col], errors="raise").to_numpy(dtype=np.float64)
        return pd.DataFrame(data, index=index, columns=list(columns))

    def __repr__(self) -> str:
        return repr(self.obj)

"""One shared suite run against every sentiment and emotion backend (like scikit-learn's
``parametrize_with_checks``): any new backend registered in ``cxtext.tags.base`` gets it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxtext.labels import EMOTIONS, POLARITIES
from cxtext.tags.base import (
    EMOTION_COLUMNS,
    SENTIMENT_COLUMNS,
    BaseTagger,
    available_backends,
    get_tagger,
)

CASES = [(task, b) for task in ("sentiment", "emotion") for b in available_backends(task)]
IDS = [f"{t}-{b}" for t, b in CASES]

TEXTS = [
    "客服态度非常好，谢谢",
    "你们乱扣我年费，太过分了",
    "请问信用卡年费怎么收",
    "我的卡被盗刷了怎么办，好着急",
]
GARBAGE = [
    "\x00\x01\x7f",
    "\ud800 lone surrogate",
    "🙂🙂🙂👍🏽",
    "!!!???。。。",
    "ＡＢＣ１２３",
    "\u200b\u200d\ufeff",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "[怒][怒]",
    "銀行帳戶凍結了！",
    "a" * 3000,
    "好" * 500,
    "12345678901234567890",
]


@pytest.fixture(params=CASES, ids=IDS)
def case(request: pytest.FixtureRequest) -> tuple[str, str]:
    return request.param


def _tagger(task: str, backend: str) -> BaseTagger:
    return get_tagger(task, backend)


def _columns(task: str) -> tuple[str, ...]:
    return SENTIMENT_COLUMNS if task == "sentiment" else EMOTION_COLUMNS


def _check_frame(task: str, out: pd.DataFrame, n: int) -> None:
    assert list(out.columns) == list(_columns(task))
    assert len(out) == n
    for col in out.columns:
        if col.endswith("_label"):
            assert isinstance(out[col].dtype, pd.CategoricalDtype), col
            allowed = list(POLARITIES) if task == "sentiment" else list(EMOTIONS)
            assert list(out[col].cat.categories) == allowed
        else:
            assert out[col].dtype == np.float64, col
    ok = out.dropna()
    if task == "sentiment":
        assert ok["sentiment_score"].between(-1, 1).all()
    else:
        assert ok["emotion_intensity"].between(0, 1).all()
        scores = ok[[f"emotion_{e}" for e in EMOTIONS]].to_numpy()
        assert (scores >= 0).all() and (scores <= 1).all()
        np.testing.assert_allclose(scores.sum(axis=1), 1.0, atol=1e-6)
        argmax = np.asarray(list(EMOTIONS))[scores.argmax(axis=1)]
        assert (ok["emotion_label"].astype(str).to_numpy() == argmax).all()


def test_construction_loads_nothing_and_stores_params(case):
    task, backend = case
    tagger = _tagger(task, backend)
    assert not [k for k in vars(tagger) if k.endswith("_")], "nothing learned or loaded yet"
    params = tagger.get_params()
    clone = type(tagger)(**params)
    assert clone.get_params() == params
    assert repr(tagger) == f"{type(tagger).__name__}()"
    name = sorted(params)[-1]
    weird = object()
    tagger.set_params(**{name: weird})
    assert tagger.get_params()[name] is weird  # stored unchanged, not validated in __init__
    with pytest.raises(ValueError, match="Invalid parameter"):
        tagger.set_params(no_such_param=1)


def test_predict_before_fit_order_and_columns(case):
    task, backend = case
    tagger = _tagger(task, backend)
    out = tagger.predict(TEXTS)
    _check_frame(task, out, len(TEXTS))
    assert isinstance(out.index, pd.RangeIndex)
    reversed_out = tagger.predict(TEXTS[::-1])
    pd.testing.assert_frame_equal(
        reversed_out.iloc[::-1].reset_index(drop=True), out.reset_index(drop=True)
    )


def test_series_index_kept_and_input_not_mutated(case):
    task, backend = case
    series = pd.Series(TEXTS + [None], index=[40, 10, 30, 20, 99], name="text")
    before = series.copy()
    as_list = list(TEXTS)
    out = _tagger(task, backend).predict(series)
    assert out.index.tolist() == [40, 10, 30, 20, 99]
    pd.testing.assert_series_equal(series, before)
    _tagger(task, backend).predict(as_list)
    assert as_list == TEXTS


def test_missing_values_give_missing_outputs(case):
    task, backend = case
    out = _tagger(task, backend).predict([None, TEXTS[0], np.nan, pd.NA, TEXTS[1]])
    _check_frame(task, out, 5)
    assert out.iloc[[0, 2, 3]].isna().all().all()
    assert out.iloc[[1, 4]].notna().all().all()


def test_empty_and_blank_inputs(case):
    task, backend = case
    tagger = _tagger(task, backend)
    empty = tagger.predict([])
    _check_frame(task, empty, 0)
    blank = tagger.predict(["", "   ", "\n"])
    _check_frame(task, blank, 3)
    label = "sentiment_label" if task == "sentiment" else "emotion_label"
    assert set(blank[label]) == {"neu" if task == "sentiment" else "neutral"}


def test_single_string_numpy_and_numbers(case):
    task, backend = case
    tagger = _tagger(task, backend)
    one = tagger.predict(TEXTS[0])
    _check_frame(task, one, 1)
    arr = tagger.predict(np.array(TEXTS, dtype=object))
    pd.testing.assert_frame_equal(arr, tagger.predict(TEXTS))
    _check_frame(task, tagger.predict([12378, 3.5]), 2)
    with pytest.raises(TypeError, match="DataFrame"):
        tagger.predict(pd.DataFrame({"text": TEXTS}))
    with pytest.raises(TypeError, match="str"):
        tagger.predict([{"text": "x"}])


def test_unicode_garbage_does_not_break(case):
    task, backend = case
    out = _tagger(task, backend).predict(GARBAGE)
    _check_frame(task, out, len(GARBAGE))
    assert out.notna().all().all()


def test_deterministic_across_calls_and_instances(case):
    task, backend = case
    first = _tagger(task, backend).predict(TEXTS + GARBAGE[:4])
    again = _tagger(task, backend)
    pd.testing.assert_frame_equal(first, again.predict(TEXTS + GARBAGE[:4]))
    pd.testing.assert_frame_equal(first, again.predict(TEXTS + GARBAGE[:4]))


def test_fit_without_labels_returns_self(case):
    task, backend = case
    tagger = _tagger(task, backend)
    if backend == "model":
        with pytest.raises(ValueError, match="needs labels"):
            tagger.fit(TEXTS)
    else:
        assert tagger.fit(TEXTS) is tagger


def test_task_function_uses_the_backend(case):
    from cxtext.tags.emotion import emotion
    from cxtext.tags.sentiment import sentiment

    task, backend = case
    func = sentiment if task == "sentiment" else emotion
    by_name = func(TEXTS, backend=backend)
    by_object = func(TEXTS, backend=_tagger(task, backend))
    pd.testing.assert_frame_equal(by_name, by_object)
    with pytest.raises(TypeError, match="go to a backend given by name"):
        func(TEXTS, backend=_tagger(task, backend), neg_threshold=0.1)

"""Evaluate taggers on labelled text: metrics, public data-set loaders and named label maps.

:func:`evaluate` runs one backend over labelled texts and returns macro-F1, accuracy,
per-class precision/recall/F1/support, the confusion matrix (its labels listed) and docs/s.
:func:`load_dataset` reads the public data sets that cxtext trains and measures on (they are
never copied into the project; pass ``data_dir`` or set ``$CXTEXT_SHARED_DATA``; the default
is ``../shared/data`` beside the checkout) and the project's gold set. :data:`LABEL_MAPS` maps
each public label set onto cxtext's labels (:mod:`cxtext.labels`).

Command line (``cxtext eval`` runs the same :func:`main`)::

    python -m cxtext.evaluate emotion --dataset smp2020_usual_eval --label-map smp2020
    python -m cxtext.evaluate sentiment --data my.csv --text-col 文本 --label-col 标签 \\
        --backend lexicon

Label maps
----------
``smp2020`` (SMP2020-EWECT, 6 classes)
    angry -> anger, happy -> joy, neutral -> neutral, sad -> sadness, surprise -> surprise,
    fear -> anxiety. SMP has no disgust class, so a predicted ``disgust`` is folded into
    ``anger`` (their scores are added) and the decision is the arg-max over the 6 classes.
``nlpcc2013`` (NLPCC 2013 Weibo, 8 labels -> 7 classes)
    none -> neutral, like -> joy, happiness -> joy, sadness -> sadness, anger -> anger,
    disgust -> disgust, fear -> anxiety, surprise -> surprise.
``cluemotion2020`` (CLUEmotion2020, 7 labels -> 6 classes, no neutral)
    like/happiness -> joy, sadness, anger, disgust, fear -> anxiety, surprise; the decision
    is the arg-max over those 6 (the data has no neutral text).
``gold`` / ``emotion7``
    cxtext's own 7 emotion ids (identity); ``emotion7`` also takes their Chinese names
    (愤怒 厌恶 焦虑 失望 惊讶 满意 中性), as does evaluating with no label map.
``polarity`` neg/neu/pos, or 负面/中性/正面 (消极/积极); also what no label map accepts.
``smp2020_polarity``, ``nlpcc2013_polarity``
    the emotion labels to polarity: anger, disgust, sadness, fear -> neg; happy, like,
    happiness -> pos; neutral / none -> neu; surprise is dropped (it has either polarity).
``finfe`` (FinFE) 0 -> neg, 1 -> neu, 2 -> pos.
``binary01`` (waimai_10k, ChnSentiCorp, online_shopping) 0 -> neg, 1 -> pos, judged as
    negative-vs-positive (below).
``*_negpos`` (``smp2020_negpos``, ``nlpcc2013_negpos``, ``cluemotion2020_negpos``,
    ``finfe_negpos``, ``negpos``) the polarity map with neutral items dropped, judged as
    negative-vs-positive.

Negative-vs-positive is decided by the sign of ``sentiment_score`` (the model's
P(pos) - P(neg), snownlp's 2p - 1, the lexicon's sum): > 0 is pos, < 0 neg; a score of
exactly 0 is an abstention (``neu``) and counts as a miss for the item's class.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd

from cxtext.errors import CxTextError, ReadError, param_error
from cxtext.labels import EMOTIONS, INTENTS, POLARITIES

__all__ = [
    "DATASETS",
    "HELDOUT",
    "LABEL_MAPS",
    "LabelMap",
    "dedup_key",
    "evaluate",
    "load_dataset",
    "main",
    "shared_data_dir",
]

TASKS: Final[tuple[str, ...]] = ("emotion", "intents", "sentiment")
_REPO: Final = Path(__file__).resolve().parents[1]
GOLD_FILE: Final = _REPO / "corpora" / "gold" / "intents_categories.jsonl"
PROJECT_TRAIN_FILE: Final = _REPO / "corpora" / "gold" / "train_project.jsonl"


# ---------------------------------------------------------------------------------------------
# label maps
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelMap:
    """How one data set's labels become cxtext labels, and how predictions are judged.

    Attributes
    ----------
    name : str
        The name used by ``--label-map``.
    task : {"sentiment", "emotion"}
    mapping : dict
        Data-set label (as a string) -> cxtext label; ``None`` drops the item.
    labels : tuple of str
        The evaluation label space (macro-F1 averages over these).
    fold : dict
        Predicted cxtext label -> evaluation label, for classes the data set does not have
        (SMP2020: disgust -> anger). Score columns are added before the arg-max.
    decision : {"argmax", "restricted", "sign"}
        ``argmax``: the tagger's own label (after ``fold``); ``restricted``: the arg-max of the
        per-class score columns over ``labels`` only; ``sign``: negative-vs-positive from the
        sign of ``sentiment_score``.
    """

    name: str
    task: str
    mapping: Mapping[str, str | None]
    labels: tuple[str, ...]
    fold: Mapping[str, str] = field(default_factory=dict)
    decision: str = "argmax"
    description: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "task": self.task,
            "mapping": dict(self.mapping),
            "labels": list(self.labels),
            "fold": dict(self.fold),
            "decision": self.decision,
            "description": self.description,
        }


_POL3 = ("neg", "neu", "pos")
_NP = ("neg", "pos")
_EMO7 = tuple(EMOTIONS)
_SMP_EMO = {
    "angry": "anger",
    "happy": "joy",
    "neutral": "neutral",
    "sad": "sadness",
    "surprise": "surprise",
    "fear": "anxiety",
}
_NLPCC_EMO = {
    "none": "neutral",
    "like": "joy",
    "happiness": "joy",
    "sadness": "sadness",
    "anger": "anger",
    "disgust": "disgust",
    "fear": "anxiety",
    "surprise": "surprise",
}
_CLUE_EMO = {k: v for k, v in _NLPCC_EMO.items() if k != "none"}
#: cxtext emotion -> polarity used to turn the emotion sets into sentiment data
#: (surprise is dropped: it comes with either polarity).
EMOTION_POLARITY: Final[dict[str, str | None]] = {
    "anger": "neg",
    "disgust": "neg",
    "anxiety": "neg",
    "sadness": "neg",
    "surprise": None,
    "joy": "pos",
    "neutral": "neu",
}


def _compose(first: Mapping[str, str | None], second: Mapping[str, str | None]) -> dict:
    return {k: (None if v is None else second[v]) for k, v in first.items()}


def _negpos(mapping: Mapping[str, str | None]) -> dict:
    return {k: (v if v in _NP else None) for k, v in mapping.items()}


_SMP_POL = _compose(_SMP_EMO, EMOTION_POLARITY)
_NLPCC_POL = _compose(_NLPCC_EMO, EMOTION_POLARITY)
_CLUE_POL = _compose(_CLUE_EMO, EMOTION_POLARITY)
_FINFE = {"0": "neg", "1": "neu", "2": "pos"}
#: Chinese label spellings an analyst's own labelled file is likely to hold: the display
#: names of :mod:`cxtext.labels` and the usual synonyms (积极/消极).
_ZH_LABELS: Final[dict[str, dict[str, str]]] = {
    "sentiment": {**{zh: p for p, zh in POLARITIES.items()}, "积极": "pos", "消极": "neg"},
    "emotion": {zh: e for e, zh in EMOTIONS.items()},
}
_IDENT_POL = {**{p: p for p in _POL3}, **_ZH_LABELS["sentiment"]}

LABEL_MAPS: Final[dict[str, LabelMap]] = {
    m.name: m
    for m in (
        LabelMap(
            "smp2020",
            "emotion",
            _SMP_EMO,
            ("anger", "anxiety", "joy", "neutral", "sadness", "surprise"),
            fold={"disgust": "anger"},
            decision="restricted",
            description="SMP2020-EWECT 6 classes; predicted disgust folded into anger",
        ),
        LabelMap(
            "nlpcc2013",
            "emotion",
            _NLPCC_EMO,
            _EMO7,
            description="NLPCC 2013 Weibo: none->neutral, like/happiness->joy, fear->anxiety",
        ),
        LabelMap(
            "cluemotion2020",
            "emotion",
            _CLUE_EMO,
            ("anger", "anxiety", "disgust", "joy", "sadness", "surprise"),
            decision="restricted",
            description="CLUEmotion2020: like/happiness->joy, fear->anxiety; no neutral",
        ),
        LabelMap(
            "emotion7",
            "emotion",
            {**{e: e for e in _EMO7}, **_ZH_LABELS["emotion"]},
            _EMO7,
            description="cxtext's 7 emotion ids or their Chinese names (愤怒 厌恶 焦虑 失望 惊讶 "
            "满意 中性)",
        ),
        LabelMap(
            "gold",
            "emotion",
            {e: e for e in _EMO7},
            _EMO7,
            description="the gold set's emotion column (cxtext ids)",
        ),
        LabelMap(
            "smp2020_polarity",
            "sentiment",
            _SMP_POL,
            _POL3,
            description="SMP2020 emotions to polarity; surprise dropped",
        ),
        LabelMap(
            "nlpcc2013_polarity",
            "sentiment",
            _NLPCC_POL,
            _POL3,
            description="NLPCC 2013 emotions to polarity; surprise dropped",
        ),
        LabelMap("finfe", "sentiment", _FINFE, _POL3, description="FinFE 0/1/2 -> neg/neu/pos"),
        LabelMap(
            "polarity", "sentiment", _IDENT_POL, _POL3,
            description="labels already neg/neu/pos, or 负面/中性/正面 (消极/积极)",
        ),
        LabelMap(
            "binary01",
            "sentiment",
            {"0": "neg", "1": "pos"},
            _NP,
            decision="sign",
            description="0/1 review labels, negative-vs-positive by score sign",
        ),
        LabelMap(
            "smp2020_negpos",
            "sentiment",
            _negpos(_SMP_POL),
            _NP,
            decision="sign",
            description="SMP2020 polarity without neutral, by score sign",
        ),
        LabelMap(
            "nlpcc2013_negpos",
            "sentiment",
            _negpos(_NLPCC_POL),
            _NP,
            decision="sign",
            description="NLPCC 2013 polarity without neutral, by score sign",
        ),
        LabelMap(
            "cluemotion2020_negpos",
            "sentiment",
            _negpos(_CLUE_POL),
            _NP,
            decision="sign",
            description="CLUEmotion2020 polarity, by score sign",
        ),
        LabelMap(
            "finfe_negpos",
            "sentiment",
            _negpos(_FINFE),
            _NP,
            decision="sign",
            description="FinFE without neutral, by score sign",
        ),
        LabelMap(
            "negpos",
            "sentiment",
            _negpos(_IDENT_POL),
            _NP,
            decision="sign",
            description="neg/neu/pos labels without neutral, by score sign",
        ),
    )
}


def _get_label_map(label_map: str | LabelMap | None, task: str) -> LabelMap | None:
    if label_map is None or isinstance(label_map, LabelMap):
        lm = label_map
    elif isinstance(label_map, str) and label_map in LABEL_MAPS:
        lm = LABEL_MAPS[label_map]
    else:
        raise param_error("evaluate", "label_map", list(LABEL_MAPS) + ["None"], label_map)
    if lm is not None and lm.task != task:
        raise ValueError(
            f"The label map {lm.name!r} is for the {lm.task} task, not {task}. Use one of "
            f"{sorted(n for n, m in LABEL_MAPS.items() if m.task == task)}."
        )
    return lm


# ---------------------------------------------------------------------------------------------
# data sets
# ---------------------------------------------------------------------------------------------


def shared_data_dir(data_dir: str | os.PathLike[str] | None = None) -> Path | None:
    """Where the public data sets are: ``data_dir``, else ``$CXTEXT_SHARED_DATA``, else
    ``../shared/data`` beside the checkout or beside the working directory; None if absent."""
    if data_dir is not None:
        return Path(data_dir)
    env = os.environ.get("CXTEXT_SHARED_DATA")
    if env:
        return Path(env)
    for cand in _shared_candidates():
        if cand.is_dir():
            return cand
    return None


def _shared_candidates() -> tuple[Path, ...]:
    """``../shared/data`` beside the checkout, then beside the working directory."""
    beside = _REPO.parent / "shared" / "data"
    here = Path.cwd().parent / "shared" / "data"
    return (beside,) if here.resolve() == beside.resolve() else (beside, here)


@dataclass(frozen=True)
class _Dataset:
    path: str  # relative to the data dir ("" for the gold set)
    reader: str
    label_map: str
    description: str


#: Loadable data set names -> (file, default label map, description).
DATASETS: Final[dict[str, _Dataset]] = {
    "waimai_10k": _Dataset(
        "waimai_10k/waimai_10k.csv", "csv_label_review", "binary01", "food-delivery reviews, 0/1"
    ),
    "chnsenticorp_htl": _Dataset(
        "ChnSentiCorp_htl_all/ChnSentiCorp_htl_all.csv",
        "csv_label_review",
        "binary01",
        "hotel reviews, 0/1",
    ),
    "online_shopping_10_cats": _Dataset(
        "online_shopping_10_cats/online_shopping_10_cats.csv",
        "csv_shopping",
        "binary01",
        "e-commerce reviews, 0/1, column cat",
    ),
    "finfe": _Dataset(
        "FinFE_fin_social_sentiment/train_list.json",
        "json_pairs",
        "finfe",
        "stock-forum posts, 0/1/2 = neg/neu/pos",
    ),
    "nlpcc2013": _Dataset(
        "NLPCC2013_weibo_emotion/Nlpcc2013Train.csv",
        "csv_nlpcc",
        "nlpcc2013",
        "Weibo sentences, 7 emotions + none",
    ),
    "smp2020_usual_eval": _Dataset(
        "SMP2020-EWECT/usual_eval_labeled.txt",
        "json_smp",
        "smp2020",
        "SMP2020 usual eval (the emotion TEST set)",
    ),
    "smp2020_virus_train": _Dataset(
        "SMP2020-EWECT/virus_train.txt", "json_smp", "smp2020", "SMP2020 virus train"
    ),
    "smp2020_virus_eval": _Dataset(
        "SMP2020-EWECT/virus_eval_labeled.txt", "json_smp", "smp2020", "SMP2020 virus eval"
    ),
    "smp2020_virus_test": _Dataset(
        "SMP2020-EWECT/virus_test_labeled.txt", "json_smp", "smp2020", "SMP2020 virus test"
    ),
    "cluemotion2020_valid": _Dataset(
        "CLUEmotion2020/valid.txt", "jsonl_clue", "cluemotion2020", "CLUEmotion2020 valid"
    ),
    "gold_sentiment": _Dataset(
        "", "gold:sentiment", "polarity", "corpora/gold/intents_categories.jsonl, sentiment column"
    ),
    "gold_emotion": _Dataset(
        "", "gold:emotion", "gold", "corpora/gold/intents_categories.jsonl, emotion column"
    ),
    "gold_intents": _Dataset(
        "", "gold:intents", "", "corpora/gold/intents_categories.jsonl, intents (list of ids)"
    ),
}

#: Data sets whose seeded 20 % hold-out the default models never train on
#: (``load_dataset(name, split="heldout")``; stratified by label, seed 0).
HELDOUT: Final[dict[str, float]] = {
    "finfe": 0.2,
    "waimai_10k": 0.2,
    "online_shopping_10_cats": 0.2,
}
_HELDOUT_SEED: Final = 0
_SPLITS: Final = ("all", "heldout", "train")


def _clean_text(value: object) -> str:
    if not isinstance(value, str):
        return ""
    return value.replace("\ufeff", "").strip()


def _read_source(path: Path, reader: str) -> pd.DataFrame:
    if reader == "csv_label_review":
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        return pd.DataFrame({"text": df["review"], "label": df["label"]})
    if reader == "csv_shopping":
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        return pd.DataFrame({"text": df["review"], "label": df["label"], "cat": df["cat"]})
    if reader == "csv_nlpcc":
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        return pd.DataFrame({"text": df["文本"], "label": df["标签"]})
    if reader == "json_pairs":
        rows = json.loads(path.read_text(encoding="utf-8"))
        return pd.DataFrame({"text": [r[0] for r in rows], "label": [str(r[1]) for r in rows]})
    if reader == "json_smp":
        rows = json.loads(path.read_text(encoding="utf-8"))
        return pd.DataFrame(
            {"text": [r["content"] for r in rows], "label": [r["label"] for r in rows]}
        )
    if reader == "jsonl_clue":
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        return pd.DataFrame(
            {"text": [r["content"] for r in rows], "label": [r["label"] for r in rows]}
        )
    raise AssertionError(reader)  # pragma: no cover


def _read_gold(column: str, path: Path = GOLD_FILE) -> pd.DataFrame:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    if column == "intents":
        labels: list[Any] = [sorted(k for k, v in r["intents"].items() if v) for r in rows]
    else:
        labels = [r[column] for r in rows]
    return pd.DataFrame(
        {
            "text": [r["text"] for r in rows],
            "label": labels,
            "id": [r["id"] for r in rows],
            "speaker": [r["speaker"] for r in rows],
        }
    )


def heldout_mask(
    labels: Sequence[object],
    fraction: float,
    seed: int = _HELDOUT_SEED,
    groups: Sequence[object] | None = None,
) -> np.ndarray:
    """Boolean mask of a stratified, seeded hold-out of about ``fraction`` of the rows.

    With ``groups`` (e.g. :func:`dedup_key` of each text) every row of a group lands on the
    same side, so a text repeated in the data cannot sit in both the hold-out and the rest;
    groups are stratified by their first row's label and ``round(fraction * n_groups)`` of
    each label's groups are held out.
    """
    labels = [str(x) for x in labels]
    keys = list(range(len(labels))) if groups is None else list(groups)
    first: dict[object, str] = {}
    for key, lab in zip(keys, labels, strict=True):
        first.setdefault(key, lab)
    rng = np.random.RandomState(seed)
    held: set[object] = set()
    by_label: dict[str, list[object]] = {}
    for key, lab in first.items():  # insertion order = first appearance: deterministic
        by_label.setdefault(lab, []).append(key)
    for lab in sorted(by_label):
        members = by_label[lab]
        take = int(round(fraction * len(members)))
        held.update(members[i] for i in rng.permutation(len(members))[:take])
    return np.array([key in held for key in keys], dtype=bool)


def load_dataset(
    name: str, data_dir: str | os.PathLike[str] | None = None, *, split: str = "all"
) -> pd.DataFrame:
    """Load a public data set (or the gold set) as ``DataFrame[text, label, ...]``.

    Labels are the data set's own, as strings (map them with :data:`LABEL_MAPS`; each
    entry of :data:`DATASETS` names its default map). Rows with an empty text are dropped and
    the text is stripped of BOMs and surrounding whitespace; nothing else is changed.

    Parameters
    ----------
    name : str
        One of :data:`DATASETS` (``smp2020_usual_eval``, ``chnsenticorp_htl``, ``finfe`` ...).
    data_dir : path, optional
        The folder holding the data sets; default ``$CXTEXT_SHARED_DATA`` or
        ``../shared/data``. Not used for the ``gold_*`` sets (in ``corpora/gold``).
    split : {"all", "train", "heldout"}, default "all"
        For the sets in :data:`HELDOUT`: the seeded 20 % the default models never see
        (``heldout``) or the rest (``train``).

    Examples
    --------
    >>> df = load_dataset("gold_sentiment")  # doctest: +SKIP
    >>> df.columns.tolist()[:2]  # doctest: +SKIP
    ['text', 'label']
    """
    if name not in DATASETS:
        raise param_error("load_dataset", "name", DATASETS, name)
    if split not in _SPLITS:
        raise param_error("load_dataset", "split", _SPLITS, split)
    if split != "all" and name not in HELDOUT:
        raise ValueError(
            f"The 'split' parameter of load_dataset must be 'all' for {name!r}: only "
            f"{sorted(HELDOUT)} have a hold-out. Got {split!r} instead."
        )
    spec = DATASETS[name]
    if spec.reader.startswith("gold:"):
        if not GOLD_FILE.is_file():
            raise CxTextError(f"The gold set {str(GOLD_FILE)!r} is missing (run from a checkout).")
        df = _read_gold(spec.reader.split(":", 1)[1])
    else:
        root = shared_data_dir(data_dir)
        path = None if root is None else root / spec.path
        if path is None or not path.is_file():
            looked = (str(root) if root else
                      "$CXTEXT_SHARED_DATA (not set), "
                      + " and ".join(str(p) for p in _shared_candidates()) + " (none exists)")
            raise CxTextError(
                f"load_dataset({name!r}) needs {spec.path!r} under the public data folder; "
                f"looked in {looked}. Pass data_dir=... (cxtext eval --data-dir DIR; cxtext "
                "train --data DIR), or set CXTEXT_SHARED_DATA to the folder that holds the data "
                "sets."
            )
        df = _read_source(path, spec.reader)
    df["text"] = df["text"].map(_clean_text)
    df = df[df["text"] != ""].reset_index(drop=True)
    if split != "all":
        mask = heldout_mask(df["label"], HELDOUT[name], groups=[dedup_key(t) for t in df["text"]])
        df = df[mask if split == "heldout" else ~mask].reset_index(drop=True)
    return df


_SPACE_RE: Final = re.compile(r"\s+")
_QUOTES: Final = "\"'“”‘’「」"


def dedup_key(text: str) -> str:
    """Key for overlap checks: NFKC, no whitespace, lower case, no quotes around the text."""
    return _SPACE_RE.sub("", unicodedata.normalize("NFKC", text)).lower().strip(_QUOTES)


# ---------------------------------------------------------------------------------------------
# metrics
# ---------------------------------------------------------------------------------------------


def classification_metrics(
    gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]
) -> dict[str, Any]:
    """Macro-F1 (over ``labels``), accuracy, per-class P/R/F1/support and confusion matrix.

    Predictions outside ``labels`` (an abstention, a class the data set does not have) count
    as misses; they get their own confusion-matrix columns. Precision/recall of a class with
    nothing predicted / no support is 0.
    """
    gold = [str(g) for g in gold]
    pred = [str(p) for p in pred]
    labels = list(labels)
    extra = sorted({p for p in pred if p not in labels} | {g for g in gold if g not in labels})
    cm_labels = labels + extra
    pos = {lab: i for i, lab in enumerate(cm_labels)}
    cm = np.zeros((len(cm_labels), len(cm_labels)), dtype=np.int64)
    for g, p in zip(gold, pred, strict=True):
        cm[pos[g], pos[p]] += 1
    per_class = {}
    f1s = []
    for i, lab in enumerate(labels):
        tp = int(cm[i, i])
        n_pred = int(cm[:, i].sum())
        support = int(cm[i, :].sum())
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        per_class[lab] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": support,
        }
    n = len(gold)
    return {
        "n": n,
        "labels": labels,
        "macro_f1": round(float(np.mean(f1s)), 4) if f1s else 0.0,
        "accuracy": round(float(np.trace(cm[: len(labels), : len(labels)]) / n), 4) if n else 0.0,
        "per_class": per_class,
        "confusion_matrix": {
            "labels": cm_labels,
            "rows": "true",
            "columns": "predicted",
            "matrix": cm.tolist(),
        },
    }


def _decide(task: str, out: pd.DataFrame, lm: LabelMap | None) -> list[str]:
    if task == "sentiment":
        if lm is not None and lm.decision == "sign":
            score = out["sentiment_score"].to_numpy(dtype=float)
            return np.where(score > 0, "pos", np.where(score < 0, "neg", "neu")).tolist()
        return [str(x) for x in out["sentiment_label"]]
    fold = dict(lm.fold) if lm is not None else {}
    if lm is not None and lm.decision == "restricted":
        space = list(lm.labels)
        scores = np.zeros((len(out), len(space)))
        for emo in EMOTIONS:
            col = f"emotion_{emo}"
            target = fold.get(emo, emo)
            if col in out and target in space:
                scores[:, space.index(target)] += out[col].to_numpy(dtype=float)
        return [space[i] for i in scores.argmax(axis=1)]
    return [fold.get(str(x), str(x)) for x in out["emotion_label"]]


def _map_labels(
    labels: Sequence[object], lm: LabelMap | None, task: str
) -> tuple[list[str | None], tuple[str, ...]]:
    if lm is None:
        space = tuple(POLARITIES) if task == "sentiment" else _EMO7
        zh = _ZH_LABELS.get(task, {})
        mapped = [None if _missing(x) else zh.get(str(x).strip(), str(x)) for x in labels]
        bad = sorted({x for x in mapped if x is not None and x not in space})
        if bad:
            raise ValueError(
                f"evaluate({task!r}) got labels {bad[:10]} that are not cxtext {task} labels "
                f"{list(space)}; pass label_map= one of "
                f"{sorted(n for n, m in LABEL_MAPS.items() if m.task == task)}."
            )
        return mapped, space
    mapped = []
    unknown = set()
    for x in labels:
        if _missing(x):
            mapped.append(None)
            continue
        key = str(x).strip()
        if key not in lm.mapping:
            unknown.add(key)
            mapped.append(None)
        else:
            mapped.append(lm.mapping[key])
    if unknown:
        given = {str(x).strip() for x in labels if not _missing(x)}
        fits = sorted(n for n, m in LABEL_MAPS.items()
                      if m.task == lm.task and given <= set(m.mapping))
        raise ValueError(
            f"The label map {lm.name!r} does not know the labels {sorted(unknown)[:10]}; it maps "
            f"{sorted(lm.mapping)}. "
            + (f"The label maps that know all of your labels: {fits} (--label-map / label_map=)."
               if fits else
               f"The {lm.task} label maps: "
               f"{sorted(n for n, m in LABEL_MAPS.items() if m.task == lm.task)}; or write your "
               f"labels as {list(lm.labels)}.")
        )
    return mapped, lm.labels


def _missing(x: object) -> bool:
    return x is None or (isinstance(x, float) and x != x) or x is pd.NA


def evaluate(
    task: str,
    texts: Iterable[object],
    labels: Iterable[object],
    backend: Any = "model",
    label_map: str | LabelMap | None = None,
    **backend_params: Any,
) -> dict[str, Any]:
    """Run one backend over labelled texts and score it.

    Parameters
    ----------
    task : {"sentiment", "emotion", "intents"}
    texts : iterable of str
    labels : iterable
        Gold labels, one per text: cxtext labels, or a data set's own labels with
        ``label_map``. Items whose label is missing or mapped to ``None`` are left out (and
        counted in ``n_dropped``). For ``intents``: a list of intent ids (or a dict
        ``{intent: bool}``) per text.
    backend : str or BaseTagger, default "model"
        As for :func:`cxtext.tags.sentiment.sentiment`.
    label_map : str or LabelMap, optional
        A name in :data:`LABEL_MAPS` (``smp2020``, ``finfe``, ``binary01`` ...).
    **backend_params
        Passed to the backend's constructor when ``backend`` is a name.

    Returns
    -------
    dict
        ``task``, ``backend``, ``label_map``, ``n``, ``n_dropped``, ``labels``, ``macro_f1``,
        ``accuracy``, ``per_class`` ({label: precision, recall, f1, support}),
        ``confusion_matrix`` ({labels, matrix}), ``seconds`` and ``docs_per_s`` (prediction
        only, over the kept texts). For ``intents``, ``macro_f1`` averages the intents that
        occur in the gold labels or the predictions (scikit-learn's convention), listed in
        ``macro_f1_labels``, beside ``micro_f1`` and ``exact_match``.

    Examples
    --------
    >>> r = evaluate("sentiment", ["客服态度非常好，谢谢", "你们乱扣我年费，太过分了"],
    ...              ["pos", "neg"], backend="lexicon")
    >>> r["accuracy"], r["labels"]
    (1.0, ['neg', 'neu', 'pos'])
    """
    if task not in TASKS:
        raise param_error("evaluate", "task", TASKS, task)
    texts = list(texts)
    labels = list(labels)
    if len(texts) != len(labels):
        raise ValueError(f"evaluate got {len(texts)} texts but {len(labels)} labels.")
    if task == "intents":
        return _evaluate_intents(texts, labels, backend, **backend_params)
    lm = _get_label_map(label_map, task)
    mapped, space = _map_labels(labels, lm, task)
    pairs = enumerate(zip(texts, mapped, strict=True))
    keep = [i for i, (t, y) in pairs if y is not None and not _missing(t)]
    kept_texts = [str(texts[i]) for i in keep]
    gold = [mapped[i] for i in keep]
    tagger = _make_tagger(task, backend, backend_params)
    start = time.perf_counter()
    out = tagger.predict(kept_texts)
    seconds = time.perf_counter() - start
    pred = _decide(task, out, lm)
    result: dict[str, Any] = {
        "task": task,
        "backend": _backend_name(backend),
        "label_map": None if lm is None else lm.name,
        "decision": "argmax" if lm is None else lm.decision,
        "n_dropped": len(texts) - len(keep),
    }
    result.update(classification_metrics(gold, pred, space))
    result["seconds"] = round(seconds, 3)
    result["docs_per_s"] = round(len(kept_texts) / seconds, 1) if seconds > 0 else None
    return result


def _backend_name(backend: Any) -> str:
    return backend if isinstance(backend, str) else type(backend).__name__


def _make_tagger(task: str, backend: Any, params: Mapping[str, Any]) -> Any:
    from cxtext.tags.base import make_tagger

    if not isinstance(backend, str) and params:
        raise TypeError("evaluate: backend parameters go to a backend *name*, not an object.")
    # a name, a BaseTagger, or any object with predict(texts) -> DataFrame (output checked)
    return make_tagger(task, backend, params)


# ---------------------------------------------------------------------------------------------
# intents (the intents tagger is written elsewhere; its import is guarded)
# ---------------------------------------------------------------------------------------------


#: Gold intent labels that mean "no intent", and the Chinese intent names, as a user writes them.
_NO_INTENT: Final = frozenset({"none", "no", "null", "nan", "无", "没有", "无意图", "-"})
_ZH_INTENTS: Final[dict[str, str]] = {
    **{zh: i for i, zh in INTENTS.items()},
    # the parts of the Chinese names, as a labeller writes them (README: 销户/流失意向 …)
    "销户": "churn", "流失意向": "churn", "流失": "churn", "升级投诉": "escalation",
    "投诉升级": "escalation", "重复来电": "repeat", "重复咨询": "repeat", "紧急": "urgency",
}


def _intent_sets(labels: Sequence[object]) -> list[set[str]]:
    sets = _raw_intent_sets(labels)
    out = [{_ZH_INTENTS.get(v, v) for v in s if v.strip().lower() not in _NO_INTENT}
           for s in sets]
    unknown = sorted({v for s in out for v in s if v not in INTENTS})
    if unknown:
        raise ValueError(
            f"evaluate('intents') got intent labels {unknown[:10]} it does not know; use the "
            f"ids {list(INTENTS)} (or their Chinese names {list(INTENTS.values())}), several "
            "in one cell separated by ',', ';' or '|', and 'none' (or an empty cell) for none.")
    return out


def _raw_intent_sets(labels: Sequence[object]) -> list[set[str]]:
    out = []
    for x in labels:
        if isinstance(x, Mapping):
            out.append({str(k) for k, v in x.items() if v})
        elif isinstance(x, str):
            x = x.strip()
            if x.startswith("["):
                out.append({str(v) for v in json.loads(x)})
            else:
                out.append({v for v in re.split(r"[;,|\s]+", x) if v})
        elif _missing(x):
            out.append(set())
        else:
            out.append({str(v) for v in x})  # type: ignore[union-attr]
    return out


def _predicted_intents(out: pd.DataFrame, n: int) -> list[set[str]]:
    sets: list[set[str]] = [set() for _ in range(n)]
    found = False
    for intent in INTENTS:
        for col in (f"intent_{intent}", intent):
            if col in out.columns:
                found = True
                for i, v in enumerate(out[col].tolist()):
                    if isinstance(v, (bool, np.bool_)) and v:
                        sets[i].add(intent)
                break
    if not found and "intents" in out.columns:
        found = True
        sets = _intent_sets(out["intents"].tolist())
    if not found:
        raise CxTextError(
            "evaluate('intents') cannot read the intents tagger's output: expected boolean "
            f"columns intent_<id> for {list(INTENTS)} or a list column 'intents'; got "
            f"{list(out.columns)}."
        )
    return sets


def _evaluate_intents(texts: list[Any], labels: list[Any], backend: Any, **params: Any) -> dict:
    try:
        from cxtext.tags.intents import intents as tag_intents  # written by another module
    except ImportError:
        raise CxTextError(
            "evaluate('intents') needs cxtext.tags.intents.intents, which this cxtext does not "
            "have yet."
        ) from None
    gold = _intent_sets(labels)
    kept = [str(t) if not _missing(t) else "" for t in texts]
    start = time.perf_counter()
    out = (
        tag_intents(kept, **params)
        if backend in (None, "rules", "default", "model")
        else (tag_intents(kept, backend=backend, **params))
    )
    seconds = time.perf_counter() - start
    pred = _predicted_intents(out, len(kept))
    per_class, f1s, averaged = {}, [], []
    tp_all = fp_all = fn_all = 0
    for intent in INTENTS:
        tp = sum(intent in g and intent in p for g, p in zip(gold, pred, strict=True))
        fp = sum(intent not in g and intent in p for g, p in zip(gold, pred, strict=True))
        fn = sum(intent in g and intent not in p for g, p in zip(gold, pred, strict=True))
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        # scikit-learn's convention: the macro average runs over the classes that occur in
        # the gold labels or the predictions; an intent a data set never has and the tagger
        # never predicts is no error, and counting it as F1 0 would pull the average down
        if tp + fp + fn:
            f1s.append(f1)
            averaged.append(intent)
        per_class[intent] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": tp + fn,
        }
    micro_p = tp_all / (tp_all + fp_all) if tp_all + fp_all else 0.0
    micro_r = tp_all / (tp_all + fn_all) if tp_all + fn_all else 0.0
    micro = 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0.0
    return {
        "task": "intents",
        "backend": "rules" if backend in (None, "rules", "default", "model") else str(backend),
        "n": len(kept),
        "labels": list(INTENTS),
        "macro_f1": round(float(np.mean(f1s)), 4) if f1s else 0.0,
        "macro_f1_labels": averaged,
        "micro_f1": round(micro, 4),
        "exact_match": round(float(np.mean([g == p for g, p in zip(gold, pred, strict=True)])), 4),
        "per_class": per_class,
        "seconds": round(seconds, 3),
        "docs_per_s": round(len(kept) / seconds, 1) if seconds > 0 else None,
    }


# ---------------------------------------------------------------------------------------------
# command line
# ---------------------------------------------------------------------------------------------


def _read_table(path: Path) -> pd.DataFrame:
    if not path.exists():
        raise ReadError(f"--data: no such file: '{path}'")
    if path.is_dir():
        raise ReadError(f"--data: '{path}' is a folder; give one labelled table "
                        "(.csv/.tsv/.jsonl/.json/.xlsx/.parquet)")
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return pd.read_json(path, lines=True, dtype=False)
    if suffix == ".json":
        return pd.read_json(path, dtype=False)
    if suffix in (".xlsx", ".xls"):
        return pd.read_excel(path, dtype=str)
    if suffix == ".parquet":
        return pd.read_parquet(path)
    from cxtext.io import detect_encoding

    sep = "\t" if suffix in (".tsv", ".tab") else ","
    return pd.read_csv(
        path, dtype=str, keep_default_na=False, sep=sep, encoding=detect_encoding(path)
    )


def build_parser(prog: str = "python -m cxtext.evaluate") -> argparse.ArgumentParser:
    """The argument parser of :func:`main` (``cxtext eval`` uses the same options)."""
    p = argparse.ArgumentParser(
        prog=prog,
        description="Evaluate a sentiment, emotion or intents backend on labelled texts and "
        "print the metrics as JSON.",
    )
    p.add_argument("task", choices=TASKS)
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--data", help="a labelled table: .csv/.tsv/.jsonl/.json/.xlsx/.parquet")
    src.add_argument(
        "--dataset",
        choices=sorted(DATASETS),
        help="a named public data set (see --data-dir) or gold_* set",
    )
    p.add_argument(
        "--data-dir",
        help="folder of the public data sets (default: $CXTEXT_SHARED_DATA or ../shared/data)",
    )
    p.add_argument(
        "--split",
        choices=_SPLITS,
        default="all",
        help="for --dataset finfe/waimai_10k/online_shopping_10_cats: the hold-out",
    )
    p.add_argument("--text-col", default="text", help="text column of --data (default: text)")
    p.add_argument("--label-col", default="label", help="label column of --data (default: label)")
    p.add_argument(
        "--label-map",
        choices=sorted(LABEL_MAPS),
        help="map the data's labels onto cxtext's (default for --dataset: its own)",
    )
    p.add_argument(
        "--backend", default="model",
        help="backend name: model (default), lexicon or snownlp; or package.module:Class, a "
        "tagger of your own with predict(texts) -> DataFrame (imported from your code)",
    )
    p.add_argument("--limit", type=int, help="evaluate the first N rows only")
    p.add_argument("--output", help="also write the JSON to this file")
    return p


def main(argv: Sequence[str] | None = None, prog: str = "python -m cxtext.evaluate") -> int:
    """Command-line entry: parse ``argv``, evaluate, print JSON. Returns the exit code."""
    args = build_parser(prog).parse_args(argv)
    try:
        if args.dataset:
            df = load_dataset(args.dataset, args.data_dir, split=args.split)
            texts, labels = df["text"].tolist(), df["label"].tolist()
            spec = DATASETS[args.dataset]
            label_map = args.label_map
            if label_map is None and args.task != "intents":
                default = LABEL_MAPS.get(spec.label_map)
                if default is not None and default.task == args.task:
                    label_map = default.name
                elif args.task == "sentiment" and spec.label_map in _TO_POLARITY:
                    label_map = _TO_POLARITY[spec.label_map]
        else:
            df = _read_table(Path(args.data))
            for col in (args.text_col, args.label_col):
                if col not in df.columns:
                    raise CxTextError(
                        f"{args.data!r} has no column {col!r}; its columns are "
                        f"{list(map(str, df.columns))}. Use --text-col / --label-col."
                    )
            texts, labels = df[args.text_col].tolist(), df[args.label_col].tolist()
            label_map = args.label_map
        if args.limit is not None:
            texts, labels = texts[: args.limit], labels[: args.limit]
        if args.task != "intents" and ":" in args.backend:
            # --backend package.module:Class, a tagger of your own (imported from your code)
            from cxtext.tags.base import _REGISTRY, register_backend

            if args.backend not in _REGISTRY[args.task]:
                register_backend(args.task, args.backend, args.backend)
        extra = {}
        if args.task == "intents" and "speaker" in df.columns:
            speakers = df["speaker"].tolist()
            extra["speaker"] = speakers[: args.limit] if args.limit is not None else speakers
        result = evaluate(
            args.task, texts, labels, backend=args.backend, label_map=label_map, **extra
        )
    except (CxTextError, ValueError) as exc:
        print(f"{prog}: error: {exc}", file=sys.stderr)
        return 2
    result["data"] = args.data or args.dataset
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    return 0


#: Emotion maps -> the polarity map used when a sentiment backend is evaluated on that set.
_TO_POLARITY: Final[dict[str, str]] = {
    "smp2020": "smp2020_polarity",
    "nlpcc2013": "nlpcc2013_polarity",
    "cluemotion2020": "cluemotion2020_negpos",
    "gold": "polarity",
}


if __name__ == "__main__":
    sys.exit(main())

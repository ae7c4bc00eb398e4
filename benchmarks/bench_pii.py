"""Benchmark PII detection against the labelled case set; writes ``benchmarks/results/pii.json``.

Matching rule
-------------
A predicted span and a gold span *match* when they have the same type and the predicted span
covers at least 80 % of the gold span's characters (``overlap >= 0.8 * len(gold)``). Matching
is one-to-one (each gold span is matched by at most one prediction and vice versa, in text
order). Per type:

* precision = matched predictions / all predictions of that type (on every case, negatives
  included);
* recall = matched gold spans / all gold spans of that type (``support``).

F1 is their harmonic mean. ``per_form`` gives recall per written form of the case (plain,
spaced, full-width, Chinese digits, …); ``negatives`` counts predicted spans on the cases that
contain no PII; ``texts_per_s`` is ``find_pii`` throughput over all case texts on one core
(best of several rounds).

Two labelled sets are scored: ``pii_cases.jsonl`` (written with the patterns; its figures are
the top-level keys) and ``pii_independent.jsonl`` (written by a second author as a check of the
first; its figures are under ``"independent"``, with ``targets`` saying whether every type
reaches recall >= 0.99 and precision >= 0.98 there). A third, small set,
``pii_holdout.jsonl``, was written after the gaps the independent set found had been fixed
and was never used to change a pattern: its figures (under ``"holdout"``) are the check on
over-fitting to the independent set. A fourth, ``pii_holdout2.jsonl`` (names and addresses
in bank call/chat/complaint wording plus look-alike negatives), was written and committed
before the name/address rules were reworked as cue + score, and scored once after: its
figures are under ``"holdout2"``. It then became development data, with ``pii_dev3.jsonl``
(``"dev3"``), for a third round of name/address work; ``pii_holdout3.jsonl`` (``"holdout3"``)
was written and committed before that round changed any code and is scored once after it.
Hold-out 3 then became development data for a fourth round; ``pii_holdout4.jsonl``
(``"holdout4"``) was written and committed before that round changed any code and is scored
once after it. Hold-out 4 then became development data for a fifth round (a statistical name
detector beside the rules); ``pii_holdout5.jsonl`` (``"holdout5"``) was written and committed
before that round changed any code and is scored once after it. Hold-out 5 then became
development data for a sixth round; ``pii_holdout6.jsonl`` (``"holdout6"``) was written and
committed before that round changed any code and is scored once after it. Hold-out 6 then
became development data for a seventh round (a learned name-window scorer beside the rules);
``pii_holdout7.jsonl`` (``"holdout7"``) was written and committed before that round changed
any code and is scored once after it. Hold-out 7 then became development data for an eighth
round (the learned scorer's second round; hold-out 7 its validation set, never trained on);
``pii_holdout8.jsonl`` (``"holdout8"``) was written and committed before that round changed
any code and is scored once after it. Hold-out 8 then became development data for a ninth
round; ``pii_holdout9.jsonl`` (``"holdout9"``) was written by another engineer than the one
who changed the code, committed before the code was frozen, and is scored once after it.
Hold-out 9 then became development data for a tenth round; ``pii_holdout10.jsonl``
(``"holdout10"``) was written by another engineer than the one who changed the code (h1,
session 9), committed before the code was frozen, and is scored once after it.
Hold-out 10 then became development data for an eleventh round; ``pii_holdout11.jsonl``
(``"holdout11"``) was written by another engineer than the one who changed the code (h1,
session 10), committed before the code was frozen, and is scored once after it.
Hold-out 11 then became development data for a twelfth round; ``pii_holdout12.jsonl``
(``"holdout12"``) was written by another engineer than the one who changed the code (h1,
session 11), committed before the code was frozen, and is scored once after it.
Hold-out 12 then became development data for a thirteenth round; ``pii_holdout13.jsonl``
(``"holdout13"``) was written by another engineer than the one who changed the code (h4,
session 11), committed before the code was frozen, and is scored once after it.

Hold-outs 1-8 were written by the engineer who then wrote the code. ``"jddc"`` is
built from real text instead: the personal-data placeholders of the desensitised JDDC chat
sample in ``../shared/data`` are filled with invented values by written rules
(``corpora/gold/pii_jddc_make.py``, which runs at bench time; the cases are never committed),
split by session into ``dev`` and ``heldout``; ``negatives.per_1000`` counts false positives
per 1,000 real utterances that held no placeholder. ``--jddc-dev-only`` leaves the held-out
half unscored while rules are worked on. ``"blind_scores"`` carries forward each hold-out's
figures at its one blind look (the live keys show fitted figures once a set became
development data).

Usage::

    python benchmarks/bench_pii.py [--cases corpora/gold/pii_cases.jsonl]
        [--independent corpora/gold/pii_independent.jsonl] [--show-errors]
        [--jddc-src PATH] [--jddc-dev-only] [--holdout6 PATH] [--holdout7 PATH]
        [--holdout8 PATH] [--holdout9 PATH] [--holdout10 PATH] [--holdout11 PATH]
        [--holdout12 PATH] [--holdout13 PATH]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import sys
import time
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(REPO))

from cxtext.text.pii import PII_TYPES, find_pii, mask_pii  # noqa: E402

CASES = REPO / "corpora" / "gold" / "pii_cases.jsonl"
INDEPENDENT = REPO / "corpora" / "gold" / "pii_independent.jsonl"
HOLDOUT = REPO / "corpora" / "gold" / "pii_holdout.jsonl"
HOLDOUT2 = REPO / "corpora" / "gold" / "pii_holdout2.jsonl"
DEV3 = REPO / "corpora" / "gold" / "pii_dev3.jsonl"
HOLDOUT3 = REPO / "corpora" / "gold" / "pii_holdout3.jsonl"
HOLDOUT4 = REPO / "corpora" / "gold" / "pii_holdout4.jsonl"
HOLDOUT5 = REPO / "corpora" / "gold" / "pii_holdout5.jsonl"
HOLDOUT6 = REPO / "corpora" / "gold" / "pii_holdout6.jsonl"
HOLDOUT7 = REPO / "corpora" / "gold" / "pii_holdout7.jsonl"
HOLDOUT8 = REPO / "corpora" / "gold" / "pii_holdout8.jsonl"
HOLDOUT9 = REPO / "corpora" / "gold" / "pii_holdout9.jsonl"
HOLDOUT10 = REPO / "corpora" / "gold" / "pii_holdout10.jsonl"
HOLDOUT11 = REPO / "corpora" / "gold" / "pii_holdout11.jsonl"
HOLDOUT12 = REPO / "corpora" / "gold" / "pii_holdout12.jsonl"
HOLDOUT13 = REPO / "corpora" / "gold" / "pii_holdout13.jsonl"
JDDC_MAKE = REPO / "corpora" / "gold" / "pii_jddc_make.py"
JDDC_SRC = REPO.parent / "shared" / "data" / "JDDC2019_chat_sample" / "chat_0.1per.txt"
TARGET_RECALL, TARGET_PRECISION = 0.99, 0.98
# Each blind hold-out's figures at its one blind look (commit of the results file that first
# held them); the live keys above show current, fitted figures once a set became development
# data, so these are carried forward here.
BLIND_SCORES: dict[str, dict] = {
    "holdout": {"commit": "7d56c94", "name": [0.7778, 0.7778, 18],
                "address": [0.7, 0.875, 8], "negatives_fp": [1, 17]},
    "holdout2": {"commit": "9d298aa", "name": [1.0, 0.8846, 78],
                 "address": [0.7632, 0.8286, 35], "negatives_fp": [0, 55]},
    "holdout3": {"commit": "57db0f8", "name": [1.0, 0.9381, 113],
                 "address": [0.9474, 0.931, 58], "negatives_fp": [0, 73]},
    "holdout4": {"commit": "06a771c", "name": [0.9933, 0.8098, 184],
                 "address": [0.8571, 0.8696, 69], "negatives_fp": [2, 101]},
    "holdout5": {"commit": "182d166", "name": [0.9841, 0.7294, 170],
                 "address": [0.84, 0.7925, 53], "negatives_fp": [1, 84]},
    "holdout6": {"commit": "564760a", "name": [0.9748, 0.703, 165],
                 "address": [0.9423, 0.9423, 52], "negatives_fp": [2, 69]},
    "holdout7": {"commit": "1c6c5da", "name": [0.9524, 0.8383, 167],
                 "address": [0.9762, 0.9762, 42], "negatives_fp": [4, 64]},
    "holdout8": {"commit": "b4e1129", "name": [0.9006, 0.8652, 178],
                 "address": [1.0, 1.0, 45], "negatives_fp": [13, 70]},
    # the first hold-out written by another engineer than the code's author (h2, session 8)
    "holdout9": {"commit": "a621ea0", "name": [0.9786, 0.9242, 198],
                 "address": [1.0, 1.0, 47], "negatives_fp": [4, 72]},
    # written by another engineer than the code's author (h1, session 9)
    "holdout10": {"commit": "14b2798", "name": [0.9752, 0.8603, 229],
                  "address": [0.9608, 0.98, 50], "negatives_fp": [5, 88]},
    # written by another engineer than the code's author (h1, session 10); code frozen at 9462711
    "holdout11": {"commit": "27baeb0", "name": [0.9679, 0.9563, 252],
                  "address": [1.0, 1.0, 50], "negatives_fp": [7, 88]},
    # written by another engineer than the code's author (h1, session 11); code frozen at cb896f3
    "holdout12": {"commit": "6b97bc3", "name": [0.9823, 0.8916, 249],
                  "address": [0.9038, 0.9216, 51], "negatives_fp": [2, 90]},
    # written by another engineer than the code's author (h4, session 11); code frozen at f168d61
    "holdout13": {"commit": "8476fa7", "name": [0.9623, 0.888, 259],
                  "address": [0.8846, 0.92, 50], "negatives_fp": [3, 101]},
    # the JDDC held-out half (real chat contexts), code frozen at 9ae2a91; numbers all 1.0
    # (phone 30, landline 7, ID 1, e-mail 1). One fix followed (育才路: 才 no longer stops a
    # place name), so the live "jddc"/"heldout" figures are development figures since.
    "jddc_heldout": {"commit": "9014bc9", "name": [0.9412, 0.9412, 17],
                     "address": [0.9636, 0.9464, 56], "negatives_fp": [0, 504]},
}
OUT = REPO / "benchmarks" / "results" / "pii.json"
MIN_COVER = 0.8


def load_cases(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def match_spans(gold: list[dict], pred: list[dict]) -> tuple[set[int], set[int]]:
    """Indices of matched gold spans and matched predicted spans (one-to-one)."""
    used_pred: set[int] = set()
    hit_gold: set[int] = set()
    for gi, g in enumerate(gold):
        need = MIN_COVER * (g["end"] - g["start"])
        for pi, p in enumerate(pred):
            if pi in used_pred or p["type"] != g["type"]:
                continue
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap >= need and overlap > 0:
                used_pred.add(pi)
                hit_gold.add(gi)
                break
    return hit_gold, used_pred


def evaluate(cases: list[dict]) -> tuple[dict, list[str]]:
    tp_gold: dict[str, int] = defaultdict(int)
    n_gold: dict[str, int] = defaultdict(int)
    tp_pred: dict[str, int] = defaultdict(int)
    n_pred: dict[str, int] = defaultdict(int)
    form_hit: dict[str, int] = defaultdict(int)
    form_n: dict[str, int] = defaultdict(int)
    type_form_hit: dict[str, int] = defaultdict(int)
    type_form_n: dict[str, int] = defaultdict(int)
    neg_n = neg_fp = 0
    neg_examples: list[str] = []
    errors: list[str] = []
    for case in cases:
        text, gold = case["text"], case["spans"]
        pred = [{"start": m.start, "end": m.end, "type": m.type} for m in find_pii(text)]
        hit_gold, used_pred = match_spans(gold, pred)
        for gi, g in enumerate(gold):
            key = f"{g['type']}/{case['form']}"
            n_gold[g["type"]] += 1
            form_n[case["form"]] += 1
            type_form_n[key] += 1
            if gi in hit_gold:
                tp_gold[g["type"]] += 1
                form_hit[case["form"]] += 1
                type_form_hit[key] += 1
            else:
                errors.append(f"MISS {case['id']} {g['type']}: {text[g['start']:g['end']]!r} "
                              f"in {text!r} -> {_show(text, pred)}")
        for pi, p in enumerate(pred):
            n_pred[p["type"]] += 1
            if pi in used_pred:
                tp_pred[p["type"]] += 1
            else:
                errors.append(f"FP   {case['id']} {p['type']}: {text[p['start']:p['end']]!r} "
                              f"in {text!r}")
        if not gold:
            neg_n += 1
            neg_fp += len(pred)
            if pred and len(neg_examples) < 20:
                neg_examples.append(f"{case['id']}: {_show(text, pred)}")
    per_type = {}
    for t in PII_TYPES:
        p = tp_pred[t] / n_pred[t] if n_pred[t] else 1.0
        r = tp_gold[t] / n_gold[t] if n_gold[t] else 1.0
        per_type[t] = {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "support": n_gold[t],
            "predicted": n_pred[t],
        }
    all_gold, all_pred = sum(n_gold.values()), sum(n_pred.values())
    overall = {
        "precision": round(sum(tp_pred.values()) / all_pred, 4) if all_pred else 1.0,
        "recall": round(sum(tp_gold.values()) / all_gold, 4) if all_gold else 1.0,
        "support": all_gold,
    }
    per_form = {
        f: {"recall": round(form_hit[f] / form_n[f], 4), "support": form_n[f]}
        for f in sorted(form_n)
    }
    per_type_form = {
        k: {"recall": round(type_form_hit[k] / type_form_n[k], 4), "support": type_form_n[k]}
        for k in sorted(type_form_n)
    }
    result = {
        "per_type": per_type,
        "overall": overall,
        "per_form": per_form,
        "per_type_form": per_type_form,
        "negatives": {"n": neg_n, "false_positives": neg_fp, "examples": neg_examples},
    }
    return result, errors


def _show(text: str, pred: list[dict]) -> str:
    return repr([(p["type"], text[p["start"]:p["end"]]) for p in pred])


def throughput(texts: list[str], func=find_pii, rounds: int = 7) -> float:
    """Texts per second of CPU time (best round): stable on a shared, busy machine."""
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        for t in texts:
            func(t)
        best = min(best, time.process_time() - t0)
    return len(texts) / best


DEMO = REPO / "corpora" / "demo"
# corpora/demo/truth.csv names two types differently
DEMO_TYPE_MAP = {"mobile": "phone", "id_number": "id_card"}


def demo_check(demo: Path = DEMO) -> dict | None:
    """Conversation-level agreement with the demo corpus's own PII labels (independent data).

    ``truth.csv`` lists the PII types the corpus generator put in each conversation; a type
    counts as found when any turn of the conversation has a detection of that type. Returns
    None when the demo corpus is absent.
    """
    import pandas as pd

    try:
        turns = pd.read_csv(demo / "turns.csv", dtype=str, keep_default_na=False)
        truth = pd.read_csv(demo / "truth.csv", dtype=str, keep_default_na=False)
    except (OSError, ValueError):
        return None
    if not {"conversation_id", "text"} <= set(turns) or "pii_types" not in truth:
        return None
    found: dict[str, set[str]] = defaultdict(set)
    for cid, text in zip(turns["conversation_id"], turns["text"], strict=True):
        for m in find_pii(text):
            found[cid].add(m.type)
    counts = {t: {"tp": 0, "fn": 0, "fp": 0} for t in PII_TYPES}
    for cid, labels in zip(truth["conversation_id"], truth["pii_types"], strict=True):
        gold = {DEMO_TYPE_MAP.get(x, x) for x in labels.split(";") if x}
        got = found.get(cid, set())
        for t in PII_TYPES:
            if t in gold:
                counts[t]["tp" if t in got else "fn"] += 1
            elif t in got:
                counts[t]["fp"] += 1
    return {
        "note": "conversation-level: a labelled type is found if any turn has a detection of "
                "that type; fp = detected type the generator did not label (staff names such as "
                "王经理 are unlabelled there)",
        "n_conversations": int(len(truth)),
        "n_turns": int(len(turns)),
        "per_type": counts,
    }


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return str(path)


def versions() -> dict[str, str]:
    import numpy
    import pandas

    try:
        from cxtext._version import __version__ as cx_version
    except Exception:  # pragma: no cover - partial checkouts
        cx_version = "unknown"
    return {
        "cxtext": cx_version,
        "python": platform.python_version(),
        "pandas": pandas.__version__,
        "numpy": numpy.__version__,
        "platform": platform.platform(),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=Path, default=CASES)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--show-errors", action="store_true", help="print every miss and FP")
    ap.add_argument("--independent", type=Path, default=INDEPENDENT)
    ap.add_argument("--holdout", type=Path, default=HOLDOUT)
    ap.add_argument("--holdout2", type=Path, default=HOLDOUT2)
    ap.add_argument("--dev3", type=Path, default=DEV3)
    ap.add_argument("--holdout3", type=Path, default=HOLDOUT3)
    ap.add_argument("--holdout4", type=Path, default=HOLDOUT4)
    ap.add_argument("--holdout5", type=Path, default=HOLDOUT5)
    ap.add_argument("--holdout6", type=Path, default=HOLDOUT6)
    ap.add_argument("--holdout7", type=Path, default=HOLDOUT7)
    ap.add_argument("--holdout8", type=Path, default=HOLDOUT8)
    ap.add_argument("--holdout9", type=Path, default=HOLDOUT9)
    ap.add_argument("--holdout10", type=Path, default=HOLDOUT10)
    ap.add_argument("--holdout11", type=Path, default=HOLDOUT11)
    ap.add_argument("--holdout12", type=Path, default=HOLDOUT12)
    ap.add_argument("--holdout13", type=Path, default=HOLDOUT13)
    ap.add_argument("--jddc-src", type=Path, default=JDDC_SRC,
                    help="the JDDC chat sample the 'jddc' cases are built from")
    ap.add_argument("--jddc-dev-only", action="store_true",
                    help="score the JDDC dev half only (held-out cases not scored or printed)")
    args = ap.parse_args(argv)

    cases = load_cases(args.cases)
    result, errors = evaluate(cases)
    texts = [c["text"] for c in cases]
    load_before = [round(x, 2) for x in os.getloadavg()]
    tps = throughput(texts)
    tps_clean = throughput([c["text"] for c in cases if not c["spans"]])
    tps_mask = throughput(texts, mask_pii)
    load_after = [round(x, 2) for x in os.getloadavg()]
    try:
        dataset = str(args.cases.resolve().relative_to(REPO))
    except ValueError:
        dataset = str(args.cases)
    demo = demo_check()
    independent, ind_errors = _extra_set(
        args.independent,
        "written independently of the patterns (corpora/gold/README.md, "
        "'Independent PII set'); the issue's targets apply to this set",
    )
    holdout, hold_errors = _extra_set(
        args.holdout,
        "written after the independent set's gaps were fixed, scored once, never "
        "used to change a pattern: the check on over-fitting",
        targets=False,
    )
    holdout2, hold2_errors = _extra_set(
        args.holdout2,
        "names and addresses in bank wording plus look-alike negatives, written and "
        "committed before the cue + score name rules, scored once after them "
        "(corpora/gold/README.md, 'Hold-out 2'); development data since the third "
        "round (hold-out 3), so its current figures are fitted",
        targets=False,
    )
    dev3, dev3_errors = _extra_set(
        args.dev3,
        "development cases for the third name/address round (written after hold-out 3 was "
        "committed, with other strings); fitted, not a measure of generalisation",
    )
    holdout3, hold3_errors = _extra_set(
        args.holdout3,
        "blind hold-out for the third name/address round: written and committed before any "
        "masking change of that round, scored once after it; development data for that round "
        "were pii_holdout2.jsonl, pii_dev3.jsonl, the author's probe sentences and the "
        "unlabelled review corpora (corpora/gold/README.md, 'Hold-out 3'); development data "
        "for the fourth round since, so its current figures are fitted",
    )
    holdout4, hold4_errors = _extra_set(
        args.holdout4,
        "blind hold-out for the fourth name/address round: written and committed before any "
        "masking change of that round, scored once after it; development data for that round "
        "were every earlier set (hold-out 3 included), the unit tests' sentences and the "
        "unlabelled review corpora (corpora/gold/README.md, 'Hold-out 4'); development data "
        "for the fifth round since, so its current figures are fitted",
    )
    holdout5, hold5_errors = _extra_set(
        args.holdout5,
        "blind hold-out for the fifth name/address round (statistical name detector beside "
        "the rules): written and committed before any masking change of that round, scored "
        "once after it; development data for that round were every earlier set (hold-out 4 "
        "included), the unit tests' sentences and the unlabelled review corpora "
        "(corpora/gold/README.md, 'Hold-out 5'); development data for the sixth round since, "
        "so its current figures are fitted",
    )
    holdout6, hold6_errors = _extra_set(
        args.holdout6,
        "blind hold-out for the sixth name/address round: written and committed before any "
        "masking change of that round, scored once after it; development data for that round "
        "were every earlier set (hold-out 5 included), the JDDC dev half, the unit tests' "
        "sentences, probe sentences and the unlabelled review corpora "
        "(corpora/gold/README.md, 'Hold-out 6'); development data for the seventh round "
        "since (the learned scorer's validation set, never trained on)",
    )
    holdout7, hold7_errors = _extra_set(
        args.holdout7,
        "blind hold-out for the seventh name/address round (a learned name-window scorer "
        "beside the rules): written and committed before any masking change of that round, "
        "mostly ordinary bank wording, scored once after it; development data for that "
        "round were every earlier set (hold-out 6 included), the JDDC dev half, the unit "
        "tests' sentences, the demo corpus and the unlabelled review corpora "
        "(corpora/gold/README.md, 'Hold-out 7'); development data for the eighth round "
        "since (the learned scorer's validation set, never trained on)",
    )
    holdout8, hold8_errors = _extra_set(
        args.holdout8,
        "blind hold-out for the eighth name/address round (the learned name scorer's second "
        "round): written and committed before any masking change of that round, mostly "
        "ordinary bank wording, scored once after it; development data for that round were "
        "every earlier set (hold-outs 6 and 7 included), the JDDC dev half, the unit tests' "
        "sentences, the demo corpus and the unlabelled review corpora "
        "(corpora/gold/README.md, 'Hold-out 8'); development data for the ninth round since",
    )
    holdout9, hold9_errors = _extra_set(
        args.holdout9,
        "blind hold-out for the ninth name/address round, the first written by another "
        "engineer than the one who changed the code (h2, session 8): committed before the "
        "round's code was frozen, never run through the masker by the code's author before "
        "the one blind look; development data for that round were every earlier set "
        "(hold-outs 1-8), the JDDC dev half, the unit tests' sentences, probe sentences, the "
        "demo corpus and the unlabelled review and weibo corpora (corpora/gold/README.md, "
        "'Hold-out 9'); development data for the tenth round since",
    )
    holdout10, hold10_errors = _extra_set(
        args.holdout10,
        "blind hold-out for the tenth name/address round, written by another engineer than "
        "the one who changed the code (h1, session 9): committed before the round's code was "
        "frozen, never opened, run or scored by the code's author before the one blind look; "
        "development data for that round were every earlier set (hold-outs 1-9), the JDDC "
        "dev half, the unit tests' sentences, probe sentences, the demo corpus and the "
        "unlabelled review and weibo corpora (corpora/gold/README.md, 'Hold-out 10'); "
        "development data for the eleventh round since",
    )
    holdout11, hold11_errors = _extra_set(
        args.holdout11,
        "blind hold-out for the eleventh name/address round, written by another engineer "
        "than the one who changed the code (h1, session 10): committed before the round's "
        "code was frozen, never opened, run or scored by the code's author before the one "
        "blind look; development data for that round were every earlier set (hold-outs "
        "1-10), the JDDC dev half, the unit tests' sentences, probe sentences, the demo "
        "corpus and the unlabelled review and weibo corpora (corpora/gold/README.md, "
        "'Hold-out 11'); development data for the twelfth round since",
    )
    holdout12, hold12_errors = _extra_set(
        args.holdout12,
        "blind hold-out for the twelfth name/address round, written by another engineer "
        "than the one who changed the code (h1, session 11): committed before the round's "
        "code was frozen, never opened, run or scored by the code's author before the one "
        "blind look; development data for that round were every earlier set (hold-outs "
        "1-11), the JDDC dev half, the unit tests' sentences, probe sentences, the demo "
        "corpus and the unlabelled review and weibo corpora (corpora/gold/README.md, "
        "'Hold-out 12'); development data for the thirteenth round since",
    )
    holdout13, hold13_errors = _extra_set(
        args.holdout13,
        "blind hold-out for the thirteenth name/address round, written by another engineer "
        "than the one who changed the code (h4, session 11): committed before the round's "
        "code was frozen (f168d61), never opened, run or scored by the code's author before "
        "the one blind look; development data for that round were every earlier set "
        "(hold-outs 1-12), the JDDC dev half, the unit tests' sentences, probe sentences, the "
        "demo corpus and the unlabelled review and weibo corpora (corpora/gold/README.md, "
        "'Hold-out 13')",
    )
    jddc, jddc_errors = jddc_sets(args.jddc_src, dev_only=args.jddc_dev_only)
    report = {
        "dataset": dataset,
        "dataset_sha256": hashlib.sha256(args.cases.read_bytes()).hexdigest(),
        "n_cases": len(cases),
        "match_rule": "same type and predicted span covers >= 80% of the gold span's "
                      "characters; one-to-one",
        **result,
        "independent": independent,
        "holdout": holdout,
        "holdout2": holdout2,
        "dev3": dev3,
        "holdout3": holdout3,
        "holdout4": holdout4,
        "holdout5": holdout5,
        "holdout6": holdout6,
        "holdout7": holdout7,
        "holdout8": holdout8,
        "holdout9": holdout9,
        "holdout10": holdout10,
        "holdout11": holdout11,
        "holdout12": holdout12,
        "holdout13": holdout13,
        "jddc": jddc,
        "blind_scores": {
            "note": "each blind hold-out's [precision, recall, support] at its one blind look, "
                    "and false positives / negatives; commit = the results file that first "
                    "held them",
            **BLIND_SCORES,
        },
        "external_demo_corpus": demo,
        "texts_per_s": round(tps),
        "texts_per_s_note": "find_pii on every case text, one core, CPU time (best of 7 rounds)",
        "texts_per_s_no_pii": round(tps_clean),
        "mask_texts_per_s": round(tps_mask),
        "load_average": {"before": load_before, "after": load_after,
                         "note": "os.getloadavg() (1, 5, 15 min) around the timings: on a "
                                 "shared machine compare speeds only within one run"},
        "mean_text_chars": round(sum(map(len, texts)) / len(texts), 1),
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "versions": versions(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    if args.show_errors:
        print("\n".join(errors + ind_errors + hold_errors + hold2_errors + dev3_errors
                        + hold3_errors + hold4_errors + hold5_errors + hold6_errors + hold7_errors
                        + hold8_errors + hold9_errors + hold10_errors + hold11_errors
                        + hold12_errors + hold13_errors + jddc_errors))
    print(f"{len(cases)} cases, {len(errors)} errors; find_pii {report['texts_per_s']} texts/s "
          f"(no-PII texts {report['texts_per_s_no_pii']}/s), "
          f"mask_pii {report['mask_texts_per_s']} texts/s")
    print(f"{'type':<10} {'precision':>9} {'recall':>7} {'support':>7}")
    for t, v in result["per_type"].items():
        print(f"{t:<10} {v['precision']:>9.4f} {v['recall']:>7.4f} {v['support']:>7}")
    neg = result["negatives"]
    print(f"negatives: {neg['false_positives']} false positive(s) on {neg['n']} cases")
    if independent is not None:
        print(f"independent set: {independent['n_cases']} cases, {len(ind_errors)} errors, "
              f"targets met: {independent['targets']['met']}")
        for t, v in independent["per_type"].items():
            print(f"{t:<10} {v['precision']:>9.4f} {v['recall']:>7.4f} {v['support']:>7}")
    if holdout is not None:
        print(f"hold-out set: {holdout['n_cases']} cases, {len(hold_errors)} errors")
        for t, v in holdout["per_type"].items():
            print(f"{t:<10} {v['precision']:>9.4f} {v['recall']:>7.4f} {v['support']:>7}")
    if holdout2 is not None:
        print(f"hold-out 2: {holdout2['n_cases']} cases, {len(hold2_errors)} errors")
        for t in ("name", "address"):
            v = holdout2["per_type"][t]
            print(f"{t:<10} {v['precision']:>9.4f} {v['recall']:>7.4f} {v['support']:>7}")
    for key, extra, extra_errors in (("dev 3", dev3, dev3_errors),
                                     ("hold-out 3", holdout3, hold3_errors),
                                     ("hold-out 4", holdout4, hold4_errors),
                                     ("hold-out 5", holdout5, hold5_errors),
                                     ("hold-out 6", holdout6, hold6_errors),
                                     ("hold-out 7", holdout7, hold7_errors),
                                     ("hold-out 8", holdout8, hold8_errors),
                                     ("hold-out 9", holdout9, hold9_errors),
                                     ("hold-out 10", holdout10, hold10_errors),
                                     ("hold-out 11", holdout11, hold11_errors),
                                     ("hold-out 12", holdout12, hold12_errors),
                                     ("hold-out 13", holdout13, hold13_errors)):
        if extra is not None:
            print(f"{key}: {extra['n_cases']} cases, {len(extra_errors)} errors, "
                  f"{extra['negatives']['false_positives']} false positive(s) on "
                  f"{extra['negatives']['n']} negatives")
            for t in ("name", "address"):
                v = extra["per_type"][t]
                print(f"{t:<10} {v['precision']:>9.4f} {v['recall']:>7.4f} {v['support']:>7}")
    for half in ("dev", "heldout"):
        extra = (jddc or {}).get(half)
        if isinstance(extra, dict):
            neg = extra["negatives"]
            print(f"JDDC {half}: {extra['n_cases']} cases, {neg['false_positives']} false "
                  f"positive(s) on {neg['n']} negatives ({neg['per_1000']} per 1,000)")
            for t, v in extra["per_type"].items():
                if v["support"] or v["predicted"]:
                    print(f"{t:<10} {v['precision']:>9.4f} {v['recall']:>7.4f} "
                          f"{v['support']:>7}")
    print(f"wrote {args.out}")
    return 0


def jddc_sets(src: Path, *, dev_only: bool = False) -> tuple[dict | None, list[str]]:
    """Score the cases built from the real JDDC chats (``corpora/gold/pii_jddc_make.py``), per
    half; None when the chat sample is absent. With ``dev_only`` the held-out half is not
    scored."""
    if not src.is_file():
        return None, []
    import importlib.util

    spec = importlib.util.spec_from_file_location("pii_jddc_make", JDDC_MAKE)
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    cases, stats = make.build(src)
    out: dict = {
        "source": "JDDC 2019 chat sample (../shared/data/JDDC2019_chat_sample; real, "
                  "desensitised JD.com chats, internal evaluation only: cases built at bench "
                  "time, never committed)",
        "source_sha256": hashlib.sha256(src.read_bytes()).hexdigest(),
        "builder": _rel(JDDC_MAKE),
        "note": "the desensitiser's placeholders filled with invented values by written rules "
                "(corpora/gold/README.md, 'JDDC'); negatives are real utterances without a "
                "personal-data placeholder; split by session. The held-out half was scored "
                "blind once (blind_scores.jddc_heldout); one address fix followed, so its "
                "figures here are development figures since",
        "build_stats": dict(sorted(stats.items())),
    }
    errors: list[str] = []
    for half in ("dev", "heldout"):
        if half == "heldout" and dev_only:
            out[half] = "not scored (--jddc-dev-only)"
            continue
        part = [c for c in cases if c["split"] == half]
        result, errs = evaluate(part)
        neg = result["negatives"]
        neg["per_1000"] = round(1000 * neg["false_positives"] / neg["n"], 1) if neg["n"] else 0.0
        neg["examples"] = []  # real chat text: never written to the results file
        out[half] = {"n_cases": len(part), **result}
        errors += [f"[jddc {half}] {e}" for e in errs]
    return out, errors


def _extra_set(path: Path, note: str, *, targets: bool = True
               ) -> tuple[dict | None, list[str]]:
    """Score one more labelled set (None when the file is absent); ``targets``: say whether
    the issue's per-type targets are met on it."""
    if not path.exists():
        return None, []
    cases = load_cases(path)
    result, errors = evaluate(cases)
    out: dict = {
        "dataset": _rel(path),
        "dataset_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "n_cases": len(cases),
        "note": note,
    }
    if targets:
        out["targets"] = {
            "recall_min": TARGET_RECALL,
            "precision_min": TARGET_PRECISION,
            "met": all(v["recall"] >= TARGET_RECALL and v["precision"] >= TARGET_PRECISION
                       for v in result["per_type"].values()),
        }
    return {**out, **result}, errors


if __name__ == "__main__":
    sys.exit(main())

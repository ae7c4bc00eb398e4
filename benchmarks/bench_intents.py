"""Benchmark the rule-based intents and complaint categories on the gold set.

Writes ``benchmarks/results/intents.json``.

Splits
------
The gold set (``corpora/gold/intents_categories.jsonl``) is split by the numeric part of
its id: **odd** ids are the development half the rules were written against, **even** ids
are held out (their texts were never read while writing rules), ``all`` is both.
``dev_g0001_g0917`` and ``heldout_g0001_g0917`` are the same halves of the set as first
written (g0001-g0917), so that figures stay comparable after hard cases were added (g0918 on,
written for issue #3 with the same odd/even rule). ``dev_g1096_g1311`` and
``heldout_g1096_g1311`` are the halves of the third batch of hard cases alone (216 items
written in like-construction pairs before any tagger was run on them; see
``corpora/gold/README.md``), ``dev_g1312_g1523`` and ``heldout_g1312_g1523`` those of the
fourth batch (212 items, written the same way).

``--dev-only`` scores the development splits only: held-out items are not scored, printed
or written (the results file is then written only when ``--out`` is given), so rules can
be worked on without looking at held-out aggregates.

Figures per split
-----------------
* ``intents``: precision, recall, F1, support and tp/fp/fn per intent (churn, escalation,
  repeat, urgency), from :func:`cxtext.tags.intents.intents` with each item's speaker (rules
  + the learned churn and escalation detectors); ``splits_rules_only`` has the same figures
  for the rules alone (``model=False``), and every speed figure has a ``_rules_only`` twin.
* ``categories``: precision, recall, F1 and support per taxonomy id, their micro and macro
  averages, and the share of items whose label set matches exactly, from
  :func:`cxtext.tags.taxonomy.categories`.
* ``hard``: for the hard tags negation, question, agent_speaker, conditional, implicit,
  sarcasm: the number of items, the share whose four intent booleans are all right, and
  tp/fp/fn/tn per intent on that subset.

Speed
-----
``texts_per_s`` is ``intents`` + ``categories`` on one core (CPU time, best of several
rounds, the shared matching-text cache emptied before each round) over **short texts**: the
distinct customer turns of the demo corpus with at most 40 characters (the gold texts when
the demo corpus is absent). ``texts_per_s_detail`` adds all distinct demo customer turns
(long e-mails included) and the gold texts.

A conversation-level check against the demo corpus's generator labels
(``corpora/demo/truth.csv``: churn_threat, escalation_threat, repeat_contact and
agent_forbidden_phrase) is added under ``demo_corpus`` when the corpus is present. Those
labels are latent facts of a synthetic generator, not a gold standard: ``repeat_contact``
is true when an earlier contact happened even if the text never says so, and the
generator counts 我要写信给你们行长 as escalation where the gold rules call it an internal
complaint.

Usage::

    python benchmarks/bench_intents.py [--gold PATH] [--out PATH] [--show-errors]
                                       [--dev-only] [--no-speed]

``--show-errors`` prints the development half's errors only; held-out texts are never
printed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(REPO))

import pandas as pd  # noqa: E402

from cxtext.labels import CATEGORIES, INTENTS  # noqa: E402
from cxtext.tags.intents import intents  # noqa: E402
from cxtext.tags.taxonomy import categories  # noqa: E402

GOLD = REPO / "corpora" / "gold" / "intents_categories.jsonl"
DEMO = REPO / "corpora" / "demo"
OUT = REPO / "benchmarks" / "results" / "intents.json"
HARD_TAGS = ("negation", "question", "agent_speaker", "conditional", "implicit", "sarcasm")
INTENT_NAMES = tuple(INTENTS)
CATEGORY_NAMES = tuple(CATEGORIES)


def load_gold(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


#: The last id of the gold set as first written (later ids are added hard cases).
ORIGINAL_LAST_ID = 917
#: Id ranges reported on their own, as ``dev_<name>`` and ``heldout_<name>``: the set as first
#: written and the third and fourth batches of hard cases (issue #3).
RANGES = {"g0001_g0917": (1, ORIGINAL_LAST_ID), "g1096_g1311": (1096, 1311),
          "g1312_g1523": (1312, 1523)}
SPLITS = ("dev", "heldout", "all",
          *(f"{half}_{name}" for name in RANGES for half in ("dev", "heldout")))


def split_of(item: dict) -> str:
    return "dev" if int(item["id"].lstrip("g")) % 2 == 1 else "heldout"


def in_split(item: dict, name: str) -> bool:
    """Whether ``item`` belongs to the split ``name`` (one of :data:`SPLITS`)."""
    if name == "all":
        return True
    half, _, rng = name.partition("_")
    if rng:
        lo, hi = RANGES[rng]
        if not lo <= int(item["id"].lstrip("g")) <= hi:
            return False
    return split_of(item) == half


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "support": tp + fn, "tp": tp, "fp": fp, "fn": fn}


def predict(items: list[dict], model: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
    texts = [it["text"] for it in items]
    ints = intents(texts, speaker=[it["speaker"] for it in items], model=model)
    cats = categories(texts)
    return ints, cats


def evaluate(items: list[dict], ints: pd.DataFrame, cats: pd.DataFrame) -> dict:
    out: dict = {"n": len(items)}
    per_intent = {}
    for name in INTENT_NAMES:
        pred = ints[f"intent_{name}"].tolist()
        gold = [it["intents"][name] for it in items]
        tp = sum(g and p for g, p in zip(gold, pred, strict=True))
        fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
        fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
        per_intent[name] = prf(tp, fp, fn)
    out["intents"] = per_intent

    counts = {c: [0, 0, 0] for c in CATEGORY_NAMES}
    exact = 0
    for it, pred in zip(items, cats["categories"], strict=True):
        g, p = set(it["categories"]), set(pred)
        exact += g == p
        for c in CATEGORY_NAMES:
            counts[c][0] += c in g and c in p
            counts[c][1] += c in p and c not in g
            counts[c][2] += c in g and c not in p
    per_cat = {c: prf(*counts[c]) for c in CATEGORY_NAMES}
    tp, fp, fn = (sum(v[k] for v in counts.values()) for k in range(3))
    micro = prf(tp, fp, fn)
    macro = {
        k: round(sum(per_cat[c][k] for c in CATEGORY_NAMES) / len(CATEGORY_NAMES), 4)
        for k in ("precision", "recall", "f1")
    }
    out["categories"] = {"per_category": per_cat, "micro": micro, "macro": macro,
                         "exact_match": round(exact / len(items), 4) if items else 0.0}

    hard = {}
    for tag in HARD_TAGS:
        idx = [i for i, it in enumerate(items) if tag in it["hard"]]
        entry: dict = {"n": len(idx)}
        all_right = 0
        for i in idx:
            all_right += all(
                bool(ints[f"intent_{n}"].iloc[i]) == items[i]["intents"][n] for n in INTENT_NAMES
            )
        entry["intent_accuracy"] = round(all_right / len(idx), 4) if idx else None
        for n in INTENT_NAMES:
            c = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
            for i in idx:
                g, p = items[i]["intents"][n], bool(ints[f"intent_{n}"].iloc[i])
                c["tp" if g and p else "fp" if p else "fn" if g else "tn"] += 1
            entry[n] = c
        hard[tag] = entry
    out["hard"] = hard
    return out


def show_dev_errors(items: list[dict], ints: pd.DataFrame, cats: pd.DataFrame) -> None:
    """Print the development half's errors (held-out texts are never printed)."""
    for i, it in enumerate(items):
        if split_of(it) != "dev":
            continue
        for n in INTENT_NAMES:
            p = bool(ints[f"intent_{n}"].iloc[i])
            if p != it["intents"][n]:
                ev = [d["text"] for d in ints["intent_evidence"].iloc[i] if d["intent"] == n]
                print(f"{'FP' if p else 'FN'} {n:10s} {it['id']} {it['text'][:80]} {ev}")
        g, p = set(it["categories"]), set(cats["categories"].iloc[i])
        if g != p:
            print(f"CAT {it['id']} gold={sorted(g)} pred={sorted(p)} {it['text'][:60]}")


SHORT_CHARS = 40


def throughput(texts: list[str], rounds: int = 5, model: bool = True) -> float:
    """intents + categories, texts per second of CPU time.

    Best of ``rounds`` timed rounds after one untimed warm-up round; the shared cache of
    matching texts is emptied before each round, so every round normalises every text.
    """
    from cxtext.tags._rules import clear_cache

    intents(texts, model=model)  # compile the rules and warm up outside the timed rounds
    categories(texts)
    best = float("inf")
    for _ in range(rounds):
        clear_cache()
        t0 = time.process_time()
        intents(texts, model=model)
        categories(texts)
        best = min(best, time.process_time() - t0)
    return len(texts) / best


def _speed(texts: list[str], rounds: int) -> dict:
    return {"n": len(texts), "mean_chars": round(sum(map(len, texts)) / len(texts), 1),
            "texts_per_s": round(throughput(texts, rounds)),
            "texts_per_s_rules_only": round(throughput(texts, rounds, model=False))}


def demo_check(demo: Path = DEMO) -> tuple[dict | None, list[str]]:
    """Conversation-level agreement with the demo generator's labels, and its customer texts."""
    try:
        turns = pd.read_csv(demo / "turns.csv", dtype=str, keep_default_na=False)
        truth = pd.read_csv(demo / "truth.csv", dtype=str, keep_default_na=False)
    except (OSError, ValueError):
        return None, []
    from cxtext.tags.quality import agent_quality

    ints = intents(turns["text"], speaker=turns["speaker"])
    ints["conversation_id"] = turns["conversation_id"].to_numpy()
    cols = [f"intent_{n}" for n in ("churn", "escalation", "repeat")]
    conv = ints.groupby("conversation_id", sort=False)[cols].any()
    conv = conv.reindex(truth["conversation_id"], fill_value=False)
    quality = agent_quality(turns).set_index("conversation_id")
    quality = quality.reindex(truth["conversation_id"])
    out = {
        "note": "conversation level: a conversation has an intent when any customer turn has "
                "it. Generator labels are latent facts, not gold (see the module docstring).",
        "n_conversations": int(len(truth)),
    }
    pairs = (("churn", "churn_threat"), ("escalation", "escalation_threat"),
             ("repeat", "repeat_contact"))
    for name, col in pairs:
        g = (truth[col] == "true").to_numpy()
        p = conv[f"intent_{name}"].to_numpy()
        out[name] = prf(int((g & p).sum()), int((~g & p).sum()), int((g & ~p).sum()))
    neg = (truth["churn_negated"] == "true").to_numpy()
    out["churn_negated_flagged"] = {
        "n": int(neg.sum()), "flagged_churn": int((neg & conv["intent_churn"].to_numpy()).sum())
    }
    g = (truth["agent_forbidden_phrase"] == "true").to_numpy()
    p = (quality["quality_forbidden"].fillna(0) > 0).to_numpy()
    out["agent_forbidden_phrase"] = prf(int((g & p).sum()), int((~g & p).sum()),
                                        int((g & ~p).sum()))
    customer = turns.loc[turns["speaker"] == "customer", "text"]
    return out, list(dict.fromkeys(customer.tolist()))


def versions() -> dict[str, str]:
    import numpy
    import opencc  # noqa: F401 - present whenever cxtext is

    try:
        from cxtext._version import __version__ as cx_version
    except Exception:  # pragma: no cover - partial checkouts
        cx_version = "unknown"
    from importlib.metadata import PackageNotFoundError, version

    try:
        opencc_version = version("opencc")
    except PackageNotFoundError:  # pragma: no cover
        opencc_version = "unknown"
    return {
        "cxtext": cx_version,
        "python": platform.python_version(),
        "pandas": pd.__version__,
        "numpy": numpy.__version__,
        "opencc": opencc_version,
        "platform": platform.platform(),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--out", type=Path, default=None,
                    help=f"results file (default {OUT.relative_to(REPO)}; with --dev-only, "
                         "none unless given)")
    ap.add_argument("--show-errors", action="store_true",
                    help="print the development half's errors (never the held-out texts)")
    ap.add_argument("--dev-only", action="store_true",
                    help="score the development splits only; held-out items are not scored")
    ap.add_argument("--no-speed", action="store_true",
                    help="skip the speed rounds and the demo-corpus check")
    args = ap.parse_args(argv)
    if args.out is None and not args.dev_only:
        args.out = OUT

    items = load_gold(args.gold)
    if args.dev_only:
        items = [it for it in items if split_of(it) == "dev"]
    ints, cats = predict(items)
    rules_ints, _ = predict(items, model=False)
    splits, splits_rules = {}, {}
    for name in SPLITS:
        if args.dev_only and not name.startswith("dev"):
            continue
        idx = [i for i, it in enumerate(items) if in_split(it, name)]
        if not idx:
            continue
        sub = [items[i] for i in idx]
        sub_cats = cats.iloc[idx].reset_index(drop=True)
        splits[name] = evaluate(sub, ints.iloc[idx].reset_index(drop=True), sub_cats)
        splits_rules[name] = evaluate(sub, rules_ints.iloc[idx].reset_index(drop=True),
                                      sub_cats)["intents"]
    if args.show_errors:
        show_dev_errors(items, ints, cats)

    demo, demo_texts = (None, []) if args.no_speed else demo_check()
    gold_texts = [it["text"] for it in items]
    speed = {"gold": _speed(gold_texts, 1 if args.no_speed else 7)}
    if demo_texts:
        short = [t for t in demo_texts if len(t) <= SHORT_CHARS]
        speed["demo_customer_turns_short"] = _speed(short, 7)
        speed["demo_customer_turns_all"] = _speed(demo_texts, 5)
    headline = speed.get("demo_customer_turns_short", speed["gold"])["texts_per_s"]
    try:
        dataset = str(args.gold.resolve().relative_to(REPO))
    except ValueError:
        dataset = str(args.gold)
    report = {
        "dataset": dataset,
        "n": len(items),
        "splits": splits,
        "splits_rules_only": {
            "note": "intents of the rules alone (cx.intents(..., model=False)), same items; "
                    "`splits` are rules + the learned churn/escalation detectors",
            **splits_rules,
        },
        "texts_per_s": headline,
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "versions": versions(),
        "dataset_sha256": hashlib.sha256(args.gold.read_bytes()).hexdigest(),
        "split_rule": "dev = odd numeric id (rules written against it), heldout = even id; "
                      "*_gAAAA_gBBBB = the same halves of ids AAAA..BBBB only "
                      "(g0001_g0917: the set as first written; g1096_g1311 and g1312_g1523: "
                      "the third and fourth batches of hard cases)",
        "texts_per_s_detail": {
            "note": f"intents + categories, one core, CPU time, best round, cold cache; "
                    f"texts_per_s = distinct demo customer turns of <= {SHORT_CHARS} chars "
                    "(gold texts without the demo corpus). Timings depend on the machine and "
                    "on its load.",
            **speed,
        },
        "demo_corpus": demo,
    }
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n",
                            encoding="utf-8")

    for name in splits:
        s = splits[name]
        line = "  ".join(
            f"{n} P={s['intents'][n]['precision']:.3f} R={s['intents'][n]['recall']:.3f}"
            for n in INTENT_NAMES
        )
        cat = s["categories"]
        print(f"{name:19s} n={s['n']:4d}  {line}  | categories micro-F1={cat['micro']['f1']:.3f} "
              f"macro-F1={cat['macro']['f1']:.3f} exact={cat['exact_match']:.3f}")
    print(f"texts/s (intents+categories, short texts): {report['texts_per_s']}  "
          f"{ {k: v['texts_per_s'] for k, v in speed.items()} }  -> {args.out or '(not written)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

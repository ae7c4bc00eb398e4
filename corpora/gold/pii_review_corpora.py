"""Count (and sample) the names and addresses ``find_pii`` masks in unlabelled corpora.

A precision check for the name and address rules: run it before and after a change and read
the spans that appear or disappear. Corpora: the demo corpus (``corpora/demo/turns.csv``) and,
when ``/work/shared/data`` (or ``--data``) holds them, JDDC 2019 chat, FinFE, waimai_10k,
ChnSentiCorp hotel reviews and online_shopping_10_cats. The shared data sets are read in
place, never copied.

Usage::

    python corpora/gold/pii_review_corpora.py [--data /work/shared/data] [--root SRC]
        [--dump spans.tsv]

``--root`` imports cxtext from another checkout (e.g. an exported older commit) so the two
versions can be compared on the same texts; ``--dump`` writes one line per span
(corpus, type, value, context) for ``comm``/``diff``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def texts(data: Path, demo: Path) -> Iterator[tuple[str, str]]:
    if demo.exists():
        with demo.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                yield "demo", row["text"]
    jddc = data / "JDDC2019_chat_sample" / "chat_0.1per.txt"
    if jddc.exists():
        with jddc.open(encoding="utf-8") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 7:
                    yield "jddc", parts[6]
    finfe = data / "FinFE_fin_social_sentiment" / "train_list.json"
    if finfe.exists():
        for text, _ in json.loads(finfe.read_text(encoding="utf-8")):
            yield "finfe", text
    for name, rel in (("waimai", "waimai_10k/waimai_10k.csv"),
                      ("hotel", "ChnSentiCorp_htl_all/ChnSentiCorp_htl_all.csv"),
                      ("shopping", "online_shopping_10_cats/online_shopping_10_cats.csv")):
        path = data / rel
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    yield name, row.get("review") or ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    ap.add_argument("--demo", type=Path, default=REPO / "corpora" / "demo" / "turns.csv")
    ap.add_argument("--root", type=Path, default=REPO)
    ap.add_argument("--dump", type=Path)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(args.root))
    from cxtext.text.pii import find_pii

    n_texts: Counter[str] = Counter()
    found: Counter[tuple[str, str]] = Counter()
    out = args.dump.open("w", encoding="utf-8") if args.dump else None
    try:
        for corpus, text in texts(args.data, args.demo):
            n_texts[corpus] += 1
            for m in find_pii(text):
                if m.type in ("name", "address"):
                    found[corpus, m.type] += 1
                    if out is not None:
                        ctx = text[max(0, m.start - 10) : m.end + 10].replace("\n", " ")
                        out.write(f"{corpus}\t{m.type}\t{m.value}\t{ctx}\n")
    finally:
        if out is not None:
            out.close()
    print(f"{'corpus':<10} {'texts':>7} {'names':>6} {'addresses':>9}")
    for corpus, n in n_texts.items():
        print(f"{corpus:<10} {n:>7} {found[corpus, 'name']:>6} {found[corpus, 'address']:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Write ``intent_probes.jsonl``: the probe sentences of ``tests/test_intents.py`` as data.

The probes are short sentences written for the rule tests of issue #3 (not gold text, not
held-out text): ``CASES`` (positive and negative lists per intent) and every
``(intent, text, label)`` tuple of the file. They are one of the training sources of the
learned intent detector (:func:`cxtext.train.train_intent_model`). Run once from the
repository root; the output is sorted and de-duplicated, so the same test file gives the
same bytes::

    python corpora/gold/intent_probes_make.py
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parents[1] / "tests" / "test_intents.py"
OUT = HERE / "intent_probes.jsonl"
INTENTS = ("churn", "escalation", "repeat", "urgency")


def probes(source: Path = SOURCE) -> list[dict]:
    tree = ast.parse(source.read_text(encoding="utf-8"))
    rows: set[tuple[str, str, bool]] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "CASES":
            for intent, (pos, neg) in ast.literal_eval(node.value).items():
                rows.update((intent, t, True) for t in pos)
                rows.update((intent, t, False) for t in neg)
        elif isinstance(node, ast.Tuple) and len(node.elts) == 3:
            try:
                intent, text, label = (ast.literal_eval(e) for e in node.elts)
            except ValueError:
                continue
            if intent in INTENTS and isinstance(text, str) and isinstance(label, bool):
                rows.add((intent, text, label))
    # a text listed with both labels for one intent is contradictory: leave it out
    seen: dict[tuple[str, str], set[bool]] = {}
    for intent, text, label in rows:
        seen.setdefault((intent, text), set()).add(label)
    return [
        {"intent": i, "text": t, "label": next(iter(lab))}
        for (i, t), lab in sorted(seen.items())
        if len(lab) == 1
    ]


def main() -> None:
    rows = probes()
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                   encoding="utf-8")
    print(f"{len(rows)} probes -> {OUT}")


if __name__ == "__main__":
    main()

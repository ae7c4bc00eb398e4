"""Shared by the hand-written PII set scripts (``pii_holdout2_make.py``,
``pii_holdout3_make.py``, ``pii_dev3_make.py``): turns marked texts into text + spans and
writes the JSON-lines file.

Each case is a sentence in bank call / chat / complaint wording with its PII marked inline as
``〔n:张伟〕`` (name) or ``〔a:…〕`` (address); the markers are stripped and the offsets kept.
Labelling follows the earlier sets: a full name is one span (surname + given name); a surname
before a form of address or a job title is a span on its own (``〔n:王〕经理``); an address
runs from the first administrative or street element to the last unit number. Negatives
(``form="negative"``) hold words that look like names or addresses but are not personal data:
place names used as places, branch and outlet names, products, words that begin with a
surname character, cue words with no name after them.
(Hold-out 2 marked only forms of address such as 先生 after a lone surname; dev 3 and
hold-out 3 also job titles.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

TYPES = {"n": "name", "a": "address"}
MARK_RE = re.compile("〔([na]):([^〕]+)〕")


def build(raw: list[tuple[str, str]], *, prefix: str, note: str) -> list[dict]:
    """One case per ``(form, marked text)``: ids ``{prefix}-0001`` …, spans in text order."""
    cases = []
    for form, marked in raw:
        text, spans, pos = "", [], 0
        for m in MARK_RE.finditer(marked):
            text += marked[pos : m.start()]
            value = m.group(2)
            spans.append({"start": len(text), "end": len(text) + len(value),
                          "type": TYPES[m.group(1)]})
            text += value
            pos = m.end()
        text += marked[pos:]
        assert "〔" not in text and "〕" not in text, marked
        cases.append({"id": f"{prefix}-{len(cases) + 1:04d}", "text": text, "spans": spans,
                      "form": form, "note": note})
    return cases


MOBILE_RE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def add_phones(cases: list[dict]) -> list[dict]:
    """A ``phone`` span for every 11-digit mobile number of each case (``1[3-9]`` + 9 digits,
    not inside a longer digit run), added after the markers are read; spans in text order."""
    for case in cases:
        phones = [{"start": m.start(), "end": m.end(), "type": "phone"}
                  for m in MOBILE_RE.finditer(case["text"])]
        if phones:
            case["spans"] = sorted(case["spans"] + phones, key=lambda s: s["start"])
    return cases


def write(cases: list[dict], out: Path) -> None:
    """Write the cases (one JSON object a line) and print a one-line summary."""
    with out.open("w", encoding="utf-8") as fh:
        for c in cases:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    n_neg = sum(not c["spans"] for c in cases)
    by_type: dict[str, int] = {}
    for c in cases:
        for s in c["spans"]:
            by_type[s["type"]] = by_type.get(s["type"], 0) + 1
    print(f"{len(cases)} cases, {n_neg} negatives, spans {by_type} -> {out.name}")

"""Build ``resources/name_stats.tsv`` from jieba's dictionary (private; issue #8).

The statistical name detector (``cxtext/text/_names.py``) needs three kinds of figures, all
taken from ``jieba/dict.txt`` (MIT; shipped with the ``jieba`` dependency, read offline):

* ``g`` - for each given-name character of ``given_name_chars.txt``: the log ratio of its
  share among the given-name characters of the dictionary's three-character person names
  (tag ``nr``, first character a surname of ``surnames.txt``) to its share of all characters
  of the dictionary weighted by word frequency (how much more often it is in names than in
  running words);
* ``s`` - for each single-character surname: the log of its count as the first character of
  those names relative to the most common one;
* ``w`` - dictionary words (any tag) that can veto a candidate name, with their frequency:
  two-character words made of a surname and a given-name character (高峰, 张贴), words that end
  in a surname character (格林, 师傅) or start with a given-name character (华为), common nouns
  made of two given-name characters (朋友), three- and four-character words that could hold a
  surname + two given-name characters (冷冰冰, 飞黄腾达) or start with a compound surname
  (西门子, 第五天). Only the frequencies the detector compares are kept;
* ``p`` - given-name pairs that are also common words (建国, 文明, 海军) but end the
  dictionary's person names after at least ``MIN_PAIR_SURNAMES`` different surnames: with
  their count of surnames. They lift the common-noun veto for a window (杨建国, 周文明).

Run ``python -m cxtext.text._names_build`` to rewrite the file; ``tests/test_pii_names.py``
fails when the shipped file differs from a fresh build.
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

#: Smoothing: pseudo-counts for given-name and running-text character counts.
GIVEN_ALPHA, TEXT_ALPHA = 0.5, 50.0
#: Word frequencies below these are not kept (the detector compares against them).
MIN_PAIR, MIN_EDGE, MIN_LEFT, MIN_LONG = 20, 100, 40, 3

#: A common noun made of two given-name characters (朋友, 月亮) is not a given name.
MIN_GIVEN_WORD = 1000
#: ... unless it ends person names after this many surnames (建国, 文明); verbs, adjectives
#: and time words (胜利, 平衡, 明明) are never taken as given names this way.
MIN_PAIR_SURNAMES = 3
PAIR_TAGS_NOT = frozenset(("v", "vn", "a", "ad", "t"))

RESOURCE = Path(__file__).resolve().parents[1] / "resources" / "name_stats.tsv"


def jieba_dict_path() -> Path:
    """Path of jieba's main dictionary (``jieba/dict.txt``), found without importing jieba
    (its import can print setuptools' ``pkg_resources`` warning, see ``_jieba.py``)."""
    from importlib.util import find_spec

    spec = find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("No module named 'jieba' (cxtext needs it: pip install jieba)")
    return Path(spec.origin).resolve().parent / "dict.txt"


def build_lines(dict_path: Path | None = None) -> list[str]:
    """The lines of ``name_stats.tsv`` (sorted, deterministic)."""
    from cxtext.text import _pii_patterns as pp

    single, compound = pp.surnames()
    given_ok = pp.given_name_chars()
    path = dict_path or jieba_dict_path()
    given: Counter[str] = Counter()
    text: Counter[str] = Counter()
    sur: Counter[str] = Counter()
    pair_surnames: dict[str, set[str]] = {}
    freq: dict[str, int] = {}
    tags: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) != 3:
                continue
            word, f_str, tag = parts
            f = int(f_str)
            for ch in word:
                text[ch] += f
            if tag == "nr" and len(word) == 3 and word[0] in single:
                sur[word[0]] += 1
                given[word[1]] += 1
                given[word[2]] += 1
                pair_surnames.setdefault(word[1:], set()).add(word[0])
            if f > freq.get(word, 0):
                freq[word], tags[word] = f, tag
    n_given, n_text = sum(given.values()), sum(text.values())
    lines = []
    for ch in sorted(given_ok):
        llr = math.log((given[ch] + GIVEN_ALPHA) / n_given) - math.log(
            (text[ch] + TEXT_ALPHA) / n_text
        )
        lines.append(f"g\t{ch}\t{llr:.3f}")
    top = max(sur.values())
    for ch in sorted(single):
        lines.append(f"s\t{ch}\t{math.log((sur[ch] + 1) / (top + 1)):.3f}")
    for word, f in sorted(freq.items()):
        n, tag = len(word), tags[word]
        keep = (
            (n == 2 and f >= MIN_PAIR and word[0] in single and word[1] in given_ok)
            or (n == 2 and f >= MIN_LEFT and word[1] in single)
            or (n == 2 and f >= MIN_EDGE and word[0] in given_ok)
            or (n == 2 and f >= MIN_GIVEN_WORD and word[0] in given_ok and word[1] in given_ok
                and tag == "n")
            or (n in (3, 4) and f >= MIN_LONG and word[:2] in compound)
            or (n == 3 and f >= MIN_LONG and word[0] in single
                and word[1] in given_ok and word[2] in given_ok)
            or (n == 4 and f >= MIN_LONG and (
                (word[0] in single and word[1] in given_ok and word[2] in given_ok)
                or (word[1] in single and word[2] in given_ok and word[3] in given_ok)))
        )
        if keep:
            lines.append(f"w\t{word}\t{f}")
    for pair, surs in sorted(pair_surnames.items()):
        if (len(surs) >= MIN_PAIR_SURNAMES and freq.get(pair, 0) >= MIN_GIVEN_WORD
                and tags[pair] not in PAIR_TAGS_NOT and all(c in given_ok for c in pair)):
            lines.append(f"p\t{pair}\t{len(surs)}")
    return lines


def main() -> None:
    lines = build_lines()
    RESOURCE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} lines -> {RESOURCE}")


if __name__ == "__main__":
    main()

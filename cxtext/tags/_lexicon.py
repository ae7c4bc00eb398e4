"""Rule-based sentiment and emotion scoring over the banking lexicons (private helper).

Resources (``cxtext/resources/lexicons``, each with a ``.md`` sidecar):

* ``sentiment.txt``: ``word<TAB>weight``, weight in [-3, 3]; weight 0 entries are *blockers*
  that stop a shorter word from matching inside a longer neutral one (你好 blocks 好,
  差不多 blocks 差, 感谢您的来电 is an agent formula, not praise);
* ``emotion.txt``: ``word<TAB>emotion<TAB>weight`` (a word may carry several emotions);
* ``modifiers.txt``: ``word<TAB>kind<TAB>value`` with kind ``negation`` (value: the factor,
  -1 flips, -0.5 is "not very"), ``degree`` (multiplier), ``adversative`` (但是, 不过, 可是),
  ``concessive`` (虽然, 尽管) and ``rhetorical`` (难道, 怎么可能, 还不是).

Algorithm (:func:`analyse`)
---------------------------
The text is normalised (width, Traditional -> Simplified, lower case) and cut into clauses at
punctuation. Each clause is scanned left to right by forward maximum matching over all three
lexicons (modifiers win a tie). For a sentiment word of weight ``w``:

* degree words before it multiply: 很好 = 1.5 x 好; 好 right before another lexicon word is
  a degree word (好着急);
* a negation before it flips: 不满意 = -满意 (-1 x w); a negation *before* a degree word is
  "not very": 不是很满意 = -0.5 x 满意; a degree word before the negation strengthens:
  很不满意 = -1.5 x 满意; modifiers reach at most 3 characters of plain text;
* an adversative (但是, 不过, 可是 ...) halves everything before it and weights what follows by
  1.5; a concessive clause (虽然 ...) counts half;
* a rhetorical clause (难道, 怎么可能, 还不是, 凭什么 ...) is negative: its score becomes
  ``-(|score| + 1)``;
* a question clause (？, 吗, 怎么, 如何, 多少 ...) with a mild score (|s| <= 1) is damped
  to 0.3 x: 请问销户需要什么材料 stays neutral;
* a clause ending in ! is weighted 1.5 (2+ marks: 1.8).

The sum ``total`` becomes ``sentiment_score = tanh(total / 2)``. Emotion words add their
weight (times degree and clause weights) to their emotion; a negated emotion word counts
nothing (不生气). Rhetorical clauses add 1 to anger; when no emotion word is found, a clearly
negative text (total <= -1) adds ``0.5 x |total|`` to anger (complaints are mostly angry) and
a clearly positive one the same to joy. The neutral class gets a fixed prior
(``neutral_weight``); the scores are the class weights divided by their sum, the label is the
arg-max (a tie goes to the emotion) and ``emotion_intensity = tanh(sum of emotion weights / 3)``.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Final

from cxtext.errors import CxTextError
from cxtext.labels import EMOTIONS

LEXICON_DIR: Final = "lexicons"
MODIFIER_KINDS: Final[tuple[str, ...]] = (
    "adversative",
    "concessive",
    "degree",
    "negation",
    "rhetorical",
)
_EMOTIONS6: Final = tuple(e for e in EMOTIONS if e != "neutral")

ADVERSATIVE_BEFORE: Final = 0.5
ADVERSATIVE_AFTER: Final = 1.5
CONCESSIVE: Final = 0.5
RHETORICAL: Final = 1.0
QUESTION_DAMP: Final = 0.3
EXCLAIM: Final = 1.5
EXCLAIM_MULTI: Final = 1.8
NOT_VERY: Final = -0.5
REACH: Final = 3  # plain characters a pending modifier survives

_CLAUSE_RE: Final = re.compile(r"([^，。！？；,.!?;~～\n…]*)([，。！？；,.!?;~～\n…]*)")
_QUESTION_RE: Final = re.compile(
    r"吗$|呢$|怎么|如何|什么|多少|哪|几[点天号个时]|是否|能否|可否|请问"
)


_Entry = tuple[float | None, tuple[tuple[str, float], ...], tuple[str, float] | None]


@dataclass(frozen=True)
class Lexicon:
    """Merged lookup table: word -> (sentiment weight | None, emotions, modifier | None)."""

    sentiment: Mapping[str, float]
    emotion: Mapping[str, tuple[tuple[str, float], ...]]
    modifiers: Mapping[str, tuple[str, float]]
    table: Mapping[str, _Entry]
    max_len: int


def _read_lexicon_file(name: str) -> list[list[str]]:
    try:
        text = (
            resources.files("cxtext")
            .joinpath("resources", LEXICON_DIR, name)
            .read_text(encoding="utf-8-sig")
        )
    except (AttributeError, ModuleNotFoundError, TypeError):  # pragma: no cover - odd loaders
        path = Path(__file__).resolve().parents[1] / "resources" / LEXICON_DIR / name
        text = path.read_text(encoding="utf-8-sig")
    return [line.split("\t") for line in text.splitlines() if line.strip()]


def build_lexicon(
    sentiment: Mapping[str, float],
    emotion: Mapping[str, object],
    modifiers: Mapping[str, tuple[str, float]],
) -> Lexicon:
    """Check and merge the three tables (also for user-supplied ones)."""
    sent = {}
    for word, weight in sentiment.items():
        if not isinstance(word, str) or not word:
            raise CxTextError(f"A sentiment lexicon word must be a non-empty str; got {word!r}.")
        sent[word.lower()] = float(weight)  # type: ignore[arg-type]
    emo: dict[str, tuple[tuple[str, float], ...]] = {}
    for word, value in emotion.items():
        pairs = [value] if isinstance(value, tuple) and isinstance(value[0], str) else value
        checked = []
        for lab, weight in pairs:  # type: ignore[union-attr]
            if lab not in _EMOTIONS6:
                raise CxTextError(
                    f"The emotion lexicon maps {word!r} to {lab!r}; expected one of "
                    f"{list(_EMOTIONS6)}."
                )
            checked.append((lab, float(weight)))
        emo[word.lower()] = tuple(checked)
    mods = {}
    for word, (kind, value) in modifiers.items():
        if kind not in MODIFIER_KINDS:
            raise CxTextError(
                f"The modifier {word!r} has kind {kind!r}; expected one of {list(MODIFIER_KINDS)}."
            )
        mods[word.lower()] = (kind, float(value))
    table = {}
    for word in set(sent) | set(emo) | set(mods):
        table[word] = (sent.get(word), emo.get(word, ()), mods.get(word))
    max_len = max((len(w) for w in table), default=1)
    return Lexicon(sent, emo, mods, table, max_len)


_CACHE: dict[str, Lexicon] = {}
_LOCK = threading.Lock()


def load_lexicon(name: str = "bank") -> Lexicon:
    """The built-in lexicons (cached)."""
    with _LOCK:
        if name not in _CACHE:
            sent = {w: float(v) for w, v in _read_lexicon_file("sentiment.txt")}
            emo: dict[str, list[tuple[str, float]]] = {}
            for word, lab, weight in _read_lexicon_file("emotion.txt"):
                emo.setdefault(word, []).append((lab, float(weight)))
            mods = {w: (k, float(v)) for w, k, v in _read_lexicon_file("modifiers.txt")}
            _CACHE[name] = build_lexicon(sent, {w: tuple(v) for w, v in emo.items()}, mods)
        return _CACHE[name]


def prepare(text: str) -> str:
    """Width, Traditional -> Simplified and lower case (fillers and emoji codes kept)."""
    from cxtext.text.normalize import normalize_text

    return normalize_text(text, fillers=None, emoji="keep").lower()


@dataclass
class Analysis:
    total: float
    emotions: dict[str, float]
    hits: int


def analyse(text: str, lex: Lexicon) -> Analysis:
    """Score one text (see the module docstring)."""
    text = prepare(text)
    table, max_len = lex.table, lex.max_len
    total = 0.0
    emo = dict.fromkeys(_EMOTIONS6, 0.0)
    post = 1.0
    hits = 0
    emotion_hits = 0
    for match in _CLAUSE_RE.finditer(text):
        clause, punct = match.group(1), match.group(2)
        if not clause and not punct:
            continue
        clause_score = 0.0
        clause_emo = dict.fromkeys(_EMOTIONS6, 0.0)
        neg = 1.0
        neg_before_degree = False
        degree = 1.0
        gap = 0
        rhetorical = concessive = False
        i, n = 0, len(clause)
        while i < n:
            entry = None
            for size in range(min(max_len, n - i), 0, -1):
                entry = table.get(clause[i : i + size])
                if entry is not None:
                    break
            if entry is None:
                i += 1
                gap += 1
                if gap > REACH:
                    neg, degree, neg_before_degree = 1.0, 1.0, False
                continue
            word = clause[i : i + size]
            i += size
            weight, emotions, modifier = entry
            if word == "好" and i < n and _starts_word(clause, i, table, max_len):
                modifier, weight = ("degree", 1.5), None
            if modifier is not None:
                kind, value = modifier
                gap = 0
                if kind == "negation":
                    if degree == 1.0 and neg == 1.0:
                        neg_before_degree = True
                    neg *= value
                elif kind == "degree":
                    degree *= value
                elif kind == "adversative":
                    total *= ADVERSATIVE_BEFORE
                    clause_score *= ADVERSATIVE_BEFORE
                    for e in _EMOTIONS6:
                        emo[e] *= ADVERSATIVE_BEFORE
                        clause_emo[e] *= ADVERSATIVE_BEFORE
                    post = ADVERSATIVE_AFTER
                    concessive = False
                    neg, degree, neg_before_degree = 1.0, 1.0, False
                elif kind == "concessive":
                    concessive = True
                else:  # rhetorical
                    rhetorical = True
                continue
            # a lexicon word
            if neg != 1.0 and degree != 1.0 and neg_before_degree:
                factor = NOT_VERY if neg < 0 else 1.0
            else:
                factor = neg * degree
            if weight:
                clause_score += weight * factor
                hits += 1
            if emotions and neg > 0:
                for lab, w in emotions:
                    clause_emo[lab] += w * degree
                    emotion_hits += 1
            neg, degree, neg_before_degree, gap = 1.0, 1.0, False, 0
        weight_clause = post * (CONCESSIVE if concessive else 1.0)
        if rhetorical:
            clause_score = -(abs(clause_score) + RHETORICAL)
            clause_emo["anger"] += RHETORICAL
            hits += 1
        elif abs(clause_score) <= 1.0 and (
            "?" in punct or "？" in punct or _QUESTION_RE.search(clause)
        ):
            clause_score *= QUESTION_DAMP
        bangs = punct.count("!") + punct.count("！")
        if bangs:
            boost = EXCLAIM_MULTI if bangs > 1 else EXCLAIM
            clause_score *= boost
            for e in _EMOTIONS6:
                clause_emo[e] *= boost
        total += clause_score * weight_clause
        for e in _EMOTIONS6:
            emo[e] += clause_emo[e] * weight_clause
    if emotion_hits == 0:
        if total <= -1.0:
            emo["anger"] += 0.5 * abs(total)
        elif total >= 1.0:
            emo["joy"] += 0.5 * total
    return Analysis(total=total, emotions=emo, hits=hits)


def _starts_word(clause: str, i: int, table: Mapping[str, object], max_len: int) -> bool:
    """Whether a lexicon word (not a modifier-only entry) starts at ``clause[i]``."""
    for size in range(min(max_len, len(clause) - i), 0, -1):
        entry = table.get(clause[i : i + size])
        if entry is not None:
            weight, emotions, modifier = entry  # type: ignore[misc]
            return bool(weight) or bool(emotions)
    return False


def sentiment_score(total: float) -> float:
    """``tanh(total / 2)``: the lexicon sum squashed into [-1, 1]."""
    return math.tanh(total / 2.0)

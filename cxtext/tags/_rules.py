"""Shared machinery of the rule-based taggers (private helper).

Used by :mod:`cxtext.tags.intents`, :mod:`cxtext.tags.taxonomy` and
:mod:`cxtext.tags.quality`:

* :func:`prepare_texts` turns raw texts into a *matching text*: width (NFKC) and
  Traditional → Simplified conversion with :func:`cxtext.text.normalize.normalize`,
  ASCII lower-cased, whitespace inside ASR output removed or turned into a clause
  boundary. Every character of the matching text remembers its position in the
  original text, so evidence spans always point into what the user passed in.
* :func:`load_rule_table` reads a rule resource (``cxtext/resources/rules/*.tsv``) and
  :func:`compile_rule_table` turns it into a :class:`RuleSet`: per label, *cues* (regexes
  whose match is the evidence) and *filters* (block/require patterns searched in a scope
  around the match).
* :class:`Context` gives the clause, sentence, prefix and suffix of a match, the
  pieces that negation, question and exclusion rules look at.

Speed: each cue's top-level alternatives become separate small regexes, and each regex
gets *anchors*, the characters or character pairs one of which every match must contain
(read from the regex's parse tree). A text's characters and pairs are computed once, and
only the cues whose anchors occur in it are run: a short text runs a handful of regexes
instead of hundreds. Matching texts are cached (bounded) so that ``cx.tag`` normalises
each turn once for intents, categories and quality.

When `hyperscan <https://pypi.org/project/hyperscan/>`_ is installed, a prefilter of every
cue of a rule set (compiled once, kept in ``~/.cache/cxtext``) picks the cues to run in one
pass over the text in C instead (:meth:`RuleSet._candidates`): it reports a superset of
the cues that match, so the tags are the same; ``CXTEXT_HYPERSCAN=0`` switches it off.
"""

from __future__ import annotations

import hashlib
import operator
import os
import re
import threading
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate, chain
from pathlib import Path
from typing import Final, NamedTuple

import numpy as np
import pandas as pd

from cxtext.text.normalize import _width_t2s, _width_t2s_many, normalize_text

RULES_DIR: Final = ("resources", "rules")

# ---------------------------------------------------------------------------------------------
# input handling
# ---------------------------------------------------------------------------------------------


def is_missing(value: object) -> bool:
    """``None``, ``NaN``, ``pd.NA``, ``NaT``: a missing text (tags nothing, never raises)."""
    if value is None:
        return True
    if isinstance(value, str):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def as_series(values: Iterable[object] | pd.Series, owner: str, name: str) -> pd.Series:
    """A Series view of ``values`` (a Series is returned as it is, never modified)."""
    if isinstance(values, pd.Series):
        return values
    if isinstance(values, (str, bytes)):
        raise TypeError(
            f"{owner} expects an iterable of str or a pandas Series for {name!r}, got a "
            f"single {type(values).__name__}; wrap it in a list: {owner}([{values!r:.40}])"
        )
    if isinstance(values, pd.DataFrame):
        raise TypeError(
            f"{owner} expects an iterable of str or a pandas Series for {name!r}, got a "
            "DataFrame; pass one column, e.g. df['text']"
        )
    try:
        items = list(values)
    except TypeError:
        raise TypeError(
            f"{owner} expects an iterable of str or a pandas Series for {name!r}, got "
            f"{type(values).__name__}"
        ) from None
    return pd.Series(items, dtype=object)


def text_values(series: pd.Series, owner: str) -> list[str | None]:
    """The texts of ``series`` as ``str`` or ``None`` (missing); anything else raises."""
    values = series.to_numpy(dtype=object)
    if set(map(type, values)) <= {str}:  # the usual case, checked in C
        return values.tolist()
    out: list[str | None] = []
    for label, value in zip(series.index, values, strict=True):
        if isinstance(value, str):
            out.append(value)
        elif is_missing(value):
            out.append(None)
        else:
            raise TypeError(
                f"{owner} expects str or missing values, got {type(value).__name__} "
                f"{value!r:.80} at index {label!r}"
            )
    return out


# ---------------------------------------------------------------------------------------------
# matching text
# ---------------------------------------------------------------------------------------------

_ASCII_LOWER: Final = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}
# Same-length spellings OpenCC's t2s leaves alone because they are also valid Simplified
# characters, but which a Traditional text uses where Simplified writes the other one
# (急著 → 急着, 等著 → 等着). Matching only; the original text is untouched.
_MATCH_VARIANTS: Final = {ord("著"): "着"}
_MATCH_TABLE: Final = {**_ASCII_LOWER, **_MATCH_VARIANTS}
_MATCH_CHARS_RE: Final = re.compile("[" + "".join(map(chr, _MATCH_TABLE)) + "]")
_WS_RE: Final = re.compile(r"\s+")
_WS_SPLIT_RE: Final = re.compile(r"(\s+)")
_HAN_RE: Final = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
#: What a whitespace run that separates two clauses becomes in the matching text.
SPACE_BOUNDARY: Final = ","


class Prepared(NamedTuple):
    """A text ready for matching (immutable; a named tuple because one is built for every
    distinct text and a tuple is built several times faster than a frozen dataclass).

    ``text`` is the matching text; ``offsets[i]`` is the index in ``original`` of
    ``text[i]`` (``None`` when the two are aligned one to one).
    """

    original: str
    text: str
    offsets: tuple[int, ...] | None = None
    #: the characters and character pairs of ``text`` (for :meth:`RuleSet.candidates`)
    grams: set[str] | frozenset[str] = frozenset()
    #: which set of anchor first-characters ``grams`` was computed with
    grams_version: int = -1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map ``text[start:end]`` to ``(start, end)`` in the original text."""
        if self.offsets is None or end <= start:
            return start, end
        return self.offsets[start], self.offsets[end - 1] + 1

    def evidence_text(self, start: int, end: int) -> tuple[int, int, str]:
        s, e = self.span(start, end)
        return s, e, self.original[s:e]


@lru_cache(maxsize=4096)
def _norm_char(ch: str) -> str:
    """One character normalised (width + t2s), or itself when that changes the length."""
    try:
        out = normalize_text(ch, width=True, t2s=True, fillers=None, emoji="keep",
                             whitespace=False)
    except Exception:  # pragma: no cover - exotic code points
        return ch
    return out if len(out) == 1 else ch


def _same_length_normal(original: str, normal: str) -> str:
    if len(normal) == len(original):
        return normal
    # NFKC expanded or composed something (㎡ → m2): normalise character by character so
    # that every position still lines up with the original.
    return "".join(_norm_char(c) for c in original)


def _compact_whitespace(text: str) -> tuple[str, tuple[int, ...] | None]:
    """Remove ASR spacing inside words, keep spaces between clauses as boundaries.

    A whitespace run is a clause boundary (written ``,``) unless the piece on either
    side of it is a single character (``上 不 上 班``, ``打 1 2378``: ASR spelling a word
    out).
    """
    if (" " not in text and text.isprintable()) or not _WS_RE.search(text):
        return text, None
    parts = _WS_SPLIT_RE.split(text)  # piece, whitespace, piece, …, piece
    first = parts[0]
    out_parts = [first]
    offsets = list(range(len(first)))
    prev_len = pos = len(first)  # length of the previous piece; where the next one starts
    for k in range(1, len(parts), 2):
        gap = len(parts[k])
        piece = parts[k + 1]
        size = len(piece)
        # a boundary unless a piece on either side is a single character (or empty)
        if prev_len > 1 and size > 1:
            out_parts.append(SPACE_BOUNDARY)
            offsets.append(pos)  # where the previous piece ends
        pos += gap
        out_parts.append(piece)
        offsets.extend(range(pos, pos + size))
        pos += size
        prev_len = size
    return "".join(out_parts), tuple(offsets)


def prepare_one(original: str, normal: str | None = None) -> Prepared:
    """Build the matching text of one text (``normal`` = its width/t2s normalisation)."""
    if normal is None:
        normal = _width_t2s(original)
    compact, offsets = _matching_text(original, normal)
    if _hyperscan() is not None:  # no anchor grams needed: see prepare_many
        return Prepared(original, compact, offsets)
    return Prepared(original, compact, offsets, text_grams(compact), _GRAMS["version"])


def _matching_text(original: str, normal: str) -> tuple[str, tuple[int, ...] | None]:
    text = _same_length_normal(original, normal)
    if _MATCH_CHARS_RE.search(text) is not None:  # str.translate looks up every character
        text = text.translate(_MATCH_TABLE)
    return _compact_whitespace(text)


def prepare_many(originals: Sequence[str], normals: Sequence[str]) -> list[Prepared]:
    """:func:`prepare_one` of many texts (the same objects' contents), their grams found
    for the whole batch at once (:func:`_grams_many`). As :func:`_matching_text`, with the
    texts that need :data:`_MATCH_TABLE` found by one search of the batch."""
    texts = [_same_length_normal(o, n) for o, n in zip(originals, normals, strict=True)]
    joined = "\n".join(texts)  # no character of _MATCH_CHARS_RE
    if _MATCH_CHARS_RE.search(joined) is not None:
        ends = list(accumulate(len(t) + 1 for t in texts))  # text k ends before ends[k]
        for k in sorted({bisect_right(ends, m.start()) for m in _MATCH_CHARS_RE.finditer(joined)}):
            texts[k] = texts[k].translate(_MATCH_TABLE)
    matched = list(map(_compact_whitespace, texts))
    if _hyperscan() is not None:
        # the rule sets' hyperscan prefilters choose the cues (RuleSet._candidates): no
        # anchor grams needed (a rule set without one computes them when it needs them)
        return [Prepared(o, m[0], m[1]) for o, m in zip(originals, matched, strict=True)]
    grams = _grams_many([m[0] for m in matched])
    version = _GRAMS["version"]
    return [Prepared(o, m[0], m[1], g, version)
            for o, m, g in zip(originals, matched, grams, strict=True)]


# The anchors of every compiled rule set (see RuleSet): a text keeps only the characters and
# character pairs that are anchors. ``version`` changes when a new rule set adds anchors, so
# grams computed before are recomputed.
_GRAMS: dict[str, object] = {"anchors": frozenset(), "version": 0}


def _register_anchors(keys: Iterable[str]) -> None:
    keys = frozenset(keys)
    if not keys <= _GRAMS["anchors"]:  # type: ignore[operator]
        _GRAMS["anchors"] = _GRAMS["anchors"] | keys  # type: ignore[operator]
        _GRAMS["version"] = int(_GRAMS["version"]) + 1  # type: ignore[call-overload]
        clear_cache()  # their grams are stale


def text_grams(text: str) -> set[str]:
    """The characters and adjacent character pairs of ``text`` that are cue anchors."""
    anchors: frozenset[str] = _GRAMS["anchors"]  # type: ignore[assignment]
    grams = set(anchors.intersection(text))
    if len(text) > 1:  # the pairs, built and looked up in C
        grams.update(anchors.intersection(map(operator.add, text, text[1:])))
    return grams


_N_CODES: Final = 0x110000
#: The anchors as sorted integer keys (code point; first << 21 | second for a pair) and
#: their strings, for :func:`_grams_many`; rebuilt when the anchors change.
_GRAM_KEYS: dict[str, object] = {"version": None}


def _gram_keys() -> dict[str, object] | None:
    version = _GRAMS["version"]
    if _GRAM_KEYS["version"] != version:
        anchors: frozenset[str] = _GRAMS["anchors"]  # type: ignore[assignment]
        if any(len(a) not in (1, 2) for a in anchors):  # pragma: no cover - not built today
            return None
        singles = sorted(a for a in anchors if len(a) == 1)  # code point order
        pairs = sorted(a for a in anchors if len(a) == 2)  # = order of their keys
        # by code point: 1 + the single's number (0: not an anchor), and whether a pair
        # starts with it (2 MB and 1 MB, looked up instead of searched)
        single_of = np.zeros(_N_CODES, dtype=np.int32)
        single_of[np.fromiter(map(ord, singles), dtype=np.int64, count=len(singles))] = (
            np.arange(1, len(singles) + 1, dtype=np.int32))
        pair_first = np.zeros(_N_CODES, dtype=bool)
        pair_first[[ord(p[0]) for p in pairs]] = True
        _GRAM_KEYS.update(
            version=version,
            single_of=single_of,
            singles=np.asarray(["", *singles], dtype=object),
            pair_first=pair_first,
            pair_keys=np.fromiter(((ord(p[0]) << 21) | ord(p[1]) for p in pairs),
                                  dtype=np.int64, count=len(pairs)),
            pairs=np.asarray(pairs, dtype=object),
        )
    return _GRAM_KEYS


def _sorted_hits(keys: np.ndarray, table: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of ``keys`` found in the sorted ``table``, and where in ``table``."""
    if not len(table) or not len(keys):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    at = np.searchsorted(table, keys)
    np.minimum(at, len(table) - 1, out=at)
    pos = np.flatnonzero(table[at] == keys)
    return pos, at[pos]


def _grams_many(texts: Sequence[str]) -> list[set[str]]:
    """:func:`text_grams` of every text, looked up for the whole batch in numpy."""
    table = _gram_keys()
    if table is None or not texts:  # pragma: no cover - anchors longer than two characters
        return [text_grams(t) for t in texts]
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    ends = np.cumsum(lengths)
    codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"),
                          dtype="<u4").astype(np.int64)
    number = table["single_of"][codes]  # type: ignore[index]
    pos = np.flatnonzero(number)
    found = [pos]
    strings = [table["singles"][number[pos]]]  # type: ignore[index]
    if len(codes) > 1:
        # pairs whose first character starts some anchor pair, and inside one text
        last = np.zeros(len(codes), dtype=bool)
        last[ends[lengths > 0] - 1] = True  # the last character of each text
        first = np.flatnonzero(table["pair_first"][codes[:-1]] & ~last[:-1])  # type: ignore[index]
        hit, at = _sorted_hits((codes[first] << 21) | codes[first + 1],
                               table["pair_keys"])  # type: ignore[arg-type]
        found.append(first[hit])
        strings.append(table["pairs"][at])  # type: ignore[index]
    pos = np.concatenate(found)
    order = np.argsort(pos, kind="stable")
    grams = np.concatenate(strings)[order].tolist()
    bounds = np.searchsorted(pos[order], ends).tolist()  # hits of text k: bounds[k-1]:bounds[k]
    return [set(grams[a:b]) for a, b in zip([0, *bounds[:-1]], bounds, strict=True)]


#: Matching texts of recently seen texts, shared by the taggers (``cx.tag`` runs intents,
#: categories and quality on the same turns). Emptied when it would pass ``_CACHE_MAX``
#: entries or about ``_CACHE_MAX_BYTES`` (long ASR texts with offsets cost far more than
#: short chat turns).
_PREPARED: dict[str, Prepared] = {}
_CACHE_MAX: Final = 50_000
_CACHE_MAX_BYTES: Final = 64 * 1024 * 1024
_CACHE_BYTES: list[int] = [0]


def _prepared_bytes(prep: Prepared) -> int:
    """Rough size of a cached matching text (see :func:`_batch_bytes`)."""
    return _batch_bytes((prep,))


def _batch_bytes(preps: Sequence[Prepared]) -> int:
    """Rough size of cached matching texts: per text two strings (up to 4 bytes a
    character), the offsets (a tuple slot and mostly an int object each), the grams set and
    the dict entry; each term summed over the batch in C."""
    def total(field: int) -> int:
        return sum(map(len, filter(None, map(operator.itemgetter(field), preps))))

    return 400 * len(preps) + 4 * (total(0) + total(1)) + 36 * total(2) + 80 * total(3)


def clear_cache() -> None:
    """Forget the matching texts kept for reuse (benchmarks start each round cold)."""
    _PREPARED.clear()
    _CACHE_BYTES[0] = 0


def prepare_texts(texts: Sequence[str | None]) -> list[Prepared | None]:
    """Matching texts for many texts (``None`` stays ``None``); normalises in one batch."""
    cache = _PREPARED
    distinct = dict.fromkeys(texts)
    distinct.pop(None, None)
    todo = [t for t in distinct if t not in cache]
    if not todo:  # None is never a key: map(get) gives None for it
        return list(map(cache.get, texts))
    # normalize(width=True, t2s=True, fillers=None, emoji="keep", whitespace=False),
    # memoised: the models normalise the same texts again
    normals = _width_t2s_many(todo)
    fresh = dict(zip(todo, prepare_many(todo, normals), strict=True))
    size = _batch_bytes(list(fresh.values()))
    if len(cache) + len(fresh) > _CACHE_MAX or _CACHE_BYTES[0] + size > _CACHE_MAX_BYTES:
        # resolve the cached texts first: emptying the full cache must not lose them
        found = {t: cache[t] for t in distinct if t not in fresh}
        found.update(fresh)
        clear_cache()
        cache.update(fresh)
        _CACHE_BYTES[0] += size
        return list(map(found.get, texts))
    cache.update(fresh)
    _CACHE_BYTES[0] += size
    return list(map(cache.get, texts))


# ---------------------------------------------------------------------------------------------
# clauses and sentences
# ---------------------------------------------------------------------------------------------

#: Marks that end a sentence in the matching text (after NFKC: ！ → !, ？ → ?, ； → ;).
SENTENCE_END: Final = "。!?;\n"
#: Marks that end a clause (a superset of SENTENCE_END).
CLAUSE_END: Final = SENTENCE_END + ",，、:：~…\r\t"
#: The characters that open a quotation (:meth:`Context.in_quote`).
_QUOTE_OPENERS: Final = frozenset("“\"「『‘")
#: Any opening mark (a regex search runs in C; ``frozenset.isdisjoint(text)`` makes a
#: string object of every character first: ~17 µs on a long ASR turn).
_QUOTE_OPENER_RE: Final = re.compile("[" + "".join(sorted(_QUOTE_OPENERS)) + "]")
_QUOTE_RE: Final = re.compile("“[^”]*”|\"[^\"]*\"|「[^」]*」|『[^』]*』|‘[^’]*’")


@lru_cache(maxsize=8)
def _mark_regexes(marks: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The first mark at or after a position, and the last mark before one (greedy)."""
    cls = "[" + "".join(re.escape(m) for m in marks) + "]"
    return re.compile(cls), re.compile("(?s:.*)" + cls)


def _bounds(text: str, start: int, end: int, marks: str) -> tuple[int, int]:
    """``(lo, hi)``: the stretch around ``text[start:end]`` that holds none of ``marks``."""
    following, last = _mark_regexes(marks)
    m = last.match(text, 0, start)
    lo = m.end() if m is not None else 0
    m = following.search(text, end)
    hi = m.start() if m is not None else len(text)
    return lo, hi


#: The quotations of the last text :meth:`Context.in_quote` looked at: the matches of one
#: text are checked one after another, so one entry is enough.
_QUOTES_MEMO: list = [None, ()]


def _quotes(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the quotations in ``text`` (empty when it has no opening mark)."""
    memo = _QUOTES_MEMO
    if memo[0] is not text:
        spans: tuple[tuple[int, int], ...] = ()
        if _QUOTE_OPENER_RE.search(text) is not None:
            spans = tuple(m.span() for m in _QUOTE_RE.finditer(text))
        memo[0], memo[1] = text, spans
    return memo[1]


class Context:
    """Where a match sits in its matching text; the pieces are computed on demand.

    Built for every cue match a keeper looks at, so a plain class with slots; the
    quotations of the text are found once for all its matches (:func:`_quotes`).
    """

    __slots__ = ("text", "start", "end", "_clause", "_sentence")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self._clause: tuple[int, int] | None = None
        self._sentence: tuple[int, int] | None = None

    def __repr__(self) -> str:
        return f"Context(text={self.text!r}, start={self.start}, end={self.end})"

    @property
    def cue(self) -> str:
        return self.text[self.start:self.end]

    @property
    def clause_bounds(self) -> tuple[int, int]:
        if self._clause is None:
            self._clause = _bounds(self.text, self.start, self.end, CLAUSE_END)
        return self._clause

    @property
    def sentence_bounds(self) -> tuple[int, int]:
        if self._sentence is None:
            self._sentence = _bounds(self.text, self.start, self.end, SENTENCE_END)
        return self._sentence

    @property
    def clause(self) -> str:
        lo, hi = self.clause_bounds
        return self.text[lo:hi]

    @property
    def sentence(self) -> str:
        lo, hi = self.sentence_bounds
        return self.text[lo:hi]

    @property
    def prefix(self) -> str:
        """Clause text before the match."""
        return self.text[self.clause_bounds[0]:self.start]

    @property
    def suffix(self) -> str:
        """Clause text after the match."""
        return self.text[self.end:self.clause_bounds[1]]

    @property
    def before(self) -> str:
        """Sentence text before the match."""
        return self.text[self.sentence_bounds[0]:self.start]

    @property
    def after(self) -> str:
        """Everything after the match, to the end of the text."""
        return self.text[self.end:]

    @property
    def clause_end_mark(self) -> str:
        hi = self.clause_bounds[1]
        return self.text[hi] if hi < len(self.text) else ""

    @property
    def sentence_end_mark(self) -> str:
        hi = self.sentence_bounds[1]
        return self.text[hi] if hi < len(self.text) else ""

    def in_quote(self) -> bool:
        """Whether the match lies inside quotation marks (reported speech)."""
        start, end = self.start, self.end
        return any(a < start and end <= b for a, b in _quotes(self.text))

    def scope(self, name: str) -> str:
        return getattr(self, name)


SCOPES: Final = ("cue", "prefix", "suffix", "clause", "sentence", "before", "after", "text")

# ---------------------------------------------------------------------------------------------
# rule resources
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleRow:
    """One line of a rule table: ``fields`` are the tab-separated columns ('-' = empty)."""

    fields: tuple[str, ...]
    line: int
    source: str


def _read_resource_text(name: str) -> str:
    try:
        path = resources.files("cxtext").joinpath(*RULES_DIR, name)
        return path.read_text(encoding="utf-8-sig")
    except (AttributeError, ModuleNotFoundError, TypeError):  # pragma: no cover
        local = Path(__file__).resolve().parents[1].joinpath(*RULES_DIR, name)
        return local.read_text(encoding="utf-8-sig")


@lru_cache(maxsize=16)
def load_rule_table(name: str, n_fields: int) -> tuple[RuleRow, ...]:
    """Rows of ``cxtext/resources/rules/<name>``: tab-separated, ``#`` comments, blank lines.

    Every row must have exactly ``n_fields`` columns; a ``-`` column is empty.
    """
    rows = []
    for i, raw in enumerate(_read_resource_text(name).splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = tuple(f.strip() for f in re.split(r"\t+", line.strip()))
        if len(fields) != n_fields:
            raise ValueError(
                f"{name}, line {i}: expected {n_fields} tab-separated columns, got "
                f"{len(fields)}: {line!r:.120}"
            )
        rows.append(RuleRow(tuple("" if f == "-" else f for f in fields), i, name))
    return tuple(rows)


def compile_pattern(pattern: str, row: RuleRow) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ValueError(
            f"{row.source}, line {row.line}: invalid regular expression {pattern!r}: {exc}"
        ) from None


def union(patterns: Iterable[str]) -> re.Pattern[str]:
    """One regex that matches where any of ``patterns`` matches."""
    pats = [p for p in patterns if p]
    if not pats:
        return re.compile(r"(?!x)x")
    return re.compile("|".join(f"(?:{p})" for p in pats))


def _sre() -> tuple[object, object] | None:
    """The regex parser and its constants (``re._parser`` on 3.11+, ``sre_parse`` before)."""
    try:
        from re import _constants as constants  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        try:
            import sre_constants as constants  # noqa: PLC0415
            import sre_parse as parser  # noqa: PLC0415
        except ImportError:  # pragma: no cover
            return None
    return parser, constants


# Very common characters make poor anchors: a cue anchored on 我 or 了 is tried on most texts.
_COMMON: Final = frozenset(
    "我你您他她它的了不是在有一这那就也都人们要说吧啊吗呢么没个会和把给被到去来"
    "卡钱用还打问存办能想过"
)


# ... and so do the commonest character pairs of customer-service text (你们 occurs in about
# a quarter of customer turns): a cue that also needs 终止 or 干嘛 is better anchored there.
_COMMON_PAIRS: Final = frozenset((
    "你们", "我们", "他们", "银行", "这个", "那个", "什么", "怎么", "一下", "就是", "没有",
    "可以", "现在", "今天", "客服", "已经", "还是", "不是", "一个", "我的",
))


def _anchor_cost(grams: frozenset[str]) -> int:
    """Cost of a requirement: bigrams are rare, single characters less so, common ones not."""
    return sum(
        (20 if g in _COMMON_PAIRS else 1) if len(g) == 2 else 100 if g in _COMMON else 3
        for g in grams
    )


def _required_grams_seq(items: list, c: object) -> frozenset[str] | None:
    """Grams (characters or two-character strings) of which every match contains one.

    Each item that must match gives a candidate set, and so does each pair of adjacent
    literal characters (销户 needs the bigram 销户); the cheapest set is kept. None when
    no item is required (``[^,]{0,3}``, an optional group, a lookaround).
    """
    best: frozenset[str] | None = None

    def consider(need: frozenset[str] | None) -> None:
        nonlocal best
        if need and (best is None or _anchor_cost(need) < _anchor_cost(best)):
            best = need

    prev_literal: str | None = None
    for op, av in items:
        need: frozenset[str] | None = None
        literal: str | None = None
        if op is c.LITERAL:
            literal = chr(av)
            need = frozenset((literal,))
            if prev_literal is not None:
                consider(frozenset((prev_literal + literal,)))
        elif op is c.IN:
            if all(o is c.LITERAL for o, _ in av):
                need = frozenset(chr(v) for _, v in av)
        elif op is c.SUBPATTERN:
            need = _required_grams_seq(list(av[-1]), c)
        elif op is c.BRANCH:
            parts = [_required_grams_seq(list(b), c) for b in av[1]]
            if all(p is not None for p in parts):
                need = frozenset().union(*parts)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            need = _required_grams_seq(list(av[2]), c)
        consider(need)
        prev_literal = literal
    return best


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` (``a|b(c|d)`` → ``["a", "b(c|d)"]``).

    A cue written as one long alternation runs faster as one small regex per alternative:
    each gets its own anchors and Python's regex engine can use its literal-prefix search.
    """
    parts: list[str] = []
    depth = 0
    in_class = False
    start = 0
    i = 0
    n = len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            if i + 1 < n and pattern[i + 1] == "]":  # a literal ] first in a class
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def required_grams(pattern: str) -> frozenset[str] | None:
    """Grams (1 or 2 characters) of which any match of ``pattern`` contains one; or None.

    Lets a rule set skip a cue with one set intersection instead of a regex search:
    ``销户|注销`` needs the bigram 销户 or 注销 (``None`` for a pattern such as ``[^,]{2}``).
    """
    sre = _sre()
    if sre is None:
        return None
    parser, constants = sre
    try:
        tree = parser.parse(pattern)
    except Exception:  # pragma: no cover - compile_pattern already checked it
        return None
    return _required_grams_seq(list(tree), constants)


# ---------------------------------------------------------------------------------------------
# output helpers
# ---------------------------------------------------------------------------------------------


def result_frame(columns: dict[str, list[object] | np.ndarray], index: pd.Index) -> pd.DataFrame:
    """A DataFrame with ``index`` (copied) whose list columns stay Python objects."""
    data = {}
    for name, values in columns.items():
        if isinstance(values, np.ndarray):
            data[name] = pd.Series(values, index=index.copy())
        else:
            data[name] = pd.Series(values, index=index.copy(), dtype=object)
    return pd.DataFrame(data, index=index.copy())


def speaker_values(
    speaker: str | Iterable[str] | pd.Series, n: int, owner: str
) -> list[str | None]:
    """One canonical speaker id (customer/agent/system) or ``None`` (unknown) per text."""
    from cxtext.schema import SPEAKER_ALIASES

    def canon(value: object) -> str | None:
        if is_missing(value):
            return None
        key = str(value).strip().lower()
        if key in SPEAKER_ALIASES:
            return SPEAKER_ALIASES[key]
        raise ValueError(
            f"The 'speaker' parameter of {owner} must be one of ['agent', 'customer', "
            f"'system'] (or an alias such as 客服, 客户). Got {value!r} instead."
        )

    if isinstance(speaker, str):
        return [canon(speaker)] * n
    values = speaker.tolist() if isinstance(speaker, pd.Series) else list(speaker)
    if len(values) != n:
        raise ValueError(
            f"{owner}: 'speaker' has {len(values)} values for {n} texts; pass one speaker "
            "for all texts or one per text"
        )
    cache: dict[object, str | None] = {}
    out = []
    for v in values:
        try:
            out.append(cache[v])
        except (KeyError, TypeError):
            c = canon(v)
            if isinstance(v, str):
                cache[v] = c
            out.append(c)
    return out


# ---------------------------------------------------------------------------------------------
# label rule sets: cues proposing a label, filters dropping or keeping each cue
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """A trigger for ``label``; ``flags`` are free-form options from the rule table."""

    label: str
    rule: str
    regex: re.Pattern[str]
    flags: frozenset[str] = frozenset()
    #: grams (1-2 characters) one of which every match contains (None: always try the regex)
    anchors: frozenset[str] | None = None


@dataclass(frozen=True)
class Filter:
    """Drop (``block``) or keep only (``require``) the cues it applies to.

    ``scope`` names the piece of :class:`Context` the pattern searches; ``applies`` are
    cue-rule prefixes (empty: every cue of the label).
    """

    rule: str
    kind: str
    scope: str
    applies: tuple[str, ...]
    regex: re.Pattern[str]

    def applies_to(self, cue_rule: str) -> bool:
        return not self.applies or cue_rule.startswith(self.applies)


@dataclass(frozen=True)
class LabelRules:
    """Everything compiled for one label."""

    cues: tuple[Cue, ...]
    filters: tuple[Filter, ...]
    extra: dict[str, re.Pattern[str] | None]


#: Candidate lists kept per rule set (one per distinct anchor set met; emptied when full).
_PLAN_CACHE_MAX: Final = 20_000


class RuleSet(Mapping[str, LabelRules]):
    """Compiled rules of several labels, with a character index of their cues.

    :meth:`scan` looks up which cues can match a text from the text's characters and
    character pairs (one set intersection) and runs only those regexes.
    """

    def __init__(self, labels: dict[str, LabelRules]) -> None:
        self._labels = dict(labels)
        self.order: tuple[str, ...] = tuple(labels)
        index: dict[str, list[tuple[int, int]]] = {}
        always: list[tuple[int, int]] = []
        for li, rules in enumerate(self._labels.values()):
            for ci, cue in enumerate(rules.cues):
                if cue.anchors is None:
                    always.append((li, ci))
                else:
                    for ch in cue.anchors:
                        index.setdefault(ch, []).append((li, ci))
        self._index = {ch: tuple(v) for ch, v in index.items()}
        self._keys = frozenset(self._index)
        _register_anchors(self._keys)
        self._always = tuple(always)
        # The same index over flat cue numbers (label order, then cue order), which sort and
        # group faster than (label, cue) pairs: scan() runs on every text.
        flat = [(li, ci) for li, rules in enumerate(self._labels.values())
                for ci in range(len(rules.cues))]
        number = {pair: k for k, pair in enumerate(flat)}
        labels_list = list(self._labels.values())
        self._flat_label: tuple[int, ...] = tuple(li for li, _ in flat)
        self._flat_cue: tuple[Cue, ...] = tuple(labels_list[li].cues[ci] for li, ci in flat)
        self._flat_index = {g: tuple(number[p] for p in v) for g, v in self._index.items()}
        self._flat_always = frozenset(number[p] for p in always)
        self._flat_search = tuple(cue.regex.search for cue in self._flat_cue)
        self._allowed: dict[tuple[str, ...], frozenset[int]] = {}
        self._label_cue_sets: dict[tuple[str, ...], frozenset[int]] = {}
        self._plans: dict[tuple[frozenset[str], tuple[str, ...] | None], tuple[int, ...]] = {}

    def __getitem__(self, label: str) -> LabelRules:
        return self._labels[label]

    def __iter__(self):
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)

    def candidates(self, grams: set[str] | frozenset[str]) -> dict[int, list[int]]:
        """``{label position: [cue positions]}`` of the cues that may match a text.

        ``grams`` are the text's characters and character pairs (:func:`text_grams`).
        """
        found = set(self._always)
        index = self._index
        for gram in self._keys.intersection(grams):
            found.update(index[gram])
        by_label: dict[int, list[int]] = {}
        for li, ci in sorted(found):
            by_label.setdefault(li, []).append(ci)
        return by_label

    def scan(
        self,
        prep: Prepared,
        keepers: Mapping[str, Callable[[Cue, Context], bool]],
        field_name: str,
        labels: Sequence[str] | None = None,
    ) -> dict[str, list[dict]]:
        """Evidence per label (labels without any are left out), in label order.

        ``keepers[label](cue, context)`` accepts or drops each cue match; ``labels``
        restricts the scan to some labels.
        """
        out: dict[str, list[dict]] = {}
        plan = self._candidates(prep, None if labels is None else tuple(labels))
        if not plan:
            return out
        flat_label, search, order = self._flat_label, self._flat_search, self.order
        text = prep.text
        # Search every candidate first (most find nothing), then build evidence only for the
        # labels with a match: keepers are pure, so the order of the calls does not matter.
        hits = [(k, m) for k in plan if (m := search[k](text)) is not None]
        start = 0
        n = len(hits)
        flat_cue = self._flat_cue
        while start < n:  # runs of cue numbers of one label
            li = flat_label[hits[start][0]]
            end = start + 1
            while end < n and flat_label[hits[end][0]] == li:
                end += 1
            label = order[li]
            evidence = _evidence(prep, [(flat_cue[k], m) for k, m in hits[start:end]],
                                 keepers[label], field_name, label)
            if evidence:
                out[label] = evidence
            start = end
        return out

    def has_match(
        self, prep: Prepared, keep: Callable[[Cue, Context], bool], label: str
    ) -> bool:
        """Whether :meth:`scan` would give ``label`` any evidence (``keep`` is its keeper),
        stopping at the first accepted match instead of building every span."""
        text = prep.text
        unconditional = getattr(keep, "unconditional", None)  # see _evidence
        for k in self._candidates(prep, (label,)):
            first = self._flat_search[k](text)
            if first is None:
                continue
            cue = self._flat_cue[k]
            free = unconditional is not None and unconditional(cue, text)
            for m in chain((first,), cue.regex.finditer(text, first.end())):
                start, end = m.span()
                if end > start and (free or keep(cue, Context(text, start, end))):
                    return True
        return False

    def _candidates(self, prep: Prepared, labels: tuple[str, ...] | None) -> Sequence[int]:
        """The cue numbers to try on ``prep``, in order: the cues hyperscan's prefilter of
        every cue reports (:func:`_prefilter_of`: a superset of the cues that match, in one
        pass over the text in C) or, without hyperscan, :meth:`_plan_for`. Both hold every
        cue that matches, so :meth:`scan` finds the same matches either way."""
        pre = self.__dict__.get("_prefilter")
        if pre is None:
            pre = self.__dict__["_prefilter"] = _prefilter_of(self._flat_cue)
        if not pre:
            return self._plan_for(prep, labels)
        try:
            data = prep.text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: not UTF-8, hyperscan cannot read it
            return self._plan_for(prep, labels)
        found: list[int] = list(pre.always)
        # positional arguments: parsing keywords costs ~0.3 us a call (scan, handler, flags,
        # context, scratch)
        pre.db.scan(data, _collect_id, 0, found, pre.scratch())
        if labels is not None:
            allowed = self._label_cues(labels)
            found = [k for k in found if k in allowed]
        found.sort()
        return found

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("_prefilter", None)  # a compiled database per process
        return state

    def _plan_for(self, prep: Prepared, labels: tuple[str, ...] | None) -> tuple[int, ...]:
        """The cue numbers to try on ``prep`` (from its anchors; cached by :meth:`_plan`)."""
        grams = prep.grams if prep.grams_version == _GRAMS["version"] else text_grams(prep.text)
        key = (self._keys.intersection(grams), labels)
        plan = self._plans.get(key)
        return self._plan(*key) if plan is None else plan

    def _plan(self, anchors: frozenset[str], labels: tuple[str, ...] | None) -> tuple[int, ...]:
        """The cue numbers to try, in order, for a text with these anchors (cached: texts
        share anchor sets, and the set is all :meth:`scan` needs to choose cues)."""
        found = set(self._flat_always)
        index = self._flat_index
        for gram in anchors:
            found.update(index[gram])
        if labels is not None:  # only the cues of those labels
            found.intersection_update(self._label_cues(labels))
        plan = tuple(sorted(found))
        if len(self._plans) >= _PLAN_CACHE_MAX:
            self._plans.clear()
        self._plans[(anchors, labels)] = plan
        return plan

    def _label_cues(self, labels: tuple[str, ...]) -> frozenset[int]:
        """Cue numbers of ``labels`` (cached per tuple of labels)."""
        got = self._label_cue_sets.get(labels)
        if got is None:
            allowed = self._label_numbers(labels)
            got = self._label_cue_sets[labels] = frozenset(
                k for k, li in enumerate(self._flat_label) if li in allowed)
        return got

    def _label_numbers(self, labels: Sequence[str]) -> frozenset[int]:
        """Positions of ``labels`` (cached per tuple of labels)."""
        key = tuple(labels)
        got = self._allowed.get(key)
        if got is None:
            wanted = set(key)
            got = self._allowed[key] = frozenset(
                i for i, name in enumerate(self.order) if name in wanted
            )
        return got


# ---------------------------------------------------------------------------------------------
# hyperscan prefilter (optional): which cues can match a text, in one pass in C
# ---------------------------------------------------------------------------------------------

#: Set to ``0`` to leave hyperscan out even when it is installed (the anchor plans then
#: choose the cues; same results).
HYPERSCAN_ENV: Final = "CXTEXT_HYPERSCAN"


def _collect_id(cue: int, start: int, end: int, flags: int, found: list[int]) -> None:
    found.append(cue)  # returning None: scan on


class _Prefilter:
    """A hyperscan database of every cue of a rule set, compiled in prefilter mode (it
    matches a superset of what the Python regex matches: look-arounds and the like are
    relaxed), one report per cue (``SINGLEMATCH``), plus the cue numbers it could not
    compile (always tried). Scratch space is per thread."""

    def __init__(self, module: object, db: object, always: tuple[int, ...]) -> None:
        self.module = module
        self.db = db
        self.always = always
        self._local = threading.local()

    def scratch(self) -> object:
        got = getattr(self._local, "scratch", None)
        if got is None:
            got = self._local.scratch = self.module.Scratch(self.db)  # type: ignore[attr-defined]
        return got


#: The outcome of importing hyperscan, once per process (a failed import is not cached by
#: Python: it would search sys.path again on every call).
_HYPERSCAN_MODULE: list[object | None] = []


def _hyperscan() -> object | None:
    """The ``hyperscan`` module, or None (not installed, does not load, or switched off
    with ``CXTEXT_HYPERSCAN=0``)."""
    if os.environ.get(HYPERSCAN_ENV, "1") == "0":
        return None
    if not _HYPERSCAN_MODULE:
        try:
            import hyperscan
        except Exception:  # ImportError, or a wheel whose library does not load here
            hyperscan = None
        _HYPERSCAN_MODULE.append(hyperscan)
    return _HYPERSCAN_MODULE[0]


def _prefilter_of(cues: Sequence[Cue]) -> _Prefilter | bool:
    """The :class:`_Prefilter` of ``cues`` (flat cue numbers are the ids), or False.

    The compiled database is kept in the user's cache folder (``$XDG_CACHE_HOME/cxtext``
    or ``~/.cache/cxtext``), named by a hash of the patterns, flags and hyperscan version:
    compiling the intent rules takes ~0.6 s, loading them ~1 ms. A sidecar ``.always`` file
    holds the SHA-256 of the database bytes (and the cues hyperscan refused): any trouble
    there (no folder, a corrupt, stale or foreign file, a checksum that does not match)
    means compiling again. The checksum catches corruption and files of different writers
    mixed up; it is no defence against someone who can write the user's cache folder.
    """
    hs = _hyperscan()
    if hs is None or not cues:
        return False
    base = (hs.HS_FLAG_UTF8 | hs.HS_FLAG_UCP | hs.HS_FLAG_PREFILTER
            | hs.HS_FLAG_SINGLEMATCH | hs.HS_FLAG_ALLOWEMPTY)
    exprs: list[bytes] = []
    ids: list[int] = []
    flags: list[int] = []
    always: list[int] = []
    for k, cue in enumerate(cues):
        re_flags = cue.regex.flags
        if re_flags & (re.ASCII | re.VERBOSE | re.LOCALE):  # other semantics: Python only
            always.append(k)
            continue
        f = base
        if re_flags & re.IGNORECASE:
            f |= hs.HS_FLAG_CASELESS
        if re_flags & re.DOTALL:
            f |= hs.HS_FLAG_DOTALL
        if re_flags & re.MULTILINE:
            f |= hs.HS_FLAG_MULTILINE
        try:
            exprs.append(cue.regex.pattern.encode("utf-8"))
        except UnicodeEncodeError:
            always.append(k)
            continue
        ids.append(k)
        flags.append(f)
    version = getattr(hs, "__version__", "?")
    digest = hashlib.sha256(repr((version, exprs, ids, flags)).encode()).hexdigest()[:24]
    cached = _prefilter_cache() / f"prefilter-{digest}.hsdb"
    db = None
    try:
        data = cached.read_bytes()
        # the sidecar: the SHA-256 of the database bytes, then the refused cue numbers
        check, *rest = cached.with_suffix(".always").read_text().split()
        if hashlib.sha256(data).hexdigest() != check:
            raise ValueError("the database does not match its checksum")
        loaded = hs.loadb(data, hs.HS_MODE_BLOCK)
        hs.Scratch(loaded)  # a database for another CPU fails here or above
        db = loaded
        skipped = tuple(int(x) for x in rest)
    except Exception:  # no file yet, unreadable, corrupt, stale or from another machine
        db = None
    if db is None:
        db, skipped = _compile_prefilter(hs, exprs, ids, flags)
        if db is None:
            return False
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            dumped = hs.dumpb(db)
            sidecar = " ".join([hashlib.sha256(dumped).hexdigest(), *map(str, skipped)])
            for path, data in ((cached.with_suffix(".always"), sidecar.encode()),
                               (cached, dumped)):
                tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
                tmp.write_bytes(data)
                os.replace(tmp, path)  # the database last: it is what marks the pair done
        except Exception:  # a read-only home, a full disk: compile again next time
            pass
    return _Prefilter(hs, db, tuple(sorted({*always, *skipped})))


def _compile_prefilter(hs: object, exprs: list[bytes], ids: list[int],
                       flags: list[int]) -> tuple[object | None, tuple[int, ...]]:
    """Compile the patterns; one that hyperscan refuses is left out (returned, to be tried
    with Python's ``re`` on every text). None when nothing compiles."""
    keep = list(range(len(exprs)))
    skipped: list[int] = []
    while keep:
        db = hs.Database()  # type: ignore[attr-defined]
        try:
            db.compile(expressions=[exprs[i] for i in keep], ids=[ids[i] for i in keep],
                       flags=[flags[i] for i in keep])
            return db, tuple(skipped)
        except Exception:
            # find the patterns it refuses one by one (rare: every shipped cue compiles)
            bad = [i for i in keep if not _compiles(hs, exprs[i], flags[i])]
            if not bad:
                return None, ()
            skipped.extend(ids[i] for i in bad)
            refused = set(bad)
            keep = [i for i in keep if i not in refused]
    return None, ()


def _compiles(hs: object, expr: bytes, flag: int) -> bool:
    try:
        hs.Database().compile(expressions=[expr], ids=[0], flags=[flag])  # type: ignore[attr-defined]
    except Exception:
        return False
    return True


def _prefilter_cache() -> Path:
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(root) / "cxtext"


def compile_rule_table(
    name: str,
    labels: Sequence[str],
    *,
    cue_flags: Sequence[str] = (),
    extra_kinds: Sequence[str] = (),
) -> RuleSet:
    """Compile a 5-column rule table ``label kind rule opts pattern`` (see the .md sidecars).

    ``kind`` is ``cue`` (opts = comma-separated flags from ``cue_flags`` or ``-``),
    ``block``/``require`` (opts = ``scope`` or ``scope:rule-prefix,...``), or one of
    ``extra_kinds`` (patterns joined per label into ``LabelRules.extra[kind]``). The label
    column may hold several comma-separated labels or ``*`` for all.
    """
    known = tuple(labels)
    kinds = ("cue", "block", "require", *extra_kinds)
    cues: dict[str, list[Cue]] = {lab: [] for lab in known}
    filters: dict[str, list[Filter]] = {lab: [] for lab in known}
    extras: dict[str, dict[str, list[str]]] = {k: {lab: [] for lab in known} for k in extra_kinds}
    for row in load_rule_table(name, 5):
        label_field, kind, rule, opts, pattern = row.fields
        where = f"{row.source}, line {row.line}"
        if kind not in kinds:
            raise ValueError(f"{where}: unknown kind {kind!r}; expected one of {list(kinds)}")
        if label_field == "*":
            targets = known
        else:
            targets = tuple(x.strip() for x in label_field.split(","))
            bad = [t for t in targets if t not in known]
            if bad:
                raise ValueError(
                    f"{where}: unknown label {bad[0]!r}; expected one of {list(known)} or '*'"
                )
        regex = compile_pattern(pattern, row)
        for label in targets:
            if kind == "cue":
                flags = frozenset(f for f in opts.split(",") if f)
                unknown = flags - set(cue_flags)
                if unknown:
                    raise ValueError(
                        f"{where}: unknown cue flag(s) {sorted(unknown)}; expected "
                        f"{list(cue_flags)}"
                    )
                for part in split_alternatives(pattern):
                    part_regex = compile_pattern(part, row) if part != pattern else regex
                    cues[label].append(Cue(label, rule, part_regex, flags, required_grams(part)))
            elif kind in ("block", "require"):
                scope, _, applies = opts.partition(":")
                if scope not in SCOPES:
                    raise ValueError(
                        f"{where}: unknown scope {scope!r}; expected one of {list(SCOPES)}"
                    )
                prefixes = tuple(a.strip() for a in applies.split(",") if a.strip())
                filters[label].append(Filter(rule, kind, scope, prefixes, regex))
            else:
                extras[kind][label].append(pattern)
    out = {}
    for label in known:
        extra = {k: (union(extras[k][label]) if extras[k][label] else None) for k in extra_kinds}
        out[label] = LabelRules(
            cues=tuple(cues[label]),
            filters=tuple(filters[label]),
            extra=extra,
        )
    return RuleSet(out)


#: The negator's scope (see :func:`passes_filters`), as a pseudo-scope name of a filter plan.
_NEG_SCOPE: Final = "negator"
#: Filter plans: ``(filters, cue rule, skip, negator given)`` → the filters object and its plan.
_PLANS: dict[tuple[int, str, object, bool], tuple[Sequence[Filter], tuple]] = {}


def _filter_plan(
    filters: Sequence[Filter], cue_rule: str, skip: Callable[[Filter], bool] | None,
    negator: bool,
) -> tuple[tuple[str, re.Pattern[str], bool], ...]:
    """The checks of the filters that apply to ``cue_rule``: ``(scope, regex, is_block)``.

    Blocks on the same scope are joined into one regex (any match blocks), so a cue costs
    one search per scope instead of one per filter; requirements stay one regex each.
    Cached per filter list, cue rule, ``skip`` and whether a negator scope is given
    (``skip`` should be a module-level function, not a fresh lambda).
    """
    key = (id(filters), cue_rule, skip, negator)
    cached = _PLANS.get(key)
    if cached is not None and cached[0] is filters:
        return cached[1]
    blocks: dict[str, list[re.Pattern[str]]] = {}
    checks: list[tuple[str, re.Pattern[str], bool]] = []
    for f in filters:
        if not f.applies_to(cue_rule) or (skip is not None and skip(f)):
            continue
        scope = f.scope
        if negator and scope == "prefix" and f.rule.startswith("neg"):
            scope = _NEG_SCOPE
        if f.kind == "block":
            blocks.setdefault(scope, []).append(f.regex)
        else:
            checks.append((scope, f.regex, False))
    for scope, regexes in blocks.items():
        try:
            joined = regexes[0] if len(regexes) == 1 else union(r.pattern for r in regexes)
        except re.error:  # e.g. two patterns naming the same group: keep them apart
            checks.extend((scope, r, True) for r in regexes)
        else:
            checks.append((scope, joined, True))
    plan = tuple(checks)
    _PLANS[key] = (filters, plan)
    return plan


def passes_filters(
    cue: Cue,
    ctx: Context,
    filters: Sequence[Filter],
    *,
    negator_prefix: str | None = None,
    skip: Callable[[Filter], bool] | None = None,
) -> bool:
    """Whether ``cue`` at ``ctx`` survives every block and requirement that applies to it.

    ``negator_prefix`` replaces ``ctx.prefix`` for ``prefix``-scope filters whose rule name
    starts with ``neg`` (the intent engine passes the negator's scope: the clause text
    after the last word that ends it); ``skip`` leaves chosen filters out.
    """
    for scope, regex, is_block in _filter_plan(filters, cue.rule, skip,
                                                negator_prefix is not None):
        text = negator_prefix if scope == _NEG_SCOPE else ctx.scope(scope)
        if (regex.search(text) is not None) == is_block:  # type: ignore[arg-type]
            return False
    return True


def find_evidence(
    prep: Prepared,
    cues: Sequence[Cue],
    keep: Callable[[Cue, Context], bool],
    field_name: str,
    label: str,
) -> list[dict]:
    """Every match of ``cues`` (one label's) that ``keep`` accepts, as evidence dicts.

    Overlapping matches of the label are reduced to the earliest, longest one, so spans
    never overlap within a label and counts (forbidden phrases) count stretches of text.
    """
    text = prep.text
    matches = []
    for cue in cues:
        first = cue.regex.search(text)
        if first is not None:  # the common case is None: skip building an iterator
            matches.append((cue, first))
    return _evidence(prep, matches, keep, field_name, label)


def _evidence(
    prep: Prepared,
    matches: Sequence[tuple[Cue, re.Match[str]]],
    keep: Callable[[Cue, Context], bool],
    field_name: str,
    label: str,
) -> list[dict]:
    """:func:`find_evidence` from each matching cue's first match (``matches``, in cue
    order)."""
    text = prep.text
    original, offsets = prep.original, prep.offsets
    # a FilterKeeper says when it keeps every match of a cue in this text: no Context then
    unconditional = getattr(keep, "unconditional", None)
    out: list[dict] = []
    seen: set[tuple[int, int]] = set()
    for cue, first in matches:
        free = unconditional is not None and unconditional(cue, text)
        for m in (first, *cue.regex.finditer(text, first.end())):
            key = m.span()
            start, end = key
            if end <= start or key in seen:
                continue
            if free or keep(cue, Context(text, start, end)):
                seen.add(key)
                if offsets is not None:  # Prepared.span
                    start, end = offsets[start], offsets[end - 1] + 1
                out.append({field_name: label, "start": start, "end": end,
                            "text": original[start:end], "rule": cue.rule})
    if len(out) > 1:
        # one span per stretch of text: of overlapping matches keep the earliest, longest
        out.sort(key=lambda d: (d["start"], d["start"] - d["end"]))
        kept: list[dict] = []
        for d in out:
            if not kept or d["start"] >= kept[-1]["end"]:
                kept.append(d)
        out = kept
    return out


class FilterKeeper:
    """A keeper that accepts a cue match when it passes the label's blocks and
    requirements (:func:`passes_filters`) and, with ``quotes``, lies outside quotation
    marks. :meth:`unconditional` lets :func:`_evidence` skip the per-match check."""

    __slots__ = ("filters", "quotes", "_checks")

    def __init__(self, filters: Sequence[Filter], *, quotes: bool = False) -> None:
        self.filters = filters
        self.quotes = quotes
        #: cue rule -> its filter checks (:func:`_filter_plan`), looked up by the rule name
        self._checks: dict[str, tuple[tuple[str, re.Pattern[str], bool], ...]] = {}

    def _plan(self, rule: str) -> tuple[tuple[str, re.Pattern[str], bool], ...]:
        checks = self._checks.get(rule)
        if checks is None:
            checks = self._checks[rule] = _filter_plan(self.filters, rule, None, False)
        return checks

    def __call__(self, cue: Cue, ctx: Context) -> bool:
        if self.quotes and ctx.in_quote():
            return False
        # passes_filters(cue, ctx, self.filters)
        for scope, regex, is_block in self._plan(cue.rule):
            if (regex.search(ctx.scope(scope)) is not None) == is_block:
                return False
        return True

    def unconditional(self, cue: Cue, text: str) -> bool:
        """Whether every match of ``cue`` in ``text`` is kept: no filter applies to the
        cue (and, with ``quotes``, ``text`` holds no quotation)."""
        if self._plan(cue.rule):
            return False
        return not (self.quotes and _quotes(text))

"""Char n-gram TF-IDF + linear classifier: the one code path for training and inference.

Private helper of :mod:`cxtext.tags.sentiment`, :mod:`cxtext.tags.emotion` and
:mod:`cxtext.train`. Inference needs only numpy (no scikit-learn, no scipy): the text is
prepared (:func:`prepare_text`), cut into character n-grams, looked up in the vocabulary,
weighted by sublinear TF x IDF, L2-normalised and multiplied by the class weights, then
softmaxed. Training (:func:`fit_linear_model`) builds the same features as a scipy CSR matrix
and fits scikit-learn's multinomial ``LogisticRegression``; both are imported inside it.

Files (no pickle anywhere)
-------------------------
A model named ``NAME`` in a folder is three files plus a human-readable card:

* ``NAME.npz``: ``coef`` (float16, classes x features), ``intercept`` and ``idf`` (float32);
* ``NAME.vocab.json.gz``: the n-gram vocabulary as a JSON list (feature ``i`` is item ``i``);
* ``NAME.json``: the card: classes, feature parameters, training data and metrics, library
  versions, the cxtext version that wrote it and the SHA-256 of the two files above;
* ``NAME.md``: the model card for people (written by :mod:`cxtext.train`).

Both data files are written byte-for-byte reproducibly (fixed zip and gzip timestamps), so the
same data and seed give the same checksums. :func:`load_linear_model` verifies the checksums
(a mismatch raises :class:`ModelFileError`) and warns with :class:`ModelVersionWarning` when
the model was written by another cxtext version.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import operator
import re
import threading
import types
import warnings
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from os import PathLike
from pathlib import Path
from typing import Any, ClassVar, Final

import numpy as np
import pandas as pd

from cxtext._version import __version__
from cxtext.errors import CxTextError
from cxtext.tags.base import BaseTagger, coerce_texts

#: Version of :func:`prepare_text` + the n-gram analysers; stored in every model file.
#: ``charword-v1`` = ``charngram-v1`` (character n-grams only) plus optional word n-grams
#: (rjieba words of the same prepared text, their own TF-IDF block); a model without word
#: n-grams is the same as a ``charngram-v1`` one, so both load.
FEATURES_VERSION: Final = "charword-v1"
_READABLE_FEATURES: Final = ("charngram-v1", "charword-v1")
#: Word n-gram keys start with this character, which :func:`prepare_text` never leaves in a
#: text (it is whitespace to Python), so they cannot collide with character n-grams.
_WORD_MARK: Final = "\x1f"
#: Version of the file layout written by :func:`save_linear_model`.
FORMAT_VERSION: Final = 1

_URL_RE: Final = re.compile(r"(?:https?://|www\.)[\w\-./?%&=#:~+]*", re.I)
_MENTION_RE: Final = re.compile(r"//@[^:：\s]{1,30}[:：]?|@[\w\u4e00-\u9fff\-]{1,30}")
_DIGITS_RE: Final = re.compile(r"\d+(?:\.\d+)?")
_REPEAT_RE: Final = re.compile(r"(.)\1{3,}")
_SPACES_RE: Final = re.compile(r"\s+")


class ModelFileError(CxTextError, ValueError):
    """A model file is missing, corrupt or does not match its recorded checksum."""


class ModelVersionWarning(UserWarning):
    """A model was written by another cxtext version; predictions may differ slightly."""


def prepare_text(text: str) -> str:
    """The text the n-gram analysers see (features versions ``charngram-v1``/``charword-v1``).

    Width (NFKC) and Traditional -> Simplified as :func:`cxtext.normalize_text` does them
    (fillers and emoji kept: ``[怒]`` is a strong cue), lower case, URLs and @mentions removed,
    every number written ``0``, a character repeated 4+ times cut to 3 (哈哈哈哈哈 -> 哈哈哈),
    whitespace collapsed.

    Examples
    --------
    >>> prepare_text("ＡＴＭ吞了我的卡！！！！！ 銀行 http://t.cn/x 3000元 @张三 你好")
    'atm吞了我的卡!!!银行 0元你好'
    """
    from cxtext.text.normalize import _whitespace_all, _width_t2s

    if "http" in text or "www" in text:
        text = _URL_RE.sub(" ", text)
    if "@" in text:
        text = _MENTION_RE.sub(" ", text)
    # normalize_text(text, fillers=None, emoji="keep"), sharing the width/t2s step with the
    # rule taggers' matching texts (memoised)
    text = _DIGITS_RE.sub("0", _whitespace_all(_width_t2s(text)).lower())
    return _finish(_REPEAT_RE.sub(r"\1\1\1", text))


def _finish(text: str) -> str:
    """Whitespace collapsed and stripped (skipped where it would change nothing)."""
    if text.isprintable() and "  " not in text and not (text[:1] == " " or text[-1:] == " "):
        return text  # the only whitespace possible is single inner spaces
    return _SPACES_RE.sub(" ", text).strip()


def prepare_many(texts: Sequence[str]) -> list[str]:
    """:func:`prepare_text` of every text (the same strings, faster on a batch).

    The texts are joined by ``\\x00`` for the steps that act on one character or one run
    of digits at a time (lower case, numbers, repeated characters): the whitespace step
    has removed every ``\\x00`` from the texts (and a text without a space or an
    invisible character skips it), and no digit run or case rule crosses one.
    """
    from cxtext.text.normalize import _whitespace_all, _width_t2s_many

    texts = list(texts)
    if not texts:
        return []
    probe = "\x00".join(texts)
    if "http" in probe or "www" in probe or "@" in probe:
        cleaned = []
        for text in texts:
            if "http" in text or "www" in text:
                text = _URL_RE.sub(" ", text)
            if "@" in text:
                text = _MENTION_RE.sub(" ", text)
            cleaned.append(text)
        texts = cleaned
    out = list(_width_t2s_many(texts))
    # printable text without a space: nothing for the whitespace steps (nor for _finish)
    slow = [i for i, t in enumerate(out) if " " in t or not t.isprintable()]
    for i in slow:
        out[i] = _whitespace_all(out[i])
    joined = _DIGITS_RE.sub("0", "\x00".join(out).lower())
    parts = joined.split("\x00")
    if len(parts) == len(out):
        out = parts
    else:  # pragma: no cover - the whitespace step leaves no \x00
        out = [_DIGITS_RE.sub("0", t.lower()) for t in out]
        joined = "\x00".join(out)
    # a character repeated 4+ times is rare: find the texts that have one at once (a run
    # of \x00 is a run of empty texts: their sub changes nothing)
    codes = _code_points(joined)
    run = codes[:-3] == codes[1:-2]
    run &= codes[1:-2] == codes[2:-1]
    run &= codes[2:-1] == codes[3:]
    hits = np.flatnonzero(run)
    if len(hits):
        ends = np.cumsum(np.fromiter(map(len, out), dtype=np.int64, count=len(out)) + 1)
        repeats = np.unique(np.searchsorted(ends, hits, side="right")).tolist()
        for i in repeats:
            out[i] = _REPEAT_RE.sub(r"\1\1\1", out[i])
        slow = sorted(set(slow).union(repeats))
    for i in slow:
        out[i] = _finish(out[i])
    return out


class _LastBatch:
    """The result of ``fn`` over the previous batch, reused when the same batch comes again:
    ``cx.tag`` runs the sentiment and the emotion model on one batch in a row. ``fn`` maps
    one item (or, with ``batch=True``, a list of items to a list)."""

    def __init__(self, fn: Any, batch: bool = False) -> None:
        self.fn = fn
        self.batch = batch
        self.last: tuple[list[Any], list[Any]] | None = None

    def __call__(self, items: Sequence[Any]) -> list[Any]:
        items = list(items)
        last = self.last
        if last is not None and last[0] == items:
            return last[1]
        out = self.fn(items) if self.batch else [self.fn(x) for x in items]
        self.last = (items, out)
        return out


_prepared = _LastBatch(prepare_many, batch=True)  # prepare_text over a batch


def char_ngrams(text: str, lo: int, hi: int) -> list[str]:
    """All character n-grams of ``text`` with ``lo <= n <= hi``, shortest first."""
    if lo == 1 and hi == 3:  # the shipped models: string concatenation in C is faster
        bigrams = list(map(operator.add, text, text[1:]))
        return [*text, *bigrams, *map(operator.add, bigrams, text[2:])]
    size = len(text)
    return [text[a : a + k] for k in range(lo, hi + 1) for a in range(size - k + 1)]


def word_tokens(text: str) -> list[str]:
    """rjieba (jieba-rs, HMM on) words of a prepared text, whitespace dropped (a lone
    surrogate, which rjieba cannot encode, is cut as "?")."""
    import rjieba

    try:
        words = rjieba.cut(text)
    except UnicodeEncodeError:
        words = rjieba.cut(text.encode("utf-8", "replace").decode("utf-8"))
    return [w for w in words if not w.isspace()]


def word_ngrams(text: str, lo: int, hi: int) -> list[str]:
    """Word n-grams of a prepared text as vocabulary keys (``\\x1f`` before every word)."""
    return _word_grams(word_tokens(text), lo, hi)


_batch_word_tokens = _LastBatch(word_tokens)  # word_tokens over a batch of prepared texts


def _word_grams(tokens: Sequence[str], lo: int, hi: int) -> list[str]:
    words = [_WORD_MARK + w for w in tokens]
    if lo == 1 and hi == 2:
        return [*words, *map(operator.add, words, words[1:])]
    size = len(words)
    return ["".join(words[a : a + k]) for k in range(lo, hi + 1) for a in range(size - k + 1)]


# ---------------------------------------------------------------------------------------------
# character n-grams as integers (the inference fast path)
# ---------------------------------------------------------------------------------------------

#: Bits per character in an n-gram key: every code point + 1 fits in 21 bits, so a key of up
#: to three characters fits in an int64 and keys of different lengths never collide.
_CODE_BITS: Final = 21
_MAX_FAST_N: Final = 3


def _fast_char_range(lo: int, hi: int) -> bool:
    return 1 <= lo <= hi <= _MAX_FAST_N


def _code_points(text: str) -> np.ndarray:
    """Code point + 1 of every character of ``text`` (int64; lone surrogates included)."""
    raw = text.encode("utf-32-le", "surrogatepass")
    return np.frombuffer(raw, dtype="<u4").astype(np.int64) + 1


def _gram_keys(codes: np.ndarray, same_doc: Any, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Keys of the ``n``-character windows of ``codes`` and the window starts kept
    (``same_doc(n, size)``: the starts whose window lies inside one text)."""
    size = len(codes) - n + 1
    if size <= 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    keys = codes[:size].copy()
    for j in range(1, n):
        keys <<= _CODE_BITS
        keys |= codes[j : j + size]
    starts = same_doc(n, size)
    return keys.take(starts), starts


def _string_order_keys(keys: np.ndarray, hi: int) -> np.ndarray:
    """Keys of n-grams of at most ``hi`` characters padded to ``hi`` characters (the
    missing ones 0): their numeric order is the n-grams' string order (a prefix first)."""
    n = np.ones(len(keys), dtype=np.int64)
    for j in range(1, hi):
        n += keys >= (1 << (_CODE_BITS * j))
    return keys << (_CODE_BITS * (hi - n))


@dataclass(frozen=True)
class _GramLookup:
    """Sorted integer keys of a vocabulary's ``lo``-``hi`` character n-grams and their
    columns; :meth:`find` maps keys to columns (-1: not in the vocabulary).

    ``in_string_order``: the columns of these n-grams follow their string order (true of
    every vocabulary :meth:`Features.fit` writes: ``sorted`` n-grams); then ``ordered``
    holds their :func:`_string_order_keys`, sorted, and :meth:`find_ordered` looks those
    up (column ``i`` of the result is the ``i``-th n-gram in string order)."""

    source: dict[str, int]
    size: int
    keys: np.ndarray
    cols: np.ndarray
    in_string_order: bool = False
    ordered: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    ordered_cols: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    @classmethod
    def build(cls, vocabulary: dict[str, int], lo: int, hi: int) -> _GramLookup:
        # keys and values in one C-level pass each (a look-up per key cost ~0.2 s a model)
        grams = list(vocabulary)
        cols = np.fromiter(vocabulary.values(), dtype=np.int64, count=len(grams))
        lengths = np.fromiter(map(len, grams), dtype=np.int64, count=len(grams))
        keep = (lengths >= lo) & (lengths <= hi)
        if not keep.all():  # word n-grams share the vocabulary of a char + word model
            idx = np.flatnonzero(keep)
            grams = [grams[i] for i in idx.tolist()]
            cols, lengths = cols[idx], lengths[idx]
        codes = _code_points("".join(grams))
        starts = np.cumsum(lengths) - lengths
        keys = np.zeros(len(grams), dtype=np.int64)
        for j in range(hi):
            has = lengths > j
            keys[has] = (keys[has] << _CODE_BITS) | codes[starts[has] + j]
        order = np.argsort(keys, kind="stable")
        by_string = np.argsort(_string_order_keys(keys, hi), kind="stable")
        in_order = bool(np.all(np.diff(cols[by_string]) > 0))
        return cls(
            vocabulary,
            len(vocabulary),
            keys[order],
            cols[order],
            in_order,
            _string_order_keys(keys[by_string], hi) if in_order else np.zeros(0, np.int64),
            cols[by_string] if in_order else np.zeros(0, np.int64),
        )

    def find(self, keys: np.ndarray) -> np.ndarray:
        return self._search(self.keys, self.cols, keys)

    def find_ordered(self, keys: np.ndarray) -> np.ndarray:
        """:meth:`find` of :func:`_string_order_keys` (sorted keys search fastest)."""
        return self._search(self.ordered, self.ordered_cols, keys)

    @staticmethod
    def _search(table: np.ndarray, cols: np.ndarray, keys: np.ndarray) -> np.ndarray:
        if not len(table):
            return np.full(len(keys), -1, dtype=np.int64)
        at = np.minimum(np.searchsorted(table, keys), len(table) - 1)
        return np.where(table[at] == keys, cols[at], -1)


#: The n-grams of the last batch: ``cx.tag`` runs the sentiment and the emotion model
#: on the same prepared texts in a row, and both models use character 1-3-grams.
_LAST_COUNTS: list[Any] = [None]


def _char_gram_counts(
    docs: Sequence[str], lo: int, hi: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every ``lo``-``hi``-character n-gram of ``docs``: its text (``rows``), its number in
    ``grams`` (``codes``), and ``grams``, the distinct n-gram keys of the batch."""
    last = _LAST_COUNTS[0]
    if last is not None and last[1] == (lo, hi) and (last[0] is docs or last[0] == docs):
        return last[2]
    docs = list(docs)
    lengths = np.fromiter(map(len, docs), dtype=np.int64, count=len(docs))
    codes = _code_points("".join(docs))
    doc_of = np.repeat(np.arange(len(docs), dtype=np.int64), lengths)

    def same_doc(n: int, size: int) -> np.ndarray:
        if n == 1:
            return np.arange(size, dtype=np.int64)
        return np.flatnonzero(doc_of[:size] == doc_of[n - 1 : n - 1 + size])

    keys_parts, row_parts = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    for n in range(lo, hi + 1):
        keys, starts = _gram_keys(codes, same_doc, n)
        keys_parts.append(keys)
        row_parts.append(doc_of.take(starts))
    # a hash table, not a sort: the vocabulary lookup needs each distinct n-gram once
    gram_codes, grams = pd.factorize(np.concatenate(keys_parts))
    out = (np.concatenate(row_parts), gram_codes.astype(np.int64, copy=False),
           np.asarray(grams, dtype=np.int64))
    _LAST_COUNTS[0] = (docs, (lo, hi), out)
    return out


#: The (text, n-gram) pairs of the last batch (:func:`_char_gram_pairs`), shared likewise.
_LAST_PAIRS: list[Any] = [None]


def _char_gram_pairs(
    docs: Sequence[str], lo: int, hi: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every distinct (text, n-gram) pair of ``docs``, sorted by text and then by the
    n-gram's string order: ``rows``, ``ranks`` (the n-gram's number in ``grams``), ``tf``
    (its count in the text) and ``grams``, the batch's distinct n-grams in string order as
    :func:`_string_order_keys`. A vocabulary whose columns follow string order (see
    :class:`_GramLookup`) keeps this order, so one sort serves every such model.

    Texts that the last batch holds, all of them, reuse its pairs (:func:`_pairs_of_rows`):
    ``cx.tag`` scores the customer texts with sentiment and emotion, then some of them with
    the intent detector."""
    last = _LAST_PAIRS[0]
    if last is not None and last[1] == (lo, hi):
        if last[0] is docs or last[0] == docs:
            return last[2]
        # rows of the batch read above, not of whatever another thread stored since
        at = _rows_in(last, docs)
        if bool((at >= 0).all()):
            return _pairs_of_rows(last[2], at, len(last[0]))
    gram_rows, gram_codes, grams = _char_gram_counts(docs, lo, hi)
    ordered = _string_order_keys(grams, hi)
    by_string = np.argsort(ordered)  # distinct keys: any sort gives the same order
    rank = np.empty(len(grams), dtype=np.int64)
    rank[by_string] = np.arange(len(grams), dtype=np.int64)
    bits = max(1, len(grams).bit_length())
    keys = (gram_rows << bits) | rank.take(gram_codes)
    if (len(docs) << bits) < 2**31:  # int32 keys sort faster
        keys = keys.astype(np.int32)
    keys, tf = _unique_counts(keys)
    keys = keys.astype(np.int64, copy=False)
    out = (keys >> bits, keys & ((1 << bits) - 1), tf, ordered[by_string])
    _LAST_PAIRS[0] = [docs, (lo, hi), out, None]  # None: its text -> row index, when asked
    return out


def last_batch_rows(docs: Sequence[str], lo: int, hi: int) -> np.ndarray:
    """The row of each of ``docs`` in the last batch whose ``lo``-``hi``-character
    (text, n-gram) pairs are kept (:func:`_char_gram_pairs`), -1 where it holds no such
    text."""
    last = _LAST_PAIRS[0]
    if last is None or last[1] != (lo, hi):
        return np.full(len(docs), -1, dtype=np.int64)
    return _rows_in(last, docs)


def _rows_in(last: list[Any], docs: Sequence[str]) -> np.ndarray:
    """The row of each of ``docs`` in the kept batch ``last`` (an entry of ``_LAST_PAIRS``),
    -1 where it holds no such text."""
    index = last[3]
    if index is None:  # a text repeated in the batch: any of its rows has the same pairs
        batch = last[0]
        index = last[3] = dict(zip(batch, range(len(batch)), strict=True))
    get = index.get
    return np.fromiter((get(d, -1) for d in docs), dtype=np.int64, count=len(docs))


def _pairs_of_rows(
    pairs: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray], at: np.ndarray, n_rows: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The :func:`_char_gram_pairs` of a batch's rows ``at`` (in that order) as rows
    ``0..len(at)-1``. Each text keeps its pairs in the same order, so every per-text sum
    over them (norms, scores) comes out bit for bit as from a batch of those texts alone;
    ``grams`` stays the whole batch's."""
    rows, ranks, tf, grams = pairs
    bounds = np.searchsorted(rows, np.arange(n_rows + 1, dtype=np.int64))
    first = bounds.take(at)
    lengths = bounds.take(at + 1) - first
    new_rows = np.repeat(np.arange(len(at), dtype=np.int64), lengths)
    # position of each kept pair: its text's first pair + its place within the text
    offsets = np.cumsum(lengths) - lengths
    take = np.arange(len(new_rows), dtype=np.int64) + np.repeat(first - offsets, lengths)
    return new_rows, ranks.take(take), tf.take(take), grams


def _unique_counts(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(keys, return_counts=True)`` for integer keys, by a stable sort: the keys
    come in runs (documents in order, each n-gram length in turn), which the stable sort
    (radix/timsort) orders in about half the time of np.unique's quicksort. Same arrays."""
    ordered = np.sort(keys, kind="stable")
    first = np.empty(len(ordered), dtype=bool)
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    return ordered.take(starts), np.diff(np.append(starts, len(ordered)))


# ---------------------------------------------------------------------------------------------
# features
# ---------------------------------------------------------------------------------------------


@dataclass
class Features:
    """Sublinear TF-IDF over character n-grams, optionally plus word n-grams.

    scikit-learn's ``TfidfVectorizer`` maths: ``idf = ln((1 + n) / (1 + df)) + 1``,
    ``tf = 1 + ln(count)``. With ``word_ngram_range`` the rjieba word n-grams
    (:func:`word_ngrams`) form a second block with its own ``min_df`` cut and
    ``word_max_features`` cap; each block is L2-normalised on its own (a text's vector is
    the two unit vectors side by side), as ``hstack`` of two ``TfidfVectorizer`` outputs.
    """

    ngram_range: tuple[int, int] = (1, 3)
    min_df: int = 2
    max_features: int | None = None
    vocabulary: dict[str, int] = field(default_factory=dict)
    idf: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    word_ngram_range: tuple[int, int] | None = None
    word_max_features: int | None = None

    def _blocks(self, docs: Sequence[str]) -> list[tuple[Sequence[Any], Any, int, int, int | None]]:
        """(units, n-gram function, lo, hi, cap) per block: the prepared texts for the
        character block, their word lists for the word block."""
        out: list[tuple[Sequence[Any], Any, int, int, int | None]] = [
            (docs, char_ngrams, *self.ngram_range, self.max_features)
        ]
        if self.word_ngram_range is not None:
            out.append(
                (
                    _batch_word_tokens(docs),
                    _word_grams,
                    *self.word_ngram_range,
                    self.word_max_features,
                )
            )
        return out

    def fit(self, docs: Sequence[str]) -> Features:
        """Build the vocabulary and IDF from prepared texts."""
        from collections import Counter

        kept: list[str] = []
        df_all: dict[str, int] = {}
        for units, grams_of, lo, hi, cap in self._blocks(docs):
            df: Counter[str] = Counter()
            for unit in units:
                df.update(set(grams_of(unit, lo, hi)))
            items = [(g, c) for g, c in df.items() if c >= self.min_df]
            if cap is not None and len(items) > cap:
                items.sort(key=lambda gc: (-gc[1], gc[0]))  # most frequent; ties by n-gram
                items = items[:cap]
            kept += [g for g, _ in items]
            df_all.update(items)
        grams = sorted(kept)
        self.vocabulary = {g: i for i, g in enumerate(grams)}
        counts = np.array([df_all[g] for g in grams], dtype=np.float64)
        n = len(docs)
        self.idf = (np.log((1.0 + n) / (1.0 + counts)) + 1.0).astype(np.float32)
        return self

    def sparse_parts(self, docs: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row, column, value) of the TF-IDF matrix, each block's rows L2-normalised,
        sorted by row."""
        parts = [
            self._char_block_parts(docs)
            if block[1] is char_ngrams and _fast_char_range(block[2], block[3])
            else self._block_parts(*block[:4])
            for block in self._blocks(docs)
        ]
        if len(parts) == 1:
            return parts[0]
        rows, cols, values = (np.concatenate(p) for p in zip(*parts, strict=True))
        order = np.argsort(rows, kind="stable")
        return rows[order], cols[order], values[order]

    def _block_parts(
        self, docs: Sequence[Any], grams_of: Any, lo: int, hi: int
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        get = self.vocabulary.get
        counts = np.zeros(len(docs), dtype=np.int64)
        ids: list[int] = []
        for i, doc in enumerate(docs):
            grams = grams_of(doc, lo, hi)
            counts[i] = len(grams)
            ids.extend(map(get, grams, repeat(-1)))  # -1: not in the vocabulary
        cols = np.asarray(ids, dtype=np.int64)
        rows = np.repeat(np.arange(len(docs), dtype=np.int64), counts)
        return self._tfidf_parts(rows, cols, len(docs))

    def _char_block_parts(self, docs: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """:meth:`_block_parts` of the character block, vectorised (n-grams of 1-3
        characters as integer keys, looked up by binary search): the same arrays."""
        lo, hi = self.ngram_range
        lookup = self._char_lookup()
        if lookup.in_string_order:  # the (text, n-gram) pairs of the batch, sorted once
            rows, ranks, tf, grams = _char_gram_pairs(docs, lo, hi)
            cols = lookup.find_ordered(grams).take(ranks)
            known = np.flatnonzero(cols >= 0)
            return self._tfidf_values(
                rows.take(known), cols.take(known), tf.take(known), len(docs)
            )
        gram_rows, gram_codes, grams = _char_gram_counts(docs, lo, hi)
        return self._tfidf_parts(gram_rows, lookup.find(grams)[gram_codes], len(docs))

    def _tfidf_parts(self, rows: np.ndarray, cols: np.ndarray, n_docs: int
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row, column, value) from one entry per n-gram occurrence (column -1: not in the
        vocabulary): sublinear term frequency × idf, each row L2-normalised."""
        known = cols >= 0
        n_vocab = max(len(self.vocabulary), 1)
        keys, tf = _unique_counts(rows[known] * n_vocab + cols[known])
        rows, cols_arr = np.divmod(keys, n_vocab)
        return self._tfidf_values(rows, cols_arr, tf, n_docs)

    def _tfidf_values(self, rows: np.ndarray, cols: np.ndarray, tf: np.ndarray, n_docs: int
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row, column, value) of distinct (row, column) pairs sorted by row and column,
        ``tf`` their counts: sublinear term frequency × idf, each row L2-normalised (the
        sums run in column order within a row, whichever way the pairs were found)."""
        if not len(rows):
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, np.zeros(0, dtype=np.float32)
        values = (1.0 + np.log(tf.astype(np.float32))) * self.idf.take(cols)
        norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=n_docs))
        values = (values / norms.take(rows)).astype(np.float32)
        return rows, cols, values

    def _char_lookup(self) -> _GramLookup:
        """The vocabulary's character n-grams as sorted integer keys (built once)."""
        vocab = self.vocabulary
        cached = self.__dict__.get("_lookup")
        if cached is None or cached.source is not vocab or cached.size != len(vocab):
            cached = _GramLookup.build(vocab, *self.ngram_range)
            self.__dict__["_lookup"] = cached
        return cached

    def transform(self, docs: Sequence[str]) -> Any:
        """A scipy CSR matrix (training only; inference uses :meth:`sparse_parts`)."""
        from scipy import sparse

        rows, cols, values = self.sparse_parts(docs)
        shape = (len(docs), len(self.vocabulary))
        return sparse.csr_matrix((values, (rows, cols)), shape=shape, dtype=np.float32)


# ---------------------------------------------------------------------------------------------
# model
# ---------------------------------------------------------------------------------------------


@dataclass
class LinearModel:
    """A fitted multinomial linear classifier over :class:`Features`."""

    features: Features
    classes: list[str]
    coef: np.ndarray  # (n_classes, n_features) float32
    intercept: np.ndarray  # (n_classes,) float32
    card: dict[str, Any] = field(default_factory=dict)

    def decision_function(self, texts: Sequence[str]) -> np.ndarray:
        """Class scores (n_texts, n_classes) for raw texts (prepared here)."""
        return self.prepared_scores(_prepared(texts))

    def prepared_scores(self, docs: Sequence[str]) -> np.ndarray:
        """:meth:`decision_function` of texts already in :func:`prepare_text` form."""
        rows, cols, values = self.features.sparse_parts(docs)
        out = np.tile(self.intercept.astype(np.float64), (len(docs), 1))
        if len(rows):  # rows are sorted: sum each document's run of n-grams at once
            first = np.empty(len(rows), dtype=bool)
            first[0] = True
            np.not_equal(rows[1:], rows[:-1], out=first[1:])
            starts = np.flatnonzero(first)
            contrib = self.coef_t.take(cols, axis=0)  # take: rows copied whole, faster
            contrib *= values[:, None]
            out[rows.take(starts)] += np.add.reduceat(contrib, starts, axis=0)
        return out

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Softmax probabilities (n_texts, n_classes), columns in ``classes`` order."""
        scores = self.decision_function(texts)
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores

    @property
    def coef_t(self) -> np.ndarray:
        cached = self.__dict__.get("_coef_t")
        if cached is None:
            cached = np.ascontiguousarray(self.coef.T, dtype=np.float32)
            self.__dict__["_coef_t"] = cached
        return cached


def fit_linear_model(
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    sample_weight: Sequence[float] | None = None,
    ngram_range: tuple[int, int] = (1, 3),
    min_df: int = 2,
    max_features: int | None = None,
    word_ngram_range: tuple[int, int] | None = None,
    word_max_features: int | None = None,
    C: float = 2.0,
    class_weight: str | Mapping[str, float] | None = "balanced",
    max_iter: int = 1000,
    random_state: int | None = 0,
) -> LinearModel:
    """Fit TF-IDF + multinomial logistic regression (scikit-learn, lbfgs; deterministic).

    ``word_ngram_range`` (e.g. ``(1, 2)``) adds rjieba word n-grams as a second feature block
    (at most ``word_max_features``, same ``min_df``); ``None``: character n-grams only.

    The stored ``coef`` is rounded to float16 and back, exactly what :func:`save_linear_model`
    keeps, so a model predicts the same before and after a save/load round trip.
    """
    from sklearn.linear_model import LogisticRegression

    docs = [prepare_text(t) for t in texts]
    feats = Features(
        ngram_range=tuple(ngram_range),  # type: ignore[arg-type]
        min_df=min_df,
        max_features=max_features,
        word_ngram_range=None if word_ngram_range is None else tuple(word_ngram_range),  # type: ignore[arg-type]
        word_max_features=word_max_features,
    )
    feats.fit(docs)
    if not feats.vocabulary:
        raise CxTextError(
            "No character n-gram occurs in at least min_df="
            f"{min_df} training texts; give more texts or a smaller min_df."
        )
    X = feats.transform(docs)
    y = np.asarray([str(v) for v in labels], dtype=object)
    clf = LogisticRegression(
        C=C, class_weight=class_weight, max_iter=max_iter, solver="lbfgs", random_state=random_state
    )
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*max_iter.*")  # ConvergenceWarning text
        clf.fit(X, y, sample_weight=None if sample_weight is None else np.asarray(sample_weight))
    coef, intercept = clf.coef_, clf.intercept_
    if coef.shape[0] == 1:  # binary: sigmoid == 2-class softmax with +-w/2
        coef = np.vstack([-coef / 2.0, coef / 2.0])
        intercept = np.array([-intercept[0] / 2.0, intercept[0] / 2.0])
    return LinearModel(
        features=feats,
        classes=[str(c) for c in clf.classes_],
        coef=coef.astype(np.float16).astype(np.float32),
        intercept=intercept.astype(np.float32),
    )


# ---------------------------------------------------------------------------------------------
# files
# ---------------------------------------------------------------------------------------------

_ZIP_DATE: Final = (1980, 1, 1, 0, 0, 0)


def _npz_bytes(arrays: Mapping[str, np.ndarray]) -> bytes:
    """An ``.npz`` (zip of ``.npy``) with fixed timestamps: same arrays, same bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(arrays):
            member = io.BytesIO()
            np.lib.format.write_array(
                member, np.ascontiguousarray(arrays[name]), allow_pickle=False
            )
            info = zipfile.ZipInfo(f"{name}.npy", date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, member.getvalue())
    return buf.getvalue()


def _gzip_json_bytes(obj: Any) -> bytes:
    raw = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    return buf.getvalue()


def sha256_bytes(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def save_linear_model(model: LinearModel, folder: str | Path, name: str) -> dict[str, Any]:
    """Write ``NAME.npz``, ``NAME.vocab.json.gz`` and ``NAME.json`` into ``folder``.

    ``model.card`` (training data, metrics, command ...) is merged into ``NAME.json``
    together with the feature parameters, classes, versions and checksums. Returns the card.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    feats = model.features
    vocab = sorted(feats.vocabulary, key=feats.vocabulary.__getitem__)
    npz = _npz_bytes(
        {
            "coef": model.coef.astype(np.float16),
            "intercept": model.intercept.astype(np.float32),
            "idf": feats.idf.astype(np.float32),
        }
    )
    vocab_gz = _gzip_json_bytes(vocab)
    card = dict(model.card)
    card.update(
        {
            "name": name,
            "format_version": FORMAT_VERSION,
            "features_version": FEATURES_VERSION,
            "cxtext_version": card.get("cxtext_version", __version__),
            "classes": list(model.classes),
            "features": {
                "analyzer": "char" if feats.word_ngram_range is None else "char+word",
                "ngram_range": list(feats.ngram_range),
                "min_df": feats.min_df,
                "max_features": feats.max_features,
                "word_ngram_range": None
                if feats.word_ngram_range is None
                else list(feats.word_ngram_range),
                "word_max_features": feats.word_max_features,
                "word_tokenizer": None
                if feats.word_ngram_range is None
                else f"rjieba {_rjieba_version()} (HMM on)",
                "sublinear_tf": True,
                "norm": "l2",
                "n_features": len(vocab),
            },
            "files": {
                f"{name}.npz": {"sha256": sha256_bytes(npz), "bytes": len(npz)},
                f"{name}.vocab.json.gz": {"sha256": sha256_bytes(vocab_gz), "bytes": len(vocab_gz)},
            },
        }
    )
    (folder / f"{name}.npz").write_bytes(npz)
    (folder / f"{name}.vocab.json.gz").write_bytes(vocab_gz)
    text = json.dumps(card, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    (folder / f"{name}.json").write_text(text, encoding="utf-8")
    return card


def _rjieba_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("rjieba")
    except PackageNotFoundError:  # pragma: no cover - rjieba is a core dependency
        return "?"


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ModelFileError(
            f"Cannot read the model's {what} file {str(path)!r}: {exc}. A model folder holds "
            "NAME.json, NAME.npz and NAME.vocab.json.gz as written by `python -m cxtext.train`."
        ) from None


def load_linear_model(card_path: str | Path, *, verify: bool = True) -> LinearModel:
    """Load a model from its ``NAME.json`` card (the data files sit beside it).

    Raises :class:`ModelFileError` if a file is missing or its SHA-256 differs from the card,
    and warns :class:`ModelVersionWarning` if another cxtext version wrote it.
    """
    card_path = Path(card_path)
    try:
        card = json.loads(_read(card_path, "card").decode("utf-8"))
        name, feat = card["name"], card["features"]
        classes = [str(c) for c in card["classes"]]
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelFileError(f"{str(card_path)!r} is not a cxtext model card: {exc!r}") from None
    if card.get("format_version") != FORMAT_VERSION or (
        card.get("features_version") not in _READABLE_FEATURES
    ):
        raise ModelFileError(
            f"{str(card_path)!r} has format {card.get('format_version')!r} / features "
            f"{card.get('features_version')!r}; this cxtext reads format {FORMAT_VERSION} / "
            f"{' or '.join(_READABLE_FEATURES)}. Retrain it with `python -m cxtext.train`."
        )
    blobs = {}
    for fname, meta in card.get("files", {}).items():
        data = _read(card_path.with_name(fname), "data")
        if verify and sha256_bytes(data) != meta.get("sha256"):
            raise ModelFileError(
                f"The checksum of {str(card_path.with_name(fname))!r} does not match its card "
                f"({meta.get('sha256')!r}); the file is corrupt or was replaced. Reinstall "
                "cxtext or retrain the model."
            )
        blobs[fname] = data
    try:
        with np.load(io.BytesIO(blobs[f"{name}.npz"]), allow_pickle=False) as z:
            coef = z["coef"].astype(np.float32)
            intercept = z["intercept"].astype(np.float32)
            idf = z["idf"].astype(np.float32)
        vocab = json.loads(gzip.decompress(blobs[f"{name}.vocab.json.gz"]).decode("utf-8"))
    except (KeyError, ValueError, OSError) as exc:
        raise ModelFileError(
            f"Cannot read the model files of {str(card_path)!r}: {exc!r}"
        ) from None
    if coef.shape != (len(classes), len(vocab)) or idf.shape != (len(vocab),):
        raise ModelFileError(
            f"{str(card_path)!r}: weights {coef.shape} do not fit {len(classes)} classes x "
            f"{len(vocab)} features."
        )
    saved = card.get("cxtext_version")
    if saved != __version__:
        warnings.warn(
            f"The model {str(card_path)!r} was written by cxtext {saved}; this is cxtext "
            f"{__version__}. Its predictions may differ slightly from the recorded metrics; "
            "retrain it with `python -m cxtext.train` to silence this warning.",
            ModelVersionWarning,
            stacklevel=3,
        )
    feats = Features(
        ngram_range=(int(feat["ngram_range"][0]), int(feat["ngram_range"][1])),
        min_df=int(feat.get("min_df", 1)),
        max_features=feat.get("max_features"),
        vocabulary=dict(zip(vocab, range(len(vocab)), strict=True)),  # faster than a dictcomp
        idf=idf,
        word_ngram_range=None
        if feat.get("word_ngram_range") is None
        else (int(feat["word_ngram_range"][0]), int(feat["word_ngram_range"][1])),
        word_max_features=feat.get("word_max_features"),
    )
    return LinearModel(features=feats, classes=classes, coef=coef, intercept=intercept, card=card)


# ---------------------------------------------------------------------------------------------
# the tagger side: shared by ModelSentimentTagger and ModelEmotionTagger
# ---------------------------------------------------------------------------------------------

_MODEL_CACHE: dict[tuple[str, int, int], LinearModel] = {}
_MODEL_LOCK = threading.Lock()


def packaged_model_path(task: str) -> Path:
    """The card (``<task>.json``) of the model shipped in ``cxtext/resources/models``."""
    from importlib import resources

    try:
        ref = resources.files("cxtext").joinpath("resources", "models", f"{task}.json")
        path = Path(str(ref))
    except (AttributeError, ModuleNotFoundError, TypeError):  # pragma: no cover - odd loaders
        path = Path(__file__).resolve().parents[1] / "resources" / "models" / f"{task}.json"
    return path


def resolve_model_path(model: object, task: str, owner: str) -> Path:
    """``"default"`` -> the shipped card; a folder -> ``<folder>/<task>.json``; a card path."""
    if isinstance(model, str) and model == "default":
        return packaged_model_path(task)
    if not isinstance(model, (str, PathLike)):
        raise TypeError(
            f"The 'model' parameter of {owner} must be 'default' or a path to a model written "
            f"by `python -m cxtext.train`; got {type(model).__name__}."
        )
    path = Path(model)
    if path.is_dir():
        path = path / f"{task}.json"
    if not path.is_file():
        raise ModelFileError(
            f"The 'model' parameter of {owner} must be 'default', a model card NAME.json or a "
            f"folder holding {task}.json; {str(model)!r} is neither."
        )
    return path


def load_cached(path: Path) -> LinearModel:
    """Load a model once per (path, mtime, size) in this process; instances share it."""
    try:
        st = path.stat()
    except OSError:
        raise ModelFileError(
            f"The model card {str(path)!r} is missing. The shipped models live in "
            "cxtext/resources/models (reinstall cxtext, or rebuild them with `python -m "
            "cxtext.train sentiment|emotion --out cxtext/resources/models`)."
        ) from None
    key = (str(path.resolve()), st.st_mtime_ns, st.st_size)
    with _MODEL_LOCK:
        model = _MODEL_CACHE.get(key)
        if model is None:
            model = load_linear_model(path)
            _MODEL_CACHE[key] = model
        return model


class ModelTagger(BaseTagger):
    """Base of the ``model`` backends: parameters, lazy load, ``fit`` trains a new model.

    The parameters are the same for every task (see
    :class:`cxtext.tags.sentiment.ModelSentimentTagger`); only the default ``C`` differs: a
    subclass sets ``default_C`` and gets this ``__init__`` with that default (so
    ``get_params``, ``repr`` and ``help`` show the task's own default).
    """

    allowed_labels: ClassVar[tuple[str, ...]] = ()
    default_C: ClassVar[float] = 2.0

    def __init__(
        self,
        model: str | PathLike[str] = "default",
        C: float = 2.0,
        ngram_range: tuple[int, int] = (1, 3),
        min_df: int = 2,
        max_features: int | None = 300_000,
        class_weight: str | Mapping[str, float] | None = "balanced",
        max_iter: int = 1000,
        random_state: int | None = 0,
        word_ngram_range: tuple[int, int] | None = None,
    ) -> None:
        self.model = model
        self.C = C
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_features = max_features
        self.class_weight = class_weight
        self.max_iter = max_iter
        self.random_state = random_state
        self.word_ngram_range = word_ngram_range

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "__init__" in vars(cls) or cls.default_C == 2.0:
            return
        base = ModelTagger.__init__
        init = types.FunctionType(
            base.__code__, base.__globals__, "__init__", base.__defaults__, base.__closure__
        )
        defaults = list(base.__defaults__ or ())
        defaults[base.__code__.co_varnames.index("C") - 1] = cls.default_C  # -1: self
        init.__defaults__ = tuple(defaults)
        init.__kwdefaults__ = base.__kwdefaults__
        init.__annotations__ = dict(base.__annotations__)
        init.__doc__ = base.__doc__
        init.__qualname__ = f"{cls.__qualname__}.__init__"
        init.__module__ = cls.__module__
        cls.__init__ = init  # type: ignore[method-assign]

    def _model(self) -> LinearModel:
        model = getattr(self, "model_", None)
        if model is None:
            path = resolve_model_path(self.model, self.task, type(self).__name__)
            model = load_cached(path)
            bad = [c for c in model.classes if c not in self.allowed_labels]
            if bad:
                raise ModelFileError(
                    f"{str(path)!r} predicts {bad}, which are not {self.task} labels "
                    f"{list(self.allowed_labels)}."
                )
            self.model_ = model
            self.classes_ = list(model.classes)
        return model

    def fit(self, texts: object, y: object = None, sample_weight: object = None) -> ModelTagger:
        """Train a new model on labelled texts (char n-gram TF-IDF + logistic regression;
        with ``word_ngram_range``, e.g. ``(1, 2)``, rjieba word n-grams as well).

        Texts or labels that are missing are left out. Needs scikit-learn.
        """
        owner = f"{type(self).__name__}.fit"
        values, _ = coerce_texts(texts, owner)
        if y is None:
            raise ValueError(
                f"{owner} needs labels y (one of {list(self.allowed_labels)} per text)."
            )
        labels = list(y) if not isinstance(y, str) else [y]
        if len(labels) != len(values):
            raise ValueError(f"{owner} got {len(values)} texts but {len(labels)} labels.")
        weights = None if sample_weight is None else np.asarray(sample_weight, dtype=float)
        if weights is not None and len(weights) != len(values):
            raise ValueError(f"{owner} got {len(values)} texts but {len(weights)} sample weights.")
        keep = [
            i
            for i, (t, lab) in enumerate(zip(values, labels, strict=True))
            if t is not None and t.strip() and not _missing_label(lab)
        ]
        # the Chinese names cxtext shows (正面/负面/中性, 愤怒 …) and 积极/消极 are the same labels
        aliases = _zh_label_aliases(self.task)
        given = [str(labels[i]).strip() for i in keep]
        ys = [aliases.get(v, v) for v in given]
        bad = sorted(set(ys) - set(self.allowed_labels))
        if bad:
            raise ValueError(f"{owner}: y must hold {list(self.allowed_labels)}; got {bad[:10]}."
                             + _label_map_hint(self.task, set(given)))
        if len(set(ys)) < 2:
            raise ValueError(f"{owner} needs at least two classes in y; got {sorted(set(ys))}.")
        try:
            import sklearn  # noqa: F401
        except ImportError:
            from cxtext.tags.base import missing_dependency

            raise missing_dependency(owner, "scikit-learn>=1.4") from None
        self._reset()
        model = fit_linear_model(
            [values[i] for i in keep],  # type: ignore[misc]
            ys,
            sample_weight=None if weights is None else weights[keep],
            ngram_range=tuple(self.ngram_range),  # type: ignore[arg-type]
            min_df=self.min_df,
            max_features=self.max_features,
            word_ngram_range=None
            if self.word_ngram_range is None
            else tuple(self.word_ngram_range),  # type: ignore[arg-type]
            word_max_features=self.max_features,
            C=self.C,
            class_weight=self.class_weight,
            max_iter=self.max_iter,
            random_state=self.random_state,
        )
        model.card = {"task": self.task, "trained_by": owner, "n_train": len(keep)}
        self.model_ = model
        self.classes_ = list(model.classes)
        return self

    def predict_proba(self, texts: object) -> pd.DataFrame:
        """Class probabilities (one column per class of the model; missing texts give NaN)."""
        values, index = coerce_texts(texts, f"{type(self).__name__}.predict_proba")
        model = self._model()
        out = np.full((len(values), len(model.classes)), np.nan)
        todo = [i for i, v in enumerate(values) if v is not None]
        if todo:
            out[todo] = model.predict_proba([values[i] for i in todo])  # type: ignore[misc]
        return pd.DataFrame(out, index=index, columns=list(model.classes))

    def save(self, folder: str | PathLike[str], name: str | None = None) -> Path:
        """Write the (fitted or loaded) model as ``NAME.json/.npz/.vocab.json.gz``; returns
        the card path (``name`` defaults to the task)."""
        name = name or self.task
        save_linear_model(self._model(), folder, name)
        return Path(folder) / f"{name}.json"

    def _predict_texts(self, texts: list[str]) -> dict[str, np.ndarray]:
        model = self._model()
        return self._outputs(model.predict_proba(texts), list(model.classes))

    def _outputs(self, proba: np.ndarray, classes: list[str]) -> dict[str, np.ndarray]:
        raise NotImplementedError


def _missing_label(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value is pd.NA


def _zh_label_aliases(task: str) -> dict[str, str]:
    """Chinese spellings of ``task``'s labels that mean one label only (see
    :data:`cxtext.evaluate.LABEL_MAPS`, whose ``sentiment3`` / ``emotion7`` maps read them)."""
    from cxtext.evaluate import _ZH_LABELS

    return dict(_ZH_LABELS.get(task, {}))


def _label_map_hint(task: str, given: set[str]) -> str:
    """How to turn a data set's own labels (0/1, 0/1/2, 喜悦 …) into ``task``'s labels."""
    from cxtext.evaluate import LABEL_MAPS

    fits = sorted(n for n, m in LABEL_MAPS.items() if m.task == task and given <= set(m.mapping))
    if not fits:
        return ""
    return (f" The label maps that know all of these labels: {fits}; map them first, e.g. "
            f"y = pd.Series(y).astype(str).map(cxtext.evaluate.LABEL_MAPS[{fits[0]!r}].mapping)"
            " (rows mapped to None are left out), as cxtext train --label-map does.")


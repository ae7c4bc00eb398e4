"""Learned scorer for name candidates with no cue word (private; issue #8, rounds 7-8).

The hand rules in ``pii.py`` and the hand-set score of ``_names.py`` decide most names. This
module is a second opinion beside them: a logistic regression over *candidate windows* (a
surname of ``surnames.txt`` that is not an everyday-word surname, or a compound surname, and
one or two following Han characters, the first of them a given-name character; since round
8 also one of :data:`EVERYDAY_SURNAMES` before a strongly name-like character), trained by
``_names_train.py`` on labelled development sets, on names generated from the surname and
given-name statistics and put into real sentences, and on windows in real text that hold no
name. A window it scores at least :data:`THRESHOLD` (probability) and that no rule found is a
name.

Features of a window ``w[s:e]`` (all binary except the statistics):

* the characters: surname, each given character, the left and right neighbour (one and two
  characters), the window length;
* the statistics of ``name_stats.tsv``: the given characters' log ratio of name use to
  running-text use, the surname's prior, and the dictionary counts of the words the window's
  characters would form with each other and with its neighbours (sur+g1, g1+g2, the window,
  left+sur, last+right, window+right);
* the shape: the left edge (text start, non-Han, particle), the right edge, whether the same
  window occurs twice, whether a list separator (、，和 及) borders it.

The weights (``resources/models/names.npz``, no pickle) and the feature vocabulary
(``names.vocab.json.gz``, feature ``i`` is item ``i``) are package data; their SHA-256 sums are
in the card ``names.json`` and checked on load (the scheme of the linear tag models,
:mod:`cxtext.tags._linear`; a mismatch raises :class:`~cxtext.tags._linear.ModelFileError`).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

from cxtext.errors import CxTextError
from cxtext.tags._linear import ModelFileError
from cxtext.text import _name_forms
from cxtext.text import _pii_patterns as pp
from cxtext.text._names import (
    BARE_LEFT,
    DETERMINERS,
    GIVEN_WORD_MIN,
    LONG_MIN,
    NOT_LAST,
    PAIR_MIN,
    PLACE_NEXT,
    PLACE_NEXT_WORDS,
    RIGHT_OK,
    name_stats,
)
from cxtext.text._names import _soft_left as soft_left

Span = tuple[int, int, str]

MODEL_JSON = "names.json"
MODEL_NPZ = "names.npz"
MODEL_VOCAB = "names.vocab.json.gz"
#: The layout of the model files (2: the vocabulary moved out of the card into its own
#: checksummed file, session 8).
FORMAT_VERSION = 2
#: The feature set the weights were fitted with (a change needs a retrain).
FEATURES_VERSION = "names-window-v1"
#: Whether ``find_pii`` consults the model (switched off while it is trained).
USE_MODEL = True

#: Surnames that are also everyday words (``AMBIGUOUS_SURNAMES``) the model scores (round 8:
#: 方芳, 常青, 温涛 …): those with a surname prior in ``name_stats.tsv`` of at least
#: :data:`EVERYDAY_PRIOR_MIN` whose frequency as a one-character word in jieba's dictionary
#: is at most :data:`EVERYDAY_WORD_FREQ_MAX` (this leaves out function words such as 于 那 和
#: 向 从 成 都 有). ``tests/test_pii_names_model.py`` recomputes the set from both files.
EVERYDAY_SURNAMES = frozenset("万东云任修元公关利单双古司哈国宁安宫富封居山师常平庄文方明易曾查水"
                              "沙海温爱玄白福红花谷连通阳齐")
EVERYDAY_PRIOR_MIN = -3.1
EVERYDAY_WORD_FREQ_MAX = 40000
#: The least name ratio (``name_stats().given``) of the character after such a surname for
#: the window to be a candidate (常青, 方芳; not 常用, 方便): it keeps the extra windows few.
EVERYDAY_GIVEN_MIN = 0.8
#: The probability a window of such a surname needs (the model's threshold is for the rest):
#: set on hold-out 7 and the unlabelled corpora (see ``_names_train``).
EVERYDAY_THRESHOLD = 0.9

#: Below this surname prior a two-character window needs a clean left edge, as the hand
#: rule for surname + one character (``_names._bare_names``) asks of every window (round 8).
RARE_PRIOR = -5.0

#: Compound surnames that are no everyday word (东方, 东门, 南门, 西门, 百里, 第五, 司空 and
#: 单于 are, or begin idioms): a window of one of them and one or two name-like characters
#: (given-name ratio > 0) that ends cleanly is a name whatever the model scores (round 9:
#: the model has seen few compound surnames and scores 诸葛明帮我…, 司徒静帮我… below 0.1).
COMPOUND_RULE = frozenset(("欧阳", "上官", "司徒", "诸葛", "司马", "令狐", "皇甫", "慕容", "尉迟",
                           "公孙", "夏侯", "端木", "轩辕", "独孤", "长孙", "宇文", "呼延", "澹台",
                           "申屠", "钟离", "淳于", "濮阳", "拓跋", "赫连", "万俟", "闻人"))
#: What may follow such a name: the right neighbours of a cue-less name, and 帮 (诸葛明帮我).
COMPOUND_RIGHT = RIGHT_OK | frozenset("帮替")

#: Separators and conjunctions of a list of people.
LIST_MARKS = frozenset("、，,和及与跟")
_SEP_CHARS = frozenset(" \t、，,。.！!？?：:；;（）()“”\"'～~…-—/")


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _log(n: int) -> float:
    return math.log1p(n)


def _classes() -> tuple[str, str, str, str]:
    """Character classes: plain surnames, given characters, the everyday-word surnames the
    model scores, and the given characters strong enough after those."""
    st = name_stats()
    single = pp.surnames()[0]
    plain = "".join(sorted(c for c in single if c not in pp.AMBIGUOUS_SURNAMES))
    chars = "".join(sorted(st.given))
    every = "".join(sorted(EVERYDAY_SURNAMES & single))
    strong = "".join(sorted(c for c, g in st.given.items() if g >= EVERYDAY_GIVEN_MIN))
    return plain, chars, every, strong


@lru_cache(maxsize=1)
def candidate_re() -> re.Pattern[str]:
    """A surname (not an everyday-word one) or a compound surname, then a given character;
    or one of :data:`EVERYDAY_SURNAMES`, then a strongly name-like given character."""
    plain, chars, every, strong = _classes()
    compound = sorted(pp.surnames()[1])
    # one leading class (``re`` scans for it fast; an alternation of literals first made every
    # search ~10x slower), then the same alternatives in the same order: a compound surname
    # (its second character consumed), a plain surname, an everyday-word surname
    lead = "".join(sorted({c[0] for c in compound} | set(plain) | set(every)))
    comps = "|".join(f"(?<={re.escape(c[0])}){re.escape(c[1:])}" for c in compound)
    return re.compile(f"[{lead}](?:(?:{comps})(?=[{chars}])|(?<=[{plain}])(?=[{chars}])"
                      f"|(?<=[{every}])(?=[{strong}]))")


@lru_cache(maxsize=1)
def gate_re() -> re.Pattern[str]:
    """``name_stats().either`` with one more alternative, tried last: a plain surname and a
    given character (a candidate window, :func:`candidate_re`), marked by the empty group 1.
    One search then tells both whether the hand detectors have a window to look at (group 1
    unset) and whether the model has one (round 8: round 7 scored only texts that passed the
    hand screen, so 谢娟那边…, 就是徐峰那张卡… were never scored). Windows of
    :data:`EVERYDAY_SURNAMES` are scored only in texts that pass this gate for another window:
    with them in the gate's leading class (国 公 明 安 单 通 查 … are common characters)
    ``mask_pii`` took ~1.7 % more instructions on the demo turns (valgrind), for 2 more
    names of hold-out 7 (0.898 -> 0.910 recall)."""
    either = name_stats().either
    pat = either.pattern
    cut = pat.find("](?:")
    if not pat.startswith("[") or cut < 0 or not pat.endswith(")") or either.groups:
        raise CxTextError("name_stats().either changed shape; update _names_model.gate_re")
    lead, inner = pat[1:cut], pat[cut + 4 : -1]  # every alternative of ``either`` looks behind
    plain, chars = _classes()[:2]
    return re.compile(f"[{lead}](?:{inner}|(?<=[{plain}])(?=[{chars}])())")


def gate(w: str) -> tuple[re.Match[str] | None, bool]:
    """``(either, window)``: the match of ``name_stats().either`` in ``w`` (None when there
    is none) and whether ``w`` holds a candidate window at all, from one search of
    :func:`gate_re` in most texts."""
    m = gate_re().search(w)
    if m is None:
        return None, False
    if m.group(1) is None:
        return m, True
    return name_stats().either.search(w, m.start() + 1), True


def candidates(w: str, pos: int = 0) -> list[tuple[int, int]]:
    """Candidate windows ``(start, end)`` of ``w`` from ``pos``: surname + one given
    character, and surname + two Han characters."""
    out: list[tuple[int, int]] = []
    n = len(w)
    for m in candidate_re().finditer(w, pos):
        s, g = m.start(), m.end()
        out.append((s, g + 1))
        if g + 1 < n and _han(w[g + 1]):
            out.append((s, g + 2))
    return out


def _edge(ch: str) -> str:
    if not ch:
        return "E"  # text edge
    if ch.isdigit():
        return "D"
    if ch in _SEP_CHARS:
        return "P"
    if not _han(ch):
        return "O"
    return "H"


def features(w: str, s: int, e: int) -> tuple[list[str], list[float]]:
    """Binary feature names and the numeric features of the window ``w[s:e]``."""
    st = name_stats()
    freq, given, prior = st.freq, st.given, st.prior
    compound = pp.surnames()[1]
    slen = 2 if e - s > 2 and w[s : s + 2] in compound else 1
    sur, gv = w[s : s + slen], w[s + slen : e]
    prev = w[s - 1] if s else ""
    prev2 = w[s - 2 : s] if s >= 2 else ""
    nxt = w[e] if e < len(w) else ""
    nxt2 = w[e : e + 2]
    g1 = gv[0]
    g2 = gv[1] if len(gv) > 1 else ""
    win = w[s:e]
    bins = [
        f"len={len(gv)}", f"s={sur}", f"g1={g1}", f"g2={g2}" if g2 else "g2=-",
        f"gl={gv[-1]}", f"l={prev}", f"r={nxt}", f"l2={prev2}", f"r2={nxt2}",
        f"le={_edge(prev)}", f"re={_edge(nxt)}", f"lere={_edge(prev)}{_edge(nxt)}",
        f"len_r={len(gv)}{nxt}", f"len_l={len(gv)}{prev}",
    ]
    if sur in pp.AMBIGUOUS_SURNAMES:
        bins.append("amb")
    if prev in LIST_MARKS or nxt in LIST_MARKS:
        bins.append(f"list{len(gv)}")
    if w.count(win) > 1:
        bins.append("again")
    if g1 + g2 in st.pairs:
        bins.append("pair")
    num = [
        given.get(g1, -3.0),
        given.get(g2, -3.0) if g2 else 0.0,
        prior.get(sur, -5.0),
        _log(freq.get(sur + g1, 0)),
        _log(freq.get(g1 + g2, 0)) if g2 else 0.0,
        _log(freq.get(win, 0)),
        _log(freq.get(prev + sur, 0)) if prev else 0.0,
        _log(freq.get(gv[-1] + nxt, 0)) if nxt else 0.0,
        _log(freq.get(win + nxt, 0)) if nxt else 0.0,
        _log(freq.get(prev + win, 0)) if prev else 0.0,
        _log(freq.get(w[s : s + slen + 2], 0)) if len(gv) == 1 and nxt else 0.0,
    ]
    return bins, num


#: Names of the numeric features, in the order :func:`features` returns them.
NUMERIC = ("given1", "given2", "prior", "f_sur_g1", "f_g1_g2", "f_window", "f_left_sur",
           "f_last_right", "f_window_right", "f_left_window", "f_sur_g1_next")


class NameModel(NamedTuple):
    weight: dict[str, float]
    numeric: tuple[float, ...]
    bias: float
    threshold: float


@lru_cache(maxsize=2)
def load_model(folder: str | None = None) -> NameModel:
    """Read the weights and the vocabulary, checking both SHA-256 sums against the card.

    Parameters
    ----------
    folder : str, optional
        A folder holding ``names.json``, ``names.npz`` and ``names.vocab.json.gz``; the
        package's ``resources/models`` when None.

    Raises
    ------
    ModelFileError
        If a file is missing or unreadable, its SHA-256 differs from the card, or the card's
        format or feature version is not this code's.
    """
    if folder is None:
        from importlib.resources import files

        base = files("cxtext.resources").joinpath("models")
        where = "cxtext/resources/models"
    else:
        base, where = Path(folder), str(folder)
    try:
        card = json.loads(base.joinpath(MODEL_JSON).read_text(encoding="utf-8"))
        listed = card["files"]
        blobs = {f: base.joinpath(f).read_bytes() for f in (MODEL_NPZ, MODEL_VOCAB)}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelFileError(f"{where}/{MODEL_JSON}: cannot read the name model ({exc!r}); "
                             "reinstall cxtext or retrain: python -m cxtext.train names"
                             ) from None
    if card.get("format_version") != FORMAT_VERSION or (
            card.get("features_version") != FEATURES_VERSION):
        raise ModelFileError(f"{where}/{MODEL_JSON}: format {card.get('format_version')!r} / "
                             f"features {card.get('features_version')!r}, this code reads "
                             f"{FORMAT_VERSION} / {FEATURES_VERSION!r}; retrain with "
                             "python -m cxtext.train names")
    for fname, raw in blobs.items():
        if hashlib.sha256(raw).hexdigest() != listed.get(fname, {}).get("sha256"):
            raise ModelFileError(f"{where}/{fname}: SHA-256 does not match {MODEL_JSON} (file "
                                 "damaged or replaced); reinstall cxtext")
    try:
        vocab = json.loads(gzip.decompress(blobs[MODEL_VOCAB]).decode("utf-8"))
        with np.load(io.BytesIO(blobs[MODEL_NPZ]), allow_pickle=False) as z:
            weights = z["weights"].astype(np.float64).tolist()
            numeric = tuple(z["numeric"].astype(np.float64).tolist())
            bias = float(z["bias"])
    except (OSError, ValueError, KeyError) as exc:
        raise ModelFileError(f"{where}: cannot read the name model files ({exc!r})") from None
    if len(weights) != len(vocab) or len(numeric) != len(NUMERIC):
        raise ModelFileError(f"{where}/{MODEL_NPZ}: {len(weights)} + {len(numeric)} weights do "
                             f"not fit {len(vocab)} + {len(NUMERIC)} features")
    return NameModel(dict(zip(vocab, weights, strict=True)), numeric, bias,
                     float(card["threshold"]))


def score_windows(w: str, wins: list[tuple[int, int]]) -> list[float]:
    """Log-odds that each window of ``w`` is a full name (plain Python: a text holds a few
    windows, too few for numpy's per-call cost to pay)."""
    mdl = load_model()
    weight, coef, bias = mdl.weight, mdl.numeric, mdl.bias
    out = []
    for s, e in wins:
        bins, num = features(w, s, e)
        z = bias
        for b in bins:
            z += weight.get(b, 0.0)
        for v, c in zip(num, coef, strict=True):
            z += v * c
        out.append(z)
    return out


def probability(logit: float) -> float:
    """The logistic function."""
    return 1.0 / (1.0 + math.exp(-logit))


def _vetoed(w: str, s: int, e: int) -> bool:
    """The hand detector's hard vetoes, kept beside the model: a doubled character (季季宝),
    a dictionary word (张力) or one and a character no name uses (高兴为), a rare surname
    and one character after running text (下暴光了), two given
    characters that are a common noun (东方超越), a place suffix or place word after or at
    the end (黄江镇, …支行), a determiner or numeral before (这张卡)."""
    st = name_stats()
    win = w[s:e]
    if win[1] == win[0] or (s and w[s - 1] == win[0]) or win[-1] in NOT_LAST:
        return True
    if st.freq.get(win, 0) >= (PAIR_MIN if e - s == 2 else LONG_MIN) and win[1:] not in st.pairs:
        return True
    if (e - s == 2 and st.prior.get(win[0], -9.0) < RARE_PRIOR and s and _han(w[s - 1])
            and w[s - 1] not in BARE_LEFT and not soft_left(w, s)):
        return True  # a rare surname + one character inside running text (众目睽睽下暴光了)
    if (e - s == 3 and st.freq.get(win[:2], 0) >= PAIR_MIN
            and st.given.get(win[2], 0.0) <= 0.0):
        return True  # a word, then no given-name character (高兴为您, 强烈投诉; not 黄金山)
    tail = win[-2:]  # two given characters that are a common noun (东方超越, 李朋友)
    if e - s >= 3 and st.freq.get(tail, 0) >= GIVEN_WORD_MIN and tail not in st.pairs:
        return True
    nxt = w[e : e + 1]
    return bool(nxt and nxt in PLACE_NEXT) or w[e : e + 2] in PLACE_NEXT_WORDS or bool(
        s and w[s - 1] in DETERMINERS)


def _compound_name(w: str, s: int, e: int) -> bool:
    """``w[s:e]`` is a :data:`COMPOUND_RULE` surname and one or two name-like characters
    that end cleanly (text end, not Han, or :data:`COMPOUND_RIGHT`)."""
    given = name_stats().given
    if any(given.get(c, -9.0) <= 0.0 for c in w[s + 2 : e]):
        return False
    return e >= len(w) or not _han(w[e]) or w[e] in COMPOUND_RIGHT


def _listed_twice(w: str, s: int, e: int) -> bool:
    """``w[s:e]`` is said twice in a row (谢婷谢婷, a caller repeating a name) with name-like
    given characters (ratio > 0; 谢谢谢谢 is no name), or it runs together with a sibling
    of the same surname (吴昊吴悦, :func:`_name_forms.sibling_pair`)."""
    given = name_stats().given
    n = e - s
    if (w[e : e + n] == w[s:e] or w[max(0, s - n) : s] == w[s:e]) and all(
            given.get(c, -9.0) > 0.0 for c in w[s + 1 : e]):
        return True
    if n != 2:
        return False
    if _name_forms.sibling_pair(w, s, e):
        return not _name_forms.brand_after(w, e + 2)  # 何梁何利基金: founders, a fund's name
    return s >= 2 and _name_forms.sibling_pair(w, s - 2, s) and not _name_forms.brand_after(w, e)


def learned_names(w: str, found: list[Span], pos: int = 0) -> list[Span]:
    """Names the model finds in ``w`` that overlap nothing in ``found``: at each start the
    likelier of the two lengths, when it reaches the threshold."""
    st = name_stats()
    freq, given = st.freq, st.given
    wins = []
    for s, e in candidates(w, pos):
        if freq.get(w[s : s + 2], 0) >= PAIR_MIN and (
                e - s == 2 or given.get(w[s + 2], 0.0) <= 0.0):
            continue  # _vetoed's two word vetoes, checked here first (高兴, 高兴为): cheap
        if not any(a < e and s < b for a, b, _ in found) and not _vetoed(w, s, e):
            wins.append((s, e))
    if not wins:
        return []
    thr = load_model().threshold
    cut = math.log(thr / (1.0 - thr))
    cut_every = math.log(EVERYDAY_THRESHOLD / (1.0 - EVERYDAY_THRESHOLD))
    compound = pp.surnames()[1]
    best: dict[int, tuple[float, int]] = {}
    for (s, e), z in zip(wins, score_windows(w, wins), strict=True):
        if z < cut and (
                (w[s : s + 2] in COMPOUND_RULE and _compound_name(w, s, e))
                or (w[s] in w[e : e + 1] + w[s - 2 : s - 1] and _listed_twice(w, s, e))):
            z = cut  # 是诸葛明帮我开的卡; 呃谢婷谢婷她让我打的; 吴昊吴悦
        need = cut_every if w[s] in EVERYDAY_SURNAMES and w[s : s + 2] not in compound else cut
        if z >= need and (s not in best or z > best[s][0]):
            best[s] = (z, e)
    out: list[Span] = []
    for s in sorted(best, key=lambda k: -best[k][0]):  # the likeliest first
        e = best[s][1]
        if not any(a < e and s < b for a, b, _ in out):
            out.append((s, e, "name"))
    return sorted(out)

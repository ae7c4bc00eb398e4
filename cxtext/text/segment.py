"""Chinese word segmentation with a banking dictionary and call-centre stopwords.

:class:`Segmenter` cuts text into tokens with a *private* jieba tokenizer:
the global ``jieba.dt`` is never initialised, changed or given a user
dictionary, so importing or using cxtext does not change the user's jieba.
jieba's "Building prefix dict..." log lines are silenced while the dictionary
loads (the ``jieba`` logger's level is raised for the load and restored after).

Tokens leave out stopwords and tokens made only of punctuation, symbols or
whitespace. Placeholders written by PII masking (``[手机号]``, ``[姓名]``,
``[订单x]``) and bracketed emoji codes (``[微笑]``, ``[表情]``) come out as one
token each, or are dropped with ``keep_placeholders=False`` (the default: they
carry no topic).

Resources (package data in ``cxtext/resources``):

* ``banking_dict.txt``: retail-banking terms in jieba user-dictionary format
  (``word freq tag``), see :func:`load_banking_dictionary`;
* ``stopwords_general.txt`` and ``stopwords_callcentre.txt``: see
  :func:`load_stopwords`. Negations (不, 没, 没有, 未, 无, 别) and complaint words
  (投诉, 销户, 不满意) are deliberately not stopwords.

Adding an engine (e.g. ``rjieba``) means one small class implementing
``_Engine`` (``__init__(words, hmm)``, ``add_word``, ``frequency`` and ``cut``),
registered in ``_ENGINES``; the engine name check, the placeholder handling,
stopwords and the cache stay in :class:`Segmenter`.
"""

from __future__ import annotations

import contextlib
import logging
import math
import re
import threading
from collections import ChainMap, OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any, ClassVar, Final, Protocol

from cxtext.text._jieba import import_jieba
from cxtext.text._params import check_bool, check_int, check_option, type_error
from cxtext.text._patterns import BRACKET_TOKEN_RE
from cxtext.text._resources import read_resource_lines

__all__ = [
    "ENGINES",
    "STOPWORD_LISTS",
    "Segmenter",
    "load_banking_dictionary",
    "load_stopwords",
    "segment",
    "segment_many",
]

DictEntry = tuple[str, int | None, str | None]

#: Names accepted by :func:`load_stopwords` (and the ``stopwords`` parameter).
STOPWORD_LISTS: Final[tuple[str, ...]] = ("callcentre", "default", "general")
_STOPWORD_FILES: Final[dict[str, tuple[str, ...]]] = {
    "general": ("stopwords_general.txt",),
    "callcentre": ("stopwords_callcentre.txt",),
    "default": ("stopwords_general.txt", "stopwords_callcentre.txt"),
}
_BANKING_FILE: Final = "banking_dict.txt"
_DICTIONARIES: Final[tuple[str, ...]] = ("banking",)
# Frequency floor for words given without one (same rule as banking_dict.txt): high enough
# that the word survives next to common neighbours, low enough not to swallow them.
_FREQ_FLOOR: Final[dict[int, int]] = {1: 0, 2: 1000, 3: 2000}
_FREQ_FLOOR_LONG: Final = 3000


# ---------------------------------------------------------------------------------------------
# resources
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _stopwords(name: str) -> frozenset[str]:
    words: set[str] = set()
    for filename in _STOPWORD_FILES[name]:
        words.update(read_resource_lines(filename))
    return frozenset(words)


def load_stopwords(name: str = "default") -> frozenset[str]:
    """Load a stopword list shipped with cxtext.

    Parameters
    ----------
    name : {"default", "general", "callcentre"}, default "default"
        ``"general"``: Chinese function words (的 了 吗 呢 吧 是 在 和 就 都 ...);
        ``"callcentre"``: call-centre boilerplate (您好 请问 请稍等 感谢您的来电
        工号 客服 ...); ``"default"``: both.

    Returns
    -------
    frozenset of str
        The stopwords. Negations (不, 没, 没有 ...) and complaint words (投诉,
        销户, 不满意) are never in these lists.

    Raises
    ------
    ValueError
        If ``name`` is not one of the names above.

    Examples
    --------
    >>> sw = load_stopwords()
    >>> "的" in sw, "请稍等" in sw, "不" in sw, "投诉" in sw
    (True, True, False, False)
    """
    check_option("load_stopwords", "name", name, STOPWORD_LISTS)
    return _stopwords(name)


@lru_cache(maxsize=1)
def _banking_dictionary() -> tuple[DictEntry, ...]:
    return tuple(_parse_dict_line(line) for line in read_resource_lines(_BANKING_FILE))


def _parse_dict_line(line: str) -> DictEntry:
    """Parse one jieba user-dictionary line ``word [freq] [tag]``."""
    parts = line.split()
    word, freq, tag = parts[0], None, None
    rest = parts[1:]
    if rest and rest[0].isdigit():
        freq = int(rest.pop(0))
    if rest:
        tag = rest[0]
    return word, freq, tag


def load_banking_dictionary() -> list[tuple[str, int | None, str | None]]:
    """Load the banking dictionary shipped with cxtext.

    Terms a Chinese retail bank's call centre hears: products (信用卡,
    结构性存款, 账单分期), channels (手机银行, 掌上生活, 智能柜台), regulators and
    escalation (金融监管总局, 12378, 消保), bank names (招商银行, 招行), security
    (盗刷, 非柜面交易限额, 断卡行动), credit reports (征信异议), payments, ATMs,
    marketing calls and call-centre words (转人工, 工单, 销户).

    Returns
    -------
    list of (str, int or None, str or None)
        ``(word, jieba frequency, POS-like tag)`` in file order; the tags are
        ``n``, ``nz``, ``nt`` (institution) and ``v``.

    Examples
    --------
    >>> entries = load_banking_dictionary()
    >>> ("小额账户管理费", 3000, "nz") in entries
    True
    """
    return list(_banking_dictionary())


# ---------------------------------------------------------------------------------------------
# engines
# ---------------------------------------------------------------------------------------------


class _Engine(Protocol):
    """What Segmenter needs from an engine."""

    name: ClassVar[str]

    def __init__(self, words: Sequence[DictEntry], hmm: bool) -> None: ...

    def add_word(self, word: str, freq: int | None, tag: str | None) -> None:
        """Add a word; ``freq=None`` picks a frequency that keeps it whole."""

    def frequency(self, word: str) -> int:
        """The word's dictionary frequency, 0 if it is not a word."""

    def cut(self, text: str) -> Iterable[str]:
        """Tokens of ``text``, punctuation and whitespace included."""


@contextlib.contextmanager
def _quiet_jieba() -> Iterator[None]:
    """Raise the ``jieba`` logger to WARNING for the block, then restore its level."""
    logger = logging.getLogger("jieba")
    old = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(old)


_JIEBA_BASE_LOCK = threading.Lock()
_JIEBA_BASE: tuple[dict[str, int], int] | None = None


def _jieba_base() -> tuple[dict[str, int], int]:
    """jieba's default prefix dictionary, loaded once into a private tokenizer (never dt)."""
    global _JIEBA_BASE
    with _JIEBA_BASE_LOCK:
        if _JIEBA_BASE is None:
            jieba = import_jieba()
            tokenizer = jieba.Tokenizer()
            base = _read_jieba_cache(tokenizer)
            if base is None:  # no cache yet, or a bad one: jieba builds (and writes) it
                with _quiet_jieba():
                    tokenizer.initialize()
                base = (tokenizer.FREQ, tokenizer.total)
            _JIEBA_BASE = base
        return _JIEBA_BASE


def _read_jieba_cache(tokenizer: Any) -> tuple[dict[str, int], int] | None:
    """The prefix dictionary from the cache file that ``tokenizer.initialize()`` would
    read (jieba's default dictionary only), or ``None`` when there is none to read.

    jieba reads the file with ``marshal.load`` on the open file, which reads it a few
    bytes per object: 0.7-1.0 s of CPU for its ~500,000 entries, against 0.2-0.3 s for
    ``marshal.loads`` of the whole file read at once (same dict, same total)."""
    import marshal
    import os
    import tempfile

    jieba = import_jieba()
    if tokenizer.dictionary != jieba.DEFAULT_DICT:  # jieba also checks dates for others
        return None
    name = tokenizer.cache_file or "jieba.cache"
    path = os.path.join(tokenizer.tmp_dir or tempfile.gettempdir(), name)
    try:
        with open(path, "rb") as f:
            freq, total = marshal.loads(f.read())
    except Exception:  # absent, unreadable or not jieba's: as jieba, build it instead
        return None
    if not isinstance(freq, dict) or not isinstance(total, int):
        return None
    return freq, total


class _JiebaEngine:
    """jieba with a private ``jieba.Tokenizer``; extra words added with ``add_word``."""

    name: ClassVar[str] = "jieba"

    def __init__(self, words: Sequence[DictEntry], hmm: bool, *, overlay: bool = False) -> None:
        jieba = import_jieba()
        freq, total = _jieba_base()
        tokenizer = jieba.Tokenizer()
        # Share the parsed default dictionary instead of re-reading it for every instance:
        # a copy, because add_word writes into FREQ; or, for rjieba's bookkeeping (which
        # rarely cuts), the shared dictionary under a small overlay of the added words.
        tokenizer.FREQ = ChainMap({}, freq) if overlay else dict(freq)
        tokenizer.total = total
        tokenizer.initialized = True
        self._tokenizer = tokenizer
        self._hmm = hmm
        for word, word_freq, tag in words:
            self.add_word(word, word_freq, tag)

    def frequency(self, word: str) -> int:
        return self._tokenizer.FREQ.get(word, 0)

    def add_word(self, word: str, freq: int | None, tag: str | None) -> None:
        if freq is None:
            floor = _FREQ_FLOOR.get(len(word), _FREQ_FLOOR_LONG)
            freq = max(self.frequency(word), self.suggest(word), floor)
        freq = max(int(freq), 1)
        for variant in dict.fromkeys((word, word.lower(), word.upper())):
            self._tokenizer.add_word(variant, freq, tag)

    def suggest(self, word: str) -> int:
        """Smallest frequency that keeps ``word`` whole on its own (jieba's rule)."""
        return int(self._tokenizer.suggest_freq(word, tune=False))

    def cut(self, text: str) -> Iterable[str]:
        return self._tokenizer.cut(text, HMM=self._hmm)


class _RjiebaEngine:
    """rjieba (jieba-rs, Rust): the same dictionary and algorithm as jieba, ~20× faster.

    rjieba cannot report a word's frequency, and its ``suggest_freq`` rounds differently
    from jieba's, so a private :class:`_JiebaEngine` keeps the dictionary bookkeeping:
    every word is resolved there first (jieba's frequency rules, in the same order) and
    added to rjieba with the frequency jieba gave it. Both engines then hold the same
    words with the same frequencies and cut the same way (``tests/test_segment.py``
    compares them on the gold set and the demo corpus).
    """

    name: ClassVar[str] = "rjieba"

    def __init__(self, words: Sequence[DictEntry], hmm: bool) -> None:
        import rjieba

        self._shadow = _JiebaEngine((), hmm, overlay=True)
        self._jieba = rjieba.Jieba()
        self._hmm = hmm
        self._missing_total = 0
        self._ties: dict[str, tuple[str, ...]] = {}  # see _cut_ties
        for word, word_freq, tag in words:
            self.add_word(word, word_freq, tag)

    def frequency(self, word: str) -> int:
        return self._shadow.frequency(word)

    def add_word(self, word: str, freq: int | None, tag: str | None) -> None:
        self._ties.clear()  # cut with the old dictionary
        variants = dict.fromkeys((word, word.lower(), word.upper()))
        old = {v: self._shadow.frequency(v) for v in variants}
        self._shadow.add_word(word, freq, tag)
        for variant in variants:
            self._jieba.add_word(variant, self._shadow.frequency(variant), tag)
            # jieba adds a re-added word's new frequency to its total; jieba-rs also takes
            # the old one off. The total weighs every route, so keep jieba-rs's equal to
            # jieba's with a placeholder word that no text contains.
            self._missing_total += old[variant]
        if self._missing_total:
            self._jieba.add_word(_TOTAL_PAD, self._missing_total, None)

    def cut(self, text: str) -> Iterable[str]:
        if _TIE_RE.search(text):
            return self._cut_ties(text)
        return self._cut_rust(text)

    def _cut_ties(self, text: str) -> list[str]:
        # Three equal characters in a row ("五五五", "一一一七", "嗯嗯嗯") give routes of
        # exactly equal probability (五五|五 vs 五|五五), and jieba and jieba-rs break the
        # tie differently: such blocks are cut by jieba itself. jieba cuts the blocks of a
        # text (runs of Han characters, letters, digits and +#&._%-) independently, so
        # only the blocks with a tie, and the pieces between blocks, go to jieba (each
        # distinct one once: "嗯嗯嗯" repeats), the other blocks to jieba-rs.
        out: list[str] = []
        memo = self._ties
        for block in _JIEBA_HAN_RE.split(text):
            if not block:
                continue
            if _JIEBA_HAN_RE.fullmatch(block) and not _TIE_RE.search(block):
                out.extend(self._cut_rust(block))
                continue
            tokens = memo.get(block)
            if tokens is None:
                tokens = tuple(self._shadow.cut(block))
                if len(memo) >= _TIES_MAX:
                    memo.clear()
                memo[block] = tokens
            out.extend(tokens)
        return out

    def _cut_rust(self, text: str) -> Iterable[str]:
        try:
            tokens = self._jieba.cut(text, self._hmm)
        except UnicodeEncodeError:  # a lone surrogate ("\ud800") cannot cross into Rust
            return self._shadow.cut(text)
        if not self._hmm:
            return tokens
        # With the HMM on, jieba-rs keeps an ASCII run such as "155-7458-8641" or
        # "0371-77904567" whole where jieba splits it at the symbols: split it jieba's way.
        out: list[str] = []
        for token in tokens:
            if token.isascii() and not token.isalnum() and len(token) > 1:
                out.extend(piece for piece in _JIEBA_SKIP_RE.split(token) if piece)
            else:
                out.append(token)
        return out


# jieba's finalseg re_skip: the ASCII words and numbers jieba's HMM step keeps whole.
_JIEBA_SKIP_RE: Final = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
_TIE_RE: Final = re.compile(r"([^\x00-\x7f])\1\1")
# jieba's re_han_default (jieba 0.42): the blocks jieba cuts independently of each other.
_JIEBA_HAN_RE: Final = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")
#: Distinct tie blocks (see _RjiebaEngine._cut_ties) whose tokens an engine remembers.
_TIES_MAX: Final = 10_000
# Private-use characters: never in real text, so this word never enters a route.
_TOTAL_PAD: Final = "\ue000\ue001\ue002\ue003"


def _rjieba_available() -> bool:
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return False
    return True


_ENGINES: Final[dict[str, type[_Engine]]] = {"jieba": _JiebaEngine, "rjieba": _RjiebaEngine}
#: Names accepted by the ``engine`` parameter of :class:`Segmenter`.
ENGINES: Final[tuple[str, ...]] = ("auto", "jieba", "rjieba")


def _engine_class(name: str) -> type[_Engine]:
    if name == "auto":
        name = "rjieba" if _rjieba_available() else "jieba"
    if name == "rjieba" and not _rjieba_available():
        from cxtext.errors import MissingDependencyError

        # rjieba is a core dependency: reinstalling cxtext brings it back.
        raise MissingDependencyError("Segmenter(engine='rjieba')", "rjieba", "all")
    return _ENGINES[name]


# ---------------------------------------------------------------------------------------------
# Segmenter
# ---------------------------------------------------------------------------------------------

_PARAMS: Final = ("dictionary", "stopwords", "engine", "hmm", "cache_size", "keep_placeholders")
_DEFAULTS: Final[dict[str, Any]] = {
    "dictionary": "banking",
    "stopwords": "default",
    "engine": "auto",
    "hmm": True,
    "cache_size": 100_000,
    "keep_placeholders": False,
}


# Tokens made only of punctuation, symbols, whitespace or underscores.
_NOISE_RE: Final = re.compile(r"[\W_]+")


class _State:
    """Everything a Segmenter loads on first use."""

    __slots__ = ("cache", "cache_size", "engine", "keep_placeholders", "lock", "stopwords")

    def __init__(self, engine: Any, stopwords: frozenset[str], keep: bool, size: int) -> None:
        self.engine = engine
        self.stopwords = stopwords
        self.keep_placeholders = keep
        self.cache_size = size
        self.cache: OrderedDict[str, tuple[str, ...]] = OrderedDict()
        self.lock = threading.Lock()


class Segmenter:
    """Chinese word segmenter for banking call-centre text.

    Follows scikit-learn's conventions: ``__init__`` only stores the
    parameters as given; the dictionary loads on the first :meth:`cut` and
    parameters are validated then. Setting a parameter attribute later (or
    :meth:`set_params`) drops the loaded state, which reloads on next use.

    Parameters
    ----------
    dictionary : {"banking"}, iterable or None, default "banking"
        Words added to jieba's default dictionary: ``"banking"`` for
        :func:`load_banking_dictionary`, an iterable of words (``str``) or of
        ``(word, freq, tag)`` tuples (``freq``/``tag`` may be ``None``; a missing
        frequency is chosen so the word segments whole), or ``None`` for
        jieba's dictionary alone. Combine with
        ``[*load_banking_dictionary(), "我的新词"]``.
    stopwords : {"default", "general", "callcentre"}, iterable of str or None, \
default "default"
        Tokens to drop: a list shipped with cxtext (see :func:`load_stopwords`),
        your own words, or ``None`` to keep every token. Multi-character
        stopword phrases the dictionary lacks (``请问还有什么可以帮您``) are
        added to the tokenizer so they are cut, and dropped, whole.
    engine : {"auto", "rjieba", "jieba"}, default "auto"
        Segmentation engine. ``"rjieba"`` (jieba-rs, Rust) cuts about 20× faster
        than ``"jieba"`` (pure Python) and gives the same tokens: both load the same
        dictionary with the same word frequencies (the banking words are added
        with ``add_word``). ``"auto"`` uses rjieba when it is installed, else jieba.
    hmm : bool, default True
        Let jieba's HMM join characters it does not know into words. Output is
        deterministic either way.
    cache_size : int, default 100_000
        Most texts whose tokens are remembered (least recently used are
        forgotten first); ``0`` disables the cache.
    keep_placeholders : bool, default False
        Keep placeholders (``[手机号]``) and bracketed emoji codes (``[微笑]``)
        as single tokens; by default they are dropped.

    See Also
    --------
    segment, segment_many : Functions using a shared default Segmenter.
    cxtext.text.normalize.normalize_text : Clean the text first.

    Examples
    --------
    >>> seg = Segmenter()
    >>> seg.cut("您好，我的信用卡被盗刷了，要投诉")
    ['信用卡', '盗刷', '投诉']
    >>> Segmenter(keep_placeholders=True).cut("请把[银行卡号]的小额账户管理费退给我")
    ['[银行卡号]', '小额账户管理费', '退']
    """

    def __init__(
        self,
        dictionary: str | Iterable[str | Sequence[Any]] | None = "banking",
        stopwords: str | Iterable[str] | None = "default",
        engine: str = "auto",
        hmm: bool = True,
        cache_size: int = 100_000,
        keep_placeholders: bool = False,
    ) -> None:
        self.dictionary = dictionary
        self.stopwords = stopwords
        self.engine = engine
        self.hmm = hmm
        self.cache_size = cache_size
        self.keep_placeholders = keep_placeholders

    # -- sklearn-style plumbing ----------------------------------------------------------------

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _PARAMS:
            self.__dict__.pop("_state", None)
        object.__setattr__(self, name, value)

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """Parameters of this Segmenter, as given."""
        return {name: getattr(self, name) for name in _PARAMS}

    def set_params(self, **params: Any) -> Segmenter:
        """Set parameters; the loaded dictionary and the cache are dropped."""
        for name, value in params.items():
            if name not in _PARAMS:
                raise ValueError(
                    f"Invalid parameter {name!r} for Segmenter. Valid parameters are: "
                    f"{sorted(_PARAMS)!r}."
                )
            setattr(self, name, value)
        return self

    def __repr__(self) -> str:
        changed = []
        for name in _PARAMS:
            value = getattr(self, name)
            if isinstance(value, str | bool | int | type(None)) and value == _DEFAULTS[name]:
                continue
            text = repr(value) if len(repr(value)) <= 60 else f"<{type(value).__name__}>"
            changed.append(f"{name}={text}")
        return f"Segmenter({', '.join(changed)})"

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_state", None)  # the tokenizer holds a lock; it reloads after unpickling
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    # -- loading -------------------------------------------------------------------------------

    def _load(self) -> _State:
        state = self.__dict__.get("_state")
        if state is not None:
            return state
        owner = "Segmenter"
        engine_name = check_option(owner, "engine", self.engine, ENGINES)
        hmm = check_bool(owner, "hmm", self.hmm)
        keep = check_bool(owner, "keep_placeholders", self.keep_placeholders)
        cache_size = check_int(owner, "cache_size", self.cache_size)
        words = _dictionary_entries(self.dictionary)
        stopwords = _stopword_set(self.stopwords)
        engine = _engine_class(engine_name)(words, hmm)
        for phrase in sorted(stopwords):  # phrases the dictionary lacks: cut them whole
            if len(phrase) > 1 and not phrase.isascii() and engine.frequency(phrase) == 0:
                engine.add_word(phrase, None, None)
        state = _State(engine, stopwords, keep, cache_size)
        self.__dict__["_state"] = state
        return state

    # -- cutting -------------------------------------------------------------------------------

    def _tokens(self, state: _State, text: str) -> tuple[str, ...]:
        out: list[str] = []
        stop = state.stopwords
        pos = 0
        for match in BRACKET_TOKEN_RE.finditer(text):
            if match.start() > pos:
                out.extend(self._cut_plain(state, text[pos : match.start()], stop))
            if state.keep_placeholders:
                out.append(match.group(0))
            pos = match.end()
        if pos < len(text):
            out.extend(self._cut_plain(state, text[pos:], stop))
        return tuple(out)

    @staticmethod
    def _cut_plain(state: _State, text: str, stop: frozenset[str]) -> Iterator[str]:
        # jieba may split a Latin word at a dictionary entry ("happy" -> h/app/y, "OKAY" ->
        # OK/AY): adjacent ASCII letter/digit tokens are joined back into one.
        latin = ""
        for token in state.engine.cut(text):
            if token.isalnum():
                if token.isascii():
                    latin += token
                    continue
            else:
                token = token.strip()
                if not token or _NOISE_RE.fullmatch(token):  # punctuation, space: ends a word
                    if latin:
                        if latin not in stop:
                            yield latin
                        latin = ""
                    continue
            if latin:
                if latin not in stop:
                    yield latin
                latin = ""
            if token not in stop:
                yield token
        if latin and latin not in stop:
            yield latin

    def cut(self, text: str) -> list[str]:
        """Cut one text into tokens.

        Parameters
        ----------
        text : str
            The text, ideally normalized first (see
            :func:`~cxtext.text.normalize.normalize_text`).

        Returns
        -------
        list of str
            Tokens in text order, without stopwords and without tokens made
            only of punctuation, symbols or whitespace. Results are cached
            per text.

        Raises
        ------
        TypeError
            If ``text`` is not a ``str``.
        ValueError
            If a parameter of this Segmenter is invalid (checked on first use).

        Examples
        --------
        >>> Segmenter().cut("我要销户，你们的年费太不合理了")
        ['销户', '年费', '不合理']
        """
        if not isinstance(text, str):
            raise type_error("Segmenter.cut", text)
        state = self._load()
        if state.cache_size == 0:
            return list(self._tokens(state, text))
        with state.lock:
            hit = state.cache.get(text)
            if hit is not None:
                state.cache.move_to_end(text)
                return list(hit)
        tokens = self._tokens(state, text)
        with state.lock:
            state.cache[text] = tokens
            while len(state.cache) > state.cache_size:
                state.cache.popitem(last=False)
        return list(tokens)

    def cut_many(self, texts: Iterable[str]) -> list[list[str]]:
        """Cut many texts.

        Parameters
        ----------
        texts : iterable of str
            The texts, e.g. a pandas Series. Missing values (``None``,
            ``NaN``, ``pd.NA``) give an empty token list.

        Returns
        -------
        list of list of str
            One token list per text, in order.

        Examples
        --------
        >>> Segmenter().cut_many(["转人工", "ATM吞卡了", None])
        [['转人工'], ['ATM', '吞卡'], []]
        """
        if isinstance(texts, str):
            raise TypeError("Segmenter.cut_many expects an iterable of str, got a str")
        out = []
        for text in texts:
            if not isinstance(text, str) and _is_missing(text):
                out.append([])
            else:
                out.append(self.cut(text))
        return out

    def cache_info(self) -> dict[str, int]:
        """Current and maximum number of cached texts (0 and ``cache_size`` before use)."""
        state = self.__dict__.get("_state")
        return {
            "size": 0 if state is None else len(state.cache),
            "max_size": self.cache_size if state is None else state.cache_size,
        }


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    try:
        import pandas as pd

        return value is pd.NA or value is pd.NaT
    except ImportError:  # pragma: no cover - pandas is a hard dependency
        return False


def _dictionary_entries(dictionary: object) -> list[DictEntry]:
    if dictionary is None:
        return []
    if isinstance(dictionary, str):
        check_option("Segmenter", "dictionary", dictionary, _DICTIONARIES)
        return list(_banking_dictionary())
    error = ValueError(
        "The 'dictionary' parameter of Segmenter must be 'banking', None or an iterable of "
        f"words or (word, freq, tag) tuples. Got {dictionary!r:.200} instead."
    )
    try:
        items = list(dictionary)  # type: ignore[call-overload]
    except TypeError:
        raise error from None
    entries: list[DictEntry] = []
    for item in items:
        if isinstance(item, str):
            word, freq, tag = item.strip(), None, None
        elif isinstance(item, Sequence) and 1 <= len(item) <= 3 and isinstance(item[0], str):
            word = item[0].strip()
            freq = item[1] if len(item) > 1 else None
            tag = item[2] if len(item) > 2 else None
            if freq is not None and (isinstance(freq, bool) or not isinstance(freq, int)):
                raise error
            if tag is not None and not isinstance(tag, str):
                raise error
        else:
            raise error
        if word and not any(ch.isspace() for ch in word):
            entries.append((word, freq, tag))
    return entries


def _stopword_set(stopwords: object) -> frozenset[str]:
    if stopwords is None:
        return frozenset()
    if isinstance(stopwords, str):
        check_option("Segmenter", "stopwords", stopwords, STOPWORD_LISTS)
        return _stopwords(stopwords)
    try:
        items = list(stopwords)  # type: ignore[call-overload]
    except TypeError:
        items = None
    if items is None or not all(isinstance(w, str) for w in items):
        raise ValueError(
            "The 'stopwords' parameter of Segmenter must be one of "
            f"{sorted(STOPWORD_LISTS)}, None or an iterable of str. "
            f"Got {stopwords!r:.200} instead."
        )
    return frozenset(w.strip() for w in items if w.strip())


# ---------------------------------------------------------------------------------------------
# module-level functions
# ---------------------------------------------------------------------------------------------

_DEFAULT_LOCK = threading.Lock()
_DEFAULT: Segmenter | None = None
_BY_KWARGS: OrderedDict[Any, Segmenter] = OrderedDict()
_BY_KWARGS_MAX: Final = 8


def _freeze(value: Any) -> Any:
    if isinstance(value, str | int | float | bool | type(None)):
        return value
    if isinstance(value, set | frozenset):
        return ("set", tuple(sorted(map(_freeze, value), key=repr)))
    if isinstance(value, Iterable):
        return tuple(_freeze(v) for v in value)
    raise TypeError("unhashable")


def _segmenter_for(kwargs: dict[str, Any]) -> Segmenter:
    global _DEFAULT
    for name in kwargs:
        if name not in _PARAMS:
            raise TypeError(f"segment() got an unexpected keyword argument {name!r}")
    if not kwargs:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                _DEFAULT = Segmenter()
            return _DEFAULT
    try:
        key = tuple(sorted((k, _freeze(v)) for k, v in kwargs.items()))
    except TypeError:
        return Segmenter(**kwargs)
    with _DEFAULT_LOCK:
        seg = _BY_KWARGS.get(key)
        if seg is None:
            seg = _BY_KWARGS[key] = Segmenter(**kwargs)
            while len(_BY_KWARGS) > _BY_KWARGS_MAX:
                _BY_KWARGS.popitem(last=False)
        else:
            _BY_KWARGS.move_to_end(key)
        return seg


def segment(text: str, **kwargs: Any) -> list[str]:
    """Cut one text into tokens with a shared :class:`Segmenter`.

    Parameters
    ----------
    text : str
        The text.
    **kwargs
        :class:`Segmenter` parameters. Without any, a module-level default
        Segmenter (created on first use) is used; with some, a Segmenter for
        those parameters is created once and reused (the last 8 are kept).

    Returns
    -------
    list of str
        Tokens without stopwords and punctuation.

    Raises
    ------
    TypeError
        If ``text`` is not a ``str`` or a keyword is unknown.
    ValueError
        If a parameter value is invalid.

    Examples
    --------
    >>> segment("我的信用卡被盗刷了")
    ['信用卡', '盗刷']
    >>> segment("您好，我要投诉", stopwords=None)
    ['您好', '我要', '投诉']
    """
    return _segmenter_for(kwargs).cut(text)


def segment_many(texts: Iterable[str], **kwargs: Any) -> list[list[str]]:
    """Cut many texts with a shared :class:`Segmenter` (see :func:`segment`).

    Parameters
    ----------
    texts : iterable of str
        The texts; missing values give an empty list.
    **kwargs
        :class:`Segmenter` parameters.

    Returns
    -------
    list of list of str
        One token list per text.

    Examples
    --------
    >>> segment_many(["我要投诉", "征信有逾期记录"])
    [['投诉'], ['征信', '逾期记录']]
    """
    return _segmenter_for(kwargs).cut_many(texts)

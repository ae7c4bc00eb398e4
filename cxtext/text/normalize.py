"""Text normalization for Chinese call-centre transcripts, chats and complaints.

:func:`normalize_text` cleans one text, :func:`normalize` a column of texts.
The steps run in this order, each one switchable:

1. ``width``: Unicode NFKC, so full-width letters, digits and ASCII punctuation
   become half-width (``ＡＴＭ１２３，`` → ``ATM123,``). Chinese punctuation that
   NFKC leaves alone (``。、《》“”``) stays; the Chinese ellipsis ``…``,
   CJK compatibility ideographs and emoji such as ㊗ are protected from NFKC,
   so no ideograph is altered.
2. ``t2s``: Traditional → Simplified Chinese with the official OpenCC package
   (config ``t2s``). OpenCC's ``t2s`` maps characters and phrases one to one
   (帳戶 → 帐户); it does not re-word regional vocabulary. The variant 帐 in money
   words (帐户, 帐单, 转帐, 到帐 …, common in ASR output and in OpenCC's result) is then
   written 账, the standard form the banking dictionary uses.
3. ``emoji``: Unicode emoji (ZWJ sequences, skin tones, flags and keycaps
   included) and Weibo/WeChat bracket codes of 1-4 Han characters
   (``[微笑]``, ``[捂脸]``) are removed, kept, or replaced by ``" [表情] "``.
   Placeholders written by PII masking or found in the JD corpus
   (``[手机号]``, ``[姓名]``, ``[银行卡号]``, ``[订单x]``, ``[数字x]``) are
   never touched.
4. ``fillers``: ASR filler words are removed where they are fillers (rules below).
5. ``whitespace``: zero-width and control characters are deleted, runs of
   whitespace (``\\u3000`` and ``\\xa0`` included) become one space, spaces
   between two Chinese characters or between Chinese and punctuation (ASR
   inserts them) are removed, spaces between Latin words and numbers stay, and
   the ends are stripped.

Filler rule
-----------
A *clause* is the text between two delimiters (start or end of the text,
whitespace, punctuation, brackets). A filler is removed only

* when the whole clause is made of fillers (``嗯，``, ``嗯嗯``, ``那个，那个``,
  ``呃 就是说``); the punctuation left behind collapses to the strongest mark
  (``你好，嗯。`` → ``你好。``), leading punctuation is dropped;
* at the start of a clause, for the fillers marked ``*`` in ``fillers.txt``
  (sound fillers 嗯 啊 呃 额 唉 哎 诶 欸 哦 噢 and 就是说, 然后呢, 怎么说呢):
  ``嗯我想问一下`` → ``我想问一下``; single-character fillers of a user list count
  as marked;
* when a sound filler is repeated inside a clause (``我的卡啊啊被冻结`` →
  ``我的卡被冻结``), or a word filler is repeated (``那个那个卡`` → ``那个卡``: one
  copy stays because 那个 may be a real demonstrative there).

Never removed: a filler inside a clause that is not repeated (``那个卡被冻结了``,
``好啊``: 啊 is a sentence particle there, left to the stopword list), and a
sound filler that starts a real word: ``额度``, ``额外``, ``额定``, ``唉声叹气``
(also across an ASR space, ``额 度``), ``就是说明``, ``就是说好的``. ``额`` is never removed after
a Han character (``金额额度`` stays). Word fillers (那个, 这个, 那什么) are only
removed as whole clauses: ``那什么时候到账`` is a question, not a filler.
With word-spaced ASR output a demonstrative written as its own word
(``要 这个 卡``) is taken for a filler; that is the price of the space rule.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final, Literal

import pandas as pd

from cxtext.text._params import check_bool, check_option, type_error
from cxtext.text._patterns import (
    BRACKET_CODE_RE,
    CJK_PUNCT,
    EMOJI_CHARS,
    EMOJI_MOD_CHARS,
    EMOJI_RE,
    HAN,
    NFKC_KEEP,
    PLACEHOLDER_NAMES,
)
from cxtext.text._resources import read_resource_lines

__all__ = ["EMOJI_MODES", "EMOJI_TOKEN", "has_traditional", "normalize", "normalize_text"]

EmojiMode = Literal["remove", "keep", "token"]
#: Valid values of the ``emoji`` parameter.
EMOJI_MODES: Final[tuple[str, ...]] = ("keep", "remove", "token")
#: What ``emoji="token"`` puts in place of each emoji or bracket code.
EMOJI_TOKEN: Final = "[表情]"

_FILLERS_FILE: Final = "fillers.txt"
_INITIAL_MARK: Final = "*"

# ---------------------------------------------------------------------------------------------
# width
# ---------------------------------------------------------------------------------------------

_NFKC_KEEP_RE: Final = re.compile(f"([{NFKC_KEEP}]+)")


def _width(text: str) -> str:
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    if _NFKC_KEEP_RE.search(text) is None:
        return unicodedata.normalize("NFKC", text)
    parts = _NFKC_KEEP_RE.split(text)  # odd indices are the protected runs
    return "".join(
        part if i % 2 else unicodedata.normalize("NFKC", part) for i, part in enumerate(parts)
    )


# ---------------------------------------------------------------------------------------------
# t2s
# ---------------------------------------------------------------------------------------------

_OPENCC_LOCK = threading.Lock()
_OPENCC: Any = None
_SURROGATES_RE: Final = re.compile("([\ud800-\udfff]+)")


def _opencc() -> Any:
    """The shared OpenCC ``t2s`` converter, created on first use."""
    global _OPENCC
    if _OPENCC is None:
        with _OPENCC_LOCK:
            if _OPENCC is None:
                import opencc  # the official package (OpenCC >= 1.1.9, C++ binding)

                _OPENCC = opencc.OpenCC("t2s")
    return _OPENCC


# 帐 (curtain) is a legacy variant of 账 (account) in money words; only these compounds change.
_ZHANG_VARIANT_RE: Final = re.compile(
    "帐(?=[户号单目款本期务簿面])|(?<=[转到对入记查算挂销赖结欠还])帐"
)


def _t2s(text: str) -> str:
    if text.isascii():
        return text
    converter = _opencc()
    try:
        return converter.convert(text)
    except UnicodeEncodeError:  # lone surrogates cannot cross into C++: convert around them
        parts = _SURROGATES_RE.split(text)
        return "".join(p if i % 2 else converter.convert(p) for i, p in enumerate(parts))


def has_traditional(text: object) -> bool:
    """Whether OpenCC ``t2s`` would change ``text`` (it contains Traditional characters).

    Parameters
    ----------
    text : object
        A text; anything that is not a ``str`` (``None``, ``NaN``) gives False.

    Returns
    -------
    bool
        True if converting to Simplified Chinese changes at least one character.

    Examples
    --------
    >>> has_traditional("銀行帳戶凍結"), has_traditional("银行账户冻结"), has_traditional(None)
    (True, False, False)
    """
    if not isinstance(text, str) or text.isascii():
        return False
    return _t2s(text) != text


# ---------------------------------------------------------------------------------------------
# emoji
# ---------------------------------------------------------------------------------------------


def _emoji(text: str, mode: str) -> str:
    if mode == "keep" or text.isascii():
        return text
    replacement = "" if mode == "remove" else f" {EMOJI_TOKEN} "

    def code(match: re.Match[str]) -> str:
        if match.group(1) in PLACEHOLDER_NAMES:
            return match.group(0)
        return replacement

    if "[" in text or "\uff3b" in text:
        text = BRACKET_CODE_RE.sub(code, text)
    return EMOJI_RE.sub(replacement, text)


# ---------------------------------------------------------------------------------------------
# whitespace
# ---------------------------------------------------------------------------------------------

# Zero-width characters, soft hyphen, and C0/C1 controls that are not whitespace. A ZWJ is
# kept only between two emoji (inside a ZWJ sequence, relevant when emoji="keep").
_INVISIBLE_RE: Final = re.compile(
    "[\u200b\u200c\u2060\ufeff\u180e\u00ad\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]"
    f"|(?<![{EMOJI_CHARS}{EMOJI_MOD_CHARS}])\u200d|\u200d(?![{EMOJI_CHARS}])"
)
_SPACES_RE: Final = re.compile(r"\s+")
_CJK_WIDE = HAN + CJK_PUNCT
# A space goes between two wide characters, between a wide character and a closing ASCII
# mark, and between an opening/separating ASCII mark and a wide character. The space comes
# first in the pattern (the look-behinds include it), so the engine jumps from space to
# space instead of trying look-behinds at every position (4x faster on ASR text).
_CJK_SPACE_RE: Final = re.compile(
    f" (?:(?<=[{_CJK_WIDE}] )(?=[{_CJK_WIDE}])|(?<=[,.!?;:(] )(?=[{_CJK_WIDE}])"
    f"|(?<=[{_CJK_WIDE}] )(?=[,.!?;:)]))"
)


def _whitespace_collapse(text: str) -> str:
    if text.isprintable():
        # no control, format or separator character but the ASCII space: nothing invisible
        # to delete, and the only whitespace runs are runs of spaces
        return _SPACES_RE.sub(" ", text) if "  " in text else text
    text = _INVISIBLE_RE.sub("", text)
    return _SPACES_RE.sub(" ", text)


def _whitespace_cjk(text: str) -> str:
    if " " in text:
        text = _CJK_SPACE_RE.sub("", text)
    return text.strip()


# ---------------------------------------------------------------------------------------------
# fillers
# ---------------------------------------------------------------------------------------------

# Sound fillers that start real words: the filler is kept when one of these follows
# (an ASR space in between allowed).
_PROTECTED_CONTINUATIONS: Final[dict[str, tuple[str, ...]]] = {
    "额": ("度", "外", "定", "头", "满", "数", "角"),
    "唉": ("声",),
    # 就是说好的 = 就是 + 说好的 ("it's just that the promised ..."), 就是说明, 就是说不清
    "就是说": ("明", "服", "好", "错", "不", "过", "了", "的", "清", "出", "完", "成", "得", "着"),
}
# Sound fillers that are also common word characters (金额, 限额, 余额): a repeat right after a
# Han character is left alone.
_WORD_FORMING: Final = frozenset({"额"})

_ASCII_PUNCT = re.escape("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_DELIM = rf"\s\x00{_ASCII_PUNCT}{CJK_PUNCT}\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
_SEP_MARKS = ",.!?;:~\u3001\u3002\uff0c\uff01\uff1f\uff1b\uff1a\uff5e\u2026"
_SENTINEL = "\x00"
_HAN_RE: Final = re.compile(f"[{HAN}]")
_CLEANUP_RE: Final = re.compile(rf"[{_SEP_MARKS}\s]*\x00[{_SEP_MARKS}\s\x00]*")
_MARK_RANK: Final[dict[str, int]] = {
    **dict.fromkeys("?\uff1f", 7),
    **dict.fromkeys("!\uff01", 6),
    **dict.fromkeys(".\u3002\u2026", 5),
    **dict.fromkeys("~\uff5e", 4),
    **dict.fromkeys(";\uff1b", 3),
    **dict.fromkeys(":\uff1a", 2),
    **dict.fromkeys(",\uff0c", 1),
    "\u3001": 0,
}
_TERMINAL_RANK: Final = 4  # marks ranked >= this may end a text


@dataclass(frozen=True)
class _FillerRules:
    first_chars: frozenset[str]
    standalone: re.Pattern[str]
    initial: re.Pattern[str] | None
    sound_repeat: re.Pattern[str] | None
    word_repeat: re.Pattern[str] | None
    protected: dict[str, re.Pattern[str]]


def _guarded(word: str) -> str:
    """Regex for one filler, with a negative lookahead for the words it starts."""
    cont = _PROTECTED_CONTINUATIONS.get(word)
    if not cont:
        return re.escape(word)
    return f"{re.escape(word)}(?!\\s?(?:{'|'.join(map(re.escape, cont))}))"


@lru_cache(maxsize=32)
def _compile_fillers(entries: tuple[tuple[str, bool], ...]) -> _FillerRules | None:
    """Compile (filler, removable-at-clause-start) pairs into the removal patterns."""
    if not entries:
        return None
    words = sorted({w for w, _ in entries}, key=lambda w: (-len(w), w))
    initial = sorted({w for w, init in entries if init}, key=lambda w: (-len(w), w))
    sounds = sorted(w for w in words if len(w) == 1)
    multi = [w for w in words if len(w) > 1]
    any_filler = "|".join(_guarded(w) for w in words)
    standalone = re.compile(rf"(?<![^{_DELIM}])(?:{any_filler})+(?![^{_DELIM}])")
    init_re = None
    if initial:
        init_alt = "|".join(_guarded(w) for w in initial)
        init_re = re.compile(rf"(?<![^{_DELIM}])(?:{init_alt})+(?=[^{_DELIM}])")
    sound_repeat = re.compile(rf"([{''.join(map(re.escape, sounds))}])\1+") if sounds else None
    word_repeat = None
    if multi:
        word_repeat = re.compile(rf"({'|'.join(map(re.escape, multi))})\1+")
    protected = {
        w: re.compile(rf"\s?(?:{'|'.join(map(re.escape, cont))})")
        for w, cont in _PROTECTED_CONTINUATIONS.items()
        if w in words
    }
    return _FillerRules(
        first_chars=frozenset(w[0] for w in words),
        standalone=standalone,
        initial=init_re,
        sound_repeat=sound_repeat,
        word_repeat=word_repeat,
        protected=protected,
    )


@lru_cache(maxsize=1)
def _default_filler_entries() -> tuple[tuple[str, bool], ...]:
    entries = []
    for line in read_resource_lines(_FILLERS_FILE):
        word, _, mark = line.partition(" ")
        entries.append((word, mark.strip() == _INITIAL_MARK))
    return tuple(entries)


def _strongest_mark(span: str) -> str:
    """The strongest separator in ``span`` with its run of repeats (``？？`` stays ``？？``)."""
    best, best_rank, best_at = "", -1, -1
    for i, ch in enumerate(span):
        rank = _MARK_RANK.get(ch, -1)
        if rank > best_rank:
            best, best_rank, best_at = ch, rank, i
    if best_at < 0:
        return ""
    end = best_at
    while end < len(span) and span[end] == best:
        end += 1
    return span[best_at:end]


def _cleanup(text: str) -> str:
    """Collapse the separators around removed (sentinel-marked) fillers."""

    def repl(match: re.Match[str]) -> str:
        span = match.group(0)
        at_start, at_end = match.start() == 0, match.end() == len(text)
        if at_start:
            return ""
        mark = _strongest_mark(span)
        if at_end:
            return mark if mark and _MARK_RANK[mark[0]] >= _TERMINAL_RANK else ""
        if mark:
            return mark
        return " " if any(ch.isspace() for ch in span) else ""

    return _CLEANUP_RE.sub(repl, text)


def _remove_fillers(text: str, rules: _FillerRules) -> str:
    if not rules.first_chars.intersection(text):
        return text
    text = text.replace(_SENTINEL, "")
    text = rules.standalone.sub(_SENTINEL, text)
    if rules.initial is not None:
        text = rules.initial.sub("", text)
    if rules.sound_repeat is not None:

        def sound(match: re.Match[str]) -> str:
            ch, start, source = match.group(1), match.start(), match.string
            if ch in _WORD_FORMING and start > 0 and _HAN_RE.match(source, start - 1):
                return match.group(0)
            guard = rules.protected.get(ch)
            if guard is not None and guard.match(source, match.end()):
                return ch
            return ""

        text = rules.sound_repeat.sub(sound, text)
    if rules.word_repeat is not None:
        text = rules.word_repeat.sub(r"\1", text)
    if _SENTINEL in text:
        text = _cleanup(text)
    return text


# ---------------------------------------------------------------------------------------------
# public API
# ---------------------------------------------------------------------------------------------

_NORMALIZE_PARAMS: Final = ("width", "t2s", "fillers", "emoji", "whitespace")


def _filler_entries(owner: str, fillers: object) -> tuple[tuple[str, bool], ...] | None:
    if fillers is None:
        return None
    if isinstance(fillers, str):
        if fillers == "default":
            return _default_filler_entries()
        raise ValueError(
            f"The 'fillers' parameter of {owner} must be 'default', None or an iterable "
            f"of str. Got {fillers!r} instead."
        )
    try:
        items = list(fillers)  # type: ignore[call-overload]
    except TypeError:
        items = None
    if items is None or not all(isinstance(w, str) for w in items):
        raise ValueError(
            f"The 'fillers' parameter of {owner} must be 'default', None or an iterable "
            f"of str. Got {fillers!r} instead."
        )
    words = sorted({w.strip() for w in items if w.strip()})
    return tuple((w, len(w) == 1) for w in words)


def _build(owner: str, kwargs: dict[str, Any]) -> Callable[[str], str]:
    """Validate the options once and return the per-text function."""
    unknown = set(kwargs) - set(_NORMALIZE_PARAMS)
    if unknown:
        raise TypeError(f"{owner}() got unexpected keyword argument(s): {sorted(unknown)}")
    width = check_bool(owner, "width", kwargs.get("width", True))
    t2s = check_bool(owner, "t2s", kwargs.get("t2s", True))
    whitespace = check_bool(owner, "whitespace", kwargs.get("whitespace", True))
    emoji = check_option(owner, "emoji", kwargs.get("emoji", "remove"), EMOJI_MODES)
    entries = _filler_entries(owner, kwargs.get("fillers", "default"))
    rules = _compile_fillers(entries) if entries else None

    def run(text: str) -> str:
        if not isinstance(text, str):
            raise type_error(owner, text)
        if width:
            text = _width(text)
        if t2s:
            text = _t2s(text)
            if "帐" in text:
                text = _ZHANG_VARIANT_RE.sub("账", text)
        text = _emoji(text, emoji)
        if whitespace:
            text = _whitespace_collapse(text)
        if rules is not None:
            text = _remove_fillers(text, rules)
        if whitespace:
            text = _whitespace_cjk(text)
        return text

    return run


#: Memo of :func:`_width_t2s`: ``cx.tag`` normalises each turn for the rules and again for
#: the models. Emptied when its texts reach about ``_MEMO_MAX_BYTES``.
_MEMO: dict[str, str] = {}
_MEMO_SIZE: list[int] = [0]
_MEMO_MAX_BYTES: Final = 32 * 1024 * 1024


def _width_t2s(text: str) -> str:
    """Width, Traditional -> Simplified and 账 of one ``str``: what :func:`normalize_text`
    gives with ``fillers=None, emoji="keep", whitespace=False`` (memoised, bounded)."""
    out = _MEMO.get(text)
    if out is None:
        out = _t2s(_width(text))
        if "帐" in out:
            out = _ZHANG_VARIANT_RE.sub("账", out)
        _memo_put(text, out)
    return out


def _memo_put(text: str, out: str) -> None:
    # str objects: ~50 bytes plus up to 4 per character each; ~100 for the dict entry
    cost = 200 + 4 * (len(text) + len(out))
    if _MEMO_SIZE[0] + cost > _MEMO_MAX_BYTES:
        _MEMO.clear()
        _MEMO_SIZE[0] = 0
    _MEMO[text] = out
    _MEMO_SIZE[0] += cost


#: Joins texts for :func:`_width_t2s_many`: a private-use character, which NFKC, OpenCC and
#: the 账 rule leave alone and which no n-gram, composition or phrase crosses.
_JOIN: Final = "\ue000"


#: Full-width ASCII and the ideographic space, with their compatibility decompositions (one
#: ASCII character each): the characters NFKC changes in most Chinese text.
_FULLWIDTH: Final[dict[str, str]] = {
    **{chr(c): unicodedata.normalize("NFKD", chr(c)) for c in range(0xFF01, 0xFF5F)},
    "\u3000": " ",
}
_FULLWIDTH_RE: Final = re.compile("[\uff01-\uff5e\u3000]")


def _width_many(texts: list[str]) -> list[str]:
    """:func:`_width` of every text (none holding ``_JOIN``).

    Full-width characters are replaced by their compatibility decompositions across the
    whole batch (one ``str.replace`` per distinct character); that keeps the NFKD of a
    text, so when the result is NFKC already it *is* the text's NFKC. The other texts
    (protected characters, other compatibility forms) go through :func:`_width`.
    """
    joined = _JOIN.join(texts)
    for ch in set(_FULLWIDTH_RE.findall(joined)):
        joined = joined.replace(ch, _FULLWIDTH[ch])
    parts = joined.split(_JOIN)
    is_nfkc = unicodedata.is_normalized
    return [part if is_nfkc("NFKC", part) else _width(text)
            for text, part in zip(texts, parts, strict=True)]


def _width_t2s_many(texts: list[str]) -> list[str]:
    """:func:`_width_t2s` of every text: the new ones made half-width as a batch
    (:func:`_width_many`) and converted by OpenCC in one call (joined by a private-use
    character; texts holding it go one by one)."""
    memo = _MEMO
    todo = [t for t in dict.fromkeys(texts) if t not in memo and _JOIN not in t]
    if len(todo) > 1:
        joined = _JOIN.join(_width_many(todo))
        out = _t2s(joined)
        if "帐" in out:
            out = _ZHANG_VARIANT_RE.sub("账", out)
        parts = out.split(_JOIN)
        if len(parts) == len(todo):
            for text, part in zip(todo, parts, strict=True):
                _memo_put(text, part)
    get = memo.get
    return [get(t) or _width_t2s(t) for t in texts]


def _whitespace_all(text: str) -> str:
    """The ``whitespace=True`` steps of :func:`normalize_text` (after width/t2s/emoji,
    without fillers)."""
    return _whitespace_cjk(_whitespace_collapse(text))


@lru_cache(maxsize=64)
def _cached_runner(options: tuple[bool, bool, str | None, str, bool]) -> Callable[[str], str]:
    width, t2s, fillers, emoji, whitespace = options
    return _build("normalize_text", {"width": width, "t2s": t2s, "fillers": fillers,
                                     "emoji": emoji, "whitespace": whitespace})


def normalize_text(
    text: str,
    *,
    width: bool = True,
    t2s: bool = True,
    fillers: str | Iterable[str] | None = "default",
    emoji: EmojiMode = "remove",
    whitespace: bool = True,
) -> str:
    """Normalize one Chinese text: width, script, emoji, ASR fillers and whitespace.

    Parameters
    ----------
    text : str
        The text. Anything else raises ``TypeError``.
    width : bool, default True
        Apply NFKC: full-width letters, digits and ASCII punctuation become
        half-width (``１２３ＡＢＣ，`` → ``123ABC,``). Chinese punctuation such as
        ``。、“”…`` and all ideographs are left as they are.
    t2s : bool, default True
        Convert Traditional to Simplified Chinese with OpenCC ``t2s``.
    fillers : {"default"}, iterable of str or None, default "default"
        ASR fillers to remove where they are fillers (see the module docstring
        for the rule): ``"default"`` uses ``cxtext/resources/fillers.txt``, an
        iterable gives your own list (single characters are also removed at
        the start of a clause), ``None`` keeps every filler.
    emoji : {"remove", "keep", "token"}, default "remove"
        What to do with Unicode emoji and bracket codes such as ``[微笑]``:
        drop them, keep them, or replace each with ``" [表情] "``.
        Placeholders (``[手机号]``, ``[姓名]``, ``[订单x]`` ...) are always kept.
    whitespace : bool, default True
        Delete zero-width characters, collapse whitespace runs to one space,
        remove spaces between Chinese characters and strip the ends.

    Returns
    -------
    str
        The normalized text.

    Raises
    ------
    TypeError
        If ``text`` is not a ``str``.
    ValueError
        If a parameter has an invalid value, e.g. ``The 'emoji' parameter of
        normalize_text must be one of ['keep', 'remove', 'token']. Got 'drop'
        instead.``

    See Also
    --------
    normalize : The same for a column of texts.

    Examples
    --------
    >>> normalize_text("嗯，我的信用卡　被 凍結 了［捂脸］ＡＴＭ也取不了錢")
    '我的信用卡被冻结了ATM也取不了钱'
    >>> normalize_text("那个卡被冻结了")
    '那个卡被冻结了'
    >>> normalize_text("好评👍[微笑]", emoji="token")
    '好评 [表情] [表情]'
    """
    if (type(width) is bool and type(t2s) is bool and type(whitespace) is bool
            and type(emoji) is str and (fillers is None or type(fillers) is str)):
        # plain options: validated once per combination, not once per text
        run = _cached_runner((width, t2s, fillers, emoji, whitespace))
    else:
        run = _build(
            "normalize_text",
            {"width": width, "t2s": t2s, "fillers": fillers, "emoji": emoji,
             "whitespace": whitespace},
        )
    return run(text)


def normalize(texts: Iterable[str] | pd.Series, **kwargs: Any) -> pd.Series:
    """Normalize many texts; vectorised :func:`normalize_text`.

    Parameters
    ----------
    texts : pandas.Series or iterable of str
        The texts. Missing values (``None``, ``NaN``, ``pd.NA``) stay missing;
        any other non-``str`` value raises ``TypeError``. The input is never
        modified.
    **kwargs
        The keyword options of :func:`normalize_text` (``width``, ``t2s``,
        ``fillers``, ``emoji``, ``whitespace``), validated once.

    Returns
    -------
    pandas.Series
        Normalized texts with the input's index and name (a new
        ``RangeIndex`` for a plain iterable). A string-dtype input keeps its
        dtype; otherwise the result has dtype ``object``.

    Raises
    ------
    TypeError
        If a value is neither a ``str`` nor missing, or an option is unknown.
    ValueError
        If an option has an invalid value.

    See Also
    --------
    normalize_text : One text.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.Series(["您好，嗯，我要銷戶", None], index=[7, 9], dtype=object)
    >>> normalize(s).to_dict()
    {7: '您好,我要销户', 9: None}
    """
    run = _build("normalize", kwargs)
    if isinstance(texts, pd.Series):
        series = texts
    else:
        if isinstance(texts, str):
            raise TypeError("normalize expects an iterable of str or a pandas Series, got a str")
        series = pd.Series(list(texts), dtype=object)
    memo: dict[str, str] = {}
    out: list[object] = []
    for label, value in series.items():
        if isinstance(value, str):
            result = memo.get(value)
            if result is None:
                result = memo[value] = run(value)
            out.append(result)
        elif _is_missing(value):
            out.append(value)
        else:
            raise TypeError(
                f"normalize expects str or missing values, got {type(value).__name__} "
                f"{value!r:.80} at index {label!r}"
            )
    dtype = series.dtype if isinstance(series.dtype, pd.StringDtype) else object
    return pd.Series(out, index=series.index.copy(), name=series.name, dtype=dtype)


def _is_missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # arrays and other containers are not "missing"
        return False

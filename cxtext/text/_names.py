"""Statistical detector for names with no cue word (private; issue #8).

The rules in ``pii.py`` find a name from the words around it (我叫…, 持卡人…, …先生). This
detector finds a full name written with no cue - at the start of a sentence, after a date,
after 替/帮/告诉, in a list separated by spaces - from how name-like the characters are:

* a window of a surname (``surnames.txt``, not one of the everyday-word surnames) and two
  given-name characters (``given_name_chars.txt``), or a compound surname and one or two;
* a score: the given-name characters' log ratio of name use to running-text use and the
  surname's prior (``resources/name_stats.tsv``, built from jieba's dictionary by
  ``_names_build.py``), less a penalty for each Han neighbour that is not a particle or verb
  that usually borders a name (的, 说, 给, 和 …);
* vetoes: the window, or the surname with the first given character, is a frequent
  dictionary word (高峰期, 张贴, 冷冰冰); the surname belongs to the word before (师傅刚刚)
  or the last character to the word after (…华为); the window sits inside a four-character
  word (飞黄腾达); a determiner or number comes before (这张卡); a place or organisation
  word follows (…镇, …支行).

Only texts with at least one surname + given + given window pass a single regex screen.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from cxtext.text import _pii_patterns as pp
from cxtext.text._resources import read_resource_lines

Span = tuple[int, int, str]

#: Minimum score of a candidate (see the module docstring).
THRESHOLD = -1.5
#: Penalty for a Han neighbour that does not usually border a name.
NEIGHBOUR_PENALTY = 3.0
#: Veto frequencies (jieba dictionary counts), as kept by ``_names_build``.
PAIR_MIN, EDGE_MIN, LEFT_MIN, LONG_MIN, GIVEN_WORD_MIN = 50, 100, 40, 20, 1000

#: Han characters that may come right before a name without a penalty.
LEFT_OK = frozenset("给帮替和跟与及让叫诉对是把被将由向的了说问找请见为同从称即有还、喂")
#: Han characters that may come right after a name without a penalty.
RIGHT_OK = frozenset(
    "的说是在和跟与及还也都就来去把被让要已从打向对给那这他她吗呢啊吧了等先同称讲表将于用办"
    "申存取转借欠汇往拿交签今昨明前后每本"
    # a complaint's subject: 被任志明冒用, 付强未经我同意, 王某私自, …挂我电话, …态度很差
    "冒骗偷盗私擅未拒挂骂态"
)
#: A place or an organisation follows: the window is part of its name (…镇, …路).
PLACE_NEXT = frozenset(
    "区县市镇村路街道省巷弄里桥湾园苑城港站场店楼厦院馆部行司厂乡屯庄寨湖山河江口坊"
)
PLACE_NEXT_WORDS = frozenset(("支行", "分行", "银行", "公司", "集团", "小区", "大厦", "广场"))
#: Determiners and numerals: 这张卡, 一位, 两张.
DETERMINERS = frozenset("这那哪每几一二两三四五六七八九十半某各该本此整")
#: Given-name characters that are mostly transliteration in running text (索菲亚, 诺).
FOREIGN = frozenset("亚斯尔克特丝诺")
#: Everyday-word surnames (``AMBIGUOUS_SURNAMES``) that are rare in running text (the
#: demo corpus): a window that starts with one needs clean neighbours and a higher score
#: (是宁晓波吗, 将关志强的); the others (有, 和, 能, 都 …) are left to the cue rules.
STRICT_SURNAMES = frozenset(
    "习旷谷温庄苍甘井巩鲜齐宫占琴玄练尚漆豆佘宿衣古禄战帅矫墨冷卿勾符佐衡宁乐曾越沙丰迟"
    "景秋欧封楼容松游鱼宾盖哈富初包兰怀居双阳山连广印言简展辛车关解任"
)
#: Extra score a window led by one of them needs.
STRICT_MARGIN = 2.0
#: Words before a two-character name (surname + one given character) with no cue word:
#: 替任伟还了, 我和景涛是, 告诉贾婷, 帮姜伟查一下.
SHORT_LEFT = "替给帮诉和跟让与把"
#: What may follow such a name: the end, a non-Han character or one of these.
SHORT_RIGHT = frozenset("的说是还本在也都吗呢就")
#: The given character of a two-character name must be this name-like (log ratio).
SHORT_MIN_GIVEN = 1.5
#: What may follow a two-character name written with no cue word at all (姜伟今天…,
#: 余浩的贷款, 李娜和赵刚, 刘洋均未…): particles, conjunctions, time words, common verbs.
BARE_RIGHT = SHORT_RIGHT | frozenset("今昨明前上下和跟与及让把给要已来去转打等借欠均两三说挂骂态")
#: ... and its given character's log ratio plus half the surname's prior at least this.
BARE_MIN = 0.0
#: Han characters that may come right before such a name (besides a clean edge).
BARE_LEFT = frozenset("是给帮替和跟与及让对把被找问请叫诉喂、")
#: Characters after which the next character starts a name as after a clean edge, when
#: they follow a number (12月杨建国申请, 13号张伟) or a demonstrative (那个汤国华).
AFTER_NUMBER = frozenset("月日号")
#: Verbs whose object is a person, before 了 (转给了黄晶, 告诉了孙磊, 找到了何琳).
AFTER_LE = frozenset("给诉问找到叫")
#: A sum follows the name (借给康志成人民币十万元): its first character does not join the
#: name's last one into a word (成人).
MONEY_NEXT = "人民币"
#: Kinship words and forms of address made of given-name characters (陈大叔, 龙宝宝).
KIN = frozenset(("叔叔", "大叔", "阿姨", "大哥", "大姐", "宝宝", "哥哥", "姐姐", "弟弟", "妹妹",
                 "大爷", "大妈", "老师", "师傅", "小姐", "先生", "女士"))
#: The last given-name character is not a place suffix (梅龙镇).
NOT_LAST = frozenset("镇村区县市路街乡湖")


class NameStats(NamedTuple):
    given: dict[str, float]
    prior: dict[str, float]
    freq: dict[str, int]
    pairs: frozenset[str]
    screen: re.Pattern[str]
    compound: re.Pattern[str]
    either: re.Pattern[str]
    short: re.Pattern[str]
    bare: re.Pattern[str]


@lru_cache(maxsize=1)
def name_stats() -> NameStats:
    """Figures of ``resources/name_stats.tsv`` and the screening regexes (read once)."""
    given: dict[str, float] = {}
    prior: dict[str, float] = {}
    freq: dict[str, int] = {}
    pairs: set[str] = set()
    for line in read_resource_lines("name_stats.tsv"):
        kind, key, value = line.split("\t")
        if kind == "g":
            given[key] = float(value)
        elif kind == "s":
            prior[key] = float(value)
        elif kind == "p":
            pairs.add(key)
        else:
            freq[key] = int(value)
    single, compound = pp.surnames()
    surs = "".join(sorted(c for c in single
                          if c not in pp.AMBIGUOUS_SURNAMES or c in STRICT_SURNAMES))
    chars = "".join(sorted(given))
    # a leading character class (not a lookahead) lets ``re`` skip ahead to a surname fast
    screen = re.compile(f"[{surs}](?=[{chars}][{chars}])")
    firsts = "".join(sorted({c[0] for c in compound}))
    seconds = "".join(sorted({c[1] for c in compound}))
    comp_re = re.compile(f"[{firsts}](?=[{seconds}][{chars}])")
    short = re.compile(f"[{SHORT_LEFT}](?=[{surs}][{chars}])")
    # one leading class (``re`` scans for it fast), then which kind of window starts there
    lead = "".join(sorted(set(surs) | set(firsts) | set(SHORT_LEFT)))
    # surname + one given character between clean edges (余浩的, 对方是夏磊，): the right
    # edge in the pattern, the left edge and the statistics checked in ``_bare_names``
    plain = "".join(sorted(c for c in single if c not in pp.AMBIGUOUS_SURNAMES))
    right = "".join(sorted(BARE_RIGHT))
    bare_edge = f"(?=[{right}]|[^\u4e00-\u9fff]|$)"
    bare = re.compile(f"[{plain}][{chars}]{bare_edge}")
    either = re.compile(
        f"[{lead}](?:(?<=[{surs}])(?=[{chars}][{chars}])|(?<=[{firsts}])(?=[{seconds}][{chars}])"
        f"|(?<=[{SHORT_LEFT}])(?=[{surs}][{chars}])|(?<=[{plain}])(?=[{chars}]{bare_edge}))"
    )
    return NameStats(given, prior, freq, frozenset(pairs), screen, comp_re, either, short, bare)


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _soft_left(w: str, s: int) -> bool:
    """``w[s - 1]`` ends a date, a demonstrative or a verb + 了 (12月|杨建国, 13号|张伟,
    那个|汤国华, 转给了|黄晶)."""
    if s < 2:
        return False
    prev, before = w[s - 1], w[s - 2]
    if prev in AFTER_NUMBER:
        return before.isdigit() or before in "一二三四五六七八九十〇零"
    if prev == "了":
        return before in AFTER_LE  # 转给了黄晶, 告诉了孙磊
    return prev == "个" and before in "那这"


def _context(w: str, s: int, e: int) -> float | None:
    """Penalty for the neighbours of ``w[s:e]``, or None when they veto a name."""
    prev = w[s - 1] if s else ""
    nxt = w[e] if e < len(w) else ""
    if prev in DETERMINERS or nxt in PLACE_NEXT or w[e : e + 2] in PLACE_NEXT_WORDS:
        return None
    pen = 0.0
    if prev and _han(prev) and prev not in LEFT_OK and not _soft_left(w, s):
        pen += NEIGHBOUR_PENALTY
    if nxt and _han(nxt) and nxt not in RIGHT_OK and not w.startswith(MONEY_NEXT, e):
        pen += NEIGHBOUR_PENALTY
    return pen


def free_names(w: str, hint: re.Match[str] | None | bool = True) -> list[Span]:
    """Full names with no cue word in ``w`` (the width-normalised text), scored. ``hint``:
    the caller's ``name_stats().either.search(w)`` when it has run it (True: search here)."""
    st = name_stats()
    if hint is True:
        hint = st.either.search(w)  # most texts hold no window at all: one scan, then out
    if hint is None:
        return []
    first = st.screen.search(w, hint.start())
    short = st.short.search(w, hint.start())
    out: list[Span] = []
    freq, given = st.freq, st.given
    compound = pp.surnames()[1]
    n = len(w)
    last_end = -1
    for m in st.screen.finditer(w, first.start()) if first is not None else ():
        s = m.start()
        if s < last_end:
            continue
        sur, g1, g2 = w[s], w[s + 1], w[s + 2]
        prev = w[s - 1] if s else ""
        nxt = w[s + 3] if s + 3 < n else ""
        if prev == sur or g1 == sur or g2 in FOREIGN or g2 in NOT_LAST:
            continue  # 马马虎虎, 季季宝, 索菲亚
        if g1 == g2 and (sur + g1 in freq or w[s : s + 3] in freq):
            continue  # 冷冰冰
        if (
            freq.get(sur + g1, 0) >= PAIR_MIN
            or freq.get(w[s : s + 3], 0) >= LONG_MIN
            or (prev and freq.get(prev + sur, 0) >= LEFT_MIN)
            or (freq.get(g1 + g2, 0) >= GIVEN_WORD_MIN and g1 + g2 not in st.pairs)
            or g1 + g2 in KIN
            or (nxt and freq.get(g2 + nxt, 0) >= EDGE_MIN
                and not w.startswith(MONEY_NEXT, s + 3))  # 借给康志成人民币十万
            or (prev and w[s - 1 : s + 3] in freq)
            or (nxt and w[s : s + 4] in freq)
        ):
            continue
        pen = _context(w, s, s + 3)
        if pen is None:
            continue
        score = given[g1] + given[g2] + 0.5 * st.prior.get(sur, -5.0) - pen
        if sur in STRICT_SURNAMES and (pen or score < THRESHOLD + STRICT_MARGIN):
            continue
        if score >= THRESHOLD:
            out.append((s, s + 3, "name"))
            last_end = s + 3
    for m in st.short.finditer(w, short.start()) if short is not None else ():
        s = m.start() + 1
        if s < last_end or any(a <= s < b for a, b, _ in out):
            continue
        sur, g = w[s], w[s + 1]
        nxt = w[s + 2] if s + 2 < n else ""
        if (nxt and _han(nxt) and nxt not in SHORT_RIGHT) or given[g] < SHORT_MIN_GIVEN:
            continue
        if freq.get(sur + g, 0) >= 20 or (nxt and freq.get(g + nxt, 0) >= EDGE_MIN) or (
            freq.get(w[s - 1 : s + 1], 0) >= LEFT_MIN
        ):
            continue  # 跟黄金一样, 给林业局: a word
        out.append((s, s + 2, "name"))
    for m in st.compound.finditer(w, hint.start()):  # (not only after a single-surname window)
        s = m.start()
        if w[s : s + 2] not in compound:
            continue  # the class pair is not a compound surname
        e = s + 4 if w[s + 3 : s + 4] in given else s + 3  # one or two given characters
        gw = w[s + 2 : e]
        if any(given.get(c, -1.0) <= 0 for c in gw) or (
            w[s : s + 3] in freq or w[s : s + 4] in freq
        ) or (len(gw) == 2 and freq.get(gw, 0) >= GIVEN_WORD_MIN and gw not in st.pairs):
            continue  # 西门子, 东方明珠, 第五天, 东方超越: a word or a poorly name-like window
        if _context(w, s, e) == 0.0 and not (s and w[s - 1] in DETERMINERS):
            out.append((s, e, "name"))
    out += _bare_names(w, st, out, hint.start())
    return out


def _bare_names(w: str, st: NameStats, found: list[Span], pos: int) -> list[Span]:
    """Surname + one given character with no cue word (姜伟今天…, 余浩的贷款, 对方是夏磊，).

    Both edges must be clean (the start, a non-Han character, a particle or cue character
    before; a particle, time word or common verb after, :data:`BARE_RIGHT`), the surname not
    an everyday word, the given character as name-like as after a cue (``SHORT_MIN_GIVEN``),
    and neither the pair nor its neighbours a dictionary word (高峰, 周末, 方便).
    """
    out: list[Span] = []
    freq, given = st.freq, st.given
    n = len(w)
    for m in st.bare.finditer(w, pos):
        s = m.start()
        if s and _han(w[s - 1]) and w[s - 1] not in BARE_LEFT and not _soft_left(w, s):
            continue
        sur, g = w[s], w[s + 1]
        nxt = w[s + 2] if s + 2 < n else ""
        if (given[g] < SHORT_MIN_GIVEN or sur in STRICT_SURNAMES or g == sur
                or given[g] + 0.5 * st.prior.get(sur, -5.0) < BARE_MIN):
            continue  # (暴光, 滑顺: a rare surname and a weakly name-like character)
        if freq.get(sur + g, 0) >= 20 or (nxt and (
            freq.get(g + nxt, 0) >= EDGE_MIN or w[s : s + 3] in freq
        )) or (s and freq.get(w[s - 1 : s + 1], 0) >= LEFT_MIN) or w[s - 1 : s + 2] in freq:
            continue  # a word: 高峰, 周到, 从严
        if s and w[s - 1] in DETERMINERS:
            continue
        if any(a < s + 2 and s < b for a, b, _ in found):
            continue
        out.append((s, s + 2, "name"))
    return out

"""Find and mask personal data (PII) in Chinese call-centre and complaint text.

Seven types are recognised, each replaced by a typed placeholder (:data:`PLACEHOLDERS`):

==============  ==============  =========================================================
type            placeholder     what counts
==============  ==============  =========================================================
``phone``       ``[手机号]``    mainland mobile numbers (11 digits, 13x-19x), with
                                +86/0086/86 prefix, spaces or dashes, full-width digits,
                                or spoken digits as ASR writes them (一三八…, 幺, 洞, 两)
``landline``    ``[座机]``      0xx/0xxx area code + 7-8 digits, dashes, spaces,
                                parentheses, optional extension (转123, -123)
``id_card``     ``[身份证号]``  18-character resident ID with valid province, birth date
                                and checksum (X/x allowed); 15-digit old IDs with a valid
                                province and 19YYMMDD date
``bank_card``   ``[银行卡号]``  16-19 digits passing Luhn (first digit 3/4/5/6/9)
``email``       ``[邮箱]``      e-mail addresses, also spoken "zhangsan 艾特 163 点 com"
``name``        ``[姓名]``      names after a self-introduction (我叫张伟, 我姓李, 本人刘洋,
                                持卡人是…), surnames before a form of address
                                (王先生 -> [姓名]先生), names after a cue word scored
                                with what follows them (我儿媳妇石磊, 那个叫孔令辉的,
                                通知一下欧阳晓燕; see ``_scored_end``), letter
                                signatures (此致 敬礼。 肖欣俊), bare lists of
                                names (任浩天、万秋菊两个人) and the surname in a
                                nickname (老王 -> 老[姓名], 小李)
``address``     ``[地址]``      province/city/district/road/number/building/unit sequences
                                (a city or district on its own is not an address, nor is
                                a place that names a branch: 南京东路支行)
==============  ==============  =========================================================

Decisions worth knowing:

* Digits are read through a 1:1 normalisation (full-width -> ASCII, Chinese digits ->
  ASCII), so spans always index the original text.
* A 16-19 digit run that fails Luhn is still masked as ``bank_card`` when the same clause
  says 卡号/银行卡/账号/… before it (ASR mangles digits); an 18-character run after
  身份证/证件号 with a plausible birth date is masked as ``id_card`` even if its checksum
  fails. Conversely, a Luhn-valid run after 订单/流水/交易号/… is left alone.
* A number followed by a money unit (元, 块, 万, %, …) or preceded by a currency sign is an
  amount and never PII.
* Overlapping detections collapse to one placeholder: the longest span wins, ties go to
  the more specific type (email > id_card > bank_card > phone > landline > address > name).
* ``types=`` filters the resolved detections, so asking for ``["phone"]`` never masks the
  digits inside an e-mail address as a phone.
* :func:`mask_pii` is idempotent: it re-scans its own output until nothing changes and never
  matches inside a placeholder.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Final

import numpy as np
import pandas as pd

from cxtext.text import _name_forms, _names_model
from cxtext.text import _pii_patterns as pp
from cxtext.text._names import (
    BARE_LEFT,
    BARE_RIGHT,
    KIN,
    LEFT_OK,
    NOT_LAST,
    THRESHOLD,
    _han,
    free_names,
    name_stats,
)
from cxtext.text._params import type_error

if TYPE_CHECKING:
    from cxtext.audit import PiiAudit

__all__ = ["PII_TYPES", "PLACEHOLDERS", "PiiMatch", "find_pii", "mask_pii", "mask_pii_many"]

PII_TYPES: Final[tuple[str, ...]] = (
    "phone", "landline", "id_card", "bank_card", "email", "name", "address",
)  # fmt: skip

PLACEHOLDERS: Final[dict[str, str]] = {
    "phone": "[手机号]",
    "landline": "[座机]",
    "id_card": "[身份证号]",
    "bank_card": "[银行卡号]",
    "email": "[邮箱]",
    "name": "[姓名]",
    "address": "[地址]",
}

# Tie-break between overlapping spans of equal length: lower wins.
_PRIORITY: Final[dict[str, int]] = {
    "email": 0, "id_card": 1, "bank_card": 2, "phone": 3, "landline": 4, "address": 5, "name": 6,
}  # fmt: skip
_PLACEHOLDER_RE: Final = re.compile(
    "|".join(re.escape(p) for p in PLACEHOLDERS.values())
)
# Cheap pre-check: 11 digit-like characters, at most 3 other characters between neighbours.
_DIGIT_RUN_RE: Final = re.compile(
    f"[{pp.DIGITISH}](?:[^{pp.DIGITISH}]{{0,3}}[{pp.DIGITISH}]){{10}}"
)
_THING_BEFORE_RE: Final = re.compile(
    "(?:产品|商品|理财|基金|公司|店|软件|[Aa][Pp][Pp]|活动|项目|银行|网点|支行|卡)的?$"
)
_THING_AFTER_RE: Final = re.compile(
    "的?(?:产品|基金|保险|[Aa][Pp][Pp]|软件|公司|活动|项目|股票)(?!经理|专员|顾问)"
)
_CN_DIGIT_RE: Final = re.compile(f"[{pp.CN_DIGIT_CHARS}]")
_MAX_PASSES: Final = 8


@dataclass(frozen=True, slots=True)
class PiiMatch:
    """One piece of personal data found in a text.

    Attributes
    ----------
    type : str
        One of :data:`PII_TYPES`.
    start, end : int
        Character offsets into the original text (``text[start:end] == value``).
    value : str
        The matched text, exactly as it appears.
    """

    type: str
    start: int
    end: int
    value: str


# --- parameter checks -----------------------------------------------------------------------


_ALL_TYPES: Final = frozenset(PII_TYPES)


def _check_types(types: Iterable[str] | None, owner: str) -> frozenset[str]:
    if types is None:
        return _ALL_TYPES
    if isinstance(types, str):
        types = [types]
    try:
        wanted = list(types)
    except TypeError:
        wanted = [types]  # type: ignore[list-item]
    unknown = [t for t in wanted if t not in PII_TYPES]
    if unknown:
        raise ValueError(
            f"The 'types' parameter of {owner} must be a subset of {sorted(PII_TYPES)}. "
            f"Got {unknown!r} instead."
        )
    return frozenset(wanted)


# --- detectors: each returns (start, end, type) candidates -----------------------------------

Span = tuple[int, int, str]


def _classify_number(norm: str, start: int, end: int, d: str, area_len: int | None) -> str | None:
    """Type of the digit string ``d`` found at ``norm[start:end]``, or None."""
    typ = _number_type(norm, start, end, d, area_len)
    if typ is not None and pp.ORDER_LABEL_BEFORE_RE.search(pp.left_clause(norm, start)):
        return None  # 订单号13812345678: the label says what the number is
    return typ


def _number_type(norm: str, start: int, end: int, d: str, area_len: int | None) -> str | None:
    if pp.AMOUNT_AFTER_RE.match(norm, end) or pp.AMOUNT_BEFORE_RE.search(
        norm, max(0, start - 4), start
    ):
        return None
    n = len(d)
    ctx = pp.context_kind(norm, start) if n >= 15 else None
    if n == 18:
        if pp.id18_valid(d):
            if d[-1].isdigit() and pp.luhn_valid(d) and ctx == "card":
                return "bank_card"
            return "id_card"
        if ctx == "id" and pp.id18_plausible(d):
            return "id_card"
    if not d.isdigit():
        return None
    if n == 15:
        if d.startswith("0086") and pp.is_mobile(d[4:]):
            return "phone"
        if pp.id15_valid(d):
            return "id_card"
        if ctx == "card" and d[0] == "3" and pp.luhn_valid(d):
            return "bank_card"  # 15-digit American Express
        return None
    if 16 <= n <= 19:
        if ctx == "card":
            return "bank_card"
        if ctx not in ("order", "id") and d[0] in "34569" and pp.luhn_valid(d):
            return "bank_card"
        return None
    if n == 11 and pp.is_mobile(d):
        return "phone"
    if n == 12 and d[0] == "0" and pp.is_mobile(d[1:]):
        return "phone"
    if n == 13 and d.startswith("86") and pp.is_mobile(d[2:]):
        return "phone"
    if pp.landline_split(d, area_len):
        return "landline"
    return None


def _digit_groups(text: str, norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Digit groups in ``norm[start:end]``, also split where the script changes.

    ``13812345678一直`` must not read as 12 digits, while ``幺三八1234五六七八`` stays one
    phone number: a switch between Arabic and Chinese digits is a group boundary, and
    groups are re-joined later only when they look like a grouped number.
    """
    spans = [g.span() for g in pp.DIGITS_RE.finditer(norm, start, end)]
    if not (_CN_DIGIT_RE.search(text, start, end) and _ARABIC_RE.search(text, start, end)):
        return spans  # one script only: nothing to split
    groups = []
    for a, b in spans:
        arabic = text[a] in _ARABIC
        for k in range(a + 1, b):
            if (text[k] in _ARABIC) != arabic:
                groups.append((a, k))
                a, arabic = k, not arabic
        groups.append((a, b))
    return groups


_ARABIC: Final = frozenset("0123456789０１２３４５６７８９")
_ARABIC_RE: Final = re.compile("[0-9０-９]")
_ALNUM: Final = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _joinable(norm: str, groups: list[tuple[int, int]], i: int, j: int, longest: int) -> bool:
    """Groups ``i..j`` may form one number (3-4-4, 4-4-4-4, 6-8-4 … or +86 / BIN prefixes)."""
    if j == i or longest <= 8:
        return True
    if j != i + 1:
        return False
    first = norm[groups[i][0] : groups[i][1]]
    second = groups[j][1] - groups[j][0]
    if first in ("86", "0086") and second == 11:  # country code + mobile
        return True
    return len(first) == 6 and 10 <= second <= 13  # card BIN + account part


def _numbers(text: str, norm: str) -> list[Span]:
    """Phones, landlines, ID cards and bank cards in the digit-normalised text."""
    out: list[Span] = []
    for chunk in pp.CHUNK_RE.finditer(norm):
        c_start, c_end = chunk.span()
        if c_end - c_start < 11:  # shortest PII number: 11 digits
            continue
        groups = _digit_groups(text, norm, c_start, c_end)
        has_x = norm[c_end - 1] in "Xx"
        prev = norm[c_start - 1] if c_start else ""
        # the first group continues a longer token (A123…, 1.5…): never its start
        glued = prev in _ALNUM or (prev == "." and c_start > 1 and norm[c_start - 2].isdigit())
        i, ng = (1 if glued else 0), len(groups)
        while i < ng:
            found = None
            # longest combination of groups first; a PII number has at most 19 digits + X
            total, longest, combos = 0, 0, []
            for j in range(i, ng):
                glen = groups[j][1] - groups[j][0]
                total += glen
                longest = max(longest, glen)
                if total > 19:
                    break
                combos.append((j, total, longest))
            for j, total, longest in reversed(combos):
                x_here = has_x and j == ng - 1
                if total + x_here < 11:
                    break
                if not _joinable(norm, groups, i, j, longest):
                    continue
                s, e = groups[i][0], groups[j][1]
                d = "".join(norm[a:b] for a, b in groups[i : j + 1])
                if x_here:
                    d, e = d + "X", c_end
                area_len = groups[i][1] - groups[i][0] if j > i else None
                typ = _classify_number(norm, s, e, d, area_len)
                if typ is not None:
                    found = (j, s, e, typ)
                    break
            if found is None:
                i += 1
                continue
            j, s, e, typ = found
            if typ == "phone":
                m = pp.COUNTRY_CODE_BEFORE_RE.search(norm, max(0, s - 8), s)
                if m:
                    s = m.start()
            elif typ == "landline":
                if s > 0 and norm[s - 1] == "(":
                    s -= 1
                m = pp.EXTENSION_RE.match(norm, e)
                if m:
                    e = m.end()
            out.append((s, e, typ))
            i = j + 1
            while i < ng and groups[i][0] < e:
                i += 1
    return out


def _emails(wide: str) -> list[Span]:
    if not pp.EMAIL_HINT_RE.search(wide):
        return []
    return [(m.start(), m.end(), "email") for m in pp.EMAIL_RE.finditer(wide)]


# Function characters that never start a given name, even after 我叫 (我叫他来, 我叫了).
_NEVER_GIVEN: Final = frozenset(
    "的是了吗呢吧啊呀哦嗯喂哈呃嘛我你他她它您们这那哪啥什么不没就也都还又在把被让给对从到"
)


def _stop_led_given(w: str, pos: int) -> int:
    """2 when ``w[pos:pos + 2]`` is a given name whose first character is also a common word
    character (来福, 会明, 能文), read only after a strong cue and before a clean edge."""
    if pos + 2 > len(w) or not pp.is_han(w[pos]) or w[pos] in _NEVER_GIVEN:
        return 0
    second = w[pos + 1]
    if second not in pp.given_name_chars() or second in pp.NAME_STOP:
        return 0
    return 2 if _clean_after(w, pos + 2) or w.startswith("本人", pos + 2) else 0


def _spelling_at(w: str, i: int, sur: str) -> bool:
    """The surname ``sur`` is spelled out from ``w[i]`` on, after a one-character given name:
    我叫闫峰闫是门里面三横, 我叫江峰长江的江山峰的峰, 我叫齐峰齐天大圣的齐山峰的峰 (a word
    of two characters holding the surname, or of three or four starting with it, then 的 and
    the surname; not 我叫刘宏伟刘邦的刘…, where 伟 ends the given name)."""
    if w[i : i + 1] == sur and w[i + 1 : i + 2] == "是":
        return True
    if w[i + 2 : i + 3] == "的" and w[i + 3 : i + 4] == sur and sur in w[i : i + 2]:
        return True
    return w[i : i + 1] == sur and any(w[i + k : i + k + 2] == "的" + sur for k in (3, 4))


def _given_name_len(w: str, pos: int, strong: bool) -> int:
    """Length (1-2) of the given name starting at ``pos``, or 0 if there is none."""
    n = len(w)

    def usable(i: int) -> bool:
        return i < n and pp.is_han(w[i]) and w[i] not in pp.NAME_STOP

    def boundary(i: int) -> bool:
        return (
            i >= n
            or not pp.is_han(w[i])
            or w[i] in pp.NAME_STOP
            or w[i : i + 2] in pp.NAME_STOP_BIGRAMS
        )

    if not usable(pos):
        return 0
    if (usable(pos + 1) and w[pos + 1 : pos + 3] not in pp.NAME_STOP_BIGRAMS
            and not _spelling_at(w, pos + 1, w[pos - 1])):
        if strong or boundary(pos + 2):
            return 2
        return 0
    return 1


def _intro_matches(w: str, screen: re.Match[str], cues: dict[str, str],
                   rx: pp.NameRegexes) -> list[tuple[int, int, str]]:
    """``(start, end, cue)`` of each ``pp.intro_regex()`` match of ``w``, as ``finditer``
    gives them, from the hits of ``rx.intro_screen`` (``screen``: the first) and dictionary
    look-ups.

    An intro match is a cue whose last character is a screen hit (the screen is the cue's
    last character and the same tail), ending where that hit ends. At each start the prefix
    tree takes the longest cue whose tail matches, and ``finditer`` goes on after the match;
    so: every (start, hit) pair that spells a cue, by start and then the longest, taken when
    it starts after the last match taken. (Round 10: the prefix tree over 8,000 cues tried
    its ~200 first-level alternatives at every position from the first hit to the end of
    the text, ~220 M valgrind instructions per pass over 20,000 demo turns.)"""
    longest = rx.max_cue_len
    found: list[tuple[int, int, int]] = []
    while screen is not None:
        h = screen.start()
        for p in range(max(0, h + 1 - longest), h + 1):
            if w[p : h + 1] in cues:
                found.append((p, -h, screen.end()))
        screen = rx.intro_screen.search(w, h + 1)
    out: list[tuple[int, int, str]] = []
    last = 0
    for p, neg_h, end in sorted(found):
        if p >= last:
            out.append((p, end, w[p : 1 - neg_h]))
            last = end
    return out


def _names(w: str) -> list[Span]:
    rx = pp.name_regexes()
    single, compound = pp.surnames()
    out: list[Span] = []
    cue_types = pp.cue_types()
    screen = rx.intro_screen.search(w)
    matches = [] if screen is None else _intro_matches(w, screen, cue_types, rx)
    # one search for five literal hints (most texts hold none of them)
    rare = _rare_hints().search(w) is not None
    if rare and pp.CLAUSE_RIGHT_RE.search(w):  # …，翁建平自称…
        matches += [(m.start(), m.end(), "") for m in rx.clause.finditer(w)]
    fields: tuple[int, ...] = ()  # (round 13: where a form field's cue ends, see below)
    for m_start, s, cue_str in matches:
        if cue_str in _name_forms.FIELD_SET:
            fields += (s,)
        cue = cue_types[cue_str] if cue_str else "clause"
        slen = 2 if w[s : s + 2] in compound else 1
        strong = cue == "strong"
        if strong and "名" in cue_str and _THING_BEFORE_RE.search(w, max(0, m_start - 6),
                                                                 m_start):
            continue  # 产品名叫季季稳健: the name of a product, not a person
        if cue == "verb" and cue_str == "往" and m_start > 0 and (
            w[m_start - 1] in pp.CUE_WANG_NOT_AFTER
        ):
            continue  # 前往, 开往: a word, not "into (a person's card)"
        if cue == "call" and m_start > 0 and w[m_start - 1] in _NOT_CALLING:
            continue  # 呼叫, 尖叫: 叫 is not "is called" here
        if cue == "naming" and "名" in cue_str and _THING_AFTER_RE.match(
            w, s + slen + _given_name_len(w, s + slen, True)
        ):
            continue  # 名叫安心存的产品: the name of a product
        if cue in _CUE_WEIGHT:
            # 我儿媳妇石磊, 客户经理张磊, 那个叫孔令辉的, 通知一下欧阳晓燕: the cue, what
            # follows and how name-like the given name is together decide
            e = _scored_end(w, s, slen, _CUE_WEIGHT[cue])
            if e is None and cue == "kin" and slen == 1:
                e = _name_forms.kin_name(w, s)  # 我孙子年一鸣才五岁, 我儿子时雨才八岁 (round 11)
            if e is not None and (e - s != 2 or w[s:e] not in _KIN_WORD_SET):
                out.append((s, e, "name"))  # (我给房东转了三千: a relation, round 13)
            continue
        if cue in ("ctx", "ask"):
            # 投诉人汪秀英称 / 请问是卢丹丹本人吗: the words after the name mark its end
            ask = cue_str if cue == "ask" else None
            e = _name_end_before(w, s, slen, None if ask is None else ask.endswith("是"))
            if e is None and ask is not None and not ask.endswith("是"):
                e = _scored_end(w, s, slen, _CUE_WEIGHT["verb"])  # 找一下胡雪岩经理
            if e is not None:
                out.append((s, e, "name"))
            continue
        if strong and "名" in cue_str:  # 名叫安心存的产品: the name of a product
            e = s + slen + _given_name_len(w, s + slen, True)
            if _THING_AFTER_RE.match(w, e):
                continue
        if strong and slen == 1 and w[s] in _VERB_AFTER_ROLE and cue_str[-1:] in _ROLE_NOUN_ENDS:
            continue  # 担保人有符海波, 担保人有两个: 有 is "there is" (a name after it: alone)
        glen = _given_name_len(w, s + slen, strong)
        if glen == 0 and strong:
            glen = _stop_led_given(w, s + slen)  # 我叫牛来福，: 来 starts the given name
        if glen == 0:
            continue
        e = s + slen + glen
        if w[s:e] in pp.NAME_COMMON_WORDS or w[s : e + 1] in pp.NAME_COMMON_WORDS:
            continue
        if (strong and slen == 1 and cue_str[-1:] in _ROLE_NOUN_ENDS
                and w[s : s + 2] in _jieba_words()[1]
                and name_stats().given.get(w[s + 2 : s + 3], -9.0) < _THIRD_GIVEN_MIN):
            continue  # 收货人商品一致: a role noun, then a word (not 收件人黄金凤), nobody named
        if not strong:
            # weak triggers (本人, 我是) need a clean right edge
            clean = _clean_after(w, e)
            weak = cue_str
            if weak == "我是":
                if not any(c in pp.given_name_chars() for c in w[s + slen : e]):
                    continue  # 我是农民, 我是党员: an occupation or a role, not a name
                if not (clean or w[e : e + 2] == "本人"):
                    # 我是莫振东我想查…: no clean edge, so score it like a self-introduction
                    e2 = _scored_end(w, s, slen, _CUE_WEIGHT["self"])
                    if e2 is not None:
                        out.append((s, e2, "name"))
                    continue
            elif slen == 1 and w[s] in pp.AMBIGUOUS_SURNAMES and not clean:
                continue
        out.append((s, e, "name"))
    if fields:
        # round 13: a form field with no colon before a full name, an everyday-word surname
        # too (授权人应晓东，被授权人应晓丽，; 本人车永明于10月3日), where the cue found nothing
        done = {o[0] for o in out}
        for s in fields:
            if s not in done and (e := _name_forms.field_name_at(w, s)) is not None:
                out.append((s, e, "name"))
    # each pattern below runs only when a literal it needs occurs (cheap substring tests)
    if "姓" in w:
        for m in rx.surname_only.finditer(w):
            out.append((m.start("sur"), m.end("sur"), "name"))
        out += _name_forms.role_surnames(w)  # 梁姓客户经理, 姓曹，曹操的曹
        if "叫" in w:
            out += _name_forms.surname_then_name(w)  # 我姓解叫解放 (round 11)
    if "叫" in w:
        out += _name_forms.given_alone(w)  # 客服，叫晓雨还是什么 (round 12)
        if "她" in w or "他" in w:
            out += _name_forms.kin_called(w)  # 我女儿叫温暖她的卡丢了 (round 13)
        if _MONGOLIAN_HINT_RE.search(w):  # 我丈夫叫苏和巴特尔他是蒙古族的 (round 13)
            out += [(*m.span("name"), "name") for m in _MINORITY_NAME_RE.finditer(w)]
    # round 9's forms, each behind a test for a literal it needs (str tests: a regex
    # character-class search for all of them read more instructions under valgrind)
    if "某" in w:
        out += _name_forms.mou_names(w)  # 大堂经理陈某, 户名李某
    if "我" in w[:7]:  # (the pattern is anchored at the turn's start)
        out += _name_forms.asr_self_names(w)  # 我关晓红于上周五…
    if "他" in w or "她" in w:
        out += _name_forms.resumed_names(w)  # 曾强他说卡被吞了
    if "一" in w:
        out += _name_forms.yi_names(w)  # 赵一帆那笔贷款 (round 10)
    if (rare or "叫" in w or "就是" in w) and "的" in w:  # (``rare``: 我是, 我叫, 名字, 本人 …)
        out += _name_forms.spelled_names(w)  # 我是李金花金子的金花朵的花
    for m in rx.reporting.finditer(w) if rare and pp.REPORTING_HINT_RE.search(w) else ():
        s, e = m.span("name")
        slen = 2 if w[s : s + 2] in compound else 1
        if slen == 1 and w[s] in pp.AMBIGUOUS_SURNAMES:
            continue  # 有升级投诉倾向, 平时反映: an everyday word, not a name
        given = w[s + slen : e]
        if given and all(c not in pp.NAME_STOP for c in given) and (
            w[s:e] not in pp.NAME_COMMON_WORDS and w[s:e + 1] not in pp.NAME_COMMON_WORDS
        ):
            out.append((s, e, "name"))
    first = rx.spelled.search(w) if rare else None  # (cheaper than an empty finditer)
    if first is not None:
        out = _before_spelling(w, out, first.start())
    for m in rx.spelled.finditer(w, first.start()) if first else ():
        out.append((m.start(), m.end(), "name"))
        if w[m.end() : m.end() + 2] == "的" + m.group()[-1]:
            out.append((m.end() + 1, m.end() + 2, "name"))  # 木子李的李
        elif (again := _name_forms.spelled_repeat(w, m.end())) is not None:
            out.append(again)  # 口天吴那个吴
    given_chars = pp.given_name_chars()
    for m in rx.relation.finditer(w) if ("是我" in w or "是他" in w or "是她" in w) else ():
        s, e = m.span("name")
        comp = w[s : s + 2] in compound
        given = w[s + 2 : e] if comp else w[s + 1 : e]
        if given and all(c not in pp.NAME_STOP for c in given) and (
            w[s:e] not in pp.NAME_COMMON_WORDS
        ):
            # after a Han character (对对对诸葛明亮是我儿子) the name must look like one
            if s > 0 and pp.is_han(w[s - 1]) and not (
                comp or all(c in given_chars for c in given)
            ):
                continue
            out.append((s, e, "name"))
    if rare and _SIGNATURE_HINT_RE.search(w):
        for m in rx.signature.finditer(w):
            s, e = m.span("name") if m.group("name") else m.span("name2")
            given = w[s + (2 if w[s : s + 2] in compound else 1) : e]
            if given and all(c not in pp.NAME_STOP for c in given) and (
                w[s:e] not in pp.NAME_COMMON_WORDS
            ):
                out.append((s, e, "name"))
    first = rx.title.search(w)
    for m in rx.title.finditer(w, first.start()) if first else ():
        t = m.start()
        if m.group() == "总" and w[t + 1 : t + 2] and w[t + 1] in pp.TITLE_ZONG_NOT_BEFORE:
            continue
        span = _name_before_title(w, t, m.group(), single, compound)
        if span is None and t >= 2 and w[t - 1] == " " and w[t - 2] in single and (
            w[t - 2] not in pp.AMBIGUOUS_SURNAMES and (t == 2 or not pp.is_han(w[t - 3]))
            and not (t >= 4 and w[t - 3] == " " and name_stats().freq.get(
                w[t - 4] + w[t - 2], 0) >= _WORD_BEFORE_MIN)
        ):
            span = (t - 2, t - 1)  # 刘 先生 (a transcript with spaces; not 好 的 谢 谢 女士)
        if span is not None and m.group() in pp.TITLES_SURNAME_ONLY and (
            span[1] - span[0] != (2 if w[span[0] : span[1]] in compound else 1)
            or w[span[0]] in pp.AMBIGUOUS_SURNAMES
            or name_stats().freq.get(w[span[0] - 1 : span[1]], 0) >= _WORD_BEFORE_MIN
        ):
            continue  # 这边专员, 商务助理, 华润顾问: a department or a word, not a surname
        if span is not None and _name_forms.brand_after(w, m.end()):
            continue  # 鲍师傅糕点, 康师傅方便面: a brand named like a person, then its goods
        if span is not None:
            out.append((span[0], span[1], "name"))
    if "年" in w or "-" in w or "/" in w:
        out += _dated_signatures(w, single, compound)  # 以上属实。费德明 2024年2月1日
    if out and _COORDINATOR_RE.search(w):
        out += _coordinated(w, out, single, compound)
    if "、" in w:
        out += _listed(w, single, compound)  # 股东有任浩天、万秋菊两个人
    if "、" in w or "和" in w:
        out += _name_forms.sibling_names(w)  # 常红、常军、常明; 我和曾丽曾伟
    if "老" in w or "小" in w:
        out += _nicknames(w)  # 老王让我来, 上次是小李帮我办的
        out += _name_forms.staff_nicknames(w)  # 贷款顾问小熊，, 柜台的小付说 (round 11)
    # round 13: an engineer's title (黄工), a work number (工号1023的秦晓)
    # an engineer's form of address (黄工在管这个账); 找一下张工: 张, not 张工
    if "工" in w:
        if _name_forms.GONG_GATE_RE.search(w) and (
                gong := [g for g in _name_forms.engineer_titles(w)
                         if w[g[0] : g[0] + 2] not in _jieba_words()[1]
                         and w[g[0] : g[0] + 2] not in _jieba_words()[0]]):
            starts = {g[0] for g in gong}
            out = [o for o in out if o[0] not in starts] + gong
        if (fm := _name_forms.STAFF_ID_RE.search(w)) is not None:
            out += _name_forms.staff_id_names(w, fm)
    # (a name field: 户名, 姓名, 英文名 … hold 名; 我叫 and a colon set ``rare``)
    if (rare or "名" in w) and _LATIN_PAIR_RE.search(w) is not None:
        out += [(*m.span("name"), "name") for m in pp.PINYIN_NAME_RE.finditer(w)]  # 户名：Zhang Wei
    if rare and _RARE_NAME_GATE_RE.search(w):  # the three kinds below
        if "·" in w or "•" in w or "・" in w:
            out += _dotted_names(w)  # 阿依古丽·买买提
        if _MINORITY_HINT_RE.search(w) or _MONGOLIAN_HINT_RE.search(w):
            out += [(*m.span("name"), "name") for m in _MINORITY_NAME_RE.finditer(w)]  # 扎西顿珠
        colon = "：" in w or ":" in w
        if colon or "本人" in w or ("的" in w and ("我是" in w or "我叫" in w or "名字" in w)):
            out += _word_names(w, single, compound, colon)  # 投诉人：夏天， / 我是万里，…
        if "我是" in w:
            out += _name_forms.self_nicknames(w)  # 我是营业部的小黄， (round 10)
    return out


def _before_spelling(w: str, out: list[Span], a: int) -> list[Span]:
    """A name found so far that runs into the first spelled surname at ``w[a]`` ends where the
    spelling starts (我老婆叫蒋丽草头蒋美丽的丽: 蒋丽, not 蒋丽草; round 12); one that starts
    inside it is dropped. Later windows that overlap the spelling lose to it anyway (the
    scorer skips windows over a found span, so 蒋美丽 is not taken either)."""
    kept: list[Span] = []
    for s, e, t in out:
        if t == "name" and s < a < e:
            if a - s >= 2:
                kept.append((s, a, t))
            continue
        kept.append((s, e, t))
    return kept


#: A transliterated name with a middle dot (Uyghur, Kazakh, foreign): 热合曼·吐尔逊. The
#: regex finds a whole chain of Han runs joined by dots; :func:`_dotted_names` then bounds the
#: name's first and last part inside their runs (客户热合曼·吐尔逊说, 和阿依古丽·买买提一起去).
#: A chain of more than three parts is a list (普通客户·近30天投诉3次·愤怒·收费争议·勿营销,
#: a portrait's tag line), not a name.
_DOTTED_NAME_RE: Final = re.compile("[\u4e00-\u9fff]+(?:[·•・][\u4e00-\u9fff]+)+")
#: Characters that occur in transliterated names (阿依古丽, 约翰, 汤普森, 古力娜扎): an everyday
#: word made only of them may be part of the name (古力, 买买提, 居里); one with another
#: character (客户, 一起, 女士, 先生) bounds the name.
_TRANSLIT: Final = frozenset(
    "阿艾爱安昂奥澳巴拜班邦贝本比彼毕别波伯博勃布查达戴黛丹道德得迪蒂丁东杜敦多朵厄恩"
    "尔法凡菲斐费芬丰佛夫弗福盖甘冈戈哥格根古瓜哈海汉豪赫黑亨洪胡华怀霍基吉季加贾杰捷金"
    "晶居娟喀卡凯坎康柯科克肯孔库夸奎昆拉腊莱赖兰朗劳勒雷蕾里力丽利莉联廉列林琳伶龙娄楼"
    "卢鲁陆路伦罗洛玛马迈麦曼芒梅美蒙孟米密敏明摩莫墨默姆木穆纳娜乃奈南内尼妮涅宁纽努"
    "诺欧帕潘庞培佩彭皮珀普齐奇琪乔切钦琴丘屈热仁茹瑞若萨塞赛桑瑟森沙莎山善尚舍什史舒"
    "斯松苏索塔泰坦汤唐陶特提廷汀通图吐托娃瓦万汪旺威韦维温文沃乌伍西希锡夏谢辛欣休"
    "雅亚扬耶伊依因英尤于约泽扎詹章哲珍朱卓兹孜佐则曼逊翰盛顿治茨蒂凯勒尤迦伽蕾斐朗"
    "其格朝买合都不江汗罕别克赛木帕娅丹苏"
)
#: Function characters that never occur in a transliterated name (商品被打开·漏出来了); not 都,
#: which does (阿不都, Abdu).
_DOTTED_STOP: Final = frozenset("了的被过来出打开是在我你他她这那就也还很太吗呢吧啊用看")
#: Characters that end a transliterated name written before or after it (我和…, …说, …来过):
#: the function characters above and a few more verbs and particles.
_DOTTED_BOUND: Final = _DOTTED_STOP | frozenset(
    "说和与跟给叫让把对向从等要想去到会能已又再刚正却没名人主"  # 人/主 end role nouns: 收款人, 户主
)
#: The middle dots that join the parts of a transliterated name.
_DOTS: Final = "·•・"
_DOT_RE: Final = re.compile(f"[{_DOTS}]")
_DOTTED_MAX: Final = 5


#: Not a name: places and brands joined by a dot (杭州·西湖, 中国·上海), a customer segment
#: (普通客户·满意).
_DOTTED_PLACE_RE: Final = re.compile("[省市区县镇乡村路街湖山园城馆店]$|客户$|^中国|^[杭京沪]")
#: Tibetan, Mongolian and Uyghur names with no surname after 叫 / 是 / a colon (扎西顿珠,
#: 巴特尔): the name starts with a common first element.
_MINORITY_FIRST: Final = (
    "扎西|次仁|格桑|多吉|旦增|顿珠|卓玛|央金|德吉|索朗|巴特|乌兰|那日|其其|阿依|阿不|阿布|"
    "买买提|艾力|努尔|古丽|热合|吐尔|帕提"
)
#: More first elements of Mongolian names (round 13: 苏和巴特尔, 哈斯其其格, 宝音, 斯琴图雅),
#: common ones from general knowledge; not 乌云 (dark clouds), 呼和 (呼和浩特), 额尔 (额尔古纳).
#: Searched only after 叫 or the rare-name gate (本人, 我是, a colon …): not in that gate, where
#: each more alternative is tried at every hit of its first characters.
_MONGOLIAN_FIRST: Final = (
    "苏和|哈斯|巴图|巴雅尔|宝音|斯琴|图雅|敖登|孟和|毕力格|阿拉坦|萨仁|其木格|格日勒|额尔敦|那仁"
    "|特木尔|朝鲁"
)
_MONGOLIAN_HINT_RE: Final = re.compile(_MONGOLIAN_FIRST)
_MINORITY_HINT_RE: Final = re.compile(_MINORITY_FIRST)
#: Literal alternatives only, so that ``re`` scans for their first characters as a class.
_RARE_NAME_GATE_RE: Final = re.compile(f"·|•|・|：|:|本人|我是|我叫|名字|{_MINORITY_FIRST}")
_MINORITY_NAME_RE: Final = re.compile(
    # (round 13: after 本人 too, and before a pronoun: 本人哈斯其其格，, 叫苏和巴特尔他是)
    f"(?:[叫是名：:]|(?<=本)人)(?P<name>(?:{_MINORITY_FIRST}|{_MONGOLIAN_FIRST})"
    "[\u4e00-\u9fff]{0,4}?)(?=[，,。；;！!？? ]|$|[，,、]|本人|[我的是他她])"
)


@lru_cache(maxsize=1)
def _rare_hints() -> re.Pattern[str]:
    """The literal alternatives of the clause, reporting, spelled-surname, signature and
    rare-name hints as one pattern (only literal starts, so ``re`` scans for their first
    characters fast)."""
    parts = [pp.CLAUSE_RIGHT_RE.pattern, pp.REPORTING_HINT_RE.pattern,
             pp.name_regexes().spelled.pattern,
             _SIGNATURE_HINT_RE.pattern, _RARE_NAME_GATE_RE.pattern]
    return re.compile("|".join(p[3:-1] if p.startswith("(?:") else p for p in parts))


#: jieba part-of-speech tags of names, places and other proper nouns (阿依古丽 nr, 约翰 nrt).
_PROPER_TAGS: Final = frozenset(("nr", "nrt", "nrfg", "ns", "nt", "nz"))


#: Last characters of strong cues that are bare role nouns (收货人, 联系人, 户主) with no
#: linking 是/为/叫 or colon: a dictionary word right after one is not a name.
_ROLE_NOUN_ENDS: Final = frozenset("人主")
#: ... unless a clearly name-like character follows the word (收件人黄金凤).
_THIRD_GIVEN_MIN: Final = 1.5
#: jieba's tags of person names: a contact-line name may be one of those words (李娜).
_PERSON_TAGS: Final = frozenset(("nr", "nrfg", "nrt"))


@lru_cache(maxsize=1)
def _jieba_words() -> tuple[frozenset[str], frozenset[str]]:
    """Two word sets of jieba's dictionary, read once and only when a text needs them.

    * everyday words: 2–5 characters, frequency ≥ 100, not a proper noun (a dot-joined run
      made only of them is a list of words, not a transliterated name);
    * words that start with a surname and are not person names: 2–4 characters, frequency
      ≥ 5, any other tag (京东, 江苏, 苏宁, 高兴: a contact line's word, not a name).
    """
    from cxtext.text._names_build import jieba_dict_path

    single, compound = pp.surnames()
    everyday, not_person = [], []
    with open(jieba_dict_path(), encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if len(fields) != 3 or not 2 <= len(fields[0]) <= 5:
                continue
            word, freq, tag = fields[0], int(fields[1]), fields[2]
            if tag not in _PROPER_TAGS and freq >= 100:
                everyday.append(word)
            if (len(word) <= 4 and freq >= 5 and tag not in _PERSON_TAGS
                    and (word[0] in single or word[:2] in compound)):
                not_person.append(word)
    return frozenset(everyday), frozenset(not_person)


def _everyday_words() -> frozenset[str]:
    """See :func:`_jieba_words`."""
    return _jieba_words()[0]


def _bounds_name(word: str) -> bool:
    """Whether an everyday word next to a dotted name's part ends it (客户, 一起, 女士): it
    has a character that is not a transliteration character (古力 and 居里 do not)."""
    return word in _everyday_words() and not all(c in _TRANSLIT for c in word)


def _dotted_first(w: str, start: int, dot: int) -> int:
    """Start of a dotted name's first part, which ends at ``dot`` inside the Han run
    ``w[start:dot]`` (客户热合曼 -> 热合曼); -1 when no part of 2–5 characters is bounded."""
    q = dot
    while q > start and dot - q < _DOTTED_MAX:
        if w[q - 1] in _DOTTED_BOUND:
            break
        if dot - q >= 2 and any(q - k >= start and _bounds_name(w[q - k : q]) for k in (2, 3, 4)):
            break
        q -= 1
    else:
        if q > start:  # a run longer than a name, with nothing that bounds it
            return -1
    return q if dot - q >= 2 else -1


def _dotted_last(w: str, begin: int, end: int) -> int:
    """End of a dotted name's last part, which starts at ``begin`` inside the Han run
    ``w[begin:end]`` (买买提一起去的 -> 买买提); -1 when no part of 2–5 characters is bounded."""
    p = begin
    while p < end and p - begin < _DOTTED_MAX:
        if w[p] in _DOTTED_BOUND:
            break
        if p - begin >= 2 and any(p + k <= end and _bounds_name(w[p : p + k]) for k in (2, 3, 4)):
            break
        p += 1
    else:
        if p < end:
            return -1
    return p if p - begin >= 2 else -1


#: What ends a clause: a dotted name's clause holds no other dot.
_CLAUSE_ENDS: Final = "，,。；;！!？?\n\t "
_CLAUSE_END_RE: Final = re.compile(f"[{_CLAUSE_ENDS}]")


def _dots_in_clause(w: str, s: int, e: int) -> int:
    """The middle dots in the clause around ``w[s:e]`` (more than the name's own: a list)."""
    cs = max((w.rfind(c, 0, s) for c in _CLAUSE_ENDS), default=-1) + 1
    m = _CLAUSE_END_RE.search(w, e)
    ce = m.start() if m else len(w)
    return sum(w.count(d, cs, ce) for d in _DOTS)


def _dotted_names(w: str) -> list[Span]:
    """Transliterated names written with a middle dot, not places joined by one, bounded
    inside the Han runs around them (我和阿依古丽·买买提一起去的, 约翰·汤普森来过)."""
    out: list[Span] = []
    for m in _DOTTED_NAME_RE.finditer(w):
        chain = _DOT_RE.split(m.group())
        if len(chain) > 3:
            continue  # 愤怒·收费争议·扬言升级投诉·… (a list)
        if _dots_in_clause(w, m.start(), m.end()) > len(chain) - 1:
            continue  # …·余额10万元·有销户意向·愤怒, …·手机/网上银行故障·有销户意向·…
        first_dot = m.start() + len(chain[0])
        s = _dotted_first(w, m.start(), first_dot)
        e = _dotted_last(w, m.end() - len(chain[-1]), m.end())
        if s < 0 or e < 0:
            continue
        parts = _DOT_RE.split(w[s:e])
        if any(not 2 <= len(p) <= _DOTTED_MAX for p in parts):
            continue
        if any(_DOTTED_PLACE_RE.search(p) or any(c in _DOTTED_STOP for c in p)
               for p in parts):
            continue  # 杭州·西湖, 商品被打开·漏出来了
        if all(p in _everyday_words() for p in parts) or any(
                p in _everyday_words() and not all(c in _TRANSLIT for c in p) for p in parts):
            continue  # 简短·礼貌·急躁 (a portrait's style), 愤怒·失望; 在线客服·晚上 (round 11)
        out.append((s, e, "name"))
    return out


#: A form field with a colon, then a name up to the end of the clause (投诉人：夏天，).
_FORM_NAME_RE: Final = re.compile(
    "(?:投诉人|申请人|姓名|户名|持卡人|联系人|收款人|客户姓名|账户名|受益人|被保险人|投保人"
    "|借款人|担保人|开户人|收件人|收货人|经办人|代理人|委托人|当事人|被投诉人|投诉对象"
    "|紧急联系人|付款人|汇款人|还款人"
    # round 11: more form fields (审核人：冷静)
    "|审核人|复核人|审批人|签收人|领款人|取款人|存款人|办理人|代办人|见证人|监护人|保证人"
    "|共同借款人|推荐人|介绍人|受托人|法定代表人|负责人|签字人|签名|落款)[：:] ?"
    "(?P<name>[\u4e00-\u9fff]{2,4})(?=[，,。；;！!？? ]|$)"
)
#: A form field's value that is a verdict or a blank, not a person (审核人：通过).
_FIELD_NOT_NAME: Final = frozenset(("通过", "同意", "驳回", "拒绝", "待定", "暂无", "不详", "未知",
                                    "空白", "无误", "属实", "本人", "同上"))
#: A self-introduction whose name is then spelled out (我是何平，何况的何; 我叫陈晨，早晨的晨)
#: or confirmed (就是向阳本人).
_SPELLED_NAME_RE: Final = re.compile(
    "(?:(?:我是|我叫|本人|名字叫|名字是)(?P<name>[\u4e00-\u9fff]{2,3}?)"
    "[，, ](?P<spell>[\u4e00-\u9fff]{1,5}?)的(?P<ch>[\u4e00-\u9fff]))"
    "|(?:我是|就是)(?P<name2>[\u4e00-\u9fff]{2,3}?)本人"
)


def _word_names(
    w: str, single: frozenset[str], compound: frozenset[str], colon: bool
) -> list[Span]:
    """Names that are everyday words, where the wording leaves no doubt: a form field with a
    colon (投诉人：夏天，), a self-introduction spelled out character by character (我是万里，
    万里长城的万里; 我是高山，高低的高) or confirmed with 本人 (就是向阳本人)."""
    out: list[Span] = []
    for rx in (_FORM_NAME_RE, _SPELLED_NAME_RE) if colon else (_SPELLED_NAME_RE,):
        for m in rx.finditer(w):
            s, e = m.span("name") if m.group("name") else m.span("name2")
            name = w[s:e]
            if not (name[0] in single or name[:2] in compound) or name in _FIELD_NOT_NAME:
                continue  # 联系人：我自己, 审核人：通过
            if rx is _SPELLED_NAME_RE and m.group("name") and not (
                m.group("ch") in name and m.group("ch") in m.group("spell")
            ):
                continue  # 何况的何: the character spelled out is the name's and the word's
            out.append((s, e, "name"))
    return out


def _nicknames(w: str) -> list[Span]:
    """The surname in a nickname (老王, 小李) when what follows ends it."""
    out: list[Span] = []
    for m in pp.NICKNAME_RE.finditer(w):
        e = m.end()
        nxt = w[e : e + 1]
        if (not nxt or not pp.is_han(nxt) or nxt in pp.NAME_STOP or nxt in pp.NICKNAME_NEXT
                or w[e : e + 2] in pp.NAME_STOP_BIGRAMS or pp.NAME_RIGHT_CUE_RE.match(w, e)
                or w.startswith("客服", e)):  # 小吕客服
            out.append((m.start("sur"), e, "name"))
    return out


_LATIN_PAIR_RE: Final = re.compile("[A-Za-z]{2}")
_LIST_ITEM_RE: Final = re.compile("[\u4e00-\u9fff]+(?:、[\u4e00-\u9fff]+)+")
_LIST_LEFT: Final = frozenset("有括为")


def _listed(w: str, single: frozenset[str], compound: frozenset[str]) -> list[Span]:
    """Names in a bare list joined by 、 (股东有任浩天、万秋菊两个人), with no cue needed.

    Every item must read as a name (a surname, then one or two given characters all common in
    names, not an everyday word) and at least one must be a full three-character name; the
    first item may follow a clean left edge or 有/包括/为, the last must end cleanly.
    """
    given_chars = pp.given_name_chars()

    def name_like(s: int, e: int) -> bool:
        slen = 2 if w[s : s + 2] in compound else 1
        sur, given = w[s : s + slen], w[s + slen : e]
        if (sur not in compound) if slen == 2 else (sur not in single):
            return False
        if not 1 <= len(given) <= 2 or any(c not in given_chars or c in pp.NAME_STOP
                                           for c in given):
            return False
        if w[s:e] in pp.NAME_COMMON_WORDS or given in pp.NAME_STOP_BIGRAMS:
            return False
        return not (slen == 1 and len(given) == 1 and sur in pp.AMBIGUOUS_SURNAMES)

    out: list[Span] = []
    for run in _LIST_ITEM_RE.finditer(w):
        bounds, pos = [], run.start()
        for part in run.group().split("、"):
            bounds.append((pos, pos + len(part)))
            pos += len(part) + 1
        items: list[tuple[int, int]] = []
        last = len(bounds) - 1
        for k, (a, b) in enumerate(bounds):
            if 0 < k < last:
                items.append((a, b) if 2 <= b - a <= 4 and name_like(a, b) else (-1, -1))
                continue
            hit = (-1, -1)
            for n in (3, 4, 2):
                s, e = (b - n, b) if k == 0 else (a, a + n)
                if s < a or e > b or not name_like(s, e):
                    continue
                if k == 0 and not (s == a and _clean_before(w, s) or w[s - 1] in _LIST_LEFT):
                    continue
                if k == last and not (e == b and _clean_after(w, e) or _right_score(w, e) >= 1.0):
                    continue
                hit = (s, e)
                break
            items.append(hit)
        if all(s >= 0 for s, _ in items) and any(
            e - s >= 3 for s, e in items
        ):
            out += [(s, e, "name") for s, e in items]
        elif "人" in w or "们" in w or "俩" in w:
            out += _people_listed(w, bounds, single, compound)
    return out


def _people_listed(w: str, bounds: list[tuple[int, int]], single: frozenset[str],
                   compound: frozenset[str]) -> list[Span]:
    """Every item of a 、-list closed by a word for people (马兰、任真、施展这几个人; round
    11): names even when they are words, if each is two or three characters led by a
    surname; the first item may end a longer run (股东有马兰、…) after a clean edge or
    有/包括/为."""
    (a0, b0), (al, bl) = bounds[0], bounds[-1]
    last = next((al + n for n in (2, 3) if al + n <= bl and _PEOPLE_CLOSE_RE.match(w, al + n)
                 and _surname_led(w, al, al + n, single, compound)), None)
    if last is None or not all(_surname_led(w, a, b, single, compound) for a, b in bounds[1:-1]):
        return []
    first = next((b0 - n for n in (2, 3) if b0 - n >= a0
                  and _surname_led(w, b0 - n, b0, single, compound)
                  and (_clean_before(w, b0 - n) or w[b0 - n - 1] in _LIST_LEFT)), None)
    if first is None:
        return []
    return [(first, b0, "name"), *((a, b, "name") for a, b in bounds[1:-1]), (al, last, "name")]


#: Words that close a list of people and nothing else (…这几个人, …等人, …他们; round 11):
#: after one, every item of a 、-list led by a surname is a name, words included.
_PEOPLE_CLOSE_RE: Final = re.compile(
    "[这那](?:几|两|三)(?:个人|位)|等人|[两三四五]个人|[他她]们|俩")


def _surname_led(w: str, a: int, b: int, single: frozenset[str], compound: frozenset[str]) -> bool:
    """``w[a:b]`` is two or three characters led by a surname, none a stop character."""
    slen = 2 if w[a : a + 2] in compound else 1
    return (2 <= b - a <= 3 and b - a > slen and (w[a] in single or slen == 2)
            and w[a] not in _NOT_SURNAME_AFTER_CUE and w[a:b] not in pp.NAME_COMMON_WORDS
            and all(c not in pp.NAME_STOP for c in w[a + slen : b]))


_COORDINATORS: Final = "、和与及跟"


_DATE_RE: Final = re.compile(r"\d{4}\s*年|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|[二〇零一]{4}年")
_SENTENCE_END: Final = frozenset("。！!.\n")


def _dated_signatures(w: str, single: frozenset[str], compound: frozenset[str]) -> list[Span]:
    """A name standing alone after a sentence end and followed by a date (a signature)."""
    given_chars = pp.given_name_chars()
    out: list[Span] = []
    for d in _DATE_RE.finditer(w):
        e = d.start()
        while e > 0 and w[e - 1].isspace():
            e -= 1
        for length in (3, 2, 4):
            s = e - length
            if s < 0:
                continue
            b = s
            while b > 0 and w[b - 1].isspace():
                b -= 1
            if b > 0 and w[b - 1] not in _SENTENCE_END:
                continue
            slen = 2 if w[s : s + 2] in compound else 1
            if (slen == 1 and w[s] not in single) or length - slen not in (1, 2):
                continue
            if all(c in given_chars for c in w[s + slen : e]) and (
                w[s:e] not in pp.NAME_COMMON_WORDS
            ):
                out.append((s, e, "name"))
                break
    return out


def _coordinated(
    w: str, found: list[Span], single: frozenset[str], compound: frozenset[str]
) -> list[Span]:
    """Names joined to a name already found by 、/和/与/及/跟 (冷少华和宗秀梅, 甘国强、相雨晨).

    After a found name the next one is scored as after a strong cue; before it, a full name
    (surname + 1-2 given characters, all common in names) with a clean left edge is taken.
    """
    given_chars = pp.given_name_chars()
    extra: list[Span] = []
    have = {(s, e) for s, e, _ in found}
    for s, e, _ in found:
        if e - s < 2:
            continue  # a surname before a title (王经理和李主任) is handled by the title rule
        if e < len(w) - 1 and w[e] in _COORDINATORS:
            t = e + 1
            slen = 2 if w[t : t + 2] in compound else 1
            if w[t:t + slen] in compound or w[t] in single:
                e2 = _scored_end(w, t, slen, _CUE_WEIGHT["kin"])
                if e2 is not None and (t, e2) not in have:
                    extra.append((t, e2, "name"))
        if s > 1 and w[s - 1] in _COORDINATORS:
            end = s - 1
            for glen in (2, 1):
                hit = None
                for slen in (2, 1):
                    st = end - glen - slen
                    if st < 0:
                        continue
                    sur, given = w[st : st + slen], w[st + slen : end]
                    if (sur not in compound) if slen == 2 else (sur not in single):
                        continue
                    if not all(c in given_chars and c not in pp.NAME_STOP for c in given):
                        continue
                    if w[st:end] in pp.NAME_COMMON_WORDS or (
                        slen == 1 and sur in _NOT_SURNAME_AFTER_CUE
                    ):
                        continue
                    if _clean_before(w, st) or w[st - 1] in _COORDINATORS:
                        hit = (st, end, "name")
                        break
                if hit is not None:
                    if hit[:2] not in have:
                        extra.append(hit)
                    break
    return extra


_FILLERS: Final = frozenset("的嗯啊呀吧呢哈哦呃")
# Weight of each cue before a name (``_scored_end``); a name needs _NAME_SCORE in all.
_CUE_WEIGHT: Final[dict[str, float]] = {
    "naming": 3.0, "kin": 3.0, "job": 3.0, "call": 2.0, "verb": 2.0, "self": 2.0, "of": 2.0,
    "with": 1.5, "time": 1.5, "is": 1.0, "clause": 1.0, "role": 2.5,
    "meand": 2.5, "kinbare": 2.0,
}  # fmt: skip
_NAME_SCORE: Final = 3.5
_SIGNATURE_HINT_RE: Final = re.compile("此致|落款|签名|敬上|谨上|敬呈|拜上")
_COORDINATOR_RE: Final = re.compile("[、和与及跟]")
_NOT_CALLING: Final = frozenset("呼喊尖吼鸣嚎惊怪乱大")
# Surnames that, right after a cue word, are almost always a conjunction, preposition or
# adverb instead (和, 跟, 都, 后 …).
_NOT_SURNAME_AFTER_CUE: Final = frozenset("和跟与同及向从对给于把被让都也还就后在")
#: ... and verbs that, right after a bare role noun, are never a surname (担保人有符海波,
#: 收款人在…).
_VERB_AFTER_ROLE: Final = frozenset("有在")


def _right_score(w: str, e: int) -> float:
    """How clearly the text at ``e`` ends a name: 2 (本人, 先生 …) down to 0 (more Han text)."""
    if e >= len(w) or not pp.is_han(w[e]):
        return 1.0
    if w.startswith("本人", e) or (
        _title_at(w, e) and not (w[e] == "总" and w[e + 1 : e + 2] in pp.TITLE_ZONG_NOT_BEFORE)
    ):
        return 2.0  # (总会, 总额 … are words, not 总 the title)
    if pp.NAME_RIGHT_CUE_RE.match(w, e):
        return 1.5
    if w[e] in pp.NAME_STOP or w[e : e + 2] in pp.NAME_STOP_BIGRAMS or w[e] in _FILLERS:
        return 1.0
    if pp.NAME_RIGHT_NUMBER_RE.match(w, e):
        return 1.0  # 打给蒲俊两次, 转给禹佳两万块钱
    return 0.0


def _scored_end(w: str, s: int, slen: int, lead: float) -> int | None:
    """End of the name whose surname (``slen`` characters) starts at ``s``, or None.

    The score adds the weight of the cue before (``lead``), how clearly the next words end a
    name (:func:`_right_score`), and the share of given-name characters that are common in
    names (``resources/given_name_chars.txt``); a compound surname adds 0.5, a surname that
    is also an everyday word (和, 于, 常 …) takes 1 off (0.5 before two name-like given
    characters), and a one-character given name 0.5 (two-character words starting with a
    surname are the usual false alarm). Everyday words (``NAME_COMMON_WORDS``) are vetoed
    outright. Two-character given names are tried first.
    """
    if _title_at(w, s + slen):
        return None  # 请问是张小姐吗: a surname and a form of address (handled elsewhere)
    base = lead + (0.5 if slen == 2 else 0.0)
    ambiguous = slen == 1 and w[s] in pp.AMBIGUOUS_SURNAMES
    given_chars = pp.given_name_chars()
    # 高兴坏了, 林业大学, 马上就到; 我妈妈和保姆, 工作人员都彬彬有礼. A strong cue and a
    # three-character name that ends cleanly still count (汇款人祖国栋，用途工资).
    if slen == 1 and (
        w[s : s + 2] in pp.NAME_COMMON_WORDS or w[s] in _NOT_SURNAME_AFTER_CUE
    ) and not (
        lead >= 2.5 and w[s] not in _NOT_SURNAME_AFTER_CUE and s + 3 <= len(w)
        and w[s + 2] in given_chars and w[s + 2] not in _FILLERS and _clean_after(w, s + 3)
    ) and not _full_name_after_cue(w, s, lead):
        return None
    common = pp.NAME_COMMON_WORDS
    found = None
    for glen in (2, 1):
        e = s + slen + glen
        given = w[s + slen : e]
        if len(given) != glen or any(not pp.is_han(c) or c in pp.NAME_STOP for c in given):
            continue
        era = glen == 2 and given in pp.ERA_GIVEN_NAMES  # 我老公马建设的卡 (round 12)
        if not era and (w[s:e] in common or w[s : e + 1] in common
                        or w[s + slen : e + 1] in common):
            continue
        if glen == 2 and not era and (given in pp.NAME_STOP_BIGRAMS or given in common
                                      or w[e - 1 : e + 1] in pp.NAME_STOP_BIGRAMS):
            continue  # (阳阳为您服务: 为您 ends the name)
        name_like = sum(c in given_chars for c in given) / glen
        if name_like == 0 and lead < 3:
            continue  # 给管家部打电话: no given-name character at all after a weak cue
        score = base + _right_score(w, e) - (0.5 if glen == 1 else 0.0) + name_like
        if ambiguous:  # 常婷雪 still reads as a name; 常用 or 方向 do not
            score -= 0.5 if glen == 2 and name_like == 1.0 else 1.0
        if score >= _NAME_SCORE:
            if glen == 1 or given[1] in given_chars or era:
                return e
            if e >= len(w) or not pp.is_han(w[e]):
                return e  # 受益人是戈美玲和戈子墨: nothing after it to end a shorter name
            found = e  # 马超借了: keep looking for a one-character given name
    return found


# Common surnames that are also prepositions (于, 向): after a cue they are a surname only
# before two name-like given characters and a clear end (通知于海龙来拿卡; 通知于本周 is none).
_PREPOSITION_SURNAMES: Final = frozenset("于向")


def _full_name_after_cue(w: str, s: int, lead: float) -> bool:
    if w[s] not in _PREPOSITION_SURNAMES or lead < 2 or s + 3 > len(w):
        return False
    given_chars = pp.given_name_chars()
    given = w[s + 1 : s + 3]
    return (
        all(c in given_chars and c not in pp.NAME_STOP for c in given)
        and given not in pp.NAME_STOP_BIGRAMS and w[s : s + 3] not in pp.NAME_COMMON_WORDS
        and _right_score(w, s + 3) >= 1.0
    )


def _title_at(w: str, i: int) -> bool:
    return pp.name_regexes().title.match(w, i) is not None


def _clean_after(w: str, e: int) -> bool:
    """The name ending at ``e`` is followed by the end, a non-Han character or a filler."""
    return e >= len(w) or not pp.is_han(w[e]) or w[e] in _FILLERS


def _name_end_before(w: str, s: int, slen: int, ask: bool | None) -> int | None:
    """End of a 1-2 character given name at ``w[s + slen:]`` followed by a telling word.

    For context triggers (投诉人, 客户) the word after the name must be a reporting verb
    (来电, 称, 反映 …); for requests (``ask`` False: 找一下, 转给) it must be 本人, 的/在
    or the end of the clause; after 请问是 / 您是 (``ask`` True) only 本人 or the end.
    """
    follow = (pp.NAME_CONTEXT_FOLLOW_RE if ask is None
              else pp.NAME_ASKID_FOLLOW_RE if ask else pp.NAME_ASK_FOLLOW_RE)
    given_chars = pp.given_name_chars()
    if _title_at(w, s + slen):
        return None  # 请问是张小姐吗: a surname and a form of address (handled elsewhere)
    for glen in (2, 1):
        e = s + slen + glen
        given = w[s + slen : e]
        if len(given) != glen or any(not pp.is_han(c) or c in pp.NAME_STOP for c in given):
            continue
        if w[s:e] in pp.NAME_COMMON_WORDS or w[s : e + 1] in pp.NAME_COMMON_WORDS:
            continue
        if w[s + slen : e + 1] in pp.NAME_COMMON_WORDS:
            continue
        if slen == 1 and w[s] in pp.AMBIGUOUS_SURNAMES and (
            (ask is None and glen == 1) or (ask is False and not w.startswith("本人", e))
        ):
            continue
        if follow.match(w, e):
            return e
        if ask and w[e : e + 1] == "吗" and glen == 2 and all(c in given_chars for c in given):
            return e  # 请问您是庹春燕吗 (请问是高利贷吗 is none: 利贷 are not name characters)
    return None


def _clean_before(w: str, s: int) -> bool:
    return s == 0 or not pp.is_han(w[s - 1]) or w[s - 1] in pp.NAME_BEFORE


def _name_before_title(
    w: str, t: int, title: str, single: frozenset[str], compound: frozenset[str]
) -> tuple[int, int] | None:
    """Span of the name right before the form of address at ``w[t]``, if any."""
    given_chars = pp.given_name_chars()
    # full name (surname + 1-2 given characters) needs a clean left edge
    for glen in (2, 1) if title not in pp.TITLES_LONE_SURNAME else ():
        for slen in (2, 1):
            s = t - glen - slen
            if s < 0:
                continue
            sur, given = w[s : s + slen], w[s + slen : t]
            if (sur not in compound) if slen == 2 else (sur not in single):
                continue
            if any(not pp.is_han(c) or c in pp.NAME_STOP for c in given):
                continue
            if w[s:t] in pp.NAME_COMMON_WORDS or w[s:t] in pp.NAME_STOP_BIGRAMS:
                continue
            # a placeholder before (a later pass: [姓名]和大堂经理) counts as running text
            running = s > 0 and (pp.is_han(w[s - 1]) or w[s - 1] == "]")
            if slen == 1 and sur in pp.AMBIGUOUS_SURNAMES and running and (
                    w[s - 1] not in pp.NAME_BEFORE_STRICT):
                continue
            if not _clean_before(w, s) or (s > 0 and w[s - 1 : s + 1] in pp.TITLE_PREV_WORDS):
                continue
            if running and not any(c in given_chars for c in given):
                continue  # 您和配送师傅: in running text the given name must look like one
            return s, t
    for slen in (2, 1):
        s = t - slen
        if s < 0:
            continue
        sur = w[s:t]
        if (sur not in compound) if slen == 2 else (sur not in single):
            continue
        if w[s : t + len(title)] in pp.TITLE_WORDS:
            continue
        if title in pp.TITLES_CLEAN_LEFT and (sur in _name_forms.MOU_NOT_SURNAME or not (
                _clean_before(w, s) or w[max(0, s - 2) : s] in pp.cue_types()
                or (title in pp.TITLES_JOB and w[max(0, s - 2) : s] in pp.TITLE_JOB_HEADS))):
            continue  # 祥林嫂, 浪费大爷时间, 有大爷的日子 (邻居郝大爷: after a cue word)
        if title in pp.TITLES_JOB and (sur in pp.TITLE_JOB_VERBS or (
                sur in pp.AMBIGUOUS_SURNAMES and w[s - 1 : s] not in ("的", "位")
                and not (w[max(0, s - 2) : s] in pp.TITLE_JOB_DEPARTMENTS
                         and sur not in _name_forms.KIN_NOT_SURNAME))):
            continue  # 我是管会计的 (单位的方会计 and 我们村的伍会计 are people; round 12)
        if slen == 1:
            if s > 0 and w[s - 1 : s + 1] in pp.TITLE_PREV_WORDS:
                continue
            if sur in pp.AMBIGUOUS_SURNAMES and not _clean_before(w, s) and not (
                    sur not in _name_forms.KIN_NOT_SURNAME and (
                        w[s - 2 : s] == "一下"
                        or (title == "总" and w[s - 2 : s] in pp.TITLE_ZONG_HEADS)
                        or (title in pp.TITLES_JOB
                            and w[s - 2 : s] in pp.TITLE_JOB_DEPARTMENTS))):
                continue  # (我们老板万总让我来, 你们常总, 找一下任主任: round 12)
        return s, t
    return None


def _addresses(wide: str, hint: re.Match[str] | None = None) -> list[Span]:
    hint = hint or pp.ADDRESS_HINT_RE.search(wide)
    if hint is None:
        return []
    out: list[Span] = []
    pos, n = max(0, hint.start() - 40), len(wide)  # no address prefix is that long
    while pos < n:
        m = pp.ADDRESS_RE.search(wide, pos)
        if m is None:
            break
        if m.end() > m.start() and (_is_address(m) or _continues(wide, out, m)) and (
            not pp.BRANCH_AFTER_RE.match(wide, m.end())
        ) and not (pp.BRANCH_NEAR_RE.match(wide, m.end())
                   and not pp.ADDRESS_NUMBER_RE.search(m.group())):
            start = m.start()
            if wide[start] == "家" and start > 0 and wide[start - 1] in _HOME_OWNERS:
                start += 1  # 寄到我家渝中区…: 家 is "home", not part of the place
            start = _after_soft_word(wide, start, m.end())
            if out and _same_address(wide, out[-1][1], start, m):
                out[-1] = (out[-1][0], m.end(), "address")  # one address, a block name inside
            else:
                out.append((start, m.end(), "address"))
            pos = m.end()
        else:
            pos = m.start() + 1  # a rejected match may hide a real address starting later
    return out


_HOME_OWNERS: Final = frozenset("我你他她您")
#: Characters of real place names (码头路, 得胜路, 可园路) that also end everyday words
#: (密码, 记得, 觉得, 认可): there, the place starts after the word.
_SOFT_PLACE: Final = frozenset("码得可")
_SOFT_PLACE_RE: Final = re.compile("[码得可]")


def _after_soft_word(w: str, start: int, end: int) -> int:
    """Start of an address past an everyday word ending in a soft character (我记得中山路8号:
    记得 is not part of the place; 住在码头路5号 keeps 码头路)."""
    cut = start
    stop = min(end - 2, start + 9)
    if _SOFT_PLACE_RE.search(w, start, stop) is None:
        return start  # (the usual case: no soft character at all)
    for i in range(start, stop):
        if w[i] in _SOFT_PLACE and (
            (w[i] == "码" and w[i + 1] != "头")  # a place's 码 is a wharf, 码头: 验证码, 二维码
            or any(i + 1 - k >= start and w[i + 1 - k : i + 1] in _everyday_words()
                   for k in (2, 3, 4))
        ):
            cut = i + 1  # 记得, 觉得, 认可
    return cut
#: Commas or spaces right after an address element (区, 路, 7008号, 2栋 …) and before a Han
#: character, a digit or a letter: one address may be split there.
_ADDRESS_SEP_RE: Final = re.compile(
    # (大道中: a road's direction; 广场, 中心, 单元: the ends of a block's name or a unit)
    "(?:[省市区县旗镇乡路街道巷弄段号院栋幢座楼层室期厦0-9]|(?<=[路街道])[东西南北中]"
    "|(?<=[广商])场|(?<=中)心|(?<=单)元|(?<=[花家公乐])园|(?<=[新商])城)"
    "(?P<sep>[，,、 ]+)"
    # a number soon after (3号楼 counts: its own digit), maybe past another separator after
    # an address element (南京市，秦淮区，中华路50号)
    "(?=[0-9]|[A-Za-z\u4e00-\u9fff](?:[^，,。；;！!？?]|(?<=[省市区县旗镇乡路街道])[，,、 ]){0,16}?"
    "[0-9])"
)


#: A whole Han run of two to four characters, then what may stand between a name and the
#: number, e-mail or address it is listed with (before the item; the next one: after it).
_CONTACT_GAP = " \t\u3000,，、;；:：/|"
_STARRED_MOBILE_RE: Final = re.compile(r"(?<![0-9*])1[3-9][0-9]\*{4}[0-9]{4}(?![0-9*])")
_CONTACT_BEFORE_RE: Final = re.compile(
    f"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{{2,4}}(?P<gap>[{_CONTACT_GAP}]*)$"
)
_CONTACT_AFTER_RE: Final = re.compile(
    f"(?P<gap>[{_CONTACT_GAP}]*)(?P<run>[\u4e00-\u9fff]{{2,4}})(?![\u4e00-\u9fff])"
)
#: A one-character given name beside a contact item need not be as name-like as one with
#: no context (``SHORT_MIN_GIVEN``): 陈静, 刘洋 (log ratios 1.3 and 0).
_CONTACT_MIN_GIVEN: Final = -0.5
_CONTACT_TYPES: Final = frozenset(("phone", "landline", "id_card", "bank_card", "email",
                                   "address"))


def _contact_names(w: str, cands: list[Span]) -> list[Span]:
    """A name standing alone beside the number, e-mail or address it is listed with (contact
    lines: 北京市朝阳区建国路88号 贺琳 13812345678, 王芳 139 1234 5678, 13812345678 王建国 好的).

    The whole Han run next to the item (only separators between; glued to a number or an
    e-mail is allowed, to an address not) must be a surname and one or two given-name
    characters (a compound surname and one or two): a single given character clearly
    name-like, two not unlike a name, and the run not a dictionary word other than a person's
    name (京东, 江苏, 高兴) nor a form of address (先生), and not ending like a place (梅龙镇).
    """
    out: list[Span] = []
    n = len(w)
    for s0, e0, typ in cands:
        if typ not in _CONTACT_TYPES:
            continue
        # (a cheap look at the neighbour first: most items stand inside running text)
        if s0 >= 2 and (w[s0 - 1] in _CONTACT_GAP or _han(w[s0 - 1])):
            m = _CONTACT_BEFORE_RE.search(w, max(0, s0 - 16), s0)
            if m is not None and (m.group("gap") or typ != "address"):
                s, e = m.start(), m.start("gap")
                if _contact_name_like(w, s, e, cands):
                    out.append((s, e, "name"))
        if e0 + 2 <= n and (w[e0] in _CONTACT_GAP or _han(w[e0])):
            m = _CONTACT_AFTER_RE.match(w, e0)
            if m is not None and (m.group("gap") or typ != "address"):
                s, e = m.span("run")
                if _contact_name_like(w, s, e, cands):
                    out.append((s, e, "name"))
    return out


#: A greeting after a name: 张伟 您好 (an agent opening a chat with the customer's name).
_GREETING_RE: Final = re.compile("[您你]好")


def _greeted_names(w: str) -> list[Span]:
    """A name on its own right before 您好/你好 (张伟 您好, 孙阳你好), judged like a contact
    line's name (各位, 老师, 美女, 师傅 are words)."""
    out: list[Span] = []
    for g in _GREETING_RE.finditer(w):
        k = g.start()
        m = _CONTACT_BEFORE_RE.search(w, max(0, k - 12), k) if k >= 2 else None
        if m is not None and _contact_name_like(w, m.start(), m.start("gap"), []):
            out.append((m.start(), m.start("gap"), "name"))
    return out


def _contact_name_like(w: str, s: int, e: int, cands: list[Span]) -> bool:
    single, compound = pp.surnames()
    slen = 2 if w[s : s + 2] in compound else 1
    given = w[s + slen : e]
    if not 1 <= len(given) <= 2 or (slen == 1 and w[s] not in single):
        return False
    ratios = name_stats().given
    if any(c not in ratios for c in given) or given in KIN or given[-1] in NOT_LAST:
        return False
    if any(a < e and s < b for a, b, _ in cands):
        return False
    if len(given) == 1:
        if ratios[given] < _CONTACT_MIN_GIVEN or (slen == 1 and w[s] in pp.AMBIGUOUS_SURNAMES):
            return False
    elif ratios[given[0]] + ratios[given[1]] < THRESHOLD:
        return False
    word = w[s:e]
    return word not in pp.NAME_COMMON_WORDS and word not in _jieba_words()[1]


#: A word this frequent (jieba) made of the character before a surname and the surname.
_WORD_BEFORE_MIN: Final = 40

#: What joins the items of a list of names (longest first).
_LIST_SEPS: Final = ("还有", "以及", "或者", "、", "，", ",", " ", "和", "跟", "与", "及", "或")
_LIST_SEP_RE: Final = re.compile("|".join(_LIST_SEPS))
_LIST_SEP_AFTER_RE: Final = re.compile(f"(?:{'|'.join(_LIST_SEPS)}) *")  # (spaces: one separator)
_LIST_SEP_BEFORE_RE: Final = re.compile(f"(?:{'|'.join(_LIST_SEPS)}) *$")


def _list_neighbours(w: str, cands: list[Span]) -> list[Span]:
    """Names listed beside a name already found (李娜和赵刚, 王磊、张敏、刘洋均未…, 韦丹，韦刚).

    When one item of a list is a name, an item of the same shape joined to it by 、/，/a
    space/和/跟/与/及/还有 is one too: a surname and one or two given-name characters with
    clean outer edges, judged like a contact line's name (:func:`_contact_name_like`: not a
    dictionary word other than a person's name, not a form of address or a place). Items of
    the found name's length are tried first; each new name is a seed in turn.
    """
    single, compound = pp.surnames()
    out: list[Span] = []
    found = list(cands)
    seeds = [(s, e) for s, e, t in cands if t == "name" and 2 <= e - s <= 4]
    n = len(w)
    while seeds:
        s0, e0 = seeds.pop()
        size = e0 - s0
        lengths = (size, 5 - size, 4) if size in (2, 3) else (3, 2, 4)
        hits: list[tuple[int, int]] = []
        m = _LIST_SEP_AFTER_RE.match(w, e0)  # to the right
        if m is not None:
            t = m.end()
            for ln in lengths:
                e = t + ln
                if e <= n and _list_item_end(w, e) and _listed_name_like(
                        w, t, e, found, single, compound):
                    hits.append((t, e))
                    break
        m = _LIST_SEP_BEFORE_RE.search(w, max(0, s0 - 8), s0)  # to the left
        if m is not None:
            end = m.start()
            for ln in lengths:
                b = end - ln
                if b >= 0 and _list_item_start(w, b) and _listed_name_like(
                        w, b, end, found, single, compound):
                    hits.append((b, end))
                    break
        for s, e in hits:
            out.append((s, e, "name"))
            found.append((s, e, "name"))
            seeds.append((s, e))
    return out


#: Log ratio each given character of a listed name needs after an everyday-word surname.
_LISTED_AMBIGUOUS_MIN: Final = 1.0


#: Words that close a list of people (…、高洁这几个人, …等人, …他们): round 10.
_LIST_CLOSE_RE: Final = re.compile(
    "[这那](?:几|些|两|三)|几[个位]|等人|等几|[两三四五]个人|[他她]们|俩")


def _list_item_end(w: str, e: int) -> bool:
    return (e >= len(w) or not _han(w[e]) or w[e] in BARE_RIGHT or w[e] == "一"  # 一起
            or _LIST_SEP_RE.match(w, e) is not None or _LIST_CLOSE_RE.match(w, e) is not None)


def _closes_a_list(w: str, s: int, e: int, found: list[Span]) -> bool:
    """``w[s:e]`` is the last item of a 、-list after a name found, and a word for the
    people listed follows (石峰、金淼、高洁这几个人): a name even when it is a word."""
    return (s >= 1 and w[s - 1] == "、" and _LIST_CLOSE_RE.match(w, e) is not None
            and any(b == s - 1 and t == "name" for _, b, t in found))


def _list_item_start(w: str, b: int) -> bool:
    return (b == 0 or not _han(w[b - 1]) or w[b - 1] in BARE_LEFT or w[b - 1] in LEFT_OK
            or _LIST_SEP_BEFORE_RE.search(w, max(0, b - 8), b) is not None)


def _listed_name_like(w: str, s: int, e: int, found: list[Span], single: frozenset[str],
                      compound: frozenset[str]) -> bool:
    if not all(_han(c) for c in w[s:e]):
        return False
    slen = 2 if w[s : s + 2] in compound else 1
    if slen == 1 and w[s] not in single:
        return False
    if w[e : e + 1] == "的" and w[e + 1 : e + 2] in w[s:e]:
        return False  # 我是梅花，梅树的梅: a character spelled out, not a second name
    if _closes_a_list(w, s, e, found):  # …、高洁这几个人: a word, but listed with names
        given = name_stats().given
        return all(given.get(c, -9.0) > 0.0 for c in w[s + slen : e]) and not any(
            a < e and s < b for a, b, _ in found)
    if slen == 1 and w[s] in pp.AMBIGUOUS_SURNAMES:
        # 方敏、江涛; 付晓梅和吴迪: an everyday-word surname needs a clearly name-like given
        # name and no dictionary word at all (方便, 和平)
        st = name_stats()
        given = w[s + 1 : e]
        if any(st.given.get(c, -9.0) < _LISTED_AMBIGUOUS_MIN for c in given) or any(
            w[a:b] in st.freq for a in range(s, e - 1) for b in range(a + 2, e + 1)
        ) or w[s:e] in _jieba_words()[1]:
            return False
        if len(given) == 2:
            return _contact_name_like(w, s, e, found)
        return not any(a < e and s < b for a, b, _ in found) and (
            w[s:e] not in pp.NAME_COMMON_WORDS)
    return _contact_name_like(w, s, e, found)


def _joined_addresses(wide: str) -> list[Span]:
    """Addresses split by commas or spaces (江北区 观音桥步行街 9号 2栋 1102): the separators
    after address elements are taken out, the addresses found in what is left are mapped back
    and kept when they span a separator (the pieces on their own are found as before)."""
    keep = [True] * len(wide)
    for m in _ADDRESS_SEP_RE.finditer(wide):
        for k in range(*m.span("sep")):
            keep[k] = False
    index = [k for k, ok in enumerate(keep) if ok]
    joined = "".join(wide[k] for k in index)
    out: list[Span] = []
    for s, e, typ in _addresses(joined):
        start, end = index[s], index[e - 1] + 1
        if end - start == e - s:
            continue  # no separator inside: found as before
        cut = next(k for k in range(start, end) if not keep[k])
        head, tail = wide[start:cut], wide[cut:end].lstrip("，,、 ")
        # a number after the first separator (深南大道7008号, 9号 2栋 1102); not a repeat
        # (住在2号楼，2号楼没有电梯) nor a district and a word (闹市区，但靠花园)
        if head != tail[: len(head)] and any(c.isdigit() for c in tail):
            out.append((start, end, typ))
    return out


#: Characters that end a block name read leftwards from a building number (融创壹号院|5号楼):
#: function words, cue words of an address, punctuation.
_BLOCK_STOP: Final = frozenset(
    "的是在了我你他她它们这那就也都还要把被让给到去来说请问吗呢吧啊呀哦嗯跟与及或从对向往"
    "住址寄送搬迁位于处地点楼栋单元室，,。；;！!？?：:、()（）\"“”'[] \t\n"
)
#: An address that starts like this has its own head (a province, city, county or road).
_HEADED_RE: Final = re.compile("[^，,。；;！!？? ]{0,6}?(?:省|市|县|路|街|大道|镇|乡|村)")
_BLOCK_MAX: Final = 10
#: A building, unit or room number: what an estate name stands before.
_BUILDING_NUM_RE: Final = re.compile("[0-9A-Za-z零一二三四五六七八九十]+(?:号楼|栋|幢|座|单元|室)")


#: After a number's 号 these make it a metro line, an exit, a gate, a window or a counter
#: (人民广场3号线, 3号口出), not a street or building number.
_NOT_ADDRESS_NUMBER_NEXT: Final = frozenset("线窗台柜机")
_NOT_ADDRESS_NUMBER_WORDS: Final = frozenset(("口出", "口进", "出口", "入口", "门进", "门出"))


def _numbered_thing(wide: str, a: Span) -> bool:
    """The address ``a`` ends in 号 followed by a line, exit, gate or window (3号线)."""
    e = a[1]
    return wide[e - 1] == "号" and (wide[e : e + 1] in _NOT_ADDRESS_NUMBER_NEXT
                                    or wide[e : e + 2] in _NOT_ADDRESS_NUMBER_WORDS)


def _with_block_name(wide: str, a: Span) -> Span:
    """An address found from its building number on (5号楼2单元1501, 园东区3号楼, 9栋 1203)
    extended leftwards over the estate name glued to it (融创壹号院, 和谐家园, 金色港湾 with one
    space, 阳光100国际新城): Han, Latin or digit characters up to a function word, an address
    cue (地址, 住, 寄到) or punctuation, at most ``_BLOCK_MAX`` of them. An address with a head
    of its own (a city, county or road) is left as it is."""
    s, e, typ = a
    if s == 0 or _HEADED_RE.match(wide, s, e) or not _BUILDING_NUM_RE.search(wide, s, e):
        return a
    k = s - 1 if wide[s - 1] == " " else s
    b = k
    while b > 0 and k - b < _BLOCK_MAX and (
            wide[b - 1] not in _BLOCK_STOP or (b == k and wide[b - 1] == "都")) and (
            _han(wide[b - 1]) or wide[b - 1].isascii() and wide[b - 1].isalnum()):
        b -= 1  # (都 right before the number ends a name, 恒大名都3期: the adverb takes a verb)
    if k - b < 2 or (b > 0 and k - b == _BLOCK_MAX and wide[b - 1] not in _BLOCK_STOP):
        return a  # nothing glued, or a longer run of text (not a block name)
    return (b, e, typ)


def _finish_addresses(wide: str, spans: list[Span]) -> list[Span]:
    """Addresses found, less numbered things (3号线), each with its estate name glued on and
    the building-unit-room or house number that follows it (round 13)."""
    return [_with_tail(wide, _with_block_name(wide, a)) for a in spans
            if not _numbered_thing(wide, a)]


#: After an address, a second block name and a dashed building-unit-room number (华苑新城
#: 碧华里6-2-401), or, after a village, a hamlet and its house number written in digits or
#: Chinese (伏唐村那汉坡十五号): both belong to the address (round 13). The block name holds
#: no function word, cue or punctuation (pp.ADDRESS_GAP_RE); the hamlet is one to four Han
#: characters and no 那边/那里/附近 … (住在伏唐村那边十五号才走: no hamlet).
_ADDRESS_TAIL_RE: Final = re.compile(
    "(?P<block>(?:(?![我你他她它您们的是在住到寄送址了就也去这那还要想把给请说与及或被让叫吗呢吧啊呀"
    "哦嗯喂往搬投诉办查询问找打话对跟和刚已过着得很才又再可以每电])[\u4e00-\u9fffA-Za-z])"
    "[\u4e00-\u9fffA-Za-z0-9]{0,7}?)?"
    "[0-9]{1,3}-[0-9]{1,3}-[0-9]{3,4}(?![0-9-]|[年月日号])"
)
_HAMLET_TAIL_RE: Final = re.compile(
    "(?<=[村屯组])(?!那[边里个儿些]|那天|附近|旁边|对面|门口)[\u4e00-\u9fff]{1,4}?"
    "(?:[0-9]{1,4}|[一二三四五六七八九十百]{1,4})号(?![0-9线窗台柜机楼院码])"
)
_TAIL_HAMLET_NOT: Final = frozenset("的是在了我你他她就也都还要把被让给到去来说过")


def _with_tail(wide: str, a: Span) -> Span:
    """``a`` extended over a block name and a dashed number, or a hamlet and a house number,
    right after it (see :data:`_ADDRESS_TAIL_RE`)."""
    s, e, typ = a
    nxt = wide[e : e + 1]
    if not nxt or not (pp.is_han(nxt) or nxt.isascii() and nxt.isalnum()):
        return a
    if "-" in wide[e : e + 20] and (m := _ADDRESS_TAIL_RE.match(wide, e)) is not None:
        return (s, m.end(), typ)
    if wide[e - 1] in "村屯组" and (m := _HAMLET_TAIL_RE.match(wide, e)) is not None and not any(
            c in _TAIL_HAMLET_NOT for c in wide[e : m.end()]):
        return (s, m.end(), typ)
    return a


def _continues(wide: str, out: list[Span], m: re.Match[str]) -> bool:
    """A building and room (2座1505) right after an address found just before continues it
    (…第三大街51号泰达MSD-A区2座1505), though on its own it would be too weak."""
    units = m.group("units3")
    # (round 13: a room alone after a tower or block name, 中信广场东塔2806室)
    return bool(out and units and (_ROOM_AFTER_BUILDING_RE.search(units) or (
        m.start() > out[-1][1] and _ROOM_ALONE_RE.fullmatch(units)))
                and _same_address(wide, out[-1][1], m.start(), m))


_ROOM_ALONE_RE: Final = re.compile("[0-9]{3,4}室|[0-9]{1,2}[楼层][0-9]{3,4}室?")


def _same_address(wide: str, prev_end: int, start: int, m: re.Match[str]) -> bool:
    """The address piece ``m`` continues the one ending at ``prev_end``.

    True when only a block name (Han place characters, Latin letters, digits) stands between
    them and ``m`` adds a block or units rather than starting a new street address: 金开大道1号
    龙湖MOCO中心2栋1703, 香港中路40号数码港旗舰大厦15楼, 莫干山路766号浙江省…宿舍3幢.
    """
    if start - prev_end > 12 or pp.ADDRESS_GAP_RE.fullmatch(wide, prev_end, start) is None:
        return False
    return not m.group("road") or not (m.group("rnum") or m.group("prov") or m.group("city"))


def _is_address(m: re.Match[str]) -> bool:
    g = m.groupdict()
    admin = bool(g["prov"] or g["city"] or g["dist"] or g["city2"] or g["dist2"] or g["dist3"])
    region = admin or bool(g["town"])
    if g["road"]:
        # a province alone does not make a street an address (北京路步行街)
        placed = region and not (g["prov"] and not (g["city"] or g["dist"] or g["town"]))
        return bool(g["rnum"] or placed or (g["units"] and pp.STRONG_UNIT_RE.search(g["units"])))
    if g["comm2"]:
        units = g["units2"]
        if not pp.COMM_SUFFIX_RE.search(g["comm2"]):  # a bare name before 3栋…: judge the units
            # a numbered area or phase ends the name (翠湖天地三期, 和平里七区): one more unit
            return bool(units) and _unit_chain(
                units, region or _NUMBERED_AREA_RE.search(g["comm2"]) is not None, named=True
            )
        if units:
            return bool(pp.STRONG_UNIT_RE.search(units) or units[0].isdigit() or region
                        or (g["comm2"][-1] == "村" and "组" in units))  # 光明村五组(12号)
        # 南山区粤海街道科技园: a block placed down to the street office is specific enough
        return region and (pp.COMM_RESIDENTIAL_RE.search(g["comm2"]) is not None
                           or bool(admin and g["town"]))
    return _unit_chain(g["units3"] or "", region)


def _unit_chain(units: str, region: bool, *, named: bool = False) -> bool:
    """``3栋1201室`` or ``2单元301室`` are addresses, ``12栋`` or ``5楼3号`` alone are not;
    after a block name (``named``) a building and a room are enough (翠湖天地2号楼1703).
    Numbers written in Chinese count as digits where a room or unit is named
    (二十三座一零零二室; not 3号楼三楼, a floor of a hotel building)."""
    if _ROOM_WORD_RE.search(units):
        units = units.translate(_CN_DIGITS)
    strong = len(pp.STRONG_UNIT_RE.findall(units))
    if strong >= 1 and _ROOM_AFTER_UNIT_RE.search(units):
        return True  # B座1208, 3栋1201: a building and a room number
    if named and _ROOM_AFTER_BUILDING_RE.search(units):
        return True  # 翠湖天地2号楼1703 (入住了2号楼1102 alone is a hotel room)
    return strong >= 2 or (strong >= 1 and (region or len(re.findall(r"\D+", units)) >= 2))


_ROOM_WORD_RE: Final = re.compile("室|单元|户")
_CN_DIGITS: Final = str.maketrans("零〇一二两三四五六七八九十幺", "00122345678911")
_ROOM_AFTER_UNIT_RE: Final = re.compile(r"[栋幢座塔元]-?\d{3,4}$")
_ROOM_AFTER_BUILDING_RE: Final = re.compile(r"[0-9A-Za-z](?:[栋幢座塔]|号楼|单元)-?\d{3,4}$")
_NUMBERED_AREA_RE: Final = re.compile("[0-9零〇一二两三四五六七八九十]{1,3}[区期]$")


# --- resolution -----------------------------------------------------------------------------


#: An estate's name and a building-unit-room number written with dashes (11-2-1803) right
#: after an address cue (住址：万科金域华府11-2-1803; round 12): the dashed triple is no phone
#: or amount there, and the name before it belongs to the address.
_ESTATE_DASHED_RE: Final = re.compile(
    "(?:住址|地址|现住|住在|家住|寄到|送到|搬到)[：: ]?"
    "(?P<addr>(?![那这哪的是在])[\u4e00-\u9fff]{2,12}?(?:[A-Za-z]区|[A-Za-z])?"
    "[0-9]{1,3}-[0-9]{1,3}-[0-9]{3,4})(?![0-9-]|[年月日号])"
)


def _detect(text: str) -> list[Span]:
    """All non-overlapping detections in ``text``, in text order."""
    wide = pp.translate(text, pp.WIDTH_TABLE, pp.NEEDS_WIDTH_RE)
    wide = pp.simplified_view(wide)  # names and places written in Traditional characters
    cands: list[Span] = []
    if _DIGIT_RUN_RE.search(text):
        norm = pp.translate(text, pp.DIGIT_TABLE, pp.DIGIT_TABLE_RE)
        if _CN_DIGIT_RE.search(text):
            fixes = [(m.start(), text[m.start()]) for m in pp.CN_DIGIT_WORD_RE.finditer(text)]
            fixes += [(k, "-" if m.group() == "杠" else " ")
                      for m in pp.CN_DIGIT_SEP_RE.finditer(text) for k in range(*m.span())]
            if fixes:
                chars = list(norm)
                for k, ch in fixes:
                    chars[k] = ch
                norm = "".join(chars)
        if "." in norm:
            norm = pp.DOTTED_MOBILE_RE.sub(lambda m: m.group().replace(".", " "), norm)
        cands += _numbers(text, norm)
    if pp.EMAIL_HINT_RE.search(wide):  # (most texts: no call)
        cands += _emails(wide)
    hint = pp.ADDRESS_HINT_RE.search(wide)
    if hint is not None:
        cands += _finish_addresses(wide, _addresses(wide, hint))
        if _ADDRESS_SEP_RE.search(wide):
            # 福田区，深南大道7008号，阳光高尔夫大厦1205
            cands += _finish_addresses(wide, _joined_addresses(wide))
    if ("镇" in wide or "乡" in wide) and (m := pp.ADMIN_TOWN_RE.search(wide)) is not None:
        cands.append((*m.span("addr"), "address"))  # 户籍地址：四川省南充市仪陇县马鞍镇
    if "-" in wide and (m := _ESTATE_DASHED_RE.search(wide)) is not None:
        cands.append((*m.span("addr"), "address"))  # 住址：保利香槟国际C区9-2-301 (round 12)
    # a mobile number already masked with stars (139****2231) is no personal data itself, but
    # a name standing beside it is listed with it: 卢建 139****2231
    starred = ([(*m.span(), "phone") for m in _STARRED_MOBILE_RE.finditer(wide)]
               if "*" in wide else [])
    if cands or starred:
        cands += _contact_names(wide, cands + starred)  # 北京市…88号 贺琳 13812345678
    if "您好" in wide or "你好" in wide:
        cands += _greeted_names(wide)
    cands += _names(wide)
    # names with no cue word (丁建民12月5号打过来…): scored windows that nothing else claimed
    if _names_model.USE_MODEL:  # one search: a hand-screen window, a model window, or none
        fhint, window = _names_model.gate(wide)
    else:
        fhint, window = name_stats().either.search(wide), False  # most texts hold no window
    if fhint is not None:
        cands += [c for c in free_names(wide, fhint)
                  if not any(c[0] < e and s < c[1] for s, e, _ in cands)]
    if window:
        # the learned window scorer: a second opinion on windows nothing above claimed
        cands += _names_model.learned_names(wide, cands)
    if not cands:
        return []
    if any(t == "name" for _, _, t in cands):
        # vetoes: 周大福的金条, 李佳琦直播 (a brand or a public figure); 收款人那一栏 (a
        # demonstrative); 苏州的苏芸芸众生的芸 (no name starts at a character just spelled)
        spelled = "的" in wide
        cands = [c for c in cands if c[2] != "name" or not (
            _name_forms.brand_after(wide, c[1]) or _name_forms.demonstrative_at(wide, c[0])
            or _name_forms.shop_at(wide, c[0], c[1]) or _name_forms.works_after(wide, c[1])
            or (spelled and _name_forms.spelled_given_start(wide, c[0])))]
        if _LIST_SEP_RE.search(wide):
            cands += _list_neighbours(wide, cands)  # 李娜和赵刚, 王磊、张敏、刘洋均未…
    if "[" in text:  # never match inside an existing placeholder (keeps masking idempotent)
        held = [m.span() for m in _PLACEHOLDER_RE.finditer(text)]
        if held:
            cands = [c for c in cands if not _overlaps(held, c[0], c[1])]
    cands.sort(key=lambda c: (c[0] - c[1], _PRIORITY[c[2]], c[0]))
    # longest first; a candidate is taken when it overlaps nothing taken so far. The taken
    # spans never overlap, so sorted by start they are sorted by end too: bisect finds the
    # only two neighbours that could overlap (linear-log, not quadratic, on a 1 MB text).
    taken: list[tuple[int, int]] = []
    types: dict[int, str] = {}
    for s, e, typ in cands:
        if not _overlaps(taken, s, e):
            bisect.insort(taken, (s, e))
            types[s] = typ
    return [(s, e, types[s]) for s, e in taken]


#: The kinship and social words of the kin cue (房东, 同事, 老板 …) as a set: a name span that
#: is one of them names nobody (我给房东钱玉芳交房租: 房东 read after the cue 给; round 13).
_KIN_WORD_SET: Final = frozenset(
    x for x in pp.KIN_WORDS.split("|") if x and all(pp.is_han(c) for c in x)
)


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """``[s, e)`` overlaps one of ``spans`` (sorted, non-overlapping)."""
    k = bisect.bisect_left(spans, (s, s))
    return (k > 0 and spans[k - 1][1] > s) or (k < len(spans) and spans[k][0] < e)


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


# --- public API -----------------------------------------------------------------------------


def find_pii(text: str, *, types: Iterable[str] | None = None) -> list[PiiMatch]:
    """Find personal data in one text.

    Parameters
    ----------
    text : str
        The text to scan.
    types : iterable of str, optional
        Subset of :data:`PII_TYPES` to report; ``None`` (default) reports all. Detection
        and overlap resolution always consider every type; the result is what
        ``mask_pii(text, types=types)`` replaces.

    Returns
    -------
    list of PiiMatch
        Non-overlapping matches in text order: exactly the spans :func:`mask_pii` replaces
        with placeholders, in offsets of ``text``. Like :func:`mask_pii` it looks again at
        the text with the matches masked, so a name found only then (a signature 杜晶 after
        本人杜晶) is reported too.

    Raises
    ------
    TypeError
        If ``text`` is not a ``str``.
    ValueError
        If ``types`` names an unknown type.

    Examples
    --------
    >>> [(m.type, m.value) for m in find_pii("我叫张伟，手机一三八一二三四五六七八")]
    [('name', '张伟'), ('phone', '一三八一二三四五六七八')]
    """
    wanted = _check_types(types, "find_pii")
    if not isinstance(text, str):
        raise type_error("find_pii", text)
    return [PiiMatch(typ, s, e, text[s:e]) for s, e, typ in _passes(text, wanted)]


_TYPE_INDEX: Final[dict[str, int]] = {t: k for k, t in enumerate(PII_TYPES)}
_MEMO_MAX: Final = 65_536  # distinct texts remembered within one mask_pii_many call


def _replaced(text: str, spans: list[Span]) -> str:
    """``text`` with each span (sorted, non-overlapping) replaced by its placeholder."""
    parts, last = [], 0
    for s, e, typ in spans:
        parts += [text[last:s], PLACEHOLDERS[typ]]
        last = e
    parts.append(text[last:])
    return "".join(parts)


def _to_original(found: list[Span], spans: list[Span]) -> list[Span]:
    """Offsets of ``spans``, found in the text masked at ``found`` (original offsets, sorted),
    mapped back to the original text. A later pass never matches inside a placeholder
    (``_detect``), so every span lies between two of them."""
    out: list[Span] = []
    k, shift = 0, 0  # shift: original offset minus masked-text offset, left of found[k]
    for s, e, typ in spans:
        while k < len(found):
            a, b, t = found[k]
            width = len(PLACEHOLDERS[t])
            if a - shift + width > s:  # placeholder k ends after this span starts
                break
            shift += (b - a) - width
            k += 1
        out.append((s + shift, e + shift, typ))
    return out


def _passes(text: str, wanted: frozenset[str], first: list[Span] | None = None) -> list[Span]:
    """What masking replaces, in original offsets: :func:`_detect` run again on the masked
    text until it finds nothing new (at most ``_MAX_PASSES`` runs). A name is sometimes found
    only once the same name next to it is masked (杜晶 in a signature, after 本人杜晶).
    ``first``: the first pass's result when the caller has it already."""
    found: list[Span] = []
    masked = text
    for k in range(_MAX_PASSES):
        spans = first if k == 0 and first is not None else _detect(masked)
        if wanted is not _ALL_TYPES:
            spans = [sp for sp in spans if sp[2] in wanted]
        if not spans:
            break
        found = sorted(found + _to_original(found, spans)) if found else spans
        masked = _replaced(text, found)
    return found


def _mask_counted(text: str, wanted: frozenset[str]) -> tuple[str, list[int] | None]:
    """Masked text and the count of each type (in ``PII_TYPES`` order; None when all 0)."""
    first = _detect(text)  # (most texts hold nothing: one pass, no further call)
    if not first or (wanted is not _ALL_TYPES and not any(sp[2] in wanted for sp in first)):
        return text, None
    found = _passes(text, wanted, first)
    counts = [0] * len(PII_TYPES)
    for _, _, typ in found:
        counts[_TYPE_INDEX[typ]] += 1
    return _replaced(text, found), counts


def mask_pii(text: str, *, types: Iterable[str] | None = None) -> str:
    """Replace personal data in one text with typed placeholders.

    Parameters
    ----------
    text : str
        The text to mask.
    types : iterable of str, optional
        Subset of :data:`PII_TYPES` to mask; ``None`` (default) masks all.

    Returns
    -------
    str
        The text with each match replaced by ``PLACEHOLDERS[type]``. Masking is idempotent:
        ``mask_pii(mask_pii(t)) == mask_pii(t)``.

    Raises
    ------
    TypeError
        If ``text`` is not a ``str`` (use :func:`mask_pii_many` for columns with missing
        values).
    ValueError
        If ``types`` names an unknown type.

    Examples
    --------
    >>> mask_pii("我叫张伟，手机号138 1234 5678，卡号6222 0212 3456 7890 128")
    '我叫[姓名]，手机号[手机号]，卡号[银行卡号]'
    >>> mask_pii("王先生您好，本月账单5000元")
    '[姓名]先生您好，本月账单5000元'
    """
    wanted = _check_types(types, "mask_pii")
    if not isinstance(text, str):
        raise type_error("mask_pii", text)
    return _mask_counted(text, wanted)[0]


def mask_pii_many(
    texts: Iterable[str | None] | pd.Series,
    *,
    types: Iterable[str] | None = None,
    audit: PiiAudit | None = None,
    step: str = "mask_pii_many",
) -> pd.DataFrame:
    """Mask a column of texts and count what was masked.

    Parameters
    ----------
    texts : pandas.Series or iterable of str
        Texts to mask. Missing values (``None``, ``NaN``, ``pd.NA``) are allowed. The input
        is never modified.
    types : iterable of str, optional
        Subset of :data:`PII_TYPES` to mask; ``None`` (default) masks all.
    audit : cxtext.PiiAudit, optional
        Run audit that receives the counts (never the values) of this call.
    step : str, default "mask_pii_many"
        Name of this call in ``audit.steps`` (e.g. ``"turns.text"``).

    Returns
    -------
    pandas.DataFrame
        One row per input, in order (same index as a Series input, else a RangeIndex), with
        column ``text`` (masked; a missing input stays missing), then integer columns
        ``pii_phone``, ``pii_landline``, ``pii_id_card``, ``pii_bank_card``, ``pii_email``,
        ``pii_name``, ``pii_address`` and ``pii_total``. Counts of types not requested are 0.

    Raises
    ------
    TypeError
        If ``texts`` is one ``str``, or an element is neither a ``str`` nor missing.
    ValueError
        If ``types`` names an unknown type.

    Examples
    --------
    >>> df = mask_pii_many(["我姓李，电话010-12345678", None])
    >>> df["text"].tolist()
    ['我姓[姓名]，电话[座机]', None]
    >>> df["pii_total"].tolist()
    [2, 0]
    """
    wanted = _check_types(types, "mask_pii_many")
    if isinstance(texts, (str, bytes)):  # list(str) would mask it character by character
        raise TypeError("mask_pii_many expects a Series or list of texts, got one str; use "
                        "cx.mask_pii(text) for one text, or mask_pii_many([text])")
    if isinstance(texts, pd.Series):
        index, values, dtype = texts.index, texts.tolist(), texts.dtype
        if not (pd.api.types.is_string_dtype(dtype) or pd.api.types.is_object_dtype(dtype)):
            dtype = object
    else:
        values = list(texts)
        index, dtype = pd.RangeIndex(len(values)), object
    masked: list[object] = list(values)  # missing values stay as they are
    # counts filled in only for the texts that hold PII (most hold none)
    counts_all = np.zeros((len(values), len(PII_TYPES)), dtype=np.int64)
    # a text seen before in this call is masked once (greetings and stock replies repeat);
    # the memo stops growing at _MEMO_MAX entries, so memory stays bounded
    memo: dict[str, tuple[str, list[int] | None]] = {}
    for i, value in enumerate(values):
        if not isinstance(value, str):
            if _is_missing(value):
                continue
            raise TypeError(
                f"mask_pii_many expects str or missing values, got {type(value).__name__} "
                f"at position {i}: {value!r:.80}"
            )
        hit = memo.get(value)
        if hit is None:
            hit = _mask_counted(value, wanted)
            if len(memo) < _MEMO_MAX:
                memo[value] = hit
        out, counts = hit
        masked[i] = out
        if counts is not None:
            counts_all[i] = counts
    count_cols = [f"pii_{t}" for t in PII_TYPES]
    frame = pd.DataFrame(counts_all, index=index, columns=count_cols)
    frame.insert(0, "text", pd.Series(masked, index=index, dtype=dtype))
    frame["pii_total"] = counts_all.sum(axis=1)
    if audit is not None:
        audit.add(frame, step=step)
    return frame

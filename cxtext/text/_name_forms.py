"""Name forms of round 9 (private; issue #8, session 8).

Three written forms the cue rules of ``pii.py`` did not cover, each cheap to screen for
(a literal that most texts lack), and one veto:

* ``X某`` / ``X某某``: a surname and 某 stand for a person whose given name the writer left
  out (大堂经理陈某态度冷漠, 户名李某). By the labelling convention of
  ``corpora/gold/README.md`` ("Labelling conventions for names") it is a name; the span is
  the whole ``X某``. Not when 某 begins a word (某种, 某些, 某银行: "some") or when the
  surname character is a function word or ends the word before it (从某种, 对于某些,
  丽江某旅行社).
* ``X姓`` before a role (梁姓客户经理, 曾姓员工): the surname is named, the person is staff.
* a repeat of a spelled-out surname after 那个 (口天吴那个吴; 的X is ``pii.py``'s).
* veto: a name window that starts with the character a spelling just spelled
  (苏州的苏芸芸众生的芸, 刘邦的刘宏大的宏): ``X的X`` and then more spelling is a spelled
  given name, not a second name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from cxtext.text import _pii_patterns as pp
from cxtext.text._names import name_stats

Span = tuple[int, int, str]

#: Surname characters that before 某 are function words or time words, never a person
#: (从某种角度, 有某些, 对于某些, 某年某月, 和某些韩剧).
MOU_NOT_SURNAME: Final = frozenset(
    "从有能于成连和都时年月日在对与向把被给让等及跟同由为以将是就也还又或而且"
)
#: Characters that make a word with 某 after it (某种, 某些, 某位, 某银行, 某公司 …): 某 is
#: "some" there, not a hidden given name.
MOU_WORD_NEXT: Final = frozenset(
    "种些位一人个天日年月时刻处地方类项次件段条笔点家银公行商网平品店场演旅水果部单局所"
)
#: A left neighbour and the surname character that form a dictionary word at least this
#: frequent (丽江, 对于) take the character from the surname (jieba counts).
MOU_LEFT_WORD_MIN: Final = 50
#: Roles after ``X姓`` (梁姓客户经理): the character before 姓 is a surname.
SURNAME_ROLES: Final = (
    "客户经理", "理财经理", "大堂经理", "经理", "员工", "职员", "工作人员", "柜员", "客服",
    "专员", "业务员", "保安", "行长", "主任", "催收员", "同事", "男子", "女子", "男士", "女士",
)


@lru_cache(maxsize=1)
def _mou_re() -> re.Pattern[str]:
    return re.compile(f"(?P<sur>{pp.surname_pattern()})某(?:某)?")


@lru_cache(maxsize=1)
def _role_surname_re() -> re.Pattern[str]:
    roles = "|".join(sorted(SURNAME_ROLES, key=lambda r: (-len(r), r)))
    return re.compile(f"(?P<sur>{pp.surname_pattern()})姓(?:{roles})")


def mou_names(w: str) -> list[Span]:
    """``X某`` spans of ``w`` (call only when 某 is in ``w``)."""
    out: list[Span] = []
    freq = name_stats().freq
    for m in _mou_re().finditer(w):
        s, e = m.span()
        sur = m.group("sur")
        if len(sur) == 1 and sur in MOU_NOT_SURNAME:
            continue
        if w[e : e + 1] in MOU_WORD_NEXT and e - s == len(sur) + 1:
            continue  # 某种, 某银行: "some"
        if s and freq.get(w[s - 1] + sur[0], 0) >= MOU_LEFT_WORD_MIN:
            continue  # 丽江某旅行社: the character belongs to the word before
        out.append((s, e, "name"))
    return out


def role_surnames(w: str) -> list[Span]:
    """``X姓`` + role spans (the surname alone; call only when 姓 is in ``w``)."""
    freq = name_stats().freq
    out: list[Span] = []
    for m in _role_surname_re().finditer(w):
        s, e = m.span("sur")
        if len(m.group("sur")) == 1 and s and freq.get(w[s - 1 : e], 0) >= MOU_LEFT_WORD_MIN:
            continue  # a word ends in the surname character
        out.append((s, e, "name"))
    return out


def spelled_repeat(w: str, spelled_end: int) -> Span | None:
    """The surname character repeated after 那个 right after a spelling (口天吴那个吴)."""
    ch = w[spelled_end - 1]
    if w[spelled_end : spelled_end + 3] == "那个" + ch:
        return (spelled_end + 2, spelled_end + 3, "name")
    return None


def spelled_given_start(w: str, s: int) -> bool:
    """``w[s]`` is the character a spelling just spelled: ``…X…的X`` (苏州的苏芸芸众生,
    刘邦的刘宏大的宏), so a name window cannot start there."""
    return (s >= 2 and w[s - 1] == "的" and w[s] in w[max(0, s - 5) : s - 1]
            and "的" in w[s + 1 : s + 6])

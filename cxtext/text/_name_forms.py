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
* ASR self-introductions with no 是/叫 (我关晓红于上周五…, 喂我关晓红我想…): at the turn's
  start, after a greeting or not, 我 and a surname with two name-like given characters (ratio
  > 0 each, > 1 after an everyday-word surname; no dictionary word) before 我, 于, 在, 啊
  or a clause end.
* a name a pronoun takes up (曾强他说…, 就是那个方芳她上次来过, 陈刚他根本就没还钱): a
  surname and one or two name-like given characters right before 他/她 (not 他们), with a
  clean left edge and no dictionary word inside.
* a bare 姓X at a clause start and before a clause end (姓曹，曹操的曹): the speaker's surname.
* a name spelled out right after it with no comma (我是李金花金子的金花朵的花, 他叫温涛温度的温,
  我是郭丽丽江的丽): after a self-introduction, a window of two or three characters led by
  a surname, followed by a word holding one of its characters, 的 and that character.
* siblings: the same surname with different given characters, listed (常红、常军、常明,
  方华和方平, 我和曾丽曾伟 after one): each item a surname and one character that names use
  more than running text does (run together elsewhere, 吴昊吴悦, they are
  ``_names_model.learned_names``'s).
* a repeat of a spelled-out surname after 那个 (口天吴那个吴; 的X is ``pii.py``'s).
* veto: a name window that starts with the character a spelling just spelled
  (苏州的苏芸芸众生的芸, 刘邦的刘宏大的宏): ``X的X`` and then more spelling is a spelled
  given name, not a second name.
* veto: a demonstrative phrase read as a name after a cue (收款人那一栏, 户名那个): 这/那/哪
  and a numeral or measure word.
* veto: a name-shaped word followed (directly or after 的) by goods, a shop or a show
  (周大福的金条, 杨国福麻辣烫, 李佳琦直播, 邓紫棋演唱会): a brand or a public figure, not a
  customer or a member of staff. The words are classes of goods and trade, not brand names.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from cxtext.text import _pii_patterns as pp
from cxtext.text._names import BARE_LEFT, LEFT_OK, RIGHT_OK, name_stats

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


#: The least name ratio of the last character of an ASR self-introduced name that holds a
#: dictionary word (白云 in 喂，我白云飞，).
ASR_LAST_GIVEN_MIN: Final = 1.0
_CLAUSE_END: Final = frozenset("，,。.！!？? ")


@lru_cache(maxsize=1)
def _asr_self_re() -> re.Pattern[str]:
    single, compound = pp.surnames()
    lead = "".join(sorted(single | {c[0] for c in compound}))
    # (?=[lead]) fails at once after 我想, 我要, 我的 … before the compound alternatives
    # round 11: 就是 before 我 and 嘛 after the name (嗯就是我管红嘛刚刚打过的)
    return re.compile("(?:你好|您好|[喂嗯呃对哎])?[ ,，]{0,2}(?:就是)?我"
                      f"(?=[{lead}])(?P<name>{pp.surname_pattern()}[\u4e00-\u9fff]{{2}})"
                      "(?=[我于在啊呀嘛，,。 ]|$)")


#: What must follow a two-character ASR self-introduced name (我管红嘛, 我宋涛啊,): a
#: particle or a clause end (我王在…, 我高于… are no names).
_ASR_SHORT_NEXT: Final = "啊呀嘛，,。 "


@lru_cache(maxsize=1)
def _asr_short_re() -> re.Pattern[str]:
    single = "".join(sorted(pp.surnames()[0] - pp.AMBIGUOUS_SURNAMES))
    return re.compile("(?:你好|您好|[喂嗯呃对哎])?[ ,，]{0,2}(?:就是)?我"
                      f"(?P<name>[{single}][\u4e00-\u9fff])(?=[{_ASR_SHORT_NEXT}]|$)")


def asr_self_names(w: str) -> list[Span]:
    """我 + a three-character name at the start of a turn (call only when 我 is in ``w``;
    one anchored match, so it costs next to nothing on other texts), or a two-character one
    before a particle or a clause end (round 11): a surname that is no everyday word and a
    clearly name-like given character, not together a word."""
    out = _asr_three(w)
    if not out and (m := _asr_short_re().match(w)) is not None:
        st = name_stats()
        s, e = m.span("name")
        if (st.given.get(w[s + 1], -9.0) >= ASR_LAST_GIVEN_MIN
                and st.freq.get(w[s:e], 0) < MOU_LEFT_WORD_MIN):
            out.append((s, e, "name"))
    return out


def _asr_three(w: str) -> list[Span]:
    m = _asr_self_re().match(w)
    out: list[Span] = []
    if m is not None:
        st = name_stats()
        compound = pp.surnames()[1]
        s, e = m.span("name")
        slen = 2 if w[s : s + 2] in compound else 1
        # an everyday-word surname (关, 常 …) needs clearly name-like given characters
        least = 1.0 if slen == 1 and w[s] in pp.AMBIGUOUS_SURNAMES else 0.0
        # a word inside is no name (我高兴死了), except a surname and its first given
        # character before a clearly name-like last one and a clause end (喂，我白云飞，)
        cut = e - 1 if (e >= len(w) or w[e] in _CLAUSE_END) and (
            st.given.get(w[e - 1], -9.0) >= ASR_LAST_GIVEN_MIN
            and st.freq.get(w[s:e], 0) < MOU_LEFT_WORD_MIN) else s
        if all(st.given.get(c, -9.0) > least for c in w[s + slen : e]) and not any(
                st.freq.get(w[a:b], 0) >= MOU_LEFT_WORD_MIN
                for a in range(s, e - 1) for b in range(max(a + 2, cut + 1), e + 1)):
            out.append((s, e, "name"))
    return out


def _surname_before(w: str, p: int) -> int:
    """Start of the surname that ends right before ``w[p]`` (a compound one first), or -1."""
    single, compound = pp.surnames()
    if p >= 2 and w[p - 2 : p] in compound:
        return p - 2
    return p - 1 if p >= 1 and w[p - 1] in single else -1


def _finds(w: str, ch: str):
    """Every index of the character ``ch`` in ``w`` (``str.find``: no regex scan)."""
    p = w.find(ch)
    while p >= 0:
        yield p
        p = w.find(ch, p + 1)


def mou_names(w: str) -> list[Span]:
    """``X某`` spans of ``w`` (call only when 某 is in ``w``)."""
    out: list[Span] = []
    freq = name_stats().freq
    for p in _finds(w, "某"):
        s = _surname_before(w, p)
        if s < 0 or w[p - 1] == "某":
            continue  # no surname before (某银行), or the second 某 of 某某
        sur = w[s:p]
        e = p + 2 if w[p + 1 : p + 2] == "某" else p + 1
        if len(sur) == 1 and sur in MOU_NOT_SURNAME:
            continue
        if e == p + 1 and w[e : e + 1] in MOU_WORD_NEXT:
            continue  # 某种, 某银行: "some"
        if s and freq.get(w[s - 1] + sur[0], 0) >= MOU_LEFT_WORD_MIN:
            continue  # 丽江某旅行社: the character belongs to the word before
        out.append((s, e, "name"))
    return out


#: The roles of :data:`SURNAME_ROLES` as one anchored pattern (tried only right after 姓).
_ROLES_RE: Final = re.compile("|".join(sorted(SURNAME_ROLES, key=lambda r: (-len(r), r))))
#: What may stand right before a bare 姓X, and right after it.
_CLAUSE_EDGE: Final = frozenset("，,。；;！!？? \t\n")
#: ... and the verbs of a reported surname (催收员自称姓胡，, 对方声称姓王。).
SAID_SURNAME_LEFT: Final = frozenset("称")


def role_surnames(w: str) -> list[Span]:
    """``X姓`` + role spans (the surname alone) and a bare 姓X alone in its clause
    (姓曹，曹操的曹; call only when 姓 is in ``w``)."""
    freq = name_stats().freq
    single, compound = pp.surnames()
    out: list[Span] = []
    for p in _finds(w, "姓"):
        s = _surname_before(w, p)
        if s >= 0 and _ROLES_RE.match(w, p + 1) and not (
                p - s == 1 and s and freq.get(w[s - 1 : p], 0) >= MOU_LEFT_WORD_MIN):
            out.append((s, p, "name"))  # 梁姓客户经理 (not a word ending in 梁)
            continue
        if p and w[p - 1] not in _CLAUSE_EDGE and w[p - 1] not in SAID_SURNAME_LEFT:
            continue
        e = p + 3 if w[p + 1 : p + 3] in compound else p + 2 if w[p + 1 : p + 2] in single else 0
        if e and (e >= len(w) or w[e] in _CLAUSE_EDGE):
            out.append((p + 1, e, "name"))  # 姓曹，
    return out


@lru_cache(maxsize=1)
def _surname_then_name_re() -> re.Pattern[str]:
    return re.compile(f"姓(?P<sur>{pp.surname_pattern()})[，, ]?(?:名字|全名)?叫(?:做)?"
                      "(?P<name>(?P=sur)[\u4e00-\u9fff]{1,2}?)(?=本人|[^\u4e00-\u9fff]|$)")


def surname_then_name(w: str) -> list[Span]:
    """The full name after 姓X叫 that starts with the surname just said (我姓解叫解放, 姓欧阳，
    叫欧阳平安; round 11): a name even when it is a word (call when 姓 is in ``w``)."""
    out: list[Span] = []
    for m in _surname_then_name_re().finditer(w):
        s, e = m.span("name")
        if all(c not in pp.NAME_STOP for c in w[s + len(m.group("sur")) : e]):
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


#: What follows a brand or a public figure's name (goods, shops, shows): 周大福的金条,
#: 张小泉的刀具, 杨国福麻辣烫, 李佳琦直播间, 邓紫棋演唱会.
BRAND_NEXT: Final = (
    "金饰", "金条", "金店", "首饰", "珠宝", "黄金", "钻石", "刀具", "剪刀", "洗发水", "护肤品",
    "化妆品", "方便面", "麻辣烫", "火锅", "奶茶", "鸭脖", "卤味", "餐厅", "饭店", "药店", "药房",
    "超市", "商场", "专卖店", "旗舰店", "门店", "加盟店", "连锁", "工厂", "品牌", "牌子",
    "直播", "演唱会", "发布会", "代言", "专柜", "快餐", "面条", "面馆", "米线", "凉茶", "烤鸭",
    "烧烤", "小吃", "饭馆", "酒楼", "蛋糕", "面包", "咖啡", "便利店", "女装", "男装", "黄焖鸡",
    "酸菜鱼", "螺蛳粉",
    # round 11: kitchenware and pastry (张小泉的菜刀, 沈大成的青团, 鲍师傅糕点)
    "菜刀", "刀剪", "厨具", "锅具", "青团", "糕点", "糕团", "点心", "粽子", "汤圆", "零食",
    "炒货", "烧饼", "包子", "饺子", "酱鸭", "卤肉",
    # round 12: what a shop hands out or sells online (王小卤的优惠券; not 外卖: 张银平外卖员)
    "优惠券", "代金券", "团购券", "网店", "店铺",
)
#: Goods and shops that follow a brand directly, never after 的 (陈克明挂面, 吴裕泰茶庄,
#: 谢瑞麟项链): a person's belongings take 的 (王芳的项链), so these veto only right after
#: the name-shaped word (round 10).
BRAND_DIRECT: Final = (
    "挂面", "面粉", "茶庄", "茶行", "茶叶", "茶楼", "项链", "戒指", "手镯", "耳环", "手表",
    "白酒", "酒业", "月饼", "饼干", "酱油", "调料", "家具", "家纺", "电器", "珠宝行", "金行",
    "基金会", "基金", "集团", "奖学金",
    # round 12: condiments (李锦记蚝油, after 记: :func:`brand_after`)
    "蚝油", "酱料", "辣酱", "调味品",
)
_BRAND_NEXT_RE: Final = re.compile(
    "的?(?:" + "|".join(sorted(BRAND_NEXT, key=lambda x: (-len(x), x))) + ")|(?:"
    + "|".join(sorted(BRAND_DIRECT, key=lambda x: (-len(x), x))) + ")")


_BRAND_FIRST: Final = frozenset("的" + "".join(x[0] for x in BRAND_NEXT + BRAND_DIRECT))


#: A public figure's works and fans after a name-shaped word (张艺谋的电影票, 郭德纲的相声,
#: 宋小宝的段子; round 12). Not after a surname and a title: 谭老师的电影课 is a teacher.
WORKS_NEXT: Final = ("电影", "电视剧", "小品", "相声", "段子", "专辑", "综艺", "粉丝", "新歌",
                     "演出", "话剧")
_WORKS_NEXT_RE: Final = re.compile("的?(?:" + "|".join(WORKS_NEXT) + ")")
_WORKS_FIRST: Final = frozenset("的" + "".join(x[0] for x in WORKS_NEXT))


def works_after(w: str, e: int) -> bool:
    """A public figure's works or fans follow the name-shaped word ending at ``e``."""
    return w[e : e + 1] in _WORKS_FIRST and _WORKS_NEXT_RE.match(w, e) is not None


#: Buying right after 在 + a name-shaped word: the word is a shop (在吴裕泰买茶叶; round 12).
_SHOP_VERBS: Final = ("买", "购", "消费", "下单", "刷卡", "订")


def brand_after(w: str, e: int) -> bool:
    """Goods, a shop or a show follow the name-shaped word ending at ``e``, right after it
    or (round 12) after 记, the old word for a shop's name (李锦记蚝油, 陈记的烧饼)."""
    if w[e : e + 1] == "记":
        e += 1
    return w[e : e + 1] in _BRAND_FIRST and _BRAND_NEXT_RE.match(w, e) is not None


def shop_at(w: str, s: int, e: int) -> bool:
    """The name-shaped word ``w[s:e]`` stands between 在 (去, 到, 从) and a verb of buying
    (在吴裕泰买茶叶, 去周大福买的, 在周大福消费的): a shop, not a person (one buys from a
    person 在…那里)."""
    return s > 0 and w[s - 1] in "在去到从" and any(w.startswith(v, e) for v in _SHOP_VERBS)


#: After 这/那/哪 these make a demonstrative phrase, not a given name (那一栏, 那个, 这边).
DEMONSTRATIVE_NEXT: Final = frozenset("一个些边里栏张笔位次种样儿")


def demonstrative_at(w: str, s: int) -> bool:
    """``w[s:]`` starts a demonstrative phrase (那一栏, 这个), not a name."""
    return w[s] in "这那哪" and w[s + 1 : s + 2] in DEMONSTRATIVE_NEXT


#: Self-introductions a spelled name follows (我是…, 他叫…).
_SPELL_CUE_RE: Final = re.compile("(?:我是|我叫|他叫|她叫|名字叫|名字是|本人叫|本人|就是) ?")
#: What may stand between a name and its spelling (我就是安宁，安全的安，宁静的宁).
_SPELL_GAP: Final = frozenset("，, ")


def _spelling_after(w: str, name: str, e: int) -> bool:
    """A spelling of one of ``name``'s characters starts at ``w[e]``: a word of two to four
    characters holding it, then 的 and the character (金子的金, 丽江的丽; not 江的江, which
    is how 我叫江峰长江的江 would read with 江峰长 for a name)."""
    for k in (2, 3, 4):
        c = w[e + k + 1 : e + k + 2]
        if w[e + k : e + k + 1] == "的" and c and c in name and c in w[e : e + k]:
            return True
    return False


def _has_spelling(w: str) -> bool:
    """Some 的 is followed by a character that occurs in the four before it (金子的金)."""
    p = w.find("的", 2)
    while p >= 0:
        if w[p + 1 : p + 2] and w[p + 1] in w[max(0, p - 4) : p]:
            return True
        p = w.find("的", p + 1)
    return False


def spelled_names(w: str) -> list[Span]:
    """Names right after a self-introduction that are spelled out with no comma between
    (call when 的 is in ``w``; most texts stop at :func:`_has_spelling`)."""
    if not _has_spelling(w):
        return []
    single, compound = pp.surnames()
    out: list[Span] = []
    for m in _SPELL_CUE_RE.finditer(w):
        s = m.end()
        if not (w[s : s + 1] in single or w[s : s + 2] in compound):
            continue
        for ln in (3, 2):
            e = s + ln
            if e <= len(w) and all("\u4e00" <= c <= "\u9fff" for c in w[s:e]) and (
                    _spelling_after(w, w[s:e], e) or (
                        w[e : e + 1] in _SPELL_GAP and _spelling_after(w, w[s:e], e + 1))):
                out.append((s, e, "name"))
                break
    return out


#: The least name ratio (``name_stats().given``) of each sibling's given character.
SIBLING_GIVEN_MIN: Final = 0.5
#: A sibling that is a dictionary word this frequent (jieba) is a word (方便, 白天 …).
SIBLING_WORD_MAX: Final = 1000


#: What separates listed siblings (常红、常军; 方华和方平).
_SIBLING_SEP_RE: Final = re.compile("[、，,和及与跟]")


def sibling_pair(w: str, a: int, b: int) -> bool:
    """``w[a:a + 2]`` and ``w[b:b + 2]`` are two names of one surname: the same surname
    character (not a function character), different given characters of name ratio >=
    :data:`SIBLING_GIVEN_MIN`, neither a dictionary word this frequent."""
    sur = w[a : a + 1]
    if not sur or w[b : b + 1] != sur or b + 2 > len(w) or sur in MOU_NOT_SURNAME:
        return False
    if sur not in pp.surnames()[0] or w[a + 1] == w[b + 1] or sur in (w[a + 1], w[b + 1]):
        return False
    st = name_stats()
    return all(st.given.get(w[k + 1], -9.0) >= SIBLING_GIVEN_MIN
               and st.freq.get(w[k : k + 2], 0) < SIBLING_WORD_MAX for k in (a, b))


def sibling_names(w: str) -> list[Span]:
    """Names of one surname on both sides of a separator (常红、常军、常明, 方华和方平): each
    item the surname and one given character (call when a separator is in ``w``)."""
    freq = name_stats().freq
    out: set[Span] = set()
    for m in _SIBLING_SEP_RE.finditer(w):
        p = m.start()
        if w[p + 1 : p + 2] and w[p + 1] == w[p + 3 : p + 4] and sibling_pair(w, p + 1, p + 3):
            out.update(((p + 1, p + 3, "name"), (p + 3, p + 5, "name")))  # 我和曾丽曾伟
        a, b = p - 2, p + 1
        if a < 0 or w[a] != w[b : b + 1] or not sibling_pair(w, a, b):
            continue
        if a and freq.get(w[a - 1 : a + 1], 0) >= MOU_LEFT_WORD_MIN and (
                (a, a + 2, "name") not in out):
            continue  # the first surname character ends the word before
        out.update(((a, a + 2, "name"), (b, b + 2, "name")))
    return sorted(out)


#: Two characters before a name a pronoun takes up that leave its left edge clean.
RESUMED_LEFT_WORDS: Final = frozenset(("那个", "就是", "这个", "你说", "跟你说", "说", "问"))


def _clean_left(w: str, s: int) -> bool:
    if s == 0 or not "\u4e00" <= w[s - 1] <= "\u9fff":
        return True
    return w[s - 1] in BARE_LEFT or w[s - 1] in LEFT_OK or w[s - 2 : s] in RESUMED_LEFT_WORDS


_PRONOUN_RE: Final = re.compile("[他她](?!们)")


def resumed_names(w: str) -> list[Span]:
    """Names right before 他/她 (call only when one occurs in ``w``)."""
    st = name_stats()
    single, compound = pp.surnames()
    out: list[Span] = []
    for m in _PRONOUN_RE.finditer(w):
        p = m.start()
        for s in (p - 3, p - 2):
            if s < 0 or (s > 0 and out and out[-1][1] > s):
                continue
            slen = 2 if w[s : s + 2] in compound else 1
            if w[s] not in single and slen == 1 or p - s - slen < 1:
                continue
            least = 1.0 if slen == 1 and w[s] in pp.AMBIGUOUS_SURNAMES else 0.0
            if not _clean_left(w, s) or any(
                    st.given.get(c, -9.0) <= least for c in w[s + slen : p]):
                continue
            if any(st.freq.get(w[a:b], 0) >= MOU_LEFT_WORD_MIN
                   for a in range(s, p - 1) for b in range(a + 2, p + 1)):
                continue  # 高峰他: a dictionary word
            out.append((s, p, "name"))
            break
    return out


#: The least name ratio of the character after 一 in a given name that starts with 一.
YI_GIVEN_MIN: Final = 1.5
#: Marks of a social-media mention or topic before a name (@王一博, #朱一龙新剧#; round 11).
MENTION_MARKS: Final = frozenset("@#＠＃")
#: ... after a compound surname, which is no everyday word (上官一凡; round 11).
YI_COMPOUND_MIN: Final = 1.0


@lru_cache(maxsize=1)
def _yi_re() -> re.Pattern[str]:
    st = name_stats()
    plain = "".join(sorted(c for c in pp.surnames()[0] if c not in pp.AMBIGUOUS_SURNAMES))
    strong = "".join(sorted(c for c, g in st.given.items() if g >= YI_COMPOUND_MIN))
    # compound surnames too (投诉人签字：上官一凡; round 11), in a second lookbehind: each
    # lookbehind must have one width
    comp = "|".join(sorted(pp.surnames()[1]))
    # the literal first, so that ``re`` skips ahead to 一
    # the lookahead before the lookbehinds: most 一 (一下, 一个) fail it at once
    return re.compile(f"一(?=[{strong}])(?:(?<=[{plain}]一)|(?<=(?:{comp})一))")


def yi_names(w: str) -> list[Span]:
    """Three-character names whose given name starts with 一 (赵一帆那笔贷款, 程一鸣、…; call
    only when 一 is in ``w``). 一 has no name ratio (it is a numeral in most windows), so
    neither the given-name list of the cue rules nor the scorer's windows take it. Taken
    after a surname that is no everyday word, before a clearly name-like character, with
    no dictionary word across the window or its left edge (周一, 万一, 一样, 一起) and clean
    edges on both sides."""
    freq = name_stats().freq
    compound = pp.surnames()[1]
    out: list[Span] = []
    for m in _yi_re().finditer(w):
        s, e = m.start() - 1, m.start() + 2
        if w[s - 1 : s + 1] in compound:
            s -= 1
        elif name_stats().given.get(w[e - 1], -9.0) < YI_GIVEN_MIN:
            continue  # a single surname needs a clearly name-like last character
        if s and w[s - 1] in MENTION_MARKS:
            continue  # @王一博, #朱一龙#: a public account or a topic, not a customer
        p = m.start()  # (一; a compound surname such as 欧阳 is a word itself)
        if any(freq.get(w[a:b], 0) >= MOU_LEFT_WORD_MIN
               for a, b in ((p - 1, p + 1), (p, e), (s, e), (max(0, s - 1), s + 1))):
            continue  # 统一, 一样, 逐一 …: a word, not a name
        if _clean_left(w, s) and (e >= len(w) or not "\u4e00" <= w[e] <= "\u9fff"
                                  or w[e] in RIGHT_OK):
            out.append((s, e, "name"))
    return out


#: 小X / 老X that are words this frequent (jieba) are no nickname (老师, 老公, 小米, 小龙).
SELF_NICK_WORD_MAX: Final = 50
#: ... nor 小白 ("a novice": 我是理财小白，).
SELF_NICK_NOT: Final = frozenset("白")


@lru_cache(maxsize=1)
def _self_nick_re() -> re.Pattern[str]:
    single = "".join(sorted(pp.surnames()[0]))
    return re.compile(f"我是(?:[^，,。！!？?]{{0,8}}的)?[小老](?P<sur>[{single}])"
                      "(?=[，,。！!？? ]|$)")


def self_nicknames(w: str) -> list[Span]:
    """The surname of a nickname a speaker gives as their own name, alone before a clause
    end (我是营业部的小黄，, 我是小高。; call only when 我是 is in ``w``): any surname, not
    only the nickname surnames of ``pii._nicknames`` (小黄车, 小黄鸭 are no one there, but
    here the nickname ends the clause), unless 小X / 老X is a word (老师, 老公, 小米) or
    小白."""
    freq = name_stats().freq
    out: list[Span] = []
    for m in _self_nick_re().finditer(w):
        s = m.start("sur")
        if w[s] not in SELF_NICK_NOT and freq.get(w[s - 1 : s + 1], 0) < SELF_NICK_WORD_MAX:
            out.append((s, s + 1, "name"))
    return out


#: A member of staff's job, or a place of theirs and 的, right before a nickname (贷款顾问小熊,
#: 柜台的小付; round 11): the nickname names that person whatever the surname.
_STAFF_LEFT_RE: Final = re.compile(
    "(?:顾问|经理|柜员|客服|专员|业务员|信贷员|营业员|坐席|主管|助理|同事|"
    # round 12: the other staff of a branch or an office (保安老黄, 司机小谭, 单位会计老凌)
    "保安|保洁|门卫|司机|护士|会计|出纳|快递员|阿姨|大姐|师傅|"
    # round 13: who leads a crew or a shop (包工头老黄, 班长小刘, 店长小周)
    "包工头|工头|班长|队长|领班|店长|组长|"
    "(?:柜台|网点|支行|分行|营业厅|营业部|大堂|银行|你们|你们行)的)$")
#: The last characters of :data:`_STAFF_LEFT_RE`'s words (顾问, 经理, 柜员, 客服, 坐席, 主管,
#: 同事, 保安, 保洁, 门卫, 司机, 护士, 会计, 出纳, 阿姨, 大姐, 师傅, 的): a cheap test before it.
_STAFF_LEFT_LAST: Final = frozenset("问理员服席管事安洁卫机士计纳姨姐傅头长班的")
#: Surnames so common that their 老X / 小X is a word for that reason (老李, 小马, 小张: jieba
#: words): after a job (not a place and 的) such a nickname is a person's (保安老李人挺好的,
#: 客户经理小马给我打过电话; round 13). A surname prior (``name_stats.tsv``) at least this:
#: 王 李 张 马 陈 刘 杨 黄 (not 米, 白: 小米, 小白).
STAFF_NICK_WORD_PRIOR: Final = -1.0
#: What may follow such a nickname: a clause end or a verb of saying or acting, or (round 12)
#: an adverb that starts what is said of them (保安老黄还算热心, 司机小谭也说).
_STAFF_NICK_NEXT: Final = ("说", "讲", "让", "叫", "告诉", "帮", "给", "跟", "和", "态度", "打",
                           "还", "也", "就", "人很", "人挺", "挺", "很", "捡", "把")


@lru_cache(maxsize=1)
def _staff_nick_re() -> re.Pattern[str]:
    single = "".join(sorted(pp.surnames()[0]))
    nxt = "|".join(_STAFF_NICK_NEXT)
    return re.compile(f"[小老](?P<sur>[{single}])(?=[，,。！!？? ]|$|{nxt})")


def staff_nicknames(w: str) -> list[Span]:
    """The surname of a staff member's nickname right after their job or their place and 的
    (我这边是贷款顾问小熊，, 你们柜台的小付说…; call when 小 or 老 is in ``w``): any
    surname, as :func:`self_nicknames`, unless 小X / 老X is a word (小米, 老师) or 小白."""
    st = name_stats()
    out: list[Span] = []
    rx = _staff_nick_re()
    for p in sorted((*_finds(w, "小"), *_finds(w, "老"))):
        # a job or 的 must end right before 小/老: one character test before the regex
        if not p or w[p - 1] not in _STAFF_LEFT_LAST or p + 1 >= len(w):
            continue
        s = p + 1
        m = rx.match(w, p)
        # round 13: after a job, a nickname of the most common surnames (老李, 小马 are words
        # for that reason) whatever follows (客服小王挂我电话, 司机老王开得很快), unless it runs
        # into a word (小马虎, 小黄车)
        common = w[p - 1] != "的" and st.prior.get(w[s], -9.0) >= STAFF_NICK_WORD_PRIOR
        if m is None and not (common and st.freq.get(w[s : s + 2], 0) < SELF_NICK_WORD_MAX):
            continue
        if w[s] in SELF_NICK_NOT or not _STAFF_LEFT_RE.search(w, max(0, s - 8), s - 1):
            continue
        if common or st.freq.get(w[p : s + 1], 0) < SELF_NICK_WORD_MAX:
            out.append((s, s + 1, "name"))
    return out


#: The least name ratio of each given character of a full name right after a kinship cue
#: whose surname is also an everyday word (我家小子计晨阳刚满十六; round 11).
KIN_GIVEN_MIN: Final = 1.0
#: Surname characters that after a kinship word are function words (我儿子和…, 我妈都…).
KIN_NOT_SURNAME: Final = frozenset("和跟与同及向从对给于把被让都也还就后在有是那连能")
#: What may follow such a name besides :data:`RIGHT_OK` and a non-Han character.
KIN_RIGHT: Final = frozenset("才刚今昨")
#: What may follow a two-character name there: fewer words than after three characters.
KIN_SHORT_RIGHT: Final = frozenset("才刚")


def kin_name(w: str, s: int) -> int | None:
    """:func:`kin_full_name`, or else a two-character name (我儿子时雨才八岁): a clearly
    name-like given character, not a word with the surname, then a non-Han character or
    one of :data:`KIN_SHORT_RIGHT`."""
    e = kin_full_name(w, s)
    if e is not None or s + 2 > len(w) or w[s] not in pp.surnames()[0] or (
            w[s] in KIN_NOT_SURNAME):
        return e
    st = name_stats()
    if st.given.get(w[s + 1], -9.0) < KIN_GIVEN_MIN or st.freq.get(w[s : s + 2], 0) > 0:
        return None
    if s + 2 < len(w) and "\u4e00" <= w[s + 2] <= "\u9fff" and w[s + 2] not in KIN_SHORT_RIGHT:
        return None
    return s + 2


def kin_full_name(w: str, s: int) -> int | None:
    """End of a three-character name at ``w[s]`` right after a kinship cue (我孙子年一鸣才五岁,
    我家小子计晨阳刚满十六), whose surname the cue scorer refused for being an everyday word:
    two clearly name-like given characters (each of ratio >= :data:`KIN_GIVEN_MIN`, or 一 and
    one of ratio >= :data:`YI_GIVEN_MIN`), no dictionary word across the window or its
    edges, and a clean right edge."""
    e = s + 3
    if e > len(w) or w[s] not in pp.surnames()[0] or w[s] in KIN_NOT_SURNAME:
        return None
    st = name_stats()
    a, b = w[s + 1], w[s + 2]
    if a == "一":
        if st.given.get(b, -9.0) < YI_GIVEN_MIN:
            return None
    elif min(st.given.get(a, -9.0), st.given.get(b, -9.0)) < KIN_GIVEN_MIN:
        return None
    if any(st.freq.get(w[x:y], 0) >= MOU_LEFT_WORD_MIN
           for x, y in ((s, s + 2), (s + 1, e), (s, e), (e - 1, e + 1))):
        return None
    if e < len(w) and "\u4e00" <= w[e] <= "\u9fff" and w[e] not in RIGHT_OK and (
            w[e] not in KIN_RIGHT):
        return None
    return e


#: A given name said alone after 叫 (客服，叫晓雨还是什么; round 12): both characters
#: name-like (ratio >= :data:`GIVEN_ALONE_MIN` each, one of them >= :data:`GIVEN_ALONE_TOP`),
#: the pair no dictionary word, and what follows ends it. A surname may lead (她叫文静: a
#: surname and a given character or a given name, a name either way).
GIVEN_ALONE_MIN: Final = -0.1
GIVEN_ALONE_TOP: Final = 0.8
#: ... or a surname and a character of name ratio at least this (好像叫安琪，: 安 has none).
GIVEN_ALONE_SURNAME_NEXT: Final = 1.5
#: What may follow such a name: a clause end or a particle, or these words.
GIVEN_ALONE_NEXT: Final = ("还是", "吧", "吗", "呢", "啊", "呀", "的", "说", "是", "来", "给", "帮",
                            # round 13: a pronoun takes the name up (我老婆叫春燕她在…)
                            "她", "他")
#: 叫 right after these is no naming (呼叫, 尖叫, 大叫, 不叫, 别叫 …) or names a kind of thing
#: (什么叫纯素, 那叫湖景, 很多叫湖光的别墅区).
_GIVEN_ALONE_NOT_AFTER: Final = frozenset("呼喊尖吼鸣嚎惊怪乱大不别没再又在吵么那这多")


def given_alone(w: str) -> list[Span]:
    """Given names said alone after 叫 (call when 叫 is in ``w``): see
    :data:`GIVEN_ALONE_MIN`."""
    st = name_stats()
    given, freq = st.given, st.freq
    single = pp.surnames()[0]
    out: list[Span] = []
    for p in _finds(w, "叫"):
        s, e = p + 1, p + 3
        if e > len(w) or (p and w[p - 1] in _GIVEN_ALONE_NOT_AFTER):
            continue
        a, b = given.get(w[s], -9.0), given.get(w[s + 1], -9.0)
        if (min(a, b) < GIVEN_ALONE_MIN or max(a, b) < GIVEN_ALONE_TOP) and not (
                b >= GIVEN_ALONE_SURNAME_NEXT and w[s] in single):
            continue
        if freq.get(w[s:e], 0) or freq.get(w[s + 1 : e + 1], 0) >= MOU_LEFT_WORD_MIN:
            continue
        if e < len(w) and "\u4e00" <= w[e] <= "\u9fff" and not any(
                w.startswith(x, e) for x in GIVEN_ALONE_NEXT):
            continue
        out.append((s, e, "name"))
    return out


# --- round 13 -------------------------------------------------------------------------------

#: Form fields said with no colon before a full name that is no word (授权人应晓东，被授权人应晓丽;
#: 共同借款人温丽，; 本人车永明于10月3日): a field word, any surname (an everyday-word one too),
#: one or two given characters of name ratio >= :data:`FIELD_GIVEN_MIN` each, then a clause end
#: or 于 and a date. The field words are the roles of a contract, an authorisation or a
#: complaint letter.
FIELD_WORDS: Final = ("户名", "授权人", "被授权人", "委托人", "受托人", "借款人", "共同借款人",
                      "担保人", "保证人", "收款人", "付款人", "申请人", "持卡人", "开户人",
                      "联系人", "经办人", "代理人", "法定代表人", "投诉人", "被投诉人", "本人")
FIELD_GIVEN_MIN: Final = 0.5
FIELD_SET: Final = frozenset(FIELD_WORDS)
_FIELD_NAME_RE: Final = re.compile(
    "(?P<name>[\u4e00-\u9fff]{2,3}?)(?=[，,。；;、 ]|$|于(?:[0-9今昨前上本当去同]|二〇|20))"
)
#: A window this frequent as a word is no name there (借款人同意, 本人车辆于…).
FIELD_WORD_MAX: Final = 50


def field_name_at(w: str, s: int) -> int | None:
    """End of a full name at ``w[s]`` right after a form field said with no colon (the cue
    loop of ``pii._names`` calls it where a cue of :data:`FIELD_SET` found nothing): see
    :data:`FIELD_WORDS`."""
    if (m := _FIELD_NAME_RE.match(w, s)) is None:
        return None
    e = m.end()
    st = name_stats()
    single, compound = pp.surnames()
    slen = 2 if w[s : s + 2] in compound else 1
    if slen == 1 and w[s] not in single or e - s - slen < 1:
        return None
    if any(st.given.get(c, -9.0) < FIELD_GIVEN_MIN for c in w[s + slen : e]):
        return None
    if st.freq.get(w[s:e], 0) >= FIELD_WORD_MAX or st.freq.get(w[s + slen : e], 0) >= 5000:
        return None  # 借款人同意 (a verb), 本人车辆 (a thing)
    return e


#: An agent's work number before their name (我是工号幺零二三的秦晓很高兴为您服务, 工号8023
#: 李娜为您服务): the number in digits or read out, 号 and 的 optional, a surname and one or
#: two name-like given characters, then a greeting or a clause end.
STAFF_ID_RE: Final = re.compile(
    "工号[0-9零〇一二三四五六七八九十幺两]{2,8}号?的?(?P<name>[\u4e00-\u9fff]{2,4}?)"
    "(?=很高兴|为您|为你|竭诚|给您|在线|[，,。！!？? ]|$)"
)
#: The least name ratio of each given character there (刘洋: 洋 -0.04); a window that is a
#: word is refused (工号9527的同事).
STAFF_ID_GIVEN_MIN: Final = -1.0
#: ... unless each given character has at least this ratio (李娜: 娜 2.78).
STAFF_ID_WORD_GIVEN: Final = 1.5


def staff_id_names(w: str, first: re.Match[str]) -> list[Span]:
    """An agent's name after their work number (call with the first match of
    :data:`STAFF_ID_RE` in ``w``)."""
    given = name_stats().given
    single, compound = pp.surnames()
    out: list[Span] = []
    freq = name_stats().freq
    for m in STAFF_ID_RE.finditer(w, first.start()):
        s, e = m.span("name")
        slen = 2 if w[s : s + 2] in compound else 1
        if (slen == 1 and w[s] not in single) or not 1 <= e - s - slen <= 2:
            continue
        if any(given.get(c, -9.0) < STAFF_ID_GIVEN_MIN for c in w[s + slen : e]) or (
                freq.get(w[s:e], 0) >= FIELD_WORD_MAX
                and min(given.get(c, -9.0) for c in w[s + slen : e]) < STAFF_ID_WORD_GIVEN):
            continue  # 工号9527的同事 (工号8023李娜: 李娜, a word too, is a name)
        out.append((s, e, "name"))
    return out


#: A relative's name said after 叫 and taken up by a pronoun (我女儿叫温暖她的卡丢了, 我儿子叫
#: 高山他…): a surname that is no function word, one or two more characters, then 他/她 (not
#: 他们); the pronoun says a person was named, so a name that is a word counts too.
@lru_cache(maxsize=1)
def _kin_called_re() -> re.Pattern[str]:
    single = "".join(sorted(pp.surnames()[0] - KIN_NOT_SURNAME))
    return re.compile(f"(?:{pp.KIN_WORDS})叫(?P<name>[{single}][\u4e00-\u9fff]{{1,2}}?)"
                      "(?=[他她](?!们))")


def kin_called(w: str) -> list[Span]:
    """A relative's name after 叫 and before a pronoun (call when 叫 and 他 or 她 are in
    ``w``)."""
    return [(*m.span("name"), "name") for m in _kin_called_re().finditer(w)]


#: 工 after a lone surname as an engineer's form of address (黄工在管这个账, 找一下张工,
#: 我们公司的李工说; round 13): a clean left edge (a non-Han character, 的/是/找/问 …, or
#: 一下), then a clause end or one of these words; the surname and 工 no word (员工, 施工, 童工).
GONG_NEXT: Final = frozenset("在说让叫帮给跟和讲也还都就不没负管，,。！!？? ")
_GONG_LEFT: Final = frozenset("的是找问跟和让叫给位请")
_GONG_LIST: Final = frozenset("，,、；;")
#: The test before :func:`engineer_titles` (most 工 are 工作, 员工 …: one search in C).
GONG_GATE_RE: Final = re.compile("工(?:[在说让叫帮给跟和讲也还都就不没负管，,。！!？? ]|$)")


def engineer_titles(w: str) -> list[Span]:
    """The surname before 工 as a form of address (call when 工 is in ``w``)."""
    single = pp.surnames()[0]
    freq = name_stats().freq
    out: list[Span] = []
    for p in _finds(w, "工"):
        s = p - 1
        if s < 0 or w[s] not in single or w[s] in KIN_NOT_SURNAME:
            continue
        if p + 1 < len(w) and w[p + 1] not in GONG_NEXT:
            continue
        if not (s == 0 or not pp.is_han(w[s - 1]) or w[s - 1] in _GONG_LEFT
                or w[s - 2 : s] == "一下"):
            continue
        if freq.get(w[s : p + 1], 0) >= MOU_LEFT_WORD_MIN or w[s] in pp.AMBIGUOUS_SURNAMES:
            continue
        if s and w[s - 1] in _GONG_LIST and w[p + 1 : p + 2] in _GONG_LIST:
            continue  # 三一，中联，柳工，三朵金花: a listed firm (柳工 makes machinery)
        out.append((s, s + 1, "name"))
    return out

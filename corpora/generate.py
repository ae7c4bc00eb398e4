#!/usr/bin/env python
"""Seeded generator of the cxtext demo corpus.

Simulates one year (2025) of contacts between customers of an invented bank
(云澜银行) and its contact centre, branches and social-media team, and writes
six canonical CSV tables (customers, balances, agents, conversations, turns, truth).

Usage::

    python corpora/generate.py --seed 20250101 --out corpora/demo

The same seed and sizes always give byte-identical files. See
``corpora/README.md`` for the model and the limits of what the corpus proves.
"""

from __future__ import annotations

import argparse
import csv
import functools
import heapq
import importlib.util
import math
import random
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from types import ModuleType

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

import _fragments as FR  # noqa: E402
import _fragments_talk as TK  # noqa: E402


def _load_labels() -> ModuleType:
    """Load ``cxtext/labels.py`` by path.

    Only the label vocabularies are needed; loading the file directly keeps the
    generator independent of whatever ``cxtext/__init__.py`` imports.
    """
    path = _HERE.parent / "cxtext" / "labels.py"
    spec = importlib.util.spec_from_file_location("_cxtext_labels", path)
    if spec is None or spec.loader is None:  # pragma: no cover
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


labels = _load_labels()

DEFAULT_SEED = 20250101
DEFAULT_CONVERSATIONS = 3500
DEFAULT_CUSTOMERS = 1000
DEFAULT_OUT = _HERE / "demo"
YEAR_START = date(2025, 1, 1)
YEAR_END = date(2025, 12, 31)

CATEGORY_IDS: list[str] = list(labels.CATEGORIES)
CHANNEL_IDS: list[str] = list(labels.CHANNELS)
WRITTEN_CHANNELS = ("online_chat", "app", "email", "social")
PII_ORDER = ("mobile", "landline", "id_number", "bank_card", "email", "name", "address")

# ---------------------------------------------------------------------------------------------
# Latent-model parameters (documented in corpora/README.md)

# Monthly churn hazard: on the first day of each month, drawn once by every active customer
# with a complaint contact carrying dissatisfaction (negative mood, a voiced threat, bad
# service or an unresolved wealth loss; see ``dissatisfied``) in the previous
# ``CHURN_RECENCY_DAYS``. Volume terms are small and saturating; the text-expressed state
# weighs more (issue #5; the reasons are in corpora/README.md).
CHURN_COEF: dict[str, float] = {
    "intercept": -6.1,
    "log1p_tenure_years": -0.30,
    "open_unresolved": 0.15,
    "log1p_repeat_contacts": 0.20,
    "bad_service": 0.80,
    "wealth_loss": 1.20,
    "negative_mood": 0.40,
    "threat_voiced": 1.40,
}
CHURN_TIER: dict[str, float] = {"standard": 0.5, "gold": 0.0, "platinum": -0.9, "diamond": -1.8}
CHURN_RECENCY_DAYS = 90
SILENT_CHURN_INTERCEPT = -6.1  # monthly background hazard (competitor offers, moving away, ...)
RANDOM_EFFECT_SD = 0.8
ISSUE_TO_CONTACT = 1.135  # average contacts per planned issue (repeats minus post-churn drops)

# Monthly balances (issue #5, third revision: a CRM time series the first two corpora lacked;
# parameters fixed in corpora/README.md before the churn benchmark was rerun). Drawn after the
# simulation from their own random stream, so every other file is unchanged.
BALANCE_MONTHS = [(2024, m) for m in range(7, 13)] + [(2025, m) for m in range(1, 13)]
BALANCE_WALK_SD = 0.06        # month-to-month log change of an ordinary customer
BALANCE_DRIFT_PER_RE = -0.01  # monthly log drift per unit of the churn random effect
WEALTH_DRAWDOWN = {(2025, 3): 0.05, (2025, 11): 0.05}  # log loss for 理财/基金 holders
LIFE_EVENT_P = 0.10           # a large one-off outflow (home, tuition, a loan paid off)
LIFE_EVENT_DROP = (0.3, 1.2)  # its log size, uniform
LIFE_EVENT_RECOVER_P = 0.5    # the money comes back over 2-4 months
PRECHURN_OUTFLOW_P = 0.55     # a leaver moves money out in the 1-3 months before leaving
PRECHURN_DROP = (0.4, 1.6)    # total log size, spread over those months

KIND_WEIGHTS = {"complaint": 0.55, "inquiry": 0.39, "compliment": 0.06}
CATEGORY_WEIGHTS: dict[str, float] = {
    "fees": 12, "credit_card": 16, "loans": 7, "wealth": 8, "digital": 11, "branch": 5,
    "attitude": 6, "marketing": 7, "fraud": 6, "privacy": 3, "payments": 9, "atm": 4,
    "credit_report": 4, "other": 2,
}
# Monthly volume (Spring Festival dip in Feb, national-day dip in Oct) and category events:
# fee schedule change on 2025-04-01, App outage 2025-09-12..16, Double-11 payments spike,
# a bond-market drawdown hitting wealth products in March and November.
MONTH_VOLUME = [1.0, 0.75, 1.0, 1.05, 1.0, 0.95, 1.0, 1.0, 1.0, 0.85, 1.05, 1.05]
MONTH_CATEGORY: dict[str, dict[int, float]] = {
    "fees": {4: 3.2, 5: 2.0, 6: 1.3},
    "digital": {9: 4.0, 10: 1.3},
    "payments": {11: 1.8, 2: 1.3},
    "credit_card": {11: 1.4, 12: 1.3},
    "wealth": {3: 2.0, 4: 1.4, 11: 1.8, 12: 1.5},
    "fraud": {7: 1.6, 8: 1.6, 1: 1.3},
    "marketing": {6: 1.3, 12: 1.3},
}
CHANNEL_BASE = {"phone": 0.34, "online_chat": 0.20, "app": 0.15, "branch": 0.09, "email": 0.07,
                "social": 0.11}
CHANNEL_BY_CATEGORY: dict[str, dict[str, float]] = {
    "digital": {"app": 2.0, "online_chat": 1.5, "branch": 0.3, "social": 1.5},
    "branch": {"branch": 3.0, "app": 0.4},
    "wealth": {"branch": 1.6, "email": 1.6, "social": 0.7},
    "credit_report": {"email": 1.6, "branch": 1.2},
    "fraud": {"phone": 1.8, "social": 0.4, "email": 0.5},
    "marketing": {"social": 1.6, "phone": 1.2, "branch": 0.5},
    "attitude": {"social": 1.5, "email": 1.4, "branch": 1.3},
    "atm": {"phone": 1.5, "branch": 1.5, "email": 0.5},
    "privacy": {"email": 1.6, "social": 1.3},
    "inquiry": {"phone": 1.2, "online_chat": 1.5, "app": 1.3, "social": 0.15, "email": 0.25},
    "compliment": {"phone": 1.3, "social": 1.3, "email": 1.2, "online_chat": 0.7},
}
HOUR_WEIGHTS: dict[str, list[float]] = {
    "phone": [0.4, 0.25, 0.15, 0.1, 0.1, 0.2, 0.6, 1.5, 3.5, 6.5, 7.5, 7.0, 5.0, 5.0, 6.5, 7.0,
              6.5, 5.5, 4.5, 4.5, 4.5, 3.5, 2.0, 1.0],
    "online_chat": [0.8, 0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1.5, 3.0, 5.0, 6.0, 6.0, 5.0, 5.0, 5.5,
                    6.0, 5.5, 5.0, 5.0, 6.0, 6.5, 6.0, 4.0, 2.0],
    "branch": [0] * 9 + [5, 7, 6, 3, 4, 5, 5, 3] + [0] * 7,
    "email": [1.0, 0.6, 0.4, 0.3, 0.3, 0.4, 0.8, 1.5, 3.0, 4.0, 4.0, 4.0, 3.0, 3.0, 4.0, 4.0,
              4.0, 3.5, 3.0, 3.5, 4.0, 4.0, 3.0, 2.0],
    "social": [1.5, 1.0, 0.6, 0.4, 0.3, 0.4, 0.8, 2.0, 3.0, 3.5, 3.5, 4.0, 4.0, 3.5, 3.5, 3.5,
               3.5, 4.0, 4.0, 4.5, 5.0, 5.0, 4.0, 3.0],
}
HOUR_WEIGHTS["app"] = HOUR_WEIGHTS["online_chat"]
CATEGORY_EMOTION: dict[str, dict[str, float]] = {
    "fees": {"anger": 4, "disgust": 3, "surprise": 2, "sadness": 1, "neutral": 1},
    "credit_card": {"anger": 4, "anxiety": 2, "surprise": 2, "disgust": 1, "neutral": 1},
    "loans": {"anxiety": 4, "anger": 3, "sadness": 1, "neutral": 1},
    "wealth": {"anger": 3, "sadness": 3, "anxiety": 3, "disgust": 1},
    "digital": {"anger": 3, "anxiety": 3, "disgust": 2, "neutral": 1},
    "branch": {"anger": 4, "disgust": 2, "sadness": 1, "neutral": 1},
    "attitude": {"anger": 5, "disgust": 3, "sadness": 2},
    "marketing": {"disgust": 5, "anger": 3, "neutral": 1},
    "fraud": {"anxiety": 6, "anger": 2, "surprise": 1, "sadness": 1},
    "privacy": {"anger": 3, "anxiety": 3, "disgust": 2, "surprise": 1},
    "payments": {"anxiety": 4, "anger": 3, "neutral": 1},
    "atm": {"anger": 3, "anxiety": 3, "surprise": 1, "neutral": 1},
    "credit_report": {"anxiety": 4, "anger": 3, "sadness": 1},
    "other": {"anger": 2, "sadness": 2, "neutral": 2, "disgust": 1},
}
BASE_RESOLVE: dict[str, float] = {
    "fees": 0.55, "credit_card": 0.5, "loans": 0.35, "wealth": 0.2, "digital": 0.55, "branch": 0.4,
    "attitude": 0.45, "marketing": 0.6, "fraud": 0.35, "privacy": 0.3, "payments": 0.5, "atm": 0.55,
    "credit_report": 0.25, "other": 0.45,
}
NEGATIVE = ("anger", "disgust", "anxiety", "sadness")
TIER_SERVICE_BONUS = {"standard": 0.0, "gold": 0.03, "platinum": 0.12, "diamond": 0.2}  # VIP desks
PRODUCTS_ORDER = [
    "借记卡", "信用卡", "手机银行", "代发工资", "定期存款", "大额存单", "理财", "基金",
    "保险", "贵金属", "房贷", "消费贷", "经营贷",
]
AGE_BANDS = [("18-25", 18, 25, 0.12), ("26-35", 26, 35, 0.26), ("36-45", 36, 45, 0.24),
             ("46-55", 46, 55, 0.18), ("56-65", 56, 65, 0.12), ("65+", 66, 85, 0.08)]
MOBILE_PREFIXES = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150",
                   "151", "152", "153", "155", "156", "157", "158", "159", "166", "176", "177",
                   "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198",
                   "199"]
EMAIL_DOMAINS = ["qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "outlook.com",
                 "139.com", "gmail.com"]
PINYIN_SURNAMES = ["zhang", "wang", "li", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou",
                   "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin", "luo", "gao"]
PINYIN_GIVEN = ["wei", "fang", "na", "min", "jing", "li", "qiang", "lei", "jun", "yang", "yong",
                "yan", "jie", "tao", "ming", "chao", "hua", "yu", "hao", "xin", "ting", "xue"]

# ---------------------------------------------------------------------------------------------
# Small helpers

_CN = "零一二三四五六七八九"
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_PUNCT_RE = re.compile(r"[，。！？、；：,.!?;:“”\"（）()…~]+")
_SLOT_RE = re.compile(r"\{(\w+)\}")
_PH_RE = re.compile("(\ue000\\d+\ue001)")
_NUM_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|\d+(?:\.\d+)?%?")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def _four(x: int) -> str:
    units = ("千", "百", "十", "")
    digits = (x // 1000 % 10, x // 100 % 10, x // 10 % 10, x % 10)
    out, zero, started = "", False, False
    for d, unit in zip(digits, units, strict=True):
        if d == 0:
            zero = started
            continue
        if zero:
            out += "零"
            zero = False
        out += _CN[d] + unit
        started = True
    return out


def int_to_cn(n: int) -> str:
    """Read an integer the way a speaker would (5000 -> 五千, 12 -> 十二)."""
    if n == 0:
        return "零"
    if n >= 10**8:
        return digits_to_cn(str(n))
    if n < 10000:
        text = _four(n)
    else:
        hi, lo = divmod(n, 10000)
        text = _four(hi) + "万"
        if lo:
            text += ("零" if lo < 1000 else "") + _four(lo)
    if text.startswith("一十"):
        text = text[1:]
    if len(text) > 1 and text[0] == "二" and text[1] in "千万百":
        text = "两" + text[1:]  # colloquial: 两千, 两万
    return text


def digits_to_cn(digits: str, yao: bool = False) -> str:
    """Read digits one by one (3821 -> 三八二一); ``yao`` reads 1 as 幺."""
    table = "零幺二三四五六七八九" if yao else _CN
    return "".join(table[int(c)] if c.isdigit() else c for c in digits)


def number_to_speech(token: str, digitwise: bool) -> str:
    pct = token.endswith("%")
    core = token.rstrip("%").replace(",", "")
    if digitwise or (len(core) > 1 and core[0] == "0" and "." not in core):
        spoken = digits_to_cn(core)
    elif "." in core:
        whole, frac = core.split(".", 1)
        spoken = int_to_cn(int(whole)) + "点" + digits_to_cn(frac)
    else:
        spoken = int_to_cn(int(core))
    return "百分之" + spoken if pct else spoken


def id_checksum(first17: str) -> str:
    return _ID_CHECK[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def luhn_ok(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(partial: str) -> str:
    for d in "0123456789":
        if luhn_ok(partial + d):
            return partial + d
    raise AssertionError("unreachable")


_STOP = set("的了我你他她们是在有这那就都也还吗吧呢啊呀嘛么个一不没很太要会说给让把被和与到得着过")
_STOP_BIGRAMS = frozenset((
    "知道", "问题", "现在", "时候", "已经", "什么", "怎么", "因为", "所以", "可以",
    "还是", "时间", "银行", "根本", "一直", "结果", "当时", "今天", "自己", "情况",
))


@functools.lru_cache(maxsize=65536)
def bigrams(text: str) -> frozenset[str]:
    """Content bigrams of the CJK characters in ``text`` (slots removed)."""
    text = _SLOT_RE.sub("", text)
    return frozenset(a + b for a, b in zip(text, text[1:], strict=False)
                     if "\u4e00" <= a <= "\u9fff" and "\u4e00" <= b <= "\u9fff"
                     and a not in _STOP and b not in _STOP and a + b not in _STOP_BIGRAMS)


def pick_related(rng: random.Random, candidates: list[str], context: frozenset[str]) -> str:
    """Prefer candidates sharing content words with what the customer said."""
    weights = [1.0 + 4.0 * min(3, len(bigrams(c) & context)) for c in candidates]
    return rng.choices(candidates, weights=weights, k=1)[0]


def best_related(rng: random.Random, candidates: list[str], context: frozenset[str]) -> str | None:
    """A candidate sharing content words with ``context``, or ``None`` when nothing matches."""
    scored = [(len(bigrams(c) & context), c) for c in candidates]
    top = max(score for score, _ in scored)
    if top == 0:
        return None
    return rng.choice([c for score, c in scored if score == top])


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def wchoice(rng: random.Random, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys], k=1)[0]


def end_punct(text: str, mark: str = "。") -> str:
    if not text:
        return text
    return text if text[-1] in "。！？!?…~，,：:" else text + mark


# ---------------------------------------------------------------------------------------------
# World entities


@dataclass
class Customer:
    idx: int
    customer_id: str
    assets: float
    tier: str
    tenure_months: int
    products: list[str]
    age_band: str
    age: int
    city: str
    city_row: tuple[str, float, str, str, list[str]]
    gender: str
    name: str
    mobile: str
    id_number: str
    card: str
    email: str
    landline: str
    address: str
    branch: str
    activity: float
    irritability: float
    random_effect: float
    digital: float
    writes_traditional: bool
    churned_at: date | None = None
    silent_churn: date | None = None
    last_dissatisfied: date | None = None
    # running state of the churn model
    open_unresolved: int = 0
    repeat_contacts: int = 0
    bad_service: int = 0
    wealth_loss: int = 0
    negative_mood: int = 0
    threat_voiced: int = 0


@dataclass
class Agent:
    agent_id: str
    number: str
    team: str
    pool: str
    skill: float
    hired_at: date
    nick: str


@dataclass
class Issue:
    customer: Customer
    kind: str  # complaint | inquiry | compliment
    primary: str  # category id, inquiry topic or "compliment"
    secondary: list[str]
    start: datetime
    event_date: date
    severity: float
    cache: dict[str, object] = field(default_factory=dict)
    history: list[tuple[str, datetime]] = field(default_factory=list)
    resolved: bool = False
    is_open: bool = False
    promised: str = ""


@dataclass
class Turn:
    speaker: str
    text: str
    hold_after: bool = False
    interrupt: bool = False


@dataclass
class Conv:
    rng: random.Random
    customer: Customer
    issue: Issue
    contact_no: int
    when: datetime
    channel: str
    agent: Agent | None
    emotion: str = "neutral"
    categories: list[str] = field(default_factory=list)
    churn_threat: bool = False
    churn_negated: bool = False
    escalation: bool = False
    urgency: bool = False
    forbidden: bool = False
    resolved: bool = False
    asr_noise: bool = False
    traditional: bool = False
    fullwidth: bool = False
    hostile: bool = False
    long_wait: bool = False
    social_reply: bool = False
    use_surname: bool = False
    pii_plan: list[str] = field(default_factory=list)
    pii_values: list[str] = field(default_factory=list)
    pii_kinds: list[str] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    duration_s: int | None = None
    timings: list[tuple[float, float]] = field(default_factory=list)
    conversation_id: str = ""
    context: frozenset[str] = frozenset()
    situation: str = ""

    # -- turn helpers
    def say(self, speaker: str, text: str, **kw: bool) -> None:
        text = text.strip()
        if text:
            self.turns.append(Turn(speaker, text, **kw))

    def pii(self, kind: str, value: str) -> str:
        self.pii_values.append(value)
        self.pii_kinds.append(kind)
        return f"\ue000{len(self.pii_values) - 1}\ue001"


# ---------------------------------------------------------------------------------------------
# Personal data (all random, never real)


def make_name(rng: random.Random) -> str:
    surname = rng.choice(TK.SURNAMES)
    given = "".join(rng.choice(TK.GIVEN_CHARS) for _ in range(rng.choice((1, 2, 2, 2))))
    return surname + given


def make_id_number(rng: random.Random, area: str, age: int, gender: str) -> str:
    birth = date(2025 - age, 1, 1) + timedelta(days=rng.randrange(365))
    seq = rng.randrange(0, 100) * 10 + (rng.choice((1, 3, 5, 7, 9)) if gender == "M"
                                          else rng.choice((0, 2, 4, 6, 8)))
    first17 = f"{area}{birth:%Y%m%d}{seq:03d}"
    return first17 + id_checksum(first17)


def make_card(rng: random.Random) -> str:
    prefix = rng.choice(("62", "62", "62", "4", "5"))
    length = rng.choice((16, 19, 19, 19, 18, 17)) if prefix == "62" else 16
    while True:
        body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
        card = luhn_complete(body)
        if length != 18 or id_checksum(card[:17]) != card[17]:
            return card  # an 18-digit card must not double as a valid ID number


def make_mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + "".join(rng.choice("0123456789") for _ in range(8))


def make_landline(rng: random.Random, area: str) -> str:
    n = 8 if len(area) == 3 else rng.choice((7, 8))
    return area + "-" + rng.choice("2345678") + "".join(rng.choice("0123456789")
                                                         for _ in range(n - 1))


def make_email(rng: random.Random) -> str:
    style = rng.random()
    if style < 0.3:
        local = str(rng.randrange(10**7, 10**10))
        return f"{local}@qq.com"
    local = rng.choice(PINYIN_SURNAMES) + rng.choice(("", "_", ".")) + rng.choice(PINYIN_GIVEN)
    if rng.random() < 0.8:
        local += str(rng.randrange(1, 9999))
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def make_address(rng: random.Random, city_row: tuple[str, float, str, str, list[str]]) -> str:
    city, _, _, _, districts = city_row
    road = rng.choice(TK.ROAD_PREFIXES) + rng.choice(TK.ROAD_SUFFIXES)
    estate = rng.choice(TK.ROAD_PREFIXES) + rng.choice(TK.ESTATES)
    if rng.random() < 0.5:
        tail = (f"{rng.randrange(1, 999)}号{estate}{rng.randrange(1, 30)}栋"
                f"{rng.randrange(1, 6)}单元{rng.randrange(1, 33)}0{rng.randrange(1, 5)}室")
    else:
        tail = (f"{rng.randrange(1, 2000)}弄{rng.randrange(1, 120)}号"
                f"{rng.randrange(1, 25)}0{rng.randrange(1, 6)}室")
    return f"{city}市{rng.choice(districts)}{road}{tail}"


def render_mobile(rng: random.Random, mobile: str, spoken_ok: bool) -> str:
    """Mobile number as said on the phone (``spoken_ok``) or as typed in writing."""
    r = rng.random()
    if spoken_ok:
        if r < 0.5:
            return digits_to_cn(mobile, yao=rng.random() < 0.5)
        return mobile if r < 0.8 else f"{mobile[:3]} {mobile[3:7]} {mobile[7:]}"
    if r < 0.45:
        return mobile
    if r < 0.6:
        return f"{mobile[:3]} {mobile[3:7]} {mobile[7:]}"
    if r < 0.72:
        return f"{mobile[:3]}-{mobile[3:7]}-{mobile[7:]}"
    if r < 0.84:
        return "+86 " + mobile
    if r < 0.92:
        return "+86-" + mobile
    return mobile.translate(_FULLWIDTH)


def render_card(rng: random.Random, card: str) -> str:
    if rng.random() < 0.3:
        return " ".join(card[i:i + 4] for i in range(0, len(card), 4))
    return card


def non_pii_number(rng: random.Random, length: int, prefix: str = "") -> str:
    """A digit string that is neither a valid ID number nor Luhn-valid (look-alike)."""
    while True:
        s = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix)))
        if luhn_ok(s):
            continue
        if length == 18 and id_checksum(s[:17]) == s[17]:
            continue
        return s


# ---------------------------------------------------------------------------------------------
# Slot filling


class Filler:
    """Fills ``{slot}`` placeholders for one conversation (entity slots cached per issue)."""

    FRESH = {"days", "count", "count_n", "wait", "wait_min", "queue_n", "minute", "otp", "days_n"}

    def __init__(self, conv: Conv) -> None:
        self.c = conv
        self.rng = conv.rng
        self.cache = conv.issue.cache
        self.local: dict[str, str] = {}
        self.renderers: dict[str, Callable[[], str]] = {
            name[2:]: getattr(self, name) for name in dir(self) if name.startswith("s_")
        }

    def fill(self, template: str) -> str:
        return _SLOT_RE.sub(lambda m: self.slot(m.group(1)), template.lstrip("*"))

    def slot(self, name: str) -> str:
        try:
            return self.renderers[name]()
        except KeyError:
            raise KeyError(f"unknown slot {{{name}}}") from None

    def cached(self, key: str, make: Callable[[], object]) -> object:
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]

    # money ---------------------------------------------------------------
    def _money(self, value: float, big: bool = False) -> str:
        rng = self.rng
        r = rng.random()
        if big and value >= 10000 and value % 10000 == 0 and r < 0.5:
            return (f"{int(value) // 10000}万" if rng.random() < 0.5
                    else int_to_cn(int(value) // 10000) + "万")
        if value != int(value):
            return f"{value:,.2f}元" if r < 0.5 else f"{value:.2f}元"
        v = int(value)
        if r < 0.35:
            return f"{v}元"
        if r < 0.55:
            return f"{v:,}元"
        if r < 0.75:
            return f"{v}块" + ("钱" if rng.random() < 0.5 else "")
        if v % 100 == 0 or v < 100:
            return int_to_cn(v) + rng.choice(("块", "块钱", "元"))
        return f"{v}元"

    def s_amount(self) -> str:
        def make() -> float:
            v = math.exp(self.rng.gauss(math.log(2000), 1.2))
            v = min(max(v, 20), 90000)
            if self.rng.random() < 0.4:
                return round(v, 2)
            return float(int(v) // 100 * 100 or 50)
        return self._money(float(self.cached("amount", make)))

    def s_big_amount(self) -> str:
        def make() -> float:
            v = math.exp(self.rng.gauss(math.log(150000), 0.9))
            return float(max(10000, int(v) // 10000 * 10000))
        return self._money(float(self.cached("big_amount", make)), big=True)

    def s_big_amount_cash(self) -> str:
        v = self.cached("cash", lambda: self.rng.choice((5, 6, 8, 10, 20, 30, 50)))
        return int_to_cn(int(v)) + "万" if self.rng.random() < 0.6 else f"{v}万"

    def s_fee(self) -> str:
        v = self.cached("fee", lambda: self.rng.choice(
            (2, 3, 5, 10, 12, 15, 20, 25, 30, 36, 50, 60, 100, 120, 150, 200, 300, 360, 480, 600)))
        return self._money(float(v))

    def s_fee_name(self) -> str:
        return str(self.cached("fee_name", lambda: self.rng.choice(TK.FEE_NAMES)))

    def s_fee_change(self) -> str:
        return self.rng.choice(("4月1日", "四月份", "今年4月", "今年四月"))

    def s_threshold(self) -> str:
        return self.rng.choice(("300", "1000", "3000", "10000"))

    def s_loss_pct(self) -> str:
        v = int(self.cached("loss_pct", lambda: self.rng.randint(3, 28)))
        r = self.rng.random()
        return f"{v}%" if r < 0.5 else ("百分之" + int_to_cn(v) if r < 0.8 else f"{v}个点")

    def s_loss_amount(self) -> str:
        def make() -> float:
            base = float(self.cached("big_amount", lambda: 150000.0))
            pct = int(self.cached("loss_pct", lambda: self.rng.randint(3, 28)))
            return round(base * pct / 100, 2)
        v = float(self.cached("loss_amount", make))
        if v >= 10000 and self.rng.random() < 0.5:
            return int_to_cn(int(v // 10000)) + "万多"
        return self._money(v)

    def s_balance(self) -> str:
        v = self.cached("balance", lambda: round(math.exp(self.rng.gauss(8.5, 1.5)), 2))
        return f"{float(v):,.2f}"

    def s_limit(self) -> str:
        v = int(self.cached("limit", lambda: self.rng.choice((2, 3, 5, 8, 10, 15, 20, 30))))
        return f"{v}万" if self.rng.random() < 0.5 else int_to_cn(v) + "万"

    def s_limit_low(self) -> str:
        v = int(self.cached("limit", lambda: self.rng.choice((2, 3, 5, 8, 10, 15, 20, 30))))
        low = max(1, v // self.rng.choice((2, 3, 4)))
        return f"{low * 1000 * 10 // 10000}万" if low * 10000 % 10000 == 0 else f"{low}千"

    def s_small_note(self) -> str:
        return self.rng.choice(("一百块", "两百", "五十块", "一百", "三百块"))

    def s_points(self) -> str:
        return str(self.rng.randrange(800, 60000))

    def s_fx_rate(self) -> str:
        return f"7.{self.rng.randrange(1000, 2999)}"

    # rates -------------------------------------------------------------------
    def _rate_value(self) -> float:
        return float(self.cached("rate", lambda: round(self.rng.uniform(1.6, 4.2), 2)))

    def s_rate(self) -> str:
        v = self._rate_value()
        return f"{v}%" if self.rng.random() < 0.7 else "百分之" + number_to_speech(str(v), False)

    def s_rate_high(self) -> str:
        return f"{self._rate_value() + self.rng.choice((0.8, 1.2, 1.5, 2.0)):.2f}%"

    def s_nav(self) -> str:
        return f"0.{self.rng.randrange(8500, 9950)}"

    def s_t_days(self) -> str:
        return self.rng.choice(("1", "2", "3"))

    def s_days_n(self) -> str:
        return self.rng.choice(("90", "180", "365", "270"))

    # dates -------------------------------------------------------------------
    def _render_date(self, d: date, allow_relative: bool) -> str:
        rng = self.rng
        delta = (self.c.when.date() - d).days
        if allow_relative and 0 <= delta <= 6 and rng.random() < 0.6:
            return {0: "今天", 1: "昨天", 2: "前天"}.get(
                delta, rng.choice(("这周", "上周")) + "一二三四五六日"[d.weekday()]
                if delta >= 3 else "前几天")
        r = rng.random()
        if r < 0.4:
            return f"{d.month}月{d.day}号"
        if r < 0.7:
            return f"{d.month}月{d.day}日"
        if r < 0.85:
            return f"{d.year}年{d.month}月{d.day}日"
        return f"{d.month}.{d.day}"

    def s_date(self) -> str:
        return self._render_date(self.c.issue.event_date, allow_relative=True)

    def s_date_future(self) -> str:
        return self._render_date(self.c.when.date() + timedelta(days=self.rng.randint(3, 25)),
                                 allow_relative=False)

    def s_month(self) -> str:
        m = self.c.issue.event_date.month
        return f"{m}月" + ("份" if self.rng.random() < 0.5 else "")

    def s_day(self) -> str:
        return str(self.cached("day", lambda: self.rng.choice((1, 5, 8, 10, 15, 18, 20, 25))))

    def s_minute(self) -> str:
        return f"{self.rng.randrange(0, 60):02d}"

    def s_days(self) -> str:
        if "days" not in self.local:
            self.local["days"] = self._days()
        return self.local["days"]

    def _days(self) -> str:
        return self.rng.choice(("三个工作日", "五个工作日", "七个工作日", "十五个工作日", "一周",
                                "三天",
                                "两个工作日", "48小时"))

    def s_promised(self) -> str:
        return self.c.issue.promised or self.rng.choice(("三天", "三个工作日", "一周"))

    def s_count(self) -> str:
        return self.rng.choice(("两次", "三次", "好几次", "两回", "三四次", "五六次"))

    def s_count_n(self) -> str:
        return self.rng.choice(("3", "5", "6", "12", "六", "三"))

    def s_count_days(self) -> str:
        return str(self.cached("count_days",
                               lambda: self.rng.choice(("两", "三", "四", "五", "七"))))

    def s_years(self) -> str:
        years = max(1, self.c.customer.tenure_months // 12)
        if years >= 10 and self.rng.random() < 0.5:
            return "十几" if years < 20 else "二十多"
        return "两" if years == 2 else int_to_cn(years)

    def s_wait(self) -> str:
        return self.rng.choice(("四十分钟", "一个多小时", "两个小时", "一个半小时", "快一个小时"))

    def s_wait_min(self) -> str:
        return self.rng.choice(("二十分钟", "半个小时", "十五分钟", "四十多分钟", "快半个小时"))

    def s_queue_n(self) -> str:
        return str(self.rng.randrange(3, 40))

    # entities -----------------------------------------------------------------
    def s_merchant(self) -> str:
        return str(self.cached("merchant", lambda: self.rng.choice(TK.MERCHANTS)))

    def s_tail_digits(self) -> str:
        return self.c.customer.card[-4:]

    def s_tail(self) -> str:
        return self.rng.choice(("尾号", "尾号是", "卡号后四位")) + self.c.customer.card[-4:]

    def s_last4(self) -> str:
        return self.c.customer.id_number[-4:]

    def s_product(self) -> str:
        def make() -> str:
            rng = self.rng
            name = rng.choice(TK.WEALTH_PREFIXES) + rng.choice(TK.WEALTH_SUFFIXES)
            return name + rng.choice((f"{rng.choice((90, 180, 365))}天", f"{rng.randint(1, 12)}号",
                                      "A款", "B", "一年期"))
        return str(self.cached("product", make))

    def s_fund(self) -> str:
        return str(self.cached("fund", lambda: self.rng.choice(TK.FUND_TYPES)))

    def s_risk(self) -> str:
        return self.rng.choice(TK.RISK_LEVELS)

    def s_loan(self) -> str:
        return str(self.cached("loan", lambda: self.rng.choice(TK.LOANS)))

    def s_branch(self) -> str:
        return self.c.customer.branch

    def s_staff(self) -> str:
        return str(self.cached("staff", lambda: self.rng.choice(TK.STAFF)))

    def s_staff_no(self) -> str:
        return str(self.cached("staff_no", lambda: str(self.rng.randrange(10000, 99999))))

    def s_staff_praise(self) -> str:
        return str(self.cached("staff_praise", lambda: self.rng.choice(TK.STAFF_PRAISE)))

    def s_app_feature(self) -> str:
        return str(self.cached("app_feature", lambda: self.rng.choice(TK.APP_FEATURES)))

    def s_error(self) -> str:
        return "“" + str(self.cached("error", lambda: self.rng.choice(TK.ERRORS))) + "”"

    def s_err_code(self) -> str:
        return str(self.cached("err_code", lambda: f"E{self.rng.randrange(1000, 9999)}"))

    def s_phone_model(self) -> str:
        return str(self.cached("phone_model", lambda: self.rng.choice(TK.PHONE_MODELS)))

    def s_hotline_like(self) -> str:
        return self.rng.choice(("95", "400", "021", "010", "0755"))

    def s_city(self) -> str:
        return self.c.customer.city

    def s_other_bank(self) -> str:
        return str(self.cached("other_bank", lambda: self.rng.choice(TK.OTHER_BANKS)))

    def s_order_no(self) -> str:
        return str(self.cached("order_no", lambda: non_pii_number(
            self.rng, 18, "2025" + f"{self.c.issue.event_date:%m%d}")))

    def s_serial(self) -> str:
        return non_pii_number(self.rng, 20, "8")

    def s_ticket(self) -> str:
        return str(self.cached("ticket", lambda: "GD" + f"{self.c.issue.start:%Y%m%d}"
                               + f"{self.rng.randrange(0, 9999):04d}"))

    def s_otp(self) -> str:
        return f"{self.rng.randrange(0, 999999):06d}"

    def s_bank(self) -> str:
        return TK.BANK

    def s_hotline(self) -> str:
        return TK.HOTLINE

    def s_cat_name(self) -> str:
        primary = self.c.categories[0] if self.c.categories else "other"
        return labels.CATEGORIES[primary]

    # repeat contacts -------------------------------------------------------------
    def s_nth(self) -> str:
        n = self.c.contact_no + 1
        return "第" + ("二" if n == 2 else int_to_cn(n)) + "次"

    def s_nth_plain(self) -> str:
        n = self.c.contact_no
        return ("两" if n + 1 == 2 else int_to_cn(n + 1)) + "次" if n < 3 else "好几次"

    def _previous(self) -> tuple[str, datetime]:
        hist = self.c.issue.history
        return hist[-1] if hist else ("phone", self.c.when - timedelta(days=3))

    def s_prev_channel(self) -> str:
        return TK.PREV_CHANNEL[self._previous()[0]]

    def s_prev_when(self) -> str:
        days = (self.c.when.date() - self._previous()[1].date()).days
        if days <= 1:
            return "昨天"
        if days == 2:
            return "前天"
        if days <= 6:
            return int_to_cn(days) + "天前"
        if days <= 13:
            return "上周"
        if days <= 20:
            return "半个月前"
        return "上个月"

    # people ---------------------------------------------------------------------
    def s_name(self) -> str:
        return self.c.pii("name", self.c.customer.name)

    def s_hon(self) -> str:
        cust = self.c.customer
        title = "先生" if cust.gender == "M" else "女士"
        if self.c.use_surname:
            surname = cust.name[:2] if cust.name[:2] in TK.SURNAMES else cust.name[0]
            return self.c.pii("name", surname + title)
        return title

    def s_hon_formal(self) -> str:
        if self.c.use_surname:
            return self.s_hon()
        return "客户" if self.rng.random() < 0.5 else ("先生" if self.c.customer.gender == "M"
                                                      else "女士")

    def s_agent_no(self) -> str:
        return self.c.agent.number if self.c.agent else "10000"

    def s_nick(self) -> str:
        return self.c.agent.nick if self.c.agent else "小云"

    def s_team(self) -> str:
        return self.c.agent.team if self.c.agent else ""

    # nested banks used by written replies ------------------------------------------
    def s_empathy(self) -> str:
        return self.rng.choice(TK.EMPATHY)

    def s_solution(self) -> str:
        return end_punct(self.fill(agent_outcome(self.rng, bank(self.c)["solutions"],
                                                 TK.GENERIC_SOLUTIONS, self.c.context)))

    def s_pending(self) -> str:
        return end_punct(self.fill(agent_outcome(self.rng, bank(self.c)["pending"],
                                                 TK.GENERIC_PENDING, self.c.context)))

    def s_outcome(self) -> str:
        if not self.c.categories:
            return "我们已经收到您的反馈。"
        return self.s_solution() if self.c.resolved else self.s_pending()


HARVEST_HINTS: dict[str, list[tuple[str, str]]] = {
    "fee_name": [("免年费", "年费"), ("年费", "年费"), ("短信", "短信通知服务费"),
                 ("工本费", "工本费"), ("境外取", "境外取现手续费"), ("转了", "跨行转账手续费"),
                 ("转账", "跨行转账手续费"),
                 ("违约金", "提前还款违约金"), ("余额", "小额账户管理费")],
}


def pick_line(rng: random.Random, candidates: list[str], context: frozenset[str]) -> str:
    """A line related to ``context``; else one marked generic (``*``); else any."""
    hit = best_related(rng, candidates, context)
    if hit is not None and rng.random() < 0.85:
        return hit
    generic = [c for c in candidates if c.startswith("*")]
    return rng.choice(generic or candidates)


def agent_outcome(rng: random.Random, specific: list[str], generic: list[str],
                  context: frozenset[str]) -> str:
    """A category solution that fits what was said, else a generic or a random one."""
    hit = best_related(rng, specific, context)
    if hit is not None:
        return hit
    return rng.choice(generic) if rng.random() < 0.85 else rng.choice(specific)


def harvest(conv: Conv, text: str) -> None:
    """Pin issue entities to what the customer actually said (keeps later lines consistent)."""
    cache = conv.issue.cache
    for key, values in (("fee_name", TK.FEE_NAMES), ("loan", TK.LOANS),
                        ("app_feature", TK.APP_FEATURES), ("merchant", TK.MERCHANTS)):
        if key in cache:
            continue
        hit = next((v for v in values if v in text), None)
        if hit is None:
            hit = next((v for k, v in HARVEST_HINTS.get(key, []) if k in text), None)
        if hit is not None:
            cache[key] = hit


def restatement(conv: Conv, f: Filler, situation: str) -> str:
    """The agent confirms the problem in its own words."""
    rng = conv.rng
    clause = re.split(r"[，。！？,!?]", situation)[0]
    if (6 <= len(clause) <= 26 and not re.search(r"凭什么|怎么|为什么|吗|呢|我们|你们|哪", clause)
            and clause.startswith(("我", "在", "有", "卡", "账户", "手机", "App"))
            and rng.random() < 0.6):
        return "您是说" + clause.replace("我", "您") + "，对吗？"
    noun = f.fill(rng.choice(FR.TOPIC_NOUNS[conv.categories[0]]))
    return rng.choice(("我跟您确认一下，您反映的是{n}的问题，对吗？",
                       "您是说{n}这方面出了问题是吧？",
                       "好的，{n}的问题，我理解得对吗？")).replace("{n}", noun)


def bank(conv: Conv) -> dict[str, list[str]]:
    primary = conv.categories[0] if conv.categories else "other"
    return FR.BANKS[primary]


# ---------------------------------------------------------------------------------------------
# Utterance composition


def compose(parts: list[str], rng: random.Random, emotion: str) -> str:
    strong = "！" if emotion == "anger" and rng.random() < 0.5 else "。"
    out = ""
    for i, part in enumerate(p for p in parts if p):
        last = i == len([p for p in parts if p]) - 1
        if part[-1] in "。！？!?…":
            out += part
        else:
            out += part + (strong if last else rng.choice(("，", "，", "。", strong)))
    return out


def particle(text: str, rng: random.Random) -> str:
    """Add a colloquial sentence-final particle before the last punctuation sometimes."""
    if (rng.random() < 0.2 and len(text) > 4 and text[-1] in "。！"
            and text[-2] not in "了吧啊呀嘛呢吗"):
        return text[:-1] + rng.choice(("啊", "呀", "啊", "嘛")) + text[-1]
    return text


def complaint_statement(conv: Conv, f: Filler, cat: str, long: bool = False) -> str:
    rng, emo = conv.rng, conv.emotion
    bnk = FR.BANKS[cat]
    key = f"situation:{cat}"
    template = conv.issue.cache.get(key)
    if not isinstance(template, str) or rng.random() < 0.3:
        template = rng.choice(bnk["situations"])
        conv.issue.cache.setdefault(key, template)
    situation = f.fill(template)
    harvest(conv, situation)
    conv.context = conv.context | bigrams(situation)
    conv.situation = conv.situation or situation
    parts = [situation]
    if long:
        for _ in range(rng.randint(1, 3)):
            detail = f.fill(pick_line(rng, bnk["details"], conv.context))
            if detail not in parts:
                parts.append(detail)
    if rng.random() < (0.7 if long else 0.4):
        parts.append(f.fill(pick_related(rng, bnk["consequences"], conv.context)))
    if rng.random() < 0.55 or long:
        parts.append(f.fill(rng.choice(TK.EMOTION_ADDONS[emo])))
    if emo in ("anger", "disgust") and rng.random() < (0.3 if long else 0.15):
        parts.append(rng.choice(TK.SARCASM + (TK.SARCASM_REPEAT if conv.contact_no else [])))
    if emo in ("anger", "sadness", "disgust") and rng.random() < (0.35 if long else 0.15):
        parts.append(rng.choice(TK.RHETORICAL))
    if rng.random() < 0.07:
        parts.insert(0, rng.choice(TK.MIXED_OPENING))
    if rng.random() < (0.8 if long else 0.3):
        parts.append(f.fill(pick_related(rng, bnk["demands"], conv.context)))
    return compose(parts, rng, emo)


# ---------------------------------------------------------------------------------------------
# Conversation planning


def draw_emotion(conv: Conv) -> str:
    rng, issue, cust = conv.rng, conv.issue, conv.customer
    if issue.kind == "compliment":
        return "joy"
    if issue.kind == "inquiry":
        topic = TK.INQUIRIES[issue.primary]
        if topic.get("emotion"):
            return str(topic["emotion"]) if rng.random() < 0.8 else "neutral"
        return wchoice(rng, {"neutral": 0.9, "anxiety": 0.05, "surprise": 0.05})
    weights = dict(CATEGORY_EMOTION[issue.primary])
    weights["anger"] = weights.get("anger", 0) * (1 + 0.6 * conv.contact_no + cust.irritability)
    weights["disgust"] = weights.get("disgust", 0) * (1 + 0.3 * conv.contact_no)
    weights["neutral"] = weights.get("neutral", 0.3) * (1.5 - cust.irritability)
    weights["surprise"] = weights.get("surprise", 0.2) * (0.4 if conv.contact_no else 1.0)
    return wchoice(rng, weights)


def plan_conversation(conv: Conv) -> None:
    rng, issue, cust = conv.rng, conv.issue, conv.customer
    conv.categories = [issue.primary, *issue.secondary] if issue.kind == "complaint" else []
    conv.emotion = draw_emotion(conv)
    interactive = conv.channel in ("phone", "online_chat", "app", "branch")
    negative = conv.emotion in NEGATIVE
    if issue.kind == "complaint":
        wealth = 1.0 if "wealth" in conv.categories else 0.0
        x = (-3.5 + 1.0 * (conv.emotion in ("anger", "disgust", "sadness")) + 0.6 * conv.contact_no
             + 0.4 * min(cust.open_unresolved, 3) + 0.6 * cust.random_effect + 0.8 * wealth
             + 0.6 * issue.severity + (0.25 if cust.tier == "standard" else 0.0)
             - (0.4 if cust.tier == "diamond" else 0.0))
        conv.churn_threat = rng.random() < sigmoid(x)
        y = (-3.3 + 1.1 * (conv.emotion == "anger") + 0.6 * conv.contact_no + 0.7 * issue.severity
             + 0.7 * (issue.primary in ("fraud", "wealth", "privacy", "credit_report", "attitude"))
             + (0.6 if conv.channel in ("social", "email") else 0.0))
        conv.escalation = rng.random() < sigmoid(y)
        conv.churn_negated = not conv.churn_threat and rng.random() < 0.07
        z = -1.8 + 1.2 * (conv.emotion == "anxiety") + 0.9 * (
            issue.primary in ("fraud", "payments", "atm", "loans", "digital"))
        conv.urgency = rng.random() < sigmoid(z)
    elif issue.kind == "inquiry":
        conv.churn_negated = bool(TK.INQUIRIES[issue.primary].get("negated"))
        conv.urgency = issue.primary == "lost_card" and rng.random() < 0.6
    # agent behaviour
    if conv.agent is not None and interactive and issue.kind != "compliment":
        conv.forbidden = rng.random() < 0.55 * (1 - conv.agent.skill) ** 2.2
    # resolution
    skill = conv.agent.skill if conv.agent else 0.5
    if issue.kind == "complaint":
        p = (BASE_RESOLVE[issue.primary] + 0.35 * (skill - 0.6) + 0.12 * conv.contact_no
             + TIER_SERVICE_BONUS[cust.tier]
             - 0.1 * len(issue.secondary) - (0.3 if conv.forbidden else 0.0)
             - (0.15 if conv.channel in ("social", "email") else 0.0))
    elif issue.kind == "inquiry":
        p = 0.93 - (0.4 if conv.forbidden else 0.0)
    else:
        p = 1.0
    conv.resolved = rng.random() < min(max(p, 0.03), 0.98)
    # noise and form
    conv.asr_noise = conv.channel == "phone" and rng.random() < 0.7
    if conv.channel in WRITTEN_CHANNELS:
        p_trad = 0.85 if cust.writes_traditional else 0.012
        conv.traditional = rng.random() < p_trad
        conv.fullwidth = not conv.traditional and rng.random() < 0.02
        conv.hostile = rng.random() < 0.012
    conv.long_wait = (conv.channel in ("phone", "online_chat", "branch")
                      and rng.random() < 0.12 + 0.1 * negative)
    # personal data plan
    conv.use_surname = conv.channel in ("phone", "branch", "online_chat", "app", "email") and (
        rng.random() < {"phone": 0.4, "branch": 0.3, "online_chat": 0.15, "app": 0.15,
                        "email": 0.5}[conv.channel])
    probs = {
        "phone": {"mobile": 0.14, "landline": 0.03, "id_number": 0.07, "bank_card": 0.06,
                  "email": 0.01, "name": 0.12, "address": 0.04},
        "online_chat": {"mobile": 0.16, "landline": 0.01, "id_number": 0.05, "bank_card": 0.08,
                        "email": 0.04, "name": 0.05, "address": 0.02},
        "app": {"mobile": 0.10, "landline": 0.0, "id_number": 0.03, "bank_card": 0.06,
                "email": 0.02, "name": 0.04, "address": 0.01},
        "branch": {"mobile": 0.06, "landline": 0.02, "id_number": 0.02, "bank_card": 0.02,
                   "email": 0.0, "name": 0.10, "address": 0.03},
        "email": {"mobile": 0.45, "landline": 0.10, "id_number": 0.12, "bank_card": 0.14,
                  "email": 0.22, "name": 0.55, "address": 0.15},
        "social": {"mobile": 0.07, "landline": 0.01, "id_number": 0.01, "bank_card": 0.02,
                   "email": 0.02, "name": 0.02, "address": 0.01},
    }[conv.channel]
    if issue.kind == "compliment":
        probs = {k: v * 0.4 for k, v in probs.items()}
    conv.pii_plan = [k for k in PII_ORDER if rng.random() < probs[k]]


# ---------------------------------------------------------------------------------------------
# Dialogue builders


def system_open(conv: Conv, f: Filler) -> None:
    rng = conv.rng
    if conv.channel == "phone":
        conv.say("system", f.fill(TK.SYSTEM_OPEN["phone"][0]))
        if conv.long_wait or rng.random() < 0.2:
            conv.say("system", f.fill(TK.SYSTEM_OPEN["phone_queue"][0]))
        if rng.random() < 0.5:
            conv.say("system", TK.SYSTEM_OPEN["phone"][1])
    elif conv.channel == "online_chat":
        if conv.long_wait:
            conv.say("system", f.fill(TK.SYSTEM_OPEN["online_chat_queue"][0]))
        for line in TK.SYSTEM_OPEN["online_chat"]:
            conv.say("system", f.fill(line))
    elif conv.channel == "app":
        conv.say("system", f.fill(rng.choice(TK.SYSTEM_OPEN["app"])))


def system_close(conv: Conv, f: Filler) -> None:
    lines = TK.SYSTEM_CLOSE.get(conv.channel)
    if lines and conv.rng.random() < 0.7:
        conv.say("system", f.fill(conv.rng.choice(lines)))


def style_of(channel: str) -> str:
    return {"phone": "phone", "branch": "branch", "online_chat": "chat", "app": "chat"}.get(
        channel, "chat")


def greeting(conv: Conv, f: Filler) -> None:
    assert conv.agent is not None
    skip = conv.rng.random() < 0.6 * (1 - conv.agent.skill) ** 2
    if skip:
        conv.say("agent", conv.rng.choice(TK.GREETINGS_SKIPPED))
    else:
        conv.say("agent", f.fill(conv.rng.choice(TK.GREETINGS[style_of(conv.channel)])))


def customer_burst(conv: Conv, text: str) -> None:
    """Chat customers split a message into several short ones."""
    if conv.channel in ("online_chat", "app") and conv.rng.random() < 0.45:
        pieces = [p for p in re.split(r"(?<=[，。！？])", text) if p]
        if len(pieces) >= 2:
            cut = conv.rng.randint(1, len(pieces) - 1)
            conv.say("customer", "".join(pieces[:cut]).rstrip("，"))
            conv.say("customer", "".join(pieces[cut:]))
            return
    conv.say("customer", text)


def pii_line(conv: Conv, f: Filler, kind: str) -> str:
    cust, rng = conv.customer, conv.rng
    if kind == "mobile":
        value = render_mobile(rng, cust.mobile, spoken_ok=conv.channel == "phone")
    elif kind == "landline":
        value = cust.landline
    elif kind == "id_number":
        value = cust.id_number
    elif kind == "bank_card":
        value = render_card(rng, cust.card)
    elif kind == "email":
        value = cust.email
    elif kind == "address":
        value = cust.address
    else:
        raise ValueError(kind)
    template = rng.choice(TK.CALLBACK_PII[kind])
    return f.fill(template.replace("{pii}", conv.pii(kind, value)))


def verification(conv: Conv, f: Filler) -> None:
    rng = conv.rng
    plan = conv.pii_plan
    kind = next((k for k in ("id_number", "bank_card", "mobile") if k in plan), None)
    if kind is None:
        kind = "name" if "name" in plan and rng.random() < 0.6 else "last4"
    conv.say("agent", rng.choice(TK.VERIFY_ASK[kind]))
    if kind == "last4":
        conv.say("customer", rng.choice(("", "后四位是", "是", "嗯，")) + f.slot("last4")
                 + rng.choice(("", "。")))
    elif kind == "name":
        conv.say("customer", f.fill(rng.choice(TK.SELF_INTRO)))
    else:
        value = {"id_number": conv.customer.id_number,
                 "bank_card": render_card(rng, conv.customer.card),
                 "mobile": render_mobile(rng, conv.customer.mobile,
                                         spoken_ok=conv.channel == "phone")}[kind]
        lead = rng.choice(("", "好的，", "嗯，是", "我看一下啊，", ""))
        conv.say("customer", lead + conv.pii(kind, value))
    conv.say("agent", f.fill(rng.choice(TK.VERIFY_OK)))


def leftover_pii(conv: Conv, f: Filler) -> None:
    """Personal data the plan wants that the dialogue has not embedded yet."""
    rng = conv.rng
    used = set(conv.pii_kinds)
    for kind in ("mobile", "landline", "email", "address", "id_number", "bank_card"):
        if kind in conv.pii_plan and kind not in used:
            if conv.agent is not None and rng.random() < 0.85:
                ask = {"mobile": rng.choice(("方便留一个联系电话吗？后续有进展我们联系您。",
                                             "为了方便回访，能留一个手机号吗？")),
                       "landline": "请问还有其他联系方式吗？",
                       "email": "需要把书面材料发到您邮箱吗？",
                       "address": rng.choice(("需要给您寄书面材料的话，寄到哪个地址？",
                                              "请问您的通讯地址是？")),
                       "id_number": "麻烦再提供一下身份证号码，我登记一下。",
                       "bank_card": "请提供一下涉及的卡号。"}[kind]
                conv.say("agent", ask)
            conv.say("customer", pii_line(conv, f, kind))
    if "name" in conv.pii_plan and "name" not in used:
        conv.say("customer", f.fill(rng.choice(TK.SELF_INTRO)))


def repeat_line(conv: Conv, f: Filler) -> str:
    line = f.fill(conv.rng.choice(TK.REPEATS))
    if conv.channel != "phone":
        line = line.replace("打来了", "来找你们了").replace("打了好几次电话", "找了你们好几次")
    return line


def intents_lines(conv: Conv, f: Filler) -> list[str]:
    rng = conv.rng
    lines: list[str] = []
    if conv.churn_threat:
        lines.append(f.fill(rng.choice(TK.CHURN_THREATS)))
    if conv.escalation:
        lines.append(rng.choice(TK.ESCALATIONS))
    elif rng.random() < 0.04 and conv.issue.kind == "complaint":
        lines.append(rng.choice(TK.ESCALATION_NEGATED))
    rng.shuffle(lines)
    return lines


def build_complaint_dialogue(conv: Conv, f: Filler) -> None:
    rng = conv.rng
    branch = conv.channel == "branch"
    assert conv.agent is not None
    skill = conv.agent.skill
    system_open(conv, f)
    greeting(conv, f)
    style = style_of(conv.channel)
    bnk = FR.BANKS[conv.categories[0]]
    # opening statement
    opener = rng.choice(TK.OPENERS[style])
    if style == "chat" and opener:
        conv.say("customer", opener)
        opener = ""
    lead = [opener]
    if conv.long_wait and rng.random() < 0.7:
        lead.append(f.fill(rng.choice(TK.WAIT_MENTIONS[style])))
    repeat_said = conv.contact_no > 0 and rng.random() < 0.9
    if repeat_said:
        lead.append(repeat_line(conv, f))
    statement = complaint_statement(conv, f, conv.categories[0])
    # a customer who ends up satisfied voiced threats up front, not after the fix
    satisfied = conv.resolved and not conv.forbidden
    early_intents = intents_lines(conv, f) if satisfied or rng.random() < 0.35 else []
    urgency_early = conv.urgency and (satisfied or rng.random() < 0.6)
    text = particle("".join(lead) + statement, rng) + "".join(early_intents)
    if urgency_early:
        text = end_punct(text) + rng.choice(TK.URGENCY)
    customer_burst(conv, text)
    if repeat_said and rng.random() < 0.3 + 0.6 * skill:
        conv.say("agent", rng.choice(TK.REPEAT_RESPONSES))
    # identity check
    if not branch and rng.random() < 0.7:
        verification(conv, f)
    elif branch and rng.random() < 0.25:
        conv.say("agent", "麻烦出示一下您的身份证。")
        conv.say("customer", rng.choice(("给你。", "好的。", "在这儿。")))
    # probing
    probes = [p for p in bnk["probes"] if not (branch and "网点" in p)
              and not ("bank_card" in conv.pii_kinds and "卡号" in p)]
    probes = probes or ["具体是什么情况，您慢慢说。"]
    empathy = rng.choice(TK.EMPATHY) if rng.random() < 0.2 + 0.7 * skill else ""
    conv.say("agent", empathy + f.fill(pick_line(rng, probes, conv.context)))
    details = [f.fill(pick_line(rng, bnk["details"], conv.context))]
    if rng.random() < 0.35:
        details.append(f.fill(rng.choice(TK.LOOKALIKE_LINES)))
    if rng.random() < 0.3:
        details.append(f.fill(pick_related(rng, bnk["consequences"], conv.context)))
    if rng.random() < 0.2:
        details.insert(0, rng.choice(TK.PRE_DETAIL))
    conv.say("customer", particle(compose(details, rng, conv.emotion), rng))
    if rng.random() < (0.25 if branch else 0.45):
        conv.say("agent", restatement(conv, f, conv.situation))
        conv.say("customer", rng.choice(TK.CONFIRM_ACKS))
    # secondary categories
    for cat in conv.categories[1:]:
        if cat == "attitude" and conv.forbidden:
            continue  # raised later, as a reaction to this agent
        conv.say("customer", f.fill(rng.choice(FR.BANKS[cat]["second"])) + "。")
        conv.say("agent", rng.choice(("好的，这个问题我也一并帮您记录。",
                                      "明白，这个我也帮您反馈。",
                                      "好的，我记下来了。")))
    # hold and findings
    if not branch or rng.random() < 0.4:
        conv.say("agent", rng.choice(TK.HOLD), hold_after=True)
        back = f.fill(rng.choice(TK.HOLD_BACK))
        related = best_related(rng, bnk["explain"], conv.context)
        explain = f.fill(related) + "。" if related and rng.random() < 0.75 else ""
        if back or explain:
            conv.say("agent", back + explain)
            if explain and rng.random() < 0.5:
                if conv.emotion in NEGATIVE:
                    line = rng.choice([*TK.RHETORICAL, "那之前怎么没人告诉我？",
                                       "我不管什么规定。"])
                else:
                    line = rng.choice(("哦，是这样。", "那之前怎么没人告诉我？", "原来是这样。"))
                conv.say("customer", line, interrupt=conv.emotion == "anger" and rng.random() < 0.5)
    # resolution
    if conv.forbidden:
        conv.say("agent", rng.choice(TK.FORBIDDEN))
        conv.say("customer", rng.choice(TK.REACT_BAD), interrupt=rng.random() < 0.4)
        if "attitude" not in conv.categories and rng.random() < 0.7:
            conv.categories.append("attitude")
        if conv.emotion in ("neutral", "surprise", "anxiety") and rng.random() < 0.6:
            conv.emotion = "anger"
        if rng.random() < 0.5:
            conv.issue.promised = rng.choice(("三天", "三个工作日", "一周"))
            conv.say("agent", rng.choice(("那我帮您登记一下吧。", "行吧，我给您提交个工单。",
                                          "我这边只能帮您记录。")))
    elif conv.resolved:
        conv.say("agent", f.fill(agent_outcome(rng, bnk["solutions"], TK.GENERIC_SOLUTIONS,
                                               conv.context)) + "。"
                 + (rng.choice(TK.CONFIRM_RESOLVED) if rng.random() < 0.6 else ""))
    else:
        conv.say("agent", f.fill(agent_outcome(rng, bnk["pending"], TK.GENERIC_PENDING,
                                               conv.context)) + "。")
        conv.issue.promised = f.slot("days")
    # reaction, with intents if not voiced yet
    reaction: list[str] = []
    if conv.forbidden:
        reaction.append(f.fill(rng.choice(TK.EMOTION_ADDONS[conv.emotion]))
                        or rng.choice(TK.RHETORICAL))
        if rng.random() < 0.4:
            reaction.append(rng.choice(TK.RHETORICAL))
    elif conv.resolved:
        reaction.append(rng.choice(TK.REACT_RESOLVED))
        if rng.random() < 0.08:
            reaction.insert(0, rng.choice(TK.MIXED_REACTION))
    else:
        reaction.append(f.fill(rng.choice(TK.REACT_PENDING)))
        if conv.emotion != "neutral" and rng.random() < 0.4:
            reaction.append(f.fill(rng.choice(TK.EMOTION_ADDONS[conv.emotion])))
        if conv.emotion in ("anger", "disgust") and rng.random() < 0.2:
            reaction.append(rng.choice(TK.SARCASM + (TK.SARCASM_REPEAT if conv.contact_no else [])))
        if rng.random() < 0.1:
            reaction.insert(0, rng.choice(TK.MIXED_REACTION))
    reaction = [particle(compose(reaction, rng, conv.emotion), rng)]
    if not early_intents:
        reaction += intents_lines(conv, f)
    if conv.urgency and not urgency_early:
        reaction.append(rng.choice(TK.URGENCY))
    ask_churn = False
    if conv.churn_negated:
        if conv.resolved or rng.random() < 0.4:
            reaction.append(rng.choice(TK.CHURN_NEGATED))
        else:
            reaction.append(rng.choice(TK.CHURN_AMBIGUOUS_TRIGGERS))
            ask_churn = True
    conv.say("customer", compose(reaction, rng, conv.emotion))
    if ask_churn:
        conv.say("agent", rng.choice(TK.AGENT_CHURN_QUESTIONS))
        conv.say("customer", rng.choice(TK.CUSTOMER_NOT_CHURN_REPLIES))
    if conv.churn_threat:
        conv.say("agent", rng.choice(TK.RETENTION))
        conv.say("customer", rng.choice(("你们先解决了再说。", "看你们表现吧。", "不用劝了。",
                                         "嗯。",
                                         "好吧。", "我再考虑考虑。")))
    if conv.escalation:
        conv.say("agent", rng.choice(TK.ESCALATION_RESPONSES))
        if rng.random() < 0.4:
            conv.say("customer", rng.choice(TK.SHORT_ACKS))
    elif conv.urgency and rng.random() < 0.6:
        conv.say("agent", rng.choice(TK.URGENCY_RESPONSES))
    leftover_pii(conv, f)
    if rng.random() < 0.15 + 0.7 * skill:
        conv.say("agent", rng.choice(TK.ANYTHING_ELSE))
        conv.say("customer", rng.choice(TK.CLOSINGS_CUSTOMER))
    if rng.random() < 0.2 + 0.7 * skill:
        conv.say("agent", rng.choice(TK.CLOSINGS_AGENT[style]))
    system_close(conv, f)


def build_inquiry_dialogue(conv: Conv, f: Filler) -> None:
    rng = conv.rng
    topic = TK.INQUIRIES[conv.issue.primary]
    style = style_of(conv.channel)
    system_open(conv, f)
    greeting(conv, f)
    opener = rng.choice(TK.OPENERS[style]).replace("我想投诉，", "").replace("我要投诉，", "")
    opener = opener.replace("你好，我要投诉", "你好").replace("我找你们领导，", "")
    if style == "chat" and opener:
        conv.say("customer", opener)
        opener = ""
    question = f.fill(rng.choice(topic["q"]))  # type: ignore[arg-type]
    if conv.urgency:
        question = end_punct(question) + rng.choice(("麻烦快一点。", "我挺着急的。", "急！"))
    customer_burst(conv, opener + question)
    if topic.get("verify") and conv.channel != "branch":
        verification(conv, f)
    if conv.forbidden:
        conv.say("agent", rng.choice(TK.FORBIDDEN))
        if rng.random() < 0.6:
            conv.say("customer", rng.choice(TK.REACT_BAD))
            conv.categories = ["attitude"]
            conv.emotion = "anger" if rng.random() < 0.7 else "disgust"
            conv.resolved = False
        else:
            conv.say("customer", rng.choice(("那算了。", "好吧。", "那我问问别人吧。")))
    else:
        answers: list[str] = topic["a"]  # type: ignore[assignment]
        answer = rng.choice(TK.INQUIRY_ANSWER_PREFIX) + f.fill(
            best_related(rng, answers, bigrams(question)) or rng.choice(answers))
        if not conv.resolved:
            answer = rng.choice(("这个我需要核实一下，稍后给您回复。",
                                 "这个要以网点的答复为准，我帮您登记一下。"))
        conv.say("agent", end_punct(answer))
        followups = list(topic["fu"])  # type: ignore[call-overload]
        rng.shuffle(followups)
        for q, a in followups[: rng.choice((0, 1, 1, 2))]:
            conv.say("customer", f.fill(q))
            conv.say("agent", f.fill(a))
        if conv.churn_negated and rng.random() < 0.5:
            conv.say("agent", rng.choice(TK.AGENT_CHURN_QUESTIONS))
            conv.say("customer", rng.choice(TK.CUSTOMER_NOT_CHURN_REPLIES))
        elif rng.random() < 0.2:
            conv.say("customer", rng.choice(("嗯", "哦", "好的", "嗯嗯", "行", "知道了")))
        conv.say("customer", rng.choice(TK.INQUIRY_THANKS))
    leftover_pii(conv, f)
    if rng.random() < 0.2 + 0.7 * conv.agent.skill:  # type: ignore[union-attr]
        conv.say("agent", rng.choice(TK.ANYTHING_ELSE))
        if rng.random() < 0.12 and not conv.forbidden:
            other = rng.choice([k for k in TK.INQUIRIES if k not in ("close_account", "lost_card")])
            conv.say("customer", "还有，" + f.fill(rng.choice(TK.INQUIRIES[other]["q"])))  # type: ignore[arg-type]
            conv.say("agent", f.fill(rng.choice(TK.INQUIRIES[other]["a"])))  # type: ignore[arg-type]
        conv.say("customer", rng.choice(TK.CLOSINGS_CUSTOMER))
        conv.say("agent", rng.choice(TK.CLOSINGS_AGENT[style]))
    system_close(conv, f)


def build_compliment_dialogue(conv: Conv, f: Filler) -> None:
    rng = conv.rng
    style = style_of(conv.channel)
    system_open(conv, f)
    greeting(conv, f)
    text = f.fill(rng.choice(TK.COMPLIMENTS)) + rng.choice(TK.COMPLIMENT_ADDONS)
    opener = {"phone": ("", "你好，", "喂，你好，"), "branch": ("", "你好，", "小姑娘，")}.get(
        style, ("", "你好，", "在吗？"))
    customer_burst(conv, rng.choice(opener) + text)
    conv.say("agent", rng.choice(TK.COMPLIMENT_THANKS))
    if rng.random() < 0.5:
        conv.say("agent", "方便留一下您的姓名吗？我们登记一下表扬。")
        if "name" in conv.pii_plan or rng.random() < 0.3:
            conv.say("customer", f.fill(rng.choice(TK.SELF_INTRO)))
        else:
            conv.say("customer", rng.choice(("不用了，表扬到就行。", "不用留名字了。")))
    leftover_pii(conv, f)
    conv.say("customer", rng.choice(("好的，那就这样。", "没别的事了，谢谢。", "好，再见。")))
    conv.say("agent", rng.choice(TK.CLOSINGS_AGENT[style]))
    system_close(conv, f)


_HOSTILE_COUNTER = [0]


def next_hostile() -> str:
    """Hostile payloads in rotation, so every one of them appears in the corpus."""
    text = TK.HOSTILE[_HOSTILE_COUNTER[0] % len(TK.HOSTILE)]
    _HOSTILE_COUNTER[0] += 1
    return text


def build_email(conv: Conv, f: Filler) -> None:
    rng, issue, cust = conv.rng, conv.issue, conv.customer
    parts: list[str] = []
    subject = f.fill(rng.choice(TK.EMAIL_SUBJECTS))
    if subject:
        parts.append("主题：" + subject)
    parts.append(f.fill(rng.choice(TK.EMAIL_SALUTATIONS)))
    if "name" in conv.pii_plan:
        status = {"standard": "贵行的储户", "gold": "贵行金卡客户", "platinum": "贵行白金卡客户",
                  "diamond": "贵行钻石卡客户"}[cust.tier]
        since = (f"开户已经{f.slot('years')}年了" if cust.tenure_months >= 24
                 else "开户时间不长")
        parts.append(f"本人{f.slot('name')}，是{status}，{since}。")
    if issue.kind == "complaint":
        if conv.contact_no > 0:
            parts.append(repeat_line(conv, f))
        parts.append(complaint_statement(conv, f, conv.categories[0], long=True))
        for cat in conv.categories[1:]:
            parts.append(f.fill(rng.choice(FR.BANKS[cat]["second"])) + "。")
        extra = intents_lines(conv, f)
        if conv.urgency:
            extra.append(rng.choice(TK.URGENCY))
        if conv.churn_negated:
            extra.append(rng.choice(TK.CHURN_NEGATED))
        parts.extend(extra)
    elif issue.kind == "inquiry":
        parts.append(f.fill(rng.choice(TK.INQUIRIES[issue.primary]["q"])))  # type: ignore[arg-type]
    else:
        parts.append(f.fill(rng.choice(TK.COMPLIMENTS)) + rng.choice(TK.COMPLIMENT_ADDONS))
    if conv.hostile:
        parts.append(next_hostile())
    for kind in ("id_number", "bank_card", "mobile", "landline", "email", "address"):
        if kind in conv.pii_plan:
            parts.append(pii_line(conv, f, kind))
    parts.append(f.fill(rng.choice(TK.EMAIL_SIGNOFFS)))
    if "name" in conv.pii_plan and rng.random() < 0.5:
        parts.append(f.slot("name"))
    conv.say("customer", " ".join(end_punct(p) if not p.startswith("主题") else p for p in parts))
    if conv.agent is not None:
        reply = f.fill(rng.choice(TK.EMAIL_REPLIES))
        if issue.kind == "compliment":
            reply = rng.choice(TK.COMPLIMENT_THANKS)
        elif issue.kind == "inquiry":
            reply = "您好，" + f.fill(rng.choice(TK.INQUIRIES[issue.primary]["a"]))  # type: ignore[arg-type]
        conv.say("agent", reply)
        if rng.random() < 0.12 and issue.kind == "complaint" and not conv.resolved:
            conv.say("customer", "追加：" + f.fill(rng.choice(TK.REACT_PENDING)) +
                     f.fill(rng.choice(TK.EMOTION_ADDONS[conv.emotion])))


def build_social(conv: Conv, f: Filler) -> None:
    rng, issue = conv.rng, conv.issue
    parts = ["@" + TK.BANK + rng.choice((" ", "，", " "))]
    if issue.kind == "complaint":
        bnk = FR.BANKS[conv.categories[0]]
        if conv.contact_no > 0 and rng.random() < 0.9:
            parts.append(repeat_line(conv, f))
        if rng.random() < 0.5:
            parts.append(end_punct(f.fill(rng.choice(bnk["short"])), "！"))
        parts.append(complaint_statement(conv, f, conv.categories[0], long=rng.random() < 0.3))
        for cat in conv.categories[1:]:
            parts.append(f.fill(rng.choice(FR.BANKS[cat]["second"])) + "！")
        parts.extend(intents_lines(conv, f))
        if conv.urgency:
            parts.append(rng.choice(TK.URGENCY))
        if conv.churn_negated:
            parts.append(rng.choice(TK.CHURN_NEGATED))
        tags = [rng.choice(bnk["tags"])]
    elif issue.kind == "inquiry":
        parts.append(f.fill(rng.choice(TK.INQUIRIES[issue.primary]["q"])))  # type: ignore[arg-type]
        tags = []
    else:
        parts.append(f.fill(rng.choice(TK.COMPLIMENTS)))
        tags = ["#点赞#"] if rng.random() < 0.5 else []
    if conv.hostile:
        parts.append(next_hostile())
    for kind in ("mobile", "id_number", "bank_card", "email", "landline", "address"):
        if kind in conv.pii_plan:
            parts.append(pii_line(conv, f, kind))
    if "name" in conv.pii_plan:
        parts.append(f.fill(rng.choice(TK.SELF_INTRO)))
    post = "".join(parts)
    if rng.random() < 0.6:
        post += rng.choice(TK.EMOJI[conv.emotion]) * rng.choice((1, 1, 2, 3))
    if tags:
        post = post + " " + " ".join(tags) if rng.random() < 0.7 else " ".join(tags) + " " + post
    conv.say("customer", post)
    if conv.social_reply:
        if issue.kind == "compliment":
            reply = rng.choice(TK.COMPLIMENT_THANKS)
        elif conv.resolved and issue.kind == "complaint" and rng.random() < 0.4:
            reply = f.fill(TK.SOCIAL_REPLIES[-1])
        else:
            reply = f.fill(rng.choice(TK.SOCIAL_REPLIES[:-1]))
        conv.say("agent", reply)
        if rng.random() < 0.3 and issue.kind == "complaint":
            follow = rng.choice(TK.SOCIAL_FOLLOWUPS)
            if follow == "问题已经解决了，谢谢。" and not conv.resolved:
                follow = "私信了，到现在也没人回。"
            conv.say("customer", follow)


# ---------------------------------------------------------------------------------------------
# Noise


def split_placeholders(text: str) -> list[str]:
    return _PH_RE.split(text)


def map_plain(text: str, fn: Callable[[str], str]) -> str:
    """Apply ``fn`` to the parts of ``text`` outside personal-data placeholders."""
    return "".join(p if _PH_RE.fullmatch(p) else fn(p) for p in split_placeholders(text))


def asr_transform(text: str, rng: random.Random, punct_style: str, speaker: str) -> str:
    def numbers(seg: str) -> str:
        def repl(m: re.Match[str]) -> str:
            tok = m.group(0)
            before = seg[max(0, m.start() - 3):m.start()]
            after = seg[m.end():m.end() + 1]
            plain = "," not in tok and "." not in tok and "%" not in tok
            digitwise = plain and (
                after == "年"  # years: 二零二五年
                or (len(tok) >= 4 and after not in "元块万千百个次期天")  # codes, card tails
                or any(k in before for k in ("号", "码", "位", "尾")))
            return number_to_speech(tok, digitwise) if rng.random() < 0.85 else tok
        return _NUM_RE.sub(repl, seg)

    def homophones(seg: str) -> str:
        for word, subs in TK.ASR_HOMOPHONES.items():
            if word in seg and rng.random() < 0.3:
                seg = seg.replace(word, rng.choice(subs), 1)
        return seg

    def punctuation(seg: str) -> str:
        if punct_style == "none":
            return _PUNCT_RE.sub(" ", seg)
        if punct_style == "partial":
            return _PUNCT_RE.sub(lambda m: m.group(0) if rng.random() < 0.5 else " ", seg)
        return seg

    def spacing(seg: str) -> str:
        if len(seg) > 6 and rng.random() < 0.08:
            i = rng.randrange(0, len(seg) - 4)
            j = min(len(seg), i + rng.randint(3, 8))
            seg = seg[:i] + " ".join(seg[i:j]) + seg[j:]
        return seg

    text = map_plain(text, lambda s: spacing(punctuation(homophones(numbers(s)))))
    if rng.random() < (0.35 if speaker == "customer" else 0.06):
        text = rng.choice(TK.ASR_FILLERS) + ("" if punct_style == "none" else "，") + text
    if speaker == "customer" and rng.random() < 0.05 and text[:1] in "我你那这就他是":
        text = text[0] + text
    return re.sub(r" {2,}", " ", text).strip()


def chat_transform(text: str, rng: random.Random, emotion: str) -> str:
    def typos(seg: str) -> str:
        for word, subs in TK.CHAT_TYPOS.items():
            if word in seg and rng.random() < 0.12:
                seg = seg.replace(word, rng.choice(subs), 1)
        return seg

    text = map_plain(text, typos)
    if rng.random() < 0.3:
        text = text.rstrip("。") + rng.choice(TK.EMOJI[emotion]) * rng.choice((1, 1, 2))
    if emotion == "anger" and rng.random() < 0.2:
        text = text.replace("？", "？？？").replace("！", "！！！")
    if rng.random() < 0.1:
        text = text.replace("。", " ")
    return text.strip()


def apply_noise(conv: Conv) -> None:
    rng = conv.rng
    if conv.asr_noise:
        style = rng.choice(("none", "none", "partial", "full"))
        for t in conv.turns:
            if t.speaker != "system":
                t.text = asr_transform(t.text, rng, style, t.speaker)
    elif conv.channel in ("online_chat", "app"):
        for t in conv.turns:
            if t.speaker == "customer":
                t.text = chat_transform(t.text, rng, conv.emotion)
    if conv.hostile and conv.channel in ("online_chat", "app"):
        idx = [i for i, t in enumerate(conv.turns) if t.speaker == "customer"]
        if idx:
            conv.turns.insert(idx[-1], Turn("customer", next_hostile()))


def finalize_text(conv: Conv, converter: Callable[[str], str]) -> None:
    """Substitute personal data, then full-width digits and traditional characters."""
    used: list[str] = []
    for t in conv.turns:
        for m in _PH_RE.finditer(t.text):
            kind = conv.pii_kinds[int(m.group(0)[1:-1])]
            if kind not in used:
                used.append(kind)
        t.text = _PH_RE.sub(lambda m: conv.pii_values[int(m.group(0)[1:-1])], t.text)
    conv.pii_kinds = [k for k in PII_ORDER if k in used]
    if conv.fullwidth:
        for t in conv.turns:
            if t.speaker == "customer":
                t.text = t.text.translate(_FULLWIDTH)
    if conv.traditional:
        agent_too = conv.rng.random() < 0.35
        changed = False
        for t in conv.turns:
            if t.speaker == "customer" or (agent_too and t.speaker == "agent"):
                new = converter(t.text)
                changed |= new != t.text
                t.text = new
        conv.traditional = changed


# ---------------------------------------------------------------------------------------------
# Timing


def add_timings(conv: Conv) -> None:
    rng = conv.rng
    if conv.channel == "phone":
        rates = {"system": 4.0, "agent": rng.uniform(3.6, 4.6), "customer": rng.uniform(3.0, 4.4)}
        t = 0.0
        prev_start, prev_end, prev_hold = 0.0, 0.0, False
        out: list[tuple[float, float]] = []
        for i, turn in enumerate(conv.turns):
            n_chars = len(turn.text.replace(" ", ""))
            dur = max(0.5, n_chars / rates[turn.speaker] + rng.gauss(0.3, 0.25))
            if i == 0:
                start = 0.0
            elif prev_hold:
                start = prev_end + (rng.uniform(10.5, 75.0) if rng.random() < 0.85
                                    else rng.uniform(3.0, 8.0))
            elif (turn.interrupt or (turn.speaker == "customer" and rng.random() < 0.06)) and \
                    conv.turns[i - 1].speaker != "system":
                overlap = rng.uniform(0.3, max(0.4, min(2.5, (prev_end - prev_start) * 0.6)))
                start = max(prev_start + 0.2, prev_end - overlap)
            elif turn.speaker == "customer" and rng.random() < 0.03:
                start = prev_end + rng.uniform(10.5, 20.0)  # customer looks for the card
            else:
                start = prev_end + rng.uniform(0.3, 2.2)
            end = start + dur
            out.append((round(start, 2), round(end, 2)))
            prev_start, prev_end, prev_hold = start, max(end, prev_end), turn.hold_after
            t = prev_end
        conv.timings = out
        conv.duration_s = int(math.ceil(t + rng.uniform(0.5, 3.0)))
    elif conv.channel in ("online_chat", "app"):
        total = 0.0
        for turn in conv.turns:
            if turn.speaker == "system":
                total += rng.uniform(1, 5)
            elif turn.speaker == "customer":
                total += rng.uniform(5, 60) + len(turn.text) * 0.8
            else:
                total += rng.uniform(8, 45) + len(turn.text) * 0.3
            if turn.hold_after:
                total += rng.uniform(30, 240)
        if conv.long_wait:
            total += rng.uniform(120, 900)
        conv.duration_s = int(total)
    elif conv.channel == "branch":
        conv.duration_s = int(rng.uniform(120, 600) + 60 * len(conv.turns)
                              + (rng.uniform(600, 3600) if conv.long_wait else 0))
    else:
        conv.duration_s = None  # asynchronous written channels: no handling time


# ---------------------------------------------------------------------------------------------
# World generation


def make_customers(rng: random.Random, n: int) -> list[Customer]:
    city_weights = [row[1] for row in TK.CITIES]
    band_weights = [b[3] for b in AGE_BANDS]
    customers: list[Customer] = []
    for i in range(n):
        band = rng.choices(AGE_BANDS, weights=band_weights, k=1)[0]
        age = rng.randint(band[1], band[2])
        wealthy = rng.random() < 0.06
        if wealthy:
            assets = math.exp(rng.gauss(math.log(1_800_000), 0.95))
        else:
            mu = math.log(30_000) + 0.022 * (age - 35)
            assets = math.exp(rng.gauss(mu, 1.45))
        if rng.random() < 0.03:
            assets = rng.uniform(0, 200)  # dormant accounts
        assets = round(assets, 2)
        tier = labels.tier_from_assets(assets)
        max_tenure = max(1, (age - 17) * 12)
        tenure = min(max_tenure, max(1, int(rng.gammavariate(1.6, 45))))
        gender = rng.choice("MF")
        city_row = rng.choices(TK.CITIES, weights=city_weights, k=1)[0]
        tier_rank = ["standard", "gold", "platinum", "diamond"].index(tier)
        young = age <= 45
        p = {
            "借记卡": 0.98, "信用卡": 0.6 if 22 <= age <= 55 else 0.3,
            "手机银行": 0.92 if young else (0.7 if age <= 65 else 0.4),
            "代发工资": 0.45 if age <= 60 else 0.05, "定期存款": 0.3 + 0.1 * tier_rank,
            "大额存单": (0.02, 0.2, 0.5, 0.6)[tier_rank], "理财": (0.1, 0.45, 0.75, 0.9)[tier_rank],
            "基金": (0.06, 0.25, 0.5, 0.6)[tier_rank], "保险": (0.05, 0.15, 0.3, 0.4)[tier_rank],
            "贵金属": (0.01, 0.03, 0.08, 0.15)[tier_rank],
            "房贷": 0.25 if 26 <= age <= 55 else 0.05, "消费贷": 0.1 if young else 0.04,
            "经营贷": 0.03 + 0.1 * (tier_rank >= 2),
        }
        products = [prod for prod in PRODUCTS_ORDER if rng.random() < p[prod]]
        if not products:
            products = ["借记卡"]
        name = make_name(rng)
        cust = Customer(
            idx=i, customer_id=f"C{i + 1:06d}", assets=assets, tier=tier, tenure_months=tenure,
            products=products, age_band=band[0], age=age, city=city_row[0], city_row=city_row,
            gender=gender, name=name, mobile=make_mobile(rng),
            id_number=make_id_number(rng, city_row[3], age, gender), card=make_card(rng),
            email=make_email(rng), landline=make_landline(rng, city_row[2]),
            address=make_address(rng, city_row), branch=rng.choice(TK.BRANCHES),
            activity=math.exp(rng.gauss(0, 0.6)) * (1 + 0.08 * len(products)),
            irritability=min(1.0, max(0.0, rng.gauss(0.4, 0.25))),
            random_effect=rng.gauss(0, RANDOM_EFFECT_SD),
            digital=min(1.0, max(0.05, 1.1 - age / 80 + rng.gauss(0, 0.15))),
            writes_traditional=rng.random() < 0.06,
        )
        customers.append(cust)
    return customers


def make_agents(rng: random.Random) -> list[Agent]:
    agents: list[Agent] = []
    plan = [("phone", 34), ("chat", 16), ("branch", 15), ("written", 7)]
    numbers = rng.sample(range(10001, 39999), k=sum(n for _, n in plan))
    k = 0
    for pool, count in plan:
        teams = TK.TEAMS[pool]
        for j in range(count):
            hired = date(2012, 1, 1) + timedelta(days=rng.randrange(0, 4700))
            years = (YEAR_START - hired).days / 365
            skill = min(0.98, max(0.08, rng.betavariate(4.5, 2.0) * 0.85 + 0.02 * years
                                  - (0.25 if rng.random() < 0.12 else 0.0)))
            agents.append(Agent(agent_id=f"A{numbers[k]}", number=str(numbers[k]),
                                team=teams[j % len(teams)], pool=pool, skill=round(skill, 2),
                                hired_at=hired, nick=rng.choice(TK.AGENT_NICKS)))
            k += 1
    agents.sort(key=lambda a: a.agent_id)
    return agents


def pick_category(rng: random.Random, cust: Customer, month: int | None) -> str:
    weights = dict(CATEGORY_WEIGHTS)
    if "信用卡" not in cust.products:
        weights["credit_card"] *= 0.15
    if "理财" not in cust.products and "基金" not in cust.products:
        weights["wealth"] *= 0.08
    if not any(p in cust.products for p in ("房贷", "消费贷", "经营贷")):
        weights["loans"] *= 0.5
    if "手机银行" not in cust.products:
        weights["digital"] *= 0.3
    if cust.age >= 56:
        weights["branch"] *= 1.8
        weights["fraud"] *= 1.4
    if month is not None:
        for cat in weights:
            weights[cat] *= MONTH_CATEGORY.get(cat, {}).get(month, 1.0)
    return wchoice(rng, weights)


def pick_month(rng: random.Random, kind: str, cat: str | None) -> int:
    weights = {}
    for m in range(1, 13):
        w = MONTH_VOLUME[m - 1]
        if kind == "complaint" and cat:
            w *= MONTH_CATEGORY.get(cat, {}).get(m, 1.0)
        weights[str(m)] = w
    return int(wchoice(rng, weights))


def pick_hour(rng: random.Random, channel: str, night_bias: bool) -> int:
    if night_bias and channel in ("phone", "online_chat", "app") and rng.random() < 0.3:
        return rng.choice((0, 1, 2, 3, 4, 5, 23))
    return rng.choices(range(24), weights=HOUR_WEIGHTS[channel], k=1)[0]


def pick_channel(rng: random.Random, cust: Customer, issue: Issue,
                 previous: str | None) -> str:
    if previous is not None and rng.random() < 0.5:
        return previous
    weights = dict(CHANNEL_BASE)
    key = issue.primary if issue.kind == "complaint" else issue.kind
    for ch, mult in CHANNEL_BY_CATEGORY.get(key, {}).items():
        weights[ch] *= mult
    weights["app"] *= 0.3 + cust.digital
    weights["online_chat"] *= 0.4 + cust.digital
    weights["social"] *= 0.2 + 1.2 * cust.digital
    weights["branch"] *= 1.6 - cust.digital
    weights["phone"] *= 1.3 - 0.4 * cust.digital
    if "手机银行" not in cust.products:
        weights["app"] *= 0.1
    if previous is not None:  # escalating through louder channels
        weights["phone"] *= 1.3
        weights["social"] *= 1.6
        weights["email"] *= 1.4
    return wchoice(rng, weights)


def pick_agent(rng: random.Random, agents_by_pool: dict[str, list[Agent]], channel: str,
               issue: Issue) -> Agent | None:
    if channel == "phone":
        pool = agents_by_pool["phone"]
        cc = [a for a in pool if "信用卡" in a.team]
        if issue.primary == "credit_card" and rng.random() < 0.8:
            return rng.choice(cc)
        return rng.choice([a for a in pool if a not in cc] if rng.random() < 0.85 else pool)
    if channel in ("online_chat", "app"):
        return rng.choice(agents_by_pool["chat"])
    if channel == "branch":
        return rng.choice(agents_by_pool["branch"])
    if channel == "email":
        if rng.random() < 0.65:
            return rng.choice(agents_by_pool["written"]) if rng.random() < 0.75 else None
        return None
    return rng.choice(agents_by_pool["written"]) if rng.random() < 0.3 else None


def plan_issues(rng: random.Random, customers: list[Customer], n_issues: int) -> list[Issue]:
    weights = [c.activity for c in customers]
    chosen = rng.choices(customers, weights=weights, k=n_issues)
    issues: list[Issue] = []
    inquiry_topics = list(TK.INQUIRIES)
    topic_weights = [3 if t in ("balance", "password", "branch_hours", "lost_card", "repay_date")
                     else (2.5 if t == "close_account" else 1.5) for t in inquiry_topics]
    for cust in chosen:
        kind_w = dict(KIND_WEIGHTS)
        kind_w["complaint"] *= 0.7 + cust.irritability
        kind = wchoice(rng, kind_w)
        secondary: list[str] = []
        if kind == "complaint":
            month_hint = pick_month(rng, "complaint", None)
            primary = pick_category(rng, cust, month_hint)
            month = pick_month(rng, kind, primary)
            if rng.random() < 0.22:
                co = FR.CO_OCCURRENCE[primary]
                secondary.append(wchoice(rng, co))
                if rng.random() < 0.15:
                    rest = {k: v for k, v in co.items() if k not in secondary}
                    if rest:
                        secondary.append(wchoice(rng, rest))
        elif kind == "inquiry":
            primary = rng.choices(inquiry_topics, weights=topic_weights, k=1)[0]
            month = pick_month(rng, kind, None)
        else:
            primary = "compliment"
            month = pick_month(rng, kind, None)
        first = date(2025, month, 1)
        last = date(2025, month + 1, 1) - timedelta(days=1) if month < 12 else YEAR_END
        if kind == "complaint" and primary == "digital" and month == 9 and rng.random() < 0.6:
            day = date(2025, 9, rng.randint(12, 16))
        elif kind == "complaint" and primary == "fees" and month == 4 and rng.random() < 0.4:
            day = date(2025, 4, rng.randint(1, 10))
        else:
            day = first + timedelta(days=rng.randrange((last - first).days + 1))
        event = day - timedelta(days=int(rng.expovariate(1 / 4)) if kind == "complaint" else 0)
        severity = min(1.0, max(0.0, rng.gauss(0.45, 0.22)))
        start = datetime(day.year, day.month, day.day)
        issues.append(Issue(customer=cust, kind=kind, primary=primary, secondary=secondary,
                            start=start, event_date=event, severity=severity))
    return issues


def contact_time(rng: random.Random, day: date, channel: str, issue: Issue) -> datetime:
    night = issue.kind == "complaint" and issue.primary in ("fraud", "digital", "atm")
    hour = pick_hour(rng, channel, night)
    if channel == "branch" and day.weekday() == 6:
        day = day + timedelta(days=1)  # most branches are closed on Sundays
    return datetime(day.year, day.month, day.day, hour, rng.randrange(60), rng.randrange(60))


def churn_logit(cust: Customer) -> float:
    c = CHURN_COEF
    return (c["intercept"] + CHURN_TIER[cust.tier]
            + c["log1p_tenure_years"] * math.log1p(cust.tenure_months / 12)
            + c["open_unresolved"] * min(cust.open_unresolved, 3)
            + c["log1p_repeat_contacts"] * math.log1p(cust.repeat_contacts)
            + c["bad_service"] * min(cust.bad_service, 3)
            + c["wealth_loss"] * min(cust.wealth_loss, 1)
            + c["negative_mood"] * min(cust.negative_mood, 4)
            + c["threat_voiced"] * min(cust.threat_voiced, 1)
            + cust.random_effect)


def dissatisfied(conv: Conv) -> bool:
    """Whether a complaint contact carries dissatisfaction (only these draw the churn hazard)."""
    return (conv.emotion in ("anger", "disgust", "sadness") or conv.churn_threat
            or conv.forbidden or conv.long_wait
            or ("wealth" in conv.categories and not conv.resolved))


def draw_churn_months(cust: Customer, churn_rng: random.Random, next_month: list[int],
                      until: date) -> date | None:
    """Draw the monthly churn hazard for every month start up to ``until``.

    ``next_month[0]`` is the first month not drawn yet (advanced in place). A month is
    drawn only when the customer had a dissatisfied complaint contact in the
    ``CHURN_RECENCY_DAYS`` before its first day; on success the customer leaves within it.
    """
    while next_month[0] <= 12 and date(2025, next_month[0], 1) <= until:
        start = date(2025, next_month[0], 1)
        next_month[0] += 1
        recent = (cust.last_dissatisfied is not None
                  and cust.last_dissatisfied >= start - timedelta(days=CHURN_RECENCY_DAYS))
        if recent and churn_rng.random() < sigmoid(churn_logit(cust)):
            return start + timedelta(days=churn_rng.randrange(28))
    return None


def silent_churn_date(rng: random.Random, cust: Customer) -> date | None:
    base = (SILENT_CHURN_INTERCEPT + CHURN_TIER[cust.tier]
            + CHURN_COEF["log1p_tenure_years"] * math.log1p(cust.tenure_months / 12)
            + cust.random_effect)
    for month in range(1, 13):
        if rng.random() < sigmoid(base):
            first = date(2025, month, 1)
            return first + timedelta(days=rng.randrange(28))
    return None


def simulate(seed: int, n_conversations: int, n_customers: int) -> tuple[
        list[Customer], list[Agent], list[Conv]]:
    _HOSTILE_COUNTER[0] = 0
    rng_world = random.Random(f"{seed}:world")
    customers = make_customers(rng_world, n_customers)
    agents = make_agents(random.Random(f"{seed}:agents"))
    by_pool: dict[str, list[Agent]] = {}
    for a in agents:
        by_pool.setdefault(a.pool, []).append(a)
    n_issues = max(1, round(n_conversations / ISSUE_TO_CONTACT))
    issues = plan_issues(random.Random(f"{seed}:issues"), customers, n_issues)
    per_customer: dict[int, list[Issue]] = {}
    for issue in issues:
        per_customer.setdefault(issue.customer.idx, []).append(issue)
    convs: list[Conv] = []
    for cust in customers:
        rng = random.Random(f"{seed}:customer:{cust.idx}")
        cust.silent_churn = silent_churn_date(rng, cust)
        decided: date | None = cust.silent_churn
        heap: list[tuple[datetime, int, int, int]] = []
        mine = sorted(per_customer.get(cust.idx, []), key=lambda i: i.start)
        for k, issue in enumerate(mine):
            heapq.heappush(heap, (issue.start, k, k, 0))
        seq = len(mine)
        prev_channel: dict[int, str] = {}
        churn_rng = random.Random(f"{seed}:churn:{cust.idx}")
        next_month = [1]  # the first month whose hazard has not been drawn yet
        while heap:
            day_dt, _, k, contact_no = heapq.heappop(heap)
            issue = mine[k]
            if decided is None:
                decided = draw_churn_months(cust, churn_rng, next_month, day_dt.date())
            if day_dt.date() > YEAR_END:
                continue
            if decided is not None and day_dt.date() >= decided:
                continue
            channel = pick_channel(rng, cust, issue, prev_channel.get(k))
            when = contact_time(rng, day_dt.date(), channel, issue)
            if when.date() > YEAR_END or (decided is not None and when.date() >= decided):
                continue
            agent = pick_agent(rng, by_pool, channel, issue)
            conv = Conv(rng=random.Random(f"{seed}:conv:{cust.idx}:{k}:{contact_no}"),
                        customer=cust, issue=issue, contact_no=contact_no, when=when,
                        channel=channel, agent=agent)
            conv.social_reply = channel == "social" and (agent is not None or rng.random() < 0.45)
            generate_conversation(conv)
            convs.append(conv)
            issue.history.append((channel, when))
            prev_channel[k] = channel
            # update the latent state of the churn model
            if issue.kind == "complaint" or conv.categories:
                if conv.resolved and issue.is_open:
                    cust.open_unresolved -= 1
                    issue.is_open = False
                elif not conv.resolved and not issue.is_open:
                    cust.open_unresolved += 1
                    issue.is_open = True
                cust.repeat_contacts += contact_no > 0
                cust.bad_service += conv.forbidden + conv.long_wait
                cust.wealth_loss += "wealth" in conv.categories and not conv.resolved
                cust.negative_mood += conv.emotion in ("anger", "disgust", "sadness")
                cust.threat_voiced += conv.churn_threat
                issue.resolved = conv.resolved
                if decided is None:
                    rng.random()  # the former per-contact draw, kept so the text stays put
                if dissatisfied(conv):
                    cust.last_dissatisfied = when.date()
                if not conv.resolved and contact_no < 4:
                    p_again = 0.45 + 0.15 * (conv.emotion == "anger") + 0.1 * issue.severity
                    if rng.random() < p_again:
                        gap = 1 + int(rng.expovariate(1 / 6))
                        seq += 1
                        heapq.heappush(heap, (datetime.combine(
                            when.date() + timedelta(days=gap), datetime.min.time()), seq, k,
                            contact_no + 1))
            elif not conv.resolved and contact_no < 2 and rng.random() < 0.35:
                seq += 1
                heapq.heappush(heap, (datetime.combine(
                    when.date() + timedelta(days=1 + int(rng.expovariate(1 / 3))),
                    datetime.min.time()), seq, k, contact_no + 1))
        if decided is None:
            decided = draw_churn_months(cust, churn_rng, next_month, YEAR_END)
        if decided is not None and decided <= YEAR_END:
            cust.churned_at = decided
    convs.sort(key=lambda c: (c.when, c.customer.idx, c.contact_no))
    for i, conv in enumerate(convs):
        conv.conversation_id = f"CV{i + 1:06d}"
    return customers, agents, convs


_CONVERTER: Callable[[str], str] | None = None


def converter() -> Callable[[str], str]:
    global _CONVERTER
    if _CONVERTER is None:
        import opencc

        try:
            cc = opencc.OpenCC("s2t")
        except Exception:  # pragma: no cover - older wheels want the file name
            cc = opencc.OpenCC("s2t.json")
        _CONVERTER = cc.convert
    return _CONVERTER


def generate_conversation(conv: Conv) -> None:
    plan_conversation(conv)
    f = Filler(conv)
    if conv.channel == "email":
        build_email(conv, f)
    elif conv.channel == "social":
        build_social(conv, f)
    elif conv.issue.kind == "complaint":
        build_complaint_dialogue(conv, f)
    elif conv.issue.kind == "inquiry":
        build_inquiry_dialogue(conv, f)
    else:
        build_compliment_dialogue(conv, f)
    if conv.channel in ("email", "social") and conv.agent is None and not conv.social_reply:
        conv.resolved = False  # nobody answered
    apply_noise(conv)
    finalize_text(conv, converter())
    add_timings(conv)


def make_balances(seed: int, customers: list[Customer]) -> list[list[object]]:
    """Monthly average daily financial assets per customer (``balances.csv`` rows).

    A log random walk from the customer's annual figure, a slow drift with the churn random
    effect (quiet disengagement), drawdowns of wealth products, one-off life events with
    partial recovery, and, for most leavers, money moved out in the months before leaving.
    The month a customer leaves keeps a residual balance; no row after it.
    """
    rows: list[list[object]] = []
    wealth_products = ("理财", "基金")
    for cust in customers:
        rng = random.Random(f"{seed}:balances:{cust.idx}")
        n = len(BALANCE_MONTHS)
        steps = [rng.gauss(BALANCE_DRIFT_PER_RE * cust.random_effect, BALANCE_WALK_SD)
                 for _ in range(n)]
        steps[0] = rng.gauss(0.0, 0.05)
        if any(p in cust.products for p in wealth_products):
            for k, ym in enumerate(BALANCE_MONTHS):
                if ym in WEALTH_DRAWDOWN:
                    steps[k] -= abs(rng.gauss(WEALTH_DRAWDOWN[ym], 0.02))
        if rng.random() < LIFE_EVENT_P:
            k = rng.randrange(1, n)
            drop = rng.uniform(*LIFE_EVENT_DROP)
            steps[k] -= drop
            if rng.random() < LIFE_EVENT_RECOVER_P:
                span = rng.randint(2, 4)
                for j in range(k + 1, min(n, k + 1 + span)):
                    steps[j] += drop / span
        last = n
        if cust.churned_at is not None:
            ym = (cust.churned_at.year, cust.churned_at.month)
            last = BALANCE_MONTHS.index(ym) + 1
            if rng.random() < PRECHURN_OUTFLOW_P:
                span = rng.randint(1, 3)
                drop = rng.uniform(*PRECHURN_DROP)
                for j in range(max(1, last - 1 - span), last - 1):
                    steps[j] -= drop / span
        level = math.log(max(cust.assets, 1.0))
        for k in range(last):
            level += steps[k]
            value = math.exp(level)
            if cust.churned_at is not None and k == last - 1:
                value *= rng.uniform(0.02, 0.3)  # what is left when the account closes
            y, m = BALANCE_MONTHS[k]
            rows.append([cust.customer_id, f"{y}-{m:02d}", f"{value:.2f}"])
    return rows


# ---------------------------------------------------------------------------------------------
# Output


def _b(value: bool) -> str:
    return "true" if value else "false"


def write_csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_corpus(out: Path, customers: list[Customer], agents: list[Agent],
                 convs: list[Conv], balances: list[list[object]] | None = None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    write_csv(out / "customers.csv",
              ["customer_id", "avg_daily_assets", "tier", "tenure_months", "products", "age_band",
               "city", "churned", "churned_at"],
              [[c.customer_id, f"{c.assets:.2f}", c.tier, c.tenure_months, ";".join(c.products),
                c.age_band, c.city, _b(c.churned_at is not None),
                c.churned_at.isoformat() if c.churned_at else ""] for c in customers])
    if balances is not None:
        write_csv(out / "balances.csv", ["customer_id", "month", "avg_daily_assets"], balances)
    write_csv(out / "agents.csv", ["agent_id", "team", "skill_level", "hired_at"],
              [[a.agent_id, a.team, f"{a.skill:.2f}", a.hired_at.isoformat()] for a in agents])
    write_csv(out / "conversations.csv",
              ["conversation_id", "customer_id", "started_at", "channel", "agent_id",
               "duration_s", "resolved"],
              [[c.conversation_id, c.customer.customer_id, c.when.isoformat(), c.channel,
                c.agent.agent_id if c.agent else "",
                "" if c.duration_s is None else c.duration_s, _b(c.resolved)] for c in convs])
    turn_rows: list[list[object]] = []
    for c in convs:
        for i, t in enumerate(c.turns):
            if c.timings:
                start, end = c.timings[i]
                turn_rows.append([c.conversation_id, i, t.speaker, t.text, f"{start:.2f}",
                                  f"{end:.2f}"])
            else:
                turn_rows.append([c.conversation_id, i, t.speaker, t.text, "", ""])
    write_csv(out / "turns.csv", ["conversation_id", "turn", "speaker", "text", "start_s", "end_s"],
              turn_rows)
    write_csv(out / "truth.csv",
              ["conversation_id", "categories", "primary_category", "emotion", "churn_threat",
               "churn_negated", "escalation_threat", "repeat_contact", "agent_forbidden_phrase",
               "pii_types", "has_traditional", "asr_noise"],
              [[c.conversation_id, ";".join(c.categories), c.categories[0] if c.categories else "",
                c.emotion, _b(c.churn_threat), _b(c.churn_negated), _b(c.escalation),
                _b(c.contact_no > 0), _b(c.forbidden), ";".join(c.pii_kinds),
                _b(c.traditional), _b(c.asr_noise)] for c in convs])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--n-conversations", type=int, default=DEFAULT_CONVERSATIONS,
                        help="approximate number of conversations (default %(default)s)")
    parser.add_argument("--n-customers", type=int, default=DEFAULT_CUSTOMERS)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    customers, agents, convs = simulate(args.seed, args.n_conversations, args.n_customers)
    write_corpus(args.out, customers, agents, convs, make_balances(args.seed, customers))
    if not args.quiet:
        n_turns = sum(len(c.turns) for c in convs)
        churned = sum(c.churned_at is not None for c in customers)
        print(f"wrote {args.out}: {len(customers)} customers, {len(agents)} agents, "
              f"{len(convs)} conversations, {n_turns} turns, churn {churned / len(customers):.1%}"
              f" in {time.perf_counter() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

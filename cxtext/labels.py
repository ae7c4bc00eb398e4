"""Label vocabularies and their Chinese display names, in one place.

Every English identifier that appears in a DataFrame (channel, speaker, tier,
emotion, complaint category, intent) maps here to the Simplified Chinese name
that reports show. Code compares identifiers; only display code calls
:func:`display_name`.
"""

from __future__ import annotations

import numbers
from typing import Final

SPEAKERS: Final[dict[str, str]] = {
    "customer": "客户",
    "agent": "客服",
    "system": "系统",
}

CHANNELS: Final[dict[str, str]] = {
    "phone": "电话",
    "online_chat": "在线客服",
    "app": "手机银行App",
    "branch": "网点",
    "email": "邮件",
    "social": "社交媒体",
}

# Customer tiers by 年日均金融资产 (average daily financial assets, yuan).
# Lower bounds, inclusive: 普通 < 10万 <= 金卡 < 100万 <= 白金 < 500万 <= 钻石.
TIERS: Final[dict[str, str]] = {
    "standard": "普通",
    "gold": "金卡",
    "platinum": "白金",
    "diamond": "钻石",
}
TIER_BOUNDS: Final[tuple[tuple[str, float], ...]] = (
    ("standard", 0.0),
    ("gold", 100_000.0),
    ("platinum", 1_000_000.0),
    ("diamond", 5_000_000.0),
)

EMOTIONS: Final[dict[str, str]] = {
    "anger": "愤怒",
    "disgust": "厌恶",
    "anxiety": "焦虑",
    "sadness": "失望",
    "surprise": "惊讶",
    "joy": "满意",
    "neutral": "中性",
}

POLARITIES: Final[dict[str, str]] = {"neg": "负面", "neu": "中性", "pos": "正面"}

# The banking complaint taxonomy (DESIGN.md). Order is the display order.
CATEGORIES: Final[dict[str, str]] = {
    "fees": "收费争议",
    "credit_card": "信用卡",
    "loans": "贷款与授信审批",
    "wealth": "理财与基金亏损",
    "digital": "手机/网上银行故障",
    "branch": "网点与排队",
    "attitude": "服务态度",
    "marketing": "营销骚扰",
    "fraud": "诈骗与账户安全",
    "privacy": "个人信息泄露",
    "payments": "转账与支付",
    "atm": "ATM",
    "credit_report": "征信",
    "other": "其他",
}

INTENTS: Final[dict[str, str]] = {
    "churn": "销户/流失意向",
    "escalation": "升级投诉(监管/媒体/诉讼)",
    "repeat": "重复来电",
    "urgency": "紧急",
}

PII: Final[dict[str, str]] = {
    "phone": "手机号",
    "landline": "座机",
    "id_card": "身份证号",
    "bank_card": "银行卡号",
    "email": "邮箱",
    "name": "姓名",
    "address": "地址",
}

#: Service-quality deduction items (``quality_deductions[*]["item"]``), named as the fault
#: the item records: a report lists what went wrong, not the check's English id.
QUALITY_ITEMS: Final[dict[str, str]] = {
    "greeting": "未规范问候",
    "identity_check": "未核实身份",
    "empathy": "投诉后未致歉/共情",
    "forbidden": "使用服务禁语",
    "resolution_confirmed": "未确认问题解决",
    "long_silence": "未告知的长时间静默",
    "overtalk": "抢话",
}

#: Column headers of the churn-warning export (``export_warnings(..., header="zh")``), the
#: names the churn_warning report's table uses; other columns keep their names.
WARNING_COLUMNS: Final[dict[str, str]] = {
    "rank": "排名",
    "customer_id": "客户",
    "risk_score": "风险分",
    "risk_level": "风险等级",
    "reasons": "原因",
    "evidence": "客户原话（已脱敏）",
    "suggested_action": "建议处理",
    "method": "打分方法",
    "tier_name": "等级",
    "tag_line": "画像",
}

#: Values of the warnings' ``method`` column.
CHURN_METHODS: Final[dict[str, str]] = {"model": "模型", "rules": "规则打分"}

_ALL: Final[dict[str, dict[str, str]]] = {
    "speaker": SPEAKERS,
    "channel": CHANNELS,
    "tier": TIERS,
    "emotion": EMOTIONS,
    "polarity": POLARITIES,
    "category": CATEGORIES,
    "intent": INTENTS,
    "pii": PII,
    "quality": QUALITY_ITEMS,
}


def display_name(kind: str, label: str) -> str:
    """Return the Simplified Chinese display name of ``label``.

    Parameters
    ----------
    kind : str
        One of ``speaker``, ``channel``, ``tier``, ``emotion``, ``polarity``,
        ``category``, ``intent``, ``pii``, ``quality`` (deduction items).
    label : str, or a pandas Series / list of them
        The English identifier. Unknown labels are returned unchanged so a
        report never fails on a label it has not seen. A Series gives a Series
        (same index), a list or tuple a list.

    Examples
    --------
    >>> display_name("channel", "online_chat")
    '在线客服'
    >>> display_name("emotion", ["anger", "joy"])
    ['愤怒', '满意']
    """
    try:
        vocab = _ALL[kind]
    except KeyError:
        raise ValueError(
            f"The 'kind' parameter of display_name must be one of {sorted(_ALL)}. "
            f"Got {kind!r} instead."
        ) from None
    if _is_series(label):
        return _like(label, [vocab.get(v, v) if _hashable(v) else v for v in label])
    if isinstance(label, (list, tuple)):
        return [vocab.get(v, v) if _hashable(v) else v for v in label]
    return vocab.get(label, label)


def _is_series(value: object) -> bool:
    return type(value).__name__ == "Series" and hasattr(value, "map")


def _like(series: object, values: list) -> object:
    """A Series of ``values`` (object dtype: None stays None) with ``series``' index and name."""
    return type(series)(values, index=series.index, name=series.name, dtype=object)


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _missing(value: object) -> bool:
    """None, NaN, pd.NA or pd.NaT (without importing pandas)."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return True
    return isinstance(value, float) and value != value


def tier_from_assets(avg_daily_assets: float | None) -> str | None:
    """Map 年日均金融资产 (yuan) to a tier identifier; ``None`` when unknown.

    Parameters
    ----------
    avg_daily_assets : float or None, or a pandas Series / list / array of them
        Average daily financial assets over the year, in yuan. Lower bounds,
        inclusive: 普通 < 10万 ≤ 金卡 < 100万 ≤ 白金 < 500万 ≤ 钻石 (:data:`TIER_BOUNDS`).

    Returns
    -------
    str or None (a Series for a Series, same index; a list otherwise)
        ``standard``, ``gold``, ``platinum`` or ``diamond``; ``None`` for a missing
        value. :func:`display_name` gives the Chinese name.

    Examples
    --------
    >>> tier_from_assets(250_000)
    'gold'
    >>> display_name("tier", tier_from_assets(5_000_000))
    '钻石'
    >>> tier_from_assets([50_000, 2_000_000, None])
    ['standard', 'platinum', None]
    """
    if type(avg_daily_assets) is not float and type(avg_daily_assets) is not int:
        return _tier_of_other(avg_daily_assets)
    if avg_daily_assets != avg_daily_assets:  # NaN
        return None
    tier = None
    for name, lower in TIER_BOUNDS:
        if avg_daily_assets >= lower:
            tier = name
    return tier


def _tier_of_other(avg_daily_assets: object) -> object:
    """:func:`tier_from_assets` of anything but a plain float or int (kept off its fast path,
    which readers call once per customer)."""
    if _is_series(avg_daily_assets):
        return _like(avg_daily_assets, [tier_from_assets(v) for v in avg_daily_assets])
    if isinstance(avg_daily_assets, (list, tuple)) or type(avg_daily_assets).__name__ == "ndarray":
        return [tier_from_assets(v) for v in avg_daily_assets]
    if _missing(avg_daily_assets):
        return None
    if isinstance(avg_daily_assets, (str, bytes, bool)) or not isinstance(
        avg_daily_assets, numbers.Real
    ):
        raise TypeError(
            f"tier_from_assets expects 年日均金融资产 in yuan as a number (or None), or a "
            f"Series/list of them; got {type(avg_daily_assets).__name__} "
            f"{avg_daily_assets!r:.40}. Convert text first, e.g. 50万 -> 500000."
        )
    return tier_from_assets(float(avg_daily_assets))

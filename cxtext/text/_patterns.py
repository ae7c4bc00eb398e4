"""Character classes and regular expressions shared by normalize and segment (private).

Placeholders
------------
PII masking writes placeholders such as ``[手机号]`` or ``[银行卡号]``; the JD
customer-service corpus (JDDC) writes ``[订单x]``, ``[数字x]``, ``[姓名x]`` and
``[ORDERID_10086]``. They look like Weibo/WeChat emoji codes (``[微笑]``,
``[捂脸]``), so every text function checks :data:`PLACEHOLDER_NAMES` before it
treats a bracketed code as an emoji: a placeholder is never removed, replaced
or split.
"""

from __future__ import annotations

import re
from typing import Final

# --- character classes (bodies of [...] classes) ---------------------------------------------

#: Han ideographs: CJK Unified (ext A, basic, ext B-H) and CJK Compatibility Ideographs.
HAN: Final = (
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002a6df\U0002a700-\U0002ebef"
    "\U0002f800-\U0002fa1f\U00030000-\U0003134f"
)
#: CJK (full-width) punctuation that NFKC leaves alone, plus Chinese quotes, dashes, dots.
CJK_PUNCT: Final = (
    "\u3001-\u3003\u3008-\u3011\u3014-\u301f\u2014\u2026\u2018\u2019\u201c\u201d\u00b7"
)
#: Characters NFKC must not touch: compatibility ideographs, the Chinese ellipsis, enclosed
#: ideographs and squared letters that are emoji (㊗ ㊙ 🈶 🅰).
NFKC_KEEP: Final = "\uf900-\ufaff\U0002f800-\U0002fa1f\u2026\u3297\u3299\U0001f100-\U0001f2ff"

# --- placeholders -----------------------------------------------------------------------------

#: Names (bracket contents) that are placeholders, never emoji codes.
PLACEHOLDER_NAMES: Final[frozenset[str]] = frozenset(
    {
        # PII masking
        "手机号", "手机号码", "手机", "电话", "电话号码", "联系电话", "座机", "固话", "座机号",
        "姓名", "名字", "人名", "客户姓名", "地址", "住址", "家庭住址", "单位地址",
        "银行卡号", "卡号", "信用卡号", "账号", "账户", "账户号", "身份证号", "身份证",
        "身份证号码", "证件号", "证件号码", "护照号", "邮箱", "电子邮箱", "邮件", "微信号",
        "QQ号", "车牌号", "验证码", "密码", "工号", "编号", "金额", "日期", "时间", "网址",
        "链接", "公司", "机构", "单位", "组织机构", "订单", "订单号", "数字", "站点",
        "快递单号", "运单号", "IP地址", "IP",
    }
)  # fmt: skip

_NAMES_ALT = "|".join(sorted((re.escape(n) for n in PLACEHOLDER_NAMES), key=len, reverse=True))
#: ``[手机号]``, ``[姓名x]``, ``[数字2]``, ``[金额_3]`` and upper-case Latin ones (``[ORDERID_1]``).
PLACEHOLDER_RE: Final = re.compile(
    rf"\[(?:(?:{_NAMES_ALT})(?:[xX]|_?\d{{1,6}})?|[A-Z][A-Z0-9]*(?:_[A-Za-z0-9]+)*)\]"
)
#: Weibo/WeChat emoji codes: 1-4 Han characters in ASCII or full-width brackets.
BRACKET_CODE_RE: Final = re.compile(rf"[\[\uff3b]([{HAN}]{{1,4}})[\]\uff3d]")
#: What the segmenter keeps as one token: a placeholder or a bracketed emoji code.
BRACKET_TOKEN_RE: Final = re.compile(rf"{PLACEHOLDER_RE.pattern}|\[[{HAN}]{{1,4}}\]")


def is_placeholder(token: str) -> bool:
    """True if ``token`` is a whole placeholder such as ``[手机号]`` or ``[订单x]``."""
    return PLACEHOLDER_RE.fullmatch(token) is not None


# --- emoji ------------------------------------------------------------------------------------

_EMOJI_BASE = (
    "\U0001f000-\U0001f0ff"  # mahjong, dominoes, playing cards
    "\U0001f100-\U0001f1ff"  # enclosed alphanumerics, regional indicators
    "\U0001f200-\U0001f2ff"  # enclosed ideographic supplement (🈶 🉐)
    "\U0001f300-\U0001f5ff"  # misc symbols and pictographs
    "\U0001f600-\U0001f64f"  # emoticons
    "\U0001f680-\U0001f6ff"  # transport and map
    "\U0001f700-\U0001f7ff"  # alchemical, geometric shapes extended (🟠)
    "\U0001f900-\U0001f9ff"  # supplemental symbols and pictographs
    "\U0001fa00-\U0001faff"  # chess, symbols and pictographs extended-A
    "\u2600-\u2604\u2607-\u26ff"  # misc symbols, without ★ ☆ (ratings in reviews)
    "\u2700-\u2775\u2794-\u27bf"  # dingbats, without ❶-➓ (list numbering)
    "\u231a\u231b\u2328\u23cf\u23e9-\u23f3\u23f8-\u23fa"
    "\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe"
    "\u2b05-\u2b07\u2b1b\u2b1c\u2b50\u2b55\u2934\u2935\u3030\u303d\u3297\u3299"
)
EMOJI_CHARS: Final = _EMOJI_BASE
_EMOJI_MOD = "\ufe0e\ufe0f\U0001f3fb-\U0001f3ff\u20e3\U000e0020-\U000e007f"
_TEXT_AS_EMOJI = "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa"
#: One emoji: a keycap, a flag, a text symbol with VS16, or a ZWJ sequence with modifiers.
EMOJI_RE: Final = re.compile(
    "[0-9#*]\ufe0f?\u20e3"
    "|[\U0001f1e6-\U0001f1ff]{2}"
    f"|[{_TEXT_AS_EMOJI}]\ufe0f"
    f"|[{_EMOJI_BASE}][{_EMOJI_MOD}]*(?:\u200d[{_EMOJI_BASE}][{_EMOJI_MOD}]*)*"
)
EMOJI_MOD_CHARS: Final = _EMOJI_MOD

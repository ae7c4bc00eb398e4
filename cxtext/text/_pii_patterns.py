"""Character tables, gazetteers, validators and regular expressions for PII masking (private).

Everything here is data or a pure function; :mod:`cxtext.text.pii` strings them together.
Regular expressions that need the surname list are built lazily (first use) because the list is
package data.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Final, NamedTuple

from cxtext.text._resources import read_resource_lines


def words(text: str) -> tuple[str, ...]:
    """Whitespace-separated words of a literal (keeps long vocabularies readable)."""
    return tuple(text.split())


# --- normalisation tables (1:1 characters, so offsets never move) -----------------------------

#: Full-width ASCII to ASCII, odd spaces to " ", dash look-alikes to "-".
WIDTH_TABLE: Final[dict[int, str]] = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
WIDTH_TABLE.update({ord(c): " " for c in "\u3000\u00a0\u2002\u2003\u2009\t"})
WIDTH_TABLE.update({ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63"})

#: Characters ``WIDTH_TABLE`` changes (skip the translation when there are none).
NEEDS_WIDTH_RE: Final = re.compile(
    "[\uff01-\uff5e\u3000\u00a0\u2002\u2003\u2009\t\u2010-\u2015\u2212\ufe63]"
)

#: ``WIDTH_TABLE`` plus Chinese digits as ASR writes them (幺 = 1, 洞 = 0, 两 = 2, 叉 = X).
DIGIT_TABLE: Final[dict[int, str]] = dict(WIDTH_TABLE)
for _chars, _digit in (
    ("零〇○洞", "0"), ("一幺壹", "1"), ("二两贰兩貳", "2"), ("三叁參", "3"), ("四肆", "4"),
    ("五伍", "5"), ("六陆陸", "6"), ("七柒", "7"), ("八捌", "8"), ("九玖", "9"), ("叉", "X"),
):  # fmt: skip
    DIGIT_TABLE.update({ord(c): _digit for c in _chars})

#: Characters ``DIGIT_TABLE`` changes.
DIGIT_TABLE_RE: Final = re.compile(
    "[" + "".join(re.escape(chr(k)) for k in sorted(DIGIT_TABLE)) + "]"
)


def translate(text: str, table: dict[int, str], changed: re.Pattern[str]) -> str:
    """``text.translate(table)``, faster when few distinct characters change.

    ``changed`` matches exactly the keys of ``table``. ``str.translate`` with a dict looks up
    every character of a non-ASCII text; here each distinct character that changes is replaced
    once (the table's values are never keys, so the order of the replacements is irrelevant).
    """
    for ch in set(changed.findall(text)):
        text = text.replace(ch, table[ord(ch)])
    return text


#: Characters that may hold a digit once ``DIGIT_TABLE`` is applied (cheap pre-check).
CN_DIGIT_CHARS: Final = "零〇○洞一幺壹二两贰兩貳三叁參四肆五伍六陆陸七柒八捌九玖"
DIGITISH: Final = "0-9\uff10-\uff19" + CN_DIGIT_CHARS

#: Frequent characters that only Traditional Chinese uses: a hint to convert before matching.
TRADITIONAL_HINT_RE: Final = re.compile(
    "[們個這說為來時會對國後過還點現進開關發經長門問實動機業務員從當錢銀號區縣鎮樓單網話電碼證"
    "戶帳賬請謝讓麼於與裡嗎態應該處費額辦貸張陳劉黃趙吳孫馬鄭許韓馮鄧蕭葉蘇呂盧鐘譚陸賈韋鄒龍"
    "嚴湯溫齊喬龐顏莊聶魯歐關蘭寧紀畢駱藍饒鮑華項連麥竇衛閔鄔邊榮遲鄺廣東滬臺灣區寫聯繫絡"
    # frequent in given names: 潘傑, 王偉, 李麗
    "傑偉麗鳳強靜紅軍輝鵬濤羅棟淵龍雲鳴]"
)


@lru_cache(maxsize=1)
def t2s_converter() -> object | None:
    """OpenCC ``t2s`` (a package dependency), loaded on first use; None if unavailable."""
    try:
        import opencc
    except ImportError:  # pragma: no cover - opencc is a declared dependency
        return None
    return opencc.OpenCC("t2s")


def simplified_view(text: str) -> str:
    """``text`` in Simplified characters, same length (so offsets hold), or ``text`` itself.

    OpenCC's ``t2s`` maps character for character; if it ever changes the length the
    original is used.
    """
    if not TRADITIONAL_HINT_RE.search(text):
        return text
    conv = t2s_converter()
    if conv is None:
        return text
    try:
        out = conv.convert(text)  # type: ignore[attr-defined]
    except Exception:  # lone surrogates and the like: keep the original
        return text
    return out if len(out) == len(text) else text


# --- numbers: chunks, context ---------------------------------------------------------------

#: Digit groups joined by one or two spaces or a dash (optionally spaced), an optional
#: ``(0755)`` area code in front and an optional ID-card ``X`` at the end. The left edge
#: (no letter, digit or decimal point before) is checked in Python: a pattern that starts
#: with a character class lets ``re`` skip ahead quickly, one that starts with a lookbehind
#: does not.
CHUNK_RE: Final = re.compile(
    r"(?:\(0\d{2,3}\) ?|(?=\d))\d+(?:(?: {1,2}| ?- ?)\d+)*(?: ?[Xx](?![A-Za-z]))?"
)
DIGITS_RE: Final = re.compile(r"\d+")
#: A unit or a decimal part right after a number makes it an amount.
AMOUNT_AFTER_RE: Final = re.compile(
    r" ?(?:[元块圆万亿角%‰]|千(?!克)|百(?!度)|分钱|美元|美金|港币|港元|欧元|日元|英镑|人民币"
    r"|RMB|CNY|USD|rmb|[kKwW](?![A-Za-z]))|\.\d"
)
AMOUNT_BEFORE_RE: Final = re.compile(r"(?:[¥￥$€£]|RMB|CNY|USD|人民币) ?$")
COUNTRY_CODE_BEFORE_RE: Final = re.compile(r"\( ?(?:\+|00)?86 ?\) ?-? ?$|\+ ?$")
EXTENSION_RE: Final = re.compile(
    r" ?(?:转|分机|ext\.?|EXT\.?|Ext\.?|-) ?\d{1,6}(?![\d.])(?! ?[元块万])"
)
_CLAUSE_END = "，。；！？,;!?"
#: Left-context words (within the clause) that make a 16-19 digit run a card number even
#: without a valid Luhn digit, or an 18-character run an ID number without a valid checksum.
CARD_CONTEXT_RE: Final = re.compile(
    r"卡号|卡的号|卡片号|银行卡|信用卡|借记卡|储蓄卡|工资卡|社保卡|账号|帐号|账户|帐户|卡"
)
ID_CONTEXT_RE: Final = re.compile(r"身份证|证件号|身份号|证件|公民身份")
#: Left-context words that make an unlabelled Luhn-valid run an order/transaction number.
ORDER_CONTEXT_RE: Final = re.compile(
    r"订单|流水|交易号|交易单|单号|编号|工单|案件|合同|保单|快递|运单|凭证|批次|序列|参考号|受理号"
)


def context_kind(norm: str, start: int) -> str | None:
    """``"card"``, ``"id"`` or ``"order"``: the keyword nearest before ``start`` in its clause."""
    ctx = left_clause(norm, start)
    best, best_end = None, -1
    for kind, rx in (("card", CARD_CONTEXT_RE), ("id", ID_CONTEXT_RE), ("order", ORDER_CONTEXT_RE)):
        for m in rx.finditer(ctx):
            if m.end() > best_end or (m.end() == best_end and kind == "order"):
                best, best_end = kind, m.end()
    return best


def left_clause(norm: str, start: int, width: int = 12) -> str:
    """Up to ``width`` characters before ``start``, cut at the last clause punctuation."""
    window = norm[max(0, start - width) : start]
    for i in range(len(window) - 1, -1, -1):
        if window[i] in _CLAUSE_END:
            return window[i + 1 :]
    return window


# --- numbers: validators --------------------------------------------------------------------

#: First two digits of a resident ID number (province-level code).
PROVINCE_CODES: Final[frozenset[str]] = frozenset(
    words(
        "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 "
        "61 62 63 64 65 71 81 82 83"
    )
)
_ID_WEIGHTS: Final = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK: Final = "10X98765432"
_MAX_BIRTH_YEAR: Final = date.today().year


def _valid_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def id18_checksum(first17: str) -> str:
    """The check character (``0-9`` or ``X``) of an 18-digit resident ID number."""
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def id18_plausible(d: str) -> bool:
    """Province code and birth date of an 18-character ID are valid (checksum not tested)."""
    if len(d) != 18 or not d[:17].isdigit() or d[:2] not in PROVINCE_CODES:
        return False
    year = int(d[6:10])
    return 1900 <= year <= _MAX_BIRTH_YEAR and _valid_date(year, int(d[10:12]), int(d[12:14]))


def id18_valid(d: str) -> bool:
    """18-character resident ID with a valid province, birth date and ISO 7064 checksum."""
    return id18_plausible(d) and id18_checksum(d[:17]) == d[17].upper()


def id15_valid(d: str) -> bool:
    """15-digit first-generation ID: valid province code and ``19YYMMDD`` birth date."""
    if len(d) != 15 or not d.isdigit() or d[:2] not in PROVINCE_CODES:
        return False
    return _valid_date(1900 + int(d[6:8]), int(d[8:10]), int(d[10:12]))


def luhn_valid(d: str) -> bool:
    """Luhn (mod 10) check of a digit string."""
    total = 0
    for i, c in enumerate(reversed(d)):
        n = ord(c) - 48
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def is_mobile(d: str) -> bool:
    """11 digits starting with 13-19 (mainland mobile numbering)."""
    return len(d) == 11 and d[0] == "1" and d[1] in "3456789"


def landline_split(d: str, area_len: int | None) -> bool:
    """``d`` is a mainland landline: area code 010/02x or 0[3-9]xx, then 7-8 local digits.

    ``area_len`` is the length of an explicitly separated area-code group, or ``None`` when
    the digits came as one run and the area code has to be inferred.
    """
    if len(d) < 10 or d[0] != "0":
        return False
    if area_len is None:
        area_len = 3 if d[1] in "12" else 4
    area, local = d[:area_len], d[area_len:]
    if area_len == 3:
        ok_area = area == "010" or area[1] == "2"
        ok_local = len(local) == 8
    elif area_len == 4:
        ok_area = area[1] in "3456789"
        ok_local = len(local) in (7, 8)
    else:
        return False
    return ok_area and ok_local and local[0] != "0"


# --- e-mail ---------------------------------------------------------------------------------

_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
EMAIL_RE: Final = re.compile(
    rf"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{{0,63}}@{_LABEL}(?:\.{_LABEL})*"
    r"\.[A-Za-z]{2,10}(?![A-Za-z])"
    # spoken, as ASR writes it: "zhangwei 艾特 163 点 com", "li at qq dot com", "li圈Aqq.com"
    r"|(?<![A-Za-z0-9._-])[A-Za-z0-9][A-Za-z0-9._-]{1,40}(?: ?(?:艾特|圈[Aa]) ?| (?:at|AT) )"
    r"[A-Za-z0-9-]{1,30}(?:(?: ?(?:点|dot|DOT) ?|\.)[A-Za-z0-9-]{1,30}){0,4}?"
    r"(?: ?(?:点|dot|DOT) ?|\.)(?:com|cn|net|org|edu|gov|info|biz|cc|co|io|me|top|vip|xyz)"
    r"(?![A-Za-z0-9])"
)
#: Spoken e-mail markers (cheap pre-check for the spoken alternative).
EMAIL_HINT_RE: Final = re.compile("@|艾特|圈[Aa]| (?:at|AT) ")

# --- names ----------------------------------------------------------------------------------

#: Characters that end a name (rare in given names, common as function words, verbs, nouns).
NAME_STOP: Final[frozenset[str]] = frozenset(
    "的是在要想了我你他她它您们就也都还又再把被让叫说和跟与及或给对从到去来打找问请已今昨现"
    "这那哪啥什么吗呢吧啊呀哦嗯喂哈呃嘛不没会能以因所但而且用办卡号码手机电话身份证账户息址住"
    "本名字姓自过着很太些个位岁日点钟元块钱等下里内外后前之间时候年投诉查询申请退开先女士总经理"
    "老师阿姨谢未曾并尚将于被得地某"
)
#: Two-character words that may follow a name directly (the name ends before them).
NAME_STOP_BIGRAMS: Final[frozenset[str]] = frozenset(
    words("""今天 昨天 明天 前天 后天 中午 上午 下午 晚上 早上 现在 刚才 刚刚 已经 一直 一下
    一个 一起 一样 手机 电话 身份 银行 信用 信息 卡号 账号 打电 来电 想问 想要 要求 需要 请问
    麻烦 帮我 帮忙 这边 那边 这个 那个 就是 还是 但是 可是 可以 所以 因为 先生 女士 小姐 经理
    老师 本人 客户 家属 名下 今年 去年 明年 上个 开通 注销 挂失 冻结 申请 投诉 反映 咨询 查询
    办理 处理 退款 还款 贷款 存款 取款 转账 联系 住在 家住 工作 年龄 出生 上周 上次 这次 刚好
    最近 之前 以前 信用卡 借记 储蓄 工资 现住 目前 地址 邮箱 微信 号码 为您 为你 为我 小说
    均未 均已 均签 均为 均不 均无 均是 均在""")
)
#: Surname-initial words that are not names (checked against the whole candidate).
NAME_COMMON_WORDS: Final[frozenset[str]] = frozenset(
    words("""高兴 明白 明确 明细 明天 明年 安全 方便 方面 方式 方法 方案 马上 万一 于是 时间
    平时 平常 常常 经常 成功 成本 包括 应该 单位 利息 利率 关于 关系 通知 通过 任何 任务 原因
    原来 原本 金额 余额 支付 支行 支持 能够 全部 全额 双方 相关 后来 后面 后续 都是 文件 国家
    东西 司机 师傅 公司 公众 强烈 严正 严重 郑重 高度 尚未 曾经 从未 从来 农行 工行 建行 中行
    交行 招行 白金 金卡 黄金 钻石 普通 平安 华夏 光大 广发 浦发 民生 兴业 中信 邮储 宁波 江苏
    江西 广东 广西 山东 山西 云南 海南 甘肃 宁夏 安徽 福建 湖南 湖北 贵州 四川 黑龙江 吉林 辽宁
    上海 北京 天津 重庆 石家庄 常州 温州 苏州 杭州 福州 广州 兰州 郑州 柳州 徐州 沈阳 武汉 成都
    长沙 金华 嘉兴 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 太原 大同 阳泉 长治
    晋城 朔州 晋中 运城 忻州 临汾 吕梁 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳
    葫芦岛 四平 辽源 通化 白山 松原 白城 延边 鸡西 鹤岗 双鸭山 伊春 七台河 牡丹江 黑河 无锡
    连云港 淮安 盐城 扬州 镇江 泰州 宿迁 湖州 绍兴 衢州 舟山 台州 丽水 芜湖 蚌埠 淮南 马鞍山
    淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城 莆田 三明 泉州 漳州 南平 龙岩 宁德
    南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶 济南 青岛 淄博 枣庄 东营 烟台 潍坊
    济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌
    漯河 三门峡 南阳 商丘 信阳 周口 驻马店 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁
    随州 恩施 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 湘西 韶关 深圳 珠海
    汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮 南宁
    桂林 梧州 北海 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左 海口 三亚 儋州 自贡 攀枝花 泸州 德阳
    绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 贵阳 遵义 安顺 毕节 铜仁
    昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 大理 拉萨 林芝 西安 铜川 宝鸡 咸阳 渭南 延安 汉中
    榆林 安康 商洛 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 西宁 银川 石嘴山
    吴忠 固原 中卫 乌鲁木齐 克拉玛依 吐鲁番 哈密 喀什 伊犁 阿克苏 昆山 义乌 江阴 晋江 常熟
    张家港 余姚 慈溪 诸暨 海宁 桐乡 温岭 乐清 瑞安 宜兴 溧阳
    林业 高考 高中 高速 高铁 高级 高利 高端 高峰 周末 周期 周围 周边 周年 周转 常用 常规 常见
    安装 安排 安心 安静 安慰 商家 商品 商场 商户 商量 商业 单独 单据 单子 金融 金卡 钱包 毛病
    白天 白班 黄牛 马路 牛市 熊市 龙头 龙虎 江湖 海外 海关 石油 钢铁 能源 华为 于是 向来
    明明 明显 明星 晓得 温度 温馨 温和 温暖 程序 程度 简单 简直 简历 鲁莽
    解决 解释 解冻 计算 计划 计息 应用 应答 乐意 快乐 和平 和谐 和解 齐全 谈判 管理 甘心
    年纪 年龄 年轻 年底 年初 年前 年后 金子 费用 费率 付款 付费 付出 章程 季度 季节 文明 文字
    朋友 西门子 武汉 夏天 夏季 秋天 冬天 春节 居然 竟然 当然 依然 仍然 果然 突然 权益 权利
    权限 幸福 幸运
    春天 东方 西方 南方 北方 雷同 雷达 蓝色 洪水 项目 祝福 祝贺 贺卡 喜欢 欢迎 顾问 顾客 路上
    董事 董事长 全权 强大 凌晨 韩国 法国 英国 经济 浦东 浦西 农商 农信 张贴 卫生 时候
    祖国 第五天 第五次 第五个 第五年 农民 农户 商人 居民 公民 军人 华侨 党员 股民
    胡乱 蓝牙 谈论 麻烦 山大 巴结""")
)
#: Characters common in given names (``resources/given_name_chars.txt``), read lazily.
@lru_cache(maxsize=1)
def given_name_chars() -> frozenset[str]:
    """Characters common in Chinese given names (a score for a candidate name)."""
    return frozenset("".join(read_resource_lines("given_name_chars.txt")))


#: Single-character surnames that are also everyday words: before a form of address they
#: need a clean left context (start, punctuation, or a word such as 您好 / 请 / 联系).
AMBIGUOUS_SURNAMES: Final[frozenset[str]] = frozenset(
    "和于向从那都常时能有万经家后别连通全双相查成计应单包解干支安乐言年国师帅公文明平水云花方"
    "任元齐山谷车宁甘白边尚温容古易步满广东利越空沙须红游权盖益福法海归商阳爱司班富井封松秋宫"
    "符景印宿怀苍农庄充习鱼终居衡禄欧巩勾冷辛简曾养丰关琴佘墨哈原么迟佐卿玄兰付能双通路门展练楼豆敬初修战衣宾鲜"
    # surnames.txt v3
    "占旷漆矫"
)
#: Given names of the 1950s-1970s that are everyday words (马建设, 郑和平, 林文化; round 12,
#: from general knowledge of naming in those years): after a cue they end a full name
#: even though their second character is no common given-name character.
ERA_GIVEN_NAMES: Final[frozenset[str]] = frozenset(
    words("建设 和平 文化 胜利 自强 卫东 卫国 卫红 援朝 跃进 红兵 解放 抗美 学军 拥军 爱民 "
          "建新 国庆 建军 富强 东风 红旗 向阳 前进 先锋 超英 志愿")
)
#: Stricter left context for a full name whose surname is also an everyday word.
NAME_BEFORE_STRICT: Final[frozenset[str]] = frozenset("是叫请找问给跟对位您好喂和与及")
#: Characters after which a name may start (besides the start and non-Han characters).
NAME_BEFORE: Final[frozenset[str]] = frozenset(
    "是叫请找问给跟和对位您好的让帮称喊呀啊吗嗯哦喂那这个谢们到与及向被把由见约系告知诉了里有给"
)
#: Forms of address that follow a surname (longest first).
TITLES: Final[tuple[str, ...]] = (
    "总经理", "先生", "女士", "小姐", "太太", "夫人", "总监", "总裁", "经理", "主管", "老师",
    "主任", "师傅", "阿姨", "律师", "医生", "行长", "科长", "处长", "局长", "部长", "老板",
    "大哥", "大姐", "同志", "警官", "所长", "院长", "书记", "教授", "董事长", "总", "姐", "哥",
    "专员", "助理", "顾问",
    # round 11: how elders and neighbours are addressed (袁大爷, 殷嫂)
    "大爷", "嫂",
    # round 12: office jobs said after a lone surname as a form of address (我们村的伍会计),
    # more jobs (王组长, 李店长, 张护士, 刘大夫, 周副行长) and how elders are addressed (刘叔,
    # 王婶, 李奶奶, 赵大娘)
    "会计", "出纳", "组长", "店长", "秘书", "护士", "大夫", "副行长", "副总",
    "叔叔", "叔", "婶", "奶奶", "爷爷", "大娘", "大伯",
    "校长", "厂长", "教练", "法官", "记者", "博士", "社长", "馆长", "站长", "伯伯", "姨",
)  # fmt: skip
#: Titles of rounds 11 and 12 that take a lone surname only after a clean left edge (给殷嫂转了,
#: 单位的凌会计; not 祥林嫂, 浪费大爷时间, 想学会计).
TITLES_CLEAN_LEFT: Final = frozenset(("大爷", "嫂", "会计", "出纳", "叔叔", "叔", "婶", "奶奶",
                                      "爷爷", "大娘", "大伯", "护士", "大夫", "校长", "厂长",
                                      "教练", "法官", "记者", "博士", "社长", "馆长", "站长",
                                      "伯伯", "姨"))
#: Titles of round 12 that follow a lone surname only, never a full name: the characters
#: before 大叔, 奶奶, 护士 or 博士 are too often words (门童大叔, 抄底奶奶的熊, 经导诊护士,
#: 明天鹏博士, 严防记者, 法国人教练). 主席, 老总 and 伯 were tried and dropped (毛主席,
#: 共和国主席, 这家老总, 马伯庸 and 张伯礼: 伯 is a given-name character).
TITLES_LONE_SURNAME: Final = frozenset(("叔叔", "叔", "婶", "奶奶", "爷爷", "大娘", "大伯",
                                        "护士", "大夫", "校长", "厂长", "教练", "法官", "记者",
                                        "博士", "社长", "馆长", "站长", "伯伯", "姨"))
#: Office jobs of :data:`TITLES_CLEAN_LEFT`: before them a surname that is also a verb for
#: the work (管会计, 我是管出纳的) or an everyday word needs 的 or 位 right before it
#: (我们单位的方会计, 那位万出纳).
TITLES_JOB: Final = frozenset(("会计", "出纳"))
TITLE_JOB_VERBS: Final = frozenset("管学当做兼代")
#: A department or a workplace right before an office job's surname (我们财务孙会计, 公司王出纳):
#: a left edge as clean as 的 (round 13).
TITLE_JOB_HEADS: Final = frozenset(("财务", "人事", "行政", "后勤", "公司", "单位", "厂里",
                                    "村里", "店里", "我们", "你们", "他们", "务部", "务科",
                                    "务室", "事部"))
#: ... of them, those after which an everyday-word surname is one too (财务万会计; not
#: 我们和会计, 财务和会计: a function word is never a surname there).
TITLE_JOB_DEPARTMENTS: Final = frozenset(("财务", "人事", "行政", "后勤"))
#: Job titles that also follow department words (客服专员, 商务助理, 理财顾问): before them only
#: a lone surname that is not an everyday word counts (郭专员, 廖助理).
TITLES_SURNAME_ONLY: Final = frozenset(("专员", "助理", "顾问"))
#: Characters that turn 总 into a compound word (总共, 总额 …) rather than a title.
TITLE_ZONG_NOT_BEFORE: Final = (
    "共额计数体结算量值账资价分归之部行和是局署队站店台机院社厂所会线理统公"
)
#: Words for a boss or a group of people before X总 (我们老板万总, 你们常总): a lone surname
#: that is also an everyday word is a surname there too (round 12).
TITLE_ZONG_HEADS: Final = frozenset(("老板", "领导", "上司", "我们", "你们", "他们", "公司"))
#: ``<previous char><surname char>`` words: the surname character belongs to the word before.
TITLE_PREV_WORDS: Final[frozenset[str]] = frozenset(
    words("""公司 值班 加班 上班 同班 基金 会计 售后 实习 历史 音乐 语文 风水 账房 谢谢 感谢
    多谢 部门 专门 上门 出门 教练 会展 监管 主管 保管 托管 接管 还有 没有 所有 只有 都有 也有
    已有 现有 师兄 师姐 帅哥 表哥 表姐 堂哥 堂姐 一位 那位 这位 各位 大家 我家 你家 他家 人家
    专家 商家 厂家 卖家 买家 管家 行家 国家 东家 老家 回家 在家 们家 书籍""")
)
#: ``<surname><title>`` strings that are ordinary words.
TITLE_WORDS: Final[frozenset[str]] = frozenset(
    words("班主任 和先生 师哥 帅哥 老姐 空姐 小姐姐 东家 公哥 初哥 房嫂 祖奶奶 祖爷爷 姑奶奶")
)
#: Surnames read in a nickname 老王 / 小李: common ones for which 老X / 小X is not an
#: everyday word (not 老钱/小钱, 小金库, 小马哥, 小龙虾, 老毛病, 小熊, 老汤, 小苏打, 小段时间,
#: 小孔, 老莫名其妙).
NICKNAME_SURNAMES: Final = (
    "王李张刘陈杨赵吴周徐孙朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡杜叶程魏吕沈姚卢"
    "崔谭陆汪范廖贾夏韦邹孟秦邱江尹薛闫雷侯史陶黎贺顾郝龚邵严覃戴"
    "葛武邢柯鲍翟阎俞詹庞倪"  # (round 6; not 童, 钟, 洪, 卜, 祝: 小童, 小钟, 萝卜, 小祝你…)
    # round 12 (老樊, 小栾): the single surnames of surnames.txt with a prior of at least -5.5
    # in name_stats.tsv that are no everyday-word surname, whose 小X / 老X is no word of jieba's
    # dictionary and which as a word of their own are rarer than 1,000 there; left out by hand:
    # 卜 暴 融 慎 束 咸 宰 毋 蓬 (萝卜, 暴雨, 小心慎 …)
    "霍艾萧桑赫乔颜狄穆戈凤沃傅殷纪申凌慕尉舒阮聂屈窦卓戚蒲耿丛闵柏樊仲贡伦裴朴昌廉骆姬寿桓"
    "虞甄牧寇褚郁茅牟苑芦屠弘粟祁佟禹靖滕岑裘奚瞿荀於厉喻储浦缪臧晁戎娄邬胥扈晏冉雍糜庾邝巫"
    "茹刁靳檀栗蒯栾钮鄢汲"
)
#: Surnames read in 老X only (小孔 is a small hole): 老孔.
NICKNAME_OLD_ONLY: Final = "孔"
#: ``老王`` / ``小李``: 老 or 小, a surname, then what must end a nickname (checked in pii.py).
NICKNAME_RE: Final = re.compile(
    # 养老, 古老, 大小, 从小 …: 老 / 小 belongs to the word before (checked after the class
    # so that ``re`` can skip ahead to 老 / 小)
    "[老小](?<![养敬古元长遗终衰防告尊父年苍大最很太较缩从矮短弱渺细胆减变极微狭幼一][老小])"
    f"(?P<sur>[{NICKNAME_SURNAMES}]|(?<=老)[{NICKNAME_OLD_ONLY}])"
    # 小孙子, 小王子, 老李家: a word or a family, not a nickname
    "(?![子女儿孩姐哥弟妹家伙])"
)
#: Adverbs that may follow a nickname directly (小刘挺热情, 老周真是).
NICKNAME_NEXT: Final = frozenset("挺很真太最特还也都就又已刚才私擅冒骗未")

#: Common surnames in Hanyu Pinyin (written from general knowledge): a name typed in Latin
#: letters after a name field (户名：Zhang Wei, 英文名 LI NA) starts with one.
PINYIN_SURNAMES: Final[tuple[str, ...]] = tuple(words("""Wang Li Zhang Liu Chen Yang Huang Zhao
    Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng
    Zeng Xiao Tian Dong Yuan Pan Yu Jiang Cai Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Cui Zhong
    Tan Fan Jin Shi Liao Jia Xia Fu Fang Bai Zou Meng Xiong Qin Qiu Yin Xue Yan Duan Lei Hou Long
    Tao Gu Mao Hao Gong Shao Wan Qian Dai Kong Qi Mo Kang Niu Ge Tong Ke Bao Zhai Ni Lai Mi Nie
    Zhan Chang Qiao Lan Xiang Ning Ruan Geng Zhuang Xing Hua Yue Hong Che Bi Shang Ou Ouyang
    Situ Shangguan Zhuge Sima Murong Dongfang"""))
#: A Latin-letter name right after a name field: the surname, then one or two given-name
#: syllable groups (Zhang Wei, ZHANG Xiaoming, LI NA, Wang Fang).
PINYIN_NAME_RE: Final = re.compile(
    "(?:户名|姓名|名字|我叫|持卡人|收款人|开户名|账户名|英文名|拼音名|拼音)"
    "(?:是|为|叫|写的|写着)?[：: ]*"
    "(?P<name>(?:" + "|".join(PINYIN_SURNAMES) + "|"
    + "|".join(p.upper() for p in PINYIN_SURNAMES) + ")"
    "(?: ?(?:[A-Z][a-z]{1,7}|[A-Z]{2,8})){1,2})(?![A-Za-z])"
)

#: Spelled-out surnames (木子李 = 李), masked as names.
SPELLED_SURNAMES: Final[tuple[str, ...]] = (
    "弓长张", "立早章", "木子李", "耳东陈", "口天吴", "古月胡", "双木林", "草头黄", "言午许",
    "人可何", "双口吕", "禾口程", "文刀刘", "三横王", "走肖赵", "关耳郑", "子小孙", "日每梅",
    "女酋姚", "木易杨", "三点水的江", "草头萧", "小月肖",
    # round 9: more of the usual spellings
    "双人徐", "卯金刀刘", "四维罗", "宝盖宋", "金中钟", "二马冯", "木卯柳",
    # round 10: the character's own parts (禾呈程; 禾口程 above is the folk form) and more
    "禾呈程", "十八子李", "言身寸谢", "羊女姜",
    # round 11: a radical named, then a surname written with it (草头蒋, 三点水汪, 木字旁杨)
    *(r + c for r in ("草头", "草字头") for c in "蒋萧范苏董蓝莫葛芦荆薛蒲苗茅蔡荀芮茹蔺蒯莘"),
    *("三点水" + c for c in "汪沈洪潘温汤游沙池涂滕"),
    *("木字旁" + c for c in "杨林柳杜柯梅"),
    # round 13: a surname told by its two parts, as 木子李 is (日安晏, 日京景, 山今岑 …): the
    # usual parts of common surnames, from general knowledge (the character's own components)
    # (not those led by 人, 子, 口 or 门: the spelling screen runs on every text)
    "日安晏", "日京景", "山今岑", "士口吉", "日勿易", "木土杜", "双日昌", "丘山岳", "米女娄",
    "雨田雷", "言炎谈", "赤耳郝", "又耳邓", "耳元阮", "丘耳邱", "宝盖宫", "宝盖官",
)  # fmt: skip


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single-character, compound) surnames from ``resources/surnames.txt``."""
    names = read_resource_lines("surnames.txt")
    return (
        frozenset(n for n in names if len(n) == 1),
        frozenset(n for n in names if len(n) >= 2),
    )


@lru_cache(maxsize=1)
def surname_pattern() -> str:
    """Regex alternation matching one surname, compound surnames first."""
    single, compound = surnames()
    comp = "|".join(sorted(compound, key=lambda s: (-len(s), s)))
    return f"(?:{comp}|[{''.join(sorted(single))}])"


@lru_cache(maxsize=1)
def surname_ahead() -> str:
    """A lookahead that holds where :func:`surname_pattern` matches, cheaper to test: the
    single surnames as one class first (a lookahead's truth does not depend on the order of
    its alternatives), then only the compound surnames whose first character is not one of
    them (上官, 令狐 …; 欧阳 is covered by 欧), behind a class of those first characters."""
    single, compound = surnames()
    extra = sorted((c for c in compound if c[0] not in single), key=lambda s: (-len(s), s))
    firsts = "".join(sorted({c[0] for c in extra}))
    return (f"(?=[{''.join(sorted(single))}]"
            + (f"|(?=[{firsts}])(?:{'|'.join(extra)})" if extra else "") + ")")


_STRONG_TRIGGERS = (
    "我叫|我的名字叫|我的名字是|我名字叫|我名字是|名字叫|名字是|我的姓名是|姓名是|姓名叫|"
    "姓名 ?[:：]|"
    "全名叫|全名是|大名叫|名叫|本人叫|本人姓名(?:是|为|叫| ?[:：])?|"
    "持卡人(?:姓名)?(?:是|叫|为| ?[:：])?|户名(?:是|为|叫| ?[:：])?|开户人(?:是|为|叫| ?[:：])?|"
    "开户名(?:是|为| ?[:：])?|收款人(?:姓名)?(?:是|为|叫| ?[:：])?|联系人(?:是|为|叫| ?[:：])?|"
    "客户姓名(?:是|为| ?[:：])?|[，,] ?叫|"
    "(?:收件人|收货人|寄件人|申请人|借款人|贷款人|投保人|被保险人|经办人|代理人|委托人|当事人|担保人"
    "|户主)"
    "(?:姓名)?(?:是|为|叫| ?[:：])?|"
    # a role word and a colon: 投诉人：晏春燕
    "(?:投诉人|被投诉人|举报人|来电人|报案人|申诉人|反映人|投诉对象|被投诉对象|涉事员工)"
    "(?:姓名)? ?[:：]|"
    "(?:老公|老婆|爱人|丈夫|妻子|儿子|女儿|爸爸|妈妈|父亲|母亲|哥哥|姐姐|弟弟|妹妹|孩子|朋友|同事)"
    "(?:叫|名字叫|的名字叫|的名字是|姓名是)"
)
#: ``<name>是我老公`` — a name introduced by the relation that follows it.
_RELATIONS = (
    "老公|老婆|爱人|丈夫|妻子|先生|太太|儿子|女儿|爸爸|妈妈|父亲|母亲|哥哥|姐姐|弟弟|妹妹|孩子|"
    "家属|朋友|同事|领导|客户|亲戚"
)
_WEAK_TRIGGERS = "本人是|本人|鄙人|我是"
# Words that only introduce a name when a reporting verb follows it (客户张伟来电反映 …).
_CONTEXT_TRIGGERS = "来电客户|来电人|致电人|投诉人|报案人|客户"
# A relative, named right after the kinship word: 我爱人王秀英, 她女儿李娜.
_KIN_WORDS = (
    "老公|老婆|爱人|丈夫|妻子|儿媳妇|儿媳|媳妇|女婿|儿子|女儿|爸爸|妈妈|父亲|母亲|哥哥|姐姐|弟弟|妹妹|"
    "孩子|婆婆|公公|岳父|岳母|丈人|丈母娘|爷爷|奶奶|外公|外婆|姥姥|姥爷|孙子|孙女|外孙女|外孙|"
    "侄子|侄女|外甥女|外甥|舅舅|舅妈|小舅子|大姨子|小姨子|姨妈|大姨|小姨|姑姑|姑妈|叔叔|婶婶|伯伯|伯父|"
    "伯母|大伯|表哥|表姐|表弟|表妹|堂哥|堂姐|堂弟|堂妹|嫂子|大嫂|弟媳|弟妹|姐夫|妹夫|继父|继母|养父|"
    "养母|干爹|干妈|前妻|前夫|未婚妻|未婚夫|女朋友|男朋友|对象|老伴|老头子|老太婆|老父亲|老母亲|"
    "爸|妈|朋友|同事|同学|室友|邻居|老乡|亲戚|家人|合伙人|房东|租客|老板|领导|"
    # birth order and everyday words for children and siblings: 我大儿子…, 我二姐…, 我闺女…
    "闺女|老爸|老妈|[大小二三四老幺](?:儿子|女儿|哥|姐|弟|妹)|老大|老二|老三|发小|闺蜜|"
    # round 11: 我家小子计晨阳, 我家丫头…
    "小子|丫头"
)
#: The kinship and social words, as a regex alternation (``_name_forms.kin_called``, round 13).
KIN_WORDS: Final = _KIN_WORDS
_KIN_TRIGGERS = (f"(?:本人|我们家|我家|他家|她家|我|他|她|您|你)的?(?:{_KIN_WORDS})是?"
                 # spoken 我姐覃丽, 我弟高鹏 (round 9; bare 姐/弟 without a pronoun are no cue)
                 "|(?:我|他|她)(?:哥|姐|弟|妹)")
# A kinship or social word with no pronoun (房东詹国华说…): scored lower than 我房东.
_KIN_BARE = f"(?:{_KIN_WORDS})"
# A member of staff, named right after the job title: 客户经理张磊, 柜员李娜.
_JOB_TRIGGERS = (
    "客户经理|理财经理|大堂经理|客服经理|产品经理|经理|柜员|业务员|工作人员|客服专员|专员|客服|"
    "销售|催收员|催收人员|主管|职员|员工|信贷员|营业员|坐席|理财顾问|顾问|负责人|行长|主任|"
    "小伙子|小姑娘|姑娘|小伙|保姆|阿姨|司机|师傅|律师|医生|老师|警官|民警|"
    "接线员|话务员|客服代表|接待员|"
    # office jobs (round 11): 我们公司出纳晏琳, 我单位会计房文静
    "出纳|会计|出纳员|收银员|文员"
)
_JOB_TRIGGERS = f"(?:{_JOB_TRIGGERS})(?:是|叫)?"
# Cue words before a name, scored with what follows it (see ``_scored_end`` in pii.py):
# naming words (那个叫孔令辉) weigh most, then 叫 alone, then verbs of reaching or passing on
# to a person (通知一下欧阳晓燕, 转告邵经理, 给廖晓梅转了), then a bare 是.
_CUE_NAMING = (
    "那个叫|一个叫|有个叫|名叫|叫做|名为|自称是|自称|署名|落款|冒充|"
    # a person, then 叫: 对方叫边伟, 那人叫…
    "(?:对方|他|她|此人|这人|那人|那个人|那位|这位|男的|女的)叫"
)
_CUE_CALL = "叫"
_CUE_VERB = (
    "转告一下|转告|转达给|转达|告诉|通知一下|联系一下|联系|找一下|找|让|请问|问一下|打给|汇给|转给|"
    "交给|寄给|付给|还给|借给|打款给|打到|汇到|转到|给|替|帮|问问|是不是|"
    # who holds or is written on something: 账户是田鸿梓的, 收款人写的高英琴
    "账户是|帐户是|账号是|卡是|户头是|"
    "(?:登记|写|填|留|签|备注|预留)的?(?:是|为)|写的|写着|填的|签的|"
    # 往郎子豪卡里打了五千, 查一下祁海峰名下, 由岑国庆经手
    "往|查一下|看一下|查下|核实一下|核对一下|由"
)
# Who pays or is paid, and other roles, scored (收款方是农商行的卡 names a bank): 收款方是喻晓婉.
_CUE_ROLE = (
    "(?:收款方|付款人|付款方|汇款人|转账人|账户名|帐户名|对方户名|证人|见证人|股东|法定代表人|法人"
    "|经手人|介绍人|推荐人|受托人|受益人|继承人|监护人|保证人|共同借款人|领款人|取款人|存款人|卡主"
    "|签收人|复核人|审核人|办理人|被代办人|代办人"
    "|授权人|被授权人"  # (round 13: 授权人应晓东，被授权人应晓丽)
    # who delivers, fetches or installs (配送员:上官博文，电话:…)
    "|配送员|快递员|送货员|派送员|派件员|取件员|揽件员|揽收员|配送小哥|快递小哥|骑手"
    "|安装师傅|维修师傅|送货师傅|安装工|维修工)"
    "(?:姓名)?(?:是|为|叫| ?[:：])?|"
    # a name field being changed or filled in (收件人改成王小明, 发票抬头写张伟, 发票名字孙立新)
    "(?:收货人|收件人|联系人|名字|姓名|抬头|户名)(?:要|需要|得)?"
    "(?:改成|改为|换成|写成|写|填|应该是)|发票名字"
)
# The speaker and another person: 我、甘国强、相雨晨都买了; 我和童建军是合伙人.
_CUE_ME_AND = "我、|我和|我跟|我与|我同"
# Self-introduction in other words: 我这边是邱锦程.
_CUE_SELF = "我这边是|这边是|我这里是"
# ``<organisation>的<name>``: 你们网点的戚军说, 信用卡中心的蓝天宇.
_CUE_OF = (
    "(?:网点|中心|部门|支行|分行|银行|公司|营业部|营业厅|柜台|大堂|你们|我们|同行|贵行|你行|你们行"
    # round 13: a person met or introduced (网上认识的陈浩让我…, 朋友介绍的…)
    "|认识|介绍)的"
)
# A time word right before a name: 上周狄永刚去柜台被拒.
_CUE_TIME = "昨天|今天|前天|上周|上个月|上次|当时|刚才|后来|之前|当天"
# A clause boundary (…，翁建平自称…): the weakest cue; only a telling right edge and a
# name-like given name reach the threshold.
_CUE_CLAUSE = "[，。；！？,;!?] ?"
#: What must follow a name after a bare clause boundary (checked inside the regex: cheap).
CLAUSE_RIGHT_WORDS: Final = ("自称", "声称", "谎称", "冒充", "以贵行", "以你行", "以银行")
_CLAUSE_RIGHT = f"(?:{'|'.join(CLAUSE_RIGHT_WORDS)})"
CLAUSE_RIGHT_RE: Final = re.compile(_CLAUSE_RIGHT)
#: Necessary for the ``reporting`` name pattern (…，张伟来电反映): one of its right words.
REPORTING_HINT_RE: Final = re.compile("来电|致电|来行|来访|反映|称")
_CUE_WITH = "跟|和|与|同"
_CUE_IS = "是"
#: Words after a name that say it is one (来电, 负责, 在吗, 名下 …).
NAME_RIGHT_CUE_RE: Final = re.compile(
    "来电|致电|来行|来访|反映|投诉|说|讲|称|表示|告诉|负责|经手|经办|办理|办的|签字|名下|的卡|卡上|"
    "账户|账上|回电|回个电话|回电话|接电话|打电话|打来|在吗|在不在|吗|呢|转|汇|打了|是我|是他|是她|"
    "自称|声称|谎称|冒充|这个名字|的名字|卡里|账户里|在用|介绍|推荐|"
    # …，贺志勇以贵行员工名义…: acting in someone's name (the clause cue's right words)
    "以贵行|以你行|以银行|以你们"
)
#: A number right after a name (打给蒲俊两次, 转给禹佳两万块钱) ends it.
NAME_RIGHT_NUMBER_RE: Final = re.compile(
    "好几|[0-9一二两三四五六七八九十几百千万]+(?:次|遍|回|个|块|元|万|千|百|笔|天|年|月|多|号)"
    # the end of a list of names: 孔德明、包亚楠三人都…, …等人, …两位, …他们俩
    "|[两二三四五六七八九十几]个?人|等人|两位|他们|她们|俩"
)
# Requests that name the person asked for: 找一下王芳, 请问是李娜本人吗, 转给黄玉兰.
_ASK_TRIGGERS = "请问是|请问您是|您是|找一下|麻烦找|转给|转账给|汇给|打给|交给|通知"
NAME_CONTEXT_FOLLOW_RE: Final = re.compile(
    "来电|致电|来访|来行|反映|投诉|称|表示|要求|咨询|本人|的|[^\u4e00-\u9fff]|$"
)
#: What may follow a name asked for (请问是李娜本人吗, 找一下王芳。).
NAME_ASK_FOLLOW_RE: Final = re.compile("本人|[的对對在]|[^\u4e00-\u9fff]|$")
#: After 请问是 / 您是 only 本人 or the end of the clause ends a name (请问是高利贷吗 is none).
NAME_ASKID_FOLLOW_RE: Final = re.compile("本人|[^\u4e00-\u9fff]|$")
#: Read-out separators between spoken digit groups (一三八，一二三四 / 一三八杠一二三四).
CN_DIGIT_SEP_RE: Final = re.compile(
    f"(?<=[{CN_DIGIT_CHARS}])(?:[，,、杠嗯呃啊]|那个|就是)(?=[{CN_DIGIT_CHARS}])"
)
#: ``138.1234.5678``: a mobile number written with dots (read as spaces, never a decimal).
DOTTED_MOBILE_RE: Final = re.compile(r"(?<![\d.])1[3-9]\d\.\d{4}\.\d{4}(?![\d.])")
#: An order/transaction-number label right before a number (``订单号``, ``流水号：``): the
#: number that follows is that identifier, even when it looks like a mobile number.
ORDER_LABEL_BEFORE_RE: Final = re.compile(
    r"(?:订单|訂單|流水|交易|工单|工單|运单|運單|快递单?|快遞單?|保单|保單|合同|批次|参考|參考|受理|案件|"
    r"单|單|编|編)(?:号|號|编号|編號|号码|號碼)[ \t]*(?:是|为|為)?[ \t]*[:：#]?[ \t]*$"
)
#: Chinese digits that begin an ordinary word (一直, 两次 …): never part of a spoken number.
CN_DIGIT_WORD_RE: Final = re.compile(
    "[一两兩](?=[直下个起共样定般些点次旦切边同致再半天年月周位张笔种份件家個張筆種]|樣)"
    "|[三四五六七八九](?=[个次天年月周位张笔种份件])"
)


#: Cue groups before a name, in priority order (a string in two groups takes the first).
_CUE_GROUPS: Final[tuple[tuple[str, str], ...]] = (
    ("strong", _STRONG_TRIGGERS), ("weak", _WEAK_TRIGGERS), ("ctx", _CONTEXT_TRIGGERS),
    ("kin", _KIN_TRIGGERS), ("job", _JOB_TRIGGERS), ("kinbare", _KIN_BARE), ("ask", _ASK_TRIGGERS),
    ("naming", _CUE_NAMING), ("call", _CUE_CALL), ("meand", _CUE_ME_AND), ("role", _CUE_ROLE),
    ("self", _CUE_SELF), ("of", _CUE_OF), ("time", _CUE_TIME), ("verb", _CUE_VERB),
    ("with", _CUE_WITH), ("is", _CUE_IS),
)  # fmt: skip
#: 往 after these is part of a word (前往, 开往 …), not "to (a person's account)".
CUE_WANG_NOT_AFTER: Final = frozenset("前开赶来飞通驶送发去")


def expand_literals(pattern: str) -> list[str]:
    """Every string a small literal pattern matches (``|``, ``(?:…)``, ``[…]``, ``?``).

    The cue lists are written as readable patterns; expanding them lets one prefix tree
    (:func:`trie_pattern`) replace a long ordered alternation, which Python's ``re`` would
    try branch by branch at every candidate position.
    """

    def alt(i: int) -> tuple[list[str], int]:
        options, seq = [], [""]
        while i < len(pattern) and pattern[i] != ")":
            ch = pattern[i]
            if ch == "|":
                options += seq
                seq, i = [""], i + 1
                continue
            if pattern.startswith("(?:", i):
                part, i = alt(i + 3)
                i += 1  # the closing parenthesis
            elif ch == "[":
                j = pattern.index("]", i)
                part, i = list(pattern[i + 1 : j]), j + 1
            else:
                part, i = [ch], i + 1
            if i < len(pattern) and pattern[i] == "?":
                part, i = [*part, ""], i + 1
            seq = [a + b for a in seq for b in part]
        return options + seq, i

    out, _ = alt(0)
    return list(dict.fromkeys(out))


@lru_cache(maxsize=1)
def cue_types() -> dict[str, str]:
    """Each cue string before a name and its group (``"strong"``, ``"kin"``, ``"verb"`` …)."""
    types: dict[str, str] = {}
    for group, pattern in _CUE_GROUPS:
        for cue in expand_literals(pattern):
            types.setdefault(cue, group)
    return types


@lru_cache(maxsize=1)
def name_regexes() -> NameRegexes:
    """Self-introduction, 我姓X, spelled surname, relation and form-of-address regexes."""
    sur = surname_pattern()
    ahead = surname_ahead()  # (?={sur}), cheaper
    cues = cue_types()
    # Necessary for an ``intro_regex()`` match, and cheap: the last character of a cue, the
    # same fillers and a surname. pii._intro_matches finds the cues ending at its hits with
    # dictionary look-ups.
    last = "".join(sorted({c[-1] for c in cues}))
    intro_screen = re.compile(
        rf"[{re.escape(last)}] ?[“\"「『]?(?:(?:那个|嗯|呃|啊|一下) ?){{0,2}}{ahead}"
    )
    # a bare clause boundary, only before a name with a telling verb (run when one occurs)
    clause = re.compile(
        rf"{_CUE_CLAUSE}(?={sur}[\u4e00-\u9fff]{{1,2}}?{_CLAUSE_RIGHT})"
    )
    surname_only = re.compile(
        rf"(?:我姓|[那一有是]个姓|[那一这有]位姓|免贵[，, ]?姓|鄙姓|敝姓|本人姓|我们姓|他姓|她姓"
        rf"|是姓"  # (round 12: 接电话的是个姓芮的小伙子, 办卡的是姓邝的经理)
        rf"|客户姓|持卡人姓"
        rf"|老公姓|老婆姓"
        rf"|丈夫姓|妻子姓"
        # a staff member or the other party named by surname (客户经理姓覃，覃是西早覃)
        rf"|经理姓|客服姓|专员姓|员工姓|柜员姓|师傅姓|行长姓|主任姓|对方姓|收款人姓|业务员姓"
        rf"|催收员姓) ?"
        rf"(?P<sur>{sur})(?![名氏])"
    )
    # a prefix tree: ``re`` tries a flat alternation branch by branch at every 三/草/木 …
    # (no spelling is a prefix of another, so the matches are the same)
    spelled = re.compile(trie_pattern(SPELLED_SURNAMES))
    relation = re.compile(
        rf"(?:^|(?<=[，,。；;：:！!？?\s{''.join(sorted(NAME_BEFORE))}]))"
        rf"(?P<name>{sur}[\u4e00-\u9fff]{{1,2}}?)是(?:我|他|她)的?(?:{_RELATIONS}|{_KIN_WORDS})"
    )
    title = re.compile(trie_pattern(TITLES))
    reporting = re.compile(
        rf"(?:^|(?<=[，,。；;：:！!？?\s]))(?P<name>{sur}[\u4e00-\u9fff]{{1,2}}?)"
        rf"(?=来电|致电|来行|来访|反映|称(?![为作号呼谓]))"
    )
    # a letter's signature: 此致 敬礼。 肖欣俊。 / 肖欣俊 敬上 / 落款：肖欣俊 / 投诉人（签名）：
    # 于海波 (round 13: the bracket closed before the colon)
    signature = re.compile(
        rf"(?:此致[\s，,、。.]*敬礼|落款|签名)[\s，,、。.！!：:)）]*(?P<name>{sur}[\u4e00-\u9fff]{{1,2}}?)"
        rf"(?=[\s，,。.！!]*(?:$|\d{{4}}|[二〇零一]{{4}}年|[(（]))"
        rf"|(?:^|(?<=[\s，,。.！!]))(?P<name2>{sur}[\u4e00-\u9fff]{{1,2}}?)[\s]*(?:敬上|谨上|敬呈|拜上)"
    )
    return NameRegexes(surname_only, spelled, relation, title, reporting, signature, clause,
                       intro_screen, max(map(len, cues)))


@lru_cache(maxsize=1)
def intro_regex() -> re.Pattern[str]:
    """A self-introduction cue (``cue`` group) and the same tail as ``intro_screen``, as one
    prefix-tree regex: the definition pii._intro_matches reproduces with look-ups (tests
    compare the two). Not used when masking: compiling it costs ~70 ms per process."""
    cues = cue_types()
    first = "".join(sorted({c[0] for c in cues}))
    return re.compile(
        rf"(?=[{re.escape(first)}])(?P<cue>{trie_pattern(list(cues))})"
        rf" ?[“\"「『]?(?:(?:那个|嗯|呃|啊|一下) ?){{0,2}}{surname_ahead()}"
    )


class NameRegexes(NamedTuple):
    """Compiled name patterns (see :func:`name_regexes`)."""

    surname_only: re.Pattern[str]
    spelled: re.Pattern[str]
    relation: re.Pattern[str]
    title: re.Pattern[str]
    reporting: re.Pattern[str]
    signature: re.Pattern[str]
    clause: re.Pattern[str]
    intro_screen: re.Pattern[str]
    max_cue_len: int


def trie_pattern(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of ``words`` factored as a prefix tree (fast to reject).

    Python's ``re`` tries alternatives one by one; a tree checks each character once.
    """
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return emit(tree)


def is_han(ch: str) -> bool:
    """True for a CJK unified ideograph (basic block, which covers names and places)."""
    return "\u4e00" <= ch <= "\u9fff"


# --- addresses ------------------------------------------------------------------------------

_PROVINCES = (
    "(?:北京|天津|上海|重庆)市?"
    "|(?:黑龙江|河北|山西|辽宁|吉林|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|"
    "贵州|云南|陕西|甘肃|青海|台湾)省?"
    "|(?:内蒙古|广西|西藏|宁夏|新疆)(?:壮族|回族|维吾尔)?(?:自治区)?"
    "|(?:香港|澳门)(?:特别行政区)?"
)
_PROVINCE_FIRST = "北天上重黑河山辽吉江浙安福湖广海四贵云陕甘青台内西宁新香澳"
#: Prefecture-level cities and a few large county-level ones (suffix 市 optional).
CITIES: Final[tuple[str, ...]] = tuple(
    words("""石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 太原 大同 阳泉 长治
    晋城 朔州 晋中 运城 忻州 临汾 吕梁 呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔
    乌兰察布 沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 葫芦岛 长春 四平 辽源
    通化 白山 松原 白城 延边 哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江
    黑河 绥化 南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 杭州 宁波 温州
    嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州
    阜阳 宿州 六安 亳州 池州 宣城 福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 南昌 景德镇 萍乡
    九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶 济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海
    日照 临沂 德州 聊城 滨州 菏泽 郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河
    三门峡 南阳 商丘 信阳 周口 驻马店 武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁
    随州 恩施 长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 湘西 广州 韶关
    深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳
    云浮 南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左 海口 三亚 三沙
    儋州 成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中
    资阳 贵阳 六盘水 遵义 安顺 毕节 铜仁 昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 大理 西双版纳
    拉萨 日喀则 昌都 林芝 西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛 兰州 嘉峪关 金昌
    白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 西宁 海东 银川 石嘴山 吴忠 固原 中卫 乌鲁木齐
    克拉玛依 吐鲁番 哈密 喀什 伊犁 阿克苏 昆山 义乌 江阴 晋江 常熟 张家港 余姚 慈溪 诸暨 海宁
    桐乡 温岭 乐清 瑞安 宜兴 溧阳 台北 新北 桃园 台中 台南 高雄 基隆 新竹 嘉义""")
)
#: Characters that never start or continue a place name in running text: pronouns,
#: function words, verbs of moving/mailing/complaining, and money words. (才 and 钱 are
#: not among them: 育才路, 英才街, 钱江路, 钱塘路 are common road names; 刚才 is stopped by 刚.
#: Nor are 码, 得 and 可 (码头路, 得胜路, 可园路): an address starts after an everyday word
#: that ends in one of them (记得, 密码, 认可), see ``pii._after_soft_word``.)
_NONPLACE = (
    "我你他她它您们的是在住到寄送址了就也去这那个还要想把给请说与及或被让叫吗呢吧啊呀"
    "哦嗯喂往搬位投诉办查询问找打话号卡块对跟刚已过着很又再以每"
)
_P = f"[^\\x00-\\u4dff\\u9fa6-\\U0010ffff{_NONPLACE}]"
_NUM = r"(?:\d{1,5}(?:-\d{1,5}){0,2}|[零〇一二两三四五六七八九十百千幺]{1,6}|[A-Za-z]\d{0,4})"
_NUM_AHEAD = r"(?:\d{1,5}|[零〇一二两三四五六七八九十百千幺]{1,6})(?:号|弄)"
_CITY = f"(?:{trie_pattern(CITIES)})(?:市|地区|自治州|州)?"
_CITY_GENERIC = f"{_P}{{2,4}}?(?:市|自治州|州|地区|盟)"
_DIST = (  # 北京经济技术开发区: a development zone is a district
    f"(?:{_P}{{0,3}}?(?:经济技术开发区|高新技术产业开发区|经济开发区|技术开发区)"
    f"|{_P}{{1,5}}?(?:新区|区|县|旗|市))"
)
_DIST_START = f"(?<!{_P}){_P}{{3}}(?:新区|区|县|旗)|{_P}{{2}}(?:新区|区|县|旗)"
_TOWN = f"{_P}{{1,6}}?(?:街道|镇|乡)"
#: Stop characters that also lead real road names (卡子门大街, 打钉巷, 及第巷): one may start a
#: road right after a place element, a locative cue or a colon, or at a clause start.
#: (The character is tested first, the look-behinds after it: cheap where it is absent.)
_ROAD_LEAD = "[打卡及](?:(?<=[住在到是址区县市镇乡旗：:].)|(?<![\u4e00-\u9fff].))"
_ROAD = (
    f"(?:{_ROAD_LEAD})?{_P}{{1,8}}(?:大道|大街|路|街|巷|胡同"
    # 花家地西里3号 (a lane) and 弥敦道600号 (a road), but not 家里 / 知道 followed by a date
    f"|(?<![这那哪家心手夜城屋店行卡账帐公千万梦暗])里(?={_NUM_AHEAD})"
    f"|(?<![知报频通渠轨味难街一说人顺管赤地车跑隧坑步航弯岔干国省县乡条])道(?={_NUM_AHEAD})"
    f"|(?<=[东西南北中][一二三四五六七八九十])道(?={_NUM_AHEAD})"  # 高新南一道9号
    f"|(?<=[一二三四五六七八九十])条(?=[甲乙丙丁]?{_NUM_AHEAD}))"  # 东四十条甲22号
    f"(?:[东西南北中一二三四五六七八九十]?段|[东西南北中](?={_NUM_AHEAD}))?"  # 江南大道中168号
)
_ROADNUM = f"[甲乙丙丁]?{_NUM}(?:号院|号|弄|支弄)"  # 知春路甲48号
_COMM_RESIDENTIAL = "小区|花园|家园|新村|公寓|苑|村|社区|大院|宿舍"
_COMM_OTHER = "大厦|广场|庄|园|府|城|湾|中心|大楼"
# a named block: a residential suffix, or any name right before a building/unit number
_COMM = (
    # a name right before a building number first, so that 长城汇T1栋 is not cut at 长城
    f"(?:{_P}{{2,8}}(?<![零〇一二两三四五六七八九十百千幺])(?={_NUM}(?:号楼|栋|幢|座|单元))"
    f"|{_P}{{1,8}}(?:{_COMM_RESIDENTIAL}|{_COMM_OTHER}))"
)
_UNIT = f"(?:附?{_NUM})(?:号楼|栋|幢|座|单元|楼|层|室|号|户|组|房|门|期|塔|区)"  # 12号楼3门502
_UNITS = f"(?:{_UNIT}){{1,6}}(?:(?<=[栋幢座元楼门塔])-?{_NUM}(?![0-9年月日元块万岁点个次%]))?"
ADDRESS_RE: Final = re.compile(
    f"(?:(?=[{_PROVINCE_FIRST}])(?P<prov>{_PROVINCES})(?P<city>{_CITY}|{_CITY_GENERIC})?(?P<dist>{_DIST})?"
    f"|(?P<city2>{_CITY})(?P<dist2>{_DIST})?"
    f"|(?P<dist3>{_DIST_START}))?"
    f"(?P<town>{_TOWN})?"
    f"(?:(?P<road>{_ROAD})(?P<rnum>{_ROADNUM})?(?P<comm>{_COMM}|村委会|村|社区"
    # a building whose name starts with Latin letters after the number (甲6号SK大厦)
    f"|(?<=号)[A-Za-z]{{1,8}}{_P}{{0,6}}?(?:{_COMM_OTHER}|{_COMM_RESIDENTIAL}))?"
    # a bare room number right after a named block (金融中心F702, 大厦1203)
    f"(?P<units>{_UNITS}|(?<=[厦场心园苑城楼府])-?{_NUM}(?![0-9年月日元块万岁点个次%])"
    # 民族路5号2-8-1: building-floor-room after the street number
    f"|(?<=号)\\d{{1,3}}-\\d{{1,3}}(?:-\\d{{1,4}})?(?![0-9年月日元块万岁点个次%-]))?"
    f"|(?P<comm2>{_COMM})(?P<units2>{_UNITS}|-?{_NUM})?"
    f"|(?P<units3>{_UNITS}))"
)
#: A place down to a town with no street after an address cue (户籍地址：四川省南充市仪陇县马鞍镇,
#: 我住湖北省襄阳市谷城县城关镇): a city or province, a county or district, then the town.
ADMIN_TOWN_RE: Final = re.compile(
    "(?:地址|住址|户籍|籍贯|住|家在|老家|户口在|户口|居住)[：: 是为在于]{0,2}"
    f"(?P<addr>(?:{_PROVINCES})?(?:{_CITY}|{_CITY_GENERIC})(?:{_DIST})(?:{_TOWN}))"
    "(?:(?![\u4e00-\u9fff])|(?=[的啊呀吧呢吗了]))"
)
COMM_RESIDENTIAL_RE: Final = re.compile(f"(?:{_COMM_RESIDENTIAL})$")
COMM_SUFFIX_RE: Final = re.compile(f"(?:{_COMM_RESIDENTIAL}|{_COMM_OTHER})$")
STRONG_UNIT_RE: Final = re.compile("号楼|栋|幢|单元|室|[A-Za-z][座塔]")
#: What may stand between two address pieces that are one address (a block name with Latin
#: letters or digits: 金开大道1号龙湖MOCO中心2栋, 莲花路2008号香蜜湖1号4栋).
ADDRESS_GAP_RE: Final = re.compile(
    "(?:(?![我你他她它您们的是在住到寄送址了就也去这那还要想把给请说与及或被让叫吗呢吧啊呀哦嗯喂往搬"
    "投诉办查询问找打话对跟和刚已过着得很才又再可以每])[\u4e00-\u9fffA-Za-z0-9-]){0,12}"
    # a block name and one space before the building (龙湖MOCO 3栋2304, 创意园 5栋201; round 13)
    " ?"
)
#: A branch or office of a bank or firm right after a place: 南京东路支行 names the branch,
#: not where a person lives.
_BRANCHES: Final = (
    "(?:支行|分行|总行|营业部|营业厅|营业所|营业网点|网点|分理处|储蓄所|办事处|分公司|"
    "分中心|分部|门店|专营店|旗舰店|自助银行)"
)
BRANCH_AFTER_RE: Final = re.compile("的?" + _BRANCHES)
#: ... or after a demonstrative (中山北路那个网点, 南京西路那家分行; round 11): said of a road
#: with no house number, the branch is named by its road (not 中山北路88号那个网点旁边).
BRANCH_NEAR_RE: Final = re.compile("(?:[那这]个|[那这]家|[那这]边的?|那里的|附近的?)" + _BRANCHES)
#: A house number or a unit number in an address span.
ADDRESS_NUMBER_RE: Final = re.compile("[0-9零〇一二两三四五六七八九十百千幺]")
#: Cheap pre-check: an accepted address always holds a road, a residential block or a strong
#: unit (see ``_is_address`` in pii.py), so one of these must occur.
_HINT_NUMBER_AFTER: Final = (
    # (round 12: a comma or a space may stand before the number: 厦门市思明区，鹭江道，8号)
    "(?:(?=[，, ]?[甲乙丙丁]?[0-9零〇一二两三四五六七八九十百千幺])|(?<=[A-Za-z][座塔]))"
)
ADDRESS_HINT_RE: Final = re.compile(
    # every alternative starts with a literal character, so ``re`` builds one class of their
    # first characters and skips ahead to it (a leading class or lookahead would defeat that)
    "路|街|巷|苑|村|栋|幢|室"
    # 花家地西里3号, 高新南一道9号, 东四十条甲22号; B座, T1塔
    + "".join(f"|{c}{_HINT_NUMBER_AFTER}" for c in "里道条座塔")
    + "|胡同|大道|小区|花园|家园|新村|公寓|大厦|社区|大院|宿舍|广场|大楼|单元|号楼"
)

"""Write ``pii_independent.jsonl``: an independent labelled PII set.

See corpora/gold/README.md, "Independent PII set".

This script does **not** import cxtext. Checksums (Luhn, ID ISO 7064) are computed here from
their public definitions; every value is random (fixed seed) and invented. Each case is built
from pieces, so the gold spans are exact character offsets::

    python corpora/gold/pii_independent_make.py            # rewrites the .jsonl beside it

Forms (``form`` field): plain, spaced, dashed, dotted, fullwidth, spoken, spoken_yao,
spoken_grouped, mixed_script, asr_noise, country_code, traditional, context_cn (no
separators around e-mails), multi (several types in one text), bad_check (checksum broken by
ASR, labelled by context), negative (no PII: amounts, order/transaction numbers, timestamps,
hotlines, card tails, common words that start with a surname, places without an address).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "pii_independent.jsonl"
rng = random.Random(20261122)

# --- values ---------------------------------------------------------------------------------

PROVINCES = [
    11,
    12,
    13,
    14,
    15,
    21,
    22,
    23,
    31,
    32,
    33,
    34,
    35,
    36,
    37,
    41,
    42,
    43,
    44,
    45,
    46,
    50,
    51,
    52,
    53,
    54,
    61,
    62,
    63,
    64,
    65,
]
CN = "零一二三四五六七八九"
FW = "０１２３４５６７８９"


def luhn_ok(d: str) -> bool:
    s = 0
    for i, c in enumerate(reversed(d)):
        n = int(c)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        s += n
    return s % 10 == 0


def luhn_complete(prefix: str) -> str:
    for c in "0123456789":
        if luhn_ok(prefix + c):
            return prefix + c
    raise AssertionError


def id_check(first17: str) -> str:
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(a) * b for a, b in zip(first17, w, strict=False)) % 11]


def mobile() -> str:
    second = rng.choice("3456789")
    third = rng.choice("0123456789")
    if second == "4":
        third = rng.choice("579")
    return "1" + second + third + "".join(rng.choice("0123456789") for _ in range(8))


def id18(want_x: bool | None = None) -> str:
    while True:
        y = rng.randint(1950, 2006)
        m = rng.randint(1, 12)
        d = rng.randint(1, 28)
        body = (
            f"{rng.choice(PROVINCES)}{rng.randint(1, 99):02d}{rng.randint(1, 99):02d}"
            f"{y}{m:02d}{d:02d}{rng.randint(0, 999):03d}"
        )
        full = body + id_check(body)
        if want_x is None or want_x == full.endswith("X"):
            return full


def id18_bad() -> str:
    """An ID whose last character was misheard: the checksum fails."""
    good = id18(False)
    wrong = rng.choice([c for c in "0123456789" if c != good[-1]])
    return good[:-1] + wrong


def id15() -> str:
    y = rng.randint(40, 84)
    return (
        f"{rng.choice(PROVINCES)}{rng.randint(1, 99):02d}{rng.randint(1, 99):02d}"
        f"{y:02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    )


BINS = [
    "622202",
    "622848",
    "621700",
    "622588",
    "621226",
    "622700",
    "623052",
    "622609",
    "625958",
    "622155",
    "436742",
    "403391",
    "524047",
    "518710",
    "356833",
    "622262",
]


def card(length: int | None = None) -> str:
    length = length or rng.choice([16, 16, 19, 19, 17, 18])
    bin_ = rng.choice(BINS)
    body = bin_ + "".join(rng.choice("0123456789") for _ in range(length - len(bin_) - 1))
    return luhn_complete(body)


def card_bad() -> str:
    c = card(19)
    return c[:-1] + str((int(c[-1]) + 3) % 10)


def landline() -> tuple[str, str]:
    area = rng.choice(
        [
            "010",
            "021",
            "022",
            "023",
            "020",
            "025",
            "027",
            "028",
            "029",
            "0755",
            "0571",
            "0512",
            "0731",
            "0871",
            "0931",
            "0591",
            "0532",
            "0898",
            "0451",
        ]
    )
    n = 8 if len(area) == 3 else rng.choice([7, 8])
    local = rng.choice("2345678") + "".join(rng.choice("0123456789") for _ in range(n - 1))
    return area, local


SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
    "蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金廖贾夏韦邹孟熊秦邱薛闫段雷侯龙"
    "史陶黎贺顾毛郝龚邵严覃戴莫孔汤"
)
COMPOUND = ["欧阳", "司马", "诸葛", "上官", "慕容", "东方"]
GIVEN = [
    "伟",
    "芳",
    "娜",
    "秀英",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀兰",
    "霞",
    "平",
    "刚",
    "桂英",
    "建华",
    "志强",
    "晓东",
    "海燕",
    "子轩",
    "梓涵",
    "浩然",
    "雨桐",
    "建国",
    "卫东",
    "红梅",
    "春花",
    "玉兰",
    "国庆",
    "文博",
    "思远",
    "佳怡",
    "欣怡",
    "俊杰",
    "宇航",
    "婷婷",
    "丹丹",
    "淑珍",
    "德福",
    "振华",
    "亚男",
    "晨曦",
    "一鸣",
    "诗涵",
    "立新",
    "永红",
    "金凤",
    "少华",
    "冬梅",
    "凯",
    "鹏",
    "琳",
]


def person() -> str:
    if rng.random() < 0.06:
        return rng.choice(COMPOUND) + rng.choice(GIVEN)
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


# --- case builder ---------------------------------------------------------------------------

CASES: list[dict] = []


def add(parts: list, form: str, note: str) -> None:
    """``parts``: strings and ``(type, value)`` tuples (the PII pieces)."""
    text, spans = "", []
    for p in parts:
        if isinstance(p, tuple):
            typ, val = p
            spans.append({"start": len(text), "end": len(text) + len(val), "type": typ})
            text += val
        else:
            text += p
    CASES.append(
        {
            "id": f"ind-{len(CASES) + 1:04d}",
            "text": text,
            "spans": spans,
            "form": form,
            "note": note,
        }
    )


def frame(template: str, typ: str, value: str, form: str, note: str) -> None:
    before, after = template.split("{}")
    add([before, (typ, value), after], form, note)


def fw(s: str) -> str:
    return "".join(
        FW[int(c)] if c.isdigit() else {"-": "－", " ": "　", "X": "Ｘ"}.get(c, c) for c in s
    )


def spoken(s: str, yao: bool = False) -> str:
    out = "".join(CN[int(c)] if c.isdigit() else c for c in s)
    return out.replace("一", "幺") if yao else out


def grouped(d: str, sizes: tuple[int, ...], sep: str) -> str:
    out, i = [], 0
    for n in sizes:
        out.append(d[i : i + n])
        i += n
    if i < len(d):
        out.append(d[i:])
    return sep.join(out)


# --- phones ---------------------------------------------------------------------------------

PHONE_FRAMES = [
    "我的手机号是{}，有事打这个",
    "你们能不能别再给{}打电话了",
    "麻烦回拨{}，我现在方便接",
    "号码{}是我本人在用的",
    "客户留的联系电话：{}",
    "我换号了，新号{}，旧的别打了",
    "你记一下啊 {} 记好了吗",
    "{}这个号一直收到你们的催收短信",
    "绑定的手机是{}吗？我想改掉",
    "验证码发到{}了但是我没收到",
    "我老婆的电话{}也被骚扰了",
    "联系方式{}，工作日白天都在",
    "昨天下午有个{}打过来说我信用卡逾期",
    "您好，请核对预留手机{}是否正确",
    "短信是从{}发来的，说我中了奖",
    "把预留号码改成{}",
    "打{}找我就行",
    "我用{}这个号注册的手机银行",
    "请致电{}联系我",
    "他说他是你们银行的，号码是{}",
]
for i in range(24):
    frame(PHONE_FRAMES[i % len(PHONE_FRAMES)], "phone", mobile(), "plain", "phone/plain")
for _ in range(10):
    frame(
        rng.choice(PHONE_FRAMES), "phone", grouped(mobile(), (3, 4), " "), "spaced", "phone 3-4-4"
    )
for _ in range(8):
    frame(
        rng.choice(PHONE_FRAMES), "phone", grouped(mobile(), (3, 4), "-"), "dashed", "phone 3-4-4"
    )
for _ in range(4):
    frame(
        rng.choice(PHONE_FRAMES), "phone", grouped(mobile(), (3, 4), "."), "dotted", "phone 3.4.4"
    )
for _ in range(4):
    frame(rng.choice(PHONE_FRAMES), "phone", " ".join(mobile()), "spaced", "phone digit by digit")
for pre in ["+86 ", "+86-", "+86", "0086 ", "86-", "(+86)", "+86 "]:
    d = mobile()
    val = pre + (grouped(d, (3, 4), " ") if rng.random() < 0.5 else d)
    frame(rng.choice(PHONE_FRAMES), "phone", val, "country_code", "phone +86")
for i in range(8):
    d = mobile()
    val = fw(d) if i % 2 else fw(grouped(d, (3, 4), "-"))
    frame(rng.choice(PHONE_FRAMES), "phone", val, "fullwidth", "phone full-width")
for _ in range(10):
    frame(rng.choice(PHONE_FRAMES), "phone", spoken(mobile()), "spoken", "phone 一三八…")
for _ in range(8):
    frame(
        rng.choice(PHONE_FRAMES), "phone", spoken(mobile(), yao=True), "spoken_yao", "phone 幺三八…"
    )
for i, sep in enumerate(["，", " ", "、", "，", " ", "杠"]):
    frame(
        rng.choice(PHONE_FRAMES),
        "phone",
        grouped(spoken(mobile(), yao=i % 2 == 0), (3, 4), sep),
        "spoken_grouped",
        "phone spoken in groups",
    )
for i in range(5):
    d = mobile()
    val = d[:3] + spoken(d[3:7], yao=True) + d[7:] if i % 2 else spoken(d[:3]) + d[3:]
    frame(rng.choice(PHONE_FRAMES), "phone", val, "mixed_script", "phone Arabic + Chinese digits")
# ASR noise: hesitation between the digit groups (the whole read-out is the span)
for filler in ["嗯", "那个", "呃", "嗯", "就是"]:
    d = spoken(mobile())
    frame(
        "我手机是{}，你记一下",
        "phone",
        f"{d[:3]}{filler}{d[3:7]}{filler}{d[7:]}",
        "asr_noise",
        "phone read with fillers between groups",
    )
for i in range(6):
    d = mobile()
    tmpl = rng.choice(
        [
            "我的電話號碼是{}，請儘快回電",
            "你們別再打{}了，我要投訴",
            "聯繫電話{}，謝謝",
            "簡訊從{}發來的，說我帳戶異常",
        ]
    )
    frame(tmpl, "phone", d if i % 2 else grouped(d, (3, 4), " "), "traditional", "phone, 繁体")
# phone followed by an email-ish / next to amounts, dates
for _ in range(4):
    d = mobile()
    add(
        ["2023年10月12日我转了5000元，之后", ("phone", d), "就一直给我打电话"],
        "plain",
        "phone near a date and an amount",
    )

# --- landlines ------------------------------------------------------------------------------

LAND_FRAMES = [
    "我家座机{}，白天没人",
    "单位电话是{}",
    "打我办公室电话{}找我",
    "固话：{}",
    "联系电话{}，找财务科",
    "你们支行的人打了{}到我公司",
    "家里的电话{}一直被骚扰",
]
for i in range(30):
    area, local = landline()
    style = i % 6
    if style == 0:
        val = area + "-" + local
    elif style == 1:
        val = f"({area}){local}"
    elif style == 2:
        val = area + local
    elif style == 3:
        val = f"{area} {local[:4]} {local[4:]}"
    elif style == 4:
        val = f"{area}-{local}转{rng.randint(100, 8999)}"
    else:
        val = f"（{area}）{local}"
    form = {0: "dashed", 1: "plain", 2: "plain", 3: "spaced", 4: "dashed", 5: "plain"}[style]
    frame(LAND_FRAMES[i % len(LAND_FRAMES)], "landline", val, form, f"landline style {style}")
for _ in range(5):
    area, local = landline()
    frame(
        rng.choice(LAND_FRAMES),
        "landline",
        fw(area + "-" + local),
        "fullwidth",
        "landline full-width",
    )
for _ in range(5):
    area, local = landline()
    frame(
        rng.choice(LAND_FRAMES),
        "landline",
        spoken(area) + spoken(local),
        "spoken",
        "landline spoken",
    )
for _ in range(4):
    area, local = landline()
    frame(
        rng.choice(["單位電話是{}", "家裡座機{}，請白天打"]),
        "landline",
        f"{area}-{local}",
        "traditional",
        "landline, 繁体",
    )

# --- ID cards -------------------------------------------------------------------------------

ID_FRAMES = [
    "身份证号{}",
    "我的身份证号码是{}，你核对一下",
    "证件号码：{}",
    "{}是我身份证号",
    "开户用的身份证是{}",
    "身份证{}，姓名没错啊",
    "你们系统里我身份证号是不是{}",
    "帮我查一下证件号{}名下有几张卡",
    "我把身份证号{}报给他了，是不是被骗了",
]
for i in range(26):
    frame(ID_FRAMES[i % len(ID_FRAMES)], "id_card", id18(i % 5 == 0), "plain", "id18")
for _ in range(4):
    frame(rng.choice(ID_FRAMES), "id_card", id18(True).replace("X", "x"), "plain", "id18 lower x")
for _ in range(8):
    frame(rng.choice(ID_FRAMES), "id_card", grouped(id18(), (6, 8), " "), "spaced", "id 6-8-4")
for _ in range(4):
    frame(rng.choice(ID_FRAMES), "id_card", grouped(id18(), (6, 8), "-"), "dashed", "id 6-8-4")
for _ in range(4):
    frame(rng.choice(ID_FRAMES), "id_card", " ".join(id18()), "spaced", "id digit by digit")
for i in range(6):
    frame(rng.choice(ID_FRAMES), "id_card", fw(id18(i % 2 == 0)), "fullwidth", "id full-width")
for _ in range(5):
    frame(rng.choice(ID_FRAMES), "id_card", spoken(id18(False)), "spoken", "id spoken")
for _ in range(6):
    frame(rng.choice(ID_FRAMES), "id_card", id15(), "plain", "id15")
for i in range(5):
    val = id18_bad()
    if i >= 3:
        val = " ".join(val)
    frame(
        rng.choice(["身份证号{}", "我身份证是{}你查一下", "证件号码{}"]),
        "id_card",
        val,
        "bad_check",
        "id, last digit misheard, after 身份证",
    )
for _ in range(5):
    frame(
        rng.choice(["身份證號碼{}", "我的身份證是{}，請核對", "證件號{}"]),
        "id_card",
        id18(),
        "traditional",
        "id, 繁体",
    )

# --- bank cards -----------------------------------------------------------------------------

CARD_FRAMES = [
    "卡号{}",
    "我的银行卡{}被冻结了",
    "借记卡号是{}",
    "往{}这张卡里转",
    "{}这张卡还能用吗",
    "信用卡卡号：{}",
    "工资卡{}，帮我查余额",
    "我要挂失，卡号{}",
    "你们从我卡{}扣了两次年费",
    "收款账号{}，户名没问题",
]
for i in range(26):
    frame(CARD_FRAMES[i % len(CARD_FRAMES)], "bank_card", card(), "plain", "card")
for i in range(10):
    c = card(16) if i % 2 else card(19)
    frame(
        rng.choice(CARD_FRAMES),
        "bank_card",
        grouped(c, (4, 4, 4, 4), " "),
        "spaced",
        "card 4-4-4-4",
    )
for _ in range(5):
    frame(
        rng.choice(CARD_FRAMES),
        "bank_card",
        grouped(card(16), (4, 4, 4, 4), "-"),
        "dashed",
        "card dashes",
    )
for _ in range(6):
    frame(rng.choice(CARD_FRAMES), "bank_card", fw(card()), "fullwidth", "card full-width")
for _ in range(4):
    frame(rng.choice(CARD_FRAMES), "bank_card", spoken(card(16)), "spoken", "card spoken")
for _ in range(4):
    frame(
        rng.choice(["卡号{}", "我的银行卡号是{}", "借记卡{}"]),
        "bank_card",
        card_bad(),
        "bad_check",
        "card, misheard digit, after 卡号",
    )
for _ in range(5):
    frame(
        rng.choice(["銀行卡號{}", "我的信用卡{}被盜刷了", "轉到{}這張卡"]),
        "bank_card",
        card(),
        "traditional",
        "card, 繁体",
    )
for v in ["3782 822463 10005", "371449635398431"]:  # 15-digit American Express test numbers
    frame("我的运通信用卡卡号是{}", "bank_card", v, "plain", "card 15-digit amex")

# --- e-mail ---------------------------------------------------------------------------------

USERS = [
    "zhangwei",
    "li.na",
    "wang_fang88",
    "chen-jie",
    "liuyang2019",
    "zhao.min.work",
    "sunny_huang",
    "x.y.z",
    "abc+bank",
    "mike.chen",
    "lw1990",
    "tom_z",
]
DOMAINS = [
    "163.com",
    "126.com",
    "qq.com",
    "sina.com",
    "sina.com.cn",
    "gmail.com",
    "outlook.com",
    "foxmail.com",
    "icbc.com.cn",
    "company.cn",
    "yeah.net",
    "139.com",
]
MAIL_FRAMES = [
    "邮箱是{}",
    "发到我邮箱{}就行",
    "电子账单寄到{}，谢谢",
    "我的邮箱{}收不到对账单",
    "请把回执发送至{}。",
    "联系邮箱：{}",
    "{}是我常用邮箱",
    "邮件发{}吧",
]
for i in range(24):
    frame(
        MAIL_FRAMES[i % len(MAIL_FRAMES)],
        "email",
        f"{rng.choice(USERS)}@{rng.choice(DOMAINS)}",
        "plain",
        "email",
    )
for _ in range(6):
    frame(
        rng.choice(MAIL_FRAMES),
        "email",
        f"{rng.randint(10000, 999999999)}@qq.com",
        "plain",
        "email qq number",
    )
for _ in range(2):
    frame(rng.choice(MAIL_FRAMES), "email", f"{mobile()}@163.com", "plain", "email phone user")
for i in range(4):
    u = rng.choice(USERS).upper() if i % 2 else rng.choice(USERS).capitalize()
    frame(
        rng.choice(MAIL_FRAMES),
        "email",
        f"{u}@{rng.choice(DOMAINS).upper()}",
        "plain",
        "email upper case",
    )
for tmpl in [
    "邮箱{}谢谢",
    "发到{}就好了",
    "我邮箱是{}收不到",
    "就发{}吧我等着",
    "地址{}没错",
    "发送至{}确认",
]:
    frame(
        tmpl,
        "email",
        f"{rng.choice(USERS)}@{rng.choice(DOMAINS)}",
        "context_cn",
        "email glued to Chinese",
    )
for val in [
    "zhangwei 艾特 163 点 com",
    "lina艾特qq点com",
    "wangfang at gmail dot com",
    "chenjie88 艾特 126 点 com",
    "liuyang艾特sina点com点cn",
]:
    frame("我的邮箱是{}", "email", val, "spoken", "email spoken")
for _ in range(3):
    u, dm = rng.choice(USERS).replace(".", "").replace("+", ""), rng.choice(DOMAINS)
    full = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in f"{u}@{dm}")
    frame("邮箱：{}", "email", full, "fullwidth", "email full-width")
for _ in range(4):
    frame(
        rng.choice(["電子郵箱是{}", "請寄到我的郵箱{}"]),
        "email",
        f"{rng.choice(USERS)}@{rng.choice(DOMAINS)}",
        "traditional",
        "email, 繁体",
    )

# --- names ----------------------------------------------------------------------------------

NAME_FRAMES = [
    ("我叫{}，想咨询一下贷款", "intro"),
    ("你好，我是{}，上周来过电话", "intro"),
    ("我的名字是{}", "intro"),
    ("本人{}，身份证丢了", "intro"),
    ("持卡人{}", "form"),
    ("户名：{}", "form"),
    ("收款人是{}", "form"),
    ("联系人{}，电话稍后给你", "form"),
    ("我爱人{}的卡也被冻结了", "kinship"),
    ("我老公{}昨天来办过", "kinship"),
    ("我妈妈{}不会用手机银行", "kinship"),
    ("我儿子{}在你们这开的户", "kinship"),
    ("我女儿{}的学费卡", "kinship"),
    ("你们客户经理{}天天打电话推销", "job_title"),
    ("理财经理{}说保本的", "job_title"),
    ("大堂经理{}态度很差", "job_title"),
    ("柜员{}给我办错了", "job_title"),
    ("你们的业务员{}骗我买保险", "job_title"),
    ("{}是我老婆，她的卡我能查吗", "relation"),
    ("麻烦找一下{}", "ask"),
    ("请问是{}本人吗", "ask"),
    ("帮我转给{}", "ask"),
    ("{}来电反映信用卡被盗刷", "report"),
    ("客户{}来电要求注销账户", "report"),
    ("投诉人{}称网点排队两小时", "report"),
    ("开户人叫{}", "form"),
    ("我是{}的家属", "intro"),
    ("借款人{}逾期三个月", "form"),
]
for i in range(56):
    tmpl, kind = NAME_FRAMES[i % len(NAME_FRAMES)]
    frame(tmpl, "name", person(), "plain", f"name/{kind}")
for _ in range(10):  # surname + form of address
    sur = rng.choice(SURNAMES)
    title = rng.choice(["先生", "女士", "经理", "小姐", "主任", "阿姨", "师傅", "老师"])
    tmpl = rng.choice(
        [
            "{}" + title + "您好，请问有什么可以帮您",
            "是{}" + title + "吗？",
            "你们那个{}" + title + "答应给我回电的",
            "我要找{}" + title,
        ]
    )
    frame(tmpl, "name", sur, "plain", "name/surname+title")
for _ in range(4):  # full name + title
    frame(
        rng.choice(["{}先生您好", "请{}女士到三号窗口", "{}经理说今天给我回复"]),
        "name",
        person(),
        "plain",
        "name/full+title",
    )
for tmpl, sur in [
    ("我姓{}，你们查一下", "王"),
    ("免贵姓{}", "欧阳"),
    ("我姓{}", "陈"),
    ("本人姓{}", "诸葛"),
]:
    frame(tmpl, "name", sur, "plain", "name/我姓")
for _ in range(8):  # traditional
    trad = rng.choice(["陳建國", "張偉", "劉曉東", "黃麗", "趙國慶", "吳淑珍", "鄭振華", "馮亞男"])
    tmpl = rng.choice(["我叫{}，要投訴", "持卡人{}", "我是{}，上次來過", "我愛人{}的卡"])
    frame(tmpl, "name", trad, "traditional", "name, 繁体")
for _ in range(4):  # ASR noise
    frame(
        rng.choice(["嗯我叫那个{}啊", "喂喂你好我是{}嗯", "就是我叫{}嘛我上次打过"]),
        "name",
        person(),
        "asr_noise",
        "name with fillers",
    )

# --- addresses ------------------------------------------------------------------------------

PLACES = [
    ("北京市", "朝阳区"),
    ("上海市", "浦东新区"),
    ("广东省深圳市", "南山区"),
    ("浙江省杭州市", "西湖区"),
    ("江苏省南京市", "鼓楼区"),
    ("四川省成都市", "武侯区"),
    ("湖北省武汉市", "洪山区"),
    ("山东省青岛市", "市南区"),
    ("河南省郑州市", "金水区"),
    ("陕西省西安市", "雁塔区"),
    ("辽宁省沈阳市", "和平区"),
    ("福建省厦门市", "思明区"),
    ("天津市", "河西区"),
    ("重庆市", "渝中区"),
    ("湖南省长沙市", "岳麓区"),
    ("云南省昆明市", "五华区"),
    ("安徽省合肥市", "蜀山区"),
    ("广西南宁市", "青秀区"),
]
ROADS = [
    "人民路",
    "建设大道",
    "中山北路",
    "解放东路",
    "学院街",
    "文化路",
    "长江路",
    "和平里",
    "幸福大街",
    "科技园南路",
    "东风路",
    "青年路",
]
COMMS = [
    "阳光花园",
    "锦绣家园",
    "金色小区",
    "翠湖苑",
    "幸福新村",
    "碧桂园",
    "万科城",
    "紫荆公寓",
    "东方明珠小区",
    "世纪大厦",
]
ADDR_FRAMES = [
    "我家住在{}",
    "地址是{}",
    "信用卡寄到{}了，可我早就搬走了",
    "帮我把账单地址改成{}",
    "寄到{}，谢谢",
    "我现在住{}，离你们网点远",
    "通讯地址：{}",
    "快递送到{}就行",
]


def address(kind: int) -> str:
    prov, dist = rng.choice(PLACES)
    road, comm = rng.choice(ROADS), rng.choice(COMMS)
    n, b, u, r = rng.randint(1, 999), rng.randint(1, 30), rng.randint(1, 6), rng.randint(101, 2806)
    if kind == 0:
        return f"{prov}{dist}{road}{n}号{comm}{b}栋{u}单元{r}室"
    if kind == 1:
        return f"{prov}{dist}{road}{n}号"
    if kind == 2:
        return f"{dist}{comm}{b}号楼{r}"
    if kind == 3:
        return f"{comm}{b}栋{u}单元{r}"
    if kind == 4:
        return f"{prov}{dist}{road}{n}号院{b}号楼{u}单元{r}室"
    if kind == 5:
        town = rng.choice(["城关镇", "新华街道", "望京街道", "太平乡"])
        vil = rng.choice(["李家村", "大王庄", "花家地西里", "东关村"])
        tail = rng.choice([f"{rng.randint(1, 12)}组{n}号", f"{n}号院", f"{b}号"])
        return f"{prov}{dist}{town}{vil}{tail}"
    return f"{road}{n}弄{b}号{r}室"


for i in range(42):
    frame(
        ADDR_FRAMES[i % len(ADDR_FRAMES)],
        "address",
        address(i % 7),
        "plain",
        f"address kind {i % 7}",
    )
for _ in range(5):
    a = address(0)
    frame(rng.choice(ADDR_FRAMES), "address", fw(a), "fullwidth", "address full-width digits")
for val in [
    "朝阳区望京街道花家地西里3号院",
    "海淀区学院路三十号",
    "浦东新区张江镇科苑路八十八弄五号六零二",
    "武侯区人民南路四段三号二单元五零一",
    "天河区体育西路一百零三号维多利广场B座2801",
]:
    frame(rng.choice(ADDR_FRAMES), "address", val, "spoken", "address with Chinese numerals")
for val in [
    "臺灣省臺北市大安區忠孝東路四段100號5樓",
    "廣東省廣州市天河區體育西路103號",
    "香港九龍旺角彌敦道600號",
    "北京市朝陽區建國路88號SOHO現代城A座1201室",
]:
    frame("我的地址是{}", "address", val, "traditional", "address, 繁体")

# --- several types in one text --------------------------------------------------------------

for i in range(16):
    n, p, c = person(), mobile(), card()
    kind = i % 4
    if kind == 0:
        add(
            ["我叫", ("name", n), "，手机", ("phone", p), "，卡号", ("bank_card", c), "，帮我查下"],
            "multi",
            "name+phone+card",
        )
    elif kind == 1:
        add(
            [
                "持卡人",
                ("name", n),
                "，身份证",
                ("id_card", id18()),
                "，预留手机",
                ("phone", grouped(p, (3, 4), " ")),
            ],
            "multi",
            "name+id+phone",
        )
    elif kind == 2:
        add(
            ["寄到", ("address", address(0)), "，收件人", ("name", n), "，电话", ("phone", p)],
            "multi",
            "address+name+phone",
        )
    else:
        add(
            [
                "邮箱",
                ("email", f"{rng.choice(USERS)}@{rng.choice(DOMAINS)}"),
                "，座机",
                ("landline", "-".join(landline())),
                "，手机",
                ("phone", p),
            ],
            "multi",
            "email+landline+phone",
        )

# --- negatives: nothing here is personal data -----------------------------------------------

NEG = [
    # amounts (digits that look like a phone or card, followed or preceded by a money unit)
    "金额13800138000元？你们系统是不是出错了",
    "我卡里明明有15800000000元的额度？开玩笑吧",
    "转账金额¥13912345678",
    "这笔是1380013800.00元",
    "一共还了18600元，还差3200元",
    "年化收益率3.85%，到期本息共计105,230.56元",
    "手续费扣了13.8元",
    "分期总额128,000元分24期",
    "贷款余额还有1,580,000.00元",
    "一万三千八百元",
    "理财亏了两万多块钱",
    "存了五十万定期",
    # order, transaction, ticket numbers, timestamps
    "订单号13812345678，麻烦查一下",
    "流水号202311051234567890",
    "交易流水号6222021234567890128",
    "订单编号：4403011985031212",
    "工单号2023110500012",
    "交易号 138 0013 8000 123",
    "时间戳1699171200000",
    "交易时间20231105143022",
    "2023-11-05 14:30:22 扣款成功",
    "快递单号SF1234567890123",
    "保单号P44030119850312",
    "合同编号HT-2023-000158",
    "退款单号15012345678901234",
    "参考号 000123456789",
    "批次号2023110512",
    # card tails, short codes, hotlines
    "尾号6789的那张卡",
    "卡号后四位是1234",
    "工号10086的客服态度很差",
    "客服热线95588打不通",
    "400-820-8820是你们官方电话吗",
    "我打了12378投诉",
    "验证码384756别告诉别人",
    "信用卡账单日是每月15号",
    "身份证后六位12345X不对吗",
    "手机尾号5678",
    "拨打955 88转人工",
    "我去10086查过了",
    "密码六位数字",
    "第3期还款",
    # dates and times
    "我1985年3月12日出生",
    "2023年11月5日下午3点到的网点",
    "到期日2026-12-31",
    "19850312这个是我生日",
    "去年12月份开的卡",
    # words that begin with a surname character; titles without names
    "王者荣耀充值被扣了钱",
    "高兴得太早了",
    "方便的话回个电话",
    "马上给我处理",
    "经理说明天回复",
    "你们经理呢",
    "我是客户本人",
    "我叫客服帮我查",
    "我是来投诉的",
    "周末去银行办业务",
    "白金卡年费多少",
    "林业局的工资卡",
    "黄金价格跌了",
    "万一被盗刷怎么办",
    "平安银行的卡能转吗",
    "金卡客户有什么权益",
    "我要找你们领导",
    "先生您好，请问有什么可以帮您",
    "女士请稍等",
    "客户经理会联系您",
    "理财经理说保本的",
    "我爱人也有你们的卡",
    "我妈不会用手机银行",
    "你们柜员给我办错了",
    # places without an address
    "去北京出差的时候卡被吞了",
    "在朝阳区那个网点办的",
    "上海分行的电话多少",
    "深圳南山的网点几点下班",
    "浙江省内转账要手续费吗",
    "张家界旅游的时候刷的卡",
    "你们人民路支行",
    "我在武汉工作",
    "广东省分行的人说的",
    # e-mail-like, not an address
    "@客服 你们怎么不回复",
    "邮箱收不到",
    "发邮件给你们没人理",
    "网址是www.icbc.com.cn",
    "版本v2.3.1更新后闪退",
    # traditional
    "帳單金額13800元",
    "訂單號13812345678",
    "我在臺北出差",
    "請問經理在嗎",
]
for t in NEG:
    add([t], "negative", "negative")


def main() -> None:
    ids = set()
    for c in CASES:
        assert c["id"] not in ids
        ids.add(c["id"])
        for s in c["spans"]:
            assert 0 <= s["start"] < s["end"] <= len(c["text"])
    with OUT.open("w", encoding="utf-8") as fh:
        for c in CASES:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    by_type: dict[str, int] = {}
    for c in CASES:
        for s in c["spans"]:
            by_type[s["type"]] = by_type.get(s["type"], 0) + 1
    n_neg = sum(1 for c in CASES if not c["spans"])
    print(f"wrote {len(CASES)} cases to {OUT.name}: {by_type}, {n_neg} negatives")


if __name__ == "__main__":
    main()

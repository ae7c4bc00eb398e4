"""Generate the labelled PII case set ``corpora/gold/pii_cases.jsonl`` (seeded, deterministic).

Each case is a hand-written Chinese call-centre / complaint sentence frame filled with
generated, fake-but-valid personal data (ID numbers with valid checksums, Luhn-valid card
numbers, real mobile prefixes and area codes, plausible e-mails, names and addresses) in
several written forms (plain, spaced, dashed, full-width, Chinese digits as ASR writes them
…), often next to amounts, dates, card tails and hotlines that must *not* be masked. About a
fifth of the cases are negatives with no PII at all.

The validators here are written independently of ``cxtext.text.pii`` on purpose: the case set
must not inherit the detector's assumptions.

Output lines: ``{"id", "text", "spans": [{"start", "end", "type"}], "form", "note"}``;
``text[start:end]`` is exactly the inserted value (asserted below).

Usage::

    python corpora/gold/make_pii_cases.py            # writes corpora/gold/pii_cases.jsonl
    python corpora/gold/make_pii_cases.py --check    # regenerate in memory, compare to file
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

SEED = 20250601
OUT = Path(__file__).resolve().parent / "pii_cases.jsonl"

def words(text: str) -> list[str]:
    """Whitespace-separated words of a literal."""
    return text.split()


# --- independent validators ------------------------------------------------------------------

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_check(first17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def luhn_digit(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        n = int(c)
        if i % 2 == 0:  # doubled once the check digit is appended
            n *= 2
            n -= 9 if n > 9 else 0
        total += n
    return str((10 - total % 10) % 10)


def luhn_ok(num: str) -> bool:
    return luhn_digit(num[:-1]) == num[-1]


PROVINCES2 = set(words("11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 "
                       "52 53 54 61 62 63 64 65 71 81 82 83"))


def _date_ok(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
        return True
    except ValueError:
        return False


def looks_like_id(d: str) -> bool:
    """Would a careful human call this digit string a resident ID number?"""
    if len(d) == 18 and d[:17].isdigit() and d[:2] in PROVINCES2:
        y = int(d[6:10])
        return 1900 <= y <= 2025 and _date_ok(y, int(d[10:12]), int(d[12:14]))
    if len(d) == 15 and d.isdigit() and d[:2] in PROVINCES2:
        return _date_ok(1900 + int(d[6:8]), int(d[8:10]), int(d[10:12]))
    return False


def looks_like_pii_number(d: str) -> bool:
    """Digit strings a negative case must avoid (mobile, landline, ID, Luhn card length)."""
    if len(d) == 11 and re.match(r"1[3-9]", d):
        return True
    if d.startswith("0") and 10 <= len(d) <= 12:
        return True
    if looks_like_id(d):
        return True
    return 16 <= len(d) <= 19 and luhn_ok(d)


# --- value pools -----------------------------------------------------------------------------

MOBILE_PREFIXES = words(
    "130 131 132 133 134 135 136 137 138 139 145 147 150 151 152 153 155 156 157 158 159 "
    "166 170 171 173 175 176 177 178 180 181 182 183 184 185 186 187 188 189 191 198 199"
)
AREA_CODES = {  # area code -> local number length
    "010": 8, "021": 8, "020": 8, "022": 8, "023": 8, "024": 8, "025": 8, "027": 8, "028": 8,
    "029": 8, "0755": 8, "0571": 8, "0512": 8, "0531": 8, "0532": 8, "0551": 8, "0591": 8,
    "0731": 8, "0771": 7, "0871": 8, "0898": 8, "0311": 8, "0351": 7, "0371": 8, "0431": 8,
    "0451": 8, "0471": 7, "0791": 8, "0851": 8, "0931": 7, "0951": 7, "0971": 7, "0991": 7,
    "0769": 8, "0757": 8, "0756": 7, "0574": 8, "0577": 8, "0510": 8, "0516": 8,
}
ID_REGIONS = words(
    "110105 110108 110101 310115 310104 310106 440305 440304 440106 440104 330106 330102 "
    "320106 320102 510107 510104 420111 420106 370102 370202 410105 430104 350203 350102 "
    "610113 500103 500112 120101 130102 140105 210102 220102 230103 340104 360102 450103 "
    "460105 520102 530102 620102 630104 640104 650102 150102 540102 441900 445202 321102 "
    "332522 412726"
)
CARD_BINS = {  # BIN -> usual lengths
    "622202": (19,), "621226": (19,), "955880": (19,), "621700": (19,), "436742": (16,),
    "622848": (19,), "622588": (16,), "621483": (16,), "622262": (19,), "621661": (19,),
    "456351": (16,), "621799": (19,), "622908": (18,), "625911": (16,), "518710": (16,),
    "552599": (16,), "622700": (17,), "621485": (16,), "623058": (19,), "356833": (16,),
}
SURNAMES = words(
    "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 "
    "彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 "
    "石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 "
    "万 钱 严 覃 武 戴 莫 孔 向 汤 常 温 康 施 文 牛 樊 葛 邢 安 齐 易 乔 伍 庞 颜 倪 庄 聂 章 "
    "鲁 岳 翟 殷 詹 申 欧 耿 关 兰 焦 俞 左 柳 甘 祝 包 宁 尚 符 舒 阮 柯 纪 梅 童 凌 毕 单 季 "
    "裴 霍 涂 成 苗 谷 盛 曲 翁 冉 骆 蓝 路 游 辛 靳 管 柴 蒙 鲍 华 喻 祁 蒲 房 滕 屈 饶 解 牟 "
    "艾 尤 阳 时 穆 农 司 卓 古 吉 缪 简 车 项 连 芦 麦 褚 娄 窦 戚 岑 景 党 宫 费 卜 冷 晏 席 "
    "卫 米 柏 宗 瞿 桂 全 佟 应 臧 闵 苟 邬 边 卞 姬 师 和 仇 栾 隋 商 刁 沙 荣 巫 寇 桑 郎 甄 "
    "丛 仲 虞 敖 巩 明 佘 池 查 麻 苑 迟 邝"
)
COMPOUND_SURNAMES = words(
    "欧阳 司马 诸葛 上官 司徒 慕容 皇甫 令狐 夏侯 东方 宇文 长孙 尉迟 公孙 端木 南宫 独孤 呼延 "
    "轩辕 百里"
)
GIVEN_1 = list(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华红玉兰英梅秀斌宇浩凯鹏飞鑫波辉亮峰建志海春燕"
    "晶婷雪琳欣怡涵轩博俊晨阳然萱佳悦嘉琪诗梦晓新成立金云龙德荣福庆兵琦颖倩慧萍莉蕾薇岚瑶婧璐"
    "昊哲睿铭翔磊泽"
)
GIVEN_2 = words(
    "小明 建国 秀英 志强 丽华 海燕 子涵 雨轩 思远 欣怡 浩然 梓萱 俊杰 晓东 文博 佳怡 一鸣 天宇 "
    "春梅 国庆 建华 玉兰 桂英 秀兰 明辉 志刚 晓燕 丽娟 伟东 德明 雪梅 红霞 金凤 子轩 宇航 佳琪 "
    "诗涵 梦瑶 家豪 俊宇 雅琴 淑芬 振华 立新 永红 海涛 晓峰 文静 婷婷 娜娜 丹丹 明亮 春华 秋菊 "
    "冬梅 建军 卫东 向阳 红梅 少华 美玲 玉珍 凤英 国华 晨曦 若曦 思琪 语嫣 博文 昊天 睿泽 梓涵 "
    "一诺 安琪 嘉怡"
)
SPELLED = {"张": "弓长张", "章": "立早章", "李": "木子李", "陈": "耳东陈", "吴": "口天吴",
           "胡": "古月胡", "林": "双木林", "许": "言午许", "何": "人可何", "吕": "双口吕",
           "程": "禾口程", "杨": "木易杨"}
ADMIN = {  # province -> city -> districts
    "广东省": {
        "深圳市": words("南山区 福田区 罗湖区 宝安区 龙岗区 龙华区"),
        "广州市": words("天河区 越秀区 海珠区 番禺区 白云区 黄埔区"),
        "佛山市": words("禅城区 南海区 顺德区"),
        "珠海市": words("香洲区 金湾区"),
    },
    "浙江省": {
        "杭州市": words("西湖区 上城区 拱墅区 滨江区 余杭区 萧山区"),
        "宁波市": words("鄞州区 海曙区 江北区"),
        "温州市": words("鹿城区 瓯海区"),
    },
    "江苏省": {
        "南京市": words("鼓楼区 玄武区 秦淮区 建邺区 江宁区"),
        "苏州市": words("姑苏区 吴中区 相城区 虎丘区"),
        "无锡市": words("梁溪区 滨湖区 新吴区"),
    },
    "四川省": {
        "成都市": words("武侯区 锦江区 青羊区 金牛区 成华区 郫都区"),
        "绵阳市": words("涪城区 游仙区"),
    },
    "湖北省": {
        "武汉市": words("洪山区 江汉区 武昌区 江岸区 汉阳区"),
        "宜昌市": words("西陵区 伍家岗区"),
    },
    "山东省": {
        "济南市": words("历下区 市中区 槐荫区"),
        "青岛市": words("市南区 崂山区 黄岛区 李沧区"),
    },
    "河南省": {
        "郑州市": words("金水区 二七区 中原区 管城回族区"),
        "洛阳市": words("涧西区 西工区"),
    },
    "湖南省": {"长沙市": words("岳麓区 芙蓉区 天心区 雨花区 开福区")},
    "福建省": {
        "福州市": words("鼓楼区 台江区 仓山区"),
        "厦门市": words("思明区 湖里区 集美区"),
    },
    "陕西省": {"西安市": words("雁塔区 碑林区 未央区 莲湖区")},
    "安徽省": {"合肥市": words("蜀山区 包河区 庐阳区")},
    "辽宁省": {
        "沈阳市": words("和平区 沈河区 皇姑区"),
        "大连市": words("中山区 沙河口区 甘井子区"),
    },
    "河北省": {
        "石家庄市": words("长安区 桥西区 裕华区"),
        "保定市": words("竞秀区 莲池区"),
    },
    "云南省": {"昆明市": words("五华区 盘龙区 官渡区")},
    "广西壮族自治区": {"南宁市": words("青秀区 兴宁区 西乡塘区")},
}
MUNICIPALITIES = {
    "北京": words("朝阳区 海淀区 东城区 西城区 丰台区 石景山区 通州区 昌平区 大兴区"),
    "上海": words("浦东新区 徐汇区 静安区 黄浦区 闵行区 长宁区 杨浦区 普陀区 宝山区"),
    "天津": words("和平区 河西区 南开区 河东区 滨海新区"),
    "重庆": words("渝中区 江北区 渝北区 沙坪坝区 九龙坡区 南岸区"),
}
ROADS = words(
    "建国路 人民路 中山路 解放路 科技园南路 世纪大道 长安街 南京东路 淮海中路 天府大道 文三路 "
    "珞喻路 学院路 和平路 新华路 青年路 光明街 幸福路 胜利街 东风路 滨江大道 工业大道 花园路 "
    "北京西路 延安路 黄河路 长江路 金桥路 朝阳北路 建设大道 友谊路 环城东路 桂花巷 石榴巷 "
    "槐树胡同 团结路 健康路 振兴路 迎宾大道 望江路 前进街 民主路 五一路 八一路 中山北路 "
    "深南大道 华强北路 南京西路 漕溪北路 解放大道 人民南路 红旗街"
)
COMMUNITIES = words(
    "阳光花园小区 幸福家园 锦绣花园 万科城 碧桂园 金色家园 翠苑小区 华侨新村 世纪公寓 国贸大厦 "
    "明珠花园 红星小区 紫荆苑 丽景湾 绿地公寓 和谐家园 书香苑 金地花园 恒大名都小区 保利花园 "
    "龙湖春江郦城 望京新城 东湖花园 学府苑 职工宿舍"
)
RURAL = words(
    "湖南省邵阳市隆回县桃洪镇石门村 四川省南充市仪陇县新政镇万年村 河南省周口市太康县马头镇王庄村 "
    "安徽省阜阳市临泉县城关镇李营村 江西省赣州市于都县贡江镇长征村 甘肃省天水市秦安县兴国镇南关村 "
    "山东省菏泽市曹县庄寨镇张集村 广西壮族自治区玉林市博白县东平镇新华村"
)

CN_DIGITS = "零一二三四五六七八九"


def cn_digits(s: str, rng: random.Random, style: str = "plain") -> str:
    """Digits as ASR writes them: 一/幺 for 1, 零/〇/洞 for 0, sometimes 两 for 2."""
    out = []
    for c in s:
        if not c.isdigit():
            out.append(c)
            continue
        if c == "1" and style in ("yao", "mixed_yao") and rng.random() < 0.8:
            out.append("幺")
        elif c == "0" and style == "yao" and rng.random() < 0.3:
            out.append("洞")
        elif c == "0" and rng.random() < 0.25:
            out.append("〇")
        elif c == "2" and rng.random() < 0.15:
            out.append("两")
        else:
            out.append(CN_DIGITS[int(c)])
    return "".join(out)


FW = {ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789-()@Xx"}


def fullwidth(s: str) -> str:
    return s.translate(FW).replace(" ", "\u3000")


def cn_number(n: int) -> str:
    """Integers below 1000 in Chinese numerals (八十八, 一百零二, 十五)."""
    if n < 10:
        return CN_DIGITS[n]
    if n < 100:
        t, u = divmod(n, 10)
        return ("" if t == 1 else CN_DIGITS[t]) + "十" + (CN_DIGITS[u] if u else "")
    h, rest = divmod(n, 100)
    head = CN_DIGITS[h] + "百"
    if rest == 0:
        return head
    if rest < 10:
        return head + "零" + CN_DIGITS[rest]
    t, u = divmod(rest, 10)
    return head + CN_DIGITS[t] + "十" + (CN_DIGITS[u] if u else "")


class Gen:
    """Value generators; each returns (text, form) for the requested form."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    # phones
    def mobile_digits(self) -> str:
        return self.r.choice(MOBILE_PREFIXES) + "".join(self.r.choices("0123456789", k=8))

    def phone(self, form: str) -> str:
        d, r = self.mobile_digits(), self.r
        a, b, c = d[:3], d[3:7], d[7:]
        if form == "plain":
            return d
        if form == "spaced":
            return r.choice([f"{a} {b} {c}", f"{a} {d[3:]}", f"{d[:7]} {c}", f"{a}  {b}  {c}"])
        if form == "dashed":
            return r.choice([f"{a}-{b}-{c}", f"{a}-{d[3:]}", f"{a} - {b} - {c}"])
        if form == "fullwidth":
            return fullwidth(r.choice([d, f"{a} {b} {c}", f"{a}-{b}-{c}"]))
        if form == "chinese_digits":
            style = r.choice(["plain", "yao", "yao", "plain"])
            return r.choice([cn_digits(d, r, style), cn_digits(f"{a} {b} {c}", r, style)])
        if form == "mixed_digits":
            k = r.randint(3, 8)
            return cn_digits(d[:k], r, "yao") + d[k:] if r.random() < 0.5 else (
                d[:k] + cn_digits(d[k:], r, "plain"))
        if form == "asr_punct":  # ASR punctuation restored between spoken groups
            sep = r.choice(["，", "，", "、", ","])
            return cn_digits(f"{a}{sep}{b}{sep}{c}", r, r.choice(["plain", "yao"]))
        if form == "spoken_dash":  # 杠 = "dash", read out
            return cn_digits(f"{a}杠{b}杠{c}", r, r.choice(["plain", "yao"]))
        if form == "prefixed":
            return r.choice([f"+86 {d}", f"+86-{d}", f"+86{d}", f"0086 {d}", f"86-{a}-{b}-{c}",
                             f"(+86){d}", f"+86 {a} {b} {c}", f"0086-{d}"])
        raise ValueError(form)

    # landlines
    def landline(self, form: str) -> str:
        r = self.r
        area = r.choice(list(AREA_CODES))
        n = AREA_CODES[area]
        local = str(r.randint(2, 8)) + "".join(r.choices("0123456789", k=n - 1))
        half = 4 if n == 8 else 3
        if form == "plain":
            return area + local
        if form == "dashed":
            return r.choice([f"{area}-{local}", f"{area}-{local[:half]}-{local[half:]}"])
        if form == "spaced":
            return r.choice([f"{area} {local}", f"{area} {local[:half]} {local[half:]}"])
        if form == "parenthesized":
            return r.choice([f"({area}){local}", f"（{area}）{local}", f"({area}) {local}",
                             f"({area}){local[:half]} {local[half:]}"])
        if form == "extension":
            ext = str(r.randint(1, 9999))
            return r.choice([f"{area}-{local}转{ext}", f"{area}-{local}-{ext}",
                             f"{area} {local} 转 {ext}", f"{area}{local}转{ext}"])
        if form == "fullwidth":
            return fullwidth(r.choice([f"{area}-{local}", f"({area}){local}"]))
        if form == "chinese_digits":
            return cn_digits(r.choice([area + local, f"{area} {local[:half]} {local[half:]}"]),
                             r, r.choice(["plain", "yao"]))
        raise ValueError(form)

    # ID cards
    def id18(self) -> str:
        r = self.r
        birth = date(1950, 1, 1) + timedelta(days=r.randint(0, 20000))
        body = r.choice(ID_REGIONS) + birth.strftime("%Y%m%d") + f"{r.randint(0, 999):03d}"
        return body + id_check(body)

    def id15(self) -> str:
        r = self.r
        birth = date(1940, 1, 1) + timedelta(days=r.randint(0, 21000))
        return r.choice(ID_REGIONS) + birth.strftime("%y%m%d") + f"{r.randint(0, 999):03d}"

    def id_card(self, form: str) -> str:
        r = self.r
        if form == "x_suffix":
            while True:
                d = self.id18()
                if d.endswith("X"):
                    return d if r.random() < 0.6 else d[:-1] + "x"
        d = self.id18()
        if form == "plain":
            return d
        if form == "spaced":
            return r.choice([f"{d[:6]} {d[6:14]} {d[14:]}",
                             f"{d[:6]} {d[6:10]} {d[10:14]} {d[14:]}",
                             f"{d[:3]} {d[3:6]} {d[6:10]} {d[10:14]} {d[14:]}"])
        if form == "fullwidth":
            return fullwidth(d)
        if form == "chinese_digits":
            return cn_digits(d, r, r.choice(["plain", "yao"]))
        if form == "old15":
            return self.id15()
        raise ValueError(form)

    # bank cards
    def card_digits(self) -> str:
        r = self.r
        while True:
            bin_ = r.choice(list(CARD_BINS))
            n = r.choice(CARD_BINS[bin_])
            body = bin_ + "".join(r.choices("0123456789", k=n - 7))
            d = body + luhn_digit(body)
            if not looks_like_id(d):
                return d

    def bank_card(self, form: str) -> str:
        r = self.r
        d = self.card_digits()
        g4 = " ".join(d[i : i + 4] for i in range(0, len(d), 4))
        if form == "plain":
            return d
        if form == "spaced":
            return r.choice([g4, g4, f"{d[:6]} {d[6:]}" if len(d) == 19 else g4])
        if form == "dashed":
            return g4.replace(" ", "-")
        if form == "fullwidth":
            return fullwidth(r.choice([d, g4]))
        if form == "chinese_digits":
            return cn_digits(r.choice([d, g4]), r, r.choice(["plain", "yao"]))
        if form == "asr_mangled":  # one digit misheard: Luhn fails, context says 卡号
            while True:
                i = r.randrange(6, len(d))
                bad = d[:i] + str((int(d[i]) + r.randint(1, 9)) % 10) + d[i + 1 :]
                if not luhn_ok(bad) and not looks_like_id(bad):
                    return bad if r.random() < 0.6 else " ".join(
                        bad[k : k + 4] for k in range(0, len(bad), 4))
        raise ValueError(form)

    # e-mail
    def email(self, form: str) -> str:
        r = self.r
        sur = r.choice(words("zhang wang li liu chen yang huang zhao wu zhou xu sun ma zhu hu guo"))
        given = r.choice(words("wei fang na min jing lei jun yang yong jie tao ming chao "
                               "xiaoming jianguo haiyan zihan yuxuan"))
        local = r.choice([
            f"{sur}{given}", f"{sur}.{given}", f"{given}_{sur}", f"{sur}{given}{r.randint(1, 99)}",
            f"{sur}{given}{r.randint(1960, 2005)}", str(r.randint(10000, 9999999999)),
            f"{given[0]}{sur}", f"{sur}-{given}", f"{sur}{given}.{r.randint(1, 9)}",
        ])
        domain = r.choice(["qq.com", "163.com", "126.com", "sina.com", "sohu.com", "foxmail.com",
                           "gmail.com", "outlook.com", "hotmail.com", "yeah.net", "139.com",
                           "aliyun.com", "vip.163.com", "huaxin-tech.com.cn", "mail.ustc.edu.cn",
                           "yiqiao.cn", "sina.cn"])
        if form == "plain":
            return f"{local}@{domain}"
        if form == "uppercase":
            return f"{local[0].upper()}{local[1:]}@{domain.upper() if r.random() < 0.3 else domain}"
        if form == "fullwidth":
            return f"{local}＠{domain}"
        if form == "spoken":
            dom = domain.replace(".", r.choice(["点", " 点 "]))
            return r.choice([f"{local}艾特{dom}", f"{local} 艾特 {dom}"])
        if form == "spoken_en":  # ASR keeps the English words, or 圈A for @
            dom = domain.replace(".", r.choice([" dot ", " dot ", "点"]))
            return r.choice([f"{local} at {dom}", f"{local}圈A{domain}", f"{local} at {domain}"])
        raise ValueError(form)

    # names
    def given(self) -> str:
        return self.r.choice(GIVEN_2) if self.r.random() < 0.7 else self.r.choice(GIVEN_1)

    def surname(self) -> str:
        return self.r.choice(COMPOUND_SURNAMES) if self.r.random() < 0.06 else self.r.choice(
            SURNAMES)

    def full_name(self) -> str:
        return self.surname() + self.given()

    # addresses
    def num(self, lo: int, hi: int, chinese: bool) -> str:
        n = self.r.randint(lo, hi)
        return cn_number(n) if chinese else str(n)

    def units(self, chinese: bool) -> str:
        r = self.r
        room = f"{r.randint(1, 32)}{r.randint(1, 4):02d}"
        room_s = cn_digits(room, r) if chinese else room
        building = self.num(1, 30, chinese)
        unit = self.num(1, 6, chinese)
        return r.choice([
            f"{building}栋{room_s}室", f"{building}号楼{unit}单元{room_s}室",
            f"{building}栋{unit}单元{room_s}", f"{building}幢{room_s}室", f"{building}号楼{room_s}",
            f"{building}栋{unit}单元{room_s}室", f"{building}座{room_s}室",
        ])

    def address(self, form: str) -> str:
        r = self.r
        chinese = form == "chinese_digits"
        road, num = r.choice(ROADS), self.num(1, 999, chinese) + "号"
        tail = r.choice(["", "", self.units(chinese), r.choice(COMMUNITIES) + self.units(chinese),
                         r.choice(COMMUNITIES)])
        if form in ("full", "chinese_digits"):
            prov = r.choice(list(ADMIN))
            city = r.choice(list(ADMIN[prov]))
            dist = r.choice(ADMIN[prov][city])
            return f"{prov}{city}{dist}{road}{num}{tail}"
        if form == "municipality":
            city = r.choice(list(MUNICIPALITIES))
            dist = r.choice(MUNICIPALITIES[city])
            return f"{city}{r.choice(['市', '市', ''])}{dist}{road}{num}{tail}"
        if form == "city_first":
            prov = r.choice(list(ADMIN))
            city = r.choice(list(ADMIN[prov]))
            dist = r.choice(ADMIN[prov][city])
            return f"{city}{dist}{road}{num}{tail}"
        if form == "district_first":
            city = r.choice(list(MUNICIPALITIES))
            return f"{r.choice(MUNICIPALITIES[city])}{road}{num}{tail}"
        if form == "road_number":
            return f"{road}{num}{r.choice(['', self.units(False), '院' + self.units(False)])}"
        if form == "community":
            return f"{r.choice(COMMUNITIES)}{self.units(r.random() < 0.3)}"
        if form == "rural":
            village = r.choice(RURAL)
            return village + r.choice(["", f"{r.randint(1, 12)}组", "三组", "七组"])
        raise ValueError(form)


# --- distractors (never PII) -----------------------------------------------------------------

def amount(r: random.Random) -> str:
    return r.choice([
        f"{r.randint(1, 99) * 100}元", f"{r.randint(1, 99):,}{r.randint(0, 9)}00.00元",
        f"{r.randint(1, 50)}万块", "一万五千元", f"¥{r.randint(100, 99999)}",
        f"{r.randint(1, 9)}千块",
        f"{r.randint(100, 99999)}.{r.randint(0, 99):02d}元", f"{r.randint(2, 30)}万",
        "三千八百元", f"{r.randint(10, 999)}块钱", f"人民币{r.randint(1000, 500000)}元",
        f"￥{r.randint(1, 99)},{r.randint(100, 999)}.00", "两万块",
        f"{r.randint(1, 9)}.{r.randint(1, 9)}万元",
    ])


def when(r: random.Random) -> str:
    y, m, d = r.randint(2019, 2025), r.randint(1, 12), r.randint(1, 28)
    return r.choice([
        f"{y}年{m}月{d}日", f"{m}月{d}号", f"{y}-{m:02d}-{d:02d}", f"{y}{m:02d}{d:02d}",
        f"{r.randint(8, 20)}:{r.randint(0, 59):02d}", "三月十五号", "上周五", "昨天下午三点",
        f"{y}/{m}/{d}", f"{y}年{m}月", "前天晚上八点多", f"{m}月{d}日{r.randint(8, 20)}点",
    ])


def tail(r: random.Random) -> str:
    return r.choice([f"尾号{r.randint(0, 9999):04d}", f"后四位{r.randint(0, 9999):04d}",
                     "卡尾号是六六八八", f"尾号为{r.randint(0, 9999):04d}的卡", "末四位八八六六"])


def hotline(r: random.Random) -> str:
    return r.choice(["95588", "95555", "95533", "95566", "95599", "12378", "12315", "110",
                     "400-820-8888", "4008208888", "800-820-8820", "400 669 5566", "10086",
                     "12345", "400-888-8888转2"])


# --- frames ----------------------------------------------------------------------------------
# {P} = the PII value of the case's main type; {NAME}/{SUR}/{PHONE}/... add further values;
# {AMT} {DATE} {TAIL} {HOT} are distractors.

FRAMES: dict[str, list[str]] = {
    "phone": [
        "我的手机号是{P}，麻烦帮我查一下",
        "您好，我手机号码{P}，上个月被扣了{AMT}",
        "你们可以打我电话{P}联系我",
        "预留手机号{P}收不到验证码",
        "我换号了，新号码是{P}，以前那个停机了",
        "客户来电称{DATE}收到短信，发送方号码{P}，自称银行客服",
        "请核实一下，手机{P}是不是绑定在我{TAIL}上",
        "联系电话：{P}",
        "我老婆的手机{P}也被冒用了",
        "有个陌生号码{P}一直给我打电话催收，我根本没欠钱",
        "回拨号码{P}，客户要求下午回电",
        "{P}这个号码是我本人的，请不要再发营销短信",
        "麻烦改一下预留手机，改成{P}",
        "我的电话是{P}，{DATE}之前一定要回复我",
        "我刚才用{P}打过来的，一直占线",
        "紧急联系人电话{P}",
        "工作人员说会打{P}给我，结果等到现在也没有",
        "你们客服打我{P}的时候我在开会",
        "短信说我的{TAIL}消费{AMT}，我打{HOT}没人接，我的手机是{P}",
        "嗯我的号码是{P}对",
        "手机号{P}，姓名不方便透露",
        "您登记的手机号{P}是否还在使用",
        "他给我留的电话{P}，说是你们信用卡中心的",
        "我要投诉，{DATE}你们的人从{P}给我打了十几个电话",
        "号码{P}，尾号对的上吗",
        "就是{P}这个号",
        "请在{DATE}前联系{P}",
        "验证码发到{P}了但是我没收到",
        "客户手机{P}，已告知处理时限七个工作日",
        "呃我的那个手机号就是{P}然后",
        "手机（{P}）",
        "电话: {P}",
        "tel:{P}",
        "{DATE}{P}给我打了三次",
        "打{P}啊，你们打的是我以前的号",
        "我那个号{P}的呢已经不用了",
        "两个号码都行，{P}或者{P2}",
        "号码{P}/{P2}",
        "他用{P}、{P2}轮流打我电话",
        "{P} 昨天扣了{AMT}",
        "还款{AMT}之后{P}收到了短信",
        "对方手机尾号不是{TAIL}，是{P}",
    ],
    "landline": [
        "我公司座机是{P}，白天可以打这个",
        "家里电话{P}，晚上有人接",
        "你们网点的电话{P}一直打不通",
        "单位电话：{P}",
        "办公电话{P}，找财务部",
        "请拨打{P}联系我们的理财经理",
        "客户留的固话{P}，手机停机",
        "我打了{P}好几次，说是空号",
        "传真号{P}",
        "联系电话{P}，工作日九点到五点",
        "分行投诉电话是{P}吗",
        "你们说的这个{P}是哪个部门的",
        "有事打{P}也可以",
        "我爸家里的座机{P}，他不用手机",
        "{DATE}我给{P}打过电话反映过",
        "座机号码{P}，请于{DATE}前回电",
        "固定电话（{P}）",
        "电话{P}或者打{HOT}都可以",
        "我的座机{P}，手机不方便接",
    ],
    "id_card": [
        "我的身份证号是{P}",
        "身份证号码{P}，你核对一下",
        "证件号{P}，持卡人是我本人",
        "本人身份证{P}，{DATE}办的卡",
        "请提供身份证号，好的，{P}",
        "我身份证号码是{P}，怎么会查不到",
        "申请人身份证：{P}",
        "客户身份证号{P}已核实",
        "我儿子的身份证号{P}，想给他开个户",
        "身份证{P}，之前有一笔{AMT}的贷款不是我借的",
        "我的证件号码是{P}麻烦查一下征信",
        "就是{P}这个身份证，被别人冒用办了信用卡",
        "身份证号是{P}，名字没错",
        "公民身份号码{P}",
        "我报一下身份证{P}",
        "他拿着我的身份证{P}去网点挂失了",
        "身份证号{P}的那个人是我爸",
        "我报错了，身份证应该是{P}才对",
        "身份证号码:{P}，手机尾号{TAIL}",
        "证件类型身份证，号码{P}",
    ],
    "bank_card": [
        "我的卡号是{P}，昨天被盗刷了{AMT}",
        "银行卡号{P}，请帮我冻结",
        "请把钱转到{P}这个账户",
        "卡号：{P}",
        "我的借记卡{P}收到一笔陌生转账",
        "信用卡{P}的年费为什么还在扣",
        "工资卡{P}被冻结了，{DATE}还能用",
        "你们把{P}这张卡的额度降了",
        "我要挂失卡号{P}",
        "账号{P}，户名是我本人",
        "就是那张{P}，{TAIL}的那张不是",
        "收款卡号{P}，对方说没到账",
        "我给你报一下卡号{P}",
        "储蓄卡{P}里少了{AMT}",
        "请核实卡号{P}是否为您本人的卡",
        "卡号是{P}对的",
        "我的卡{P}被吞了",
        "卡号{P}，{DATE}在ATM取了{AMT}",
        "银行卡（{P}）",
        "就这张卡号{P}的卡，还款{AMT}",
        "对方账户{P}，户名不知道",
    ],
    "bank_card_bare": [  # Luhn-valid numbers without any card word
        "我转到{P}了",
        "麻烦查一下{P}",
        "{P}这个是我的",
        "钱打到{P}上面了吗",
        "他让我往{P}汇款",
    ],
    "email": [
        "我的邮箱是{P}，账单发这里",
        "电子账单请发送至{P}",
        "邮箱：{P}",
        "你们把对账单发到{P}了吗，我没收到",
        "可以发邮件到{P}联系我",
        "我的邮箱{P}收到一封钓鱼邮件",
        "请把材料发到{P}，谢谢",
        "联系邮箱{P}",
        "客户要求将回复发送到{P}",
        "我原来的邮箱{P}已经不用了",
        "邮件地址是{P}对",
        "发到我邮箱，{P}",
        "邮箱{P}。",
        "我的邮箱：{P}（常用）",
        "{P}这个邮箱收不到验证邮件",
        "你们发到了{P}，不是我的邮箱",
    ],
    "name_full": [
        "我叫{P}，想咨询一下信用卡的事",
        "您好，我叫{P}，{DATE}来过网点",
        "我的名字叫{P}",
        "持卡人是{P}",
        "持卡人：{P}",
        "户名是{P}，卡号没错",
        "本人{P}，身份证丢了",
        "收款人是{P}，{AMT}到现在都没到账",
        "联系人{P}，电话等下发你",
        "我叫{P}，我要投诉你们的客户经理",
        "我名字叫{P}，你查一下",
        "客户姓名：{P}",
        "姓名是{P}",
        "你好我是{P}，之前打过电话",
        "我是{P}的家属，他住院了",
        "开户人是{P}",
        "嗯我叫{P}想问一下",
        "我叫{P}今天刚办的卡",
        "持卡人姓名{P}",
        "您好，请问是{P}先生吗",
        "{P}女士您好，这里是信用卡中心",
        "本人{P}，于{DATE}在贵行办理了贷款",
        "嗯，我叫{P}。",
        "持卡人是{P}本人",
        "我叫{P}，{P2}是我老公",
        "收件人：{P}",
        "申请人{P}，身份证已经提交了",
        "我老婆叫{P}",
        "借款人是{P}，我是担保人",
    ],
    "name_surname": [
        "我姓{P}",
        "免贵姓{P}",
        "{P}先生您好，请问有什么可以帮您",
        "好的{P}女士，我这边帮您登记",
        "请问是{P}小姐吗",
        "{P}总您好，您的额度已经调整",
        "我找你们{P}经理，上次就是他给我办的",
        "麻烦您转告{P}经理，我{DATE}再过来",
        "谢谢{P}先生的耐心等待",
        "您好{P}女士，您反映的问题已经处理",
        "我之前找的{P}老师说可以退",
        "你们那个{P}经理态度太差了",
        "{P}阿姨，您的卡已经解冻了",
        "嗯{P}先生，还有什么问题吗",
        "好的，{P}先生，稍后给您回电",
        "对，我姓{P}",
        "您贵姓？我姓{P}",
        "请问您是{P}女士本人吗",
        "{P}师傅您好",
        "上次接待我的是{P}主任",
        "联系{P}经理处理一下",
        "我是{P}律师，代理我的当事人投诉",
        "{P}姐，我是你们网点的客户",
        "你们行长{P}行长知道这事吗",
        "喂，{P}先生吗？我是信用卡中心的",
        "好的，{P}女士。",
        "我姓{P}，耳朵不好，你说大声点",
        "请问{P}先生在吗",
        "跟{P}经理约好了{DATE}过去",
        "{P}老师，您好",
        "这个问题我已经跟{P}主任说过了",
    ],
    "address": [
        "我住在{P}",
        "我的地址是{P}，信用卡寄到这里",
        "麻烦把卡寄到{P}",
        "家庭住址：{P}",
        "我的新地址是{P}，请帮我更新",
        "账单寄送地址改成{P}",
        "卡片寄到{P}了，一直没收到",
        "联系地址：{P}",
        "现住{P}",
        "收货地址填的是{P}",
        "我搬到了{P}，以前的地址不用了",
        "我们家在{P}，离网点比较远",
        "单位地址是{P}",
        "户籍地址{P}",
        "地址：{P}，邮编不记得了",
        "我要投诉{P}那个网点的柜员",
        "上门核实的地址是{P}",
        "你们寄到{P}就行",
        "嗯地址是{P}对的",
        "我在{P}那个网点办的卡",
        "通讯地址{P}，{DATE}之后都在这边",
        "地址是{P}。",
        "寄送地址：{P}（公司）",
        "{P}，这是我家的地址",
        "我家就在{P}",
        "麻烦上门到{P}",
        "我现在的住址是{P}，之前在外地",
    ],
}
MULTI_FRAMES = [
    "我叫{NAME}，身份证号{ID}，手机{PHONE}",
    "持卡人{NAME}，卡号{CARD}，预留手机{PHONE}",
    "{SUR}女士，您登记的地址是{ADDR}，联系电话{LAND}，对吗",
    "麻烦把卡寄到{ADDR}，收件人{NAME}，电话{PHONE}",
    "本人{NAME}，身份证{ID}，{DATE}发现卡号{CARD}被盗刷{AMT}",
    "我的邮箱是{EMAIL}，手机{PHONE}，有结果通知我",
    "{SUR}先生，您的卡号{CARD}已经挂失，新卡寄到{ADDR}",
    "客户{NAME}来电，手机{PHONE}，反映{DATE}扣款{AMT}",
    "我姓{SUR}，电话{PHONE}，邮箱{EMAIL}",
    "户名是{NAME}，账号{CARD}，开户行是中山路支行",
    "我叫{NAME}，住在{ADDR}，电话{PHONE}",
    "身份证号码{ID}，手机号{PHONE}，帮我查一下名下有几张卡",
    "您好{SUR}女士，核实一下，身份证{ID}，地址{ADDR}",
    "我的座机{LAND}，手机{PHONE}，都可以打",
    "卡号{CARD}，持卡人是{NAME}，身份证{ID}",
]

NEGATIVES: list[tuple[str, str]] = [  # (frame, note); filled with distractors only
    ("上个月信用卡被扣了{AMT}，我要求退回", "amount"),
    ("这笔{AMT}的分期手续费太高了", "amount"),
    ("我{DATE}存了{AMT}，现在查不到", "amount+date"),
    ("还款日是{DATE}，最低还款{AMT}", "amount+date"),
    ("你们年费收了{AMT}，当初说是免年费的", "amount"),
    ("我的{TAIL}昨天消费了{AMT}", "card tail+amount"),
    ("{TAIL}的卡被冻结了", "card tail"),
    ("卡号{TAIL}，不是我本人消费的", "card tail"),
    ("打你们{HOT}打了半天都没人接", "hotline"),
    ("我已经打了{HOT}投诉", "hotline"),
    ("你们客服热线{HOT}转人工太难了", "hotline"),
    ("我要打{HOT}投诉你们", "hotline"),
    ("工号{WORKNO}的客服态度很差", "staff number"),
    ("客服{WORKNO}号说会回电", "staff number"),
    ("{DATE}办的业务，到现在没有结果", "date"),
    ("利率是{PCT}，比别家高", "percentage"),
    ("理财产品年化收益{PCT}，结果亏了{AMT}", "percentage+amount"),
    ("订单号{ORDER}，退款一直没到", "order number"),
    ("交易流水号{ORDER}，请帮我查一下", "transaction number"),
    ("工单编号{ORDER}，处理进度怎么样", "case number"),
    ("投诉单号是{ORDER}", "case number"),
    ("快递单号{ORDER}，卡片还没送到", "tracking number"),
    ("参考号{ORDER}", "reference number"),
    ("这个编号{NUMBER}是什么意思", "number failing checks"),
    ("短信里有个{NUMBER}，不知道是什么", "number failing checks"),
    ("{NUMBER}这个数字我没见过", "number failing checks"),
    ("我买的{PRODUCT}亏损了", "product name"),
    ("{PRODUCT}还能赎回吗", "product name"),
    ("{YEAR}年的账单能打印吗", "year"),
    ("从{YEAR}年开始就是你们的客户了", "year"),
    ("我在北京，卡是在上海分行办的", "city names"),
    ("深圳南山区的网点几点关门", "city and district"),
    ("北京市朝阳区有几个网点", "city and district"),
    ("我人在广州，能在当地网点办理吗", "city"),
    ("先生您好，请问有什么可以帮您", "title without surname"),
    ("女士您好，这里是信用卡中心", "title without surname"),
    ("我叫你们经理来", "叫 + pronoun"),
    ("我姓名填错了，能改吗", "姓名 as a noun"),
    ("你们值班经理在吗", "compound before title"),
    ("我要找你们公司经理", "compound before title"),
    ("本人申请注销这张卡", "本人 + verb"),
    ("本人于{DATE}申请了分期", "本人 + preposition"),
    ("我是白金卡客户，为什么还要排队", "我是 + card tier"),
    ("我是从手机银行上看到的", "我是 + preposition"),
    ("{DATE}{TIME}左右在ATM取了{AMT}", "date+time+amount"),
    ("第3期还了{AMT}，还剩{N}期", "instalments"),
    ("你们的{HOT}和{HOT2}都打不通", "hotlines"),
    ("积分{POINTS}分，能换什么", "points"),
    ("额度从{AMT}降到了{AMT2}", "amounts"),
    ("验证码{CODE}输入了显示错误", "verification code"),
    ("密码输错了3次被锁了", "count"),
    ("我的卡尾号是六六八八，昨天扣了一万五千元", "chinese tail+amount"),
    ("三月十五号到四月二十号之间扣了三次", "chinese dates"),
    ("二〇二四年三月十五日办的业务", "chinese date"),
    ("每个月{DAY}号还款", "day of month"),
    ("存了{YEARS}年定期，利息只有{AMT}", "duration+amount"),
    ("App版本{VERSION}闪退", "version"),
    ("转账{BIGAMT}元给对方", "large amount"),
    ("余额还有{BIGAMT}.{CENTS}元", "large amount with decimals"),
    ("一共欠款{BIGAMT}块", "large amount"),
    ("合同编号{ORDER}里面写的是{PCT}", "contract number+percentage"),
    ("请问去建国路怎么走", "road name alone"),
    ("上海的分行和北京的分行规定不一样吗", "city names"),
    ("王府井那边有网点吗", "place name"),
    ("高兴的是问题终于解决了", "surname-like word"),
    ("麻烦你们领导给个说法", "no name"),
    ("我先生说卡丢了", "我先生 (husband)"),
    ("这位女士的卡被吞了", "这位女士"),
    ("我跟你们经理说过了", "经理 without surname"),
    ("我要向经理反映这个问题", "向 as preposition"),
    ("你们支行行长在吗", "行长 without surname"),
    ("今年总共被扣了{AMT}", "年总 (今年总共)"),
    ("谢谢，先生您慢走", "title alone"),
    ("第{N}号窗口排队太久", "window number"),
    ("3楼大厅人太多了", "floor"),
    ("{DATE}在5号窗口办理的", "window number"),
    ("时间是{TIME}，地点在网点大厅", "time"),
    ("我的卡号后四位是{WORKNO}", "card tail"),
    ("手机尾号{CODE4}收到的短信", "phone tail"),
    ("身份证后六位{CODE}", "ID tail"),
    ("验证码是{CODE}，密码不能告诉你", "verification code"),
    ("交易时间{DATE} {TIME}:{SEC}", "timestamp"),
    ("交易时间{STAMP}", "compact timestamp"),
    ("第{PERIOD}期的账单", "period number"),
    ("3.15晚会曝光了你们", "3.15"),
    ("双11那天分期买的，{AMT}", "shopping festival"),
    ("618活动的返现{AMT}还没到", "shopping festival"),
    ("打{HOT}转3转0都没人", "hotline with menu"),
    ("我在建行南京路支行办的", "branch name"),
    ("中山路那边的网点关门了吗", "road without number"),
    ("去年在深圳南山区工作，现在回老家了", "city and district"),
    ("5楼3号窗口的柜员态度很差", "floor and window"),
    ("坐地铁2号线到网点要一个小时", "metro line"),
    ("在3号航站楼的ATM取的钱", "terminal"),
    ("12栋楼下那个ATM机吞卡了", "building alone"),
    ("我叫车过去吧", "叫 + surname-like char"),
    ("我叫了好几次都没人理", "叫 + particle"),
    ("本人承诺以上信息真实", "本人 + verb"),
    ("本人已阅读并同意协议", "本人 + adverb"),
    ("我是工行的老客户了", "我是 + bank"),
    ("请问您贵姓", "asking the surname"),
    ("老先生您慢点", "老先生"),
    ("王府井那个网点人很多", "place starting with a surname"),
    ("我买了李宁的鞋，{AMT}", "brand starting with a surname"),
    ("马上给我处理", "surname-initial word"),
    ("扣款金额{BIGAMT}元，账户余额{BIGAMT2}元", "large amounts"),
    ("转了{BIGAMT}.00", "amount with decimals, no unit"),
    ("共计￥{BIGAMT}", "currency sign"),
    ("年利率{PCT}，日利率万分之五", "rates"),
    ("IP是192.168.1.{N}", "IP address"),
    ("版本号{VERSION}，设备号{DEVICE}", "device id"),
    ("保单号{ORDER}，保费{AMT}", "policy number"),
    ("我的工号是{WORKNO}，我是客服", "agent staff number"),
    ("申请编号{ORDER}，{DATE}提交的", "application number"),
    ("{LUHNFAIL}这串数字是什么", "Luhn-failing 16-19 digits, no context"),
    ("短信验证码{CODE}，{LUHNFAIL}是交易参考号", "Luhn-failing digits"),
    ("一共{N}笔，{AMT}、{AMT2}还有一笔不记得了", "amount list"),
]

PRODUCTS = ["金卡2024版", "薪金宝3号", "招财宝A款", "稳健理财180天", "天天利1号", "季季盈2期",
            "安心存36个月", "iPhone 15分期", "鑫享A款2025", "白金卡Plus"]


def _fill_distractor(key: str, r: random.Random) -> str:
    if key in ("AMT", "AMT2"):
        return amount(r)
    if key == "DATE":
        return when(r)
    if key == "TAIL":
        return tail(r)
    if key in ("HOT", "HOT2"):
        return hotline(r)
    if key == "WORKNO":
        return str(r.randint(1000, 99999))
    if key == "PCT":
        return r.choice([f"{r.randint(1, 20)}.{r.randint(0, 99):02d}%", f"{r.randint(1, 30)}%",
                         "百分之三点八五", f"{r.randint(1, 9)}.{r.randint(1, 9)}％"])
    if key in ("ORDER", "NUMBER"):
        return negative_number(r, key)
    if key == "PRODUCT":
        return r.choice(PRODUCTS)
    if key == "YEAR":
        return str(r.randint(1998, 2025))
    if key == "TIME":
        return f"{r.randint(0, 23)}:{r.randint(0, 59):02d}"
    if key in ("N", "DAY"):
        return str(r.randint(1, 28))
    if key == "POINTS":
        return str(r.randint(100, 999999))
    if key == "CODE":
        return f"{r.randint(0, 999999):06d}"
    if key == "YEARS":
        return str(r.randint(1, 5))
    if key == "VERSION":
        return f"{r.randint(5, 12)}.{r.randint(0, 9)}.{r.randint(0, 9)}"
    if key == "BIGAMT":
        return str(r.choice([r.randint(10_000, 9_999_999), r.randint(10**10, 10**12)]))
    if key == "CENTS":
        return f"{r.randint(0, 99):02d}"
    if key == "BIGAMT2":
        return str(r.randint(10**10, 10**13))
    if key == "CODE4":
        return f"{r.randint(0, 9999):04d}"
    if key == "SEC":
        return f"{r.randint(0, 59):02d}"
    if key == "STAMP":
        y, mo, d = r.randint(2019, 2025), r.randint(1, 12), r.randint(1, 28)
        hms = f"{r.randint(0, 23):02d}{r.randint(0, 59):02d}{r.randint(0, 59):02d}"
        return f"{y}{mo:02d}{d:02d}{hms}"
    if key == "PERIOD":
        return f"{r.randint(2019, 2025)}{r.randint(1, 12):02d}"
    if key == "DEVICE":
        return "".join(r.choices("ABCDEF0123456789", k=16))
    if key == "LUHNFAIL":
        while True:
            d = r.choice("3456") + "".join(r.choices("0123456789", k=r.randint(15, 18)))
            if not luhn_ok(d) and not looks_like_pii_number(d):
                return d
    raise KeyError(key)


def negative_number(r: random.Random, key: str) -> str:
    """A digit string that is none of the PII types (checked with the validators above)."""
    while True:
        n = r.choice([8, 10, 12, 13, 14, 16, 17, 18, 19, 20, 22, 24] if key == "ORDER"
                     else [12, 14, 16, 17, 18, 19])
        lead = r.choice("2345678" if key == "ORDER" else "3456")
        d = lead + "".join(r.choices("0123456789", k=n - 1))
        if key == "ORDER" and r.random() < 0.3:
            d = f"{r.randint(2019, 2025)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}" + d[8:]
        if not looks_like_pii_number(d):
            return d


# --- assembly --------------------------------------------------------------------------------

CARD_WORDS = r"卡号|银行卡|借记卡|信用卡|储蓄卡|工资卡|账号"
SLOT_RE = re.compile(r"\{([A-Z0-9]+)\}")


def render(frame: str, values: dict[str, tuple[str, str | None]], r: random.Random):
    """Fill ``frame``; ``values`` maps slot -> (text, pii type or None). Returns text, spans."""
    text, spans, last = "", [], 0
    for m in SLOT_RE.finditer(frame):
        text += frame[last : m.start()]
        key = m.group(1)
        if key in values:
            value, typ = values[key]
        else:
            value, typ = _fill_distractor(key, r), None
        start = len(text)
        text += value
        if typ is not None:
            spans.append({"start": start, "end": len(text), "type": typ})
            assert text[start : start + len(value)] == value
        last = m.end()
    text += frame[last:]
    return text, spans


FORMS = {
    "phone": {"plain": 40, "spaced": 22, "dashed": 18, "fullwidth": 16, "chinese_digits": 32,
              "mixed_digits": 10, "prefixed": 18, "asr_punct": 10, "spoken_dash": 8},
    "landline": {"plain": 10, "dashed": 18, "spaced": 12, "parenthesized": 14, "extension": 12,
                 "fullwidth": 8, "chinese_digits": 8},
    "id_card": {"plain": 34, "spaced": 14, "x_suffix": 16, "fullwidth": 10, "chinese_digits": 14,
                "old15": 12},
    "bank_card": {"plain": 32, "spaced": 24, "dashed": 10, "fullwidth": 10, "chinese_digits": 10,
                  "asr_mangled": 14},
    "email": {"plain": 40, "uppercase": 10, "fullwidth": 10, "spoken": 10, "spoken_en": 8},
    "name": {"full_name": 70, "surname": 70, "spelled": 10},
    "address": {"full": 30, "municipality": 24, "city_first": 16, "district_first": 14,
                "road_number": 14, "community": 12, "rural": 10, "chinese_digits": 10},
}


def build_cases(seed: int = SEED) -> list[dict]:
    r = random.Random(seed)
    g = Gen(r)
    cases: list[dict] = []

    def add(text: str, spans: list[dict], form: str, note: str) -> None:
        cases.append({"id": "", "text": text, "spans": spans, "form": form, "note": note})

    for typ, forms in FORMS.items():
        for form, count in forms.items():
            for _ in range(count):
                if typ == "name":
                    if form == "full_name":
                        frame = r.choice(FRAMES["name_full"])
                        values = {"P": (g.full_name(), "name"), "P2": (g.full_name(), "name")}
                        text, spans = render(frame, values, r)
                    elif form == "surname":
                        frame = r.choice(FRAMES["name_surname"])
                        text, spans = render(frame, {"P": (g.surname(), "name")}, r)
                    else:
                        sur = r.choice(list(SPELLED))
                        frame = r.choice(["我姓{S}，{SP}", "免贵姓{S}，{SP}的{S}", "我姓{SP}",
                                          "姓{SP}，叫{NAME}"])
                        vals = {"S": (sur, "name"), "SP": (SPELLED[sur], "name"),
                                "NAME": (sur + g.given(), "name")}
                        if frame == "姓{SP}，叫{NAME}":
                            vals["SP"] = (SPELLED[sur], "name")
                        text, spans = render(frame, vals, r)
                    add(text, spans, form, f"name/{form}")
                    continue
                if typ == "bank_card" and form == "plain" and r.random() < 0.25:
                    frame = r.choice(FRAMES["bank_card_bare"])
                else:
                    frame = r.choice(FRAMES[typ])
                if typ == "bank_card" and form == "asr_mangled":
                    frame = r.choice([f for f in FRAMES["bank_card"]
                                      if re.search(CARD_WORDS, f)])
                value = getattr(g, typ)(form)
                values = {"P": (value, typ), "P2": (getattr(g, typ)(form), typ)}
                text, spans = render(frame, values, r)
                add(text, spans, form, f"{typ}/{form}")

    for _ in range(70):
        frame = r.choice(MULTI_FRAMES)
        numeric_form = r.choice(["plain", "plain", "spaced", "fullwidth", "chinese_digits"])
        id_form = {"spaced": "spaced", "fullwidth": "fullwidth",
                   "chinese_digits": "chinese_digits"}.get(numeric_form, "plain")
        card_form = id_form
        land_form = {"spaced": "spaced", "fullwidth": "fullwidth",
                     "chinese_digits": "chinese_digits"}.get(numeric_form, "dashed")
        values = {
            "NAME": (g.full_name(), "name"), "SUR": (g.surname(), "name"),
            "PHONE": (g.phone(numeric_form), "phone"), "ID": (g.id_card(id_form), "id_card"),
            "CARD": (g.bank_card(card_form), "bank_card"),
            "LAND": (g.landline(land_form), "landline"),
            "EMAIL": (g.email("plain"), "email"),
            "ADDR": (g.address(r.choice(["full", "municipality", "city_first", "community"])),
                     "address"),
        }
        text, spans = render(frame, values, r)
        add(text, spans, numeric_form, "multi")

    neg_seen: set[str] = set()
    attempts = 0
    while sum(1 for c in cases if not c["spans"]) < 240 and attempts < 5000:
        attempts += 1
        frame, note = r.choice(NEGATIVES)
        text, spans = render(frame, {}, r)
        if text in neg_seen:
            continue
        neg_seen.add(text)
        add(text, spans, "negative", f"negative/{note}")

    for i, case in enumerate(cases, 1):
        case["id"] = f"pii-{i:04d}"
        for sp in case["spans"]:
            assert 0 <= sp["start"] < sp["end"] <= len(case["text"])
        starts = sorted((s["start"], s["end"]) for s in case["spans"])
        assert all(a[1] <= b[0] for a, b in zip(starts, starts[1:], strict=False)), case
    return cases


def dumps(cases: list[dict]) -> str:
    return "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="compare with the file, write nothing")
    args = ap.parse_args(argv)
    cases = build_cases()
    text = dumps(cases)
    if args.check:
        same = args.out.is_file() and args.out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{args.out} differs from a fresh build")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    n_pos = sum(1 for c in cases if c["spans"])
    types = Counter(s["type"] for c in cases for s in c["spans"])
    print(f"wrote {len(cases)} cases ({n_pos} with PII, {len(cases) - n_pos} negative) to "
          f"{args.out}; spans per type: {dict(sorted(types.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

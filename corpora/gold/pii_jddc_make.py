"""Build PII cases from real, desensitised JD.com service chats (issue #8); never committed.

Source: ``../shared/data/JDDC2019_chat_sample/chat_0.1per.txt`` (JDDC 2019 sample; see its
``SOURCE.md``: internal evaluation only, so neither its text nor the built cases enter the
repository). The desensitiser replaced personal data by placeholders (``[姓名x]``,
``[地址x]``, ``[电话x]``, ``[身份证号x]``, ``[邮箱x]``). Their contexts are real
customer-service language nobody on the team wrote; this script fills them with invented
values and records each filled span, so masking recall and precision can be measured on
ordinary text rather than on sets written by the code's author.

The rules below were written, and this file committed, **before** any masker ran on its
output. They look only at the placeholder's context, never at what a masker does.

Which slots are personal data
-----------------------------
The desensitiser over-masks (``九洲[姓名x]`` in a product title, ``谢[姓名x]`` for 谢谢,
``[姓名x]票`` for 发票, ``订单号:[电话x]``). A slot is **kept** (filled and labelled) only by
one of these rules; an utterance with any slot of the five kinds that no rule keeps is
**dropped whole** (neither positive nor negative), and the drops are counted by reason.

Names (``[姓名x]``) -- the slot must be *free-standing* (no Han character or Latin letter
directly on either side, no ``(`` after it as in a brand ``[姓名x](Haier)``) and one of:

* N1 cue: directly preceded (spaces and ``:：`` between allowed) by a name cue word
  (配送员, 收件人, 收货人, 联系人, 姓名, 名字, 开户名, 户名, 持卡人, 我叫, 本人);
* N2 contact line: next to another personal slot of the same utterance -- ``[地址x]``,
  ``[电话x]``, ``[身份证号x]`` or a ``[数字x]`` followed by a separator or the end (not
  ``[数字x]点``) -- with only spaces or ``,，;；:：`` between;
* N3 answer: the utterance is the slot alone (punctuation aside) and the previous utterance
  of the session asks for a name (姓名, 名字, 收货人, 收件人, 联系人, 称呼, 贵姓).

Kept name slots are filled with a full name (surname + one or two given characters, a few
two-character surnames); about 15 % of N2 slots are filled as surname + 先生/女士/小姐,
whose span is the surname alone (the convention of the earlier hold-outs).

Addresses (``[地址x]``):

* A1 place prefix: the Han run directly before the slot, after removing one leading cue
  word (地址是, 地址, 新地址是, 收货地址, 改成, 换成, 寄到, 送到, 邮寄到, 寄老家, 老家, 我在,
  在, 是, 发), is 2 or 3 characters long (a province or city name), and the 12 characters
  before the slot (16 since the first check of the filled output) contain no organisation
  or logistics word, and no other placeholder is glued after it (银行, 支行, 分行, 公司, 单位,
  抬头, 名称, 税号, 开户, 中国, 京东, 分拣, 库房, 中心, 送往, 发往, 到达, 从, 时间);
* A2 answer: the slot alone as the utterance, after an utterance asking for an address
  (地址).

Kept address slots are filled with an invented tail in the style of a delivery address
(city / district, road and number, often an estate with building, unit and room), chosen by
the prefix: after a province a city comes first; after 北京/上海/天津/重庆 the tail starts
with 市; after another city a district; a bare slot gets a whole address. The gold span is
the filled tail (the prefix the chat already had, a province or city alone, is not a
personal address by itself).

Numbers: ``[电话x]`` is kept when free-standing (no letter, digit placeholder or Han digit
run glued to it) and not after 订单号, 运单号, 识别号/码, 条形码 or 税号; it is filled with a
mobile number (plain, 3-4-4 with spaces or hyphens, +86) or, for a fifth, a landline
(area code-number; the area code is one that exists: 010, 02X, 0[3-9][1-9]X -- the first
version drew any 0AA or 0AAA, 0116 included, a bug seen on the first dev look and fixed, which
redrew every filled value). ``[身份证号x]`` is kept when free-standing and not after 税号,
识别号 or 号; it is filled with an 18-digit number with a valid check digit. ``[邮箱x]`` is
kept when free-standing and filled with an invented e-mail address.

Other placeholders (``[数字x]``, ``[订单x]``, ``[金额x]`` ...) stay as they are.

Negatives: a seeded sample of utterances with none of the five placeholders; they are real
text, so a "false positive" there may now and then be personal data the desensitiser missed
(the benchmark prints them for reading with ``--show-errors``).

Split: sessions are shuffled with a fixed seed; the first half of them is ``dev``, the rest
``heldout``.

Names and places
----------------
Written for this file by its author, not taken from ``cxtext/resources`` or jieba's
dictionary: the surnames are the commonest Chinese surnames as listed in the public
household-registration surname rankings (公安部 户籍人口 姓氏排名, top 100, from memory),
the given names and given-name pairs are ordinary names of several generations written by
hand, and the roads, estates and districts are generic street and estate names found in
most Chinese cities.

Usage::

    python corpora/gold/pii_jddc_make.py [--src PATH] [--out cases.jsonl]   # prints counts
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SRC = REPO.parent / "shared" / "data" / "JDDC2019_chat_sample" / "chat_0.1per.txt"
SEED = 20261123
N_NEGATIVES = 1000

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤"
)
DOUBLE_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方")
GIVEN_2 = tuple(re.findall(r"\S+",
    "建国 建军 建华 国强 志强 志明 海燕 秀英 桂英 玉兰 秀兰 淑珍 丽娟 丽华 红梅 春梅 晓东 晓燕 "
    "文杰 文静 俊杰 浩然 子轩 梓涵 欣怡 雨桐 思远 嘉怡 宇航 佳琪 一鸣 诗涵 若曦 明轩 天佑 "
    "振华 德明 永强 卫东 爱华 凤英 金凤 小红 小军 立新 春燕 海涛 光明 晨曦 梦瑶 雅琴 慧敏 "
    "家豪 志伟 伟东 雪梅 美玲 婉婷 芳芳 静怡 子豪 博文 铭泽 若彤 可欣 欣然 紫萱 锦程 昊天")
)
GIVEN_1 = tuple("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂斌辉玲鹏华飞鑫波宁琳萍颖浩倩毅亮凯")
TITLES = ("先生", "女士", "小姐")

PROVINCES = tuple(re.findall(r"\S+",
    "河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 "
    "贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆")
)
MUNICIPALITIES = ("北京", "上海", "天津", "重庆")
CITIES = ("南阳", "洛阳", "襄阳", "宜昌", "株洲", "衡阳", "绵阳", "南充", "赣州", "九江", "泉州",
          "漳州", "温州", "嘉兴", "扬州", "常州", "临沂", "潍坊", "佛山", "江门", "柳州", "桂林")
DISTRICTS = ("朝阳区", "海淀区", "城关区", "新城区", "高新区", "经开区", "金水区", "江北区",
             "西湖区", "天河区", "武侯区", "雨花区", "鼓楼区", "开发区", "龙华区", "滨湖区",
             "长安区", "和平区", "南山区", "沙坪坝区")
TOWNS = ("城关镇", "新华街道", "东风街道", "石桥镇", "大王庄乡", "柳林镇")
ROADS = ("人民路", "解放路", "建设路", "中山路", "和平路", "新华路", "胜利路", "文化路",
         "长江路", "黄河路", "光明街", "青年路", "工农路", "东风路", "花园路", "育才路",
         "幸福大街", "迎宾大道", "滨江大道", "北京路", "南京西路", "科技二路")
ESTATES = ("阳光花园", "锦绣家园", "幸福小区", "金色港湾", "碧水湾", "翠苑", "紫荆花园",
           "名都城", "万家小区", "富力城", "书香苑", "丽景湾", "东方明珠小区", "和谐家园",
           "龙湖春江郦城", "万科城", "教师新村", "电力小区")
VILLAGES = ("李家村", "王庄村", "后营村", "东河村", "大石桥村")

NAME_CUES = ("配送员", "收件人", "收货人", "联系人", "姓名", "名字", "开户名", "户名", "持卡人",
             "我叫", "本人")
ASK_NAME = re.compile(r"姓名|名字|收货人|收件人|联系人|称呼|贵姓")
ASK_ADDR = re.compile(r"地址")
ADDR_CUES = ("新地址是", "收货地址", "地址是", "邮寄到", "寄老家", "地址", "改成", "换成",
             "寄到", "送到", "老家", "我在", "在", "是", "发")
ADDR_VETO = re.compile(r"银行|支行|分行|公司|单位|抬头|名称|税号|开户|中国|京东|分拣|库房|中心"
                       r"|送往|发往|到达|从|时间")
PHONE_VETO = re.compile(r"(订单号|运单号|识别号|识别码|条形码|税号)[:：\s]*$")
ID_VETO = re.compile(r"(税号|识别号|号)[:：\s]*$")

KINDS = {"姓名": "name", "地址": "address", "电话": "phone", "身份证号": "id_card",
         "邮箱": "email"}
SLOT = re.compile(r"\[(姓名|地址|电话|身份证号|邮箱)x\]")
ANY_SLOT = re.compile(r"\[[^\[\]]{1,12}x\]")
SEP = " ,，;；:："
HAN = re.compile(r"[\u4e00-\u9fff]")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def read_rows(src: Path) -> list[tuple[str, int, str]]:
    """(session id, role 0 customer / 1 agent, text) per utterance, in file order."""
    rows = []
    with src.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 7:
                continue
            rows.append((parts[0], int(parts[2]) if parts[2].isdigit() else 0,
                         "\t".join(parts[6:])))
    return rows


def _free(text: str, start: int, end: int) -> bool:
    """No Han character or Latin letter glued to either side of the slot."""
    left = text[start - 1] if start > 0 else " "
    right = text[end] if end < len(text) else " "
    return not (HAN.match(left) or HAN.match(right) or left.isascii() and left.isalpha()
                or right.isascii() and right.isalpha())


def _neighbour_slot(text: str, start: int, end: int) -> bool:
    """Another personal or number slot beside this one, only separators between; a
    ``[数字x]`` counts only when nothing but a separator or the end follows it (not
    ``[数字x]点``)."""
    before = text[:start].rstrip(SEP)
    after = text[end:].lstrip(SEP)
    pattern = r"\[(地址|电话|身份证号)x\]"
    number = r"\[数字x\](?=$|[ ,，;；:：。.!！?？])"
    return bool(re.search(f"({pattern}|{number})$", before)
                or re.match(f"{pattern}|{number}", after))


def _alone(text: str, start: int, end: int) -> bool:
    rest = (text[:start] + text[end:]).strip(" ,，.。!！?？~～、")
    return rest == ""


def classify(text: str, m: re.Match, prev: str) -> str | None:
    """Rule name keeping the slot (N1, N2, N3, A1, A2, P, I, E) or None (utterance dropped)."""
    kind, start, end = KINDS[m.group(1)], m.start(), m.end()
    before = text[:start]
    if kind == "name":
        if not _free(text, start, end) or text[end:end + 1] in ("(", "（"):
            return None  # glued to a word (九洲[姓名x]) or a brand's Latin name ([姓名x](Haier))
        if before.rstrip(" :：").endswith(NAME_CUES):
            return "N1"
        if _neighbour_slot(text, start, end):
            return "N2"
        if _alone(text, start, end) and ASK_NAME.search(prev):
            return "N3"
        return None
    if kind == "address":
        if _alone(text, start, end):
            return "A2" if ASK_ADDR.search(prev) else None
        run = re.search(r"[\u4e00-\u9fff]*$", before).group()
        for cue in ADDR_CUES:
            if run.startswith(cue) and len(run) > len(cue):
                run = run[len(cue):]
                break
        if (2 <= len(run) <= 3 and not ADDR_VETO.search(before[-16:])
                and not text[end:].startswith("[")):
            return "A1"
        return None
    glued = re.search(r"(x\]|[0-9A-Za-z])$", before) or re.match(r"\[|[0-9A-Za-z]", text[end:])
    if glued:
        return None
    if kind == "phone":
        return None if PHONE_VETO.search(before) else "P"
    if kind == "id_card":
        return None if ID_VETO.search(before) else "I"
    return "E"


def _name(rng: random.Random, titled: bool) -> tuple[str, int]:
    """(filled text, length of the span from its start)."""
    sur = rng.choice(DOUBLE_SURNAMES) if rng.random() < 0.03 else rng.choice(SURNAMES)
    if titled:
        return sur + rng.choice(TITLES), len(sur)
    given = rng.choice(GIVEN_1) if rng.random() < 0.25 else rng.choice(GIVEN_2)
    return sur + given, len(sur) + len(given)


def _address_tail(rng: random.Random, prefix: str) -> str:
    street = f"{rng.choice(ROADS)}{rng.randint(1, 399)}号"
    r = rng.random()
    if r < 0.45:
        street += (f"{rng.choice(ESTATES)}{rng.randint(1, 30)}栋{rng.randint(1, 6)}单元"
                   f"{rng.randint(1, 32)}{rng.randint(1, 4):02d}室")
    elif r < 0.6:
        street = f"{rng.choice(ESTATES)}{rng.randint(1, 30)}号楼{rng.randint(101, 2804)}"
    elif r < 0.7:
        street = (f"{rng.choice(TOWNS)}{rng.choice(VILLAGES)}{rng.randint(1, 12)}组"
                  f"{rng.randint(1, 99)}号")
    district = rng.choice(DISTRICTS)
    if prefix in MUNICIPALITIES:
        return f"市{district}{street}"
    if any(prefix.endswith(p) for p in PROVINCES):
        return f"{rng.choice(CITIES)}市{district}{street}"
    if prefix:
        return f"{rng.choice(('', '市'))}{district}{street}"
    return f"{rng.choice(PROVINCES)}{rng.choice(CITIES)}市{district}{street}"


def _phone(rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.2:  # area codes that exist: 010, 02X, 0[3-9][1-9]X
        r = rng.random()
        area = ("10" if r < 0.1 else f"2{rng.randint(0, 9)}" if r < 0.4
                else f"{rng.randint(3, 9)}{rng.randint(1, 9)}{rng.randint(0, 9)}")
        return f"0{area}-{rng.randint(2000000, 89999999)}", "landline"
    digits = (rng.choice(("13", "15", "17", "18", "19")) + str(rng.randint(0, 9))
              + "".join(str(rng.randint(0, 9)) for _ in range(8)))
    r = rng.random()
    if r < 0.6:
        return digits, "phone"
    if r < 0.75:
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}", "phone"
    if r < 0.9:
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}", "phone"
    return f"+86 {digits}", "phone"


def _id_card(rng: random.Random) -> str:
    area = rng.choice(("110105", "310104", "440106", "420111", "510107", "330106", "410102"))
    birth = f"{rng.randint(1950, 2004)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    body = area + birth + f"{rng.randint(0, 999):03d}"
    return body + _ID_CHECK[sum(int(c) * w for c, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]


def _email(rng: random.Random) -> str:
    user = rng.choice(("zhang", "liwei", "xiaoyu", "wanghong", "chen", "lily", "jun"))
    host = rng.choice(("qq.com", "163.com", "126.com", "sina.com"))
    return f"{user}{rng.randint(1, 9999)}@{host}"


def fill(text: str, prev: str, rng: random.Random) -> tuple[str, list[dict]] | str:
    """Filled text and gold spans, or the reason the utterance is dropped."""
    matches = list(SLOT.finditer(text))
    rules = [classify(text, m, prev) for m in matches]
    for m, rule in zip(matches, rules, strict=True):
        if rule is None:
            return f"unkept {KINDS[m.group(1)]}"
    out, spans, pos = [], [], 0
    length = 0
    for m, rule in zip(matches, rules, strict=True):
        out.append(text[pos:m.start()])
        length += m.start() - pos
        kind = KINDS[m.group(1)]
        if kind == "name":
            value, span_len = _name(rng, titled=rule == "N2" and rng.random() < 0.15)
        elif kind == "address":
            prefix = re.search(r"[\u4e00-\u9fff]*$", text[:m.start()]).group()
            value = _address_tail(rng, prefix if rule == "A1" else "")
            span_len = len(value)
        elif kind == "phone":
            value, kind = _phone(rng)
            span_len = len(value)
        elif kind == "id_card":
            value = _id_card(rng)
            span_len = len(value)
        else:
            value = _email(rng)
            span_len = len(value)
        spans.append({"start": length, "end": length + span_len, "type": kind, "rule": rule})
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), spans


def build(src: Path = SRC, seed: int = SEED) -> tuple[list[dict], Counter]:
    """Every case (``split`` is ``dev`` or ``heldout``) and counts of kept and dropped slots."""
    rows = read_rows(src)
    rng = random.Random(seed)
    sessions = sorted({s for s, _, _ in rows})
    random.Random(seed).shuffle(sessions)
    dev = set(sessions[: len(sessions) // 2])
    stats: Counter = Counter()
    cases, negatives = [], []
    prev_by_session: dict[str, str] = {}
    for i, (sid, role, text) in enumerate(rows):
        prev = prev_by_session.get(sid, "")
        prev_by_session[sid] = text
        split = "dev" if sid in dev else "heldout"
        base = {"form": "agent" if role else "customer", "split": split,
                "session": hashlib.sha256(sid.encode()).hexdigest()[:10]}
        if SLOT.search(text):
            got = fill(text, prev, rng)
            if isinstance(got, str):
                stats["dropped: " + got] += 1
                continue
            filled, spans = got
            for s in spans:
                stats[f"kept {s['type']} ({s['rule']})"] += 1
            cases.append({"id": f"jddc-{i:05d}", "text": filled, "spans": spans, **base})
        else:
            negatives.append({"id": f"jddc-{i:05d}", "text": text, "spans": [], **base})
    for case in random.Random(seed + 1).sample(negatives, min(N_NEGATIVES, len(negatives))):
        cases.append(case)
    cases.sort(key=lambda c: c["id"])
    stats["cases with PII"] = sum(1 for c in cases if c["spans"])
    stats["negatives"] = sum(1 for c in cases if not c["spans"])
    for split in ("dev", "heldout"):
        stats[f"{split} cases"] = sum(1 for c in cases if c["split"] == split)
    return cases, stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=SRC)
    ap.add_argument("--out", type=Path, help="write the cases here (outside the repository)")
    args = ap.parse_args(argv)
    if not args.src.is_file():
        print(f"{args.src} not found (the JDDC sample lives in ../shared/data)", file=sys.stderr)
        return 1
    cases, stats = build(args.src)
    for key in sorted(stats):
        print(f"{key}: {stats[key]}")
    if args.out:
        with args.out.open("w", encoding="utf-8") as fh:
            for c in cases:
                fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

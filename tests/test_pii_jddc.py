"""PII round 6: what the real JDDC chats showed (cues of delivery staff, contact lines) and
the builder of the JDDC cases (``corpora/gold/pii_jddc_make.py``).

The sentences here are written for the tests; none is copied from the JDDC sample.
"""

from __future__ import annotations

import importlib.util
import random
import re
from pathlib import Path

import pytest

from cxtext.text.pii import find_pii, mask_pii

REPO = Path(__file__).resolve().parents[1]


def _load_make():
    spec = importlib.util.spec_from_file_location(
        "pii_jddc_make", REPO / "corpora" / "gold" / "pii_jddc_make.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make = _load_make()


def _names(text: str) -> list[str]:
    return [text[m.start:m.end] for m in find_pii(text) if m.type == "name"]


# --- delivery and service staff named after their role word ---------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("配送员:上官博文，电话:0617-25354148", "上官博文"),
    ("配送员：诸葛霞，电话：13912345678", "诸葛霞"),
    ("快递员:司马光明 请您留意电话", "司马光明"),
    ("安装师傅:欧阳丽 明天上午上门", "欧阳丽"),
    ("送货员是孙阳，您联系他就行", "孙阳"),
    ("配送员:张伟", "张伟"),
])
def test_delivery_role_names(text: str, name: str) -> None:
    assert _names(text) == [name]


@pytest.mark.parametrize("text", [
    "配送员说明天送",
    "配送员会联系您的",
    "快递员都不接电话",
    "快递小哥很好",
    "安装师傅上门要收费吗",
    "配送员电话打不通",
    "骑手已取餐",
    "维修师傅明天到",
    "配送员已出发，请保持电话畅通",
])
def test_delivery_role_words_alone_are_not_names(text: str) -> None:
    assert _names(text) == []


def test_delivery_role_keeps_the_title_out() -> None:
    assert mask_pii("配送员王师傅马上到") == "配送员[姓名]师傅马上到"


# --- the JDDC case builder: slot rules (invented lines, no JDDC text) ---------------------

def _rule(text: str, prev: str = "") -> list[str | None]:
    return [make.classify(text, m, prev) for m in make.SLOT.finditer(text)]


@pytest.mark.parametrize(("text", "prev", "rules"), [
    ("配送员:[姓名x]，电话:[电话x]", "", ["N1", "P"]),
    ("北京[地址x] [姓名x] [数字x]", "", ["A1", "N2"]),
    ("[姓名x]", "请提供一下收货人姓名", ["N3"]),
    ("[姓名x]", "还有别的问题吗", [None]),
    ("好的 [姓名x]", "", [None]),
    ("谢[姓名x]", "", [None]),
    ("[姓名x]票", "", [None]),
    ("[姓名x](Haier) 热水器", "", [None]),
    ("[姓名x][数字x]点联系您", "", [None]),
    ("改成上海[地址x]", "", ["A1"]),
    ("招商银行北京[地址x]支行", "", [None]),
    ("[地址x]", "您的新地址是?", ["A2"]),
    ("订单号:[电话x]", "", [None]),
    ("VF[电话x]", "", [None]),
    ("税号:[身份证号x]", "", [None]),
    ("[身份证号x] [姓名x]", "", ["I", "N2"]),
    ("邮箱:[邮箱x] 谢谢", "", ["E"]),
])
def test_slot_rules(text: str, prev: str, rules: list[str | None]) -> None:
    assert _rule(text, prev) == rules


def test_fill_records_exact_spans() -> None:
    rng = random.Random(3)
    text = "邮寄地址:山东[地址x] 电话:[电话x] 收件人:[姓名x] 身份证[身份证号x]"
    filled, spans = make.fill(text, "", rng)
    assert [s["type"] for s in spans][:1] == ["address"]
    assert "[" not in filled
    for s in spans:
        value = filled[s["start"]:s["end"]]
        if s["type"] == "address":
            assert re.search(r"(区|市).*\d+号", value)
        elif s["type"] == "phone":
            assert len(re.sub(r"\D", "", value)) in (11, 13)
        elif s["type"] == "landline":
            assert re.fullmatch(r"0(10|2\d|[3-9][1-9]\d)-\d{7,8}", value)
        elif s["type"] == "name":
            assert 1 <= len(value) <= 4 and value[0] in make.SURNAMES + "欧司上诸东"
        elif s["type"] == "id_card":
            assert len(value) == 18


def test_fill_drops_an_utterance_with_an_unkept_slot() -> None:
    assert make.fill("好的 [姓名x] 北京[地址x]", "", random.Random(0)) == "unkept name"


def test_id_check_digit() -> None:
    # GB 11643: 11010519491231002X is the standard's own example
    body = "11010519491231002"
    weights = sum(int(c) * w for c, w in zip(body, make._ID_WEIGHTS, strict=True))
    assert make._ID_CHECK[weights % 11] == "X"
    value = make._id_card(random.Random(1))
    s = sum(int(c) * w for c, w in zip(value[:17], make._ID_WEIGHTS, strict=True))
    assert value[17] == make._ID_CHECK[s % 11]


@pytest.mark.shared_data
def test_jddc_build_is_seeded_and_split_by_session(shared_data: Path) -> None:
    src = shared_data / "JDDC2019_chat_sample" / "chat_0.1per.txt"
    if not src.is_file():
        pytest.skip("JDDC2019_chat_sample is not in the shared data")
    cases, stats = make.build(src)
    again, _ = make.build(src)
    assert cases == again
    assert stats["negatives"] == 1000
    halves = {c["split"] for c in cases}
    assert halves == {"dev", "heldout"}
    by_session: dict[str, set[str]] = {}
    for c in cases:
        by_session.setdefault(c["session"], set()).add(c["split"])
    assert all(len(v) == 1 for v in by_session.values())
    for c in cases:
        for s in c["spans"]:
            assert 0 <= s["start"] < s["end"] <= len(c["text"])
            assert "[" not in c["text"][s["start"]:s["end"]]


# --- contact lines: a name standing beside the number, e-mail or address it goes with -----

@pytest.mark.parametrize(("text", "names"), [
    ("13812345678 贺琳", ["贺琳"]),
    ("贺琳，13812345678", ["贺琳"]),
    ("贺琳13812345678", ["贺琳"]),
    ("北京市朝阳区建国路88号 贺琳 13812345678", ["贺琳"]),
    ("王芳 139 1234 5678", ["王芳"]),
    ("李娜，138-1234-5678，上海市浦东新区世纪大道100号", ["李娜"]),
    ("陈静 15812345678 广东广州市天河区天河路385号", ["陈静"]),
    ("刘洋/13712345678", ["刘洋"]),
    ("13812345678 王建国 好的谢谢", ["王建国"]),
    ("上官博文 13812345678", ["上官博文"]),
])
def test_contact_line_names(text: str, names: list[str]) -> None:
    assert _names(text) == names


@pytest.mark.parametrize("text", [
    "好的 13812345678", "马上 13812345678", "明天 13812345678", "高兴 13812345678",
    "京东 010-12345678", "苏宁 13812345678", "江苏 13812345678", "华为 13812345678",
    "先生 13812345678", "黄金 13812345678", "方便 13812345678", "周一 13812345678",
    "金额 13812345678", "申请 13812345678", "晚上 13812345678",
    "恒龙广场、梅龙镇、中信泰富20分钟",  # a place after a place, not a name
    "收货人张伟的电话打不通 13812345678 的那个",  # the run is longer than a name
])
def test_contact_line_words_are_not_names(text: str) -> None:
    assert [n for n in _names(text) if n != "张伟"] == []


# --- a bare role noun followed by a word names nobody ------------------------------------

@pytest.mark.parametrize(("text", "names"), [
    ("是的呢 需要地址 收货人商品一致哦", []),
    ("收货人信息填错了", []),
    ("收货人张伟", ["张伟"]),
    ("收件人黄金凤", ["黄金凤"]),  # a word (黄金), then a clearly name-like character
    ("我是持卡人欧阳建红本人。", ["欧阳建红"]),
    ("户主张建国", ["张建国"]),
])
def test_role_noun_then_word(text: str, names: list[str]) -> None:
    assert _names(text) == names


# --- a name field being changed or filled in; a name greeted ------------------------------

@pytest.mark.parametrize(("text", "names"), [
    ("收件人改成王小明", ["王小明"]),
    ("把收货人改成李娜吧", ["李娜"]),
    ("发票抬头写张伟就行", ["张伟"]),
    ("帮我打发票名字孙立新 抬头个人", ["孙立新"]),
    ("名字填李娜", ["李娜"]),
    ("抬头写公司名称", []),
    ("抬头改成单位", []),
    ("收货人改成我自己", []),
    ("收件人写错了", []),
    ("收件人改成公司前台", []),
])
def test_name_field_changed(text: str, names: list[str]) -> None:
    assert _names(text) == names


@pytest.mark.parametrize(("text", "names"), [
    ("张伟 您好，请问有什么可以帮您", ["张伟"]),
    ("孙阳你好", ["孙阳"]),
    ("欧阳娜娜 您好", ["欧阳娜娜"]),
    ("各位您好", []), ("老师您好", []), ("美女你好", []), ("师傅你好", []),
    ("同学你好", []), ("帅哥你好", []), ("京东你好", []), ("亲爱的您好", []),
    ("好的 您好", []), ("晚上您好", []), ("小姐姐您好", []),
])
def test_greeted_names(text: str, names: list[str]) -> None:
    assert _names(text) == names


# --- addresses typed with spaces: a building after the street, a 段 ----------------------

@pytest.mark.parametrize(("text", "masked"), [
    ("取件地址 杭州市余杭区五常街道文一西路969号 3号楼", "取件地址 [地址]"),
    ("送到公司 北京市海淀区中关村大街1号 海龙大厦 5层", "送到公司 [地址]"),
    ("长沙 开福区 芙蓉中路二段 17号", "长沙 [地址]"),
    ("我住在2号楼，2号楼没有电梯", "我住在2号楼，2号楼没有电梯"),
    ("住在朝阳区 3个月了", "住在朝阳区 3个月了"),
    ("静安区 8点送到", "静安区 8点送到"),
])
def test_spaced_address_pieces(text: str, masked: str) -> None:
    assert mask_pii(text) == masked


# --- 才 and 钱 in road names (found on the JDDC held-out look, fixed after it) -----------

@pytest.mark.parametrize(("text", "masked"), [
    ("收货地址 重庆市渝北区育才路20号 谢谢", "收货地址 [地址] 谢谢"),
    ("杭州市上城区钱江路58号", "[地址]"),
    ("我刚才寄到人民路5号了", "我刚才寄到[地址]了"),
    ("还钱到5号", "还钱到5号"),
    ("才5号就到了", "才5号就到了"),
])
def test_cai_and_qian_in_road_names(text: str, masked: str) -> None:
    assert mask_pii(text) == masked

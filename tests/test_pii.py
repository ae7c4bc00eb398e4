"""PII masking: every type and written form, the false-positive classes, idempotence,
overlaps, the DataFrame API, parameter errors, properties, and recall on the case set."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxtext.text import _pii_patterns as pp
from cxtext.text.pii import (
    PII_TYPES,
    PLACEHOLDERS,
    PiiMatch,
    find_pii,
    mask_pii,
    mask_pii_many,
)

CASES = Path(__file__).resolve().parents[1] / "corpora" / "gold" / "pii_cases.jsonl"

PHONE, LAND, ID, CARD = "[手机号]", "[座机]", "[身份证号]", "[银行卡号]"
MAIL, NAME, ADDR = "[邮箱]", "[姓名]", "[地址]"

# (input, expected output)
POSITIVE = {
    "phone": [
        ("我的手机号是13812345678", f"我的手机号是{PHONE}"),
        ("手机138 1234 5678，谢谢", f"手机{PHONE}，谢谢"),
        ("手机138-1234-5678", f"手机{PHONE}"),
        ("号码 138  1234  5678 对", f"号码 {PHONE} 对"),
        ("+86 138 1234 5678", PHONE),
        ("电话0086-13812345678", f"电话{PHONE}"),
        ("8613812345678是我的号", f"{PHONE}是我的号"),
        ("（+86）13812345678", PHONE),
        ("手机１３８１２３４５６７８", f"手机{PHONE}"),
        ("１３８－１２３４－５６７８", PHONE),
        ("手机一三八一二三四五六七八", f"手机{PHONE}"),
        ("幺三八 幺二三四 五六七八", PHONE),
        ("电话是幺五九洞洞两三四五六七", f"电话是{PHONE}"),
        ("一三八1234五六七八", PHONE),
        ("号码13812345678一直打不通", f"号码{PHONE}一直打不通"),
        ("13812345678或者13987654321都行", f"{PHONE}或者{PHONE}都行"),
    ],
    "landline": [
        ("座机010-12345678", f"座机{LAND}"),
        ("电话(0755)8888 6666", f"电话{LAND}"),
        ("021 6123 4567", LAND),
        ("0755-88886666转123找财务", f"{LAND}找财务"),
        ("0571-87654321-8021", LAND),
        ("（０２１）６１２３４５６７", LAND),
        ("零二一 六一二三 四五六七", LAND),
        ("家里电话02161234567", f"家里电话{LAND}"),
    ],
    "id_card": [
        ("身份证号110105199003072346", f"身份证号{ID}"),
        ("11010519491231002X是我的证件号", f"{ID}是我的证件号"),
        ("证件号11010519491231002x", f"证件号{ID}"),
        ("身份证110105 19900307 2346", f"身份证{ID}"),
        ("１１０１０５１９９００３０７２３４６", ID),
        ("身份证一一零一零五一九九零零三零七二三四六", f"身份证{ID}"),
        ("老身份证110105900307123", f"老身份证{ID}"),
        # checksum wrong (ASR), but 身份证 context and a valid birth date
        ("身份证号110105199003072345", f"身份证号{ID}"),
    ],
    "bank_card": [
        ("卡号6222021234567890128", f"卡号{CARD}"),
        ("卡号6222 0212 3456 7890 128被盗刷", f"卡号{CARD}被盗刷"),
        ("转到6225-8812-3456-7898了", f"转到{CARD}了"),
        ("６２２５８８１２３４５６７８９８", CARD),
        ("卡号六二二五八八一二三四五六七八九八", f"卡号{CARD}"),
        ("4367420012345673这张卡", f"{CARD}这张卡"),
        # Luhn fails (one digit misheard) but the clause says 卡号
        ("我的卡号是6225881234567899，冻结一下", f"我的卡号是{CARD}，冻结一下"),
    ],
    "email": [
        ("我的邮箱是zhang.wei@163.com谢谢", f"我的邮箱是{MAIL}谢谢"),
        ("发到Li_Na88@vip.sina.com。", f"发到{MAIL}。"),
        ("邮箱wangxm＠qq.com", f"邮箱{MAIL}"),
        ("邮箱zhangwei 艾特 163 点 com", f"邮箱{MAIL}"),
        ("13812345678@qq.com", MAIL),
    ],
    "name": [
        ("我叫张伟，手机坏了", f"我叫{NAME}，手机坏了"),
        ("我叫王小明想查一下", f"我叫{NAME}想查一下"),
        ("我姓李", f"我姓{NAME}"),
        ("免贵姓欧阳", f"免贵姓{NAME}"),
        ("本人刘洋，身份证丢了", f"本人{NAME}，身份证丢了"),
        ("持卡人是欧阳娜娜", f"持卡人是{NAME}"),
        ("持卡人：陈静", f"持卡人：{NAME}"),
        ("王先生您好", f"{NAME}先生您好"),
        ("好的李女士", f"好的{NAME}女士"),
        ("请问是张小姐吗", f"请问是{NAME}小姐吗"),
        ("陈总您好", f"{NAME}总您好"),
        ("我找赵经理", f"我找{NAME}经理"),
        ("高先生", f"{NAME}先生"),
        ("您好张伟先生", f"您好{NAME}先生"),
        ("免贵姓张，弓长张", f"免贵姓{NAME}，{NAME}"),
        ("客户闵子轩来电反映", f"客户{NAME}来电反映"),
        ("我叫康晨曦，褚丽华是我老公", f"我叫{NAME}，{NAME}是我老公"),
    ],
    "address": [
        ("北京市朝阳区建国路88号", ADDR),
        ("广东省深圳市南山区科技园南路18号3栋1201室", ADDR),
        ("上海浦东新区世纪大道100号", ADDR),
        ("我住在朝阳区建国路88号院3号楼2单元1201室", f"我住在{ADDR}"),
        ("麻烦寄到阳光花园小区5栋2单元301室，谢谢", f"麻烦寄到{ADDR}，谢谢"),
        ("老家是湖南省邵阳市隆回县桃洪镇石门村3组", f"老家是{ADDR}"),
        ("地址：江苏省南京市鼓楼区中山路一百零二号", f"地址：{ADDR}"),
    ],
}

NEGATIVE = {
    "amounts": ["扣了5000元", "一共12,000.00元", "借了3万块", "一万五千元", "¥8888",
                "转账13812345678元", "￥6222021234567890128", "余额13812345678.50"],
    "dates_times": ["2024年3月15日", "2024-03-15", "20240315", "15:30", "三月十五号",
                    "交易时间20240315153045", "2024-03-15 15:30:45"],
    "card_tails": ["尾号1234", "后四位5678", "卡尾号是六六八八", "末四位八八六六的卡"],
    "order_numbers": ["订单号20240315123456789", "交易流水号4012888888881881",
                      "工单编号202403151234", "快递单号 4012888888881881",
                      "这个6225881234567899是什么"],
    "hotlines_codes": ["95588", "95555", "12378", "12315", "110", "400-820-8888",
                       "4008208888", "800-820-8820", "工号1023", "验证码638194"],
    "percent_products_years": ["利率3.85%", "年化百分之五", "薪金宝3号", "iPhone 15", "2025年",
                               "从2025开始", "App版本10.2.3"],
    "places": ["我在北京", "上海分行", "北京市朝阳区有几个网点", "深圳南山区的网点",
               "中山路那边的网点", "5楼3号窗口", "地铁2号线"],
    "names": ["先生您好", "我叫你们经理来", "我姓名填错了", "你们值班经理在吗", "我先生说卡丢了",
              "我要向经理反映", "今年总共扣了三次", "本人申请注销", "我是白金卡客户",
              "本人于2023年申请", "谢谢，先生您慢走", "我叫车过去吧"],
}


def _flat(d: dict[str, list]) -> list:
    return [pytest.param(*((k,) + (v if isinstance(v, tuple) else (v,))), id=f"{k}-{i}")
            for k, vs in d.items() for i, v in enumerate(vs)]


@pytest.mark.parametrize(("kind", "text", "expected"), _flat(POSITIVE))
def test_masks_each_type_and_form(kind: str, text: str, expected: str) -> None:
    assert mask_pii(text) == expected
    assert kind in {m.type for m in find_pii(text)}


@pytest.mark.parametrize(("kind", "text"), _flat(NEGATIVE))
def test_false_positive_classes_stay_unchanged(kind: str, text: str) -> None:
    assert find_pii(text) == []
    assert mask_pii(text) == text


def test_placeholders_and_types_contract() -> None:
    assert PII_TYPES == ("phone", "landline", "id_card", "bank_card", "email", "name", "address")
    assert PLACEHOLDERS == {
        "phone": "[手机号]", "landline": "[座机]", "id_card": "[身份证号]",
        "bank_card": "[银行卡号]", "email": "[邮箱]", "name": "[姓名]", "address": "[地址]",
    }  # fmt: skip


def test_find_pii_returns_frozen_matches_in_text_order() -> None:
    text = "我叫张伟，卡号6222021234567890128，手机13812345678，住在北京市朝阳区建国路88号"
    matches = find_pii(text)
    assert [m.type for m in matches] == ["name", "bank_card", "phone", "address"]
    assert all(text[m.start : m.end] == m.value for m in matches)
    assert [m.start for m in matches] == sorted(m.start for m in matches)
    assert matches[0] == PiiMatch("name", 2, 4, "张伟")
    with pytest.raises(AttributeError):
        matches[0].type = "phone"  # type: ignore[misc]


def test_types_filter() -> None:
    text = "我叫张伟，手机13812345678，邮箱zw@163.com"
    assert mask_pii(text, types=["phone"]) == "我叫张伟，手机[手机号]，邮箱zw@163.com"
    assert mask_pii(text, types=("name", "email")) == "我叫[姓名]，手机13812345678，邮箱[邮箱]"
    assert mask_pii(text, types="phone") == mask_pii(text, types=["phone"])
    assert [m.type for m in find_pii(text, types={"email"})] == ["email"]
    assert mask_pii(text, types=[]) == text


def test_overlaps_resolve_to_one_placeholder() -> None:
    # a mobile number inside an e-mail address: one placeholder, the longer span wins
    assert mask_pii("邮箱13812345678@qq.com") == "邮箱[邮箱]"
    assert mask_pii("13812345678@qq.com", types=["phone"]) == "13812345678@qq.com"
    # name-before-title and self-introduction describe the same span
    assert mask_pii("我叫王小明先生") == "我叫[姓名]先生"
    matches = find_pii("麻烦寄到北京市朝阳区建国路88号3栋1201室，收件人王小明，电话13812345678")
    spans = [(m.start, m.end) for m in matches]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert [m.type for m in matches] == ["address", "name", "phone"]


@pytest.mark.parametrize("text", [t for pairs in POSITIVE.values() for t, _ in pairs] + [
    "王先生，您的卡号6222021234567890128已挂失，新卡寄到上海浦东新区世纪大道100号",
    "[姓名]先生您好，[手机号]已登记", "我叫[姓名]，住在[地址]3栋", "手机[手机号]5678",
])
def test_idempotent(text: str) -> None:
    once = mask_pii(text)
    assert mask_pii(once) == once
    # placeholders are never matched themselves
    for placeholder in PLACEHOLDERS.values():
        assert mask_pii(placeholder) == placeholder


def test_mask_pii_rejects_non_str() -> None:
    for bad in (None, 13812345678, float("nan"), b"13812345678", ["a"]):
        with pytest.raises(TypeError, match="mask_pii expects a str"):
            mask_pii(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="find_pii expects a str"):
        find_pii(None)  # type: ignore[arg-type]


def test_unknown_type_error_message() -> None:
    msg = (
        "The 'types' parameter of mask_pii must be a subset of ['address', 'bank_card', "
        "'email', 'id_card', 'landline', 'name', 'phone']. Got ['phnoe'] instead."
    )
    with pytest.raises(ValueError) as exc:
        mask_pii("13812345678", types=["phnoe"])
    assert str(exc.value) == msg
    with pytest.raises(ValueError, match="parameter of find_pii must be a subset"):
        find_pii("x", types=["phone", "ssn"])
    with pytest.raises(ValueError, match="parameter of mask_pii_many must be a subset"):
        mask_pii_many(["x"], types=["nope"])


# --- mask_pii_many ---------------------------------------------------------------------------

COUNT_COLUMNS = ["pii_phone", "pii_landline", "pii_id_card", "pii_bank_card", "pii_email",
                 "pii_name", "pii_address", "pii_total"]


def test_mask_pii_many_columns_counts_and_missing() -> None:
    texts = [
        "我叫张伟，手机13812345678，备用138 8765 4321",
        None,
        "座机010-12345678，邮箱a@b.cn",
        float("nan"),
        "没有个人信息，扣了5000元",
        pd.NA,
    ]
    df = mask_pii_many(texts)
    assert list(df.columns) == ["text", *COUNT_COLUMNS]
    assert list(df.index) == list(range(6))
    assert df.loc[0, "text"] == "我叫[姓名]，手机[手机号]，备用[手机号]"
    assert df.loc[1, "text"] is None
    assert math.isnan(df.loc[3, "text"])
    assert df.loc[5, "text"] is pd.NA
    assert df.loc[0, ["pii_phone", "pii_name", "pii_total"]].tolist() == [2, 1, 3]
    assert df.loc[2, ["pii_landline", "pii_email", "pii_total"]].tolist() == [1, 1, 2]
    assert df.loc[[1, 3, 4, 5], COUNT_COLUMNS].to_numpy().sum() == 0
    assert df.loc[4, "text"] == "没有个人信息，扣了5000元"
    for col in COUNT_COLUMNS:
        assert df[col].dtype == np.int64
    assert (df["pii_total"] == df[COUNT_COLUMNS[:-1]].sum(axis=1)).all()


def test_mask_pii_many_series_keeps_index_order_and_input() -> None:
    s = pd.Series(["王先生您好", None, "卡号6222021234567890128"], index=["c", "a", "b"])
    before = s.copy()
    df = mask_pii_many(s)
    pd.testing.assert_series_equal(s, before)  # input not mutated
    assert list(df.index) == ["c", "a", "b"]
    assert df.loc["c", "text"] == "[姓名]先生您好"
    assert pd.isna(df.loc["a", "text"])
    assert df.loc["b", "text"] == "卡号[银行卡号]"
    assert df["pii_total"].tolist() == [1, 0, 1]


def test_mask_pii_many_object_series_keeps_none_and_list_not_mutated() -> None:
    s = pd.Series(["13812345678", None], dtype=object)
    assert mask_pii_many(s)["text"].tolist() == ["[手机号]", None]
    values = ["13812345678", "我姓李"]
    mask_pii_many(values)
    assert values == ["13812345678", "我姓李"]


def test_mask_pii_many_types_and_generator_and_empty() -> None:
    df = mask_pii_many((t for t in ["我叫张伟，手机13812345678"]), types=["phone"])
    assert df.loc[0, "text"] == "我叫张伟，手机[手机号]"
    assert df.loc[0, "pii_name"] == 0 and df.loc[0, "pii_phone"] == 1
    empty = mask_pii_many([])
    assert list(empty.columns) == ["text", *COUNT_COLUMNS] and len(empty) == 0


def test_mask_pii_many_rejects_other_types() -> None:
    with pytest.raises(TypeError, match="position 1"):
        mask_pii_many(["ok", 12345])


# --- resources and validators ----------------------------------------------------------------


def test_surnames_load_from_package_data() -> None:
    single, compound = pp.surnames()
    assert {"王", "李", "张", "刘", "陈"} <= single
    assert {"欧阳", "司马", "诸葛", "上官", "司徒"} <= compound
    assert pp.surnames() is pp.surnames()  # cached


@pytest.mark.parametrize(("number", "valid"), [
    ("11010519491231002X", True), ("110105199003072346", True), ("110105199003072345", False),
    ("110105199013072346", False), ("990105199003072346", False),
])
def test_id18_validation(number: str, valid: bool) -> None:
    assert pp.id18_valid(number) is valid


def test_luhn_and_old_id() -> None:
    assert pp.luhn_valid("6222021234567890128") and pp.luhn_valid("4111111111111111")
    assert not pp.luhn_valid("6222021234567890123")
    assert pp.id15_valid("110105900307123") and not pp.id15_valid("110105901307123")


# --- properties ------------------------------------------------------------------------------

_ALPHABET = (
    "0123456789０１２３４５６７８９一二三四五六七八九零幺两洞〇 -()（）+@._,，。：Xx"
    "我叫姓张王李欧阳先生女士经理总本人持卡是的北京市朝阳区路号栋单元室小区村卡号身份证手机元块万"
    "abcqz[]"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_property_any_text(text: str) -> None:
    out = mask_pii(text)
    assert isinstance(out, str)
    assert mask_pii(out) == out
    matches = find_pii(text)
    assert all(text[m.start : m.end] == m.value and m.start < m.end for m in matches)
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:], strict=False))


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**20), st.integers(min_value=0, max_value=99),
       st.sampled_from(["扣款{n}元", "¥{n}", "￥{n}.{c:02d}", "余额{n}.{c:02d}元", "{n:,}元",
                        "共计{n}块", "{n}万", "转了{n} 元给他", "人民币{n}"]))
def test_property_amounts_untouched(n: int, c: int, template: str) -> None:
    text = template.format(n=n, c=c)
    assert mask_pii(text) == text


# --- labelled case set -----------------------------------------------------------------------


def test_recall_on_labelled_cases() -> None:
    cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line]
    assert len(cases) >= 750 and sum(1 for c in cases if not c["spans"]) >= 150
    hit = total = predicted = correct = 0
    for case in cases:
        pred = find_pii(case["text"])
        predicted += len(pred)
        used: set[int] = set()
        for g in case["spans"]:
            total += 1
            need = 0.8 * (g["end"] - g["start"])
            for i, m in enumerate(pred):
                overlap = min(g["end"], m.end) - max(g["start"], m.start)
                if i not in used and m.type == g["type"] and overlap >= need:
                    used.add(i)
                    hit += 1
                    break
        correct += len(used)
    assert hit / total >= 0.99, f"recall {hit / total:.4f}"
    assert correct / predicted >= 0.98, f"precision {correct / predicted:.4f}"

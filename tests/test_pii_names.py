"""Statistical name detector beside the cue rules (issue #8, fifth round)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import cxtext as cx
from cxtext.text import _names, _names_build
from cxtext.text.pii import find_pii

RES = Path(_names_build.__file__).resolve().parents[1] / "resources"


def _names_in(text: str) -> list[str]:
    return [m.value for m in find_pii(text) if m.type == "name"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("丁建民12月5号打过来一笔钱", "丁建民"),  # sentence start, digits after
        ("毛晓峰说你们今天能放款", "毛晓峰"),  # a reporting verb after
        ("2024年1月15日，秦守仁从我账户划走了两万元", "秦守仁"),  # after a date
        ("共同借款人：黎明辉 麦秀芬", "麦秀芬"),  # a list separated by a space
        ("转账对象写成了管宏伟，写错了", "管宏伟"),
        ("我要求宗志鹏本人向我道歉", "宗志鹏"),
        ("喂是宁晓波吗", "宁晓波"),  # an everyday-word surname with clean neighbours
        ("我和景涛是合伙人，对公账户怎么变更", "景涛"),  # two characters after 和
    ],
)
def test_names_with_no_cue_word(text: str, name: str) -> None:
    assert name in _names_in(text)
    assert name not in cx.mask_pii(text)


@pytest.mark.parametrize(
    "text",
    [
        "这张卡是我妈的",  # a determiner before 张
        "高峰期打不进来，等了半小时",  # 高峰 is a word
        "马马虎虎，还行吧",  # reduplication
        "味道冷冰冰的",  # 冷冰冰 is a dictionary word
        "西门子的洗衣机不错",  # a compound surname starting a dictionary word
        "黄金价格今天跌了多少",
        "遇上陈大叔给我们做导游",  # a kinship word, not a given name
        "我有很多朋友在用你们的卡",
        "住在梅龙镇附近",  # a place suffix
        "旁边就是阳澄湖",
        "跟黄金一样保值",  # two characters after 跟: a dictionary word
        "帮林业局代发工资",
    ],
)
def test_words_are_not_names(text: str) -> None:
    assert _names.free_names(text) == []


def test_detector_runs_only_on_windows_that_pass_the_screen() -> None:
    st = _names.name_stats()
    assert st.screen.search("我想查一下余额") is None
    assert st.screen.search("丁建民打过来") is not None
    # an everyday-word surname never opens a window (有, 和 …)
    assert st.screen.search("有符海") is None


def test_scores_favour_name_characters() -> None:
    st = _names.name_stats()
    assert st.given["婷"] > 2.0 > 0 > st.given.get("的", -1.0)
    assert st.prior["王"] == 0.0 > st.prior["笪"]
    assert st.freq["高峰"] >= _names.PAIR_MIN


def test_shipped_name_stats_are_not_stale() -> None:
    # rebuilt from jieba's dictionary: a change to surnames.txt, given_name_chars.txt or the
    # builder without regenerating name_stats.tsv fails here
    shipped = (RES / "name_stats.tsv").read_text(encoding="utf-8").splitlines()
    assert shipped == _names_build.build_lines()
    side = (RES / "name_stats.md").read_text(encoding="utf-8")
    assert hashlib.sha256((RES / "name_stats.tsv").read_bytes()).hexdigest() in side
    for key in ("Source", "License", "Version"):
        assert f"**{key}" in side

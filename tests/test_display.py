"""Report display helpers: quotes cut at clause ends, scope line, action box, score changes."""

from __future__ import annotations

import pandas as pd
import pytest

from cxtext.display import actions, month_change, quotes, scope, shorten


def test_long_quote_is_cut_at_a_clause_end_not_mid_word():
    text = "我的房贷扣款却失败了，还算我逾期，耽误了我买房，违约金谁来出"
    out = shorten(text, 20)
    assert out == "我的房贷扣款却失败了，还算我逾期…"
    assert len(out) <= 20
    assert text.startswith(out[:-1])  # verbatim up to the cut
    # ASR text: cut at the space between phrases
    assert shorten("你好 我要投诉 你们电话太难打了 排了快半个小时的队", 16) == "你好 我要投诉…"
    assert shorten("短句", 10) == "短句"


def test_cut_without_a_clause_end_never_splits_a_placeholder():
    assert shorten("我的电话是[手机号]请尽快回电给我谢谢你们", 9) == "我的电话是…"
    # quotes() masks first, then cuts: the number never shows, whole or in part
    assert str(quotes(["我的电话是13812345678请尽快回电给我谢谢你们"], max_chars=9)) == (
        '<div class="cx-quote">我的电话是…</div>')


def test_scope_line_states_period_months_and_size():
    c = pd.DataFrame({"started_at": pd.to_datetime(["2025-01-03", "2025-02-10", "2025-03-30"]),
                      "customer_id": ["C1", "C2", "C1"]})
    line = str(scope(c, extra="画像截止 2025-04-01"))
    assert "2025-01-03 至 2025-03-30" in line and "3 个月" in line
    assert "会话 3 个" in line and "客户 2 位" in line and "画像截止 2025-04-01" in line
    assert "未知" in str(scope(pd.DataFrame({"x": [1]})))


def test_actions_box_escapes_and_drops_empty_items():
    box = str(actions(["回访 <b>60</b> 位", "", "复核禁语"]))
    assert box.count("<li>") == 2 and "&lt;b&gt;60&lt;/b&gt;" in box


def test_score_change_is_a_difference_in_points_not_a_percentage():
    d = pd.Series(pd.to_datetime(["2025-01-05", "2025-02-01", "2025-02-03"]))
    s = pd.Series([89.1, 87.0, 88.4])
    assert month_change(d, s, what="平均质检分", how="mean", fmt="{:.1f}", unit="分") == (
        "最近一个月（2025-02）平均质检分 87.7，较上月（89.1）下降 1.4 分。")
    flat = pd.Series([88.0, 88.0, 88.0])
    assert month_change(d, flat, how="mean", fmt="{:.1f}", unit="分").endswith("持平。")


@pytest.mark.parametrize("axis", ["x", "y"])
def test_percent_axis(axis):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from cxtext.plotting import percent_axis

    fig, ax = plt.subplots()
    percent_axis(ax, axis)
    fmt = (ax.xaxis if axis == "x" else ax.yaxis).get_major_formatter()
    assert fmt(0.25, 0) == "25%"
    plt.close(fig)
    with pytest.raises(ValueError, match="'axis' parameter"):
        percent_axis(ax, "z")


def test_top_table_exports_the_detailed_table(tmp_path, monkeypatch):
    from cxtext.display import REPORT_DIR_ENV, REPORT_NAME_ENV, top_table

    monkeypatch.setenv(REPORT_DIR_ENV, str(tmp_path))
    monkeypatch.setenv(REPORT_NAME_ENV, "churn_warning")
    short = pd.DataFrame({"客户": ["C1", "C2"], "原话": ["退钱", "销户"]})
    full = short.assign(全部原话=["退钱、把钱退给我", "销户、转走"])
    out = str(top_table(short, 5, csv_name="warnings", export=full))
    assert "全部原话" not in out and 'href="churn_warning_warnings.csv"' in out
    text = (tmp_path / "churn_warning_warnings.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "客户,原话,全部原话"


def test_distinct_quotes_drop_near_duplicates_only():
    texts = ["那最近一笔是什么时候进来的?", "那最近一笔是神马时候进来滴?",
             "喂?办签证需要存款证明,怎么开?", "办签证需要存款证明,怎么开?", "开存款证明要什么材料?"]
    shown = str(quotes(texts, distinct=True))
    assert shown.count("cx-quote") == 3
    assert "进来的" in shown and "神马" not in shown and "要什么材料" in shown
    assert str(quotes(texts)).count("cx-quote") == 5  # default: every quote


def test_portrait_card_badges_use_the_tag_line_words():
    from cxtext.display import portrait_cards

    p = pd.DataFrame({"customer_id": ["C1"], "tier_name": ["白金"],
                      "tag_line": ["白金客户·近30天投诉3次·扬言升级投诉·勿营销"],
                      "escalation": [True], "do_not_market": [True], "churn_intent": [False]})
    card = str(portrait_cards(p))
    assert '<span class="cx-flag">扬言升级投诉</span>' in card
    assert '<span class="cx-flag">勿营销</span>' in card and "有销户意向" not in card


def test_long_reference_numbers_are_masked_in_pages_and_csv(tmp_path, monkeypatch):
    from cxtext.display import REPORT_DIR_ENV, REPORT_NAME_ENV, clean_text, export_csv, table

    text = "是开发区支行，今天上午去的。订单号202501073001634455啊。电话13812345678，金额3,084.56元"
    shown = clean_text(text)
    assert "[编号]" in shown and "[手机号]" in shown and "3,084.56" in shown
    assert "202501073001634455" not in str(table(pd.DataFrame({"原话": [text]})))
    monkeypatch.setenv(REPORT_DIR_ENV, str(tmp_path))
    monkeypatch.setenv(REPORT_NAME_ENV, "churn_warning")
    path = export_csv(pd.DataFrame({"原话": [text]}), "warnings")
    assert "202501073001634455" not in path.read_text(encoding="utf-8-sig")


def test_shorten_is_idempotent_for_quotes_cut_upstream():
    # topics and churn evidence cut with shorten; quotes() cuts again with a larger limit
    text = ("@云澜银行没逾期却上了征信!我一直觉得你们银行挺靠谱的,可这次真不行。"
            "疫情期间说好的延期还款不上征信,结果还是上了!"
            "我有当时的还款凭证,现在房贷批不下来,首付都交了我真的很急")
    once = shorten(text, 80)
    assert once.endswith("现在房贷批不下来…")
    assert shorten(once, 200) == once and shorten(once, len(once)) == once
    assert str(quotes([once], max_chars=200)) == f'<div class="cx-quote">{once}</div>'
    assert shorten("请稍候……", 300) == "请稍候……"


def test_cut_never_splits_a_number_at_its_thousands_separator():
    # no clause end in the second half: cut at the limit, dropping the half-written amount
    text = "我的货款付不出去，转账金额是2,283.61元没到账"
    assert shorten(text, 21) == "我的货款付不出去，转账金额是…"
    # a clause end there, but "2,283" is one number, not two clauses
    assert shorten("转账金额是2,283.61元没到账啊你们", 10) == "转账金额是…"

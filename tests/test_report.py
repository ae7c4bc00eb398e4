"""The corpus-profile report renders to one self-contained, masked, code-free HTML file."""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import pytest

import cxtext as cx
from cxtext.report import REPORTS, render_report, write_index

REPO = Path(__file__).resolve().parents[1]
PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
ID18 = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")


@pytest.fixture(scope="module")
def rendered(rendered_profile):
    """``render_report("corpus_profile", parameters={"corpus_dir": small_corpus})`` and its
    HTML (conftest.rendered_profile: rendered in the background while other tests run)."""
    return rendered_profile


def test_report_is_self_contained_html(rendered):
    r, html = rendered
    assert r.path.name == "corpus_profile.html"
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="zh-CN">' in html
    assert "语料概况报告" in html
    # charts are embedded, nothing is fetched from elsewhere
    assert len(re.findall(r'<img [^>]*src="data:image/png;base64,', html)) >= 2
    assert not re.search(r'<script[^>]+src=', html)
    assert not re.search(r'<link[^>]+href="http', html)
    # a subset of the CJK font travels inside the file, so text renders without system fonts
    assert 'font-family: "cxtext CJK"; src: url(data:font/woff;base64,' in html


def test_report_has_no_code_and_no_stderr(rendered):
    r, html = rendered
    body = re.sub(r"<style.*?</style>", "", html, flags=re.S)
    assert "jp-InputArea-editor" not in body and "jp-CodeMirrorEditor" not in body
    assert "import cxtext" not in html and "cx.read_corpus" not in html
    assert "Traceback" not in html and "Warning" not in html
    # no missing-glyph (or any other) warning while the charts were drawn
    assert r.stderr == []


def test_report_masks_personal_data_and_paths(rendered, small_corpus):
    _, html = rendered
    assert not PHONE.search(html)
    assert not ID18.search(html)
    assert str(small_corpus) not in html
    assert str(REPO) not in html


def test_index_links_reports(rendered, tmp_path):
    r, _ = rendered
    index = write_index([r], tmp_path, data_range="2025-01-01 至 2025-12-31")
    text = index.read_text(encoding="utf-8")
    assert 'href="corpus_profile.html"' in text and "语料概况" in text
    assert "2025-01-01 至 2025-12-31" in text


def test_index_keeps_reports_rendered_earlier(tmp_path):
    # `cxtext report topics` after `cxtext report all` must not drop the other reports.
    from cxtext.report import RenderedReport

    def fake(name: str, seconds: float) -> RenderedReport:
        path = tmp_path / f"{name}.html"
        path.write_text("<html></html>", encoding="utf-8")
        return RenderedReport(name, REPORTS[name][1], path, {"store": str(tmp_path / "s.db")},
                              seconds)

    write_index([fake("corpus_profile", 7), fake("topics", 60)], tmp_path)
    text = write_index([fake("topics", 42)], tmp_path).read_text(encoding="utf-8")
    assert 'href="corpus_profile.html"' in text and 'href="topics.html"' in text
    assert "42 秒" in text and "60 秒" not in text  # the newer topics run replaces the older
    assert text.index("corpus_profile.html") < text.index("topics.html")  # REPORTS order
    assert str(tmp_path) not in text  # paths shown relative
    (tmp_path / "corpus_profile.html").unlink()  # a report deleted since is not linked
    assert "corpus_profile.html" not in write_index([], tmp_path).read_text(encoding="utf-8")


def test_report_name_cannot_escape_folder(tmp_path):
    with pytest.raises(cx.CxTextError, match="Unknown report"):
        render_report("../evil", tmp_path)


@pytest.mark.skipif(os.name == "nt", reason="Windows keeps TCP")
def test_report_kernel_talks_over_private_unix_sockets(tmp_path):
    """Not plain-text localhost TCP (reachable by any local user; ipykernel warns about it)."""
    from cxtext.report import _kernel_transport

    km = _kernel_transport(str(tmp_path))["kernel_manager_class"]()
    assert km.transport == "ipc"
    assert Path(km.ip).parent == tmp_path


def test_report_kernel_gets_its_environment_and_ours_is_untouched(tmp_path, monkeypatch):
    """The kernel's variables go to that kernel only, so reports can render from threads."""
    import asyncio
    import sys

    from cxtext.display import REPORT_DIR_ENV, REPORT_NAME_ENV
    from cxtext.report import _kernel_env, _kernel_transport

    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.delenv(REPORT_NAME_ENV, raising=False)
    before = dict(os.environ)
    env = _kernel_env("topics", tmp_path / "out")
    km = _kernel_transport(str(tmp_path), env)["kernel_manager_class"](kernel_name="python3")
    try:
        cmd, kw = asyncio.run(km._async_pre_start_kernel())
    finally:
        km.cleanup_connection_file()
    assert kw["env"]["MPLBACKEND"] == "module://matplotlib_inline.backend_inline"
    assert kw["env"][REPORT_NAME_ENV] == "topics"
    assert kw["env"][REPORT_DIR_ENV] == str((tmp_path / "out").resolve())
    assert kw["env"]["PATH"].split(os.pathsep)[0] == str(Path(sys.executable).parent)
    assert kw["env"]["HOME"] == os.environ["HOME"]  # the rest of ours is passed on
    assert dict(os.environ) == before


def test_cjk_font_covers_report_vocabulary():
    family = cx.use_cjk_font()
    assert family in {"Noto Sans SC", "WenQuanYi Micro Hei"}
    from cxtext.plotting import check_glyphs

    words = "".join(cx.labels.CHANNELS.values()) + "".join(cx.labels.CATEGORIES.values())
    assert check_glyphs(words + "各月会话量按渠道对话轮次客户发言字数") == []


# ----------------------------------------------------------------------------------------------
# All six reports, rendered once per session from a small slice through a work store
# (conftest.rendered_reports), including one crafted conversation with markup and personal data.

CARD = re.compile(r"(?<!\d)\d{16,19}(?!\d)")
CARD_SPACED = re.compile(r"(?<!\d)\d{4}(?:[ -]\d{4}){3,4}(?!\d)")
DATA_URI = re.compile(r"data:[a-z/+-]+;base64,[A-Za-z0-9+/=]+")
ABS_PATH = re.compile(r"(?<![\w.])/(?:home|root|tmp|work|usr|var|opt|Users)/")


def _visible(html: str) -> str:
    """The HTML without embedded images and fonts (their base64 may contain digit runs)."""
    return DATA_URI.sub("data:", html)


@pytest.mark.parametrize("name", list(REPORTS))
def test_every_report_renders_without_code_or_stderr(rendered_reports, name):
    r = rendered_reports.reports[name]
    html = r.path.read_text(encoding="utf-8")
    title = REPORTS[name][1]
    assert html.startswith("<!DOCTYPE html>") and f"{title}报告" in html
    assert "<h2" in html and 'class="cx-kpis"' in html  # headings and a summary at the top
    # every report opens with its data period and size, then what to act on
    assert 'class="cx-scope">数据期间：2025-01-' in html
    assert html.index('class="cx-scope"') < html.index('class="cx-kpis"')
    assert 'class="cx-actions"' in html and "本期建议优先处理" in html
    assert r.stderr == []  # no warning (missing glyph or other) while rendering
    body = re.sub(r"<style.*?</style>", "", html, flags=re.S)
    assert "Traceback" not in body and "Warning" not in body and "Error" not in body
    assert "import cxtext" not in html and "load_report_data" not in html
    assert 'font-family: "cxtext CJK"; src: url(data:font/woff;base64,' in html


def test_reports_show_their_content(rendered_reports):
    text = {n: r.path.read_text(encoding="utf-8") for n, r in rendered_reports.reports.items()}
    assert "与 snownlp 基线的对比" in text["tag_quality"]
    assert "主要话题" in text["topics"] and "话题趋势" in text["topics"]
    assert 'class="cx-card"' in text["customer_portrait"]
    # a usable call-back list: who, why, the customer's words, what to do, how to reach them
    for column in ("客户", "原因", "客户原话（已脱敏）", "建议处理", "建议联系方式"):
        assert f"<th>{column}</th>" in text["churn_warning"], column
    assert "回访名单" in text["churn_warning"]
    # no English ids of labels or deduction items reach the page
    for name, html in text.items():
        body = re.sub(r"<style.*?</style>|data:[a-z/+-]+;base64,[A-Za-z0-9+/=]+", "", html,
                      flags=re.S)
        for word in ("intent_churn", "identity_check", "long_silence", "rule_id", "neg", "anger",
                     "未知坐席"):
            assert not re.search(rf"(?<![A-Za-z_]){word}(?![A-Za-z_])", body), (name, word)
    assert "班组评分卡" in text["service_quality"] and "得分最低的会话" in text["service_quality"]
    # charts are embedded images
    for name in ("tag_quality", "topics", "customer_portrait", "churn_warning",
                 "service_quality"):
        assert len(re.findall(r'<img [^>]*src="data:image/png;base64,', text[name])) >= 1, name


def test_html_safety_scan(rendered_reports, report_corpus):
    """Zero unmasked phone/ID/card numbers, zero <script> from data, no absolute paths."""
    out = rendered_reports.out
    files = sorted(out.glob("*.html"))
    assert len(files) == len(REPORTS) + 1  # six reports and the index
    found = {}
    for path in files:
        html = _visible(path.read_text(encoding="utf-8"))
        hits = (PHONE.findall(html) + ID18.findall(html) + CARD.findall(html)
                + CARD_SPACED.findall(html))
        hits += re.findall(r"<script", html, flags=re.I)  # the template has none: any is data
        hits += re.findall(r"<img [^>]*onerror", html, flags=re.I)
        hits += ABS_PATH.findall(html)
        for s in (str(report_corpus), str(out), str(REPO)):
            hits += [s] * html.count(s)
        if hits:
            found[path.name] = hits[:5]
    assert found == {}
    # the crafted transcript did reach the reports, as text
    all_html = "".join(p.read_text(encoding="utf-8") for p in files)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in all_html
    assert "[手机号]" in all_html


def test_csv_exports_are_masked_and_formula_safe(rendered_reports):
    csvs = sorted(rendered_reports.out.glob("*.csv"))
    assert csvs, "long tables link a CSV with the full list"
    # the call-back list's CSV holds every reason and quote, under the Chinese headers
    head = (rendered_reports.out / "churn_warning_warnings.csv").read_text(
        encoding="utf-8-sig").splitlines()[0]
    assert head.startswith("排名,客户,等级,风险分,风险等级,原因,客户原话（已脱敏）,建议处理")
    for path in csvs:
        text = path.read_text(encoding="utf-8-sig")
        assert not PHONE.search(text) and not ID18.search(text) and not CARD.search(text)
        rows = list(csv.reader(io.StringIO(text)))
        assert len(rows) > 11  # more than the rows the report shows
        for row in rows[1:]:
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), (path.name, cell)
    # every "more" link points at a file that exists beside the report, named after that
    # report (the kernels render at once, each with its own $CXTEXT_REPORT_NAME)
    for name, r in rendered_reports.reports.items():
        for href in re.findall(r'class="cx-more" href="([^"]+)"',
                               r.path.read_text(encoding="utf-8")):
            assert (rendered_reports.out / href).is_file(), href
            assert href.startswith(f"{name}_"), (name, href)


def test_index_lists_all_reports(rendered_reports):
    text = rendered_reports.index.read_text(encoding="utf-8")
    for name, (_, title) in REPORTS.items():
        assert f'href="{name}.html"' in text and title in text
    assert "2025-01-" in text  # the data range of the slice
    assert "&quot;embedding&quot;: &quot;tfidf-svd&quot;" in text  # parameters per report
    # the same word for the data period as the reports' scope line, and what each report is for
    assert "数据期间：2025-01-" in text and "回访名单：谁可能流失" in text


def test_display_helpers_escape_and_mask():
    import pandas as pd

    from cxtext.display import quotes, table, top_table

    html = table(pd.DataFrame({"文本": ["<script>x</script> 13812345678"], "n": [3]}))
    assert "&lt;script&gt;" in html and "[手机号]" in html and "<script>" not in html
    assert '<td class="num">3</td>' in html
    assert str(quotes(["好评😡"])) == '<div class="cx-quote">好评[表情]</div>'
    more = top_table(pd.DataFrame({"x": range(30)}), 10)
    assert "显示前 10 行，共 30 行" in more and more.count("<tr>") == 11


def test_label_colors_are_consistent():
    from cxtext.plotting import label_colors

    assert label_colors("emotion", ["anger"]) == label_colors("emotion", ["愤怒"])
    assert len(set(label_colors("category", list(cx.labels.CATEGORIES)))) == len(
        cx.labels.CATEGORIES)
    assert label_colors("risk", ["高", "未知"])[1] == "#7f7f7f"
    with pytest.raises(ValueError, match="must be one of"):
        label_colors("colour", ["x"])


def test_month_change_sentences():
    import pandas as pd

    from cxtext.display import month_change

    d = pd.Series(pd.to_datetime(["2025-01-05", "2025-01-09", "2025-02-01", "2025-02-03",
                                  "2025-02-04"]))
    assert month_change(d) == "最近一个月（2025-02）会话量 3，较上月（2）增加 50.0%。"
    neg = pd.Series([1.0, 0.0, 0.0, 0.0, 1.0])
    assert month_change(d, neg, what="负面占比", how="mean", fmt="{:.1%}") == (
        "最近一个月（2025-02）负面占比 33.3%，较上月（50.0%）下降 16.7 个百分点。")
    assert month_change(d.head(2)) == ""
    with pytest.raises(ValueError, match="'how' parameter"):
        month_change(d, how="sum")


def test_cli_report_tags_once_into_a_work_store(cli_report_run):
    """`cxtext report NAME --corpus DIR` (what `make reports` runs) goes through OUT/_work.

    conftest.cli_report_run calls ``cxtext.cli.main(["report", "corpus_profile", "--corpus",
    small_corpus, "--out", OUT])`` in the background while other tests run."""
    out = cli_report_run.out
    assert cli_report_run.code == 0
    store = out / "_work" / "cxtext.duckdb"
    assert store.is_file()
    with cx.Store(store, read_only=True) as st:
        assert st.counts()["conversation_tags"] == 80  # tagged once, in the store
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "&quot;store&quot;: &quot;_work/cxtext.duckdb&quot;" in index
    assert str(out.parent) not in index and "2025-01-" in index
    assert "corpus_profile.html" in cli_report_run.stdout

"""The corpus-profile report renders to one self-contained, masked, code-free HTML file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import cxtext as cx
from cxtext.report import render_report, write_index

REPO = Path(__file__).resolve().parents[1]
PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
ID18 = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")


@pytest.fixture(scope="module")
def rendered(small_corpus: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("reports")
    r = render_report("corpus_profile", out, parameters={"corpus_dir": str(small_corpus)})
    return r, r.path.read_text(encoding="utf-8")


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


def test_report_name_cannot_escape_folder(tmp_path):
    with pytest.raises(cx.CxTextError, match="Unknown report"):
        render_report("../evil", tmp_path)


def test_cjk_font_covers_report_vocabulary():
    family = cx.use_cjk_font()
    assert family in {"Noto Sans SC", "WenQuanYi Micro Hei"}
    from cxtext.plotting import check_glyphs

    words = "".join(cx.labels.CHANNELS.values()) + "".join(cx.labels.CATEGORIES.values())
    assert check_glyphs(words + "各月会话量按渠道对话轮次客户发言字数") == []

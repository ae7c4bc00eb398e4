"""cxtext.text._jieba_dict: jieba's dictionary read by Arrow gives the words a line loop gives."""

from __future__ import annotations

import pytest

from cxtext.text import _pii_patterns as pp
from cxtext.text import pii
from cxtext.text._jieba_dict import read_dict_table, select_words
from cxtext.text._names_build import jieba_dict_path


def _loop_words(path, min_len, max_len, min_freq, not_tags, first_chars=None,
                first_pairs=()):
    # the reference: str.split per line, lines of exactly three fields
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if len(fields) != 3:
                continue
            word, freq, tag = fields[0], int(fields[1]), fields[2]
            if not min_len <= len(word) <= max_len or freq < min_freq or tag in not_tags:
                continue
            if first_chars is not None and not (word[0] in first_chars
                                                or word[:2] in first_pairs):
                continue
            out.add(word)
    return frozenset(out)


def test_installed_dictionary_gives_the_line_loops_words():
    path = jieba_dict_path()
    table = read_dict_table(path)
    assert table is not None and table.num_rows > 300_000
    single, compound = pp.surnames()
    everyday = select_words(table, 2, 5, 100, pii._PROPER_TAGS)
    not_person = select_words(table, 2, 4, 5, pii._PERSON_TAGS, single, compound)
    assert everyday == _loop_words(path, 2, 5, 100, pii._PROPER_TAGS)
    assert not_person == _loop_words(path, 2, 4, 5, pii._PERSON_TAGS, single, compound)
    assert len(everyday) > 20_000 and len(not_person) > 10_000
    assert pii._jieba_words() == (everyday, not_person)


@pytest.mark.parametrize("text", [
    "信用卡 100 n\n还款 5\n",          # two fields: the loop skips the line
    "信用卡 100 n x\n",                # four
    "信用卡\t100 n\n",                 # a tab: str.split splits there
    "信用卡  100 n\n",                 # two spaces: an empty field
    " 信用卡 100 n\n",
    "信用卡 1e2 n\n",                  # not an integer
    "信用\u3000卡 100 n\n",            # other whitespace inside a word
])
def test_a_file_of_another_shape_is_left_to_the_line_loop(tmp_path, text):
    path = tmp_path / "dict.txt"
    path.write_text("还款 300 v\n" + text, encoding="utf-8")
    assert read_dict_table(path) is None


def test_selection_by_length_frequency_tag_and_first_characters(tmp_path):
    path = tmp_path / "dict.txt"
    path.write_text("\n".join([
        "王府井 50 ns", "王者 200 n", "张 900 nr", "张三 9 nr", "欧阳锋 7 nrfg",
        "欧阳 6 nz", "江苏 80 ns", "高兴 300 a", "高高兴兴 100 a", "高高兴兴地说 100 a",
    ]) + "\n", encoding="utf-8")
    table = read_dict_table(path)
    assert select_words(table, 2, 5, 100, {"ns", "nr"}) == {"王者", "高兴", "高高兴兴"}
    assert select_words(table, 2, 4, 5, {"nr", "nrfg"}, {"王", "江"}, {"欧阳"}) == {
        "王府井", "王者", "欧阳", "江苏"}
    for args in [(2, 5, 100, {"ns", "nr"}), (2, 4, 5, {"nr", "nrfg"}, {"王", "江"}, {"欧阳"})]:
        assert select_words(table, *args) == _loop_words(path, *args)


def test_whitespace_pattern_is_str_isspace():
    import pyarrow as pa
    import pyarrow.compute as pc

    from cxtext.text._jieba_dict import _SPACE_RE

    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    hit = pc.match_substring_regex(pa.array(chars), _SPACE_RE).to_pylist()
    assert [c for c, h in zip(chars, hit, strict=True) if h != c.isspace()] == []

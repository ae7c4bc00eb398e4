"""The rule engine's per-match layer (cxtext/tags/_rules.py): Context pieces and keepers
that skip the per-match check."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cxtext.tags import _rules
from cxtext.tags._rules import CLAUSE_END, SENTENCE_END, Context, Filter, FilterKeeper

_ALPHABET = "我不销户了，。！？;,、“”\"「」ab 要投诉"


def _reference_bounds(text: str, start: int, end: int, marks: str) -> tuple[int, int]:
    """The stretch around text[start:end] holding none of marks, written out by hand."""
    lo = start
    while lo > 0 and text[lo - 1] not in marks:
        lo -= 1
    hi = end
    while hi < len(text) and text[hi] not in marks:
        hi += 1
    return lo, hi


def _reference_in_quote(text: str, start: int, end: int) -> bool:
    quote = re.compile("“[^”]*”|\"[^\"]*\"|「[^」]*」|『[^』]*』|‘[^’]*’")
    return any(m.start() < start and end <= m.end() for m in quote.finditer(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=30), st.data())
def test_context_pieces_match_a_written_out_reference(text: str, data) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    ctx = Context(text, start, end)
    clause = _reference_bounds(text, start, end, CLAUSE_END)
    sentence = _reference_bounds(text, start, end, SENTENCE_END)
    assert ctx.clause_bounds == clause
    assert ctx.sentence_bounds == sentence
    assert ctx.prefix == text[clause[0]:start]
    assert ctx.suffix == text[end:clause[1]]
    assert ctx.before == text[sentence[0]:start]
    assert ctx.clause_end_mark == (text[clause[1]] if clause[1] < len(text) else "")
    assert ctx.in_quote() == _reference_in_quote(text, start, end)


def test_context_of_several_texts_in_turn() -> None:
    # the marks of the last text are remembered: another text must not reuse them
    a, b = "我要销户，马上。", "销户"
    assert Context(a, 2, 4).clause_bounds == (0, 4)
    assert Context(b, 0, 2).clause_bounds == (0, 2)
    assert Context(a, 5, 7).sentence_bounds == (0, 7)
    assert Context("他说“我要销户”", 4, 6).in_quote()
    assert not Context("我要销户", 2, 4).in_quote()


def _cue(rule: str, pattern: str) -> _rules.Cue:
    return _rules.Cue("churn", rule, re.compile(pattern))


def test_filter_keeper_unconditional_only_when_nothing_can_drop_a_match() -> None:
    block = Filter("neg_x", "block", "prefix", ("close",), re.compile("不"))
    keeper = FilterKeeper((block,))
    assert not keeper.unconditional(_cue("close_account", "销户"), "我不销户")
    assert keeper.unconditional(_cue("other", "销户"), "我不销户")
    assert keeper(_cue("close_account", "销户"), Context("我不销户", 2, 4)) is False
    assert keeper(_cue("close_account", "销户"), Context("我要销户", 2, 4)) is True
    quoted = FilterKeeper((), quotes=True)
    assert quoted.unconditional(_cue("other", "销户"), "我要销户")
    assert not quoted.unconditional(_cue("other", "销户"), "他说“我要销户”")
    assert quoted(_cue("other", "销户"), Context("他说“我要销户”", 4, 6)) is False


def test_prepare_texts_keeps_cached_texts_when_the_cache_overflows(monkeypatch) -> None:
    monkeypatch.setattr(_rules, "_CACHE_MAX", 3)
    _rules.clear_cache()
    first = _rules.prepare_texts(["我要销户", None, "ATM吞卡了"])
    assert first[1] is None and first[0].text == "我要销户" and first[2].text == "atm吞卡了"
    # two cached texts plus three new ones pass the limit: the cache is emptied, and the
    # texts found in it before are still answered
    texts = ["ATM吞卡了", "信用卡年费乱扣", None, "我要销户", "好的，谢谢", "再次投诉 你们"]
    got = _rules.prepare_texts(texts)
    assert got[2] is None
    for text, prep in zip(texts, got, strict=True):
        if text is not None:
            assert prep == _rules.prepare_one(text)
    assert got[0] is first[2] and got[3] is first[0]  # the cached objects themselves
    assert set(_rules._PREPARED) == {"信用卡年费乱扣", "好的，谢谢", "再次投诉 你们"}
    _rules.clear_cache()


def _reference_compact(text: str) -> tuple[str, tuple[int, ...]]:
    """ASR spacing out, a clause boundary where both sides hold 2+ characters: written out
    character by character."""
    pieces: list[tuple[int, str]] = []  # (start, piece) between whitespace runs
    start = 0
    for i, ch in enumerate(text + " "):
        if re.match(r"\s", ch) or i == len(text):
            if i == len(text) or not (i > 0 and re.match(r"\s", text[i - 1])):
                pieces.append((start, text[start:i]))
            start = i + 1
        elif i > 0 and re.match(r"\s", text[i - 1]):
            start = i
    out, offsets = "", []
    for k, (at, piece) in enumerate(pieces):
        if k and len(pieces[k - 1][1]) > 1 and len(piece) > 1:
            out += _rules.SPACE_BOUNDARY
            offsets.append(pieces[k - 1][0] + len(pieces[k - 1][1]))
        out += piece
        offsets.extend(range(at, at + len(piece)))
    return out, tuple(offsets)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" \t\n\u3000ab哈好1", max_size=16))
def test_compact_whitespace_matches_a_written_out_reference(text: str) -> None:
    got, offsets = _rules._compact_whitespace(text)
    if offsets is None:  # nothing to do
        assert got == text and not re.search(r"\s", text)
    else:
        assert (got, offsets) == _reference_compact(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="AZaz著着哈 ，\n１㎡", max_size=10), max_size=6))
def test_prepare_many_is_prepare_one_of_each(texts: list[str]) -> None:
    from cxtext.text.normalize import _width_t2s

    normals = [_width_t2s(t) for t in texts]
    assert _rules.prepare_many(texts, normals) == [
        _rules.prepare_one(t, n) for t, n in zip(texts, normals, strict=True)]


def test_batch_bytes_is_the_sum_of_each_texts_bytes() -> None:
    texts = ["", "好的", "我 要 销户 年费", "ＡＴＭ吞卡了", "a b c"]
    preps = _rules.prepare_texts(texts)
    assert _rules._batch_bytes(preps) == sum(map(_rules._prepared_bytes, preps)) > 5 * 400
    assert _rules._batch_bytes([]) == 0

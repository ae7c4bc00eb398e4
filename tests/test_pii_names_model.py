"""The learned name-window scorer (issue #8, rounds 7-9): package data, checksum, decisions."""

from __future__ import annotations

import gzip
import hashlib
import json
from importlib.resources import files

import pytest

from cxtext.errors import CxTextError
from cxtext.tags._linear import ModelFileError
from cxtext.text import _names_model as nm
from cxtext.text.pii import find_pii


def _names(text: str) -> list[str]:
    return [text[m.start:m.end] for m in find_pii(text, types=["name"])]


@pytest.fixture
def rules_only(monkeypatch):
    monkeypatch.setattr(nm, "USE_MODEL", False)


def test_shipped_weights_match_the_card_checksum():
    base = files("cxtext.resources").joinpath("models")
    card = json.loads(base.joinpath(nm.MODEL_JSON).read_text(encoding="utf-8"))
    assert set(card["files"]) == {nm.MODEL_NPZ, nm.MODEL_VOCAB}  # both data files covered
    for fname, meta in card["files"].items():
        raw = base.joinpath(fname).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == meta["sha256"] and len(raw) == meta["bytes"]
    assert card["features_version"] == nm.FEATURES_VERSION
    assert card["format_version"] == nm.FORMAT_VERSION == 2 and "vocab" not in card
    assert 0.0 < card["threshold"] < 1.0
    vocab = json.loads(gzip.decompress(base.joinpath(nm.MODEL_VOCAB).read_bytes()))
    mdl = nm.load_model()
    assert list(mdl.weight) == vocab and len(mdl.numeric) == len(nm.NUMERIC)


def _model_copy(tmp_path):
    base = files("cxtext.resources").joinpath("models")
    for fname in (nm.MODEL_JSON, nm.MODEL_NPZ, nm.MODEL_VOCAB):
        (tmp_path / fname).write_bytes(base.joinpath(fname).read_bytes())
    return tmp_path


def test_a_tampered_vocabulary_is_refused(tmp_path):
    folder = _model_copy(tmp_path)
    assert nm.load_model(str(folder)).weight == nm.load_model().weight  # the copy loads
    vocab = json.loads(gzip.decompress((folder / nm.MODEL_VOCAB).read_bytes()))
    vocab[0], vocab[1] = vocab[1], vocab[0]  # two features swap weights: same length
    (folder / nm.MODEL_VOCAB).write_bytes(gzip.compress(json.dumps(vocab).encode()))
    nm.load_model.cache_clear()
    with pytest.raises(ModelFileError, match=r"names\.vocab\.json\.gz: SHA-256"):
        nm.load_model(str(folder))
    assert issubclass(ModelFileError, CxTextError)


def test_a_missing_vocabulary_or_an_old_card_is_refused(tmp_path):
    folder = _model_copy(tmp_path)
    card = json.loads((folder / nm.MODEL_JSON).read_text(encoding="utf-8"))
    (folder / nm.MODEL_JSON).write_text(json.dumps({**card, "format_version": 1}),
                                        encoding="utf-8")
    with pytest.raises(ModelFileError, match="format 1"):
        nm.load_model(str(folder))
    (folder / nm.MODEL_JSON).write_text(json.dumps(card), encoding="utf-8")
    (folder / nm.MODEL_VOCAB).unlink()
    nm.load_model.cache_clear()
    with pytest.raises(ModelFileError, match="cannot read"):
        nm.load_model(str(folder))


def test_a_damaged_weights_file_is_refused(monkeypatch):
    real = nm.hashlib.sha256

    class _Wrong:
        def __init__(self, data):
            self._h = real(data + b"x")

        def hexdigest(self):
            return self._h.hexdigest()

    nm.load_model.cache_clear()
    monkeypatch.setattr(nm.hashlib, "sha256", _Wrong)
    try:
        with pytest.raises(ModelFileError, match="SHA-256"):
            nm.load_model()
    finally:
        monkeypatch.undo()
        nm.load_model.cache_clear()
    assert nm.load_model().weight


@pytest.mark.parametrize("text, name", [
    ("陶然的工资怎么还没发到卡上", "陶然"),
    ("要求贺军，罗敏当面道歉", "贺军"),
    ("亓凯的工资卡挂失", "亓凯"),
    ("问下祁红的贷款批了没", "祁红"),
])
def test_the_model_finds_names_the_rules_miss(text, name, monkeypatch):
    monkeypatch.setattr(nm, "USE_MODEL", False)
    assert name not in _names(text)
    monkeypatch.setattr(nm, "USE_MODEL", True)
    assert name in _names(text)


@pytest.mark.parametrize("text", [
    "跟您确认一下，您反映的是季季宝365天的问题，对吗？",  # a doubled character: a product
    "酒店所属的地区是黄江镇，离火车站不远",  # a place suffix ends the window
    "这张卡怎么还没到",  # a determiner before
    "我在建设路支行办的",
])
def test_hard_vetoes_stand_beside_the_model(text):
    assert _names(text) == []


def test_windows_and_probabilities_are_ordered_and_bounded():
    text = "陶然的工资怎么还没发到卡上"
    wins = nm.candidates(text)
    assert wins[:2] == [(0, 2), (0, 3)]
    z = nm.score_windows(text, wins[:2])
    p = [nm.probability(v) for v in z]
    assert all(0.0 < v < 1.0 for v in p)
    assert p[0] > nm.load_model().threshold > p[1]  # 陶然, not 陶然的


def test_model_off_gives_the_rules_alone(rules_only):
    assert _names("陶然的工资怎么还没发到卡上") == []
    assert _names("我叫张伟，卡丢了") == ["张伟"]


def test_training_cases_get_generated_names_with_true_offsets():
    import random

    from cxtext.text import _names_train as tr

    gen = tr._NameGen(random.Random(0))
    case = {"text": "我叫张伟，住北京市海淀区中关村大街27号，欧阳娜娜也在",
            "spans": [{"start": 2, "end": 4, "type": "name"},
                      {"start": 6, "end": 20, "type": "address"},
                      {"start": 21, "end": 25, "type": "name"}]}
    text, names, addrs = tr._replace(case, gen)
    assert text.startswith("我叫") and text.endswith("欧阳娜娜也在")
    assert text[addrs[0][0]:addrs[0][1]] == "北京市海淀区中关村大街27号"
    assert text[names[1][0]:names[1][1]] == "欧阳娜娜"  # compound surnames are kept
    new = text[names[0][0]:names[0][1]]
    assert 2 <= len(new) <= 4 and new != "张伟"
    # same seed, same names
    again = tr._NameGen(random.Random(0))
    assert tr._replace(case, again)[0] == text


def test_training_windows_are_labelled_by_exact_span():
    from cxtext.text import _names_train as tr

    rows = list(tr._windows("陶然的工资到了", [(0, 2)], []))
    assert [(s, e, y) for _, s, e, y in rows] == [(0, 2, 1), (0, 3, 0)]
    # a window inside an address is left out
    assert list(tr._windows("沈阳市和平区", [], [(0, 6)])) == []


def test_gate_tells_hand_screen_and_model_windows_apart():
    """One search answers both: a hand-screen window (the ``either`` match itself), a
    candidate window only the model looks at, or none."""
    from cxtext.text._names import name_stats

    either = name_stats().either
    for text in ("请帮我查一下余额", "谢谢你们的服务", "就是邹刚那张卡", "我是张建国，卡丢了",
                 "就是邹刚那张卡，我是张建国"):
        hand = either.search(text)
        got, window = nm.gate(text)
        assert (got.span() if got else None) == (hand.span() if hand else None), text
        assert window == (nm.candidate_re().search(text) is not None or hand is not None), text
    assert nm.gate("就是邹刚那张卡") == (None, True)
    assert nm.gate("请帮我查一下余额") == (None, False)


def test_model_scores_texts_the_hand_screen_passes_over():
    """Round 8: a text with no hand-screen window (surname + one given character before a
    non-edge character) still reaches the model."""
    text = "就是邹刚那张卡还有多少额度"
    assert name_stats_either(text) is None
    assert nm.candidates(text)
    assert nm.gate(text)[1] is True


def name_stats_either(text: str):
    from cxtext.text._names import name_stats

    return name_stats().either.search(text)


def test_veto_word_then_character_no_name_uses():
    """A three-character window that starts with a dictionary word and ends in a character
    no given name uses is vetoed (很高兴为您服务), one that ends in a given-name character
    is left to the model (黄金山)."""
    assert nm._vetoed("很高兴为您服务", 1, 4)
    assert not nm._vetoed("让黄金山明天来一趟", 1, 4)


def test_everyday_surnames_follow_their_rule():
    """``EVERYDAY_SURNAMES`` is what its rule gives: an everyday-word surname of
    ``surnames.txt`` with a prior of at least ``EVERYDAY_PRIOR_MIN`` whose one-character word
    frequency in jieba's dictionary is at most ``EVERYDAY_WORD_FREQ_MAX``."""
    from cxtext.text import _pii_patterns as pp
    from cxtext.text._names import name_stats
    from cxtext.text._names_build import jieba_dict_path

    single = pp.surnames()[0]
    freq: dict[str, int] = {}
    with open(jieba_dict_path(), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and len(parts[0]) == 1:
                freq[parts[0]] = int(parts[1])
    prior = name_stats().prior
    want = {c for c in single if c in pp.AMBIGUOUS_SURNAMES
            and prior.get(c, -99.0) >= nm.EVERYDAY_PRIOR_MIN
            and freq.get(c, 0) <= nm.EVERYDAY_WORD_FREQ_MAX}
    assert want == nm.EVERYDAY_SURNAMES
    assert not {"于", "和", "都", "有", "从", "那"} & nm.EVERYDAY_SURNAMES


def test_everyday_surname_windows_are_candidates_and_need_the_higher_threshold(monkeypatch):
    """方 + a strongly name-like character is a candidate window (方便 is not: 便 is no
    name character), and such a window is kept only at ``EVERYDAY_THRESHOLD``."""
    text = "帮我转给方芸五百块"
    s = text.index("方芸")
    assert (s, s + 2) in nm.candidates(text)
    assert not [c for c in nm.candidates("方便的话帮我查") if c[0] == 0]
    wins = nm.candidates(text)
    z = dict(zip(wins, nm.score_windows(text, wins), strict=True))[(s, s + 2)]
    p = nm.probability(z)
    monkeypatch.setattr(nm, "EVERYDAY_THRESHOLD", min(0.999, p + 1e-6))
    assert (s, s + 2, "name") not in nm.learned_names(text, [])
    monkeypatch.setattr(nm, "EVERYDAY_THRESHOLD", max(0.001, p - 1e-6))
    assert nm.load_model().threshold > p or (s, s + 2, "name") in nm.learned_names(text, [])


def test_train_cli_dispatches_names():
    """``python -m cxtext.train names`` is the name scorer's training command."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "cxtext.train", "names", "--help"],
                         capture_output=True, text=True, check=True, timeout=120)
    assert "Train the learned name-window scorer" in out.stdout
    assert "--seed" in out.stdout


def test_jieba_dict_path_does_not_import_jieba():
    # importing jieba can print setuptools' pkg_resources warning; finding dict.txt need not
    import subprocess
    import sys

    code = ("import sys; from cxtext.text._names_build import jieba_dict_path; "
            "p = jieba_dict_path(); print(p.name, p.exists(), 'jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["dict.txt", "True", "False"]

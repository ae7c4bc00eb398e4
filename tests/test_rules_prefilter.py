"""The rule engine's optional hyperscan prefilter (cxtext/tags/_rules.py): it must hand
:meth:`RuleSet.scan` every cue that matches, so the tags are the same with and without it."""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import pandas as pd
import pytest

from cxtext.tags import _rules, intents, quality, taxonomy
from cxtext.tags._rules import Cue, prepare_texts

REPO = Path(__file__).resolve().parents[1]
RULE_SETS = {"categories": taxonomy._rules, "intents": intents._rules, "quality": quality._rules}


def _texts() -> list[str]:
    turns = pd.read_csv(REPO / "corpora" / "demo" / "turns.csv", dtype={"text": str},
                        keep_default_na=False)
    texts = set(turns["text"].head(20_000))
    with open(REPO / "corpora" / "gold" / "intents_categories.jsonl", encoding="utf-8") as f:
        texts.update(json.loads(line)["text"] for line in f if line.strip())
    texts.update(["", "a", "我要销户", "你们太过分了，我要投诉到银保监会！！",
                  "ＡＴＭ吞卡了 怎么办", "好的 谢 谢", "\ud800孤立的代理项", "销户" * 300])
    return sorted(t for t in texts if t)


@pytest.fixture(scope="module")
def prepared() -> list:
    return [p for p in prepare_texts(_texts()) if p is not None and p.text]


def _matching(rs, prep, cues) -> list[int]:
    return [k for k in cues if rs._flat_search[k](prep.text) is not None]


@pytest.mark.parametrize("name", sorted(RULE_SETS))
def test_candidates_hold_every_matching_cue(name, prepared):
    pytest.importorskip("hyperscan")
    rs = RULE_SETS[name]()
    assert rs._candidates(prepared[0], None) is not None
    assert isinstance(rs.__dict__["_prefilter"], _rules._Prefilter)
    every = range(len(rs._flat_cue))
    some = (rs.order[0],)
    for prep in prepared:
        found = list(rs._candidates(prep, None))
        assert found == sorted(set(found))
        # the prefilter reports a superset of the cues whose regex matches anywhere ...
        assert set(_matching(rs, prep, every)) <= set(found)
        # ... so the cues scan() runs and keeps are those of the anchor plans
        assert _matching(rs, prep, found) == _matching(rs, prep, rs._plan_for(prep, None))
        assert (_matching(rs, prep, rs._candidates(prep, some))
                == _matching(rs, prep, rs._plan_for(prep, some)))


@pytest.mark.parametrize("name", sorted(RULE_SETS))
def test_scan_is_the_same_without_the_prefilter(name, prepared, monkeypatch):
    rs = RULE_SETS[name]()
    keepers = {"categories": taxonomy._keepers, "intents": intents._keepers,
               "quality": quality._keepers}[name]()
    label = rs.order[-1]

    def run() -> tuple[list, list]:
        return ([rs.scan(p, keepers, "x") for p in prepared],
                [rs.has_match(p, keepers[label], label) for p in prepared])

    with_it = run()
    monkeypatch.setitem(rs.__dict__, "_prefilter", False)  # the anchor plans only
    assert run() == with_it


def test_prefilter_switched_off_by_the_environment(monkeypatch):
    monkeypatch.setenv(_rules.HYPERSCAN_ENV, "0")
    cues = [Cue("a", "r", re.compile("销户"))]
    assert _rules._prefilter_of(cues) is False


def test_prefilter_database_is_cached_and_python_only_cues_always_run(tmp_path, monkeypatch):
    hs = pytest.importorskip("hyperscan")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cues = [Cue("a", "r0", re.compile("销户")), Cue("a", "r1", re.compile("(?<!不)投诉")),
            Cue("b", "r2", re.compile("atm", re.ASCII)), Cue("b", "r3", re.compile("吞卡"))]
    first = _rules._prefilter_of(cues)
    assert isinstance(first, _rules._Prefilter) and first.always == (2,)
    files = sorted(p.suffix for p in (tmp_path / "cxtext").iterdir())
    assert files == [".always", ".hsdb"]
    again = _rules._prefilter_of(cues)  # read back from the file
    for text, want in (("我不投诉，只想销户", [0, 1, 2]), ("ATM吞卡", [2, 3]), ("您好", [2])):
        got: list[int] = list(again.always)
        again.db.scan(text.encode(), match_event_handler=_rules._collect_id, context=got,
                      scratch=again.scratch())
        assert sorted(got) == want  # 不投诉 still a candidate: the look-behind is relaxed
    # a damaged file is compiled again
    for path in (tmp_path / "cxtext").glob("*.hsdb"):
        path.write_bytes(b"not a database")
    assert isinstance(_rules._prefilter_of(cues), _rules._Prefilter)
    assert hs.loadb((next((tmp_path / "cxtext").glob("*.hsdb"))).read_bytes(),
                    hs.HS_MODE_BLOCK) is not None


def test_rule_set_pickles_without_its_database():
    rs = intents._rules()
    rs._candidates(prepare_texts(["我要销户"])[0], None)
    clone = pickle.loads(pickle.dumps(rs))
    assert "_prefilter" not in clone.__dict__
    prep = prepare_texts(["再不处理我就销户"])[0]
    assert clone.scan(prep, intents._keepers(), "intent") == rs.scan(prep, intents._keepers(),
                                                                       "intent")


def test_prefilter_database_swapped_for_another_valid_one_is_compiled_again(tmp_path,
                                                                            monkeypatch):
    import hashlib

    pytest.importorskip("hyperscan")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    mine = [Cue("a", "r0", re.compile("销户")), Cue("a", "r1", re.compile("投诉"))]
    other = [Cue("a", "r0", re.compile("吞卡"))]
    _rules._prefilter_of(mine)
    names = {p.name for p in (tmp_path / "cxtext").glob("*.hsdb")}
    _rules._prefilter_of(other)
    (other_db,) = [p for p in (tmp_path / "cxtext").glob("*.hsdb") if p.name not in names]
    (my_db,) = [tmp_path / "cxtext" / n for n in names]
    my_db.write_bytes(other_db.read_bytes())  # loads fine, but finds 吞卡 instead of 销户
    pf = _rules._prefilter_of(mine)
    got: list[int] = []
    pf.db.scan("我要销户".encode(), match_event_handler=_rules._collect_id, context=got,
               scratch=pf.scratch())
    assert got == [0]
    check = my_db.with_suffix(".always").read_text().split()[0]
    assert hashlib.sha256(my_db.read_bytes()).hexdigest() == check

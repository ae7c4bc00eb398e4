"""Session 10 hardening: problems an analyst meets that used to give no useful message.
Each test failed before its fix."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pandas as pd
import pytest

import cxtext as cx

_TURNS = """
import pandas as pd
import cxtext as cx
turns = pd.DataFrame({
    "conversation_id": ["c1", "c1", "c2", "c2"], "turn": [0, 1, 0, 1],
    "speaker": ["agent", "customer", "agent", "customer"],
    "text": ["您好", "我要销户", "您好", "卡被冻结了"],
})
"""


def _run_script(tmp_path, body: str) -> subprocess.CompletedProcess:
    script = tmp_path / "analysis.py"
    script.write_text(textwrap.dedent(_TURNS) + textwrap.dedent(body), encoding="utf-8")
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=240, cwd=tmp_path)


def test_n_jobs_in_a_script_without_main_guard_says_what_to_do(tmp_path):
    done = _run_script(tmp_path, """
        try:
            cx.tag(turns, n_jobs=2, progress=False)
        except cx.WorkerError as exc:
            print("WORKER-ERROR", exc)
        """)
    assert "WORKER-ERROR a worker process of n_jobs=2 stopped abruptly" in done.stdout, (
        done.stdout[-2000:], done.stderr[-2000:])
    assert 'if __name__ == "__main__":' in done.stdout


def test_worker_error_is_a_cxtext_error_and_a_runtime_error():
    assert issubclass(cx.WorkerError, cx.CxTextError)
    assert issubclass(cx.WorkerError, RuntimeError)


def test_guard_hint_only_for_scripts(monkeypatch):
    from cxtext import _parallel

    main = sys.modules["__main__"]
    monkeypatch.setattr(main, "__file__", "/home/analyst/run.py", raising=False)
    assert _parallel._in_unguarded_script()
    monkeypatch.delattr(main, "__file__", raising=False)
    assert not _parallel._in_unguarded_script()


def test_an_empty_ledger_prints_a_line_not_nothing():
    assert str(cx.RowLedger()) == "RowLedger: no step recorded yet"


def test_ledger_print_opens_with_the_verdict():
    books = cx.RowLedger()
    books.record("read calls.csv", rows_in=3, rows_out=2,
                 rejects=pd.DataFrame({"reason": ["text: expected a string, got missing"]}))
    books.record("mask", rows_in=2, rows_out=1)
    lines = str(books).splitlines()
    assert lines[0] == "RowLedger: 2 step(s), 1 do not balance"
    assert lines[1] == "read calls.csv: in 3 = out 2 + rejected 1"
    assert lines[2] == "    1 x text: expected a string"
    assert lines[3] == "mask: in 2 = out 1 + rejected 0  <-- does not balance"


def test_intent_macro_f1_leaves_out_intents_nobody_has():
    from cxtext import evaluate as ev

    res = ev.evaluate(
        "intents",
        ["你们再乱扣费我就销户", "请问销户需要什么材料", "我要去银保监会投诉你们"],
        [["churn"], [], ["escalation"]],
    )
    # neither the gold labels nor the tagger have repeat or urgency here: the average runs
    # over churn and escalation only (it was (1 + 1 + 0 + 0) / 4 = 0.5)
    assert res["macro_f1_labels"] == ["churn", "escalation"]
    assert res["per_class"]["churn"]["f1"] == 1.0
    assert res["per_class"]["escalation"]["f1"] == 1.0
    assert res["macro_f1"] == 1.0


def test_the_suite_does_not_write_the_users_cache():
    import os
    from pathlib import Path

    from cxtext.tags import _rules

    home_cache = Path(os.path.expanduser("~")) / ".cache" / "cxtext"
    assert _rules._prefilter_cache() != home_cache
    assert Path(os.environ["XDG_CACHE_HOME"]).is_dir()


def test_topic_model_reports_a_wrong_input_before_a_missing_extra(monkeypatch):
    from cxtext import topics

    def missing(caller):
        raise cx.MissingDependencyError(caller, "bertopic", "topics")

    monkeypatch.setattr(topics, "_bertopic", missing)
    with pytest.raises(TypeError, match="a list of texts, got int"):
        cx.TopicModel().fit_transform(42)
    # a valid input still gets the missing-extra error
    with pytest.raises(cx.MissingDependencyError, match="bertopic"):
        cx.TopicModel().fit_transform(["信用卡年费乱扣，要求退还年费"] * 3)


def _ab_file(tmp_path):
    path = tmp_path / "ab.csv"
    path.write_text("conversation_id,turn,speaker,text\nc1,0,A,您好请问有什么可以帮您\n"
                    "c1,1,B,我要销户\nc1,2,A,好的请稍等\n", encoding="utf-8")
    return path


def test_ab_speaker_labels_error_says_a_is_read_as_agent(tmp_path):
    with pytest.raises(cx.SchemaError, match=r"reads 'A' as agent .* speaker_map=\{'A': "
                                             r"'customer', 'B': 'agent'\}"):
        cx.read_turns(_ab_file(tmp_path))


def test_speaker_map_naming_b_but_not_a_warns(tmp_path):
    with pytest.warns(UserWarning, match=r"ab\.csv, column 'speaker': speaker_map names 'B' "
                                         r"but not 'A'"):
        turns = cx.read_turns(_ab_file(tmp_path), speaker_map={"B": "agent"})
    assert turns["speaker"].tolist() == ["agent", "agent", "agent"]


def test_speaker_map_naming_both_is_quiet(tmp_path):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        turns = cx.read_turns(_ab_file(tmp_path), speaker_map={"A": "customer", "B": "agent"})
    assert turns["speaker"].tolist() == ["customer", "agent", "customer"]


def test_cli_keeps_the_traceback_of_a_value_error_from_a_dependency(monkeypatch, capsys):
    from cxtext import cli

    def broken(args):
        import numpy as np

        np.zeros(2).reshape(3)  # ValueError raised inside numpy: a bug, not a user error

    parser = cli.build_parser()
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    sub = next(a for a in parser._actions if a.dest == "command")
    sub.choices["audit-pii"].set_defaults(func=broken)
    with pytest.raises(ValueError, match="reshape"):
        cli.main(["audit-pii", "x"])


def test_cli_one_line_for_a_value_error_cxtext_raises(monkeypatch, capsys):
    from cxtext import cli

    def refused(args):
        cx.sentiment(["好"], backend="nope")  # cxtext refuses the parameter

    parser = cli.build_parser()
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    sub = next(a for a in parser._actions if a.dest == "command")
    sub.choices["audit-pii"].set_defaults(func=refused)
    assert cli.main(["audit-pii", "x"]) == 2
    assert capsys.readouterr().err.startswith("cxtext audit-pii: error: The 'backend' parameter")
    monkeypatch.setenv("CXTEXT_DEBUG", "1")
    with pytest.raises(ValueError):
        cli.main(["audit-pii", "x"])


@pytest.mark.parametrize(
    ("arg", "hint"),
    [
        ("calls.csv", r"cx\.read_turns\('calls\.csv'\)"),
        (["我要销户"], r"cx\.sentiment / cx\.emotion / cx\.intents / cx\.categories"),
    ],
)
def test_tag_of_a_path_or_texts_points_to_the_right_call(arg, hint):
    with pytest.raises(TypeError, match=hint):
        cx.tag(arg)


def test_tag_of_a_corpus_points_to_its_turns(small_corpus):
    corpus = cx.read_corpus(small_corpus)
    with pytest.raises(TypeError, match=r"cx\.tag\(corpus\.turns\)"):
        cx.tag(corpus)


def test_empty_tag_conversations_have_the_dtypes_of_a_non_empty_one():
    t = pd.DataFrame({"conversation_id": ["c1"], "speaker": ["customer"], "text": ["我要销户"]})
    full = cx.tag(t).conversations
    empty = cx.tag(t.iloc[:0]).conversations
    assert list(empty.columns) == list(full.columns)
    assert {c: str(full[c].dtype) for c in full} == {c: str(empty[c].dtype) for c in empty}


@pytest.mark.parametrize("name", ["audit", "schema", "tags.base", "tags.tag"])
def test_docstring_examples_of_more_modules_run(name, monkeypatch):
    import copy
    import doctest
    import importlib

    from cxtext.tags import base

    # register_backend's example adds a backend: keep it out of later tests
    monkeypatch.setattr(base, "_REGISTRY", copy.deepcopy(base._REGISTRY))
    module = importlib.import_module(f"cxtext.{name}")
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0, f"cxtext.{name}: {result.failed} example(s) failed"


def test_umap_functions_get_numba_disk_cache(monkeypatch):
    pytest.importorskip("bertopic")
    umap_ = pytest.importorskip("umap.umap_")
    import types

    import numba
    from numba.core.caching import NullCache

    from cxtext import _topics_bertopic as tb

    # the import switched UMAP's functions on
    assert not isinstance(umap_.smooth_knn_dist._cache, NullCache)
    # a module of jitted functions without cache=True, as UMAP's are
    fake = types.ModuleType("cx_fake_jit")
    fake.add_one = numba.njit(lambda x: x + 1)
    monkeypatch.setitem(sys.modules, "cx_fake_jit", fake)
    monkeypatch.setattr(tb, "_JIT_MODULES", ("cx_fake_jit",))
    monkeypatch.setenv(tb.NUMBA_CACHE_ENV, "0")
    assert tb.cache_numba_jit() == 0 and isinstance(fake.add_one._cache, NullCache)
    monkeypatch.delenv(tb.NUMBA_CACHE_ENV)
    assert tb.cache_numba_jit() == 1 and not isinstance(fake.add_one._cache, NullCache)
    assert tb.cache_numba_jit() == 0  # once only


def test_churn_quotes_start_at_a_clause_or_a_word_not_mid_word():
    import rjieba

    from cxtext.churn import _quote

    text = ("您好我想问一下，上个月我的房贷扣款却失败了，你们也没有短信通知，我的手机13812345678"
            "一直开着，现在逾期了怎么办")
    q = _quote(text, "扣款却失败", 30)
    assert q.startswith("…上个月我的房贷扣款却失败了")  # was "…贷扣款却失败了": 房贷 cut
    assert "13812345678" not in q and len(q) <= 32
    asr = "我上个月房贷扣款失败了你们也没有通知我现在逾期了你们说怎么办我要投诉"
    q = _quote(asr, "投诉", 16)
    body = q.strip("…")
    assert "投诉" in body and len(body) <= 16
    bounds, at = {0}, 0
    for word in rjieba.cut(asr):
        at += len(word)
        bounds.add(at)
    start = asr.index(body)
    assert start in bounds and start + len(body) in bounds


def test_topic_quotes_are_distinct_and_cut_at_a_clause_end():
    from cxtext.topics import _quotes

    long = "我想问一下首付比例现在是多少，" * 5 + "另外公积金贷款和商业贷款能不能组合办理"
    got = _quotes([["那最近一笔是什么时候进来的?"], ["那最近一笔是什么时候进来滴?"],
                   [long], ["信用卡年费怎么又扣了"]], ["进来", "首付", "年费"])
    assert got[0] == "那最近一笔是什么时候进来的?"
    # the same question spelled otherwise comes after the distinct quotes
    assert got[1].endswith("多少…") and len(got[1]) <= 80  # cut at a clause mark, not mid-word
    assert got[2] == "信用卡年费怎么又扣了"
    few = _quotes([["那最近一笔是什么时候进来的?"], ["那最近一笔是什么时候进来滴?"]], ["进来"])
    assert few == ["那最近一笔是什么时候进来的?", "那最近一笔是什么时候进来滴?"]

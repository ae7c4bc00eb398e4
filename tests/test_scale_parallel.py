"""cx.tag(n_jobs=...): worker processes give exactly the one-process result, in order."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import cxtext as cx
from cxtext import _parallel

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    turns = pd.read_csv(REPO / "corpora" / "demo" / "turns.csv",
                        dtype={"conversation_id": str, "text": str}, keep_default_na=False)
    keep = turns["conversation_id"].isin(turns["conversation_id"].unique()[:120])
    sample = turns[keep]
    # Odd parts: a conversation with system turns only, one with a customer only, one with
    # an agent only; rows of conversations interleaved, ids out of order.
    odd = pd.DataFrame({
        "conversation_id": ["Z-sys", "A-cust", "Z-sys", "M-agent", "A-cust"],
        "turn": [0, 0, 1, 0, 1],
        "speaker": ["system", "customer", "system", "agent", "customer"],
        "text": ["欢迎致电", "我要销户", "请稍候", "您好，工号1024为您服务",
                 "再不退年费我就投诉到银保监"],
        "start_s": ["", "", "", "", ""],
        "end_s": ["", "", "", "", ""],
    })
    mixed = pd.concat([odd.iloc[:2], sample, odd.iloc[2:]], ignore_index=True)
    return mixed.iloc[::-1].reset_index(drop=True)  # reversed: not grouped by conversation


def test_n_jobs_gives_identical_results_in_order(sample):
    one = cx.tag(sample, progress=False)
    # chunk_size=300: many parts, so parts without agents or customers occur
    two = cx.tag(sample, progress=False, n_jobs=2, chunk_size=300)
    assert len(_parallel.split_by_conversation(one.turns["conversation_id"], 300)) > 5
    pd.testing.assert_frame_equal(one.turns, two.turns, check_exact=True)
    pd.testing.assert_frame_equal(one.conversations, two.conversations, check_exact=True)
    assert two.turns["text"].tolist() == sample["text"].tolist()
    assert two.conversations["conversation_id"].is_monotonic_increasing
    assert two.conversations["intent_churn"].sum() > 0
    # the pool is kept for the next call with the same settings: workers start once
    pool = _parallel._POOL
    pids = set(pool._processes)
    again = cx.tag(sample.head(400), progress=False, n_jobs=2, chunk_size=300)
    assert _parallel._POOL is pool and set(pool._processes) == pids
    assert len(again.turns) == 400
    _parallel.shutdown()
    assert _parallel._POOL is None


def test_split_by_conversation_keeps_conversations_whole():
    cid = pd.Series(["b", "a", "c", "a", "b", "d", "d", "d", "c"])
    parts = _parallel.split_by_conversation(cid, 3)
    assert sorted(np.concatenate(parts).tolist()) == list(range(len(cid)))
    owners = [set(cid.iloc[p]) for p in parts]
    for i, a in enumerate(owners):  # no conversation in two parts
        for b in owners[i + 1:]:
            assert not a & b
    # a conversation goes to the part its first row falls in (rows before it // 3)
    assert [sorted(o) for o in owners] == [["a", "b"], ["c"], ["d"]]
    assert all((np.diff(p) > 0).all() for p in parts)  # input order inside a part


@pytest.mark.parametrize("bad", [0, 1.5, "2", True])
def test_bad_n_jobs(bad):
    with pytest.raises(ValueError, match="'n_jobs' parameter of tag"):
        cx.tag(pd.DataFrame({"conversation_id": ["c"], "speaker": ["customer"],
                             "text": ["你好"]}), n_jobs=bad)


def test_n_jobs_negative_counts_from_the_cpus():
    cpus = _parallel.available_cpus()
    assert _parallel.check_n_jobs(-1, "tag") == cpus
    assert _parallel.check_n_jobs(-cpus - 5, "tag") == 1
    assert _parallel.check_n_jobs(None, "tag") == 1


def test_store_tag_passes_n_jobs_and_gets_the_same_tags(sample):
    sample = sample[sample["conversation_id"].str.startswith("CV")]
    ids = sorted(sample["conversation_id"].unique())[:40]
    turns = sample[sample["conversation_id"].isin(ids)].assign(customer_id="u1")
    got = {}
    for jobs in (1, 2):
        with cx.Store() as store:
            store.load(turns=turns)
            assert store.tag(chunk_size=15, n_jobs=jobs) == 40
            got[jobs] = store.read_table("conversation_tags").sort_values("conversation_id")
    _parallel.shutdown()
    pd.testing.assert_frame_equal(got[1].reset_index(drop=True), got[2].reset_index(drop=True))
    assert got[2]["intent_churn"].any()

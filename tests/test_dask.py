"""cx.tag on a Dask DataFrame: a 2-worker LocalCluster gives the pandas tags."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import cxtext as cx

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    turns = pd.read_csv(REPO / "corpora" / "demo" / "turns.csv",
                        dtype={"conversation_id": str, "text": str}, keep_default_na=False)
    keep = turns["conversation_id"].isin(turns["conversation_id"].unique()[:40])
    return turns[keep].reset_index(drop=True)


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=50)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def _sorted(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return df.sort_values(keys, kind="stable").reset_index(drop=True)


def test_dask_tag_on_local_cluster_equals_pandas(sample, client):
    import dask

    want = cx.tag(sample, progress=False)
    # partitions of whole conversations, by hash on conversation_id
    ddf = cx.partition_by_conversation(dd.from_pandas(sample, npartitions=2), npartitions=2)
    res = cx.tag(ddf)
    assert isinstance(res.turns, dd.DataFrame) and isinstance(res.conversations, dd.DataFrame)
    assert list(res.turns.columns) == list(want.turns.columns)
    assert list(res.conversations.columns) == list(want.conversations.columns)
    turns, conversations = dask.compute(res.turns, res.conversations)
    assert len(client.scheduler_info()["workers"]) == 2
    pd.testing.assert_frame_equal(_sorted(turns, ["conversation_id", "turn"]),
                                  _sorted(want.turns, ["conversation_id", "turn"]),
                                  check_exact=True)
    pd.testing.assert_frame_equal(_sorted(conversations, ["conversation_id"]),
                                  want.conversations, check_exact=True)
    assert conversations["intent_churn"].any() and conversations["categories"].map(len).sum()


def test_dask_tag_accepts_conversation_id_as_index(sample):
    import dask

    ddf = dd.from_pandas(sample.set_index("conversation_id").sort_index(), npartitions=2)
    res = cx.tag(ddf)
    with dask.config.set(scheduler="synchronous"):
        conversations = res.conversations.compute()
    want = cx.tag(sample, progress=False).conversations
    pd.testing.assert_frame_equal(_sorted(conversations, ["conversation_id"]), want,
                                  check_exact=True)


def test_dask_portraits_equal_pandas_portraits(sample, client):
    import dask

    conv = pd.read_csv(REPO / "corpora" / "demo" / "conversations.csv", dtype=str,
                       keep_default_na=False)
    conv = conv[conv["conversation_id"].isin(sample["conversation_id"])].reset_index(drop=True)
    crm = pd.read_csv(REPO / "corpora" / "demo" / "customers.csv", dtype={"customer_id": str})
    crm = crm[crm["customer_id"].isin(conv["customer_id"].unique()[:20])
              | crm["customer_id"].isin(["C000001", "C000002"])]  # some never called
    bal = pd.read_csv(REPO / "corpora" / "demo" / "balances.csv", dtype={"customer_id": str})
    bal = bal[bal["customer_id"].isin(crm["customer_id"])].reset_index(drop=True)
    res = cx.tag(sample, progress=False)
    want = cx.build_portraits({"conversations": conv, "conversation_tags": res.conversations,
                               "turns": res.turns, "balances": bal}, customers=crm)
    assert want["assets_trend_3m"].notna().sum() >= 20
    # Dask would turn the list columns (categories, evidence) into their str() otherwise
    with dask.config.set({"dataframe.convert-string": False}):
        frames = {
            # conversations and tags partitioned by conversation, not by customer
            "conversations": dd.from_pandas(conv, npartitions=3),
            "conversation_tags": dd.from_pandas(res.conversations, npartitions=2),
            "turns": dd.from_pandas(res.turns, npartitions=2),
            "balances": dd.from_pandas(bal, npartitions=2),
        }
        got = cx.build_portraits(frames, customers=crm)
    assert isinstance(got, dd.DataFrame)
    got = dask.compute(got)[0].reset_index(drop=True)
    assert got["customer_id"].is_unique and len(got) == len(want)
    assert set(want["customer_id"]) > set(conv["customer_id"])  # zero-contact CRM rows too
    pd.testing.assert_frame_equal(got, want, check_dtype=False, check_exact=True)

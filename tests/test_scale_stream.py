"""cx.tag_parquet: batch by batch, conversations across batch boundaries, same tags."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import cxtext as cx
from cxtext.errors import CxTextError

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    turns = pd.read_csv(REPO / "corpora" / "demo" / "turns.csv",
                        dtype={"conversation_id": str, "text": str}, keep_default_na=False)
    keep = turns["conversation_id"].isin(turns["conversation_id"].unique()[:80])
    turns = turns[keep].copy()
    for col in ("start_s", "end_s"):
        turns[col] = pd.to_numeric(turns[col], errors="coerce")
    return turns.sort_values(["conversation_id", "turn"]).reset_index(drop=True)


def test_tag_parquet_equals_tag_on_masked_turns(sample, tmp_path):
    src = tmp_path / "turns.parquet"
    sample.to_parquet(src)
    # 137 turns per batch: most conversations (about 13 turns) cross a batch boundary
    info = cx.tag_parquet(src, tmp_path / "out", batch_size=137, tokens=True)
    assert info["turns"] == len(sample) and info["batches"] > 5
    masked = sample.assign(text=cx.mask_pii_many(sample["text"])["text"])
    want = cx.tag(masked, progress=False)
    conv = pd.read_parquet(tmp_path / "out" / "conversation_tags.parquet")
    turns = pd.read_parquet(tmp_path / "out" / "turn_tags.parquet")
    assert info["conversations"] == len(conv) == sample["conversation_id"].nunique()
    assert conv["conversation_id"].is_unique
    pd.testing.assert_frame_equal(
        conv[["conversation_id", "n_turns", "intent_churn", "sentiment_mean", "quality_score"]],
        want.conversations[["conversation_id", "n_turns", "intent_churn", "sentiment_mean",
                            "quality_score"]], check_dtype=False)
    assert conv["categories"].map(json.loads).tolist() == want.conversations["categories"].tolist()
    assert turns["text"].tolist() == masked["text"].tolist()
    assert not turns["text"].str.contains(r"1[3-9]\d{9}").any()  # phones masked
    np.testing.assert_array_equal(turns["sentiment_score"], want.turns["sentiment_score"])
    cust = turns["speaker"] == "customer"
    read = sample["speaker"] == "customer"
    assert info["customer_chars"] == int(sample.loc[read, "text"].str.len().sum())
    tokens = turns["tokens"].map(json.loads)
    assert tokens[cust].map(len).sum() > 0 and tokens[~cust].map(len).sum() == 0
    assert tokens[cust].iloc[0] == cx.segment(turns.loc[cust, "text"].iloc[0])


def test_tag_parquet_refuses_an_unsorted_file(sample, tmp_path):
    src = tmp_path / "turns.parquet"
    backwards = sample.iloc[::-1].reset_index(drop=True)
    backwards.to_parquet(src)
    first = backwards["conversation_id"].ne(backwards["conversation_id"].iloc[0]).idxmax()
    row = first + 1  # 1-based row of the first turn out of order
    with pytest.raises(CxTextError, match=rf"not sorted by conversation_id: row {row} "):
        cx.tag_parquet(src, tmp_path / "out", batch_size=50)


def test_tag_parquet_with_workers_writes_the_same_files(sample, tmp_path):
    src = tmp_path / "turns.parquet"
    sample.to_parquet(src)
    one = cx.tag_parquet(src, tmp_path / "one", batch_size=400, tokens=True)
    two = cx.tag_parquet(src, tmp_path / "two", batch_size=400, tokens=True, n_jobs=2)
    assert {k: v for k, v in one.items() if not k.endswith("tags")} == \
        {k: v for k, v in two.items() if not k.endswith("tags")}
    for name in ("turn_tags", "conversation_tags"):
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "one" / f"{name}.parquet"),
                                      pd.read_parquet(tmp_path / "two" / f"{name}.parquet"),
                                      check_exact=True)


def test_progress_bar_only_when_asked(sample, tmp_path, capsys):
    from cxtext.tags.tag import _NoProgress, _progress

    src = tmp_path / "turns.parquet"
    sample.to_parquet(src)
    cx.tag_parquet(src, tmp_path / "quiet", progress=False)
    assert "cxtext.tag_parquet" not in capsys.readouterr().err
    cx.tag_parquet(src, tmp_path / "bar", progress=True)
    assert "cxtext.tag_parquet" in capsys.readouterr().err
    # no bar: a stand-in that takes the updates, and tqdm is not needed for it
    assert isinstance(_progress(19_999, None, "x"), _NoProgress)
    shown = _progress(20_000, None, "x")
    assert not isinstance(shown, _NoProgress)
    shown.close()
    with _progress(10, False, "x") as bar:
        bar.update(3)


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_progress_counts_turns_once_they_are_written(sample, tmp_path, monkeypatch, n_jobs):
    """With workers the parent runs a batch ahead: the bar must follow the writes."""
    from cxtext import _stream
    from cxtext.tags import tag as tag_module

    written = {"turns": 0}
    seen: list[tuple[int, int]] = []
    real_write = _stream._write_arrow

    def write(writers, name, path, table):
        if name == "turn_tags":
            written["turns"] += table.num_rows
        real_write(writers, name, path, table)

    class Bar:
        n = 0

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def update(self, k):
            self.n += k
            seen.append((self.n, written["turns"]))

    monkeypatch.setattr(_stream, "_write_arrow", write)
    monkeypatch.setattr(tag_module, "_progress", lambda total, show, desc: Bar())
    src = tmp_path / "turns.parquet"
    sample.to_parquet(src)
    info = cx.tag_parquet(src, tmp_path / "out", batch_size=150, n_jobs=n_jobs)
    assert len(seen) >= 3
    assert all(shown == done for shown, done in seen)
    assert seen[-1] == (info["turns"], info["turns"])

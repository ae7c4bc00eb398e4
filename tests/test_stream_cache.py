"""cxtext._stream: byte-bounded caches, and caching never changes what tag_parquet writes."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

import cxtext as cx
from cxtext import _stream
from cxtext._stream import ByteLRU

REPO = Path(__file__).resolve().parents[1]


def test_byte_lru_stays_within_its_bytes_and_evicts_least_recent():
    one = ByteLRU.size_of("k00", "v" * 10)
    cache = ByteLRU(3 * one)
    for i in range(3):
        cache.put(f"k{i:02d}", "v" * 10)
    assert len(cache) == 3 and cache.nbytes == 3 * one
    assert cache.get("k00") == "v" * 10  # k00 is now the most recent: k01 goes first
    cache.put("k03", "v" * 10)
    assert cache.get("k01") is None
    assert [cache.get(k) is not None for k in ("k00", "k02", "k03")] == [True, True, True]
    assert cache.nbytes == 3 * one <= cache.max_bytes


def test_byte_lru_counts_bytes_not_entries():
    cache = ByteLRU(20_000)
    long_text = "很长的一段客户投诉" * 400  # ~3,600 characters, ~7 kB as a str
    for i in range(10):
        cache.put(f"长{i}", long_text)
        assert cache.nbytes <= cache.max_bytes
    # at most two such entries fit, however many keys were put
    assert len(cache) == 20_000 // ByteLRU.size_of("长0", long_text) == 2
    assert cache.nbytes == sum(ByteLRU.size_of(f"长{i}", long_text) for i in (8, 9))
    cache.put("huge", "字" * 50_000)  # larger than the whole bound: not stored
    assert cache.get("huge") is None and len(cache) == 2
    cache.put("长9", "短")  # replacing an entry gives its bytes back
    assert cache.nbytes == ByteLRU.size_of("长8", long_text) + ByteLRU.size_of("长9", "短")
    assert sys.getsizeof(long_text) > 7_000


def test_byte_lru_charges_a_value_that_is_its_key_once():
    # a text that masking leaves unchanged comes back as the same object: held once
    text = "您好，请问有什么可以帮您？" * 3
    equal_copy = "".join(list(text))
    assert equal_copy == text and equal_copy is not text
    assert ByteLRU.size_of(text, equal_copy) - ByteLRU.size_of(text, text) == sys.getsizeof(text)
    cache = ByteLRU(10_000)
    cache.put_many([text, "k"], [text, equal_copy])
    assert cache.nbytes == ByteLRU.size_of(text, text) + ByteLRU.size_of("k", equal_copy)


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    turns = pd.read_csv(REPO / "corpora" / "demo" / "turns.csv",
                        dtype={"conversation_id": str, "text": str}, keep_default_na=False)
    keep = turns["conversation_id"].isin(turns["conversation_id"].unique()[:60])
    turns = turns[keep].copy()
    for col in ("start_s", "end_s"):
        turns[col] = pd.to_numeric(turns[col], errors="coerce")
    return turns.sort_values(["conversation_id", "turn"]).reset_index(drop=True)


def test_tiny_caches_write_the_same_files(sample, tmp_path, monkeypatch):
    src = tmp_path / "turns.parquet"
    sample.to_parquet(src)
    # batches of 150 turns: agent scripts repeat across batches, so the caches get hits
    cx.tag_parquet(src, tmp_path / "big", batch_size=150, tokens=True)
    tiny = {"_MASKED": ByteLRU(3_000), "_TOKENS": ByteLRU(3_000)}
    for name, cache in tiny.items():
        monkeypatch.setattr(_stream, name, cache)
    _stream.stage_cpu(reset=True)
    cx.tag_parquet(src, tmp_path / "tiny", batch_size=150, tokens=True)
    for cache in tiny.values():
        assert len(cache) > 0 and cache.nbytes <= 3_000
    for name in ("turn_tags", "conversation_tags"):
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "big" / f"{name}.parquet"),
                                      pd.read_parquet(tmp_path / "tiny" / f"{name}.parquet"),
                                      check_exact=True)
    stages = _stream.stage_cpu()
    assert set(stages) == {"read", "validate", "mask", "tag", "segment", "rollup", "encode",
                           "write"}
    assert stages["tag"] > 0


def test_each_distinct_text_is_masked_once_per_run(sample, tmp_path, monkeypatch):
    src = tmp_path / "turns.parquet"
    sample.to_parquet(src)
    monkeypatch.setattr(_stream, "_MASKED", ByteLRU(2**24))
    seen: list[str] = []
    real = cx.mask_pii_many

    def spy(texts, **kwargs):
        seen.extend(texts)
        return real(texts, **kwargs)

    monkeypatch.setattr("cxtext.text.pii.mask_pii_many", spy)
    info = cx.tag_parquet(src, tmp_path / "out", batch_size=150)
    assert info["batches"] > 3
    assert sorted(seen) == sorted(sample["text"].unique())


def test_byte_lru_many_is_get_and_put_one_by_one():
    keys = [f"k{i % 7}" for i in range(20)]
    values = ["v" * (i % 5 + 1) for i in range(20)]
    bound = 6 * ByteLRU.size_of("k0", "vvv")
    one, many = ByteLRU(bound), ByteLRU(bound)
    for k, v in zip(keys, values, strict=True):
        one.put(k, v)
    many.put_many(keys, values)
    assert list(one._data.items()) == list(many._data.items()) and one.nbytes == many.nbytes
    probe = ["k1", "zz", "k6", "k1", "k0"]
    singles = [one.get(k) for k in probe]
    found, misses = many.get_many(probe)
    assert found == singles and misses == [i for i, v in enumerate(singles) if v is None]
    assert list(one._data) == list(many._data)  # hits moved to the end alike


def _arrow_memory_while_reading(src, batch_size):
    import pyarrow as pa

    before = pa.total_allocated_bytes()
    held = []
    for batch in src.iter_batches(batch_size=batch_size):
        del batch
        held.append(pa.total_allocated_bytes() - before)
    return held


def test_reader_holds_about_one_batch_not_the_file(tmp_path):
    # pyarrow's pre-buffering reader keeps the ranges it read until it is closed (the 1M
    # bench run held ~100 MB more per 300k conversations): tag_parquet's reader must hold
    # about one batch's memory, whatever the size of the file
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = np.random.default_rng(0)
    path = tmp_path / "many_groups.parquet"
    with pq.ParquetWriter(str(path), pa.schema([("text", pa.string())])) as writer:
        for _ in range(24):  # 24 row groups of ~0.4 MB of incompressible text
            words = rng.integers(0, 2**62, size=20_000).astype(str)
            writer.write_table(pa.table({"text": words}))
    group_bytes = path.stat().st_size / 24
    held = _arrow_memory_while_reading(_stream._open_parquet(path), 10_000)
    assert len(held) == 48
    # (pyarrow 26's default, pre-buffering reader holds ~30 MB here from the first batch)
    assert max(held) < 8 * group_bytes


def test_tag_parquet_fixes_the_mmap_threshold_once_per_call(sample, tmp_path, monkeypatch):
    calls = []

    class FakeLibc:
        def mallopt(self, param, value):
            calls.append((param, value))
            return 1

        def malloc_trim(self, pad):
            return 0

    monkeypatch.setattr(_stream, "_LIBC", FakeLibc())
    src = tmp_path / "turns.parquet"
    sample.to_parquet(src)
    cx.tag_parquet(src, tmp_path / "out", progress=False)
    # M_MMAP_THRESHOLD and M_TRIM_THRESHOLD, before the first batch
    assert calls == [(-3, 4 * 2**20), (-1, 32 * 2**20)]

"""benchmarks/bench_scale.py: the summary's memory ratio compares runs of one commit only."""

from __future__ import annotations

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location(
        "bench_scale", REPO / "benchmarks" / "bench_scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(peak: float) -> dict:
    return {"customer_chars_per_s_per_core": 1.0, "customer_chars_per_cpu_s": 2.0,
            "customer_chars_per_s": 1.0, "peak_rss_mb": peak}


def _result(commit_1m: str | None) -> dict:
    big = {"status": "measured", "n_jobs=1": _run(1200.0)}
    if commit_1m is not None:  # merged in from another invocation
        big["code_commit"] = commit_1m
    return {"runs": {"100000": {"status": "measured", "n_jobs=1": _run(800.0)},
                     "1000000": big},
            "snownlp": None, "code": {"commit": "aaa1111"}}


def test_memory_ratio_of_one_commit():
    summary = _bench().summarise(_result(None))
    assert summary["memory_1m_over_100k"] == 1.5
    assert summary["memory_target_reached"] is True
    assert summary["memory_ratio_commit"] == "aaa1111"
    assert _bench().summarise(_result("aaa1111"))["memory_1m_over_100k"] == 1.5


def test_no_memory_ratio_across_commits():
    summary = _bench().summarise(_result("bbb2222"))
    assert summary["memory_1m_over_100k"] is None
    assert summary["memory_target_reached"] is None
    assert "bbb2222" in summary["memory_ratio_note"] and "aaa1111" in summary["memory_ratio_note"]


def test_the_goal_is_reported_per_size_and_as_a_ratio_to_snownlp():
    def run(chars: float) -> dict:
        return {"customer_chars_per_s_per_core": chars, "customer_chars_per_cpu_s": chars,
                "customer_chars_per_s": chars, "peak_rss_mb": 700.0}

    result = {"runs": {"10000": {"n_jobs=1": run(200_000.0)},
                       "100000": {"n_jobs=1": run(310_000.0)}},
              "snownlp": {"customer_chars_per_s": 10_000.0, "customer_chars_per_cpu_s": 10_000.0},
              "code": {"commit": "aaa1111"}}
    summary = _bench().summarise(result)
    assert summary["chars_target_reached"] is True  # the best size
    assert summary["chars_target_reached_at_sizes"] == [100000]  # and which sizes
    assert summary["x_snownlp_n_jobs_1"]["100000"]["x_snownlp_chars_per_s"] == 31.0
    assert summary["x_snownlp_goal"] == 40 and summary["x_snownlp_goal_reached"] is False

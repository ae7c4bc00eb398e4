"""The gold set's split rule (benchmarks/bench_intents.py) and its checker (check_gold.py)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "corpora" / "gold" / "intents_categories.jsonl"


def _bench():
    spec = importlib.util.spec_from_file_location(
        "bench_intents", REPO / "benchmarks" / "bench_intents.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("item_id", "splits"),
    [
        ("g0001", {"dev", "dev_g0001_g0917"}),
        ("g0002", {"heldout", "heldout_g0001_g0917"}),
        ("g0917", {"dev", "dev_g0001_g0917"}),
        ("g0918", {"heldout"}),
        ("g1095", {"dev"}),
        ("g1096", {"heldout", "heldout_g1096_g1311"}),
        ("g1311", {"dev", "dev_g1096_g1311"}),
        ("g1312", {"heldout", "heldout_g1312_g1523"}),
        ("g1523", {"dev", "dev_g1312_g1523"}),
        ("g1524", {"heldout"}),
    ],
)
def test_split_membership(item_id: str, splits: set[str]) -> None:
    bench = _bench()
    got = {name for name in bench.SPLITS if bench.in_split({"id": item_id}, name)}
    assert got == splits | {"all"}


@pytest.mark.parametrize("batch", ["g1096_g1311", "g1312_g1523"])
def test_later_batches_are_pairs_of_one_held_out_and_one_dev_item(batch: str) -> None:
    with GOLD.open(encoding="utf-8") as fh:
        ids = [json.loads(line)["id"] for line in fh if line.strip()]
    bench = _bench()
    lo, hi = bench.RANGES[batch]
    batch = [int(i[1:]) for i in ids if lo <= int(i[1:]) <= hi]
    assert batch == list(range(lo, hi + 1))
    assert lo % 2 == 0 and (hi - lo + 1) % 2 == 0  # every pair: even (held out), then odd (dev)


def test_dev_only_scores_no_held_out_item(tmp_path: Path, capsys) -> None:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines[:6]) + "\n", encoding="utf-8")  # g0001-g0006
    out = tmp_path / "intents.json"
    assert _bench().main(["--gold", str(path), "--dev-only", "--no-speed", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    report = json.loads(out.read_text(encoding="utf-8"))
    assert set(report["splits"]) == {"dev", "dev_g0001_g0917"}
    assert report["n"] == 3 and report["splits"]["dev"]["n"] == 3
    assert "heldout" not in printed
    # without --out, --dev-only writes no results file
    assert _bench().main(["--gold", str(path), "--dev-only", "--no-speed"]) == 0
    assert "(not written)" in capsys.readouterr().out


def test_check_gold_passes_on_the_gold_set() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "corpora" / "gold" / "check_gold.py")],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:]
    assert "OK: gold set is valid." in done.stdout


def test_check_gold_rejects_a_broken_item(tmp_path: Path) -> None:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    bad = json.loads(lines[0])
    bad["speaker"] = "agent"  # an agent turn with a customer intent and no agent_speaker tag
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join([json.dumps(bad, ensure_ascii=False), *lines[1:]]) + "\n",
                    encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(REPO / "corpora" / "gold" / "check_gold.py"), str(path)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 1
    assert "agent utterances carry no customer intents" in done.stdout
    assert "'agent_speaker' tag must be present iff speaker is agent" in done.stdout

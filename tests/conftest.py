"""Shared fixtures. Tests never need ../shared: what does is skipped with a reason."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "corpora" / "demo"


def shared_data_dir() -> Path | None:
    """``$CXTEXT_SHARED_DATA`` or ``../shared/data`` beside the checkout, when present."""
    env = os.environ.get("CXTEXT_SHARED_DATA")
    path = Path(env) if env else REPO.parent / "shared" / "data"
    return path if path.is_dir() else None


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = shared_data_dir()
    if path is None:
        pytest.skip("needs the public data sets in ../shared/data (or $CXTEXT_SHARED_DATA)")
    return path


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    if not (DEMO / "turns.csv").is_file():
        pytest.fail("corpora/demo is missing: run `make corpus`")
    return DEMO


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory: pytest.TempPathFactory, demo_dir: Path) -> Path:
    """The first 80 conversations of the demo corpus (with their customers) in a tmp folder."""
    import pandas as pd

    out = tmp_path_factory.mktemp("small_corpus")
    conv = pd.read_csv(demo_dir / "conversations.csv", dtype=str, keep_default_na=False)
    conv = conv.head(80)
    ids = set(conv["conversation_id"])
    turns = pd.read_csv(demo_dir / "turns.csv", dtype=str, keep_default_na=False)
    turns = turns[turns["conversation_id"].isin(ids)]
    cust = pd.read_csv(demo_dir / "customers.csv", dtype=str, keep_default_na=False)
    cust = cust[cust["customer_id"].isin(set(conv["customer_id"]))]
    conv.to_csv(out / "conversations.csv", index=False)
    turns.to_csv(out / "turns.csv", index=False)
    cust.to_csv(out / "customers.csv", index=False)
    return out

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


# A conversation written to break reports: markup and personal data in the transcript.
# Reports must show the markup as text and never the numbers (tests/test_report*.py).
CRAFTED_ID = "CVX000001"
CRAFTED_TURNS = (
    ("agent", "喂。"),
    ("customer", "<script>alert(1)</script>你们又乱扣我年费！我的手机号13812345678，"
                 "身份证110101199003071233，卡号6222021234567890128，再不退我就销户，"
                 "去银保监会投诉你们！"),
    ("agent", "不知道，这不归我们管，你问网点。"),
    ("customer", "<img src=x onerror=alert(2)>太过分了，我要投诉，把钱全部转走"),
    ("agent", "没办法。"),
)


@pytest.fixture(scope="session")
def report_corpus(small_corpus: Path, demo_dir: Path,
                  tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``small_corpus`` plus the agents table and one crafted conversation (see above)."""
    import shutil

    import pandas as pd

    out = tmp_path_factory.mktemp("report_corpus")
    conv = pd.read_csv(small_corpus / "conversations.csv", dtype=str, keep_default_na=False)
    turns = pd.read_csv(small_corpus / "turns.csv", dtype=str, keep_default_na=False)
    first = conv.iloc[0]
    crafted = {**first.to_dict(), "conversation_id": CRAFTED_ID, "channel": "phone",
               "duration_s": "120", "resolved": "false"}
    conv = pd.concat([conv, pd.DataFrame([crafted])], ignore_index=True)
    extra = pd.DataFrame([
        {"conversation_id": CRAFTED_ID, "turn": str(i), "speaker": s, "text": t,
         "start_s": "", "end_s": ""} for i, (s, t) in enumerate(CRAFTED_TURNS)
    ])
    turns = pd.concat([turns, extra[turns.columns]], ignore_index=True)
    conv.to_csv(out / "conversations.csv", index=False)
    turns.to_csv(out / "turns.csv", index=False)
    shutil.copy(small_corpus / "customers.csv", out / "customers.csv")
    shutil.copy(demo_dir / "agents.csv", out / "agents.csv")
    return out


#: Report notebooks rendered at once by ``rendered_reports`` (kernels are separate processes).
RENDER_THREADS = 2
_RENDERED = "rendered_reports"


def _render_all(corpus: str, out: str, threads: int = RENDER_THREADS) -> dict:
    """Tag ``corpus`` into a work store under ``out``, render every report and the index.

    The topics report uses the TF-IDF embedding to stay fast on this small slice. The
    notebooks render ``threads`` at a time (each kernel is its own process and gets its
    environment from ``render_report``, not from ``os.environ``), the slowest (topics) first.
    """
    from concurrent.futures import ThreadPoolExecutor

    from cxtext import report

    folder = Path(out)
    store = report.prepare_store(corpus, folder / report.WORK_STORE)
    extra = {"topics": {"embedding": "tfidf-svd"}}
    order = sorted(report.REPORTS, key=lambda n: n != "topics")
    with ThreadPoolExecutor(max_workers=threads) as pool:
        futures = {
            name: pool.submit(report.render_report, name, folder,
                              parameters={"store": str(store), **extra.get(name, {})})
            for name in order
        }
        rendered = {name: futures[name].result() for name in report.REPORTS}
    index = report.write_index(list(rendered.values()), folder,
                               data_range=report.data_range(store))
    return {"out": folder, "reports": rendered, "index": index, "store": store}


def _uses_rendered(item: pytest.Item) -> bool:
    return _RENDERED in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config,
                                  items: list[pytest.Item]) -> None:
    """Modules that read ``rendered_reports`` run last (their order kept): the reports render
    in a background process (``_reports_in_background``) while the other tests run."""
    late = {item.path for item in items if _uses_rendered(item)}
    if late:
        items[:] = ([i for i in items if i.path not in late]
                    + [i for i in items if i.path in late])


@pytest.fixture(scope="session", autouse=True)
def _reports_in_background(request: pytest.FixtureRequest):
    """Start rendering ``rendered_reports`` in a spawned process at the first test, when a
    selected test needs it; the future is what ``rendered_reports`` waits on."""
    if not any(_uses_rendered(i) for i in request.session.items) or not (
            DEMO / "turns.csv").is_file():
        yield None
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    corpus = request.getfixturevalue("report_corpus")
    out = request.getfixturevalue("tmp_path_factory").mktemp("reports")
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    try:
        yield pool.submit(_render_all, str(corpus), str(out))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@pytest.fixture(scope="session")
def rendered_reports(_reports_in_background, report_corpus: Path,
                     tmp_path_factory: pytest.TempPathFactory):
    """Every report rendered from ``report_corpus`` through one work store, plus the index
    (see ``_render_all``); rendered in the background since the first test."""
    from types import SimpleNamespace

    done = None
    if _reports_in_background is not None:
        try:
            done = _reports_in_background.result()
        except Exception:  # rendered again below, where any error is raised
            done = None
    if done is None:  # not foreseen at the first test, or the background run failed
        done = _render_all(str(report_corpus), str(tmp_path_factory.mktemp("reports")))
    return SimpleNamespace(**done)

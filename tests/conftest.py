"""Shared fixtures. Tests never need ../shared: what does is skipped with a reason."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "corpora" / "demo"


def pytest_configure(config: pytest.Config) -> None:
    """Point cxtext's cache (compiled hyperscan databases …) at a folder of this run, so the
    suite neither writes into the user's ~/.cache/cxtext nor reads what is there; spawned
    workers and subprocesses inherit it. ``CXTEXT_TEST_CACHE`` names a folder to reuse."""
    import tempfile

    folder = os.environ.get("CXTEXT_TEST_CACHE") or tempfile.mkdtemp(prefix="cxtext-test-cache-")
    config._cxtext_cache = (folder, os.environ.get("XDG_CACHE_HOME"),
                            not os.environ.get("CXTEXT_TEST_CACHE"))
    os.environ["XDG_CACHE_HOME"] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    saved = getattr(config, "_cxtext_cache", None)
    if saved is None:
        return
    folder, before, remove = saved
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before
    if remove:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


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
#: Session fixtures computed in a background process from the first test on (see
#: ``_reports_in_background``), in this order.
_BACKGROUND = ("rendered_reports", "rendered_profile", "cli_report_run")


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


def _render_profile(corpus: str, out: str):
    """The corpus-profile report of a corpus folder (tagged inside the notebook's kernel)."""
    from cxtext.report import render_report

    return render_report("corpus_profile", out, parameters={"corpus_dir": corpus})


def _cli_report(corpus: str, out: str) -> dict:
    """``cxtext report corpus_profile --corpus CORPUS --out OUT`` through ``cxtext.cli.main``:
    ``out``, its exit ``code`` and what it printed to ``stdout`` (stderr is kept out of the
    test output)."""
    import contextlib
    import io

    from cxtext.cli import main

    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(io.StringIO()):
        code = main(["report", "corpus_profile", "--corpus", corpus, "--out", out])
    return {"out": Path(out), "code": code, "stdout": stdout.getvalue()}


#: What rendering a report needs (the ``notebooks`` extra): without it the report fixtures skip.
_NOTEBOOK_MODULES = ("papermill", "nbconvert", "ipykernel")


def _notebooks_missing() -> str | None:
    """The first module of the ``notebooks`` extra that cannot be found, or None."""
    import importlib.util

    return next((m for m in _NOTEBOOK_MODULES if importlib.util.find_spec(m) is None), None)


def _need_notebooks() -> None:
    missing = _notebooks_missing()
    if missing:
        pytest.skip(f"rendering reports needs the notebooks extra ({missing} is not installed: "
                    "pip install 'cxtext[notebooks]')")


def _background_wanted(items: list[pytest.Item]) -> list[str]:
    used = set().union(*(getattr(i, "fixturenames", ()) for i in items)) if items else set()
    return [name for name in _BACKGROUND if name in used]


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config,
                                  items: list[pytest.Item]) -> None:
    """Modules that read a ``_BACKGROUND`` fixture run last (their order kept), so that it is
    computed in a background process (``_reports_in_background``) while the others run."""
    late = {i.path for i in items if set(_BACKGROUND) & set(getattr(i, "fixturenames", ()))}
    if late:
        items[:] = ([i for i in items if i.path not in late]
                    + [i for i in items if i.path in late])


@pytest.fixture(scope="session", autouse=True)
def _reports_in_background(request: pytest.FixtureRequest):
    """At the first test, start computing the ``_BACKGROUND`` fixtures the selected tests
    use, one after the other in a spawned process; yields their futures by name."""
    wanted = _background_wanted(request.session.items)
    if not wanted or not (DEMO / "turns.csv").is_file() or _notebooks_missing():
        yield {}
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    tmp = request.getfixturevalue("tmp_path_factory")
    jobs = {
        "rendered_reports": lambda: (_render_all, str(request.getfixturevalue("report_corpus")),
                                     str(tmp.mktemp("reports"))),
        "rendered_profile": lambda: (_render_profile, str(request.getfixturevalue(
            "small_corpus")), str(tmp.mktemp("profile"))),
        "cli_report_run": lambda: (_cli_report, str(request.getfixturevalue("small_corpus")),
                                   str(tmp.mktemp("cli_report") / "out")),
    }
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    try:
        yield {name: pool.submit(*jobs[name]()) for name in wanted}
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _from_background(futures: dict, name: str, compute):
    """The background result of ``name``; computed here when there is none or it failed
    (where any error is then raised)."""
    if name in futures:
        try:
            return futures[name].result()
        except Exception:  # computed again below, where any error is raised
            pass
    return compute()


@pytest.fixture(scope="session")
def rendered_reports(_reports_in_background, report_corpus: Path,
                     tmp_path_factory: pytest.TempPathFactory):
    """Every report rendered from ``report_corpus`` through one work store, plus the index
    (see ``_render_all``); rendered in the background since the first test."""
    _need_notebooks()
    from types import SimpleNamespace

    done = _from_background(_reports_in_background, "rendered_reports", lambda: _render_all(
        str(report_corpus), str(tmp_path_factory.mktemp("reports"))))
    return SimpleNamespace(**done)


@pytest.fixture(scope="session")
def rendered_profile(_reports_in_background, small_corpus: Path,
                     tmp_path_factory: pytest.TempPathFactory):
    """``(RenderedReport, html)`` of the corpus-profile report of ``small_corpus`` (read and
    tagged by the notebook itself: ``corpus_dir``); rendered in the background."""
    _need_notebooks()
    r = _from_background(_reports_in_background, "rendered_profile", lambda: _render_profile(
        str(small_corpus), str(tmp_path_factory.mktemp("profile"))))
    return r, r.path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def cli_report_run(_reports_in_background, small_corpus: Path,
                   tmp_path_factory: pytest.TempPathFactory):
    """``cxtext report corpus_profile --corpus small_corpus --out OUT`` run in the background
    (see ``_cli_report``): ``out``, exit ``code`` and ``stdout``."""
    _need_notebooks()
    from types import SimpleNamespace

    done = _from_background(_reports_in_background, "cli_report_run", lambda: _cli_report(
        str(small_corpus), str(tmp_path_factory.mktemp("cli_report") / "out")))
    return SimpleNamespace(**done)

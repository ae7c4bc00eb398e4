"""Process-pool tagging for ``cx.tag(..., n_jobs=N)`` (private helper).

The validated turns table is cut into *parts* of whole conversations (about
``chunk_size`` turns each, in ``conversation_id`` order). Each part is tagged and
rolled up in a worker process; the parts' turns are put back in input order and their
conversation roll-ups concatenated in ``conversation_id`` order, which is exactly what
one process produces.

Workers are *spawned* (not forked: a fork of a process running threads, as Jupyter or
Dask do, can deadlock) and each initialises once: it imports cxtext and loads the
models and rules by tagging a two-turn warm-up. The pool is kept for later calls with
the same ``n_jobs`` and tagging options (``Store.tag`` calls ``cx.tag`` chunk after
chunk), and shut down at interpreter exit or by :func:`shutdown`.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["available_cpus", "check_n_jobs", "collect", "shutdown",
           "split_by_conversation", "submit_parts", "tag_parallel"]

_LOCK = threading.Lock()
_POOL: ProcessPoolExecutor | None = None
_POOL_KEY: tuple[int, bytes] | None = None


def available_cpus() -> int:
    """CPUs this process may run on (its affinity mask where the OS has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def check_n_jobs(n_jobs: object, owner: str) -> int:
    """Resolve scikit-learn style ``n_jobs`` (None → 1, -1 → all CPUs, -2 → all but one)."""
    if n_jobs is None:
        return 1
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, (int, np.integer)) or n_jobs == 0:
        raise ValueError(
            f"The 'n_jobs' parameter of {owner} must be a non-zero int or None "
            f"(-1 for every CPU). Got {n_jobs!r} instead."
        )
    n_jobs = int(n_jobs)
    if n_jobs < 0:
        return max(1, available_cpus() + 1 + n_jobs)
    return n_jobs


def split_by_conversation(conversation_id: pd.Series, target_rows: int) -> list[np.ndarray]:
    """Row positions of parts of whole conversations, about ``target_rows`` rows each.

    Parts follow ``conversation_id`` order (the order of :func:`cxtext.rollup`'s
    output); inside a part, rows keep their input order.
    """
    codes, _ = pd.factorize(conversation_id, sort=True)
    sizes = np.bincount(codes)
    ends = np.cumsum(sizes)
    # conversation k goes to part floor(rows before it / target): whole conversations only
    part_of_conv = (ends - sizes) // max(1, target_rows)
    _, part_of_conv = np.unique(part_of_conv, return_inverse=True)
    part = part_of_conv[codes]
    order = np.argsort(part, kind="stable")
    bounds = np.flatnonzero(np.diff(part[order])) + 1
    return np.split(order, bounds)


def _init_worker(options: dict[str, Any]) -> None:
    """Load models and rules once per worker."""
    from cxtext.schema import validate
    from cxtext.tags.tag import tag_part

    warm = pd.DataFrame({
        "conversation_id": ["warm-up", "warm-up"],
        "speaker": ["agent", "customer"],
        "text": ["您好，请问有什么可以帮您？", "我的信用卡年费乱扣，我要投诉"],
    })
    tag_part(validate(warm, "turns"), options, quality=True)


def _run_part(part: pd.DataFrame, options: dict[str, Any], quality: bool):
    from cxtext.tags.tag import tag_part

    return tag_part(part, options, quality)


def _pool(n_jobs: int, options: dict[str, Any]) -> ProcessPoolExecutor:
    global _POOL, _POOL_KEY
    key = (n_jobs, pickle.dumps(options))
    with _LOCK:
        if _POOL is not None and key == _POOL_KEY:
            return _POOL
        if _POOL is not None:
            _POOL.shutdown(wait=True, cancel_futures=True)
        import multiprocessing

        _POOL = ProcessPoolExecutor(
            max_workers=n_jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(options,),
        )
        _POOL_KEY = key
        return _POOL


def shutdown() -> None:
    """Stop the worker processes kept for ``cx.tag(n_jobs=...)`` (they restart on demand)."""
    global _POOL, _POOL_KEY
    with _LOCK:
        if _POOL is not None:
            _POOL.shutdown(wait=True, cancel_futures=True)
        _POOL, _POOL_KEY = None, None


atexit.register(shutdown)


def _in_unguarded_script() -> bool:
    """Whether ``__main__`` is a script file (not a notebook, REPL or ``python -c``).

    Spawned workers import such a script again as ``__mp_main__``, so code that is not under
    ``if __name__ == "__main__":`` runs in every worker, and its ``cx.tag(n_jobs=...)`` stops
    the worker with multiprocessing's bootstrapping RuntimeError.
    """
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    return bool(path) and str(path).endswith(".py")


@contextlib.contextmanager
def _worker_errors(n_jobs: int) -> Iterator[None]:
    """Turn a broken pool into a :class:`~cxtext.errors.WorkerError` that says what to do;
    the pool is dropped so that the next call starts fresh workers."""
    from cxtext.errors import WorkerError

    try:
        yield
    except BrokenProcessPool as exc:
        shutdown()
        guard = (
            'This is a script: put the code that calls cxtext with n_jobs under\n'
            '    if __name__ == "__main__":\n'
            "workers are spawned and import the script again, so unguarded top-level code "
            "runs in each of them (see the worker's RuntimeError above). "
        )
        memory = (
            "If a worker ran out of memory, use a smaller chunk_size, fewer n_jobs, or "
            "n_jobs=1."
        )
        raise WorkerError(
            f"a worker process of n_jobs={n_jobs} stopped abruptly. "
            + (guard if _in_unguarded_script() else "")
            + memory
        ) from exc


def _call(func: Any, part: pd.DataFrame, args: tuple) -> Any:
    return func(part, *args)


def submit_parts(func: Any, parts: list[Any], n_jobs: int, options: dict[str, Any],
                 *args: Any) -> list[Any]:
    """Start ``func(part, options, *args)`` for every part on the worker pool and return the
    futures at once (the caller collects them with :func:`collect`), so that the caller can
    read the next batch while the workers run this one."""
    pool = _pool(n_jobs, options)
    extra = (options, *args)
    with _worker_errors(n_jobs):
        return [pool.submit(_call, func, part, extra) for part in parts]


def collect(futures: list[Any], n_jobs: int) -> list[Any]:
    """The results of :func:`submit_parts`' futures, in order."""
    with _worker_errors(n_jobs):
        return [f.result() for f in futures]


def tag_parallel(tr: pd.DataFrame, options: dict[str, Any], n_jobs: int, progress: Any):
    """``cx.tag`` of a validated table on ``n_jobs`` worker processes."""
    from cxtext.tags.tag import TagResult, _progress

    quality = bool((tr["speaker"] == "agent").any())
    # at least two parts per worker (balance), at most chunk_size turns each (memory)
    target = max(200, min(options["chunk_size"], -(-len(tr) // (2 * n_jobs))))
    parts = split_by_conversation(tr["conversation_id"], target)
    pool = _pool(n_jobs, options)
    turn_parts: list[pd.DataFrame] = []
    conv_parts: list[pd.DataFrame] = []
    with _progress(len(tr), progress, "cxtext.tag") as bar, _worker_errors(n_jobs):
        # map keeps the parts' order; at most a few parts wait in the queue at once
        futures = pool.map(_run_part, (tr.iloc[rows] for rows in parts),
                           [options] * len(parts), [quality] * len(parts))
        for rows, res in zip(parts, futures, strict=True):
            turn_parts.append(res.turns)
            conv_parts.append(res.conversations)
            bar.update(len(rows))
    tagged = pd.concat(turn_parts)
    # the parts hold rows of tr (a RangeIndex): put them back in input order
    tagged = tagged.take(np.argsort(tagged.index.to_numpy(), kind="stable"))
    tagged.index = tr.index
    conversations = pd.concat(conv_parts, ignore_index=True)
    return TagResult(tagged, conversations)

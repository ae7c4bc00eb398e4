"""Which OpenBLAS kernels a process uses, for reproducible training.

lbfgs stops where its line searches take it, and those depend on the last bits of BLAS sums:
the same data, seed and library versions end at weights up to ~0.1 apart when OpenBLAS runs
its Haswell (AVX2) kernels instead of its SkylakeX (AVX-512) ones. OpenBLAS picks its kernels
from the CPU, or from ``OPENBLAS_CORETYPE`` read once when the library loads, so a model card
records the kernels that trained it (``libraries["blas_core"]``) and a retrain that must give
the same bytes runs in a process started with ``OPENBLAS_CORETYPE`` set to that value. The
number of BLAS threads splits the sums too (the sentiment model's bytes differ between 1 and 2
threads), so the card records it (``libraries["blas_threads"]``, ``OPENBLAS_NUM_THREADS``).
"""

from __future__ import annotations

#: CPU features (numpy's names) each OpenBLAS core type needs to run on this machine.
_CORE_FEATURES: dict[str, tuple[str, ...]] = {
    "SkylakeX": ("AVX512F", "AVX512CD", "AVX512BW", "AVX512DQ", "AVX512VL"),
    "Cooperlake": ("AVX512F", "AVX512CD", "AVX512BW", "AVX512DQ", "AVX512VL"),
    "Haswell": ("AVX2", "FMA3"),
    "Zen": ("AVX2", "FMA3"),
    "Sandybridge": ("AVX",),
}


def _openblas() -> list[dict]:
    """threadpoolctl's entries of the OpenBLAS libraries loaded by numpy and scipy."""
    import numpy  # noqa: F401  (threadpoolctl lists only loaded libraries)
    import scipy.linalg  # noqa: F401
    from threadpoolctl import threadpool_info

    return [i for i in threadpool_info() if i.get("internal_api") == "openblas"]


def blas_core() -> str | None:
    """The core type of the OpenBLAS that numpy and scipy use here (``"Haswell"``,
    ``"SkylakeX"`` …; ``"A/B"`` when they differ), or None without OpenBLAS."""
    cores = sorted({str(i["architecture"]) for i in _openblas() if i.get("architecture")})
    return "/".join(cores) or None


def blas_threads() -> int | None:
    """How many threads OpenBLAS uses here (the most among numpy's and scipy's), or None."""
    n = [int(i["num_threads"]) for i in _openblas()]
    return max(n) if n else None


def can_run_core(core: str) -> bool:
    """Whether this CPU has what the OpenBLAS ``core`` type's kernels need (False when unknown)."""
    need = _CORE_FEATURES.get(core)
    if need is None:
        return False
    try:
        from numpy._core._multiarray_umath import __cpu_features__ as have
    except ImportError:  # numpy < 2
        try:
            from numpy.core._multiarray_umath import __cpu_features__ as have
        except ImportError:
            return False
    return all(have.get(f, False) for f in need)

"""Run every benchmark (``benchmarks/bench_*.py``); each writes benchmarks/results/<name>.json.

Usage: ``python benchmarks/run.py [NAME ...]`` (default: all). Benchmarks that need the public
data sets read them from ``$CXTEXT_SHARED_DATA`` or ``../shared/data``.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if argv:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in argv]
    failed = []
    for script in scripts:
        start = time.perf_counter()
        print(f"== {script.stem}", flush=True)
        rc = subprocess.call([sys.executable, str(script)])
        print(f"   {script.stem}: exit {rc} in {time.perf_counter() - start:.1f} s", flush=True)
        if rc:
            failed.append(script.stem)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""End-to-end `check` of a 40-page document against `read` of it, in the same run, and a fresh process.

Usage: .venv/bin/python benchmarks/check_vs_read.py [DOCX] [runs]
Targets (issue 5): check ≤ 3× read; a fresh `sosfs-check check` process < 2 s on this machine.
Read and check runs alternate, so a noisy machine slows both alike. Each timed run follows timeit (garbage
collected before, cyclic GC off during) and starts with an empty token cache, as a new process does.
"""

from __future__ import annotations

import gc
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO / "corpus" / "benchmark" / "ledningssystem-40-sidor.docx"


def _timed(function) -> float:
    from sosfs_check.analysis.terms import words

    words.cache_clear()
    gc.collect()
    gc.disable()
    start = time.perf_counter()
    function()
    elapsed = time.perf_counter() - start
    gc.enable()
    return elapsed * 1000


def main(path: Path, runs: int) -> None:
    from sosfs_check import check, read

    check(path)  # warm-up: imports, catalog cache, compiled patterns
    read_ms, check_ms = [], []
    for _ in range(runs):
        read_ms.append(_timed(lambda: read(path)))
        check_ms.append(_timed(lambda: check(path)))
    fresh = []
    for _ in range(max(3, runs // 3)):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "sosfs_check", "check", str(path), "--format", "json", "-o", "/dev/null",
                        "--force"], check=True, capture_output=True)
        fresh.append(time.perf_counter() - start)
    read_median, check_median = statistics.median(read_ms), statistics.median(check_ms)
    print(f"{path.name}, median of {runs} alternating runs")
    print(f"read (in process)            {read_median:8.1f} ms")
    print(f"check (in process, incl. read) {check_median:6.1f} ms   = {check_median / read_median:.2f} × read (target ≤ 3)")
    print(f"check (fresh process, JSON)  {statistics.median(fresh) * 1000:8.1f} ms   (target < 2000 ms)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT, int(sys.argv[2]) if len(sys.argv) > 2 else 15)

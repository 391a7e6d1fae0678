"""End-to-end `check` of a 40-page document against `read` of it, in the same run, and a fresh process.

Usage: .venv/bin/python benchmarks/check_vs_read.py [DOCX] [runs]
Targets (issue 5): check ≤ 3× read; a fresh `sosfs-check check` process < 2 s on this machine. Both ratios are
printed: in process (the analysis alone against the reader) and end to end (the commands as a user runs them).
Read and check runs alternate and the ratio is the median of each pair's ratio, so a noisy machine slows both
alike. Each timed run follows timeit (garbage
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
    fresh_read, fresh = [], []
    for _ in range(max(3, runs // 3)):
        for command, timings in (("read", fresh_read), ("check", fresh)):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "sosfs_check", command, str(path), "--format", "json",
                            "-o", "/dev/null", "--force"], check=True, capture_output=True)
            timings.append(time.perf_counter() - start)
    read_median, check_median = statistics.median(read_ms), statistics.median(check_ms)
    # Each check is compared with the read just before it, so a slow spell of the machine slows both alike.
    ratio = statistics.median(c / r for r, c in zip(read_ms, check_ms, strict=True))
    print(f"{path.name}, median of {runs} alternating runs")
    print(f"read (in process)            {read_median:8.1f} ms")
    print(f"check (in process, incl. read) {check_median:6.1f} ms   = {ratio:.2f} × read (target ≤ 3; median of"
          " the run-by-run ratios)")
    fresh_read_ms, fresh_ms = statistics.median(fresh_read) * 1000, statistics.median(fresh) * 1000
    print(f"read (fresh process, JSON)   {fresh_read_ms:8.1f} ms")
    print(f"check (fresh process, JSON)  {fresh_ms:8.1f} ms   = {fresh_ms / fresh_read_ms:.2f} × read (target < 2000 ms)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT, int(sys.argv[2]) if len(sys.argv) > 2 else 15)
